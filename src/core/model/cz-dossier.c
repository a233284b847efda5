/* cz-dossier.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-dossier-private.h"
#include "cz-fields.h"

struct _CzDossier
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  GDateTime  *created;
  GDateTime  *modified;
  GHashTable *fields;  /* field id → CzValue */
  CzSaveState save_state;
  char       *save_error;
};

G_DEFINE_FINAL_TYPE (CzDossier, cz_dossier, G_TYPE_OBJECT)
G_DEFINE_ENUM_TYPE (CzSaveState, cz_save_state,
                    G_DEFINE_ENUM_VALUE (CZ_SAVE_STATE_SAVED, "saved"),
                    G_DEFINE_ENUM_VALUE (CZ_SAVE_STATE_SAVING, "saving"),
                    G_DEFINE_ENUM_VALUE (CZ_SAVE_STATE_FAILED, "failed"))
G_DEFINE_QUARK (cz-dossier-error-quark, cz_dossier_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_SAVE_STATE,
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
  g_clear_pointer (&self->save_error, g_free);
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
    case PROP_SAVE_STATE:
      g_value_set_enum (value, self->save_state);
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
  properties[PROP_SAVE_STATE] =
    g_param_spec_enum ("save-state", NULL, NULL, CZ_TYPE_SAVE_STATE, CZ_SAVE_STATE_SAVED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

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

  /* A field id may come from a file: never make it a quark (quarks are never
   * freed). A detail nobody has connected to has no quark yet, and then no
   * detailed handler can match it anyway. */
  g_signal_emit (self, signals[FIELD_CHANGED], g_quark_try_string (field_id),
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

/**
 * cz_dossier_dup_unknown_field_ids:
 *
 * The answered fields this version of CoopZone does not know (written by a
 * newer version, or by hand): they are kept and exported again, but nothing
 * checks or shows them, so an import says so.
 *
 * Returns: (transfer full) (element-type utf8): their ids, sorted; empty when none
 */
GPtrArray *
cz_dossier_dup_unknown_field_ids (CzDossier *self)
{
  GPtrArray *ids;

  g_return_val_if_fail (CZ_IS_DOSSIER (self), NULL);

  ids = cz_dossier_dup_field_ids (self);
  for (guint i = ids->len; i > 0; i--)
    if (cz_field_is_known (g_ptr_array_index (ids, i - 1)))
      g_ptr_array_remove_index (ids, i - 1);
  return ids;
}

/**
 * cz_dossier_dup_unknown_fields_message:
 *
 * Returns: (transfer full) (nullable): a translated warning naming the fields
 *   of cz_dossier_dup_unknown_field_ids(), %NULL when there are none
 */
char *
cz_dossier_dup_unknown_fields_message (CzDossier *self)
{
  g_autoptr(GPtrArray) ids = cz_dossier_dup_unknown_field_ids (self);
  g_autofree char *list = NULL;

  if (ids == NULL || ids->len == 0)
    return NULL;
  g_ptr_array_add (ids, NULL);
  /* Translators: separator between field ids in a list */
  list = g_strjoinv (_(", "), (char **) ids->pdata);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %s is a list of field ids */
                                       "This version of CoopZone does not know the field %s. It was kept "
                                       "and will be exported again, but nothing checks or shows it. If the "
                                       "file came from a newer CoopZone, update this one.",
                                       "This version of CoopZone does not know the fields %s. They were kept "
                                       "and will be exported again, but nothing checks or shows them. If the "
                                       "file came from a newer CoopZone, update this one.",
                                       ids->len - 1),
                          list);
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

/* For the reader (cz-dossier-json.c): a field read from a file, set without a
 * signal since nobody can be listening to a dossier being built. */
void
cz_dossier_take_value_quietly (CzDossier  *self,
                               const char *field_id,
                               CzValue    *value)
{
  g_return_if_fail (CZ_IS_DOSSIER (self));
  g_return_if_fail (field_id != NULL && value != NULL);

  g_hash_table_replace (self->fields, g_strdup (field_id), value);
}

CzSaveState
cz_dossier_get_save_state (CzDossier *self)
{
  g_return_val_if_fail (CZ_IS_DOSSIER (self), CZ_SAVE_STATE_SAVED);

  return self->save_state;
}

const char *
cz_dossier_get_save_error (CzDossier *self)
{
  g_return_val_if_fail (CZ_IS_DOSSIER (self), NULL);

  return self->save_state == CZ_SAVE_STATE_FAILED ? self->save_error : NULL;
}

void
cz_dossier_set_save_state (CzDossier   *self,
                           CzSaveState  state,
                           const char  *error_message)
{
  g_return_if_fail (CZ_IS_DOSSIER (self));

  if (state != CZ_SAVE_STATE_FAILED)
    error_message = NULL;
  if (self->save_state == state && g_strcmp0 (self->save_error, error_message) == 0)
    return;

  g_free (self->save_error);
  self->save_error = g_strdup (error_message);
  self->save_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_STATE]);
}
