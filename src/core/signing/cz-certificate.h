/* cz-certificate.h — an X.509 certificate as a person checks it: who, by whom, when
 *
 * The public half only: what the signer window shows before the passphrase
 * is typed, the certificate authority a province trusts, the signer of a
 * received archive.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CZ_CERTIFICATE_ERROR (cz_certificate_error_quark ())

typedef enum
{
  CZ_CERTIFICATE_ERROR_INVALID,   /* neither a PEM nor a DER X.509 certificate */
} CzCertificateError;

#define CZ_TYPE_CERTIFICATE (cz_certificate_get_type ())
G_DECLARE_FINAL_TYPE (CzCertificate, cz_certificate, CZ, CERTIFICATE, GObject)

GQuark         cz_certificate_error_quark       (void);

/* The first certificate in @data, PEM or DER. @source_name (e.g. the file's
 * name) is named in the error. */
CzCertificate *cz_certificate_new_from_bytes    (GBytes        *data,
                                                 const char    *source_name,
                                                 GError       **error);
CzCertificate *cz_certificate_new_from_file     (GFile         *file,
                                                 GCancellable  *cancellable,
                                                 GError       **error);

const char    *cz_certificate_get_subject       (CzCertificate *self);  /* RFC 4514, UTF-8 */
const char    *cz_certificate_get_issuer        (CzCertificate *self);
/* The CN, else the O, else the whole subject: a name for a sentence. */
const char    *cz_certificate_get_display_name  (CzCertificate *self);
/* The subject's CN and O; NULL when it has none. */
const char    *cz_certificate_get_common_name   (CzCertificate *self);
const char    *cz_certificate_get_organisation  (CzCertificate *self);
/* "AB:CD:…" of the SHA-256 of the DER certificate. */
const char    *cz_certificate_get_fingerprint   (CzCertificate *self);
GDateTime     *cz_certificate_get_not_before    (CzCertificate *self);
GDateTime     *cz_certificate_get_not_after     (CzCertificate *self);
/* Issued by itself: a department certificate, not one from an authority. */
gboolean       cz_certificate_get_self_signed   (CzCertificate *self);
/* Whether @time lies within notBefore…notAfter, both included (RFC 5280). */
gboolean       cz_certificate_is_valid_at       (CzCertificate *self,
                                                 GDateTime     *time);
GBytes        *cz_certificate_get_der           (CzCertificate *self);
char          *cz_certificate_dup_pem           (CzCertificate *self);

G_END_DECLS
