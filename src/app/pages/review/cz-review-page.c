/* cz-review-page.c — the Review step: every finding by step, the score, readiness to pack
 *
 * Rebuilt from the validator's findings (~150 ms after they last changed, and
 * each time the page is shown). Each finding is an activatable row: it asks
 * the wizard (through the `wizard.focus-field` action, so this page knows no
 * other page) to open the finding's step and focus its field.
 *
 * "Export Application Form…" (`review.export-form`) saves the printable
 * 申报表 as a draft PDF, rendered on a worker; the signed archive carries the
 * final form, so this one is always marked 草稿.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-evidence.h"
#include "archive/cz-pack-group.h"
#include "cz-fields.h"
#include "cz-form.h"
#include "cz-review-page.h"
#include "cz-score.h"

#define REVIEW_DEBOUNCE_MS 150

struct _CzReviewPage
{
  CzWizardPage         parent_instance;

  AdwPreferencesPage  *preferences_page;
  AdwPreferencesGroup *status_group;
  AdwActionRow        *status_row;
  GtkImage            *status_icon;
  AdwPreferencesGroup *score_group;
  AdwActionRow        *total_row;
  GtkLabel            *total_label;
  GtkSpinner          *export_spinner;

  GCancellable        *export_cancellable;  /* while the form is being written */

  GPtrArray           *score_rows;     /* of AdwActionRow in score_group */
  GPtrArray           *step_groups;    /* of AdwPreferencesGroup */
  GPtrArray           *finding_rows;   /* of AdwActionRow */
  CzValidator         *bound_validator;
  gulong               items_changed_id;
  guint                rebuild_id;
};

G_DEFINE_FINAL_TYPE (CzReviewPage, cz_review_page, CZ_TYPE_WIZARD_PAGE)

