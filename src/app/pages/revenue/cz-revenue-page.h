/* cz-revenue-page.h — the Revenue step: three years of revenue, enterprises, trade and R&D
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-wizard-page.h"

G_BEGIN_DECLS

#define CZ_TYPE_REVENUE_PAGE (cz_revenue_page_get_type ())
G_DECLARE_FINAL_TYPE (CzRevenuePage, cz_revenue_page, CZ, REVENUE_PAGE, CzWizardPage)

GtkWidget *cz_revenue_page_new (CzDossier *dossier);

G_END_DECLS
