/* cz-start-view.c — the list of dossiers, and where new ones begin
 *
 * Listing runs on the store's worker; creating, renaming, duplicating and
 * deleting are single quick statements. Opening a dossier is the window's
 * business: the view activates `window.open-dossier` with the dossier's id.
 *
 * Actions: start.new, start.import, start.sample, and per row (string id)
 * start.open, start.rename, start.duplicate, start.export, start.delete.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "cz-rules-catalog.h"
#include "cz-sample.h"
#include "cz-sample-evidence.h"
#include "cz-start-view.h"

struct _CzStartView
{
  GtkWidget     parent_instance;

  GtkStack     *content_stack;
  GtkListBox   *dossier_list;
  GtkWidget    *create_button;

  CzStore      *store;
  GCancellable *list_cancellable;
  GCancellable *sample_cancellable;
  GHashTable   *infos;            /* id → CzDossierInfo */
  guint         n_dossiers;
  guint         loading : 1;
  guint         adding_sample : 1;
};

G_DEFINE_FINAL_TYPE (CzStartView, cz_start_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  PROP_N_DOSSIERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
cz_format_edited_time (GDateTime *modified,
                       GDateTime *now)
{
  GTimeSpan span;
  gint64 n;

  if (modified == NULL)
    return g_strdup (_("Never edited"));

  span = g_date_time_difference (now, modified);
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Edited just now"));

  if (span < G_TIME_SPAN_HOUR)
    {
      n = span / G_TIME_SPAN_MINUTE;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edited %d minute ago", "Edited %d minutes ago", n), (int) n);
    }

  if (span < G_TIME_SPAN_DAY)
    {
      n = span / G_TIME_SPAN_HOUR;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edited %d hour ago", "Edited %d hours ago", n), (int) n);
    }

  if (span < 7 * G_TIME_SPAN_DAY)
    {
      n = span / G_TIME_SPAN_DAY;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edited %d day ago", "Edited %d days ago", n), (int) n);
    }

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (modified);
    g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");

    /* Translators: %s is a date such as 2025-03-01 */
    return g_strdup_printf (_("Edited on %s"), date);
  }
}

static void
cz_start_view_add_toast (CzStartView *self,
                         const char  *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static GtkWindow *
cz_start_view_get_window (CzStartView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
cz_start_view_show_error (CzStartView *self,
                          const char  *heading,
                          const char  *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (cz_start_view_get_window (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cz_start_view_open (CzStartView *self,
                    const char  *id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "window.open-dossier", "s", id);
}

static CzDossierInfo *
cz_start_view_lookup (CzStartView *self,
                      const char  *id)
{
  return g_hash_table_lookup (self->infos, id);
}

static const char *
cz_start_view_get_display_name (CzStartView *self,
                                const char  *id)
{
  CzDossierInfo *info = cz_start_view_lookup (self, id);

  return info ? cz_dossier_info_get_display_name (info) : id;
}

static GMenuModel *
cz_start_view_create_row_menu (const char *id)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  const struct {
    const char *label;
    const char *action;
  } items[] = {
    { N_("_Open"), "start.open" },
    { N_("_Rename…"), "start.rename" },
    /* Translators: the mnemonic differs from _Delete's, in the same menu */
    { N_("D_uplicate"), "start.duplicate" },
    { N_("_Export…"), "start.export" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target (item, items[i].action, "s", id);
      g_menu_append_item (menu, item);
    }

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Delete…"), NULL);

    g_menu_item_set_action_and_target (item, "start.delete", "s", id);
    g_menu_append_item (section, item);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    g_object_unref (section);
  }

  return G_MENU_MODEL (menu);
}

static GtkWidget *
cz_start_view_create_row (CzStartView   *self,
                          CzDossierInfo *info,
                          GDateTime     *now)
{
  GtkWidget *row;
  GtkWidget *menu_button;
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *menu_label = NULL;
  const char *id = cz_dossier_info_get_id (info);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cz_dossier_info_get_display_name (info));
  edited = cz_format_edited_time (cz_dossier_info_get_modified (info), now);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), edited);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "start.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id);
  gtk_widget_set_name (row, id);

  menu = cz_start_view_create_row_menu (id);
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  /* Translators: accessible name of the menu button of one dossier in the list */
  menu_label = g_strdup_printf (_("Actions for “%s”"), cz_dossier_info_get_display_name (info));
  gtk_widget_set_tooltip_text (menu_button, menu_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  return row;
}

static void
cz_start_view_set_loading (CzStartView *self,
                           gboolean     loading)
{
  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* So Ctrl+N and the arrow keys reach the view when nothing else holds the focus. */
static void
cz_start_view_focus_default (CzStartView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *first_row;

  if (root == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) || gtk_root_get_focus (root) != NULL)
    return;

  first_row = gtk_widget_get_first_child (GTK_WIDGET (self->dossier_list));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "list") == 0 && first_row != NULL)
    gtk_widget_grab_focus (first_row);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0)
    gtk_widget_grab_focus (self->create_button);
}

