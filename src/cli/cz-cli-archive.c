/* cz-cli-archive.c — coopzone-cli signer, pack and verify
 *
 * A passphrase or PIN is only ever read from a file named on the command line
 * (--passphrase-file, --pin-file), never taken as an argument, so it appears
 * neither in the process list nor in shell history.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "cz-archive.h"
#include "cz-archive-check.h"
#include "cz-archive-dossier.h"
#include "cz-evidence.h"
#include "cz-fields.h"
#include "cz-form.h"
#include "cz-rules.h"
#include "cz-rules-catalog.h"
#include "cz-signer.h"

#include "cz-stored-roster.h"

#include "cz-cli.h"
#include "cz-cli-archive.h"

#define EXIT_INVALID 1

/* The first line of @path, without its line end. */
static char *
read_secret_file (const char  *path,
                  GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *end;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  end = strpbrk (contents, "\r\n");
  if (end != NULL)
    *end = '\0';
  return g_steal_pointer (&contents);
}

static void
secret_free (char *secret)
{
  if (secret != NULL)
    {
      memset (secret, 0, strlen (secret));
      g_free (secret);
    }
}

typedef char CzSecret;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzSecret, secret_free)

static char *
format_utc (GDateTime *time)
{
  return time ? g_date_time_format (time, "%Y-%m-%d %H:%M:%S UTC") : g_strdup ("-");
}

static void
print_signer (CzSigner *signer)
{
  g_autofree char *from = format_utc (cz_signer_get_not_before (signer));
  g_autofree char *until = format_utc (cz_signer_get_not_after (signer));

  g_print ("%s%s%s\n", _("Subject"), cz_cli_colon (), cz_signer_get_subject (signer));
  g_print ("%s%s%s\n", _("Key"), cz_cli_colon (), cz_signer_get_key_algorithm (signer));
  g_print ("%s%s%s — %s\n", _("Valid"), cz_cli_colon (), from, until);
  g_print ("%s%s%s\n", _("SHA-256 fingerprint"), cz_cli_colon (), cz_signer_get_fingerprint (signer));
}

/* ---------------------------------------------------------------------- */
/* signer                                                                   */

static int
signer_create (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzSecret) passphrase = NULL;
  g_autoptr(CzSigner) signer = NULL;
  g_autoptr(GFile) out = NULL;
  const char *name = NULL, *out_path = NULL, *passphrase_file = NULL;
  CzSignerKeyType key_type = CZ_SIGNER_KEY_ECDSA_P256;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--name") && i + 1 < argc)
        name = argv[++i];
      else if (g_str_equal (argv[i], "--out") && i + 1 < argc)
        out_path = argv[++i];
      else if (g_str_equal (argv[i], "--passphrase-file") && i + 1 < argc)
        passphrase_file = argv[++i];
      else if (g_str_equal (argv[i], "--rsa"))
        key_type = CZ_SIGNER_KEY_RSA_3072;
      else
        return cz_cli_fail (_("Unknown option “%1$s” for %2$s."), argv[i], "signer create");
    }
  if (name == NULL || out_path == NULL || passphrase_file == NULL)
    return cz_cli_fail (_("Usage: coopzone-cli signer create --name DEPARTMENT --out FILE.p12 --passphrase-file FILE [--rsa]"));

  passphrase = read_secret_file (passphrase_file, &error);
  if (passphrase == NULL)
    return cz_cli_fail (_("Could not read the passphrase file: %s"), error->message);

  signer = cz_signer_create_department (name, key_type, NULL, &error);
  if (signer == NULL)
    return cz_cli_fail ("%s", error->message);
  out = g_file_new_for_commandline_arg (out_path);
  if (!cz_signer_save_pkcs12 (signer, out, passphrase, NULL, &error))
    return cz_cli_fail ("%s", error->message);

  print_signer (signer);
  return 0;
}

static int
signer_import (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzSecret) passphrase = NULL;
  g_autoptr(CzSigner) signer = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) imported = NULL;
  g_autofree char *imported_path = NULL;
  const char *path = NULL, *passphrase_file = NULL;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--passphrase-file") && i + 1 < argc)
        passphrase_file = argv[++i];
      else if (argv[i][0] != '-' && path == NULL)
        path = argv[i];
      else
        return cz_cli_fail (_("Unknown option “%1$s” for %2$s."), argv[i], "signer import");
    }
  if (path == NULL || passphrase_file == NULL)
    return cz_cli_fail (_("Usage: coopzone-cli signer import FILE.p12 --passphrase-file FILE"));

  passphrase = read_secret_file (passphrase_file, &error);
  if (passphrase == NULL)
    return cz_cli_fail (_("Could not read the passphrase file: %s"), error->message);

  file = g_file_new_for_commandline_arg (path);
  signer = cz_signer_import_pkcs12_file (file, passphrase, NULL, &imported, NULL, &error);
  if (signer == NULL)
    return cz_cli_fail ("%s", error->message);

  imported_path = g_file_get_path (imported);
  print_signer (signer);
  g_print ("%s%s%s\n", _("Imported to"), cz_cli_colon (), imported_path);
  return 0;
}

