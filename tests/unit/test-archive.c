/* test-archive.c — packing, verifying, standard tools, tampering, hostile ZIPs
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>
#include <gnutls/pkcs12.h>
#include <gnutls/x509.h>

#include "cz-archive.h"
#include "cz-bag.h"
#include "cz-digest.h"
#include "cz-sample.h"
#include "cz-test-utils.h"

#define DEPARTMENT "苏州市工业和信息化局"
#define PYTHON "/usr/bin/python3"

static CzSigner *the_signer;

typedef struct
{
  char *dir;
  char *evidence_dir;
} Fixture;

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* A PDF-looking file of @size pseudo-random bytes. */
static void
write_evidence (const char *path,
                gsize       size,
                guint32     seed)
{
  g_autofree guint8 *data = g_malloc (size);
  GRand *rand = g_rand_new_with_seed (seed);
  static const char head[] = "%PDF-1.4\n";

  for (gsize i = 0; i < size; i++)
    data[i] = g_rand_int (rand) & 0xff;
  memcpy (data, head, MIN (size, sizeof head - 1));
  g_rand_free (rand);
  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cz-archive-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->evidence_dir = fixture_path (fixture, "证据");
  g_assert_cmpint (g_mkdir (fixture->evidence_dir, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cz_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->evidence_dir);
}

static JsonNode *
make_check (guint n_blockers)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rules_pack");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "miit-2025");
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, "0000000000000000000000000000000000000000000000000000000000000001");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_blockers + 1; i++)
    {
      g_autofree char *message = g_strdup_printf ("问题 %u", i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule_id");
      json_builder_add_string_value (builder, "rule.x");
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, i < n_blockers ? "blocker" : "warning");
      json_builder_set_member_name (builder, "field_id");
      json_builder_add_string_value (builder, "zone.name");
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "score");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total_tenths");
  json_builder_add_int_value (builder, 815);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Options with three evidence files under two criteria and a form. */
static CzPackOptions *
make_options (Fixture   *fixture,
              GDateTime *signing_time,
              gsize      evidence_size)
{
  CzPackOptions *options = cz_pack_options_new ();
  g_autoptr(JsonNode) check = make_check (0);
  static const struct { const char *criterion, *file, *title, *pages; } items[] = {
    { "c1", "营业执照.pdf", NULL, "1" },
    { "c1", "scan 2.PDF", "园区规划 (2024)", "3-5, 8" },
    { "c2", "合作协议.pdf", "合作协议", NULL },
  };

  cz_pack_options_set_check (options, check);
  cz_pack_options_set_signing_time (options, signing_time);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *path = g_build_filename (fixture->evidence_dir, items[i].file, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        write_evidence (path, evidence_size, i + 1);
      cz_pack_options_add_evidence (options, items[i].criterion, file, items[i].title, items[i].pages, NULL);
    }
  {
    g_autoptr(GBytes) form = g_bytes_new_static ("%PDF-1.4\n申报表\n%%EOF\n", 23);
    cz_pack_options_set_application_form_bytes (options, form);
  }
  return options;
}

static GDateTime *
fixed_time (void)
{
  return g_date_time_new_utc (2026, 5, 20, 9, 30, 0);
}

static char *
pack_signed (Fixture     *fixture,
             const char  *name,
             gsize        evidence_size,
             CzSigner    *signer,
             GDateTime   *signing_time)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(CzPackOptions) options = make_options (fixture, signing_time, evidence_size);
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  cz_archive_pack (dossier, options, signer, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static char *
pack_sample (Fixture     *fixture,
             const char  *name,
             gsize        evidence_size)
{
  g_autoptr(GDateTime) time = fixed_time ();

  return pack_signed (fixture, name, evidence_size, the_signer, time);
}

/* name → contents, read with libarchive (test side only). */
static GHashTable *
read_entries (const char *path)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  struct archive *zip = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (zip);
  archive_read_set_options (zip, "hdrcharset=UTF-8");
  g_assert_cmpint (archive_read_open_filename (zip, path, 65536), ==, ARCHIVE_OK);
  while (archive_read_next_header (zip, &entry) == ARCHIVE_OK)
    {
      GByteArray *data = g_byte_array_new ();
      guint8 buffer[65536];
      la_ssize_t n;

      while ((n = archive_read_data (zip, buffer, sizeof buffer)) > 0)
        g_byte_array_append (data, buffer, n);
      g_assert_cmpint (n, ==, 0);
      g_hash_table_insert (entries, g_strdup (archive_entry_pathname_utf8 (entry)), g_byte_array_free_to_bytes (data));
    }
  archive_read_free (zip);
  return entries;
}

/* Exit status of a command run in @cwd; stdout+stderr logged. */
static int
run_in (const char *cwd,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_cwd (launcher, cwd);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s → %d: %s", first, g_subprocess_get_exit_status (process), out);
  return g_subprocess_get_exit_status (process);
}

static gboolean
have_tools (void)
{
  const char *tools[] = { "unzip", "sha256sum", "openssl", PYTHON };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *found = g_find_program_in_path (tools[i]);

      if (found == NULL)
        {
          g_test_skip_printf ("%s is not installed", tools[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
write_signer_pem (Fixture *fixture)
{
  g_autofree char *pem = cz_signer_dup_certificate_pem (the_signer);
  char *path = fixture_path (fixture, "department.pem");

  g_assert_true (g_file_set_contents (path, pem, -1, NULL));
  return path;
}

static CzArchiveVerification *
verify_path (const char  *path,
             GBytes      *trusted,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cz_archive_verify (file, trusted, NULL, NULL, NULL, error);
}

/* ---------------------------------------------------------------------- */

static void
test_pack_and_verify (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pack_sample (fixture, "申报包.zip", 4096);
  g_autoptr(CzArchiveVerification) result = verify_path (path, NULL, &error);
  g_autoptr(GHashTable) entries = read_entries (path);
  g_autoptr(GDateTime) time = fixed_time ();
  g_autofree char *fingerprint = NULL;
  const char * const *files;
  JsonObject *dossier;
  JsonArray *evidence;
  const char *bag = NULL;
  GHashTableIter iter;
  gpointer key;

  g_assert_no_error (error);
  if (!cz_archive_verification_get_valid (result))
    g_test_message ("problems: %s", cz_archive_verification_get_problems (result)[0]);
  g_assert_true (cz_archive_verification_get_valid (result));
  g_assert_cmpstr (cz_archive_verification_get_problems (result)[0], ==, NULL);
  g_assert_false (cz_archive_verification_get_trust_checked (result));
  g_assert_cmpstr (cz_archive_verification_get_signer_fingerprint (result), ==, cz_signer_get_fingerprint (the_signer));
  g_assert_nonnull (strstr (cz_archive_verification_get_signer_subject (result), DEPARTMENT));
  g_assert_true (g_date_time_equal (cz_archive_verification_get_signing_time (result), time));
  g_assert_cmpstr (cz_archive_verification_get_rules_pack_id (result), ==, "miit-2025");
  g_assert_cmpstr (cz_archive_verification_get_app_version (result), ==, PACKAGE_VERSION);
  g_assert_cmpstr (cz_archive_verification_get_payload_oxum (result), !=, NULL);

  files = cz_archive_verification_get_files (result);
  g_assert_cmpuint (g_strv_length ((char **) files), ==, 5);
  g_assert_cmpstr (files[0], ==, "data/application-form.pdf");
  g_assert_cmpstr (files[1], ==, "data/dossier.json");
  g_assert_cmpstr (files[2], ==, "data/evidence/c1/01-营业执照.pdf");
  g_assert_cmpstr (files[3], ==, "data/evidence/c1/02-园区规划 (2024).pdf");
  g_assert_cmpstr (files[4], ==, "data/evidence/c2/01-合作协议.pdf");

  /* The exact layout of DESIGN.md, under one bag folder. */
  g_assert_cmpuint (g_hash_table_size (entries), ==, 10);
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_suffix (key, "/bagit.txt"))
      bag = key;
  g_assert_nonnull (bag);
  {
    g_autofree char *prefix = g_strndup (bag, strlen (bag) - strlen ("bagit.txt"));
    const char *names[] = { "bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt",
                            "signature/tagmanifest-sha256.txt.p7s", "data/dossier.json", "data/application-form.pdf" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *name = g_strconcat (prefix, names[i], NULL);
        g_assert_true (g_hash_table_contains (entries, name));
      }
    {
      g_autofree char *name = g_strconcat (prefix, "tagmanifest-sha256.txt", NULL);
      fingerprint = cz_archive_dup_tag_manifest_fingerprint (g_hash_table_lookup (entries, name));
    }
    g_assert_cmpstr (cz_archive_verification_get_tag_manifest_fingerprint (result), ==, fingerprint);
    {
      g_autofree char *name = g_strconcat (prefix, "bag-info.txt", NULL);
      GBytes *info = g_hash_table_lookup (entries, name);
      g_autofree char *text = g_strndup (g_bytes_get_data (info, NULL), g_bytes_get_size (info));

      g_assert_nonnull (strstr (text, "Source-Organization: "));
      g_assert_nonnull (strstr (text, "Bagging-Date: 2026-05-20\n"));
      g_assert_nonnull (strstr (text, "Payload-Oxum: "));
      g_assert_nonnull (strstr (text, "CoopZone-Rules-Pack: miit-2025\n"));
      g_assert_nonnull (strstr (text, "CoopZone-Rules-Pack-SHA256: 0000"));
      g_assert_nonnull (strstr (text, "CoopZone-App-Version: " PACKAGE_VERSION "\n"));
      g_assert_nonnull (strstr (text, "CoopZone-Application-Form: included\n"));
    }
  }

  /* dossier.json: every field, the findings and score, the evidence index. */
  dossier = json_node_get_object (cz_archive_verification_get_dossier_json (result));
  g_assert_cmpstr (json_object_get_string_member (dossier, "signing_time"), ==, "2026-05-20T09:30:00Z");
  g_assert_true (json_object_has_member (json_object_get_object_member (dossier, "dossier"), "fields"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dossier, "findings")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (dossier, "score"), "total_tenths"), ==, 815);
  evidence = json_object_get_array_member (dossier, "evidence");
  g_assert_cmpuint (json_array_get_length (evidence), ==, 3);
  {
    JsonObject *second = json_array_get_object_element (evidence, 1);
    JsonArray *pages = json_object_get_array_member (second, "pages");

    g_assert_cmpstr (json_object_get_string_member (second, "criterion"), ==, "c1");
    g_assert_cmpstr (json_object_get_string_member (second, "title"), ==, "园区规划 (2024)");
    g_assert_cmpstr (json_object_get_string_member (second, "path"), ==, "data/evidence/c1/02-园区规划 (2024).pdf");
    g_assert_cmpuint (json_array_get_length (pages), ==, 2);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (pages, 0), "to"), ==, 5);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (pages, 1), "from"), ==, 8);
    g_assert_cmpint (strlen (json_object_get_string_member (second, "sha256")), ==, 64);
  }
}

