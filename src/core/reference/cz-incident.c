/* cz-incident.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cz-enum.h"
#include "cz-incident.h"
#include "cz-money.h"

#define WAN_YUAN(n) (G_GINT64_CONSTANT (n) * CZ_FEN_PER_WAN)
#define YI_YUAN(n)  (G_GINT64_CONSTANT (n) * CZ_FEN_PER_YI)
#define UNKNOWN     (-1)

/* Lower bounds of 较大, 重大 and 特别重大 for one figure. UNKNOWN marks a bound
 * nobody has told us; @provisional marks a bound from a draft or our own reading. */
typedef struct
{
  CzIncidentCriterion criterion;
  gint64 bounds[3];
  gboolean provisional[3];
  /* The least figure that makes it a 一般 accident at all (construction quality
   * starts at one death, one injury or 100万元); 0 elsewhere. */
  gint64 general_floor;
} Threshold;

/* The ids ("production-safety", …) are the nicks of CZ_TYPE_INCIDENT_TYPE. */
typedef struct
{
  const char *name_zh;
  CzIncidentGrade disqualifying;
  Threshold thresholds[4];
} TypeRule;

#define N_LEVELS 3

G_DEFINE_ENUM_TYPE (CzIncidentType, cz_incident_type,
  G_DEFINE_ENUM_VALUE (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY, "production-safety"),
  G_DEFINE_ENUM_VALUE (CZ_INCIDENT_TYPE_ENVIRONMENTAL, "environmental"),
  G_DEFINE_ENUM_VALUE (CZ_INCIDENT_TYPE_CONSTRUCTION_QUALITY, "construction-quality"),
  G_DEFINE_ENUM_VALUE (CZ_INCIDENT_TYPE_OTHER_QUALITY, "other-quality"),
  G_DEFINE_ENUM_VALUE (CZ_INCIDENT_TYPE_NETWORK_SECURITY, "network-security"),
  G_DEFINE_ENUM_VALUE (CZ_INCIDENT_TYPE_DATA_SECURITY, "data-security"))

static const TypeRule rules[CZ_INCIDENT_N_TYPES] = {
  /* 《生产安全事故报告和调查处理条例》 (国务院令第493号), art. 3. */
  [CZ_INCIDENT_TYPE_PRODUCTION_SAFETY] = {
    "生产安全事故", CZ_INCIDENT_GRADE_MAJOR, {
      { CZ_INCIDENT_CRITERION_DEATHS, { 3, 10, 30 }, { 0 }, 0 },
      { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, { 10, 50, 100 }, { 0 }, 0 },
      { CZ_INCIDENT_CRITERION_DIRECT_LOSS, { WAN_YUAN (1000), WAN_YUAN (5000), YI_YUAN (1) }, { 0 }, 0 },
    },
  },
  /* 国家突发环境事件应急预案 (2014), annex 1. */
  [CZ_INCIDENT_TYPE_ENVIRONMENTAL] = {
    "突发环境事件", CZ_INCIDENT_GRADE_LARGER, {
      { CZ_INCIDENT_CRITERION_DEATHS, { 3, 10, 30 }, { 0 }, 0 },
      { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, { 10, 50, 100 }, { 0 }, 0 },
      { CZ_INCIDENT_CRITERION_EVACUATED, { 5000, 10000, 50000 }, { 0 }, 0 },
      { CZ_INCIDENT_CRITERION_DIRECT_LOSS, { WAN_YUAN (500), WAN_YUAN (2000), YI_YUAN (1) }, { 0 }, 0 },
    },
  },
  /* 建质〔2010〕111号. */
  [CZ_INCIDENT_TYPE_CONSTRUCTION_QUALITY] = {
    "工程质量事故", CZ_INCIDENT_GRADE_LARGER, {
      { CZ_INCIDENT_CRITERION_DEATHS, { 3, 10, 30 }, { 0 }, 1 },
      { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, { 10, 50, 100 }, { 0 }, 1 },
      { CZ_INCIDENT_CRITERION_DIRECT_LOSS, { WAN_YUAN (1000), WAN_YUAN (5000), YI_YUAN (1) }, { 0 }, WAN_YUAN (100) },
    },
  },
  /* No national grading exists: the user states the grade and its basis. */
  [CZ_INCIDENT_TYPE_OTHER_QUALITY] = {
    "其他质量事故", CZ_INCIDENT_GRADE_LARGER, { { 0 } },
  },
  /* 国家网络安全事件报告管理办法 (2025-11-01) for leaked personal information;
   * the direct-loss bounds are those of the 2023 draft. */
  [CZ_INCIDENT_TYPE_NETWORK_SECURITY] = {
    "网络安全事件", CZ_INCIDENT_GRADE_MAJOR, {
      { CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION, { 1000000, 10000000, 100000000 }, { 0 }, 0 },
      { CZ_INCIDENT_CRITERION_DIRECT_LOSS, { WAN_YUAN (500), WAN_YUAN (2000), YI_YUAN (1) }, { TRUE, TRUE, TRUE }, 0 },
    },
  },
  /* 工业和信息化领域数据安全事件应急预案 (2024): 重大 as stated; 特别重大 is our
   * reading ("above those"); the 较大 bounds are not known to us. */
  [CZ_INCIDENT_TYPE_DATA_SECURITY] = {
    "数据安全事件", CZ_INCIDENT_GRADE_MAJOR, {
      { CZ_INCIDENT_CRITERION_DIRECT_LOSS, { UNKNOWN, YI_YUAN (1), YI_YUAN (10) }, { TRUE, FALSE, TRUE }, 0 },
      { CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION, { UNKNOWN, 10000000, 100000000 }, { TRUE, FALSE, TRUE }, 0 },
      { CZ_INCIDENT_CRITERION_SENSITIVE_PERSONAL_INFORMATION, { UNKNOWN, 1000000, 10000000 }, { TRUE, FALSE, TRUE }, 0 },
    },
  },
};

