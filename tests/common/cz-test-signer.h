/* cz-test-signer.h — a SoftHSM2 token standing in for a department's USB key
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-signer.h"

G_BEGIN_DECLS

#define CZ_TEST_SOFTHSM_MODULE "/usr/lib/softhsm/libsofthsm2.so"
#define CZ_TEST_TOKEN_LABEL    "CoopZone"
#define CZ_TEST_TOKEN_PIN      "123456"

/* Points SOFTHSM2_CONF into a new temporary folder, which it returns. Call it
 * first in main(), before any thread exists (setenv is not thread-safe). */
char     *cz_test_softhsm_prepare    (void);

/* FALSE (and the caller skips) when SoftHSM2 is not installed. */
gboolean  cz_test_softhsm_available  (void);

/* Initialises the token CZ_TEST_TOKEN_LABEL with CZ_TEST_TOKEN_PIN in
 * @softhsm_dir, makes GnuTLS load only SoftHSM2, and puts @signer's key and
 * certificate on the token under the label "department", as a certificate
 * authority hands a key over. */
void      cz_test_softhsm_put_signer (const char *softhsm_dir,
                                      CzSigner   *signer);

G_END_DECLS
