/* test-dossier.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cz-dossier.h"
#include "cz-fields.h"
#include "cz-sample.h"

typedef struct
{
  guint     count;
  char     *field_id;
  CzValue  *old_value;
  CzValue  *new_value;
} Changes;

static void
on_field_changed (CzDossier  *dossier,
                  const char *field_id,
                  CzValue    *old_value,
                  CzValue    *new_value,
                  Changes    *changes)
{
  changes->count++;
  g_free (changes->field_id);
  changes->field_id = g_strdup (field_id);
  g_clear_pointer (&changes->old_value, cz_value_unref);
  g_clear_pointer (&changes->new_value, cz_value_unref);
  changes->old_value = old_value ? cz_value_ref (old_value) : NULL;
  changes->new_value = new_value ? cz_value_ref (new_value) : NULL;
}

static void
changes_clear (Changes *changes)
{
  g_free (changes->field_id);
  g_clear_pointer (&changes->old_value, cz_value_unref);
  g_clear_pointer (&changes->new_value, cz_value_unref);
}

static void
test_field_changed (void)
{
  g_autoptr(CzDossier) dossier = cz_dossier_new (NULL);
  Changes all = { 0 };
  Changes name_only = { 0 };

  g_signal_connect (dossier, "field-changed", G_CALLBACK (on_field_changed), &all);
  g_signal_connect (dossier, "field-changed::zone.name", G_CALLBACK (on_field_changed), &name_only);

  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "临湖");
  g_assert_cmpuint (all.count, ==, 1);
  g_assert_cmpuint (name_only.count, ==, 1);
  g_assert_null (all.old_value);
  g_assert_cmpstr (cz_value_get_text (all.new_value), ==, "临湖");

  /* The same value again is no change. */
  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "临湖");
  g_assert_cmpuint (all.count, ==, 1);

  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "临湖合作区");
  g_assert_cmpuint (all.count, ==, 2);
  g_assert_cmpstr (cz_value_get_text (all.old_value), ==, "临湖");

  /* Another field reaches the plain handler only. */
  cz_dossier_set_text (dossier, CZ_FIELD_CONTACT_NAME, "王晓明");
  g_assert_cmpuint (all.count, ==, 3);
  g_assert_cmpuint (name_only.count, ==, 2);
  g_assert_cmpstr (all.field_id, ==, CZ_FIELD_CONTACT_NAME);

  /* Empty text clears the answer. */
  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "");
  g_assert_cmpuint (name_only.count, ==, 3);
  g_assert_null (name_only.new_value);
  g_assert_null (cz_dossier_get_text (dossier, CZ_FIELD_ZONE_NAME));
  g_assert_cmpuint (cz_dossier_get_n_fields (dossier), ==, 1);

  changes_clear (&all);
  changes_clear (&name_only);
}

static void
test_typed_getters (void)
{
  g_autoptr(CzDossier) dossier = cz_dossier_new (NULL);
  const char *partners[] = { "德国", "法国", NULL };
  g_autofree const char **back = NULL;
  gint64 number = 0;

  cz_dossier_set_integer (dossier, CZ_FIELD_ZONE_AREA_M2, 12500000);
  cz_dossier_set_money (dossier, "revenue.y2025.total", 1000000);
  cz_dossier_set_text_list (dossier, CZ_FIELD_ZONE_PARTNERS, partners);

  g_assert_true (cz_dossier_get_integer (dossier, CZ_FIELD_ZONE_AREA_M2, &number));
  g_assert_cmpint (number, ==, 12500000);
  /* Money is not read as an integer, nor the reverse. */
  g_assert_false (cz_dossier_get_integer (dossier, "revenue.y2025.total", &number));
  g_assert_false (cz_dossier_get_money (dossier, CZ_FIELD_ZONE_AREA_M2, &number));
  g_assert_true (cz_dossier_get_money (dossier, "revenue.y2025.total", &number));
  g_assert_cmpint (number, ==, 1000000);
  g_assert_null (cz_dossier_get_text (dossier, CZ_FIELD_ZONE_AREA_M2));

  back = cz_dossier_dup_text_list (dossier, CZ_FIELD_ZONE_PARTNERS);
  g_assert_cmpstrv ((char **) back, partners);
  g_strfreev ((char **) g_steal_pointer (&back));

  cz_dossier_set_text_list (dossier, CZ_FIELD_ZONE_PARTNERS, NULL);
  g_assert_null (cz_dossier_get_value (dossier, CZ_FIELD_ZONE_PARTNERS));
}

