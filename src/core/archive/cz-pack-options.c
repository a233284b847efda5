/* cz-pack-options.c — what goes into an archive besides the dossier
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-pack-private.h"

G_DEFINE_BOXED_TYPE (CzPackOptions, cz_pack_options, cz_pack_options_ref, cz_pack_options_unref)

static void
evidence_item_free (CzPackEvidence *item)
{
  g_free (item->criterion);
  g_clear_object (&item->file);
  g_free (item->title);
  g_free (item->pages);
  g_free (item->sha256);
  g_free (item);
}

static void
data_file_free (CzPackDataFile *file)
{
  g_free (file->key);
  g_free (file->path);
  g_bytes_unref (file->bytes);
  g_free (file);
}

CzPackOptions *
cz_pack_options_new (void)
{
  CzPackOptions *options = g_new0 (CzPackOptions, 1);

  g_atomic_ref_count_init (&options->ref_count);
  options->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) evidence_item_free);
  options->data_files = g_ptr_array_new_with_free_func ((GDestroyNotify) data_file_free);
  return options;
}

CzPackOptions *
cz_pack_options_ref (CzPackOptions *options)
{
  g_atomic_ref_count_inc (&options->ref_count);
  return options;
}

void
cz_pack_options_unref (CzPackOptions *options)
{
  if (!g_atomic_ref_count_dec (&options->ref_count))
    return;
  g_clear_pointer (&options->check, json_node_unref);
  g_ptr_array_unref (options->evidence);
  g_ptr_array_unref (options->data_files);
  g_clear_object (&options->form_file);
  g_clear_pointer (&options->form_bytes, g_bytes_unref);
  g_clear_pointer (&options->signing_time, g_date_time_unref);
  g_free (options->organisation);
  g_free (options->fingerprint);
  g_free (options->content_fingerprint);
  if (options->form_func_destroy != NULL)
    options->form_func_destroy (options->form_func_data);
  g_free (options);
}

void
cz_pack_options_set_check (CzPackOptions *options,
                           JsonNode      *check)
{
  g_clear_pointer (&options->check, json_node_unref);
  if (check != NULL)
    options->check = json_node_copy (check);
}

JsonNode *
cz_pack_options_get_check (CzPackOptions *options)
{
  return options->check;
}

void
cz_pack_options_add_evidence (CzPackOptions *options,
                              const char    *criterion,
                              GFile         *file,
                              const char    *title,
                              const char    *pages,
                              const char    *sha256)
{
  CzPackEvidence *item = g_new0 (CzPackEvidence, 1);

  g_return_if_fail (criterion != NULL && G_IS_FILE (file));

  item->criterion = g_strdup (criterion);
  item->file = g_object_ref (file);
  item->title = g_strdup (title);
  item->pages = g_strdup (pages);
  item->sha256 = sha256 ? g_ascii_strdown (sha256, -1) : NULL;
  g_ptr_array_add (options->evidence, item);
}

void
cz_pack_options_add_data_file (CzPackOptions *options,
                               const char    *key,
                               const char    *path,
                               GBytes        *bytes)
{
  CzPackDataFile *file = g_new0 (CzPackDataFile, 1);

  g_return_if_fail (key != NULL && g_str_has_prefix (path, "data/") && bytes != NULL);

  file->key = g_strdup (key);
  file->path = g_strdup (path);
  file->bytes = g_bytes_ref (bytes);
  g_ptr_array_add (options->data_files, file);
}

void
cz_pack_options_set_application_form_file (CzPackOptions *options,
                                           GFile         *file)
{
  g_set_object (&options->form_file, file);
  g_clear_pointer (&options->form_bytes, g_bytes_unref);
  cz_pack_options_set_application_form_func (options, NULL, NULL, NULL);
}

void
cz_pack_options_set_application_form_bytes (CzPackOptions *options,
                                            GBytes        *pdf)
{
  g_clear_pointer (&options->form_bytes, g_bytes_unref);
  g_clear_object (&options->form_file);
  if (pdf != NULL)
    options->form_bytes = g_bytes_ref (pdf);
  cz_pack_options_set_application_form_func (options, NULL, NULL, NULL);
}

void
cz_pack_options_set_application_form_func (CzPackOptions         *options,
                                           CzApplicationFormFunc  func,
                                           gpointer               user_data,
                                           GDestroyNotify         destroy)
{
  if (options->form_func_destroy != NULL)
    options->form_func_destroy (options->form_func_data);
  options->form_func = func;
  options->form_func_data = user_data;
  options->form_func_destroy = destroy;
  if (func != NULL)
    {
      g_clear_pointer (&options->form_bytes, g_bytes_unref);
      g_clear_object (&options->form_file);
    }
}

const char *
cz_pack_options_get_content_fingerprint (CzPackOptions *options)
{
  return options->content_fingerprint;
}

void
cz_pack_options_set_signing_time (CzPackOptions *options,
                                  GDateTime     *signing_time)
{
  g_clear_pointer (&options->signing_time, g_date_time_unref);
  if (signing_time != NULL)
    options->signing_time = g_date_time_ref (signing_time);
}

const char *
cz_pack_options_get_tag_manifest_fingerprint (CzPackOptions *options)
{
  return options->fingerprint;
}

void
cz_pack_options_set_organisation (CzPackOptions *options,
                                  const char    *organisation)
{
  g_free (options->organisation);
  options->organisation = g_strdup (organisation);
}
