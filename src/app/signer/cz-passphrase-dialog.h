/* cz-passphrase-dialog.h — asks for the remembered signer's passphrase or PIN and opens it
 *
 * The dialog stays open while the signer opens; a wrong passphrase or PIN is
 * said in the dialog, with the field still focused for another try. When the
 * signer opens, :signer is set and the dialog closes; Cancel (or Escape)
 * responds "cancel".
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cz-signer.h"

G_BEGIN_DECLS

#define CZ_TYPE_PASSPHRASE_DIALOG (cz_passphrase_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CzPassphraseDialog, cz_passphrase_dialog, CZ, PASSPHRASE_DIALOG, AdwMessageDialog)

GtkWidget  *cz_passphrase_dialog_new          (GtkWindow          *parent,
                                               const char         *location);
const char *cz_passphrase_dialog_get_location (CzPassphraseDialog *self);
/* The opened signer, once the passphrase or PIN opened it; else NULL. */
CzSigner   *cz_passphrase_dialog_get_signer   (CzPassphraseDialog *self);
gboolean    cz_passphrase_dialog_get_busy     (CzPassphraseDialog *self);

G_END_DECLS
