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

#include "cz-test-pdf.h"
#include "cz-test-cli.h"
#include "cz-test-utils.h"

static char *
new_dossier (CzCliFixture *fixture)
{
  g_autofree char *json = cz_cli_fixture_path (fixture, "empty.json");
  CzCliResult r;
  char *id;

  g_assert_true (g_file_set_contents (json,
                                      "{\"format\": \"io.github.coopzone.dossier\", \"version\": 1, "
                                      "\"id\": \"00000000-0000-4000-8000-0000000000aa\", \"fields\": {}}", -1, NULL));
  r = cz_cli_run (fixture, "import", json, NULL);
  g_assert_cmpint (r.status, ==, 0);
  id = g_strstrip (g_strdup (r.out));
  cz_cli_result_clear (&r);
  return id;
}

static guint
count_stored (CzCliFixture *fixture)
{
  g_autofree char *root = g_build_filename (fixture->dir, "data", DATA_FOLDER, "evidence", NULL);
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
evidence_json (CzCliFixture    *fixture,
               const char *id,
               JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  CzCliResult r = cz_cli_run (fixture, "evidence", id, "--json", NULL);

  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  cz_cli_result_clear (&r);
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
test_attach_and_list (CzCliFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = new_dossier (fixture);
  g_autofree char *plan = cz_cli_fixture_path (fixture, "发展规划.pdf");
  g_autofree char *sha = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *slot, *file;
  CzCliResult r;

  cz_test_write_pdf (plan, 3, "五年发展规划", "合作区五年发展规划");

  /* Nothing attached: each required slot is a blocker. */
  root = evidence_json (fixture, id, parser);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "findings")), ==, 8);
  g_assert_false (json_object_get_boolean_member (find_slot (root, "development-plan"), "satisfied"));

  r = cz_cli_run (fixture, "attach", id, "development-plan", plan, "--pages", "2-3", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (strlen (r.out), >, 64);
  sha = g_strndup (r.out, 64);
  cz_test_assert_contains (r.out, "发展规划.pdf");
  cz_cli_result_clear (&r);

  /* The same file again: one stored copy, one record. */
  r = cz_cli_run (fixture, "attach", id, "development-plan", plan, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, sha);
  cz_cli_result_clear (&r);
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

  r = cz_cli_run (fixture, "evidence", id, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "five-year development plan");
  cz_test_assert_contains (r.out, "pp. 2–3");
  cz_cli_result_clear (&r);
}

static void
test_bad_input (CzCliFixture  *fixture,
                gconstpointer  data)
{
  g_autofree char *id = new_dossier (fixture);
  g_autofree char *good = cz_cli_fixture_path (fixture, "good.pdf");
  g_autofree char *empty = cz_cli_fixture_path (fixture, "empty.pdf");
  g_autofree char *damaged = cz_cli_fixture_path (fixture, "damaged.pdf");
  g_autofree char *locked = cz_cli_fixture_path (fixture, "locked.pdf");
  g_autofree char *scan = cz_cli_fixture_path (fixture, "scan.png");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  CzCliResult r;

  cz_test_write_pdf (good, 3, NULL, NULL);
  cz_test_truncate_copy (good, damaged, 0.5);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  cz_test_write_png (scan, 600, 800);

  r = cz_cli_run (fixture, "attach", id, "no-such-slot", good, NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "no-such-slot");
  cz_test_assert_contains (r.err, "development-plan");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "attach", id, "boundary-map", good, "--pages", "3-4", NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "only 3 pages");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "attach", id, "boundary-map", good, "--pages", "x", NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "not a page citation");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "attach", id, "sme-list", empty, damaged, NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "empty");
  cz_test_assert_contains (r.err, "damaged or is not a PDF");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "attach", id, "application-form", scan, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "attach", id, "integrity-check", fixture->dir, "/nonexistent/file.pdf", NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "file.pdf");
  cz_cli_result_clear (&r);

  root = evidence_json (fixture, id, parser);
  g_assert_false (json_object_get_boolean_member (find_slot (root, "sme-list"), "satisfied"));
  g_assert_true (json_object_get_boolean_member (find_slot (root, "application-form"), "satisfied"));

  if (!cz_test_encrypt_pdf (good, locked))
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  r = cz_cli_run (fixture, "attach", id, "industrial-policy", locked, NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "remove the password");
  cz_cli_result_clear (&r);
}

static void
test_sample_is_complete (CzCliFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *id = NULL;
  JsonObject *root;
  JsonArray *slots;
  CzCliResult r = cz_cli_run (fixture, "sample", "--store", NULL);

  g_assert_cmpint (r.status, ==, 0);
  id = g_strstrip (g_strdup (r.out));
  cz_cli_result_clear (&r);

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
#define ADD(path, func) g_test_add (path, CzCliFixture, NULL, cz_cli_fixture_set_up, func, cz_cli_fixture_tear_down)
  ADD ("/cli/evidence/attach-and-list", test_attach_and_list);
  ADD ("/cli/evidence/bad-input", test_bad_input);
  ADD ("/cli/evidence/sample-is-complete", test_sample_is_complete);
#undef ADD
  return g_test_run ();
}
