/* cz-archive-reader.c — verifying a received archive, refusing hostile ones
 *
 * First the ZIP's central directory is read and every entry judged by its
 * name, type and size claims alone; an archive with any hostile entry is
 * refused before a byte of content is decompressed. Then libarchive streams
 * each entry once: payload files into SHA-256 only, tag files and
 * dossier.json into memory (bounded). Nothing is ever written to disk.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "cz-digest.h"
#include "cz-archive.h"
#include "cz-archive-private.h"
#include "cz-bag.h"
#include "cz-content-fingerprint.h"
#include "cz-hash-pipe.h"
#include "cz-signature.h"

/* Limits far beyond any real application, far below what hurts. */
#define MAX_ENTRIES            20000
#define MAX_ENTRY_SIZE         (G_GUINT64_CONSTANT (8) << 30)
#define MAX_TOTAL_SIZE         (G_GUINT64_CONSTANT (64) << 30)
#define MAX_RATIO              200
#define RATIO_FLOOR            (1024 * 1024)
#define MAX_TAG_FILE_SIZE      (16 * 1024 * 1024)
#define MAX_DOSSIER_JSON_SIZE  (64 * 1024 * 1024)
#define MAX_CENTRAL_DIRECTORY  (64 * 1024 * 1024)

#define SIG_LOCAL   0x04034b50
#define SIG_CENTRAL 0x02014b50
#define SIG_END     0x06054b50
#define SIG_END64   0x06064b50
#define SIG_LOC64   0x07064b50

typedef struct
{
  char    *name;
  guint64  compressed;
  guint64  uncompressed;
  guint64  offset;
  guint16  method;
  guint32  mode;       /* Unix mode when made on Unix, else 0 */
  gboolean is_dir;
} ZipEntry;

static void
zip_entry_free (ZipEntry *entry)
{
  g_free (entry->name);
  g_free (entry);
}

/* ---------------------------------------------------------------------- */
/* CzArchiveVerification                                                    */

struct _CzArchiveVerification
{
  GObject         parent_instance;
  CzArchiveCheck  failed;
  GPtrArray      *problems;
  GPtrArray      *files;
  gboolean        trust_checked;
  char           *bag_name;
  char           *signer_subject;
  char           *signer_fingerprint;
  GBytes         *signer_certificate;
  GDateTime      *signing_time;
  GDateTime      *signer_not_before;
  GDateTime      *signer_not_after;
  char           *organisation;
  char           *rules_pack_id;
  char           *rules_pack_sha256;
  char           *app_version;
  char           *payload_oxum;
  char           *tag_manifest_fingerprint;
  char           *content_fingerprint;
  JsonNode       *dossier_json;
};

G_DEFINE_FINAL_TYPE (CzArchiveVerification, cz_archive_verification, G_TYPE_OBJECT)

static void
cz_archive_verification_finalize (GObject *object)
{
  CzArchiveVerification *self = CZ_ARCHIVE_VERIFICATION (object);

  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->files);
  g_free (self->bag_name);
  g_free (self->signer_subject);
  g_free (self->signer_fingerprint);
  g_clear_pointer (&self->signer_certificate, g_bytes_unref);
  g_clear_pointer (&self->signing_time, g_date_time_unref);
  g_clear_pointer (&self->signer_not_before, g_date_time_unref);
  g_clear_pointer (&self->signer_not_after, g_date_time_unref);
  g_free (self->organisation);
  g_free (self->rules_pack_id);
  g_free (self->rules_pack_sha256);
  g_free (self->app_version);
  g_free (self->payload_oxum);
  g_free (self->tag_manifest_fingerprint);
  g_free (self->content_fingerprint);
  g_clear_pointer (&self->dossier_json, json_node_unref);

  G_OBJECT_CLASS (cz_archive_verification_parent_class)->finalize (object);
}

static void
cz_archive_verification_class_init (CzArchiveVerificationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cz_archive_verification_finalize;
}

static void
cz_archive_verification_init (CzArchiveVerification *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->problems, NULL);
  self->files = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->files, NULL);
}

static void G_GNUC_PRINTF (3, 4)
add_problem (CzArchiveVerification *self,
             CzArchiveCheck         check,
             const char            *format,
             ...)
{
  va_list args;

  self->failed |= check;
  va_start (args, format);
  g_ptr_array_insert (self->problems, self->problems->len - 1, g_strdup_vprintf (format, args));
  va_end (args);
}

gboolean
cz_archive_verification_get_valid (CzArchiveVerification *self)
{
  return self->failed == 0;
}

