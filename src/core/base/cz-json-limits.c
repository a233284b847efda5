/* cz-json-limits.c — refusing JSON that would hurt the parser
 *
 * The scanner follows json-glib 1.6's (json-scanner.c): a double-quoted
 * string ends at the first '"' not taken by an escape; a single-quoted one at
 * the next '\''; a '/' starts a comment that ends at the next '/'. Brackets
 * inside any of those do not count.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-json-limits.h"

G_DEFINE_QUARK (cz-json-limits-error-quark, cz_json_limits_error)

static gboolean
hex4 (const char *p,
      const char *end,
      guint      *value)
{
  *value = 0;
  if (end - p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      *value = *value << 4 | digit;
    }
  return TRUE;
}

/* At @p, just after "\u": the length of the whole escape after the "u"
 * (4, or 10 for a surrogate pair), or 0 when json-glib would misread it. */
static gsize
unicode_escape_length (const char *p,
                       const char *end)
{
  guint high, low;

  if (!hex4 (p, end, &high))
    return 0;
  if (high < 0xd800 || high > 0xdfff)
    return 4;
  if (high > 0xdbff || end - p < 6 || p[4] != '\\' || p[5] != 'u' ||
      !hex4 (p + 6, end, &low) || low < 0xdc00 || low > 0xdfff)
    return 0;
  return 10;
}

static void
position_of (const char *data,
             const char *at,
             guint      *line,
             guint      *column)
{
  *line = 1;
  *column = 1;
  for (const char *p = data; p < at; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *p & 0xc0) != 0x80)
        (*column)++;
    }
}

gboolean
cz_json_check_limits (const char  *data,
                      gsize        length,
                      guint        max_depth,
                      GError     **error)
{
  const char *end = data + length;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  for (const char *p = data; p < end; p++)
    {
      guint line, column;

      switch (*p)
        {
        case '[':
        case '{':
          if (++depth <= max_depth)
            break;
          position_of (data, p, &line, &column);
          g_set_error (error, CZ_JSON_LIMITS_ERROR, CZ_JSON_LIMITS_ERROR_TOO_DEEP,
                       /* Translators: reads after "<file> cannot be read: "; %1$u is a number of levels */
                       _("its JSON is nested more than %1$u levels deep (line %2$u, column %3$u)"),
                       max_depth, line, column);
          return FALSE;

        case ']':
        case '}':
          /* Unbalanced closing is json-glib's to refuse. */
          if (depth > 0)
            depth--;
          break;

        case '\'':
        case '/':
          {
            const char *close = memchr (p + 1, *p, end - p - 1);

            if (close == NULL)
              return TRUE;  /* unterminated: json-glib refuses it */
            p = close;
          }
          break;

        case '"':
          for (p++; p < end && *p != '"'; p++)
            {
              if (*p != '\\')
                continue;
              if (++p >= end)
                break;
              if (*p == 'u')
                {
                  gsize escape = unicode_escape_length (p + 1, end);

                  if (escape == 0)
                    {
                      position_of (data, p - 1, &line, &column);
                      g_set_error (error, CZ_JSON_LIMITS_ERROR, CZ_JSON_LIMITS_ERROR_BAD_ESCAPE,
                                   /* Translators: reads after "<file> cannot be read: "; keep \\u as it is */
                                   _("its JSON has a \\u escape that is not four hex digits or not a whole surrogate pair (line %u, column %u)"),
                                   line, column);
                      return FALSE;
                    }
                  p += escape;
                }
            }
          if (p >= end)
            return TRUE;  /* unterminated: json-glib refuses it */
          break;

        default:
          break;
        }
    }
  return TRUE;
}
