/* cz-score.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cz-money.h"
#include "cz-plan-target.h"
#include "cz-score.h"

typedef struct
{
  const CzRulesIndicator *indicator;
  guint                   tenths;
  char                   *explanation;
} IndicatorScore;

typedef struct
{
  const CzRulesDimension *dimension;
  guint                   tenths;
  GArray                 *indicators;  /* of IndicatorScore */
} DimensionScore;

struct _CzScore
{
  GObject     parent_instance;

  CzRules    *rules;
  char       *language;
  guint       total_tenths;
  GArray     *dimensions;  /* of DimensionScore */
};

G_DEFINE_FINAL_TYPE (CzScore, cz_score, G_TYPE_OBJECT)

static void
indicator_score_clear (IndicatorScore *score)
{
  g_free (score->explanation);
}

static void
dimension_score_clear (DimensionScore *score)
{
  g_clear_pointer (&score->indicators, g_array_unref);
}

static void
cz_score_finalize (GObject *object)
{
  CzScore *self = CZ_SCORE (object);

  g_clear_pointer (&self->dimensions, g_array_unref);
  g_clear_object (&self->rules);
  g_free (self->language);

  G_OBJECT_CLASS (cz_score_parent_class)->finalize (object);
}

static void
cz_score_class_init (CzScoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cz_score_finalize;
}

static void
cz_score_init (CzScore *self)
{
  self->dimensions = g_array_new (FALSE, TRUE, sizeof (DimensionScore));
  g_array_set_clear_func (self->dimensions, (GDestroyNotify) dimension_score_clear);
}

char *
cz_score_format_tenths (guint tenths)
{
  return g_strdup_printf ("%u.%u", tenths / 10, tenths % 10);
}

