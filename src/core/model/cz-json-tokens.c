/* cz-json-tokens.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cz-json-tokens.h"

#define MAX_TOKEN_BYTES 64
#define MAX_KEY_BYTES   128

typedef struct
{
  const char        *data;
  gsize              length;
  gsize              pos;
  GByteArray        *stack;       /* '{' or '[' per open container */
  gboolean           expect_key;
  CzJsonTokenReport *report;
} Scan;

static char *
dup_prefix (const char *text,
            gsize       length,
            gsize       max_bytes)
{
  const char *end;

  if (length <= max_bytes)
    return g_strndup (text, length);
  /* Cut on a character boundary: the input was checked to be UTF-8. */
  end = g_utf8_find_prev_char (text, text + max_bytes + 1);
  return g_strndup (text, end ? (gsize) (end - text) : 0);
}

static gboolean
problem (Scan               *scan,
         CzJsonTokenProblem  kind,
         gsize               start,
         gsize               end)
{
  scan->report->problem = kind;
  scan->report->offset = start;
  scan->report->token = dup_prefix (scan->data + start, end - start, MAX_TOKEN_BYTES);
  return FALSE;
}

static int
hex_unit (const char *p)
{
  int unit = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }
  return unit;
}

/* Reads the string at scan->pos (on its opening quote). Returns FALSE on a
 * problem; sets *syntax_error when the string is not well formed, so that the
 * parser can say so itself. */
static gboolean
scan_string (Scan     *scan,
             gsize    *content_start,
             gsize    *content_end,
             gboolean *syntax_error)
{
  const char *data = scan->data;
  gsize i = scan->pos + 1;

  *content_start = i;
  while (i < scan->length)
    {
      char c = data[i];

      if (c == '"')
        {
          *content_end = i;
          scan->pos = i + 1;
          return TRUE;
        }
      if (c != '\\')
        {
          i++;
          continue;
        }
      if (i + 1 >= scan->length)
        break;
      if (data[i + 1] != 'u')
        {
          i += 2;
          continue;
        }
      if (i + 6 > scan->length)
        break;
      {
        int unit = hex_unit (data + i + 2);

        if (unit < 0)
          break;
        if (unit == 0)
          return problem (scan, CZ_JSON_TOKEN_NUL_ESCAPE, i, i + 6);
        if (unit >= 0xDC00 && unit <= 0xDFFF)
          return problem (scan, CZ_JSON_TOKEN_LONE_SURROGATE, i, i + 6);
        if (unit >= 0xD800 && unit <= 0xDBFF)
          {
            int low = -1;

            if (i + 12 <= scan->length && data[i + 6] == '\\' && data[i + 7] == 'u')
              low = hex_unit (data + i + 8);
            if (low < 0xDC00 || low > 0xDFFF)
              return problem (scan, CZ_JSON_TOKEN_LONE_SURROGATE, i, i + 6);
            i += 12;
            continue;
          }
        i += 6;
      }
    }

  *syntax_error = TRUE;
  return TRUE;
}

/* An integer token fits in gint64 when its magnitude, without leading zeros,
 * is at most 9223372036854775807 (…808 when negative). */
static gboolean
integer_fits (const char *token,
              gsize       length)
{
  gboolean negative = length > 0 && token[0] == '-';
  const char *limit = negative ? "9223372036854775808" : "9223372036854775807";
  gsize limit_length = strlen (limit);

  if (negative)
    {
      token++;
      length--;
    }
  while (length > 1 && token[0] == '0')
    {
      token++;
      length--;
    }
  if (length != limit_length)
    return length < limit_length;
  return memcmp (token, limit, length) <= 0;
}

static gboolean
scan_number (Scan *scan)
{
  gsize start = scan->pos;
  gsize i = start;
  gboolean integer = TRUE;

  while (i < scan->length && (g_ascii_isdigit (scan->data[i]) || strchr ("+-.eE", scan->data[i]) != NULL))
    {
      if (strchr (".eE", scan->data[i]) != NULL)
        integer = FALSE;
      i++;
    }
  scan->pos = i;
  if (integer && !integer_fits (scan->data + start, i - start))
    return problem (scan, CZ_JSON_TOKEN_INTEGER_RANGE, start, i);
  return TRUE;
}

static void
set_key (Scan  *scan,
         gsize  start,
         gsize  end)
{
  guint depth = scan->stack->len;

  if (depth == 0 || depth > 2)
    return;
  g_free (scan->report->keys[depth - 1]);
  scan->report->keys[depth - 1] = dup_prefix (scan->data + start, end - start, MAX_KEY_BYTES);
  if (depth == 1)
    g_clear_pointer (&scan->report->keys[1], g_free);
}

static void
close_container (Scan *scan)
{
  guint depth = scan->stack->len;

  if (depth == 0)
    return;
  if (depth <= 2)
    g_clear_pointer (&scan->report->keys[depth - 1], g_free);
  g_byte_array_set_size (scan->stack, depth - 1);
  scan->expect_key = FALSE;
}

/**
 * cz_json_check_tokens:
 * @report: (out caller-allocates): where the problem is, when there is one;
 *   clear it with cz_json_token_report_clear()
 *
 * Returns: %FALSE when a token would be read wrongly by json-glib
 */
gboolean
cz_json_check_tokens (const char        *data,
                      gsize              length,
                      CzJsonTokenReport *report)
{
  g_autoptr(GByteArray) stack = g_byte_array_new ();
  Scan scan = { data, length, 0, stack, FALSE, report };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);

  while (scan.pos < length)
    {
      char c = data[scan.pos];

      switch (c)
        {
        case ' ': case '\t': case '\r': case '\n': case ':':
          scan.pos++;
          break;

        case '{':
        case '[':
          g_byte_array_append (stack, (const guint8 *) &c, 1);
          scan.expect_key = c == '{';
          scan.pos++;
          break;

        case '}':
        case ']':
          close_container (&scan);
          scan.pos++;
          break;

        case ',':
          scan.expect_key = stack->len > 0 && stack->data[stack->len - 1] == '{';
          scan.pos++;
          break;

        case '"':
          {
            gsize start = 0, end = 0;
            gboolean syntax_error = FALSE;

            if (!scan_string (&scan, &start, &end, &syntax_error))
              return FALSE;
            if (syntax_error)
              goto leave_to_parser;
            if (scan.expect_key)
              set_key (&scan, start, end);
            scan.expect_key = FALSE;
          }
          break;

        default:
          if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (&scan))
                return FALSE;
            }
          else if (g_ascii_isalpha (c))
            {
              while (scan.pos < length && g_ascii_isalpha (data[scan.pos]))
                scan.pos++;
            }
          else
            goto leave_to_parser;
        }
    }

leave_to_parser:
  cz_json_token_report_clear (report);
  return TRUE;
}

void
cz_json_token_report_clear (CzJsonTokenReport *report)
{
  g_clear_pointer (&report->keys[0], g_free);
  g_clear_pointer (&report->keys[1], g_free);
  g_clear_pointer (&report->token, g_free);
  report->problem = CZ_JSON_TOKEN_OK;
  report->offset = 0;
}
