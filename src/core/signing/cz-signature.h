/* cz-signature.h — checking a detached CMS signature, as the archive reader
 * needs it: who signed, when they say they did, whether it matches, and
 * whether the signer chains to a trusted certificate
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CZ_SIGNATURE_VALID,      /* the signature matches the content */
  CZ_SIGNATURE_DAMAGED,    /* not one CMS signature with a signer certificate */
  CZ_SIGNATURE_MISMATCH,   /* it does not match the content */
} CzSignatureStatus;

typedef struct
{
  CzSignatureStatus  status;
  char              *detail;              /* the library's words, for a mismatch */

  GBytes            *signer_certificate;  /* DER; NULL when unreadable */
  char              *signer_fingerprint;  /* "AB:CD:…" of its SHA-256 */
  char              *signer_subject;
  GDateTime         *signer_not_before;
  GDateTime         *signer_not_after;
  /* The signing time the signer wrote: a claim, not evidence. */
  GDateTime         *signing_time;

  /* Only when trusted certificates were given: */
  gboolean           trust_checked;
  gboolean           trusted;             /* the signer is, or is issued by, one of them */
  char              *trust_detail;        /* why not */
  /* The trusted certificate that issued the signer (not for a self-signed
   * signer): its name and validity, for the caller to judge. */
  char              *issuer_subject;
  GDateTime         *issuer_not_before;
  GDateTime         *issuer_not_after;
} CzSignatureCheck;

/* Checks @cms (DER) over @content, without judging dates. @trusted is PEM or
 * DER certificates, or NULL. Never NULL. */
CzSignatureCheck *cz_signature_check_detached (GBytes           *cms,
                                               GBytes           *content,
                                               GBytes           *trusted);
void              cz_signature_check_free     (CzSignatureCheck *check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzSignatureCheck, cz_signature_check_free)

G_END_DECLS