CzArchiveCheck
cz_archive_verification_get_failed_checks (CzArchiveVerification *self)
{
  return self->failed;
}

const char * const *
cz_archive_verification_get_problems (CzArchiveVerification *self)
{
  return (const char * const *) self->problems->pdata;
}

gboolean
cz_archive_verification_get_trust_checked (CzArchiveVerification *self)
{
  return self->trust_checked;
}

const char *
cz_archive_verification_get_bag_name (CzArchiveVerification *self)
{
  return self->bag_name;
}

const char *
cz_archive_verification_get_signer_subject (CzArchiveVerification *self)
{
  return self->signer_subject;
}

const char *
cz_archive_verification_get_signer_fingerprint (CzArchiveVerification *self)
{
  return self->signer_fingerprint;
}

GBytes *
cz_archive_verification_get_signer_certificate (CzArchiveVerification *self)
{
  return self->signer_certificate;
}

GDateTime *
cz_archive_verification_get_signing_time (CzArchiveVerification *self)
{
  return self->signing_time;
}

GDateTime *
cz_archive_verification_get_signer_not_before (CzArchiveVerification *self)
{
  return self->signer_not_before;
}

GDateTime *
cz_archive_verification_get_signer_not_after (CzArchiveVerification *self)
{
  return self->signer_not_after;
}

const char *
cz_archive_verification_get_organisation (CzArchiveVerification *self)
{
  return self->organisation;
}

const char *
cz_archive_verification_get_rules_pack_id (CzArchiveVerification *self)
{
  return self->rules_pack_id;
}

const char *
cz_archive_verification_get_rules_pack_sha256 (CzArchiveVerification *self)
{
  return self->rules_pack_sha256;
}

const char *
cz_archive_verification_get_app_version (CzArchiveVerification *self)
{
  return self->app_version;
}

const char *
cz_archive_verification_get_payload_oxum (CzArchiveVerification *self)
{
  return self->payload_oxum;
}

const char *
cz_archive_verification_get_tag_manifest_fingerprint (CzArchiveVerification *self)
{
  return self->tag_manifest_fingerprint;
}

const char *
cz_archive_verification_get_content_fingerprint (CzArchiveVerification *self)
{
  return self->content_fingerprint;
}

const char * const *
cz_archive_verification_get_files (CzArchiveVerification *self)
{
  return (const char * const *) self->files->pdata;
}

