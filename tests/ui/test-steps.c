/* test-steps.c — every step of the wizard shows the findings where the person looks
 *
 * For each step a value that breaks a rule makes the style and message appear
 * on its row (and as its accessible description), and fixing it makes them go;
 * the step list and the header follow. The review opens the step of a finding
 * and focuses its row. The sample dossier is walked through by keyboard
 * actions alone and ends on the review with nothing but provisional notes.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cz-fields.h"
#include "cz-sample.h"
#include "cz-ui-test-utils.h"
#include "cz-wizard.h"
#include "pages/incidents/cz-incident-row.h"
#include "pages/review/cz-review-page.h"

typedef struct
{
  CzDossier *dossier;
  CzWizard  *wizard;
  GtkWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dossier = cz_sample_dossier_new ();
  fixture->wizard = CZ_WIZARD (cz_wizard_new (NULL, fixture->dossier));
  fixture->window = cz_test_window_new (GTK_WIDGET (fixture->wizard));
  cz_test_flush_main_loop ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  cz_test_flush_main_loop ();
  g_clear_object (&fixture->dossier);
}

static CzWizardPage *
show_step (Fixture    *fixture,
           const char *step_id)
{
  g_assert_true (cz_wizard_show_step (fixture->wizard, step_id));
  g_assert_cmpstr (cz_wizard_page_get_step_id (cz_wizard_get_current_page (fixture->wizard)), ==, step_id);
  return cz_wizard_get_current_page (fixture->wizard);
}

/* The field the finding of @rule_id is on, once the engine has it. */
static char *
wait_for_rule (Fixture    *fixture,
               const char *rule_id)
{
  GListModel *findings = G_LIST_MODEL (cz_wizard_get_validator (fixture->wizard));
  char *field_id = NULL;
  gint64 deadline = g_get_monotonic_time () + CZ_UI_TEST_TIMEOUT_USEC;

  while (field_id == NULL && g_get_monotonic_time () < deadline)
    {
      for (guint i = 0; i < g_list_model_get_n_items (findings) && field_id == NULL; i++)
        {
          g_autoptr(CzFinding) finding = g_list_model_get_item (findings, i);

          if (g_strcmp0 (cz_finding_get_rule_id (finding), rule_id) == 0)
            field_id = g_strdup (cz_finding_get_field_id (finding));
        }
      if (field_id == NULL)
        g_main_context_iteration (NULL, FALSE);
    }
  if (field_id == NULL)
    g_error ("No finding of %s", rule_id);
  return field_id;
}

/* The row of @field_id carries @style, the message under it says so, and a
 * screen reader reads the message with the row. */
