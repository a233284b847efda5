/* cz-validator.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-divisions.h"
#include "cz-money.h"
#include "cz-number.h"
#include "cz-rules-private.h"
#include "cz-validator-private.h"

/* A finding in the model, with what orders it. */
typedef struct
{
  CzFinding *finding;
  guint      step;
  guint      rule_index;
  guint      field_position;
} Entry;

struct _CzValidator
{
  GObject      parent_instance;

  CzDossier   *dossier;
  CzRules     *rules;
  char        *language;
  gboolean     constructed;

  GPtrArray   *items;          /* of Entry*, owned, in model order */
  GPtrArray   *rule_entries;   /* per rule: GPtrArray of Entry*, borrowed from items */
  GHashTable  *index;          /* interned field id → GArray of guint rule indexes */
  guint        counts[CZ_N_STEPS][CZ_N_SEVERITIES];
  guint       *evaluations;    /* per rule */
  GHashTable  *changed_fields; /* during one update: field ids whose findings changed */
  GHashTable  *external;       /* source → External: findings made outside the pack's rules */
};

/* Findings another checker made (evidence needs disk I/O the rules do not):
 * kept so a new pack or language can put them back in the model. */
typedef struct
{
  GPtrArray *findings;  /* of CzFinding, owned */
  GPtrArray *entries;   /* of Entry*, borrowed from items */
} External;

static void
external_free (External *external)
{
  g_ptr_array_unref (external->findings);
  g_ptr_array_unref (external->entries);
  g_free (external);
}

static void cz_validator_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CzValidator, cz_validator, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cz_validator_list_model_init))

enum {
  PROP_0,
  PROP_DOSSIER,
  PROP_RULES,
  PROP_LANGUAGE,
  PROP_N_BLOCKERS,
  PROP_N_WARNINGS,
  PROP_N_HINTS,
  PROP_HAS_BLOCKERS,
  N_PROPS
};

