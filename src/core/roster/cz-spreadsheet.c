/* cz-spreadsheet.c — sniffing, the row builder, and the CSV reader
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-spreadsheet-private.h"

G_DEFINE_QUARK (cz-spreadsheet-error-quark, cz_spreadsheet_error)

void
cz_spreadsheet_options_init (CzSpreadsheetOptions *options)
{
  memset (options, 0, sizeof *options);
  options->encoding = CZ_TEXT_ENCODING_AUTO;
}

const char *
cz_text_encoding_to_string (CzTextEncoding encoding)
{
  switch (encoding)
    {
    case CZ_TEXT_ENCODING_UTF8:
      return "utf-8";
    case CZ_TEXT_ENCODING_GB18030:
      return "gb18030";
    case CZ_TEXT_ENCODING_AUTO:
    default:
      return "auto";
    }
}

gboolean
cz_text_encoding_from_string (const char     *name,
                              CzTextEncoding *out_encoding)
{
  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "utf-8") == 0 || g_ascii_strcasecmp (name, "utf8") == 0)
    *out_encoding = CZ_TEXT_ENCODING_UTF8;
  else if (g_ascii_strcasecmp (name, "gb18030") == 0 || g_ascii_strcasecmp (name, "gbk") == 0 ||
           g_ascii_strcasecmp (name, "gb2312") == 0 || g_ascii_strcasecmp (name, "cp936") == 0)
    *out_encoding = CZ_TEXT_ENCODING_GB18030;
  else if (g_ascii_strcasecmp (name, "auto") == 0)
    *out_encoding = CZ_TEXT_ENCODING_AUTO;
  else
    return FALSE;
  return TRUE;
}

char *
cz_spreadsheet_display_name (const char *path)
{
  return g_filename_display_basename (path);
}

/* ---- the row builder ---------------------------------------------------- */

static void
free_gstring (gpointer data)
{
  g_string_free (data, TRUE);
}

void
cz_row_builder_init (CzRowBuilder               *builder,
                     const CzSpreadsheetOptions *options,
                     CzSheetRowFunc              func,
                     gpointer                    user_data)
{
  memset (builder, 0, sizeof *builder);
  builder->texts = g_ptr_array_new_with_free_func (free_gstring);
  builder->kinds = g_array_new (FALSE, TRUE, sizeof (CzCellKind));
  builder->view = g_ptr_array_new ();
  builder->max_rows = options->max_rows ? options->max_rows : CZ_SPREADSHEET_MAX_ROWS;
  builder->func = func;
  builder->user_data = user_data;
}

void
cz_row_builder_clear (CzRowBuilder *builder)
{
  g_clear_pointer (&builder->texts, g_ptr_array_unref);
  g_clear_pointer (&builder->kinds, g_array_unref);
  g_clear_pointer (&builder->view, g_ptr_array_unref);
}

void
cz_row_builder_reset (CzRowBuilder *builder)
{
  for (guint i = 0; i < builder->n_cells; i++)
    {
      g_string_truncate (g_ptr_array_index (builder->texts, i), 0);
      g_array_index (builder->kinds, CzCellKind, i) = CZ_CELL_EMPTY;
    }
  builder->n_cells = 0;
  builder->any = FALSE;
}

GString *
cz_row_builder_cell (CzRowBuilder *builder,
                     guint         column,
                     CzCellKind    kind)
{
  while (builder->texts->len <= column)
    {
      g_ptr_array_add (builder->texts, g_string_sized_new (16));
      g_array_set_size (builder->kinds, builder->texts->len);
    }
  if (builder->n_cells <= column)
    builder->n_cells = column + 1;
  g_array_index (builder->kinds, CzCellKind, column) = kind;
  if (kind != CZ_CELL_EMPTY)
    builder->any = TRUE;
  return g_ptr_array_index (builder->texts, column);
}

gboolean
cz_row_builder_emit (CzRowBuilder  *builder,
                     guint          number,
                     GError       **error)
{
  CzSheetRow row;
  gboolean any = FALSE;

  /* A cell that holds only spaces counts as filled: the checks say so. */
  for (guint i = 0; i < builder->n_cells && !any; i++)
    any = ((GString *) g_ptr_array_index (builder->texts, i))->len > 0;
  if (!any)
    {
      cz_row_builder_reset (builder);
      return TRUE;
    }

  builder->n_rows++;
  g_ptr_array_set_size (builder->view, 0);
  for (guint i = 0; i < builder->n_cells; i++)
    g_ptr_array_add (builder->view, ((GString *) g_ptr_array_index (builder->texts, i))->str);
  for (guint i = 0; i < builder->n_cells; i++)
    if (((GString *) g_ptr_array_index (builder->texts, i))->len == 0)
      g_array_index (builder->kinds, CzCellKind, i) = CZ_CELL_EMPTY;

  row.number = number;
  row.n_cells = builder->n_cells;
  row.cells = (const char * const *) builder->view->pdata;
  row.kinds = (const CzCellKind *) (gpointer) builder->kinds->data;

  if (!builder->func (&row, builder->user_data, error))
    {
      builder->stopped = TRUE;
      cz_row_builder_reset (builder);
      return FALSE;
    }
  cz_row_builder_reset (builder);
  return TRUE;
}

