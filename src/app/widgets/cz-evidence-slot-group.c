/* cz-evidence-slot-group.c — one evidence slot: files, findings, attaching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cz-evidence-slot-group.h"
#include "cz-finding.h"

struct _CzEvidenceSlotGroup
{
  AdwPreferencesGroup  parent_instance;

  CzDossier           *dossier;
  CzEvidenceStore     *store;
  CzRules             *rules;
  char                *slot_id;
  const CzEvidenceSlot *slot;

  GHashTable          *infos;        /* sha256 → CzEvidenceInfo, inspected on a worker */
  GHashTable          *inspecting;   /* sha256 set */
  GPtrArray           *rows;         /* rows added to the group, removed on refresh */
  GtkWidget           *attach_button;
  GCancellable        *cancellable;
  guint                n_importing;
  gboolean             satisfied;
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slot.attach", self->n_importing == 0);
}

/* Inspection of files already in the dossier, one worker task each. */

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
  g_task_return_pointer (task,
                         cz_evidence_store_inspect (self->store,
                                                    cz_evidence_record_get_text (record, "sha256"),
                                                    cz_evidence_record_get_text (record, "name"),
                                                    &limits),
                         (GDestroyNotify) cz_evidence_info_free);
}

static void
on_inspected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CzEvidenceSlotGroup *self = CZ_EVIDENCE_SLOT_GROUP (source);
  CzEvidenceInfo *info = g_task_propagate_pointer (G_TASK (result), NULL);

  if (info == NULL)
    return;
  g_hash_table_remove (self->inspecting, info->sha256);
  g_hash_table_replace (self->infos, g_strdup (info->sha256), info);
  refresh (self);
}

static void
inspect_record (CzEvidenceSlotGroup *self,
                GVariant            *record)
{
  const char *sha256 = cz_evidence_record_get_text (record, "sha256");
  g_autoptr(GTask) task = NULL;

  if (g_hash_table_contains (self->infos, sha256) || g_hash_table_contains (self->inspecting, sha256))
    return;
  g_hash_table_add (self->inspecting, g_strdup (sha256));
  task = g_task_new (self, self->cancellable, on_inspected, NULL);
  g_task_set_task_data (task, g_variant_ref (record), (GDestroyNotify) g_variant_unref);
  g_task_run_in_thread (task, inspect_thread);
}

/* Rows */

static void
on_remove_clicked (GtkButton           *button,
                   CzEvidenceSlotGroup *self)
{
  const char *sha256 = g_object_get_data (G_OBJECT (button), "cz-sha256");

  cz_evidence_remove_from_dossier (self->dossier, self->slot_id, sha256);
}

static void
on_row_activated (AdwActionRow        *row,
                  CzEvidenceSlotGroup *self)
{
  const char *sha256 = g_object_get_data (G_OBJECT (row), "cz-sha256");
  g_autoptr(GFile) file = cz_evidence_store_dup_file (self->store, sha256);

  if (file != NULL)
    g_signal_emit (self, signals[FILE_ACTIVATED], 0, sha256, file);
}

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

static void
refresh (CzEvidenceSlotGroup *self)
{
  g_autoptr(GPtrArray) records = cz_evidence_dup_records (self->dossier, self->slot_id);
  g_autoptr(GPtrArray) findings = cz_evidence_slot_group_dup_findings (self);
  const char *language = cz_rules_pick_language (NULL);
  gboolean satisfied;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < records->len; i++)
    {
      GVariant *record = g_ptr_array_index (records, i);
      const char *sha256 = cz_evidence_record_get_text (record, "sha256");
      const char *title = cz_evidence_record_get_text (record, "title");
      const char *pages = cz_evidence_record_get_text (record, "pages");
      g_autofree char *size = g_format_size ((guint64) cz_evidence_record_get_int (record, "size"));
      g_autofree char *citation = pages[0] != '\0' ? cz_page_ranges_dup_citation (pages, language) : NULL;
      g_autofree char *subtitle = NULL;
      gint64 n_pages = cz_evidence_record_get_int (record, "page_count");
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      {
        /* Translators: the number of pages of an attached document */
        g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d page", "%d pages", (gulong) n_pages),
                                                  (int) n_pages);

        subtitle = g_strdup_printf ("%s · %s · %s%s%s", cz_evidence_record_get_text (record, "name"),
                                    count, size, citation != NULL ? " · " : "", citation != NULL ? citation : "");
      }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title[0] != '\0' ? title : cz_evidence_record_get_text (record, "name"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "cz-sha256", g_strdup (sha256), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self, 0);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove"), -1);
      g_object_set_data_full (G_OBJECT (remove), "cz-sha256", g_strdup (sha256), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      add_row (self, row);

      inspect_record (self, record);
    }

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

