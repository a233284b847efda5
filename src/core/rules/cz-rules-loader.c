/* cz-rules-loader.c — reading a rules pack from its JSON
 *
 * Every member is checked as it is read; the first one that is wrong refuses
 * the whole pack with a message naming it, and the pack in use stays. The
 * check kinds a pack may name, and the parameters each takes, are listed
 * here too.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cz-enum.h"
#include "cz-rules-private.h"
#include "cz-json-limits.h"

#define MAX_QUOTA 100

/* ------------------------------------------------------------------------ */
/* The pack's parts                                                         */

void
cz_rules_text_clear (CzRulesText *text)
{
  g_clear_pointer (&text->zh, g_free);
  g_clear_pointer (&text->en, g_free);
}

/* ------------------------------------------------------------------------ */
/* Check kinds and their parameters                                         */

typedef enum
{
  PARAM_FIELDS,           /* a field pattern; slot A or B (lists) */
  PARAM_FIELD,            /* a field pattern giving exactly one field; slot C or D */
  PARAM_THRESHOLD_INT,    /* the name of an integer in "thresholds" */
  PARAM_THRESHOLD_BOOL,   /* the name of a boolean in "thresholds" */
  PARAM_INTEGER,
  PARAM_STRING,
  PARAM_INCIDENT_TYPE,
  PARAM_STEP,
} ParamType;

typedef enum { SLOT_A, SLOT_B, SLOT_C, SLOT_D, SLOT_NUMBER, SLOT_STRICT, SLOT_TEXT, SLOT_TYPE, SLOT_STEP } Slot;

typedef struct
{
  const char *name;
  ParamType   type;
  Slot        slot;
  gboolean    required;
} ParamSpec;

typedef struct
{
  guint     min_fields;
  ParamSpec params[5];
} CheckKindSpec;

/* The names packs give the checks. */
G_DEFINE_ENUM_TYPE (CzCheckKind, cz_check_kind,
  G_DEFINE_ENUM_VALUE (CZ_CHECK_REQUIRED, "required"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_DECLARED, "declared"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_MIN_INTEGER, "min_integer"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_MIN_MONEY, "min_money"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_RATIO_MIN, "ratio_min"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_NOT_GREATER, "not_greater"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_SAME_CITY, "same_city"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_FUNCTIONAL_AREAS, "functional_areas"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_AREA_SUM_MATCHES, "area_sum_matches"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_CALL_YEAR, "call_year"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_QUOTA, "quota"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_INCIDENTS_DECLARED, "incidents_declared"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_INCIDENTS_CLEAR, "incidents_clear"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_NOTE, "note"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_VALID_INPUT, "valid_input"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_PLAN_TARGETS, "plan_targets"),
  G_DEFINE_ENUM_VALUE (CZ_CHECK_PLAN_TARGETS_NAMED, "plan_targets_named"))

static const CheckKindSpec check_kinds[CZ_N_CHECKS] = {
  [CZ_CHECK_REQUIRED]           = { 1, { { NULL } } },
  [CZ_CHECK_DECLARED]           = { 1, { { "value", PARAM_STRING, SLOT_TEXT, TRUE } } },
  [CZ_CHECK_MIN_INTEGER]        = { 1, { { "min", PARAM_INTEGER, SLOT_NUMBER, TRUE } } },
  [CZ_CHECK_MIN_MONEY]          = { 1, {
                                      { "field", PARAM_FIELDS, SLOT_A, TRUE },
                                      { "threshold", PARAM_THRESHOLD_INT, SLOT_NUMBER, TRUE },
                                      { "unless_filled", PARAM_FIELD, SLOT_C, FALSE },
                                      { "province", PARAM_FIELD, SLOT_D, FALSE } } },
  [CZ_CHECK_RATIO_MIN]          = { 2, {
                                      { "numerator", PARAM_FIELDS, SLOT_A, TRUE },
                                      { "denominator", PARAM_FIELDS, SLOT_B, TRUE },
                                      { "threshold", PARAM_THRESHOLD_INT, SLOT_NUMBER, TRUE },
                                      { "strict_threshold", PARAM_THRESHOLD_BOOL, SLOT_STRICT, FALSE } } },
  [CZ_CHECK_NOT_GREATER]        = { 2, {
                                      { "lesser", PARAM_FIELDS, SLOT_A, TRUE },
                                      { "greater", PARAM_FIELDS, SLOT_B, TRUE } } },
  [CZ_CHECK_SAME_CITY]          = { 2, {
                                      { "zone_city", PARAM_FIELD, SLOT_C, TRUE },
                                      { "applicant_city", PARAM_FIELD, SLOT_D, TRUE },
                                      { "province", PARAM_FIELDS, SLOT_A, FALSE } } },
  [CZ_CHECK_FUNCTIONAL_AREAS]   = { 1, { { "min", PARAM_INTEGER, SLOT_NUMBER, TRUE } } },
  [CZ_CHECK_AREA_SUM_MATCHES]   = { 2, {
                                      { "areas", PARAM_FIELD, SLOT_C, TRUE },
                                      { "total", PARAM_FIELD, SLOT_D, TRUE },
                                      { "tolerance_percent", PARAM_INTEGER, SLOT_NUMBER, FALSE } } },
  [CZ_CHECK_CALL_YEAR]          = { 1, { { NULL } } },
  [CZ_CHECK_QUOTA]              = { 2, { { NULL } } },
  [CZ_CHECK_INCIDENTS_DECLARED] = { 2, { { "type", PARAM_INCIDENT_TYPE, SLOT_TYPE, TRUE } } },
  [CZ_CHECK_INCIDENTS_CLEAR]    = { 1, { { "type", PARAM_INCIDENT_TYPE, SLOT_TYPE, TRUE } } },
  [CZ_CHECK_NOTE]               = { 0, { { "step", PARAM_STEP, SLOT_STEP, TRUE } } },
  [CZ_CHECK_VALID_INPUT]        = { 1, { { NULL } } },
  [CZ_CHECK_PLAN_TARGETS]       = { 1, { { NULL } } },
  [CZ_CHECK_PLAN_TARGETS_NAMED] = { 2, { { "indicators", PARAM_STRING, SLOT_TEXT, TRUE } } },
};

