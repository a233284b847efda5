/* cz-evidence-slot-group.c — one evidence slot: files, findings, attaching
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cz-evidence-file-row.h"
#include "cz-evidence-slot-group.h"
#include "cz-finding.h"
#include "cz-message-row.h"

struct _CzEvidenceSlotGroup
{
  AdwPreferencesGroup  parent_instance;

  CzDossier           *dossier;
  CzEvidenceStore     *store;
  CzRules             *rules;
  char                *slot_id;
  const CzEvidenceSlot *slot;

  GHashTable          *inspecting;   /* sha256s a worker asks the store about */
  GHashTable          *file_rows;    /* sha256 → CzEvidenceFileRow (a reference), reused across refreshes */
  GPtrArray           *shown_files;  /* the file rows in the group, in record order */
  GPtrArray           *rows;         /* finding and error rows, removed on refresh */
  GPtrArray           *attach_errors; /* why files could not be attached, until the next try */
  char                *previewed;    /* SHA-256 of the file the page's preview shows */
  GtkWidget           *message_row;  /* the rules engine's findings on the slot, last */
  GtkWidget           *attach_button;
  GCancellable        *cancellable;
  guint                n_importing;
  gboolean             satisfied;
  gboolean             show_findings;
};

enum
{
  PROP_0,
  PROP_DOSSIER,
  PROP_STORE,
  PROP_RULES,
  PROP_SLOT_ID,
  PROP_SATISFIED,
  PROP_BUSY,
  PROP_SHOW_FINDINGS,
  N_PROPS
};

enum { FILE_ACTIVATED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CzEvidenceSlotGroup, cz_evidence_slot_group, ADW_TYPE_PREFERENCES_GROUP)

static void refresh (CzEvidenceSlotGroup *self);

static void
update_actions (CzEvidenceSlotGroup *self)
{
  gboolean idle = self->n_importing == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slot.attach", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slot.replace", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slot.remove", idle);
}

/* Inspection: the store inspects each stored copy once, for this slot and
 * the wizard's checker alike; a copy it has not seen yet (a dossier just
 * opened) is inspected on a worker. */

static void
inspect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CzEvidenceSlotGroup *self = source_object;
  GVariant *record = task_data;
  CzEvidenceLimits limits;

  cz_evidence_limits_for_slot (&limits, self->slot);
  cz_evidence_info_free (cz_evidence_store_inspect (self->store,
                                                    cz_evidence_record_get_text (record, "sha256"),
                                                    cz_evidence_record_get_text (record, "name"),
                                                    &limits));
  g_task_return_boolean (task, TRUE);
}

static void
on_inspected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CzEvidenceSlotGroup *self = CZ_EVIDENCE_SLOT_GROUP (source);
  GVariant *record = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  g_hash_table_remove (self->inspecting, cz_evidence_record_get_text (record, "sha256"));
  refresh (self);
}

/* What the store found in the file of @record, judged for this slot; NULL
 * until it is inspected (which this then starts). */
static CzEvidenceInfo *
dup_info (CzEvidenceSlotGroup *self,
          GVariant            *record)
{
  const char *sha256 = cz_evidence_record_get_text (record, "sha256");
  CzEvidenceLimits limits;
  CzEvidenceInfo *info;
  g_autoptr(GTask) task = NULL;

  cz_evidence_limits_for_slot (&limits, self->slot);
  info = cz_evidence_store_lookup (self->store, sha256, cz_evidence_record_get_text (record, "name"), &limits);
  if (info != NULL || g_hash_table_contains (self->inspecting, sha256))
    return info;

  g_hash_table_add (self->inspecting, g_strdup (sha256));
  task = g_task_new (self, self->cancellable, on_inspected, NULL);
  g_task_set_task_data (task, g_variant_ref (record), (GDestroyNotify) g_variant_unref);
  g_task_run_in_thread (task, inspect_thread);
  return NULL;
}

/* sha256 → CzEvidenceInfo of the slot's files inspected so far. */
static GHashTable *
dup_infos (CzEvidenceSlotGroup *self,
           GPtrArray           *records)
{
  GHashTable *infos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) cz_evidence_info_free);

  for (guint i = 0; i < records->len; i++)
    {
      CzEvidenceInfo *info = dup_info (self, records->pdata[i]);

      if (info != NULL)
        g_hash_table_replace (infos, g_strdup (info->sha256), info);
    }
  return infos;
}

