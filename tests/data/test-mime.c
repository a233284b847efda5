/* test-mime.c — the desktop recognises a CoopZone archive by its content,
 * and only a CoopZone archive: the MIME definition installed with the app
 * (data/…mime.xml), compiled with update-mime-database into a private data
 * dir, as GIO reads it when a file manager asks what opens a file.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "cz-archive.h"
#include "cz-sample.h"

#define ARCHIVE_TYPE "application/x-coopzone-archive"

static char *data_home;

/* What a file manager does: the name (if @by_name) and the first bytes. */
static char *
sniff (const char *path,
       gboolean    by_name)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_content_type_guess (by_name ? basename : NULL, (const guchar *) contents, MIN (length, 4096), NULL);
}

static void
write_plain_zip (const char *path,
                 const char *first_name)
{
  struct archive *zip = archive_write_new ();
  struct archive_entry *entry = archive_entry_new ();
  static const char text[] = "hello\n";

  archive_write_set_format_zip (zip);
  g_assert_cmpint (archive_write_open_filename (zip, path), ==, ARCHIVE_OK);
  archive_entry_set_pathname (entry, first_name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, sizeof text - 1);
  g_assert_cmpint (archive_write_header (zip, entry), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_data (zip, text, sizeof text - 1), ==, sizeof text - 1);
  archive_entry_free (entry);
  g_assert_cmpint (archive_write_close (zip), ==, ARCHIVE_OK);
  archive_write_free (zip);
}

static void
test_archive_recognised (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzSigner) signer = cz_signer_create_department ("测试市中小企业局", CZ_SIGNER_KEY_ECDSA_P256, NULL, &error);
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(CzPackOptions) options = cz_pack_options_new ();
  g_autoptr(GBytes) form = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  /* The name the Pack dialog proposes. */
  g_autofree char *path = g_build_filename (data_home, "示范合作区-2026-05-20-申报包.coopzone.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *type = NULL;
  g_autoptr(JsonNode) check = NULL;

  g_assert_no_error (error);
  cz_pack_options_set_application_form_bytes (options, form);
  check = json_from_string ("{\"rules_pack\":{\"id\":\"test\",\"sha256\":\"00\"},\"findings\":[],\"score\":null}", &error);
  g_assert_no_error (error);
  cz_pack_options_set_check (options, check);
  g_assert_true (cz_archive_pack (dossier, options, signer, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  type = sniff (path, TRUE);
  g_assert_cmpstr (type, ==, ARCHIVE_TYPE);
  /* Still a ZIP to everything that handles ZIPs. */
  g_assert_true (g_content_type_is_a (type, "application/zip"));

  /* By the name alone, as a file manager lists a folder. */
  g_free (type);
  type = g_content_type_guess ("其他.coopzone.zip", NULL, 0, NULL);
  g_assert_cmpstr (type, ==, ARCHIVE_TYPE);

  /* Where the name says nothing (a download, a mail attachment), the
   * first entry's name does. */
  g_free (type);
  type = sniff (path, FALSE);
  g_assert_cmpstr (type, ==, ARCHIVE_TYPE);
}

static void
test_other_zip_not_claimed (void)
{
  g_autofree char *path = g_build_filename (data_home, "photos.zip", NULL);
  g_autofree char *bag = g_build_filename (data_home, "other-bag.zip", NULL);
  g_autofree char *type = NULL;
  g_autofree char *bag_type = NULL;

  write_plain_zip (path, "readme.txt");
  type = sniff (path, TRUE);
  g_assert_cmpstr (type, ==, "application/zip");
  g_free (type);
  type = sniff (path, FALSE);
  g_assert_cmpstr (type, ==, "application/zip");

  /* A BagIt bag made by another tool is not a CoopZone archive either. */
  write_plain_zip (bag, "bag-1/bagit.txt");
  bag_type = sniff (bag, FALSE);
  g_assert_cmpstr (bag_type, ==, "application/zip");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *packages = NULL;
  g_autofree char *definition = NULL;
  g_autofree char *mime_dir = NULL;
  g_autofree char *command = NULL;
  int status = 0;
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  /* Before GIO reads any MIME data: only the system's and ours. */
  data_home = g_dir_make_tmp ("cz-test-mime-XXXXXX", &error);
  g_assert_no_error (error);
  mime_dir = g_build_filename (data_home, "mime", NULL);
  packages = g_build_filename (mime_dir, "packages", NULL);
  g_assert_cmpint (g_mkdir_with_parents (packages, 0700), ==, 0);
  definition = g_build_filename (packages, "io.github.coopzone.CoopZone.xml", NULL);
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_file_get_contents (MIME_DEFINITION, &contents, &length, &error);
    g_assert_no_error (error);
    g_file_set_contents (definition, contents, length, &error);
    g_assert_no_error (error);
  }
  command = g_strdup_printf ("update-mime-database '%s'", mime_dir);
  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_add_func ("/mime/archive-recognised", test_archive_recognised);
  g_test_add_func ("/mime/other-zip-not-claimed", test_other_zip_not_claimed);
  result = g_test_run ();

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", data_home);
    g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
  }
  return result;
}
