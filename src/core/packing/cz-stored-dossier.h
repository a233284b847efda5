/* cz-stored-dossier.h — what needs both a dossier's store and its evidence
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-evidence.h"
#include "cz-store.h"

G_BEGIN_DECLS

/* Attaches the generated sample documents to a dossier of @store (its
 * evidence folder, the dossier's rules pack), and saves before returning. */
gboolean  cz_sample_add_evidence_to_stored (CzStore       *store,
                                            CzDossier     *dossier,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_END_DECLS