static GPtrArray *dup_findings (CzEvidenceSlotGroup *self,
                                GHashTable          *infos);

/* Rows */

static void
add_row (CzEvidenceSlotGroup *self,
         GtkWidget           *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
message_row (const char *message,
             const char *style_class)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (g_str_equal (style_class, "error")
                                                  ? "dialog-error-symbolic" : "dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, style_class);
  return row;
}


/* Said under the files until the person attaches again. */
static void
add_attach_error (CzEvidenceSlotGroup *self,
                  const char          *message)
{
  GtkWidget *row = g_object_ref_sink (message_row (message, "error"));

  /* Held here too: the files listed meanwhile take it out and put it back. */
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->attach_errors, row);
}

static void
clear_attach_errors (CzEvidenceSlotGroup *self)
{
  for (guint i = 0; i < self->attach_errors->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->attach_errors->pdata[i]);
  g_ptr_array_set_size (self->attach_errors, 0);
}

static void
on_file_row_expanded (CzEvidenceFileRow   *row,
                      GParamSpec          *pspec,
                      CzEvidenceSlotGroup *self)
{
  /* Opening a file's details is selecting it: the preview follows. */
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    cz_evidence_slot_group_activate_file (self, cz_evidence_file_row_get_sha256 (row));
}

/* The row of the file in the preview is marked, for the eye and a screen reader. */
static void
mark_previewed (CzEvidenceSlotGroup *self,
                const char          *sha256,
                CzEvidenceFileRow   *row)
{
  gboolean previewed = g_strcmp0 (sha256, self->previewed) == 0;

  if (previewed)
    gtk_widget_add_css_class (GTK_WIDGET (row), "cz-previewed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "cz-previewed");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, previewed, -1);
}

static CzEvidenceFileRow *
ensure_file_row (CzEvidenceSlotGroup *self,
                 const char          *sha256)
{
  CzEvidenceFileRow *row = g_hash_table_lookup (self->file_rows, sha256);

  if (row == NULL)
    {
      row = CZ_EVIDENCE_FILE_ROW (g_object_ref_sink (cz_evidence_file_row_new (self->dossier, self->slot_id, sha256)));
      g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_file_row_expanded), self, 0);
      g_hash_table_insert (self->file_rows, g_strdup (sha256), row);
      mark_previewed (self, sha256, row);
    }
  return row;
}

static gboolean
same_rows (GPtrArray *a,
           GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (a->pdata[i] != b->pdata[i])
      return FALSE;
  return TRUE;
}

static void
refresh (CzEvidenceSlotGroup *self)
{
  g_autoptr(GPtrArray) records = cz_evidence_dup_records (self->dossier, self->slot_id);
  g_autoptr(GHashTable) infos = dup_infos (self, records);
  g_autoptr(GPtrArray) findings = dup_findings (self, infos);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean satisfied;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < records->len; i++)
    {
      GVariant *record = g_ptr_array_index (records, i);
      const char *sha256 = cz_evidence_record_get_text (record, "sha256");
      CzEvidenceFileRow *row = ensure_file_row (self, sha256);
      CzEvidenceInfo *info = g_hash_table_lookup (infos, sha256);

      cz_evidence_file_row_set_record (row, record);
      cz_evidence_file_row_set_problem (row, info != NULL ? info->problem : NULL);
      g_ptr_array_add (wanted, row);
      g_hash_table_add (present, (gpointer) sha256);
    }

  /* Rows are taken out and put back only when the files or their order changed,
   * so a row being edited keeps its focus while its record is written. */
  if (!same_rows (wanted, self->shown_files))
    {
      for (guint i = 0; i < self->shown_files->len; i++)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->shown_files->pdata[i]);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->message_row);
      g_ptr_array_set_size (self->shown_files, 0);
      for (guint i = 0; i < wanted->len; i++)
        {
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), wanted->pdata[i]);
          g_ptr_array_add (self->shown_files, wanted->pdata[i]);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->message_row);
      for (guint i = 0; i < self->attach_errors->len; i++)
        {
          adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->attach_errors->pdata[i]);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->attach_errors->pdata[i]);
        }
    }
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->file_rows);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (present, key))
        g_hash_table_iter_remove (&iter);
  }

  if (self->show_findings)
    for (guint i = 0; i < findings->len; i++)
      {
        CzFinding *finding = g_ptr_array_index (findings, i);

        add_row (self, message_row (cz_finding_get_message (finding),
                                    cz_finding_get_severity (finding) == CZ_SEVERITY_BLOCKER ? "error" : "warning"));
      }

  satisfied = records->len > 0;
  for (guint i = 0; i < findings->len; i++)
    if (cz_finding_get_severity (g_ptr_array_index (findings, i)) == CZ_SEVERITY_BLOCKER)
      satisfied = FALSE;
  if (satisfied != self->satisfied)
    {
      self->satisfied = satisfied;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFIED]);
    }
}

