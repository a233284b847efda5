/* cz-pdf-page-view.c — one rendered PDF page, drawn at a given size
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cz-pdf-page-view.h"

struct _CzPdfPageView
{
  GtkWidget        parent_instance;

  CzRenderedPage  *page;
  cairo_surface_t *surface;  /* over the page's own pixels */
  GdkTexture      *texture;  /* made when asked for */
  int              width;
  int              height;
};

G_DEFINE_FINAL_TYPE (CzPdfPageView, cz_pdf_page_view, GTK_TYPE_WIDGET)

static const GdkRGBA paper = { 1, 1, 1, 1 };
static const GdkRGBA edge = { 0, 0, 0, 0.15 };

static void
cz_pdf_page_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CzPdfPageView *self = CZ_PDF_PAGE_VIEW (widget);

  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? self->width : self->height;
}

/* A hairline just outside the page. Four thin rectangles, not a CSS card:
 * with the GL renderer under Xvfb every frame repaints the whole window, and
 * a card's rounded clip and blurred shadow cost more there than the page. */
static void
append_edges (CzPdfPageView *self,
              GtkSnapshot   *snapshot)
{
  double w = self->width, h = self->height;

  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (-1, -1, w + 2, 1));
  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (-1, h, w + 2, 1));
  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (-1, 0, 1, h));
  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (w, 0, 1, h));
}

static void
cz_pdf_page_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CzPdfPageView *self = CZ_PDF_PAGE_VIEW (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, self->width, self->height);

  if (self->surface == NULL)
    /* Paper, until the page arrives. */
    gtk_snapshot_append_color (snapshot, &paper, &bounds);
  else
    {
      /* A cairo node over the rendered pixels: GTK 4.8's cairo renderer
       * would convert a texture node's pixels again every frame, and the GL
       * renderer uploads this node once and draws it like a texture. */
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      int scale = gtk_widget_get_scale_factor (widget);
      int pixel_width = cairo_image_surface_get_width (self->surface);
      int pixel_height = cairo_image_surface_get_height (self->surface);

      if (pixel_width == self->width * scale && ABS (pixel_height - self->height * scale) <= 1)
        /* Pixel for pixel (a page's height rounds either way). */
        cairo_scale (cr, 1.0 / scale, 1.0 / scale);
      else
        cairo_scale (cr, (double) self->width / pixel_width, (double) self->height / pixel_height);
      cairo_set_source_surface (cr, self->surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  append_edges (self, snapshot);
}

static void
cz_pdf_page_view_dispose (GObject *object)
{
  CzPdfPageView *self = CZ_PDF_PAGE_VIEW (object);

  g_clear_object (&self->texture);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->page, cz_rendered_page_unref);
  G_OBJECT_CLASS (cz_pdf_page_view_parent_class)->dispose (object);
}

static void
cz_pdf_page_view_class_init (CzPdfPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_pdf_page_view_dispose;
  widget_class->measure = cz_pdf_page_view_measure;
  widget_class->snapshot = cz_pdf_page_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "pdfpage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cz_pdf_page_view_init (CzPdfPageView *self)
{
}

GtkWidget *
cz_pdf_page_view_new (void)
{
  return g_object_new (CZ_TYPE_PDF_PAGE_VIEW, NULL);
}

static cairo_user_data_key_t page_key;

void
cz_pdf_page_view_set_page (CzPdfPageView  *self,
                           CzRenderedPage *page)
{
  g_return_if_fail (CZ_IS_PDF_PAGE_VIEW (self));

  if (self->page == page)
    return;

  g_clear_object (&self->texture);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->page, cz_rendered_page_unref);
  if (page != NULL)
    {
      GBytes *pixels = cz_rendered_page_get_pixels (page);

      self->page = cz_rendered_page_ref (page);
      /* The renderer's pixels are cairo's ARGB32 already: no copy. */
      self->surface = cairo_image_surface_create_for_data ((guchar *) g_bytes_get_data (pixels, NULL),
                                                           CAIRO_FORMAT_ARGB32,
                                                           cz_rendered_page_get_width (page),
                                                           cz_rendered_page_get_height (page),
                                                           (int) cz_rendered_page_get_stride (page));
      cairo_surface_set_user_data (self->surface, &page_key, cz_rendered_page_ref (page),
                                   (cairo_destroy_func_t) cz_rendered_page_unref);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

CzRenderedPage *
cz_pdf_page_view_get_page (CzPdfPageView *self)
{
  g_return_val_if_fail (CZ_IS_PDF_PAGE_VIEW (self), NULL);
  return self->page;
}

GdkTexture *
cz_pdf_page_view_get_texture (CzPdfPageView *self)
{
  g_return_val_if_fail (CZ_IS_PDF_PAGE_VIEW (self), NULL);

  if (self->texture == NULL && self->page != NULL)
    self->texture = gdk_memory_texture_new (cz_rendered_page_get_width (self->page),
                                            cz_rendered_page_get_height (self->page),
                                            GDK_MEMORY_DEFAULT,  /* cairo's ARGB32 */
                                            cz_rendered_page_get_pixels (self->page),
                                            cz_rendered_page_get_stride (self->page));
  return self->texture;
}

void
cz_pdf_page_view_set_content_size (CzPdfPageView *self,
                                   int            width,
                                   int            height)
{
  g_return_if_fail (CZ_IS_PDF_PAGE_VIEW (self));

  width = MAX (width, 1);
  height = MAX (height, 1);
  if (self->width == width && self->height == height)
    return;
  self->width = width;
  self->height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cz_pdf_page_view_get_content_size (CzPdfPageView *self,
                                   int           *width,
                                   int           *height)
{
  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}
