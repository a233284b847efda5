/* cz-cli-validate.c — coopzone-cli validate and rules
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cz-evidence.h"
#include "cz-finding.h"
#include "cz-fields.h"
#include "cz-rules.h"
#include "cz-rules-catalog.h"
#include "cz-store.h"
#include "cz-score.h"
#include "cz-validator.h"

#include "cz-cli.h"

typedef struct
{
  gboolean    json;
  const char *rules_path;
  const char *dossier;
} Options;

static int
parse_options (const char *command,
               int         argc,
               char      **argv,
               gboolean    wants_dossier,
               Options    *options)
{
  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        options->json = TRUE;
      else if (g_str_equal (argv[i], "--rules") && i + 1 < argc)
        options->rules_path = argv[++i];
      else if (argv[i][0] != '-' && wants_dossier && options->dossier == NULL)
        options->dossier = argv[i];
      else
        return cz_cli_fail (_("Unknown option “%1$s” for %2$s."), argv[i], command);
    }
  if (wants_dossier && options->dossier == NULL)
    return cz_cli_fail (_("Name the dossier to check: an id in the store or a .json file."));
  return 0;
}

static void
print_pack_header (CzRules *rules)
{
  g_autofree char *line = cz_rules_get_provisional (rules)
    /* Translators: %1$s is a pack id, %2$u a year */
    ? g_strdup_printf (_("%1$s, call of %2$u, provisional"), cz_rules_get_id (rules), cz_rules_get_year (rules))
    /* Translators: %1$s is a pack id, %2$u a year */
    : g_strdup_printf (_("%1$s, call of %2$u"), cz_rules_get_id (rules), cz_rules_get_year (rules));

  g_print ("%s%s%s\n", _("Rules pack"), cz_cli_colon (), cz_rules_get_title (rules, NULL));
  g_print ("  %s\n", line);
  g_print ("  SHA-256: %s\n", cz_rules_get_sha256 (rules));
}

static void
print_score (CzScore *score)
{
  g_autofree char *total = cz_score_format_tenths (cz_score_get_total_tenths (score));

  g_print ("\n%s: %s / %u%s\n", _("Score estimate"), total, cz_score_get_max_points (score),
           cz_score_get_provisional (score) ? _(" (provisional)") : "");
  for (guint d = 0; d < cz_score_get_n_dimensions (score); d++)
    {
      g_autofree char *points = cz_score_format_tenths (cz_score_get_dimension_tenths (score, d));

      g_print ("  %s: %s / %u\n", cz_score_get_dimension_title (score, d), points,
               cz_score_get_dimension_points (score, d));
      for (guint i = 0; i < cz_score_get_n_indicators (score, d); i++)
        {
          g_autofree char *earned = cz_score_format_tenths (cz_score_get_indicator_tenths (score, d, i));

          g_print ("    %s: %s / %u — %s\n", cz_score_get_indicator_title (score, d, i), earned,
                   cz_score_get_indicator_points (score, d, i),
                   cz_score_get_indicator_explanation (score, d, i));
        }
    }
}

/* The findings on the evidence, from inspecting the stored files, as the
 * wizard adds them: evidence lives beside the store's database, and a dossier
 * from a file uses the store it would be imported into. */
static void
add_evidence_findings (CliContext  *ctx,
                       CzStore     *store,
                       CzValidator *validator)
{
  g_autofree char *database = store ? g_strdup (cz_store_get_path (store))
                                    : ctx->store_path ? g_strdup (ctx->store_path) : cz_store_dup_default_path ();
  g_autoptr(CzEvidenceStore) evidence = cz_evidence_store_new_for_database (database);
  CzDossier *dossier = cz_validator_get_dossier (validator);
  CzRules *rules = cz_validator_get_rules (validator);
  g_autoptr(GHashTable) infos = cz_evidence_store_inspect_dossier (evidence, dossier, rules);
  g_autoptr(GPtrArray) findings = cz_evidence_dup_findings (dossier, rules, infos);

  cz_validator_set_external_findings (validator, "evidence", findings);
}

/* ---------------------------------------------------------------------- */
/* validate                                                                 */

/* What a check found: gathered once, then printed as text or JSON. */
typedef struct
{
  CzStore     *store;
  CzDossier   *dossier;
  CzRules     *rules;
  CzValidator *validator;
  CzScore     *score;
} Report;

