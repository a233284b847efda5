/* test-cli-archive.c — coopzone-cli signer, pack and verify, as a script uses them
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cz-test-cli.h"
#include "cz-test-signer.h"
#include "cz-test-utils.h"

static void
test_signer_create_and_show (CzCliFixture  *fixture,
                             gconstpointer  data)
{
  g_autofree char *p12 = cz_cli_fixture_path (fixture, "部门.p12");
  g_autofree char *wrong = cz_cli_fixture_path (fixture, "wrong");
  g_autofree char *fingerprint = NULL;
  CzCliResult result;
  GStatBuf st;

  result = cz_cli_run (fixture, "signer", "create", "--name", CZ_TEST_DEPARTMENT, "--out", p12,
                    "--passphrase-file", fixture->pass, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "CN=" CZ_TEST_DEPARTMENT));
  g_assert_nonnull (strstr (result.out, "ECDSA P-256"));
  g_assert_nonnull (strstr (result.out, "SHA-256 fingerprint: "));
  fingerprint = g_strdup (strstr (result.out, "SHA-256 fingerprint: "));
  cz_cli_result_clear (&result);
  g_assert_cmpint (g_stat (p12, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  result = cz_cli_run (fixture, "signer", "show", p12, "--passphrase-file", fixture->pass, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Subject: CN=" CZ_TEST_DEPARTMENT ",O=" CZ_TEST_DEPARTMENT));
  g_assert_nonnull (strstr (result.out, "Valid: "));
  g_assert_nonnull (strstr (result.out, fingerprint));
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "signer", "show", p12, "--passphrase-file", fixture->pass, "--pem", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "-----BEGIN CERTIFICATE-----"));
  cz_cli_result_clear (&result);

  g_assert_true (g_file_set_contents (wrong, "not it\n", -1, NULL));
  result = cz_cli_run (fixture, "signer", "show", p12, "--passphrase-file", wrong, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "passphrase"));
  g_assert_nonnull (strstr (result.err, "部门.p12"));
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "signer", "show", p12, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "--passphrase-file"));
  cz_cli_result_clear (&result);
}

static void
test_signer_rsa (CzCliFixture  *fixture,
                 gconstpointer  data)
{
  g_autofree char *p12 = cz_cli_fixture_path (fixture, "rsa.p12");
  CzCliResult result = cz_cli_run (fixture, "signer", "create", "--name", CZ_TEST_DEPARTMENT, "--out", p12,
                           "--passphrase-file", fixture->pass, "--rsa", NULL);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "RSA 3072"));
  cz_cli_result_clear (&result);
}

static void
test_signer_bad_usage (CzCliFixture  *fixture,
                       gconstpointer  data)
{
  g_autofree char *p12 = cz_cli_fixture_path (fixture, "x.p12");
  CzCliResult result;

  /* The passphrase is never accepted on the command line. */
  result = cz_cli_run (fixture, "signer", "create", "--name", CZ_TEST_DEPARTMENT, "--out", p12, "--passphrase", "secret", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_false (g_file_test (p12, G_FILE_TEST_EXISTS));
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "signer", "create", "--out", p12, "--passphrase-file", fixture->pass, NULL);
  g_assert_cmpint (result.status, ==, 2);
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "signer", "frobnicate", NULL);
  g_assert_cmpint (result.status, ==, 2);
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "signer", "show", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "signer import"));
  cz_cli_result_clear (&result);
}

static void
test_signer_import (CzCliFixture  *fixture,
                    gconstpointer  data)
{
  g_autofree char *p12 = cz_cli_create_signer (fixture);
  g_autofree char *imported = g_build_filename (fixture->dir, "data", DATA_FOLDER, "signers", "部门.p12", NULL);
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *garbage = cz_cli_fixture_path (fixture, "garbage.pfx");
  gsize original_length, copy_length;
  CzCliResult result;
  GStatBuf st;

  result = cz_cli_run (fixture, "signer", "import", p12, "--passphrase-file", fixture->pass, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, imported));
  cz_cli_result_clear (&result);
  g_assert_cmpint (g_stat (imported, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (p12, &original, &original_length, NULL));
  g_assert_true (g_file_get_contents (imported, &copy, &copy_length, NULL));
  g_assert_cmpmem (original, original_length, copy, copy_length);

  /* With one signer imported, show needs no file. */
  result = cz_cli_run (fixture, "signer", "show", "--passphrase-file", fixture->pass, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "CN=" CZ_TEST_DEPARTMENT));
  cz_cli_result_clear (&result);

  g_assert_true (g_file_set_contents (garbage, "garbage", -1, NULL));
  result = cz_cli_run (fixture, "signer", "import", garbage, "--passphrase-file", fixture->pass, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "PKCS#12"));
  cz_cli_result_clear (&result);
}

