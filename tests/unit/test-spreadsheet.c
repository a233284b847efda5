/* test-spreadsheet.c — the .xlsx and CSV readers, with fixtures the test writes
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "cz-spreadsheet.h"
#include "cz-test-xlsx.h"

typedef struct
{
  GPtrArray *rows;    /* char *: "number|kind:cell|kind:cell" */
  guint      stop_after;
} Collected;

static const char kind_letters[] = { 'e', 't', 'n', 'd', 'b' };

static gboolean
collect_row (const CzSheetRow  *row,
             gpointer           user_data,
             GError           **error)
{
  Collected *c = user_data;
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, "%u", row->number);
  for (guint i = 0; i < row->n_cells; i++)
    g_string_append_printf (line, "|%c:%s", kind_letters[row->kinds[i]], row->cells[i]);
  g_ptr_array_add (c->rows, g_string_free (line, FALSE));
  return c->stop_after == 0 || c->rows->len < c->stop_after;
}

static char *
temp_path (const char *name)
{
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static GPtrArray *
read_rows (const char      *path,
           guint            sheet,
           CzTextEncoding   encoding,
           CzTextEncoding  *out_encoding,
           GError         **error)
{
  Collected c = { g_ptr_array_new_with_free_func (g_free), 0 };
  CzSpreadsheetOptions options;

  cz_spreadsheet_options_init (&options);
  options.sheet = sheet;
  options.encoding = encoding;
  if (!cz_spreadsheet_read (path, &options, collect_row, &c, out_encoding, NULL, error))
    {
      g_ptr_array_unref (c.rows);
      return NULL;
    }
  return c.rows;
}

static void
test_xlsx_cells (void)
{
  g_autoptr(CzTestXlsx) x = cz_test_xlsx_new ();
  g_autofree char *path = temp_path ("cells.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) sheets = NULL;

  for (int order = 0; order < 2; order++)
    {
      g_clear_pointer (&x, cz_test_xlsx_free);
      x = cz_test_xlsx_new ();
      cz_test_xlsx_begin_sheet (x, "说明");
      cz_test_xlsx_add_row (x, 1, (const char *[]) { "s:本表为示例", NULL });
      cz_test_xlsx_begin_sheet (x, "企业名录");
      cz_test_xlsx_add_row (x, 1, (const char *[]) { "s:企业名称", "s:统一社会信用代码", "s:入驻时间", "s:从业人员", "s:高新", NULL });
      cz_test_xlsx_add_row (x, 2, (const char *[]) { "s:苏州甲有限公司 & 子", "i:91350100M000100Y43", "d:45352", "n:120", "b:1", NULL });
      /* Row 3 is empty and left out; row 4 skips column B. */
      cz_test_xlsx_add_row (x, 4, (const char *[]) { "s:乙公司", "", "n:1.5", "n:9.1300000000000006E+17", "b:0", NULL });
      cz_test_xlsx_write (x, path, order == 1);

      sheets = cz_spreadsheet_list_sheets (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_strv_length (sheets), ==, 2);
      g_assert_cmpstr (sheets[0], ==, "说明");
      g_assert_cmpstr (sheets[1], ==, "企业名录");
      g_clear_pointer (&sheets, g_strfreev);

      rows = read_rows (path, 1, CZ_TEXT_ENCODING_AUTO, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 3);
      g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "1|t:企业名称|t:统一社会信用代码|t:入驻时间|t:从业人员|t:高新");
      g_assert_cmpstr (g_ptr_array_index (rows, 1), ==, "2|t:苏州甲有限公司 & 子|t:91350100M000100Y43|d:2024-03-01|n:120|b:1");
      g_assert_cmpstr (g_ptr_array_index (rows, 2), ==, "4|t:乙公司|e:|n:1.5|n:9.1300000000000006E+17|b:0");
      g_clear_pointer (&rows, g_ptr_array_unref);
    }

  /* The first sheet, and a sheet that is not there. */
  rows = read_rows (path, 0, CZ_TEXT_ENCODING_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "1|t:本表为示例");
  g_assert_null (read_rows (path, 2, CZ_TEXT_ENCODING_AUTO, NULL, &error));
  g_assert_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_NO_SHEET);
  g_unlink (path);
}

