/* cz-store.c
 *
 * Dossiers live in one SQLite database. Every statement runs on one worker
 * thread that owns the connection, so the UI thread never waits on the disk:
 * a field change only queues a pending change (microseconds), and the worker
 * writes the queue in one transaction after a short debounce. A change is
 * durable (WAL, synchronous=FULL) when the store emits ::saved for it; the
 * dossier's "save-state" says the same to whoever shows it.
 *
 * A CzStore is used from the thread that created it; its signals are emitted
 * on that thread's main context.
 *
 * This file is the public API, the open dossiers and the autosave hook. The
 * worker's queue and events are in cz-store-worker.c, the SQL it runs in
 * cz-store-ops.c and cz-store-db.c; calls go one way, in that order.
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

G_DEFINE_FINAL_TYPE (CzStore, cz_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (cz-store-error-quark, cz_store_error)

enum {
  SAVED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_dossier_finalized (gpointer  data,
                                  GObject  *where_the_object_was);

/* ---------------------------------------------------------------------- */
/* Events from the worker, delivered on the creating thread                 */

static gboolean
dispatch_events (gpointer user_data)
{
  CzStore *self = user_data;
  GQueue events = G_QUEUE_INIT;
  CzStoreEvent *event;

  g_source_set_ready_time (self->event_source, -1);
  store_worker_take_events (self, &events);

  g_object_ref (self);
  while ((event = g_queue_pop_head (&events)))
    {
      if (event->kind == CZ_STORE_EVENT_RELEASE_TASK)
        ;
      else if (event->kind == CZ_STORE_EVENT_SAVED)
        {
          CzDossier *dossier = g_hash_table_lookup (self->open_dossiers, event->dossier_id);

          if (dossier != NULL && event->time != NULL)
            cz_dossier_set_modified (dossier, event->time);
          /* A change made since is still on its way. */
          if (dossier != NULL)
            cz_dossier_set_save_state (dossier,
                                       store_worker_has_pending (self, event->dossier_id)
                                       ? CZ_SAVE_STATE_SAVING : CZ_SAVE_STATE_SAVED,
                                       NULL);
          g_signal_emit (self, signals[SAVED], 0, event->dossier_id);
        }
      else
        {
          CzDossier *dossier = g_hash_table_lookup (self->open_dossiers, event->dossier_id);

          if (dossier != NULL)
            cz_dossier_set_save_state (dossier, CZ_SAVE_STATE_FAILED,
                                       event->error ? event->error->message : "");
          g_signal_emit (self, signals[SAVE_FAILED], 0, event->dossier_id, event->error);
        }

      store_event_free (event);
    }
  g_object_unref (self);

  return G_SOURCE_CONTINUE;
}

static gboolean
event_source_dispatch (GSource     *source,
                       GSourceFunc  callback,
                       gpointer     user_data)
{
  return callback (user_data);
}

static GSourceFuncs event_source_funcs = {
  .dispatch = event_source_dispatch,
};

/* ---------------------------------------------------------------------- */
/* Autosave                                                                 */

static void
on_field_changed (CzDossier  *dossier,
                  const char *field_id,
                  CzValue    *old_value,
                  CzValue    *new_value,
                  CzStore    *self)
{
  if (self->closed)
    return;

  store_worker_queue_change (self, cz_dossier_get_id (dossier), field_id, old_value, new_value);
  /* A failure is shown until a write succeeds again. */
  if (cz_dossier_get_save_state (dossier) != CZ_SAVE_STATE_FAILED)
    cz_dossier_set_save_state (dossier, CZ_SAVE_STATE_SAVING, NULL);
}

static void
on_title_saved (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_pointer (G_TASK (result), &error) == NULL)
    g_warning ("Could not save the new title: %s", error->message);
}

/* The title was changed on the dossier itself: write it like a field change,
 * on the worker, without the UI thread waiting for the commit. */
static void
on_title_changed (CzDossier  *dossier,
                  GParamSpec *pspec,
                  CzStore    *self)
{
  CzStoreRename *data;

  if (self->closed)
    return;

  data = g_new0 (CzStoreRename, 1);
  data->id = g_strdup (cz_dossier_get_id (dossier));
  data->title = g_strdup (cz_dossier_get_title (dossier));
  store_worker_run_async (self, store_op_rename, data, (GDestroyNotify) store_rename_free, NULL,
                          on_title_changed, NULL, on_title_saved, NULL);
}

static void
track_dossier (CzStore   *self,
               CzDossier *dossier)
{
  g_hash_table_insert (self->open_dossiers, g_strdup (cz_dossier_get_id (dossier)), dossier);
  g_object_weak_ref (G_OBJECT (dossier), on_dossier_finalized, self);
  g_signal_connect_object (dossier, "field-changed", G_CALLBACK (on_field_changed), self, 0);
  g_signal_connect_object (dossier, "notify::title", G_CALLBACK (on_title_changed), self, 0);
}

static void
on_dossier_finalized (gpointer  data,
                      GObject  *where_the_object_was)
{
  CzStore *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->open_dossiers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) where_the_object_was)
      g_hash_table_iter_remove (&iter);
}

