/* cz-filing.c
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-fields.h"
#include "cz-filing.h"
#include "cz-incident.h"
#include "cz-number.h"
#include "cz-plan-target.h"

struct _CzFiling
{
  GObject       parent_instance;
  CzFilingKind  kind;
  JsonObject   *object;
};

G_DEFINE_FINAL_TYPE (CzFiling, cz_filing, G_TYPE_OBJECT)

static const char * const kind_ids[CZ_N_FILING_KINDS] = {
  "annual-report", "change-request", "review",
};

const char *
cz_filing_kind_to_id (CzFilingKind kind)
{
  g_return_val_if_fail ((guint) kind < CZ_N_FILING_KINDS, NULL);
  return kind_ids[kind];
}

gboolean
cz_filing_kind_from_id (const char   *id,
                        CzFilingKind *out_kind)
{
  for (guint i = 0; i < CZ_N_FILING_KINDS; i++)
    if (g_strcmp0 (id, kind_ids[i]) == 0)
      {
        if (out_kind)
          *out_kind = (CzFilingKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cz_filing_kind_get_title (CzFilingKind kind)
{
  switch (kind)
    {
    case CZ_FILING_ANNUAL_REPORT:
      return _("Annual development report");
    case CZ_FILING_CHANGE_REQUEST:
      return _("Change request");
    case CZ_FILING_REVIEW:
      return _("Five-year review");
    case CZ_N_FILING_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
cz_filing_finalize (GObject *object)
{
  CzFiling *self = CZ_FILING (object);

  g_clear_pointer (&self->object, json_object_unref);
  G_OBJECT_CLASS (cz_filing_parent_class)->finalize (object);
}

static void
cz_filing_class_init (CzFilingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cz_filing_finalize;
}

static void
cz_filing_init (CzFiling *self)
{
}

CzFiling *
cz_filing_new (CzFilingKind  kind,
               const char   *dossier_id)
{
  CzFiling *self = g_object_new (CZ_TYPE_FILING, NULL);

  self->kind = kind;
  self->object = json_object_new ();
  json_object_set_string_member (self->object, "format", CZ_FILING_FORMAT);
  json_object_set_int_member (self->object, "version", CZ_FILING_FORMAT_VERSION);
  json_object_set_string_member (self->object, "kind", kind_ids[kind]);
  json_object_set_string_member (self->object, "dossier", dossier_id ? dossier_id : "");
  return self;
}

CzFiling *
cz_filing_new_from_json (JsonNode  *node,
                         GError   **error)
{
  JsonObject *object;
  const char *format, *kind_id;
  CzFilingKind kind;
  CzFiling *self;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto not_a_filing;
  object = json_node_get_object (node);
  format = json_object_get_string_member_with_default (object, "format", NULL);
  kind_id = json_object_get_string_member_with_default (object, "kind", NULL);
  if (g_strcmp0 (format, CZ_FILING_FORMAT) != 0)
    goto not_a_filing;
  if (json_object_get_int_member_with_default (object, "version", 1) > CZ_FILING_FORMAT_VERSION)
    {
      g_set_error_literal (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_INVALID_INPUT,
                           _("The filing was written by a newer CoopZone. Update CoopZone to open it."));
      return NULL;
    }
  if (!cz_filing_kind_from_id (kind_id, &kind))
    {
      g_set_error (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_INVALID_INPUT,
                   _("Kind of filing: “%s” is not one of annual-report, change-request or review."),
                   kind_id ? kind_id : "");
      return NULL;
    }

  self = g_object_new (CZ_TYPE_FILING, NULL);
  self->kind = kind;
  self->object = json_object_ref (object);
  if (!json_object_has_member (self->object, "dossier"))
    json_object_set_string_member (self->object, "dossier", "");
  return self;

not_a_filing:
  g_set_error (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_INVALID_INPUT,
               _("This is not a CoopZone filing: it needs \"format\": \"%s\" and a \"kind\"."),
               CZ_FILING_FORMAT);
  return NULL;
}

CzFiling *
cz_filing_new_from_data (const char  *data,
                         gssize       length,
                         const char  *source_name,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  CzFiling *self;

  if (length < 0)
    length = (gssize) strlen (data);
  if (!g_utf8_validate (data, length, NULL) ||
      !json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_INVALID_INPUT,
                   /* Translators: %1$s is a file name, %2$s the parser's message */
                   _("%1$s is not valid UTF-8 JSON: %2$s"), source_name,
                   local_error ? local_error->message : _("the text is not UTF-8"));
      return NULL;
    }
  self = cz_filing_new_from_json (json_parser_get_root (parser), &local_error);
  if (self == NULL)
    {
      g_set_error (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_INVALID_INPUT,
                   "%s: %s", source_name, local_error->message);
      return NULL;
    }
  return self;
}

