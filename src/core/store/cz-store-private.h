/* cz-store-private.h — what the store's files share; not for callers
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cz-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Long enough to gather a burst of keystrokes into one transaction, short
 * enough that a change is durable well within a second. */
#define CZ_STORE_DEBOUNCE_USEC      (150 * G_TIME_SPAN_MILLISECOND)
#define CZ_STORE_RETRY_USEC         (1 * G_TIME_SPAN_SECOND)
#define CZ_STORE_BUSY_TIMEOUT_MSEC  5000

/* One operation the worker runs on its connection (cz-store-ops.c). */
typedef gpointer (*CzStoreOp) (CzStore   *self,
                               gpointer   data,
                               GError   **error);

/* A field change waiting to be written. old_value is the value the database
 * holds, so a change typed and then undone before the flush writes nothing. */
typedef struct
{
  char    *dossier_id;
  char    *field_id;
  CzValue *old_value;
  CzValue *new_value;
} CzStorePendingChange;

typedef enum
{
  CZ_STORE_EVENT_SAVED,
  CZ_STORE_EVENT_SAVE_FAILED,
  CZ_STORE_EVENT_RELEASE_TASK,
} CzStoreEventKind;

/* What the worker tells the creating thread (cz-store.c delivers it). */
typedef struct
{
  CzStoreEventKind  kind;
  char             *dossier_id;
  GDateTime        *time;
  GError           *error;
  GTask            *task;
} CzStoreEvent;

struct _CzStore
{
  GObject       parent_instance;

  char         *path;
  char         *recovery_message;
  sqlite3      *db;            /* owned by the worker once it runs */
  GThread      *worker;
  GAsyncQueue  *jobs;          /* of the worker's jobs (cz-store-worker.c) */

  GMutex        lock;          /* protects what follows, up to the blank line */
  GHashTable   *pending;       /* "dossier\nfield" → CzStorePendingChange */
  GHashTable   *in_flight;     /* dossier id → count, while the worker writes them */
  gint64        flush_deadline;
  GQueue        events;        /* CzStoreEvent, worker → main context */

  GSource      *event_source;  /* delivers events on the creating thread */
  GHashTable   *open_dossiers; /* id → CzDossier (weak); creating thread only */
  gboolean      closed;
};

/* What the worker needs to insert a dossier, copied on the caller's thread so
 * the worker never touches a live CzDossier. */
typedef struct
{
  char      *id;
  char      *title;
  char      *action;     /* "create", "import" or "duplicate" */
  char      *source_id;  /* for "duplicate": the dossier whose fields are copied */
  GPtrArray *field_ids;
  GPtrArray *values;     /* JSON, parallel to field_ids */
} CzStoreSnapshot;

typedef struct
{
  char *id;
  char *title;
} CzStoreRename;

/* cz-dossier-info.c */
CzDossierInfo *cz_dossier_info_new (const char *id,
                                    const char *title,
                                    const char *zone_name,
                                    GDateTime  *created,
                                    GDateTime  *modified);

/* cz-store-db.c: the connection, its schema and SQL helpers (worker thread,
 * or the creating thread before the worker starts) */
char          *store_now_iso         (void);
GDateTime     *store_parse_iso       (const char    *text);
gboolean       store_set_sql_error   (CzStore       *self,
                                      GError       **error);
gboolean       store_exec_sql        (CzStore       *self,
                                      const char    *sql,
                                      GError       **error);
sqlite3_stmt  *store_prepare         (CzStore       *self,
                                      const char    *sql,
                                      GError       **error);
void           store_bind_text       (sqlite3_stmt  *stmt,
                                      int            index,
                                      const char    *text);
gboolean       store_step_done       (CzStore       *self,
                                      sqlite3_stmt  *stmt,
                                      GError       **error);
gboolean       store_append_audit    (CzStore       *self,
                                      const char    *dossier_id,
                                      const char    *action,
                                      const char    *field_id,
                                      const char    *old_value,
                                      const char    *new_value,
                                      const char    *changed_at,
                                      GError       **error);
gboolean       store_open_database   (CzStore       *self,
                                      GError       **error);
void           store_close_db        (CzStore       *self);

/* cz-store-worker.c: the worker thread, its job queue, the pending changes
 * and the events it sends back; called on the creating thread */
void           store_worker_init         (CzStore *self);
void           store_worker_finalize     (CzStore *self);
void           store_worker_start        (CzStore *self);
void           store_worker_stop         (CzStore *self);
gpointer       store_worker_run_sync     (CzStore         *self,
                                          CzStoreOp        op,
                                          gpointer         data,
                                          GDestroyNotify   data_free,
                                          GError         **error);
void           store_worker_run_async    (CzStore             *self,
                                          CzStoreOp            op,
                                          gpointer             data,
                                          GDestroyNotify       data_free,
                                          GDestroyNotify       result_free,
                                          gpointer             source_tag,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
void           store_worker_queue_change (CzStore    *self,
                                          const char *dossier_id,
                                          const char *field_id,
                                          CzValue    *old_value,
                                          CzValue    *new_value);
gboolean       store_worker_has_pending  (CzStore    *self,
                                          const char *dossier_id);
void           store_worker_take_events  (CzStore *self,
                                          GQueue  *events);
void           store_event_free          (CzStoreEvent *event);

/* cz-store-ops.c: SQL over the worker's connection (worker thread); never
 * calls back into the worker or cz-store.c */
gboolean         store_write_batch   (CzStore     *self,
                                      GHashTable  *changes,
                                      GHashTable  *dossier_ids,
                                      const char  *now,
                                      GError     **error);
gpointer         store_op_list       (CzStore   *self,
                                      gpointer   data,
                                      GError   **error);
gpointer         store_op_load       (CzStore   *self,
                                      gpointer   data,
                                      GError   **error);
gpointer         store_op_insert     (CzStore   *self,
                                      gpointer   data,
                                      GError   **error);
gpointer         store_op_rename     (CzStore   *self,
                                      gpointer   data,
                                      GError   **error);
gpointer         store_op_delete     (CzStore   *self,
                                      gpointer   data,
                                      GError   **error);
gpointer         store_op_audit      (CzStore   *self,
                                      gpointer   data,
                                      GError   **error);
CzStoreSnapshot *store_snapshot_new  (const char *action,
                                      const char *title,
                                      CzDossier  *source);
void             store_snapshot_free (CzStoreSnapshot *snapshot);
void             store_rename_free   (CzStoreRename *rename);

G_END_DECLS
