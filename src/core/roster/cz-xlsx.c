/* cz-xlsx.c — the sheets of an Office Open XML workbook (.xlsx), streamed
 *
 * An .xlsx is a zip: the workbook lists the sheets, its relationships name
 * their entries, the shared strings and styles are read once, then the chosen
 * sheet is parsed as it inflates. libarchive reads the zip (seeking through
 * its central directory), GMarkupParser the XML; nothing holds a whole sheet.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "cz-spreadsheet-private.h"

#define MAX_SHARED_BYTES   (64 * 1024 * 1024)
#define MAX_SHARED_STRINGS (4 * 1024 * 1024)
/* An inflated entry may be this large before the ratio is looked at. */
#define RATIO_FREE_BYTES   (16 * 1024 * 1024)

/* Ends a parse early, once the row callback has seen enough. */
static GQuark
stop_quark (void)
{
  return g_quark_from_static_string ("cz-xlsx-stop");
}

typedef struct
{
  char *name;
  char *rel_id;
  char *entry;   /* "xl/worksheets/sheet1.xml" */
} SheetInfo;

typedef struct
{
  const char   *path;
  char         *name;           /* display name, for messages */
  goffset       file_size;
  GPtrArray    *sheets;         /* SheetInfo */
  GHashTable   *rels;           /* id → entry */
  gboolean      date1904;
  gboolean      seen_workbook;
  gboolean      is_ods;
  char         *shared_entry;
  char         *styles_entry;
  GStringChunk *shared_chunk;
  GPtrArray    *shared;         /* const char *, in shared_chunk */
  gsize         shared_bytes;
  GString      *text;           /* text of the element being read */
  gboolean      in_text;
  int           in_phonetic;
  gboolean      in_cell_xfs;
  GArray       *xf_formats;     /* guint numFmtId per cellXfs xf */
  GHashTable   *date_formats;   /* custom numFmtId → TRUE */
  GCancellable *cancellable;
  const CzSpreadsheetOptions *options;
  /* the sheet being read */
  CzRowBuilder *builder;
  guint         row;
  guint         column;
  char          cell_type[12];
  guint         cell_style;
  gboolean      have_value;
  gboolean      in_inline;
  const char   *sheet_name;
} Xlsx;

static void
sheet_info_free (gpointer data)
{
  SheetInfo *info = data;

  g_free (info->name);
  g_free (info->rel_id);
  g_free (info->entry);
  g_free (info);
}

static void
xlsx_clear (Xlsx *x)
{
  g_free (x->name);
  g_clear_pointer (&x->sheets, g_ptr_array_unref);
  g_clear_pointer (&x->rels, g_hash_table_unref);
  g_free (x->shared_entry);
  g_free (x->styles_entry);
  g_clear_pointer (&x->shared_chunk, g_string_chunk_free);
  g_clear_pointer (&x->shared, g_ptr_array_unref);
  if (x->text != NULL)
    g_string_free (x->text, TRUE);
  g_clear_pointer (&x->xf_formats, g_array_unref);
  g_clear_pointer (&x->date_formats, g_hash_table_unref);
}

static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');
  return colon ? colon + 1 : name;
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (local_name (names[i]), wanted) == 0)
      return values[i];
  return NULL;
}

static gboolean
set_damaged (Xlsx        *x,
             const char  *detail,
             GError     **error)
{
  g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_DAMAGED,
               _("“%s” cannot be read as an Excel workbook (%s). Open it in the spreadsheet "
                 "program, save it again as .xlsx, and import that file."), x->name, detail);
  return FALSE;
}

/* ---- workbook, relationships, styles, shared strings ---------------------- */

static void
workbook_start (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  Xlsx *x = user_data;
  const char *local = local_name (element);

  if (strcmp (local, "sheet") == 0)
    {
      SheetInfo *info = g_new0 (SheetInfo, 1);

      info->name = g_strdup (attribute (names, values, "name"));
      info->rel_id = g_strdup (attribute (names, values, "id"));
      if (info->name == NULL)
        info->name = g_strdup_printf ("%u", x->sheets->len + 1);
      g_ptr_array_add (x->sheets, info);
    }
  else if (strcmp (local, "workbookPr") == 0)
    {
      const char *d = attribute (names, values, "date1904");
      x->date1904 = d != NULL && (strcmp (d, "1") == 0 || g_ascii_strcasecmp (d, "true") == 0);
    }
}

static const GMarkupParser workbook_parser = { workbook_start, NULL, NULL, NULL, NULL };

