/* cz-declarations-page.c — the Declarations step: truthfulness, industrial policy, signatory
 *
 * A ticked declaration stores "yes"; unticking it stores "no", so the file
 * says the person withdrew it rather than never answered. The date is typed
 * as YYYY-MM-DD (or 2026年8月1日) and stored as a date.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-declarations-page.h"
#include "cz-field-entry-row.h"
#include "cz-fields.h"

struct _CzDeclarationsPage
{
  CzWizardPage        parent_instance;

  AdwActionRow       *truthful_row;
  GtkCheckButton     *truthful_check;
  CzMessageRow       *truthful_message;
  AdwActionRow       *policy_row;
  GtkCheckButton     *policy_check;
  CzMessageRow       *policy_message;
  AdwEntryRow        *date_row;
  CzMessageRow       *date_message;

  CzDossier          *bound_dossier;
  gulong              changed_id;
  guint               loading : 1;
  guint               writing : 1;
};

G_DEFINE_FINAL_TYPE (CzDeclarationsPage, cz_declarations_page, CZ_TYPE_WIZARD_PAGE)

/* "2026-08-01", "2026-8-1" or "2026年8月1日". */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;
  char tail;

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 &&
      sscanf (text, "%4u年%2u月%2u日%c", &year, &month, &day, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static void
cz_declarations_page_load (CzDeclarationsPage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  CzValue *date = dossier ? cz_dossier_get_value (dossier, CZ_FIELD_DECLARATION_DATE) : NULL;

  self->loading = TRUE;
  gtk_check_button_set_active (self->truthful_check,
                               dossier && g_strcmp0 (cz_dossier_get_text (dossier, CZ_FIELD_DECLARATION_TRUTHFUL),
                                                     CZ_DECLARED_YES) == 0);
  gtk_check_button_set_active (self->policy_check,
                               dossier && g_strcmp0 (cz_dossier_get_text (dossier, CZ_FIELD_DECLARATION_INDUSTRIAL_POLICY),
                                                     CZ_DECLARED_YES) == 0);
  /* Text that is not (yet) a date is the person's own: left alone. */
  if (!self->writing && date != NULL && cz_value_get_kind (date) == CZ_FIELD_KIND_DATE)
    {
      const char *iso = cz_value_get_date_iso (date);
      g_autoptr(GDate) stored = cz_value_dup_date (date);
      GDate shown;

      g_date_clear (&shown, 1);
      if (!parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &shown) ||
          g_date_compare (&shown, stored) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->date_row), iso);
    }
  self->loading = FALSE;
}

static void
on_check_toggled (CzDeclarationsPage *self,
                  GParamSpec         *pspec,
                  GtkCheckButton     *check)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  const char *field_id = check == self->truthful_check ? CZ_FIELD_DECLARATION_TRUTHFUL
                                                       : CZ_FIELD_DECLARATION_INDUSTRIAL_POLICY;

  if (self->loading || dossier == NULL)
    return;

  self->writing = TRUE;
  cz_dossier_set_text (dossier, field_id,
                       gtk_check_button_get_active (check) ? CZ_DECLARED_YES : CZ_DECLARED_NO);
  self->writing = FALSE;
}

static void
on_date_changed (CzDeclarationsPage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  GDate date;

  if (self->loading || dossier == NULL)
    return;

  g_date_clear (&date, 1);
  self->writing = TRUE;
  if (*text != '\0' && parse_date (text, &date))
    {
      g_autoptr(CzValue) value = cz_value_new_date (&date);

      cz_dossier_set_value (dossier, CZ_FIELD_DECLARATION_DATE, value);
      cz_message_row_set_message (self->date_message, NULL);
    }
  else
    {
      cz_dossier_clear (dossier, CZ_FIELD_DECLARATION_DATE);
      cz_message_row_set_message (self->date_message,
                                  *text == '\0' ? NULL
                                                : _("Enter the date as year-month-day, for example 2026-08-01."));
    }
  self->writing = FALSE;
}

static void
declarations_today_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CzDeclarationsPage *self = CZ_DECLARATIONS_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = g_date_time_format (now, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

static void
cz_declarations_page_dossier_changed (CzWizardPage *page)
{
  CzDeclarationsPage *self = CZ_DECLARATIONS_PAGE (page);
  CzDossier *dossier = cz_wizard_page_get_dossier (page);

  g_clear_signal_handler (&self->changed_id, self->bound_dossier);
  g_set_object (&self->bound_dossier, dossier);

  if (dossier != NULL)
    self->changed_id = g_signal_connect_object (dossier, "field-changed",
                                                G_CALLBACK (cz_declarations_page_load), self,
                                                G_CONNECT_SWAPPED);

  cz_declarations_page_load (self);
}

static void
cz_declarations_page_dispose (GObject *object)
{
  CzDeclarationsPage *self = CZ_DECLARATIONS_PAGE (object);

  g_clear_signal_handler (&self->changed_id, self->bound_dossier);
  g_clear_object (&self->bound_dossier);

  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_DECLARATIONS_PAGE);

  G_OBJECT_CLASS (cz_declarations_page_parent_class)->dispose (object);
}

static void
cz_declarations_page_class_init (CzDeclarationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_declarations_page_dispose;
  CZ_WIZARD_PAGE_CLASS (klass)->dossier_changed = cz_declarations_page_dossier_changed;

  g_type_ensure (CZ_TYPE_FIELD_ENTRY_ROW);
  g_type_ensure (CZ_TYPE_MESSAGE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/pages/declarations/cz-declarations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CzDeclarationsPage, truthful_row);
  gtk_widget_class_bind_template_child (widget_class, CzDeclarationsPage, truthful_check);
  gtk_widget_class_bind_template_child (widget_class, CzDeclarationsPage, truthful_message);
  gtk_widget_class_bind_template_child (widget_class, CzDeclarationsPage, policy_row);
  gtk_widget_class_bind_template_child (widget_class, CzDeclarationsPage, policy_check);
  gtk_widget_class_bind_template_child (widget_class, CzDeclarationsPage, policy_message);
  gtk_widget_class_bind_template_child (widget_class, CzDeclarationsPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, CzDeclarationsPage, date_message);

  gtk_widget_class_install_action (widget_class, "declarations.today", NULL, declarations_today_action);
}

static void
cz_declarations_page_init (CzDeclarationsPage *self)
{
  CzWizardPage *page = CZ_WIZARD_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The check box is read with the declaration it confirms. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->truthful_check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->truthful_row, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->policy_check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->policy_row, NULL, -1);

  g_signal_connect_object (self->truthful_check, "notify::active",
                           G_CALLBACK (on_check_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->policy_check, "notify::active",
                           G_CALLBACK (on_check_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_row, "changed",
                           G_CALLBACK (on_date_changed), self, G_CONNECT_SWAPPED);

  cz_wizard_page_add_field (page, CZ_FIELD_DECLARATION_TRUTHFUL, GTK_WIDGET (self->truthful_check), self->truthful_message);
  cz_wizard_page_add_field (page, CZ_FIELD_DECLARATION_INDUSTRIAL_POLICY, GTK_WIDGET (self->policy_check), self->policy_message);
  cz_wizard_page_add_field (page, CZ_FIELD_DECLARATION_DATE, GTK_WIDGET (self->date_row), self->date_message);
}

GtkWidget *
cz_declarations_page_new (CzDossier *dossier)
{
  return g_object_new (CZ_TYPE_DECLARATIONS_PAGE, "dossier", dossier, NULL);
}
