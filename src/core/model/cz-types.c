/* cz-types.c — the GTypes of the enumerations in cz-types.h
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-types.h"

G_DEFINE_ENUM_TYPE (CzStep, cz_step,
  G_DEFINE_ENUM_VALUE (CZ_STEP_ZONE, "zone"),
  G_DEFINE_ENUM_VALUE (CZ_STEP_BOUNDARY, "boundary"),
  G_DEFINE_ENUM_VALUE (CZ_STEP_REVENUE, "revenue"),
  G_DEFINE_ENUM_VALUE (CZ_STEP_INDICATORS, "indicators"),
  G_DEFINE_ENUM_VALUE (CZ_STEP_INCIDENTS, "incidents"),
  G_DEFINE_ENUM_VALUE (CZ_STEP_DECLARATIONS, "declarations"),
  G_DEFINE_ENUM_VALUE (CZ_STEP_EVIDENCE, "evidence"),
  G_DEFINE_ENUM_VALUE (CZ_STEP_REVIEW, "review"))

G_DEFINE_ENUM_TYPE (CzSeverity, cz_severity,
  G_DEFINE_ENUM_VALUE (CZ_SEVERITY_BLOCKER, "blocker"),
  G_DEFINE_ENUM_VALUE (CZ_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (CZ_SEVERITY_HINT, "hint"))
