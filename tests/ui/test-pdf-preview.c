/* test-pdf-preview.c — the PDF preview: first page, navigation, zoom,
 * thumbnails, and what it shows for a file it cannot open
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cz-pdf-page-view.h"
#include "cz-pdf-preview.h"
#include "cz-ui-test-utils.h"
#include "cz-test-pdf.h"

typedef struct
{
  char         *dir;
  GtkWindow    *window;
  CzPdfPreview *preview;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("test-pdf-preview-XXXXXX", NULL);
  fixture->preview = CZ_PDF_PREVIEW (cz_pdf_preview_new ());
  fixture->window = cz_test_window_new (GTK_WIDGET (fixture->preview));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GDir *dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (fixture->window);
  cz_test_flush_main_loop ();
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_dir_close (dir);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
show_pdf (Fixture    *fixture,
          const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  cz_pdf_preview_set_file (fixture->preview, file);
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
button_enabled (Fixture    *fixture,
                const char *action)
{
  GtkWidget *button = cz_test_find_widget (GTK_WIDGET (fixture->preview), GTK_TYPE_BUTTON, has_action, action);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static gboolean
has_text (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
shows_label (Fixture    *fixture,
             const char *text)
{
  return cz_test_find_widget (GTK_WIDGET (fixture->preview), GTK_TYPE_LABEL, has_text, text) != NULL;
}

/* The colour of the texture's pixel at (x, y) as 0xRRGGBB. */
static guint32
texture_pixel (GdkTexture *texture,
               int         x,
               int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  return pixels[y * width + x] & 0xffffff;
}

static void
test_pages_and_zoom (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "plan.pdf", NULL);
  GdkTexture *first, *second, *zoomed;
  double fit_width_zoom;
  int width;

  cz_test_write_pdf (path, 3, "Plan", "page text");
  show_pdf (fixture, path);

  /* The first page arrives, fit to width. */
  cz_test_spin_until (cz_pdf_preview_get_page_texture (fixture->preview) != NULL);
  g_assert_cmpuint (cz_pdf_preview_get_n_pages (fixture->preview), ==, 3);
  g_assert_cmpuint (cz_pdf_preview_get_page (fixture->preview), ==, 0);
  g_assert_cmpint (cz_pdf_preview_get_zoom_mode (fixture->preview), ==, CZ_PDF_ZOOM_FIT_WIDTH);
  g_assert_true (shows_label (fixture, "1 / 3"));
  g_assert_false (button_enabled (fixture, "preview.previous-page"));
  g_assert_true (button_enabled (fixture, "preview.next-page"));
  g_assert_false (button_enabled (fixture, "preview.fit-width"));
  /* Fit to width: once laid out, the page is about as wide as the page area. */
  cz_test_spin_until (gdk_texture_get_width (cz_pdf_preview_get_page_texture (fixture->preview)) > 600);
  first = g_object_ref (cz_pdf_preview_get_page_texture (fixture->preview));
  fit_width_zoom = cz_pdf_preview_get_zoom (fixture->preview);
  /* White paper in the corner, the blue box near the top left. */
  g_assert_cmphex (texture_pixel (first, 2, 2), ==, 0xffffff);
  g_assert_cmphex (texture_pixel (first, gdk_texture_get_width (first) * 60 / 595,
                                  gdk_texture_get_width (first) * 60 / 595), !=, 0xffffff);

  /* Next page: a new texture, and the strip follows. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.next-page", NULL);
  g_assert_cmpuint (cz_pdf_preview_get_page (fixture->preview), ==, 1);
  cz_test_spin_until (cz_pdf_preview_get_page_texture (fixture->preview) != first);
  second = cz_pdf_preview_get_page_texture (fixture->preview);
  g_assert_nonnull (second);
  g_assert_true (shows_label (fixture, "2 / 3"));
  g_assert_true (button_enabled (fixture, "preview.previous-page"));
  /* The strip fills a frame after the first page (825f357): it may not be
   * there yet, but once it is, the page shown is the one selected. */
  cz_test_spin_until (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (cz_pdf_preview_get_thumbnail_view (fixture->preview)))) == 1);

  gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.next-page", NULL);
  g_assert_cmpuint (cz_pdf_preview_get_page (fixture->preview), ==, 2);
  cz_test_spin_until (button_enabled (fixture, "preview.next-page") == FALSE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.next-page", NULL);
  g_assert_cmpuint (cz_pdf_preview_get_page (fixture->preview), ==, 2);

  /* Zoom in: free zoom, a bigger page. */
  width = gdk_texture_get_width (cz_pdf_preview_get_page_texture (fixture->preview));
  gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.zoom-in", NULL);
  g_assert_cmpint (cz_pdf_preview_get_zoom_mode (fixture->preview), ==, CZ_PDF_ZOOM_FREE);
  g_assert_cmpfloat_with_epsilon (cz_pdf_preview_get_zoom (fixture->preview), fit_width_zoom * 1.25, 0.001);
  cz_test_spin_until (gdk_texture_get_width (cz_pdf_preview_get_page_texture (fixture->preview)) > width);
  zoomed = cz_pdf_preview_get_page_texture (fixture->preview);
  g_assert_cmpint (ABS (gdk_texture_get_width (zoomed) - width * 1.25), <=, 2);
  g_assert_true (button_enabled (fixture, "preview.fit-width"));

  /* Zoom out twice: smaller than fitting the width. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.zoom-out", NULL);
  cz_test_spin_until (gdk_texture_get_width (cz_pdf_preview_get_page_texture (fixture->preview)) < width);

  /* Fit page: a portrait page in a landscape window is smaller than fit-width. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.fit-page", NULL);
  g_assert_cmpint (cz_pdf_preview_get_zoom_mode (fixture->preview), ==, CZ_PDF_ZOOM_FIT_PAGE);
  g_assert_cmpfloat (cz_pdf_preview_get_zoom (fixture->preview), <, fit_width_zoom);
  g_assert_false (button_enabled (fixture, "preview.fit-page"));

  /* Back to fit width: the same zoom as at the start. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.fit-width", NULL);
  g_assert_cmpfloat_with_epsilon (cz_pdf_preview_get_zoom (fixture->preview), fit_width_zoom, 0.001);
  cz_test_spin_until (gdk_texture_get_width (cz_pdf_preview_get_page_texture (fixture->preview)) == width);

  /* Choosing a thumbnail shows its page. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (cz_pdf_preview_get_thumbnail_view (fixture->preview))), 0);
  g_assert_cmpuint (cz_pdf_preview_get_page (fixture->preview), ==, 0);
  g_assert_true (shows_label (fixture, "1 / 3"));

  g_object_unref (first);
}

static void
test_thumbnails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "long.pdf", NULL);
  CzPageRenderer *renderer;

  cz_test_write_pdf (path, 200, NULL, NULL);
  show_pdf (fixture, path);
  cz_test_spin_until (cz_pdf_preview_get_page_texture (fixture->preview) != NULL);
  /* The visible thumbnails render; the 200 pages do not all render. */
  cz_test_spin_until (cz_pdf_preview_get_n_thumbnails_shown (fixture->preview) >= 4);
  cz_test_flush_main_loop ();
  renderer = cz_pdf_preview_get_renderer (fixture->preview);
  g_assert_cmpuint (cz_page_renderer_get_n_rendered (renderer), <, 60);
  g_assert_cmpuint (cz_page_renderer_get_cached_bytes (renderer), <=, CZ_PAGE_RENDERER_DEFAULT_CACHE_BYTES);
}

