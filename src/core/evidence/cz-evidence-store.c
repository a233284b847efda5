/* cz-evidence-store.c — the content-addressed folder of evidence files
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>


#include "cz-digest.h"
#include "cz-evidence-private.h"

#define CHUNK_SIZE (1024 * 1024)

/* Each stored copy is read once: what it holds is remembered by its SHA-256
 * (copies never change), and judged again for each name and slot limits. */
struct _CzEvidenceStore
{
  GObject     parent_instance;
  char       *root;

  GMutex      lock;
  GCond       read_done;
  GHashTable *contents;        /* sha256 → CzEvidenceContent */
  GHashTable *reading;         /* sha256s a thread is reading now */
  guint       n_inspections;
};

G_DEFINE_FINAL_TYPE (CzEvidenceStore, cz_evidence_store, G_TYPE_OBJECT)

static void
cz_evidence_store_finalize (GObject *object)
{
  CzEvidenceStore *self = CZ_EVIDENCE_STORE (object);

  g_free (self->root);
  g_hash_table_unref (self->contents);
  g_hash_table_unref (self->reading);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->read_done);
  G_OBJECT_CLASS (cz_evidence_store_parent_class)->finalize (object);
}

static void
cz_evidence_store_class_init (CzEvidenceStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cz_evidence_store_finalize;
}

static void
cz_evidence_store_init (CzEvidenceStore *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->read_done);
  self->contents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) cz_evidence_content_free);
  self->reading = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

CzEvidenceStore *
cz_evidence_store_new (const char *root)
{
  CzEvidenceStore *self;

  g_return_val_if_fail (root != NULL, NULL);

  self = g_object_new (CZ_TYPE_EVIDENCE_STORE, NULL);
  self->root = g_strdup (root);
  return self;
}

CzEvidenceStore *
cz_evidence_store_new_for_database (const char *database_path)
{
  g_autofree char *dir = NULL;
  g_autofree char *root = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  dir = g_path_get_dirname (database_path);
  root = g_build_filename (dir, "evidence", NULL);
  return cz_evidence_store_new (root);
}

const char *
cz_evidence_store_get_root (CzEvidenceStore *self)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_STORE (self), NULL);
  return self->root;
}

static gboolean
is_sha256 (const char *sha256)
{
  if (sha256 == NULL || strlen (sha256) != 64)
    return FALSE;
  for (const char *p = sha256; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

char *
cz_evidence_store_dup_path (CzEvidenceStore *self,
                            const char      *sha256)
{
  g_autofree char *prefix = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CZ_IS_EVIDENCE_STORE (self), NULL);

  /* Never let a hand-edited dossier point outside the store. */
  if (!is_sha256 (sha256))
    return NULL;
  prefix = g_strndup (sha256, 2);
  name = g_strconcat (sha256, ".pdf", NULL);
  return g_build_filename (self->root, prefix, name, NULL);
}

GFile *
cz_evidence_store_dup_file (CzEvidenceStore *self,
                            const char      *sha256)
{
  g_autofree char *path = cz_evidence_store_dup_path (self, sha256);

  return path != NULL ? g_file_new_for_path (path) : NULL;
}

gboolean
cz_evidence_store_contains (CzEvidenceStore *self,
                            const char      *sha256)
{
  g_autofree char *path = cz_evidence_store_dup_path (self, sha256);

  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static GError *
io_error (const char *name,
          const char *detail)
{
  return g_error_new (CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_IO,
                      /* Translators: the first %s is a file name, the second what went wrong */
                      _("Could not attach “%s”: %s. Check that the file can be read and "
                        "that the disk has room, then try again."),
                      name, detail);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length,
           GError      **error)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errno), g_strerror (errno));
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Writes to a temporary file in the store, hashing as it goes; returns the
 * temporary path. @head/@head_length were already read from @in. */
