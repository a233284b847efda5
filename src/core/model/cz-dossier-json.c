/* cz-dossier-json.c — the dossier's file format (docs/dossier-format.md)
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-dossier-private.h"
#include "cz-fields.h"
#include "cz-json-limits.h"
#include "cz-json-tokens.h"

/* A dossier file bigger than this is not a dossier (evidence lives elsewhere). */
#define MAX_DOSSIER_FILE_SIZE (16 * 1024 * 1024)
/* More fields than any version of the form has (docs/dossier-format.md, "Limits"). */
#define MAX_DOSSIER_FIELDS 4096

static void
set_time_member (JsonObject *object,
                 const char *name,
                 GDateTime  *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *iso = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  json_object_set_string_member (object, name, iso);
}

/**
 * cz_dossier_to_json:
 *
 * The dossier in its documented file format (docs/dossier-format.md). Field
 * ids are written in sorted order so the same dossier gives the same bytes.
 */
JsonNode *
cz_dossier_to_json (CzDossier *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GPtrArray) ids = NULL;
  JsonObject *fields = json_object_new ();

  g_return_val_if_fail (CZ_IS_DOSSIER (self), NULL);

  json_object_set_string_member (object, "format", CZ_DOSSIER_FORMAT);
  json_object_set_int_member (object, "version", CZ_DOSSIER_FORMAT_VERSION);
  json_object_set_string_member (object, "id", cz_dossier_get_id (self));
  json_object_set_string_member (object, "title", cz_dossier_get_title (self));
  set_time_member (object, "created", cz_dossier_get_created (self));
  set_time_member (object, "modified", cz_dossier_get_modified (self));

  ids = cz_dossier_dup_field_ids (self);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      json_object_set_member (fields, id, cz_value_to_json (cz_dossier_get_value (self, id)));
    }
  json_object_set_object_member (object, "fields", fields);

  return json_node_init_object (json_node_alloc (), object);
}

char *
cz_dossier_to_data (CzDossier *self,
                    gsize     *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = cz_dossier_to_json (self);
  g_autofree char *data = NULL;
  gsize len;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &len);

  /* A text file ends with a newline. */
  if (length != NULL)
    *length = len + 1;
  return g_strconcat (data, "\n", NULL);
}

static GDateTime *
parse_time_member (JsonObject *object,
                   const char *name)
{
  const char *text;

  if (!json_object_has_member (object, name))
    return NULL;
  text = json_object_get_string_member_with_default (object, name, NULL);
  if (text == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

static gboolean
is_valid_field_id (const char *id)
{
  /* Dotted lowercase words: zone.name, revenue.y2024.total */
  gboolean after_dot = TRUE;

  if (id == NULL || *id == '\0' || strlen (id) > 128)
    return FALSE;
  for (const char *p = id; *p; p++)
    {
      if (*p == '.')
        {
          if (after_dot)
            return FALSE;
          after_dot = TRUE;
          continue;
        }
      if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
        return FALSE;
      after_dot = FALSE;
    }
  return !after_dot;
}

CzDossier *
cz_dossier_new_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(CzDossier) self = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  JsonObject *object;
  JsonObject *fields;
  JsonObjectIter iter;
  const char *field_id;
  JsonNode *field_node;
  const char *id;
  gint64 version;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto not_a_dossier;

  object = json_node_get_object (node);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "format", NULL),
                 CZ_DOSSIER_FORMAT) != 0)
    goto not_a_dossier;

  version = json_object_get_int_member_with_default (object, "version", 0);
  if (version < 1)
    goto not_a_dossier;
  if (version > CZ_DOSSIER_FORMAT_VERSION)
    {
      g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_NEWER_FORMAT,
                   _("This dossier was written by a newer version of CoopZone (format version %d; "
                     "this version reads up to %d). Update CoopZone to open it."),
                   (int) version, CZ_DOSSIER_FORMAT_VERSION);
      return NULL;
    }

  id = json_object_get_string_member_with_default (object, "id", NULL);
  if (id != NULL && !g_uuid_string_is_valid (id))
    id = NULL;

  created = parse_time_member (object, "created");
  modified = parse_time_member (object, "modified");
  self = g_object_new (CZ_TYPE_DOSSIER,
                       "id", id,
                       "created", created,
                       "title", json_object_get_string_member_with_default (object, "title", NULL),
                       NULL);
  if (modified != NULL)
    cz_dossier_set_modified (self, modified);

  if (!json_object_has_member (object, "fields") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "fields")))
    goto not_a_dossier;

  fields = json_object_get_object_member (object, "fields");
  if (json_object_get_size (fields) > MAX_DOSSIER_FIELDS)
    {
      g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_INVALID_FIELD,
                   _("The dossier has %u fields; a dossier file may have at most %u."),
                   json_object_get_size (fields), (guint) MAX_DOSSIER_FIELDS);
      return NULL;
    }
  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &field_id, &field_node))
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(CzValue) value = NULL;

      if (!is_valid_field_id (field_id))
        {
          g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_INVALID_FIELD,
                       _("“%s” is not a valid field id: use lowercase words joined by dots, "
                         "such as zone.name"),
                       field_id);
          return NULL;
        }

      value = cz_value_new_from_json (field_node, &local_error);
      if (value == NULL)
        {
          g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_INVALID_FIELD,
                       /* Translators: the first %s is a field id, the second says what is wrong */
                       _("Field “%s”: %s"), field_id, local_error->message);
          return NULL;
        }
      cz_dossier_take_value_quietly (self, field_id, g_steal_pointer (&value));
    }

  return g_steal_pointer (&self);

