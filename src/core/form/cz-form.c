/* cz-form.c — what the application form (申报表) says, section by section
 *
 * The form's own words are the ministry's, in Chinese whatever the user's
 * language: they are string constants here, not translated. Messages to the
 * user go through gettext.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cz-divisions.h"
#include "cz-evidence.h"
#include "cz-fields.h"
#include "cz-form.h"
#include "cz-form-layout.h"
#include "cz-incident.h"
#include "cz-money.h"
#include "cz-rules-catalog.h"
#include "cz-score.h"

#define FORM_TITLE "中外中小企业合作区申报表"
/* What an unanswered field shows: a visible blank, not nothing. */
#define BLANK      "（未填写）"

G_DEFINE_QUARK (cz-form-error-quark, cz_form_error)

void
cz_form_options_init (CzFormOptions *options)
{
  memset (options, 0, sizeof *options);
  options->draft = TRUE;
}

char *
cz_form_format_date (GDateTime *date)
{
  return g_strdup_printf ("%d年%d月%d日", g_date_time_get_year (date), g_date_time_get_month (date),
                          g_date_time_get_day_of_month (date));
}

/* ---------------------------------------------------------------------- */
/* Values as the form prints them                                           */

typedef struct
{
  CzDossier *dossier;
  CzRules   *rules;
  CzFormDoc *doc;
  guint      call_year;
  guint      years[3];
} Form;

static const char *
text_or_blank (Form       *form,
               const char *field_id)
{
  const char *text = cz_dossier_get_text (form->dossier, field_id);

  return text != NULL && text[0] != '\0' ? text : BLANK;
}

static char *
dup_division_name (Form       *form,
                   const char *field_id)
{
  const char *code = cz_dossier_get_text (form->dossier, field_id);
  CzDivision *division = code ? cz_divisions_lookup (code) : NULL;

  if (division == NULL)
    return g_strdup (code && code[0] ? code : BLANK);
  return g_strdup (cz_division_get_name (division));
}

static char *
dup_text_list (Form       *form,
               const char *field_id)
{
  /* A deep copy, whatever its const says. */
  g_auto(GStrv) texts = (char **) cz_dossier_dup_text_list (form->dossier, field_id);

  if (texts == NULL || texts[0] == NULL)
    return g_strdup (BLANK);
  return g_strjoinv ("、", texts);
}

/* 48600000 m² → "48.6 平方公里", exactly: no floating point. */
static char *
format_area (gint64 m2)
{
  gint64 whole = m2 / 1000000;
  gint64 hundredths = (m2 % 1000000 + 5000) / 10000;

  if (hundredths == 100)
    {
      whole++;
      hundredths = 0;
    }
  if (hundredths == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " 平方公里", whole);
  if (hundredths % 10 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT " 平方公里", whole, hundredths / 10);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT " 平方公里", whole, hundredths);
}

static char *
dup_area (Form       *form,
          const char *field_id)
{
  gint64 m2;

  if (!cz_dossier_get_integer (form->dossier, field_id, &m2))
    return g_strdup (BLANK);
  return format_area (m2);
}

static char *
dup_year_field (Form       *form,
                const char *id_template,
                guint       year)
{
  g_autofree char *id = cz_field_id_for_year (id_template, year);
  gint64 integer;

  if (!cz_dossier_get_integer (form->dossier, id, &integer))
    return g_strdup (BLANK);
  return g_strdup_printf ("%" G_GINT64_FORMAT, integer);
}

static char *
dup_date (Form       *form,
          const char *field_id)
{
  CzValue *value = cz_dossier_get_value (form->dossier, field_id);
  g_autoptr(GDate) date = NULL;
  g_autoptr(GDateTime) time = NULL;

  if (value == NULL || cz_value_get_kind (value) != CZ_FIELD_KIND_DATE)
    return g_strdup ("    年  月  日");
  date = cz_value_dup_date (value);
  time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  return cz_form_format_date (time);
}

static const char *
declared (Form       *form,
          const char *field_id)
{
  const char *text = cz_dossier_get_text (form->dossier, field_id);

  if (g_strcmp0 (text, CZ_DECLARED_NONE) == 0)
    return "无";
  if (g_strcmp0 (text, CZ_DECLARED_OCCURRED) == 0)
    return "有";
  return "未申明";
}

