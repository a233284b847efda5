/* cz-bag.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>


#include "cz-bag.h"

void
cz_bag_manifest_append (GString    *manifest,
                        const char *sha256_hex,
                        const char *path)
{
  g_string_append (manifest, sha256_hex);
  g_string_append (manifest, "  ");
  for (const char *p = path; *p != '\0'; p++)
    {
      if (*p == '%')
        g_string_append (manifest, "%25");
      else if (*p == '\n')
        g_string_append (manifest, "%0A");
      else if (*p == '\r')
        g_string_append (manifest, "%0D");
      else
        g_string_append_c (manifest, *p);
    }
  g_string_append_c (manifest, '\n');
}

static char *
percent_decode (const char *path)
{
  GString *out = g_string_new (NULL);

  for (const char *p = path; *p != '\0'; p++)
    {
      if (p[0] == '%' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          g_string_append_c (out, (char) (g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2])));
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

GHashTable *
cz_bag_manifest_parse (const char *text,
                       gsize       length,
                       guint      *bad_line)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *copy = g_strndup (text, length);
  g_auto(GStrv) lines = NULL;

  *bad_line = 0;
  if (strlen (copy) != length || !g_utf8_validate (copy, -1, NULL))
    {
      *bad_line = 1;
      return NULL;
    }

  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      char *space;
      char *path;
      gsize hex_length;

      if (line[0] == '\0' && lines[i + 1] == NULL)
        break;
      if (g_str_has_suffix (line, "\r"))
        line[strlen (line) - 1] = '\0';
      space = strchr (line, ' ');
      hex_length = space ? (gsize) (space - line) : 0;
      if (space == NULL || hex_length != 64)
        {
          *bad_line = i + 1;
          return NULL;
        }
      for (gsize k = 0; k < hex_length; k++)
        if (!g_ascii_isxdigit (line[k]))
          {
            *bad_line = i + 1;
            return NULL;
          }
      path = space;
      while (*path == ' ' || *path == '\t')
        path++;
      if (*path == '*')  /* sha256sum's binary-mode marker */
        path++;
      path = percent_decode (path);
      if (path[0] == '\0' || path[0] == '/' || g_hash_table_contains (entries, path))
        {
          g_free (path);
          *bad_line = i + 1;
          return NULL;
        }
      g_hash_table_insert (entries, path, g_ascii_strdown (line, hex_length));
    }
  return g_steal_pointer (&entries);
}

void
cz_bag_info_append (GString    *info,
                    const char *label,
                    const char *value)
{
  g_autofree char *flat = g_strdup (value != NULL ? value : "");

  g_strdelimit (flat, "\r\n", ' ');
  g_string_append_printf (info, "%s: %s\n", label, flat);
}

char *
cz_bag_info_dup_value (const char *text,
                       const char *label)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gsize label_length = strlen (label);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], label, label_length) == 0 && lines[i][label_length] == ':')
      return g_strstrip (g_strdup (lines[i] + label_length + 1));
  return NULL;
}

char *
cz_bag_payload_oxum_format (guint64 octets,
                            guint64 files)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT, octets, files);
}

gboolean
cz_bag_payload_oxum_parse (const char *text,
                           guint64    *octets,
                           guint64    *files)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, ".", -1);
  return g_strv_length (parts) == 2 &&
         g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT64, octets, NULL) &&
         g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT64, files, NULL);
}

char *
cz_bag_safe_name (const char *name)
{
  GString *out = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  g_autofree char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  guint n_chars = 0;

  for (const char *p = normal; *p != '\0' && n_chars < 80; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c < 0x80 && strchr ("/\\:*?\"<>|%", (int) c) != NULL) || g_unichar_iscntrl (c))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
      n_chars++;
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  while (out->len > 0 && out->str[0] == '.')
    g_string_erase (out, 0, 1);
  if (out->len == 0)
    g_string_assign (out, "file");
  return g_string_free (out, FALSE);
}

char *
cz_archive_name_key (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  g_autofree char *folded = g_utf8_casefold (normal ? normal : name, -1);

  /* Folding can denormalise (e.g. "ǰ"): normalise once more. */
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

int
cz_archive_compare_manifest_lines (gconstpointer a,
                                   gconstpointer b)
{
  const char *line_a = *(const char * const *) a;
  const char *line_b = *(const char * const *) b;

  return strcmp (line_a + 66, line_b + 66);
}
