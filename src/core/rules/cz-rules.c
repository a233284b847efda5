/* cz-rules.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cz-rules-private.h"

#define BUILTIN_RESOURCE "/io/github/coopzone/CoopZone/core/rules/%u.json"
#define MAX_QUOTA 100

G_DEFINE_QUARK (cz-rules-error-quark, cz_rules_error)

typedef struct
{
  char *zh;
  char *en;
} Text;

struct _CzRulesIndicator
{
  char            *id;
  Text             title;
  Text             counter;  /* the measure word, 家/件/人…; empty when none */
  const char      *field;  /* interned */
  char            *unit;
  guint            points;
  CzScoringMethod  method;
  gint64           from;
  gint64           to;
  GArray          *steps;  /* of Step */
};

typedef struct
{
  gint64 at_least;
  guint  points;
} Step;

struct _CzRulesDimension
{
  char      *id;
  Text       title;
  guint      points;
  GPtrArray *indicators;
};

struct _CzEvidenceSlot
{
  char     *id;
  Text      title;
  char    **criteria;
  gboolean  required;
  guint64   max_bytes;
};

struct _CzRules
{
  GObject     parent_instance;

  GBytes     *bytes;
  char       *sha256;
  char       *id;
  guint       year;
  Text        title;
  gboolean    provisional;

  gint64      revenue_threshold_fen;
  guint       sme_share_percent;
  gboolean    sme_share_strict;
  guint       relaxed_regions;  /* bit per CzRegion */
  Text        relaxation;
  guint       quota_province;
  guint       quota_separately_planned_city;
  guint       quota_xpcc;

  GPtrArray  *rules;       /* of CzRule*, owned */
  GHashTable *rules_by_id; /* borrowed */
  GPtrArray  *dimensions;
  GPtrArray  *evidence;
};

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

static const char * const severity_ids[CZ_N_SEVERITIES] = { "blocker", "warning", "hint" };

const char *
cz_severity_to_id (CzSeverity severity)
{
  g_return_val_if_fail ((guint) severity < CZ_N_SEVERITIES, NULL);
  return severity_ids[severity];
}

gboolean
cz_severity_from_id (const char *id,
                     CzSeverity *out_severity)
{
  for (guint i = 0; i < CZ_N_SEVERITIES; i++)
    if (g_strcmp0 (id, severity_ids[i]) == 0)
      {
        if (out_severity != NULL)
          *out_severity = (CzSeverity) i;
        return TRUE;
      }
  return FALSE;
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
text_pick (const Text *text,
           const char *language)
{
  return g_str_equal (cz_rules_pick_language (language), "zh_CN") ? text->zh : text->en;
}

static void
text_clear (Text *text)
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
  const char *id;
  guint       min_fields;
  ParamSpec   params[5];
} CheckKindSpec;

