/* cz-roster.h — the zone's enterprises (企业名录): imported, checked row by row,
 * classified, totalled with their provenance
 *
 * An import reads the whole file, checks every row and classifies every
 * enterprise, but changes no dossier: the caller shows it, and only
 * cz_roster_apply() (on the user's accept) writes the totals and the
 * provenance into a dossier.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cz-dossier.h"
#include "cz-roster-mapping.h"
#include "cz-sme.h"
#include "cz-spreadsheet.h"

G_BEGIN_DECLS

/* Provenance fields, written with the totals. */
#define CZ_FIELD_ROSTER_SOURCE_NAME   "roster.source_name"    /* text: the file's name */
#define CZ_FIELD_ROSTER_SOURCE_SHA256 "roster.source_sha256"  /* text: the imported file's SHA-256 */
#define CZ_FIELD_ROSTER_IMPORTED      "roster.imported"       /* date */
#define CZ_FIELD_ROSTER_ROWS          "roster.rows"           /* integer: enterprises */
#define CZ_FIELD_ROSTER_YEAR          "roster.year"           /* integer: the year its figures cover */
#define CZ_FIELD_ROSTER_CSV_SHA256    "roster.csv_sha256"     /* text: SHA-256 of data/roster.csv */
#define CZ_FIELD_ROSTER_COMPUTED      "roster.computed"       /* text list: "field=json value" */

#define CZ_ROSTER_CSV_PATH "data/roster.csv"

typedef enum
{
  CZ_ROSTER_ERROR_SEVERITY,    /* blocks the totals that depend on it */
  CZ_ROSTER_WARNING_SEVERITY,  /* worth a look; blocks nothing */
  CZ_ROSTER_NOTE_SEVERITY,     /* what the import did: a value normalised */
} CzRosterSeverity;

typedef struct
{
  guint             row;       /* as the spreadsheet shows it */
  CzRosterColumn    column;    /* CZ_ROSTER_NO_COLUMN for the whole row */
  CzRosterSeverity  severity;
  const char       *code;      /* stable: "check-character", "duplicate-code", … */
  char             *value;     /* the cell as read */
  char             *message;   /* translated, says what to do */
  guint             blocks;    /* mask of 1 << CzRosterTotal */
} CzRosterProblem;

typedef enum
{
  CZ_ROSTER_TOTAL_ENTERPRISES,
  CZ_ROSTER_TOTAL_SME,
  CZ_ROSTER_TOTAL_FOREIGN_INVESTED,
  CZ_ROSTER_TOTAL_SPECIALISED,
  CZ_ROSTER_TOTAL_LITTLE_GIANTS,
  CZ_ROSTER_TOTAL_HIGH_TECH,
  CZ_ROSTER_TOTAL_REVENUE,     /* fen */
  CZ_ROSTER_N_TOTALS,
} CzRosterTotal;

typedef enum
{
  CZ_ROSTER_FLAG_UNKNOWN = -1,
  CZ_ROSTER_FLAG_NO = 0,
  CZ_ROSTER_FLAG_YES = 1,
} CzRosterFlag;

typedef struct
{
  guint         row;
  const char   *name;
  const char   *credit_code;
  const char   *industry;         /* as written */
  int           sme_industry;     /* CzSmeIndustry, or -1 */
  gint64        employees;        /* -1: not given */
  gint64        revenue_fen;      /* -1: not given */
  gint64        total_assets_fen; /* -1: not given */
  CzRosterFlag  flags[4];         /* foreign-invested, specialised, little giant, high-tech */
  const char   *entered;          /* ISO date or NULL */
  CzSmeStatus   sme;
  CzSmeSize     size;
  const char   *size_rule;        /* the clause that decided, in the rule's words */
} CzRosterEntry;

typedef struct
{
  guint             sheet;
  CzTextEncoding    encoding;
  CzRosterMapping  *mapping;       /* NULL: remembered for this layout, else recognised */
} CzRosterImportOptions;

#define CZ_TYPE_ROSTER (cz_roster_get_type ())
G_DECLARE_FINAL_TYPE (CzRoster, cz_roster, CZ, ROSTER, GObject)

void                   cz_roster_import_options_init (CzRosterImportOptions *options);

CzRoster              *cz_roster_import            (const char                  *path,
                                                    const CzRosterImportOptions *options,
                                                    CzSheetProgressFunc          progress,
                                                    gpointer                     progress_data,
                                                    GCancellable                *cancellable,
                                                    GError                     **error);
