/* cz-text-list-group.c — a group of rows editing a dossier text list
 *
 * An entry row to type a new item (Enter or the add button adds it), then one
 * row per item with a remove button. Used for partner countries or regions,
 * leading industries, and any later list of short texts. The list is written to
 * the dossier as soon as it changes and read back when it changes elsewhere.
 * What is wrong with the list is the validator's to say, on the message row
 * under the entry (cz_text_list_group_get_message_row), through the page.
 *
 * Actions: `list.add` (adds what the entry row holds; enabled when it holds
 * something new), `list.remove` (int32 position).
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-message-row.h"
#include "cz-text-list-group.h"

struct _CzTextListGroup
{
  AdwPreferencesGroup  parent_instance;

  CzDossier           *dossier;
  char                *field_id;
  char                *add_title;
  gulong               field_changed_id;

  AdwEntryRow         *entry_row;
  CzMessageRow        *message_row;
  GPtrArray           *items;       /* of char* */
  GPtrArray           *item_rows;   /* of AdwActionRow, owned by the group */
  guint                writing : 1;
};

G_DEFINE_FINAL_TYPE (CzTextListGroup, cz_text_list_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_DOSSIER,
  PROP_FIELD_ID,
  PROP_ADD_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
cz_text_list_group_dup_entry_text (CzTextListGroup *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry_row))));
}

static gboolean
cz_text_list_group_contains (CzTextListGroup *self,
                             const char      *text)
{
  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->items, i), text) == 0)
      return TRUE;
  return FALSE;
}

static void
cz_text_list_group_update_actions (CzTextListGroup *self)
{
  g_autofree char *text = cz_text_list_group_dup_entry_text (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.add",
                                 self->dossier != NULL && self->field_id != NULL &&
                                 *text != '\0' && !cz_text_list_group_contains (self, text));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.remove",
                                 self->dossier != NULL && self->items->len > 0);
}

static GtkWidget *
cz_text_list_group_create_item_row (CzTextListGroup *self,
                                    const char      *text,
                                    guint            position)
{
  GtkWidget *row;
  GtkWidget *button;
  g_autofree char *tooltip = NULL;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: tooltip of the button removing one item of a list, e.g. Remove “Germany” */
  tooltip = g_strdup_printf (_("Remove “%s”"), text);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "list.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) position);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
cz_text_list_group_rebuild_rows (CzTextListGroup *self)
{
  for (guint i = 0; i < self->item_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->item_rows, i));
  g_ptr_array_set_size (self->item_rows, 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *row = cz_text_list_group_create_item_row (self, g_ptr_array_index (self->items, i), i);

      g_ptr_array_add (self->item_rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }

  cz_text_list_group_update_actions (self);
}

static gboolean
cz_text_list_group_items_equal (CzTextListGroup    *self,
                                const char * const *texts)
{
  guint n = texts ? g_strv_length ((char **) texts) : 0;

  if (n != self->items->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (texts[i], g_ptr_array_index (self->items, i)) != 0)
      return FALSE;
  return TRUE;
}

static void
cz_text_list_group_load (CzTextListGroup *self)
{
  g_auto(GStrv) texts = NULL;

  if (self->dossier != NULL && self->field_id != NULL)
    texts = (GStrv) cz_dossier_dup_text_list (self->dossier, self->field_id);

  if (cz_text_list_group_items_equal (self, (const char * const *) texts))
    {
      cz_text_list_group_update_actions (self);
      return;
    }

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    g_ptr_array_add (self->items, g_strdup (texts[i]));

  cz_text_list_group_rebuild_rows (self);
}

static void
cz_text_list_group_write (CzTextListGroup *self)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (guint i = 0; i < self->items->len; i++)
    g_ptr_array_add (texts, g_ptr_array_index (self->items, i));
  g_ptr_array_add (texts, NULL);

  self->writing = TRUE;
  if (self->items->len == 0)
    cz_dossier_clear (self->dossier, self->field_id);
  else
    cz_dossier_set_text_list (self->dossier, self->field_id, (const char * const *) texts->pdata);
  self->writing = FALSE;
}

