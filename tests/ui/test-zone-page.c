/* test-zone-page.c — the Zone step, driven as a person would
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-divisions.h"
#include "cz-field-entry-row.h"
#include "cz-fields.h"
#include "cz-rules.h"
#include "cz-validator.h"
#include "cz-text-list-group.h"
#include "cz-ui-test-utils.h"
#include "pages/zone/cz-zone-page.h"

typedef struct
{
  CzDossier   *dossier;
  CzValidator *validator;
  GtkWidget   *page;
  GtkWindow   *window;
} Fixture;

/* The page as the wizard gives it: with the validator whose findings it shows. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CzRules) rules = cz_rules_new_builtin (CZ_RULES_BUILTIN_YEAR, NULL);

  fixture->dossier = cz_dossier_new ("test-zone-page");
  fixture->validator = cz_validator_new (fixture->dossier, rules);
  fixture->page = cz_zone_page_new (fixture->dossier);
  cz_wizard_page_set_validator (CZ_WIZARD_PAGE (fixture->page), fixture->validator);
  fixture->window = cz_test_window_new (fixture->page);
  cz_test_flush_main_loop ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->validator);
  g_clear_object (&fixture->dossier);
  cz_test_flush_main_loop ();
}

static GtkWidget *
entry_row (Fixture    *fixture,
           const char *title)
{
  return cz_test_find_row (fixture->page, ADW_TYPE_ENTRY_ROW, title);
}

/* The row shows one message, the validator's, with the error style, and a
 * screen reader hears it. @detail (the input check's sentence) is what it
 * begins with, when given. */
static void
assert_row_error (Fixture    *fixture,
                  GtkWidget  *row,
                  const char *detail)
{
  CzMessageRow *message_row = cz_test_find_message_row (fixture->page, row);
  const char *field_id = cz_field_entry_row_get_field_id (CZ_FIELD_ENTRY_ROW (row));
  const char *style = NULL;
  g_autofree char *expected = cz_wizard_page_dup_findings_text (fixture->validator, field_id, &style);

  g_assert_nonnull (expected);
  g_assert_cmpstr (style, ==, "error");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message_row)));
  g_assert_null (cz_message_row_get_message (message_row));
  g_assert_cmpstr (cz_message_row_get_finding_message (message_row), ==, expected);
  if (detail != NULL && !g_str_has_prefix (expected, detail))
    g_error ("“%s” does not begin with “%s”", expected, detail);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
}

static void
assert_row_fine (Fixture   *fixture,
                 GtkWidget *row)
{
  CzMessageRow *message_row = cz_test_find_message_row (fixture->page, row);

  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message_row)));
  g_assert_null (cz_message_row_get_message (message_row));
  g_assert_null (cz_message_row_get_finding_message (message_row));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

static void
test_typing_sets_fields (Fixture       *fixture,
                         gconstpointer  data)
{
  const struct {
    const char *title;
    const char *field_id;
    const char *text;
  } inputs[] = {
    { "Zone name", CZ_FIELD_ZONE_NAME, "中德（太仓）中小企业合作区" },
    { "Operating management body", CZ_FIELD_ZONE_MANAGEMENT_BODY, "太仓市中德合作区管理委员会" },
    { "Applicant department", CZ_FIELD_APPLICANT_DEPARTMENT, "苏州市工业和信息化局" },
    { "Name", CZ_FIELD_CONTACT_NAME, "王芳" },
    { "Phone", CZ_FIELD_CONTACT_PHONE, "0512-66881234" },
    { "E-mail", CZ_FIELD_CONTACT_EMAIL, "wangfang@example.gov.cn" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      GtkWidget *row = entry_row (fixture, inputs[i].title);

      gtk_editable_set_text (GTK_EDITABLE (row), inputs[i].text);
      g_assert_cmpstr (cz_dossier_get_text (fixture->dossier, inputs[i].field_id), ==, inputs[i].text);
      assert_row_fine (fixture, row);
    }
}

static void
test_fresh_dossier_shows_no_errors (Fixture       *fixture,
                                    gconstpointer  data)
{
  assert_row_fine (fixture, entry_row (fixture, "Zone name"));
  assert_row_fine (fixture, entry_row (fixture, "Phone"));
  assert_row_fine (fixture, entry_row (fixture, "Planned area"));
}

static void
test_empty_name_marked_and_fixed (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *row = entry_row (fixture, "Zone name");
  g_autofree char *too_long = NULL;
  g_autofree char *expected_long = NULL;
  g_autoptr(CzValue) long_value = NULL;
  GString *name = g_string_new (NULL);

  gtk_editable_set_text (GTK_EDITABLE (row), "合作区");
  assert_row_fine (fixture, row);

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_assert_null (cz_dossier_get_value (fixture->dossier, CZ_FIELD_ZONE_NAME));
  /* Emptied: the rules pack asks for it (its zone-required rule). */
  assert_row_error (fixture, row, NULL);

  for (guint i = 0; i < 70; i++)
    g_string_append (name, "区");
  too_long = g_string_free (name, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), too_long);
  long_value = cz_value_new_text (too_long);
  expected_long = cz_field_check (CZ_FIELD_ZONE_NAME, long_value);
  g_assert_nonnull (expected_long);
  assert_row_error (fixture, row, expected_long);

  gtk_editable_set_text (GTK_EDITABLE (row), "中德（太仓）中小企业合作区");
  assert_row_fine (fixture, row);
}

