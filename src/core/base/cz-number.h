/* cz-number.h — exact decimal numbers as scaled integers (no floating point)
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses "12.5", "1,234.56", " 3 " into an integer scaled by 10^@scale_digits
 * (so "12.5" with scale 6 gives 12500000). Accepts ASCII and full-width digits,
 * an optional leading sign, thousands separators (',' '，' and thin spaces).
 * Fails on anything else, on more decimals than @scale_digits, and on overflow. */
gboolean  cz_parse_scaled_decimal  (const char *text,
                                    guint       scale_digits,
                                    gint64     *out);

/* The inverse: 12500000 with scale 6 gives "12.5"; trailing zeros are dropped. */
char     *cz_format_scaled_decimal (gint64      value,
                                    guint       scale_digits);

G_END_DECLS
