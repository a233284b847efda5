/* cz-pack-group.c — "Pack for Submission…" on the review page: signer, destination, progress, result
 *
 * The flow: set up a signer if there is none (CzSignerDialog), choose where
 * to save, unlock the signer (its passphrase or PIN, asked again when wrong),
 * then on workers: the rules check with the evidence findings
 * (cz_pack_options_new_for_dossier, as coopzone-cli pack does) and the pack
 * itself, with a progress bar and Cancel. The archive is written beside the
 * destination and renamed into place, so a cancel or a failure leaves the
 * destination as it was.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-archive.h"
#include "cz-archive-check.h"
#include "cz-archive-dossier.h"
#include "cz-fields.h"
#include "cz-stored-roster.h"
#include "cz-pack-group.h"
#include "cz-rules-catalog.h"
#include "cz-wizard.h"
#include "cz-wizard-page.h"
#include "signer/cz-signer-dialog.h"
#include "signer/cz-passphrase-dialog.h"
#include "signer/cz-signer-settings.h"
#include "signer/cz-signer-window.h"

struct _CzPackGroup
{
  AdwPreferencesGroup  parent_instance;

  AdwActionRow        *pack_row;
  AdwActionRow        *progress_row;
  GtkProgressBar      *progress_bar;
  AdwActionRow        *result_row;
  AdwActionRow        *signer_row;

  CzWizardPage        *page;           /* the ancestor page, not owned */
  CzValidator         *validator;
  CzEvidenceStore     *evidence_store;
  CzStore             *store;          /* for the roster, when found through the wizard */
  gboolean             evidence_store_set;
  GCancellable        *cancellable;    /* while packing */
  GFile               *destination;    /* chosen, not yet packed */
  CzSigner            *fresh_signer;   /* just set up, so already unlocked: used for the next pack only */
  GFile               *archive;        /* packed */
  char                *content_fingerprint;
  char                *error_message;
};

G_DEFINE_FINAL_TYPE (CzPackGroup, cz_pack_group, ADW_TYPE_PREFERENCES_GROUP)

static GtkWindow *
cz_pack_group_get_window (CzPackGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static CzDossier *
cz_pack_group_get_dossier (CzPackGroup *self)
{
  return self->page ? cz_wizard_page_get_dossier (self->page) : NULL;
}

static void
cz_pack_group_update_signer_row (CzPackGroup *self)
{
  g_autofree char *location = cz_signer_settings_dup_location ();

  if (self->signer_row == NULL)
    return;

  adw_action_row_set_subtitle (self->signer_row,
                               location ? location
                               : _("None set up yet: you will be asked to create or import one"));
}

static void
cz_pack_group_update_actions (CzPackGroup *self)
{
  gboolean packing = self->cancellable != NULL;
  guint blockers = self->validator ? cz_validator_get_n_blockers (self->validator) : 1;
  g_autofree char *subtitle = NULL;

  if (self->pack_row == NULL)  /* disposed while a worker finished */
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.start",
                                 !packing && self->validator != NULL && blockers == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.cancel", packing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.open-folder", self->archive != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), packing);
  gtk_widget_set_visible (GTK_WIDGET (self->result_row), self->archive != NULL && !packing);

  if (self->validator == NULL)
    subtitle = g_strdup (_("Checking…"));
  else if (blockers > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Resolve the %u blocker listed below first",
                                             "Resolve the %u blockers listed below first",
                                             blockers), blockers);
  else
    subtitle = g_strdup (_("Signed with the department’s certificate; nothing half-written is ever left behind"));
  adw_action_row_set_subtitle (self->pack_row, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pack_row), blockers > 0 ? subtitle : NULL);
}

static void
cz_pack_group_set_validator (CzPackGroup *self,
                             CzValidator *validator)
{
  if (self->validator == validator)
    return;
  if (self->validator != NULL)
    g_signal_handlers_disconnect_by_data (self->validator, self);
  g_set_object (&self->validator, validator);
  if (validator != NULL)
    g_signal_connect_object (validator, "counts-changed", G_CALLBACK (cz_pack_group_update_actions),
                             self, G_CONNECT_SWAPPED);
  cz_pack_group_update_actions (self);
}

static void
on_page_validator_changed (CzPackGroup *self)
{
  cz_pack_group_set_validator (self, self->page ? cz_wizard_page_get_validator (self->page) : NULL);
}

