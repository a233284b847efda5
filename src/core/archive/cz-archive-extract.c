/* cz-archive-extract.c — one payload file of an archive, for a preview
 *
 * The archive is judged by cz-zip-guard.c as verify judges it; the file is
 * read into memory, never written to disk.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "cz-archive.h"
#include "cz-zip-guard.h"

static GBytes *
extract_in_locale (const char    *path,
                   const char    *archive_name,
                   const char    *name,
                   CzZipEntry      *entry,
                   GCancellable  *cancellable,
                   GError       **error)
{
  struct archive *zip = archive_read_new ();
  struct archive_entry *header;
  g_autoptr(GByteArray) content = NULL;
  int ret;

  archive_read_support_format_zip_seekable (zip);
  archive_read_set_options (zip, "hdrcharset=UTF-8");
  if (archive_read_open_filename (zip, path, 1024 * 1024) != ARCHIVE_OK)
    {
      cz_zip_refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, NULL);
      archive_read_free (zip);
      return NULL;
    }
  while ((ret = archive_read_next_header (zip, &header)) == ARCHIVE_OK || ret == ARCHIVE_WARN)
    {
      const char *entry_name = archive_entry_pathname_utf8 (header);
      const void *block;
      size_t block_size;
      la_int64_t offset;

      if (g_strcmp0 (entry_name, name) != 0)
        continue;
      if (archive_entry_hardlink (header) != NULL || archive_entry_symlink (header) != NULL ||
          archive_entry_filetype (header) != AE_IFREG)
        {
          cz_zip_refuse (error, CZ_ARCHIVE_ERROR_SPECIAL_FILE, archive_name, name);
          archive_read_free (zip);
          return NULL;
        }
      content = g_byte_array_sized_new (entry->uncompressed);
      while ((ret = archive_read_data_block (zip, &block, &block_size, &offset)) == ARCHIVE_OK)
        {
          if (content->len + block_size > entry->uncompressed || g_cancellable_is_cancelled (cancellable))
            break;
          g_byte_array_append (content, block, block_size);
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          ret != ARCHIVE_EOF || content->len != entry->uncompressed)
        {
          if (error == NULL || *error == NULL)
            cz_zip_refuse (error, ret == ARCHIVE_OK ? CZ_ARCHIVE_ERROR_ZIP_BOMB : CZ_ARCHIVE_ERROR_CORRUPT,
                    archive_name, name);
          archive_read_free (zip);
          return NULL;
        }
      archive_read_free (zip);
      return g_byte_array_free_to_bytes (g_steal_pointer (&content));
    }
  archive_read_free (zip);
  cz_zip_refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, name);
  return NULL;
}

GBytes *
cz_archive_extract_payload_file (GFile         *archive,
                                 const char    *payload_path,
                                 guint64        max_size,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *archive_name = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *bag_name = NULL;
  g_autofree char *name = NULL;
  CzZipEntry *entry = NULL;
  locale_t utf8, previous;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_FILE (archive), NULL);
  g_return_val_if_fail (payload_path != NULL, NULL);

  path = g_file_get_path (archive);
  archive_name = g_file_get_parse_name (archive);
  entries = cz_zip_guard_open_bag (path, archive_name, &bag_name, error);
  if (entries == NULL)
    return NULL;

  /* Only payload files, named exactly as the central directory names them. */
  if (!g_str_has_prefix (payload_path, "data/") || cz_zip_judge_name (payload_path, strlen (payload_path)) != CZ_ARCHIVE_ERROR_FAILED)
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_PATH_TRAVERSAL, archive_name, payload_path), NULL;
  name = g_strconcat (bag_name, "/", payload_path, NULL);
  for (guint i = 0; i < entries->len && entry == NULL; i++)
    if (g_str_equal (((CzZipEntry *) g_ptr_array_index (entries, i))->name, name))
      entry = g_ptr_array_index (entries, i);
  if (entry == NULL || entry->is_dir)
    {
      g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_NOT_A_BAG,
                   _("“%s” holds no file “%s”."), archive_name, payload_path);
      return NULL;
    }
  if (entry->uncompressed > max_size)
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_ZIP_BOMB, archive_name, name), NULL;

  utf8 = newlocale (LC_ALL_MASK, "C.UTF-8", (locale_t) 0);
  previous = utf8 != (locale_t) 0 ? uselocale (utf8) : (locale_t) 0;
  bytes = extract_in_locale (path, archive_name, name, entry, cancellable, error);
  if (utf8 != (locale_t) 0)
    {
      uselocale (previous);
      freelocale (utf8);
    }
  return bytes;
}

typedef struct
{
  GFile   *archive;
  char    *path;
  guint64  max_size;
} ExtractData;

static void
extract_data_free (ExtractData *data)
{
  g_object_unref (data->archive);
  g_free (data->path);
  g_free (data);
}

static void
extract_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ExtractData *data = task_data;
  GError *error = NULL;
  GBytes *bytes = cz_archive_extract_payload_file (data->archive, data->path, data->max_size, cancellable, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

void
cz_archive_extract_payload_file_async (GFile               *archive,
                                       const char          *path,
                                       guint64              max_size,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExtractData *data = g_new0 (ExtractData, 1);

  data->archive = g_object_ref (archive);
  data->path = g_strdup (path);
  data->max_size = max_size;
  g_task_set_source_tag (task, cz_archive_extract_payload_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) extract_data_free);
  g_task_run_in_thread (task, extract_thread);
}

GBytes *
cz_archive_extract_payload_file_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
