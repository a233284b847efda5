/* cz-fields.h — the known fields of a dossier and their input checks
 *
 * Input checks say whether an answer is well-formed (a phone number looks like one,
 * an area is positive). Whether the zone meets the recognition criteria is the rules
 * pack's business, not this file's.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-incident.h"
#include "cz-types.h"
#include "cz-value.h"

G_BEGIN_DECLS

#define CZ_FIELD_ZONE_NAME            "zone.name"
#define CZ_FIELD_ZONE_PARTNERS        "zone.partners"
#define CZ_FIELD_ZONE_PROVINCE        "zone.province"
#define CZ_FIELD_ZONE_CITY            "zone.city"
#define CZ_FIELD_ZONE_MANAGEMENT_BODY "zone.management_body"
#define CZ_FIELD_ZONE_INDUSTRIES      "zone.industries"
#define CZ_FIELD_ZONE_AREA_M2         "zone.area_m2"
#define CZ_FIELD_APPLICANT_DEPARTMENT "applicant.department"
#define CZ_FIELD_CONTACT_NAME         "contact.name"
#define CZ_FIELD_CONTACT_PHONE        "contact.phone"
#define CZ_FIELD_CONTACT_EMAIL        "contact.email"
#define CZ_FIELD_APPLICANT_CITY       "applicant.city"       /* 6-digit code of the department's city */
#define CZ_FIELD_APPLICATION_YEAR     "application.year"     /* the call year; default from the pack */

/* Boundary step: the four limits (四至) and the functional division (功能划分). */
#define CZ_FIELD_BOUNDARY_EAST             "boundary.east"
#define CZ_FIELD_BOUNDARY_SOUTH            "boundary.south"
#define CZ_FIELD_BOUNDARY_WEST             "boundary.west"
#define CZ_FIELD_BOUNDARY_NORTH            "boundary.north"
#define CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS "boundary.functional_areas" /* records {name, area_m2, purpose} */

/* Revenue step. Per-year ids are templates: "{year}" is replaced by a year with
 * cz_field_id_for_year(); the years asked are cz_fields_get_complete_years(). */
#define CZ_FIELD_REVENUE_TOTAL_Y           "revenue.y{year}.total"        /* money */
#define CZ_FIELD_REVENUE_EXPORT_Y          "revenue.y{year}.export"       /* money */
#define CZ_FIELD_REVENUE_IMPORT_Y          "revenue.y{year}.import"       /* money */
#define CZ_FIELD_REVENUE_RD_SPENDING_Y     "revenue.y{year}.rd_spending"  /* money */
#define CZ_FIELD_ENTERPRISES_TOTAL_Y       "enterprises.y{year}.total"    /* integer */
#define CZ_FIELD_ENTERPRISES_SME_Y         "enterprises.y{year}.sme"      /* integer */
#define CZ_FIELD_ENTERPRISES_FOREIGN_Y     "enterprises.y{year}.foreign_invested" /* integer */
#define CZ_FIELD_REVENUE_JUSTIFICATION     "revenue.justification"        /* text */

/* Incidents step. "incidents.<type>.y{year}.none" holds the declaration for one
 * year, the text "none" or "occurred"; "incidents.<type>.list" holds the
 * incidents, records {date, place, description, deaths, serious_injuries,
 * direct_loss_fen, evacuated, people_leaked, sensitive_leaked, stated_grade,
 * stated_basis}. <type> is cz_incident_type_to_id(). */
#define CZ_FIELD_INCIDENTS_DECLARED_Y      "incidents.{type}.y{year}.none"
#define CZ_FIELD_INCIDENTS_LIST            "incidents.{type}.list"
#define CZ_FIELD_INTEGRITY_DISHONESTY_Y    "integrity.serious_dishonesty.y{year}" /* "none" / "occurred" */
#define CZ_FIELD_INTEGRITY_VIOLATION_Y     "integrity.major_violation.y{year}"    /* "none" / "occurred" */
#define CZ_DECLARED_NONE     "none"
#define CZ_DECLARED_OCCURRED "occurred"

