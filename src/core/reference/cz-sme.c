/* cz-sme.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cz-enum.h"
#include "cz-sme.h"

/* The ids ("agriculture", …) are the nicks of CZ_TYPE_SME_INDUSTRY. */
typedef struct
{
  const char *name_zh;
  const char *label;
  /* Upper bounds (exclusive) of an SME; -1 where the criterion is not used. */
  gint64 employees;
  gint64 revenue_wan;
  gint64 total_assets_wan;
} IndustryRule;

G_DEFINE_ENUM_TYPE (CzSmeIndustry, cz_sme_industry,
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_AGRICULTURE, "agriculture"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_INDUSTRY, "industry"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_CONSTRUCTION, "construction"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_WHOLESALE, "wholesale"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_RETAIL, "retail"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_TRANSPORT, "transport"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_WAREHOUSING, "warehousing"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_POSTAL, "postal"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_ACCOMMODATION, "accommodation"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_CATERING, "catering"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_INFORMATION_TRANSMISSION, "information-transmission"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_SOFTWARE, "software"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_REAL_ESTATE, "real-estate"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_PROPERTY_MANAGEMENT, "property-management"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_LEASING_BUSINESS, "leasing-business-services"),
  G_DEFINE_ENUM_VALUE (CZ_SME_INDUSTRY_OTHER, "other"))

/* REGULATION.md §4, from 《中小企业划型标准规定》 (工信部联企业〔2011〕300号). */
static const IndustryRule rules[CZ_SME_N_INDUSTRIES] = {
  [CZ_SME_INDUSTRY_AGRICULTURE] =
    { "农林牧渔业", N_("Agriculture, forestry, animal husbandry and fishery"), -1, 20000, -1 },
  [CZ_SME_INDUSTRY_INDUSTRY] =
    { "工业", N_("Industry"), 1000, 40000, -1 },
  [CZ_SME_INDUSTRY_CONSTRUCTION] =
    { "建筑业", N_("Construction"), -1, 80000, 80000 },
  [CZ_SME_INDUSTRY_WHOLESALE] =
    { "批发业", N_("Wholesale"), 200, 40000, -1 },
  [CZ_SME_INDUSTRY_RETAIL] =
    { "零售业", N_("Retail"), 300, 20000, -1 },
  [CZ_SME_INDUSTRY_TRANSPORT] =
    { "交通运输业", N_("Transport"), 1000, 30000, -1 },
  [CZ_SME_INDUSTRY_WAREHOUSING] =
    { "仓储业", N_("Warehousing"), 200, 30000, -1 },
  [CZ_SME_INDUSTRY_POSTAL] =
    { "邮政业", N_("Postal services"), 1000, 30000, -1 },
  [CZ_SME_INDUSTRY_ACCOMMODATION] =
    { "住宿业", N_("Accommodation"), 300, 10000, -1 },
  [CZ_SME_INDUSTRY_CATERING] =
    { "餐饮业", N_("Catering"), 300, 10000, -1 },
  [CZ_SME_INDUSTRY_INFORMATION_TRANSMISSION] =
    { "信息传输业", N_("Information transmission"), 2000, 100000, -1 },
  [CZ_SME_INDUSTRY_SOFTWARE] =
    { "软件和信息技术服务业", N_("Software and information technology services"), 300, 10000, -1 },
  [CZ_SME_INDUSTRY_REAL_ESTATE] =
    { "房地产开发经营", N_("Real estate development"), -1, 200000, 10000 },
  [CZ_SME_INDUSTRY_PROPERTY_MANAGEMENT] =
    { "物业管理", N_("Property management"), 1000, 5000, -1 },
  [CZ_SME_INDUSTRY_LEASING_BUSINESS] =
    { "租赁和商务服务业", N_("Leasing and business services"), 300, -1, 120000 },
  [CZ_SME_INDUSTRY_OTHER] =
    { "其他未列明行业", N_("Other industries not listed"), 300, -1, -1 },
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

  return cz_enum_get_nick (CZ_TYPE_SME_INDUSTRY, industry);
}

