/* cz-rules-private.h — what the findings engine needs of a loaded pack
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-fields.h"
#include "cz-incident.h"
#include "cz-rules.h"

G_BEGIN_DECLS

/* The fixed set of checks a pack can name; each is implemented in
 * cz-validator.c. Names as in the pack: see check_kinds in cz-rules.c. */
typedef enum
{
  CZ_CHECK_REQUIRED,
  CZ_CHECK_DECLARED,
  CZ_CHECK_MIN_INTEGER,
  CZ_CHECK_MIN_MONEY,
  CZ_CHECK_RATIO_MIN,
  CZ_CHECK_NOT_GREATER,
  CZ_CHECK_SAME_CITY,
  CZ_CHECK_FUNCTIONAL_AREAS,
  CZ_CHECK_AREA_SUM_MATCHES,
  CZ_CHECK_CALL_YEAR,
  CZ_CHECK_QUOTA,
  CZ_CHECK_INCIDENTS_DECLARED,
  CZ_CHECK_INCIDENTS_CLEAR,
  CZ_CHECK_NOTE,
  CZ_CHECK_VALID_INPUT,
  CZ_N_CHECKS,
} CzCheckKind;

struct _CzRule
{
  guint           index;
  char           *id;
  CzSeverity      severity;
  CzCheckKind     check;
  const char    **fields;       /* interned, NULL-terminated */
  char           *message_zh;
  char           *message_en;
  char           *citation_document;
  char           *citation_article;
  gboolean        provisional;

  /* Parameters, resolved when the pack is loaded; which are used depends on
   * the check (see check_kinds in cz-rules.c). Field lists are interned and
   * NULL-terminated. */
  const char    **field_a;
  const char    **field_b;
  const char     *field_c;
  const char     *field_d;
  gint64          number;
  gboolean        strict;
  char           *text;
  CzIncidentType  incident_type;
  CzStep          step;
};

const char *cz_check_kind_to_id (CzCheckKind kind);

G_END_DECLS