enum {
  COUNTS_CHANGED,
  FIELD_FINDINGS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
entry_free (Entry *entry)
{
  g_object_unref (entry->finding);
  g_free (entry);
}

static int
entry_compare (const Entry *a,
               const Entry *b)
{
  int cmp;

  if (a->step != b->step)
    return a->step < b->step ? -1 : 1;
  if (a->rule_index != b->rule_index)
    return a->rule_index < b->rule_index ? -1 : 1;
  if (a->field_position != b->field_position)
    return a->field_position < b->field_position ? -1 : 1;
  cmp = g_strcmp0 (cz_finding_get_field_id (a->finding), cz_finding_get_field_id (b->finding));
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (cz_finding_get_message (a->finding), cz_finding_get_message (b->finding));
}

static int
entry_compare_indirect (gconstpointer a,
                        gconstpointer b)
{
  return entry_compare (*(const Entry * const *) a, *(const Entry * const *) b);
}

/* ------------------------------------------------------------------------ */
/* Evaluating one rule                                                      */

typedef struct
{
  CzValidator  *self;
  const CzRule *rule;
  const char   *language;
  GPtrArray    *out;  /* of Entry*, owned */
} Eval;

typedef struct
{
  const char *value;
  const char *threshold;
  const char *relaxation;
  const char *detail;
  const char *quota;
  guint       year;
} Subst;

static const char *
field_label (const char *field_id)
{
  const CzFieldSpec *spec = cz_field_spec_lookup (field_id);

  return spec ? _(spec->label) : field_id;
}

static char *
render_message (Eval        *ev,
                const char  *field_id,
                const Subst *subst)
{
  const char *template = cz_rule_get_message_template (ev->rule, ev->language);
  const CzFieldSpec *spec = cz_field_spec_lookup (field_id);
  g_autoptr(GString) out = g_string_new (NULL);
  guint year = subst->year ? subst->year : (spec ? spec->year : 0);

  for (const char *p = template; *p; )
    {
      const char *end;
      const char *replacement = NULL;
      g_autofree char *owned = NULL;

      if (*p != '{' || (end = strchr (p, '}')) == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }

#define IS(name) (end - p - 1 == (int) strlen (name) && strncmp (p + 1, name, strlen (name)) == 0)
      if (IS ("field"))
        replacement = field_id ? field_label (field_id) : "";
      else if (IS ("year"))
        replacement = owned = year ? g_strdup_printf ("%u", year) : g_strdup ("");
      else if (IS ("pack_year"))
        replacement = owned = g_strdup_printf ("%u", cz_rules_get_year (ev->self->rules));
      else if (IS ("value"))
        replacement = subst->value;
      else if (IS ("threshold"))
        replacement = subst->threshold;
      else if (IS ("relaxation"))
        replacement = subst->relaxation;
      else if (IS ("detail"))
        replacement = subst->detail;
      else if (IS ("quota"))
        replacement = subst->quota;
#undef IS

      if (replacement == NULL && owned == NULL &&
          !(end - p - 1 >= 0 && strspn (p + 1, "abcdefghijklmnopqrstuvwxyz_") == (gsize) (end - p - 1)))
        {
          g_string_append_c (out, *p++);
          continue;
        }
      g_string_append (out, replacement ? replacement : "");
      p = end + 1;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
emit_full (Eval        *ev,
           const char  *field_id,
           const Subst *subst,
           gboolean     provisional)
{
  static const Subst empty = { NULL };
  Entry *entry = g_new0 (Entry, 1);
  const char * const *fields = cz_rule_get_fields (ev->rule);
  g_autofree char *message = render_message (ev, field_id, subst ? subst : &empty);
  g_autofree char *citation = cz_rule_dup_citation (ev->rule);
  CzStep step = field_id ? cz_field_get_step (field_id) : ev->rule->step;

  /* The same finding twice (two incidents described alike) is shown once. */
  for (guint i = 0; i < ev->out->len; i++)
    {
      CzFinding *other = ((Entry *) ev->out->pdata[i])->finding;

      if (g_strcmp0 (cz_finding_get_field_id (other), field_id) == 0 &&
          g_strcmp0 (cz_finding_get_message (other), message) == 0)
        {
          g_free (entry);
          return;
        }
    }

  entry->finding = cz_finding_new (cz_rule_get_id (ev->rule), cz_rule_get_severity (ev->rule), field_id, step,
                                   message, citation, cz_rule_get_provisional (ev->rule) || provisional);
  entry->step = step;
  entry->rule_index = cz_rule_get_index (ev->rule);
  entry->field_position = G_MAXUINT;
  for (guint i = 0; field_id && fields[i]; i++)
    if (g_str_equal (fields[i], field_id))
      {
        entry->field_position = i;
        break;
      }
  g_ptr_array_add (ev->out, entry);
}

static void
emit (Eval        *ev,
      const char  *field_id,
      const Subst *subst)
{
  emit_full (ev, field_id, subst, FALSE);
}

static CzValue *
value_of_kind (Eval        *ev,
               const char  *field_id,
               CzFieldKind  kind)
{
  CzValue *value = field_id ? cz_dossier_get_value (ev->self->dossier, field_id) : NULL;

  return value != NULL && cz_value_get_kind (value) == kind ? value : NULL;
}

static gboolean
value_is_answered (CzValue *value)
{
  if (value == NULL)
    return FALSE;
  switch (cz_value_get_kind (value))
    {
    case CZ_FIELD_KIND_TEXT:
      {
        const char *text = cz_value_get_text (value);

        for (const char *p = text; *p; p = g_utf8_next_char (p))
          if (!g_unichar_isspace (g_utf8_get_char (p)))
            return TRUE;
        return FALSE;
      }
    case CZ_FIELD_KIND_TEXT_LIST:
      {
        g_autofree const char **texts = cz_value_dup_text_list (value);
        gboolean any = texts[0] != NULL;

        for (guint i = 0; texts[i]; i++)
          g_free ((char *) texts[i]);
        return any;
      }
    case CZ_FIELD_KIND_RECORDS:
      return g_variant_n_children (cz_value_get_records (value)) > 0;
    case CZ_FIELD_KIND_INTEGER:
    case CZ_FIELD_KIND_MONEY:
    case CZ_FIELD_KIND_DATE:
    default:
      return TRUE;
    }
}

static void
check_required (Eval *ev)
{
  const char * const *fields = cz_rule_get_fields (ev->rule);

  for (guint i = 0; fields[i]; i++)
    {
      CzValue *value = cz_dossier_get_value (ev->self->dossier, fields[i]);
      const CzFieldSpec *spec = cz_field_spec_lookup (fields[i]);

      if (!value_is_answered (value) || (spec != NULL && cz_value_get_kind (value) != spec->kind))
        emit (ev, fields[i], NULL);
    }
}

static void
check_declared (Eval *ev)
{
  const char * const *fields = cz_rule_get_fields (ev->rule);

  for (guint i = 0; fields[i]; i++)
    {
      CzValue *value = value_of_kind (ev, fields[i], CZ_FIELD_KIND_TEXT);

      if (value == NULL || g_strcmp0 (cz_value_get_text (value), ev->rule->text) != 0)
        emit (ev, fields[i], NULL);
    }
}

static void
check_min_integer (Eval *ev)
{
  const char * const *fields = cz_rule_get_fields (ev->rule);

  for (guint i = 0; fields[i]; i++)
    {
      CzValue *value = value_of_kind (ev, fields[i], CZ_FIELD_KIND_INTEGER);

      if (value == NULL || cz_value_get_integer (value) < ev->rule->number)
        emit (ev, fields[i], NULL);
    }
}

static void
check_min_money (Eval *ev)
{
  const CzRule *rule = ev->rule;
  CzValue *justification = value_of_kind (ev, rule->field_c, CZ_FIELD_KIND_TEXT);
  CzValue *province = value_of_kind (ev, rule->field_d, CZ_FIELD_KIND_TEXT);
  const char *relaxation = "";

  if (province != NULL)
    {
      CzDivision *division = cz_divisions_lookup (cz_value_get_text (province));

      if (division != NULL && cz_rules_region_is_relaxed (ev->self->rules, cz_division_get_region (division)))
        relaxation = cz_rules_get_relaxation (ev->self->rules, ev->language);
    }

  for (guint i = 0; rule->field_a[i]; i++)
    {
      CzValue *value = value_of_kind (ev, rule->field_a[i], CZ_FIELD_KIND_MONEY);
      g_autofree char *amount = NULL;
      g_autofree char *threshold = NULL;
      Subst subst = { NULL };

      if (value == NULL || cz_value_get_money (value) >= rule->number)
        continue;
      if (value_is_answered (justification))
        continue;
      amount = cz_money_format (cz_value_get_money (value), CZ_MONEY_UNIT_YI);
      threshold = cz_money_format (rule->number, CZ_MONEY_UNIT_YI);
      subst.value = amount;
      subst.threshold = threshold;
      subst.relaxation = relaxation;
      emit (ev, rule->field_a[i], &subst);
    }
}

static void
check_ratio_min (Eval *ev)
{
  const CzRule *rule = ev->rule;
  CzValue *numerator = value_of_kind (ev, rule->field_a[0], CZ_FIELD_KIND_INTEGER);
  CzValue *denominator = value_of_kind (ev, rule->field_b[0], CZ_FIELD_KIND_INTEGER);
  __int128 n, d, lhs, rhs;
  gboolean meets;
  g_autofree char *share = NULL;
  g_autofree char *threshold = NULL;
  Subst subst = { NULL };
  gint64 tenths;

  if (numerator == NULL || denominator == NULL)
    return;
  n = cz_value_get_integer (numerator);
  d = cz_value_get_integer (denominator);
  if (n < 0 || d <= 0)
    return;

  lhs = n * 100;
  rhs = d * (__int128) rule->number;
  meets = rule->strict ? lhs > rhs : lhs >= rhs;
  if (meets)
    return;

  tenths = (gint64) (n * 1000 / d);
  share = g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT "%%", tenths / 10, tenths % 10);
  threshold = rule->strict
    /* Translators: a share the SMEs must exceed; %u is a percentage */
    ? g_strdup_printf (_("more than %u%%"), (guint) rule->number)
    /* Translators: a share the SMEs must reach; %u is a percentage */
    : g_strdup_printf (_("at least %u%%"), (guint) rule->number);
  subst.value = share;
  subst.threshold = threshold;
  emit (ev, rule->field_a[0], &subst);
}

static void
check_not_greater (Eval *ev)
{
  const CzRule *rule = ev->rule;

  for (guint i = 0; rule->field_a[i] && rule->field_b[i]; i++)
    {
      CzValue *lesser = value_of_kind (ev, rule->field_a[i], CZ_FIELD_KIND_INTEGER);
      CzValue *greater = value_of_kind (ev, rule->field_b[i], CZ_FIELD_KIND_INTEGER);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      Subst subst = { NULL };

      if (lesser == NULL || greater == NULL || cz_value_get_integer (lesser) <= cz_value_get_integer (greater))
        continue;
      a = g_strdup_printf ("%" G_GINT64_FORMAT, cz_value_get_integer (lesser));
      b = g_strdup_printf ("%" G_GINT64_FORMAT, cz_value_get_integer (greater));
      subst.value = a;
      subst.threshold = b;
      emit (ev, rule->field_a[i], &subst);
    }
}

static const char *
division_name (const char *code)
{
  CzDivision *division = cz_divisions_lookup (code);

  return division ? cz_division_get_name (division) : code;
}

static void
check_same_city (Eval *ev)
{
  const CzRule *rule = ev->rule;
  CzValue *zone_city = value_of_kind (ev, rule->field_c, CZ_FIELD_KIND_TEXT);
  CzValue *applicant_city = value_of_kind (ev, rule->field_d, CZ_FIELD_KIND_TEXT);
  CzValue *province = rule->field_a ? value_of_kind (ev, rule->field_a[0], CZ_FIELD_KIND_TEXT) : NULL;
  g_autofree char *detail = NULL;
  Subst subst = { NULL };

  if (zone_city == NULL)
    return;

  if (province != NULL &&
      strncmp (cz_value_get_text (zone_city), cz_value_get_text (province), 2) != 0)
    /* Translators: %1$s is a city, %2$s a province */
    detail = g_strdup_printf (_("%1$s is not in %2$s"),
                              division_name (cz_value_get_text (zone_city)),
                              division_name (cz_value_get_text (province)));
  else if (applicant_city != NULL &&
           !g_str_equal (cz_value_get_text (zone_city), cz_value_get_text (applicant_city)))
    /* Translators: %1$s and %2$s are cities */
    detail = g_strdup_printf (_("the zone is in %1$s but the applicant department is in %2$s"),
                              division_name (cz_value_get_text (zone_city)),
                              division_name (cz_value_get_text (applicant_city)));
  if (detail == NULL)
    return;
  subst.detail = detail;
  emit (ev, rule->field_c, &subst);
}

static void
check_functional_areas (Eval *ev)
{
  const char *field_id = cz_rule_get_fields (ev->rule)[0];
  CzValue *value = value_of_kind (ev, field_id, CZ_FIELD_KIND_RECORDS);
  g_autofree char *detail = NULL;
  Subst subst = { NULL };
  gint64 valid = 0;
  gsize n = 0;

  if (value != NULL)
    {
      GVariant *records = cz_value_get_records (value);

      n = g_variant_n_children (records);
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) record = g_variant_get_child_value (records, i);
          const char *name = NULL;
          gint64 area = 0;

          if (g_variant_lookup (record, "name", "&s", &name) && *name != '\0' &&
              g_variant_lookup (record, "area_m2", "x", &area) && area > 0)
            valid++;
        }
    }

