/* cz-fields.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-divisions.h"
#include "cz-dossier.h"
#include "cz-enum.h"
#include "cz-fields.h"
#include "cz-number.h"

/* The largest planned area we believe without asking: more than most
 * prefecture-level cities, so a bigger number is almost always a unit mistake. */
#define MAX_PLAUSIBLE_AREA_M2 (G_GINT64_CONSTANT (10000) * 1000 * 1000)

static const CzFieldSpec fixed_specs[] = {
  { CZ_FIELD_ZONE_NAME,            CZ_FIELD_KIND_TEXT,      N_("Zone name"),                      64,  TRUE },
  { CZ_FIELD_ZONE_PARTNERS,        CZ_FIELD_KIND_TEXT_LIST, N_("Partner countries or regions"),   40,  TRUE },
  { CZ_FIELD_ZONE_PROVINCE,        CZ_FIELD_KIND_TEXT,      N_("Province"),                       6,   TRUE },
  { CZ_FIELD_ZONE_CITY,            CZ_FIELD_KIND_TEXT,      N_("Prefecture-level city"),          6,   TRUE },
  { CZ_FIELD_ZONE_MANAGEMENT_BODY, CZ_FIELD_KIND_TEXT,      N_("Operating management body"),      100, TRUE },
  { CZ_FIELD_ZONE_INDUSTRIES,      CZ_FIELD_KIND_TEXT_LIST, N_("Leading industries"),             30,  TRUE },
  { CZ_FIELD_ZONE_AREA_M2,         CZ_FIELD_KIND_INTEGER,   N_("Planned area"),                   0,   TRUE },
  { CZ_FIELD_APPLICANT_DEPARTMENT, CZ_FIELD_KIND_TEXT,      N_("Applicant department"),           100, TRUE },
  { CZ_FIELD_CONTACT_NAME,         CZ_FIELD_KIND_TEXT,      N_("Contact person"),                 30,  TRUE },
  { CZ_FIELD_CONTACT_PHONE,        CZ_FIELD_KIND_TEXT,      N_("Phone"),                          40,  TRUE },
  { CZ_FIELD_CONTACT_EMAIL,        CZ_FIELD_KIND_TEXT,      N_("E-mail"),                         254, TRUE },
  { CZ_FIELD_APPLICANT_CITY,       CZ_FIELD_KIND_TEXT,      N_("Applicant department’s city"),    6,   TRUE },
  { CZ_FIELD_APPLICATION_YEAR,     CZ_FIELD_KIND_INTEGER,   N_("Call year"),                      0,   FALSE },
  { CZ_FIELD_BOUNDARY_EAST,        CZ_FIELD_KIND_TEXT,      N_("East boundary"),                  200, TRUE },
  { CZ_FIELD_BOUNDARY_SOUTH,       CZ_FIELD_KIND_TEXT,      N_("South boundary"),                 200, TRUE },
  { CZ_FIELD_BOUNDARY_WEST,        CZ_FIELD_KIND_TEXT,      N_("West boundary"),                  200, TRUE },
  { CZ_FIELD_BOUNDARY_NORTH,       CZ_FIELD_KIND_TEXT,      N_("North boundary"),                 200, TRUE },
  { CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS, CZ_FIELD_KIND_RECORDS, N_("Functional areas"),            0,   TRUE },
  { CZ_FIELD_REVENUE_JUSTIFICATION, CZ_FIELD_KIND_TEXT,     N_("Justification for revenue below the threshold"), 2000, FALSE },
  { "indicators.plan_quantified_targets",  CZ_FIELD_KIND_INTEGER, N_("Quantified targets in the five-year development plan"), 0, FALSE },
  { "indicators.plan_support_policies",    CZ_FIELD_KIND_INTEGER, N_("Support policies issued for the zone"),              0, FALSE },
  { "indicators.cooperation_platforms",    CZ_FIELD_KIND_INTEGER, N_("International cooperation platforms"),               0, FALSE },
  { "indicators.high_tech_enterprises",    CZ_FIELD_KIND_INTEGER, N_("High-tech enterprises"),                             0, FALSE },
  { "indicators.invention_patents",        CZ_FIELD_KIND_INTEGER, N_("Valid invention patents"),                           0, FALSE },
  { "indicators.specialized_smes",         CZ_FIELD_KIND_INTEGER, N_("Specialised, refined, distinctive and innovative SMEs"), 0, FALSE },
  { "indicators.little_giants",            CZ_FIELD_KIND_INTEGER, N_("“Little giant” enterprises"),                      0, FALSE },
  { "indicators.public_service_platforms", CZ_FIELD_KIND_INTEGER, N_("Public service platforms for SMEs"),                 0, FALSE },
  { "indicators.service_events",           CZ_FIELD_KIND_INTEGER, N_("Service events held last year"),                     0, FALSE },
  { "indicators.dedicated_staff",          CZ_FIELD_KIND_INTEGER, N_("Dedicated staff of the management body"),            0, FALSE },
  { CZ_FIELD_DECLARATION_TRUTHFUL,         CZ_FIELD_KIND_TEXT,    N_("Declaration that the application is truthful"),      3,   TRUE },
  { CZ_FIELD_DECLARATION_INDUSTRIAL_POLICY, CZ_FIELD_KIND_TEXT,   N_("Declaration of consistency with industrial policy"), 3,   TRUE },
  { CZ_FIELD_DECLARATION_OFFICIAL_NAME,    CZ_FIELD_KIND_TEXT,    N_("Name of the responsible official"),                  30,  TRUE },
  { CZ_FIELD_DECLARATION_OFFICIAL_TITLE,   CZ_FIELD_KIND_TEXT,    N_("Title of the responsible official"),                 50,  TRUE },
  { CZ_FIELD_DECLARATION_DATE,             CZ_FIELD_KIND_DATE,    N_("Date of the declaration"),                           0,   TRUE },
  { CZ_FIELD_PLAN_TARGETS,                 CZ_FIELD_KIND_RECORDS, N_("Plan targets"),                                      0,   FALSE },
  { CZ_FIELD_PLAN_FIRST_YEAR,              CZ_FIELD_KIND_INTEGER, N_("First year of the plan"),                            0,   FALSE },
  { CZ_FIELD_PLAN_LAST_YEAR,               CZ_FIELD_KIND_INTEGER, N_("Last year of the plan"),                             0,   FALSE },
  { CZ_FIELD_RECOGNITION_DATE,             CZ_FIELD_KIND_DATE,    N_("Date of recognition"),                               0,   FALSE },
  { CZ_FIELD_RECOGNITION_DOCUMENT,         CZ_FIELD_KIND_TEXT,    N_("Document number of the recognition"),                100, FALSE },
  { CZ_FIELD_RECOGNITION_FROM,             CZ_FIELD_KIND_DATE,    N_("Valid from"),                                        0,   FALSE },
  { CZ_FIELD_RECOGNITION_UNTIL,            CZ_FIELD_KIND_DATE,    N_("Valid until"),                                       0,   FALSE },
  { CZ_FIELD_RULES_PACK_ID,                CZ_FIELD_KIND_TEXT,    N_("Rules pack"),                                        0,   FALSE },
  { CZ_FIELD_RULES_PACK_SHA256,            CZ_FIELD_KIND_TEXT,    N_("Rules pack SHA-256"),                                64,  FALSE },
};

