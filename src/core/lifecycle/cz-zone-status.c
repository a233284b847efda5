/* cz-zone-status.c
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cz-number.h"
#include "cz-zone-status.h"

gboolean
cz_filing_is_submitted (CzFiling *filing)
{
  GDate date;

  return cz_filing_get_date (filing, "submitted", &date);
}

static CzFiling *
find_report (GPtrArray *filings,
             guint      year,
             gboolean   submitted_only)
{
  for (guint i = 0; filings && i < filings->len; i++)
    {
      CzFiling *filing = filings->pdata[i];

      if (cz_filing_get_kind (filing) == CZ_FILING_ANNUAL_REPORT &&
          cz_filing_get_year (filing) == year &&
          (!submitted_only || cz_filing_is_submitted (filing)))
        return filing;
    }
  return NULL;
}

static gint
compare_duties (gconstpointer a,
                gconstpointer b)
{
  const CzDuty *da = *(const CzDuty * const *) a;
  const CzDuty *db = *(const CzDuty * const *) b;

  return g_date_compare (&da->due, &db->due);
}

GPtrArray *
cz_zone_dup_open_duties (CzLifecycleRules *rules,
                         CzDossier        *zone,
                         GPtrArray        *filings,
                         const GDate      *today)
{
  GPtrArray *duties = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_duty_free);
  CzRecognition recognition;
  gboolean reviewed = FALSE;
  guint first, last;

  if (!cz_zone_record_get_recognition (zone, &recognition))
    return duties;

  cz_recognition_get_report_years (&recognition, &first, &last);
  for (guint year = first; year <= last; year++)
    {
      CzDuty *duty;

      if (find_report (filings, year, TRUE) != NULL)
        continue;
      duty = g_new0 (CzDuty, 1);
      cz_lifecycle_report_due (rules, year, duty);
      g_ptr_array_add (duties, duty);
    }

  for (guint i = 0; filings && i < filings->len; i++)
    {
      CzFiling *filing = filings->pdata[i];
      GDate change;
      CzDuty *duty;

      if (cz_filing_get_kind (filing) == CZ_FILING_REVIEW && cz_filing_is_submitted (filing))
        reviewed = TRUE;
      if (cz_filing_get_kind (filing) != CZ_FILING_CHANGE_REQUEST || cz_filing_is_submitted (filing) ||
          !cz_filing_get_date (filing, "date", &change))
        continue;
      duty = g_new0 (CzDuty, 1);
      if (!cz_lifecycle_change_due (rules, &change, NULL, duty, NULL))
        {
          g_free (duty);
          continue;
        }
      g_ptr_array_add (duties, duty);
    }

  if (!reviewed)
    {
      CzDuty *duty = g_new0 (CzDuty, 1);

      cz_lifecycle_review_due (rules, &recognition, duty);
      g_ptr_array_add (duties, duty);
    }

  (void) today;
  g_ptr_array_sort (duties, compare_duties);
  cz_recognition_clear (&recognition);
  return duties;
}

static void
review_row_free (CzReviewRow *row)
{
  cz_plan_target_free (row->target);
  g_free (row->values);
  g_free (row->has_value);
  g_free (row);
}

void
cz_review_table_free (CzReviewTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->missing_years, g_array_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

CzReviewTable *
cz_review_table_new (CzDossier *zone,
                     GPtrArray *filings,
                     guint      first_year,
                     guint      last_year)
{
  CzReviewTable *table = g_new0 (CzReviewTable, 1);
  g_autoptr(GPtrArray) targets = cz_plan_targets_from_dossier (zone);
  CzRecognition recognition;

  if ((first_year == 0 || last_year == 0) && cz_zone_record_get_recognition (zone, &recognition))
    {
      cz_recognition_get_report_years (&recognition, &first_year, &last_year);
      cz_recognition_clear (&recognition);
    }
  if (last_year < first_year)
    last_year = first_year;
  table->first_year = first_year;
  table->last_year = last_year;
  table->missing_years = g_array_new (FALSE, FALSE, sizeof (guint));
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) review_row_free);

  for (guint year = first_year; first_year != 0 && year <= last_year; year++)
    if (find_report (filings, year, FALSE) == NULL)
      g_array_append_val (table->missing_years, year);

  for (guint i = 0; i < targets->len; i++)
    {
      CzReviewRow *row = g_new0 (CzReviewRow, 1);
      guint n = first_year ? last_year - first_year + 1 : 0;

      row->target = cz_plan_target_copy (targets->pdata[i]);
      row->first_year = first_year;
      row->last_year = last_year;
      row->values = g_new0 (gint64, n ? n : 1);
      row->has_value = g_new0 (gboolean, n ? n : 1);
      for (guint k = 0; k < n; k++)
        {
          CzFiling *report = find_report (filings, first_year + k, FALSE);

          if (report != NULL &&
              cz_filing_get_target_value (report, row->target->indicator, &row->values[k]))
            {
              row->has_value[k] = TRUE;
              row->has_latest = TRUE;
              row->latest_year = first_year + k;
              row->latest_value = row->values[k];
            }
        }
      if (row->has_latest && row->target->has_baseline_value && row->target->has_target_value &&
          cz_plan_target_progress (row->target, row->latest_value, &row->progress_permille))
        {
          guint span = row->target->target_year > row->target->baseline_year
                       ? row->target->target_year - row->target->baseline_year : 1;
          gint64 elapsed = (gint64) row->latest_year - row->target->baseline_year;

          row->has_progress = TRUE;
          row->expected_permille = CLAMP (elapsed * 1000 / (gint64) span, 0, 1000);
          row->met = row->progress_permille >= 1000;
          row->behind = !row->met && row->progress_permille < row->expected_permille;
        }
      g_ptr_array_add (table->rows, row);
    }
  return table;
}

JsonNode *
cz_review_table_to_json (CzReviewTable *table)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "first_year");
  json_builder_add_int_value (builder, table->first_year);
  json_builder_set_member_name (builder, "last_year");
  json_builder_add_int_value (builder, table->last_year);
  json_builder_set_member_name (builder, "missing_years");
  json_builder_begin_array (builder);
  for (guint i = 0; i < table->missing_years->len; i++)
    json_builder_add_int_value (builder, g_array_index (table->missing_years, guint, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "targets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < table->rows->len; i++)
    {
      CzReviewRow *row = table->rows->pdata[i];
      g_autofree char *baseline = cz_format_scaled_decimal (row->target->baseline_value, CZ_PLAN_VALUE_SCALE);
      g_autofree char *target = cz_format_scaled_decimal (row->target->target_value, CZ_PLAN_VALUE_SCALE);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "indicator");
      json_builder_add_string_value (builder, row->target->indicator);
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, row->target->unit);
      json_builder_set_member_name (builder, "baseline_year");
      json_builder_add_int_value (builder, row->target->baseline_year);
      json_builder_set_member_name (builder, "baseline_value");
      json_builder_add_string_value (builder, baseline);
      json_builder_set_member_name (builder, "target_year");
      json_builder_add_int_value (builder, row->target->target_year);
      json_builder_set_member_name (builder, "target_value");
      json_builder_add_string_value (builder, target);
      json_builder_set_member_name (builder, "values");
      json_builder_begin_object (builder);
      for (guint y = row->first_year; row->first_year && y <= row->last_year; y++)
        {
          g_autofree char *year = g_strdup_printf ("%u", y);
          guint k = y - row->first_year;

          json_builder_set_member_name (builder, year);
          if (row->has_value[k])
            {
              g_autofree char *value = cz_format_scaled_decimal (row->values[k], CZ_PLAN_VALUE_SCALE);
              json_builder_add_string_value (builder, value);
            }
          else
            json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "progress_percent");
      if (row->has_progress)
        {
          g_autofree char *percent = cz_format_scaled_decimal (row->progress_permille, 1);
          json_builder_add_string_value (builder, percent);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, !row->has_progress ? "no_data" : row->met ? "met" : row->behind ? "behind" : "on_track");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static const char * const risk_ids[] = { "clear", "due", "triggered", "reminder" };

const char *
cz_risk_state_to_id (CzRiskState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (risk_ids), NULL);
  return risk_ids[state];
}

const char *
cz_risk_state_get_label (CzRiskState state)
{
  switch (state)
    {
    case CZ_RISK_CLEAR:
      return _("Clear as far as CoopZone knows");
    case CZ_RISK_DUE:
      return C_("revocation risk", "Due");
    case CZ_RISK_TRIGGERED:
      return C_("revocation risk", "At risk");
    case CZ_RISK_REMINDER:
      return _("Reminder: CoopZone cannot check this");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
cz_revocation_risk_free (CzRevocationRisk *risk)
{
  if (risk == NULL)
    return;
  g_free (risk->title);
  g_free (risk->detail);
  g_free (risk->action);
  g_free (risk->citation);
  g_free (risk);
}

static void
evaluate_missing_report (CzLifecycleRules    *rules,
                         const CzRecognition *recognition,
                         GPtrArray           *filings,
                         const GDate         *today,
                         CzRevocationRisk    *risk)
{
  guint first, last, previous = g_date_get_year (today) - 1;
  g_autoptr(GString) overdue = g_string_new (NULL);
  CzDuty duty;

  cz_recognition_get_report_years (recognition, &first, &last);
  for (guint year = first; year <= MIN (last, previous); year++)
    {
      if (find_report (filings, year, TRUE) != NULL)
        continue;
      cz_lifecycle_report_due (rules, year, &duty);
      if (g_date_compare (today, &duty.due) > 0)
        g_string_append_printf (overdue, "%s%u", overdue->len ? "、" : "", year);
      cz_duty_clear (&duty);
    }
  if (overdue->len > 0)
    {
      risk->state = CZ_RISK_TRIGGERED;
      /* Translators: %s is a list of years */
      risk->detail = g_strdup_printf (_("The development report for %s was not handed in by its due date."), overdue->str);
      return;
    }
  if (previous < first || previous > last)
    {
      risk->state = CZ_RISK_CLEAR;
      risk->detail = g_strdup_printf (_("No development report is due for %u."), previous);
      return;
    }
  if (find_report (filings, previous, TRUE) != NULL)
    {
      risk->state = CZ_RISK_CLEAR;
      risk->detail = g_strdup_printf (_("The development report for %u was handed in."), previous);
      return;
    }
  cz_lifecycle_report_due (rules, previous, &duty);
  {
    g_autofree char *due = cz_date_format_official (&duty.due);
    risk->state = CZ_RISK_DUE;
    /* Translators: %1$u is a year, %2$s a date, %3$d a number of days */
    risk->detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "The development report for %1$u is due by %2$s: %3$d day left.",
                                                 "The development report for %1$u is due by %2$s: %3$d days left.",
                                                 (gulong) cz_duty_days_left (&duty, today)),
                                    previous, due, cz_duty_days_left (&duty, today));
  }
  cz_duty_clear (&duty);
}

