/* cz-incident-row.c — one reported incident: date, place, description, figures, grade
 *
 * An expander row whose title is the date and place and whose subtitle is the
 * grade computed in core from the figures (REGULATION.md §3) with the
 * criterion that set it, so the person sees at once whether the incident
 * disqualifies the zone. Only the figures the incident's type is graded on are
 * asked. A grade may be stated from qualitative criteria, with its basis.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-incident-row.h"
#include "cz-message-row.h"
#include "cz-money.h"
#include "cz-number.h"

typedef enum
{
  FIGURE_COUNT,
  FIGURE_MONEY,
} FigureKind;

typedef struct
{
  const char *key;        /* member of the record */
  FigureKind  kind;
  const char *title;
  guint       types;      /* bit mask of CzIncidentType graded on it */
} Figure;

#define T(type) (1u << (type))

static const Figure figures[] = {
  { "deaths", FIGURE_COUNT, N_("Deaths"),
    T (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY) | T (CZ_INCIDENT_TYPE_ENVIRONMENTAL) | T (CZ_INCIDENT_TYPE_CONSTRUCTION_QUALITY) },
  { "serious_injuries", FIGURE_COUNT, N_("Serious injuries (or poisonings)"),
    T (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY) | T (CZ_INCIDENT_TYPE_ENVIRONMENTAL) | T (CZ_INCIDENT_TYPE_CONSTRUCTION_QUALITY) },
  { "direct_loss_fen", FIGURE_MONEY, N_("Direct economic loss"),
    T (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY) | T (CZ_INCIDENT_TYPE_ENVIRONMENTAL) | T (CZ_INCIDENT_TYPE_CONSTRUCTION_QUALITY) |
    T (CZ_INCIDENT_TYPE_NETWORK_SECURITY) | T (CZ_INCIDENT_TYPE_DATA_SECURITY) },
  { "evacuated", FIGURE_COUNT, N_("People evacuated"), T (CZ_INCIDENT_TYPE_ENVIRONMENTAL) },
  { "people_leaked", FIGURE_COUNT, N_("People whose personal information leaked"),
    T (CZ_INCIDENT_TYPE_NETWORK_SECURITY) | T (CZ_INCIDENT_TYPE_DATA_SECURITY) },
  { "sensitive_leaked", FIGURE_COUNT, N_("People whose sensitive personal information leaked"),
    T (CZ_INCIDENT_TYPE_DATA_SECURITY) },
};

static const char * const grade_ids[] = { "", "一般", "较大", "重大", "特别重大" };

struct _CzIncidentRow
{
  AdwExpanderRow  parent_instance;

  CzIncidentType  type;
  GtkWidget      *date_row;
  GtkWidget      *date_message;
  GtkWidget      *place_row;
  GtkWidget      *description_row;
  GtkWidget      *figure_rows[G_N_ELEMENTS (figures)];
  GtkWidget      *figure_messages[G_N_ELEMENTS (figures)];
  GtkWidget      *grade_row;
  GtkWidget      *basis_row;
  GtkSizeGroup   *unit_group;   /* the unit suffixes, so the figures line up */
  char           *grade_text;
  guint           loading : 1;
};

G_DEFINE_FINAL_TYPE (CzIncidentRow, cz_incident_row, ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
entry_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
parse_figure (const Figure *figure,
              const char   *text,
              gint64       *out)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    return FALSE;
  if (figure->kind == FIGURE_MONEY)
    return cz_money_parse (stripped, CZ_MONEY_UNIT_WAN, out, NULL) && *out >= 0;
  return cz_parse_scaled_decimal (stripped, 0, out) && *out >= 0;
}

