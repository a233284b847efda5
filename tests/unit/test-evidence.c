/* test-evidence.c — the evidence store, inspection, page citations, findings
 * and the page renderer, on files the test draws itself
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "cz-evidence.h"
#include "cz-finding.h"
#include "cz-page-renderer.h"
#include "cz-sample-evidence.h"
#include "cz-test-pdf.h"
#include "cz-test-utils.h"

typedef struct
{
  char            *dir;
  CzEvidenceStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *root = NULL;

  fixture->dir = g_dir_make_tmp ("test-evidence-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  root = g_build_filename (fixture->dir, "store", "evidence", NULL);
  fixture->store = cz_evidence_store_new (root);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  cz_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static CzEvidenceInfo *
import_path (Fixture                *fixture,
             const char             *path,
             const CzEvidenceLimits *limits)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CzEvidenceInfo *info = cz_evidence_store_import (fixture->store, file, limits, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

static guint
count_stored (Fixture *fixture)
{
  const char *root = cz_evidence_store_get_root (fixture->store);
  GDir *dir = g_dir_open (root, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *sub = g_build_filename (root, name, NULL);
      GDir *inner = g_dir_open (sub, 0, NULL);

      g_assert_false (name[0] == '.');  /* no temporary file left behind */
      if (inner == NULL)
        continue;
      while (g_dir_read_name (inner) != NULL)
        n++;
      g_dir_close (inner);
    }
  g_dir_close (dir);
  return n;
}

static void
test_page_ranges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pages = NULL;
  const char *invalid[] = { "", "0", "3-2", "a", "1-", "-4", "1,,2", "2-3-4", "99999999999", NULL };
  g_autofree char *en = cz_page_ranges_dup_citation ("12-14", "en");
  g_autofree char *zh = cz_page_ranges_dup_citation ("12-14", "zh_CN");
  g_autofree char *en_list = cz_page_ranges_dup_citation ("2,5,7-9", "en");
  g_autofree char *zh_list = cz_page_ranges_dup_citation ("2, 5, 7-9", "zh_CN");
  g_autofree char *single = cz_page_ranges_dup_citation ("5", "en");

  g_assert_cmpstr (en, ==, "pp. 12–14");
  g_assert_cmpstr (zh, ==, "第12–14页");
  g_assert_cmpstr (en_list, ==, "pp. 2, 5, 7–9");
  g_assert_cmpstr (zh_list, ==, "第2、5、7–9页");
  g_assert_cmpstr (single, ==, "p. 5");

  pages = cz_page_ranges_parse ("7-9,2,5,8", 9, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 5);
  g_assert_cmpuint (g_array_index (pages, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (pages, guint, 4), ==, 9);

  /* Both sides of the page count. */
  g_assert_true (cz_page_ranges_validate ("12-14", 14, NULL));
  g_assert_false (cz_page_ranges_validate ("12-15", 14, &error));
  g_assert_error (error, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_PAGES);
  g_assert_nonnull (strstr (error->message, "14"));
  g_clear_error (&error);
  g_assert_true (cz_page_ranges_validate ("1", 1, NULL));
  g_assert_false (cz_page_ranges_validate ("2", 1, NULL));
  g_assert_true (cz_page_ranges_validate ("2–3", 0, NULL));  /* en dash, no page count */
  g_assert_true (cz_page_ranges_validate ("2，3、5", 5, NULL));

  for (guint i = 0; invalid[i] != NULL; i++)
    {
      g_assert_false (cz_page_ranges_validate (invalid[i], 100, &error));
      g_assert_error (error, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_PAGES);
      g_clear_error (&error);
      g_assert_null (cz_page_ranges_dup_citation (invalid[i], "en"));
    }
}

