/* cz-spreadsheet.h — the rows of an .xlsx or .csv file, streamed, in bounded memory
 *
 * The reader hands each row to a callback and keeps nothing of it: an .xlsx
 * sheet is parsed from the zip entry as it inflates (GMarkupParser), a CSV is
 * converted to UTF-8 in chunks. Limits (file size, inflated size and ratio,
 * rows) refuse zip bombs and runaway sheets before they cost memory or time.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CZ_SPREADSHEET_ERROR (cz_spreadsheet_error_quark ())

typedef enum
{
  CZ_SPREADSHEET_ERROR_NOT_A_SPREADSHEET, /* neither .xlsx nor text */
  CZ_SPREADSHEET_ERROR_LEGACY_XLS,        /* an Excel 97–2003 .xls (OLE) file */
  CZ_SPREADSHEET_ERROR_TOO_LARGE,         /* file, inflated entry, ratio or row limit */
  CZ_SPREADSHEET_ERROR_ENCODING,          /* text that is neither UTF-8 nor GB18030, or both */
  CZ_SPREADSHEET_ERROR_DAMAGED,           /* a zip or XML that cannot be read */
  CZ_SPREADSHEET_ERROR_NO_SHEET,          /* the sheet asked for is not there */
  CZ_SPREADSHEET_ERROR_IO,
} CzSpreadsheetError;

typedef enum
{
  CZ_SPREADSHEET_FORMAT_UNKNOWN,
  CZ_SPREADSHEET_FORMAT_CSV,
  CZ_SPREADSHEET_FORMAT_XLSX,
  CZ_SPREADSHEET_FORMAT_XLS,
} CzSpreadsheetFormat;

typedef enum
{
  CZ_TEXT_ENCODING_AUTO,     /* UTF-8 (BOM or valid), else GB18030 */
  CZ_TEXT_ENCODING_UTF8,
  CZ_TEXT_ENCODING_GB18030,  /* GBK is a subset: Excel's "CSV" on Chinese Windows */
} CzTextEncoding;

typedef enum
{
  CZ_CELL_EMPTY,
  CZ_CELL_TEXT,
  CZ_CELL_NUMBER,   /* the number as the file stores it: "1234.5", "9.13E+17" */
  CZ_CELL_DATE,     /* ISO 8601 "2024-03-01", from a date-formatted serial */
  CZ_CELL_BOOLEAN,  /* "1" or "0" */
} CzCellKind;

/* One row, valid only during the callback. */
typedef struct
{
  guint               number;  /* 1-based, as the spreadsheet program shows it */
  guint               n_cells;
  const char * const *cells;   /* UTF-8, "" when empty */
  const CzCellKind   *kinds;
} CzSheetRow;

/* Return FALSE to stop: with @error set it is a failure, without it the
 * caller has seen enough (a preview). */
typedef gboolean (*CzSheetRowFunc) (const CzSheetRow  *row,
                                    gpointer           user_data,
                                    GError           **error);
/* 0.0 … 1.0 of the file read; called from the reading thread. */
typedef void     (*CzSheetProgressFunc) (double   fraction,
                                         gpointer user_data);

#define CZ_SPREADSHEET_MAX_FILE_SIZE   (100 * 1024 * 1024)
#define CZ_SPREADSHEET_MAX_ENTRY_SIZE  (G_GUINT64_CONSTANT (1024) * 1024 * 1024)
#define CZ_SPREADSHEET_MAX_RATIO       100
#define CZ_SPREADSHEET_MAX_ROWS        200000

typedef struct
{
  guint               sheet;        /* index into cz_spreadsheet_list_sheets() */
  CzTextEncoding      encoding;     /* CSV only */
  guint               max_rows;     /* 0: CZ_SPREADSHEET_MAX_ROWS */
  CzSheetProgressFunc progress;
  gpointer            progress_data;
} CzSpreadsheetOptions;

GQuark               cz_spreadsheet_error_quark   (void);
void                 cz_spreadsheet_options_init  (CzSpreadsheetOptions *options);

/* From the first bytes, not the name: a renamed file is read for what it is. */
CzSpreadsheetFormat  cz_spreadsheet_sniff         (const char           *path,
                                                   GError              **error);
const char          *cz_text_encoding_to_string   (CzTextEncoding        encoding);
gboolean             cz_text_encoding_from_string (const char           *name,
                                                   CzTextEncoding       *out_encoding);

/* The sheets' names in the workbook's order; one unnamed sheet for a CSV. */
GStrv                cz_spreadsheet_list_sheets   (const char           *path,
                                                   GError              **error);

/* Calls @func for each row that has a non-empty cell, in order. The encoding
 * the CSV was read in goes to @out_encoding (optional). */
gboolean             cz_spreadsheet_read          (const char                 *path,
                                                   const CzSpreadsheetOptions *options,
                                                   CzSheetRowFunc              func,
                                                   gpointer                    user_data,
                                                   CzTextEncoding             *out_encoding,
                                                   GCancellable               *cancellable,
                                                   GError                    **error);

/* Excel's date serial (1900 system, with its 29 February 1900; or 1904) as
 * "YYYY-MM-DD"; NULL when out of range. */
char                *cz_spreadsheet_serial_to_iso (double                serial,
                                                   gboolean              date1904);

G_END_DECLS
