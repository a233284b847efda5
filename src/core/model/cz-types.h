/* cz-types.h — forward declarations of CoopZone's core types, and the
 * enumerations every layer above the model speaks
 *
 * Include this instead of a whole header when a type is only named.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CzDossier          CzDossier;
typedef struct _CzFinding          CzFinding;
typedef struct _CzRules            CzRules;
typedef struct _CzValidator        CzValidator;
typedef struct _CzStore            CzStore;
typedef struct _CzEvidence         CzEvidence;
typedef struct _CzEvidenceStore    CzEvidenceStore;
typedef struct _CzSigner           CzSigner;
typedef struct _CzCertificate      CzCertificate;

/* The steps of the wizard, in order; findings are counted per step. */
typedef enum
{
  CZ_STEP_ZONE,
  CZ_STEP_BOUNDARY,
  CZ_STEP_REVENUE,
  CZ_STEP_INDICATORS,
  CZ_STEP_INCIDENTS,
  CZ_STEP_DECLARATIONS,
  CZ_STEP_EVIDENCE,
  CZ_STEP_REVIEW,
  CZ_N_STEPS,
} CzStep;

/* Nicks are the ids files and packs use: "zone", "boundary", … */
#define CZ_TYPE_STEP (cz_step_get_type ())
GType cz_step_get_type (void);

typedef enum
{
  CZ_SEVERITY_BLOCKER,   /* the application cannot go ahead */
  CZ_SEVERITY_WARNING,   /* it can, but a reviewer will ask */
  CZ_SEVERITY_HINT,      /* for information */
  CZ_N_SEVERITIES,
} CzSeverity;

/* Nicks: "blocker", "warning", "hint" */
#define CZ_TYPE_SEVERITY (cz_severity_get_type ())
GType cz_severity_get_type (void);

G_END_DECLS