static void
test_import_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "plan.pdf");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(CzEvidenceInfo) info = NULL;
  g_autoptr(CzEvidenceInfo) again = NULL;
  g_autofree char *expected_sha = NULL;
  gsize before_length, after_length;
  GStatBuf st_before, st_after;

  cz_test_write_pdf (path, 3, "Development plan", "five years");
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
  g_assert_cmpint (g_stat (path, &st_before), ==, 0);
  expected_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) before, before_length);

  info = import_path (fixture, path, NULL);
  g_assert_no_error (info->problem);
  g_assert_cmpstr (info->sha256, ==, expected_sha);
  g_assert_cmpstr (info->name, ==, "plan.pdf");
  g_assert_cmpstr (info->title, ==, "Development plan");
  g_assert_cmpuint (info->page_count, ==, 3);
  g_assert_nonnull (info->pdf_version);
  g_assert_true (g_str_has_prefix (info->pdf_version, "1."));
  g_assert_cmpuint (info->size, ==, before_length);
  g_assert_false (info->converted);

  stored = cz_evidence_store_dup_path (fixture->store, info->sha256);
  {
    g_autofree char *prefix = g_strndup (info->sha256, 2);
    g_autofree char *name = g_strconcat (info->sha256, ".pdf", NULL);
    g_autofree char *expected = g_build_filename (cz_evidence_store_get_root (fixture->store), prefix, name, NULL);

    g_assert_cmpstr (stored, ==, expected);
  }
  g_assert_true (cz_evidence_store_contains (fixture->store, info->sha256));
  g_assert_cmpuint (count_stored (fixture), ==, 1);

  /* The same file twice keeps one copy. */
  again = import_path (fixture, path, NULL);
  g_assert_cmpstr (again->sha256, ==, info->sha256);
  g_assert_cmpuint (count_stored (fixture), ==, 1);

  /* The original is untouched: bytes and modification time. */
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);

  /* A hand-edited record cannot point outside the store. */
  g_assert_null (cz_evidence_store_dup_path (fixture->store, "../../etc/passwd"));
  g_assert_false (cz_evidence_store_contains (fixture->store, "0000"));
}

static void
test_import_chinese (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "统计证明.pdf");
  g_autoptr(CzEvidenceInfo) info = NULL;

  cz_test_write_pdf (path, 1, "近三年营业收入统计证明", "合作区营业收入统计证明（示例）");
  info = import_path (fixture, path, NULL);
  g_assert_no_error (info->problem);
  g_assert_cmpstr (info->name, ==, "统计证明.pdf");
  g_assert_cmpstr (info->title, ==, "近三年营业收入统计证明");
  g_assert_cmpuint (info->page_count, ==, 1);
}

static void
test_page_count (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "long.pdf");
  CzEvidenceLimits limits = { 0, 0 };
  g_autoptr(CzEvidenceInfo) info = NULL;
  g_autoptr(CzEvidenceInfo) strict = NULL;

  cz_test_write_pdf (path, 500, NULL, NULL);
  info = import_path (fixture, path, &limits);
  g_assert_no_error (info->problem);
  g_assert_cmpuint (info->page_count, ==, 500);

  limits.max_pages = 100;
  strict = import_path (fixture, path, &limits);
  g_assert_error (strict->problem, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_PAGE_COUNT);
  g_assert_nonnull (strstr (strict->problem->message, "500"));
  g_assert_nonnull (strstr (strict->problem->message, "long.pdf"));
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *good = fixture_path (fixture, "good.pdf");
  g_autofree char *encrypted = fixture_path (fixture, "locked.pdf");
  g_autofree char *truncated = fixture_path (fixture, "truncated.pdf");
  g_autofree char *text = fixture_path (fixture, "notes.pdf");
  g_autofree char *empty = fixture_path (fixture, "empty.pdf");
  CzEvidenceLimits small = { 1000, 0 };
  g_autoptr(CzEvidenceInfo) info = NULL;

  cz_test_write_pdf (good, 2, NULL, NULL);
  cz_test_truncate_copy (good, truncated, 0.6);
  g_assert_true (g_file_set_contents (text, "Just some notes, not a PDF.\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  info = import_path (fixture, truncated, NULL);
  g_assert_error (info->problem, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (info->problem->message, "truncated.pdf"));
  g_assert_nonnull (strstr (info->problem->message, "attach it again"));
  g_clear_pointer (&info, cz_evidence_info_free);

  info = import_path (fixture, text, NULL);
  g_assert_error (info->problem, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_DAMAGED);
  g_clear_pointer (&info, cz_evidence_info_free);

  info = import_path (fixture, empty, NULL);
  g_assert_error (info->problem, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_EMPTY);
  g_assert_cmpuint (info->size, ==, 0);
  g_clear_pointer (&info, cz_evidence_info_free);

  info = import_path (fixture, good, &small);
  g_assert_error (info->problem, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_TOO_LARGE);
  g_assert_cmpuint (info->page_count, ==, 2);  /* still inspected, for the preview */
  g_clear_pointer (&info, cz_evidence_info_free);

  if (!cz_test_encrypt_pdf (good, encrypted))
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  info = import_path (fixture, encrypted, NULL);
  g_assert_error (info->problem, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_ENCRYPTED);
  g_assert_nonnull (strstr (info->problem->message, "remove the password"));
  g_assert_nonnull (strstr (info->problem->message, "locked.pdf"));
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "nowhere.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CzEvidenceInfo) info = cz_evidence_store_import (fixture->store, file, NULL, NULL, &error);

  g_assert_null (info);
  g_assert_error (error, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "nowhere.pdf"));
}

