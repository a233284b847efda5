/* test-validator.c — the findings engine on both sides of every boundary
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cz-fields.h"
#include "cz-money.h"
#include "cz-rules.h"
#include "cz-sample.h"
#include "cz-plan-target.h"
#include "cz-score.h"
#include "cz-validator-private.h"

#define YI(n) ((gint64) (n) * CZ_FEN_PER_YI)

typedef struct
{
  CzDossier   *dossier;
  CzRules     *rules;
  CzValidator *validator;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dossier = cz_sample_dossier_new ();
  fixture->rules = cz_rules_new_builtin (2025, &error);
  g_assert_no_error (error);
  fixture->validator = cz_validator_new (fixture->dossier, fixture->rules);
  cz_validator_set_language (fixture->validator, "en");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->validator);
  g_clear_object (&fixture->rules);
  g_clear_object (&fixture->dossier);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("expected “%s” in: %s", needle, haystack ? haystack : "(null)");
}

/* The findings of @rule_id, or NULL; borrowed from the model. */
static guint
n_findings_of (Fixture    *fixture,
               const char *rule_id)
{
  GListModel *model = G_LIST_MODEL (fixture->validator);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CzFinding) finding = g_list_model_get_item (model, i);

      if (g_str_equal (cz_finding_get_rule_id (finding), rule_id))
        n++;
    }
  return n;
}

static char *
message_of (Fixture    *fixture,
            const char *rule_id)
{
  GListModel *model = G_LIST_MODEL (fixture->validator);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CzFinding) finding = g_list_model_get_item (model, i);

      if (g_str_equal (cz_finding_get_rule_id (finding), rule_id))
        return g_strdup (cz_finding_get_message (finding));
    }
  return NULL;
}

static void
assert_model_sorted (Fixture *fixture)
{
  GListModel *model = G_LIST_MODEL (fixture->validator);
  guint last_step = 0, last_rule = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CzFinding) finding = g_list_model_get_item (model, i);
      guint step = cz_finding_get_step (finding);
      const CzRule *pack_rule = cz_rules_lookup_rule (fixture->rules, cz_finding_get_rule_id (finding));
      /* Findings from outside the pack (evidence) come after its rules. */
      guint rule = pack_rule != NULL ? cz_rule_get_index (pack_rule) : G_MAXUINT;

      g_assert_cmpuint (step, >=, last_step);
      if (step == last_step)
        g_assert_cmpuint (rule, >=, last_rule);
      last_step = step;
      last_rule = rule;
    }
  g_assert_null (g_list_model_get_item (model, g_list_model_get_n_items (model)));
}

static void
set_incident (Fixture    *fixture,
              const char *type,
              const char *date,
              const char *member,
              gint64      value)
{
  g_autofree char *field = g_strdup_printf ("incidents.%s.list", type);
  GVariantBuilder builder;
  GVariantDict record;
  g_autoptr(CzValue) records = NULL;

  g_variant_dict_init (&record, NULL);
  g_variant_dict_insert (&record, "date", "s", date);
  g_variant_dict_insert (&record, "place", "s", "示例车间");
  if (member != NULL)
    g_variant_dict_insert (&record, member, "x", value);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_builder_add_value (&builder, g_variant_dict_end (&record));
  records = cz_value_new_records (g_variant_builder_end (&builder));
  cz_dossier_set_value (fixture->dossier, field, records);
}

static void
test_sample_has_only_hints (Fixture       *fixture,
                            gconstpointer  data)
{
  g_assert_false (cz_validator_get_has_blockers (fixture->validator));
  g_assert_cmpuint (cz_validator_get_n_blockers (fixture->validator), ==, 0);
  g_assert_cmpuint (cz_validator_get_n_warnings (fixture->validator), ==, 0);
  g_assert_cmpuint (cz_validator_get_n_hints (fixture->validator), ==, 2);
  g_assert_cmpuint (n_findings_of (fixture, "quota-note"), ==, 1);
  g_assert_cmpuint (n_findings_of (fixture, "score-provisional"), ==, 1);
  g_assert_cmpuint (cz_validator_get_count (fixture->validator, CZ_STEP_ZONE, CZ_SEVERITY_HINT), ==, 1);
  g_assert_cmpuint (cz_validator_get_count (fixture->validator, CZ_STEP_INDICATORS, CZ_SEVERITY_HINT), ==, 1);
  assert_model_sorted (fixture);
}

static void
test_revenue_threshold (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *revenue = "revenue.y2024.total";
  g_autofree char *message = NULL;

  cz_dossier_set_money (fixture->dossier, revenue, YI (100) - 100 * CZ_FEN_PER_WAN);  /* 99.99亿 */
  g_assert_cmpuint (n_findings_of (fixture, "revenue-threshold"), ==, 1);
  message = message_of (fixture, "revenue-threshold");
  assert_contains (message, "99.99");
  assert_contains (message, "100.00");
  g_assert_null (strstr (message, "relax"));  /* 苏州 is in the east */

  cz_dossier_set_money (fixture->dossier, revenue, YI (100));
  g_assert_cmpuint (n_findings_of (fixture, "revenue-threshold"), ==, 0);

  cz_dossier_set_money (fixture->dossier, revenue, YI (100) - 1);
  g_assert_cmpuint (n_findings_of (fixture, "revenue-threshold"), ==, 1);
  g_assert_false (cz_validator_get_has_blockers (fixture->validator));
  g_assert_cmpuint (cz_validator_get_count (fixture->validator, CZ_STEP_REVENUE, CZ_SEVERITY_WARNING), ==, 1);

  cz_dossier_set_text (fixture->dossier, CZ_FIELD_REVENUE_JUSTIFICATION, "受外贸形势影响，2024年收入略有下降。");
  g_assert_cmpuint (n_findings_of (fixture, "revenue-threshold"), ==, 0);
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_REVENUE_JUSTIFICATION, "   ");
  g_assert_cmpuint (n_findings_of (fixture, "revenue-threshold"), ==, 1);
}

static void
set_place (Fixture    *fixture,
           const char *province,
           const char *city)
{
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_ZONE_PROVINCE, province);
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_ZONE_CITY, city);
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_APPLICANT_CITY, city);
}