CzFiling *
cz_filing_new_from_file (GFile   *file,
                         GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gsize length;

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return NULL;
  return cz_filing_new_from_data (data, (gssize) length, name, error);
}

CzFilingKind
cz_filing_get_kind (CzFiling *self)
{
  return self->kind;
}

const char *
cz_filing_get_dossier_id (CzFiling *self)
{
  return json_object_get_string_member_with_default (self->object, "dossier", "");
}

void
cz_filing_set_dossier_id (CzFiling   *self,
                          const char *dossier_id)
{
  json_object_set_string_member (self->object, "dossier", dossier_id ? dossier_id : "");
}

JsonObject *
cz_filing_get_object (CzFiling *self)
{
  return self->object;
}

JsonNode *
cz_filing_to_json (CzFiling *self)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, self->object);
  return node;
}

char *
cz_filing_to_data (CzFiling *self,
                   gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = cz_filing_to_json (self);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, length);
}

guint
cz_filing_get_year (CzFiling *self)
{
  gint64 year = json_object_get_int_member_with_default (self->object, "year", 0);

  return year > 0 && year < 10000 ? (guint) year : 0;
}

gboolean
cz_filing_get_date (CzFiling   *self,
                    const char *member,
                    GDate      *out)
{
  JsonNode *node = json_object_get_member (self->object, member);

  g_date_clear (out, 1);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  return cz_date_parse_iso (json_node_get_string (node), out);
}

