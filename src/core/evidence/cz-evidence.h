/* cz-evidence.h — attached PDFs: the content-addressed evidence store,
 * inspection with poppler, page citations and the findings on evidence slots
 *
 * Files are copied into <data dir>/coopzone/evidence/<sha256[0:2]>/<sha256>.pdf
 * (written to a temporary file, then renamed; the original is only read).
 * A dossier lists its attachments in the records field "evidence.files".
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cz-dossier.h"
#include "cz-rules.h"

G_BEGIN_DECLS

/* records {slot, sha256, name, title, issuer, date, pages, size, page_count,
 * pdf_version}; see docs/dossier-format.md. */
#ifndef CZ_FIELD_EVIDENCE_FILES
#define CZ_FIELD_EVIDENCE_FILES "evidence.files"
#endif

/* More pages than this is "unusual" (the pack has no parameter for it). */
#define CZ_EVIDENCE_MAX_PAGES_DEFAULT 2000
/* A scan with no resolution recorded is taken to be 300 dpi. */
#define CZ_EVIDENCE_SCAN_DPI_DEFAULT  300.0

#define CZ_EVIDENCE_ERROR (cz_evidence_error_quark ())

typedef enum
{
  CZ_EVIDENCE_ERROR_IO,           /* the file cannot be read, or the store written */
  CZ_EVIDENCE_ERROR_EMPTY,        /* zero bytes */
  CZ_EVIDENCE_ERROR_TOO_LARGE,    /* over the slot's size limit */
  CZ_EVIDENCE_ERROR_ENCRYPTED,    /* password-protected */
  CZ_EVIDENCE_ERROR_DAMAGED,      /* truncated, damaged, or not a PDF */
  CZ_EVIDENCE_ERROR_PAGE_COUNT,   /* no pages, or unusually many */
  CZ_EVIDENCE_ERROR_IMAGE,        /* a JPEG or PNG that cannot be read */
  CZ_EVIDENCE_ERROR_PAGES,        /* a page citation that does not fit the file */
  CZ_EVIDENCE_ERROR_UNKNOWN_SLOT, /* the rules pack has no such slot */
  CZ_EVIDENCE_ERROR_MISSING,      /* the stored copy is gone */
} CzEvidenceError;

GQuark cz_evidence_error_quark (void);

/* What inspecting one file found. @problem is NULL for a good file, otherwise
 * a CZ_EVIDENCE_ERROR saying what is wrong and what to do. */
typedef struct
{
  char    *sha256;        /* of the stored copy; NULL when nothing was stored */
  char    *name;          /* the original file's name */
  char    *title;         /* the PDF's own title, or NULL */
  char    *pdf_version;   /* "1.7", or NULL */
  guint64  size;          /* bytes of the stored copy */
  guint    page_count;    /* 0 when unknown */
  gboolean converted;     /* a JPEG/PNG turned into a one-page PDF */
  GError  *problem;
} CzEvidenceInfo;

void             cz_evidence_info_free   (CzEvidenceInfo *info);
CzEvidenceInfo  *cz_evidence_info_copy   (const CzEvidenceInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzEvidenceInfo, cz_evidence_info_free)

/* Limits an inspection checks against: a slot's max_bytes (0: none) and the
 * highest page count that is not unusual (0: CZ_EVIDENCE_MAX_PAGES_DEFAULT). */
typedef struct
{
  guint64 max_bytes;
  guint   max_pages;
} CzEvidenceLimits;

void              cz_evidence_limits_for_slot (CzEvidenceLimits     *limits,
                                               const CzEvidenceSlot *slot);

/* Inspects a PDF with poppler (blocking: call it on a worker). Never fails:
 * what is wrong with the file goes into the info's problem. @name names the
 * file in messages. */
CzEvidenceInfo   *cz_evidence_inspect_file    (const char             *path,
                                               const char             *name,
                                               const CzEvidenceLimits *limits);

/* JPEG or PNG bytes → a one-page PDF of the image at its true size (its own
 * dpi, else CZ_EVIDENCE_SCAN_DPI_DEFAULT). The output is the same for the
 * same image. NULL with CZ_EVIDENCE_ERROR_IMAGE when it cannot be read. */
gboolean          cz_evidence_is_image        (const guint8           *head,
                                               gsize                   length);
GBytes           *cz_image_to_pdf             (GBytes                 *image,
                                               const char             *name,
                                               GError                **error);

#define CZ_TYPE_EVIDENCE_STORE (cz_evidence_store_get_type ())
G_DECLARE_FINAL_TYPE (CzEvidenceStore, cz_evidence_store, CZ, EVIDENCE_STORE, GObject)

/* @root: the evidence folder. */
CzEvidenceStore  *cz_evidence_store_new              (const char       *root);
/* The evidence folder beside a CzStore's database file. */
CzEvidenceStore  *cz_evidence_store_new_for_database (const char       *database_path);
const char       *cz_evidence_store_get_root         (CzEvidenceStore  *self);
char             *cz_evidence_store_dup_path         (CzEvidenceStore  *self,
                                                      const char       *sha256);