  if (valid < ev->rule->number || (guint64) n < (guint64) ev->rule->number)
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "add at least %u functional area with its name, area and purpose",
                                           "add at least %u functional areas with their names, areas and purposes",
                                           (gulong) ev->rule->number),
                              (guint) ev->rule->number);
  else if ((gsize) valid < n)
    detail = g_strdup (_("give every functional area a name and an area greater than zero"));
  if (detail == NULL)
    return;
  subst.detail = detail;
  emit (ev, field_id, &subst);
}

static char *
format_km2 (gint64 m2)
{
  g_autofree char *number = cz_format_scaled_decimal (m2, 6);
  return g_strdup_printf ("%s km²", number);
}

static void
check_area_sum (Eval *ev)
{
  const CzRule *rule = ev->rule;
  CzValue *areas = value_of_kind (ev, rule->field_c, CZ_FIELD_KIND_RECORDS);
  CzValue *total = value_of_kind (ev, rule->field_d, CZ_FIELD_KIND_INTEGER);
  g_autofree char *sum_text = NULL;
  g_autofree char *total_text = NULL;
  Subst subst = { NULL };
  GVariant *records;
  __int128 sum = 0;

  if (areas == NULL || total == NULL || cz_value_get_integer (total) <= 0)
    return;
  records = cz_value_get_records (areas);
  for (gsize i = 0; i < g_variant_n_children (records); i++)
    {
      g_autoptr(GVariant) record = g_variant_get_child_value (records, i);
      gint64 area = 0;

      if (g_variant_lookup (record, "area_m2", "x", &area) && area > 0)
        sum += area;
    }
  if (sum * 100 <= (__int128) cz_value_get_integer (total) * (100 + rule->number))
    return;

  sum_text = format_km2 (sum > G_MAXINT64 ? G_MAXINT64 : (gint64) sum);
  total_text = format_km2 (cz_value_get_integer (total));
  subst.value = sum_text;
  subst.threshold = total_text;
  emit (ev, rule->field_c, &subst);
}

