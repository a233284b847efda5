/* cz-archive-writer.c — packing a dossier into its signed archive
 *
 * Payload first (evidence, form, dossier.json), each file read once and hashed
 * while it streams into the ZIP; then the manifests and bag-info, which need
 * those hashes; then the signature over the tag manifest. The ZIP goes to an
 * unnamed temporary file (O_TMPFILE) in the destination folder, so a crash
 * leaves nothing behind; only a complete, synced file is linked and renamed
 * over the destination.
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

#include "cz-digest.h"
#include "cz-archive.h"
#include "cz-archive-private.h"
#include "cz-bag.h"
#include "cz-content-fingerprint.h"
#include "cz-hash-pipe.h"

G_DEFINE_QUARK (cz-archive-error-quark, cz_archive_error)

/* ---------------------------------------------------------------------- */
/* CzPackOptions                                                            */

typedef struct
{
  char  *criterion;
  GFile *file;
  char  *title;
  char  *pages;
  char  *sha256;
} EvidenceItem;

struct _CzPackOptions
{
  gatomicrefcount  ref_count;
  JsonNode        *check;
  GPtrArray       *evidence;
  GFile           *form_file;
  GBytes          *form_bytes;
  CzApplicationFormFunc form_func;
  gpointer         form_func_data;
  GDestroyNotify   form_func_destroy;
  GDateTime       *signing_time;
  char            *organisation;
  char            *fingerprint;   /* result */
  char            *content_fingerprint;  /* result, with a form func */
};

G_DEFINE_BOXED_TYPE (CzPackOptions, cz_pack_options, cz_pack_options_ref, cz_pack_options_unref)

static void
evidence_item_free (EvidenceItem *item)
{
  g_free (item->criterion);
  g_clear_object (&item->file);
  g_free (item->title);
  g_free (item->pages);
  g_free (item->sha256);
  g_free (item);
}

CzPackOptions *
cz_pack_options_new (void)
{
  CzPackOptions *options = g_new0 (CzPackOptions, 1);

  g_atomic_ref_count_init (&options->ref_count);
  options->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) evidence_item_free);
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
  EvidenceItem *item = g_new0 (EvidenceItem, 1);

  g_return_if_fail (criterion != NULL && G_IS_FILE (file));

  item->criterion = g_strdup (criterion);
  item->file = g_object_ref (file);
  item->title = g_strdup (title);
  item->pages = g_strdup (pages);
  item->sha256 = sha256 ? g_ascii_strdown (sha256, -1) : NULL;
  g_ptr_array_add (options->evidence, item);
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

/* ---------------------------------------------------------------------- */
/* The job                                                                  */

typedef struct
{
  /* inputs, read-only on the worker */
  JsonNode              *dossier_json;
  char                  *dossier_id;
  char                  *department;
  CzPackOptions         *options;
  CzSigner              *signer;
  GFile                 *destination;

  CzArchiveProgressFunc  progress;
  gpointer               progress_data;

  /* state while writing */
  struct archive        *zip;
  int                    fd;
  gboolean               anonymous;     /* fd is O_TMPFILE */
  char                  *tmp_path;      /* when not */
  int                    write_errno;
  GCancellable          *cancellable;
  guint64                done;
  guint64                total;
  GString               *manifest;      /* sorted at the end */
  GPtrArray             *manifest_lines;
  guint64                payload_octets;
  guint64                payload_files;
  char                  *bag_name;
  CzHashPipe            *pipe;
} PackJob;

static void
pack_job_free (PackJob *job)
{
  g_clear_pointer (&job->dossier_json, json_node_unref);
  g_free (job->dossier_id);
  g_free (job->department);
  g_clear_pointer (&job->options, cz_pack_options_unref);
  g_clear_object (&job->signer);
  g_clear_object (&job->destination);
  if (job->zip != NULL)
    archive_write_free (job->zip);
  if (job->fd >= 0)
    close (job->fd);
  if (job->tmp_path != NULL)
    g_unlink (job->tmp_path);
  g_free (job->tmp_path);
  if (job->manifest_lines != NULL)
    g_ptr_array_unref (job->manifest_lines);
  g_free (job->bag_name);
  g_clear_pointer (&job->pipe, cz_hash_pipe_free);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PackJob, pack_job_free)

