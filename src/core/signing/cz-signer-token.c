/* cz-signer-token.c — keys on PKCS#11 tokens (USB keys), through p11-kit
 *
 * p11-kit finds the modules, as it does for a Flatpak reaching host tokens.
 * The key never leaves the token: the GnuTLS backend signs through it, with
 * the PIN given once and never retried.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-certificate.h"
#include "cz-signer-private.h"

static int
token_pin_callback (void         *user_data,
                    int           attempt,
                    const char   *token_url,
                    const char   *token_label,
                    unsigned int  flags,
                    char         *pin,
                    size_t        pin_max)
{
  const char *given = user_data;

  /* Never retry a refused PIN: a token locks itself after a few. */
  if (given == NULL || attempt > 0 || (flags & GNUTLS_PIN_WRONG) || strlen (given) + 1 > pin_max)
    return -1;
  memcpy (pin, given, strlen (given) + 1);
  return 0;
}

/* The same URI with "type=" replaced by @type and any PIN dropped. */
static char *
uri_with_type (const char *uri,
               const char *type)
{
  const char *query = strchr (uri, '?');
  g_autofree char *path = query ? g_strndup (uri, query - uri) : g_strdup (uri);
  g_auto(GStrv) parts = g_strsplit (path + strlen ("pkcs11:"), ";", -1);
  GString *out = g_string_new ("pkcs11:");

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0' && !g_str_has_prefix (parts[i], "type=") && !g_str_has_prefix (parts[i], "pin-"))
      g_string_append_printf (out, "%s;", parts[i]);
  g_string_append_printf (out, "type=%s", type);
  return g_string_free (out, FALSE);
}

/* The token's label from a "pkcs11:" URI, as a person knows the token; else the URI. */
static char *
dup_token_name (const char *uri)
{
  const char *query = strchr (uri, '?');
  g_autofree char *path = query ? g_strndup (uri, query - uri) : g_strdup (uri);
  g_auto(GStrv) parts = g_strsplit (path + strlen ("pkcs11:"), ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_has_prefix (parts[i], "token="))
      {
        char *name = g_uri_unescape_string (parts[i] + strlen ("token="), NULL);

        if (name != NULL && name[0] != '\0' && g_utf8_validate (name, -1, NULL))
          return name;
        g_free (name);
      }
  return g_strdup (uri);
}

CzSigner *
cz_signer_new_from_pkcs11 (const char  *uri,
                           const char  *pin,
                           GError     **error)
{
  CzGnutlsBackend *backend = NULL;
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_autofree char *key_uri = NULL;
  g_autofree char *cert_uri = NULL;
  g_autofree char *token_name = NULL;
  g_autoptr(GBytes) der = NULL;
  int ret;

  if (uri == NULL || !g_str_has_prefix (uri, "pkcs11:"))
    {
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_TOKEN,
                   _("“%s” is not a PKCS#11 URI. Give the key’s URI, starting with “pkcs11:”."), uri ? uri : "");
      return NULL;
    }
  key_uri = uri_with_type (uri, "private");
  cert_uri = uri_with_type (uri, "cert");
  token_name = dup_token_name (uri);

  backend = cz_gnutls_backend_new ("pkcs11");
  backend->pin = g_strdup (pin);

  ret = gnutls_x509_crt_init (&crt);
  if (ret >= 0)
    {
      gnutls_x509_crt_set_pin_function (crt, token_pin_callback, backend->pin);
      ret = gnutls_x509_crt_import_url (crt, cert_uri, GNUTLS_PKCS11_OBJ_FLAG_LOGIN);
      if (ret < 0)
        ret = gnutls_x509_crt_import_url (crt, cert_uri, 0);
    }
  if (ret == GNUTLS_E_PKCS11_PIN_ERROR)
    goto bad_pin;
  if (ret < 0)
    {
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_TOKEN,
                   _("No certificate was found for “%s”: %s. Check that the token is plugged in and the URI names its key."),
                   uri, gnutls_strerror (ret));
      goto fail;
    }

  ret = gnutls_privkey_init (&backend->key);
  if (ret >= 0)
    {
      gnutls_privkey_set_pin_function (backend->key, token_pin_callback, backend->pin);
      ret = gnutls_privkey_import_url (backend->key, key_uri, 0);
    }
  if (ret == GNUTLS_E_PKCS11_PIN_ERROR)
    goto bad_pin;
  if (ret < 0)
    {
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_TOKEN,
                   _("No private key was found for “%s”: %s. Check that the token is plugged in and the URI names its key."),
                   uri, gnutls_strerror (ret));
      goto fail;
    }

  if (!cz_gnutls_check_key_matches (backend->key, crt, token_name, error) ||
      (der = cz_gnutls_export_crt_der (crt, error)) == NULL)
    goto fail;
  return cz_signer_new_for_backend (&backend->parent, der, error);

