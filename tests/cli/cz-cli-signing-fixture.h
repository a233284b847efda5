/* cz-cli-signing-fixture.h — a private data folder, a passphrase file, a
 * department certificate and the sample in the store: what the CLI tests of
 * signing, packing and the form in an archive start from.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-cli-test-utils.h"

#define DEPARTMENT "苏州市工业和信息化局"

typedef struct
{
  char *dir;
  char *pass;
} Fixture;

static inline char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cz-cli-signing-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->pass = fixture_path (fixture, "passphrase");
  g_assert_true (g_file_set_contents (fixture->pass, "部门口令 correct horse\n", -1, NULL));
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->pass);
}

/* coopzone-cli with the fixture's own data folder. */
static inline Result
run_cli (Fixture    *fixture,
         const char *first_arg,
         ...)
{
  g_autofree char *data_home = fixture_path (fixture, "data");
  Result result;
  va_list args;

  va_start (args, first_arg);
  result = run_cli_in (data_home, first_arg, args);
  va_end (args);
  return result;
}

static inline char *
create_signer (Fixture *fixture)
{
  char *p12 = fixture_path (fixture, "部门.p12");
  Result result = run_cli (fixture, "signer", "create", "--name", DEPARTMENT, "--out", p12,
                           "--passphrase-file", fixture->pass, NULL);

  g_assert_cmpint (result.status, ==, 0);
  result_clear (&result);
  return p12;
}

/* Adds the sample (with its evidence) to the store; returns its id. */
static inline char *
store_sample (Fixture *fixture)
{
  Result result = run_cli (fixture, "sample", "--store", NULL);
  char *id;

  g_assert_cmpint (result.status, ==, 0);
  id = g_strstrip (g_strdup (result.out));
  result_clear (&result);
  return id;
}

static inline char *
pack_sample (Fixture *fixture)
{
  g_autofree char *p12 = create_signer (fixture);
  g_autofree char *id = store_sample (fixture);
  char *archive = fixture_path (fixture, "申报包.zip");
  Result result = run_cli (fixture, "pack", id, "--out", archive, "--signer", p12,
                           "--passphrase-file", fixture->pass, NULL);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Tag manifest SHA-256: "));
  result_clear (&result);
  return archive;
}
