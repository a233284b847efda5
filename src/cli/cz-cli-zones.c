/* cz-cli-zones.c — coopzone-cli zones: each recognised zone and its next duty
 *
 *   zones [--today D] [--json]     one line per zone record: next duty, due date
 *   zones ID [--today D] [--json]  every open duty of one zone, and its risks
 *
 * So a department can script its reminders.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-cli-lifecycle.h"

static int
list_zones (CliContext     *ctx,
            CliZoneOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) infos = NULL;
  g_autofree char *path = ctx->store_path ? g_strdup (ctx->store_path) : cz_store_dup_default_path ();
  g_autoptr(CzStore) store = cz_store_new (path, &error);
  guint n = 0;

  if (store == NULL || (infos = cz_store_list_dossiers (store, &error)) == NULL)
    return cz_cli_fail ("%s", error->message);

  json_builder_begin_array (builder);
  for (guint i = 0; i < infos->len; i++)
    {
      const char *id = cz_dossier_info_get_id (infos->pdata[i]);
      g_autoptr(GPtrArray) duties = NULL;
      g_autofree char *name = NULL;
      CzRecognition recognition;
      CliZone zone;

      if (!cz_cli_zone_open (ctx, id, options->rules_path, &zone, &error))
        {
          /* A dossier whose pack states no duties cannot be a zone record yet. */
          g_clear_error (&error);
          continue;
        }
      if (!cz_zone_record_get_recognition (zone.zone, &recognition))
        {
          cz_cli_zone_clear (&zone);
          continue;
        }
      n++;
      name = cz_dossier_dup_display_name (zone.zone);
      duties = cz_zone_dup_open_duties (zone.lifecycle, zone.zone, zone.filings, &options->today);
      if (options->json)
        {
          g_autofree char *until = cz_date_dup_iso (&recognition.valid_until);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, id);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, name);
          json_builder_set_member_name (builder, "document_number");
          json_builder_add_string_value (builder, recognition.document_number ? recognition.document_number : "");
          json_builder_set_member_name (builder, "valid_until");
          json_builder_add_string_value (builder, until);
          json_builder_set_member_name (builder, "next_duty");
          if (duties->len > 0)
            cz_cli_add_duty_json (builder, duties->pdata[0], &options->today);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *next = duties->len ? cz_cli_describe_duty (duties->pdata[0], &options->today)
                                              : g_strdup (_("no open duty"));
          g_print ("%s\t%s\t%s\n", id, name, next);
        }
      cz_recognition_clear (&recognition);
      cz_cli_zone_clear (&zone);
    }
  json_builder_end_array (builder);

  if (options->json)
    cz_cli_print_builder (builder);
  else if (n == 0)
    g_print ("%s\n", _("No dossier is marked recognised yet (coopzone-cli recognise ID --date … --document …)."));
  return 0;
}

static int
show_zone (CliContext     *ctx,
           const char     *id,
           CliZoneOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) duties = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  CliZone zone;

  if (!cz_cli_zone_open (ctx, id, options->rules_path, &zone, &error))
    return cz_cli_fail ("%s", error->message);
  if (!cz_zone_record_is_recognised (zone.zone))
    {
      cz_cli_zone_clear (&zone);
      return cz_cli_fail (_("The dossier is not marked recognised: mark it recognised (date, document number) before filing."));
    }
  duties = cz_zone_dup_open_duties (zone.lifecycle, zone.zone, zone.filings, &options->today);
  risks = cz_revocation_evaluate (zone.lifecycle, zone.zone, zone.filings, &options->today);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "duties");
      json_builder_begin_array (builder);
      for (guint i = 0; i < duties->len; i++)
        cz_cli_add_duty_json (builder, duties->pdata[i], &options->today);
      json_builder_end_array (builder);
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
          json_builder_set_member_name (builder, "detail");
          json_builder_add_string_value (builder, risk->detail);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      cz_cli_print_builder (builder);
    }
  else
    {
      g_print ("%s\n", _("Open duties:"));
      for (guint i = 0; i < duties->len; i++)
        {
          g_autofree char *text = cz_cli_describe_duty (duties->pdata[i], &options->today);
          const CzDuty *duty = duties->pdata[i];

          g_print ("  %s\n", text);
          if (duty->note != NULL)
            g_print ("    %s\n", duty->note);
        }
      g_print ("\n%s\n", _("Revocation risks:"));
      cz_cli_print_risks (risks);
    }
  cz_cli_zone_clear (&zone);
  return 0;
}

int
command_zones (CliContext  *ctx,
               int          argc,
               char       **argv)
{
  g_auto(CliZoneOptions) options = { 0 };

  if (!cz_cli_zone_parse_options (argc, argv, &options))
    return EXIT_BAD_INPUT;
  if (options.positional->len > 1)
    return cz_cli_fail (_("Usage: coopzone-cli zones [ID] [--today D] [--json]"));
  if (options.positional->len == 1)
    return show_zone (ctx, options.positional->pdata[0], &options);
  return list_zones (ctx, &options);
}
