/* cz-indicators-page.c — the Indicators step: the five dimensions with their points
 *
 * Built from the rules pack: one group per dimension with its subtotal, one
 * row per indicator with the points it earns beside it. Some indicators are
 * figures of the Revenue step (exports, R&D, foreign-invested enterprises):
 * they can be typed here too, both inputs show the same field. Points come
 * from CzScore, recomputed as the dossier changes.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-field-entry-row.h"
#include "cz-fields.h"
#include "cz-indicators-page.h"
#include "cz-score.h"

struct _CzIndicatorsPage
{
  CzWizardPage         parent_instance;

  AdwPreferencesPage  *preferences_page;
  AdwPreferencesGroup *total_group;
  AdwActionRow        *total_row;
  GtkLabel            *total_label;
  AdwActionRow        *provisional_row;

  CzRules             *rules;
  GPtrArray           *dimension_groups;  /* of AdwPreferencesGroup */
  GPtrArray           *dimension_labels;  /* of GtkLabel, per dimension */
  GPtrArray           *indicator_labels;  /* of GtkLabel, per indicator in pack order */
  GtkSizeGroup        *unit_group;        /* the unit suffixes, so the figures line up */
  CzDossier           *bound_dossier;
  gulong               changed_id;
};

G_DEFINE_FINAL_TYPE (CzIndicatorsPage, cz_indicators_page, CZ_TYPE_WIZARD_PAGE)

/* "7.5 / 10" */
static char *
format_points (guint tenths,
               guint points)
{
  g_autofree char *earned = cz_score_format_tenths (tenths);

  /* Translators: points earned out of the maximum, e.g. "7.5 / 10 points" */
  return g_strdup_printf (_("%s / %u points"), earned, points);
}

static void
cz_indicators_page_update_points (CzIndicatorsPage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  g_autoptr(CzScore) score = NULL;
  g_autofree char *total = NULL;
  guint k = 0;

  if (self->rules == NULL || dossier == NULL)
    return;

  score = cz_score_new (self->rules, dossier, NULL);
  total = format_points (cz_score_get_total_tenths (score), cz_score_get_max_points (score));
  gtk_label_set_text (self->total_label, total);
  gtk_widget_set_visible (GTK_WIDGET (self->provisional_row), cz_score_get_provisional (score));

  for (guint d = 0; d < cz_score_get_n_dimensions (score) && d < self->dimension_labels->len; d++)
    {
      g_autofree char *subtotal = format_points (cz_score_get_dimension_tenths (score, d),
                                                 cz_score_get_dimension_points (score, d));

      gtk_label_set_text (g_ptr_array_index (self->dimension_labels, d), subtotal);
      for (guint i = 0; i < cz_score_get_n_indicators (score, d) && k < self->indicator_labels->len; i++, k++)
        {
          GtkLabel *label = g_ptr_array_index (self->indicator_labels, k);
          g_autofree char *points = format_points (cz_score_get_indicator_tenths (score, d, i),
                                                   cz_score_get_indicator_points (score, d, i));

          gtk_label_set_text (label, points);
          gtk_widget_set_tooltip_text (GTK_WIDGET (label), cz_score_get_indicator_explanation (score, d, i));
        }
    }
}

static void
cz_indicators_page_clear (CzIndicatorsPage *self)
{
  for (guint i = 0; i < self->dimension_groups->len; i++)
    adw_preferences_page_remove (self->preferences_page, g_ptr_array_index (self->dimension_groups, i));
  g_ptr_array_set_size (self->dimension_groups, 0);
  g_ptr_array_set_size (self->dimension_labels, 0);
  g_ptr_array_set_size (self->indicator_labels, 0);
}

static GtkWidget *
cz_indicators_page_add_indicator (CzIndicatorsPage       *self,
                                  AdwPreferencesGroup    *group,
                                  const CzRulesIndicator *indicator,
                                  const char             *language)
{
  const char *field_id = cz_rules_indicator_get_field (indicator);
  gboolean money = g_strcmp0 (cz_rules_indicator_get_unit (indicator), "fen") == 0;
  GtkWidget *row = cz_field_entry_row_new (field_id,
                                           money ? CZ_FIELD_ENTRY_KIND_MONEY : CZ_FIELD_ENTRY_KIND_NUMBER,
                                           money ? CZ_FIELD_ENTRY_UNIT_WAN_YUAN : CZ_FIELD_ENTRY_UNIT_NONE);
  GtkWidget *unit;
  GtkWidget *points;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cz_rules_indicator_get_title (indicator, language));
  gtk_widget_add_css_class (row, "numeric");
  gtk_editable_set_alignment (GTK_EDITABLE (row), 1.0f);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), money ? GTK_INPUT_PURPOSE_NUMBER : GTK_INPUT_PURPOSE_DIGITS);

  if (money)
    unit = gtk_label_new (_("10,000 yuan"));
  else if (cz_rules_indicator_get_counter (indicator, language) != NULL)
    unit = gtk_label_new (cz_rules_indicator_get_counter (indicator, language));
  else
    unit = gtk_label_new (C_("count unit", "count"));
  gtk_widget_add_css_class (unit, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (unit), 0.0f);
  gtk_size_group_add_widget (self->unit_group, unit);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), unit);

  points = gtk_label_new (NULL);
  gtk_widget_add_css_class (points, "numeric");
  gtk_widget_set_size_request (points, 110, -1);
  gtk_label_set_xalign (GTK_LABEL (points), 1.0f);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), points);
  g_ptr_array_add (self->indicator_labels, points);

  adw_preferences_group_add (group, row);
  adw_preferences_group_add (group, cz_message_row_new (row));

  return row;
}