static const char *
check_kind_name (CzCheckKind kind)
{
  return cz_enum_get_nick (CZ_TYPE_CHECK_KIND, kind);
}

static char *
dup_check_kind_list (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < CZ_N_CHECKS; i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "", check_kind_name (i));
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */

typedef struct
{
  CzRules    *rules;
  const char *source;
  JsonObject *thresholds;
} Loader;

static gboolean G_GNUC_PRINTF (5, 6)
refuse (Loader      *loader,
        GError     **error,
        CzRulesError code,
        const char  *where,
        const char  *format,
        ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: %1$s is a file name, %2$s says where in the pack (“rule “x””),
   * %3$s what is wrong there */
  g_set_error (error, CZ_RULES_ERROR, code, _("Rules pack “%1$s” is refused: %2$s: %3$s. The rules pack in use stays."),
               loader->source, where, detail);
  return FALSE;
}

typedef enum { JSON_STRING, JSON_INTEGER, JSON_BOOLEAN, JSON_OBJECT, JSON_ARRAY } JsonKind;

static const char *
json_kind_describe (JsonKind kind)
{
  switch (kind)
    {
    case JSON_STRING:  return _("a string");
    case JSON_INTEGER: return _("a whole number");
    case JSON_BOOLEAN: return _("true or false");
    case JSON_OBJECT:  return _("an object");
    case JSON_ARRAY:   return _("a list");
    default:           g_return_val_if_reached (NULL);
    }
}

static gboolean
node_is (JsonNode *node,
         JsonKind  kind)
{
  switch (kind)
    {
    case JSON_STRING:  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
    case JSON_INTEGER: return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
    case JSON_BOOLEAN: return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
    case JSON_OBJECT:  return JSON_NODE_HOLDS_OBJECT (node);
    case JSON_ARRAY:   return JSON_NODE_HOLDS_ARRAY (node);
    default:           return FALSE;
    }
}

/* The member @name of @object, of @kind; NULL with @error set when it is
 * missing (and @required) or of another kind; NULL without error when it is
 * optional and absent. */
static JsonNode *
member (Loader      *loader,
        JsonObject  *object,
        const char  *where,
        const char  *name,
        JsonKind     kind,
        gboolean     required,
        GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      if (required)
        refuse (loader, error, CZ_RULES_ERROR_MISSING_MEMBER, where,
                /* Translators: %s is a member name of the JSON file */
                _("member “%s” is missing"), name);
      return NULL;
    }
  if (!node_is (node, kind))
    {
      refuse (loader, error, CZ_RULES_ERROR_WRONG_TYPE, where,
              /* Translators: %1$s is a member name, %2$s a kind such as “a string” */
              _("member “%1$s” must be %2$s"), name, json_kind_describe (kind));
      return NULL;
    }
  return node;
}

static gboolean
get_string (Loader      *loader,
            JsonObject  *object,
            const char  *where,
            const char  *name,
            char       **out,
            GError     **error)
{
  JsonNode *node = member (loader, object, where, name, JSON_STRING, TRUE, error);

  if (node == NULL)
    return FALSE;
  if (*json_node_get_string (node) == '\0')
    return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                   _("member “%s” must not be empty"), name);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_integer (Loader      *loader,
             JsonObject  *object,
             const char  *where,
             const char  *name,
             gint64       min,
             gint64       max,
             gint64      *out,
             GError     **error)
{
  JsonNode *node = member (loader, object, where, name, JSON_INTEGER, TRUE, error);
  gint64 value;

  if (node == NULL)
    return FALSE;
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      /* Numbers are formatted first: a format macro inside _() hides the message from xgettext. */
      g_autofree char *value_text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      g_autofree char *min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                     /* Translators: %1$s is a member name; the others are numbers */
                     _("member “%1$s” is %2$s; it must be between %3$s and %4$s"),
                     name, value_text, min_text, max_text);
    }
  *out = value;
  return TRUE;
}

