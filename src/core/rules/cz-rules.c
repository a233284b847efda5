/* cz-rules.c — a loaded rules pack: the object and its accessors
 *
 * The pack is read, member by member, in cz-rules-loader.c.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-enum.h"
#include "cz-rules-private.h"

#define BUILTIN_RESOURCE "/io/github/coopzone/CoopZone/core/rules/%u.json"

G_DEFINE_QUARK (cz-rules-error-quark, cz_rules_error)

G_DEFINE_FINAL_TYPE (CzRules, cz_rules, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_YEAR,
  PROP_SHA256,
  PROP_PROVISIONAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Severities, languages                                                    */

/* The ids are the nicks of CZ_TYPE_SEVERITY (cz-types.c). */
const char *
cz_severity_to_id (CzSeverity severity)
{
  g_return_val_if_fail ((guint) severity < CZ_N_SEVERITIES, NULL);
  return cz_enum_get_nick (CZ_TYPE_SEVERITY, severity);
}

gboolean
cz_severity_from_id (const char *id,
                     CzSeverity *out_severity)
{
  int value;

  if (!cz_enum_from_nick (CZ_TYPE_SEVERITY, id, &value))
    return FALSE;
  if (out_severity != NULL)
    *out_severity = (CzSeverity) value;
  return TRUE;
}

const char *
cz_severity_get_label (CzSeverity severity)
{
  switch (severity)
    {
    case CZ_SEVERITY_BLOCKER:
      /* Translators: a finding that stops the application */
      return _("Blocker");
    case CZ_SEVERITY_WARNING:
      return _("Warning");
    case CZ_SEVERITY_HINT:
      return _("Hint");
    case CZ_N_SEVERITIES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
cz_rules_pick_language (const char *language)
{
  if (language == NULL)
    language = g_get_language_names ()[0];
  return g_str_has_prefix (language, "zh") ? "zh_CN" : "en";
}

static const char *
text_pick (const CzRulesText *text,
           const char *language)
{
  return g_str_equal (cz_rules_pick_language (language), "zh_CN") ? text->zh : text->en;
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

static void
cz_rules_finalize (GObject *object)
{
  CzRules *self = CZ_RULES (object);

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->sha256);
  g_free (self->id);
  cz_rules_text_clear (&self->title);
  cz_rules_text_clear (&self->relaxation);
  g_clear_pointer (&self->rules_by_id, g_hash_table_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->dimensions, g_ptr_array_unref);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);

  G_OBJECT_CLASS (cz_rules_parent_class)->finalize (object);
}

static void
cz_rules_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CzRules *self = CZ_RULES (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_PROVISIONAL:
      g_value_set_boolean (value, self->provisional);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_rules_class_init (CzRulesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cz_rules_finalize;
  object_class->get_property = cz_rules_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVISIONAL] =
    g_param_spec_boolean ("provisional", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cz_rules_init (CzRules *self)
{
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_rule_free);
  self->rules_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->dimensions = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_rules_dimension_free);
  self->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_evidence_slot_free);
}

/**
 * cz_rules_new_from_bytes:
 * @source_name: how to name the pack in messages: its file name
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL with @error naming
 *   the member or rule that is wrong
 */
CzRules *
cz_rules_new_from_bytes (GBytes      *bytes,
                         const char  *source_name,
                         GError     **error)
{
  g_autoptr(CzRules) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CZ_TYPE_RULES, NULL);
  self->bytes = g_bytes_ref (bytes);
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (!cz_rules_load (self, source_name ? source_name : "?", error))
    return NULL;
  return g_steal_pointer (&self);
}

CzRules *
cz_rules_new_from_file (GFile   *file,
                        GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local_error))
    {
      g_set_error (error, CZ_RULES_ERROR, CZ_RULES_ERROR_NOT_FOUND,
                   /* Translators: %1$s is a file name, %2$s the system’s reason */
                   _("Could not read the rules pack “%1$s”: %2$s"), name, local_error->message);
      return NULL;
    }
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);
    return cz_rules_new_from_bytes (bytes, name, error);
  }
}

/**
 * cz_rules_new_builtin:
 * @year: the call year
 *
 * Returns: (transfer full) (nullable): the pack shipped for @year
 */
