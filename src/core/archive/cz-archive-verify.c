/* cz-archive-verify.c — verifying a received archive
 *
 * cz-zip-guard.c first refuses a hostile ZIP from its central directory
 * alone. Then libarchive streams each entry once: payload files into
 * SHA-256 only, tag files and dossier.json into memory (bounded). Nothing
 * is ever written to disk.
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

#include "cz-archive-private.h"
#include "cz-archive-verification-private.h"
#include "cz-bag.h"
#include "cz-content-fingerprint.h"
#include "cz-digest.h"
#include "cz-hash-pipe.h"
#include "cz-json-limits.h"
#include "cz-signature.h"
#include "cz-zip-guard.h"

/* What verify keeps in memory (docs/archive-format.md, "Limits"). */
#define MAX_TAG_FILE_SIZE      (16 * 1024 * 1024)
#define MAX_DOSSIER_JSON_SIZE  (64 * 1024 * 1024)

/* ---------------------------------------------------------------------- */
/* Streaming the content                                                    */

typedef struct
{
  char    *sha256;
  guint64  size;
  GBytes  *content;   /* tag files and dossier.json only */
} ReadFile;

static void
read_file_free (ReadFile *file)
{
  g_free (file->sha256);
  g_clear_pointer (&file->content, g_bytes_unref);
  g_free (file);
}

static const char * const tag_files[] = {
  "bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", CZ_BAG_SIGNATURE_PATH, NULL
};

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GHashTable *stream_entries_in_locale (const char *path, const char *archive_name, const char *bag_name,
                                             GHashTable *expected, guint64 total, GCancellable *cancellable,
                                             CzArchiveProgressFunc progress, gpointer progress_data, GError **error);

static GHashTable *
stream_entries (const char    *path,
                const char    *archive_name,
                const char    *bag_name,
                GHashTable    *expected,     /* name → CzZipEntry */
                guint64        total,
                GCancellable  *cancellable,
                CzArchiveProgressFunc progress,
                gpointer       progress_data,
                GError       **error)
{
  g_autoptr(GHashTable) files = NULL;
  /* libarchive converts names to the locale's charset and loses those it
   * cannot convert, as in the "C" locale: read in UTF-8, on this thread only. */
  locale_t utf8 = newlocale (LC_ALL_MASK, "C.UTF-8", (locale_t) 0);
  locale_t previous = utf8 != (locale_t) 0 ? uselocale (utf8) : (locale_t) 0;

  files = stream_entries_in_locale (path, archive_name, bag_name, expected, total, cancellable,
                                    progress, progress_data, error);
  if (utf8 != (locale_t) 0)
    {
      uselocale (previous);
      freelocale (utf8);
    }
  return g_steal_pointer (&files);
}

