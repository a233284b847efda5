/* test-signer.c — department certificates, PKCS#12 files and tokens
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>
#include <gnutls/x509.h>

#include "cz-signer.h"
#include "cz-test-signer.h"
#include "cz-test-utils.h"

#define DEPARTMENT "苏州市工业和信息化局"

static char *softhsm_dir;

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_create_department (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 8, 0, 0);
  g_autoptr(CzSigner) signer = cz_signer_create_department (DEPARTMENT, CZ_SIGNER_KEY_ECDSA_P256, now, &error);
  g_autofree char *pem = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cz_signer_get_common_name (signer), ==, DEPARTMENT);
  g_assert_cmpstr (cz_signer_get_organisation (signer), ==, DEPARTMENT);
  g_assert_nonnull (strstr (cz_signer_get_subject (signer), DEPARTMENT));
  g_assert_cmpstr (cz_signer_get_key_algorithm (signer), ==, "ECDSA P-256");
  g_assert_cmpstr (cz_signer_get_backend_name (signer), ==, "generated");
  g_assert_cmpint (strlen (cz_signer_get_fingerprint (signer)), ==, 32 * 3 - 1);
  g_assert_true (g_date_time_equal (cz_signer_get_not_before (signer), now));
  g_assert_cmpint (g_date_time_get_year (cz_signer_get_not_after (signer)), ==, 2031);
  g_assert_cmpint (g_date_time_get_month (cz_signer_get_not_after (signer)), ==, 3);

  pem = cz_signer_dup_certificate_pem (signer);
  g_assert_true (g_str_has_prefix (pem, "-----BEGIN CERTIFICATE-----\n"));
}

static void
test_create_rejects_empty_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzSigner) signer = cz_signer_create_department ("   ", CZ_SIGNER_KEY_ECDSA_P256, NULL, &error);

  g_assert_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_INVALID_NAME);
  g_assert_null (signer);
}

static void
on_created (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CzSigner **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cz_signer_create_department_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_create_rsa_async (void)
{
  g_autoptr(CzSigner) signer = NULL;

  cz_signer_create_department_async (DEPARTMENT, CZ_SIGNER_KEY_RSA_3072, NULL, on_created, &signer);
  while (signer == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (cz_signer_get_key_algorithm (signer), ==, "RSA 3072");
}

static void
test_pkcs12_round_trip (CzTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzSigner) signer = cz_signer_create_department (DEPARTMENT, CZ_SIGNER_KEY_ECDSA_P256, NULL, &error);
  g_autofree char *path = cz_test_dir_path (fixture, "部门证书.p12");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CzSigner) opened = NULL;
  g_autoptr(CzSigner) wrong = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_assert_no_error (error);

  /* An existing file is replaced whole, and no temporary is left. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (cz_signer_save_pkcs12 (signer, file, "正确的口令 correct horse", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "correct horse"));

  opened = cz_signer_new_from_pkcs12_file (file, "正确的口令 correct horse", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cz_signer_get_fingerprint (opened), ==, cz_signer_get_fingerprint (signer));
  g_assert_cmpstr (cz_signer_get_common_name (opened), ==, DEPARTMENT);
  g_assert_cmpstr (cz_signer_get_backend_name (opened), ==, "pkcs12");

  wrong = cz_signer_new_from_pkcs12_file (file, "wrong", NULL, &error);
  g_assert_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PASSPHRASE);
  g_assert_nonnull (strstr (error->message, "部门证书.p12"));
  g_assert_null (wrong);
  g_clear_error (&error);

  g_assert_false (cz_signer_save_pkcs12 (signer, file, "", NULL, &error));
  g_assert_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PASSPHRASE);
}

static void
test_pkcs12_not_pkcs12 (CzTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("not a certificate", 17);
  g_autoptr(CzSigner) signer = cz_signer_new_from_pkcs12 (bytes, "x.pfx", "pw", &error);

  g_assert_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_NOT_PKCS12);
  g_assert_nonnull (strstr (error->message, "x.pfx"));
  g_assert_null (signer);
}

/* A certificate authority's file, as OpenSSL makes them, opens; and OpenSSL
 * opens ours. */
