/* cz-wizard-page.c — one step of the wizard
 *
 * A step is a widget with one child (its template's content). It knows the
 * dossier it edits, its title and icon for the step list, and a stable step id
 * ("zone", "boundary", …) so findings can say which step they belong to. Steps
 * never know each other: they read and write the dossier and listen to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-wizard-page.h"

typedef struct
{
  CzDossier *dossier;
  char      *title;
  char      *step_id;
  char      *icon_name;
} CzWizardPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CzWizardPage, cz_wizard_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOSSIER,
  PROP_TITLE,
  PROP_STEP_ID,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
cz_wizard_page_real_focus_field (CzWizardPage *self,
                                 const char   *field_id)
{
  return FALSE;
}

static void
cz_wizard_page_dispose (GObject *object)
{
  CzWizardPage *self = CZ_WIZARD_PAGE (object);
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&priv->dossier);

  G_OBJECT_CLASS (cz_wizard_page_parent_class)->dispose (object);
}

static void
cz_wizard_page_finalize (GObject *object)
{
  CzWizardPage *self = CZ_WIZARD_PAGE (object);
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->step_id, g_free);
  g_clear_pointer (&priv->icon_name, g_free);

  G_OBJECT_CLASS (cz_wizard_page_parent_class)->finalize (object);
}

static void
cz_wizard_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CzWizardPage *self = CZ_WIZARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:
      g_value_set_object (value, cz_wizard_page_get_dossier (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, cz_wizard_page_get_title (self));
      break;
    case PROP_STEP_ID:
      g_value_set_string (value, cz_wizard_page_get_step_id (self));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, cz_wizard_page_get_icon_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_wizard_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CzWizardPage *self = CZ_WIZARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:
      cz_wizard_page_set_dossier (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      cz_wizard_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_STEP_ID:
      cz_wizard_page_set_step_id (self, g_value_get_string (value));
      break;
    case PROP_ICON_NAME:
      cz_wizard_page_set_icon_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_wizard_page_class_init (CzWizardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_wizard_page_dispose;
  object_class->finalize = cz_wizard_page_finalize;
  object_class->get_property = cz_wizard_page_get_property;
  object_class->set_property = cz_wizard_page_set_property;

  klass->focus_field = cz_wizard_page_real_focus_field;

  properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL,
                         CZ_TYPE_DOSSIER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP_ID] =
    g_param_spec_string ("step-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cz_wizard_page_init (CzWizardPage *self)
{
}

CzDossier *
cz_wizard_page_get_dossier (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_val_if_fail (CZ_IS_WIZARD_PAGE (self), NULL);

  return priv->dossier;
}

void
cz_wizard_page_set_dossier (CzWizardPage *self,
                            CzDossier    *dossier)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_if_fail (CZ_IS_WIZARD_PAGE (self));
  g_return_if_fail (dossier == NULL || CZ_IS_DOSSIER (dossier));

  if (g_set_object (&priv->dossier, dossier))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSSIER]);
}

static gboolean
cz_wizard_page_set_string (GObject     *object,
                           char       **field,
                           const char  *value,
                           GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

const char *
cz_wizard_page_get_title (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_val_if_fail (CZ_IS_WIZARD_PAGE (self), NULL);

  return priv->title;
}

void
cz_wizard_page_set_title (CzWizardPage *self,
                          const char   *title)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_if_fail (CZ_IS_WIZARD_PAGE (self));

  cz_wizard_page_set_string (G_OBJECT (self), &priv->title, title, properties[PROP_TITLE]);
}

const char *
cz_wizard_page_get_step_id (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_val_if_fail (CZ_IS_WIZARD_PAGE (self), NULL);

  return priv->step_id;
}

void
cz_wizard_page_set_step_id (CzWizardPage *self,
                            const char   *step_id)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_if_fail (CZ_IS_WIZARD_PAGE (self));

  cz_wizard_page_set_string (G_OBJECT (self), &priv->step_id, step_id, properties[PROP_STEP_ID]);
}

const char *
cz_wizard_page_get_icon_name (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_val_if_fail (CZ_IS_WIZARD_PAGE (self), NULL);

  return priv->icon_name;
}

void
cz_wizard_page_set_icon_name (CzWizardPage *self,
                              const char   *icon_name)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_if_fail (CZ_IS_WIZARD_PAGE (self));

  cz_wizard_page_set_string (G_OBJECT (self), &priv->icon_name, icon_name, properties[PROP_ICON_NAME]);
}

gboolean
cz_wizard_page_focus_field (CzWizardPage *self,
                            const char   *field_id)
{
  g_return_val_if_fail (CZ_IS_WIZARD_PAGE (self), FALSE);
  g_return_val_if_fail (field_id != NULL, FALSE);

  return CZ_WIZARD_PAGE_GET_CLASS (self)->focus_field (self, field_id);
}
