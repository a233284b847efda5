/* cz-test-store.c — a store in a fresh folder of its own
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-test-store.h"
#include "cz-test-utils.h"

CzStore *
cz_test_store_new (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cz_test_make_tmp_dir ("coopzone-store");
  g_autofree char *path = g_build_filename (dir, "coopzone.db", NULL);
  CzStore *store;

  store = cz_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  if (out_dir != NULL)
    *out_dir = g_steal_pointer (&dir);
  return store;
}

void
cz_test_store_free (CzStore *store,
                    char    *dir)
{
  g_autoptr(GError) error = NULL;

  cz_store_flush (store, &error);
  g_assert_no_error (error);
  cz_store_close (store);
  g_object_unref (store);
  if (dir != NULL)
    cz_test_remove_tree (dir);
  g_free (dir);
}