static void
test_no_form_recorded (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(CzPackOptions) options = make_options (fixture, NULL, 100);
  g_autofree char *path = fixture_path (fixture, "out.zip");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CzArchiveVerification) result = NULL;

  cz_pack_options_set_application_form_bytes (options, NULL);
  g_assert_true (cz_archive_pack (dossier, options, the_signer, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  result = verify_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cz_archive_verification_get_valid (result));
  g_assert_cmpstr (cz_pack_options_get_tag_manifest_fingerprint (options), ==,
                   cz_archive_verification_get_tag_manifest_fingerprint (result));
  g_assert_false (g_strv_contains (cz_archive_verification_get_files (result), "data/application-form.pdf"));
  g_assert_true (json_node_is_null (json_object_get_member (json_node_get_object (cz_archive_verification_get_dossier_json (result)),
                                                            "application_form")));
}

static void
test_stored_and_deflated (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *listing = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0;

  if (!have_tools ())
    return;
  path = pack_sample (fixture, "out.zip", 4096);
  listing = fixture_path (fixture, "listing.txt");
  {
    g_autofree char *command = g_strdup_printf ("unzip -Z '%s' > '%s'", path, listing);
    g_assert_cmpint (run_in (fixture->dir, "/bin/sh", "-c", command, NULL), ==, 0);
  }
  g_assert_true (g_file_get_contents (listing, &out, NULL, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean stored = strstr (lines[i], " stor ") != NULL;
      gboolean deflated = strstr (lines[i], " defN ") != NULL || strstr (lines[i], " defX ") != NULL ||
                          strstr (lines[i], " defF ") != NULL || strstr (lines[i], " defS ") != NULL;

      if (g_str_has_suffix (lines[i], ".pdf") || g_str_has_suffix (lines[i], ".p7s"))
        {
          g_assert_true (stored);
          checked++;
        }
      else if (g_str_has_suffix (lines[i], ".txt") || g_str_has_suffix (lines[i], ".json"))
        {
          g_assert_true (deflated);
          checked++;
        }
    }
  g_assert_cmpuint (checked, ==, 10);
  /* UTF-8 names read right by another tool */
  g_assert_nonnull (strstr (out, "data/evidence/c1/01-营业执照.pdf"));
}

static void
test_same_payload (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *first = pack_sample (fixture, "first.zip", 10000);
  g_autofree char *second = pack_sample (fixture, "second.zip", 10000);
  g_autoptr(GHashTable) a = read_entries (first);
  g_autoptr(GHashTable) b = read_entries (second);
  GHashTableIter iter;
  gpointer key, value;
  guint compared = 0;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GBytes *other = g_hash_table_lookup (b, key);

      g_assert_nonnull (other);
      if (strstr (key, ".p7s") != NULL)
        continue;  /* ECDSA signatures are randomised */
      g_assert_true (g_bytes_equal (value, other));
      compared++;
    }
  g_assert_cmpuint (compared, ==, 9);
}

