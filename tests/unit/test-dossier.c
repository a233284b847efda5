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

static char *
dossier_with_fields (const char *fields)
{
  return g_strdup_printf ("{\"format\": \"io.github.coopzone.dossier\", \"version\": 1, "
                          "\"fields\": {%s}}", fields);
}

static void
assert_field_refused (const char *fields,
                      const char *field_id)
{
  g_autofree char *data = dossier_with_fields (fields);

  assert_import_error (data, -1, CZ_DOSSIER_ERROR_INVALID_FIELD, field_id);
}

static CzDossier *
import_fields (const char *fields)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = dossier_with_fields (fields);
  CzDossier *dossier = cz_dossier_new_from_data (data, -1, "“x.json”", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  return dossier;
}

/* json-glib reads "\ud800" as bytes that are not UTF-8 and "\u0000" as the
 * end of the text; an import is all or nothing, so both are refused. */
static void
test_import_invalid_text (void)
{
  g_autoptr(CzDossier) pair = NULL;
  g_autoptr(CzDossier) escaped = NULL;
  g_auto(GStrv) list = NULL;

  assert_field_refused ("\"zone.name\": {\"text\": \"a\\ud800b\"}", "zone.name");
  assert_field_refused ("\"zone.name\": {\"text\": \"a\\udc00b\"}", "zone.name");
  assert_field_refused ("\"zone.name\": {\"text\": \"a\\ud800\\u0041\"}", "zone.name");
  assert_field_refused ("\"zone.partners\": {\"text_list\": [\"德国\", \"a\\ud800b\", \"法国\"]}",
                        "zone.partners");
  assert_field_refused ("\"zone.name\": {\"text\": \"a\\u0000b\"}", "zone.name");
  assert_field_refused ("\"zone.partners\": {\"text_list\": [\"德国\\u0000法国\"]}", "zone.partners");
  assert_field_refused ("\"boundary.functional_areas\": {\"records\": [{\"name\": \"\\udfff\"}]}",
                        "boundary.functional_areas");
  assert_import_error ("{\"format\": \"io.github.coopzone.dossier\", \"version\": 1, "
                       "\"title\": \"x\\u0000\", \"fields\": {}}", -1,
                       CZ_DOSSIER_ERROR_INVALID_JSON, "line 1, column");

  /* A complete pair is a character, and an escaped backslash is not an escape. */
  pair = import_fields ("\"zone.name\": {\"text\": \"a\\ud83d\\ude00b\"}, "
                        "\"zone.partners\": {\"text_list\": [\"德国\", \"\\u00e9\", \"法国\"]}");
  g_assert_cmpstr (cz_dossier_get_text (pair, CZ_FIELD_ZONE_NAME), ==, "a\U0001F600b");
  list = (GStrv) cz_dossier_dup_text_list (pair, CZ_FIELD_ZONE_PARTNERS);
  g_assert_cmpuint (g_strv_length (list), ==, 3);
  g_assert_cmpstr (list[1], ==, "é");
  escaped = import_fields ("\"zone.name\": {\"text\": \"a\\\\u0000b\"}");
  g_assert_cmpstr (cz_dossier_get_text (escaped, CZ_FIELD_ZONE_NAME), ==, "a\\u0000b");
}

/* The value layer sees a parsed tree (the store, an archive's dossier.json):
 * it refuses text that is not UTF-8 with an error instead of returning NULL. */
static void
test_value_invalid_text (void)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CzValue) value = NULL;

  json_object_set_string_member (object, "text", "a\xed\xa0\x80" "b");
  json_node_set_object (node, object);
  value = cz_value_new_from_json (node, &error);
  g_assert_null (value);
  g_assert_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_INVALID_FIELD);
}

static void
test_import_number_limits (void)
{
  g_autoptr(CzDossier) at_limits = NULL;
  gint64 number = 0;

  /* json-glib wraps these to +9223372036854775807, −1 and 1. */
  assert_field_refused ("\"zone.area_m2\": {\"integer\": -9223372036854775809}", "zone.area_m2");
  assert_field_refused ("\"zone.area_m2\": {\"integer\": 18446744073709551617}", "zone.area_m2");
  assert_field_refused ("\"revenue.y2024.total\": {\"money_fen\": -18446744073709551615}", "revenue.y2024.total");
  assert_field_refused ("\"zone.area_m2\": {\"integer\": 9223372036854775807}", "zone.area_m2");

  /* The documented ranges, both sides. */
  assert_field_refused ("\"enterprises.y2024.sme\": {\"integer\": 1000000000000001}", "enterprises.y2024.sme");
  assert_field_refused ("\"enterprises.y2024.sme\": {\"integer\": -1000000000000001}", "enterprises.y2024.sme");
  assert_field_refused ("\"revenue.y2024.total\": {\"money_fen\": 10000000000000001}", "revenue.y2024.total");
  assert_field_refused ("\"incidents.production_safety.list\": {\"records\": "
                        "[{\"direct_loss_fen\": 10000000000000001}]}", "incidents.production_safety.list");
  at_limits = import_fields ("\"enterprises.y2024.sme\": {\"integer\": 1000000000000000}, "
                             "\"enterprises.y2024.total\": {\"integer\": -1000000000000000}, "
                             "\"revenue.y2024.total\": {\"money_fen\": 10000000000000000}, "
                             "\"incidents.production_safety.list\": {\"records\": "
                             "[{\"direct_loss_fen\": -10000000000000000}]}");
  g_assert_true (cz_dossier_get_integer (at_limits, "enterprises.y2024.sme", &number));
  g_assert_cmpint (number, ==, G_GINT64_CONSTANT (1000000000000000));
  g_assert_true (cz_dossier_get_money (at_limits, "revenue.y2024.total", &number));
  g_assert_cmpint (number, ==, G_GINT64_CONSTANT (10000000000000000));
}

