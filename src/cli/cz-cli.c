/* cz-cli.c — coopzone-cli: what the application does, without a display
 *
 * Every command goes through the same core functions as the application, so
 * scripts and tests exercise the real code.
 *
 * Exit status: 0 success, 1 the dossier has blockers (validate), 2 bad usage
 * or input.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "cz-divisions.h"
#include "cz-dossier.h"
#include "cz-fields.h"
#include "cz-number.h"
#include "cz-rules-catalog.h"
#include "cz-sample.h"
#include "cz-cli-evidence.h"
#include "cz-sample-evidence.h"
#include "cz-stored-dossier.h"
#include "cz-store.h"

#include "cz-cli.h"
#include "cz-cli-archive.h"
#include "cz-cli-form.h"
#include "cz-cli-lifecycle.h"
#include "cz-cli-roster.h"

typedef int (*CommandFunc) (CliContext *ctx, int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  int          min_args;
  int          max_args;
  CommandFunc  func;
} Command;

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("-");
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static int
command_list (CliContext  *ctx,
              int          argc,
              char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = cz_cli_open_store (ctx, &error);
  g_autoptr(GPtrArray) infos = NULL;

  if (store == NULL)
    return cz_cli_fail ("%s", error->message);

  infos = cz_store_list_dossiers (store, &error);
  if (infos == NULL)
    return cz_cli_fail ("%s", error->message);

  for (guint i = 0; i < infos->len; i++)
    {
      CzDossierInfo *info = g_ptr_array_index (infos, i);
      g_autofree char *modified = format_time (cz_dossier_info_get_modified (info));

      g_print ("%s  %s  %s\n", cz_dossier_info_get_id (info), modified,
               cz_dossier_info_get_display_name (info));
    }
  return 0;
}

static int
command_show (CliContext  *ctx,
              int          argc,
              char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_cli_load_dossier_argument (ctx, argv[0], NULL, &error);
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *name = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;

  if (dossier == NULL)
    return cz_cli_fail ("%s", error->message);

  name = cz_dossier_dup_display_name (dossier);
  created = format_time (cz_dossier_get_created (dossier));
  modified = format_time (cz_dossier_get_modified (dossier));

  g_print ("%s\n", name);
  g_print ("%s%s%s\n", _("Id"), cz_cli_colon (), cz_dossier_get_id (dossier));
  g_print ("%s%s%s\n", _("Created"), cz_cli_colon (), created);
  g_print ("%s%s%s\n\n", _("Modified"), cz_cli_colon (), modified);

  ids = cz_dossier_dup_field_ids (dossier);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *field_id = g_ptr_array_index (ids, i);
      const CzFieldSpec *spec = cz_field_spec_lookup (field_id);
      g_autofree char *display = cz_field_dup_display (field_id, cz_dossier_get_value (dossier, field_id));

      g_print ("%-28s %s%s%s\n", field_id, spec ? _(spec->label) : "", cz_cli_colon (), display);
    }
  return 0;
}

static int
command_export (CliContext  *ctx,
                int          argc,
                char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_cli_load_dossier_argument (ctx, argv[0], NULL, &error);
  g_autoptr(GFile) file = NULL;

  if (dossier == NULL)
    return cz_cli_fail ("%s", error->message);

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!cz_dossier_save_to_file (dossier, file, NULL, &error))
    return cz_cli_fail (_("Could not write “%s”: %s"), argv[1], error->message);
  return 0;
}

static int
command_import (CliContext  *ctx,
                int          argc,
                char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[0]);
  g_autoptr(CzDossier) source = cz_dossier_new_from_file (file, NULL, &error);
  g_autoptr(CzStore) store = NULL;
  g_autoptr(CzDossier) imported = NULL;
  g_autoptr(CzRules) rules = NULL;
  g_autofree char *unknown = NULL;

  if (source == NULL)
    return cz_cli_fail ("%s", error->message);

  store = cz_cli_open_store (ctx, &error);
  if (store == NULL)
    return cz_cli_fail ("%s", error->message);

  /* Started here: it says which pack it is prepared with. */
  rules = cz_rules_record_for_dossier (source, &error);
  if (rules == NULL)
    return cz_cli_fail ("%s", error->message);
  imported = cz_store_import_dossier (store, source, &error);
  if (imported == NULL)
    return cz_cli_fail ("%s", error->message);

  unknown = cz_dossier_dup_unknown_fields_message (imported);
  if (unknown != NULL)
    /* Translators: %s is a sentence naming fields this version does not know */
    g_printerr (_("coopzone-cli: warning: %s\n"), unknown);
  g_print ("%s\n", cz_dossier_get_id (imported));
  return 0;
}

static int
command_sample (CliContext  *ctx,
                int          argc,
                char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) sample = cz_sample_dossier_new ();

  if (argc == 1 && g_strcmp0 (argv[0], "--store") == 0)
    {
      g_autoptr(CzStore) store = cz_cli_open_store (ctx, &error);
      g_autoptr(CzDossier) imported = NULL;
      g_autoptr(CzRules) rules = NULL;

      if (store == NULL)
        return cz_cli_fail ("%s", error->message);
      rules = cz_rules_record_for_dossier (sample, &error);
      if (rules == NULL)
        return cz_cli_fail ("%s", error->message);
      imported = cz_store_import_dossier (store, sample, &error);
      if (imported == NULL || !cz_sample_add_evidence_to_stored (store, imported, NULL, &error))
        return cz_cli_fail ("%s", error->message);
      g_print ("%s\n", cz_dossier_get_id (imported));
      return 0;
    }

  if (argc == 1)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[0]);

      if (!cz_dossier_save_to_file (sample, file, NULL, &error))
        return cz_cli_fail (_("Could not write “%s”: %s"), argv[0], error->message);
      return 0;
    }

  {
    g_autofree char *data = cz_dossier_to_data (sample, NULL);
    g_print ("%s", data);
  }
  return 0;
}

