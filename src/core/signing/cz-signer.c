/* cz-signer.c
 *
 * The GnuTLS backend holds a gnutls_privkey_t, whether it came from a key we
 * generated, a PKCS#12 file or a PKCS#11 token (p11-kit finds the modules, as
 * it does for a Flatpak reaching host tokens). CMS signatures always embed the
 * signer certificate: GnuTLS's own trust-list verification needs it there.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>

#include "cz-certificate.h"
#include "cz-signer-backend.h"

#define OID_SIGNING_TIME "1.2.840.113549.1.9.5"

G_DEFINE_QUARK (cz-signer-error-quark, cz_signer_error)

struct _CzSigner
{
  GObject          parent_instance;
  CzSignerBackend *backend;
  CzCertificate   *certificate;  /* the public half: who, by whom, when */
  char            *key_algorithm;
};

G_DEFINE_FINAL_TYPE (CzSigner, cz_signer, G_TYPE_OBJECT)

static void
cz_signer_finalize (GObject *object)
{
  CzSigner *self = CZ_SIGNER (object);

  if (self->backend != NULL)
    self->backend->free (self->backend);
  g_clear_object (&self->certificate);
  g_free (self->key_algorithm);

  G_OBJECT_CLASS (cz_signer_parent_class)->finalize (object);
}

static void
cz_signer_class_init (CzSignerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cz_signer_finalize;
}

static void
cz_signer_init (CzSigner *self)
{
}

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_privkey_t, gnutls_x509_privkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_privkey_t, gnutls_privkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pubkey_t, gnutls_pubkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs12_t, gnutls_pkcs12_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs12_bag_t, gnutls_pkcs12_bag_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs7_t, gnutls_pkcs7_deinit, NULL)

