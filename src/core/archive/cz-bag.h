/* cz-bag.h — BagIt 1.0 (RFC 8493) pieces: manifests, bag-info, Payload-Oxum
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CZ_BAG_DECLARATION "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

/* Appends "<hex>  <path>\n", the path percent-encoded as RFC 8493 §2.1.3 asks
 * (only CR, LF and % are). */
void        cz_bag_manifest_append     (GString     *manifest,
                                        const char  *sha256_hex,
                                        const char  *path);
/* Path → lower-case hex. FALSE on a malformed line, a duplicate path or a
 * path that leaves the bag; *bad_line is the 1-based line. */
GHashTable *cz_bag_manifest_parse      (const char  *text,
                                        gsize        length,
                                        guint       *bad_line);

/* Appends "Label: value\n", folding nothing: values never hold newlines. */
void        cz_bag_info_append         (GString     *info,
                                        const char  *label,
                                        const char  *value);
/* The first value of @label in bag-info text, or NULL. */
char       *cz_bag_info_dup_value      (const char  *text,
                                        const char  *label);

char       *cz_bag_payload_oxum_format (guint64      octets,
                                        guint64      files);
gboolean    cz_bag_payload_oxum_parse  (const char  *text,
                                        guint64     *octets,
                                        guint64     *files);

/* A file name safe in any file system and in a manifest line: no separators,
 * controls, "%", or reserved characters; at most 80 characters; never empty. */
char       *cz_bag_safe_name           (const char  *name);

/* Two names that a case-insensitive or normalising file system would treat
 * as one have the same key: NFC, then case-folded. */
char       *cz_archive_name_key               (const char    *name);

/* Manifest lines ("<64 hex>  <path>\n") in path order. */
int         cz_archive_compare_manifest_lines (gconstpointer  a,
                                               gconstpointer  b);

G_END_DECLS