static void
assert_finding_shown (CzWizardPage *page,
                      const char   *field_id,
                      const char   *style)
{
  CzMessageRow *message = cz_wizard_page_get_field_message (page, field_id);
  GtkWidget *input = cz_wizard_page_get_field_input (page, field_id);
  g_autofree char *description = NULL;

  g_assert_nonnull (message);
  g_assert_nonnull (input);
  cz_test_spin_until (g_strcmp0 (cz_message_row_get_finding_style (message), style) == 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_true (gtk_widget_has_css_class (cz_message_row_get_target (message), style));
  g_assert_nonnull (cz_message_row_get_finding_message (message));

  if (cz_message_row_get_message (message) != NULL)
    description = g_strconcat (cz_message_row_get_message (message), "\n",
                               cz_message_row_get_finding_message (message), NULL);
  else
    description = g_strdup (cz_message_row_get_finding_message (message));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cz_message_row_get_target (message)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
}

static void
assert_finding_gone (CzWizardPage *page,
                     const char   *field_id)
{
  CzMessageRow *message = cz_wizard_page_get_field_message (page, field_id);
  GtkWidget *target = cz_message_row_get_target (message);

  cz_test_spin_until (cz_message_row_get_finding_message (message) == NULL);
  g_assert_false (gtk_widget_has_css_class (target, "warning"));
  if (cz_message_row_get_message (message) == NULL)
    {
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
      g_assert_false (gtk_widget_has_css_class (target, "error"));
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (target),
                                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    }
}

static void
set_text (CzWizardPage *page,
          const char   *field_id,
          const char   *text)
{
  GtkWidget *input = cz_wizard_page_get_field_input (page, field_id);

  g_assert_true (GTK_IS_EDITABLE (input));
  gtk_editable_set_text (GTK_EDITABLE (input), text);
}

static void
test_zone (Fixture       *fixture,
           gconstpointer  data)
{
  CzWizardPage *page = show_step (fixture, "zone");
  g_autofree char *field_id = NULL;

  set_text (page, CZ_FIELD_ZONE_NAME, "");
  field_id = wait_for_rule (fixture, "zone-required");
  g_assert_cmpstr (field_id, ==, CZ_FIELD_ZONE_NAME);
  assert_finding_shown (page, CZ_FIELD_ZONE_NAME, "error");
  cz_test_spin_until (g_str_has_prefix (cz_wizard_get_step_state (fixture->wizard, "zone"), "1 blocker"));

  set_text (page, CZ_FIELD_ZONE_NAME, "临湖中欧中小企业合作区");
  assert_finding_gone (page, CZ_FIELD_ZONE_NAME);
  cz_test_spin_until (g_strcmp0 (cz_wizard_get_step_state (fixture->wizard, "zone"), "Complete") == 0);

  /* A malformed phone number is said under the row as it is typed, and is
   * also a blocker the step counts (and the Review lists): said once. */
  {
    g_autofree char *phone = NULL;
    CzMessageRow *message = cz_wizard_page_get_field_message (page, CZ_FIELD_CONTACT_PHONE);

    set_text (page, CZ_FIELD_CONTACT_PHONE, "0512-6688");
    phone = wait_for_rule (fixture, "input-valid");
    g_assert_cmpstr (phone, ==, CZ_FIELD_CONTACT_PHONE);
    assert_finding_shown (page, CZ_FIELD_CONTACT_PHONE, "error");
    /* The validator is the only one to say it: the row adds nothing of its own. */
    g_assert_null (cz_message_row_get_message (message));
    {
      g_autoptr(CzValue) bad = cz_value_new_text ("0512-6688");
      g_autofree char *check = cz_field_check (CZ_FIELD_CONTACT_PHONE, bad);
      const char *text = cz_message_row_get_finding_message (message);

      g_assert_true (g_str_has_prefix (text, check));
      g_assert_null (strstr (text + strlen (check), check));
    }
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cz_message_row_get_target (message)),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, cz_message_row_get_finding_message (message));
    cz_test_spin_until (g_str_has_prefix (cz_wizard_get_step_state (fixture->wizard, "zone"), "1 blocker"));
    g_assert_true (cz_validator_get_has_blockers (cz_wizard_get_validator (fixture->wizard)));

    set_text (page, CZ_FIELD_CONTACT_PHONE, "0512-66881234");
    assert_finding_gone (page, CZ_FIELD_CONTACT_PHONE);
    cz_test_spin_until (g_strcmp0 (cz_wizard_get_step_state (fixture->wizard, "zone"), "Complete") == 0);
  }

  /* The department's city must be the zone's: another city is a blocker on the location. */
  {
    AdwComboRow *city = ADW_COMBO_ROW (cz_wizard_page_get_field_input (page, CZ_FIELD_APPLICANT_CITY));
    guint original = adw_combo_row_get_selected (city);
    g_autofree char *location = NULL;

    adw_combo_row_set_selected (city, original == 1 ? 2 : 1);
    location = wait_for_rule (fixture, "zone-one-prefecture");
    assert_finding_shown (page, location, "error");
    adw_combo_row_set_selected (city, original);
    assert_finding_gone (page, location);
  }
}

static void
test_boundary (Fixture       *fixture,
               gconstpointer  data)
{
  CzWizardPage *page = show_step (fixture, "boundary");

  set_text (page, CZ_FIELD_BOUNDARY_EAST, "");
  g_free (wait_for_rule (fixture, "boundary-four-limits"));
  assert_finding_shown (page, CZ_FIELD_BOUNDARY_EAST, "error");
  set_text (page, CZ_FIELD_BOUNDARY_EAST, "东至临湖大道");
  assert_finding_gone (page, CZ_FIELD_BOUNDARY_EAST);

  /* Functional areas larger than the planned area: a warning under the list. */
  cz_dossier_set_integer (fixture->dossier, CZ_FIELD_ZONE_AREA_M2, 10000000);
  g_free (wait_for_rule (fixture, "functional-areas-within-zone"));
  assert_finding_shown (page, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS, "warning");
  cz_dossier_set_integer (fixture->dossier, CZ_FIELD_ZONE_AREA_M2, 48600000);
  assert_finding_gone (page, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS);

  /* An area added by the keyboard is written as a record; removing it restores the list. */
  {
    CzValue *value = cz_dossier_get_value (fixture->dossier, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS);
    gsize before = g_variant_n_children (cz_value_get_records (value));
    GtkWidget *focus;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "boundary.add-area", NULL));
    value = cz_dossier_get_value (fixture->dossier, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS);
    g_assert_cmpuint (g_variant_n_children (cz_value_get_records (value)), ==, before + 1);
    focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW))),
                     ==, "Name");
    /* An unnamed area breaks the functional-division rule… */
    g_free (wait_for_rule (fixture, "boundary-functional-areas"));
    assert_finding_shown (page, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS, "error");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "boundary.remove-area", "i", (gint32) before));
    value = cz_dossier_get_value (fixture->dossier, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS);
    g_assert_cmpuint (g_variant_n_children (cz_value_get_records (value)), ==, before);
    assert_finding_gone (page, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS);

    /* …and moving one down swaps it with the next. */
    {
      g_autoptr(GVariant) first = g_variant_get_child_value (cz_value_get_records (value), 0);
      const char *name;

      g_assert_true (g_variant_lookup (first, "name", "&s", &name));
      g_assert_cmpstr (name, ==, "中欧智造园");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "boundary.move-down", "i", 0));
      value = cz_dossier_get_value (fixture->dossier, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS);
      g_variant_unref (first);
      first = g_variant_get_child_value (cz_value_get_records (value), 1);
      g_assert_true (g_variant_lookup (first, "name", "&s", &name));
      g_assert_cmpstr (name, ==, "中欧智造园");
    }
  }
}

