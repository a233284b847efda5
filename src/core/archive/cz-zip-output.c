/* cz-zip-output.c — the ZIP an archive is written into
 *
 * The ZIP goes to an unnamed temporary file (O_TMPFILE) in the destination
 * folder, so a crash leaves nothing behind; only a complete, synced file is
 * linked and renamed over the destination. Each payload file is read once
 * and hashed while it streams into the ZIP.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cz-bag.h"
#include "cz-digest.h"
#include "cz-hash-pipe.h"
#include "cz-zip-output.h"

struct _CzZipOutput
{
  GFile                 *destination;
  char                  *bag_name;
  GCancellable          *cancellable;
  CzArchiveProgressFunc  progress;
  gpointer               progress_data;

  struct archive        *zip;
  int                    fd;
  gboolean               anonymous;     /* fd is O_TMPFILE */
  char                  *tmp_path;      /* when not */
  int                    write_errno;
  guint64                done;
  guint64                total;
  GPtrArray             *manifest_lines;
  guint64                payload_octets;
  guint64                payload_files;
  CzHashPipe            *pipe;
};

CzZipOutput *
cz_zip_output_new (GFile                 *destination,
                   const char            *bag_name,
                   GCancellable          *cancellable,
                   CzArchiveProgressFunc  progress,
                   gpointer               progress_data)
{
  CzZipOutput *out = g_new0 (CzZipOutput, 1);

  out->destination = g_object_ref (destination);
  out->bag_name = g_strdup (bag_name);
  out->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  out->progress = progress;
  out->progress_data = progress_data;
  out->fd = -1;
  out->manifest_lines = g_ptr_array_new_with_free_func (g_free);
  return out;
}

void
cz_zip_output_free (CzZipOutput *out)
{
  if (out->zip != NULL)
    archive_write_free (out->zip);
  if (out->fd >= 0)
    close (out->fd);
  if (out->tmp_path != NULL)
    g_unlink (out->tmp_path);
  g_free (out->tmp_path);
  g_clear_object (&out->destination);
  g_free (out->bag_name);
  g_clear_object (&out->cancellable);
  g_ptr_array_unref (out->manifest_lines);
  g_clear_pointer (&out->pipe, cz_hash_pipe_free);
  g_free (out);
}

void
cz_zip_output_add_total (CzZipOutput *out,
                         guint64      bytes)
{
  out->total += bytes;
}

GPtrArray *
cz_zip_output_get_manifest_lines (CzZipOutput *out)
{
  return out->manifest_lines;
}

guint64
cz_zip_output_get_payload_octets (CzZipOutput *out)
{
  return out->payload_octets;
}

guint64
cz_zip_output_get_payload_files (CzZipOutput *out)
{
  return out->payload_files;
}

static la_ssize_t
zip_write_callback (struct archive *zip,
                    void           *user_data,
                    const void     *buffer,
                    size_t          length)
{
  CzZipOutput *out = user_data;
  const guint8 *data = buffer;
  size_t remaining = length;

  if (g_cancellable_is_cancelled (out->cancellable))
    {
      out->write_errno = ECANCELED;
      archive_set_error (zip, ECANCELED, "cancelled");
      return -1;
    }

  while (remaining > 0)
    {
      ssize_t written = write (out->fd, data, remaining);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          out->write_errno = errno;
          archive_set_error (zip, errno, "%s", g_strerror (errno));
          return -1;
        }
      data += written;
      remaining -= written;
    }
  return length;
}

static gboolean
open_temporary (CzZipOutput  *out,
                GError      **error)
{
  g_autofree char *path = g_file_get_path (out->destination);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;

  if (path == NULL)
    {
      g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_WRITE,
                   _("The archive can only be written to a local folder. Choose a folder on this computer."));
      return FALSE;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);

  out->fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  out->anonymous = out->fd >= 0;
  if (out->fd < 0)
    {
      out->tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
      out->fd = g_mkstemp_full (out->tmp_path, O_WRONLY | O_CLOEXEC, 0644);
      if (out->fd < 0)
        {
          int saved_errno = errno;

          g_clear_pointer (&out->tmp_path, g_free);
          g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_WRITE,
                       _("Could not write the archive in “%s”: %s. Choose a folder you can write to."),
                       dir, g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
set_write_error (CzZipOutput  *out,
                 GError  **error)
{
  g_autofree char *path = g_file_get_parse_name (out->destination);

  if (out->write_errno == ECANCELED || g_cancellable_is_cancelled (out->cancellable))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Packing was cancelled."));
      return FALSE;
    }
  g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_WRITE,
               _("Could not write the archive “%s”: %s. Check the free space and try again."),
               path, out->write_errno ? g_strerror (out->write_errno) : archive_error_string (out->zip));
  return FALSE;
}

