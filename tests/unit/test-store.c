/* test-store.c — dossiers kept safely: durable, shared, never overwritten
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cz-fields.h"
#include "cz-sample.h"
#include "cz-store.h"
#include "cz-store-filings.h"
#include "cz-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cz-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "drafts", "coopzone.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cz_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static CzStore *
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CzStore *store = cz_store_new (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
test_create_list_open (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = open_store (fixture);
  g_autoptr(CzDossier) first = cz_store_create_dossier (store, NULL, &error);
  g_autoptr(CzDossier) second = NULL;
  g_autoptr(CzDossier) again = NULL;
  g_autoptr(GPtrArray) infos = NULL;

  g_assert_no_error (error);
  cz_dossier_set_text (first, CZ_FIELD_ZONE_NAME, "临湖中欧中小企业合作区");
  second = cz_store_create_dossier (store, "第二个", &error);
  g_assert_no_error (error);

  g_assert_true (cz_store_flush (store, &error));
  g_assert_no_error (error);

  infos = cz_store_list_dossiers (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 2);
  for (guint i = 0; i < infos->len; i++)
    {
      CzDossierInfo *info = infos->pdata[i];

      if (g_str_equal (cz_dossier_info_get_id (info), cz_dossier_get_id (first)))
        {
          g_assert_cmpstr (cz_dossier_info_get_display_name (info), ==, "临湖中欧中小企业合作区");
          g_assert_cmpstr (cz_dossier_info_get_zone_name (info), ==, "临湖中欧中小企业合作区");
        }
      else
        g_assert_cmpstr (cz_dossier_info_get_display_name (info), ==, "第二个");
    }

  /* Opening an open dossier gives the same object: two windows share edits. */
  again = cz_store_open_dossier (store, cz_dossier_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_true (again == first);
}

static void
test_survives_reopen (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *partners[] = { "德国", "奥地利", NULL };

  {
    g_autoptr(CzStore) store = open_store (fixture);
    g_autoptr(CzDossier) dossier = cz_store_create_dossier (store, NULL, &error);

    g_assert_no_error (error);
    id = g_strdup (cz_dossier_get_id (dossier));
    cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "临");
    cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "临湖");
    cz_dossier_set_integer (dossier, CZ_FIELD_ZONE_AREA_M2, 48600000);
    cz_dossier_set_text_list (dossier, CZ_FIELD_ZONE_PARTNERS, partners);
    cz_dossier_set_text (dossier, CZ_FIELD_CONTACT_NAME, "王");
    cz_dossier_set_text (dossier, CZ_FIELD_CONTACT_NAME, NULL);
    /* Closing writes what is pending. */
  }

  {
    g_autoptr(CzStore) store = open_store (fixture);
    g_autoptr(CzDossier) dossier = cz_store_open_dossier (store, id, &error);
    gint64 area = 0;

    g_assert_no_error (error);
    g_assert_cmpstr (cz_dossier_get_text (dossier, CZ_FIELD_ZONE_NAME), ==, "临湖");
    g_assert_true (cz_dossier_get_integer (dossier, CZ_FIELD_ZONE_AREA_M2, &area));
    g_assert_cmpint (area, ==, 48600000);
    {
      g_autoptr(CzValue) expected = cz_value_new_text_list (partners);
      g_assert_true (cz_value_equal (cz_dossier_get_value (dossier, CZ_FIELD_ZONE_PARTNERS), expected));
    }
    g_assert_null (cz_dossier_get_value (dossier, CZ_FIELD_CONTACT_NAME));
    g_assert_cmpuint (cz_dossier_get_n_fields (dossier), ==, 3);
  }
}

/* The file format's limits are for files: an answer typed beyond them is a
 * blocker of the input checks, and is still there when the dossier reopens. */