static const char *
record_text (GVariant   *record,
             const char *member)
{
  const char *text = NULL;

  if (g_variant_lookup (record, member, "&s", &text) && text[0] != '\0')
    return text;
  return "";
}

static gint64
record_int (GVariant   *record,
            const char *member)
{
  gint64 value = 0;

  g_variant_lookup (record, member, "x", &value);
  return value;
}

static GVariant *
dup_records (Form       *form,
             const char *field_id)
{
  CzValue *value = cz_dossier_get_value (form->dossier, field_id);

  if (value == NULL || cz_value_get_kind (value) != CZ_FIELD_KIND_RECORDS)
    return NULL;
  return g_variant_ref (cz_value_get_records (value));
}

/* ---------------------------------------------------------------------- */
/* Sections                                                                 */

static void
add_cover (Form                *form,
           const CzFormOptions *options)
{
  CzFormDoc *doc = form->doc;
  static const double widths[] = { 1, 2.6 };
  CzFormTable *table;
  g_autofree char *year = g_strdup_printf ("（%u年度）", form->call_year);
  g_autofree char *date = NULL;
  g_autofree char *province = dup_division_name (form, CZ_FIELD_ZONE_PROVINCE);
  g_autofree char *city = dup_division_name (form, CZ_FIELD_ZONE_CITY);
  g_autofree char *where = g_strconcat (province, " ", city, NULL);
  g_autofree char *contact = g_strdup_printf ("%s　%s", text_or_blank (form, CZ_FIELD_CONTACT_NAME),
                                              text_or_blank (form, CZ_FIELD_CONTACT_PHONE));

  if (options->date != NULL)
    date = cz_form_format_date (options->date);
  else if (cz_dossier_get_value (form->dossier, CZ_FIELD_DECLARATION_DATE) != NULL)
    date = dup_date (form, CZ_FIELD_DECLARATION_DATE);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      date = cz_form_format_date (now);
    }

  cz_form_doc_add_space (doc, 120);
  cz_form_doc_add_title (doc, FORM_TITLE, 24);
  cz_form_doc_add_title (doc, year, 14);
  cz_form_doc_add_space (doc, 110);

  table = cz_form_doc_add_table (doc, 2, widths);
  {
    const char *labels[] = { "合作区名称", "所在地区", "申报单位（盖章）", "联系人及电话", "电子邮箱", "填报日期" };
    const char *values[] = { text_or_blank (form, CZ_FIELD_ZONE_NAME), where,
                             text_or_blank (form, CZ_FIELD_APPLICANT_DEPARTMENT), contact,
                             text_or_blank (form, CZ_FIELD_CONTACT_EMAIL), date };

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        cz_form_table_add_field (table, labels[i], values[i]);
        cz_form_table_set_row_min_height (table, 30);
      }
  }

  cz_form_doc_add_space (doc, 80);
  cz_form_doc_add_title (doc, "中华人民共和国工业和信息化部制", 11);
  cz_form_doc_add_page_break (doc);
}

static void
add_zone (Form *form)
{
  static const double widths[] = { 1, 2.6 };
  CzFormTable *table;
  g_autofree char *province = dup_division_name (form, CZ_FIELD_ZONE_PROVINCE);
  g_autofree char *city = dup_division_name (form, CZ_FIELD_ZONE_CITY);
  g_autofree char *applicant_city = dup_division_name (form, CZ_FIELD_APPLICANT_CITY);
  g_autofree char *partners = dup_text_list (form, CZ_FIELD_ZONE_PARTNERS);
  g_autofree char *industries = dup_text_list (form, CZ_FIELD_ZONE_INDUSTRIES);
  g_autofree char *area = dup_area (form, CZ_FIELD_ZONE_AREA_M2);
  g_autofree char *year = g_strdup_printf ("%u年", form->call_year);

  cz_form_doc_add_heading (form->doc, "一、合作区基本情况");
  table = cz_form_doc_add_table (form->doc, 2, widths);
  cz_form_table_add_field (table, "合作区名称", text_or_blank (form, CZ_FIELD_ZONE_NAME));
  cz_form_table_add_field (table, "所在省份", province);
  cz_form_table_add_field (table, "所在城市", city);
  cz_form_table_add_field (table, "合作国别（地区）", partners);
  cz_form_table_add_field (table, "运营管理机构", text_or_blank (form, CZ_FIELD_ZONE_MANAGEMENT_BODY));
  cz_form_table_add_field (table, "主导产业", industries);
  cz_form_table_add_field (table, "规划面积", area);
  cz_form_table_add_field (table, "申报单位", text_or_blank (form, CZ_FIELD_APPLICANT_DEPARTMENT));
  cz_form_table_add_field (table, "申报单位所在城市", applicant_city);
  cz_form_table_add_field (table, "联系人", text_or_blank (form, CZ_FIELD_CONTACT_NAME));
  cz_form_table_add_field (table, "联系电话", text_or_blank (form, CZ_FIELD_CONTACT_PHONE));
  cz_form_table_add_field (table, "电子邮箱", text_or_blank (form, CZ_FIELD_CONTACT_EMAIL));
  cz_form_table_add_field (table, "申报年度", year);
}

