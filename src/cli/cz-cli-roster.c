/* cz-cli-roster.c — coopzone-cli roster: import, show, problems
 *
 * The same core functions as the Revenue step's "Import roster…": the file is
 * read, checked and classified, then accepted into the stored dossier (unless
 * --dry-run). Exit status 1 when errors block some totals.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-money.h"
#include "cz-stored-roster.h"

#include "cz-cli.h"
#include "cz-cli-roster.h"

#define USAGE_IMPORT   "coopzone-cli roster import ID FILE [--sheet N] [--mapping M.json] [--encoding gb18030|utf-8] [--year YYYY] [--dry-run]"
#define USAGE_SHOW     "coopzone-cli roster show ID [--json]"
#define USAGE_PROBLEMS "coopzone-cli roster problems ID OUT.csv"

static const char *
severity_word (CzRosterSeverity severity)
{
  switch (severity)
    {
    case CZ_ROSTER_ERROR_SEVERITY:
      return _("error");
    case CZ_ROSTER_WARNING_SEVERITY:
      return _("warning");
    case CZ_ROSTER_NOTE_SEVERITY:
    default:
      return _("note");
    }
}

static CzDossier *
load_stored (CliContext  *ctx,
             const char  *id,
             CzStore    **store)
{
  g_autoptr(GError) error = NULL;
  CzDossier *dossier;

  if (g_str_has_suffix (id, ".json"))
    {
      cz_cli_fail (_("The roster is kept with a dossier in the store: import “%s” first "
                   "(coopzone-cli import) and give its id."), id);
      return NULL;
    }
  dossier = cz_cli_load_dossier_argument (ctx, id, store, &error);
  if (dossier == NULL)
    cz_cli_fail ("%s", error->message);
  return dossier;
}

static void
print_totals (CzRoster *roster,
              guint     year)
{
  for (guint t = 0; t < CZ_ROSTER_N_TOTALS; t++)
    {
      g_autofree char *field_id = cz_roster_total_dup_field_id (t, year);
      g_autofree char *shown = NULL;
      gint64 value;
      guint blocking;

      if (cz_roster_get_total (roster, t, &value, &blocking))
        shown = t == CZ_ROSTER_TOTAL_REVENUE ? cz_money_format (value, CZ_MONEY_UNIT_WAN)
                                             : g_strdup_printf ("%" G_GINT64_FORMAT, value);
      else if (blocking > 0)
        /* Translators: a total left out of the dossier because of errors in the roster */
        shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "not filled in: %u error to fix",
                                              "not filled in: %u errors to fix", blocking), blocking);
      else
        shown = g_strdup (_("not in the roster"));
      g_print ("  %-34s %s%s%s\n", field_id, cz_roster_total_get_label (t), cz_cli_colon (), shown);
    }
}

static void
print_problems (CzRoster *roster,
                gboolean  with_notes)
{
  for (guint i = 0; i < cz_roster_get_n_problems (roster); i++)
    {
      const CzRosterProblem *p = cz_roster_get_problem (roster, i);

      if (p->severity == CZ_ROSTER_NOTE_SEVERITY && !with_notes)
        continue;
      g_print ("  %s%s%s\n", severity_word (p->severity), cz_cli_colon (), p->message);
    }
}

