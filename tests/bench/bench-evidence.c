/* bench-evidence.c — PDF evidence, beside same-run baselines:
 *
 *  1. from selecting a 500-page PDF and a 50 MB scanned PDF to the first
 *     page's texture in the preview, beside opening the file and calling
 *     poppler_page_render() on that page at the same size directly;
 *  2. the longest UI-thread stall while the 500-page file's thumbnails render
 *     during a scroll through the strip, beside the same scroll through a
 *     strip of plain labels;
 *  3. resident memory with 1 GiB of evidence attached (imported on the
 *     worker, added to a dossier, each file previewed), beside before.
 *
 * Run under a display (build-aux/bench uses Xvfb). Prints figures; asserts
 * nothing about time.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "cz-evidence.h"
#include "cz-pdf-preview.h"
#include "cz-test-pdf.h"
#include "cz-test-utils.h"

static char *workdir;
static double resident_at_start;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
spin_until_texture (CzPdfPreview *preview)
{
  guint timer = g_timeout_add (5, wake, NULL);
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (cz_pdf_preview_get_page_texture (preview) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timer);
  g_assert_nonnull (cz_pdf_preview_get_page_texture (preview));
}

static void
spin_for (double ms)
{
  double end = now_ms () + ms;
  guint timer = g_timeout_add (5, wake, NULL);

  while (now_ms () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timer);
}

static double
direct_render_ms (const char *path,
                  int         width)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  double start = now_ms ();
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, NULL);
  PopplerPage *page = poppler_document_get_page (document, 0);
  double page_width, page_height, scale;
  cairo_surface_t *surface;
  cairo_t *cr;
  double elapsed;

  poppler_page_get_size (page, &page_width, &page_height);
  scale = width / page_width;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, (int) (page_height * scale + 0.999));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  elapsed = now_ms () - start;

  cairo_surface_destroy (surface);
  g_object_unref (page);
  g_object_unref (document);
  return elapsed;
}

/* The first page as poppler draws it, @width pixels wide, in a texture. */
static GdkTexture *
render_texture (const char *path,
                int         width)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, NULL);
  PopplerPage *page = poppler_document_get_page (document, 0);
  g_autoptr(GBytes) bytes = NULL;
  double page_width, page_height, scale;
  cairo_surface_t *surface;
  cairo_t *cr;
  int height;

  poppler_page_get_size (page, &page_width, &page_height);
  scale = width / page_width;
  height = (int) (page_height * scale + 0.999);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height);
  cairo_surface_destroy (surface);
  g_object_unref (page);
  g_object_unref (document);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                 (gsize) cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width));
}

static double
median (double *values,
        guint   n)
{
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && values[j - 1] > values[j]; j--)
      {
        double t = values[j];
        values[j] = values[j - 1];
        values[j - 1] = t;
      }
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
bench_first_page (GtkWindow  *window,
                  const char *label,
                  const char *path,
                  guint       runs)
{
  double preview_ms[8], direct_ms[8];
  int width = 0;

  for (guint run = 0; run < runs; run++)
    {
      CzPdfPreview *preview = CZ_PDF_PREVIEW (cz_pdf_preview_new ());
      g_autoptr(GFile) file = g_file_new_for_path (path);
      double start;

      gtk_window_set_child (window, GTK_WIDGET (preview));
      spin_for (100);  /* laid out, as when a person clicks a file */

      start = now_ms ();
      cz_pdf_preview_set_file (preview, file);
      spin_until_texture (preview);
      preview_ms[run] = now_ms () - start;
      width = gdk_texture_get_width (cz_pdf_preview_get_page_texture (preview));

      gtk_window_set_child (window, NULL);
      spin_for (50);

      direct_ms[run] = direct_render_ms (path, width);
    }

  {
    double preview = median (preview_ms, runs);
    double direct = median (direct_ms, runs);

    g_print ("first page, %-26s %4d px wide: preview %7.1f ms, direct poppler_page_render %7.1f ms, "
             "ratio %.2f× (target ≤ 1.5×; median of %u)\n",
             label, width, preview, direct, preview / direct, runs);
  }
}

