/* cz-form-layout.h — ruled tables and wrapped text on A4 pages, for the 申报表
 *
 * A document is a list of blocks (titles, headings, paragraphs, tables).
 * Rendering lays every block out first, so the page count is known before
 * the first page is drawn ("第 N 页 共 M 页"); a table row that does not fit
 * moves to the next page under a repeat of the table's header row, and a
 * paragraph or cell taller than a page is split between its lines.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CzFormDoc   CzFormDoc;
typedef struct _CzFormTable CzFormTable;

typedef struct
{
  gboolean    draft;             /* the 草稿 watermark */
  const char *running_header;    /* top of every page but the first; NULL: none */
  const char * const *footer_lines; /* above the page number on every page */
  /* The PDF's creation date, "2026-08-01T09:30:00Z"; the same input gives
   * the same bytes (an archive packed twice is the same archive). */
  const char *creation_date;
} CzFormDecor;

CzFormDoc   *cz_form_doc_new             (void);
void         cz_form_doc_free            (CzFormDoc   *doc);

/* Centred, large. */
void         cz_form_doc_add_title       (CzFormDoc   *doc,
                                          const char  *text,
                                          double       size);
/* A section heading, kept on the page of what follows it. */
void         cz_form_doc_add_heading     (CzFormDoc   *doc,
                                          const char  *text);
/* A heading that moves to a new page unless @points fit below it. */
void         cz_form_doc_add_heading_keep (CzFormDoc  *doc,
                                           const char *text,
                                           double      points);
void         cz_form_doc_add_paragraph   (CzFormDoc   *doc,
                                          const char  *text);
void         cz_form_doc_add_space       (CzFormDoc   *doc,
                                          double       points);
void         cz_form_doc_add_page_break  (CzFormDoc   *doc);

/* @widths: @n_columns relative widths. The table belongs to @doc. */
CzFormTable *cz_form_doc_add_table       (CzFormDoc   *doc,
                                          guint        n_columns,
                                          const double *widths);
/* Repeated at the top of every page the table continues on. */
void         cz_form_table_set_header    (CzFormTable *table,
                                          const char * const *texts);
/* @texts: one per column; NULL ends early (the last cell spans the rest). */
void         cz_form_table_add_row       (CzFormTable *table,
                                          const char * const *texts);
/* A shaded label cell, then a value spanning the other columns. */
void         cz_form_table_add_field     (CzFormTable *table,
                                          const char  *label,
                                          const char  *value);
/* A row shaded and bold throughout (subtotals, totals). */
void         cz_form_table_add_total_row (CzFormTable *table,
                                          const char * const *texts);
/* The last row added is at least @points tall (boxes for signature and seal). */
void         cz_form_table_set_row_min_height (CzFormTable *table,
                                               double       points);

/* The whole document as PDF bytes. */
GBytes      *cz_form_doc_render          (CzFormDoc         *doc,
                                          const CzFormDecor *decor,
                                          guint             *n_pages,
                                          GCancellable      *cancellable,
                                          GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzFormDoc, cz_form_doc_free)

G_END_DECLS
