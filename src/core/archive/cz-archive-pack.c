/* cz-archive-pack.c — packing a dossier into its signed archive
 *
 * Payload first (evidence, form, dossier.json), each file read once and hashed
 * while it streams into the ZIP (cz-zip-output.c); then the manifests and
 * bag-info, which need those hashes; then the signature over the tag
 * manifest. Everything that can be refused is refused before a byte is
 * written.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cz-archive-private.h"
#include "cz-bag.h"
#include "cz-content-fingerprint.h"
#include "cz-digest.h"
#include "cz-pack-private.h"
#include "cz-zip-output.h"

G_DEFINE_QUARK (cz-archive-error-quark, cz_archive_error)

/* ---------------------------------------------------------------------- */
/* The job                                                                  */

typedef struct
{
  /* inputs, read-only on the worker */
  JsonNode              *dossier_json;
  char                  *dossier_id;
  char                  *department;
  CzPackOptions         *options;
  CzSigner              *signer;
  GFile                 *destination;

  CzArchiveProgressFunc  progress;
  gpointer               progress_data;

  /* the plan (plan_payload) */
  JsonObject            *check;          /* in options->check */
  JsonObject            *rules;          /* in check */
  GDateTime             *signing_time;   /* whole seconds, UTC */
  char                  *time_text;
  const char            *organisation;
  char                  *bag_name;
  guint64                total;
  GPtrArray             *evidence_paths; /* bag paths, as options->evidence */
  GPtrArray             *evidence_pages; /* JsonNode: page ranges or null */

  /* what was written */
  CzZipOutput           *out;
  char                  *bagit_sha256;
  GPtrArray             *evidence_sha256;
  GArray                *evidence_sizes;
  char                  *form_sha256;
  guint64                form_size;
  GBytes                *tag_manifest;
} PackJob;

static void
pack_job_free (PackJob *job)
{
  g_clear_pointer (&job->dossier_json, json_node_unref);
  g_free (job->dossier_id);
  g_free (job->department);
  g_clear_pointer (&job->options, cz_pack_options_unref);
  g_clear_object (&job->signer);
  g_clear_object (&job->destination);
  g_clear_pointer (&job->signing_time, g_date_time_unref);
  g_free (job->time_text);
  g_free (job->bag_name);
  g_ptr_array_unref (job->evidence_paths);
  g_ptr_array_unref (job->evidence_pages);
  g_clear_pointer (&job->out, cz_zip_output_free);
  g_free (job->bagit_sha256);
  g_ptr_array_unref (job->evidence_sha256);
  g_array_unref (job->evidence_sizes);
  g_free (job->form_sha256);
  g_clear_pointer (&job->tag_manifest, g_bytes_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PackJob, pack_job_free)

static PackJob *
pack_job_new (CzDossier     *dossier,
              CzPackOptions *options,
              CzSigner      *signer,
              GFile         *destination)
{
  PackJob *job = g_new0 (PackJob, 1);
  const char *department = cz_dossier_get_text (dossier, "applicant.department");

  job->dossier_json = cz_dossier_to_json (dossier);
  job->dossier_id = g_strdup (cz_dossier_get_id (dossier));
  job->department = g_strdup (department);
  job->options = cz_pack_options_ref (options);
  job->signer = g_object_ref (signer);
  job->destination = g_object_ref (destination);
  job->evidence_paths = g_ptr_array_new_with_free_func (g_free);
  job->evidence_pages = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  job->evidence_sha256 = g_ptr_array_new_with_free_func (g_free);
  job->evidence_sizes = g_array_new (FALSE, TRUE, sizeof (guint64));
  return job;
}

/* ---------------------------------------------------------------------- */
/* Checks before anything is written                                        */

static const char *
object_get_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
check_allows_packing (JsonNode  *check,
                      GError   **error)
{
  JsonObject *object = check && JSON_NODE_HOLDS_OBJECT (check) ? json_node_get_object (check) : NULL;
  JsonObject *rules = object && json_object_has_member (object, "rules_pack")
                      ? json_object_get_object_member (object, "rules_pack") : NULL;
  JsonArray *findings = object && json_object_has_member (object, "findings")
                        ? json_object_get_array_member (object, "findings") : NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  guint n_blockers = 0;

  if (object_get_string (rules, "id") == NULL || findings == NULL)
    {
      g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_NOT_CHECKED,
                   _("The dossier has not been checked against a rules pack. Validate it, then pack again."));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonNode *node = json_array_get_element (findings, i);
      JsonObject *finding = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *field = object_get_string (finding, "field_id");

      if (g_strcmp0 (object_get_string (finding, "severity"), "blocker") != 0)
        continue;
      n_blockers++;
      g_string_append_printf (list, "\n• %s", object_get_string (finding, "message") ?: object_get_string (finding, "rule_id") ?: "?");
      if (field != NULL)
        g_string_append_printf (list, " (%s)", field);
    }

  if (n_blockers > 0)
    {
      g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_BLOCKERS,
                   /* TRANSLATORS: %u is the number of blockers, %s the list of them, one per line */
                   g_dngettext (GETTEXT_PACKAGE,
                                "The dossier cannot be packed while it has %u blocker. Fix it first:%s",
                                "The dossier cannot be packed while it has %u blockers. Fix them first:%s",
                                n_blockers),
                   n_blockers, list->str);
      return FALSE;
    }
  return TRUE;
}

