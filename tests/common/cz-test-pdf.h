/* cz-test-pdf.h — PDFs and scans the tests draw for themselves
 *
 * The repository holds no binary fixtures: cairo writes them.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @n_pages A4 pages, each saying its number; @text (may be Chinese) on each. */
void      cz_test_write_pdf (const char *path, guint n_pages, const char *title, const char *text);

/* A scan-like PDF: @n_pages pages each holding a @width × @height image of
 * random noise (incompressible, so the file is big). */
void      cz_test_write_noise_pdf (const char *path, guint n_pages, int width, int height, guint32 seed);

/* A PNG scan @width × @height pixels (cairo writes no resolution). */
void      cz_test_write_png (const char *path, int width, int height);

/* A JPEG @width × @height at @dpi, through ImageMagick's convert. */
gboolean  cz_test_write_jpeg (const char *path, int width, int height, int dpi);

/* A copy of @source that opens only with the password "secret". */
gboolean  cz_test_encrypt_pdf (const char *source, const char *path);

/* The first @fraction of @source. */
void      cz_test_truncate_copy (const char *source, const char *path, double fraction);

G_END_DECLS
