/* cz-cli-common.c — what the commands of coopzone-cli share: messages,
 * the store, the dossier and the rules pack named on the command line,
 * JSON output
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-rules-catalog.h"

#include "cz-cli.h"

const char *
cz_cli_colon (void)
{
  /* Translators: between a label and its value on one line of coopzone-cli's output */
  return _(": ");
}

int
cz_cli_fail (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("coopzone-cli: %s\n", message);
  return EXIT_BAD_INPUT;
}

/* The store named with --store, else the default one; a recovery at open
 * is reported on stderr. */
CzStore *
cz_cli_open_store (CliContext  *ctx,
                   GError     **error)
{
  g_autofree char *path = ctx->store_path ? g_strdup (ctx->store_path) : cz_store_dup_default_path ();
  CzStore *store = cz_store_new (path, error);

  if (store != NULL && cz_store_get_recovery_message (store) != NULL)
    g_printerr ("coopzone-cli: %s\n", cz_store_get_recovery_message (store));
  return store;
}

/* A dossier named on the command line: a file when it ends in .json and
 * exists, otherwise an id in the store. */
CzDossier *
cz_cli_load_dossier_argument (CliContext  *ctx,
                              const char  *argument,
                              CzStore    **store_out,
                              GError     **error)
{
  g_autoptr(CzStore) store = NULL;

  if (g_str_has_suffix (argument, ".json") || g_file_test (argument, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argument);
      return cz_dossier_new_from_file (file, NULL, error);
    }

  store = cz_cli_open_store (ctx, error);
  if (store == NULL)
    return NULL;
  if (store_out != NULL)
    *store_out = g_object_ref (store);
  return cz_store_open_dossier (store, argument, error);
}

/**
 * cz_cli_load_rules:
 * @rules_path: (nullable): the pack named with --rules
 * @dossier: (nullable): the dossier to check
 *
 * The pack named with --rules, else the pack in use for the dossier's call
 * year (an installed pack, else the built-in one), as the application chooses.
 */
CzRules *
cz_cli_load_rules (const char  *rules_path,
                   CzDossier   *dossier,
                   GError     **error)
{
  if (rules_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (rules_path);
      return cz_rules_new_from_file (file, error);
    }
  if (dossier != NULL)
    return cz_rules_dup_for_dossier (dossier, error);
  return cz_rules_dup_for_year (CZ_RULES_BUILTIN_YEAR, error);
}

/* Prints @node as indented JSON on stdout. */
void
cz_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, NULL);
  g_print ("%s\n", data);
}

/* Prints what @builder built as indented JSON on stdout. */
void
cz_cli_print_builder (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  cz_cli_print_json (root);
}