static const CzFieldSpec per_year_specs[] = {
  { CZ_FIELD_REVENUE_TOTAL_Y,       CZ_FIELD_KIND_MONEY,   N_("Total operating revenue"),         0, TRUE },
  { CZ_FIELD_REVENUE_EXPORT_Y,      CZ_FIELD_KIND_MONEY,   N_("Export value"),                    0, FALSE },
  { CZ_FIELD_REVENUE_IMPORT_Y,      CZ_FIELD_KIND_MONEY,   N_("Import value"),                    0, FALSE },
  { CZ_FIELD_REVENUE_RD_SPENDING_Y, CZ_FIELD_KIND_MONEY,   N_("R&D spending"),                    0, FALSE },
  { CZ_FIELD_ENTERPRISES_TOTAL_Y,   CZ_FIELD_KIND_INTEGER, N_("Enterprises in the zone"),         0, TRUE },
  { CZ_FIELD_ENTERPRISES_SME_Y,     CZ_FIELD_KIND_INTEGER, N_("SMEs in the zone"),                0, TRUE },
  { CZ_FIELD_ENTERPRISES_FOREIGN_Y, CZ_FIELD_KIND_INTEGER, N_("Foreign-invested enterprises"),    0, FALSE },
  { CZ_FIELD_INTEGRITY_DISHONESTY_Y, CZ_FIELD_KIND_TEXT,   N_("Serious dishonesty"),              8, TRUE },
  { CZ_FIELD_INTEGRITY_VIOLATION_Y,  CZ_FIELD_KIND_TEXT,   N_("Major violation of law"),          8, TRUE },
};

