/* test-archive-gui.c — the signer set-up dialog, packing from the review page,
 * and opening a received archive, through the widgets a person uses
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <archive.h>
#include <archive_entry.h>

#include "archive/cz-archive-view.h"
#include "archive/cz-pack-group.h"
#include "cz-archive.h"
#include "cz-fields.h"
#include "cz-pdf-preview.h"
#include "cz-sample.h"
#include "cz-sample-evidence.h"
#include "cz-stored-dossier.h"
#include "cz-ui-test-utils.h"
#include "cz-wizard.h"
#include "signer/cz-signer-dialog.h"
#include "signer/cz-passphrase-dialog.h"
#include "signer/cz-signer-settings.h"
#include "signer/cz-signer-window.h"

#define PASSPHRASE "长城-Great-Wall-2026"

static CzSigner *test_signer;     /* created once, through the dialog */
static char *test_archive_path;   /* packed once, through the review page */

static gboolean
row_has_subtitle (GtkWidget    *widget,
                  gconstpointer subtitle)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0;
}

static gboolean
label_starts_with (GtkWidget    *widget,
                   gconstpointer prefix)
{
  return g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

static void
set_row_text (GtkWidget  *root,
              GType       type,
              const char *title,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (cz_test_find_row (root, type, title)), text);
}

