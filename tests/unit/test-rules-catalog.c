/* test-rules-catalog.c — which rules pack is in use, and installing a newer one
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cz-fields.h"
#include "cz-rules-catalog.h"

static char *data_home;

/* The built-in pack of 2025 with another id and a lower revenue threshold:
 * what a province might distribute. */
static GBytes *
provincial_pack (const char *id)
{
  g_autoptr(GBytes) builtin = g_resources_lookup_data ("/io/github/coopzone/CoopZone/core/rules/2025.json",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root;
  char *data;
  gsize length;

  g_assert_nonnull (builtin);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (builtin, NULL),
                                             g_bytes_get_size (builtin), NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "id", id);
  json_object_set_int_member (json_object_get_object_member (root, "thresholds"),
                              "revenue_min_fen", G_GINT64_CONSTANT (800000000000));
  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

static void
remove_installed (void)
{
  g_autofree char *dir = cz_rules_dup_install_dir ();
  g_autofree char *path = g_build_filename (dir, "2025.json", NULL);

  g_remove (path);
}

static void
test_builtin_by_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRules) in_use = NULL;
  g_autoptr(CzRules) builtin = cz_rules_new_builtin (2025, &error);
  g_autoptr(CzRules) far_year = NULL;

  remove_installed ();
  in_use = cz_rules_dup_for_year (2025, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cz_rules_get_sha256 (in_use), ==, cz_rules_get_sha256 (builtin));

  /* A year with no pack of its own falls back to the newest built-in one. */
  far_year = cz_rules_dup_for_year (2039, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cz_rules_get_year (far_year), ==, CZ_RULES_BUILTIN_YEAR);
}

static void
test_install_takes_over (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pack = provincial_pack ("province.jiangsu.2025");
  g_autoptr(CzRules) installed = NULL;
  g_autoptr(CzRules) in_use = NULL;
  g_autoptr(CzRules) for_dossier = NULL;
  g_autoptr(CzDossier) dossier = cz_dossier_new (NULL);

  remove_installed ();
  installed = cz_rules_install (pack, "jiangsu.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cz_rules_get_id (installed), ==, "province.jiangsu.2025");

  in_use = cz_rules_dup_for_year (2025, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cz_rules_get_id (in_use), ==, "province.jiangsu.2025");
  g_assert_cmpint (cz_rules_get_revenue_threshold_fen (in_use), ==, G_GINT64_CONSTANT (800000000000));

  cz_dossier_set_integer (dossier, CZ_FIELD_APPLICATION_YEAR, 2025);
  for_dossier = cz_rules_dup_for_dossier (dossier, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cz_rules_get_sha256 (for_dossier), ==, cz_rules_get_sha256 (installed));
  remove_installed ();
}

static void
test_bad_pack_changes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) good = provincial_pack ("province.good.2025");
  g_autoptr(GBytes) not_json = g_bytes_new_static ("{ this is not", 13);
  g_autoptr(GBytes) not_pack = g_bytes_new_static ("{\"hello\": 1}", 12);
  g_autoptr(CzRules) installed = NULL;
  g_autoptr(CzRules) refused = NULL;
  g_autoptr(CzRules) in_use = NULL;

  remove_installed ();
  installed = cz_rules_install (good, "good.json", &error);
  g_assert_no_error (error);

  refused = cz_rules_install (not_json, "broken.json", &error);
  g_assert_null (refused);
  g_assert_error (error, CZ_RULES_ERROR, CZ_RULES_ERROR_INVALID_JSON);
  g_assert_nonnull (strstr (error->message, "broken.json"));
  g_clear_error (&error);

  refused = cz_rules_install (not_pack, "other.json", &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "other.json"));
  g_clear_error (&error);

  in_use = cz_rules_dup_for_year (2025, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cz_rules_get_id (in_use), ==, "province.good.2025");
  remove_installed ();
}

static void
test_damaged_install_falls_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cz_rules_dup_install_dir ();
  g_autofree char *path = g_build_filename (dir, "2025.json", NULL);
  g_autoptr(CzRules) in_use = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{ damaged", -1, NULL));

  g_test_expect_message ("CoopZone-Core", G_LOG_LEVEL_WARNING, "*Ignoring the installed rules pack*");
  in_use = cz_rules_dup_for_year (2025, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpstr (cz_rules_get_id (in_use), ==, "cn.miit.coopzone.2025");
  remove_installed ();
}

static void
on_installed (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;
  CzRules *rules = cz_rules_install_finish (result, error);

  g_clear_object (&rules);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "installed");
}

static void
test_install_async_from_file (void)
{
  g_autofree char *path = g_build_filename (data_home, "pack.json", NULL);
  g_autoptr(GBytes) pack = provincial_pack ("province.async.2025");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRules) in_use = NULL;

  remove_installed ();
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pack, NULL), g_bytes_get_size (pack), NULL));
  cz_rules_install_async (file, NULL, on_installed, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* on_installed marks success with G_IO_ERROR_EXISTS so the loop can stop. */
  g_assert_error (done, G_IO_ERROR, G_IO_ERROR_EXISTS);

  in_use = cz_rules_dup_for_year (2025, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cz_rules_get_id (in_use), ==, "province.async.2025");
  remove_installed ();
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything asks GLib for the user data dir, which it caches. */
  data_home = g_dir_make_tmp ("cz-rules-catalog-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules-catalog/builtin-by-default", test_builtin_by_default);
  g_test_add_func ("/rules-catalog/install-takes-over", test_install_takes_over);
  g_test_add_func ("/rules-catalog/bad-pack-changes-nothing", test_bad_pack_changes_nothing);
  g_test_add_func ("/rules-catalog/damaged-install-falls-back", test_damaged_install_falls_back);
  g_test_add_func ("/rules-catalog/install-async-from-file", test_install_async_from_file);

  status = g_test_run ();

  {
    g_autofree char *rules_dir = g_build_filename (data_home, DATA_FOLDER, "rules", NULL);
    g_autofree char *coopzone_dir = g_build_filename (data_home, DATA_FOLDER, NULL);
    g_rmdir (rules_dir);
    g_rmdir (coopzone_dir);
    g_rmdir (data_home);
  }
  return status;
}
