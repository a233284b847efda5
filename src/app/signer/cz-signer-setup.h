/* cz-signer-setup.h — the department's remembered signer, opened when it signs
 *
 * Only where the signer is (a PKCS#12 file's path or a "pkcs11:" URI) is
 * remembered, in the "signer" key of the settings; the passphrase or PIN is
 * asked each time it is needed and never kept.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cz-certificate.h"
#include "cz-signer.h"

G_BEGIN_DECLS

/* The remembered signer, or NULL when none is set up. */
char      *cz_signer_setup_dup_location       (void);
/* Remembers @location and forgets any certificate kept for it. */
void       cz_signer_setup_set_location       (const char *location);
/* Remembers @location and @signer's public certificate (never its key nor
 * its passphrase), so the certificate can be shown before it is unlocked. */
void       cz_signer_setup_remember           (const char *location,
                                               CzSigner   *signer);
/* The public certificate of the remembered signer, or NULL when it was not
 * kept. */
CzCertificate *cz_signer_setup_dup_certificate (void);
gboolean   cz_signer_setup_location_is_token  (const char *location);

/* Opens the signer at @location with @secret (passphrase or PIN) on a worker. */
void       cz_signer_setup_open_async         (const char          *location,
                                               const char          *secret,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
CzSigner  *cz_signer_setup_open_finish        (GAsyncResult        *result,
                                               GError             **error);

/* A message dialog asking for the passphrase (or PIN, for a token) of
 * @location; @problem (NULL: none) is said first, e.g. that the last one was
 * wrong. Its responses are "cancel" and "unlock"; read the text with
 * cz_signer_setup_get_prompt_text() in the response handler. */
GtkWidget *cz_signer_setup_prompt_new         (GtkWindow   *parent,
                                               const char  *location,
                                               const char  *problem);
const char *cz_signer_setup_get_prompt_text   (GtkWidget   *prompt);

/* A group listing @signer's subject, validity, key and SHA-256 fingerprint,
 * and @location when given. */
GtkWidget *cz_signer_setup_details_group_new  (CzSigner    *signer,
                                               const char  *location);

/* The "Signing Certificate" window: the remembered signer, its details once
 * unlocked (@signer, NULL: not yet), and a button to set up another. */
GtkWidget *cz_signer_setup_window_new         (GtkWindow   *parent,
                                               CzSigner    *signer,
                                               const char  *department);

G_END_DECLS