static void
test_signer_create (void)
{
  CzSignerDialog *dialog = CZ_SIGNER_DIALOG (cz_signer_dialog_new (NULL, "临湖市工业和信息化局"));
  GtkWidget *root = GTK_WIDGET (dialog);
  GtkWidget *create;
  struct stat st;
  g_autofree char *signers_dir = g_build_filename (g_get_user_data_dir (), DATA_FOLDER, "signers", NULL);

  g_assert_null (cz_signer_settings_dup_location ());
  gtk_window_present (GTK_WINDOW (dialog));
  cz_test_flush_main_loop ();

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cz_test_find_row (root, ADW_TYPE_ENTRY_ROW, "Department name (in Chinese)"))),
                   ==, "临湖市工业和信息化局");
  create = cz_test_find_action_button (root, "signer.create");
  g_assert_false (gtk_widget_is_sensitive (create));

  /* Too short, then two that differ: no certificate. */
  set_row_text (root, ADW_TYPE_PASSWORD_ENTRY_ROW, "Passphrase", "short");
  g_assert_nonnull (cz_test_find_widget (root, ADW_TYPE_ACTION_ROW, row_has_subtitle, "Too short: use at least 8 characters"));
  g_assert_false (gtk_widget_is_sensitive (create));
  set_row_text (root, ADW_TYPE_PASSWORD_ENTRY_ROW, "Passphrase", PASSPHRASE);
  set_row_text (root, ADW_TYPE_PASSWORD_ENTRY_ROW, "Confirm passphrase", "something else");
  g_assert_nonnull (cz_test_find_widget (root, ADW_TYPE_ACTION_ROW, row_has_subtitle, "The two passphrases differ"));
  g_assert_false (gtk_widget_is_sensitive (create));

  set_row_text (root, ADW_TYPE_PASSWORD_ENTRY_ROW, "Confirm passphrase", PASSPHRASE);
  g_assert_nonnull (cz_test_find_widget (root, ADW_TYPE_ACTION_ROW, row_has_subtitle, "Strong"));
  g_assert_true (gtk_widget_is_sensitive (create));
  g_assert_true (gtk_widget_activate_action (root, "signer.create", NULL));
  g_assert_true (cz_signer_dialog_get_busy (dialog));
  cz_test_spin_until (cz_signer_dialog_get_signer (dialog) != NULL);

  /* A PKCS#12 file of the user's own, remembered by location only. */
  g_assert_true (g_str_has_prefix (cz_signer_dialog_get_location (dialog), signers_dir));
  g_assert_cmpint (g_stat (cz_signer_dialog_get_location (dialog), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *remembered = cz_signer_settings_dup_location ();
    g_assert_cmpstr (remembered, ==, cz_signer_dialog_get_location (dialog));
  }
  g_assert_cmpstr (cz_signer_get_organisation (cz_signer_dialog_get_signer (dialog)), ==, "临湖市工业和信息化局");
  g_assert_cmpstr (cz_signer_get_key_algorithm (cz_signer_dialog_get_signer (dialog)), ==, "ECDSA P-256");
  /* What a person compares by eye. */
  g_assert_true (row_has_subtitle (cz_test_find_row (root, ADW_TYPE_ACTION_ROW, "SHA-256 fingerprint"),
                                   cz_signer_get_fingerprint (cz_signer_dialog_get_signer (dialog))));

  /* The passphrase opens the file; the password rows were emptied. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (cz_signer_dialog_get_location (dialog));
    g_autoptr(GError) error = NULL;

    test_signer = cz_signer_new_from_pkcs12_file (file, PASSPHRASE, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cz_signer_get_fingerprint (test_signer), ==,
                     cz_signer_get_fingerprint (cz_signer_dialog_get_signer (dialog)));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cz_test_find_row (root, ADW_TYPE_PASSWORD_ENTRY_ROW, "Passphrase"))), ==, "");
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  cz_test_flush_main_loop ();
}

static GtkWidget *
find_passphrase_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (CZ_IS_PASSPHRASE_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
button_has_label (GtkWidget    *widget,
                  gconstpointer label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* As a person clicks it: the dialog closes itself before it responds. */
static void
click_response (GtkWidget  *dialog,
                const char *label)
{
  GtkWidget *button = cz_test_find_widget (dialog, GTK_TYPE_BUTTON, button_has_label, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* The Signing Certificate window as it opens, before any passphrase. */
static void
assert_window_shows_certificate (CzSigner   *signer,
                                 const char *issuer)
{
  GtkWidget *window = cz_signer_window_new (NULL, NULL, NULL);

  gtk_window_present (GTK_WINDOW (window));
  cz_test_flush_main_loop ();
  g_assert_true (row_has_subtitle (cz_test_find_row (window, ADW_TYPE_ACTION_ROW, "Subject"), cz_signer_get_subject (signer)));
  g_assert_true (row_has_subtitle (cz_test_find_row (window, ADW_TYPE_ACTION_ROW, "Issuer"), issuer));
  g_assert_true (row_has_subtitle (cz_test_find_row (window, ADW_TYPE_ACTION_ROW, "SHA-256 fingerprint"),
                                   cz_signer_get_fingerprint (signer)));
  {
    g_autofree char *from = g_date_time_format (cz_signer_get_not_before (signer), "%Y-%m-%d");
    g_autofree char *until = g_date_time_format (cz_signer_get_not_after (signer), "%Y-%m-%d");
    g_autofree char *validity = g_strdup_printf ("%s to %s", from, until);

    g_assert_true (row_has_subtitle (cz_test_find_row (window, ADW_TYPE_ACTION_ROW, "Valid"), validity));
  }
  /* Nothing to unlock just to see it. */
  g_assert_false (gtk_widget_get_visible (cz_test_find_action_button (window, "signer-window.unlock")));
  g_assert_false (gtk_widget_is_sensitive (cz_test_find_action_button (window, "signer-window.unlock")));
  gtk_window_destroy (GTK_WINDOW (window));
  cz_test_flush_main_loop ();
}

static void
test_signer_window_without_passphrase (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *kept = g_settings_get_string (settings, "signer-certificate");
  g_autofree char *location = cz_signer_settings_dup_location ();
  GtkWidget *window;
  GtkWidget *fingerprint_row;
  GtkWidget *dialog = NULL;
  GtkWidget *entry;
  GtkWidget *focus;

  g_assert_nonnull (test_signer);
  /* The public certificate only: never the key, never the passphrase. */
  g_assert_true (g_str_has_prefix (kept, "-----BEGIN CERTIFICATE-----\n"));
  g_assert_null (strstr (kept, "PRIVATE"));
  g_assert_null (strstr (kept, PASSPHRASE));
  assert_window_shows_certificate (test_signer, "Self-signed (the department itself)");

  /* A signer remembered without its certificate (set up by an older version): unlock to see it. */
  cz_signer_settings_set_location (location);
  window = cz_signer_window_new (NULL, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  cz_test_flush_main_loop ();
  fingerprint_row = cz_test_find_row (window, ADW_TYPE_ACTION_ROW, "SHA-256 fingerprint");
  g_assert_false (gtk_widget_is_visible (fingerprint_row));
  g_assert_true (gtk_widget_is_sensitive (cz_test_find_action_button (window, "signer-window.unlock")));
  g_assert_true (gtk_widget_get_visible (cz_test_find_action_button (window, "signer-window.unlock")));

  /* A wrong passphrase: said in the same dialog, naming the file but not where
   * CoopZone keeps it, with the field focused for another try. */
  gtk_widget_activate_action (window, "signer-window.unlock", NULL);
  cz_test_spin_until ((dialog = find_passphrase_dialog ()) != NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), "wrong");
  click_response (dialog, "_Unlock");
  cz_test_spin_until (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "does not open") != NULL);
  cz_test_spin_until (!cz_passphrase_dialog_get_busy (CZ_PASSPHRASE_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  {
    g_autofree char *name = g_path_get_basename (location);
    g_autofree char *folder = g_path_get_dirname (location);
    const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));

    g_assert_nonnull (strstr (body, name));
    g_assert_null (strstr (body, folder));
  }
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  g_assert_false (gtk_widget_is_visible (fingerprint_row));

  /* The right one: the dialog goes and the certificate shows. */
  gtk_editable_set_text (GTK_EDITABLE (entry), PASSPHRASE);
  click_response (dialog, "_Unlock");
  cz_test_spin_until (gtk_widget_is_visible (fingerprint_row));
  cz_test_spin_until (dialog == NULL);
  g_assert_true (row_has_subtitle (fingerprint_row, cz_signer_get_fingerprint (test_signer)));
  gtk_window_destroy (GTK_WINDOW (window));
  cz_test_flush_main_loop ();

  cz_signer_settings_remember (location, test_signer);
}

static void
test_signer_import_wrong_passphrase (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-signer-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ca-issued.p12", NULL);
  g_autofree char *signers = g_build_filename (dir, "signers", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CzSigner) issued = cz_signer_create_department ("某某市商务局", CZ_SIGNER_KEY_ECDSA_P256, NULL, &error);
  CzSignerDialog *dialog;
  GtkWidget *root;
  GtkWidget *message;

  g_assert_no_error (error);
  g_assert_true (cz_signer_save_pkcs12 (issued, file, "ca-passphrase", NULL, &error));
  g_assert_no_error (error);

  dialog = CZ_SIGNER_DIALOG (cz_signer_dialog_new (NULL, NULL));
  root = GTK_WIDGET (dialog);
  cz_signer_dialog_set_signers_dir (dialog, signers);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (gtk_widget_is_sensitive (cz_test_find_action_button (root, "signer.import")));
  cz_signer_dialog_set_import_file (dialog, file);   /* what the file chooser does */
  g_assert_true (gtk_widget_is_sensitive (cz_test_find_action_button (root, "signer.import")));

  set_row_text (root, ADW_TYPE_PASSWORD_ENTRY_ROW, "Passphrase of the file", "wrong");
  g_assert_true (gtk_widget_activate_action (root, "signer.import", NULL));
  cz_test_spin_until (!cz_signer_dialog_get_busy (dialog));
  g_assert_null (cz_signer_dialog_get_signer (dialog));
  /* A clear message naming the file; the passphrase row is cleared for another try. */
  message = cz_test_find_widget (root, GTK_TYPE_REVEALER, NULL, NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (message)));
  message = gtk_revealer_get_child (GTK_REVEALER (message));
  g_assert_true (gtk_widget_has_css_class (message, "error"));
  g_assert_true (strstr (gtk_label_get_label (GTK_LABEL (message)), "ca-issued.p12") != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cz_test_find_row (root, ADW_TYPE_PASSWORD_ENTRY_ROW, "Passphrase of the file"))), ==, "");
  {
    g_autofree char *copy = g_build_filename (signers, "ca-issued.p12", NULL);
    g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  }

  set_row_text (root, ADW_TYPE_PASSWORD_ENTRY_ROW, "Passphrase of the file", "ca-passphrase");
  g_assert_true (gtk_widget_activate_action (root, "signer.import", NULL));
  cz_test_spin_until (cz_signer_dialog_get_signer (dialog) != NULL);
  g_assert_true (g_str_has_prefix (cz_signer_dialog_get_location (dialog), signers));
  g_assert_cmpstr (cz_signer_get_fingerprint (cz_signer_dialog_get_signer (dialog)), ==, cz_signer_get_fingerprint (issued));

  gtk_window_destroy (GTK_WINDOW (dialog));
  cz_test_flush_main_loop ();
  assert_window_shows_certificate (issued, "Self-signed (the department itself)");
  cz_signer_settings_remember (NULL, NULL);
  g_unlink (path);
}

