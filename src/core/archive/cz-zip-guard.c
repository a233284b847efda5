/* cz-zip-guard.c — refusing hostile ZIPs before any content is read
 *
 * The ZIP's central directory is read with plain preads and every entry is
 * judged by its name, type and size claims alone; an archive with any
 * hostile entry is refused before a byte of content is decompressed.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "cz-bag.h"
#include "cz-zip-guard.h"

/* Limits far beyond any real application, far below what hurts
 * (docs/archive-format.md, "Limits"). */
#define MAX_ENTRIES            20000
#define MAX_ENTRY_SIZE         (G_GUINT64_CONSTANT (8) << 30)
#define MAX_TOTAL_SIZE         (G_GUINT64_CONSTANT (64) << 30)
#define MAX_RATIO              200
#define RATIO_FLOOR            (1024 * 1024)
#define MAX_CENTRAL_DIRECTORY  (64 * 1024 * 1024)

#define SIG_LOCAL   0x04034b50
#define SIG_CENTRAL 0x02014b50
#define SIG_END     0x06054b50
#define SIG_END64   0x06064b50
#define SIG_LOC64   0x07064b50
#define SIG_DESCRIPTOR 0x08074b50

/* What CoopZone writes and every standard extractor reads: stored or
 * deflated, ZIP 4.5 (Zip64) at most, no encryption. */
#define METHOD_STORED    0
#define METHOD_DEFLATED  8
#define MAX_VERSION_NEEDED 45
#define FLAG_ENCRYPTED   (1 << 0)
#define FLAG_DESCRIPTOR  (1 << 3)
#define FLAG_STRONG      (1 << 6)
#define FLAG_UTF8        (1 << 11)
#define FLAG_MASKED      (1 << 13)
/* Flags whose difference between the two headers changes how an entry is read. */
#define FLAGS_THAT_MATTER (FLAG_ENCRYPTED | FLAG_DESCRIPTOR | FLAG_STRONG | FLAG_UTF8 | FLAG_MASKED)
#define EXTRA_ZIP64         0x0001
#define EXTRA_UNICODE_PATH  0x7075

static void
zip_entry_free (CzZipEntry *entry)
{
  g_free (entry->name);
  g_free (entry);
}

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

gboolean
cz_zip_refuse (GError        **error,
               CzArchiveError  code,
               const char     *archive_name,
               const char     *entry_name)
{
  g_autofree char *shown = entry_name ? g_utf8_make_valid (entry_name, -1) : NULL;
  /* Readers call this with their thread switched to C.UTF-8 for libarchive's
   * sake (see stream_entries()), where gettext would see no user language:
   * translate and format in the process's locale, the one the user chose. */
  locale_t reading = uselocale (LC_GLOBAL_LOCALE);
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
    case CZ_ARCHIVE_ERROR_UNSUPPORTED:
      reason = _("an entry in it is encrypted, or compressed with a method or ZIP version other than stored, deflated or Zip64");
      break;
    case CZ_ARCHIVE_ERROR_INCONSISTENT:
      reason = _("an entry’s local header and the ZIP’s central directory disagree (method, flags, sizes, CRC or name), so other tools would read it differently");
      break;
    case CZ_ARCHIVE_ERROR_FAILED:
    case CZ_ARCHIVE_ERROR_READ:
    case CZ_ARCHIVE_ERROR_WRITE:
    case CZ_ARCHIVE_ERROR_BLOCKERS:
    case CZ_ARCHIVE_ERROR_NOT_CHECKED:
    case CZ_ARCHIVE_ERROR_EVIDENCE:
    default:
      reason = _("it cannot be read");
      break;
    }

  if (shown != NULL && (code == CZ_ARCHIVE_ERROR_CORRUPT || code == CZ_ARCHIVE_ERROR_TRUNCATED))
    /* TRANSLATORS: "“archive.zip” was refused: <reason> (damaged entry: “entry name”). Ask the sender …" */
    g_set_error (error, CZ_ARCHIVE_ERROR, code,
                 _("“%s” was refused: %s (damaged entry: “%s”). Nothing was extracted. Ask the sender for a new archive."),
                 archive_name, reason, shown);
  else if (shown != NULL)
    /* TRANSLATORS: "“archive.zip” was refused: <reason> (entry: “entry name”). Ask the sender …" */
    g_set_error (error, CZ_ARCHIVE_ERROR, code,
                 _("“%s” was refused: %s (entry: “%s”). Nothing was extracted. Ask the sender for a new archive."),
                 archive_name, reason, shown);
  else
    g_set_error (error, CZ_ARCHIVE_ERROR, code,
                 _("“%s” was refused: %s. Nothing was extracted. Ask the sender for a new archive."),
                 archive_name, reason);
  uselocale (reading);
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

