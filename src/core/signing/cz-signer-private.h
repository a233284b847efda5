/* cz-signer-private.h — what the signer's files share, inside src/core/signing only
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>

#include "cz-signer-backend.h"

G_BEGIN_DECLS

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_privkey_t, gnutls_x509_privkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_privkey_t, gnutls_privkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pubkey_t, gnutls_pubkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs12_t, gnutls_pkcs12_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs12_bag_t, gnutls_pkcs12_bag_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs7_t, gnutls_pkcs7_deinit, NULL)

/* The GnuTLS backend (cz-signer-gnutls.c): generated keys, PKCS#12 files,
 * PKCS#11 tokens (cz-signer-token.c). */
typedef struct
{
  CzSignerBackend        parent;
  gnutls_privkey_t       key;
  gnutls_x509_privkey_t  x509_key;   /* NULL when the key stays on a token */
  char                  *pin;        /* a token's PIN, in memory only while the signer lives */
} CzGnutlsBackend;

CzGnutlsBackend *cz_gnutls_backend_new              (const char             *name);
void             cz_gnutls_backend_free             (CzSignerBackend        *backend);

/* FALSE when @ret is not an error; else sets @error naming @what. */
gboolean         cz_gnutls_failed                   (int                     ret,
                                                     const char             *what,
                                                     GError                **error);
/* Takes the datum's memory. */
GBytes          *cz_gnutls_bytes_from_datum         (gnutls_datum_t         *datum);
GBytes          *cz_gnutls_export_crt_der           (gnutls_x509_crt_t       crt,
                                                     GError                **error);
/* Signs a probe with @key and checks it with @crt's public key: catches a
 * refused PIN and a certificate that does not belong to the key. */
gboolean         cz_gnutls_check_key_matches        (gnutls_privkey_t        key,
                                                     gnutls_x509_crt_t       crt,
                                                     const char             *source_name,
                                                     GError                **error);
/* "ECDSA P-256", "RSA 3072", … from a DER certificate; NULL if GnuTLS cannot read it. */
char            *cz_gnutls_describe_key             (GBytes                 *certificate_der);

/* Written beside @file, synced, renamed over it, mode 0600 (cz-signer.c). */
gboolean         cz_signer_replace_file_private     (GFile                  *file,
                                                     GBytes                 *contents,
                                                     GCancellable           *cancellable,
                                                     GError                **error);

G_END_DECLS