static void
test_display_name (void)
{
  g_autoptr(CzDossier) dossier = cz_dossier_new (NULL);
  g_autofree char *untitled = cz_dossier_dup_display_name (dossier);
  g_autofree char *from_zone = NULL;
  g_autofree char *from_title = NULL;

  g_assert_cmpstr (untitled, ==, "Untitled dossier");
  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "临湖中欧中小企业合作区");
  from_zone = cz_dossier_dup_display_name (dossier);
  g_assert_cmpstr (from_zone, ==, "临湖中欧中小企业合作区");
  cz_dossier_set_title (dossier, "2026年申报");
  from_title = cz_dossier_dup_display_name (dossier);
  g_assert_cmpstr (from_title, ==, "2026年申报");
}

static void
test_json_round_trip (void)
{
  g_autoptr(CzDossier) sample = cz_sample_dossier_new ();
  g_autoptr(CzDossier) back = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  gsize length;

  g_assert_cmpuint (cz_dossier_get_n_fields (sample), >=, 11);

  data = cz_dossier_to_data (sample, &length);
  g_assert_cmpuint (length, ==, strlen (data));
  back = cz_dossier_new_from_data (data, length, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (cz_dossier_get_id (back), ==, cz_dossier_get_id (sample));
  g_assert_cmpstr (cz_dossier_get_title (back), ==, cz_dossier_get_title (sample));
  ids = cz_dossier_dup_field_ids (sample);
  g_assert_cmpuint (ids->len, ==, cz_dossier_get_n_fields (back));
  for (guint i = 0; i < ids->len; i++)
    g_assert_true (cz_value_equal (cz_dossier_get_value (sample, ids->pdata[i]),
                                   cz_dossier_get_value (back, ids->pdata[i])));

  /* Same dossier, same bytes: archives and diffs rely on it. */
  again = cz_dossier_to_data (back, NULL);
  g_assert_cmpstr (again, ==, data);
}

static void
assert_import_error (const char *data,
                     gssize      length,
                     int         code,
                     const char *expected_fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_dossier_new_from_data (data, length, "“x.json”", &error);

  g_assert_null (dossier);
  g_assert_error (error, CZ_DOSSIER_ERROR, code);
  if (strstr (error->message, expected_fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, expected_fragment);
}

static void
test_import_errors (void)
{
  /* A stray byte on line 3, after 14 characters. */
  assert_import_error ("{\n  \"format\": 1,\n  \"title\": \"\xe4\xb8\xad\xe6\x96\x87\xff\"\n}", -1,
                       CZ_DOSSIER_ERROR_NOT_UTF8, "line 3, column 15");
  assert_import_error ("{\n  \"format\": \"io.github.coopzone.dossier\",\n  \"version\": 1\n  \"fields\": {}\n}", -1,
                       CZ_DOSSIER_ERROR_INVALID_JSON, "line 3, column");
  assert_import_error ("{\"hello\": \"world\"}", -1, CZ_DOSSIER_ERROR_NOT_A_DOSSIER, "not a CoopZone dossier");
  assert_import_error ("[1, 2]", -1, CZ_DOSSIER_ERROR_NOT_A_DOSSIER, "not a CoopZone dossier");
  assert_import_error ("{\"format\": \"io.github.coopzone.dossier\", \"version\": 99, \"fields\": {}}", -1,
                       CZ_DOSSIER_ERROR_NEWER_FORMAT, "newer version");
  assert_import_error ("{\"format\": \"io.github.coopzone.dossier\", \"version\": 1, "
                       "\"fields\": {\"Zone Name\": {\"text\": \"x\"}}}", -1,
                       CZ_DOSSIER_ERROR_INVALID_FIELD, "Zone Name");
  assert_import_error ("{\"format\": \"io.github.coopzone.dossier\", \"version\": 1, "
                       "\"fields\": {\"zone.area_m2\": {\"integer\": \"big\"}}}", -1,
                       CZ_DOSSIER_ERROR_INVALID_FIELD, "zone.area_m2");
  assert_import_error ("", 0, CZ_DOSSIER_ERROR_INVALID_JSON, "x.json");
  assert_import_error (" \n ", -1, CZ_DOSSIER_ERROR_INVALID_JSON, "empty");
}

static void
test_save_to_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cz-dossier-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "导出.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CzDossier) sample = cz_sample_dossier_new ();
  g_autoptr(CzDossier) back = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "previous export", -1, NULL));

  g_assert_true (cz_dossier_save_to_file (sample, file, NULL, &error));
  g_assert_no_error (error);

  back = cz_dossier_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cz_dossier_get_text (back, CZ_FIELD_ZONE_NAME), ==,
                   cz_dossier_get_text (sample, CZ_FIELD_ZONE_NAME));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/field-changed", test_field_changed);
  g_test_add_func ("/dossier/typed-getters", test_typed_getters);
  g_test_add_func ("/dossier/display-name", test_display_name);
  g_test_add_func ("/dossier/json-round-trip", test_json_round_trip);
  g_test_add_func ("/dossier/import-errors", test_import_errors);
  g_test_add_func ("/dossier/save-to-file", test_save_to_file);

  return g_test_run ();
}
