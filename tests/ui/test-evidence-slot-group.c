/* test-evidence-slot-group.c — one evidence slot: attaching scans, the
 * finding a missing or password-protected document gives, removing
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cz-evidence-slot-group.h"
#include "cz-ui-test-utils.h"
#include "cz-test-pdf.h"

typedef struct
{
  char                *dir;
  CzDossier           *dossier;
  CzEvidenceStore     *store;
  CzRules             *rules;
  GtkWindow           *window;
  CzEvidenceSlotGroup *group;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;

  fixture->dir = g_dir_make_tmp ("test-slot-group-XXXXXX", NULL);
  root = g_build_filename (fixture->dir, "evidence", NULL);
  fixture->store = cz_evidence_store_new (root);
  fixture->dossier = cz_dossier_new ("test");
  fixture->rules = cz_rules_new_builtin (CZ_RULES_BUILTIN_YEAR, &error);
  g_assert_no_error (error);
  fixture->group = CZ_EVIDENCE_SLOT_GROUP (cz_evidence_slot_group_new (fixture->dossier, fixture->store,
                                                                       fixture->rules, "development-plan"));
  fixture->window = cz_test_window_new (GTK_WIDGET (fixture->group));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  cz_test_flush_main_loop ();
  g_clear_object (&fixture->dossier);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->rules);
  cz_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
title_contains (GtkWidget     *widget,
                gconstpointer  data)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

  return title != NULL && strstr (title, data) != NULL;
}

static GtkWidget *
find_row (Fixture    *fixture,
          const char *text)
{
  return cz_test_find_widget (GTK_WIDGET (fixture->group), ADW_TYPE_ACTION_ROW, title_contains, text);
}

static void
attach (Fixture    *fixture,
        const char *path)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_list_store_append (files, file);
  cz_evidence_slot_group_attach_files (fixture->group, G_LIST_MODEL (files));
  g_assert_true (cz_evidence_slot_group_get_busy (fixture->group));
  cz_test_spin_until (!cz_evidence_slot_group_get_busy (fixture->group));
}

static void
remember_activated (char       **out,
                    const char  *sha256,
                    GFile       *file)
{
  g_free (*out);
  *out = g_strdup (sha256);
}

static void
test_attach_scans (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *scan1 = g_build_filename (fixture->dir, "规划-1.png", NULL);
  g_autofree char *scan2 = g_build_filename (fixture->dir, "规划-2.png", NULL);
  g_autofree char *plan = g_build_filename (fixture->dir, "plan.pdf", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  GtkWidget *row;

  /* Missing: the slot says so. */
  g_assert_false (cz_evidence_slot_group_get_satisfied (fixture->group));
  row = find_row (fixture, "is required");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  /* Three at once, as from the file chooser or a drop. */
  cz_test_write_png (scan1, 600, 800);
  cz_test_write_png (scan2, 800, 600);
  cz_test_write_pdf (plan, 3, "五年发展规划", NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path ((const char *[]) { scan1, scan2, plan }[i]);
      g_list_store_append (files, file);
    }
  cz_evidence_slot_group_attach_files (fixture->group, G_LIST_MODEL (files));
  cz_test_spin_until (!cz_evidence_slot_group_get_busy (fixture->group));
  cz_test_spin_until (cz_evidence_slot_group_get_satisfied (fixture->group));

  records = cz_evidence_dup_records (fixture->dossier, "development-plan");
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_null (find_row (fixture, "is required"));
  g_assert_nonnull (find_row (fixture, "规划-1"));
  g_assert_nonnull (find_row (fixture, "五年发展规划"));
  findings = cz_evidence_slot_group_dup_findings (fixture->group);
  g_assert_cmpuint (findings->len, ==, 0);

  /* A citation shows on the row. */
  for (guint i = 0; i < records->len; i++)
    if (g_str_equal (cz_evidence_record_get_text (records->pdata[i], "name"), "plan.pdf"))
      g_assert_true (cz_evidence_set_member (fixture->dossier, "development-plan",
                                             cz_evidence_record_get_text (records->pdata[i], "sha256"),
                                             "pages", "2-3"));
  row = find_row (fixture, "五年发展规划");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "pp. 2–3"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "3 pages"));
}

