/* cz-value.c
 *
 * A CzValue is immutable once made, so it can be shared between the dossier,
 * the autosave queue and the store's worker thread without copying.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-dossier.h"
#include "cz-enum.h"
#include "cz-value.h"

struct _CzValue
{
  grefcount    ref_count;
  CzFieldKind  kind;
  GVariant    *variant;  /* s, x, x, s (ISO date), as, aa{sv} */
};

G_DEFINE_BOXED_TYPE (CzValue, cz_value, cz_value_ref, cz_value_unref)

G_DEFINE_ENUM_TYPE (CzFieldKind, cz_field_kind,
  G_DEFINE_ENUM_VALUE (CZ_FIELD_KIND_TEXT, "text"),
  G_DEFINE_ENUM_VALUE (CZ_FIELD_KIND_INTEGER, "integer"),
  G_DEFINE_ENUM_VALUE (CZ_FIELD_KIND_MONEY, "money_fen"),
  G_DEFINE_ENUM_VALUE (CZ_FIELD_KIND_DATE, "date"),
  G_DEFINE_ENUM_VALUE (CZ_FIELD_KIND_TEXT_LIST, "text_list"),
  G_DEFINE_ENUM_VALUE (CZ_FIELD_KIND_RECORDS, "records"))

const char *
cz_field_kind_to_string (CzFieldKind kind)
{
  g_return_val_if_fail ((guint) kind <= CZ_FIELD_KIND_RECORDS, NULL);
  return cz_enum_get_nick (CZ_TYPE_FIELD_KIND, kind);
}

static int
compare_member_names (gconstpointer a,
                      gconstpointer b)
{
  const char *name_a, *name_b;

  g_variant_get_child (*(GVariant * const *) a, 0, "&s", &name_a);
  g_variant_get_child (*(GVariant * const *) b, 0, "&s", &name_b);
  return strcmp (name_a, name_b);
}

/* Each record with its members sorted by name: a record reads back from its
 * JSON (written sorted) equal to itself, whatever order it was built in. */
static GVariant *
records_sorted (GVariant *records)
{
  GVariantBuilder builder;
  GVariantIter iter;
  GVariant *record;

  g_variant_ref_sink (records);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_iter_init (&iter, records);
  while ((record = g_variant_iter_next_value (&iter)))
    {
      g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

      for (gsize i = 0; i < g_variant_n_children (record); i++)
        g_ptr_array_add (members, g_variant_get_child_value (record, i));
      g_ptr_array_sort (members, compare_member_names);
      g_variant_builder_add_value (&builder,
                                   g_variant_new_array (G_VARIANT_TYPE ("{sv}"),
                                                        (GVariant * const *) members->pdata, members->len));
      g_variant_unref (record);
    }
  g_variant_unref (records);
  return g_variant_builder_end (&builder);
}

static CzValue *
value_new_take (CzFieldKind  kind,
                GVariant    *variant)
{
  CzValue *self = g_new0 (CzValue, 1);

  g_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->variant = g_variant_ref_sink (kind == CZ_FIELD_KIND_RECORDS ? records_sorted (variant) : variant);
  return self;
}

CzValue *
cz_value_new_text (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);
  return value_new_take (CZ_FIELD_KIND_TEXT, g_variant_new_string (text));
}

CzValue *
cz_value_new_integer (gint64 integer)
{
  return value_new_take (CZ_FIELD_KIND_INTEGER, g_variant_new_int64 (integer));
}

CzValue *
cz_value_new_money (gint64 fen)
{
  return value_new_take (CZ_FIELD_KIND_MONEY, g_variant_new_int64 (fen));
}

CzValue *
cz_value_new_date (const GDate *date)
{
  char iso[16];

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  return value_new_take (CZ_FIELD_KIND_DATE, g_variant_new_string (iso));
}

CzValue *
cz_value_new_text_list (const char * const *texts)
{
  static const char * const empty[] = { NULL };

  return value_new_take (CZ_FIELD_KIND_TEXT_LIST,
                         g_variant_new_strv (texts ? texts : empty, -1));
}

