/* cz-plan-target.c
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cz-fields.h"
#include "cz-number.h"
#include "cz-plan-target.h"

static const struct
{
  const char *id;
  const char *title;
  const char *unit;
} indicators[] = {
  /* Translators: a quantified target of the zone's five-year plan */
  { "revenue",     N_("Total operating revenue of the zone’s enterprises"), N_("100 million yuan") },
  { "enterprises", N_("Enterprises in the zone"),                           N_("enterprises") },
  { "sme",         N_("SMEs in the zone"),                                  N_("enterprises") },
  { "innovation",  N_("High-tech enterprises"),                             N_("enterprises") },
  { "cooperation", N_("International cooperation platforms"),               N_("platforms") },
};

guint
cz_plan_indicator_get_n (void)
{
  return G_N_ELEMENTS (indicators);
}

const char *
cz_plan_indicator_get_id (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (indicators), NULL);
  return indicators[index].id;
}

gboolean
cz_plan_indicator_lookup (const char  *id,
                          const char **out_title,
                          const char **out_unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    if (g_strcmp0 (id, indicators[i].id) == 0)
      {
        if (out_title != NULL)
          *out_title = _(indicators[i].title);
        if (out_unit != NULL)
          *out_unit = _(indicators[i].unit);
        return TRUE;
      }
  return FALSE;
}

void
cz_plan_target_free (CzPlanTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->indicator_id);
  g_free (target->indicator);
  g_free (target->unit);
  g_free (target);
}

CzPlanTarget *
cz_plan_target_copy (const CzPlanTarget *target)
{
  CzPlanTarget *copy = g_memdup2 (target, sizeof *target);

  copy->indicator_id = g_strdup (target->indicator_id);
  copy->indicator = g_strdup (target->indicator);
  copy->unit = g_strdup (target->unit);
  return copy;
}

void
cz_plan_target_problem_free (CzPlanTargetProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->member);
  g_free (problem->message);
  g_free (problem);
}

static char *
lookup_text (GVariant   *record,
             const char *member)
{
  const char *text = NULL;

  if (!g_variant_lookup (record, member, "&s", &text))
    return g_strdup ("");
  return g_strstrip (g_strdup (text));
}

static guint
lookup_year (GVariant   *record,
             const char *member)
{
  gint64 year = 0;
  const char *text = NULL;
  guint64 parsed;

  if (g_variant_lookup (record, member, "x", &year))
    return year > 0 && year <= 9999 ? (guint) year : 0;
  if (g_variant_lookup (record, member, "&s", &text) &&
      g_ascii_string_to_unsigned (text, 10, 1, 9999, &parsed, NULL))
    return (guint) parsed;
  return 0;
}

static gboolean
lookup_value (GVariant   *record,
              const char *member,
              gint64     *out)
{
  const char *text = NULL;
  gint64 integer;

  if (g_variant_lookup (record, member, "x", &integer))
    {
      if (integer > G_MAXINT64 / 10000 || integer < G_MININT64 / 10000)
        return FALSE;
      *out = integer * 10000;
      return TRUE;
    }
  return g_variant_lookup (record, member, "&s", &text) &&
         cz_parse_scaled_decimal (text, CZ_PLAN_VALUE_SCALE, out);
}

GPtrArray *
cz_plan_targets_from_dossier (CzDossier *dossier)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_plan_target_free);
  CzValue *value;
  GVariant *records;

  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), targets);

  value = cz_dossier_get_value (dossier, CZ_FIELD_PLAN_TARGETS);
  if (value == NULL || cz_value_get_kind (value) != CZ_FIELD_KIND_RECORDS)
    return targets;

  records = cz_value_get_records (value);
  for (gsize i = 0; i < g_variant_n_children (records); i++)
    {
      g_autoptr(GVariant) record = g_variant_get_child_value (records, i);
      CzPlanTarget *target = g_new0 (CzPlanTarget, 1);

      target->indicator_id = lookup_text (record, "indicator_id");
      target->indicator = lookup_text (record, "indicator");
      target->unit = lookup_text (record, "unit");
      target->baseline_year = lookup_year (record, "baseline_year");
      target->target_year = lookup_year (record, "target_year");
      target->has_baseline_value = lookup_value (record, "baseline_value", &target->baseline_value);
      target->has_target_value = lookup_value (record, "target_value", &target->target_value);
      g_ptr_array_add (targets, target);
    }
  return targets;
}

GVariant *
cz_plan_targets_to_records (GPtrArray *targets)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < targets->len; i++)
    {
      const CzPlanTarget *target = targets->pdata[i];
      GVariantBuilder record;

      g_variant_builder_init (&record, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&record, "{sv}", "indicator_id", g_variant_new_string (target->indicator_id ? target->indicator_id : ""));
      g_variant_builder_add (&record, "{sv}", "indicator", g_variant_new_string (target->indicator ? target->indicator : ""));
      g_variant_builder_add (&record, "{sv}", "unit", g_variant_new_string (target->unit ? target->unit : ""));
      if (target->baseline_year != 0)
        g_variant_builder_add (&record, "{sv}", "baseline_year", g_variant_new_int64 (target->baseline_year));
      if (target->has_baseline_value)
        {
          g_autofree char *text = cz_format_scaled_decimal (target->baseline_value, CZ_PLAN_VALUE_SCALE);
          g_variant_builder_add (&record, "{sv}", "baseline_value", g_variant_new_string (text));
        }
      if (target->target_year != 0)
        g_variant_builder_add (&record, "{sv}", "target_year", g_variant_new_int64 (target->target_year));
      if (target->has_target_value)
        {
          g_autofree char *text = cz_format_scaled_decimal (target->target_value, CZ_PLAN_VALUE_SCALE);
          g_variant_builder_add (&record, "{sv}", "target_value", g_variant_new_string (text));
        }
      g_variant_builder_add_value (&builder, g_variant_builder_end (&record));
    }
  return g_variant_builder_end (&builder);
}

