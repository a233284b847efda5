/* cz-store-worker.c — the store's worker thread and its bookkeeping
 *
 * The worker owns the SQLite connection. Callers hand it jobs (an operation
                                                                * from cz-store-ops.c, run for a waiting caller or a GTask), field changes
 * wait in the pending table until the debounce ends, and what happened goes
 * back to the creating thread as events, which cz-store.c delivers as
 * signals. This file only calls down, into cz-store-ops.c and cz-store-db.c.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cz-store-private.h"

/* A caller of store_worker_run_sync() waiting for its result. */
typedef struct
{
  GMutex    mutex;
  GCond     cond;
  gboolean  done;
  gpointer  result;
  GError   *error;
} CzStoreSyncWait;

typedef enum
{
  CZ_STORE_JOB_RUN,
  CZ_STORE_JOB_WAKE,
  CZ_STORE_JOB_QUIT,
} CzStoreJobKind;

typedef struct
{
  CzStoreJobKind   kind;
  CzStoreOp        op;      /* NULL for a flush request */
  gpointer         data;
  GDestroyNotify   data_free;
  GDestroyNotify   result_free;
  GTask           *task;    /* async caller */
  CzStoreSyncWait *wait;    /* sync caller */
} CzStoreJob;

static void
pending_change_free (CzStorePendingChange *change)
{
  g_free (change->dossier_id);
  g_free (change->field_id);
  g_clear_pointer (&change->old_value, cz_value_unref);
  g_clear_pointer (&change->new_value, cz_value_unref);
  g_free (change);
}

static GHashTable *
pending_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) pending_change_free);
}

static char *
pending_key (const char *dossier_id,
             const char *field_id)
{
  return g_strconcat (dossier_id, "\n", field_id, NULL);
}

/* ---------------------------------------------------------------------- */
/* Events: worker → creating thread                                         */

void
store_event_free (CzStoreEvent *event)
{
  g_free (event->dossier_id);
  g_clear_pointer (&event->time, g_date_time_unref);
  g_clear_error (&event->error);
  g_clear_object (&event->task);
  g_free (event);
}

/* Any thread. */
static void
push_event (CzStore      *self,
            CzStoreEvent *event)
{
  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->events, event);
  g_mutex_unlock (&self->lock);

  g_source_set_ready_time (self->event_source, 0);
}

/* Worker: one event per dossier of a batch. */
static void
announce (CzStore          *self,
          GHashTable       *dossier_ids,
          CzStoreEventKind  kind,
          GDateTime        *time,
          GError           *error)
{
  GHashTableIter ids;
  const char *id;

  g_hash_table_iter_init (&ids, dossier_ids);
  while (g_hash_table_iter_next (&ids, (gpointer *) &id, NULL))
    {
      CzStoreEvent *event = g_new0 (CzStoreEvent, 1);

      event->kind = kind;
      event->dossier_id = g_strdup (id);
      event->time = time ? g_date_time_ref (time) : NULL;
      event->error = error ? g_error_copy (error) : NULL;
      push_event (self, event);
    }
}

/* A task holds a reference on the store; were its last reference dropped on
 * the worker, the store would be disposed there and join its own thread. */
static void
queue_task_release (CzStore *self,
                    GTask   *task)
{
  CzStoreEvent *event = g_new0 (CzStoreEvent, 1);

  event->kind = CZ_STORE_EVENT_RELEASE_TASK;
  event->task = task;
  push_event (self, event);
}

/* Moves the queued events into @events, oldest first. */
void
store_worker_take_events (CzStore *self,
                          GQueue  *events)
{
  g_mutex_lock (&self->lock);
  *events = self->events;
  g_queue_init (&self->events);
  g_mutex_unlock (&self->lock);
}

/* ---------------------------------------------------------------------- */
/* Pending changes                                                          */

static void
push_job (CzStore    *self,
          CzStoreJob *job)
{
  g_async_queue_push (self->jobs, job);
}

static void
wake_worker (CzStore *self)
{
  CzStoreJob *job = g_new0 (CzStoreJob, 1);

  job->kind = CZ_STORE_JOB_WAKE;
  push_job (self, job);
}

