/* test-cli-lifecycle.c — a recognised zone through its five years, as a
 * department's script drives coopzone-cli: recognise, report, change, zones,
 * review
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cz-test-cli.h"
#include "cz-test-utils.h"

typedef struct
{
  CzCliFixture cli;
  char        *id;
} Fixture;

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return cz_cli_fixture_path (&fixture->cli, name);
}

static CzCliResult
run_cli (Fixture    *fixture,
         const char *first_arg,
         ...)
{
  CzCliResult result;
  va_list args;

  va_start (args, first_arg);
  result = cz_cli_run_valist (&fixture->cli, first_arg, args);
  va_end (args);
  return result;
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *text)
{
  char *path = fixture_path (fixture, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* The sample zone with its plan's targets, imported into the store. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *sample = NULL;
  g_autofree char *text = NULL;
  g_autofree char *targets = NULL;
  JsonObject *fields;
  CzCliResult r;

  cz_cli_fixture_set_up (&fixture->cli, data);
  sample = fixture_path (fixture, "sample.json");
  r = run_cli (fixture, "sample", sample, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_cli_result_clear (&r);

  g_assert_true (json_parser_load_from_file (parser, sample, &error));
  fields = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "fields");
  targets = g_strdup ("{\"records\": ["
                      "{\"indicator_id\": \"revenue\", \"indicator\": \"合作区企业年营业总收入\", \"unit\": \"亿元\", \"baseline_year\": 2024, \"baseline_value\": \"1250\", \"target_year\": 2029, \"target_value\": \"1750\"},"
                      "{\"indicator_id\": \"sme\", \"indicator\": \"中小企业数量\", \"unit\": \"家\", \"baseline_year\": 2024, \"baseline_value\": \"1000\", \"target_year\": 2029, \"target_value\": \"1500\"},"
                      "{\"indicator_id\": \"cooperation\", \"indicator\": \"国际合作平台\", \"unit\": \"个\", \"baseline_year\": 2024, \"baseline_value\": \"4\", \"target_year\": 2029, \"target_value\": \"9\"}]}");
  json_object_set_member (fields, "plan.targets", json_from_string (targets, &error));
  g_assert_no_error (error);
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  g_file_set_contents (sample, text, -1, &error);
  g_assert_no_error (error);

  r = run_cli (fixture, "import", sample, NULL);
  g_assert_cmpint (r.status, ==, 0);
  fixture->id = g_strstrip (g_strdup (r.out));
  cz_cli_result_clear (&r);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cz_cli_fixture_tear_down (&fixture->cli, data);
  g_free (fixture->id);
}

static void
recognise (Fixture *fixture)
{
  CzCliResult r = run_cli (fixture, "recognise", fixture->id, "--date", "2025-11-14",
                      "--document", "工信部企业函〔2025〕321号", "--today", "2025-11-20", NULL);

  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "valid from 2025年11月14日 to 2030年11月13日");
  cz_test_assert_contains (r.out, "Development report for 2025: due by 2026年3月30日, 130 days left (provisional)");
  cz_cli_result_clear (&r);
}

static char *
report_json (guint       year,
             const char *revenue,
             const char *smes,
             const char *platforms)
{
  return g_strdup_printf ("{\"format\": \"io.github.coopzone.filing\", \"kind\": \"annual-report\", \"year\": %u,"
                          " \"figures\": {\"revenue_fen\": 140000000000000, \"enterprises\": 1500, \"smes\": %s},"
                          " \"targets\": [{\"indicator\": \"合作区企业年营业总收入\", \"value\": \"%s\"},"
                          "  {\"indicator\": \"中小企业数量\", \"value\": \"%s\"},"
                          "  {\"indicator\": \"国际合作平台\", \"value\": \"%s\"}],"
                          " \"integrity\": {\"serious_dishonesty\": \"none\", \"major_violation\": \"none\"},"
                          " \"sections\": {\"work_done\": \"举办对接会三场。\", \"problems\": \"无\", \"next_year\": \"建设服务中心。\"}}",
                          year, smes, revenue, smes, platforms);
}

static void
file_report (Fixture    *fixture,
             guint       year,
             const char *revenue,
             const char *smes,
             const char *platforms,
             const char *submitted)
{
  g_autofree char *name = g_strdup_printf ("report-%u.json", year);
  g_autofree char *text = report_json (year, revenue, smes, platforms);
  g_autofree char *path = write_file (fixture, name, text);
  CzCliResult r = run_cli (fixture, "report", fixture->id, path, "--submitted", submitted, "--today", submitted, NULL);

  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "Kept as handed in.");
  cz_cli_result_clear (&r);
}

static void
test_recognise_bad_input (Fixture       *fixture,
                          gconstpointer  data)
{
  CzCliResult r = run_cli (fixture, "recognise", fixture->id, "--date", "2025-12-01",
                      "--document", "工信部企业函〔2025〕321号", "--today", "2025-11-20", NULL);

  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "Date of recognition: 2025-12-01 is after today");
  cz_cli_result_clear (&r);

  r = run_cli (fixture, "recognise", fixture->id, "--date", "2025-11-14", "--document", "X",
               "--valid-until", "2025-01-01", "--today", "2025-11-20", NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "Valid until: 2025-01-01 is not after the start of validity 2025-11-14");
  cz_cli_result_clear (&r);

  /* Nothing was recorded: not a zone yet. */
  r = run_cli (fixture, "zones", "--today", "2025-11-20", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "No dossier is marked recognised yet");
  cz_cli_result_clear (&r);
}