static void
cz_pack_group_root (GtkWidget *widget)
{
  CzPackGroup *self = CZ_PACK_GROUP (widget);
  GtkWidget *page = gtk_widget_get_ancestor (widget, CZ_TYPE_WIZARD_PAGE);

  GTK_WIDGET_CLASS (cz_pack_group_parent_class)->root (widget);

  if (page != GTK_WIDGET (self->page))
    {
      if (self->page != NULL)
        g_signal_handlers_disconnect_by_data (self->page, self);
      self->page = CZ_WIZARD_PAGE (page);
      if (page != NULL)
        g_signal_connect_object (page, "notify::validator", G_CALLBACK (on_page_validator_changed),
                                 self, G_CONNECT_SWAPPED);
    }
  on_page_validator_changed (self);
  cz_pack_group_update_signer_row (self);
}

/* ---------------------------------------------------------------------- */
/* Results                                                                  */

static void
show_message (CzPackGroup *self,
              const char  *heading,
              const char  *body)
{
  GtkWidget *dialog = adw_message_dialog_new (cz_pack_group_get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_toast_open_folder (CzPackGroup *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "pack.open-folder", NULL);
}

static void
cz_pack_group_show_packed (CzPackGroup *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *name = g_file_get_basename (self->archive);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row), name);
  /* Translators: the fingerprint printed in the footers of the application form, to match paper and file */
  subtitle = g_strdup_printf (_("Content fingerprint (on the printed form): %s"),
                              self->content_fingerprint ? self->content_fingerprint : "—");
  adw_action_row_set_subtitle (self->result_row, subtitle);

  if (overlay != NULL)
    {
      g_autofree char *title = NULL;
      AdwToast *toast;

      /* Translators: %s is the archive's file name */
      title = g_strdup_printf (_("Packed “%s”"), name);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("Open _Folder"));
      adw_toast_set_timeout (toast, 10);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_open_folder), self, G_CONNECT_SWAPPED);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

/* ---------------------------------------------------------------------- */
/* Packing                                                                  */

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  CzPackGroup *self = CZ_PACK_GROUP (user_data);

  if (self->cancellable != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / (double) total : 0.0);
}

typedef struct
{
  CzPackGroup   *self;
  CzDossier     *dossier;   /* a copy the workers alone read */
  CzSigner      *signer;
  GFile         *destination;
  CzPackOptions *options;
} PackJob;

static void
pack_job_free (PackJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->dossier);
  g_clear_object (&job->signer);
  g_clear_object (&job->destination);
  g_clear_pointer (&job->options, cz_pack_options_unref);
  g_free (job);
}

static void
cz_pack_group_finish (CzPackGroup  *self,
                      const GError *error)
{
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->error_message, g_free);
  if (error != NULL)
    self->error_message = g_strdup (error->message);
  cz_pack_group_update_actions (self);
}

static void
on_packed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PackJob *job = user_data;
  CzPackGroup *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (job->destination);

  if (!cz_archive_pack_finish (result, &error))
    {
      cz_pack_group_finish (self, error);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

          if (overlay != NULL)
            /* Translators: the pack was cancelled; the destination is untouched */
            adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Packing cancelled; nothing was written")));
        }
      else
        {
          g_autofree char *body = NULL;

          /* Translators: %1$s says what went wrong, %2$s is the chosen file */
          body = g_strdup_printf (_("%1$s\n\nNothing was written at “%2$s”; a file that was there before is unchanged. Free some space or choose another folder, then pack again."),
                                  error->message, name);
          show_message (self, _("The Archive Was Not Written"), body);
        }
      pack_job_free (job);
      return;
    }

  g_set_object (&self->archive, job->destination);
  g_free (self->content_fingerprint);
  self->content_fingerprint = g_strdup (cz_pack_options_get_content_fingerprint (job->options));
  cz_pack_group_finish (self, NULL);
  cz_pack_group_show_packed (self);
  pack_job_free (job);
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PackJob *job = task_data;
  CzRules *rules = g_object_get_data (G_OBJECT (task), "cz-rules");

  job->options = cz_pack_options_new_for_dossier (job->self->evidence_store, job->dossier, rules);
  if (job->self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!cz_stored_roster_add_to_pack (job->options, job->self->store, job->dossier, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_boolean (task, TRUE);
}

static void
on_prepared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PackJob *job = g_steal_pointer (&((PackJob **) user_data)[0]);
  CzPackGroup *self = job->self;
  g_autoptr(GError) error = NULL;

  g_free (user_data);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      cz_pack_group_finish (self, error);
      pack_job_free (job);
      return;
    }

  {
    JsonNode *check = cz_pack_options_get_check (job->options);
    guint n_blockers = cz_archive_check_count_blockers (check);

    if (n_blockers > 0)
      {
        g_auto(GStrv) blockers = cz_archive_check_dup_blockers (check);
        g_autofree char *list = g_strjoinv ("\n• ", blockers);
        g_autofree char *body = g_strdup_printf ("• %s", list);
        g_autoptr(GError) refusal = g_error_new (CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_BLOCKERS, "%s", body);

        cz_pack_group_finish (self, refusal);
        show_message (self, _("The Dossier Cannot Be Packed Yet"), body);
        pack_job_free (job);
        return;
      }
  }

  cz_archive_pack_async (job->dossier, job->options, job->signer, job->destination, self->cancellable,
                         on_progress, g_object_ref (self), g_object_unref, on_packed, job);
}

