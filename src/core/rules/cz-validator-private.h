/* cz-validator-private.h — test hooks of the findings engine
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-validator.h"

G_BEGIN_DECLS

/* How many times the rule @rule_id was evaluated since the validator was made
 * (or the pack last changed); NULL counts every rule. */
guint cz_validator_get_evaluation_count (CzValidator *self,
                                         const char  *rule_id);

G_END_DECLS
