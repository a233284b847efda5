/* cz-incidents-page.c — the Incidents step: three years of accidents, incidents and integrity
 *
 * One group per incident type: for each of the three complete years an
 * explicit choice (not answered / none occurred / occurred), then the
 * incidents of the type as CzIncidentRows, written back as one records field
 * whenever one is edited. A last group asks the same of serious dishonesty and
 * major violations of law.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-fields.h"
#include "cz-incident-row.h"
#include "cz-incidents-page.h"

/* Positions in a declaration choice. */
enum {
  CHOICE_UNANSWERED,
  CHOICE_NONE,
  CHOICE_OCCURRED,
};

typedef struct
{
  AdwPreferencesGroup *group;
  GtkWidget           *add_button;
  GPtrArray           *incident_rows;  /* of CzIncidentRow */
  CzMessageRow        *list_message;
  char                *list_field;
} TypeSection;

struct _CzIncidentsPage
{
  CzWizardPage         parent_instance;

  AdwPreferencesPage  *preferences_page;
  AdwPreferencesGroup *intro_group;
  AdwPreferencesGroup *integrity_group;

  TypeSection          sections[CZ_INCIDENT_N_TYPES];
  GHashTable          *choice_rows;   /* declaration field id → AdwComboRow */
  guint                years[3];
  CzDossier           *bound_dossier;
  gulong               changed_id;
  guint                writing : 1;
  guint                loading : 1;
};

G_DEFINE_FINAL_TYPE (CzIncidentsPage, cz_incidents_page, CZ_TYPE_WIZARD_PAGE)

static const char *
choice_value (guint choice)
{
  switch (choice)
    {
    case CHOICE_NONE:
      return CZ_DECLARED_NONE;
    case CHOICE_OCCURRED:
      return CZ_DECLARED_OCCURRED;
    default:
      return NULL;
    }
}

static guint
choice_of (const char *value)
{
  if (g_strcmp0 (value, CZ_DECLARED_NONE) == 0)
    return CHOICE_NONE;
  if (g_strcmp0 (value, CZ_DECLARED_OCCURRED) == 0)
    return CHOICE_OCCURRED;
  return CHOICE_UNANSWERED;
}

static void
cz_incidents_page_load_choices (CzIncidentsPage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  GHashTableIter iter;
  gpointer key, value;

  self->loading = TRUE;
  g_hash_table_iter_init (&iter, self->choice_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    adw_combo_row_set_selected (value, choice_of (dossier ? cz_dossier_get_text (dossier, key) : NULL));
  self->loading = FALSE;
}

static void
on_choice_selected (AdwComboRow     *row,
                    GParamSpec      *pspec,
                    CzIncidentsPage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  const char *field_id = g_object_get_data (G_OBJECT (row), "cz-field-id");
  const char *value = choice_value (adw_combo_row_get_selected (row));

  if (self->loading || dossier == NULL)
    return;

  self->writing = TRUE;
  if (value != NULL)
    cz_dossier_set_text (dossier, field_id, value);
  else
    cz_dossier_clear (dossier, field_id);
  self->writing = FALSE;
}

static void
cz_incidents_page_add_choice (CzIncidentsPage     *self,
                              AdwPreferencesGroup *group,
                              const char          *field_id,
                              const char          *title,
                              const char          *accessible_label)
{
  g_autoptr(GtkStringList) choices = NULL;
  GtkWidget *row = adw_combo_row_new ();
  GtkWidget *message;

  /* Translators: the three answers to "did an incident of this kind occur in the year?" */
  choices = gtk_string_list_new ((const char *[]) { _("Not answered"), _("None occurred"), _("Occurred"), NULL });
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  g_object_set_data_full (G_OBJECT (row), "cz-field-id", g_strdup (field_id), g_free);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_choice_selected), self, 0);
  adw_preferences_group_add (group, row);

  message = cz_message_row_new (row);
  adw_preferences_group_add (group, message);

  g_hash_table_insert (self->choice_rows, g_strdup (field_id), row);
  cz_wizard_page_add_field (CZ_WIZARD_PAGE (self), field_id, row, CZ_MESSAGE_ROW (message));
}