typedef struct
{
  Fixture *fixture;
  gboolean shown;
  guint    n_rendered;
  guint    n_rows;
  gboolean count_shown;
  gboolean next_enabled;
  gint64   frame;
  gint64   rows_frame;
} FirstPage;

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (cz_pdf_preview_get_thumbnail_view (fixture->preview))));
}

static gint64
frame_counter (Fixture *fixture)
{
  return gdk_frame_clock_get_frame_counter (gtk_widget_get_frame_clock (GTK_WIDGET (fixture->preview)));
}

/* What a person sees at the moment the first page appears. */
static void
on_page_texture (CzPdfPreview *preview,
                 GParamSpec   *pspec,
                 FirstPage    *first)
{
  if (first->shown || cz_pdf_preview_get_page_texture (preview) == NULL)
    return;
  first->shown = TRUE;
  first->n_rendered = cz_page_renderer_get_n_rendered (cz_pdf_preview_get_renderer (preview));
  first->n_rows = n_rows (first->fixture);
  first->count_shown = shows_label (first->fixture, "1 / 300");
  first->next_enabled = button_enabled (first->fixture, "preview.next-page");
  first->frame = frame_counter (first->fixture);
}

static void
on_rows_changed (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 FirstPage  *first)
{
  if (added > 0 && first->rows_frame == 0)
    first->rows_frame = frame_counter (first->fixture);
}

static gboolean
is_page_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return cz_pdf_page_view_get_page (CZ_PDF_PAGE_VIEW (widget)) != NULL;
}

