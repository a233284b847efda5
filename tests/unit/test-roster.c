/* test-roster.c — mapping, row checks, size classes, totals and their provenance
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "cz-fields.h"
#include "cz-roster.h"
#include "cz-stored-roster.h"
#include "cz-test-xlsx.h"

static char *
temp_path (const char *name)
{
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static CzRoster *
import_text (const char  *name,
             const char  *utf8,
             const char  *charset,
             GError     **error)
{
  g_autofree char *path = temp_path (name);
  CzRoster *roster;

  cz_test_write_text (path, utf8, charset, FALSE);
  roster = cz_roster_import (path, NULL, NULL, NULL, NULL, error);
  g_unlink (path);
  return roster;
}

static const CzRosterProblem *
find_problem (CzRoster   *roster,
              guint       row,
              const char *code)
{
  for (guint i = 0; i < cz_roster_get_n_problems (roster); i++)
    {
      const CzRosterProblem *p = cz_roster_get_problem (roster, i);
      if (p->row == row && g_str_equal (p->code, code))
        return p;
    }
  return NULL;
}

static const char header[] =
  "企业名称,统一社会信用代码,所属行业,从业人员（人）,营业收入（万元）,资产总额（万元）,"
  "是否外商投资企业,专精特新,专精特新\"小巨人\",高新技术企业,入驻时间\n";

static void
test_header_recognition (void)
{
  const char *cells[] = { "序号", " 企业名称 ", "统一社会信用代码", "行业", "从业人数", "2024年营业收入（元）",
                          "资产总计(亿元)", "外资企业", "专精特新", "专精特新“小巨人”", "是否高新技术企业", "入园日期" };
  g_autoptr(CzRosterMapping) mapping = cz_roster_mapping_new_for_header (cells, G_N_ELEMENTS (cells));

  g_assert_cmpint (cz_roster_mapping_get_source (mapping, CZ_ROSTER_NAME), ==, 1);
  g_assert_cmpint (cz_roster_mapping_get_source (mapping, CZ_ROSTER_CREDIT_CODE), ==, 2);
  g_assert_cmpint (cz_roster_mapping_get_source (mapping, CZ_ROSTER_INDUSTRY), ==, 3);
  g_assert_cmpint (cz_roster_mapping_get_source (mapping, CZ_ROSTER_EMPLOYEES), ==, 4);
  g_assert_cmpint (cz_roster_mapping_get_source (mapping, CZ_ROSTER_REVENUE), ==, 5);
  g_assert_cmpint (cz_roster_mapping_get_unit (mapping, CZ_ROSTER_REVENUE), ==, CZ_MONEY_UNIT_YUAN);
  g_assert_cmpint (cz_roster_mapping_get_source (mapping, CZ_ROSTER_TOTAL_ASSETS), ==, 6);
  g_assert_cmpint (cz_roster_mapping_get_unit (mapping, CZ_ROSTER_TOTAL_ASSETS), ==, CZ_MONEY_UNIT_YI);
  g_assert_cmpint (cz_roster_mapping_get_source (mapping, CZ_ROSTER_FOREIGN_INVESTED), ==, 7);
  /* "专精特新" and "专精特新“小巨人”" are two columns, not one. */
  g_assert_cmpint (cz_roster_mapping_get_source (mapping, CZ_ROSTER_SPECIALISED), ==, 8);
  g_assert_cmpint (cz_roster_mapping_get_source (mapping, CZ_ROSTER_LITTLE_GIANT), ==, 9);
  g_assert_cmpint (cz_roster_mapping_get_source (mapping, CZ_ROSTER_HIGH_TECH), ==, 10);
  g_assert_cmpint (cz_roster_mapping_get_source (mapping, CZ_ROSTER_ENTERED), ==, 11);
}