static gboolean
type_is_valid (CzIncidentType type)
{
  return (guint) type < CZ_INCIDENT_N_TYPES;
}

const char *
cz_incident_type_to_id (CzIncidentType type)
{
  g_return_val_if_fail (type_is_valid (type), NULL);

  return cz_enum_get_nick (CZ_TYPE_INCIDENT_TYPE, type);
}

gboolean
cz_incident_type_from_id (const char     *id,
                          CzIncidentType *out_type)
{
  int value;

  g_return_val_if_fail (out_type != NULL, FALSE);

  if (!cz_enum_from_nick (CZ_TYPE_INCIDENT_TYPE, id, &value))
    return FALSE;
  *out_type = (CzIncidentType) value;
  return TRUE;
}

const char *
cz_incident_type_get_name_zh (CzIncidentType type)
{
  g_return_val_if_fail (type_is_valid (type), NULL);

  return rules[type].name_zh;
}

const char *
cz_incident_grade_get_name_zh (CzIncidentGrade grade)
{
  switch (grade)
    {
    case CZ_INCIDENT_GRADE_GENERAL:
      return "一般";
    case CZ_INCIDENT_GRADE_LARGER:
      return "较大";
    case CZ_INCIDENT_GRADE_MAJOR:
      return "重大";
    case CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR:
      return "特别重大";
    case CZ_INCIDENT_GRADE_NONE:
    default:
      return "";
    }
}

CzIncidentGrade
cz_incident_type_get_disqualifying_grade (CzIncidentType type)
{
  g_return_val_if_fail (type_is_valid (type), CZ_INCIDENT_GRADE_LARGER);

  return rules[type].disqualifying;
}

static gint64
figure_for (const CzIncidentFigures *figures,
            CzIncidentCriterion      criterion)
{
  switch (criterion)
    {
    case CZ_INCIDENT_CRITERION_DEATHS:
      return figures->deaths;
    case CZ_INCIDENT_CRITERION_SERIOUS_INJURIES:
      return figures->serious_injuries;
    case CZ_INCIDENT_CRITERION_DIRECT_LOSS:
      return figures->direct_loss_fen;
    case CZ_INCIDENT_CRITERION_EVACUATED:
      return figures->evacuated;
    case CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION:
      return figures->personal_information;
    case CZ_INCIDENT_CRITERION_SENSITIVE_PERSONAL_INFORMATION:
      return figures->sensitive_information;
    case CZ_INCIDENT_CRITERION_NONE:
    case CZ_INCIDENT_CRITERION_STATED:
    default:
      return -1;
    }
}

static const Threshold *
find_threshold (CzIncidentType      type,
                CzIncidentCriterion criterion)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules[type].thresholds); i++)
    {
      if (rules[type].thresholds[i].criterion == criterion
          && criterion != CZ_INCIDENT_CRITERION_NONE)
        return &rules[type].thresholds[i];
    }

  return NULL;
}

/* The level (0 = 较大 … 2 = 特别重大) @value reaches, or -1 below 较大. */
static int
level_reached (const Threshold *threshold,
               gint64           value)
{
  for (int level = N_LEVELS - 1; level >= 0; level--)
    {
      if (threshold->bounds[level] != UNKNOWN && value >= threshold->bounds[level])
        return level;
    }

  return -1;
}

