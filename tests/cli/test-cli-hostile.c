/* test-cli-hostile.c — coopzone-cli against input made to hurt it (issue 13)
 *
 * Each command that reads a file a sender controls refuses it with a
 * message and exit status 2 (1 for verify: the archive is INVALID), and
 * never dies of it.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cz-test-cli.h"
#include "cz-test-utils.h"

#define EXIT_BAD_INPUT 2

static char *
write_deep_json (CzCliFixture    *fixture,
                 const char *name)
{
  char *path = cz_cli_fixture_path (fixture, name);
  g_autofree char *deep = g_malloc (200001);

  memset (deep, '[', 100000);
  memset (deep + 100000, ']', 100000);
  deep[200000] = '\0';
  g_assert_true (g_file_set_contents (path, deep, -1, NULL));
  return path;
}

static void
assert_refused_deep (CzCliResult *result)
{
  g_assert_cmpint (result->status, ==, EXIT_BAD_INPUT);
  cz_test_assert_contains (result->err, "deep.json");
  cz_test_assert_contains (result->err, "nested more than 64 levels deep");
  cz_cli_result_clear (result);
}

/* A dossier file 100 000 arrays deep: every reader refuses it. */
static void
test_deep_dossier_json (CzCliFixture  *fixture,
                        gconstpointer  data)
{
  g_autofree char *deep = write_deep_json (fixture, "deep.json");
  g_autofree char *pdf = cz_cli_fixture_path (fixture, "form.pdf");
  CzCliResult result;

  result = cz_cli_run (fixture, "import", deep, NULL);
  assert_refused_deep (&result);
  result = cz_cli_run (fixture, "show", deep, NULL);
  assert_refused_deep (&result);
  result = cz_cli_run (fixture, "validate", deep, NULL);
  assert_refused_deep (&result);
  result = cz_cli_run (fixture, "export-form", deep, pdf, NULL);
  assert_refused_deep (&result);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* A rules pack as deep: refused, the pack in use stays. */
static void
test_deep_rules_pack (CzCliFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *deep = write_deep_json (fixture, "deep.json");
  g_autofree char *sample = cz_cli_fixture_path (fixture, "sample.json");
  CzCliResult result;

  result = cz_cli_run (fixture, "sample", sample, NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "install-rules", deep, NULL);
  assert_refused_deep (&result);
  result = cz_cli_run (fixture, "validate", sample, "--rules", deep, NULL);
  assert_refused_deep (&result);
  result = cz_cli_run (fixture, "validate", sample, NULL);
  g_assert_cmpint (result.status, !=, EXIT_BAD_INPUT);
  cz_cli_result_clear (&result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, CzCliFixture, NULL, cz_cli_fixture_set_up, func, cz_cli_fixture_tear_down)
  ADD ("/cli/hostile/deep-dossier-json", test_deep_dossier_json);
  ADD ("/cli/hostile/deep-rules-pack", test_deep_rules_pack);
#undef ADD

  return g_test_run ();
}
