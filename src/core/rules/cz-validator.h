/* cz-validator.h — the findings engine: a dossier checked against a rules pack
 *
 * Evaluates every rule once, then, on each CzDossier::field-changed, only the
 * rules that read that field. The findings are a GListModel of CzFinding in a
 * stable order (step, then rule order in the pack, then field), changed with
 * the fewest items-changed emissions: a finding that stays is the same object.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cz-dossier.h"
#include "cz-finding.h"
#include "cz-rules.h"

G_BEGIN_DECLS

#define CZ_TYPE_VALIDATOR (cz_validator_get_type ())
G_DECLARE_FINAL_TYPE (CzValidator, cz_validator, CZ, VALIDATOR, GObject)

/* Properties: "dossier" (construct-only), "rules" (changing it re-checks the
 * dossier; the validator never writes the dossier), "language" (NULL:
 * the user's; "zh_CN" or "en" picks the pack's messages), "n-blockers",
 * "n-warnings", "n-hints", "has-blockers" (read-only, notified on change).
 * Signals: "counts-changed" after any per-step count changed;
 * "field-findings-changed::<field id>" when the findings on a field changed. */
CzValidator *cz_validator_new                (CzDossier    *dossier,
                                              CzRules      *rules);

CzDossier   *cz_validator_get_dossier        (CzValidator  *self);
CzRules     *cz_validator_get_rules          (CzValidator  *self);
void         cz_validator_set_rules          (CzValidator  *self,
                                              CzRules      *rules);
const char  *cz_validator_get_language       (CzValidator  *self);
void         cz_validator_set_language       (CzValidator  *self,
                                              const char   *language);

guint        cz_validator_get_count          (CzValidator  *self,
                                              CzStep        step,
                                              CzSeverity    severity);
guint        cz_validator_get_n_blockers     (CzValidator  *self);
guint        cz_validator_get_n_warnings     (CzValidator  *self);
guint        cz_validator_get_n_hints        (CzValidator  *self);
gboolean     cz_validator_get_has_blockers   (CzValidator  *self);

/* The findings on @field_id, in model order. */
GPtrArray   *cz_validator_get_findings_for_field (CzValidator *self,
                                                  const char  *field_id);

/* Findings made outside the pack's rules (e.g. by inspecting evidence files)
 * join the model and the counts; each call replaces @source's previous ones. */
void         cz_validator_set_external_findings (CzValidator *self,
                                                 const char  *source,
                                                 GPtrArray   *findings);

G_END_DECLS