static const CheckKindSpec check_kinds[CZ_N_CHECKS] = {
  [CZ_CHECK_REQUIRED]           = { "required", 1, { { NULL } } },
  [CZ_CHECK_DECLARED]           = { "declared", 1, { { "value", PARAM_STRING, SLOT_TEXT, TRUE } } },
  [CZ_CHECK_MIN_INTEGER]        = { "min_integer", 1, { { "min", PARAM_INTEGER, SLOT_NUMBER, TRUE } } },
  [CZ_CHECK_MIN_MONEY]          = { "min_money", 1, {
                                      { "field", PARAM_FIELDS, SLOT_A, TRUE },
                                      { "threshold", PARAM_THRESHOLD_INT, SLOT_NUMBER, TRUE },
                                      { "unless_filled", PARAM_FIELD, SLOT_C, FALSE },
                                      { "province", PARAM_FIELD, SLOT_D, FALSE } } },
  [CZ_CHECK_RATIO_MIN]          = { "ratio_min", 2, {
                                      { "numerator", PARAM_FIELDS, SLOT_A, TRUE },
                                      { "denominator", PARAM_FIELDS, SLOT_B, TRUE },
                                      { "threshold", PARAM_THRESHOLD_INT, SLOT_NUMBER, TRUE },
                                      { "strict_threshold", PARAM_THRESHOLD_BOOL, SLOT_STRICT, FALSE } } },
  [CZ_CHECK_NOT_GREATER]        = { "not_greater", 2, {
                                      { "lesser", PARAM_FIELDS, SLOT_A, TRUE },
                                      { "greater", PARAM_FIELDS, SLOT_B, TRUE } } },
  [CZ_CHECK_SAME_CITY]          = { "same_city", 2, {
                                      { "zone_city", PARAM_FIELD, SLOT_C, TRUE },
                                      { "applicant_city", PARAM_FIELD, SLOT_D, TRUE },
                                      { "province", PARAM_FIELDS, SLOT_A, FALSE } } },
  [CZ_CHECK_FUNCTIONAL_AREAS]   = { "functional_areas", 1, { { "min", PARAM_INTEGER, SLOT_NUMBER, TRUE } } },
  [CZ_CHECK_AREA_SUM_MATCHES]   = { "area_sum_matches", 2, {
                                      { "areas", PARAM_FIELD, SLOT_C, TRUE },
                                      { "total", PARAM_FIELD, SLOT_D, TRUE },
                                      { "tolerance_percent", PARAM_INTEGER, SLOT_NUMBER, FALSE } } },
  [CZ_CHECK_CALL_YEAR]          = { "call_year", 1, { { NULL } } },
  [CZ_CHECK_QUOTA]              = { "quota", 2, { { NULL } } },
  [CZ_CHECK_INCIDENTS_DECLARED] = { "incidents_declared", 2, { { "type", PARAM_INCIDENT_TYPE, SLOT_TYPE, TRUE } } },
  [CZ_CHECK_INCIDENTS_CLEAR]    = { "incidents_clear", 1, { { "type", PARAM_INCIDENT_TYPE, SLOT_TYPE, TRUE } } },
  [CZ_CHECK_NOTE]               = { "note", 0, { { "step", PARAM_STEP, SLOT_STEP, TRUE } } },
  [CZ_CHECK_VALID_INPUT]        = { "valid_input", 1, { { NULL } } },
};

const char *
cz_check_kind_to_id (CzCheckKind kind)
{
  g_return_val_if_fail ((guint) kind < CZ_N_CHECKS, NULL);
  return check_kinds[kind].id;
}

static char *
dup_check_kind_list (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < CZ_N_CHECKS; i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "", check_kinds[i].id);
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
          Text        *out,
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

static void
rule_free (CzRule *rule)
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
      {
        g_autoptr(GPtrArray) ids = g_ptr_array_new ();
        const char **list;

        if (!expand_field (loader, where, json_node_get_string (node), ids, error))
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
      {
        /* The pack writes types as field ids do: production_safety. */
        g_autofree char *type_id = g_strdelimit (g_strdup (json_node_get_string (node)), "_", '-');

        if (cz_incident_type_from_id (type_id, &rule->incident_type))
          return TRUE;
        return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                       /* Translators: %1$s is a parameter name, %2$s its value */
                       _("parameter “%1$s” is “%2$s”, which is not an incident type"),
                       spec->name, json_node_get_string (node));
      }

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

