/* cz-progress-relay.c — progress from a worker thread, delivered on the
 * caller's main context, coalesced
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cz-progress-relay.h"

struct _CzProgressRelay
{
  GMainContext          *context;
  CzProgressFunc  func;
  gpointer               data;
  GDestroyNotify         data_free;
  GMutex                 mutex;
  guint64                done;
  guint64                total;
  gboolean               pending;
  gatomicrefcount        ref_count;
};

CzProgressRelay *
cz_progress_relay_new (CzProgressFunc func,
                       gpointer              data,
                       GDestroyNotify        data_free)
{
  CzProgressRelay *relay = g_new0 (CzProgressRelay, 1);

  g_atomic_ref_count_init (&relay->ref_count);
  g_mutex_init (&relay->mutex);
  relay->context = g_main_context_ref_thread_default ();
  relay->func = func;
  relay->data = data;
  relay->data_free = data_free;
  return relay;
}

static CzProgressRelay *
progress_relay_ref (CzProgressRelay *relay)
{
  g_atomic_ref_count_inc (&relay->ref_count);
  return relay;
}

void
cz_progress_relay_unref (CzProgressRelay *relay)
{
  if (!g_atomic_ref_count_dec (&relay->ref_count))
    return;
  if (relay->data_free != NULL)
    relay->data_free (relay->data);
  g_main_context_unref (relay->context);
  g_mutex_clear (&relay->mutex);
  g_free (relay);
}

static gboolean
progress_relay_dispatch (gpointer user_data)
{
  CzProgressRelay *relay = user_data;
  guint64 done, total;

  g_mutex_lock (&relay->mutex);
  done = relay->done;
  total = relay->total;
  relay->pending = FALSE;
  g_mutex_unlock (&relay->mutex);

  relay->func (done, total, relay->data);
  return G_SOURCE_REMOVE;
}

void
cz_progress_relay_report (guint64  done,
                          guint64  total,
                          gpointer user_data)
{
  CzProgressRelay *relay = user_data;
  gboolean schedule;

  g_mutex_lock (&relay->mutex);
  relay->done = done;
  relay->total = total;
  schedule = !relay->pending;
  relay->pending = TRUE;
  g_mutex_unlock (&relay->mutex);

  /* Always through a source: g_main_context_invoke() would run the callback
   * right here, on the worker, whenever the context is free to acquire. */
  if (schedule)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_relay_dispatch, progress_relay_ref (relay),
                             (GDestroyNotify) cz_progress_relay_unref);
      g_source_set_static_name (source, "[coopzone] progress");
      g_source_attach (source, relay->context);
      g_source_unref (source);
    }
}
