/* cz-store-ops.c — the SQL the store's worker runs: autosave batches and the operations
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

/* ---------------------------------------------------------------------- */
/* Autosave: one batch of field changes                                     */

static gboolean
write_change (CzStore               *self,
              CzStorePendingChange  *change,
              const char            *now,
              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;

  /* Typed and undone before the flush: nothing to write. */
  if (cz_value_equal (change->old_value, change->new_value))
    return TRUE;

  old_json = change->old_value ? cz_value_to_json_string (change->old_value) : NULL;
  new_json = change->new_value ? cz_value_to_json_string (change->new_value) : NULL;

  if (new_json != NULL)
    {
      /* A dossier deleted meanwhile takes its late changes with it. */
      stmt = store_prepare (self,
                            "INSERT INTO fields (dossier_id, field_id, value, modified_at) "
                            "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM dossiers WHERE id = ?1) "
                            "ON CONFLICT (dossier_id, field_id) DO UPDATE SET value = excluded.value, "
                            "modified_at = excluded.modified_at", error);
      if (stmt == NULL)
        return FALSE;
      store_bind_text (stmt, 3, new_json);
      store_bind_text (stmt, 4, now);
    }
  else
    {
      stmt = store_prepare (self, "DELETE FROM fields WHERE dossier_id = ?1 AND field_id = ?2", error);
      if (stmt == NULL)
        return FALSE;
    }
  store_bind_text (stmt, 1, change->dossier_id);
  store_bind_text (stmt, 2, change->field_id);
  if (!store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return TRUE;

  return store_append_audit (self, change->dossier_id, "set", change->field_id,
                             old_json, new_json, now, error);
}

static gboolean
touch_dossier (CzStore     *self,
               const char  *id,
               const char  *now,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = store_prepare (self, "UPDATE dossiers SET modified_at = ?2 WHERE id = ?1",
                                                error);

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, id);
  store_bind_text (stmt, 2, now);
  return store_step_done (self, stmt, error);
}

/**
 * store_write_batch:
 * @changes: key → #CzStorePendingChange
 * @dossier_ids: (element-type utf8): the dossiers @changes touch, as a set
 * @now: the commit time, ISO 8601
 *
 * Writes @changes, their audit rows and the dossiers' modification time in
 * one transaction; on failure nothing is written.
 */
gboolean
store_write_batch (CzStore     *self,
                   GHashTable  *changes,
                   GHashTable  *dossier_ids,
                   const char  *now,
                   GError     **error)
{
  GHashTableIter iter;
  gpointer item;

  if (!store_exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  g_hash_table_iter_init (&iter, changes);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    if (!write_change (self, item, now, error))
      goto rollback;

  g_hash_table_iter_init (&iter, dossier_ids);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (!touch_dossier (self, item, now, error))
      goto rollback;

  if (!store_exec_sql (self, "COMMIT", error))
    goto rollback;
  return TRUE;

rollback:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Operations (worker thread)                                               */

static char *
zone_name_from_json (const char *json)
{
  g_autoptr(CzValue) value = NULL;

  if (json == NULL)
    return NULL;
  value = cz_value_new_from_json_string (json, NULL);
  if (value == NULL || cz_value_get_kind (value) != CZ_FIELD_KIND_TEXT)
    return NULL;
  return g_strdup (cz_value_get_text (value));
}

gpointer
store_op_list (CzStore   *self,
               gpointer   data,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = store_prepare (self,
                        "SELECT d.id, d.title, d.created_at, d.modified_at, f.value "
                        "FROM dossiers d LEFT JOIN fields f ON f.dossier_id = d.id AND f.field_id = ?1 "
                        "ORDER BY d.modified_at DESC, d.id", error);
  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, CZ_FIELD_ZONE_NAME);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *zone_name = zone_name_from_json ((const char *) sqlite3_column_text (stmt, 4));
      g_autoptr(GDateTime) created = store_parse_iso ((const char *) sqlite3_column_text (stmt, 2));
      g_autoptr(GDateTime) modified = store_parse_iso ((const char *) sqlite3_column_text (stmt, 3));
      CzDossierInfo *info = cz_dossier_info_new ((const char *) sqlite3_column_text (stmt, 0),
                                                 (const char *) sqlite3_column_text (stmt, 1),
                                                 zone_name, created, modified);

      g_ptr_array_add (infos, info);
    }
  if (rc != SQLITE_DONE)
    {
      store_set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&infos);
}

