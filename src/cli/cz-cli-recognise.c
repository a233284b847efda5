/* cz-cli-recognise.c — coopzone-cli recognise: a dossier becomes a zone record
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-cli-lifecycle.h"

int
command_recognise (CliContext  *ctx,
                   int          argc,
                   char       **argv)
{
  g_auto(CliZoneOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) duties = NULL;
  const char *date = NULL, *document = NULL, *from = NULL, *until = NULL;
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  CzRecognition recognition = { 0 };
  CliZone zone;
  int status = 0;

  /* --date, --document, --valid-from and --valid-until are this command's own. */
  for (int i = 0; i < argc; i++)
    {
      const char **slot = g_str_equal (argv[i], "--date") ? &date
                          : g_str_equal (argv[i], "--document") ? &document
                          : g_str_equal (argv[i], "--valid-from") ? &from
                          : g_str_equal (argv[i], "--valid-until") ? &until : NULL;
      if (slot == NULL)
        {
          g_ptr_array_add (rest, argv[i]);
          continue;
        }
      if (i + 1 >= argc)
        return cz_cli_fail (_("The option “%s” needs a value."), argv[i]);
      *slot = argv[++i];
    }
  if (!cz_cli_zone_parse_options ((int) rest->len, (char **) rest->pdata, &options))
    return EXIT_BAD_INPUT;
  if (options.positional->len != 1 || date == NULL || document == NULL)
    return cz_cli_fail (_("Usage: coopzone-cli recognise ID --date YYYY-MM-DD --document 文号 [--valid-from D --valid-until D]"));

  if (!cz_cli_zone_open (ctx, options.positional->pdata[0], options.rules_path, &zone, &error))
    return cz_cli_fail ("%s", error->message);

  cz_recognition_clear (&recognition);
  recognition.document_number = g_strdup (document);
  if (!cz_date_parse_iso (date, &recognition.date))
    {
      status = cz_cli_fail (_("Date of recognition: “%s” is not a date; write it as YYYY-MM-DD."), date);
      goto out;
    }
  cz_recognition_default_validity (zone.lifecycle, &recognition.date, &recognition.valid_from, &recognition.valid_until);
  if ((from != NULL && !cz_date_parse_iso (from, &recognition.valid_from)) ||
      (until != NULL && !cz_date_parse_iso (until, &recognition.valid_until)))
    {
      status = cz_cli_fail (_("Validity: write the dates as YYYY-MM-DD."));
      goto out;
    }
  if (!cz_zone_record_mark_recognised (zone.zone, &recognition, &options.today, &error) ||
      !cz_store_flush (zone.store, &error))
    {
      status = cz_cli_fail ("%s", error->message);
      goto out;
    }

  duties = cz_zone_dup_open_duties (zone.lifecycle, zone.zone, zone.filings, &options.today);
  {
    g_autofree char *valid_from = cz_date_format_official (&recognition.valid_from);
    g_autofree char *valid_until = cz_date_format_official (&recognition.valid_until);
    g_autofree char *name = cz_dossier_dup_display_name (zone.zone);
    g_autofree char *next = duties->len ? cz_cli_describe_duty (duties->pdata[0], &options.today) : NULL;

    /* Translators: %1$s is a dossier's name, %2$s and %3$s dates */
    g_print (_("%1$s is a recognised zone, valid from %2$s to %3$s.\n"),
             name, valid_from, valid_until);
    if (next != NULL)
      g_print ("%s%s%s\n", _("Next duty"), cz_cli_colon (), next);
  }

out:
  cz_recognition_clear (&recognition);
  cz_cli_zone_clear (&zone);
  return status;
}
