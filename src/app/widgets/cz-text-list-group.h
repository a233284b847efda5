/* cz-text-list-group.h — a group of rows editing a dossier text list
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cz-dossier.h"
#include "cz-message-row.h"

G_BEGIN_DECLS

#define CZ_TYPE_TEXT_LIST_GROUP (cz_text_list_group_get_type ())
G_DECLARE_FINAL_TYPE (CzTextListGroup, cz_text_list_group, CZ, TEXT_LIST_GROUP, AdwPreferencesGroup)

CzDossier   *cz_text_list_group_get_dossier   (CzTextListGroup *self);
void         cz_text_list_group_set_dossier   (CzTextListGroup *self,
                                               CzDossier       *dossier);
const char  *cz_text_list_group_get_field_id  (CzTextListGroup *self);
void         cz_text_list_group_set_field_id  (CzTextListGroup *self,
                                               const char      *field_id);
const char  *cz_text_list_group_get_add_title (CzTextListGroup *self);
void         cz_text_list_group_set_add_title (CzTextListGroup *self,
                                               const char      *add_title);
/* The row where a new entry is typed (for focusing it). */
AdwEntryRow *cz_text_list_group_get_entry_row (CzTextListGroup *self);
/* The message row under the entry row (input checks and findings on the list). */
CzMessageRow *cz_text_list_group_get_message_row (CzTextListGroup *self);
guint        cz_text_list_group_get_n_items   (CzTextListGroup *self);
/* The row showing item @position, or NULL. */
AdwActionRow *cz_text_list_group_get_item_row (CzTextListGroup *self,
                                               guint            position);

G_END_DECLS