static void
check_call_year (Eval *ev)
{
  const char *field_id = cz_rule_get_fields (ev->rule)[0];
  CzValue *value = value_of_kind (ev, field_id, CZ_FIELD_KIND_INTEGER);
  g_autofree char *year = NULL;
  Subst subst = { NULL };

  if (value == NULL || cz_value_get_integer (value) == cz_rules_get_year (ev->self->rules))
    return;
  year = g_strdup_printf ("%" G_GINT64_FORMAT, cz_value_get_integer (value));
  subst.value = year;
  emit (ev, field_id, &subst);
}

static void
check_quota (Eval *ev)
{
  const char * const *fields = cz_rule_get_fields (ev->rule);
  CzValue *province = value_of_kind (ev, fields[0], CZ_FIELD_KIND_TEXT);
  CzValue *city = value_of_kind (ev, fields[1], CZ_FIELD_KIND_TEXT);
  CzDivision *division = city ? cz_divisions_lookup (cz_value_get_text (city)) : NULL;
  g_autofree char *quota = NULL;
  Subst subst = { NULL };
  guint n;

  if (province == NULL || !value_is_answered (province))
    return;
  if (division != NULL && cz_division_is_separately_planned (division))
    n = cz_rules_get_quota_separately_planned_city (ev->self->rules);
  else
    n = cz_rules_get_quota_province (ev->self->rules);
  quota = g_strdup_printf ("%u", n);
  subst.quota = quota;
  emit (ev, fields[0], &subst);
}

/* ------------------------------------------------------------------------ */
/* Incidents                                                                */

static gboolean
record_year (GVariant *record,
             guint    *out_year)
{
  const char *date = NULL;
  guint year, month, day;
  char tail;

  if (!g_variant_lookup (record, "date", "&s", &date) ||
      sscanf (date, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  *out_year = year;
  return TRUE;
}

/* A valid date later than today's here. */
static gboolean
record_after_today (GVariant *record)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *date = NULL;

  return g_variant_lookup (record, "date", "&s", &date) && strncmp (date, today, 10) > 0;
}

static gint64
record_figure (GVariant   *record,
               const char *name)
{
  gint64 value;

  if (g_variant_lookup (record, name, "x", &value) && value >= 0)
    return value;
  return -1;
}

static gboolean
record_text (GVariant    *record,
             const char  *name,
             const char **out)
{
  return g_variant_lookup (record, name, "&s", out) && **out != '\0';
}

static CzIncidentGrade
parse_grade (const char *text)
{
  static const char * const english[] = { "", "general", "larger", "major", "especially_major" };

  for (guint g = CZ_INCIDENT_GRADE_GENERAL; g <= CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR; g++)
    if (g_strcmp0 (text, cz_incident_grade_get_name_zh (g)) == 0 || g_strcmp0 (text, english[g]) == 0)
      return g;
  return CZ_INCIDENT_GRADE_NONE;
}

static GVariant *
incident_records (Eval *ev)
{
  CzValue *list = value_of_kind (ev, ev->rule->field_c, CZ_FIELD_KIND_RECORDS);

  return list ? cz_value_get_records (list) : NULL;
}

static void
check_incidents_declared (Eval *ev)
{
  const CzRule *rule = ev->rule;
  GVariant *records = incident_records (ev);
  gsize n = records ? g_variant_n_children (records) : 0;
  guint years[3];

  cz_fields_get_complete_years (cz_rules_get_year (ev->self->rules), years);
  for (guint y = 0; y < 3 && rule->field_a[y]; y++)
    {
      CzValue *value = value_of_kind (ev, rule->field_a[y], CZ_FIELD_KIND_TEXT);
      const char *declared = value ? cz_value_get_text (value) : NULL;
      Subst subst = { NULL };
      guint listed = 0;

      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) record = g_variant_get_child_value (records, i);
          guint year;

          if (record_year (record, &year) && year == years[y])
            listed++;
        }

      subst.year = years[y];
      if (g_strcmp0 (declared, CZ_DECLARED_NONE) == 0 && listed > 0)
        subst.detail = _("you declared none, but the list has an incident in that year; correct the declaration or the list");
      else if (g_strcmp0 (declared, CZ_DECLARED_OCCURRED) == 0 && listed == 0)
        subst.detail = _("you declared that one occurred: add it to the list with its figures");
      else if (g_strcmp0 (declared, CZ_DECLARED_NONE) != 0 && g_strcmp0 (declared, CZ_DECLARED_OCCURRED) != 0)
        subst.detail = _("choose “none” or “occurred”");
      if (subst.detail != NULL)
        emit (ev, rule->field_a[y], &subst);
    }

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) record = g_variant_get_child_value (records, i);
      g_autofree char *detail = NULL;
      const char *grade = NULL;
      const char *basis = NULL;
      Subst subst = { NULL };
      guint year = 0;

      if (!record_year (record, &year))
        /* Translators: %zu is the number of the incident in the list, from 1 */
        detail = g_strdup_printf (_("incident %zu has no valid date; enter it as YYYY-MM-DD"), i + 1);
      else if (record_after_today (record))
        /* Translators: %zu is the number of the incident in the list, from 1 */
        detail = g_strdup_printf (_("incident %zu is dated after today; check its date"), i + 1);
      else if (record_text (record, "stated_grade", &grade) && !record_text (record, "stated_basis", &basis))
        /* Translators: %zu is the number of the incident in the list, from 1 */
        detail = g_strdup_printf (_("incident %zu states its grade without the basis; add the basis"), i + 1);
      if (detail == NULL)
        continue;
      subst.year = year ? year : years[2];
      subst.detail = detail;
      emit (ev, rule->field_c, &subst);
    }
}