static void
test_refuse_blockers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(CzPackOptions) options = make_options (fixture, NULL, 100);
  g_autoptr(JsonNode) check = make_check (2);
  g_autofree char *path = fixture_path (fixture, "out.zip");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  cz_pack_options_set_check (options, check);
  g_assert_false (cz_archive_pack (dossier, options, the_signer, file, NULL, NULL, NULL, &error));
  g_assert_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_BLOCKERS);
  g_assert_nonnull (strstr (error->message, "问题 0 (zone.name)"));
  g_assert_nonnull (strstr (error->message, "问题 1 (zone.name)"));
  g_assert_null (strstr (error->message, "问题 2"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  cz_pack_options_set_check (options, NULL);
  g_assert_false (cz_archive_pack (dossier, options, the_signer, file, NULL, NULL, NULL, &error));
  g_assert_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_NOT_CHECKED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
cancel_halfway (guint64  done,
                guint64  total,
                gpointer user_data)
{
  if (done * 2 >= total)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_keeps_previous (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(CzPackOptions) options = make_options (fixture, NULL, 3 * 1024 * 1024);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *out_dir = fixture_path (fixture, "out");
  g_autofree char *path = g_build_filename (out_dir, "申报包.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "the previous archive", -1, NULL));

  g_assert_false (cz_archive_pack (dossier, options, the_signer, file, cancellable, cancel_halfway, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the previous archive");
  g_assert_cmpuint (count_entries (out_dir), ==, 1);
}

static void
test_write_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(CzPackOptions) options = make_options (fixture, NULL, 100);
  g_autofree char *path = fixture_path (fixture, "no-such-folder/out.zip");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_false (cz_archive_pack (dossier, options, the_signer, file, NULL, NULL, NULL, &error));
  g_assert_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
}

static void
test_evidence_changed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(CzPackOptions) options = make_options (fixture, NULL, 100);
  g_autofree char *evidence = g_build_filename (fixture->evidence_dir, "extra.pdf", NULL);
  g_autoptr(GFile) evidence_file = g_file_new_for_path (evidence);
  g_autofree char *path = fixture_path (fixture, "out.zip");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  write_evidence (evidence, 100, 9);
  cz_pack_options_add_evidence (options, "c3", evidence_file, NULL, NULL,
                                "0000000000000000000000000000000000000000000000000000000000000000");
  g_assert_false (cz_archive_pack (dossier, options, the_signer, file, NULL, NULL, NULL, &error));
  g_assert_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_EVIDENCE);
  g_assert_nonnull (strstr (error->message, "extra.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GThread  *main_thread;
  guint64   last_done;
  guint64   last_total;
  guint     calls;
  gboolean  finished;
  GError   *error;
} AsyncState;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_cmpuint (done, >=, state->last_done);
  state->last_done = done;
  state->last_total = total;
  state->calls++;
}

static void
on_packed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncState *state = user_data;

  cz_archive_pack_finish (result, &state->error);
  state->finished = TRUE;
}

typedef struct
{
  char    *path;
  guint64  at;
} CutShort;

/* Cuts the evidence being packed short once @at bytes are in, while the
 * rest of it is still to be read (at most the pipe's buffers ahead). */
static void
cut_short_while_packing (guint64  done,
                         guint64  total,
                         gpointer user_data)
{
  CutShort *cut = user_data;

  if (done >= cut->at && cut->path != NULL)
    {
      g_assert_cmpint (truncate (cut->path, 1000), ==, 0);
      g_clear_pointer (&cut->path, g_free);
    }
}

static void
test_evidence_cut_short (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  /* Each well beyond what the pipe reads ahead (8 × 256 KiB). */
  g_autoptr(CzPackOptions) options = make_options (fixture, NULL, 6 * 1024 * 1024);
  g_autofree char *path = fixture_path (fixture, "out.zip");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CutShort cut = { g_build_filename (fixture->evidence_dir, "scan 2.PDF", NULL), 7 * 1024 * 1024 };

  g_assert_false (cz_archive_pack (dossier, options, the_signer, file, NULL, cut_short_while_packing, &cut, &error));
  g_assert_null (cut.path);
  g_assert_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_EVIDENCE);
  g_assert_nonnull (strstr (error->message, "scan 2.PDF"));
  g_assert_nonnull (strstr (error->message, "changed while it was being packed"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

static void
test_async_progress (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(CzPackOptions) options = make_options (fixture, NULL, 2 * 1024 * 1024 + 17);
  g_autofree char *path = fixture_path (fixture, "out.zip");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AsyncState state = { g_thread_self (), 0, 0, 0, FALSE, NULL };

  cz_archive_pack_async (dossier, options, the_signer, file, NULL, on_progress, &state, NULL, on_packed, &state);
  while (!state.finished)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_no_error (state.error);
  g_assert_cmpuint (state.calls, >, 0);
  g_assert_cmpuint (state.last_total, ==, 3 * (2 * 1024 * 1024 + 17) + 23);
  g_assert_cmpuint (state.last_done, ==, state.last_total);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

typedef struct
{
  AsyncState              state;
  CzArchiveVerification  *result;
} VerifyState;

static void
on_verified (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  VerifyState *verify = user_data;

  verify->result = cz_archive_verify_finish (result, &verify->state.error);
  verify->state.finished = TRUE;
}

static void
test_verify_async_progress (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = pack_sample (fixture, "out.zip", 2 * 1024 * 1024 + 5);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VerifyState verify = { { g_thread_self (), 0, 0, 0, FALSE, NULL }, NULL };

  cz_archive_verify_async (file, NULL, NULL, on_progress, &verify.state, NULL, on_verified, &verify);
  while (!verify.state.finished)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_no_error (verify.state.error);
  g_assert_true (cz_archive_verification_get_valid (verify.result));
  g_assert_cmpuint (verify.state.calls, >, 0);
  g_assert_cmpuint (verify.state.last_done, ==, verify.state.last_total);
  g_assert_cmpuint (verify.state.last_total, >, 3 * (2 * 1024 * 1024 + 5));
  g_clear_object (&verify.result);
}

static void
test_verify_with_ca (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pack_sample (fixture, "out.zip", 100);
  g_autofree char *pem = cz_signer_dup_certificate_pem (the_signer);
  g_autoptr(GBytes) trusted = g_bytes_new (pem, strlen (pem));
  g_autoptr(CzSigner) stranger = cz_signer_create_department ("别的部门", CZ_SIGNER_KEY_ECDSA_P256, NULL, &error);
  g_autofree char *stranger_pem = cz_signer_dup_certificate_pem (stranger);
  g_autoptr(GBytes) untrusted = g_bytes_new (stranger_pem, strlen (stranger_pem));
  g_autoptr(CzArchiveVerification) good = NULL;
  g_autoptr(CzArchiveVerification) bad = NULL;

  good = verify_path (path, trusted, &error);
  g_assert_no_error (error);
  g_assert_true (cz_archive_verification_get_trust_checked (good));
  g_assert_true (cz_archive_verification_get_valid (good));

  bad = verify_path (path, untrusted, &error);
  g_assert_no_error (error);
  g_assert_false (cz_archive_verification_get_valid (bad));
  g_assert_cmpint (cz_archive_verification_get_failed_checks (bad), ==, CZ_ARCHIVE_CHECK_TRUST);
}

/* A certificate vouches for a signature made while it was valid, both ends
 * included, whatever the date is now. */
static void
test_signer_validity (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) issued = g_date_time_new_utc (2020, 3, 1, 8, 0, 0);
  g_autoptr(CzSigner) signer = cz_signer_create_department (DEPARTMENT, CZ_SIGNER_KEY_ECDSA_P256, issued, &error);
  g_autofree char *pem = cz_signer_dup_certificate_pem (signer);
  g_autoptr(GBytes) trusted = g_bytes_new (pem, strlen (pem));
  g_autoptr(GDateTime) expires = NULL;
  struct {
    const char *name;
    GDateTime  *time;
    gboolean    valid;
    const char *said;
  } cases[4];

  g_assert_no_error (error);
  expires = g_date_time_ref (cz_signer_get_not_after (signer));
  g_assert_true (g_date_time_equal (cz_signer_get_not_before (signer), issued));
  cases[0].name = "before.zip", cases[0].time = g_date_time_add_seconds (issued, -1), cases[0].valid = FALSE;
  cases[0].said = "before the signer certificate became valid (2020-03-01 08:00:00 UTC)";
  cases[1].name = "first.zip", cases[1].time = g_date_time_ref (issued), cases[1].valid = TRUE, cases[1].said = NULL;
  cases[2].name = "last.zip", cases[2].time = g_date_time_ref (expires), cases[2].valid = TRUE, cases[2].said = NULL;
  cases[3].name = "after.zip", cases[3].time = g_date_time_add_seconds (expires, 1), cases[3].valid = FALSE;
  cases[3].said = "after the signer certificate had expired (2025-03-01 08:00:00 UTC)";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = pack_signed (fixture, cases[i].name, 100, signer, cases[i].time);
      g_autoptr(CzArchiveVerification) result = verify_path (path, NULL, &error);
      g_autoptr(CzArchiveVerification) with_ca = NULL;
      g_autoptr(JsonNode) json = NULL;
      const char * const *problems;

      g_assert_no_error (error);
      g_test_message ("%s: %s", cases[i].name, cz_archive_verification_get_problems (result)[0]);
      g_assert_true (g_date_time_equal (cz_archive_verification_get_signing_time (result), cases[i].time));
      g_assert_true (g_date_time_equal (cz_archive_verification_get_signer_not_after (result), expires));
      g_assert_cmpint (cz_archive_verification_get_valid (result), ==, cases[i].valid);
      g_assert_cmpint (cz_archive_verification_get_failed_checks (result), ==,
                       cases[i].valid ? 0 : CZ_ARCHIVE_CHECK_SIGNER_VALIDITY);
      problems = cz_archive_verification_get_problems (result);
      if (cases[i].valid)
        g_assert_null (problems[0]);
      else
        {
          g_assert_nonnull (strstr (problems[0], cases[i].said));
          g_assert_null (problems[1]);
        }
      json = cz_archive_verification_to_json (result);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (json), "checks"),
                                                      "signer-validity"), ==, cases[i].valid ? "passed" : "failed");

      /* The certificate has long expired by now: trusting it still judges the signing time. */
      with_ca = verify_path (path, trusted, &error);
      g_assert_no_error (error);
      g_assert_true (cz_archive_verification_get_trust_checked (with_ca));
      g_assert_cmpint (cz_archive_verification_get_failed_checks (with_ca), ==,
                       cases[i].valid ? 0 : CZ_ARCHIVE_CHECK_SIGNER_VALIDITY);
      g_date_time_unref (cases[i].time);
    }
}

/* A certificate authority and what it issues, with chosen dates. */
typedef struct
{
  gnutls_x509_privkey_t key;
  gnutls_x509_crt_t     crt;
} Issued;

static void
issued_clear (Issued *issued)
{
  gnutls_x509_crt_deinit (issued->crt);
  gnutls_x509_privkey_deinit (issued->key);
}

/* @name valid @from…@until, issued by @issuer (NULL: itself). */
static Issued
issue (const char *name,
       GDateTime  *from,
       GDateTime  *until,
       gboolean    is_ca,
       Issued     *issuer)
{
  Issued issued = { NULL, NULL };
  guint8 serial[8] = { 0x42, 1, 2, 3, 4, 5, 6, 7 };
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;

  g_assert_cmpint (gnutls_x509_privkey_init (&issued.key), >=, 0);
  g_assert_cmpint (gnutls_x509_privkey_generate2 (issued.key, GNUTLS_PK_ECDSA,
                                                  GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0, NULL, 0), >=, 0);
  g_assert_cmpint (gnutls_x509_crt_init (&issued.crt), >=, 0);
  serial[7] = is_ca ? 1 : 2;
  g_assert_cmpint (gnutls_x509_crt_set_version (issued.crt, 3), >=, 0);
  g_assert_cmpint (gnutls_x509_crt_set_serial (issued.crt, serial, sizeof serial), >=, 0);
  g_assert_cmpint (gnutls_x509_crt_set_activation_time (issued.crt, g_date_time_to_unix (from)), >=, 0);
  g_assert_cmpint (gnutls_x509_crt_set_expiration_time (issued.crt, g_date_time_to_unix (until)), >=, 0);
  g_assert_cmpint (gnutls_x509_crt_set_dn_by_oid (issued.crt, GNUTLS_OID_X520_COMMON_NAME, 0, name, strlen (name)), >=, 0);
  g_assert_cmpint (gnutls_x509_crt_set_key (issued.crt, issued.key), >=, 0);
  g_assert_cmpint (gnutls_x509_crt_set_basic_constraints (issued.crt, is_ca, -1), >=, 0);
  g_assert_cmpint (gnutls_x509_crt_set_key_usage (issued.crt, is_ca ? GNUTLS_KEY_KEY_CERT_SIGN : GNUTLS_KEY_DIGITAL_SIGNATURE), >=, 0);
  g_assert_cmpint (gnutls_x509_crt_get_key_id (issued.crt, GNUTLS_KEYID_USE_SHA1, key_id, &key_id_size), >=, 0);
  g_assert_cmpint (gnutls_x509_crt_set_subject_key_id (issued.crt, key_id, key_id_size), >=, 0);
  if (issuer != NULL)
    g_assert_cmpint (gnutls_x509_crt_sign2 (issued.crt, issuer->crt, issuer->key, GNUTLS_DIG_SHA256, 0), >=, 0);
  else
    g_assert_cmpint (gnutls_x509_crt_sign2 (issued.crt, issued.crt, issued.key, GNUTLS_DIG_SHA256, 0), >=, 0);
  return issued;
}

static GBytes *
issued_pem (Issued *issued)
{
  gnutls_datum_t out = { NULL, 0 };
  GBytes *bytes;

  g_assert_cmpint (gnutls_x509_crt_export2 (issued->crt, GNUTLS_X509_FMT_PEM, &out), >=, 0);
  bytes = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  return bytes;
}

/* What a certificate authority hands over: a PKCS#12 of key and certificate. */
static CzSigner *
issued_signer (Issued *issued)
{
  g_autoptr(GError) error = NULL;
  gnutls_pkcs12_t pkcs12;
  gnutls_pkcs12_bag_t cert_bag, key_bag;
  gnutls_datum_t out = { NULL, 0 };
  g_autoptr(GBytes) data = NULL;
  CzSigner *signer;

  g_assert_cmpint (gnutls_pkcs12_init (&pkcs12), >=, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_init (&cert_bag), >=, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_init (&key_bag), >=, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_set_crt (cert_bag, issued->crt), >=, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_set_privkey (key_bag, issued->key, "pw", GNUTLS_PKCS_PBES2_AES_256), >=, 0);
  g_assert_cmpint (gnutls_pkcs12_set_bag (pkcs12, cert_bag), >=, 0);
  g_assert_cmpint (gnutls_pkcs12_set_bag (pkcs12, key_bag), >=, 0);
  g_assert_cmpint (gnutls_pkcs12_generate_mac2 (pkcs12, GNUTLS_MAC_SHA256, "pw"), >=, 0);
  g_assert_cmpint (gnutls_pkcs12_export2 (pkcs12, GNUTLS_X509_FMT_DER, &out), >=, 0);
  data = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  gnutls_pkcs12_bag_deinit (cert_bag);
  gnutls_pkcs12_bag_deinit (key_bag);
  gnutls_pkcs12_deinit (pkcs12);
  signer = cz_signer_new_from_pkcs12 (data, "issued.p12", "pw", &error);
  g_assert_no_error (error);
  return signer;
}

/* A signer issued by an authority: trusted through it while both were valid
 * at the signing time, whatever today's date. */
static void
test_verify_with_issuing_ca (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) ca_from = g_date_time_new_utc (2019, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) ca_until = g_date_time_new_utc (2023, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) leaf_from = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) leaf_until = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) while_both = g_date_time_new_utc (2022, 6, 1, 0, 0, 0);
  g_autoptr(GDateTime) after_ca = g_date_time_new_utc (2023, 6, 1, 0, 0, 0);
  Issued ca = issue ("省工业和信息化厅 CA", ca_from, ca_until, TRUE, NULL);
  Issued other_ca = issue ("别的 CA", ca_from, ca_until, TRUE, NULL);
  Issued leaf = issue (DEPARTMENT, leaf_from, leaf_until, FALSE, &ca);
  g_autoptr(GBytes) ca_pem = issued_pem (&ca);
  g_autoptr(GBytes) other_pem = issued_pem (&other_ca);
  g_autoptr(CzSigner) signer = issued_signer (&leaf);
  g_autofree char *good = pack_signed (fixture, "good.zip", 100, signer, while_both);
  g_autofree char *late = pack_signed (fixture, "late.zip", 100, signer, after_ca);
  g_autoptr(CzArchiveVerification) trusted = verify_path (good, ca_pem, &error);
  g_autoptr(CzArchiveVerification) untrusted = NULL;
  g_autoptr(CzArchiveVerification) ca_expired = NULL;
  const char * const *problems;

  g_assert_no_error (error);
  g_assert_true (cz_archive_verification_get_trust_checked (trusted));
  g_assert_cmpint (cz_archive_verification_get_failed_checks (trusted), ==, 0);

  untrusted = verify_path (good, other_pem, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cz_archive_verification_get_failed_checks (untrusted), ==, CZ_ARCHIVE_CHECK_TRUST);

  /* The leaf was still valid, the authority no longer was. */
  ca_expired = verify_path (late, ca_pem, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cz_archive_verification_get_failed_checks (ca_expired), ==, CZ_ARCHIVE_CHECK_TRUST);
  problems = cz_archive_verification_get_problems (ca_expired);
  g_assert_cmpstr (problems[0], ==, "The certificate authority “CN=省工业和信息化厅 CA” was not valid when the archive was signed "
                                    "at 2023-06-01 00:00:00 UTC (it is valid from 2019-01-01 00:00:00 UTC to 2023-01-01 00:00:00 UTC).");
  g_assert_null (problems[1]);

  issued_clear (&leaf);
  issued_clear (&other_ca);
  issued_clear (&ca);
}

