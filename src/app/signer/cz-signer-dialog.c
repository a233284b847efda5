/* cz-signer-dialog.c — setting up the department's signer: create, import or token
 *
 * Three ways, one page each: create a department certificate (a new key and
 * a self-signed certificate with the department's name, kept as PKCS#12
 * under a passphrase), import a PKCS#12 file from a certificate authority, or
 * use a key on a PKCS#11 token. The work (key generation, PKCS#12 encryption,
 * the token) runs on a worker; the window only shows the result. The
 * passphrase or PIN is never kept: only the signer's location is remembered.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cz-signer-dialog.h"
#include "cz-certificate-group.h"
#include "cz-signer-settings.h"

#define MIN_PASSPHRASE_LENGTH 8

struct _CzSignerDialog
{
  AdwWindow            parent_instance;

  AdwViewStack        *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack            *main_stack;
  GtkSpinner          *spinner;
  GtkRevealer         *message_revealer;
  GtkLabel            *message_label;
  AdwEntryRow         *department_row;
  AdwComboRow         *key_type_row;
  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *confirm_row;
  AdwActionRow        *strength_row;
  GtkImage            *strength_icon;
  AdwActionRow        *import_file_row;
  AdwPasswordEntryRow *import_passphrase_row;
  AdwPreferencesGroup *token_keys_group;
  AdwEntryRow         *token_uri_row;
  AdwPasswordEntryRow *pin_row;
  AdwPreferencesPage  *done_page;
  AdwPreferencesGroup *done_button_group;

  GFile               *import_file;
  char                *signers_dir;
  GCancellable        *cancellable;   /* while working */
  CzSigner            *signer;
  char                *location;

  GCancellable        *tokens_cancellable;  /* while listing the tokens' keys */
  gboolean             tokens_listed;
  GPtrArray           *token_key_rows;      /* added to token_keys_group */
};

G_DEFINE_FINAL_TYPE (CzSignerDialog, cz_signer_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DEPARTMENT,
  PROP_SIGNER,
  PROP_LOCATION,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  STRENGTH_EMPTY,
  STRENGTH_TOO_SHORT,
  STRENGTH_MISMATCH,
  STRENGTH_WEAK,
  STRENGTH_FAIR,
  STRENGTH_STRONG,
} Strength;

static Strength
cz_signer_dialog_judge_passphrase (CzSignerDialog *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  glong length = g_utf8_strlen (passphrase, -1);
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;
  guint kinds;

  if (length == 0)
    return STRENGTH_EMPTY;
  if (length < MIN_PASSPHRASE_LENGTH)
    return STRENGTH_TOO_SHORT;
  if (g_strcmp0 (passphrase, confirm) != 0)
    return STRENGTH_MISMATCH;
  for (const char *p = passphrase; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        lower = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
    }
  kinds = lower + upper + digit + other;
  if (length >= 16 || (length >= 12 && kinds >= 3))
    return STRENGTH_STRONG;
  if (kinds >= 2)
    return STRENGTH_FAIR;
  return STRENGTH_WEAK;
}

static void
cz_signer_dialog_update_strength (CzSignerDialog *self)
{
  const char *text, *icon, *style;

  switch (cz_signer_dialog_judge_passphrase (self))
    {
    case STRENGTH_EMPTY:
      text = _("Choose a passphrase of at least 8 characters");
      icon = "dialog-information-symbolic";
      style = "dim-label";
      break;
    case STRENGTH_TOO_SHORT:
      text = _("Too short: use at least 8 characters");
      icon = "dialog-error-symbolic";
      style = "error";
      break;
    case STRENGTH_MISMATCH:
      text = _("The two passphrases differ");
      icon = "dialog-error-symbolic";
      style = "error";
      break;
    case STRENGTH_WEAK:
      /* Translators: passphrase strength hint */
      text = _("Weak: mix letters, digits and signs, or make it longer");
      icon = "dialog-warning-symbolic";
      style = "warning";
      break;
    case STRENGTH_FAIR:
      /* Translators: passphrase strength hint */
      text = _("Fair: a longer passphrase is harder to guess");
      icon = "dialog-warning-symbolic";
      style = "warning";
      break;
    case STRENGTH_STRONG:
    default:
      /* Translators: passphrase strength hint */
      text = _("Strong");
      icon = "emblem-ok-symbolic";
      style = "success";
      break;
    }
  adw_action_row_set_subtitle (self->strength_row, text);
  gtk_image_set_from_icon_name (self->strength_icon, icon);
  gtk_widget_set_css_classes (GTK_WIDGET (self->strength_icon), (const char *[]) { style, NULL });
}

