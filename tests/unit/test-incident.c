/* test-incident.c — incident grades for condition 6, on both sides of every bound
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cz-incident.h"
#include "cz-money.h"

#define WAN(n) (G_GINT64_CONSTANT (n) * CZ_FEN_PER_WAN)
#define YI(n)  (G_GINT64_CONSTANT (n) * CZ_FEN_PER_YI)

typedef struct
{
  CzIncidentCriterion criterion;
  gint64 value;
  CzIncidentGrade grade;
} Case;

static CzIncidentFigures
figures_with (CzIncidentCriterion criterion,
              gint64              value)
{
  CzIncidentFigures figures = CZ_INCIDENT_FIGURES_INIT;

  switch (criterion)
    {
    case CZ_INCIDENT_CRITERION_DEATHS:
      figures.deaths = value;
      break;
    case CZ_INCIDENT_CRITERION_SERIOUS_INJURIES:
      figures.serious_injuries = value;
      break;
    case CZ_INCIDENT_CRITERION_DIRECT_LOSS:
      figures.direct_loss_fen = value;
      break;
    case CZ_INCIDENT_CRITERION_EVACUATED:
      figures.evacuated = value;
      break;
    case CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION:
      figures.personal_information = value;
      break;
    case CZ_INCIDENT_CRITERION_SENSITIVE_PERSONAL_INFORMATION:
      figures.sensitive_information = value;
      break;
    case CZ_INCIDENT_CRITERION_NONE:
    case CZ_INCIDENT_CRITERION_STATED:
    default:
      break;
    }

  return figures;
}

static CzIncidentAssessment
assess_one (CzIncidentType      type,
            CzIncidentCriterion criterion,
            gint64              value)
{
  CzIncidentFigures figures = figures_with (criterion, value);
  CzIncidentAssessment assessment;

  memset (&assessment, 0xAA, sizeof assessment);
  cz_incident_assess (type, &figures, CZ_INCIDENT_GRADE_NONE, &assessment);
  return assessment;
}

/* Each case graded alone; disqualifying exactly from the type's grade up. */
static void
check_cases (CzIncidentType  type,
             const Case     *cases,
             gsize           n_cases,
             gboolean        expect_provisional)
{
  CzIncidentGrade disqualifying = cz_incident_type_get_disqualifying_grade (type);

  for (gsize i = 0; i < n_cases; i++)
    {
      CzIncidentAssessment a = assess_one (type, cases[i].criterion, cases[i].value);
      g_autofree char *sentence = cz_incident_assessment_describe (type, &a);

      g_test_message ("%s: %s", cz_incident_type_to_id (type), sentence);
      g_assert_cmpint (a.grade, ==, cases[i].grade);
      g_assert_cmpint (a.criterion, ==, cases[i].criterion);
      g_assert_cmpint (a.value, ==, cases[i].value);
      g_assert_cmpint (a.disqualifying, ==, cases[i].grade >= disqualifying);
      g_assert_cmpint (a.provisional, ==, expect_provisional);
      g_assert_true (sentence != NULL && sentence[0] != '\0');
    }
}

static void
test_disqualifying_grades (void)
{
  /* Condition 6: quality and environmental from 较大, the others from 重大. */
  g_assert_cmpint (cz_incident_type_get_disqualifying_grade (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY), ==, CZ_INCIDENT_GRADE_MAJOR);
  g_assert_cmpint (cz_incident_type_get_disqualifying_grade (CZ_INCIDENT_TYPE_ENVIRONMENTAL), ==, CZ_INCIDENT_GRADE_LARGER);
  g_assert_cmpint (cz_incident_type_get_disqualifying_grade (CZ_INCIDENT_TYPE_CONSTRUCTION_QUALITY), ==, CZ_INCIDENT_GRADE_LARGER);
  g_assert_cmpint (cz_incident_type_get_disqualifying_grade (CZ_INCIDENT_TYPE_OTHER_QUALITY), ==, CZ_INCIDENT_GRADE_LARGER);
  g_assert_cmpint (cz_incident_type_get_disqualifying_grade (CZ_INCIDENT_TYPE_NETWORK_SECURITY), ==, CZ_INCIDENT_GRADE_MAJOR);
  g_assert_cmpint (cz_incident_type_get_disqualifying_grade (CZ_INCIDENT_TYPE_DATA_SECURITY), ==, CZ_INCIDENT_GRADE_MAJOR);
}