static CzIncidentGrade
grade_for (const Threshold *threshold,
           gint64           value,
           gboolean        *out_provisional)
{
  int level = level_reached (threshold, value);
  int next = level + 1;

  if (level < 0 && value < threshold->general_floor)
    {
      *out_provisional = FALSE;
      return CZ_INCIDENT_GRADE_NONE;
    }

  /* The grade is only as sure as both ends of the bracket the figure fell in. */
  *out_provisional = (level >= 0 && threshold->provisional[level])
                     || (next < N_LEVELS
                         && (threshold->provisional[next] || threshold->bounds[next] == UNKNOWN));

  return level < 0 ? CZ_INCIDENT_GRADE_GENERAL : CZ_INCIDENT_GRADE_LARGER + level;
}

void
cz_incident_assess (CzIncidentType            type,
                    const CzIncidentFigures  *figures,
                    CzIncidentGrade           stated_grade,
                    CzIncidentAssessment     *out_assessment)
{
  CzIncidentAssessment result = {
    CZ_INCIDENT_GRADE_NONE, CZ_INCIDENT_CRITERION_NONE, -1, FALSE, FALSE,
  };

  g_return_if_fail (type_is_valid (type));
  g_return_if_fail (figures != NULL);
  g_return_if_fail (out_assessment != NULL);
  g_return_if_fail (stated_grade <= CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR);

  for (guint i = 0; i < G_N_ELEMENTS (rules[type].thresholds); i++)
    {
      const Threshold *threshold = &rules[type].thresholds[i];
      gint64 value = figure_for (figures, threshold->criterion);
      gboolean provisional = FALSE;
      CzIncidentGrade grade;

      if (threshold->criterion == CZ_INCIDENT_CRITERION_NONE || value < 0)
        continue;

      grade = grade_for (threshold, value, &provisional);
      result.provisional |= provisional;

      /* Ties go to the first criterion in the rule's order. */
      if (result.criterion == CZ_INCIDENT_CRITERION_NONE || grade > result.grade)
        {
          result.grade = grade;
          result.criterion = threshold->criterion;
          result.value = value;
        }
    }

  if (stated_grade > result.grade)
    {
      result.grade = stated_grade;
      result.criterion = CZ_INCIDENT_CRITERION_STATED;
      result.value = -1;
    }

  result.disqualifying = result.grade != CZ_INCIDENT_GRADE_NONE
                         && result.grade >= rules[type].disqualifying;

  *out_assessment = result;
}

/* Bounds read best in the units the rules use: "5000万元", "1亿元", "100万". */
static char *
format_amount (CzIncidentCriterion criterion,
               gint64              value)
{
  if (criterion == CZ_INCIDENT_CRITERION_DIRECT_LOSS)
    {
      if (value != 0 && value % CZ_FEN_PER_YI == 0)
        return g_strdup_printf ("%" G_GINT64_FORMAT "亿元", value / CZ_FEN_PER_YI);
      if (value % CZ_FEN_PER_WAN == 0)
        return g_strdup_printf ("%" G_GINT64_FORMAT "万元", value / CZ_FEN_PER_WAN);
      return cz_money_format (value, CZ_MONEY_UNIT_WAN);
    }

  if (value >= 100000000 && value % 100000000 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "亿", value / 100000000);
  if (value >= 1000000 && value % 10000 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "万", value / 10000);
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static char *
describe_figure (CzIncidentType      type,
                 CzIncidentCriterion criterion,
                 gint64              value)
{
  g_autofree char *amount = format_amount (criterion, value);
  gulong n = (gulong) CLAMP (value, 0, (gint64) G_MAXLONG);

  switch (criterion)
    {
    case CZ_INCIDENT_CRITERION_DEATHS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s death", "%s deaths", n), amount);
    case CZ_INCIDENT_CRITERION_SERIOUS_INJURIES:
      if (type == CZ_INCIDENT_TYPE_ENVIRONMENTAL)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s person poisoned or seriously injured",
                                             "%s people poisoned or seriously injured", n),
                                amount);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s serious injury", "%s serious injuries", n), amount);
    case CZ_INCIDENT_CRITERION_DIRECT_LOSS:
      return g_strdup_printf (_("A direct loss of %s"), amount);
    case CZ_INCIDENT_CRITERION_EVACUATED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person evacuated", "%s people evacuated", n), amount);
    case CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Personal information of %s person leaked",
                                           "Personal information of %s people leaked", n),
                              amount);
    case CZ_INCIDENT_CRITERION_SENSITIVE_PERSONAL_INFORMATION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Sensitive personal information of %s person leaked",
                                           "Sensitive personal information of %s people leaked", n),
                              amount);
    case CZ_INCIDENT_CRITERION_NONE:
    case CZ_INCIDENT_CRITERION_STATED:
    default:
      return g_strdup ("");
    }
}

