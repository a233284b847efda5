/* test-number.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-number.h"

static void
assert_parses (const char *text,
               guint       scale,
               gint64      expected)
{
  gint64 value = -12345;

  if (!cz_parse_scaled_decimal (text, scale, &value))
    g_error ("“%s” should parse", text);
  g_assert_cmpint (value, ==, expected);
}

static void
assert_refused (const char *text,
                guint       scale)
{
  gint64 value = -12345;

  g_assert_false (cz_parse_scaled_decimal (text, scale, &value));
  g_assert_cmpint (value, ==, -12345);
}

static void
test_parse (void)
{
  assert_parses ("12.5", 6, 12500000);
  assert_parses ("  3 ", 6, 3000000);
  assert_parses ("1,234.56", 2, 123456);
  assert_parses ("１２．５", 1, 125);           /* full-width digits and point */
  assert_parses ("-0.01", 2, -1);
  assert_parses ("0.000001", 6, 1);
  assert_parses ("9223372036854775807", 0, G_MAXINT64);
}

static void
test_refuse (void)
{
  assert_refused ("", 2);
  assert_refused ("   ", 2);
  assert_refused ("abc", 2);
  assert_refused ("1.2.3", 2);
  assert_refused ("0.0000001", 6);              /* more decimals than the scale */
  assert_refused ("12km", 2);
  assert_refused (",12", 2);                     /* separator before any digit */
  assert_refused ("1.5,0", 2);                   /* separator after the point */
  assert_refused ("9223372036854775808", 0);     /* overflow */
  assert_refused ("92233720368547758.08", 3);    /* overflow by scaling */
  assert_refused ("\xff\xfe", 2);                /* not UTF-8 */
  assert_refused (NULL, 2);
}

static void
test_format (void)
{
  const struct { gint64 value; guint scale; const char *text; } cases[] = {
    { 12500000, 6, "12.5" },
    { 3000000, 6, "3" },
    { 1, 6, "0.000001" },
    { -150, 2, "-1.5" },
    { 0, 2, "0" },
    { G_MININT64, 0, "-9223372036854775808" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cz_format_scaled_decimal (cases[i].value, cases[i].scale);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_round_trip (void)
{
  for (gint64 v = -2000; v <= 2000; v += 7)
    {
      g_autofree char *text = cz_format_scaled_decimal (v * 1013, 4);
      gint64 back = 0;

      g_assert_true (cz_parse_scaled_decimal (text, 4, &back));
      g_assert_cmpint (back, ==, v * 1013);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number/parse", test_parse);
  g_test_add_func ("/number/refuse", test_refuse);
  g_test_add_func ("/number/format", test_format);
  g_test_add_func ("/number/round-trip", test_round_trip);

  return g_test_run ();
}