static gboolean
get_boolean (Loader      *loader,
             JsonObject  *object,
             const char  *where,
             const char  *name,
             gboolean    *out,
             GError     **error)
{
  JsonNode *node = member (loader, object, where, name, JSON_BOOLEAN, TRUE, error);

  if (node == NULL)
    return FALSE;
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_text (Loader      *loader,
          JsonObject  *object,
          const char  *where,
          const char  *name,
          CzRulesText        *out,
          GError     **error)
{
  JsonNode *node = member (loader, object, where, name, JSON_OBJECT, TRUE, error);
  g_autofree char *inner = NULL;

  if (node == NULL)
    return FALSE;
  /* Translators: %1$s is a place in the pack, %2$s a member name: “rule “x”, member “message”” */
  inner = g_strdup_printf (_("%1$s, member “%2$s”"), where, name);
  return get_string (loader, json_node_get_object (node), inner, "zh_CN", &out->zh, error) &&
         get_string (loader, json_node_get_object (node), inner, "en", &out->en, error);
}

static gboolean
field_is_known (const char *field_id)
{
  if (cz_field_spec_lookup (field_id) != NULL)
    return TRUE;
  /* A newer pack may bring indicators the table does not list yet. */
  if (g_str_has_prefix (field_id, CZ_FIELD_INDICATORS_PREFIX))
    {
      const char *rest = field_id + strlen (CZ_FIELD_INDICATORS_PREFIX);
      return *rest != '\0' && strspn (rest, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen (rest);
    }
  return FALSE;
}

/* "{year}" gives the call's three complete years, "{latest}" the last of
 * them; the result is interned. */
static gboolean
expand_field (Loader      *loader,
              const char  *where,
              const char  *pattern,
              GPtrArray   *out,
              GError     **error)
{
  guint years[3];
  g_autofree char *latest_text = g_strdup_printf ("%u", loader->rules->year - 1);
  g_auto(GStrv) parts = g_strsplit (pattern, "{latest}", -1);
  g_autofree char *resolved = g_strjoinv (latest_text, parts);
  guint n = strstr (resolved, "{year}") ? 3 : 1;

  cz_fields_get_complete_years (loader->rules->year, years);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = n == 3 ? cz_field_id_for_year (resolved, years[i]) : g_strdup (resolved);

      if (!field_is_known (id))
        return refuse (loader, error, CZ_RULES_ERROR_UNKNOWN_FIELD, where,
                       /* Translators: %s is a field id such as zone.name */
                       _("“%s” is not a known field id (see docs/dossier-format.md)"), id);
      g_ptr_array_add (out, (gpointer) g_intern_string (id));
    }
  return TRUE;
}

static const char **
steal_id_list (GPtrArray *ids)
{
  g_ptr_array_add (ids, NULL);
  return (const char **) g_ptr_array_free (ids, FALSE);
}

static gboolean
list_contains (const char * const *list,
               const char         *id)
{
  for (guint i = 0; list != NULL && list[i]; i++)
    if (list[i] == id)  /* interned */
      return TRUE;
  return FALSE;
}

void
cz_rule_free (CzRule *rule)
{
  g_free (rule->id);
  g_free (rule->fields);
  g_free (rule->message_zh);
  g_free (rule->message_en);
  g_free (rule->citation_document);
  g_free (rule->citation_article);
  g_free (rule->field_a);
  g_free (rule->field_b);
  g_free (rule->text);
  g_free (rule);
}

static gboolean
threshold_lookup (Loader      *loader,
                  const char  *where,
                  const char  *param,
                  JsonNode    *node,
                  JsonKind     kind,
                  JsonNode   **out,
                  GError     **error)
{
  const char *name = json_node_get_string (node);
  JsonNode *value = json_object_get_member (loader->thresholds, name);

  if (value == NULL || !node_is (value, kind))
    return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                   /* Translators: %1$s is a parameter name, %2$s a threshold name, %3$s a kind such as “a whole number” */
                   _("parameter “%1$s” names “%2$s”, which is not %3$s in “thresholds”"),
                   param, name, json_kind_describe (kind));
  *out = value;
  return TRUE;
}

static gboolean
fields_within_rule (Loader             *loader,
                    const char         *where,
                    const char         *param,
                    const CzRule       *rule,
                    const char * const *ids,
                    GError            **error)
{
  for (guint i = 0; ids[i]; i++)
    if (!list_contains (rule->fields, ids[i]))
      return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                     /* Translators: %1$s is a parameter name, %2$s a field id */
                     _("parameter “%1$s” uses “%2$s”, which is not in the rule’s “fields”"), param, ids[i]);
  return TRUE;
}

/* A field pattern: slots A and B take the list, C and D its one field. */
static gboolean
load_field_param (Loader           *loader,
                  const char       *where,
                  CzRule           *rule,
                  const ParamSpec  *spec,
                  const char       *pattern,
                  GError          **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const char **list;

  if (!expand_field (loader, where, pattern, ids, error))
    return FALSE;
  if (spec->type == PARAM_FIELD && ids->len != 1)
    return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                   _("parameter “%s” must name a single field, not one per year"), spec->name);
  list = steal_id_list (g_steal_pointer (&ids));
  if (!fields_within_rule (loader, where, spec->name, rule, list, error))
    {
      g_free (list);
      return FALSE;
    }

  if (spec->slot == SLOT_A)
    rule->field_a = list;
  else if (spec->slot == SLOT_B)
    rule->field_b = list;
  else
    {
      if (spec->slot == SLOT_C)
        rule->field_c = list[0];
      else
        rule->field_d = list[0];
      g_free (list);
    }
  return TRUE;
}

static gboolean
load_incident_type_param (Loader           *loader,
                          const char       *where,
                          CzRule           *rule,
                          const ParamSpec  *spec,
                          const char       *value,
                          GError          **error)
{
  /* The pack writes types as field ids do: production_safety. */
  g_autofree char *type_id = g_strdelimit (g_strdup (value), "_", '-');

  if (cz_incident_type_from_id (type_id, &rule->incident_type))
    return TRUE;
  return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                 /* Translators: %1$s is a parameter name, %2$s its value */
                 _("parameter “%1$s” is “%2$s”, which is not an incident type"),
                 spec->name, value);
}

