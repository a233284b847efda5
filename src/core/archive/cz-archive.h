/* cz-archive.h — the signed submission archive (申报包): pack and verify
 *
 * Format version 1 (DESIGN.md): a ZIP holding one BagIt 1.0 bag whose tag
 * manifest carries a detached CMS signature.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cz-dossier.h"
#include "cz-progress-relay.h"
#include "cz-signer.h"

G_BEGIN_DECLS

#define CZ_ARCHIVE_FORMAT         "io.github.coopzone.archive"
#define CZ_ARCHIVE_FORMAT_VERSION 1
/* Where the 申报表 lies inside the bag; the content fingerprint leaves it out. */
#define CZ_ARCHIVE_FORM_PATH      "data/application-form.pdf"

#define CZ_ARCHIVE_ERROR (cz_archive_error_quark ())

typedef enum
{
  CZ_ARCHIVE_ERROR_FAILED,
  /* packing */
  CZ_ARCHIVE_ERROR_BLOCKERS,        /* the dossier has blockers; the message lists each */
  CZ_ARCHIVE_ERROR_NOT_CHECKED,     /* no rules check (findings) was given */
  CZ_ARCHIVE_ERROR_EVIDENCE,        /* an evidence file is unreadable or changed */
  CZ_ARCHIVE_ERROR_WRITE,           /* the archive could not be written */
  /* reading: the archive is refused before anything is checked */
  CZ_ARCHIVE_ERROR_READ,            /* the file could not be read at all */
  CZ_ARCHIVE_ERROR_NOT_A_ZIP,
  CZ_ARCHIVE_ERROR_TRUNCATED,
  CZ_ARCHIVE_ERROR_CORRUPT,         /* an entry's data does not decompress or match its CRC */
  CZ_ARCHIVE_ERROR_PATH_TRAVERSAL,  /* a name with ".." (or "." or "\") in it */
  CZ_ARCHIVE_ERROR_ABSOLUTE_PATH,
  CZ_ARCHIVE_ERROR_SYMLINK,
  CZ_ARCHIVE_ERROR_HARDLINK,
  CZ_ARCHIVE_ERROR_SPECIAL_FILE,    /* a device, FIFO or socket */
  CZ_ARCHIVE_ERROR_DUPLICATE_NAME,
  CZ_ARCHIVE_ERROR_NAME_COLLISION,  /* names equal once case-folded and NFC-normalised */
  CZ_ARCHIVE_ERROR_NAME_NOT_UTF8,
  CZ_ARCHIVE_ERROR_ZIP_BOMB,        /* absurd sizes, compression ratio or entry count */
  CZ_ARCHIVE_ERROR_NOT_A_BAG,       /* a valid ZIP, but not a CoopZone archive */
  CZ_ARCHIVE_ERROR_UNSUPPORTED,     /* encryption, a method other than stored/deflated, a version past 4.5 */
  CZ_ARCHIVE_ERROR_INCONSISTENT,    /* an entry's local header and central directory disagree */
} CzArchiveError;

/* What verify checks; a failed check is listed in the result. */
typedef enum
{
  CZ_ARCHIVE_CHECK_SIGNATURE     = 1 << 0,  /* the CMS signature over the tag manifest */
  CZ_ARCHIVE_CHECK_TRUST         = 1 << 1,  /* the signer chains to the given CA / department cert */
  CZ_ARCHIVE_CHECK_TAG_MANIFEST  = 1 << 2,  /* bagit.txt, bag-info.txt, manifest-sha256.txt */
  CZ_ARCHIVE_CHECK_MANIFEST      = 1 << 3,  /* every payload file's SHA-256 */
  CZ_ARCHIVE_CHECK_COMPLETE      = 1 << 4,  /* no file missing, none extra */
  CZ_ARCHIVE_CHECK_PAYLOAD_OXUM  = 1 << 5,
  CZ_ARCHIVE_CHECK_BAG_INFO      = 1 << 6,  /* bagit.txt and the bag-info members CoopZone writes */
  CZ_ARCHIVE_CHECK_SIGNER_VALIDITY = 1 << 7, /* the signing time lies within the signer certificate's validity */
} CzArchiveCheck;

GQuark cz_archive_error_quark (void);

/* ---------------------------------------------------------------------- */
/* Packing                                                                  */

typedef struct _CzPackOptions CzPackOptions;

#define CZ_TYPE_PACK_OPTIONS (cz_pack_options_get_type ())
GType          cz_pack_options_get_type          (void) G_GNUC_CONST;

CzPackOptions *cz_pack_options_new               (void);
CzPackOptions *cz_pack_options_ref               (CzPackOptions *options);
void           cz_pack_options_unref             (CzPackOptions *options);

