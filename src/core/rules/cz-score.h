/* cz-score.h — the estimate of the 100-point score from a dossier's indicators
 *
 * Points are in tenths so they add up exactly. The estimate is provisional
 * while the rules pack says so: the official indicator table is not published.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cz-dossier.h"
#include "cz-rules.h"

G_BEGIN_DECLS

#define CZ_TYPE_SCORE (cz_score_get_type ())
G_DECLARE_FINAL_TYPE (CzScore, cz_score, CZ, SCORE, GObject)

/* @language: NULL for the user's; picks the pack's titles. */
CzScore     *cz_score_new                       (CzRules    *rules,
                                                 CzDossier  *dossier,
                                                 const char *language);

guint        cz_score_get_total_tenths          (CzScore    *self);
guint        cz_score_get_max_points            (CzScore    *self);
gboolean     cz_score_get_provisional           (CzScore    *self);

guint        cz_score_get_n_dimensions          (CzScore    *self);
const char  *cz_score_get_dimension_id          (CzScore    *self,
                                                 guint       dimension);
const char  *cz_score_get_dimension_title       (CzScore    *self,
                                                 guint       dimension);
guint        cz_score_get_dimension_points      (CzScore    *self,
                                                 guint       dimension);
guint        cz_score_get_dimension_tenths      (CzScore    *self,
                                                 guint       dimension);

guint        cz_score_get_n_indicators          (CzScore    *self,
                                                 guint       dimension);
const char  *cz_score_get_indicator_id          (CzScore    *self,
                                                 guint       dimension,
                                                 guint       indicator);
const char  *cz_score_get_indicator_title       (CzScore    *self,
                                                 guint       dimension,
                                                 guint       indicator);
const char  *cz_score_get_indicator_field       (CzScore    *self,
                                                 guint       dimension,
                                                 guint       indicator);
guint        cz_score_get_indicator_points      (CzScore    *self,
                                                 guint       dimension,
                                                 guint       indicator);
guint        cz_score_get_indicator_tenths      (CzScore    *self,
                                                 guint       dimension,
                                                 guint       indicator);
/* A plain sentence: what was entered and how it earned its points. */
const char  *cz_score_get_indicator_explanation (CzScore    *self,
                                                 guint       dimension,
                                                 guint       indicator);

/* "7.5" */
char        *cz_score_format_tenths             (guint       tenths);

/* The estimate as an object of docs/findings-json.md, in tenths of a point. */
JsonNode    *cz_score_to_json                   (CzScore    *self);

G_END_DECLS