static void
untrack_dossier (CzStore   *self,
                 CzDossier *dossier)
{
  g_signal_handlers_disconnect_by_data (dossier, self);
  g_object_weak_unref (G_OBJECT (dossier), on_dossier_finalized, self);
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                  */

static void
cz_store_dispose (GObject *object)
{
  CzStore *self = (CzStore *)object;

  cz_store_close (self);
  if (self->event_source != NULL)
    {
      g_source_destroy (self->event_source);
      g_clear_pointer (&self->event_source, g_source_unref);
    }

  G_OBJECT_CLASS (cz_store_parent_class)->dispose (object);
}

static void
cz_store_finalize (GObject *object)
{
  CzStore *self = (CzStore *)object;

  g_free (self->path);
  g_free (self->recovery_message);
  g_clear_pointer (&self->open_dossiers, g_hash_table_unref);
  store_worker_finalize (self);

  G_OBJECT_CLASS (cz_store_parent_class)->finalize (object);
}

static void
cz_store_class_init (CzStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cz_store_dispose;
  object_class->finalize = cz_store_finalize;

  /**
   * CzStore::saved:
   * @dossier_id: the dossier whose changes are now durable
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * CzStore::save-failed:
   * @dossier_id: the dossier whose changes could not be written
   * @error: why; the changes stay queued and are retried
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
cz_store_init (CzStore *self)
{
  store_worker_init (self);
  self->open_dossiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                               */

/**
 * cz_store_dup_default_path:
 *
 * `$XDG_DATA_HOME/coopzone/coopzone.db`
 */
char *
cz_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), DATA_FOLDER, "coopzone.db", NULL);
}

/**
 * cz_store_new:
 * @path: the database file; created, with its folder, when missing
 *
 * Opens the store. A database from a newer CoopZone is refused and left as it
 * is; a damaged one is moved aside and a new one started, which
 * cz_store_get_recovery_message() then explains.
 */
CzStore *
cz_store_new (const char  *path,
              GError     **error)
{
  g_autoptr(CzStore) self = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CZ_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s” for the drafts database: %s"),
                   dir, g_strerror (saved_errno));
      self->closed = TRUE;
      return NULL;
    }

  if (!store_open_database (self, error))
    {
      self->closed = TRUE;
      return NULL;
    }

  self->event_source = g_source_new (&event_source_funcs, sizeof (GSource));
  g_source_set_callback (self->event_source, dispatch_events, self, NULL);
  g_source_set_name (self->event_source, "[coopzone] store events");
  g_source_attach (self->event_source, g_main_context_get_thread_default ());

  store_worker_start (self);

  return g_steal_pointer (&self);
}

const char *
cz_store_get_path (CzStore *self)
{
  g_return_val_if_fail (CZ_IS_STORE (self), NULL);
  return self->path;
}

/**
 * cz_store_get_recovery_message:
 *
 * Returns: (nullable): a translated explanation when a damaged database was
 *   moved aside at open, %NULL otherwise
 */
const char *
cz_store_get_recovery_message (CzStore *self)
{
  g_return_val_if_fail (CZ_IS_STORE (self), NULL);
  return self->recovery_message;
}

/**
 * cz_store_close:
 *
 * Writes what is pending and closes the database. Idempotent.
 */
void
cz_store_close (CzStore *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (CZ_IS_STORE (self));

  store_worker_stop (self);
  self->closed = TRUE;

  g_hash_table_iter_init (&iter, self->open_dossiers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      untrack_dossier (self, value);
      g_hash_table_iter_remove (&iter);
    }

  store_close_db (self);

  /* Deliver the last ::saved while the store can still be listened to. */
  if (self->event_source != NULL)
    dispatch_events (self);
}

GPtrArray *
cz_store_list_dossiers (CzStore  *self,
                        GError  **error)
{
  g_return_val_if_fail (CZ_IS_STORE (self), NULL);
  return store_worker_run_sync (self, store_op_list, NULL, NULL, error);
}

void
cz_store_list_dossiers_async (CzStore             *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (CZ_IS_STORE (self));
  store_worker_run_async (self, store_op_list, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                          cz_store_list_dossiers_async, cancellable, callback, user_data);
}

/**
 * cz_store_list_dossiers_finish:
 *
 * Returns: (transfer container) (element-type CzDossierInfo): newest first
 */