static void
evaluate_changes (CzLifecycleRules *rules,
                  GPtrArray        *filings,
                  const GDate      *today,
                  CzRevocationRisk *risk)
{
  g_autoptr(GString) late = g_string_new (NULL);
  g_autoptr(GString) open = g_string_new (NULL);

  for (guint i = 0; filings && i < filings->len; i++)
    {
      CzFiling *filing = filings->pdata[i];
      CzDuty duty;

      if (cz_filing_get_kind (filing) != CZ_FILING_CHANGE_REQUEST)
        continue;
      if (cz_filing_change_is_late (filing, rules, today, &duty))
        {
          g_autofree char *due = cz_date_format_official (&duty.due);
          g_string_append_printf (late, "%s%s", late->len ? "；" : "", due);
        }
      else if (g_date_valid (&duty.due) && !cz_filing_is_submitted (filing))
        {
          g_autofree char *due = cz_date_format_official (&duty.due);
          gint left = cz_duty_days_left (&duty, today);

          g_string_append_printf (open, "%s", open->len ? "；" : "");
          g_string_append_printf (open,
                                  /* Translators: %1$s is a date, %2$d a number of days */
                                  g_dngettext (GETTEXT_PACKAGE, "due by %1$s, %2$d day left", "due by %1$s, %2$d days left", (gulong) MAX (left, 0)),
                                  due, left);
        }
      cz_duty_clear (&duty);
    }
  if (late->len > 0)
    {
      risk->state = CZ_RISK_TRIGGERED;
      /* Translators: %s is one or more dates */
      risk->detail = g_strdup_printf (_("A change request was not handed in by its deadline (%s)."), late->str);
    }
  else if (open->len > 0)
    {
      risk->state = CZ_RISK_DUE;
      /* Translators: %s says by when, such as “due by 2026年11月13日, 30 days left” */
      risk->detail = g_strdup_printf (_("A change is waiting for its request: %s."), open->str);
    }
  else
    {
      risk->state = CZ_RISK_CLEAR;
      risk->detail = g_strdup (_("Every change recorded was requested in time."));
    }
}