JsonNode *
cz_archive_verification_get_dossier_json (CzArchiveVerification *self)
{
  return self->dossier_json;
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
cz_archive_verification_to_json (CzArchiveVerification *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  static const struct { CzArchiveCheck check; const char *id; } checks[] = {
    { CZ_ARCHIVE_CHECK_SIGNATURE, "signature" },
    { CZ_ARCHIVE_CHECK_SIGNER_VALIDITY, "signer-validity" },
    { CZ_ARCHIVE_CHECK_TRUST, "trust" },
    { CZ_ARCHIVE_CHECK_TAG_MANIFEST, "tag-manifest" },
    { CZ_ARCHIVE_CHECK_MANIFEST, "manifest" },
    { CZ_ARCHIVE_CHECK_COMPLETE, "complete" },
    { CZ_ARCHIVE_CHECK_PAYLOAD_OXUM, "payload-oxum" },
    { CZ_ARCHIVE_CHECK_BAG_INFO, "bag-info" },
  };
  g_autofree char *time = self->signing_time ? g_date_time_format (self->signing_time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
  g_autofree char *not_before = self->signer_not_before ? g_date_time_format (self->signer_not_before, "%Y-%m-%dT%H:%M:%SZ") : NULL;
  g_autofree char *not_after = self->signer_not_after ? g_date_time_format (self->signer_not_after, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, self->failed == 0);
  json_builder_set_member_name (builder, "checks");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      json_builder_set_member_name (builder, checks[i].id);
      if (checks[i].check == CZ_ARCHIVE_CHECK_TRUST && !self->trust_checked)
        json_builder_add_string_value (builder, "not-checked");
      else
        json_builder_add_string_value (builder, (self->failed & checks[i].check) ? "failed" : "passed");
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < self->problems->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->problems, i));
  json_builder_end_array (builder);
  add_string_member (builder, "bag", self->bag_name);
  add_string_member (builder, "signer", self->signer_subject);
  add_string_member (builder, "signer_fingerprint_sha256", self->signer_fingerprint);
  add_string_member (builder, "signing_time", time);
  add_string_member (builder, "signer_not_before", not_before);
  add_string_member (builder, "signer_not_after", not_after);
  add_string_member (builder, "organisation", self->organisation);
  add_string_member (builder, "rules_pack", self->rules_pack_id);
  add_string_member (builder, "rules_pack_sha256", self->rules_pack_sha256);
  add_string_member (builder, "app_version", self->app_version);
  add_string_member (builder, "payload_oxum", self->payload_oxum);
  add_string_member (builder, "tag_manifest_fingerprint_sha256", self->tag_manifest_fingerprint);
  add_string_member (builder, "content_fingerprint_sha256", self->content_fingerprint);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < self->files->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->files, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ---------------------------------------------------------------------- */
/* The central directory                                                    */

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static guint64
le64 (const guint8 *p)
{
  return (guint64) le32 (p) | ((guint64) le32 (p + 4) << 32);
}

static gboolean
read_at (int      fd,
         guint64  offset,
         guint8  *buffer,
         gsize    length)
{
  while (length > 0)
    {
      ssize_t n = pread (fd, buffer, length, offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      buffer += n;
      length -= n;
      offset += n;
    }
  return TRUE;
}

static gboolean
refuse (GError        **error,
        CzArchiveError  code,
        const char     *archive_name,
        const char     *entry_name)
{
  g_autofree char *shown = entry_name ? g_utf8_make_valid (entry_name, -1) : NULL;
  const char *reason;

  switch (code)
    {
    case CZ_ARCHIVE_ERROR_NOT_A_ZIP:
      reason = _("it is not a ZIP archive");
      break;
    case CZ_ARCHIVE_ERROR_TRUNCATED:
      reason = _("it is incomplete (truncated): copy the archive again from its source");
      break;
    case CZ_ARCHIVE_ERROR_CORRUPT:
      reason = _("its content is damaged: copy the archive again from its source");
      break;
    case CZ_ARCHIVE_ERROR_PATH_TRAVERSAL:
      reason = _("a name in it reaches outside the archive (“..”, “.” or “\\”)");
      break;
    case CZ_ARCHIVE_ERROR_ABSOLUTE_PATH:
      reason = _("a name in it is an absolute path");
      break;
    case CZ_ARCHIVE_ERROR_SYMLINK:
      reason = _("it contains a symbolic link");
      break;
    case CZ_ARCHIVE_ERROR_HARDLINK:
      reason = _("it contains a hard link (two names sharing the same data)");
      break;
    case CZ_ARCHIVE_ERROR_SPECIAL_FILE:
      reason = _("it contains a device, pipe or socket");
      break;
    case CZ_ARCHIVE_ERROR_DUPLICATE_NAME:
      reason = _("a name appears twice in it");
      break;
    case CZ_ARCHIVE_ERROR_NAME_COLLISION:
      reason = _("two names in it differ only by letter case or Unicode normalisation");
      break;
    case CZ_ARCHIVE_ERROR_NAME_NOT_UTF8:
      reason = _("a name in it is not UTF-8 text");
      break;
    case CZ_ARCHIVE_ERROR_ZIP_BOMB:
      reason = _("its sizes or compression ratio are absurd (a “zip bomb”)");
      break;
    case CZ_ARCHIVE_ERROR_NOT_A_BAG:
      reason = _("it is a ZIP archive but not a CoopZone submission archive");
      break;
    default:
      reason = _("it cannot be read");
      break;
    }

  if (shown != NULL)
    /* TRANSLATORS: "“archive.zip” was refused: <reason> (“entry name”). Ask the sender …" */
    g_set_error (error, CZ_ARCHIVE_ERROR, code,
                 _("“%s” was refused: %s (“%s”). Nothing was extracted. Ask the sender for a new archive."),
                 archive_name, reason, shown);
  else
    g_set_error (error, CZ_ARCHIVE_ERROR, code,
                 _("“%s” was refused: %s. Nothing was extracted. Ask the sender for a new archive."),
                 archive_name, reason);
  return FALSE;
}

static gboolean
is_zip_start (int fd)
{
  guint8 head[4];

  return read_at (fd, 0, head, 4) && le32 (head) == SIG_LOCAL;
}

static int
compare_guint64 (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Judges one name by itself. */
static CzArchiveError
judge_name (const char *name,
            gsize       length)
{
  g_auto(GStrv) parts = NULL;

  if (length == 0 || strlen (name) != length || !g_utf8_validate (name, length, NULL))
    return CZ_ARCHIVE_ERROR_NAME_NOT_UTF8;
  if (name[0] == '/' || name[0] == '\\' ||
      (g_ascii_isalpha (name[0]) && name[1] == ':'))
    return CZ_ARCHIVE_ERROR_ABSOLUTE_PATH;
  if (strchr (name, '\\') != NULL)
    return CZ_ARCHIVE_ERROR_PATH_TRAVERSAL;

  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean last = parts[i + 1] == NULL;

      if (g_str_equal (parts[i], "..") || g_str_equal (parts[i], ".") || (parts[i][0] == '\0' && !last))
        return CZ_ARCHIVE_ERROR_PATH_TRAVERSAL;
    }
  return CZ_ARCHIVE_ERROR_FAILED;  /* fine */
}

/* Reads and judges the central directory. */
static GPtrArray *
read_central_directory (int          fd,
                        guint64      file_size,
                        const char  *archive_name,
                        GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) zip_entry_free);
  g_autoptr(GHashTable) exact = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint8 *tail = NULL;
  g_autofree guint8 *directory = NULL;
  gsize tail_length = MIN (file_size, 65535 + 22 + 20);
  guint64 tail_start = file_size - tail_length;
  gssize end = -1;
  guint64 end_offset, n_entries, cd_size, cd_offset;
  guint64 total = 0;
  gsize pos;

  if (file_size < 22)
    return refuse (error, is_zip_start (fd) ? CZ_ARCHIVE_ERROR_TRUNCATED : CZ_ARCHIVE_ERROR_NOT_A_ZIP, archive_name, NULL), NULL;

  tail = g_malloc (tail_length);
  if (!read_at (fd, tail_start, tail, tail_length))
    return refuse (error, CZ_ARCHIVE_ERROR_READ, archive_name, NULL), NULL;
  for (gssize i = tail_length - 22; i >= 0; i--)
    if (le32 (tail + i) == SIG_END && (gsize) i + 22 + le16 (tail + i + 20) == tail_length)
      {
        end = i;
        break;
      }
  if (end < 0)
    return refuse (error, is_zip_start (fd) ? CZ_ARCHIVE_ERROR_TRUNCATED : CZ_ARCHIVE_ERROR_NOT_A_ZIP, archive_name, NULL), NULL;

  end_offset = tail_start + end;
  if (le16 (tail + end + 4) != 0 || le16 (tail + end + 6) != 0)
    return refuse (error, CZ_ARCHIVE_ERROR_NOT_A_ZIP, archive_name, NULL), NULL;  /* split archives */
  n_entries = le16 (tail + end + 10);
  cd_size = le32 (tail + end + 12);
  cd_offset = le32 (tail + end + 16);

  if (n_entries == 0xffff || cd_size == 0xffffffff || cd_offset == 0xffffffff)
    {
      guint8 record[56];
      guint64 record_offset;

      if (end < 20 || le32 (tail + end - 20) != SIG_LOC64)
        return refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, NULL), NULL;
      record_offset = le64 (tail + end - 20 + 8);
      if (record_offset > end_offset || end_offset - record_offset < 56 ||
          !read_at (fd, record_offset, record, 56) || le32 (record) != SIG_END64)
        return refuse (error, CZ_ARCHIVE_ERROR_TRUNCATED, archive_name, NULL), NULL;
      /* Split archives, as above: this disk, of one (some writers say 0). */
      if (le32 (tail + end - 20 + 4) != 0 || le32 (tail + end - 20 + 16) > 1 ||
          le32 (record + 16) != 0 || le32 (record + 20) != 0)
        return refuse (error, CZ_ARCHIVE_ERROR_NOT_A_ZIP, archive_name, NULL), NULL;
      n_entries = le64 (record + 32);
      cd_size = le64 (record + 40);
      cd_offset = le64 (record + 48);
      end_offset = record_offset;
    }

  if (n_entries > MAX_ENTRIES || cd_size > MAX_CENTRAL_DIRECTORY)
    return refuse (error, CZ_ARCHIVE_ERROR_ZIP_BOMB, archive_name, NULL), NULL;
  if (cd_offset > end_offset || cd_size > end_offset - cd_offset)
    return refuse (error, CZ_ARCHIVE_ERROR_TRUNCATED, archive_name, NULL), NULL;

  directory = g_malloc (cd_size + 1);
  if (!read_at (fd, cd_offset, directory, cd_size))
    return refuse (error, CZ_ARCHIVE_ERROR_TRUNCATED, archive_name, NULL), NULL;

  pos = 0;
  for (guint64 n = 0; n < n_entries; n++)
    {
      ZipEntry *entry;
      const guint8 *h = directory + pos;
      guint16 name_length, extra_length, comment_length, made_by;
      guint32 external;
      CzArchiveError verdict;
      g_autofree char *key = NULL;

      if (pos + 46 > cd_size || le32 (h) != SIG_CENTRAL)
        return refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, NULL), NULL;
      name_length = le16 (h + 28);
      extra_length = le16 (h + 30);
      comment_length = le16 (h + 32);
      if (pos + 46 + name_length + extra_length + comment_length > cd_size)
        return refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, NULL), NULL;

      entry = g_new0 (ZipEntry, 1);
      entry->name = g_strndup ((const char *) h + 46, name_length);
      g_ptr_array_add (entries, entry);
      entry->method = le16 (h + 10);
      entry->compressed = le32 (h + 20);
      entry->uncompressed = le32 (h + 24);
      entry->offset = le32 (h + 42);
      made_by = le16 (h + 4) >> 8;
      external = le32 (h + 38);

      /* Zip64 sizes and offset, for the fields that overflowed. */
      for (gsize e = 0; e + 4 <= extra_length;)
        {
          const guint8 *x = h + 46 + name_length + e;
          guint16 id = le16 (x), size = le16 (x + 2);
          gsize k = 4;

          if (e + 4 + size > extra_length)
            break;
          if (id == 0x0001)
            {
              if (entry->uncompressed == 0xffffffff && k + 8 <= 4u + size)
                entry->uncompressed = le64 (x + k), k += 8;
              if (entry->compressed == 0xffffffff && k + 8 <= 4u + size)
                entry->compressed = le64 (x + k), k += 8;
              if (entry->offset == 0xffffffff && k + 8 <= 4u + size)
                entry->offset = le64 (x + k), k += 8;
            }
          e += 4 + size;
        }
      pos += 46 + name_length + extra_length + comment_length;

      verdict = judge_name (entry->name, name_length);
      if (verdict != CZ_ARCHIVE_ERROR_FAILED)
        return refuse (error, verdict, archive_name, entry->name), NULL;

      if (made_by == 3 && (external >> 16) != 0)
        {
          guint32 mode = external >> 16;

          entry->mode = mode;
          if (S_ISLNK (mode))
            return refuse (error, CZ_ARCHIVE_ERROR_SYMLINK, archive_name, entry->name), NULL;
          /* Many writers set permissions only, no type: a plain file. */
          if ((mode & S_IFMT) != 0 && !S_ISREG (mode) && !S_ISDIR (mode))
            return refuse (error, CZ_ARCHIVE_ERROR_SPECIAL_FILE, archive_name, entry->name), NULL;
        }
      entry->is_dir = g_str_has_suffix (entry->name, "/") || (entry->mode != 0 && S_ISDIR (entry->mode));

      if (entry->uncompressed > MAX_ENTRY_SIZE ||
          (total += entry->uncompressed) > MAX_TOTAL_SIZE ||
          (entry->method == 0 && entry->compressed != entry->uncompressed) ||
          (entry->uncompressed > RATIO_FLOOR && entry->uncompressed / MAX_RATIO > entry->compressed) ||
          (entry->is_dir && entry->uncompressed != 0))
        return refuse (error, CZ_ARCHIVE_ERROR_ZIP_BOMB, archive_name, entry->name), NULL;
      if (entry->offset >= cd_offset || entry->compressed > cd_offset - entry->offset)
        return refuse (error, CZ_ARCHIVE_ERROR_TRUNCATED, archive_name, entry->name), NULL;

      if (g_hash_table_contains (exact, entry->name))
        return refuse (error, CZ_ARCHIVE_ERROR_DUPLICATE_NAME, archive_name, entry->name), NULL;
      g_hash_table_add (exact, entry->name);
      key = cz_archive_name_key (entry->name);
      if (g_hash_table_contains (folded, key))
        return refuse (error, CZ_ARCHIVE_ERROR_NAME_COLLISION, archive_name, entry->name), NULL;
      g_hash_table_add (folded, g_steal_pointer (&key));

    }

  /* Two names over the same bytes are ZIP's hard links (and the trick of
   * the overlapping zip bomb). A local header is at least 30 bytes. */
  {
    g_autoptr(GArray) starts = g_array_sized_new (FALSE, FALSE, sizeof (guint64), entries->len);

    for (guint i = 0; i < entries->len; i++)
      {
        ZipEntry *entry = g_ptr_array_index (entries, i);
        g_array_append_val (starts, entry->offset);
      }
    g_array_sort (starts, compare_guint64);
    for (guint i = 1; i < starts->len; i++)
      if (g_array_index (starts, guint64, i) == g_array_index (starts, guint64, i - 1))
        return refuse (error, CZ_ARCHIVE_ERROR_HARDLINK, archive_name, NULL), NULL;
    for (guint i = 0; i < entries->len; i++)
      {
        ZipEntry *entry = g_ptr_array_index (entries, i);
        guint lo = 0, hi = starts->len;

        while (lo < hi)
          {
            guint mid = (lo + hi) / 2;

            if (g_array_index (starts, guint64, mid) <= entry->offset)
              lo = mid + 1;
            else
              hi = mid;
          }
        if (lo < starts->len && g_array_index (starts, guint64, lo) < entry->offset + 30 + entry->compressed)
          return refuse (error, CZ_ARCHIVE_ERROR_HARDLINK, archive_name, entry->name), NULL;
      }
  }

  return g_steal_pointer (&entries);
}

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

