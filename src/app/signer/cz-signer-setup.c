/* cz-signer-setup.c — the department's remembered signer, opened when it signs
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cz-certificate.h"
#include "cz-signer-dialog.h"
#include "cz-signer-setup.h"

#define SIGNER_KEY "signer"
#define CERTIFICATE_KEY "signer-certificate"

char *
cz_signer_setup_dup_location (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *location = g_settings_get_string (settings, SIGNER_KEY);

  return location && location[0] ? g_steal_pointer (&location) : NULL;
}

void
cz_signer_setup_set_location (const char *location)
{
  cz_signer_setup_remember (location, NULL);
}

void
cz_signer_setup_remember (const char *location,
                          CzSigner   *signer)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *pem = signer ? cz_signer_dup_certificate_pem (signer) : NULL;

  /* Together, so the certificate shown is always the remembered signer's. */
  g_settings_delay (settings);
  g_settings_set_string (settings, SIGNER_KEY, location ? location : "");
  g_settings_set_string (settings, CERTIFICATE_KEY, pem ? pem : "");
  g_settings_apply (settings);
}

CzCertificate *
cz_signer_setup_dup_certificate (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *pem = g_settings_get_string (settings, CERTIFICATE_KEY);
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  if (pem == NULL || pem[0] == '\0')
    return NULL;
  length = strlen (pem);
  bytes = g_bytes_new_take (g_steal_pointer (&pem), length);
  return cz_certificate_new_from_bytes (bytes, NULL, NULL);
}

gboolean
cz_signer_setup_location_is_token (const char *location)
{
  return location != NULL && g_str_has_prefix (location, "pkcs11:");
}

typedef struct
{
  char *location;
  char *secret;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->location);
  if (data->secret != NULL)
    explicit_bzero (data->secret, strlen (data->secret));
  g_free (data->secret);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  CzSigner *signer;

  if (cz_signer_setup_location_is_token (data->location))
    signer = cz_signer_new_from_pkcs11 (data->location, data->secret, &error);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (data->location);
      signer = cz_signer_new_from_pkcs12_file (file, data->secret, cancellable, &error);
    }
  if (signer == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, signer, g_object_unref);
}

void
cz_signer_setup_open_async (const char          *location,
                            const char          *secret,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenData *data = g_new0 (OpenData, 1);

  data->location = g_strdup (location);
  data->secret = g_strdup (secret);
  g_task_set_source_tag (task, cz_signer_setup_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

CzSigner *
cz_signer_setup_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

GtkWidget *
cz_signer_setup_prompt_new (GtkWindow  *parent,
                            const char *location,
                            const char *problem)
{
  gboolean token = cz_signer_setup_location_is_token (location);
  g_autofree char *basename = token ? NULL : g_path_get_basename (location);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (token)
    /* Translators: asked before signing with a key on a USB token */
    body = g_strdup (_("Enter the PIN of the USB key that holds the department’s signing key."));
  else
    /* Translators: %s is the name of the certificate file (.p12) */
    body = g_strdup_printf (_("Enter the passphrase of the department certificate “%s”. It is used only now and is not kept."),
                            basename);
  if (problem != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s\n\n%s", problem, body);
      g_free (body);
      body = g_steal_pointer (&both);
    }
  dialog = adw_message_dialog_new (parent, token ? _("Unlock the USB Key") : _("Unlock the Signing Certificate"), body);
  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  token ? _("PIN") : _("Passphrase"), -1);
  g_object_set (entry, "activates-default", TRUE, NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "cz-entry", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    /* Translators: button that opens the certificate with the passphrase */
                                    "unlock", _("_Unlock"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unlock", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "unlock");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_grab_focus (entry);
  return dialog;
}

const char *
cz_signer_setup_get_prompt_text (GtkWidget *prompt)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (prompt), "cz-entry");

  return entry ? gtk_editable_get_text (GTK_EDITABLE (entry)) : NULL;
}

static void
add_detail_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *value,
                gboolean             monospace)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value ? value : "");
  gtk_widget_add_css_class (row, "property");
  if (monospace)
    gtk_widget_add_css_class (row, "monospace");
  adw_preferences_group_add (group, row);
}

