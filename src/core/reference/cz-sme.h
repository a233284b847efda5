/* cz-sme.h — SME size classification (《中小企业划型标准规定》, 2011)
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The industries of the 2011 rule, in its order. */
typedef enum
{
  CZ_SME_INDUSTRY_AGRICULTURE,               /* 农林牧渔业 */
  CZ_SME_INDUSTRY_INDUSTRY,                  /* 工业 */
  CZ_SME_INDUSTRY_CONSTRUCTION,              /* 建筑业 */
  CZ_SME_INDUSTRY_WHOLESALE,                 /* 批发业 */
  CZ_SME_INDUSTRY_RETAIL,                    /* 零售业 */
  CZ_SME_INDUSTRY_TRANSPORT,                 /* 交通运输业 */
  CZ_SME_INDUSTRY_WAREHOUSING,               /* 仓储业 */
  CZ_SME_INDUSTRY_POSTAL,                    /* 邮政业 */
  CZ_SME_INDUSTRY_ACCOMMODATION,             /* 住宿业 */
  CZ_SME_INDUSTRY_CATERING,                  /* 餐饮业 */
  CZ_SME_INDUSTRY_INFORMATION_TRANSMISSION,  /* 信息传输业 */
  CZ_SME_INDUSTRY_SOFTWARE,                  /* 软件和信息技术服务业 */
  CZ_SME_INDUSTRY_REAL_ESTATE,               /* 房地产开发经营 */
  CZ_SME_INDUSTRY_PROPERTY_MANAGEMENT,       /* 物业管理 */
  CZ_SME_INDUSTRY_LEASING_BUSINESS,          /* 租赁和商务服务业 */
  CZ_SME_INDUSTRY_OTHER,                     /* 其他未列明行业 */
  CZ_SME_N_INDUSTRIES,
} CzSmeIndustry;

/* Nicks are the industries' ids: "agriculture", "industry", … */
#define CZ_TYPE_SME_INDUSTRY (cz_sme_industry_get_type ())
GType cz_sme_industry_get_type (void);

typedef enum
{
  CZ_SME_STATUS_UNKNOWN,
  CZ_SME_STATUS_SME,
  CZ_SME_STATUS_NOT_SME,
} CzSmeStatus;

typedef enum
{
  CZ_SME_CRITERION_NONE,
  CZ_SME_CRITERION_EMPLOYEES,
  CZ_SME_CRITERION_REVENUE,
  CZ_SME_CRITERION_TOTAL_ASSETS,
} CzSmeCriterion;

/* Stable id for the dossier ("industry", "wholesale", …). */
const char     *cz_sme_industry_to_id        (CzSmeIndustry   industry);
gboolean        cz_sme_industry_from_id      (const char     *id,
                                              CzSmeIndustry  *out_industry);
/* The rule's own Chinese name, as the form prints it ("工业"): not translated. */
const char     *cz_sme_industry_get_name_zh  (CzSmeIndustry   industry);
/* A name in the user's language, for the UI. */
const char     *cz_sme_industry_get_label    (CzSmeIndustry   industry);

/* The bound below which @criterion makes a firm of @industry an SME (persons
 * or 万元), or -1 when the rule does not use that criterion for the industry. */
gint64          cz_sme_get_bound             (CzSmeIndustry   industry,
                                              CzSmeCriterion  criterion);

/* Classifies one firm. Figures are persons and whole 万元 (round down: that keeps
 * "below the bound" exact); -1 means not given.
 *
 * SME as soon as one given figure is below its bound (the rule says "or"), and
 * @out_criterion names the first such in the rule's order. Not an SME only when
 * every figure the industry uses is given and none is below its bound. Otherwise
 * (nothing below, something missing) UNKNOWN: a missing figure could still make
 * the firm an SME. @out_criterion names the criterion for SME, and NONE
 * otherwise. */
CzSmeStatus     cz_sme_classify              (CzSmeIndustry   industry,
                                              gint64          employees,
                                              gint64          revenue_wan,
                                              gint64          total_assets_wan,
                                              CzSmeCriterion *out_criterion);

/* The four size classes of the 2011 rule (大型 / 中型 / 小型 / 微型). */
typedef enum
{
  CZ_SME_SIZE_UNKNOWN,
  CZ_SME_SIZE_LARGE,
  CZ_SME_SIZE_MEDIUM,
  CZ_SME_SIZE_SMALL,
  CZ_SME_SIZE_MICRO,
} CzSmeSize;

/* "large", "medium", "small", "micro", "unknown". */
const char     *cz_sme_size_to_id            (CzSmeSize       size);
gboolean        cz_sme_size_from_id          (const char     *id,
                                              CzSmeSize      *out_size);
/* 大型, 中型, 小型, 微型: the rule's words, as forms print them; not translated. */
const char     *cz_sme_size_get_name_zh      (CzSmeSize       size);

/* The size class under the rule's full table: the SME bounds of
 * cz_sme_classify() and, below them, the medium and small thresholds ("X及以上
 * 且 Y及以上"). Figures as for cz_sme_classify(); -1 means not given.
 * @out_rule (optional) receives the clause that decided, in the rule's own
 * Chinese words with the firm's figures, such as
 * "工业：从业人员20人及以上且营业收入300万元及以上（150人，1200万元），为小型企业";
 * for UNKNOWN it names the figure that is missing. */
CzSmeSize       cz_sme_classify_size         (CzSmeIndustry   industry,
                                              gint64          employees,
                                              gint64          revenue_wan,
                                              gint64          total_assets_wan,
                                              char          **out_rule);

G_END_DECLS
