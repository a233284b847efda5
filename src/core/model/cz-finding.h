/* cz-finding.h — one outcome of a rule of the rules pack
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cz-fields.h"
#include "cz-types.h"

G_BEGIN_DECLS

#define CZ_TYPE_FINDING (cz_finding_get_type ())
G_DECLARE_FINAL_TYPE (CzFinding, cz_finding, CZ, FINDING, GObject)

/* Properties, all construct-only: "rule-id", "severity" (CzSeverity as uint),
 * "field-id" (nullable: a note about a whole step), "step" (CzStep as uint),
 * "message", "citation", "provisional". */
CzFinding   *cz_finding_new              (const char *rule_id,
                                          CzSeverity  severity,
                                          const char *field_id,
                                          CzStep      step,
                                          const char *message,
                                          const char *citation,
                                          gboolean    provisional);

const char  *cz_finding_get_rule_id      (CzFinding  *self);
CzSeverity   cz_finding_get_severity     (CzFinding  *self);
const char  *cz_finding_get_field_id     (CzFinding  *self);
CzStep       cz_finding_get_step         (CzFinding  *self);
const char  *cz_finding_get_message      (CzFinding  *self);
const char  *cz_finding_get_citation     (CzFinding  *self);
gboolean     cz_finding_get_provisional  (CzFinding  *self);

/* The finding as an object of docs/findings-json.md. */
JsonNode    *cz_finding_to_json          (CzFinding  *self);

/* Same rule, field, severity, message and provisional flag. */
gboolean     cz_finding_equal            (CzFinding  *a,
                                          CzFinding  *b);

G_END_DECLS