/* A functional area's size that is not a number says what to type, under it. */
static void
test_area_size_checked (Fixture       *fixture,
                        gconstpointer  data)
{
  CzWizardPage *page = show_step (fixture, "boundary");
  GtkWidget *area = cz_test_find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Area");
  CzMessageRow *message = cz_test_find_message_row (GTK_WIDGET (page), area);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  gtk_editable_set_text (GTK_EDITABLE (area), "21平方公里");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (cz_message_row_get_message (message), ==,
                   "Enter the area as a number of square kilometres, for example 12.5.");
  g_assert_true (gtk_widget_has_css_class (area, "error"));

  gtk_editable_set_text (GTK_EDITABLE (area), "21.5");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_false (gtk_widget_has_css_class (area, "error"));
}

/* Tab goes from the revenue straight to the next figure: the 大写 row under
 * the amount is there to read and takes no keys. */
static void
test_tab_passes_amount_in_words (Fixture       *fixture,
                                 gconstpointer  data)
{
  CzWizardPage *page = show_step (fixture, "revenue");
  GtkWidget *total = cz_wizard_page_get_field_input (page, "revenue.y2023.total");
  GtkWidget *enterprises = cz_wizard_page_get_field_input (page, "enterprises.y2023.total");
  GtkWidget *words = cz_test_find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "In words");
  GtkWidget *focus;

  g_assert_true (gtk_widget_get_visible (words));
  g_assert_true (gtk_widget_grab_focus (total));
  g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_TAB_FORWARD);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == enterprises || gtk_widget_is_ancestor (focus, enterprises));

  g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_TAB_BACKWARD);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == total || gtk_widget_is_ancestor (focus, total));
}

static void
test_revenue (Fixture       *fixture,
              gconstpointer  data)
{
  CzWizardPage *page = show_step (fixture, "revenue");
  GtkWidget *justification = cz_wizard_page_get_field_input (page, CZ_FIELD_REVENUE_JUSTIFICATION);
  g_autofree char *field_id = NULL;
  gint64 fen;

  g_assert_false (gtk_widget_is_visible (justification));

  /* 50亿 typed into a 万元 field is 50 亿元: below the 100亿 threshold, a warning. */
  set_text (page, "revenue.y2024.total", "50亿");
  g_assert_true (cz_dossier_get_money (fixture->dossier, "revenue.y2024.total", &fen));
  g_assert_cmpint (fen, ==, G_GINT64_CONSTANT (500000000000));
  field_id = wait_for_rule (fixture, "revenue-threshold");
  assert_finding_shown (page, field_id, "warning");
  g_assert_true (gtk_widget_is_visible (justification));
  g_assert_true (gtk_widget_has_css_class (cz_wizard_page_get_field_input (page, "revenue.y2024.total"), "numeric"));

  set_text (page, "revenue.y2024.total", "1854000");
  assert_finding_gone (page, field_id);
  g_assert_false (gtk_widget_is_visible (justification));

  /* More SMEs than enterprises: a blocker on the year's figures. */
  set_text (page, "enterprises.y2023.sme", "2000");
  g_free (field_id);
  field_id = wait_for_rule (fixture, "sme-not-more-than-total");
  assert_finding_shown (page, field_id, "error");
  set_text (page, "enterprises.y2023.sme", "1322");
  assert_finding_gone (page, field_id);

  /* Each year's input says its year to a screen reader. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cz_wizard_page_get_field_input (page, "revenue.y2022.export")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Export value, 2022");
}

static void
test_indicators (Fixture       *fixture,
                 gconstpointer  data)
{
  CzWizardPage *page = show_step (fixture, "indicators");
  /* Not the count of plan targets: with the sample's plan-target table the
   * table is scored, not the count. */
  const char *field_id = "indicators.plan_support_policies";
  g_autofree char *before = g_strdup (cz_wizard_get_score_text (fixture->wizard));

  g_assert_true (g_str_has_suffix (before, "/100 (provisional)"));
  set_text (page, field_id, "");
  g_free (wait_for_rule (fixture, "indicators-answered"));
  assert_finding_shown (page, field_id, "warning");
  cz_test_spin_until (g_strcmp0 (cz_wizard_get_score_text (fixture->wizard), before) != 0);

  set_text (page, field_id, "4");
  assert_finding_gone (page, field_id);
  cz_test_spin_until (g_strcmp0 (cz_wizard_get_score_text (fixture->wizard), before) == 0);
}

