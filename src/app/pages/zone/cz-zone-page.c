/* cz-zone-page.c — the Zone step: name, partners, location, bodies, contact, area
 *
 * Text inputs are CzFieldEntryRows named in the template, lists
 * CzTextListGroups; this file adds the province and city choices, which store
 * 6-digit division codes and offer "Not selected" first, and registers them
 * and the lists with the page so findings show under them.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-divisions.h"
#include "cz-field-entry-row.h"
#include "cz-fields.h"
#include "cz-message-row.h"
#include "cz-text-list-group.h"
#include "cz-zone-page.h"

struct _CzZonePage
{
  CzWizardPage          parent_instance;

  AdwPreferencesPage   *preferences_page;
  CzTextListGroup      *partners_group;
  AdwComboRow          *province_row;
  CzMessageRow         *province_message;
  AdwComboRow          *city_row;
  CzMessageRow         *city_message;
  AdwComboRow          *applicant_city_row;
  CzMessageRow         *applicant_city_message;
  CzTextListGroup      *industries_group;

  GListModel           *province_model;  /* "Not selected" + provinces */
  char                 *city_model_province;
  CzDossier            *bound_dossier;    /* the one the handlers below listen to */
  gulong                province_changed_id;
  gulong                city_changed_id;
  gulong                applicant_city_changed_id;
  guint                 writing : 1;
  guint                 loading : 1;
};

G_DEFINE_FINAL_TYPE (CzZonePage, cz_zone_page, CZ_TYPE_WIZARD_PAGE)

static char *
division_item_name (GObject *item)
{
  if (CZ_IS_DIVISION (item))
    return g_strdup (cz_division_get_name (CZ_DIVISION (item)));
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return g_strdup ("");
}

/* A list of divisions with "Not selected" in front. */
static GListModel *
division_model_new (GListModel *divisions)
{
  GListStore *models = g_list_store_new (G_TYPE_LIST_MODEL);
  GListStore *unset = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GtkStringObject) not_selected = NULL;

  /* Translators: shown in the province and city choices before one is chosen */
  not_selected = gtk_string_object_new (_("Not selected"));
  g_list_store_append (unset, not_selected);
  g_list_store_append (models, unset);
  g_object_unref (unset);
  if (divisions != NULL)
    g_list_store_append (models, divisions);

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (models)));
}

static guint
division_model_find (GListModel *model,
                     const char *code)
{
  guint n = g_list_model_get_n_items (model);

  if (code == NULL)
    return 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (CZ_IS_DIVISION (item) && g_strcmp0 (cz_division_get_code (CZ_DIVISION (item)), code) == 0)
        return i;
    }

  return 0;
}

static const char *
combo_row_get_code (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);

  return CZ_IS_DIVISION (item) ? cz_division_get_code (CZ_DIVISION (item)) : NULL;
}

static void
cz_zone_page_set_city_model (CzZonePage *self,
                             const char *province_code)
{
  g_autoptr(GListModel) cities = NULL;
  g_autoptr(GListModel) model = NULL;

  if (g_strcmp0 (self->city_model_province, province_code) == 0 &&
      adw_combo_row_get_model (self->city_row) != NULL)
    return;

  g_free (self->city_model_province);
  self->city_model_province = g_strdup (province_code);

  if (province_code != NULL)
    cities = cz_divisions_dup_cities (province_code);
  model = division_model_new (cities);
  adw_combo_row_set_model (self->city_row, model);
  /* The department submits for its own city: offered from the same province. */
  adw_combo_row_set_model (self->applicant_city_row, model);
}

