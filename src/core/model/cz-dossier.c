/* cz-dossier.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-dossier.h"
#include "cz-fields.h"

/* A dossier file bigger than this is not a dossier (evidence lives elsewhere). */
#define MAX_DOSSIER_FILE_SIZE (16 * 1024 * 1024)

struct _CzDossier
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  GDateTime  *created;
  GDateTime  *modified;
  GHashTable *fields;  /* field id → CzValue */
};

G_DEFINE_FINAL_TYPE (CzDossier, cz_dossier, G_TYPE_OBJECT)
G_DEFINE_QUARK (cz-dossier-error-quark, cz_dossier_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  FIELD_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cz_dossier_finalize (GObject *object)
{
  CzDossier *self = (CzDossier *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (cz_dossier_parent_class)->finalize (object);
}

static void
cz_dossier_constructed (GObject *object)
{
  CzDossier *self = (CzDossier *)object;

  G_OBJECT_CLASS (cz_dossier_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
  if (self->created == NULL)
    self->created = g_date_time_new_now_utc ();
  if (self->modified == NULL)
    self->modified = g_date_time_ref (self->created);
}

static void
cz_dossier_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CzDossier *self = CZ_DOSSIER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_dossier_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CzDossier *self = CZ_DOSSIER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      cz_dossier_set_title (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      self->created = g_value_dup_boxed (value);
      break;

    case PROP_MODIFIED:
      cz_dossier_set_modified (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_dossier_class_init (CzDossierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cz_dossier_constructed;
  object_class->finalize = cz_dossier_finalize;
  object_class->get_property = cz_dossier_get_property;
  object_class->set_property = cz_dossier_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CzDossier::field-changed:
   * @field_id: the dotted id of the field
   * @old_value: (nullable): the value before, %NULL when it was unanswered
   * @new_value: (nullable): the value now, %NULL when it was cleared
   *
   * Emitted after a field changed. Detailed by the field id, so a listener can
   * connect to "field-changed::zone.name".
   */
  signals[FIELD_CHANGED] =
    g_signal_new ("field-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  CZ_TYPE_VALUE | G_SIGNAL_TYPE_STATIC_SCOPE,
                  CZ_TYPE_VALUE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
cz_dossier_init (CzDossier *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) cz_value_unref);
}

/**
 * cz_dossier_new:
 * @id: (nullable): the dossier's id, or %NULL for a new random one
 */
CzDossier *
cz_dossier_new (const char *id)
{
  return g_object_new (CZ_TYPE_DOSSIER, "id", id, NULL);
}

const char *
cz_dossier_get_id (CzDossier *self)
{
  g_return_val_if_fail (CZ_IS_DOSSIER (self), NULL);
  return self->id;
}

const char *
cz_dossier_get_title (CzDossier *self)
{
  g_return_val_if_fail (CZ_IS_DOSSIER (self), NULL);
  return self->title ? self->title : "";
}

void
cz_dossier_set_title (CzDossier  *self,
                      const char *title)
{
  g_return_if_fail (CZ_IS_DOSSIER (self));

  if (title != NULL && *title == '\0')
    title = NULL;
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * cz_dossier_dup_display_name:
 *
 * The name a person knows the dossier by: its title, else the zone's name,
 * else a placeholder.
 */
char *
cz_dossier_dup_display_name (CzDossier *self)
{
  const char *zone_name;

  g_return_val_if_fail (CZ_IS_DOSSIER (self), NULL);

  if (self->title != NULL)
    return g_strdup (self->title);
  zone_name = cz_dossier_get_text (self, CZ_FIELD_ZONE_NAME);
  if (zone_name != NULL)
    return g_strdup (zone_name);
  return g_strdup (_("Untitled dossier"));
}

GDateTime *
cz_dossier_get_created (CzDossier *self)
{
  g_return_val_if_fail (CZ_IS_DOSSIER (self), NULL);
  return self->created;
}

GDateTime *
cz_dossier_get_modified (CzDossier *self)
{
  g_return_val_if_fail (CZ_IS_DOSSIER (self), NULL);
  return self->modified;
}

void
cz_dossier_set_modified (CzDossier *self,
                         GDateTime *modified)
{
  g_return_if_fail (CZ_IS_DOSSIER (self));

  if (modified == NULL || (self->modified != NULL && g_date_time_equal (modified, self->modified)))
    return;
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = g_date_time_ref (modified);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * cz_dossier_get_value:
 *
 * Returns: (transfer none) (nullable): the field's value, %NULL when unanswered
 */
CzValue *
cz_dossier_get_value (CzDossier  *self,
                      const char *field_id)
{
  g_return_val_if_fail (CZ_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (field_id != NULL, NULL);

  return g_hash_table_lookup (self->fields, field_id);
}

/**
 * cz_dossier_set_value:
 * @value: (nullable) (transfer none): the new value, or %NULL to clear the field
 *
 * Emits #CzDossier::field-changed when the value differs from the current one.
 */
void
cz_dossier_set_value (CzDossier  *self,
                      const char *field_id,
                      CzValue    *value)
{
  g_autoptr(CzValue) old_value = NULL;
  CzValue *current;

  g_return_if_fail (CZ_IS_DOSSIER (self));
  g_return_if_fail (field_id != NULL && *field_id != '\0');

  current = g_hash_table_lookup (self->fields, field_id);
  if (cz_value_equal (current, value))
    return;

  if (current != NULL)
    old_value = cz_value_ref (current);

  if (value != NULL)
    g_hash_table_replace (self->fields, g_strdup (field_id), cz_value_ref (value));
  else
    g_hash_table_remove (self->fields, field_id);

  g_signal_emit (self, signals[FIELD_CHANGED], g_quark_from_string (field_id),
                 field_id, old_value, value);
}

void
cz_dossier_clear (CzDossier  *self,
                  const char *field_id)
{
  cz_dossier_set_value (self, field_id, NULL);
}

guint
cz_dossier_get_n_fields (CzDossier *self)
{
  g_return_val_if_fail (CZ_IS_DOSSIER (self), 0);
  return g_hash_table_size (self->fields);
}

static int
compare_field_ids (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * cz_dossier_dup_field_ids:
 *
 * Returns: (transfer full) (element-type utf8): the answered fields' ids, sorted
 */
GPtrArray *
cz_dossier_dup_field_ids (CzDossier *self)
{
  GPtrArray *ids;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CZ_IS_DOSSIER (self), NULL);

  ids = g_ptr_array_new_full (g_hash_table_size (self->fields), g_free);
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, g_strdup (key));
  g_ptr_array_sort (ids, compare_field_ids);
  return ids;
}

static const CzValue *
lookup_kind (CzDossier   *self,
             const char  *field_id,
             CzFieldKind  kind)
{
  CzValue *value;

  g_return_val_if_fail (CZ_IS_DOSSIER (self), NULL);

  value = g_hash_table_lookup (self->fields, field_id);
  if (value == NULL || cz_value_get_kind (value) != kind)
    return NULL;
  return value;
}

/**
 * cz_dossier_get_text:
 *
 * Returns: (nullable): the text, %NULL when unanswered (never "")
 */
const char *
cz_dossier_get_text (CzDossier  *self,
                     const char *field_id)
{
  const CzValue *value = lookup_kind (self, field_id, CZ_FIELD_KIND_TEXT);

  return value ? cz_value_get_text (value) : NULL;
}

/* An empty answer is no answer: the form has no use for "" distinct from unset. */
void
cz_dossier_set_text (CzDossier  *self,
                     const char *field_id,
                     const char *text)
{
  g_autoptr(CzValue) value = NULL;

  if (text != NULL && *text != '\0')
    value = cz_value_new_text (text);
  cz_dossier_set_value (self, field_id, value);
}

gboolean
cz_dossier_get_integer (CzDossier  *self,
                        const char *field_id,
                        gint64     *integer)
{
  const CzValue *value = lookup_kind (self, field_id, CZ_FIELD_KIND_INTEGER);

  if (value != NULL && integer != NULL)
    *integer = cz_value_get_integer (value);
  return value != NULL;
}

void
cz_dossier_set_integer (CzDossier  *self,
                        const char *field_id,
                        gint64      integer)
{
  g_autoptr(CzValue) value = cz_value_new_integer (integer);

  cz_dossier_set_value (self, field_id, value);
}

gboolean
cz_dossier_get_money (CzDossier  *self,
                      const char *field_id,
                      gint64     *fen)
{
  const CzValue *value = lookup_kind (self, field_id, CZ_FIELD_KIND_MONEY);

  if (value != NULL && fen != NULL)
    *fen = cz_value_get_money (value);
  return value != NULL;
}

void
cz_dossier_set_money (CzDossier  *self,
                      const char *field_id,
                      gint64      fen)
{
  g_autoptr(CzValue) value = cz_value_new_money (fen);

  cz_dossier_set_value (self, field_id, value);
}

/**
 * cz_dossier_dup_text_list:
 *
 * Returns: (transfer full) (nullable): the texts, %NULL when unanswered
 */
const char **
cz_dossier_dup_text_list (CzDossier  *self,
                          const char *field_id)
{
  const CzValue *value = lookup_kind (self, field_id, CZ_FIELD_KIND_TEXT_LIST);

  return value ? cz_value_dup_text_list (value) : NULL;
}

void
cz_dossier_set_text_list (CzDossier          *self,
                          const char         *field_id,
                          const char * const *texts)
{
  g_autoptr(CzValue) value = NULL;

  if (texts != NULL && texts[0] != NULL)
    value = cz_value_new_text_list (texts);
  cz_dossier_set_value (self, field_id, value);
}

/* ---------------------------------------------------------------------- */
/* JSON                                                                     */

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
  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "title", cz_dossier_get_title (self));
  set_time_member (object, "created", self->created);
  set_time_member (object, "modified", self->modified);

  ids = cz_dossier_dup_field_ids (self);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      json_object_set_member (fields, id, cz_value_to_json (g_hash_table_lookup (self->fields, id)));
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
      g_hash_table_replace (self->fields, g_strdup (field_id), g_steal_pointer (&value));
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

  if (len == 0 || strspn (data, " \t\r\n") >= len)
    {
      g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_INVALID_JSON,
                   _("%s is empty. Choose a dossier file exported from CoopZone."), source_name);
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