/* The archive is signed now: a certificate not valid now makes an archive
 * every verify refuses, so it is not written. */
static gboolean
cz_pack_group_check_signer_valid_now (CzPackGroup *self,
                                      CzSigner    *signer)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;

  if (g_date_time_compare (now, cz_signer_get_not_before (signer)) >= 0 &&
      g_date_time_compare (now, cz_signer_get_not_after (signer)) <= 0)
    return TRUE;

  from = g_date_time_format (cz_signer_get_not_before (signer), "%Y-%m-%d %H:%M UTC");
  until = g_date_time_format (cz_signer_get_not_after (signer), "%Y-%m-%d %H:%M UTC");
  g_free (self->error_message);
  self->error_message =
    /* Translators: %1$s is the certificate's name, %2$s and %3$s its validity */
    g_strdup_printf (_("The signing certificate “%1$s” is valid from %2$s to %3$s, not now: an archive signed with it would be refused. Renew it with your certificate authority, or set up another certificate, then pack again."),
                     cz_signer_get_common_name (signer) ? cz_signer_get_common_name (signer) : cz_signer_get_subject (signer),
                     from, until);
  show_message (self, _("The Signing Certificate Is Not Valid Now"), self->error_message);
  cz_pack_group_update_actions (self);
  return FALSE;
}

void
cz_pack_group_pack_to (CzPackGroup *self,
                       GFile       *destination,
                       CzSigner    *signer)
{
  CzDossier *dossier;
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GError) error = NULL;
  PackJob *job;
  PackJob **holder;

  g_return_if_fail (CZ_IS_PACK_GROUP (self));
  g_return_if_fail (G_IS_FILE (destination));
  g_return_if_fail (CZ_IS_SIGNER (signer));

  dossier = cz_pack_group_get_dossier (self);
  if (self->cancellable != NULL || dossier == NULL || self->validator == NULL)
    return;
  if (self->evidence_store == NULL)
    {
      GtkWidget *wizard = gtk_widget_get_ancestor (GTK_WIDGET (self), CZ_TYPE_WIZARD);
      g_autoptr(CzStore) store = NULL;

      if (wizard != NULL)
        g_object_get (wizard, "store", &store, NULL);
      if (store != NULL)
        {
          self->evidence_store = cz_evidence_store_new_for_database (cz_store_get_path (store));
          g_set_object (&self->store, store);
        }
    }
  if (self->evidence_store == NULL)
    {
      show_message (self, _("The Archive Was Not Written"), _("This dossier is not saved in CoopZone, so its evidence cannot be found."));
      return;
    }
  if (!cz_pack_group_check_signer_valid_now (self, signer))
    return;

  /* Packing is where the pack in use is sealed in: the dossier says so. */
  cz_rules_record_in_dossier (cz_validator_get_rules (self->validator), dossier);

  job = g_new0 (PackJob, 1);
  job->self = g_object_ref (self);
  json = cz_dossier_to_json (dossier);
  job->dossier = cz_dossier_new_from_json (json, &error);
  if (job->dossier == NULL)
    {
      show_message (self, _("The Archive Was Not Written"), error->message);
      pack_job_free (job);
      return;
    }
  job->signer = g_object_ref (signer);
  job->destination = g_object_ref (destination);

  g_clear_object (&self->archive);
  g_clear_pointer (&self->content_fingerprint, g_free);
  g_clear_pointer (&self->error_message, g_free);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  cz_pack_group_update_actions (self);

  /* The task holds the job only through the holder, so a cancelled task frees it once. */
  holder = g_new0 (PackJob *, 1);
  holder[0] = job;
  task = g_task_new (NULL, self->cancellable, on_prepared, holder);
  g_object_set_data_full (G_OBJECT (task), "cz-rules", g_object_ref (cz_validator_get_rules (self->validator)), g_object_unref);
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, prepare_thread);
}

