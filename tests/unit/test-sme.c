/* test-sme.c — SME classification on both sides of every bound of the 2011 rule
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cz-sme.h"

/* REGULATION.md §4, restated here so the test checks the table, not itself. */
static const struct {
  const char *id;
  const char *name_zh;
  gint64 employees;
  gint64 revenue_wan;
  gint64 total_assets_wan;
} expected[] = {
  { "agriculture", "农林牧渔业", -1, 20000, -1 },
  { "industry", "工业", 1000, 40000, -1 },
  { "construction", "建筑业", -1, 80000, 80000 },
  { "wholesale", "批发业", 200, 40000, -1 },
  { "retail", "零售业", 300, 20000, -1 },
  { "transport", "交通运输业", 1000, 30000, -1 },
  { "warehousing", "仓储业", 200, 30000, -1 },
  { "postal", "邮政业", 1000, 30000, -1 },
  { "accommodation", "住宿业", 300, 10000, -1 },
  { "catering", "餐饮业", 300, 10000, -1 },
  { "information-transmission", "信息传输业", 2000, 100000, -1 },
  { "software", "软件和信息技术服务业", 300, 10000, -1 },
  { "real-estate", "房地产开发经营", -1, 200000, 10000 },
  { "property-management", "物业管理", 1000, 5000, -1 },
  { "leasing-business-services", "租赁和商务服务业", 300, -1, 120000 },
  { "other", "其他未列明行业", 300, -1, -1 },
};

static void
test_ids_and_names (void)
{
  g_assert_cmpint (G_N_ELEMENTS (expected), ==, CZ_SME_N_INDUSTRIES);

  for (guint i = 0; i < CZ_SME_N_INDUSTRIES; i++)
    {
      CzSmeIndustry industry = CZ_SME_N_INDUSTRIES;

      g_assert_cmpstr (cz_sme_industry_to_id (i), ==, expected[i].id);
      g_assert_cmpstr (cz_sme_industry_get_name_zh (i), ==, expected[i].name_zh);
      g_assert_true (cz_sme_industry_get_label (i) != NULL);
      g_assert_true (cz_sme_industry_from_id (expected[i].id, &industry));
      g_assert_cmpint (industry, ==, i);
    }

  {
    CzSmeIndustry industry = CZ_SME_INDUSTRY_OTHER;

    g_assert_false (cz_sme_industry_from_id ("Industry", &industry));
    g_assert_false (cz_sme_industry_from_id ("", &industry));
    g_assert_false (cz_sme_industry_from_id (NULL, &industry));
    g_assert_cmpint (industry, ==, CZ_SME_INDUSTRY_OTHER);
  }
}

static void
test_bounds_match_regulation (void)
{
  for (guint i = 0; i < CZ_SME_N_INDUSTRIES; i++)
    {
      g_assert_cmpint (cz_sme_get_bound (i, CZ_SME_CRITERION_EMPLOYEES), ==, expected[i].employees);
      g_assert_cmpint (cz_sme_get_bound (i, CZ_SME_CRITERION_REVENUE), ==, expected[i].revenue_wan);
      g_assert_cmpint (cz_sme_get_bound (i, CZ_SME_CRITERION_TOTAL_ASSETS), ==, expected[i].total_assets_wan);
      g_assert_cmpint (cz_sme_get_bound (i, CZ_SME_CRITERION_NONE), ==, -1);
    }
}

/* Every figure the industry uses set to its bound (not an SME), then one at a
 * time just below it (an SME, decided by that criterion). */
static void
test_each_bound_both_sides (void)
{
  for (guint i = 0; i < CZ_SME_N_INDUSTRIES; i++)
    {
      gint64 at[3] = { expected[i].employees, expected[i].revenue_wan, expected[i].total_assets_wan };
      const CzSmeCriterion criteria[3] = {
        CZ_SME_CRITERION_EMPLOYEES, CZ_SME_CRITERION_REVENUE, CZ_SME_CRITERION_TOTAL_ASSETS,
      };
      CzSmeCriterion criterion = CZ_SME_CRITERION_EMPLOYEES;

      /* A criterion the industry does not use may be anything: give it 0. */
      for (guint c = 0; c < 3; c++)
        if (at[c] < 0)
          at[c] = 0;

      g_test_message ("%s at every bound", expected[i].id);
      g_assert_cmpint (cz_sme_classify (i, at[0], at[1], at[2], &criterion), ==, CZ_SME_STATUS_NOT_SME);
      g_assert_cmpint (criterion, ==, CZ_SME_CRITERION_NONE);

      for (guint c = 0; c < 3; c++)
        {
          gint64 below[3] = { at[0], at[1], at[2] };
          gint64 bound = cz_sme_get_bound (i, criteria[c]);

          if (bound < 0)
            continue;

          below[c] = bound - 1;
          g_test_message ("%s: criterion %u at %" G_GINT64_FORMAT, expected[i].id, c, below[c]);
          g_assert_cmpint (cz_sme_classify (i, below[0], below[1], below[2], &criterion), ==, CZ_SME_STATUS_SME);
          g_assert_cmpint (criterion, ==, criteria[c]);
        }
    }
}