static gboolean
records_are_valid (GVariant *records)
{
  GVariantIter iter;
  GVariant *record;

  if (!g_variant_is_of_type (records, G_VARIANT_TYPE ("aa{sv}")))
    return FALSE;

  g_variant_iter_init (&iter, records);
  while ((record = g_variant_iter_next_value (&iter)))
    {
      GVariantIter members;
      const char *key;
      GVariant *member;
      gboolean ok = TRUE;

      g_variant_iter_init (&members, record);
      while (ok && g_variant_iter_next (&members, "{&sv}", &key, &member))
        {
          ok = g_variant_is_of_type (member, G_VARIANT_TYPE_STRING) ||
               g_variant_is_of_type (member, G_VARIANT_TYPE_INT64);
          g_variant_unref (member);
        }
      g_variant_unref (record);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* Records are lists of flat records, each member a string or an int64:
 * functional areas, incidents. Nothing deeper is needed and JSON stays plain. */
CzValue *
cz_value_new_records (GVariant *records)
{
  g_return_val_if_fail (records != NULL, NULL);

  if (!records_are_valid (records))
    {
      g_critical ("Records must be aa{sv} with string or int64 members");
      g_variant_unref (g_variant_ref_sink (records));
      return NULL;
    }
  return value_new_take (CZ_FIELD_KIND_RECORDS, records);
}

CzValue *
cz_value_ref (CzValue *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_ref_count_inc (&self->ref_count);
  return self;
}

void
cz_value_unref (CzValue *self)
{
  g_return_if_fail (self != NULL);

  if (g_ref_count_dec (&self->ref_count))
    {
      g_variant_unref (self->variant);
      g_free (self);
    }
}

CzFieldKind
cz_value_get_kind (const CzValue *self)
{
  return self->kind;
}

const char *
cz_value_get_text (const CzValue *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->kind == CZ_FIELD_KIND_TEXT, NULL);
  return g_variant_get_string (self->variant, NULL);
}

gint64
cz_value_get_integer (const CzValue *self)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->kind == CZ_FIELD_KIND_INTEGER, 0);
  return g_variant_get_int64 (self->variant);
}

gint64
cz_value_get_money (const CzValue *self)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->kind == CZ_FIELD_KIND_MONEY, 0);
  return g_variant_get_int64 (self->variant);
}

const char *
cz_value_get_date_iso (const CzValue *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->kind == CZ_FIELD_KIND_DATE, NULL);
  return g_variant_get_string (self->variant, NULL);
}

static gboolean
parse_iso_date (const char *iso,
                GDate      *date)
{
  guint y, m, d;
  char tail;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 || strlen (iso) != 10)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

GDate *
cz_value_dup_date (const CzValue *self)
{
  GDate *date;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->kind == CZ_FIELD_KIND_DATE, NULL);

  date = g_date_new ();
  parse_iso_date (g_variant_get_string (self->variant, NULL), date);
  return date;
}

const char **
cz_value_dup_text_list (const CzValue *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->kind == CZ_FIELD_KIND_TEXT_LIST, NULL);
  return (const char **) g_variant_dup_strv (self->variant, NULL);
}

GVariant *
cz_value_get_records (const CzValue *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->kind == CZ_FIELD_KIND_RECORDS, NULL);
  return self->variant;
}

gboolean
cz_value_equal (const CzValue *a,
                const CzValue *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return a->kind == b->kind && g_variant_equal (a->variant, b->variant);
}

