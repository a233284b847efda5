/* cz-roster-dialog.c — importing the zone's roster of enterprises
 *
 * Choose a file; see its first rows and which column holds which field (the
 * sheet, the encoding and the year can be changed); check every row on a
 * worker with progress and a Stop button; read the totals, what changed
 * since the last import and the problems (exportable as CSV); accept. Only
 * Accept changes the dossier (cz_stored_roster_accept, as coopzone-cli roster
 * import does).
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-fields.h"
#include "cz-money.h"
#include "cz-roster-dialog.h"
#include "cz-stored-roster.h"

#define PREVIEW_ROWS   6
#define SHOWN_PROBLEMS 500

struct _CzRosterDialog
{
  AdwWindow            parent_instance;

  GtkStack            *stack;
  AdwComboRow         *sheet_row;
  AdwComboRow         *encoding_row;
  AdwComboRow         *year_row;
  GtkGrid             *preview_grid;
  AdwPreferencesGroup *file_group;
  AdwPreferencesGroup *columns_group;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  AdwPreferencesGroup *totals_group;
  AdwPreferencesGroup *changes_group;
  GtkListBox          *problems_list;

  CzStore             *store;
  CzDossier           *dossier;
  char                *path;
  GStrv                header;
  guint                n_header;
  GPtrArray           *column_rows;   /* AdwComboRow, one per CzRosterColumn */
  GPtrArray           *added_rows;    /* rows put into the result groups, to remove */
  guint                years[3];
  CzRoster            *roster;
  GCancellable        *cancellable;
  gboolean             loading;       /* rebuilding the setup page: ignore notify::selected */
};