static void
test_industry_examples (void)
{
  CzSmeCriterion criterion = CZ_SME_CRITERION_NONE;

  /* 工业: 999 / 1000 employees, 39999 / 40000 万元. */
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_INDUSTRY, 999, 99999, -1, &criterion), ==, CZ_SME_STATUS_SME);
  g_assert_cmpint (criterion, ==, CZ_SME_CRITERION_EMPLOYEES);
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_INDUSTRY, 1000, 39999, -1, &criterion), ==, CZ_SME_STATUS_SME);
  g_assert_cmpint (criterion, ==, CZ_SME_CRITERION_REVENUE);
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_INDUSTRY, 1000, 40000, -1, &criterion), ==, CZ_SME_STATUS_NOT_SME);
  /* Total assets are not a criterion for 工业: a small figure changes nothing. */
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_INDUSTRY, 5000, 90000, 1, &criterion), ==, CZ_SME_STATUS_NOT_SME);

  /* 房地产开发经营: assets bound 10000 is far below its revenue bound 200000. */
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_REAL_ESTATE, -1, 300000, 9999, &criterion), ==, CZ_SME_STATUS_SME);
  g_assert_cmpint (criterion, ==, CZ_SME_CRITERION_TOTAL_ASSETS);
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_REAL_ESTATE, -1, 300000, 10000, &criterion), ==, CZ_SME_STATUS_NOT_SME);

  /* 其他未列明行业: employees only. */
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_OTHER, 299, -1, -1, &criterion), ==, CZ_SME_STATUS_SME);
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_OTHER, 300, 1, 1, &criterion), ==, CZ_SME_STATUS_NOT_SME);
}

static void
test_unknown_figures (void)
{
  CzSmeCriterion criterion = CZ_SME_CRITERION_REVENUE;

  /* Nothing given. */
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_INDUSTRY, -1, -1, -1, &criterion), ==, CZ_SME_STATUS_UNKNOWN);
  g_assert_cmpint (criterion, ==, CZ_SME_CRITERION_NONE);

  /* One given figure below its bound is enough. */
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_INDUSTRY, -1, 39999, -1, &criterion), ==, CZ_SME_STATUS_SME);
  g_assert_cmpint (criterion, ==, CZ_SME_CRITERION_REVENUE);
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_INDUSTRY, 999, -1, -1, &criterion), ==, CZ_SME_STATUS_SME);
  g_assert_cmpint (criterion, ==, CZ_SME_CRITERION_EMPLOYEES);

  /* Given figures at their bound, another missing: it could still be an SME. */
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_INDUSTRY, 1000, -1, -1, &criterion), ==, CZ_SME_STATUS_UNKNOWN);
  g_assert_cmpint (criterion, ==, CZ_SME_CRITERION_NONE);
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_INDUSTRY, -1, 40000, -1, &criterion), ==, CZ_SME_STATUS_UNKNOWN);

  /* A missing figure the industry does not use does not matter. */
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_AGRICULTURE, -1, 20000, -1, &criterion), ==, CZ_SME_STATUS_NOT_SME);
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_AGRICULTURE, -1, 19999, -1, &criterion), ==, CZ_SME_STATUS_SME);

  /* Zero is a figure, not a missing one. */
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_WHOLESALE, 0, -1, -1, &criterion), ==, CZ_SME_STATUS_SME);
  g_assert_cmpint (criterion, ==, CZ_SME_CRITERION_EMPLOYEES);

  /* The criterion out-parameter is optional. */
  g_assert_cmpint (cz_sme_classify (CZ_SME_INDUSTRY_RETAIL, 299, -1, -1, NULL), ==, CZ_SME_STATUS_SME);
}