static void
add_boundary (Form *form)
{
  static const double limits_widths[] = { 1, 2.6 };
  static const double area_widths[] = { 0.5, 2, 1.1, 2.6 };
  static const char * const area_header[] = { "序号", "功能区名称", "面积", "主要用途" };
  g_autoptr(GVariant) records = dup_records (form, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS);
  CzFormTable *table;

  cz_form_doc_add_heading (form->doc, "二、四至范围与功能分区");
  table = cz_form_doc_add_table (form->doc, 2, limits_widths);
  cz_form_table_add_field (table, "东至", text_or_blank (form, CZ_FIELD_BOUNDARY_EAST));
  cz_form_table_add_field (table, "南至", text_or_blank (form, CZ_FIELD_BOUNDARY_SOUTH));
  cz_form_table_add_field (table, "西至", text_or_blank (form, CZ_FIELD_BOUNDARY_WEST));
  cz_form_table_add_field (table, "北至", text_or_blank (form, CZ_FIELD_BOUNDARY_NORTH));

  table = cz_form_doc_add_table (form->doc, 4, area_widths);
  cz_form_table_set_header (table, area_header);
  for (gsize i = 0; records != NULL && i < g_variant_n_children (records); i++)
    {
      g_autoptr(GVariant) record = g_variant_get_child_value (records, i);
      g_autofree char *number = g_strdup_printf ("%" G_GSIZE_FORMAT, i + 1);
      g_autofree char *area = format_area (record_int (record, "area_m2"));
      const char *row[] = { number, record_text (record, "name"), area, record_text (record, "purpose") };

      cz_form_table_add_row (table, row);
    }
  if (records == NULL || g_variant_n_children (records) == 0)
    {
      const char *row[] = { "—", BLANK, NULL };
      cz_form_table_add_row (table, row);
    }
}

