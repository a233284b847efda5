/* cz-store.c
 *
 * Dossiers live in one SQLite database. Every statement runs on one worker
 * thread that owns the connection, so the UI thread never waits on the disk:
 * a field change only queues a pending change (microseconds), and the worker
 * writes the queue in one transaction after a short debounce. A change is
 * durable (WAL, synchronous=FULL) when the store emits ::saved for it.
 *
 * A CzStore is used from the thread that created it; its signals are emitted
 * on that thread's main context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cz-fields.h"
#include "cz-store.h"

/* Long enough to gather a burst of keystrokes into one transaction, short
 * enough that a change is durable well within a second. */
#define DEBOUNCE_USEC        (150 * G_TIME_SPAN_MILLISECOND)
#define RETRY_USEC           (1 * G_TIME_SPAN_SECOND)
#define BUSY_TIMEOUT_MSEC    5000

/* ---------------------------------------------------------------------- */
/* CzDossierInfo                                                            */

struct _CzDossierInfo
{
  GObject    parent_instance;
  char      *id;
  char      *title;
  char      *zone_name;
  char      *display_name;
  GDateTime *created;
  GDateTime *modified;
};

G_DEFINE_FINAL_TYPE (CzDossierInfo, cz_dossier_info, G_TYPE_OBJECT)

enum {
  INFO_PROP_0,
  INFO_PROP_ID,
  INFO_PROP_TITLE,
  INFO_PROP_ZONE_NAME,
  INFO_PROP_DISPLAY_NAME,
  INFO_PROP_CREATED,
  INFO_PROP_MODIFIED,
  INFO_N_PROPS
};

static GParamSpec *info_properties[INFO_N_PROPS];

static void
cz_dossier_info_finalize (GObject *object)
{
  CzDossierInfo *self = (CzDossierInfo *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->zone_name);
  g_free (self->display_name);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (cz_dossier_info_parent_class)->finalize (object);
}