static char *
repeat_joined (const char *item,
               guint       n)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, item);
    }
  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
assert_list_limit (const char *field_id,
                   const char *kind,
                   const char *item,
                   guint       limit)
{
  g_autofree char *items_ok = repeat_joined (item, limit);
  g_autofree char *items_over = repeat_joined (item, limit + 1);
  g_autofree char *ok = g_strdup_printf ("\"%s\": {\"%s\": [%s]}", field_id, kind, items_ok);
  g_autofree char *over = g_strdup_printf ("\"%s\": {\"%s\": [%s]}", field_id, kind, items_over);
  g_autoptr(CzDossier) dossier = import_fields (ok);

  g_assert_nonnull (cz_dossier_get_value (dossier, field_id));
  assert_field_refused (over, field_id);
}

static void
test_import_size_limits (void)
{
  g_autofree char *long_text = g_strnfill (CZ_VALUE_MAX_TEXT_BYTES, 'x');
  g_autofree char *text_ok = g_strdup_printf ("\"zone.name\": {\"text\": \"%s\"}", long_text);
  g_autofree char *text_over = g_strdup_printf ("\"zone.name\": {\"text\": \"%sy\"}", long_text);
  g_autoptr(CzDossier) dossier = import_fields (text_ok);
  g_autoptr(GString) members = g_string_new ("{");

  assert_field_refused (text_over, "zone.name");
  assert_list_limit ("zone.partners", "text_list", "\"德国\"", CZ_VALUE_MAX_LIST_ITEMS);
  assert_list_limit ("incidents.production_safety.list", "records", "{\"deaths\": 1}", CZ_VALUE_MAX_RECORDS);

  for (guint i = 0; i < CZ_VALUE_MAX_RECORD_MEMBERS; i++)
    g_string_append_printf (members, "%s\"m%u\": %u", i ? ", " : "", i, i);
  {
    g_autofree char *ok = g_strdup_printf ("\"boundary.functional_areas\": {\"records\": [%s}]}", members->str);
    g_autofree char *over = g_strdup_printf ("\"boundary.functional_areas\": {\"records\": [%s, \"extra\": 1}]}",
                                             members->str);
    g_autoptr(CzDossier) wide = import_fields (ok);

    g_assert_nonnull (wide);
    assert_field_refused (over, "boundary.functional_areas");
  }
}

static void
test_import_unknown_fields (void)
{
  g_autoptr(CzDossier) dossier =
    import_fields ("\"zone.name\": {\"text\": \"临湖\"}, \"evidence.files\": {\"records\": []}, "
                   "\"indicators.little_giants\": {\"integer\": 2}, \"indicators.from_next_pack\": {\"integer\": 2}, "
                   "\"zone.motto\": {\"text\": \"x\"}, \"revenue.y2099.total\": {\"money_fen\": 1}");
  g_autoptr(GPtrArray) unknown = cz_dossier_dup_unknown_field_ids (dossier);
  g_autofree char *message = cz_dossier_dup_unknown_fields_message (dossier);
  g_autoptr(CzDossier) known = import_fields ("\"zone.name\": {\"text\": \"临湖\"}");
  g_autofree char *no_message = cz_dossier_dup_unknown_fields_message (known);

  /* Kept (nothing is lost), and named. */
  g_assert_cmpuint (cz_dossier_get_n_fields (dossier), ==, 6);
  g_assert_cmpuint (unknown->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (unknown, 0), ==, "revenue.y2099.total");
  g_assert_cmpstr (g_ptr_array_index (unknown, 1), ==, "zone.motto");
  g_assert_nonnull (strstr (message, "revenue.y2099.total, zone.motto"));
  g_assert_null (no_message);

  /* Every field CoopZone itself writes is known. */
  {
    g_autoptr(CzDossier) sample = cz_sample_dossier_new ();
    g_autoptr(GPtrArray) none = cz_dossier_dup_unknown_field_ids (sample);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* Quarks are never freed: a field id read from a file must not become one. */
static void
test_field_ids_are_not_quarks (void)
{
  g_autoptr(CzDossier) dossier = import_fields ("\"zone.never_a_quark_1\": {\"text\": \"x\"}");
  Changes changes = { 0 };

  g_signal_connect (dossier, "field-changed", G_CALLBACK (on_field_changed), &changes);
  cz_dossier_set_text (dossier, "zone.never_a_quark_1", "y");
  cz_dossier_set_text (dossier, "zone.never_a_quark_2", "z");
  cz_dossier_clear (dossier, "zone.never_a_quark_2");
  g_assert_cmpuint (changes.count, ==, 3);
  g_assert_cmpuint (g_quark_try_string ("zone.never_a_quark_1"), ==, 0);
  g_assert_cmpuint (g_quark_try_string ("zone.never_a_quark_2"), ==, 0);
  changes_clear (&changes);
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
  g_test_add_func ("/dossier/import-invalid-text", test_import_invalid_text);
  g_test_add_func ("/dossier/value-invalid-text", test_value_invalid_text);
  g_test_add_func ("/dossier/import-number-limits", test_import_number_limits);
  g_test_add_func ("/dossier/import-size-limits", test_import_size_limits);
  g_test_add_func ("/dossier/import-unknown-fields", test_import_unknown_fields);
  g_test_add_func ("/dossier/field-ids-are-not-quarks", test_field_ids_are_not_quarks);
  g_test_add_func ("/dossier/save-to-file", test_save_to_file);

  return g_test_run ();
}
