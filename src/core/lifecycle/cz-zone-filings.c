/* cz-zone-filings.c
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-store-filings.h"
#include "cz-zone-filings.h"

gboolean
cz_zone_save_filing (CzStore   *store,
                     CzFiling  *filing,
                     GError   **error)
{
  g_autofree char *key = cz_filing_dup_key (filing);
  g_autofree char *data = cz_filing_to_data (filing, NULL);

  return cz_store_save_filing (store, cz_filing_get_dossier_id (filing), key,
                               cz_filing_kind_to_id (cz_filing_get_kind (filing)), data, error);
}

GPtrArray *
cz_zone_load_filings (CzStore     *store,
                      const char  *dossier_id,
                      GError     **error)
{
  g_autoptr(GPtrArray) stored = cz_store_list_filings (store, dossier_id, error);
  GPtrArray *filings;

  if (stored == NULL)
    return NULL;
  filings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < stored->len; i++)
    {
      CzStoredFiling *row = stored->pdata[i];
      g_autoptr(GError) local_error = NULL;
      CzFiling *filing = cz_filing_new_from_data (row->data, -1, row->key, &local_error);

      if (filing == NULL)
        {
          g_warning ("Filing %s of dossier %s does not read: %s", row->key, row->dossier_id, local_error->message);
          continue;
        }
      g_ptr_array_add (filings, filing);
    }
  return filings;
}

CzFiling *
cz_zone_find_report (GPtrArray *filings,
                     guint      year)
{
  for (guint i = 0; filings && i < filings->len; i++)
    if (cz_filing_get_kind (filings->pdata[i]) == CZ_FILING_ANNUAL_REPORT &&
        cz_filing_get_year (filings->pdata[i]) == year)
      return filings->pdata[i];
  return NULL;
}