/* The single top-level folder all entries share, or NULL. */
static char *
find_bag_name (GPtrArray *entries)
{
  g_autofree char *bag = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      ZipEntry *entry = g_ptr_array_index (entries, i);
      const char *slash = strchr (entry->name, '/');

      if (slash == NULL || slash == entry->name)
        return NULL;
      if (bag == NULL)
        bag = g_strndup (entry->name, slash - entry->name);
      else if (strncmp (entry->name, bag, slash - entry->name) != 0 || strlen (bag) != (gsize) (slash - entry->name))
        return NULL;
    }
  return g_steal_pointer (&bag);
}

/* Opens @path (a regular file), reads and judges its central directory and
 * finds the bag's top-level folder (@out_bag_name): where verifying and
 * extracting both start. */
static GPtrArray *
open_bag_entries (const char  *path,
                  const char  *archive_name,
                  char       **out_bag_name,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  struct stat st;
  int fd = path ? open (path, O_RDONLY | O_CLOEXEC) : -1;

  if (fd < 0 || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      int saved_errno = path && fd < 0 ? errno : EINVAL;

      if (fd >= 0)
        close (fd);
      g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_READ,
                   _("Could not open “%s”: %s. Check the file name."), archive_name, g_strerror (saved_errno));
      return NULL;
    }
  entries = read_central_directory (fd, st.st_size, archive_name, error);
  close (fd);
  if (entries == NULL)
    return NULL;
  *out_bag_name = find_bag_name (entries);
  if (*out_bag_name == NULL)
    return refuse (error, CZ_ARCHIVE_ERROR_NOT_A_BAG, archive_name, NULL), NULL;
  return g_steal_pointer (&entries);
}

