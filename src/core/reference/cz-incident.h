/* cz-incident.h — grades of accidents and incidents, for condition 6 of the measures
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CZ_INCIDENT_TYPE_PRODUCTION_SAFETY,     /* 生产安全事故 */
  CZ_INCIDENT_TYPE_ENVIRONMENTAL,         /* 突发环境事件 */
  CZ_INCIDENT_TYPE_CONSTRUCTION_QUALITY,  /* 工程质量事故 */
  CZ_INCIDENT_TYPE_OTHER_QUALITY,         /* 其他质量事故: grade stated by the user */
  CZ_INCIDENT_TYPE_NETWORK_SECURITY,      /* 网络安全事件 */
  CZ_INCIDENT_TYPE_DATA_SECURITY,         /* 数据安全事件 */
  CZ_INCIDENT_N_TYPES,
} CzIncidentType;

/* Nicks are the types' ids: "production-safety", "environmental", … */
#define CZ_TYPE_INCIDENT_TYPE (cz_incident_type_get_type ())
GType cz_incident_type_get_type (void);

/* In increasing order, so grades compare with < and >. */
typedef enum
{
  CZ_INCIDENT_GRADE_NONE,
  CZ_INCIDENT_GRADE_GENERAL,           /* 一般 */
  CZ_INCIDENT_GRADE_LARGER,            /* 较大 */
  CZ_INCIDENT_GRADE_MAJOR,             /* 重大 */
  CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR,  /* 特别重大 */
} CzIncidentGrade;

typedef enum
{
  CZ_INCIDENT_CRITERION_NONE,
  CZ_INCIDENT_CRITERION_DEATHS,
  CZ_INCIDENT_CRITERION_SERIOUS_INJURIES,
  CZ_INCIDENT_CRITERION_DIRECT_LOSS,
  CZ_INCIDENT_CRITERION_EVACUATED,
  CZ_INCIDENT_CRITERION_PERSONAL_INFORMATION,
  CZ_INCIDENT_CRITERION_SENSITIVE_PERSONAL_INFORMATION,
  CZ_INCIDENT_CRITERION_STATED,  /* the grade the user stated, with its basis */
} CzIncidentCriterion;

/* What the user reports of one incident; -1 (any negative) = not given. */
typedef struct
{
  gint64 deaths;
  gint64 serious_injuries;       /* environmental: poisoned or seriously injured */
  gint64 direct_loss_fen;
  gint64 evacuated;
  gint64 personal_information;   /* people whose personal information leaked */
  gint64 sensitive_information;  /* people whose sensitive personal information leaked */
} CzIncidentFigures;

#define CZ_INCIDENT_FIGURES_INIT { -1, -1, -1, -1, -1, -1 }

typedef struct
{
  CzIncidentGrade grade;
  CzIncidentCriterion criterion;  /* what set the grade */
  gint64 value;                   /* the figure that set it, -1 if none */
  gboolean disqualifying;         /* blocks condition 6 of the measures */
  gboolean provisional;           /* a threshold used is a draft or our inference */
} CzIncidentAssessment;

const char      *cz_incident_type_to_id          (CzIncidentType   type);
gboolean         cz_incident_type_from_id        (const char      *id,
                                                  CzIncidentType  *out_type);
/* "生产安全事故": the official term, not translated. */
const char      *cz_incident_type_get_name_zh    (CzIncidentType   type);

/* "一般", "较大", "重大", "特别重大" (empty for NONE): official terms, not translated. */
const char      *cz_incident_grade_get_name_zh   (CzIncidentGrade  grade);

/* The lowest grade of @type that breaks condition 6: 较大 for quality and
 * environmental accidents, 重大 for production-safety, network-security and
 * data-security incidents. */
CzIncidentGrade  cz_incident_type_get_disqualifying_grade (CzIncidentType type);

/* Grades one incident from its figures (REGULATION.md §3): any one criterion
 * reaching a grade sets it; "以上" includes the bound, "以下" excludes it. The
 * figures the type does not grade on are ignored. @stated_grade is the grade the
 * user declares from qualitative criteria (or, for "other quality", the only
 * grade there is); it wins when higher. With no figure given and no grade
 * stated the grade is NONE. */
void             cz_incident_assess              (CzIncidentType            type,
                                                  const CzIncidentFigures  *figures,
                                                  CzIncidentGrade           stated_grade,
                                                  CzIncidentAssessment     *out_assessment);

/* A sentence in the user's language saying what set the grade, such as
 * "10 deaths reaches 重大 (10–29)". */
char            *cz_incident_assessment_describe (CzIncidentType               type,
                                                  const CzIncidentAssessment  *assessment);

G_END_DECLS