/* The longest gap between two dispatches of a 1 ms timer: how long the UI
 * thread was busy at once. */
typedef struct
{
  double  last;
  double  longest;
  GArray *gaps;
} StallMeter;

static gboolean
measure_stall (gpointer user_data)
{
  StallMeter *meter = user_data;
  double now = now_ms ();

  if (meter->last > 0)
    {
      double gap = now - meter->last - 1.0;  /* the timer's own period is not a stall */

      meter->longest = MAX (meter->longest, gap);
      if (gap > 2.0)
        g_array_append_val (meter->gaps, gap);
    }
  meter->last = now;
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  GtkAdjustment *adjustment;
  double         step;
  gboolean       done;
  guint          frames;
} Scroller;

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  Scroller *scroller = user_data;
  double value = gtk_adjustment_get_value (scroller->adjustment);
  double end = gtk_adjustment_get_upper (scroller->adjustment) - gtk_adjustment_get_page_size (scroller->adjustment);

  scroller->frames++;
  if (value >= end - 1)
    {
      scroller->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (scroller->adjustment, MIN (value + scroller->step, end));
  return G_SOURCE_CONTINUE;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
scroll_through (GtkWidget *list_view,
                double     step,
                guint     *frames,
                guint     *over_16,
                double    *p99)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (list_view, GTK_TYPE_SCROLLED_WINDOW);
  Scroller scroller = { gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), step, FALSE, 0 };
  StallMeter meter = { 0, 0, g_array_new (FALSE, FALSE, sizeof (double)) };
  guint timer;

  timer = g_timeout_add_full (G_PRIORITY_HIGH, 1, measure_stall, &meter, NULL);
  gtk_widget_add_tick_callback (list_view, scroll_tick, &scroller, NULL);
  while (!scroller.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timer);
  *frames = scroller.frames;
  g_array_sort (meter.gaps, compare_double);
  *over_16 = 0;
  for (guint i = 0; i < meter.gaps->len; i++)
    if (g_array_index (meter.gaps, double, i) > 16.0)
      (*over_16)++;
  *p99 = meter.gaps->len > 0 ? g_array_index (meter.gaps, double, meter.gaps->len * 99 / 100) : 0;
  g_array_unref (meter.gaps);
  return MAX (meter.longest, 0);
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_size_request (label, 96, 150);
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  g_autofree char *text = g_strdup_printf ("%u", gtk_list_item_get_position (item) + 1);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static GtkWidget *
plain_list_new (GtkStringList *strings)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  return gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (strings)))),
                            factory);
}

