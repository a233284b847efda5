/* cz-wizard-page.h — one step of the wizard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cz-dossier.h"

G_BEGIN_DECLS

#define CZ_TYPE_WIZARD_PAGE (cz_wizard_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (CzWizardPage, cz_wizard_page, CZ, WIZARD_PAGE, GtkWidget)

struct _CzWizardPageClass
{
  GtkWidgetClass parent_class;

  /* Moves the keyboard focus to the input of @field_id; FALSE when the page has none. */
  gboolean (*focus_field) (CzWizardPage *self,
                           const char   *field_id);

  gpointer padding[8];
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

G_END_DECLS
