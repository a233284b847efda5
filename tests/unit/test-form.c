/* test-form.c — the printable application form: what pdftotext reads back,
 * embedded fonts, watermark, footers, page breaks, atomic writes
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cz-content-fingerprint.h"
#include "cz-divisions.h"
#include "cz-evidence.h"
#include "cz-fields.h"
#include "cz-form.h"
#include "cz-money.h"
#include "cz-rules-catalog.h"
#include "cz-sample.h"

#define FINGERPRINT_CONTENT "0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9"
#define FINGERPRINT_CERT    "F9:E8:D7:C6:B5:A4:93:82:71:60:5F:4E:3D:2C:1B:0A:F9:E8:D7:C6:B5:A4:93:82:71:60:5F:4E:3D:2C:1B:0A"

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* Whitespace and line breaks out: a wrapped cell reads as one string. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
pdf_text (const char *path,
          int         page)
{
  g_autofree char *out = NULL;
  g_autofree char *first = g_strdup_printf ("%d", page);
  g_autoptr(GError) error = NULL;
  int status;
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) (page > 0 ? one : all), NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return squeeze (out);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  if (strstr (text, squeezed) == NULL)
    g_error ("“%s” is not in the form's text", needle);
}

static void
assert_fonts_embedded (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { "pdffonts", path, NULL };
  int status;
  guint n_fonts = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* name type encoding emb sub uni object ID: after the two header lines. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      guint n;

      if (lines[i][0] == '\0')
        continue;
      columns = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      {
        g_autoptr(GPtrArray) words = g_ptr_array_new ();
        for (n = 0; columns[n]; n++)
          if (columns[n][0])
            g_ptr_array_add (words, columns[n]);
        g_assert_cmpuint (words->len, >=, 7);
        /* emb is the fourth column from the end of "emb sub uni obj ID". */
        g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      }
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

static CzRules *
rules_for (CzDossier *dossier)
{
  g_autoptr(GError) error = NULL;
  CzRules *rules = cz_rules_dup_for_dossier (dossier, &error);

  g_assert_no_error (error);
  return rules;
}

/* The sample, with one evidence file citing pages 2-3. */
static CzDossier *
sample_with_evidence (void)
{
  CzDossier *dossier = cz_sample_dossier_new ();
  g_autoptr(CzRules) rules = rules_for (dossier);
  CzEvidenceInfo info = { .sha256 = (char *) "5a1f0c0e6d3b2a19f8e7d6c5b4a3928170615f4e3d2c1b0a99887766554433ab",
                          .name = (char *) "园区总体规划.pdf", .page_count = 12, .size = 1000 };

  cz_evidence_add_to_dossier (dossier, cz_evidence_slot_get_id (cz_rules_get_evidence_slot (rules, 0)), &info, "2-3");
  return dossier;
}

static char *
render (CzDossier           *dossier,
        const CzFormOptions *options,
        const char          *name,
        guint               *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = cz_form_render (dossier, options, n_pages, NULL, &error);
  char *path = tmp_path (name);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  g_assert_no_error (error);
  return path;
}

static void
test_form_sample_text (void)
{
  g_autoptr(CzDossier) dossier = sample_with_evidence ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *citation = cz_page_ranges_dup_citation ("2-3", "zh_CN");
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 8, 1, 0, 0, 0);
  CzFormOptions options;
  guint n_pages = 0;
  gint64 fen;

  cz_form_options_init (&options);
  options.date = date;
  path = render (dossier, &options, "sample.pdf", &n_pages);
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpuint (n_pages, <=, 12);
  text = pdf_text (path, 0);

  assert_contains (text, "中外中小企业合作区申报表");
  assert_contains (text, "临湖中欧中小企业合作区");
  assert_contains (text, cz_division_get_name (cz_divisions_lookup ("320500")));
  assert_contains (text, "临湖市工业和信息化局（示例）");
  assert_contains (text, "2026年8月1日");
  g_assert_true (cz_dossier_get_money (dossier, "revenue.y2024.total", &fen));
  amount = cz_money_format (fen, CZ_MONEY_UNIT_WAN);
  upper = cz_money_format_uppercase (fen);
  g_assert_true (g_str_has_suffix (amount, "万元"));
  assert_contains (text, amount);
  assert_contains (text, upper);
  assert_contains (text, "园区总体规划.pdf");
  assert_contains (text, citation);
  assert_contains (text, "东至临湖大道（示例）");
  assert_contains (text, "生物医药港");
  assert_contains (text, "生产安全事故");
  assert_contains (text, "自评总分");
  assert_contains (text, "盖章");
  assert_contains (text, "草稿");

  first = g_strdup_printf ("第1页共%u页", n_pages);
  last = g_strdup_printf ("第%u页共%u页", n_pages, n_pages);
  assert_contains (text, first);
  assert_contains (text, last);
  assert_fonts_embedded (path);
}