static void
test_keeps_values_past_file_limits (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const gint64 huge = CZ_VALUE_MAX_INTEGER * 10;

  {
    g_autoptr(CzStore) store = open_store (fixture);
    g_autoptr(CzDossier) dossier = cz_store_create_dossier (store, NULL, &error);

    g_assert_no_error (error);
    id = g_strdup (cz_dossier_get_id (dossier));
    cz_dossier_set_integer (dossier, "enterprises.y2024.sme", huge);
  }

  {
    g_autoptr(CzStore) store = open_store (fixture);
    g_autoptr(CzDossier) dossier = cz_store_open_dossier (store, id, &error);
    gint64 number = 0;

    g_assert_no_error (error);
    g_assert_true (cz_dossier_get_integer (dossier, "enterprises.y2024.sme", &number));
    g_assert_cmpint (number, ==, huge);
  }
}

static void
on_saved (CzStore    *store,
          const char *dossier_id,
          guint      *count)
{
  (*count)++;
}

/* Autosave needs no flush: the change becomes durable by itself, soon. */
static void
test_autosave_signals_saved (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = open_store (fixture);
  g_autoptr(CzDossier) dossier = cz_store_create_dossier (store, NULL, &error);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint saved = 0;

  g_assert_no_error (error);
  g_signal_connect (store, "saved", G_CALLBACK (on_saved), &saved);

  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "临湖");
  g_assert_true (cz_store_has_pending (store, cz_dossier_get_id (dossier)));

  while (saved == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (saved, ==, 1);
  g_assert_false (cz_store_has_pending (store, cz_dossier_get_id (dossier)));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* What a window shows as "Saving…" / "All changes saved" is a property of the
 * dossier, set by the store: saving from the change until it is on disk. */
static void
test_save_state_property (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = open_store (fixture);
  g_autoptr(CzDossier) dossier = cz_store_create_dossier (store, NULL, &error);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint notified = 0;

  g_assert_no_error (error);
  g_assert_cmpint (cz_dossier_get_save_state (dossier), ==, CZ_SAVE_STATE_SAVED);
  g_signal_connect (dossier, "notify::save-state", G_CALLBACK (count_notify), &notified);

  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "临湖");
  g_assert_cmpint (cz_dossier_get_save_state (dossier), ==, CZ_SAVE_STATE_SAVING);
  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "临湖中欧");
  g_assert_cmpuint (notified, ==, 1);

  while (cz_dossier_get_save_state (dossier) != CZ_SAVE_STATE_SAVED && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (cz_dossier_get_save_state (dossier), ==, CZ_SAVE_STATE_SAVED);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (cz_dossier_get_save_error (dossier));
  g_assert_false (cz_store_has_pending (store, cz_dossier_get_id (dossier)));
}

/* The process is killed the instant the store says "saved"; the change must
 * be in the database when it is opened again. */
static void
test_sigkill_after_saved (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  int fds[2];
  pid_t pid;
  char byte = 0;
  int status = 0;

  {
    g_autoptr(CzStore) store = open_store (fixture);
    g_autoptr(CzDossier) dossier = cz_store_create_dossier (store, NULL, &error);

    g_assert_no_error (error);
    id = g_strdup (cz_dossier_get_id (dossier));
  }

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      g_autoptr(CzStore) store = cz_store_new (fixture->path, NULL);
      g_autoptr(CzDossier) dossier = cz_store_open_dossier (store, id, NULL);
      guint saved = 0;

      close (fds[0]);
      g_signal_connect (store, "saved", G_CALLBACK (on_saved), &saved);
      cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "保存后立即终止");
      while (saved == 0)
        g_main_context_iteration (NULL, TRUE);
      if (write (fds[1], "s", 1) != 1)
        _exit (3);
      for (;;)
        pause ();
    }

  close (fds[1]);
  g_assert_cmpint (read (fds[0], &byte, 1), ==, 1);
  g_assert_cmpint (byte, ==, 's');
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  close (fds[0]);

  {
    g_autoptr(CzStore) store = open_store (fixture);
    g_autoptr(CzDossier) dossier = cz_store_open_dossier (store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cz_dossier_get_text (dossier, CZ_FIELD_ZONE_NAME), ==, "保存后立即终止");
  }
}