static void
report_clear (Report *report)
{
  g_clear_object (&report->score);
  g_clear_object (&report->validator);
  g_clear_object (&report->rules);
  g_clear_object (&report->dossier);
  g_clear_object (&report->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Report, report_clear)

static gboolean
gather_report (CliContext     *ctx,
               const Options  *options,
               Report         *report,
               GError        **error)
{
  report->dossier = cz_cli_load_dossier_argument (ctx, options->dossier, &report->store, error);
  if (report->dossier == NULL)
    return FALSE;
  report->rules = cz_cli_load_rules (options->rules_path, report->dossier, error);
  if (report->rules == NULL)
    return FALSE;

  report->validator = cz_validator_new (report->dossier, report->rules);
  add_evidence_findings (ctx, report->store, report->validator);
  report->score = cz_score_new (report->rules, report->dossier, NULL);
  return TRUE;
}

/* docs/findings-json.md, “coopzone-cli validate --json”. */
static void
print_report_json (const Report *report)
{
  GListModel *model = G_LIST_MODEL (report->validator);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonObject *counts = json_object_new ();
  JsonArray *findings = json_array_new ();

  json_object_set_string_member (object, "dossier", cz_dossier_get_id (report->dossier));
  json_object_set_member (object, "rules", cz_rules_identity_to_json (report->rules));
  json_object_set_boolean_member (object, "has_blockers", cz_validator_get_has_blockers (report->validator));
  for (guint v = 0; v < CZ_N_SEVERITIES; v++)
    {
      guint total = 0;

      for (guint s = 0; s < CZ_N_STEPS; s++)
        total += cz_validator_get_count (report->validator, s, v);
      json_object_set_int_member (counts, cz_severity_to_id (v), total);
    }
  json_object_set_object_member (object, "counts", counts);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CzFinding) finding = g_list_model_get_item (model, i);

      json_array_add_element (findings, cz_finding_to_json (finding));
    }
  json_object_set_array_member (object, "findings", findings);
  json_object_set_member (object, "score", cz_score_to_json (report->score));

  json_node_take_object (root, object);
  cz_cli_print_json (root);
}

/* The findings of @step, from @position in the model; returns where the
 * next step's findings start. */
static guint
print_step_findings (const Report *report,
                     CzStep        step,
                     guint         position)
{
  GListModel *model = G_LIST_MODEL (report->validator);
  guint n_blockers = cz_validator_get_count (report->validator, step, CZ_SEVERITY_BLOCKER);
  guint n_warnings = cz_validator_get_count (report->validator, step, CZ_SEVERITY_WARNING);
  guint n_hints = cz_validator_get_count (report->validator, step, CZ_SEVERITY_HINT);

  if (n_blockers + n_warnings + n_hints == 0)
    return position;
  /* Translators: a step of the wizard followed by its counts */
  g_print ("\n%s — %s %u, %s %u, %s %u\n", cz_step_get_title (step),
           cz_severity_get_label (CZ_SEVERITY_BLOCKER), n_blockers,
           cz_severity_get_label (CZ_SEVERITY_WARNING), n_warnings,
           cz_severity_get_label (CZ_SEVERITY_HINT), n_hints);

  for (; position < g_list_model_get_n_items (model); position++)
    {
      g_autoptr(CzFinding) finding = g_list_model_get_item (model, position);
      const char *field_id = cz_finding_get_field_id (finding);

      if (cz_finding_get_step (finding) != step)
        break;
      g_print ("  [%s] %s%s%s\n", cz_severity_get_label (cz_finding_get_severity (finding)),
               field_id ? field_id : "", field_id ? ": " : "", cz_finding_get_message (finding));
      g_print ("      %s%s%s%s\n", _("Source"), cz_cli_colon (), cz_finding_get_citation (finding),
               cz_finding_get_provisional (finding) ? _(" (provisional)") : "");
    }
  return position;
}

static void
print_result_line (CzValidator *validator)
{
  guint blockers = cz_validator_get_n_blockers (validator);
  guint warnings = cz_validator_get_n_warnings (validator);
  guint hints = cz_validator_get_n_hints (validator);
  g_autofree char *blockers_text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u blocker", "%u blockers", blockers), blockers);
  g_autofree char *warnings_text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
  g_autofree char *hints_text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hint", "%u hints", hints), hints);

  /* Translators: the counts of findings, e.g. "Result: 1 blocker, 2 warnings, 0 hints." */
  g_print (_("Result: %1$s, %2$s, %3$s."), blockers_text, warnings_text, hints_text);
  g_print ("\n");
}

static void
print_report_text (const Report *report)
{
  g_autofree char *name = cz_dossier_dup_display_name (report->dossier);
  guint position = 0;

  g_print ("%s\n", name);
  print_pack_header (report->rules);
  for (guint s = 0; s < CZ_N_STEPS; s++)
    position = print_step_findings (report, s, position);
  print_score (report->score);
  g_print ("\n");
  print_result_line (report->validator);
}

int
command_validate (CliContext  *ctx,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(Report) report = { NULL };
  Options options = { FALSE, NULL, NULL };
  int status;

  if ((status = parse_options ("validate", argc, argv, TRUE, &options)) != 0)
    return status;
  if (!gather_report (ctx, &options, &report, &error))
    return cz_cli_fail ("%s", error->message);

  if (options.json)
    print_report_json (&report);
  else
    print_report_text (&report);
  return cz_validator_get_has_blockers (report.validator) ? EXIT_BLOCKERS : 0;
}

/* ---------------------------------------------------------------------- */
/* rules                                                                    */