static void
bench_scroll (GtkWindow  *window,
              const char *path)
{
  CzPdfPreview *preview = CZ_PDF_PREVIEW (cz_pdf_preview_new ());
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *plain;
  double preview_stall, plain_stall, preview_p99, plain_p99;
  guint preview_frames, plain_frames, rendered, preview_over, plain_over;

  for (guint i = 0; i < 500; i++)
    gtk_string_list_append (strings, "");

  /* Baseline: the same scroll through 500 rows of the same height, no rendering. */
  plain = plain_list_new (strings);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), plain);
  gtk_window_set_child (window, scrolled);
  spin_for (300);
  plain_stall = scroll_through (plain, 60, &plain_frames, &plain_over, &plain_p99);
  gtk_window_set_child (window, NULL);

  gtk_window_set_child (window, GTK_WIDGET (preview));
  cz_pdf_preview_set_file (preview, file);
  spin_until_texture (preview);
  spin_for (300);
  preview_stall = scroll_through (GTK_WIDGET (cz_pdf_preview_get_thumbnail_view (preview)), 60, &preview_frames,
                                 &preview_over, &preview_p99);
  spin_for (500);
  rendered = cz_page_renderer_get_n_rendered (cz_pdf_preview_get_renderer (preview));

  {
    /* Back to the top with every thumbnail cached: drawing alone, no rendering. */
    GtkWidget *view = GTK_WIDGET (cz_pdf_preview_get_thumbnail_view (preview));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW)));
    double again_stall, again_p99;
    guint again_frames, again_over;

    gtk_adjustment_set_value (adjustment, 0);
    if (g_getenv ("CZ_BENCH_SMALL_PAGE"))
      cz_pdf_preview_set_zoom (preview, 0.1);
    spin_for (300);
    again_stall = scroll_through (view, 60, &again_frames, &again_over, &again_p99);
    g_print ("scrolling again, thumbnails cached: longest %.1f ms, 99th percentile %.1f ms, %u stalls > 16 ms over %u frames, %u pages rendered in all\n",
             again_stall, again_p99, again_over, again_frames,
             cz_page_renderer_get_n_rendered (cz_pdf_preview_get_renderer (preview)));
  }

  g_print ("scrolling 500 thumbnails: longest UI-thread stall %.1f ms, 99th percentile %.1f ms, %u stalls > 16 ms "
           "over %u frames (%u thumbnails shown, %u pages rendered, %.1f MB cached); "
           "plain list baseline: longest %.1f ms, 99th percentile %.1f ms, %u stalls > 16 ms over %u frames "
           "(target ≤ 16 ms)\n",
           preview_stall, preview_p99, preview_over, preview_frames,
           cz_pdf_preview_get_n_thumbnails_shown (preview), rendered,
           cz_page_renderer_get_cached_bytes (cz_pdf_preview_get_renderer (preview)) / 1e6,
           plain_stall, plain_p99, plain_over, plain_frames);

  {
    /* Under Xvfb the GL renderer repaints the whole window every frame (no
     * buffer age), so a page beside the strip costs every frame what drawing
     * it costs: the same plain list again, beside the same page shown by a
     * stock GtkPicture, is the floor for the preview with that renderer. */
    int width = gdk_texture_get_width (cz_pdf_preview_get_page_texture (preview));
    g_autoptr(GdkTexture) texture = render_texture (path, width);
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    GtkWidget *list_scroller = gtk_scrolled_window_new ();
    GtkWidget *page_scroller = gtk_scrolled_window_new ();
    GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
    GtkWidget *list = plain_list_new (strings);
    double stall, p99;
    guint frames, over;

    gtk_window_set_child (window, NULL);
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroller), list);
    gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
    gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
    gtk_widget_set_valign (picture, GTK_ALIGN_START);
    gtk_widget_set_hexpand (page_scroller, TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (page_scroller), picture);
    gtk_box_append (GTK_BOX (box), list_scroller);
    gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
    gtk_box_append (GTK_BOX (box), page_scroller);
    gtk_window_set_child (window, box);
    spin_for (300);
    stall = scroll_through (list, 60, &frames, &over, &p99);
    g_print ("plain list beside the same page (GtkPicture, %d px wide): longest %.1f ms, 99th percentile %.1f ms, "
             "%u stalls > 16 ms over %u frames\n", width, stall, p99, over, frames);
  }
  gtk_window_set_child (window, NULL);
  spin_for (100);
}

static double
resident_mb (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return -1;
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

typedef struct
{
  CzEvidenceInfo *info;
  gboolean        done;
} Imported;

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Imported *imported = user_data;

  imported->info = cz_evidence_store_import_finish (CZ_EVIDENCE_STORE (source), result, NULL);
  imported->done = TRUE;
}

