/* cz-test-xlsx.c — .xlsx workbooks and GB18030 CSV written by the tests themselves
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "cz-test-xlsx.h"

struct _CzTestXlsx
{
  GPtrArray  *names;    /* sheet names */
  GPtrArray  *sheets;   /* GString of <sheetData> content */
  GPtrArray  *shared;   /* char * */
  GHashTable *shared_index;
};

CzTestXlsx *
cz_test_xlsx_new (void)
{
  CzTestXlsx *self = g_new0 (CzTestXlsx, 1);

  self->names = g_ptr_array_new_with_free_func (g_free);
  self->sheets = g_ptr_array_new ();
  self->shared = g_ptr_array_new_with_free_func (g_free);
  self->shared_index = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

void
cz_test_xlsx_free (CzTestXlsx *self)
{
  for (guint i = 0; i < self->sheets->len; i++)
    g_string_free (g_ptr_array_index (self->sheets, i), TRUE);
  g_ptr_array_unref (self->sheets);
  g_ptr_array_unref (self->names);
  g_hash_table_unref (self->shared_index);
  g_ptr_array_unref (self->shared);
  g_free (self);
}

void
cz_test_xlsx_begin_sheet (CzTestXlsx *self,
                          const char *name)
{
  g_ptr_array_add (self->names, g_strdup (name));
  g_ptr_array_add (self->sheets, g_string_new (NULL));
}

static GString *
current (CzTestXlsx *self)
{
  if (self->sheets->len == 0)
    cz_test_xlsx_begin_sheet (self, "Sheet1");
  return g_ptr_array_index (self->sheets, self->sheets->len - 1);
}

static guint
shared_string (CzTestXlsx *self,
               const char *text)
{
  gpointer index;

  if (g_hash_table_lookup_extended (self->shared_index, text, NULL, &index))
    return GPOINTER_TO_UINT (index);
  g_ptr_array_add (self->shared, g_strdup (text));
  g_hash_table_insert (self->shared_index, g_ptr_array_index (self->shared, self->shared->len - 1),
                       GUINT_TO_POINTER (self->shared->len - 1));
  return self->shared->len - 1;
}

static void
column_name (guint  column,
             char  *out)
{
  char tmp[8];
  int n = 0;

  column++;
  while (column > 0)
    {
      tmp[n++] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  for (int i = 0; i < n; i++)
    out[i] = tmp[n - 1 - i];
  out[n] = '\0';
}

void
cz_test_xlsx_add_row (CzTestXlsx         *self,
                      guint               number,
                      const char * const *cells)
{
  GString *sheet = current (self);

  g_string_append_printf (sheet, "<row r=\"%u\">", number);
  for (guint c = 0; cells[c] != NULL; c++)
    {
      const char *cell = cells[c];
      char ref[12];
      g_autofree char *escaped = NULL;

      if (cell[0] == '\0')
        continue;
      column_name (c, ref);
      escaped = g_markup_escape_text (cell + 2, -1);
      switch (cell[0])
        {
        case 's':
          g_string_append_printf (sheet, "<c r=\"%s%u\" t=\"s\"><v>%u</v></c>", ref, number,
                                  shared_string (self, cell + 2));
          break;
        case 'i':
          g_string_append_printf (sheet, "<c r=\"%s%u\" t=\"inlineStr\"><is><t>%s</t></is></c>", ref, number, escaped);
          break;
        case 'n':
          g_string_append_printf (sheet, "<c r=\"%s%u\"><v>%s</v></c>", ref, number, escaped);
          break;
        case 'd':
          g_string_append_printf (sheet, "<c r=\"%s%u\" s=\"1\"><v>%s</v></c>", ref, number, escaped);
          break;
        case 'b':
          g_string_append_printf (sheet, "<c r=\"%s%u\" t=\"b\"><v>%s</v></c>", ref, number, escaped);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append (sheet, "</row>\n");
}

void
cz_test_xlsx_add_raw (CzTestXlsx *self,
                      const char *xml)
{
  g_string_append (current (self), xml);
}

static void
add_entry (struct archive *a,
           const char     *name,
           const char     *data,
           gsize           len)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, len);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_data (a, data, len), ==, (la_ssize_t) len);
  archive_entry_free (entry);
}

static void
add_text (struct archive *a,
          const char     *name,
          const char     *text)
{
  add_entry (a, name, text, strlen (text));
}

static struct archive *
open_zip (const char *path)
{
  struct archive *a = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  return a;
}

static void
close_zip (struct archive *a)
{
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
}

void
cz_test_xlsx_write (CzTestXlsx *self,
                    const char *path,
                    gboolean    sheets_first)
{
  struct archive *a = open_zip (path);
  g_autoptr(GString) workbook = g_string_new (NULL);
  g_autoptr(GString) rels = g_string_new (NULL);
  g_autoptr(GString) shared = g_string_new (NULL);
  g_autoptr(GString) types = g_string_new (NULL);

  current (self);
  /* A package Excel and openpyxl open: content types and the root relationship. */
  g_string_append (types, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                   "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                   "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
  for (guint i = 0; i < self->sheets->len; i++)
    g_string_append_printf (types, "<Override PartName=\"/xl/worksheets/sheet%u.xml\" ContentType=\"application/"
                            "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>", i + 1);
  g_string_append (types, "</Types>");
  g_string_append (workbook, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                   "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                   "<workbookPr/><sheets>");
  g_string_append (rels, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
  for (guint i = 0; i < self->sheets->len; i++)
    {
      g_autofree char *name = g_markup_escape_text (g_ptr_array_index (self->names, i), -1);

      g_string_append_printf (workbook, "<sheet name=\"%s\" sheetId=\"%u\" r:id=\"rId%u\"/>", name, i + 1, i + 1);
      g_string_append_printf (rels, "<Relationship Id=\"rId%u\" Type=\"http://schemas.openxmlformats.org/"
                              "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet%u.xml\"/>",
                              i + 1, i + 1);
    }
  g_string_append (workbook, "</sheets></workbook>");
  g_string_append_printf (rels, "<Relationship Id=\"rId%u\" Type=\"http://schemas.openxmlformats.org/"
                          "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                          "<Relationship Id=\"rId%u\" Type=\"http://schemas.openxmlformats.org/"
                          "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                          "</Relationships>", self->sheets->len + 1, self->sheets->len + 2);
  g_string_append_printf (shared, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                          "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                          "count=\"%u\" uniqueCount=\"%u\">", self->shared->len, self->shared->len);
  for (guint i = 0; i < self->shared->len; i++)
    {
      g_autofree char *text = g_markup_escape_text (g_ptr_array_index (self->shared, i), -1);
      g_string_append_printf (shared, "<si><t xml:space=\"preserve\">%s</t></si>", text);
    }
  g_string_append (shared, "</sst>");

  add_text (a, "[Content_Types].xml", types->str);
  add_text (a, "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
            "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
  if (!sheets_first)
    add_text (a, "xl/sharedStrings.xml", shared->str);
  for (guint i = 0; i < self->sheets->len; i++)
    {
      g_autofree char *entry = g_strdup_printf ("xl/worksheets/sheet%u.xml", i + 1);
      g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                              "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                                              "<sheetData>%s</sheetData></worksheet>",
                                              ((GString *) g_ptr_array_index (self->sheets, i))->str);
      add_text (a, entry, xml);
    }
  if (sheets_first)
    add_text (a, "xl/sharedStrings.xml", shared->str);
  add_text (a, "xl/styles.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            "<numFmts count=\"1\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts>"
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs>"
            "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"176\" applyNumberFormat=\"1\"/></cellXfs>"
            "</styleSheet>");
  add_text (a, "xl/workbook.xml", workbook->str);
  add_text (a, "xl/_rels/workbook.xml.rels", rels->str);
  close_zip (a);
}

void
cz_test_write_zip_entry (const char *path,
                         const char *entry_name,
                         gsize       size,
                         char        byte)
{
  struct archive *a = open_zip (path);
  struct archive_entry *entry = archive_entry_new ();
  g_autofree char *block = g_malloc (1024 * 1024);

  memset (block, byte, 1024 * 1024);
  add_text (a, "xl/workbook.xml",
            "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  add_text (a, "xl/_rels/workbook.xml.rels",
            "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
  archive_entry_set_pathname (entry, entry_name);
  archive_entry_set_size (entry, size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
  for (gsize done = 0; done < size;)
    {
      gsize n = MIN (size - done, 1024 * 1024);
      g_assert_cmpint (archive_write_data (a, block, n), ==, (la_ssize_t) n);
      done += n;
    }
  archive_entry_free (entry);
  close_zip (a);
}

void
cz_test_write_text (const char *path,
                    const char *utf8,
                    const char *charset,
                    gboolean    bom)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gsize len = 0;

  if (bom)
    g_string_append (out, "\xEF\xBB\xBF");
  if (charset != NULL)
    {
      converted = g_convert (utf8, -1, charset, "UTF-8", NULL, &len, &error);
      g_assert_no_error (error);
      g_string_append_len (out, converted, len);
    }
  else
    g_string_append (out, utf8);
  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
}
