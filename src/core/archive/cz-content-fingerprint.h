/* cz-content-fingerprint.h — what ties a printed 申报表 to its signed archive
 *
 * The form inside an archive is itself a payload file, hashed into the
 * manifest that the signed tag manifest hashes: it cannot print the tag
 * manifest's own fingerprint. It prints the content fingerprint instead: the
 * SHA-256 of the payload manifest lines ("<sha256>  data/<path>\n", sorted by
 * path, exactly as manifest-sha256.txt holds them) of every payload file but
 * data/application-form.pdf. The archive writer, the form and verify all
 * compute it here.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @manifest: manifest-sha256.txt, or any of its lines in any order; a line
 * for data/application-form.pdf is left out. Returns "AB:CD:…". */
char *cz_archive_dup_content_fingerprint (const char *manifest,
                                          gsize       length);

G_END_DECLS
