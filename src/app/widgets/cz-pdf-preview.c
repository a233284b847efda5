/* cz-pdf-preview.c — a PDF page fit to width, navigation, zoom, thumbnails
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "cz-evidence.h"
#include "cz-pdf-page-view.h"
#include "cz-pdf-preview.h"

#define THUMBNAIL_WIDTH 96
#define PAGE_MARGIN     12
#define ZOOM_STEP       1.25
#define ZOOM_MIN        0.1
#define ZOOM_MAX        8.0
/* CSS pixels per PDF point at 100 %: an inch is 72 points and 96 pixels. */
#define PIXELS_PER_POINT (96.0 / 72.0)

struct _CzPdfPreview
{
  GtkWidget           parent_instance;

  GtkWidget          *stack;
  GtkWidget          *status_page;
  GtkWidget          *thumbnail_scroller;
  GtkListView        *thumbnail_view;
  GtkSingleSelection *selection;
  GtkStringList      *pages_model;
  GtkWidget          *page_scroller;
  CzPdfPageView      *page_view;
  GtkWidget          *page_label;
  GtkWidget          *zoom_label;

  GFile              *file;
  CzPageRenderer     *renderer;
  GCancellable       *load_cancellable;
  GCancellable       *page_cancellable;
  char               *error;

  guint               page;
  guint               n_pages;
  CzPdfZoomMode       zoom_mode;
  double              zoom;
  int                 shown_width;   /* pixel width of the page texture shown */
  guint               requested_page;   /* of the render in flight (page_cancellable) */
  int                 requested_width;
  guint               render_idle;
  guint               visibility_idle;
  GHashTable         *bound_items;   /* GtkListItem → ThumbnailState */
  guint               n_thumbnails_shown;
  gboolean            syncing_selection;
  gboolean            thumbnails_pending;  /* the strip fills once the first page is shown */
  guint               fill_tick;
  gint64              fill_after_frame;
  guint               generation;  /* of the document: a row's picture from another is stale */
};

enum
{
  PROP_0,
  PROP_FILE,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_ZOOM_MODE,
  PROP_ZOOM,
  PROP_PAGE_TEXTURE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CzPdfPreview, cz_pdf_preview, GTK_TYPE_WIDGET)

static void
update_actions (CzPdfPreview *self)
{
  gboolean loaded = self->n_pages > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", loaded && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page", loaded && self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in", loaded && self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", loaded && self->zoom > ZOOM_MIN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.fit-width", loaded && self->zoom_mode != CZ_PDF_ZOOM_FIT_WIDTH);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.fit-page", loaded && self->zoom_mode != CZ_PDF_ZOOM_FIT_PAGE);
}

static void
update_labels (CzPdfPreview *self)
{
  g_autofree char *page = NULL;
  g_autofree char *zoom = NULL;

  if (self->n_pages > 0)
    /* Translators: page 2 of 14 */
    page = g_strdup_printf (_("%u / %u"), self->page + 1, self->n_pages);
  else
    page = g_strdup ("");
  gtk_label_set_text (GTK_LABEL (self->page_label), page);

  zoom = g_strdup_printf ("%.0f%%", self->zoom * 100);
  gtk_label_set_text (GTK_LABEL (self->zoom_label), self->n_pages > 0 ? zoom : "");

  {
    /* Translators: the accessible name of the page shown, e.g. Page 2 of 14 */
    g_autofree char *name = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_view),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
}

/* The zoom the mode asks for, from the viewport's size. */
static double
compute_zoom (CzPdfPreview *self,
              double        page_width,
              double        page_height)
{
  int viewport_width = gtk_widget_get_width (self->page_scroller) - 2 * PAGE_MARGIN;
  int viewport_height = gtk_widget_get_height (self->page_scroller) - 2 * PAGE_MARGIN;
  double fit_width, fit_height;

  if (viewport_width <= 0 || viewport_height <= 0)
    {
      /* Not laid out yet: a reasonable first guess, corrected after allocation. */
      viewport_width = 600;
      viewport_height = 800;
    }
  fit_width = viewport_width / (page_width * PIXELS_PER_POINT);
  fit_height = viewport_height / (page_height * PIXELS_PER_POINT);

  switch (self->zoom_mode)
    {
    case CZ_PDF_ZOOM_FIT_WIDTH:
      return CLAMP (fit_width, ZOOM_MIN, ZOOM_MAX);
    case CZ_PDF_ZOOM_FIT_PAGE:
      return CLAMP (MIN (fit_width, fit_height), ZOOM_MIN, ZOOM_MAX);
    case CZ_PDF_ZOOM_FREE:
    default:
      return self->zoom;
    }
}