/* A file of several read chunks is hashed as sha256sum would: the SHA-256
 * of exactly its bytes, however the reads split them. */
static void
test_import_hash (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "scan.pdf");
  g_autofree char *bytes = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(CzEvidenceInfo) info = NULL;
  gsize length;

  cz_test_write_noise_pdf (path, 2, 800, 800, 7);
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_cmpuint (length, >, 2 * 1024 * 1024);
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, length);

  info = import_path (fixture, path, NULL);
  g_assert_cmpstr (info->sha256, ==, expected);
  g_assert_cmpuint (info->size, ==, length);
}

typedef struct
{
  CzEvidenceStore *store;
  const char      *sha256;
} InspectJob;

static gpointer
inspect_in_thread (gpointer data)
{
  InspectJob *job = data;

  return cz_evidence_store_inspect (job->store, job->sha256, "plan.pdf", NULL);
}

/* Each stored copy is read once per store, whoever asks (the slot that
 * attached it, the wizard's checker, several workers at once); what was found
 * is judged again for each file name and slot limit. */
static void
test_inspected_once (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "plan.pdf");
  g_autofree char *copy = fixture_path (fixture, "规划（副本）.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(CzEvidenceInfo) info = NULL;
  g_autoptr(CzEvidenceInfo) again = NULL;
  g_autoptr(CzEvidenceInfo) judged = NULL;
  g_autoptr(CzEvidenceInfo) looked_up = NULL;
  g_autoptr(CzEvidenceStore) reopened = NULL;
  g_autoptr(CzEvidenceInfo) missing = NULL;
  g_autoptr(CzEvidenceInfo) restored = NULL;
  g_autofree char *stored = NULL;
  CzEvidenceLimits small = { 100, 0 };
  InspectJob job;
  GThread *threads[4];
  gsize length;

  cz_test_write_pdf (path, 3, NULL, NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  g_assert_cmpuint (cz_evidence_store_get_n_inspections (fixture->store), ==, 0);

  /* Nothing is known of a copy before it is inspected. */
  g_assert_null (cz_evidence_store_lookup (fixture->store, "0000000000000000000000000000000000000000000000000000000000000000",
                                           "plan.pdf", NULL));

  info = import_path (fixture, path, NULL);
  g_assert_cmpuint (cz_evidence_store_get_n_inspections (fixture->store), ==, 1);

  /* The same bytes under another name: not read again, named as attached. */
  again = import_path (fixture, copy, NULL);
  g_assert_cmpstr (again->sha256, ==, info->sha256);
  g_assert_cmpstr (again->name, ==, "规划（副本）.pdf");
  g_assert_cmpuint (again->page_count, ==, 3);
  g_assert_cmpuint (cz_evidence_store_get_n_inspections (fixture->store), ==, 1);

  /* Inspecting it for a slot with a lower limit judges, without reading. */
  judged = cz_evidence_store_inspect (fixture->store, info->sha256, "plan.pdf", &small);
  g_assert_error (judged->problem, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (judged->problem->message, "plan.pdf"));
  g_assert_cmpuint (judged->page_count, ==, 3);
  looked_up = cz_evidence_store_lookup (fixture->store, info->sha256, "plan.pdf", NULL);
  g_assert_nonnull (looked_up);
  g_assert_no_error (looked_up->problem);
  g_assert_cmpstr (looked_up->sha256, ==, info->sha256);
  g_assert_cmpuint (cz_evidence_store_get_n_inspections (fixture->store), ==, 1);

  /* Another store on the same folder (a dossier opened again) reads it once,
   * however many workers ask at the same time. */
  reopened = cz_evidence_store_new (cz_evidence_store_get_root (fixture->store));
  job.store = reopened;
  job.sha256 = info->sha256;
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("inspect", inspect_in_thread, &job);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(CzEvidenceInfo) result = g_thread_join (threads[i]);

      g_assert_no_error (result->problem);
      g_assert_cmpuint (result->page_count, ==, 3);
    }
  g_assert_cmpuint (cz_evidence_store_get_n_inspections (reopened), ==, 1);

  /* A stored copy that went missing says so, and attaching it again reads it again. */
  g_clear_object (&reopened);
  reopened = cz_evidence_store_new (cz_evidence_store_get_root (fixture->store));
  stored = cz_evidence_store_dup_path (reopened, info->sha256);
  g_assert_cmpint (g_unlink (stored), ==, 0);
  missing = cz_evidence_store_inspect (reopened, info->sha256, "plan.pdf", NULL);
  g_assert_error (missing->problem, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_MISSING);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    restored = cz_evidence_store_import (reopened, file, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_no_error (restored->problem);
  g_assert_cmpuint (restored->page_count, ==, 3);
  g_assert_cmpuint (cz_evidence_store_get_n_inspections (reopened), ==, 2);
}

static void
assert_page_size (Fixture    *fixture,
                  const char *sha256,
                  double      width,
                  double      height)
{
  g_autofree char *path = cz_evidence_store_dup_path (fixture->store, sha256);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *page;
  double w, h;

  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, width, 0.5);
  g_assert_cmpfloat_with_epsilon (h, height, 0.5);
  g_object_unref (page);
  g_object_unref (document);
}

