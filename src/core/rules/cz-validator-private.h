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
guint      cz_validator_get_evaluation_count (CzValidator *self,
                                              const char  *rule_id);

G_END_DECLS
