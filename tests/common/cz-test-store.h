/* cz-test-store.h — a store in a fresh folder of its own
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-store.h"

G_BEGIN_DECLS

/* A store at <new temporary folder>/coopzone.db; the folder goes to @out_dir. */
CzStore  *cz_test_store_new   (char   **out_dir);

/* Flushes, closes and unrefs @store, removes @dir and frees it. */
void      cz_test_store_free  (CzStore *store,
                               char    *dir);

G_END_DECLS