static PackJob *
pack_job_new (CzDossier     *dossier,
              CzPackOptions *options,
              CzSigner      *signer,
              GFile         *destination)
{
  PackJob *job = g_new0 (PackJob, 1);
  const char *department = cz_dossier_get_text (dossier, "applicant.department");

  job->dossier_json = cz_dossier_to_json (dossier);
  job->dossier_id = g_strdup (cz_dossier_get_id (dossier));
  job->department = g_strdup (department);
  job->options = cz_pack_options_ref (options);
  job->signer = g_object_ref (signer);
  job->destination = g_object_ref (destination);
  job->fd = -1;
  job->manifest_lines = g_ptr_array_new_with_free_func (g_free);
  return job;
}

/* ---------------------------------------------------------------------- */
/* Checks before anything is written                                        */

static const char *
object_get_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
check_allows_packing (JsonNode  *check,
                      GError   **error)
{
  JsonObject *object = check && JSON_NODE_HOLDS_OBJECT (check) ? json_node_get_object (check) : NULL;
  JsonObject *rules = object && json_object_has_member (object, "rules_pack")
                      ? json_object_get_object_member (object, "rules_pack") : NULL;
  JsonArray *findings = object && json_object_has_member (object, "findings")
                        ? json_object_get_array_member (object, "findings") : NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  guint n_blockers = 0;

  if (object_get_string (rules, "id") == NULL || findings == NULL)
    {
      g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_NOT_CHECKED,
                   _("The dossier has not been checked against a rules pack. Validate it, then pack again."));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonNode *node = json_array_get_element (findings, i);
      JsonObject *finding = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *field = object_get_string (finding, "field_id");

      if (g_strcmp0 (object_get_string (finding, "severity"), "blocker") != 0)
        continue;
      n_blockers++;
      g_string_append_printf (list, "\n• %s", object_get_string (finding, "message") ?: object_get_string (finding, "rule_id") ?: "?");
      if (field != NULL)
        g_string_append_printf (list, " (%s)", field);
    }

  if (n_blockers > 0)
    {
      g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_BLOCKERS,
                   /* TRANSLATORS: %u is the number of blockers, %s the list of them, one per line */
                   g_dngettext (GETTEXT_PACKAGE,
                                "The dossier cannot be packed while it has %u blocker. Fix it first:%s",
                                "The dossier cannot be packed while it has %u blockers. Fix them first:%s",
                                n_blockers),
                   n_blockers, list->str);
      return FALSE;
    }
  return TRUE;
}

/* "3-5, 8" → [{"from":3,"to":5},{"from":8,"to":8}]; NULL on nonsense. */
static JsonNode *
parse_pages (const char *pages)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) parts = g_strsplit (pages, ",", -1);

  json_builder_begin_array (builder);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) range = NULL;
      guint64 from, to;

      g_strstrip (parts[i]);
      range = g_strsplit_set (parts[i], "-–", 2);
      if (!g_ascii_string_to_unsigned (g_strstrip (range[0]), 10, 1, 100000, &from, NULL))
        return NULL;
      to = from;
      if (range[1] != NULL && !g_ascii_string_to_unsigned (g_strstrip (range[1]), 10, from, 100000, &to, NULL))
        return NULL;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "from");
      json_builder_add_int_value (builder, from);
      json_builder_set_member_name (builder, "to");
      json_builder_add_int_value (builder, to);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* ---------------------------------------------------------------------- */
/* Output                                                                   */