/* "3-5, 8" → [{"from":3,"to":5},{"from":8,"to":8}]; NULL on nonsense. */
static JsonNode *
parse_pages (const char *pages)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) parts = g_strsplit (pages, ",", -1);

  json_builder_begin_array (builder);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) range = NULL;
      guint64 from, to;

      g_strstrip (parts[i]);
      range = g_strsplit_set (parts[i], "-–", 2);
      if (!g_ascii_string_to_unsigned (g_strstrip (range[0]), 10, 1, 100000, &from, NULL))
        return NULL;
      to = from;
      if (range[1] != NULL && !g_ascii_string_to_unsigned (g_strstrip (range[1]), 10, from, 100000, &to, NULL))
        return NULL;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "from");
      json_builder_add_int_value (builder, from);
      json_builder_set_member_name (builder, "to");
      json_builder_add_int_value (builder, to);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static char *
evidence_bag_path (CzPackEvidence *item,
                   guint         number,
                   GHashTable   *used)
{
  g_autofree char *criterion = cz_bag_safe_name (item->criterion);
  g_autofree char *basename = g_file_get_basename (item->file);
  g_autofree char *stem = NULL;
  g_autofree char *safe = NULL;
  char *path = NULL;

  if (item->title != NULL && item->title[0] != '\0')
    stem = g_strdup (item->title);
  else
    {
      g_autofree char *lower = g_ascii_strdown (basename, -1);

      stem = g_strdup (basename);
      if (g_str_has_suffix (lower, ".pdf") && strlen (stem) > 4)
        stem[strlen (stem) - 4] = '\0';
    }
  safe = cz_bag_safe_name (stem);

  for (guint suffix = 1; path == NULL; suffix++)
    {
      g_autofree char *candidate = suffix == 1
        ? g_strdup_printf ("data/evidence/%s/%02u-%s.pdf", criterion, number, safe)
        : g_strdup_printf ("data/evidence/%s/%02u-%s-%u.pdf", criterion, number, safe, suffix);
      g_autofree char *key = cz_archive_name_key (candidate);

      if (!g_hash_table_contains (used, key))
        {
          g_hash_table_add (used, g_steal_pointer (&key));
          path = g_steal_pointer (&candidate);
        }
    }
  return path;
}

