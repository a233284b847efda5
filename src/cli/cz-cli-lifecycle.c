/* cz-cli-lifecycle.c — helpers of the zone-record commands
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cz-cli-lifecycle.h"
#include "cz-zone-filings.h"

gboolean
cz_cli_zone_parse_options (int             argc,
                           char          **argv,
                           CliZoneOptions *options)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *today = NULL;

  memset (options, 0, sizeof *options);
  g_date_clear (&options->today, 1);
  options->positional = g_ptr_array_new ();

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];
      const char **slot = NULL;

      if (g_str_equal (arg, "--json"))
        {
          options->json = TRUE;
          continue;
        }
      if (g_str_equal (arg, "--today"))
        slot = &today;
      else if (g_str_equal (arg, "--rules"))
        slot = &options->rules_path;
      else if (g_str_equal (arg, "--submitted"))
        slot = &options->submitted;
      else if (g_str_equal (arg, "--pdf"))
        slot = &options->pdf_path;
      else if (g_str_equal (arg, "--out"))
        slot = &options->out_path;
      else if (g_str_equal (arg, "--signer"))
        slot = &options->signer_path;
      else if (g_str_equal (arg, "--passphrase-file"))
        slot = &options->passphrase_path;
      else if (g_str_has_prefix (arg, "--"))
        {
          cz_cli_fail (_("Unknown option “%s”."), arg);
          return FALSE;
        }
      else
        {
          g_ptr_array_add (options->positional, argv[i]);
          continue;
        }
      if (i + 1 >= argc)
        {
          cz_cli_fail (_("The option “%s” needs a value."), arg);
          return FALSE;
        }
      *slot = argv[++i];
    }

  if (today != NULL)
    {
      if (!cz_date_parse_iso (today, &options->today))
        {
          cz_cli_fail (_("--today: “%s” is not a date; write it as YYYY-MM-DD."), today);
          return FALSE;
        }
    }
  else
    g_date_set_dmy (&options->today, g_date_time_get_day_of_month (now),
                    g_date_time_get_month (now), g_date_time_get_year (now));
  if (options->submitted != NULL)
    {
      GDate submitted;

      if (!cz_date_parse_iso (options->submitted, &submitted))
        {
          cz_cli_fail (_("--submitted: “%s” is not a date; write it as YYYY-MM-DD."), options->submitted);
          return FALSE;
        }
      if (g_date_compare (&submitted, &options->today) > 0)
        {
          cz_cli_fail (_("--submitted: %s is after today; give the day the filing was handed in."), options->submitted);
          return FALSE;
        }
    }
  return TRUE;
}

void
cz_cli_zone_options_clear (CliZoneOptions *options)
{
  g_clear_pointer (&options->positional, g_ptr_array_unref);
}

gboolean
cz_cli_zone_open (CliContext  *ctx,
                  const char  *id,
                  const char  *rules_path,
                  CliZone     *out,
                  GError     **error)
{
  memset (out, 0, sizeof *out);
  if (g_str_has_suffix (id, ".json"))
    {
      g_set_error (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_INVALID_INPUT,
                   _("“%s”: a zone record lives in the store; import the dossier and name its id."), id);
      return FALSE;
    }
  out->zone = cz_cli_load_dossier_argument (ctx, id, &out->store, error);
  if (out->zone == NULL)
    goto failed;
  out->rules = cz_cli_load_rules (rules_path, out->zone, error);
  if (out->rules == NULL)
    goto failed;
  out->lifecycle = cz_lifecycle_rules_new (out->rules, error);
  if (out->lifecycle == NULL)
    goto failed;
  out->filings = cz_zone_load_filings (out->store, cz_dossier_get_id (out->zone), error);
  if (out->filings == NULL)
    goto failed;
  return TRUE;

failed:
  cz_cli_zone_clear (out);
  return FALSE;
}

void
cz_cli_zone_clear (CliZone *zone)
{
  g_clear_pointer (&zone->filings, g_ptr_array_unref);
  g_clear_pointer (&zone->lifecycle, cz_lifecycle_rules_unref);
  g_clear_object (&zone->rules);
  g_clear_object (&zone->zone);
  if (zone->store != NULL)
    cz_store_flush (zone->store, NULL);
  g_clear_object (&zone->store);
}

char *
cz_cli_describe_duty (const CzDuty *duty,
                      const GDate  *today)
{
  g_autofree char *title = cz_duty_dup_title (duty);
  g_autofree char *due = cz_date_format_official (&duty->due);
  g_autofree char *when = NULL;
  gint left = cz_duty_days_left (duty, today);

  if (left < 0)
    /* Translators: %1$s is a date, %2$d a number of days */
    when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "due %1$s, %2$d day overdue", "due %1$s, %2$d days overdue", (gulong) -left),
                            due, -left);
  else
    when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "due by %1$s, %2$d day left", "due by %1$s, %2$d days left", (gulong) left),
                            due, left);
  return g_strdup_printf ("%s%s%s%s", title, cz_cli_colon (), when,
                          duty->provisional ? _(" (provisional)") : "");
}

