/* cz-archive-view.h — a received submission archive, verified, shown read-only
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cz-archive.h"

G_BEGIN_DECLS

#define CZ_TYPE_ARCHIVE_VIEW (cz_archive_view_get_type ())
G_DECLARE_FINAL_TYPE (CzArchiveView, cz_archive_view, CZ, ARCHIVE_VIEW, GtkWidget)

GtkWidget             *cz_archive_view_new              (void);
/* Verifies @archive on a worker with a progress bar, then shows it. */
void                   cz_archive_view_open             (CzArchiveView *self,
                                                         GFile         *archive);
GFile                 *cz_archive_view_get_file         (CzArchiveView *self);
/* "checking", "refused" or "shown" */
const char            *cz_archive_view_get_state        (CzArchiveView *self);
/* NULL until verified, and when refused. */
CzArchiveVerification *cz_archive_view_get_verification (CzArchiveView *self);
/* Why the archive was refused (NULL otherwise). */
const char            *cz_archive_view_get_refusal      (CzArchiveView *self);
/* Shows one payload file ("data/…pdf") in the preview, extracted on a
 * worker into a private temporary folder. */
void                   cz_archive_view_preview          (CzArchiveView *self,
                                                         const char    *payload_path);
GtkWidget             *cz_archive_view_get_preview      (CzArchiveView *self);
/* Checks signers against the certificate authority in @file (PEM or DER),
 * remembered in the settings, and verifies the archive again: what the
 * "Trust a Certificate Authority…" file chooser does. A file that is not a
 * certificate keeps the authority trusted so far, and the trust row says
 * why (cz_archive_view_get_trust_error()). */
void                   cz_archive_view_set_trusted_ca_file (CzArchiveView *self,
                                                            GFile         *file);
const char            *cz_archive_view_get_trust_error  (CzArchiveView *self);

/* A window showing @archive. */
GtkWindow             *cz_archive_view_new_window       (GtkApplication *application,
                                                         GFile          *archive);

G_END_DECLS