/* Attaching */

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CzEvidenceSlotGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  CzEvidenceInfo *info = cz_evidence_store_import_finish (CZ_EVIDENCE_STORE (source), result, &error);

  self->n_importing--;
  if (self->n_importing == 0)
    {
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }

  if (info == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          GtkWidget *row = message_row (error->message, "error");

          add_row (self, row);
        }
      return;
    }
  if (info->sha256 == NULL)
    {
      /* An image that could not be read: nothing stored, say why here. */
      add_row (self, message_row (info->problem->message, "error"));
      cz_evidence_info_free (info);
      return;
    }
  g_hash_table_replace (self->infos, g_strdup (info->sha256), info);
  cz_evidence_add_to_dossier (self->dossier, self->slot_id, info, NULL);
  refresh (self);
}

void
cz_evidence_slot_group_attach_files (CzEvidenceSlotGroup *self,
                                     GListModel          *files)
{
  CzEvidenceLimits limits;

  g_return_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  cz_evidence_limits_for_slot (&limits, self->slot);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      if (!G_IS_FILE (file))
        continue;
      self->n_importing++;
      cz_evidence_store_import_async (self->store, file, &limits, self->cancellable,
                                      on_imported, g_object_ref (self));
    }
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

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CzEvidenceSlotGroup *self = CZ_EVIDENCE_SLOT_GROUP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* Translators: title of the file chooser; %s is the document asked for */
  g_autofree char *title = g_strdup_printf (_("Attach “%s”"),
                                            cz_evidence_slot_get_title (self->slot, cz_rules_pick_language (NULL)));

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents and scans"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
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
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         cz_evidence_slot_get_required (self->slot)
                                           ? _("Required. PDF, or JPEG/PNG scans; drop files here.")
                                           : _("Optional. PDF, or JPEG/PNG scans; drop files here."));
  g_signal_connect_object (self->dossier, "field-changed::" CZ_FIELD_EVIDENCE_FILES,
                           G_CALLBACK (on_field_changed), self, 0);
  refresh (self);
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

  G_OBJECT_CLASS (cz_evidence_slot_group_parent_class)->dispose (object);
}

static void
cz_evidence_slot_group_finalize (GObject *object)
{
  CzEvidenceSlotGroup *self = CZ_EVIDENCE_SLOT_GROUP (object);

  g_free (self->slot_id);
  g_hash_table_unref (self->infos);
  g_hash_table_unref (self->inspecting);
  g_ptr_array_unref (self->rows);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FILE_ACTIVATED] = g_signal_new ("file-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_FILE);

  gtk_widget_class_install_action (widget_class, "slot.attach", NULL, attach_action);
}

static void
cz_evidence_slot_group_init (CzEvidenceSlotGroup *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  self->infos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cz_evidence_info_free);
  self->inspecting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  self->attach_button = gtk_button_new_with_mnemonic (_("_Attach…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->attach_button), "slot.attach");
  gtk_widget_set_valign (self->attach_button, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->attach_button);

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

GPtrArray *
cz_evidence_slot_group_dup_findings (CzEvidenceSlotGroup *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *field_id = NULL;
  GPtrArray *mine;

  g_return_val_if_fail (CZ_IS_EVIDENCE_SLOT_GROUP (self), NULL);

  all = cz_evidence_dup_findings (self->dossier, self->rules, self->infos);
  field_id = g_strconcat (CZ_EVIDENCE_FIELD_PREFIX, self->slot_id, NULL);
  mine = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (cz_finding_get_field_id (g_ptr_array_index (all, i)), field_id) == 0)
      g_ptr_array_add (mine, g_object_ref (g_ptr_array_index (all, i)));
  return mine;
}
