/* cz-evidence-page.h — the Evidence step (its place in the flow; attachments come later)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-wizard-page.h"

G_BEGIN_DECLS

#define CZ_TYPE_EVIDENCE_PAGE (cz_evidence_page_get_type ())
G_DECLARE_FINAL_TYPE (CzEvidencePage, cz_evidence_page, CZ, EVIDENCE_PAGE, CzWizardPage)

GtkWidget *cz_evidence_page_new (CzDossier *dossier);

G_END_DECLS
