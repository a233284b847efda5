/* test-cli.c — coopzone-cli as a script or a province's tooling uses it
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "cz-test-cli.h"
#include "cz-test-utils.h"

static void
test_sample_import_list_show_export (CzCliFixture  *fixture,
                                     gconstpointer  data)
{
  g_autofree char *sample = cz_cli_fixture_path (fixture, "sample.json");
  g_autofree char *exported = cz_cli_fixture_path (fixture, "导出.json");
  g_autofree char *id = NULL;
  g_autofree char *exported_text = NULL;
  CzCliResult r;

  r = cz_cli_run (fixture, "sample", sample, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "import", sample, NULL);
  g_assert_cmpint (r.status, ==, 0);
  id = g_strstrip (g_strdup (r.out));
  g_assert_true (g_uuid_string_is_valid (id));
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, id);
  cz_test_assert_contains (r.out, "临湖中欧中小企业合作区");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "show", id, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "zone.name");
  cz_test_assert_contains (r.out, "临湖中欧中小企业合作区");
  cz_test_assert_contains (r.out, "48.6 km²");
  cz_test_assert_contains (r.out, "苏州市");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "export", id, exported, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_cli_result_clear (&r);
  g_assert_true (g_file_get_contents (exported, &exported_text, NULL, NULL));
  cz_test_assert_contains (exported_text, id);
  cz_test_assert_contains (exported_text, "\"zone.name\"");

  /* A file can be shown without importing it. */
  r = cz_cli_run (fixture, "show", exported, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "临湖中欧中小企业合作区");
  cz_cli_result_clear (&r);
}

/* The dossier's rows and the whole audit trail, as the database file holds
 * them, read with the sqlite3 tool (not CoopZone's own code). */
static char *
dump_dossier_rows (CzCliFixture *fixture,
                   const char   *id)
{
  g_autofree char *database = g_build_filename (fixture->dir, "data", DATA_FOLDER, "coopzone.db", NULL);
  g_autofree char *sql = g_strdup_printf (".mode quote\n"
                                          "SELECT * FROM dossiers WHERE id = '%1$s';\n"
                                          "SELECT * FROM fields WHERE dossier_id = '%1$s' ORDER BY field_id;\n"
                                          "SELECT * FROM audit ORDER BY seq;\n", id);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              "sqlite3", "-readonly", database, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, sql, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

/* Checking a dossier changes nothing: on a freshly imported dossier,
 * validate, evidence and export-form leave its rows and the audit trail
 * byte for byte as they were. The pack it is checked with was recorded when
 * it was imported (started), not by the check. */
static void
test_readers_never_write (CzCliFixture  *fixture,
                          gconstpointer  data)
{
  g_autofree char *sample = cz_cli_fixture_path (fixture, "sample.json");
  g_autofree char *form = cz_cli_fixture_path (fixture, "form.pdf");
  g_autofree char *province = cz_cli_fixture_path (fixture, "province.json");
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CzCliResult r;

  r = cz_cli_run (fixture, "sample", sample, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_cli_result_clear (&r);
  r = cz_cli_run (fixture, "import", sample, NULL);
  g_assert_cmpint (r.status, ==, 0);
  id = g_strstrip (g_strdup (r.out));
  cz_cli_result_clear (&r);

  before = dump_dossier_rows (fixture, id);
  cz_test_assert_contains (before, "'rules.pack_id'");
  cz_test_assert_contains (before, "\"cn.miit.coopzone.2025\"");

  r = cz_cli_run (fixture, "validate", id, NULL);
  g_assert_cmpint (r.status, !=, 2);
  cz_cli_result_clear (&r);
  r = cz_cli_run (fixture, "validate", id, "--json", NULL);
  g_assert_cmpint (r.status, !=, 2);
  cz_cli_result_clear (&r);
  r = cz_cli_run (fixture, "evidence", id, NULL);
  g_assert_cmpint (r.status, !=, 2);
  cz_cli_result_clear (&r);
  r = cz_cli_run (fixture, "export-form", id, form, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_cli_result_clear (&r);
  g_assert_true (g_file_test (form, G_FILE_TEST_IS_REGULAR));

  /* Checked with another pack (a province's, to see what it would say): the
   * dossier still says it is prepared with its own. */
  {
    g_autoptr(GString) pack = g_string_new (NULL);
    g_autofree char *builtin = NULL;

    g_assert_true (g_file_get_contents (g_getenv ("COOPZONE_BUILTIN_PACK"), &builtin, NULL, NULL));
    g_string_assign (pack, builtin);
    g_assert_cmpuint (g_string_replace (pack, "\"cn.miit.coopzone.2025\"", "\"province.test.2025\"", 1), ==, 1);
    g_assert_true (g_file_set_contents (province, pack->str, -1, NULL));
  }
  r = cz_cli_run (fixture, "validate", id, "--rules", province, NULL);
  g_assert_cmpint (r.status, !=, 2);
  cz_cli_result_clear (&r);
  r = cz_cli_run (fixture, "export-form", id, form, "--rules", province, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_cli_result_clear (&r);

  after = dump_dossier_rows (fixture, id);
  g_assert_cmpstr (after, ==, before);
}

static void
test_sample_into_store (CzCliFixture  *fixture,
                        gconstpointer  data)
{
  g_autofree char *id = NULL;
  CzCliResult r = cz_cli_run (fixture, "sample", "--store", NULL);

  g_assert_cmpint (r.status, ==, 0);
  id = g_strstrip (g_strdup (r.out));
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "show", id, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "示例");
  cz_cli_result_clear (&r);
}

static void
test_bad_usage (CzCliFixture  *fixture,
                gconstpointer  data)
{
  CzCliResult r;

  r = cz_cli_run (fixture, NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "Usage");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "frobnicate");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "export", "only-one-argument", NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "export ID FILE.json");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "show", "no-such-dossier", NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "no-such-dossier");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "import FILE.json");
  cz_cli_result_clear (&r);
}

