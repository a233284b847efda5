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

#include "cz-test-cli.h"
#include "cz-test-utils.h"

/* The sample, written by the CLI, with @edit applied to its fields. */
static char *
write_sample (CzCliFixture    *fixture,
              const char *name,
              void      (*edit) (JsonObject *fields))
{
  g_autofree char *path = cz_cli_fixture_path (fixture, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  CzCliResult r = cz_cli_run (fixture, "sample", path, NULL);

  g_assert_cmpint (r.status, ==, 0);
  cz_cli_result_clear (&r);
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
test_sample_passes (CzCliFixture  *fixture,
                    gconstpointer  data)
{
  /* The sample in the store comes with its (sample) evidence, so nothing blocks. */
  CzCliResult r = cz_cli_run (fixture, "sample", "--store", NULL);
  g_autofree char *id = g_strstrip (g_strdup (r.out));

  g_assert_cmpint (r.status, ==, 0);
  cz_cli_result_clear (&r);
  r = cz_cli_run (fixture, "validate", id, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "cn.miit.coopzone.2025");
  cz_test_assert_contains (r.out, "Result: 0 blockers, 0 warnings, 2 hints.");
  cz_test_assert_contains (r.out, "Score estimate: 70.5 / 100 (provisional)");
  cz_test_assert_contains (r.out, "工信厅企业函〔2025〕63号");
  cz_cli_result_clear (&r);
}

static void
test_blockers_exit_1 (CzCliFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_sample (fixture, "blocked.json", add_blockers);
  CzCliResult r = cz_cli_run (fixture, "validate", path, NULL);
  const char *incidents;
  const char *declarations;

  g_assert_cmpint (r.status, ==, 1);
  cz_test_assert_contains (r.out, "[Blocker] declaration.truthful: Confirm that the application is true and accurate");
  cz_test_assert_contains (r.out, "[Blocker] incidents.production_safety.list:");
  cz_test_assert_contains (r.out, "10 deaths reaches 重大");
  cz_test_assert_contains (r.out, "[Warning] revenue.y2024.total:");
  cz_test_assert_contains (r.out, "99.99 亿元");
  cz_test_assert_contains (r.out, "申报条件第6项");
  /* A dossier from a file has no evidence in the store: 8 required documents missing. */
  cz_test_assert_contains (r.out, "[Blocker] evidence.development-plan:");
  cz_test_assert_contains (r.out, "Result: 10 blockers, 1 warning, 2 hints.");
  /* Grouped by step, in the wizard's order. */
  incidents = strstr (r.out, "Incidents and integrity");
  declarations = strstr (r.out, "Declarations —");
  g_assert_nonnull (incidents);
  g_assert_nonnull (declarations);
  g_assert_true (incidents < declarations);
  g_assert_true (strstr (r.out, "Revenue and enterprises") < incidents);
  cz_cli_result_clear (&r);
}

static void
test_json_output (CzCliFixture  *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = write_sample (fixture, "blocked.json", add_blockers);
  CzCliResult r = cz_cli_run (fixture, "validate", path, "--json", NULL);
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

      if (g_str_equal (json_object_get_string_member (finding, "rule_id"), "declaration-truthful"))
        {
          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "blocker");
          g_assert_cmpstr (json_object_get_string_member (finding, "step"), ==, "declarations");
          cz_test_assert_contains (json_object_get_string_member (finding, "citation"), "工信厅企业函〔2025〕63号");
        }
    }
  g_assert_true (found);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (root, "score"), "provisional"));
  cz_cli_result_clear (&r);
}

static void
test_bad_pack_exit_2 (CzCliFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *sample = write_sample (fixture, "sample.json", NULL);
  g_autofree char *pack = cz_cli_fixture_path (fixture, "省级规则包.json");
  g_autoptr(GError) error = NULL;
  CzCliResult r;

  g_assert_true (g_file_set_contents (pack, "{\"format\": \"io.github.coopzone.rules\", \"version\": 1}", -1, &error));
  g_assert_no_error (error);

  r = cz_cli_run (fixture, "validate", sample, "--rules", pack, NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "省级规则包.json");
  cz_test_assert_contains (r.err, "“id” is missing");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "rules", "--rules", pack, NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "省级规则包.json");
  cz_cli_result_clear (&r);

  g_assert_true (g_file_set_contents (pack, "not json", -1, &error));
  r = cz_cli_run (fixture, "validate", sample, "--rules", pack, NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "not valid JSON");
  cz_cli_result_clear (&r);
}

static void
test_bad_usage_exit_2 (CzCliFixture  *fixture,
                       gconstpointer  data)
{
  g_autofree char *missing = cz_cli_fixture_path (fixture, "missing.json");
  CzCliResult r = cz_cli_run (fixture, "validate", NULL);

  g_assert_cmpint (r.status, ==, 2);
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "validate", missing, NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "validate", missing, "--frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "--frobnicate");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "rules", "--rules", NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_cli_result_clear (&r);
}

