/* cz-store-roster.c — a dossier's roster of enterprises and audit notes
 *
 * The roster is kept as the bytes of its data/roster.csv: the store neither
 * parses nor checks it (src/core/roster does), so the store stays below the
 * roster in the layering.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-digest.h"
#include "cz-store-private.h"

typedef struct
{
  char   *dossier_id;
  GBytes *csv;
  GBytes *problems;
  char   *summary;
  char   *action;
  char   *field_id;
} RosterJob;

static void
roster_job_free (RosterJob *job)
{
  g_free (job->dossier_id);
  g_clear_pointer (&job->csv, g_bytes_unref);
  g_clear_pointer (&job->problems, g_bytes_unref);
  g_free (job->summary);
  g_free (job->action);
  g_free (job->field_id);
  g_free (job);
}

static gpointer
op_save_roster (CzStore   *self,
                gpointer   data,
                GError   **error)
{
  RosterJob *job = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = store_now_iso ();
  g_autofree char *sha256 = cz_sha256_hex (g_bytes_get_data (job->csv, NULL), g_bytes_get_size (job->csv));

  if (!store_exec_sql (self, "BEGIN IMMEDIATE", error))
    return NULL;
  stmt = store_prepare (self,
                        "INSERT INTO rosters (dossier_id, csv, problems, sha256, imported_at) VALUES (?1, ?2, ?5, ?3, ?4) "
                        "ON CONFLICT (dossier_id) DO UPDATE SET csv = ?2, problems = ?5, sha256 = ?3, imported_at = ?4", error);
  if (stmt == NULL)
    goto fail;
  store_bind_text (stmt, 1, job->dossier_id);
  sqlite3_bind_blob64 (stmt, 2, g_bytes_get_data (job->csv, NULL), g_bytes_get_size (job->csv), SQLITE_STATIC);
  store_bind_text (stmt, 3, sha256);
  store_bind_text (stmt, 4, now);
  sqlite3_bind_blob64 (stmt, 5, g_bytes_get_data (job->problems, NULL), g_bytes_get_size (job->problems), SQLITE_STATIC);
  if (!store_step_done (self, stmt, error) ||
      !store_append_audit (self, job->dossier_id, "roster-import", NULL, NULL, job->summary, now, error) ||
      !store_exec_sql (self, "COMMIT", error))
    goto fail;
  return GINT_TO_POINTER (TRUE);

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return NULL;
}

static gpointer
op_load_roster (CzStore   *self,
                gpointer   data,
                GError   **error)
{
  RosterJob *job = data;
  g_autoptr(sqlite3_stmt) stmt = store_prepare (self, "SELECT csv, problems FROM rosters WHERE dossier_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, job->dossier_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return g_bytes_new (NULL, 0);
  if (rc != SQLITE_ROW)
    {
      store_set_sql_error (self, error);
      return NULL;
    }
  job->problems = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

static gpointer
op_append_note (CzStore   *self,
                gpointer   data,
                GError   **error)
{
  RosterJob *job = data;
  g_autofree char *now = store_now_iso ();

  if (!store_append_audit (self, job->dossier_id, job->action, job->field_id, NULL, job->summary, now, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

gboolean
cz_store_save_roster (CzStore     *self,
                      const char  *dossier_id,
                      GBytes      *csv,
                      GBytes      *problems,
                      const char  *summary_json,
                      GError     **error)
{
  RosterJob *job;

  g_return_val_if_fail (CZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (dossier_id != NULL && csv != NULL, FALSE);

  job = g_new0 (RosterJob, 1);
  job->dossier_id = g_strdup (dossier_id);
  job->csv = g_bytes_ref (csv);
  job->problems = problems ? g_bytes_ref (problems) : g_bytes_new (NULL, 0);
  job->summary = g_strdup (summary_json);
  return store_worker_run_sync (self, op_save_roster, job, (GDestroyNotify) roster_job_free, error) != NULL;
}

GBytes *
cz_store_load_roster (CzStore     *self,
                      const char  *dossier_id,
                      GBytes     **out_problems,
                      GError     **error)
{
  RosterJob *job;
  GBytes *csv;

  g_return_val_if_fail (CZ_IS_STORE (self), NULL);

  if (out_problems != NULL)
    *out_problems = NULL;
  job = g_new0 (RosterJob, 1);
  job->dossier_id = g_strdup (dossier_id);
  /* Freed here, not by the worker: the problems come back in it. */
  csv = store_worker_run_sync (self, op_load_roster, job, NULL, error);
  if (out_problems != NULL && job->problems != NULL && csv != NULL && g_bytes_get_size (csv) > 0)
    *out_problems = g_bytes_ref (job->problems);
  roster_job_free (job);
  if (csv != NULL && g_bytes_get_size (csv) == 0)
    g_clear_pointer (&csv, g_bytes_unref);
  return csv;
}

gboolean
cz_store_append_note (CzStore     *self,
                      const char  *dossier_id,
                      const char  *action,
                      const char  *field_id,
                      const char  *note,
                      GError     **error)
{
  RosterJob *job;

  g_return_val_if_fail (CZ_IS_STORE (self), FALSE);

  job = g_new0 (RosterJob, 1);
  job->dossier_id = g_strdup (dossier_id);
  job->action = g_strdup (action);
  job->field_id = g_strdup (field_id);
  job->summary = g_strdup (note);
  return store_worker_run_sync (self, op_append_note, job, (GDestroyNotify) roster_job_free, error) != NULL;
}