static void
bench_memory (GtkWindow  *window,
              const char *scan)
{
  g_autofree char *root = g_build_filename (workdir, "store", "evidence", NULL);
  g_autoptr(CzEvidenceStore) store = cz_evidence_store_new (root);
  g_autoptr(CzDossier) dossier = cz_dossier_new ("bench");
  CzPdfPreview *preview = CZ_PDF_PREVIEW (cz_pdf_preview_new ());
  double before, peak = 0, after;
  guint64 total = 0;
  guint n = 0;
  double start;

  gtk_window_set_child (window, GTK_WIDGET (preview));
  spin_for (200);
  before = resident_mb ();

  start = now_ms ();
  while (total < 1024ull * 1024 * 1024)
    {
      /* Distinct files: the same scan with a different comment after %%EOF. */
      g_autofree char *path = g_strdup_printf ("%s/scan-%02u.pdf", workdir, n);
      g_autofree char *tail = g_strdup_printf ("\n%% copy %u\n", n);
      g_autoptr(GFile) source = g_file_new_for_path (scan);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) stored = NULL;
      g_autoptr(GFileOutputStream) out = NULL;
      Imported imported = { NULL, FALSE };

      g_assert_true (g_file_copy (source, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
      out = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, NULL);
      g_output_stream_write_all (G_OUTPUT_STREAM (out), tail, strlen (tail), NULL, NULL, NULL);
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);

      cz_evidence_store_import_async (store, file, NULL, NULL, on_imported, &imported);
      while (!imported.done)
        g_main_context_iteration (NULL, TRUE);
      g_assert_nonnull (imported.info);
      g_assert_no_error (imported.info->problem);
      cz_evidence_add_to_dossier (dossier, "development-plan", imported.info, NULL);
      total += imported.info->size;

      /* Looked at, as a person checks each scan. */
      stored = cz_evidence_store_dup_file (store, imported.info->sha256);
      cz_pdf_preview_set_file (preview, stored);
      spin_until_texture (preview);
      peak = MAX (peak, resident_mb ());

      g_unlink (path);
      cz_evidence_info_free (imported.info);
      n++;
    }
  spin_for (200);
  after = resident_mb ();

  g_print ("1 GiB of evidence attached (%u files, %.2f GiB, imported and previewed in %.1f s): "
           "resident %.0f MB, peak %.0f MB; before attaching %.0f MB, at start (GTK initialised) %.0f MB "
           "(target ≤ 200 MB)\n",
           n, total / (1024.0 * 1024 * 1024), (now_ms () - start) / 1000, after, peak, before, resident_at_start);
  gtk_window_set_child (window, NULL);
  spin_for (100);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *long_pdf = NULL;
  g_autofree char *scan_pdf = NULL;
  GtkWindow *window;
  GStatBuf st;
  double start;

  if (argc == 3 && g_str_equal (argv[1], "--fixtures"))
    {
      g_autofree char *long_path = g_build_filename (argv[2], "long.pdf", NULL);
      g_autofree char *scan_path = g_build_filename (argv[2], "scan.pdf", NULL);

      cz_test_write_pdf (long_path, 500, "500 pages", "合作区五年发展规划 — the five-year development plan");
      /* Five scanned pages of incompressible noise, 10 MB each. */
      cz_test_write_noise_pdf (scan_path, 5, 2048, 1700, 7);
      return 0;
    }

  gtk_init ();
  adw_init ();
  resident_at_start = resident_mb ();
  workdir = g_dir_make_tmp ("bench-evidence-XXXXXX", NULL);
  long_pdf = g_build_filename (workdir, "long.pdf", NULL);
  scan_pdf = g_build_filename (workdir, "scan.pdf", NULL);

  /* In another process, so that drawing them does not count as our memory. */
  start = now_ms ();
  {
    const char *child[] = { argv[0], "--fixtures", workdir, NULL };
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_stat (scan_pdf, &st);
  g_print ("fixtures: 500-page PDF and a %.1f MB scanned PDF generated in %.1f s\n",
           st.st_size / 1e6, (now_ms () - start) / 1000);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 800);
  gtk_window_present (window);
  spin_for (300);
  g_print ("renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  /* Memory first, so that what earlier parts left behind does not count. */
  if (g_getenv ("CZ_BENCH_SKIP_MEMORY") == NULL)
    bench_memory (window, scan_pdf);
  bench_first_page (window, "500-page PDF", long_pdf, 5);
  bench_first_page (window, "50 MB scanned PDF", scan_pdf, 3);
  bench_scroll (window, long_pdf);

  gtk_window_destroy (window);
  cz_test_remove_tree (workdir);
  return 0;
}