/* Labels of the incident fields, by type, in CzIncidentType order. */
static const char * const incident_list_labels[CZ_INCIDENT_N_TYPES] = {
  N_("Production-safety accidents"),
  N_("Environmental incidents"),
  N_("Construction-quality accidents"),
  N_("Other quality accidents"),
  N_("Network-security incidents"),
  N_("Data-security incidents"),
};
static const char * const incident_declared_labels[CZ_INCIDENT_N_TYPES] = {
  N_("Production-safety accidents in the year"),
  N_("Environmental incidents in the year"),
  N_("Construction-quality accidents in the year"),
  N_("Other quality accidents in the year"),
  N_("Network-security incidents in the year"),
  N_("Data-security incidents in the year"),
};

typedef struct
{
  CzFieldSpec *specs;
  guint        n_specs;
  GHashTable  *by_id;  /* interned id → CzFieldSpec* */
} FieldTable;

static char *
replace_placeholder (const char *text,
                     const char *placeholder,
                     const char *replacement)
{
  g_auto(GStrv) parts = g_strsplit (text, placeholder, -1);
  return g_strjoinv (replacement, parts);
}

char *
cz_field_id_for_year (const char *id_template,
                      guint       year)
{
  g_autofree char *year_text = g_strdup_printf ("%u", year);

  g_return_val_if_fail (id_template != NULL, NULL);
  return replace_placeholder (id_template, "{year}", year_text);
}

char *
cz_field_id_for_incident (const char     *id_template,
                          CzIncidentType  type,
                          guint           year)
{
  g_autofree char *with_type = NULL;
  g_autofree char *word = NULL;

  g_return_val_if_fail (id_template != NULL, NULL);
  g_return_val_if_fail ((guint) type < CZ_INCIDENT_N_TYPES, NULL);

  /* Field ids are words joined by "_"; incident type ids use "-". */
  word = g_strdelimit (g_strdup (cz_incident_type_to_id (type)), "-", '_');
  with_type = replace_placeholder (id_template, "{type}", word);
  return cz_field_id_for_year (with_type, year);
}

void
cz_fields_get_complete_years (guint call_year,
                              guint out_years[3])
{
  for (guint i = 0; i < 3; i++)
    out_years[i] = call_year >= 3 ? call_year - 3 + i : 0;
}

static void
table_add (GArray            *specs,
           const CzFieldSpec *spec,
           const char        *id,
           const char        *label,
           guint              year)
{
  CzFieldSpec copy = *spec;

  copy.id = g_intern_string (id);
  copy.label = label;
  copy.year = year;
  g_array_append_val (specs, copy);
}