static void
test_form_archive_footer (void)
{
  g_autoptr(CzDossier) dossier = sample_with_evidence ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page_one = NULL;
  CzFormOptions options;
  guint n_pages;

  cz_form_options_init (&options);
  options.draft = FALSE;
  options.content_fingerprint = FINGERPRINT_CONTENT;
  options.certificate_fingerprint = FINGERPRINT_CERT;
  path = render (dossier, &options, "archive.pdf", &n_pages);
  text = pdf_text (path, 0);
  g_assert_null (strstr (text, "草稿"));
  page_one = pdf_text (path, n_pages);
  /* Every page, the last included. */
  assert_contains (page_one, FINGERPRINT_CONTENT);
  assert_contains (page_one, FINGERPRINT_CERT);
  assert_fonts_embedded (path);
}

static char *
repeat (const char *unit,
        guint       n_chars)
{
  GString *out = g_string_new (NULL);

  while (g_utf8_strlen (out->str, -1) + g_utf8_strlen (unit, -1) <= n_chars)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

/* Everything at its longest: texts at their limits, many areas, incidents and files. */
static CzDossier *
maximal_dossier (void)
{
  CzDossier *dossier = sample_with_evidence ();
  g_autoptr(CzRules) rules = rules_for (dossier);
  static const char * const texts[] = {
    CZ_FIELD_ZONE_NAME, CZ_FIELD_ZONE_MANAGEMENT_BODY, CZ_FIELD_APPLICANT_DEPARTMENT, CZ_FIELD_CONTACT_NAME,
    CZ_FIELD_BOUNDARY_EAST, CZ_FIELD_BOUNDARY_SOUTH, CZ_FIELD_BOUNDARY_WEST, CZ_FIELD_BOUNDARY_NORTH,
    CZ_FIELD_REVENUE_JUSTIFICATION, CZ_FIELD_DECLARATION_OFFICIAL_NAME, CZ_FIELD_DECLARATION_OFFICIAL_TITLE,
  };
  GVariantBuilder areas;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = repeat ("合作区长文本测试，", cz_field_spec_lookup (texts[i])->max_length);
      cz_dossier_set_text (dossier, texts[i], text);
    }

  g_variant_builder_init (&areas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *name = g_strdup_printf ("功能区第%u号", i + 1);
      g_autofree char *purpose = repeat ("研发、制造与服务配套，", 60);
      GVariantBuilder record;

      g_variant_builder_init (&record, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&record, "{sv}", "name", g_variant_new_string (name));
      g_variant_builder_add (&record, "{sv}", "area_m2", g_variant_new_int64 (1000000 + i * 12345));
      g_variant_builder_add (&record, "{sv}", "purpose", g_variant_new_string (purpose));
      g_variant_builder_add_value (&areas, g_variant_builder_end (&record));
    }
  {
    g_autoptr(CzValue) value = cz_value_new_records (g_variant_builder_end (&areas));
    cz_dossier_set_value (dossier, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS, value);
  }

  for (guint t = 0; t < CZ_INCIDENT_N_TYPES; t++)
    {
      g_autofree char *id = cz_field_id_for_incident (CZ_FIELD_INCIDENTS_LIST, t, 0);
      GVariantBuilder list;

      g_variant_builder_init (&list, G_VARIANT_TYPE ("aa{sv}"));
      for (guint i = 0; i < 8; i++)
        {
          g_autofree char *description = repeat ("事故经过、处置情况与整改措施说明，", 400);
          GVariantBuilder record;

          g_variant_builder_init (&record, G_VARIANT_TYPE ("a{sv}"));
          g_variant_builder_add (&record, "{sv}", "date", g_variant_new_string ("2023-05-06"));
          g_variant_builder_add (&record, "{sv}", "place", g_variant_new_string ("合作区东片区某企业厂房"));
          g_variant_builder_add (&record, "{sv}", "description", g_variant_new_string (description));
          g_variant_builder_add (&record, "{sv}", "deaths", g_variant_new_int64 (i % 3));
          g_variant_builder_add_value (&list, g_variant_builder_end (&record));
        }
      {
        g_autoptr(CzValue) value = cz_value_new_records (g_variant_builder_end (&list));
        cz_dossier_set_value (dossier, id, value);
      }
    }

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) &i, sizeof i);
      g_autofree char *name = g_strdup_printf ("佐证材料%02u-%s.pdf", i + 1, "合作区建设运营情况的详细说明与证明文件");
      CzEvidenceInfo info = { .sha256 = sha256, .name = name, .page_count = 30, .size = 1000 };
      const CzEvidenceSlot *slot = cz_rules_get_evidence_slot (rules, i % cz_rules_get_n_evidence_slots (rules));

      cz_evidence_add_to_dossier (dossier, cz_evidence_slot_get_id (slot), &info, "1-3,5,7-9");
    }
  return dossier;
}