char *
cz_filing_dup_key (CzFiling *self)
{
  switch (self->kind)
    {
    case CZ_FILING_ANNUAL_REPORT:
      return g_strdup_printf ("annual-report/%u", cz_filing_get_year (self));
    case CZ_FILING_CHANGE_REQUEST:
      return g_strdup_printf ("change-request/%s/%s",
                              json_object_get_string_member_with_default (self->object, "date", ""),
                              json_object_get_string_member_with_default (self->object, "what", ""));
    case CZ_FILING_REVIEW:
      return g_strdup ("review");
    case CZ_N_FILING_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
member_text (JsonObject *object,
             const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* An integer member: FALSE when missing; *out_ok FALSE when present but not an integer. */
static gboolean
member_integer (JsonObject *object,
                const char *member,
                gint64     *out,
                gboolean   *out_ok)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  *out_ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      *out_ok = FALSE;
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
parse_value_node (JsonNode *node,
                  gint64   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 v = json_node_get_int (node);
      if (v > G_MAXINT64 / 10000 || v < G_MININT64 / 10000)
        return FALSE;
      *out = v * 10000;
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return cz_parse_scaled_decimal (json_node_get_string (node), CZ_PLAN_VALUE_SCALE, out);
  return FALSE;
}

gboolean
cz_filing_get_target_value (CzFiling   *self,
                            const char *indicator,
                            gint64     *out_value)
{
  JsonArray *targets = member_array (self->object, "targets");

  for (guint i = 0; targets && i < json_array_get_length (targets); i++)
    {
      JsonNode *node = json_array_get_element (targets, i);
      JsonObject *target = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (target && g_strcmp0 (member_text (target, "indicator"), indicator) == 0)
        return parse_value_node (json_object_get_member (target, "value"), out_value);
    }
  return FALSE;
}

static const char * const grade_ids[] = { "", "general", "larger", "major", "especially_major" };

static gboolean
grade_from_id (const char      *id,
               CzIncidentGrade *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (grade_ids); i++)
    if (g_strcmp0 (id, grade_ids[i]) == 0)
      {
        *out = (CzIncidentGrade) i;
        return TRUE;
      }
  return FALSE;
}

static gint64
figure (JsonObject *incident,
        const char *member)
{
  gint64 value = -1;
  gboolean ok;

  if (!member_integer (incident, member, &value, &ok) || value < 0)
    return -1;
  return value;
}

/* Grades one incident of a report as the application does. FALSE when its type is unknown. */
static gboolean
assess_incident (JsonObject           *incident,
                 CzIncidentType       *out_type,
                 CzIncidentAssessment *out)
{
  CzIncidentFigures figures = CZ_INCIDENT_FIGURES_INIT;
  CzIncidentGrade stated = CZ_INCIDENT_GRADE_NONE;

  if (!cz_incident_type_from_id (member_text (incident, "type"), out_type))
    return FALSE;
  figures.deaths = figure (incident, "deaths");
  figures.serious_injuries = figure (incident, "serious_injuries");
  figures.direct_loss_fen = figure (incident, "direct_loss_fen");
  figures.evacuated = figure (incident, "evacuated");
  figures.personal_information = figure (incident, "people_leaked");
  figures.sensitive_information = figure (incident, "sensitive_leaked");
  grade_from_id (member_text (incident, "stated_grade"), &stated);
  cz_incident_assess (*out_type, &figures, stated, out);
  return TRUE;
}

gboolean
cz_filing_report_has_disqualifying_incident (CzFiling  *self,
                                             char     **out_detail)
{
  JsonArray *incidents = member_array (self->object, "incidents");

  for (guint i = 0; incidents && i < json_array_get_length (incidents); i++)
    {
      JsonNode *node = json_array_get_element (incidents, i);
      CzIncidentAssessment assessment;
      CzIncidentType type;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !assess_incident (json_node_get_object (node), &type, &assessment) ||
          !assessment.disqualifying)
        continue;
      if (out_detail != NULL)
        {
          g_autofree char *why = cz_incident_assessment_describe (type, &assessment);
          /* Translators: %1$s is a type of incident, %2$s a grade, %3$s what set it */
          *out_detail = g_strdup_printf (_("%1$s of grade %2$s (%3$s)"),
                                         cz_incident_type_get_name_zh (type),
                                         cz_incident_grade_get_name_zh (assessment.grade), why);
        }
      return TRUE;
    }
  return FALSE;
}

gboolean
cz_filing_report_declares (CzFiling   *self,
                           const char *member)
{
  return g_strcmp0 (member_text (member_object (self->object, "integrity"), member), CZ_DECLARED_OCCURRED) == 0;
}

void
cz_filing_problem_free (CzFilingProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->member);
  g_free (problem->message);
  g_free (problem);
}

gboolean
cz_filing_problems_block (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    if (((CzFilingProblem *) problems->pdata[i])->severity == CZ_SEVERITY_BLOCKER)
      return TRUE;
  return FALSE;
}

G_GNUC_PRINTF (4, 5)
static void
problem (GPtrArray  *problems,
         CzSeverity  severity,
         const char *member,
         const char *format,
         ...)
{
  CzFilingProblem *p = g_new0 (CzFilingProblem, 1);
  va_list args;

  va_start (args, format);
  p->severity = severity;
  p->member = g_strdup (member);
  p->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, p);
}

static void
check_required_text (GPtrArray  *problems,
                     JsonObject *object,
                     const char *member,
                     const char *path,
                     CzSeverity  severity,
                     const char *message)
{
  if (text_is_blank (member_text (object, member)))
    problem (problems, severity, path, "%s", message);
}

static void
check_figure (GPtrArray  *problems,
              JsonObject *figures,
              const char *member,
              const char *label,
              gint64     *out)
{
  g_autofree char *path = g_strdup_printf ("figures.%s", member);
  gboolean ok;

  *out = -1;
  if (!member_integer (figures, member, out, &ok))
    {
      if (ok)
        /* Translators: %s is a figure such as “Enterprises in the zone” */
        problem (problems, CZ_SEVERITY_BLOCKER, path, _("%s: give the figure at the end of the year."), label);
      else
        problem (problems, CZ_SEVERITY_BLOCKER, path, _("%s: enter a whole number."), label);
      *out = -1;
    }
  else if (*out < 0)
    problem (problems, CZ_SEVERITY_BLOCKER, path, _("%s: cannot be negative; enter zero or more."), label);
}

