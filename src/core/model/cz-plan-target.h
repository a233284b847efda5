/* cz-plan-target.h — the quantified targets of the zone's five-year development plan
 *
 * The plan's targets are rows of the dossier field "plan.targets" (records
 * {indicator_id, indicator, unit, baseline_year, baseline_value, target_year,
 * target_value}); values are exact decimals kept as text ("120.5"). The plan
 * runs from "plan.first_year" to "plan.last_year" (five years from the call
 * year when not given). The annual reports and the five-year review measure
 * the zone against these rows.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-dossier.h"
#include "cz-fields.h"

G_BEGIN_DECLS

/* Plan values are exact decimals with up to this many decimal places. */
#define CZ_PLAN_VALUE_SCALE 4
/* A five-year plan. */
#define CZ_PLAN_YEARS 5

typedef struct
{
  char   *indicator_id;   /* "revenue", "enterprises", … (cz_plan_indicator_*), or "" for a free one */
  char   *indicator;      /* what is measured, as the plan words it */
  char   *unit;
  guint   baseline_year;  /* 0 when not given */
  gint64  baseline_value; /* scaled by 10^CZ_PLAN_VALUE_SCALE */
  gboolean has_baseline_value;
  guint   target_year;
  gint64  target_value;
  gboolean has_target_value;
} CzPlanTarget;

void           cz_plan_target_free         (CzPlanTarget *target);
CzPlanTarget  *cz_plan_target_copy         (const CzPlanTarget *target);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzPlanTarget, cz_plan_target_free)

/* The indicators a rules pack can name ("revenue", "enterprises", "sme",
 * "innovation", "cooperation"): their translated title and default unit. */
guint          cz_plan_indicator_get_n      (void);
const char    *cz_plan_indicator_get_id     (guint         index);
gboolean       cz_plan_indicator_lookup     (const char   *id,
                                             const char  **out_title,
                                             const char  **out_unit);

/* The rows of "plan.targets" (CzPlanTarget), in order; empty when none. */
GPtrArray     *cz_plan_targets_from_dossier (CzDossier    *dossier);
GVariant      *cz_plan_targets_to_records   (GPtrArray    *targets);
void           cz_plan_targets_store        (CzDossier    *dossier,
                                             GPtrArray    *targets);

/* The plan's period: the fields when given, else @call_year to @call_year + 4. */
void           cz_plan_get_period           (CzDossier    *dossier,
                                             guint         call_year,
                                             guint        *out_first_year,
                                             guint        *out_last_year);

/* One thing wrong with the table: @row counts from 1, 0 for the table itself;
 * @member is the record member at fault ("target_year") or NULL; @message says
 * what is wrong and what to do, naming the row and column, translated. */
typedef struct
{
  guint  row;
  char  *member;
  char  *message;
} CzPlanTargetProblem;

void           cz_plan_target_problem_free  (CzPlanTargetProblem *problem);

/* The problems of each row (missing name, unit, years or values; target year
 * outside the plan; baseline not before the target; the same indicator twice)
 * and of the period (last year before the first). Empty when sound. */
GPtrArray     *cz_plan_targets_check        (GPtrArray    *targets,
                                             guint         first_year,
                                             guint         last_year);
/* Whether a row is complete and sound, so that it counts as a target. */
gboolean       cz_plan_target_is_complete   (const CzPlanTarget *target,
                                             guint         first_year,
                                             guint         last_year);

/* The progress from baseline to target that @value represents, in tenths of a
 * percent (0 at the baseline, 1000 at the target; may be negative or above
 * 1000). FALSE when the target equals the baseline. */
gboolean       cz_plan_target_progress      (const CzPlanTarget *target,
                                             gint64        value,
                                             gint64       *out_permille);

/* "120.5 亿元" */
char          *cz_plan_format_value         (gint64        value,
                                             const char   *unit);

G_END_DECLS
