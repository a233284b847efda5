/* cz-signer-settings.h — where the department's signer is, as remembered
 *
 * Only where the signer is (a PKCS#12 file's path or a "pkcs11:" URI) and its
 * public certificate are remembered, in the settings; the passphrase or PIN
 * is asked each time it is needed and never kept. No widgets here.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cz-certificate.h"
#include "cz-signer.h"

G_BEGIN_DECLS

/* The remembered signer, or NULL when none is set up. */
char          *cz_signer_settings_dup_location     (void);
/* Remembers @location and forgets any certificate kept for it. */
void           cz_signer_settings_set_location     (const char *location);
/* Remembers @location and @signer's public certificate (never its key nor
 * its passphrase), so the certificate can be shown before it is unlocked. */
void           cz_signer_settings_remember         (const char *location,
                                                    CzSigner   *signer);
/* The public certificate of the remembered signer, or NULL when it was not
 * kept. */
CzCertificate *cz_signer_settings_dup_certificate  (void);

G_END_DECLS