static la_ssize_t
zip_write_callback (struct archive *zip,
                    void           *user_data,
                    const void     *buffer,
                    size_t          length)
{
  PackJob *job = user_data;
  const guint8 *data = buffer;
  size_t remaining = length;

  if (g_cancellable_is_cancelled (job->cancellable))
    {
      job->write_errno = ECANCELED;
      archive_set_error (zip, ECANCELED, "cancelled");
      return -1;
    }

  while (remaining > 0)
    {
      ssize_t written = write (job->fd, data, remaining);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          job->write_errno = errno;
          archive_set_error (zip, errno, "%s", g_strerror (errno));
          return -1;
        }
      data += written;
      remaining -= written;
    }
  return length;
}

static gboolean
open_temporary (PackJob  *job,
                GError  **error)
{
  g_autofree char *path = g_file_get_path (job->destination);
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

  job->fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  job->anonymous = job->fd >= 0;
  if (job->fd < 0)
    {
      job->tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
      job->fd = g_mkstemp_full (job->tmp_path, O_WRONLY | O_CLOEXEC, 0644);
      if (job->fd < 0)
        {
          int saved_errno = errno;

          g_clear_pointer (&job->tmp_path, g_free);
          g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_WRITE,
                       _("Could not write the archive in “%s”: %s. Choose a folder you can write to."),
                       dir, g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
set_write_error (PackJob  *job,
                 GError  **error)
{
  g_autofree char *path = g_file_get_parse_name (job->destination);

  if (job->write_errno == ECANCELED || g_cancellable_is_cancelled (job->cancellable))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Packing was cancelled."));
      return FALSE;
    }
  g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_WRITE,
               _("Could not write the archive “%s”: %s. Check the free space and try again."),
               path, job->write_errno ? g_strerror (job->write_errno) : archive_error_string (job->zip));
  return FALSE;
}

static gboolean
begin_entry (PackJob     *job,
             const char  *bag_path,
             gint64       size,
             gboolean     compress,
             GDateTime   *mtime,
             GError     **error)
{
  g_autofree char *name = g_strconcat (job->bag_name, "/", bag_path, NULL);
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
  ret = archive_write_finish_entry (job->zip);
  if (ret == ARCHIVE_OK)
    ret = compress ? archive_write_zip_set_compression_deflate (job->zip)
                   : archive_write_zip_set_compression_store (job->zip);
  if (ret == ARCHIVE_OK)
    ret = archive_write_header (job->zip, entry);
  archive_entry_free (entry);
  if (ret != ARCHIVE_OK)
    return set_write_error (job, error);
  return TRUE;
}

static gboolean
write_data (PackJob     *job,
            const void  *data,
            gsize        length,
            GError     **error)
{
  const guint8 *p = data;

  while (length > 0)
    {
      la_ssize_t written = archive_write_data (job->zip, p, length);

      if (written <= 0)
        return set_write_error (job, error);
      p += written;
      length -= written;
    }
  return TRUE;
}

static void
add_to_manifest (PackJob    *job,
                 const char *bag_path,
                 const char *sha256_hex,
                 guint64     size)
{
  GString *line = g_string_new (NULL);

  cz_bag_manifest_append (line, sha256_hex, bag_path);
  g_ptr_array_add (job->manifest_lines, g_string_free (line, FALSE));
  job->payload_octets += size;
  job->payload_files++;
}

/* A whole small file held in memory: a tag file or dossier.json. */
static gboolean
write_memory_entry (PackJob     *job,
                    const char  *bag_path,
                    const char  *data,
                    gsize        length,
                    gboolean     compress,
                    GDateTime   *mtime,
                    GError     **error)
{
  return begin_entry (job, bag_path, length, compress, mtime, error) &&
         write_data (job, data, length, error);
}

static void
report_progress (PackJob *job)
{
  if (job->progress != NULL)
    job->progress (job->done, job->total, job->progress_data);
}

/* Streams @file into the entry @bag_path, hashing as it goes. Returns the
 * hex SHA-256 and the size. */
static char *
write_file_entry (PackJob     *job,
                  GFile       *file,
                  const char  *bag_path,
                  GDateTime   *mtime,
                  const char  *expected_sha256,
                  guint64     *size_out,
                  GError     **error)
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

  if (!begin_entry (job, bag_path, st.st_size, FALSE, mtime, error))
    {
      close (fd);
      return NULL;
    }

  /* Read, not mapped: a file cut short while mapped would kill the process
   * (SIGBUS). The pipe's worker reads and hashes each buffer; this thread
   * hands it to libarchive, which takes the CRC-32 and writes it. That
   * splits the work about evenly between two cores, and each buffer is
   * written by one thread only. */
  cz_hash_pipe_read_fd (job->pipe, fd, st.st_size);
  remaining = st.st_size;
  while (remaining > 0)
    {
      gsize n;
      int read_errno;
      guint8 *buffer = cz_hash_pipe_take_read (job->pipe, &n, &read_errno);
      gboolean written;

      if (buffer == NULL)
        {
          cz_hash_pipe_stop_read (job->pipe);
          close (fd);
          if (read_errno == 0)
            g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_EVIDENCE,
                         _("The evidence file “%s” changed while it was being packed. Pack again."), name);
          else
            g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_EVIDENCE,
                         _("Could not read the evidence file “%s”: %s. Attach it again."), name, g_strerror (read_errno));
          return NULL;
        }
      written = write_data (job, buffer, n, error);
      cz_hash_pipe_release (job->pipe, buffer);
      if (!written)
        {
          cz_hash_pipe_stop_read (job->pipe);
          close (fd);
          return NULL;
        }
      remaining -= n;
      job->done += n;
      report_progress (job);
    }
  close (fd);
  cz_hash_pipe_finish (job->pipe, digest);
  hex = cz_hex_encode (digest, sizeof digest);

  if (expected_sha256 != NULL && !g_str_equal (expected_sha256, hex))
    {
      g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_EVIDENCE,
                   _("The evidence file “%s” is not the file that was attached: its content changed. Attach it again."),
                   name);
      return NULL;
    }
  add_to_manifest (job, bag_path, hex, st.st_size);
  *size_out = st.st_size;
  return g_steal_pointer (&hex);
}