static void
cz_start_view_populate (CzStartView *self,
                        GPtrArray   *infos)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->dossier_list))) != NULL)
    gtk_list_box_remove (self->dossier_list, child);
  g_hash_table_remove_all (self->infos);

  for (guint i = 0; i < infos->len; i++)
    {
      CzDossierInfo *info = g_ptr_array_index (infos, i);

      g_hash_table_insert (self->infos, g_strdup (cz_dossier_info_get_id (info)), g_object_ref (info));
      gtk_list_box_append (self->dossier_list, cz_start_view_create_row (self, info, now));
    }

  gtk_stack_set_visible_child_name (self->content_stack, infos->len > 0 ? "list" : "empty");
  cz_start_view_focus_default (self);

  if (self->n_dossiers != infos->len)
    {
      self->n_dossiers = infos->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOSSIERS]);
    }
}

static void
on_list_ready (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CzStartView) self = user_data;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;

  infos = cz_store_list_dossiers_finish (CZ_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (infos == NULL)
    {
      g_warning ("Could not list dossiers: %s", error->message);
      cz_start_view_show_error (self, _("Could Not List the Dossiers"), error->message);
      infos = g_ptr_array_new ();
    }

  cz_start_view_populate (self, infos);
  cz_start_view_set_loading (self, FALSE);
}

void
cz_start_view_reload (CzStartView *self)
{
  g_return_if_fail (CZ_IS_START_VIEW (self));

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);

  if (self->store == NULL)
    return;

  if (self->n_dossiers == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");

  self->list_cancellable = g_cancellable_new ();
  cz_start_view_set_loading (self, TRUE);
  cz_store_list_dossiers_async (self->store, self->list_cancellable, on_list_ready, g_object_ref (self));
}

/* Actions */

static void
start_new_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CzStartView *self = CZ_START_VIEW (widget);
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(CzRules) rules = NULL;
  g_autoptr(GError) error = NULL;

  dossier = cz_store_create_dossier (self->store, NULL, &error);
  if (dossier == NULL)
    {
      cz_start_view_show_error (self, _("Could Not Create a Dossier"), error->message);
      return;
    }
  /* A dossier starts with the pack in use for its year, and says so. */
  g_clear_object (&rules);
  rules = cz_rules_record_for_dossier (dossier, NULL);

  cz_start_view_reload (self);
  cz_start_view_open (self, cz_dossier_get_id (dossier));
}

static void cz_start_view_update_actions (CzStartView *self);

/* The sample comes with its generated evidence, as the README promises and as
 * `coopzone-cli sample --store` does: the documents are drawn and copied into
 * the evidence folder on a worker, into a dossier no one else holds yet, which
 * the UI thread then adds to the store. */
static void
sample_evidence_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  const char *database_path = task_data;
  g_autoptr(CzDossier) sample = cz_sample_dossier_new ();
  g_autoptr(CzEvidenceStore) evidence = cz_evidence_store_new_for_database (database_path);
  g_autoptr(CzRules) rules = NULL;
  GError *error = NULL;

  rules = cz_rules_dup_for_dossier (sample, &error);
  if (rules == NULL || !cz_sample_add_evidence (evidence, sample, rules, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&sample), g_object_unref);
}

static void
on_sample_ready (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CzStartView *self = CZ_START_VIEW (object);
  g_autoptr(CzDossier) sample = NULL;
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;

  self->adding_sample = FALSE;
  cz_start_view_update_actions (self);

  sample = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    return;  /* the view is gone */
  if (sample != NULL)
    {
      g_autoptr(CzRules) rules = cz_rules_record_for_dossier (sample, NULL);
      dossier = cz_store_import_dossier (self->store, sample, &error);
    }
  if (dossier == NULL)
    {
      cz_start_view_show_error (self, _("Could Not Add the Sample"), error->message);
      return;
    }

  cz_start_view_reload (self);
  cz_start_view_open (self, cz_dossier_get_id (dossier));
}

static void
start_sample_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CzStartView *self = CZ_START_VIEW (widget);
  g_autoptr(GTask) task = NULL;

  if (self->adding_sample)
    return;

  g_clear_object (&self->sample_cancellable);
  self->sample_cancellable = g_cancellable_new ();
  self->adding_sample = TRUE;
  cz_start_view_update_actions (self);

  task = g_task_new (self, self->sample_cancellable, on_sample_ready, NULL);
  g_task_set_source_tag (task, start_sample_action);
  g_task_set_task_data (task, g_strdup (cz_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, sample_evidence_thread);
}