static void
test_pkcs12_openssl (CzTestDir     *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = cz_test_dir_path (fixture, "ca.key");
  g_autofree char *cert = cz_test_dir_path (fixture, "ca.pem");
  g_autofree char *p12 = cz_test_dir_path (fixture, "ca.pfx");
  g_autofree char *pass = cz_test_dir_path (fixture, "pass");
  g_autofree char *ours = cz_test_dir_path (fixture, "ours.p12");
  g_autofree char *passin = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GFile) p12_file = g_file_new_for_path (p12);
  g_autoptr(GFile) ours_file = g_file_new_for_path (ours);
  g_autoptr(CzSigner) signer = NULL;
  g_autoptr(CzSigner) created = NULL;

  g_autofree char *openssl = g_find_program_in_path ("openssl");

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed");
      return;
    }
  g_assert_true (g_file_set_contents (pass, "secret\n", -1, NULL));
  passin = g_strconcat ("file:", pass, NULL);

  g_assert_cmpint (cz_test_run_capture (NULL, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                        "-out", cert, "-days", "30", "-subj", "/CN=测试CA签发/O=测试", "-utf8", NULL), ==, 0);
  g_assert_cmpint (cz_test_run_capture (NULL, "openssl", "pkcs12", "-export", "-inkey", key, "-in", cert, "-out", p12,
                        "-passout", passin, NULL), ==, 0);
  signer = cz_signer_new_from_pkcs12_file (p12_file, "secret", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cz_signer_get_common_name (signer), ==, "测试CA签发");

  created = cz_signer_create_department (DEPARTMENT, CZ_SIGNER_KEY_ECDSA_P256, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cz_signer_save_pkcs12 (created, ours_file, "secret", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cz_test_run_capture (&out, "openssl", "pkcs12", "-in", ours, "-passin", passin, "-nokeys", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "BEGIN CERTIFICATE"));
}

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* The async pairs the windows use: open a remembered location, import a
 * file, each on a worker, each refusing a wrong passphrase and honouring a
 * cancelled cancellable. */