/* The rules check at signing time, as the validator reports it:
 *   { "rules_pack": { "id": "…", "sha256": "…" },
 *     "findings": [ { "rule_id", "severity": "blocker"|"warning"|"hint",
 *                     "field_id", "message", "citation" }, … ],
 *     "score": { … } }
 * Required; a finding with severity "blocker" refuses the pack. */
void           cz_pack_options_set_check         (CzPackOptions *options,
                                                  JsonNode      *check);
/* That check (borrowed), or NULL. */
JsonNode      *cz_pack_options_get_check         (CzPackOptions *options);
/* One evidence file for @criterion (a rules-pack criterion id). @pages is a
 * page citation such as "3-5,8" (NULL: the whole file); @sha256 (NULL: not
 * known) is compared with what is read. Files are numbered per criterion in
 * the order added: data/evidence/<criterion>/<nn>-<title>.pdf. */
void           cz_pack_options_add_evidence      (CzPackOptions *options,
                                                  const char    *criterion,
                                                  GFile         *file,
                                                  const char    *title,
                                                  const char    *pages,
                                                  const char    *sha256);
/* A payload file given as bytes, such as the roster's "data/roster.csv",
 * referenced from dossier.json as "@key": {"path", "sha256", "size"}. */
void           cz_pack_options_add_data_file     (CzPackOptions *options,
                                                  const char    *key,
                                                  const char    *path,
                                                  GBytes        *bytes);
/* The printable 申报表; without one, bag-info says it is not included. */
void           cz_pack_options_set_application_form_file  (CzPackOptions *options,
                                                           GFile         *file);
void           cz_pack_options_set_application_form_bytes (CzPackOptions *options,
                                                           GBytes        *pdf);
/* Renders the 申报表 on the packing thread, after every other payload file
 * is written: @content_fingerprint ("AB:CD:…", see
 * cz-content-fingerprint.h) and @certificate_fingerprint (the signer's) go
 * into its page footers. Returns the PDF, or NULL with @error set to refuse
 * the pack. cz_form_render_for_archive() is one. */
typedef GBytes *(*CzApplicationFormFunc) (JsonNode      *dossier_json,
                                          const char    *content_fingerprint,
                                          const char    *certificate_fingerprint,
                                          gpointer       user_data,
                                          GCancellable  *cancellable,
                                          GError       **error);
/* Replaces a form file or bytes. dossier.json then names the form without
 * its SHA-256, which the content fingerprint cannot cover (the manifest
 * does). */
void           cz_pack_options_set_application_form_func (CzPackOptions         *options,
                                                          CzApplicationFormFunc  func,
                                                          gpointer               user_data,
                                                          GDestroyNotify         destroy);
/* NULL (the default): the time the pack starts. */
void           cz_pack_options_set_signing_time  (CzPackOptions *options,
                                                  GDateTime     *signing_time);
/* NULL (the default): the dossier's applicant.department, else the signer's O. */
void           cz_pack_options_set_organisation  (CzPackOptions *options,
                                                  const char    *organisation);

/* After a successful pack: "AB:CD:…", the SHA-256 of the signed tag
 * manifest, for the printed form and the user to note. */
const char    *cz_pack_options_get_tag_manifest_fingerprint (CzPackOptions *options);
/* After a successful pack: "AB:CD:…", the content fingerprint the form's
 * footers carry (see cz-content-fingerprint.h). */
const char    *cz_pack_options_get_content_fingerprint (CzPackOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzPackOptions, cz_pack_options_unref)

/* Called with the bytes of evidence and form written so far and in all. */
typedef CzProgressFunc CzArchiveProgressFunc;

/* Writes the archive to a temporary file beside @destination, syncs it and
 * renames it into place. A refusal, a cancel or an error leaves @destination
 * as it was. */
gboolean       cz_archive_pack                   (CzDossier             *dossier,
                                                  CzPackOptions         *options,
                                                  CzSigner              *signer,
                                                  GFile                 *destination,
                                                  GCancellable          *cancellable,
                                                  CzArchiveProgressFunc  progress,
                                                  gpointer               progress_data,
                                                  GError               **error);
/* The dossier is read on the calling thread; @progress is called on the
 * calling thread's main context. */
