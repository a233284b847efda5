/* cz-incidents-page.h — the Incidents step: three years of accidents, incidents and integrity
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-wizard-page.h"

G_BEGIN_DECLS

#define CZ_TYPE_INCIDENTS_PAGE (cz_incidents_page_get_type ())
G_DECLARE_FINAL_TYPE (CzIncidentsPage, cz_incidents_page, CZ, INCIDENTS_PAGE, CzWizardPage)

GtkWidget *cz_incidents_page_new (CzDossier *dossier);

G_END_DECLS