static int
signer_show (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzSecret) passphrase = NULL;
  g_autoptr(CzSigner) signer = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *chosen = NULL;
  const char *path = NULL, *passphrase_file = NULL;
  gboolean pem = FALSE;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--passphrase-file") && i + 1 < argc)
        passphrase_file = argv[++i];
      else if (g_str_equal (argv[i], "--pem"))
        pem = TRUE;
      else if (argv[i][0] != '-' && path == NULL)
        path = argv[i];
      else
        return cz_cli_fail (_("Unknown option “%1$s” for %2$s."), argv[i], "signer show");
    }

  /* No file: the one signer imported into the user's data folder. */
  if (path == NULL)
    {
      g_autofree char *dir_path = cz_signer_dup_default_dir ();
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));
      if (names->len == 0)
        return cz_cli_fail (_("No signer has been imported. Use “coopzone-cli signer import FILE.p12” or name a file."));
      if (names->len > 1)
        {
          for (guint i = 0; i < names->len; i++)
            g_print ("%s\n", (char *) g_ptr_array_index (names, i));
          return cz_cli_fail (_("Several signers are imported: name the file to show."));
        }
      path = chosen = g_strdup (g_ptr_array_index (names, 0));
    }

  if (passphrase_file != NULL)
    {
      passphrase = read_secret_file (passphrase_file, &error);
      if (passphrase == NULL)
        return cz_cli_fail (_("Could not read the passphrase file: %s"), error->message);
    }

  file = g_file_new_for_commandline_arg (path);
  signer = cz_signer_new_from_pkcs12_file (file, passphrase, NULL, &error);
  if (signer == NULL)
    {
      if (passphrase == NULL && g_error_matches (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PASSPHRASE))
        return cz_cli_fail (_("“%s” is protected by a passphrase: give it with --passphrase-file FILE."), path);
      return cz_cli_fail ("%s", error->message);
    }
  /* The certificate alone, to hand to whoever verifies the archives. */
  if (pem)
    {
      g_autofree char *text = cz_signer_dup_certificate_pem (signer);
      g_print ("%s", text);
      return 0;
    }
  g_print ("%s%s%s\n", _("File"), cz_cli_colon (), path);
  print_signer (signer);
  return 0;
}

int
command_signer (CliContext  *ctx,
                int          argc,
                char       **argv)
{
  if (g_str_equal (argv[0], "create"))
    return signer_create (argc - 1, argv + 1);
  if (g_str_equal (argv[0], "import"))
    return signer_import (argc - 1, argv + 1);
  if (g_str_equal (argv[0], "show"))
    return signer_show (argc - 1, argv + 1);
  return cz_cli_fail (_("Unknown signer command “%s”: use create, import or show."), argv[0]);
}

/* ---------------------------------------------------------------------- */
/* pack                                                                     */

static void
print_blockers (JsonNode *check)
{
  JsonArray *findings = json_object_get_array_member (json_node_get_object (check), "findings");

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      const char *field = json_object_get_string_member_with_default (finding, "field_id", NULL);

      if (g_strcmp0 (json_object_get_string_member_with_default (finding, "severity", NULL), "blocker") != 0)
        continue;
      g_printerr ("  • %s%s%s%s\n", json_object_get_string_member_with_default (finding, "message", ""),
                  field ? " (" : "", field ? field : "", field ? ")" : "");
    }
}

static void
print_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  int *last = user_data;
  int percent = total ? (int) (done * 100 / total) : 100;

  if (percent / 10 != *last / 10)
    g_printerr ("\r%3d%%", percent);
  *last = percent;
}

/* What `pack` was asked to do. */
typedef struct
{
  const char *dossier;
  const char *out;
  const char *signer;
  const char *passphrase_file;
  const char *pkcs11_uri;
  const char *pin_file;
  const char *rules;
  const char *form;
  const char *signing_time;
  gboolean    quiet;
} PackArgs;

