/* cz-rules-catalog.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cz-fields.h"
#include "cz-rules-catalog.h"

/* A pack file bigger than this is not a rules pack. */
#define MAX_PACK_SIZE (4 * 1024 * 1024)

/**
 * cz_rules_dup_install_dir:
 *
 * `$XDG_DATA_HOME/coopzone/rules`, beside the drafts database.
 */
char *
cz_rules_dup_install_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), DATA_FOLDER, "rules", NULL);
}

static char *
installed_path (guint year)
{
  g_autofree char *dir = cz_rules_dup_install_dir ();
  g_autofree char *name = g_strdup_printf ("%u.json", year);

  return g_build_filename (dir, name, NULL);
}

/**
 * cz_rules_dup_for_year:
 *
 * The pack in use for the call @year: an installed pack if there is a valid
 * one, else the built-in pack of that year, else the newest built-in one.
 */
CzRules *
cz_rules_dup_for_year (guint    year,
                       GError **error)
{
  g_autofree char *path = installed_path (year);
  CzRules *rules = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) local_error = NULL;

      rules = cz_rules_new_from_file (file, &local_error);
      if (rules != NULL)
        return rules;
      /* It was checked when installed; if it broke since, the built-in pack still works. */
      g_warning ("Ignoring the installed rules pack %s: %s", path, local_error->message);
    }

  rules = cz_rules_new_builtin (year, NULL);
  if (rules == NULL)
    rules = cz_rules_new_builtin (CZ_RULES_BUILTIN_YEAR, error);
  return rules;
}

/**
 * cz_rules_dup_for_dossier:
 *
 * The pack in use for the dossier's call year (`application.year`), or for
 * the newest built-in year when the dossier does not say.
 */
CzRules *
cz_rules_dup_for_dossier (CzDossier  *dossier,
                          GError    **error)
{
  gint64 year = 0;

  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), NULL);

  if (!cz_dossier_get_integer (dossier, CZ_FIELD_APPLICATION_YEAR, &year) ||
      year < CZ_FIELDS_FIRST_YEAR || year > CZ_FIELDS_LAST_YEAR)
    year = CZ_RULES_BUILTIN_YEAR;
  return cz_rules_dup_for_year ((guint) year, error);
}

/**
 * cz_rules_record_in_dossier:
 *
 * Records @rules as the pack the dossier is prepared with (its id and
 * SHA-256). Call it where a pack is chosen — a dossier started, a pack
 * loaded, a dossier packed — never from a check: checking changes nothing.
 * Recording the pack already recorded changes nothing either.
 */
void
cz_rules_record_in_dossier (CzRules   *rules,
                            CzDossier *dossier)
{
  g_return_if_fail (CZ_IS_RULES (rules));
  g_return_if_fail (CZ_IS_DOSSIER (dossier));

  cz_dossier_set_text (dossier, CZ_FIELD_RULES_PACK_ID, cz_rules_get_id (rules));
  cz_dossier_set_text (dossier, CZ_FIELD_RULES_PACK_SHA256, cz_rules_get_sha256 (rules));
}

/**
 * cz_rules_record_for_dossier:
 *
 * Records the pack in use for the dossier's call year (cz_rules_dup_for_dossier)
 * in it, as a dossier is started.
 *
 * Returns: (transfer full) (nullable): the pack recorded
 */
CzRules *
cz_rules_record_for_dossier (CzDossier  *dossier,
                             GError    **error)
{
  CzRules *rules = cz_rules_dup_for_dossier (dossier, error);

  if (rules != NULL)
    cz_rules_record_in_dossier (rules, dossier);
  return rules;
}

/**
 * cz_rules_install:
 * @source_name: (nullable): the file the pack came from, for messages
 *
 * Checks the pack and, when it is valid, installs it for its call year,
 * replacing any pack installed for that year. A pack that does not load is
 * refused and nothing changes.
 *
 * Returns: (transfer full): the installed pack
 */
CzRules *
cz_rules_install (GBytes      *bytes,
                  const char  *source_name,
                  GError     **error)
{
  g_autoptr(CzRules) rules = NULL;
  g_autofree char *dir = cz_rules_dup_install_dir ();
  g_autofree char *path = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  rules = cz_rules_new_from_bytes (bytes, source_name, error);
  if (rules == NULL)
    return NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s” for rules packs: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }

  path = installed_path (cz_rules_get_year (rules));
  data = g_bytes_get_data (bytes, &length);
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, error))
    return NULL;

  return g_steal_pointer (&rules);
}

static void
install_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  GError *error = NULL;
  CzRules *rules;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_file_info_get_size (info) > MAX_PACK_SIZE)
    {
      g_task_return_new_error (task, CZ_RULES_ERROR, CZ_RULES_ERROR_NOT_A_PACK,
                               _("“%s” is too large to be a rules pack (more than 4 MB)."), name);
      return;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  rules = cz_rules_install (bytes, name, &error);
  if (rules == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rules, g_object_unref);
}

void
cz_rules_install_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cz_rules_install_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, install_in_thread);
}

CzRules *
cz_rules_install_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