/* Declarations step: "yes" affirms, "no" refuses. */
#define CZ_FIELD_DECLARATION_TRUTHFUL         "declaration.truthful"
#define CZ_FIELD_DECLARATION_INDUSTRIAL_POLICY "declaration.industrial_policy"
#define CZ_FIELD_DECLARATION_OFFICIAL_NAME    "declaration.official_name"
#define CZ_FIELD_DECLARATION_OFFICIAL_TITLE   "declaration.official_title"
#define CZ_FIELD_DECLARATION_DATE             "declaration.date"
#define CZ_DECLARED_YES "yes"
#define CZ_DECLARED_NO  "no"

/* Indicators step: one integer field per indicator of the rules pack,
 * "indicators.<indicator id>". The shipped pack's are in the table. */
#define CZ_FIELD_INDICATORS_PREFIX "indicators."

/* The five-year development plan's quantified targets (cz-plan-target.h):
 * records {indicator_id, indicator, unit, baseline_year, baseline_value,
 * target_year, target_value}, and the years the plan covers. */
#define CZ_FIELD_PLAN_TARGETS    "plan.targets"
#define CZ_FIELD_PLAN_FIRST_YEAR "plan.first_year"
#define CZ_FIELD_PLAN_LAST_YEAR  "plan.last_year"

/* Set when the ministry recognised the zone: the dossier is then a zone record. */
#define CZ_FIELD_RECOGNITION_DATE     "recognition.date"
#define CZ_FIELD_RECOGNITION_DOCUMENT "recognition.document_number"  /* 文号 */
#define CZ_FIELD_RECOGNITION_FROM     "recognition.valid_from"
#define CZ_FIELD_RECOGNITION_UNTIL    "recognition.valid_until"

/* Written by the findings engine: the pack the dossier was last checked with. */
#define CZ_FIELD_RULES_PACK_ID     "rules.pack_id"
#define CZ_FIELD_RULES_PACK_SHA256 "rules.pack_sha256"

/* Per-year fields exist for these call years' complete years. */
#define CZ_FIELDS_FIRST_YEAR 2015
#define CZ_FIELDS_LAST_YEAR  2040

typedef struct
{
  const char  *id;
  CzFieldKind  kind;
  const char  *label;       /* untranslated; pass through _() */
  guint        max_length;  /* in characters, for text; 0 when unbounded */
  gboolean     required;
  guint        year;        /* the year a per-year field is about; 0 otherwise */
} CzFieldSpec;

const CzFieldSpec *cz_field_spec_lookup (const char    *field_id);
const CzFieldSpec *cz_field_specs       (guint         *n_specs);
gboolean           cz_field_is_known    (const char    *field_id);

/* "revenue.y{year}.total" + 2024 → "revenue.y2024.total"; "{type}" is left alone. */
char              *cz_field_id_for_year (const char    *id_template,
                                         guint          year);
/* "incidents.{type}.list" + production_safety → "incidents.production_safety.list". */
char              *cz_field_id_for_incident (const char *id_template,
                                             CzIncidentType type,
                                             guint       year);
/* The three most recent complete years before @call_year, oldest first:
 * 2025 → 2022, 2023, 2024. */
void               cz_fields_get_complete_years (guint  call_year,
                                                 guint  out_years[3]);

CzStep             cz_field_get_step    (const char    *field_id);
const char        *cz_step_to_id        (CzStep         step);   /* "zone", "boundary", … */
gboolean           cz_step_from_id      (const char    *id,
                                         CzStep        *out_step);
const char        *cz_step_get_title    (CzStep         step);   /* translated */
/* The ids of @step's fields for @call_year, in the order a page shows them. */
GPtrArray         *cz_fields_dup_ids_for_step (CzStep   step,
                                               guint    call_year);
gboolean           cz_fields_step_is_started  (CzDossier *dossier,
                                               CzStep     step,
                                               guint      call_year);

/* The value as a person reads it: place names for division codes ("苏州市 (320500)"),
 * km² for areas, 元 for money, lists joined. */
char              *cz_field_dup_display (const char    *field_id,
                                         const CzValue *value);

/* A translated message saying what is wrong and what to do, or NULL when the
 * value is acceptable. @value may be NULL for an unanswered field. */
char              *cz_field_check       (const char    *field_id,
                                         const CzValue *value);

G_END_DECLS