static char *
write_temporary (CzEvidenceStore  *self,
                 const guint8     *head,
                 gsize             head_length,
                 GInputStream     *in,
                 const char       *name,
                 char            **sha256_out,
                 guint64          *size_out,
                 GCancellable     *cancellable,
                 GError          **error)
{
  CzSha256 *hash = NULL;
  guint8 digest[32];
  g_autofree char *template = g_build_filename (self->root, ".attach-XXXXXX", NULL);
  g_autofree guint8 *buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 size = 0;
  int fd;

  if (g_mkdir_with_parents (self->root, 0700) != 0)
    {
      g_propagate_error (error, io_error (name, g_strerror (errno)));
      return NULL;
    }

  fd = g_mkstemp_full (template, O_RDWR, 0600);
  if (fd < 0)
    {
      g_propagate_error (error, io_error (name, g_strerror (errno)));
      return NULL;
    }
  hash = cz_sha256_new ();

  if (head_length > 0)
    {
      cz_sha256_update (hash, head, head_length);
      if (!write_all (fd, head, head_length, &local_error))
        goto failed;
      size += head_length;
    }

  buffer = g_malloc (CHUNK_SIZE);
  while (in != NULL)
    {
      gssize n = g_input_stream_read (in, buffer, CHUNK_SIZE, cancellable, &local_error);

      if (n < 0)
        goto failed;
      if (n == 0)
        break;
      cz_sha256_update (hash, buffer, (gsize) n);
      if (!write_all (fd, buffer, (gsize) n, &local_error))
        goto failed;
      size += (guint64) n;
    }

  if (fsync (fd) != 0 && errno != EINVAL)
    {
      g_set_error_literal (&local_error, G_IO_ERROR, g_io_error_from_errno (errno), g_strerror (errno));
      goto failed;
    }
  if (close (fd) != 0)
    {
      fd = -1;
      g_set_error_literal (&local_error, G_IO_ERROR, g_io_error_from_errno (errno), g_strerror (errno));
      goto failed;
    }

  cz_sha256_finish (hash, digest);
  *sha256_out = cz_hex_encode (digest, sizeof digest);
  *size_out = size;
  return g_steal_pointer (&template);

failed:
  cz_sha256_free (hash);
  if (fd >= 0)
    close (fd);
  g_unlink (template);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_propagate_error (error, io_error (name, local_error->message));
  return NULL;
}

/* Moves the temporary file to its content address, or drops it when that
 * content is already stored. */
static gboolean
commit_temporary (CzEvidenceStore  *self,
                  const char       *temporary,
                  const char       *sha256,
                  const char       *name,
                  GError          **error)
{
  g_autofree char *path = cz_evidence_store_dup_path (self, sha256);
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_unlink (temporary);
      return TRUE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0 || g_rename (temporary, path) != 0)
    {
      int saved = errno;

      g_unlink (temporary);
      g_propagate_error (error, io_error (name, g_strerror (saved)));
      return FALSE;
    }
  /* Stored copies are never changed again. */
  g_chmod (path, 0400);
  return TRUE;
}

/* Reads the stored copy of @sha256 unless it was read before (another
 * thread reading it is waited for), then judges it for @name and @limits.
 * @reread_missing: a copy remembered as missing was just stored again. */
static CzEvidenceInfo *
inspect_stored (CzEvidenceStore        *self,
                const char             *sha256,
                const char             *name,
                const CzEvidenceLimits *limits,
                gboolean                reread_missing)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  CzEvidenceContent *content;
  CzEvidenceInfo *info;

  while (g_hash_table_contains (self->reading, sha256))
    g_cond_wait (&self->read_done, &self->lock);

  content = g_hash_table_lookup (self->contents, sha256);
  if (content == NULL || (reread_missing && content->kind == CZ_EVIDENCE_CONTENT_MISSING))
    {
      g_autofree char *path = cz_evidence_store_dup_path (self, sha256);

      g_hash_table_add (self->reading, g_strdup (sha256));
      g_mutex_unlock (&self->lock);
      /* Never let a hand-edited dossier point outside the store. */
      if (path != NULL)
        content = cz_evidence_content_read (path);
      else
        {
          content = g_new0 (CzEvidenceContent, 1);
          content->kind = CZ_EVIDENCE_CONTENT_MISSING;
        }
      g_mutex_lock (&self->lock);
      if (path != NULL)
        self->n_inspections++;
      g_hash_table_remove (self->reading, sha256);
      g_hash_table_replace (self->contents, g_strdup (sha256), content);
      g_cond_broadcast (&self->read_done);
    }

  info = cz_evidence_content_judge (content, name, limits);
  info->sha256 = g_strdup (sha256);
  return info;
}