static gboolean
load_param (Loader           *loader,
            const char       *where,
            CzRule           *rule,
            const ParamSpec  *spec,
            JsonNode         *node,
            GError          **error)
{
  JsonKind kind = JSON_STRING;
  JsonNode *threshold = NULL;

  if (spec->type == PARAM_INTEGER)
    kind = JSON_INTEGER;
  if (!node_is (node, kind))
    return refuse (loader, error, CZ_RULES_ERROR_WRONG_TYPE, where,
                   /* Translators: %1$s is a parameter name, %2$s a kind such as “a string” */
                   _("parameter “%1$s” must be %2$s"), spec->name, json_kind_describe (kind));

  switch (spec->type)
    {
    case PARAM_FIELDS:
    case PARAM_FIELD:
      return load_field_param (loader, where, rule, spec, json_node_get_string (node), error);

    case PARAM_THRESHOLD_INT:
      if (!threshold_lookup (loader, where, spec->name, node, JSON_INTEGER, &threshold, error))
        return FALSE;
      rule->number = json_node_get_int (threshold);
      return TRUE;

    case PARAM_THRESHOLD_BOOL:
      if (!threshold_lookup (loader, where, spec->name, node, JSON_BOOLEAN, &threshold, error))
        return FALSE;
      rule->strict = json_node_get_boolean (threshold);
      return TRUE;

    case PARAM_INTEGER:
      rule->number = json_node_get_int (node);
      /* Counts and percentages: bounded so the checks' arithmetic cannot overflow. */
      if (rule->number < 0 || rule->number > G_MAXINT32)
        return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                       _("parameter “%s” must be a whole number from 0 to 2147483647"), spec->name);
      return TRUE;

    case PARAM_STRING:
      rule->text = g_strdup (json_node_get_string (node));
      return TRUE;

    case PARAM_INCIDENT_TYPE:
      return load_incident_type_param (loader, where, rule, spec, json_node_get_string (node), error);

    case PARAM_STEP:
      if (!cz_step_from_id (json_node_get_string (node), &rule->step))
        return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                       _("parameter “%1$s” is “%2$s”, which is not a wizard step"),
                       spec->name, json_node_get_string (node));
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Incident checks read fields the pack must list, so the engine re-checks
 * them when they change. */
static gboolean
load_incident_fields (Loader      *loader,
                      const char  *where,
                      CzRule      *rule,
                      GError     **error)
{
  g_autofree char *list = cz_field_id_for_incident (CZ_FIELD_INCIDENTS_LIST, rule->incident_type, 0);
  g_autoptr(GPtrArray) declared = g_ptr_array_new ();
  guint years[3];

  rule->field_c = g_intern_string (list);
  if (!list_contains (rule->fields, rule->field_c))
    return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                   _("“fields” must include “%s”"), rule->field_c);
  if (rule->check != CZ_CHECK_INCIDENTS_DECLARED)
    return TRUE;

  cz_fields_get_complete_years (loader->rules->year, years);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = cz_field_id_for_incident (CZ_FIELD_INCIDENTS_DECLARED_Y, rule->incident_type, years[i]);
      const char *interned = g_intern_string (id);

      if (!list_contains (rule->fields, interned))
        return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                       _("“fields” must include “%s”"), interned);
      g_ptr_array_add (declared, (gpointer) interned);
    }
  rule->field_a = steal_id_list (g_steal_pointer (&declared));
  return TRUE;
}

/* id, severity and check; @where becomes “rule “id”” once the id is known. */
static gboolean
load_rule_header (Loader               *loader,
                  JsonObject           *object,
                  char                **where,
                  CzRule               *rule,
                  const CheckKindSpec **out_kind,
                  GError              **error)
{
  g_autofree char *severity = NULL;
  g_autofree char *check = NULL;
  g_autofree char *known = NULL;
  int value;

  if (!get_string (loader, object, *where, "id", &rule->id, error))
    return FALSE;
  g_free (*where);
  /* Translators: %s is a rule id */
  *where = g_strdup_printf (_("rule “%s”"), rule->id);

  if (!get_string (loader, object, *where, "severity", &severity, error))
    return FALSE;
  if (!cz_severity_from_id (severity, &rule->severity))
    return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, *where,
                   _("severity “%s” is not one of blocker, warning, hint"), severity);

  if (!get_string (loader, object, *where, "check", &check, error))
    return FALSE;
  if (cz_enum_from_nick (CZ_TYPE_CHECK_KIND, check, &value))
    {
      rule->check = (CzCheckKind) value;
      *out_kind = &check_kinds[value];
      return TRUE;
    }

  known = dup_check_kind_list ();
  return refuse (loader, error, CZ_RULES_ERROR_UNKNOWN_CHECK, *where,
                 /* Translators: %1$s is the check a pack names, %2$s the list of known ones */
                 _("check “%1$s” is not known; use one of: %2$s"), check, known);
}

/* The fields the rule reads, so the engine knows when to re-check it. */
static gboolean
load_rule_fields (Loader               *loader,
                  JsonObject           *object,
                  const char           *where,
                  CzRule               *rule,
                  const CheckKindSpec  *kind,
                  GError              **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  JsonNode *part = member (loader, object, where, "fields", JSON_ARRAY, TRUE, error);
  JsonArray *array;

  if (part == NULL)
    return FALSE;
  array = json_node_get_array (part);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *field = json_array_get_element (array, i);

      if (!node_is (field, JSON_STRING))
        return refuse (loader, error, CZ_RULES_ERROR_WRONG_TYPE, where,
                       _("every member of “fields” must be a field id"));
      if (!expand_field (loader, where, json_node_get_string (field), fields, error))
        return FALSE;
    }
  if (fields->len < kind->min_fields)
    return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                   g_dngettext (GETTEXT_PACKAGE,
                                "check “%s” reads at least %u field",
                                "check “%s” reads at least %u fields", kind->min_fields),
                   check_kind_name (rule->check), kind->min_fields);
  rule->fields = steal_id_list (g_steal_pointer (&fields));
  return TRUE;
}

/* What the rule says and where the regulation says it. */
static gboolean
load_rule_texts (Loader      *loader,
                 JsonObject  *object,
                 const char  *where,
                 CzRule      *rule,
                 GError     **error)
{
  CzRulesText message = { NULL, NULL };
  g_autofree char *inner = NULL;
  JsonNode *part;

  if (!get_text (loader, object, where, "message", &message, error))
    {
      cz_rules_text_clear (&message);
      return FALSE;
    }
  rule->message_zh = message.zh;
  rule->message_en = message.en;

  part = member (loader, object, where, "citation", JSON_OBJECT, TRUE, error);
  if (part == NULL)
    return FALSE;
  inner = g_strdup_printf (_("%1$s, member “%2$s”"), where, "citation");
  return get_string (loader, json_node_get_object (part), inner, "document", &rule->citation_document, error) &&
         get_string (loader, json_node_get_object (part), inner, "article", &rule->citation_article, error) &&
         get_boolean (loader, object, where, "provisional", &rule->provisional, error);
}