static gboolean
commit_temporary (PackJob  *job,
                  GError  **error)
{
  g_autofree char *path = g_file_get_path (job->destination);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  int saved_errno = 0;
  int dir_fd;

  if (fsync (job->fd) != 0)
    saved_errno = errno;

  if (saved_errno == 0 && job->anonymous)
    {
      g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", job->fd);

      for (guint attempt = 0; attempt < 100; attempt++)
        {
          g_free (job->tmp_path);
          job->tmp_path = g_strdup_printf ("%s/.%s.%08x", dir, base, g_random_int ());
          if (linkat (AT_FDCWD, proc_path, AT_FDCWD, job->tmp_path, AT_SYMLINK_FOLLOW) == 0)
            break;
          saved_errno = errno;
          g_clear_pointer (&job->tmp_path, g_free);
          if (saved_errno != EEXIST)
            break;
        }
      if (job->tmp_path != NULL)
        saved_errno = 0;
    }

  if (close (job->fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  job->fd = -1;

  if (saved_errno == 0 && g_rename (job->tmp_path, path) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      job->write_errno = saved_errno;
      return set_write_error (job, error);
    }
  g_clear_pointer (&job->tmp_path, g_free);

  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

static char *
evidence_bag_path (EvidenceItem *item,
                   guint         number,
                   GHashTable   *used)
{
  g_autofree char *criterion = cz_bag_safe_name (item->criterion);
  g_autofree char *basename = g_file_get_basename (item->file);
  g_autofree char *stem = NULL;
  g_autofree char *safe = NULL;
  char *path = NULL;

  if (item->title != NULL && item->title[0] != '\0')
    stem = g_strdup (item->title);
  else
    {
      g_autofree char *lower = g_ascii_strdown (basename, -1);

      stem = g_strdup (basename);
      if (g_str_has_suffix (lower, ".pdf") && strlen (stem) > 4)
        stem[strlen (stem) - 4] = '\0';
    }
  safe = cz_bag_safe_name (stem);

  for (guint suffix = 1; path == NULL; suffix++)
    {
      g_autofree char *candidate = suffix == 1
        ? g_strdup_printf ("data/evidence/%s/%02u-%s.pdf", criterion, number, safe)
        : g_strdup_printf ("data/evidence/%s/%02u-%s-%u.pdf", criterion, number, safe, suffix);
      g_autofree char *key = cz_archive_name_key (candidate);

      if (!g_hash_table_contains (used, key))
        {
          g_hash_table_add (used, g_steal_pointer (&key));
          path = g_steal_pointer (&candidate);
        }
    }
  return path;
}

static char *
format_time (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
pack_run (PackJob       *job,
          GCancellable  *cancellable,
          GError       **error)
{
  CzPackOptions *options = job->options;
  g_autoptr(GDateTime) signing_time = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) per_criterion = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autoptr(GString) bag_info = g_string_new (NULL);
  g_autoptr(GString) tag_manifest = g_string_new (NULL);
  g_autoptr(GBytes) tag_manifest_bytes = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GPtrArray) evidence_paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) evidence_pages = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonObject *check = NULL;
  JsonObject *rules = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *safe_id = NULL;
  g_autofree char *dossier_data = NULL;
  g_autofree char *dossier_sha256 = NULL;
  g_autofree char *form_sha256 = NULL;
  g_autofree char *oxum = NULL;
  g_autofree char *bagit_sha256 = NULL;
  g_autofree char *info_sha256 = NULL;
  g_autofree char *manifest_sha256 = NULL;
  g_autofree char *agent = NULL;
  g_autofree char *date = NULL;
  GPtrArray *evidence_sha256 = NULL;
  g_autoptr(GPtrArray) evidence_sha256_owner = evidence_sha256 = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) evidence_sizes = g_array_new (FALSE, TRUE, sizeof (guint64));
  guint64 form_size = 0;
  const char *organisation;
  gsize dossier_length;

  job->cancellable = cancellable;

  /* Everything that can be refused is refused before a byte is written. */
  if (!check_allows_packing (options->check, error))
    return FALSE;
  check = json_node_get_object (options->check);
  rules = json_object_get_object_member (check, "rules_pack");

  signing_time = options->signing_time ? g_date_time_to_utc (options->signing_time) : g_date_time_new_now_utc ();
  {
    /* Whole seconds: that is what the signature and bag-info carry. */
    GDateTime *whole = g_date_time_new_from_unix_utc (g_date_time_to_unix (signing_time));
    g_date_time_unref (signing_time);
    signing_time = whole;
  }
  time_text = format_time (signing_time);

  organisation = options->organisation ? options->organisation
               : job->department && job->department[0] ? job->department
               : cz_signer_get_organisation (job->signer) ? cz_signer_get_organisation (job->signer)
               : cz_signer_get_common_name (job->signer);

  for (guint i = 0; i < options->evidence->len; i++)
    {
      EvidenceItem *item = g_ptr_array_index (options->evidence, i);
      g_autofree char *name = g_file_get_parse_name (item->file);
      g_autofree char *path = g_file_get_path (item->file);
      guint number = GPOINTER_TO_UINT (g_hash_table_lookup (per_criterion, item->criterion)) + 1;
      JsonNode *pages = NULL;
      GStatBuf st;

      g_hash_table_insert (per_criterion, item->criterion, GUINT_TO_POINTER (number));
      if (path == NULL || g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_EVIDENCE,
                       _("The evidence file “%s” cannot be found. Attach it again."), name);
          return FALSE;
        }
      if (item->pages != NULL && (pages = parse_pages (item->pages)) == NULL)
        {
          g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_EVIDENCE,
                       _("The page citation “%s” of “%s” is not a list of pages such as “3-5, 8”. Correct it."),
                       item->pages, name);
          return FALSE;
        }
      job->total += st.st_size;
      g_ptr_array_add (evidence_paths, evidence_bag_path (item, number, used));
      g_ptr_array_add (evidence_pages, pages ? pages : json_node_new (JSON_NODE_NULL));
    }
  if (options->form_bytes != NULL)
    job->total += g_bytes_get_size (options->form_bytes);

  safe_id = cz_bag_safe_name (job->dossier_id);
  job->bag_name = g_strdup_printf ("coopzone-%s", safe_id);
  if (options->evidence->len > 0 || options->form_file != NULL)
    job->pipe = cz_hash_pipe_new ();

  if (!open_temporary (job, error))
    return FALSE;

  job->zip = archive_write_new ();
  archive_write_set_format_zip (job->zip);
  archive_write_set_options (job->zip, "hdrcharset=UTF-8");
  archive_write_set_bytes_per_block (job->zip, 0);
  if (archive_write_open2 (job->zip, job, NULL, zip_write_callback, NULL, NULL) != ARCHIVE_OK)
    return set_write_error (job, error);

  bagit_sha256 = cz_sha256_hex (CZ_BAG_DECLARATION, strlen (CZ_BAG_DECLARATION));
  if (!write_memory_entry (job, "bagit.txt", CZ_BAG_DECLARATION, strlen (CZ_BAG_DECLARATION), TRUE, signing_time, error))
    return FALSE;

  /* Payload: evidence, the form, then dossier.json, which indexes them. */
  for (guint i = 0; i < options->evidence->len; i++)
    {
      EvidenceItem *item = g_ptr_array_index (options->evidence, i);
      guint64 size = 0;
      char *hex = write_file_entry (job, item->file, g_ptr_array_index (evidence_paths, i), signing_time,
                                    item->sha256, &size, error);

      if (hex == NULL)
        return FALSE;
      g_ptr_array_add (evidence_sha256, hex);
      g_array_append_val (evidence_sizes, size);
    }

  if (options->form_file != NULL)
    {
      form_sha256 = write_file_entry (job, options->form_file, "data/application-form.pdf", signing_time,
                                      NULL, &form_size, error);
      if (form_sha256 == NULL)
        return FALSE;
    }
  else if (options->form_bytes != NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (options->form_bytes, &length);

      if (!write_memory_entry (job, "data/application-form.pdf", data, length, FALSE, signing_time, error))
        return FALSE;
      form_sha256 = cz_sha256_hex (data, length);
      form_size = length;
      add_to_manifest (job, "data/application-form.pdf", form_sha256, length);
      job->done += length;
      report_progress (job);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, CZ_ARCHIVE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CZ_ARCHIVE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "signing_time");
  json_builder_add_string_value (builder, time_text);
  json_builder_set_member_name (builder, "organisation");
  json_builder_add_string_value (builder, organisation);
  json_builder_set_member_name (builder, "dossier");
  json_builder_add_value (builder, json_node_copy (job->dossier_json));
  json_builder_set_member_name (builder, "rules_pack");
  json_builder_add_value (builder, json_node_copy (json_object_get_member (check, "rules_pack")));
  json_builder_set_member_name (builder, "findings");
  json_builder_add_value (builder, json_node_copy (json_object_get_member (check, "findings")));
  json_builder_set_member_name (builder, "score");
  json_builder_add_value (builder, json_object_has_member (check, "score")
                                   ? json_node_copy (json_object_get_member (check, "score"))
                                   : json_node_new (JSON_NODE_NULL));
  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < options->evidence->len; i++)
    {
      EvidenceItem *item = g_ptr_array_index (options->evidence, i);
      g_autofree char *basename = g_file_get_basename (item->file);
      g_autofree char *original = g_filename_display_name (basename);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "criterion");
      json_builder_add_string_value (builder, item->criterion);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, g_ptr_array_index (evidence_paths, i));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, item->title ? item->title : original);
      json_builder_set_member_name (builder, "original_name");
      json_builder_add_string_value (builder, original);
      json_builder_set_member_name (builder, "pages");
      json_builder_add_value (builder, json_node_copy (g_ptr_array_index (evidence_pages, i)));
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, g_ptr_array_index (evidence_sha256, i));
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, g_array_index (evidence_sizes, guint64, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "application_form");
  if (options->form_func != NULL)
    {
      /* Rendered after this file, with its fingerprint: no SHA-256 here. */
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, "data/application-form.pdf");
      json_builder_end_object (builder);
    }
  else if (form_sha256 != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, "data/application-form.pdf");
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, form_sha256);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, form_size);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  {
    g_autofree char *text = json_generator_to_data (generator, &dossier_length);
    dossier_data = g_strconcat (text, "\n", NULL);
    dossier_length++;
  }
  dossier_sha256 = cz_sha256_hex (dossier_data, dossier_length);
  if (!write_memory_entry (job, "data/dossier.json", dossier_data, dossier_length, TRUE, signing_time, error))
    return FALSE;
  add_to_manifest (job, "data/dossier.json", dossier_sha256, dossier_length);

  /* The form last: it prints the fingerprint of everything else. */
  if (options->form_func != NULL)
    {
      g_autoptr(GString) lines = g_string_new (NULL);
      g_autoptr(GBytes) form = NULL;
      gsize length;
      const char *data;

      for (guint i = 0; i < job->manifest_lines->len; i++)
        g_string_append (lines, g_ptr_array_index (job->manifest_lines, i));
      g_free (options->content_fingerprint);
      options->content_fingerprint = cz_archive_dup_content_fingerprint (lines->str, lines->len);
      form = options->form_func (job->dossier_json, options->content_fingerprint,
                                 cz_signer_get_fingerprint (job->signer), options->form_func_data,
                                 cancellable, error);
      if (form == NULL)
        return FALSE;
      data = g_bytes_get_data (form, &length);
      if (!write_memory_entry (job, "data/application-form.pdf", data, length, FALSE, signing_time, error))
        return FALSE;
      form_sha256 = cz_sha256_hex (data, length);
      add_to_manifest (job, "data/application-form.pdf", form_sha256, length);
    }

  /* Tag files. */
  g_ptr_array_sort (job->manifest_lines, cz_archive_compare_manifest_lines);
  for (guint i = 0; i < job->manifest_lines->len; i++)
    g_string_append (manifest, g_ptr_array_index (job->manifest_lines, i));
  manifest_sha256 = cz_sha256_hex (manifest->str, manifest->len);
  if (!write_memory_entry (job, "manifest-sha256.txt", manifest->str, manifest->len, TRUE, signing_time, error))
    return FALSE;

  oxum = cz_bag_payload_oxum_format (job->payload_octets, job->payload_files);
  agent = g_strdup_printf ("CoopZone %s", PACKAGE_VERSION);
  date = g_date_time_format (signing_time, "%Y-%m-%d");
  cz_bag_info_append (bag_info, "Source-Organization", organisation);
  cz_bag_info_append (bag_info, "Bagging-Date", date);
  cz_bag_info_append (bag_info, "Payload-Oxum", oxum);
  cz_bag_info_append (bag_info, "Bag-Software-Agent", agent);
  cz_bag_info_append (bag_info, "External-Identifier", job->dossier_id);
  cz_bag_info_append (bag_info, CZ_BAG_INFO_FORMAT, CZ_ARCHIVE_FORMAT " 1");
  cz_bag_info_append (bag_info, CZ_BAG_INFO_SIGNING_TIME, time_text);
  cz_bag_info_append (bag_info, CZ_BAG_INFO_RULES_PACK, object_get_string (rules, "id"));
  cz_bag_info_append (bag_info, CZ_BAG_INFO_RULES_PACK_SHA256, object_get_string (rules, "sha256") ?: "");
  cz_bag_info_append (bag_info, CZ_BAG_INFO_APP_VERSION, PACKAGE_VERSION);
  cz_bag_info_append (bag_info, CZ_BAG_INFO_APPLICATION_FORM,
                      form_sha256 ? "included" : "not included: no application form was provided");
  info_sha256 = cz_sha256_hex (bag_info->str, bag_info->len);
  if (!write_memory_entry (job, "bag-info.txt", bag_info->str, bag_info->len, TRUE, signing_time, error))
    return FALSE;

  cz_bag_manifest_append (tag_manifest, info_sha256, "bag-info.txt");
  cz_bag_manifest_append (tag_manifest, bagit_sha256, "bagit.txt");
  cz_bag_manifest_append (tag_manifest, manifest_sha256, "manifest-sha256.txt");
  if (!write_memory_entry (job, "tagmanifest-sha256.txt", tag_manifest->str, tag_manifest->len, TRUE, signing_time, error))
    return FALSE;

  tag_manifest_bytes = g_bytes_new (tag_manifest->str, tag_manifest->len);
  signature = cz_signer_sign_detached (job->signer, tag_manifest_bytes, signing_time, error);
  if (signature == NULL)
    return FALSE;
  if (!write_memory_entry (job, CZ_BAG_SIGNATURE_PATH, g_bytes_get_data (signature, NULL),
                           g_bytes_get_size (signature), FALSE, signing_time, error))
    return FALSE;

  if (archive_write_close (job->zip) != ARCHIVE_OK)
    return set_write_error (job, error);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !commit_temporary (job, error))
    return FALSE;
  g_free (options->fingerprint);
  options->fingerprint = cz_archive_dup_tag_manifest_fingerprint (tag_manifest_bytes);
  return TRUE;
}

