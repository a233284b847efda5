/* bench-evidence-import.c — attaching a 50 MB scanned PDF, beside baselines
 * measured in the same run on the same bytes:
 *
 *  - importing it into the evidence store (read, SHA-256, write, fsync,
 *    inspect with poppler), beside copying it the same way with no hashing;
 *  - the SHA-256 import computes (GnuTLS, which uses the CPU's SHA
 *    instructions), beside GLib's GChecksum.
 *
 * The file and the stores are on tmpfs (/dev/shm) when there is one, so the
 * disk is not what is measured. Best of three runs. Prints figures; asserts
 * nothing about time.
 *
 *   bench-evidence-import [MB]
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gnutls/crypto.h>

#include "cz-evidence.h"
#include "cz-test-pdf.h"
#include "cz-test-utils.h"

#define RUNS 3

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
import_ms (const char *workdir,
           const char *path,
           char      **sha256_out)
{
  g_autofree char *root = g_build_filename (workdir, "store", NULL);
  g_autoptr(CzEvidenceStore) store = cz_evidence_store_new (root);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CzEvidenceInfo) info = NULL;
  double start = now_ms ();
  double elapsed;

  info = cz_evidence_store_import (store, file, NULL, NULL, &error);
  elapsed = now_ms () - start;
  g_assert_no_error (error);
  g_assert_no_error (info->problem);
  g_free (*sha256_out);
  *sha256_out = g_strdup (info->sha256);
  cz_test_remove_tree (root);
  return elapsed;
}

/* What import does to the bytes, less hashing and inspecting. */
static double
copy_ms (const char *workdir,
         const char *path)
{
  g_autofree char *target = g_build_filename (workdir, "copy.pdf", NULL);
  g_autofree guint8 *buffer = g_malloc (1024 * 1024);
  double start = now_ms ();
  double elapsed;
  int in = open (path, O_RDONLY);
  int out = open (target, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  gssize n;

  g_assert_cmpint (in, >=, 0);
  g_assert_cmpint (out, >=, 0);
  while ((n = read (in, buffer, 1024 * 1024)) > 0)
    g_assert_cmpint (write (out, buffer, (gsize) n), ==, n);
  fsync (out);
  close (out);
  close (in);
  elapsed = now_ms () - start;
  g_unlink (target);
  return elapsed;
}

static double
gchecksum_ms (GBytes *bytes,
              char  **hex_out)
{
  double start = now_ms ();
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_free (*hex_out);
  *hex_out = g_strdup (g_checksum_get_string (checksum));
  return now_ms () - start;
}

static double
gnutls_ms (GBytes *bytes)
{
  guint8 digest[32];
  double start = now_ms ();

  gnutls_hash_fast (GNUTLS_DIG_SHA256, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), digest);
  return now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  guint mb = argc > 1 ? (guint) atoi (argv[1]) : 50;
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "bench-evidence-import-XXXXXX", NULL);
  g_autofree char *workdir = g_mkdtemp (template) ? g_strdup (template) : NULL;
  g_autofree char *path = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  double best_import = G_MAXDOUBLE, best_copy = G_MAXDOUBLE;
  double best_gchecksum = G_MAXDOUBLE, best_gnutls = G_MAXDOUBLE;
  double size_mb;

  setlocale (LC_ALL, "");
  g_assert_nonnull (workdir);
  path = g_build_filename (workdir, "scan.pdf", NULL);
  /* 800 × 800 pixels of noise is about 1.9 MB a page. */
  cz_test_write_noise_pdf (path, MAX (1, mb * 10 / 19), 800, 800, 42);
  mapped = g_mapped_file_new (path, FALSE, NULL);
  g_assert_nonnull (mapped);
  bytes = g_mapped_file_get_bytes (mapped);
  size_mb = g_bytes_get_size (bytes) / 1e6;

  for (guint run = 0; run < RUNS; run++)
    {
      best_copy = MIN (best_copy, copy_ms (workdir, path));
      best_import = MIN (best_import, import_ms (workdir, path, &sha256));
      best_gchecksum = MIN (best_gchecksum, gchecksum_ms (bytes, &expected));
      best_gnutls = MIN (best_gnutls, gnutls_ms (bytes));
    }
  /* The same hash as before, only faster. */
  g_assert_cmpstr (sha256, ==, expected);

  g_print ("attaching a %.1f MB scanned PDF (best of %d):\n", size_mb, RUNS);
  g_print ("  import (read, SHA-256, write, fsync, inspect)  %7.1f ms\n", best_import);
  g_print ("  copy the same way, no hashing (baseline)        %7.1f ms   import/copy = %.2f×\n",
           best_copy, best_import / best_copy);
  g_print ("  SHA-256 with GnuTLS (what import uses)          %7.1f ms   %.0f MB/s\n",
           best_gnutls, size_mb / (best_gnutls / 1000));
  g_print ("  SHA-256 with GChecksum (baseline)               %7.1f ms   %.0f MB/s   GChecksum/GnuTLS = %.2f×\n",
           best_gchecksum, size_mb / (best_gchecksum / 1000), best_gchecksum / best_gnutls);

  cz_test_remove_tree (workdir);
  return 0;
}