static void queue_fill_thumbnails (CzPdfPreview *self);

static void
set_shown_page (CzPdfPreview   *self,
                CzRenderedPage *page)
{
  if (cz_pdf_page_view_get_page (self->page_view) == page)
    return;
  cz_pdf_page_view_set_page (self->page_view, page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_TEXTURE]);
  /* The page first, then the strip: building rows must not delay it. */
  if (page != NULL && self->thumbnails_pending)
    queue_fill_thumbnails (self);
}

static int layout_page (CzPdfPreview *self);
static void queue_render_page (CzPdfPreview *self);

static void
on_page_rendered (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CzPdfPreview) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRenderedPage) page = cz_page_renderer_render_finish (CZ_PAGE_RENDERER (source), result, &error);

  if (page == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      (CzPageRenderer *) source == self->renderer && self->n_pages > 0)
    {
      /* What on_loaded() held back, even without the page. */
      update_labels (self);
      update_actions (self);
    }
  if (page == NULL || (CzPageRenderer *) source != self->renderer ||
      cz_rendered_page_get_index (page) != self->page)
    return;

  self->shown_width = cz_rendered_page_get_width (page);
  if (self->n_pages == 0)
    {
      /* Rendered ahead of loading (see cz_pdf_preview_set_file()). */
      int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

      cz_pdf_page_view_set_content_size (self->page_view, cz_rendered_page_get_width (page) / scale,
                                         cz_rendered_page_get_height (page) / scale);
    }
  /* With the page: its size, the count, zoom and actions that on_loaded()
   * held back while it rendered. */
  else if (layout_page (self) != self->shown_width)
    queue_render_page (self);  /* the viewport changed meanwhile */
  set_shown_page (self, page);
}

/* Sizes the page for the zoom, and shows the count, zoom and actions. The
 * pixel width to render the page at, or 0 when there is no page. */
static int
layout_page (CzPdfPreview *self)
{
  double page_width, page_height, zoom;
  int width, height;

  if (self->renderer == NULL || self->n_pages == 0 ||
      !cz_page_renderer_get_page_size (self->renderer, self->page, &page_width, &page_height))
    return 0;

  zoom = compute_zoom (self, page_width, page_height);
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  width = (int) (page_width * PIXELS_PER_POINT * zoom + 0.5);
  height = (int) (page_height * PIXELS_PER_POINT * zoom + 0.5);
  cz_pdf_page_view_set_content_size (self->page_view, width, height);
  update_labels (self);
  update_actions (self);
  return MIN (width * gtk_widget_get_scale_factor (GTK_WIDGET (self)), CZ_PAGE_RENDERER_MAX_SIDE);
}

static void
render_page (CzPdfPreview *self)
{
  g_autoptr(CzRenderedPage) cached = NULL;
  int pixel_width = layout_page (self);

  if (pixel_width == 0)
    return;
  if (pixel_width == self->shown_width && cz_pdf_page_view_get_page (self->page_view) != NULL)
    return;
  if (self->page_cancellable != NULL && !g_cancellable_is_cancelled (self->page_cancellable) &&
      self->requested_page == self->page && self->requested_width == pixel_width)
    return;  /* on its way */

  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);

  cached = cz_page_renderer_lookup (self->renderer, self->page, pixel_width);
  if (cached != NULL)
    {
      self->shown_width = pixel_width;
      set_shown_page (self, cached);
      return;
    }

  self->page_cancellable = g_cancellable_new ();
  self->requested_page = self->page;
  self->requested_width = pixel_width;
  cz_page_renderer_render_async (self->renderer, self->page, pixel_width, CZ_RENDER_PRIORITY_PAGE,
                                 self->page_cancellable, on_page_rendered, g_object_ref (self));
}