static FieldTable *
build_field_table (void)
{
  FieldTable *table = g_new0 (FieldTable, 1);
  GArray *specs = g_array_new (FALSE, TRUE, sizeof (CzFieldSpec));

  for (guint i = 0; i < G_N_ELEMENTS (fixed_specs); i++)
    table_add (specs, &fixed_specs[i], fixed_specs[i].id, fixed_specs[i].label, 0);

  for (guint t = 0; t < CZ_INCIDENT_N_TYPES; t++)
    {
      CzFieldSpec list = { NULL, CZ_FIELD_KIND_RECORDS, NULL, 0, FALSE };
      g_autofree char *id = cz_field_id_for_incident (CZ_FIELD_INCIDENTS_LIST, t, 0);

      table_add (specs, &list, id, incident_list_labels[t], 0);
    }

  for (guint year = CZ_FIELDS_FIRST_YEAR; year <= CZ_FIELDS_LAST_YEAR; year++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (per_year_specs); i++)
        {
          g_autofree char *id = cz_field_id_for_year (per_year_specs[i].id, year);
          table_add (specs, &per_year_specs[i], id, per_year_specs[i].label, year);
        }
      for (guint t = 0; t < CZ_INCIDENT_N_TYPES; t++)
        {
          CzFieldSpec declared = { NULL, CZ_FIELD_KIND_TEXT, NULL, 8, TRUE };
          g_autofree char *id = cz_field_id_for_incident (CZ_FIELD_INCIDENTS_DECLARED_Y, t, year);

          table_add (specs, &declared, id, incident_declared_labels[t], year);
        }
    }

  table->n_specs = specs->len;
  table->specs = (CzFieldSpec *) (void *) g_array_free (specs, FALSE);
  table->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < table->n_specs; i++)
    g_hash_table_insert (table->by_id, (gpointer) table->specs[i].id, &table->specs[i]);
  return table;
}

/* Built once and never freed: specs are handed out as borrowed pointers. */
static FieldTable *
field_table (void)
{
  static FieldTable *table;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, build_field_table ());
  return table;
}

const CzFieldSpec *
cz_field_specs (guint *n_specs)
{
  FieldTable *table = field_table ();

  if (n_specs != NULL)
    *n_specs = table->n_specs;
  return table->specs;
}

const CzFieldSpec *
cz_field_spec_lookup (const char *field_id)
{
  if (field_id == NULL)
    return NULL;
  return g_hash_table_lookup (field_table ()->by_id, field_id);
}

/**
 * cz_field_is_known:
 *
 * Whether this version of CoopZone knows @field_id: a field of the table, the
 * evidence index, the roster's provenance, or an indicator (whose ids come from the rules pack, so any
 * one-word indicator id is taken as known).
 */
gboolean
cz_field_is_known (const char *field_id)
{
  const char *indicator;

  if (field_id == NULL)
    return FALSE;
  if (cz_field_spec_lookup (field_id) != NULL || g_str_equal (field_id, "evidence.files"))
    return TRUE;
  /* The roster's provenance (roster.source_sha256, roster.computed, …: see
   * src/core/roster/cz-roster.h), written by an accepted import, never typed. */
  if (g_str_has_prefix (field_id, "roster.") && strchr (field_id + strlen ("roster."), '.') == NULL)
    return TRUE;
  if (!g_str_has_prefix (field_id, CZ_FIELD_INDICATORS_PREFIX))
    return FALSE;
  indicator = field_id + strlen (CZ_FIELD_INDICATORS_PREFIX);
  return *indicator != '\0' && strchr (indicator, '.') == NULL;
}

/* The ids ("zone", …) are the nicks of CZ_TYPE_STEP (cz-types.c). */
static const struct
{
  const char *title;
  const char *prefixes[4];
} steps[CZ_N_STEPS] = {
  [CZ_STEP_ZONE]         = { N_("Zone"),                    { "zone.", "applicant.", "contact.", "application." } },
  [CZ_STEP_BOUNDARY]     = { N_("Boundary"),                { "boundary." } },
  [CZ_STEP_REVENUE]      = { N_("Revenue and enterprises"), { "revenue.", "enterprises." } },
  [CZ_STEP_INDICATORS]   = { N_("Indicators"),              { "indicators." } },
  [CZ_STEP_INCIDENTS]    = { N_("Incidents and integrity"), { "incidents.", "integrity." } },
  [CZ_STEP_DECLARATIONS] = { N_("Declarations"),            { "declaration." } },
  [CZ_STEP_EVIDENCE]     = { N_("Evidence"),                { "evidence." } },
  [CZ_STEP_REVIEW]       = { N_("Review"),                  { "rules." } },
};

