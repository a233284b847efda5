/* test-cli-roster.c — coopzone-cli roster import, show and problems, as a
 * department's script uses them: a GB18030 CSV and an .xlsx the test writes
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <archive.h>
#include <archive_entry.h>

#include "cz-test-cli.h"
#include "cz-test-utils.h"
#include "cz-test-xlsx.h"

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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  CzCliResult result;

  cz_cli_fixture_set_up (&fixture->cli, data);
  result = run_cli (fixture, "sample", "--store", NULL);
  g_assert_cmpint (result.status, ==, 0);
  fixture->id = g_strstrip (g_strdup (result.out));
  cz_cli_result_clear (&result);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cz_cli_fixture_tear_down (&fixture->cli, data);
  g_free (fixture->id);
}

static const char header[] =
  "企业名称,统一社会信用代码,所属行业,从业人员,营业收入（万元）,资产总额（万元）,"
  "是否外商投资企业,专精特新,专精特新\"小巨人\",高新技术企业,入驻时间\r\n";
static const char good_rows[] =
  "苏州甲精密有限公司,91350100M000100Y43,制造业,150,1200.5,800,否,是,否,是,2021-05-10\r\n"
  "苏州乙科技有限公司,91440300708461136T,软件和信息技术服务业,8,500,100,是,否,否,否,\r\n";

static JsonObject *
show_json (Fixture    *fixture,
           JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  CzCliResult result = run_cli (fixture, "roster", "show", fixture->id, "--json", NULL);

  g_assert_cmpint (result.status, ==, 0);
  json_parser_load_from_data (parser, result.out, -1, &error);
  g_assert_no_error (error);
  cz_cli_result_clear (&result);
  return json_node_get_object (json_parser_get_root (parser));
}

/* Three rows flagged, fixed, imported again: the totals fill in. */
static void
test_import_fix_reimport (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *csv = fixture_path (fixture, "名录.csv");
  g_autofree char *problems = fixture_path (fixture, "problems.csv");
  g_autofree char *bad = g_strconcat (header, good_rows,
                                      "丙公司,91350100M000100Y44,工业,50,600,300,否,否,否,否,\r\n"
                                      "丁公司,9.13E+17,工业,50,600,300,否,否,否,否,\r\n"
                                      "苏州甲精密有限公司,91350100M000100Y43,工业,50,600,300,否,否,否,否,\r\n", NULL);
  g_autofree char *fixed = g_strconcat (header,
                                        "苏州甲精密有限公司,91350100M000100Y43,制造业,150,1200.5,800,否,是,否,是,2021-05-10\r\n"
                                        "苏州乙科技有限公司,91440300708461136T,软件和信息技术服务业,9,500,100,是,否,否,否,\r\n"
                                        "丙公司,914403001922038216,工业,50,600,300,否,否,否,否,\r\n"
                                        "丁公司,91110000802100433B,工业,50,600,300,是,否,否,否,\r\n", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *written = NULL;
  JsonObject *shown, *totals;
  CzCliResult result;

  cz_test_write_text (csv, bad, "GB18030", FALSE);
  result = run_cli (fixture, "roster", "import", fixture->id, csv, NULL);
  g_assert_cmpint (result.status, ==, 1);
  cz_test_assert_contains (result.out, "Row 4: the credit code 91350100M000100Y44 is not valid");
  cz_test_assert_contains (result.out, "Row 5: the credit code “9.13E+17” was turned into a number");
  cz_test_assert_contains (result.out, "Row 6: the credit code 91350100M000100Y43 is also on row 2");
  cz_test_assert_contains (result.out, "not filled in: 3 errors to fix");
  cz_cli_result_clear (&result);

  shown = show_json (fixture, parser);
  g_assert_cmpint (json_object_get_int_member (shown, "rows"), ==, 5);
  g_assert_true (json_node_is_null (json_object_get_member (json_object_get_object_member (shown, "totals"), "enterprises")));

  result = run_cli (fixture, "roster", "problems", fixture->id, problems, NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_cli_result_clear (&result);
  g_assert_true (g_file_get_contents (problems, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "\xEF\xBB\xBF"));
  cz_test_assert_contains (written, "\r\n4,");
  cz_test_assert_contains (written, "code-as-number");

  /* The desk fixes the three rows; the re-import says what changed. */
  cz_test_write_text (csv, fixed, "GB18030", FALSE);
  result = run_cli (fixture, "roster", "import", fixture->id, csv, "--year", "2024", NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_test_assert_contains (result.out, "Since the last import: 2 added, 2 removed, 1 changed");
  cz_test_assert_contains (result.out, "Accepted: 7 fields filled in from the roster.");
  cz_cli_result_clear (&result);

  shown = show_json (fixture, parser);
  totals = json_object_get_object_member (shown, "totals");
  g_assert_cmpint (json_object_get_int_member (totals, "enterprises"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (totals, "sme"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (totals, "foreign_invested"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (totals, "revenue_fen"), ==, G_GINT64_CONSTANT (2900500000));
  g_assert_cmpstr (json_object_get_string_member (shown, "source_name"), ==, "名录.csv");
  g_assert_cmpint (json_object_get_int_member (shown, "year"), ==, 2024);

  /* The dossier's fields carry the totals and their provenance. */
  result = run_cli (fixture, "show", fixture->id, NULL);
  cz_test_assert_contains (result.out, "enterprises.y2024.total");
  cz_test_assert_contains (result.out, "roster.source_sha256");
  cz_cli_result_clear (&result);
}

static void
test_xlsx_sheet_and_mapping (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *xlsx = fixture_path (fixture, "roster.xlsx");
  g_autofree char *mapping = fixture_path (fixture, "mapping.json");
  g_autoptr(CzTestXlsx) x = cz_test_xlsx_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *shown;
  CzCliResult result;

  cz_test_xlsx_begin_sheet (x, "说明");
  cz_test_xlsx_add_row (x, 1, (const char *[]) { "s:填表说明", NULL });
  cz_test_xlsx_begin_sheet (x, "名录");
  cz_test_xlsx_add_row (x, 1, (const char *[]) { "s:单位", "s:代码", "s:收入（元）", NULL });
  cz_test_xlsx_add_row (x, 2, (const char *[]) { "s:甲公司", "s:91350100M000100Y43", "n:12000000", NULL });
  cz_test_xlsx_write (x, xlsx, FALSE);
  g_file_set_contents (mapping, "{\"format\": \"io.github.coopzone.roster-mapping\", \"version\": 1,"
                       " \"columns\": {\"name\": \"单位\", \"credit_code\": \"B\", \"revenue_wan\": \"收入（元）\"}}", -1, NULL);

  /* The first sheet is the instructions: no column for the name. */
  result = run_cli (fixture, "roster", "import", fixture->id, xlsx, NULL);
  g_assert_cmpint (result.status, ==, 2);
  cz_test_assert_contains (result.err, "roster.xlsx");
  cz_cli_result_clear (&result);

  result = run_cli (fixture, "roster", "import", fixture->id, xlsx, "--sheet", "2", "--mapping", mapping,
                    "--dry-run", NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_test_assert_contains (result.out, "Not accepted");
  cz_cli_result_clear (&result);
  result = run_cli (fixture, "roster", "show", fixture->id, NULL);
  g_assert_cmpint (result.status, ==, 2);
  cz_test_assert_contains (result.err, "no roster yet");
  cz_cli_result_clear (&result);

  result = run_cli (fixture, "roster", "import", fixture->id, xlsx, "--sheet", "2", "--mapping", mapping, NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_cli_result_clear (&result);
  shown = show_json (fixture, parser);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (shown, "totals"), "revenue_fen"),
                   ==, G_GINT64_CONSTANT (1200000000));

  /* The mapping is remembered for this layout: no --mapping needed now. */
  result = run_cli (fixture, "roster", "import", fixture->id, xlsx, "--sheet", "2", "--dry-run", NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_test_assert_contains (result.out, "Since the last import: 0 added, 0 removed, 0 changed");
  cz_cli_result_clear (&result);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *xls = fixture_path (fixture, "old.xls");
  CzCliResult result;

  g_file_set_contents (xls, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10, NULL);
  result = run_cli (fixture, "roster", "import", fixture->id, xls, NULL);
  g_assert_cmpint (result.status, ==, 2);
  cz_test_assert_contains (result.err, "old.xls");
  cz_test_assert_contains (result.err, ".xlsx");
  cz_cli_result_clear (&result);

  result = run_cli (fixture, "roster", "import", fixture->id, xls, "--encoding", "latin1", NULL);
  g_assert_cmpint (result.status, ==, 2);
  cz_test_assert_contains (result.err, "gb18030");
  cz_cli_result_clear (&result);
}

/* The entry of @archive whose name ends in @suffix. */
static char *
zip_entry (const char *archive,
           const char *suffix)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  char *text = NULL;
  int r;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, archive, 65536), ==, ARCHIVE_OK);
  /* Chinese evidence names only warn in the C locale. */
  while (text == NULL && ((r = archive_read_next_header (a, &entry)) == ARCHIVE_OK || r == ARCHIVE_WARN))
    if (archive_entry_pathname (entry) != NULL && g_str_has_suffix (archive_entry_pathname (entry), suffix))
      {
        gsize size = archive_entry_size (entry);

        text = g_malloc0 (size + 1);
        g_assert_cmpint (archive_read_data (a, text, size), ==, (la_ssize_t) size);
      }
  archive_read_free (a);
  g_assert_nonnull (text);
  return text;
}

/* The accepted roster travels in the archive as data/roster.csv, referenced
 * from dossier.json with its SHA-256, and the archive still verifies. */
static void
test_roster_in_archive (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *csv = fixture_path (fixture, "roster.csv");
  g_autofree char *pass = fixture_path (fixture, "pass");
  g_autofree char *p12 = fixture_path (fixture, "部门.p12");
  g_autofree char *zip = fixture_path (fixture, "申报包.zip");
  /* Revenue up to the sample's exports (231,000 万元): exports cannot exceed revenue. */
  g_autofree char *text = g_strconcat (header,
                                       "苏州甲精密有限公司,91350100M000100Y43,制造业,150,230000,800,否,是,否,是,2021-05-10\r\n"
                                       "苏州乙科技有限公司,91440300708461136T,软件和信息技术服务业,8,1000,100,是,否,否,否,\r\n",
                                       NULL);
  g_autofree char *packed_csv = NULL;
  g_autofree char *dossier_json = NULL;
  g_autofree char *csv_sha256 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *roster;
  CzCliResult result;

  cz_test_write_text (csv, text, NULL, FALSE);
  g_file_set_contents (pass, "correct horse battery staple\n", -1, NULL);
  result = run_cli (fixture, "roster", "import", fixture->id, csv, NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_cli_result_clear (&result);
  result = run_cli (fixture, "signer", "create", "--name", "苏州市工业和信息化局", "--out", p12,
                    "--passphrase-file", pass, NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_cli_result_clear (&result);
  result = run_cli (fixture, "pack", fixture->id, "--out", zip, "--signer", p12, "--passphrase-file", pass, NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_cli_result_clear (&result);
  result = run_cli (fixture, "verify", zip, NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_cli_result_clear (&result);

  packed_csv = zip_entry (zip, "/data/roster.csv");
  g_assert_true (g_str_has_prefix (packed_csv, "row,name,credit_code,industry,sme_industry,employees,"
                                               "revenue_wan,total_assets_wan,foreign_invested,specialised,"
                                               "little_giant,high_tech,entered,size_class,size_rule\r\n"));
  cz_test_assert_contains (packed_csv, "2,苏州甲精密有限公司,91350100M000100Y43,制造业,industry,150,230000,800,0,1,0,1,2021-05-10,small,");
  csv_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, packed_csv, -1);

  dossier_json = zip_entry (zip, "/data/dossier.json");
  json_parser_load_from_data (parser, dossier_json, -1, NULL);
  roster = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "roster");
  g_assert_nonnull (roster);
  g_assert_cmpstr (json_object_get_string_member (roster, "path"), ==, "data/roster.csv");
  g_assert_cmpstr (json_object_get_string_member (roster, "sha256"), ==, csv_sha256);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/roster/import-fix-reimport", Fixture, NULL, fixture_set_up, test_import_fix_reimport, fixture_tear_down);
  g_test_add ("/cli/roster/xlsx-sheet-and-mapping", Fixture, NULL, fixture_set_up, test_xlsx_sheet_and_mapping, fixture_tear_down);
  g_test_add ("/cli/roster/in-archive", Fixture, NULL, fixture_set_up, test_roster_in_archive, fixture_tear_down);
  g_test_add ("/cli/roster/bad-files", Fixture, NULL, fixture_set_up, test_bad_files, fixture_tear_down);

  return g_test_run ();
}
