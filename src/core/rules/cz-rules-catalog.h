/* cz-rules-catalog.h — which rules pack is in use
 *
 * The built-in pack of each call year ships with CoopZone. A province may
 * distribute a newer one; installing it puts it in the user's data folder,
 * where it takes the place of the built-in pack of the same year for the
 * application and coopzone-cli alike.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-dossier.h"
#include "cz-rules.h"

G_BEGIN_DECLS

char    *cz_rules_dup_install_dir   (void);
CzRules *cz_rules_dup_for_year      (guint          year,
                                     GError       **error);
CzRules *cz_rules_dup_for_dossier   (CzDossier     *dossier,
                                     GError       **error);
/* Where a pack is chosen (never from a check): the dossier says which pack it
 * is prepared with. */
void     cz_rules_record_in_dossier (CzRules       *rules,
                                     CzDossier     *dossier);
CzRules *cz_rules_record_for_dossier (CzDossier    *dossier,
                                      GError      **error);
CzRules *cz_rules_install           (GBytes        *bytes,
                                     const char    *source_name,
                                     GError       **error);
void     cz_rules_install_async     (GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
CzRules *cz_rules_install_finish    (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
