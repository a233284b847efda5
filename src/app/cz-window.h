/* cz-window.h — a CoopZone window: the start screen or one dossier's wizard
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cz-store.h"
#include "start/cz-start-view.h"
#include "wizard/cz-wizard.h"

G_BEGIN_DECLS

#define CZ_TYPE_WINDOW (cz_window_get_type ())
G_DECLARE_FINAL_TYPE (CzWindow, cz_window, CZ, WINDOW, AdwApplicationWindow)

CzWindow    *cz_window_new            (GtkApplication *application,
                                       CzStore        *store);
CzStore     *cz_window_get_store      (CzWindow       *self);
CzStartView *cz_window_get_start_view (CzWindow       *self);
/* The wizard of the open dossier, or NULL on the start screen. */
CzWizard    *cz_window_get_wizard     (CzWindow       *self);
/* Opens the dossier @id (off the UI thread) and shows its wizard. */
void         cz_window_open_dossier   (CzWindow       *self,
                                       const char     *id);
void         cz_window_show_start     (CzWindow       *self);
void         cz_window_add_toast      (CzWindow       *self,
                                       const char     *title);

G_END_DECLS