static void
test_validate_by_id (CzCliFixture  *fixture,
                     gconstpointer  data)
{
  g_autofree char *sample = write_sample (fixture, "sample.json", NULL);
  CzCliResult r = cz_cli_run (fixture, "import", sample, NULL);
  g_autofree char *id = g_strstrip (g_strdup (r.out));

  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_uuid_string_is_valid (id));
  cz_cli_result_clear (&r);
  r = cz_cli_run (fixture, "validate", id, NULL);
  /* Imported without its evidence: only the missing documents block. */
  g_assert_cmpint (r.status, ==, 1);
  cz_test_assert_contains (r.out, "Result: 8 blockers, 0 warnings, 2 hints.");
  cz_cli_result_clear (&r);
}

/* validate reports what is wrong with the evidence as `evidence` and `pack` see it. */
static void
test_evidence_findings (CzCliFixture  *fixture,
                        gconstpointer  data)
{
  CzCliResult r = cz_cli_run (fixture, "sample", "--store", NULL);
  g_autofree char *id = g_strstrip (g_strdup (r.out));
  g_autofree char *not_pdf = cz_cli_fixture_path (fixture, "scan.pdf");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *findings;
  guint n_evidence = 0;

  g_assert_cmpint (r.status, ==, 0);
  cz_cli_result_clear (&r);
  g_file_set_contents (not_pdf, "this is not a PDF\n", -1, &error);
  g_assert_no_error (error);
  r = cz_cli_run (fixture, "attach", id, "development-plan", not_pdf, NULL);
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "validate", id, NULL);
  g_assert_cmpint (r.status, ==, 1);
  cz_test_assert_contains (r.out, "[Blocker] evidence.development-plan:");
  cz_test_assert_contains (r.out, "scan.pdf");
  cz_test_assert_contains (r.out, "Result: 1 blocker, 0 warnings, 2 hints.");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "validate", id, "--json", NULL);
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
      g_assert_cmpstr (json_object_get_string_member (finding, "field_id"), ==, "evidence.development-plan");
      g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "blocker");
    }
  g_assert_cmpuint (n_evidence, ==, 1);
  cz_cli_result_clear (&r);
}

static void
test_rules_listing (CzCliFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  CzCliResult r = cz_cli_run (fixture, "rules", NULL);
  JsonObject *root;
  JsonArray *dimensions;
  gint64 points = 0;

  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "cn.miit.coopzone.2025");
  cz_test_assert_contains (r.out, "SHA-256: ");
  cz_test_assert_contains (r.out, "revenue-threshold");
  cz_test_assert_contains (r.out, "warning");
  cz_test_assert_contains (r.out, "(provisional)");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "rules", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "year"), ==, 2025);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "rules")), ==, 38);
  dimensions = json_object_get_array_member (root, "dimensions");
  for (guint d = 0; d < json_array_get_length (dimensions); d++)
    points += json_object_get_int_member (json_array_get_object_element (dimensions, d), "points");
  g_assert_cmpint (points, ==, 100);
  cz_cli_result_clear (&r);
}

/* A province's pack, installed once, is the pack in use for rules and
 * validate alike; a bad one is refused and changes nothing. */
static void
test_install_rules (CzCliFixture  *fixture,
                    gconstpointer  data)
{
  g_autofree char *pack_path = cz_cli_fixture_path (fixture, "province.json");
  g_autofree char *bad_path = cz_cli_fixture_path (fixture, "bad.json");
  g_autofree char *builtin = NULL;
  g_autofree char *pack = NULL;
  CzCliResult r;

  g_assert_true (g_file_get_contents (g_getenv ("COOPZONE_BUILTIN_PACK"), &builtin, NULL, NULL));
  {
    g_autoptr(GString) text = g_string_new (builtin);
    g_assert_cmpuint (g_string_replace (text, "\"cn.miit.coopzone.2025\"", "\"province.test.2025\"", 1), ==, 1);
    pack = g_string_free (g_steal_pointer (&text), FALSE);
  }
  g_assert_true (g_file_set_contents (pack_path, pack, -1, NULL));
  g_assert_true (g_file_set_contents (bad_path, "{\"format\": \"something else\"}", -1, NULL));

  r = cz_cli_run (fixture, "install-rules", pack_path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "province.test.2025");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "install-rules", bad_path, NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "bad.json");
  cz_cli_result_clear (&r);

  r = cz_cli_run (fixture, "rules", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "province.test.2025");
  cz_cli_result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, CzCliFixture, NULL, cz_cli_fixture_set_up, func, cz_cli_fixture_tear_down)

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