static void
on_field_changed (CzDossier           *dossier,
                  const char          *field_id,
                  CzValue             *old_value,
                  CzValue             *new_value,
                  CzEvidenceSlotGroup *self)
{
  refresh (self);
}

/* Actions on one file, with its SHA-256 as target */

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CzEvidenceSlotGroup *self = CZ_EVIDENCE_SLOT_GROUP (widget);

  cz_evidence_remove_from_dossier (self->dossier, self->slot_id, g_variant_get_string (parameter, NULL));
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cz_evidence_slot_group_activate_file (CZ_EVIDENCE_SLOT_GROUP (widget), g_variant_get_string (parameter, NULL));
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CzEvidenceSlotGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      /* Translators: %s says why no application could show the file */
      g_autofree char *message = g_strdup_printf (_("The file could not be opened: %s"), error->message);

      add_row (self, message_row (message, "error"));
    }
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CzEvidenceSlotGroup *self = CZ_EVIDENCE_SLOT_GROUP (widget);
  g_autoptr(GFile) file = cz_evidence_store_dup_file (self->store, g_variant_get_string (parameter, NULL));
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  g_autofree char *uri = NULL;

  if (file == NULL)
    return;
  uri = g_file_get_uri (file);
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), self->cancellable,
                                           on_launched, g_object_ref (self));
}

/* Attaching: the files of one choice or drop are copied side by side, and
 * listed in the order they were chosen (not the order the copies finish);
 * the first of them is then shown in the preview. */

typedef struct
{
  CzEvidenceSlotGroup *self;       /* a reference */
  GPtrArray           *infos;      /* CzEvidenceInfo or NULL (failed), in the order chosen */
  GArray              *done;       /* gboolean per file */
  guint                next;       /* the first file not yet listed */
  guint                n_pending;
  char                *first_sha256;
} AttachBatch;

typedef struct
{
  AttachBatch *batch;
  guint        index;
} AttachItem;

static void
attach_batch_free (AttachBatch *batch)
{
  g_object_unref (batch->self);
  g_ptr_array_unref (batch->infos);
  g_array_unref (batch->done);
  g_free (batch->first_sha256);
  g_free (batch);
}

