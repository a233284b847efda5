/* cz-signer-gnutls.c — the GnuTLS backend: ECDSA and RSA keys in memory
 *
 * The backend holds a gnutls_privkey_t, whether it came from a key we
 * generated, a PKCS#12 file or a PKCS#11 token (cz-signer-token.c). CMS
 * signatures always embed the signer certificate: GnuTLS's own trust-list
 * verification needs it there.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>

#include "cz-certificate.h"
#include "cz-signer-private.h"

#define OID_SIGNING_TIME "1.2.840.113549.1.9.5"

gboolean
cz_gnutls_failed (int          ret,
                  const char  *what,
                  GError     **error)
{
  if (ret >= 0)
    return FALSE;
  /* TRANSLATORS: %s is what failed ("signing", …), then the library's reason */
  g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_FAILED,
               _("Could not complete %s: %s."), what, gnutls_strerror (ret));
  return TRUE;
}

GBytes *
cz_gnutls_bytes_from_datum (gnutls_datum_t *datum)
{
  GBytes *bytes = g_bytes_new (datum->data, datum->size);

  gnutls_free (datum->data);
  datum->data = NULL;
  datum->size = 0;
  return bytes;
}

void
cz_gnutls_backend_free (CzSignerBackend *backend)
{
  CzGnutlsBackend *self = (CzGnutlsBackend *) backend;

  g_clear_pointer (&self->key, gnutls_privkey_deinit);
  g_clear_pointer (&self->x509_key, gnutls_x509_privkey_deinit);
  if (self->pin != NULL)
    {
      memset (self->pin, 0, strlen (self->pin));
      g_free (self->pin);
    }
  g_free (self);
}

/* signingTime as DER: UTCTime until 2049, GeneralizedTime after (RFC 5652 §11.3). */
static GBytes *
encode_signing_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  int year = g_date_time_get_year (utc);
  g_autofree char *text = g_date_time_format (utc, year < 2050 ? "%y%m%d%H%M%SZ" : "%Y%m%d%H%M%SZ");
  gsize length = strlen (text);
  guint8 *der = g_malloc (length + 2);

  der[0] = year < 2050 ? 0x17 : 0x18;
  der[1] = (guint8) length;
  memcpy (der + 2, text, length);
  return g_bytes_new_take (der, length + 2);
}

static GBytes *
gnutls_backend_sign_detached (CzSignerBackend *backend,
                              GBytes          *certificate_der,
                              GBytes          *content,
                              GDateTime       *signing_time,
                              GError         **error)
{
  CzGnutlsBackend *self = (CzGnutlsBackend *) backend;
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_auto(gnutls_pkcs7_t) pkcs7 = NULL;
  gnutls_pkcs7_attrs_t attrs = NULL;
  g_autoptr(GBytes) time_der = encode_signing_time (signing_time);
  gnutls_datum_t cert_datum = { (unsigned char *) g_bytes_get_data (certificate_der, NULL),
                                g_bytes_get_size (certificate_der) };
  gnutls_datum_t time_datum = { (unsigned char *) g_bytes_get_data (time_der, NULL),
                                g_bytes_get_size (time_der) };
  gnutls_datum_t data = { (unsigned char *) g_bytes_get_data (content, NULL), g_bytes_get_size (content) };
  gnutls_datum_t out = { NULL, 0 };
  int ret;

  if (cz_gnutls_failed (gnutls_x509_crt_init (&crt), _("signing"), error) ||
      cz_gnutls_failed (gnutls_x509_crt_import (crt, &cert_datum, GNUTLS_X509_FMT_DER), _("signing"), error) ||
      cz_gnutls_failed (gnutls_pkcs7_init (&pkcs7), _("signing"), error) ||
      cz_gnutls_failed (gnutls_pkcs7_add_attr (&attrs, OID_SIGNING_TIME, &time_datum, 0), _("signing"), error))
    {
      gnutls_pkcs7_attrs_deinit (attrs);
      return NULL;
    }

  ret = gnutls_pkcs7_sign (pkcs7, crt, self->key, &data, attrs, NULL, GNUTLS_DIG_SHA256,
                           GNUTLS_PKCS7_INCLUDE_CERT);
  gnutls_pkcs7_attrs_deinit (attrs);
  if (ret == GNUTLS_E_PKCS11_PIN_ERROR)
    {
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PIN,
                   _("The token refused the PIN. Check the PIN and try again."));
      return NULL;
    }
  if (cz_gnutls_failed (ret, _("signing"), error) ||
      cz_gnutls_failed (gnutls_pkcs7_export2 (pkcs7, GNUTLS_X509_FMT_DER, &out), _("signing"), error))
    return NULL;
  return cz_gnutls_bytes_from_datum (&out);
}

