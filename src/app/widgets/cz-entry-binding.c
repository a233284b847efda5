/* cz-entry-binding.c — keeps a text entry and one dossier field in step
 *
 * Typing writes the field at once (the store saves it by itself). A change made
 * elsewhere (another window on the same dossier) is read back into the entry,
 * keeping the cursor where it was. Our own writes are not read back, so trimming
 * or normalising in the dossier never fights the person typing.
 *
 * The input check (cz_field_check) runs after each change and its message goes
 * on the message row. An empty required field is only reported once the person
 * has typed in it, so a fresh dossier is not covered in red.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-entry-binding.h"
#include "cz-fields.h"
#include "cz-money.h"
#include "cz-number.h"

struct _CzEntryBinding
{
  GObject       parent_instance;

  CzDossier    *dossier;
  char         *field_id;
  GtkEditable  *editable;      /* weak */
  CzMessageRow *message_row;   /* weak */
  char         *not_a_number_message;
  guint         scale_digits;
  CzMoneyUnit   money_unit;
  guint         is_money : 1;
  guint         is_decimal : 1;
  guint         writing : 1;
  guint         loading : 1;
  guint         touched : 1;
};

G_DEFINE_FINAL_TYPE (CzEntryBinding, cz_entry_binding, G_TYPE_OBJECT)

/* Whether the entry holds a decimal we can store; an empty entry parses to "no value". */
static gboolean
cz_entry_binding_parse (CzEntryBinding *self,
                        gboolean       *has_value,
                        gint64         *value)
{
  const char *text = gtk_editable_get_text (self->editable);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  *has_value = FALSE;
  *value = 0;

  if (*stripped == '\0')
    return TRUE;

  if (self->is_money)
    {
      if (!cz_money_parse (stripped, self->money_unit, value, NULL))
        return FALSE;
      *has_value = TRUE;
      return TRUE;
    }

  if (!cz_parse_scaled_decimal (stripped, self->scale_digits, value))
    return FALSE;

  *has_value = TRUE;
  return TRUE;
}

static void
cz_entry_binding_update_message (CzEntryBinding *self)
{
  g_autofree char *message = NULL;
  CzValue *value;

  if (self->message_row == NULL || self->editable == NULL)
    return;

  if (self->is_decimal)
    {
      gboolean has_value;
      gint64 parsed;

      if (!cz_entry_binding_parse (self, &has_value, &parsed))
        {
          cz_message_row_set_message (self->message_row, self->not_a_number_message);
          return;
        }
    }

  value = cz_dossier_get_value (self->dossier, self->field_id);
  if (value != NULL || self->touched)
    message = cz_field_check (self->field_id, value);

  cz_message_row_set_message (self->message_row, message);
}

static void
cz_entry_binding_write (CzEntryBinding *self)
{
  self->writing = TRUE;

  if (self->is_decimal)
    {
      gboolean has_value;
      gint64 parsed;

      if (cz_entry_binding_parse (self, &has_value, &parsed) && has_value && self->is_money)
        cz_dossier_set_money (self->dossier, self->field_id, parsed);
      else if (has_value)
        cz_dossier_set_integer (self->dossier, self->field_id, parsed);
      else
        cz_dossier_clear (self->dossier, self->field_id);
    }
  else
    {
      cz_dossier_set_text (self->dossier, self->field_id,
                           gtk_editable_get_text (self->editable));
    }

  self->writing = FALSE;
}

/* Whether the entry already shows what the dossier holds. */
static gboolean
cz_entry_binding_shows_dossier (CzEntryBinding *self)
{
  if (self->is_decimal)
    {
      gboolean has_value;
      gint64 parsed;
      gint64 stored;
      gboolean has_stored;

      if (self->is_money)
        has_stored = cz_dossier_get_money (self->dossier, self->field_id, &stored);
      else
        has_stored = cz_dossier_get_integer (self->dossier, self->field_id, &stored);
      if (!cz_entry_binding_parse (self, &has_value, &parsed))
        return !has_stored;  /* unparseable text stands for "no value" */

      return has_value == has_stored && (!has_value || parsed == stored);
    }
  else
    {
      const char *stored = cz_dossier_get_text (self->dossier, self->field_id);

      return g_strcmp0 (gtk_editable_get_text (self->editable), stored ? stored : "") == 0;
    }
}

static void
cz_entry_binding_load (CzEntryBinding *self)
{
  g_autofree char *text = NULL;
  int position;

  if (self->editable == NULL)
    return;

  if (!cz_entry_binding_shows_dossier (self))
    {
      if (self->is_decimal)
        {
          gint64 stored;

          if (self->is_money)
            {
              if (cz_dossier_get_money (self->dossier, self->field_id, &stored))
                text = cz_money_format_number (stored, self->money_unit);
            }
          else if (cz_dossier_get_integer (self->dossier, self->field_id, &stored))
            text = cz_format_scaled_decimal (stored, self->scale_digits);
        }
      else
        {
          text = g_strdup (cz_dossier_get_text (self->dossier, self->field_id));
        }

      position = gtk_editable_get_position (self->editable);
      self->loading = TRUE;
      gtk_editable_set_text (self->editable, text ? text : "");
      gtk_editable_set_position (self->editable, MIN (position, (int) g_utf8_strlen (text ? text : "", -1)));
      self->loading = FALSE;
    }

  cz_entry_binding_update_message (self);
}

