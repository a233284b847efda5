/* cz-rule-checks.c — the checks a rules pack can name, one function each
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each check reads the dossier and the pack and emits findings; it keeps no
 * state and never writes. The engine that keeps the findings model is in
 * cz-validator.c, which calls cz_rule_check_evaluate() and nothing else.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-divisions.h"
#include "cz-money.h"
#include "cz-number.h"
#include "cz-plan-target.h"
#include "cz-rules-private.h"
#include "cz-validator-private.h"

typedef struct
{
  CzDossier    *dossier;
  CzRules      *rules;
  const CzRule *rule;
  const char   *language;
  GPtrArray    *out;  /* of CzValidatorEntry*, owned */
  const char   *only_field;  /* a per-field rule evaluated for this field alone */
  guint         n_checked;   /* fields a per-field rule looked at */
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
        replacement = owned = g_strdup_printf ("%u", cz_rules_get_year (ev->rules));
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
  CzValidatorEntry *entry = g_new0 (CzValidatorEntry, 1);
  const char * const *fields = cz_rule_get_fields (ev->rule);
  g_autofree char *message = render_message (ev, field_id, subst ? subst : &empty);
  g_autofree char *citation = cz_rule_dup_citation (ev->rule);
  CzStep step = field_id ? cz_field_get_step (field_id) : ev->rule->step;

  /* The same finding twice (two incidents described alike) is shown once. */
  for (guint i = 0; i < ev->out->len; i++)
    {
      CzFinding *other = ((CzValidatorEntry *) ev->out->pdata[i])->finding;

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
  CzValue *value = field_id ? cz_dossier_get_value (ev->dossier, field_id) : NULL;

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
      CzValue *value = cz_dossier_get_value (ev->dossier, fields[i]);
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

      if (division != NULL && cz_rules_region_is_relaxed (ev->rules, cz_division_get_region (division)))
        relaxation = cz_rules_get_relaxation (ev->rules, ev->language);
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

/* A count or an amount as its rule message shows it. */
static gboolean
figure_of (Eval        *ev,
           const char  *field_id,
           gint64      *figure,
           CzFieldKind *kind)
{
  CzValue *value = field_id ? cz_dossier_get_value (ev->dossier, field_id) : NULL;

  if (value == NULL)
    return FALSE;
  *kind = cz_value_get_kind (value);
  if (*kind == CZ_FIELD_KIND_INTEGER)
    *figure = cz_value_get_integer (value);
  else if (*kind == CZ_FIELD_KIND_MONEY)
    *figure = cz_value_get_money (value);
  else
    return FALSE;
  return TRUE;
}

static char *
format_figure (gint64      figure,
               CzFieldKind kind)
{
  if (kind == CZ_FIELD_KIND_MONEY)
    return cz_money_format (figure, CZ_MONEY_UNIT_WAN);
  return g_strdup_printf ("%" G_GINT64_FORMAT, figure);
}

static void
check_not_greater (Eval *ev)
{
  const CzRule *rule = ev->rule;

  /* Counts with counts, amounts with amounts: a pair of different kinds is
   * no comparison and says nothing. */
  for (guint i = 0; rule->field_a[i] && rule->field_b[i]; i++)
    {
      gint64 lesser, greater;
      CzFieldKind lesser_kind, greater_kind;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      Subst subst = { NULL };

      if (!figure_of (ev, rule->field_a[i], &lesser, &lesser_kind) ||
          !figure_of (ev, rule->field_b[i], &greater, &greater_kind) ||
          lesser_kind != greater_kind || lesser <= greater)
        continue;
      a = format_figure (lesser, lesser_kind);
      b = format_figure (greater, greater_kind);
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

  if (value == NULL || cz_value_get_integer (value) == cz_rules_get_year (ev->rules))
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
    n = cz_rules_get_quota_separately_planned_city (ev->rules);
  else
    n = cz_rules_get_quota_province (ev->rules);
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

  cz_fields_get_complete_years (cz_rules_get_year (ev->rules), years);
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
  guint first_year = cz_rules_get_year (ev->rules) - 3;
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
      CzValue *value;
      g_autofree char *message = NULL;
      Subst subst = { NULL };

      if (ev->only_field != NULL && !g_str_equal (fields[i], ev->only_field))
        continue;
      ev->n_checked++;
      value = cz_dossier_get_value (ev->dossier, fields[i]);
      if (!value_is_answered (value))
        continue;
      message = cz_field_check (fields[i], value);
      if (message == NULL)
        continue;
      subst.detail = message;
      emit (ev, fields[i], &subst);
    }
}

/* The plan-target table row by row: each problem names its row and column. */
static void
check_plan_targets (Eval *ev)
{
  const char *field_id = cz_rule_get_fields (ev->rule)[0];
  g_autoptr(GPtrArray) targets = cz_plan_targets_from_dossier (ev->dossier);
  g_autoptr(GPtrArray) problems = NULL;
  gint64 call_year = cz_rules_get_year (ev->rules);
  guint first, last;

  if (targets->len == 0 && cz_dossier_get_value (ev->dossier, CZ_FIELD_PLAN_FIRST_YEAR) == NULL &&
      cz_dossier_get_value (ev->dossier, CZ_FIELD_PLAN_LAST_YEAR) == NULL)
    return;
  cz_dossier_get_integer (ev->dossier, CZ_FIELD_APPLICATION_YEAR, &call_year);
  cz_plan_get_period (ev->dossier, (guint) call_year, &first, &last);
  problems = cz_plan_targets_check (targets, first, last);
  for (guint i = 0; i < problems->len; i++)
    {
      CzPlanTargetProblem *problem = problems->pdata[i];
      Subst subst = { NULL };

      subst.detail = problem->message;
      emit (ev, problem->row == 0 ? CZ_FIELD_PLAN_LAST_YEAR : field_id, &subst);
    }
}

/* The indicators the pack names each have a target; a dossier from before the
 * table keeps its count and is asked to fill the table. */
static void
check_plan_targets_named (Eval *ev)
{
  const char * const *fields = cz_rule_get_fields (ev->rule);
  g_autoptr(GPtrArray) targets = cz_plan_targets_from_dossier (ev->dossier);
  g_auto(GStrv) named = g_strsplit (ev->rule->text ? ev->rule->text : "", ",", -1);
  g_autofree char *detail = NULL;
  Subst subst = { NULL };
  gint64 count;

  if (targets->len == 0)
    {
      if (cz_dossier_get_integer (ev->dossier, fields[1], &count) && count > 0)
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "the plan’s %d quantified target is counted but not listed: enter it in the table (indicator, unit, baseline, target); the count is used until then",
                                               "the plan’s %d quantified targets are counted but not listed: enter them in the table (indicator, unit, baseline, target); the count is used until then",
                                               (gulong) count),
                                  (int) MIN (count, G_MAXINT));
      else
        detail = g_strdup (_("enter the five-year plan’s quantified targets in the table (indicator, unit, baseline, target)"));
      subst.detail = detail;
      emit (ev, fields[0], &subst);
      return;
    }

  for (guint n = 0; named[n] != NULL; n++)
    {
      const char *id = g_strstrip (named[n]);
      const char *title = NULL;
      gboolean found = FALSE;

      if (*id == '\0')
        continue;
      for (guint i = 0; i < targets->len && !found; i++)
        found = g_strcmp0 (((CzPlanTarget *) targets->pdata[i])->indicator_id, id) == 0;
      if (found)
        continue;
      cz_plan_indicator_lookup (id, &title, NULL);
      g_free (detail);
      /* Translators: %s is an indicator such as “SMEs in the zone” */
      detail = g_strdup_printf (_("add a target for “%s”, which the rules pack asks every plan to quantify"), title ? title : id);
      subst.detail = detail;
      emit (ev, fields[0], &subst);
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
  [CZ_CHECK_PLAN_TARGETS]       = check_plan_targets,
  [CZ_CHECK_PLAN_TARGETS_NAMED] = check_plan_targets_named,
};