static void
add_revenue (Form *form)
{
  static const double money_widths[] = { 0.8, 1.3, 1.6, 3.3 };
  static const char * const money_header[] = { "年度", "项目", "金额（万元）", "大写金额" };
  static const struct { const char *id, *label; } money[] = {
    { CZ_FIELD_REVENUE_TOTAL_Y, "营业收入" },
    { CZ_FIELD_REVENUE_EXPORT_Y, "出口额" },
    { CZ_FIELD_REVENUE_IMPORT_Y, "进口额" },
    { CZ_FIELD_REVENUE_RD_SPENDING_Y, "研发投入" },
  };
  static const double count_widths[] = { 1, 1, 1, 1, 1 };
  static const char * const count_header[] = { "年度", "入驻企业总数", "其中：中小企业", "其中：外资企业", "中小企业占比" };
  const char *justification = cz_dossier_get_text (form->dossier, CZ_FIELD_REVENUE_JUSTIFICATION);
  CzFormTable *table;

  cz_form_doc_add_heading (form->doc, "三、营业收入与入驻企业情况");
  table = cz_form_doc_add_table (form->doc, 4, money_widths);
  cz_form_table_set_header (table, money_header);
  for (guint y = 0; y < 3; y++)
    for (guint i = 0; i < G_N_ELEMENTS (money); i++)
      {
        g_autofree char *id = cz_field_id_for_year (money[i].id, form->years[y]);
        g_autofree char *year = g_strdup_printf ("%u年", form->years[y]);
        g_autofree char *amount = NULL;
        g_autofree char *upper = NULL;
        gint64 fen;

        if (cz_dossier_get_money (form->dossier, id, &fen))
          {
            amount = cz_money_format (fen, CZ_MONEY_UNIT_WAN);
            upper = cz_money_format_uppercase (fen);
          }
        {
          const char *row[] = { year, money[i].label, amount ? amount : BLANK, upper ? upper : "" };
          cz_form_table_add_row (table, row);
        }
      }

  table = cz_form_doc_add_table (form->doc, 5, count_widths);
  cz_form_table_set_header (table, count_header);
  for (guint y = 0; y < 3; y++)
    {
      g_autofree char *year = g_strdup_printf ("%u年", form->years[y]);
      g_autofree char *total = dup_year_field (form, CZ_FIELD_ENTERPRISES_TOTAL_Y, form->years[y]);
      g_autofree char *sme = dup_year_field (form, CZ_FIELD_ENTERPRISES_SME_Y, form->years[y]);
      g_autofree char *foreign = dup_year_field (form, CZ_FIELD_ENTERPRISES_FOREIGN_Y, form->years[y]);
      g_autofree char *share = NULL;
      g_autofree char *total_id = cz_field_id_for_year (CZ_FIELD_ENTERPRISES_TOTAL_Y, form->years[y]);
      g_autofree char *sme_id = cz_field_id_for_year (CZ_FIELD_ENTERPRISES_SME_Y, form->years[y]);
      gint64 n_total, n_sme;

      if (cz_dossier_get_integer (form->dossier, total_id, &n_total) &&
          cz_dossier_get_integer (form->dossier, sme_id, &n_sme) && n_total > 0)
        {
          /* One decimal, rounded half up, in integers. */
          gint64 permille = (n_sme * 2000 / n_total + 1) / 2;
          share = g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT "%%", permille / 10, permille % 10);
        }
      {
        const char *row[] = { year, total, sme, foreign, share ? share : "—" };
        cz_form_table_add_row (table, row);
      }
    }

  if (justification != NULL && justification[0] != '\0')
    {
      static const double widths[] = { 1, 2.6 };
      table = cz_form_doc_add_table (form->doc, 2, widths);
      cz_form_table_add_field (table, "营业收入未达标准的说明", justification);
    }
}

/* Amounts in 万元 as everywhere on the form; counts as they are. */
static char *
dup_indicator_value (Form       *form,
                     guint       dimension,
                     guint       indicator,
                     const char *field)
{
  const CzRulesDimension *dim = dimension < cz_rules_get_n_dimensions (form->rules)
                                ? cz_rules_get_dimension (form->rules, dimension) : NULL;
  const CzRulesIndicator *ind = dim && indicator < cz_rules_dimension_get_n_indicators (dim)
                                ? cz_rules_dimension_get_indicator (dim, indicator) : NULL;
  CzValue *value = field ? cz_dossier_get_value (form->dossier, field) : NULL;

  if (value == NULL)
    return g_strdup (BLANK);
  if (ind != NULL && g_strcmp0 (cz_rules_indicator_get_unit (ind), "fen") == 0 &&
      (cz_value_get_kind (value) == CZ_FIELD_KIND_INTEGER || cz_value_get_kind (value) == CZ_FIELD_KIND_MONEY))
    return cz_money_format (cz_value_get_kind (value) == CZ_FIELD_KIND_MONEY ? cz_value_get_money (value)
                                                                              : cz_value_get_integer (value),
                            CZ_MONEY_UNIT_WAN);
  if (cz_value_get_kind (value) == CZ_FIELD_KIND_INTEGER)
    return g_strdup_printf ("%" G_GINT64_FORMAT, cz_value_get_integer (value));
  return cz_value_to_display (value);
}