/* ---------------------------------------------------------------------- */
/* What a recipient without CoopZone runs                                   */

typedef struct
{
  int payload;     /* sha256sum -c manifest-sha256.txt */
  int tags;        /* sha256sum -c tagmanifest-sha256.txt */
  int signature;   /* openssl cms -verify */
} ToolResults;

static ToolResults
run_standard_tools (const char *bag_dir,
                    const char *cert)
{
  ToolResults results;

  results.payload = run_in (bag_dir, "sha256sum", "--quiet", "-c", "manifest-sha256.txt", NULL);
  results.tags = run_in (bag_dir, "sha256sum", "--quiet", "-c", "tagmanifest-sha256.txt", NULL);
  results.signature = run_in (bag_dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER",
                              "-in", "signature/tagmanifest-sha256.txt.p7s", "-content", "tagmanifest-sha256.txt",
                              "-CAfile", cert, "-purpose", "any", "-out", "/dev/null", NULL);
  return results;
}

static char *
unzip_archive (Fixture    *fixture,
               const char *archive,
               const char *into)
{
  g_autofree char *dir = fixture_path (fixture, into);
  g_autoptr(GDir) listing = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_cmpint (run_in (dir, "unzip", "-q", archive, NULL), ==, 0);
  listing = g_dir_open (dir, 0, NULL);
  return g_build_filename (dir, g_dir_read_name (listing), NULL);
}

