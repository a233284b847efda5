/* cz-signer-window.c — the "Signing Certificate" window
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-certificate-group.h"
#include "cz-passphrase-dialog.h"
#include "cz-signer-dialog.h"
#include "cz-signer-settings.h"
#include "cz-signer-window.h"

struct _CzSignerWindow
{
  AdwPreferencesWindow  parent_instance;

  CzSigner             *signer;       /* unlocked, or NULL */
  char                 *department;
  gboolean              remembered;   /* a certificate kept without its key shows */

  AdwActionRow         *location_row;
  GtkWidget            *unlock_button;
  CzCertificateGroup   *details;
};

G_DEFINE_FINAL_TYPE (CzSignerWindow, cz_signer_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SIGNER,
  PROP_DEPARTMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cz_signer_window_show (CzSignerWindow *self,
                       const char     *location)
{
  /* Without the passphrase: the public certificate kept when it was set up. */
  g_autoptr(CzCertificate) remembered = NULL;

  if (self->signer == NULL && location != NULL)
    remembered = cz_signer_settings_dup_certificate ();
  self->remembered = remembered != NULL;

  adw_action_row_set_subtitle (self->location_row, location ? location : _("None set up yet"));
  if (self->signer != NULL)
    cz_certificate_group_show_signer (self->details, self->signer, NULL);
  else
    {
      cz_certificate_group_set_key_algorithm (self->details, NULL);
      cz_certificate_group_set_location (self->details, NULL);
      cz_certificate_group_set_certificate (self->details, remembered);
    }

  /* Only a signer set up before its certificate was kept needs unlocking to
   * be shown; once the certificate shows, the button would only repeat it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signer-window.unlock",
                                 location != NULL && self->signer == NULL && !self->remembered);
  gtk_widget_set_visible (self->unlock_button, self->signer == NULL && !self->remembered);
}

static void
cz_signer_window_set_signer (CzSignerWindow *self,
                             CzSigner       *signer,
                             const char     *location)
{
  if (g_set_object (&self->signer, signer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNER]);
  cz_signer_window_show (self, location);
}

static void
on_passphrase_signer (CzPassphraseDialog *dialog,
                      GParamSpec         *pspec,
                      CzSignerWindow     *self)
{
  CzSigner *signer = cz_passphrase_dialog_get_signer (dialog);
  const char *location = cz_passphrase_dialog_get_location (dialog);

  /* Kept for showing it without the passphrase next time. */
  cz_signer_settings_remember (location, signer);
  cz_signer_window_set_signer (self, signer, location);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CzSignerWindow *self = CZ_SIGNER_WINDOW (widget);
  g_autofree char *location = cz_signer_settings_dup_location ();
  GtkWidget *dialog;

  if (location == NULL)
    return;
  dialog = cz_passphrase_dialog_new (GTK_WINDOW (self), location);
  g_signal_connect_object (dialog, "notify::signer", G_CALLBACK (on_passphrase_signer), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_dialog_signer (CzSignerDialog *dialog,
                  GParamSpec     *pspec,
                  CzSignerWindow *self)
{
  cz_signer_window_set_signer (self, cz_signer_dialog_get_signer (dialog), cz_signer_dialog_get_location (dialog));
}

static void
set_up_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CzSignerWindow *self = CZ_SIGNER_WINDOW (widget);
  GtkWidget *dialog = cz_signer_dialog_new (GTK_WINDOW (self), self->department);

  g_signal_connect_object (dialog, "notify::signer", G_CALLBACK (on_dialog_signer), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cz_signer_window_constructed (GObject *object)
{
  CzSignerWindow *self = CZ_SIGNER_WINDOW (object);
  g_autofree char *location = cz_signer_settings_dup_location ();

  G_OBJECT_CLASS (cz_signer_window_parent_class)->constructed (object);

  cz_signer_window_show (self, location);
}

static void
cz_signer_window_dispose (GObject *object)
{
  CzSignerWindow *self = CZ_SIGNER_WINDOW (object);

  g_clear_object (&self->signer);
  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_SIGNER_WINDOW);

  G_OBJECT_CLASS (cz_signer_window_parent_class)->dispose (object);
}

static void
cz_signer_window_finalize (GObject *object)
{
  CzSignerWindow *self = CZ_SIGNER_WINDOW (object);

  g_free (self->department);

  G_OBJECT_CLASS (cz_signer_window_parent_class)->finalize (object);
}

static void
cz_signer_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CzSignerWindow *self = CZ_SIGNER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SIGNER:
      g_value_set_object (value, self->signer);
      break;
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_signer_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CzSignerWindow *self = CZ_SIGNER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SIGNER:
      g_set_object (&self->signer, g_value_get_object (value));
      break;
    case PROP_DEPARTMENT:
      self->department = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_signer_window_class_init (CzSignerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cz_signer_window_constructed;
  object_class->dispose = cz_signer_window_dispose;
  object_class->finalize = cz_signer_window_finalize;
  object_class->get_property = cz_signer_window_get_property;
  object_class->set_property = cz_signer_window_set_property;

  /* Construct-time value; afterwards it changes only when a signer is unlocked or set up. */
  properties[PROP_SIGNER] =
    g_param_spec_object ("signer", NULL, NULL, CZ_TYPE_SIGNER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPARTMENT] =
    g_param_spec_string ("department", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "signer-window.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "signer-window.set-up", NULL, set_up_action);

  g_type_ensure (CZ_TYPE_CERTIFICATE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/signer/cz-signer-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CzSignerWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, CzSignerWindow, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, CzSignerWindow, details);
}

static void
cz_signer_window_init (CzSignerWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cz_signer_window_new (GtkWindow  *parent,
                      CzSigner   *signer,
                      const char *department)
{
  return g_object_new (CZ_TYPE_SIGNER_WINDOW,
                       "transient-for", parent,
                       "signer", signer,
                       "department", department,
                       NULL);
}

CzSigner *
cz_signer_window_get_signer (CzSignerWindow *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER_WINDOW (self), NULL);
  return self->signer;
}

const char *
cz_signer_window_get_department (CzSignerWindow *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER_WINDOW (self), NULL);
  return self->department;
}