/* Judges one name by itself. */
CzArchiveError
cz_zip_judge_name (const char *name,
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

/* Where the central directory is, from the end record (and its Zip64
 * locator and record when a field overflowed). */
typedef struct
{
  guint64 n_entries;
  guint64 cd_size;
  guint64 cd_offset;
  guint64 end_offset;   /* where the end record (or the Zip64 one) starts */
} EndRecord;

static gboolean
find_end_record (int          fd,
                 guint64      file_size,
                 const char  *archive_name,
                 EndRecord   *out,
                 GError     **error)
{
  g_autofree guint8 *tail = NULL;
  gsize tail_length = MIN (file_size, 65535 + 22 + 20);
  guint64 tail_start = file_size - tail_length;
  gssize end = -1;

  if (file_size < 22)
    return cz_zip_refuse (error, is_zip_start (fd) ? CZ_ARCHIVE_ERROR_TRUNCATED : CZ_ARCHIVE_ERROR_NOT_A_ZIP, archive_name, NULL);

  tail = g_malloc (tail_length);
  if (!read_at (fd, tail_start, tail, tail_length))
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_READ, archive_name, NULL);
  for (gssize i = tail_length - 22; i >= 0; i--)
    if (le32 (tail + i) == SIG_END && (gsize) i + 22 + le16 (tail + i + 20) == tail_length)
      {
        end = i;
        break;
      }
  if (end < 0)
    return cz_zip_refuse (error, is_zip_start (fd) ? CZ_ARCHIVE_ERROR_TRUNCATED : CZ_ARCHIVE_ERROR_NOT_A_ZIP, archive_name, NULL);

  out->end_offset = tail_start + end;
  if (le16 (tail + end + 4) != 0 || le16 (tail + end + 6) != 0)
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_NOT_A_ZIP, archive_name, NULL);  /* split archives */
  out->n_entries = le16 (tail + end + 10);
  out->cd_size = le32 (tail + end + 12);
  out->cd_offset = le32 (tail + end + 16);

  if (out->n_entries == 0xffff || out->cd_size == 0xffffffff || out->cd_offset == 0xffffffff)
    {
      guint8 record[56];
      guint64 record_offset;

      if (end < 20 || le32 (tail + end - 20) != SIG_LOC64)
        return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, NULL);
      record_offset = le64 (tail + end - 20 + 8);
      if (record_offset > out->end_offset || out->end_offset - record_offset < 56 ||
          !read_at (fd, record_offset, record, 56) || le32 (record) != SIG_END64)
        return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_TRUNCATED, archive_name, NULL);
      /* Split archives, as above: this disk, of one (some writers say 0). */
      if (le32 (tail + end - 20 + 4) != 0 || le32 (tail + end - 20 + 16) > 1 ||
          le32 (record + 16) != 0 || le32 (record + 20) != 0)
        return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_NOT_A_ZIP, archive_name, NULL);
      out->n_entries = le64 (record + 32);
      out->cd_size = le64 (record + 40);
      out->cd_offset = le64 (record + 48);
      out->end_offset = record_offset;
    }

  if (out->n_entries > MAX_ENTRIES || out->cd_size > MAX_CENTRAL_DIRECTORY)
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_ZIP_BOMB, archive_name, NULL);
  if (out->cd_offset > out->end_offset || out->cd_size > out->end_offset - out->cd_offset)
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_TRUNCATED, archive_name, NULL);
  return TRUE;
}

static gboolean unicode_path_agrees (const guint8 *extra, gsize extra_length, const char *name, gsize name_length);

