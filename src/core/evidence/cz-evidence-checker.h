/* cz-evidence-checker.h — keeps the validator's evidence findings current
 *
 * Evidence findings need the stored files inspected with poppler, which the
 * rules engine cannot do on the UI thread. The checker asks the evidence
 * store, which inspects each stored copy once for everyone (the slot that
 * attached it included), and has a worker inspect those not yet seen; it
 * then hands cz_evidence_dup_findings() to the validator as its "evidence"
 * findings: the step list, the review and has-blockers all count them.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-evidence.h"
#include "cz-validator.h"

G_BEGIN_DECLS

#define CZ_TYPE_EVIDENCE_CHECKER (cz_evidence_checker_get_type ())
G_DECLARE_FINAL_TYPE (CzEvidenceChecker, cz_evidence_checker, CZ, EVIDENCE_CHECKER, GObject)

/* Checks now, then whenever "evidence.files" or the validator's pack changes.
 * "busy" (read-only) is TRUE while an inspection runs. */
CzEvidenceChecker *cz_evidence_checker_new      (CzValidator       *validator,
                                                 CzEvidenceStore   *store);
gboolean           cz_evidence_checker_get_busy (CzEvidenceChecker *self);

G_END_DECLS