static const Command commands[] = {
  { "list",   "",                 N_("List the dossiers in the store, newest first"),        0, 0, command_list },
  { "show",   "ID|FILE.json",     N_("Show a dossier's fields"),                              1, 1, command_show },
  { "export", "ID FILE.json",     N_("Write a dossier to a JSON file"),                       2, 2, command_export },
  { "import", "FILE.json",        N_("Add a dossier from a JSON file; prints its new id"),    1, 1, command_import },
  { "sample", "[FILE.json|--store]", N_("Write the sample dossier, or add it to the store"), 0, 1, command_sample },
  { "validate", "ID|FILE.json [--json] [--rules PACK.json]",
    N_("Check a dossier against the rules pack; exit 1 when it has blockers"), 1, 4, command_validate },
  { "rules", "[--json] [--rules PACK.json]", N_("Show the rules pack in use"), 0, 3, command_rules },
  { "install-rules", "PACK.json", N_("Check a rules pack and use it from now on for its call year"), 1, 1, command_install_rules },
  { "attach", "ID SLOT FILE… [--pages 2-3]", N_("Attach evidence files to a slot; prints each file's SHA-256"), 3, 64, command_attach },
  { "evidence", "ID [--json]", N_("Show the evidence slots, their files and findings"), 1, 2, command_evidence },
  { "signer", "create|import|show …", N_("Create, import or show the department’s signing certificate"), 1, 8, command_signer },
  { "pack", "ID|FILE.json --out OUT.zip --signer FILE.p12 --passphrase-file F", N_("Sign and pack the dossier and its evidence; exit 1 while it has blockers"), 1, 16, command_pack },
  { "export-form", "ID|FILE.json OUT.pdf [--rules PACK.json]", N_("Write the printable application form (申报表, a draft) as a PDF"), 2, 4, command_export_form },
  { "roster", "import|show|problems ID …", N_("Import the zone's roster of enterprises from .xlsx or CSV, show it, or write its problems as CSV"), 2, 16, command_roster },
  { "verify", "ARCHIVE [--json] [--ca CERT.pem]", N_("Check a submission archive; exit 1 when it is not valid"), 1, 4, command_verify },
  { "recognise", "ID --date D --document 文号", N_("Mark a dossier recognised: it becomes a zone record"), 5, 12, command_recognise },
  { "report", "ID new YEAR | ID FILE.json [--submitted D]", N_("Check and keep an annual development report; exit 1 while it has blockers"), 2, 16, command_report },
  { "change", "ID FILE.json [--submitted D]", N_("Check and keep a change request, with its deadline"), 2, 16, command_change },
  { "review", "ID [FILE.json]", N_("Show the five-year review table and the revocation risks"), 1, 16, command_review },
  { "zones", "[ID] [--json] [--today D]", N_("List the recognised zones with their next duty and due date"), 0, 6, command_zones },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: coopzone-cli [--store PATH] COMMAND [ARGUMENTS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *synopsis = g_strdup_printf ("%s %s", commands[i].name, commands[i].args);

      /* A long synopsis gets a line of its own, so the summaries stay in one column. */
      if (g_utf8_strlen (synopsis, -1) <= 30)
        fprintf (out, "  %-30s %s\n", synopsis, _(commands[i].summary));
      else
        fprintf (out, "  %s\n  %-30s %s\n", synopsis, "", _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("The store is $XDG_DATA_HOME/coopzone/coopzone.db unless --store is given."));
}

int
main (int   argc,
      char *argv[])
{
  CliContext ctx = { 0 };
  int first = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COOPZONE_LOCALEDIR") ? g_getenv ("COOPZONE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  while (first < argc && argv[first][0] == '-')
    {
      if (g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h"))
        {
          print_usage (stdout);
          return 0;
        }
      if (g_str_equal (argv[first], "--version"))
        {
          g_print ("coopzone-cli %s\n", PACKAGE_VERSION);
          return 0;
        }
      if (g_str_equal (argv[first], "--store") && first + 1 < argc)
        {
          ctx.store_path = argv[first + 1];
          first += 2;
          continue;
        }
      print_usage (stderr);
      return cz_cli_fail (_("Unknown option “%s”."), argv[first]);
    }

  if (first >= argc)
    {
      print_usage (stderr);
      return EXIT_BAD_INPUT;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const Command *command = &commands[i];
      int n_args = argc - first - 1;

      if (!g_str_equal (argv[first], command->name))
        continue;

      if (n_args < command->min_args || n_args > command->max_args)
        return cz_cli_fail (_("Usage: coopzone-cli %s %s"), command->name, command->args);

      for (int a = first + 1; a < argc; a++)
        if (!g_utf8_validate (argv[a], -1, NULL))
          return cz_cli_fail (_("Argument %d is not valid UTF-8 text."), a - first);

      return command->func (&ctx, n_args, argv + first + 1);
    }

  print_usage (stderr);
  return cz_cli_fail (_("Unknown command “%s”."), argv[first]);
}
