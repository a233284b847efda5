/* cz-progress-relay.h — progress from a worker thread, delivered on the
 * caller's main context, coalesced
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @done of @total units (bytes, files…); called on the caller's thread. */
typedef void (*CzProgressFunc) (guint64  done,
                                guint64  total,
                                gpointer user_data);

/* Progress from a worker thread, delivered on the main context of the thread
 * that made the relay, coalesced: at most one report in flight. */
typedef struct _CzProgressRelay CzProgressRelay;

CzProgressRelay *cz_progress_relay_new    (CzProgressFunc  func,
                                           gpointer        data,
                                           GDestroyNotify  data_free);
void             cz_progress_relay_unref  (CzProgressRelay *relay);
/* A CzProgressFunc; @relay is the CzProgressRelay. */
void             cz_progress_relay_report (guint64          done,
                                           guint64          total,
                                           gpointer         relay);

G_END_DECLS
