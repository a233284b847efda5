/* test-review-export.c — the review page exports the application form:
 * the button and its action, the draft written on a worker, the toast
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cz-sample.h"
#include "cz-ui-test-utils.h"
#include "cz-wizard.h"
#include "pages/review/cz-review-page.h"

static gboolean
label_has_text (GtkWidget    *widget,
                gconstpointer text)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static void
test_review_export_form (void)
{
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autofree char *dir = g_dir_make_tmp ("test-review-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "临湖中欧中小企业合作区-申报表.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();
  CzWizard *wizard = CZ_WIZARD (cz_wizard_new (NULL, dossier));
  GtkWindow *window;
  CzReviewPage *review;
  GtkWidget *button;
  gsize length = 0;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (wizard));
  window = cz_test_window_new (overlay);
  cz_test_flush_main_loop ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.review", NULL));
  review = CZ_REVIEW_PAGE (cz_wizard_get_current_page (wizard));
  button = cz_test_find_action_button (GTK_WIDGET (review), "review.export-form");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Export Application Form…");
  g_assert_true (gtk_widget_is_sensitive (button));

  /* What the file chooser does once a file is chosen. */
  cz_review_page_export_form_to (review, file);
  g_assert_false (gtk_widget_is_sensitive (button));
  cz_test_spin_until (gtk_widget_is_sensitive (button));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  cz_test_spin_until (cz_test_find_widget (overlay, GTK_TYPE_LABEL, label_has_text, "Saved") != NULL);

  /* A folder that does not exist: the action comes back, nothing is written. */
  {
    g_autofree char *missing = g_build_filename (dir, "missing", "form.pdf", NULL);
    g_autoptr(GFile) bad = g_file_new_for_path (missing);

    cz_review_page_export_form_to (review, bad);
    cz_test_spin_until (gtk_widget_is_sensitive (button));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  gtk_window_destroy (window);
  cz_test_flush_main_loop ();
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  cz_test_init (&argc, &argv);
  g_test_add_func ("/review/export-form", test_review_export_form);
  return g_test_run ();
}
