/* cz-pack-group.h — "Pack for Submission…" on the review page: signer, destination, progress, result
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cz-evidence.h"
#include "cz-signer.h"

G_BEGIN_DECLS

#define CZ_TYPE_PACK_GROUP (cz_pack_group_get_type ())
G_DECLARE_FINAL_TYPE (CzPackGroup, cz_pack_group, CZ, PACK_GROUP, AdwPreferencesGroup)

/* Inside a wizard page it follows the page's dossier and validator, and
 * takes the evidence from the wizard's store; "pack.start" is enabled only
 * when the validator reports no blocker. */
GtkWidget  *cz_pack_group_new                   (void);
/* Where the dossier's evidence files are (NULL: the wizard's store's). */
void        cz_pack_group_set_evidence_store    (CzPackGroup     *self,
                                                 CzEvidenceStore *store);
/* What "Pack for Submission…" does once the destination is chosen and the
 * signer unlocked: packs on a worker, with progress and Cancel. */
void        cz_pack_group_pack_to               (CzPackGroup     *self,
                                                 GFile           *destination,
                                                 CzSigner        *signer);
gboolean    cz_pack_group_get_packing           (CzPackGroup     *self);
/* After a pack succeeded: the archive and its content fingerprint. */
GFile      *cz_pack_group_get_archive           (CzPackGroup     *self);
const char *cz_pack_group_get_content_fingerprint (CzPackGroup   *self);
/* After a pack failed or was cancelled: why (NULL otherwise). */
const char *cz_pack_group_get_error_message     (CzPackGroup     *self);
/* "<zone name>-<YYYY-MM-DD>-申报包.coopzone.zip": the suffix is the archive
 * MIME type's glob (data/…mime.xml), so a double click opens CoopZone. */
char       *cz_pack_group_dup_default_name      (CzPackGroup     *self);

G_END_DECLS
