/* cz-zone-page.h — the Zone step: name, partners, location, bodies, contact, area
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-wizard-page.h"

G_BEGIN_DECLS

#define CZ_TYPE_ZONE_PAGE (cz_zone_page_get_type ())
G_DECLARE_FINAL_TYPE (CzZonePage, cz_zone_page, CZ, ZONE_PAGE, CzWizardPage)

GtkWidget *cz_zone_page_new (CzDossier *dossier);

G_END_DECLS