/**
 * cz_field_get_step:
 *
 * The wizard step that asks for @field_id, by its first word; a field no step
 * asks for belongs to the review.
 */
CzStep
cz_field_get_step (const char *field_id)
{
  if (field_id == NULL)
    return CZ_STEP_REVIEW;
  for (guint s = 0; s < CZ_N_STEPS; s++)
    for (guint p = 0; p < G_N_ELEMENTS (steps[s].prefixes) && steps[s].prefixes[p]; p++)
      if (g_str_has_prefix (field_id, steps[s].prefixes[p]))
        return (CzStep) s;
  return CZ_STEP_REVIEW;
}

const char *
cz_step_to_id (CzStep step)
{
  g_return_val_if_fail ((guint) step < CZ_N_STEPS, NULL);
  return cz_enum_get_nick (CZ_TYPE_STEP, step);
}

gboolean
cz_step_from_id (const char *id,
                 CzStep     *out_step)
{
  int value;

  if (!cz_enum_from_nick (CZ_TYPE_STEP, id, &value))
    return FALSE;
  if (out_step != NULL)
    *out_step = (CzStep) value;
  return TRUE;
}

const char *
cz_step_get_title (CzStep step)
{
  g_return_val_if_fail ((guint) step < CZ_N_STEPS, NULL);
  return _(steps[step].title);
}

/**
 * cz_fields_dup_ids_for_step:
 *
 * Returns: (transfer full) (element-type utf8): the interned ids of @step's
 *   fields for the call of @call_year: per-year fields for its three complete
 *   years only
 */
GPtrArray *
cz_fields_dup_ids_for_step (CzStep step,
                            guint  call_year)
{
  FieldTable *table = field_table ();
  GPtrArray *ids = g_ptr_array_new ();
  guint years[3];

  cz_fields_get_complete_years (call_year, years);
  for (guint i = 0; i < table->n_specs; i++)
    {
      const CzFieldSpec *spec = &table->specs[i];

      if (cz_field_get_step (spec->id) != step)
        continue;
      if (spec->year != 0 && spec->year != years[0] && spec->year != years[1] && spec->year != years[2])
        continue;
      /* Asked outside the wizard's steps: the plan-target table and the
       * recognition have their own pages. */
      if (g_str_has_prefix (spec->id, "rules.") || g_str_has_prefix (spec->id, "plan.") ||
          g_str_has_prefix (spec->id, "recognition."))
        continue;
      g_ptr_array_add (ids, (gpointer) spec->id);
    }
  return ids;
}

static char *
check_text_length (const CzFieldSpec *spec,
                   const char        *text)
{
  glong length = g_utf8_strlen (text, -1);

  if (spec->max_length > 0 && length > (glong) spec->max_length)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %1$s is a field label */
                                         "%1$s is %2$ld characters long; shorten it to at most %3$u character.",
                                         "%1$s is %2$ld characters long; shorten it to at most %3$u characters.",
                                         spec->max_length),
                            _(spec->label), length, spec->max_length);
  return NULL;
}

/* Compiled once, shared by every thread that checks. */
static GRegex *
shared_regex (gsize      *once,
              const char *pattern)
{
  if (g_once_init_enter (once))
    g_once_init_leave (once, (gsize) g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL));
  return (GRegex *) *once;
}