static void
test_walk_through (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *change = NULL;
  g_autofree char *future = NULL;
  CzCliResult r;

  recognise (fixture);

  /* A new report offers the application's figures, and copies none. */
  r = run_cli (fixture, "report", fixture->id, "new", "2025", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "\"source\" : \"application\"");
  cz_test_assert_contains (r.out, "\"figures\" : {  }");
  cz_cli_result_clear (&r);

  /* The 2025 report, behind the plan on two targets. */
  {
    g_autofree char *text = report_json (2025, "1300", "1050", "4");
    g_autofree char *path = write_file (fixture, "report-2025.json", text);

    r = run_cli (fixture, "report", fixture->id, path, "--submitted", "2026-03-20", "--today", "2026-03-20", NULL);
    g_assert_cmpint (r.status, ==, 0);
    cz_test_assert_contains (r.out, "Kept as handed in.");
    cz_test_assert_contains (r.out, "合作区企业年营业总收入: 1300 亿元 of 1750 亿元, 10% of the way (plan: 20%) — behind the plan");
    cz_test_assert_contains (r.out, "国际合作平台: 4 个 of 9 个, 0% of the way (plan: 20%) — behind the plan");
    cz_test_assert_contains (r.out, "中小企业数量: 1050 家 of 1500 家, 10% of the way (plan: 20%) — behind the plan");
    cz_cli_result_clear (&r);
  }

  /* A change of operating body on 2026-09-28: due after the National Day holiday. */
  change = write_file (fixture, "change.json",
                       "{\"format\": \"io.github.coopzone.filing\", \"kind\": \"change-request\","
                       " \"what\": \"operating_body\", \"date\": \"2026-09-28\","
                       " \"before\": \"管委会合作区办公室\", \"after\": \"合作区发展有限公司\","
                       " \"reason\": \"管理体制改革\", \"evidence\": [\"决议.pdf\"]}");
  r = run_cli (fixture, "change", fixture->id, change, "--today", "2026-10-09", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "Change request: due by 2026年11月13日, 35 days left");
  cz_test_assert_contains (r.out, "30 working days after 2026年9月28日");
  cz_test_assert_contains (r.out, "Kept as a draft.");
  cz_cli_result_clear (&r);

  r = run_cli (fixture, "zones", "--today", "2026-10-09", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "\"kind\" : \"change-request\"");
  cz_test_assert_contains (r.out, "\"due\" : \"2026-11-13\"");
  cz_test_assert_contains (r.out, "\"days_left\" : 35");
  cz_cli_result_clear (&r);

  /* Handed in on the 31st working day: late, still kept, the ground cited. */
  r = run_cli (fixture, "change", fixture->id, change, "--submitted", "2026-11-16", "--today", "2026-11-16", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "Marked late.");
  cz_test_assert_contains (r.out, "ground for revocation");
  cz_cli_result_clear (&r);

  /* A change dated after today is refused, naming the field. */
  future = write_file (fixture, "future.json",
                       "{\"format\": \"io.github.coopzone.filing\", \"kind\": \"change-request\","
                       " \"what\": \"name\", \"date\": \"2026-12-01\", \"before\": \"甲\", \"after\": \"乙\", \"reason\": \"更名\"}");
  r = run_cli (fixture, "change", fixture->id, future, "--today", "2026-11-20", NULL);
  g_assert_cmpint (r.status, ==, 1);
  cz_test_assert_contains (r.out, "Date of the change: 2026-12-01 is after today");
  cz_cli_result_clear (&r);

  /* Reports for 2026, 2027 and 2029; none for 2028. */
  file_report (fixture, 2026, "1400", "1200", "6", "2027-03-19");
  file_report (fixture, 2027, "1500", "1300", "7", "2028-03-20");
  file_report (fixture, 2029, "1800", "1450", "9", "2030-03-20");

  r = run_cli (fixture, "review", fixture->id, "--today", "2030-12-01", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "No annual report for 2028: those years are left empty, not guessed.");
  cz_test_assert_contains (r.out, "合作区企业年营业总收入 (1750 亿元 by 2029)\t1300\t1400\t1500\tmissing\t1800\t110% target met");
  cz_test_assert_contains (r.out, "中小企业数量 (1500 家 by 2029)\t1050\t1200\t1300\tmissing\t1450\t90% behind the plan");
  cz_test_assert_contains (r.out, "The development report for 2028 was not handed in by its due date.");
  cz_test_assert_contains (r.out, "A change request was not handed in by its deadline");
  cz_test_assert_contains (r.out, "[Reminder: CoopZone cannot check this]");
  cz_cli_result_clear (&r);

  r = run_cli (fixture, "review", fixture->id, "--today", "2030-12-01", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cz_test_assert_contains (r.out, "\"missing_years\" : [\n      2028\n    ]");
  cz_test_assert_contains (r.out, "\"ground\" : \"missing_report\",\n      \"state\" : \"triggered\"");
  cz_cli_result_clear (&r);
}

static void
test_report_bad_input (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = report_json (2031, "1300", "1050", "4");
  g_autofree char *path = write_file (fixture, "report-2031.json", text);
  g_autofree char *wrong = write_file (fixture, "wrong.json", "{\"format\": \"io.github.coopzone.filing\", \"kind\": \"review\"}");
  CzCliResult r;

  recognise (fixture);
  r = run_cli (fixture, "report", fixture->id, path, "--submitted", "2032-01-05", "--today", "2032-01-05", NULL);
  g_assert_cmpint (r.status, ==, 1);
  cz_test_assert_contains (r.out, "Year of the report: 2031 is outside the zone’s validity; reports are due for 2025–2029.");
  /* Kept, but as a draft. */
  cz_test_assert_contains (r.out, "Kept as a draft.");
  cz_cli_result_clear (&r);

  r = run_cli (fixture, "report", fixture->id, wrong, NULL);
  g_assert_cmpint (r.status, ==, 2);
  cz_test_assert_contains (r.err, "holds a filing of the kind “Five-year review”, not “Annual development report”");
  cz_cli_result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/lifecycle/recognise-bad-input", Fixture, NULL, fixture_set_up, test_recognise_bad_input, fixture_tear_down);
  g_test_add ("/cli/lifecycle/walk-through", Fixture, NULL, fixture_set_up, test_walk_through, fixture_tear_down);
  g_test_add ("/cli/lifecycle/report-bad-input", Fixture, NULL, fixture_set_up, test_report_bad_input, fixture_tear_down);

  return g_test_run ();
}