static void
cz_signer_dialog_update_actions (CzSignerDialog *self)
{
  gboolean busy = self->cancellable != NULL;
  const char *department = gtk_editable_get_text (GTK_EDITABLE (self->department_row));
  const char *uri = gtk_editable_get_text (GTK_EDITABLE (self->token_uri_row));
  Strength strength = cz_signer_dialog_judge_passphrase (self);
  g_autofree char *name = g_strstrip (g_strdup (department));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signer.create",
                                 !busy && name[0] != '\0' && strength >= STRENGTH_WEAK);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signer.choose-file", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signer.import", !busy && self->import_file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signer.use-token", !busy && g_str_has_prefix (uri, "pkcs11:"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signer.refresh-tokens", self->tokens_cancellable == NULL);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
on_input_changed (CzSignerDialog *self)
{
  cz_signer_dialog_update_strength (self);
  cz_signer_dialog_update_actions (self);
}

static void
cz_signer_dialog_show_message (CzSignerDialog *self,
                               const char     *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

static void
cz_signer_dialog_set_busy (CzSignerDialog *self,
                           gboolean        busy)
{
  if (busy == (self->cancellable != NULL))
    return;
  if (busy)
    self->cancellable = g_cancellable_new ();
  else
    g_clear_object (&self->cancellable);
  cz_signer_dialog_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
cz_signer_dialog_finish (CzSignerDialog *self,
                         CzSigner       *signer,
                         const char     *location)
{
  g_set_object (&self->signer, signer);
  g_free (self->location);
  self->location = g_strdup (location);
  cz_signer_settings_remember (location, signer);

  /* The details go above the Done button. */
  g_object_ref (self->done_button_group);
  adw_preferences_page_remove (self->done_page, self->done_button_group);
  {
    GtkWidget *details = cz_certificate_group_new ();

    cz_certificate_group_show_signer (CZ_CERTIFICATE_GROUP (details), signer, location);
    adw_preferences_page_add (self->done_page, ADW_PREFERENCES_GROUP (details));
  }
  adw_preferences_page_add (self->done_page, self->done_button_group);
  g_object_unref (self->done_button_group);
  gtk_stack_set_visible_child_name (self->main_stack, "done");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  adw_view_switcher_title_set_title (self->switcher_title, _("Signing Certificate"));
  cz_signer_dialog_show_message (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNER]);
}

/* ---------------------------------------------------------------------- */
/* The work, on a worker                                                    */

typedef enum { JOB_CREATE, JOB_IMPORT, JOB_TOKEN } JobKind;

typedef struct
{
  JobKind          kind;
  char            *department;
  CzSignerKeyType  key_type;
  char            *secret;
  GFile           *file;
  char            *signers_dir;
  char            *uri;
  char            *location;   /* result */
} Job;

static void
job_free (Job *job)
{
  g_free (job->department);
  if (job->secret != NULL)
    explicit_bzero (job->secret, strlen (job->secret));
  g_free (job->secret);
  g_clear_object (&job->file);
  g_free (job->signers_dir);
  g_free (job->uri);
  g_free (job->location);
  g_free (job);
}

/* A file name from the department's name that no other signer has. */
static char *
dup_new_signer_path (const char *dir,
                     const char *department,
                     const char *fingerprint)
{
  g_autofree char *name = g_strdup (department);
  g_autofree char *file_name = NULL;

  g_strdelimit (name, "/\\:*?\"<>|%", '_');
  {
    g_autoptr(GString) hex = g_string_new (NULL);

    for (const char *p = fingerprint; *p && hex->len < 8; p++)
      if (*p != ':')
        g_string_append_c (hex, *p);
    file_name = g_strdup_printf ("%s-%s.p12", name, hex->str);
  }
  return g_build_filename (dir, file_name, NULL);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CzSigner) signer = NULL;
  g_autofree char *dir = job->signers_dir ? g_strdup (job->signers_dir) : cz_signer_dup_default_dir ();

  switch (job->kind)
    {
    case JOB_CREATE:
      signer = cz_signer_create_department (job->department, job->key_type, NULL, &error);
      if (signer != NULL)
        {
          g_autofree char *path = dup_new_signer_path (dir, job->department, cz_signer_get_fingerprint (signer));
          g_autoptr(GFile) file = g_file_new_for_path (path);

          if (g_mkdir_with_parents (dir, 0700) != 0)
            {
              int saved_errno = errno;
              g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           /* Translators: %1$s is a folder, %2$s the system's reason */
                           _("Could not create the folder “%1$s”: %2$s"), dir, g_strerror (saved_errno));
              g_clear_object (&signer);
            }
          else if (!cz_signer_save_pkcs12 (signer, file, job->secret, cancellable, &error))
            g_clear_object (&signer);
          else
            job->location = g_steal_pointer (&path);
        }
      break;
    case JOB_IMPORT:
      {
        g_autoptr(GFile) imported = NULL;

        g_mkdir_with_parents (dir, 0700);
        signer = cz_signer_import_pkcs12_file (job->file, job->secret, dir, &imported, cancellable, &error);
        if (signer != NULL)
          job->location = g_file_get_path (imported);
      }
      break;
    case JOB_TOKEN:
      signer = cz_signer_new_from_pkcs11 (job->uri, job->secret, &error);
      if (signer != NULL)
        job->location = g_strdup (job->uri);
      break;
    }

  if (signer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&signer), g_object_unref);
}

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CzSignerDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CzSigner) signer = g_task_propagate_pointer (G_TASK (result), &error);
  Job *job = g_task_get_task_data (G_TASK (result));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  cz_signer_dialog_set_busy (self, FALSE);
  if (signer == NULL)
    {
      cz_signer_dialog_show_message (self, error->message);
      if (g_error_matches (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PASSPHRASE))
        {
          gtk_editable_set_text (GTK_EDITABLE (self->import_passphrase_row), "");
          gtk_widget_grab_focus (GTK_WIDGET (self->import_passphrase_row));
        }
      else if (g_error_matches (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PIN))
        {
          gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
          gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
        }
      return;
    }
  cz_signer_dialog_finish (self, signer, job->location);
}

