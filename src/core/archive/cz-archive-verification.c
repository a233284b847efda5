/* cz-archive-verification.c — what verifying an archive found, and its JSON
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-archive-verification-private.h"

G_DEFINE_FINAL_TYPE (CzArchiveVerification, cz_archive_verification, G_TYPE_OBJECT)

static void
cz_archive_verification_finalize (GObject *object)
{
  CzArchiveVerification *self = CZ_ARCHIVE_VERIFICATION (object);

  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->files);
  g_free (self->bag_name);
  g_free (self->signer_subject);
  g_free (self->signer_fingerprint);
  g_clear_pointer (&self->signer_certificate, g_bytes_unref);
  g_clear_pointer (&self->signing_time, g_date_time_unref);
  g_clear_pointer (&self->signer_not_before, g_date_time_unref);
  g_clear_pointer (&self->signer_not_after, g_date_time_unref);
  g_free (self->organisation);
  g_free (self->rules_pack_id);
  g_free (self->rules_pack_sha256);
  g_free (self->app_version);
  g_free (self->payload_oxum);
  g_free (self->tag_manifest_fingerprint);
  g_free (self->content_fingerprint);
  g_clear_pointer (&self->dossier_json, json_node_unref);

  G_OBJECT_CLASS (cz_archive_verification_parent_class)->finalize (object);
}

static void
cz_archive_verification_class_init (CzArchiveVerificationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cz_archive_verification_finalize;
}

static void
cz_archive_verification_init (CzArchiveVerification *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->problems, NULL);
  self->files = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->files, NULL);
}

void
cz_archive_verification_add_problem (CzArchiveVerification *self,
                                     CzArchiveCheck         check,
                                     const char            *format,
                                     ...)
{
  va_list args;

  self->failed |= check;
  va_start (args, format);
  g_ptr_array_insert (self->problems, self->problems->len - 1, g_strdup_vprintf (format, args));
  va_end (args);
}

gboolean
cz_archive_verification_get_valid (CzArchiveVerification *self)
{
  return self->failed == 0;
}

CzArchiveCheck
cz_archive_verification_get_failed_checks (CzArchiveVerification *self)
{
  return self->failed;
}

const char * const *
cz_archive_verification_get_problems (CzArchiveVerification *self)
{
  return (const char * const *) self->problems->pdata;
}

gboolean
cz_archive_verification_get_trust_checked (CzArchiveVerification *self)
{
  return self->trust_checked;
}

const char *
cz_archive_verification_get_bag_name (CzArchiveVerification *self)
{
  return self->bag_name;
}

const char *
cz_archive_verification_get_signer_subject (CzArchiveVerification *self)
{
  return self->signer_subject;
}

const char *
cz_archive_verification_get_signer_fingerprint (CzArchiveVerification *self)
{
  return self->signer_fingerprint;
}

GBytes *
cz_archive_verification_get_signer_certificate (CzArchiveVerification *self)
{
  return self->signer_certificate;
}

GDateTime *
cz_archive_verification_get_signing_time (CzArchiveVerification *self)
{
  return self->signing_time;
}

GDateTime *
cz_archive_verification_get_signer_not_before (CzArchiveVerification *self)
{
  return self->signer_not_before;
}

GDateTime *
cz_archive_verification_get_signer_not_after (CzArchiveVerification *self)
{
  return self->signer_not_after;
}

const char *
cz_archive_verification_get_organisation (CzArchiveVerification *self)
{
  return self->organisation;
}

const char *
cz_archive_verification_get_rules_pack_id (CzArchiveVerification *self)
{
  return self->rules_pack_id;
}

const char *
cz_archive_verification_get_rules_pack_sha256 (CzArchiveVerification *self)
{
  return self->rules_pack_sha256;
}

const char *
cz_archive_verification_get_app_version (CzArchiveVerification *self)
{
  return self->app_version;
}

const char *
cz_archive_verification_get_payload_oxum (CzArchiveVerification *self)
{
  return self->payload_oxum;
}

const char *
cz_archive_verification_get_tag_manifest_fingerprint (CzArchiveVerification *self)
{
  return self->tag_manifest_fingerprint;
}

const char *
cz_archive_verification_get_content_fingerprint (CzArchiveVerification *self)
{
  return self->content_fingerprint;
}

const char * const *
cz_archive_verification_get_files (CzArchiveVerification *self)
{
  return (const char * const *) self->files->pdata;
}

JsonNode *
cz_archive_verification_get_dossier_json (CzArchiveVerification *self)
{
  return self->dossier_json;
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
cz_archive_verification_to_json (CzArchiveVerification *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  static const struct { CzArchiveCheck check; const char *id; } checks[] = {
    { CZ_ARCHIVE_CHECK_SIGNATURE, "signature" },
    { CZ_ARCHIVE_CHECK_SIGNER_VALIDITY, "signer-validity" },
    { CZ_ARCHIVE_CHECK_TRUST, "trust" },
    { CZ_ARCHIVE_CHECK_TAG_MANIFEST, "tag-manifest" },
    { CZ_ARCHIVE_CHECK_MANIFEST, "manifest" },
    { CZ_ARCHIVE_CHECK_COMPLETE, "complete" },
    { CZ_ARCHIVE_CHECK_PAYLOAD_OXUM, "payload-oxum" },
    { CZ_ARCHIVE_CHECK_BAG_INFO, "bag-info" },
  };
  g_autofree char *time = self->signing_time ? g_date_time_format (self->signing_time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
  g_autofree char *not_before = self->signer_not_before ? g_date_time_format (self->signer_not_before, "%Y-%m-%dT%H:%M:%SZ") : NULL;
  g_autofree char *not_after = self->signer_not_after ? g_date_time_format (self->signer_not_after, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, self->failed == 0);
  json_builder_set_member_name (builder, "checks");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      json_builder_set_member_name (builder, checks[i].id);
      if (checks[i].check == CZ_ARCHIVE_CHECK_TRUST && !self->trust_checked)
        json_builder_add_string_value (builder, "not-checked");
      else
        json_builder_add_string_value (builder, (self->failed & checks[i].check) ? "failed" : "passed");
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < self->problems->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->problems, i));
  json_builder_end_array (builder);
  add_string_member (builder, "bag", self->bag_name);
  add_string_member (builder, "signer", self->signer_subject);
  add_string_member (builder, "signer_fingerprint_sha256", self->signer_fingerprint);
  add_string_member (builder, "signing_time", time);
  add_string_member (builder, "signer_not_before", not_before);
  add_string_member (builder, "signer_not_after", not_after);
  add_string_member (builder, "organisation", self->organisation);
  add_string_member (builder, "rules_pack", self->rules_pack_id);
  add_string_member (builder, "rules_pack_sha256", self->rules_pack_sha256);
  add_string_member (builder, "app_version", self->app_version);
  add_string_member (builder, "payload_oxum", self->payload_oxum);
  add_string_member (builder, "tag_manifest_fingerprint_sha256", self->tag_manifest_fingerprint);
  add_string_member (builder, "content_fingerprint_sha256", self->content_fingerprint);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < self->files->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->files, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
