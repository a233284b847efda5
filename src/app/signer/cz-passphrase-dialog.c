/* cz-passphrase-dialog.c — asks for the remembered signer's passphrase or PIN and opens it
 *
 * AdwMessageDialog closes itself before it says which response was chosen,
 * so reading the field in a "response" handler reads a destroyed entry. This
 * dialog refuses that close instead: the response decides whether the dialog
 * ends (Cancel, or the signer opened) or stays for another try.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-passphrase-dialog.h"

struct _CzPassphraseDialog
{
  AdwMessageDialog  parent_instance;

  char             *location;
  CzSigner         *signer;
  GCancellable     *cancellable;     /* set while the signer opens */
  guint             close_id;        /* closed without a response (Escape) */

  GtkWidget        *entry;
};

G_DEFINE_FINAL_TYPE (CzPassphraseDialog, cz_passphrase_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_LOCATION,
  PROP_SIGNER,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
cz_passphrase_dialog_dup_prompt (CzPassphraseDialog *self)
{
  g_autofree char *basename = NULL;

  if (cz_signer_location_is_token (self->location))
    /* Translators: asked before signing with a key on a USB token */
    return g_strdup (_("Enter the PIN of the USB key that holds the department’s signing key."));
  basename = g_path_get_basename (self->location);
  /* Translators: %s is the name of the certificate file (.p12) */
  return g_strdup_printf (_("Enter the passphrase of the department certificate “%s”. It is used only now and is not kept."),
                          basename);
}

/* GTK 4.8's password entry keeps a focus handler that outlives it: a dialog
 * destroyed with the focus still in the field runs that handler on a freed
 * entry ("invalid unclassed pointer in cast to 'GtkPasswordEntry'"). Take
 * the focus away first. */
static void
cz_passphrase_dialog_close_now (CzPassphraseDialog *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cz_passphrase_dialog_set_busy (CzPassphraseDialog *self,
                               gboolean            busy)
{
  if (busy == (self->cancellable != NULL))
    return;
  if (busy)
    self->cancellable = g_cancellable_new ();
  else
    g_clear_object (&self->cancellable);
  /* The field stays sensitive, so it keeps the focus for another try. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "unlock", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Said above the prompt after a refusal. The file's own path is where
 * CoopZone keeps its copy: the person knows it by its name. */
static char *
cz_passphrase_dialog_dup_problem (CzPassphraseDialog *self,
                                  const GError       *error)
{
  if (g_error_matches (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PASSPHRASE))
    {
      g_autofree char *basename = g_path_get_basename (self->location);

      return g_strdup_printf (_("The passphrase does not open “%s”. Check the passphrase and try again."), basename);
    }
  return g_strdup (error->message);
}

static void
on_signer_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CzPassphraseDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CzSigner) signer = cz_signer_open_finish (result, &error);
  g_autofree char *problem = NULL;
  g_autofree char *prompt = NULL;
  g_autofree char *body = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  cz_passphrase_dialog_set_busy (self, FALSE);
  if (signer != NULL)
    {
      self->signer = g_steal_pointer (&signer);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNER]);
      cz_passphrase_dialog_close_now (self);
      return;
    }

  problem = cz_passphrase_dialog_dup_problem (self, error);
  prompt = cz_passphrase_dialog_dup_prompt (self);
  body = g_strdup_printf ("%s\n\n%s", problem, prompt);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  gtk_widget_grab_focus (self->entry);
}

static void
cz_passphrase_dialog_unlock (CzPassphraseDialog *self)
{
  if (self->cancellable != NULL)
    return;
  cz_passphrase_dialog_set_busy (self, TRUE);
  cz_signer_open_async (self->location, gtk_editable_get_text (GTK_EDITABLE (self->entry)),
                        self->cancellable, on_signer_opened, g_object_ref (self));
}

static void
cz_passphrase_dialog_response (AdwMessageDialog *dialog,
                               const char       *response)
{
  CzPassphraseDialog *self = CZ_PASSPHRASE_DIALOG (dialog);

  g_clear_handle_id (&self->close_id, g_source_remove);
  if (g_str_equal (response, "unlock"))
    {
      cz_passphrase_dialog_unlock (self);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  cz_passphrase_dialog_close_now (self);
}

static gboolean
cz_passphrase_dialog_closed_without_response (gpointer data)
{
  CzPassphraseDialog *self = data;

  self->close_id = 0;
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "cancel");
  return G_SOURCE_REMOVE;
}