static void
rels_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  Xlsx *x = user_data;
  const char *id, *target, *type;
  char *entry;

  if (strcmp (local_name (element), "Relationship") != 0)
    return;
  id = attribute (names, values, "Id");
  target = attribute (names, values, "Target");
  type = attribute (names, values, "Type");
  if (id == NULL || target == NULL)
    return;
  entry = target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL);
  if (type != NULL && g_str_has_suffix (type, "/sharedStrings"))
    {
      g_free (x->shared_entry);
      x->shared_entry = g_strdup (entry);
    }
  else if (type != NULL && g_str_has_suffix (type, "/styles"))
    {
      g_free (x->styles_entry);
      x->styles_entry = g_strdup (entry);
    }
  g_hash_table_replace (x->rels, g_strdup (id), entry);
}

static const GMarkupParser rels_parser = { rels_start, NULL, NULL, NULL, NULL };

/* A number format shows a date when it has a year, month-day or Chinese date
 * part outside quoted text and [colour] sections. */
static gboolean
format_code_is_date (const char *code)
{
  gboolean quoted = FALSE, bracket = FALSE;

  for (const char *p = code; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\\' && p[1])
        p++;
      else if (*p == '[')
        bracket = TRUE;
      else if (*p == ']')
        bracket = FALSE;
      else if (bracket)
        continue;
      else if (strchr ("yYdD", *p) != NULL)
        return TRUE;
      else if (g_str_has_prefix (p, "年") || g_str_has_prefix (p, "月") || g_str_has_prefix (p, "日"))
        return TRUE;
    }
  return FALSE;
}

static gboolean
format_id_is_date (Xlsx  *x,
                   guint  id)
{
  /* Built-in dates, with the ones Chinese Excel adds (27–36, 50–58). */
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return TRUE;
  return g_hash_table_contains (x->date_formats, GUINT_TO_POINTER (id));
}

static void
styles_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  Xlsx *x = user_data;
  const char *local = local_name (element);

  if (strcmp (local, "numFmt") == 0)
    {
      const char *id = attribute (names, values, "numFmtId");
      const char *code = attribute (names, values, "formatCode");

      if (id != NULL && code != NULL && format_code_is_date (code))
        g_hash_table_add (x->date_formats, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)));
    }
  else if (strcmp (local, "cellXfs") == 0)
    x->in_cell_xfs = TRUE;
  else if (x->in_cell_xfs && strcmp (local, "xf") == 0)
    {
      const char *id = attribute (names, values, "numFmtId");
      guint format = id ? (guint) g_ascii_strtoull (id, NULL, 10) : 0;

      g_array_append_val (x->xf_formats, format);
    }
}

static void
styles_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  Xlsx *x = user_data;

  if (strcmp (local_name (element), "cellXfs") == 0)
    x->in_cell_xfs = FALSE;
}

static const GMarkupParser styles_parser = { styles_start, styles_end, NULL, NULL, NULL };

static void
shared_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  Xlsx *x = user_data;
  const char *local = local_name (element);

  if (strcmp (local, "si") == 0)
    g_string_truncate (x->text, 0);
  else if (strcmp (local, "t") == 0)
    x->in_text = TRUE;
  else if (strcmp (local, "rPh") == 0)
    x->in_phonetic++;
}

static void
shared_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  Xlsx *x = user_data;
  const char *local = local_name (element);

  if (strcmp (local, "t") == 0)
    x->in_text = FALSE;
  else if (strcmp (local, "rPh") == 0)
    x->in_phonetic--;
  else if (strcmp (local, "si") == 0)
    {
      x->shared_bytes += x->text->len + 1;
      if (x->shared_bytes > MAX_SHARED_BYTES || x->shared->len >= MAX_SHARED_STRINGS)
        {
          g_autofree char *size_text = g_format_size (MAX_SHARED_BYTES);

          g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_TOO_LARGE,
                       _("“%s” holds more text than a roster does (over %s). Check that it is "
                         "the roster, or keep only the roster's sheet and save it again."),
                       x->name, size_text);
          return;
        }
      g_ptr_array_add (x->shared, g_string_chunk_insert_len (x->shared_chunk, x->text->str, x->text->len));
    }
}

static void
collect_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 len,
              gpointer              user_data,
              GError              **error)
{
  Xlsx *x = user_data;

  if (x->in_text && x->in_phonetic == 0)
    g_string_append_len (x->text, text, len);
}

static const GMarkupParser shared_parser = { shared_start, shared_end, collect_text, NULL, NULL };

/* ---- the sheet ------------------------------------------------------------ */

