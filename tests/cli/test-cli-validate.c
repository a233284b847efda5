/* test-cli-validate.c — coopzone-cli validate and rules, as a province's
 * script uses them
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

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

  fixture->dir = g_dir_make_tmp ("cz-cli-validate-XXXXXX", &error);
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


/* The sample, written by the CLI, with @edit applied to its fields. */
static char *
write_sample (Fixture    *fixture,
              const char *name,
              void      (*edit) (JsonObject *fields))
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  Result r = run_cli (fixture, "sample", path, NULL);

  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  if (edit == NULL)
    return g_steal_pointer (&path);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  edit (json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "fields"));
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
add_blockers (JsonObject *fields)
{
  JsonObject *revenue = json_object_new ();
  JsonObject *list = json_object_new ();
  JsonArray *records = json_array_new ();
  JsonObject *incident = json_object_new ();

  json_object_remove_member (fields, "declaration.truthful");
  json_object_set_int_member (revenue, "money_fen", G_GINT64_CONSTANT (999900000000));
  json_object_set_object_member (fields, "revenue.y2024.total", revenue);
  json_object_set_string_member (incident, "date", "2025-03-02");
  json_object_set_int_member (incident, "deaths", 10);
  json_array_add_object_element (records, incident);
  json_object_set_array_member (list, "records", records);
  json_object_set_object_member (fields, "incidents.production_safety.list", list);
}

static void
test_sample_passes (Fixture       *fixture,
                    gconstpointer  data)
{
  /* The sample in the store comes with its (sample) evidence, so nothing blocks. */
  Result r = run_cli (fixture, "sample", "--store", NULL);
  g_autofree char *id = g_strstrip (g_strdup (r.out));

  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  r = run_cli (fixture, "validate", id, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_contains (r.out, "cn.miit.coopzone.2025");
  assert_contains (r.out, "Result: 0 blockers, 0 warnings, 2 hints.");
  assert_contains (r.out, "Score estimate: 70.5 / 100 (provisional)");
  assert_contains (r.out, "工信厅企业函〔2025〕63号");
  result_clear (&r);
}

static void
test_blockers_exit_1 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_sample (fixture, "blocked.json", add_blockers);
  Result r = run_cli (fixture, "validate", path, NULL);
  const char *incidents;
  const char *declarations;

  g_assert_cmpint (r.status, ==, 1);
  assert_contains (r.out, "[Blocker] declaration.truthful: Confirm that the application is true and accurate");
  assert_contains (r.out, "[Blocker] incidents.production_safety.list:");
  assert_contains (r.out, "10 deaths reaches 重大");
  assert_contains (r.out, "[Warning] revenue.y2024.total:");
  assert_contains (r.out, "99.99 亿元");
  assert_contains (r.out, "申报条件第6项");
  /* A dossier from a file has no evidence in the store: 8 required documents missing. */
  assert_contains (r.out, "[Blocker] evidence.development-plan:");
  assert_contains (r.out, "Result: 10 blockers, 1 warning, 2 hints.");
  /* Grouped by step, in the wizard's order. */
  incidents = strstr (r.out, "Incidents and integrity");
  declarations = strstr (r.out, "Declarations —");
  g_assert_nonnull (incidents);
  g_assert_nonnull (declarations);
  g_assert_true (incidents < declarations);
  g_assert_true (strstr (r.out, "Revenue and enterprises") < incidents);
  result_clear (&r);
}

static void
test_json_output (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = write_sample (fixture, "blocked.json", add_blockers);
  Result r = run_cli (fixture, "validate", path, "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *findings;
  gboolean found = FALSE;

  g_assert_cmpint (r.status, ==, 1);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (root, "has_blockers"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "counts"), "blocker"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "rules"), "id"), ==,
                   "cn.miit.coopzone.2025");
  g_assert_cmpuint (strlen (json_object_get_string_member (json_object_get_object_member (root, "rules"), "sha256")), ==, 64);
  findings = json_object_get_array_member (root, "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (g_str_equal (json_object_get_string_member (finding, "rule"), "declaration-truthful"))
        {
          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "blocker");
          g_assert_cmpstr (json_object_get_string_member (finding, "step"), ==, "declarations");
          assert_contains (json_object_get_string_member (finding, "citation"), "工信厅企业函〔2025〕63号");
        }
    }
  g_assert_true (found);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (root, "score"), "provisional"));
  result_clear (&r);
}

static void
test_bad_pack_exit_2 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *sample = write_sample (fixture, "sample.json", NULL);
  g_autofree char *pack = fixture_path (fixture, "省级规则包.json");
  g_autoptr(GError) error = NULL;
  Result r;

  g_assert_true (g_file_set_contents (pack, "{\"format\": \"io.github.coopzone.rules\", \"version\": 1}", -1, &error));
  g_assert_no_error (error);

  r = run_cli (fixture, "validate", sample, "--rules", pack, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "省级规则包.json");
  assert_contains (r.err, "“id” is missing");
  result_clear (&r);

  r = run_cli (fixture, "rules", "--rules", pack, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "省级规则包.json");
  result_clear (&r);

  g_assert_true (g_file_set_contents (pack, "not json", -1, &error));
  r = run_cli (fixture, "validate", sample, "--rules", pack, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "not valid JSON");
  result_clear (&r);
}

