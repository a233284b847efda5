/* cz-lifecycle-rules.h — the duties of a recognised zone, as the rules pack states them
 *
 * The pack's "lifecycle" member (docs/rules-pack-format.md): validity, the
 * annual report's due dates, the change request's working days, the review and
 * the six revocation grounds, each with its citation and whether it is
 * provisional.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-rules.h"

G_BEGIN_DECLS

#define CZ_LIFECYCLE_ERROR (cz_lifecycle_error_quark ())

typedef enum
{
  CZ_LIFECYCLE_ERROR_NO_SECTION,     /* the pack has no (valid) "lifecycle" member */
  CZ_LIFECYCLE_ERROR_INVALID_INPUT,  /* a field of a filing or recognition is wrong */
  CZ_LIFECYCLE_ERROR_NOT_RECOGNISED, /* the dossier is not a zone record */
} CzLifecycleError;

GQuark cz_lifecycle_error_quark (void);

/* What to do when a due date falls on a non-working day. */
typedef enum
{
  CZ_DUE_KEEP,      /* the stated date stands */
  CZ_DUE_PREVIOUS,  /* hand it in by the last working day before */
  CZ_DUE_NEXT,      /* the next working day is still in time */
} CzDueRoll;

/* The six grounds of the measures, in their order. */
typedef enum
{
  CZ_REVOCATION_FALSE_DATA,
  CZ_REVOCATION_MISSING_REPORT,
  CZ_REVOCATION_REFUSING_MONITORING,
  CZ_REVOCATION_CHANGE_NOT_REPORTED,
  CZ_REVOCATION_INCIDENT_OR_DISHONESTY,
  CZ_REVOCATION_MAJOR_VIOLATION,
  CZ_N_REVOCATION_GROUNDS,
} CzRevocationGround;

typedef struct _CzLifecycleRules CzLifecycleRules;

CzLifecycleRules *cz_lifecycle_rules_new        (CzRules      *rules,
                                                 GError      **error);
CzLifecycleRules *cz_lifecycle_rules_ref        (CzLifecycleRules *self);
void              cz_lifecycle_rules_unref      (CzLifecycleRules *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzLifecycleRules, cz_lifecycle_rules_unref)

CzRules          *cz_lifecycle_rules_get_rules  (CzLifecycleRules *self);

guint             cz_lifecycle_rules_get_validity_years     (CzLifecycleRules *self);
const char       *cz_lifecycle_rules_get_validity_citation  (CzLifecycleRules *self);

/* Month and day of the province's and the ministry's report deadline in the
 * year after the report's year. */
void              cz_lifecycle_rules_get_report_due        (CzLifecycleRules *self,
                                                            guint  *out_province_month,
                                                            guint  *out_province_day,
                                                            guint  *out_ministry_month,
                                                            guint  *out_ministry_day);
CzDueRoll         cz_lifecycle_rules_get_report_roll       (CzLifecycleRules *self);
gboolean          cz_lifecycle_rules_get_report_provisional (CzLifecycleRules *self);
const char       *cz_lifecycle_rules_get_report_citation   (CzLifecycleRules *self);
const char       *cz_lifecycle_rules_get_report_note       (CzLifecycleRules *self,
                                                            const char *language);

guint             cz_lifecycle_rules_get_change_working_days (CzLifecycleRules *self);
gboolean          cz_lifecycle_rules_get_count_change_day  (CzLifecycleRules *self);
const char       *cz_lifecycle_rules_get_change_citation   (CzLifecycleRules *self);
const char       *cz_lifecycle_rules_get_change_note       (CzLifecycleRules *self,
                                                            const char *language);

gboolean          cz_lifecycle_rules_get_review_provisional (CzLifecycleRules *self);
const char       *cz_lifecycle_rules_get_review_citation   (CzLifecycleRules *self);

const char       *cz_revocation_ground_to_id               (CzRevocationGround ground);
const char       *cz_lifecycle_rules_get_ground_title      (CzLifecycleRules *self,
                                                            CzRevocationGround ground,
                                                            const char *language);
const char       *cz_lifecycle_rules_get_ground_action     (CzLifecycleRules *self,
                                                            CzRevocationGround ground,
                                                            const char *language);
/* Whether CoopZone can know the ground's state from what it holds. */
gboolean          cz_lifecycle_rules_get_ground_knowable   (CzLifecycleRules *self,
                                                            CzRevocationGround ground);
const char       *cz_lifecycle_rules_get_revocation_citation (CzLifecycleRules *self);

G_END_DECLS
