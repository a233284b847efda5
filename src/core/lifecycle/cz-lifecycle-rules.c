/* cz-lifecycle-rules.c
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cz-lifecycle-rules.h"

G_DEFINE_QUARK (cz-lifecycle-error-quark, cz_lifecycle_error)

typedef struct
{
  char *zh;
  char *en;
} Text;

typedef struct
{
  Text     title;
  Text     action;
  gboolean knowable;
} Ground;

struct _CzLifecycleRules
{
  gatomicrefcount ref_count;
  CzRules  *rules;

  guint     validity_years;
  char     *validity_citation;

  guint     province_month, province_day;
  guint     ministry_month, ministry_day;
  CzDueRoll report_roll;
  gboolean  report_provisional;
  char     *report_citation;
  Text      report_note;

  guint     change_working_days;
  gboolean  count_change_day;
  char     *change_citation;
  Text      change_note;

  gboolean  review_provisional;
  char     *review_citation;

  Ground    grounds[CZ_N_REVOCATION_GROUNDS];
  char     *revocation_citation;
};

static const char * const ground_ids[CZ_N_REVOCATION_GROUNDS] = {
  "false_data", "missing_report", "refusing_monitoring",
  "change_not_reported", "incident_or_dishonesty", "major_violation",
};

const char *
cz_revocation_ground_to_id (CzRevocationGround ground)
{
  g_return_val_if_fail ((guint) ground < CZ_N_REVOCATION_GROUNDS, NULL);
  return ground_ids[ground];
}

static void
text_clear (Text *text)
{
  g_clear_pointer (&text->zh, g_free);
  g_clear_pointer (&text->en, g_free);
}

static const char *
text_pick (const Text *text,
           const char *language)
{
  if (g_str_equal (cz_rules_pick_language (language), "zh_CN") || text->en == NULL)
    return text->zh ? text->zh : "";
  return text->en;
}

static gboolean
refuse (GError    **error,
        const char *where,
        const char *what)
{
  g_set_error (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_NO_SECTION,
               /* Translators: %1$s is a member of the rules pack such as “lifecycle.annual_report”, %2$s what is wrong with it */
               _("Rules pack, “%1$s”: %2$s. Load a rules pack that states the duties of a recognised zone."),
               where, what);
  return FALSE;
}