static CzRule *
load_rule (Loader      *loader,
           JsonNode    *node,
           guint        index,
           GError     **error)
{
  g_autofree char *where = g_strdup_printf (_("rule %u"), index + 1);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  CzRule *rule = g_new0 (CzRule, 1);
  JsonObject *object;
  JsonNode *part;
  g_autofree char *severity = NULL;
  g_autofree char *check = NULL;
  Text message = { NULL, NULL };
  const CheckKindSpec *kind = NULL;
  JsonObject *params = NULL;

  rule->index = index;
  if (!node_is (node, JSON_OBJECT))
    {
      refuse (loader, error, CZ_RULES_ERROR_WRONG_TYPE, where, _("a rule must be an object"));
      goto fail;
    }
  object = json_node_get_object (node);

  if (!get_string (loader, object, where, "id", &rule->id, error))
    goto fail;
  g_free (where);
  /* Translators: %s is a rule id */
  where = g_strdup_printf (_("rule “%s”"), rule->id);

  if (!get_string (loader, object, where, "severity", &severity, error))
    goto fail;
  if (!cz_severity_from_id (severity, &rule->severity))
    {
      refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
              _("severity “%s” is not one of blocker, warning, hint"), severity);
      goto fail;
    }

  if (!get_string (loader, object, where, "check", &check, error))
    goto fail;
  for (guint i = 0; i < CZ_N_CHECKS; i++)
    if (g_str_equal (check, check_kinds[i].id))
      {
        kind = &check_kinds[i];
        rule->check = (CzCheckKind) i;
      }
  if (kind == NULL)
    {
      g_autofree char *known = dup_check_kind_list ();
      refuse (loader, error, CZ_RULES_ERROR_UNKNOWN_CHECK, where,
              /* Translators: %1$s is the check a pack names, %2$s the list of known ones */
              _("check “%1$s” is not known; use one of: %2$s"), check, known);
      goto fail;
    }

  part = member (loader, object, where, "fields", JSON_ARRAY, TRUE, error);
  if (part == NULL)
    goto fail;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (part)); i++)
    {
      JsonNode *field = json_array_get_element (json_node_get_array (part), i);

      if (!node_is (field, JSON_STRING))
        {
          refuse (loader, error, CZ_RULES_ERROR_WRONG_TYPE, where, _("every member of “fields” must be a field id"));
          goto fail;
        }
      if (!expand_field (loader, where, json_node_get_string (field), fields, error))
        goto fail;
    }
  if (fields->len < kind->min_fields)
    {
      refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
              g_dngettext (GETTEXT_PACKAGE,
                           "check “%s” reads at least %u field",
                           "check “%s” reads at least %u fields", kind->min_fields),
              kind->id, kind->min_fields);
      goto fail;
    }
  rule->fields = steal_id_list (g_steal_pointer (&fields));

  if (!get_text (loader, object, where, "message", &message, error))
    {
      text_clear (&message);
      goto fail;
    }
  rule->message_zh = message.zh;
  rule->message_en = message.en;

  part = member (loader, object, where, "citation", JSON_OBJECT, TRUE, error);
  if (part == NULL)
    goto fail;
  {
    g_autofree char *inner = g_strdup_printf (_("%1$s, member “%2$s”"), where, "citation");

    if (!get_string (loader, json_node_get_object (part), inner, "document", &rule->citation_document, error) ||
        !get_string (loader, json_node_get_object (part), inner, "article", &rule->citation_article, error))
      goto fail;
  }

  if (!get_boolean (loader, object, where, "provisional", &rule->provisional, error))
    goto fail;

  if (json_object_has_member (object, "params"))
    {
      part = member (loader, object, where, "params", JSON_OBJECT, TRUE, error);
      if (part == NULL)
        goto fail;
      params = json_node_get_object (part);
    }

  for (guint p = 0; p < G_N_ELEMENTS (kind->params) && kind->params[p].name; p++)
    {
      const ParamSpec *spec = &kind->params[p];
      JsonNode *value = params ? json_object_get_member (params, spec->name) : NULL;

      if (value == NULL)
        {
          if (spec->required)
            {
              refuse (loader, error, CZ_RULES_ERROR_MISSING_MEMBER, where,
                      /* Translators: %1$s is a parameter name, %2$s a check name */
                      _("parameter “%1$s” is missing; check “%2$s” needs it"), spec->name, kind->id);
              goto fail;
            }
          continue;
        }
      if (!load_param (loader, where, rule, spec, value, error))
        goto fail;
    }

  if (params != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (params);

      for (GList *l = names; l; l = l->next)
        {
          gboolean known = FALSE;

          for (guint p = 0; p < G_N_ELEMENTS (kind->params) && kind->params[p].name; p++)
            known |= g_str_equal (l->data, kind->params[p].name);
          if (!known)
            {
              refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
                      _("parameter “%1$s” is not one check “%2$s” takes"), (const char *) l->data, kind->id);
              goto fail;
            }
        }
    }

  if (rule->check == CZ_CHECK_NOT_GREATER &&
      g_strv_length ((char **) rule->field_a) != g_strv_length ((char **) rule->field_b))
    {
      refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where,
              _("parameters “lesser” and “greater” must name as many fields each"));
      goto fail;
    }
  if ((rule->check == CZ_CHECK_INCIDENTS_DECLARED || rule->check == CZ_CHECK_INCIDENTS_CLEAR) &&
      !load_incident_fields (loader, where, rule, error))
    goto fail;
  return rule;