static char *
check_phone (const char *text)
{
  static gsize mobile_once, landline_once;
  GRegex *mobile = shared_regex (&mobile_once, "^1[3-9][0-9]{9}$");
  GRegex *landline = shared_regex (&landline_once, "^0[1-9][0-9]{8,10}$");
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *extension;

  /* An extension after "-" at the end, "转" or "ext" is allowed and not checked. */
  extension = strstr (text, "转");
  if (extension == NULL)
    extension = strstr (text, "ext");

  for (const char *p = text; *p && p != extension; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Full-width digits, ＋, －, （, ） and the ideographic space, as a
       * Chinese input method types them, stand for the plain ones. */
      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      else if (c == 0x3000)
        c = ' ';

      if (g_unichar_isdigit (c) && c < 0x80)
        g_string_append_c (digits, (char) c);
      else if (c == '+' && digits->len == 0)
        continue;
      else if (c == ' ' || c == '-' || c == '(' || c == ')')
        continue;
      else
        goto bad;
    }

  if (g_str_has_prefix (digits->str, "86") && digits->len >= 12)
    g_string_erase (digits, 0, 2);

  if (g_regex_match (mobile, digits->str, 0, NULL) || g_regex_match (landline, digits->str, 0, NULL))
    return NULL;

  /* A landline written with an extension as "010-12345678-123" has more digits. */
  if (digits->len > 12 && digits->str[0] == '0')
    return NULL;

bad:
  return g_strdup (_("Enter a mobile number of 11 digits (such as 13912345678) or a landline "
                     "with its area code (such as 0512-66881234)."));
}

static char *
check_email (const char *text)
{
  static gsize email_once;
  GRegex *email = shared_regex (&email_once,
                                "^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

  if (g_regex_match (email, text, 0, NULL))
    return NULL;
  return g_strdup (_("Enter an e-mail address such as name@example.gov.cn."));
}

/* "YYYY-MM-DD" compared with today's date here: the form is dated when it is
 * signed, so a later date is a slip of the keyboard. */
static char *
check_not_after_today (const char *iso)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (iso == NULL || strcmp (iso, today) <= 0)
    return NULL;
  /* Translators: %s is a date as YYYY-MM-DD */
  return g_strdup_printf (_("%s is later than today: enter the date the declaration is signed."), iso);
}

static char *
check_division_code (const char *text)
{
  /* Six digits is not enough: a code from an imported file must be one of
   * the embedded list's, or nothing can be said about the place. */
  if (strlen (text) == 6 && strspn (text, "0123456789") == 6 && cz_divisions_lookup (text) != NULL)
    return NULL;
  return g_strdup (_("Choose the place from the list."));
}

static char *
check_area (gint64 area_m2)
{
  if (area_m2 <= 0)
    return g_strdup (_("Enter the planned area in km² as a number greater than zero, such as 12.5."));
  if (area_m2 > MAX_PLAUSIBLE_AREA_M2)
    return g_strdup (_("This is more than 10,000 km², larger than most prefecture-level cities: "
                       "check that the area is entered in km²."));
  return NULL;
}

static char *
check_choice (const char *text,
              const char *first,
              const char *second)
{
  if (g_str_equal (text, first) || g_str_equal (text, second))
    return NULL;
  /* Translators: a dossier file holds a declaration other than the two allowed
   * answers; %1$s and %2$s are those answers as stored ("yes"/"no", "none"/"occurred") */
  return g_strdup_printf (_("Answer this declaration with one of the choices offered (stored as “%1$s” or “%2$s”)."),
                          first, second);
}

static char *
check_call_year (gint64 year)
{
  if (year < CZ_FIELDS_FIRST_YEAR + 3 || year > CZ_FIELDS_LAST_YEAR + 1)
    /* Translators: %1$d and %2$d are years */
    return g_strdup_printf (_("Enter a call year between %1$d and %2$d."),
                            CZ_FIELDS_FIRST_YEAR + 3, CZ_FIELDS_LAST_YEAR + 1);
  return NULL;
}