static char *
format_value (const CzRulesIndicator *indicator,
              gint64                  value)
{
  if (g_str_equal (cz_rules_indicator_get_unit (indicator), "fen"))
    return cz_money_format (value, CZ_MONEY_UNIT_YI);
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* The rows of the indicator's "count_of" table that count, when it has rows. */
static gboolean
count_table_rows (const CzRulesIndicator *indicator,
                  CzDossier              *dossier,
                  guint                   call_year,
                  gint64                 *out_count)
{
  const char *count_of = cz_rules_indicator_get_count_of (indicator);
  CzValue *value;

  if (count_of == NULL || (value = cz_dossier_get_value (dossier, count_of)) == NULL ||
      cz_value_get_kind (value) != CZ_FIELD_KIND_RECORDS ||
      g_variant_n_children (cz_value_get_records (value)) == 0)
    return FALSE;

  if (g_str_equal (count_of, CZ_FIELD_PLAN_TARGETS))
    {
      g_autoptr(GPtrArray) targets = cz_plan_targets_from_dossier (dossier);
      gint64 year = call_year;
      guint first, last;

      cz_dossier_get_integer (dossier, CZ_FIELD_APPLICATION_YEAR, &year);
      cz_plan_get_period (dossier, (guint) year, &first, &last);
      *out_count = 0;
      for (guint i = 0; i < targets->len; i++)
        if (cz_plan_target_is_complete (targets->pdata[i], first, last))
          (*out_count)++;
      return TRUE;
    }
  *out_count = (gint64) g_variant_n_children (cz_value_get_records (value));
  return TRUE;
}

static guint
score_indicator (const CzRulesIndicator  *indicator,
                 CzDossier               *dossier,
                 guint                    call_year,
                 char                   **explanation)
{
  CzValue *value = cz_dossier_get_value (dossier, cz_rules_indicator_get_field (indicator));
  guint max_tenths = cz_rules_indicator_get_points (indicator) * 10;
  g_autofree char *max_text = cz_score_format_tenths (max_tenths);
  g_autofree char *value_text = NULL;
  g_autofree char *earned_text = NULL;
  guint tenths = 0;
  gint64 v;

  if (count_table_rows (indicator, dossier, call_year, &v))
    ;
  else if (value == NULL ||
      (cz_value_get_kind (value) != CZ_FIELD_KIND_INTEGER && cz_value_get_kind (value) != CZ_FIELD_KIND_MONEY))
    {
      /* Translators: %s is a number of points such as “10.0” */
      *explanation = g_strdup_printf (_("Not answered yet: 0 of %s points."), max_text);
      return 0;
    }
  else
    v = cz_value_get_kind (value) == CZ_FIELD_KIND_MONEY ? cz_value_get_money (value) : cz_value_get_integer (value);
  value_text = format_value (indicator, v);

  if (cz_rules_indicator_get_method (indicator) == CZ_SCORING_LINEAR)
    {
      gint64 from = cz_rules_indicator_get_from (indicator);
      gint64 to = cz_rules_indicator_get_to (indicator);
      g_autofree char *from_text = format_value (indicator, from);
      g_autofree char *to_text = format_value (indicator, to);

      if (v >= to)
        tenths = max_tenths;
      else if (v > from)
        tenths = (guint) (((__int128) max_tenths * ((__int128) v - from)) / ((__int128) to - from));
      earned_text = cz_score_format_tenths (tenths);
      *explanation = g_strdup_printf (
        /* Translators: %1$s is the value entered, %2$s and %3$s points, %4$s and %5$s values */
        _("%1$s earns %2$s of %3$s points: none at %4$s or less, all at %5$s or more, in proportion between."),
        value_text, earned_text, max_text, from_text, to_text);
      return tenths;
    }

  {
    guint n = cz_rules_indicator_get_n_steps (indicator);
    gint64 first_at_least = 0;
    gint64 reached_at_least = -1;

    cz_rules_indicator_get_step (indicator, 0, &first_at_least, NULL);
    for (guint i = 0; i < n; i++)
      {
        gint64 at_least;
        guint points;

        cz_rules_indicator_get_step (indicator, i, &at_least, &points);
        if (v >= at_least)
          {
            tenths = points * 10;
            reached_at_least = at_least;
          }
      }
    earned_text = cz_score_format_tenths (tenths);
    if (reached_at_least < 0)
      {
        g_autofree char *first_text = format_value (indicator, first_at_least);
        /* Translators: %1$s is the value entered, %2$s the first step’s value, %3$s points */
        *explanation = g_strdup_printf (_("%1$s is below the first step of %2$s: 0 of %3$s points."),
                                        value_text, first_text, max_text);
      }
    else
      {
        g_autofree char *step_text = format_value (indicator, reached_at_least);
        /* Translators: %1$s is the value entered, %2$s a step’s value, %3$s and %4$s points */
        *explanation = g_strdup_printf (_("%1$s reaches the step of %2$s or more: %3$s of %4$s points."),
                                        value_text, step_text, earned_text, max_text);
      }
  }
  return tenths;
}

/**
 * cz_score_new:
 *
 * Estimates the score of @dossier by the indicators of @rules as they are now.
 */
CzScore *
cz_score_new (CzRules    *rules,
              CzDossier  *dossier,
              const char *language)
{
  CzScore *self;

  g_return_val_if_fail (CZ_IS_RULES (rules), NULL);
  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), NULL);

  self = g_object_new (CZ_TYPE_SCORE, NULL);
  self->rules = g_object_ref (rules);
  self->language = g_strdup (language);

  for (guint d = 0; d < cz_rules_get_n_dimensions (rules); d++)
    {
      DimensionScore dimension = { cz_rules_get_dimension (rules, d), 0, NULL };

      dimension.indicators = g_array_new (FALSE, TRUE, sizeof (IndicatorScore));
      g_array_set_clear_func (dimension.indicators, (GDestroyNotify) indicator_score_clear);
      for (guint i = 0; i < cz_rules_dimension_get_n_indicators (dimension.dimension); i++)
        {
          IndicatorScore indicator = { cz_rules_dimension_get_indicator (dimension.dimension, i), 0, NULL };

          indicator.tenths = score_indicator (indicator.indicator, dossier, cz_rules_get_year (rules), &indicator.explanation);
          dimension.tenths += indicator.tenths;
          g_array_append_val (dimension.indicators, indicator);
        }
      self->total_tenths += dimension.tenths;
      g_array_append_val (self->dimensions, dimension);
    }
  return self;
}

static DimensionScore *
dimension_at (CzScore *self,
              guint    dimension)
{
  g_return_val_if_fail (dimension < self->dimensions->len, NULL);
  return &g_array_index (self->dimensions, DimensionScore, dimension);
}

static IndicatorScore *
indicator_at (CzScore *self,
              guint    dimension,
              guint    indicator)
{
  DimensionScore *d = dimension_at (self, dimension);

  g_return_val_if_fail (d != NULL && indicator < d->indicators->len, NULL);
  return &g_array_index (d->indicators, IndicatorScore, indicator);
}