static void
check_report (CzFiling         *self,
              CzDossier        *zone,
              CzLifecycleRules *rules,
              const GDate      *today,
              GPtrArray        *problems)
{
  JsonObject *object = self->object;
  JsonObject *figures = member_object (object, "figures");
  JsonObject *integrity = member_object (object, "integrity");
  JsonObject *sections = member_object (object, "sections");
  JsonArray *incidents = member_array (object, "incidents");
  g_autoptr(GPtrArray) targets = cz_plan_targets_from_dossier (zone);
  CzRecognition recognition;
  guint year = cz_filing_get_year (self);
  gint64 revenue, enterprises, smes, foreign;

  (void) rules;
  if (year == 0)
    problem (problems, CZ_SEVERITY_BLOCKER, "year", "%s", _("Year of the report: enter the year the report is about, such as 2025."));
  else if (cz_zone_record_get_recognition (zone, &recognition))
    {
      guint first, last;

      cz_recognition_get_report_years (&recognition, &first, &last);
      if (year < first || year > last)
        problem (problems, CZ_SEVERITY_BLOCKER, "year",
                 /* Translators: %1$u is a year, %2$u–%3$u the years reports are due for */
                 _("Year of the report: %1$u is outside the zone’s validity; reports are due for %2$u–%3$u."),
                 year, first, last);
      else if (today != NULL && year >= g_date_get_year (today))
        problem (problems, CZ_SEVERITY_BLOCKER, "year",
                 _("Year of the report: %u has not ended yet; report on a year after it ends."), year);
      cz_recognition_clear (&recognition);
    }

  check_figure (problems, figures, "revenue_fen", _("Total operating revenue"), &revenue);
  check_figure (problems, figures, "enterprises", _("Enterprises in the zone"), &enterprises);
  check_figure (problems, figures, "smes", _("SMEs in the zone"), &smes);
  if (figures != NULL && json_object_has_member (figures, "foreign_invested"))
    check_figure (problems, figures, "foreign_invested", _("Foreign-invested enterprises"), &foreign);
  else
    foreign = -1;
  if (smes >= 0 && enterprises >= 0 && smes > enterprises)
    {
      g_autofree char *a = g_strdup_printf ("%" G_GINT64_FORMAT, smes);
      g_autofree char *b = g_strdup_printf ("%" G_GINT64_FORMAT, enterprises);
      /* Translators: both are numbers */
      problem (problems, CZ_SEVERITY_BLOCKER, "figures.smes",
               _("SMEs in the zone: %1$s is more than the %2$s enterprises in the zone."), a, b);
    }
  if (foreign >= 0 && enterprises >= 0 && foreign > enterprises)
    {
      g_autofree char *a = g_strdup_printf ("%" G_GINT64_FORMAT, foreign);
      g_autofree char *b = g_strdup_printf ("%" G_GINT64_FORMAT, enterprises);
      /* Translators: both are numbers */
      problem (problems, CZ_SEVERITY_BLOCKER, "figures.foreign_invested",
               _("Foreign-invested enterprises: %1$s is more than the %2$s enterprises in the zone."), a, b);
    }

  for (guint i = 0; i < targets->len; i++)
    {
      const CzPlanTarget *target = targets->pdata[i];
      JsonArray *values = member_array (object, "targets");
      gboolean found = FALSE;

      for (guint j = 0; values && j < json_array_get_length (values); j++)
        {
          JsonNode *node = json_array_get_element (values, j);
          JsonObject *value = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          gint64 parsed;

          if (value == NULL || g_strcmp0 (member_text (value, "indicator"), target->indicator) != 0)
            continue;
          found = TRUE;
          if (!parse_value_node (json_object_get_member (value, "value"), &parsed))
            {
              g_autofree char *path = g_strdup_printf ("targets[%u].value", j);
              /* Translators: %s is a plan target's indicator */
              problem (problems, CZ_SEVERITY_BLOCKER, path, _("Plan target “%s”: enter its value as a number, such as 120.5."),
                       target->indicator);
            }
        }
      if (!found)
        problem (problems, CZ_SEVERITY_WARNING, "targets",
                 /* Translators: %1$s is a plan target's indicator, %2$u a year */
                 _("Plan target “%1$s”: give its value for %2$u, so that the review can measure it."),
                 target->indicator, year);
    }

  for (guint i = 0; incidents && i < json_array_get_length (incidents); i++)
    {
      JsonNode *node = json_array_get_element (incidents, i);
      g_autofree char *path = g_strdup_printf ("incidents[%u]", i);
      CzIncidentAssessment assessment;
      CzIncidentType type;
      GDate date;

      if (!JSON_NODE_HOLDS_OBJECT (node) || !assess_incident (json_node_get_object (node), &type, &assessment))
        {
          problem (problems, CZ_SEVERITY_BLOCKER, path,
                   _("Incident %u: give its type (production-safety, environmental, construction-quality, other-quality, network-security or data-security)."),
                   i + 1);
          continue;
        }
      if (!cz_date_parse_iso (member_text (json_node_get_object (node), "date"), &date) ||
          (year != 0 && g_date_get_year (&date) != year))
        problem (problems, CZ_SEVERITY_BLOCKER, path,
                 _("Incident %1$u: give the date it happened in %2$u, as YYYY-MM-DD."), i + 1, year);
      if (assessment.disqualifying)
        {
          g_autofree char *why = cz_incident_assessment_describe (type, &assessment);
          problem (problems, CZ_SEVERITY_WARNING, path,
                   /* Translators: %1$u is a number, %2$s what set the grade */
                   _("Incident %1$u: %2$s. This is a ground for revoking the recognition; describe the measures taken in the report."),
                   i + 1, why);
        }
    }

  if (integrity == NULL || !(g_strcmp0 (member_text (integrity, "serious_dishonesty"), CZ_DECLARED_NONE) == 0 ||
                             g_strcmp0 (member_text (integrity, "serious_dishonesty"), CZ_DECLARED_OCCURRED) == 0))
    problem (problems, CZ_SEVERITY_BLOCKER, "integrity.serious_dishonesty", "%s",
             _("Serious dishonesty: declare “none” or “occurred” for the year."));
  if (integrity == NULL || !(g_strcmp0 (member_text (integrity, "major_violation"), CZ_DECLARED_NONE) == 0 ||
                             g_strcmp0 (member_text (integrity, "major_violation"), CZ_DECLARED_OCCURRED) == 0))
    problem (problems, CZ_SEVERITY_BLOCKER, "integrity.major_violation", "%s",
             _("Major violation of law: declare “none” or “occurred” for the year."));

  check_required_text (problems, sections, "work_done", "sections.work_done", CZ_SEVERITY_BLOCKER,
                       _("Work done: describe the year’s work in the zone."));
  check_required_text (problems, sections, "problems", "sections.problems", CZ_SEVERITY_WARNING,
                       _("Problems: describe the problems met, or write that there were none."));
  check_required_text (problems, sections, "next_year", "sections.next_year", CZ_SEVERITY_WARNING,
                       _("Next year’s plan: describe what the zone plans for next year."));
}

