/* cz-stored-roster.c — a stored dossier's roster: accepted, read back, overridden
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cz-digest.h"
#include "cz-stored-roster.h"

GPtrArray *
cz_stored_roster_accept (CzStore    *store,
                         CzDossier  *dossier,
                         CzRoster   *roster,
                         guint       year,
                         GError    **error)
{
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) problems = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *summary_text = NULL;
  g_autofree char *csv_sha256 = NULL;
  const char * const *header;
  guint n_header;

  g_return_val_if_fail (CZ_IS_STORE (store), NULL);
  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (CZ_IS_ROSTER (roster), NULL);

  csv = cz_roster_to_csv (roster);
  problems = cz_roster_problems_to_csv (roster);
  csv_sha256 = cz_sha256_hex (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  summary = cz_roster_to_json (roster, FALSE);
  /* The audit keeps the totals and counts, not every problem's text. */
  json_object_remove_member (json_node_get_object (summary), "problems");
  json_object_set_string_member (json_node_get_object (summary), "csv_sha256", csv_sha256);
  json_object_set_int_member (json_node_get_object (summary), "year", year);
  summary_text = json_to_string (summary, FALSE);
  if (!cz_store_save_roster (store, cz_dossier_get_id (dossier), csv, problems, summary_text, error))
    return NULL;

  header = cz_roster_get_header (roster, &n_header);
  /* A mapping that cannot be remembered costs a choice next time, nothing more. */
  cz_roster_mapping_remember (cz_roster_get_mapping (roster), header, n_header, NULL);

  return cz_roster_apply (roster, dossier, year, now, csv_sha256);
}

CzRoster *
cz_stored_roster_load (CzStore    *store,
                       CzDossier  *dossier,
                       GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) csv = cz_store_load_roster (store, cz_dossier_get_id (dossier), NULL, &local_error);
  CzRoster *roster;

  if (csv == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  roster = cz_roster_new_from_csv (csv, error);
  if (roster == NULL)
    return NULL;
  return roster;
}

gboolean
cz_stored_roster_set_field (CzStore    *store,
                            CzDossier  *dossier,
                            const char *field_id,
                            CzValue    *value,
                            const char *reason,
                            GError    **error)
{
  g_autoptr(CzValue) computed = cz_roster_dup_computed_value (dossier, field_id);

  if (computed != NULL && (value == NULL || !cz_value_equal (computed, value)))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) note = NULL;
      g_autofree char *text = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));

      if (stripped[0] == '\0')
        {
          g_set_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_MAPPING,
                       _("“%s” was computed from the roster. Say why it is replaced: the reason is kept "
                         "in the dossier's audit trail."), field_id);
          return FALSE;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, reason);
      json_builder_set_member_name (builder, "computed");
      json_builder_add_value (builder, cz_value_to_json (computed));
      json_builder_set_member_name (builder, "value");
      if (value != NULL)
        json_builder_add_value (builder, cz_value_to_json (value));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      note = json_builder_get_root (builder);
      text = json_to_string (note, FALSE);
      if (!cz_store_append_note (store, cz_dossier_get_id (dossier), "override", field_id, text, error))
        return FALSE;
    }
  if (value != NULL)
    cz_dossier_set_value (dossier, field_id, value);
  else
    cz_dossier_clear (dossier, field_id);
  return TRUE;
}

gboolean
cz_stored_roster_add_to_pack (CzPackOptions *options,
                              CzStore       *store,
                              CzDossier     *dossier,
                              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) csv = NULL;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (CZ_IS_STORE (store), FALSE);
  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), FALSE);

  csv = cz_store_load_roster (store, cz_dossier_get_id (dossier), NULL, &local_error);
  if (csv == NULL)
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  cz_pack_options_add_data_file (options, "roster", CZ_ROSTER_CSV_PATH, csv);
  return TRUE;
}