static GBytes *
gnutls_backend_export_pkcs12 (CzSignerBackend *backend,
                              GBytes          *certificate_der,
                              const char      *friendly_name,
                              const char      *passphrase,
                              GError         **error)
{
  CzGnutlsBackend *self = (CzGnutlsBackend *) backend;
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_auto(gnutls_pkcs12_t) pkcs12 = NULL;
  g_auto(gnutls_pkcs12_bag_t) cert_bag = NULL;
  g_auto(gnutls_pkcs12_bag_t) key_bag = NULL;
  gnutls_datum_t cert_datum = { (unsigned char *) g_bytes_get_data (certificate_der, NULL),
                                g_bytes_get_size (certificate_der) };
  gnutls_datum_t key_der = { NULL, 0 };
  gnutls_datum_t out = { NULL, 0 };
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;
  gnutls_datum_t key_id_datum;
  const char *what = _("saving the certificate");
  int index;
  int ret;

  if (self->x509_key == NULL)
    {
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_NOT_SUPPORTED,
                   _("This key is kept on a token and cannot be saved to a file."));
      return NULL;
    }

  if (cz_gnutls_failed (gnutls_x509_crt_init (&crt), what, error) ||
      cz_gnutls_failed (gnutls_x509_crt_import (crt, &cert_datum, GNUTLS_X509_FMT_DER), what, error) ||
      cz_gnutls_failed (gnutls_x509_crt_get_key_id (crt, GNUTLS_KEYID_USE_SHA1, key_id, &key_id_size), what, error) ||
      cz_gnutls_failed (gnutls_pkcs12_init (&pkcs12), what, error) ||
      cz_gnutls_failed (gnutls_pkcs12_bag_init (&cert_bag), what, error) ||
      cz_gnutls_failed (gnutls_pkcs12_bag_init (&key_bag), what, error))
    return NULL;
  key_id_datum.data = key_id;
  key_id_datum.size = key_id_size;

  index = gnutls_pkcs12_bag_set_crt (cert_bag, crt);
  if (cz_gnutls_failed (index, what, error) ||
      cz_gnutls_failed (gnutls_pkcs12_bag_set_key_id (cert_bag, index, &key_id_datum), what, error) ||
      cz_gnutls_failed (gnutls_pkcs12_bag_set_friendly_name (cert_bag, index, friendly_name), what, error) ||
      cz_gnutls_failed (gnutls_pkcs12_bag_encrypt (cert_bag, passphrase, GNUTLS_PKCS_PBES2_AES_256), what, error))
    return NULL;

  ret = gnutls_x509_privkey_export2_pkcs8 (self->x509_key, GNUTLS_X509_FMT_DER, passphrase,
                                           GNUTLS_PKCS_PBES2_AES_256, &key_der);
  if (cz_gnutls_failed (ret, what, error))
    return NULL;
  index = gnutls_pkcs12_bag_set_data (key_bag, GNUTLS_BAG_PKCS8_ENCRYPTED_KEY, &key_der);
  gnutls_free (key_der.data);
  if (cz_gnutls_failed (index, what, error) ||
      cz_gnutls_failed (gnutls_pkcs12_bag_set_key_id (key_bag, index, &key_id_datum), what, error) ||
      cz_gnutls_failed (gnutls_pkcs12_bag_set_friendly_name (key_bag, index, friendly_name), what, error) ||
      cz_gnutls_failed (gnutls_pkcs12_set_bag (pkcs12, cert_bag), what, error) ||
      cz_gnutls_failed (gnutls_pkcs12_set_bag (pkcs12, key_bag), what, error) ||
      cz_gnutls_failed (gnutls_pkcs12_generate_mac2 (pkcs12, GNUTLS_MAC_SHA256, passphrase), what, error) ||
      cz_gnutls_failed (gnutls_pkcs12_export2 (pkcs12, GNUTLS_X509_FMT_DER, &out), what, error))
    return NULL;
  return cz_gnutls_bytes_from_datum (&out);
}

