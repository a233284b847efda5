/* cz-digest.c — hex and fingerprint forms of a digest, and SHA-256 of a buffer
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gnutls/crypto.h>

#include "cz-digest.h"

void
cz_sha256 (const void *data,
           gsize       length,
           guint8      digest[32])
{
  gnutls_hash_fast (GNUTLS_DIG_SHA256, data, length, digest);
}

struct _CzSha256
{
  gnutls_hash_hd_t handle;
};

CzSha256 *
cz_sha256_new (void)
{
  CzSha256 *self = g_new0 (CzSha256, 1);

  /* Fails only when SHA-256 is disabled in the library: a broken install. */
  if (gnutls_hash_init (&self->handle, GNUTLS_DIG_SHA256) < 0)
    g_error ("GnuTLS has no SHA-256");
  return self;
}

void
cz_sha256_update (CzSha256   *self,
                  const void *data,
                  gsize       length)
{
  gnutls_hash (self->handle, data, length);
}

void
cz_sha256_finish (CzSha256 *self,
                  guint8    digest[32])
{
  gnutls_hash_deinit (self->handle, digest);
  g_free (self);
}

void
cz_sha256_free (CzSha256 *self)
{
  if (self == NULL)
    return;
  gnutls_hash_deinit (self->handle, NULL);
  g_free (self);
}

char *
cz_hex_encode (const guint8 *digest,
               gsize         length)
{
  static const char hex[] = "0123456789abcdef";
  char *out = g_malloc (length * 2 + 1);

  for (gsize i = 0; i < length; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 0xf];
    }
  out[length * 2] = '\0';
  return out;
}

char *
cz_sha256_hex (const void *data,
               gsize       length)
{
  guint8 digest[32];

  gnutls_hash_fast (GNUTLS_DIG_SHA256, data, length, digest);
  return cz_hex_encode (digest, sizeof digest);
}

char *
cz_fingerprint_format (const guint8 *digest,
                       gsize         length)
{
  GString *out = g_string_sized_new (length * 3);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (out, i == 0 ? "%02X" : ":%02X", digest[i]);
  return g_string_free (out, FALSE);
}