char *
cz_value_to_display (const CzValue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case CZ_FIELD_KIND_TEXT:
    case CZ_FIELD_KIND_DATE:
      return g_variant_dup_string (self->variant, NULL);

    case CZ_FIELD_KIND_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (self->variant));

    case CZ_FIELD_KIND_MONEY:
      {
        gint64 fen = g_variant_get_int64 (self->variant);
        guint64 magnitude = fen < 0 ? (guint64) (-(fen + 1)) + 1 : (guint64) fen;

        /* The same in every language: "¥1409.50". */
        return g_strdup_printf ("%s¥%" G_GUINT64_FORMAT ".%02u",
                                fen < 0 ? "-" : "",
                                magnitude / 100, (guint) (magnitude % 100));
      }

    case CZ_FIELD_KIND_TEXT_LIST:
      {
        g_autofree const char **texts = g_variant_get_strv (self->variant, NULL);
        /* Translators: separator between items of a list, e.g. partner countries */
        return g_strjoinv (_(", "), (char **) texts);
      }

    case CZ_FIELD_KIND_RECORDS:
      {
        gsize n = g_variant_n_children (self->variant);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%zu record", "%zu records", n), n);
      }

    default:
      g_return_val_if_reached (NULL);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static JsonNode *
records_to_json (GVariant *records)
{
  g_autoptr(JsonArray) array = json_array_new ();
  GVariantIter iter;
  GVariant *record;

  g_variant_iter_init (&iter, records);
  while ((record = g_variant_iter_next_value (&iter)))
    {
      JsonObject *object = json_object_new ();
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();
      GVariantDict dict;

      /* Sorted members keep exported files byte-stable. */
      g_variant_dict_init (&dict, record);
      {
        GVariantIter members;
        const char *key;
        g_variant_iter_init (&members, record);
        while (g_variant_iter_next (&members, "{&sv}", &key, NULL))
          g_ptr_array_add (keys, (gpointer) key);
      }
      g_ptr_array_sort (keys, compare_strings);
      for (guint i = 0; i < keys->len; i++)
        {
          const char *key = g_ptr_array_index (keys, i);
          g_autoptr(GVariant) member = g_variant_dict_lookup_value (&dict, key, NULL);

          if (g_variant_is_of_type (member, G_VARIANT_TYPE_STRING))
            json_object_set_string_member (object, key, g_variant_get_string (member, NULL));
          else
            json_object_set_int_member (object, key, g_variant_get_int64 (member));
        }
      g_variant_dict_clear (&dict);
      json_array_add_object_element (array, object);
      g_variant_unref (record);
    }

  return json_node_init_array (json_node_alloc (), array);
}

JsonNode *
cz_value_to_json (const CzValue *self)
{
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case CZ_FIELD_KIND_TEXT:
    case CZ_FIELD_KIND_DATE:
      json_object_set_string_member (object, cz_field_kind_to_string (self->kind),
                                     g_variant_get_string (self->variant, NULL));
      break;

    case CZ_FIELD_KIND_INTEGER:
    case CZ_FIELD_KIND_MONEY:
      json_object_set_int_member (object, cz_field_kind_to_string (self->kind),
                                  g_variant_get_int64 (self->variant));
      break;

    case CZ_FIELD_KIND_TEXT_LIST:
      {
        JsonArray *array = json_array_new ();
        GVariantIter iter;
        const char *text;

        g_variant_iter_init (&iter, self->variant);
        while (g_variant_iter_next (&iter, "&s", &text))
          json_array_add_string_element (array, text);
        json_object_set_array_member (object, cz_field_kind_to_string (self->kind), array);
      }
      break;

    case CZ_FIELD_KIND_RECORDS:
      json_object_set_member (object, cz_field_kind_to_string (self->kind), records_to_json (self->variant));
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  return json_node_init_object (json_node_alloc (), object);
}

char *
cz_value_to_json_string (const CzValue *self)
{
  g_autoptr(JsonNode) node = cz_value_to_json (self);

  return json_to_string (node, FALSE);
}

static gboolean
value_error (GError     **error,
             const char  *detail)
{
  g_set_error (error, CZ_DOSSIER_ERROR, CZ_DOSSIER_ERROR_INVALID_FIELD,
               /* Translators: %s says what is wrong with a field value in a dossier file */
               _("A field value is not valid: %s"), detail);
  return FALSE;
}