GFile            *cz_evidence_store_dup_file         (CzEvidenceStore  *self,
                                                      const char       *sha256);
gboolean          cz_evidence_store_contains         (CzEvidenceStore  *self,
                                                      const char       *sha256);

/* Copies @file into the store (JPEG/PNG converted first), hashing it as it
 * streams, then inspects the copy. Returns NULL only when the file cannot be
 * read or the store cannot be written; a bad PDF is an info with a problem. */
CzEvidenceInfo   *cz_evidence_store_import           (CzEvidenceStore        *self,
                                                      GFile                  *file,
                                                      const CzEvidenceLimits *limits,
                                                      GCancellable           *cancellable,
                                                      GError                **error);
void              cz_evidence_store_import_async     (CzEvidenceStore        *self,
                                                      GFile                  *file,
                                                      const CzEvidenceLimits *limits,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
CzEvidenceInfo   *cz_evidence_store_import_finish    (CzEvidenceStore        *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
/* Inspects a stored copy (blocking). A store reads each content once, on
 * import or on the first inspection, and remembers what it found by SHA-256:
 * later inspections and lookups judge that again for @name and @limits. */
CzEvidenceInfo   *cz_evidence_store_inspect          (CzEvidenceStore        *self,
                                                      const char             *sha256,
                                                      const char             *name,
                                                      const CzEvidenceLimits *limits);
/* What an earlier import or inspection of @sha256 found, judged for @name
 * and @limits, without reading anything (for the UI thread); NULL when the
 * copy was not inspected yet. */
CzEvidenceInfo   *cz_evidence_store_lookup           (CzEvidenceStore        *self,
                                                      const char             *sha256,
                                                      const char             *name,
                                                      const CzEvidenceLimits *limits);
/* How many times a stored copy was read to inspect it (tests count them). */
guint             cz_evidence_store_get_n_inspections (CzEvidenceStore       *self);

/* Inspects every stored copy @dossier lists, against its slot's limits
 * (blocking): sha256 → CzEvidenceInfo, for cz_evidence_dup_findings(). */
GHashTable       *cz_evidence_store_inspect_dossier  (CzEvidenceStore        *self,
                                                      CzDossier              *dossier,
                                                      CzRules                *rules);

/* The dossier's "evidence.files". A record for the same slot and sha256 is
 * replaced, not added twice. @pages: a citation such as "2-3" or NULL. */
void              cz_evidence_add_to_dossier         (CzDossier              *dossier,
                                                      const char             *slot_id,
                                                      const CzEvidenceInfo   *info,
                                                      const char             *pages);
gboolean          cz_evidence_remove_from_dossier    (CzDossier              *dossier,
                                                      const char             *slot_id,
                                                      const char             *sha256);
/* Sets a text member ("title", "issuer", "date", "pages") of one record. */
gboolean          cz_evidence_set_member             (CzDossier              *dossier,
                                                      const char             *slot_id,
                                                      const char             *sha256,
                                                      const char             *member,
                                                      const char             *text);
/* The records of @slot_id (NULL: all) as a GPtrArray of GVariant a{sv}. */
GPtrArray        *cz_evidence_dup_records            (CzDossier              *dossier,
                                                      const char             *slot_id);
/* Reads a text / int64 member of a record; "" / 0 when absent. */
const char       *cz_evidence_record_get_text        (GVariant               *record,
                                                      const char             *member);
gint64            cz_evidence_record_get_int         (GVariant               *record,
                                                      const char             *member);

/* Page citations: "12-14", "2,5,7-9". Pages are 1-based; each range ascends.
 * With @page_count 0 only the syntax is checked. */
gboolean          cz_page_ranges_validate            (const char             *text,
                                                      guint                   page_count,
                                                      GError                **error);
/* The pages cited, ascending and without repeats (GArray of guint), or NULL. */
GArray           *cz_page_ranges_parse               (const char             *text,
                                                      guint                   page_count,
                                                      GError                **error);
/* "pp. 12–14" / "第12–14页"; @language as cz_rules_pick_language(). */
char             *cz_page_ranges_dup_citation        (const char             *text,
                                                      const char             *language);

/* Findings on the evidence step: a blocker for each required slot with no
 * file, and one for each bad file. @infos maps sha256 → CzEvidenceInfo
 * (inspection results; a record with no entry is taken to be good). Each
 * finding's field id is "evidence.<slot id>". GPtrArray of CzFinding. */
#define CZ_EVIDENCE_FIELD_PREFIX "evidence."
GPtrArray        *cz_evidence_dup_findings           (CzDossier              *dossier,
                                                      CzRules                *rules,
                                                      GHashTable             *infos);

G_END_DECLS
