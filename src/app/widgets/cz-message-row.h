/* cz-message-row.h — a message shown under the row it is about
 *
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

G_END_DECLS