static GHashTable *
stream_entries_in_locale (const char    *path,
                          const char    *archive_name,
                          const char    *bag_name,
                          GHashTable    *expected,
                          guint64        total,
                          GCancellable  *cancellable,
                          CzArchiveProgressFunc progress,
                          gpointer       progress_data,
                          GError       **error)
{
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) read_file_free);
  /* SHA-256 on the pipe's worker while this thread reads, inflates and
   * checks CRC-32s. */
  g_autoptr(CzHashPipe) pipe = cz_hash_pipe_new ();
  struct archive *zip = archive_read_new ();
  struct archive_entry *header;
  gsize prefix_length = strlen (bag_name) + 1;
  guint64 done = 0;
  int ret;

  archive_read_support_format_zip_seekable (zip);
  archive_read_set_options (zip, "hdrcharset=UTF-8");
  if (archive_read_open_filename (zip, path, 1024 * 1024) != ARCHIVE_OK)
    {
      cz_zip_refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, NULL);
      archive_read_free (zip);
      return NULL;
    }

  /* A warning is only that a name cannot be shown in the current locale: we
   * use the UTF-8 names, already validated from the central directory. */
  while ((ret = archive_read_next_header (zip, &header)) == ARCHIVE_OK || ret == ARCHIVE_WARN)
    {
      const char *name = archive_entry_pathname_utf8 (header);
      CzZipEntry *entry = name ? g_hash_table_lookup (expected, name) : NULL;
      const char *in_bag;
      gboolean keep;
      GByteArray *content = NULL;
      ReadFile *file;
      guint8 digest[32];
      guint64 size = 0;
      const void *block;
      size_t block_size;
      la_int64_t offset;

      if (entry == NULL)
        {
          cz_zip_refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, name);
          archive_read_free (zip);
          return NULL;
        }
      if (archive_entry_hardlink (header) != NULL)
        {
          cz_zip_refuse (error, CZ_ARCHIVE_ERROR_HARDLINK, archive_name, name);
          archive_read_free (zip);
          return NULL;
        }
      if (archive_entry_filetype (header) == AE_IFLNK || archive_entry_symlink (header) != NULL)
        {
          cz_zip_refuse (error, CZ_ARCHIVE_ERROR_SYMLINK, archive_name, name);
          archive_read_free (zip);
          return NULL;
        }
      if (entry->is_dir || archive_entry_filetype (header) == AE_IFDIR)
        continue;

      in_bag = name + prefix_length;
      keep = g_strv_contains (tag_files, in_bag) || g_str_equal (in_bag, "data/dossier.json");
      if (keep && entry->uncompressed > (g_str_equal (in_bag, "data/dossier.json") ? MAX_DOSSIER_JSON_SIZE : MAX_TAG_FILE_SIZE))
        {
          cz_zip_refuse (error, CZ_ARCHIVE_ERROR_NOT_A_BAG, archive_name, name);
          archive_read_free (zip);
          return NULL;
        }
      if (keep)
        content = g_byte_array_sized_new (entry->uncompressed);

      while ((ret = archive_read_data_block (zip, &block, &block_size, &offset)) == ARCHIVE_OK)
        {
          size += block_size;
          if (size > entry->uncompressed || g_cancellable_is_cancelled (cancellable))
            break;
          for (gsize at = 0; at < block_size;)
            {
              gsize length = MIN (block_size - at, CZ_HASH_PIPE_BUFFER_SIZE);
              guint8 *buffer = cz_hash_pipe_get_buffer (pipe);

              memcpy (buffer, (const guint8 *) block + at, length);
              cz_hash_pipe_submit (pipe, buffer, length);
              cz_hash_pipe_release (pipe, buffer);
              at += length;
            }
          if (content != NULL)
            g_byte_array_append (content, block, block_size);
          done += block_size;
          if (progress != NULL)
            progress (done, total, progress_data);
        }
      cz_hash_pipe_finish (pipe, digest);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          size > entry->uncompressed || ret != ARCHIVE_EOF || size != entry->uncompressed)
        {
          if (content != NULL)
            g_byte_array_unref (content);
          if (error == NULL || *error == NULL)
            cz_zip_refuse (error, size > entry->uncompressed ? CZ_ARCHIVE_ERROR_ZIP_BOMB : CZ_ARCHIVE_ERROR_CORRUPT,
                    archive_name, name);
          archive_read_free (zip);
          return NULL;
        }

      file = g_new0 (ReadFile, 1);
      file->sha256 = cz_hex_encode (digest, sizeof digest);
      file->size = size;
      if (content != NULL)
        file->content = g_byte_array_free_to_bytes (content);
      g_hash_table_insert (files, g_strdup (in_bag), file);
    }

  archive_read_free (zip);
  if (ret != ARCHIVE_EOF)
    {
      cz_zip_refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, NULL);
      return NULL;
    }
  return g_steal_pointer (&files);
}

/* ---------------------------------------------------------------------- */
/* The checks                                                               */

static const char *
content_text (ReadFile *file,
              gsize    *length)
{
  return file && file->content ? g_bytes_get_data (file->content, length) : NULL;
}

static char *
format_utc (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%d %H:%M:%S UTC");
}

