/* cz-signer-window.h — the "Signing Certificate" window
 *
 * The remembered signer, its certificate (kept when it was set up, or shown
 * once unlocked), and a button to set up another.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cz-signer.h"

G_BEGIN_DECLS

#define CZ_TYPE_SIGNER_WINDOW (cz_signer_window_get_type ())
G_DECLARE_FINAL_TYPE (CzSignerWindow, cz_signer_window, CZ, SIGNER_WINDOW, AdwPreferencesWindow)

/* @signer: the remembered signer if it is already unlocked, else NULL;
 * @department: proposed as the name of a new certificate (NULL: none). */
GtkWidget  *cz_signer_window_new            (GtkWindow      *parent,
                                             CzSigner       *signer,
                                             const char     *department);
CzSigner   *cz_signer_window_get_signer     (CzSignerWindow *self);
const char *cz_signer_window_get_department (CzSignerWindow *self);

G_END_DECLS
