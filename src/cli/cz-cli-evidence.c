/* cz-cli-evidence.c — coopzone-cli attach / evidence, through the same core
 * code as the Evidence step
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cz-cli.h"
#include "cz-cli-evidence.h"
#include "cz-evidence.h"
#include "cz-finding.h"
#include "cz-rules.h"


static const CzEvidenceSlot *
find_slot (CzRules    *rules,
           const char *id)
{
  for (guint i = 0; i < cz_rules_get_n_evidence_slots (rules); i++)
    if (g_str_equal (cz_evidence_slot_get_id (cz_rules_get_evidence_slot (rules, i)), id))
      return cz_rules_get_evidence_slot (rules, i);
  return NULL;
}

static CzDossier *
open_stored_dossier (CliContext       *ctx,
                     const char       *id,
                     CzStore         **store_out,
                     CzEvidenceStore **evidence_out,
                     GError          **error)
{
  g_autoptr(CzStore) store = NULL;
  g_autoptr(CzDossier) dossier = load_dossier_argument (ctx, id, &store, error);

  if (dossier == NULL)
    return NULL;
  if (store == NULL)
    {
      g_set_error (error, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_IO,
                   _("Evidence belongs to a dossier in the store: import “%s” first and use its id."), id);
      return NULL;
    }
  *evidence_out = cz_evidence_store_new_for_database (cz_store_get_path (store));
  *store_out = g_steal_pointer (&store);
  return g_steal_pointer (&dossier);
}

int
command_attach (CliContext  *ctx,
                int          argc,
                char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = NULL;
  g_autoptr(CzEvidenceStore) evidence = NULL;
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(CzRules) rules = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  const CzEvidenceSlot *slot;
  const char *pages = NULL;
  CzEvidenceLimits limits;
  int status = 0;

  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--pages") && i + 1 < argc)
        pages = argv[++i];
      else if (g_str_has_prefix (argv[i], "--pages="))
        pages = argv[i] + strlen ("--pages=");
      else
        g_ptr_array_add (files, argv[i]);
    }
  if (argc < 3 || files->len == 0)
    return fail (_("Name the dossier, the evidence slot and at least one file: "
                   "attach ID SLOT FILE… [--pages 2-3]"));
  if (pages != NULL && !cz_page_ranges_validate (pages, 0, &error))
    return fail ("%s", error->message);

  dossier = open_stored_dossier (ctx, argv[0], &store, &evidence, &error);
  if (dossier == NULL)
    return fail ("%s", error->message);
  rules = cz_cli_load_rules (NULL, dossier, &error);
  if (rules == NULL)
    return fail ("%s", error->message);

  slot = find_slot (rules, argv[1]);
  if (slot == NULL)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < cz_rules_get_n_evidence_slots (rules); i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                                cz_evidence_slot_get_id (cz_rules_get_evidence_slot (rules, i)));
      return fail (_("The rules pack has no evidence slot “%s”: use one of %s."), argv[1], ids->str);
    }
  cz_evidence_limits_for_slot (&limits, slot);

  for (guint i = 0; i < files->len; i++)
    {
      const char *argument = g_ptr_array_index (files, i);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argument);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GError) pages_error = NULL;
      g_autoptr(CzEvidenceInfo) info = cz_evidence_store_import (evidence, file, &limits, NULL, &local_error);

      if (info == NULL)
        {
          fail ("%s", local_error->message);
          status = EXIT_BAD_INPUT;
          continue;
        }
      if (info->sha256 != NULL)
        {
          cz_evidence_add_to_dossier (dossier, cz_evidence_slot_get_id (slot), info, pages);
          g_print ("%s  %s\n", info->sha256, info->name);
        }
      if (info->problem != NULL)
        {
          g_printerr ("%s: %s\n", info->name, info->problem->message);
          status = EXIT_BAD_INPUT;
        }
      else if (pages != NULL && !cz_page_ranges_validate (pages, info->page_count, &pages_error))
        {
          g_printerr ("%s: %s\n", info->name, pages_error->message);
          status = EXIT_BAD_INPUT;
        }
    }

  if (!cz_store_flush (store, &error))
    return fail ("%s", error->message);
  return status;
}

static void
add_finding_json (JsonBuilder *builder,
                  CzFinding   *finding)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rule_id");
  json_builder_add_string_value (builder, cz_finding_get_rule_id (finding));
  json_builder_set_member_name (builder, "severity");
  json_builder_add_string_value (builder, cz_severity_to_id (cz_finding_get_severity (finding)));
  json_builder_set_member_name (builder, "field_id");
  json_builder_add_string_value (builder, cz_finding_get_field_id (finding));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, cz_finding_get_message (finding));
  json_builder_set_member_name (builder, "citation");
  json_builder_add_string_value (builder, cz_finding_get_citation (finding));
  json_builder_end_object (builder);
}

static const char * const text_members[] = { "sha256", "name", "title", "issuer", "date", "pages", "pdf_version", NULL };

int
command_evidence (CliContext  *ctx,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = NULL;
  g_autoptr(CzEvidenceStore) evidence = NULL;
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(CzRules) rules = NULL;
  g_autoptr(GHashTable) infos = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *language = cz_rules_pick_language (NULL);
  gboolean json = FALSE;
  const char *id = NULL;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (id == NULL)
        id = argv[i];
      else
        return fail (_("Unknown option “%1$s” for %2$s."), argv[i], "evidence");
    }
  if (id == NULL)
    return fail (_("Name the dossier: an id in the store."));

  dossier = open_stored_dossier (ctx, id, &store, &evidence, &error);
  if (dossier == NULL)
    return fail ("%s", error->message);
  rules = cz_cli_load_rules (NULL, dossier, &error);
  if (rules == NULL)
    return fail ("%s", error->message);

  infos = cz_evidence_store_inspect_dossier (evidence, dossier, rules);
  findings = cz_evidence_dup_findings (dossier, rules, infos);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dossier");
  json_builder_add_string_value (builder, cz_dossier_get_id (dossier));
  json_builder_set_member_name (builder, "slots");
  json_builder_begin_array (builder);

  for (guint i = 0; i < cz_rules_get_n_evidence_slots (rules); i++)
    {
      const CzEvidenceSlot *slot = cz_rules_get_evidence_slot (rules, i);
      const char *slot_id = cz_evidence_slot_get_id (slot);
      g_autoptr(GPtrArray) records = cz_evidence_dup_records (dossier, slot_id);
      g_autofree char *field_id = g_strconcat (CZ_EVIDENCE_FIELD_PREFIX, slot_id, NULL);
      gboolean satisfied = records->len > 0;

      for (guint j = 0; j < findings->len; j++)
        if (g_strcmp0 (cz_finding_get_field_id (g_ptr_array_index (findings, j)), field_id) == 0 &&
            cz_finding_get_severity (g_ptr_array_index (findings, j)) == CZ_SEVERITY_BLOCKER)
          satisfied = FALSE;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, slot_id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, cz_evidence_slot_get_title (slot, language));
      json_builder_set_member_name (builder, "required");
      json_builder_add_boolean_value (builder, cz_evidence_slot_get_required (slot));
      json_builder_set_member_name (builder, "satisfied");
      json_builder_add_boolean_value (builder, satisfied);
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);

      if (!json)
        g_print ("%s %s (%s)%s\n", satisfied ? "✓" : cz_evidence_slot_get_required (slot) ? "✗" : "·",
                 cz_evidence_slot_get_title (slot, language), slot_id,
                 cz_evidence_slot_get_required (slot) ? "" : _(" — optional"));

      for (guint j = 0; j < records->len; j++)
        {
          GVariant *record = g_ptr_array_index (records, j);
          const CzEvidenceInfo *info = g_hash_table_lookup (infos, cz_evidence_record_get_text (record, "sha256"));
          const char *pages = cz_evidence_record_get_text (record, "pages");
          g_autofree char *citation = pages[0] != '\0' ? cz_page_ranges_dup_citation (pages, language) : NULL;

          json_builder_begin_object (builder);
          for (guint k = 0; text_members[k] != NULL; k++)
            {
              json_builder_set_member_name (builder, text_members[k]);
              json_builder_add_string_value (builder, cz_evidence_record_get_text (record, text_members[k]));
            }
          json_builder_set_member_name (builder, "size");
          json_builder_add_int_value (builder, cz_evidence_record_get_int (record, "size"));
          json_builder_set_member_name (builder, "page_count");
          json_builder_add_int_value (builder, cz_evidence_record_get_int (record, "page_count"));
          json_builder_set_member_name (builder, "citation");
          json_builder_add_string_value (builder, citation);
          json_builder_set_member_name (builder, "problem");
          json_builder_add_string_value (builder, info != NULL && info->problem != NULL ? info->problem->message : NULL);
          json_builder_end_object (builder);

          if (!json)
            {
              g_autofree char *size = g_format_size ((guint64) cz_evidence_record_get_int (record, "size"));

              g_print ("    %s  %s, %s, %" G_GINT64_FORMAT " p.%s%s\n",
                       cz_evidence_record_get_text (record, "sha256"),
                       cz_evidence_record_get_text (record, "title")[0] != '\0'
                         ? cz_evidence_record_get_text (record, "title")
                         : cz_evidence_record_get_text (record, "name"),
                       size, cz_evidence_record_get_int (record, "page_count"),
                       citation != NULL ? ", " : "", citation != NULL ? citation : "");
            }
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    add_finding_json (builder, g_ptr_array_index (findings, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *data = NULL;

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      data = json_generator_to_data (generator, NULL);
      g_print ("%s\n", data);
    }
  else if (findings->len > 0)
    {
      g_print ("\n");
      for (guint i = 0; i < findings->len; i++)
        {
          CzFinding *finding = g_ptr_array_index (findings, i);

          g_print ("%s: %s\n", cz_severity_get_label (cz_finding_get_severity (finding)),
                   cz_finding_get_message (finding));
        }
    }
  return 0;
}