static void
test_serial_dates (void)
{
  g_autofree char *a = cz_spreadsheet_serial_to_iso (45352, FALSE);
  g_autofree char *b = cz_spreadsheet_serial_to_iso (59, FALSE);
  g_autofree char *c = cz_spreadsheet_serial_to_iso (61, FALSE);
  g_autofree char *d = cz_spreadsheet_serial_to_iso (0, TRUE);
  g_autofree char *e = cz_spreadsheet_serial_to_iso (45352.75, FALSE);

  g_assert_cmpstr (a, ==, "2024-03-01");
  g_assert_cmpstr (b, ==, "1900-02-28");
  g_assert_cmpstr (c, ==, "1900-03-01");
  g_assert_cmpstr (d, ==, "1904-01-01");
  g_assert_cmpstr (e, ==, "2024-03-01");
  g_assert_null (cz_spreadsheet_serial_to_iso (60, FALSE));
  g_assert_null (cz_spreadsheet_serial_to_iso (-1, FALSE));
}

static const char csv_text[] =
  "企业名称,统一社会信用代码,备注\r\n"
  "\"苏州甲有限公司,分公司\",91350100M000100Y43,\"两行\n备注\"\r\n"
  "\r\n"
  "乙公司,９１４４０３００７０８４６１１３６Ｔ,\"说\"\"明\"\"\"\r\n";

static void
check_csv_rows (GPtrArray *rows)
{
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "1|t:企业名称|t:统一社会信用代码|t:备注");
  g_assert_cmpstr (g_ptr_array_index (rows, 1), ==, "2|t:苏州甲有限公司,分公司|t:91350100M000100Y43|t:两行\n备注");
  /* Row numbers are the lines a text editor shows: the quoted line break counts. */
  g_assert_cmpstr (g_ptr_array_index (rows, 2), ==, "5|t:乙公司|t:９１４４０３００７０８４６１１３６Ｔ|t:说\"明\"");
}

static void
test_csv_encodings (void)
{
  g_autofree char *path = temp_path ("roster.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  CzTextEncoding used;
  struct { const char *charset; gboolean bom; CzTextEncoding choose; CzTextEncoding expect; } cases[] = {
    { NULL, FALSE, CZ_TEXT_ENCODING_AUTO, CZ_TEXT_ENCODING_UTF8 },
    { NULL, TRUE, CZ_TEXT_ENCODING_AUTO, CZ_TEXT_ENCODING_UTF8 },
    { "GB18030", FALSE, CZ_TEXT_ENCODING_AUTO, CZ_TEXT_ENCODING_GB18030 },
    { "GB18030", FALSE, CZ_TEXT_ENCODING_GB18030, CZ_TEXT_ENCODING_GB18030 },
    { "GBK", FALSE, CZ_TEXT_ENCODING_AUTO, CZ_TEXT_ENCODING_GB18030 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cz_test_write_text (path, csv_text, cases[i].charset, cases[i].bom);
      rows = read_rows (path, 0, cases[i].choose, &used, &error);
      g_assert_no_error (error);
      g_assert_cmpint (used, ==, cases[i].expect);
      check_csv_rows (rows);
      g_clear_pointer (&rows, g_ptr_array_unref);
    }

  /* One sheet, unnamed. */
  {
    g_auto(GStrv) sheets = cz_spreadsheet_list_sheets (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (sheets), ==, 1);
  }
  g_unlink (path);
}

static void
test_csv_mixed_encodings (void)
{
  g_autofree char *path = temp_path ("mixed.csv");
  g_autoptr(GString) text = g_string_new ("企业名称,代码\n");
  g_autofree char *gb = g_convert ("丙公司,1\n", -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  /* 100 KB of UTF-8 lines, then a GB18030 line: detected as UTF-8 from the
   * start, refused at the line that is not. */
  for (guint i = 0; i < 4000; i++)
    g_string_append (text, "甲乙丙丁公司,91350100M000100Y43\n");
  g_string_append (text, gb);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  rows = read_rows (path, 0, CZ_TEXT_ENCODING_AUTO, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "mixed.csv"));
  g_assert_nonnull (strstr (error->message, "4002"));
  g_clear_error (&error);

  /* Read as GB18030 on request, UTF-8 bytes do not all convert either. */
  g_string_assign (text, gb);
  g_string_append (text, "\xFF\xFF\n");
  g_file_set_contents (path, text->str, text->len, &error);
  rows = read_rows (path, 0, CZ_TEXT_ENCODING_GB18030, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_ENCODING);
  g_unlink (path);
}

static void
test_not_spreadsheets (void)
{
  g_autofree char *path = temp_path ("not-a-roster.xlsx");
  static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0";
  static const char binary[] = "\x7F" "ELF\x02\x01\x01\0\0\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_file_set_contents (path, ole, sizeof ole, &error);
  rows = read_rows (path, 0, CZ_TEXT_ENCODING_AUTO, NULL, &error);
  g_assert_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_LEGACY_XLS);
  g_assert_nonnull (strstr (error->message, "not-a-roster.xlsx"));
  g_assert_nonnull (strstr (error->message, ".xlsx"));
  g_clear_error (&error);

  g_file_set_contents (path, binary, sizeof binary, &error);
  rows = read_rows (path, 0, CZ_TEXT_ENCODING_AUTO, NULL, &error);
  g_assert_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_NOT_A_SPREADSHEET);
  g_clear_error (&error);

  /* A zip cut short. */
  g_file_set_contents (path, "PK\003\004garbage", 11, &error);
  rows = read_rows (path, 0, CZ_TEXT_ENCODING_AUTO, NULL, &error);
  g_assert_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_DAMAGED);
  g_clear_error (&error);
  g_unlink (path);
}