typedef struct
{
  CzStore   *store;
  char      *store_dir;
  CzDossier *dossier;
  GtkWindow *window;
  CzWizard  *wizard;
  CzPackGroup *pack_group;
  GtkWidget *pack_button;
} PackFixture;

static void
pack_fixture_set_up (PackFixture  *fixture,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) sample = cz_sample_dossier_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *review;

  fixture->store = cz_test_store_new (&fixture->store_dir);
  fixture->dossier = cz_store_import_dossier (fixture->store, sample, &error);
  g_assert_no_error (error);
  g_assert_true (cz_sample_add_evidence_to_stored (fixture->store, fixture->dossier, NULL, &error));
  g_assert_no_error (error);

  fixture->wizard = CZ_WIZARD (cz_wizard_new (fixture->store, fixture->dossier));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->wizard));
  fixture->window = cz_test_window_new (overlay);
  cz_test_flush_main_loop ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.review", NULL));
  review = GTK_WIDGET (cz_wizard_get_current_page (fixture->wizard));
  fixture->pack_group = CZ_PACK_GROUP (cz_test_find_widget (review, CZ_TYPE_PACK_GROUP, NULL, NULL));
  g_assert_nonnull (fixture->pack_group);
  fixture->pack_button = cz_test_find_action_button (review, "pack.start");
}

