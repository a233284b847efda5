/* cz-roster-mapping.h — which spreadsheet column holds which roster field
 *
 * The usual Chinese headers (企业名称, 统一社会信用代码, 营业收入（万元）…) are
 * recognised; a mapping can also be given as JSON, and the one accepted is
 * remembered for the next file with the same header row.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cz-money.h"

G_BEGIN_DECLS

#define CZ_ROSTER_MAPPING_FORMAT "io.github.coopzone.roster-mapping"

#define CZ_ROSTER_ERROR (cz_roster_error_quark ())

typedef enum
{
  CZ_ROSTER_ERROR_MAPPING,         /* a mapping file that cannot be used */
  CZ_ROSTER_ERROR_MISSING_COLUMN,  /* no column for the name or the credit code */
  CZ_ROSTER_ERROR_EMPTY,           /* no header row, or no enterprise below it */
  CZ_ROSTER_ERROR_NOT_A_ROSTER,    /* a stored roster that cannot be read back */
} CzRosterError;

GQuark          cz_roster_error_quark       (void);

typedef enum
{
  CZ_ROSTER_NAME,
  CZ_ROSTER_CREDIT_CODE,
  CZ_ROSTER_INDUSTRY,
  CZ_ROSTER_EMPLOYEES,
  CZ_ROSTER_REVENUE,
  CZ_ROSTER_TOTAL_ASSETS,
  CZ_ROSTER_FOREIGN_INVESTED,
  CZ_ROSTER_SPECIALISED,
  CZ_ROSTER_LITTLE_GIANT,
  CZ_ROSTER_HIGH_TECH,
  CZ_ROSTER_ENTERED,
  CZ_ROSTER_N_COLUMNS,
  CZ_ROSTER_NO_COLUMN = -1,
} CzRosterColumn;

/* "name", "credit_code", "industry", "employees", "revenue_wan",
 * "total_assets_wan", "foreign_invested", "specialised", "little_giant",
 * "high_tech", "entered": the columns of data/roster.csv. */
const char     *cz_roster_column_to_id      (CzRosterColumn column);
CzRosterColumn  cz_roster_column_from_id    (const char    *id);
/* "Enterprise name", translated. */
const char     *cz_roster_column_get_label  (CzRosterColumn column);
gboolean        cz_roster_column_is_required (CzRosterColumn column);

typedef struct _CzRosterMapping CzRosterMapping;

#define CZ_TYPE_ROSTER_MAPPING (cz_roster_mapping_get_type ())
GType            cz_roster_mapping_get_type      (void) G_GNUC_CONST;

CzRosterMapping *cz_roster_mapping_new           (void);
CzRosterMapping *cz_roster_mapping_copy          (const CzRosterMapping *self);
void             cz_roster_mapping_free          (CzRosterMapping       *self);

/* Recognises @header's cells; the units of money columns come from the
 * header ("营业收入（元）"), 万元 when it says none. */
CzRosterMapping *cz_roster_mapping_new_for_header (const char * const *header,
                                                   guint               n_cells);
/* The sheet column (0-based) of @column, or -1. */
int              cz_roster_mapping_get_source    (const CzRosterMapping *self,
                                                  CzRosterColumn         column);
void             cz_roster_mapping_set_source    (CzRosterMapping       *self,
                                                  CzRosterColumn         column,
                                                  int                    source);
CzMoneyUnit      cz_roster_mapping_get_unit      (const CzRosterMapping *self,
                                                  CzRosterColumn         column);
void             cz_roster_mapping_set_unit      (CzRosterMapping       *self,
                                                  CzRosterColumn         column,
                                                  CzMoneyUnit            unit);
gboolean         cz_roster_mapping_equal         (const CzRosterMapping *a,
                                                  const CzRosterMapping *b);

/* {"format": …, "version": 1, "columns": {"name": "企业名称", "revenue_wan": "C", …},
 *  "units": {"revenue_wan": "wan"}}: a column is named by its header text, its
 * letter or its 1-based number. */
CzRosterMapping *cz_roster_mapping_new_from_json (JsonNode           *node,
                                                  const char * const *header,
                                                  guint               n_cells,
                                                  GError            **error);
CzRosterMapping *cz_roster_mapping_new_from_file (const char         *path,
                                                  const char * const *header,
                                                  guint               n_cells,
                                                  GError            **error);
JsonNode        *cz_roster_mapping_to_json       (const CzRosterMapping *self,
                                                  const char * const    *header,
                                                  guint                  n_cells);

/* The remembered mapping for this header row, NULL when there is none. Kept
 * in $XDG_CONFIG_HOME/coopzone/roster-mappings/, one file per layout. */
CzRosterMapping *cz_roster_mapping_load_remembered (const char * const *header,
                                                    guint               n_cells);
gboolean         cz_roster_mapping_remember      (const CzRosterMapping *self,
                                                  const char * const    *header,
                                                  guint                  n_cells,
                                                  GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzRosterMapping, cz_roster_mapping_free)

G_END_DECLS