static void
test_images (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *png = fixture_path (fixture, "scan.png");
  g_autofree char *jpeg = fixture_path (fixture, "scan.jpg");
  g_autofree char *broken = fixture_path (fixture, "broken.png");
  g_autoptr(CzEvidenceInfo) info = NULL;
  g_autoptr(CzEvidenceInfo) again = NULL;

  /* A PNG records no resolution here: 300 dpi, so 2480 × 3508 px is A4. */
  cz_test_write_png (png, 2480, 3508);
  info = import_path (fixture, png, NULL);
  g_assert_no_error (info->problem);
  g_assert_true (info->converted);
  g_assert_cmpuint (info->page_count, ==, 1);
  assert_page_size (fixture, info->sha256, 2480 * 72.0 / 300, 3508 * 72.0 / 300);
  again = import_path (fixture, png, NULL);
  g_assert_cmpstr (again->sha256, ==, info->sha256);
  g_assert_cmpuint (count_stored (fixture), ==, 1);
  g_clear_pointer (&info, cz_evidence_info_free);
  g_clear_pointer (&again, cz_evidence_info_free);

  {
    /* A PNG that says it is a PNG and then is not. */
    static const guint8 header[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                     0, 0, 1, 0, 0, 0, 1, 0, 8, 2, 0, 0, 0 };
    g_assert_true (g_file_set_contents (broken, (const char *) header, sizeof header, NULL));
    info = import_path (fixture, broken, NULL);
    g_assert_error (info->problem, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_IMAGE);
    g_assert_null (info->sha256);
    g_clear_pointer (&info, cz_evidence_info_free);
  }

  if (!cz_test_write_jpeg (jpeg, 1200, 1500, 150))
    {
      g_test_skip ("ImageMagick convert is not installed");
      return;
    }
  /* The JPEG's own 150 dpi decides the page size. */
  info = import_path (fixture, jpeg, NULL);
  g_assert_no_error (info->problem);
  g_assert_true (info->converted);
  g_assert_cmpuint (info->page_count, ==, 1);
  assert_page_size (fixture, info->sha256, 1200 * 72.0 / 150, 1500 * 72.0 / 150);
  again = import_path (fixture, jpeg, NULL);
  g_assert_cmpstr (again->sha256, ==, info->sha256);
  g_assert_cmpuint (count_stored (fixture), ==, 2);
}