static void
test_open_and_import_async (CzTestDir     *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzSigner) created = cz_signer_create_department (DEPARTMENT, CZ_SIGNER_KEY_ECDSA_P256, NULL, &error);
  g_autofree char *path = cz_test_dir_path (fixture, "导入.p12");
  g_autofree char *signers = cz_test_dir_path (fixture, "signers");
  g_autofree char *copy = g_build_filename (signers, "导入.p12", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) imported = NULL;
  g_autoptr(GAsyncResult) r1 = NULL;
  g_autoptr(GAsyncResult) r2 = NULL;
  g_autoptr(GAsyncResult) r3 = NULL;
  g_autoptr(GAsyncResult) r4 = NULL;
  g_autoptr(GAsyncResult) r5 = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(CzSigner) opened = NULL;
  g_autoptr(CzSigner) refused = NULL;
  g_autoptr(CzSigner) copied = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (cz_signer_save_pkcs12 (created, file, "pw", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (cz_signer_location_is_token ("pkcs11:token=x"));
  g_assert_false (cz_signer_location_is_token (path));

  cz_signer_open_async (path, "pw", NULL, on_result, &r1);
  opened = cz_signer_open_finish (wait_for (&r1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cz_signer_get_fingerprint (opened), ==, cz_signer_get_fingerprint (created));

  cz_signer_open_async (path, "wrong", NULL, on_result, &r2);
  refused = cz_signer_open_finish (wait_for (&r2), &error);
  g_assert_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PASSPHRASE);
  g_assert_null (refused);
  g_clear_error (&error);

  g_cancellable_cancel (cancelled);
  cz_signer_import_pkcs12_file_async (file, "pw", signers, cancelled, on_result, &r3);
  refused = cz_signer_import_pkcs12_file_finish (wait_for (&r3), &imported, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (refused);
  g_assert_null (imported);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  cz_signer_import_pkcs12_file_async (file, "pw", signers, NULL, on_result, &r4);
  copied = cz_signer_import_pkcs12_file_finish (wait_for (&r4), &imported, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cz_signer_get_fingerprint (copied), ==, cz_signer_get_fingerprint (created));
  g_assert_nonnull (imported);
  g_assert_cmpstr (g_file_peek_path (imported), ==, copy);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The source tag is checked: one pair's result is not the other's. */
  cz_signer_open_async (copy, "pw", cancelled, on_result, &r5);
  g_assert_null (cz_signer_open_finish (wait_for (&r5), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* SoftHSM2 stands in for a USB key. */
static void
test_pkcs11_softhsm (CzTestDir     *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzSigner) created = NULL;
  g_autoptr(CzSigner) token_signer = NULL;
  g_autoptr(CzSigner) refused = NULL;
  g_autoptr(GBytes) content = g_bytes_new_static ("tag manifest", 12);
  g_autoptr(GBytes) signature = NULL;
  const char *uri = "pkcs11:token=" CZ_TEST_TOKEN_LABEL ";object=department;type=private";

  if (!cz_test_softhsm_available ())
    {
      g_test_skip ("SoftHSM2 is not installed (apt-get install softhsm2)");
      return;
    }

  /* Put a generated key and its certificate on the token, as a CA would. */
  created = cz_signer_create_department (DEPARTMENT, CZ_SIGNER_KEY_ECDSA_P256, NULL, &error);
  g_assert_no_error (error);
  cz_test_softhsm_put_signer (softhsm_dir, created);

  /* A PKCS#11 login lasts while any session is open: refuse first. */
  refused = cz_signer_new_from_pkcs11 (uri, "000000", &error);
  g_assert_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PIN);
  g_assert_null (refused);
  g_clear_error (&error);

  token_signer = cz_signer_new_from_pkcs11 (uri, "123456", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cz_signer_get_backend_name (token_signer), ==, "pkcs11");
  g_assert_cmpstr (cz_signer_get_fingerprint (token_signer), ==, cz_signer_get_fingerprint (created));
  signature = cz_signer_sign_detached (token_signer, content, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (signature);

  refused = cz_signer_new_from_pkcs11 ("pkcs11:token=NoSuchToken;object=x", "123456", &error);
  g_assert_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_TOKEN);
  g_clear_error (&error);

  /* Listed on a worker, without a PIN; opened through the location. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) opened_result = NULL;
    g_autoptr(GPtrArray) keys = NULL;
    g_autoptr(CzSigner) opened = NULL;
    CzTokenKey *found = NULL;

    cz_signer_list_token_keys_async (NULL, on_result, &result);
    keys = cz_signer_list_token_keys_finish (wait_for (&result), &error);
    g_assert_no_error (error);
    for (guint i = 0; i < keys->len; i++)
      if (g_strcmp0 (((CzTokenKey *) keys->pdata[i])->fingerprint, cz_signer_get_fingerprint (created)) == 0)
        found = keys->pdata[i];
    g_assert_nonnull (found);
    g_assert_cmpstr (found->token, ==, "CoopZone");

    cz_signer_open_async (found->uri, "123456", NULL, on_result, &opened_result);
    opened = cz_signer_open_finish (wait_for (&opened_result), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cz_signer_get_backend_name (opened), ==, "pkcs11");
  }
}

#define ADD(path, func) g_test_add (path, CzTestDir, "cz-signer", cz_test_dir_set_up, func, cz_test_dir_tear_down)

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before any thread exists: setenv is not thread-safe. */
  softhsm_dir = cz_test_softhsm_prepare ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signer/create-department", test_create_department);
  g_test_add_func ("/signer/create-rejects-empty-name", test_create_rejects_empty_name);
  g_test_add_func ("/signer/create-rsa-async", test_create_rsa_async);
  ADD ("/signer/pkcs12-round-trip", test_pkcs12_round_trip);
  ADD ("/signer/pkcs12-not-pkcs12", test_pkcs12_not_pkcs12);
  ADD ("/signer/pkcs12-openssl", test_pkcs12_openssl);
  ADD ("/signer/open-and-import-async", test_open_and_import_async);
  ADD ("/signer/pkcs11-softhsm", test_pkcs11_softhsm);

  status = g_test_run ();
  cz_test_remove_tree (softhsm_dir);
  g_free (softhsm_dir);
  return status;
}