static void
test_mapping_json (void)
{
  const char *cells[] = { "公司", "代码", "收入" };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CzRosterMapping) mapping = NULL;
  g_autoptr(CzRosterMapping) remembered = NULL;
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser,
                              "{\"format\": \"io.github.coopzone.roster-mapping\", \"version\": 1,"
                              " \"columns\": {\"name\": \"公司\", \"credit_code\": \"B\", \"revenue_wan\": 3},"
                              " \"units\": {\"revenue_wan\": \"yuan\"}}", -1, &error);
  g_assert_no_error (error);
  mapping = cz_roster_mapping_new_from_json (json_parser_get_root (parser), cells, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cz_roster_mapping_get_source (mapping, CZ_ROSTER_NAME), ==, 0);
  g_assert_cmpint (cz_roster_mapping_get_source (mapping, CZ_ROSTER_CREDIT_CODE), ==, 1);
  g_assert_cmpint (cz_roster_mapping_get_source (mapping, CZ_ROSTER_REVENUE), ==, 2);
  g_assert_cmpint (cz_roster_mapping_get_unit (mapping, CZ_ROSTER_REVENUE), ==, CZ_MONEY_UNIT_YUAN);

  /* Remembered for this header row, and only for it. */
  g_assert_null (cz_roster_mapping_load_remembered (cells, 3));
  g_assert_true (cz_roster_mapping_remember (mapping, cells, 3, &error));
  g_assert_no_error (error);
  remembered = cz_roster_mapping_load_remembered (cells, 3);
  g_assert_nonnull (remembered);
  g_assert_true (cz_roster_mapping_equal (mapping, remembered));
  g_assert_null (cz_roster_mapping_load_remembered (cells, 2));

  /* A column the sheet does not have, a field that does not exist. */
  json_parser_load_from_data (parser, "{\"format\": \"io.github.coopzone.roster-mapping\","
                              " \"columns\": {\"name\": \"企业名称\"}}", -1, NULL);
  g_assert_null (cz_roster_mapping_new_from_json (json_parser_get_root (parser), cells, 3, &error));
  g_assert_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_MAPPING);
  g_clear_error (&error);
  json_parser_load_from_data (parser, "{\"format\": \"io.github.coopzone.roster-mapping\","
                              " \"columns\": {\"turnover\": \"收入\"}}", -1, NULL);
  g_assert_null (cz_roster_mapping_new_from_json (json_parser_get_root (parser), cells, 3, &error));
  g_assert_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_MAPPING);
}