static void
test_incidents (Fixture       *fixture,
                gconstpointer  data)
{
  CzWizardPage *page = show_step (fixture, "incidents");
  const char *list = "incidents.production_safety.list";
  GtkWidget *focus;
  GtkWidget *row;
  GtkWidget *deaths;

  /* A production-safety accident with 10 deaths in 2024 is 重大: a blocker. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "incidents.add", "s", "production-safety"));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  row = gtk_widget_get_ancestor (focus, CZ_TYPE_INCIDENT_ROW);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (cz_incident_row_get_date_row (CZ_INCIDENT_ROW (row))), "2024-05-01");
  deaths = cz_test_find_row (row, ADW_TYPE_ENTRY_ROW, "Deaths");
  gtk_editable_set_text (GTK_EDITABLE (deaths), "10");
  g_assert_true (g_str_has_prefix (cz_incident_row_get_grade_text (CZ_INCIDENT_ROW (row)), "Grade 重大"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  g_free (wait_for_rule (fixture, "incidents-production_safety-clear"));
  assert_finding_shown (page, list, "error");
  /* …and the 2024 declaration of none now contradicts the list. */
  assert_finding_shown (page, "incidents.production_safety.y2024.none", "error");
  cz_test_spin_until (g_str_has_prefix (cz_wizard_get_step_state (fixture->wizard, "incidents"), "2 blockers"));

  /* 9 deaths is 较大, below the disqualifying grade: the list is clear again. */
  gtk_editable_set_text (GTK_EDITABLE (deaths), "9");
  assert_finding_gone (page, list);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "incidents.remove", "(si)", "production-safety", 0));
  assert_finding_gone (page, "incidents.production_safety.y2024.none");
  g_assert_null (cz_dossier_get_value (fixture->dossier, list));

  /* The explicit choice: unanswered is a blocker. */
  {
    AdwComboRow *choice = ADW_COMBO_ROW (cz_wizard_page_get_field_input (page, "integrity.serious_dishonesty.y2023"));

    adw_combo_row_set_selected (choice, 0);
    g_assert_null (cz_dossier_get_value (fixture->dossier, "integrity.serious_dishonesty.y2023"));
    assert_finding_shown (page, "integrity.serious_dishonesty.y2023", "error");
    adw_combo_row_set_selected (choice, 1);
    g_assert_cmpstr (cz_dossier_get_text (fixture->dossier, "integrity.serious_dishonesty.y2023"), ==, "none");
    assert_finding_gone (page, "integrity.serious_dishonesty.y2023");
  }
}

/* What is typed into an incident and cannot count says so under it: a date
 * that is not one or has not come yet, a figure that is not a number. */
static void
test_incident_inputs_checked (Fixture       *fixture,
                              gconstpointer  data)
{
  CzWizardPage *page = show_step (fixture, "incidents");
  GtkWidget *row;
  GtkWidget *date;
  GtkWidget *deaths;
  GtkWidget *loss;
  CzMessageRow *message;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  g_autofree char *today_text = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *tomorrow_text = g_date_time_format (tomorrow, "%Y-%m-%d");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "incidents.add", "s", "production-safety"));
  row = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), CZ_TYPE_INCIDENT_ROW);
  g_assert_nonnull (row);
  date = cz_incident_row_get_date_row (CZ_INCIDENT_ROW (row));
  message = cz_test_find_message_row (row, date);

  /* Empty: nothing to say yet. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));

  gtk_editable_set_text (GTK_EDITABLE (date), "2024/5/1");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_true (strstr (cz_message_row_get_message (message), "2026-08-01") != NULL);

  gtk_editable_set_text (GTK_EDITABLE (date), tomorrow_text);
  g_assert_cmpstr (cz_message_row_get_message (message), ==, "This date is after today: check the year.");

  gtk_editable_set_text (GTK_EDITABLE (date), today_text);
  g_assert_null (cz_message_row_get_message (message));
  gtk_editable_set_text (GTK_EDITABLE (date), "2024-05-01");
  g_assert_null (cz_message_row_get_message (message));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));

  deaths = cz_test_find_row (row, ADW_TYPE_ENTRY_ROW, "Deaths");
  message = cz_test_find_message_row (row, deaths);
  gtk_editable_set_text (GTK_EDITABLE (deaths), "3人");
  g_assert_cmpstr (cz_message_row_get_message (message), ==, "Enter a whole number of people, for example 3.");
  gtk_editable_set_text (GTK_EDITABLE (deaths), "-1");
  g_assert_nonnull (cz_message_row_get_message (message));
  gtk_editable_set_text (GTK_EDITABLE (deaths), "3");
  g_assert_null (cz_message_row_get_message (message));
  g_assert_true (g_str_has_prefix (cz_incident_row_get_grade_text (CZ_INCIDENT_ROW (row)), "Grade 较大"));

  loss = cz_test_find_row (row, ADW_TYPE_ENTRY_ROW, "Direct economic loss");
  message = cz_test_find_message_row (row, loss);
  gtk_editable_set_text (GTK_EDITABLE (loss), "一千万");
  g_assert_cmpstr (cz_message_row_get_message (message), ==, "Enter the amount in 10,000 yuan, for example 1200.");
  gtk_editable_set_text (GTK_EDITABLE (loss), "1200");
  g_assert_null (cz_message_row_get_message (message));
}

/* Where the typed figure of @field_id ends, across the page. */
static gboolean
figure_right_edge (CzWizardPage *page,
                   const char   *field_id,
                   float        *out)
{
  GtkWidget *row = cz_wizard_page_get_field_input (page, field_id);
  graphene_rect_t bounds;

  g_assert_nonnull (row);
  if (!gtk_widget_compute_bounds (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row))), GTK_WIDGET (page), &bounds))
    return FALSE;
  *out = bounds.origin.x + bounds.size.width;
  return bounds.size.width > 0;
}