gpointer
store_op_load (CzStore   *self,
               gpointer   data,
               GError   **error)
{
  const char *id = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  int rc;

  stmt = store_prepare (self, "SELECT title, created_at, modified_at FROM dossiers WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_NOT_FOUND,
                   _("There is no dossier with the id “%s”. List the dossiers to see their ids."), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      store_set_sql_error (self, error);
      return NULL;
    }

  created = store_parse_iso ((const char *) sqlite3_column_text (stmt, 1));
  modified = store_parse_iso ((const char *) sqlite3_column_text (stmt, 2));
  dossier = g_object_new (CZ_TYPE_DOSSIER,
                          "id", id,
                          "created", created,
                          "title", (const char *) sqlite3_column_text (stmt, 0),
                          NULL);
  cz_dossier_set_modified (dossier, modified);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = store_prepare (self, "SELECT field_id, value FROM fields WHERE dossier_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *field_id = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(GError) value_error = NULL;
      g_autoptr(CzValue) value = cz_value_new_from_json_string ((const char *) sqlite3_column_text (stmt, 1),
                                                                &value_error);

      /* One unreadable answer must not cost the others. */
      if (value == NULL)
        g_warning ("Skipping unreadable field %s of dossier %s: %s", field_id, id, value_error->message);
      else
        cz_dossier_set_value (dossier, field_id, value);
    }
  if (rc != SQLITE_DONE)
    {
      store_set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&dossier);
}

void
store_snapshot_free (CzStoreSnapshot *snapshot)
{
  g_free (snapshot->id);
  g_free (snapshot->title);
  g_free (snapshot->action);
  g_free (snapshot->source_id);
  g_clear_pointer (&snapshot->field_ids, g_ptr_array_unref);
  g_clear_pointer (&snapshot->values, g_ptr_array_unref);
  g_free (snapshot);
}

CzStoreSnapshot *
store_snapshot_new (const char *action,
                    const char *title,
                    CzDossier  *source)
{
  CzStoreSnapshot *snapshot = g_new0 (CzStoreSnapshot, 1);

  snapshot->id = g_uuid_string_random ();
  snapshot->title = g_strdup (title ? title : "");
  snapshot->action = g_strdup (action);
  snapshot->field_ids = g_ptr_array_new_with_free_func (g_free);
  snapshot->values = g_ptr_array_new_with_free_func (g_free);

  if (source != NULL)
    {
      g_autoptr(GPtrArray) ids = cz_dossier_dup_field_ids (source);

      for (guint i = 0; i < ids->len; i++)
        {
          const char *field_id = g_ptr_array_index (ids, i);

          g_ptr_array_add (snapshot->field_ids, g_strdup (field_id));
          g_ptr_array_add (snapshot->values,
                           cz_value_to_json_string (cz_dossier_get_value (source, field_id)));
        }
    }

  return snapshot;
}

