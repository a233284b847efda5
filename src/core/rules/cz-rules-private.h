/* cz-rules-private.h — what the rules folder shares: the pack's data, for
 * its loader and the findings engine
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-fields.h"
#include "cz-incident.h"
#include "cz-rules.h"

G_BEGIN_DECLS

/* The fixed set of checks a pack can name; each is implemented in
 * cz-rule-checks.c. Names as in the pack: see check_kinds in
 * cz-rules-loader.c. */
typedef enum
{
  CZ_CHECK_REQUIRED,
  CZ_CHECK_DECLARED,
  CZ_CHECK_MIN_INTEGER,
  CZ_CHECK_MIN_MONEY,
  CZ_CHECK_RATIO_MIN,
  CZ_CHECK_NOT_GREATER,
  CZ_CHECK_SAME_CITY,
  CZ_CHECK_FUNCTIONAL_AREAS,
  CZ_CHECK_AREA_SUM_MATCHES,
  CZ_CHECK_CALL_YEAR,
  CZ_CHECK_QUOTA,
  CZ_CHECK_INCIDENTS_DECLARED,
  CZ_CHECK_INCIDENTS_CLEAR,
  CZ_CHECK_NOTE,
  CZ_CHECK_VALID_INPUT,
  CZ_CHECK_PLAN_TARGETS,
  CZ_CHECK_PLAN_TARGETS_NAMED,
  CZ_N_CHECKS,
} CzCheckKind;

/* Nicks are the names in the pack: "required", "min_money", … */
#define CZ_TYPE_CHECK_KIND (cz_check_kind_get_type ())
GType cz_check_kind_get_type (void);

struct _CzRule
{
  guint           index;
  char           *id;
  CzSeverity      severity;
  CzCheckKind     check;
  const char    **fields;       /* interned, NULL-terminated */
  char           *message_zh;
  char           *message_en;
  char           *citation_document;
  char           *citation_article;
  gboolean        provisional;

  /* Parameters, resolved when the pack is loaded; which are used depends on
   * the check (see check_kinds in cz-rules-loader.c). Field lists are
   * interned and NULL-terminated. */
  const char    **field_a;
  const char    **field_b;
  const char     *field_c;
  const char     *field_d;
  gint64          number;
  gboolean        strict;
  char           *text;
  CzIncidentType  incident_type;
  CzStep          step;
};

/* ------------------------------------------------------------------------ */
/* The pack's data: filled by cz-rules-loader.c, read by cz-rules.c          */

typedef struct
{
  char *zh;
  char *en;
} CzRulesText;

typedef struct
{
  gint64 at_least;
  guint  points;
} CzRulesScoreStep;

struct _CzRulesIndicator
{
  char            *id;
  CzRulesText      title;
  CzRulesText      counter;  /* the measure word, 家/件/人…; empty when none */
  const char      *field;    /* interned */
  char            *unit;
  guint            points;
  CzScoringMethod  method;
  gint64           from;
  gint64           to;
  GArray          *steps;    /* of CzRulesScoreStep */
  const char      *count_of; /* interned: a records field whose complete rows are counted instead, when filled */
};

struct _CzRulesDimension
{
  char        *id;
  CzRulesText  title;
  guint        points;
  GPtrArray   *indicators;
};

struct _CzEvidenceSlot
{
  char         *id;
  CzRulesText   title;
  char        **criteria;
  gboolean      required;
  guint64       max_bytes;
};

struct _CzRules
{
  GObject      parent_instance;

  GBytes      *bytes;
  char        *sha256;
  char        *id;
  guint        year;
  CzRulesText  title;
  gboolean     provisional;

  gint64       revenue_threshold_fen;
  guint        sme_share_percent;
  gboolean     sme_share_strict;
  guint        relaxed_regions;  /* bit per CzRegion */
  CzRulesText  relaxation;
  guint        quota_province;
  guint        quota_separately_planned_city;
  guint        quota_xpcc;

  GPtrArray   *rules;        /* of CzRule*, owned */
  GHashTable  *rules_by_id;  /* borrowed */
  GPtrArray   *dimensions;
  GPtrArray   *evidence;
};

/* cz-rules-loader.c */
gboolean    cz_rules_load               (CzRules          *self,
                                         const char       *source,
                                         GError          **error);
void        cz_rules_text_clear         (CzRulesText      *text);
void        cz_rule_free                (CzRule           *rule);
void        cz_rules_indicator_free     (CzRulesIndicator *indicator);
void        cz_rules_dimension_free     (CzRulesDimension *dimension);
void        cz_evidence_slot_free       (CzEvidenceSlot   *slot);

G_END_DECLS