static int
parse_pack_args (int        argc,
                 char     **argv,
                 PackArgs  *args)
{
  for (int i = 0; i < argc; i++)
    {
      const char *next = i + 1 < argc ? argv[i + 1] : NULL;

      if (g_str_equal (argv[i], "--out") && next)
        args->out = argv[++i];
      else if (g_str_equal (argv[i], "--signer") && next)
        args->signer = argv[++i];
      else if (g_str_equal (argv[i], "--passphrase-file") && next)
        args->passphrase_file = argv[++i];
      else if (g_str_equal (argv[i], "--pkcs11-uri") && next)
        args->pkcs11_uri = argv[++i];
      else if (g_str_equal (argv[i], "--pin-file") && next)
        args->pin_file = argv[++i];
      else if (g_str_equal (argv[i], "--rules") && next)
        args->rules = argv[++i];
      else if (g_str_equal (argv[i], "--form") && next)
        args->form = argv[++i];
      else if (g_str_equal (argv[i], "--signing-time") && next)
        args->signing_time = argv[++i];
      else if (g_str_equal (argv[i], "--quiet"))
        args->quiet = TRUE;
      else if (argv[i][0] != '-' && args->dossier == NULL)
        args->dossier = argv[i];
      else
        return cz_cli_fail (_("Unknown option “%1$s” for %2$s."), argv[i], "pack");
    }
  if (args->dossier == NULL || args->out == NULL ||
      !((args->signer != NULL && args->passphrase_file != NULL && args->pkcs11_uri == NULL) ||
        (args->pkcs11_uri != NULL && args->pin_file != NULL && args->signer == NULL)))
    return cz_cli_fail (_("Usage: coopzone-cli pack ID|FILE.json --out OUT.zip (--signer FILE.p12 --passphrase-file FILE | --pkcs11-uri URI --pin-file FILE)"));
  args->quiet = args->quiet || !isatty (STDERR_FILENO);
  return 0;
}

/* The options for @dossier, checked now; NULL, with the blockers printed
 * and *status set, when the check refuses it. */
static CzPackOptions *
prepare_pack (CliContext      *ctx,
              const PackArgs  *args,
              CzDossier      **dossier_out,
              int             *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = NULL;
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(CzRules) rules = NULL;
  g_autoptr(CzEvidenceStore) evidence = NULL;
  g_autoptr(CzPackOptions) options = NULL;
  g_autofree char *database = NULL;
  JsonNode *check;
  guint n_blockers;

  dossier = cz_cli_load_dossier_argument (ctx, args->dossier, &store, &error);
  if (dossier == NULL)
    {
      *status = cz_cli_fail ("%s", error->message);
      return NULL;
    }
  rules = cz_cli_load_rules (args->rules, dossier, &error);
  if (rules == NULL)
    {
      *status = cz_cli_fail ("%s", error->message);
      return NULL;
    }

  /* Evidence lives beside the store's database; a dossier from a file uses
   * the store it would be imported into. */
  database = store ? g_strdup (cz_store_get_path (store))
                   : ctx->store_path ? g_strdup (ctx->store_path) : cz_store_dup_default_path ();
  evidence = cz_evidence_store_new_for_database (database);
  options = cz_pack_options_new_for_dossier (evidence, dossier, rules);
  if (store != NULL && !cz_stored_roster_add_to_pack (options, store, dossier, &error))
    {
      *status = cz_cli_fail ("%s", error->message);
      return NULL;
    }
  check = cz_pack_options_get_check (options);
  n_blockers = cz_archive_check_count_blockers (check);
  if (n_blockers > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "coopzone-cli: the dossier cannot be packed while it has %u blocker:\n",
                               "coopzone-cli: the dossier cannot be packed while it has %u blockers:\n",
                               n_blockers), n_blockers);
      print_blockers (check);
      *status = EXIT_BLOCKERS;
      return NULL;
    }
  /* Packing seals the pack in use in: the dossier (and its archive) say which. */
  cz_rules_record_in_dossier (rules, dossier);

  *dossier_out = g_steal_pointer (&dossier);
  return g_steal_pointer (&options);
}