/* Nothing a file contains may crash: random bytes, mangled and truncated PDFs. */
static void
test_fuzz (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *good = fixture_path (fixture, "good.pdf");
  g_autofree char *path = fixture_path (fixture, "fuzz.pdf");
  g_autofree char *contents = NULL;
  GRand *rand = g_rand_new_with_seed (20250101);
  gsize length;

  cz_test_write_pdf (good, 2, "Fuzz", "text");
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));

  for (guint round = 0; round < 60; round++)
    {
      g_autofree char *mangled = g_memdup2 (contents, length);
      gsize mangled_length = length;
      g_autoptr(CzEvidenceInfo) info = NULL;

      switch (round % 4)
        {
        case 0:  /* random bytes behind a PDF header */
          mangled_length = (gsize) g_rand_int_range (rand, 5, 4096);
          for (gsize i = 0; i < mangled_length; i++)
            mangled[i] = (char) g_rand_int (rand);
          memcpy (mangled, "%PDF-", 5);
          break;
        case 1:  /* truncated anywhere */
          mangled_length = (gsize) g_rand_int_range (rand, 1, (gint32) length);
          break;
        case 2:  /* bytes flipped */
          for (guint i = 0; i < 40; i++)
            mangled[g_rand_int_range (rand, 0, (gint32) length)] = (char) g_rand_int (rand);
          break;
        default: /* an image header with garbage behind it */
          mangled_length = (gsize) g_rand_int_range (rand, 3, 2048);
          for (gsize i = 0; i < mangled_length; i++)
            mangled[i] = (char) g_rand_int (rand);
          mangled[0] = (char) 0xff; mangled[1] = (char) 0xd8; mangled[2] = (char) 0xff;
          break;
        }
      g_assert_true (g_file_set_contents (path, mangled, (gssize) mangled_length, NULL));
      info = import_path (fixture, path, NULL);
      g_assert_nonnull (info->name);
    }
  g_rand_free (rand);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_import_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "async.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CzEvidenceInfo) info = NULL;

  cz_test_write_pdf (path, 2, NULL, NULL);
  cz_evidence_store_import_async (fixture->store, file, NULL, NULL, on_imported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  info = cz_evidence_store_import_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->page_count, ==, 2);
  g_clear_object (&result);

  g_cancellable_cancel (cancellable);
  cz_evidence_store_import_async (fixture->store, file, NULL, cancellable, on_imported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (cz_evidence_store_import_finish (fixture->store, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_dossier_records (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "map.pdf");
  g_autoptr(CzDossier) dossier = cz_dossier_new ("test");
  g_autoptr(CzEvidenceInfo) info = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(CzDossier) reloaded = NULL;
  g_autofree char *data_json = NULL;
  g_autoptr(GError) error = NULL;

  cz_test_write_pdf (path, 4, NULL, NULL);
  info = import_path (fixture, path, NULL);

  cz_evidence_add_to_dossier (dossier, "boundary-map", info, "2-3");
  g_assert_true (cz_evidence_set_member (dossier, "boundary-map", info->sha256, "issuer", "自然资源局"));
  cz_evidence_add_to_dossier (dossier, "boundary-map", info, NULL);  /* again: still one */
  cz_evidence_add_to_dossier (dossier, "development-plan", info, NULL);

  records = cz_evidence_dup_records (dossier, "boundary-map");
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (cz_evidence_record_get_text (records->pdata[0], "slot"), ==, "boundary-map");
  g_assert_cmpstr (cz_evidence_record_get_text (records->pdata[0], "sha256"), ==, info->sha256);
  g_assert_cmpstr (cz_evidence_record_get_text (records->pdata[0], "name"), ==, "map.pdf");
  g_assert_cmpstr (cz_evidence_record_get_text (records->pdata[0], "title"), ==, "map");
  g_assert_cmpstr (cz_evidence_record_get_text (records->pdata[0], "issuer"), ==, "自然资源局");
  g_assert_cmpstr (cz_evidence_record_get_text (records->pdata[0], "pages"), ==, "2-3");
  g_assert_cmpint (cz_evidence_record_get_int (records->pdata[0], "page_count"), ==, 4);
  g_assert_cmpint (cz_evidence_record_get_int (records->pdata[0], "size"), ==, (gint64) info->size);
  g_assert_cmpstr (cz_evidence_record_get_text (records->pdata[0], "pdf_version"), ==, info->pdf_version);
  g_clear_pointer (&records, g_ptr_array_unref);

  records = cz_evidence_dup_records (dossier, NULL);
  g_assert_cmpuint (records->len, ==, 2);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* Through the dossier's JSON and back. */
  data_json = cz_dossier_to_data (dossier, NULL);
  reloaded = cz_dossier_new_from_data (data_json, -1, "test", &error);
  g_assert_no_error (error);
  records = cz_evidence_dup_records (reloaded, "boundary-map");
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (cz_evidence_record_get_text (records->pdata[0], "pages"), ==, "2-3");
  g_clear_pointer (&records, g_ptr_array_unref);

  g_assert_true (cz_evidence_remove_from_dossier (dossier, "boundary-map", info->sha256));
  g_assert_false (cz_evidence_remove_from_dossier (dossier, "boundary-map", info->sha256));
  records = cz_evidence_dup_records (dossier, NULL);
  g_assert_cmpuint (records->len, ==, 1);
  g_clear_pointer (&records, g_ptr_array_unref);
  g_assert_true (cz_evidence_remove_from_dossier (dossier, "development-plan", info->sha256));
  g_assert_null (cz_dossier_get_value (dossier, CZ_FIELD_EVIDENCE_FILES));
}

static guint
count_findings (GPtrArray  *findings,
                const char *rule_id,
                const char *field_id)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (cz_finding_get_rule_id (findings->pdata[i]), rule_id) &&
        (field_id == NULL || g_strcmp0 (cz_finding_get_field_id (findings->pdata[i]), field_id) == 0))
      n++;
  return n;
}