static gboolean
render_page_idle (gpointer user_data)
{
  CzPdfPreview *self = user_data;

  self->render_idle = 0;
  render_page (self);
  return G_SOURCE_REMOVE;
}

static void
queue_render_page (CzPdfPreview *self)
{
  if (self->render_idle == 0)
    self->render_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, render_page_idle, self, NULL);
}

/* Thumbnails render only while their row is on screen (GtkListView in GTK 4.8
 * keeps up to 200 rows bound, most of them far out of sight), and a render
 * that has not started is cancelled when its row scrolls away or is unbound. */

typedef struct
{
  GtkListItem  *item;
  GCancellable *cancellable;  /* of the request in flight, or NULL */
  gboolean      shown;
} ThumbnailState;

static void
thumbnail_state_free (ThumbnailState *state)
{
  if (state->cancellable != NULL)
    g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  g_free (state);
}

typedef struct
{
  CzPdfPreview *preview;
  GtkListItem  *item;
  GCancellable *cancellable;
} ThumbnailRequest;

static CzPdfPageView *
thumbnail_page_view (GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  return CZ_PDF_PAGE_VIEW (gtk_widget_get_first_child (box));
}

static int
thumbnail_height (CzPdfPreview *self,
                  guint         position)
{
  double page_width = 595, page_height = 842;

  if (self->renderer != NULL)
    cz_page_renderer_get_page_size (self->renderer, position, &page_width, &page_height);
  return MIN ((int) (THUMBNAIL_WIDTH * page_height / page_width + 0.5), 4 * THUMBNAIL_WIDTH);
}

static void
show_thumbnail (CzPdfPreview   *self,
                ThumbnailState *state,
                CzRenderedPage *page)
{
  CzPdfPageView *view = thumbnail_page_view (state->item);

  /* A page of another size than the first is known only once rendered; the
   * same rounding as in bind, so that a row never changes height for nothing
   * (a resize makes GtkListView rebind its rows). */
  cz_pdf_page_view_set_content_size (view, THUMBNAIL_WIDTH,
                                     thumbnail_height (self, cz_rendered_page_get_index (page)));
  cz_pdf_page_view_set_page (view, page);
  g_object_set_data (G_OBJECT (view), "cz-page", GUINT_TO_POINTER (cz_rendered_page_get_index (page) + 1));
  g_object_set_data (G_OBJECT (view), "cz-generation", GUINT_TO_POINTER (self->generation));
  state->shown = TRUE;
  self->n_thumbnails_shown++;
}

static void
on_thumbnail_rendered (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ThumbnailRequest *request = user_data;
  CzPdfPreview *self = request->preview;
  g_autoptr(CzRenderedPage) page = cz_page_renderer_render_finish (CZ_PAGE_RENDERER (source), result, NULL);
  ThumbnailState *state = self->bound_items != NULL ? g_hash_table_lookup (self->bound_items, request->item) : NULL;

  if (state != NULL && state->cancellable == request->cancellable)
    {
      g_clear_object (&state->cancellable);
      if (page != NULL && (CzPageRenderer *) source == self->renderer &&
          cz_rendered_page_get_index (page) == gtk_list_item_get_position (state->item))
        show_thumbnail (self, state, page);
    }

  g_object_unref (request->preview);
  g_object_unref (request->item);
  g_object_unref (request->cancellable);
  g_free (request);
}