static void
pack_fixture_tear_down (PackFixture  *fixture,
                        gconstpointer data)
{
  gtk_window_destroy (fixture->window);
  cz_test_flush_main_loop ();
  g_object_unref (fixture->dossier);
  cz_test_store_free (fixture->store, fixture->store_dir);
}

static void
test_pack_enabled_without_blockers (PackFixture  *fixture,
                                    gconstpointer data)
{
  g_autofree char *zone = g_strdup (cz_dossier_get_text (fixture->dossier, CZ_FIELD_ZONE_NAME));
  g_autofree char *name = NULL;

  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (fixture->pack_button)), ==, "_Pack for Submission…");
  cz_test_spin_until (gtk_widget_is_sensitive (fixture->pack_button));

  /* A blocker: the button goes grey and its row says why. */
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_ZONE_NAME, "");
  cz_test_spin_until (!gtk_widget_is_sensitive (fixture->pack_button));
  g_assert_nonnull (cz_test_find_widget (GTK_WIDGET (fixture->pack_group), ADW_TYPE_ACTION_ROW, row_has_subtitle,
                                         "Resolve the 1 blocker listed below first"));
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_ZONE_NAME, zone);
  cz_test_spin_until (gtk_widget_is_sensitive (fixture->pack_button));

  name = cz_pack_group_dup_default_name (fixture->pack_group);
  g_assert_true (g_str_has_prefix (name, zone));
  g_assert_true (g_str_has_suffix (name, "-申报包.coopzone.zip"));
  g_assert_true (g_str_has_suffix (name, ".zip"));
}

static void
test_pack_through_review (PackFixture  *fixture,
                          gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("test-pack-gui-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CzArchiveVerification) verification = NULL;
  g_autofree char *toast = NULL;

  g_assert_nonnull (test_signer);
  cz_test_spin_until (gtk_widget_is_sensitive (fixture->pack_button));
  {
    g_autofree char *name = cz_pack_group_dup_default_name (fixture->pack_group);
    path = g_build_filename (dir, name, NULL);
  }
  file = g_file_new_for_path (path);

  /* What happens once the destination is chosen and the passphrase opened the signer. */
  cz_pack_group_pack_to (fixture->pack_group, file, test_signer);
  g_assert_true (cz_pack_group_get_packing (fixture->pack_group));
  g_assert_false (gtk_widget_is_sensitive (fixture->pack_button));
  g_assert_true (gtk_widget_is_sensitive (cz_test_find_action_button (GTK_WIDGET (fixture->pack_group), "pack.cancel")));
  cz_test_spin_until (!cz_pack_group_get_packing (fixture->pack_group));
  g_assert_cmpstr (cz_pack_group_get_error_message (fixture->pack_group), ==, NULL);

  verification = cz_archive_verify (file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cz_archive_verification_get_valid (verification));
  g_assert_cmpstr (cz_archive_verification_get_signer_fingerprint (verification), ==, cz_signer_get_fingerprint (test_signer));
  g_assert_cmpstr (cz_archive_verification_get_content_fingerprint (verification), ==,
                   cz_pack_group_get_content_fingerprint (fixture->pack_group));

  /* The toast names the file; the result row carries the fingerprint for the paper form. */
  {
    g_autofree char *basename = g_file_get_basename (file);
    toast = g_strdup_printf ("Packed “%s”", basename);
  }
  cz_test_spin_until (cz_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, label_starts_with, toast) != NULL);
  {
    g_autofree char *subtitle = g_strdup_printf ("Content fingerprint (on the printed form): %s",
                                                 cz_pack_group_get_content_fingerprint (fixture->pack_group));
    g_assert_nonnull (cz_test_find_widget (GTK_WIDGET (fixture->pack_group), ADW_TYPE_ACTION_ROW, row_has_subtitle, subtitle));
  }
  g_assert_true (gtk_widget_is_sensitive (cz_test_find_action_button (GTK_WIDGET (fixture->pack_group), "pack.open-folder")));

  test_archive_path = g_strdup (path);
}

static void
test_pack_cancel (PackFixture  *fixture,
                  gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("test-pack-cancel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cancelled.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDir) listing = NULL;

  cz_test_spin_until (gtk_widget_is_sensitive (fixture->pack_button));
  cz_pack_group_pack_to (fixture->pack_group, file, test_signer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pack_group), "pack.cancel", NULL));
  cz_test_spin_until (!cz_pack_group_get_packing (fixture->pack_group));

  g_assert_nonnull (cz_pack_group_get_error_message (fixture->pack_group));
  g_assert_null (cz_pack_group_get_archive (fixture->pack_group));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Not even a temporary file is left beside it. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  g_assert_true (gtk_widget_is_sensitive (fixture->pack_button));
  g_rmdir (dir);
}

