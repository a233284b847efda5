/* cz-test-signer.c — a SoftHSM2 token standing in for a department's USB key
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>
#include <gnutls/x509.h>

#include "cz-test-signer.h"
#include "cz-test-utils.h"

char *
cz_test_softhsm_prepare (void)
{
  char *dir = cz_test_make_tmp_dir ("cz-softhsm");
  g_autofree char *conf = g_build_filename (dir, "softhsm2.conf", NULL);

  g_setenv ("SOFTHSM2_CONF", conf, TRUE);
  return dir;
}

gboolean
cz_test_softhsm_available (void)
{
  g_autofree char *util = g_find_program_in_path ("softhsm2-util");

  return util != NULL && g_file_test (CZ_TEST_SOFTHSM_MODULE, G_FILE_TEST_EXISTS);
}

void
cz_test_softhsm_put_signer (const char *softhsm_dir,
                            CzSigner   *signer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conf = g_build_filename (softhsm_dir, "softhsm2.conf", NULL);
  g_autofree char *tokens = g_build_filename (softhsm_dir, "tokens", NULL);
  g_autofree char *conf_text = NULL;
  g_autofree char *p12 = g_build_filename (softhsm_dir, "k.p12", NULL);
  g_autoptr(GFile) p12_file = g_file_new_for_path (p12);
  g_autofree char *p12_data = NULL;
  gsize p12_length;
  gnutls_pkcs12_t pkcs12;
  gnutls_x509_crt_t *chain = NULL;
  unsigned int chain_size = 0;
  gnutls_x509_privkey_t key = NULL;
  gnutls_datum_t datum;
  guint8 id[20];
  size_t id_size = sizeof id;
  gnutls_datum_t cid;
  const char *login_url = "pkcs11:token=" CZ_TEST_TOKEN_LABEL ";pin-value=" CZ_TEST_TOKEN_PIN;

  g_assert_cmpint (g_mkdir (tokens, 0700), ==, 0);
  conf_text = g_strdup_printf ("directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n", tokens);
  g_assert_true (g_file_set_contents (conf, conf_text, -1, NULL));
  g_assert_cmpint (cz_test_run_capture (NULL, "softhsm2-util", "--init-token", "--free",
                                        "--label", CZ_TEST_TOKEN_LABEL, "--so-pin", "87654321",
                                        "--pin", CZ_TEST_TOKEN_PIN, NULL), ==, 0);
  /* This token only, whatever else p11-kit would load. */
  g_assert_cmpint (gnutls_pkcs11_init (GNUTLS_PKCS11_FLAG_MANUAL, NULL), >=, 0);
  g_assert_cmpint (gnutls_pkcs11_add_provider (CZ_TEST_SOFTHSM_MODULE, NULL), >=, 0);

  /* The key leaves CoopZone only as PKCS#12; GnuTLS reads it back in the clear. */
  g_assert_true (cz_signer_save_pkcs12 (signer, p12_file, "pw", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (p12, &p12_data, &p12_length, NULL));
  g_unlink (p12);
  datum.data = (unsigned char *) p12_data;
  datum.size = p12_length;
  gnutls_pkcs12_init (&pkcs12);
  g_assert_cmpint (gnutls_pkcs12_import (pkcs12, &datum, GNUTLS_X509_FMT_DER, 0), >=, 0);
  g_assert_cmpint (gnutls_pkcs12_simple_parse (pkcs12, "pw", &key, &chain, &chain_size, NULL, NULL, NULL, 0), >=, 0);
  gnutls_pkcs12_deinit (pkcs12);

  g_assert_cmpint (gnutls_x509_crt_get_key_id (chain[0], 0, id, &id_size), >=, 0);
  cid.data = id;
  cid.size = id_size;
  gnutls_pkcs11_set_pin_function (NULL, NULL);
  g_assert_cmpint (gnutls_pkcs11_copy_x509_privkey2 (login_url, key, "department", &cid, GNUTLS_KEY_DIGITAL_SIGNATURE,
                                                     GNUTLS_PKCS11_OBJ_FLAG_LOGIN |
                                                     GNUTLS_PKCS11_OBJ_FLAG_MARK_SENSITIVE |
                                                     GNUTLS_PKCS11_OBJ_FLAG_MARK_PRIVATE), >=, 0);
  g_assert_cmpint (gnutls_pkcs11_copy_x509_crt2 (login_url, chain[0], "department", &cid,
                                                 GNUTLS_PKCS11_OBJ_FLAG_LOGIN), >=, 0);
  for (unsigned int i = 0; i < chain_size; i++)
    gnutls_x509_crt_deinit (chain[i]);
  gnutls_free (chain);
  gnutls_x509_privkey_deinit (key);
}
