/* cz-certificate.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "cz-digest.h"
#include "cz-certificate.h"

G_DEFINE_QUARK (cz-certificate-error-quark, cz_certificate_error)

struct _CzCertificate
{
  GObject    parent_instance;
  GBytes    *der;
  char      *subject;
  char      *issuer;
  char      *display_name;
  char      *common_name;
  char      *organisation;
  char      *fingerprint;
  GDateTime *not_before;
  GDateTime *not_after;
  gboolean   self_signed;
};

G_DEFINE_FINAL_TYPE (CzCertificate, cz_certificate, G_TYPE_OBJECT)

static void
cz_certificate_finalize (GObject *object)
{
  CzCertificate *self = CZ_CERTIFICATE (object);

  g_clear_pointer (&self->der, g_bytes_unref);
  g_free (self->subject);
  g_free (self->issuer);
  g_free (self->display_name);
  g_free (self->common_name);
  g_free (self->organisation);
  g_free (self->fingerprint);
  g_clear_pointer (&self->not_before, g_date_time_unref);
  g_clear_pointer (&self->not_after, g_date_time_unref);

  G_OBJECT_CLASS (cz_certificate_parent_class)->finalize (object);
}

static void
cz_certificate_class_init (CzCertificateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cz_certificate_finalize;
}

static void
cz_certificate_init (CzCertificate *self)
{
}

static char *
dup_dn_part (gnutls_x509_crt_t  crt,
             const char        *oid)
{
  size_t size = 0;
  g_autofree char *buffer = NULL;

  if (gnutls_x509_crt_get_dn_by_oid (crt, oid, 0, 0, NULL, &size) != GNUTLS_E_SHORT_MEMORY_BUFFER)
    return NULL;
  buffer = g_malloc0 (size + 1);
  if (gnutls_x509_crt_get_dn_by_oid (crt, oid, 0, 0, buffer, &size) < 0)
    return NULL;
  return g_steal_pointer (&buffer);
}

CzCertificate *
cz_certificate_new_from_bytes (GBytes      *data,
                               const char  *source_name,
                               GError     **error)
{
  g_autoptr(CzCertificate) self = NULL;
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t datum = { (unsigned char *) g_bytes_get_data (data, NULL), g_bytes_get_size (data) };
  gnutls_datum_t der = { NULL, 0 };
  gnutls_datum_t dn = { NULL, 0 };
  guint8 digest[32];
  size_t digest_size = sizeof digest;
  int ret;

  g_return_val_if_fail (data != NULL, NULL);

  ret = gnutls_x509_crt_init (&crt);
  if (ret >= 0)
    {
      ret = gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_PEM);
      if (ret < 0)
        ret = gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_DER);
    }
  if (ret >= 0)
    ret = gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &der);
  if (ret >= 0)
    ret = gnutls_x509_crt_get_fingerprint (crt, GNUTLS_DIG_SHA256, digest, &digest_size);
  if (ret < 0)
    {
      if (crt != NULL)
        gnutls_x509_crt_deinit (crt);
      gnutls_free (der.data);
      g_set_error (error, CZ_CERTIFICATE_ERROR, CZ_CERTIFICATE_ERROR_INVALID,
                   /* Translators: %s is a file name */
                   _("“%s” is not a certificate. Choose a certificate file (.pem, .crt or .cer)."),
                   source_name ? source_name : "?");
      return NULL;
    }

  self = g_object_new (CZ_TYPE_CERTIFICATE, NULL);
  self->der = g_bytes_new (der.data, der.size);
  gnutls_free (der.data);
  if (gnutls_x509_crt_get_dn3 (crt, &dn, 0) >= 0)
    self->subject = g_strndup ((const char *) dn.data, dn.size);
  gnutls_free (dn.data);
  dn.data = NULL;
  if (gnutls_x509_crt_get_issuer_dn3 (crt, &dn, 0) >= 0)
    self->issuer = g_strndup ((const char *) dn.data, dn.size);
  gnutls_free (dn.data);
  self->common_name = dup_dn_part (crt, GNUTLS_OID_X520_COMMON_NAME);
  self->organisation = dup_dn_part (crt, GNUTLS_OID_X520_ORGANIZATION_NAME);
  self->display_name = g_strdup (self->common_name ? self->common_name
                                 : self->organisation ? self->organisation
                                 : self->subject ? self->subject : "");
  self->fingerprint = cz_fingerprint_format (digest, digest_size);
  self->not_before = g_date_time_new_from_unix_utc (gnutls_x509_crt_get_activation_time (crt));
  self->not_after = g_date_time_new_from_unix_utc (gnutls_x509_crt_get_expiration_time (crt));
  self->self_signed = gnutls_x509_crt_check_issuer (crt, crt) != 0;
  gnutls_x509_crt_deinit (crt);
  return g_steal_pointer (&self);
}

