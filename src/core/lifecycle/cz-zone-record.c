/* cz-zone-record.c
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-fields.h"
#include "cz-workdays.h"
#include "cz-zone-record.h"

gboolean
cz_date_parse_iso (const char *text,
                   GDate      *out)
{
  guint year, month, day;
  char trailing;

  g_date_clear (out, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &trailing) != 3 ||
      strlen (text) != 10 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

char *
cz_date_dup_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

char *
cz_date_format_official (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  /* Official documents write dates this way in either language. */
  return g_strdup_printf ("%u年%u月%u日", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

void
cz_recognition_clear (CzRecognition *recognition)
{
  g_clear_pointer (&recognition->document_number, g_free);
  g_date_clear (&recognition->date, 1);
  g_date_clear (&recognition->valid_from, 1);
  g_date_clear (&recognition->valid_until, 1);
}

void
cz_recognition_default_validity (CzLifecycleRules *rules,
                                 const GDate      *date,
                                 GDate            *out_from,
                                 GDate            *out_until)
{
  guint years = cz_lifecycle_rules_get_validity_years (rules);
  guint end_year = g_date_get_year (date) + years;

  *out_from = *date;
  g_date_clear (out_until, 1);
  if (g_date_get_month (date) == G_DATE_FEBRUARY && g_date_get_day (date) == 29 &&
      !g_date_is_leap_year (end_year))
    {
      /* The period ends on the last day of the month that has no 29th. */
      g_date_set_dmy (out_until, 28, G_DATE_FEBRUARY, end_year);
      return;
    }
  g_date_set_dmy (out_until, g_date_get_day (date), g_date_get_month (date), end_year);
  g_date_subtract_days (out_until, 1);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
invalid (GError    **error,
         const char *field_id,
         char       *what)
{
  const CzFieldSpec *spec = cz_field_spec_lookup (field_id);

  g_set_error (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_INVALID_INPUT,
               /* Translators: %1$s is a field label, %2$s what is wrong and what to do */
               _("%1$s: %2$s"), spec ? _(spec->label) : field_id, what);
  g_free (what);
  return FALSE;
}

gboolean
cz_recognition_check (const CzRecognition *recognition,
                      const GDate         *today,
                      GError             **error)
{
  g_autofree char *date_text = NULL;

  if (!g_date_valid (&recognition->date))
    return invalid (error, CZ_FIELD_RECOGNITION_DATE,
                    g_strdup (_("enter the day the ministry announced the recognition, as YYYY-MM-DD.")));
  date_text = cz_date_dup_iso (&recognition->date);
  if (today != NULL && g_date_compare (&recognition->date, today) > 0)
    return invalid (error, CZ_FIELD_RECOGNITION_DATE,
                    g_strdup_printf (_("%s is after today; enter the day the recognition was announced."), date_text));
  if (is_blank (recognition->document_number))
    return invalid (error, CZ_FIELD_RECOGNITION_DOCUMENT,
                    g_strdup (_("enter the document number (文号) of the ministry’s announcement.")));
  if (!g_date_valid (&recognition->valid_from) || !g_date_valid (&recognition->valid_until))
    return invalid (error, g_date_valid (&recognition->valid_from) ? CZ_FIELD_RECOGNITION_UNTIL : CZ_FIELD_RECOGNITION_FROM,
                    g_strdup (_("enter the date as YYYY-MM-DD, or leave both validity dates empty for the default.")));
  if (g_date_compare (&recognition->valid_until, &recognition->valid_from) <= 0)
    {
      g_autofree char *from = cz_date_dup_iso (&recognition->valid_from);
      g_autofree char *until = cz_date_dup_iso (&recognition->valid_until);
      return invalid (error, CZ_FIELD_RECOGNITION_UNTIL,
                      /* Translators: both are dates */
                      g_strdup_printf (_("%1$s is not after the start of validity %2$s; the end must come after the start."),
                                       until, from));
    }
  return TRUE;
}

gboolean
cz_zone_record_mark_recognised (CzDossier           *dossier,
                                const CzRecognition *recognition,
                                const GDate         *today,
                                GError             **error)
{
  g_autoptr(CzValue) date = NULL;
  g_autoptr(CzValue) from = NULL;
  g_autoptr(CzValue) until = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), FALSE);

  if (!cz_recognition_check (recognition, today, error))
    return FALSE;

  number = g_strstrip (g_strdup (recognition->document_number));
  date = cz_value_new_date (&recognition->date);
  from = cz_value_new_date (&recognition->valid_from);
  until = cz_value_new_date (&recognition->valid_until);
  cz_dossier_set_text (dossier, CZ_FIELD_RECOGNITION_DOCUMENT, number);
  cz_dossier_set_value (dossier, CZ_FIELD_RECOGNITION_FROM, from);
  cz_dossier_set_value (dossier, CZ_FIELD_RECOGNITION_UNTIL, until);
  /* Last, as it is what makes the dossier a zone record. */
  cz_dossier_set_value (dossier, CZ_FIELD_RECOGNITION_DATE, date);
  return TRUE;
}