static void
test_standard_tools_agree (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *archive = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *bag = NULL;
  ToolResults results;

  if (!have_tools ())
    return;
  archive = pack_sample (fixture, "申报包.zip", 50000);
  cert = write_signer_pem (fixture);
  bag = unzip_archive (fixture, archive, "unpacked");

  g_assert_true (g_file_test (bag, G_FILE_TEST_IS_DIR));
  {
    g_autofree char *evidence = g_build_filename (bag, "data/evidence/c1/01-营业执照.pdf", NULL);
    g_assert_true (g_file_test (evidence, G_FILE_TEST_IS_REGULAR));
  }
  results = run_standard_tools (bag, cert);
  g_assert_cmpint (results.payload, ==, 0);
  g_assert_cmpint (results.tags, ==, 0);
  g_assert_cmpint (results.signature, ==, 0);
}

static void
flip_byte (const char *path,
           gssize      offset)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  if (offset < 0)
    offset += length;
  g_assert_cmpint (offset, <, (gssize) length);
  data[offset] ^= 0x01;
  g_assert_true (g_file_set_contents (path, data, length, NULL));
}

typedef struct
{
  const char     *target;
  gssize          offset;
  CzArchiveCheck  coopzone_fails;
  gboolean        payload_fails;
  gboolean        tags_fail;
  gboolean        signature_fails;
} Tamper;

static const Tamper tampers[] = {
  { "data/evidence/c2/01-合作协议.pdf", 2000, CZ_ARCHIVE_CHECK_MANIFEST, TRUE, FALSE, FALSE },
  { "manifest-sha256.txt", 3, CZ_ARCHIVE_CHECK_TAG_MANIFEST, TRUE, TRUE, FALSE },
  { "bag-info.txt", 22, CZ_ARCHIVE_CHECK_TAG_MANIFEST, FALSE, TRUE, FALSE },
  { "signature/tagmanifest-sha256.txt.p7s", -3, CZ_ARCHIVE_CHECK_SIGNATURE, FALSE, FALSE, TRUE },
};

static void
test_tamper (Fixture       *fixture,
             gconstpointer  data)
{
  const Tamper *tamper = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *bag = NULL;
  g_autofree char *target = NULL;
  g_autofree char *script = NULL;
  g_autofree char *tampered = NULL;
  g_autoptr(CzArchiveVerification) result = NULL;
  ToolResults results;

  if (!have_tools ())
    return;
  archive = pack_sample (fixture, "out.zip", 50000);
  cert = write_signer_pem (fixture);
  bag = unzip_archive (fixture, archive, "unpacked");
  target = g_build_filename (bag, tamper->target, NULL);
  flip_byte (target, tamper->offset);

  results = run_standard_tools (bag, cert);
  g_assert_true (results.payload != 0 || results.tags != 0 || results.signature != 0);
  g_assert_cmpint (results.payload != 0, ==, tamper->payload_fails);
  g_assert_cmpint (results.tags != 0, ==, tamper->tags_fail);
  g_assert_cmpint (results.signature != 0, ==, tamper->signature_fails);

  /* The same change inside a well-formed ZIP. */
  script = g_test_build_filename (G_TEST_DIST, "archive-fixtures.py", NULL);
  tampered = fixture_path (fixture, "tampered.zip");
  g_assert_cmpint (run_in (fixture->dir, PYTHON, script, "rezip", bag, tampered, NULL), ==, 0);
  result = verify_path (tampered, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cz_archive_verification_get_valid (result));
  g_assert_true (cz_archive_verification_get_failed_checks (result) & tamper->coopzone_fails);
  g_assert_nonnull (cz_archive_verification_get_problems (result)[0]);
}

static void
test_rezip_untouched_is_valid (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = NULL;
  g_autofree char *bag = NULL;
  g_autofree char *script = NULL;
  g_autofree char *rezipped = NULL;
  g_autoptr(CzArchiveVerification) result = NULL;

  if (!have_tools ())
    return;
  archive = pack_sample (fixture, "out.zip", 1000);
  bag = unzip_archive (fixture, archive, "unpacked");
  script = g_test_build_filename (G_TEST_DIST, "archive-fixtures.py", NULL);
  rezipped = fixture_path (fixture, "rezipped.zip");
  g_assert_cmpint (run_in (fixture->dir, PYTHON, script, "rezip", bag, rezipped, NULL), ==, 0);
  result = verify_path (rezipped, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cz_archive_verification_get_valid (result));
}

/* Replaces the line for @path in the manifest file @manifest of @bag. */
static void
rewrite_manifest_line (const char *bag,
                       const char *manifest,
                       const char *path)
{
  g_autofree char *manifest_path = g_build_filename (bag, manifest, NULL);
  g_autofree char *file_path = g_build_filename (bag, path, NULL);
  g_autofree char *text = NULL;
  g_autofree char *content = NULL;
  g_autofree char *hash = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) rewritten = g_string_new (NULL);
  gsize length;
  gboolean found = FALSE;

  g_assert_true (g_file_get_contents (file_path, &content, &length, NULL));
  hash = cz_sha256_hex (content, length);
  g_assert_true (g_file_get_contents (manifest_path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *name = strstr (lines[i], "  ");

      if (name != NULL && g_str_equal (name + 2, path))
        {
          g_string_append_printf (rewritten, "%s  %s\n", hash, path);
          found = TRUE;
        }
      else
        g_string_append_printf (rewritten, "%s\n", lines[i]);
    }
  g_assert_true (found);
  g_assert_true (g_file_set_contents (manifest_path, rewritten->str, rewritten->len, NULL));
}

/* The bag's dossier.json becomes 100 000 arrays deep (json-glib overflows
 * its stack on it); with @resign, the manifests and signature follow, so
 * only the depth is wrong. */