static char *
format_time (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* ---------------------------------------------------------------------- */
/* The phases                                                               */

/* Refuses what can be refused before a byte is written: the check, each
 * evidence file and page citation; names every file in the bag. */
static gboolean
plan_payload (PackJob  *job,
              GError  **error)
{
  CzPackOptions *options = job->options;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) per_criterion = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) signing_time = NULL;
  g_autofree char *safe_id = NULL;

  if (!check_allows_packing (options->check, error))
    return FALSE;
  job->check = json_node_get_object (options->check);
  job->rules = json_object_get_object_member (job->check, "rules_pack");

  /* Whole seconds: that is what the signature and bag-info carry. */
  signing_time = options->signing_time ? g_date_time_to_utc (options->signing_time) : g_date_time_new_now_utc ();
  job->signing_time = g_date_time_new_from_unix_utc (g_date_time_to_unix (signing_time));
  job->time_text = format_time (job->signing_time);

  job->organisation = options->organisation ? options->organisation
                    : job->department && job->department[0] ? job->department
                    : cz_signer_get_organisation (job->signer) ? cz_signer_get_organisation (job->signer)
                    : cz_signer_get_common_name (job->signer);

  for (guint i = 0; i < options->evidence->len; i++)
    {
      CzPackEvidence *item = g_ptr_array_index (options->evidence, i);
      g_autofree char *name = g_file_get_parse_name (item->file);
      g_autofree char *path = g_file_get_path (item->file);
      guint number = GPOINTER_TO_UINT (g_hash_table_lookup (per_criterion, item->criterion)) + 1;
      JsonNode *pages = NULL;
      GStatBuf st;

      g_hash_table_insert (per_criterion, item->criterion, GUINT_TO_POINTER (number));
      if (path == NULL || g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_EVIDENCE,
                       _("The evidence file “%s” cannot be found. Attach it again."), name);
          return FALSE;
        }
      if (item->pages != NULL && (pages = parse_pages (item->pages)) == NULL)
        {
          g_set_error (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_EVIDENCE,
                       _("The page citation “%s” of “%s” is not a list of pages such as “3-5, 8”. Correct it."),
                       item->pages, name);
          return FALSE;
        }
      job->total += st.st_size;
      g_ptr_array_add (job->evidence_paths, evidence_bag_path (item, number, used));
      g_ptr_array_add (job->evidence_pages, pages ? pages : json_node_new (JSON_NODE_NULL));
    }
  if (options->form_bytes != NULL)
    job->total += g_bytes_get_size (options->form_bytes);
  for (guint i = 0; i < options->data_files->len; i++)
    job->total += g_bytes_get_size (((CzPackDataFile *) g_ptr_array_index (options->data_files, i))->bytes);

  safe_id = cz_bag_safe_name (job->dossier_id);
  job->bag_name = g_strdup_printf ("coopzone-%s", safe_id);
  return TRUE;
}

/* The temporary ZIP, and bagit.txt in it. */
static gboolean
open_zip (PackJob       *job,
          GCancellable  *cancellable,
          GError       **error)
{
  CzPackOptions *options = job->options;

  job->out = cz_zip_output_new (job->destination, job->bag_name, cancellable, job->progress, job->progress_data);
  cz_zip_output_add_total (job->out, job->total);
  if (!cz_zip_output_open (job->out, options->evidence->len > 0 || options->form_file != NULL, error))
    return FALSE;

  job->bagit_sha256 = cz_sha256_hex (CZ_BAG_DECLARATION, strlen (CZ_BAG_DECLARATION));
  return cz_zip_output_write_memory (job->out, "bagit.txt", CZ_BAG_DECLARATION, strlen (CZ_BAG_DECLARATION),
                                     TRUE, job->signing_time, error);
}

/* The evidence, then a form given as a file or bytes. */
static gboolean
write_payload (PackJob  *job,
               GError  **error)
{
  CzPackOptions *options = job->options;

  for (guint i = 0; i < options->evidence->len; i++)
    {
      CzPackEvidence *item = g_ptr_array_index (options->evidence, i);
      guint64 size = 0;
      char *hex = cz_zip_output_write_file (job->out, item->file, g_ptr_array_index (job->evidence_paths, i),
                                            job->signing_time, item->sha256, &size, error);

      if (hex == NULL)
        return FALSE;
      g_ptr_array_add (job->evidence_sha256, hex);
      g_array_append_val (job->evidence_sizes, size);
    }

  for (guint i = 0; i < options->data_files->len; i++)
    {
      CzPackDataFile *file = g_ptr_array_index (options->data_files, i);
      gsize length;
      const char *data = g_bytes_get_data (file->bytes, &length);
      g_autofree char *hex = cz_sha256_hex (data, length);

      if (!cz_zip_output_write_memory (job->out, file->path, data, length, TRUE, job->signing_time, error))
        return FALSE;
      cz_zip_output_add_to_manifest (job->out, file->path, hex, length);
      cz_zip_output_advance (job->out, length);
    }

  if (options->form_file != NULL)
    {
      job->form_sha256 = cz_zip_output_write_file (job->out, options->form_file, CZ_ARCHIVE_FORM_PATH,
                                                   job->signing_time, NULL, &job->form_size, error);
      if (job->form_sha256 == NULL)
        return FALSE;
    }
  else if (options->form_bytes != NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (options->form_bytes, &length);

      if (!cz_zip_output_write_memory (job->out, CZ_ARCHIVE_FORM_PATH, data, length, FALSE, job->signing_time, error))
        return FALSE;
      job->form_sha256 = cz_sha256_hex (data, length);
      job->form_size = length;
      cz_zip_output_add_to_manifest (job->out, CZ_ARCHIVE_FORM_PATH, job->form_sha256, length);
      cz_zip_output_advance (job->out, length);
    }
  return TRUE;
}

