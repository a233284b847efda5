/* cz-test-utils.h — temporary folders, subprocesses and stores for any test program
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Removes @path and everything under it (a test's temporary folder). */
void      cz_test_remove_tree       (const char *path);

/* A fresh folder under the system's temporary folder, named after @prefix;
 * the test fails if it cannot be made. */
char     *cz_test_make_tmp_dir      (const char *prefix);

/* The fixture most tests start from: one temporary folder of their own. */
typedef struct
{
  char *dir;
} CzTestDir;

void      cz_test_dir_set_up        (CzTestDir     *fixture,
                                     gconstpointer  prefix);
void      cz_test_dir_tear_down     (CzTestDir     *fixture,
                                     gconstpointer  data);
char     *cz_test_dir_path          (CzTestDir     *fixture,
                                     const char    *name);

/* Runs @argv (searched in PATH) with output discarded; FALSE when the program
 * is not installed or does not succeed (the caller skips). */
gboolean  cz_test_run               (const char * const *argv);

/* Runs the NULL-terminated command line and returns its exit status; its
 * standard output goes to @out when not NULL; standard error is logged. */
int       cz_test_run_capture       (char       **out,
                                     const char  *first,
                                     ...) G_GNUC_NULL_TERMINATED;

void      cz_test_assert_contains   (const char *haystack,
                                     const char *needle);

G_END_DECLS