static void
start_open_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cz_start_view_open (CZ_START_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_import_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CzStartView) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *unknown = NULL;
  g_autoptr(CzDossier) source = NULL;
  g_autoptr(CzDossier) dossier = NULL;
  gsize length = 0;

  if (g_file_load_contents_finish (file, result, &contents, &length, NULL, &error))
    source = cz_dossier_new_from_data (contents, length, name, &error);
  if (source != NULL && self->store != NULL)
    {
      g_autoptr(CzRules) rules = cz_rules_record_for_dossier (source, NULL);
      dossier = cz_store_import_dossier (self->store, source, &error);
    }

  if (dossier == NULL)
    {
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Import “%s”"), name);
      cz_start_view_show_error (self, heading, error ? error->message : "");
      return;
    }

  display_name = cz_dossier_dup_display_name (dossier);
  /* Translators: %s is the name of the imported dossier */
  toast = g_strdup_printf (_("Imported “%s”"), display_name);
  unknown = cz_dossier_dup_unknown_fields_message (dossier);
  if (unknown != NULL)
    cz_start_view_show_error (self, toast, unknown);
  else
    cz_start_view_add_toast (self, toast);
  cz_start_view_reload (self);
}

static GtkFileFilter *
cz_json_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Dossiers (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
on_import_response (GtkNativeDialog *native,
                    int              response,
                    CzStartView     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      g_file_load_contents_async (file, NULL, on_import_loaded, g_object_ref (self));
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
start_import_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CzStartView *self = CZ_START_VIEW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = cz_json_filter_new ();

  native = gtk_file_chooser_native_new (_("Import a Dossier"), cz_start_view_get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect_object (native, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

typedef struct
{
  CzStartView *self;
  GFile       *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

static void
on_export_written (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (data->file);
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (data->file, result, NULL, &error))
    {
      message = g_strdup_printf (_("Could Not Export to “%s”"), name);
      cz_start_view_show_error (data->self, message, error->message);
    }
  else
    {
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Exported to “%s”"), name);
      cz_start_view_add_toast (data->self, message);
    }

  export_data_free (data);
}

static void
on_export_dossier_opened (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents;
  gsize length = 0;

  dossier = cz_store_open_dossier_finish (CZ_STORE (object), result, &error);
  if (dossier == NULL)
    {
      cz_start_view_show_error (data->self, _("Could Not Export the Dossier"), error->message);
      export_data_free (data);
      return;
    }

  /* Serialised here, from memory; written by GIO off the UI thread. */
  contents = cz_dossier_to_data (dossier, &length);
  bytes = g_bytes_new_take (contents, length);
  g_file_replace_contents_bytes_async (data->file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, on_export_written, data);
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    CzStartView     *self)
{
  const char *id = g_object_get_data (G_OBJECT (native), "cz-dossier-id");

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      ExportData *data = g_new0 (ExportData, 1);

      data->self = g_object_ref (self);
      data->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      cz_store_open_dossier_async (self->store, id, NULL, on_export_dossier_opened, data);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
start_export_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CzStartView *self = CZ_START_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = cz_json_filter_new ();
  g_autofree char *file_name = NULL;

  native = gtk_file_chooser_native_new (_("Export the Dossier"), cz_start_view_get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  file_name = g_strdup_printf ("%s.json", cz_start_view_get_display_name (self, id));
  g_strdelimit (file_name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_object_set_data_full (G_OBJECT (native), "cz-dossier-id", g_strdup (id), g_free);
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
start_duplicate_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CzStartView *self = CZ_START_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(CzDossier) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  /* Translators: the name of a duplicated dossier; %s is the original's name */
  title = g_strdup_printf (_("%s (copy)"), cz_start_view_get_display_name (self, id));
  copy = cz_store_duplicate_dossier (self->store, id, title, &error);
  if (copy == NULL)
    {
      cz_start_view_show_error (self, _("Could Not Duplicate the Dossier"), error->message);
      return;
    }

  cz_start_view_add_toast (self, _("Dossier duplicated"));
  cz_start_view_reload (self);
}

static void
on_rename_entry_changed (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *text != '\0');
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    CzStartView      *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "cz-dossier-id");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0 || *title == '\0')
    return;

  if (!cz_store_rename_dossier (self->store, id, title, &error))
    {
      cz_start_view_show_error (self, _("Could Not Rename the Dossier"), error->message);
      return;
    }

  cz_start_view_reload (self);
}

static void
start_rename_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CzStartView *self = CZ_START_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (cz_start_view_get_window (self), _("Rename Dossier"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), cz_start_view_get_display_name (self, id));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_rename_entry_changed), dialog, 0);

  g_object_set_data_full (G_OBJECT (dialog), "cz-dossier-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    CzStartView      *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "cz-dossier-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!cz_store_delete_dossier (self->store, id, &error))
    {
      cz_start_view_show_error (self, _("Could Not Delete the Dossier"), error->message);
      return;
    }

  cz_start_view_add_toast (self, _("Dossier deleted"));
  cz_start_view_reload (self);
}