void
cz_plan_targets_store (CzDossier *dossier,
                       GPtrArray *targets)
{
  g_autoptr(CzValue) value = NULL;

  g_return_if_fail (CZ_IS_DOSSIER (dossier));

  value = cz_value_new_records (cz_plan_targets_to_records (targets));
  cz_dossier_set_value (dossier, CZ_FIELD_PLAN_TARGETS, value);
}

void
cz_plan_get_period (CzDossier *dossier,
                    guint      call_year,
                    guint     *out_first_year,
                    guint     *out_last_year)
{
  gint64 first = call_year;
  gint64 last;

  if (!cz_dossier_get_integer (dossier, CZ_FIELD_PLAN_FIRST_YEAR, &first) || first <= 0 || first > 9999)
    first = call_year;
  if (!cz_dossier_get_integer (dossier, CZ_FIELD_PLAN_LAST_YEAR, &last) || last <= 0 || last > 9999)
    last = first + CZ_PLAN_YEARS - 1;
  *out_first_year = (guint) first;
  *out_last_year = (guint) last;
}

static void
add_problem (GPtrArray  *problems,
             guint       row,
             const char *member,
             char       *message)
{
  CzPlanTargetProblem *problem = g_new0 (CzPlanTargetProblem, 1);

  problem->row = row;
  problem->member = g_strdup (member);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static const char *
target_name (const CzPlanTarget *target)
{
  const char *title = NULL;

  if (target->indicator != NULL && *target->indicator != '\0')
    return target->indicator;
  if (cz_plan_indicator_lookup (target->indicator_id, &title, NULL))
    return title;
  return "";
}

GPtrArray *
cz_plan_targets_check (GPtrArray *targets,
                       guint      first_year,
                       guint      last_year)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_plan_target_problem_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (last_year < first_year)
    add_problem (problems, 0, NULL,
                 /* Translators: %1$u and %2$u are years */
                 g_strdup_printf (_("Plan period: the last year %2$u is before the first year %1$u. Enter the years the five-year plan covers."),
                                  first_year, last_year));

  for (guint i = 0; i < targets->len; i++)
    {
      const CzPlanTarget *target = targets->pdata[i];
      guint row = i + 1;
      const char *name = target_name (target);

      if (*name == '\0')
        /* Translators: %u is a row number of the plan-target table */
        add_problem (problems, row, "indicator",
                     g_strdup_printf (_("Plan targets, row %u: name the indicator the target measures."), row));
      else if (!g_hash_table_add (seen, (gpointer) name))
        add_problem (problems, row, "indicator",
                     /* Translators: %1$u is a row number, %2$s an indicator */
                     g_strdup_printf (_("Plan targets, row %1$u: “%2$s” is listed twice. Keep one row per indicator."), row, name));

      if (target->unit == NULL || *target->unit == '\0')
        add_problem (problems, row, "unit",
                     g_strdup_printf (_("Plan targets, row %u: give the unit the values are in (亿元, 家, 项 …)."), row));
      if (target->baseline_year == 0 || !target->has_baseline_value)
        add_problem (problems, row, target->baseline_year == 0 ? "baseline_year" : "baseline_value",
                     g_strdup_printf (_("Plan targets, row %u: give the baseline year and its value as a number."), row));
      if (target->target_year == 0 || !target->has_target_value)
        add_problem (problems, row, target->target_year == 0 ? "target_year" : "target_value",
                     g_strdup_printf (_("Plan targets, row %u: give the target year and the target value as a number."), row));

      if (target->target_year != 0 && last_year >= first_year &&
          (target->target_year < first_year || target->target_year > last_year))
        add_problem (problems, row, "target_year",
                     /* Translators: %1$u is a row number, %2$u a year, %3$u–%4$u the plan's years */
                     g_strdup_printf (_("Plan targets, row %1$u: the target year %2$u is outside the plan (%3$u–%4$u). Enter a year the plan covers."),
                                      row, target->target_year, first_year, last_year));
      if (target->baseline_year != 0 && target->target_year != 0 &&
          target->baseline_year >= target->target_year)
        add_problem (problems, row, "baseline_year",
                     /* Translators: %1$u is a row number, %2$u and %3$u years */
                     g_strdup_printf (_("Plan targets, row %1$u: the baseline year %2$u must be before the target year %3$u."),
                                      row, target->baseline_year, target->target_year));
    }
  return problems;
}

gboolean
cz_plan_target_is_complete (const CzPlanTarget *target,
                            guint               first_year,
                            guint               last_year)
{
  return *target_name (target) != '\0' &&
         target->unit != NULL && *target->unit != '\0' &&
         target->baseline_year != 0 && target->has_baseline_value &&
         target->target_year != 0 && target->has_target_value &&
         target->target_year >= first_year && target->target_year <= last_year &&
         target->baseline_year < target->target_year;
}

gboolean
cz_plan_target_progress (const CzPlanTarget *target,
                         gint64              value,
                         gint64             *out_permille)
{
  __int128 span = (__int128) target->target_value - target->baseline_value;
  __int128 done = (__int128) value - target->baseline_value;
  __int128 permille;

  if (span == 0)
    return FALSE;
  permille = done * 1000 / span;
  *out_permille = permille > G_MAXINT32 ? G_MAXINT32 : permille < G_MININT32 ? G_MININT32 : (gint64) permille;
  return TRUE;
}

char *
cz_plan_format_value (gint64      value,
                      const char *unit)
{
  g_autofree char *number = cz_format_scaled_decimal (value, CZ_PLAN_VALUE_SCALE);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s %s", number, unit);
}
