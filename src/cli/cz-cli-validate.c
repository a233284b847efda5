/* cz-cli-validate.c — coopzone-cli validate and rules
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cz-evidence.h"
#include "cz-fields.h"
#include "cz-rules.h"
#include "cz-store.h"
#include "cz-score.h"
#include "cz-validator.h"

#include "cz-cli.h"
#include "cz-rules-catalog.h"

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
        return fail (_("Unknown option “%1$s” for %2$s."), argv[i], command);
    }
  if (wants_dossier && options->dossier == NULL)
    return fail (_("Name the dossier to check: an id in the store or a .json file."));
  return 0;
}

/**
 * cz_cli_load_rules:
 * @rules_path: (nullable): the pack named with --rules
 * @dossier: (nullable): the dossier to check
 *
 * The pack named with --rules, else the pack in use for the dossier's call
 * year (an installed pack, else the built-in one), as the application chooses.
 */
CzRules *
cz_cli_load_rules (const char  *rules_path,
                   CzDossier   *dossier,
                   GError     **error)
{
  if (rules_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (rules_path);
      return cz_rules_new_from_file (file, error);
    }
  if (dossier != NULL)
    return cz_rules_dup_for_dossier (dossier, error);
  return cz_rules_dup_for_year (CZ_RULES_BUILTIN_YEAR, error);
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *data = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, NULL);
  g_print ("%s\n", data);
}