static void
attach_batch_flush (AttachBatch *batch)
{
  CzEvidenceSlotGroup *self = batch->self;

  /* Gone with its page: nothing to list the files in. */
  if (self->dossier == NULL)
    return;
  while (batch->next < batch->infos->len && g_array_index (batch->done, gboolean, batch->next))
    {
      CzEvidenceInfo *info = batch->infos->pdata[batch->next++];

      if (info == NULL)
        continue;
      /* The store remembers what it found: the rows and the checker look it up. */
      cz_evidence_add_to_dossier (self->dossier, self->slot_id, info, NULL);
      if (batch->first_sha256 == NULL)
        batch->first_sha256 = g_strdup (info->sha256);
    }
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AttachItem *item = user_data;
  AttachBatch *batch = item->batch;
  CzEvidenceSlotGroup *self = batch->self;
  g_autoptr(GError) error = NULL;
  CzEvidenceInfo *info = cz_evidence_store_import_finish (CZ_EVIDENCE_STORE (source), result, &error);
  guint index = item->index;

  g_free (item);
  self->n_importing--;
  batch->n_pending--;

  if (info == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_attach_error (self, error->message);
    }
  else if (info->sha256 == NULL)
    {
      /* An image that could not be read: nothing stored, say why here. */
      add_attach_error (self, info->problem->message);
      g_clear_pointer (&info, cz_evidence_info_free);
    }
  batch->infos->pdata[index] = info;
  g_array_index (batch->done, gboolean, index) = TRUE;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    attach_batch_flush (batch);

  if (self->n_importing == 0)
    {
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  if (batch->n_pending == 0)
    {
      if (batch->first_sha256 != NULL && self->dossier != NULL)
        cz_evidence_slot_group_activate_file (self, batch->first_sha256);
      attach_batch_free (batch);
    }
}

/* Replacing: the new file takes the old record's title, issuer, date and
 * pages, then the old one goes. */
typedef struct
{
  CzEvidenceSlotGroup *self;        /* a reference */
  char                *old_sha256;
} Replacement;

static void
replacement_free (Replacement *replacement)
{
  g_object_unref (replacement->self);
  g_free (replacement->old_sha256);
  g_free (replacement);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Replacement, replacement_free)

static void
on_replacement_imported (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(Replacement) replacement = user_data;
  CzEvidenceSlotGroup *self = replacement->self;
  const char *old_sha256 = replacement->old_sha256;
  g_autoptr(GError) error = NULL;
  g_autoptr(CzEvidenceInfo) info = cz_evidence_store_import_finish (CZ_EVIDENCE_STORE (source), result, &error);
  g_autoptr(GPtrArray) records = NULL;
  GVariant *old = NULL;

  self->n_importing--;
  if (self->n_importing == 0)
    {
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  if (info == NULL || info->sha256 == NULL)
    {
      if (info != NULL || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_attach_error (self, info ? info->problem->message : error->message);
      return;
    }

  records = cz_evidence_dup_records (self->dossier, self->slot_id);
  for (guint i = 0; i < records->len; i++)
    if (g_str_equal (cz_evidence_record_get_text (records->pdata[i], "sha256"), old_sha256))
      old = records->pdata[i];

  if (g_str_equal (info->sha256, old_sha256))
    return;
  cz_evidence_add_to_dossier (self->dossier, self->slot_id, info,
                              old ? cz_evidence_record_get_text (old, "pages") : NULL);
  if (old != NULL)
    {
      static const char * const members[] = { "title", "issuer", "date" };

      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        if (cz_evidence_record_get_text (old, members[i])[0] != '\0')
          cz_evidence_set_member (self->dossier, self->slot_id, info->sha256, members[i],
                                  cz_evidence_record_get_text (old, members[i]));
      cz_evidence_remove_from_dossier (self->dossier, self->slot_id, old_sha256);
    }
}

void
cz_evidence_slot_group_replace_file (CzEvidenceSlotGroup *self,
                                     const char          *sha256,
                                     GFile               *file)
{
  CzEvidenceLimits limits;
  Replacement *replacement;

  g_return_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self));
  g_return_if_fail (sha256 != NULL);
  g_return_if_fail (G_IS_FILE (file));

  cz_evidence_limits_for_slot (&limits, self->slot);
  clear_attach_errors (self);
  replacement = g_new0 (Replacement, 1);
  replacement->self = g_object_ref (self);
  replacement->old_sha256 = g_strdup (sha256);
  self->n_importing++;
  cz_evidence_store_import_async (self->store, file, &limits, self->cancellable,
                                  on_replacement_imported, replacement);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_replace_chooser_response (GtkNativeDialog     *chooser,
                             int                  response,
                             CzEvidenceSlotGroup *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *sha256 = g_object_get_data (G_OBJECT (chooser), "cz-sha256");

      if (file != NULL)
        cz_evidence_slot_group_replace_file (self, sha256, file);
    }
  g_object_unref (chooser);
}

void
cz_evidence_slot_group_attach_files (CzEvidenceSlotGroup *self,
                                     GListModel          *files)
{
  CzEvidenceLimits limits;
  AttachBatch *batch;

  g_return_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  cz_evidence_limits_for_slot (&limits, self->slot);
  clear_attach_errors (self);
  batch = g_new0 (AttachBatch, 1);
  batch->self = g_object_ref (self);
  batch->infos = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_evidence_info_free);
  batch->done = g_array_new (FALSE, TRUE, sizeof (gboolean));
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      AttachItem *item;

      if (!G_IS_FILE (file))
        continue;
      item = g_new0 (AttachItem, 1);
      item->batch = batch;
      item->index = batch->infos->len;
      g_ptr_array_add (batch->infos, NULL);
      g_array_set_size (batch->done, batch->infos->len);
      batch->n_pending++;
      self->n_importing++;
      cz_evidence_store_import_async (self->store, file, &limits, self->cancellable, on_imported, item);
    }
  if (batch->n_pending == 0)
    attach_batch_free (batch);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_chooser_response (GtkNativeDialog     *chooser,
                     int                  response,
                     CzEvidenceSlotGroup *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      cz_evidence_slot_group_attach_files (self, files);
    }
  g_object_unref (chooser);
}

