/* cz-value.h — one typed answer of a dossier field
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  CZ_FIELD_KIND_TEXT,      /* free text, UTF-8 */
  CZ_FIELD_KIND_INTEGER,   /* a count or a measure in an integer unit (e.g. m²) */
  CZ_FIELD_KIND_MONEY,     /* yuan in fen (1/100 yuan), never floating point */
  CZ_FIELD_KIND_DATE,      /* a calendar date, ISO 8601 YYYY-MM-DD */
  CZ_FIELD_KIND_TEXT_LIST, /* several short texts: partner countries, industries */
  CZ_FIELD_KIND_RECORDS,   /* a list of records whose members are text or integers */
} CzFieldKind;

/* Nicks are the kinds' names in dossier files: "text", "money_fen", … */
#define CZ_TYPE_FIELD_KIND (cz_field_kind_get_type ())
GType cz_field_kind_get_type (void);

/* The limits of a value in a dossier file (docs/dossier-format.md, "Limits").
 * A reader refuses the whole file past any of them, naming the field. They are
 * far above any real answer and keep every sum and product the rules and the
 * form compute inside 64 bits. */
#define CZ_VALUE_MAX_TEXT_BYTES      65536                              /* a text, a list item, a record's text */
#define CZ_VALUE_MAX_LIST_ITEMS      200                                /* items of a text_list */
#define CZ_VALUE_MAX_RECORDS         2000                               /* records of a records value */
#define CZ_VALUE_MAX_RECORD_MEMBERS  32                                 /* members of one record */
#define CZ_VALUE_MAX_MEMBER_NAME     64                                 /* bytes of a record member's name */
#define CZ_VALUE_MAX_INTEGER         G_GINT64_CONSTANT (1000000000000000)   /* |integer| ≤ 10^15 */
#define CZ_VALUE_MAX_MONEY_FEN       G_GINT64_CONSTANT (10000000000000000)  /* |fen| ≤ 10^16 (100万亿元); also a record's numbers */

#define CZ_TYPE_VALUE (cz_value_get_type ())

typedef struct _CzValue CzValue;

GType        cz_value_get_type        (void) G_GNUC_CONST;

CzValue     *cz_value_new_text        (const char          *text);
CzValue     *cz_value_new_integer     (gint64               integer);
CzValue     *cz_value_new_money       (gint64               fen);
CzValue     *cz_value_new_date        (const GDate         *date);
CzValue     *cz_value_new_text_list   (const char * const  *texts);
CzValue     *cz_value_new_records     (GVariant            *records);

CzValue     *cz_value_ref             (CzValue             *self);
void         cz_value_unref           (CzValue             *self);

CzFieldKind  cz_value_get_kind        (const CzValue       *self);
const char  *cz_value_get_text        (const CzValue       *self);
gint64       cz_value_get_integer     (const CzValue       *self);
gint64       cz_value_get_money       (const CzValue       *self);
GDate       *cz_value_dup_date        (const CzValue       *self);
const char  *cz_value_get_date_iso    (const CzValue       *self);
const char **cz_value_dup_text_list   (const CzValue       *self);
GVariant    *cz_value_get_records     (const CzValue       *self);

gboolean     cz_value_equal           (const CzValue       *a,
                                       const CzValue       *b);
char        *cz_value_to_display      (const CzValue       *self);

JsonNode    *cz_value_to_json         (const CzValue       *self);
char        *cz_value_to_json_string  (const CzValue       *self);
CzValue     *cz_value_new_from_json   (JsonNode            *node,
                                       GError             **error);
CzValue     *cz_value_new_from_json_string (const char     *json,
                                            GError        **error);

const char  *cz_field_kind_to_string  (CzFieldKind          kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzValue, cz_value_unref)

G_END_DECLS