static void
test_ids_and_names (void)
{
  for (guint i = 0; i < CZ_INCIDENT_N_TYPES; i++)
    {
      CzIncidentType type = CZ_INCIDENT_N_TYPES;

      g_assert_true (cz_incident_type_from_id (cz_incident_type_to_id (i), &type));
      g_assert_cmpint (type, ==, i);
      g_assert_true (cz_incident_type_get_name_zh (i)[0] != '\0');
    }

  g_assert_cmpstr (cz_incident_type_to_id (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY), ==, "production-safety");
  g_assert_cmpstr (cz_incident_type_get_name_zh (CZ_INCIDENT_TYPE_DATA_SECURITY), ==, "数据安全事件");

  {
    CzIncidentType type = CZ_INCIDENT_TYPE_DATA_SECURITY;

    g_assert_false (cz_incident_type_from_id ("fire", &type));
    g_assert_false (cz_incident_type_from_id (NULL, &type));
    g_assert_cmpint (type, ==, CZ_INCIDENT_TYPE_DATA_SECURITY);
  }

  g_assert_cmpstr (cz_incident_grade_get_name_zh (CZ_INCIDENT_GRADE_NONE), ==, "");
  g_assert_cmpstr (cz_incident_grade_get_name_zh (CZ_INCIDENT_GRADE_GENERAL), ==, "一般");
  g_assert_cmpstr (cz_incident_grade_get_name_zh (CZ_INCIDENT_GRADE_LARGER), ==, "较大");
  g_assert_cmpstr (cz_incident_grade_get_name_zh (CZ_INCIDENT_GRADE_MAJOR), ==, "重大");
  g_assert_cmpstr (cz_incident_grade_get_name_zh (CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR), ==, "特别重大");
}

