/* cz-message-row.h — a message shown under the row it is about
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CZ_TYPE_MESSAGE_ROW (cz_message_row_get_type ())
G_DECLARE_FINAL_TYPE (CzMessageRow, cz_message_row, CZ, MESSAGE_ROW, AdwPreferencesRow)

GtkWidget  *cz_message_row_new         (GtkWidget    *target);
GtkWidget  *cz_message_row_get_target  (CzMessageRow *self);
void        cz_message_row_set_target  (CzMessageRow *self,
                                        GtkWidget    *target);
const char *cz_message_row_get_message (CzMessageRow *self);
void        cz_message_row_set_message (CzMessageRow *self,
                                        const char   *message);
/* The findings of the rules pack on the field: @style_class is "error" for a
 * blocker, "warning" otherwise; NULL @message clears them. */
const char *cz_message_row_get_finding_message (CzMessageRow *self);
const char *cz_message_row_get_finding_style   (CzMessageRow *self);
void        cz_message_row_set_finding  (CzMessageRow *self,
                                        const char   *message,
                                        const char   *style_class);

/* For rows that take no focus: passes Tab and arrows on to the next row
 * that does (use as the row class's focus vfunc). */
gboolean    cz_row_pass_focus_on       (GtkWidget        *widget,
                                        GtkDirectionType  direction);

G_END_DECLS