static void
add_evidence_index (PackJob     *job,
                    JsonBuilder *builder)
{
  CzPackOptions *options = job->options;

  json_builder_begin_array (builder);
  for (guint i = 0; i < options->evidence->len; i++)
    {
      CzPackEvidence *item = g_ptr_array_index (options->evidence, i);
      g_autofree char *basename = g_file_get_basename (item->file);
      g_autofree char *original = g_filename_display_name (basename);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "criterion");
      json_builder_add_string_value (builder, item->criterion);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, g_ptr_array_index (job->evidence_paths, i));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, item->title ? item->title : original);
      json_builder_set_member_name (builder, "original_name");
      json_builder_add_string_value (builder, original);
      json_builder_set_member_name (builder, "pages");
      json_builder_add_value (builder, json_node_copy (g_ptr_array_index (job->evidence_pages, i)));
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, g_ptr_array_index (job->evidence_sha256, i));
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, g_array_index (job->evidence_sizes, guint64, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_form_index (PackJob     *job,
                JsonBuilder *builder)
{
  if (job->options->form_func != NULL)
    {
      /* Rendered after dossier.json, with its fingerprint: no SHA-256 here. */
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, CZ_ARCHIVE_FORM_PATH);
      json_builder_end_object (builder);
    }
  else if (job->form_sha256 != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, CZ_ARCHIVE_FORM_PATH);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, job->form_sha256);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, job->form_size);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
}

/* dossier.json: every field, the check at signing time, the payload index. */
static JsonNode *
build_dossier_index (PackJob *job)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *check = job->check;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, CZ_ARCHIVE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CZ_ARCHIVE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "signing_time");
  json_builder_add_string_value (builder, job->time_text);
  json_builder_set_member_name (builder, "organisation");
  json_builder_add_string_value (builder, job->organisation);
  json_builder_set_member_name (builder, "dossier");
  json_builder_add_value (builder, json_node_copy (job->dossier_json));
  json_builder_set_member_name (builder, "rules_pack");
  json_builder_add_value (builder, json_node_copy (json_object_get_member (check, "rules_pack")));
  json_builder_set_member_name (builder, "findings");
  json_builder_add_value (builder, json_node_copy (json_object_get_member (check, "findings")));
  json_builder_set_member_name (builder, "score");
  json_builder_add_value (builder, json_object_has_member (check, "score")
                                   ? json_node_copy (json_object_get_member (check, "score"))
                                   : json_node_new (JSON_NODE_NULL));
  json_builder_set_member_name (builder, "evidence");
  add_evidence_index (job, builder);
  json_builder_set_member_name (builder, "application_form");
  add_form_index (job, builder);
  for (guint i = 0; i < job->options->data_files->len; i++)
    {
      CzPackDataFile *file = g_ptr_array_index (job->options->data_files, i);
      gsize length;
      const char *data = g_bytes_get_data (file->bytes, &length);
      g_autofree char *hex = cz_sha256_hex (data, length);

      json_builder_set_member_name (builder, file->key);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, file->path);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, hex);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, length);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
write_dossier_json (PackJob  *job,
                    GError  **error)
{
  g_autoptr(JsonNode) root = build_dossier_index (job);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;
  g_autofree char *sha256 = NULL;
  gsize length;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);
  data = g_strconcat (text, "\n", NULL);
  length++;
  sha256 = cz_sha256_hex (data, length);
  if (!cz_zip_output_write_memory (job->out, "data/dossier.json", data, length, TRUE, job->signing_time, error))
    return FALSE;
  cz_zip_output_add_to_manifest (job->out, "data/dossier.json", sha256, length);
  return TRUE;
}

