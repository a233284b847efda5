/* cz-message-row.c — a message shown under the row it is about
 *
 * Placed right after its target row in the same boxed list. It shows two kinds
 * of message, which never repeat each other: what only the input knows, such
 * as text that is not a number yet ("message", always an error), and the
 * validator's findings on the field, input checks included
 * ("finding-message", with the style of its worst severity, `error` or
 * `warning`). While it holds either it is
 * visible, the target row carries the style class, and the text is the
 * target's accessible description, so a screen reader reads it together with
 * the row's label. Without a message it is hidden and leaves no trace on the
 * target.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-message-row.h"

struct _CzMessageRow
{
  AdwPreferencesRow  parent_instance;

  GtkWidget         *icon;
  GtkWidget         *label;
  GtkWidget         *target;   /* weak */
  char              *message;
  char              *finding_message;
  char              *finding_style;   /* "error" or "warning" */
  char              *applied_style;   /* what the target carries now */
};

G_DEFINE_FINAL_TYPE (CzMessageRow, cz_message_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_MESSAGE,
  PROP_FINDING_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
cz_message_row_dup_text (CzMessageRow *self)
{
  if (self->message != NULL && self->finding_message != NULL)
    return g_strconcat (self->message, "\n", self->finding_message, NULL);
  if (self->message != NULL)
    return g_strdup (self->message);
  return g_strdup (self->finding_message);
}

static const char *
cz_message_row_get_style (CzMessageRow *self)
{
  if (self->message != NULL)
    return "error";
  if (self->finding_message != NULL)
    return self->finding_style ? self->finding_style : "error";
  return NULL;
}

static void
cz_message_row_apply_to_target (CzMessageRow *self)
{
  g_autofree char *text = NULL;
  const char *style;

  if (self->target == NULL)
    return;

  text = cz_message_row_dup_text (self);
  style = cz_message_row_get_style (self);

  if (self->applied_style != NULL && g_strcmp0 (self->applied_style, style) != 0)
    gtk_widget_remove_css_class (self->target, self->applied_style);
  g_free (self->applied_style);
  self->applied_style = g_strdup (style);

  if (text != NULL)
    {
      gtk_widget_add_css_class (self->target, style);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->target),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                      -1);
      if (g_strcmp0 (style, "error") == 0)
        gtk_accessible_update_state (GTK_ACCESSIBLE (self->target),
                                     GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                     -1);
      else
        gtk_accessible_reset_state (GTK_ACCESSIBLE (self->target),
                                    GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->target),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->target),
                                  GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
cz_message_row_update (CzMessageRow *self)
{
  g_autofree char *text = cz_message_row_dup_text (self);
  const char *style = cz_message_row_get_style (self);

  gtk_label_set_text (GTK_LABEL (self->label), text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL);
  gtk_widget_set_css_classes (self->label, (const char *[]) { style, NULL });
  gtk_widget_set_css_classes (self->icon, (const char *[]) { style, NULL });
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon),
                                g_strcmp0 (style, "warning") == 0 ? "dialog-warning-symbolic"
                                                                  : "dialog-error-symbolic");
  cz_message_row_apply_to_target (self);
}

/* A row that cannot take focus stops a GtkListBox moving it: Tab from the
 * field above would leave the list and skip the fields below. As a row's
 * focus vfunc, this passes the move on to the row beyond. */
gboolean
cz_row_pass_focus_on (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  gboolean forward = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_DOWN;
  gboolean backward = direction == GTK_DIR_TAB_BACKWARD || direction == GTK_DIR_UP;
  GtkWidget *row;

  if (!forward && !backward)
    return FALSE;

  for (row = forward ? gtk_widget_get_next_sibling (widget) : gtk_widget_get_prev_sibling (widget);
       row != NULL;
       row = forward ? gtk_widget_get_next_sibling (row) : gtk_widget_get_prev_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_visible (row) && gtk_widget_is_sensitive (row))
        return gtk_widget_child_focus (row, direction);
    }

  return FALSE;
}

static void
cz_message_row_dispose (GObject *object)
{
  CzMessageRow *self = CZ_MESSAGE_ROW (object);

  g_clear_weak_pointer (&self->target);

  G_OBJECT_CLASS (cz_message_row_parent_class)->dispose (object);
}

