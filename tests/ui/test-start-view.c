/* test-start-view.c — the start screen: empty state, rows, their actions
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-evidence.h"
#include "cz-fields.h"
#include "cz-rules-catalog.h"
#include "start/cz-start-view.h"
#include "cz-ui-test-utils.h"

typedef struct
{
  char        *dir;
  CzStore     *store;
  CzStartView *view;
  GtkWindow   *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = cz_test_store_new (&fixture->dir);
}

static void
fixture_show (Fixture *fixture)
{
  fixture->view = CZ_START_VIEW (cz_start_view_new (fixture->store));
  fixture->window = cz_test_window_new (GTK_WIDGET (fixture->view));
  cz_test_spin_until (!cz_start_view_get_loading (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  cz_test_flush_main_loop ();
  cz_test_store_free (fixture->store, fixture->dir);
}

static guint
store_count (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = cz_store_list_dossiers (fixture->store, &error);

  g_assert_no_error (error);
  return infos->len;
}

static guint
list_rows (Fixture *fixture)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cz_start_view_get_list_box (fixture->view)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;
  return n;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* As a click on the dialog's button: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *status;

  fixture_show (fixture);

  g_assert_cmpstr (cz_start_view_get_state (fixture->view), ==, "empty");
  g_assert_cmpuint (cz_start_view_get_n_dossiers (fixture->view), ==, 0);
  status = cz_test_find_widget (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE, NULL, NULL);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Dossiers Yet");
  g_assert_true (gtk_widget_get_sensitive (cz_test_find_action_button (status, "start.new")));
  g_assert_true (gtk_widget_get_sensitive (cz_test_find_action_button (status, "start.sample")));
}

static void
test_row_per_dossier (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) first = cz_store_create_dossier (fixture->store, NULL, &error);
  g_autoptr(CzDossier) second = NULL;
  AdwActionRow *row;

  g_assert_no_error (error);
  cz_dossier_set_text (first, CZ_FIELD_ZONE_NAME, "中德（太仓）中小企业合作区");
  second = cz_store_create_dossier (fixture->store, "苏州申报稿", &error);
  g_assert_no_error (error);
  cz_store_flush (fixture->store, &error);
  g_assert_no_error (error);

  fixture_show (fixture);

  g_assert_cmpstr (cz_start_view_get_state (fixture->view), ==, "list");
  g_assert_cmpuint (cz_start_view_get_n_dossiers (fixture->view), ==, 2);
  g_assert_cmpuint (list_rows (fixture), ==, 2);

  row = ADW_ACTION_ROW (cz_test_find_row (GTK_WIDGET (fixture->view), ADW_TYPE_ACTION_ROW, "中德（太仓）中小企业合作区"));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "Edited "));
  cz_test_find_row (GTK_WIDGET (fixture->view), ADW_TYPE_ACTION_ROW, "苏州申报稿");
}

static void
test_delete_asks_first (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) keep = cz_store_create_dossier (fixture->store, "保留", &error);
  g_autoptr(CzDossier) doomed = cz_store_create_dossier (fixture->store, "删除", &error);
  g_autofree char *doomed_id = g_strdup (cz_dossier_get_id (doomed));
  AdwMessageDialog *dialog;

  g_assert_no_error (error);
  g_clear_object (&doomed);
  fixture_show (fixture);
  g_assert_cmpuint (list_rows (fixture), ==, 2);

  /* Cancel keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "start.delete", "s", doomed_id));
  cz_test_spin_until (find_message_dialog () != NULL);
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “删除”?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  respond (dialog, "cancel");
  cz_test_spin_until (find_message_dialog () == NULL);
  g_assert_cmpuint (store_count (fixture), ==, 2);

  /* Confirming deletes it and the row goes. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "start.delete", "s", doomed_id);
  cz_test_spin_until (find_message_dialog () != NULL);
  respond (find_message_dialog (), "delete");
  cz_test_spin_until (cz_start_view_get_n_dossiers (fixture->view) == 1);
  g_assert_cmpuint (store_count (fixture), ==, 1);
  g_assert_cmpuint (list_rows (fixture), ==, 1);
  cz_test_find_row (GTK_WIDGET (fixture->view), ADW_TYPE_ACTION_ROW, "保留");
}

/* The stored sample has a document in every evidence slot, so it can be
 * walked to a pack as the README says. */
static void
assert_sample_has_evidence (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = cz_store_list_dossiers (fixture->store, &error);
  g_autoptr(CzDossier) sample = NULL;
  g_autoptr(CzRules) rules = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < infos->len && sample == NULL; i++)
    {
      CzDossierInfo *info = g_ptr_array_index (infos, i);

      if (g_strcmp0 (cz_dossier_info_get_zone_name (info), "临湖中欧中小企业合作区") == 0)
        sample = cz_store_open_dossier (fixture->store, cz_dossier_info_get_id (info), &error);
    }
  g_assert_no_error (error);
  g_assert_nonnull (sample);

  rules = cz_rules_dup_for_dossier (sample, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cz_rules_get_n_evidence_slots (rules), >, 0);
  for (guint i = 0; i < cz_rules_get_n_evidence_slots (rules); i++)
    {
      const char *slot_id = cz_evidence_slot_get_id (cz_rules_get_evidence_slot (rules, i));
      g_autoptr(GPtrArray) records = cz_evidence_dup_records (sample, slot_id);

      if (records->len == 0)
        g_error ("The sample has nothing in the evidence slot %s", slot_id);
    }
}