static void
test_findings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRules) rules = cz_rules_new_builtin (CZ_RULES_BUILTIN_YEAR, &error);
  g_autoptr(CzDossier) dossier = cz_dossier_new ("test");
  g_autofree char *good = fixture_path (fixture, "good.pdf");
  g_autofree char *empty = fixture_path (fixture, "empty.pdf");
  g_autoptr(CzEvidenceInfo) good_info = NULL;
  g_autoptr(CzEvidenceInfo) empty_info = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) infos = NULL;
  guint n_required = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < cz_rules_get_n_evidence_slots (rules); i++)
    if (cz_evidence_slot_get_required (cz_rules_get_evidence_slot (rules, i)))
      n_required++;
  g_assert_cmpuint (n_required, >, 0);

  findings = cz_evidence_dup_findings (dossier, rules, NULL);
  g_assert_cmpuint (count_findings (findings, "evidence-required", NULL), ==, n_required);
  g_assert_cmpuint (count_findings (findings, "evidence-required", "evidence.development-plan"), ==, 1);
  g_assert_cmpint (cz_finding_get_severity (findings->pdata[0]), ==, CZ_SEVERITY_BLOCKER);
  g_assert_cmpint (cz_finding_get_step (findings->pdata[0]), ==, CZ_STEP_EVIDENCE);
  g_clear_pointer (&findings, g_ptr_array_unref);

  cz_test_write_pdf (good, 3, NULL, NULL);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  good_info = import_path (fixture, good, NULL);
  empty_info = import_path (fixture, empty, NULL);
  cz_evidence_add_to_dossier (dossier, "development-plan", good_info, "2-5");  /* past page 3 */
  cz_evidence_add_to_dossier (dossier, "boundary-map", empty_info, NULL);

  infos = cz_evidence_store_inspect_dossier (fixture->store, dossier, rules);
  g_assert_cmpuint (g_hash_table_size (infos), ==, 2);
  findings = cz_evidence_dup_findings (dossier, rules, infos);
  g_assert_cmpuint (count_findings (findings, "evidence-required", "evidence.development-plan"), ==, 0);
  g_assert_cmpuint (count_findings (findings, "evidence-required", "evidence.boundary-map"), ==, 0);
  g_assert_cmpuint (count_findings (findings, "evidence-file", "evidence.boundary-map"), ==, 1);
  g_assert_cmpuint (count_findings (findings, "evidence-pages", "evidence.development-plan"), ==, 1);
  g_assert_cmpuint (count_findings (findings, "evidence-required", NULL), ==, n_required - 2);
  /* A missing document cites the rule asking for it; what is wrong with a
   * file or a page citation is said without a source beside it. */
  for (guint i = 0; i < findings->len; i++)
    {
      const char *rule_id = cz_finding_get_rule_id (findings->pdata[i]);
      const char *citation = cz_finding_get_citation (findings->pdata[i]);

      if (g_str_equal (rule_id, "evidence-required"))
        g_assert_true (citation != NULL && citation[0] != '\0');
      else
        g_assert_true (citation == NULL || citation[0] == '\0');

      /* The stamped form is asked for by the form's signature block, not
       * by the clause on false declarations. */
      if (g_strcmp0 (cz_finding_get_field_id (findings->pdata[i]), "evidence.application-form") == 0)
        {
          g_assert_nonnull (strstr (citation, "申报表"));
          g_assert_null (strstr (citation, "虚假"));
        }
    }
}