/* The form last, when rendered here: it prints the fingerprint of
 * everything else. */
static gboolean
write_form_last (PackJob       *job,
                 GCancellable  *cancellable,
                 GError       **error)
{
  CzPackOptions *options = job->options;
  GPtrArray *manifest_lines = cz_zip_output_get_manifest_lines (job->out);
  g_autoptr(GString) lines = NULL;
  g_autoptr(GBytes) form = NULL;
  gsize length;
  const char *data;

  if (options->form_func == NULL)
    return TRUE;

  lines = g_string_new (NULL);
  for (guint i = 0; i < manifest_lines->len; i++)
    g_string_append (lines, g_ptr_array_index (manifest_lines, i));
  g_free (options->content_fingerprint);
  options->content_fingerprint = cz_archive_dup_content_fingerprint (lines->str, lines->len);
  form = options->form_func (job->dossier_json, options->content_fingerprint,
                             cz_signer_get_fingerprint (job->signer), options->form_func_data,
                             cancellable, error);
  if (form == NULL)
    return FALSE;
  data = g_bytes_get_data (form, &length);
  if (!cz_zip_output_write_memory (job->out, CZ_ARCHIVE_FORM_PATH, data, length, FALSE, job->signing_time, error))
    return FALSE;
  g_free (job->form_sha256);
  job->form_sha256 = cz_sha256_hex (data, length);
  cz_zip_output_add_to_manifest (job->out, CZ_ARCHIVE_FORM_PATH, job->form_sha256, length);
  return TRUE;
}

static GString *
build_bag_info (PackJob *job)
{
  GString *bag_info = g_string_new (NULL);
  g_autofree char *oxum = cz_bag_payload_oxum_format (cz_zip_output_get_payload_octets (job->out),
                                                      cz_zip_output_get_payload_files (job->out));
  g_autofree char *agent = g_strdup_printf ("CoopZone %s", PACKAGE_VERSION);
  g_autofree char *date = g_date_time_format (job->signing_time, "%Y-%m-%d");

  cz_bag_info_append (bag_info, "Source-Organization", job->organisation);
  cz_bag_info_append (bag_info, "Bagging-Date", date);
  cz_bag_info_append (bag_info, "Payload-Oxum", oxum);
  cz_bag_info_append (bag_info, "Bag-Software-Agent", agent);
  cz_bag_info_append (bag_info, "External-Identifier", job->dossier_id);
  cz_bag_info_append (bag_info, CZ_BAG_INFO_FORMAT, CZ_ARCHIVE_FORMAT " 1");
  cz_bag_info_append (bag_info, CZ_BAG_INFO_SIGNING_TIME, job->time_text);
  cz_bag_info_append (bag_info, CZ_BAG_INFO_RULES_PACK, object_get_string (job->rules, "id"));
  cz_bag_info_append (bag_info, CZ_BAG_INFO_RULES_PACK_SHA256, object_get_string (job->rules, "sha256") ?: "");
  cz_bag_info_append (bag_info, CZ_BAG_INFO_APP_VERSION, PACKAGE_VERSION);
  cz_bag_info_append (bag_info, CZ_BAG_INFO_APPLICATION_FORM,
                      job->form_sha256 ? "included" : "not included: no application form was provided");
  return bag_info;
}