/* The bracket [@lower, @upper) as "10–29", "5000万元 to under 1亿元",
 * "at least 30" or "below 3". */
static char *
describe_range (CzIncidentCriterion criterion,
                gint64              lower,
                gint64              upper)
{
  g_autofree char *lower_text = lower > 0 ? format_amount (criterion, lower) : NULL;
  g_autofree char *upper_text = NULL;
  gboolean counted = criterion == CZ_INCIDENT_CRITERION_DEATHS
                     || criterion == CZ_INCIDENT_CRITERION_SERIOUS_INJURIES
                     || criterion == CZ_INCIDENT_CRITERION_EVACUATED;

  if (upper == UNKNOWN)
    return g_strdup_printf (_("at least %s"), lower_text);

  /* Small head counts read naturally as inclusive ranges ("10–29"). */
  upper_text = format_amount (criterion, counted ? upper - 1 : upper);

  if (lower_text == NULL)
    {
      g_clear_pointer (&upper_text, g_free);
      upper_text = format_amount (criterion, upper);
      return g_strdup_printf (_("below %s"), upper_text);
    }

  if (counted)
    return g_strdup_printf (_("%s–%s"), lower_text, upper_text);
  return g_strdup_printf (_("%s to under %s"), lower_text, upper_text);
}

char *
cz_incident_assessment_describe (CzIncidentType               type,
                                 const CzIncidentAssessment  *assessment)
{
  const Threshold *threshold;
  g_autofree char *figure = NULL;
  g_autofree char *range = NULL;
  g_autofree char *sentence = NULL;
  int level;

  g_return_val_if_fail (type_is_valid (type), NULL);
  g_return_val_if_fail (assessment != NULL, NULL);

  if (assessment->criterion == CZ_INCIDENT_CRITERION_STATED)
    {
      sentence = g_strdup_printf (_("Graded %s as stated, on the basis the user gave"),
                                  cz_incident_grade_get_name_zh (assessment->grade));
    }
  else if ((threshold = find_threshold (type, assessment->criterion)) == NULL
           || assessment->value < 0)
    {
      return g_strdup (_("No figures given and no grade stated: the grade cannot be determined"));
    }
  else
    {
      figure = describe_figure (type, assessment->criterion, assessment->value);
      level = level_reached (threshold, assessment->value);

      if (assessment->grade == CZ_INCIDENT_GRADE_NONE)
        {
          g_autofree char *floor = format_amount (assessment->criterion, threshold->general_floor);

          /* Translators: "%s is below 一般 (at least 1): not an accident of this kind" */
          sentence = g_strdup_printf (_("%s is below %s (at least %s): not graded as an accident of this kind"),
                                      figure, cz_incident_grade_get_name_zh (CZ_INCIDENT_GRADE_GENERAL), floor);
        }
      else if (level < 0 && threshold->bounds[0] == UNKNOWN)
        {
          g_autofree char *major = format_amount (assessment->criterion, threshold->bounds[1]);

          sentence = g_strdup_printf (_("%s is below %s (at least %s); the thresholds of %s are not confirmed, so it is graded %s unless the authorities graded it higher"),
                                      figure,
                                      cz_incident_grade_get_name_zh (CZ_INCIDENT_GRADE_MAJOR), major,
                                      cz_incident_grade_get_name_zh (CZ_INCIDENT_GRADE_LARGER),
                                      cz_incident_grade_get_name_zh (CZ_INCIDENT_GRADE_GENERAL));
        }
      else
        {
          gint64 lower = level < 0 ? threshold->general_floor : threshold->bounds[level];
          gint64 upper = level + 1 < N_LEVELS ? threshold->bounds[level + 1] : UNKNOWN;

          range = describe_range (assessment->criterion, lower, upper);
          /* Translators: "10 deaths reaches 重大 (10–29)" */
          sentence = g_strdup_printf (_("%s reaches %s (%s)"),
                                      figure, cz_incident_grade_get_name_zh (assessment->grade), range);
        }
    }

  if (assessment->provisional)
    {
      g_autofree char *with_note = g_strdup_printf ("%s. %s", sentence,
                                                    _("Some thresholds used are provisional (a draft or our reading of the rules); check with the authority that graded the incident."));

      return g_steal_pointer (&with_note);
    }

  return g_strconcat (sentence, ".", NULL);
}