static CzFinding *
find_finding (GPtrArray  *findings,
              const char *rule_id,
              const char *field_id)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (cz_finding_get_rule_id (findings->pdata[i]), rule_id) &&
        g_strcmp0 (cz_finding_get_field_id (findings->pdata[i]), field_id) == 0)
      return findings->pdata[i];
  return NULL;
}

/* A citation of a page the file does not have is a false citation: a
 * blocker. Up to the last page is fine; one page past it is not. */
static void
test_pages_past_end_block (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRules) rules = cz_rules_new_builtin (CZ_RULES_BUILTIN_YEAR, &error);
  g_autoptr(CzDossier) dossier = cz_dossier_new ("test");
  g_autofree char *plan = fixture_path (fixture, "plan.pdf");
  g_autoptr(CzEvidenceInfo) info = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) infos = NULL;
  CzFinding *finding;

  g_assert_no_error (error);
  cz_test_write_pdf (plan, 36, NULL, NULL);
  info = import_path (fixture, plan, NULL);
  g_assert_cmpuint (info->page_count, ==, 36);
  cz_evidence_add_to_dossier (dossier, "development-plan", info, "30-36");   /* ends on the last page */
  cz_evidence_add_to_dossier (dossier, "boundary-map", info, "36-37");       /* one page past it */
  cz_evidence_add_to_dossier (dossier, "sme-list", info, "40-45");           /* the clerk's case */

  infos = cz_evidence_store_inspect_dossier (fixture->store, dossier, rules);
  findings = cz_evidence_dup_findings (dossier, rules, infos);
  g_assert_null (find_finding (findings, "evidence-pages", "evidence.development-plan"));
  finding = find_finding (findings, "evidence-pages", "evidence.boundary-map");
  g_assert_nonnull (finding);
  g_assert_cmpint (cz_finding_get_severity (finding), ==, CZ_SEVERITY_BLOCKER);
  g_assert_nonnull (strstr (cz_finding_get_message (finding), "37"));
  finding = find_finding (findings, "evidence-pages", "evidence.sme-list");
  g_assert_nonnull (finding);
  g_assert_cmpint (cz_finding_get_severity (finding), ==, CZ_SEVERITY_BLOCKER);
}