CzGnutlsBackend *
cz_gnutls_backend_new (const char *name)
{
  CzGnutlsBackend *self = g_new0 (CzGnutlsBackend, 1);

  self->parent.name = name;
  self->parent.sign_detached = gnutls_backend_sign_detached;
  self->parent.export_pkcs12 = gnutls_backend_export_pkcs12;
  self->parent.free = cz_gnutls_backend_free;
  return self;
}

char *
cz_gnutls_describe_key (GBytes *certificate_der)
{
  g_auto(gnutls_x509_crt_t) crt = NULL;
  gnutls_datum_t datum = { (unsigned char *) g_bytes_get_data (certificate_der, NULL),
                           g_bytes_get_size (certificate_der) };
  unsigned int bits = 0;
  int algorithm;

  if (gnutls_x509_crt_init (&crt) < 0 || gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_DER) < 0)
    return NULL;

  algorithm = gnutls_x509_crt_get_pk_algorithm (crt, &bits);
  if (algorithm == GNUTLS_PK_ECDSA)
    {
      gnutls_ecc_curve_t curve = GNUTLS_ECC_CURVE_INVALID;
      g_auto(gnutls_pubkey_t) pubkey = NULL;

      if (gnutls_pubkey_init (&pubkey) >= 0 && gnutls_pubkey_import_x509 (pubkey, crt, 0) >= 0)
        gnutls_pubkey_export_ecc_raw (pubkey, &curve, NULL, NULL);
      return g_strdup_printf ("ECDSA %s", curve == GNUTLS_ECC_CURVE_SECP256R1 ? "P-256"
                                          : gnutls_ecc_curve_get_name (curve));
    }
  return g_strdup_printf ("%s %u", gnutls_pk_get_name (algorithm), bits);
}

gboolean
cz_gnutls_check_key_matches (gnutls_privkey_t    key,
                             gnutls_x509_crt_t   crt,
                             const char         *source_name,
                             GError            **error)
{
  static const char probe[] = "CoopZone key check";
  gnutls_datum_t data = { (unsigned char *) probe, sizeof probe - 1 };
  gnutls_datum_t signature = { NULL, 0 };
  g_auto(gnutls_pubkey_t) pubkey = NULL;
  gnutls_sign_algorithm_t algorithm;
  int ret;

  ret = gnutls_privkey_sign_data (key, GNUTLS_DIG_SHA256, 0, &data, &signature);
  if (ret == GNUTLS_E_PKCS11_PIN_ERROR || ret == GNUTLS_E_PKCS11_PIN_EXPIRED || ret == GNUTLS_E_PKCS11_PIN_LOCKED)
    {
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PIN,
                   _("The token “%s” refused the PIN. Check the PIN and try again."), source_name);
      return FALSE;
    }
  if (ret < 0)
    {
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_NO_KEY,
                   _("The key in “%s” cannot sign: %s."), source_name, gnutls_strerror (ret));
      return FALSE;
    }

  algorithm = gnutls_pk_to_sign (gnutls_x509_crt_get_pk_algorithm (crt, NULL), GNUTLS_DIG_SHA256);
  ret = gnutls_pubkey_init (&pubkey);
  if (ret >= 0)
    ret = gnutls_pubkey_import_x509 (pubkey, crt, 0);
  if (ret >= 0)
    ret = gnutls_pubkey_verify_data2 (pubkey, algorithm, 0, &data, &signature);
  gnutls_free (signature.data);
  if (ret < 0)
    {
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_NO_KEY,
                   _("The certificate in “%s” does not belong to its key. Use the certificate issued for this key."),
                   source_name);
      return FALSE;
    }
  return TRUE;
}