static int
thumbnail_pixel_width (CzPdfPreview *self)
{
  return THUMBNAIL_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
request_thumbnail (CzPdfPreview   *self,
                   ThumbnailState *state)
{
  ThumbnailRequest *request;

  state->cancellable = g_cancellable_new ();
  request = g_new0 (ThumbnailRequest, 1);
  request->preview = g_object_ref (self);
  request->item = g_object_ref (state->item);
  request->cancellable = g_object_ref (state->cancellable);
  cz_page_renderer_render_async (self->renderer, gtk_list_item_get_position (state->item),
                                 thumbnail_pixel_width (self), CZ_RENDER_PRIORITY_THUMBNAIL,
                                 state->cancellable, on_thumbnail_rendered, request);
}

static gboolean
is_on_screen (CzPdfPreview *self,
              GtkWidget    *child)
{
  int height = gtk_widget_get_height (self->thumbnail_scroller);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (child) ||
      !gtk_widget_compute_bounds (child, self->thumbnail_scroller, &bounds))
    return FALSE;
  /* Half a screen ahead either way, so a slow scroll finds them ready. */
  return bounds.origin.y + bounds.size.height >= -height / 2.0 &&
         bounds.origin.y <= height * 1.5;
}

static gboolean
update_thumbnails (gpointer user_data)
{
  CzPdfPreview *self = user_data;
  GHashTableIter iter;
  ThumbnailState *state;

  self->visibility_idle = 0;
  if (self->renderer == NULL)
    return G_SOURCE_REMOVE;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &state))
    {
      gboolean visible = is_on_screen (self, gtk_list_item_get_child (state->item));

      if (visible && !state->shown && state->cancellable == NULL)
        request_thumbnail (self, state);
      else if (!visible && state->cancellable != NULL)
        {
          g_cancellable_cancel (state->cancellable);
          g_clear_object (&state->cancellable);
        }
    }
  return G_SOURCE_REMOVE;
}

/* After layout, when rows have their places. */
static void
queue_update_thumbnails (CzPdfPreview *self)
{
  if (self->visibility_idle == 0)
    self->visibility_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_thumbnails, self, NULL);
}

static void
setup_thumbnail (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CzPdfPreview             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *view = cz_pdf_page_view_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (view, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_thumbnail (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CzPdfPreview             *self)
{
  guint position = gtk_list_item_get_position (item);
  CzPdfPageView *view = thumbnail_page_view (item);
  GtkWidget *label = gtk_widget_get_last_child (gtk_list_item_get_child (item));
  g_autoptr(CzRenderedPage) cached = NULL;
  g_autofree char *number = g_strdup_printf ("%u", position + 1);
  ThumbnailState *state;

  gtk_label_set_text (GTK_LABEL (label), number);
  cz_pdf_page_view_set_content_size (view, THUMBNAIL_WIDTH, thumbnail_height (self, position));

  state = g_new0 (ThumbnailState, 1);
  state->item = item;
  g_hash_table_replace (self->bound_items, item, state);

  /* GTK 4.8 often binds a row again to the page it already shows. */
  if (cz_pdf_page_view_get_page (view) != NULL &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view), "cz-page")) == position + 1 &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view), "cz-generation")) == self->generation)
    {
      state->shown = TRUE;
      return;
    }
  cz_pdf_page_view_set_page (view, NULL);
  g_object_set_data (G_OBJECT (view), "cz-page", NULL);

  if (self->renderer != NULL)
    cached = cz_page_renderer_lookup (self->renderer, position, thumbnail_pixel_width (self));
  if (cached != NULL)
    show_thumbnail (self, state, cached);
  else
    queue_update_thumbnails (self);
}

static void
unbind_thumbnail (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  CzPdfPreview             *self)
{
  /* Frees the state, which cancels a render that has not started. The
   * picture stays: bind checks whether it is still the right one. */
  g_hash_table_remove (self->bound_items, item);
}

static void
on_thumbnails_scrolled (CzPdfPreview *self)
{
  queue_update_thumbnails (self);
}

static void
on_selection_changed (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      CzPdfPreview       *self)
{
  guint selected = gtk_single_selection_get_selected (selection);

  if (!self->syncing_selection && selected != GTK_INVALID_LIST_POSITION)
    cz_pdf_preview_set_page (self, selected);
}

/* Loading */

