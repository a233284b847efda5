/* cz-fields.h — the known fields of a dossier and their input checks
 *
 * Input checks say whether an answer is well-formed (a phone number looks like one,
 * an area is positive). Whether the zone meets the recognition criteria is the rules
 * pack's business, not this file's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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

typedef struct
{
  const char  *id;
  CzFieldKind  kind;
  const char  *label;       /* untranslated; pass through _() */
  guint        max_length;  /* in characters, for text; 0 when unbounded */
  gboolean     required;
} CzFieldSpec;

const CzFieldSpec *cz_field_spec_lookup (const char    *field_id);
const CzFieldSpec *cz_field_specs       (guint         *n_specs);

/* A translated message saying what is wrong and what to do, or NULL when the
 * value is acceptable. @value may be NULL for an unanswered field. */
char              *cz_field_check       (const char    *field_id,
                                         const CzValue *value);

G_END_DECLS