static GtkWidget *
certificate_group_new (CzCertificate *certificate,
                       const char    *key_algorithm,
                       const char    *location)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *not_before = g_date_time_format (cz_certificate_get_not_before (certificate), "%Y-%m-%d");
  g_autofree char *not_after = g_date_time_format (cz_certificate_get_not_after (certificate), "%Y-%m-%d");
  g_autofree char *validity = NULL;

  /* Translators: the validity of a certificate: from date to date */
  validity = g_strdup_printf (_("%1$s to %2$s"), not_before, not_after);
  adw_preferences_group_set_title (group, _("Certificate"));
  add_detail_row (group, _("Subject"), cz_certificate_get_subject (certificate), FALSE);
  /* Translators: who issued a certificate: a certificate authority, or the department itself */
  add_detail_row (group, _("Issuer"), cz_certificate_get_self_signed (certificate)
                                      ? _("Self-signed (the department itself)")
                                      : cz_certificate_get_issuer (certificate), FALSE);
  add_detail_row (group, _("Valid"), validity, FALSE);
  if (key_algorithm != NULL)
    add_detail_row (group, _("Key"), key_algorithm, FALSE);
  /* Translators: the certificate's SHA-256 fingerprint, to compare by eye */
  add_detail_row (group, _("SHA-256 fingerprint"), cz_certificate_get_fingerprint (certificate), TRUE);
  if (location != NULL)
    /* Translators: where the certificate is: a file or a USB key */
    add_detail_row (group, _("Location"), location, FALSE);
  return GTK_WIDGET (group);
}

GtkWidget *
cz_signer_setup_details_group_new (CzSigner   *signer,
                                   const char *location)
{
  g_autoptr(CzCertificate) certificate = cz_certificate_new_from_bytes (cz_signer_get_certificate_der (signer), NULL, NULL);

  g_return_val_if_fail (certificate != NULL, NULL);
  return certificate_group_new (certificate, cz_signer_get_key_algorithm (signer), location);
}

/* ---------------------------------------------------------------------- */
/* The Signing Certificate window                                           */

typedef struct
{
  AdwPreferencesPage *page;
  GtkWidget          *details;
  AdwActionRow       *location_row;
  GtkWidget          *unlock_button;
  GSimpleAction      *unlock_action;  /* owned by the window's action group */
  char               *department;
} SignerWindowData;

static void
signer_window_data_free (SignerWindowData *data)
{
  g_free (data->department);
  g_free (data);
}

static void
signer_window_show (GtkWidget  *window,
                    CzSigner   *signer,
                    const char *location)
{
  SignerWindowData *data = g_object_get_data (G_OBJECT (window), "cz-data");
  /* Without the passphrase: the public certificate kept when it was set up. */
  g_autoptr(CzCertificate) remembered = signer == NULL && location != NULL ? cz_signer_setup_dup_certificate () : NULL;

  adw_action_row_set_subtitle (data->location_row, location ? location : _("None set up yet"));
  /* Only a signer set up before its certificate was kept needs unlocking to be shown. */
  g_simple_action_set_enabled (data->unlock_action, location != NULL && signer == NULL && remembered == NULL);
  /* Once the certificate shows, the button would only repeat it. */
  gtk_widget_set_visible (data->unlock_button, signer == NULL && remembered == NULL);
  if (data->details != NULL)
    adw_preferences_page_remove (data->page, ADW_PREFERENCES_GROUP (data->details));
  data->details = signer ? cz_signer_setup_details_group_new (signer, NULL)
                  : remembered ? certificate_group_new (remembered, NULL, NULL)
                  : NULL;
  if (data->details != NULL)
    adw_preferences_page_add (data->page, ADW_PREFERENCES_GROUP (data->details));
}

static void
on_window_signer_opened (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GtkWidget) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CzSigner) signer = cz_signer_setup_open_finish (result, &error);
  g_autofree char *location = cz_signer_setup_dup_location ();

  if (signer == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Could Not Open the Certificate"),
                                                  error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  cz_signer_setup_remember (location, signer);
  signer_window_show (window, signer, location);
}

