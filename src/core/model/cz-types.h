/* cz-types.h — forward declarations of CoopZone's core types, and the
 * enumerations every layer above the model speaks
 *
 * Include this instead of a whole header when a type is only named.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

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

typedef enum
{
  CZ_SEVERITY_BLOCKER,   /* the application cannot go ahead */
  CZ_SEVERITY_WARNING,   /* it can, but a reviewer will ask */
  CZ_SEVERITY_HINT,      /* for information */
  CZ_N_SEVERITIES,
} CzSeverity;

G_END_DECLS
