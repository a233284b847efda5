/* cz-evidence-slot-group.h — one evidence slot of the rules pack: its
 * attached files, whether it is satisfied, what is wrong, and attaching by
 * file chooser or drag and drop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cz-evidence.h"

G_BEGIN_DECLS

#define CZ_TYPE_EVIDENCE_SLOT_GROUP (cz_evidence_slot_group_get_type ())
G_DECLARE_FINAL_TYPE (CzEvidenceSlotGroup, cz_evidence_slot_group, CZ, EVIDENCE_SLOT_GROUP, AdwPreferencesGroup)

/* Construct-only: "dossier", "store", "rules", "slot-id". */
GtkWidget  *cz_evidence_slot_group_new          (CzDossier           *dossier,
                                                 CzEvidenceStore     *store,
                                                 CzRules             *rules,
                                                 const char          *slot_id);
const char *cz_evidence_slot_group_get_slot_id  (CzEvidenceSlotGroup *self);
/* TRUE when a file is attached and nothing is wrong with any. */
gboolean    cz_evidence_slot_group_get_satisfied (CzEvidenceSlotGroup *self);
/* Imports @files on a worker and adds them to the dossier (what the file
 * chooser and a drop do). "busy" is TRUE meanwhile. */
void        cz_evidence_slot_group_attach_files (CzEvidenceSlotGroup *self,
                                                 GListModel          *files);
gboolean    cz_evidence_slot_group_get_busy     (CzEvidenceSlotGroup *self);
/* The findings on this slot now (GPtrArray of CzFinding). */
GPtrArray  *cz_evidence_slot_group_dup_findings (CzEvidenceSlotGroup *self);

/* Signal "file-activated" (const char *sha256, GFile *stored_file): a file's
 * row was activated; show it in a CzPdfPreview. */

G_END_DECLS