static void
cz_message_row_finalize (GObject *object)
{
  CzMessageRow *self = CZ_MESSAGE_ROW (object);

  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->finding_message, g_free);
  g_clear_pointer (&self->finding_style, g_free);
  g_clear_pointer (&self->applied_style, g_free);

  G_OBJECT_CLASS (cz_message_row_parent_class)->finalize (object);
}

static void
cz_message_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CzMessageRow *self = CZ_MESSAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_FINDING_MESSAGE:
      g_value_set_string (value, self->finding_message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_message_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CzMessageRow *self = CZ_MESSAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      cz_message_row_set_target (self, g_value_get_object (value));
      break;
    case PROP_MESSAGE:
      cz_message_row_set_message (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_message_row_class_init (CzMessageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_message_row_dispose;
  object_class->finalize = cz_message_row_finalize;
  object_class->get_property = cz_message_row_get_property;
  object_class->set_property = cz_message_row_set_property;

  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINDING_MESSAGE] =
    g_param_spec_string ("finding-message", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->focus = cz_row_pass_focus_on;
}

static void
cz_message_row_init (CzMessageRow *self)
{
  GtkWidget *box;
  GtkWidget *icon;

  gtk_widget_add_css_class (GTK_WIDGET (self), "cz-message-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), icon);
  self->icon = icon;

  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.0f);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_add_css_class (self->label, "error");
  gtk_box_append (GTK_BOX (box), self->label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

GtkWidget *
cz_message_row_new (GtkWidget *target)
{
  return g_object_new (CZ_TYPE_MESSAGE_ROW, "target", target, NULL);
}

GtkWidget *
cz_message_row_get_target (CzMessageRow *self)
{
  g_return_val_if_fail (CZ_IS_MESSAGE_ROW (self), NULL);

  return self->target;
}

void
cz_message_row_set_target (CzMessageRow *self,
                           GtkWidget    *target)
{
  g_return_if_fail (CZ_IS_MESSAGE_ROW (self));
  g_return_if_fail (target == NULL || GTK_IS_WIDGET (target));

  if (self->target == target)
    return;

  if (self->target != NULL)
    {
      char *message = g_steal_pointer (&self->message);
      char *finding_message = g_steal_pointer (&self->finding_message);

      cz_message_row_apply_to_target (self);
      self->message = message;
      self->finding_message = finding_message;
      g_clear_pointer (&self->applied_style, g_free);
    }

  g_set_weak_pointer (&self->target, target);
  cz_message_row_apply_to_target (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

const char *
cz_message_row_get_message (CzMessageRow *self)
{
  g_return_val_if_fail (CZ_IS_MESSAGE_ROW (self), NULL);

  return self->message;
}

void
cz_message_row_set_message (CzMessageRow *self,
                            const char   *message)
{
  g_return_if_fail (CZ_IS_MESSAGE_ROW (self));

  if (message != NULL && *message == '\0')
    message = NULL;

  if (g_strcmp0 (self->message, message) == 0)
    return;

  g_free (self->message);
  self->message = g_strdup (message);
  cz_message_row_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

const char *
cz_message_row_get_finding_message (CzMessageRow *self)
{
  g_return_val_if_fail (CZ_IS_MESSAGE_ROW (self), NULL);

  return self->finding_message;
}

const char *
cz_message_row_get_finding_style (CzMessageRow *self)
{
  g_return_val_if_fail (CZ_IS_MESSAGE_ROW (self), NULL);

  return self->finding_message ? self->finding_style : NULL;
}

void
cz_message_row_set_finding (CzMessageRow *self,
                            const char   *message,
                            const char   *style_class)
{
  g_return_if_fail (CZ_IS_MESSAGE_ROW (self));

  if (message != NULL && *message == '\0')
    message = NULL;

  if (g_strcmp0 (self->finding_message, message) == 0 &&
      g_strcmp0 (self->finding_style, style_class) == 0)
    return;

  g_free (self->finding_message);
  self->finding_message = g_strdup (message);
  g_free (self->finding_style);
  self->finding_style = g_strdup (style_class);
  cz_message_row_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDING_MESSAGE]);
}