CzEvidenceInfo *
cz_evidence_store_import (CzEvidenceStore        *self,
                          GFile                  *file,
                          const CzEvidenceLimits *limits,
                          GCancellable           *cancellable,
                          GError                **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GBytes) converted = NULL;
  CzEvidenceInfo *info;
  guint8 head[16];
  gsize head_length = 0;
  guint64 size = 0;

  g_return_val_if_fail (CZ_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  if (name == NULL)
    name = g_file_get_parse_name (file);

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &head_length, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_propagate_error (error, io_error (name, local_error->message));
      return NULL;
    }

  if (cz_evidence_is_image (head, head_length))
    {
      g_autoptr(GByteArray) image = g_byte_array_new ();
      g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
      g_autoptr(GBytes) image_bytes = NULL;
      g_autoptr(GError) image_error = NULL;

      g_byte_array_append (image, head, (guint) head_length);
      for (;;)
        {
          gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, CHUNK_SIZE, cancellable, &local_error);

          if (n < 0)
            {
              if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                g_propagate_error (error, g_steal_pointer (&local_error));
              else
                g_propagate_error (error, io_error (name, local_error->message));
              return NULL;
            }
          if (n == 0)
            break;
          g_byte_array_append (image, buffer, (guint) n);
        }
      image_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&image));
      converted = cz_image_to_pdf (image_bytes, name, &image_error);
      if (converted == NULL)
        {
          info = g_new0 (CzEvidenceInfo, 1);
          info->name = g_strdup (name);
          info->size = g_bytes_get_size (image_bytes);
          info->problem = g_steal_pointer (&image_error);
          return info;
        }
      temporary = write_temporary (self, g_bytes_get_data (converted, NULL), g_bytes_get_size (converted),
                                   NULL, name, &sha256, &size, cancellable, error);
    }
  else
    {
      temporary = write_temporary (self, head, head_length, G_INPUT_STREAM (in),
                                   name, &sha256, &size, cancellable, error);
    }

  if (temporary == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temporary);
      return NULL;
    }
  if (!commit_temporary (self, temporary, sha256, name, error))
    return NULL;

  info = inspect_stored (self, sha256, name, limits, TRUE);
  info->converted = converted != NULL;
  return info;
}

CzEvidenceInfo *
cz_evidence_store_inspect (CzEvidenceStore        *self,
                           const char             *sha256,
                           const char             *name,
                           const CzEvidenceLimits *limits)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return inspect_stored (self, sha256 != NULL ? sha256 : "", name, limits, FALSE);
}

CzEvidenceInfo *
cz_evidence_store_lookup (CzEvidenceStore        *self,
                          const char             *sha256,
                          const char             *name,
                          const CzEvidenceLimits *limits)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const CzEvidenceContent *content;
  CzEvidenceInfo *info;

  g_return_val_if_fail (CZ_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (sha256 == NULL)
    return NULL;
  locker = g_mutex_locker_new (&self->lock);
  content = g_hash_table_lookup (self->contents, sha256);
  if (content == NULL)
    return NULL;
  info = cz_evidence_content_judge (content, name, limits);
  info->sha256 = g_strdup (sha256);
  return info;
}

guint
cz_evidence_store_get_n_inspections (CzEvidenceStore *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CZ_IS_EVIDENCE_STORE (self), 0);

  locker = g_mutex_locker_new (&self->lock);
  return self->n_inspections;
}

typedef struct
{
  GFile            *file;
  CzEvidenceLimits  limits;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;
  CzEvidenceInfo *info;

  info = cz_evidence_store_import (source_object, data->file, &data->limits, cancellable, &error);
  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) cz_evidence_info_free);
}

void
cz_evidence_store_import_async (CzEvidenceStore        *self,
                                GFile                  *file,
                                const CzEvidenceLimits *limits,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (CZ_IS_EVIDENCE_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  if (limits != NULL)
    data->limits = *limits;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cz_evidence_store_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

CzEvidenceInfo *
cz_evidence_store_import_finish (CzEvidenceStore  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static const CzEvidenceSlot *
lookup_slot (CzRules    *rules,
             const char *slot_id)
{
  for (guint i = 0; rules != NULL && i < cz_rules_get_n_evidence_slots (rules); i++)
    if (g_str_equal (cz_evidence_slot_get_id (cz_rules_get_evidence_slot (rules, i)), slot_id))
      return cz_rules_get_evidence_slot (rules, i);
  return NULL;
}

GHashTable *
cz_evidence_store_inspect_dossier (CzEvidenceStore *self,
                                   CzDossier       *dossier,
                                   CzRules         *rules)
{
  GHashTable *infos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) cz_evidence_info_free);
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (CZ_IS_EVIDENCE_STORE (self), infos);
  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), infos);

  records = cz_evidence_dup_records (dossier, NULL);
  for (guint i = 0; i < records->len; i++)
    {
      GVariant *record = g_ptr_array_index (records, i);
      const char *sha256 = cz_evidence_record_get_text (record, "sha256");
      const CzEvidenceSlot *slot = lookup_slot (rules, cz_evidence_record_get_text (record, "slot"));
      CzEvidenceLimits limits;
      CzEvidenceInfo *info;

      if (g_hash_table_contains (infos, sha256))
        continue;
      cz_evidence_limits_for_slot (&limits, slot);
      info = cz_evidence_store_inspect (self, sha256, cz_evidence_record_get_text (record, "name"), &limits);
      g_hash_table_insert (infos, g_strdup (sha256), info);
    }
  return infos;
}
