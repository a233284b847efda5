/* test-wizard.c — the wizard's navigation and save status, and windows sharing a dossier
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cz-fields.h"
#include "cz-rules-catalog.h"
#include "cz-sample.h"
#include "cz-ui-test-utils.h"
#include "cz-window.h"
#include "cz-wizard.h"

/* A step added after the built-in ones. */
#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, CzWizardPage)

struct _TestPage
{
  CzWizardPage parent_instance;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, CZ_TYPE_WIZARD_PAGE)

static void
test_page_class_init (TestPageClass *klass)
{
}

static void
test_page_init (TestPage *self)
{
  cz_wizard_page_set_title (CZ_WIZARD_PAGE (self), "Extra");
  cz_wizard_page_set_step_id (CZ_WIZARD_PAGE (self), "extra");
  cz_wizard_page_set_icon_name (CZ_WIZARD_PAGE (self), "find-location-symbolic");
  gtk_widget_set_parent (gtk_label_new ("Extra"), GTK_WIDGET (self));
}

typedef struct
{
  char    *dir;
  CzStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = cz_test_store_new (&fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cz_test_flush_main_loop ();
  cz_test_store_free (fixture->store, fixture->dir);
}

static void
test_next_previous (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_store_create_dossier (fixture->store, NULL, &error);
  CzWizard *wizard;
  GtkWindow *window;
  GtkWidget *next;
  GtkWidget *previous;
  CzWizardPage *extra;

  g_assert_no_error (error);
  wizard = CZ_WIZARD (cz_wizard_new (fixture->store, dossier));
  window = cz_test_window_new (GTK_WIDGET (wizard));
  next = cz_test_find_action_button (GTK_WIDGET (wizard), "wizard.next");
  previous = cz_test_find_action_button (GTK_WIDGET (wizard), "wizard.previous");

  /* The steps in the order a person thinks about the zone. */
  {
    static const char * const expected[] = {
      "zone", "boundary", "revenue", "indicators", "incidents", "declarations", "evidence", "review",
    };

    g_assert_cmpuint (cz_wizard_get_n_pages (wizard), ==, G_N_ELEMENTS (expected));
    g_assert_cmpstr (cz_wizard_page_get_step_id (cz_wizard_get_current_page (wizard)), ==, "zone");
    g_assert_true (gtk_widget_get_sensitive (next));
    g_assert_false (gtk_widget_get_sensitive (previous));
    for (guint i = 1; i < G_N_ELEMENTS (expected); i++)
      {
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
        g_assert_cmpstr (cz_wizard_page_get_step_id (cz_wizard_get_current_page (wizard)), ==, expected[i]);
        g_assert_true (gtk_widget_get_sensitive (previous));
      }
    g_assert_false (gtk_widget_get_sensitive (next));
  }

  /* A step added later goes last and gets the dossier. */
  extra = g_object_new (TEST_TYPE_PAGE, NULL);
  cz_wizard_add_page (wizard, extra);
  g_assert_true (cz_wizard_page_get_dossier (extra) == dossier);
  g_assert_true (cz_wizard_page_get_validator (extra) == cz_wizard_get_validator (wizard));
  g_assert_true (gtk_widget_get_sensitive (next));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_true (cz_wizard_get_current_page (wizard) == extra);
  g_assert_false (gtk_widget_get_sensitive (next));

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.previous", NULL);
  g_assert_cmpstr (cz_wizard_page_get_step_id (cz_wizard_get_current_page (wizard)), ==, "review");

  /* The step list opens a step too, and a field finds its step. */
  g_assert_true (cz_wizard_show_step (wizard, "boundary"));
  g_assert_cmpstr (cz_wizard_page_get_step_id (cz_wizard_get_current_page (wizard)), ==, "boundary");
  g_assert_true (cz_wizard_focus_field (wizard, CZ_FIELD_CONTACT_EMAIL));
  g_assert_cmpstr (cz_wizard_page_get_step_id (cz_wizard_get_current_page (wizard)), ==, "zone");

  gtk_window_destroy (window);
}

static gboolean
window_title_is (GtkWidget    *widget,
                 gconstpointer title)
{
  return g_strcmp0 (adw_window_title_get_title (ADW_WINDOW_TITLE (widget)), title) == 0;
}

static void
test_save_status_and_title (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_store_create_dossier (fixture->store, NULL, &error);
  CzWizard *wizard;
  GtkWindow *window;
  GtkWidget *title;
  GtkWidget *name;

  g_assert_no_error (error);
  wizard = CZ_WIZARD (cz_wizard_new (fixture->store, dossier));
  window = cz_test_window_new (GTK_WIDGET (wizard));
  cz_test_spin_until (g_strcmp0 (cz_wizard_get_save_status (wizard), "All changes saved") == 0);
  g_assert_nonnull (cz_test_find_widget (GTK_WIDGET (wizard), ADW_TYPE_WINDOW_TITLE, window_title_is, "Untitled dossier"));

  name = cz_test_find_row (GTK_WIDGET (wizard), ADW_TYPE_ENTRY_ROW, "Zone name");
  gtk_editable_set_text (GTK_EDITABLE (name), "中德（太仓）中小企业合作区");
  g_assert_cmpstr (cz_wizard_get_save_status (wizard), ==, "Saving…");
  cz_test_spin_until (g_strcmp0 (cz_wizard_get_save_status (wizard), "All changes saved") == 0);
  g_assert_false (cz_store_has_pending (fixture->store, cz_dossier_get_id (dossier)));

  /* The header names the dossier by its zone once it has one, and says it is saved. */
  title = cz_test_find_widget (GTK_WIDGET (wizard), ADW_TYPE_WINDOW_TITLE, window_title_is, "中德（太仓）中小企业合作区");
  g_assert_nonnull (title);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, "All changes saved");

  gtk_window_destroy (window);
}