/* A certificate that expired years ago: nothing is written, and the user is told why. */
static void
test_pack_expired_signer (PackFixture  *fixture,
                          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) issued = g_date_time_new_utc (2020, 3, 1, 8, 0, 0);
  g_autoptr(CzSigner) expired = cz_signer_create_department ("临湖市工业和信息化局", CZ_SIGNER_KEY_ECDSA_P256, issued, &error);
  g_autofree char *dir = g_dir_make_tmp ("test-pack-expired-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "expired.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  cz_test_spin_until (gtk_widget_is_sensitive (fixture->pack_button));
  cz_pack_group_pack_to (fixture->pack_group, file, expired);
  g_assert_false (cz_pack_group_get_packing (fixture->pack_group));
  g_assert_nonnull (cz_pack_group_get_error_message (fixture->pack_group));
  g_assert_true (g_str_has_prefix (cz_pack_group_get_error_message (fixture->pack_group),
                                   "The signing certificate “临湖市工业和信息化局” is valid from 2020-03-01 08:00 UTC to 2025-03-01 08:00 UTC, not now"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_is_sensitive (fixture->pack_button));
  g_rmdir (dir);
}

static CzArchiveView *
open_archive (GtkWindow **window,
              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CzArchiveView *view = CZ_ARCHIVE_VIEW (cz_archive_view_new ());

  *window = cz_test_window_new (GTK_WIDGET (view));
  cz_archive_view_open (view, file);
  g_assert_cmpstr (cz_archive_view_get_state (view), ==, "checking");
  cz_test_spin_until (!g_str_equal (cz_archive_view_get_state (view), "checking"));
  return view;
}

static gboolean
row_title_starts_with (GtkWidget    *widget,
                       gconstpointer prefix)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

  return title != NULL && g_str_has_prefix (title, prefix);
}

static gboolean
widget_has_class (GtkWidget    *widget,
                  gconstpointer style_class)
{
  return gtk_widget_has_css_class (widget, style_class);
}

static gboolean
row_icon_has_class (GtkWidget  *row,
                    const char *style_class)
{
  return cz_test_find_widget (row, GTK_TYPE_IMAGE, widget_has_class, style_class) != NULL;
}

static gboolean
preview_has_pages (CzArchiveView *view)
{
  return cz_pdf_preview_get_n_pages (CZ_PDF_PREVIEW (cz_archive_view_get_preview (view))) > 0;
}