static const char *
severity_icon (CzSeverity severity)
{
  switch (severity)
    {
    case CZ_SEVERITY_BLOCKER:
      return "dialog-error-symbolic";
    case CZ_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case CZ_SEVERITY_HINT:
    case CZ_N_SEVERITIES:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_style (CzSeverity severity)
{
  switch (severity)
    {
    case CZ_SEVERITY_BLOCKER:
      return "error";
    case CZ_SEVERITY_WARNING:
      return "warning";
    case CZ_SEVERITY_HINT:
    case CZ_N_SEVERITIES:
    default:
      return "accent";
    }
}

static void
on_finding_activated (AdwActionRow *row,
                      CzReviewPage *self)
{
  const char *field_id = g_object_get_data (G_OBJECT (row), "cz-field-id");
  const char *step_id = g_object_get_data (G_OBJECT (row), "cz-step-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (field_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "wizard.focus-field", "s", field_id);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "wizard.show-step", "s", step_id);

  /* Clicked with the mouse, the field would take focus without its ring: show
   * where the finding is. */
  if (field_id != NULL && GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
}

static GtkWidget *
cz_review_page_new_finding_row (CzReviewPage *self,
                                CzFinding    *finding)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (cz_finding_get_severity (finding)));
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *title = g_markup_escape_text (cz_finding_get_message (finding), -1);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *description = NULL;
  const char *citation = cz_finding_get_citation (finding);

  g_string_append (subtitle, cz_severity_get_label (cz_finding_get_severity (finding)));
  if (citation != NULL && *citation != '\0')
    {
      g_string_append (subtitle, " · ");
      /* Translators: where the rule of a finding comes from; %s is a document and article */
      g_string_append_printf (subtitle, _("Source: %s"), citation);
    }
  if (cz_finding_get_provisional (finding))
    /* Translators: appended to a finding whose rule is not yet confirmed */
    g_string_append (subtitle, _(" (provisional)"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle->str, -1);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  }
  gtk_widget_add_css_class (icon, severity_style (cz_finding_get_severity (finding)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cz_severity_get_label (cz_finding_get_severity (finding)), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  description = g_strdup (subtitle->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  g_object_set_data_full (G_OBJECT (row), "cz-field-id", g_strdup (cz_finding_get_field_id (finding)), g_free);
  g_object_set_data_full (G_OBJECT (row), "cz-rule-id", g_strdup (cz_finding_get_rule_id (finding)), g_free);
  g_object_set_data (G_OBJECT (row), "cz-step-id", (gpointer) cz_step_to_id (cz_finding_get_step (finding)));
  g_signal_connect_object (row, "activated", G_CALLBACK (on_finding_activated), self, 0);
  return row;
}

static void
cz_review_page_update_status (CzReviewPage *self,
                              CzValidator  *validator)
{
  guint blockers = cz_validator_get_n_blockers (validator);
  guint warnings = cz_validator_get_n_warnings (validator);
  g_autofree char *blockers_part = NULL;
  g_autofree char *warnings_part = NULL;
  g_autofree char *subtitle = NULL;

  if (blockers == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Ready to pack"));
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      gtk_widget_set_css_classes (GTK_WIDGET (self->status_icon), (const char *[]) { "success", NULL });
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Not ready to pack"));
      gtk_image_set_from_icon_name (self->status_icon, "dialog-error-symbolic");
      gtk_widget_set_css_classes (GTK_WIDGET (self->status_icon), (const char *[]) { "error", NULL });
    }

  blockers_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u blocker", "%u blockers", blockers), blockers);
  warnings_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
  /* Translators: counts of findings on the review page: "3 blockers, 2 warnings" */
  subtitle = g_strdup_printf (_("%s, %s"), blockers_part, warnings_part);
  adw_action_row_set_subtitle (self->status_row, subtitle);
}

static void
cz_review_page_update_score (CzReviewPage *self,
                             CzValidator  *validator)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  g_autoptr(CzScore) score = cz_score_new (cz_validator_get_rules (validator), dossier, NULL);
  g_autofree char *total = cz_score_format_tenths (cz_score_get_total_tenths (score));
  g_autofree char *total_text = g_strdup_printf ("%s / %u", total, cz_score_get_max_points (score));

  for (guint i = 0; i < self->score_rows->len; i++)
    adw_preferences_group_remove (self->score_group, g_ptr_array_index (self->score_rows, i));
  g_ptr_array_set_size (self->score_rows, 0);

  gtk_label_set_text (self->total_label, total_text);
  adw_preferences_group_set_description (self->score_group,
                                         cz_score_get_provisional (score)
                                         ? _("Provisional: the official indicator table has not been published, so the indicators and points are our estimate.")
                                         : NULL);

  for (guint d = 0; d < cz_score_get_n_dimensions (score); d++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label;
      g_autofree char *points = cz_score_format_tenths (cz_score_get_dimension_tenths (score, d));
      g_autofree char *text = g_strdup_printf ("%s / %u", points, cz_score_get_dimension_points (score, d));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cz_score_get_dimension_title (score, d));
      label = gtk_label_new (text);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (self->score_group, row);
      g_ptr_array_add (self->score_rows, row);
    }
}

static const char *
slot_title (CzRules    *rules,
            const char *slot_id)
{
  for (guint i = 0; i < cz_rules_get_n_evidence_slots (rules); i++)
    {
      const CzEvidenceSlot *slot = cz_rules_get_evidence_slot (rules, i);

      if (g_strcmp0 (cz_evidence_slot_get_id (slot), slot_id) == 0)
        return cz_evidence_slot_get_title (slot, cz_rules_pick_language (NULL));
    }
  return slot_id;
}

/* The pages each attached file is cited for, as the archive's index lists them. */
static void
cz_review_page_add_citations (CzReviewPage *self,
                              CzValidator  *validator)
{
  g_autoptr(GPtrArray) records = cz_evidence_dup_records (cz_validator_get_dossier (validator), NULL);
  AdwPreferencesGroup *group = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      GVariant *record = records->pdata[i];
      const char *pages = cz_evidence_record_get_text (record, "pages");
      const char *title = cz_evidence_record_get_text (record, "title");
      const char *slot_id = cz_evidence_record_get_text (record, "slot");
      g_autofree char *citation = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *field_id = NULL;
      GtkWidget *row;

      if (pages[0] == '\0')
        continue;
      if (group == NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          /* Translators: heading in the review over the attached files and the pages they are cited for */
          adw_preferences_group_set_title (group, _("Evidence Cited"));
        }
      citation = cz_page_ranges_dup_citation (pages, cz_rules_pick_language (NULL));
      subtitle = g_strdup_printf ("%s · %s", slot_title (cz_validator_get_rules (validator), slot_id), citation);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     title[0] != '\0' ? title : cz_evidence_record_get_text (record, "name"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-document-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      field_id = g_strconcat (CZ_EVIDENCE_FIELD_PREFIX, slot_id, NULL);
      g_object_set_data_full (G_OBJECT (row), "cz-field-id", g_steal_pointer (&field_id), g_free);
      g_object_set_data (G_OBJECT (row), "cz-step-id", (gpointer) cz_step_to_id (CZ_STEP_EVIDENCE));
      g_signal_connect_object (row, "activated", G_CALLBACK (on_finding_activated), self, 0);
      adw_preferences_group_add (group, row);
    }
  if (group != NULL)
    {
      adw_preferences_page_add (self->preferences_page, group);
      g_ptr_array_add (self->step_groups, group);
    }
}

static void
cz_review_page_rebuild (CzReviewPage *self)
{
  CzValidator *validator = cz_wizard_page_get_validator (CZ_WIZARD_PAGE (self));
  AdwPreferencesGroup *groups[CZ_N_STEPS] = { NULL };
  guint n;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  for (guint i = 0; i < self->step_groups->len; i++)
    adw_preferences_page_remove (self->preferences_page, g_ptr_array_index (self->step_groups, i));
  g_ptr_array_set_size (self->step_groups, 0);
  g_ptr_array_set_size (self->finding_rows, 0);

  if (validator == NULL)
    return;

  cz_review_page_update_status (self, validator);
  cz_review_page_update_score (self, validator);

  n = g_list_model_get_n_items (G_LIST_MODEL (validator));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CzFinding) finding = g_list_model_get_item (G_LIST_MODEL (validator), i);
      CzStep step = cz_finding_get_step (finding);
      GtkWidget *row;

      if (step >= CZ_N_STEPS)
        continue;
      if (groups[step] == NULL)
        {
          groups[step] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (groups[step], cz_step_get_title (step));
        }
      row = cz_review_page_new_finding_row (self, finding);
      adw_preferences_group_add (groups[step], row);
      g_ptr_array_add (self->finding_rows, row);
    }

  /* Groups in the order of the steps, after the status and the score. */
  for (guint s = 0; s < CZ_N_STEPS; s++)
    if (groups[s] != NULL)
      {
        adw_preferences_page_add (self->preferences_page, groups[s]);
        g_ptr_array_add (self->step_groups, groups[s]);
      }

  cz_review_page_add_citations (self, validator);
}

static gboolean
on_rebuild_timeout (gpointer data)
{
  CzReviewPage *self = data;

  self->rebuild_id = 0;
  cz_review_page_rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_items_changed (CzReviewPage *self)
{
  /* Nobody reads a page that is not shown: it is rebuilt when it is mapped. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->rebuild_id = g_timeout_add (REVIEW_DEBOUNCE_MS, on_rebuild_timeout, self);
}

static void
on_validator_changed (CzReviewPage *self)
{
  CzValidator *validator = cz_wizard_page_get_validator (CZ_WIZARD_PAGE (self));

  g_clear_signal_handler (&self->items_changed_id, self->bound_validator);
  g_set_object (&self->bound_validator, validator);
  if (validator != NULL)
    self->items_changed_id = g_signal_connect_object (validator, "items-changed",
                                                      G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  cz_review_page_rebuild (self);
}

static void
cz_review_page_update_actions (CzReviewPage *self)
{
  gboolean exporting = self->export_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export-form", !exporting);
  gtk_spinner_set_spinning (self->export_spinner, exporting);
  gtk_widget_set_visible (GTK_WIDGET (self->export_spinner), exporting);
}

static void
on_open_form_clicked (AdwToast *toast,
                      GFile    *file)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (g_object_get_data (G_OBJECT (toast), "cz-page")),
                                                ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRoot *root = overlay ? gtk_widget_get_root (overlay) : NULL;

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
cz_review_page_show_saved (CzReviewPage *self,
                           GFile        *file)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  /* Translators: the application form was written to the chosen file */
  toast = adw_toast_new (_("Saved"));
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data (G_OBJECT (toast), "cz-page", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_form_clicked),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
cz_review_page_show_export_error (CzReviewPage *self,
                                  const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The Application Form Was Not Saved"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  CzReviewPage *self;
  GFile        *file;
} ExportData;

static void
on_form_exported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(CzReviewPage) self = data->self;
  g_autoptr(GFile) file = data->file;
  g_autoptr(GError) error = NULL;
  gboolean saved = cz_form_render_to_file_finish (result, &error);

  g_free (data);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->export_cancellable);
  cz_review_page_update_actions (self);
  if (saved)
    cz_review_page_show_saved (self, file);
  else
    cz_review_page_show_export_error (self, error);
}

void
cz_review_page_export_form_to (CzReviewPage *self,
                               GFile        *file)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  CzValidator *validator = cz_wizard_page_get_validator (CZ_WIZARD_PAGE (self));
  ExportData *data;
  CzFormOptions options;

  g_return_if_fail (CZ_IS_REVIEW_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->export_cancellable != NULL || dossier == NULL)
    return;
  cz_form_options_init (&options);
  options.rules = validator ? cz_validator_get_rules (validator) : NULL;

  self->export_cancellable = g_cancellable_new ();
  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  cz_form_render_to_file_async (dossier, &options, file, self->export_cancellable, on_form_exported, data);
  cz_review_page_update_actions (self);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    CzReviewPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        cz_review_page_export_form_to (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_form_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CzReviewPage *self = CZ_REVIEW_PAGE (widget);
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  const char *zone = dossier ? cz_dossier_get_text (dossier, CZ_FIELD_ZONE_NAME) : NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  /* The form's own name stays Chinese: it is the ministry's document. */
  name = g_strdup_printf ("%s-申报表.pdf", zone && zone[0] ? zone : _("Application"));
  g_strdelimit (name, "/\\", '-');
  chooser = gtk_file_chooser_native_new (_("Export Application Form"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cz_review_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cz_review_page_parent_class)->map (widget);

  cz_review_page_rebuild (CZ_REVIEW_PAGE (widget));
}

static void
cz_review_page_dispose (GObject *object)
{
  CzReviewPage *self = CZ_REVIEW_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_signal_handler (&self->items_changed_id, self->bound_validator);
  g_clear_object (&self->bound_validator);
  g_clear_pointer (&self->score_rows, g_ptr_array_unref);
  g_clear_pointer (&self->step_groups, g_ptr_array_unref);
  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_REVIEW_PAGE);

  G_OBJECT_CLASS (cz_review_page_parent_class)->dispose (object);
}

static void
cz_review_page_class_init (CzReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_review_page_dispose;
  widget_class->map = cz_review_page_map;

  g_type_ensure (CZ_TYPE_PACK_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/pages/review/cz-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CzReviewPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CzReviewPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, CzReviewPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, CzReviewPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CzReviewPage, score_group);
  gtk_widget_class_bind_template_child (widget_class, CzReviewPage, total_row);
  gtk_widget_class_bind_template_child (widget_class, CzReviewPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, CzReviewPage, export_spinner);

  gtk_widget_class_install_action (widget_class, "review.export-form", NULL, export_form_action);
}

static void
cz_review_page_init (CzReviewPage *self)
{
  self->score_rows = g_ptr_array_new ();
  self->step_groups = g_ptr_array_new ();
  self->finding_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  cz_review_page_update_actions (self);

  g_signal_connect (self, "notify::validator", G_CALLBACK (on_validator_changed), NULL);
}

GtkWidget *
cz_review_page_new (CzDossier *dossier)
{
  return g_object_new (CZ_TYPE_REVIEW_PAGE, "dossier", dossier, NULL);
}

GtkWidget *
cz_review_page_find_row (CzReviewPage *self,
                         const char   *rule_id,
                         const char   *field_id)
{
  g_return_val_if_fail (CZ_IS_REVIEW_PAGE (self), NULL);

  for (guint i = 0; i < self->finding_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->finding_rows, i);

      if (g_strcmp0 (g_object_get_data (row, "cz-rule-id"), rule_id) == 0 &&
          g_strcmp0 (g_object_get_data (row, "cz-field-id"), field_id) == 0)
        return GTK_WIDGET (row);
    }
  return NULL;
}