static void
set_error (CzPdfPreview *self,
           const char   *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CzPdfPreview) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cz_page_renderer_load_finish (CZ_PAGE_RENDERER (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          (CzPageRenderer *) source != self->renderer)
        return;
      if (g_error_matches (error, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_ENCRYPTED))
        set_error (self, _("This PDF is protected with a password. Remove the password and attach it again."));
      else
        set_error (self, _("This file is damaged or is not a PDF. Save or scan it again as a PDF and attach it again."));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status_page), self->error);
      gtk_stack_set_visible_child (GTK_STACK (self->stack), self->status_page);
      return;
    }
  if ((CzPageRenderer *) source != self->renderer)
    return;

  self->n_pages = cz_page_renderer_get_n_pages (self->renderer);
  self->page = 0;
  self->thumbnails_pending = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  /* The first page is rendering right behind loading (see
   * cz_pdf_preview_set_file()). Showing the page count and enabling buttons
   * now would draw a frame while it renders and keep the UI thread busy when
   * it arrives: all of it is shown with the page. */
  if (self->page_cancellable != NULL && !g_cancellable_is_cancelled (self->page_cancellable) &&
      self->requested_page == 0 && cz_pdf_page_view_get_page (self->page_view) == NULL)
    return;
  render_page (self);
}

static void
fill_thumbnails (CzPdfPreview *self)
{
  g_autoptr(GPtrArray) numbers = NULL;

  self->thumbnails_pending = FALSE;
  if (self->fill_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick);
  self->fill_tick = 0;
  numbers = g_ptr_array_new_full (self->n_pages + 1, g_free);
  for (guint i = 0; i < self->n_pages; i++)
    g_ptr_array_add (numbers, g_strdup_printf ("%u", i + 1));
  g_ptr_array_add (numbers, NULL);

  self->syncing_selection = TRUE;
  gtk_string_list_splice (self->pages_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->pages_model)),
                          (const char * const *) numbers->pdata);
  gtk_single_selection_set_selected (self->selection, self->n_pages > 0 ? self->page : GTK_INVALID_LIST_POSITION);
  self->syncing_selection = FALSE;
}

static gboolean
fill_thumbnails_tick (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  CzPdfPreview *self = CZ_PDF_PREVIEW (widget);

  /* The frame that paints the first page has this tick too: wait for the next. */
  if (gdk_frame_clock_get_frame_counter (clock) <= self->fill_after_frame + 1)
    return G_SOURCE_CONTINUE;
  self->fill_tick = 0;
  fill_thumbnails (self);
  return G_SOURCE_REMOVE;
}

/* Building a few hundred rows takes longer than a frame: the strip fills in
 * the frame after the one that shows the first page. */
static void
queue_fill_thumbnails (CzPdfPreview *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      fill_thumbnails (self);
      return;
    }
  if (self->fill_tick != 0)
    return;
  self->fill_after_frame = gdk_frame_clock_get_frame_counter (clock);
  self->fill_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_thumbnails_tick, NULL, NULL);
}

static void
reset (CzPdfPreview *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  g_clear_handle_id (&self->render_idle, g_source_remove);
  g_clear_handle_id (&self->visibility_idle, g_source_remove);
  if (self->fill_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick);
  self->fill_tick = 0;

  self->syncing_selection = TRUE;
  gtk_string_list_splice (self->pages_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->pages_model)), NULL);
  self->syncing_selection = FALSE;

  g_clear_object (&self->renderer);
  self->n_pages = 0;
  self->page = 0;
  self->shown_width = 0;
  self->thumbnails_pending = FALSE;
  self->generation++;
  set_shown_page (self, NULL);
  set_error (self, NULL);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), gtk_stack_get_child_by_name (GTK_STACK (self->stack), "document"));
}

/* Actions */

static void
change_page (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CzPdfPreview *self = CZ_PDF_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.next-page") && self->page + 1 < self->n_pages)
    cz_pdf_preview_set_page (self, self->page + 1);
  else if (g_str_equal (action_name, "preview.previous-page") && self->page > 0)
    cz_pdf_preview_set_page (self, self->page - 1);
}