static void
test_revenue_relaxation (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct { const char *province, *city; gboolean relaxed; } places[] = {
    { "410000", "410100", TRUE },   /* 河南 郑州: central */
    { "510000", "510100", TRUE },   /* 四川 成都: western */
    { "220000", "220100", TRUE },   /* 吉林 长春: north-eastern */
    { "320000", "320500", FALSE },  /* 江苏 苏州: eastern */
  };

  cz_dossier_set_money (fixture->dossier, "revenue.y2024.total", YI (80));
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autofree char *en = NULL;
      g_autofree char *zh = NULL;

      set_place (fixture, places[i].province, places[i].city);
      g_assert_false (cz_validator_get_has_blockers (fixture->validator));
      en = message_of (fixture, "revenue-threshold");
      cz_validator_set_language (fixture->validator, "zh_CN");
      zh = message_of (fixture, "revenue-threshold");
      cz_validator_set_language (fixture->validator, "en");

      g_assert_nonnull (en);
      g_assert_nonnull (zh);
      assert_contains (zh, "低于一般要求");
      if (places[i].relaxed)
        {
          assert_contains (en, "central, western or north-eastern region");
          assert_contains (zh, "中部、西部或东北地区");
        }
      else
        {
          g_assert_null (strstr (en, "north-eastern"));
          g_assert_null (strstr (zh, "东北地区"));
        }
    }
}

static void
test_sme_share (Fixture       *fixture,
                gconstpointer  data)
{
  cz_dossier_set_integer (fixture->dossier, "enterprises.y2024.total", 1000);
  cz_dossier_set_integer (fixture->dossier, "enterprises.y2024.sme", 500);  /* exactly half */
  g_assert_cmpuint (n_findings_of (fixture, "sme-main-body"), ==, 1);
  g_assert_true (cz_validator_get_has_blockers (fixture->validator));
  {
    g_autofree char *message = message_of (fixture, "sme-main-body");
    assert_contains (message, "50.0%");
    assert_contains (message, "more than 50%");
  }

  cz_dossier_set_integer (fixture->dossier, "enterprises.y2024.sme", 501);
  g_assert_cmpuint (n_findings_of (fixture, "sme-main-body"), ==, 0);
  g_assert_false (cz_validator_get_has_blockers (fixture->validator));

  cz_dossier_set_integer (fixture->dossier, "enterprises.y2024.sme", 1001);
  g_assert_cmpuint (n_findings_of (fixture, "sme-main-body"), ==, 0);
  g_assert_cmpuint (n_findings_of (fixture, "sme-not-more-than-total"), ==, 1);
  cz_dossier_set_integer (fixture->dossier, "enterprises.y2024.sme", 1000);
  g_assert_cmpuint (n_findings_of (fixture, "sme-not-more-than-total"), ==, 0);

  /* An earlier year is checked too, for more SMEs than enterprises. */
  cz_dossier_set_integer (fixture->dossier, "enterprises.y2022.sme", 5000);
  g_assert_cmpuint (n_findings_of (fixture, "sme-not-more-than-total"), ==, 1);
}

/* Checks that follow from the definitions: 小巨人 ≤ 专精特新 ≤ SMEs ≤
 * enterprises, high-tech ≤ enterprises, export ≤ revenue. Equal passes, one
 * more is a blocker. */
static void
assert_not_greater (Fixture    *fixture,
                    const char *rule_id,
                    const char *lesser,
                    const char *greater,
                    gint64      bound,
                    gboolean    money)
{
  if (money)
    {
      cz_dossier_set_money (fixture->dossier, greater, bound);
      cz_dossier_set_money (fixture->dossier, lesser, bound);
    }
  else
    {
      cz_dossier_set_integer (fixture->dossier, greater, bound);
      cz_dossier_set_integer (fixture->dossier, lesser, bound);
    }
  g_assert_cmpuint (n_findings_of (fixture, rule_id), ==, 0);

  if (money)
    cz_dossier_set_money (fixture->dossier, lesser, bound + 1);
  else
    cz_dossier_set_integer (fixture->dossier, lesser, bound + 1);
  g_assert_cmpuint (n_findings_of (fixture, rule_id), ==, 1);
  g_assert_true (cz_validator_get_has_blockers (fixture->validator));
  {
    const CzRule *rule = cz_rules_lookup_rule (fixture->rules, rule_id);

    g_assert_nonnull (rule);
    g_assert_cmpint (cz_rule_get_severity (rule), ==, CZ_SEVERITY_BLOCKER);
    g_assert_nonnull (cz_rule_get_citation_document (rule));
  }

  if (money)
    cz_dossier_set_money (fixture->dossier, lesser, bound);
  else
    cz_dossier_set_integer (fixture->dossier, lesser, bound);
  g_assert_cmpuint (n_findings_of (fixture, rule_id), ==, 0);
}

static void
test_cross_checks (Fixture       *fixture,
                   gconstpointer  data)
{
  cz_dossier_set_integer (fixture->dossier, "enterprises.y2024.total", 2000);
  cz_dossier_set_integer (fixture->dossier, "enterprises.y2024.sme", 1900);
  cz_dossier_set_integer (fixture->dossier, "indicators.specialized_smes", 300);
  cz_dossier_set_integer (fixture->dossier, "indicators.high_tech_enterprises", 100);
  g_assert_false (cz_validator_get_has_blockers (fixture->validator));

  assert_not_greater (fixture, "little-giants-not-more-than-specialized",
                      "indicators.little_giants", "indicators.specialized_smes", 30, FALSE);
  cz_dossier_set_integer (fixture->dossier, "indicators.little_giants", 0);
  assert_not_greater (fixture, "specialized-not-more-than-smes",
                      "indicators.specialized_smes", "enterprises.y2024.sme", 338, FALSE);
  cz_dossier_set_integer (fixture->dossier, "enterprises.y2024.sme", 1900);
  cz_dossier_set_integer (fixture->dossier, "indicators.specialized_smes", 300);
  assert_not_greater (fixture, "high-tech-not-more-than-enterprises",
                      "indicators.high_tech_enterprises", "enterprises.y2024.total", 1900, FALSE);
  cz_dossier_set_integer (fixture->dossier, "indicators.high_tech_enterprises", 100);
  cz_dossier_set_integer (fixture->dossier, "enterprises.y2024.total", 2000);

  /* Every year: exports and revenue, to the fen. */
  for (guint year = 2022; year <= 2024; year++)
    {
      g_autofree char *export = g_strdup_printf ("revenue.y%u.export", year);
      g_autofree char *total = g_strdup_printf ("revenue.y%u.total", year);
      g_autofree char *sme = g_strdup_printf ("enterprises.y%u.sme", year);
      g_autofree char *enterprises = g_strdup_printf ("enterprises.y%u.total", year);

      assert_not_greater (fixture, "export-not-more-than-revenue", export, total, YI (120), TRUE);
      assert_not_greater (fixture, "sme-not-more-than-total", sme, enterprises, 1000, FALSE);
    }
  {
    g_autofree char *message = NULL;

    cz_dossier_set_money (fixture->dossier, "revenue.y2023.export", YI (121));
    message = message_of (fixture, "export-not-more-than-revenue");
    assert_contains (message, "2023");
    assert_contains (message, "1,210,000.00 万元");
    assert_contains (message, "1,200,000.00 万元");
  }
}