static void
cz_signer_dialog_run (CzSignerDialog *self,
                      Job            *job)
{
  g_autoptr(GTask) task = NULL;

  cz_signer_dialog_show_message (self, NULL);
  cz_signer_dialog_set_busy (self, TRUE);
  job->signers_dir = g_strdup (self->signers_dir);
  task = g_task_new (NULL, self->cancellable, on_job_done, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CzSignerDialog *self = CZ_SIGNER_DIALOG (widget);
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_CREATE;
  job->department = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->department_row))));
  job->key_type = adw_combo_row_get_selected (self->key_type_row) == 1 ? CZ_SIGNER_KEY_RSA_3072 : CZ_SIGNER_KEY_ECDSA_P256;
  job->secret = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  cz_signer_dialog_run (self, job);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CzSignerDialog *self = CZ_SIGNER_DIALOG (widget);
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_IMPORT;
  job->file = g_object_ref (self->import_file);
  job->secret = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->import_passphrase_row)));
  cz_signer_dialog_run (self, job);
}

static void
use_token_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CzSignerDialog *self = CZ_SIGNER_DIALOG (widget);
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_TOKEN;
  job->uri = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_uri_row))));
  job->secret = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pin_row)));
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  cz_signer_dialog_run (self, job);
}

static void
on_import_file_chosen (GtkNativeDialog *chooser,
                       int              response,
                       CzSignerDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        cz_signer_dialog_set_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CzSignerDialog *self = CZ_SIGNER_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a Certificate File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  /* Translators: a file type in the file chooser */
  gtk_file_filter_set_name (filter, _("PKCS#12 certificates (.p12, .pfx)"));
  gtk_file_filter_add_mime_type (filter, "application/x-pkcs12");
  gtk_file_filter_add_pattern (filter, "*.p12");
  gtk_file_filter_add_pattern (filter, "*.pfx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---------------------------------------------------------------------- */
/* The keys on plugged-in tokens                                            */

static void
list_tokens_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *keys = cz_signer_list_token_keys (&error);

  if (keys == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, keys, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_token_key_activated (AdwActionRow   *row,
                        CzSignerDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->token_uri_row), g_object_get_data (G_OBJECT (row), "cz-uri"));
  cz_signer_dialog_show_message (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
}

static void
cz_signer_dialog_add_token_row (CzSignerDialog *self,
                                GtkWidget      *row)
{
  adw_preferences_group_add (self->token_keys_group, row);
  g_ptr_array_add (self->token_key_rows, row);
}

static void
on_tokens_listed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CzSignerDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->token_key_rows == NULL)
    return;
  g_clear_object (&self->tokens_cancellable);
  for (guint i = 0; i < self->token_key_rows->len; i++)
    adw_preferences_group_remove (self->token_keys_group, g_ptr_array_index (self->token_key_rows, i));
  g_ptr_array_set_size (self->token_key_rows, 0);

  for (guint i = 0; keys != NULL && i < keys->len; i++)
    {
      CzTokenKey *key = g_ptr_array_index (keys, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      /* Translators: under a key found on a USB key: the token's label, then the key's */
      subtitle = g_strdup_printf (_("%1$s · %2$s"), key->token ? key->token : "—", key->label ? key->label : "—");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), key->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, key->subject);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("media-removable-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "cz-uri", g_strdup (key->uri), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_token_key_activated), self, 0);
      cz_signer_dialog_add_token_row (self, row);
    }
  if (keys == NULL || keys->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     keys ? _("No USB key found. Plug it in, then look again.") : error->message);
      gtk_widget_add_css_class (row, keys ? "dim-label" : "error");
      cz_signer_dialog_add_token_row (self, row);
    }
  self->tokens_listed = TRUE;
  cz_signer_dialog_update_actions (self);
}

