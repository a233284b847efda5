/* cz-fields.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-fields.h"

/* The largest planned area we believe without asking: more than most
 * prefecture-level cities, so a bigger number is almost always a unit mistake. */
#define MAX_PLAUSIBLE_AREA_M2 (G_GINT64_CONSTANT (10000) * 1000 * 1000)

static const CzFieldSpec field_specs[] = {
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
};

const CzFieldSpec *
cz_field_specs (guint *n_specs)
{
  if (n_specs != NULL)
    *n_specs = G_N_ELEMENTS (field_specs);
  return field_specs;
}

const CzFieldSpec *
cz_field_spec_lookup (const char *field_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    if (g_strcmp0 (field_specs[i].id, field_id) == 0)
      return &field_specs[i];
  return NULL;
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

      if (g_unichar_isdigit (c) && c < 0x80)
        g_string_append_c (digits, (char) c);
      else if (c == '+' && digits->len == 0)
        continue;
      else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == 0xFF08 || c == 0xFF09)
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

static char *
check_division_code (const char *text)
{
  if (strlen (text) == 6 && strspn (text, "0123456789") == 6)
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
required_message (const CzFieldSpec *spec)
{
  if (spec->kind == CZ_FIELD_KIND_TEXT_LIST)
    /* Translators: %s is a field label */
    return g_strdup_printf (_("Add at least one entry to “%s”."), _(spec->label));
  if (g_str_equal (spec->id, CZ_FIELD_ZONE_PROVINCE) || g_str_equal (spec->id, CZ_FIELD_ZONE_CITY))
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
        if (g_str_equal (field_id, CZ_FIELD_ZONE_PROVINCE) || g_str_equal (field_id, CZ_FIELD_ZONE_CITY))
          return check_division_code (text);
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
      if (g_str_equal (field_id, CZ_FIELD_ZONE_AREA_M2))
        return check_area (cz_value_get_integer (value));
      return NULL;

    case CZ_FIELD_KIND_MONEY:
    case CZ_FIELD_KIND_DATE:
    case CZ_FIELD_KIND_RECORDS:
    default:
      return NULL;
    }
}