typedef struct
{
  const char *type;
  const char *member;
  gint64      below;     /* the largest value that does not disqualify */
  gint64      at;        /* the smallest that does */
} IncidentBoundary;

static const IncidentBoundary incident_boundaries[] = {
  { "production_safety",    "deaths",           9,         10 },
  { "production_safety",    "serious_injuries", 49,        50 },
  { "production_safety",    "direct_loss_fen",  5000 * CZ_FEN_PER_WAN - 1, 5000 * CZ_FEN_PER_WAN },
  { "environmental",        "deaths",           2,         3 },
  { "environmental",        "evacuated",        4999,      5000 },
  { "construction_quality", "deaths",           2,         3 },
  { "construction_quality", "direct_loss_fen",  999 * CZ_FEN_PER_WAN, 1000 * CZ_FEN_PER_WAN },
  { "network_security",     "people_leaked",    9999999,   10000000 },
  { "data_security",        "people_leaked",    9999999,   10000000 },
  { "data_security",        "sensitive_leaked", 990000,    1000000 },
};

static void
test_incident_boundaries (Fixture       *fixture,
                          gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (incident_boundaries); i++)
    {
      const IncidentBoundary *b = &incident_boundaries[i];
      g_autofree char *rule = g_strdup_printf ("incidents-%s-clear", b->type);
      g_autofree char *declared = g_strdup_printf ("incidents.%s.y2024.none", b->type);
      g_autofree char *list = g_strdup_printf ("incidents.%s.list", b->type);

      /* In the call year itself: within the last three years, no declaration to contradict. */
      set_incident (fixture, b->type, "2025-03-02", b->member, b->below);
      if (n_findings_of (fixture, rule) != 0)
        g_error ("%s %s = %" G_GINT64_FORMAT " should not disqualify", b->type, b->member, b->below);
      g_assert_false (cz_validator_get_has_blockers (fixture->validator));

      set_incident (fixture, b->type, "2025-03-02", b->member, b->at);
      if (n_findings_of (fixture, rule) != 1)
        g_error ("%s %s = %" G_GINT64_FORMAT " should disqualify", b->type, b->member, b->at);
      g_assert_true (cz_validator_get_has_blockers (fixture->validator));
      g_assert_cmpuint (cz_validator_get_count (fixture->validator, CZ_STEP_INCIDENTS, CZ_SEVERITY_BLOCKER), ==, 1);

      /* The same incident in 2024, declared as none: two blockers, then only the grade. */
      set_incident (fixture, b->type, "2024-05-01", b->member, b->at);
      g_assert_cmpuint (cz_validator_get_count (fixture->validator, CZ_STEP_INCIDENTS, CZ_SEVERITY_BLOCKER), ==, 2);
      cz_dossier_set_text (fixture->dossier, declared, CZ_DECLARED_OCCURRED);
      g_assert_cmpuint (cz_validator_get_count (fixture->validator, CZ_STEP_INCIDENTS, CZ_SEVERITY_BLOCKER), ==, 1);

      /* Older than three complete years: no longer counts. */
      set_incident (fixture, b->type, "2021-12-31", b->member, b->at);
      g_assert_cmpuint (n_findings_of (fixture, rule), ==, 0);

      cz_dossier_set_text (fixture->dossier, declared, CZ_DECLARED_NONE);
      cz_dossier_clear (fixture->dossier, list);
      g_assert_false (cz_validator_get_has_blockers (fixture->validator));
    }
}

