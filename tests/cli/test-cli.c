/* test-cli.c — coopzone-cli as a script or a province's tooling uses it
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "cz-cli-test-utils.h"

typedef struct
{
  char *dir;
} Fixture;



static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cz-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* coopzone-cli with the fixture's own data folder. */
static Result
run_cli (Fixture    *fixture,
         const char *first_arg,
         ...)
{
  g_autofree char *data_home = fixture_path (fixture, "data");
  Result result;
  va_list args;

  va_start (args, first_arg);
  result = run_cli_in (data_home, first_arg, args);
  va_end (args);
  return result;
}


static void
test_sample_import_list_show_export (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *sample = fixture_path (fixture, "sample.json");
  g_autofree char *exported = fixture_path (fixture, "导出.json");
  g_autofree char *id = NULL;
  g_autofree char *exported_text = NULL;
  Result r;

  r = run_cli (fixture, "sample", sample, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  r = run_cli (fixture, "import", sample, NULL);
  g_assert_cmpint (r.status, ==, 0);
  id = g_strstrip (g_strdup (r.out));
  g_assert_true (g_uuid_string_is_valid (id));
  result_clear (&r);

  r = run_cli (fixture, "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_contains (r.out, id);
  assert_contains (r.out, "临湖中欧中小企业合作区");
  result_clear (&r);

  r = run_cli (fixture, "show", id, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_contains (r.out, "zone.name");
  assert_contains (r.out, "临湖中欧中小企业合作区");
  assert_contains (r.out, "48.6 km²");
  assert_contains (r.out, "苏州市");
  result_clear (&r);

  r = run_cli (fixture, "export", id, exported, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_assert_true (g_file_get_contents (exported, &exported_text, NULL, NULL));
  assert_contains (exported_text, id);
  assert_contains (exported_text, "\"zone.name\"");

  /* A file can be shown without importing it. */
  r = run_cli (fixture, "show", exported, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_contains (r.out, "临湖中欧中小企业合作区");
  result_clear (&r);
}

static void
test_sample_into_store (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *id = NULL;
  Result r = run_cli (fixture, "sample", "--store", NULL);

  g_assert_cmpint (r.status, ==, 0);
  id = g_strstrip (g_strdup (r.out));
  result_clear (&r);

  r = run_cli (fixture, "show", id, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_contains (r.out, "示例");
  result_clear (&r);
}

static void
test_bad_usage (Fixture       *fixture,
                gconstpointer  data)
{
  Result r;

  r = run_cli (fixture, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "Usage");
  result_clear (&r);

  r = run_cli (fixture, "frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "frobnicate");
  result_clear (&r);

  r = run_cli (fixture, "export", "only-one-argument", NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "export ID FILE.json");
  result_clear (&r);

  r = run_cli (fixture, "show", "no-such-dossier", NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "no-such-dossier");
  result_clear (&r);

  r = run_cli (fixture, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_contains (r.out, "import FILE.json");
  result_clear (&r);
}

static void
test_bad_input_files (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *malformed = fixture_path (fixture, "malformed.json");
  g_autofree char *latin1 = fixture_path (fixture, "gbk.json");
  g_autofree char *missing = fixture_path (fixture, "missing.json");
  Result r;

  g_assert_true (g_file_set_contents (malformed,
                                      "{\n  \"format\": \"io.github.coopzone.dossier\",\n  \"version\": 1\n  \"fields\": {}\n}\n",
                                      -1, NULL));
  /* "合作区" in GBK, as a Windows editor might save it. */
  g_assert_true (g_file_set_contents (latin1, "{\"title\": \"\xba\xcf\xd7\xf7\xc7\xf8\"}", -1, NULL));

  r = run_cli (fixture, "import", malformed, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "malformed.json");
  assert_contains (r.err, "line 3, column");
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);

  r = run_cli (fixture, "import", latin1, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "not UTF-8");
  assert_contains (r.err, "gbk.json");
  result_clear (&r);

  r = run_cli (fixture, "import", missing, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "missing.json");
  result_clear (&r);

  /* Nothing was imported by any of them. */
  r = run_cli (fixture, "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);
}

static void
test_newer_store_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *store = fixture_path (fixture, "future.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  Result r;

  /* A minimal SQLite file whose user_version is 9: write it with the CLI's
   * own store first, then bump the version with sqlite's header layout. */
  r = run_cli (fixture, "--store", store, "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
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

  r = run_cli (fixture, "--store", store, "list", NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "newer version");
  result_clear (&r);

  g_assert_true (g_file_get_contents (store, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("COOPZONE_CLI"));

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/sample-import-list-show-export", test_sample_import_list_show_export);
  ADD ("/cli/sample-into-store", test_sample_into_store);
  ADD ("/cli/bad-usage", test_bad_usage);
  ADD ("/cli/bad-input-files", test_bad_input_files);
  ADD ("/cli/newer-store-refused", test_newer_store_refused);
#undef ADD

  return g_test_run ();
}
