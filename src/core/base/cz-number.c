/* cz-number.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cz-number.h"

/* Reads one character as a decimal digit, ASCII or full-width (０–９). */
static int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0xFF10 && c <= 0xFF19)
    return c - 0xFF10;
  return -1;
}

static gboolean
is_group_separator (gunichar c)
{
  return c == ',' || c == 0xFF0C /* ， */ || c == 0x2009 /* thin space */ || c == 0x202F;
}

gboolean
cz_parse_scaled_decimal (const char *text,
                         guint       scale_digits,
                         gint64     *out)
{
  g_autofree char *stripped = NULL;
  const char *p;
  gboolean negative = FALSE;
  gboolean seen_digit = FALSE;
  gboolean seen_point = FALSE;
  guint decimals = 0;
  guint64 magnitude = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL) || scale_digits > 18)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  p = stripped;

  if (*p == '-' || *p == '+')
    {
      negative = (*p == '-');
      p++;
    }
  else if (g_str_has_prefix (p, "－"))
    {
      negative = TRUE;
      p += strlen ("－");
    }

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d = digit_value (c);

      if (d >= 0)
        {
          if (seen_point && ++decimals > scale_digits)
            return FALSE;
          if (magnitude > (G_MAXINT64 - (guint64) d) / 10)
            return FALSE;
          magnitude = magnitude * 10 + (guint64) d;
          seen_digit = TRUE;
        }
      else if ((c == '.' || c == 0xFF0E /* ． */ || c == 0x3002 /* 。 */) && !seen_point)
        seen_point = TRUE;
      else if (is_group_separator (c) && seen_digit && !seen_point)
        continue;
      else
        return FALSE;
    }

  if (!seen_digit)
    return FALSE;

  for (; decimals < scale_digits; decimals++)
    {
      if (magnitude > (guint64) G_MAXINT64 / 10)
        return FALSE;
      magnitude *= 10;
    }

  *out = negative ? -(gint64) magnitude : (gint64) magnitude;
  return TRUE;
}

char *
cz_format_scaled_decimal (gint64 value,
                          guint  scale_digits)
{
  GString *str = g_string_new (NULL);
  guint64 magnitude;
  guint64 divisor = 1;
  guint64 fraction;

  g_return_val_if_fail (scale_digits <= 18, NULL);

  for (guint i = 0; i < scale_digits; i++)
    divisor *= 10;

  magnitude = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
  fraction = magnitude % divisor;

  if (value < 0)
    g_string_append_c (str, '-');
  g_string_append_printf (str, "%" G_GUINT64_FORMAT, magnitude / divisor);

  if (fraction != 0)
    {
      char digits[20];
      int len;

      g_snprintf (digits, sizeof digits, "%0*" G_GUINT64_FORMAT, (int) scale_digits, fraction);
      len = (int) strlen (digits);
      while (len > 0 && digits[len - 1] == '0')
        len--;
      g_string_append_c (str, '.');
      g_string_append_len (str, digits, len);
    }

  return g_string_free (str, FALSE);
}