G_DEFINE_FINAL_TYPE (CzRosterDialog, cz_roster_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DOSSIER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (CzRosterDialog *self)
{
  const char *stage = cz_roster_dialog_get_stage (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.check",
                                 g_str_equal (stage, "setup") || g_str_equal (stage, "result"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.stop", self->cancellable != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.accept",
                                 self->roster != NULL && g_str_equal (stage, "result") && self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.export-problems",
                                 self->roster != NULL && cz_roster_get_n_problems (self->roster) > 0);
}

static void
set_stage (CzRosterDialog *self,
           const char     *stage)
{
  gtk_stack_set_visible_child_name (self->stack, stage);
  update_actions (self);
}

const char *
cz_roster_dialog_get_stage (CzRosterDialog *self)
{
  g_return_val_if_fail (CZ_IS_ROSTER_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
show_error (CzRosterDialog *self,
            const char     *heading,
            const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the setup page ------------------------------------------------------ */

static char *
column_letters (guint column)
{
  char out[8];
  int n = 0;
  char tmp[8];

  column++;
  while (column > 0 && n < 7)
    {
      tmp[n++] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  for (int i = 0; i < n; i++)
    out[i] = tmp[n - 1 - i];
  out[n] = '\0';
  return g_strdup (out);
}

static void
fill_preview (CzRosterDialog *self,
              GPtrArray      *rows)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  for (guint r = 0; r < rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL && c < 40; c++)
        {
          GtkWidget *label = gtk_label_new (cells[c]);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          /* A scrolled grid gets its minimum width: ask for enough to read a cell. */
          gtk_label_set_width_chars (GTK_LABEL (label), MIN ((int) g_utf8_strlen (cells[c], -1), 10));
          gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
          if (r == 0)
            gtk_widget_add_css_class (label, "heading");
          gtk_grid_attach (self->preview_grid, label, c, r, 1, 1);
        }
    }
}

static CzRosterMapping *
mapping_from_rows (CzRosterDialog *self)
{
  CzRosterMapping *mapping = cz_roster_mapping_new ();
  g_autoptr(CzRosterMapping) recognised =
    cz_roster_mapping_new_for_header ((const char * const *) self->header, self->n_header);

  for (guint c = 0; c < self->column_rows->len; c++)
    {
      guint selected = adw_combo_row_get_selected (g_ptr_array_index (self->column_rows, c));

      if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
        {
          cz_roster_mapping_set_source (mapping, c, (int) selected - 1);
          cz_roster_mapping_set_unit (mapping, c, cz_roster_mapping_get_unit (recognised, c));
        }
    }
  return mapping;
}

static void
fill_columns (CzRosterDialog *self)
{
  g_autoptr(CzRosterMapping) mapping = NULL;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  mapping = cz_roster_mapping_load_remembered ((const char * const *) self->header, self->n_header);
  if (mapping == NULL)
    mapping = cz_roster_mapping_new_for_header ((const char * const *) self->header, self->n_header);

  /* Translators: the choice for a roster field that no column of the file holds */
  gtk_string_list_append (choices, _("Not in the file"));
  for (guint i = 0; i < self->n_header; i++)
    {
      g_autofree char *letters = column_letters (i);
      /* Translators: a column of the spreadsheet: its letter and its header, "C · 所属行业" */
      g_autofree char *label = g_strdup_printf (_("%s · %s"), letters, self->header[i]);

      gtk_string_list_append (choices, label);
    }
  for (guint c = 0; c < self->column_rows->len; c++)
    {
      AdwComboRow *row = g_ptr_array_index (self->column_rows, c);
      int source = cz_roster_mapping_get_source (mapping, c);

      adw_combo_row_set_model (row, G_LIST_MODEL (choices));
      adw_combo_row_set_selected (row, source >= 0 && (guint) source < self->n_header ? (guint) source + 1 : 0);
    }
}

static void
load_preview (CzRosterDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint sheet = adw_combo_row_get_selected (self->sheet_row);
  CzTextEncoding encoding = (CzTextEncoding) adw_combo_row_get_selected (self->encoding_row);

  rows = cz_roster_preview (self->path, sheet == GTK_INVALID_LIST_POSITION ? 0 : sheet, encoding,
                            PREVIEW_ROWS, &error);
  if (rows == NULL)
    {
      show_error (self, _("The Roster Cannot Be Read"), error->message);
      return;
    }
  g_clear_pointer (&self->header, g_strfreev);
  self->header = rows->len > 0 ? g_strdupv (g_ptr_array_index (rows, 0)) : g_new0 (char *, 1);
  self->n_header = g_strv_length (self->header);
  self->loading = TRUE;
  fill_preview (self, rows);
  fill_columns (self);
  self->loading = FALSE;
}

static void
on_sheet_or_encoding_changed (CzRosterDialog *self)
{
  if (!self->loading && self->path != NULL)
    load_preview (self);
}

void
cz_roster_dialog_open_file (CzRosterDialog *self,
                            const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sheets = NULL;
  g_autoptr(GtkStringList) sheet_list = NULL;
  g_autofree char *name = NULL;
  gboolean is_csv;

  g_return_if_fail (CZ_IS_ROSTER_DIALOG (self));

  sheets = cz_spreadsheet_list_sheets (path, &error);
  if (sheets == NULL)
    {
      show_error (self, _("The Roster Cannot Be Read"), error->message);
      return;
    }
  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_object (&self->roster);
  name = g_filename_display_basename (path);
  adw_preferences_group_set_description (self->file_group, name);

  is_csv = sheets[0] != NULL && sheets[0][0] == '\0' && sheets[1] == NULL;
  sheet_list = gtk_string_list_new (NULL);
  for (guint i = 0; sheets[i] != NULL; i++)
    gtk_string_list_append (sheet_list, sheets[i][0] ? sheets[i] : _("The whole file"));
  self->loading = TRUE;
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (sheet_list));
  adw_combo_row_set_selected (self->sheet_row, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), !is_csv);
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row), is_csv);
  adw_combo_row_set_selected (self->encoding_row, CZ_TEXT_ENCODING_AUTO);
  self->loading = FALSE;

  load_preview (self);
  set_stage (self, "setup");
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     CzRosterDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        cz_roster_dialog_open_file (self, path);
    }
  g_object_unref (chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CzRosterDialog *self = CZ_ROSTER_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose the Roster"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets (.xlsx, .csv)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "xls");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- checking ------------------------------------------------------------ */

static void
clear_results (CzRosterDialog *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->added_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->added_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->added_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
}

static void
add_row (CzRosterDialog      *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->added_rows, row);
}

static guint
chosen_year (CzRosterDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->year_row);
  return selected < 3 ? self->years[selected] : self->years[2];
}

static void
show_totals (CzRosterDialog *self)
{
  CzRoster *roster = self->roster;
  g_autofree char *summary = g_strdup_printf (_("%u enterprises; %u errors, %u warnings, %u notes"),
                                              cz_roster_get_n_entries (roster),
                                              cz_roster_count_problems (roster, CZ_ROSTER_ERROR_SEVERITY),
                                              cz_roster_count_problems (roster, CZ_ROSTER_WARNING_SEVERITY),
                                              cz_roster_count_problems (roster, CZ_ROSTER_NOTE_SEVERITY));

  adw_preferences_group_set_description (self->totals_group, summary);
  for (guint t = 0; t < CZ_ROSTER_N_TOTALS; t++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value;
      g_autofree char *text = NULL;
      g_autofree char *field_id = cz_roster_total_dup_field_id (t, chosen_year (self));
      gint64 total;
      guint blocking;
      gboolean ok = cz_roster_get_total (roster, t, &total, &blocking);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cz_roster_total_get_label (t));
      if (ok)
        text = t == CZ_ROSTER_TOTAL_REVENUE ? cz_money_format (total, CZ_MONEY_UNIT_WAN)
                                            : g_strdup_printf ("%" G_GINT64_FORMAT, total);
      else if (blocking > 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "not filled in: %u error to fix",
                                             "not filled in: %u errors to fix", blocking), blocking);
      else
        text = g_strdup (_("not in the roster"));
      value = gtk_label_new (text);
      gtk_widget_add_css_class (value, ok ? "numeric" : "dim-label");
      if (!ok && blocking > 0)
        gtk_widget_add_css_class (value, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      if (ok)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), field_id);
      add_row (self, self->totals_group, row);
    }
}