static gboolean
check_row_number (Xlsx     *x,
                  guint     row,
                  GError  **error)
{
  if (row > x->builder->max_rows)
    {
      g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_TOO_LARGE,
                   _("Sheet “%s” of “%s” goes on to row %u; a roster has at most %u rows. "
                     "If the rows below the table are empty, select them, delete them "
                     "(Delete Rows, not only their contents) and save the file again."),
                   x->sheet_name, x->name, row, x->builder->max_rows);
      return FALSE;
    }
  return TRUE;
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  Xlsx *x = user_data;
  const char *local = local_name (element);

  if (local[0] == 'c' && local[1] == '\0')
    {
      const char *ref = attribute (names, values, "r");
      const char *type = attribute (names, values, "t");
      const char *style = attribute (names, values, "s");

      if (ref != NULL && g_ascii_isalpha (ref[0]))
        {
          guint column = 0;

          for (const char *p = ref; g_ascii_isalpha (*p); p++)
            column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
          x->column = column - 1;
        }
      else
        x->column++;
      g_strlcpy (x->cell_type, type ? type : "n", sizeof x->cell_type);
      x->cell_style = style ? (guint) g_ascii_strtoull (style, NULL, 10) : 0;
      x->have_value = FALSE;
      g_string_truncate (x->text, 0);
    }
  else if (local[0] == 'v' && local[1] == '\0')
    {
      x->in_text = TRUE;
      x->have_value = TRUE;
    }
  else if (strcmp (local, "row") == 0)
    {
      const char *ref = attribute (names, values, "r");

      x->row = ref ? (guint) g_ascii_strtoull (ref, NULL, 10) : x->row + 1;
      x->column = (guint) -1;
      check_row_number (x, x->row, error);
    }
  else if (strcmp (local, "is") == 0)
    {
      x->in_inline = TRUE;
      x->have_value = TRUE;
    }
  else if (x->in_inline && local[0] == 't' && local[1] == '\0')
    x->in_text = TRUE;
  else if (strcmp (local, "rPh") == 0)
    x->in_phonetic++;
}

static void
finish_cell (Xlsx     *x,
             GError  **error)
{
  const char *type = x->cell_type;
  const char *value = x->text->str;
  CzCellKind kind = CZ_CELL_NUMBER;
  GString *cell;

  if (!x->have_value || x->text->len == 0)
    return;
  if (x->column >= CZ_SPREADSHEET_MAX_COLUMNS)
    {
      g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_TOO_LARGE,
                   _("Sheet “%s” of “%s” has a value in column %u, beyond the %u columns a "
                     "roster may have. Delete the columns right of the table and save again."),
                   x->sheet_name, x->name, x->column + 1, CZ_SPREADSHEET_MAX_COLUMNS);
      return;
    }

  if (strcmp (type, "s") == 0)
    {
      guint64 index = g_ascii_strtoull (value, NULL, 10);

      if (index >= x->shared->len)
        {
          g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_DAMAGED,
                       _("“%s” cannot be read as an Excel workbook (row %u refers to text that is "
                         "not there). Open it in the spreadsheet program, save it again as .xlsx, "
                         "and import that file."), x->name, x->row);
          return;
        }
      cell = cz_row_builder_cell (x->builder, x->column, CZ_CELL_TEXT);
      g_string_append (cell, g_ptr_array_index (x->shared, index));
      return;
    }
  if (strcmp (type, "str") == 0 || strcmp (type, "inlineStr") == 0 || strcmp (type, "e") == 0)
    kind = CZ_CELL_TEXT;
  else if (strcmp (type, "b") == 0)
    kind = CZ_CELL_BOOLEAN;
  else if (strcmp (type, "d") == 0)
    {
      cell = cz_row_builder_cell (x->builder, x->column, CZ_CELL_DATE);
      g_string_append_len (cell, value, MIN (x->text->len, 10));
      return;
    }
  else if (x->cell_style < x->xf_formats->len &&
           format_id_is_date (x, g_array_index (x->xf_formats, guint, x->cell_style)))
    {
      g_autofree char *iso = cz_spreadsheet_serial_to_iso (g_ascii_strtod (value, NULL), x->date1904);

      if (iso != NULL)
        {
          cell = cz_row_builder_cell (x->builder, x->column, CZ_CELL_DATE);
          g_string_append (cell, iso);
          return;
        }
    }
  cell = cz_row_builder_cell (x->builder, x->column, kind);
  g_string_append_len (cell, value, x->text->len);
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  Xlsx *x = user_data;
  const char *local = local_name (element);

  if (local[0] == 'v' && local[1] == '\0')
    x->in_text = FALSE;
  else if (local[0] == 't' && local[1] == '\0')
    x->in_text = FALSE;
  else if (strcmp (local, "is") == 0)
    x->in_inline = FALSE;
  else if (strcmp (local, "rPh") == 0)
    x->in_phonetic--;
  else if (local[0] == 'c' && local[1] == '\0')
    finish_cell (x, error);
  else if (strcmp (local, "row") == 0)
    {
      if (x->builder->any && x->builder->n_rows >= x->builder->max_rows)
        {
          check_row_number (x, x->builder->max_rows + 1, error);
          return;
        }
      if (!cz_row_builder_emit (x->builder, x->row, error) && (error == NULL || *error == NULL))
        g_set_error_literal (error, stop_quark (), 0, "stop");
    }
}