static gboolean
gnutls_failed (int          ret,
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

static GBytes *
bytes_from_datum (gnutls_datum_t *datum)
{
  GBytes *bytes = g_bytes_new (datum->data, datum->size);

  gnutls_free (datum->data);
  datum->data = NULL;
  datum->size = 0;
  return bytes;
}

/* ---------------------------------------------------------------------- */
/* The GnuTLS backend                                                       */

typedef struct
{
  CzSignerBackend        parent;
  gnutls_privkey_t       key;
  gnutls_x509_privkey_t  x509_key;   /* NULL when the key stays on a token */
  char                  *pin;        /* a token's PIN, in memory only while the signer lives */
} GnutlsBackend;

static void
gnutls_backend_free (CzSignerBackend *backend)
{
  GnutlsBackend *self = (GnutlsBackend *) backend;

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
  GnutlsBackend *self = (GnutlsBackend *) backend;
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

  if (gnutls_failed (gnutls_x509_crt_init (&crt), _("signing"), error) ||
      gnutls_failed (gnutls_x509_crt_import (crt, &cert_datum, GNUTLS_X509_FMT_DER), _("signing"), error) ||
      gnutls_failed (gnutls_pkcs7_init (&pkcs7), _("signing"), error) ||
      gnutls_failed (gnutls_pkcs7_add_attr (&attrs, OID_SIGNING_TIME, &time_datum, 0), _("signing"), error))
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
  if (gnutls_failed (ret, _("signing"), error) ||
      gnutls_failed (gnutls_pkcs7_export2 (pkcs7, GNUTLS_X509_FMT_DER, &out), _("signing"), error))
    return NULL;
  return bytes_from_datum (&out);
}

static GBytes *
gnutls_backend_export_pkcs12 (CzSignerBackend *backend,
                              GBytes          *certificate_der,
                              const char      *friendly_name,
                              const char      *passphrase,
                              GError         **error)
{
  GnutlsBackend *self = (GnutlsBackend *) backend;
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

  if (gnutls_failed (gnutls_x509_crt_init (&crt), what, error) ||
      gnutls_failed (gnutls_x509_crt_import (crt, &cert_datum, GNUTLS_X509_FMT_DER), what, error) ||
      gnutls_failed (gnutls_x509_crt_get_key_id (crt, GNUTLS_KEYID_USE_SHA1, key_id, &key_id_size), what, error) ||
      gnutls_failed (gnutls_pkcs12_init (&pkcs12), what, error) ||
      gnutls_failed (gnutls_pkcs12_bag_init (&cert_bag), what, error) ||
      gnutls_failed (gnutls_pkcs12_bag_init (&key_bag), what, error))
    return NULL;
  key_id_datum.data = key_id;
  key_id_datum.size = key_id_size;

  index = gnutls_pkcs12_bag_set_crt (cert_bag, crt);
  if (gnutls_failed (index, what, error) ||
      gnutls_failed (gnutls_pkcs12_bag_set_key_id (cert_bag, index, &key_id_datum), what, error) ||
      gnutls_failed (gnutls_pkcs12_bag_set_friendly_name (cert_bag, index, friendly_name), what, error) ||
      gnutls_failed (gnutls_pkcs12_bag_encrypt (cert_bag, passphrase, GNUTLS_PKCS_PBES2_AES_256), what, error))
    return NULL;

  ret = gnutls_x509_privkey_export2_pkcs8 (self->x509_key, GNUTLS_X509_FMT_DER, passphrase,
                                           GNUTLS_PKCS_PBES2_AES_256, &key_der);
  if (gnutls_failed (ret, what, error))
    return NULL;
  index = gnutls_pkcs12_bag_set_data (key_bag, GNUTLS_BAG_PKCS8_ENCRYPTED_KEY, &key_der);
  gnutls_free (key_der.data);
  if (gnutls_failed (index, what, error) ||
      gnutls_failed (gnutls_pkcs12_bag_set_key_id (key_bag, index, &key_id_datum), what, error) ||
      gnutls_failed (gnutls_pkcs12_bag_set_friendly_name (key_bag, index, friendly_name), what, error) ||
      gnutls_failed (gnutls_pkcs12_set_bag (pkcs12, cert_bag), what, error) ||
      gnutls_failed (gnutls_pkcs12_set_bag (pkcs12, key_bag), what, error) ||
      gnutls_failed (gnutls_pkcs12_generate_mac2 (pkcs12, GNUTLS_MAC_SHA256, passphrase), what, error) ||
      gnutls_failed (gnutls_pkcs12_export2 (pkcs12, GNUTLS_X509_FMT_DER, &out), what, error))
    return NULL;
  return bytes_from_datum (&out);
}

static GnutlsBackend *
gnutls_backend_new (const char *name)
{
  GnutlsBackend *self = g_new0 (GnutlsBackend, 1);

  self->parent.name = name;
  self->parent.sign_detached = gnutls_backend_sign_detached;
  self->parent.export_pkcs12 = gnutls_backend_export_pkcs12;
  self->parent.free = gnutls_backend_free;
  return self;
}

/* ---------------------------------------------------------------------- */
/* The signer                                                               */

CzSigner *
cz_signer_new_for_backend (CzSignerBackend *backend,
                           GBytes          *certificate_der,
                           GError         **error)
{
  g_autoptr(CzSigner) self = g_object_new (CZ_TYPE_SIGNER, NULL);
  g_auto(gnutls_x509_crt_t) crt = NULL;
  gnutls_datum_t datum = { (unsigned char *) g_bytes_get_data (certificate_der, NULL),
                           g_bytes_get_size (certificate_der) };
  unsigned int bits = 0;
  int algorithm;
  const char *what = _("reading the certificate");

  self->backend = backend;

  if (gnutls_failed (gnutls_x509_crt_init (&crt), what, error) ||
      gnutls_failed (gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_DER), what, error))
    return NULL;
  /* Imported as DER just now, so it reads. */
  self->certificate = cz_certificate_new_from_bytes (certificate_der, NULL, NULL);
  g_assert (self->certificate != NULL);

  algorithm = gnutls_x509_crt_get_pk_algorithm (crt, &bits);
  if (algorithm == GNUTLS_PK_ECDSA)
    {
      gnutls_ecc_curve_t curve = GNUTLS_ECC_CURVE_INVALID;
      g_auto(gnutls_pubkey_t) pubkey = NULL;

      if (gnutls_pubkey_init (&pubkey) >= 0 && gnutls_pubkey_import_x509 (pubkey, crt, 0) >= 0)
        gnutls_pubkey_export_ecc_raw (pubkey, &curve, NULL, NULL);
      self->key_algorithm = g_strdup_printf ("ECDSA %s", curve == GNUTLS_ECC_CURVE_SECP256R1 ? "P-256"
                                                         : gnutls_ecc_curve_get_name (curve));
    }
  else
    self->key_algorithm = g_strdup_printf ("%s %u", gnutls_pk_get_name (algorithm), bits);

  return g_steal_pointer (&self);
}

/* Checks that @key signs and that @crt's public key verifies it: catches a
 * refused PIN and a certificate that does not belong to the key. */
static gboolean
check_key_matches (gnutls_privkey_t    key,
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

static GBytes *
export_crt_der (gnutls_x509_crt_t   crt,
                GError            **error)
{
  gnutls_datum_t out = { NULL, 0 };

  if (gnutls_failed (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &out), _("reading the certificate"), error))
    return NULL;
  return bytes_from_datum (&out);
}