static void
cz_zone_page_load_location (CzZonePage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  const char *province = NULL;
  const char *city = NULL;
  const char *applicant_city = NULL;

  if (dossier != NULL)
    {
      province = cz_dossier_get_text (dossier, CZ_FIELD_ZONE_PROVINCE);
      city = cz_dossier_get_text (dossier, CZ_FIELD_ZONE_CITY);
      applicant_city = cz_dossier_get_text (dossier, CZ_FIELD_APPLICANT_CITY);
    }

  self->loading = TRUE;
  adw_combo_row_set_selected (self->province_row,
                              division_model_find (self->province_model, province));
  cz_zone_page_set_city_model (self, combo_row_get_code (self->province_row));
  adw_combo_row_set_selected (self->city_row,
                              division_model_find (adw_combo_row_get_model (self->city_row), city));
  adw_combo_row_set_selected (self->applicant_city_row,
                              division_model_find (adw_combo_row_get_model (self->applicant_city_row),
                                                   applicant_city));
  self->loading = FALSE;
}

static void
on_province_selected (CzZonePage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  const char *province;
  const char *city;

  if (self->loading || dossier == NULL)
    return;

  province = combo_row_get_code (self->province_row);
  city = cz_dossier_get_text (dossier, CZ_FIELD_ZONE_CITY);

  self->writing = TRUE;
  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_PROVINCE, province);
  if (city != NULL)
    {
      CzDivision *division = cz_divisions_lookup (city);

      /* A city of another province no longer applies. */
      if (division == NULL || g_strcmp0 (cz_division_get_parent_code (division), province) != 0)
        cz_dossier_clear (dossier, CZ_FIELD_ZONE_CITY);
    }
  self->writing = FALSE;

  cz_zone_page_load_location (self);
}

static void
on_city_selected (CzZonePage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));

  if (self->loading || dossier == NULL)
    return;

  self->writing = TRUE;
  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_CITY, combo_row_get_code (self->city_row));
  self->writing = FALSE;
}

static void
on_applicant_city_selected (CzZonePage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));

  if (self->loading || dossier == NULL)
    return;

  self->writing = TRUE;
  cz_dossier_set_text (dossier, CZ_FIELD_APPLICANT_CITY, combo_row_get_code (self->applicant_city_row));
  self->writing = FALSE;
}

static void
on_location_field_changed (CzDossier  *dossier,
                           const char *field_id,
                           CzValue    *old_value,
                           CzValue    *new_value,
                           CzZonePage *self)
{
  if (!self->writing)
    cz_zone_page_load_location (self);
}

static void
cz_zone_page_dossier_changed (CzWizardPage *page)
{
  CzZonePage *self = CZ_ZONE_PAGE (page);
  CzDossier *dossier = cz_wizard_page_get_dossier (page);

  g_clear_signal_handler (&self->province_changed_id, self->bound_dossier);
  g_clear_signal_handler (&self->city_changed_id, self->bound_dossier);
  g_clear_signal_handler (&self->applicant_city_changed_id, self->bound_dossier);
  g_set_object (&self->bound_dossier, dossier);

  if (dossier != NULL)
    {
      self->province_changed_id =
        g_signal_connect_object (dossier, "field-changed::" CZ_FIELD_ZONE_PROVINCE,
                                 G_CALLBACK (on_location_field_changed), self, 0);
      self->city_changed_id =
        g_signal_connect_object (dossier, "field-changed::" CZ_FIELD_ZONE_CITY,
                                 G_CALLBACK (on_location_field_changed), self, 0);
      self->applicant_city_changed_id =
        g_signal_connect_object (dossier, "field-changed::" CZ_FIELD_APPLICANT_CITY,
                                 G_CALLBACK (on_location_field_changed), self, 0);
    }

  cz_zone_page_load_location (self);
}