static gboolean
json_is_int (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
json_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* json-glib turns a lone surrogate escape ("\ud800") into bytes that are not
 * UTF-8; a reader that has the raw text finds it earlier and says where
 * (cz-json-tokens.c), this catches it in a parsed tree. */
static gboolean
check_text (const char  *text,
            gboolean     limits,
            GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    return value_error (error, _("the text is not valid Unicode: it holds an unpaired surrogate "
                                 "escape such as \\ud800. Write the character itself"));
  if (limits && strlen (text) > CZ_VALUE_MAX_TEXT_BYTES)
    {
      g_autofree char *detail =
        g_strdup_printf (_("the text is longer than %u bytes, the most a dossier file may hold in one text"),
                         (guint) CZ_VALUE_MAX_TEXT_BYTES);
      return value_error (error, detail);
    }
  return TRUE;
}

static gboolean
check_number (gint64      number,
              gint64      max,
              gboolean    limits,
              GError    **error)
{
  g_autofree char *number_text = NULL;
  g_autofree char *max_text = NULL;
  g_autofree char *detail = NULL;

  if (!limits || (number >= -max && number <= max))
    return TRUE;
  number_text = g_strdup_printf ("%" G_GINT64_FORMAT, number);
  max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);
  /* Translators: %1$s is a number from the file; the range is −%2$s to %2$s */
  detail = g_strdup_printf (_("the number %1$s is outside the range a dossier file allows (−%2$s to %2$s)"),
                            number_text, max_text);
  return value_error (error, detail);
}

static gboolean
check_count (guint        count,
             guint        max,
             gboolean     limits,
             const char  *what_format,
             GError     **error)
{
  g_autofree char *detail = NULL;

  if (!limits || count <= max)
    return TRUE;
  /* Each caller passes a translated literal with two %u: checked there, not here. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  detail = g_strdup_printf (what_format, count, max);
#pragma GCC diagnostic pop
  return value_error (error, detail);
}

static GVariant *
records_from_json (JsonArray  *array,
                   gboolean    limits,
                   GError    **error)
{
  GVariantBuilder builder;
  guint n = json_array_get_length (array);

  if (!check_count (n, CZ_VALUE_MAX_RECORDS, limits,
                    /* Translators: a count of records, then the limit */
                    _("it holds %u records; a dossier file allows at most %u"), error))
    return NULL;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_variant_builder_clear (&builder);
          value_error (error, _("each record must be an object"));
          return NULL;
        }

      object = json_node_get_object (element);
      if (!check_count (json_object_get_size (object), CZ_VALUE_MAX_RECORD_MEMBERS, limits,
                        /* Translators: a count of members of one record, then the limit */
                        _("a record has %u members; a dossier file allows at most %u"), error))
        {
          g_variant_builder_clear (&builder);
          return NULL;
        }
      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &key, &member))
        {
          if (!g_utf8_validate (key, -1, NULL) || *key == '\0' || strlen (key) > CZ_VALUE_MAX_MEMBER_NAME)
            {
              g_variant_builder_clear (&builder);
              value_error (error, _("a record member needs a short name of valid text"));
              return NULL;
            }
          if (json_is_string (member))
            {
              if (!check_text (json_node_get_string (member), limits, error))
                {
                  g_variant_builder_clear (&builder);
                  return NULL;
                }
              g_variant_builder_add (&builder, "{sv}", key, g_variant_new_string (json_node_get_string (member)));
            }
          else if (json_is_int (member))
            {
              if (!check_number (json_node_get_int (member), CZ_VALUE_MAX_MONEY_FEN, limits, error))
                {
                  g_variant_builder_clear (&builder);
                  return NULL;
                }
              g_variant_builder_add (&builder, "{sv}", key, g_variant_new_int64 (json_node_get_int (member)));
            }
          else
            {
              g_variant_builder_clear (&builder);
              value_error (error, _("record members must be text or whole numbers"));
              return NULL;
            }
        }
      g_variant_builder_close (&builder);
    }

  return g_variant_builder_end (&builder);
}

