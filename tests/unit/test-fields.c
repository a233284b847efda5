/* test-fields.c — input checks, each on both sides of its boundary
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-fields.h"

static char *
check_text (const char *field_id,
            const char *text)
{
  g_autoptr(CzValue) value = cz_value_new_text (text);

  return cz_field_check (field_id, value);
}

static void
assert_ok (const char *field_id,
           const char *text)
{
  g_autofree char *message = check_text (field_id, text);

  if (message != NULL)
    g_error ("%s = “%s” should be accepted, got: %s", field_id, text, message);
}

static void
assert_refused (const char *field_id,
                const char *text,
                const char *fragment)
{
  g_autofree char *message = check_text (field_id, text);

  if (message == NULL)
    g_error ("%s = “%s” should be refused", field_id, text);
  if (strstr (message, fragment) == NULL)
    g_error ("message “%s” should mention “%s”", message, fragment);
}

static void
test_zone_name (void)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *missing = cz_field_check (CZ_FIELD_ZONE_NAME, NULL);

  g_assert_nonnull (missing);
  g_assert_nonnull (strstr (missing, "Zone name"));

  for (guint i = 0; i < 64; i++)
    g_string_append (name, "区");
  assert_ok (CZ_FIELD_ZONE_NAME, name->str);       /* 64 characters, not bytes */
  g_string_append (name, "区");
  assert_refused (CZ_FIELD_ZONE_NAME, name->str, "65 characters");
  assert_refused (CZ_FIELD_ZONE_NAME, name->str, "at most 64");
}

static void
test_phone (void)
{
  assert_ok (CZ_FIELD_CONTACT_PHONE, "13912345678");
  assert_ok (CZ_FIELD_CONTACT_PHONE, "139 1234 5678");
  assert_ok (CZ_FIELD_CONTACT_PHONE, "+86 139-1234-5678");
  assert_ok (CZ_FIELD_CONTACT_PHONE, "0512-66881234");
  assert_ok (CZ_FIELD_CONTACT_PHONE, "(010) 6820 1234");
  assert_ok (CZ_FIELD_CONTACT_PHONE, "010-68201234转802");

  assert_refused (CZ_FIELD_CONTACT_PHONE, "1391234567", "11 digits");     /* 10 digits */
  assert_refused (CZ_FIELD_CONTACT_PHONE, "139123456789", "11 digits");   /* 12 digits */
  assert_refused (CZ_FIELD_CONTACT_PHONE, "12912345678", "11 digits");    /* no such prefix */
  assert_refused (CZ_FIELD_CONTACT_PHONE, "66881234", "area code");       /* no area code */
  assert_refused (CZ_FIELD_CONTACT_PHONE, "call me", "11 digits");
  /* Full-width digits and signs, as a Chinese input method types them, are
   * read as the plain ones, with the same limits on either side. */
  assert_ok (CZ_FIELD_CONTACT_PHONE, "１３９１２３４５６７８");
  assert_ok (CZ_FIELD_CONTACT_PHONE, "＋８６　１３９－１２３４－５６７８");
  assert_ok (CZ_FIELD_CONTACT_PHONE, "０５１２－６６８８１２３４");
  assert_refused (CZ_FIELD_CONTACT_PHONE, "１３９１２３４５６７", "11 digits");      /* 10 digits */
  assert_refused (CZ_FIELD_CONTACT_PHONE, "１３９１２３４５６７８９", "11 digits");  /* 12 digits */
}

static void
test_email (void)
{
  assert_ok (CZ_FIELD_CONTACT_EMAIL, "hezuoqu@example.gov.cn");
  assert_ok (CZ_FIELD_CONTACT_EMAIL, "wang.xm+zone@163.com");
  assert_refused (CZ_FIELD_CONTACT_EMAIL, "hezuoqu@", "e-mail");
  assert_refused (CZ_FIELD_CONTACT_EMAIL, "hezuoqu.example.gov.cn", "e-mail");
  assert_refused (CZ_FIELD_CONTACT_EMAIL, "a@b", "e-mail");
  assert_refused (CZ_FIELD_CONTACT_EMAIL, "王@例子.中国", "e-mail");
}

static void
test_area (void)
{
  const gint64 max = G_GINT64_CONSTANT (10000) * 1000 * 1000;
  const struct { gint64 m2; gboolean ok; } cases[] = {
    { -1, FALSE }, { 0, FALSE }, { 1, TRUE }, { max, TRUE }, { max + 1, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CzValue) value = cz_value_new_integer (cases[i].m2);
      g_autofree char *message = cz_field_check (CZ_FIELD_ZONE_AREA_M2, value);

      g_assert_cmpint (message == NULL, ==, cases[i].ok);
    }
}

