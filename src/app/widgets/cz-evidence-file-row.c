/* cz-evidence-file-row.c — one attached file: title, issuer, date, pages
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cz-evidence-file-row.h"
#include "cz-message-row.h"

struct _CzEvidenceFileRow
{
  AdwExpanderRow  parent_instance;

  CzDossier      *dossier;
  char           *slot_id;
  char           *sha256;
  char           *problem;         /* what is wrong and what to do, for a screen reader */
  char           *problem_status;  /* the same in a few words, on the row */
  guint           page_count;

  GtkImage       *status_icon;
  GtkWidget      *preview_button;
  GtkWidget      *remove_button;
  GtkWidget      *open_button;
  GtkWidget      *replace_button;
  AdwEntryRow    *title_row;
  AdwEntryRow    *issuer_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *pages_row;
  CzMessageRow   *date_message;
  CzMessageRow   *pages_message;
};

enum
{
  PROP_0,
  PROP_DOSSIER,
  PROP_SLOT_ID,
  PROP_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CzEvidenceFileRow, cz_evidence_file_row, ADW_TYPE_EXPANDER_ROW)

static void
set_member (CzEvidenceFileRow *self,
            const char        *member,
            const char        *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GPtrArray) records = NULL;

  /* Focus leaves the inputs as the row goes away, too. */
  if (self->dossier == NULL)
    return;
  records = cz_evidence_dup_records (self->dossier, self->slot_id);
  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (cz_evidence_record_get_text (records->pdata[i], "sha256"), self->sha256) == 0 &&
        g_strcmp0 (cz_evidence_record_get_text (records->pdata[i], member), stripped) == 0)
      return;
  cz_evidence_set_member (self->dossier, self->slot_id, self->sha256, member, stripped);
}

static void
on_title_apply (CzEvidenceFileRow *self)
{
  if (self->dossier == NULL)
    return;
  set_member (self, "title", gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
on_issuer_apply (CzEvidenceFileRow *self)
{
  if (self->dossier == NULL)
    return;
  set_member (self, "issuer", gtk_editable_get_text (GTK_EDITABLE (self->issuer_row)));
}

static gboolean
date_is_valid (const char *text)
{
  unsigned year, month, day;
  char end;

  return sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3 &&
         strlen (text) == 10 && g_date_valid_dmy (day, month, year);
}

static void
on_date_apply (CzEvidenceFileRow *self)
{
  g_autofree char *text = NULL;

  if (self->dossier == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));

  if (text[0] != '\0' && !date_is_valid (text))
    {
      /* Translators: under the date of an attached document; %s is what was typed */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write it as 2025-03-31."), text);

      cz_message_row_set_message (self->date_message, message);
      return;
    }
  cz_message_row_set_message (self->date_message, NULL);
  set_member (self, "date", text);
}

/* A citation that is not one is refused, said under the input. One past the
 * file's last page is kept (the file may be replaced by a longer one): the
 * input is marked, and the rules engine's warning under the slot says why,
 * once, where the review leads too. */
static void
show_pages_check (CzEvidenceFileRow *self,
                  const char        *text)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *input = GTK_WIDGET (self->pages_row);

  if (text[0] == '\0' || cz_page_ranges_validate (text, self->page_count, &error))
    {
      gtk_widget_remove_css_class (input, "warning");
      if (cz_message_row_get_message (self->pages_message) == NULL)
        gtk_accessible_reset_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  else
    {
      gtk_widget_add_css_class (input, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      error->message, -1);
    }
}

static void
on_pages_apply (CzEvidenceFileRow *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (self->dossier == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pages_row))));

  if (text[0] != '\0' && !cz_page_ranges_validate (text, 0, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->pages_row), "warning");
      cz_message_row_set_message (self->pages_message, error->message);
      return;
    }
  cz_message_row_set_message (self->pages_message, NULL);
  show_pages_check (self, text);
  set_member (self, "pages", text);
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Someone typing there keeps what they typed until they apply it. */
  if (focus != NULL && (focus == GTK_WIDGET (row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row))))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
update_subtitle (CzEvidenceFileRow *self,
                 GVariant          *record)
{
  const char *language = cz_rules_pick_language (NULL);
  const char *pages = cz_evidence_record_get_text (record, "pages");
  const char *issuer = cz_evidence_record_get_text (record, "issuer");
  const char *date = cz_evidence_record_get_text (record, "date");
  g_autofree char *size = g_format_size ((guint64) cz_evidence_record_get_int (record, "size"));
  g_autoptr(GString) subtitle = g_string_new (cz_evidence_record_get_text (record, "name"));

  /* A file that could not be opened has no page count to tell. */
  if (self->page_count > 0)
    {
      g_string_append (subtitle, " · ");
      /* Translators: the number of pages of an attached document */
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", self->page_count),
                              self->page_count);
    }
  g_string_append_printf (subtitle, " · %s", size);
  if (pages[0] != '\0')
    {
      g_autofree char *citation = cz_page_ranges_dup_citation (pages, language);
      g_string_append_printf (subtitle, " · %s", citation);
    }
  if (issuer[0] != '\0' || date[0] != '\0')
    g_string_append_printf (subtitle, "\n%s%s%s", issuer, issuer[0] && date[0] ? " · " : "", date);
  if (self->problem_status != NULL)
    g_string_append_printf (subtitle, "\n%s", self->problem_status);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle->str);
}

