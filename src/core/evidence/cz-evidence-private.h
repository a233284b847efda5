/* cz-evidence-private.h — what the evidence files share; not for callers
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-evidence.h"

G_BEGIN_DECLS

/* What reading a file tells of its bytes alone: the same for every copy of
 * the same content, whatever it is called or which slot holds it. */
typedef enum
{
  CZ_EVIDENCE_CONTENT_PDF,
  CZ_EVIDENCE_CONTENT_MISSING,
  CZ_EVIDENCE_CONTENT_EMPTY,
  CZ_EVIDENCE_CONTENT_ENCRYPTED,
  CZ_EVIDENCE_CONTENT_DAMAGED,
} CzEvidenceContentKind;

typedef struct
{
  CzEvidenceContentKind  kind;
  guint64                size;
  guint                  page_count;
  char                  *pdf_version;
  char                  *title;
} CzEvidenceContent;

/* Reads @path with poppler (blocking). */
CzEvidenceContent *cz_evidence_content_read  (const char              *path);
void               cz_evidence_content_free  (CzEvidenceContent       *content);
/* What @content means for a file called @name held to @limits: no I/O. */
CzEvidenceInfo    *cz_evidence_content_judge (const CzEvidenceContent *content,
                                              const char              *name,
                                              const CzEvidenceLimits  *limits);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzEvidenceContent, cz_evidence_content_free)

G_END_DECLS