CzRules *
cz_rules_new_builtin (guint    year,
                      GError **error)
{
  g_autofree char *path = g_strdup_printf (BUILTIN_RESOURCE, year);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *name = NULL;

  if (bytes == NULL)
    {
      g_set_error (error, CZ_RULES_ERROR, CZ_RULES_ERROR_NOT_FOUND,
                   _("There is no built-in rules pack for the call of %u; load one from a file."), year);
      return NULL;
    }
  name = g_strdup_printf ("rules/%u.json", year);
  return cz_rules_new_from_bytes (bytes, name, error);
}

const char *cz_rules_get_id (CzRules *self) { g_return_val_if_fail (CZ_IS_RULES (self), NULL); return self->id; }
guint cz_rules_get_year (CzRules *self) { g_return_val_if_fail (CZ_IS_RULES (self), 0); return self->year; }
const char *cz_rules_get_sha256 (CzRules *self) { g_return_val_if_fail (CZ_IS_RULES (self), NULL); return self->sha256; }
gboolean cz_rules_get_provisional (CzRules *self) { g_return_val_if_fail (CZ_IS_RULES (self), FALSE); return self->provisional; }
GBytes *cz_rules_get_bytes (CzRules *self) { g_return_val_if_fail (CZ_IS_RULES (self), NULL); return self->bytes; }
gint64 cz_rules_get_revenue_threshold_fen (CzRules *self) { return self->revenue_threshold_fen; }
guint cz_rules_get_sme_share_percent (CzRules *self) { return self->sme_share_percent; }
gboolean cz_rules_get_sme_share_strict (CzRules *self) { return self->sme_share_strict; }
guint cz_rules_get_quota_province (CzRules *self) { return self->quota_province; }
guint cz_rules_get_quota_separately_planned_city (CzRules *self) { return self->quota_separately_planned_city; }
guint cz_rules_get_quota_xpcc (CzRules *self) { return self->quota_xpcc; }

const char *
cz_rules_get_title (CzRules    *self,
                    const char *language)
{
  g_return_val_if_fail (CZ_IS_RULES (self), NULL);
  return text_pick (&self->title, language);
}

gboolean
cz_rules_region_is_relaxed (CzRules  *self,
                            CzRegion  region)
{
  g_return_val_if_fail (CZ_IS_RULES (self), FALSE);
  return (self->relaxed_regions & (1u << region)) != 0;
}

const char *
cz_rules_get_relaxation (CzRules    *self,
                         const char *language)
{
  g_return_val_if_fail (CZ_IS_RULES (self), NULL);
  return text_pick (&self->relaxation, language);
}

guint
cz_rules_get_n_rules (CzRules *self)
{
  g_return_val_if_fail (CZ_IS_RULES (self), 0);
  return self->rules->len;
}

const CzRule *
cz_rules_get_rule (CzRules *self,
                   guint    index)
{
  g_return_val_if_fail (CZ_IS_RULES (self), NULL);
  g_return_val_if_fail (index < self->rules->len, NULL);
  return g_ptr_array_index (self->rules, index);
}

const CzRule *
cz_rules_lookup_rule (CzRules    *self,
                      const char *rule_id)
{
  g_return_val_if_fail (CZ_IS_RULES (self), NULL);
  return g_hash_table_lookup (self->rules_by_id, rule_id);
}

const char *cz_rule_get_id (const CzRule *rule) { return rule->id; }
guint cz_rule_get_index (const CzRule *rule) { return rule->index; }
CzSeverity cz_rule_get_severity (const CzRule *rule) { return rule->severity; }
const char *cz_rule_get_check (const CzRule *rule) { return cz_enum_get_nick (CZ_TYPE_CHECK_KIND, rule->check); }
const char * const *cz_rule_get_fields (const CzRule *rule) { return rule->fields; }
const char *cz_rule_get_citation_document (const CzRule *rule) { return rule->citation_document; }
const char *cz_rule_get_citation_article (const CzRule *rule) { return rule->citation_article; }
gboolean cz_rule_get_provisional (const CzRule *rule) { return rule->provisional; }

const char *
cz_rule_get_message_template (const CzRule *rule,
                              const char   *language)
{
  return g_str_equal (cz_rules_pick_language (language), "zh_CN") ? rule->message_zh : rule->message_en;
}