static char *
pack_deep_dossier_json (Fixture  *fixture,
                        gboolean  resign)
{
  g_autofree char *archive = pack_sample (fixture, "out.zip", 1000);
  g_autofree char *bag = unzip_archive (fixture, archive, "unpacked");
  g_autofree char *json_path = g_build_filename (bag, "data", "dossier.json", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "archive-fixtures.py", NULL);
  g_autofree char *deep = g_malloc (200001);
  char *out = fixture_path (fixture, resign ? "deep-signed.zip" : "deep.zip");

  memset (deep, '[', 100000);
  memset (deep + 100000, ']', 100000);
  deep[200000] = '\0';
  g_assert_true (g_file_set_contents (json_path, deep, -1, NULL));
  if (resign)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) time = fixed_time ();
      g_autofree char *tag_path = g_build_filename (bag, "tagmanifest-sha256.txt", NULL);
      g_autofree char *signature_path = g_build_filename (bag, "signature", "tagmanifest-sha256.txt.p7s", NULL);
      g_autofree char *tags = NULL;
      gsize length;
      g_autoptr(GBytes) tag_bytes = NULL;
      g_autoptr(GBytes) signature = NULL;

      rewrite_manifest_line (bag, "manifest-sha256.txt", "data/dossier.json");
      rewrite_manifest_line (bag, "tagmanifest-sha256.txt", "manifest-sha256.txt");
      g_assert_true (g_file_get_contents (tag_path, &tags, &length, NULL));
      tag_bytes = g_bytes_new (tags, length);
      signature = cz_signer_sign_detached (the_signer, tag_bytes, time, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (signature_path, g_bytes_get_data (signature, NULL),
                                          g_bytes_get_size (signature), NULL));
    }
  g_assert_cmpint (run_in (fixture->dir, PYTHON, script, "rezip", bag, out, NULL), ==, 0);
  return out;
}

/* Issue 13 #1: the verifier died (SIGSEGV) on a deep dossier.json even when
 * the signature was bad. Now nothing is parsed before the signature and the
 * manifests vouch for it. */
static void
test_deep_dossier_json_unsigned (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = NULL;
  g_autoptr(CzArchiveVerification) result = NULL;

  if (!have_tools ())
    return;
  archive = pack_deep_dossier_json (fixture, FALSE);
  result = verify_path (archive, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cz_archive_verification_get_valid (result));
  g_assert_true (cz_archive_verification_get_failed_checks (result) & CZ_ARCHIVE_CHECK_MANIFEST);
  g_assert_null (cz_archive_verification_get_dossier_json (result));
}

/* …and signed by whoever made it (no --ca: anyone can sign), it is refused
 * for its depth, with a message that says so. */
static void
test_deep_dossier_json_signed (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = NULL;
  g_autoptr(CzArchiveVerification) result = NULL;
  const char * const *problems;

  if (!have_tools ())
    return;
  archive = pack_deep_dossier_json (fixture, TRUE);
  result = verify_path (archive, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cz_archive_verification_get_valid (result));
  /* Payload-Oxum fails too: the file is bigger than the one packed. */
  g_assert_cmpint (cz_archive_verification_get_failed_checks (result) &
                   (CZ_ARCHIVE_CHECK_SIGNATURE | CZ_ARCHIVE_CHECK_TAG_MANIFEST | CZ_ARCHIVE_CHECK_MANIFEST), ==, 0);
  g_assert_true (cz_archive_verification_get_failed_checks (result) & CZ_ARCHIVE_CHECK_COMPLETE);
  g_assert_null (cz_archive_verification_get_dossier_json (result));
  problems = cz_archive_verification_get_problems (result);
  for (; *problems != NULL; problems++)
    if (strstr (*problems, "data/dossier.json") != NULL)
      break;
  g_assert_nonnull (*problems);
  g_assert_nonnull (strstr (*problems, "64 levels deep"));
}

/* ---------------------------------------------------------------------- */
/* Hostile archives                                                         */

typedef struct
{
  const char     *kind;
  CzArchiveError  code;
} Hostile;

static const Hostile hostiles[] = {
  { "traversal", CZ_ARCHIVE_ERROR_PATH_TRAVERSAL },
  { "absolute", CZ_ARCHIVE_ERROR_ABSOLUTE_PATH },
  { "symlink", CZ_ARCHIVE_ERROR_SYMLINK },
  { "hardlink", CZ_ARCHIVE_ERROR_HARDLINK },
  { "duplicate", CZ_ARCHIVE_ERROR_DUPLICATE_NAME },
  { "case", CZ_ARCHIVE_ERROR_NAME_COLLISION },
  { "normalisation", CZ_ARCHIVE_ERROR_NAME_COLLISION },
  { "not-utf8", CZ_ARCHIVE_ERROR_NAME_NOT_UTF8 },
  { "bomb", CZ_ARCHIVE_ERROR_ZIP_BOMB },
  { "size-claim", CZ_ARCHIVE_ERROR_ZIP_BOMB },
  { "not-a-bag", CZ_ARCHIVE_ERROR_NOT_A_BAG },
};

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every file under @path, relative, sorted, one per line. */
static void
list_tree (GString    *out,
           const char *path,
           const char *relative)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *child_relative = g_build_filename (relative, g_ptr_array_index (names, i), NULL);

      g_string_append_printf (out, "%s\n", child_relative);
      list_tree (out, child, child_relative);
    }
}

static void
assert_refused (Fixture        *fixture,
                const char     *archive,
                CzArchiveError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzArchiveVerification) result = NULL;
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);
  g_autofree char *work = fixture_path (fixture, "work");
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *escaped = fixture_path (fixture, "escaped.txt");

  /* Run from inside the private folder, so a relative escape would land in it. */
  g_mkdir (work, 0700);
  g_assert_cmpint (chdir (work), ==, 0);
  list_tree (before, fixture->dir, ".");

  result = verify_path (archive, NULL, &error);
  g_assert_error (error, CZ_ARCHIVE_ERROR, (int) code);
  g_assert_null (result);
  g_test_message ("%s", error->message);
  {
    g_autofree char *base = g_path_get_basename (archive);
    g_assert_nonnull (strstr (error->message, base));
  }

  list_tree (after, fixture->dir, ".");
  g_assert_cmpint (chdir (cwd), ==, 0);
  g_assert_cmpstr (after->str, ==, before->str);
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  const Hostile *hostile = data;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "archive-fixtures.py", NULL);
  g_autofree char *archive = fixture_path (fixture, "hostile.zip");
  g_autofree char *absolute = fixture_path (fixture, "absolute.txt");

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip (PYTHON " is not installed");
      return;
    }
  g_assert_cmpint (run_in (fixture->dir, PYTHON, script, "hostile", hostile->kind, archive, absolute, NULL), ==, 0);
  assert_refused (fixture, archive, hostile->code);
  g_assert_false (g_file_test (absolute, G_FILE_TEST_EXISTS));
}

/* Issue 13 #9: one field of one entry changed in the central directory,
 * the local header or the data descriptor. Each was accepted as VALID (or
 * refused only while streaming) while unzip read it differently or not at
 * all; now each is refused from the headers. */
typedef struct
{
  const char     *name;
  const char     *entry;     /* suffix of the entry's name */
  const char     *where;     /* central, local or descriptor */
  const char     *field;
  const char     *value;
  CzArchiveError  code;
} MetadataChange;

static const MetadataChange metadata_changes[] = {
  { "central-version-needed", CZ_ARCHIVE_FORM_PATH, "central", "version", "63", CZ_ARCHIVE_ERROR_UNSUPPORTED },
  { "local-version-needed", CZ_ARCHIVE_FORM_PATH, "local", "version", "51", CZ_ARCHIVE_ERROR_UNSUPPORTED },
  { "central-encrypted", CZ_ARCHIVE_FORM_PATH, "central", "flags", "0x9", CZ_ARCHIVE_ERROR_UNSUPPORTED },
  { "local-encrypted", CZ_ARCHIVE_FORM_PATH, "local", "flags", "0x9", CZ_ARCHIVE_ERROR_UNSUPPORTED },
  { "central-method-unknown", CZ_ARCHIVE_FORM_PATH, "central", "method", "12", CZ_ARCHIVE_ERROR_UNSUPPORTED },
  { "central-method-deflated", CZ_ARCHIVE_FORM_PATH, "central", "method", "8", CZ_ARCHIVE_ERROR_INCONSISTENT },
  { "local-method-deflated", CZ_ARCHIVE_FORM_PATH, "local", "method", "8", CZ_ARCHIVE_ERROR_INCONSISTENT },
  { "local-no-descriptor", CZ_ARCHIVE_FORM_PATH, "local", "flags", "0", CZ_ARCHIVE_ERROR_INCONSISTENT },
  { "local-utf8-flag", "bagit.txt", "local", "flags", "0x808", CZ_ARCHIVE_ERROR_INCONSISTENT },
  { "central-crc", CZ_ARCHIVE_FORM_PATH, "central", "crc", "0x12345678", CZ_ARCHIVE_ERROR_INCONSISTENT },
  { "local-crc", CZ_ARCHIVE_FORM_PATH, "local", "crc", "0x1", CZ_ARCHIVE_ERROR_INCONSISTENT },
  { "descriptor-crc", CZ_ARCHIVE_FORM_PATH, "descriptor", "crc", "0x12345678", CZ_ARCHIVE_ERROR_INCONSISTENT },
  { "central-size", "bagit.txt", "central", "usize", "55", CZ_ARCHIVE_ERROR_INCONSISTENT },
  { "descriptor-size", "bagit.txt", "descriptor", "usize", "55", CZ_ARCHIVE_ERROR_INCONSISTENT },
  { "local-name", "bagit.txt", "local", "name", "X", CZ_ARCHIVE_ERROR_INCONSISTENT },
};