/* A certificate vouches only for what it signed while it was valid:
 * notBefore and notAfter both included (RFC 5280 §4.1.2.5). */
static void
check_signer_validity (CzArchiveVerification *self)
{
  g_autofree char *when = NULL;
  g_autofree char *bound = NULL;

  if (self->signing_time == NULL)
    {
      cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_SIGNER_VALIDITY,
                   _("The signature carries no signing time, so whether the signer certificate was valid when it signed cannot be checked."));
      return;
    }
  if (self->signer_not_before == NULL || self->signer_not_after == NULL)
    return;
  when = format_utc (self->signing_time);
  if (g_date_time_compare (self->signing_time, self->signer_not_before) < 0)
    {
      bound = format_utc (self->signer_not_before);
      cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_SIGNER_VALIDITY,
                   /* Translators: %1$s is the signing time, %2$s when the certificate became valid */
                   _("The archive was signed at %1$s, before the signer certificate became valid (%2$s). Ask the department to sign it again with a valid certificate."),
                   when, bound);
    }
  else if (g_date_time_compare (self->signing_time, self->signer_not_after) > 0)
    {
      bound = format_utc (self->signer_not_after);
      cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_SIGNER_VALIDITY,
                   /* Translators: %1$s is the signing time, %2$s when the certificate expired */
                   _("The archive was signed at %1$s, after the signer certificate had expired (%2$s). Ask the department to renew its certificate and sign again."),
                   when, bound);
    }
}

/* The trust list was checked without dates: the authority that issued the
 * signer must, like the signer, have been valid at the signing time. */
static void
check_issuer_validity (CzArchiveVerification  *self,
                       const CzSignatureCheck *check)
{
  g_autofree char *when = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *until_text = NULL;

  if (self->signing_time == NULL || check->issuer_subject == NULL)
    return;
  if (g_date_time_compare (self->signing_time, check->issuer_not_before) >= 0 &&
      g_date_time_compare (self->signing_time, check->issuer_not_after) <= 0)
    return;

  when = format_utc (self->signing_time);
  from_text = format_utc (check->issuer_not_before);
  until_text = format_utc (check->issuer_not_after);
  cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_TRUST,
               /* Translators: %1$s is a certificate authority, %2$s the signing time, %3$s and %4$s its validity */
               _("The certificate authority “%1$s” was not valid when the archive was signed at %2$s (it is valid from %3$s to %4$s)."),
               check->issuer_subject, when, from_text, until_text);
}

static void
check_signature (CzArchiveVerification *self,
                 ReadFile              *signature,
                 ReadFile              *tag_manifest,
                 GBytes                *trusted)
{
  g_autoptr(CzSignatureCheck) check = cz_signature_check_detached (signature->content, tag_manifest->content, trusted);

  if (check->status == CZ_SIGNATURE_DAMAGED)
    {
      cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_SIGNATURE,
                   _("The signature file “%s” is damaged or holds no signer certificate."), CZ_BAG_SIGNATURE_PATH);
      return;
    }

  self->signer_certificate = check->signer_certificate ? g_bytes_ref (check->signer_certificate) : NULL;
  self->signer_fingerprint = g_strdup (check->signer_fingerprint);
  self->signer_subject = g_strdup (check->signer_subject);
  self->signer_not_before = check->signer_not_before ? g_date_time_ref (check->signer_not_before) : NULL;
  self->signer_not_after = check->signer_not_after ? g_date_time_ref (check->signer_not_after) : NULL;
  self->signing_time = check->signing_time ? g_date_time_ref (check->signing_time) : NULL;

  if (check->status == CZ_SIGNATURE_MISMATCH)
    {
      cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_SIGNATURE,
                   _("The signature does not match tagmanifest-sha256.txt (%s): the archive was changed after it was signed."),
                   check->detail);
      return;
    }

  check_signer_validity (self);

  if (check->trust_checked)
    {
      self->trust_checked = TRUE;
      if (!check->trusted)
        cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_TRUST,
                     _("The signer “%s” is not one of the given trusted certificates, nor issued by one (%s)."),
                     self->signer_subject ? self->signer_subject : "?", check->trust_detail);
      else
        check_issuer_validity (self, check);
    }
}

