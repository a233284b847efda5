/* cz-rules.h — the rules pack of one call year: conditions, thresholds,
 * indicators, points and required evidence, each citing its source
 *
 * A pack is data (resources/rules/<year>.json, format in
 * docs/rules-pack-format.md). It is checked completely when loaded: a
 * malformed pack is refused with a message naming the member or rule and
 * what is wrong, and whoever held a good pack keeps it.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cz-divisions.h"
#include "cz-types.h"

G_BEGIN_DECLS

#define CZ_RULES_FORMAT         "io.github.coopzone.rules"
#define CZ_RULES_FORMAT_VERSION 1
/* The call year of the newest built-in pack. */
#define CZ_RULES_BUILTIN_YEAR   2025

#define CZ_RULES_ERROR (cz_rules_error_quark ())

typedef enum
{
  CZ_RULES_ERROR_NOT_FOUND,       /* no built-in pack for the year, or no file */
  CZ_RULES_ERROR_INVALID_JSON,    /* not UTF-8 or not JSON */
  CZ_RULES_ERROR_NOT_A_PACK,      /* wrong format member */
  CZ_RULES_ERROR_NEWER_FORMAT,
  CZ_RULES_ERROR_MISSING_MEMBER,
  CZ_RULES_ERROR_WRONG_TYPE,
  CZ_RULES_ERROR_INVALID_VALUE,
  CZ_RULES_ERROR_DUPLICATE_ID,
  CZ_RULES_ERROR_UNKNOWN_CHECK,
  CZ_RULES_ERROR_UNKNOWN_FIELD,
  CZ_RULES_ERROR_POINTS,          /* points do not add up */
} CzRulesError;

typedef enum
{
  CZ_SCORING_LINEAR,      /* 0 at or below "from", full at or above "to", linear between */
  CZ_SCORING_THRESHOLDS,  /* the points of the highest step reached */
} CzScoringMethod;

typedef struct _CzRule CzRule;                  /* owned by its CzRules */
typedef struct _CzRulesDimension CzRulesDimension;
typedef struct _CzRulesIndicator CzRulesIndicator;
typedef struct _CzEvidenceSlot CzEvidenceSlot;

#define CZ_TYPE_RULES (cz_rules_get_type ())
G_DECLARE_FINAL_TYPE (CzRules, cz_rules, CZ, RULES, GObject)

GQuark             cz_rules_error_quark        (void);

const char        *cz_severity_to_id           (CzSeverity     severity);  /* "blocker", … */
gboolean           cz_severity_from_id         (const char    *id,
                                                CzSeverity    *out_severity);
const char        *cz_severity_get_label       (CzSeverity     severity);  /* translated */

/* "zh_CN" when @language (or, when NULL, the user's first language) starts
 * with "zh", otherwise "en": the two languages a pack's texts come in. */
const char        *cz_rules_pick_language      (const char    *language);

CzRules           *cz_rules_new_builtin        (guint          year,
                                                GError       **error);
CzRules           *cz_rules_new_from_bytes     (GBytes        *bytes,
                                                const char    *source_name,
                                                GError       **error);
CzRules           *cz_rules_new_from_file      (GFile         *file,
                                                GError       **error);

const char        *cz_rules_get_id             (CzRules       *self);
guint              cz_rules_get_year           (CzRules       *self);
const char        *cz_rules_get_title          (CzRules       *self,
                                                const char    *language);
const char        *cz_rules_get_sha256         (CzRules       *self);
gboolean           cz_rules_get_provisional    (CzRules       *self);
GBytes            *cz_rules_get_bytes          (CzRules       *self);

gint64             cz_rules_get_revenue_threshold_fen (CzRules *self);
guint              cz_rules_get_sme_share_percent     (CzRules *self);
gboolean           cz_rules_get_sme_share_strict      (CzRules *self);
gboolean           cz_rules_region_is_relaxed  (CzRules       *self,
                                                CzRegion       region);
const char        *cz_rules_get_relaxation     (CzRules       *self,
                                                const char    *language);
guint              cz_rules_get_quota_province (CzRules       *self);
guint              cz_rules_get_quota_separately_planned_city (CzRules *self);
guint              cz_rules_get_quota_xpcc     (CzRules       *self);