static void
check_incidents_clear (Eval *ev)
{
  const CzRule *rule = ev->rule;
  GVariant *records = incident_records (ev);
  guint first_year = cz_rules_get_year (ev->self->rules) - 3;
  gsize n = records ? g_variant_n_children (records) : 0;

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) record = g_variant_get_child_value (records, i);
      CzIncidentFigures figures = CZ_INCIDENT_FIGURES_INIT;
      CzIncidentAssessment assessment;
      g_autofree char *described = NULL;
      g_autofree char *detail = NULL;
      const char *date = NULL;
      const char *place = NULL;
      const char *grade = NULL;
      Subst subst = { NULL };
      guint year = 0;

      /* An undated incident counts: the declaration rule asks for its date. */
      if (record_year (record, &year) && year < first_year)
        continue;

      figures.deaths = record_figure (record, "deaths");
      figures.serious_injuries = record_figure (record, "serious_injuries");
      figures.direct_loss_fen = record_figure (record, "direct_loss_fen");
      figures.evacuated = record_figure (record, "evacuated");
      figures.personal_information = record_figure (record, "people_leaked");
      figures.sensitive_information = record_figure (record, "sensitive_leaked");
      record_text (record, "stated_grade", &grade);
      cz_incident_assess (rule->incident_type, &figures, parse_grade (grade), &assessment);
      if (!assessment.disqualifying)
        continue;

      described = cz_incident_assessment_describe (rule->incident_type, &assessment);
      /* The message around it has its own full stop. */
      while (g_str_has_suffix (described, ".") || g_str_has_suffix (described, "。"))
        described[strlen (described) - (g_str_has_suffix (described, ".") ? 1 : strlen ("。"))] = '\0';
      if (!record_text (record, "date", &date))
        date = _("undated");
      if (record_text (record, "place", &place))
        detail = g_strdup_printf ("%s %s: %s", date, place, described);
      else
        detail = g_strdup_printf ("%s: %s", date, described);
      subst.year = year;
      subst.detail = detail;
      emit_full (ev, rule->field_c, &subst, assessment.provisional);
    }
}

static void
check_note (Eval *ev)
{
  emit (ev, NULL, NULL);
}

/* What the row's own input check says (cz_field_check: a malformed phone
 * number, an over-long name, a division code not in the list…), as a
 * finding, so that it counts, is listed on the Review step and refuses the
 * pack like any other. Unanswered fields are the required rules' business. */
static void
check_valid_input (Eval *ev)
{
  const char * const *fields = cz_rule_get_fields (ev->rule);

  for (guint i = 0; fields[i]; i++)
    {
      CzValue *value = cz_dossier_get_value (ev->self->dossier, fields[i]);
      g_autofree char *message = NULL;
      Subst subst = { NULL };

      if (!value_is_answered (value))
        continue;
      message = cz_field_check (fields[i], value);
      if (message == NULL)
        continue;
      subst.detail = message;
      emit (ev, fields[i], &subst);
    }
}

typedef void (*CheckFunc) (Eval *ev);

static const CheckFunc check_funcs[CZ_N_CHECKS] = {
  [CZ_CHECK_REQUIRED]           = check_required,
  [CZ_CHECK_DECLARED]           = check_declared,
  [CZ_CHECK_MIN_INTEGER]        = check_min_integer,
  [CZ_CHECK_MIN_MONEY]          = check_min_money,
  [CZ_CHECK_RATIO_MIN]          = check_ratio_min,
  [CZ_CHECK_NOT_GREATER]        = check_not_greater,
  [CZ_CHECK_SAME_CITY]          = check_same_city,
  [CZ_CHECK_FUNCTIONAL_AREAS]   = check_functional_areas,
  [CZ_CHECK_AREA_SUM_MATCHES]   = check_area_sum,
  [CZ_CHECK_CALL_YEAR]          = check_call_year,
  [CZ_CHECK_QUOTA]              = check_quota,
  [CZ_CHECK_INCIDENTS_DECLARED] = check_incidents_declared,
  [CZ_CHECK_INCIDENTS_CLEAR]    = check_incidents_clear,
  [CZ_CHECK_NOTE]               = check_note,
  [CZ_CHECK_VALID_INPUT]        = check_valid_input,
};

static GPtrArray *
evaluate_rule (CzValidator  *self,
               const CzRule *rule)
{
  Eval ev = { self, rule, cz_rules_pick_language (self->language), g_ptr_array_new () };

  self->evaluations[cz_rule_get_index (rule)]++;
  check_funcs[rule->check] (&ev);
  return ev.out;
}

/* ------------------------------------------------------------------------ */
/* Keeping the model                                                        */

static void
count_entry (CzValidator *self,
             Entry       *entry,
             int          delta)
{
  self->counts[entry->step][cz_finding_get_severity (entry->finding)] += delta;
  if (cz_finding_get_field_id (entry->finding) != NULL)
    g_hash_table_add (self->changed_fields, (gpointer) g_intern_string (cz_finding_get_field_id (entry->finding)));
}

static guint
total_of (CzValidator *self,
          CzSeverity   severity)
{
  guint total = 0;

  for (guint s = 0; s < CZ_N_STEPS; s++)
    total += self->counts[s][severity];
  return total;
}

typedef struct
{
  guint counts[CZ_N_STEPS][CZ_N_SEVERITIES];
} CountSnapshot;