static void
test_production_safety_grades_named (Fixture       *fixture,
                                     gconstpointer  data)
{
  static const struct { gint64 deaths; const char *grade; } cases[] = {
    { 2, NULL }, { 3, NULL }, { 9, NULL }, { 10, "重大" }, { 29, "重大" }, { 30, "特别重大" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;

      set_incident (fixture, "production_safety", "2025-01-15", "deaths", cases[i].deaths);
      message = message_of (fixture, "incidents-production_safety-clear");
      if (cases[i].grade == NULL)
        {
          g_assert_null (message);
          continue;
        }
      g_assert_nonnull (message);
      assert_contains (message, cases[i].grade);
      assert_contains (message, "2025-01-15");
      g_assert_null (strstr (message, ".."));
    }
}

static void
test_stated_grade (Fixture       *fixture,
                   gconstpointer  data)
{
  GVariantBuilder builder;
  GVariantDict record;
  g_autoptr(CzValue) records = NULL;
  g_autoptr(CzValue) general = NULL;

  g_variant_dict_init (&record, NULL);
  g_variant_dict_insert (&record, "date", "s", "2025-02-01");
  g_variant_dict_insert (&record, "stated_grade", "s", "较大");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_builder_add_value (&builder, g_variant_dict_end (&record));
  records = cz_value_new_records (g_variant_builder_end (&builder));
  cz_dossier_set_value (fixture->dossier, "incidents.other_quality.list", records);
  g_assert_cmpuint (n_findings_of (fixture, "incidents-other_quality-clear"), ==, 1);
  /* A stated grade wants its basis. */
  g_assert_cmpuint (n_findings_of (fixture, "incidents-other_quality-declared"), ==, 1);

  g_variant_dict_init (&record, NULL);
  g_variant_dict_insert (&record, "date", "s", "2025-02-01");
  g_variant_dict_insert (&record, "stated_grade", "s", "一般");
  g_variant_dict_insert (&record, "stated_basis", "s", "市场监管部门认定为一般质量事故");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_builder_add_value (&builder, g_variant_dict_end (&record));
  general = cz_value_new_records (g_variant_builder_end (&builder));
  cz_dossier_set_value (fixture->dossier, "incidents.other_quality.list", general);
  g_assert_cmpuint (n_findings_of (fixture, "incidents-other_quality-clear"), ==, 0);
  g_assert_cmpuint (n_findings_of (fixture, "incidents-other_quality-declared"), ==, 0);
}

static void
test_declarations (Fixture       *fixture,
                   gconstpointer  data)
{
  cz_dossier_clear (fixture->dossier, CZ_FIELD_DECLARATION_TRUTHFUL);
  g_assert_cmpuint (n_findings_of (fixture, "declaration-truthful"), ==, 1);
  g_assert_true (cz_validator_get_has_blockers (fixture->validator));
  g_assert_cmpuint (cz_validator_get_count (fixture->validator, CZ_STEP_DECLARATIONS, CZ_SEVERITY_BLOCKER), ==, 1);
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_DECLARATION_TRUTHFUL, CZ_DECLARED_NO);
  g_assert_cmpuint (n_findings_of (fixture, "declaration-truthful"), ==, 1);
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_DECLARATION_TRUTHFUL, CZ_DECLARED_YES);
  g_assert_false (cz_validator_get_has_blockers (fixture->validator));

  cz_dossier_set_text (fixture->dossier, CZ_FIELD_DECLARATION_INDUSTRIAL_POLICY, CZ_DECLARED_NO);
  g_assert_cmpuint (n_findings_of (fixture, "industrial-policy"), ==, 1);
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_DECLARATION_INDUSTRIAL_POLICY, CZ_DECLARED_YES);

  cz_dossier_set_text (fixture->dossier, "integrity.serious_dishonesty.y2023", CZ_DECLARED_OCCURRED);
  g_assert_cmpuint (n_findings_of (fixture, "integrity-serious-dishonesty"), ==, 1);
  cz_dossier_clear (fixture->dossier, "integrity.major_violation.y2022");
  g_assert_cmpuint (n_findings_of (fixture, "integrity-major-violation"), ==, 1);

  /* Each year's incident declaration is asked for. */
  cz_dossier_clear (fixture->dossier, "incidents.network_security.y2022.none");
  cz_dossier_clear (fixture->dossier, "incidents.network_security.y2024.none");
  g_assert_cmpuint (n_findings_of (fixture, "incidents-network_security-declared"), ==, 2);
  {
    g_autoptr(GPtrArray) on_field = cz_validator_get_findings_for_field (fixture->validator,
                                                                          "incidents.network_security.y2024.none");
    g_assert_cmpuint (on_field->len, ==, 1);
    g_assert_cmpint (cz_finding_get_severity (on_field->pdata[0]), ==, CZ_SEVERITY_BLOCKER);
    assert_contains (cz_finding_get_message (on_field->pdata[0]), "2024");
    assert_contains (cz_finding_get_citation (on_field->pdata[0]), "168号");
  }
  cz_dossier_set_text (fixture->dossier, "incidents.network_security.y2022.none", CZ_DECLARED_OCCURRED);
  g_assert_cmpuint (n_findings_of (fixture, "incidents-network_security-declared"), ==, 2);  /* occurred, not listed */
}

static void
test_zone_and_boundary (Fixture       *fixture,
                        gconstpointer  data)
{
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_APPLICANT_CITY, "320200");
  g_assert_cmpuint (n_findings_of (fixture, "zone-one-prefecture"), ==, 1);
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_APPLICANT_CITY, "320500");
  g_assert_cmpuint (n_findings_of (fixture, "zone-one-prefecture"), ==, 0);
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_ZONE_PROVINCE, "330000");
  g_assert_cmpuint (n_findings_of (fixture, "zone-one-prefecture"), ==, 1);
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_ZONE_PROVINCE, "320000");

  cz_dossier_clear (fixture->dossier, CZ_FIELD_BOUNDARY_WEST);
  g_assert_cmpuint (n_findings_of (fixture, "boundary-four-limits"), ==, 1);
  g_assert_cmpuint (cz_validator_get_count (fixture->validator, CZ_STEP_BOUNDARY, CZ_SEVERITY_BLOCKER), ==, 1);

  {
    g_autoptr(CzValue) empty = cz_value_new_records (g_variant_new_array (G_VARIANT_TYPE ("a{sv}"), NULL, 0));
    cz_dossier_set_value (fixture->dossier, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS, empty);
    g_assert_cmpuint (n_findings_of (fixture, "boundary-functional-areas"), ==, 1);
  }

  cz_dossier_set_integer (fixture->dossier, CZ_FIELD_ZONE_AREA_M2, 0);
  g_assert_cmpuint (n_findings_of (fixture, "zone-area-positive"), ==, 1);
  cz_dossier_set_integer (fixture->dossier, CZ_FIELD_ZONE_AREA_M2, 1);
  g_assert_cmpuint (n_findings_of (fixture, "zone-area-positive"), ==, 0);

  /* The sample's areas add up to 44.6 km². */
  {
    g_autoptr(CzDossier) sample = cz_sample_dossier_new ();
    cz_dossier_set_value (fixture->dossier, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS,
                          cz_dossier_get_value (sample, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS));
  }
  cz_dossier_set_integer (fixture->dossier, CZ_FIELD_ZONE_AREA_M2, 44600000 - 1);
  g_assert_cmpuint (n_findings_of (fixture, "functional-areas-within-zone"), ==, 1);
  cz_dossier_set_integer (fixture->dossier, CZ_FIELD_ZONE_AREA_M2, 44600000);
  g_assert_cmpuint (n_findings_of (fixture, "functional-areas-within-zone"), ==, 0);

  cz_dossier_set_integer (fixture->dossier, CZ_FIELD_APPLICATION_YEAR, 2026);
  g_assert_cmpuint (n_findings_of (fixture, "zone-call-year"), ==, 1);

  /* A separately-planned city has a quota of one. */
  set_place (fixture, "330000", "330200");  /* 宁波 */
  {
    g_autofree char *message = message_of (fixture, "quota-note");
    assert_contains (message, "the quota here is 1");
  }
}

/* What the row says as it is typed is also a finding: a blocker that is
 * counted, listed on the Review step and refuses the pack. */