static void
evaluate_declarations (GPtrArray          *filings,
                       CzRevocationGround  ground,
                       CzRevocationRisk   *risk)
{
  for (guint i = 0; filings && i < filings->len; i++)
    {
      CzFiling *filing = filings->pdata[i];
      g_autofree char *incident = NULL;

      if (cz_filing_get_kind (filing) != CZ_FILING_ANNUAL_REPORT)
        continue;
      if (ground == CZ_REVOCATION_INCIDENT_OR_DISHONESTY &&
          cz_filing_report_has_disqualifying_incident (filing, &incident))
        {
          risk->state = CZ_RISK_TRIGGERED;
          /* Translators: %1$u is a year, %2$s an incident and its grade */
          risk->detail = g_strdup_printf (_("The report for %1$u declares %2$s."), cz_filing_get_year (filing), incident);
          return;
        }
      if ((ground == CZ_REVOCATION_INCIDENT_OR_DISHONESTY && cz_filing_report_declares (filing, "serious_dishonesty")) ||
          (ground == CZ_REVOCATION_MAJOR_VIOLATION && cz_filing_report_declares (filing, "major_violation")))
        {
          risk->state = CZ_RISK_TRIGGERED;
          risk->detail = g_strdup_printf (ground == CZ_REVOCATION_MAJOR_VIOLATION
                                          ? _("The report for %u declares a major violation of law.")
                                          : _("The report for %u declares serious dishonesty."),
                                          cz_filing_get_year (filing));
          return;
        }
    }
  risk->state = CZ_RISK_CLEAR;
  risk->detail = g_strdup (_("No report declares one."));
}

