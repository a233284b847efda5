/* cz-field-entry-row.h — an entry row that is one dossier field
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cz-dossier.h"

G_BEGIN_DECLS

/* What is typed: text as is, a number (scaled by the unit), or money. */
typedef enum
{
  CZ_FIELD_ENTRY_KIND_TEXT,
  CZ_FIELD_ENTRY_KIND_NUMBER,
  CZ_FIELD_ENTRY_KIND_MONEY,
} CzFieldEntryKind;

/* The unit a number is typed in, when it is not the one stored. */
typedef enum
{
  CZ_FIELD_ENTRY_UNIT_NONE,      /* a whole number, stored as typed */
  CZ_FIELD_ENTRY_UNIT_KM2,       /* km² typed, m² stored */
  CZ_FIELD_ENTRY_UNIT_WAN_YUAN,  /* 万元 typed (元/万/亿 suffixes), fen stored */
} CzFieldEntryUnit;

#define CZ_TYPE_FIELD_ENTRY_KIND (cz_field_entry_kind_get_type ())
GType cz_field_entry_kind_get_type (void);
#define CZ_TYPE_FIELD_ENTRY_UNIT (cz_field_entry_unit_get_type ())
GType cz_field_entry_unit_get_type (void);

#define CZ_TYPE_FIELD_ENTRY_ROW (cz_field_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (CzFieldEntryRow, cz_field_entry_row, CZ, FIELD_ENTRY_ROW, AdwEntryRow)

/* Properties: "field-id", "kind", "unit" (construct-only, set in the .ui),
 * "dossier" (given by the CzWizardPage it is in, once it is in one). */
GtkWidget        *cz_field_entry_row_new          (const char       *field_id,
                                                   CzFieldEntryKind  kind,
                                                   CzFieldEntryUnit  unit);
const char       *cz_field_entry_row_get_field_id (CzFieldEntryRow  *self);
CzFieldEntryKind  cz_field_entry_row_get_kind     (CzFieldEntryRow  *self);
CzFieldEntryUnit  cz_field_entry_row_get_unit     (CzFieldEntryRow  *self);
CzDossier        *cz_field_entry_row_get_dossier  (CzFieldEntryRow  *self);
void              cz_field_entry_row_set_dossier  (CzFieldEntryRow  *self,
                                                   CzDossier        *dossier);
/* What the row alone knows: the text typed is not a number (yet). NULL when
 * it is one, or text. */
const char       *cz_field_entry_row_get_parse_message (CzFieldEntryRow *self);

G_END_DECLS