/* ---- sniffing ------------------------------------------------------------ */

static gboolean
read_head (const char  *path,
           guint8      *head,
           gsize        size,
           gsize       *out_read,
           goffset     *out_file_size,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = cz_spreadsheet_display_name (path);
  g_autoptr(GError) local_error = NULL;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_IO,
                   _("Could not open “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  *out_file_size = info ? g_file_info_get_size (info) : 0;
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), head, size, out_read, NULL, &local_error))
    {
      g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_IO,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static CzSpreadsheetFormat
sniff_bytes (const guint8 *head,
             gsize         n)
{
  static const guint8 ole[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

  if (n >= 4 && memcmp (head, "PK\003\004", 4) == 0)
    return CZ_SPREADSHEET_FORMAT_XLSX;
  if (n >= 4 && memcmp (head, ole, 4) == 0)
    return CZ_SPREADSHEET_FORMAT_XLS;
  if (n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
    return CZ_SPREADSHEET_FORMAT_CSV;
  /* Text has no NUL bytes and few control characters. */
  for (gsize i = 0; i < n; i++)
    if (head[i] == 0 || (head[i] < 0x20 && head[i] != '\t' && head[i] != '\n' && head[i] != '\r' &&
                         head[i] != 0x0C && head[i] != 0x1A))
      return CZ_SPREADSHEET_FORMAT_UNKNOWN;
  return CZ_SPREADSHEET_FORMAT_CSV;
}

static gboolean
check_format (const char          *path,
              CzSpreadsheetFormat  format,
              goffset              file_size,
              GError             **error)
{
  g_autofree char *name = cz_spreadsheet_display_name (path);

  if (file_size > CZ_SPREADSHEET_MAX_FILE_SIZE)
    {
      g_autofree char *size_text = g_format_size (file_size);

      g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_TOO_LARGE,
                   _("“%s” is %s; a roster fits in far less (50,000 enterprises take about 5 MB). "
                     "Check that it is the roster, or keep only the roster's sheet and save it again."),
                   name, size_text);
      return FALSE;
    }
  switch (format)
    {
    case CZ_SPREADSHEET_FORMAT_XLS:
      g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_LEGACY_XLS,
                   _("“%s” is an Excel 97–2003 workbook (.xls) or a workbook protected by a password, "
                     "which CoopZone does not read. Open it in the spreadsheet program, remove any "
                     "password, save it as an Excel workbook (.xlsx), then import that file."), name);
      return FALSE;
    case CZ_SPREADSHEET_FORMAT_UNKNOWN:
      g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_NOT_A_SPREADSHEET,
                   _("“%s” is not a spreadsheet CoopZone can read. Save the roster as an Excel "
                     "workbook (.xlsx) or as CSV, then import that file."), name);
      return FALSE;
    case CZ_SPREADSHEET_FORMAT_CSV:
    case CZ_SPREADSHEET_FORMAT_XLSX:
    default:
      return TRUE;
    }
}

CzSpreadsheetFormat
cz_spreadsheet_sniff (const char  *path,
                      GError     **error)
{
  guint8 head[4096];
  gsize n = 0;
  goffset size = 0;

  if (!read_head (path, head, sizeof head, &n, &size, error))
    return CZ_SPREADSHEET_FORMAT_UNKNOWN;
  if (n == 0)
    {
      g_autofree char *name = cz_spreadsheet_display_name (path);
      g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_NOT_A_SPREADSHEET,
                   _("“%s” is empty. Save the roster again and import that file."), name);
      return CZ_SPREADSHEET_FORMAT_UNKNOWN;
    }
  return sniff_bytes (head, n);
}