static GtkFileChooserNative *
new_chooser (CzEvidenceSlotGroup *self,
             const char          *title,
             const char          *accept_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, accept_label, _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents and scans"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CzEvidenceSlotGroup *self = CZ_EVIDENCE_SLOT_GROUP (widget);
  GtkFileChooserNative *chooser;
  /* Translators: title of the file chooser; %s is the document asked for */
  g_autofree char *title = g_strdup_printf (_("Attach “%s”"),
                                            cz_evidence_slot_get_title (self->slot, cz_rules_pick_language (NULL)));

  chooser = new_chooser (self, title, _("_Attach"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
replace_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CzEvidenceSlotGroup *self = CZ_EVIDENCE_SLOT_GROUP (widget);
  GtkFileChooserNative *chooser;
  /* Translators: title of the file chooser picking a file in place of an attached one */
  g_autofree char *title = g_strdup_printf (_("Replace a File of “%s”"),
                                            cz_evidence_slot_get_title (self->slot, cz_rules_pick_language (NULL)));

  chooser = new_chooser (self, title, _("_Replace"));
  g_object_set_data_full (G_OBJECT (chooser), "cz-sha256", g_variant_dup_string (parameter, NULL), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_replace_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop (GtkDropTarget       *target,
         const GValue        *value,
         double               x,
         double               y,
         CzEvidenceSlotGroup *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    return FALSE;
  cz_evidence_slot_group_attach_files (self, G_LIST_MODEL (files));
  return TRUE;
}

/* GObject */

static void
cz_evidence_slot_group_constructed (GObject *object)
{
  CzEvidenceSlotGroup *self = CZ_EVIDENCE_SLOT_GROUP (object);
  const char *language = cz_rules_pick_language (NULL);

  G_OBJECT_CLASS (cz_evidence_slot_group_parent_class)->constructed (object);

  g_return_if_fail (self->dossier != NULL && self->store != NULL && self->rules != NULL && self->slot_id != NULL);
  for (guint i = 0; i < cz_rules_get_n_evidence_slots (self->rules); i++)
    if (g_str_equal (cz_evidence_slot_get_id (cz_rules_get_evidence_slot (self->rules, i)), self->slot_id))
      self->slot = cz_rules_get_evidence_slot (self->rules, i);
  g_return_if_fail (self->slot != NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), cz_evidence_slot_get_title (self->slot, language));
  {
    /* Eight "Attach…" buttons in a row: a screen reader names the document too. */
    /* Translators: accessible name of the Attach button of an evidence slot; %s is the document asked for */
    g_autofree char *label = g_strdup_printf (_("Attach “%s”…"), cz_evidence_slot_get_title (self->slot, language));

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->attach_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         cz_evidence_slot_get_required (self->slot)
                                           ? _("Required. PDF, or JPEG/PNG scans; drop files here.")
                                           : _("Optional. PDF, or JPEG/PNG scans; drop files here."));
  g_signal_connect_object (self->dossier, "field-changed::" CZ_FIELD_EVIDENCE_FILES,
                           G_CALLBACK (on_field_changed), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->message_row);
  refresh (self);
  update_actions (self);
}

static void
cz_evidence_slot_group_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CzEvidenceSlotGroup *self = CZ_EVIDENCE_SLOT_GROUP (object);

  switch (prop_id)
    {
    case PROP_DOSSIER: g_value_set_object (value, self->dossier); break;
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_RULES: g_value_set_object (value, self->rules); break;
    case PROP_SLOT_ID: g_value_set_string (value, self->slot_id); break;
    case PROP_SATISFIED: g_value_set_boolean (value, self->satisfied); break;
    case PROP_BUSY: g_value_set_boolean (value, self->n_importing > 0); break;
    case PROP_SHOW_FINDINGS: g_value_set_boolean (value, self->show_findings); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_evidence_slot_group_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CzEvidenceSlotGroup *self = CZ_EVIDENCE_SLOT_GROUP (object);

  switch (prop_id)
    {
    case PROP_DOSSIER: self->dossier = g_value_dup_object (value); break;
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_RULES: self->rules = g_value_dup_object (value); break;
    case PROP_SLOT_ID: self->slot_id = g_value_dup_string (value); break;
    case PROP_SHOW_FINDINGS: cz_evidence_slot_group_set_show_findings (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_evidence_slot_group_dispose (GObject *object)
{
  CzEvidenceSlotGroup *self = CZ_EVIDENCE_SLOT_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->dossier);
  g_clear_object (&self->store);
  g_clear_object (&self->rules);
  if (self->file_rows != NULL)
    g_hash_table_remove_all (self->file_rows);
  g_clear_object (&self->message_row);
  if (self->attach_errors != NULL)
    g_ptr_array_set_size (self->attach_errors, 0);

  G_OBJECT_CLASS (cz_evidence_slot_group_parent_class)->dispose (object);
}

static void
cz_evidence_slot_group_finalize (GObject *object)
{
  CzEvidenceSlotGroup *self = CZ_EVIDENCE_SLOT_GROUP (object);

  g_free (self->slot_id);
  g_free (self->previewed);
  g_hash_table_unref (self->inspecting);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->attach_errors);
  g_ptr_array_unref (self->shown_files);
  g_hash_table_unref (self->file_rows);

  G_OBJECT_CLASS (cz_evidence_slot_group_parent_class)->finalize (object);
}

static void
cz_evidence_slot_group_class_init (CzEvidenceSlotGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cz_evidence_slot_group_constructed;
  object_class->get_property = cz_evidence_slot_group_get_property;
  object_class->set_property = cz_evidence_slot_group_set_property;
  object_class->dispose = cz_evidence_slot_group_dispose;
  object_class->finalize = cz_evidence_slot_group_finalize;

  properties[PROP_DOSSIER] = g_param_spec_object ("dossier", NULL, NULL, CZ_TYPE_DOSSIER,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CZ_TYPE_EVIDENCE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULES] = g_param_spec_object ("rules", NULL, NULL, CZ_TYPE_RULES,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLOT_ID] = g_param_spec_string ("slot-id", NULL, NULL, NULL,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SATISFIED] = g_param_spec_boolean ("satisfied", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_FINDINGS] = g_param_spec_boolean ("show-findings", NULL, NULL, TRUE,
                                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FILE_ACTIVATED] = g_signal_new ("file-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_FILE);

  gtk_widget_class_install_action (widget_class, "slot.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "slot.preview", "s", preview_action);
  gtk_widget_class_install_action (widget_class, "slot.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "slot.replace", "s", replace_action);
  gtk_widget_class_install_action (widget_class, "slot.remove", "s", remove_action);
}

static void
cz_evidence_slot_group_init (CzEvidenceSlotGroup *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  self->inspecting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_ptr_array_new ();
  self->attach_errors = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown_files = g_ptr_array_new ();
  self->file_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->show_findings = TRUE;


  self->attach_button = gtk_button_new_with_mnemonic (_("_Attach…"));
  /* Translators: tooltip of the Attach button of an evidence slot */
  gtk_widget_set_tooltip_text (self->attach_button, _("Choose PDF files or JPEG/PNG scans, or drop them on this list"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->attach_button), "slot.attach");
  gtk_widget_set_valign (self->attach_button, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->attach_button);

  /* Taken out and put back after the files: the group keeps it alive meanwhile.
   * Its target is the Attach button: what to do, and what a screen reader
   * reads with the finding when the review sends the focus there. */
  self->message_row = g_object_ref_sink (cz_message_row_new (self->attach_button));

  gtk_widget_add_css_class (GTK_WIDGET (self), "cz-evidence-slot");
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
cz_evidence_slot_group_new (CzDossier       *dossier,
                            CzEvidenceStore *store,
                            CzRules         *rules,
                            const char      *slot_id)
{
  return g_object_new (CZ_TYPE_EVIDENCE_SLOT_GROUP,
                       "dossier", dossier, "store", store, "rules", rules, "slot-id", slot_id, NULL);
}

const char *
cz_evidence_slot_group_get_slot_id (CzEvidenceSlotGroup *self)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self), NULL);
  return self->slot_id;
}

gboolean
cz_evidence_slot_group_get_satisfied (CzEvidenceSlotGroup *self)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self), FALSE);
  return self->satisfied;
}

gboolean
cz_evidence_slot_group_get_busy (CzEvidenceSlotGroup *self)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self), FALSE);
  return self->n_importing > 0;
}

