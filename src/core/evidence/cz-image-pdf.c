/* cz-image-pdf.c — a JPEG or PNG scan as a one-page PDF at its true size
 *
 * The page is the image's size at its own resolution (JFIF density, PNG pHYs);
 * a scan that records none is taken to be 300 dpi, what scanners and
 * scanning apps use for documents by default, so an A4 scan becomes an A4
 * page. A JPEG is embedded as it is (no re-compression); a PNG is drawn.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <cairo.h>
#include <cairo-pdf.h>

#include "cz-evidence.h"

/* Larger than any scanner produces; keeps a hostile header from asking for gigabytes. */
#define MAX_IMAGE_SIDE 40000

gboolean
cz_evidence_is_image (const guint8 *head,
                      gsize         length)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (length >= 3 && head[0] == 0xff && head[1] == 0xd8 && head[2] == 0xff)
    return TRUE;
  return length >= sizeof png && memcmp (head, png, sizeof png) == 0;
}

static guint
read_be16 (const guint8 *p)
{
  return ((guint) p[0] << 8) | p[1];
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Width, height and dpi from the JPEG's markers; FALSE when it is not one. */
static gboolean
read_jpeg_header (const guint8 *data,
                  gsize         length,
                  guint        *width,
                  guint        *height,
                  double       *dpi_x,
                  double       *dpi_y)
{
  gsize at = 2;

  while (at + 4 <= length)
    {
      guint marker, segment;

      if (data[at] != 0xff)
        return FALSE;
      marker = data[at + 1];
      if (marker == 0xff)
        {
          at++;
          continue;
        }
      if (marker == 0xd9 || marker == 0xda)  /* end of image, start of scan */
        return FALSE;
      segment = read_be16 (data + at + 2);
      if (segment < 2 || at + 2 + segment > length)
        return FALSE;

      if (marker == 0xe0 && segment >= 14 && memcmp (data + at + 4, "JFIF\0", 5) == 0)
        {
          guint units = data[at + 11];
          guint x = read_be16 (data + at + 12);
          guint y = read_be16 (data + at + 14);

          if (x > 0 && y > 0 && (units == 1 || units == 2))
            {
              *dpi_x = units == 1 ? x : x * 2.54;
              *dpi_y = units == 1 ? y : y * 2.54;
            }
        }
      else if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (segment < 8)
            return FALSE;
          *height = read_be16 (data + at + 5);
          *width = read_be16 (data + at + 7);
          return *width > 0 && *height > 0;
        }
      at += 2 + segment;
    }

  return FALSE;
}

static void
read_png_dpi (const guint8 *data,
              gsize         length,
              double       *dpi_x,
              double       *dpi_y)
{
  gsize at = 8;

  while (at + 12 <= length)
    {
      guint32 chunk = read_be32 (data + at);

      if (chunk > length - at - 12)
        return;
      if (memcmp (data + at + 4, "pHYs", 4) == 0 && chunk >= 9)
        {
          guint32 x = read_be32 (data + at + 8);
          guint32 y = read_be32 (data + at + 12);

          if (data[at + 16] == 1 && x > 0 && y > 0)  /* pixels per metre */
            {
              *dpi_x = x * 0.0254;
              *dpi_y = y * 0.0254;
            }
          return;
        }
      if (memcmp (data + at + 4, "IDAT", 4) == 0)
        return;
      at += 12 + chunk;
    }
}

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         at;
} PngReader;

static cairo_status_t
png_read (void          *closure,
          unsigned char *out,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->length - reader->at < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, reader->data + reader->at, length);
  reader->at += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
pdf_write (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GError *
image_error (const char *name)
{
  return g_error_new (CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_IMAGE,
                      /* Translators: %s is a file name */
                      _("“%s” is a damaged or unsupported image: scan the document again "
                        "as a PDF, JPEG or PNG and attach it again."),
                      name);
}

GBytes *
cz_image_to_pdf (GBytes      *image,
                 const char  *name,
                 GError     **error)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (image, &length);
  cairo_surface_t *source = NULL;
  cairo_surface_t *pdf;
  cairo_t *cr;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  double dpi_x = CZ_EVIDENCE_SCAN_DPI_DEFAULT;
  double dpi_y = CZ_EVIDENCE_SCAN_DPI_DEFAULT;
  guint width = 0, height = 0;
  cairo_status_t status;

  g_return_val_if_fail (image != NULL, NULL);

  if (name == NULL)
    name = "";

  if (length >= 3 && data[0] == 0xff && data[1] == 0xd8)
    {
      if (!read_jpeg_header (data, length, &width, &height, &dpi_x, &dpi_y) ||
          width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE)
        {
          g_propagate_error (error, image_error (name));
          return NULL;
        }
      /* The pixels are never drawn: the PDF embeds the JPEG itself. */
      source = cairo_image_surface_create (CAIRO_FORMAT_A1, (int) width, (int) height);
      if (cairo_surface_status (source) != CAIRO_STATUS_SUCCESS ||
          cairo_surface_set_mime_data (source, CAIRO_MIME_TYPE_JPEG,
                                       g_bytes_get_data (g_bytes_ref (image), NULL), length,
                                       (cairo_destroy_func_t) g_bytes_unref, image) != CAIRO_STATUS_SUCCESS)
        {
          cairo_surface_destroy (source);
          g_propagate_error (error, image_error (name));
          return NULL;
        }
    }
  else if (cz_evidence_is_image (data, length))
    {
      PngReader reader = { data, length, 0 };

      read_png_dpi (data, length, &dpi_x, &dpi_y);
      if (length >= 24)
        {
          width = read_be32 (data + 16);
          height = read_be32 (data + 20);
        }
      if (width == 0 || height == 0 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE)
        {
          g_propagate_error (error, image_error (name));
          return NULL;
        }
      source = cairo_image_surface_create_from_png_stream (png_read, &reader);
      if (cairo_surface_status (source) != CAIRO_STATUS_SUCCESS)
        {
          cairo_surface_destroy (source);
          g_propagate_error (error, image_error (name));
          return NULL;
        }
      width = (guint) cairo_image_surface_get_width (source);
      height = (guint) cairo_image_surface_get_height (source);
    }
  else
    {
      g_propagate_error (error, image_error (name));
      return NULL;
    }

  pdf = cairo_pdf_surface_create_for_stream (pdf_write, out,
                                             width * 72.0 / dpi_x, height * 72.0 / dpi_y);
  /* Fixed dates: the same image must give the same bytes, hence one stored copy. */
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATOR, "CoopZone");
  if (name[0] != '\0' && g_utf8_validate (name, -1, NULL))
    cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_TITLE, name);

  cr = cairo_create (pdf);
  cairo_scale (cr, 72.0 / dpi_x, 72.0 / dpi_y);
  cairo_set_source_surface (cr, source, 0, 0);
  cairo_paint (cr);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (pdf);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (source);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_propagate_error (error, image_error (name));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