/* Reads the central directory header at *@pos of @directory into a new
 * entry and moves *@pos past it; NULL when it does not fit or is not one. */
static CzZipEntry *
parse_central_entry (const guint8  *directory,
                     gsize          cd_size,
                     gsize         *pos,
                     const char    *archive_name,
                     GError       **error)
{
  const guint8 *h = directory + *pos;
  CzZipEntry *entry;
  guint16 name_length, extra_length, comment_length, made_by;
  guint32 external;

  if (*pos + 46 > cd_size || le32 (h) != SIG_CENTRAL)
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, NULL), NULL;
  name_length = le16 (h + 28);
  extra_length = le16 (h + 30);
  comment_length = le16 (h + 32);
  if (*pos + 46 + name_length + extra_length + comment_length > cd_size)
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, NULL), NULL;

  if (!unicode_path_agrees (h + 46 + name_length, extra_length, (const char *) h + 46, name_length))
    {
      g_autofree char *name = g_strndup ((const char *) h + 46, name_length);

      return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_INCONSISTENT, archive_name, name), NULL;
    }

  entry = g_new0 (CzZipEntry, 1);
  entry->name = g_strndup ((const char *) h + 46, name_length);
  entry->name_length = name_length;
  entry->version_needed = le16 (h + 6);
  entry->flags = le16 (h + 8);
  entry->method = le16 (h + 10);
  entry->crc = le32 (h + 16);
  entry->compressed = le32 (h + 20);
  entry->uncompressed = le32 (h + 24);
  entry->offset = le32 (h + 42);
  made_by = le16 (h + 4) >> 8;
  external = le32 (h + 38);
  if (made_by == 3)
    entry->mode = external >> 16;

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
  *pos += 46 + name_length + extra_length + comment_length;
  return entry;
}

/* Judges one entry: its name, type, sizes, place, and its name against
 * those seen before (@exact, @folded). Adds its size to *@total. */
static gboolean
judge_entry (CzZipEntry  *entry,
             guint64      cd_offset,
             guint64     *total,
             GHashTable  *exact,
             GHashTable  *folded,
             const char  *archive_name,
             GError     **error)
{
  CzArchiveError verdict = cz_zip_judge_name (entry->name, entry->name_length);
  g_autofree char *key = NULL;

  if (verdict != CZ_ARCHIVE_ERROR_FAILED)
    return cz_zip_refuse (error, verdict, archive_name, entry->name);

  if ((entry->flags & (FLAG_ENCRYPTED | FLAG_STRONG | FLAG_MASKED)) != 0 ||
      (entry->method != METHOD_STORED && entry->method != METHOD_DEFLATED) ||
      (entry->version_needed & 0xff) > MAX_VERSION_NEEDED)
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_UNSUPPORTED, archive_name, entry->name);

  if (entry->mode != 0)
    {
      if (S_ISLNK (entry->mode))
        return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_SYMLINK, archive_name, entry->name);
      /* Many writers set permissions only, no type: a plain file. */
      if ((entry->mode & S_IFMT) != 0 && !S_ISREG (entry->mode) && !S_ISDIR (entry->mode))
        return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_SPECIAL_FILE, archive_name, entry->name);
    }
  entry->is_dir = g_str_has_suffix (entry->name, "/") || (entry->mode != 0 && S_ISDIR (entry->mode));

  if (entry->uncompressed > MAX_ENTRY_SIZE ||
      (*total += entry->uncompressed) > MAX_TOTAL_SIZE ||
      (entry->method == 0 && entry->compressed != entry->uncompressed) ||
      (entry->uncompressed > RATIO_FLOOR && entry->uncompressed / MAX_RATIO > entry->compressed) ||
      (entry->is_dir && entry->uncompressed != 0))
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_ZIP_BOMB, archive_name, entry->name);
  if (entry->offset >= cd_offset || entry->compressed > cd_offset - entry->offset)
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_TRUNCATED, archive_name, entry->name);

  if (g_hash_table_contains (exact, entry->name))
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_DUPLICATE_NAME, archive_name, entry->name);
  g_hash_table_add (exact, entry->name);
  key = cz_archive_name_key (entry->name);
  if (g_hash_table_contains (folded, key))
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_NAME_COLLISION, archive_name, entry->name);
  g_hash_table_add (folded, g_steal_pointer (&key));
  return TRUE;
}

