/* cz-evidence-slot-group.h — one evidence slot of the rules pack: its
 * attached files, whether it is satisfied, what is wrong, and attaching by
 * file chooser or drag and drop
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cz-evidence.h"
#include "cz-evidence-file-row.h"
#include "cz-message-row.h"

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

/* Imports @file on a worker and puts it in place of the attached file
 * @sha256, carrying over its title, issuing body, date and cited pages. */
void        cz_evidence_slot_group_replace_file (CzEvidenceSlotGroup *self,
                                                 const char          *sha256,
                                                 GFile               *file);
/* Selects an attached file: emits "file-activated" with its stored copy. */
void        cz_evidence_slot_group_activate_file (CzEvidenceSlotGroup *self,
                                                  const char          *sha256);
/* Marks the row of @sha256 as the one a preview shows (NULL: none). */
void        cz_evidence_slot_group_set_previewed (CzEvidenceSlotGroup *self,
                                                  const char          *sha256);
/* "show-findings" (default TRUE): rows for the slot's own findings. A wizard
 * page that shows the rules engine's findings in the message row turns it off. */
gboolean    cz_evidence_slot_group_get_show_findings (CzEvidenceSlotGroup *self);
void        cz_evidence_slot_group_set_show_findings (CzEvidenceSlotGroup *self,
                                                      gboolean             show_findings);
/* The row under the files where a page shows the findings on "evidence.<slot>". */
CzMessageRow *cz_evidence_slot_group_get_message_row (CzEvidenceSlotGroup *self);
GtkWidget  *cz_evidence_slot_group_get_attach_button (CzEvidenceSlotGroup *self);
CzEvidenceFileRow *cz_evidence_slot_group_get_file_row (CzEvidenceSlotGroup *self,
                                                        const char          *sha256);

/* Signal "file-activated" (const char *sha256, GFile *stored_file): a file's
 * row was activated; show it in a CzPdfPreview. */

G_END_DECLS