static void
on_window_prompt_response (AdwMessageDialog *prompt,
                           const char       *response,
                           GtkWidget        *window)
{
  g_autofree char *location = cz_signer_setup_dup_location ();

  if (g_str_equal (response, "unlock") && location != NULL)
    cz_signer_setup_open_async (location, cz_signer_setup_get_prompt_text (GTK_WIDGET (prompt)), NULL,
                                on_window_signer_opened, g_object_ref (window));
}

/* "activate" handlers, swapped: the window first. */
static void
signer_window_unlock (GtkWidget     *window,
                      GVariant      *parameter,
                      GSimpleAction *action)
{
  g_autofree char *location = cz_signer_setup_dup_location ();
  GtkWidget *prompt;

  if (location == NULL)
    return;
  prompt = cz_signer_setup_prompt_new (GTK_WINDOW (window), location, NULL);
  g_signal_connect_object (prompt, "response", G_CALLBACK (on_window_prompt_response), window, 0);
  gtk_window_present (GTK_WINDOW (prompt));
}

static void
on_window_dialog_signer (CzSignerDialog *dialog,
                         GParamSpec     *pspec,
                         GtkWidget      *window)
{
  signer_window_show (window, cz_signer_dialog_get_signer (dialog), cz_signer_dialog_get_location (dialog));
}

static void
signer_window_set_up (GtkWidget     *window,
                      GVariant      *parameter,
                      GSimpleAction *action)
{
  SignerWindowData *data = g_object_get_data (G_OBJECT (window), "cz-data");
  GtkWidget *dialog = cz_signer_dialog_new (GTK_WINDOW (window), data->department);

  g_signal_connect_object (dialog, "notify::signer", G_CALLBACK (on_window_dialog_signer), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
cz_signer_setup_window_new (GtkWindow  *parent,
                            CzSigner   *signer,
                            const char *department)
{
  GtkWidget *window = adw_preferences_window_new ();
  SignerWindowData *data = g_new0 (SignerWindowData, 1);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *unlock = gtk_button_new_with_mnemonic (_("_Show Certificate…"));
  GtkWidget *set_up = gtk_button_new_with_mnemonic (_("Set _Up Another…"));
  g_autofree char *location = cz_signer_setup_dup_location ();
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) unlock_action = g_simple_action_new ("unlock", NULL);
  g_autoptr(GSimpleAction) set_up_action = g_simple_action_new ("set-up", NULL);
  gtk_window_set_title (GTK_WINDOW (window), _("Signing Certificate"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 560);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);

  data->department = g_strdup (department);
  data->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  data->location_row = ADW_ACTION_ROW (adw_action_row_new ());
  g_object_set_data_full (G_OBJECT (window), "cz-data", data, (GDestroyNotify) signer_window_data_free);

  adw_preferences_group_set_title (group, _("Department Signer"));
  adw_preferences_group_set_description (group, _("Archives are signed with this certificate. Its passphrase or PIN is asked each time and never stored."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->location_row),
                                 /* Translators: where the certificate file (or USB key) is */
                                 C_("certificate", "Location"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (data->location_row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (data->location_row), "property");
  adw_preferences_group_add (group, GTK_WIDGET (data->location_row));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (unlock), "signer-window.unlock");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (set_up), "signer-window.set-up");
  gtk_box_append (GTK_BOX (box), unlock);
  gtk_box_append (GTK_BOX (box), set_up);
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_margin_top (box, 12);
  adw_preferences_group_add (group, box);
  adw_preferences_page_add (data->page, group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), data->page);

  data->unlock_action = unlock_action;
  data->unlock_button = unlock;
  g_signal_connect_object (unlock_action, "activate", G_CALLBACK (signer_window_unlock), window, G_CONNECT_SWAPPED);
  g_signal_connect_object (set_up_action, "activate", G_CALLBACK (signer_window_set_up), window, G_CONNECT_SWAPPED);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (unlock_action));
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (set_up_action));
  gtk_widget_insert_action_group (window, "signer-window", G_ACTION_GROUP (actions));
  signer_window_show (window, signer, location);
  return window;
}