static void
cz_incidents_page_write_list (CzIncidentsPage *self,
                              CzIncidentType   type)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  TypeSection *section = &self->sections[type];
  GVariantBuilder builder;

  if (dossier == NULL)
    return;

  self->writing = TRUE;
  if (section->incident_rows->len == 0)
    cz_dossier_clear (dossier, section->list_field);
  else
    {
      g_autoptr(CzValue) value = NULL;

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
      for (guint i = 0; i < section->incident_rows->len; i++)
        {
          g_autoptr(GVariant) record = cz_incident_row_dup_record (g_ptr_array_index (section->incident_rows, i));

          g_variant_builder_add_value (&builder, record);
        }
      value = cz_value_new_records (g_variant_builder_end (&builder));
      cz_dossier_set_value (dossier, section->list_field, value);
    }
  self->writing = FALSE;
}

static void
on_incident_changed (CzIncidentRow   *row,
                     CzIncidentsPage *self)
{
  CzIncidentType type = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cz-incident-type"));

  cz_incidents_page_write_list (self, type);
}

/* Rebuilds the incident rows of @type from the dossier, the message row last. */
static void
cz_incidents_page_load_list (CzIncidentsPage *self,
                             CzIncidentType   type)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  TypeSection *section = &self->sections[type];
  CzValue *value = dossier ? cz_dossier_get_value (dossier, section->list_field) : NULL;
  GVariant *records = value && cz_value_get_kind (value) == CZ_FIELD_KIND_RECORDS ? cz_value_get_records (value) : NULL;

  for (guint i = 0; i < section->incident_rows->len; i++)
    adw_preferences_group_remove (section->group, g_ptr_array_index (section->incident_rows, i));
  g_ptr_array_set_size (section->incident_rows, 0);
  adw_preferences_group_remove (section->group, GTK_WIDGET (section->list_message));

  for (gsize i = 0; records != NULL && i < g_variant_n_children (records); i++)
    {
      g_autoptr(GVariant) record = g_variant_get_child_value (records, i);
      GtkWidget *row = cz_incident_row_new (type, record, i);

      g_object_set_data (G_OBJECT (row), "cz-incident-type", GUINT_TO_POINTER (type));
      g_signal_connect_object (row, "changed", G_CALLBACK (on_incident_changed), self, 0);
      adw_preferences_group_add (section->group, row);
      g_ptr_array_add (section->incident_rows, row);
    }

  adw_preferences_group_add (section->group, GTK_WIDGET (section->list_message));
}

static void
incidents_add_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CzIncidentsPage *self = CZ_INCIDENTS_PAGE (widget);
  CzIncidentType type;
  TypeSection *section;
  GtkWidget *row;

  if (!cz_incident_type_from_id (g_variant_get_string (parameter, NULL), &type))
    return;

  section = &self->sections[type];
  row = cz_incident_row_new (type, NULL, section->incident_rows->len);
  g_object_set_data (G_OBJECT (row), "cz-incident-type", GUINT_TO_POINTER (type));
  g_signal_connect_object (row, "changed", G_CALLBACK (on_incident_changed), self, 0);
  adw_preferences_group_remove (section->group, GTK_WIDGET (section->list_message));
  adw_preferences_group_add (section->group, row);
  adw_preferences_group_add (section->group, GTK_WIDGET (section->list_message));
  g_ptr_array_add (section->incident_rows, row);
  cz_incidents_page_write_list (self, type);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (cz_incident_row_get_date_row (CZ_INCIDENT_ROW (row)));
  cz_wizard_page_reveal_when_placed (CZ_WIZARD_PAGE (self), row);
}

