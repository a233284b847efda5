/* cz-test-cli.c — running coopzone-cli from a test, as a script would
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cz-test-cli.h"
#include "cz-test-utils.h"

void
cz_cli_result_clear (CzCliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

void
cz_cli_fixture_set_up (CzCliFixture  *fixture,
                       gconstpointer  data)
{
  fixture->dir = cz_test_make_tmp_dir ("cz-cli");
  fixture->pass = cz_cli_fixture_path (fixture, "passphrase");
  g_assert_true (g_file_set_contents (fixture->pass, "部门口令 correct horse\n", -1, NULL));
}

void
cz_cli_fixture_tear_down (CzCliFixture  *fixture,
                          gconstpointer  data)
{
  cz_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->pass, g_free);
}

char *
cz_cli_fixture_path (CzCliFixture *fixture,
                     const char   *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

CzCliResult
cz_cli_run_valist (CzCliFixture *fixture,
                   const char   *first_arg,
                   va_list       args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = cz_cli_fixture_path (fixture, "data");
  g_autofree char *config_home = g_build_filename (data_home, "config", NULL);
  CzCliResult result = { 0 };

  g_ptr_array_add (argv, (gpointer) g_getenv ("COOPZONE_CLI"));
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  /* Remembered roster mappings go to the config folder: keep it private too. */
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result.out, &result.err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result.status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\n%s%s", result.status, result.out, result.err);
  return result;
}

CzCliResult
cz_cli_run (CzCliFixture *fixture,
            const char   *first_arg,
            ...)
{
  CzCliResult result;
  va_list args;

  va_start (args, first_arg);
  result = cz_cli_run_valist (fixture, first_arg, args);
  va_end (args);
  return result;
}

char *
cz_cli_create_signer (CzCliFixture *fixture)
{
  char *p12 = cz_cli_fixture_path (fixture, "部门.p12");
  CzCliResult result = cz_cli_run (fixture, "signer", "create", "--name", CZ_TEST_DEPARTMENT, "--out", p12,
                                   "--passphrase-file", fixture->pass, NULL);

  g_assert_cmpint (result.status, ==, 0);
  cz_cli_result_clear (&result);
  return p12;
}

char *
cz_cli_store_sample (CzCliFixture *fixture)
{
  CzCliResult result = cz_cli_run (fixture, "sample", "--store", NULL);
  char *id;

  g_assert_cmpint (result.status, ==, 0);
  id = g_strstrip (g_strdup (result.out));
  cz_cli_result_clear (&result);
  return id;
}

char *
cz_cli_pack_sample (CzCliFixture *fixture)
{
  g_autofree char *p12 = cz_cli_create_signer (fixture);
  g_autofree char *id = cz_cli_store_sample (fixture);
  char *archive = cz_cli_fixture_path (fixture, "申报包.zip");
  CzCliResult result = cz_cli_run (fixture, "pack", id, "--out", archive, "--signer", p12,
                                   "--passphrase-file", fixture->pass, NULL);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Tag manifest SHA-256: "));
  cz_cli_result_clear (&result);
  return archive;
}
