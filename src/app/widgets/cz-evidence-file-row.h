/* cz-evidence-file-row.h — one attached file of an evidence slot: what it is,
 * the pages it cites, and what can be done with it
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cz-evidence.h"

G_BEGIN_DECLS

#define CZ_TYPE_EVIDENCE_FILE_ROW (cz_evidence_file_row_get_type ())
G_DECLARE_FINAL_TYPE (CzEvidenceFileRow, cz_evidence_file_row, CZ, EVIDENCE_FILE_ROW, AdwExpanderRow)

/* Construct-only: "dossier", "slot-id", "sha256". Edits of the title, issuing
 * body, date and cited pages are written into the dossier's record when
 * applied (Enter or the apply button). Its buttons activate the slot group's
 * actions slot.preview / slot.open / slot.replace / slot.remove with the
 * file's SHA-256. */
GtkWidget  *cz_evidence_file_row_new         (CzDossier         *dossier,
                                              const char        *slot_id,
                                              const char        *sha256);
const char *cz_evidence_file_row_get_sha256  (CzEvidenceFileRow *self);
/* Shows @record (a{sv} of "evidence.files"); inputs being edited keep their text. */
void        cz_evidence_file_row_set_record  (CzEvidenceFileRow *self,
                                              GVariant          *record);
/* What the inspection found wrong with the file, or NULL: the row says it
 * in a few words (the finding under the slot says it in full). */
void        cz_evidence_file_row_set_problem (CzEvidenceFileRow *self,
                                              const GError      *problem);

/* For tests: the cited pages' input and the message under it. */
AdwEntryRow  *cz_evidence_file_row_get_pages_row    (CzEvidenceFileRow *self);
GtkWidget    *cz_evidence_file_row_get_pages_message (CzEvidenceFileRow *self);
AdwEntryRow  *cz_evidence_file_row_get_title_row    (CzEvidenceFileRow *self);
AdwEntryRow  *cz_evidence_file_row_get_issuer_row   (CzEvidenceFileRow *self);
AdwEntryRow  *cz_evidence_file_row_get_date_row     (CzEvidenceFileRow *self);

G_END_DECLS
