/* cz-zone-status.h — where a recognised zone stands: its open duties, the
 * five-year review table and the revocation risks
 *
 * Everything here is computed from the zone record, its filings and a date
 * (“today”), so a test or a script can ask about any day.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-filing.h"
#include "cz-plan-target.h"

G_BEGIN_DECLS

/* The duties not yet done, earliest due first (overdue ones included): an
 * annual report for each year of validity without a handed-in report, each
 * change request not handed in, the review. Array of CzDuty. */
GPtrArray   *cz_zone_dup_open_duties   (CzLifecycleRules *rules,
                                        CzDossier        *zone,
                                        GPtrArray        *filings,
                                        const GDate      *today);

/* Whether a filing was handed in (it has a "submitted" date). */
gboolean     cz_filing_is_submitted    (CzFiling         *filing);

typedef struct
{
  CzPlanTarget *target;
  guint         first_year;      /* the years of the table */
  guint         last_year;
  gint64       *values;          /* one per year, first_year.. */
  gboolean     *has_value;
  gboolean      has_latest;
  guint         latest_year;
  gint64        latest_value;
  gboolean      has_progress;
  gint64        progress_permille;  /* of the way from baseline to target, at the latest year */
  gint64        expected_permille;  /* on a straight path from baseline to target, at the latest year */
  gboolean      behind;             /* progress below the straight path */
  gboolean      met;                /* the target value reached */
} CzReviewRow;

typedef struct
{
  guint      first_year;
  guint      last_year;
  GArray    *missing_years;  /* guint: years without a report (not guessed) */
  GPtrArray *rows;           /* CzReviewRow, one per plan target */
} CzReviewTable;

/* The completion of every plan target from the annual reports, over the
 * report years of the zone's validity (from @first_year to @last_year when
 * non-zero, for a report in progress). */
CzReviewTable *cz_review_table_new     (CzDossier        *zone,
                                        GPtrArray        *filings,
                                        guint             first_year,
                                        guint             last_year);
void           cz_review_table_free    (CzReviewTable    *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzReviewTable, cz_review_table_free)
JsonNode      *cz_review_table_to_json (CzReviewTable    *table);

typedef enum
{
  CZ_RISK_CLEAR,      /* nothing CoopZone knows of triggers it */
  CZ_RISK_DUE,        /* a duty is open and not yet late */
  CZ_RISK_TRIGGERED,  /* what CoopZone holds meets the ground */
  CZ_RISK_REMINDER,   /* CoopZone cannot know: a reminder, not a clean bill */
} CzRiskState;

const char  *cz_risk_state_to_id       (CzRiskState state);   /* "clear", "due", "triggered", "reminder" */
const char  *cz_risk_state_get_label   (CzRiskState state);   /* translated */

typedef struct
{
  CzRevocationGround ground;
  CzRiskState        state;
  char              *title;     /* the ground, as the measures word it */
  char              *detail;    /* what CoopZone knows, translated */
  char              *action;    /* what the user must do */
  char              *citation;
} CzRevocationRisk;

void         cz_revocation_risk_free   (CzRevocationRisk *risk);

/* The six grounds, in the measures' order. */
GPtrArray   *cz_revocation_evaluate    (CzLifecycleRules *rules,
                                        CzDossier        *zone,
                                        GPtrArray        *filings,
                                        const GDate      *today);

G_END_DECLS