GBytes *
cz_gnutls_export_crt_der (gnutls_x509_crt_t   crt,
                          GError            **error)
{
  gnutls_datum_t out = { NULL, 0 };

  if (cz_gnutls_failed (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &out), _("reading the certificate"), error))
    return NULL;
  return cz_gnutls_bytes_from_datum (&out);
}

/* Takes @x509_key. */
static CzSigner *
signer_new_for_x509_key (const char             *backend_name,
                         gnutls_x509_privkey_t   x509_key,
                         gnutls_x509_crt_t       crt,
                         const char             *source_name,
                         GError                **error)
{
  CzGnutlsBackend *backend = cz_gnutls_backend_new (backend_name);
  g_autoptr(GBytes) der = NULL;
  int ret;

  backend->x509_key = x509_key;
  ret = gnutls_privkey_init (&backend->key);
  if (ret >= 0)
    ret = gnutls_privkey_import_x509 (backend->key, x509_key, GNUTLS_PRIVKEY_IMPORT_COPY);
  if (cz_gnutls_failed (ret, _("reading the key"), error) ||
      !cz_gnutls_check_key_matches (backend->key, crt, source_name, error) ||
      (der = cz_gnutls_export_crt_der (crt, error)) == NULL)
    {
      cz_gnutls_backend_free (&backend->parent);
      return NULL;
    }
  return cz_signer_new_for_backend (&backend->parent, der, error);
}

CzSigner *
cz_signer_create_department (const char       *department,
                             CzSignerKeyType   key_type,
                             GDateTime        *now,
                             GError          **error)
{
  g_auto(gnutls_x509_privkey_t) x509_key = NULL;
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_auto(gnutls_privkey_t) key = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *name = NULL;
  guint8 serial[16];
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;
  const char *what = _("creating the certificate");
  int ret;

  if (department == NULL || !g_utf8_validate (department, -1, NULL) ||
      (name = g_strstrip (g_strdup (department)))[0] == '\0' || strlen (name) > 64 * 4)
    {
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_INVALID_NAME,
                   _("Give the department’s name, as it should appear on the certificate."));
      return NULL;
    }

  start = now != NULL ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  end = g_date_time_add_years (start, CZ_SIGNER_VALIDITY_YEARS);

  if (cz_gnutls_failed (gnutls_x509_privkey_init (&x509_key), what, error))
    return NULL;
  if (key_type == CZ_SIGNER_KEY_RSA_3072)
    ret = gnutls_x509_privkey_generate2 (x509_key, GNUTLS_PK_RSA, 3072, 0, NULL, 0);
  else
    ret = gnutls_x509_privkey_generate2 (x509_key, GNUTLS_PK_ECDSA,
                                         GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0, NULL, 0);
  if (cz_gnutls_failed (ret, what, error))
    return NULL;

  /* A positive serial of 16 random bytes, as RFC 5280 §4.1.2.2 asks. */
  if (cz_gnutls_failed (gnutls_rnd (GNUTLS_RND_NONCE, serial, sizeof serial), what, error))
    return NULL;
  serial[0] = (serial[0] & 0x7f) | 0x40;

  if (cz_gnutls_failed (gnutls_x509_crt_init (&crt), what, error) ||
      cz_gnutls_failed (gnutls_privkey_init (&key), what, error) ||
      cz_gnutls_failed (gnutls_privkey_import_x509 (key, x509_key, 0), what, error) ||
      cz_gnutls_failed (gnutls_x509_crt_set_version (crt, 3), what, error) ||
      cz_gnutls_failed (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), what, error) ||
      cz_gnutls_failed (gnutls_x509_crt_set_activation_time (crt, g_date_time_to_unix (start)), what, error) ||
      cz_gnutls_failed (gnutls_x509_crt_set_expiration_time (crt, g_date_time_to_unix (end)), what, error) ||
      cz_gnutls_failed (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_ORGANIZATION_NAME, 0, name, strlen (name)), what, error) ||
      cz_gnutls_failed (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, name, strlen (name)), what, error) ||
      cz_gnutls_failed (gnutls_x509_crt_set_key (crt, x509_key), what, error) ||
      cz_gnutls_failed (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE), what, error) ||
      cz_gnutls_failed (gnutls_x509_crt_set_basic_constraints (crt, 0, -1), what, error) ||
      cz_gnutls_failed (gnutls_x509_crt_get_key_id (crt, GNUTLS_KEYID_USE_SHA1, key_id, &key_id_size), what, error) ||
      cz_gnutls_failed (gnutls_x509_crt_set_subject_key_id (crt, key_id, key_id_size), what, error) ||
      cz_gnutls_failed (gnutls_x509_crt_privkey_sign (crt, crt, key, GNUTLS_DIG_SHA256, 0), what, error))
    return NULL;

  return signer_new_for_x509_key ("generated", g_steal_pointer (&x509_key), crt, name, error);
}