static void
test_phone_and_email_marked_and_fixed (Fixture       *fixture,
                                       gconstpointer  data)
{
  GtkWidget *phone = entry_row (fixture, "Phone");
  GtkWidget *email = entry_row (fixture, "E-mail");
  g_autoptr(CzValue) bad_phone = cz_value_new_text ("12ab");
  g_autoptr(CzValue) bad_email = cz_value_new_text ("wangfang");
  g_autofree char *phone_message = cz_field_check (CZ_FIELD_CONTACT_PHONE, bad_phone);
  g_autofree char *email_message = cz_field_check (CZ_FIELD_CONTACT_EMAIL, bad_email);

  gtk_editable_set_text (GTK_EDITABLE (phone), "12ab");
  assert_row_error (fixture, phone, phone_message);
  gtk_editable_set_text (GTK_EDITABLE (phone), "13912345678");
  assert_row_fine (fixture, phone);
  g_assert_cmpstr (cz_dossier_get_text (fixture->dossier, CZ_FIELD_CONTACT_PHONE), ==, "13912345678");

  gtk_editable_set_text (GTK_EDITABLE (email), "wangfang");
  assert_row_error (fixture, email, email_message);
  gtk_editable_set_text (GTK_EDITABLE (email), "wangfang@example.gov.cn");
  assert_row_fine (fixture, email);
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (gtk_widget_get_root (widget)));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A message under a field does not make Tab skip the fields below it, nor
 * Shift+Tab the field above it. */
static void
test_tab_passes_a_message (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *phone = entry_row (fixture, "Phone");
  GtkWidget *email = entry_row (fixture, "E-mail");

  gtk_editable_set_text (GTK_EDITABLE (phone), "abc-123");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cz_test_find_message_row (fixture->page, phone))));
  gtk_widget_grab_focus (phone);
  g_assert_true (has_focus_within (phone));

  g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_TAB_FORWARD);
  g_assert_true (has_focus_within (email));

  g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_TAB_BACKWARD);
  g_assert_true (has_focus_within (phone));
}

/* The applicant department's city sits right under the zone's city, so the
 * message that they differ is between the two rows it is about. */
static void
test_two_cities_side_by_side (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *city = cz_test_find_row (fixture->page, ADW_TYPE_COMBO_ROW, "Prefecture-level city");
  GtkWidget *applicant_city = cz_test_find_row (fixture->page, ADW_TYPE_COMBO_ROW, "Applicant department’s city");
  GtkWidget *between = gtk_widget_get_next_sibling (city);

  g_assert_true (between == GTK_WIDGET (cz_test_find_message_row (fixture->page, city)));
  g_assert_true (gtk_widget_get_next_sibling (between) == applicant_city);
}

