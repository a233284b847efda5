/* cz-store-filings.h — a zone record's filings, kept beside its dossier
 *
 * The store keeps each filing as an opaque JSON text under a key
 * ("annual-report/2025"); the lifecycle area gives it meaning. Saving is
 * audited like an edit (action "filing", the key as the field, old and new
 * JSON), and a filing goes with its dossier when that is deleted.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *dossier_id;
  char *key;
  char *kind;
  char *data;
  char *modified_at;  /* ISO 8601 UTC */
} CzStoredFiling;

void        cz_stored_filing_free    (CzStoredFiling *filing);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzStoredFiling, cz_stored_filing_free)

/* Inserts or replaces the filing @key of @dossier_id. Fails with
 * CZ_STORE_ERROR_NOT_FOUND when there is no such dossier. */
gboolean    cz_store_save_filing     (CzStore     *self,
                                      const char  *dossier_id,
                                      const char  *key,
                                      const char  *kind,
                                      const char  *data,
                                      GError     **error);
/* The filings of @dossier_id (CzStoredFiling), by key; NULL @dossier_id lists every dossier's. */
GPtrArray  *cz_store_list_filings    (CzStore     *self,
                                      const char  *dossier_id,
                                      GError     **error);

G_END_DECLS