static void
test_input_valid (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct { const char *field; const char *bad; const char *good; const char *says; } cases[] = {
    { "contact.phone", "1391234567", "13912345678", "mobile number of 11 digits" },
    { "contact.phone", "0512-6688", "0512-66881234", "landline" },
    { "contact.email", "zhang@example", "zhang@example.gov.cn", "e-mail address" },
    { "zone.city", "999999", "320500", "Choose" },
  };

  g_assert_false (cz_validator_get_has_blockers (fixture->validator));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;
      g_autoptr(GPtrArray) on_field = NULL;

      cz_dossier_set_text (fixture->dossier, cases[i].field, cases[i].bad);
      g_assert_cmpuint (n_findings_of (fixture, "input-valid"), ==, 1);
      g_assert_true (cz_validator_get_has_blockers (fixture->validator));
      message = message_of (fixture, "input-valid");
      assert_contains (message, cases[i].says);
      on_field = cz_validator_get_findings_for_field (fixture->validator, cases[i].field);
      g_assert_cmpuint (on_field->len, >=, 1);

      cz_dossier_set_text (fixture->dossier, cases[i].field, cases[i].good);
      g_assert_cmpuint (n_findings_of (fixture, "input-valid"), ==, 0);
    }
  g_assert_false (cz_validator_get_has_blockers (fixture->validator));

  /* A negative figure; zero is an answer like any other. */
  cz_dossier_set_integer (fixture->dossier, "indicators.invention_patents", -1);
  g_assert_cmpuint (n_findings_of (fixture, "input-valid"), ==, 1);
  cz_dossier_set_integer (fixture->dossier, "indicators.invention_patents", 0);
  g_assert_cmpuint (n_findings_of (fixture, "input-valid"), ==, 0);

  /* Left blank, a field is the required rules' business, not this one's. */
  cz_dossier_clear (fixture->dossier, "contact.email");
  g_assert_cmpuint (n_findings_of (fixture, "input-valid"), ==, 0);
  g_assert_cmpuint (n_findings_of (fixture, "zone-required"), ==, 1);
}

/* An input check is a rule on each field alone: a keystroke in one field
 * looks at that field, not at the 36 the rule lists, and the finding on
 * another field stays as it was. */
static void
test_input_check_per_field (Fixture       *fixture,
                            gconstpointer  data)
{
  guint before;

  cz_dossier_set_text (fixture->dossier, "contact.email", "zhang@example");
  g_assert_cmpuint (n_findings_of (fixture, "input-valid"), ==, 1);

  before = cz_validator_get_field_check_count (fixture->validator);
  cz_dossier_set_text (fixture->dossier, "contact.phone", "1391234567");
  g_assert_cmpuint (cz_validator_get_field_check_count (fixture->validator), ==, before + 1);
  g_assert_cmpuint (n_findings_of (fixture, "input-valid"), ==, 2);

  before = cz_validator_get_field_check_count (fixture->validator);
  cz_dossier_set_text (fixture->dossier, "contact.phone", "13912345678");
  g_assert_cmpuint (cz_validator_get_field_check_count (fixture->validator), ==, before + 1);
  g_assert_cmpuint (n_findings_of (fixture, "input-valid"), ==, 1);
  {
    g_autoptr(GPtrArray) on_email = cz_validator_get_findings_for_field (fixture->validator, "contact.email");

    g_assert_cmpuint (on_email->len, ==, 1);
  }

  /* The whole pack again (another language): every listed field is looked at. */
  before = cz_validator_get_field_check_count (fixture->validator);
  cz_validator_set_language (fixture->validator, g_strcmp0 (cz_validator_get_language (fixture->validator), "en") == 0 ? "zh_CN" : "en");
  g_assert_cmpuint (cz_validator_get_field_check_count (fixture->validator), >=, before + 30);
  g_assert_cmpuint (n_findings_of (fixture, "input-valid"), ==, 1);
}

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* Dates cannot lie ahead: the declaration is dated when it is signed, an
 * incident when it happened. Today is the boundary, and allowed. */
static void
test_dates_not_ahead (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *today = date_from_today (0);
  g_autofree char *tomorrow = date_from_today (1);
  g_autofree char *yesterday = date_from_today (-1);
  GDate date;

  g_date_set_parse (&date, tomorrow);
  {
    g_autoptr(CzValue) value = cz_value_new_date (&date);
    g_autofree char *message = NULL;

    cz_dossier_set_value (fixture->dossier, CZ_FIELD_DECLARATION_DATE, value);
    g_assert_cmpuint (n_findings_of (fixture, "input-valid"), ==, 1);
    message = message_of (fixture, "input-valid");
    assert_contains (message, tomorrow);
    assert_contains (message, "later than today");
  }
  g_date_set_parse (&date, today);
  {
    g_autoptr(CzValue) value = cz_value_new_date (&date);

    cz_dossier_set_value (fixture->dossier, CZ_FIELD_DECLARATION_DATE, value);
    g_assert_cmpuint (n_findings_of (fixture, "input-valid"), ==, 0);
  }

  /* An incident of the last three years declared as occurred: fine when it
   * is dated today, a blocker when dated tomorrow. */
  cz_dossier_set_text (fixture->dossier, "incidents.environmental.y2024.none", CZ_DECLARED_OCCURRED);
  set_incident (fixture, "environmental", tomorrow, NULL, 0);
  {
    g_autoptr(GPtrArray) on_list = cz_validator_get_findings_for_field (fixture->validator, "incidents.environmental.list");
    gboolean said = FALSE;

    for (guint i = 0; i < on_list->len; i++)
      said |= strstr (cz_finding_get_message (on_list->pdata[i]), "dated after today") != NULL;
    g_assert_true (said);
  }
  set_incident (fixture, "environmental", yesterday, NULL, 0);
  {
    g_autoptr(GPtrArray) on_list = cz_validator_get_findings_for_field (fixture->validator, "incidents.environmental.list");

    for (guint i = 0; i < on_list->len; i++)
      g_assert_null (strstr (cz_finding_get_message (on_list->pdata[i]), "dated after today"));
  }
}

static void
test_reevaluates_only_readers (Fixture       *fixture,
                               gconstpointer  data)
{
  guint total = cz_validator_get_evaluation_count (fixture->validator, NULL);
  guint n_rules = cz_rules_get_n_rules (fixture->rules);
  guint readers = 0;

  /* Each rule was evaluated once since the last full evaluation (the language). */
  g_assert_cmpuint (total, ==, n_rules);
  for (guint r = 0; r < n_rules; r++)
    {
      const char * const *fields = cz_rule_get_fields (cz_rules_get_rule (fixture->rules, r));

      readers += g_strv_contains (fields, "revenue.y2024.total");
    }
  /* revenue-figures-required, revenue-threshold, export-not-more-than-revenue and input-valid */
  g_assert_cmpuint (readers, ==, 4);

  cz_dossier_set_money (fixture->dossier, "revenue.y2024.total", YI (150));
  g_assert_cmpuint (cz_validator_get_evaluation_count (fixture->validator, NULL), ==, total + readers);
  g_assert_cmpuint (cz_validator_get_evaluation_count (fixture->validator, "revenue-threshold"), ==, 2);
  g_assert_cmpuint (cz_validator_get_evaluation_count (fixture->validator, "revenue-figures-required"), ==, 2);
  g_assert_cmpuint (cz_validator_get_evaluation_count (fixture->validator, "sme-main-body"), ==, 1);

  /* A field no rule reads costs nothing. */
  cz_dossier_set_money (fixture->dossier, "revenue.y2021.total", YI (1));  /* before the call's three years */
  g_assert_cmpuint (cz_validator_get_evaluation_count (fixture->validator, NULL), ==, total + readers);
  /* Nor does the pack record the validator writes. */
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_RULES_PACK_ID, "x");
  g_assert_cmpuint (cz_validator_get_evaluation_count (fixture->validator, NULL), ==, total + readers);
}