/* manifest-sha256.txt, bag-info.txt and tagmanifest-sha256.txt over them. */
static gboolean
write_tag_files (PackJob  *job,
                 GError  **error)
{
  GPtrArray *manifest_lines = cz_zip_output_get_manifest_lines (job->out);
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autoptr(GString) bag_info = NULL;
  g_autoptr(GString) tag_manifest = g_string_new (NULL);
  g_autofree char *manifest_sha256 = NULL;
  g_autofree char *info_sha256 = NULL;

  g_ptr_array_sort (manifest_lines, cz_archive_compare_manifest_lines);
  for (guint i = 0; i < manifest_lines->len; i++)
    g_string_append (manifest, g_ptr_array_index (manifest_lines, i));
  manifest_sha256 = cz_sha256_hex (manifest->str, manifest->len);
  if (!cz_zip_output_write_memory (job->out, "manifest-sha256.txt", manifest->str, manifest->len, TRUE,
                                   job->signing_time, error))
    return FALSE;

  bag_info = build_bag_info (job);
  info_sha256 = cz_sha256_hex (bag_info->str, bag_info->len);
  if (!cz_zip_output_write_memory (job->out, "bag-info.txt", bag_info->str, bag_info->len, TRUE,
                                   job->signing_time, error))
    return FALSE;

  cz_bag_manifest_append (tag_manifest, info_sha256, "bag-info.txt");
  cz_bag_manifest_append (tag_manifest, job->bagit_sha256, "bagit.txt");
  cz_bag_manifest_append (tag_manifest, manifest_sha256, "manifest-sha256.txt");
  if (!cz_zip_output_write_memory (job->out, "tagmanifest-sha256.txt", tag_manifest->str, tag_manifest->len, TRUE,
                                   job->signing_time, error))
    return FALSE;
  job->tag_manifest = g_bytes_new (tag_manifest->str, tag_manifest->len);
  return TRUE;
}

static gboolean
sign_and_commit (PackJob  *job,
                 GError  **error)
{
  g_autoptr(GBytes) signature = cz_signer_sign_detached (job->signer, job->tag_manifest, job->signing_time, error);

  if (signature == NULL)
    return FALSE;
  if (!cz_zip_output_write_memory (job->out, CZ_BAG_SIGNATURE_PATH, g_bytes_get_data (signature, NULL),
                                   g_bytes_get_size (signature), FALSE, job->signing_time, error))
    return FALSE;
  if (!cz_zip_output_commit (job->out, error))
    return FALSE;
  g_free (job->options->fingerprint);
  job->options->fingerprint = cz_archive_dup_tag_manifest_fingerprint (job->tag_manifest);
  return TRUE;
}

static gboolean
pack_run (PackJob       *job,
          GCancellable  *cancellable,
          GError       **error)
{
  return plan_payload (job, error) &&
         open_zip (job, cancellable, error) &&
         write_payload (job, error) &&
         write_dossier_json (job, error) &&
         write_form_last (job, cancellable, error) &&
         write_tag_files (job, error) &&
         sign_and_commit (job, error);
}

gboolean
cz_archive_pack (CzDossier              *dossier,
                 CzPackOptions          *options,
                 CzSigner               *signer,
                 GFile                  *destination,
                 GCancellable           *cancellable,
                 CzArchiveProgressFunc   progress,
                 gpointer                progress_data,
                 GError                **error)
{
  g_autoptr(PackJob) job = NULL;

  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (CZ_IS_SIGNER (signer), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  job = pack_job_new (dossier, options, signer, destination);
  job->progress = progress;
  job->progress_data = progress_data;
  return pack_run (job, cancellable, error);
}

typedef struct
{
  PackJob         *job;
  CzProgressRelay *relay;
} PackTaskData;

static void
pack_task_data_free (PackTaskData *data)
{
  pack_job_free (data->job);
  if (data->relay != NULL)
    cz_progress_relay_unref (data->relay);
  g_free (data);
}

static void
pack_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PackTaskData *data = task_data;
  GError *error = NULL;

  if (pack_run (data->job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cz_archive_pack_async (CzDossier             *dossier,
                       CzPackOptions         *options,
                       CzSigner              *signer,
                       GFile                 *destination,
                       GCancellable          *cancellable,
                       CzArchiveProgressFunc  progress,
                       gpointer               progress_data,
                       GDestroyNotify         progress_data_free,
                       GAsyncReadyCallback    callback,
                       gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PackTaskData *data = g_new0 (PackTaskData, 1);

  data->job = pack_job_new (dossier, options, signer, destination);
  if (progress != NULL)
    {
      data->relay = cz_progress_relay_new (progress, progress_data, progress_data_free);
      data->job->progress = cz_progress_relay_report;
      data->job->progress_data = data->relay;
    }
  else if (progress_data_free != NULL)
    progress_data_free (progress_data);

  g_task_set_source_tag (task, cz_archive_pack_async);
  g_task_set_task_data (task, data, (GDestroyNotify) pack_task_data_free);
  g_task_run_in_thread (task, pack_thread);
}

gboolean
cz_archive_pack_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