gboolean
cz_sme_industry_from_id (const char    *id,
                         CzSmeIndustry *out_industry)
{
  int value;

  g_return_val_if_fail (out_industry != NULL, FALSE);

  if (!cz_enum_from_nick (CZ_TYPE_SME_INDUSTRY, id, &value))
    return FALSE;
  *out_industry = (CzSmeIndustry) value;
  return TRUE;
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

/* The lower bounds (inclusive) of a medium and of a small firm, by criterion
 * (employees, revenue, total assets; -1 where unused): 《中小企业划型标准规定》
 * (工信部联企业〔2011〕300号) article 4, "…及以上，且…及以上的为中型企业". A firm
 * below a small bound in any criterion is micro. */
static const gint64 medium_bounds[CZ_SME_N_INDUSTRIES][3] = {
  [CZ_SME_INDUSTRY_AGRICULTURE]              = {  -1,   500,   -1 },
  [CZ_SME_INDUSTRY_INDUSTRY]                 = { 300,  2000,   -1 },
  [CZ_SME_INDUSTRY_CONSTRUCTION]             = {  -1,  6000, 5000 },
  [CZ_SME_INDUSTRY_WHOLESALE]                = {  20,  5000,   -1 },
  [CZ_SME_INDUSTRY_RETAIL]                   = {  50,   500,   -1 },
  [CZ_SME_INDUSTRY_TRANSPORT]                = { 300,  3000,   -1 },
  [CZ_SME_INDUSTRY_WAREHOUSING]              = { 100,  1000,   -1 },
  [CZ_SME_INDUSTRY_POSTAL]                   = { 300,  2000,   -1 },
  [CZ_SME_INDUSTRY_ACCOMMODATION]            = { 100,  2000,   -1 },
  [CZ_SME_INDUSTRY_CATERING]                 = { 100,  2000,   -1 },
  [CZ_SME_INDUSTRY_INFORMATION_TRANSMISSION] = { 100,  1000,   -1 },
  [CZ_SME_INDUSTRY_SOFTWARE]                 = { 100,  1000,   -1 },
  [CZ_SME_INDUSTRY_REAL_ESTATE]              = {  -1,  1000, 5000 },
  [CZ_SME_INDUSTRY_PROPERTY_MANAGEMENT]      = { 300,  1000,   -1 },
  [CZ_SME_INDUSTRY_LEASING_BUSINESS]         = { 100,    -1, 8000 },
  [CZ_SME_INDUSTRY_OTHER]                    = { 100,    -1,   -1 },
};

static const gint64 small_bounds[CZ_SME_N_INDUSTRIES][3] = {
  [CZ_SME_INDUSTRY_AGRICULTURE]              = {  -1,    50,   -1 },
  [CZ_SME_INDUSTRY_INDUSTRY]                 = {  20,   300,   -1 },
  [CZ_SME_INDUSTRY_CONSTRUCTION]             = {  -1,   300,  300 },
  [CZ_SME_INDUSTRY_WHOLESALE]                = {   5,  1000,   -1 },
  [CZ_SME_INDUSTRY_RETAIL]                   = {  10,   100,   -1 },
  [CZ_SME_INDUSTRY_TRANSPORT]                = {  20,   200,   -1 },
  [CZ_SME_INDUSTRY_WAREHOUSING]              = {  20,   100,   -1 },
  [CZ_SME_INDUSTRY_POSTAL]                   = {  20,   100,   -1 },
  [CZ_SME_INDUSTRY_ACCOMMODATION]            = {  10,   100,   -1 },
  [CZ_SME_INDUSTRY_CATERING]                 = {  10,   100,   -1 },
  [CZ_SME_INDUSTRY_INFORMATION_TRANSMISSION] = {  10,   100,   -1 },
  [CZ_SME_INDUSTRY_SOFTWARE]                 = {  10,    50,   -1 },
  [CZ_SME_INDUSTRY_REAL_ESTATE]              = {  -1,   100, 2000 },
  [CZ_SME_INDUSTRY_PROPERTY_MANAGEMENT]      = { 100,   500,   -1 },
  [CZ_SME_INDUSTRY_LEASING_BUSINESS]         = {  10,    -1,  100 },
  [CZ_SME_INDUSTRY_OTHER]                    = {  10,    -1,   -1 },
};

static const struct
{
  const char *id;
  const char *name_zh;
} sizes[] = {
  [CZ_SME_SIZE_UNKNOWN] = { "unknown", "未能划型" },
  [CZ_SME_SIZE_LARGE]   = { "large", "大型" },
  [CZ_SME_SIZE_MEDIUM]  = { "medium", "中型" },
  [CZ_SME_SIZE_SMALL]   = { "small", "小型" },
  [CZ_SME_SIZE_MICRO]   = { "micro", "微型" },
};

const char *
cz_sme_size_to_id (CzSmeSize size)
{
  g_return_val_if_fail ((guint) size < G_N_ELEMENTS (sizes), NULL);
  return sizes[size].id;
}

gboolean
cz_sme_size_from_id (const char *id,
                     CzSmeSize  *out_size)
{
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (g_strcmp0 (id, sizes[i].id) == 0)
      {
        *out_size = (CzSmeSize) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cz_sme_size_get_name_zh (CzSmeSize size)
{
  g_return_val_if_fail ((guint) size < G_N_ELEMENTS (sizes), NULL);
  return sizes[size].name_zh;
}

static const char *criterion_zh[3] = { "从业人员", "营业收入", "资产总额" };
static const char *unit_zh[3] = { "人", "万元", "万元" };

/* "从业人员20人及以上且营业收入300万元及以上" for @bounds. */
static void
append_all_at_least (GString      *out,
                     const gint64  bounds[3])
{
  gboolean first = TRUE;

  for (guint c = 0; c < 3; c++)
    {
      if (bounds[c] < 0)
        continue;
      g_string_append_printf (out, "%s%s%" G_GINT64_FORMAT "%s及以上",
                              first ? "" : "且", criterion_zh[c], bounds[c], unit_zh[c]);
      first = FALSE;
    }
}

/* "（150人，1200万元）": the firm's own figures for the criteria used. */
static void
append_figures (GString      *out,
                const gint64  bounds[3],
                const gint64  figures[3])
{
  gboolean first = TRUE;

  g_string_append (out, "（");
  for (guint c = 0; c < 3; c++)
    {
      if (bounds[c] < 0)
        continue;
      g_string_append_printf (out, "%s%" G_GINT64_FORMAT "%s", first ? "" : "，", figures[c], unit_zh[c]);
      first = FALSE;
    }
  g_string_append (out, "）");
}

CzSmeSize
cz_sme_classify_size (CzSmeIndustry   industry,
                      gint64          employees,
                      gint64          revenue_wan,
                      gint64          total_assets_wan,
                      char          **out_rule)
{
  const gint64 figures[3] = { employees, revenue_wan, total_assets_wan };
  gint64 large[3];
  g_autoptr(GString) rule = NULL;
  CzSmeSize size = CZ_SME_SIZE_UNKNOWN;
  int missing = -1;

  if (out_rule != NULL)
    *out_rule = NULL;
  g_return_val_if_fail (industry_is_valid (industry), CZ_SME_SIZE_UNKNOWN);

  large[0] = rules[industry].employees;
  large[1] = rules[industry].revenue_wan;
  large[2] = rules[industry].total_assets_wan;
  rule = g_string_new (rules[industry].name_zh);
  g_string_append (rule, "：");

  /* Micro as soon as one given figure is below its small bound ("或"),
   * whatever the others are. */
  for (guint c = 0; c < 3; c++)
    {
      if (small_bounds[industry][c] < 0)
        continue;
      if (figures[c] < 0)
        {
          if (missing < 0)
            missing = c;
          continue;
        }
      if (figures[c] < small_bounds[industry][c])
        {
          g_string_append_printf (rule, "%s%" G_GINT64_FORMAT "%s以下（%" G_GINT64_FORMAT "%s），为微型企业",
                                  criterion_zh[c], small_bounds[industry][c], unit_zh[c],
                                  figures[c], unit_zh[c]);
          size = CZ_SME_SIZE_MICRO;
          goto out;
        }
    }

  if (missing >= 0)
    {
      g_string_append_printf (rule, "未填%s，无法划型", criterion_zh[missing]);
      goto out;
    }

  {
    gboolean is_large = TRUE;
    gboolean is_medium = TRUE;

    for (guint c = 0; c < 3; c++)
      {
        if (large[c] >= 0 && figures[c] < large[c])
          is_large = FALSE;
        if (medium_bounds[industry][c] >= 0 && figures[c] < medium_bounds[industry][c])
          is_medium = FALSE;
      }

    if (is_large)
      {
        append_all_at_least (rule, large);
        append_figures (rule, large, figures);
        g_string_append (rule, "，为大型企业");
        size = CZ_SME_SIZE_LARGE;
      }
    else if (is_medium)
      {
        append_all_at_least (rule, medium_bounds[industry]);
        append_figures (rule, medium_bounds[industry], figures);
        g_string_append (rule, "，未达大型标准，为中型企业");
        size = CZ_SME_SIZE_MEDIUM;
      }
    else
      {
        append_all_at_least (rule, small_bounds[industry]);
        append_figures (rule, small_bounds[industry], figures);
        g_string_append (rule, "，未达中型标准，为小型企业");
        size = CZ_SME_SIZE_SMALL;
      }
  }

out:
  if (out_rule != NULL)
    *out_rule = g_string_free (g_steal_pointer (&rule), FALSE);
  return size;
}