static void
test_row_checks (void)
{
  g_autoptr(GString) text = g_string_new (header);
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRoster) roster = NULL;
  const CzRosterProblem *p;
  gint64 value;
  guint blocking;

  /* 2 */ g_string_append (text, "苏州甲精密有限公司,91350100M000100Y43,制造业,150,1200,800,否,是,否,是,2021-05-10\n");
  /* 3: full-width digits, stray spaces */
  g_string_append (text, "  苏州乙 科技有限公司 ,９１４４０３００７０８４６１１３６Ｔ,软件和信息技术服务业,8,５００,100,是,否,否,否,2022年3月1日\n");
  /* 4: wrong check character */
  g_string_append (text, "丙公司,91350100M000100Y44,工业,50,600,300,否,否,否,否,\n");
  /* 5: code turned into a number by Excel */
  g_string_append (text, "丁公司,9.13501E+17,工业,50,600,300,否,否,否,否,\n");
  /* 6: duplicate code of row 2, and a duplicate name */
  g_string_append (text, "苏州甲精密有限公司,91350100M000100Y43,工业,50,600,300,否,否,否,否,\n");
  /* 7: negative employees, absurd revenue, a flag that is not yes/no */
  g_string_append (text, "戊公司,914403001922038216,工业,-3,500000000000,300,可能,否,否,否,明年\n");
  /* 8: missing name */
  g_string_append (text, ",91110000802100433B,批发和零售业,20,100,50,否,否,否,否,\n");

  roster = import_text ("checks.csv", text->str, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cz_roster_get_n_entries (roster), ==, 7);

  g_assert_null (find_problem (roster, 2, "check-character"));
  p = find_problem (roster, 3, "normalised");
  g_assert_nonnull (p);
  g_assert_cmpint (p->severity, ==, CZ_ROSTER_NOTE_SEVERITY);
  g_assert_cmpstr (cz_roster_get_entry (roster, 1)->name, ==, "苏州乙 科技有限公司");
  g_assert_cmpstr (cz_roster_get_entry (roster, 1)->credit_code, ==, "91440300708461136T");
  g_assert_cmpint (cz_roster_get_entry (roster, 1)->revenue_fen, ==, 500 * CZ_FEN_PER_WAN);
  g_assert_cmpstr (cz_roster_get_entry (roster, 1)->entered, ==, "2022-03-01");

  p = find_problem (roster, 4, "check-character");
  g_assert_nonnull (p);
  g_assert_cmpint (p->severity, ==, CZ_ROSTER_ERROR_SEVERITY);
  g_assert_nonnull (strstr (p->message, "4"));
  p = find_problem (roster, 5, "code-as-number");
  g_assert_nonnull (p);
  g_assert_cmpint (p->column, ==, CZ_ROSTER_CREDIT_CODE);
  p = find_problem (roster, 6, "duplicate-code");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "2"));
  g_assert_nonnull (find_problem (roster, 6, "duplicate-name"));
  g_assert_cmpint (find_problem (roster, 6, "duplicate-name")->severity, ==, CZ_ROSTER_WARNING_SEVERITY);
  g_assert_nonnull (find_problem (roster, 7, "negative"));
  g_assert_nonnull (find_problem (roster, 7, "absurd-figure"));
  g_assert_nonnull (find_problem (roster, 7, "not-yes-no"));
  g_assert_cmpint (find_problem (roster, 7, "not-a-date")->severity, ==, CZ_ROSTER_WARNING_SEVERITY);
  g_assert_nonnull (find_problem (roster, 8, "missing"));
  g_assert_nonnull (find_problem (roster, 8, "ambiguous-industry"));

  /* Identity errors (codes, names) block every total; counts still add up. */
  g_assert_false (cz_roster_get_total (roster, CZ_ROSTER_TOTAL_ENTERPRISES, &value, &blocking));
  g_assert_cmpint (value, ==, 7);
  g_assert_cmpuint (blocking, ==, 4);

  /* The classification is on the row, with its rule. */
  g_assert_cmpint (cz_roster_get_entry (roster, 0)->size, ==, CZ_SME_SIZE_SMALL);
  g_assert_cmpstr (cz_roster_get_entry (roster, 0)->size_rule, ==,
                   "工业：从业人员20人及以上且营业收入300万元及以上（150人，1200万元），未达中型标准，为小型企业");
  g_assert_cmpint (cz_roster_get_entry (roster, 1)->size, ==, CZ_SME_SIZE_MICRO);
}

static const char clean_rows[] =
  "苏州甲精密有限公司,91350100M000100Y43,制造业,150,1200.5,800,否,是,否,是,2021-05-10\n"
  "苏州乙科技有限公司,91440300708461136T,软件和信息技术服务业,8,500,100,是,否,否,否,\n"
  "苏州丙重工有限公司,914403001922038216,工业,1500,50000,90000,是,是,是,是,\n";