static void
test_area_parsed_marked_and_fixed (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *area = entry_row (fixture, "Planned area");
  CzMessageRow *message_row = cz_test_find_message_row (fixture->page, area);
  gint64 m2 = 0;

  g_assert_true (gtk_widget_has_css_class (area, "numeric"));

  gtk_editable_set_text (GTK_EDITABLE (area), "12.5");
  g_assert_true (cz_dossier_get_integer (fixture->dossier, CZ_FIELD_ZONE_AREA_M2, &m2));
  g_assert_cmpint (m2, ==, 12500000);
  assert_row_fine (fixture, area);

  gtk_editable_set_text (GTK_EDITABLE (area), "twelve");
  g_assert_false (cz_dossier_get_integer (fixture->dossier, CZ_FIELD_ZONE_AREA_M2, &m2));
  g_assert_true (gtk_widget_has_css_class (area, "error"));
  g_assert_nonnull (cz_message_row_get_message (message_row));
  /* What was typed stays, so it can be corrected. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (area)), ==, "twelve");

  /* Zero is a number: the rules pack says what is wrong with it. */
  gtk_editable_set_text (GTK_EDITABLE (area), "0");
  assert_row_error (fixture, area, NULL);

  gtk_editable_set_text (GTK_EDITABLE (area), "３.２");  /* full-width digits */
  g_assert_true (cz_dossier_get_integer (fixture->dossier, CZ_FIELD_ZONE_AREA_M2, &m2));
  g_assert_cmpint (m2, ==, 3200000);
  assert_row_fine (fixture, area);
}

static guint
model_find_name (GListModel *model,
                 const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (CZ_IS_DIVISION (item) && g_strcmp0 (cz_division_get_name (CZ_DIVISION (item)), name) == 0)
        return i;
    }
  g_error ("No “%s” in the list", name);
  return 0;
}

static void
test_province_filters_cities (Fixture       *fixture,
                              gconstpointer  data)
{
  AdwComboRow *province = ADW_COMBO_ROW (cz_test_find_row (fixture->page, ADW_TYPE_COMBO_ROW, "Province"));
  AdwComboRow *city = ADW_COMBO_ROW (cz_test_find_row (fixture->page, ADW_TYPE_COMBO_ROW, "Prefecture-level city"));
  GListModel *cities;
  g_autoptr(GObject) first = NULL;

  /* Unset shows "Not selected", and no city can be chosen before a province. */
  g_assert_cmpuint (adw_combo_row_get_selected (province), ==, 0);
  first = g_list_model_get_item (adw_combo_row_get_model (province), 0);
  g_assert_true (GTK_IS_STRING_OBJECT (first));
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (first)), ==, "Not selected");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (city)), ==, 1);

  adw_combo_row_set_selected (province, model_find_name (adw_combo_row_get_model (province), "江苏省"));
  g_assert_cmpstr (cz_dossier_get_text (fixture->dossier, CZ_FIELD_ZONE_PROVINCE), ==, "320000");

  cities = adw_combo_row_get_model (city);
  g_assert_cmpuint (g_list_model_get_n_items (cities), ==, 1 + 13);  /* 13 cities in Jiangsu */
  for (guint i = 1; i < g_list_model_get_n_items (cities); i++)
    {
      g_autoptr(CzDivision) division = g_list_model_get_item (cities, i);

      g_assert_cmpstr (cz_division_get_parent_code (division), ==, "320000");
    }

  adw_combo_row_set_selected (city, model_find_name (cities, "苏州市"));
  g_assert_cmpstr (cz_dossier_get_text (fixture->dossier, CZ_FIELD_ZONE_CITY), ==, "320500");

  /* Another province: the city of the first no longer applies. */
  adw_combo_row_set_selected (province, model_find_name (adw_combo_row_get_model (province), "浙江省"));
  g_assert_cmpstr (cz_dossier_get_text (fixture->dossier, CZ_FIELD_ZONE_PROVINCE), ==, "330000");
  g_assert_null (cz_dossier_get_text (fixture->dossier, CZ_FIELD_ZONE_CITY));
  g_assert_cmpuint (adw_combo_row_get_selected (city), ==, 0);

  /* Back to "Not selected" clears the field. */
  adw_combo_row_set_selected (province, 0);
  g_assert_null (cz_dossier_get_text (fixture->dossier, CZ_FIELD_ZONE_PROVINCE));
}

