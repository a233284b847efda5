/* cz-dossier-info.c — a row of the dossier list
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cz-store-private.h"

struct _CzDossierInfo
{
  GObject    parent_instance;
  char      *id;
  char      *title;
  char      *zone_name;
  char      *display_name;
  GDateTime *created;
  GDateTime *modified;
};

G_DEFINE_FINAL_TYPE (CzDossierInfo, cz_dossier_info, G_TYPE_OBJECT)

enum {
  INFO_PROP_0,
  INFO_PROP_ID,
  INFO_PROP_TITLE,
  INFO_PROP_ZONE_NAME,
  INFO_PROP_DISPLAY_NAME,
  INFO_PROP_CREATED,
  INFO_PROP_MODIFIED,
  INFO_N_PROPS
};

static GParamSpec *info_properties[INFO_N_PROPS];

static void
cz_dossier_info_finalize (GObject *object)
{
  CzDossierInfo *self = (CzDossierInfo *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->zone_name);
  g_free (self->display_name);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (cz_dossier_info_parent_class)->finalize (object);
}

static void
cz_dossier_info_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CzDossierInfo *self = CZ_DOSSIER_INFO (object);

  switch (prop_id)
    {
    case INFO_PROP_ID: g_value_set_string (value, self->id); break;
    case INFO_PROP_TITLE: g_value_set_string (value, self->title); break;
    case INFO_PROP_ZONE_NAME: g_value_set_string (value, self->zone_name); break;
    case INFO_PROP_DISPLAY_NAME: g_value_set_string (value, self->display_name); break;
    case INFO_PROP_CREATED: g_value_set_boxed (value, self->created); break;
    case INFO_PROP_MODIFIED: g_value_set_boxed (value, self->modified); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_dossier_info_class_init (CzDossierInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cz_dossier_info_finalize;
  object_class->get_property = cz_dossier_info_get_property;

  info_properties[INFO_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  info_properties[INFO_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  info_properties[INFO_PROP_ZONE_NAME] = g_param_spec_string ("zone-name", NULL, NULL, NULL, flags);
  info_properties[INFO_PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  info_properties[INFO_PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, flags);
  info_properties[INFO_PROP_MODIFIED] = g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, flags);
  g_object_class_install_properties (object_class, INFO_N_PROPS, info_properties);
}

static void
cz_dossier_info_init (CzDossierInfo *self)
{
}

const char *cz_dossier_info_get_id (CzDossierInfo *self) { return self->id; }
const char *cz_dossier_info_get_title (CzDossierInfo *self) { return self->title; }
const char *cz_dossier_info_get_zone_name (CzDossierInfo *self) { return self->zone_name; }
const char *cz_dossier_info_get_display_name (CzDossierInfo *self) { return self->display_name; }
GDateTime *cz_dossier_info_get_created (CzDossierInfo *self) { return self->created; }
GDateTime *cz_dossier_info_get_modified (CzDossierInfo *self) { return self->modified; }

void
cz_audit_entry_free (CzAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->dossier_id);
  g_free (entry->action);
  g_free (entry->field_id);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->changed_at);
  g_free (entry);
}

CzDossierInfo *
cz_dossier_info_new (const char *id,
                     const char *title,
                     const char *zone_name,
                     GDateTime  *created,
                     GDateTime  *modified)
{
  CzDossierInfo *self = g_object_new (CZ_TYPE_DOSSIER_INFO, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->zone_name = g_strdup (zone_name);
  self->created = created ? g_date_time_ref (created) : NULL;
  self->modified = modified ? g_date_time_ref (modified) : NULL;
  if (title != NULL && title[0] != '\0')
    self->display_name = g_strdup (title);
  else if (zone_name != NULL)
    self->display_name = g_strdup (zone_name);
  else
    self->display_name = g_strdup (_("Untitled dossier"));
  return self;
}