static CzSpreadsheetFormat
sniff_and_check (const char  *path,
                 GError     **error)
{
  guint8 head[4096];
  gsize n = 0;
  goffset size = 0;
  CzSpreadsheetFormat format;

  if (!read_head (path, head, sizeof head, &n, &size, error))
    return CZ_SPREADSHEET_FORMAT_UNKNOWN;
  if (n == 0)
    {
      g_autofree char *name = cz_spreadsheet_display_name (path);
      g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_NOT_A_SPREADSHEET,
                   _("“%s” is empty. Save the roster again and import that file."), name);
      return CZ_SPREADSHEET_FORMAT_UNKNOWN;
    }
  format = sniff_bytes (head, n);
  if (!check_format (path, format, size, error))
    return CZ_SPREADSHEET_FORMAT_UNKNOWN;
  return format;
}

GStrv
cz_spreadsheet_list_sheets (const char  *path,
                            GError     **error)
{
  switch (sniff_and_check (path, error))
    {
    case CZ_SPREADSHEET_FORMAT_XLSX:
      return cz_xlsx_list_sheets (path, error);
    case CZ_SPREADSHEET_FORMAT_CSV:
      {
        char *names[] = { (char *) "", NULL };
        return g_strdupv (names);
      }
    case CZ_SPREADSHEET_FORMAT_XLS:
    case CZ_SPREADSHEET_FORMAT_UNKNOWN:
    default:
      return NULL;
    }
}

/* ---- dates --------------------------------------------------------------- */

char *
cz_spreadsheet_serial_to_iso (double   serial,
                              gboolean date1904)
{
  GDate date;
  gint64 day;

  if (!(serial >= 0 && serial < 2958466.0))
    return NULL;
  day = (gint64) serial;
  if (date1904)
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
  else
    {
      /* Excel counts a 29 February 1900 that never was: day 60. */
      if (day < 1 || day == 60)
        return NULL;
      g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
      if (day < 60)
        day++;
    }
  g_date_add_days (&date, (guint) day);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* ---- CSV ----------------------------------------------------------------- */

typedef enum
{
  CSV_FIELD_START,
  CSV_UNQUOTED,
  CSV_QUOTED,
  CSV_QUOTE_IN_QUOTED,
} CsvState;

typedef struct
{
  CzRowBuilder *builder;
  CsvState      state;
  char          delimiter;
  guint         column;
  guint         line;        /* physical line being read, 1-based */
  guint         row_line;    /* where the current record began */
  GString      *cell;        /* the cell being read */
  const char   *name;        /* for messages */
} CsvParser;

static gboolean
csv_end_cell (CsvParser  *p,
              GError    **error)
{
  GString *cell;

  if (p->column >= CZ_SPREADSHEET_MAX_COLUMNS)
    {
      g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_TOO_LARGE,
                   _("“%s”, line %u has more than %u columns. Check that it is the roster and "
                     "that its columns are separated by commas."),
                   p->name, p->row_line, CZ_SPREADSHEET_MAX_COLUMNS);
      return FALSE;
    }
  cell = cz_row_builder_cell (p->builder, p->column, p->cell->len ? CZ_CELL_TEXT : CZ_CELL_EMPTY);
  g_string_append_len (cell, p->cell->str, p->cell->len);
  g_string_truncate (p->cell, 0);
  p->column++;
  return TRUE;
}

static gboolean
csv_end_row (CsvParser  *p,
             GError    **error)
{
  if (!csv_end_cell (p, error))
    return FALSE;
  p->column = 0;
  if (p->builder->n_rows >= p->builder->max_rows && p->builder->any)
    {
      g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_TOO_LARGE,
                   _("“%s” has more than %u rows; a roster has fewer. Check that it is the roster, "
                     "or split it."), p->name, p->builder->max_rows);
      return FALSE;
    }
  return cz_row_builder_emit (p->builder, p->row_line, error);
}

