/* cz-entry-binding.h — keeps a text entry and one dossier field in step
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cz-dossier.h"
#include "cz-money.h"
#include "cz-message-row.h"

G_BEGIN_DECLS

#define CZ_TYPE_ENTRY_BINDING (cz_entry_binding_get_type ())
G_DECLARE_FINAL_TYPE (CzEntryBinding, cz_entry_binding, CZ, ENTRY_BINDING, GObject)

/* A text field: what is typed is stored as is; an empty entry clears the field. */
CzEntryBinding *cz_entry_binding_new_text    (CzDossier    *dossier,
                                              const char   *field_id,
                                              GtkEditable  *editable,
                                              CzMessageRow *message_row);

/* An integer field entered as a decimal scaled by 10^@scale_digits
 * (km² typed, m² stored: scale 6). Text that is not a number clears the field
 * and shows @not_a_number_message. */
CzEntryBinding *cz_entry_binding_new_decimal (CzDossier    *dossier,
                                              const char   *field_id,
                                              GtkEditable  *editable,
                                              CzMessageRow *message_row,
                                              guint         scale_digits,
                                              const char   *not_a_number_message);

/* A money field (fen) typed in @unit; a trailing 元/万/亿 overrides the unit
 * ("3亿" in a 万元 field is 3 亿元). */
CzEntryBinding *cz_entry_binding_new_money   (CzDossier    *dossier,
                                              const char   *field_id,
                                              GtkEditable  *editable,
                                              CzMessageRow *message_row,
                                              CzMoneyUnit   unit,
                                              const char   *not_a_number_message);

const char     *cz_entry_binding_get_field_id (CzEntryBinding *self);
GtkEditable    *cz_entry_binding_get_editable (CzEntryBinding *self);

G_END_DECLS