void
cz_cli_add_duty_json (JsonBuilder  *builder,
                      const CzDuty *duty,
                      const GDate  *today)
{
  static const char * const kinds[] = { "annual-report", "change-request", "review" };
  g_autofree char *due = cz_date_dup_iso (&duty->due);
  g_autofree char *stated = cz_date_dup_iso (&duty->stated_due);
  g_autofree char *title = cz_duty_dup_title (duty);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kinds[duty->kind]);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  if (duty->year != 0)
    {
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, duty->year);
    }
  json_builder_set_member_name (builder, "due");
  json_builder_add_string_value (builder, due);
  json_builder_set_member_name (builder, "stated_due");
  json_builder_add_string_value (builder, stated);
  if (g_date_valid (&duty->ministry_due))
    {
      g_autofree char *ministry = cz_date_dup_iso (&duty->ministry_due);
      json_builder_set_member_name (builder, "ministry_due");
      json_builder_add_string_value (builder, ministry);
    }
  json_builder_set_member_name (builder, "days_left");
  json_builder_add_int_value (builder, cz_duty_days_left (duty, today));
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, cz_duty_days_left (duty, today) < 0);
  json_builder_set_member_name (builder, "provisional");
  json_builder_add_boolean_value (builder, duty->provisional);
  json_builder_set_member_name (builder, "citation");
  json_builder_add_string_value (builder, duty->citation ? duty->citation : "");
  if (duty->note != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, duty->note);
    }
  json_builder_end_object (builder);
}

gboolean
cz_cli_print_problems (GPtrArray *problems)
{
  gboolean blocks = FALSE;

  for (CzSeverity severity = CZ_SEVERITY_BLOCKER; severity < CZ_N_SEVERITIES; severity++)
    for (guint i = 0; i < problems->len; i++)
      {
        CzFilingProblem *problem = problems->pdata[i];

        if (problem->severity != severity)
          continue;
        blocks |= severity == CZ_SEVERITY_BLOCKER;
        g_print ("%s%s%s\n", cz_severity_get_label (severity), cz_cli_colon (), problem->message);
      }
  return blocks;
}

void
cz_cli_add_problems_json (JsonBuilder *builder,
                          GPtrArray   *problems)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      CzFilingProblem *problem = problems->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, cz_severity_to_id (problem->severity));
      json_builder_set_member_name (builder, "member");
      json_builder_add_string_value (builder, problem->member);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

CzFiling *
cz_cli_take_filing (CliZone         *zone,
                    CzFilingKind     kind,
                    const char      *path,
                    CliZoneOptions  *options,
                    GPtrArray      **out_problems,
                    int             *exit_code)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CzFiling) filing = cz_filing_new_from_file (file, &error);
  g_autoptr(GPtrArray) problems = NULL;
  const char *dossier_id;

  if (filing == NULL)
    {
      *exit_code = cz_cli_fail ("%s", error->message);
      return NULL;
    }
  if (cz_filing_get_kind (filing) != kind)
    {
      *exit_code = cz_cli_fail (_("%1$s holds a filing of the kind “%2$s”, not “%3$s”."), path,
                                cz_filing_kind_get_title (cz_filing_get_kind (filing)), cz_filing_kind_get_title (kind));
      return NULL;
    }
  dossier_id = cz_filing_get_dossier_id (filing);
  if (*dossier_id != '\0' && !g_str_equal (dossier_id, cz_dossier_get_id (zone->zone)))
    {
      *exit_code = cz_cli_fail (_("%1$s belongs to the dossier “%2$s”, not “%3$s”."), path, dossier_id,
                                cz_dossier_get_id (zone->zone));
      return NULL;
    }
  cz_filing_set_dossier_id (filing, cz_dossier_get_id (zone->zone));
  if (options->submitted != NULL)
    json_object_set_string_member (cz_filing_get_object (filing), "submitted", options->submitted);

  problems = cz_filing_check (filing, zone->zone, zone->lifecycle, &options->today);
  if (cz_filing_problems_block (problems) && options->submitted != NULL)
    /* Kept as a draft: a filing with blockers is not handed in. */
    json_object_remove_member (cz_filing_get_object (filing), "submitted");

  if (!cz_zone_save_filing (zone->store, filing, &error))
    {
      *exit_code = cz_cli_fail ("%s", error->message);
      return NULL;
    }
  g_clear_pointer (&zone->filings, g_ptr_array_unref);
  zone->filings = cz_zone_load_filings (zone->store, cz_dossier_get_id (zone->zone), &error);
  if (zone->filings == NULL)
    {
      *exit_code = cz_cli_fail ("%s", error->message);
      return NULL;
    }
  *exit_code = cz_filing_problems_block (problems) ? EXIT_BLOCKERS : 0;
  *out_problems = g_steal_pointer (&problems);
  return g_steal_pointer (&filing);
}