static JsonObject *
get_object (JsonObject *parent,
            const char *member)
{
  JsonNode *node = parent ? json_object_get_member (parent, member) : NULL;
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
get_text (JsonObject *parent,
          const char *member,
          Text       *out)
{
  JsonObject *object = get_object (parent, member);
  const char *zh, *en;

  if (object == NULL)
    return FALSE;
  zh = json_object_get_string_member_with_default (object, "zh_CN", NULL);
  en = json_object_get_string_member_with_default (object, "en", NULL);
  if (zh == NULL)
    return FALSE;
  out->zh = g_strdup (zh);
  out->en = g_strdup (en);
  return TRUE;
}

static char *
get_citation_member (JsonObject *parent,
                     const char *member)
{
  JsonObject *citation = get_object (parent, member);
  const char *document, *article;

  if (citation == NULL)
    return NULL;
  document = json_object_get_string_member_with_default (citation, "document", NULL);
  article = json_object_get_string_member_with_default (citation, "article", NULL);
  if (document == NULL)
    return NULL;
  return article ? g_strdup_printf ("%s, %s", document, article) : g_strdup (document);
}

static char *
get_citation (JsonObject *parent)
{
  return get_citation_member (parent, "citation");
}

static gboolean
parse_month_day (JsonObject *object,
                 const char *member,
                 guint      *out_month,
                 guint      *out_day)
{
  const char *text = json_object_get_string_member_with_default (object, member, NULL);
  guint month, day;
  char trailing;

  if (text == NULL || sscanf (text, "%2u-%2u%c", &month, &day, &trailing) != 2 ||
      !g_date_valid_dmy (day, month, 2023))  /* a day every year has */
    return FALSE;
  *out_month = month;
  *out_day = day;
  return TRUE;
}

static gboolean
load (CzLifecycleRules *self,
      JsonObject       *lifecycle,
      GError          **error)
{
  JsonObject *validity = get_object (lifecycle, "validity");
  JsonObject *report = get_object (lifecycle, "annual_report");
  JsonObject *change = get_object (lifecycle, "change_request");
  JsonObject *review = get_object (lifecycle, "review");
  JsonNode *grounds_node = json_object_get_member (lifecycle, "revocation");
  JsonArray *grounds;
  const char *roll;
  gint64 n;

  if (validity == NULL || (n = json_object_get_int_member_with_default (validity, "years", 0)) < 1 || n > 20 ||
      (self->validity_citation = get_citation (validity)) == NULL)
    return refuse (error, "lifecycle.validity", _("give “years” (1 to 20) and a citation"));
  self->validity_years = (guint) n;

  if (report == NULL ||
      !parse_month_day (report, "province_due", &self->province_month, &self->province_day) ||
      !parse_month_day (report, "ministry_due", &self->ministry_month, &self->ministry_day) ||
      (self->report_citation = get_citation (report)) == NULL)
    return refuse (error, "lifecycle.annual_report", _("give “province_due” and “ministry_due” as MM-DD and a citation"));
  roll = json_object_get_string_member_with_default (report, "due_on_non_working_day", "keep");
  if (g_str_equal (roll, "previous"))
    self->report_roll = CZ_DUE_PREVIOUS;
  else if (g_str_equal (roll, "next"))
    self->report_roll = CZ_DUE_NEXT;
  else if (g_str_equal (roll, "keep"))
    self->report_roll = CZ_DUE_KEEP;
  else
    return refuse (error, "lifecycle.annual_report.due_on_non_working_day", _("use “keep”, “previous” or “next”"));
  self->report_provisional = json_object_get_boolean_member_with_default (report, "provisional", TRUE);
  get_text (report, "note", &self->report_note);

  if (change == NULL || (n = json_object_get_int_member_with_default (change, "working_days", 0)) < 1 || n > 365 ||
      (self->change_citation = get_citation (change)) == NULL)
    return refuse (error, "lifecycle.change_request", _("give “working_days” (1 to 365) and a citation"));
  self->change_working_days = (guint) n;
  self->count_change_day = json_object_get_boolean_member_with_default (change, "count_change_day", FALSE);
  get_text (change, "note", &self->change_note);

  if (review == NULL || (self->review_citation = get_citation (review)) == NULL)
    return refuse (error, "lifecycle.review", _("give a citation"));
  self->review_provisional = json_object_get_boolean_member_with_default (review, "provisional", TRUE);

  if (grounds_node == NULL || !JSON_NODE_HOLDS_ARRAY (grounds_node) ||
      json_array_get_length (grounds = json_node_get_array (grounds_node)) != CZ_N_REVOCATION_GROUNDS)
    return refuse (error, "lifecycle.revocation", _("list the six grounds of the measures"));
  for (guint i = 0; i < CZ_N_REVOCATION_GROUNDS; i++)
    {
      JsonNode *node = json_array_get_element (grounds, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      Ground *ground = &self->grounds[i];

      if (object == NULL ||
          g_strcmp0 (json_object_get_string_member_with_default (object, "id", NULL), ground_ids[i]) != 0 ||
          !get_text (object, "title", &ground->title) ||
          !get_text (object, "action", &ground->action))
        {
          g_autofree char *what = g_strdup_printf (_("ground %u must be “%s” with a title and an action"), i + 1, ground_ids[i]);
          return refuse (error, "lifecycle.revocation", what);
        }
      ground->knowable = json_object_get_boolean_member_with_default (object, "knowable", FALSE);
    }
  self->revocation_citation = get_citation_member (lifecycle, "revocation_citation");
  if (self->revocation_citation == NULL)
    return refuse (error, "lifecycle.revocation_citation", _("give the citation of the revocation grounds"));
  return TRUE;
}

CzLifecycleRules *
cz_lifecycle_rules_new (CzRules  *rules,
                        GError  **error)
{
  g_autoptr(CzLifecycleRules) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  GBytes *bytes;
  JsonNode *root;
  JsonObject *lifecycle;

  g_return_val_if_fail (CZ_IS_RULES (rules), NULL);

  self = g_new0 (CzLifecycleRules, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->rules = g_object_ref (rules);

  /* The pack was checked as JSON when it was loaded. */
  bytes = cz_rules_get_bytes (rules);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (root = json_parser_get_root (parser)) ||
      (lifecycle = get_object (json_node_get_object (root), "lifecycle")) == NULL)
    {
      refuse (error, "lifecycle", _("the member is missing"));
      return NULL;
    }
  if (!load (self, lifecycle, error))
    return NULL;
  return g_steal_pointer (&self);
}

CzLifecycleRules *
cz_lifecycle_rules_ref (CzLifecycleRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cz_lifecycle_rules_unref (CzLifecycleRules *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_object (&self->rules);
  g_free (self->validity_citation);
  g_free (self->report_citation);
  text_clear (&self->report_note);
  g_free (self->change_citation);
  text_clear (&self->change_note);
  g_free (self->review_citation);
  for (guint i = 0; i < CZ_N_REVOCATION_GROUNDS; i++)
    {
      text_clear (&self->grounds[i].title);
      text_clear (&self->grounds[i].action);
    }
  g_free (self->revocation_citation);
  g_free (self);
}

CzRules *
cz_lifecycle_rules_get_rules (CzLifecycleRules *self)
{
  return self->rules;
}

guint
cz_lifecycle_rules_get_validity_years (CzLifecycleRules *self)
{
  return self->validity_years;
}

const char *
cz_lifecycle_rules_get_validity_citation (CzLifecycleRules *self)
{
  return self->validity_citation;
}

void
cz_lifecycle_rules_get_report_due (CzLifecycleRules *self,
                                   guint            *out_province_month,
                                   guint            *out_province_day,
                                   guint            *out_ministry_month,
                                   guint            *out_ministry_day)
{
  *out_province_month = self->province_month;
  *out_province_day = self->province_day;
  *out_ministry_month = self->ministry_month;
  *out_ministry_day = self->ministry_day;
}

CzDueRoll
cz_lifecycle_rules_get_report_roll (CzLifecycleRules *self)
{
  return self->report_roll;
}

gboolean
cz_lifecycle_rules_get_report_provisional (CzLifecycleRules *self)
{
  return self->report_provisional;
}

const char *
cz_lifecycle_rules_get_report_citation (CzLifecycleRules *self)
{
  return self->report_citation;
}

const char *
cz_lifecycle_rules_get_report_note (CzLifecycleRules *self,
                                    const char       *language)
{
  return text_pick (&self->report_note, language);
}

guint
cz_lifecycle_rules_get_change_working_days (CzLifecycleRules *self)
{
  return self->change_working_days;
}

gboolean
cz_lifecycle_rules_get_count_change_day (CzLifecycleRules *self)
{
  return self->count_change_day;
}

const char *
cz_lifecycle_rules_get_change_citation (CzLifecycleRules *self)
{
  return self->change_citation;
}

const char *
cz_lifecycle_rules_get_change_note (CzLifecycleRules *self,
                                    const char       *language)
{
  return text_pick (&self->change_note, language);
}

gboolean
cz_lifecycle_rules_get_review_provisional (CzLifecycleRules *self)
{
  return self->review_provisional;
}

const char *
cz_lifecycle_rules_get_review_citation (CzLifecycleRules *self)
{
  return self->review_citation;
}

const char *
cz_lifecycle_rules_get_ground_title (CzLifecycleRules   *self,
                                     CzRevocationGround  ground,
                                     const char         *language)
{
  g_return_val_if_fail ((guint) ground < CZ_N_REVOCATION_GROUNDS, NULL);
  return text_pick (&self->grounds[ground].title, language);
}

const char *
cz_lifecycle_rules_get_ground_action (CzLifecycleRules   *self,
                                      CzRevocationGround  ground,
                                      const char         *language)
{
  g_return_val_if_fail ((guint) ground < CZ_N_REVOCATION_GROUNDS, NULL);
  return text_pick (&self->grounds[ground].action, language);
}

gboolean
cz_lifecycle_rules_get_ground_knowable (CzLifecycleRules   *self,
                                        CzRevocationGround  ground)
{
  g_return_val_if_fail ((guint) ground < CZ_N_REVOCATION_GROUNDS, FALSE);
  return self->grounds[ground].knowable;
}

const char *
cz_lifecycle_rules_get_revocation_citation (CzLifecycleRules *self)
{
  return self->revocation_citation;
}