static void
show_problems (CzRosterDialog *self)
{
  guint n = cz_roster_get_n_problems (self->roster);

  for (guint i = 0; i < n && i < SHOWN_PROBLEMS; i++)
    {
      const CzRosterProblem *p = cz_roster_get_problem (self->roster, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;
      const char *icon_name = p->severity == CZ_ROSTER_ERROR_SEVERITY ? "dialog-error-symbolic"
                            : p->severity == CZ_ROSTER_WARNING_SEVERITY ? "dialog-warning-symbolic"
                            : "dialog-information-symbolic";

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      icon = gtk_image_new_from_icon_name (icon_name);
      if (p->severity == CZ_ROSTER_ERROR_SEVERITY)
        gtk_widget_add_css_class (icon, "error");
      else if (p->severity == CZ_ROSTER_WARNING_SEVERITY)
        gtk_widget_add_css_class (icon, "warning");
      else
        gtk_widget_add_css_class (icon, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->problems_list, row);
    }
  if (n > SHOWN_PROBLEMS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (_("%u more: export them to see them all"), n - SHOWN_PROBLEMS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->problems_list, row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Every row is in order."));
      gtk_list_box_append (self->problems_list, row);
    }
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CzRosterDialog *self = source_object;
  g_autoptr(CzRoster) previous = cz_stored_roster_load (self->store, self->dossier, NULL);

  if (previous == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_return_pointer (task, cz_roster_compare (previous, task_data), (GDestroyNotify) cz_roster_diff_free);
}

static void
on_compared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CzRosterDialog *self = CZ_ROSTER_DIALOG (source);
  g_autoptr(CzRosterDiff) diff = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autofree char *counts = NULL;

  if (diff == NULL)
    return;
  counts = g_strdup_printf (_("%u added, %u removed, %u changed"), diff->added, diff->removed, diff->changed);
  adw_preferences_group_set_description (self->changes_group, counts);
  for (guint i = 0; i < diff->lines->len && i < 50; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (diff->lines, i));
      add_row (self, self->changes_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), TRUE);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  CzRosterDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CzRosterDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  CzRoster *roster = cz_roster_import_finish (result, &error);

  g_clear_object (&self->cancellable);
  if (roster == NULL)
    {
      set_stage (self, "setup");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("The Roster Cannot Be Read"), error->message);
      return;
    }
  g_clear_object (&self->roster);
  self->roster = roster;
  clear_results (self);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), FALSE);
  show_totals (self);
  show_problems (self);
  set_stage (self, "result");

  if (self->store != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, on_compared, NULL);

      g_task_set_task_data (task, g_object_ref (roster), g_object_unref);
      g_task_run_in_thread (task, compare_thread);
    }
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CzRosterDialog *self = CZ_ROSTER_DIALOG (widget);
  g_autoptr(CzRosterMapping) mapping = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  CzRosterImportOptions options;
  guint sheet = adw_combo_row_get_selected (self->sheet_row);

  if (self->path == NULL || self->cancellable != NULL)
    return;
  mapping = mapping_from_rows (self);
  cz_roster_import_options_init (&options);
  options.sheet = sheet == GTK_INVALID_LIST_POSITION ? 0 : sheet;
  options.encoding = (CzTextEncoding) adw_combo_row_get_selected (self->encoding_row);
  options.mapping = mapping;

  name = g_filename_display_basename (self->path);
  /* Translators: %s is the roster's file name */
  label = g_strdup_printf (_("Checking “%s”…"), name);
  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->cancellable = g_cancellable_new ();
  set_stage (self, "progress");
  cz_roster_import_async (self->path, &options, on_progress, self, self->cancellable, on_imported, g_object_ref (self));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CzRosterDialog *self = CZ_ROSTER_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CzRosterDialog *self = CZ_ROSTER_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) set = NULL;
  g_autoptr(CzRosterMapping) mapping = NULL;

  if (self->roster == NULL || self->store == NULL)
    return;
  set = cz_stored_roster_accept (self->store, self->dossier, self->roster, chosen_year (self), &error);
  if (set == NULL)
    {
      show_error (self, _("The Roster Was Not Kept"), error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_problems_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CzRosterDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    show_error (self, _("The Problems Were Not Saved"), error->message);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    CzRosterDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->roster != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GBytes) csv = cz_roster_problems_to_csv (self->roster);

      g_file_replace_contents_bytes_async (file, csv, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                           on_problems_saved, g_object_ref (self));
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CzRosterDialog *self = CZ_ROSTER_DIALOG (widget);
  GtkFileChooserNative *chooser;
  /* Translators: the suggested name of the exported problems file */
  g_autofree char *suggested = g_strdup_printf ("%s.csv", _("roster-problems"));

  chooser = gtk_file_chooser_native_new (_("Export the Problems"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- object ---------------------------------------------------------------- */

static void
cz_roster_dialog_constructed (GObject *object)
{
  CzRosterDialog *self = CZ_ROSTER_DIALOG (object);
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  guint default_year;

  G_OBJECT_CLASS (cz_roster_dialog_parent_class)->constructed (object);

  default_year = self->dossier ? cz_roster_default_year (self->dossier) : 2024;
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = NULL;

      self->years[i] = default_year - 2 + i;
      text = g_strdup_printf ("%u", self->years[i]);
      gtk_string_list_append (years, text);
    }
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (years));
  adw_combo_row_set_selected (self->year_row, 2);
  update_actions (self);
}

static void
cz_roster_dialog_dispose (GObject *object)
{
  CzRosterDialog *self = CZ_ROSTER_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->roster);
  g_clear_object (&self->store);
  g_clear_object (&self->dossier);
  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_ROSTER_DIALOG);

  G_OBJECT_CLASS (cz_roster_dialog_parent_class)->dispose (object);
}