/* The signer from a PKCS#12 file or a token, its secret read from a file. */
static CzSigner *
open_pack_signer (const PackArgs  *args,
                  GError         **error)
{
  g_autoptr(CzSecret) secret = NULL;
  g_autoptr(GError) local_error = NULL;

  secret = read_secret_file (args->signer ? args->passphrase_file : args->pin_file, &local_error);
  if (secret == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   args->signer ? _("Could not read the passphrase file: %s") : _("Could not read the PIN file: %s"),
                   local_error->message);
      return NULL;
    }
  if (args->signer != NULL)
    {
      g_autoptr(GFile) signer_file = g_file_new_for_commandline_arg (args->signer);
      return cz_signer_new_from_pkcs12_file (signer_file, secret, NULL, error);
    }
  return cz_signer_new_from_pkcs11 (args->pkcs11_uri, secret, error);
}

static void
print_packed (const PackArgs *args,
              CzPackOptions  *options,
              CzSigner       *signer)
{
  g_print ("%s%s%s\n", _("Archive"), cz_cli_colon (), args->out);
  g_print ("%s%s%s\n", _("Signer"), cz_cli_colon (), cz_signer_get_subject (signer));
  g_print ("%s%s%s\n", _("Signer SHA-256 fingerprint"), cz_cli_colon (), cz_signer_get_fingerprint (signer));
  g_print ("%s%s%s\n", _("Tag manifest SHA-256"), cz_cli_colon (), cz_pack_options_get_tag_manifest_fingerprint (options));
  if (cz_pack_options_get_content_fingerprint (options) != NULL)
    g_print ("%s%s%s\n", _("Content fingerprint (on the form)"), cz_cli_colon (), cz_pack_options_get_content_fingerprint (options));
}

int
command_pack (CliContext  *ctx,
              int          argc,
              char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = NULL;
  g_autoptr(CzSigner) signer = NULL;
  g_autoptr(CzPackOptions) options = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GDateTime) signing_time = NULL;
  PackArgs args = { NULL };
  int last_percent = -10;
  int status;

  if ((status = parse_pack_args (argc, argv, &args)) != 0)
    return status;
  if (args.signing_time != NULL && (signing_time = g_date_time_new_from_iso8601 (args.signing_time, NULL)) == NULL)
    return cz_cli_fail (_("“%s” is not a time such as 2026-05-20T09:30:00Z."), args.signing_time);

  options = prepare_pack (ctx, &args, &dossier, &status);
  if (options == NULL)
    return status;
  signer = open_pack_signer (&args, &error);
  if (signer == NULL)
    return cz_cli_fail ("%s", error->message);

  cz_pack_options_set_signing_time (options, signing_time);
  if (args.form != NULL)
    {
      g_autoptr(GFile) form = g_file_new_for_commandline_arg (args.form);
      cz_pack_options_set_application_form_file (options, form);
    }

  out = g_file_new_for_commandline_arg (args.out);
  if (!cz_archive_pack (dossier, options, signer, out, NULL, args.quiet ? NULL : print_progress, &last_percent, &error))
    {
      if (!args.quiet)
        g_printerr ("\n");
      return cz_cli_fail ("%s", error->message);
    }
  if (!args.quiet)
    g_printerr ("\n");

  print_packed (&args, options, signer);
  return 0;
}

/* ---------------------------------------------------------------------- */
/* verify                                                                   */

static void
print_refusal_json (const GError *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  static const char * const codes[] = {
    "failed", "blockers", "not-checked", "evidence", "write", "read", "not-a-zip", "truncated", "corrupt",
    "path-traversal", "absolute-path", "symlink", "hardlink", "special-file", "duplicate-name",
    "name-collision", "name-not-utf8", "zip-bomb", "not-a-bag", "unsupported", "inconsistent",
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "refused");
  json_builder_add_string_value (builder, error->code >= 0 && (gsize) error->code < G_N_ELEMENTS (codes)
                                          ? codes[error->code] : "failed");
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, error->message);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  cz_cli_print_json (root);
}

static int
parse_verify_args (int           argc,
                   char        **argv,
                   const char  **archive_path,
                   const char  **ca_path,
                   gboolean     *json)
{
  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        *json = TRUE;
      else if (g_str_equal (argv[i], "--ca") && i + 1 < argc)
        *ca_path = argv[++i];
      else if (argv[i][0] != '-' && *archive_path == NULL)
        *archive_path = argv[i];
      else
        return cz_cli_fail (_("Unknown option “%1$s” for %2$s."), argv[i], "verify");
    }
  if (*archive_path == NULL)
    return cz_cli_fail (_("Usage: coopzone-cli verify ARCHIVE.zip [--json] [--ca CERT.pem]"));
  return 0;
}

