/* cz-test-pdf.c — PDFs and scans the tests draw for themselves
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <cairo.h>
#include <cairo-pdf.h>

#include "cz-test-pdf.h"
#include "cz-test-utils.h"

/* @n_pages A4 pages, each saying its number; @text (may be Chinese) on each. */
void
cz_test_write_pdf (const char *path,
                   guint       n_pages,
                   const char *title,
                   const char *text)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_select_font_face (cr, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (guint i = 0; i < n_pages; i++)
    {
      char label[32];

      g_snprintf (label, sizeof label, "Page %u", i + 1);
      cairo_set_source_rgb (cr, 0.2, 0.3, 0.8);
      cairo_rectangle (cr, 50, 50, 100 + 40 * (i % 10), 60);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_font_size (cr, 28);
      cairo_move_to (cr, 60, 200);
      cairo_show_text (cr, label);
      if (text != NULL)
        {
          cairo_move_to (cr, 60, 260);
          cairo_show_text (cr, text);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* A scan-like PDF: @n_pages pages each holding a @width × @height image of
 * random noise (incompressible, so the file is big). */
void
cz_test_write_noise_pdf (const char *path,
                         guint       n_pages,
                         int         width,
                         int         height,
                         guint32     seed)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  GRand *rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n_pages; i++)
    {
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      guint32 *pixels;
      int stride;

      cairo_surface_flush (image);
      pixels = (guint32 *) cairo_image_surface_get_data (image);
      stride = cairo_image_surface_get_stride (image) / 4;
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          pixels[y * stride + x] = g_rand_int (rand) & 0xffffff;
      cairo_surface_mark_dirty (image);

      cairo_save (cr);
      cairo_scale (cr, 595.0 / width, 842.0 / height);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_show_page (cr);
      cairo_surface_destroy (image);
    }
  g_rand_free (rand);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* A PNG scan @width × @height pixels (cairo writes no resolution). */
void
cz_test_write_png (const char *path,
                   int         width,
                   int         height)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (image);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.5, 0.1);
  cairo_rectangle (cr, width / 4.0, height / 4.0, width / 2.0, height / 2.0);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (image, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (image);
}

/* A JPEG @width × @height at @dpi, through ImageMagick's convert. */
gboolean
cz_test_write_jpeg (const char *path,
                    int         width,
                    int         height,
                    int         dpi)
{
  g_autofree char *size = g_strdup_printf ("%dx%d", width, height);
  g_autofree char *density = g_strdup_printf ("%d", dpi);
  const char *argv[] = { "convert", "-size", size, "gradient:white-navy", "-units", "PixelsPerInch",
                         "-density", density, path, NULL };

  return cz_test_run (argv);
}

/* A copy of @source that opens only with the password "secret". */
gboolean
cz_test_encrypt_pdf (const char *source,
                     const char *path)
{
  const char *argv[] = { "qpdf", "--encrypt", "secret", "owner", "256", "--", source, path, NULL };

  return cz_test_run (argv);
}

/* The first @fraction of @source. */
void
cz_test_truncate_copy (const char *source,
                       const char *path,
                       double      fraction)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (source, &data, &length, NULL));
  g_assert_true (g_file_set_contents (path, data, (gssize) (length * fraction), NULL));
}