static void
cz_roster_dialog_finalize (GObject *object)
{
  CzRosterDialog *self = CZ_ROSTER_DIALOG (object);

  g_free (self->path);
  g_strfreev (self->header);
  g_ptr_array_unref (self->column_rows);
  g_ptr_array_unref (self->added_rows);

  G_OBJECT_CLASS (cz_roster_dialog_parent_class)->finalize (object);
}

static void
cz_roster_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CzRosterDialog *self = CZ_ROSTER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DOSSIER:
      self->dossier = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_roster_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CzRosterDialog *self = CZ_ROSTER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DOSSIER:
      g_value_set_object (value, self->dossier);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_roster_dialog_class_init (CzRosterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cz_roster_dialog_constructed;
  object_class->dispose = cz_roster_dialog_dispose;
  object_class->finalize = cz_roster_dialog_finalize;
  object_class->set_property = cz_roster_dialog_set_property;
  object_class->get_property = cz_roster_dialog_get_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CZ_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL, CZ_TYPE_DOSSIER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/roster/cz-roster-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CzRosterDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CzRosterDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, CzRosterDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, CzRosterDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, CzRosterDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, CzRosterDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, CzRosterDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, CzRosterDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CzRosterDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CzRosterDialog, totals_group);
  gtk_widget_class_bind_template_child (widget_class, CzRosterDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, CzRosterDialog, problems_list);

  gtk_widget_class_install_action (widget_class, "roster.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "roster.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "roster.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "roster.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "roster.export-problems", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cz_roster_dialog_init (CzRosterDialog *self)
{
  g_autoptr(GtkStringList) encodings = NULL;
  const char *encoding_names[] = { N_("Detect"), "UTF-8", "GB18030 / GBK", NULL };

  self->column_rows = g_ptr_array_new ();
  self->added_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  encodings = gtk_string_list_new (NULL);
  for (guint i = 0; encoding_names[i] != NULL; i++)
    gtk_string_list_append (encodings, i == 0 ? _(encoding_names[i]) : encoding_names[i]);
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encodings));

  for (guint c = 0; c < CZ_ROSTER_N_COLUMNS; c++)
    {
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cz_roster_column_get_label (c));
      if (cz_roster_column_is_required (c))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Required column"));
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
  g_signal_connect_swapped (self->sheet_row, "notify::selected", G_CALLBACK (on_sheet_or_encoding_changed), self);
  g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (on_sheet_or_encoding_changed), self);
}

CzRosterDialog *
cz_roster_dialog_new (GtkWindow *parent,
                      CzStore   *store,
                      CzDossier *dossier)
{
  return g_object_new (CZ_TYPE_ROSTER_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "dossier", dossier,
                       NULL);
}