typedef struct
{
  guint position, removed, added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };
  g_array_append_val (changes, change);
}

/* Connected swapped: the counter comes first, the signal's arguments after. */
static void
count_signal (guint *counter)
{
  (*counter)++;
}

static void
test_model_changes (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->validator);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(CzFinding) quota = g_list_model_get_item (model, 0);
  g_autoptr(CzFinding) warning = NULL;
  guint counts_changed = 0, has_blockers_notified = 0, field_signalled = 0;
  Change *c;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), changes);
  g_signal_connect_swapped (model, "counts-changed", G_CALLBACK (count_signal), &counts_changed);
  g_signal_connect_swapped (model, "notify::has-blockers", G_CALLBACK (count_signal), &has_blockers_notified);
  g_signal_connect_swapped (model, "field-findings-changed::revenue.y2024.total", G_CALLBACK (count_signal), &field_signalled);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* A warning in the revenue step goes between the zone hint and the indicators hint. */
  cz_dossier_set_money (fixture->dossier, "revenue.y2024.total", YI (90));
  g_assert_cmpuint (changes->len, ==, 1);
  c = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (c->position, ==, 1);
  g_assert_cmpuint (c->removed, ==, 0);
  g_assert_cmpuint (c->added, ==, 1);
  g_assert_cmpuint (counts_changed, ==, 1);
  g_assert_cmpuint (field_signalled, ==, 1);
  g_assert_cmpuint (has_blockers_notified, ==, 0);
  warning = g_list_model_get_item (model, 1);
  g_assert_cmpstr (cz_finding_get_rule_id (warning), ==, "revenue-threshold");
  g_assert_cmpstr (cz_finding_get_field_id (warning), ==, "revenue.y2024.total");
  g_assert_true (cz_finding_get_provisional (warning));
  assert_model_sorted (fixture);

  /* Unchanged findings stay the same objects and signal nothing. */
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_CONTACT_NAME, "赵示例");
  g_assert_cmpuint (changes->len, ==, 1);
  {
    g_autoptr(CzFinding) first = g_list_model_get_item (model, 0);
    g_assert_true (first == quota);
  }

  /* Another amount changes the message: one removal, one insertion in place. */
  cz_dossier_set_money (fixture->dossier, "revenue.y2024.total", YI (91));
  g_assert_cmpuint (changes->len, ==, 3);
  c = &g_array_index (changes, Change, 1);
  g_assert_cmpuint (c->position, ==, 1);
  g_assert_cmpuint (c->removed, ==, 1);
  c = &g_array_index (changes, Change, 2);
  g_assert_cmpuint (c->position, ==, 1);
  g_assert_cmpuint (c->added, ==, 1);
  g_assert_cmpuint (counts_changed, ==, 1);  /* same counts */

  /* A blocker at the end, then everything cleared back. */
  cz_dossier_clear (fixture->dossier, CZ_FIELD_DECLARATION_OFFICIAL_NAME);
  g_assert_cmpuint (changes->len, ==, 4);
  c = &g_array_index (changes, Change, 3);
  g_assert_cmpuint (c->position, ==, 3);
  g_assert_cmpuint (c->added, ==, 1);
  g_assert_cmpuint (has_blockers_notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  assert_model_sorted (fixture);

  cz_dossier_set_text (fixture->dossier, CZ_FIELD_DECLARATION_OFFICIAL_NAME, "李示例");
  cz_dossier_set_text (fixture->dossier, CZ_FIELD_REVENUE_JUSTIFICATION, "说明");
  g_assert_cmpuint (changes->len, ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpuint (has_blockers_notified, ==, 2);
  g_assert_false (cz_validator_get_has_blockers (fixture->validator));
}

static GPtrArray *
evidence_findings (const char *message)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (findings, cz_finding_new ("evidence-required", CZ_SEVERITY_BLOCKER, "evidence.plan",
                                             CZ_STEP_EVIDENCE, message, "暂行办法 第五条", FALSE));
  return findings;
}

static void
test_external_findings (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->validator);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GPtrArray) first = evidence_findings ("Attach the development plan.");
  g_autoptr(GPtrArray) again = evidence_findings ("Attach the development plan.");
  g_autoptr(CzFinding) shown = NULL;
  guint counts_changed = 0, has_blockers_notified = 0, field_signalled = 0;
  Change *c;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), changes);
  g_signal_connect_swapped (model, "counts-changed", G_CALLBACK (count_signal), &counts_changed);
  g_signal_connect_swapped (model, "notify::has-blockers", G_CALLBACK (count_signal), &has_blockers_notified);
  g_signal_connect_swapped (model, "field-findings-changed::evidence.plan", G_CALLBACK (count_signal), &field_signalled);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* Nothing from a source that has nothing. */
  cz_validator_set_external_findings (fixture->validator, "evidence", NULL);
  g_assert_cmpuint (changes->len, ==, 0);

  /* The evidence step comes after the indicators hint: one insertion at the end. */
  cz_validator_set_external_findings (fixture->validator, "evidence", first);
  g_assert_cmpuint (changes->len, ==, 1);
  c = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (c->position, ==, 2);
  g_assert_cmpuint (c->removed, ==, 0);
  g_assert_cmpuint (c->added, ==, 1);
  g_assert_cmpuint (counts_changed, ==, 1);
  g_assert_cmpuint (has_blockers_notified, ==, 1);
  g_assert_cmpuint (field_signalled, ==, 1);
  g_assert_cmpuint (cz_validator_get_count (fixture->validator, CZ_STEP_EVIDENCE, CZ_SEVERITY_BLOCKER), ==, 1);
  g_assert_true (cz_validator_get_has_blockers (fixture->validator));
  {
    g_autoptr(GPtrArray) on_slot = cz_validator_get_findings_for_field (fixture->validator, "evidence.plan");
    g_assert_cmpuint (on_slot->len, ==, 1);
  }
  shown = g_list_model_get_item (model, 2);
  assert_model_sorted (fixture);

  /* The same findings again (new objects) change nothing and keep the shown object. */
  cz_validator_set_external_findings (fixture->validator, "evidence", again);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (counts_changed, ==, 1);
  {
    g_autoptr(CzFinding) still = g_list_model_get_item (model, 2);
    g_assert_true (still == shown);
  }

  /* A rule's change elsewhere leaves them; a new language keeps them. */
  cz_dossier_set_money (fixture->dossier, "revenue.y2024.total", YI (90));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  cz_validator_set_language (fixture->validator, "zh_CN");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpuint (cz_validator_get_count (fixture->validator, CZ_STEP_EVIDENCE, CZ_SEVERITY_BLOCKER), ==, 1);
  assert_model_sorted (fixture);

  /* Dropping them removes the one item and clears has-blockers. */
  g_array_set_size (changes, 0);
  cz_validator_set_external_findings (fixture->validator, "evidence", NULL);
  g_assert_cmpuint (changes->len, ==, 1);
  c = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (c->position, ==, 3);
  g_assert_cmpuint (c->removed, ==, 1);
  g_assert_cmpuint (c->added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_false (cz_validator_get_has_blockers (fixture->validator));
  g_assert_cmpuint (has_blockers_notified, ==, 2);
  g_assert_cmpuint (field_signalled, >=, 2);
}

