/* cz-field-entry-row.c — an entry row that is one dossier field
 *
 * The field is named once, in the page's template:
 *
 *   <object class="CzFieldEntryRow">
 *     <property name="field-id">zone.area_m2</property>
 *     <property name="kind">number</property>
 *     <property name="unit">km2</property>
 *   </object>
 *
 * as text-editor's EditorPreferencesSwitch names its schema-key. Once the row
 * is in a CzWizardPage it registers there (so the review can focus it and its
 * findings reach the message row under it) and the page gives it its dossier.
 *
 * Typing writes the field at once (the store saves it by itself). A change
 * made elsewhere (another window on the same dossier) is read back, keeping
 * the cursor where it was. Our own writes are not read back, so normalising
 * in the dossier never fights the person typing.
 *
 * What is wrong with an answer is the validator's to say, through the page.
 * The row says only what it alone knows: the text typed is not a number yet
 * (the field is then left unanswered).
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-field-entry-row.h"
#include "cz-message-row.h"
#include "cz-money.h"
#include "cz-number.h"
#include "cz-wizard-page.h"

struct _CzFieldEntryRow
{
  AdwEntryRow       parent_instance;

  char             *field_id;
  CzFieldEntryKind  kind;
  CzFieldEntryUnit  unit;
  CzDossier        *dossier;
  gulong            field_changed_id;
  CzWizardPage     *page;           /* weak: where it is registered */
  char             *parse_message;
  guint             writing : 1;
  guint             loading : 1;
};

G_DEFINE_FINAL_TYPE (CzFieldEntryRow, cz_field_entry_row, ADW_TYPE_ENTRY_ROW)
G_DEFINE_ENUM_TYPE (CzFieldEntryKind, cz_field_entry_kind,
                    G_DEFINE_ENUM_VALUE (CZ_FIELD_ENTRY_KIND_TEXT, "text"),
                    G_DEFINE_ENUM_VALUE (CZ_FIELD_ENTRY_KIND_NUMBER, "number"),
                    G_DEFINE_ENUM_VALUE (CZ_FIELD_ENTRY_KIND_MONEY, "money"))
G_DEFINE_ENUM_TYPE (CzFieldEntryUnit, cz_field_entry_unit,
                    G_DEFINE_ENUM_VALUE (CZ_FIELD_ENTRY_UNIT_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (CZ_FIELD_ENTRY_UNIT_KM2, "km2"),
                    G_DEFINE_ENUM_VALUE (CZ_FIELD_ENTRY_UNIT_WAN_YUAN, "wan-yuan"))

enum {
  PROP_0,
  PROP_FIELD_ID,
  PROP_KIND,
  PROP_UNIT,
  PROP_DOSSIER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
cz_field_entry_row_scale_digits (CzFieldEntryRow *self)
{
  return self->unit == CZ_FIELD_ENTRY_UNIT_KM2 ? 6 : 0;
}

static const char *
cz_field_entry_row_not_a_number (CzFieldEntryRow *self)
{
  if (self->kind == CZ_FIELD_ENTRY_KIND_MONEY)
    return _("Enter an amount in 10,000 yuan, for example 1250000 or 125亿.");
  if (self->unit == CZ_FIELD_ENTRY_UNIT_KM2)
    return _("Enter the area as a number of square kilometres, for example 12.5.");
  return _("Enter a whole number, for example 12.");
}

/* Whether the text is a value we can store; an empty entry parses to "no value". */
static gboolean
cz_field_entry_row_parse (CzFieldEntryRow *self,
                          gboolean        *has_value,
                          gint64          *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));

  *has_value = FALSE;
  *value = 0;
  if (*stripped == '\0')
    return TRUE;
  if (self->kind == CZ_FIELD_ENTRY_KIND_MONEY)
    *has_value = cz_money_parse (stripped, CZ_MONEY_UNIT_WAN, value, NULL);
  else
    *has_value = cz_parse_scaled_decimal (stripped, cz_field_entry_row_scale_digits (self), value);
  return *has_value;
}

static void
cz_field_entry_row_set_parse_message (CzFieldEntryRow *self,
                                      const char      *message)
{
  CzMessageRow *row;

  if (g_strcmp0 (self->parse_message, message) == 0)
    return;
  g_free (self->parse_message);
  self->parse_message = g_strdup (message);

  row = self->page ? cz_wizard_page_get_field_message (self->page, self->field_id) : NULL;
  if (row != NULL)
    cz_message_row_set_message (row, message);
}

static void
cz_field_entry_row_update_parse_message (CzFieldEntryRow *self)
{
  gboolean has_value;
  gint64 parsed;

  cz_field_entry_row_set_parse_message (self,
                                        self->kind != CZ_FIELD_ENTRY_KIND_TEXT &&
                                        !cz_field_entry_row_parse (self, &has_value, &parsed)
                                        ? cz_field_entry_row_not_a_number (self) : NULL);
}