static void
print_rules_text (CzRules *rules)
{
  print_pack_header (rules);
  g_print ("\n%s\n", _("Rules:"));
  for (guint r = 0; r < cz_rules_get_n_rules (rules); r++)
    {
      const CzRule *rule = cz_rules_get_rule (rules, r);
      g_autofree char *citation = cz_rule_dup_citation (rule);

      g_print ("  %-36s %-8s %s%s\n", cz_rule_get_id (rule), cz_severity_to_id (cz_rule_get_severity (rule)),
               citation, cz_rule_get_provisional (rule) ? _(" (provisional)") : "");
    }
  g_print ("\n%s\n", _("Dimensions:"));
  for (guint d = 0; d < cz_rules_get_n_dimensions (rules); d++)
    {
      const CzRulesDimension *dimension = cz_rules_get_dimension (rules, d);

      g_print ("  %s: %u\n", cz_rules_dimension_get_title (dimension, NULL), cz_rules_dimension_get_points (dimension));
      for (guint i = 0; i < cz_rules_dimension_get_n_indicators (dimension); i++)
        {
          const CzRulesIndicator *indicator = cz_rules_dimension_get_indicator (dimension, i);

          g_print ("    %s (%s): %u\n", cz_rules_indicator_get_title (indicator, NULL),
                   cz_rules_indicator_get_field (indicator), cz_rules_indicator_get_points (indicator));
        }
    }
  g_print ("\n%s\n", _("Evidence:"));
  for (guint e = 0; e < cz_rules_get_n_evidence_slots (rules); e++)
    {
      const CzEvidenceSlot *slot = cz_rules_get_evidence_slot (rules, e);

      g_print ("  %s: %s%s\n", cz_evidence_slot_get_id (slot), cz_evidence_slot_get_title (slot, NULL),
               cz_evidence_slot_get_required (slot) ? "" : _(" (optional)"));
    }
}

int
command_rules (CliContext  *ctx,
               int          argc,
               char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRules) rules = NULL;
  Options options = { FALSE, NULL, NULL };
  int status;

  if ((status = parse_options ("rules", argc, argv, FALSE, &options)) != 0)
    return status;
  rules = cz_cli_load_rules (options.rules_path, NULL, &error);
  if (rules == NULL)
    return cz_cli_fail ("%s", error->message);

  if (options.json)
    {
      g_autoptr(JsonNode) root = cz_rules_to_json (rules);

      cz_cli_print_json (root);
    }
  else
    print_rules_text (rules);
  return 0;
}

/* As the application's "Load Rules Pack…" re-checks the open dossiers of the
 * pack's year, installing records the pack in the stored dossiers of that
 * year: it is the pack they are prepared with from now on. A store that does
 * not exist yet is not created. */
static int
record_installed_pack (CliContext *ctx,
                       CzRules    *rules)
{
  g_autofree char *path = ctx->store_path ? g_strdup (ctx->store_path) : cz_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  guint n_recorded = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;
  store = cz_store_new (path, &error);
  if (store != NULL)
    infos = cz_store_list_dossiers (store, &error);
  for (guint i = 0; infos != NULL && i < infos->len && error == NULL; i++)
    {
      const char *id = cz_dossier_info_get_id (g_ptr_array_index (infos, i));
      g_autoptr(CzDossier) dossier = cz_store_open_dossier (store, id, &error);
      g_autoptr(CzRules) in_use = dossier ? cz_rules_dup_for_dossier (dossier, NULL) : NULL;

      if (in_use != NULL && g_strcmp0 (cz_rules_get_sha256 (in_use), cz_rules_get_sha256 (rules)) == 0 &&
          g_strcmp0 (cz_dossier_get_text (dossier, CZ_FIELD_RULES_PACK_SHA256), cz_rules_get_sha256 (rules)) != 0)
        {
          cz_rules_record_in_dossier (rules, dossier);
          n_recorded++;
        }
    }
  if (error == NULL && store != NULL)
    cz_store_flush (store, &error);
  if (error != NULL)
    return cz_cli_fail ("%s", error->message);

  if (n_recorded > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Recorded in %u stored dossier of that year.",
                            "Recorded in %u stored dossiers of that year.",
                            n_recorded), n_recorded);
      g_print ("\n");
    }
  return 0;
}

/* The scriptable twin of the application's "Load Rules Pack…". */
int
command_install_rules (CliContext  *ctx,
                       int          argc,
                       char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[0]);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CzRules) rules = NULL;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    return cz_cli_fail ("%s", error->message);

  rules = cz_rules_install (bytes, argv[0], &error);
  if (rules == NULL)
    return cz_cli_fail ("%s", error->message);

  /* Translators: %1$s is the pack's id, %2$u its call year, %3$s its SHA-256 */
  g_print (_("Rules pack %1$s is now in use for %2$u (SHA-256 %3$s)."),
           cz_rules_get_id (rules), cz_rules_get_year (rules), cz_rules_get_sha256 (rules));
  g_print ("\n");
  return record_installed_pack (ctx, rules);
}