guint cz_score_get_total_tenths (CzScore *self) { return self->total_tenths; }
guint cz_score_get_max_points (CzScore *self) { return 100; }
gboolean cz_score_get_provisional (CzScore *self) { return cz_rules_get_provisional (self->rules); }
guint cz_score_get_n_dimensions (CzScore *self) { return self->dimensions->len; }
const char *cz_score_get_dimension_id (CzScore *self, guint d) { return cz_rules_dimension_get_id (dimension_at (self, d)->dimension); }
const char *cz_score_get_dimension_title (CzScore *self, guint d) { return cz_rules_dimension_get_title (dimension_at (self, d)->dimension, self->language); }
guint cz_score_get_dimension_points (CzScore *self, guint d) { return cz_rules_dimension_get_points (dimension_at (self, d)->dimension); }
guint cz_score_get_dimension_tenths (CzScore *self, guint d) { return dimension_at (self, d)->tenths; }
guint cz_score_get_n_indicators (CzScore *self, guint d) { return dimension_at (self, d)->indicators->len; }
const char *cz_score_get_indicator_id (CzScore *self, guint d, guint i) { return cz_rules_indicator_get_id (indicator_at (self, d, i)->indicator); }
const char *cz_score_get_indicator_title (CzScore *self, guint d, guint i) { return cz_rules_indicator_get_title (indicator_at (self, d, i)->indicator, self->language); }
const char *cz_score_get_indicator_field (CzScore *self, guint d, guint i) { return cz_rules_indicator_get_field (indicator_at (self, d, i)->indicator); }
guint cz_score_get_indicator_points (CzScore *self, guint d, guint i) { return cz_rules_indicator_get_points (indicator_at (self, d, i)->indicator); }
guint cz_score_get_indicator_tenths (CzScore *self, guint d, guint i) { return indicator_at (self, d, i)->tenths; }
const char *cz_score_get_indicator_explanation (CzScore *self, guint d, guint i) { return indicator_at (self, d, i)->explanation; }

static JsonObject *
indicator_to_json (CzScore *self,
                   guint    d,
                   guint    i)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", cz_score_get_indicator_id (self, d, i));
  json_object_set_string_member (object, "field_id", cz_score_get_indicator_field (self, d, i));
  json_object_set_string_member (object, "title", cz_score_get_indicator_title (self, d, i));
  json_object_set_int_member (object, "tenths", cz_score_get_indicator_tenths (self, d, i));
  json_object_set_int_member (object, "max_points", cz_score_get_indicator_points (self, d, i));
  json_object_set_string_member (object, "explanation", cz_score_get_indicator_explanation (self, d, i));
  return object;
}

static JsonObject *
dimension_to_json (CzScore *self,
                   guint    d)
{
  JsonObject *object = json_object_new ();
  JsonArray *indicators = json_array_new ();

  json_object_set_string_member (object, "id", cz_score_get_dimension_id (self, d));
  json_object_set_string_member (object, "title", cz_score_get_dimension_title (self, d));
  json_object_set_int_member (object, "tenths", cz_score_get_dimension_tenths (self, d));
  json_object_set_int_member (object, "max_points", cz_score_get_dimension_points (self, d));
  for (guint i = 0; i < cz_score_get_n_indicators (self, d); i++)
    json_array_add_object_element (indicators, indicator_to_json (self, d, i));
  json_object_set_array_member (object, "indicators", indicators);
  return object;
}

/**
 * cz_score_to_json:
 *
 * The one way an estimate is written: by `coopzone-cli validate --json` and
 * into an archive's dossier.json. Points are whole tenths, as the engine
 * counts them, so a reader gets back exactly what was computed
 * (docs/findings-json.md).
 *
 * Returns: (transfer full): `{ "total_tenths", "max_points", "provisional",
 *   "dimensions": [ { "id", "title", "tenths", "max_points", "indicators":
 *   [ { "id", "field_id", "title", "tenths", "max_points", "explanation" } ] } ] }`
 */
JsonNode *
cz_score_to_json (CzScore *self)
{
  JsonObject *object;
  JsonArray *dimensions;
  JsonNode *node;

  g_return_val_if_fail (CZ_IS_SCORE (self), NULL);

  object = json_object_new ();
  dimensions = json_array_new ();
  json_object_set_int_member (object, "total_tenths", cz_score_get_total_tenths (self));
  json_object_set_int_member (object, "max_points", cz_score_get_max_points (self));
  json_object_set_boolean_member (object, "provisional", cz_score_get_provisional (self));
  for (guint d = 0; d < cz_score_get_n_dimensions (self); d++)
    json_array_add_object_element (dimensions, dimension_to_json (self, d));
  json_object_set_array_member (object, "dimensions", dimensions);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}
