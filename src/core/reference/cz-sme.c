/* cz-sme.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cz-sme.h"

typedef struct
{
  const char *id;
  const char *name_zh;
  const char *label;
  /* Upper bounds (exclusive) of an SME; -1 where the criterion is not used. */
  gint64 employees;
  gint64 revenue_wan;
  gint64 total_assets_wan;
} IndustryRule;

/* REGULATION.md §4, from 《中小企业划型标准规定》 (工信部联企业〔2011〕300号). */
static const IndustryRule rules[CZ_SME_N_INDUSTRIES] = {
  [CZ_SME_INDUSTRY_AGRICULTURE] =
    { "agriculture", "农林牧渔业", N_("Agriculture, forestry, animal husbandry and fishery"), -1, 20000, -1 },
  [CZ_SME_INDUSTRY_INDUSTRY] =
    { "industry", "工业", N_("Industry"), 1000, 40000, -1 },
  [CZ_SME_INDUSTRY_CONSTRUCTION] =
    { "construction", "建筑业", N_("Construction"), -1, 80000, 80000 },
  [CZ_SME_INDUSTRY_WHOLESALE] =
    { "wholesale", "批发业", N_("Wholesale"), 200, 40000, -1 },
  [CZ_SME_INDUSTRY_RETAIL] =
    { "retail", "零售业", N_("Retail"), 300, 20000, -1 },
  [CZ_SME_INDUSTRY_TRANSPORT] =
    { "transport", "交通运输业", N_("Transport"), 1000, 30000, -1 },
  [CZ_SME_INDUSTRY_WAREHOUSING] =
    { "warehousing", "仓储业", N_("Warehousing"), 200, 30000, -1 },
  [CZ_SME_INDUSTRY_POSTAL] =
    { "postal", "邮政业", N_("Postal services"), 1000, 30000, -1 },
  [CZ_SME_INDUSTRY_ACCOMMODATION] =
    { "accommodation", "住宿业", N_("Accommodation"), 300, 10000, -1 },
  [CZ_SME_INDUSTRY_CATERING] =
    { "catering", "餐饮业", N_("Catering"), 300, 10000, -1 },
  [CZ_SME_INDUSTRY_INFORMATION_TRANSMISSION] =
    { "information-transmission", "信息传输业", N_("Information transmission"), 2000, 100000, -1 },
  [CZ_SME_INDUSTRY_SOFTWARE] =
    { "software", "软件和信息技术服务业", N_("Software and information technology services"), 300, 10000, -1 },
  [CZ_SME_INDUSTRY_REAL_ESTATE] =
    { "real-estate", "房地产开发经营", N_("Real estate development"), -1, 200000, 10000 },
  [CZ_SME_INDUSTRY_PROPERTY_MANAGEMENT] =
    { "property-management", "物业管理", N_("Property management"), 1000, 5000, -1 },
  [CZ_SME_INDUSTRY_LEASING_BUSINESS] =
    { "leasing-business-services", "租赁和商务服务业", N_("Leasing and business services"), 300, -1, 120000 },
  [CZ_SME_INDUSTRY_OTHER] =
    { "other", "其他未列明行业", N_("Other industries not listed"), 300, -1, -1 },
};

static gboolean
industry_is_valid (CzSmeIndustry industry)
{
  return (guint) industry < CZ_SME_N_INDUSTRIES;
}

const char *
cz_sme_industry_to_id (CzSmeIndustry industry)
{
  g_return_val_if_fail (industry_is_valid (industry), NULL);

  return rules[industry].id;
}

gboolean
cz_sme_industry_from_id (const char    *id,
                         CzSmeIndustry *out_industry)
{
  g_return_val_if_fail (out_industry != NULL, FALSE);

  for (guint i = 0; i < CZ_SME_N_INDUSTRIES; i++)
    {
      if (g_strcmp0 (id, rules[i].id) == 0)
        {
          *out_industry = (CzSmeIndustry) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cz_sme_industry_get_name_zh (CzSmeIndustry industry)
{
  g_return_val_if_fail (industry_is_valid (industry), NULL);

  return rules[industry].name_zh;
}

const char *
cz_sme_industry_get_label (CzSmeIndustry industry)
{
  g_return_val_if_fail (industry_is_valid (industry), NULL);

  return _(rules[industry].label);
}

gint64
cz_sme_get_bound (CzSmeIndustry  industry,
                  CzSmeCriterion criterion)
{
  g_return_val_if_fail (industry_is_valid (industry), -1);

  switch (criterion)
    {
    case CZ_SME_CRITERION_EMPLOYEES:
      return rules[industry].employees;
    case CZ_SME_CRITERION_REVENUE:
      return rules[industry].revenue_wan;
    case CZ_SME_CRITERION_TOTAL_ASSETS:
      return rules[industry].total_assets_wan;
    case CZ_SME_CRITERION_NONE:
    default:
      return -1;
    }
}

CzSmeStatus
cz_sme_classify (CzSmeIndustry   industry,
                 gint64          employees,
                 gint64          revenue_wan,
                 gint64          total_assets_wan,
                 CzSmeCriterion *out_criterion)
{
  const struct {
    CzSmeCriterion criterion;
    gint64 value;
  } figures[] = {
    { CZ_SME_CRITERION_EMPLOYEES, employees },
    { CZ_SME_CRITERION_REVENUE, revenue_wan },
    { CZ_SME_CRITERION_TOTAL_ASSETS, total_assets_wan },
  };
  gboolean something_missing = FALSE;

  if (out_criterion != NULL)
    *out_criterion = CZ_SME_CRITERION_NONE;

  g_return_val_if_fail (industry_is_valid (industry), CZ_SME_STATUS_UNKNOWN);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      gint64 bound = cz_sme_get_bound (industry, figures[i].criterion);

      if (bound < 0)
        continue;

      /* Any negative figure means "not given". */
      if (figures[i].value < 0)
        {
          something_missing = TRUE;
          continue;
        }

      if (figures[i].value < bound)
        {
          if (out_criterion != NULL)
            *out_criterion = figures[i].criterion;
          return CZ_SME_STATUS_SME;
        }
    }

  return something_missing ? CZ_SME_STATUS_UNKNOWN : CZ_SME_STATUS_NOT_SME;
}