static void
test_production_safety (void)
{
  const Case cases[] = {
    { CZ_INCIDENT_CRITERION_DEATHS, 0, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_DEATHS, 2, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_DEATHS, 3, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DEATHS, 9, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DEATHS, 10, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DEATHS, 29, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DEATHS, 30, CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 9, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 10, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 49, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 50, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 99, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 100, CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (999), CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (1000) - 1, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (1000), CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (4999), CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (5000) - 1, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (5000), CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (9999), CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, YI (1) - 1, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, YI (1), CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
  };

  check_cases (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY, cases, G_N_ELEMENTS (cases), FALSE);
}

static void
test_environmental (void)
{
  const Case cases[] = {
    { CZ_INCIDENT_CRITERION_DEATHS, 2, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_DEATHS, 3, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DEATHS, 9, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DEATHS, 10, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DEATHS, 29, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DEATHS, 30, CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 9, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 10, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 49, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 50, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 99, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 100, CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
    { CZ_INCIDENT_CRITERION_EVACUATED, 4999, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_EVACUATED, 5000, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_EVACUATED, 9999, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_EVACUATED, 10000, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_EVACUATED, 49999, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_EVACUATED, 50000, CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (499), CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (500) - 1, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (500), CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (1999), CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (2000), CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (9999), CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, YI (1), CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
  };

  check_cases (CZ_INCIDENT_TYPE_ENVIRONMENTAL, cases, G_N_ELEMENTS (cases), FALSE);
}

static void
test_construction_quality (void)
{
  const Case cases[] = {
    /* Below 一般: not a quality accident by the 2010 rule. */
    { CZ_INCIDENT_CRITERION_DEATHS, 0, CZ_INCIDENT_GRADE_NONE },
    { CZ_INCIDENT_CRITERION_DEATHS, 1, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_DEATHS, 2, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_DEATHS, 3, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DEATHS, 9, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DEATHS, 10, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DEATHS, 29, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DEATHS, 30, CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 0, CZ_INCIDENT_GRADE_NONE },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 9, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 10, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 49, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 50, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 99, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 100, CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (99), CZ_INCIDENT_GRADE_NONE },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (100), CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (999), CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (1000), CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (4999), CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (5000), CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (9999), CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, YI (1), CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
  };

  check_cases (CZ_INCIDENT_TYPE_CONSTRUCTION_QUALITY, cases, G_N_ELEMENTS (cases), FALSE);
}

static void
test_network_security_people (void)
{
  const Case cases[] = {
    { CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION, 990000, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION, 999999, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION, 1000000, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION, 9999999, CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION, 10000000, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION, 99999999, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION, 100000000, CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
  };

  /* The 2025 measures are in force: not provisional. */
  check_cases (CZ_INCIDENT_TYPE_NETWORK_SECURITY, cases, G_N_ELEMENTS (cases), FALSE);
}

static void
test_network_security_loss_is_provisional (void)
{
  const Case cases[] = {
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, 0, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (499), CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (500), CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (1999), CZ_INCIDENT_GRADE_LARGER },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (2000), CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (9999), CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, YI (1), CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
  };

  /* Bounds from the 2023 draft. */
  check_cases (CZ_INCIDENT_TYPE_NETWORK_SECURITY, cases, G_N_ELEMENTS (cases), TRUE);
}

static void
test_data_security (void)
{
  /* 重大 is stated; 特别重大 is inferred and 较大 unknown, so every bracket
   * here touches a bound that is not confirmed. */
  const Case cases[] = {
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (9999), CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, YI (1), CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, YI (10) - 1, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_DIRECT_LOSS, YI (10), CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
    { CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION, 9999999, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION, 10000000, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION, 99999999, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION, 100000000, CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
    { CZ_INCIDENT_CRITERION_SENSITIVE_PERSONAL_INFORMATION, 999999, CZ_INCIDENT_GRADE_GENERAL },
    { CZ_INCIDENT_CRITERION_SENSITIVE_PERSONAL_INFORMATION, 1000000, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_SENSITIVE_PERSONAL_INFORMATION, 9999999, CZ_INCIDENT_GRADE_MAJOR },
    { CZ_INCIDENT_CRITERION_SENSITIVE_PERSONAL_INFORMATION, 10000000, CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR },
  };

  check_cases (CZ_INCIDENT_TYPE_DATA_SECURITY, cases, G_N_ELEMENTS (cases), TRUE);
}

static void
test_stated_grade (void)
{
  CzIncidentFigures none = CZ_INCIDENT_FIGURES_INIT;
  CzIncidentFigures two_deaths = CZ_INCIDENT_FIGURES_INIT;
  CzIncidentFigures thirty_deaths = CZ_INCIDENT_FIGURES_INIT;
  CzIncidentAssessment a;

  two_deaths.deaths = 2;
  thirty_deaths.deaths = 30;

  /* Other quality accidents: only the stated grade, disqualifying from 较大. */
  cz_incident_assess (CZ_INCIDENT_TYPE_OTHER_QUALITY, &none, CZ_INCIDENT_GRADE_GENERAL, &a);
  g_assert_cmpint (a.grade, ==, CZ_INCIDENT_GRADE_GENERAL);
  g_assert_cmpint (a.criterion, ==, CZ_INCIDENT_CRITERION_STATED);
  g_assert_false (a.disqualifying);
  cz_incident_assess (CZ_INCIDENT_TYPE_OTHER_QUALITY, &none, CZ_INCIDENT_GRADE_LARGER, &a);
  g_assert_cmpint (a.grade, ==, CZ_INCIDENT_GRADE_LARGER);
  g_assert_cmpint (a.criterion, ==, CZ_INCIDENT_CRITERION_STATED);
  g_assert_true (a.disqualifying);
  g_assert_false (a.provisional);
  /* Figures do not grade other quality accidents. */
  cz_incident_assess (CZ_INCIDENT_TYPE_OTHER_QUALITY, &thirty_deaths, CZ_INCIDENT_GRADE_NONE, &a);
  g_assert_cmpint (a.grade, ==, CZ_INCIDENT_GRADE_NONE);
  g_assert_false (a.disqualifying);

  /* A higher stated grade (qualitative criteria) wins over the figures… */
  cz_incident_assess (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY, &two_deaths, CZ_INCIDENT_GRADE_MAJOR, &a);
  g_assert_cmpint (a.grade, ==, CZ_INCIDENT_GRADE_MAJOR);
  g_assert_cmpint (a.criterion, ==, CZ_INCIDENT_CRITERION_STATED);
  g_assert_cmpint (a.value, ==, -1);
  g_assert_true (a.disqualifying);

  /* …a lower one does not lower what the figures say. */
  cz_incident_assess (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY, &thirty_deaths, CZ_INCIDENT_GRADE_LARGER, &a);
  g_assert_cmpint (a.grade, ==, CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR);
  g_assert_cmpint (a.criterion, ==, CZ_INCIDENT_CRITERION_DEATHS);
  g_assert_cmpint (a.value, ==, 30);
}

static void
test_several_figures (void)
{
  CzIncidentFigures figures = CZ_INCIDENT_FIGURES_INIT;
  CzIncidentAssessment a;

  /* The highest grade wins; on a tie the first criterion of the rule. */
  figures.deaths = 10;
  figures.serious_injuries = 50;
  figures.direct_loss_fen = WAN (1000);
  cz_incident_assess (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY, &figures, CZ_INCIDENT_GRADE_NONE, &a);
  g_assert_cmpint (a.grade, ==, CZ_INCIDENT_GRADE_MAJOR);
  g_assert_cmpint (a.criterion, ==, CZ_INCIDENT_CRITERION_DEATHS);

  figures.serious_injuries = 100;
  cz_incident_assess (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY, &figures, CZ_INCIDENT_GRADE_NONE, &a);
  g_assert_cmpint (a.grade, ==, CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR);
  g_assert_cmpint (a.criterion, ==, CZ_INCIDENT_CRITERION_SERIOUS_INJURIES);
  g_assert_cmpint (a.value, ==, 100);

  /* Figures the type does not grade on are ignored. */
  figures = (CzIncidentFigures) CZ_INCIDENT_FIGURES_INIT;
  figures.deaths = 100;
  figures.evacuated = 100000;
  cz_incident_assess (CZ_INCIDENT_TYPE_NETWORK_SECURITY, &figures, CZ_INCIDENT_GRADE_NONE, &a);
  g_assert_cmpint (a.grade, ==, CZ_INCIDENT_GRADE_NONE);
  g_assert_cmpint (a.criterion, ==, CZ_INCIDENT_CRITERION_NONE);
  g_assert_false (a.disqualifying);

  /* A confirmed 重大 next to a draft bound still says provisional. */
  figures = (CzIncidentFigures) CZ_INCIDENT_FIGURES_INIT;
  figures.personal_information = 10000000;
  figures.direct_loss_fen = WAN (10);
  cz_incident_assess (CZ_INCIDENT_TYPE_NETWORK_SECURITY, &figures, CZ_INCIDENT_GRADE_NONE, &a);
  g_assert_cmpint (a.grade, ==, CZ_INCIDENT_GRADE_MAJOR);
  g_assert_cmpint (a.criterion, ==, CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION);
  g_assert_true (a.disqualifying);
  g_assert_true (a.provisional);

  /* Nothing given: no grade, nothing to disqualify; any negative is "not given". */
  figures = (CzIncidentFigures) CZ_INCIDENT_FIGURES_INIT;
  figures.deaths = -7;
  cz_incident_assess (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY, &figures, CZ_INCIDENT_GRADE_NONE, &a);
  g_assert_cmpint (a.grade, ==, CZ_INCIDENT_GRADE_NONE);
  g_assert_cmpint (a.criterion, ==, CZ_INCIDENT_CRITERION_NONE);
  g_assert_cmpint (a.value, ==, -1);
  g_assert_false (a.disqualifying);
  g_assert_false (a.provisional);
}

static void
assert_sentence (CzIncidentType      type,
                 CzIncidentCriterion criterion,
                 gint64              value,
                 const char         *expected)
{
  CzIncidentAssessment a = assess_one (type, criterion, value);
  g_autofree char *sentence = cz_incident_assessment_describe (type, &a);

  g_assert_cmpstr (sentence, ==, expected);
}

static void
test_sentences (void)
{
  CzIncidentAssessment a;
  CzIncidentFigures none = CZ_INCIDENT_FIGURES_INIT;
  g_autofree char *stated = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *data_major = NULL;
  g_autofree char *data_general = NULL;

  assert_sentence (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY, CZ_INCIDENT_CRITERION_DEATHS, 10,
                   "10 deaths reaches 重大 (10–29).");
  assert_sentence (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY, CZ_INCIDENT_CRITERION_DEATHS, 30,
                   "30 deaths reaches 特别重大 (at least 30).");
  assert_sentence (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY, CZ_INCIDENT_CRITERION_DEATHS, 1,
                   "1 death reaches 一般 (below 3).");
  assert_sentence (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY, CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (5000),
                   "A direct loss of 5000万元 reaches 重大 (5000万元 to under 1亿元).");
  assert_sentence (CZ_INCIDENT_TYPE_ENVIRONMENTAL, CZ_INCIDENT_CRITERION_SERIOUS_INJURIES, 12,
                   "12 people poisoned or seriously injured reaches 较大 (10–49).");
  assert_sentence (CZ_INCIDENT_TYPE_ENVIRONMENTAL, CZ_INCIDENT_CRITERION_EVACUATED, 5000,
                   "5000 people evacuated reaches 较大 (5000–9999).");
  assert_sentence (CZ_INCIDENT_TYPE_CONSTRUCTION_QUALITY, CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (100),
                   "A direct loss of 100万元 reaches 一般 (100万元 to under 1000万元).");
  assert_sentence (CZ_INCIDENT_TYPE_CONSTRUCTION_QUALITY, CZ_INCIDENT_CRITERION_DEATHS, 0,
                   "0 deaths is below 一般 (at least 1): not graded as an accident of this kind.");
  assert_sentence (CZ_INCIDENT_TYPE_NETWORK_SECURITY, CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION, 1000000,
                   "Personal information of 100万 people leaked reaches 较大 (100万 to under 1000万).");

  a = assess_one (CZ_INCIDENT_TYPE_DATA_SECURITY, CZ_INCIDENT_CRITERION_DIRECT_LOSS, YI (1));
  data_major = cz_incident_assessment_describe (CZ_INCIDENT_TYPE_DATA_SECURITY, &a);
  g_assert_true (g_str_has_prefix (data_major, "A direct loss of 1亿元 reaches 重大 (1亿元 to under 10亿元). "));
  g_assert_nonnull (strstr (data_major, "provisional"));

  a = assess_one (CZ_INCIDENT_TYPE_DATA_SECURITY, CZ_INCIDENT_CRITERION_DIRECT_LOSS, WAN (9999));
  data_general = cz_incident_assessment_describe (CZ_INCIDENT_TYPE_DATA_SECURITY, &a);
  g_assert_true (g_str_has_prefix (data_general, "A direct loss of 9999万元 is below 重大 (at least 1亿元)"));
  g_assert_nonnull (strstr (data_general, "not confirmed"));

  cz_incident_assess (CZ_INCIDENT_TYPE_OTHER_QUALITY, &none, CZ_INCIDENT_GRADE_LARGER, &a);
  stated = cz_incident_assessment_describe (CZ_INCIDENT_TYPE_OTHER_QUALITY, &a);
  g_assert_cmpstr (stated, ==, "Graded 较大 as stated, on the basis the user gave.");

  cz_incident_assess (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY, &none, CZ_INCIDENT_GRADE_NONE, &a);
  nothing = cz_incident_assessment_describe (CZ_INCIDENT_TYPE_PRODUCTION_SAFETY, &a);
  g_assert_cmpstr (nothing, ==, "No figures given and no grade stated: the grade cannot be determined");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/incident/disqualifying-grades", test_disqualifying_grades);
  g_test_add_func ("/incident/ids-and-names", test_ids_and_names);
  g_test_add_func ("/incident/production-safety", test_production_safety);
  g_test_add_func ("/incident/environmental", test_environmental);
  g_test_add_func ("/incident/construction-quality", test_construction_quality);
  g_test_add_func ("/incident/network-security-people", test_network_security_people);
  g_test_add_func ("/incident/network-security-loss-is-provisional", test_network_security_loss_is_provisional);
  g_test_add_func ("/incident/data-security", test_data_security);
  g_test_add_func ("/incident/stated-grade", test_stated_grade);
  g_test_add_func ("/incident/several-figures", test_several_figures);
  g_test_add_func ("/incident/sentences", test_sentences);

  return g_test_run ();
}
