/* cz-cli-change.c — coopzone-cli change: a change request, with its deadline
 *
 *   change ID FILE.json [--submitted D] [--today D] [--json]
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-cli-lifecycle.h"

int
command_change (CliContext  *ctx,
                int          argc,
                char       **argv)
{
  g_auto(CliZoneOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CzFiling) change = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  CzDuty duty = { 0 };
  gboolean has_deadline, late;
  CliZone zone;
  int status = 0;

  if (!cz_cli_zone_parse_options (argc, argv, &options))
    return EXIT_BAD_INPUT;
  if (options.positional->len != 2)
    return cz_cli_fail (_("Usage: coopzone-cli change ID FILE.json [--submitted D] [--today D] [--json]"));
  if (!cz_cli_zone_open (ctx, options.positional->pdata[0], options.rules_path, &zone, &error))
    return cz_cli_fail ("%s", error->message);

  change = cz_cli_take_filing (&zone, CZ_FILING_CHANGE_REQUEST, options.positional->pdata[1], &options, &problems, &status);
  if (change == NULL)
    {
      cz_cli_zone_clear (&zone);
      return status;
    }
  late = cz_filing_change_is_late (change, zone.lifecycle, &options.today, &duty);
  has_deadline = g_date_valid (&duty.due);

  if (options.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "what");
      json_builder_add_string_value (builder, json_object_get_string_member_with_default (cz_filing_get_object (change), "what", ""));
      json_builder_set_member_name (builder, "submitted");
      json_builder_add_boolean_value (builder, cz_filing_is_submitted (change));
      json_builder_set_member_name (builder, "late");
      json_builder_add_boolean_value (builder, late);
      if (has_deadline)
        {
          json_builder_set_member_name (builder, "due");
          cz_cli_add_duty_json (builder, &duty, &options.today);
        }
      json_builder_set_member_name (builder, "problems");
      cz_cli_add_problems_json (builder, problems);
      json_builder_end_object (builder);
      cz_cli_print_builder (builder);
    }
  else
    {
      if (has_deadline)
        {
          g_autofree char *text = cz_cli_describe_duty (&duty, &options.today);
          g_autofree char *change_date = NULL;
          GDate date;

          cz_filing_get_date (change, "date", &date);
          change_date = cz_date_format_official (&date);
          g_print ("%s\n", text);
          /* Translators: %1$u is a number of working days, %2$s a date, %3$s a citation */
          g_print (_("  %1$u working days after %2$s, over the State Council’s holiday calendar (%3$s)\n"),
                   cz_lifecycle_rules_get_change_working_days (zone.lifecycle), change_date,
                   cz_lifecycle_rules_get_change_citation (zone.lifecycle));
          if (duty.note != NULL)
            g_print ("  %s\n", duty.note);
        }
      if (late)
        g_print ("%s\n", _("Marked late."));
      g_print (cz_filing_is_submitted (change) ? _("Kept as handed in.\n") : _("Kept as a draft.\n"));
      cz_cli_print_problems (problems);
    }

  cz_duty_clear (&duty);
  cz_cli_zone_clear (&zone);
  return status;
}
