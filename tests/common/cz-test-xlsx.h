/* cz-test-xlsx.h — .xlsx workbooks and GB18030 CSV written by the tests themselves
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CzTestXlsx CzTestXlsx;

CzTestXlsx *cz_test_xlsx_new         (void);
void        cz_test_xlsx_free        (CzTestXlsx          *self);
/* Starts a new sheet; rows go to the last sheet begun. */
void        cz_test_xlsx_begin_sheet (CzTestXlsx          *self,
                                      const char          *name);
/* One row. Each cell is "s:text" (shared string), "i:text" (inline string),
 * "n:123.5" (number), "d:45352" (a serial with a date format), "b:1"; "" leaves
 * the cell out. */
void        cz_test_xlsx_add_row     (CzTestXlsx          *self,
                                      guint                number,
                                      const char * const  *cells);
/* XML put inside <sheetData> as it is. */
void        cz_test_xlsx_add_raw     (CzTestXlsx          *self,
                                      const char          *xml);
/* With the entries in the zip in the order a writer may choose: the sheets
 * before the shared strings when @sheets_first. */
void        cz_test_xlsx_write       (CzTestXlsx          *self,
                                      const char          *path,
                                      gboolean             sheets_first);

/* A zip holding one entry of @size bytes, all @byte: a zip bomb in small. */
void        cz_test_write_zip_entry  (const char          *path,
                                      const char          *entry,
                                      gsize                size,
                                      char                 byte);
/* @utf8 written in @charset ("GB18030"), with a UTF-8 BOM first when @bom. */
void        cz_test_write_text       (const char          *path,
                                      const char          *utf8,
                                      const char          *charset,
                                      gboolean             bom);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzTestXlsx, cz_test_xlsx_free)

G_END_DECLS
