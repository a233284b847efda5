/* cz-sample.h — the built-in sample dossier of a fictional zone
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-dossier.h"

G_BEGIN_DECLS

#define CZ_SAMPLE_DOSSIER_ID "00000000-0000-4000-8000-000000000001"

CzDossier *cz_sample_dossier_new (void);

G_END_DECLS