static void
test_two_windows_share_edits (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_store_create_dossier (fixture->store, NULL, &error);
  CzWindow *first = cz_window_new (NULL, fixture->store);
  CzWindow *second = cz_window_new (NULL, fixture->store);
  GtkWidget *first_name, *second_name, *first_phone, *second_phone;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (first));
  gtk_window_present (GTK_WINDOW (second));

  /* Opened as the start screen's rows do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cz_window_get_start_view (first)),
                                             "window.open-dossier", "s", cz_dossier_get_id (dossier)));
  cz_window_open_dossier (second, cz_dossier_get_id (dossier));
  cz_test_spin_until (cz_window_get_wizard (first) != NULL && cz_window_get_wizard (second) != NULL);
  g_assert_true (cz_wizard_get_dossier (cz_window_get_wizard (first)) == cz_wizard_get_dossier (cz_window_get_wizard (second)));

  first_name = cz_test_find_row (GTK_WIDGET (first), ADW_TYPE_ENTRY_ROW, "Zone name");
  second_name = cz_test_find_row (GTK_WIDGET (second), ADW_TYPE_ENTRY_ROW, "Zone name");
  first_phone = cz_test_find_row (GTK_WIDGET (first), ADW_TYPE_ENTRY_ROW, "Phone");
  second_phone = cz_test_find_row (GTK_WIDGET (second), ADW_TYPE_ENTRY_ROW, "Phone");

  gtk_editable_set_text (GTK_EDITABLE (first_name), "中德合作区");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (second_name)), ==, "中德合作区");
  gtk_editable_set_text (GTK_EDITABLE (second_phone), "13912345678");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (first_phone)), ==, "13912345678");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (first_name)), ==, "中德合作区");

  /* Both edits reach the disk. */
  cz_store_flush (fixture->store, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CzStore) other = cz_store_new (cz_store_get_path (fixture->store), &error);
    g_autoptr(CzDossier) reread = NULL;

    g_assert_no_error (error);
    reread = cz_store_open_dossier (other, cz_dossier_get_id (dossier), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cz_dossier_get_text (reread, CZ_FIELD_ZONE_NAME), ==, "中德合作区");
    g_assert_cmpstr (cz_dossier_get_text (reread, CZ_FIELD_CONTACT_PHONE), ==, "13912345678");
    cz_store_close (other);
  }

  /* Back to the start screen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cz_window_get_wizard (first)), "window.show-start", NULL));
  g_assert_null (cz_window_get_wizard (first));
  cz_test_spin_until (cz_start_view_get_n_dossiers (cz_window_get_start_view (first)) == 1);

  gtk_window_destroy (GTK_WINDOW (first));
  gtk_window_destroy (GTK_WINDOW (second));
}

/* Installing a province's pack re-checks an open dossier with it: a higher
 * revenue threshold than the sample's revenue brings a warning. */
