/* cz-archive-private.h — what the archive writer and reader share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-archive.h"

G_BEGIN_DECLS

#define CZ_BAG_SIGNATURE_PATH          "signature/tagmanifest-sha256.txt.p7s"
#define CZ_BAG_INFO_FORMAT             "CoopZone-Archive-Format"
#define CZ_BAG_INFO_SIGNING_TIME       "CoopZone-Signing-Time"
#define CZ_BAG_INFO_RULES_PACK         "CoopZone-Rules-Pack"
#define CZ_BAG_INFO_RULES_PACK_SHA256  "CoopZone-Rules-Pack-SHA256"
#define CZ_BAG_INFO_APP_VERSION        "CoopZone-App-Version"
#define CZ_BAG_INFO_APPLICATION_FORM   "CoopZone-Application-Form"

/* Two names that a case-insensitive or normalising file system would treat
 * as one have the same key: NFC, then case-folded. */
char *cz_archive_name_key               (const char    *name);

/* Manifest lines ("<64 hex>  <path>\n") in path order. */
int   cz_archive_compare_manifest_lines (gconstpointer  a,
                                         gconstpointer  b);

/* Progress from a worker thread, delivered on the main context of the thread
 * that made the relay, coalesced: at most one report in flight. */
typedef struct _CzProgressRelay CzProgressRelay;

CzProgressRelay *cz_progress_relay_new    (CzArchiveProgressFunc  func,
                                           gpointer               data,
                                           GDestroyNotify         data_free);
void             cz_progress_relay_unref  (CzProgressRelay       *relay);
/* A CzArchiveProgressFunc; @relay is the CzProgressRelay. */
void             cz_progress_relay_report (guint64                done,
                                           guint64                total,
                                           gpointer               relay);

G_END_DECLS