static void
collect_mnemonics (GMenuModel *model,
                   GString    *letters)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      const char *underscore;

      if (section != NULL)
        collect_mnemonics (section, letters);
      if (!g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        continue;
      underscore = strchr (label, '_');
      g_assert_nonnull (underscore);
      g_string_append_unichar (letters, g_unichar_tolower (g_utf8_get_char (underscore + 1)));
    }
}

/* Each item of a dossier's menu is reached by its own letter: pressing the
 * letter of Duplicate never lands on Delete. */
static void
test_row_menu_mnemonics_unique (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_store_create_dossier (fixture->store, "初稿", &error);
  g_autoptr(GString) letters = g_string_new (NULL);
  GtkWidget *button;

  g_assert_no_error (error);
  fixture_show (fixture);
  button = cz_test_find_widget (cz_test_find_row (GTK_WIDGET (fixture->view), ADW_TYPE_ACTION_ROW, "初稿"),
                                GTK_TYPE_MENU_BUTTON, NULL, NULL);
  g_assert_nonnull (button);
  collect_mnemonics (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), letters);
  g_assert_cmpuint (g_utf8_strlen (letters->str, -1), ==, 5);
  for (const char *p = letters->str; *p; p = g_utf8_next_char (p))
    if (g_utf8_strchr (g_utf8_next_char (p), -1, g_utf8_get_char (p)) != NULL)
      g_error ("Two items of the dossier menu share the mnemonic “%.1s” (%s)", p, letters->str);
}

static void
test_new_and_sample (Fixture       *fixture,
                     gconstpointer  data)
{
  fixture_show (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "start.new", NULL));
  cz_test_spin_until (cz_start_view_get_n_dossiers (fixture->view) == 1);
  g_assert_cmpstr (cz_start_view_get_state (fixture->view), ==, "list");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "start.sample", NULL));
  cz_test_spin_until (cz_start_view_get_n_dossiers (fixture->view) == 2);
  g_assert_cmpuint (store_count (fixture), ==, 2);
  assert_sample_has_evidence (fixture);
}

static void
test_rename_and_duplicate (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_store_create_dossier (fixture->store, "初稿", &error);
  AdwMessageDialog *dialog;

  g_assert_no_error (error);
  fixture_show (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "start.rename", "s", cz_dossier_get_id (dossier));
  cz_test_spin_until (find_message_dialog () != NULL);
  dialog = find_message_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog))), ==, "初稿");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "二稿");
  respond (dialog, "rename");
  cz_test_spin_until (find_message_dialog () == NULL && !cz_start_view_get_loading (fixture->view));
  cz_test_find_row (GTK_WIDGET (fixture->view), ADW_TYPE_ACTION_ROW, "二稿");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "start.duplicate", "s", cz_dossier_get_id (dossier));
  cz_test_spin_until (cz_start_view_get_n_dossiers (fixture->view) == 2);
  cz_test_find_row (GTK_WIDGET (fixture->view), ADW_TYPE_ACTION_ROW, "二稿 (copy)");
}

static void
test_edited_time (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 3, 10, 12, 0, 0);
  g_autoptr(GDateTime) seconds = g_date_time_add_seconds (now, -20);
  g_autoptr(GDateTime) minutes = g_date_time_add_minutes (now, -5);
  g_autoptr(GDateTime) hour = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) days = g_date_time_add_days (now, -3);
  g_autoptr(GDateTime) long_ago = g_date_time_new_utc (2024, 12, 1, 12, 0, 0);
  g_autofree char *a = cz_format_edited_time (seconds, now);
  g_autofree char *b = cz_format_edited_time (minutes, now);
  g_autofree char *c = cz_format_edited_time (hour, now);
  g_autofree char *d = cz_format_edited_time (days, now);
  g_autofree char *e = cz_format_edited_time (long_ago, now);

  g_assert_cmpstr (a, ==, "Edited just now");
  g_assert_cmpstr (b, ==, "Edited 5 minutes ago");
  g_assert_cmpstr (c, ==, "Edited 1 hour ago");
  g_assert_cmpstr (d, ==, "Edited 3 days ago");
  g_assert_cmpstr (e, ==, "Edited on 2024-12-01");
}

int
main (int   argc,
      char *argv[])
{
  cz_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/start-view/empty-state", test_empty_state);
  ADD ("/start-view/row-per-dossier", test_row_per_dossier);
  ADD ("/start-view/delete-asks-first", test_delete_asks_first);
  ADD ("/start-view/new-and-sample", test_new_and_sample);
  ADD ("/start-view/row-menu-mnemonics-unique", test_row_menu_mnemonics_unique);
  ADD ("/start-view/rename-and-duplicate", test_rename_and_duplicate);
#undef ADD
  g_test_add_func ("/start-view/edited-time", test_edited_time);

  return g_test_run ();
}