char *
cz_rule_dup_citation (const CzRule *rule)
{
  /* Translators: a citation: %1$s is a document, %2$s an article or paragraph of it */
  return g_strdup_printf (_("%1$s, %2$s"), rule->citation_document, rule->citation_article);
}

guint
cz_rules_get_n_dimensions (CzRules *self)
{
  g_return_val_if_fail (CZ_IS_RULES (self), 0);
  return self->dimensions->len;
}

const CzRulesDimension *
cz_rules_get_dimension (CzRules *self,
                        guint    index)
{
  g_return_val_if_fail (CZ_IS_RULES (self), NULL);
  g_return_val_if_fail (index < self->dimensions->len, NULL);
  return g_ptr_array_index (self->dimensions, index);
}

const char *cz_rules_dimension_get_id (const CzRulesDimension *d) { return d->id; }
const char *cz_rules_dimension_get_title (const CzRulesDimension *d, const char *language) { return text_pick (&d->title, language); }
guint cz_rules_dimension_get_points (const CzRulesDimension *d) { return d->points; }
guint cz_rules_dimension_get_n_indicators (const CzRulesDimension *d) { return d->indicators->len; }

const CzRulesIndicator *
cz_rules_dimension_get_indicator (const CzRulesDimension *dimension,
                                  guint                   index)
{
  g_return_val_if_fail (index < dimension->indicators->len, NULL);
  return g_ptr_array_index (dimension->indicators, index);
}

const char *cz_rules_indicator_get_id (const CzRulesIndicator *i) { return i->id; }
const char *cz_rules_indicator_get_title (const CzRulesIndicator *i, const char *language) { return text_pick (&i->title, language); }
const char *cz_rules_indicator_get_field (const CzRulesIndicator *i) { return i->field; }
const char *cz_rules_indicator_get_count_of (const CzRulesIndicator *i) { return i->count_of; }
const char *cz_rules_indicator_get_unit (const CzRulesIndicator *i) { return i->unit; }
const char *cz_rules_indicator_get_counter (const CzRulesIndicator *i, const char *language) { return i->counter.zh ? text_pick (&i->counter, language) : NULL; }
guint cz_rules_indicator_get_points (const CzRulesIndicator *i) { return i->points; }
CzScoringMethod cz_rules_indicator_get_method (const CzRulesIndicator *i) { return i->method; }
gint64 cz_rules_indicator_get_from (const CzRulesIndicator *i) { return i->from; }
gint64 cz_rules_indicator_get_to (const CzRulesIndicator *i) { return i->to; }
guint cz_rules_indicator_get_n_steps (const CzRulesIndicator *i) { return i->steps ? i->steps->len : 0; }

void
cz_rules_indicator_get_step (const CzRulesIndicator *indicator,
                             guint                   index,
                             gint64                 *out_at_least,
                             guint                  *out_points)
{
  const CzRulesScoreStep *step;

  g_return_if_fail (indicator->steps != NULL && index < indicator->steps->len);
  step = &g_array_index (indicator->steps, CzRulesScoreStep, index);
  if (out_at_least)
    *out_at_least = step->at_least;
  if (out_points)
    *out_points = step->points;
}

guint
cz_rules_get_n_evidence_slots (CzRules *self)
{
  g_return_val_if_fail (CZ_IS_RULES (self), 0);
  return self->evidence->len;
}

const CzEvidenceSlot *
cz_rules_get_evidence_slot (CzRules *self,
                            guint    index)
{
  g_return_val_if_fail (CZ_IS_RULES (self), NULL);
  g_return_val_if_fail (index < self->evidence->len, NULL);
  return g_ptr_array_index (self->evidence, index);
}

const char *cz_evidence_slot_get_id (const CzEvidenceSlot *s) { return s->id; }
const char *cz_evidence_slot_get_title (const CzEvidenceSlot *s, const char *language) { return text_pick (&s->title, language); }
const char * const *cz_evidence_slot_get_criteria (const CzEvidenceSlot *s) { return (const char * const *) s->criteria; }
gboolean cz_evidence_slot_get_required (const CzEvidenceSlot *s) { return s->required; }
guint64 cz_evidence_slot_get_max_bytes (const CzEvidenceSlot *s) { return s->max_bytes; }