fail:
  rule_free (rule);
  return NULL;
}

static void
indicator_free (CzRulesIndicator *indicator)
{
  g_free (indicator->id);
  text_clear (&indicator->title);
  text_clear (&indicator->counter);
  g_free (indicator->unit);
  g_clear_pointer (&indicator->steps, g_array_unref);
  g_free (indicator);
}

static void
dimension_free (CzRulesDimension *dimension)
{
  g_free (dimension->id);
  text_clear (&dimension->title);
  g_clear_pointer (&dimension->indicators, g_ptr_array_unref);
  g_free (dimension);
}

static void
evidence_slot_free (CzEvidenceSlot *slot)
{
  g_free (slot->id);
  text_clear (&slot->title);
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
      indicator->steps = g_array_new (FALSE, FALSE, sizeof (Step));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          Step step;
          gint64 points;

          if (!node_is (node, JSON_OBJECT))
            return refuse (loader, error, CZ_RULES_ERROR_WRONG_TYPE, inner, _("every step must be an object"));
          if (!get_integer (loader, json_node_get_object (node), inner, "at_least", 0, G_MAXINT64, &step.at_least, error) ||
              !get_integer (loader, json_node_get_object (node), inner, "points", 0, indicator->points, &points, error))
            return FALSE;
          step.points = (guint) points;
          if (i > 0 && step.at_least <= g_array_index (indicator->steps, Step, i - 1).at_least)
            return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, inner, _("steps must rise: each “at_least” above the one before"));
          g_array_append_val (indicator->steps, step);
        }
      return TRUE;
    }

  return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, inner,
                 _("method “%s” is not “linear” or “thresholds”"), method);
}