static void
add_indicators (Form *form)
{
  static const double widths[] = { 1.3, 2.2, 1.2, 0.8, 0.7 };
  static const char * const header[] = { "评价维度", "指标", "填报值", "自评得分", "分值" };
  g_autoptr(CzScore) score = cz_score_new (form->rules, form->dossier, "zh_CN");
  gboolean provisional = cz_score_get_provisional (score);
  g_autofree char *total = cz_score_format_tenths (cz_score_get_total_tenths (score));
  g_autofree char *max = g_strdup_printf ("%u", cz_score_get_max_points (score));
  CzFormTable *table;

  cz_form_doc_add_heading (form->doc, provisional ? "四、评价指标自评（暂定）" : "四、评价指标自评");
  if (provisional)
    cz_form_doc_add_paragraph (form->doc, "注：所用规则包为暂定版本，自评得分为暂定分值，以正式发布的评价指标为准。");

  table = cz_form_doc_add_table (form->doc, 5, widths);
  cz_form_table_set_header (table, header);
  for (guint d = 0; d < cz_score_get_n_dimensions (score); d++)
    {
      g_autofree char *subtotal = cz_score_format_tenths (cz_score_get_dimension_tenths (score, d));
      g_autofree char *points = g_strdup_printf ("%u", cz_score_get_dimension_points (score, d));
      g_autofree char *label = g_strdup_printf ("%s 小计", cz_score_get_dimension_title (score, d));

      for (guint i = 0; i < cz_score_get_n_indicators (score, d); i++)
        {
          const char *field = cz_score_get_indicator_field (score, d, i);
          g_autofree char *shown = dup_indicator_value (form, d, i, field);
          g_autofree char *earned = cz_score_format_tenths (cz_score_get_indicator_tenths (score, d, i));
          g_autofree char *of = g_strdup_printf ("%u", cz_score_get_indicator_points (score, d, i));
          const char *row[] = { i == 0 ? cz_score_get_dimension_title (score, d) : "",
                                cz_score_get_indicator_title (score, d, i), shown, earned, of };

          cz_form_table_add_row (table, row);
        }
      {
        const char *row[] = { "", label, "", subtotal, points };
        cz_form_table_add_total_row (table, row);
      }
    }
  {
    const char *row[] = { provisional ? "自评总分（暂定）" : "自评总分", "", "", total, max };
    cz_form_table_add_total_row (table, row);
  }
}

static void
add_incidents (Form *form)
{
  static const double widths[] = { 2.4, 1, 1, 1 };
  static const double list_widths[] = { 1.3, 1, 1.2, 3, 0.9 };
  static const char * const list_header[] = { "事故（事件）类型", "发生日期", "发生地点", "基本情况", "等级" };
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  CzFormTable *table;
  g_autofree char *y0 = g_strdup_printf ("%u年", form->years[0]);
  g_autofree char *y1 = g_strdup_printf ("%u年", form->years[1]);
  g_autofree char *y2 = g_strdup_printf ("%u年", form->years[2]);
  const char *header[] = { "事项", y0, y1, y2 };
  static const struct { const char *id, *label; } integrity[] = {
    { CZ_FIELD_INTEGRITY_DISHONESTY_Y, "严重失信行为" },
    { CZ_FIELD_INTEGRITY_VIOLATION_Y, "重大违法违规行为" },
  };

  cz_form_doc_add_heading (form->doc, "五、安全事故与诚信情况申明");
  cz_form_doc_add_paragraph (form->doc, "近三年合作区内是否发生下列事故（事件）或行为（填“无”或“有”，“有”的逐项列明）：");
  table = cz_form_doc_add_table (form->doc, 4, widths);
  cz_form_table_set_header (table, header);
  for (guint t = 0; t < CZ_INCIDENT_N_TYPES; t++)
    {
      const char *cells[4] = { cz_incident_type_get_name_zh (t) };

      for (guint y = 0; y < 3; y++)
        {
          g_autofree char *id = cz_field_id_for_incident (CZ_FIELD_INCIDENTS_DECLARED_Y, t, form->years[y]);
          cells[1 + y] = declared (form, id);
        }
      cz_form_table_add_row (table, cells);
    }
  for (guint i = 0; i < G_N_ELEMENTS (integrity); i++)
    {
      const char *cells[4] = { integrity[i].label };

      for (guint y = 0; y < 3; y++)
        {
          g_autofree char *id = cz_field_id_for_year (integrity[i].id, form->years[y]);
          cells[1 + y] = declared (form, id);
        }
      cz_form_table_add_row (table, cells);
    }

  table = NULL;
  for (guint t = 0; t < CZ_INCIDENT_N_TYPES; t++)
    {
      g_autofree char *id = cz_field_id_for_incident (CZ_FIELD_INCIDENTS_LIST, t, 0);
      g_autoptr(GVariant) records = dup_records (form, id);

      for (gsize i = 0; records != NULL && i < g_variant_n_children (records); i++)
        {
          g_autoptr(GVariant) record = g_variant_get_child_value (records, i);
          CzIncidentFigures figures = {
            .deaths = record_int (record, "deaths"),
            .serious_injuries = record_int (record, "serious_injuries"),
            .direct_loss_fen = record_int (record, "direct_loss_fen"),
            .evacuated = record_int (record, "evacuated"),
            .personal_information = record_int (record, "people_leaked"),
            .sensitive_information = record_int (record, "sensitive_leaked"),
          };
          CzIncidentGrade stated = (CzIncidentGrade) CLAMP (record_int (record, "stated_grade"), 0,
                                                            CZ_INCIDENT_GRADE_ESPECIALLY_MAJOR);
          CzIncidentAssessment assessment;
          const char *grade;
          g_autofree char *description = NULL;
          const char *basis = record_text (record, "stated_basis");

          cz_incident_assess (t, &figures, stated, &assessment);
          grade = cz_incident_grade_get_name_zh (assessment.grade);
          description = basis[0] ? g_strdup_printf ("%s（定级依据：%s）", record_text (record, "description"), basis)
                                 : g_strdup (record_text (record, "description"));
          if (table == NULL)
            {
              cz_form_doc_add_paragraph (form->doc, "发生的事故（事件）逐项列明如下：");
              table = cz_form_doc_add_table (form->doc, 5, list_widths);
              cz_form_table_set_header (table, list_header);
            }
          {
            const char *row[] = { cz_incident_type_get_name_zh (t), record_text (record, "date"),
                                  record_text (record, "place"), description, grade[0] ? grade : "未定级" };
            cz_form_table_add_row (table, row);
          }
        }
    }
}