static void
test_zip_metadata (Fixture       *fixture,
                   gconstpointer  data)
{
  const MetadataChange *change = data;
  g_autofree char *archive = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "archive-fixtures.py", NULL);

  if (!have_tools ())
    return;
  archive = pack_sample (fixture, "out.zip", 1000);
  changed = fixture_path (fixture, "changed.zip");
  g_assert_cmpint (run_in (fixture->dir, PYTHON, script, "patch", archive, changed, change->entry,
                           change->where, change->field, change->value, NULL), ==, 0);
  assert_refused (fixture, changed, change->code);
}

static void
test_hostile_truncated (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *archive = pack_sample (fixture, "out.zip", 20000);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (archive, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (archive, contents, length / 2, NULL));
  assert_refused (fixture, archive, CZ_ARCHIVE_ERROR_TRUNCATED);
}

static void
test_hostile_not_a_zip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *archive = fixture_path (fixture, "letter.zip");

  g_assert_true (g_file_set_contents (archive, "Dear province, please find attached…", -1, NULL));
  assert_refused (fixture, archive, CZ_ARCHIVE_ERROR_NOT_A_ZIP);
}

static void
test_hostile_damaged_entry (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *archive = pack_sample (fixture, "out.zip", 20000);

  /* Inside the first evidence file's stored data: its CRC no longer matches. */
  flip_byte (archive, 5000);
  assert_refused (fixture, archive, CZ_ARCHIVE_ERROR_CORRUPT);
}

/* One payload file for a preview: its bytes, and nothing outside data/, too big or hostile. */
static void
test_extract_payload_file (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = pack_sample (fixture, "申报包.zip", 4096);
  g_autoptr(GFile) archive = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) evidence = cz_archive_extract_payload_file (archive, "data/evidence/c1/01-营业执照.pdf",
                                                                G_MAXUINT64, NULL, &error);
  g_autoptr(GBytes) missing = NULL;
  g_autoptr(GBytes) outside = NULL;
  g_autoptr(GBytes) escape = NULL;
  g_autoptr(GBytes) too_big = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (evidence), ==, 4096);
  g_assert_cmpmem (g_bytes_get_data (evidence, NULL), 9, "%PDF-1.4\n", 9);

  missing = cz_archive_extract_payload_file (archive, "data/evidence/c9/01-none.pdf", G_MAXUINT64, NULL, &error);
  g_assert_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_NOT_A_BAG);
  g_assert_null (missing);
  g_clear_error (&error);
  outside = cz_archive_extract_payload_file (archive, "bagit.txt", G_MAXUINT64, NULL, &error);
  g_assert_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_PATH_TRAVERSAL);
  g_assert_null (outside);
  g_clear_error (&error);
  escape = cz_archive_extract_payload_file (archive, "data/../bagit.txt", G_MAXUINT64, NULL, &error);
  g_assert_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_PATH_TRAVERSAL);
  g_assert_null (escape);
  g_clear_error (&error);
  too_big = cz_archive_extract_payload_file (archive, "data/evidence/c1/01-营业执照.pdf", 1000, NULL, &error);
  g_assert_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_ZIP_BOMB);
  g_assert_null (too_big);
}

static void
test_extract_payload_file_hostile (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "archive-fixtures.py", NULL);
  g_autofree char *path = fixture_path (fixture, "hostile.zip");
  g_autofree char *absolute = fixture_path (fixture, "absolute.txt");
  g_autoptr(GFile) archive = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip (PYTHON " is not installed");
      return;
    }
  g_assert_cmpint (run_in (fixture->dir, PYTHON, script, "hostile", "traversal", path, absolute, NULL), ==, 0);
  bytes = cz_archive_extract_payload_file (archive, "data/dossier.json", G_MAXUINT64, NULL, &error);
  g_assert_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_PATH_TRAVERSAL);
  g_assert_null (bytes);
}

/* ---------------------------------------------------------------------- */
/* Zip64: what archives over 4 GiB use                                      */

static guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static guint64
get64 (const guint8 *p)
{
  return (guint64) get32 (p) | ((guint64) get32 (p + 4) << 32);
}

static void
put32 (guint8  *p,
       guint32  value)
{
  for (guint i = 0; i < 4; i++)
    p[i] = (value >> (8 * i)) & 0xff;
}

static void
put64 (guint8  *p,
       guint64  value)
{
  put32 (p, value & 0xffffffff);
  put32 (p + 4, value >> 32);
}

/* Re-zips the bag of @archive with Info-ZIP's zip @flags (-fz: Zip64
 * records even for small files); NULL when zip is not installed. */
static char *
rezip_zip64 (Fixture    *fixture,
             const char *archive,
             const char *name,
             const char *more_flags)
{
  g_autofree char *zip = g_find_program_in_path ("zip");
  g_autofree char *bag = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *bag_name = NULL;
  g_autofree char *unpacked = g_strconcat ("unpacked-", name, NULL);
  char *out = fixture_path (fixture, name);

  if (zip == NULL || !have_tools ())
    {
      g_free (out);
      return NULL;
    }
  bag = unzip_archive (fixture, archive, unpacked);
  parent = g_path_get_dirname (bag);
  bag_name = g_path_get_basename (bag);
  g_assert_cmpint (run_in (parent, "zip", "-q", "-r", "-X", "-fz", more_flags, out, bag_name, NULL), ==, 0);
  return out;
}

/* The Zip64 end of central directory record of @data. */
static guint8 *
zip64_end_record (guint8 *data,
                  gsize   length)
{
  for (gsize i = length - 22; i > 20; i--)
    if (get32 (data + i) == 0x06054b50)
      {
        g_assert_cmpuint (get32 (data + i - 20), ==, 0x07064b50);
        g_assert_cmpuint (get32 (data + get64 (data + i - 20 + 8)), ==, 0x06064b50);
        return data + get64 (data + i - 20 + 8);
      }
  g_assert_not_reached ();
  return NULL;
}

