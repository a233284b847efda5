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
  g_autoptr(CzDossier) dossier = cz_cli_load_dossier_argument (ctx, id, &store, error);

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
    return cz_cli_fail (_("Name the dossier, the evidence slot and at least one file: "
                          "attach ID SLOT FILE… [--pages 2-3]"));
  if (pages != NULL && !cz_page_ranges_validate (pages, 0, &error))
    return cz_cli_fail ("%s", error->message);

  dossier = open_stored_dossier (ctx, argv[0], &store, &evidence, &error);
  if (dossier == NULL)
    return cz_cli_fail ("%s", error->message);
  rules = cz_cli_load_rules (NULL, dossier, &error);
  if (rules == NULL)
    return cz_cli_fail ("%s", error->message);

  slot = find_slot (rules, argv[1]);
  if (slot == NULL)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < cz_rules_get_n_evidence_slots (rules); i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                                cz_evidence_slot_get_id (cz_rules_get_evidence_slot (rules, i)));
      return cz_cli_fail (_("The rules pack has no evidence slot “%s”: use one of %s."), argv[1], ids->str);
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
          cz_cli_fail ("%s", local_error->message);
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
    return cz_cli_fail ("%s", error->message);
  return status;
}

/* ---------------------------------------------------------------------- */
/* evidence                                                                 */

/* The slots, their files and the findings, gathered once. */
typedef struct
{
  CzStore         *store;
  CzEvidenceStore *evidence;
  CzDossier       *dossier;
  CzRules         *rules;
  GHashTable      *infos;     /* sha256 → CzEvidenceInfo */
  GPtrArray       *findings;  /* of CzFinding */
  const char      *language;
} EvidenceReport;

static void
evidence_report_clear (EvidenceReport *report)
{
  g_clear_pointer (&report->findings, g_ptr_array_unref);
  g_clear_pointer (&report->infos, g_hash_table_unref);
  g_clear_object (&report->rules);
  g_clear_object (&report->dossier);
  g_clear_object (&report->evidence);
  g_clear_object (&report->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EvidenceReport, evidence_report_clear)

static int
parse_evidence_args (int           argc,
                     char        **argv,
                     gboolean     *json,
                     const char  **id)
{
  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        *json = TRUE;
      else if (*id == NULL)
        *id = argv[i];
      else
        return cz_cli_fail (_("Unknown option “%1$s” for %2$s."), argv[i], "evidence");
    }
  if (*id == NULL)
    return cz_cli_fail (_("Name the dossier: an id in the store."));
  return 0;
}

static gboolean
gather_evidence (CliContext      *ctx,
                 const char      *id,
                 EvidenceReport  *report,
                 GError         **error)
{
  report->language = cz_rules_pick_language (NULL);
  report->dossier = open_stored_dossier (ctx, id, &report->store, &report->evidence, error);
  if (report->dossier == NULL)
    return FALSE;
  report->rules = cz_cli_load_rules (NULL, report->dossier, error);
  if (report->rules == NULL)
    return FALSE;

  report->infos = cz_evidence_store_inspect_dossier (report->evidence, report->dossier, report->rules);
  report->findings = cz_evidence_dup_findings (report->dossier, report->rules, report->infos);
  return TRUE;
}

/* A slot is satisfied when it has a file and no blocker. */
static gboolean
slot_is_satisfied (const EvidenceReport *report,
                   const char           *slot_id,
                   GPtrArray            *records)
{
  g_autofree char *field_id = g_strconcat (CZ_EVIDENCE_FIELD_PREFIX, slot_id, NULL);

  for (guint j = 0; j < report->findings->len; j++)
    {
      CzFinding *finding = g_ptr_array_index (report->findings, j);

      if (g_strcmp0 (cz_finding_get_field_id (finding), field_id) == 0 &&
          cz_finding_get_severity (finding) == CZ_SEVERITY_BLOCKER)
        return FALSE;
    }
  return records->len > 0;
}

static char *
dup_record_citation (const EvidenceReport *report,
                     GVariant             *record)
{
  const char *pages = cz_evidence_record_get_text (record, "pages");

  return pages[0] != '\0' ? cz_page_ranges_dup_citation (pages, report->language) : NULL;
}

static const char * const text_members[] = { "sha256", "name", "title", "issuer", "date", "pages", "pdf_version", NULL };

