/* cz-boundary-page.h — the Boundary step: the four limits and the functional areas
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-wizard-page.h"

G_BEGIN_DECLS

#define CZ_TYPE_BOUNDARY_PAGE (cz_boundary_page_get_type ())
G_DECLARE_FINAL_TYPE (CzBoundaryPage, cz_boundary_page, CZ, BOUNDARY_PAGE, CzWizardPage)

GtkWidget *cz_boundary_page_new (CzDossier *dossier);

G_END_DECLS
