/* cz-cli.h — what the commands of coopzone-cli share
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cz-dossier.h"
#include "cz-rules.h"
#include "cz-store.h"

G_BEGIN_DECLS

#define EXIT_BLOCKERS  1
#define EXIT_BAD_INPUT 2

typedef struct
{
  const char *store_path;
} CliContext;

/* cz-cli-common.c */

/* The separator between a label and its value: ": ", "：" in Chinese. */
const char *cz_cli_colon                 (void);
/* Prints "coopzone-cli: <message>" on stderr; returns EXIT_BAD_INPUT. */
int         cz_cli_fail                  (const char  *format,
                                          ...) G_GNUC_PRINTF (1, 2);
CzStore    *cz_cli_open_store            (CliContext  *ctx,
                                          GError     **error);
CzDossier  *cz_cli_load_dossier_argument (CliContext  *ctx,
                                          const char  *argument,
                                          CzStore    **store_out,
                                          GError     **error);
/* The pack named with --rules, else the pack in use for the dossier's call year. */
CzRules    *cz_cli_load_rules            (const char  *rules_path,
                                          CzDossier   *dossier,
                                          GError     **error);
void        cz_cli_print_json            (JsonNode    *node);
void        cz_cli_print_builder         (JsonBuilder *builder);

/* cz-cli-validate.c */
int        command_validate      (CliContext  *ctx,
                                  int          argc,
                                  char       **argv);
int        command_install_rules (CliContext  *ctx,
                                  int          argc,
                                  char       **argv);
int        command_rules         (CliContext  *ctx,
                                  int          argc,
                                  char       **argv);

G_END_DECLS
