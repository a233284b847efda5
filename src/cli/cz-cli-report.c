/* cz-cli-report.c — coopzone-cli report: a zone's annual development report
 *
 *   report ID new YEAR            print a new report, the figures offered from
 *                                 the previous report or the application
 *   report ID FILE.json [--submitted D] [--pdf OUT.pdf] [--out A.zip …]
 *                                 check it, keep it, show each target's progress
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-cli-lifecycle.h"
#include "cz-number.h"
#include "cz-zone-filings.h"

static int
print_new_report (CliZone     *zone,
                  const char  *year_text)
{
  g_autoptr(CzFiling) report = NULL;
  g_autofree char *data = NULL;
  guint64 year;

  if (!g_ascii_string_to_unsigned (year_text, 10, 1900, 9999, &year, NULL))
    return cz_cli_fail (_("Year of the report: “%s” is not a year."), year_text);
  report = cz_filing_new_annual_report (zone->zone, (guint) year, cz_zone_find_report (zone->filings, (guint) year - 1));
  data = cz_filing_to_data (report, NULL);
  g_print ("%s\n", data);
  return 0;
}

static void
print_progress (CliZone  *zone,
                CzFiling *report)
{
  g_autoptr(CzReviewTable) table = cz_review_table_new (zone->zone, zone->filings, 0, cz_filing_get_year (report));

  for (guint i = 0; i < table->rows->len; i++)
    {
      CzReviewRow *row = table->rows->pdata[i];
      guint k = cz_filing_get_year (report) - row->first_year;
      g_autofree char *value = NULL;
      g_autofree char *target = cz_plan_format_value (row->target->target_value, row->target->unit);

      if (cz_filing_get_year (report) < row->first_year || !row->has_value[k])
        {
          /* Translators: %1$s is an indicator, %2$s a target such as “1500 亿元” */
          g_print (_("  %1$s: no value given (target %2$s)\n"), row->target->indicator, target);
          continue;
        }
      value = cz_plan_format_value (row->values[k], row->target->unit);
      if (!row->has_progress)
        g_print ("  %s%s%s\n", row->target->indicator, cz_cli_colon (), value);
      else
        {
          g_autofree char *progress = cz_format_scaled_decimal (row->progress_permille, 1);
          g_autofree char *expected = cz_format_scaled_decimal (row->expected_permille, 1);

          /* Translators: %1$s an indicator, %2$s its value, %3$s the target, %4$s and %5$s percentages, %6$s a verdict */
          g_print (_("  %1$s: %2$s of %3$s, %4$s%% of the way (plan: %5$s%%) — %6$s\n"),
                   row->target->indicator, value, target, progress, expected,
                   row->met ? _("target met") : row->behind ? _("behind the plan") : _("on track"));
        }
    }
}

int
command_report (CliContext  *ctx,
                int          argc,
                char       **argv)
{
  g_auto(CliZoneOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CzFiling) report = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  CliZone zone;
  int status = 0;

  if (!cz_cli_zone_parse_options (argc, argv, &options))
    return EXIT_BAD_INPUT;
  if (options.positional->len < 2)
    return cz_cli_fail (_("Usage: coopzone-cli report ID new YEAR | report ID FILE.json [--submitted D] [--today D] [--json]"));
  if (!cz_cli_zone_open (ctx, options.positional->pdata[0], options.rules_path, &zone, &error))
    return cz_cli_fail ("%s", error->message);

  if (g_str_equal (options.positional->pdata[1], "new"))
    {
      status = options.positional->len == 3 ? print_new_report (&zone, options.positional->pdata[2])
                                            : cz_cli_fail (_("Name the year of the new report: report ID new 2025"));
      cz_cli_zone_clear (&zone);
      return status;
    }

  report = cz_cli_take_filing (&zone, CZ_FILING_ANNUAL_REPORT, options.positional->pdata[1], &options, &problems, &status);
  if (report == NULL)
    {
      cz_cli_zone_clear (&zone);
      return status;
    }

  if (options.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(CzReviewTable) table = cz_review_table_new (zone.zone, zone.filings, 0, cz_filing_get_year (report));
      CzDuty duty;

      cz_lifecycle_report_due (zone.lifecycle, cz_filing_get_year (report), &duty);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, cz_filing_get_year (report));
      json_builder_set_member_name (builder, "submitted");
      json_builder_add_boolean_value (builder, cz_filing_is_submitted (report));
      json_builder_set_member_name (builder, "due");
      cz_cli_add_duty_json (builder, &duty, &options.today);
      json_builder_set_member_name (builder, "problems");
      cz_cli_add_problems_json (builder, problems);
      json_builder_set_member_name (builder, "progress");
      json_builder_add_value (builder, cz_review_table_to_json (table));
      json_builder_end_object (builder);
      cz_cli_print_builder (builder);
      cz_duty_clear (&duty);
    }
  else
    {
      CzDuty duty;
      g_autofree char *due = NULL;

      cz_lifecycle_report_due (zone.lifecycle, cz_filing_get_year (report), &duty);
      due = cz_cli_describe_duty (&duty, &options.today);
      g_print ("%s\n", due);
      if (duty.note != NULL)
        g_print ("  %s\n", duty.note);
      g_print (cz_filing_is_submitted (report) ? _("Kept as handed in.\n") : _("Kept as a draft.\n"));
      cz_cli_print_problems (problems);
      g_print ("%s\n", _("Progress toward the plan’s targets:"));
      print_progress (&zone, report);
      cz_duty_clear (&duty);
    }

  cz_cli_zone_clear (&zone);
  return status;
}