static const char *
slot_title (Form       *form,
            const char *slot_id)
{
  for (guint i = 0; i < cz_rules_get_n_evidence_slots (form->rules); i++)
    {
      const CzEvidenceSlot *slot = cz_rules_get_evidence_slot (form->rules, i);

      if (g_strcmp0 (cz_evidence_slot_get_id (slot), slot_id) == 0)
        return cz_evidence_slot_get_title (slot, "zh_CN");
    }
  return slot_id;
}

static void
add_evidence (Form *form)
{
  static const double widths[] = { 0.5, 1.8, 2.6, 1.1, 0.7 };
  static const char * const header[] = { "序号", "材料类别", "材料名称（文件）", "引用页码", "总页数" };
  g_autoptr(GPtrArray) records = cz_evidence_dup_records (form->dossier, NULL);
  CzFormTable *table;

  cz_form_doc_add_heading (form->doc, "六、佐证材料清单");
  table = cz_form_doc_add_table (form->doc, 5, widths);
  cz_form_table_set_header (table, header);
  for (guint i = 0; i < records->len; i++)
    {
      GVariant *record = g_ptr_array_index (records, i);
      const char *title = cz_evidence_record_get_text (record, "title");
      const char *name = cz_evidence_record_get_text (record, "name");
      const char *pages = cz_evidence_record_get_text (record, "pages");
      gint64 page_count = cz_evidence_record_get_int (record, "page_count");
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *what = title[0] && g_strcmp0 (title, name) != 0 ? g_strdup_printf ("%s\n（%s）", title, name)
                                                                       : g_strdup (name);
      g_autofree char *citation = pages[0] ? cz_page_ranges_dup_citation (pages, "zh_CN") : g_strdup ("全文");
      g_autofree char *count = page_count > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, page_count) : g_strdup ("—");
      const char *row[] = { number, slot_title (form, cz_evidence_record_get_text (record, "slot")), what,
                            citation, count };

      cz_form_table_add_row (table, row);
    }
  if (records->len == 0)
    {
      const char *row[] = { "—", "（未附佐证材料）", NULL };
      cz_form_table_add_row (table, row);
    }
}