static const GMarkupParser sheet_parser = { sheet_start, sheet_end, collect_text, NULL, NULL };

/* ---- the zip --------------------------------------------------------------- */

static struct archive *
open_zip (Xlsx    *x,
          GError **error)
{
  struct archive *a = archive_read_new ();

  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, x->path, CZ_SPREADSHEET_CHUNK) != ARCHIVE_OK)
    {
      set_damaged (x, archive_error_string (a) ? archive_error_string (a) : "zip", error);
      archive_read_free (a);
      return NULL;
    }
  return a;
}

static const char *
entry_name (struct archive_entry *entry)
{
  const char *name = archive_entry_pathname_utf8 (entry);
  return name ? name : archive_entry_pathname (entry);
}

/* Parses one entry as it inflates, refusing it when it inflates beyond the
 * limits: a zip bomb is stopped after at most RATIO × the file's size. */
static gboolean
parse_entry (Xlsx                  *x,
             struct archive        *a,
             struct archive_entry  *entry,
             const GMarkupParser   *parser,
             gboolean               report_progress,
             GError               **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *buffer = g_malloc (CZ_SPREADSHEET_CHUNK);
  gint64 declared = archive_entry_size_is_set (entry) ? archive_entry_size (entry) : -1;
  guint64 inflated = 0, next_progress = 0;
  guint64 ratio_limit = MAX ((guint64) x->file_size * CZ_SPREADSHEET_MAX_RATIO, RATIO_FREE_BYTES);
  guint64 limit = MIN (ratio_limit, CZ_SPREADSHEET_MAX_ENTRY_SIZE);
  g_autoptr(GError) local_error = NULL;
  char *limit_text;

  if (declared > 0 && (guint64) declared > limit)
    goto too_large;

  context = g_markup_parse_context_new (parser, 0, x, NULL);
  for (;;)
    {
      la_ssize_t n;

      if (g_cancellable_set_error_if_cancelled (x->cancellable, error))
        return FALSE;
      n = archive_read_data (a, buffer, CZ_SPREADSHEET_CHUNK);
      if (n < 0)
        return set_damaged (x, archive_error_string (a) ? archive_error_string (a) : entry_name (entry), error);
      if (n == 0)
        break;
      inflated += n;
      if (inflated > limit)
        goto too_large;
      if (!g_markup_parse_context_parse (context, buffer, n, &local_error))
        goto parse_failed;
      if (report_progress && x->options->progress != NULL && declared > 0 && inflated >= next_progress)
        {
          x->options->progress ((double) inflated / declared, x->options->progress_data);
          next_progress = inflated + 1024 * 1024;
        }
    }
  if (!g_markup_parse_context_end_parse (context, &local_error))
    goto parse_failed;
  return TRUE;

parse_failed:
  if (g_error_matches (local_error, stop_quark (), 0))
    return TRUE;
  if (local_error->domain == CZ_SPREADSHEET_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return set_damaged (x, local_error->message, error);

too_large:
  limit_text = g_format_size (limit);
  g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_TOO_LARGE,
               _("“%s” unpacks to far more than a workbook of its size does (its part “%s” exceeds %s): "
                 "it may be a zip bomb. It was not read. Ask for the roster again, saved from the "
                 "spreadsheet program as .xlsx or CSV."),
               x->name, entry_name (entry), limit_text);
  g_free (limit_text);
  return FALSE;
}

/* Reads the workbook, its relationships, and (@all) the styles and shared
 * strings, in whatever order the zip holds them. */
