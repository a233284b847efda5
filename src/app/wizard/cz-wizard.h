/* cz-wizard.h — the steps of one dossier, with the step list at the side
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cz-store.h"
#include "cz-wizard-page.h"

G_BEGIN_DECLS

#define CZ_TYPE_WIZARD (cz_wizard_get_type ())
G_DECLARE_FINAL_TYPE (CzWizard, cz_wizard, CZ, WIZARD, GtkWidget)

GtkWidget    *cz_wizard_new               (CzStore      *store,
                                           CzDossier    *dossier);
CzStore      *cz_wizard_get_store         (CzWizard     *self);
CzDossier    *cz_wizard_get_dossier       (CzWizard     *self);
CzValidator  *cz_wizard_get_validator     (CzWizard     *self);
/* Busy while the attached files are inspected for the evidence findings. */
gboolean      cz_wizard_get_evidence_busy (CzWizard     *self);
void          cz_wizard_reload_rules      (CzWizard     *self);
/* "Estimated score 78/100 (provisional)", as the header shows it. */
const char   *cz_wizard_get_score_text    (CzWizard     *self);
/* Appends a step; the wizard gives it its dossier. */
void          cz_wizard_add_page          (CzWizard     *self,
                                           CzWizardPage *page);
guint         cz_wizard_get_n_pages       (CzWizard     *self);
CzWizardPage *cz_wizard_get_page          (CzWizard     *self,
                                           guint         position);
CzWizardPage *cz_wizard_get_current_page  (CzWizard     *self);
gboolean      cz_wizard_show_step         (CzWizard     *self,
                                           const char   *step_id);
/* Opens the step that has @field_id and focuses its input. */
gboolean      cz_wizard_focus_field       (CzWizard     *self,
                                           const char   *field_id);
/* A short text beside a step in the step list (a count, a state); NULL hides it. */
void          cz_wizard_set_step_status   (CzWizard     *self,
                                           const char   *step_id,
                                           const char   *status,
                                           const char   *style_class);
/* The state the step list shows for @step_id, as a screen reader reads it:
 * "Not started", "Complete", "2 blockers, 1 warning"; NULL for steps without one. */
const char   *cz_wizard_get_step_state    (CzWizard     *self,
                                           const char   *step_id);
/* "Saving…", "All changes saved" or "Not saved: …" */
const char   *cz_wizard_get_save_status   (CzWizard     *self);

G_END_DECLS