static const char *
checkbox (Form       *form,
          const char *field_id)
{
  const char *text = cz_dossier_get_text (form->dossier, field_id);

  if (g_strcmp0 (text, CZ_DECLARED_YES) == 0)
    return "■ 是　□ 否";
  if (g_strcmp0 (text, CZ_DECLARED_NO) == 0)
    return "□ 是　■ 否";
  return "□ 是　□ 否";
}

static void
add_declarations (Form *form)
{
  static const double widths[] = { 3.2, 1 };
  static const double sign_widths[] = { 1, 1 };
  static const double field_widths[] = { 1, 2.6 };
  g_autofree char *date = dup_date (form, CZ_FIELD_DECLARATION_DATE);
  CzFormTable *table;

  /* The declaration and its signature stay on one page. */
  cz_form_doc_add_heading_keep (form->doc, "七、申报单位声明", 360);
  table = cz_form_doc_add_table (form->doc, 2, widths);
  {
    const char *row[] = { "本单位承诺：所填报内容及所附佐证材料真实、准确、完整，如有虚假，愿承担相应责任。",
                          checkbox (form, CZ_FIELD_DECLARATION_TRUTHFUL) };
    cz_form_table_add_row (table, row);
  }
  {
    const char *row[] = { "合作区主导产业符合国家产业政策，近三年未发生影响认定的重大事故和失信违法行为。",
                          checkbox (form, CZ_FIELD_DECLARATION_INDUSTRIAL_POLICY) };
    cz_form_table_add_row (table, row);
  }

  table = cz_form_doc_add_table (form->doc, 2, field_widths);
  cz_form_table_add_field (table, "负责人姓名", text_or_blank (form, CZ_FIELD_DECLARATION_OFFICIAL_NAME));
  cz_form_table_add_field (table, "职务", text_or_blank (form, CZ_FIELD_DECLARATION_OFFICIAL_TITLE));
  cz_form_table_add_field (table, "声明日期", date);

  table = cz_form_doc_add_table (form->doc, 2, sign_widths);
  {
    /* Room to sign and stamp, the date written by hand at the foot. */
    const char *row[] = { "负责人（签字）：\n\n\n\n\n\n\n\n　　　　　　　　　　年　　月　　日",
                          "申报单位（盖章）：\n\n\n\n\n\n\n\n　　　　　　　　　　年　　月　　日" };
    cz_form_table_add_row (table, row);
    cz_form_table_set_row_min_height (table, 150);
  }
}

/* ---------------------------------------------------------------------- */

static char *
dup_running_header (CzDossier *dossier)
{
  const char *name = cz_dossier_get_text (dossier, CZ_FIELD_ZONE_NAME);

  return g_strdup_printf ("%s · %s", FORM_TITLE, name && name[0] ? name : BLANK);
}

GBytes *
cz_form_render (CzDossier            *dossier,
                const CzFormOptions  *options,
                guint                *n_pages,
                GCancellable         *cancellable,
                GError              **error)
{
  g_autoptr(CzFormDoc) doc = cz_form_doc_new ();
  g_autoptr(CzRules) rules = NULL;
  g_autoptr(GPtrArray) footer = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *running_header = dup_running_header (dossier);
  g_autofree char *modified = NULL;
  CzFormOptions defaults;
  CzFormDecor decor = { 0 };
  Form form = { 0 };
  gint64 year;

  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), NULL);

  if (options == NULL)
    {
      cz_form_options_init (&defaults);
      options = &defaults;
    }
  if (options->rules != NULL)
    rules = g_object_ref (options->rules);
  else
    {
      g_autoptr(GError) local_error = NULL;

      rules = cz_rules_dup_for_dossier (dossier, &local_error);
      if (rules == NULL)
        {
          g_set_error (error, CZ_FORM_ERROR, CZ_FORM_ERROR_RULES,
                       _("The application form needs the rules pack of the dossier’s call year: %s"),
                       local_error->message);
          return NULL;
        }
    }

  form.dossier = dossier;
  form.rules = rules;
  form.doc = doc;
  form.call_year = cz_dossier_get_integer (dossier, CZ_FIELD_APPLICATION_YEAR, &year) && year > 0
                   ? (guint) year : cz_rules_get_year (rules);
  cz_fields_get_complete_years (form.call_year, form.years);

  add_cover (&form, options);
  add_zone (&form);
  add_boundary (&form);
  add_revenue (&form);
  add_indicators (&form);
  add_incidents (&form);
  add_evidence (&form);
  add_declarations (&form);

  if (options->content_fingerprint != NULL)
    g_ptr_array_add (footer, g_strconcat ("内容指纹 SHA-256：", options->content_fingerprint, NULL));
  if (options->certificate_fingerprint != NULL)
    g_ptr_array_add (footer, g_strconcat ("签名证书 SHA-256：", options->certificate_fingerprint, NULL));
  g_ptr_array_add (footer, NULL);

  /* The dossier's last change, not the clock: rendering is repeatable. */
  if (cz_dossier_get_modified (dossier) != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (cz_dossier_get_modified (dossier));
      modified = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }
  decor.creation_date = modified;
  decor.draft = options->draft;
  decor.running_header = running_header;
  decor.footer_lines = (const char * const *) footer->pdata;
  return cz_form_doc_render (doc, &decor, n_pages, cancellable, error);
}