guint              cz_rules_get_n_rules        (CzRules       *self);
const CzRule      *cz_rules_get_rule           (CzRules       *self,
                                                guint          index);
const CzRule      *cz_rules_lookup_rule        (CzRules       *self,
                                                const char    *rule_id);

const char        *cz_rule_get_id              (const CzRule  *rule);
guint              cz_rule_get_index           (const CzRule  *rule);
CzSeverity         cz_rule_get_severity        (const CzRule  *rule);
const char        *cz_rule_get_check           (const CzRule  *rule);
/* The fields the rule reads, with "{year}" and "{latest}" resolved for the
 * pack's call year. NULL-terminated, interned. */
const char * const *cz_rule_get_fields         (const CzRule  *rule);
const char        *cz_rule_get_message_template (const CzRule *rule,
                                                 const char   *language);
const char        *cz_rule_get_citation_document (const CzRule *rule);
const char        *cz_rule_get_citation_article  (const CzRule *rule);
/* "document, article" */
char              *cz_rule_dup_citation        (const CzRule  *rule);
gboolean           cz_rule_get_provisional     (const CzRule  *rule);

guint              cz_rules_get_n_dimensions   (CzRules       *self);
const CzRulesDimension *cz_rules_get_dimension (CzRules       *self,
                                                guint          index);
const char        *cz_rules_dimension_get_id     (const CzRulesDimension *dimension);
const char        *cz_rules_dimension_get_title  (const CzRulesDimension *dimension,
                                                  const char             *language);
guint              cz_rules_dimension_get_points (const CzRulesDimension *dimension);
guint              cz_rules_dimension_get_n_indicators (const CzRulesDimension *dimension);
const CzRulesIndicator *cz_rules_dimension_get_indicator (const CzRulesDimension *dimension,
                                                          guint                   index);

const char        *cz_rules_indicator_get_id     (const CzRulesIndicator *indicator);
const char        *cz_rules_indicator_get_title  (const CzRulesIndicator *indicator,
                                                  const char             *language);
const char        *cz_rules_indicator_get_field  (const CzRulesIndicator *indicator);
/* A records field whose complete rows are counted in place of the field once
 * it has rows (the plan-target table in place of the bare count), or NULL. */
const char        *cz_rules_indicator_get_count_of (const CzRulesIndicator *indicator);
const char        *cz_rules_indicator_get_unit   (const CzRulesIndicator *indicator); /* "count", "fen", … */
/* What a count is counted in (家, 件, 人…), or NULL when the pack says not. */
const char        *cz_rules_indicator_get_counter (const CzRulesIndicator *indicator,
                                                   const char             *language);
guint              cz_rules_indicator_get_points (const CzRulesIndicator *indicator);
CzScoringMethod    cz_rules_indicator_get_method (const CzRulesIndicator *indicator);
/* LINEAR: the values at 0 and at full points. */
gint64             cz_rules_indicator_get_from   (const CzRulesIndicator *indicator);
gint64             cz_rules_indicator_get_to     (const CzRulesIndicator *indicator);
/* THRESHOLDS: ascending steps. */
guint              cz_rules_indicator_get_n_steps (const CzRulesIndicator *indicator);
void               cz_rules_indicator_get_step   (const CzRulesIndicator *indicator,
                                                  guint                   index,
                                                  gint64                 *out_at_least,
                                                  guint                  *out_points);

guint              cz_rules_get_n_evidence_slots (CzRules     *self);
const CzEvidenceSlot *cz_rules_get_evidence_slot (CzRules     *self,
                                                  guint        index);
const char        *cz_evidence_slot_get_id       (const CzEvidenceSlot *slot);
const char        *cz_evidence_slot_get_title    (const CzEvidenceSlot *slot,
                                                  const char           *language);
const char * const *cz_evidence_slot_get_criteria (const CzEvidenceSlot *slot); /* rule ids */
gboolean           cz_evidence_slot_get_required (const CzEvidenceSlot *slot);
guint64            cz_evidence_slot_get_max_bytes (const CzEvidenceSlot *slot);

/* The pack as objects of docs/findings-json.md: who it is (id, year,
 * title, sha256, provisional), or that and its rules, dimensions and
 * evidence slots. */
JsonNode          *cz_rules_identity_to_json   (CzRules       *self);
JsonNode          *cz_rules_to_json            (CzRules       *self);

G_END_DECLS