static char *
check_functional_areas (GVariant *records)
{
  gsize n = g_variant_n_children (records);

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) record = g_variant_get_child_value (records, i);
      const char *name = NULL;
      gint64 area = 0;

      if (!g_variant_lookup (record, "name", "&s", &name) || *name == '\0')
        /* Translators: %zu is the number of the row, from 1 */
        return g_strdup_printf (_("Give functional area %zu a name."), i + 1);
      if (!g_variant_lookup (record, "area_m2", "x", &area) || area <= 0)
        /* Translators: %s is the name of a functional area */
        return g_strdup_printf (_("Enter the area of “%s” in km² as a number greater than zero."), name);
    }
  return NULL;
}

/* Past the limits of the dossier format (cz-value.h), which no real answer reaches. */
static char *
too_large_message (const CzFieldSpec *spec)
{
  /* Translators: %s is a field label */
  return g_strdup_printf (_("“%s” is too large to be a real figure; check the number and its unit."),
                          _(spec->label));
}

static char *
required_message (const CzFieldSpec *spec)
{
  if (spec->kind == CZ_FIELD_KIND_TEXT_LIST)
    /* Translators: %s is a field label */
    return g_strdup_printf (_("Add at least one entry to “%s”."), _(spec->label));
  if (g_str_equal (spec->id, CZ_FIELD_ZONE_PROVINCE) || g_str_equal (spec->id, CZ_FIELD_ZONE_CITY) ||
      g_str_equal (spec->id, CZ_FIELD_APPLICANT_CITY))
    /* Translators: %s is a field label */
    return g_strdup_printf (_("Choose the %s from the list."), _(spec->label));
  /* Translators: %s is a field label */
  return g_strdup_printf (_("Fill in “%s”: it is required."), _(spec->label));
}

/**
 * cz_field_check:
 * @value: (nullable): the answer, %NULL when unanswered
 *
 * Returns: (transfer full) (nullable): what is wrong and what to do, or %NULL
 */
char *
cz_field_check (const char    *field_id,
                const CzValue *value)
{
  const CzFieldSpec *spec = cz_field_spec_lookup (field_id);

  if (spec == NULL)
    return NULL;

  if (value == NULL)
    return spec->required ? required_message (spec) : NULL;

  if (cz_value_get_kind (value) != spec->kind)
    /* Translators: %s is a field label; this means a dossier file holds the wrong type */
    return g_strdup_printf (_("“%s” holds the wrong kind of value; enter it again."), _(spec->label));

  switch (spec->kind)
    {
    case CZ_FIELD_KIND_TEXT:
      {
        const char *text = cz_value_get_text (value);
        char *message = check_text_length (spec, text);

        if (message != NULL)
          return message;
        if (g_str_equal (field_id, CZ_FIELD_CONTACT_PHONE))
          return check_phone (text);
        if (g_str_equal (field_id, CZ_FIELD_CONTACT_EMAIL))
          return check_email (text);
        if (g_str_equal (field_id, CZ_FIELD_ZONE_PROVINCE) || g_str_equal (field_id, CZ_FIELD_ZONE_CITY) ||
            g_str_equal (field_id, CZ_FIELD_APPLICANT_CITY))
          return check_division_code (text);
        if (g_str_has_prefix (field_id, "declaration.") && spec->max_length == 3)
          return check_choice (text, CZ_DECLARED_YES, CZ_DECLARED_NO);
        if (g_str_has_prefix (field_id, "incidents.") || g_str_has_prefix (field_id, "integrity."))
          return check_choice (text, CZ_DECLARED_NONE, CZ_DECLARED_OCCURRED);
        return NULL;
      }

    case CZ_FIELD_KIND_TEXT_LIST:
      {
        g_auto(GStrv) texts = (GStrv) cz_value_dup_text_list (value);

        if (texts[0] == NULL)
          return required_message (spec);
        for (guint i = 0; texts[i]; i++)
          {
            char *message = check_text_length (spec, texts[i]);

            if (message != NULL)
              return message;
          }
        return NULL;
      }

    case CZ_FIELD_KIND_INTEGER:
      if (ABS (cz_value_get_integer (value)) > CZ_VALUE_MAX_INTEGER)
        return too_large_message (spec);
      if (g_str_equal (field_id, CZ_FIELD_ZONE_AREA_M2))
        return check_area (cz_value_get_integer (value));
      if (g_str_equal (field_id, CZ_FIELD_APPLICATION_YEAR))
        return check_call_year (cz_value_get_integer (value));
      if (cz_value_get_integer (value) < 0)
        /* Translators: %s is a field label */
        return g_strdup_printf (_("“%s” cannot be negative; enter zero or more."), _(spec->label));
      return NULL;

    case CZ_FIELD_KIND_MONEY:
      if (ABS (cz_value_get_money (value)) > CZ_VALUE_MAX_MONEY_FEN)
        return too_large_message (spec);
      if (cz_value_get_money (value) < 0)
        /* Translators: %s is a field label */
        return g_strdup_printf (_("“%s” cannot be negative; enter zero or more."), _(spec->label));
      return NULL;

    case CZ_FIELD_KIND_RECORDS:
      if (g_str_equal (field_id, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS))
        return check_functional_areas (cz_value_get_records (value));
      return NULL;

    case CZ_FIELD_KIND_DATE:
      if (g_str_equal (field_id, CZ_FIELD_DECLARATION_DATE))
        return check_not_after_today (cz_value_get_date_iso (value));
      return NULL;

    default:
      return NULL;
    }
}