static void
assert_figures_line_up (CzWizardPage *page,
                        const char   *money_field,
                        const char   *count_field)
{
  float money_edge = 0;
  float count_edge = 0;

  cz_test_spin_until (figure_right_edge (page, money_field, &money_edge) &&
                      figure_right_edge (page, count_field, &count_edge));
  g_assert_cmpfloat_with_epsilon (money_edge, count_edge, 0.5);
}

/* Amounts in 万元 and counts in 家 or 个 end on one vertical line, as in a
 * table, whatever the width of their units. */
static void
test_figures_line_up (Fixture       *fixture,
                      gconstpointer  data)
{
  assert_figures_line_up (show_step (fixture, "revenue"), "revenue.y2024.total", "enterprises.y2024.total");
  assert_figures_line_up (show_step (fixture, "indicators"), "revenue.y2024.export", "indicators.plan_support_policies");
}

static gboolean
is_in_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)), &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.origin.y + 40 <= gtk_adjustment_get_page_size (adjustment);
}

/* Adding an incident at the bottom of the page brings it into view. */
static void
test_new_incident_in_view (Fixture       *fixture,
                           gconstpointer  data)
{
  CzWizardPage *page = show_step (fixture, "incidents");
  GtkWidget *scrolled = cz_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL, NULL);
  GtkWidget *row;

  cz_test_spin_until (gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled))) >
                      gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled))));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "incidents.add", "s", "data-security"));
  row = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), CZ_TYPE_INCIDENT_ROW);
  g_assert_nonnull (row);
  cz_test_spin_until (is_in_view (row));
}

/* The buttons under @root showing @icon_name, in widget order. */
static void
collect_icon_buttons (GtkWidget  *root,
                      const char *icon_name,
                      GPtrArray  *out)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon_name) == 0)
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_icon_buttons (child, icon_name, out);
}

/* A new functional area, below the ones there, is brought into view too;
 * and so is one moved down the list. */
static void
test_new_area_in_view (Fixture       *fixture,
                       gconstpointer  data)
{
  CzWizardPage *page = show_step (fixture, "boundary");
  GtkWidget *scrolled = cz_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL, NULL);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *focus;
  GtkWidget *row;

  gtk_window_set_default_size (fixture->window, 1000, 450);
  cz_test_spin_until (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 200);
  gtk_adjustment_set_value (adjustment, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "boundary.add-area", NULL));
  row = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (row);
  cz_test_spin_until (is_in_view (row));

  gtk_adjustment_set_value (adjustment, 0);
  /* Moved down from the keyboard, the focus stays on that row's Move Down… */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "boundary.move-down", "i", 1));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (gtk_widget_get_root (focus) == GTK_ROOT (fixture->window));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "boundary.move-down");
  g_assert_cmpint (g_variant_get_int32 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (focus))), ==, 2);
  /* …and once it is the last, whose Move Down is off, on its Move Up. */
  {
    g_autoptr(GPtrArray) downs = g_ptr_array_new ();
    gint32 last;

    collect_icon_buttons (GTK_WIDGET (page), "go-down-symbolic", downs);
    last = (gint32) downs->len - 1;
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "boundary.move-down", "i", last - 1));
    focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    g_assert_true (GTK_IS_BUTTON (focus));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "boundary.move-up");
    g_assert_cmpint (g_variant_get_int32 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (focus))), ==, last);
  }
  row = gtk_widget_get_ancestor (focus, ADW_TYPE_EXPANDER_ROW);
  cz_test_spin_until (is_in_view (row));
}


/* The first area cannot move up nor the last down, and their buttons say
 * so; every other one can go both ways. */
