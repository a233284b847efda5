/* test-json-limits.c — JSON too deep for json-glib is refused before it parses
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <json-glib/json-glib.h>

#include "cz-json-limits.h"

static char *
nested (guint       depth,
        const char *open,
        const char *inner,
        const char *close)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, open);
  g_string_append (text, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (text, close);
  return g_string_free (text, FALSE);
}

static void
assert_accepted (const char *text,
                 guint       max_depth)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cz_json_check_limits (text, strlen (text), max_depth, &error));
  g_assert_no_error (error);
}

static void
assert_refused (const char *text,
                guint       max_depth,
                int         code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cz_json_check_limits (text, strlen (text), max_depth, &error));
  g_assert_error (error, CZ_JSON_LIMITS_ERROR, code);
}

/* Both sides of the limit, arrays and objects alike. */
static void
test_depth_boundary (void)
{
  g_autofree char *arrays_at = nested (CZ_JSON_MAX_DEPTH, "[", "1", "]");
  g_autofree char *arrays_over = nested (CZ_JSON_MAX_DEPTH + 1, "[", "1", "]");
  g_autofree char *objects_at = nested (CZ_JSON_MAX_DEPTH - 1, "{\"a\":", "[]", "}");
  g_autofree char *objects_over = nested (CZ_JSON_MAX_DEPTH, "{\"a\":", "[]", "}");
  g_autoptr(GError) error = NULL;

  assert_accepted (arrays_at, CZ_JSON_MAX_DEPTH);
  assert_refused (arrays_over, CZ_JSON_MAX_DEPTH, CZ_JSON_LIMITS_ERROR_TOO_DEEP);
  assert_accepted (objects_at, CZ_JSON_MAX_DEPTH);
  assert_refused (objects_over, CZ_JSON_MAX_DEPTH, CZ_JSON_LIMITS_ERROR_TOO_DEEP);

  /* Siblings do not add up: depth, not count. */
  assert_accepted ("[[1],[2],[[3]],{\"a\":[4]}]", 3);
  assert_refused ("[[1],[2],[[[3]]]]", 3, CZ_JSON_LIMITS_ERROR_TOO_DEEP);

  /* The message says where and how deep. */
  g_assert_false (cz_json_check_limits ("[\n [\n  [1]]]", 12, 2, &error));
  g_assert_nonnull (strstr (error->message, "2"));
  g_assert_nonnull (strstr (error->message, "line 3"));
}

/* The crash of issue 13: 100 000 arrays deep. Refused, where json-glib
 * would overflow the stack. */
static void
test_hundred_thousand_deep (void)
{
  g_autofree char *deep = nested (100000, "[", "", "]");

  assert_refused (deep, CZ_JSON_MAX_DEPTH, CZ_JSON_LIMITS_ERROR_TOO_DEEP);
}

/* Brackets in strings and comments are text, as json-glib reads them. */
static void
test_strings_and_comments (void)
{
  g_autofree char *in_string = nested (200, "[", "", "");
  g_autofree char *quoted = g_strdup_printf ("[\"%s\", 'x[[[[', \"a\\\"[[[[\", \"\\\\\"]", in_string);

  assert_accepted (quoted, 2);
  assert_accepted ("[1, /* [[[[[[ */ 2]", 1);
  assert_accepted ("[1, /x[[[[[[/ 2]", 1);
  assert_accepted ("[\"\\u005b\\u005b\\u005b\", \"\\ud83d\\ude00\"]", 1);
  /* An escaped backslash closes nothing: the quote after it does. */
  assert_refused ("[\"\\\\\", [[1]]]", 2, CZ_JSON_LIMITS_ERROR_TOO_DEEP);
}

/* json-glib takes up to four characters after "\u", and two more after a
 * surrogate, quotes included: a scanner that stops at the quote would see
 * a string where json-glib sees arrays. */
static void
test_escapes_json_glib_misreads (void)
{
  g_autofree char *deep = nested (1000, "[", "1", "]");
  g_autofree char *short_escape = g_strdup_printf ("[\"\\u00\",\",%s]", deep);
  g_autofree char *lone_high = g_strdup_printf ("[\"\\ud800\",\",%s]", deep);
  g_autoptr(JsonParser) parser = json_parser_new ();

  /* What json-glib makes of the first: an empty string, then the arrays. */
  {
    g_autofree char *shallow = g_strdup_printf ("[\"\\u00\",\",[[1]]]");

    g_assert_true (json_parser_load_from_data (parser, shallow, -1, NULL));
    g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 2);
  }

  assert_refused (short_escape, CZ_JSON_MAX_DEPTH, CZ_JSON_LIMITS_ERROR_BAD_ESCAPE);
  assert_refused (lone_high, CZ_JSON_MAX_DEPTH, CZ_JSON_LIMITS_ERROR_BAD_ESCAPE);
  assert_refused ("[\"a\\ud800b\"]", CZ_JSON_MAX_DEPTH, CZ_JSON_LIMITS_ERROR_BAD_ESCAPE);
  assert_refused ("[\"\\udc00\\ud800\"]", CZ_JSON_MAX_DEPTH, CZ_JSON_LIMITS_ERROR_BAD_ESCAPE);
  assert_refused ("[\"\\u\"]", CZ_JSON_MAX_DEPTH, CZ_JSON_LIMITS_ERROR_BAD_ESCAPE);
  assert_refused ("[\"\\u12", CZ_JSON_MAX_DEPTH, CZ_JSON_LIMITS_ERROR_BAD_ESCAPE);
  assert_accepted ("[\"\\u00e9\\uD834\\uDD1E\"]", CZ_JSON_MAX_DEPTH);
}

/* Whatever json-glib refuses anyway passes through to it unharmed. */
static void
test_unterminated (void)
{
  assert_accepted ("[\"abc", CZ_JSON_MAX_DEPTH);
  assert_accepted ("[1 /* [[[", CZ_JSON_MAX_DEPTH);
  assert_accepted ("['abc", CZ_JSON_MAX_DEPTH);
  assert_accepted ("]]]]", CZ_JSON_MAX_DEPTH);
  assert_accepted ("", CZ_JSON_MAX_DEPTH);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-limits/depth-boundary", test_depth_boundary);
  g_test_add_func ("/json-limits/hundred-thousand-deep", test_hundred_thousand_deep);
  g_test_add_func ("/json-limits/strings-and-comments", test_strings_and_comments);
  g_test_add_func ("/json-limits/escapes-json-glib-misreads", test_escapes_json_glib_misreads);
  g_test_add_func ("/json-limits/unterminated", test_unterminated);

  return g_test_run ();
}