/* ------------------------------------------------------------------------ */
/* JSON                                                                     */

static void
add_identity_members (JsonObject *object,
                      CzRules    *self)
{
  json_object_set_string_member (object, "id", self->id);
  json_object_set_int_member (object, "year", self->year);
  json_object_set_string_member (object, "title", cz_rules_get_title (self, NULL));
  json_object_set_string_member (object, "sha256", self->sha256);
  json_object_set_boolean_member (object, "provisional", self->provisional);
}

static JsonNode *
node_take_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/**
 * cz_rules_identity_to_json:
 *
 * Which pack a check used: in `coopzone-cli validate --json` and in an
 * archive's dossier.json (docs/findings-json.md).
 *
 * Returns: (transfer full): `{ "id", "year", "title", "sha256", "provisional" }`
 */
JsonNode *
cz_rules_identity_to_json (CzRules *self)
{
  JsonObject *object;

  g_return_val_if_fail (CZ_IS_RULES (self), NULL);

  object = json_object_new ();
  add_identity_members (object, self);
  return node_take_object (object);
}

static JsonObject *
rule_to_json (const CzRule *rule)
{
  g_autofree char *citation = cz_rule_dup_citation (rule);
  JsonObject *object = json_object_new ();
  JsonArray *fields = json_array_new ();

  json_object_set_string_member (object, "id", rule->id);
  json_object_set_string_member (object, "severity", cz_severity_to_id (rule->severity));
  json_object_set_string_member (object, "check", cz_rule_get_check (rule));
  for (guint i = 0; rule->fields[i]; i++)
    json_array_add_string_element (fields, rule->fields[i]);
  json_object_set_array_member (object, "fields", fields);
  json_object_set_string_member (object, "citation", citation);
  json_object_set_boolean_member (object, "provisional", rule->provisional);
  return object;
}

static JsonObject *
dimension_to_json (const CzRulesDimension *dimension)
{
  JsonObject *object = json_object_new ();
  JsonArray *indicators = json_array_new ();

  json_object_set_string_member (object, "id", dimension->id);
  json_object_set_string_member (object, "title", text_pick (&dimension->title, NULL));
  json_object_set_int_member (object, "points", dimension->points);
  for (guint i = 0; i < dimension->indicators->len; i++)
    {
      const CzRulesIndicator *indicator = g_ptr_array_index (dimension->indicators, i);
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "id", indicator->id);
      json_object_set_string_member (item, "field", indicator->field);
      json_object_set_int_member (item, "points", indicator->points);
      json_array_add_object_element (indicators, item);
    }
  json_object_set_array_member (object, "indicators", indicators);
  return object;
}

/**
 * cz_rules_to_json:
 *
 * The pack as `coopzone-cli rules --json` shows it: its identity, then its
 * rules, dimensions and evidence slots, with the member names of the pack
 * file (docs/findings-json.md).
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
cz_rules_to_json (CzRules *self)
{
  JsonObject *object;
  JsonArray *rules;
  JsonArray *dimensions;
  JsonArray *evidence;

  g_return_val_if_fail (CZ_IS_RULES (self), NULL);

  object = json_object_new ();
  rules = json_array_new ();
  dimensions = json_array_new ();
  evidence = json_array_new ();
  add_identity_members (object, self);
  for (guint r = 0; r < self->rules->len; r++)
    json_array_add_object_element (rules, rule_to_json (g_ptr_array_index (self->rules, r)));
  json_object_set_array_member (object, "rules", rules);
  for (guint d = 0; d < self->dimensions->len; d++)
    json_array_add_object_element (dimensions, dimension_to_json (g_ptr_array_index (self->dimensions, d)));
  json_object_set_array_member (object, "dimensions", dimensions);
  for (guint e = 0; e < self->evidence->len; e++)
    {
      const CzEvidenceSlot *slot = g_ptr_array_index (self->evidence, e);
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "id", slot->id);
      json_object_set_boolean_member (item, "required", slot->required);
      json_array_add_object_element (evidence, item);
    }
  json_object_set_array_member (object, "evidence", evidence);
  return node_take_object (object);
}