GVariant *
cz_incident_row_dup_record (CzIncidentRow *self)
{
  GVariantBuilder builder;
  guint grade;

  g_return_val_if_fail (CZ_IS_INCIDENT_ROW (self), NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&builder, "{sv}", "date", g_variant_new_string (entry_text (self->date_row)));
  g_variant_builder_add (&builder, "{sv}", "place", g_variant_new_string (entry_text (self->place_row)));
  g_variant_builder_add (&builder, "{sv}", "description", g_variant_new_string (entry_text (self->description_row)));
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      gint64 value;

      if (self->figure_rows[i] != NULL && parse_figure (&figures[i], entry_text (self->figure_rows[i]), &value))
        g_variant_builder_add (&builder, "{sv}", figures[i].key, g_variant_new_int64 (value));
    }
  grade = adw_combo_row_get_selected (ADW_COMBO_ROW (self->grade_row));
  if (grade > 0 && grade < G_N_ELEMENTS (grade_ids))
    g_variant_builder_add (&builder, "{sv}", "stated_grade", g_variant_new_string (grade_ids[grade]));
  g_variant_builder_add (&builder, "{sv}", "stated_basis", g_variant_new_string (entry_text (self->basis_row)));

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static void
cz_incident_row_update_header (CzIncidentRow *self)
{
  CzIncidentFigures given = CZ_INCIDENT_FIGURES_INIT;
  CzIncidentAssessment assessment;
  gint64 *slots[] = { &given.deaths, &given.serious_injuries, &given.direct_loss_fen,
                      &given.evacuated, &given.personal_information, &given.sensitive_information };
  g_autofree char *title = NULL;
  g_autofree char *described = NULL;
  const char *date = entry_text (self->date_row);
  const char *place = entry_text (self->place_row);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (self->figure_rows[i] != NULL)
      parse_figure (&figures[i], entry_text (self->figure_rows[i]), slots[i]);

  cz_incident_assess (self->type, &given,
                      (CzIncidentGrade) adw_combo_row_get_selected (ADW_COMBO_ROW (self->grade_row)),
                      &assessment);

  g_free (self->grade_text);
  if (assessment.grade == CZ_INCIDENT_GRADE_NONE)
    self->grade_text = g_strdup (_("Grade: enter the figures to compute it"));
  else
    {
      described = cz_incident_assessment_describe (self->type, &assessment);
      /* Translators: the computed grade of an incident and the criterion that set it */
      self->grade_text = g_strdup_printf (_("Grade %s: %s"),
                                          cz_incident_grade_get_name_zh (assessment.grade), described);
      if (assessment.disqualifying)
        {
          char *with_note = g_strconcat (self->grade_text, " — ", _("disqualifies the zone"), NULL);

          g_free (self->grade_text);
          self->grade_text = with_note;
        }
      if (assessment.provisional)
        {
          /* Translators: appended when a threshold used to grade is a draft or our reading */
          char *with_note = g_strconcat (self->grade_text, _(" (provisional)"), NULL);

          g_free (self->grade_text);
          self->grade_text = with_note;
        }
    }

  if (*date == '\0' && *place == '\0')
    /* Translators: the title of an incident that has no date or place yet */
    title = g_strdup (_("New incident"));
  else
    {
      g_autofree char *plain = *place != '\0' ? g_strdup_printf ("%s %s", date, place) : g_strdup (date);

      title = g_markup_escape_text (plain, -1);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  {
    g_autofree char *escaped = g_markup_escape_text (self->grade_text, -1);
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), escaped);
  }
  if (assessment.disqualifying)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
}

/* What is wrong with the date as typed, or NULL: not a date, or a day that
 * has not come yet (an incident cannot be reported before it happens). */
static const char *
check_date (const char *text)
{
  g_autoptr(GDateTime) now = NULL;
  guint year, month, day;
  char tail;

  if (*text == '\0')
    return NULL;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return _("Enter the date as year-month-day, for example 2026-08-01.");

  now = g_date_time_new_now_local ();
  if (year > (guint) g_date_time_get_year (now) ||
      (year == (guint) g_date_time_get_year (now) &&
       (month > (guint) g_date_time_get_month (now) ||
        (month == (guint) g_date_time_get_month (now) && day > (guint) g_date_time_get_day_of_month (now)))))
    return _("This date is after today: check the year.");
  return NULL;
}

/* Under each input, what keeps it from counting: a figure that is not a
 * number is otherwise left out of the grade without a word. */
static void
cz_incident_row_update_messages (CzIncidentRow *self)
{
  cz_message_row_set_message (CZ_MESSAGE_ROW (self->date_message), check_date (entry_text (self->date_row)));

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *typed = NULL;
      const char *text = NULL;
      gint64 value;

      if (self->figure_rows[i] == NULL)
        continue;
      typed = g_strstrip (g_strdup (entry_text (self->figure_rows[i])));
      if (*typed != '\0' && !parse_figure (&figures[i], typed, &value))
        text = figures[i].kind == FIGURE_MONEY ? _("Enter the amount in 10,000 yuan, for example 1200.")
                                               : _("Enter a whole number of people, for example 3.");
      cz_message_row_set_message (CZ_MESSAGE_ROW (self->figure_messages[i]), text);
    }
}