/**
 * cz_rule_check_evaluate:
 * @rule: the rule to evaluate
 * @dossier: what it reads
 * @rules: the pack @rule belongs to (its year, quotas, relaxed regions)
 * @language: "zh" or "en", for the messages
 *
 * Returns: (transfer container) (element-type CzValidatorEntry): the rule's
 *   findings now, each with what orders it in the model; free the entries
 *   with cz_validator_entry_free()
 */
GPtrArray *
cz_rule_check_evaluate (const CzRule *rule,
                        CzDossier    *dossier,
                        CzRules      *rules,
                        const char   *language)
{
  return cz_rule_check_evaluate_field (rule, NULL, dossier, rules, language, NULL);
}

/**
 * cz_rule_check_is_per_field:
 *
 * Whether each of the rule's fields is judged on its own (an input check):
 * a change to one field then needs that field evaluated, not the others.
 */
gboolean
cz_rule_check_is_per_field (const CzRule *rule)
{
  return rule->check == CZ_CHECK_VALID_INPUT;
}

/**
 * cz_rule_check_evaluate_field:
 * @field_id: (nullable): for a per-field rule, the one field to evaluate;
 *   %NULL for all of them
 * @out_n_checked: (out) (optional): how many fields a per-field rule looked at
 *
 * As cz_rule_check_evaluate(), for one field of a per-field rule.
 */
GPtrArray *
cz_rule_check_evaluate_field (const CzRule *rule,
                              const char   *field_id,
                              CzDossier    *dossier,
                              CzRules      *rules,
                              const char   *language,
                              guint        *out_n_checked)
{
  Eval ev = { dossier, rules, rule, language, g_ptr_array_new (), NULL, 0 };

  g_return_val_if_fail ((guint) rule->check < CZ_N_CHECKS, ev.out);
  g_return_val_if_fail (field_id == NULL || cz_rule_check_is_per_field (rule), ev.out);

  ev.only_field = field_id;
  check_funcs[rule->check] (&ev);
  if (out_n_checked != NULL)
    *out_n_checked = ev.n_checked;
  return ev.out;
}