static void
cz_signer_dialog_list_tokens (CzSignerDialog *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->tokens_cancellable != NULL)
    return;
  self->tokens_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->tokens_cancellable, on_tokens_listed, g_object_ref (self));
  g_task_run_in_thread (task, list_tokens_thread);
  cz_signer_dialog_update_actions (self);
}

static void
refresh_tokens_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cz_signer_dialog_list_tokens (CZ_SIGNER_DIALOG (widget));
}

/* Tokens are looked for once the USB Key page is first shown. */
static void
on_page_changed (CzSignerDialog *self)
{
  if (!self->tokens_listed && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "token") == 0)
    cz_signer_dialog_list_tokens (self);
}

/* ---------------------------------------------------------------------- */

static void
cz_signer_dialog_dispose (GObject *object)
{
  CzSignerDialog *self = CZ_SIGNER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->tokens_cancellable);
  g_clear_object (&self->tokens_cancellable);
  g_clear_pointer (&self->token_key_rows, g_ptr_array_unref);
  g_clear_object (&self->import_file);
  g_clear_object (&self->signer);

  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_SIGNER_DIALOG);

  G_OBJECT_CLASS (cz_signer_dialog_parent_class)->dispose (object);
}

static void
cz_signer_dialog_finalize (GObject *object)
{
  CzSignerDialog *self = CZ_SIGNER_DIALOG (object);

  g_free (self->location);
  g_free (self->signers_dir);

  G_OBJECT_CLASS (cz_signer_dialog_parent_class)->finalize (object);
}

