/* test-lifecycle.c — a recognised zone's duties, deadlines, filings, review
 * table and revocation risks
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cz-fields.h"
#include "cz-filing.h"
#include "cz-lifecycle-rules.h"
#include "cz-plan-target.h"
#include "cz-rules.h"
#include "cz-zone-record.h"
#include "cz-zone-status.h"

static GDate
day (guint year,
     guint month,
     guint d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, month, year);
  return date;
}

static void
assert_day (const GDate *date,
            const char  *iso)
{
  g_autofree char *text = cz_date_dup_iso (date);
  g_assert_cmpstr (text, ==, iso);
}

static CzLifecycleRules *
load_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRules) rules = cz_rules_new_builtin (2025, &error);
  CzLifecycleRules *lifecycle;

  g_assert_no_error (error);
  lifecycle = cz_lifecycle_rules_new (rules, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lifecycle);
  return lifecycle;
}

/* The sample zone, recognised on @date (ISO) with the default validity. */
static CzDossier *
recognised_zone (CzLifecycleRules *rules,
                 const char       *date)
{
  CzDossier *zone = cz_dossier_new ("zone-1");
  g_autoptr(GError) error = NULL;
  CzRecognition recognition = { 0 };
  GDate today = day (2030, 12, 31);

  cz_recognition_clear (&recognition);
  g_assert_true (cz_date_parse_iso (date, &recognition.date));
  recognition.document_number = g_strdup ("工信部企业函〔2025〕321号");
  cz_recognition_default_validity (rules, &recognition.date, &recognition.valid_from, &recognition.valid_until);
  g_assert_true (cz_zone_record_mark_recognised (zone, &recognition, &today, &error));
  g_assert_no_error (error);
  cz_recognition_clear (&recognition);
  cz_dossier_set_integer (zone, CZ_FIELD_APPLICATION_YEAR, 2025);
  return zone;
}

static void
test_rules_pack (void)
{
  g_autoptr(CzLifecycleRules) rules = load_rules ();
  guint pm, pd, mm, md;

  g_assert_cmpuint (cz_lifecycle_rules_get_validity_years (rules), ==, 5);
  cz_lifecycle_rules_get_report_due (rules, &pm, &pd, &mm, &md);
  g_assert_cmpuint (pm, ==, 3);
  g_assert_cmpuint (pd, ==, 30);
  g_assert_cmpuint (mm, ==, 4);
  g_assert_cmpuint (md, ==, 30);
  g_assert_true (cz_lifecycle_rules_get_report_provisional (rules));
  g_assert_cmpuint (cz_lifecycle_rules_get_change_working_days (rules), ==, 30);
  g_assert_false (cz_lifecycle_rules_get_count_change_day (rules));
  g_assert_nonnull (strstr (cz_lifecycle_rules_get_change_citation (rules), "168号"));
  g_assert_false (cz_lifecycle_rules_get_ground_knowable (rules, CZ_REVOCATION_FALSE_DATA));
  g_assert_true (cz_lifecycle_rules_get_ground_knowable (rules, CZ_REVOCATION_MISSING_REPORT));
  g_assert_cmpstr (cz_lifecycle_rules_get_ground_title (rules, CZ_REVOCATION_MISSING_REPORT, "zh_CN"), ==,
                   "不报送上一年度发展报告");
}

static void
test_pack_without_lifecycle (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRules) builtin = cz_rules_new_builtin (2025, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CzRules) rules = NULL;
  GBytes *original = cz_rules_get_bytes (builtin);
  char *data;
  gsize length;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (original, NULL),
                                             (gssize) g_bytes_get_size (original), &error));
  json_object_remove_member (json_node_get_object (json_parser_get_root (parser)), "lifecycle");
  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (data, length);
  rules = cz_rules_new_from_bytes (bytes, "old-pack.json", &error);
  g_assert_no_error (error);

  /* An older pack still checks applications, but cannot state the duties. */
  g_assert_null (cz_lifecycle_rules_new (rules, &error));
  g_assert_error (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_NO_SECTION);
  g_assert_nonnull (strstr (error->message, "“lifecycle”"));
}

