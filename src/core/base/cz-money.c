/* cz-money.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cz-money.h"
#include "cz-number.h"

G_DEFINE_QUARK (cz-money-error-quark, cz_money_error)

static const char * const uppercase_digits[] = {
  "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖",
};

static guint
unit_scale_digits (CzMoneyUnit unit)
{
  switch (unit)
    {
    case CZ_MONEY_UNIT_WAN:
      return 6;
    case CZ_MONEY_UNIT_YI:
      return 10;
    case CZ_MONEY_UNIT_YUAN:
    default:
      return 2;
    }
}

static guint64
unit_fen (CzMoneyUnit unit)
{
  switch (unit)
    {
    case CZ_MONEY_UNIT_WAN:
      return CZ_FEN_PER_WAN;
    case CZ_MONEY_UNIT_YI:
      return CZ_FEN_PER_YI;
    case CZ_MONEY_UNIT_YUAN:
    default:
      return CZ_FEN_PER_YUAN;
    }
}

const char *
cz_money_unit_get_label (CzMoneyUnit unit)
{
  switch (unit)
    {
    case CZ_MONEY_UNIT_WAN:
      return "万元";
    case CZ_MONEY_UNIT_YI:
      return "亿元";
    case CZ_MONEY_UNIT_YUAN:
    default:
      return "元";
    }
}

/* G_MININT64 has no positive counterpart in gint64. */
static guint64
magnitude (gint64 value)
{
  return value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
}

static gboolean
strip_suffix (char       *text,
              const char *suffix)
{
  gsize len = strlen (text);
  gsize suffix_len = strlen (suffix);

  if (len < suffix_len || strcmp (text + len - suffix_len, suffix) != 0)
    return FALSE;

  text[len - suffix_len] = '\0';
  g_strchomp (text);
  return TRUE;
}

gboolean
cz_money_parse (const char   *text,
                CzMoneyUnit   unit,
                gint64       *out_fen,
                GError      **error)
{
  g_autofree char *number = NULL;
  gint64 fen;

  g_return_val_if_fail (out_fen != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  number = g_strstrip (g_strdup (text != NULL ? text : ""));

  /* Longest suffixes first: "万元" before "元". */
  if (strip_suffix (number, "亿元") || strip_suffix (number, "亿"))
    unit = CZ_MONEY_UNIT_YI;
  else if (strip_suffix (number, "万元") || strip_suffix (number, "万"))
    unit = CZ_MONEY_UNIT_WAN;
  else if (strip_suffix (number, "元"))
    unit = CZ_MONEY_UNIT_YUAN;

  if (number[0] == '\0')
    {
      g_set_error (error, CZ_MONEY_ERROR, CZ_MONEY_ERROR_EMPTY,
                   _("No amount given: enter a number in %s"),
                   cz_money_unit_get_label (unit));
      return FALSE;
    }

  if (!cz_parse_scaled_decimal (number, unit_scale_digits (unit), &fen))
    {
      g_set_error (error, CZ_MONEY_ERROR, CZ_MONEY_ERROR_INVALID,
                   /* Translators: the first %s is what the user typed, the second a unit
                    * such as 万元, the %u the most decimals allowed in that unit. */
                   _("“%s” is not an amount in %s: use digits, with at most %u decimals"),
                   text, cz_money_unit_get_label (unit), unit_scale_digits (unit));
      return FALSE;
    }

  *out_fen = fen;
  return TRUE;
}

char *
cz_money_format_number (gint64      fen,
                        CzMoneyUnit unit)
{
  guint64 per_unit = unit_fen (unit);
  guint64 mag = magnitude (fen);
  guint64 whole = mag / per_unit;
  guint64 rest = mag % per_unit;
  GString *str = g_string_new (NULL);

  if (fen < 0)
    g_string_append_c (str, '-');
  g_string_append_printf (str, "%" G_GUINT64_FORMAT, whole);

  if (rest != 0)
    {
      guint digits = unit_scale_digits (unit);

      g_string_append_printf (str, ".%0*" G_GUINT64_FORMAT, (int) digits, rest);
      while (str->str[str->len - 1] == '0')
        g_string_truncate (str, str->len - 1);
    }

  return g_string_free (str, FALSE);
}

static void
append_grouped (GString *str,
                guint64  value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (str, ',');
      g_string_append_c (str, digits[i]);
    }
}