CzSigner *
cz_signer_new_from_pkcs12 (GBytes      *data,
                           const char  *source_name,
                           const char  *passphrase,
                           GError     **error)
{
  g_auto(gnutls_pkcs12_t) pkcs12 = NULL;
  gnutls_datum_t datum = { (unsigned char *) g_bytes_get_data (data, NULL), g_bytes_get_size (data) };
  gnutls_x509_privkey_t x509_key = NULL;
  gnutls_x509_crt_t *chain = NULL;
  unsigned int chain_size = 0;
  CzSigner *signer = NULL;
  int ret;

  if (passphrase != NULL && passphrase[0] == '\0')
    passphrase = NULL;

  if (cz_gnutls_failed (gnutls_pkcs12_init (&pkcs12), _("reading the certificate"), error))
    return NULL;
  ret = gnutls_pkcs12_import (pkcs12, &datum, GNUTLS_X509_FMT_DER, 0);
  if (ret < 0)
    ret = gnutls_pkcs12_import (pkcs12, &datum, GNUTLS_X509_FMT_PEM, 0);
  if (ret < 0)
    {
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_NOT_PKCS12,
                   _("“%s” is not a PKCS#12 certificate file (.p12 or .pfx). Choose the file your certificate authority issued."),
                   source_name);
      return NULL;
    }

  ret = gnutls_pkcs12_verify_mac (pkcs12, passphrase);
  if (ret == GNUTLS_E_MAC_VERIFY_FAILED || ret == GNUTLS_E_DECRYPTION_FAILED ||
      (ret < 0 && passphrase == NULL))
    goto bad_passphrase;

  ret = gnutls_pkcs12_simple_parse (pkcs12, passphrase, &x509_key, &chain, &chain_size,
                                    NULL, NULL, NULL, 0);
  if (ret == GNUTLS_E_DECRYPTION_FAILED || ret == GNUTLS_E_MAC_VERIFY_FAILED)
    goto bad_passphrase;
  if (ret < 0 || x509_key == NULL || chain_size == 0)
    {
      if (ret >= 0 || ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_NO_KEY,
                     _("“%s” holds no private key with its certificate. Export the certificate together with its private key."),
                     source_name);
      else
        g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_NOT_PKCS12,
                     _("“%s” could not be read as a PKCS#12 file: %s."), source_name, gnutls_strerror (ret));
      goto out;
    }

  signer = signer_new_for_x509_key ("pkcs12", g_steal_pointer (&x509_key), chain[0], source_name, error);
  goto out;

bad_passphrase:
  g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PASSPHRASE,
               _("The passphrase does not open “%s”. Check the passphrase and try again."), source_name);
out:
  if (x509_key != NULL)
    gnutls_x509_privkey_deinit (x509_key);
  for (unsigned int i = 0; i < chain_size; i++)
    gnutls_x509_crt_deinit (chain[i]);
  gnutls_free (chain);
  return signer;
}
