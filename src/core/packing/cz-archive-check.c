/* cz-archive-check.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-archive-check.h"

/* The check an archive records: the pack, the findings and the estimate,
 * each written by its core function (docs/findings-json.md). Readers of
 * dossier.json depend on these members, in archives made by any version. */
JsonNode *
cz_archive_check_new_from_validator (CzValidator *validator,
                                     GPtrArray   *extra_findings,
                                     CzScore     *score)
{
  GListModel *model = G_LIST_MODEL (validator);
  JsonObject *object = json_object_new ();
  JsonArray *findings = json_array_new ();
  JsonNode *node;

  json_object_set_member (object, "rules_pack", cz_rules_identity_to_json (cz_validator_get_rules (validator)));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CzFinding) finding = g_list_model_get_item (model, i);

      json_array_add_element (findings, cz_finding_to_json (finding));
    }
  for (guint i = 0; extra_findings != NULL && i < extra_findings->len; i++)
    json_array_add_element (findings, cz_finding_to_json (g_ptr_array_index (extra_findings, i)));
  json_object_set_array_member (object, "findings", findings);
  if (score != NULL)
    json_object_set_member (object, "score", cz_score_to_json (score));
  else
    json_object_set_null_member (object, "score");

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
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