/* The Info-ZIP Unicode Path extra field (0x7075), which unzip and
 * libarchive prefer to the header's name: absent, or the same name. */
static gboolean
unicode_path_agrees (const guint8 *extra,
                     gsize         extra_length,
                     const char   *name,
                     gsize         name_length)
{
  for (gsize e = 0; e + 4 <= extra_length;)
    {
      guint16 id = le16 (extra + e), size = le16 (extra + e + 2);

      if (e + 4 + size > extra_length)
        return FALSE;
      if (id == EXTRA_UNICODE_PATH &&
          (size < 5 || (gsize) size - 5 != name_length || memcmp (extra + e + 4 + 5, name, name_length) != 0))
        return FALSE;
      e += 4 + size;
    }
  return TRUE;
}

/* The Zip64 sizes of a local header's extra field (both present when
 * either 32-bit field says 0xffffffff); FALSE when there is none. */
static gboolean
local_zip64_sizes (const guint8 *extra,
                   gsize         extra_length,
                   guint64      *uncompressed,
                   guint64      *compressed)
{
  for (gsize e = 0; e + 4 <= extra_length;)
    {
      guint16 id = le16 (extra + e), size = le16 (extra + e + 2);

      if (e + 4 + size > extra_length)
        return FALSE;
      if (id == EXTRA_ZIP64 && size >= 16)
        {
          *uncompressed = le64 (extra + e + 4);
          *compressed = le64 (extra + e + 12);
          return TRUE;
        }
      e += 4 + size;
    }
  return FALSE;
}

/* A local value must be the central one; with a data descriptor it may
 * also be 0 (not known when the header was written). */
static gboolean
agrees (guint64  local,
        guint64  central,
        gboolean descriptor)
{
  return local == central || (descriptor && local == 0);
}

/* Reads @entry's local header (and data descriptor) and refuses it when a
 * standard extractor, which reads the local header, would read something
 * else than what the central directory says: another method, flags, name,
 * CRC or size, or data running into the central directory. */
static gboolean
check_local_header (int          fd,
                    CzZipEntry  *entry,
                    guint64      cd_offset,
                    const char  *archive_name,
                    GError     **error)
{
  guint8 h[30];
  g_autofree guint8 *variable = NULL;
  guint16 name_length, extra_length, flags;
  gboolean descriptor;
  guint64 uncompressed, compressed, data_end;

  if (cd_offset - entry->offset < 30 || !read_at (fd, entry->offset, h, 30) || le32 (h) != SIG_LOCAL)
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_CORRUPT, archive_name, entry->name);
  flags = le16 (h + 6);
  name_length = le16 (h + 26);
  extra_length = le16 (h + 28);
  if ((flags & (FLAG_ENCRYPTED | FLAG_STRONG | FLAG_MASKED)) != 0 ||
      (le16 (h + 4) & 0xff) > MAX_VERSION_NEEDED)
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_UNSUPPORTED, archive_name, entry->name);
  if (entry->offset + 30 + name_length + extra_length > cd_offset)
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_TRUNCATED, archive_name, entry->name);

  variable = g_malloc (name_length + extra_length + 1);
  if (!read_at (fd, entry->offset + 30, variable, name_length + extra_length))
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_TRUNCATED, archive_name, entry->name);

  descriptor = (flags & FLAG_DESCRIPTOR) != 0;
  uncompressed = le32 (h + 22);
  compressed = le32 (h + 18);
  if (uncompressed == 0xffffffff || compressed == 0xffffffff)
    {
      if (!local_zip64_sizes (variable + name_length, extra_length, &uncompressed, &compressed))
        return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_INCONSISTENT, archive_name, entry->name);
    }
  if (le16 (h + 8) != entry->method ||
      ((flags ^ entry->flags) & FLAGS_THAT_MATTER) != 0 ||
      name_length != entry->name_length ||
      memcmp (variable, entry->name, name_length) != 0 ||
      !unicode_path_agrees (variable + name_length, extra_length, entry->name, entry->name_length) ||
      !agrees (le32 (h + 14), entry->crc, descriptor) ||
      !agrees (compressed, entry->compressed, descriptor) ||
      !agrees (uncompressed, entry->uncompressed, descriptor))
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_INCONSISTENT, archive_name, entry->name);

  data_end = entry->offset + 30 + name_length + extra_length + entry->compressed;
  if (data_end > cd_offset)
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_TRUNCATED, archive_name, entry->name);

  if (descriptor)
    {
      /* Signature (optional), CRC, then the sizes: 8 bytes each with Zip64. */
      gboolean wide = local_zip64_sizes (variable + name_length, extra_length, &uncompressed, &compressed);
      guint8 d[24];
      gsize length = wide ? 24 : 16;
      const guint8 *p = d;

      if (cd_offset - data_end < length - 4)
        return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_TRUNCATED, archive_name, entry->name);
      length = MIN (length, cd_offset - data_end);
      if (!read_at (fd, data_end, d, length))
        return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_TRUNCATED, archive_name, entry->name);
      /* A CRC that equals the signature is read as the signature, as libarchive and unzip do. */
      if (le32 (p) == SIG_DESCRIPTOR)
        {
          p += 4;
          if (length < (wide ? 24u : 16u))
            return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_TRUNCATED, archive_name, entry->name);
        }
      if (le32 (p) != entry->crc ||
          (wide ? le64 (p + 4) : le32 (p + 4)) != entry->compressed ||
          (wide ? le64 (p + 12) : le32 (p + 8)) != entry->uncompressed)
        return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_INCONSISTENT, archive_name, entry->name);
    }
  return TRUE;
}