static const char *
change_label (const char *what)
{
  if (g_strcmp0 (what, CZ_CHANGE_NAME) == 0)
    return C_("what changed", "name");
  if (g_strcmp0 (what, CZ_CHANGE_SPATIAL_EXTENT) == 0)
    return C_("what changed", "spatial extent");
  if (g_strcmp0 (what, CZ_CHANGE_OPERATING_BODY) == 0)
    return C_("what changed", "operating body");
  if (g_strcmp0 (what, CZ_CHANGE_OTHER) == 0)
    return C_("what changed", "other");
  return NULL;
}

gboolean
cz_filing_change_is_late (CzFiling         *self,
                          CzLifecycleRules *rules,
                          const GDate      *today,
                          CzDuty           *out_duty)
{
  GDate change, submitted;
  CzDuty duty;
  gboolean late;

  g_return_val_if_fail (self->kind == CZ_FILING_CHANGE_REQUEST, FALSE);

  if (!cz_filing_get_date (self, "date", &change) ||
      !cz_lifecycle_change_due (rules, &change, NULL, &duty, NULL))
    return FALSE;
  if (cz_filing_get_date (self, "submitted", &submitted))
    late = g_date_compare (&submitted, &duty.due) > 0;
  else
    late = today != NULL && g_date_compare (today, &duty.due) > 0;
  if (out_duty != NULL)
    *out_duty = duty;
  else
    cz_duty_clear (&duty);
  return late;
}