static gboolean
begin_entry (CzZipOutput *out,
             const char  *bag_path,
             gint64       size,
             gboolean     compress,
             GDateTime   *mtime,
             GError     **error)
{
  g_autofree char *name = g_strconcat (out->bag_name, "/", bag_path, NULL);
  struct archive_entry *entry = archive_entry_new ();
  int ret;

  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  archive_entry_set_mtime (entry, g_date_time_to_unix (mtime), 0);
  archive_entry_set_uid (entry, 0);
  archive_entry_set_gid (entry, 0);

  /* Compression can only change between entries, once the last is finished. */
  ret = archive_write_finish_entry (out->zip);
  if (ret == ARCHIVE_OK)
    ret = compress ? archive_write_zip_set_compression_deflate (out->zip)
                   : archive_write_zip_set_compression_store (out->zip);
  if (ret == ARCHIVE_OK)
    ret = archive_write_header (out->zip, entry);
  archive_entry_free (entry);
  if (ret != ARCHIVE_OK)
    return set_write_error (out, error);
  return TRUE;
}

static gboolean
write_data (CzZipOutput *out,
            const void  *data,
            gsize        length,
            GError     **error)
{
  const guint8 *p = data;

  while (length > 0)
    {
      la_ssize_t written = archive_write_data (out->zip, p, length);

      if (written <= 0)
        return set_write_error (out, error);
      p += written;
      length -= written;
    }
  return TRUE;
}

void
cz_zip_output_add_to_manifest (CzZipOutput *out,
                               const char  *bag_path,
                               const char  *sha256_hex,
                               guint64      size)
{
  GString *line = g_string_new (NULL);

  cz_bag_manifest_append (line, sha256_hex, bag_path);
  g_ptr_array_add (out->manifest_lines, g_string_free (line, FALSE));
  out->payload_octets += size;
  out->payload_files++;
}

/* A whole small file held in memory: a tag file or dossier.json. */
gboolean
cz_zip_output_write_memory (CzZipOutput  *out,
                            const char   *bag_path,
                            const void   *data,
                            gsize         length,
                            gboolean      compress,
                            GDateTime    *mtime,
                            GError      **error)
{
  return begin_entry (out, bag_path, length, compress, mtime, error) &&
         write_data (out, data, length, error);
}

static void
report_progress (CzZipOutput *out)
{
  if (out->progress != NULL)
    out->progress (out->done, out->total, out->progress_data);
}

/* Streams @file into the entry @bag_path, hashing as it goes. Returns the
 * hex SHA-256 and the size. */