static void
test_language (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *en = message_of (fixture, "quota-note");
  g_autofree char *zh = NULL;

  cz_validator_set_language (fixture->validator, "zh_CN");
  zh = message_of (fixture, "quota-note");
  assert_contains (en, "Quota");
  assert_contains (zh, "名额");
  assert_contains (zh, "名额为2个");
}

static void
test_score (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CzScore) score = cz_score_new (fixture->rules, fixture->dossier, "en");
  g_autoptr(CzScore) lower = NULL;
  g_autoptr(CzScore) zh = NULL;
  guint sum = 0;

  g_assert_true (cz_score_get_provisional (score));
  g_assert_cmpuint (cz_score_get_max_points (score), ==, 100);
  g_assert_cmpuint (cz_score_get_n_dimensions (score), ==, 5);
  for (guint d = 0; d < cz_score_get_n_dimensions (score); d++)
    {
      guint dimension = 0;

      for (guint i = 0; i < cz_score_get_n_indicators (score, d); i++)
        {
          g_assert_cmpuint (cz_score_get_indicator_tenths (score, d, i), <=, cz_score_get_indicator_points (score, d, i) * 10);
          g_assert_nonnull (cz_score_get_indicator_explanation (score, d, i));
          dimension += cz_score_get_indicator_tenths (score, d, i);
        }
      g_assert_cmpuint (dimension, ==, cz_score_get_dimension_tenths (score, d));
      sum += dimension;
    }
  g_assert_cmpuint (sum, ==, cz_score_get_total_tenths (score));
  g_assert_cmpuint (cz_score_get_total_tenths (score), ==, 705);
  /* 12 quantified targets reach the top step of 10. */
  g_assert_cmpstr (cz_score_get_indicator_id (score, 0, 0), ==, "plan_quantified_targets");
  g_assert_cmpuint (cz_score_get_indicator_tenths (score, 0, 0), ==, 100);
  assert_contains (cz_score_get_indicator_explanation (score, 0, 0), "10 or more");

  /* Linear from 0 to 5 policies: at the ends, none and all. Without the
   * plan-target table, the bare count of an older dossier is scored. */
  cz_dossier_set_integer (fixture->dossier, "indicators.plan_support_policies", 0);
  cz_dossier_set_integer (fixture->dossier, "indicators.plan_quantified_targets", 4);
  cz_dossier_clear (fixture->dossier, "plan.targets");
  cz_dossier_clear (fixture->dossier, "indicators.little_giants");
  lower = cz_score_new (fixture->rules, fixture->dossier, "en");
  g_assert_cmpuint (cz_score_get_indicator_tenths (lower, 0, 1), ==, 0);
  g_assert_cmpuint (cz_score_get_indicator_tenths (lower, 0, 0), ==, 0);
  assert_contains (cz_score_get_indicator_explanation (lower, 0, 0), "below the first step");
  g_assert_cmpuint (cz_score_get_indicator_tenths (lower, 3, 1), ==, 0);
  assert_contains (cz_score_get_indicator_explanation (lower, 3, 1), "Not answered");
  /* The unanswered indicator is also a warning. */
  g_assert_cmpuint (n_findings_of (fixture, "indicators-answered"), ==, 1);

  cz_dossier_set_integer (fixture->dossier, "indicators.plan_support_policies", 5);
  zh = cz_score_new (fixture->rules, fixture->dossier, "zh_CN");
  g_assert_cmpuint (cz_score_get_indicator_tenths (zh, 0, 1), ==, 100);
  g_assert_cmpstr (cz_score_get_dimension_title (zh, 3), ==, "优质中小企业培育成效");
}