static void
test_pack_and_verify (CzCliFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *archive = cz_cli_pack_sample (fixture);
  g_autofree char *p12 = cz_cli_fixture_path (fixture, "部门.p12");
  g_autofree char *cert = cz_cli_fixture_path (fixture, "department.pem");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  CzCliResult result;

  result = cz_cli_run (fixture, "verify", archive, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "VALID\n"));
  g_assert_nonnull (strstr (result.out, "Signer: CN=" CZ_TEST_DEPARTMENT));
  g_assert_nonnull (strstr (result.out, "Rules pack: cn.miit.coopzone.2025"));
  g_assert_nonnull (strstr (result.out, "data/evidence/boundary-map/01-"));
  g_assert_nonnull (strstr (result.out, "Trust: not checked"));
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "verify", archive, "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  json_parser_load_from_data (parser, result.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (root, "valid"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "checks"), "trust"), ==, "not-checked");
  g_assert_cmpint (strlen (json_object_get_string_member (root, "tag_manifest_fingerprint_sha256")), ==, 95);
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "signer", "show", p12, "--passphrase-file", fixture->pass, "--pem", NULL);
  g_assert_true (g_file_set_contents (cert, result.out, -1, NULL));
  cz_cli_result_clear (&result);
  result = cz_cli_run (fixture, "verify", archive, "--ca", cert, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Trust: trusted by the given certificate"));
  cz_cli_result_clear (&result);
}

static void
test_pack_refused_with_blockers (CzCliFixture  *fixture,
                                 gconstpointer  data)
{
  g_autofree char *p12 = cz_cli_create_signer (fixture);
  g_autofree char *dossier_path = cz_cli_fixture_path (fixture, "draft.json");
  g_autofree char *archive = cz_cli_fixture_path (fixture, "out.zip");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *fields;
  CzCliResult result;

  /* The sample without a zone name and without its evidence. */
  result = cz_cli_run (fixture, "sample", dossier_path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_cli_result_clear (&result);
  json_parser_load_from_file (parser, dossier_path, &error);
  g_assert_no_error (error);
  fields = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "fields");
  json_object_remove_member (fields, "zone.name");
  if (json_object_has_member (fields, "evidence.files"))
    json_object_remove_member (fields, "evidence.files");
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, dossier_path, NULL));

  result = cz_cli_run (fixture, "pack", dossier_path, "--out", archive, "--signer", p12,
                    "--passphrase-file", fixture->pass, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "cannot be packed"));
  g_assert_nonnull (strstr (result.err, "(zone.name)"));
  g_assert_nonnull (strstr (result.err, "(evidence."));
  g_assert_false (g_file_test (archive, G_FILE_TEST_EXISTS));
  cz_cli_result_clear (&result);
}

static void
test_pack_bad_usage (CzCliFixture  *fixture,
                     gconstpointer  data)
{
  g_autofree char *p12 = cz_cli_create_signer (fixture);
  g_autofree char *id = cz_cli_store_sample (fixture);
  g_autofree char *archive = cz_cli_fixture_path (fixture, "out.zip");
  g_autofree char *wrong = cz_cli_fixture_path (fixture, "wrong");
  CzCliResult result;

  result = cz_cli_run (fixture, "pack", id, "--signer", p12, "--passphrase-file", fixture->pass, NULL);
  g_assert_cmpint (result.status, ==, 2);
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "pack", id, "--out", archive, "--signer", p12, NULL);
  g_assert_cmpint (result.status, ==, 2);
  cz_cli_result_clear (&result);

  g_assert_true (g_file_set_contents (wrong, "not it\n", -1, NULL));
  result = cz_cli_run (fixture, "pack", id, "--out", archive, "--signer", p12, "--passphrase-file", wrong, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "passphrase"));
  g_assert_false (g_file_test (archive, G_FILE_TEST_EXISTS));
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "pack", "no-such-dossier", "--out", archive, "--signer", p12,
                    "--passphrase-file", fixture->pass, NULL);
  g_assert_cmpint (result.status, ==, 2);
  cz_cli_result_clear (&result);
}