static void
finish_update (CzValidator         *self,
               const CountSnapshot *before)
{
  guint old_totals[CZ_N_SEVERITIES] = { 0 };
  GHashTableIter iter;
  gpointer field_id;

  if (memcmp (before->counts, self->counts, sizeof self->counts) != 0)
    {
      for (guint s = 0; s < CZ_N_STEPS; s++)
        for (guint v = 0; v < CZ_N_SEVERITIES; v++)
          old_totals[v] += before->counts[s][v];

      g_object_freeze_notify (G_OBJECT (self));
      if (old_totals[CZ_SEVERITY_BLOCKER] != total_of (self, CZ_SEVERITY_BLOCKER))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_BLOCKERS]);
      if (old_totals[CZ_SEVERITY_WARNING] != total_of (self, CZ_SEVERITY_WARNING))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
      if (old_totals[CZ_SEVERITY_HINT] != total_of (self, CZ_SEVERITY_HINT))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_HINTS]);
      if ((old_totals[CZ_SEVERITY_BLOCKER] > 0) != (total_of (self, CZ_SEVERITY_BLOCKER) > 0))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_BLOCKERS]);
      g_object_thaw_notify (G_OBJECT (self));
      g_signal_emit (self, signals[COUNTS_CHANGED], 0);
    }

  g_hash_table_iter_init (&iter, self->changed_fields);
  while (g_hash_table_iter_next (&iter, &field_id, NULL))
    g_signal_emit (self, signals[FIELD_FINDINGS_CHANGED], g_quark_from_string (field_id), field_id);
  g_hash_table_remove_all (self->changed_fields);
}

/* Replaces one rule's (or source's) findings in @entries, keeping those that
 * stay (same object) and signalling each removal and insertion where it happens. */
static void
apply_entries (CzValidator  *self,
               GPtrArray   **entries,
               GPtrArray    *fresh)
{
  GPtrArray *old = *entries;
  GPtrArray *kept = g_ptr_array_new ();

  for (guint o = 0; o < old->len; o++)
    {
      Entry *entry = old->pdata[o];
      gboolean stays = FALSE;

      for (guint f = 0; f < fresh->len; f++)
        if (fresh->pdata[f] != NULL && cz_finding_equal (entry->finding, ((Entry *) fresh->pdata[f])->finding))
          {
            entry_free (fresh->pdata[f]);
            fresh->pdata[f] = NULL;
            stays = TRUE;
            break;
          }

      if (stays)
        {
          g_ptr_array_add (kept, entry);
          continue;
        }

      {
        guint position;

        if (g_ptr_array_find (self->items, entry, &position))
          {
            count_entry (self, entry, -1);
            entry_free (g_ptr_array_steal_index (self->items, position));
            g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
          }
      }
    }

  for (guint f = 0; f < fresh->len; f++)
    {
      Entry *entry = fresh->pdata[f];
      guint low = 0, high = self->items->len;

      if (entry == NULL)
        continue;
      while (low < high)
        {
          guint mid = (low + high) / 2;

          if (entry_compare (self->items->pdata[mid], entry) <= 0)
            low = mid + 1;
          else
            high = mid;
        }
      g_ptr_array_insert (self->items, low, entry);
      g_ptr_array_add (kept, entry);
      count_entry (self, entry, +1);
      g_list_model_items_changed (G_LIST_MODEL (self), low, 0, 1);
    }

  *entries = kept;
  g_ptr_array_unref (old);
  g_ptr_array_unref (fresh);
}

static void
apply_rule (CzValidator *self,
            guint        rule_index,
            GPtrArray   *fresh)
{
  apply_entries (self, (GPtrArray **) &self->rule_entries->pdata[rule_index], fresh);
}

/* External findings sort after the pack's rules within their step. */
static GPtrArray *
external_entries (GPtrArray *findings)
{
  GPtrArray *entries = g_ptr_array_new ();

  for (guint i = 0; i < findings->len; i++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->finding = g_object_ref (findings->pdata[i]);
      entry->step = cz_finding_get_step (entry->finding);
      entry->rule_index = G_MAXUINT;
      entry->field_position = G_MAXUINT;
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

static void
clear_findings (CzValidator *self)
{
  g_ptr_array_set_size (self->items, 0);
  g_clear_pointer (&self->rule_entries, g_ptr_array_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->evaluations, g_free);
  memset (self->counts, 0, sizeof self->counts);
}

static void
build_index (CzValidator *self)
{
  guint n_rules = cz_rules_get_n_rules (self->rules);

  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  self->rule_entries = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->evaluations = g_new0 (guint, n_rules);

  for (guint r = 0; r < n_rules; r++)
    {
      const char * const *fields = cz_rule_get_fields (cz_rules_get_rule (self->rules, r));

      g_ptr_array_add (self->rule_entries, g_ptr_array_new ());
      for (guint i = 0; fields[i]; i++)
        {
          GArray *rules = g_hash_table_lookup (self->index, fields[i]);

          if (rules == NULL)
            {
              rules = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (self->index, (gpointer) fields[i], rules);
            }
          if (rules->len == 0 || g_array_index (rules, guint, rules->len - 1) != r)
            g_array_append_val (rules, r);
        }
    }
}

/* Every rule evaluated afresh, e.g. for a new pack or language. */
static void
evaluate_all (CzValidator *self)
{
  CountSnapshot before;
  guint old_n = self->items->len;
  guint n_rules;

  memcpy (before.counts, self->counts, sizeof self->counts);
  for (guint i = 0; i < self->items->len; i++)
    count_entry (self, self->items->pdata[i], 0);
  clear_findings (self);
  build_index (self);

  n_rules = cz_rules_get_n_rules (self->rules);
  for (guint r = 0; r < n_rules; r++)
    {
      g_autoptr(GPtrArray) fresh = evaluate_rule (self, cz_rules_get_rule (self->rules, r));
      GPtrArray *entries = g_ptr_array_index (self->rule_entries, r);

      for (guint i = 0; i < fresh->len; i++)
        {
          Entry *entry = fresh->pdata[i];

          g_ptr_array_add (self->items, entry);
          g_ptr_array_add (entries, entry);
          count_entry (self, entry, +1);
        }
    }
  {
    GHashTableIter iter;
    External *external;

    g_hash_table_iter_init (&iter, self->external);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &external))
      {
        g_autoptr(GPtrArray) fresh = external_entries (external->findings);

        g_ptr_array_set_size (external->entries, 0);
        for (guint i = 0; i < fresh->len; i++)
          {
            g_ptr_array_add (self->items, fresh->pdata[i]);
            g_ptr_array_add (external->entries, fresh->pdata[i]);
            count_entry (self, fresh->pdata[i], +1);
          }
      }
  }
  g_ptr_array_sort (self->items, entry_compare_indirect);

  if (old_n != 0 || self->items->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->items->len);
  finish_update (self, &before);
}