/* The plan-target table is scored in place of the bare count, row by row. */
static void
test_plan_targets (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CzScore) full = NULL;
  g_autoptr(CzScore) fewer = NULL;
  g_autoptr(CzScore) counted = NULL;
  g_autoptr(GPtrArray) targets = cz_plan_targets_from_dossier (fixture->dossier);
  g_autofree char *message = NULL;
  CzPlanTarget *revenue;

  /* The sample's 12 rows, all complete: the top step, whatever the count says. */
  g_assert_cmpuint (targets->len, ==, 12);
  cz_dossier_set_integer (fixture->dossier, "indicators.plan_quantified_targets", 1);
  full = cz_score_new (fixture->rules, fixture->dossier, "en");
  g_assert_cmpuint (cz_score_get_indicator_tenths (full, 0, 0), ==, 100);
  g_assert_cmpuint (n_findings_of (fixture, "plan-targets-valid"), ==, 0);
  g_assert_cmpuint (n_findings_of (fixture, "plan-targets-named"), ==, 0);

  /* A target year after the plan (2025–2029): a blocker naming the row, and
   * the row no longer counts; 11 rows are still above 10. */
  revenue = targets->pdata[0];
  revenue->target_year = 2030;
  cz_plan_targets_store (fixture->dossier, targets);
  g_assert_cmpuint (n_findings_of (fixture, "plan-targets-valid"), ==, 1);
  message = message_of (fixture, "plan-targets-valid");
  assert_contains (message, "row 1: the target year 2030 is outside the plan (2025–2029)");
  g_clear_pointer (&message, g_free);
  revenue->target_year = 2029;
  revenue->baseline_year = 2029;
  cz_plan_targets_store (fixture->dossier, targets);
  message = message_of (fixture, "plan-targets-valid");
  assert_contains (message, "row 1: the baseline year 2029 must be before the target year 2029");
  g_clear_pointer (&message, g_free);

  /* Down to 9 sound rows: the step of 5 points, and the missing revenue target is named. */
  g_ptr_array_remove_range (targets, 0, 3);
  cz_plan_targets_store (fixture->dossier, targets);
  fewer = cz_score_new (fixture->rules, fixture->dossier, "en");
  g_assert_cmpuint (cz_score_get_indicator_tenths (fewer, 0, 0), ==, 50);
  g_assert_cmpuint (n_findings_of (fixture, "plan-targets-valid"), ==, 0);
  g_assert_cmpuint (n_findings_of (fixture, "plan-targets-named"), ==, 3);

  /* An older dossier: no table, the count is kept and scored, the table is asked for. */
  cz_dossier_clear (fixture->dossier, "plan.targets");
  cz_dossier_set_integer (fixture->dossier, "indicators.plan_quantified_targets", 12);
  counted = cz_score_new (fixture->rules, fixture->dossier, "en");
  g_assert_cmpuint (cz_score_get_indicator_tenths (counted, 0, 0), ==, 100);
  g_assert_cmpuint (n_findings_of (fixture, "plan-targets-named"), ==, 1);
  message = message_of (fixture, "plan-targets-named");
  assert_contains (message, "12 quantified targets are counted but not listed");
}

/* The one schema of docs/findings-json.md: what an archive's dossier.json
 * and validate --json hold is what the engine computed, in tenths. */
static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CzScore) score = cz_score_new (fixture->rules, fixture->dossier, "en");
  g_autoptr(JsonNode) score_node = cz_score_to_json (score);
  g_autoptr(JsonNode) pack_node = cz_rules_identity_to_json (fixture->rules);
  JsonObject *object = json_node_get_object (score_node);
  JsonArray *dimensions = json_object_get_array_member (object, "dimensions");
  GListModel *model = G_LIST_MODEL (fixture->validator);
  gint64 sum = 0;

  g_assert_cmpint (json_object_get_int_member (object, "total_tenths"), ==, 705);
  g_assert_cmpint (json_object_get_int_member (object, "max_points"), ==, 100);
  g_assert_true (json_object_get_boolean_member (object, "provisional"));
  g_assert_cmpuint (json_array_get_length (dimensions), ==, cz_score_get_n_dimensions (score));
  for (guint d = 0; d < json_array_get_length (dimensions); d++)
    {
      JsonObject *dimension = json_array_get_object_element (dimensions, d);
      JsonArray *indicators = json_object_get_array_member (dimension, "indicators");
      gint64 dimension_sum = 0;

      g_assert_cmpstr (json_object_get_string_member (dimension, "id"), ==, cz_score_get_dimension_id (score, d));
      for (guint i = 0; i < json_array_get_length (indicators); i++)
        {
          JsonObject *indicator = json_array_get_object_element (indicators, i);

          g_assert_cmpstr (json_object_get_string_member (indicator, "field_id"), ==,
                           cz_score_get_indicator_field (score, d, i));
          g_assert_cmpint (json_object_get_int_member (indicator, "max_points"), ==,
                           cz_score_get_indicator_points (score, d, i));
          dimension_sum += json_object_get_int_member (indicator, "tenths");
        }
      g_assert_cmpint (dimension_sum, ==, json_object_get_int_member (dimension, "tenths"));
      sum += dimension_sum;
    }
  g_assert_cmpint (sum, ==, 705);

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (pack_node), "id"), ==,
                   cz_rules_get_id (fixture->rules));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (pack_node), "sha256"), ==,
                   cz_rules_get_sha256 (fixture->rules));

  /* A finding on a field, and one on the whole dossier (null field_id). */
  cz_dossier_clear (fixture->dossier, CZ_FIELD_DECLARATION_TRUTHFUL);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CzFinding) finding = g_list_model_get_item (model, i);
      g_autoptr(JsonNode) node = cz_finding_to_json (finding);
      JsonObject *member = json_node_get_object (node);

      g_assert_cmpstr (json_object_get_string_member (member, "rule_id"), ==, cz_finding_get_rule_id (finding));
      g_assert_cmpstr (json_object_get_string_member (member, "severity"), ==,
                       cz_severity_to_id (cz_finding_get_severity (finding)));
      g_assert_cmpstr (json_object_get_string_member (member, "step"), ==, cz_step_to_id (cz_finding_get_step (finding)));
      g_assert_cmpstr (json_object_get_string_member (member, "message"), ==, cz_finding_get_message (finding));
      if (cz_finding_get_field_id (finding) == NULL)
        g_assert_true (json_object_get_null_member (member, "field_id"));
      else
        g_assert_cmpstr (json_object_get_string_member (member, "field_id"), ==, cz_finding_get_field_id (finding));
      g_assert_cmpint (json_object_get_boolean_member (member, "provisional"), ==, cz_finding_get_provisional (finding));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/validator/sample-has-only-hints", test_sample_has_only_hints);
  ADD ("/validator/revenue-threshold", test_revenue_threshold);
  ADD ("/validator/revenue-relaxation", test_revenue_relaxation);
  ADD ("/validator/sme-share", test_sme_share);
  ADD ("/validator/cross-checks", test_cross_checks);
  ADD ("/validator/incident-boundaries", test_incident_boundaries);
  ADD ("/validator/production-safety-grades-named", test_production_safety_grades_named);
  ADD ("/validator/stated-grade", test_stated_grade);
  ADD ("/validator/declarations", test_declarations);
  ADD ("/validator/zone-and-boundary", test_zone_and_boundary);
  ADD ("/validator/input-valid", test_input_valid);
  ADD ("/validator/input-check-per-field", test_input_check_per_field);
  ADD ("/validator/dates-not-ahead", test_dates_not_ahead);
  ADD ("/validator/reevaluates-only-readers", test_reevaluates_only_readers);
  ADD ("/validator/model-changes", test_model_changes);
  ADD ("/validator/external-findings", test_external_findings);
  ADD ("/validator/language", test_language);
  ADD ("/validator/score", test_score);
  ADD ("/validator/json", test_json);

  g_test_add ("/validator/plan-targets", Fixture, NULL, fixture_set_up, test_plan_targets, fixture_tear_down);

  return g_test_run ();
}