static gboolean
check_takes_param (const CheckKindSpec *kind,
                   const char          *name)
{
  for (guint p = 0; p < G_N_ELEMENTS (kind->params) && kind->params[p].name; p++)
    if (g_str_equal (name, kind->params[p].name))
      return TRUE;
  return FALSE;
}

/* The check's parameters: each one it needs, none it does not take, and
 * what the parameters must agree on. */
static gboolean
load_rule_params (Loader               *loader,
                  JsonObject           *object,
                  const char           *where,
                  CzRule               *rule,
                  const CheckKindSpec  *kind,
                  GError              **error)
{
  JsonObject *params = NULL;

  if (json_object_has_member (object, "params"))
    {
      JsonNode *part = member (loader, object, where, "params", JSON_OBJECT, TRUE, error);

      if (part == NULL)
        return FALSE;
      params = json_node_get_object (part);
    }

  for (guint p = 0; p < G_N_ELEMENTS (kind->params) && kind->params[p].name; p++)
    {
      const ParamSpec *spec = &kind->params[p];
      JsonNode *value = params ? json_object_get_member (params, spec->name) : NULL;

      if (value == NULL && spec->required)
        return refuse (loader, error, CZ_RULES_ERROR_MISSING_MEMBER, where,
                       /* Translators: %1$s is a parameter name, %2$s a check name */
                       _("parameter “%1$s” is missing; check “%2$s” needs it"), spec->name, check_kind_name (rule->check));
      if (value != NULL && !load_param (loader, where, rule, spec, value, error))
        return FALSE;
    }

  if (params != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (params);

      for (GList *l = names; l; l = l->next)
        if (!check_takes_param (kind, l->data))
          return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                         _("parameter “%1$s” is not one check “%2$s” takes"), (const char *) l->data,
                         check_kind_name (rule->check));
    }

  if (rule->check == CZ_CHECK_NOT_GREATER &&
      g_strv_length ((char **) rule->field_a) != g_strv_length ((char **) rule->field_b))
    return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                   _("parameters “lesser” and “greater” must name as many fields each"));
  if (rule->check == CZ_CHECK_INCIDENTS_DECLARED || rule->check == CZ_CHECK_INCIDENTS_CLEAR)
    return load_incident_fields (loader, where, rule, error);
  return TRUE;
}

static CzRule *
load_rule (Loader    *loader,
           JsonNode  *node,
           guint      index,
           GError   **error)
{
  g_autofree char *where = g_strdup_printf (_("rule %u"), index + 1);
  CzRule *rule = g_new0 (CzRule, 1);
  const CheckKindSpec *kind = NULL;
  JsonObject *object;

  rule->index = index;
  if (!node_is (node, JSON_OBJECT))
    {
      refuse (loader, error, CZ_RULES_ERROR_WRONG_TYPE, where, _("a rule must be an object"));
      cz_rule_free (rule);
      return NULL;
    }
  object = json_node_get_object (node);

  if (!load_rule_header (loader, object, &where, rule, &kind, error) ||
      !load_rule_fields (loader, object, where, rule, kind, error) ||
      !load_rule_texts (loader, object, where, rule, error) ||
      !load_rule_params (loader, object, where, rule, kind, error))
    {
      cz_rule_free (rule);
      return NULL;
    }
  return rule;
}

void
cz_rules_indicator_free (CzRulesIndicator *indicator)
{
  g_free (indicator->id);
  cz_rules_text_clear (&indicator->title);
  cz_rules_text_clear (&indicator->counter);
  g_free (indicator->unit);
  g_clear_pointer (&indicator->steps, g_array_unref);
  g_free (indicator);
}

void
cz_rules_dimension_free (CzRulesDimension *dimension)
{
  g_free (dimension->id);
  cz_rules_text_clear (&dimension->title);
  g_clear_pointer (&dimension->indicators, g_ptr_array_unref);
  g_free (dimension);
}

void
cz_evidence_slot_free (CzEvidenceSlot *slot)
{
  g_free (slot->id);
  cz_rules_text_clear (&slot->title);
  g_strfreev (slot->criteria);
  g_free (slot);
}

static gboolean
load_scoring (Loader            *loader,
              const char        *where,
              JsonObject        *object,
              CzRulesIndicator  *indicator,
              GError           **error)
{
  JsonNode *part = member (loader, object, where, "scoring", JSON_OBJECT, TRUE, error);
  g_autofree char *inner = NULL;
  g_autofree char *method = NULL;
  JsonObject *scoring;

  if (part == NULL)
    return FALSE;
  scoring = json_node_get_object (part);
  inner = g_strdup_printf (_("%1$s, member “%2$s”"), where, "scoring");
  if (!get_string (loader, scoring, inner, "method", &method, error))
    return FALSE;

  if (g_str_equal (method, "linear"))
    {
      indicator->method = CZ_SCORING_LINEAR;
      if (!get_integer (loader, scoring, inner, "from", 0, G_MAXINT64 / 2, &indicator->from, error) ||
          !get_integer (loader, scoring, inner, "to", 0, G_MAXINT64 / 2, &indicator->to, error))
        return FALSE;
      if (indicator->to <= indicator->from)
        return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, inner, _("“to” must be greater than “from”"));
      return TRUE;
    }

  if (g_str_equal (method, "thresholds"))
    {
      JsonNode *steps = member (loader, scoring, inner, "steps", JSON_ARRAY, TRUE, error);
      JsonArray *array;

      if (steps == NULL)
        return FALSE;
      array = json_node_get_array (steps);
      if (json_array_get_length (array) == 0)
        return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, inner, _("“steps” must not be empty"));
      indicator->method = CZ_SCORING_THRESHOLDS;
      indicator->steps = g_array_new (FALSE, FALSE, sizeof (CzRulesScoreStep));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          CzRulesScoreStep step;
          gint64 points;

          if (!node_is (node, JSON_OBJECT))
            return refuse (loader, error, CZ_RULES_ERROR_WRONG_TYPE, inner, _("every step must be an object"));
          if (!get_integer (loader, json_node_get_object (node), inner, "at_least", 0, G_MAXINT64, &step.at_least, error) ||
              !get_integer (loader, json_node_get_object (node), inner, "points", 0, indicator->points, &points, error))
            return FALSE;
          step.points = (guint) points;
          if (i > 0 && step.at_least <= g_array_index (indicator->steps, CzRulesScoreStep, i - 1).at_least)
            return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, inner, _("steps must rise: each “at_least” above the one before"));
          g_array_append_val (indicator->steps, step);
        }
      return TRUE;
    }

  return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, inner,
                 _("method “%s” is not “linear” or “thresholds”"), method);
}