static void
cz_dossier_info_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CzDossierInfo *self = CZ_DOSSIER_INFO (object);

  switch (prop_id)
    {
    case INFO_PROP_ID: g_value_set_string (value, self->id); break;
    case INFO_PROP_TITLE: g_value_set_string (value, self->title); break;
    case INFO_PROP_ZONE_NAME: g_value_set_string (value, self->zone_name); break;
    case INFO_PROP_DISPLAY_NAME: g_value_set_string (value, self->display_name); break;
    case INFO_PROP_CREATED: g_value_set_boxed (value, self->created); break;
    case INFO_PROP_MODIFIED: g_value_set_boxed (value, self->modified); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_dossier_info_class_init (CzDossierInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cz_dossier_info_finalize;
  object_class->get_property = cz_dossier_info_get_property;

  info_properties[INFO_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  info_properties[INFO_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  info_properties[INFO_PROP_ZONE_NAME] = g_param_spec_string ("zone-name", NULL, NULL, NULL, flags);
  info_properties[INFO_PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  info_properties[INFO_PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, flags);
  info_properties[INFO_PROP_MODIFIED] = g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, flags);
  g_object_class_install_properties (object_class, INFO_N_PROPS, info_properties);
}

static void
cz_dossier_info_init (CzDossierInfo *self)
{
}

const char *cz_dossier_info_get_id (CzDossierInfo *self) { return self->id; }
const char *cz_dossier_info_get_title (CzDossierInfo *self) { return self->title; }
const char *cz_dossier_info_get_zone_name (CzDossierInfo *self) { return self->zone_name; }
const char *cz_dossier_info_get_display_name (CzDossierInfo *self) { return self->display_name; }
GDateTime *cz_dossier_info_get_created (CzDossierInfo *self) { return self->created; }
GDateTime *cz_dossier_info_get_modified (CzDossierInfo *self) { return self->modified; }

void
cz_audit_entry_free (CzAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->dossier_id);
  g_free (entry->action);
  g_free (entry->field_id);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->changed_at);
  g_free (entry);
}

/* ---------------------------------------------------------------------- */
/* The store                                                                */

typedef gpointer (*StoreOp) (CzStore   *self,
                             gpointer   data,
                             GError   **error);

typedef struct
{
  GMutex    mutex;
  GCond     cond;
  gboolean  done;
  gpointer  result;
  GError   *error;
} SyncWait;

typedef enum
{
  JOB_RUN,
  JOB_WAKE,
  JOB_QUIT,
} JobKind;

typedef struct
{
  JobKind         kind;
  StoreOp         op;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
  GTask          *task;   /* async caller */
  SyncWait       *wait;   /* sync caller */
} Job;

/* A field change waiting to be written. old_value is the value the database
 * holds, so a change typed and then undone before the flush writes nothing. */
typedef struct
{
  char    *dossier_id;
  char    *field_id;
  CzValue *old_value;
  CzValue *new_value;
} PendingChange;

typedef enum
{
  EVENT_SAVED,
  EVENT_SAVE_FAILED,
  EVENT_RELEASE_TASK,
} EventKind;

typedef struct
{
  EventKind  kind;
  char      *dossier_id;
  GDateTime *time;
  GError    *error;
  GTask     *task;
} StoreEvent;

struct _CzStore
{
  GObject       parent_instance;

  char         *path;
  char         *recovery_message;
  sqlite3      *db;            /* owned by the worker once it runs */
  GThread      *worker;
  GAsyncQueue  *jobs;

  GMutex        lock;          /* protects what follows, up to the blank line */
  GHashTable   *pending;       /* "dossier\nfield" → PendingChange */
  GHashTable   *in_flight;     /* dossier id → count, while the worker writes them */
  gint64        flush_deadline;
  GQueue        events;        /* StoreEvent, worker → main context */

  GSource      *event_source;  /* delivers events on the creating thread */
  GHashTable   *open_dossiers; /* id → CzDossier (weak); creating thread only */
  gboolean      closed;
};

G_DEFINE_FINAL_TYPE (CzStore, cz_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (cz-store-error-quark, cz_store_error)

enum {
  SAVED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gpointer worker_main (gpointer data);
static void     untrack_dossier (CzStore *self, CzDossier *dossier);
static void     on_dossier_finalized (gpointer data, GObject *where_the_object_was);

static void
pending_change_free (PendingChange *change)
{
  g_free (change->dossier_id);
  g_free (change->field_id);
  g_clear_pointer (&change->old_value, cz_value_unref);
  g_clear_pointer (&change->new_value, cz_value_unref);
  g_free (change);
}

static void
store_event_free (StoreEvent *event)
{
  g_free (event->dossier_id);
  g_clear_pointer (&event->time, g_date_time_unref);
  g_clear_error (&event->error);
  g_clear_object (&event->task);
  g_free (event);
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static GDateTime *
parse_iso (const char *text)
{
  if (text == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

/* ---------------------------------------------------------------------- */
/* SQL helpers (worker thread, or the creating thread before it starts)      */

static gboolean
set_sql_error (CzStore  *self,
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

static gboolean
exec_sql (CzStore     *self,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sql_error (self, error);
  return TRUE;
}

static sqlite3_stmt *
prepare (CzStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (self, error);
      return NULL;
    }
  return stmt;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
step_done (CzStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sql_error (self, error);
  return TRUE;
}

static gboolean
append_audit (CzStore     *self,
              const char  *dossier_id,
              const char  *action,
              const char  *field_id,
              const char  *old_value,
              const char  *new_value,
              const char  *changed_at,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT INTO audit (dossier_id, action, field_id, old_value, new_value, changed_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, dossier_id);
  bind_text (stmt, 2, action);
  bind_text (stmt, 3, field_id);
  bind_text (stmt, 4, old_value);
  bind_text (stmt, 5, new_value);
  bind_text (stmt, 6, changed_at);
  return step_done (self, stmt, error);
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
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CZ_STORE_SCHEMA_VERSION);

static gboolean
read_user_version (CzStore  *self,
                   int      *version,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "PRAGMA user_version", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return set_sql_error (self, error);
  *version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
quick_check (CzStore  *self,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "PRAGMA quick_check", error);
  const char *result;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return set_sql_error (self, error);
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

      if (!exec_sql (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!exec_sql (self, migrations[v], error) || !exec_sql (self, set_version, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (!exec_sql (self, "COMMIT", error))
        return FALSE;
    }
  return TRUE;
}

static void
close_db (CzStore *self)
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
      close_db (self);
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MSEC);
  sqlite3_extended_result_codes (self->db, 0);
  return TRUE;
}

/* Opens, checks and migrates. Nothing is written before the schema version
 * is known to be ours, so a newer database is left exactly as it was. */
static gboolean
open_database (CzStore  *self,
               GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  int version = 0;

  if (!open_connection (self, error))
    return FALSE;

  if (read_user_version (self, &version, &local_error) &&
      version > CZ_STORE_SCHEMA_VERSION)
    {
      close_db (self);
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
          close_db (self);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      close_db (self);
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

  if (!exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
      !exec_sql (self, "PRAGMA synchronous = FULL", error) ||
      !exec_sql (self, "PRAGMA foreign_keys = ON", error))
    {
      close_db (self);
      return FALSE;
    }

  if (!migrate (self, version, error))
    {
      close_db (self);
      return FALSE;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Events: worker → creating thread                                        */

static void
queue_event (CzStore    *self,
             EventKind   kind,
             const char *dossier_id,
             GDateTime  *time,
             GError     *error)
{
  StoreEvent *event = g_new0 (StoreEvent, 1);

  event->kind = kind;
  event->dossier_id = g_strdup (dossier_id);
  event->time = time ? g_date_time_ref (time) : NULL;
  event->error = error ? g_error_copy (error) : NULL;

  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->events, event);
  g_mutex_unlock (&self->lock);

  g_source_set_ready_time (self->event_source, 0);
}

/* A task holds a reference on the store; were its last reference dropped on
 * the worker, the store would be disposed there and join its own thread. */
static void
queue_task_release (CzStore *self,
                    GTask   *task)
{
  StoreEvent *event = g_new0 (StoreEvent, 1);

  event->kind = EVENT_RELEASE_TASK;
  event->task = task;

  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->events, event);
  g_mutex_unlock (&self->lock);

  g_source_set_ready_time (self->event_source, 0);
}

static gboolean
dispatch_events (gpointer user_data)
{
  CzStore *self = user_data;
  GQueue events = G_QUEUE_INIT;
  StoreEvent *event;

  g_source_set_ready_time (self->event_source, -1);

  g_mutex_lock (&self->lock);
  events = self->events;
  g_queue_init (&self->events);
  g_mutex_unlock (&self->lock);

  g_object_ref (self);
  while ((event = g_queue_pop_head (&events)))
    {
      if (event->kind == EVENT_RELEASE_TASK)
        ;
      else if (event->kind == EVENT_SAVED)
        {
          CzDossier *dossier = g_hash_table_lookup (self->open_dossiers, event->dossier_id);

          if (dossier != NULL && event->time != NULL)
            cz_dossier_set_modified (dossier, event->time);
          g_signal_emit (self, signals[SAVED], 0, event->dossier_id);
        }
      else
        g_signal_emit (self, signals[SAVE_FAILED], 0, event->dossier_id, event->error);

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

static char *
pending_key (const char *dossier_id,
             const char *field_id)
{
  return g_strconcat (dossier_id, "\n", field_id, NULL);
}

static void
push_job (CzStore *self,
          Job     *job)
{
  g_async_queue_push (self->jobs, job);
}

static void
wake_worker (CzStore *self)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_WAKE;
  push_job (self, job);
}

static void
on_field_changed (CzDossier  *dossier,
                  const char *field_id,
                  CzValue    *old_value,
                  CzValue    *new_value,
                  CzStore    *self)
{
  g_autofree char *key = NULL;
  PendingChange *change;
  gboolean need_wake = FALSE;

  if (self->closed)
    return;

  key = pending_key (cz_dossier_get_id (dossier), field_id);

  g_mutex_lock (&self->lock);
  change = g_hash_table_lookup (self->pending, key);
  if (change == NULL)
    {
      change = g_new0 (PendingChange, 1);
      change->dossier_id = g_strdup (cz_dossier_get_id (dossier));
      change->field_id = g_strdup (field_id);
      change->old_value = old_value ? cz_value_ref (old_value) : NULL;
      g_hash_table_insert (self->pending, g_steal_pointer (&key), change);
    }
  g_clear_pointer (&change->new_value, cz_value_unref);
  change->new_value = new_value ? cz_value_ref (new_value) : NULL;

  if (self->flush_deadline == 0)
    {
      self->flush_deadline = g_get_monotonic_time () + DEBOUNCE_USEC;
      need_wake = TRUE;
    }
  g_mutex_unlock (&self->lock);

  if (need_wake)
    wake_worker (self);
}

static void
on_title_changed (CzDossier  *dossier,
                  GParamSpec *pspec,
                  CzStore    *self)
{
  g_autoptr(GError) error = NULL;

  /* A rename is rare and small; it goes through the worker like everything else. */
  if (!self->closed &&
      !cz_store_rename_dossier (self, cz_dossier_get_id (dossier), cz_dossier_get_title (dossier), &error))
    g_warning ("Could not save the new title: %s", error->message);
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

/* Worker: writes everything pending in one transaction. On failure the
 * changes go back into the queue, merged with any newer ones, and are
 * retried: nothing typed is dropped because the disk was full once. */
static gboolean
flush_pending (CzStore  *self,
               GError  **error)
{
  g_autoptr(GHashTable) batch = NULL;
  g_autoptr(GHashTable) dossier_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) commit_time = NULL;
  g_autofree char *now = NULL;
  GHashTableIter iter;
  PendingChange *change;
  GError *local_error = NULL;

  g_mutex_lock (&self->lock);
  if (g_hash_table_size (self->pending) == 0)
    {
      self->flush_deadline = 0;
      g_mutex_unlock (&self->lock);
      return TRUE;
    }
  batch = g_steal_pointer (&self->pending);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) pending_change_free);
  self->flush_deadline = 0;
  g_hash_table_iter_init (&iter, batch);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &change))
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->in_flight, change->dossier_id));
      if (!g_hash_table_contains (dossier_ids, change->dossier_id))
        {
          g_hash_table_add (dossier_ids, g_strdup (change->dossier_id));
          g_hash_table_insert (self->in_flight, g_strdup (change->dossier_id), GUINT_TO_POINTER (n + 1));
        }
    }
  g_mutex_unlock (&self->lock);

  now = now_iso ();
  commit_time = parse_iso (now);

  if (!exec_sql (self, "BEGIN IMMEDIATE", &local_error))
    goto failed;

  g_hash_table_iter_init (&iter, batch);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &change))
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *old_json = NULL;
      g_autofree char *new_json = NULL;

      /* Typed and undone before the flush: nothing to write. */
      if (cz_value_equal (change->old_value, change->new_value))
        continue;

      old_json = change->old_value ? cz_value_to_json_string (change->old_value) : NULL;
      new_json = change->new_value ? cz_value_to_json_string (change->new_value) : NULL;

      if (new_json != NULL)
        {
          /* A dossier deleted meanwhile takes its late changes with it. */
          stmt = prepare (self,
                          "INSERT INTO fields (dossier_id, field_id, value, modified_at) "
                          "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM dossiers WHERE id = ?1) "
                          "ON CONFLICT (dossier_id, field_id) DO UPDATE SET value = excluded.value, "
                          "modified_at = excluded.modified_at", &local_error);
          if (stmt == NULL)
            goto rollback;
          bind_text (stmt, 3, new_json);
          bind_text (stmt, 4, now);
        }
      else
        {
          stmt = prepare (self, "DELETE FROM fields WHERE dossier_id = ?1 AND field_id = ?2", &local_error);
          if (stmt == NULL)
            goto rollback;
        }
      bind_text (stmt, 1, change->dossier_id);
      bind_text (stmt, 2, change->field_id);
      if (!step_done (self, stmt, &local_error))
        goto rollback;
      if (sqlite3_changes (self->db) == 0)
        continue;

      if (!append_audit (self, change->dossier_id, "set", change->field_id,
                         old_json, new_json, now, &local_error))
        goto rollback;
    }

  {
    GHashTableIter ids;
    const char *id;

    g_hash_table_iter_init (&ids, dossier_ids);
    while (g_hash_table_iter_next (&ids, (gpointer *) &id, NULL))
      {
        g_autoptr(sqlite3_stmt) stmt = prepare (self, "UPDATE dossiers SET modified_at = ?2 WHERE id = ?1",
                                                &local_error);
        if (stmt == NULL)
          goto rollback;
        bind_text (stmt, 1, id);
        bind_text (stmt, 2, now);
        if (!step_done (self, stmt, &local_error))
          goto rollback;
      }
  }

  if (!exec_sql (self, "COMMIT", &local_error))
    goto rollback;

  {
    GHashTableIter ids;
    const char *id;

    g_mutex_lock (&self->lock);
    end_in_flight (self, dossier_ids);
    g_mutex_unlock (&self->lock);

    g_hash_table_iter_init (&ids, dossier_ids);
    while (g_hash_table_iter_next (&ids, (gpointer *) &id, NULL))
      queue_event (self, EVENT_SAVED, id, commit_time, NULL);
  }

  return TRUE;