static void
test_bad_input_files (CzCliFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *malformed = cz_cli_fixture_path (fixture, "malformed.json");
  g_autofree char *latin1 = cz_cli_fixture_path (fixture, "gbk.json");
  g_autofree char *missing = cz_cli_fixture_path (fixture, "missing.json");
  CzCliResult r;

  g_assert_true (g_file_set_contents (malformed,
                                      "{\n  \"format\": \"io.github.coopzone.dossier\",\n  \"version\": 1\n  \"fields\": {}\n}\n",
                                      -1, NULL));
  /* "合作区" in GBK, as a Windows editor might save it. */
  g_assert_true (g_file_set_contents (latin1, "{\"title\": \"\xba\xcf\xd7\xf7\xc7\xf8\"}", -1, NULL));

  r = cz_cli_run (fixture, "import", malformed, NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "malformed.json");
  cz_test_assert_contains (r.err, "line 3, column");
  g_assert_cmpstr (r.out, ==, "");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "import", latin1, NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "not UTF-8");
  cz_test_assert_contains (r.err, "gbk.json");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "import", missing, NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "missing.json");
  cz_cli_result_clear (&r);

  /* Nothing was imported by any of them. */
  r = cz_cli_run (fixture, "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  cz_cli_result_clear (&r);
}

/* Import is all or nothing: a text json-glib would misread, or a number it
 * would wrap, refuses the whole file with exit 2 and the field named. */
static void
test_hostile_dossier_refused (CzCliFixture  *fixture,
                              gconstpointer  data)
{
  static const struct { const char *fields; const char *field_id; } cases[] = {
    { "\"zone.name\": {\"text\": \"a\\ud800b\"}", "zone.name" },
    { "\"zone.partners\": {\"text_list\": [\"a\\ud800b\", \"德国\", \"法国\"]}", "zone.partners" },
    { "\"zone.name\": {\"text\": \"临湖\\u0000合作区\"}", "zone.name" },
    { "\"zone.area_m2\": {\"integer\": -9223372036854775809}", "zone.area_m2" },
    { "\"enterprises.y2024.sme\": {\"integer\": 1000000000000001}", "enterprises.y2024.sme" },
  };
  g_autofree char *path = cz_cli_fixture_path (fixture, "hostile.json");
  CzCliResult r;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *contents =
        g_strdup_printf ("{\"format\": \"io.github.coopzone.dossier\", \"version\": 1, "
                         "\"fields\": {\"zone.city\": {\"text\": \"320500\"}, %s}}", cases[i].fields);

      g_assert_true (g_file_set_contents (path, contents, -1, NULL));
      r = cz_cli_run (fixture, "import", path, NULL);
      g_assert_cmpint (r.status, ==, 2);
      cz_test_assert_contains (r.err, cases[i].field_id);
      g_assert_cmpstr (r.out, ==, "");
      cz_cli_result_clear (&r);

      r = cz_cli_run (fixture, "show", path, NULL);
      g_assert_cmpint (r.status, ==, 2);
      cz_test_assert_contains (r.err, cases[i].field_id);
      cz_cli_result_clear (&r);
    }

  r = cz_cli_run (fixture, "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  cz_cli_result_clear (&r);
}

