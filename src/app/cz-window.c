/* cz-window.c — a CoopZone window: the start screen or one dossier's wizard
 *
 * Several windows may show the same dossier: the store hands them the same
 * CzDossier, so an edit in one shows up in the other.
 *
 * Actions: window.open-dossier (string id), window.show-start.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-window.h"

struct _CzWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  CzStartView          *start_view;
  AdwBin               *dossier_bin;

  CzStore              *store;
  GSettings            *settings;
  GCancellable         *open_cancellable;
};

G_DEFINE_FINAL_TYPE (CzWindow, cz_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_dossier_opened (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CzWindow) self = user_data;
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *wizard;
  CzWizardPage *page;

  dossier = cz_store_open_dossier_finish (CZ_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (dossier == NULL)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open the Dossier"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      cz_start_view_reload (self->start_view);
      return;
    }

  wizard = cz_wizard_new (self->store, dossier);
  adw_bin_set_child (self->dossier_bin, wizard);
  gtk_stack_set_visible_child_name (self->stack, "dossier");

  /* The row that opened the dossier is gone: the cursor goes to the first
   * answer of the step shown (the zone's name for a new dossier), not to
   * whatever button GTK finds next. What is there is not selected, so a key
   * pressed by chance does not replace it. */
  page = cz_wizard_get_current_page (CZ_WIZARD (wizard));
  if (page != NULL && gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      if (GTK_IS_EDITABLE (focus))
        gtk_editable_select_region (GTK_EDITABLE (focus), -1, -1);
    }
}

void
cz_window_open_dossier (CzWindow   *self,
                        const char *id)
{
  g_return_if_fail (CZ_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  cz_store_open_dossier_async (self->store, id, self->open_cancellable,
                               on_dossier_opened, g_object_ref (self));
}

void
cz_window_show_start (CzWindow *self)
{
  g_return_if_fail (CZ_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->stack, "start");
  adw_bin_set_child (self->dossier_bin, NULL);
  cz_start_view_reload (self->start_view);
}

static void
window_open_dossier_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  cz_window_open_dossier (CZ_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
window_show_start_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  cz_window_show_start (CZ_WINDOW (widget));
}

static void
cz_window_constructed (GObject *object)
{
  CzWindow *self = CZ_WINDOW (object);

  G_OBJECT_CLASS (cz_window_parent_class)->constructed (object);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  cz_start_view_set_store (self->start_view, self->store);
}

static void
cz_window_dispose (GObject *object)
{
  CzWindow *self = CZ_WINDOW (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cz_window_parent_class)->dispose (object);
}

static void
cz_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CzWindow *self = CZ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CzWindow *self = CZ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_window_class_init (CzWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cz_window_constructed;
  object_class->dispose = cz_window_dispose;
  object_class->get_property = cz_window_get_property;
  object_class->set_property = cz_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CZ_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CZ_TYPE_START_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cz-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CzWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CzWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CzWindow, start_view);
  gtk_widget_class_bind_template_child (widget_class, CzWindow, dossier_bin);

  gtk_widget_class_install_action (widget_class, "window.open-dossier", "s", window_open_dossier_action);
  gtk_widget_class_install_action (widget_class, "window.show-start", NULL, window_show_start_action);
}

static void
cz_window_init (CzWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
#if DEVELOPMENT_BUILD
  /* The striped header bar that tells a build being worked on from the installed one. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

CzWindow *
cz_window_new (GtkApplication *application,
               CzStore        *store)
{
  return g_object_new (CZ_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

CzStore *
cz_window_get_store (CzWindow *self)
{
  g_return_val_if_fail (CZ_IS_WINDOW (self), NULL);

  return self->store;
}

CzStartView *
cz_window_get_start_view (CzWindow *self)
{
  g_return_val_if_fail (CZ_IS_WINDOW (self), NULL);

  return self->start_view;
}

CzWizard *
cz_window_get_wizard (CzWindow *self)
{
  GtkWidget *child;

  g_return_val_if_fail (CZ_IS_WINDOW (self), NULL);

  child = adw_bin_get_child (self->dossier_bin);
  return CZ_IS_WIZARD (child) ? CZ_WIZARD (child) : NULL;
}

void
cz_window_add_toast (CzWindow   *self,
                     const char *title)
{
  g_return_if_fail (CZ_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}
