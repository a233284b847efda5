/* cz-amount-words-row.c — an amount in uppercase numerals (大写) under its input
 *
 * A row to read, not to fill: it is no stop for Tab, which goes on from the
 * amount to the next input (a GtkListBox otherwise stops moving focus at a
 * row that refuses it, and Tab would leave the list). Keys typed on it were
 * lost before; now the cursor is never there.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-amount-words-row.h"
#include "cz-message-row.h"

struct _CzAmountWordsRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (CzAmountWordsRow, cz_amount_words_row, ADW_TYPE_ACTION_ROW)

static void
cz_amount_words_row_class_init (CzAmountWordsRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->focus = cz_row_pass_focus_on;
}

static void
cz_amount_words_row_init (CzAmountWordsRow *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "property");
}

GtkWidget *
cz_amount_words_row_new (void)
{
  return g_object_new (CZ_TYPE_AMOUNT_WORDS_ROW, NULL);
}
