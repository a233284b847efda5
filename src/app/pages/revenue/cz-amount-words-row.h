/* cz-amount-words-row.h — an amount in uppercase numerals (大写) under its input
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CZ_TYPE_AMOUNT_WORDS_ROW (cz_amount_words_row_get_type ())
G_DECLARE_FINAL_TYPE (CzAmountWordsRow, cz_amount_words_row, CZ, AMOUNT_WORDS_ROW, AdwActionRow)

GtkWidget *cz_amount_words_row_new (void);

G_END_DECLS