static void
cz_signer_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CzSignerDialog *self = CZ_SIGNER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DEPARTMENT:
      g_value_set_string (value, gtk_editable_get_text (GTK_EDITABLE (self->department_row)));
      break;
    case PROP_SIGNER:
      g_value_set_object (value, self->signer);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_signer_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CzSignerDialog *self = CZ_SIGNER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DEPARTMENT:
      gtk_editable_set_text (GTK_EDITABLE (self->department_row), g_value_get_string (value) ? g_value_get_string (value) : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_signer_dialog_class_init (CzSignerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_signer_dialog_dispose;
  object_class->finalize = cz_signer_dialog_finalize;
  object_class->get_property = cz_signer_dialog_get_property;
  object_class->set_property = cz_signer_dialog_set_property;

  properties[PROP_DEPARTMENT] =
    g_param_spec_string ("department", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNER] =
    g_param_spec_object ("signer", NULL, NULL, CZ_TYPE_SIGNER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/signer/cz-signer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, key_type_row);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, strength_row);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, strength_icon);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, import_file_row);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, import_passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, token_keys_group);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, token_uri_row);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, pin_row);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, CzSignerDialog, done_button_group);

  gtk_widget_class_install_action (widget_class, "signer.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "signer.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "signer.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "signer.use-token", NULL, use_token_action);
  gtk_widget_class_install_action (widget_class, "signer.refresh-tokens", NULL, refresh_tokens_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cz_signer_dialog_init (CzSignerDialog *self)
{
  self->token_key_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (on_page_changed), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->department_row, "changed", G_CALLBACK (on_input_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->passphrase_row, "changed", G_CALLBACK (on_input_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->confirm_row, "changed", G_CALLBACK (on_input_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->token_uri_row, "changed", G_CALLBACK (on_input_changed), self, G_CONNECT_SWAPPED);
  cz_signer_dialog_update_strength (self);
  cz_signer_dialog_update_actions (self);
}

GtkWidget *
cz_signer_dialog_new (GtkWindow  *parent,
                      const char *department)
{
  return g_object_new (CZ_TYPE_SIGNER_DIALOG,
                       "transient-for", parent,
                       "department", department,
                       NULL);
}

CzSigner *
cz_signer_dialog_get_signer (CzSignerDialog *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER_DIALOG (self), NULL);
  return self->signer;
}

const char *
cz_signer_dialog_get_location (CzSignerDialog *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER_DIALOG (self), NULL);
  return self->location;
}

gboolean
cz_signer_dialog_get_busy (CzSignerDialog *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

void
cz_signer_dialog_set_import_file (CzSignerDialog *self,
                                  GFile          *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (CZ_IS_SIGNER_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->import_file, file);
  name = g_file_get_parse_name (file);
  adw_action_row_set_subtitle (self->import_file_row, name);
  adw_view_stack_set_visible_child_name (self->view_stack, "import");
  cz_signer_dialog_show_message (self, NULL);
  cz_signer_dialog_update_actions (self);
}

void
cz_signer_dialog_set_signers_dir (CzSignerDialog *self,
                                  const char     *dir)
{
  g_return_if_fail (CZ_IS_SIGNER_DIALOG (self));

  g_free (self->signers_dir);
  self->signers_dir = g_strdup (dir);
}