static void
test_reload_rules (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(GBytes) builtin = g_resources_lookup_data ("/io/github/coopzone/CoopZone/core/rules/2025.json",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) pack = NULL;
  g_autoptr(CzRules) installed = NULL;
  GtkWidget *wizard = cz_wizard_new (NULL, dossier);
  GtkWindow *window = cz_test_window_new (wizard);
  CzValidator *validator = cz_wizard_get_validator (CZ_WIZARD (wizard));
  g_autofree char *sha_before = g_strdup (cz_rules_get_sha256 (cz_validator_get_rules (validator)));
  guint warnings_before = cz_validator_get_n_warnings (validator);

  g_assert_no_error (error);
  text = g_string_new_len (g_bytes_get_data (builtin, NULL), g_bytes_get_size (builtin));
  g_assert_cmpuint (g_string_replace (text, "\"revenue_min_fen\": 1000000000000",
                                      "\"revenue_min_fen\": 900000000000000", 1), ==, 1);
  pack = g_string_free_to_bytes (g_steal_pointer (&text));
  installed = cz_rules_install (pack, "province.json", &error);
  g_assert_no_error (error);

  cz_wizard_reload_rules (CZ_WIZARD (wizard));
  g_assert_cmpstr (cz_rules_get_sha256 (cz_validator_get_rules (validator)), ==, cz_rules_get_sha256 (installed));
  g_assert_cmpstr (cz_rules_get_sha256 (cz_validator_get_rules (validator)), !=, sha_before);
  g_assert_cmpuint (cz_validator_get_n_warnings (validator), >, warnings_before);
  /* The pack the person chose is the one the dossier says it is prepared with. */
  g_assert_cmpstr (cz_dossier_get_text (dossier, CZ_FIELD_RULES_PACK_SHA256), ==, cz_rules_get_sha256 (installed));

  {
    g_autofree char *dir = cz_rules_dup_install_dir ();
    g_autofree char *path = g_build_filename (dir, "2025.json", NULL);
    g_remove (path);
  }
  gtk_window_destroy (window);
}

/* The dossier's rows and the whole audit trail as the database file holds
 * them, read with the sqlite3 tool rather than CoopZone's own code. */
static char *
dump_dossier_rows (CzStore    *store,
                   const char *id)
{
  g_autofree char *sql = g_strdup_printf (".mode quote\n"
                                          "SELECT * FROM dossiers WHERE id = '%1$s';\n"
                                          "SELECT * FROM fields WHERE dossier_id = '%1$s' ORDER BY field_id;\n"
                                          "SELECT * FROM audit ORDER BY seq;\n", id);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  cz_store_flush (store, &error);
  g_assert_no_error (error);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              "sqlite3", "-readonly", cz_store_get_path (store), NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, sql, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

/* Opening a freshly imported dossier and looking through every step without
 * typing changes nothing on disk: no field, no modified time, no audit row. */
static void
test_opening_writes_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) sample = cz_sample_dossier_new ();
  g_autoptr(CzDossier) imported = NULL;
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CzWindow *window;
  CzWizard *wizard;

  /* Imported as a dossier started before CoopZone recorded the pack at the
   * start: it names none, and looking at it must not name one either. */
  imported = cz_store_import_dossier (fixture->store, sample, &error);
  g_assert_no_error (error);
  id = g_strdup (cz_dossier_get_id (imported));
  g_clear_object (&imported);
  before = dump_dossier_rows (fixture->store, id);
  g_assert_null (strstr (before, "rules.pack_sha256"));

  window = cz_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  cz_window_open_dossier (window, id);
  cz_test_spin_until (cz_window_get_wizard (window) != NULL);
  wizard = cz_window_get_wizard (window);
  cz_test_spin_until (cz_wizard_get_n_pages (wizard) == 8);
  for (guint i = 0; i < cz_wizard_get_n_pages (wizard); i++)
    {
      g_assert_true (cz_wizard_show_step (wizard, cz_wizard_page_get_step_id (cz_wizard_get_page (wizard, i))));
      cz_test_flush_main_loop ();
    }
  cz_test_spin_until (!cz_wizard_get_evidence_busy (wizard));
  cz_test_spin_until (g_strcmp0 (cz_wizard_get_save_status (wizard), "All changes saved") == 0);

  after = dump_dossier_rows (fixture->store, id);
  g_assert_cmpstr (after, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
  cz_test_flush_main_loop ();
  g_free (after);
  after = dump_dossier_rows (fixture->store, id);
  g_assert_cmpstr (after, ==, before);
}

/* One keystroke, one path: typing a malformed phone number into a fresh
 * dossier puts exactly one message under the Phone row, the validator's, in
 * the same turn (no timer), and the header goes from "Saving…" to "All
 * changes saved" as the dossier's save state does. */