static gboolean
group_has_title (GtkWidget    *widget,
                 gconstpointer title)
{
  return g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static void
assert_text_list (CzDossier          *dossier,
                  const char         *field_id,
                  const char * const *expected)
{
  g_auto(GStrv) texts = (GStrv) cz_dossier_dup_text_list (dossier, field_id);

  if (expected == NULL)
    {
      g_assert_null (texts);
      return;
    }
  g_assert_nonnull (texts);
  g_assert_cmpstrv (texts, expected);
}

static void
test_partners_add_remove (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *group = cz_test_find_widget (fixture->page, CZ_TYPE_TEXT_LIST_GROUP,
                                          group_has_title, "Partner Countries or Regions");
  AdwEntryRow *entry;
  GtkWidget *add_button;

  g_assert_nonnull (group);
  entry = cz_text_list_group_get_entry_row (CZ_TEXT_LIST_GROUP (group));
  add_button = cz_test_find_action_button (group, "list.add");

  /* Nothing to add yet. */
  g_assert_false (gtk_widget_get_sensitive (add_button));

  gtk_editable_set_text (GTK_EDITABLE (entry), "德国");
  g_assert_true (gtk_widget_get_sensitive (add_button));
  g_signal_emit_by_name (add_button, "clicked");
  assert_text_list (fixture->dossier, CZ_FIELD_ZONE_PARTNERS, (const char *[]) { "德国", NULL });
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* Enter in the entry adds too. */
  gtk_editable_set_text (GTK_EDITABLE (entry), " 法国 ");
  g_signal_emit_by_name (entry, "entry-activated");
  assert_text_list (fixture->dossier, CZ_FIELD_ZONE_PARTNERS, (const char *[]) { "德国", "法国", NULL });
  g_assert_cmpuint (cz_text_list_group_get_n_items (CZ_TEXT_LIST_GROUP (group)), ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (cz_text_list_group_get_item_row (CZ_TEXT_LIST_GROUP (group), 1))), ==, "法国");

  /* A duplicate cannot be added. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "德国");
  g_assert_false (gtk_widget_get_sensitive (add_button));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");

  /* The remove button of the first row. */
  g_signal_emit_by_name (cz_test_find_action_button (GTK_WIDGET (cz_text_list_group_get_item_row (CZ_TEXT_LIST_GROUP (group), 0)),
                                                     "list.remove"),
                         "clicked");
  assert_text_list (fixture->dossier, CZ_FIELD_ZONE_PARTNERS, (const char *[]) { "法国", NULL });
  g_assert_cmpuint (cz_text_list_group_get_n_items (CZ_TEXT_LIST_GROUP (group)), ==, 1);

  gtk_widget_activate_action (group, "list.remove", "i", 0);
  assert_text_list (fixture->dossier, CZ_FIELD_ZONE_PARTNERS, NULL);
  /* An emptied required list says so. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));

  /* Changed elsewhere: the rows follow. */
  cz_dossier_set_text_list (fixture->dossier, CZ_FIELD_ZONE_PARTNERS, (const char *[]) { "意大利", "瑞士", NULL });
  g_assert_cmpuint (cz_text_list_group_get_n_items (CZ_TEXT_LIST_GROUP (group)), ==, 2);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
}

static void
test_industries_use_the_same_widget (Fixture       *fixture,
                                     gconstpointer  data)
{
  GtkWidget *group = cz_test_find_widget (fixture->page, CZ_TYPE_TEXT_LIST_GROUP,
                                          group_has_title, "Leading Industries");
  AdwEntryRow *entry;

  g_assert_nonnull (group);
  entry = cz_text_list_group_get_entry_row (CZ_TEXT_LIST_GROUP (group));
  gtk_editable_set_text (GTK_EDITABLE (entry), "高端装备制造");
  gtk_widget_activate_action (group, "list.add", NULL);
  assert_text_list (fixture->dossier, CZ_FIELD_ZONE_INDUSTRIES, (const char *[]) { "高端装备制造", NULL });
}

static void
test_changes_from_elsewhere_show (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *name = entry_row (fixture, "Zone name");
  GtkWidget *area = entry_row (fixture, "Planned area");
  g_autoptr(CzValue) bad_phone = cz_value_new_text ("not a phone");
  g_autofree char *phone_message = cz_field_check (CZ_FIELD_CONTACT_PHONE, bad_phone);

  gtk_editable_set_text (GTK_EDITABLE (name), "中德合作区");
  gtk_editable_set_position (GTK_EDITABLE (name), 2);

  /* As another window would. */
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_ZONE_NAME, "中德（太仓）合作区");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "中德（太仓）合作区");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (name)), ==, 2);

  cz_dossier_set_integer (fixture->dossier, CZ_FIELD_ZONE_AREA_M2, 3000000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (area)), ==, "3");

  cz_dossier_set_text (fixture->dossier, CZ_FIELD_CONTACT_PHONE, "not a phone");
  /* A bad value arriving from elsewhere is marked too. */
  assert_row_error (fixture, entry_row (fixture, "Phone"), phone_message);
}