static void
check_tag_manifest (CzArchiveVerification *self,
                    GHashTable            *files)
{
  ReadFile *tag_manifest = g_hash_table_lookup (files, "tagmanifest-sha256.txt");
  g_autoptr(GHashTable) listed = NULL;
  gsize length;
  const char *text = content_text (tag_manifest, &length);
  guint bad_line;
  static const char * const required[] = { "bagit.txt", "bag-info.txt", "manifest-sha256.txt" };

  listed = cz_bag_manifest_parse (text, length, &bad_line);
  if (listed == NULL)
    {
      cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_TAG_MANIFEST,
                   _("tagmanifest-sha256.txt cannot be read (line %u)."), bad_line);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!g_hash_table_contains (listed, required[i]))
      cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_TAG_MANIFEST, _("tagmanifest-sha256.txt does not list “%s”."), required[i]);

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, listed);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        ReadFile *file = g_hash_table_lookup (files, key);

        if (file == NULL)
          cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_TAG_MANIFEST | CZ_ARCHIVE_CHECK_COMPLETE,
                       _("“%s” is listed in tagmanifest-sha256.txt but missing from the archive."), (char *) key);
        else if (!g_str_equal (file->sha256, value))
          cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_TAG_MANIFEST,
                       _("“%s” was changed: its SHA-256 does not match tagmanifest-sha256.txt."), (char *) key);
      }
  }
}

static void
check_manifest (CzArchiveVerification *self,
                GHashTable            *files)
{
  ReadFile *manifest = g_hash_table_lookup (files, "manifest-sha256.txt");
  g_autoptr(GHashTable) listed = NULL;
  g_autoptr(GPtrArray) payload = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;
  gsize length;
  const char *text = content_text (manifest, &length);
  guint64 octets = 0, expected_octets, expected_files;
  guint bad_line;

  if (text != NULL)
    self->content_fingerprint = cz_archive_dup_content_fingerprint (text, length);

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "data/"))
      {
        g_ptr_array_add (payload, key);
        octets += ((ReadFile *) value)->size;
      }
    else if (!g_strv_contains (tag_files, key))
      cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_COMPLETE,
                   _("“%s” is not part of a CoopZone archive: an extra file was added."), (char *) key);
  g_ptr_array_sort (payload, compare_strings);
  for (guint i = 0; i < payload->len; i++)
    g_ptr_array_insert (self->files, self->files->len - 1, g_strdup (g_ptr_array_index (payload, i)));

  listed = cz_bag_manifest_parse (text, length, &bad_line);
  if (listed == NULL)
    cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_MANIFEST, _("manifest-sha256.txt cannot be read (line %u)."), bad_line);
  else
    {
      for (guint i = 0; i < payload->len; i++)
        {
          const char *path = g_ptr_array_index (payload, i);
          const char *hash = g_hash_table_lookup (listed, path);
          ReadFile *file = g_hash_table_lookup (files, path);

          if (hash == NULL)
            cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_COMPLETE,
                         _("“%s” is in the archive but not in manifest-sha256.txt: an extra file was added."), path);
          else if (!g_str_equal (hash, file->sha256))
            cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_MANIFEST,
                         _("“%s” was changed: its SHA-256 does not match manifest-sha256.txt."), path);
        }
      g_hash_table_iter_init (&iter, listed);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (files, key))
          cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_COMPLETE,
                       _("“%s” is listed in manifest-sha256.txt but missing from the archive."), (char *) key);
    }

  if (self->payload_oxum == NULL || !cz_bag_payload_oxum_parse (self->payload_oxum, &expected_octets, &expected_files))
    cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_PAYLOAD_OXUM, _("bag-info.txt has no valid Payload-Oxum."));
  else if (expected_octets != octets || expected_files != payload->len)
    cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_PAYLOAD_OXUM,
                 _("The payload is %" G_GUINT64_FORMAT " bytes in %u files, but Payload-Oxum says %s."),
                 octets, payload->len, self->payload_oxum);
}

