/* cz-incident-row.h — one reported incident: date, place, description, figures, grade
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cz-incident.h"

G_BEGIN_DECLS

#define CZ_TYPE_INCIDENT_ROW (cz_incident_row_get_type ())
G_DECLARE_FINAL_TYPE (CzIncidentRow, cz_incident_row, CZ, INCIDENT_ROW, AdwExpanderRow)

/* @record: a{sv} as stored in "incidents.<type>.list" (NULL for a new one).
 * @position: its place in the list, for the remove action's target. */
GtkWidget  *cz_incident_row_new         (CzIncidentType  type,
                                         GVariant       *record,
                                         guint           position);
/* The record as the row holds it now (floating-free, owned). Emits
 * "changed" whenever the person edits it. */
GVariant   *cz_incident_row_dup_record  (CzIncidentRow  *self);
/* "重大 — 10 deaths reaches 重大 (10–29)", as shown under the title. */
const char *cz_incident_row_get_grade_text (CzIncidentRow *self);
GtkWidget  *cz_incident_row_get_date_row (CzIncidentRow *self);

G_END_DECLS
