/* cz-dossier.h — one zone's application while it is being prepared
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cz-value.h"

G_BEGIN_DECLS

#define CZ_DOSSIER_FORMAT         "io.github.coopzone.dossier"
#define CZ_DOSSIER_FORMAT_VERSION 1

#define CZ_DOSSIER_ERROR (cz_dossier_error_quark ())

typedef enum
{
  CZ_DOSSIER_ERROR_NOT_UTF8,
  CZ_DOSSIER_ERROR_INVALID_JSON,
  CZ_DOSSIER_ERROR_NOT_A_DOSSIER,
  CZ_DOSSIER_ERROR_NEWER_FORMAT,
  CZ_DOSSIER_ERROR_INVALID_FIELD,
} CzDossierError;

/* Whether the dossier's answers are on disk: the store says so as it saves. */
typedef enum
{
  CZ_SAVE_STATE_SAVED,    /* every change is on disk (or there is no store) */
  CZ_SAVE_STATE_SAVING,   /* a change is on its way */
  CZ_SAVE_STATE_FAILED,   /* the last write failed; see the save error */
} CzSaveState;

#define CZ_TYPE_SAVE_STATE (cz_save_state_get_type ())
GType cz_save_state_get_type (void);

#define CZ_TYPE_DOSSIER (cz_dossier_get_type ())

G_DECLARE_FINAL_TYPE (CzDossier, cz_dossier, CZ, DOSSIER, GObject)

GQuark        cz_dossier_error_quark        (void);

CzDossier    *cz_dossier_new                (const char   *id);
const char   *cz_dossier_get_id             (CzDossier    *self);
const char   *cz_dossier_get_title          (CzDossier    *self);
void          cz_dossier_set_title          (CzDossier    *self,
                                             const char   *title);
char         *cz_dossier_dup_display_name   (CzDossier    *self);
GDateTime    *cz_dossier_get_created        (CzDossier    *self);
GDateTime    *cz_dossier_get_modified       (CzDossier    *self);
void          cz_dossier_set_modified       (CzDossier    *self,
                                             GDateTime    *modified);
/* "save-state" (notified on change) and the message of the failure while it
 * is CZ_SAVE_STATE_FAILED. Set by the store that keeps the dossier. */
CzSaveState   cz_dossier_get_save_state     (CzDossier    *self);
const char   *cz_dossier_get_save_error     (CzDossier    *self);
void          cz_dossier_set_save_state     (CzDossier    *self,
                                             CzSaveState   state,
                                             const char   *error_message);

CzValue      *cz_dossier_get_value          (CzDossier    *self,
                                             const char   *field_id);
void          cz_dossier_set_value          (CzDossier    *self,
                                             const char   *field_id,
                                             CzValue      *value);
guint         cz_dossier_get_n_fields       (CzDossier    *self);
GPtrArray    *cz_dossier_dup_field_ids      (CzDossier    *self);
GPtrArray    *cz_dossier_dup_unknown_field_ids (CzDossier  *self);
char         *cz_dossier_dup_unknown_fields_message (CzDossier *self);

const char   *cz_dossier_get_text           (CzDossier    *self,
                                             const char   *field_id);
void          cz_dossier_set_text           (CzDossier    *self,
                                             const char   *field_id,
                                             const char   *text);
gboolean      cz_dossier_get_integer        (CzDossier    *self,
                                             const char   *field_id,
                                             gint64       *integer);
void          cz_dossier_set_integer        (CzDossier    *self,
                                             const char   *field_id,
                                             gint64        integer);
gboolean      cz_dossier_get_money          (CzDossier    *self,
                                             const char   *field_id,
                                             gint64       *fen);
void          cz_dossier_set_money          (CzDossier    *self,
                                             const char   *field_id,
                                             gint64        fen);
const char  **cz_dossier_dup_text_list      (CzDossier    *self,
                                             const char   *field_id);
void          cz_dossier_set_text_list      (CzDossier    *self,
                                             const char   *field_id,
                                             const char * const *texts);
void          cz_dossier_clear              (CzDossier    *self,
                                             const char   *field_id);

JsonNode     *cz_dossier_to_json            (CzDossier    *self);
char         *cz_dossier_to_data            (CzDossier    *self,
                                             gsize        *length);
CzDossier    *cz_dossier_new_from_json      (JsonNode     *node,
                                             GError      **error);
CzDossier    *cz_dossier_new_from_data      (const char   *data,
                                             gssize        length,
                                             const char   *source_name,
                                             GError      **error);
CzDossier    *cz_dossier_new_from_file      (GFile        *file,
                                             GCancellable *cancellable,
                                             GError      **error);
gboolean      cz_dossier_save_to_file       (CzDossier    *self,
                                             GFile        *file,
                                             GCancellable *cancellable,
                                             GError      **error);

G_END_DECLS
