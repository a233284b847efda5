/* cz-zip-guard.h — refusing hostile ZIPs from the central directory alone
 *
 * Private to src/core/archive: verify and extract both start here.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-archive.h"

G_BEGIN_DECLS

/* One entry of the central directory, as judged. */
typedef struct
{
  char    *name;
  gsize    name_length;  /* as the directory says: a NUL inside makes it longer than strlen */
  guint64  compressed;
  guint64  uncompressed;
  guint64  offset;
  guint16  method;
  guint16  flags;
  guint16  version_needed;
  guint32  crc;
  guint32  mode;       /* Unix mode when made on Unix, else 0 */
  gboolean is_dir;
} CzZipEntry;

/* Sets @error to "“@archive_name” was refused: <why @code> (“@entry_name”)"
 * and returns FALSE. */
gboolean        cz_zip_refuse          (GError        **error,
                                        CzArchiveError  code,
                                        const char     *archive_name,
                                        const char     *entry_name);

/* CZ_ARCHIVE_ERROR_FAILED when @name (of @length bytes) is a safe relative
 * UTF-8 path; else why it is not. */
CzArchiveError  cz_zip_judge_name      (const char     *name,
                                        gsize           length);

/* Opens @path (a regular file), reads and judges its central directory and
 * finds the bag's top-level folder (@out_bag_name). Returns the entries
 * (CzZipEntry), or NULL with @error set: nothing of the content was read. */
GPtrArray      *cz_zip_guard_open_bag  (const char     *path,
                                        const char     *archive_name,
                                        char          **out_bag_name,
                                        GError        **error);

G_END_DECLS