/* ---------------------------------------------------------------------- */
/* Files                                                                    */

gboolean
cz_form_render_to_file (CzDossier            *dossier,
                        const CzFormOptions  *options,
                        GFile                *destination,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  pdf = cz_form_render (dossier, options, NULL, cancellable, error);
  if (pdf == NULL)
    return FALSE;
  /* g_file_replace_contents() writes a temporary file beside the
   * destination and renames it over: never a half-written PDF. */
  if (!g_file_replace_contents (destination, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (destination);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CZ_FORM_ERROR, CZ_FORM_ERROR_WRITE,
                     _("The application form could not be saved as “%s”: %s. Choose a folder you can write to."),
                     name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  JsonNode  *dossier_json;
  CzRules   *rules;
  GDateTime *date;
  char      *content_fingerprint;
  char      *certificate_fingerprint;
  gboolean   draft;
  GFile     *destination;
} RenderData;

static void
render_data_free (RenderData *data)
{
  g_clear_pointer (&data->dossier_json, json_node_unref);
  g_clear_object (&data->rules);
  g_clear_pointer (&data->date, g_date_time_unref);
  g_free (data->content_fingerprint);
  g_free (data->certificate_fingerprint);
  g_clear_object (&data->destination);
  g_free (data);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_dossier_new_from_json (data->dossier_json, &error);
  CzFormOptions options = {
    .draft = data->draft,
    .content_fingerprint = data->content_fingerprint,
    .certificate_fingerprint = data->certificate_fingerprint,
    .rules = data->rules,
    .date = data->date,
  };

  if (dossier == NULL || !cz_form_render_to_file (dossier, &options, data->destination, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
cz_form_render_to_file_async (CzDossier            *dossier,
                              const CzFormOptions  *options,
                              GFile                *destination,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  RenderData *data = g_new0 (RenderData, 1);
  CzFormOptions defaults;

  g_return_if_fail (CZ_IS_DOSSIER (dossier));
  g_return_if_fail (G_IS_FILE (destination));

  if (options == NULL)
    {
      cz_form_options_init (&defaults);
      options = &defaults;
    }
  data->dossier_json = cz_dossier_to_json (dossier);
  data->rules = options->rules ? g_object_ref (options->rules) : NULL;
  data->date = options->date ? g_date_time_ref (options->date) : NULL;
  data->content_fingerprint = g_strdup (options->content_fingerprint);
  data->certificate_fingerprint = g_strdup (options->certificate_fingerprint);
  data->draft = options->draft;
  data->destination = g_object_ref (destination);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cz_form_render_to_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) render_data_free);
  g_task_run_in_thread (task, render_thread);
}

gboolean
cz_form_render_to_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

GBytes *
cz_form_render_for_archive (JsonNode      *dossier_json,
                            const char    *content_fingerprint,
                            const char    *certificate_fingerprint,
                            gpointer       user_data,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(CzDossier) dossier = cz_dossier_new_from_json (dossier_json, error);
  CzFormOptions options;

  if (dossier == NULL)
    return NULL;
  cz_form_options_init (&options);
  options.draft = FALSE;
  options.content_fingerprint = content_fingerprint;
  options.certificate_fingerprint = certificate_fingerprint;
  options.rules = user_data;
  return cz_form_render (dossier, &options, NULL, cancellable, error);
}