static void
cz_indicators_page_rebuild (CzIndicatorsPage *self)
{
  CzValidator *validator = cz_wizard_page_get_validator (CZ_WIZARD_PAGE (self));
  const char *language = cz_rules_pick_language (NULL);
  CzRules *rules = validator ? cz_validator_get_rules (validator) : NULL;

  cz_indicators_page_clear (self);
  g_set_object (&self->rules, rules);
  if (self->rules == NULL)
    return;

  for (guint d = 0; d < cz_rules_get_n_dimensions (self->rules); d++)
    {
      const CzRulesDimension *dimension = cz_rules_get_dimension (self->rules, d);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      GtkWidget *subtotal = gtk_label_new (NULL);

      adw_preferences_group_set_title (group, cz_rules_dimension_get_title (dimension, language));
      gtk_widget_add_css_class (subtotal, "numeric");
      gtk_widget_add_css_class (subtotal, "heading");
      gtk_widget_set_valign (subtotal, GTK_ALIGN_CENTER);
      adw_preferences_group_set_header_suffix (group, subtotal);
      g_ptr_array_add (self->dimension_labels, subtotal);

      for (guint i = 0; i < cz_rules_dimension_get_n_indicators (dimension); i++)
        cz_indicators_page_add_indicator (self, group, cz_rules_dimension_get_indicator (dimension, i), language);

      adw_preferences_page_add (self->preferences_page, group);
      g_ptr_array_add (self->dimension_groups, group);
    }

  cz_indicators_page_update_points (self);
}

static void
cz_indicators_page_dossier_changed (CzWizardPage *page)
{
  CzIndicatorsPage *self = CZ_INDICATORS_PAGE (page);
  CzDossier *dossier = cz_wizard_page_get_dossier (page);

  g_clear_signal_handler (&self->changed_id, self->bound_dossier);
  g_set_object (&self->bound_dossier, dossier);
  if (dossier != NULL)
    self->changed_id = g_signal_connect_object (dossier, "field-changed",
                                                G_CALLBACK (cz_indicators_page_update_points), self,
                                                G_CONNECT_SWAPPED);
  cz_indicators_page_rebuild (self);
}

static void
cz_indicators_page_dispose (GObject *object)
{
  CzIndicatorsPage *self = CZ_INDICATORS_PAGE (object);

  g_clear_object (&self->unit_group);
  g_clear_signal_handler (&self->changed_id, self->bound_dossier);
  g_clear_object (&self->bound_dossier);
  g_clear_object (&self->rules);
  g_clear_pointer (&self->dimension_groups, g_ptr_array_unref);
  g_clear_pointer (&self->dimension_labels, g_ptr_array_unref);
  g_clear_pointer (&self->indicator_labels, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_INDICATORS_PAGE);

  G_OBJECT_CLASS (cz_indicators_page_parent_class)->dispose (object);
}

static void
cz_indicators_page_class_init (CzIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_indicators_page_dispose;
  CZ_WIZARD_PAGE_CLASS (klass)->dossier_changed = cz_indicators_page_dossier_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/pages/indicators/cz-indicators-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CzIndicatorsPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CzIndicatorsPage, total_group);
  gtk_widget_class_bind_template_child (widget_class, CzIndicatorsPage, total_row);
  gtk_widget_class_bind_template_child (widget_class, CzIndicatorsPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, CzIndicatorsPage, provisional_row);
}

static void
cz_indicators_page_init (CzIndicatorsPage *self)
{
  self->dimension_groups = g_ptr_array_new ();
  self->dimension_labels = g_ptr_array_new ();
  self->indicator_labels = g_ptr_array_new ();

  self->unit_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::validator", G_CALLBACK (cz_indicators_page_rebuild), NULL);
}

GtkWidget *
cz_indicators_page_new (CzDossier *dossier)
{
  return g_object_new (CZ_TYPE_INDICATORS_PAGE, "dossier", dossier, NULL);
}