static void
test_form_maximal (void)
{
  g_autoptr(CzDossier) dossier = maximal_dossier ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  CzFormOptions options;
  guint n_pages = 0;
  guint with_area_header = 0;
  guint with_incident_header = 0;

  cz_form_options_init (&options);
  path = render (dossier, &options, "maximal.pdf", &n_pages);
  g_test_message ("maximal dossier: %u pages", n_pages);
  g_assert_cmpuint (n_pages, >=, 10);
  g_assert_cmpuint (n_pages, <=, 60);

  /* The functional-area and incident tables run over several pages, each
   * continuing under its header row. */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = pdf_text (path, page);
      g_autofree char *number = g_strdup_printf ("第%u页共%u页", page, n_pages);

      assert_contains (page_text, number);
      if (strstr (page_text, "功能区名称") && strstr (page_text, "主要用途"))
        with_area_header++;
      if (strstr (page_text, "基本情况") && strstr (page_text, "发生地点"))
        with_incident_header++;
    }
  g_assert_cmpuint (with_area_header, >=, 2);
  g_assert_cmpuint (with_incident_header, >=, 2);

  text = pdf_text (path, 0);
  assert_contains (text, "功能区第80号");
  assert_contains (text, "佐证材料40-");
  assert_fonts_embedded (path);
}

static void
test_form_atomic (void)
{
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = tmp_path ("read-only");
  g_autofree char *path = g_build_filename (dir, "form.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "before", -1, &error));
  g_assert_no_error (error);

  /* A cancelled render leaves the old file. */
  g_cancellable_cancel (cancellable);
  g_assert_false (cz_form_render_to_file (dossier, NULL, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* So does a folder nobody may write to (root may write anywhere). */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_assert_false (cz_form_render_to_file (dossier, NULL, file, NULL, &error));
      g_assert_error (error, CZ_FORM_ERROR, CZ_FORM_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "form.pdf"));
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
    }
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "before");
  g_clear_pointer (&contents, g_free);

  /* And a good render replaces it whole. */
  g_assert_true (cz_form_render_to_file (dossier, NULL, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Rendered;

static void
on_rendered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Rendered *rendered = user_data;

  rendered->done = cz_form_render_to_file_finish (result, &rendered->error) || TRUE;
}

static void
test_form_async (void)
{
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autofree char *path = tmp_path ("async.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  Rendered rendered = { 0 };

  cz_form_render_to_file_async (dossier, NULL, file, NULL, on_rendered, &rendered);
  while (!rendered.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (rendered.error);
  text = pdf_text (path, 0);
  assert_contains (text, "临湖中欧中小企业合作区");
}

static void
test_form_content_fingerprint (void)
{
  static const char manifest[] =
    "1111111111111111111111111111111111111111111111111111111111111111  data/application-form.pdf\n"
    "2222222222222222222222222222222222222222222222222222222222222222  data/dossier.json\n"
    "3333333333333333333333333333333333333333333333333333333333333333  data/evidence/a/01-x.pdf\n";
  static const char shuffled[] =
    "3333333333333333333333333333333333333333333333333333333333333333  data/evidence/a/01-x.pdf\n"
    "2222222222222222222222222222222222222222222222222222222222222222  data/dossier.json\n";
  static const char expected_input[] =
    "2222222222222222222222222222222222222222222222222222222222222222  data/dossier.json\n"
    "3333333333333333333333333333333333333333333333333333333333333333  data/evidence/a/01-x.pdf\n";
  g_autofree char *a = cz_archive_dup_content_fingerprint (manifest, strlen (manifest));
  g_autofree char *b = cz_archive_dup_content_fingerprint (shuffled, strlen (shuffled));
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, expected_input, -1);
  g_autofree char *upper = g_ascii_strup (hex, -1);
  g_autofree char *a_plain = NULL;

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (strlen (a), ==, 95);
  a_plain = g_strdup (a);
  {
    char *w = a_plain;
    for (const char *r = a; *r; r++)
      if (*r != ':')
        *w++ = *r;
    *w = '\0';
  }
  g_assert_cmpstr (a_plain, ==, upper);
}

static void
test_form_date (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 8, 1, 10, 0, 0);
  g_autofree char *text = cz_form_format_date (date);

  g_assert_cmpstr (text, ==, "2026年8月1日");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("coopzone-form-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);

  g_test_add_func ("/form/date", test_form_date);
  g_test_add_func ("/form/content-fingerprint", test_form_content_fingerprint);
  g_test_add_func ("/form/sample-text", test_form_sample_text);
  g_test_add_func ("/form/archive-footer", test_form_archive_footer);
  g_test_add_func ("/form/maximal", test_form_maximal);
  g_test_add_func ("/form/atomic", test_form_atomic);
  g_test_add_func ("/form/async", test_form_async);
  result = g_test_run ();

  if (g_getenv ("CZ_KEEP_FORMS") == NULL)
    {
      const char *names[] = { "sample.pdf", "archive.pdf", "maximal.pdf", "async.pdf" };
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = tmp_path (names[i]);
          g_unlink (path);
        }
      g_rmdir (tmpdir);
    }
  else
    g_print ("# forms kept in %s\n", tmpdir);
  return result;
}