not_a_dossier:
  g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_NOT_A_DOSSIER,
               /* Translators: %s is the format name, io.github.coopzone.dossier */
               _("This is JSON, but not a CoopZone dossier: it needs \"format\": \"%s\", "
                 "a \"version\" and a \"fields\" object. Export the dossier from CoopZone "
                 "and import that file."),
               CZ_DOSSIER_FORMAT);
  return NULL;
}

static const char *
token_problem_detail (CzJsonTokenProblem problem)
{
  switch (problem)
    {
    case CZ_JSON_TOKEN_NUL_ESCAPE:
      return _("the text holds \\u0000, a character a dossier may not contain. Remove it");
    case CZ_JSON_TOKEN_LONE_SURROGATE:
      return _("the text holds an unpaired surrogate escape, which is not a character. "
               "Write the character itself, or a complete pair such as \\ud83d\\ude00");
    case CZ_JSON_TOKEN_INTEGER_RANGE:
      return _("the number is too large to be read exactly. Check the number");
    case CZ_JSON_TOKEN_OK:
    default:
      return "";
    }
}

static void
position_of_offset (const char *data,
                    gsize       offset,
                    guint      *line,
                    guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        (*column)++;
    }
}

/* What json-glib would read wrongly without a word (cz-json-tokens.h) is
 * refused here, naming the field and where it is in the file. */
static gboolean
check_tokens (const char  *data,
              gsize        len,
              const char  *source_name,
              GError     **error)
{
  CzJsonTokenReport report;
  const char *detail;
  guint line, column;

  if (cz_json_check_tokens (data, len, &report))
    return TRUE;

  position_of_offset (data, report.offset, &line, &column);
  detail = token_problem_detail (report.problem);
  if (g_strcmp0 (report.keys[0], "fields") == 0 && report.keys[1] != NULL)
    g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_INVALID_FIELD,
                 /* Translators: %1$s is a field id, %2$s what is written, then a file name,
                    a line and a column, then what is wrong */
                 _("Field “%1$s”: “%2$s” (%3$s, line %4$u, column %5$u): %6$s."),
                 report.keys[1], report.token, source_name, line, column, detail);
  else
    g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_INVALID_JSON,
                 /* Translators: %1$s is what is written, then a file name, a line and a
                    column, then what is wrong */
                 _("“%1$s” (%2$s, line %3$u, column %4$u): %5$s."),
                 report.token, source_name, line, column, detail);
  cz_json_token_report_clear (&report);
  return FALSE;
}

/**
 * cz_dossier_new_from_data:
 * @source_name: (nullable): the file name to put in messages
 *
 * Reads a dossier file. Refuses text that is not UTF-8 and JSON that does not
 * parse, saying at which line and column.
 */
CzDossier *
cz_dossier_new_from_data (const char  *data,
                          gssize       length,
                          const char  *source_name,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  const char *end = NULL;
  gsize len;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (source_name == NULL)
    source_name = _("the dossier");

  len = length < 0 ? strlen (data) : (gsize) length;

  if (!g_utf8_validate_len (data, len, &end))
    {
      guint line, column;

      position_of_offset (data, end - data, &line, &column);
      g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_NOT_UTF8,
                   _("%s is not UTF-8 text (line %u, column %u). Save it as UTF-8 and import it again."),
                   source_name, line, column);
      return NULL;
    }

  /* Before the parser, and before any other check of the raw text, so that
   * what would be misread is refused naming its field. */
  if (!check_tokens (data, len, source_name, error))
    return NULL;

  if (len == 0 || strspn (data, " \t\r\n") >= len)
    {
      g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_INVALID_JSON,
                   _("%s is empty. Choose a dossier file exported from CoopZone."), source_name);
      return NULL;
    }

  if (!cz_json_check_limits (data, len, CZ_JSON_MAX_DEPTH, &local_error))
    {
      g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_INVALID_JSON,
                   /* Translators: %1$s is a file name, %2$s why, e.g. "its JSON is nested more than 64 levels deep (…)" */
                   _("%1$s cannot be read: %2$s. Choose a dossier file exported from CoopZone."),
                   source_name, local_error->message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      guint line = 0, column = 0;
      int consumed = 0;

      /* json-glib says "<data>:3:7: Parse error: …"; say it in words. */
      if (sscanf (local_error->message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
        g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_INVALID_JSON,
                     /* Translators: %1$s is a file name, then a line and a column, then the parser's message */
                     _("%1$s is not valid JSON: line %2$u, column %3$u: %4$s"),
                     source_name, line, column, local_error->message + consumed);
      else
        g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_INVALID_JSON,
                     /* Translators: %s is a file name, then the JSON parser's message */
                     _("%s is not valid JSON: %s"),
                     source_name, local_error->message);
      return NULL;
    }

  return cz_dossier_new_from_json (json_parser_get_root (parser), error);
}

CzDossier *
cz_dossier_new_from_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > MAX_DOSSIER_FILE_SIZE)
    {
      g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_NOT_A_DOSSIER,
                   _("“%s” is too large to be a dossier file (more than 16 MB)."), name);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  {
    g_autofree char *quoted = g_strdup_printf ("“%s”", name);
    return cz_dossier_new_from_data (contents, length, quoted, error);
  }
}

/* Written to a temporary file and renamed into place, so an existing export
 * is never left half-written. */
gboolean
cz_dossier_save_to_file (CzDossier     *self,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CZ_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = cz_dossier_to_data (self, &length);
  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}