/* The central directory entry whose name ends with @suffix. */
static guint8 *
central_entry (guint8     *data,
               gsize       length,
               const char *suffix)
{
  guint8 *record = zip64_end_record (data, length);
  guint8 *p = data + get64 (record + 48);

  while (get32 (p) == 0x02014b50)
    {
      guint16 name_length = p[28] | (p[29] << 8);
      guint16 extra_length = p[30] | (p[31] << 8);
      guint16 comment_length = p[32] | (p[33] << 8);
      g_autofree char *name = g_strndup ((const char *) p + 46, name_length);

      if (g_str_has_suffix (name, suffix))
        return p;
      p += 46 + name_length + extra_length + comment_length;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_zip64_valid (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *archive = pack_sample (fixture, "out.zip", 30000);
  static const char * const flags[] = { "-D", "-n.pdf:.p7s" };  /* no folder entries; PDFs stored */

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("zip64-%u.zip", i);
      g_autofree char *zip64 = rezip_zip64 (fixture, archive, name, flags[i]);
      g_autoptr(CzArchiveVerification) original = NULL;
      g_autoptr(CzArchiveVerification) result = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (zip64 == NULL)
        {
          g_test_skip ("Info-ZIP zip is not installed");
          return;
        }
      /* Really Zip64: the end record, and sizes only in the Zip64 extra field. */
      g_assert_true (g_file_get_contents (zip64, &contents, &length, NULL));
      zip64_end_record ((guint8 *) contents, length);
      g_assert_cmpuint (get32 (central_entry ((guint8 *) contents, length, "/data/dossier.json") + 24), ==, 0xffffffff);

      result = verify_path (zip64, NULL, &error);
      g_assert_no_error (error);
      if (!cz_archive_verification_get_valid (result))
        g_test_message ("%s", cz_archive_verification_get_problems (result)[0]);
      g_assert_true (cz_archive_verification_get_valid (result));
      original = verify_path (archive, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstrv (cz_archive_verification_get_files (result), cz_archive_verification_get_files (original));
      g_assert_cmpstr (cz_archive_verification_get_tag_manifest_fingerprint (result), ==,
                       cz_archive_verification_get_tag_manifest_fingerprint (original));
    }
}

typedef enum
{
  ZIP64_ENTRY_SIZE,      /* an entry's Zip64 size claims 9 GiB */
  ZIP64_SMALL_SIZE,      /* an entry's Zip64 size claims less than it inflates to */
  ZIP64_ENTRY_COUNT,     /* the Zip64 end record claims 30 000 entries */
  ZIP64_LOCATOR,         /* the locator points past the end record */
  ZIP64_SPLIT,           /* the Zip64 end record says it is one disk of several */
} Zip64Hostility;

typedef struct
{
  const char     *name;
  Zip64Hostility  kind;
  CzArchiveError  code;
} Zip64Hostile;

static const Zip64Hostile zip64_hostiles[] = {
  { "entry-size", ZIP64_ENTRY_SIZE, CZ_ARCHIVE_ERROR_ZIP_BOMB },
  /* The local header still says the real size: refused before streaming. */
  { "small-size", ZIP64_SMALL_SIZE, CZ_ARCHIVE_ERROR_INCONSISTENT },
  { "entry-count", ZIP64_ENTRY_COUNT, CZ_ARCHIVE_ERROR_ZIP_BOMB },
  { "locator", ZIP64_LOCATOR, CZ_ARCHIVE_ERROR_TRUNCATED },
  { "split", ZIP64_SPLIT, CZ_ARCHIVE_ERROR_NOT_A_ZIP },
};

static void
test_zip64_hostile (Fixture       *fixture,
                    gconstpointer  data)
{
  const Zip64Hostile *hostile = data;
  g_autofree char *archive = pack_sample (fixture, "out.zip", 30000);
  g_autofree char *zip64 = rezip_zip64 (fixture, archive, "zip64.zip", "-D");
  g_autofree char *contents = NULL;
  guint8 *bytes, *record, *entry;
  gsize length;

  if (zip64 == NULL)
    {
      g_test_skip ("Info-ZIP zip is not installed");
      return;
    }
  g_assert_true (g_file_get_contents (zip64, &contents, &length, NULL));
  bytes = (guint8 *) contents;
  record = zip64_end_record (bytes, length);
  entry = central_entry (bytes, length, "/data/dossier.json");
  /* The uncompressed size is the first field of its Zip64 extra field. */
  g_assert_cmpuint (get32 (entry + 24), ==, 0xffffffff);
  {
    guint16 name_length = entry[28] | (entry[29] << 8);
    guint8 *extra = entry + 46 + name_length;

    g_assert_cmpuint (extra[0] | (extra[1] << 8), ==, 0x0001);
    switch (hostile->kind)
      {
      case ZIP64_ENTRY_SIZE:
        put64 (extra + 4, G_GUINT64_CONSTANT (9) << 30);
        break;
      case ZIP64_SMALL_SIZE:
        put64 (extra + 4, 10);
        break;
      case ZIP64_ENTRY_COUNT:
        put64 (record + 24, 30000);
        put64 (record + 32, 30000);
        break;
      case ZIP64_LOCATOR:
        put64 (bytes + length - 22 - 20 + 8, (record - bytes) + 40);
        break;
      case ZIP64_SPLIT:
        put32 (record + 16, 1);
        break;
      }
  }
  g_assert_true (g_file_set_contents (zip64, contents, length, NULL));
  assert_refused (fixture, zip64, hostile->code);
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_DATA(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  /* Valid from before fixed_time (), when the sample is signed. */
  {
    g_autoptr(GDateTime) issued = g_date_time_new_utc (2026, 1, 5, 8, 0, 0);
    the_signer = cz_signer_create_department (DEPARTMENT, CZ_SIGNER_KEY_ECDSA_P256, issued, &error);
  }
  g_assert_no_error (error);

  ADD ("/archive/pack-and-verify", test_pack_and_verify);
  ADD ("/archive/no-form-recorded", test_no_form_recorded);
  ADD ("/archive/stored-and-deflated", test_stored_and_deflated);
  ADD ("/archive/same-payload", test_same_payload);
  ADD ("/archive/refuse-blockers", test_refuse_blockers);
  ADD ("/archive/cancel-keeps-previous", test_cancel_keeps_previous);
  ADD ("/archive/write-error", test_write_error);
  ADD ("/archive/evidence-changed", test_evidence_changed);
  ADD ("/archive/evidence-cut-short", test_evidence_cut_short);
  ADD ("/archive/async-progress", test_async_progress);
  ADD ("/archive/verify-async-progress", test_verify_async_progress);
  ADD ("/archive/verify-with-ca", test_verify_with_ca);
  ADD ("/archive/signer-validity", test_signer_validity);
  ADD ("/archive/verify-with-issuing-ca", test_verify_with_issuing_ca);
  ADD ("/archive/standard-tools-agree", test_standard_tools_agree);
  ADD ("/archive/rezip-untouched-is-valid", test_rezip_untouched_is_valid);
  ADD ("/archive/deep-dossier-json/unsigned", test_deep_dossier_json_unsigned);
  ADD ("/archive/deep-dossier-json/signed", test_deep_dossier_json_signed);
  ADD_DATA ("/archive/tamper/payload", &tampers[0], test_tamper);
  ADD_DATA ("/archive/tamper/manifest", &tampers[1], test_tamper);
  ADD_DATA ("/archive/tamper/bag-info", &tampers[2], test_tamper);
  ADD_DATA ("/archive/tamper/signature", &tampers[3], test_tamper);
  for (guint i = 0; i < G_N_ELEMENTS (hostiles); i++)
    {
      g_autofree char *path = g_strdup_printf ("/archive/hostile/%s", hostiles[i].kind);
      ADD_DATA (path, &hostiles[i], test_hostile);
    }
  for (guint i = 0; i < G_N_ELEMENTS (metadata_changes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/archive/zip-metadata/%s", metadata_changes[i].name);
      ADD_DATA (path, &metadata_changes[i], test_zip_metadata);
    }
  ADD ("/archive/hostile/truncated", test_hostile_truncated);
  ADD ("/archive/hostile/not-a-zip", test_hostile_not_a_zip);
  ADD ("/archive/hostile/damaged-entry", test_hostile_damaged_entry);
  ADD ("/archive/extract-payload-file", test_extract_payload_file);
  ADD ("/archive/extract-payload-file/hostile", test_extract_payload_file_hostile);
  ADD ("/archive/zip64/valid", test_zip64_valid);
  for (guint i = 0; i < G_N_ELEMENTS (zip64_hostiles); i++)
    {
      g_autofree char *path = g_strdup_printf ("/archive/zip64/hostile/%s", zip64_hostiles[i].name);
      ADD_DATA (path, &zip64_hostiles[i], test_zip64_hostile);
    }

  status = g_test_run ();
  g_clear_object (&the_signer);
  return status;
}