static void
test_pack_same_time_same_payload (CzCliFixture  *fixture,
                                  gconstpointer  data)
{
  g_autofree char *p12 = cz_cli_create_signer (fixture);
  g_autofree char *id = cz_cli_store_sample (fixture);
  g_autofree char *first = cz_cli_fixture_path (fixture, "first.zip");
  g_autofree char *second = cz_cli_fixture_path (fixture, "second.zip");
  g_autofree char *first_manifest = NULL;
  CzCliResult result;

  result = cz_cli_run (fixture, "pack", id, "--out", first, "--signer", p12, "--passphrase-file", fixture->pass,
                    "--signing-time", "2026-05-20T09:30:00Z", "--quiet", NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_cli_result_clear (&result);
  result = cz_cli_run (fixture, "pack", id, "--out", second, "--signer", p12, "--passphrase-file", fixture->pass,
                    "--signing-time", "2026-05-20T09:30:00Z", "--quiet", NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_cli_result_clear (&result);

  /* Same payload, hence the same manifests: the tag manifest fingerprints agree. */
  result = cz_cli_run (fixture, "verify", first, "--json", NULL);
  first_manifest = g_strdup (strstr (result.out, "\"tag_manifest_fingerprint_sha256\""));
  cz_cli_result_clear (&result);
  result = cz_cli_run (fixture, "verify", second, "--json", NULL);
  g_assert_nonnull (first_manifest);
  g_assert_cmpstr (strstr (result.out, "\"tag_manifest_fingerprint_sha256\""), ==, first_manifest);
  cz_cli_result_clear (&result);
}

/* "YYYY-MM-DD hh:mm:ss UTC" at @text as a time, moved by @seconds, in
 * --signing-time's form. */
static char *
dup_signing_time (const char *text,
                  int         seconds)
{
  int year, month, day, hour, minute, second;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) moved = NULL;

  g_assert_nonnull (text);
  g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d:%d UTC", &year, &month, &day, &hour, &minute, &second), ==, 6);
  time = g_date_time_new_utc (year, month, day, hour, minute, second);
  moved = g_date_time_add_seconds (time, seconds);
  return g_date_time_format (moved, "%Y-%m-%dT%H:%M:%SZ");
}

/* Signed while the certificate was valid (both ends included) verifies;
 * a second before or after, verify says so and exits 1. */
static void
test_verify_signer_validity (CzCliFixture  *fixture,
                             gconstpointer  data)
{
  g_autofree char *p12 = cz_cli_create_signer (fixture);
  g_autofree char *id = cz_cli_store_sample (fixture);
  g_autofree char *archive = cz_cli_fixture_path (fixture, "申报包.zip");
  g_autofree char *valid_line = NULL;
  const char *from, *until;
  CzCliResult result;
  struct {
    int         base;      /* 0: notBefore, 1: notAfter */
    int         seconds;
    int         status;
    const char *said;
  } cases[] = {
    { 0, -1, 1, "before the signer certificate became valid (" },
    { 0, 0, 0, NULL },
    { 1, 0, 0, NULL },
    { 1, 1, 1, "after the signer certificate had expired (" },
  };

  result = cz_cli_run (fixture, "signer", "show", p12, "--passphrase-file", fixture->pass, NULL);
  g_assert_cmpint (result.status, ==, 0);
  valid_line = g_strdup (strstr (result.out, "Valid: "));
  cz_cli_result_clear (&result);
  g_assert_nonnull (valid_line);
  from = valid_line + strlen ("Valid: ");
  until = strstr (from, " — ");
  g_assert_nonnull (until);
  until += strlen (" — ");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *time = dup_signing_time (cases[i].base ? until : from, cases[i].seconds);

      g_test_message ("signed at %s", time);
      result = cz_cli_run (fixture, "pack", id, "--out", archive, "--signer", p12, "--passphrase-file", fixture->pass,
                        "--signing-time", time, "--quiet", NULL);
      g_assert_cmpint (result.status, ==, 0);
      cz_cli_result_clear (&result);

      result = cz_cli_run (fixture, "verify", archive, NULL);
      g_assert_cmpint (result.status, ==, cases[i].status);
      g_assert_nonnull (strstr (result.out, cases[i].status == 0 ? "VALID" : "INVALID"));
      g_assert_nonnull (strstr (result.out, "Signer certificate valid: "));
      if (cases[i].said != NULL)
        g_assert_nonnull (strstr (result.out, cases[i].said));
      else
        g_assert_null (strstr (result.out, "Problems:"));
      cz_cli_result_clear (&result);

      result = cz_cli_run (fixture, "verify", archive, "--json", NULL);
      g_assert_cmpint (result.status, ==, cases[i].status);
      g_assert_nonnull (strstr (result.out, cases[i].status == 0 ? "\"signer-validity\" : \"passed\""
                                                                 : "\"signer-validity\" : \"failed\""));
      cz_cli_result_clear (&result);
    }
}

