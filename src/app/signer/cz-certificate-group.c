/* cz-certificate-group.c — a certificate's subject, issuer, validity, key and fingerprint
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-certificate-group.h"

struct _CzCertificateGroup
{
  AdwPreferencesGroup  parent_instance;

  CzCertificate       *certificate;
  char                *key_algorithm;
  char                *location;

  AdwActionRow        *subject_row;
  AdwActionRow        *issuer_row;
  AdwActionRow        *validity_row;
  AdwActionRow        *key_row;
  AdwActionRow        *fingerprint_row;
  AdwActionRow        *location_row;
};

G_DEFINE_FINAL_TYPE (CzCertificateGroup, cz_certificate_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CERTIFICATE,
  PROP_KEY_ALGORITHM,
  PROP_LOCATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
cz_certificate_group_update (CzCertificateGroup *self)
{
  CzCertificate *certificate = self->certificate;

  gtk_widget_set_visible (GTK_WIDGET (self), certificate != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->key_row), self->key_algorithm != NULL);
  adw_action_row_set_subtitle (self->key_row, self->key_algorithm ? self->key_algorithm : "");
  gtk_widget_set_visible (GTK_WIDGET (self->location_row), self->location != NULL);
  adw_action_row_set_subtitle (self->location_row, self->location ? self->location : "");
  if (certificate != NULL)
    {
      g_autofree char *not_before = g_date_time_format (cz_certificate_get_not_before (certificate), "%Y-%m-%d");
      g_autofree char *not_after = g_date_time_format (cz_certificate_get_not_after (certificate), "%Y-%m-%d");
      /* Translators: the validity of a certificate: from date to date */
      g_autofree char *validity = g_strdup_printf (_("%1$s to %2$s"), not_before, not_after);

      adw_action_row_set_subtitle (self->subject_row, cz_certificate_get_subject (certificate));
      adw_action_row_set_subtitle (self->issuer_row, cz_certificate_get_self_signed (certificate)
                                                     ? _("Self-signed (the department itself)")
                                                     : cz_certificate_get_issuer (certificate));
      adw_action_row_set_subtitle (self->validity_row, validity);
      adw_action_row_set_subtitle (self->fingerprint_row, cz_certificate_get_fingerprint (certificate));
    }
}

static void
cz_certificate_group_dispose (GObject *object)
{
  CzCertificateGroup *self = CZ_CERTIFICATE_GROUP (object);

  g_clear_object (&self->certificate);
  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_CERTIFICATE_GROUP);

  G_OBJECT_CLASS (cz_certificate_group_parent_class)->dispose (object);
}

static void
cz_certificate_group_finalize (GObject *object)
{
  CzCertificateGroup *self = CZ_CERTIFICATE_GROUP (object);

  g_free (self->key_algorithm);
  g_free (self->location);

  G_OBJECT_CLASS (cz_certificate_group_parent_class)->finalize (object);
}

static void
cz_certificate_group_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CzCertificateGroup *self = CZ_CERTIFICATE_GROUP (object);

  switch (prop_id)
    {
    case PROP_CERTIFICATE:
      g_value_set_object (value, self->certificate);
      break;
    case PROP_KEY_ALGORITHM:
      g_value_set_string (value, self->key_algorithm);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_certificate_group_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CzCertificateGroup *self = CZ_CERTIFICATE_GROUP (object);

  switch (prop_id)
    {
    case PROP_CERTIFICATE:
      cz_certificate_group_set_certificate (self, g_value_get_object (value));
      break;
    case PROP_KEY_ALGORITHM:
      cz_certificate_group_set_key_algorithm (self, g_value_get_string (value));
      break;
    case PROP_LOCATION:
      cz_certificate_group_set_location (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_certificate_group_class_init (CzCertificateGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_certificate_group_dispose;
  object_class->finalize = cz_certificate_group_finalize;
  object_class->get_property = cz_certificate_group_get_property;
  object_class->set_property = cz_certificate_group_set_property;

  properties[PROP_CERTIFICATE] =
    g_param_spec_object ("certificate", NULL, NULL, CZ_TYPE_CERTIFICATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY_ALGORITHM] =
    g_param_spec_string ("key-algorithm", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/signer/cz-certificate-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CzCertificateGroup, subject_row);
  gtk_widget_class_bind_template_child (widget_class, CzCertificateGroup, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, CzCertificateGroup, validity_row);
  gtk_widget_class_bind_template_child (widget_class, CzCertificateGroup, key_row);
  gtk_widget_class_bind_template_child (widget_class, CzCertificateGroup, fingerprint_row);
  gtk_widget_class_bind_template_child (widget_class, CzCertificateGroup, location_row);
}

static void
cz_certificate_group_init (CzCertificateGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cz_certificate_group_new (void)
{
  return g_object_new (CZ_TYPE_CERTIFICATE_GROUP, NULL);
}

void
cz_certificate_group_show_signer (CzCertificateGroup *self,
                                  CzSigner           *signer,
                                  const char         *location)
{
  g_autoptr(CzCertificate) certificate = NULL;

  g_return_if_fail (CZ_IS_CERTIFICATE_GROUP (self));

  if (signer != NULL)
    certificate = cz_certificate_new_from_bytes (cz_signer_get_certificate_der (signer), NULL, NULL);
  cz_certificate_group_set_key_algorithm (self, signer ? cz_signer_get_key_algorithm (signer) : NULL);
  cz_certificate_group_set_location (self, location);
  cz_certificate_group_set_certificate (self, certificate);
}

CzCertificate *
cz_certificate_group_get_certificate (CzCertificateGroup *self)
{
  g_return_val_if_fail (CZ_IS_CERTIFICATE_GROUP (self), NULL);
  return self->certificate;
}

void
cz_certificate_group_set_certificate (CzCertificateGroup *self,
                                      CzCertificate      *certificate)
{
  g_return_if_fail (CZ_IS_CERTIFICATE_GROUP (self));

  if (g_set_object (&self->certificate, certificate))
    {
      cz_certificate_group_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CERTIFICATE]);
    }
}

const char *
cz_certificate_group_get_key_algorithm (CzCertificateGroup *self)
{
  g_return_val_if_fail (CZ_IS_CERTIFICATE_GROUP (self), NULL);
  return self->key_algorithm;
}

void
cz_certificate_group_set_key_algorithm (CzCertificateGroup *self,
                                        const char         *key_algorithm)
{
  g_return_if_fail (CZ_IS_CERTIFICATE_GROUP (self));

  if (set_string (&self->key_algorithm, key_algorithm))
    {
      cz_certificate_group_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_ALGORITHM]);
    }
}

const char *
cz_certificate_group_get_location (CzCertificateGroup *self)
{
  g_return_val_if_fail (CZ_IS_CERTIFICATE_GROUP (self), NULL);
  return self->location;
}

void
cz_certificate_group_set_location (CzCertificateGroup *self,
                                   const char         *location)
{
  g_return_if_fail (CZ_IS_CERTIFICATE_GROUP (self));

  if (set_string (&self->location, location))
    {
      cz_certificate_group_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
    }
}