static void
test_archive_view_valid (void)
{
  GtkWindow *window = NULL;
  CzArchiveView *view;
  GtkWidget *status;
  GtkWidget *zone;

  g_assert_nonnull (test_archive_path);
  view = open_archive (&window, test_archive_path);
  g_assert_cmpstr (cz_archive_view_get_state (view), ==, "shown");

  status = cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Valid Submission Archive");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)), "临湖中欧中小企业合作区"));
  zone = cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Zone name");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (zone)), ==, "临湖中欧中小企业合作区");
  g_assert_nonnull (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Signer certificate SHA-256 fingerprint"));
  g_assert_true (row_has_subtitle (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Signer certificate SHA-256 fingerprint"),
                                   cz_signer_get_fingerprint (test_signer)));
  g_assert_true (row_icon_has_class (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Valid when signed"), "success"));

  /* The form, extracted to a private folder, shown in the preview. */
  gtk_widget_activate (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Application form"));
  cz_test_spin_until (preview_has_pages (view));
  {
    GFile *shown = cz_pdf_preview_get_file (CZ_PDF_PREVIEW (cz_archive_view_get_preview (view)));
    g_autofree char *shown_path = g_file_get_path (shown);
    g_autofree char *folder = g_path_get_dirname (shown_path);
    struct stat st;

    g_assert_cmpint (g_stat (folder, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
    gtk_window_destroy (window);
    cz_test_flush_main_loop ();
  }
}

/* @archive re-zipped with libarchive, one byte of @path (in the bag) changed:
 * a well-formed ZIP whose content no longer matches its manifest. */
static void
rezip_with_change (const char *archive,
                   const char *path,
                   const char *out)
{
  struct archive *reader = archive_read_new ();
  struct archive *writer = archive_write_new ();
  struct archive_entry *entry;
  gboolean changed = FALSE;
  /* libarchive converts names through the thread's locale: make it UTF-8. */
  locale_t utf8 = newlocale (LC_ALL_MASK, "C.UTF-8", (locale_t) 0);
  locale_t previous = uselocale (utf8);
  int ret;

  archive_read_support_format_zip (reader);
  archive_read_set_options (reader, "hdrcharset=UTF-8");
  g_assert_cmpint (archive_read_open_filename (reader, archive, 65536), ==, ARCHIVE_OK);
  archive_write_set_format_zip (writer);
  archive_write_set_options (writer, "hdrcharset=UTF-8");
  g_assert_cmpint (archive_write_open_filename (writer, out), ==, ARCHIVE_OK);
  while ((ret = archive_read_next_header (reader, &entry)) == ARCHIVE_OK || ret == ARCHIVE_WARN)
    {
      g_autoptr(GByteArray) data = g_byte_array_new ();
      const char *name = archive_entry_pathname_utf8 (entry);
      guint8 buffer[65536];
      la_ssize_t n;

      while ((n = archive_read_data (reader, buffer, sizeof buffer)) > 0)
        g_byte_array_append (data, buffer, n);
      g_assert_cmpint (n, ==, 0);
      g_assert_nonnull (name);
      if (g_str_has_suffix (name, path))
        {
          data->data[data->len / 2] ^= 0x01;
          changed = TRUE;
        }
      archive_entry_set_size (entry, data->len);
      g_assert_cmpint (archive_write_header (writer, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (writer, data->data, data->len), ==, (la_ssize_t) data->len);
    }
  g_assert_true (changed);
  archive_read_free (reader);
  g_assert_cmpint (archive_write_close (writer), ==, ARCHIVE_OK);
  archive_write_free (writer);
  uselocale (previous);
  freelocale (utf8);
}

/* Whether the translation the build made can be used here. */
static gboolean
use_chinese (void)
{
  const char *localedir = g_getenv ("COOPZONE_LOCALEDIR");
  g_autofree char *mo = localedir ? g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL) : NULL;

  if (mo == NULL || !g_file_test (mo, G_FILE_TEST_EXISTS) || setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    return FALSE;
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}

static void
use_english (void)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
}

/* A changed archive: what failed is named, in the user's language. */
static void
test_archive_view_tampered (void)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *dir = g_dir_make_tmp ("test-archive-view-XXXXXX", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.zip", NULL);
  g_autofree char *changed = g_build_filename (dir, "changed.zip", NULL);
  g_autofree char *junk = g_build_filename (dir, "not-an-archive.zip", NULL);
  GtkWindow *window = NULL;
  CzArchiveView *view;
  const char *marker;
  const char *problem = "“data/application-form.pdf” was changed: its SHA-256 does not match manifest-sha256.txt.";

  g_assert_nonnull (test_archive_path);

  /* One byte of the first stored PDF flipped in place: its CRC fails, the
   * archive is refused as damaged, naming the entry. */
  g_assert_true (g_file_get_contents (test_archive_path, &contents, &length, NULL));
  marker = NULL;
  for (gsize i = 0; i + 5 <= length && marker == NULL; i++)
    if (memcmp (contents + i, "%PDF-", 5) == 0)
      marker = contents + i;
  g_assert_nonnull (marker);
  contents[(marker - contents) + 200] ^= 0x01;
  g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
  view = open_archive (&window, damaged);
  g_assert_cmpstr (cz_archive_view_get_state (view), ==, "refused");
  g_assert_nonnull (strstr (cz_archive_view_get_refusal (view), "its content is damaged"));
  g_assert_nonnull (strstr (cz_archive_view_get_refusal (view), ".pdf”)"));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (cz_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE,
                                                                                          NULL, NULL))), !=, NULL);
  gtk_window_destroy (window);

  /* The form changed inside a well-formed ZIP: shown as invalid, the form named. */
  rezip_with_change (test_archive_path, "/data/application-form.pdf", changed);
  view = open_archive (&window, changed);
  g_assert_cmpstr (cz_archive_view_get_state (view), ==, "shown");
  g_assert_nonnull (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Invalid Submission Archive"));
  g_assert_true (gtk_widget_has_css_class (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, problem), "error"));
  g_assert_true (row_icon_has_class (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Payload manifest"), "error"));
  g_assert_true (row_icon_has_class (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Signature"), "success"));
  g_assert_cmpint (cz_archive_verification_get_failed_checks (cz_archive_view_get_verification (view)), ==,
                   CZ_ARCHIVE_CHECK_MANIFEST);
  gtk_window_destroy (window);

  /* The same, and the damaged one, for a province user reading Chinese. */
  if (use_chinese ())
    {
      view = open_archive (&window, changed);
      g_assert_nonnull (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "申报包无效"));
      g_assert_nonnull (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW,
                                          "“data/application-form.pdf”已被改动：其 SHA-256 与 manifest-sha256.txt 不符。"));
      gtk_window_destroy (window);
      view = open_archive (&window, damaged);
      g_assert_true (g_str_has_prefix (cz_archive_view_get_refusal (view), "已拒绝“"));
      g_assert_nonnull (strstr (cz_archive_view_get_refusal (view), "文件内容已损坏"));
      gtk_window_destroy (window);
      use_english ();
    }
  else
    g_test_message ("No zh_CN locale or no built translation: the Chinese messages were not checked");

  /* Not a ZIP at all: refused with the core's message. */
  g_assert_true (g_file_set_contents (junk, "this is not an archive", -1, NULL));
  view = open_archive (&window, junk);
  g_assert_cmpstr (cz_archive_view_get_state (view), ==, "refused");
  g_assert_true (strstr (cz_archive_view_get_refusal (view), "not-an-archive.zip") != NULL);
  g_assert_true (strstr (cz_archive_view_get_refusal (view), "it is not a ZIP archive") != NULL);
  gtk_window_destroy (window);
  cz_test_flush_main_loop ();

  g_unlink (damaged);
  g_unlink (changed);
  g_unlink (junk);
  g_rmdir (dir);
}

/* ---------------------------------------------------------------------- */
/* Trusting a certificate authority                                         */

/* The trust row: its title, and the style of its icon. */
static GtkWidget *
find_trust_row (CzArchiveView *view,
                const char    *title)
{
  GtkWidget *row = cz_test_find_widget (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, row_title_starts_with, title);

  if (row == NULL)
    g_error ("No trust row “%s”", title);
  g_assert_true (gtk_widget_has_css_class (row, "trust"));
  return row;
}

static char *
dup_trusted_ca_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_string (settings, "trusted-ca");
}

static void
set_trusted_ca (CzArchiveView *view,
                const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  cz_archive_view_set_trusted_ca_file (view, file);
  /* The archive is verified again, with the authority. */
  cz_test_spin_until (g_str_equal (cz_archive_view_get_state (view), "checking"));
  cz_test_spin_until (!g_str_equal (cz_archive_view_get_state (view), "checking"));
}

static void
test_archive_view_trust_ca (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-archive-trust-XXXXXX", NULL);
  g_autofree char *ca_path = g_build_filename (dir, "province-ca.pem", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other-ca.der", NULL);
  g_autofree char *junk_path = g_build_filename (dir, "notes.pem", NULL);
  g_autofree char *pem = cz_signer_dup_certificate_pem (test_signer);
  g_autoptr(CzSigner) stranger = cz_signer_create_department ("别的部门", CZ_SIGNER_KEY_ECDSA_P256, NULL, &error);
  GtkWindow *window = NULL;
  CzArchiveView *view;
  GtkWidget *row;

  g_assert_no_error (error);
  g_assert_nonnull (test_archive_path);
  g_assert_true (g_file_set_contents (ca_path, pem, -1, NULL));
  g_assert_true (g_file_set_contents (other_path, g_bytes_get_data (cz_signer_get_certificate_der (stranger), NULL),
                                      g_bytes_get_size (cz_signer_get_certificate_der (stranger)), NULL));
  g_assert_true (g_file_set_contents (junk_path, "not a certificate\n", -1, NULL));

  /* No authority chosen: the signer is only known by its own word. */
  view = open_archive (&window, test_archive_path);
  row = find_trust_row (view, "Unknown: a self-signed department certificate");
  g_assert_true (row_icon_has_class (row, "warning"));
  g_assert_false (cz_archive_verification_get_trust_checked (cz_archive_view_get_verification (view)));
  g_assert_true (gtk_widget_is_sensitive (cz_test_find_action_button (GTK_WIDGET (view), "archive.choose-ca")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cz_test_find_action_button (GTK_WIDGET (view), "archive.choose-ca"))),
                   ==, "_Trust a Certificate Authority…");
  g_assert_nonnull (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Valid Submission Archive"));

  /* The authority that issued the signer (here the department itself): trusted. */
  set_trusted_ca (view, ca_path);
  row = find_trust_row (view, "Trusted by “临湖市工业和信息化局”");
  g_assert_true (row_icon_has_class (row, "success"));
  g_assert_true (cz_archive_verification_get_trust_checked (cz_archive_view_get_verification (view)));
  g_assert_true (cz_archive_verification_get_valid (cz_archive_view_get_verification (view)));
  g_assert_nonnull (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Valid Submission Archive"));
  /* The authority as a person checks it: its fingerprint. */
  row = cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Trusted certificate authority");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), cz_signer_get_fingerprint (test_signer)));
  {
    g_autofree char *remembered = dup_trusted_ca_setting ();
    g_assert_cmpstr (remembered, ==, ca_path);
  }
  gtk_window_destroy (window);
  cz_test_flush_main_loop ();

  /* Remembered: the next archive opened is checked against it. */
  view = open_archive (&window, test_archive_path);
  row = find_trust_row (view, "Trusted by “临湖市工业和信息化局”");
  g_assert_true (gtk_widget_is_sensitive (cz_test_find_action_button (GTK_WIDGET (view), "archive.forget-ca")));

  /* A file that is not a certificate: refused by name, the authority stays. */
  {
    g_autoptr(GFile) junk = g_file_new_for_path (junk_path);
    cz_archive_view_set_trusted_ca_file (view, junk);
  }
  cz_test_spin_until (cz_archive_view_get_trust_error (view) != NULL);
  g_assert_nonnull (strstr (cz_archive_view_get_trust_error (view), "notes.pem"));
  {
    g_autofree char *remembered = dup_trusted_ca_setting ();
    g_assert_cmpstr (remembered, ==, ca_path);
  }

  /* An authority that did not issue the signer (a DER file): not trusted, and the archive is invalid. */
  set_trusted_ca (view, other_path);
  row = find_trust_row (view, "Not trusted by “别的部门”");
  g_assert_true (row_icon_has_class (row, "error"));
  g_assert_cmpint (cz_archive_verification_get_failed_checks (cz_archive_view_get_verification (view)), ==,
                   CZ_ARCHIVE_CHECK_TRUST);
  g_assert_nonnull (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Invalid Submission Archive"));
  g_assert_nonnull (cz_test_find_widget (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, row_title_starts_with,
                                         "The signer “CN=临湖市工业和信息化局"));

  /* Forgotten: unknown again, and valid. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "archive.forget-ca", NULL));
  cz_test_spin_until (!g_str_equal (cz_archive_view_get_state (view), "checking"));
  find_trust_row (view, "Unknown: a self-signed department certificate");
  g_assert_null (cz_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, cz_test_button_has_action, "archive.forget-ca"));
  {
    g_autofree char *remembered = dup_trusted_ca_setting ();
    g_assert_cmpstr (remembered, ==, "");
  }
  gtk_window_destroy (window);
  cz_test_flush_main_loop ();

  g_unlink (ca_path);
  g_unlink (other_path);
  g_unlink (junk_path);
  g_rmdir (dir);
}

/* Signed a second after the certificate expired: the view says so, in the
 * verdict and on the certificate's row. */
static void
test_archive_view_signed_after_expiry (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) issued = g_date_time_new_utc (2020, 3, 1, 8, 0, 0);
  g_autoptr(CzSigner) signer = cz_signer_create_department ("临湖市工业和信息化局", CZ_SIGNER_KEY_ECDSA_P256, issued, &error);
  g_autoptr(GDateTime) signed_at = NULL;
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(CzPackOptions) options = cz_pack_options_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) form = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  g_autofree char *dir = g_dir_make_tmp ("test-archive-expired-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "expired.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *window = NULL;
  CzArchiveView *view;
  GtkWidget *row;

  g_assert_no_error (error);
  signed_at = g_date_time_add_seconds (cz_signer_get_not_after (signer), 1);
  g_assert_true (json_parser_load_from_data (parser, "{ \"rules_pack\": { \"id\": \"cn.test\", \"sha256\": "
                                             "\"0000000000000000000000000000000000000000000000000000000000000001\" }, "
                                             "\"findings\": [] }", -1, &error));
  cz_pack_options_set_check (options, json_parser_get_root (parser));
  cz_pack_options_set_signing_time (options, signed_at);
  cz_pack_options_set_application_form_bytes (options, form);
  g_assert_true (cz_archive_pack (dossier, options, signer, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  view = open_archive (&window, path);
  g_assert_cmpstr (cz_archive_view_get_state (view), ==, "shown");
  g_assert_nonnull (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Invalid Submission Archive"));
  g_assert_nonnull (cz_test_find_widget (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, row_title_starts_with,
                                         "The archive was signed at 2025-03-01 08:00:01 UTC, after the signer certificate had expired (2025-03-01 08:00:00 UTC)."));
  row = cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Valid when signed");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "2020-03-01 08:00 UTC to 2025-03-01 08:00 UTC");
  g_assert_true (row_icon_has_class (row, "error"));
  /* The signature itself is good: only the certificate's validity failed. */
  g_assert_true (row_icon_has_class (cz_test_find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Signature"), "success"));
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

  g_test_add_func ("/signer/create", test_signer_create);
  g_test_add_func ("/signer/window-without-passphrase", test_signer_window_without_passphrase);
  g_test_add_func ("/signer/import-wrong-passphrase", test_signer_import_wrong_passphrase);
  g_test_add ("/pack/enabled-without-blockers", PackFixture, NULL,
              pack_fixture_set_up, test_pack_enabled_without_blockers, pack_fixture_tear_down);
  g_test_add ("/pack/through-review", PackFixture, NULL,
              pack_fixture_set_up, test_pack_through_review, pack_fixture_tear_down);
  g_test_add ("/pack/cancel", PackFixture, NULL,
              pack_fixture_set_up, test_pack_cancel, pack_fixture_tear_down);
  g_test_add ("/pack/expired-signer", PackFixture, NULL,
              pack_fixture_set_up, test_pack_expired_signer, pack_fixture_tear_down);
  g_test_add_func ("/archive-view/valid", test_archive_view_valid);
  g_test_add_func ("/archive-view/tampered", test_archive_view_tampered);
  g_test_add_func ("/archive-view/trust-ca", test_archive_view_trust_ca);
  g_test_add_func ("/archive-view/signed-after-expiry", test_archive_view_signed_after_expiry);
  return g_test_run ();
}
