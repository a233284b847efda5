/* cz-archive-dossier.c — what packing a stored dossier takes, for the CLI and the GUI alike
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-archive-check.h"
#include "cz-archive-dossier.h"
#include "cz-form.h"

static void
add_evidence_from_dossier (CzPackOptions   *options,
                           CzDossier       *dossier,
                           CzEvidenceStore *evidence)
{
  g_autoptr(GPtrArray) records = cz_evidence_dup_records (dossier, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      GVariant *record = g_ptr_array_index (records, i);
      const char *sha256 = cz_evidence_record_get_text (record, "sha256");
      const char *title = cz_evidence_record_get_text (record, "title");
      const char *name = cz_evidence_record_get_text (record, "name");
      const char *pages = cz_evidence_record_get_text (record, "pages");
      g_autoptr(GFile) file = cz_evidence_store_dup_file (evidence, sha256);

      cz_pack_options_add_evidence (options, cz_evidence_record_get_text (record, "slot"), file,
                                    title[0] ? title : name[0] ? name : NULL,
                                    pages[0] ? pages : NULL, sha256);
    }
}

CzPackOptions *
cz_pack_options_new_for_dossier (CzEvidenceStore *evidence,
                                 CzDossier       *dossier,
                                 CzRules         *rules)
{
  g_autoptr(GHashTable) infos = NULL;
  g_autoptr(GPtrArray) evidence_findings = NULL;
  g_autoptr(JsonNode) check = NULL;
  CzPackOptions *options;

  g_return_val_if_fail (CZ_IS_EVIDENCE_STORE (evidence), NULL);
  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (CZ_IS_RULES (rules), NULL);

  infos = cz_evidence_store_inspect_dossier (evidence, dossier, rules);
  evidence_findings = cz_evidence_dup_findings (dossier, rules, infos);
  check = cz_archive_check_new (dossier, rules, evidence_findings);

  options = cz_pack_options_new ();
  cz_pack_options_set_check (options, check);
  add_evidence_from_dossier (options, dossier, evidence);
  cz_pack_options_set_application_form_func (options, cz_form_render_for_archive, g_object_ref (rules), g_object_unref);
  return options;
}

GStrv
cz_archive_check_dup_blockers (JsonNode *check)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *findings;

  g_return_val_if_fail (check != NULL && JSON_NODE_HOLDS_OBJECT (check), NULL);

  findings = json_object_get_array_member (json_node_get_object (check), "findings");
  for (guint i = 0; findings != NULL && i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      const char *field = json_object_get_string_member_with_default (finding, "field_id", NULL);
      const char *message = json_object_get_string_member_with_default (finding, "message", "");

      if (g_strcmp0 (json_object_get_string_member_with_default (finding, "severity", NULL), "blocker") != 0)
        continue;
      if (field != NULL)
        {
          g_autofree char *line = g_strdup_printf ("%s (%s)", message, field);
          g_strv_builder_add (builder, line);
        }
      else
        g_strv_builder_add (builder, message);
    }
  return g_strv_builder_end (builder);
}
