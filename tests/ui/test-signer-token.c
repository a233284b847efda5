/* test-signer-token.c — the USB Key page of the signer set-up dialog, against
 * a SoftHSM2 token standing in for the department's USB key
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cz-test-signer.h"
#include "cz-ui-test-utils.h"
#include "signer/cz-signer-dialog.h"
#include "signer/cz-signer-settings.h"
#include "signer/cz-signer-window.h"

#define DEPARTMENT "临湖市工业和信息化局"
#define TOKEN_LABEL CZ_TEST_TOKEN_LABEL
#define PIN CZ_TEST_TOKEN_PIN

static char *softhsm_dir;

static gboolean
row_has_subtitle (GtkWidget    *widget,
                  gconstpointer subtitle)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0;
}

/* A token holding a department key and its certificate, as a certificate
 * authority hands it over. */
static CzSigner *
make_token (void)
{
  g_autoptr(GError) error = NULL;
  CzSigner *created = cz_signer_create_department (DEPARTMENT, CZ_SIGNER_KEY_ECDSA_P256, NULL, &error);

  g_assert_no_error (error);
  cz_test_softhsm_put_signer (softhsm_dir, created);
  return created;
}

static gboolean
row_title_is (GtkWidget    *widget,
              gconstpointer title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static const char *
message_shown (GtkWidget *root)
{
  GtkWidget *revealer = cz_test_find_widget (root, GTK_TYPE_REVEALER, NULL, NULL);
  GtkWidget *label = gtk_revealer_get_child (GTK_REVEALER (revealer));

  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    return NULL;
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
test_token_page (void)
{
  g_autoptr(CzSigner) created = NULL;
  CzSignerDialog *dialog;
  GtkWidget *root;
  GtkWidget *key_row;
  GtkEditable *uri_row, *pin_row;
  GtkWidget *use;
  const char *message;

  if (!cz_test_softhsm_available ())
    {
      g_test_skip ("SoftHSM2 is not installed (apt-get install softhsm2)");
      return;
    }
  created = make_token ();

  dialog = CZ_SIGNER_DIALOG (cz_signer_dialog_new (NULL, DEPARTMENT));
  root = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  cz_test_flush_main_loop ();
  uri_row = GTK_EDITABLE (cz_test_find_row (root, ADW_TYPE_ENTRY_ROW, "Key URI"));
  pin_row = GTK_EDITABLE (cz_test_find_row (root, ADW_TYPE_PASSWORD_ENTRY_ROW, "PIN"));
  use = cz_test_find_action_button (root, "signer.use-token");

  /* The USB Key tab lists the keys on plugged-in tokens, by their certificate's name. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (cz_test_find_widget (root, ADW_TYPE_VIEW_STACK, NULL, NULL)), "token");
  cz_test_spin_until (cz_test_find_widget (root, ADW_TYPE_ACTION_ROW, row_title_is, DEPARTMENT) != NULL);
  key_row = cz_test_find_widget (root, ADW_TYPE_ACTION_ROW, row_title_is, DEPARTMENT);
  g_assert_true (row_has_subtitle (key_row, TOKEN_LABEL " · department"));
  g_assert_false (gtk_widget_is_sensitive (use));

  /* Choosing it fills in its URI: a private key on that token. */
  gtk_widget_activate (key_row);
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (uri_row), "pkcs11:"));
  g_assert_nonnull (strstr (gtk_editable_get_text (uri_row), "token=" TOKEN_LABEL));
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (uri_row), ";type=private"));
  g_assert_true (gtk_widget_is_sensitive (use));

  /* A wrong PIN: a clear message, the PIN emptied for another try, nothing set up. */
  gtk_editable_set_text (pin_row, "000000");
  g_assert_true (gtk_widget_activate_action (root, "signer.use-token", NULL));
  cz_test_spin_until (!cz_signer_dialog_get_busy (dialog));
  g_assert_null (cz_signer_dialog_get_signer (dialog));
  message = message_shown (root);
  g_assert_nonnull (message);
  /* The token by the name a person knows it by, not a long URI. */
  g_assert_cmpstr (message, ==, "The token “" TOKEN_LABEL "” refused the PIN. Check the PIN and try again.");
  g_assert_cmpstr (gtk_editable_get_text (pin_row), ==, "");
  g_assert_null (cz_signer_settings_dup_location ());

  /* The right PIN: the signer is set up, its fingerprint shown to compare. */
  gtk_editable_set_text (pin_row, PIN);
  g_assert_true (gtk_widget_activate_action (root, "signer.use-token", NULL));
  cz_test_spin_until (cz_signer_dialog_get_signer (dialog) != NULL);
  g_assert_cmpstr (cz_signer_get_backend_name (cz_signer_dialog_get_signer (dialog)), ==, "pkcs11");
  g_assert_cmpstr (cz_signer_get_fingerprint (cz_signer_dialog_get_signer (dialog)), ==, cz_signer_get_fingerprint (created));
  g_assert_true (row_has_subtitle (cz_test_find_row (root, ADW_TYPE_ACTION_ROW, "SHA-256 fingerprint"),
                                   cz_signer_get_fingerprint (created)));
  g_assert_cmpstr (gtk_editable_get_text (pin_row), ==, "");
  {
    g_autofree char *remembered = cz_signer_settings_dup_location ();
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *kept = g_settings_get_string (settings, "signer-certificate");

    /* The URI and the public certificate are remembered; the PIN never is. */
    g_assert_cmpstr (remembered, ==, cz_signer_dialog_get_location (dialog));
    g_assert_true (g_str_has_prefix (remembered, "pkcs11:"));
    g_assert_null (strstr (remembered, PIN));
    g_assert_true (g_str_has_prefix (kept, "-----BEGIN CERTIFICATE-----"));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  cz_test_flush_main_loop ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before any thread exists, and before p11-kit loads SoftHSM2. */
  softhsm_dir = cz_test_softhsm_prepare ();
  cz_test_init (&argc, &argv);

  g_test_add_func ("/signer/token-page", test_token_page);

  status = g_test_run ();
  cz_test_remove_tree (softhsm_dir);
  g_free (softhsm_dir);
  return status;
}
