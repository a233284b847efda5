/* cz-evidence-page.h — the Evidence step: the documents each criterion needs,
 * attached to its slot, with a preview of the file selected
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-evidence.h"
#include "cz-evidence-slot-group.h"
#include "cz-pdf-preview.h"
#include "cz-wizard-page.h"

G_BEGIN_DECLS

#define CZ_TYPE_EVIDENCE_PAGE (cz_evidence_page_get_type ())
G_DECLARE_FINAL_TYPE (CzEvidencePage, cz_evidence_page, CZ, EVIDENCE_PAGE, CzWizardPage)

GtkWidget           *cz_evidence_page_new                (CzDossier       *dossier);
/* Where attached files are kept; without one the step only lists the slots. */
CzEvidenceStore     *cz_evidence_page_get_evidence_store (CzEvidencePage  *self);
void                 cz_evidence_page_set_evidence_store (CzEvidencePage  *self,
                                                          CzEvidenceStore *store);
CzEvidenceSlotGroup *cz_evidence_page_get_slot_group     (CzEvidencePage  *self,
                                                          const char      *slot_id);
CzPdfPreview        *cz_evidence_page_get_preview        (CzEvidencePage  *self);
/* The SHA-256 of the file shown in the preview, or NULL. */
const char          *cz_evidence_page_get_previewed      (CzEvidencePage  *self);

G_END_DECLS