static void
cz_field_entry_row_write (CzFieldEntryRow *self)
{
  gboolean has_value = FALSE;
  gint64 parsed = 0;

  self->writing = TRUE;
  if (self->kind == CZ_FIELD_ENTRY_KIND_TEXT)
    cz_dossier_set_text (self->dossier, self->field_id, gtk_editable_get_text (GTK_EDITABLE (self)));
  else if (!cz_field_entry_row_parse (self, &has_value, &parsed) || !has_value)
    cz_dossier_clear (self->dossier, self->field_id);
  else if (self->kind == CZ_FIELD_ENTRY_KIND_MONEY)
    cz_dossier_set_money (self->dossier, self->field_id, parsed);
  else
    cz_dossier_set_integer (self->dossier, self->field_id, parsed);
  self->writing = FALSE;
}

/* The text the dossier's value is shown as; NULL when unanswered. */
static char *
cz_field_entry_row_dup_stored_text (CzFieldEntryRow *self)
{
  gint64 stored;

  if (self->kind == CZ_FIELD_ENTRY_KIND_TEXT)
    return g_strdup (cz_dossier_get_text (self->dossier, self->field_id));
  if (self->kind == CZ_FIELD_ENTRY_KIND_MONEY)
    return cz_dossier_get_money (self->dossier, self->field_id, &stored)
           ? cz_money_format_number (stored, CZ_MONEY_UNIT_WAN) : NULL;
  return cz_dossier_get_integer (self->dossier, self->field_id, &stored)
         ? cz_format_scaled_decimal (stored, cz_field_entry_row_scale_digits (self)) : NULL;
}

/* Whether the text already stands for what the dossier holds. */
static gboolean
cz_field_entry_row_shows_dossier (CzFieldEntryRow *self)
{
  gboolean has_value;
  gint64 parsed;
  gint64 stored;
  gboolean has_stored;

  if (self->kind == CZ_FIELD_ENTRY_KIND_TEXT)
    {
      const char *text = cz_dossier_get_text (self->dossier, self->field_id);

      return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), text ? text : "") == 0;
    }

  if (self->kind == CZ_FIELD_ENTRY_KIND_MONEY)
    has_stored = cz_dossier_get_money (self->dossier, self->field_id, &stored);
  else
    has_stored = cz_dossier_get_integer (self->dossier, self->field_id, &stored);
  if (!cz_field_entry_row_parse (self, &has_value, &parsed))
    return !has_stored;  /* text that is not a number stands for "no value" */
  return has_value == has_stored && (!has_value || parsed == stored);
}

static void
cz_field_entry_row_load (CzFieldEntryRow *self)
{
  if (self->dossier != NULL && !cz_field_entry_row_shows_dossier (self))
    {
      g_autofree char *text = cz_field_entry_row_dup_stored_text (self);
      int position = gtk_editable_get_position (GTK_EDITABLE (self));

      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self), text ? text : "");
      gtk_editable_set_position (GTK_EDITABLE (self), MIN (position, (int) g_utf8_strlen (text ? text : "", -1)));
      self->loading = FALSE;
    }
  cz_field_entry_row_update_parse_message (self);
}

static void
on_changed (CzFieldEntryRow *self)
{
  if (self->loading || self->dossier == NULL)
    return;

  cz_field_entry_row_update_parse_message (self);
  cz_field_entry_row_write (self);
}

static void
on_field_changed (CzDossier       *dossier,
                  const char      *field_id,
                  CzValue         *old_value,
                  CzValue         *new_value,
                  CzFieldEntryRow *self)
{
  if (!self->writing)
    cz_field_entry_row_load (self);
}

static void
on_page_dossier_changed (CzFieldEntryRow *self)
{
  cz_field_entry_row_set_dossier (self, self->page ? cz_wizard_page_get_dossier (self->page) : NULL);
}

/* The message row under it: the one in the same list that targets it. */
static CzMessageRow *
cz_field_entry_row_find_message_row (CzFieldEntryRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  for (GtkWidget *child = parent ? gtk_widget_get_first_child (parent) : NULL;
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CZ_IS_MESSAGE_ROW (child) && cz_message_row_get_target (CZ_MESSAGE_ROW (child)) == GTK_WIDGET (self))
      return CZ_MESSAGE_ROW (child);
  return NULL;
}

/* In a page at last: register there, and edit the page's dossier. */
static void
cz_field_entry_row_root (GtkWidget *widget)
{
  CzFieldEntryRow *self = CZ_FIELD_ENTRY_ROW (widget);
  GtkWidget *page;

  GTK_WIDGET_CLASS (cz_field_entry_row_parent_class)->root (widget);

  page = gtk_widget_get_ancestor (widget, CZ_TYPE_WIZARD_PAGE);
  if (page == NULL || self->field_id == NULL)
    return;

  g_set_weak_pointer (&self->page, CZ_WIZARD_PAGE (page));
  g_signal_connect_object (page, "notify::dossier", G_CALLBACK (on_page_dossier_changed), self, G_CONNECT_SWAPPED);
  cz_wizard_page_add_field (self->page, self->field_id, widget, cz_field_entry_row_find_message_row (self));
  on_page_dossier_changed (self);
  if (cz_wizard_page_get_field_message (self->page, self->field_id) != NULL)
    cz_message_row_set_message (cz_wizard_page_get_field_message (self->page, self->field_id),
                                self->parse_message);
}

