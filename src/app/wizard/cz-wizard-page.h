/* cz-wizard-page.h — one step of the wizard
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cz-dossier.h"
#include "cz-message-row.h"
#include "cz-validator.h"

G_BEGIN_DECLS

#define CZ_TYPE_WIZARD_PAGE (cz_wizard_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (CzWizardPage, cz_wizard_page, CZ, WIZARD_PAGE, GtkWidget)

struct _CzWizardPageClass
{
  GtkWidgetClass parent_class;

  /* Moves the keyboard focus to the input of @field_id; FALSE when the page has none. */
  gboolean (*focus_field) (CzWizardPage *self,
                           const char   *field_id);
  /* The page now edits another dossier (or none): read it, listen to it.
   * Called once the base class is bound, instead of notify::dossier. */
  void     (*dossier_changed) (CzWizardPage *self);

  gpointer padding[7];
};

CzDossier  *cz_wizard_page_get_dossier   (CzWizardPage *self);
void        cz_wizard_page_set_dossier   (CzWizardPage *self,
                                          CzDossier    *dossier);
const char *cz_wizard_page_get_title     (CzWizardPage *self);
void        cz_wizard_page_set_title     (CzWizardPage *self,
                                          const char   *title);
const char *cz_wizard_page_get_step_id   (CzWizardPage *self);
void        cz_wizard_page_set_step_id   (CzWizardPage *self,
                                          const char   *step_id);
const char *cz_wizard_page_get_icon_name (CzWizardPage *self);
void        cz_wizard_page_set_icon_name (CzWizardPage *self,
                                          const char   *icon_name);
gboolean    cz_wizard_page_focus_field   (CzWizardPage *self,
                                          const char   *field_id);

/* The wizard's findings engine; the page shows its findings on its rows. */
CzValidator *cz_wizard_page_get_validator (CzWizardPage *self);
void        cz_wizard_page_set_validator (CzWizardPage *self,
                                          CzValidator  *validator);
/* Registers the input shown for @field_id (focused by focus_field) and the
 * message row under it (where its findings are shown); either may be NULL.
 * Registering a field again replaces it. A CzFieldEntryRow registers itself. */
void        cz_wizard_page_add_field     (CzWizardPage *self,
                                          const char   *field_id,
                                          GtkWidget    *input,
                                          CzMessageRow *message);
void        cz_wizard_page_remove_field  (CzWizardPage *self,
                                          const char   *field_id);
GtkWidget  *cz_wizard_page_get_field_input   (CzWizardPage *self,
                                              const char   *field_id);
CzMessageRow *cz_wizard_page_get_field_message (CzWizardPage *self,
                                                const char   *field_id);
/* The findings on @field_id as a row shows them (messages, provisional marks,
 * citations; notes left out), and "error" or "warning" in @out_style; NULL
 * when there are none. */
char       *cz_wizard_page_dup_findings_text (CzValidator *validator,
                                              const char  *field_id,
                                              const char **out_style);
/* Scrolls the page to show the top of @widget once it has its place: a row
 * just added is laid out only in the frame after it is added. */
void        cz_wizard_page_reveal_when_placed (CzWizardPage *self,
                                               GtkWidget    *widget);
/* "started": the step has an answer (cz_fields_step_is_started) or the
 * review led the person here; notified when it changes. */
gboolean    cz_wizard_page_get_started   (CzWizardPage *self);

G_END_DECLS