void
cz_evidence_file_row_set_record (CzEvidenceFileRow *self,
                                 GVariant          *record)
{
  const char *title;

  g_return_if_fail (CZ_IS_EVIDENCE_FILE_ROW (self));
  g_return_if_fail (record != NULL);

  title = cz_evidence_record_get_text (record, "title");
  self->page_count = (guint) cz_evidence_record_get_int (record, "page_count");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 title[0] != '\0' ? title : cz_evidence_record_get_text (record, "name"));
  update_subtitle (self, record);

  set_entry_text (self->title_row, title);
  set_entry_text (self->issuer_row, cz_evidence_record_get_text (record, "issuer"));
  set_entry_text (self->date_row, cz_evidence_record_get_text (record, "date"));
  set_entry_text (self->pages_row, cz_evidence_record_get_text (record, "pages"));
  if (cz_message_row_get_message (self->pages_message) == NULL)
    show_pages_check (self, cz_evidence_record_get_text (record, "pages"));
}

/* What is wrong with a file in a few words: the finding under the slot says
 * it in full, with what to do. */
static const char *
problem_status (const GError *problem)
{
  if (problem->domain != CZ_EVIDENCE_ERROR)
    /* Translators: the state of an attached file, on its row */
    return _("Cannot be used");
  switch ((CzEvidenceError) problem->code)
    {
    case CZ_EVIDENCE_ERROR_EMPTY:
      /* Translators: the state of an attached file, on its row */
      return _("Empty file");
    case CZ_EVIDENCE_ERROR_TOO_LARGE:
      /* Translators: the state of an attached file, on its row */
      return _("Too large");
    case CZ_EVIDENCE_ERROR_ENCRYPTED:
      /* Translators: the state of an attached file, on its row */
      return _("Password-protected");
    case CZ_EVIDENCE_ERROR_DAMAGED:
      /* Translators: the state of an attached file, on its row */
      return _("Damaged or not a PDF");
    case CZ_EVIDENCE_ERROR_PAGE_COUNT:
      /* Translators: the state of an attached file, on its row */
      return _("Unusual page count");
    case CZ_EVIDENCE_ERROR_MISSING:
      /* Translators: the state of an attached file, on its row */
      return _("Stored copy missing");
    case CZ_EVIDENCE_ERROR_IO:
    case CZ_EVIDENCE_ERROR_IMAGE:
    case CZ_EVIDENCE_ERROR_PAGES:
    case CZ_EVIDENCE_ERROR_UNKNOWN_SLOT:
    default:
      /* Translators: the state of an attached file, on its row */
      return _("Cannot be used");
    }
}

/* @problem: what inspecting the file found wrong, or NULL. */
void
cz_evidence_file_row_set_problem (CzEvidenceFileRow *self,
                                  const GError      *problem)
{
  const char *message = problem != NULL ? problem->message : NULL;

  g_return_if_fail (CZ_IS_EVIDENCE_FILE_ROW (self));

  if (g_strcmp0 (self->problem, message) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (message);
  g_free (self->problem_status);
  self->problem_status = problem != NULL ? g_strdup (problem_status (problem)) : NULL;
  gtk_image_set_from_icon_name (self->status_icon, problem ? "dialog-error-symbolic" : "x-office-document-symbolic");
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message ? message : "", -1);
  {
    g_autoptr(GPtrArray) records = cz_evidence_dup_records (self->dossier, self->slot_id);

    for (guint i = 0; i < records->len; i++)
      if (g_strcmp0 (cz_evidence_record_get_text (g_ptr_array_index (records, i), "sha256"), self->sha256) == 0)
        update_subtitle (self, g_ptr_array_index (records, i));
  }
}

const char *
cz_evidence_file_row_get_sha256 (CzEvidenceFileRow *self)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_FILE_ROW (self), NULL);
  return self->sha256;
}