static int
roster_import (CliContext  *ctx,
               int          argc,
               char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = NULL;
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(CzRoster) roster = NULL;
  g_autoptr(CzRoster) previous = NULL;
  g_autoptr(CzRosterMapping) mapping = NULL;
  g_autoptr(GPtrArray) set = NULL;
  CzRosterImportOptions options;
  const char *positional[2] = { NULL, NULL };
  const char *mapping_path = NULL;
  guint n_positional = 0;
  guint year = 0;
  gboolean dry_run = FALSE;
  guint errors;

  cz_roster_import_options_init (&options);
  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--sheet") && i + 1 < argc)
        {
          guint64 n = g_ascii_strtoull (argv[++i], NULL, 10);
          if (n < 1 || n > 1000)
            return cz_cli_fail (_("--sheet takes the sheet's number, counting from 1. Usage: %s"), USAGE_IMPORT);
          options.sheet = (guint) n - 1;
        }
      else if (g_str_equal (argv[i], "--mapping") && i + 1 < argc)
        mapping_path = argv[++i];
      else if (g_str_equal (argv[i], "--encoding") && i + 1 < argc)
        {
          if (!cz_text_encoding_from_string (argv[++i], &options.encoding))
            return cz_cli_fail (_("Unknown encoding “%s”: use gb18030 (also for GBK) or utf-8."), argv[i]);
        }
      else if (g_str_equal (argv[i], "--year") && i + 1 < argc)
        {
          guint64 y = g_ascii_strtoull (argv[++i], NULL, 10);
          if (y < 2000 || y > 2100)
            return cz_cli_fail (_("--year takes the year the roster's figures cover, such as 2024."));
          year = (guint) y;
        }
      else if (g_str_equal (argv[i], "--dry-run"))
        dry_run = TRUE;
      else if (argv[i][0] != '-' && n_positional < G_N_ELEMENTS (positional))
        positional[n_positional++] = argv[i];
      else
        return cz_cli_fail (_("Unexpected argument “%s”. Usage: %s"), argv[i], USAGE_IMPORT);
    }
  if (n_positional != 2)
    return cz_cli_fail (_("Name the dossier and the roster file. Usage: %s"), USAGE_IMPORT);

  dossier = load_stored (ctx, positional[0], &store);
  if (dossier == NULL)
    return EXIT_BAD_INPUT;
  if (year == 0)
    year = cz_roster_default_year (dossier);

  if (mapping_path != NULL)
    {
      g_autoptr(GPtrArray) rows = cz_roster_preview (positional[1], options.sheet, options.encoding, 1, &error);

      if (rows == NULL)
        return cz_cli_fail ("%s", error->message);
      if (rows->len == 0)
        return cz_cli_fail (_("“%s” has no rows. Check that the right sheet is chosen."), positional[1]);
      mapping = cz_roster_mapping_new_from_file (mapping_path, g_ptr_array_index (rows, 0),
                                                 g_strv_length (g_ptr_array_index (rows, 0)), &error);
      if (mapping == NULL)
        return cz_cli_fail ("%s", error->message);
      options.mapping = mapping;
    }

  roster = cz_roster_import (positional[1], &options, NULL, NULL, NULL, &error);
  if (roster == NULL)
    return cz_cli_fail ("%s", error->message);

  errors = cz_roster_count_problems (roster, CZ_ROSTER_ERROR_SEVERITY);
  g_print ("%s%s%s\n", _("Roster"), cz_cli_colon (), cz_roster_get_source_name (roster));
  g_print ("%s%s%s\n", _("SHA-256"), cz_cli_colon (), cz_roster_get_source_sha256 (roster));
  g_print ("%s%s%u\n", _("Enterprises"), cz_cli_colon (), cz_roster_get_n_entries (roster));
  g_print ("%s%s%u\n", _("Year"), cz_cli_colon (), year);
  g_print ("%s%s%u / %u / %u\n", _("Errors / warnings / notes"), cz_cli_colon (), errors,
           cz_roster_count_problems (roster, CZ_ROSTER_WARNING_SEVERITY),
           cz_roster_count_problems (roster, CZ_ROSTER_NOTE_SEVERITY));
  print_problems (roster, FALSE);

  previous = cz_stored_roster_load (store, dossier, NULL);
  if (previous != NULL)
    {
      g_autoptr(CzRosterDiff) diff = cz_roster_compare (previous, roster);

      g_print ("%s%s", _("Since the last import"), cz_cli_colon ());
      g_print (_("%u added, %u removed, %u changed"), diff->added, diff->removed, diff->changed);
      g_print ("\n");
      for (guint i = 0; i < diff->lines->len && i < 50; i++)
        g_print ("  %s\n", (const char *) g_ptr_array_index (diff->lines, i));
      if (diff->lines->len > 50)
        g_print ("  …\n");
    }

  g_print ("%s%s\n", _("Totals"), cz_cli_colon ());
  print_totals (roster, year);

  if (dry_run)
    {
      g_print ("%s\n", _("Not accepted (--dry-run): the dossier is unchanged."));
      return errors > 0 ? EXIT_BLOCKERS : 0;
    }
  set = cz_stored_roster_accept (store, dossier, roster, year, &error);
  if (set == NULL || !cz_store_flush (store, &error))
    return cz_cli_fail ("%s", error->message);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Accepted: %u field filled in from the roster.",
                        "Accepted: %u fields filled in from the roster.", set->len), set->len);
  g_print ("\n");
  return errors > 0 ? EXIT_BLOCKERS : 0;
}

