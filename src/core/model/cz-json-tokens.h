/* cz-json-tokens.h — what json-glib would silently get wrong, found in the raw text
 *
 * json-glib 1.6 turns "\u0000" into the end of the string, turns a lone
 * surrogate escape ("\ud800") into bytes that are not UTF-8 (and loses what
 * follows), and wraps integers outside 64 bits (−9223372036854775809 becomes
 * +9223372036854775807). None of that can be seen in the parsed tree, so a
 * reader looks at the tokens first. The scan is iterative (no recursion) and
 * linear; it stops quietly at the first syntax error, which the parser then
 * reports with its own line and column.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CZ_JSON_TOKEN_OK,
  CZ_JSON_TOKEN_NUL_ESCAPE,      /* "\u0000" inside a string */
  CZ_JSON_TOKEN_LONE_SURROGATE,  /* "\ud800" not followed by "\udc00"…"\udfff", or a lone low half */
  CZ_JSON_TOKEN_INTEGER_RANGE,   /* an integer outside gint64 */
} CzJsonTokenProblem;

typedef struct
{
  CzJsonTokenProblem problem;
  gsize              offset;     /* of the token, in bytes */
  char              *keys[2];    /* the member names at depth 1 and 2 around it, or NULL */
  char              *token;      /* the offending token as written (at most 64 bytes) */
} CzJsonTokenReport;

gboolean cz_json_check_tokens       (const char        *data,
                                     gsize              length,
                                     CzJsonTokenReport *report);
void     cz_json_token_report_clear (CzJsonTokenReport *report);

G_END_DECLS