AdwEntryRow *cz_evidence_file_row_get_pages_row (CzEvidenceFileRow *self) { return self->pages_row; }
GtkWidget *cz_evidence_file_row_get_pages_message (CzEvidenceFileRow *self) { return GTK_WIDGET (self->pages_message); }
AdwEntryRow *cz_evidence_file_row_get_title_row (CzEvidenceFileRow *self) { return self->title_row; }
AdwEntryRow *cz_evidence_file_row_get_issuer_row (CzEvidenceFileRow *self) { return self->issuer_row; }
AdwEntryRow *cz_evidence_file_row_get_date_row (CzEvidenceFileRow *self) { return self->date_row; }

static void
cz_evidence_file_row_constructed (GObject *object)
{
  CzEvidenceFileRow *self = CZ_EVIDENCE_FILE_ROW (object);
  GtkWidget *targets[] = { self->preview_button, self->remove_button, self->open_button, self->replace_button };

  G_OBJECT_CLASS (cz_evidence_file_row_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (targets[i]), "s", self->sha256);
}

static void
cz_evidence_file_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CzEvidenceFileRow *self = CZ_EVIDENCE_FILE_ROW (object);

  switch (prop_id)
    {
    case PROP_DOSSIER: g_value_set_object (value, self->dossier); break;
    case PROP_SLOT_ID: g_value_set_string (value, self->slot_id); break;
    case PROP_SHA256: g_value_set_string (value, self->sha256); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_evidence_file_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CzEvidenceFileRow *self = CZ_EVIDENCE_FILE_ROW (object);

  switch (prop_id)
    {
    case PROP_DOSSIER: self->dossier = g_value_dup_object (value); break;
    case PROP_SLOT_ID: self->slot_id = g_value_dup_string (value); break;
    case PROP_SHA256: self->sha256 = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_evidence_file_row_dispose (GObject *object)
{
  CzEvidenceFileRow *self = CZ_EVIDENCE_FILE_ROW (object);

  /* First: disposing the template moves the focus out of the inputs, and
   * their leave handlers must then find a row that no longer applies. */
  g_clear_object (&self->dossier);
  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_EVIDENCE_FILE_ROW);

  G_OBJECT_CLASS (cz_evidence_file_row_parent_class)->dispose (object);
}

static void
cz_evidence_file_row_finalize (GObject *object)
{
  CzEvidenceFileRow *self = CZ_EVIDENCE_FILE_ROW (object);

  g_free (self->slot_id);
  g_free (self->sha256);
  g_free (self->problem);
  g_free (self->problem_status);

  G_OBJECT_CLASS (cz_evidence_file_row_parent_class)->finalize (object);
}

static void
cz_evidence_file_row_class_init (CzEvidenceFileRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cz_evidence_file_row_constructed;
  object_class->get_property = cz_evidence_file_row_get_property;
  object_class->set_property = cz_evidence_file_row_set_property;
  object_class->dispose = cz_evidence_file_row_dispose;
  object_class->finalize = cz_evidence_file_row_finalize;

  properties[PROP_DOSSIER] = g_param_spec_object ("dossier", NULL, NULL, CZ_TYPE_DOSSIER,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLOT_ID] = g_param_spec_string ("slot-id", NULL, NULL, NULL,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CZ_TYPE_MESSAGE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/widgets/cz-evidence-file-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CzEvidenceFileRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CzEvidenceFileRow, preview_button);
  gtk_widget_class_bind_template_child (widget_class, CzEvidenceFileRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, CzEvidenceFileRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, CzEvidenceFileRow, replace_button);
  gtk_widget_class_bind_template_child (widget_class, CzEvidenceFileRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, CzEvidenceFileRow, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, CzEvidenceFileRow, date_row);
  gtk_widget_class_bind_template_child (widget_class, CzEvidenceFileRow, pages_row);
  gtk_widget_class_bind_template_child (widget_class, CzEvidenceFileRow, date_message);
  gtk_widget_class_bind_template_child (widget_class, CzEvidenceFileRow, pages_message);
  gtk_widget_class_bind_template_callback (widget_class, on_title_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_issuer_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_date_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_pages_apply);
}

/* Leaving an input keeps what was typed, as Enter or the apply button would. */
static void
apply_on_leave (CzEvidenceFileRow *self,
                AdwEntryRow       *row,
                GCallback          apply)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", apply, self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

static void
cz_evidence_file_row_init (CzEvidenceFileRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  apply_on_leave (self, self->title_row, G_CALLBACK (on_title_apply));
  apply_on_leave (self, self->issuer_row, G_CALLBACK (on_issuer_apply));
  apply_on_leave (self, self->date_row, G_CALLBACK (on_date_apply));
  apply_on_leave (self, self->pages_row, G_CALLBACK (on_pages_apply));
}

GtkWidget *
cz_evidence_file_row_new (CzDossier  *dossier,
                          const char *slot_id,
                          const char *sha256)
{
  return g_object_new (CZ_TYPE_EVIDENCE_FILE_ROW,
                       "dossier", dossier, "slot-id", slot_id, "sha256", sha256, NULL);
}
