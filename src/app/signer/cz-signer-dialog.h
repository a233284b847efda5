/* cz-signer-dialog.h — setting up the department's signer: create, import or token
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cz-signer.h"

G_BEGIN_DECLS

#define CZ_TYPE_SIGNER_DIALOG (cz_signer_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CzSignerDialog, cz_signer_dialog, CZ, SIGNER_DIALOG, AdwWindow)

/* @department prefills the new certificate's name (the dossier's
 * applicant.department; NULL: empty). Once a signer is set up, "signer" and
 * "location" are notified and the location is remembered in the settings. */
GtkWidget  *cz_signer_dialog_new           (GtkWindow      *parent,
                                            const char     *department);
CzSigner   *cz_signer_dialog_get_signer    (CzSignerDialog *self);
const char *cz_signer_dialog_get_location  (CzSignerDialog *self);
gboolean    cz_signer_dialog_get_busy      (CzSignerDialog *self);
/* What the file chooser of the Import page does once a file is chosen. */
void        cz_signer_dialog_set_import_file (CzSignerDialog *self,
                                              GFile          *file);
/* Where created and imported signers are written (NULL: the default). */
void        cz_signer_dialog_set_signers_dir (CzSignerDialog *self,
                                              const char     *dir);

G_END_DECLS