static CzValue *
value_new_from_json (JsonNode  *node,
                     gboolean   limits,
                     GError   **error)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *kind_name = NULL;
  JsonNode *payload = NULL;
  int kind;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return value_error (error, _("expected an object such as {\"text\": \"…\"}")), NULL;

  object = json_node_get_object (node);
  if (json_object_get_size (object) != 1)
    return value_error (error, _("expected exactly one typed member such as \"text\"")), NULL;

  json_object_iter_init (&iter, object);
  json_object_iter_next (&iter, &kind_name, &payload);

  if (!cz_enum_from_nick (CZ_TYPE_FIELD_KIND, kind_name, &kind))
    kind = -1;

  switch (kind)
    {
    case CZ_FIELD_KIND_TEXT:
      if (!json_is_string (payload))
        break;
      if (!check_text (json_node_get_string (payload), limits, error))
        return NULL;
      return cz_value_new_text (json_node_get_string (payload));

    case CZ_FIELD_KIND_INTEGER:
    case CZ_FIELD_KIND_MONEY:
      if (!json_is_int (payload))
        break;
      if (!check_number (json_node_get_int (payload),
                         kind == CZ_FIELD_KIND_MONEY ? CZ_VALUE_MAX_MONEY_FEN : CZ_VALUE_MAX_INTEGER,
                         limits, error))
        return NULL;
      return value_new_take (kind, g_variant_new_int64 (json_node_get_int (payload)));

    case CZ_FIELD_KIND_DATE:
      {
        GDate date;

        if (!json_is_string (payload) || !parse_iso_date (json_node_get_string (payload), &date))
          return value_error (error, _("a date must be written as YYYY-MM-DD")), NULL;
        return cz_value_new_date (&date);
      }

    case CZ_FIELD_KIND_TEXT_LIST:
      {
        JsonArray *array;
        g_autoptr(GPtrArray) texts = g_ptr_array_new ();

        if (!JSON_NODE_HOLDS_ARRAY (payload))
          break;
        array = json_node_get_array (payload);
        if (!check_count (json_array_get_length (array), CZ_VALUE_MAX_LIST_ITEMS, limits,
                          /* Translators: a count of items in a list, then the limit */
                          _("the list holds %u items; a dossier file allows at most %u"), error))
          return NULL;
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);

            if (!json_is_string (element))
              return value_error (error, _("a text list may hold only texts")), NULL;
            if (!check_text (json_node_get_string (element), limits, error))
              return NULL;
            g_ptr_array_add (texts, (gpointer) json_node_get_string (element));
          }
        g_ptr_array_add (texts, NULL);
        return cz_value_new_text_list ((const char * const *) texts->pdata);
      }

    case CZ_FIELD_KIND_RECORDS:
      {
        GVariant *records;

        if (!JSON_NODE_HOLDS_ARRAY (payload))
          break;
        records = records_from_json (json_node_get_array (payload), limits, error);
        if (records == NULL)
          return NULL;
        return value_new_take (CZ_FIELD_KIND_RECORDS, records);
      }

    default:
      {
        g_autofree char *detail = g_strdup_printf (_("unknown value type “%s”"), kind_name);
        return value_error (error, detail), NULL;
      }
    }

  {
    g_autofree char *detail = g_strdup_printf (_("the “%s” value has the wrong form"), kind_name);
    return value_error (error, detail), NULL;
  }
}

/**
 * cz_value_new_from_json:
 *
 * A value read from a file: refused past the limits of the dossier format
 * (CZ_VALUE_MAX_…), and when its text is not UTF-8.
 */
CzValue *
cz_value_new_from_json (JsonNode  *node,
                        GError   **error)
{
  return value_new_from_json (node, TRUE, error);
}

/**
 * cz_value_new_from_json_string:
 *
 * A value CoopZone wrote itself (the store's column): only its form is
 * checked, not the file format's limits, so that an answer typed beyond them
 * (a blocker of the form's input checks) is never lost on reopening.
 */
CzValue *
cz_value_new_from_json_string (const char  *json,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  return value_new_from_json (json_parser_get_root (parser), FALSE, error);
}