static void
test_keystroke_one_message_and_saved (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_store_create_dossier (fixture->store, NULL, &error);
  g_autoptr(CzValue) bad = cz_value_new_text ("0512-6688");
  g_autofree char *check = cz_field_check (CZ_FIELD_CONTACT_PHONE, bad);
  CzWizard *wizard;
  GtkWindow *window;
  CzWizardPage *page;
  CzMessageRow *message;
  GtkWidget *phone;

  g_assert_no_error (error);
  wizard = CZ_WIZARD (cz_wizard_new (fixture->store, dossier));
  window = cz_test_window_new (GTK_WIDGET (wizard));
  cz_test_spin_until (g_strcmp0 (cz_wizard_get_save_status (wizard), "All changes saved") == 0);
  page = cz_wizard_get_current_page (wizard);
  phone = cz_wizard_page_get_field_input (page, CZ_FIELD_CONTACT_PHONE);
  message = cz_wizard_page_get_field_message (page, CZ_FIELD_CONTACT_PHONE);

  gtk_editable_set_text (GTK_EDITABLE (phone), "0512-6688");
  g_assert_cmpint (cz_dossier_get_save_state (dossier), ==, CZ_SAVE_STATE_SAVING);
  g_assert_cmpstr (cz_wizard_get_save_status (wizard), ==, "Saving…");

  /* Said at once, once, by the validator, on the Phone row. */
  g_assert_null (cz_message_row_get_message (message));
  g_assert_nonnull (cz_message_row_get_finding_message (message));
  g_assert_true (g_str_has_prefix (cz_message_row_get_finding_message (message), check));
  g_assert_null (strstr (cz_message_row_get_finding_message (message) + strlen (check), check));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_true (gtk_widget_has_css_class (phone, "error"));
  cz_test_spin_until (cz_dossier_get_save_state (dossier) == CZ_SAVE_STATE_SAVED);
  g_assert_cmpstr (cz_wizard_get_save_status (wizard), ==, "All changes saved");
  g_assert_false (cz_store_has_pending (fixture->store, cz_dossier_get_id (dossier)));

  gtk_window_destroy (window);
}

/* Steps after the first are built after the first frame; Next works at once
 * all the same, and every step is there once the main loop has run. */
static void
test_steps_built_after_first (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  GtkWidget *wizard = cz_wizard_new (NULL, dossier);
  GtkWindow *window = cz_test_window_new (wizard);

  g_assert_true (gtk_widget_activate_action (wizard, "wizard.next", NULL));
  g_assert_cmpstr (cz_wizard_page_get_step_id (cz_wizard_get_current_page (CZ_WIZARD (wizard))), ==, "boundary");

  cz_test_flush_main_loop ();
  g_assert_cmpuint (cz_wizard_get_n_pages (CZ_WIZARD (wizard)), ==, 8);
  g_assert_cmpstr (cz_wizard_page_get_step_id (cz_wizard_get_page (CZ_WIZARD (wizard), 7)), ==, "review");
  gtk_window_destroy (window);
}

static gboolean
is_step_list (GtkWidget    *widget,
              gconstpointer data)
{
  return gtk_widget_has_css_class (widget, "navigation-sidebar");
}

static guint
count_step_rows (GtkWidget *wizard)
{
  GtkWidget *list = cz_test_find_widget (wizard, GTK_TYPE_LIST_BOX, is_step_list, NULL);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* A person who only looks sees every step in the list: the steps after the
 * first appear by themselves, without pressing Next. */
static void
test_step_list_fills_by_itself (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_store_create_dossier (fixture->store, NULL, &error);
  GtkWidget *wizard;
  GtkWindow *window;

  g_assert_no_error (error);
  wizard = cz_wizard_new (fixture->store, dossier);
  window = cz_test_window_new (wizard);
  g_assert_cmpuint (count_step_rows (wizard), >=, 1);

  cz_test_spin_until (count_step_rows (wizard) == 8);
  g_assert_cmpstr (cz_wizard_page_get_step_id (cz_wizard_get_current_page (CZ_WIZARD (wizard))), ==, "zone");
  gtk_window_destroy (window);
}

/* Opening a dossier puts the cursor in the step's first answer, ready to
 * type, with what is there left as it is. */
static void
test_open_focuses_first_answer (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_store_create_dossier (fixture->store, NULL, &error);
  CzWindow *window = cz_window_new (NULL, fixture->store);
  GtkWidget *name;
  GtkWidget *focus;
  int start = 0;
  int end = 0;

  g_assert_no_error (error);
  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "中德（太仓）中小企业合作区");
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cz_window_get_start_view (window)),
                                             "window.open-dossier", "s", cz_dossier_get_id (dossier)));
  cz_test_spin_until (cz_window_get_wizard (window) != NULL);

  name = cz_test_find_row (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Zone name");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, name));
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (name), &start, &end));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "中德（太仓）中小企业合作区");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  cz_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/wizard/next-previous", test_next_previous);
  ADD ("/wizard/save-status-and-title", test_save_status_and_title);
  ADD ("/wizard/two-windows-share-edits", test_two_windows_share_edits);
  ADD ("/wizard/reload-rules", test_reload_rules);
  ADD ("/wizard/opening-writes-nothing", test_opening_writes_nothing);
  ADD ("/wizard/keystroke-one-message-and-saved", test_keystroke_one_message_and_saved);
  ADD ("/wizard/steps-built-after-first", test_steps_built_after_first);
  ADD ("/wizard/step-list-fills-by-itself", test_step_list_fills_by_itself);
  ADD ("/wizard/open-focuses-first-answer", test_open_focuses_first_answer);
#undef ADD

  return g_test_run ();
}