GPtrArray *
cz_revocation_evaluate (CzLifecycleRules *rules,
                        CzDossier        *zone,
                        GPtrArray        *filings,
                        const GDate      *today)
{
  GPtrArray *risks = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_revocation_risk_free);
  CzRecognition recognition;
  gboolean recognised = cz_zone_record_get_recognition (zone, &recognition);

  for (guint g = 0; g < CZ_N_REVOCATION_GROUNDS; g++)
    {
      CzRevocationRisk *risk = g_new0 (CzRevocationRisk, 1);

      risk->ground = (CzRevocationGround) g;
      risk->title = g_strdup (cz_lifecycle_rules_get_ground_title (rules, g, NULL));
      risk->action = g_strdup (cz_lifecycle_rules_get_ground_action (rules, g, NULL));
      risk->citation = g_strdup (cz_lifecycle_rules_get_revocation_citation (rules));

      if (!cz_lifecycle_rules_get_ground_knowable (rules, g))
        {
          risk->state = CZ_RISK_REMINDER;
          risk->detail = g_strdup (_("CoopZone cannot know this: it is listed so that it is not forgotten."));
        }
      else if (g == CZ_REVOCATION_MISSING_REPORT && recognised)
        evaluate_missing_report (rules, &recognition, filings, today, risk);
      else if (g == CZ_REVOCATION_MISSING_REPORT)
        {
          risk->state = CZ_RISK_CLEAR;
          risk->detail = g_strdup (_("The zone is not recognised yet."));
        }
      else if (g == CZ_REVOCATION_CHANGE_NOT_REPORTED)
        evaluate_changes (rules, filings, today, risk);
      else
        evaluate_declarations (filings, g, risk);
      g_ptr_array_add (risks, risk);
    }
  if (recognised)
    cz_recognition_clear (&recognition);
  return risks;
}
