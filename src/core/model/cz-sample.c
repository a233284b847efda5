/* cz-sample.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-sample.h"

#define SAMPLE_RESOURCE "/io/github/coopzone/CoopZone/core/sample/sample-dossier.json"

/**
 * cz_sample_dossier_new:
 *
 * A fictional zone, complete enough to explore every step. Its title marks it
 * as a sample so nobody mistakes it for a real application.
 *
 * Returns: (transfer full): a new dossier, not in any store
 */
CzDossier *
cz_sample_dossier_new (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CzDossier *dossier;
  gsize length;
  const char *data;

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The sample dossier is missing from the build: %s", error->message);

  data = g_bytes_get_data (bytes, &length);
  dossier = cz_dossier_new_from_data (data, length, SAMPLE_RESOURCE, &error);
  if (dossier == NULL)
    g_error ("The built-in sample dossier is broken: %s", error->message);

  return dossier;
}
