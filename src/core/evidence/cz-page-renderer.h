/* cz-page-renderer.h — renders the pages of one PDF on its own worker
 *
 * One renderer per document: its pages are rendered one at a time, off the
 * caller's thread (poppler must not render a document from two threads),
 * and kept in a cache bounded in bytes. Results are plain pixels (cairo
 * ARGB32, premultiplied, native-endian) so the core needs no GTK; the app
 * wraps them in a GdkMemoryTexture.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CZ_PAGE_RENDERER_DEFAULT_CACHE_BYTES (64 * 1024 * 1024)
/* No page is rendered wider or taller than this, whatever the zoom. */
#define CZ_PAGE_RENDERER_MAX_SIDE 8192

typedef enum
{
  CZ_RENDER_PRIORITY_PAGE,       /* the page being read */
  CZ_RENDER_PRIORITY_THUMBNAIL,  /* newest first */
} CzRenderPriority;

typedef struct _CzRenderedPage CzRenderedPage;

CzRenderedPage *cz_rendered_page_ref        (CzRenderedPage *page);
void            cz_rendered_page_unref      (CzRenderedPage *page);
guint           cz_rendered_page_get_index  (CzRenderedPage *page);
int             cz_rendered_page_get_width  (CzRenderedPage *page);
int             cz_rendered_page_get_height (CzRenderedPage *page);
gsize           cz_rendered_page_get_stride (CzRenderedPage *page);
GBytes         *cz_rendered_page_get_pixels (CzRenderedPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzRenderedPage, cz_rendered_page_unref)

#define CZ_TYPE_PAGE_RENDERER (cz_page_renderer_get_type ())
G_DECLARE_FINAL_TYPE (CzPageRenderer, cz_page_renderer, CZ, PAGE_RENDERER, GObject)

/* @cache_bytes: 0 for CZ_PAGE_RENDERER_DEFAULT_CACHE_BYTES. */
CzPageRenderer *cz_page_renderer_new           (GFile               *file,
                                                gsize                cache_bytes);
GFile          *cz_page_renderer_get_file      (CzPageRenderer      *self);

/* Opens the document on the worker; afterwards the page count and sizes
 * are known. Errors: CZ_EVIDENCE_ERROR_ENCRYPTED, CZ_EVIDENCE_ERROR_DAMAGED. */
void            cz_page_renderer_load_async    (CzPageRenderer      *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean        cz_page_renderer_load_finish   (CzPageRenderer      *self,
                                                GAsyncResult        *result,
                                                GError             **error);
gboolean        cz_page_renderer_is_loaded     (CzPageRenderer      *self);
guint           cz_page_renderer_get_n_pages   (CzPageRenderer      *self);
/* In points; FALSE before loading or for a page that does not exist. A page
 * not rendered yet is taken to be the size of the first. */
gboolean        cz_page_renderer_get_page_size (CzPageRenderer      *self,
                                                guint                page,
                                                double              *width,
                                                double              *height);

/* Renders @page (0-based) @width pixels wide. A cancelled request that has
 * not started never renders. */
void            cz_page_renderer_render_async  (CzPageRenderer      *self,
                                                guint                page,
                                                int                  width,
                                                CzRenderPriority     priority,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
CzRenderedPage *cz_page_renderer_render_finish (CzPageRenderer      *self,
                                                GAsyncResult        *result,
                                                GError             **error);
/* The cached rendering, or NULL. */
CzRenderedPage *cz_page_renderer_lookup        (CzPageRenderer      *self,
                                                guint                page,
                                                int                  width);
gsize           cz_page_renderer_get_cached_bytes (CzPageRenderer   *self);
guint           cz_page_renderer_get_n_rendered   (CzPageRenderer   *self);

G_END_DECLS