static void
check_bag_info (CzArchiveVerification *self,
                GHashTable            *files)
{
  gsize bagit_length = 0, info_length = 0;
  const char *bagit_data = content_text (g_hash_table_lookup (files, "bagit.txt"), &bagit_length);
  const char *info_data = content_text (g_hash_table_lookup (files, "bag-info.txt"), &info_length);
  /* Contents are bytes, not strings: terminate them. */
  g_autofree char *bagit = bagit_data ? g_strndup (bagit_data, bagit_length) : NULL;
  g_autofree char *info = g_strndup (info_data, info_length);
  g_autofree char *version = NULL;
  g_autofree char *format = NULL;
  g_autofree char *time_text = NULL;

  version = bagit ? cz_bag_info_dup_value (bagit, "BagIt-Version") : NULL;
  if (g_strcmp0 (version, "1.0") != 0)
    cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_BAG_INFO, _("bagit.txt does not declare BagIt version 1.0."));

  if (!g_utf8_validate (info, -1, NULL))
    {
      cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_BAG_INFO, _("bag-info.txt is not UTF-8 text."));
      return;
    }
  self->organisation = cz_bag_info_dup_value (info, "Source-Organization");
  self->payload_oxum = cz_bag_info_dup_value (info, "Payload-Oxum");
  self->rules_pack_id = cz_bag_info_dup_value (info, CZ_BAG_INFO_RULES_PACK);
  self->rules_pack_sha256 = cz_bag_info_dup_value (info, CZ_BAG_INFO_RULES_PACK_SHA256);
  self->app_version = cz_bag_info_dup_value (info, CZ_BAG_INFO_APP_VERSION);
  format = cz_bag_info_dup_value (info, CZ_BAG_INFO_FORMAT);
  time_text = cz_bag_info_dup_value (info, CZ_BAG_INFO_SIGNING_TIME);

  if (format == NULL || !g_str_has_prefix (format, CZ_ARCHIVE_FORMAT " "))
    cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_BAG_INFO, _("bag-info.txt does not name the CoopZone archive format."));
  if (self->rules_pack_id == NULL || self->rules_pack_id[0] == '\0')
    cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_BAG_INFO, _("bag-info.txt does not name the rules pack the dossier was checked with."));
  if (time_text != NULL && self->signing_time != NULL)
    {
      g_autoptr(GDateTime) stated = g_date_time_new_from_iso8601 (time_text, NULL);

      if (stated == NULL || !g_date_time_equal (stated, self->signing_time))
        cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_BAG_INFO,
                     _("The signing time in bag-info.txt (%s) is not the time in the signature."), time_text);
    }
}

/* dossier.json is parsed only once the signature and both manifests vouch
 * for its bytes, and only when it is shallow enough for json-glib. */
static void
read_dossier_json (CzArchiveVerification *self,
                   ReadFile              *dossier)
{
  const CzArchiveCheck vouching = CZ_ARCHIVE_CHECK_SIGNATURE | CZ_ARCHIVE_CHECK_TAG_MANIFEST | CZ_ARCHIVE_CHECK_MANIFEST;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *text = content_text (dossier, &length);

  if (text == NULL)
    {
      cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_COMPLETE, _("data/dossier.json is missing or is not JSON."));
      return;
    }
  if ((cz_archive_verification_get_failed_checks (self) & vouching) != 0)
    return;
  if (!cz_json_check_limits (text, length, CZ_JSON_MAX_DEPTH, &error))
    {
      /* Translators: %s says why, e.g. "its JSON is nested more than 64 levels deep (line 1, column 65)" */
      cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_COMPLETE, _("data/dossier.json cannot be read: %s."),
                                           error->message);
      return;
    }
  parser = json_parser_new ();
  if (json_parser_load_from_data (parser, text, length, NULL))
    self->dossier_json = json_node_ref (json_parser_get_root (parser));
  else
    cz_archive_verification_add_problem (self, CZ_ARCHIVE_CHECK_COMPLETE, _("data/dossier.json is missing or is not JSON."));
}

