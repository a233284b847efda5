/* cz-validator-private.h — what the findings engine shares with its checks
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cz-validator.c keeps the findings model (order, counts, signals);
 * cz-rule-checks.c evaluates one rule against a dossier. The checks never
 * call back into the engine.
 */
#pragma once

#include "cz-rules-private.h"
#include "cz-validator.h"

G_BEGIN_DECLS

/* A finding in the model, with what orders it. */
typedef struct
{
  CzFinding *finding;
  guint      step;
  guint      rule_index;
  guint      field_position;
} CzValidatorEntry;

void       cz_validator_entry_free (CzValidatorEntry *entry);

/* cz-rule-checks.c */
GPtrArray *cz_rule_check_evaluate  (const CzRule     *rule,
                                    CzDossier        *dossier,
                                    CzRules          *rules,
                                    const char       *language);

/* Test hook: how many times the rule @rule_id was evaluated since the
 * validator was made (or the pack last changed); NULL counts every rule. */
gboolean   cz_rule_check_is_per_field   (const CzRule *rule);
GPtrArray *cz_rule_check_evaluate_field (const CzRule *rule,
                                         const char   *field_id,
                                         CzDossier    *dossier,
                                         CzRules      *rules,
                                         const char   *language,
                                         guint        *out_n_checked);

guint      cz_validator_get_evaluation_count (CzValidator *self,
                                              const char  *rule_id);
/* How many fields the per-field rules (input checks) have looked at, in all. */
guint      cz_validator_get_field_check_count (CzValidator *self);

G_END_DECLS
