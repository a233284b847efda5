/* cz-archive-check.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-archive-check.h"

static void add_string (JsonBuilder *builder, const char *name, const char *value);

static void
add_finding (JsonBuilder *builder,
             CzFinding   *finding)
{
  json_builder_begin_object (builder);
  add_string (builder, "rule_id", cz_finding_get_rule_id (finding));
  add_string (builder, "severity", cz_severity_to_id (cz_finding_get_severity (finding)));
  add_string (builder, "field_id", cz_finding_get_field_id (finding));
  add_string (builder, "step", cz_step_to_id (cz_finding_get_step (finding)));
  add_string (builder, "message", cz_finding_get_message (finding));
  add_string (builder, "citation", cz_finding_get_citation (finding));
  json_builder_set_member_name (builder, "provisional");
  json_builder_add_boolean_value (builder, cz_finding_get_provisional (finding));
  json_builder_end_object (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
cz_archive_check_new_from_validator (CzValidator *validator,
                                     GPtrArray   *extra_findings,
                                     CzScore     *score)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  CzRules *rules = cz_validator_get_rules (validator);
  GListModel *findings = G_LIST_MODEL (validator);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rules_pack");
  json_builder_begin_object (builder);
  add_string (builder, "id", cz_rules_get_id (rules));
  add_string (builder, "sha256", cz_rules_get_sha256 (rules));
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, cz_rules_get_year (rules));
  json_builder_set_member_name (builder, "provisional");
  json_builder_add_boolean_value (builder, cz_rules_get_provisional (rules));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CzFinding) finding = g_list_model_get_item (findings, i);

      add_finding (builder, finding);
    }
  for (guint i = 0; extra_findings != NULL && i < extra_findings->len; i++)
    add_finding (builder, g_ptr_array_index (extra_findings, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "score");
  if (score != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "total_tenths");
      json_builder_add_int_value (builder, cz_score_get_total_tenths (score));
      json_builder_set_member_name (builder, "max_points");
      json_builder_add_int_value (builder, cz_score_get_max_points (score));
      json_builder_set_member_name (builder, "provisional");
      json_builder_add_boolean_value (builder, cz_score_get_provisional (score));
      json_builder_set_member_name (builder, "dimensions");
      json_builder_begin_array (builder);
      for (guint d = 0; d < cz_score_get_n_dimensions (score); d++)
        {
          json_builder_begin_object (builder);
          add_string (builder, "id", cz_score_get_dimension_id (score, d));
          json_builder_set_member_name (builder, "tenths");
          json_builder_add_int_value (builder, cz_score_get_dimension_tenths (score, d));
          json_builder_set_member_name (builder, "max_points");
          json_builder_add_int_value (builder, cz_score_get_dimension_points (score, d));
          json_builder_set_member_name (builder, "indicators");
          json_builder_begin_array (builder);
          for (guint k = 0; k < cz_score_get_n_indicators (score, d); k++)
            {
              json_builder_begin_object (builder);
              add_string (builder, "id", cz_score_get_indicator_id (score, d, k));
              add_string (builder, "field_id", cz_score_get_indicator_field (score, d, k));
              json_builder_set_member_name (builder, "tenths");
              json_builder_add_int_value (builder, cz_score_get_indicator_tenths (score, d, k));
              json_builder_set_member_name (builder, "max_points");
              json_builder_add_int_value (builder, cz_score_get_indicator_points (score, d, k));
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
cz_archive_check_new (CzDossier *dossier,
                      CzRules   *rules,
                      GPtrArray *extra_findings)
{
  g_autoptr(CzValidator) validator = cz_validator_new (dossier, rules);
  g_autoptr(CzScore) score = cz_score_new (rules, dossier, NULL);

  return cz_archive_check_new_from_validator (validator, extra_findings, score);
}

guint
cz_archive_check_count_blockers (JsonNode *check)
{
  JsonObject *object = check && JSON_NODE_HOLDS_OBJECT (check) ? json_node_get_object (check) : NULL;
  JsonArray *findings = object && json_object_has_member (object, "findings")
                        ? json_object_get_array_member (object, "findings") : NULL;
  guint n = 0;

  for (guint i = 0; findings != NULL && i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (finding != NULL && g_strcmp0 (json_object_get_string_member_with_default (finding, "severity", NULL), "blocker") == 0)
        n++;
    }
  return n;
}