/* Two names over the same bytes are ZIP's hard links (and the trick of
 * the overlapping zip bomb). A local header is at least 30 bytes. */
static gboolean
refuse_overlaps (GPtrArray   *entries,
                 const char  *archive_name,
                 GError     **error)
{
  g_autoptr(GArray) starts = g_array_sized_new (FALSE, FALSE, sizeof (guint64), entries->len);

  for (guint i = 0; i < entries->len; i++)
    {
      CzZipEntry *entry = g_ptr_array_index (entries, i);
      g_array_append_val (starts, entry->offset);
    }
  g_array_sort (starts, compare_guint64);
  for (guint i = 1; i < starts->len; i++)
    if (g_array_index (starts, guint64, i) == g_array_index (starts, guint64, i - 1))
      return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_HARDLINK, archive_name, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      CzZipEntry *entry = g_ptr_array_index (entries, i);
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
        return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_HARDLINK, archive_name, entry->name);
    }
  return TRUE;
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
  g_autofree guint8 *directory = NULL;
  EndRecord end = { 0 };
  guint64 total = 0;
  gsize pos = 0;

  if (!find_end_record (fd, file_size, archive_name, &end, error))
    return NULL;

  directory = g_malloc (end.cd_size + 1);
  if (!read_at (fd, end.cd_offset, directory, end.cd_size))
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_TRUNCATED, archive_name, NULL), NULL;

  for (guint64 n = 0; n < end.n_entries; n++)
    {
      CzZipEntry *entry = parse_central_entry (directory, end.cd_size, &pos, archive_name, error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
      if (!judge_entry (entry, end.cd_offset, &total, exact, folded, archive_name, error))
        return NULL;
    }

  if (!refuse_overlaps (entries, archive_name, error))
    return NULL;
  for (guint i = 0; i < entries->len; i++)
    if (!check_local_header (fd, g_ptr_array_index (entries, i), end.cd_offset, archive_name, error))
      return NULL;
  return g_steal_pointer (&entries);
}

/* The single top-level folder all entries share, or NULL. */
static char *
find_bag_name (GPtrArray *entries)
{
  g_autofree char *bag = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      CzZipEntry *entry = g_ptr_array_index (entries, i);
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

GPtrArray *
cz_zip_guard_open_bag (const char  *path,
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
    return cz_zip_refuse (error, CZ_ARCHIVE_ERROR_NOT_A_BAG, archive_name, NULL), NULL;
  return g_steal_pointer (&entries);
}