/* Feeds UTF-8 text; records may span calls. */
static gboolean
csv_feed (CsvParser   *p,
          const char  *text,
          gsize        len,
          GError     **error)
{
  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      switch (p->state)
        {
        case CSV_FIELD_START:
          if (c == '"')
            {
              p->state = CSV_QUOTED;
              break;
            }
          p->state = CSV_UNQUOTED;
          G_GNUC_FALLTHROUGH;
        case CSV_UNQUOTED:
          if (c == p->delimiter)
            {
              if (!csv_end_cell (p, error))
                return FALSE;
              p->state = CSV_FIELD_START;
            }
          else if (c == '\n')
            {
              if (!csv_end_row (p, error))
                return FALSE;
              p->line++;
              p->row_line = p->line;
              p->state = CSV_FIELD_START;
            }
          else if (c != '\r')
            g_string_append_c (p->cell, c);
          break;
        case CSV_QUOTED:
          if (c == '"')
            p->state = CSV_QUOTE_IN_QUOTED;
          else
            {
              if (c == '\n')
                p->line++;
              g_string_append_c (p->cell, c);
            }
          break;
        case CSV_QUOTE_IN_QUOTED:
          if (c == '"')
            {
              g_string_append_c (p->cell, '"');
              p->state = CSV_QUOTED;
            }
          else if (c == p->delimiter)
            {
              if (!csv_end_cell (p, error))
                return FALSE;
              p->state = CSV_FIELD_START;
            }
          else if (c == '\n')
            {
              if (!csv_end_row (p, error))
                return FALSE;
              p->line++;
              p->row_line = p->line;
              p->state = CSV_FIELD_START;
            }
          else if (c != '\r')
            {
              /* Lenient, as spreadsheet programs are: "a"b reads a"b. */
              g_string_append_c (p->cell, c);
              p->state = CSV_UNQUOTED;
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

static gboolean
csv_finish (CsvParser  *p,
            GError    **error)
{
  if (p->state == CSV_FIELD_START && p->column == 0 && p->cell->len == 0)
    return TRUE;
  return csv_end_row (p, error);
}

/* The delimiter of the first line: Excel writes commas, but a semicolon or a
 * tab where the system's list separator says so. */
static char
guess_delimiter (const char *text,
                 gsize       len)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len && (quoted || text[i] != '\n'); i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && text[i] == ',')
        commas++;
      else if (!quoted && text[i] == ';')
        semicolons++;
      else if (!quoted && text[i] == '\t')
        tabs++;
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

/* Length of @text up to its last complete UTF-8 character, when @text is
 * UTF-8 apart from a character cut at its end. */
static gboolean
utf8_valid_prefix (const char *text,
                   gsize       len,
                   gsize      *out_valid)
{
  const char *end = NULL;

  if (g_utf8_validate_len (text, len, &end))
    {
      *out_valid = len;
      return TRUE;
    }
  *out_valid = end - text;
  /* A cut character: at most 3 bytes of a lead byte's sequence, at the end. */
  if (len - *out_valid < 4)
    {
      gunichar c = g_utf8_get_char_validated (end, len - *out_valid);
      return c == (gunichar) -2;
    }
  return FALSE;
}

static guint
count_lines (const char *text,
             gsize       len)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    n += text[i] == '\n';
  return n;
}

static gboolean
read_csv (const char                 *path,
          const CzSpreadsheetOptions *options,
          CzRowBuilder               *builder,
          CzTextEncoding             *out_encoding,
          GCancellable               *cancellable,
          GError                    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = cz_spreadsheet_display_name (path);
  g_autofree char *raw = g_malloc (CZ_SPREADSHEET_CHUNK + 8);
  g_autofree char *converted = g_malloc (CZ_SPREADSHEET_CHUNK * 4);
  g_autoptr(GString) cell = g_string_sized_new (64);
  g_autoptr(GError) local_error = NULL;
  GIConv cd = (GIConv) -1;
  CzTextEncoding encoding = options->encoding;
  const char *source_charset = NULL;
  CsvParser parser = { 0 };
  gsize carry = 0;
  goffset total = 0, done = 0, next_progress = 0;
  gboolean first = TRUE;
  gboolean ok = FALSE;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_IO,
                   _("Could not open “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  total = info ? g_file_info_get_size (info) : 0;

  parser.builder = builder;
  parser.state = CSV_FIELD_START;
  parser.line = parser.row_line = 1;
  parser.cell = cell;
  parser.name = name;

  for (;;)
    {
      gssize n;
      char *in;
      gsize in_left;
      gboolean eof;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      n = g_input_stream_read (G_INPUT_STREAM (stream), raw + carry, CZ_SPREADSHEET_CHUNK, cancellable, &local_error);
      if (n < 0)
        {
          g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_IO,
                       _("Could not read “%s”: %s"), name, local_error->message);
          goto out;
        }
      done += n;
      eof = n == 0;
      in = raw;
      in_left = carry + n;
      carry = 0;

      if (first)
        {
          gsize valid;

          first = FALSE;
          if (in_left >= 3 && memcmp (in, "\xEF\xBB\xBF", 3) == 0)
            {
              in += 3;
              in_left -= 3;
              if (encoding == CZ_TEXT_ENCODING_AUTO)
                encoding = CZ_TEXT_ENCODING_UTF8;
            }
          else if (in_left >= 2 && (guint8) in[0] == 0xFF && (guint8) in[1] == 0xFE)
            source_charset = "UTF-16LE", in += 2, in_left -= 2;
          else if (in_left >= 2 && (guint8) in[0] == 0xFE && (guint8) in[1] == 0xFF)
            source_charset = "UTF-16BE", in += 2, in_left -= 2;

          if (source_charset == NULL && encoding == CZ_TEXT_ENCODING_AUTO)
            encoding = utf8_valid_prefix (in, in_left, &valid) ? CZ_TEXT_ENCODING_UTF8 : CZ_TEXT_ENCODING_GB18030;
          if (source_charset == NULL && encoding == CZ_TEXT_ENCODING_GB18030)
            source_charset = "GB18030";
          if (source_charset != NULL)
            {
              cd = g_iconv_open ("UTF-8", source_charset);
              if (cd == (GIConv) -1)
                {
                  g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_ENCODING,
                               _("This system cannot convert %s text, needed to read “%s”. "
                                 "Save the roster as CSV UTF-8 or as .xlsx instead."),
                               source_charset, name);
                  goto out;
                }
            }
          if (out_encoding != NULL)
            *out_encoding = encoding;
        }

      if (cd == (GIConv) -1)
        {
          gsize valid;

          if (!utf8_valid_prefix (in, in_left, &valid) || (eof && valid < in_left))
            {
              guint line = parser.line + count_lines (in, valid);

              g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_ENCODING,
                           _("“%s”, line %u is not UTF-8 text, although the lines before it are: "
                             "the file mixes encodings. Open it in the spreadsheet program and save "
                             "it again as CSV UTF-8, or as .xlsx."), name, line);
              goto out;
            }
          if (parser.delimiter == 0)
            parser.delimiter = guess_delimiter (in, valid);
          if (!csv_feed (&parser, in, valid, error))
            goto out;
          carry = in_left - valid;
          memmove (raw, in + valid, carry);
        }
      else
        {
          while (in_left > 0)
            {
              char *out = converted;
              gsize out_left = CZ_SPREADSHEET_CHUNK * 4;
              gsize r = g_iconv (cd, &in, &in_left, &out, &out_left);
              int saved = errno;

              if (parser.delimiter == 0 && out > converted)
                parser.delimiter = guess_delimiter (converted, out - converted);
              if (!csv_feed (&parser, converted, out - converted, error))
                goto out;
              if (r != (gsize) -1)
                continue;
              if (saved == E2BIG)
                continue;
              if (saved == EINVAL && !eof)
                {
                  carry = in_left;
                  memmove (raw, in, carry);
                  break;
                }
              g_set_error (error, CZ_SPREADSHEET_ERROR, CZ_SPREADSHEET_ERROR_ENCODING,
                           _("“%s”, line %u is neither %s nor UTF-8 text: the file mixes encodings "
                             "or is damaged. Open it in the spreadsheet program and save it again "
                             "as CSV UTF-8, or as .xlsx."), name, parser.line, source_charset);
              goto out;
            }
        }

      if (options->progress != NULL && total > 0 && done >= next_progress)
        {
          options->progress ((double) done / total, options->progress_data);
          next_progress = done + 1024 * 1024;
        }
      if (builder->stopped)
        {
          ok = TRUE;
          goto out;
        }
      if (eof)
        break;
    }

  ok = csv_finish (&parser, error);
  if (!ok && builder->stopped && (error == NULL || *error == NULL))
    ok = TRUE;