static void
test_totals (void)
{
  g_autofree char *text = g_strconcat (header, clean_rows, NULL);
  g_autofree char *blocked_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRoster) roster = import_text ("gb.csv", text, "GB18030", &error);
  g_autoptr(CzRoster) blocked = NULL;
  gint64 value;
  guint blocking;

  g_assert_no_error (error);
  g_assert_cmpint (cz_roster_get_encoding (roster), ==, CZ_TEXT_ENCODING_GB18030);
  g_assert_cmpuint (cz_roster_count_problems (roster, CZ_ROSTER_ERROR_SEVERITY), ==, 0);
  g_assert_true (cz_roster_get_total (roster, CZ_ROSTER_TOTAL_ENTERPRISES, &value, NULL));
  g_assert_cmpint (value, ==, 3);
  g_assert_true (cz_roster_get_total (roster, CZ_ROSTER_TOTAL_SME, &value, NULL));
  g_assert_cmpint (value, ==, 2);
  g_assert_true (cz_roster_get_total (roster, CZ_ROSTER_TOTAL_FOREIGN_INVESTED, &value, NULL));
  g_assert_cmpint (value, ==, 2);
  g_assert_true (cz_roster_get_total (roster, CZ_ROSTER_TOTAL_SPECIALISED, &value, NULL));
  g_assert_cmpint (value, ==, 2);
  g_assert_true (cz_roster_get_total (roster, CZ_ROSTER_TOTAL_LITTLE_GIANTS, &value, NULL));
  g_assert_cmpint (value, ==, 1);
  g_assert_true (cz_roster_get_total (roster, CZ_ROSTER_TOTAL_HIGH_TECH, &value, NULL));
  g_assert_cmpint (value, ==, 2);
  g_assert_true (cz_roster_get_total (roster, CZ_ROSTER_TOTAL_REVENUE, &value, NULL));
  g_assert_cmpint (value, ==, G_GINT64_CONSTANT (51700500000));
  g_assert_cmpint (cz_roster_get_entry (roster, 2)->size, ==, CZ_SME_SIZE_LARGE);

  /* A flag error blocks its own count only; a revenue error the revenue and the SMEs. */
  blocked_text = g_strconcat (header, clean_rows, "苏州丁有限公司,91110000802100433B,工业,30,abc,100,否,待定,否,否,\n", NULL);
  blocked = import_text ("blocked.csv", blocked_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cz_roster_get_total (blocked, CZ_ROSTER_TOTAL_ENTERPRISES, &value, NULL));
  g_assert_cmpint (value, ==, 4);
  g_assert_true (cz_roster_get_total (blocked, CZ_ROSTER_TOTAL_HIGH_TECH, NULL, NULL));
  g_assert_false (cz_roster_get_total (blocked, CZ_ROSTER_TOTAL_SPECIALISED, NULL, &blocking));
  g_assert_cmpuint (blocking, ==, 1);
  g_assert_false (cz_roster_get_total (blocked, CZ_ROSTER_TOTAL_REVENUE, NULL, NULL));
  g_assert_true (cz_roster_get_total (blocked, CZ_ROSTER_TOTAL_SME, &value, NULL));
  g_assert_cmpint (value, ==, 3);
}

static void
test_xlsx_roster (void)
{
  g_autoptr(CzTestXlsx) x = cz_test_xlsx_new ();
  g_autofree char *path = temp_path ("roster.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRoster) roster = NULL;

  cz_test_xlsx_begin_sheet (x, "企业名录");
  cz_test_xlsx_add_row (x, 1, (const char *[]) { "s:企业名称", "s:统一社会信用代码", "s:所属行业", "s:从业人员",
                                                  "s:营业收入（万元）", "s:入驻时间", NULL });
  cz_test_xlsx_add_row (x, 2, (const char *[]) { "s:甲公司", "s:91350100M000100Y43", "s:制造业", "n:150",
                                                  "n:1200.25", "d:45352", NULL });
  cz_test_xlsx_add_row (x, 3, (const char *[]) { "s:乙公司", "n:9.1440300708461197E+17", "s:制造业", "n:15",
                                                  "n:100", "", NULL });
  cz_test_xlsx_write (x, path, TRUE);
  roster = cz_roster_import (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cz_roster_get_n_entries (roster), ==, 2);
  g_assert_cmpstr (cz_roster_get_entry (roster, 0)->entered, ==, "2024-03-01");
  g_assert_cmpint (cz_roster_get_entry (roster, 0)->revenue_fen, ==, G_GINT64_CONSTANT (1200250000));
  g_assert_nonnull (find_problem (roster, 3, "code-as-number"));
  g_assert_cmpuint (strlen (cz_roster_get_source_sha256 (roster)), ==, 64);
  g_unlink (path);
}

static void
test_missing_column (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRoster) roster = import_text ("no-code.csv", "企业名称,行业\n甲公司,工业\n", NULL, &error);

  g_assert_null (roster);
  g_assert_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "no-code.csv"));
  g_clear_error (&error);
  roster = import_text ("header-only.csv", header, NULL, &error);
  g_assert_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_EMPTY);
}