/* Takes @x509_key. */
static CzSigner *
signer_new_for_x509_key (const char             *backend_name,
                         gnutls_x509_privkey_t   x509_key,
                         gnutls_x509_crt_t       crt,
                         const char             *source_name,
                         GError                **error)
{
  GnutlsBackend *backend = gnutls_backend_new (backend_name);
  g_autoptr(GBytes) der = NULL;
  int ret;

  backend->x509_key = x509_key;
  ret = gnutls_privkey_init (&backend->key);
  if (ret >= 0)
    ret = gnutls_privkey_import_x509 (backend->key, x509_key, GNUTLS_PRIVKEY_IMPORT_COPY);
  if (gnutls_failed (ret, _("reading the key"), error) ||
      !check_key_matches (backend->key, crt, source_name, error) ||
      (der = export_crt_der (crt, error)) == NULL)
    {
      gnutls_backend_free (&backend->parent);
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

  if (gnutls_failed (gnutls_x509_privkey_init (&x509_key), what, error))
    return NULL;
  if (key_type == CZ_SIGNER_KEY_RSA_3072)
    ret = gnutls_x509_privkey_generate2 (x509_key, GNUTLS_PK_RSA, 3072, 0, NULL, 0);
  else
    ret = gnutls_x509_privkey_generate2 (x509_key, GNUTLS_PK_ECDSA,
                                         GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0, NULL, 0);
  if (gnutls_failed (ret, what, error))
    return NULL;

  /* A positive serial of 16 random bytes, as RFC 5280 §4.1.2.2 asks. */
  if (gnutls_failed (gnutls_rnd (GNUTLS_RND_NONCE, serial, sizeof serial), what, error))
    return NULL;
  serial[0] = (serial[0] & 0x7f) | 0x40;

  if (gnutls_failed (gnutls_x509_crt_init (&crt), what, error) ||
      gnutls_failed (gnutls_privkey_init (&key), what, error) ||
      gnutls_failed (gnutls_privkey_import_x509 (key, x509_key, 0), what, error) ||
      gnutls_failed (gnutls_x509_crt_set_version (crt, 3), what, error) ||
      gnutls_failed (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), what, error) ||
      gnutls_failed (gnutls_x509_crt_set_activation_time (crt, g_date_time_to_unix (start)), what, error) ||
      gnutls_failed (gnutls_x509_crt_set_expiration_time (crt, g_date_time_to_unix (end)), what, error) ||
      gnutls_failed (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_ORGANIZATION_NAME, 0, name, strlen (name)), what, error) ||
      gnutls_failed (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, name, strlen (name)), what, error) ||
      gnutls_failed (gnutls_x509_crt_set_key (crt, x509_key), what, error) ||
      gnutls_failed (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE), what, error) ||
      gnutls_failed (gnutls_x509_crt_set_basic_constraints (crt, 0, -1), what, error) ||
      gnutls_failed (gnutls_x509_crt_get_key_id (crt, GNUTLS_KEYID_USE_SHA1, key_id, &key_id_size), what, error) ||
      gnutls_failed (gnutls_x509_crt_set_subject_key_id (crt, key_id, key_id_size), what, error) ||
      gnutls_failed (gnutls_x509_crt_privkey_sign (crt, crt, key, GNUTLS_DIG_SHA256, 0), what, error))
    return NULL;

  return signer_new_for_x509_key ("generated", g_steal_pointer (&x509_key), crt, name, error);
}

typedef struct
{
  char            *department;
  CzSignerKeyType  key_type;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->department);
  g_free (data);
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CreateData *data = task_data;
  GError *error = NULL;
  CzSigner *signer = cz_signer_create_department (data->department, data->key_type, NULL, &error);

  if (signer == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, signer, g_object_unref);
}

void
cz_signer_create_department_async (const char          *department,
                                   CzSignerKeyType      key_type,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CreateData *data = g_new0 (CreateData, 1);

  data->department = g_strdup (department);
  data->key_type = key_type;
  g_task_set_source_tag (task, cz_signer_create_department_async);
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);
  g_task_run_in_thread (task, create_thread);
}

CzSigner *
cz_signer_create_department_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
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

  if (gnutls_failed (gnutls_pkcs12_init (&pkcs12), _("reading the certificate"), error))
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