out:
  if (!ok && builder->stopped && error != NULL && *error == NULL)
    ok = TRUE;
  if (cd != (GIConv) -1)
    g_iconv_close (cd);
  return ok;
}

gboolean
cz_spreadsheet_read (const char                 *path,
                     const CzSpreadsheetOptions *options,
                     CzSheetRowFunc              func,
                     gpointer                    user_data,
                     CzTextEncoding             *out_encoding,
                     GCancellable               *cancellable,
                     GError                    **error)
{
  CzSpreadsheetOptions defaults;
  CzRowBuilder builder;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (options == NULL)
    {
      cz_spreadsheet_options_init (&defaults);
      options = &defaults;
    }
  if (out_encoding != NULL)
    *out_encoding = CZ_TEXT_ENCODING_AUTO;

  cz_row_builder_init (&builder, options, func, user_data);
  switch (sniff_and_check (path, &local_error))
    {
    case CZ_SPREADSHEET_FORMAT_XLSX:
      ok = cz_xlsx_read (path, options, &builder, cancellable, &local_error);
      break;
    case CZ_SPREADSHEET_FORMAT_CSV:
      ok = read_csv (path, options, &builder, out_encoding, cancellable, &local_error);
      break;
    case CZ_SPREADSHEET_FORMAT_XLS:
    case CZ_SPREADSHEET_FORMAT_UNKNOWN:
    default:
      break;
    }
  cz_row_builder_clear (&builder);

  /* A callback that stopped without an error has seen enough. */
  if (!ok && local_error == NULL)
    return TRUE;
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
