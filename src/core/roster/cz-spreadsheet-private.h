/* cz-spreadsheet-private.h — what the CSV and .xlsx readers share
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-spreadsheet.h"

G_BEGIN_DECLS

#define CZ_SPREADSHEET_MAX_COLUMNS 1024
#define CZ_SPREADSHEET_CHUNK       (64 * 1024)

/* The cells of the row being read, reused from row to row. */
typedef struct
{
  GPtrArray      *texts;   /* GString, one per column seen so far */
  GArray         *kinds;   /* CzCellKind */
  GPtrArray      *view;    /* const char *, for CzSheetRow */
  guint           n_cells;
  gboolean        any;     /* a non-empty cell in this row */
  guint           n_rows;  /* rows handed on so far */
  guint           max_rows;
  CzSheetRowFunc  func;
  gpointer        user_data;
  gboolean        stopped; /* the callback asked to stop */
} CzRowBuilder;

void      cz_row_builder_init   (CzRowBuilder        *builder,
                                 const CzSpreadsheetOptions *options,
                                 CzSheetRowFunc       func,
                                 gpointer             user_data);
void      cz_row_builder_clear  (CzRowBuilder        *builder);
void      cz_row_builder_reset  (CzRowBuilder        *builder);
/* Appends to the cell at @column (0-based), creating the empty ones before it. */
GString  *cz_row_builder_cell   (CzRowBuilder        *builder,
                                 guint                column,
                                 CzCellKind           kind);
/* Hands the row on when it has a non-empty cell. FALSE when reading stops:
 * an error, or the callback has seen enough (builder->stopped). */
gboolean  cz_row_builder_emit   (CzRowBuilder        *builder,
                                 guint                number,
                                 GError             **error);

char     *cz_spreadsheet_display_name (const char     *path);

/* cz-xlsx.c */
GStrv     cz_xlsx_list_sheets   (const char          *path,
                                 GError             **error);
gboolean  cz_xlsx_read          (const char                 *path,
                                 const CzSpreadsheetOptions *options,
                                 CzRowBuilder               *builder,
                                 GCancellable               *cancellable,
                                 GError                    **error);

G_END_DECLS