static void
on_input_changed (CzIncidentRow *self)
{
  if (self->loading)
    return;

  cz_incident_row_update_header (self);
  cz_incident_row_update_messages (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
cz_incident_row_add_entry (CzIncidentRow *self,
                           const char    *title,
                           const char    *unit,
                           const char    *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  if (unit != NULL)
    {
      GtkWidget *label = gtk_label_new (unit);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_size_group_add_widget (self->unit_group, label);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
      gtk_widget_add_css_class (row, "numeric");
      gtk_editable_set_alignment (GTK_EDITABLE (row), 1.0f);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
    }
  g_signal_connect_object (row, "changed", G_CALLBACK (on_input_changed), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  return row;
}

static const char *
record_text (GVariant   *record,
             const char *key)
{
  const char *text = NULL;

  if (record != NULL)
    g_variant_lookup (record, key, "&s", &text);
  return text;
}

static void
cz_incident_row_build (CzIncidentRow *self,
                       GVariant      *record,
                       guint          position)
{
  g_autoptr(GtkStringList) grades = NULL;
  const char *stated = record_text (record, "stated_grade");
  GtkWidget *remove;

  self->loading = TRUE;

  self->date_row = cz_incident_row_add_entry (self, _("Date (YYYY-MM-DD)"), NULL, record_text (record, "date"));
  gtk_widget_add_css_class (self->date_row, "numeric");
  self->date_message = cz_message_row_new (self->date_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->date_message);
  self->place_row = cz_incident_row_add_entry (self, _("Place"), NULL, record_text (record, "place"));
  self->description_row = cz_incident_row_add_entry (self, _("What happened"), NULL,
                                                     record_text (record, "description"));

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *text = NULL;
      gint64 value;

      if (!(figures[i].types & T (self->type)))
        continue;
      if (record != NULL && g_variant_lookup (record, figures[i].key, "x", &value))
        text = figures[i].kind == FIGURE_MONEY ? cz_money_format_number (value, CZ_MONEY_UNIT_WAN)
                                               : g_strdup_printf ("%" G_GINT64_FORMAT, value);
      self->figure_rows[i] =
        cz_incident_row_add_entry (self, _(figures[i].title),
                                   figures[i].kind == FIGURE_MONEY ? _("10,000 yuan") : C_("people", "people"),
                                   text);
      self->figure_messages[i] = cz_message_row_new (self->figure_rows[i]);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->figure_messages[i]);
    }

  /* Translators: the first choice of the stated grade: no grade stated, the figures decide */
  grades = gtk_string_list_new ((const char *[]) { _("From the figures"), "一般", "较大", "重大", "特别重大", NULL });
  self->grade_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->grade_row),
                                 self->type == CZ_INCIDENT_TYPE_OTHER_QUALITY ? _("Grade")
                                                                              : _("Grade from other criteria"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->grade_row), G_LIST_MODEL (grades));
  for (guint g = 1; stated != NULL && g < G_N_ELEMENTS (grade_ids); g++)
    if (g_str_equal (stated, grade_ids[g]))
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->grade_row), g);
  g_signal_connect_object (self->grade_row, "notify::selected", G_CALLBACK (on_input_changed), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->grade_row);

  self->basis_row = cz_incident_row_add_entry (self, _("Basis of the stated grade"), NULL,
                                               record_text (record, "stated_basis"));

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Incident"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Incident"), -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "incidents.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(si)", cz_incident_type_to_id (self->type),
                                    (gint32) position);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), remove);

  self->loading = FALSE;
  cz_incident_row_update_header (self);
  cz_incident_row_update_messages (self);
}

static void
cz_incident_row_finalize (GObject *object)
{
  CzIncidentRow *self = CZ_INCIDENT_ROW (object);

  g_clear_pointer (&self->grade_text, g_free);
  g_clear_object (&self->unit_group);

  G_OBJECT_CLASS (cz_incident_row_parent_class)->finalize (object);
}

static void
cz_incident_row_class_init (CzIncidentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cz_incident_row_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cz_incident_row_init (CzIncidentRow *self)
{
  self->unit_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
}

GtkWidget *
cz_incident_row_new (CzIncidentType  type,
                     GVariant       *record,
                     guint           position)
{
  CzIncidentRow *self = g_object_new (CZ_TYPE_INCIDENT_ROW, NULL);

  self->type = type;
  cz_incident_row_build (self, record, position);
  return GTK_WIDGET (self);
}

const char *
cz_incident_row_get_grade_text (CzIncidentRow *self)
{
  g_return_val_if_fail (CZ_IS_INCIDENT_ROW (self), NULL);

  return self->grade_text;
}

GtkWidget *
cz_incident_row_get_date_row (CzIncidentRow *self)
{
  g_return_val_if_fail (CZ_IS_INCIDENT_ROW (self), NULL);

  return self->date_row;
}
