/* cz-cli-form.c — coopzone-cli export-form: the printable 申报表 as a PDF
 *
 * The same core function as the review page's export: a draft, with the
 * 草稿 watermark. Only `pack` puts a form without it into an archive.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cz-form.h"

#include "cz-cli.h"
#include "cz-cli-form.h"

int
command_export_form (CliContext  *ctx,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(CzRules) rules = NULL;
  g_autoptr(GFile) out = NULL;
  g_autofree char *out_name = NULL;
  const char *rules_path = NULL;
  const char *positional[2] = { NULL, NULL };
  guint n_positional = 0;
  CzFormOptions options;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--rules") && i + 1 < argc)
        rules_path = argv[++i];
      else if (n_positional < G_N_ELEMENTS (positional))
        positional[n_positional++] = argv[i];
      else
        return cz_cli_fail (_("Unexpected argument “%s”. Usage: coopzone-cli export-form ID|FILE.json OUT.pdf"), argv[i]);
    }
  if (n_positional != 2)
    return cz_cli_fail (_("Name the dossier and the PDF to write. Usage: coopzone-cli export-form ID|FILE.json OUT.pdf"));

  dossier = cz_cli_load_dossier_argument (ctx, positional[0], NULL, &error);
  if (dossier == NULL)
    return cz_cli_fail ("%s", error->message);
  rules = cz_cli_load_rules (rules_path, dossier, &error);
  if (rules == NULL)
    return cz_cli_fail ("%s", error->message);

  cz_form_options_init (&options);
  options.rules = rules;
  out = g_file_new_for_commandline_arg (positional[1]);
  if (!cz_form_render_to_file (dossier, &options, out, NULL, &error))
    return cz_cli_fail ("%s", error->message);

  out_name = g_file_get_parse_name (out);
  g_print ("%s%s%s\n", _("Application form"), cz_cli_colon (), out_name);
  return 0;
}
