/* cz-form.h — the printable application form (《中外中小企业合作区申报表》)
 *
 * The dossier rendered as the ministry's form: A4 PDF, real text with its
 * fonts embedded, one section per wizard step. A form not rendered for a
 * signed archive carries a 草稿 (draft) watermark; the one inside an archive
 * carries the archive's content fingerprint and the signer certificate's
 * fingerprint in every page footer (see docs/archive-format.md).
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cz-dossier.h"
#include "cz-rules.h"

G_BEGIN_DECLS

#define CZ_FORM_ERROR (cz_form_error_quark ())

typedef enum
{
  CZ_FORM_ERROR_RENDER,   /* cairo could not draw the form */
  CZ_FORM_ERROR_RULES,    /* no rules pack for the dossier's call year */
  CZ_FORM_ERROR_WRITE,    /* the destination could not be written */
} CzFormError;

typedef struct
{
  /* TRUE: the 草稿 watermark. Only a form rendered for a signed archive is
   * not a draft. */
  gboolean    draft;
  /* For the archive's form: "AB:CD:…" fingerprints printed in every page
   * footer; NULL: none. */
  const char *content_fingerprint;
  const char *certificate_fingerprint;
  /* NULL: the pack in use for the dossier's call year. */
  CzRules    *rules;
  /* The date on the cover; NULL: the dossier's declaration date, else today. */
  GDateTime  *date;
} CzFormOptions;

GQuark   cz_form_error_quark        (void);

/* Drafts with no fingerprints and the pack in use. */
void     cz_form_options_init       (CzFormOptions  *options);

/* "2026年8月1日" */
char    *cz_form_format_date        (GDateTime      *date);

GBytes  *cz_form_render             (CzDossier            *dossier,
                                     const CzFormOptions  *options,
                                     guint                *n_pages,
                                     GCancellable         *cancellable,
                                     GError              **error);

/* Renders, writes beside @destination and renames into place: a failure
 * leaves whatever was at @destination as it was. */
gboolean cz_form_render_to_file     (CzDossier            *dossier,
                                     const CzFormOptions  *options,
                                     GFile                *destination,
                                     GCancellable         *cancellable,
                                     GError              **error);
/* The dossier and options are copied on the calling thread; rendering and
 * writing happen on a worker. */
void     cz_form_render_to_file_async  (CzDossier            *dossier,
                                        const CzFormOptions  *options,
                                        GFile                *destination,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean cz_form_render_to_file_finish (GAsyncResult         *result,
                                        GError              **error);

/* A CzApplicationFormFunc for cz_pack_options_set_application_form_func():
 * the archive's form, not a draft, with both fingerprints in its footers. */
GBytes  *cz_form_render_for_archive (JsonNode      *dossier_json,
                                     const char    *content_fingerprint,
                                     const char    *certificate_fingerprint,
                                     gpointer       user_data,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_END_DECLS