gpointer
store_op_insert (CzStore   *self,
                 gpointer   data,
                 GError   **error)
{
  CzStoreSnapshot *snapshot = data;
  g_autofree char *now = store_now_iso ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!store_exec_sql (self, "BEGIN IMMEDIATE", error))
    return NULL;

  if (snapshot->source_id != NULL)
    {
      stmt = store_prepare (self, "SELECT 1 FROM dossiers WHERE id = ?1", error);
      if (stmt == NULL)
        goto rollback;
      store_bind_text (stmt, 1, snapshot->source_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_NOT_FOUND,
                       _("There is no dossier with the id “%s”. List the dossiers to see their ids."),
                       snapshot->source_id);
          goto rollback;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  stmt = store_prepare (self, "INSERT INTO dossiers (id, title, created_at, modified_at) VALUES (?1, ?2, ?3, ?3)",
                        error);
  if (stmt == NULL)
    goto rollback;
  store_bind_text (stmt, 1, snapshot->id);
  store_bind_text (stmt, 2, snapshot->title);
  store_bind_text (stmt, 3, now);
  if (!store_step_done (self, stmt, error))
    goto rollback;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (snapshot->source_id != NULL)
    {
      stmt = store_prepare (self,
                            "INSERT INTO fields (dossier_id, field_id, value, modified_at) "
                            "SELECT ?1, field_id, value, ?3 FROM fields WHERE dossier_id = ?2", error);
      if (stmt == NULL)
        goto rollback;
      store_bind_text (stmt, 1, snapshot->id);
      store_bind_text (stmt, 2, snapshot->source_id);
      store_bind_text (stmt, 3, now);
      if (!store_step_done (self, stmt, error))
        goto rollback;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  for (guint i = 0; i < snapshot->field_ids->len; i++)
    {
      stmt = store_prepare (self,
                            "INSERT INTO fields (dossier_id, field_id, value, modified_at) VALUES (?1, ?2, ?3, ?4)",
                            error);
      if (stmt == NULL)
        goto rollback;
      store_bind_text (stmt, 1, snapshot->id);
      store_bind_text (stmt, 2, g_ptr_array_index (snapshot->field_ids, i));
      store_bind_text (stmt, 3, g_ptr_array_index (snapshot->values, i));
      store_bind_text (stmt, 4, now);
      if (!store_step_done (self, stmt, error))
        goto rollback;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (!store_append_audit (self, snapshot->id, snapshot->action, NULL, snapshot->source_id, snapshot->title, now, error))
    goto rollback;
  if (!store_exec_sql (self, "COMMIT", error))
    goto rollback;

  return store_op_load (self, snapshot->id, error);

rollback:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return NULL;
}

void
store_rename_free (CzStoreRename *rename)
{
  g_free (rename->id);
  g_free (rename->title);
  g_free (rename);
}

static gboolean
change_dossier_row (CzStore     *self,
                    const char  *sql,
                    const char  *id,
                    const char  *title,
                    const char  *action,
                    GError     **error)
{
  g_autofree char *now = store_now_iso ();
  g_autofree char *old_title = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!store_exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  stmt = store_prepare (self, "SELECT title FROM dossiers WHERE id = ?1", error);
  if (stmt == NULL)
    goto rollback;
  store_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_NOT_FOUND,
                   _("There is no dossier with the id “%s”. List the dossiers to see their ids."), id);
      goto rollback;
    }
  old_title = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = store_prepare (self, sql, error);
  if (stmt == NULL)
    goto rollback;
  store_bind_text (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    store_bind_text (stmt, 2, title);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    store_bind_text (stmt, 3, now);
  if (!store_step_done (self, stmt, error))
    goto rollback;

  if (!store_append_audit (self, id, action, NULL, old_title, title, now, error) ||
      !store_exec_sql (self, "COMMIT", error))
    goto rollback;
  return TRUE;

rollback:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gpointer
store_op_rename (CzStore   *self,
                 gpointer   data,
                 GError   **error)
{
  CzStoreRename *rename = data;

  if (!change_dossier_row (self, "UPDATE dossiers SET title = ?2, modified_at = ?3 WHERE id = ?1",
                           rename->id, rename->title, "rename", error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

gpointer
store_op_delete (CzStore   *self,
                 gpointer   data,
                 GError   **error)
{
  if (!change_dossier_row (self, "DELETE FROM dossiers WHERE id = ?1", data, NULL, "delete", error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

gpointer
store_op_audit (CzStore   *self,
                gpointer   data,
                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_audit_entry_free);
  int rc;

  stmt = store_prepare (self,
                        "SELECT seq, dossier_id, action, field_id, old_value, new_value, changed_at "
                        "FROM audit WHERE dossier_id = ?1 ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, data);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CzAuditEntry *entry = g_new0 (CzAuditEntry, 1);

      entry->seq = sqlite3_column_int64 (stmt, 0);
      entry->dossier_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->field_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->new_value = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      entry->changed_at = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      store_set_sql_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