static void
test_area_ends_cannot_move (Fixture       *fixture,
                            gconstpointer  data)
{
  CzWizardPage *page = show_step (fixture, "boundary");
  g_autoptr(GPtrArray) ups = g_ptr_array_new ();
  g_autoptr(GPtrArray) downs = g_ptr_array_new ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "boundary.add-area", NULL));
  collect_icon_buttons (GTK_WIDGET (page), "go-up-symbolic", ups);
  collect_icon_buttons (GTK_WIDGET (page), "go-down-symbolic", downs);
  g_assert_cmpuint (ups->len, >=, 3);
  g_assert_cmpuint (ups->len, ==, downs->len);
  for (guint i = 0; i < ups->len; i++)
    {
      g_assert_true (gtk_widget_get_sensitive (ups->pdata[i]) == (i > 0));
      g_assert_true (gtk_widget_get_sensitive (downs->pdata[i]) == (i + 1 < downs->len));
      if (i > 0)
        g_assert_cmpint (g_variant_get_int32 (gtk_actionable_get_action_target_value (ups->pdata[i])), ==, i);
    }
}

static void
test_declarations (Fixture       *fixture,
                   gconstpointer  data)
{
  CzWizardPage *page = show_step (fixture, "declarations");
  GtkCheckButton *truthful = GTK_CHECK_BUTTON (cz_wizard_page_get_field_input (page, CZ_FIELD_DECLARATION_TRUTHFUL));

  g_assert_true (gtk_check_button_get_active (truthful));
  gtk_check_button_set_active (truthful, FALSE);
  g_assert_cmpstr (cz_dossier_get_text (fixture->dossier, CZ_FIELD_DECLARATION_TRUTHFUL), ==, "no");
  g_free (wait_for_rule (fixture, "declaration-truthful"));
  assert_finding_shown (page, CZ_FIELD_DECLARATION_TRUTHFUL, "error");
  gtk_check_button_set_active (truthful, TRUE);
  assert_finding_gone (page, CZ_FIELD_DECLARATION_TRUTHFUL);

  /* A date that is not one clears the field: the rules ask for it. */
  set_text (page, CZ_FIELD_DECLARATION_DATE, "2025-02-30");
  g_assert_null (cz_dossier_get_value (fixture->dossier, CZ_FIELD_DECLARATION_DATE));
  g_free (wait_for_rule (fixture, "declaration-signatory"));
  assert_finding_shown (page, CZ_FIELD_DECLARATION_DATE, "error");
  set_text (page, CZ_FIELD_DECLARATION_DATE, "2025年6月20日");
  assert_finding_gone (page, CZ_FIELD_DECLARATION_DATE);
  g_assert_cmpstr (cz_value_get_date_iso (cz_dossier_get_value (fixture->dossier, CZ_FIELD_DECLARATION_DATE)), ==,
                   "2025-06-20");
}

static void
test_review_opens_finding (Fixture       *fixture,
                           gconstpointer  data)
{
  CzWizardPage *boundary = show_step (fixture, "boundary");
  GtkWidget *east = cz_wizard_page_get_field_input (boundary, CZ_FIELD_BOUNDARY_NORTH);
  CzReviewPage *review;
  GtkWidget *row = NULL;
  GtkWidget *focus;

  set_text (boundary, CZ_FIELD_BOUNDARY_NORTH, "");
  /* As after a click: no focus ring until the review shows where to look. */
  gtk_window_set_focus_visible (fixture->window, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.review", NULL));
  review = CZ_REVIEW_PAGE (cz_wizard_get_current_page (fixture->wizard));
  g_assert_cmpstr (cz_wizard_page_get_step_id (CZ_WIZARD_PAGE (review)), ==, "review");
  cz_test_spin_until ((row = cz_review_page_find_row (review, "boundary-four-limits", CZ_FIELD_BOUNDARY_NORTH)) != NULL);
  g_assert_true (gtk_widget_has_css_class (row, "activatable") || gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  /* Severity and citation are read with the finding. */
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  g_signal_emit_by_name (row, "activated");
  g_assert_cmpstr (cz_wizard_page_get_step_id (cz_wizard_get_current_page (fixture->wizard)), ==, "boundary");
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == east || gtk_widget_is_ancestor (focus, east));
  g_assert_true (gtk_window_get_focus_visible (fixture->window));

  /* A finding on an incident year opens the incidents step on that year's choice. */
  cz_dossier_clear (fixture->dossier, "incidents.data_security.y2023.none");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.review", NULL));
  cz_test_spin_until ((row = cz_review_page_find_row (review, "incidents-data_security-declared",
                                                      "incidents.data_security.y2023.none")) != NULL);
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpstr (cz_wizard_page_get_step_id (cz_wizard_get_current_page (fixture->wizard)), ==, "incidents");
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (gtk_widget_is_ancestor (focus, cz_wizard_page_get_field_input (cz_wizard_get_current_page (fixture->wizard),
                                                                               "incidents.data_security.y2023.none")) ||
                 focus == cz_wizard_page_get_field_input (cz_wizard_get_current_page (fixture->wizard),
                                                          "incidents.data_security.y2023.none"));
}

static void
test_fresh_step_not_red (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CzDossier) dossier = cz_dossier_new ("00000000-0000-4000-8000-0000000000f0");
  CzWizard *wizard = CZ_WIZARD (cz_wizard_new (NULL, dossier));
  GtkWindow *window = cz_test_window_new (GTK_WIDGET (wizard));
  CzWizardPage *page;
  CzMessageRow *south;

  /* A step nobody has started shows no findings on its rows, nor counts in the list… */
  g_assert_true (cz_wizard_show_step (wizard, "boundary"));
  page = cz_wizard_get_current_page (wizard);
  south = cz_wizard_page_get_field_message (page, CZ_FIELD_BOUNDARY_SOUTH);
  cz_test_flush_main_loop ();
  g_assert_null (cz_message_row_get_finding_message (south));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (south)));
  g_assert_cmpstr (cz_wizard_get_step_state (wizard, "boundary"), ==, "Not started");

  /* …until one of its fields is answered: then what is still missing shows. */
  gtk_editable_set_text (GTK_EDITABLE (cz_wizard_page_get_field_input (page, CZ_FIELD_BOUNDARY_EAST)), "东至太湖大道");
  assert_finding_shown (page, CZ_FIELD_BOUNDARY_SOUTH, "error");
  cz_test_spin_until (g_str_has_prefix (cz_wizard_get_step_state (wizard, "boundary"), "4 blockers"));

  /* The review leads to a field of an unstarted step and shows its finding there. */
  g_assert_true (cz_wizard_focus_field (wizard, CZ_FIELD_DECLARATION_OFFICIAL_NAME));
  assert_finding_shown (cz_wizard_get_current_page (wizard), CZ_FIELD_DECLARATION_OFFICIAL_NAME, "error");

  gtk_window_destroy (window);
}

