/* cz-archive-verification-private.h — what verify fills in
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-archive.h"

G_BEGIN_DECLS

struct _CzArchiveVerification
{
  GObject         parent_instance;
  CzArchiveCheck  failed;
  GPtrArray      *problems;
  GPtrArray      *files;
  gboolean        trust_checked;
  char           *bag_name;
  char           *signer_subject;
  char           *signer_fingerprint;
  GBytes         *signer_certificate;
  GDateTime      *signing_time;
  GDateTime      *signer_not_before;
  GDateTime      *signer_not_after;
  char           *organisation;
  char           *rules_pack_id;
  char           *rules_pack_sha256;
  char           *app_version;
  char           *payload_oxum;
  char           *tag_manifest_fingerprint;
  char           *content_fingerprint;
  JsonNode       *dossier_json;
};

/* Adds a translated sentence to the problems and marks @check failed. */
void cz_archive_verification_add_problem (CzArchiveVerification *self,
                                          CzArchiveCheck         check,
                                          const char            *format,
                                          ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