/* Adds the indicator at @node to @dimension; @ids holds every id so far. */
static gboolean
load_indicator (Loader            *loader,
                const char        *dimension_where,
                JsonNode          *node,
                guint              index,
                CzRulesDimension  *dimension,
                GHashTable        *ids,
                GError           **error)
{
  g_autofree char *where = g_strdup_printf (_("%1$s, indicator %2$u"), dimension_where, index + 1);
  g_autoptr(GPtrArray) field = g_ptr_array_new ();
  g_autofree char *pattern = NULL;
  CzRulesIndicator *indicator;
  const CzFieldSpec *spec;
  JsonObject *object;
  gint64 points;

  if (!node_is (node, JSON_OBJECT))
    return refuse (loader, error, CZ_RULES_ERROR_WRONG_TYPE, where, _("an indicator must be an object"));
  object = json_node_get_object (node);
  indicator = g_new0 (CzRulesIndicator, 1);
  g_ptr_array_add (dimension->indicators, indicator);

  if (!get_string (loader, object, where, "id", &indicator->id, error))
    return FALSE;
  g_free (where);
  /* Translators: %s is an indicator id */
  where = g_strdup_printf (_("indicator “%s”"), indicator->id);
  if (!g_hash_table_add (ids, g_strdup (indicator->id)))
    return refuse (loader, error, CZ_RULES_ERROR_DUPLICATE_ID, where, _("the id “%s” is used twice"), indicator->id);
  if (!get_text (loader, object, where, "title", &indicator->title, error) ||
      !get_string (loader, object, where, "unit", &indicator->unit, error) ||
      !get_integer (loader, object, where, "points", 1, 100, &points, error) ||
      !get_string (loader, object, where, "field", &pattern, error))
    return FALSE;
  if (json_object_has_member (object, "counter") &&
      !get_text (loader, object, where, "counter", &indicator->counter, error))
    return FALSE;
  indicator->points = (guint) points;

  if (!expand_field (loader, where, pattern, field, error))
    return FALSE;
  if (field->len != 1)
    return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                   _("member “field” must name a single field, not one per year"));
  indicator->field = field->pdata[0];
  if (json_object_has_member (object, "count_of"))
    {
      g_autofree char *count_of = NULL;
      const CzFieldSpec *records;

      if (!get_string (loader, object, where, "count_of", &count_of, error))
        return FALSE;
      records = cz_field_spec_lookup (count_of);
      if (records == NULL || records->kind != CZ_FIELD_KIND_RECORDS)
        return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                       _("member “count_of” must name a field of records, not “%s”"), count_of);
      indicator->count_of = g_intern_string (count_of);
    }
  spec = cz_field_spec_lookup (indicator->field);
  if (spec != NULL && spec->kind != CZ_FIELD_KIND_INTEGER && spec->kind != CZ_FIELD_KIND_MONEY)
    return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                   _("field “%s” is not a number or an amount of money"), indicator->field);
  return load_scoring (loader, where, object, indicator, error);
}

/* Adds the dimension at @node, whose indicators must add up to its points. */
static gboolean
load_dimension (Loader      *loader,
                JsonNode    *node,
                guint        index,
                GHashTable  *ids,
                GError     **error)
{
  g_autofree char *where = g_strdup_printf (_("dimension %u"), index + 1);
  CzRulesDimension *dimension;
  JsonObject *object;
  JsonArray *indicators;
  JsonNode *list;
  gint64 points;
  guint sum = 0;

  if (!node_is (node, JSON_OBJECT))
    return refuse (loader, error, CZ_RULES_ERROR_WRONG_TYPE, where, _("a dimension must be an object"));
  object = json_node_get_object (node);
  dimension = g_new0 (CzRulesDimension, 1);
  dimension->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_rules_indicator_free);
  g_ptr_array_add (loader->rules->dimensions, dimension);

  if (!get_string (loader, object, where, "id", &dimension->id, error))
    return FALSE;
  g_free (where);
  /* Translators: %s is a dimension id */
  where = g_strdup_printf (_("dimension “%s”"), dimension->id);
  if (!g_hash_table_add (ids, g_strdup (dimension->id)))
    return refuse (loader, error, CZ_RULES_ERROR_DUPLICATE_ID, where, _("the id “%s” is used twice"), dimension->id);
  if (!get_text (loader, object, where, "title", &dimension->title, error) ||
      !get_integer (loader, object, where, "points", 1, 100, &points, error))
    return FALSE;
  dimension->points = (guint) points;

  list = member (loader, object, where, "indicators", JSON_ARRAY, TRUE, error);
  if (list == NULL)
    return FALSE;
  indicators = json_node_get_array (list);
  if (json_array_get_length (indicators) == 0)
    return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where, _("“indicators” must not be empty"));

  for (guint i = 0; i < json_array_get_length (indicators); i++)
    {
      if (!load_indicator (loader, where, json_array_get_element (indicators, i), i, dimension, ids, error))
        return FALSE;
      sum += ((CzRulesIndicator *) g_ptr_array_index (dimension->indicators, i))->points;
    }

  if (sum != dimension->points)
    return refuse (loader, error, CZ_RULES_ERROR_POINTS, where,
                   /* Translators: both are numbers of points */
                   _("its indicators add up to %1$u points, not the dimension’s %2$u"), sum, dimension->points);
  return TRUE;
}

