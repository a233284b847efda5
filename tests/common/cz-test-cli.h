/* cz-test-cli.h — running coopzone-cli from a test, as a script would
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CZ_TEST_DEPARTMENT "苏州市工业和信息化局"

typedef struct
{
  int   status;
  char *out;
  char *err;
} CzCliResult;

void         cz_cli_result_clear        (CzCliResult *result);

/* A private folder with a data folder for the CLI ("data") and a passphrase
 * file (@pass). */
typedef struct
{
  char *dir;
  char *pass;
} CzCliFixture;

void         cz_cli_fixture_set_up      (CzCliFixture  *fixture,
                                         gconstpointer  data);
void         cz_cli_fixture_tear_down   (CzCliFixture  *fixture,
                                         gconstpointer  data);
char        *cz_cli_fixture_path        (CzCliFixture  *fixture,
                                         const char    *name);

/* $COOPZONE_CLI with the fixture's data folder as XDG_DATA_HOME (so the
 * store, the evidence and the signers are private to the test), in English. */
CzCliResult  cz_cli_run                 (CzCliFixture  *fixture,
                                         const char    *first_arg,
                                         ...);
CzCliResult  cz_cli_run_valist          (CzCliFixture  *fixture,
                                         const char    *first_arg,
                                         va_list        args);

/* A department certificate (CZ_TEST_DEPARTMENT) protected by the fixture's
 * passphrase; returns the PKCS#12 file's path. */
char        *cz_cli_create_signer       (CzCliFixture  *fixture);
/* Adds the sample (with its evidence) to the store; returns its id. */
char        *cz_cli_store_sample        (CzCliFixture  *fixture);
/* The sample packed and signed; returns the archive's path. */
char        *cz_cli_pack_sample         (CzCliFixture  *fixture);

G_END_DECLS
