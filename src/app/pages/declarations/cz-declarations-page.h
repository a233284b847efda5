/* cz-declarations-page.h — the Declarations step: truthfulness, industrial policy, signatory
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-wizard-page.h"

G_BEGIN_DECLS

#define CZ_TYPE_DECLARATIONS_PAGE (cz_declarations_page_get_type ())
G_DECLARE_FINAL_TYPE (CzDeclarationsPage, cz_declarations_page, CZ, DECLARATIONS_PAGE, CzWizardPage)

GtkWidget *cz_declarations_page_new (CzDossier *dossier);

G_END_DECLS