CzSigner *
cz_signer_new_from_pkcs12_file (GFile         *file,
                                const char    *passphrase,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) local_error = NULL;

  data = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (data == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  return cz_signer_new_from_pkcs12 (data, name, passphrase, error);
}

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
  GnutlsBackend *backend = NULL;
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

  backend = gnutls_backend_new ("pkcs11");
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

  if (!check_key_matches (backend->key, crt, token_name, error) ||
      (der = export_crt_der (crt, error)) == NULL)
    goto fail;
  return cz_signer_new_for_backend (&backend->parent, der, error);

bad_pin:
  g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PIN,
               _("The token “%s” refused the PIN. Check the PIN and try again."), token_name);
fail:
  gnutls_backend_free (&backend->parent);
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
  if (gnutls_failed (ret, _("looking for USB keys"), error))
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

/* Written beside @file, synced, renamed over it: a crash leaves the old file
 * or the new one, never half of one. */
static gboolean
replace_file_private (GFile         *file,
                      GBytes        *contents,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  const guint8 *data = g_bytes_get_data (contents, NULL);
  gsize remaining = g_bytes_get_size (contents);
  int saved_errno = 0;
  int fd;

  if (path == NULL)
    {
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_WRITE,
                   _("The certificate can only be saved to a local file."));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    saved_errno = errno;

  while (fd >= 0 && saved_errno == 0 && remaining > 0)
    {
      ssize_t written = write (fd, data, remaining);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        saved_errno = errno;
      else
        {
          data += written;
          remaining -= written;
        }
    }
  if (fd >= 0 && saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;
  if (fd >= 0 && close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0 && g_rename (tmp_path, path) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      if (fd >= 0)
        g_unlink (tmp_path);
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_WRITE,
                   _("Could not save the certificate to “%s”: %s. Choose a folder you can write to."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

char *
cz_signer_dup_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "coopzone", "signers", NULL);
}

CzSigner *
cz_signer_import_pkcs12_file (GFile         *file,
                              const char    *passphrase,
                              const char    *signers_dir,
                              GFile        **imported,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CzSigner) signer = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *dir = signers_dir ? g_strdup (signers_dir) : cz_signer_dup_default_dir ();
  g_autoptr(GFile) destination = NULL;

  data = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (data == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code, _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  signer = cz_signer_new_from_pkcs12 (data, name, passphrase, error);
  if (signer == NULL)
    return NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_WRITE,
                   _("Could not create the folder “%s”: %s."), dir, g_strerror (saved_errno));
      return NULL;
    }
  destination = g_file_new_build_filename (dir, basename, NULL);
  if (!replace_file_private (destination, data, cancellable, error))
    return NULL;
  if (imported != NULL)
    *imported = g_steal_pointer (&destination);
  return g_steal_pointer (&signer);
}

gboolean
cz_signer_save_pkcs12 (CzSigner      *self,
                       GFile         *file,
                       const char    *passphrase,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GBytes) data = NULL;

  g_return_val_if_fail (CZ_IS_SIGNER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (passphrase == NULL || passphrase[0] == '\0')
    {
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PASSPHRASE,
                   _("Choose a passphrase to protect the certificate’s private key."));
      return FALSE;
    }

  data = self->backend->export_pkcs12 (self->backend, cz_certificate_get_der (self->certificate),
                                       cz_signer_get_common_name (self) ? cz_signer_get_common_name (self) : "CoopZone",
                                       passphrase, error);
  if (data == NULL)
    return FALSE;
  return replace_file_private (file, data, cancellable, error);
}

const char *
cz_signer_get_backend_name (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return self->backend->name;
}

const char *
cz_signer_get_subject (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_get_subject (self->certificate);
}

const char *
cz_signer_get_common_name (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_get_common_name (self->certificate);
}

const char *
cz_signer_get_organisation (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_get_organisation (self->certificate);
}

const char *
cz_signer_get_fingerprint (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_get_fingerprint (self->certificate);
}

GDateTime *
cz_signer_get_not_before (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_get_not_before (self->certificate);
}

GDateTime *
cz_signer_get_not_after (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_get_not_after (self->certificate);
}

const char *
cz_signer_get_key_algorithm (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return self->key_algorithm;
}

GBytes *
cz_signer_get_certificate_der (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_get_der (self->certificate);
}

char *
cz_signer_dup_certificate_pem (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_dup_pem (self->certificate);
}

GBytes *
cz_signer_sign_detached (CzSigner   *self,
                         GBytes     *content,
                         GDateTime  *signing_time,
                         GError    **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  g_return_val_if_fail (content != NULL, NULL);

  if (signing_time == NULL)
    signing_time = now = g_date_time_new_now_utc ();
  return self->backend->sign_detached (self->backend, cz_certificate_get_der (self->certificate), content, signing_time, error);
}