static void
test_location_from_elsewhere (Fixture       *fixture,
                              gconstpointer  data)
{
  AdwComboRow *province = ADW_COMBO_ROW (cz_test_find_row (fixture->page, ADW_TYPE_COMBO_ROW, "Province"));
  AdwComboRow *city = ADW_COMBO_ROW (cz_test_find_row (fixture->page, ADW_TYPE_COMBO_ROW, "Prefecture-level city"));
  CzDivision *selected;

  cz_dossier_set_text (fixture->dossier, CZ_FIELD_ZONE_PROVINCE, "440000");
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_ZONE_CITY, "440300");

  selected = CZ_DIVISION (adw_combo_row_get_selected_item (province));
  g_assert_cmpstr (cz_division_get_name (selected), ==, "广东省");
  selected = CZ_DIVISION (adw_combo_row_get_selected_item (city));
  g_assert_cmpstr (cz_division_get_name (selected), ==, "深圳市");
  /* Reading back wrote nothing. */
  g_assert_cmpstr (cz_dossier_get_text (fixture->dossier, CZ_FIELD_ZONE_CITY), ==, "440300");
}

static void
test_loads_existing_dossier (void)
{
  g_autoptr(CzDossier) dossier = cz_dossier_new ("test-load");
  GtkWidget *page;
  GtkWindow *window;
  AdwComboRow *city;

  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "中德（太仓）中小企业合作区");
  cz_dossier_set_integer (dossier, CZ_FIELD_ZONE_AREA_M2, 12500000);
  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_PROVINCE, "320000");
  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_CITY, "320500");
  cz_dossier_set_text_list (dossier, CZ_FIELD_ZONE_PARTNERS, (const char *[]) { "德国", NULL });

  page = cz_zone_page_new (dossier);
  window = cz_test_window_new (page);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cz_test_find_row (page, ADW_TYPE_ENTRY_ROW, "Zone name"))),
                   ==, "中德（太仓）中小企业合作区");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cz_test_find_row (page, ADW_TYPE_ENTRY_ROW, "Planned area"))),
                   ==, "12.5");
  city = ADW_COMBO_ROW (cz_test_find_row (page, ADW_TYPE_COMBO_ROW, "Prefecture-level city"));
  g_assert_cmpstr (cz_division_get_code (CZ_DIVISION (adw_combo_row_get_selected_item (city))), ==, "320500");
  g_assert_cmpstr (cz_wizard_page_get_step_id (CZ_WIZARD_PAGE (page)), ==, "zone");
  g_assert_cmpstr (cz_wizard_page_get_title (CZ_WIZARD_PAGE (page)), ==, "Zone");

  g_assert_true (cz_wizard_page_focus_field (CZ_WIZARD_PAGE (page), CZ_FIELD_ZONE_AREA_M2));
  g_assert_false (cz_wizard_page_focus_field (CZ_WIZARD_PAGE (page), "boundary.east"));

  gtk_window_destroy (window);
  cz_test_flush_main_loop ();
}

int
main (int   argc,
      char *argv[])
{
  cz_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/zone-page/typing-sets-fields", test_typing_sets_fields);
  ADD ("/zone-page/fresh-dossier-shows-no-errors", test_fresh_dossier_shows_no_errors);
  ADD ("/zone-page/empty-name-marked-and-fixed", test_empty_name_marked_and_fixed);
  ADD ("/zone-page/phone-and-email-marked-and-fixed", test_phone_and_email_marked_and_fixed);
  ADD ("/zone-page/tab-passes-a-message", test_tab_passes_a_message);
  ADD ("/zone-page/two-cities-side-by-side", test_two_cities_side_by_side);
  ADD ("/zone-page/area-parsed-marked-and-fixed", test_area_parsed_marked_and_fixed);
  ADD ("/zone-page/province-filters-cities", test_province_filters_cities);
  ADD ("/zone-page/partners-add-remove", test_partners_add_remove);
  ADD ("/zone-page/industries-use-the-same-widget", test_industries_use_the_same_widget);
  ADD ("/zone-page/changes-from-elsewhere-show", test_changes_from_elsewhere_show);
  ADD ("/zone-page/location-from-elsewhere", test_location_from_elsewhere);
#undef ADD
  g_test_add_func ("/zone-page/loads-existing-dossier", test_loads_existing_dossier);

  return g_test_run ();
}