static gboolean
load_dimensions (Loader      *loader,
                 JsonObject  *root,
                 GHashTable  *ids,
                 GError     **error)
{
  CzRules *self = loader->rules;
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
      JsonNode *node = json_array_get_element (array, d);
      g_autofree char *where = g_strdup_printf (_("dimension %u"), d + 1);
      CzRulesDimension *dimension;
      JsonObject *object;
      JsonNode *list;
      gint64 points;
      guint sum = 0;

      if (!node_is (node, JSON_OBJECT))
        return refuse (loader, error, CZ_RULES_ERROR_WRONG_TYPE, where, _("a dimension must be an object"));
      object = json_node_get_object (node);
      dimension = g_new0 (CzRulesDimension, 1);
      dimension->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
      g_ptr_array_add (self->dimensions, dimension);

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
      if (json_array_get_length (json_node_get_array (list)) == 0)
        return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, where, _("“indicators” must not be empty"));

      for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
        {
          JsonNode *inode = json_array_get_element (json_node_get_array (list), i);
          g_autofree char *iwhere = g_strdup_printf (_("%1$s, indicator %2$u"), where, i + 1);
          g_autoptr(GPtrArray) field = g_ptr_array_new ();
          g_autofree char *pattern = NULL;
          CzRulesIndicator *indicator;
          JsonObject *iobject;
          const CzFieldSpec *spec;
          gint64 ipoints;

          if (!node_is (inode, JSON_OBJECT))
            return refuse (loader, error, CZ_RULES_ERROR_WRONG_TYPE, iwhere, _("an indicator must be an object"));
          iobject = json_node_get_object (inode);
          indicator = g_new0 (CzRulesIndicator, 1);
          g_ptr_array_add (dimension->indicators, indicator);

          if (!get_string (loader, iobject, iwhere, "id", &indicator->id, error))
            return FALSE;
          g_free (iwhere);
          /* Translators: %s is an indicator id */
          iwhere = g_strdup_printf (_("indicator “%s”"), indicator->id);
          if (!g_hash_table_add (ids, g_strdup (indicator->id)))
            return refuse (loader, error, CZ_RULES_ERROR_DUPLICATE_ID, iwhere, _("the id “%s” is used twice"), indicator->id);
          if (!get_text (loader, iobject, iwhere, "title", &indicator->title, error) ||
              !get_string (loader, iobject, iwhere, "unit", &indicator->unit, error) ||
              !get_integer (loader, iobject, iwhere, "points", 1, 100, &ipoints, error) ||
              !get_string (loader, iobject, iwhere, "field", &pattern, error))
            return FALSE;
          if (json_object_has_member (iobject, "counter") &&
              !get_text (loader, iobject, iwhere, "counter", &indicator->counter, error))
            return FALSE;
          indicator->points = (guint) ipoints;
          if (!expand_field (loader, iwhere, pattern, field, error))
            return FALSE;
          if (field->len != 1)
            return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, iwhere,
                           _("member “field” must name a single field, not one per year"));
          indicator->field = field->pdata[0];
          spec = cz_field_spec_lookup (indicator->field);
          if (spec != NULL && spec->kind != CZ_FIELD_KIND_INTEGER && spec->kind != CZ_FIELD_KIND_MONEY)
            return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, iwhere,
                           _("field “%s” is not a number or an amount of money"), indicator->field);
          if (!load_scoring (loader, iwhere, iobject, indicator, error))
            return FALSE;
          sum += indicator->points;
        }

      if (sum != dimension->points)
        return refuse (loader, error, CZ_RULES_ERROR_POINTS, where,
                       /* Translators: both are numbers of points */
                       _("its indicators add up to %1$u points, not the dimension’s %2$u"), sum, dimension->points);
      total += dimension->points;
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
      gboolean found = FALSE;

      for (guint r = CZ_REGION_EASTERN; r <= CZ_REGION_NORTHEASTERN; r++)
        if (node_is (node, JSON_STRING) && g_str_equal (json_node_get_string (node), cz_region_to_string (r)))
          {
            loader->rules->relaxed_regions |= 1u << r;
            found = TRUE;
          }
      if (!found)
        return refuse (loader, error, CZ_RULES_ERROR_INVALID_VALUE, _("the pack"),
                       _("every member of “relaxed_regions” must be one of eastern, central, western, northeastern"));
    }
  return TRUE;
}

