/* cz-store-db.c — the drafts database: open, check, migrate, move aside; SQL helpers
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cz-fields.h"
#include "cz-store-private.h"

char *
store_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

GDateTime *
store_parse_iso (const char *text)
{
  if (text == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

/* ---------------------------------------------------------------------- */
/* SQL helpers (worker thread, or the creating thread before it starts)      */

gboolean
store_set_sql_error (CzStore  *self,
                     GError  **error)
{
  int code = sqlite3_errcode (self->db);
  int domain_code = (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) ? CZ_STORE_ERROR_CORRUPT
                                                                       : CZ_STORE_ERROR_IO;

  g_set_error (error, CZ_STORE_ERROR, domain_code,
               /* Translators: %s is a file path, then SQLite's own message */
               _("Could not read or write the drafts database “%s”: %s. "
                 "Check that the disk is not full and the file is writable."),
               self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
store_exec_sql (CzStore     *self,
                const char  *sql,
                GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return store_set_sql_error (self, error);
  return TRUE;
}

sqlite3_stmt *
store_prepare (CzStore     *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      store_set_sql_error (self, error);
      return NULL;
    }
  return stmt;
}


void
store_bind_text (sqlite3_stmt *stmt,
                 int           index,
                 const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
store_step_done (CzStore       *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return store_set_sql_error (self, error);
  return TRUE;
}

gboolean
store_append_audit (CzStore     *self,
                    const char  *dossier_id,
                    const char  *action,
                    const char  *field_id,
                    const char  *old_value,
                    const char  *new_value,
                    const char  *changed_at,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = store_prepare (self,
                        "INSERT INTO audit (dossier_id, action, field_id, old_value, new_value, changed_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, dossier_id);
  store_bind_text (stmt, 2, action);
  store_bind_text (stmt, 3, field_id);
  store_bind_text (stmt, 4, old_value);
  store_bind_text (stmt, 5, new_value);
  store_bind_text (stmt, 6, changed_at);
  return store_step_done (self, stmt, error);
}

static const char *migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE dossiers ("
  "  id          TEXT PRIMARY KEY,"
  "  title       TEXT NOT NULL DEFAULT '',"
  "  created_at  TEXT NOT NULL,"
  "  modified_at TEXT NOT NULL"
  ");"
  "CREATE TABLE fields ("
  "  dossier_id  TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,"
  "  field_id    TEXT NOT NULL,"
  "  value       TEXT NOT NULL,"
  "  modified_at TEXT NOT NULL,"
  "  PRIMARY KEY (dossier_id, field_id)"
  ") WITHOUT ROWID;"
  /* The department's record of how the application was prepared: rows are
   * only ever added, and survive the dossier's deletion. */
  "CREATE TABLE audit ("
  "  seq         INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  dossier_id  TEXT NOT NULL,"
  "  action      TEXT NOT NULL,"
  "  field_id    TEXT,"
  "  old_value   TEXT,"
  "  new_value   TEXT,"
  "  changed_at  TEXT NOT NULL"
  ");"
  "CREATE INDEX audit_by_dossier ON audit (dossier_id, seq);"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;",
  /* 1 → 2: a dossier's roster of enterprises (企业名录), as data/roster.csv
   * holds it, with the problems found at import (CSV for the enterprise desk);
   * its totals and provenance are fields of the dossier. */
  "CREATE TABLE rosters ("
  "  dossier_id  TEXT PRIMARY KEY REFERENCES dossiers (id) ON DELETE CASCADE,"
  "  csv         BLOB NOT NULL,"
  "  problems    BLOB NOT NULL,"
  "  sha256      TEXT NOT NULL,"
  "  imported_at TEXT NOT NULL"
  ");",
  /* 2 → 3: a recognised zone's filings (reports, change requests, review),
   * one row per key, as JSON the lifecycle area writes and reads. */
  "CREATE TABLE filings ("
  "  dossier_id  TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,"
  "  key         TEXT NOT NULL,"
  "  kind        TEXT NOT NULL,"
  "  data        TEXT NOT NULL,"
  "  created_at  TEXT NOT NULL,"
  "  modified_at TEXT NOT NULL,"
  "  PRIMARY KEY (dossier_id, key)"
  ") WITHOUT ROWID;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CZ_STORE_SCHEMA_VERSION);

static gboolean
read_user_version (CzStore  *self,
                   int      *version,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = store_prepare (self, "PRAGMA user_version", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return store_set_sql_error (self, error);
  *version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
quick_check (CzStore  *self,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = store_prepare (self, "PRAGMA quick_check", error);
  const char *result;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return store_set_sql_error (self, error);
  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_CORRUPT,
                   _("The drafts database “%s” is damaged: %s"), self->path, result);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (CzStore  *self,
         int       from_version,
         GError  **error)
{
  for (int v = from_version; v < CZ_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      if (!store_exec_sql (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!store_exec_sql (self, migrations[v], error) || !store_exec_sql (self, set_version, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (!store_exec_sql (self, "COMMIT", error))
        return FALSE;
    }
  return TRUE;
}

void
store_close_db (CzStore *self)
{
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

/* Moves the damaged file and its WAL companions aside; never deletes them. */
static gboolean
move_aside (CzStore  *self,
            char    **moved_to,
            GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint n = 0; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = n == 0 ? g_strdup_printf ("%s.damaged-%s", self->path, stamp)
                      : g_strdup_printf ("%s.damaged-%s-%u", self->path, stamp, n);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_CORRUPT,
                       _("The drafts database “%s” is damaged and could not be moved aside (%s). "
                         "Move it away by hand, then start CoopZone again."),
                       self->path, g_strerror (saved_errno));
          return FALSE;
        }
    }

  *moved_to = g_steal_pointer (&target);
  return TRUE;
}

static gboolean
open_connection (CzStore  *self,
                 GError  **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                            NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_OPEN,
                   _("Could not open the drafts database “%s”: %s. Check that its folder is writable."),
                   self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      store_close_db (self);
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, CZ_STORE_BUSY_TIMEOUT_MSEC);
  sqlite3_extended_result_codes (self->db, 0);
  return TRUE;
}

/* Opens, checks and migrates. Nothing is written before the schema version
 * is known to be ours, so a newer database is left exactly as it was. */
gboolean
store_open_database (CzStore  *self,
                     GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  int version = 0;

  if (!open_connection (self, error))
    return FALSE;

  if (read_user_version (self, &version, &local_error) &&
      version > CZ_STORE_SCHEMA_VERSION)
    {
      store_close_db (self);
      g_set_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_NEWER_SCHEMA,
                   _("The drafts database “%s” was written by a newer version of CoopZone "
                     "(schema %d; this version knows up to %d). Update CoopZone to open it. "
                     "The file has not been changed."),
                   self->path, version, CZ_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (local_error == NULL)
    quick_check (self, &local_error);

  if (local_error != NULL)
    {
      g_autofree char *moved_to = NULL;

      if (!g_error_matches (local_error, CZ_STORE_ERROR, CZ_STORE_ERROR_CORRUPT))
        {
          store_close_db (self);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      store_close_db (self);
      if (!move_aside (self, &moved_to, error))
        return FALSE;

      g_message ("Damaged database moved to %s: %s", moved_to, local_error->message);
      self->recovery_message =
        g_strdup_printf (_("The drafts database was damaged and could not be read. It has been "
                           "moved to “%s”, so nothing in it is thrown away, and a new, empty "
                           "database was started. Dossiers you exported as files can be imported again."),
                         moved_to);
      version = 0;
      if (!open_connection (self, error))
        return FALSE;
    }

  if (!store_exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
      !store_exec_sql (self, "PRAGMA synchronous = FULL", error) ||
      !store_exec_sql (self, "PRAGMA foreign_keys = ON", error))
    {
      store_close_db (self);
      return FALSE;
    }

  if (!migrate (self, version, error))
    {
      store_close_db (self);
      return FALSE;
    }

  return TRUE;
}