static GPtrArray *
dup_findings (CzEvidenceSlotGroup *self,
              GHashTable          *infos)
{
  g_autoptr(GPtrArray) all = cz_evidence_dup_findings (self->dossier, self->rules, infos);
  g_autofree char *field_id = g_strconcat (CZ_EVIDENCE_FIELD_PREFIX, self->slot_id, NULL);
  GPtrArray *mine = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (cz_finding_get_field_id (g_ptr_array_index (all, i)), field_id) == 0)
      g_ptr_array_add (mine, g_object_ref (g_ptr_array_index (all, i)));
  return mine;
}

GPtrArray *
cz_evidence_slot_group_dup_findings (CzEvidenceSlotGroup *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) infos = NULL;

  g_return_val_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self), NULL);

  records = cz_evidence_dup_records (self->dossier, self->slot_id);
  infos = dup_infos (self, records);
  return dup_findings (self, infos);
}

/**
 * cz_evidence_slot_group_activate_file:
 *
 * Selects the file @sha256 of this slot: "file-activated" is emitted with its
 * stored copy, for a preview to show.
 */
void
cz_evidence_slot_group_activate_file (CzEvidenceSlotGroup *self,
                                      const char          *sha256)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self));
  g_return_if_fail (sha256 != NULL);

  file = cz_evidence_store_dup_file (self->store, sha256);
  if (file != NULL)
    g_signal_emit (self, signals[FILE_ACTIVATED], 0, sha256, file);
}