static void
test_bad_usage_exit_2 (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *missing = fixture_path (fixture, "missing.json");
  Result r = run_cli (fixture, "validate", NULL);

  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);

  r = run_cli (fixture, "validate", missing, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);

  r = run_cli (fixture, "validate", missing, "--frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "--frobnicate");
  result_clear (&r);

  r = run_cli (fixture, "rules", "--rules", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
}

static void
test_validate_by_id (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *sample = write_sample (fixture, "sample.json", NULL);
  Result r = run_cli (fixture, "import", sample, NULL);
  g_autofree char *id = g_strstrip (g_strdup (r.out));

  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_uuid_string_is_valid (id));
  result_clear (&r);
  r = run_cli (fixture, "validate", id, NULL);
  /* Imported without its evidence: only the missing documents block. */
  g_assert_cmpint (r.status, ==, 1);
  assert_contains (r.out, "Result: 8 blockers, 0 warnings, 2 hints.");
  result_clear (&r);
}

/* validate reports what is wrong with the evidence as `evidence` and `pack` see it. */
static void
test_evidence_findings (Fixture       *fixture,
                        gconstpointer  data)
{
  Result r = run_cli (fixture, "sample", "--store", NULL);
  g_autofree char *id = g_strstrip (g_strdup (r.out));
  g_autofree char *not_pdf = fixture_path (fixture, "scan.pdf");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *findings;
  guint n_evidence = 0;

  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_file_set_contents (not_pdf, "this is not a PDF\n", -1, &error);
  g_assert_no_error (error);
  r = run_cli (fixture, "attach", id, "development-plan", not_pdf, NULL);
  result_clear (&r);

  r = run_cli (fixture, "validate", id, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_contains (r.out, "[Blocker] evidence.development-plan:");
  assert_contains (r.out, "scan.pdf");
  assert_contains (r.out, "Result: 1 blocker, 0 warnings, 2 hints.");
  result_clear (&r);

  r = run_cli (fixture, "validate", id, "--json", NULL);
  g_assert_cmpint (r.status, ==, 1);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  findings = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (g_strcmp0 (json_object_get_string_member (finding, "step"), "evidence") != 0)
        continue;
      n_evidence++;
      g_assert_cmpstr (json_object_get_string_member (finding, "field"), ==, "evidence.development-plan");
      g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "blocker");
    }
  g_assert_cmpuint (n_evidence, ==, 1);
  result_clear (&r);
}

static void
test_rules_listing (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  Result r = run_cli (fixture, "rules", NULL);
  JsonObject *root;
  JsonArray *dimensions;
  gint64 points = 0;

  g_assert_cmpint (r.status, ==, 0);
  assert_contains (r.out, "cn.miit.coopzone.2025");
  assert_contains (r.out, "SHA-256: ");
  assert_contains (r.out, "revenue-threshold");
  assert_contains (r.out, "warning");
  assert_contains (r.out, "(provisional)");
  result_clear (&r);

  r = run_cli (fixture, "rules", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "year"), ==, 2025);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "rules")), ==, 34);
  dimensions = json_object_get_array_member (root, "dimensions");
  for (guint d = 0; d < json_array_get_length (dimensions); d++)
    points += json_object_get_int_member (json_array_get_object_element (dimensions, d), "points");
  g_assert_cmpint (points, ==, 100);
  result_clear (&r);
}

/* A province's pack, installed once, is the pack in use for rules and
 * validate alike; a bad one is refused and changes nothing. */
static void
test_install_rules (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *pack_path = fixture_path (fixture, "province.json");
  g_autofree char *bad_path = fixture_path (fixture, "bad.json");
  g_autofree char *builtin = NULL;
  g_autofree char *pack = NULL;
  Result r;

  g_assert_true (g_file_get_contents (g_getenv ("COOPZONE_BUILTIN_PACK"), &builtin, NULL, NULL));
  {
    g_autoptr(GString) text = g_string_new (builtin);
    g_assert_cmpuint (g_string_replace (text, "\"cn.miit.coopzone.2025\"", "\"province.test.2025\"", 1), ==, 1);
    pack = g_string_free (g_steal_pointer (&text), FALSE);
  }
  g_assert_true (g_file_set_contents (pack_path, pack, -1, NULL));
  g_assert_true (g_file_set_contents (bad_path, "{\"format\": \"something else\"}", -1, NULL));

  r = run_cli (fixture, "install-rules", pack_path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_contains (r.out, "province.test.2025");
  result_clear (&r);

  r = run_cli (fixture, "install-rules", bad_path, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "bad.json");
  result_clear (&r);

  r = run_cli (fixture, "rules", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_contains (r.out, "province.test.2025");
  result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/validate/sample-passes", test_sample_passes);
  ADD ("/cli/validate/evidence-findings", test_evidence_findings);
  ADD ("/cli/validate/blockers-exit-1", test_blockers_exit_1);
  ADD ("/cli/validate/json-output", test_json_output);
  ADD ("/cli/validate/bad-pack-exit-2", test_bad_pack_exit_2);
  ADD ("/cli/validate/bad-usage-exit-2", test_bad_usage_exit_2);
  ADD ("/cli/validate/by-id", test_validate_by_id);
  ADD ("/cli/rules/listing", test_rules_listing);
  ADD ("/cli/rules/install", test_install_rules);

  return g_test_run ();
}