static void
test_zip_bomb (void)
{
  g_autofree char *path = temp_path ("bomb.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GStatBuf st;

  /* 40 MB of spaces deflate to a few dozen KB. */
  cz_test_write_zip_entry (path, "xl/worksheets/sheet1.xml", 40 * 1024 * 1024, ' ');
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 1024 * 1024);
  rows = read_rows (path, 0, CZ_TEXT_ENCODING_AUTO, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "bomb.xlsx"));
  g_unlink (path);
}

static void
test_runaway_rows (void)
{
  g_autofree char *path = temp_path ("empty-rows.xlsx");
  g_autoptr(CzTestXlsx) x = cz_test_xlsx_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  Collected c = { g_ptr_array_new_with_free_func (g_free), 0 };
  CzSpreadsheetOptions options;

  cz_test_xlsx_add_row (x, 1, (const char *[]) { "s:企业名称", NULL });
  cz_test_xlsx_add_row (x, 2, (const char *[]) { "s:甲公司", NULL });
  /* Formatting down to Excel's last row: empty rows, one styled cell. */
  cz_test_xlsx_add_raw (x, "<row r=\"1048576\"><c r=\"A1048576\" s=\"1\"/></row>");
  cz_test_xlsx_write (x, path, FALSE);
  rows = read_rows (path, 0, CZ_TEXT_ENCODING_AUTO, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "1048576"));
  g_clear_error (&error);

  /* The limit counts rows with something in them, and the last row allowed reads. */
  cz_spreadsheet_options_init (&options);
  options.max_rows = 2;
  g_clear_pointer (&x, cz_test_xlsx_free);
  x = cz_test_xlsx_new ();
  cz_test_xlsx_add_row (x, 1, (const char *[]) { "s:企业名称", NULL });
  cz_test_xlsx_add_row (x, 2, (const char *[]) { "s:甲公司", NULL });
  cz_test_xlsx_write (x, path, FALSE);
  g_assert_true (cz_spreadsheet_read (path, &options, collect_row, &c, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.rows->len, ==, 2);
  cz_test_xlsx_add_row (x, 3, (const char *[]) { "s:乙公司", NULL });
  cz_test_xlsx_write (x, path, FALSE);
  g_assert_false (cz_spreadsheet_read (path, &options, collect_row, &c, NULL, NULL, &error));
  g_assert_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_TOO_LARGE);
  g_ptr_array_unref (c.rows);
  g_unlink (path);
}

static void
test_stop_early (void)
{
  g_autofree char *path = temp_path ("preview.csv");
  Collected c = { g_ptr_array_new_with_free_func (g_free), 2 };
  g_autoptr(GError) error = NULL;

  cz_test_write_text (path, csv_text, NULL, FALSE);
  g_assert_true (cz_spreadsheet_read (path, NULL, collect_row, &c, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.rows->len, ==, 2);
  g_ptr_array_unref (c.rows);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/spreadsheet/xlsx-cells", test_xlsx_cells);
  g_test_add_func ("/spreadsheet/serial-dates", test_serial_dates);
  g_test_add_func ("/spreadsheet/csv-encodings", test_csv_encodings);
  g_test_add_func ("/spreadsheet/csv-mixed-encodings", test_csv_mixed_encodings);
  g_test_add_func ("/spreadsheet/not-spreadsheets", test_not_spreadsheets);
  g_test_add_func ("/spreadsheet/zip-bomb", test_zip_bomb);
  g_test_add_func ("/spreadsheet/runaway-rows", test_runaway_rows);
  g_test_add_func ("/spreadsheet/stop-early", test_stop_early);

  return g_test_run ();
}