char *
cz_money_format (gint64      fen,
                 CzMoneyUnit unit)
{
  /* Count in hundredths of the unit, rounding the remainder half away from zero. */
  guint64 per_hundredth = unit_fen (unit) / 100;
  guint64 mag = magnitude (fen);
  guint64 hundredths = mag / per_hundredth;
  GString *str = g_string_new (NULL);

  if (per_hundredth > 1 && (mag % per_hundredth) * 2 >= per_hundredth)
    hundredths++;

  if (fen < 0 && hundredths > 0)
    g_string_append_c (str, '-');
  append_grouped (str, hundredths / 100);
  g_string_append_printf (str, ".%02u %s",
                          (guint) (hundredths % 100),
                          cz_money_unit_get_label (unit));

  return g_string_free (str, FALSE);
}

/* Writes @value (> 0) in 大写 digits with 拾佰仟 inside each group of four and 万/亿
 * between groups; a zero between non-zero digits is written once. */
static void
append_uppercase_integer (GString *str,
                          guint64  value)
{
  static const char * const places[] = { "仟", "佰", "拾", "" };
  static const guint64 powers[] = { 1000, 100, 10, 1 };
  gboolean started = FALSE;
  gboolean pending_zero = FALSE;

  if (value >= G_GUINT64_CONSTANT (100000000))
    {
      guint64 rest = value % G_GUINT64_CONSTANT (100000000);

      append_uppercase_integer (str, value / G_GUINT64_CONSTANT (100000000));
      g_string_append (str, "亿");
      if (rest != 0)
        {
          if (rest < G_GUINT64_CONSTANT (10000000))
            g_string_append (str, "零");
          append_uppercase_integer (str, rest);
        }
      return;
    }

  if (value >= 10000)
    {
      guint64 rest = value % 10000;

      append_uppercase_integer (str, value / 10000);
      g_string_append (str, "万");
      if (rest != 0)
        {
          if (rest < 1000)
            g_string_append (str, "零");
          append_uppercase_integer (str, rest);
        }
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (powers); i++)
    {
      guint digit = (value / powers[i]) % 10;

      if (digit == 0)
        {
          pending_zero = started;
          continue;
        }

      if (pending_zero)
        g_string_append (str, "零");
      g_string_append (str, uppercase_digits[digit]);
      g_string_append (str, places[i]);
      started = TRUE;
      pending_zero = FALSE;
    }
}

char *
cz_money_format_uppercase (gint64 fen)
{
  guint64 mag = magnitude (fen);
  guint64 yuan = mag / 100;
  guint jiao = (mag / 10) % 10;
  guint fen_digit = mag % 10;
  GString *str = g_string_new ("人民币");

  if (fen < 0)
    g_string_append (str, "负");

  if (yuan > 0)
    {
      append_uppercase_integer (str, yuan);
      g_string_append (str, "元");
    }
  else if (jiao == 0 && fen_digit == 0)
    {
      g_string_append (str, "零元");
    }

  if (jiao == 0 && fen_digit == 0)
    {
      g_string_append (str, "整");
    }
  else
    {
      if (jiao != 0)
        {
          g_string_append (str, uppercase_digits[jiao]);
          g_string_append (str, "角");
        }
      else if (yuan > 0)
        {
          /* ¥16409.02 → …元零贰分: the empty 角 is read as 零. */
          g_string_append (str, "零");
        }

      if (fen_digit != 0)
        {
          g_string_append (str, uppercase_digits[fen_digit]);
          g_string_append (str, "分");
        }
    }

  return g_string_free (str, FALSE);
}