static JsonObject *
file_to_json (const EvidenceReport *report,
              GVariant             *record)
{
  const CzEvidenceInfo *info = g_hash_table_lookup (report->infos, cz_evidence_record_get_text (record, "sha256"));
  g_autofree char *citation = dup_record_citation (report, record);
  JsonObject *object = json_object_new ();

  for (guint k = 0; text_members[k] != NULL; k++)
    json_object_set_string_member (object, text_members[k], cz_evidence_record_get_text (record, text_members[k]));
  json_object_set_int_member (object, "size", cz_evidence_record_get_int (record, "size"));
  json_object_set_int_member (object, "page_count", cz_evidence_record_get_int (record, "page_count"));
  json_object_set_string_member (object, "citation", citation);
  json_object_set_string_member (object, "problem",
                                 info != NULL && info->problem != NULL ? info->problem->message : NULL);
  return object;
}

static JsonObject *
slot_to_json (const EvidenceReport *report,
              const CzEvidenceSlot *slot)
{
  const char *slot_id = cz_evidence_slot_get_id (slot);
  g_autoptr(GPtrArray) records = cz_evidence_dup_records (report->dossier, slot_id);
  JsonObject *object = json_object_new ();
  JsonArray *files = json_array_new ();

  json_object_set_string_member (object, "id", slot_id);
  json_object_set_string_member (object, "title", cz_evidence_slot_get_title (slot, report->language));
  json_object_set_boolean_member (object, "required", cz_evidence_slot_get_required (slot));
  json_object_set_boolean_member (object, "satisfied", slot_is_satisfied (report, slot_id, records));
  for (guint j = 0; j < records->len; j++)
    json_array_add_object_element (files, file_to_json (report, g_ptr_array_index (records, j)));
  json_object_set_array_member (object, "files", files);
  return object;
}

static void
print_evidence_json (const EvidenceReport *report)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *slots = json_array_new ();
  JsonArray *findings = json_array_new ();

  json_object_set_string_member (object, "dossier", cz_dossier_get_id (report->dossier));
  for (guint i = 0; i < cz_rules_get_n_evidence_slots (report->rules); i++)
    json_array_add_object_element (slots, slot_to_json (report, cz_rules_get_evidence_slot (report->rules, i)));
  json_object_set_array_member (object, "slots", slots);
  for (guint i = 0; i < report->findings->len; i++)
    json_array_add_element (findings, cz_finding_to_json (g_ptr_array_index (report->findings, i)));
  json_object_set_array_member (object, "findings", findings);

  json_node_take_object (root, object);
  cz_cli_print_json (root);
}

static void
print_slot_text (const EvidenceReport *report,
                 const CzEvidenceSlot *slot)
{
  const char *slot_id = cz_evidence_slot_get_id (slot);
  g_autoptr(GPtrArray) records = cz_evidence_dup_records (report->dossier, slot_id);
  gboolean satisfied = slot_is_satisfied (report, slot_id, records);

  g_print ("%s %s (%s)%s\n", satisfied ? "✓" : cz_evidence_slot_get_required (slot) ? "✗" : "·",
           cz_evidence_slot_get_title (slot, report->language), slot_id,
           cz_evidence_slot_get_required (slot) ? "" : _(" — optional"));

  for (guint j = 0; j < records->len; j++)
    {
      GVariant *record = g_ptr_array_index (records, j);
      g_autofree char *citation = dup_record_citation (report, record);
      g_autofree char *size = g_format_size ((guint64) cz_evidence_record_get_int (record, "size"));
      const char *title = cz_evidence_record_get_text (record, "title");

      g_print ("    %s  %s, %s, %" G_GINT64_FORMAT " p.%s%s\n",
               cz_evidence_record_get_text (record, "sha256"),
               title[0] != '\0' ? title : cz_evidence_record_get_text (record, "name"),
               size, cz_evidence_record_get_int (record, "page_count"),
               citation != NULL ? ", " : "", citation != NULL ? citation : "");
    }
}

static void
print_evidence_text (const EvidenceReport *report)
{
  for (guint i = 0; i < cz_rules_get_n_evidence_slots (report->rules); i++)
    print_slot_text (report, cz_rules_get_evidence_slot (report->rules, i));

  if (report->findings->len == 0)
    return;
  g_print ("\n");
  for (guint i = 0; i < report->findings->len; i++)
    {
      CzFinding *finding = g_ptr_array_index (report->findings, i);

      g_print ("%s: %s\n", cz_severity_get_label (cz_finding_get_severity (finding)),
               cz_finding_get_message (finding));
    }
}

int
command_evidence (CliContext  *ctx,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(EvidenceReport) report = { NULL };
  gboolean json = FALSE;
  const char *id = NULL;
  int status;

  if ((status = parse_evidence_args (argc, argv, &json, &id)) != 0)
    return status;
  if (!gather_evidence (ctx, id, &report, &error))
    return cz_cli_fail ("%s", error->message);

  if (json)
    print_evidence_json (&report);
  else
    print_evidence_text (&report);
  return 0;
}