static void
test_lists_and_kinds (void)
{
  const char *empty[] = { NULL };
  const char *good[] = { "德国", NULL };
  g_autoptr(CzValue) none = cz_value_new_text_list (empty);
  g_autoptr(CzValue) some = cz_value_new_text_list (good);
  g_autoptr(CzValue) wrong_kind = cz_value_new_integer (3);
  g_autofree char *none_message = cz_field_check (CZ_FIELD_ZONE_PARTNERS, none);
  g_autofree char *some_message = cz_field_check (CZ_FIELD_ZONE_PARTNERS, some);
  g_autofree char *kind_message = cz_field_check (CZ_FIELD_ZONE_NAME, wrong_kind);
  g_autofree char *unknown = cz_field_check ("something.else", wrong_kind);

  g_assert_nonnull (none_message);
  g_assert_null (some_message);
  g_assert_nonnull (kind_message);
  g_assert_null (unknown);
}

static void
test_every_spec_has_label (void)
{
  guint n = 0;
  const CzFieldSpec *specs = cz_field_specs (&n);

  g_assert_cmpuint (n, >=, 11);
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (specs[i].label);
      g_assert_true (cz_field_spec_lookup (specs[i].id) == &specs[i]);
    }
}

static void
test_display (void)
{
  g_autoptr(CzValue) area = cz_value_new_integer (48600000);
  g_autoptr(CzValue) city = cz_value_new_text ("320500");
  g_autoptr(CzValue) unknown = cz_value_new_text ("999999");
  g_autofree char *area_text = cz_field_dup_display (CZ_FIELD_ZONE_AREA_M2, area);
  g_autofree char *city_text = cz_field_dup_display (CZ_FIELD_ZONE_CITY, city);
  g_autofree char *unknown_text = cz_field_dup_display (CZ_FIELD_ZONE_CITY, unknown);
  g_autofree char *plain = cz_field_dup_display (CZ_FIELD_CONTACT_NAME, city);

  g_assert_cmpstr (area_text, ==, "48.6 km²");
  g_assert_cmpstr (city_text, ==, "苏州市 (320500)");
  g_assert_cmpstr (unknown_text, ==, "999999");
  g_assert_cmpstr (plain, ==, "320500");
}

/* A number typed beyond the file format's range is a blocker, so that a
 * dossier that passes its checks exports to a file that imports again. */
static void
test_numbers_past_file_limits (void)
{
  g_autoptr(CzValue) at_count = cz_value_new_integer (CZ_VALUE_MAX_INTEGER);
  g_autoptr(CzValue) over_count = cz_value_new_integer (CZ_VALUE_MAX_INTEGER + 1);
  g_autoptr(CzValue) at_money = cz_value_new_money (CZ_VALUE_MAX_MONEY_FEN);
  g_autoptr(CzValue) over_money = cz_value_new_money (CZ_VALUE_MAX_MONEY_FEN + 1);
  g_autofree char *at_count_message = cz_field_check ("enterprises.y2024.sme", at_count);
  g_autofree char *over_count_message = cz_field_check ("enterprises.y2024.sme", over_count);
  g_autofree char *at_money_message = cz_field_check ("revenue.y2024.total", at_money);
  g_autofree char *over_money_message = cz_field_check ("revenue.y2024.total", over_money);
  g_autofree char *over_area_message = cz_field_check (CZ_FIELD_ZONE_AREA_M2, over_count);

  g_assert_null (at_count_message);
  g_assert_nonnull (strstr (over_count_message, "too large"));
  g_assert_null (at_money_message);
  g_assert_nonnull (strstr (over_money_message, "too large"));
  g_assert_nonnull (strstr (over_area_message, "too large"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fields/zone-name", test_zone_name);
  g_test_add_func ("/fields/phone", test_phone);
  g_test_add_func ("/fields/email", test_email);
  g_test_add_func ("/fields/area", test_area);
  g_test_add_func ("/fields/lists-and-kinds", test_lists_and_kinds);
  g_test_add_func ("/fields/every-spec-has-label", test_every_spec_has_label);
  g_test_add_func ("/fields/numbers-past-file-limits", test_numbers_past_file_limits);
  g_test_add_func ("/fields/display", test_display);

  return g_test_run ();
}