/* ---------------------------------------------------------------------- */
/* Choosing the destination and unlocking the signer                        */

static void
on_passphrase_signer (CzPassphraseDialog *dialog,
                      GParamSpec         *pspec,
                      CzPackGroup        *self)
{
  CzSigner *signer = cz_passphrase_dialog_get_signer (dialog);
  g_autoptr(GFile) destination = g_steal_pointer (&self->destination);

  /* Kept for showing it without the passphrase, if it was set up before that was kept. */
  cz_signer_settings_remember (cz_passphrase_dialog_get_location (dialog), signer);
  if (destination != NULL)
    cz_pack_group_pack_to (self, destination, signer);
}

static void
on_passphrase_cancelled (CzPassphraseDialog *dialog,
                         const char         *response,
                         CzPackGroup        *self)
{
  g_clear_object (&self->destination);
}

/* The passphrase dialog opens the signer itself and stays for another try
 * after a wrong passphrase; the archive is written once it opens. */
static void
unlock_and_pack (CzPackGroup *self,
                 const char  *location)
{
  GtkWidget *dialog = cz_passphrase_dialog_new (cz_pack_group_get_window (self), location);

  g_signal_connect_object (dialog, "notify::signer", G_CALLBACK (on_passphrase_signer), self, 0);
  g_signal_connect_object (dialog, "response::cancel", G_CALLBACK (on_passphrase_cancelled), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
cz_pack_group_dup_default_name (CzPackGroup *self)
{
  CzDossier *dossier = cz_pack_group_get_dossier (self);
  const char *zone = dossier ? cz_dossier_get_text (dossier, CZ_FIELD_ZONE_NAME) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  char *name;

  /* The archive's own name stays Chinese: it is the ministry's word. */
  name = g_strdup_printf ("%s-%s-申报包.coopzone.zip", zone && zone[0] ? zone : _("Application"), date);
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return name;
}

static void
on_destination_chosen (GtkNativeDialog *chooser,
                       int              response,
                       CzPackGroup     *self)
{
  g_autoptr(CzSigner) fresh = g_steal_pointer (&self->fresh_signer);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *location = cz_signer_settings_dup_location ();

      if (file != NULL && fresh != NULL)
        cz_pack_group_pack_to (self, file, fresh);
      else if (file != NULL && location != NULL)
        {
          g_set_object (&self->destination, file);
          unlock_and_pack (self, location);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_destination (CzPackGroup *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = cz_pack_group_dup_default_name (self);

  chooser = gtk_file_chooser_native_new (_("Save the Submission Archive"), cz_pack_group_get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: a file type in the file chooser */
  gtk_file_filter_set_name (filter, _("Submission archives (ZIP)"));
  gtk_file_filter_add_mime_type (filter, "application/zip");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_destination_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_setup_signer (CzSignerDialog *dialog,
                 GParamSpec     *pspec,
                 CzPackGroup    *self)
{
  cz_pack_group_update_signer_row (self);
  /* Just set up and so unlocked: only the destination is left to ask. */
  if (cz_signer_dialog_get_signer (dialog) != NULL)
    {
      g_set_object (&self->fresh_signer, cz_signer_dialog_get_signer (dialog));
      choose_destination (self);
    }
}

static GtkWidget *
cz_pack_group_new_signer_dialog (CzPackGroup *self)
{
  CzDossier *dossier = cz_pack_group_get_dossier (self);

  return cz_signer_dialog_new (cz_pack_group_get_window (self),
                               dossier ? cz_dossier_get_text (dossier, CZ_FIELD_APPLICANT_DEPARTMENT) : NULL);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CzPackGroup *self = CZ_PACK_GROUP (widget);
  g_autofree char *location = cz_signer_settings_dup_location ();

  if (location == NULL)
    {
      GtkWidget *dialog = cz_pack_group_new_signer_dialog (self);

      g_signal_connect_object (dialog, "notify::signer", G_CALLBACK (on_setup_signer), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  choose_destination (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_cancellable_cancel (CZ_PACK_GROUP (widget)->cancellable);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CzPackGroup *self = CZ_PACK_GROUP (widget);
  g_autoptr(GFile) folder = self->archive ? g_file_get_parent (self->archive) : NULL;
  g_autofree char *uri = folder ? g_file_get_uri (folder) : NULL;

  if (uri != NULL)
    gtk_show_uri (cz_pack_group_get_window (self), uri, GDK_CURRENT_TIME);
}

static void
show_signer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CzPackGroup *self = CZ_PACK_GROUP (widget);
  CzDossier *dossier = cz_pack_group_get_dossier (self);
  g_autofree char *location = cz_signer_settings_dup_location ();
  GtkWidget *window;

  if (location == NULL)
    window = cz_pack_group_new_signer_dialog (self);
  else
    window = cz_signer_window_new (cz_pack_group_get_window (self), NULL,
                                   dossier ? cz_dossier_get_text (dossier, CZ_FIELD_APPLICANT_DEPARTMENT) : NULL);
  g_signal_connect_object (window, "destroy", G_CALLBACK (cz_pack_group_update_signer_row), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* ---------------------------------------------------------------------- */

static void
cz_pack_group_dispose (GObject *object)
{
  CzPackGroup *self = CZ_PACK_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->validator != NULL)
    g_signal_handlers_disconnect_by_data (self->validator, self);
  g_clear_object (&self->validator);
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
  self->page = NULL;
  g_clear_object (&self->evidence_store);
  g_clear_object (&self->store);
  g_clear_object (&self->destination);
  g_clear_object (&self->fresh_signer);
  g_clear_object (&self->archive);

  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_PACK_GROUP);

  G_OBJECT_CLASS (cz_pack_group_parent_class)->dispose (object);
}

static void
cz_pack_group_finalize (GObject *object)
{
  CzPackGroup *self = CZ_PACK_GROUP (object);

  g_free (self->content_fingerprint);
  g_free (self->error_message);

  G_OBJECT_CLASS (cz_pack_group_parent_class)->finalize (object);
}

static void
cz_pack_group_class_init (CzPackGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_pack_group_dispose;
  object_class->finalize = cz_pack_group_finalize;
  widget_class->root = cz_pack_group_root;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/archive/cz-pack-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CzPackGroup, pack_row);
  gtk_widget_class_bind_template_child (widget_class, CzPackGroup, progress_row);
  gtk_widget_class_bind_template_child (widget_class, CzPackGroup, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CzPackGroup, result_row);
  gtk_widget_class_bind_template_child (widget_class, CzPackGroup, signer_row);

  gtk_widget_class_install_action (widget_class, "pack.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "pack.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "pack.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "pack.show-signer", NULL, show_signer_action);
}

static void
cz_pack_group_init (CzPackGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cz_pack_group_update_actions (self);
}

GtkWidget *
cz_pack_group_new (void)
{
  return g_object_new (CZ_TYPE_PACK_GROUP, NULL);
}

void
cz_pack_group_set_evidence_store (CzPackGroup     *self,
                                  CzEvidenceStore *store)
{
  g_return_if_fail (CZ_IS_PACK_GROUP (self));

  g_set_object (&self->evidence_store, store);
}

gboolean
cz_pack_group_get_packing (CzPackGroup *self)
{
  g_return_val_if_fail (CZ_IS_PACK_GROUP (self), FALSE);
  return self->cancellable != NULL;
}

GFile *
cz_pack_group_get_archive (CzPackGroup *self)
{
  g_return_val_if_fail (CZ_IS_PACK_GROUP (self), NULL);
  return self->archive;
}

const char *
cz_pack_group_get_content_fingerprint (CzPackGroup *self)
{
  g_return_val_if_fail (CZ_IS_PACK_GROUP (self), NULL);
  return self->content_fingerprint;
}

const char *
cz_pack_group_get_error_message (CzPackGroup *self)
{
  g_return_val_if_fail (CZ_IS_PACK_GROUP (self), NULL);
  return self->error_message;
}