static void
add_pack_members (JsonBuilder *builder,
                  CzRules     *rules)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, cz_rules_get_id (rules));
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, cz_rules_get_year (rules));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, cz_rules_get_title (rules, NULL));
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, cz_rules_get_sha256 (rules));
  json_builder_set_member_name (builder, "provisional");
  json_builder_add_boolean_value (builder, cz_rules_get_provisional (rules));
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
add_score_json (JsonBuilder *builder,
                CzScore     *score)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_double_value (builder, cz_score_get_total_tenths (score) / 10.0);
  json_builder_set_member_name (builder, "max");
  json_builder_add_int_value (builder, cz_score_get_max_points (score));
  json_builder_set_member_name (builder, "provisional");
  json_builder_add_boolean_value (builder, cz_score_get_provisional (score));
  json_builder_set_member_name (builder, "dimensions");
  json_builder_begin_array (builder);
  for (guint d = 0; d < cz_score_get_n_dimensions (score); d++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, cz_score_get_dimension_id (score, d));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, cz_score_get_dimension_title (score, d));
      json_builder_set_member_name (builder, "points");
      json_builder_add_double_value (builder, cz_score_get_dimension_tenths (score, d) / 10.0);
      json_builder_set_member_name (builder, "max");
      json_builder_add_int_value (builder, cz_score_get_dimension_points (score, d));
      json_builder_set_member_name (builder, "indicators");
      json_builder_begin_array (builder);
      for (guint i = 0; i < cz_score_get_n_indicators (score, d); i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, cz_score_get_indicator_id (score, d, i));
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, cz_score_get_indicator_field (score, d, i));
          json_builder_set_member_name (builder, "points");
          json_builder_add_double_value (builder, cz_score_get_indicator_tenths (score, d, i) / 10.0);
          json_builder_set_member_name (builder, "max");
          json_builder_add_int_value (builder, cz_score_get_indicator_points (score, d, i));
          json_builder_set_member_name (builder, "explanation");
          json_builder_add_string_value (builder, cz_score_get_indicator_explanation (score, d, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
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

int
command_validate (CliContext  *ctx,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(CzRules) rules = NULL;
  g_autoptr(CzValidator) validator = NULL;
  g_autoptr(CzScore) score = NULL;
  g_autoptr(CzStore) store = NULL;
  Options options = { FALSE, NULL, NULL };
  GListModel *findings;
  int status;

  if ((status = parse_options ("validate", argc, argv, TRUE, &options)) != 0)
    return status;

  dossier = load_dossier_argument (ctx, options.dossier, &store, &error);
  if (dossier == NULL)
    return fail ("%s", error->message);
  rules = cz_cli_load_rules (options.rules_path, dossier, &error);
  if (rules == NULL)
    return fail ("%s", error->message);

  validator = cz_validator_new (dossier, rules);
  add_evidence_findings (ctx, store, validator);
  score = cz_score_new (rules, dossier, NULL);
  findings = G_LIST_MODEL (validator);

  if (options.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "dossier");
      json_builder_add_string_value (builder, cz_dossier_get_id (dossier));
      json_builder_set_member_name (builder, "rules");
      json_builder_begin_object (builder);
      add_pack_members (builder, rules);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "has_blockers");
      json_builder_add_boolean_value (builder, cz_validator_get_has_blockers (validator));
      json_builder_set_member_name (builder, "counts");
      json_builder_begin_object (builder);
      for (guint v = 0; v < CZ_N_SEVERITIES; v++)
        {
          guint total = 0;

          for (guint s = 0; s < CZ_N_STEPS; s++)
            total += cz_validator_get_count (validator, s, v);
          json_builder_set_member_name (builder, cz_severity_to_id (v));
          json_builder_add_int_value (builder, total);
        }
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "findings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
        {
          g_autoptr(CzFinding) finding = g_list_model_get_item (findings, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "rule");
          json_builder_add_string_value (builder, cz_finding_get_rule_id (finding));
          json_builder_set_member_name (builder, "severity");
          json_builder_add_string_value (builder, cz_severity_to_id (cz_finding_get_severity (finding)));
          json_builder_set_member_name (builder, "step");
          json_builder_add_string_value (builder, cz_step_to_id (cz_finding_get_step (finding)));
          json_builder_set_member_name (builder, "field");
          if (cz_finding_get_field_id (finding))
            json_builder_add_string_value (builder, cz_finding_get_field_id (finding));
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, cz_finding_get_message (finding));
          json_builder_set_member_name (builder, "citation");
          json_builder_add_string_value (builder, cz_finding_get_citation (finding));
          json_builder_set_member_name (builder, "provisional");
          json_builder_add_boolean_value (builder, cz_finding_get_provisional (finding));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "score");
      add_score_json (builder, score);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    {
      g_autofree char *name = cz_dossier_dup_display_name (dossier);
      guint position = 0;

      g_print ("%s\n", name);
      print_pack_header (rules);
      for (guint s = 0; s < CZ_N_STEPS; s++)
        {
          guint n_blockers = cz_validator_get_count (validator, s, CZ_SEVERITY_BLOCKER);
          guint n_warnings = cz_validator_get_count (validator, s, CZ_SEVERITY_WARNING);
          guint n_hints = cz_validator_get_count (validator, s, CZ_SEVERITY_HINT);

          if (n_blockers + n_warnings + n_hints == 0)
            continue;
          /* Translators: a step of the wizard followed by its counts */
          g_print ("\n%s — %s %u, %s %u, %s %u\n", cz_step_get_title (s),
                   cz_severity_get_label (CZ_SEVERITY_BLOCKER), n_blockers,
                   cz_severity_get_label (CZ_SEVERITY_WARNING), n_warnings,
                   cz_severity_get_label (CZ_SEVERITY_HINT), n_hints);

          for (; position < g_list_model_get_n_items (findings); position++)
            {
              g_autoptr(CzFinding) finding = g_list_model_get_item (findings, position);

              if (cz_finding_get_step (finding) != s)
                break;
              g_print ("  [%s] %s%s%s\n", cz_severity_get_label (cz_finding_get_severity (finding)),
                       cz_finding_get_field_id (finding) ? cz_finding_get_field_id (finding) : "",
                       cz_finding_get_field_id (finding) ? ": " : "",
                       cz_finding_get_message (finding));
              g_print ("      %s%s%s%s\n", _("Source"), cz_cli_colon (), cz_finding_get_citation (finding),
                       cz_finding_get_provisional (finding) ? _(" (provisional)") : "");
            }
        }
      print_score (score);
      g_print ("\n");
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
    }

  return cz_validator_get_has_blockers (validator) ? EXIT_BLOCKERS : 0;
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
    return fail ("%s", error->message);

  if (options.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_pack_members (builder, rules);
      json_builder_set_member_name (builder, "rules");
      json_builder_begin_array (builder);
      for (guint r = 0; r < cz_rules_get_n_rules (rules); r++)
        {
          const CzRule *rule = cz_rules_get_rule (rules, r);
          const char * const *fields = cz_rule_get_fields (rule);
          g_autofree char *citation = cz_rule_dup_citation (rule);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, cz_rule_get_id (rule));
          json_builder_set_member_name (builder, "severity");
          json_builder_add_string_value (builder, cz_severity_to_id (cz_rule_get_severity (rule)));
          json_builder_set_member_name (builder, "check");
          json_builder_add_string_value (builder, cz_rule_get_check (rule));
          json_builder_set_member_name (builder, "fields");
          json_builder_begin_array (builder);
          for (guint i = 0; fields[i]; i++)
            json_builder_add_string_value (builder, fields[i]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "citation");
          json_builder_add_string_value (builder, citation);
          json_builder_set_member_name (builder, "provisional");
          json_builder_add_boolean_value (builder, cz_rule_get_provisional (rule));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "dimensions");
      json_builder_begin_array (builder);
      for (guint d = 0; d < cz_rules_get_n_dimensions (rules); d++)
        {
          const CzRulesDimension *dimension = cz_rules_get_dimension (rules, d);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, cz_rules_dimension_get_id (dimension));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, cz_rules_dimension_get_title (dimension, NULL));
          json_builder_set_member_name (builder, "points");
          json_builder_add_int_value (builder, cz_rules_dimension_get_points (dimension));
          json_builder_set_member_name (builder, "indicators");
          json_builder_begin_array (builder);
          for (guint i = 0; i < cz_rules_dimension_get_n_indicators (dimension); i++)
            {
              const CzRulesIndicator *indicator = cz_rules_dimension_get_indicator (dimension, i);

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "id");
              json_builder_add_string_value (builder, cz_rules_indicator_get_id (indicator));
              json_builder_set_member_name (builder, "field");
              json_builder_add_string_value (builder, cz_rules_indicator_get_field (indicator));
              json_builder_set_member_name (builder, "points");
              json_builder_add_int_value (builder, cz_rules_indicator_get_points (indicator));
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "evidence");
      json_builder_begin_array (builder);
      for (guint e = 0; e < cz_rules_get_n_evidence_slots (rules); e++)
        {
          const CzEvidenceSlot *slot = cz_rules_get_evidence_slot (rules, e);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, cz_evidence_slot_get_id (slot));
          json_builder_set_member_name (builder, "required");
          json_builder_add_boolean_value (builder, cz_evidence_slot_get_required (slot));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return 0;
    }

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
    return fail ("%s", error->message);

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
    return fail ("%s", error->message);

  rules = cz_rules_install (bytes, argv[0], &error);
  if (rules == NULL)
    return fail ("%s", error->message);

  /* Translators: %1$s is the pack's id, %2$u its call year, %3$s its SHA-256 */
  g_print (_("Rules pack %1$s is now in use for %2$u (SHA-256 %3$s)."),
           cz_rules_get_id (rules), cz_rules_get_year (rules), cz_rules_get_sha256 (rules));
  g_print ("\n");
  return record_installed_pack (ctx, rules);
}
