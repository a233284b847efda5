/* cz-cli-lifecycle.h — what the zone-record commands (recognise, report,
 * change, review, zones) share
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cz-cli.h"
#include "cz-filing.h"
#include "cz-lifecycle-rules.h"
#include "cz-zone-record.h"
#include "cz-zone-status.h"

G_BEGIN_DECLS

/* The options every zone-record command takes. */
typedef struct
{
  GDate       today;         /* --today YYYY-MM-DD, else the local date */
  gboolean    json;          /* --json */
  const char *rules_path;    /* --rules PACK.json */
  const char *submitted;     /* --submitted YYYY-MM-DD */
  const char *pdf_path;      /* --pdf OUT.pdf */
  const char *out_path;      /* --out ARCHIVE.zip */
  const char *signer_path;   /* --signer FILE.p12 */
  const char *passphrase_path; /* --passphrase-file F */
  GPtrArray  *positional;    /* what is left, borrowed */
} CliZoneOptions;

/* Parses the options; on a bad one prints the message and returns FALSE. */
gboolean  cz_cli_zone_parse_options (int             argc,
                                     char          **argv,
                                     CliZoneOptions *options);
void      cz_cli_zone_options_clear (CliZoneOptions *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliZoneOptions, cz_cli_zone_options_clear)

typedef struct
{
  CzStore          *store;
  CzDossier        *zone;
  CzRules          *rules;
  CzLifecycleRules *lifecycle;
  GPtrArray        *filings;
} CliZone;

/* Opens the dossier @id of the store with its pack and filings. */
gboolean  cz_cli_zone_open          (CliContext     *ctx,
                                     const char     *id,
                                     const char     *rules_path,
                                     CliZone        *out,
                                     GError        **error);
void      cz_cli_zone_clear         (CliZone        *zone);

/* "变更申请：2026年11月13日前（还剩 35 天）" */
char     *cz_cli_describe_duty      (const CzDuty   *duty,
                                     const GDate    *today);
void      cz_cli_add_duty_json      (JsonBuilder    *builder,
                                     const CzDuty   *duty,
                                     const GDate    *today);
/* Prints each problem, blockers first; returns whether any blocks. */
gboolean  cz_cli_print_problems     (GPtrArray      *problems);
void      cz_cli_add_problems_json  (JsonBuilder    *builder,
                                     GPtrArray      *problems);

/* Reads a filing of @kind from @path for the zone, stamps --submitted,
 * checks it, saves it (a draft when it has blockers) and prints the
 * problems. Returns the filing, or NULL with *exit_code set. */
CzFiling *cz_cli_take_filing        (CliZone        *zone,
                                     CzFilingKind    kind,
                                     const char     *path,
                                     CliZoneOptions *options,
                                     GPtrArray     **out_problems,
                                     int            *exit_code);

void      cz_cli_print_risks        (GPtrArray      *risks);

int       command_recognise         (CliContext *ctx, int argc, char **argv);
int       command_report            (CliContext *ctx, int argc, char **argv);
int       command_change            (CliContext *ctx, int argc, char **argv);
int       command_review            (CliContext *ctx, int argc, char **argv);
int       command_zones             (CliContext *ctx, int argc, char **argv);

G_END_DECLS