GPtrArray *
cz_store_list_dossiers_finish (CzStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The same dossier is one object however many windows show it, so their
 * edits meet in memory instead of overwriting each other on disk. */
static CzDossier *
adopt_dossier (CzStore   *self,
               CzDossier *loaded)
{
  CzDossier *existing = g_hash_table_lookup (self->open_dossiers, cz_dossier_get_id (loaded));

  if (existing != NULL)
    {
      g_object_unref (loaded);
      return g_object_ref (existing);
    }
  track_dossier (self, loaded);
  return loaded;
}

/**
 * cz_store_open_dossier:
 *
 * Returns: (transfer full): the dossier, shared with every other caller that
 *   has it open; changes to it are saved automatically
 */
CzDossier *
cz_store_open_dossier (CzStore     *self,
                       const char  *id,
                       GError     **error)
{
  CzDossier *existing;
  CzDossier *loaded;

  g_return_val_if_fail (CZ_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  existing = g_hash_table_lookup (self->open_dossiers, id);
  if (existing != NULL)
    return g_object_ref (existing);

  loaded = store_worker_run_sync (self, store_op_load, g_strdup (id), g_free, error);
  if (loaded == NULL)
    return NULL;
  return adopt_dossier (self, loaded);
}

void
cz_store_open_dossier_async (CzStore             *self,
                             const char          *id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (CZ_IS_STORE (self));
  g_return_if_fail (id != NULL);
  store_worker_run_async (self, store_op_load, g_strdup (id), g_free, g_object_unref,
                          cz_store_open_dossier_async, cancellable, callback, user_data);
}

CzDossier *
cz_store_open_dossier_finish (CzStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  CzDossier *loaded;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;
  return adopt_dossier (self, loaded);
}

static CzDossier *
insert_snapshot (CzStore          *self,
                 CzStoreSnapshot  *snapshot,
                 GError          **error)
{
  CzDossier *loaded = store_worker_run_sync (self, store_op_insert, snapshot,
                                             (GDestroyNotify) store_snapshot_free, error);

  if (loaded == NULL)
    return NULL;
  return adopt_dossier (self, loaded);
}

CzDossier *
cz_store_create_dossier (CzStore     *self,
                         const char  *title,
                         GError     **error)
{
  g_return_val_if_fail (CZ_IS_STORE (self), NULL);
  return insert_snapshot (self, store_snapshot_new ("create", title, NULL), error);
}

/**
 * cz_store_import_dossier:
 * @source: a dossier read from a file (not one of this store's)
                                        *
                                        * Returns: (transfer full): the new dossier, with a new id
                                        */
                                        CzDossier *
                                        cz_store_import_dossier (CzStore    *self,
                                                                 CzDossier  *source,
                                                                 GError    **error)
                                        {
  g_return_val_if_fail (CZ_IS_STORE (self), NULL);
  g_return_val_if_fail (CZ_IS_DOSSIER (source), NULL);
  return insert_snapshot (self, store_snapshot_new ("import", cz_dossier_get_title (source), source), error);
}

CzDossier *
cz_store_duplicate_dossier (CzStore     *self,
                            const char  *id,
                            const char  *title,
                            GError     **error)
{
  CzStoreSnapshot *snapshot;

  g_return_val_if_fail (CZ_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  snapshot = store_snapshot_new ("duplicate", title, NULL);
  snapshot->source_id = g_strdup (id);
  return insert_snapshot (self, snapshot, error);
}

gboolean
cz_store_rename_dossier (CzStore     *self,
                         const char  *id,
                         const char  *title,
                         GError     **error)
{
  CzStoreRename *data;
  CzDossier *open;

  g_return_val_if_fail (CZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  data = g_new0 (CzStoreRename, 1);
  data->id = g_strdup (id);
  data->title = g_strdup (title ? title : "");
  if (store_worker_run_sync (self, store_op_rename, data, (GDestroyNotify) store_rename_free, error) == NULL)
    return FALSE;

  open = g_hash_table_lookup (self->open_dossiers, id);
  if (open != NULL)
    {
      g_signal_handlers_block_by_func (open, on_title_changed, self);
      cz_dossier_set_title (open, title);
      g_signal_handlers_unblock_by_func (open, on_title_changed, self);
    }
  return TRUE;
}

gboolean
cz_store_delete_dossier (CzStore     *self,
                         const char  *id,
                         GError     **error)
{
  CzDossier *open;

  g_return_val_if_fail (CZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (store_worker_run_sync (self, store_op_delete, g_strdup (id), g_free, error) == NULL)
    return FALSE;

  /* An open copy no longer saves anywhere. */
  open = g_hash_table_lookup (self->open_dossiers, id);
  if (open != NULL)
    {
      untrack_dossier (self, open);
      g_hash_table_remove (self->open_dossiers, id);
    }
  return TRUE;
}

/**
 * cz_store_flush:
 *
 * Waits until every change made so far is durable.
 */
gboolean
cz_store_flush (CzStore  *self,
                GError  **error)
{
  g_return_val_if_fail (CZ_IS_STORE (self), FALSE);
  return store_worker_run_sync (self, NULL, NULL, NULL, error) != NULL;
}

gboolean
cz_store_has_pending (CzStore    *self,
                      const char *dossier_id)
{
  g_return_val_if_fail (CZ_IS_STORE (self), FALSE);
  return store_worker_has_pending (self, dossier_id);
}

/**
 * cz_store_dup_audit:
 *
 * Returns: (transfer container) (element-type CzAuditEntry): oldest first
 */
GPtrArray *
cz_store_dup_audit (CzStore     *self,
                    const char  *dossier_id,
                    GError     **error)
{
  g_return_val_if_fail (CZ_IS_STORE (self), NULL);
  return store_worker_run_sync (self, store_op_audit, g_strdup (dossier_id), g_free, error);
}