/* Files chosen together are listed in the order chosen, however long each
 * takes to copy; one that cannot be read says so, and stays said while the
 * others are listed. */
static void
test_order_chosen (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *big = g_build_filename (fixture->dir, "scan-big.pdf", NULL);
  g_autofree char *gone = g_build_filename (fixture->dir, "not-there.pdf", NULL);
  g_autofree char *small = g_build_filename (fixture->dir, "scan-small.pdf", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *activated = NULL;
  const char *paths[] = { big, gone, small };

  cz_test_write_noise_pdf (big, 3, 900, 900, 1);
  cz_test_write_pdf (small, 1, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_list_store_append (files, file);
    }
  g_signal_connect_swapped (fixture->group, "file-activated", G_CALLBACK (remember_activated), &activated);
  cz_evidence_slot_group_attach_files (fixture->group, G_LIST_MODEL (files));
  cz_test_spin_until (!cz_evidence_slot_group_get_busy (fixture->group));
  cz_test_flush_main_loop ();

  records = cz_evidence_dup_records (fixture->dossier, "development-plan");
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (cz_evidence_record_get_text (records->pdata[0], "name"), ==, "scan-big.pdf");
  g_assert_cmpstr (cz_evidence_record_get_text (records->pdata[1], "name"), ==, "scan-small.pdf");
  g_assert_nonnull (find_row (fixture, "not-there.pdf"));
  /* The first one chosen is the one shown. */
  g_assert_cmpstr (activated, ==, cz_evidence_record_get_text (records->pdata[0], "sha256"));
  g_signal_handlers_disconnect_by_data (fixture->group, &activated);
}

static gboolean
is_remove_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "slot.remove") == 0 &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Remove") == 0;
}

static void
test_password_and_remove (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *good = g_build_filename (fixture->dir, "good.pdf", NULL);
  g_autofree char *locked = g_build_filename (fixture->dir, "locked.pdf", NULL);
  g_autoptr(GPtrArray) records = NULL;
  GtkWidget *row, *remove;

  cz_test_write_pdf (good, 2, NULL, NULL);
  attach (fixture, good);
  g_assert_true (cz_evidence_slot_group_get_satisfied (fixture->group));

  if (cz_test_encrypt_pdf (good, locked))
    {
      attach (fixture, locked);
      row = find_row (fixture, "remove the password");
      g_assert_nonnull (row);
      g_assert_true (gtk_widget_has_css_class (row, "error"));
      g_assert_false (cz_evidence_slot_group_get_satisfied (fixture->group));

      /* Removing the protected file leaves the good one, and the slot satisfied. */
      row = find_row (fixture, "locked");
      g_assert_nonnull (row);
      remove = cz_test_find_widget (row, GTK_TYPE_BUTTON, is_remove_button, NULL);
      g_assert_nonnull (remove);
      gtk_widget_activate (remove);
      cz_test_spin_until (cz_evidence_slot_group_get_satisfied (fixture->group));
      g_assert_null (find_row (fixture, "remove the password"));
    }

  records = cz_evidence_dup_records (fixture->dossier, "development-plan");
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (cz_evidence_record_get_text (records->pdata[0], "name"), ==, "good.pdf");
}

int
main (int   argc,
      char *argv[])
{
  cz_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/evidence-slot-group/attach-scans", test_attach_scans);
  ADD ("/evidence-slot-group/password-and-remove", test_password_and_remove);
  ADD ("/evidence-slot-group/order-chosen", test_order_chosen);
#undef ADD

  return g_test_run ();
}