static void
test_accept_and_reimport (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cz-roster-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "coopzone.db", NULL);
  g_autofree char *text = g_strconcat (header, clean_rows, NULL);
  g_autofree char *changed_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = cz_store_new (db, &error);
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(CzRoster) roster = NULL;
  g_autoptr(CzRoster) loaded = NULL;
  g_autoptr(CzRoster) second = NULL;
  g_autoptr(GPtrArray) set = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(CzRosterDiff) diff = NULL;
  g_autoptr(CzValue) computed = NULL;
  g_autoptr(CzValue) typed = NULL;
  g_autofree char *provenance = NULL;
  gint64 value;
  gboolean saw_import = FALSE, saw_override = FALSE;

  g_assert_no_error (error);
  dossier = cz_store_create_dossier (store, "合作区", &error);
  g_assert_no_error (error);
  cz_dossier_set_integer (dossier, CZ_FIELD_APPLICATION_YEAR, 2025);
  g_assert_cmpuint (cz_roster_default_year (dossier), ==, 2024);

  roster = import_text ("accepted.csv", text, NULL, &error);
  g_assert_no_error (error);
  /* Importing changes nothing in the dossier. */
  g_assert_false (cz_dossier_get_integer (dossier, "enterprises.y2024.total", &value));

  set = cz_stored_roster_accept (store, dossier, roster, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (set->len, ==, CZ_ROSTER_N_TOTALS);
  g_assert_true (cz_dossier_get_integer (dossier, "enterprises.y2024.total", &value));
  g_assert_cmpint (value, ==, 3);
  g_assert_true (cz_dossier_get_integer (dossier, "enterprises.y2024.sme", &value));
  g_assert_cmpint (value, ==, 2);
  g_assert_true (cz_dossier_get_integer (dossier, "indicators.little_giants", &value));
  g_assert_cmpint (value, ==, 1);
  g_assert_true (cz_dossier_get_money (dossier, "revenue.y2024.total", &value));
  g_assert_cmpint (value, ==, G_GINT64_CONSTANT (51700500000));
  g_assert_cmpstr (cz_dossier_get_text (dossier, CZ_FIELD_ROSTER_SOURCE_SHA256), ==, cz_roster_get_source_sha256 (roster));
  /* The provenance fields are known ones: an export and import of the dossier keeps them quietly. */
  {
    g_autoptr(GPtrArray) unknown = cz_dossier_dup_unknown_field_ids (dossier);
    g_assert_cmpuint (unknown->len, ==, 0);
  }
  provenance = cz_roster_dup_provenance (dossier);
  g_assert_nonnull (strstr (provenance, "3"));
  {
    g_autofree char *start = g_strndup (cz_roster_get_source_sha256 (roster), 12);
    g_assert_nonnull (strstr (provenance, start));
  }

  /* Read back from the store as data/roster.csv holds it. */
  loaded = cz_stored_roster_load (store, dossier, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cz_roster_get_n_entries (loaded), ==, 3);
  g_assert_cmpuint (cz_roster_get_entry (loaded, 2)->row, ==, 4);
  g_assert_cmpint (cz_roster_get_entry (loaded, 0)->revenue_fen, ==, G_GINT64_CONSTANT (1200500000));
  g_assert_true (cz_roster_get_total (loaded, CZ_ROSTER_TOTAL_REVENUE, &value, NULL));
  g_assert_cmpint (value, ==, G_GINT64_CONSTANT (51700500000));

  /* A re-import: one row changed, one removed, one added. */
  changed_text = g_strconcat (header,
                              "苏州甲精密有限公司,91350100M000100Y43,制造业,160,1200.5,800,否,是,否,是,2021-05-10\n"
                              "苏州丙重工有限公司,914403001922038216,工业,1500,50000,90000,是,是,是,是,\n"
                              "苏州丁有限公司,91110000802100433B,工业,30,100,50,否,否,否,否,\n", NULL);
  second = import_text ("second.csv", changed_text, NULL, &error);
  g_assert_no_error (error);
  diff = cz_roster_compare (loaded, second);
  g_assert_cmpuint (diff->added, ==, 1);
  g_assert_cmpuint (diff->removed, ==, 1);
  g_assert_cmpuint (diff->changed, ==, 1);

  /* Replacing a computed total needs a reason, kept in the audit trail. */
  computed = cz_roster_dup_computed_value (dossier, "enterprises.y2024.total");
  g_assert_nonnull (computed);
  g_assert_cmpint (cz_value_get_integer (computed), ==, 3);
  typed = cz_value_new_integer (5);
  g_assert_false (cz_stored_roster_set_field (store, dossier, "enterprises.y2024.total", typed, " ", &error));
  g_assert_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_MAPPING);
  g_clear_error (&error);
  g_assert_true (cz_dossier_get_integer (dossier, "enterprises.y2024.total", &value));
  g_assert_cmpint (value, ==, 3);
  g_assert_true (cz_stored_roster_set_field (store, dossier, "enterprises.y2024.total", typed,
                                             "两家企业年中迁入，名录未及更新", &error));
  g_assert_no_error (error);
  g_assert_true (cz_dossier_get_integer (dossier, "enterprises.y2024.total", &value));
  g_assert_cmpint (value, ==, 5);

  audit = cz_store_dup_audit (store, cz_dossier_get_id (dossier), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      CzAuditEntry *entry = g_ptr_array_index (audit, i);

      if (g_str_equal (entry->action, "roster-import"))
        saw_import = strstr (entry->new_value, cz_roster_get_source_sha256 (roster)) != NULL;
      if (g_str_equal (entry->action, "override"))
        saw_override = g_strcmp0 (entry->field_id, "enterprises.y2024.total") == 0 &&
                       strstr (entry->new_value, "名录未及更新") != NULL;
    }
  g_assert_true (saw_import);
  g_assert_true (saw_override);

  cz_store_close (store);
  g_unlink (db);
  g_rmdir (dir);
}

static void
test_problems_csv (void)
{
  g_autofree char *text = g_strconcat (header, "甲公司,91350100M000100Y44,工业,10,10,10,否,否,否,否,\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRoster) roster = import_text ("problems.csv", text, NULL, &error);
  g_autoptr(GBytes) csv = NULL;
  const char *data;

  g_assert_no_error (error);
  csv = cz_roster_problems_to_csv (roster);
  data = g_bytes_get_data (csv, NULL);
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF"));
  g_assert_nonnull (g_strstr_len (data, g_bytes_get_size (csv), "\r\n2,"));
  g_assert_nonnull (g_strstr_len (data, g_bytes_get_size (csv), "check-character"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/roster/header-recognition", test_header_recognition);
  g_test_add_func ("/roster/mapping-json", test_mapping_json);
  g_test_add_func ("/roster/row-checks", test_row_checks);
  g_test_add_func ("/roster/totals", test_totals);
  g_test_add_func ("/roster/xlsx", test_xlsx_roster);
  g_test_add_func ("/roster/missing-column", test_missing_column);
  g_test_add_func ("/roster/accept-and-reimport", test_accept_and_reimport);
  g_test_add_func ("/roster/problems-csv", test_problems_csv);

  return g_test_run ();
}