static gboolean
get_date (CzDossier  *dossier,
          const char *field_id,
          GDate      *out)
{
  CzValue *value = cz_dossier_get_value (dossier, field_id);
  g_autoptr(GDate) date = NULL;

  g_date_clear (out, 1);
  if (value == NULL || cz_value_get_kind (value) != CZ_FIELD_KIND_DATE)
    return FALSE;
  date = cz_value_dup_date (value);
  if (date == NULL || !g_date_valid (date))
    return FALSE;
  *out = *date;
  return TRUE;
}

gboolean
cz_zone_record_is_recognised (CzDossier *dossier)
{
  GDate date;

  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), FALSE);
  return get_date (dossier, CZ_FIELD_RECOGNITION_DATE, &date);
}

gboolean
cz_zone_record_get_recognition (CzDossier     *dossier,
                                CzRecognition *out)
{
  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), FALSE);

  memset (out, 0, sizeof *out);
  cz_recognition_clear (out);
  if (!get_date (dossier, CZ_FIELD_RECOGNITION_DATE, &out->date) ||
      !get_date (dossier, CZ_FIELD_RECOGNITION_FROM, &out->valid_from) ||
      !get_date (dossier, CZ_FIELD_RECOGNITION_UNTIL, &out->valid_until))
    {
      cz_recognition_clear (out);
      return FALSE;
    }
  out->document_number = g_strdup (cz_dossier_get_text (dossier, CZ_FIELD_RECOGNITION_DOCUMENT));
  return TRUE;
}

void
cz_recognition_get_report_years (const CzRecognition *recognition,
                                 guint               *out_first,
                                 guint               *out_last)
{
  *out_first = g_date_get_year (&recognition->valid_from);
  *out_last = g_date_get_year (&recognition->valid_until) - 1;
  if (*out_last < *out_first)
    *out_last = *out_first;
}

void
cz_duty_clear (CzDuty *duty)
{
  g_clear_pointer (&duty->citation, g_free);
  g_clear_pointer (&duty->note, g_free);
}

void
cz_duty_free (CzDuty *duty)
{
  if (duty == NULL)
    return;
  cz_duty_clear (duty);
  g_free (duty);
}