static void
test_sample_evidence (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRules) rules = cz_rules_new_builtin (CZ_RULES_BUILTIN_YEAR, &error);
  g_autoptr(CzDossier) dossier = cz_dossier_new ("sample");
  g_autoptr(GHashTable) infos = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) records = NULL;

  g_assert_no_error (error);
  g_assert_true (cz_sample_add_evidence (fixture->store, dossier, rules, NULL, &error));
  g_assert_no_error (error);
  records = cz_evidence_dup_records (dossier, NULL);
  g_assert_cmpuint (records->len, ==, cz_rules_get_n_evidence_slots (rules));
  g_assert_nonnull (strstr (cz_evidence_record_get_text (records->pdata[0], "title"), "SAMPLE"));

  infos = cz_evidence_store_inspect_dossier (fixture->store, dossier, rules);
  findings = cz_evidence_dup_findings (dossier, rules, infos);
  g_assert_cmpuint (findings->len, ==, 0);

  /* Every page says it is a sample. */
  {
    g_autofree char *path = cz_evidence_store_dup_path (fixture->store,
                                                        cz_evidence_record_get_text (records->pdata[0], "sha256"));
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

    g_assert_no_error (error);
    for (int i = 0; i < poppler_document_get_n_pages (document); i++)
      {
        PopplerPage *page = poppler_document_get_page (document, i);
        g_autofree char *text = poppler_page_get_text (page);

        g_assert_nonnull (strstr (text, "SAMPLE"));
        g_assert_nonnull (strstr (text, "示例"));
        g_object_unref (page);
      }
    g_object_unref (document);
  }
}

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static void
test_page_renderer (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "render.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CzPageRenderer) renderer = NULL;
  g_autoptr(CzRenderedPage) page = NULL;
  g_autoptr(CzRenderedPage) cached = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL };
  double w = 0, h = 0;
  const guint32 *pixels;

  cz_test_write_pdf (path, 3, NULL, NULL);
  /* Room for about two pages of 200 px. */
  renderer = cz_page_renderer_new (file, 2 * 200 * 283 * 4 + 100);

  cz_page_renderer_load_async (renderer, NULL, on_done, &wait);
  while (wait.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cz_page_renderer_load_finish (renderer, wait.result, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_cmpuint (cz_page_renderer_get_n_pages (renderer), ==, 3);
  g_assert_true (cz_page_renderer_get_page_size (renderer, 2, &w, &h));
  g_assert_cmpfloat_with_epsilon (w, 595, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 842, 0.01);
  g_assert_false (cz_page_renderer_get_page_size (renderer, 3, NULL, NULL));

  for (guint i = 0; i < 3; i++)
    {
      cz_page_renderer_render_async (renderer, i, 200, CZ_RENDER_PRIORITY_PAGE, NULL, on_done, &wait);
      while (wait.result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_clear_pointer (&page, cz_rendered_page_unref);
      page = cz_page_renderer_render_finish (renderer, wait.result, &error);
      g_assert_no_error (error);
      g_clear_object (&wait.result);
      g_assert_cmpint (cz_rendered_page_get_width (page), ==, 200);
      g_assert_cmpint (cz_rendered_page_get_height (page), ==, 284);
      g_assert_cmpuint (cz_rendered_page_get_index (page), ==, i);
      g_assert_cmpuint (cz_page_renderer_get_cached_bytes (renderer), <=, 2 * 200 * 284 * 4 + 100);
    }
  /* White paper, and the blue box near the top left. */
  pixels = g_bytes_get_data (cz_rendered_page_get_pixels (page), NULL);
  g_assert_cmphex (pixels[5 * cz_rendered_page_get_stride (page) / 4 + 5] & 0xffffff, ==, 0xffffff);
  g_assert_cmphex (pixels[25 * cz_rendered_page_get_stride (page) / 4 + 30] & 0xffffff, !=, 0xffffff);

  /* The oldest page left the cache; the newest is in it. */
  g_assert_null (cz_page_renderer_lookup (renderer, 0, 200));
  cached = cz_page_renderer_lookup (renderer, 2, 200);
  g_assert_true (cached == page);
  g_assert_cmpuint (cz_page_renderer_get_n_rendered (renderer), ==, 3);

  /* A request cancelled before it starts never renders. */
  g_cancellable_cancel (cancellable);
  cz_page_renderer_render_async (renderer, 0, 300, CZ_RENDER_PRIORITY_THUMBNAIL, cancellable, on_done, &wait);
  while (wait.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (cz_page_renderer_render_finish (renderer, wait.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&wait.result);
  g_clear_error (&error);
  g_assert_cmpuint (cz_page_renderer_get_n_rendered (renderer), ==, 3);
}

static void
test_page_renderer_bad_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "bad.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CzPageRenderer) renderer = cz_page_renderer_new (file, 0);
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL };

  g_assert_true (g_file_set_contents (path, "%PDF-1.4 nothing", -1, NULL));
  cz_page_renderer_render_async (renderer, 0, 100, CZ_RENDER_PRIORITY_PAGE, NULL, on_done, &wait);
  while (wait.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (cz_page_renderer_render_finish (renderer, wait.result, &error));
  g_assert_error (error, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_DAMAGED);
  g_clear_object (&wait.result);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evidence/page-ranges", test_page_ranges);
#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/evidence/import-pdf", test_import_pdf);
  ADD ("/evidence/import-chinese", test_import_chinese);
  ADD ("/evidence/page-count", test_page_count);
  ADD ("/evidence/bad-files", test_bad_files);
  ADD ("/evidence/missing-file", test_missing_file);
  ADD ("/evidence/import-hash", test_import_hash);
  ADD ("/evidence/inspected-once", test_inspected_once);
  ADD ("/evidence/images", test_images);
  ADD ("/evidence/fuzz", test_fuzz);
  ADD ("/evidence/import-async", test_import_async);
  ADD ("/evidence/dossier-records", test_dossier_records);
  ADD ("/evidence/findings", test_findings);
  ADD ("/evidence/pages-past-end-block", test_pages_past_end_block);
  ADD ("/evidence/sample", test_sample_evidence);
  ADD ("/evidence/page-renderer", test_page_renderer);
  ADD ("/evidence/page-renderer-bad-file", test_page_renderer_bad_file);
#undef ADD
  return g_test_run ();
}
