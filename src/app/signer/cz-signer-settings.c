/* cz-signer-settings.c — where the department's signer is, as remembered
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cz-signer-settings.h"

#define SIGNER_KEY "signer"
#define CERTIFICATE_KEY "signer-certificate"

char *
cz_signer_settings_dup_location (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *location = g_settings_get_string (settings, SIGNER_KEY);

  return location[0] != '\0' ? g_steal_pointer (&location) : NULL;
}

void
cz_signer_settings_set_location (const char *location)
{
  cz_signer_settings_remember (location, NULL);
}

void
cz_signer_settings_remember (const char *location,
                             CzSigner   *signer)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *pem = signer != NULL ? cz_signer_dup_certificate_pem (signer) : NULL;

  /* Together, so the certificate shown is always the remembered signer's. */
  g_settings_delay (settings);
  g_settings_set_string (settings, SIGNER_KEY, location != NULL ? location : "");
  g_settings_set_string (settings, CERTIFICATE_KEY, pem != NULL ? pem : "");
  g_settings_apply (settings);
}

CzCertificate *
cz_signer_settings_dup_certificate (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *pem = g_settings_get_string (settings, CERTIFICATE_KEY);
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  if (pem[0] == '\0')
    return NULL;
  length = strlen (pem);
  bytes = g_bytes_new_take (g_steal_pointer (&pem), length);
  return cz_certificate_new_from_bytes (bytes, NULL, NULL);
}