static gboolean
y_in_view (GtkWidget *widget,
           double    *out)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)), &bounds))
    return FALSE;
  *out = bounds.origin.y;
  return TRUE;
}

/* Typing the first answer of a step makes what is still missing appear on
 * the rows above; the row being typed in stays where it was on the screen. */
static void
test_typing_row_stays_put (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CzDossier) dossier = cz_dossier_new ("00000000-0000-4000-8000-0000000000f1");
  CzWizard *wizard = CZ_WIZARD (cz_wizard_new (NULL, dossier));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  CzWizardPage *page;
  GtkWidget *date;
  double before = 0;
  double after = 0;
  double upper;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 450);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (wizard));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cz_wizard_show_step (wizard, "declarations"));
  page = cz_wizard_get_current_page (wizard);
  date = cz_wizard_page_get_field_input (page, CZ_FIELD_DECLARATION_DATE);
  scrolled = gtk_widget_get_ancestor (date, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  /* Scrolled down to the date, as a person who got there with Tab. */
  cz_test_spin_until (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  g_assert_true (gtk_widget_grab_focus (date));
  cz_test_spin_until (y_in_view (date, &before) && before >= 0 &&
                      before + 40 <= gtk_adjustment_get_page_size (adjustment));

  upper = gtk_adjustment_get_upper (adjustment);
  gtk_editable_set_text (GTK_EDITABLE (date), "2025-03-01");
  assert_finding_shown (page, CZ_FIELD_DECLARATION_OFFICIAL_NAME, "error");
  assert_finding_shown (page, CZ_FIELD_DECLARATION_TRUTHFUL, "error");
  /* Once the messages have their place… */
  cz_test_spin_until (gtk_adjustment_get_upper (adjustment) > upper + 100);
  cz_test_spin_until (y_in_view (date, &after) && G_APPROX_VALUE (after, before, 1.0));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every input a Tab reaches on @page has a name a screen reader can say. */
static guint
tab_through_page (Fixture      *fixture,
                  CzWizardPage *page)
{
  GtkWidget *first = NULL;
  guint n = 0;

  gtk_widget_grab_focus (GTK_WIDGET (page));
  if (!gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD))
    return 0;

  for (guint i = 0; i < 400; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      GtkWidget *row;

      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (page)) || focus == first)
        break;
      if (first == NULL)
        first = focus;

      row = gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW);
      if (row != NULL && !CZ_IS_MESSAGE_ROW (row))
        {
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

          if (title == NULL || *title == '\0')
            g_error ("An input on the %s step has no label", cz_wizard_page_get_step_id (page));
        }
      n++;
      if (!gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD))
        break;
    }
  return n;
}

