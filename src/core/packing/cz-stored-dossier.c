/* cz-stored-dossier.c — what needs both a dossier's store and its evidence
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cz-fields.h"
#include "cz-sample-evidence.h"
#include "cz-stored-dossier.h"

gboolean
cz_sample_add_evidence_to_stored (CzStore       *store,
                                  CzDossier     *dossier,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(CzEvidenceStore) evidence = NULL;
  g_autoptr(CzRules) rules = NULL;
  gint64 year = 0;

  g_return_val_if_fail (CZ_IS_STORE (store), FALSE);

  if (cz_dossier_get_integer (dossier, CZ_FIELD_APPLICATION_YEAR, &year) && year > 0 && year < G_MAXUINT)
    rules = cz_rules_new_builtin ((guint) year, NULL);
  if (rules == NULL)
    rules = cz_rules_new_builtin (CZ_RULES_BUILTIN_YEAR, error);
  if (rules == NULL)
    return FALSE;

  evidence = cz_evidence_store_new_for_database (cz_store_get_path (store));
  return cz_sample_add_evidence (evidence, dossier, rules, cancellable, error) &&
         cz_store_flush (store, error);
}