static gboolean
load_dimensions (Loader      *loader,
                 JsonObject  *root,
                 GHashTable  *ids,
                 GError     **error)
{
  JsonNode *part = member (loader, root, _("the pack"), "dimensions", JSON_ARRAY, TRUE, error);
  JsonArray *array;
  guint total = 0;

  if (part == NULL)
    return FALSE;
  array = json_node_get_array (part);
  if (json_array_get_length (array) == 0)
    return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, _("the pack"), _("“dimensions” must not be empty"));

  for (guint d = 0; d < json_array_get_length (array); d++)
    {
      if (!load_dimension (loader, json_array_get_element (array, d), d, ids, error))
        return FALSE;
      total += ((CzRulesDimension *) g_ptr_array_index (loader->rules->dimensions, d))->points;
    }

  if (total != 100)
    return refuse (loader, error, CZ_RULES_ERROR_POINTS, _("the pack"),
                   _("the points of the dimensions add up to %u, not 100"), total);
  return TRUE;
}

static gboolean
load_evidence (Loader      *loader,
               JsonObject  *root,
               GError     **error)
{
  CzRules *self = loader->rules;
  JsonNode *part = member (loader, root, _("the pack"), "evidence", JSON_ARRAY, TRUE, error);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (part == NULL)
    return FALSE;
  array = json_node_get_array (part);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf (_("evidence slot %u"), i + 1);
      g_autoptr(GStrvBuilder) criteria = g_strv_builder_new ();
      CzEvidenceSlot *slot;
      JsonObject *object;
      JsonNode *list;
      gint64 max_bytes;

      if (!node_is (node, JSON_OBJECT))
        return refuse (loader, error, CZ_RULES_ERROR_WRONG_TYPE, where, _("an evidence slot must be an object"));
      object = json_node_get_object (node);
      slot = g_new0 (CzEvidenceSlot, 1);
      g_ptr_array_add (self->evidence, slot);
      if (!get_string (loader, object, where, "id", &slot->id, error))
        return FALSE;
      g_free (where);
      /* Translators: %s is an evidence slot id */
      where = g_strdup_printf (_("evidence slot “%s”"), slot->id);
      if (!g_hash_table_add (ids, g_strdup (slot->id)))
        return refuse (loader, error, CZ_RULES_ERROR_DUPLICATE_ID, where, _("the id “%s” is used twice"), slot->id);
      if (!get_text (loader, object, where, "title", &slot->title, error) ||
          !get_boolean (loader, object, where, "required", &slot->required, error) ||
          !get_integer (loader, object, where, "max_bytes", 1, G_MAXINT64, &max_bytes, error))
        return FALSE;
      slot->max_bytes = (guint64) max_bytes;

      list = member (loader, object, where, "criteria", JSON_ARRAY, TRUE, error);
      if (list == NULL)
        return FALSE;
      for (guint c = 0; c < json_array_get_length (json_node_get_array (list)); c++)
        {
          JsonNode *criterion = json_array_get_element (json_node_get_array (list), c);

          if (!node_is (criterion, JSON_STRING) ||
              !g_hash_table_contains (self->rules_by_id, json_node_get_string (criterion)))
            return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                           _("every member of “criteria” must be the id of a rule of the pack"));
          g_strv_builder_add (criteria, json_node_get_string (criterion));
        }
      slot->criteria = g_strv_builder_end (criteria);
    }
  return TRUE;
}

static gboolean
load_regions (Loader      *loader,
              JsonObject  *root,
              GError     **error)
{
  JsonNode *part = member (loader, root, _("the pack"), "relaxed_regions", JSON_ARRAY, TRUE, error);
  JsonArray *array;

  if (part == NULL)
    return FALSE;
  array = json_node_get_array (part);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      int region;

      if (!node_is (node, JSON_STRING) ||
          !cz_enum_from_nick (CZ_TYPE_REGION, json_node_get_string (node), &region))
        return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, _("the pack"),
                       _("every member of “relaxed_regions” must be one of eastern, central, western, northeastern"));
      loader->rules->relaxed_regions |= 1u << region;
    }
  return TRUE;
}

/* “format” and “version”: is this a pack, and one this CoopZone reads? */
static gboolean
load_format (Loader      *loader,
             JsonObject  *root,
             const char  *where,
             GError     **error)
{
  g_autofree char *format = NULL;
  JsonNode *node;

  if (!get_string (loader, root, where, "format", &format, error))
    return FALSE;
  if (!g_str_equal (format, CZ_RULES_FORMAT))
    return refuse (loader, error, CZ_RULES_ERROR_NOT_A_PACK, where,
                   _("member “format” is “%1$s”, not “%2$s”: this is not a CoopZone rules pack"), format, CZ_RULES_FORMAT);
  node = member (loader, root, where, "version", JSON_INTEGER, TRUE, error);
  if (node == NULL)
    return FALSE;
  if (json_node_get_int (node) > CZ_RULES_FORMAT_VERSION)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

      return refuse (loader, error, CZ_RULES_ERROR_NEWER_FORMAT, where,
                     /* Translators: %s is a version number */
                     _("it is of format version %s, newer than this CoopZone reads; update CoopZone"),
                     version);
    }
  if (json_node_get_int (node) < 1)
    return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where, _("member “version” must be 1"));
  return TRUE;
}