/* Fields this version does not know are kept, and the import says so. */
static void
test_unknown_fields_warned (CzCliFixture  *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = cz_cli_fixture_path (fixture, "future.json");
  g_autofree char *exported = cz_cli_fixture_path (fixture, "again.json");
  g_autofree char *id = NULL;
  g_autofree char *again = NULL;
  CzCliResult r;

  g_assert_true (g_file_set_contents (path,
                                      "{\"format\": \"io.github.coopzone.dossier\", \"version\": 1, "
                                      "\"fields\": {\"zone.name\": {\"text\": \"临湖\"}, "
                                      "\"zone.motto\": {\"text\": \"x\"}}}", -1, NULL));
  r = cz_cli_run (fixture, "import", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.err, "warning");
  cz_test_assert_contains (r.err, "zone.motto");
  id = g_strstrip (g_strdup (r.out));
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "export", id, exported, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_cli_result_clear (&r);
  g_assert_true (g_file_get_contents (exported, &again, NULL, NULL));
  cz_test_assert_contains (again, "zone.motto");

  /* A dossier of known fields imports without a warning. */
  g_assert_true (g_file_set_contents (path,
                                      "{\"format\": \"io.github.coopzone.dossier\", \"version\": 1, "
                                      "\"fields\": {\"zone.name\": {\"text\": \"临湖\"}}}", -1, NULL));
  r = cz_cli_run (fixture, "import", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  cz_cli_result_clear (&r);
}

static void
test_newer_store_refused (CzCliFixture  *fixture,
                          gconstpointer  data)
{
  g_autofree char *store = cz_cli_fixture_path (fixture, "future.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  CzCliResult r;

  /* A minimal SQLite file whose user_version is 9: write it with the CLI's
   * own store first, then bump the version with sqlite's header layout. */
  r = cz_cli_run (fixture, "--store", store, "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_cli_result_clear (&r);
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (store, &contents, &length, NULL));
    g_assert_cmpuint (length, >=, 100);
    /* user_version is the big-endian integer at offset 60 of the header. */
    contents[60] = 0; contents[61] = 0; contents[62] = 0; contents[63] = 9;
    g_assert_true (g_file_set_contents (store, contents, length, NULL));
  }
  g_assert_true (g_file_get_contents (store, &before, &before_len, NULL));

  r = cz_cli_run (fixture, "--store", store, "list", NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "newer version");
  cz_cli_result_clear (&r);

  g_assert_true (g_file_get_contents (store, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("COOPZONE_CLI"));

#define ADD(path, func) g_test_add (path, CzCliFixture, NULL, cz_cli_fixture_set_up, func, cz_cli_fixture_tear_down)
  ADD ("/cli/sample-import-list-show-export", test_sample_import_list_show_export);
  ADD ("/cli/sample-into-store", test_sample_into_store);
  ADD ("/cli/readers-never-write", test_readers_never_write);
  ADD ("/cli/bad-usage", test_bad_usage);
  ADD ("/cli/bad-input-files", test_bad_input_files);
  ADD ("/cli/hostile-dossier-refused", test_hostile_dossier_refused);
  ADD ("/cli/unknown-fields-warned", test_unknown_fields_warned);
  ADD ("/cli/newer-store-refused", test_newer_store_refused);
#undef ADD

  return g_test_run ();
}
