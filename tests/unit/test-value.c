/* test-value.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-dossier.h"
#include "cz-value.h"

static CzValue *
round_trip (CzValue *value)
{
  g_autofree char *json = cz_value_to_json_string (value);
  g_autoptr(GError) error = NULL;
  CzValue *back = cz_value_new_from_json_string (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (back);
  return back;
}

static void
test_kinds_round_trip (void)
{
  const char *partners[] = { "德国", "奥地利", NULL };
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_AUGUST, 2026);
  GVariantBuilder builder;
  CzValue *values[6];

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string ("研发区"));
  g_variant_builder_add (&builder, "{sv}", "area_m2", g_variant_new_int64 (1200000));
  g_variant_builder_close (&builder);

  values[0] = cz_value_new_text ("临湖中欧中小企业合作区");
  values[1] = cz_value_new_integer (48600000);
  values[2] = cz_value_new_money (G_GINT64_CONSTANT (1000000000000));
  values[3] = cz_value_new_date (date);
  values[4] = cz_value_new_text_list (partners);
  values[5] = cz_value_new_records (g_variant_builder_end (&builder));

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(CzValue) back = round_trip (values[i]);

      g_assert_cmpint (cz_value_get_kind (back), ==, cz_value_get_kind (values[i]));
      g_assert_true (cz_value_equal (back, values[i]));
      cz_value_unref (values[i]);
    }
}

static void
test_money_is_not_integer (void)
{
  g_autoptr(CzValue) money = cz_value_new_money (100);
  g_autoptr(CzValue) integer = cz_value_new_integer (100);
  g_autofree char *json = cz_value_to_json_string (money);

  g_assert_false (cz_value_equal (money, integer));
  g_assert_cmpstr (json, ==, "{\"money_fen\":100}");
}

static void
test_display (void)
{
  g_autoptr(CzValue) money = cz_value_new_money (140950);
  g_autoptr(CzValue) negative = cz_value_new_money (-5);
  const char *list[] = { "德国", "瑞士", NULL };
  g_autoptr(CzValue) texts = cz_value_new_text_list (list);
  g_autofree char *money_text = cz_value_to_display (money);
  g_autofree char *negative_text = cz_value_to_display (negative);
  g_autofree char *list_text = cz_value_to_display (texts);

  g_assert_cmpstr (money_text, ==, "¥1409.50");
  g_assert_cmpstr (negative_text, ==, "-¥0.05");
  g_assert_cmpstr (list_text, ==, "德国, 瑞士");
}

static void
test_bad_json (void)
{
  const char *bad[] = {
    "[]",
    "{}",
    "{\"text\": 3}",
    "{\"integer\": \"3\"}",
    "{\"date\": \"2026-02-30\"}",
    "{\"date\": \"1 Aug 2026\"}",
    "{\"text_list\": [1, 2]}",
    "{\"records\": [{\"a\": [1]}]}",
    "{\"colour\": \"red\"}",
    "{\"text\": \"a\", \"integer\": 1}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CzValue) value = cz_value_new_from_json_string (bad[i], &error);

      g_assert_null (value);
      g_assert_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_INVALID_FIELD);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/value/kinds-round-trip", test_kinds_round_trip);
  g_test_add_func ("/value/money-is-not-integer", test_money_is_not_integer);
  g_test_add_func ("/value/display", test_display);
  g_test_add_func ("/value/bad-json", test_bad_json);

  return g_test_run ();
}
