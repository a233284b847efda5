/* cz-store.h — dossiers kept safely in SQLite
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cz-dossier.h"

G_BEGIN_DECLS

#define CZ_STORE_SCHEMA_VERSION 3

#define CZ_STORE_ERROR (cz_store_error_quark ())

typedef enum
{
  CZ_STORE_ERROR_OPEN,          /* the file cannot be opened or created */
  CZ_STORE_ERROR_NEWER_SCHEMA,  /* written by a newer CoopZone; left untouched */
  CZ_STORE_ERROR_CORRUPT,       /* damaged; moved aside */
  CZ_STORE_ERROR_IO,            /* reading or writing failed (disk full, …) */
  CZ_STORE_ERROR_NOT_FOUND,     /* no dossier with that id */
  CZ_STORE_ERROR_CLOSED,
} CzStoreError;

/* A row of the dossier list. */
#define CZ_TYPE_DOSSIER_INFO (cz_dossier_info_get_type ())
G_DECLARE_FINAL_TYPE (CzDossierInfo, cz_dossier_info, CZ, DOSSIER_INFO, GObject)

const char *cz_dossier_info_get_id           (CzDossierInfo *self);
const char *cz_dossier_info_get_title        (CzDossierInfo *self);
const char *cz_dossier_info_get_zone_name    (CzDossierInfo *self);
const char *cz_dossier_info_get_display_name (CzDossierInfo *self);
GDateTime  *cz_dossier_info_get_created      (CzDossierInfo *self);
GDateTime  *cz_dossier_info_get_modified     (CzDossierInfo *self);

#define CZ_TYPE_STORE (cz_store_get_type ())
G_DECLARE_FINAL_TYPE (CzStore, cz_store, CZ, STORE, GObject)

GQuark      cz_store_error_quark           (void);
char       *cz_store_dup_default_path      (void);

CzStore    *cz_store_new                   (const char    *path,
                                            GError       **error);
const char *cz_store_get_path              (CzStore       *self);
const char *cz_store_get_recovery_message  (CzStore       *self);
void        cz_store_close                 (CzStore       *self);

/* Sync API (for the CLI and tests; a few milliseconds at most). */
GPtrArray  *cz_store_list_dossiers         (CzStore       *self,
                                            GError       **error);
CzDossier  *cz_store_create_dossier        (CzStore       *self,
                                            const char    *title,
                                            GError       **error);
CzDossier  *cz_store_open_dossier          (CzStore       *self,
                                            const char    *id,
                                            GError       **error);
CzDossier  *cz_store_import_dossier        (CzStore       *self,
                                            CzDossier     *source,
                                            GError       **error);
CzDossier  *cz_store_duplicate_dossier     (CzStore       *self,
                                            const char    *id,
                                            const char    *title,
                                            GError       **error);
gboolean    cz_store_rename_dossier        (CzStore       *self,
                                            const char    *id,
                                            const char    *title,
                                            GError       **error);
gboolean    cz_store_delete_dossier        (CzStore       *self,
                                            const char    *id,
                                            GError       **error);
gboolean    cz_store_flush                 (CzStore       *self,
                                            GError       **error);
gboolean    cz_store_has_pending           (CzStore       *self,
                                            const char    *dossier_id);
GPtrArray  *cz_store_dup_audit             (CzStore       *self,
                                            const char    *dossier_id,
                                            GError       **error);

/* Async API for the UI thread: the work runs on the store's worker. */
void        cz_store_list_dossiers_async   (CzStore             *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray  *cz_store_list_dossiers_finish  (CzStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void        cz_store_open_dossier_async    (CzStore             *self,
                                            const char          *id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
CzDossier  *cz_store_open_dossier_finish   (CzStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* One row of the append-only audit trail. */
typedef struct
{
  gint64     seq;
  char      *dossier_id;
  char      *action;     /* "create", "set", "rename", "duplicate", "import", "delete" */
  char      *field_id;   /* NULL unless action is "set" */
  char      *old_value;  /* JSON of the value, NULL when unset */
  char      *new_value;
  char      *changed_at; /* ISO 8601 UTC */
} CzAuditEntry;

void        cz_audit_entry_free            (CzAuditEntry *entry);

/* The dossier's roster of enterprises: the bytes of data/roster.csv and of
 * the problems' CSV, replaced as a whole when an import is accepted (audit
 * action "roster-import", with @summary_json as its new value). The store
 * does not read them. */
gboolean    cz_store_save_roster           (CzStore       *self,
                                            const char    *dossier_id,
                                            GBytes        *csv,
                                            GBytes        *problems,
                                            const char    *summary_json,
                                            GError       **error);
/* NULL without an error when the dossier has no roster. */
GBytes     *cz_store_load_roster           (CzStore       *self,
                                            const char    *dossier_id,
                                            GBytes       **out_problems,
                                            GError       **error);
/* An audit row that is not a field's change: "override" with the reason
 * for replacing a computed total (@note, JSON). */
gboolean    cz_store_append_note           (CzStore       *self,
                                            const char    *dossier_id,
                                            const char    *action,
                                            const char    *field_id,
                                            const char    *note,
                                            GError       **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzAuditEntry, cz_audit_entry_free)

G_END_DECLS