char *
cz_duty_dup_title (const CzDuty *duty)
{
  switch (duty->kind)
    {
    case CZ_DUTY_ANNUAL_REPORT:
      /* Translators: %u is a year */
      return g_strdup_printf (_("Development report for %u"), duty->year);
    case CZ_DUTY_CHANGE_REQUEST:
      return g_strdup (_("Change request"));
    case CZ_DUTY_REVIEW:
      return g_strdup (_("Five-year review"));
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
duty_init (CzDuty     *duty,
           CzDutyKind  kind)
{
  memset (duty, 0, sizeof *duty);
  duty->kind = kind;
  g_date_clear (&duty->due, 1);
  g_date_clear (&duty->stated_due, 1);
  g_date_clear (&duty->ministry_due, 1);
}

static void
roll_off_non_working_day (GDate     *date,
                          CzDueRoll  roll)
{
  while (roll != CZ_DUE_KEEP && !cz_workdays_is_working_day (date))
    {
      if (roll == CZ_DUE_PREVIOUS)
        g_date_subtract_days (date, 1);
      else
        g_date_add_days (date, 1);
    }
}

static const char *
weekday_name (const GDate *date)
{
  static const char * const names[] = {
    NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
    N_("Friday"), N_("Saturday"), N_("Sunday"),
  };
  return _(names[g_date_get_weekday (date)]);
}

void
cz_lifecycle_report_due (CzLifecycleRules *rules,
                         guint             year,
                         CzDuty           *out)
{
  guint pm, pd, mm, md;
  guint due_year = year + 1;

  duty_init (out, CZ_DUTY_ANNUAL_REPORT);
  out->year = year;
  cz_lifecycle_rules_get_report_due (rules, &pm, &pd, &mm, &md);
  g_date_set_dmy (&out->stated_due, pd, pm, due_year);
  g_date_set_dmy (&out->ministry_due, md, mm, due_year);
  out->due = out->stated_due;
  roll_off_non_working_day (&out->due, cz_lifecycle_rules_get_report_roll (rules));
  roll_off_non_working_day (&out->ministry_due, cz_lifecycle_rules_get_report_roll (rules));
  out->provisional = cz_lifecycle_rules_get_report_provisional (rules) || !cz_workdays_has_year (due_year);
  out->citation = g_strdup (cz_lifecycle_rules_get_report_citation (rules));

  if (g_date_compare (&out->due, &out->stated_due) != 0)
    {
      g_autofree char *stated = cz_date_format_official (&out->stated_due);
      g_autofree char *due = cz_date_format_official (&out->due);
      const char *holiday = cz_workdays_get_holiday_name (&out->stated_due);

      out->note = g_strdup_printf (/* Translators: %1$s is a date, %2$s a weekday or a holiday, %3$s a date, %4$s a weekday */
                                   _("%1$s is not a working day (%2$s): hand the report in by %3$s (%4$s)."),
                                   stated, holiday ? holiday : weekday_name (&out->stated_due),
                                   due, weekday_name (&out->due));
    }
  else if (!cz_workdays_has_year (due_year))
    out->note = g_strdup_printf (_("The holiday calendar for %u is not known yet: working days are counted Monday to Friday."),
                                 due_year);
}

gboolean
cz_lifecycle_change_due (CzLifecycleRules *rules,
                         const GDate      *change_date,
                         const GDate      *today,
                         CzDuty           *out,
                         GError          **error)
{
  g_autoptr(GArray) missing = NULL;

  duty_init (out, CZ_DUTY_CHANGE_REQUEST);
  if (change_date == NULL || !g_date_valid (change_date))
    {
      g_set_error_literal (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_INVALID_INPUT,
                           _("Date of the change: enter the day the change happened, as YYYY-MM-DD."));
      return FALSE;
    }
  if (today != NULL && g_date_compare (change_date, today) > 0)
    {
      g_autofree char *date = cz_date_dup_iso (change_date);
      g_set_error (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_INVALID_INPUT,
                   _("Date of the change: %s is after today. A change request is filed after the change has happened; enter the day it happened."),
                   date);
      return FALSE;
    }
  if (!cz_workdays_add (change_date, cz_lifecycle_rules_get_change_working_days (rules),
                        cz_lifecycle_rules_get_count_change_day (rules), &out->due, &missing, error))
    return FALSE;
  out->stated_due = out->due;
  out->citation = g_strdup (cz_lifecycle_rules_get_change_citation (rules));
  out->provisional = missing != NULL;
  if (missing != NULL)
    {
      g_autoptr(GString) years = g_string_new (NULL);

      for (guint i = 0; i < missing->len; i++)
        g_string_append_printf (years, "%s%u", i ? "、" : "", g_array_index (missing, guint, i));
      out->note = g_strdup_printf (_("The holiday calendar for %s is not known yet: working days are counted Monday to Friday, so the date may move."),
                                   years->str);
    }
  return TRUE;
}

void
cz_lifecycle_review_due (CzLifecycleRules    *rules,
                         const CzRecognition *recognition,
                         CzDuty              *out)
{
  duty_init (out, CZ_DUTY_REVIEW);
  out->due = recognition->valid_until;
  out->stated_due = recognition->valid_until;
  out->provisional = cz_lifecycle_rules_get_review_provisional (rules);
  out->citation = g_strdup (cz_lifecycle_rules_get_review_citation (rules));
}

gint
cz_duty_days_left (const CzDuty *duty,
                   const GDate  *today)
{
  return g_date_days_between (today, &duty->due);
}