/* Each threshold of the industry's table on both sides (工信部联企业〔2011〕300号). */
static void
test_size_classes (void)
{
  g_autofree char *rule = NULL;

  /* 工业: large at 1000 people and 40000 万元, medium at 300 and 2000, small at 20 and 300. */
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_INDUSTRY, 1000, 40000, -1, NULL), ==, CZ_SME_SIZE_LARGE);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_INDUSTRY, 999, 40000, -1, NULL), ==, CZ_SME_SIZE_MEDIUM);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_INDUSTRY, 1000, 39999, -1, NULL), ==, CZ_SME_SIZE_MEDIUM);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_INDUSTRY, 300, 2000, -1, NULL), ==, CZ_SME_SIZE_MEDIUM);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_INDUSTRY, 299, 2000, -1, NULL), ==, CZ_SME_SIZE_SMALL);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_INDUSTRY, 300, 1999, -1, NULL), ==, CZ_SME_SIZE_SMALL);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_INDUSTRY, 20, 300, -1, NULL), ==, CZ_SME_SIZE_SMALL);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_INDUSTRY, 19, 300, -1, NULL), ==, CZ_SME_SIZE_MICRO);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_INDUSTRY, 20, 299, -1, NULL), ==, CZ_SME_SIZE_MICRO);

  /* Micro needs only one figure ("或"); the others need them all. */
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_INDUSTRY, 5, -1, -1, NULL), ==, CZ_SME_SIZE_MICRO);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_INDUSTRY, 500, -1, -1, &rule), ==, CZ_SME_SIZE_UNKNOWN);
  g_assert_cmpstr (rule, ==, "工业：未填营业收入，无法划型");
  g_clear_pointer (&rule, g_free);

  /* The deciding clause is on the row, with the firm's figures. */
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_INDUSTRY, 150, 1200, -1, &rule), ==, CZ_SME_SIZE_SMALL);
  g_assert_cmpstr (rule, ==, "工业：从业人员20人及以上且营业收入300万元及以上（150人，1200万元），未达中型标准，为小型企业");
  g_clear_pointer (&rule, g_free);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_SOFTWARE, 8, 5000, -1, &rule), ==, CZ_SME_SIZE_MICRO);
  g_assert_cmpstr (rule, ==, "软件和信息技术服务业：从业人员10人以下（8人），为微型企业");
  g_clear_pointer (&rule, g_free);

  /* Industries judged on revenue and assets, or on one figure. */
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_CONSTRUCTION, -1, 6000, 5000, NULL), ==, CZ_SME_SIZE_MEDIUM);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_CONSTRUCTION, -1, 6000, 4999, NULL), ==, CZ_SME_SIZE_SMALL);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_CONSTRUCTION, -1, 80000, 80000, NULL), ==, CZ_SME_SIZE_LARGE);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_AGRICULTURE, -1, 500, -1, NULL), ==, CZ_SME_SIZE_MEDIUM);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_AGRICULTURE, -1, 49, -1, NULL), ==, CZ_SME_SIZE_MICRO);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_OTHER, 100, -1, -1, NULL), ==, CZ_SME_SIZE_MEDIUM);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_OTHER, 99, -1, -1, NULL), ==, CZ_SME_SIZE_SMALL);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_OTHER, 300, 5, 5, NULL), ==, CZ_SME_SIZE_LARGE);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_LEASING_BUSINESS, 100, -1, 8000, NULL), ==, CZ_SME_SIZE_MEDIUM);
  g_assert_cmpint (cz_sme_classify_size (CZ_SME_INDUSTRY_LEASING_BUSINESS, 100, -1, 99, NULL), ==, CZ_SME_SIZE_MICRO);

  /* The size class agrees with the SME status wherever both are known. */
  for (guint i = 0; i < CZ_SME_N_INDUSTRIES; i++)
    for (gint64 e = 0; e <= 2500; e += 250)
      for (gint64 r = 0; r <= 250000; r += 25000)
        {
          CzSmeSize size = cz_sme_classify_size (i, e, r, r / 2, NULL);
          CzSmeStatus status = cz_sme_classify (i, e, r, r / 2, NULL);

          g_assert_cmpint (size == CZ_SME_SIZE_LARGE, ==, status == CZ_SME_STATUS_NOT_SME);
        }

  g_assert_cmpstr (cz_sme_size_get_name_zh (CZ_SME_SIZE_MICRO), ==, "微型");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sme/ids-and-names", test_ids_and_names);
  g_test_add_func ("/sme/bounds-match-regulation", test_bounds_match_regulation);
  g_test_add_func ("/sme/each-bound-both-sides", test_each_bound_both_sides);
  g_test_add_func ("/sme/industry-examples", test_industry_examples);
  g_test_add_func ("/sme/unknown-figures", test_unknown_figures);
  g_test_add_func ("/sme/size-classes", test_size_classes);

  return g_test_run ();
}
