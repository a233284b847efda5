/* cz-credit-code.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cz-credit-code.h"

G_DEFINE_QUARK (cz-credit-code-error-quark, cz_credit_code_error)

/* GB 32100-2015: the 31 characters in value order 0–30. */
static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* 3^(i−1) mod 31 for positions 1–17. */
static const guint weights[CZ_CREDIT_CODE_LENGTH - 1] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
};

static int
char_value (gunichar c)
{
  const char *found;

  if (c == 0 || c > 0x7F)
    return -1;
  found = strchr (alphabet, (int) c);
  return found != NULL ? (int) (found - alphabet) : -1;
}

char *
cz_credit_code_normalize (const char *code)
{
  g_autofree char *trimmed = NULL;
  GString *str;

  g_return_val_if_fail (code != NULL, NULL);

  trimmed = g_strstrip (g_strdup (code));
  str = g_string_sized_new (CZ_CREDIT_CODE_LENGTH);

  for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: keep the byte so validation names it as invalid. */
          g_string_append_c (str, *p);
          continue;
        }

      /* Full-width ASCII block (！–～) maps onto ASCII by a fixed offset. */
      if (c >= 0xFF01 && c <= 0xFF5E)
        c = c - 0xFF01 + 0x21;
      if (c < 0x80)
        c = g_ascii_toupper ((char) c);
      g_string_append_unichar (str, c);
    }

  /* Trim again: a full-width space (U+3000) is white space g_strstrip() keeps. */
  while (g_str_has_prefix (str->str, "\u3000"))
    g_string_erase (str, 0, strlen ("\u3000"));
  while (g_str_has_suffix (str->str, "\u3000"))
    g_string_truncate (str, str->len - strlen ("\u3000"));

  return g_string_free (str, FALSE);
}

gboolean
cz_credit_code_validate (const char  *code,
                         GError     **error)
{
  g_autofree char *normalized = NULL;
  glong n_chars;
  guint sum = 0;
  guint position = 0;
  int expected;
  int actual;

  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  normalized = cz_credit_code_normalize (code);

  if (!g_utf8_validate (normalized, -1, NULL))
    {
      g_set_error (error, CZ_CREDIT_CODE_ERROR, CZ_CREDIT_CODE_ERROR_INVALID_CHARACTER,
                   _("The unified social credit code contains bytes that are not text: type it again"));
      return FALSE;
    }

  n_chars = g_utf8_strlen (normalized, -1);
  if (n_chars != CZ_CREDIT_CODE_LENGTH)
    {
      g_set_error (error, CZ_CREDIT_CODE_ERROR, CZ_CREDIT_CODE_ERROR_LENGTH,
                   /* Translators: %ld is how many characters the user typed. */
                   _("A unified social credit code has 18 characters, this one has %ld: check it against the business licence"),
                   n_chars);
      return FALSE;
    }

  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int value = char_value (c);

      position++;

      if (value < 0)
        {
          char shown[8] = { 0 };

          g_unichar_to_utf8 (c, shown);
          if (c == 'I' || c == 'O' || c == 'Z' || c == 'S' || c == 'V')
            g_set_error (error, CZ_CREDIT_CODE_ERROR, CZ_CREDIT_CODE_ERROR_INVALID_CHARACTER,
                         /* Translators: %u is a position 1–18, %s the character found there. */
                         _("Character %u of the unified social credit code is “%s”, a letter these codes never use (I, O, Z, S, V): it is probably the digit 1, 0, 2, 5 or the letter U"),
                         position, shown);
          else
            g_set_error (error, CZ_CREDIT_CODE_ERROR, CZ_CREDIT_CODE_ERROR_INVALID_CHARACTER,
                         _("Character %u of the unified social credit code is “%s”: only digits and capital letters other than I, O, Z, S and V are allowed"),
                         position, shown);
          return FALSE;
        }

      if (position < CZ_CREDIT_CODE_LENGTH)
        sum += (guint) value * weights[position - 1];
    }

  expected = (31 - (int) (sum % 31)) % 31;
  actual = char_value ((guchar) normalized[CZ_CREDIT_CODE_LENGTH - 1]);
  if (actual != expected)
    {
      g_set_error (error, CZ_CREDIT_CODE_ERROR, CZ_CREDIT_CODE_ERROR_CHECK_CHARACTER,
                   _("The unified social credit code does not add up: its last character (the check character) does not match the first 17. A character was probably mistyped; compare each one with the business licence"));
      return FALSE;
    }

  return TRUE;
}
