/* cz-sample-evidence.h — generated evidence for the sample dossier
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cz-evidence.h"

G_BEGIN_DECLS

/* A one-page PDF marked 示例 / SAMPLE, drawn with cairo. */
GBytes   *cz_sample_evidence_pdf_new (const char       *title_zh,
                                      const char       *title_en,
                                      guint             n_pages);

/* Attaches a generated, clearly marked sample document to every slot of
 * @rules that has none, through @store, so the sample dossier is complete. */
gboolean  cz_sample_add_evidence     (CzEvidenceStore  *store,
                                      CzDossier        *dossier,
                                      CzRules          *rules,
                                      GCancellable     *cancellable,
                                      GError          **error);

G_END_DECLS