/* Two connections (another window's process, the CLI) editing one dossier:
 * each field is its own row, so neither overwrites the other's answer. */
static void
test_two_writers_keep_both (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) a = open_store (fixture);
  g_autoptr(CzStore) b = open_store (fixture);
  g_autoptr(CzDossier) in_a = cz_store_create_dossier (a, NULL, &error);
  g_autoptr(CzDossier) in_b = NULL;

  g_assert_no_error (error);
  in_b = cz_store_open_dossier (b, cz_dossier_get_id (in_a), &error);
  g_assert_no_error (error);
  g_assert_true (in_a != in_b);

  cz_dossier_set_text (in_a, CZ_FIELD_ZONE_NAME, "A 写的名称");
  cz_dossier_set_text (in_b, CZ_FIELD_CONTACT_NAME, "B 写的联系人");
  g_assert_true (cz_store_flush (b, &error));
  g_assert_true (cz_store_flush (a, &error));
  g_assert_no_error (error);

  {
    g_autoptr(CzStore) c = open_store (fixture);
    g_autoptr(CzDossier) reread = cz_store_open_dossier (c, cz_dossier_get_id (in_a), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cz_dossier_get_text (reread, CZ_FIELD_ZONE_NAME), ==, "A 写的名称");
    g_assert_cmpstr (cz_dossier_get_text (reread, CZ_FIELD_CONTACT_NAME), ==, "B 写的联系人");
  }
}

static void
test_rename_duplicate_delete (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = open_store (fixture);
  g_autoptr(CzDossier) original = cz_store_create_dossier (store, "原件", &error);
  g_autoptr(CzDossier) copy = NULL;
  g_autoptr(CzDossier) gone = NULL;
  g_autoptr(GPtrArray) infos = NULL;

  g_assert_no_error (error);
  cz_dossier_set_text (original, CZ_FIELD_ZONE_NAME, "临湖");

  g_assert_true (cz_store_rename_dossier (store, cz_dossier_get_id (original), "改名后", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cz_dossier_get_title (original), ==, "改名后");

  /* Duplicating sees the pending edit, and the copy is independent. */
  copy = cz_store_duplicate_dossier (store, cz_dossier_get_id (original), "副本", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cz_dossier_get_id (copy), !=, cz_dossier_get_id (original));
  g_assert_cmpstr (cz_dossier_get_text (copy, CZ_FIELD_ZONE_NAME), ==, "临湖");
  cz_dossier_set_text (copy, CZ_FIELD_ZONE_NAME, "只改副本");
  g_assert_cmpstr (cz_dossier_get_text (original, CZ_FIELD_ZONE_NAME), ==, "临湖");

  g_assert_true (cz_store_delete_dossier (store, cz_dossier_get_id (original), &error));
  g_assert_no_error (error);
  /* Edits to a deleted dossier go nowhere and break nothing. */
  cz_dossier_set_text (original, CZ_FIELD_ZONE_NAME, "已删除");
  g_assert_true (cz_store_flush (store, &error));
  g_assert_no_error (error);

  infos = cz_store_list_dossiers (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 1);
  g_assert_cmpstr (cz_dossier_info_get_display_name (infos->pdata[0]), ==, "副本");

  gone = cz_store_open_dossier (store, cz_dossier_get_id (original), &error);
  g_assert_null (gone);
  g_assert_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (cz_store_rename_dossier (store, "no-such-id", "x", &error));
  g_assert_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_NOT_FOUND);
}