static void
check_change (CzFiling         *self,
              CzDossier        *zone,
              CzLifecycleRules *rules,
              const GDate      *today,
              GPtrArray        *problems)
{
  JsonObject *object = self->object;
  const char *what = member_text (object, "what");
  CzRecognition recognition;
  g_autoptr(GError) error = NULL;
  GDate change, submitted;
  CzDuty duty;

  if (change_label (what) == NULL)
    problem (problems, CZ_SEVERITY_BLOCKER, "what", "%s",
             _("What changed: choose name, spatial_extent, operating_body or other."));

  if (!cz_filing_get_date (self, "date", &change))
    problem (problems, CZ_SEVERITY_BLOCKER, "date", "%s",
             _("Date of the change: enter the day the change happened, as YYYY-MM-DD."));
  else if (!cz_lifecycle_change_due (rules, &change, today, &duty, &error))
    problem (problems, CZ_SEVERITY_BLOCKER, "date", "%s", error->message);
  else
    {
      if (cz_zone_record_get_recognition (zone, &recognition))
        {
          if (g_date_compare (&change, &recognition.date) < 0)
            problem (problems, CZ_SEVERITY_BLOCKER, "date", "%s",
                     _("Date of the change: it is before the recognition; a change request is for changes after it."));
          cz_recognition_clear (&recognition);
        }
      if (cz_filing_get_date (self, "submitted", &submitted) && g_date_compare (&submitted, &change) < 0)
        problem (problems, CZ_SEVERITY_BLOCKER, "submitted", "%s",
                 _("Date handed in: it is before the date of the change."));
      else if (cz_filing_change_is_late (self, rules, today, NULL))
        {
          g_autofree char *due = cz_date_format_official (&duty.due);
          problem (problems, CZ_SEVERITY_WARNING, "date",
                   /* Translators: %1$s is a date, %2$s a revocation ground, %3$s its citation */
                   _("Late: the change request was due by %1$s. It still goes out, marked late; a change not reported in time is a ground for revocation (“%2$s”, %3$s)."),
                   due, cz_lifecycle_rules_get_ground_title (rules, CZ_REVOCATION_CHANGE_NOT_REPORTED, NULL),
                   cz_lifecycle_rules_get_revocation_citation (rules));
        }
      cz_duty_clear (&duty);
    }

  check_required_text (problems, object, "before", "before", CZ_SEVERITY_BLOCKER,
                       _("Before the change: state what it was before."));
  check_required_text (problems, object, "after", "after", CZ_SEVERITY_BLOCKER,
                       _("After the change: state what it is now."));
  check_required_text (problems, object, "reason", "reason", CZ_SEVERITY_BLOCKER,
                       _("Reason for the change: explain why it changed."));
  if (member_array (object, "evidence") == NULL || json_array_get_length (member_array (object, "evidence")) == 0)
    problem (problems, CZ_SEVERITY_WARNING, "evidence", "%s",
             _("Evidence: attach the document that decided the change (a notice, a resolution, a map)."));

  if (g_strcmp0 (what, CZ_CHANGE_SPATIAL_EXTENT) == 0)
    {
      JsonObject *boundary = member_object (object, "boundary");
      static const char * const sides[] = { "east", "south", "west", "north" };
      JsonArray *areas = boundary ? member_array (boundary, "functional_areas") : NULL;

      for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
        if (text_is_blank (member_text (boundary, sides[i])))
          {
            g_autofree char *path = g_strdup_printf ("boundary.%s", sides[i]);
            problem (problems, CZ_SEVERITY_BLOCKER, path, "%s",
                     _("New boundary: give all four limits (east, south, west, north) of the new spatial extent."));
            break;
          }
      if (areas == NULL || json_array_get_length (areas) == 0)
        problem (problems, CZ_SEVERITY_BLOCKER, "boundary.functional_areas", "%s",
                 _("New functional areas: list each area with its name, area in m² and purpose."));
    }
}

