/* cz-archive-check.h — the rules check an archive records at signing time
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cz-score.h"
#include "cz-validator.h"

G_BEGIN_DECLS

/* The findings of @validator, then @extra_findings (CzFinding, NULL: none:
 * e.g. the evidence findings), and the estimate of @score (NULL: none), as
 * cz_pack_options_set_check() takes them. */
JsonNode *cz_archive_check_new_from_validator (CzValidator *validator,
                                               GPtrArray   *extra_findings,
                                               CzScore     *score);

/* Checks (a copy of) @dossier against @rules now, leaving @dossier
 * untouched; @extra_findings as above. */
JsonNode *cz_archive_check_new                (CzDossier   *dossier,
                                               CzRules     *rules,
                                               GPtrArray   *extra_findings);

/* How many findings of @check are blockers. */
guint     cz_archive_check_count_blockers     (JsonNode    *check);

G_END_DECLS
