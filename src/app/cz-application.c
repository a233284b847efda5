/* cz-application.c — the CoopZone application
 *
 * Opens the store once, at start-up. A store it cannot use (written by a newer
 * CoopZone, unreadable) is reported and left alone; a damaged one that the store
 * moved aside is reported once.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "archive/cz-archive-view.h"
#include "cz-application.h"
#include "cz-rules-catalog.h"
#include "cz-window.h"
#include "signer/cz-signer-dialog.h"
#include "signer/cz-signer-settings.h"
#include "signer/cz-signer-window.h"

struct _CzApplication
{
  AdwApplication  parent_instance;

  CzStore        *store;
  GError         *store_error;
  char           *store_path;
  guint           recovery_shown : 1;
  char                  *initial_dossier_id;
  gboolean               bench_first_frame;
};

G_DEFINE_FINAL_TYPE (CzApplication, cz_application, ADW_TYPE_APPLICATION)

static void
cz_application_show_store_error (CzApplication *self)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (g_error_matches (self->store_error, CZ_STORE_ERROR, CZ_STORE_ERROR_NEWER_SCHEMA))
    /* Translators: %s is the path of the database file */
    body = g_strdup_printf (_("Your dossiers were saved by a newer version of CoopZone, which this version cannot read. Install the newer version to work on them. The file has not been changed:\n%s"),
                            self->store_path);
  else
    /* Translators: the first %s says what went wrong, the second is the path of the database file */
    body = g_strdup_printf (_("%s\n\nThe file has not been changed:\n%s"),
                            self->store_error->message, self->store_path);

  dialog = adw_message_dialog_new (NULL, _("Could Not Open Your Dossiers"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (g_application_quit), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cz_application_show_recovery (CzApplication *self,
                              GtkWindow     *parent)
{
  const char *message;
  GtkWidget *dialog;

  if (self->recovery_shown || self->store == NULL)
    return;

  message = cz_store_get_recovery_message (self->store);
  if (message == NULL)
    return;

  self->recovery_shown = TRUE;
  dialog = adw_message_dialog_new (parent, _("Your Dossiers Were Damaged"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* build-aux/bench measures start-up to the first frame that shows what was
 * asked for: with --dossier, the first frame of the dossier's wizard. */
static void
on_bench_after_paint (GdkFrameClock *clock,
                      CzWindow      *window)
{
  CzApplication *self = CZ_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  if (self->initial_dossier_id != NULL && cz_window_get_wizard (window) == NULL)
    return;

  g_signal_handlers_disconnect_by_func (clock, on_bench_after_paint, window);
  g_print ("first-frame\n");
  g_application_quit (G_APPLICATION (self));
}

static void
on_bench_realize (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_bench_after_paint), window, 0);
}

static GtkWindow *
cz_application_new_window (CzApplication *self)
{
  CzWindow *window = cz_window_new (GTK_APPLICATION (self), self->store);

  if (self->bench_first_frame)
    g_signal_connect (window, "realize", G_CALLBACK (on_bench_realize), NULL);

  gtk_window_present (GTK_WINDOW (window));
  cz_application_show_recovery (self, GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
cz_application_activate (GApplication *application)
{
  CzApplication *self = CZ_APPLICATION (application);
  GtkWindow *window;

  if (self->store == NULL)
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

      if (windows != NULL)
        gtk_window_present (windows->data);
      else
        cz_application_show_store_error (self);
      return;
    }

  if (self->initial_dossier_id != NULL)
    {
      g_action_group_activate_action (G_ACTION_GROUP (self), "open-dossier",
                                      g_variant_new_string (self->initial_dossier_id));
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    gtk_window_present (window);
  else
    cz_application_new_window (self);
}

/* `coopzone --dossier ID` opens a dossier, in the running instance if there is one. */
static int
cz_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  CzApplication *self = CZ_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  const char *id = NULL;

  if (!g_variant_dict_lookup (options, "dossier", "&s", &id))
    return -1;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("coopzone: %s\n", error->message);
      return 1;
    }

  if (g_application_get_is_remote (application))
    {
      g_action_group_activate_action (G_ACTION_GROUP (application), "open-dossier",
                                      g_variant_new_string (id));
      return 0;
    }

  self->initial_dossier_id = g_strdup (id);
  return -1;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CzApplication *self = CZ_APPLICATION (user_data);

  if (self->store != NULL)
    cz_application_new_window (self);
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { _("The CoopZone contributors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-icon", APP_ID,
                        /* Translators: the application's name; 合作区申报助手 in Chinese */
                        "application-name", _("CoopZone"),
                        "developer-name", _("The CoopZone contributors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Prepare the application for recognition of a China-foreign SME cooperation zone, and hand a signed archive to the provincial authority."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Lets the desktop (or build-aux/screenshots) open a dossier by id over D-Bus. */
static void
open_dossier_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CzApplication *self = CZ_APPLICATION (user_data);
  GtkWindow *window;

  if (self->store == NULL)
    return;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (!CZ_IS_WINDOW (window))
    window = cz_application_new_window (self);
  cz_window_open_dossier (CZ_WINDOW (window), g_variant_get_string (parameter, NULL));
  gtk_window_present (window);
}

/* Opens a step ("zone", "boundary", …) of the active window's dossier, for
 * build-aux/screenshots and the desktop. */
static void
show_step_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  CzWizard *wizard = CZ_IS_WINDOW (window) ? cz_window_get_wizard (CZ_WINDOW (window)) : NULL;

  if (wizard != NULL)
    cz_wizard_show_step (wizard, g_variant_get_string (parameter, NULL));
}

static void
on_rules_installed (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CzApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRules) rules = cz_rules_install_finish (result, &error);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (rules == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Load the Rules Pack"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Every open dossier of that year is checked again with the new pack. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CZ_IS_WINDOW (l->data))
      {
        CzWizard *wizard = cz_window_get_wizard (l->data);

        if (wizard != NULL)
          cz_wizard_reload_rules (wizard);
      }

  if (CZ_IS_WINDOW (parent))
    {
      g_autofree char *title =
        /* Translators: %1$s is the pack's title, %2$u its call year */
        g_strdup_printf (_("Rules pack “%1$s” (%2$u) is now in use"),
                         cz_rules_get_title (rules, cz_rules_pick_language (NULL)),
                         cz_rules_get_year (rules));
      cz_window_add_toast (CZ_WINDOW (parent), title);
    }
}

static void
on_rules_file_chosen (GtkNativeDialog *chooser,
                      int              response,
                      gpointer         user_data)
{
  CzApplication *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      cz_rules_install_async (file, NULL, on_rules_installed, g_object_ref (self));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* A province distributes a newer pack; installing it replaces the built-in
 * pack of its year for every dossier, and a bad file changes nothing. */
static void
load_rules_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CzApplication *self = CZ_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Load a Rules Pack"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Load"), _("_Cancel"));
  /* Translators: a file type in the file chooser */
  gtk_file_filter_set_name (filter, _("Rules packs (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_rules_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cz_application_open_archive (CzApplication *self,
                             GFile         *archive)
{
  gtk_window_present (cz_archive_view_new_window (GTK_APPLICATION (self), archive));
}

static void
on_archive_chosen (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  CzApplication *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        cz_application_open_archive (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* A province (or the department itself) checks a received archive. */
static void
open_archive_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CzApplication *self = CZ_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a Submission Archive"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  /* Translators: a file type in the file chooser */
  gtk_file_filter_set_name (filter, _("Submission archives (ZIP)"));
  gtk_file_filter_add_mime_type (filter, "application/zip");
  gtk_file_filter_add_pattern (filter, "*.zip");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_archive_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The Signing Certificate window, or the set-up dialog while there is none. */
static void
signing_certificate_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autofree char *location = cz_signer_settings_dup_location ();
  GtkWidget *window = location ? cz_signer_window_new (parent, NULL, NULL)
                               : cz_signer_dialog_new (parent, NULL);

  gtk_window_present (GTK_WINDOW (window));
}

static void
cz_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    cz_application_open_archive (CZ_APPLICATION (application), files[i]);
}

static const GActionEntry app_actions[] = {
  { "open-archive", open_archive_action },
  { "signing-certificate", signing_certificate_action },
  { "load-rules", load_rules_action },
  { "open-dossier", open_dossier_action, "s" },
  { "show-step", show_step_action, "s" },
  { "quit", quit_action },
  { "new-window", new_window_action },
  { "shortcuts", shortcuts_action },
  { "about", about_action },
};

static void
cz_application_startup (GApplication *application)
{
  CzApplication *self = CZ_APPLICATION (application);

  G_APPLICATION_CLASS (cz_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open-archive",
                                         (const char *[]) { "<Control><Shift>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window",
                                         (const char *[]) { "<Control><Shift>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts",
                                         (const char *[]) { "<Control>question", NULL });

  self->store_path = cz_store_dup_default_path ();
  self->store = cz_store_new (self->store_path, &self->store_error);
}

static void
cz_application_shutdown (GApplication *application)
{
  CzApplication *self = CZ_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  if (self->store != NULL)
    {
      if (!cz_store_flush (self->store, &error))
        g_warning ("Could not save every change before quitting: %s", error->message);
      cz_store_close (self->store);
    }

  G_APPLICATION_CLASS (cz_application_parent_class)->shutdown (application);
}

static void
cz_application_dispose (GObject *object)
{
  CzApplication *self = CZ_APPLICATION (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (cz_application_parent_class)->dispose (object);
}

static void
cz_application_finalize (GObject *object)
{
  CzApplication *self = CZ_APPLICATION (object);

  g_clear_error (&self->store_error);
  g_clear_pointer (&self->store_path, g_free);
  g_clear_pointer (&self->initial_dossier_id, g_free);

  G_OBJECT_CLASS (cz_application_parent_class)->finalize (object);
}

static void
cz_application_class_init (CzApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cz_application_dispose;
  object_class->finalize = cz_application_finalize;

  app_class->activate = cz_application_activate;
  app_class->handle_local_options = cz_application_handle_local_options;
  app_class->open = cz_application_open;
  app_class->startup = cz_application_startup;
  app_class->shutdown = cz_application_shutdown;
}

static void
cz_application_init (CzApplication *self)
{
  static const GOptionEntry options[] = {
    { "dossier", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open the dossier with this id (see coopzone-cli list)"), N_("ID") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  self->bench_first_frame = g_strcmp0 (g_getenv ("COOPZONE_BENCH_FIRST_FRAME"), "1") == 0;
}

CzApplication *
cz_application_new (void)
{
  return g_object_new (CZ_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       /* Archives given on the command line or by Open With are opened. */
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

CzStore *
cz_application_get_store (CzApplication *self)
{
  g_return_val_if_fail (CZ_IS_APPLICATION (self), NULL);

  return self->store;
}