CzCertificate *
cz_certificate_new_from_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  data = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (data == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  return cz_certificate_new_from_bytes (data, name, error);
}

const char *
cz_certificate_get_subject (CzCertificate *self)
{
  g_return_val_if_fail (CZ_IS_CERTIFICATE (self), NULL);
  return self->subject;
}

const char *
cz_certificate_get_issuer (CzCertificate *self)
{
  g_return_val_if_fail (CZ_IS_CERTIFICATE (self), NULL);
  return self->issuer;
}

const char *
cz_certificate_get_display_name (CzCertificate *self)
{
  g_return_val_if_fail (CZ_IS_CERTIFICATE (self), NULL);
  return self->display_name;
}

const char *
cz_certificate_get_common_name (CzCertificate *self)
{
  g_return_val_if_fail (CZ_IS_CERTIFICATE (self), NULL);
  return self->common_name;
}

const char *
cz_certificate_get_organisation (CzCertificate *self)
{
  g_return_val_if_fail (CZ_IS_CERTIFICATE (self), NULL);
  return self->organisation;
}

const char *
cz_certificate_get_fingerprint (CzCertificate *self)
{
  g_return_val_if_fail (CZ_IS_CERTIFICATE (self), NULL);
  return self->fingerprint;
}

GDateTime *
cz_certificate_get_not_before (CzCertificate *self)
{
  g_return_val_if_fail (CZ_IS_CERTIFICATE (self), NULL);
  return self->not_before;
}

GDateTime *
cz_certificate_get_not_after (CzCertificate *self)
{
  g_return_val_if_fail (CZ_IS_CERTIFICATE (self), NULL);
  return self->not_after;
}

gboolean
cz_certificate_get_self_signed (CzCertificate *self)
{
  g_return_val_if_fail (CZ_IS_CERTIFICATE (self), FALSE);
  return self->self_signed;
}

gboolean
cz_certificate_is_valid_at (CzCertificate *self,
                            GDateTime     *time)
{
  g_return_val_if_fail (CZ_IS_CERTIFICATE (self), FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  return g_date_time_compare (time, self->not_before) >= 0 && g_date_time_compare (time, self->not_after) <= 0;
}

GBytes *
cz_certificate_get_der (CzCertificate *self)
{
  g_return_val_if_fail (CZ_IS_CERTIFICATE (self), NULL);
  return self->der;
}

char *
cz_certificate_dup_pem (CzCertificate *self)
{
  g_autofree char *base64 = NULL;
  GString *pem = g_string_new ("-----BEGIN CERTIFICATE-----\n");
  gsize length;

  g_return_val_if_fail (CZ_IS_CERTIFICATE (self), NULL);

  base64 = g_base64_encode (g_bytes_get_data (self->der, NULL), g_bytes_get_size (self->der));
  length = strlen (base64);
  for (gsize i = 0; i < length; i += 64)
    {
      g_string_append_len (pem, base64 + i, MIN (64, length - i));
      g_string_append_c (pem, '\n');
    }
  g_string_append (pem, "-----END CERTIFICATE-----\n");
  return g_string_free (pem, FALSE);
}
