/* test-cli-evidence.c — coopzone-cli attach and evidence end to end, on PDFs
 * the test draws itself
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "../cz-test-pdf.h"

#include "cz-cli-test-utils.h"

typedef struct
{
  char *dir;
} Fixture;



static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("cz-cli-evidence-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
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


static char *
new_dossier (Fixture *fixture)
{
  g_autofree char *json = fixture_path (fixture, "empty.json");
  Result r;
  char *id;

  g_assert_true (g_file_set_contents (json,
                                      "{\"format\": \"io.github.coopzone.dossier\", \"version\": 1, "
                                      "\"id\": \"00000000-0000-4000-8000-0000000000aa\", \"fields\": {}}", -1, NULL));
  r = run_cli (fixture, "import", json, NULL);
  g_assert_cmpint (r.status, ==, 0);
  id = g_strstrip (g_strdup (r.out));
  result_clear (&r);
  return id;
}

static guint
count_stored (Fixture *fixture)
{
  g_autofree char *root = g_build_filename (fixture->dir, "data", "coopzone", "evidence", NULL);
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *sub = g_build_filename (root, name, NULL);
      g_autoptr(GDir) inner = g_dir_open (sub, 0, NULL);

      while (inner != NULL && g_dir_read_name (inner) != NULL)
        n++;
    }
  return n;
}

static JsonObject *
evidence_json (Fixture    *fixture,
               const char *id,
               JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  Result r = run_cli (fixture, "evidence", id, "--json", NULL);

  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  result_clear (&r);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
find_slot (JsonObject *root,
           const char *id)
{
  JsonArray *slots = json_object_get_array_member (root, "slots");

  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      JsonObject *slot = json_array_get_object_element (slots, i);

      if (g_str_equal (json_object_get_string_member (slot, "id"), id))
        return slot;
    }
  g_assert_not_reached ();
}

static void
test_attach_and_list (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = new_dossier (fixture);
  g_autofree char *plan = fixture_path (fixture, "发展规划.pdf");
  g_autofree char *sha = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *slot, *file;
  Result r;

  cz_test_write_pdf (plan, 3, "五年发展规划", "合作区五年发展规划");

  /* Nothing attached: each required slot is a blocker. */
  root = evidence_json (fixture, id, parser);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "findings")), ==, 8);
  g_assert_false (json_object_get_boolean_member (find_slot (root, "development-plan"), "satisfied"));

  r = run_cli (fixture, "attach", id, "development-plan", plan, "--pages", "2-3", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (strlen (r.out), >, 64);
  sha = g_strndup (r.out, 64);
  assert_contains (r.out, "发展规划.pdf");
  result_clear (&r);

  /* The same file again: one stored copy, one record. */
  r = run_cli (fixture, "attach", id, "development-plan", plan, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_contains (r.out, sha);
  result_clear (&r);
  g_assert_cmpuint (count_stored (fixture), ==, 1);

  root = evidence_json (fixture, id, parser);
  slot = find_slot (root, "development-plan");
  g_assert_true (json_object_get_boolean_member (slot, "satisfied"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (slot, "files")), ==, 1);
  file = json_array_get_object_element (json_object_get_array_member (slot, "files"), 0);
  g_assert_cmpstr (json_object_get_string_member (file, "sha256"), ==, sha);
  g_assert_cmpstr (json_object_get_string_member (file, "title"), ==, "五年发展规划");
  g_assert_cmpint (json_object_get_int_member (file, "page_count"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (file, "pages"), ==, "2-3");
  g_assert_cmpstr (json_object_get_string_member (file, "citation"), ==, "pp. 2–3");
  g_assert_true (json_object_get_null_member (file, "problem"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "findings")), ==, 7);

  r = run_cli (fixture, "evidence", id, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_contains (r.out, "five-year development plan");
  assert_contains (r.out, "pp. 2–3");
  result_clear (&r);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *id = new_dossier (fixture);
  g_autofree char *good = fixture_path (fixture, "good.pdf");
  g_autofree char *empty = fixture_path (fixture, "empty.pdf");
  g_autofree char *damaged = fixture_path (fixture, "damaged.pdf");
  g_autofree char *locked = fixture_path (fixture, "locked.pdf");
  g_autofree char *scan = fixture_path (fixture, "scan.png");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  Result r;

  cz_test_write_pdf (good, 3, NULL, NULL);
  cz_test_truncate_copy (good, damaged, 0.5);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  cz_test_write_png (scan, 600, 800);

  r = run_cli (fixture, "attach", id, "no-such-slot", good, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "no-such-slot");
  assert_contains (r.err, "development-plan");
  result_clear (&r);

  r = run_cli (fixture, "attach", id, "boundary-map", good, "--pages", "3-4", NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "only 3 pages");
  result_clear (&r);

  r = run_cli (fixture, "attach", id, "boundary-map", good, "--pages", "x", NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "not a page citation");
  result_clear (&r);

  r = run_cli (fixture, "attach", id, "sme-list", empty, damaged, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "empty");
  assert_contains (r.err, "damaged or is not a PDF");
  result_clear (&r);

  r = run_cli (fixture, "attach", id, "application-form", scan, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  r = run_cli (fixture, "attach", id, "integrity-check", fixture->dir, "/nonexistent/file.pdf", NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "file.pdf");
  result_clear (&r);

  root = evidence_json (fixture, id, parser);
  g_assert_false (json_object_get_boolean_member (find_slot (root, "sme-list"), "satisfied"));
  g_assert_true (json_object_get_boolean_member (find_slot (root, "application-form"), "satisfied"));

  if (!cz_test_encrypt_pdf (good, locked))
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  r = run_cli (fixture, "attach", id, "industrial-policy", locked, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "remove the password");
  result_clear (&r);
}

static void
test_sample_is_complete (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *id = NULL;
  JsonObject *root;
  JsonArray *slots;
  Result r = run_cli (fixture, "sample", "--store", NULL);

  g_assert_cmpint (r.status, ==, 0);
  id = g_strstrip (g_strdup (r.out));
  result_clear (&r);

  root = evidence_json (fixture, id, parser);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "findings")), ==, 0);
  slots = json_object_get_array_member (root, "slots");
  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      JsonObject *slot = json_array_get_object_element (slots, i);
      JsonObject *file = json_array_get_object_element (json_object_get_array_member (slot, "files"), 0);

      g_assert_true (json_object_get_boolean_member (slot, "satisfied"));
      g_assert_nonnull (strstr (json_object_get_string_member (file, "title"), "SAMPLE"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/evidence/attach-and-list", test_attach_and_list);
  ADD ("/cli/evidence/bad-input", test_bad_input);
  ADD ("/cli/evidence/sample-is-complete", test_sample_is_complete);
#undef ADD
  return g_test_run ();
}
