/* cz-zone-filings.h — a zone record's filings in the store
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-filing.h"
#include "cz-store.h"

G_BEGIN_DECLS

/* Saves @filing under its key for its dossier (audited). A report or change
 * request with blockers is saved too, as a draft: nothing typed is lost. */
gboolean   cz_zone_save_filing  (CzStore     *store,
                                 CzFiling    *filing,
                                 GError     **error);
/* The filings of @dossier_id (CzFiling), by key. A stored filing that no
 * longer reads is skipped with a warning on the log, never dropped. */
GPtrArray *cz_zone_load_filings (CzStore     *store,
                                 const char  *dossier_id,
                                 GError     **error);
/* The stored annual report for @year, or NULL. */
CzFiling  *cz_zone_find_report  (GPtrArray   *filings,
                                 guint        year);

G_END_DECLS