static void
change_zoom (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CzPdfPreview *self = CZ_PDF_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.zoom-in"))
    cz_pdf_preview_set_zoom (self, self->zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "preview.zoom-out"))
    cz_pdf_preview_set_zoom (self, self->zoom / ZOOM_STEP);
  else if (g_str_equal (action_name, "preview.fit-width"))
    cz_pdf_preview_set_zoom_mode (self, CZ_PDF_ZOOM_FIT_WIDTH);
  else if (g_str_equal (action_name, "preview.fit-page"))
    cz_pdf_preview_set_zoom_mode (self, CZ_PDF_ZOOM_FIT_PAGE);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CzPdfPreview             *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || self->n_pages == 0 || dy == 0)
    return FALSE;
  cz_pdf_preview_set_zoom (self, dy < 0 ? self->zoom * ZOOM_STEP : self->zoom / ZOOM_STEP);
  return TRUE;
}

static void
on_viewport_resized (GtkAdjustment *adjustment,
                     GParamSpec    *pspec,
                     CzPdfPreview  *self)
{
  if (self->zoom_mode != CZ_PDF_ZOOM_FREE)
    queue_render_page (self);
}

/* GObject */

static void
cz_pdf_preview_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CzPdfPreview *self = CZ_PDF_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    case PROP_ZOOM_MODE:
      g_value_set_uint (value, self->zoom_mode);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_PAGE_TEXTURE:
      g_value_set_object (value, cz_pdf_preview_get_page_texture (self));
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_pdf_preview_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CzPdfPreview *self = CZ_PDF_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_FILE:
      cz_pdf_preview_set_file (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      cz_pdf_preview_set_page (self, g_value_get_uint (value));
      break;
    case PROP_ZOOM_MODE:
      cz_pdf_preview_set_zoom_mode (self, g_value_get_uint (value));
      break;
    case PROP_ZOOM:
      cz_pdf_preview_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_pdf_preview_dispose (GObject *object)
{
  CzPdfPreview *self = CZ_PDF_PREVIEW (object);
  GtkWidget *child;

  reset (self);
  g_clear_object (&self->file);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_handle_id (&self->visibility_idle, g_source_remove);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  G_OBJECT_CLASS (cz_pdf_preview_parent_class)->dispose (object);
}

static void
cz_pdf_preview_finalize (GObject *object)
{
  CzPdfPreview *self = CZ_PDF_PREVIEW (object);

  g_free (self->error);
  G_OBJECT_CLASS (cz_pdf_preview_parent_class)->finalize (object);
}

static void
cz_pdf_preview_class_init (CzPdfPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cz_pdf_preview_get_property;
  object_class->set_property = cz_pdf_preview_set_property;
  object_class->dispose = cz_pdf_preview_dispose;
  object_class->finalize = cz_pdf_preview_finalize;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM_MODE] =
    g_param_spec_uint ("zoom-mode", NULL, NULL, CZ_PDF_ZOOM_FIT_WIDTH, CZ_PDF_ZOOM_FREE, CZ_PDF_ZOOM_FIT_WIDTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE_TEXTURE] =
    g_param_spec_object ("page-texture", NULL, NULL, GDK_TYPE_TEXTURE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, change_page);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, change_page);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, change_zoom);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, change_zoom);
  gtk_widget_class_install_action (widget_class, "preview.fit-width", NULL, change_zoom);
  gtk_widget_class_install_action (widget_class, "preview.fit-page", NULL, change_zoom);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.fit-width", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pdfpreview");
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *action_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
cz_pdf_preview_init (CzPdfPreview *self)
{
  GtkWidget *paned = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *main_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *scroll;

  self->zoom_mode = CZ_PDF_ZOOM_FIT_WIDTH;
  self->zoom = 1.0;
  self->bound_items = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) thumbnail_state_free);

  /* Thumbnails */
  self->pages_model = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->pages_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self, 0);
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_thumbnail), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_thumbnail), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_thumbnail), self, 0);
  self->thumbnail_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->thumbnail_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->thumbnail_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages"), -1);
  self->thumbnail_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->thumbnail_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (self->thumbnail_scroller, THUMBNAIL_WIDTH + 40, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->thumbnail_scroller), GTK_WIDGET (self->thumbnail_view));
  {
    GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->thumbnail_scroller));

    g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (on_thumbnails_scrolled), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (vadjustment, "changed", G_CALLBACK (on_thumbnails_scrolled), self, G_CONNECT_SWAPPED);
  }

  /* Toolbar */
  self->page_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->page_label, "numeric");
  self->zoom_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->zoom_label, "numeric");
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_widget_set_margin_start (toolbar, 6);
  gtk_widget_set_margin_end (toolbar, 6);
  gtk_widget_set_margin_top (toolbar, 6);
  gtk_widget_set_margin_bottom (toolbar, 6);
  gtk_box_append (GTK_BOX (toolbar), icon_button ("go-up-symbolic", "preview.previous-page", _("Previous Page")));
  gtk_box_append (GTK_BOX (toolbar), self->page_label);
  gtk_box_append (GTK_BOX (toolbar), icon_button ("go-down-symbolic", "preview.next-page", _("Next Page")));
  gtk_box_append (GTK_BOX (toolbar), spacer);
  gtk_box_append (GTK_BOX (toolbar), icon_button ("zoom-out-symbolic", "preview.zoom-out", _("Zoom Out")));
  gtk_box_append (GTK_BOX (toolbar), self->zoom_label);
  gtk_box_append (GTK_BOX (toolbar), icon_button ("zoom-in-symbolic", "preview.zoom-in", _("Zoom In")));
  gtk_box_append (GTK_BOX (toolbar), icon_button ("zoom-fit-best-symbolic", "preview.fit-page", _("Fit Page")));
  gtk_box_append (GTK_BOX (toolbar), icon_button ("view-paged-symbolic", "preview.fit-width", _("Fit Width")));

  /* The page */
  self->page_view = CZ_PDF_PAGE_VIEW (cz_pdf_page_view_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->page_view), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->page_view), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (self->page_view), PAGE_MARGIN);
  gtk_widget_set_margin_end (GTK_WIDGET (self->page_view), PAGE_MARGIN);
  gtk_widget_set_margin_top (GTK_WIDGET (self->page_view), PAGE_MARGIN);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->page_view), PAGE_MARGIN);
  self->page_scroller = gtk_scrolled_window_new ();
  gtk_widget_set_hexpand (self->page_scroller, TRUE);
  gtk_widget_set_vexpand (self->page_scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->page_scroller), GTK_WIDGET (self->page_view));
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->page_scroller)),
                           "notify::page-size", G_CALLBACK (on_viewport_resized), self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->page_scroller)),
                           "notify::page-size", G_CALLBACK (on_viewport_resized), self, 0);
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_scroll), self, 0);
  gtk_widget_add_controller (self->page_scroller, scroll);

  gtk_box_append (GTK_BOX (main_box), toolbar);
  gtk_box_append (GTK_BOX (main_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (main_box), self->page_scroller);
  gtk_box_append (GTK_BOX (paned), self->thumbnail_scroller);
  gtk_box_append (GTK_BOX (paned), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (paned), main_box);

  self->status_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status_page), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->status_page), _("Cannot Show This File"));

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), paned, "document");
  gtk_stack_add_named (GTK_STACK (self->stack), self->status_page, "error");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  update_labels (self);
  update_actions (self);
}

