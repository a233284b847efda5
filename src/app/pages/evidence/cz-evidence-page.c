/* cz-evidence-page.c — the Evidence step (its place in the flow; attachments come later)
 *
 * Says plainly that evidence cannot be attached in this version, and lists
 * what the rules pack will ask for, so a department can start collecting it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-evidence-page.h"

struct _CzEvidencePage
{
  CzWizardPage         parent_instance;

  AdwStatusPage       *status_page;
  AdwPreferencesGroup *slots_group;
  GPtrArray           *slot_rows;
};

G_DEFINE_FINAL_TYPE (CzEvidencePage, cz_evidence_page, CZ_TYPE_WIZARD_PAGE)

static void
on_validator_changed (CzEvidencePage *self)
{
  CzValidator *validator = cz_wizard_page_get_validator (CZ_WIZARD_PAGE (self));
  CzRules *rules = validator ? cz_validator_get_rules (validator) : NULL;
  const char *language = cz_rules_pick_language (NULL);

  for (guint i = 0; i < self->slot_rows->len; i++)
    adw_preferences_group_remove (self->slots_group, g_ptr_array_index (self->slot_rows, i));
  g_ptr_array_set_size (self->slot_rows, 0);

  for (guint i = 0; rules != NULL && i < cz_rules_get_n_evidence_slots (rules); i++)
    {
      const CzEvidenceSlot *slot = cz_rules_get_evidence_slot (rules, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (cz_evidence_slot_get_title (slot, language), -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   cz_evidence_slot_get_required (slot) ? _("Required") : _("Optional"));
      adw_preferences_group_add (self->slots_group, row);
      g_ptr_array_add (self->slot_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->slots_group), self->slot_rows->len > 0);
}

static void
cz_evidence_page_dispose (GObject *object)
{
  CzEvidencePage *self = CZ_EVIDENCE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_EVIDENCE_PAGE);
  g_clear_pointer (&self->slot_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cz_evidence_page_parent_class)->dispose (object);
}

static void
cz_evidence_page_class_init (CzEvidencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_evidence_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/pages/evidence/cz-evidence-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CzEvidencePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, CzEvidencePage, slots_group);
}

static void
cz_evidence_page_init (CzEvidencePage *self)
{
  self->slot_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->slots_group), FALSE);

  g_signal_connect (self, "notify::validator", G_CALLBACK (on_validator_changed), NULL);
}

GtkWidget *
cz_evidence_page_new (CzDossier *dossier)
{
  return g_object_new (CZ_TYPE_EVIDENCE_PAGE, "dossier", dossier, NULL);
}