/* The inputs that are not CzFieldEntryRows (which register themselves). */
static void
cz_zone_page_register_fields (CzZonePage *self)
{
  CzWizardPage *page = CZ_WIZARD_PAGE (self);

  cz_wizard_page_add_field (page, CZ_FIELD_ZONE_PARTNERS,
                            GTK_WIDGET (cz_text_list_group_get_entry_row (self->partners_group)),
                            cz_text_list_group_get_message_row (self->partners_group));
  cz_wizard_page_add_field (page, CZ_FIELD_ZONE_PROVINCE, GTK_WIDGET (self->province_row), self->province_message);
  cz_wizard_page_add_field (page, CZ_FIELD_ZONE_CITY, GTK_WIDGET (self->city_row), self->city_message);
  cz_wizard_page_add_field (page, CZ_FIELD_APPLICANT_CITY,
                            GTK_WIDGET (self->applicant_city_row), self->applicant_city_message);
  cz_wizard_page_add_field (page, CZ_FIELD_ZONE_INDUSTRIES,
                            GTK_WIDGET (cz_text_list_group_get_entry_row (self->industries_group)),
                            cz_text_list_group_get_message_row (self->industries_group));
}

static void
cz_zone_page_dispose (GObject *object)
{
  CzZonePage *self = CZ_ZONE_PAGE (object);

  g_clear_signal_handler (&self->province_changed_id, self->bound_dossier);
  g_clear_signal_handler (&self->city_changed_id, self->bound_dossier);
  g_clear_signal_handler (&self->applicant_city_changed_id, self->bound_dossier);
  g_clear_object (&self->bound_dossier);

  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_ZONE_PAGE);

  g_clear_object (&self->province_model);

  G_OBJECT_CLASS (cz_zone_page_parent_class)->dispose (object);
}

static void
cz_zone_page_finalize (GObject *object)
{
  CzZonePage *self = CZ_ZONE_PAGE (object);

  g_clear_pointer (&self->city_model_province, g_free);

  G_OBJECT_CLASS (cz_zone_page_parent_class)->finalize (object);
}

static void
cz_zone_page_class_init (CzZonePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_zone_page_dispose;
  object_class->finalize = cz_zone_page_finalize;
  CZ_WIZARD_PAGE_CLASS (klass)->dossier_changed = cz_zone_page_dossier_changed;

  g_type_ensure (CZ_TYPE_FIELD_ENTRY_ROW);
  g_type_ensure (CZ_TYPE_MESSAGE_ROW);
  g_type_ensure (CZ_TYPE_TEXT_LIST_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/pages/zone/cz-zone-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CzZonePage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CzZonePage, partners_group);
  gtk_widget_class_bind_template_child (widget_class, CzZonePage, province_row);
  gtk_widget_class_bind_template_child (widget_class, CzZonePage, province_message);
  gtk_widget_class_bind_template_child (widget_class, CzZonePage, city_row);
  gtk_widget_class_bind_template_child (widget_class, CzZonePage, city_message);
  gtk_widget_class_bind_template_child (widget_class, CzZonePage, applicant_city_row);
  gtk_widget_class_bind_template_child (widget_class, CzZonePage, applicant_city_message);
  gtk_widget_class_bind_template_child (widget_class, CzZonePage, industries_group);
}

static void
cz_zone_page_init (CzZonePage *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (division_item_name), NULL, NULL);
  adw_combo_row_set_expression (self->province_row, expression);
  adw_combo_row_set_expression (self->city_row, expression);
  adw_combo_row_set_expression (self->applicant_city_row, expression);

  self->province_model = division_model_new (cz_divisions_get_provinces ());
  adw_combo_row_set_model (self->province_row, self->province_model);
  cz_zone_page_set_city_model (self, NULL);

  g_signal_connect_object (self->province_row, "notify::selected",
                           G_CALLBACK (on_province_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->city_row, "notify::selected",
                           G_CALLBACK (on_city_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->applicant_city_row, "notify::selected",
                           G_CALLBACK (on_applicant_city_selected), self, G_CONNECT_SWAPPED);

  g_object_bind_property (self, "dossier", self->partners_group, "dossier", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "dossier", self->industries_group, "dossier", G_BINDING_SYNC_CREATE);
  cz_zone_page_register_fields (self);
}

GtkWidget *
cz_zone_page_new (CzDossier *dossier)
{
  return g_object_new (CZ_TYPE_ZONE_PAGE, "dossier", dossier, NULL);
}
