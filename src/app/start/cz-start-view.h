/* cz-start-view.h — the list of dossiers, and where new ones begin
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cz-store.h"

G_BEGIN_DECLS

#define CZ_TYPE_START_VIEW (cz_start_view_get_type ())
G_DECLARE_FINAL_TYPE (CzStartView, cz_start_view, CZ, START_VIEW, GtkWidget)

GtkWidget  *cz_start_view_new            (CzStore     *store);
CzStore    *cz_start_view_get_store      (CzStartView *self);
void        cz_start_view_set_store      (CzStartView *self,
                                          CzStore     *store);
/* Lists the dossiers again, off the UI thread. */
void        cz_start_view_reload         (CzStartView *self);
gboolean    cz_start_view_get_loading    (CzStartView *self);
guint       cz_start_view_get_n_dossiers (CzStartView *self);
/* "loading", "empty" or "list" */
const char *cz_start_view_get_state      (CzStartView *self);
GtkListBox *cz_start_view_get_list_box   (CzStartView *self);

/* "Edited 5 minutes ago" */
char       *cz_format_edited_time        (GDateTime   *modified,
                                          GDateTime   *now);

G_END_DECLS