static gboolean
load_pack (CzRules     *self,
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
  g_autofree char *format = NULL;
  gint64 number;

  data = g_bytes_get_data (self->bytes, &length);
  if (data == NULL || !g_utf8_validate (data, length, NULL))
    return refuse (&loader, error, CZ_RULES_ERROR_INVALID_JSON, where, _("the file is not UTF-8 text"));
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    return refuse (&loader, error, CZ_RULES_ERROR_INVALID_JSON, where,
                   /* Translators: %s is the JSON parser’s message with the line and column */
                   _("the file is not valid JSON (%s)"), parse_error->message);
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return refuse (&loader, error, CZ_RULES_ERROR_NOT_A_PACK, where, _("the file is not a JSON object"));
  root = json_node_get_object (node);

  if (!get_string (&loader, root, where, "format", &format, error))
    return FALSE;
  if (!g_str_equal (format, CZ_RULES_FORMAT))
    return refuse (&loader, error, CZ_RULES_ERROR_NOT_A_PACK, where,
                   _("member “format” is “%1$s”, not “%2$s”: this is not a CoopZone rules pack"), format, CZ_RULES_FORMAT);
  node = member (&loader, root, where, "version", JSON_INTEGER, TRUE, error);
  if (node == NULL)
    return FALSE;
  if (json_node_get_int (node) > CZ_RULES_FORMAT_VERSION)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

      return refuse (&loader, error, CZ_RULES_ERROR_NEWER_FORMAT, where,
                     /* Translators: %s is a version number */
                     _("it is of format version %s, newer than this CoopZone reads; update CoopZone"),
                     version);
    }
  if (json_node_get_int (node) < 1)
    return refuse (&loader, error, CZ_RULES_ERROR_INVALID_VALUE, where, _("member “version” must be 1"));

  if (!get_string (&loader, root, where, "id", &self->id, error) ||
      !get_integer (&loader, root, where, "year", CZ_FIELDS_FIRST_YEAR + 3, CZ_FIELDS_LAST_YEAR + 1, &number, error))
    return FALSE;
  self->year = (guint) number;
  if (!get_text (&loader, root, where, "title", &self->title, error) ||
      !get_boolean (&loader, root, where, "provisional", &self->provisional, error))
    return FALSE;

  node = member (&loader, root, where, "thresholds", JSON_OBJECT, TRUE, error);
  if (node == NULL)
    return FALSE;
  loader.thresholds = json_node_get_object (node);
  {
    const char *twhere = _("member “thresholds”");

    if (!get_integer (&loader, loader.thresholds, twhere, "revenue_min_fen", 0, G_MAXINT64, &self->revenue_threshold_fen, error) ||
        !get_integer (&loader, loader.thresholds, twhere, "sme_share_min_percent", 0, 100, &number, error) ||
        !get_boolean (&loader, loader.thresholds, twhere, "sme_share_strict", &self->sme_share_strict, error))
      return FALSE;
    self->sme_share_percent = (guint) number;
  }

  if (!load_regions (&loader, root, error) ||
      !get_text (&loader, root, where, "relaxation", &self->relaxation, error))
    return FALSE;

  node = member (&loader, root, where, "quota", JSON_OBJECT, TRUE, error);
  if (node == NULL)
    return FALSE;
  {
    const char *qwhere = _("member “quota”");
    JsonObject *quota = json_node_get_object (node);
    gint64 province, city, xpcc;

    if (!get_integer (&loader, quota, qwhere, "province", 0, MAX_QUOTA, &province, error) ||
        !get_integer (&loader, quota, qwhere, "separately_planned_city", 0, MAX_QUOTA, &city, error) ||
        !get_integer (&loader, quota, qwhere, "xpcc", 0, MAX_QUOTA, &xpcc, error))
      return FALSE;
    self->quota_province = (guint) province;
    self->quota_separately_planned_city = (guint) city;
    self->quota_xpcc = (guint) xpcc;
  }

  node = member (&loader, root, where, "rules", JSON_ARRAY, TRUE, error);
  if (node == NULL)
    return FALSE;
  if (json_array_get_length (json_node_get_array (node)) == 0)
    return refuse (&loader, error, CZ_RULES_ERROR_INVALID_VALUE, where, _("“rules” must not be empty"));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      CzRule *rule = load_rule (&loader, json_array_get_element (json_node_get_array (node), i), i, error);

      if (rule == NULL)
        return FALSE;
      g_ptr_array_add (self->rules, rule);
      if (!g_hash_table_insert (self->rules_by_id, rule->id, rule))
        {
          g_autofree char *rwhere = g_strdup_printf (_("rule “%s”"), rule->id);
          return refuse (&loader, error, CZ_RULES_ERROR_DUPLICATE_ID, rwhere, _("the id “%s” is used twice"), rule->id);
        }
    }

  return load_dimensions (&loader, root, ids, error) &&
         load_evidence (&loader, root, error);
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
  text_clear (&self->title);
  text_clear (&self->relaxation);
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
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  self->rules_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->dimensions = g_ptr_array_new_with_free_func ((GDestroyNotify) dimension_free);
  self->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) evidence_slot_free);
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
  if (!load_pack (self, source_name ? source_name : "?", error))
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
const char *cz_rule_get_check (const CzRule *rule) { return check_kinds[rule->check].id; }
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
  const Step *step;

  g_return_if_fail (indicator->steps != NULL && index < indicator->steps->len);
  step = &g_array_index (indicator->steps, Step, index);
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