static void
print_verification_text (CzArchiveVerification *result,
                         const char            *archive_path)
{
  g_autofree char *time = format_utc (cz_archive_verification_get_signing_time (result));
  g_autofree char *from = format_utc (cz_archive_verification_get_signer_not_before (result));
  g_autofree char *until = format_utc (cz_archive_verification_get_signer_not_after (result));
  const char * const *files = cz_archive_verification_get_files (result);
  const char * const *problems = cz_archive_verification_get_problems (result);

  g_print ("%s\n", cz_archive_verification_get_valid (result) ? _("VALID") : _("INVALID"));
  g_print ("%s%s%s\n", _("Archive"), cz_cli_colon (), archive_path);
  g_print ("%s%s%s\n", _("Signer"), cz_cli_colon (), cz_archive_verification_get_signer_subject (result) ?: "-");
  g_print ("%s%s%s\n", _("Signer SHA-256 fingerprint"), cz_cli_colon (), cz_archive_verification_get_signer_fingerprint (result) ?: "-");
  g_print ("%s%s%s\n", _("Signed at"), cz_cli_colon (), time);
  /* Translators: the signer certificate's validity, "from — until" */
  g_print ("%s%s%s — %s\n", _("Signer certificate valid"), cz_cli_colon (), from, until);
  g_print ("%s%s%s\n", _("Trust"), cz_cli_colon (), cz_archive_verification_get_trust_checked (result)
                                    ? ((cz_archive_verification_get_failed_checks (result) & CZ_ARCHIVE_CHECK_TRUST)
                                       ? _("not trusted by the given certificate") : _("trusted by the given certificate"))
                                    : _("not checked (no --ca given)"));
  g_print ("%s%s%s\n", _("Organisation"), cz_cli_colon (), cz_archive_verification_get_organisation (result) ?: "-");
  g_print ("%s%s%s (%s)\n", _("Rules pack"), cz_cli_colon (), cz_archive_verification_get_rules_pack_id (result) ?: "-",
           cz_archive_verification_get_rules_pack_sha256 (result) ?: "-");
  g_print ("%s%s%s\n", _("Payload-Oxum"), cz_cli_colon (), cz_archive_verification_get_payload_oxum (result) ?: "-");
  g_print ("%s%s%s\n", _("Tag manifest SHA-256"), cz_cli_colon (), cz_archive_verification_get_tag_manifest_fingerprint (result));
  g_print ("%s%s%s\n", _("Content fingerprint (on the form)"), cz_cli_colon (), cz_archive_verification_get_content_fingerprint (result) ?: "-");
  g_print ("%s:\n", _("Files"));
  for (guint i = 0; files[i] != NULL; i++)
    g_print ("  %s\n", files[i]);

  if (problems[0] != NULL)
    {
      g_print ("%s:\n", _("Problems"));
      for (guint i = 0; problems[i] != NULL; i++)
        g_print ("  • %s\n", problems[i]);
    }
}

int
command_verify (CliContext  *ctx,
                int          argc,
                char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzArchiveVerification) result = NULL;
  g_autoptr(GFile) archive = NULL;
  g_autoptr(GBytes) trusted = NULL;
  const char *archive_path = NULL, *ca_path = NULL;
  gboolean json = FALSE;
  int status;

  if ((status = parse_verify_args (argc, argv, &archive_path, &ca_path, &json)) != 0)
    return status;

  if (ca_path != NULL)
    {
      g_autoptr(GFile) ca = g_file_new_for_commandline_arg (ca_path);

      trusted = g_file_load_bytes (ca, NULL, NULL, &error);
      if (trusted == NULL)
        return cz_cli_fail (_("Could not read the certificate “%s”: %s"), ca_path, error->message);
    }

  archive = g_file_new_for_commandline_arg (archive_path);
  if (!g_file_query_exists (archive, NULL))
    return cz_cli_fail (_("“%s” does not exist."), archive_path);
  result = cz_archive_verify (archive, trusted, NULL, NULL, NULL, &error);
  if (result == NULL)
    {
      if (g_error_matches (error, CZ_ARCHIVE_ERROR, CZ_ARCHIVE_ERROR_READ))
        return cz_cli_fail ("%s", error->message);
      if (json)
        print_refusal_json (error);
      else
        g_print ("%s%s%s\n", _("INVALID"), cz_cli_colon (), error->message);
      return EXIT_INVALID;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = cz_archive_verification_to_json (result);

      cz_cli_print_json (node);
    }
  else
    print_verification_text (result, archive_path);
  return cz_archive_verification_get_valid (result) ? 0 : EXIT_INVALID;
}