static gboolean
read_workbook (Xlsx     *x,
               gboolean  all,
               GError  **error)
{
  struct archive *a;
  struct archive_entry *entry;
  gboolean ok = TRUE;
  int r;

  x->name = cz_spreadsheet_display_name (x->path);
  x->sheets = g_ptr_array_new_with_free_func (sheet_info_free);
  x->rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  x->shared_chunk = g_string_chunk_new (64 * 1024);
  x->shared = g_ptr_array_new ();
  x->text = g_string_sized_new (256);
  x->xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  x->date_formats = g_hash_table_new (NULL, NULL);
  {
    g_autoptr(GFile) file = g_file_new_for_path (x->path);
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
    x->file_size = info ? g_file_info_get_size (info) : 0;
  }

  a = open_zip (x, error);
  if (a == NULL)
    return FALSE;
  while (ok && (r = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = entry_name (entry);

      if (name == NULL)
        continue;
      if (g_ascii_strcasecmp (name, "xl/workbook.xml") == 0)
        {
          x->seen_workbook = TRUE;
          ok = parse_entry (x, a, entry, &workbook_parser, FALSE, error);
        }
      else if (g_ascii_strcasecmp (name, "xl/_rels/workbook.xml.rels") == 0)
        ok = parse_entry (x, a, entry, &rels_parser, FALSE, error);
      else if (all && g_ascii_strcasecmp (name, "xl/styles.xml") == 0)
        ok = parse_entry (x, a, entry, &styles_parser, FALSE, error);
      else if (all && g_ascii_strcasecmp (name, "xl/sharedStrings.xml") == 0)
        ok = parse_entry (x, a, entry, &shared_parser, FALSE, error);
      else if (strcmp (name, "mimetype") == 0)
        x->is_ods = TRUE;
    }
  if (ok && r != ARCHIVE_EOF)
    ok = set_damaged (x, archive_error_string (a) ? archive_error_string (a) : "zip", error);
  archive_read_free (a);
  if (!ok)
    return FALSE;

  if (!x->seen_workbook)
    {
      if (x->is_ods)
        g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_NOT_A_SPREADSHEET,
                     _("“%s” is an OpenDocument file (.ods), which CoopZone does not read yet. "
                       "Save it from the spreadsheet program as an Excel workbook (.xlsx) or "
                       "as CSV, and import that file."), x->name);
      else
        g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_NOT_A_SPREADSHEET,
                     _("“%s” is a zip file but not an Excel workbook. Save the roster as an Excel "
                       "workbook (.xlsx) or as CSV, then import that file."), x->name);
      return FALSE;
    }

  for (guint i = 0; i < x->sheets->len; i++)
    {
      SheetInfo *info = g_ptr_array_index (x->sheets, i);
      const char *target = info->rel_id ? g_hash_table_lookup (x->rels, info->rel_id) : NULL;

      info->entry = g_strdup (target ? target : "");
    }
  if (x->sheets->len == 0)
    {
      g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_NO_SHEET,
                   _("“%s” has no sheets. Save the roster again and import that file."), x->name);
      return FALSE;
    }
  return TRUE;
}

GStrv
cz_xlsx_list_sheets (const char  *path,
                     GError     **error)
{
  Xlsx x = { .path = path };
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (!read_workbook (&x, FALSE, error))
    {
      xlsx_clear (&x);
      return NULL;
    }
  for (guint i = 0; i < x.sheets->len; i++)
    g_strv_builder_add (names, ((SheetInfo *) g_ptr_array_index (x.sheets, i))->name);
  xlsx_clear (&x);
  return g_strv_builder_end (names);
}

gboolean
cz_xlsx_read (const char                 *path,
              const CzSpreadsheetOptions *options,
              CzRowBuilder               *builder,
              GCancellable               *cancellable,
              GError                    **error)
{
  Xlsx x = { .path = path, .options = options, .cancellable = cancellable, .builder = builder };
  struct archive *a = NULL;
  struct archive_entry *entry;
  SheetInfo *sheet;
  gboolean found = FALSE;
  gboolean ok = FALSE;

  if (!read_workbook (&x, TRUE, error))
    goto out;
  if (options->sheet >= x.sheets->len)
    {
      g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_NO_SHEET,
                   _("“%s” has %u sheets; there is no sheet %u."), x.name, x.sheets->len, options->sheet + 1);
      goto out;
    }
  sheet = g_ptr_array_index (x.sheets, options->sheet);
  x.sheet_name = sheet->name;

  a = open_zip (&x, error);
  if (a == NULL)
    goto out;
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      const char *name = entry_name (entry);

      if (name == NULL || g_ascii_strcasecmp (name, sheet->entry) != 0)
        continue;
      found = TRUE;
      x.in_text = FALSE;
      x.in_phonetic = 0;
      ok = parse_entry (&x, a, entry, &sheet_parser, TRUE, error);
      break;
    }
  if (!found)
    set_damaged (&x, sheet->entry, error);

out:
  if (a != NULL)
    archive_read_free (a);
  xlsx_clear (&x);
  return ok;
}