static void
test_first_page_first (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "long.pdf", NULL);
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (cz_pdf_preview_get_thumbnail_view (fixture->preview)));
  FirstPage first = { fixture, };
  GtkWidget *thumbnail;
  CzRenderedPage *page;
  gint64 deadline;
  int width;

  cz_test_write_pdf (path, 300, NULL, NULL);
  /* As when a person picks a file: the preview is on screen already. */
  cz_test_spin_until (gtk_widget_get_width (GTK_WIDGET (fixture->preview)) > 0);
  g_signal_connect (fixture->preview, "notify::page-texture", G_CALLBACK (on_page_texture), &first);
  g_signal_connect (rows, "items-changed", G_CALLBACK (on_rows_changed), &first);
  show_pdf (fixture, path);
  /* Nothing changes on screen before the page is there: a frame drawn
   * meanwhile would hold the page up. */
  deadline = g_get_monotonic_time () + CZ_UI_TEST_TIMEOUT_USEC;
  while (!first.shown)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
      if (!first.shown)
        g_assert_false (shows_label (fixture, "1 / 300"));
    }

  /* The first page comes alone, with its count and buttons: no other page
   * has been rendered or sized for the strip yet. */
  g_assert_cmpuint (first.n_rendered, ==, 1);
  g_assert_cmpuint (first.n_rows, ==, 0);
  g_assert_true (first.count_shown);
  g_assert_true (first.next_enabled);

  /* The strip follows, after a frame has shown the page. */
  cz_test_spin_until (n_rows (fixture) == 300);
  g_assert_cmpint (first.rows_frame, >, first.frame + 1);

  /* Its visible thumbnails render at the size they are shown, pixel for pixel. */
  cz_test_spin_until ((thumbnail = cz_test_find_widget (GTK_WIDGET (cz_pdf_preview_get_thumbnail_view (fixture->preview)),
                                                        CZ_TYPE_PDF_PAGE_VIEW, is_page_view, NULL)) != NULL);
  page = cz_pdf_page_view_get_page (CZ_PDF_PAGE_VIEW (thumbnail));
  cz_pdf_page_view_get_content_size (CZ_PDF_PAGE_VIEW (thumbnail), &width, NULL);
  g_assert_cmpint (cz_rendered_page_get_width (page), ==, width * gtk_widget_get_scale_factor (thumbnail));
  g_assert_cmpint (gtk_widget_get_width (thumbnail), ==, width);
  g_assert_cmpuint (cz_page_renderer_get_n_rendered (cz_pdf_preview_get_renderer (fixture->preview)), <, 60);

  g_signal_handlers_disconnect_by_data (fixture->preview, &first);
  g_signal_handlers_disconnect_by_data (rows, &first);
}

static void
test_chinese (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "统计证明.pdf", NULL);

  cz_test_write_pdf (path, 1, "统计证明", "合作区营业收入统计证明");
  show_pdf (fixture, path);
  cz_test_spin_until (cz_pdf_preview_get_page_texture (fixture->preview) != NULL);
  g_assert_cmpuint (cz_pdf_preview_get_n_pages (fixture->preview), ==, 1);
  g_assert_null (cz_pdf_preview_get_error (fixture->preview));
  g_assert_false (button_enabled (fixture, "preview.next-page"));
}

static void
test_cannot_show (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *good = g_build_filename (fixture->dir, "good.pdf", NULL);
  g_autofree char *damaged = g_build_filename (fixture->dir, "damaged.pdf", NULL);
  g_autofree char *locked = g_build_filename (fixture->dir, "locked.pdf", NULL);

  cz_test_write_pdf (good, 2, NULL, NULL);
  cz_test_truncate_copy (good, damaged, 0.5);
  show_pdf (fixture, damaged);
  cz_test_spin_until (cz_pdf_preview_get_error (fixture->preview) != NULL);
  g_assert_null (cz_pdf_preview_get_page_texture (fixture->preview));
  g_assert_cmpuint (cz_pdf_preview_get_n_pages (fixture->preview), ==, 0);
  g_assert_false (button_enabled (fixture, "preview.next-page"));
  g_assert_false (button_enabled (fixture, "preview.zoom-in"));
  g_assert_true (cz_test_find_widget (GTK_WIDGET (fixture->preview), ADW_TYPE_STATUS_PAGE, NULL, NULL) != NULL);

  /* A good file afterwards shows normally again. */
  show_pdf (fixture, good);
  g_assert_null (cz_pdf_preview_get_error (fixture->preview));
  cz_test_spin_until (cz_pdf_preview_get_page_texture (fixture->preview) != NULL);

  if (!cz_test_encrypt_pdf (good, locked))
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  show_pdf (fixture, locked);
  cz_test_spin_until (cz_pdf_preview_get_error (fixture->preview) != NULL);
  g_assert_nonnull (strstr (cz_pdf_preview_get_error (fixture->preview), "password"));
}

int
main (int   argc,
      char *argv[])
{
  cz_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pdf-preview/pages-and-zoom", test_pages_and_zoom);
  ADD ("/pdf-preview/thumbnails", test_thumbnails);
  ADD ("/pdf-preview/first-page-first", test_first_page_first);
  ADD ("/pdf-preview/chinese", test_chinese);
  ADD ("/pdf-preview/cannot-show", test_cannot_show);
#undef ADD

  return g_test_run ();
}
