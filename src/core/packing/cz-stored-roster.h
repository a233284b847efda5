/* cz-stored-roster.h — a stored dossier's roster: accepted, read back, overridden
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-archive.h"
#include "cz-roster.h"
#include "cz-store.h"

G_BEGIN_DECLS

/* The roster the user accepts for @dossier (opened from @store): its
 * data/roster.csv into the store, its mapping remembered for the layout, its
 * unblocked totals and provenance into @dossier for @year. Returns the ids of
 * the fields it set. */
GPtrArray *cz_stored_roster_accept   (CzStore     *store,
                                      CzDossier   *dossier,
                                      CzRoster    *roster,
                                      guint        year,
                                      GError     **error);
/* The roster last accepted for @dossier; NULL without an error when none. */
CzRoster  *cz_stored_roster_load     (CzStore     *store,
                                      CzDossier   *dossier,
                                      GError     **error);
/* Sets @field_id to @value. When the roster computed the field and @value
 * differs, @reason must be given and goes to the audit trail ("override"). */
gboolean   cz_stored_roster_set_field (CzStore    *store,
                                       CzDossier  *dossier,
                                       const char *field_id,
                                       CzValue    *value,
                                       const char *reason,
                                       GError    **error);

/* Puts the stored roster of @dossier into the archive as data/roster.csv,
 * indexed in dossier.json as "roster". Nothing when it has none. */
gboolean   cz_stored_roster_add_to_pack (CzPackOptions *options,
                                         CzStore       *store,
                                         CzDossier     *dossier,
                                         GError       **error);

G_END_DECLS