/* Queues a change for the next flush: a second change to the same field
 * before then replaces the first, keeping the value the database holds. */
void
store_worker_queue_change (CzStore    *self,
                           const char *dossier_id,
                           const char *field_id,
                           CzValue    *old_value,
                           CzValue    *new_value)
{
  g_autofree char *key = pending_key (dossier_id, field_id);
  CzStorePendingChange *change;
  gboolean need_wake = FALSE;

  g_mutex_lock (&self->lock);
  change = g_hash_table_lookup (self->pending, key);
  if (change == NULL)
    {
      change = g_new0 (CzStorePendingChange, 1);
      change->dossier_id = g_strdup (dossier_id);
      change->field_id = g_strdup (field_id);
      change->old_value = old_value ? cz_value_ref (old_value) : NULL;
      g_hash_table_insert (self->pending, g_steal_pointer (&key), change);
    }
  g_clear_pointer (&change->new_value, cz_value_unref);
  change->new_value = new_value ? cz_value_ref (new_value) : NULL;

  if (self->flush_deadline == 0)
    {
      self->flush_deadline = g_get_monotonic_time () + CZ_STORE_DEBOUNCE_USEC;
      need_wake = TRUE;
    }
  g_mutex_unlock (&self->lock);

  if (need_wake)
    wake_worker (self);
}

gboolean
store_worker_has_pending (CzStore    *self,
                          const char *dossier_id)
{
  g_autofree char *prefix = g_strconcat (dossier_id, "\n", NULL);
  GHashTableIter iter;
  gpointer key;
  gboolean found;

  g_mutex_lock (&self->lock);
  found = g_hash_table_contains (self->in_flight, dossier_id);
  g_hash_table_iter_init (&iter, self->pending);
  while (!found && g_hash_table_iter_next (&iter, &key, NULL))
    found = g_str_has_prefix (key, prefix);
  g_mutex_unlock (&self->lock);

  return found;
}

/* ---------------------------------------------------------------------- */
/* Flushing (worker thread)                                                 */

/* Takes everything pending and marks its dossiers in flight. Returns NULL,
 * and leaves @dossier_ids unset, when nothing is pending. */
static GHashTable *
take_batch (CzStore     *self,
            GHashTable **dossier_ids)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  GHashTable *batch;
  GHashTableIter iter;
  CzStorePendingChange *change;

  self->flush_deadline = 0;
  if (g_hash_table_size (self->pending) == 0)
    return NULL;

  batch = g_steal_pointer (&self->pending);
  self->pending = pending_table_new ();
  *dossier_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_iter_init (&iter, batch);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &change))
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->in_flight, change->dossier_id));

      if (!g_hash_table_contains (*dossier_ids, change->dossier_id))
        {
          g_hash_table_add (*dossier_ids, g_strdup (change->dossier_id));
          g_hash_table_insert (self->in_flight, g_strdup (change->dossier_id), GUINT_TO_POINTER (n + 1));
        }
    }
  return batch;
}

/* Called with the lock held. */
static void
end_in_flight (CzStore    *self,
               GHashTable *dossier_ids)
{
  GHashTableIter ids;
  const char *id;

  g_hash_table_iter_init (&ids, dossier_ids);
  while (g_hash_table_iter_next (&ids, (gpointer *) &id, NULL))
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->in_flight, id));

      if (n <= 1)
        g_hash_table_remove (self->in_flight, id);
      else
        g_hash_table_insert (self->in_flight, g_strdup (id), GUINT_TO_POINTER (n - 1));
    }
}

static void
end_batch (CzStore    *self,
           GHashTable *dossier_ids)
{
  g_mutex_lock (&self->lock);
  end_in_flight (self, dossier_ids);
  g_mutex_unlock (&self->lock);
}

/* Puts a batch that could not be written back into the queue, merged with
 * any newer changes, and retries it later. */