GtkWidget *
cz_pdf_preview_new (void)
{
  return g_object_new (CZ_TYPE_PDF_PREVIEW, NULL);
}

void
cz_pdf_preview_set_file (CzPdfPreview *self,
                         GFile        *file)
{
  g_return_if_fail (CZ_IS_PDF_PREVIEW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  reset (self);
  g_set_object (&self->file, file);
  if (file != NULL)
    {
      int viewport_width = gtk_widget_get_width (self->page_scroller) - 2 * PAGE_MARGIN;

      self->renderer = cz_page_renderer_new (file, 0);
      self->load_cancellable = g_cancellable_new ();
      cz_page_renderer_load_async (self->renderer, self->load_cancellable, on_loaded, g_object_ref (self));
      /* Fitting the width needs no page size: ask for the first page now,
       * on the worker right behind loading, rather than after a round trip. */
      if (self->zoom_mode == CZ_PDF_ZOOM_FIT_WIDTH && viewport_width > 0)
        {
          int pixel_width = MIN (viewport_width * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                 CZ_PAGE_RENDERER_MAX_SIDE);

          self->page_cancellable = g_cancellable_new ();
          self->requested_page = 0;
          self->requested_width = pixel_width;
          cz_page_renderer_render_async (self->renderer, 0, pixel_width, CZ_RENDER_PRIORITY_PAGE,
                                         self->page_cancellable, on_page_rendered, g_object_ref (self));
        }
    }
  update_labels (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

GFile *
cz_pdf_preview_get_file (CzPdfPreview *self)
{
  g_return_val_if_fail (CZ_IS_PDF_PREVIEW (self), NULL);
  return self->file;
}

guint
cz_pdf_preview_get_page (CzPdfPreview *self)
{
  g_return_val_if_fail (CZ_IS_PDF_PREVIEW (self), 0);
  return self->page;
}

void
cz_pdf_preview_set_page (CzPdfPreview *self,
                         guint         page)
{
  g_return_if_fail (CZ_IS_PDF_PREVIEW (self));

  if (self->n_pages == 0)
    return;
  page = MIN (page, self->n_pages - 1);
  if (page == self->page)
    return;

  self->page = page;
  self->shown_width = 0;
  if (page < g_list_model_get_n_items (G_LIST_MODEL (self->pages_model)))
    {
      self->syncing_selection = TRUE;
      gtk_single_selection_set_selected (self->selection, page);
      self->syncing_selection = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self->thumbnail_view), "list.scroll-to-item", "u", page);
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->page_scroller)), 0);
  /* The old page stays until the new one is ready, rather than a blank flash. */
  render_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

