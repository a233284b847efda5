/* cz-pdf-preview.h — a PDF page fit to width, page navigation, zoom and a
 * strip of thumbnails rendered only while they are visible
 *
 * Rendering happens on the document's own worker (CzPageRenderer); the UI
 * thread only wraps finished pixels in GdkMemoryTextures.
 *
 * Actions (for buttons, menus and shortcuts): preview.previous-page,
 * preview.next-page, preview.zoom-in, preview.zoom-out, preview.fit-width,
 * preview.fit-page. Ctrl+scroll zooms.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cz-page-renderer.h"

G_BEGIN_DECLS

typedef enum
{
  CZ_PDF_ZOOM_FIT_WIDTH,
  CZ_PDF_ZOOM_FIT_PAGE,
  CZ_PDF_ZOOM_FREE,
} CzPdfZoomMode;

#define CZ_TYPE_PDF_PREVIEW (cz_pdf_preview_get_type ())
G_DECLARE_FINAL_TYPE (CzPdfPreview, cz_pdf_preview, CZ, PDF_PREVIEW, GtkWidget)

GtkWidget      *cz_pdf_preview_new               (void);

/* The PDF to show (an evidence store file); NULL shows nothing. */
void            cz_pdf_preview_set_file          (CzPdfPreview  *self,
                                                  GFile         *file);
GFile          *cz_pdf_preview_get_file          (CzPdfPreview  *self);
/* 0-based. */
guint           cz_pdf_preview_get_page          (CzPdfPreview  *self);
void            cz_pdf_preview_set_page          (CzPdfPreview  *self,
                                                  guint          page);
guint           cz_pdf_preview_get_n_pages       (CzPdfPreview  *self);
CzPdfZoomMode   cz_pdf_preview_get_zoom_mode     (CzPdfPreview  *self);
void            cz_pdf_preview_set_zoom_mode     (CzPdfPreview  *self,
                                                  CzPdfZoomMode  mode);
/* 1.0 is the page's actual size; in the fit modes, what fitting gave. */
double          cz_pdf_preview_get_zoom          (CzPdfPreview  *self);
/* Sets the zoom mode to free. */
void            cz_pdf_preview_set_zoom          (CzPdfPreview  *self,
                                                  double         zoom);
/* The page as shown now, or NULL until it has been rendered. */
GdkTexture     *cz_pdf_preview_get_page_texture  (CzPdfPreview  *self);
/* Why the file cannot be shown (encrypted, damaged), or NULL. */
const char     *cz_pdf_preview_get_error         (CzPdfPreview  *self);

/* For tests and benchmarks. */
GtkListView    *cz_pdf_preview_get_thumbnail_view (CzPdfPreview *self);
CzPageRenderer *cz_pdf_preview_get_renderer      (CzPdfPreview  *self);
guint           cz_pdf_preview_get_n_thumbnails_shown (CzPdfPreview *self);

G_END_DECLS
