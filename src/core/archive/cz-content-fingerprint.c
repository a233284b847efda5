/* cz-content-fingerprint.c — what ties a printed 申报表 to its signed archive
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cz-archive-private.h"
#include "cz-digest.h"
#include "cz-content-fingerprint.h"

char *
cz_archive_dup_content_fingerprint (const char *manifest,
                                    gsize       length)
{
  g_autofree char *text = g_strndup (manifest, length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) content = g_string_new (NULL);
  guint8 digest[32];

  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* "<64 hex>  <path>": anything shorter is not a manifest line. */
      if (strlen (lines[i]) < 67 || g_str_equal (lines[i] + 66, CZ_ARCHIVE_FORM_PATH))
        continue;
      g_ptr_array_add (kept, g_strconcat (lines[i], "\n", NULL));
    }
  g_ptr_array_sort (kept, cz_archive_compare_manifest_lines);
  for (guint i = 0; i < kept->len; i++)
    g_string_append (content, g_ptr_array_index (kept, i));

  cz_sha256 (content->str, content->len, digest);
  return cz_fingerprint_format (digest, sizeof digest);
}

char *
cz_archive_dup_tag_manifest_fingerprint (GBytes *tag_manifest)
{
  guint8 digest[32];

  cz_sha256 (g_bytes_get_data (tag_manifest, NULL), g_bytes_get_size (tag_manifest), digest);
  return cz_fingerprint_format (digest, sizeof digest);
}