/* A response button closes the dialog before its response is emitted: stay
 * open, and let the response decide. Closed any other way (Escape), no
 * response follows: that is a cancel, a moment later. */
static gboolean
cz_passphrase_dialog_close_request (GtkWindow *window)
{
  CzPassphraseDialog *self = CZ_PASSPHRASE_DIALOG (window);

  if (self->close_id == 0)
    self->close_id = g_idle_add (cz_passphrase_dialog_closed_without_response, self);
  return TRUE;
}

static void
cz_passphrase_dialog_constructed (GObject *object)
{
  CzPassphraseDialog *self = CZ_PASSPHRASE_DIALOG (object);
  gboolean token = cz_signer_location_is_token (self->location);
  g_autofree char *prompt = cz_passphrase_dialog_dup_prompt (self);

  G_OBJECT_CLASS (cz_passphrase_dialog_parent_class)->constructed (object);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self),
                                  token ? _("Unlock the USB Key") : _("Unlock the Signing Certificate"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), prompt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  token ? _("PIN") : _("Passphrase"), -1);
  gtk_widget_grab_focus (self->entry);
}

static void
cz_passphrase_dialog_dispose (GObject *object)
{
  CzPassphraseDialog *self = CZ_PASSPHRASE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->close_id, g_source_remove);
  g_clear_object (&self->signer);
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_PASSPHRASE_DIALOG);

  G_OBJECT_CLASS (cz_passphrase_dialog_parent_class)->dispose (object);
}

static void
cz_passphrase_dialog_finalize (GObject *object)
{
  CzPassphraseDialog *self = CZ_PASSPHRASE_DIALOG (object);

  g_free (self->location);

  G_OBJECT_CLASS (cz_passphrase_dialog_parent_class)->finalize (object);
}

static void
cz_passphrase_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CzPassphraseDialog *self = CZ_PASSPHRASE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_SIGNER:
      g_value_set_object (value, self->signer);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_passphrase_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CzPassphraseDialog *self = CZ_PASSPHRASE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LOCATION:
      self->location = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_passphrase_dialog_class_init (CzPassphraseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->constructed = cz_passphrase_dialog_constructed;
  object_class->dispose = cz_passphrase_dialog_dispose;
  object_class->finalize = cz_passphrase_dialog_finalize;
  object_class->get_property = cz_passphrase_dialog_get_property;
  object_class->set_property = cz_passphrase_dialog_set_property;
  window_class->close_request = cz_passphrase_dialog_close_request;
  dialog_class->response = cz_passphrase_dialog_response;

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNER] =
    g_param_spec_object ("signer", NULL, NULL, CZ_TYPE_SIGNER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/signer/cz-passphrase-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CzPassphraseDialog, entry);
}

static void
cz_passphrase_dialog_init (CzPassphraseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    /* Translators: button that opens the certificate with the passphrase */
                                    "unlock", _("_Unlock"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "unlock", ADW_RESPONSE_SUGGESTED);
}

GtkWidget *
cz_passphrase_dialog_new (GtkWindow  *parent,
                          const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  return g_object_new (CZ_TYPE_PASSPHRASE_DIALOG,
                       "transient-for", parent,
                       "location", location,
                       NULL);
}

const char *
cz_passphrase_dialog_get_location (CzPassphraseDialog *self)
{
  g_return_val_if_fail (CZ_IS_PASSPHRASE_DIALOG (self), NULL);
  return self->location;
}

CzSigner *
cz_passphrase_dialog_get_signer (CzPassphraseDialog *self)
{
  g_return_val_if_fail (CZ_IS_PASSPHRASE_DIALOG (self), NULL);
  return self->signer;
}

gboolean
cz_passphrase_dialog_get_busy (CzPassphraseDialog *self)
{
  g_return_val_if_fail (CZ_IS_PASSPHRASE_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}