static void
check_review (CzFiling         *self,
              CzDossier        *zone,
              CzLifecycleRules *rules,
              const GDate      *today,
              GPtrArray        *problems)
{
  CzRecognition recognition;

  (void) rules;
  if (!cz_zone_record_get_recognition (zone, &recognition))
    return;
  if (today != NULL && g_date_get_year (today) < g_date_get_year (&recognition.valid_until))
    problem (problems, CZ_SEVERITY_WARNING, "kind", "%s",
             _("The review is made when validity ends; until then the table shows the years reported so far."));
  cz_recognition_clear (&recognition);
  check_required_text (problems, self->object, "summary", "summary", CZ_SEVERITY_BLOCKER,
                       _("Summary: sum up the five years against the plan’s targets."));
}

GPtrArray *
cz_filing_check (CzFiling         *self,
                 CzDossier        *zone,
                 CzLifecycleRules *rules,
                 const GDate      *today)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_filing_problem_free);

  g_return_val_if_fail (CZ_IS_FILING (self), problems);
  g_return_val_if_fail (CZ_IS_DOSSIER (zone), problems);

  if (!cz_zone_record_is_recognised (zone))
    problem (problems, CZ_SEVERITY_BLOCKER, "dossier", "%s",
             _("The dossier is not marked recognised: mark it recognised (date, document number) before filing."));

  switch (self->kind)
    {
    case CZ_FILING_ANNUAL_REPORT:
      check_report (self, zone, rules, today, problems);
      break;
    case CZ_FILING_CHANGE_REQUEST:
      check_change (self, zone, rules, today, problems);
      break;
    case CZ_FILING_REVIEW:
      check_review (self, zone, rules, today, problems);
      break;
    case CZ_N_FILING_KINDS:
    default:
      g_assert_not_reached ();
    }
  return problems;
}

static void
offer_integer (JsonObject *offered,
               const char *member,
               CzDossier  *zone,
               const char *field_template,
               guint       year)
{
  g_autofree char *field = cz_field_id_for_year (field_template, year);
  gint64 value;

  if (cz_dossier_get_integer (zone, field, &value) || cz_dossier_get_money (zone, field, &value))
    json_object_set_int_member (offered, member, value);
}

CzFiling *
cz_filing_new_annual_report (CzDossier *zone,
                             guint      year,
                             CzFiling  *previous)
{
  CzFiling *self = cz_filing_new (CZ_FILING_ANNUAL_REPORT, cz_dossier_get_id (zone));
  JsonObject *offered = json_object_new ();

  json_object_set_int_member (self->object, "year", year);
  if (previous != NULL && member_object (previous->object, "figures") != NULL)
    {
      JsonObject *figures = member_object (previous->object, "figures");
      g_autoptr(GList) members = json_object_get_members (figures);

      json_object_set_int_member (offered, "from_year", cz_filing_get_year (previous));
      json_object_set_string_member (offered, "source", "annual-report");
      for (GList *l = members; l; l = l->next)
        json_object_set_member (offered, l->data, json_node_copy (json_object_get_member (figures, l->data)));
    }
  else
    {
      gint64 call_year = year;

      /* The application's figures are for the three years before its call year. */
      cz_dossier_get_integer (zone, CZ_FIELD_APPLICATION_YEAR, &call_year);
      json_object_set_int_member (offered, "from_year", call_year - 1);
      json_object_set_string_member (offered, "source", "application");
      offer_integer (offered, "revenue_fen", zone, CZ_FIELD_REVENUE_TOTAL_Y, (guint) call_year - 1);
      offer_integer (offered, "enterprises", zone, CZ_FIELD_ENTERPRISES_TOTAL_Y, (guint) call_year - 1);
      offer_integer (offered, "smes", zone, CZ_FIELD_ENTERPRISES_SME_Y, (guint) call_year - 1);
      offer_integer (offered, "foreign_invested", zone, CZ_FIELD_ENTERPRISES_FOREIGN_Y, (guint) call_year - 1);
    }
  /* Offered, never copied: the report's own "figures" stay empty until the user enters them. */
  json_object_set_object_member (self->object, "offered", offered);
  json_object_set_object_member (self->object, "figures", json_object_new ());
  return self;
}
