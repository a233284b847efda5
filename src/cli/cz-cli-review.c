/* cz-cli-review.c — coopzone-cli review: the five-year review table
 *
 *   review ID [FILE.json] [--submitted D] [--today D] [--json]
 *
 * Without a file, shows the table of every plan target's completion from the
 * annual reports (missing years flagged) and the revocation risks; with one,
 * checks and keeps the review's written part too.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-cli-lifecycle.h"
#include "cz-number.h"

static void
print_table (CzReviewTable *table)
{
  g_autoptr(GString) header = g_string_new (_("Target"));

  for (guint y = table->first_year; y <= table->last_year; y++)
    g_string_append_printf (header, "\t%u", y);
  g_string_append_printf (header, "\t%s", _("Completion"));
  g_print ("%s\n", header->str);

  for (guint i = 0; i < table->rows->len; i++)
    {
      CzReviewRow *row = table->rows->pdata[i];
      g_autofree char *target = cz_plan_format_value (row->target->target_value, row->target->unit);
      g_autoptr(GString) line = g_string_new (NULL);

      /* Translators: %1$s is an indicator, %2$s its target, %3$u the target year */
      g_string_append_printf (line, _("%1$s (%2$s by %3$u)"), row->target->indicator, target, row->target->target_year);
      for (guint k = 0; k <= table->last_year - table->first_year; k++)
        {
          g_autofree char *value = row->has_value[k] ? cz_format_scaled_decimal (row->values[k], CZ_PLAN_VALUE_SCALE) : NULL;
          g_string_append_printf (line, "\t%s", value ? value : _("missing"));
        }
      if (row->has_progress)
        {
          g_autofree char *progress = cz_format_scaled_decimal (row->progress_permille, 1);
          g_string_append_printf (line, "\t%s%% %s", progress,
                                  row->met ? _("target met") : row->behind ? _("behind the plan") : _("on track"));
        }
      else
        g_string_append_printf (line, "\t%s", _("no data"));
      g_print ("%s\n", line->str);
    }

  if (table->missing_years->len > 0)
    {
      g_autoptr(GString) years = g_string_new (NULL);

      for (guint i = 0; i < table->missing_years->len; i++)
        g_string_append_printf (years, "%s%u", i ? "、" : "", g_array_index (table->missing_years, guint, i));
      /* Translators: %s is a list of years */
      g_print (_("No annual report for %s: those years are left empty, not guessed.\n"), years->str);
    }
}

void
cz_cli_print_risks (GPtrArray *risks)
{
  for (guint i = 0; i < risks->len; i++)
    {
      CzRevocationRisk *risk = risks->pdata[i];

      g_print ("%u. %s\n   [%s] %s\n", i + 1, risk->title, cz_risk_state_get_label (risk->state), risk->detail);
      if (risk->state != CZ_RISK_CLEAR)
        g_print ("   %s%s%s\n", _("What to do"), cz_cli_colon (), risk->action);
    }
}

int
command_review (CliContext  *ctx,
                int          argc,
                char       **argv)
{
  g_auto(CliZoneOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CzFiling) review = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CzReviewTable) table = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  CliZone zone;
  int status = 0;

  if (!cz_cli_zone_parse_options (argc, argv, &options))
    return EXIT_BAD_INPUT;
  if (options.positional->len < 1 || options.positional->len > 2)
    return cz_cli_fail (_("Usage: coopzone-cli review ID [FILE.json] [--submitted D] [--today D] [--json]"));
  if (!cz_cli_zone_open (ctx, options.positional->pdata[0], options.rules_path, &zone, &error))
    return cz_cli_fail ("%s", error->message);
  if (!cz_zone_record_is_recognised (zone.zone))
    {
      cz_cli_zone_clear (&zone);
      return cz_cli_fail (_("The dossier is not marked recognised: mark it recognised (date, document number) before filing."));
    }

  if (options.positional->len == 2)
    {
      review = cz_cli_take_filing (&zone, CZ_FILING_REVIEW, options.positional->pdata[1], &options, &problems, &status);
      if (review == NULL)
        {
          cz_cli_zone_clear (&zone);
          return status;
        }
    }

  table = cz_review_table_new (zone.zone, zone.filings, 0, 0);
  risks = cz_revocation_evaluate (zone.lifecycle, zone.zone, zone.filings, &options.today);

  if (options.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "table");
      json_builder_add_value (builder, cz_review_table_to_json (table));
      json_builder_set_member_name (builder, "risks");
      json_builder_begin_array (builder);
      for (guint i = 0; i < risks->len; i++)
        {
          CzRevocationRisk *risk = risks->pdata[i];

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "ground");
          json_builder_add_string_value (builder, cz_revocation_ground_to_id (risk->ground));
          json_builder_set_member_name (builder, "state");
          json_builder_add_string_value (builder, cz_risk_state_to_id (risk->state));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, risk->title);
          json_builder_set_member_name (builder, "detail");
          json_builder_add_string_value (builder, risk->detail);
          json_builder_set_member_name (builder, "action");
          json_builder_add_string_value (builder, risk->action);
          json_builder_set_member_name (builder, "citation");
          json_builder_add_string_value (builder, risk->citation);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      if (problems != NULL)
        {
          json_builder_set_member_name (builder, "problems");
          cz_cli_add_problems_json (builder, problems);
        }
      json_builder_end_object (builder);
      cz_cli_print_builder (builder);
    }
  else
    {
      print_table (table);
      g_print ("\n%s\n", _("Revocation risks:"));
      cz_cli_print_risks (risks);
      if (problems != NULL)
        {
          g_print ("\n%s", cz_filing_is_submitted (review) ? _("Kept as handed in.\n") : _("Kept as a draft.\n"));
          cz_cli_print_problems (problems);
        }
    }

  cz_cli_zone_clear (&zone);
  return status;
}