/* id, year, title and provisional. */
static gboolean
load_identity (Loader      *loader,
               JsonObject  *root,
               const char  *where,
               GError     **error)
{
  CzRules *self = loader->rules;
  gint64 year;

  if (!get_string (loader, root, where, "id", &self->id, error) ||
      !get_integer (loader, root, where, "year", CZ_FIELDS_FIRST_YEAR + 3, CZ_FIELDS_LAST_YEAR + 1, &year, error))
    return FALSE;
  self->year = (guint) year;
  return get_text (loader, root, where, "title", &self->title, error) &&
         get_boolean (loader, root, where, "provisional", &self->provisional, error);
}

/* The named thresholds, which rules refer to by name. */
static gboolean
load_thresholds (Loader      *loader,
                 JsonObject  *root,
                 const char  *where,
                 GError     **error)
{
  CzRules *self = loader->rules;
  const char *twhere = _("member “thresholds”");
  JsonNode *node = member (loader, root, where, "thresholds", JSON_OBJECT, TRUE, error);
  gint64 share;

  if (node == NULL)
    return FALSE;
  loader->thresholds = json_node_get_object (node);
  if (!get_integer (loader, loader->thresholds, twhere, "revenue_min_fen", 0, G_MAXINT64, &self->revenue_threshold_fen, error) ||
      !get_integer (loader, loader->thresholds, twhere, "sme_share_min_percent", 0, 100, &share, error) ||
      !get_boolean (loader, loader->thresholds, twhere, "sme_share_strict", &self->sme_share_strict, error))
    return FALSE;
  self->sme_share_percent = (guint) share;
  return TRUE;
}

static gboolean
load_quota (Loader      *loader,
            JsonObject  *root,
            const char  *where,
            GError     **error)
{
  CzRules *self = loader->rules;
  const char *qwhere = _("member “quota”");
  JsonNode *node = member (loader, root, where, "quota", JSON_OBJECT, TRUE, error);
  JsonObject *quota;
  gint64 province, city, xpcc;

  if (node == NULL)
    return FALSE;
  quota = json_node_get_object (node);
  if (!get_integer (loader, quota, qwhere, "province", 0, MAX_QUOTA, &province, error) ||
      !get_integer (loader, quota, qwhere, "separately_planned_city", 0, MAX_QUOTA, &city, error) ||
      !get_integer (loader, quota, qwhere, "xpcc", 0, MAX_QUOTA, &xpcc, error))
    return FALSE;
  self->quota_province = (guint) province;
  self->quota_separately_planned_city = (guint) city;
  self->quota_xpcc = (guint) xpcc;
  return TRUE;
}

static gboolean
load_rules (Loader      *loader,
            JsonObject  *root,
            const char  *where,
            GError     **error)
{
  CzRules *self = loader->rules;
  JsonNode *node = member (loader, root, where, "rules", JSON_ARRAY, TRUE, error);
  JsonArray *array;

  if (node == NULL)
    return FALSE;
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where, _("“rules” must not be empty"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      CzRule *rule = load_rule (loader, json_array_get_element (array, i), i, error);

      if (rule == NULL)
        return FALSE;
      g_ptr_array_add (self->rules, rule);
      if (!g_hash_table_insert (self->rules_by_id, rule->id, rule))
        {
          g_autofree char *rwhere = g_strdup_printf (_("rule “%s”"), rule->id);
          return refuse (loader, error, CZ_RULES_ERROR_DUPLICATE_ID, rwhere, _("the id “%s” is used twice"), rule->id);
        }
    }
  return TRUE;
}

/**
 * cz_rules_load:
 * @self: a new, empty pack whose bytes are set
 * @source: how to name the pack in messages: its file name
 *
 * Fills @self from its bytes, member by member, refusing the whole pack at
 * the first member that is wrong, with @error naming it.
 */
gboolean
cz_rules_load (CzRules     *self,
               const char  *source,
               GError     **error)
{
  Loader loader = { self, source, NULL };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *where = _("the pack");
  const char *data;
  gsize length;
  JsonObject *root;
  JsonNode *node;

  data = g_bytes_get_data (self->bytes, &length);
  if (data == NULL || !g_utf8_validate (data, length, NULL))
    return refuse (&loader, error, CZ_RULES_ERROR_INVALID_JSON, where, _("the file is not UTF-8 text"));
  if (!cz_json_check_limits (data, length, CZ_JSON_MAX_DEPTH, &parse_error))
    return refuse (&loader, error, CZ_RULES_ERROR_INVALID_JSON, where,
                   /* Translators: %s says why, e.g. "its JSON is nested more than 64 levels deep (…)" */
                   _("the file cannot be read: %s"), parse_error->message);
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    return refuse (&loader, error, CZ_RULES_ERROR_INVALID_JSON, where,
                   /* Translators: %s is the JSON parser’s message with the line and column */
                   _("the file is not valid JSON (%s)"), parse_error->message);
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return refuse (&loader, error, CZ_RULES_ERROR_NOT_A_PACK, where, _("the file is not a JSON object"));
  root = json_node_get_object (node);

  return load_format (&loader, root, where, error) &&
         load_identity (&loader, root, where, error) &&
         load_thresholds (&loader, root, where, error) &&
         load_regions (&loader, root, error) &&
         get_text (&loader, root, where, "relaxation", &self->relaxation, error) &&
         load_quota (&loader, root, where, error) &&
         load_rules (&loader, root, where, error) &&
         load_dimensions (&loader, root, ids, error) &&
         load_evidence (&loader, root, error);
}