static void
test_audit_trail (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *id = NULL;
  sqlite3 *db = NULL;
  CzAuditEntry *last;

  {
    g_autoptr(CzStore) store = open_store (fixture);
    g_autoptr(CzDossier) dossier = cz_store_create_dossier (store, NULL, &error);

    id = g_strdup (cz_dossier_get_id (dossier));
    cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "旧名");
    g_assert_true (cz_store_flush (store, &error));
    /* Several keystrokes between two saves make one audit row. */
    cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "新");
    cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "新名");
    g_assert_true (cz_store_flush (store, &error));
    g_assert_true (cz_store_delete_dossier (store, id, &error));
    g_assert_no_error (error);

    entries = cz_store_dup_audit (store, id, &error);
    g_assert_no_error (error);
  }

  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpstr (((CzAuditEntry *) entries->pdata[0])->action, ==, "create");
  g_assert_cmpstr (((CzAuditEntry *) entries->pdata[1])->action, ==, "set");
  g_assert_null (((CzAuditEntry *) entries->pdata[1])->old_value);
  last = entries->pdata[2];
  g_assert_cmpstr (last->field_id, ==, CZ_FIELD_ZONE_NAME);
  g_assert_cmpstr (last->old_value, ==, "{\"text\":\"旧名\"}");
  g_assert_cmpstr (last->new_value, ==, "{\"text\":\"新名\"}");
  g_assert_nonnull (last->changed_at);
  g_assert_cmpstr (((CzAuditEntry *) entries->pdata[3])->action, ==, "delete");

  /* Append-only, even for someone with the database in hand. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET new_value = 'forged'", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
test_newer_schema_refused_untouched (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CzStore) store = NULL;
  sqlite3 *db = NULL;

  {
    g_autofree char *folder = g_path_get_dirname (fixture->path);
    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  }
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 7;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (fixture->path);

  store = cz_store_new (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_nonnull (strstr (error->message, fixture->path));

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_corrupt_moved_aside (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(GDir) dir = NULL;
  const char *garbage = "This is not a database. It is what a crashed USB stick leaves behind.";
  const char *name;
  gboolean found_aside = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, garbage, -1, NULL));

  store = cz_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cz_store_get_recovery_message (store));
  g_assert_nonnull (strstr (cz_store_get_recovery_message (store), "damaged"));

  /* The new store works, and is empty. */
  infos = cz_store_list_dossiers (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 0);

  /* The damaged bytes are kept, byte for byte, beside it. */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, "coopzone.db.damaged-") && !g_str_has_suffix (name, "-wal") &&
        !g_str_has_suffix (name, "-shm"))
      {
        g_autofree char *aside = g_build_filename (folder, name, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (aside, &contents, NULL, NULL));
        g_assert_cmpstr (contents, ==, garbage);
        g_assert_nonnull (strstr (cz_store_get_recovery_message (store), aside));
        found_aside = TRUE;
      }
  g_assert_true (found_aside);
}