static GHashTable *stream_entries_in_locale (const char *path, const char *archive_name, const char *bag_name,
                                             GHashTable *expected, guint64 total, GCancellable *cancellable,
                                             CzArchiveProgressFunc progress, gpointer progress_data, GError **error);

static GHashTable *
stream_entries (const char    *path,
                const char    *archive_name,
                const char    *bag_name,
                GHashTable    *expected,     /* name → ZipEntry */
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
      refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, NULL);
      archive_read_free (zip);
      return NULL;
    }

  /* A warning is only that a name cannot be shown in the current locale: we
   * use the UTF-8 names, already validated from the central directory. */
  while ((ret = archive_read_next_header (zip, &header)) == ARCHIVE_OK || ret == ARCHIVE_WARN)
    {
      const char *name = archive_entry_pathname_utf8 (header);
      ZipEntry *entry = name ? g_hash_table_lookup (expected, name) : NULL;
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
          refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, name);
          archive_read_free (zip);
          return NULL;
        }
      if (archive_entry_hardlink (header) != NULL)
        {
          refuse (error, CZ_ARCHIVE_ERROR_HARDLINK, archive_name, name);
          archive_read_free (zip);
          return NULL;
        }
      if (archive_entry_filetype (header) == AE_IFLNK || archive_entry_symlink (header) != NULL)
        {
          refuse (error, CZ_ARCHIVE_ERROR_SYMLINK, archive_name, name);
          archive_read_free (zip);
          return NULL;
        }
      if (entry->is_dir || archive_entry_filetype (header) == AE_IFDIR)
        continue;

      in_bag = name + prefix_length;
      keep = g_strv_contains (tag_files, in_bag) || g_str_equal (in_bag, "data/dossier.json");
      if (keep && entry->uncompressed > (g_str_equal (in_bag, "data/dossier.json") ? MAX_DOSSIER_JSON_SIZE : MAX_TAG_FILE_SIZE))
        {
          refuse (error, CZ_ARCHIVE_ERROR_NOT_A_BAG, archive_name, name);
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
            refuse (error, size > entry->uncompressed ? CZ_ARCHIVE_ERROR_ZIP_BOMB : CZ_ARCHIVE_ERROR_CORRUPT,
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
      refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, NULL);
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
      add_problem (self, CZ_ARCHIVE_CHECK_SIGNER_VALIDITY,
                   _("The signature carries no signing time, so whether the signer certificate was valid when it signed cannot be checked."));
      return;
    }
  if (self->signer_not_before == NULL || self->signer_not_after == NULL)
    return;
  when = format_utc (self->signing_time);
  if (g_date_time_compare (self->signing_time, self->signer_not_before) < 0)
    {
      bound = format_utc (self->signer_not_before);
      add_problem (self, CZ_ARCHIVE_CHECK_SIGNER_VALIDITY,
                   /* Translators: %1$s is the signing time, %2$s when the certificate became valid */
                   _("The archive was signed at %1$s, before the signer certificate became valid (%2$s). Ask the department to sign it again with a valid certificate."),
                   when, bound);
    }
  else if (g_date_time_compare (self->signing_time, self->signer_not_after) > 0)
    {
      bound = format_utc (self->signer_not_after);
      add_problem (self, CZ_ARCHIVE_CHECK_SIGNER_VALIDITY,
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
  add_problem (self, CZ_ARCHIVE_CHECK_TRUST,
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
      add_problem (self, CZ_ARCHIVE_CHECK_SIGNATURE,
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
      add_problem (self, CZ_ARCHIVE_CHECK_SIGNATURE,
                   _("The signature does not match tagmanifest-sha256.txt (%s): the archive was changed after it was signed."),
                   check->detail);
      return;
    }

  check_signer_validity (self);

  if (check->trust_checked)
    {
      self->trust_checked = TRUE;
      if (!check->trusted)
        add_problem (self, CZ_ARCHIVE_CHECK_TRUST,
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
      add_problem (self, CZ_ARCHIVE_CHECK_TAG_MANIFEST,
                   _("tagmanifest-sha256.txt cannot be read (line %u)."), bad_line);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!g_hash_table_contains (listed, required[i]))
      add_problem (self, CZ_ARCHIVE_CHECK_TAG_MANIFEST, _("tagmanifest-sha256.txt does not list “%s”."), required[i]);

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, listed);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        ReadFile *file = g_hash_table_lookup (files, key);

        if (file == NULL)
          add_problem (self, CZ_ARCHIVE_CHECK_TAG_MANIFEST | CZ_ARCHIVE_CHECK_COMPLETE,
                       _("“%s” is listed in tagmanifest-sha256.txt but missing from the archive."), (char *) key);
        else if (!g_str_equal (file->sha256, value))
          add_problem (self, CZ_ARCHIVE_CHECK_TAG_MANIFEST,
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
      add_problem (self, CZ_ARCHIVE_CHECK_COMPLETE,
                   _("“%s” is not part of a CoopZone archive: an extra file was added."), (char *) key);
  g_ptr_array_sort (payload, compare_strings);
  for (guint i = 0; i < payload->len; i++)
    g_ptr_array_insert (self->files, self->files->len - 1, g_strdup (g_ptr_array_index (payload, i)));

  listed = cz_bag_manifest_parse (text, length, &bad_line);
  if (listed == NULL)
    add_problem (self, CZ_ARCHIVE_CHECK_MANIFEST, _("manifest-sha256.txt cannot be read (line %u)."), bad_line);
  else
    {
      for (guint i = 0; i < payload->len; i++)
        {
          const char *path = g_ptr_array_index (payload, i);
          const char *hash = g_hash_table_lookup (listed, path);
          ReadFile *file = g_hash_table_lookup (files, path);

          if (hash == NULL)
            add_problem (self, CZ_ARCHIVE_CHECK_COMPLETE,
                         _("“%s” is in the archive but not in manifest-sha256.txt: an extra file was added."), path);
          else if (!g_str_equal (hash, file->sha256))
            add_problem (self, CZ_ARCHIVE_CHECK_MANIFEST,
                         _("“%s” was changed: its SHA-256 does not match manifest-sha256.txt."), path);
        }
      g_hash_table_iter_init (&iter, listed);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (files, key))
          add_problem (self, CZ_ARCHIVE_CHECK_COMPLETE,
                       _("“%s” is listed in manifest-sha256.txt but missing from the archive."), (char *) key);
    }

  if (self->payload_oxum == NULL || !cz_bag_payload_oxum_parse (self->payload_oxum, &expected_octets, &expected_files))
    add_problem (self, CZ_ARCHIVE_CHECK_PAYLOAD_OXUM, _("bag-info.txt has no valid Payload-Oxum."));
  else if (expected_octets != octets || expected_files != payload->len)
    add_problem (self, CZ_ARCHIVE_CHECK_PAYLOAD_OXUM,
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
    add_problem (self, CZ_ARCHIVE_CHECK_BAG_INFO, _("bagit.txt does not declare BagIt version 1.0."));

  if (!g_utf8_validate (info, -1, NULL))
    {
      add_problem (self, CZ_ARCHIVE_CHECK_BAG_INFO, _("bag-info.txt is not UTF-8 text."));
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
    add_problem (self, CZ_ARCHIVE_CHECK_BAG_INFO, _("bag-info.txt does not name the CoopZone archive format."));
  if (self->rules_pack_id == NULL || self->rules_pack_id[0] == '\0')
    add_problem (self, CZ_ARCHIVE_CHECK_BAG_INFO, _("bag-info.txt does not name the rules pack the dossier was checked with."));
  if (time_text != NULL && self->signing_time != NULL)
    {
      g_autoptr(GDateTime) stated = g_date_time_new_from_iso8601 (time_text, NULL);

      if (stated == NULL || !g_date_time_equal (stated, self->signing_time))
        add_problem (self, CZ_ARCHIVE_CHECK_BAG_INFO,
                     _("The signing time in bag-info.txt (%s) is not the time in the signature."), time_text);
    }
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

  entries = open_bag_entries (path, archive_name, &bag_name, error);
  if (entries == NULL)
    return NULL;
  for (guint i = 0; tag_files[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (bag_name, "/", tag_files[i], NULL);
      gboolean found = FALSE;

      for (guint k = 0; k < entries->len && !found; k++)
        found = g_str_equal (((ZipEntry *) g_ptr_array_index (entries, k))->name, name);
      if (!found)
        return refuse (error, CZ_ARCHIVE_ERROR_NOT_A_BAG, archive_name, NULL), NULL;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      ZipEntry *entry = g_ptr_array_index (entries, i);

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

  {
    ReadFile *dossier = g_hash_table_lookup (files, "data/dossier.json");
    gsize length = 0;
    const char *text = content_text (dossier, &length);
    g_autoptr(JsonParser) parser = json_parser_new ();

    if (text != NULL && json_parser_load_from_data (parser, text, length, NULL))
      self->dossier_json = json_node_ref (json_parser_get_root (parser));
    else
      add_problem (self, CZ_ARCHIVE_CHECK_COMPLETE, _("data/dossier.json is missing or is not JSON."));
  }

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

/* ---------------------------------------------------------------------- */
/* One payload file, for a preview                                          */

static GBytes *
extract_in_locale (const char    *path,
                   const char    *archive_name,
                   const char    *name,
                   ZipEntry      *entry,
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
      refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, NULL);
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
          refuse (error, CZ_ARCHIVE_ERROR_SPECIAL_FILE, archive_name, name);
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
            refuse (error, ret == ARCHIVE_OK ? CZ_ARCHIVE_ERROR_ZIP_BOMB : CZ_ARCHIVE_ERROR_CORRUPT,
                    archive_name, name);
          archive_read_free (zip);
          return NULL;
        }
      archive_read_free (zip);
      return g_byte_array_free_to_bytes (g_steal_pointer (&content));
    }
  archive_read_free (zip);
  refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, name);
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
  ZipEntry *entry = NULL;
  locale_t utf8, previous;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_FILE (archive), NULL);
  g_return_val_if_fail (payload_path != NULL, NULL);

  path = g_file_get_path (archive);
  archive_name = g_file_get_parse_name (archive);
  entries = open_bag_entries (path, archive_name, &bag_name, error);
  if (entries == NULL)
    return NULL;

  /* Only payload files, named exactly as the central directory names them. */
  if (!g_str_has_prefix (payload_path, "data/") || judge_name (payload_path, strlen (payload_path)) != CZ_ARCHIVE_ERROR_FAILED)
    return refuse (error, CZ_ARCHIVE_ERROR_PATH_TRAVERSAL, archive_name, payload_path), NULL;
  name = g_strconcat (bag_name, "/", payload_path, NULL);
  for (guint i = 0; i < entries->len && entry == NULL; i++)
    if (g_str_equal (((ZipEntry *) g_ptr_array_index (entries, i))->name, name))
      entry = g_ptr_array_index (entries, i);
  if (entry == NULL || entry->is_dir)
    {
      g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_NOT_A_BAG,
                   _("“%s” holds no file “%s”."), archive_name, payload_path);
      return NULL;
    }
  if (entry->uncompressed > max_size)
    return refuse (error, CZ_ARCHIVE_ERROR_ZIP_BOMB, archive_name, name), NULL;

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