static void
start_delete_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CzStartView *self = CZ_START_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  /* Translators: %s is the name of a dossier */
  heading = g_strdup_printf (_("Delete “%s”?"), cz_start_view_get_display_name (self, id));
  dialog = adw_message_dialog_new (cz_start_view_get_window (self), heading,
                                   _("The dossier and everything entered in it will be removed from this computer. This cannot be undone. Export it first if you may need it again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "cz-dossier-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
cz_start_view_update_actions (CzStartView *self)
{
  gboolean has_store = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.new", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.import", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.sample", has_store && !self->adding_sample);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.rename", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.duplicate", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.export", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "start.delete", has_store);
}

static void
cz_start_view_map (GtkWidget *widget)
{
  CzStartView *self = CZ_START_VIEW (widget);

  GTK_WIDGET_CLASS (cz_start_view_parent_class)->map (widget);

  cz_start_view_focus_default (self);
}

static void
cz_start_view_dispose (GObject *object)
{
  CzStartView *self = CZ_START_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  g_cancellable_cancel (self->sample_cancellable);
  g_clear_object (&self->sample_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_START_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->store);
  g_clear_pointer (&self->infos, g_hash_table_unref);

  G_OBJECT_CLASS (cz_start_view_parent_class)->dispose (object);
}

static void
cz_start_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CzStartView *self = CZ_START_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_DOSSIERS:
      g_value_set_uint (value, self->n_dossiers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_start_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CzStartView *self = CZ_START_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cz_start_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_start_view_class_init (CzStartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_start_view_dispose;
  object_class->get_property = cz_start_view_get_property;
  object_class->set_property = cz_start_view_set_property;

  widget_class->map = cz_start_view_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CZ_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DOSSIERS] =
    g_param_spec_uint ("n-dossiers", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/start/cz-start-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CzStartView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CzStartView, dossier_list);
  gtk_widget_class_bind_template_child (widget_class, CzStartView, create_button);

  gtk_widget_class_install_action (widget_class, "start.new", NULL, start_new_action);
  gtk_widget_class_install_action (widget_class, "start.import", NULL, start_import_action);
  gtk_widget_class_install_action (widget_class, "start.sample", NULL, start_sample_action);
  gtk_widget_class_install_action (widget_class, "start.open", "s", start_open_action);
  gtk_widget_class_install_action (widget_class, "start.rename", "s", start_rename_action);
  gtk_widget_class_install_action (widget_class, "start.duplicate", "s", start_duplicate_action);
  gtk_widget_class_install_action (widget_class, "start.export", "s", start_export_action);
  gtk_widget_class_install_action (widget_class, "start.delete", "s", start_delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "start.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "start.import", NULL);
}

static void
cz_start_view_init (CzStartView *self)
{
  self->infos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  cz_start_view_update_actions (self);
}

GtkWidget *
cz_start_view_new (CzStore *store)
{
  return g_object_new (CZ_TYPE_START_VIEW, "store", store, NULL);
}

CzStore *
cz_start_view_get_store (CzStartView *self)
{
  g_return_val_if_fail (CZ_IS_START_VIEW (self), NULL);

  return self->store;
}

void
cz_start_view_set_store (CzStartView *self,
                         CzStore     *store)
{
  g_return_if_fail (CZ_IS_START_VIEW (self));
  g_return_if_fail (store == NULL || CZ_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  cz_start_view_update_actions (self);
  cz_start_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
cz_start_view_get_loading (CzStartView *self)
{
  g_return_val_if_fail (CZ_IS_START_VIEW (self), FALSE);

  return self->loading;
}

guint
cz_start_view_get_n_dossiers (CzStartView *self)
{
  g_return_val_if_fail (CZ_IS_START_VIEW (self), 0);

  return self->n_dossiers;
}

const char *
cz_start_view_get_state (CzStartView *self)
{
  g_return_val_if_fail (CZ_IS_START_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

GtkListBox *
cz_start_view_get_list_box (CzStartView *self)
{
  g_return_val_if_fail (CZ_IS_START_VIEW (self), NULL);

  return self->dossier_list;
}
