/* cz-archive-dossier.h — what packing a stored dossier takes, for the CLI and the GUI alike
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-archive.h"
#include "cz-evidence.h"
#include "cz-rules.h"

G_BEGIN_DECLS

/* Pack options for @dossier as coopzone-cli and the GUI pack it: the rules
 * check at signing time including the evidence findings (every evidence file
 * in @evidence is inspected, so call this off the UI thread), the evidence of
 * the dossier's evidence.files from @evidence, and the 申报表 rendered with
 * @rules while packing. The check is then cz_pack_options_get_check(). */
CzPackOptions *cz_pack_options_new_for_dossier (CzEvidenceStore *evidence,
                                                CzDossier       *dossier,
                                                CzRules         *rules);

/* The messages of @check's blockers, each followed by its field id in
 * parentheses when it has one. */
GStrv          cz_archive_check_dup_blockers   (JsonNode        *check);

G_END_DECLS
