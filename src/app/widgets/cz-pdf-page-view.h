/* cz-pdf-page-view.h — one rendered PDF page, drawn at a given size
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cz-page-renderer.h"

G_BEGIN_DECLS

#define CZ_TYPE_PDF_PAGE_VIEW (cz_pdf_page_view_get_type ())
G_DECLARE_FINAL_TYPE (CzPdfPageView, cz_pdf_page_view, CZ, PDF_PAGE_VIEW, GtkWidget)

GtkWidget      *cz_pdf_page_view_new              (void);
/* Shows @page's pixels (NULL: blank paper), without copying them. They are
 * stretched to the content size until a sharper rendering comes. */
void            cz_pdf_page_view_set_page         (CzPdfPageView  *self,
                                                   CzRenderedPage *page);
CzRenderedPage *cz_pdf_page_view_get_page         (CzPdfPageView  *self);
/* The same pixels as a texture, or NULL. */
GdkTexture     *cz_pdf_page_view_get_texture      (CzPdfPageView  *self);
void            cz_pdf_page_view_set_content_size (CzPdfPageView  *self,
                                                   int             width,
                                                   int             height);
void            cz_pdf_page_view_get_content_size (CzPdfPageView  *self,
                                                   int            *width,
                                                   int            *height);

G_END_DECLS