static void
record_pack (CzValidator *self)
{
  cz_dossier_set_text (self->dossier, CZ_FIELD_RULES_PACK_ID, cz_rules_get_id (self->rules));
  cz_dossier_set_text (self->dossier, CZ_FIELD_RULES_PACK_SHA256, cz_rules_get_sha256 (self->rules));
}

static void
on_field_changed (CzDossier   *dossier,
                  const char  *field_id,
                  CzValue     *old_value,
                  CzValue     *new_value,
                  CzValidator *self)
{
  GArray *rules = g_hash_table_lookup (self->index, field_id);
  CountSnapshot before;

  if (rules == NULL)
    return;

  memcpy (before.counts, self->counts, sizeof self->counts);
  for (guint i = 0; i < rules->len; i++)
    {
      guint r = g_array_index (rules, guint, i);
      GPtrArray *fresh = evaluate_rule (self, cz_rules_get_rule (self->rules, r));

      apply_rule (self, r, fresh);
    }
  finish_update (self, &before);
}

/* ------------------------------------------------------------------------ */
/* GListModel                                                               */

static GType
cz_validator_get_item_type (GListModel *model)
{
  return CZ_TYPE_FINDING;
}

static guint
cz_validator_get_n_items (GListModel *model)
{
  return CZ_VALIDATOR (model)->items->len;
}