static void
test_default_validity (void)
{
  g_autoptr(CzLifecycleRules) rules = load_rules ();
  GDate from, until;
  GDate date = day (2025, 11, 14);
  CzRecognition recognition = { 0 };
  guint first, last;

  cz_recognition_default_validity (rules, &date, &from, &until);
  assert_day (&from, "2025-11-14");
  assert_day (&until, "2030-11-13");

  /* Validity ending on 29 February … */
  date = day (2023, 3, 1);
  cz_recognition_default_validity (rules, &date, &from, &until);
  assert_day (&until, "2028-02-29");
  recognition.valid_from = from;
  recognition.valid_until = until;
  cz_recognition_get_report_years (&recognition, &first, &last);
  g_assert_cmpuint (first, ==, 2023);
  g_assert_cmpuint (last, ==, 2027);

  /* … and starting on it: a common year has no 29 February. */
  date = day (2024, 2, 29);
  cz_recognition_default_validity (rules, &date, &from, &until);
  assert_day (&until, "2029-02-28");
  date = day (2024, 2, 28);
  cz_recognition_default_validity (rules, &date, &from, &until);
  assert_day (&until, "2029-02-27");
}

static void
test_review_due_on_29_february (void)
{
  g_autoptr(CzLifecycleRules) rules = load_rules ();
  g_autoptr(CzDossier) zone = recognised_zone (rules, "2023-03-01");
  g_autoptr(GPtrArray) duties = NULL;
  CzRecognition recognition;
  CzDuty duty;
  const CzDuty *last, *review;

  g_assert_true (cz_zone_record_get_recognition (zone, &recognition));
  cz_lifecycle_review_due (rules, &recognition, &duty);
  assert_day (&duty.due, "2028-02-29");
  g_assert_true (duty.provisional);
  cz_duty_clear (&duty);

  duties = cz_zone_dup_open_duties (rules, zone, NULL, NULL);
  /* Reports for 2023–2027 and the review on the last day of validity, which
   * comes before the last report's due date. */
  g_assert_cmpuint (duties->len, ==, 6);
  review = duties->pdata[4];
  g_assert_cmpint (review->kind, ==, CZ_DUTY_REVIEW);
  assert_day (&review->due, "2028-02-29");
  last = duties->pdata[5];
  g_assert_cmpint (last->kind, ==, CZ_DUTY_ANNUAL_REPORT);
  g_assert_cmpuint (last->year, ==, 2027);
  assert_day (&last->due, "2028-03-30");
  /* The 2028 holiday calendar is not shipped. */
  g_assert_true (last->provisional);
  cz_recognition_clear (&recognition);
}

