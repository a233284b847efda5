/* test-cli-form.c — coopzone-cli export-form, and the form inside a packed
 * archive carrying the content fingerprint that verify prints
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <locale.h>
#include <string.h>
#include <archive.h>
#include <archive_entry.h>

#include "cz-test-cli.h"
#include "cz-test-utils.h"

/* Whitespace out: pdftotext breaks long lines where the form wraps them. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return squeeze (out);
}

/* The value after "label: " on a line of @text. */
static char *
line_value (const char *text,
            const char *label)
{
  const char *at = strstr (text, label);
  const char *end;

  g_assert_nonnull (at);
  at += strlen (label);
  end = strchr (at, '\n');
  return g_strndup (at, end ? (gsize) (end - at) : strlen (at));
}

static void
test_export_form (CzCliFixture  *fixture,
                  gconstpointer  data)
{
  g_autofree char *dossier = cz_cli_fixture_path (fixture, "示例.json");
  g_autofree char *pdf = cz_cli_fixture_path (fixture, "申报表.pdf");
  g_autofree char *text = NULL;
  CzCliResult result;

  result = cz_cli_run (fixture, "sample", dossier, NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "export-form", dossier, pdf, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "申报表.pdf"));
  cz_cli_result_clear (&result);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "中外中小企业合作区申报表"));
  g_assert_nonnull (strstr (text, "临湖中欧中小企业合作区"));
  g_assert_nonnull (strstr (text, "草稿"));

  /* Bad input: exit 2 with a message naming what is wrong. */
  result = cz_cli_run (fixture, "export-form", dossier, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "export-form"));
  cz_cli_result_clear (&result);
  result = cz_cli_run (fixture, "export-form", "/nonexistent/dossier.json", pdf, NULL);
  g_assert_cmpint (result.status, ==, 2);
  cz_cli_result_clear (&result);
  result = cz_cli_run (fixture, "export-form", dossier, "/nonexistent/folder/申报表.pdf", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "/nonexistent/folder/申报表.pdf"));
  cz_cli_result_clear (&result);
  /* The earlier export is still whole. */
  g_free (text);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "临湖中欧中小企业合作区"));
}

/* Copies the archive's data/application-form.pdf to @out. */
static void
extract_form (const char *archive_path,
              const char *out)
{
  struct archive *zip = archive_read_new ();
  struct archive_entry *entry;
  gboolean found = FALSE;
  int status;

  /* Seekable: stored entries written with a data descriptor need the central directory. */
  archive_read_support_format_zip_seekable (zip);
  g_assert_cmpint (archive_read_open_filename (zip, archive_path, 65536), ==, ARCHIVE_OK);
  while ((status = archive_read_next_header (zip, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (entry);

      if (name != NULL && g_str_has_suffix (name, "/data/application-form.pdf"))
        {
          g_autoptr(GByteArray) bytes = g_byte_array_new ();
          char buffer[65536];
          la_ssize_t n;

          while ((n = archive_read_data (zip, buffer, sizeof buffer)) > 0)
            g_byte_array_append (bytes, (guint8 *) buffer, n);
          g_assert_cmpint (n, ==, 0);
          g_assert_true (g_file_set_contents (out, (char *) bytes->data, bytes->len, NULL));
          found = TRUE;
        }
      else
        archive_read_data_skip (zip);
    }
  archive_read_free (zip);
  g_assert_true (found);
}

static void
test_pack_form_fingerprint (CzCliFixture  *fixture,
                            gconstpointer  data)
{
  g_autofree char *archive = cz_cli_pack_sample (fixture);
  g_autofree char *pdf = cz_cli_fixture_path (fixture, "form.pdf");
  g_autofree char *content = NULL;
  g_autofree char *signer = NULL;
  g_autofree char *text = NULL;
  CzCliResult result = cz_cli_run (fixture, "verify", archive, NULL);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "data/application-form.pdf"));
  content = line_value (result.out, "Content fingerprint (on the form): ");
  signer = line_value (result.out, "Signer SHA-256 fingerprint: ");
  g_assert_cmpuint (strlen (content), ==, 95);
  cz_cli_result_clear (&result);

  extract_form (archive, pdf);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, content));
  g_assert_nonnull (strstr (text, signer));
  g_assert_null (strstr (text, "草稿"));
  g_assert_nonnull (strstr (text, "临湖中欧中小企业合作区"));
}

int
main (int   argc,
      char *argv[])
{
  /* libarchive gives UTF-8 names only in a UTF-8 locale. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/export-form", CzCliFixture, NULL, cz_cli_fixture_set_up, test_export_form, cz_cli_fixture_tear_down);
  g_test_add ("/cli/pack/form-fingerprint", CzCliFixture, NULL, cz_cli_fixture_set_up, test_pack_form_fingerprint, cz_cli_fixture_tear_down);
  return g_test_run ();
}