static void
incidents_remove_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CzIncidentsPage *self = CZ_INCIDENTS_PAGE (widget);
  const char *type_id;
  gint32 position;
  CzIncidentType type;
  TypeSection *section;

  g_variant_get (parameter, "(&si)", &type_id, &position);
  if (!cz_incident_type_from_id (type_id, &type))
    return;

  section = &self->sections[type];
  if (position < 0 || (guint) position >= section->incident_rows->len)
    return;

  adw_preferences_group_remove (section->group, g_ptr_array_index (section->incident_rows, position));
  g_ptr_array_remove_index (section->incident_rows, position);
  cz_incidents_page_write_list (self, type);
  cz_incidents_page_load_list (self, type);
  gtk_widget_grab_focus (section->add_button);
}

static void
on_field_changed (CzDossier       *dossier,
                  const char      *field_id,
                  CzValue         *old_value,
                  CzValue         *new_value,
                  CzIncidentsPage *self)
{
  if (self->writing)
    return;

  if (g_hash_table_contains (self->choice_rows, field_id))
    cz_incidents_page_load_choices (self);
  for (guint t = 0; t < CZ_INCIDENT_N_TYPES; t++)
    if (g_strcmp0 (field_id, self->sections[t].list_field) == 0)
      cz_incidents_page_load_list (self, t);
}