static void
test_verify_invalid (CzCliFixture  *fixture,
                     gconstpointer  data)
{
  g_autofree char *archive = cz_cli_pack_sample (fixture);
  g_autofree char *contents = NULL;
  g_autofree char *broken = cz_cli_fixture_path (fixture, "broken.zip");
  g_autofree char *letter = cz_cli_fixture_path (fixture, "letter.zip");
  gsize length;
  CzCliResult result;

  g_assert_true (g_file_get_contents (archive, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (broken, contents, length - 100, NULL));
  result = cz_cli_run (fixture, "verify", broken, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_true (g_str_has_prefix (result.out, "INVALID: "));
  g_assert_nonnull (strstr (result.out, "broken.zip"));
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "verify", broken, "--json", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.out, "\"refused\" : \"truncated\""));
  cz_cli_result_clear (&result);

  g_assert_true (g_file_set_contents (letter, "not a zip", -1, NULL));
  result = cz_cli_run (fixture, "verify", letter, NULL);
  g_assert_cmpint (result.status, ==, 1);
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "verify", "/no/such/archive.zip", NULL);
  g_assert_cmpint (result.status, ==, 2);
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "verify", archive, "--frobnicate", NULL);
  g_assert_cmpint (result.status, ==, 2);
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "verify", archive, "--ca", "/no/such/cert.pem", NULL);
  g_assert_cmpint (result.status, ==, 2);
  cz_cli_result_clear (&result);
}

