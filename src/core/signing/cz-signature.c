/* cz-signature.c — checking a detached CMS signature with GnuTLS
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gnutls/crypto.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>

#include "cz-digest.h"
#include "cz-signature.h"

/* Dates are the caller's to judge (at the signing time or now), not GnuTLS's. */
#define NO_TIME_CHECKS (GNUTLS_VERIFY_DISABLE_TIME_CHECKS | GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS)

void
cz_signature_check_free (CzSignatureCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->detail);
  g_clear_pointer (&check->signer_certificate, g_bytes_unref);
  g_free (check->signer_fingerprint);
  g_free (check->signer_subject);
  g_clear_pointer (&check->signer_not_before, g_date_time_unref);
  g_clear_pointer (&check->signer_not_after, g_date_time_unref);
  g_clear_pointer (&check->signing_time, g_date_time_unref);
  g_free (check->trust_detail);
  g_free (check->issuer_subject);
  g_clear_pointer (&check->issuer_not_before, g_date_time_unref);
  g_clear_pointer (&check->issuer_not_after, g_date_time_unref);
  g_free (check);
}

static char *
dup_subject (gnutls_x509_crt_t crt)
{
  gnutls_datum_t dn = { NULL, 0 };
  char *subject = NULL;

  if (gnutls_x509_crt_get_dn3 (crt, &dn, 0) >= 0)
    subject = g_strndup ((const char *) dn.data, dn.size);
  gnutls_free (dn.data);
  return subject;
}

static void
read_signer (CzSignatureCheck  *check,
             gnutls_pkcs7_t     pkcs7,
             gnutls_x509_crt_t *signer)
{
  gnutls_datum_t cert_der = { NULL, 0 };
  guint8 digest[32];
  size_t digest_size = sizeof digest;

  if (gnutls_pkcs7_get_crt_raw2 (pkcs7, 0, &cert_der) >= 0 &&
      gnutls_x509_crt_init (signer) >= 0 &&
      gnutls_x509_crt_import (*signer, &cert_der, GNUTLS_X509_FMT_DER) >= 0)
    {
      check->signer_certificate = g_bytes_new (cert_der.data, cert_der.size);
      if (gnutls_x509_crt_get_fingerprint (*signer, GNUTLS_DIG_SHA256, digest, &digest_size) >= 0)
        check->signer_fingerprint = cz_fingerprint_format (digest, digest_size);
      check->signer_subject = dup_subject (*signer);
      check->signer_not_before = g_date_time_new_from_unix_utc (gnutls_x509_crt_get_activation_time (*signer));
      check->signer_not_after = g_date_time_new_from_unix_utc (gnutls_x509_crt_get_expiration_time (*signer));
    }
  else if (*signer != NULL)
    {
      gnutls_x509_crt_deinit (*signer);
      *signer = NULL;
    }
  gnutls_free (cert_der.data);
}

/* The trusted certificate that issued @signer, for its name and validity. */
static void
read_issuer (CzSignatureCheck     *check,
             gnutls_x509_crt_t     signer,
             const gnutls_datum_t *trusted)
{
  gnutls_x509_crt_t *list = NULL;
  unsigned int size = 0;

  if (gnutls_x509_crt_check_issuer (signer, signer))
    return;
  if (gnutls_x509_crt_list_import2 (&list, &size, trusted, GNUTLS_X509_FMT_PEM, 0) < 0 &&
      gnutls_x509_crt_list_import2 (&list, &size, trusted, GNUTLS_X509_FMT_DER, 0) < 0)
    return;
  for (unsigned int i = 0; i < size; i++)
    {
      if (check->issuer_subject == NULL && gnutls_x509_crt_check_issuer (signer, list[i]))
        {
          check->issuer_subject = dup_subject (list[i]);
          if (check->issuer_subject == NULL)
            check->issuer_subject = g_strdup ("?");
          check->issuer_not_before = g_date_time_new_from_unix_utc (gnutls_x509_crt_get_activation_time (list[i]));
          check->issuer_not_after = g_date_time_new_from_unix_utc (gnutls_x509_crt_get_expiration_time (list[i]));
        }
      gnutls_x509_crt_deinit (list[i]);
    }
  gnutls_free (list);
}

static void
check_trust (CzSignatureCheck *check,
             gnutls_pkcs7_t    pkcs7,
             gnutls_x509_crt_t signer,
             gnutls_datum_t   *data,
             GBytes           *trusted)
{
  gnutls_x509_trust_list_t list = NULL;
  gnutls_datum_t ca = { (unsigned char *) g_bytes_get_data (trusted, NULL), g_bytes_get_size (trusted) };
  int n, ret;

  check->trust_checked = TRUE;
  gnutls_x509_trust_list_init (&list, 0);
  n = gnutls_x509_trust_list_add_trust_mem (list, &ca, NULL, GNUTLS_X509_FMT_PEM, 0, 0);
  if (n <= 0)
    n = gnutls_x509_trust_list_add_trust_mem (list, &ca, NULL, GNUTLS_X509_FMT_DER, 0, 0);
  ret = n > 0 ? gnutls_pkcs7_verify (pkcs7, list, NULL, 0, 0, data, NO_TIME_CHECKS) : GNUTLS_E_NO_CERTIFICATE_FOUND;
  gnutls_x509_trust_list_deinit (list, 1);
  if (ret < 0)
    {
      check->trust_detail = g_strdup (gnutls_strerror (ret));
      return;
    }
  check->trusted = TRUE;
  read_issuer (check, signer, &ca);
}

CzSignatureCheck *
cz_signature_check_detached (GBytes *cms,
                             GBytes *content,
                             GBytes *trusted)
{
  CzSignatureCheck *check = g_new0 (CzSignatureCheck, 1);
  gnutls_pkcs7_t pkcs7 = NULL;
  gnutls_x509_crt_t signer = NULL;
  gnutls_pkcs7_signature_info_st info;
  gnutls_datum_t der, data;
  gsize length;
  int ret;

  der.data = (unsigned char *) g_bytes_get_data (cms, &length);
  der.size = length;
  data.data = (unsigned char *) g_bytes_get_data (content, &length);
  data.size = length;

  if (gnutls_pkcs7_init (&pkcs7) < 0 ||
      gnutls_pkcs7_import (pkcs7, &der, GNUTLS_X509_FMT_DER) < 0 ||
      gnutls_pkcs7_get_signature_count (pkcs7) != 1 ||
      gnutls_pkcs7_get_crt_count (pkcs7) < 1)
    {
      check->status = CZ_SIGNATURE_DAMAGED;
      goto out;
    }

  read_signer (check, pkcs7, &signer);

  if (gnutls_pkcs7_get_signature_info (pkcs7, 0, &info) >= 0)
    {
      if (info.signing_time > 0)
        check->signing_time = g_date_time_new_from_unix_utc (info.signing_time);
      gnutls_pkcs7_signature_info_deinit (&info);
    }

  ret = signer ? gnutls_pkcs7_verify_direct (pkcs7, signer, 0, &data, NO_TIME_CHECKS) : GNUTLS_E_NO_CERTIFICATE_FOUND;
  if (ret < 0)
    {
      check->status = CZ_SIGNATURE_MISMATCH;
      check->detail = g_strdup (gnutls_strerror (ret));
      goto out;
    }
  check->status = CZ_SIGNATURE_VALID;

  if (trusted != NULL)
    check_trust (check, pkcs7, signer, &data, trusted);

out:
  if (signer != NULL)
    gnutls_x509_crt_deinit (signer);
  if (pkcs7 != NULL)
    gnutls_pkcs7_deinit (pkcs7);
  return check;
}
