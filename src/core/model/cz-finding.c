/* cz-finding.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-enum.h"
#include "cz-finding.h"

struct _CzFinding
{
  GObject     parent_instance;

  char       *rule_id;
  CzSeverity  severity;
  char       *field_id;
  CzStep      step;
  char       *message;
  char       *citation;
  gboolean    provisional;
};

G_DEFINE_FINAL_TYPE (CzFinding, cz_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE_ID,
  PROP_SEVERITY,
  PROP_FIELD_ID,
  PROP_STEP,
  PROP_MESSAGE,
  PROP_CITATION,
  PROP_PROVISIONAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cz_finding_finalize (GObject *object)
{
  CzFinding *self = CZ_FINDING (object);

  g_free (self->rule_id);
  g_free (self->field_id);
  g_free (self->message);
  g_free (self->citation);

  G_OBJECT_CLASS (cz_finding_parent_class)->finalize (object);
}

static void
cz_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CzFinding *self = CZ_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE_ID:     g_value_set_string (value, self->rule_id); break;
    case PROP_SEVERITY:    g_value_set_uint (value, self->severity); break;
    case PROP_FIELD_ID:    g_value_set_string (value, self->field_id); break;
    case PROP_STEP:        g_value_set_uint (value, self->step); break;
    case PROP_MESSAGE:     g_value_set_string (value, self->message); break;
    case PROP_CITATION:    g_value_set_string (value, self->citation); break;
    case PROP_PROVISIONAL: g_value_set_boolean (value, self->provisional); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_finding_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CzFinding *self = CZ_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE_ID:     self->rule_id = g_value_dup_string (value); break;
    case PROP_SEVERITY:    self->severity = g_value_get_uint (value); break;
    case PROP_FIELD_ID:    self->field_id = g_value_dup_string (value); break;
    case PROP_STEP:        self->step = g_value_get_uint (value); break;
    case PROP_MESSAGE:     self->message = g_value_dup_string (value); break;
    case PROP_CITATION:    self->citation = g_value_dup_string (value); break;
    case PROP_PROVISIONAL: self->provisional = g_value_get_boolean (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_finding_class_init (CzFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cz_finding_finalize;
  object_class->get_property = cz_finding_get_property;
  object_class->set_property = cz_finding_set_property;

  properties[PROP_RULE_ID] = g_param_spec_string ("rule-id", NULL, NULL, NULL, flags);
  properties[PROP_SEVERITY] = g_param_spec_uint ("severity", NULL, NULL, 0, CZ_N_SEVERITIES - 1, 0, flags);
  properties[PROP_FIELD_ID] = g_param_spec_string ("field-id", NULL, NULL, NULL, flags);
  properties[PROP_STEP] = g_param_spec_uint ("step", NULL, NULL, 0, CZ_N_STEPS - 1, 0, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_CITATION] = g_param_spec_string ("citation", NULL, NULL, NULL, flags);
  properties[PROP_PROVISIONAL] = g_param_spec_boolean ("provisional", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cz_finding_init (CzFinding *self)
{
}

CzFinding *
cz_finding_new (const char *rule_id,
                CzSeverity  severity,
                const char *field_id,
                CzStep      step,
                const char *message,
                const char *citation,
                gboolean    provisional)
{
  return g_object_new (CZ_TYPE_FINDING,
                       "rule-id", rule_id,
                       "severity", (guint) severity,
                       "field-id", field_id,
                       "step", (guint) step,
                       "message", message,
                       "citation", citation,
                       "provisional", provisional,
                       NULL);
}

const char *cz_finding_get_rule_id (CzFinding *self) { g_return_val_if_fail (CZ_IS_FINDING (self), NULL); return self->rule_id; }
CzSeverity cz_finding_get_severity (CzFinding *self) { g_return_val_if_fail (CZ_IS_FINDING (self), 0); return self->severity; }
const char *cz_finding_get_field_id (CzFinding *self) { g_return_val_if_fail (CZ_IS_FINDING (self), NULL); return self->field_id; }
CzStep cz_finding_get_step (CzFinding *self) { g_return_val_if_fail (CZ_IS_FINDING (self), 0); return self->step; }
const char *cz_finding_get_message (CzFinding *self) { g_return_val_if_fail (CZ_IS_FINDING (self), NULL); return self->message; }
const char *cz_finding_get_citation (CzFinding *self) { g_return_val_if_fail (CZ_IS_FINDING (self), NULL); return self->citation; }
gboolean cz_finding_get_provisional (CzFinding *self) { g_return_val_if_fail (CZ_IS_FINDING (self), FALSE); return self->provisional; }

gboolean
cz_finding_equal (CzFinding *a,
                  CzFinding *b)
{
  return g_strcmp0 (a->rule_id, b->rule_id) == 0 &&
         g_strcmp0 (a->field_id, b->field_id) == 0 &&
         a->severity == b->severity &&
         a->step == b->step &&
         a->provisional == b->provisional &&
         g_strcmp0 (a->message, b->message) == 0;
}

static void
set_string_or_null (JsonObject *object,
                    const char *name,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

/**
 * cz_finding_to_json:
 *
 * The one way a finding is written: by `coopzone-cli validate --json` and
 * `evidence --json`, and into an archive's dossier.json, whose readers
 * depend on these members (docs/findings-json.md).
 *
 * Returns: (transfer full): `{ "rule_id", "severity", "field_id", "step",
 *   "message", "citation", "provisional" }`
 */
JsonNode *
cz_finding_to_json (CzFinding *self)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (CZ_IS_FINDING (self), NULL);

  object = json_object_new ();
  set_string_or_null (object, "rule_id", cz_finding_get_rule_id (self));
  set_string_or_null (object, "severity", cz_enum_get_nick (CZ_TYPE_SEVERITY, cz_finding_get_severity (self)));
  set_string_or_null (object, "field_id", cz_finding_get_field_id (self));
  set_string_or_null (object, "step", cz_enum_get_nick (CZ_TYPE_STEP, cz_finding_get_step (self)));
  set_string_or_null (object, "message", cz_finding_get_message (self));
  set_string_or_null (object, "citation", cz_finding_get_citation (self));
  json_object_set_boolean_member (object, "provisional", cz_finding_get_provisional (self));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}
