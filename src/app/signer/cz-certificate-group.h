/* cz-certificate-group.h — a certificate's subject, issuer, validity, key and fingerprint
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cz-certificate.h"
#include "cz-signer.h"

G_BEGIN_DECLS

#define CZ_TYPE_CERTIFICATE_GROUP (cz_certificate_group_get_type ())
G_DECLARE_FINAL_TYPE (CzCertificateGroup, cz_certificate_group, CZ, CERTIFICATE_GROUP, AdwPreferencesGroup)

GtkWidget     *cz_certificate_group_new                (void);
/* Shows @signer's certificate and key, and @location when not NULL; NULL hides the group. */
void           cz_certificate_group_show_signer        (CzCertificateGroup *self,
                                                        CzSigner           *signer,
                                                        const char         *location);

CzCertificate *cz_certificate_group_get_certificate    (CzCertificateGroup *self);
void           cz_certificate_group_set_certificate    (CzCertificateGroup *self,
                                                        CzCertificate      *certificate);
const char    *cz_certificate_group_get_key_algorithm  (CzCertificateGroup *self);
void           cz_certificate_group_set_key_algorithm  (CzCertificateGroup *self,
                                                        const char         *key_algorithm);
const char    *cz_certificate_group_get_location       (CzCertificateGroup *self);
void           cz_certificate_group_set_location       (CzCertificateGroup *self,
                                                        const char         *location);

G_END_DECLS