static int
roster_show (CliContext  *ctx,
             int          argc,
             char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = NULL;
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(CzRoster) roster = NULL;
  g_autofree char *provenance = NULL;
  gboolean json = FALSE;
  const char *id = NULL;
  gint64 year = 0;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (id == NULL && argv[i][0] != '-')
        id = argv[i];
      else
        return cz_cli_fail (_("Unexpected argument “%s”. Usage: %s"), argv[i], USAGE_SHOW);
    }
  if (id == NULL)
    return cz_cli_fail (_("Name the dossier. Usage: %s"), USAGE_SHOW);
  dossier = load_stored (ctx, id, &store);
  if (dossier == NULL)
    return EXIT_BAD_INPUT;
  roster = cz_stored_roster_load (store, dossier, &error);
  if (roster == NULL && error != NULL)
    return cz_cli_fail ("%s", error->message);
  if (roster == NULL)
    return cz_cli_fail (_("Dossier %s has no roster yet. Import one with: %s"), id, USAGE_IMPORT);
  cz_dossier_get_integer (dossier, CZ_FIELD_ROSTER_YEAR, &year);
  provenance = cz_roster_dup_provenance (dossier);

  if (json)
    {
      g_autoptr(JsonNode) node = cz_roster_to_json (roster, TRUE);
      JsonObject *object = json_node_get_object (node);
      g_autofree char *text = NULL;

      /* The file imported, not the stored copy. */
      json_object_set_string_member (object, "source_name", cz_dossier_get_text (dossier, CZ_FIELD_ROSTER_SOURCE_NAME));
      json_object_set_string_member (object, "source_sha256", cz_dossier_get_text (dossier, CZ_FIELD_ROSTER_SOURCE_SHA256));
      json_object_set_string_member (object, "imported",
                                     cz_dossier_get_value (dossier, CZ_FIELD_ROSTER_IMPORTED)
                                     ? cz_value_get_date_iso (cz_dossier_get_value (dossier, CZ_FIELD_ROSTER_IMPORTED)) : NULL);
      json_object_set_int_member (object, "year", year);
      text = json_to_string (node, TRUE);
      g_print ("%s\n", text);
      return 0;
    }

  g_print ("%s%s%s\n", _("Roster"), cz_cli_colon (), cz_dossier_get_text (dossier, CZ_FIELD_ROSTER_SOURCE_NAME));
  if (provenance != NULL)
    g_print ("%s\n", provenance);
  g_print ("%s%s%" G_GINT64_FORMAT "\n\n", _("Year"), cz_cli_colon (), year);
  for (guint i = 0; i < cz_roster_get_n_entries (roster); i++)
    {
      const CzRosterEntry *e = cz_roster_get_entry (roster, i);

      g_print ("%5u  %s  %s  %s\n       %s\n", e->row, e->credit_code ? e->credit_code : "-", e->name,
               cz_sme_size_get_name_zh (e->size), e->size_rule ? e->size_rule : "");
    }
  g_print ("\n%s%s\n", _("Totals"), cz_cli_colon ());
  print_totals (roster, (guint) year);
  return 0;
}

static int
roster_problems (CliContext  *ctx,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = NULL;
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) problems = NULL;

  if (argc != 2)
    return cz_cli_fail (_("Name the dossier and the CSV file to write. Usage: %s"), USAGE_PROBLEMS);
  dossier = load_stored (ctx, argv[0], &store);
  if (dossier == NULL)
    return EXIT_BAD_INPUT;
  csv = cz_store_load_roster (store, cz_dossier_get_id (dossier), &problems, &error);
  if (csv == NULL && error != NULL)
    return cz_cli_fail ("%s", error->message);
  if (csv == NULL || problems == NULL)
    return cz_cli_fail (_("Dossier %s has no roster yet. Import one with: %s"), argv[0], USAGE_IMPORT);
  if (!g_file_set_contents (argv[1], g_bytes_get_data (problems, NULL), g_bytes_get_size (problems), &error))
    return cz_cli_fail (_("Could not write “%s”: %s"), argv[1], error->message);
  return 0;
}

int
command_roster (CliContext  *ctx,
                int          argc,
                char       **argv)
{
  if (g_str_equal (argv[0], "import"))
    return roster_import (ctx, argc - 1, argv + 1);
  if (g_str_equal (argv[0], "show"))
    return roster_show (ctx, argc - 1, argv + 1);
  if (g_str_equal (argv[0], "problems"))
    return roster_problems (ctx, argc - 1, argv + 1);
  return cz_cli_fail (_("Unknown roster command “%s”: use import, show or problems."), argv[0]);
}