static void
on_field_changed (CzDossier       *dossier,
                  const char      *field_id,
                  CzValue         *old_value,
                  CzValue         *new_value,
                  CzTextListGroup *self)
{
  if (!self->writing)
    cz_text_list_group_load (self);
}

static void
cz_text_list_group_connect (CzTextListGroup *self)
{
  g_clear_signal_handler (&self->field_changed_id, self->dossier);

  if (self->dossier != NULL && self->field_id != NULL)
    {
      g_autofree char *signal = g_strdup_printf ("field-changed::%s", self->field_id);

      self->field_changed_id = g_signal_connect_object (self->dossier, signal,
                                                        G_CALLBACK (on_field_changed),
                                                        self, 0);
    }

  cz_text_list_group_load (self);
}

static void
list_add_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CzTextListGroup *self = CZ_TEXT_LIST_GROUP (widget);
  g_autofree char *text = cz_text_list_group_dup_entry_text (self);

  if (*text == '\0' || cz_text_list_group_contains (self, text))
    return;

  g_ptr_array_add (self->items, g_steal_pointer (&text));
  cz_text_list_group_write (self);
  cz_text_list_group_rebuild_rows (self);
  gtk_editable_set_text (GTK_EDITABLE (self->entry_row), "");
}

static void
list_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CzTextListGroup *self = CZ_TEXT_LIST_GROUP (widget);
  gint32 position = g_variant_get_int32 (parameter);

  if (position < 0 || (guint) position >= self->items->len)
    return;

  g_ptr_array_remove_index (self->items, position);
  cz_text_list_group_write (self);
  cz_text_list_group_rebuild_rows (self);

  /* Keep the keyboard where the removed item was. */
  if (self->item_rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->item_rows,
                                               MIN ((guint) position, self->item_rows->len - 1)));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->entry_row));
}

static void
on_entry_changed (CzTextListGroup *self)
{
  cz_text_list_group_update_actions (self);
}

static void
on_entry_activated (CzTextListGroup *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "list.add", NULL);
}

static void
cz_text_list_group_dispose (GObject *object)
{
  CzTextListGroup *self = CZ_TEXT_LIST_GROUP (object);

  g_clear_signal_handler (&self->field_changed_id, self->dossier);
  g_clear_object (&self->dossier);

  G_OBJECT_CLASS (cz_text_list_group_parent_class)->dispose (object);
}

static void
cz_text_list_group_finalize (GObject *object)
{
  CzTextListGroup *self = CZ_TEXT_LIST_GROUP (object);

  g_clear_pointer (&self->field_id, g_free);
  g_clear_pointer (&self->add_title, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->item_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cz_text_list_group_parent_class)->finalize (object);
}