static void
on_editable_changed (GtkEditable    *editable,
                     CzEntryBinding *self)
{
  if (self->loading)
    return;

  self->touched = TRUE;
  cz_entry_binding_write (self);
  cz_entry_binding_update_message (self);
}

static void
on_field_changed (CzDossier      *dossier,
                  const char     *field_id,
                  CzValue        *old_value,
                  CzValue        *new_value,
                  CzEntryBinding *self)
{
  if (self->writing)
    return;

  cz_entry_binding_load (self);
}

static void
cz_entry_binding_dispose (GObject *object)
{
  CzEntryBinding *self = CZ_ENTRY_BINDING (object);

  if (self->editable != NULL)
    g_signal_handlers_disconnect_by_data (self->editable, self);
  g_clear_weak_pointer (&self->editable);
  g_clear_weak_pointer (&self->message_row);
  g_clear_object (&self->dossier);

  G_OBJECT_CLASS (cz_entry_binding_parent_class)->dispose (object);
}

static void
cz_entry_binding_finalize (GObject *object)
{
  CzEntryBinding *self = CZ_ENTRY_BINDING (object);

  g_clear_pointer (&self->field_id, g_free);
  g_clear_pointer (&self->not_a_number_message, g_free);

  G_OBJECT_CLASS (cz_entry_binding_parent_class)->finalize (object);
}

static void
cz_entry_binding_class_init (CzEntryBindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cz_entry_binding_dispose;
  object_class->finalize = cz_entry_binding_finalize;
}

static void
cz_entry_binding_init (CzEntryBinding *self)
{
}

static CzEntryBinding *
cz_entry_binding_new (CzDossier    *dossier,
                      const char   *field_id,
                      GtkEditable  *editable,
                      CzMessageRow *message_row)
{
  CzEntryBinding *self;
  g_autofree char *signal = NULL;

  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (field_id != NULL, NULL);
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);
  g_return_val_if_fail (message_row == NULL || CZ_IS_MESSAGE_ROW (message_row), NULL);

  self = g_object_new (CZ_TYPE_ENTRY_BINDING, NULL);
  self->dossier = g_object_ref (dossier);
  self->field_id = g_strdup (field_id);
  g_set_weak_pointer (&self->editable, editable);
  g_set_weak_pointer (&self->message_row, message_row);

  /* The binding lives as long as its owner (the page) keeps it: it goes quiet on dispose. */
  g_signal_connect_object (editable, "changed", G_CALLBACK (on_editable_changed), self, 0);
  signal = g_strdup_printf ("field-changed::%s", field_id);
  g_signal_connect_object (dossier, signal, G_CALLBACK (on_field_changed), self, 0);

  return self;
}

CzEntryBinding *
cz_entry_binding_new_text (CzDossier    *dossier,
                           const char   *field_id,
                           GtkEditable  *editable,
                           CzMessageRow *message_row)
{
  CzEntryBinding *self = cz_entry_binding_new (dossier, field_id, editable, message_row);

  cz_entry_binding_load (self);
  return self;
}

CzEntryBinding *
cz_entry_binding_new_decimal (CzDossier    *dossier,
                              const char   *field_id,
                              GtkEditable  *editable,
                              CzMessageRow *message_row,
                              guint         scale_digits,
                              const char   *not_a_number_message)
{
  CzEntryBinding *self = cz_entry_binding_new (dossier, field_id, editable, message_row);

  self->is_decimal = TRUE;
  self->scale_digits = scale_digits;
  self->not_a_number_message = g_strdup (not_a_number_message);
  cz_entry_binding_load (self);
  return self;
}

CzEntryBinding *
cz_entry_binding_new_money (CzDossier    *dossier,
                            const char   *field_id,
                            GtkEditable  *editable,
                            CzMessageRow *message_row,
                            CzMoneyUnit   unit,
                            const char   *not_a_number_message)
{
  CzEntryBinding *self = cz_entry_binding_new (dossier, field_id, editable, message_row);

  self->is_decimal = TRUE;
  self->is_money = TRUE;
  self->money_unit = unit;
  self->not_a_number_message = g_strdup (not_a_number_message);
  cz_entry_binding_load (self);
  return self;
}

const char *
cz_entry_binding_get_field_id (CzEntryBinding *self)
{
  g_return_val_if_fail (CZ_IS_ENTRY_BINDING (self), NULL);

  return self->field_id;
}

GtkEditable *
cz_entry_binding_get_editable (CzEntryBinding *self)
{
  g_return_val_if_fail (CZ_IS_ENTRY_BINDING (self), NULL);

  return self->editable;
}