static void
test_recognition_bad_input (void)
{
  g_autoptr(CzLifecycleRules) rules = load_rules ();
  g_autoptr(CzDossier) zone = cz_dossier_new ("zone-2");
  CzRecognition recognition = { 0 };
  GDate today = day (2025, 12, 1);
  g_autoptr(GError) error = NULL;

  cz_recognition_clear (&recognition);
  recognition.date = day (2025, 12, 2);
  recognition.document_number = g_strdup ("工信部企业函〔2025〕321号");
  cz_recognition_default_validity (rules, &recognition.date, &recognition.valid_from, &recognition.valid_until);

  /* A recognition after today. */
  g_assert_false (cz_zone_record_mark_recognised (zone, &recognition, &today, &error));
  g_assert_error (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Date of recognition"));
  g_assert_nonnull (strstr (error->message, "2025-12-02"));
  g_assert_false (cz_zone_record_is_recognised (zone));
  g_clear_error (&error);

  /* The day itself is fine. */
  today = day (2025, 12, 2);
  g_assert_true (cz_recognition_check (&recognition, &today, &error));
  g_assert_no_error (error);

  /* An end before the start. */
  recognition.valid_until = day (2025, 12, 1);
  g_assert_false (cz_zone_record_mark_recognised (zone, &recognition, &today, &error));
  g_assert_error (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Valid until"));
  g_clear_error (&error);

  /* No document number. */
  cz_recognition_default_validity (rules, &recognition.date, &recognition.valid_from, &recognition.valid_until);
  g_free (recognition.document_number);
  recognition.document_number = g_strdup ("  ");
  g_assert_false (cz_zone_record_mark_recognised (zone, &recognition, &today, &error));
  g_assert_nonnull (strstr (error->message, "Document number"));
  g_assert_false (cz_zone_record_is_recognised (zone));
  cz_recognition_clear (&recognition);
}

static void
test_report_due (void)
{
  g_autoptr(CzLifecycleRules) rules = load_rules ();
  CzDuty duty;

  /* 30 March 2025 is a Sunday: hand in by Friday 28 March. */
  cz_lifecycle_report_due (rules, 2024, &duty);
  assert_day (&duty.stated_due, "2025-03-30");
  assert_day (&duty.due, "2025-03-28");
  assert_day (&duty.ministry_due, "2025-04-30");
  g_assert_true (duty.provisional);
  g_assert_nonnull (duty.note);
  g_assert_nonnull (strstr (duty.note, "2025年3月28日"));
  cz_duty_clear (&duty);

  /* 30 March 2026 is a Monday: the date stands. */
  cz_lifecycle_report_due (rules, 2025, &duty);
  assert_day (&duty.due, "2026-03-30");
  assert_day (&duty.ministry_due, "2026-04-30");
  g_assert_null (duty.note);
  g_assert_true (duty.provisional);
  cz_duty_clear (&duty);
}

static void
assert_change_due (CzLifecycleRules *rules,
                   GDate             change,
                   const char       *expected,
                   gboolean          provisional)
{
  g_autoptr(GError) error = NULL;
  CzDuty duty;

  g_assert_true (cz_lifecycle_change_due (rules, &change, NULL, &duty, &error));
  g_assert_no_error (error);
  assert_day (&duty.due, expected);
  g_assert_cmpint (duty.provisional, ==, provisional);
  cz_duty_clear (&duty);
}

static void
test_change_due (void)
{
  g_autoptr(CzLifecycleRules) rules = load_rules ();
  g_autoptr(GError) error = NULL;
  GDate today = day (2026, 10, 1);
  GDate change;
  CzDuty duty;

  /* The regulation's example, then the walk-through's change two days before
   * the National Day holiday (Monday to Friday alone would give 2026-11-09),
   * and the last day before the holiday. */
  assert_change_due (rules, day (2026, 9, 15), "2026-11-02", FALSE);
  assert_change_due (rules, day (2026, 9, 28), "2026-11-13", FALSE);
  assert_change_due (rules, day (2026, 9, 30), "2026-11-17", FALSE);
  /* Counting into 2027, whose calendar is not shipped: provisional. */
  assert_change_due (rules, day (2026, 12, 15), "2027-01-26", TRUE);

  /* A change after today is refused, naming the field. */
  change = day (2026, 10, 2);
  g_assert_false (cz_lifecycle_change_due (rules, &change, &today, &duty, &error));
  g_assert_error (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Date of the change"));
  g_clear_error (&error);
  change = day (2026, 10, 1);
  g_assert_true (cz_lifecycle_change_due (rules, &change, &today, &duty, &error));
  g_assert_no_error (error);
  cz_duty_clear (&duty);
}

static CzFiling *
change_request (const char *date,
                const char *submitted)
{
  CzFiling *filing = cz_filing_new (CZ_FILING_CHANGE_REQUEST, "zone-1");
  JsonObject *object = cz_filing_get_object (filing);
  JsonArray *evidence = json_array_new ();

  json_array_add_string_element (evidence, "董事会决议.pdf");
  json_object_set_string_member (object, "what", CZ_CHANGE_OPERATING_BODY);
  json_object_set_string_member (object, "date", date);
  json_object_set_string_member (object, "before", "苏州工业园区中外合作区管理办公室");
  json_object_set_string_member (object, "after", "苏州中外合作区发展有限公司");
  json_object_set_string_member (object, "reason", "管理体制改革");
  json_object_set_array_member (object, "evidence", evidence);
  if (submitted != NULL)
    json_object_set_string_member (object, "submitted", submitted);
  return filing;
}

static gboolean
has_problem (GPtrArray  *problems,
             CzSeverity  severity,
             const char *member,
             const char *text)
{
  for (guint i = 0; i < problems->len; i++)
    {
      CzFilingProblem *problem = problems->pdata[i];

      if (problem->severity == severity && g_strcmp0 (problem->member, member) == 0 &&
          (text == NULL || strstr (problem->message, text) != NULL))
        return TRUE;
    }
  return FALSE;
}

static void
test_change_late (void)
{
  g_autoptr(CzLifecycleRules) rules = load_rules ();
  g_autoptr(CzDossier) zone = recognised_zone (rules, "2025-11-14");
  GDate today = day (2026, 12, 1);
  g_autoptr(CzFiling) on_time = change_request ("2026-09-28", "2026-11-13");
  g_autoptr(CzFiling) late = change_request ("2026-09-28", "2026-11-16");
  g_autoptr(CzFiling) future = change_request ("2026-12-02", NULL);
  g_autoptr(GPtrArray) problems = NULL;

  /* Handed in on the 30th working day: in time. */
  g_assert_false (cz_filing_change_is_late (on_time, rules, &today, NULL));
  problems = cz_filing_check (on_time, zone, rules, &today);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* On the 31st: late, still allowed, with the revocation ground cited. */
  g_assert_true (cz_filing_change_is_late (late, rules, &today, NULL));
  problems = cz_filing_check (late, zone, rules, &today);
  g_assert_false (cz_filing_problems_block (problems));
  g_assert_true (has_problem (problems, CZ_SEVERITY_WARNING, "date", "2026年11月13日"));
  g_assert_true (has_problem (problems, CZ_SEVERITY_WARNING, "date", "168号"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A change dated after today. */
  problems = cz_filing_check (future, zone, rules, &today);
  g_assert_true (cz_filing_problems_block (problems));
  g_assert_true (has_problem (problems, CZ_SEVERITY_BLOCKER, "date", "Date of the change"));
}

static void
test_change_spatial_extent (void)
{
  g_autoptr(CzLifecycleRules) rules = load_rules ();
  g_autoptr(CzDossier) zone = recognised_zone (rules, "2025-11-14");
  g_autoptr(CzFiling) change = change_request ("2026-09-28", NULL);
  GDate today = day (2026, 10, 9);
  g_autoptr(GPtrArray) problems = NULL;
  JsonObject *boundary = json_object_new ();
  JsonArray *areas = json_array_new ();
  JsonObject *area = json_object_new ();

  json_object_set_string_member (cz_filing_get_object (change), "what", CZ_CHANGE_SPATIAL_EXTENT);
  problems = cz_filing_check (change, zone, rules, &today);
  g_assert_true (has_problem (problems, CZ_SEVERITY_BLOCKER, "boundary.east", "New boundary"));
  g_assert_true (has_problem (problems, CZ_SEVERITY_BLOCKER, "boundary.functional_areas", NULL));
  g_clear_pointer (&problems, g_ptr_array_unref);

  json_object_set_string_member (boundary, "east", "东至星港街");
  json_object_set_string_member (boundary, "south", "南至湖滨路");
  json_object_set_string_member (boundary, "west", "西至科创河");
  json_object_set_string_member (boundary, "north", "北至沪宁高速");
  json_object_set_string_member (area, "name", "中欧智造园");
  json_object_set_int_member (area, "area_m2", 23000000);
  json_array_add_object_element (areas, area);
  json_object_set_array_member (boundary, "functional_areas", areas);
  json_object_set_object_member (cz_filing_get_object (change), "boundary", boundary);
  problems = cz_filing_check (change, zone, rules, &today);
  g_assert_false (cz_filing_problems_block (problems));
}

static void
add_target (GPtrArray  *targets,
            const char *id,
            const char *indicator,
            const char *unit,
            guint       baseline_year,
            gint64      baseline,
            guint       target_year,
            gint64      target)
{
  CzPlanTarget *t = g_new0 (CzPlanTarget, 1);

  t->indicator_id = g_strdup (id);
  t->indicator = g_strdup (indicator);
  t->unit = g_strdup (unit);
  t->baseline_year = baseline_year;
  t->baseline_value = baseline * 10000;
  t->has_baseline_value = TRUE;
  t->target_year = target_year;
  t->target_value = target * 10000;
  t->has_target_value = TRUE;
  g_ptr_array_add (targets, t);
}

static gboolean
has_target_problem (GPtrArray  *problems,
                    guint       row,
                    const char *member,
                    const char *text)
{
  for (guint i = 0; i < problems->len; i++)
    {
      CzPlanTargetProblem *p = problems->pdata[i];
      if (p->row == row && g_strcmp0 (p->member, member) == 0 && strstr (p->message, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_plan_targets (void)
{
  g_autoptr(CzDossier) dossier = cz_dossier_new ("plan");
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_plan_target_free);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  guint first, last;

  cz_plan_get_period (dossier, 2025, &first, &last);
  g_assert_cmpuint (first, ==, 2025);
  g_assert_cmpuint (last, ==, 2029);

  add_target (targets, "revenue", "合作区企业年营业总收入", "亿元", 2024, 1250, 2029, 1800);
  add_target (targets, "sme", "中小企业数量", "家", 2024, 1200, 2030, 1500);      /* after the plan */
  add_target (targets, "", "国际合作平台", "个", 2029, 5, 2029, 9);                /* baseline not before */
  add_target (targets, "", "中小企业数量", "", 2024, 1, 2028, 2);                 /* twice, no unit */
  cz_plan_targets_store (dossier, targets);

  read = cz_plan_targets_from_dossier (dossier);
  g_assert_cmpuint (read->len, ==, 4);
  g_assert_cmpstr (((CzPlanTarget *) read->pdata[0])->indicator, ==, "合作区企业年营业总收入");
  g_assert_cmpint (((CzPlanTarget *) read->pdata[0])->target_value, ==, 18000000);
  g_assert_cmpuint (((CzPlanTarget *) read->pdata[1])->target_year, ==, 2030);

  problems = cz_plan_targets_check (read, first, last);
  g_assert_true (has_target_problem (problems, 2, "target_year", "outside the plan (2025–2029)"));
  g_assert_false (has_target_problem (problems, 1, "target_year", "outside"));
  g_assert_true (has_target_problem (problems, 3, "baseline_year", "must be before the target year"));
  g_assert_true (has_target_problem (problems, 4, "indicator", "listed twice"));
  g_assert_true (has_target_problem (problems, 4, "unit", "row 4"));
  g_assert_true (cz_plan_target_is_complete (read->pdata[0], first, last));
  g_assert_false (cz_plan_target_is_complete (read->pdata[1], first, last));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A period that ends before it starts. */
  problems = cz_plan_targets_check (read, 2029, 2025);
  g_assert_true (has_target_problem (problems, 0, NULL, "Plan period"));
}

static void
set_plan (CzDossier *zone)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_plan_target_free);

  add_target (targets, "revenue", "合作区企业年营业总收入", "亿元", 2024, 1000, 2029, 1500);
  add_target (targets, "sme", "中小企业数量", "家", 2024, 1000, 2029, 2000);
  add_target (targets, "cooperation", "国际合作平台", "个", 2024, 4, 2029, 9);
  cz_plan_targets_store (zone, targets);
}

static CzFiling *
annual_report (guint       year,
               const char *revenue,
               const char *smes,
               const char *platforms,
               const char *submitted)
{
  CzFiling *report = cz_filing_new (CZ_FILING_ANNUAL_REPORT, "zone-1");
  JsonObject *object = cz_filing_get_object (report);
  JsonObject *figures = json_object_new ();
  JsonObject *integrity = json_object_new ();
  JsonObject *sections = json_object_new ();
  JsonArray *values = json_array_new ();
  const char *indicators[] = { "合作区企业年营业总收入", "中小企业数量", "国际合作平台" };
  const char *given[] = { revenue, smes, platforms };

  json_object_set_int_member (object, "year", year);
  json_object_set_int_member (figures, "revenue_fen", G_GINT64_CONSTANT (110000000000000));
  json_object_set_int_member (figures, "enterprises", 1500);
  json_object_set_int_member (figures, "smes", 1300);
  json_object_set_object_member (object, "figures", figures);
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    if (given[i] != NULL)
      {
        JsonObject *value = json_object_new ();
        json_object_set_string_member (value, "indicator", indicators[i]);
        json_object_set_string_member (value, "value", given[i]);
        json_array_add_object_element (values, value);
      }
  json_object_set_array_member (object, "targets", values);
  json_object_set_string_member (integrity, "serious_dishonesty", "none");
  json_object_set_string_member (integrity, "major_violation", "none");
  json_object_set_object_member (object, "integrity", integrity);
  json_object_set_string_member (sections, "work_done", "举办中德中小企业对接会三场。");
  json_object_set_string_member (sections, "problems", "用地指标紧张。");
  json_object_set_string_member (sections, "next_year", "建设国际合作服务中心。");
  json_object_set_object_member (object, "sections", sections);
  if (submitted != NULL)
    json_object_set_string_member (object, "submitted", submitted);
  return report;
}

static void
test_annual_report_check (void)
{
  g_autoptr(CzLifecycleRules) rules = load_rules ();
  g_autoptr(CzDossier) zone = recognised_zone (rules, "2025-11-14");
  g_autoptr(CzFiling) report = annual_report (2025, "1100", "1150", NULL, NULL);
  g_autoptr(CzFiling) outside = annual_report (2031, "1100", "1150", "5", NULL);
  GDate today = day (2026, 3, 1);
  g_autoptr(GPtrArray) problems = NULL;

  set_plan (zone);
  problems = cz_filing_check (report, zone, rules, &today);
  g_assert_false (cz_filing_problems_block (problems));
  /* The target without a value is asked for, not guessed. */
  g_assert_true (has_problem (problems, CZ_SEVERITY_WARNING, "targets", "国际合作平台"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A report for a year outside the validity. */
  today = day (2032, 1, 10);
  problems = cz_filing_check (outside, zone, rules, &today);
  g_assert_true (has_problem (problems, CZ_SEVERITY_BLOCKER, "year", "Year of the report: 2031 is outside"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A year that has not ended. */
  today = day (2025, 12, 1);
  problems = cz_filing_check (report, zone, rules, &today);
  g_assert_true (has_problem (problems, CZ_SEVERITY_BLOCKER, "year", "has not ended"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* More SMEs than enterprises, and a bad target value. */
  today = day (2026, 3, 1);
  json_object_set_int_member (json_object_get_object_member (cz_filing_get_object (report), "figures"), "smes", 1600);
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (cz_filing_get_object (report), "targets"), 0),
                                 "value", "一千");
  problems = cz_filing_check (report, zone, rules, &today);
  g_assert_true (has_problem (problems, CZ_SEVERITY_BLOCKER, "figures.smes", "1600"));
  g_assert_true (has_problem (problems, CZ_SEVERITY_BLOCKER, "targets[0].value", "合作区企业年营业总收入"));
}

static void
test_offered_not_copied (void)
{
  g_autoptr(CzLifecycleRules) rules = load_rules ();
  g_autoptr(CzDossier) zone = recognised_zone (rules, "2025-11-14");
  g_autoptr(CzFiling) first = NULL;
  g_autoptr(CzFiling) second = NULL;
  g_autoptr(CzFiling) previous = annual_report (2025, "1100", "1150", "5", "2026-03-20");
  JsonObject *offered;

  cz_dossier_set_money (zone, "revenue.y2024.total", G_GINT64_CONSTANT (125000000000000));
  cz_dossier_set_integer (zone, "enterprises.y2024.total", 1400);
  first = cz_filing_new_annual_report (zone, 2025, NULL);
  offered = json_object_get_object_member (cz_filing_get_object (first), "offered");
  g_assert_cmpstr (json_object_get_string_member (offered, "source"), ==, "application");
  g_assert_cmpint (json_object_get_int_member (offered, "revenue_fen"), ==, G_GINT64_CONSTANT (125000000000000));
  g_assert_cmpint (json_object_get_int_member (offered, "enterprises"), ==, 1400);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (cz_filing_get_object (first), "figures")), ==, 0);

  second = cz_filing_new_annual_report (zone, 2026, previous);
  offered = json_object_get_object_member (cz_filing_get_object (second), "offered");
  g_assert_cmpstr (json_object_get_string_member (offered, "source"), ==, "annual-report");
  g_assert_cmpint (json_object_get_int_member (offered, "from_year"), ==, 2025);
  g_assert_cmpint (json_object_get_int_member (offered, "smes"), ==, 1300);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (cz_filing_get_object (second), "figures")), ==, 0);
}

static void
test_review_table (void)
{
  g_autoptr(CzLifecycleRules) rules = load_rules ();
  g_autoptr(CzDossier) zone = recognised_zone (rules, "2025-11-14");
  g_autoptr(GPtrArray) filings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CzReviewTable) table = NULL;
  CzReviewRow *revenue, *sme, *platforms;

  set_plan (zone);
  g_ptr_array_add (filings, annual_report (2025, "1100", "1150", "5", "2026-03-20"));
  g_ptr_array_add (filings, annual_report (2026, "1200", "1250", "6", "2027-03-18"));
  g_ptr_array_add (filings, annual_report (2028, "1500", "1500", NULL, "2029-03-20"));
  g_ptr_array_add (filings, annual_report (2029, "1600", "1700", "8", "2030-03-20"));

  table = cz_review_table_new (zone, filings, 0, 0);
  g_assert_cmpuint (table->first_year, ==, 2025);
  g_assert_cmpuint (table->last_year, ==, 2029);
  g_assert_cmpuint (table->missing_years->len, ==, 1);
  g_assert_cmpuint (g_array_index (table->missing_years, guint, 0), ==, 2027);
  g_assert_cmpuint (table->rows->len, ==, 3);

  revenue = table->rows->pdata[0];
  g_assert_false (revenue->has_value[2]);            /* 2027: missing, not guessed */
  g_assert_true (revenue->has_latest);
  g_assert_cmpuint (revenue->latest_year, ==, 2029);
  g_assert_cmpint (revenue->progress_permille, ==, 1200);  /* 1000 → 1600 of 1500 */
  g_assert_true (revenue->met);

  sme = table->rows->pdata[1];
  g_assert_cmpint (sme->progress_permille, ==, 700);  /* 1000 → 1700 of 2000 */
  g_assert_true (sme->behind);

  platforms = table->rows->pdata[2];
  g_assert_false (platforms->has_value[3]);          /* 2028's report left it out */
  g_assert_cmpint (platforms->progress_permille, ==, 800);
  g_assert_false (platforms->met);
}

static CzRevocationRisk *
risk (GPtrArray          *risks,
      CzRevocationGround  ground)
{
  g_assert_cmpuint (risks->len, ==, CZ_N_REVOCATION_GROUNDS);
  return risks->pdata[ground];
}

static void
test_revocation (void)
{
  g_autoptr(CzLifecycleRules) rules = load_rules ();
  g_autoptr(CzDossier) zone = recognised_zone (rules, "2025-11-14");
  g_autoptr(GPtrArray) filings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) risks = NULL;
  GDate today = day (2026, 3, 1);
  CzFiling *report;
  JsonObject *incident;
  JsonArray *incidents;

  /* Before the 2025 report's due date: due, with the days left. */
  risks = cz_revocation_evaluate (rules, zone, filings, &today);
  g_assert_cmpint (risk (risks, CZ_REVOCATION_FALSE_DATA)->state, ==, CZ_RISK_REMINDER);
  g_assert_cmpint (risk (risks, CZ_REVOCATION_REFUSING_MONITORING)->state, ==, CZ_RISK_REMINDER);
  g_assert_cmpint (risk (risks, CZ_REVOCATION_MISSING_REPORT)->state, ==, CZ_RISK_DUE);
  g_assert_nonnull (strstr (risk (risks, CZ_REVOCATION_MISSING_REPORT)->detail, "29 days left"));
  g_assert_cmpint (risk (risks, CZ_REVOCATION_CHANGE_NOT_REPORTED)->state, ==, CZ_RISK_CLEAR);
  g_assert_cmpint (risk (risks, CZ_REVOCATION_INCIDENT_OR_DISHONESTY)->state, ==, CZ_RISK_CLEAR);
  g_clear_pointer (&risks, g_ptr_array_unref);

  /* On the due date still due; the day after, overdue. */
  today = day (2026, 3, 30);
  risks = cz_revocation_evaluate (rules, zone, filings, &today);
  g_assert_cmpint (risk (risks, CZ_REVOCATION_MISSING_REPORT)->state, ==, CZ_RISK_DUE);
  g_clear_pointer (&risks, g_ptr_array_unref);
  today = day (2026, 3, 31);
  risks = cz_revocation_evaluate (rules, zone, filings, &today);
  g_assert_cmpint (risk (risks, CZ_REVOCATION_MISSING_REPORT)->state, ==, CZ_RISK_TRIGGERED);
  g_assert_nonnull (strstr (risk (risks, CZ_REVOCATION_MISSING_REPORT)->detail, "2025"));
  g_clear_pointer (&risks, g_ptr_array_unref);

  /* Handed in: clear. A 重大 production-safety accident in it: at risk. */
  report = annual_report (2025, "1100", "1150", "5", "2026-03-20");
  g_ptr_array_add (filings, report);
  incident = json_object_new ();
  json_object_set_string_member (incident, "type", "production-safety");
  json_object_set_string_member (incident, "date", "2025-07-02");
  json_object_set_int_member (incident, "deaths", 10);
  incidents = json_array_new ();
  json_array_add_object_element (incidents, incident);
  json_object_set_array_member (cz_filing_get_object (report), "incidents", incidents);
  risks = cz_revocation_evaluate (rules, zone, filings, &today);
  g_assert_cmpint (risk (risks, CZ_REVOCATION_MISSING_REPORT)->state, ==, CZ_RISK_CLEAR);
  g_assert_cmpint (risk (risks, CZ_REVOCATION_INCIDENT_OR_DISHONESTY)->state, ==, CZ_RISK_TRIGGERED);
  g_assert_nonnull (strstr (risk (risks, CZ_REVOCATION_INCIDENT_OR_DISHONESTY)->detail, "重大"));
  g_clear_pointer (&risks, g_ptr_array_unref);

  /* 9 deaths is 较大: below the production-safety threshold. */
  json_object_set_int_member (incident, "deaths", 9);
  risks = cz_revocation_evaluate (rules, zone, filings, &today);
  g_assert_cmpint (risk (risks, CZ_REVOCATION_INCIDENT_OR_DISHONESTY)->state, ==, CZ_RISK_CLEAR);
  g_clear_pointer (&risks, g_ptr_array_unref);

  /* A change not yet requested: due; past its deadline: at risk. */
  g_ptr_array_add (filings, change_request ("2026-09-28", NULL));
  today = day (2026, 11, 13);
  risks = cz_revocation_evaluate (rules, zone, filings, &today);
  g_assert_cmpint (risk (risks, CZ_REVOCATION_CHANGE_NOT_REPORTED)->state, ==, CZ_RISK_DUE);
  g_clear_pointer (&risks, g_ptr_array_unref);
  today = day (2026, 11, 14);
  risks = cz_revocation_evaluate (rules, zone, filings, &today);
  g_assert_cmpint (risk (risks, CZ_REVOCATION_CHANGE_NOT_REPORTED)->state, ==, CZ_RISK_TRIGGERED);
  g_clear_pointer (&risks, g_ptr_array_unref);

  /* A major violation declared. */
  json_object_set_string_member (json_object_get_object_member (cz_filing_get_object (report), "integrity"),
                                 "major_violation", "occurred");
  risks = cz_revocation_evaluate (rules, zone, filings, &today);
  g_assert_cmpint (risk (risks, CZ_REVOCATION_MAJOR_VIOLATION)->state, ==, CZ_RISK_TRIGGERED);
}

static void
test_open_duties (void)
{
  g_autoptr(CzLifecycleRules) rules = load_rules ();
  g_autoptr(CzDossier) zone = recognised_zone (rules, "2025-11-14");
  g_autoptr(GPtrArray) filings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) duties = NULL;
  GDate today = day (2026, 10, 9);
  const CzDuty *next;

  g_ptr_array_add (filings, annual_report (2025, "1100", "1150", "5", "2026-03-20"));
  g_ptr_array_add (filings, change_request ("2026-09-28", NULL));
  duties = cz_zone_dup_open_duties (rules, zone, filings, &today);
  next = duties->pdata[0];
  g_assert_cmpint (next->kind, ==, CZ_DUTY_CHANGE_REQUEST);
  assert_day (&next->due, "2026-11-13");
  g_assert_cmpint (cz_duty_days_left (next, &today), ==, 35);
  g_assert_cmpint (((CzDuty *) duties->pdata[1])->kind, ==, CZ_DUTY_ANNUAL_REPORT);
  g_assert_cmpuint (((CzDuty *) duties->pdata[1])->year, ==, 2026);
}

static void
test_filing_json (void)
{
  g_autoptr(CzFiling) change = change_request ("2026-09-28", NULL);
  g_autoptr(CzFiling) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = cz_filing_to_data (change, NULL);
  g_autofree char *key = NULL;

  copy = cz_filing_new_from_data (data, -1, "change.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cz_filing_get_kind (copy), ==, CZ_FILING_CHANGE_REQUEST);
  key = cz_filing_dup_key (copy);
  g_assert_cmpstr (key, ==, "change-request/2026-09-28/operating_body");

  g_assert_null (cz_filing_new_from_data ("{\"format\": \"io.github.coopzone.filing\", \"kind\": \"memo\"}", -1,
                                          "memo.json", &error));
  g_assert_error (error, CZ_LIFECYCLE_ERROR, CZ_LIFECYCLE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "memo.json"));
  g_assert_nonnull (strstr (error->message, "Kind of filing"));
  g_clear_error (&error);
  g_assert_null (cz_filing_new_from_data ("[1,", -1, "broken.json", &error));
  g_assert_nonnull (strstr (error->message, "broken.json"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lifecycle/rules-pack", test_rules_pack);
  g_test_add_func ("/lifecycle/pack-without-lifecycle", test_pack_without_lifecycle);
  g_test_add_func ("/lifecycle/default-validity", test_default_validity);
  g_test_add_func ("/lifecycle/review-due-on-29-february", test_review_due_on_29_february);
  g_test_add_func ("/lifecycle/recognition-bad-input", test_recognition_bad_input);
  g_test_add_func ("/lifecycle/report-due", test_report_due);
  g_test_add_func ("/lifecycle/change-due", test_change_due);
  g_test_add_func ("/lifecycle/change-late", test_change_late);
  g_test_add_func ("/lifecycle/change-spatial-extent", test_change_spatial_extent);
  g_test_add_func ("/lifecycle/plan-targets", test_plan_targets);
  g_test_add_func ("/lifecycle/annual-report-check", test_annual_report_check);
  g_test_add_func ("/lifecycle/offered-not-copied", test_offered_not_copied);
  g_test_add_func ("/lifecycle/review-table", test_review_table);
  g_test_add_func ("/lifecycle/revocation", test_revocation);
  g_test_add_func ("/lifecycle/open-duties", test_open_duties);
  g_test_add_func ("/lifecycle/filing-json", test_filing_json);

  return g_test_run ();
}