char *
cz_zip_output_write_file (CzZipOutput  *out,
                          GFile        *file,
                          const char   *bag_path,
                          GDateTime    *mtime,
                          const char   *expected_sha256,
                          guint64      *size_out,
                          GError      **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_parse_name (file);
  guint8 digest[32];
  g_autofree char *hex = NULL;
  struct stat st;
  guint64 remaining;
  int fd = path ? open (path, O_RDONLY | O_CLOEXEC) : -1;

  if (fd < 0 || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      int saved_errno = fd < 0 && path ? errno : EINVAL;

      if (fd >= 0)
        close (fd);
      g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_EVIDENCE,
                   _("Could not read the evidence file “%s”: %s. Attach it again."), name, g_strerror (saved_errno));
      return NULL;
    }
  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);

  if (!begin_entry (out, bag_path, st.st_size, FALSE, mtime, error))
    {
      close (fd);
      return NULL;
    }

  /* Read, not mapped: a file cut short while mapped would kill the process
   * (SIGBUS). The pipe's worker reads and hashes each buffer; this thread
   * hands it to libarchive, which takes the CRC-32 and writes it. That
   * splits the work about evenly between two cores, and each buffer is
   * written by one thread only. */
  cz_hash_pipe_read_fd (out->pipe, fd, st.st_size);
  remaining = st.st_size;
  while (remaining > 0)
    {
      gsize n;
      int read_errno;
      guint8 *buffer = cz_hash_pipe_take_read (out->pipe, &n, &read_errno);
      gboolean written;

      if (buffer == NULL)
        {
          cz_hash_pipe_stop_read (out->pipe);
          close (fd);
          if (read_errno == 0)
            g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_EVIDENCE,
                         _("The evidence file “%s” changed while it was being packed. Pack again."), name);
          else
            g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_EVIDENCE,
                         _("Could not read the evidence file “%s”: %s. Attach it again."), name, g_strerror (read_errno));
          return NULL;
        }
      written = write_data (out, buffer, n, error);
      cz_hash_pipe_release (out->pipe, buffer);
      if (!written)
        {
          cz_hash_pipe_stop_read (out->pipe);
          close (fd);
          return NULL;
        }
      remaining -= n;
      out->done += n;
      report_progress (out);
    }
  close (fd);
  cz_hash_pipe_finish (out->pipe, digest);
  hex = cz_hex_encode (digest, sizeof digest);

  if (expected_sha256 != NULL && !g_str_equal (expected_sha256, hex))
    {
      g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_EVIDENCE,
                   _("The evidence file “%s” is not the file that was attached: its content changed. Attach it again."),
                   name);
      return NULL;
    }
  cz_zip_output_add_to_manifest (out, bag_path, hex, st.st_size);
  *size_out = st.st_size;
  return g_steal_pointer (&hex);
}

static gboolean
commit_temporary (CzZipOutput  *out,
                  GError      **error)
{
  g_autofree char *path = g_file_get_path (out->destination);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  int saved_errno = 0;
  int dir_fd;

  if (fsync (out->fd) != 0)
    saved_errno = errno;

  if (saved_errno == 0 && out->anonymous)
    {
      g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", out->fd);

      for (guint attempt = 0; attempt < 100; attempt++)
        {
          g_free (out->tmp_path);
          out->tmp_path = g_strdup_printf ("%s/.%s.%08x", dir, base, g_random_int ());
          if (linkat (AT_FDCWD, proc_path, AT_FDCWD, out->tmp_path, AT_SYMLINK_FOLLOW) == 0)
            break;
          saved_errno = errno;
          g_clear_pointer (&out->tmp_path, g_free);
          if (saved_errno != EEXIST)
            break;
        }
      if (out->tmp_path != NULL)
        saved_errno = 0;
    }

  if (close (out->fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  out->fd = -1;

  if (saved_errno == 0 && g_rename (out->tmp_path, path) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      out->write_errno = saved_errno;
      return set_write_error (out, error);
    }
  g_clear_pointer (&out->tmp_path, g_free);

  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

gboolean
cz_zip_output_open (CzZipOutput  *out,
                    gboolean      stream_files,
                    GError      **error)
{
  if (stream_files)
    out->pipe = cz_hash_pipe_new ();
  if (!open_temporary (out, error))
    return FALSE;

  out->zip = archive_write_new ();
  archive_write_set_format_zip (out->zip);
  archive_write_set_options (out->zip, "hdrcharset=UTF-8");
  archive_write_set_bytes_per_block (out->zip, 0);
  if (archive_write_open2 (out->zip, out, NULL, zip_write_callback, NULL, NULL) != ARCHIVE_OK)
    return set_write_error (out, error);
  return TRUE;
}

void
cz_zip_output_advance (CzZipOutput *out,
                       guint64      bytes)
{
  out->done += bytes;
  report_progress (out);
}

gboolean
cz_zip_output_commit (CzZipOutput  *out,
                      GError      **error)
{
  if (archive_write_close (out->zip) != ARCHIVE_OK)
    return set_write_error (out, error);
  if (g_cancellable_set_error_if_cancelled (out->cancellable, error))
    return FALSE;
  return commit_temporary (out, error);
}
