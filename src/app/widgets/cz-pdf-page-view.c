/* cz-pdf-page-view.c — one rendered PDF page, drawn at a given size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cz-pdf-page-view.h"

struct _CzPdfPageView
{
  GtkWidget   parent_instance;
  GdkTexture      *texture;
  cairo_surface_t *surface;  /* the texture's pixels, for drawing */
  int              width;
  int         height;
};

enum { PROP_0, PROP_TEXTURE, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CzPdfPageView, cz_pdf_page_view, GTK_TYPE_WIDGET)

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

static void
cz_pdf_page_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CzPdfPageView *self = CZ_PDF_PAGE_VIEW (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, self->width, self->height);

  /* Paper, even before the page has arrived. */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &bounds);
  if (self->surface != NULL)
    {
      /* A cairo node painting pixels downloaded once: GTK 4.8's cairo
       * renderer would convert a texture node's pixels again every frame. */
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      cairo_scale (cr, (double) self->width / cairo_image_surface_get_width (self->surface),
                   (double) self->height / cairo_image_surface_get_height (self->surface));
      cairo_set_source_surface (cr, self->surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
}

static void
cz_pdf_page_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CzPdfPageView *self = CZ_PDF_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_pdf_page_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CzPdfPageView *self = CZ_PDF_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXTURE:
      cz_pdf_page_view_set_texture (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_pdf_page_view_dispose (GObject *object)
{
  CzPdfPageView *self = CZ_PDF_PAGE_VIEW (object);

  g_clear_object (&self->texture);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  G_OBJECT_CLASS (cz_pdf_page_view_parent_class)->dispose (object);
}

static void
cz_pdf_page_view_class_init (CzPdfPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_pdf_page_view_dispose;
  object_class->get_property = cz_pdf_page_view_get_property;
  object_class->set_property = cz_pdf_page_view_set_property;
  widget_class->measure = cz_pdf_page_view_measure;
  widget_class->snapshot = cz_pdf_page_view_snapshot;

  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL, GDK_TYPE_TEXTURE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pdfpage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cz_pdf_page_view_init (CzPdfPageView *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
cz_pdf_page_view_new (void)
{
  return g_object_new (CZ_TYPE_PDF_PAGE_VIEW, NULL);
}

void
cz_pdf_page_view_set_texture (CzPdfPageView *self,
                              GdkTexture    *texture)
{
  g_return_if_fail (CZ_IS_PDF_PAGE_VIEW (self));

  if (g_set_object (&self->texture, texture))
    {
      g_clear_pointer (&self->surface, cairo_surface_destroy);
      if (texture != NULL)
        {
          self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                      gdk_texture_get_width (texture),
                                                      gdk_texture_get_height (texture));
          gdk_texture_download (texture, cairo_image_surface_get_data (self->surface),
                                (gsize) cairo_image_surface_get_stride (self->surface));
          cairo_surface_mark_dirty (self->surface);
        }
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
    }
}

GdkTexture *
cz_pdf_page_view_get_texture (CzPdfPageView *self)
{
  g_return_val_if_fail (CZ_IS_PDF_PAGE_VIEW (self), NULL);
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
