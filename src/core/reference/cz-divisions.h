/* cz-divisions.h — China's provinces and prefecture-level cities with their codes
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The grouping used by the yearly call for relaxed standards (REGULATION.md §2). */
typedef enum
{
  CZ_REGION_EASTERN,
  CZ_REGION_CENTRAL,
  CZ_REGION_WESTERN,
  CZ_REGION_NORTHEASTERN,
} CzRegion;

#define CZ_TYPE_REGION (cz_region_get_type ())
GType cz_region_get_type (void);

typedef enum
{
  CZ_DIVISION_LEVEL_PROVINCE,    /* province, autonomous region, municipality */
  CZ_DIVISION_LEVEL_PREFECTURE,  /* prefecture-level city, prefecture, league, autonomous prefecture */
} CzDivisionLevel;

#define CZ_TYPE_DIVISION_LEVEL (cz_division_level_get_type ())
GType cz_division_level_get_type (void);

#define CZ_TYPE_DIVISION (cz_division_get_type ())
G_DECLARE_FINAL_TYPE (CzDivision, cz_division, CZ, DIVISION, GObject)

/* Properties: "code" (6 digits), "name" (Chinese), "level", "parent-code". */
const char      *cz_division_get_code        (CzDivision  *self);
const char      *cz_division_get_name        (CzDivision  *self);
CzDivisionLevel  cz_division_get_level       (CzDivision  *self);
const char      *cz_division_get_parent_code (CzDivision  *self); /* NULL for a province */
CzRegion         cz_division_get_region      (CzDivision  *self); /* of its province */
/* 计划单列市: Dalian, Ningbo, Xiamen, Qingdao, Shenzhen (a quota of one zone). */
gboolean         cz_division_is_separately_planned (CzDivision *self);

/* The embedded list, loaded once from the core resource. Thread-safe. */
GListModel      *cz_divisions_get_provinces  (void);                      /* of CzDivision, borrowed */
GListModel      *cz_divisions_dup_cities     (const char  *province_code); /* of CzDivision, owned; empty when unknown */
CzDivision      *cz_divisions_lookup         (const char  *code);          /* borrowed; NULL when unknown */
const char      *cz_divisions_get_provenance (void);                      /* where the data came from */

const char      *cz_region_to_string         (CzRegion     region);       /* "eastern", "central", … */

G_END_DECLS
