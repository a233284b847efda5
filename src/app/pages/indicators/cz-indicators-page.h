/* cz-indicators-page.h — the Indicators step: the five dimensions with their points
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-wizard-page.h"

G_BEGIN_DECLS

#define CZ_TYPE_INDICATORS_PAGE (cz_indicators_page_get_type ())
G_DECLARE_FINAL_TYPE (CzIndicatorsPage, cz_indicators_page, CZ, INDICATORS_PAGE, CzWizardPage)

GtkWidget *cz_indicators_page_new (CzDossier *dossier);

G_END_DECLS
