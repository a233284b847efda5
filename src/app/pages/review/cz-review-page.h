/* cz-review-page.h — the Review step: every finding by step, the score, readiness to pack
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-wizard-page.h"

G_BEGIN_DECLS

#define CZ_TYPE_REVIEW_PAGE (cz_review_page_get_type ())
G_DECLARE_FINAL_TYPE (CzReviewPage, cz_review_page, CZ, REVIEW_PAGE, CzWizardPage)

GtkWidget *cz_review_page_new (CzDossier *dossier);
/* The row showing the finding of @rule_id on @field_id (NULL: a step note), or NULL. */
GtkWidget *cz_review_page_find_row (CzReviewPage *self,
                                    const char   *rule_id,
                                    const char   *field_id);

/* Writes the application form (a draft) to @file on a worker, as
 * `review.export-form` does once a file is chosen; a toast says when it is saved. */
void       cz_review_page_export_form_to (CzReviewPage *self,
                                          GFile        *file);

G_END_DECLS