gboolean
cz_evidence_slot_group_get_show_findings (CzEvidenceSlotGroup *self)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self), FALSE);
  return self->show_findings;
}

void
cz_evidence_slot_group_set_show_findings (CzEvidenceSlotGroup *self,
                                          gboolean             show_findings)
{
  g_return_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self));

  show_findings = !!show_findings;
  if (self->show_findings == show_findings)
    return;
  self->show_findings = show_findings;
  if (self->dossier != NULL && self->slot != NULL)
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_FINDINGS]);
}

CzMessageRow *
cz_evidence_slot_group_get_message_row (CzEvidenceSlotGroup *self)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self), NULL);
  return CZ_MESSAGE_ROW (self->message_row);
}

GtkWidget *
cz_evidence_slot_group_get_attach_button (CzEvidenceSlotGroup *self)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self), NULL);
  return self->attach_button;
}

/* The row of the file @sha256, or NULL. */
CzEvidenceFileRow *
cz_evidence_slot_group_get_file_row (CzEvidenceSlotGroup *self,
                                     const char          *sha256)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self), NULL);
  return g_hash_table_lookup (self->file_rows, sha256);
}

/**
 * cz_evidence_slot_group_set_previewed:
 * @sha256: (nullable): the file a preview shows, of this slot or another
 *
 * Marks the row of the file shown in the page's preview.
 */
void
cz_evidence_slot_group_set_previewed (CzEvidenceSlotGroup *self,
                                      const char          *sha256)
{
  GHashTableIter iter;
  gpointer key, row;

  g_return_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self));

  g_free (self->previewed);
  self->previewed = g_strdup (sha256);
  g_hash_table_iter_init (&iter, self->file_rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    mark_previewed (self, key, row);
}
