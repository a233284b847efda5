/* cz-store-filings.c
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cz-store-filings.h"
#include "cz-store-private.h"

void
cz_stored_filing_free (CzStoredFiling *filing)
{
  if (filing == NULL)
    return;
  g_free (filing->dossier_id);
  g_free (filing->key);
  g_free (filing->kind);
  g_free (filing->data);
  g_free (filing->modified_at);
  g_free (filing);
}

static gpointer
op_save (CzStore   *self,
         gpointer   data,
         GError   **error)
{
  CzStoredFiling *filing = data;
  g_autofree char *now = store_now_iso ();
  g_autofree char *old_data = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!store_exec_sql (self, "BEGIN IMMEDIATE", error))
    return NULL;

  stmt = store_prepare (self, "SELECT 1 FROM dossiers WHERE id = ?1", error);
  if (stmt == NULL)
    goto rollback;
  store_bind_text (stmt, 1, filing->dossier_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_NOT_FOUND,
                   _("There is no dossier with the id “%s”. List the dossiers to see their ids."), filing->dossier_id);
      goto rollback;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = store_prepare (self, "SELECT data FROM filings WHERE dossier_id = ?1 AND key = ?2", error);
  if (stmt == NULL)
    goto rollback;
  store_bind_text (stmt, 1, filing->dossier_id);
  store_bind_text (stmt, 2, filing->key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    old_data = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (g_strcmp0 (old_data, filing->data) == 0)
    {
      store_exec_sql (self, "ROLLBACK", NULL);
      return GINT_TO_POINTER (TRUE);
    }

  stmt = store_prepare (self,
                        "INSERT INTO filings (dossier_id, key, kind, data, created_at, modified_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?5) "
                        "ON CONFLICT (dossier_id, key) DO UPDATE SET kind = ?3, data = ?4, modified_at = ?5",
                        error);
  if (stmt == NULL)
    goto rollback;
  store_bind_text (stmt, 1, filing->dossier_id);
  store_bind_text (stmt, 2, filing->key);
  store_bind_text (stmt, 3, filing->kind);
  store_bind_text (stmt, 4, filing->data);
  store_bind_text (stmt, 5, now);
  if (!store_step_done (self, stmt, error))
    goto rollback;

  if (!store_append_audit (self, filing->dossier_id, "filing", filing->key, old_data, filing->data, now, error) ||
      !store_exec_sql (self, "COMMIT", error))
    goto rollback;
  return GINT_TO_POINTER (TRUE);

rollback:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return NULL;
}

gboolean
cz_store_save_filing (CzStore     *self,
                      const char  *dossier_id,
                      const char  *key,
                      const char  *kind,
                      const char  *data,
                      GError     **error)
{
  CzStoredFiling *filing;

  g_return_val_if_fail (CZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (dossier_id != NULL && key != NULL && kind != NULL && data != NULL, FALSE);

  filing = g_new0 (CzStoredFiling, 1);
  filing->dossier_id = g_strdup (dossier_id);
  filing->key = g_strdup (key);
  filing->kind = g_strdup (kind);
  filing->data = g_strdup (data);
  return store_worker_run_sync (self, op_save, filing, (GDestroyNotify) cz_stored_filing_free, error) != NULL;
}

static gpointer
op_list (CzStore   *self,
         gpointer   data,
         GError   **error)
{
  const char *dossier_id = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) filings = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_stored_filing_free);
  int rc;

  stmt = store_prepare (self,
                        "SELECT dossier_id, key, kind, data, modified_at FROM filings "
                        "WHERE ?1 IS NULL OR dossier_id = ?1 ORDER BY dossier_id, key", error);
  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, dossier_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CzStoredFiling *filing = g_new0 (CzStoredFiling, 1);

      filing->dossier_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      filing->key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      filing->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      filing->data = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      filing->modified_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (filings, filing);
    }
  if (rc != SQLITE_DONE)
    {
      store_set_sql_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&filings);
}

GPtrArray *
cz_store_list_filings (CzStore     *self,
                       const char  *dossier_id,
                       GError     **error)
{
  g_return_val_if_fail (CZ_IS_STORE (self), NULL);

  return store_worker_run_sync (self, op_list, g_strdup (dossier_id), g_free, error);
}
