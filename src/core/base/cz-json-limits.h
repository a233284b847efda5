/* cz-json-limits.h — refusing JSON that would hurt the parser, before it sees it
 *
 * json-glib's parser recurses once per nesting level without a limit: a
 * kilobyte of "[[[[…" deflated in an archive is enough to overflow the
 * stack. Every reader of JSON that did not come from this process checks
 * it here first (docs/archive-format.md and docs/dossier-format.md, "Limits").
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The deepest nesting of arrays and objects CoopZone reads. Its own files
 * need less than 10. */
#define CZ_JSON_MAX_DEPTH 64

#define CZ_JSON_LIMITS_ERROR (cz_json_limits_error_quark ())

typedef enum
{
  CZ_JSON_LIMITS_ERROR_TOO_DEEP,     /* arrays and objects nested deeper than allowed */
  CZ_JSON_LIMITS_ERROR_BAD_ESCAPE,   /* a \u escape json-glib would read past the string's end */
} CzJsonLimitsError;

GQuark   cz_json_limits_error_quark (void);

/* Scans @length bytes of @data as json-glib's scanner would (strings with
 * their escapes, json-glib's '/…/' comments and '…' strings) and refuses,
 * with a translated message that reads after "<file> cannot be read: ",
 * arrays and objects nested more than @max_depth deep, and \u escapes that
 * are not four hex digits or not a whole surrogate pair (json-glib would
 * take the closing quote into the escape and read the rest of the file
 * differently). Fast: one pass, no allocation. */
gboolean cz_json_check_limits       (const char  *data,
                                     gsize        length,
                                     guint        max_depth,
                                     GError     **error);

G_END_DECLS