rollback:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

failed:
  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, batch);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &change))
    {
      g_autofree char *key = pending_key (change->dossier_id, change->field_id);
      PendingChange *newer = g_hash_table_lookup (self->pending, key);

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
  self->flush_deadline = g_get_monotonic_time () + RETRY_USEC;
  g_mutex_unlock (&self->lock);

  {
    GHashTableIter ids;
    const char *id;

    g_hash_table_iter_init (&ids, dossier_ids);
    while (g_hash_table_iter_next (&ids, (gpointer *) &id, NULL))
      queue_event (self, EVENT_SAVE_FAILED, id, NULL, local_error);
  }

  g_propagate_error (error, local_error);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* The worker                                                               */

static void
sync_wait_complete (SyncWait *wait,
                    gpointer  result,
                    GError   *error)
{
  g_mutex_lock (&wait->mutex);
  wait->result = result;
  wait->error = error;
  wait->done = TRUE;
  g_cond_signal (&wait->cond);
  g_mutex_unlock (&wait->mutex);
}

static void
job_free (CzStore *self,
          Job     *job)
{
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  if (job->task != NULL)
    queue_task_release (self, g_steal_pointer (&job->task));
  g_free (job);
}

static void
run_job (CzStore *self,
         Job     *job)
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

static gpointer
worker_main (gpointer data)
{
  CzStore *self = data;

  for (;;)
    {
      g_autoptr(GError) flush_error = NULL;
      gint64 deadline;
      Job *job;

      g_mutex_lock (&self->lock);
      deadline = self->flush_deadline;
      g_mutex_unlock (&self->lock);

      if (deadline == 0)
        job = g_async_queue_pop (self->jobs);
      else
        {
          gint64 wait = deadline - g_get_monotonic_time ();
          job = wait > 0 ? g_async_queue_timeout_pop (self->jobs, wait) : g_async_queue_try_pop (self->jobs);
        }

      if (job != NULL && job->kind == JOB_WAKE)
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

      if (job->kind == JOB_QUIT)
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

static gpointer
run_sync (CzStore         *self,
          StoreOp          op,
          gpointer         data,
          GDestroyNotify   data_free,
          GError         **error)
{
  SyncWait wait = { 0 };
  Job *job;

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

  job = g_new0 (Job, 1);
  job->kind = JOB_RUN;
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

static void
run_async (CzStore             *self,
           StoreOp              op,
           gpointer             data,
           GDestroyNotify       data_free,
           GDestroyNotify       result_free,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Job *job;

  g_task_set_source_tag (task, source_tag);

  if (self->closed)
    {
      if (data_free != NULL && data != NULL)
        data_free (data);
      g_task_return_new_error (task, CZ_STORE_ERROR, CZ_STORE_ERROR_CLOSED,
                               _("The drafts database is closed."));
      return;
    }

  job = g_new0 (Job, 1);
  job->kind = JOB_RUN;
  job->op = op;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->task = g_steal_pointer (&task);
  push_job (self, job);
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

static gpointer
op_list (CzStore   *self,
         gpointer   data,
         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = prepare (self,
                  "SELECT d.id, d.title, d.created_at, d.modified_at, f.value "
                  "FROM dossiers d LEFT JOIN fields f ON f.dossier_id = d.id AND f.field_id = ?1 "
                  "ORDER BY d.modified_at DESC, d.id", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, CZ_FIELD_ZONE_NAME);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CzDossierInfo *info = g_object_new (CZ_TYPE_DOSSIER_INFO, NULL);

      info->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      info->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->created = parse_iso ((const char *) sqlite3_column_text (stmt, 2));
      info->modified = parse_iso ((const char *) sqlite3_column_text (stmt, 3));
      info->zone_name = zone_name_from_json ((const char *) sqlite3_column_text (stmt, 4));
      if (info->title != NULL && info->title[0] != '\0')
        info->display_name = g_strdup (info->title);
      else if (info->zone_name != NULL)
        info->display_name = g_strdup (info->zone_name);
      else
        info->display_name = g_strdup (_("Untitled dossier"));
      g_ptr_array_add (infos, info);
    }
  if (rc != SQLITE_DONE)
    {
      set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&infos);
}

static gpointer
op_load (CzStore   *self,
         gpointer   data,
         GError   **error)
{
  const char *id = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  int rc;

  stmt = prepare (self, "SELECT title, created_at, modified_at FROM dossiers WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_NOT_FOUND,
                   _("There is no dossier with the id “%s”. List the dossiers to see their ids."), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_sql_error (self, error);
      return NULL;
    }

  created = parse_iso ((const char *) sqlite3_column_text (stmt, 1));
  modified = parse_iso ((const char *) sqlite3_column_text (stmt, 2));
  dossier = g_object_new (CZ_TYPE_DOSSIER,
                          "id", id,
                          "created", created,
                          "title", (const char *) sqlite3_column_text (stmt, 0),
                          NULL);
  cz_dossier_set_modified (dossier, modified);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (self, "SELECT field_id, value FROM fields WHERE dossier_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
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
      set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&dossier);
}

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
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_free (snapshot->id);
  g_free (snapshot->title);
  g_free (snapshot->action);
  g_free (snapshot->source_id);
  g_clear_pointer (&snapshot->field_ids, g_ptr_array_unref);
  g_clear_pointer (&snapshot->values, g_ptr_array_unref);
  g_free (snapshot);
}

static Snapshot *
snapshot_new (const char *action,
              const char *title,
              CzDossier  *source)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

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

static gpointer
op_insert (CzStore   *self,
           gpointer   data,
           GError   **error)
{
  Snapshot *snapshot = data;
  g_autofree char *now = now_iso ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return NULL;

  if (snapshot->source_id != NULL)
    {
      stmt = prepare (self, "SELECT 1 FROM dossiers WHERE id = ?1", error);
      if (stmt == NULL)
        goto rollback;
      bind_text (stmt, 1, snapshot->source_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_NOT_FOUND,
                       _("There is no dossier with the id “%s”. List the dossiers to see their ids."),
                       snapshot->source_id);
          goto rollback;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  stmt = prepare (self, "INSERT INTO dossiers (id, title, created_at, modified_at) VALUES (?1, ?2, ?3, ?3)",
                  error);
  if (stmt == NULL)
    goto rollback;
  bind_text (stmt, 1, snapshot->id);
  bind_text (stmt, 2, snapshot->title);
  bind_text (stmt, 3, now);
  if (!step_done (self, stmt, error))
    goto rollback;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (snapshot->source_id != NULL)
    {
      stmt = prepare (self,
                      "INSERT INTO fields (dossier_id, field_id, value, modified_at) "
                      "SELECT ?1, field_id, value, ?3 FROM fields WHERE dossier_id = ?2", error);
      if (stmt == NULL)
        goto rollback;
      bind_text (stmt, 1, snapshot->id);
      bind_text (stmt, 2, snapshot->source_id);
      bind_text (stmt, 3, now);
      if (!step_done (self, stmt, error))
        goto rollback;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  for (guint i = 0; i < snapshot->field_ids->len; i++)
    {
      stmt = prepare (self,
                      "INSERT INTO fields (dossier_id, field_id, value, modified_at) VALUES (?1, ?2, ?3, ?4)",
                      error);
      if (stmt == NULL)
        goto rollback;
      bind_text (stmt, 1, snapshot->id);
      bind_text (stmt, 2, g_ptr_array_index (snapshot->field_ids, i));
      bind_text (stmt, 3, g_ptr_array_index (snapshot->values, i));
      bind_text (stmt, 4, now);
      if (!step_done (self, stmt, error))
        goto rollback;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (!append_audit (self, snapshot->id, snapshot->action, NULL, snapshot->source_id, snapshot->title, now, error))
    goto rollback;
  if (!exec_sql (self, "COMMIT", error))
    goto rollback;

  return op_load (self, snapshot->id, error);

rollback:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return NULL;
}

typedef struct
{
  char *id;
  char *title;
} RenameData;

static void
rename_data_free (RenameData *data)
{
  g_free (data->id);
  g_free (data->title);
  g_free (data);
}

static gboolean
change_dossier_row (CzStore     *self,
                    const char  *sql,
                    const char  *id,
                    const char  *title,
                    const char  *action,
                    GError     **error)
{
  g_autofree char *now = now_iso ();
  g_autofree char *old_title = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  stmt = prepare (self, "SELECT title FROM dossiers WHERE id = ?1", error);
  if (stmt == NULL)
    goto rollback;
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CZ_STORE_ERROR, CZ_STORE_ERROR_NOT_FOUND,
                   _("There is no dossier with the id “%s”. List the dossiers to see their ids."), id);
      goto rollback;
    }
  old_title = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    goto rollback;
  bind_text (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    bind_text (stmt, 2, title);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    bind_text (stmt, 3, now);
  if (!step_done (self, stmt, error))
    goto rollback;

  if (!append_audit (self, id, action, NULL, old_title, title, now, error) ||
      !exec_sql (self, "COMMIT", error))
    goto rollback;
  return TRUE;

rollback:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gpointer
op_rename (CzStore   *self,
           gpointer   data,
           GError   **error)
{
  RenameData *rename = data;

  if (!change_dossier_row (self, "UPDATE dossiers SET title = ?2, modified_at = ?3 WHERE id = ?1",
                           rename->id, rename->title, "rename", error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static gpointer
op_delete (CzStore   *self,
           gpointer   data,
           GError   **error)
{
  if (!change_dossier_row (self, "DELETE FROM dossiers WHERE id = ?1", data, NULL, "delete", error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static gpointer
op_audit (CzStore   *self,
          gpointer   data,
          GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_audit_entry_free);
  int rc;

  stmt = prepare (self,
                  "SELECT seq, dossier_id, action, field_id, old_value, new_value, changed_at "
                  "FROM audit WHERE dossier_id = ?1 ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, data);

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
      set_sql_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
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
  g_clear_pointer (&self->jobs, g_async_queue_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_clear_pointer (&self->open_dossiers, g_hash_table_unref);
  g_queue_clear_full (&self->events, (GDestroyNotify) store_event_free);
  g_mutex_clear (&self->lock);

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
  g_mutex_init (&self->lock);
  g_queue_init (&self->events);
  self->jobs = g_async_queue_new ();
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) pending_change_free);
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  return g_build_filename (g_get_user_data_dir (), "coopzone", "coopzone.db", NULL);
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

  if (!open_database (self, error))
    {
      self->closed = TRUE;
      return NULL;
    }

  self->event_source = g_source_new (&event_source_funcs, sizeof (GSource));
  g_source_set_callback (self->event_source, dispatch_events, self, NULL);
  g_source_set_name (self->event_source, "[coopzone] store events");
  g_source_attach (self->event_source, g_main_context_get_thread_default ());

  self->worker = g_thread_new ("cz-store", worker_main, self);

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

  if (self->worker != NULL)
    {
      Job *job = g_new0 (Job, 1);

      job->kind = JOB_QUIT;
      push_job (self, job);
      g_thread_join (g_steal_pointer (&self->worker));
    }
  self->closed = TRUE;

  g_hash_table_iter_init (&iter, self->open_dossiers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      untrack_dossier (self, value);
      g_hash_table_iter_remove (&iter);
    }

  close_db (self);

  /* Deliver the last ::saved while the store can still be listened to. */
  if (self->event_source != NULL && !g_queue_is_empty (&self->events))
    dispatch_events (self);
}

GPtrArray *
cz_store_list_dossiers (CzStore  *self,
                        GError  **error)
{
  g_return_val_if_fail (CZ_IS_STORE (self), NULL);
  return run_sync (self, op_list, NULL, NULL, error);
}

void
cz_store_list_dossiers_async (CzStore             *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (CZ_IS_STORE (self));
  run_async (self, op_list, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
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

  loaded = run_sync (self, op_load, g_strdup (id), g_free, error);
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
  run_async (self, op_load, g_strdup (id), g_free, g_object_unref,
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
insert_snapshot (CzStore   *self,
                 Snapshot  *snapshot,
                 GError   **error)
{
  CzDossier *loaded = run_sync (self, op_insert, snapshot, (GDestroyNotify) snapshot_free, error);

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
  return insert_snapshot (self, snapshot_new ("create", title, NULL), error);
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
  return insert_snapshot (self, snapshot_new ("import", cz_dossier_get_title (source), source), error);
}

CzDossier *
cz_store_duplicate_dossier (CzStore     *self,
                            const char  *id,
                            const char  *title,
                            GError     **error)
{
  Snapshot *snapshot;

  g_return_val_if_fail (CZ_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  snapshot = snapshot_new ("duplicate", title, NULL);
  snapshot->source_id = g_strdup (id);
  return insert_snapshot (self, snapshot, error);
}

gboolean
cz_store_rename_dossier (CzStore     *self,
                         const char  *id,
                         const char  *title,
                         GError     **error)
{
  RenameData *data;
  CzDossier *open;

  g_return_val_if_fail (CZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  data = g_new0 (RenameData, 1);
  data->id = g_strdup (id);
  data->title = g_strdup (title ? title : "");
  if (run_sync (self, op_rename, data, (GDestroyNotify) rename_data_free, error) == NULL)
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

  if (run_sync (self, op_delete, g_strdup (id), g_free, error) == NULL)
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
  return run_sync (self, NULL, NULL, NULL, error) != NULL;
}

gboolean
cz_store_has_pending (CzStore    *self,
                      const char *dossier_id)
{
  g_autofree char *prefix = NULL;
  GHashTableIter iter;
  gpointer key;
  gboolean found;

  g_return_val_if_fail (CZ_IS_STORE (self), FALSE);

  prefix = g_strconcat (dossier_id, "\n", NULL);
  g_mutex_lock (&self->lock);
  found = g_hash_table_contains (self->in_flight, dossier_id);
  g_hash_table_iter_init (&iter, self->pending);
  while (!found && g_hash_table_iter_next (&iter, &key, NULL))
    found = g_str_has_prefix (key, prefix);
  g_mutex_unlock (&self->lock);

  return found;
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
  return run_sync (self, op_audit, g_strdup (dossier_id), g_free, error);
}
