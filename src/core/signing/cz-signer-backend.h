/* cz-signer-backend.h — what holds a signer's key, for backends only
 *
 * A backend signs; CzSigner owns it and knows the certificate. The GnuTLS
 * backend (cz-signer-gnutls.c, cz-signer-token.c) serves generated keys,
 * PKCS#12 files and PKCS#11 tokens; another backend implements the same
 * three functions.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-signer.h"

G_BEGIN_DECLS

typedef struct _CzSignerBackend CzSignerBackend;

struct _CzSignerBackend
{
  const char *name;
  /* A static name for the key ("SM2"), or NULL to read it from the certificate. */
  const char *key_algorithm;

  /* A detached CMS SignedData (DER) over @content with @certificate_der
   * embedded and @signing_time as signingTime. */
  GBytes   *(*sign_detached) (CzSignerBackend *backend,
                              GBytes          *certificate_der,
                              GBytes          *content,
                              GDateTime       *signing_time,
                              GError         **error);
  /* PKCS#12 bytes, or NULL with CZ_SIGNER_ERROR_NOT_SUPPORTED. */
  GBytes   *(*export_pkcs12) (CzSignerBackend *backend,
                              GBytes          *certificate_der,
                              const char      *friendly_name,
                              const char      *passphrase,
                              GError         **error);
  void      (*free)          (CzSignerBackend *backend);
};

/* Takes @backend; fails if @certificate_der is not an X.509 certificate. */
CzSigner *cz_signer_new_for_backend (CzSignerBackend *backend,
                                     GBytes          *certificate_der,
                                     GError         **error);

G_END_DECLS