static void
requeue_batch (CzStore    *self,
               GHashTable *batch,
               GHashTable *dossier_ids)
{
  GHashTableIter iter;
  CzStorePendingChange *change;

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, batch);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &change))
    {
      g_autofree char *key = pending_key (change->dossier_id, change->field_id);
      CzStorePendingChange *newer = g_hash_table_lookup (self->pending, key);

      if (newer != NULL)
        {
          /* Keep the newer value, but the database still holds the older one. */
          g_clear_pointer (&newer->old_value, cz_value_unref);
          newer->old_value = change->old_value ? cz_value_ref (change->old_value) : NULL;
        }
      else
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_insert (self->pending, g_steal_pointer (&key), change);
        }
    }
  end_in_flight (self, dossier_ids);
  self->flush_deadline = g_get_monotonic_time () + CZ_STORE_RETRY_USEC;
  g_mutex_unlock (&self->lock);
}

/* Writes everything pending in one transaction. On failure the changes go
 * back into the queue and are retried: nothing typed is dropped because the
 * disk was full once. */
static gboolean
flush_pending (CzStore  *self,
               GError  **error)
{
  g_autoptr(GHashTable) dossier_ids = NULL;
  g_autoptr(GHashTable) batch = take_batch (self, &dossier_ids);
  g_autoptr(GDateTime) commit_time = NULL;
  g_autofree char *now = NULL;
  GError *local_error = NULL;

  if (batch == NULL)
    return TRUE;

  now = store_now_iso ();
  commit_time = store_parse_iso (now);

  if (!store_write_batch (self, batch, dossier_ids, now, &local_error))
    {
      requeue_batch (self, batch, dossier_ids);
      announce (self, dossier_ids, CZ_STORE_EVENT_SAVE_FAILED, NULL, local_error);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  end_batch (self, dossier_ids);
  announce (self, dossier_ids, CZ_STORE_EVENT_SAVED, commit_time, NULL);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Jobs                                                                     */

static void
sync_wait_complete (CzStoreSyncWait *wait,
                    gpointer         result,
                    GError          *error)
{
  g_mutex_lock (&wait->mutex);
  wait->result = result;
  wait->error = error;
  wait->done = TRUE;
  g_cond_signal (&wait->cond);
  g_mutex_unlock (&wait->mutex);
}

static void
job_free (CzStore    *self,
          CzStoreJob *job)
{
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  if (job->task != NULL)
    queue_task_release (self, g_steal_pointer (&job->task));
  g_free (job);
}

static void
run_job (CzStore    *self,
         CzStoreJob *job)
{
  GError *error = NULL;
  gpointer result = NULL;

  if (job->task != NULL && g_task_return_error_if_cancelled (job->task))
    return;

  if (self->db == NULL)
    g_set_error_literal (&error, CZ_STORE_ERROR, CZ_STORE_ERROR_CLOSED,
                         _("The drafts database is closed."));
  else
    result = job->op (self, job->data, &error);

  if (job->task != NULL)
    {
      if (error != NULL)
        g_task_return_error (job->task, error);
      else
        g_task_return_pointer (job->task, result, job->result_free);
    }
  else
    sync_wait_complete (job->wait, result, error);
}

/* Waits for the next job, or until the debounce deadline. */
static CzStoreJob *
next_job (CzStore *self,
          gint64  *deadline)
{
  gint64 wait;

  g_mutex_lock (&self->lock);
  *deadline = self->flush_deadline;
  g_mutex_unlock (&self->lock);

  if (*deadline == 0)
    return g_async_queue_pop (self->jobs);

  wait = *deadline - g_get_monotonic_time ();
  return wait > 0 ? g_async_queue_timeout_pop (self->jobs, wait) : g_async_queue_try_pop (self->jobs);
}

static gpointer
worker_main (gpointer data)
{
  CzStore *self = data;

  for (;;)
    {
      g_autoptr(GError) flush_error = NULL;
      gint64 deadline;
      CzStoreJob *job = next_job (self, &deadline);

      if (job != NULL && job->kind == CZ_STORE_JOB_WAKE)
        {
          job_free (self, job);
          continue;
        }

      /* Whatever comes next sees every change made before it was asked for;
       * only a timed-out debounce waits for its deadline. */
      if (self->db != NULL && (job != NULL || deadline != 0))
        flush_pending (self, &flush_error);

      if (job == NULL)
        continue;

      if (job->kind == CZ_STORE_JOB_QUIT)
        {
          job_free (self, job);
          break;
        }

      if (flush_error != NULL && job->op == NULL)
        {
          /* A flush request reports the flush's own failure. */
          sync_wait_complete (job->wait, NULL, g_steal_pointer (&flush_error));
          job_free (self, job);
          continue;
        }

      if (job->op != NULL)
        run_job (self, job);
      else
        sync_wait_complete (job->wait, GINT_TO_POINTER (TRUE), NULL);
      job_free (self, job);
    }

  return NULL;
}

/**
 * store_worker_run_sync:
 * @op: (nullable): the operation; %NULL waits for a flush
 *
 * Runs @op on the worker and waits for it. Every change queued before is
 * written first.
 */
gpointer
store_worker_run_sync (CzStore         *self,
                       CzStoreOp        op,
                       gpointer         data,
                       GDestroyNotify   data_free,
                       GError         **error)
{
  CzStoreSyncWait wait = { 0 };
  CzStoreJob *job;

  if (self->closed)
    {
      if (data_free != NULL && data != NULL)
        data_free (data);
      g_set_error_literal (error, CZ_STORE_ERROR, CZ_STORE_ERROR_CLOSED,
                           _("The drafts database is closed."));
      return NULL;
    }

  g_mutex_init (&wait.mutex);
  g_cond_init (&wait.cond);

  job = g_new0 (CzStoreJob, 1);
  job->kind = CZ_STORE_JOB_RUN;
  job->op = op;
  job->data = data;
  job->data_free = data_free;
  job->wait = &wait;
  push_job (self, job);

  g_mutex_lock (&wait.mutex);
  while (!wait.done)
    g_cond_wait (&wait.cond, &wait.mutex);
  g_mutex_unlock (&wait.mutex);

  g_mutex_clear (&wait.mutex);
  g_cond_clear (&wait.cond);

  if (wait.error != NULL)
    {
      g_propagate_error (error, wait.error);
      return NULL;
    }
  return wait.result;
}

void
store_worker_run_async (CzStore             *self,
                        CzStoreOp            op,
                        gpointer             data,
                        GDestroyNotify       data_free,
                        GDestroyNotify       result_free,
                        gpointer             source_tag,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  CzStoreJob *job;

  g_task_set_source_tag (task, source_tag);

  if (self->closed)
    {
      if (data_free != NULL && data != NULL)
        data_free (data);
      g_task_return_new_error (task, CZ_STORE_ERROR, CZ_STORE_ERROR_CLOSED,
                               _("The drafts database is closed."));
      return;
    }

  job = g_new0 (CzStoreJob, 1);
  job->kind = CZ_STORE_JOB_RUN;
  job->op = op;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->task = g_steal_pointer (&task);
  push_job (self, job);
}

/* ---------------------------------------------------------------------- */
/* Life cycle                                                               */

void
store_worker_init (CzStore *self)
{
  g_mutex_init (&self->lock);
  g_queue_init (&self->events);
  self->jobs = g_async_queue_new ();
  self->pending = pending_table_new ();
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
store_worker_finalize (CzStore *self)
{
  g_clear_pointer (&self->jobs, g_async_queue_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_queue_clear_full (&self->events, (GDestroyNotify) store_event_free);
  g_mutex_clear (&self->lock);
}

/* Once the database is open and the event source attached. */
void
store_worker_start (CzStore *self)
{
  self->worker = g_thread_new ("cz-store", worker_main, self);
}

/* Writes what is pending, then ends the thread. Idempotent. */
void
store_worker_stop (CzStore *self)
{
  CzStoreJob *job;

  if (self->worker == NULL)
    return;

  job = g_new0 (CzStoreJob, 1);
  job->kind = CZ_STORE_JOB_QUIT;
  push_job (self, job);
  g_thread_join (g_steal_pointer (&self->worker));
}