guint
cz_pdf_preview_get_n_pages (CzPdfPreview *self)
{
  g_return_val_if_fail (CZ_IS_PDF_PREVIEW (self), 0);
  return self->n_pages;
}

CzPdfZoomMode
cz_pdf_preview_get_zoom_mode (CzPdfPreview *self)
{
  g_return_val_if_fail (CZ_IS_PDF_PREVIEW (self), CZ_PDF_ZOOM_FIT_WIDTH);
  return self->zoom_mode;
}

void
cz_pdf_preview_set_zoom_mode (CzPdfPreview  *self,
                              CzPdfZoomMode  mode)
{
  g_return_if_fail (CZ_IS_PDF_PREVIEW (self));

  if (self->zoom_mode == mode)
    return;
  self->zoom_mode = mode;
  render_page (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
}

double
cz_pdf_preview_get_zoom (CzPdfPreview *self)
{
  g_return_val_if_fail (CZ_IS_PDF_PREVIEW (self), 1.0);
  return self->zoom;
}

void
cz_pdf_preview_set_zoom (CzPdfPreview *self,
                         double        zoom)
{
  g_return_if_fail (CZ_IS_PDF_PREVIEW (self));

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (self->zoom_mode != CZ_PDF_ZOOM_FREE)
    {
      self->zoom_mode = CZ_PDF_ZOOM_FREE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
    }
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  render_page (self);
  update_actions (self);
}

GdkTexture *
cz_pdf_preview_get_page_texture (CzPdfPreview *self)
{
  g_return_val_if_fail (CZ_IS_PDF_PREVIEW (self), NULL);
  return cz_pdf_page_view_get_texture (self->page_view);
}

const char *
cz_pdf_preview_get_error (CzPdfPreview *self)
{
  g_return_val_if_fail (CZ_IS_PDF_PREVIEW (self), NULL);
  return self->error;
}

GtkListView *
cz_pdf_preview_get_thumbnail_view (CzPdfPreview *self)
{
  g_return_val_if_fail (CZ_IS_PDF_PREVIEW (self), NULL);
  return self->thumbnail_view;
}

CzPageRenderer *
cz_pdf_preview_get_renderer (CzPdfPreview *self)
{
  g_return_val_if_fail (CZ_IS_PDF_PREVIEW (self), NULL);
  return self->renderer;
}

guint
cz_pdf_preview_get_n_thumbnails_shown (CzPdfPreview *self)
{
  g_return_val_if_fail (CZ_IS_PDF_PREVIEW (self), 0);
  return self->n_thumbnails_shown;
}