/* On a worker thread; @progress is called on the caller's main context. */
void                   cz_roster_import_async      (const char                  *path,
                                                    const CzRosterImportOptions *options,
                                                    CzSheetProgressFunc          progress,
                                                    gpointer                     progress_data,
                                                    GCancellable                *cancellable,
                                                    GAsyncReadyCallback          callback,
                                                    gpointer                     user_data);
CzRoster              *cz_roster_import_finish     (GAsyncResult                *result,
                                                    GError                     **error);

/* The first rows of @path as they are (header included), for a preview:
 * GPtrArray of GStrv. */
GPtrArray             *cz_roster_preview           (const char                  *path,
                                                    guint                        sheet,
                                                    CzTextEncoding               encoding,
                                                    guint                        n_rows,
                                                    GError                     **error);

/* A roster written by cz_roster_to_csv(), read back (from the store). */
CzRoster              *cz_roster_new_from_csv      (GBytes                      *csv,
                                                    GError                     **error);

const char            *cz_roster_get_source_name   (CzRoster *self);
const char            *cz_roster_get_source_sha256 (CzRoster *self);
CzTextEncoding         cz_roster_get_encoding      (CzRoster *self);
const CzRosterMapping *cz_roster_get_mapping       (CzRoster *self);
/* The header row as read, for the mapping drop-downs. */
const char * const    *cz_roster_get_header        (CzRoster *self,
                                                    guint    *n_cells);
guint                  cz_roster_get_n_entries     (CzRoster *self);
const CzRosterEntry   *cz_roster_get_entry         (CzRoster *self,
                                                    guint     index);
guint                  cz_roster_get_n_problems    (CzRoster *self);
const CzRosterProblem *cz_roster_get_problem       (CzRoster *self,
                                                    guint     index);
guint                  cz_roster_count_problems    (CzRoster         *self,
                                                    CzRosterSeverity  severity);

/* FALSE when the roster has no column for it, or errors block it
 * (@out_blocking: how many). */
gboolean               cz_roster_get_total         (CzRoster      *self,
                                                    CzRosterTotal  total,
                                                    gint64        *out_value,
                                                    guint         *out_blocking);
const char            *cz_roster_total_get_label   (CzRosterTotal  total);
/* The dossier field the total fills, for the roster's @year. */
char                  *cz_roster_total_dup_field_id (CzRosterTotal total,
                                                     guint         year);

/* data/roster.csv: UTF-8, the columns of docs/roster-format.md. */
GBytes                *cz_roster_to_csv            (CzRoster *self);
/* The problems for the enterprise desk: UTF-8 with a BOM, so Excel opens it right. */
GBytes                *cz_roster_problems_to_csv   (CzRoster *self);
JsonNode              *cz_roster_to_json           (CzRoster *self,
                                                    gboolean  with_entries);

/* What a re-import changes, by credit code (else name). */
typedef struct
{
  guint      added;
  guint      removed;
  guint      changed;
  GPtrArray *lines;   /* char *: "+ 名称 (代码)", "- …", "~ … : 营业收入" */
} CzRosterDiff;

CzRosterDiff          *cz_roster_compare           (CzRoster *old_roster,
                                                    CzRoster *new_roster);
void                   cz_roster_diff_free         (CzRosterDiff *diff);

/* Writes the totals errors do not block into @dossier for @year, with the
 * provenance fields; blocked totals are left as they are. @csv_sha256 is
 * the SHA-256 of cz_roster_to_csv(). Returns the ids of the fields set. */
GPtrArray             *cz_roster_apply             (CzRoster    *self,
                                                    CzDossier   *dossier,
                                                    guint        year,
                                                    GDateTime   *imported,
                                                    const char  *csv_sha256);
/* The value the roster computed for @field_id (NULL when the field is not
 * computed from the roster): an edit that differs overrides the roster and
 * needs a reason. */
CzValue               *cz_roster_dup_computed_value (CzDossier  *dossier,
                                                     const char *field_id);
/* "from the roster: 1,204 rows, imported on 2026年12月6日, file SHA-256 3f2a…", or NULL. */
char                  *cz_roster_dup_provenance    (CzDossier  *dossier);
/* The roster's year for @dossier: the last complete year before its call year. */
guint                  cz_roster_default_year      (CzDossier  *dossier);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzRosterDiff, cz_roster_diff_free)

G_END_DECLS