static void
cz_text_list_group_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CzTextListGroup *self = CZ_TEXT_LIST_GROUP (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:
      g_value_set_object (value, self->dossier);
      break;
    case PROP_FIELD_ID:
      g_value_set_string (value, self->field_id);
      break;
    case PROP_ADD_TITLE:
      g_value_set_string (value, self->add_title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_text_list_group_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CzTextListGroup *self = CZ_TEXT_LIST_GROUP (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:
      cz_text_list_group_set_dossier (self, g_value_get_object (value));
      break;
    case PROP_FIELD_ID:
      cz_text_list_group_set_field_id (self, g_value_get_string (value));
      break;
    case PROP_ADD_TITLE:
      cz_text_list_group_set_add_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_text_list_group_class_init (CzTextListGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_text_list_group_dispose;
  object_class->finalize = cz_text_list_group_finalize;
  object_class->get_property = cz_text_list_group_get_property;
  object_class->set_property = cz_text_list_group_set_property;

  properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL,
                         CZ_TYPE_DOSSIER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD_ID] =
    g_param_spec_string ("field-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADD_TITLE] =
    g_param_spec_string ("add-title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "list.add", NULL, list_add_action);
  gtk_widget_class_install_action (widget_class, "list.remove", "i", list_remove_action);
}

static void
cz_text_list_group_init (CzTextListGroup *self)
{
  GtkWidget *add_button;

  self->items = g_ptr_array_new_with_free_func (g_free);
  self->item_rows = g_ptr_array_new ();

  self->entry_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add_button, "flat");
  gtk_widget_set_tooltip_text (add_button, _("Add"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_button), "list.add");
  adw_entry_row_add_suffix (self->entry_row, add_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->entry_row));
  self->message_row = CZ_MESSAGE_ROW (cz_message_row_new (GTK_WIDGET (self->entry_row)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->message_row));

  g_signal_connect_object (self->entry_row, "changed",
                           G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry_row, "entry-activated",
                           G_CALLBACK (on_entry_activated), self, G_CONNECT_SWAPPED);

  cz_text_list_group_update_actions (self);
}

CzDossier *
cz_text_list_group_get_dossier (CzTextListGroup *self)
{
  g_return_val_if_fail (CZ_IS_TEXT_LIST_GROUP (self), NULL);

  return self->dossier;
}

void
cz_text_list_group_set_dossier (CzTextListGroup *self,
                                CzDossier       *dossier)
{
  g_return_if_fail (CZ_IS_TEXT_LIST_GROUP (self));
  g_return_if_fail (dossier == NULL || CZ_IS_DOSSIER (dossier));

  if (self->dossier == dossier)
    return;

  g_clear_signal_handler (&self->field_changed_id, self->dossier);
  g_set_object (&self->dossier, dossier);
  cz_text_list_group_connect (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSSIER]);
}

const char *
cz_text_list_group_get_field_id (CzTextListGroup *self)
{
  g_return_val_if_fail (CZ_IS_TEXT_LIST_GROUP (self), NULL);

  return self->field_id;
}

void
cz_text_list_group_set_field_id (CzTextListGroup *self,
                                 const char      *field_id)
{
  g_return_if_fail (CZ_IS_TEXT_LIST_GROUP (self));

  if (g_strcmp0 (self->field_id, field_id) == 0)
    return;

  g_clear_signal_handler (&self->field_changed_id, self->dossier);
  g_free (self->field_id);
  self->field_id = g_strdup (field_id);
  cz_text_list_group_connect (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_ID]);
}

const char *
cz_text_list_group_get_add_title (CzTextListGroup *self)
{
  g_return_val_if_fail (CZ_IS_TEXT_LIST_GROUP (self), NULL);

  return self->add_title;
}

void
cz_text_list_group_set_add_title (CzTextListGroup *self,
                                  const char      *add_title)
{
  g_return_if_fail (CZ_IS_TEXT_LIST_GROUP (self));

  if (g_strcmp0 (self->add_title, add_title) == 0)
    return;

  g_free (self->add_title);
  self->add_title = g_strdup (add_title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry_row), add_title ? add_title : "");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADD_TITLE]);
}

AdwEntryRow *
cz_text_list_group_get_entry_row (CzTextListGroup *self)
{
  g_return_val_if_fail (CZ_IS_TEXT_LIST_GROUP (self), NULL);

  return self->entry_row;
}

CzMessageRow *
cz_text_list_group_get_message_row (CzTextListGroup *self)
{
  g_return_val_if_fail (CZ_IS_TEXT_LIST_GROUP (self), NULL);

  return self->message_row;
}

guint
cz_text_list_group_get_n_items (CzTextListGroup *self)
{
  g_return_val_if_fail (CZ_IS_TEXT_LIST_GROUP (self), 0);

  return self->items->len;
}

AdwActionRow *
cz_text_list_group_get_item_row (CzTextListGroup *self,
                                 guint            position)
{
  g_return_val_if_fail (CZ_IS_TEXT_LIST_GROUP (self), NULL);

  if (position >= self->item_rows->len)
    return NULL;
  return g_ptr_array_index (self->item_rows, position);
}
