/* cz-roster-dialog.h — importing the zone's roster of enterprises
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cz-dossier.h"
#include "cz-store.h"

G_BEGIN_DECLS

#define CZ_TYPE_ROSTER_DIALOG (cz_roster_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CzRosterDialog, cz_roster_dialog, CZ, ROSTER_DIALOG, AdwWindow)

CzRosterDialog *cz_roster_dialog_new        (GtkWindow      *parent,
                                             CzStore        *store,
                                             CzDossier      *dossier);
/* Starts from @path as if it had been chosen (for tests and drag and drop). */
void            cz_roster_dialog_open_file  (CzRosterDialog *self,
                                             const char     *path);
/* "choose", "setup", "progress" or "result". */
const char     *cz_roster_dialog_get_stage  (CzRosterDialog *self);

G_END_DECLS
