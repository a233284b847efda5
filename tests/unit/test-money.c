/* test-money.c — parsing, display and the uppercase (大写) form of amounts
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cz-money.h"

static void
assert_parses (const char  *text,
               CzMoneyUnit  unit,
               gint64       expected_fen)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = -42;

  g_assert_true (cz_money_parse (text, unit, &fen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fen, ==, expected_fen);
}

static void
assert_refused (const char  *text,
                CzMoneyUnit  unit,
                gint         code)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = -42;

  g_assert_false (cz_money_parse (text, unit, &fen, &error));
  g_assert_error (error, CZ_MONEY_ERROR, code);
  g_assert_cmpint (fen, ==, -42);
}

static void
test_parse_units (void)
{
  assert_parses ("1409.50", CZ_MONEY_UNIT_YUAN, 140950);
  assert_parses ("12.5", CZ_MONEY_UNIT_WAN, 12500000);
  assert_parses ("1,234.56", CZ_MONEY_UNIT_WAN, 1234560000);
  assert_parses ("100", CZ_MONEY_UNIT_YI, 1000000000000);
  assert_parses ("99.99", CZ_MONEY_UNIT_YI, 999900000000);
  assert_parses ("0.000001", CZ_MONEY_UNIT_WAN, 1);
  assert_parses ("0.0000000001", CZ_MONEY_UNIT_YI, 1);
  assert_parses (" 3 ", CZ_MONEY_UNIT_YUAN, 300);
  assert_parses ("-5", CZ_MONEY_UNIT_WAN, -5000000);
}

static void
test_parse_suffix_overrides_unit (void)
{
  assert_parses ("3亿", CZ_MONEY_UNIT_WAN, 3 * CZ_FEN_PER_YI);
  assert_parses ("3 亿元", CZ_MONEY_UNIT_YUAN, 3 * CZ_FEN_PER_YI);
  assert_parses ("7万", CZ_MONEY_UNIT_YI, 7 * CZ_FEN_PER_WAN);
  assert_parses ("7万元", CZ_MONEY_UNIT_YUAN, 7 * CZ_FEN_PER_WAN);
  assert_parses ("7元", CZ_MONEY_UNIT_YI, 700);
}

static void
test_parse_refuses (void)
{
  assert_refused ("", CZ_MONEY_UNIT_WAN, CZ_MONEY_ERROR_EMPTY);
  assert_refused ("   ", CZ_MONEY_UNIT_WAN, CZ_MONEY_ERROR_EMPTY);
  assert_refused ("万元", CZ_MONEY_UNIT_WAN, CZ_MONEY_ERROR_EMPTY);
  assert_refused ("abc", CZ_MONEY_UNIT_WAN, CZ_MONEY_ERROR_INVALID);
  assert_refused ("1.2.3", CZ_MONEY_UNIT_WAN, CZ_MONEY_ERROR_INVALID);
  /* Finer than one fen, on each side of the limit. */
  assert_parses ("0.01", CZ_MONEY_UNIT_YUAN, 1);
  assert_refused ("0.001", CZ_MONEY_UNIT_YUAN, CZ_MONEY_ERROR_INVALID);
  assert_refused ("0.0000001", CZ_MONEY_UNIT_WAN, CZ_MONEY_ERROR_INVALID);
  assert_refused ("99999999999999999999", CZ_MONEY_UNIT_YI, CZ_MONEY_ERROR_INVALID);
}