static void
cz_field_entry_row_unroot (GtkWidget *widget)
{
  CzFieldEntryRow *self = CZ_FIELD_ENTRY_ROW (widget);

  if (self->page != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->page, on_page_dossier_changed, self);
      if (cz_wizard_page_get_field_input (self->page, self->field_id) == widget)
        cz_wizard_page_remove_field (self->page, self->field_id);
      g_clear_weak_pointer (&self->page);
    }

  GTK_WIDGET_CLASS (cz_field_entry_row_parent_class)->unroot (widget);
}

static void
cz_field_entry_row_dispose (GObject *object)
{
  CzFieldEntryRow *self = CZ_FIELD_ENTRY_ROW (object);

  cz_field_entry_row_set_dossier (self, NULL);
  g_clear_weak_pointer (&self->page);

  G_OBJECT_CLASS (cz_field_entry_row_parent_class)->dispose (object);
}

static void
cz_field_entry_row_finalize (GObject *object)
{
  CzFieldEntryRow *self = CZ_FIELD_ENTRY_ROW (object);

  g_clear_pointer (&self->field_id, g_free);
  g_clear_pointer (&self->parse_message, g_free);

  G_OBJECT_CLASS (cz_field_entry_row_parent_class)->finalize (object);
}

static void
cz_field_entry_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CzFieldEntryRow *self = CZ_FIELD_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD_ID:
      g_value_set_string (value, self->field_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    case PROP_DOSSIER:
      g_value_set_object (value, self->dossier);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_field_entry_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CzFieldEntryRow *self = CZ_FIELD_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD_ID:
      self->field_id = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_UNIT:
      self->unit = g_value_get_enum (value);
      break;
    case PROP_DOSSIER:
      cz_field_entry_row_set_dossier (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_field_entry_row_class_init (CzFieldEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_field_entry_row_dispose;
  object_class->finalize = cz_field_entry_row_finalize;
  object_class->get_property = cz_field_entry_row_get_property;
  object_class->set_property = cz_field_entry_row_set_property;

  widget_class->root = cz_field_entry_row_root;
  widget_class->unroot = cz_field_entry_row_unroot;

  properties[PROP_FIELD_ID] =
    g_param_spec_string ("field-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CZ_TYPE_FIELD_ENTRY_KIND, CZ_FIELD_ENTRY_KIND_TEXT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, CZ_TYPE_FIELD_ENTRY_UNIT, CZ_FIELD_ENTRY_UNIT_NONE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL, CZ_TYPE_DOSSIER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cz_field_entry_row_init (CzFieldEntryRow *self)
{
  g_signal_connect (self, "changed", G_CALLBACK (on_changed), NULL);
}

GtkWidget *
cz_field_entry_row_new (const char       *field_id,
                        CzFieldEntryKind  kind,
                        CzFieldEntryUnit  unit)
{
  return g_object_new (CZ_TYPE_FIELD_ENTRY_ROW, "field-id", field_id, "kind", kind, "unit", unit, NULL);
}

const char *
cz_field_entry_row_get_field_id (CzFieldEntryRow *self)
{
  g_return_val_if_fail (CZ_IS_FIELD_ENTRY_ROW (self), NULL);

  return self->field_id;
}

CzFieldEntryKind
cz_field_entry_row_get_kind (CzFieldEntryRow *self)
{
  g_return_val_if_fail (CZ_IS_FIELD_ENTRY_ROW (self), CZ_FIELD_ENTRY_KIND_TEXT);

  return self->kind;
}

CzFieldEntryUnit
cz_field_entry_row_get_unit (CzFieldEntryRow *self)
{
  g_return_val_if_fail (CZ_IS_FIELD_ENTRY_ROW (self), CZ_FIELD_ENTRY_UNIT_NONE);

  return self->unit;
}

CzDossier *
cz_field_entry_row_get_dossier (CzFieldEntryRow *self)
{
  g_return_val_if_fail (CZ_IS_FIELD_ENTRY_ROW (self), NULL);

  return self->dossier;
}

void
cz_field_entry_row_set_dossier (CzFieldEntryRow *self,
                                CzDossier       *dossier)
{
  g_return_if_fail (CZ_IS_FIELD_ENTRY_ROW (self));
  g_return_if_fail (dossier == NULL || CZ_IS_DOSSIER (dossier));

  if (self->dossier == dossier)
    return;

  g_clear_signal_handler (&self->field_changed_id, self->dossier);
  g_set_object (&self->dossier, dossier);
  if (dossier != NULL && self->field_id != NULL)
    {
      g_autofree char *signal = g_strdup_printf ("field-changed::%s", self->field_id);

      self->field_changed_id = g_signal_connect_object (dossier, signal, G_CALLBACK (on_field_changed), self, 0);
      cz_field_entry_row_load (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSSIER]);
}

const char *
cz_field_entry_row_get_parse_message (CzFieldEntryRow *self)
{
  g_return_val_if_fail (CZ_IS_FIELD_ENTRY_ROW (self), NULL);

  return self->parse_message;
}