bad_pin:
  g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PIN,
               _("The token “%s” refused the PIN. Check the PIN and try again."), token_name);
fail:
  cz_gnutls_backend_free (&backend->parent);
  return NULL;
}

void
cz_token_key_free (CzTokenKey *key)
{
  if (key == NULL)
    return;
  g_free (key->uri);
  g_free (key->token);
  g_free (key->label);
  g_free (key->name);
  g_free (key->subject);
  g_free (key->fingerprint);
  g_free (key);
}

static char *
dup_obj_info (gnutls_pkcs11_obj_t          obj,
              gnutls_pkcs11_obj_info_t     item)
{
  char buffer[256];
  size_t size = sizeof buffer;

  if (gnutls_pkcs11_obj_get_info (obj, item, buffer, &size) < 0)
    return NULL;
  buffer[MIN (size, sizeof buffer - 1)] = '\0';
  return g_strdup (buffer);
}

GPtrArray *
cz_signer_list_token_keys (GError **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_token_key_free);
  gnutls_pkcs11_obj_t *objects = NULL;
  unsigned int n_objects = 0;
  int ret;

  ret = gnutls_pkcs11_obj_list_import_url4 (&objects, &n_objects, "pkcs11:", GNUTLS_PKCS11_OBJ_FLAG_CRT);
  if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
    return g_steal_pointer (&keys);  /* no token plugged in */
  if (cz_gnutls_failed (ret, _("looking for USB keys"), error))
    return NULL;

  for (unsigned int i = 0; i < n_objects; i++)
    {
      g_auto(gnutls_x509_crt_t) crt = NULL;
      char *text_url = NULL;

      if (gnutls_x509_crt_init (&crt) >= 0 &&
          gnutls_x509_crt_import_pkcs11 (crt, objects[i]) >= 0 &&
          gnutls_pkcs11_obj_export_url (objects[i], GNUTLS_PKCS11_URL_GENERIC, &text_url) >= 0)
        {
          gnutls_datum_t der = { NULL, 0 };
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(CzCertificate) certificate = NULL;

          if (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &der) >= 0)
            {
              bytes = g_bytes_new (der.data, der.size);
              certificate = cz_certificate_new_from_bytes (bytes, NULL, NULL);
            }
          gnutls_free (der.data);
          if (certificate != NULL)
            {
              CzTokenKey *key = g_new0 (CzTokenKey, 1);

              key->uri = uri_with_type (text_url, "private");
              key->token = dup_obj_info (objects[i], GNUTLS_PKCS11_OBJ_TOKEN_LABEL);
              key->label = dup_obj_info (objects[i], GNUTLS_PKCS11_OBJ_LABEL);
              key->subject = g_strdup (cz_certificate_get_subject (certificate));
              key->name = g_strdup (cz_certificate_get_display_name (certificate));
              key->fingerprint = g_strdup (cz_certificate_get_fingerprint (certificate));
              g_ptr_array_add (keys, key);
            }
        }
      gnutls_free (text_url);
      gnutls_pkcs11_obj_deinit (objects[i]);
    }
  gnutls_free (objects);
  return g_steal_pointer (&keys);
}
