/* cz-money.h — amounts of money as integer fen: parsing, display, uppercase (大写)
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CZ_MONEY_ERROR (cz_money_error_quark ())

typedef enum
{
  CZ_MONEY_ERROR_EMPTY,
  CZ_MONEY_ERROR_INVALID,
} CzMoneyError;

/* The unit a form asks in. 1 元 = 100 fen, 1 万元 = 10^6 fen, 1 亿元 = 10^10 fen. */
typedef enum
{
  CZ_MONEY_UNIT_YUAN,
  CZ_MONEY_UNIT_WAN,
  CZ_MONEY_UNIT_YI,
} CzMoneyUnit;

#define CZ_FEN_PER_YUAN G_GINT64_CONSTANT (100)
#define CZ_FEN_PER_WAN  G_GINT64_CONSTANT (1000000)
#define CZ_FEN_PER_YI   G_GINT64_CONSTANT (10000000000)

GQuark       cz_money_error_quark       (void);

/* "元", "万元" or "亿元". */
const char  *cz_money_unit_get_label    (CzMoneyUnit  unit);

/* Parses what a user typed into a field that asks in @unit ("12.5" in 万元 gives
 * 12500000 fen). A trailing "元", "万元"/"万" or "亿元"/"亿" overrides @unit, so
 * "3亿" typed into a 万元 field means 3 亿元. Exact: no floating point; refuses
 * amounts finer than one fen. */
gboolean     cz_money_parse             (const char  *text,
                                         CzMoneyUnit  unit,
                                         gint64      *out_fen,
                                         GError     **error);

/* The exact amount in @unit as an entry shows it: "1234.56", no grouping, no
 * label, trailing zeros dropped; cz_money_parse() reads it back unchanged. */
char        *cz_money_format_number     (gint64       fen,
                                         CzMoneyUnit  unit);

/* The amount for display: two decimals (rounded half away from zero), thousands
 * grouped, with its unit: "1,234.56 万元". */
char        *cz_money_format            (gint64       fen,
                                         CzMoneyUnit  unit);

/* The uppercase form used on financial documents: "人民币壹仟肆佰零玖元伍角",
 * "人民币壹佰亿元整"; a negative amount reads "人民币负…". */
char        *cz_money_format_uppercase  (gint64       fen);

G_END_DECLS