static void
assert_number (gint64       fen,
               CzMoneyUnit  unit,
               const char  *expected)
{
  g_autofree char *text = cz_money_format_number (fen, unit);
  gint64 back = 0;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (text, ==, expected);
  g_assert_true (cz_money_parse (text, unit, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back, ==, fen);
}

static void
test_format_number_round_trips (void)
{
  assert_number (1234560000, CZ_MONEY_UNIT_WAN, "1234.56");
  assert_number (12500000, CZ_MONEY_UNIT_WAN, "12.5");
  assert_number (1, CZ_MONEY_UNIT_WAN, "0.000001");
  assert_number (1000000000000, CZ_MONEY_UNIT_YI, "100");
  assert_number (999900000000, CZ_MONEY_UNIT_YI, "99.99");
  assert_number (140950, CZ_MONEY_UNIT_YUAN, "1409.5");
  assert_number (0, CZ_MONEY_UNIT_YUAN, "0");
  assert_number (-5000000, CZ_MONEY_UNIT_WAN, "-5");
}

static void
assert_display (gint64       fen,
                CzMoneyUnit  unit,
                const char  *expected)
{
  g_autofree char *text = cz_money_format (fen, unit);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_display (void)
{
  assert_display (1234560000, CZ_MONEY_UNIT_WAN, "1,234.56 万元");
  assert_display (1000000000000, CZ_MONEY_UNIT_YI, "100.00 亿元");
  assert_display (1000000000000, CZ_MONEY_UNIT_WAN, "1,000,000.00 万元");
  assert_display (140950, CZ_MONEY_UNIT_YUAN, "1,409.50 元");
  assert_display (99, CZ_MONEY_UNIT_YUAN, "0.99 元");
  assert_display (0, CZ_MONEY_UNIT_WAN, "0.00 万元");
  /* Rounding on each side of the half: 0.004999 / 0.005 万元. */
  assert_display (4999, CZ_MONEY_UNIT_WAN, "0.00 万元");
  assert_display (5000, CZ_MONEY_UNIT_WAN, "0.01 万元");
  assert_display (-5000, CZ_MONEY_UNIT_WAN, "-0.01 万元");
  assert_display (-4999, CZ_MONEY_UNIT_WAN, "0.00 万元");
  assert_display (999949999999, CZ_MONEY_UNIT_YI, "99.99 亿元");
  assert_display (999950000000, CZ_MONEY_UNIT_YI, "100.00 亿元");
}

static void
assert_uppercase (gint64      fen,
                  const char *expected)
{
  g_autofree char *text = cz_money_format_uppercase (fen);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_uppercase_regulation_examples (void)
{
  assert_uppercase (140950, "人民币壹仟肆佰零玖元伍角");
  assert_uppercase (1640902, "人民币壹万陆仟肆佰零玖元零贰分");
  assert_uppercase (1000000000000, "人民币壹佰亿元整");
}

static void
test_uppercase_zeros (void)
{
  assert_uppercase (10000000100, "人民币壹亿零壹元整");
  assert_uppercase (1001000000, "人民币壹仟零壹万元整");
  assert_uppercase (10100000000, "人民币壹亿零壹佰万元整");
  assert_uppercase (11000000000, "人民币壹亿壹仟万元整");
  assert_uppercase (100100, "人民币壹仟零壹元整");
  assert_uppercase (1000000, "人民币壹万元整");
  assert_uppercase (1000100, "人民币壹万零壹元整");
  assert_uppercase (2000100000, "人民币贰仟万壹仟元整");
  assert_uppercase (1000, "人民币壹拾元整");
  assert_uppercase (G_GINT64_CONSTANT (100000000000000), "人民币壹万亿元整");
  assert_uppercase (G_GINT64_CONSTANT (100000000000100), "人民币壹万亿零壹元整");
  assert_uppercase (G_GINT64_CONSTANT (123456789012300), "人民币壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元整");
}

static void
test_uppercase_small_and_negative (void)
{
  assert_uppercase (0, "人民币零元整");
  assert_uppercase (5, "人民币伍分");
  assert_uppercase (50, "人民币伍角");
  assert_uppercase (25, "人民币贰角伍分");
  assert_uppercase (100, "人民币壹元整");
  assert_uppercase (101, "人民币壹元零壹分");
  assert_uppercase (-140950, "人民币负壹仟肆佰零玖元伍角");
  assert_uppercase (-100, "人民币负壹元整");
  /* Must not overflow on the most negative value. */
  assert_uppercase (G_MININT64,
                    "人民币负玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零捌分");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/units", test_parse_units);
  g_test_add_func ("/money/parse/suffix-overrides-unit", test_parse_suffix_overrides_unit);
  g_test_add_func ("/money/parse/refuses", test_parse_refuses);
  g_test_add_func ("/money/format/number-round-trips", test_format_number_round_trips);
  g_test_add_func ("/money/format/display", test_format_display);
  g_test_add_func ("/money/uppercase/regulation-examples", test_uppercase_regulation_examples);
  g_test_add_func ("/money/uppercase/zeros", test_uppercase_zeros);
  g_test_add_func ("/money/uppercase/small-and-negative", test_uppercase_small_and_negative);

  return g_test_run ();
}