void           cz_archive_pack_async             (CzDossier             *dossier,
                                                  CzPackOptions         *options,
                                                  CzSigner              *signer,
                                                  GFile                 *destination,
                                                  GCancellable          *cancellable,
                                                  CzArchiveProgressFunc  progress,
                                                  gpointer               progress_data,
                                                  GDestroyNotify         progress_data_free,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
gboolean       cz_archive_pack_finish            (GAsyncResult          *result,
                                                  GError               **error);

/* ---------------------------------------------------------------------- */
/* Verifying                                                                */

#define CZ_TYPE_ARCHIVE_VERIFICATION (cz_archive_verification_get_type ())
G_DECLARE_FINAL_TYPE (CzArchiveVerification, cz_archive_verification, CZ, ARCHIVE_VERIFICATION, GObject)

/* Refuses a hostile or damaged ZIP, or one that is not a CoopZone archive,
 * with a CZ_ARCHIVE_ERROR before reading any content, and writes nothing to
 * disk. Otherwise returns what it found, valid or not. @trusted_certificates
 * (PEM or DER, NULL: none) are the CA or department certificates the signer
 * must chain to. */
CzArchiveVerification *cz_archive_verify        (GFile          *archive,
                                                 GBytes         *trusted_certificates,
                                                 GCancellable   *cancellable,
                                                 CzArchiveProgressFunc progress,
                                                 gpointer        progress_data,
                                                 GError        **error);
/* @progress (bytes decompressed so far, of all) is called on the calling
 * thread's main context. */
void                   cz_archive_verify_async  (GFile          *archive,
                                                 GBytes         *trusted_certificates,
                                                 GCancellable   *cancellable,
                                                 CzArchiveProgressFunc progress,
                                                 gpointer        progress_data,
                                                 GDestroyNotify  progress_data_free,
                                                 GAsyncReadyCallback callback,
                                                 gpointer        user_data);
CzArchiveVerification *cz_archive_verify_finish (GAsyncResult   *result,
                                                 GError        **error);

gboolean      cz_archive_verification_get_valid            (CzArchiveVerification *self);
CzArchiveCheck cz_archive_verification_get_failed_checks   (CzArchiveVerification *self);
/* Translated sentences, one per problem found; empty when valid. */
const char * const *cz_archive_verification_get_problems   (CzArchiveVerification *self);
gboolean      cz_archive_verification_get_trust_checked    (CzArchiveVerification *self);
const char   *cz_archive_verification_get_bag_name         (CzArchiveVerification *self);
const char   *cz_archive_verification_get_signer_subject   (CzArchiveVerification *self);
const char   *cz_archive_verification_get_signer_fingerprint (CzArchiveVerification *self);
GBytes       *cz_archive_verification_get_signer_certificate (CzArchiveVerification *self);
GDateTime    *cz_archive_verification_get_signing_time     (CzArchiveVerification *self);
/* The signer certificate's validity (NULL when there is no certificate). */
GDateTime    *cz_archive_verification_get_signer_not_before (CzArchiveVerification *self);
GDateTime    *cz_archive_verification_get_signer_not_after  (CzArchiveVerification *self);
const char   *cz_archive_verification_get_organisation     (CzArchiveVerification *self);
const char   *cz_archive_verification_get_rules_pack_id    (CzArchiveVerification *self);
const char   *cz_archive_verification_get_rules_pack_sha256 (CzArchiveVerification *self);
const char   *cz_archive_verification_get_app_version      (CzArchiveVerification *self);
const char   *cz_archive_verification_get_payload_oxum     (CzArchiveVerification *self);
/* "AB:CD:…", the SHA-256 of the signed tag manifest the printed form carries. */
const char   *cz_archive_verification_get_tag_manifest_fingerprint (CzArchiveVerification *self);
/* "AB:CD:…", computed from manifest-sha256.txt: what the form's footers
 * carry (see cz-content-fingerprint.h). NULL when there is no manifest. */
const char   *cz_archive_verification_get_content_fingerprint (CzArchiveVerification *self);
/* Payload paths relative to the bag ("data/…"), sorted. */
const char * const *cz_archive_verification_get_files      (CzArchiveVerification *self);
/* data/dossier.json as read (NULL when missing or not JSON). */
JsonNode     *cz_archive_verification_get_dossier_json     (CzArchiveVerification *self);
JsonNode     *cz_archive_verification_to_json              (CzArchiveVerification *self);

/* The bytes of one payload file (@path as in the manifest: "data/…") of
 * @archive, for a preview: the archive is refused as cz_archive_verify()
 * refuses it, the entry must be a regular file of at most @max_size bytes,
 * and nothing is written to disk. It is not checked against the manifest:
 * verify first. */
GBytes       *cz_archive_extract_payload_file (GFile          *archive,
                                               const char     *path,
                                               guint64         max_size,
                                               GCancellable   *cancellable,
                                               GError        **error);
void          cz_archive_extract_payload_file_async  (GFile          *archive,
                                                      const char     *path,
                                                      guint64         max_size,
                                                      GCancellable   *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer        user_data);
GBytes       *cz_archive_extract_payload_file_finish (GAsyncResult   *result,
                                                      GError        **error);

/* The SHA-256 fingerprint of a tag manifest, "AB:CD:…". */
char         *cz_archive_dup_tag_manifest_fingerprint      (GBytes                *tag_manifest);

G_END_DECLS