static void
cz_incidents_page_build_section (CzIncidentsPage *self,
                                 CzIncidentType   type)
{
  TypeSection *section = &self->sections[type];
  g_autofree char *list_field = cz_field_id_for_incident (CZ_FIELD_INCIDENTS_LIST, type, 0);
  const CzFieldSpec *spec = cz_field_spec_lookup (list_field);
  const char *title = spec ? _(spec->label) : cz_incident_type_get_name_zh (type);
  g_autofree char *description = NULL;
  GtkWidget *content;

  section->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  section->incident_rows = g_ptr_array_new ();
  section->list_field = g_steal_pointer (&list_field);
  adw_preferences_group_set_title (section->group, title);
  /* Translators: %s is a grade such as 较大 or 重大 */
  description = g_strdup_printf (_("An incident of grade %s or above disqualifies the zone."),
                                 cz_incident_grade_get_name_zh (cz_incident_type_get_disqualifying_grade (type)));
  adw_preferences_group_set_description (section->group, description);

  section->add_button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  /* Translators: adds an incident to the list of one kind */
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Incident"));
  gtk_button_set_child (GTK_BUTTON (section->add_button), content);
  gtk_widget_add_css_class (section->add_button, "flat");
  gtk_widget_set_valign (section->add_button, GTK_ALIGN_CENTER);
  {
    g_autofree char *label = g_strdup_printf ("%s: %s", _("Add Incident"), title);
    gtk_accessible_update_property (GTK_ACCESSIBLE (section->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (section->add_button), "incidents.add");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (section->add_button), "s", cz_incident_type_to_id (type));
  adw_preferences_group_set_header_suffix (section->group, section->add_button);

  for (guint y = 0; y < 3; y++)
    {
      g_autofree char *field_id = cz_field_id_for_incident (CZ_FIELD_INCIDENTS_DECLARED_Y, type, self->years[y]);
      g_autofree char *year = g_strdup_printf (C_("year heading", "%u"), self->years[y]);
      g_autofree char *label = g_strdup_printf ("%s, %s", title, year);

      cz_incidents_page_add_choice (self, section->group, field_id, year, label);
    }

  section->list_message = CZ_MESSAGE_ROW (g_object_ref_sink (cz_message_row_new (section->add_button)));
  adw_preferences_group_add (section->group, GTK_WIDGET (section->list_message));
  cz_wizard_page_add_field (CZ_WIZARD_PAGE (self), section->list_field, section->add_button, section->list_message);

  adw_preferences_page_add (self->preferences_page, section->group);
}

static void
cz_incidents_page_build (CzIncidentsPage *self)
{
  static const struct {
    const char *field_template;
    const char *title;
  } integrity[] = {
    { CZ_FIELD_INTEGRITY_DISHONESTY_Y, N_("Serious dishonesty") },
    { CZ_FIELD_INTEGRITY_VIOLATION_Y, N_("Major violation of law") },
  };
  CzValidator *validator = cz_wizard_page_get_validator (CZ_WIZARD_PAGE (self));
  guint call_year = validator && cz_validator_get_rules (validator)
                    ? cz_rules_get_year (cz_validator_get_rules (validator)) : CZ_RULES_BUILTIN_YEAR;

  cz_fields_get_complete_years (call_year, self->years);

  for (guint t = 0; t < CZ_INCIDENT_N_TYPES; t++)
    cz_incidents_page_build_section (self, t);

  /* Integrity last, after the accidents. */
  g_object_ref (self->integrity_group);
  adw_preferences_page_remove (self->preferences_page, self->integrity_group);
  adw_preferences_page_add (self->preferences_page, self->integrity_group);
  g_object_unref (self->integrity_group);

  for (guint i = 0; i < G_N_ELEMENTS (integrity); i++)
    for (guint y = 0; y < 3; y++)
      {
        g_autofree char *field_id = cz_field_id_for_year (integrity[i].field_template, self->years[y]);
        g_autofree char *year = g_strdup_printf (C_("year heading", "%u"), self->years[y]);
        /* Translators: an integrity question and its year: "Serious dishonesty, 2024" */
        g_autofree char *title = g_strdup_printf (_("%s, %s"), _(integrity[i].title), year);

        cz_incidents_page_add_choice (self, self->integrity_group, field_id, title, title);
      }
}

static void
cz_incidents_page_load (CzIncidentsPage *self)
{
  cz_incidents_page_load_choices (self);
  for (guint t = 0; t < CZ_INCIDENT_N_TYPES; t++)
    cz_incidents_page_load_list (self, t);
}

static void
cz_incidents_page_dossier_changed (CzWizardPage *page)
{
  CzIncidentsPage *self = CZ_INCIDENTS_PAGE (page);
  CzDossier *dossier = cz_wizard_page_get_dossier (page);

  g_clear_signal_handler (&self->changed_id, self->bound_dossier);
  g_set_object (&self->bound_dossier, dossier);
  if (dossier != NULL)
    self->changed_id = g_signal_connect_object (dossier, "field-changed", G_CALLBACK (on_field_changed), self, 0);
  cz_incidents_page_load (self);
}

static void
cz_incidents_page_dispose (GObject *object)
{
  CzIncidentsPage *self = CZ_INCIDENTS_PAGE (object);

  g_clear_signal_handler (&self->changed_id, self->bound_dossier);
  g_clear_object (&self->bound_dossier);
  for (guint t = 0; t < CZ_INCIDENT_N_TYPES; t++)
    {
      g_clear_pointer (&self->sections[t].incident_rows, g_ptr_array_unref);
      g_clear_object (&self->sections[t].list_message);
      g_clear_pointer (&self->sections[t].list_field, g_free);
    }
  g_clear_pointer (&self->choice_rows, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_INCIDENTS_PAGE);

  G_OBJECT_CLASS (cz_incidents_page_parent_class)->dispose (object);
}

static void
cz_incidents_page_class_init (CzIncidentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_incidents_page_dispose;
  CZ_WIZARD_PAGE_CLASS (klass)->dossier_changed = cz_incidents_page_dossier_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/pages/incidents/cz-incidents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CzIncidentsPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CzIncidentsPage, intro_group);
  gtk_widget_class_bind_template_child (widget_class, CzIncidentsPage, integrity_group);

  gtk_widget_class_install_action (widget_class, "incidents.add", "s", incidents_add_action);
  gtk_widget_class_install_action (widget_class, "incidents.remove", "(si)", incidents_remove_action);
}

static void
cz_incidents_page_init (CzIncidentsPage *self)
{
  self->choice_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The call year comes with the rules pack; the built-in one until the wizard gives its own. */
  cz_incidents_page_build (self);

}

GtkWidget *
cz_incidents_page_new (CzDossier *dossier)
{
  return g_object_new (CZ_TYPE_INCIDENTS_PAGE, "dossier", dossier, NULL);
}