gboolean
cz_archive_pack (CzDossier              *dossier,
                 CzPackOptions          *options,
                 CzSigner               *signer,
                 GFile                  *destination,
                 GCancellable           *cancellable,
                 CzArchiveProgressFunc   progress,
                 gpointer                progress_data,
                 GError                **error)
{
  g_autoptr(PackJob) job = NULL;

  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (CZ_IS_SIGNER (signer), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  job = pack_job_new (dossier, options, signer, destination);
  job->progress = progress;
  job->progress_data = progress_data;
  return pack_run (job, cancellable, error);
}

typedef struct
{
  PackJob         *job;
  CzProgressRelay *relay;
} PackTaskData;

static void
pack_task_data_free (PackTaskData *data)
{
  pack_job_free (data->job);
  if (data->relay != NULL)
    cz_progress_relay_unref (data->relay);
  g_free (data);
}

static void
pack_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PackTaskData *data = task_data;
  GError *error = NULL;

  if (pack_run (data->job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cz_archive_pack_async (CzDossier             *dossier,
                       CzPackOptions         *options,
                       CzSigner              *signer,
                       GFile                 *destination,
                       GCancellable          *cancellable,
                       CzArchiveProgressFunc  progress,
                       gpointer               progress_data,
                       GDestroyNotify         progress_data_free,
                       GAsyncReadyCallback    callback,
                       gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PackTaskData *data = g_new0 (PackTaskData, 1);

  data->job = pack_job_new (dossier, options, signer, destination);
  if (progress != NULL)
    {
      data->relay = cz_progress_relay_new (progress, progress_data, progress_data_free);
      data->job->progress = cz_progress_relay_report;
      data->job->progress_data = data->relay;
    }
  else if (progress_data_free != NULL)
    progress_data_free (progress_data);

  g_task_set_source_tag (task, cz_archive_pack_async);
  g_task_set_task_data (task, data, (GDestroyNotify) pack_task_data_free);
  g_task_run_in_thread (task, pack_thread);
}

gboolean
cz_archive_pack_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