static gpointer
cz_validator_get_item (GListModel *model,
                       guint       position)
{
  CzValidator *self = CZ_VALIDATOR (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (((Entry *) self->items->pdata[position])->finding);
}

static void
cz_validator_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cz_validator_get_item_type;
  iface->get_n_items = cz_validator_get_n_items;
  iface->get_item = cz_validator_get_item;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
cz_validator_constructed (GObject *object)
{
  CzValidator *self = CZ_VALIDATOR (object);

  G_OBJECT_CLASS (cz_validator_parent_class)->constructed (object);

  g_return_if_fail (CZ_IS_DOSSIER (self->dossier));
  g_return_if_fail (CZ_IS_RULES (self->rules));

  self->constructed = TRUE;
  g_signal_connect_object (self->dossier, "field-changed", G_CALLBACK (on_field_changed), self, 0);
  evaluate_all (self);
  record_pack (self);
}

static void
cz_validator_dispose (GObject *object)
{
  CzValidator *self = CZ_VALIDATOR (object);

  if (self->dossier != NULL)
    g_signal_handlers_disconnect_by_data (self->dossier, self);
  g_clear_object (&self->dossier);
  g_clear_object (&self->rules);

  G_OBJECT_CLASS (cz_validator_parent_class)->dispose (object);
}

static void
cz_validator_finalize (GObject *object)
{
  CzValidator *self = CZ_VALIDATOR (object);

  clear_findings (self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->changed_fields, g_hash_table_unref);
  g_clear_pointer (&self->external, g_hash_table_unref);
  g_free (self->language);

  G_OBJECT_CLASS (cz_validator_parent_class)->finalize (object);
}

static void
cz_validator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CzValidator *self = CZ_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:      g_value_set_object (value, self->dossier); break;
    case PROP_RULES:        g_value_set_object (value, self->rules); break;
    case PROP_LANGUAGE:     g_value_set_string (value, self->language); break;
    case PROP_N_BLOCKERS:   g_value_set_uint (value, cz_validator_get_n_blockers (self)); break;
    case PROP_N_WARNINGS:   g_value_set_uint (value, cz_validator_get_n_warnings (self)); break;
    case PROP_N_HINTS:      g_value_set_uint (value, cz_validator_get_n_hints (self)); break;
    case PROP_HAS_BLOCKERS: g_value_set_boolean (value, cz_validator_get_has_blockers (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_validator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CzValidator *self = CZ_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:  self->dossier = g_value_dup_object (value); break;
    case PROP_RULES:
      if (g_value_get_object (value) != NULL || self->constructed)
        cz_validator_set_rules (self, g_value_get_object (value));
      break;
    case PROP_LANGUAGE: cz_validator_set_language (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_validator_class_init (CzValidatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cz_validator_constructed;
  object_class->dispose = cz_validator_dispose;
  object_class->finalize = cz_validator_finalize;
  object_class->get_property = cz_validator_get_property;
  object_class->set_property = cz_validator_set_property;

  properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL, CZ_TYPE_DOSSIER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULES] =
    g_param_spec_object ("rules", NULL, NULL, CZ_TYPE_RULES,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_BLOCKERS] =
    g_param_spec_uint ("n-blockers", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_HINTS] =
    g_param_spec_uint ("n-hints", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_BLOCKERS] =
    g_param_spec_boolean ("has-blockers", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CzValidator::counts-changed:
   *
   * Emitted once after an update that changed any per-step count.
   */
  signals[COUNTS_CHANGED] =
    g_signal_new ("counts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CzValidator::field-findings-changed:
   * @field_id: the field whose findings changed
   *
   * Detailed by the field id, so a row can connect to
   * "field-findings-changed::revenue.y2024.total".
   */
  signals[FIELD_FINDINGS_CHANGED] =
    g_signal_new ("field-findings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
cz_validator_init (CzValidator *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->changed_fields = g_hash_table_new (g_str_hash, g_str_equal);
  self->external = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) external_free);
}

/**
 * cz_validator_new:
 *
 * Checks @dossier against @rules now, then again as its fields change; the
 * dossier records the pack's id and SHA-256.
 */
CzValidator *
cz_validator_new (CzDossier *dossier,
                  CzRules   *rules)
{
  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (CZ_IS_RULES (rules), NULL);

  return g_object_new (CZ_TYPE_VALIDATOR, "dossier", dossier, "rules", rules, NULL);
}

CzDossier *
cz_validator_get_dossier (CzValidator *self)
{
  g_return_val_if_fail (CZ_IS_VALIDATOR (self), NULL);
  return self->dossier;
}

CzRules *
cz_validator_get_rules (CzValidator *self)
{
  g_return_val_if_fail (CZ_IS_VALIDATOR (self), NULL);
  return self->rules;
}

/**
 * cz_validator_set_rules:
 *
 * Checks the dossier again against @rules, e.g. a pack loaded from a file.
 */
void
cz_validator_set_rules (CzValidator *self,
                        CzRules     *rules)
{
  g_return_if_fail (CZ_IS_VALIDATOR (self));
  g_return_if_fail (CZ_IS_RULES (rules));

  if (!g_set_object (&self->rules, rules))
    return;
  if (self->constructed)
    {
      evaluate_all (self);
      record_pack (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULES]);
}

const char *
cz_validator_get_language (CzValidator *self)
{
  g_return_val_if_fail (CZ_IS_VALIDATOR (self), NULL);
  return self->language;
}

void
cz_validator_set_language (CzValidator *self,
                           const char  *language)
{
  g_return_if_fail (CZ_IS_VALIDATOR (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  if (self->constructed)
    evaluate_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

guint
cz_validator_get_count (CzValidator *self,
                        CzStep       step,
                        CzSeverity   severity)
{
  g_return_val_if_fail (CZ_IS_VALIDATOR (self), 0);
  g_return_val_if_fail ((guint) step < CZ_N_STEPS, 0);
  g_return_val_if_fail ((guint) severity < CZ_N_SEVERITIES, 0);
  return self->counts[step][severity];
}

guint cz_validator_get_n_blockers (CzValidator *self) { g_return_val_if_fail (CZ_IS_VALIDATOR (self), 0); return total_of (self, CZ_SEVERITY_BLOCKER); }
guint cz_validator_get_n_warnings (CzValidator *self) { g_return_val_if_fail (CZ_IS_VALIDATOR (self), 0); return total_of (self, CZ_SEVERITY_WARNING); }
guint cz_validator_get_n_hints (CzValidator *self) { g_return_val_if_fail (CZ_IS_VALIDATOR (self), 0); return total_of (self, CZ_SEVERITY_HINT); }
gboolean cz_validator_get_has_blockers (CzValidator *self) { return cz_validator_get_n_blockers (self) > 0; }

/**
 * cz_validator_get_findings_for_field:
 *
 * Returns: (transfer full) (element-type CzFinding): the findings on
 *   @field_id in model order; empty when there are none
 */
GPtrArray *
cz_validator_get_findings_for_field (CzValidator *self,
                                     const char  *field_id)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CZ_IS_VALIDATOR (self), findings);

  for (guint i = 0; i < self->items->len; i++)
    {
      CzFinding *finding = ((Entry *) self->items->pdata[i])->finding;

      if (g_strcmp0 (cz_finding_get_field_id (finding), field_id) == 0)
        g_ptr_array_add (findings, g_object_ref (finding));
    }
  return findings;
}

/**
 * cz_validator_set_external_findings:
 * @source: who made them, e.g. "evidence"
 * @findings: (element-type CzFinding) (nullable): the findings now; NULL or
 *   empty drops those of @source
 *
 * Adds findings a separate checker made (evidence inspection reads files, so
 * it runs elsewhere and hands its results here) to the model, the counts and
 * has-blockers, replacing what @source gave before. A finding that stays is
 * the same object; only what changed is signalled.
 */
void
cz_validator_set_external_findings (CzValidator *self,
                                    const char  *source,
                                    GPtrArray   *findings)
{
  External *external;
  CountSnapshot before;

  g_return_if_fail (CZ_IS_VALIDATOR (self));
  g_return_if_fail (source != NULL);

  external = g_hash_table_lookup (self->external, source);
  if (external == NULL)
    {
      if (findings == NULL || findings->len == 0)
        return;
      external = g_new0 (External, 1);
      external->findings = g_ptr_array_new_with_free_func (g_object_unref);
      external->entries = g_ptr_array_new ();
      g_hash_table_insert (self->external, g_strdup (source), external);
    }

  g_ptr_array_set_size (external->findings, 0);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      g_return_if_fail (CZ_IS_FINDING (findings->pdata[i]));
      g_ptr_array_add (external->findings, g_object_ref (findings->pdata[i]));
    }

  memcpy (before.counts, self->counts, sizeof self->counts);
  apply_entries (self, &external->entries, external_entries (external->findings));
  finish_update (self, &before);
}

guint
cz_validator_get_evaluation_count (CzValidator *self,
                                   const char  *rule_id)
{
  guint total = 0;

  g_return_val_if_fail (CZ_IS_VALIDATOR (self), 0);

  for (guint r = 0; r < cz_rules_get_n_rules (self->rules); r++)
    if (rule_id == NULL || g_str_equal (rule_id, cz_rule_get_id (cz_rules_get_rule (self->rules, r))))
      total += self->evaluations[r];
  return total;
}