/* A payload byte changed inside a well-formed ZIP: verify says what failed. */
static void
test_verify_tampered (CzCliFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *archive = cz_cli_pack_sample (fixture);
  g_autofree char *unpacked = cz_cli_fixture_path (fixture, "unpacked");
  g_autofree char *tampered = cz_cli_fixture_path (fixture, "tampered.zip");
  g_autofree char *command = NULL;
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  int status;
  CzCliResult result;

  if (unzip == NULL || !g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("unzip or /usr/bin/python3 is missing");
      return;
    }
  command = g_strdup_printf ("set -e; mkdir '%s'; cd '%s'; unzip -q '%s'; "
                             "f=$(ls */data/evidence/sme-list/*.pdf); "
                             "printf 'X' | dd of=\"$f\" bs=1 seek=1000 conv=notrunc status=none; "
                             "/usr/bin/python3 -c 'import os,sys,zipfile\n"
                             "z=zipfile.ZipFile(sys.argv[1],\"w\")\n"
                             "for r,d,fs in os.walk(\".\"):\n"
                             "  for n in fs: p=os.path.join(r,n); z.write(p,os.path.relpath(p,\".\"))\n"
                             "z.close()' '%s'",
                             unpacked, unpacked, archive, tampered);
  {
    const char *argv[] = { "/bin/sh", "-c", command, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  result = cz_cli_run (fixture, "verify", tampered, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_true (g_str_has_prefix (result.out, "INVALID\n"));
  g_assert_nonnull (strstr (result.out, "data/evidence/sme-list/"));
  g_assert_nonnull (strstr (result.out, "does not match manifest-sha256.txt"));
  cz_cli_result_clear (&result);
}

/* A damaged entry (its data no longer matches its CRC-32), reported to a
 * Chinese user in Chinese and naming the entry as the damaged one. */
static void
test_verify_damaged_in_chinese (CzCliFixture  *fixture,
                                gconstpointer  data)
{
  g_autofree char *archive = NULL;
  g_autofree char *command = NULL;
  g_autofree char *locales = NULL;
  g_autofree char *data_home = cz_cli_fixture_path (fixture, "data");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *said = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("COOPZONE_LOCALEDIR");
  g_autofree char *mo = localedir ? g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL) : NULL;
  int status;

  if (!g_spawn_command_line_sync ("locale -a", &locales, NULL, NULL, NULL) ||
      (strstr (locales, "zh_CN.utf8") == NULL && strstr (locales, "zh_CN.UTF-8") == NULL))
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not generated on this machine");
      return;
    }
  if (mo == NULL || !g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the zh_CN translation is not built");
      return;
    }
  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing");
      return;
    }

  archive = cz_cli_pack_sample (fixture);
  /* Flip one byte in the middle of the first evidence PDF's compressed data. */
  command = g_strdup_printf ("/usr/bin/python3 -c 'import struct,sys,zipfile\n"
                             "z=zipfile.ZipFile(sys.argv[1])\n"
                             "i=[i for i in z.infolist() if i.filename.endswith(\".pdf\")][0]\n"
                             "z.close()\n"
                             "f=open(sys.argv[1],\"r+b\")\n"
                             "f.seek(i.header_offset+26)\n"
                             "n,e=struct.unpack(\"<HH\",f.read(4))\n"
                             "at=i.header_offset+30+n+e+i.compress_size//2\n"
                             "f.seek(at); b=f.read(1); f.seek(at); f.write(bytes([b[0]^0xff]))\n"
                             "f.close()' '%s'", archive);
  {
    const char *argv[] = { "/bin/sh", "-c", command, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LC_ALL");
  g_subprocess_launcher_unsetenv (launcher, "LC_MESSAGES");
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_setenv (launcher, "LANG", "zh_CN.UTF-8", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("COOPZONE_CLI"), "verify", archive, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("exit %d\n%s%s", g_subprocess_get_exit_status (process), out, err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 0);
  said = g_strconcat (out, err, NULL);
  g_assert_null (strstr (said, "was refused"));
  g_assert_nonnull (strstr (said, "已拒绝"));
  g_assert_nonnull (strstr (said, "内容已损坏"));
  g_assert_nonnull (strstr (said, "损坏的条目："));
  g_assert_nonnull (strstr (said, ".pdf"));
}

/* A key on a PKCS#11 token (SoftHSM2 standing in for a USB key), put there
 * with the standard tools from a department certificate. */
static void
test_pack_with_token (CzCliFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *softhsm = g_find_program_in_path ("softhsm2-util");
  g_autofree char *pkcs11_tool = g_find_program_in_path ("pkcs11-tool");
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  const char *module = "/usr/lib/softhsm/libsofthsm2.so";
  const char *conf = g_getenv ("SOFTHSM2_CONF");
  const char *uri = "pkcs11:token=CoopZone;object=department";
  g_autofree char *p12 = NULL;
  g_autofree char *id = NULL;
  g_autofree char *cert = cz_cli_fixture_path (fixture, "department.pem");
  g_autofree char *pin = cz_cli_fixture_path (fixture, "pin");
  g_autofree char *wrong_pin = cz_cli_fixture_path (fixture, "wrong-pin");
  g_autofree char *archive = cz_cli_fixture_path (fixture, "token.zip");
  g_autofree char *conf_text = NULL;
  g_autofree char *script = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *tokens = NULL;
  int status;
  CzCliResult result;

  if (softhsm == NULL || pkcs11_tool == NULL || openssl == NULL || !g_file_test (module, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("softhsm2, opensc (pkcs11-tool) or openssl is not installed");
      return;
    }

  p12 = cz_cli_create_signer (fixture);
  id = cz_cli_store_sample (fixture);
  result = cz_cli_run (fixture, "signer", "show", p12, "--passphrase-file", fixture->pass, NULL);
  fingerprint = g_strdup (strstr (result.out, "SHA-256 fingerprint: "));
  cz_cli_result_clear (&result);
  result = cz_cli_run (fixture, "signer", "show", p12, "--passphrase-file", fixture->pass, "--pem", NULL);
  g_assert_true (g_file_set_contents (cert, result.out, -1, NULL));
  cz_cli_result_clear (&result);

  tokens = g_path_get_dirname (conf);
  conf_text = g_strdup_printf ("directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n", tokens);
  g_assert_true (g_file_set_contents (conf, conf_text, -1, NULL));
  script = g_strdup_printf ("set -e; cd '%s'\n"
                            "softhsm2-util --init-token --free --label CoopZone --so-pin 87654321 --pin 123456 >/dev/null\n"
                            "openssl pkcs12 -in '%s' -passin file:'%s' -nocerts -nodes | openssl pkey -outform DER -out key.der\n"
                            "openssl x509 -in '%s' -outform DER -out cert.der\n"
                            "pkcs11-tool --module %s --login --pin 123456 --write-object key.der --type privkey --id 01 --label department >/dev/null\n"
                            "pkcs11-tool --module %s --login --pin 123456 --write-object cert.der --type cert --id 01 --label department >/dev/null\n",
                            fixture->dir, p12, fixture->pass, cert, module, module);
  {
    const char *argv[] = { "/bin/sh", "-c", script, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_true (g_file_set_contents (pin, "123456\n", -1, NULL));
  g_assert_true (g_file_set_contents (wrong_pin, "000000\n", -1, NULL));

  result = cz_cli_run (fixture, "pack", id, "--out", archive, "--pkcs11-uri", uri, "--pin-file", wrong_pin, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "PIN"));
  g_assert_false (g_file_test (archive, G_FILE_TEST_EXISTS));
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "pack", id, "--out", archive, "--pkcs11-uri", uri, "--pin-file", pin, NULL);
  g_assert_cmpint (result.status, ==, 0);
  cz_cli_result_clear (&result);

  result = cz_cli_run (fixture, "verify", archive, "--ca", cert, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Trust: trusted by the given certificate"));
  g_assert_nonnull (strstr (result.out, fingerprint + strlen ("SHA-256 fingerprint: ")));
  cz_cli_result_clear (&result);
}

#define ADD(path, func) g_test_add (path, CzCliFixture, NULL, cz_cli_fixture_set_up, func, cz_cli_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  /* Before any thread exists, and inherited by coopzone-cli. */
  g_autofree char *softhsm_dir = cz_test_softhsm_prepare ();
  int status;

  g_test_init (&argc, &argv, NULL);

  ADD ("/cli/signer/create-and-show", test_signer_create_and_show);
  ADD ("/cli/signer/rsa", test_signer_rsa);
  ADD ("/cli/signer/bad-usage", test_signer_bad_usage);
  ADD ("/cli/signer/import", test_signer_import);
  ADD ("/cli/pack/and-verify", test_pack_and_verify);
  ADD ("/cli/pack/refused-with-blockers", test_pack_refused_with_blockers);
  ADD ("/cli/pack/bad-usage", test_pack_bad_usage);
  ADD ("/cli/pack/same-time-same-payload", test_pack_same_time_same_payload);
  ADD ("/cli/verify/invalid", test_verify_invalid);
  ADD ("/cli/verify/signer-validity", test_verify_signer_validity);
  ADD ("/cli/verify/tampered", test_verify_tampered);
  ADD ("/cli/verify/damaged-in-chinese", test_verify_damaged_in_chinese);
  ADD ("/cli/pack/with-token", test_pack_with_token);

  status = g_test_run ();
  cz_test_remove_tree (softhsm_dir);
  return status;
}