static void
test_keyboard_walk (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const steps[] = {
    "zone", "boundary", "revenue", "indicators", "incidents", "declarations", "evidence", "review",
  };
  CzValidator *validator = cz_wizard_get_validator (fixture->wizard);

  g_assert_cmpstr (cz_wizard_page_get_step_id (cz_wizard_get_current_page (fixture->wizard)), ==, "zone");
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      CzWizardPage *page = cz_wizard_get_current_page (fixture->wizard);

      g_assert_cmpstr (cz_wizard_page_get_step_id (page), ==, steps[i]);
      if (!g_str_equal (steps[i], "evidence") && !g_str_equal (steps[i], "review"))
        {
          g_assert_cmpuint (tab_through_page (fixture, page), >, 0);
          g_assert_cmpstr (cz_wizard_get_step_state (fixture->wizard, steps[i]), ==, "Complete");
        }
      if (i + 1 < G_N_ELEMENTS (steps))
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.next", NULL));
    }

  /* Back by the keyboard, and the step list comes back by its action on a narrow window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.previous", NULL));
  g_assert_cmpstr (cz_wizard_page_get_step_id (cz_wizard_get_current_page (fixture->wizard)), ==, "evidence");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.review", NULL));

  /* The sample ends with nothing left but provisional notes. */
  g_assert_cmpuint (cz_validator_get_n_blockers (validator), ==, 0);
  g_assert_cmpuint (cz_validator_get_n_warnings (validator), ==, 0);
  g_assert_true (g_str_has_suffix (cz_wizard_get_score_text (fixture->wizard), "(provisional)"));
  cz_test_spin_until (cz_review_page_find_row (CZ_REVIEW_PAGE (cz_wizard_get_current_page (fixture->wizard)),
                                               "score-provisional", NULL) != NULL);
  g_assert_nonnull (cz_test_find_row (GTK_WIDGET (fixture->wizard), ADW_TYPE_ACTION_ROW, "Ready to pack"));
}

static void
test_narrow_window (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  GtkWidget *wide_button = cz_test_find_action_button (GTK_WIDGET (fixture->wizard), "wizard.show-steps");
  GtkWidget *narrow = gtk_window_new ();
  GtkWidget *wizard = cz_wizard_new (NULL, dossier);
  GtkWidget *button;
  GtkWidget *focus;

  /* About 1000 pixels wide: the step list stays beside the step. */
  g_assert_false (gtk_widget_get_visible (wide_button));

  /* A narrow window folds it away, and a button brings it back. */
  gtk_window_set_default_size (GTK_WINDOW (narrow), 420, 700);
  gtk_window_set_child (GTK_WINDOW (narrow), wizard);
  gtk_window_present (GTK_WINDOW (narrow));
  button = cz_test_find_action_button (wizard, "wizard.show-steps");
  cz_test_spin_until (gtk_widget_get_visible (button) && gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_activate_action (wizard, "wizard.show-steps", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (narrow));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX));

  /* Choosing a step from the list shows it. */
  g_assert_true (gtk_widget_activate_action (wizard, "wizard.show-step", "s", "declarations"));
  g_assert_cmpstr (cz_wizard_page_get_step_id (cz_wizard_get_current_page (CZ_WIZARD (wizard))), ==, "declarations");

  gtk_window_destroy (GTK_WINDOW (narrow));
}

static void
assert_no_placeholder (GtkWidget *widget)
{
  if (ADW_IS_ENTRY_ROW (widget))
    {
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (widget));
      const char *placeholder = GTK_IS_TEXT (text) ? gtk_text_get_placeholder_text (GTK_TEXT (text)) : NULL;

      if (placeholder != NULL && *placeholder != '\0')
        g_error ("“%s” has the placeholder “%s”",
                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), placeholder);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    assert_no_placeholder (child);
}

/* An entry row's title moves up over its text when focused: a placeholder
 * there is drawn under the title and reads like an answer already given.
 * Examples belong in the group's description. */
static void
test_no_placeholder_under_titles (Fixture       *fixture,
                                  gconstpointer  data)
{
  for (guint i = 0; i < cz_wizard_get_n_pages (fixture->wizard); i++)
    assert_no_placeholder (GTK_WIDGET (cz_wizard_get_page (fixture->wizard, i)));
}

int
main (int   argc,
      char *argv[])
{
  cz_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/steps/zone", test_zone);
  ADD ("/steps/boundary", test_boundary);
  ADD ("/steps/area-size-checked", test_area_size_checked);
  ADD ("/steps/revenue", test_revenue);
  ADD ("/steps/tab-passes-amount-in-words", test_tab_passes_amount_in_words);
  ADD ("/steps/indicators", test_indicators);
  ADD ("/steps/incidents", test_incidents);
  ADD ("/steps/incident-inputs-checked", test_incident_inputs_checked);
  ADD ("/steps/new-incident-in-view", test_new_incident_in_view);
  ADD ("/steps/new-area-in-view", test_new_area_in_view);
  ADD ("/steps/area-ends-cannot-move", test_area_ends_cannot_move);
  ADD ("/steps/figures-line-up", test_figures_line_up);
  ADD ("/steps/declarations", test_declarations);
  ADD ("/steps/review-opens-finding", test_review_opens_finding);
  ADD ("/steps/keyboard-walk", test_keyboard_walk);
  ADD ("/steps/fresh-step-not-red", test_fresh_step_not_red);
  ADD ("/steps/typing-row-stays-put", test_typing_row_stays_put);
  ADD ("/steps/narrow-window", test_narrow_window);
  ADD ("/steps/no-placeholder-under-titles", test_no_placeholder_under_titles);
#undef ADD

  return g_test_run ();
}