static void
on_listed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cz_store_list_dossiers_finish (CZ_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
on_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CzDossier **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cz_store_open_dossier_finish (CZ_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_async_and_import (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = open_store (fixture);
  g_autoptr(CzDossier) sample = cz_sample_dossier_new ();
  g_autoptr(CzDossier) imported = cz_store_import_dossier (store, sample, &error);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(CzDossier) opened = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cz_dossier_get_id (imported), !=, cz_dossier_get_id (sample));
  g_assert_cmpuint (cz_dossier_get_n_fields (imported), ==, cz_dossier_get_n_fields (sample));

  cz_store_list_dossiers_async (store, NULL, on_listed, &infos);
  while (infos == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (infos->len, ==, 1);
  g_assert_cmpstr (cz_dossier_info_get_display_name (infos->pdata[0]), ==, cz_dossier_get_title (sample));

  cz_store_open_dossier_async (store, cz_dossier_get_id (imported), NULL, on_opened, &opened);
  while (opened == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (opened == imported);
}

/* A title set on the dossier itself is saved off the UI thread, like a field. */
static void
test_title_on_dossier_saved (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  {
    g_autoptr(CzStore) store = open_store (fixture);
    g_autoptr(CzDossier) dossier = cz_store_create_dossier (store, "旧标题", &error);

    g_assert_no_error (error);
    id = g_strdup (cz_dossier_get_id (dossier));
    cz_dossier_set_title (dossier, "新标题");
    g_assert_true (cz_store_flush (store, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(CzStore) store = open_store (fixture);
    g_autoptr(CzDossier) dossier = cz_store_open_dossier (store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cz_dossier_get_title (dossier), ==, "新标题");
  }
}

/* A zone record's filings: kept by key, replaced in place, audited like an
 * edit, gone with their dossier; a version-1 database gains the table. */
static void
test_filings (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) filings = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *id = NULL;
  CzStoredFiling *filing;
  CzAuditEntry *last;
  sqlite3 *db;

  /* A database written by the version before filings existed. */
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  {
    g_autofree char *folder = g_path_get_dirname (fixture->path);
    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  }
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE dossiers (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '',"
                                 " created_at TEXT NOT NULL, modified_at TEXT NOT NULL);"
                                 "CREATE TABLE fields (dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,"
                                 " field_id TEXT NOT NULL, value TEXT NOT NULL, modified_at TEXT NOT NULL,"
                                 " PRIMARY KEY (dossier_id, field_id)) WITHOUT ROWID;"
                                 "CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, dossier_id TEXT NOT NULL,"
                                 " action TEXT NOT NULL, field_id TEXT, old_value TEXT, new_value TEXT, changed_at TEXT NOT NULL);"
                                 "INSERT INTO dossiers VALUES ('old', '旧档案', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
                                 "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(CzStore) store = open_store (fixture);
    g_autoptr(CzDossier) dossier = cz_store_create_dossier (store, "合作区", &error);

    g_assert_no_error (error);
    id = g_strdup (cz_dossier_get_id (dossier));
    g_assert_true (cz_store_save_filing (store, "old", "review", "review", "{\"kind\":\"review\"}", &error));
    g_assert_no_error (error);
    g_assert_true (cz_store_save_filing (store, id, "annual-report/2025", "annual-report", "{\"year\":2025}", &error));
    g_assert_true (cz_store_save_filing (store, id, "annual-report/2025", "annual-report", "{\"year\":2025,\"submitted\":\"2026-03-20\"}", &error));
    g_assert_no_error (error);
    /* No such dossier. */
    g_assert_false (cz_store_save_filing (store, "nobody", "review", "review", "{}", &error));
    g_assert_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);

    filings = cz_store_list_filings (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (filings->len, ==, 1);
    filing = filings->pdata[0];
    g_assert_cmpstr (filing->key, ==, "annual-report/2025");
    g_assert_cmpstr (filing->data, ==, "{\"year\":2025,\"submitted\":\"2026-03-20\"}");
    g_clear_pointer (&filings, g_ptr_array_unref);

    entries = cz_store_dup_audit (store, id, &error);
    last = entries->pdata[entries->len - 1];
    g_assert_cmpstr (last->action, ==, "filing");
    g_assert_cmpstr (last->field_id, ==, "annual-report/2025");
    g_assert_cmpstr (last->old_value, ==, "{\"year\":2025}");

    g_assert_true (cz_store_delete_dossier (store, id, &error));
    filings = cz_store_list_filings (store, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (filings->len, ==, 1);
    g_assert_cmpstr (((CzStoredFiling *) filings->pdata[0])->dossier_id, ==, "old");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/create-list-open", test_create_list_open);
  ADD ("/store/survives-reopen", test_survives_reopen);
  ADD ("/store/keeps-values-past-file-limits", test_keeps_values_past_file_limits);
  ADD ("/store/autosave-signals-saved", test_autosave_signals_saved);
  ADD ("/store/save-state-property", test_save_state_property);
  ADD ("/store/sigkill-after-saved", test_sigkill_after_saved);
  ADD ("/store/two-writers-keep-both", test_two_writers_keep_both);
  ADD ("/store/rename-duplicate-delete", test_rename_duplicate_delete);
  ADD ("/store/audit-trail", test_audit_trail);
  ADD ("/store/newer-schema-refused-untouched", test_newer_schema_refused_untouched);
  ADD ("/store/corrupt-moved-aside", test_corrupt_moved_aside);
  ADD ("/store/async-and-import", test_async_and_import);
  ADD ("/store/title-on-dossier-saved", test_title_on_dossier_saved);
  ADD ("/store/filings", test_filings);
#undef ADD

  return g_test_run ();
}