/**
 * cz_field_dup_display:
 *
 * Returns: (transfer full): the value as a person reads it
 */
char *
cz_field_dup_display (const char    *field_id,
                      const CzValue *value)
{
  g_return_val_if_fail (field_id != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  if (g_str_has_suffix (field_id, "_m2") && cz_value_get_kind (value) == CZ_FIELD_KIND_INTEGER)
    {
      g_autofree char *km2 = cz_format_scaled_decimal (cz_value_get_integer (value), 6);
      return g_strdup_printf ("%s km²", km2);
    }

  if ((g_str_equal (field_id, CZ_FIELD_ZONE_PROVINCE) || g_str_equal (field_id, CZ_FIELD_ZONE_CITY) ||
       g_str_equal (field_id, CZ_FIELD_APPLICANT_CITY)) &&
      cz_value_get_kind (value) == CZ_FIELD_KIND_TEXT)
    {
      CzDivision *division = cz_divisions_lookup (cz_value_get_text (value));

      if (division != NULL)
        return g_strdup_printf ("%s (%s)", cz_division_get_name (division), cz_division_get_code (division));
    }

  return cz_value_to_display (value);
}

/**
 * cz_fields_step_is_started:
 *
 * Whether @step of @dossier counts as started: one of its answers for the
 * call of @call_year is given. The one place this is decided; a step nobody
 * has started is not covered in red, in its rows or in the step list.
 *
 * Evidence is a list of records, not answers typed into the step, and a
 * required document missing is a finding like a required answer missing: it
 * counts as started as soon as the dossier has any answer at all (what the
 * app records itself, the rules pack in use, is not an answer).
 */
gboolean
cz_fields_step_is_started (CzDossier *dossier,
                           CzStep     step,
                           guint      call_year)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), FALSE);
  g_return_val_if_fail ((guint) step < CZ_N_STEPS, FALSE);

  if (step == CZ_STEP_EVIDENCE)
    {
      ids = cz_dossier_dup_field_ids (dossier);
      for (guint i = 0; i < ids->len; i++)
        if (cz_field_get_step (g_ptr_array_index (ids, i)) != CZ_STEP_REVIEW)
          return TRUE;
      return FALSE;
    }

  ids = cz_fields_dup_ids_for_step (step, call_year);
  for (guint i = 0; i < ids->len; i++)
    if (cz_dossier_get_value (dossier, g_ptr_array_index (ids, i)) != NULL)
      return TRUE;
  return FALSE;
}