CzArchiveVerification *
cz_archive_verify (GFile                 *archive,
                   GBytes                *trusted_certificates,
                   GCancellable          *cancellable,
                   CzArchiveProgressFunc  progress,
                   gpointer               progress_data,
                   GError               **error)
{
  g_autoptr(CzArchiveVerification) self = NULL;
  g_autofree char *path = g_file_get_path (archive);
  g_autofree char *archive_name = g_file_get_parse_name (archive);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) files = NULL;
  g_autofree char *bag_name = NULL;
  guint64 total = 0;

  g_return_val_if_fail (G_IS_FILE (archive), NULL);

  entries = cz_zip_guard_open_bag (path, archive_name, &bag_name, error);
  if (entries == NULL)
    return NULL;
  for (guint i = 0; tag_files[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (bag_name, "/", tag_files[i], NULL);
      gboolean found = FALSE;

      for (guint k = 0; k < entries->len && !found; k++)
        found = g_str_equal (((CzZipEntry *) g_ptr_array_index (entries, k))->name, name);
      if (!found)
        return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_NOT_A_BAG, archive_name, NULL), NULL;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      CzZipEntry *entry = g_ptr_array_index (entries, i);

      g_hash_table_insert (expected, entry->name, entry);
      total += entry->uncompressed;
    }

  files = stream_entries (path, archive_name, bag_name, expected, total, cancellable, progress, progress_data, error);
  if (files == NULL)
    return NULL;

  self = g_object_new (CZ_TYPE_ARCHIVE_VERIFICATION, NULL);
  self->bag_name = g_steal_pointer (&bag_name);
  {
    ReadFile *tag_manifest = g_hash_table_lookup (files, "tagmanifest-sha256.txt");

    self->tag_manifest_fingerprint = cz_archive_dup_tag_manifest_fingerprint (tag_manifest->content);
    check_signature (self, g_hash_table_lookup (files, CZ_BAG_SIGNATURE_PATH), tag_manifest, trusted_certificates);
  }
  check_bag_info (self, files);
  check_tag_manifest (self, files);
  check_manifest (self, files);

  read_dossier_json (self, g_hash_table_lookup (files, "data/dossier.json"));
  return g_steal_pointer (&self);
}

typedef struct
{
  GFile           *archive;
  GBytes          *trusted;
  CzProgressRelay *relay;
} VerifyData;

static void
verify_data_free (VerifyData *data)
{
  g_object_unref (data->archive);
  g_clear_pointer (&data->trusted, g_bytes_unref);
  g_clear_pointer (&data->relay, cz_progress_relay_unref);
  g_free (data);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyData *data = task_data;
  GError *error = NULL;
  CzArchiveVerification *result = cz_archive_verify (data->archive, data->trusted, cancellable,
                                                     data->relay ? cz_progress_relay_report : NULL,
                                                     data->relay, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

void
cz_archive_verify_async (GFile                 *archive,
                         GBytes                *trusted_certificates,
                         GCancellable          *cancellable,
                         CzArchiveProgressFunc  progress,
                         gpointer               progress_data,
                         GDestroyNotify         progress_data_free,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  VerifyData *data = g_new0 (VerifyData, 1);

  data->archive = g_object_ref (archive);
  data->trusted = trusted_certificates ? g_bytes_ref (trusted_certificates) : NULL;
  if (progress != NULL)
    data->relay = cz_progress_relay_new (progress, progress_data, progress_data_free);
  else if (progress_data_free != NULL)
    progress_data_free (progress_data);
  g_task_set_source_tag (task, cz_archive_verify_async);
  g_task_set_task_data (task, data, (GDestroyNotify) verify_data_free);
  g_task_run_in_thread (task, verify_thread);
}

CzArchiveVerification *
cz_archive_verify_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
