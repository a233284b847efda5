/* cz-digest.h — hex and fingerprint forms of a digest, and SHA-256 of a buffer
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The raw SHA-256 of @data into @digest. */
void        cz_sha256                  (const void   *data,
                                        gsize         length,
                                        guint8        digest[32]);
/* A SHA-256 over data given in pieces, with the CPU's SHA instructions
 * (GnuTLS: several times GChecksum's speed). cz_sha256_finish frees it. */
typedef struct _CzSha256 CzSha256;

CzSha256   *cz_sha256_new              (void);
void        cz_sha256_update           (CzSha256     *self,
                                        const void   *data,
                                        gsize         length);
void        cz_sha256_finish           (CzSha256     *self,
                                        guint8        digest[32]);
void        cz_sha256_free             (CzSha256     *self);

/* Lower-case hex of @length bytes. */
char       *cz_hex_encode              (const guint8 *digest,
                                        gsize         length);
/* Hex SHA-256 of @data (GnuTLS: several times faster than GChecksum here). */
char       *cz_sha256_hex              (const void   *data,
                                        gsize         length);
/* "AB:CD:…": how a certificate or content fingerprint is read out. */
char       *cz_fingerprint_format      (const guint8 *digest,
                                        gsize         length);

G_END_DECLS
