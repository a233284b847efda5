/* cz-zip-output.h — the ZIP an archive is written into
 *
 * Private to src/core/archive. Entries go to an unnamed temporary file
 * beside the destination; payload files are hashed while they are written
 * and listed for manifest-sha256.txt; only a complete, synced file is
 * committed (linked and renamed over the destination).
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-archive.h"

G_BEGIN_DECLS

typedef struct _CzZipOutput CzZipOutput;

/* Every entry is named "@bag_name/<bag path>". @progress is told the bytes
 * of payload written so far, of cz_zip_output_add_total() in all. */
CzZipOutput *cz_zip_output_new             (GFile                 *destination,
                                            const char            *bag_name,
                                            GCancellable          *cancellable,
                                            CzArchiveProgressFunc  progress,
                                            gpointer               progress_data);
void         cz_zip_output_free            (CzZipOutput           *out);
void         cz_zip_output_add_total       (CzZipOutput           *out,
                                            guint64                bytes);

/* Creates the temporary file and starts the ZIP; @stream_files: files will
 * be streamed through cz_zip_output_write_file(). */
gboolean     cz_zip_output_open            (CzZipOutput           *out,
                                            gboolean               stream_files,
                                            GError               **error);

/* A whole small file held in memory: a tag file, dossier.json, the form. */
gboolean     cz_zip_output_write_memory    (CzZipOutput           *out,
                                            const char            *bag_path,
                                            const void            *data,
                                            gsize                  length,
                                            gboolean               compress,
                                            GDateTime             *mtime,
                                            GError               **error);
/* Streams @file into the entry @bag_path (stored), hashing as it goes, and
 * lists it in the manifest. Returns the hex SHA-256, NULL on error or when
 * it is not @expected_sha256 (when given). */
char        *cz_zip_output_write_file      (CzZipOutput           *out,
                                            GFile                 *file,
                                            const char            *bag_path,
                                            GDateTime             *mtime,
                                            const char            *expected_sha256,
                                            guint64               *size_out,
                                            GError               **error);
/* Lists a payload file written with cz_zip_output_write_memory(). */
void         cz_zip_output_add_to_manifest (CzZipOutput           *out,
                                            const char            *bag_path,
                                            const char            *sha256_hex,
                                            guint64                size);
/* Counts @bytes of payload as written and reports progress. */
void         cz_zip_output_advance         (CzZipOutput           *out,
                                            guint64                bytes);

/* The manifest lines so far ("<sha256>  <path>\n"), in the order written. */
GPtrArray   *cz_zip_output_get_manifest_lines (CzZipOutput        *out);
guint64      cz_zip_output_get_payload_octets (CzZipOutput        *out);
guint64      cz_zip_output_get_payload_files  (CzZipOutput        *out);

/* Closes the ZIP, syncs it and renames it over the destination. */
gboolean     cz_zip_output_commit          (CzZipOutput           *out,
                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzZipOutput, cz_zip_output_free)

G_END_DECLS
