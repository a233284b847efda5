/* bench-archive.c — packing and verifying 1 GiB of evidence, beside
 * `openssl dgst -sha256` over the same files in the same run
 *
 * The evidence (40 files of 25 MiB) is generated once on tmpfs (/dev/shm),
 * and the archive is written there too, so the disk is not what is measured.
 * Pack, verify and openssl each run in a child process, so each one's peak
 * resident memory (ru_maxrss) is its own. Best of three runs.
 *
 * Pack and verify split the work between two threads, so on a busy machine
 * their wall time suffers more than openssl's: each thread keeps waiting for
 * the other to get a turn on a CPU. The CPU time of their busiest thread,
 * beside openssl's, is about what the ratio comes to with a core free for
 * each thread.
 *
 *   bench-archive [N_FILES [MIB_PER_FILE]]
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <locale.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cz-archive.h"
#include "cz-signer.h"
#include "cz-sample.h"
#include "cz-test-utils.h"

#define RUNS 3
#define TARGET_RATIO 1.25
#define TARGET_RSS_MB 100

typedef struct
{
  double seconds;
  double cpu_seconds;   /* user + system, all threads */
  double busiest_thread_cpu_seconds;  /* as the child reports it, or 0 */
  double peak_rss_mb;
  int    status;
} Measure;

#define BUSIEST_THREAD_TAG "busiest-thread-cpu "

/* In a child, on its stdout: the CPU time of its busiest thread, taking
 * the threads other than the main one as one (here: the hash worker). */
static void
report_busiest_thread (void)
{
  struct timespec main_thread;
  struct rusage usage;
  double main_seconds, all_seconds;

  g_assert_cmpint (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &main_thread), ==, 0);
  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  main_seconds = main_thread.tv_sec + main_thread.tv_nsec / 1e9;
  all_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  g_print (BUSIEST_THREAD_TAG "%.3f\n", MAX (main_seconds, all_seconds - main_seconds));
}

/* Runs @argv in a child; wall time and the child's own peak RSS. */
static Measure
measure (char **argv)
{
  Measure m = { 0 };
  struct rusage usage;
  g_autoptr(GString) output = g_string_new (NULL);
  const char *reported;
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  int out[2];
  pid_t pid;
  char chunk[4096];
  ssize_t n;

  g_assert_cmpint (pipe (out), ==, 0);
  pid = fork ();
  if (pid == 0)
    {
      close (out[0]);
      dup2 (out[1], STDOUT_FILENO);
      execvp (argv[0], argv);
      _exit (127);
    }
  g_assert_cmpint (pid, >, 0);
  close (out[1]);
  while ((n = read (out[0], chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (output, chunk, n);
  close (out[0]);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  m.seconds = (g_get_monotonic_time () - start) / 1e6;
  m.peak_rss_mb = usage.ru_maxrss / 1024.0;
  m.cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                  usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  m.status = WIFEXITED (status) ? WEXITSTATUS (status) : 128;
  reported = strstr (output->str, BUSIEST_THREAD_TAG);
  if (reported != NULL)
    m.busiest_thread_cpu_seconds = g_ascii_strtod (reported + strlen (BUSIEST_THREAD_TAG), NULL);
  return m;
}

/* @remove_first: a file to delete before each run, outside the timing
 * (replacing a 1 GiB file frees its pages, which is not packing). */
static Measure
best_of (char       **argv,
         const char  *remove_first)
{
  Measure best = { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, 0, 0 };

  for (guint i = 0; i < RUNS; i++)
    {
      Measure m;

      if (remove_first != NULL)
        g_unlink (remove_first);
      m = measure (argv);

      if (m.status != 0)
        {
          g_printerr ("%s exited with %d\n", argv[0], m.status);
          exit (1);
        }
      if (m.seconds < best.seconds)
        best.seconds = m.seconds;
      if (m.cpu_seconds < best.cpu_seconds)
        best.cpu_seconds = m.cpu_seconds;
      if (m.busiest_thread_cpu_seconds < best.busiest_thread_cpu_seconds)
        best.busiest_thread_cpu_seconds = m.busiest_thread_cpu_seconds;
      best.peak_rss_mb = MAX (best.peak_rss_mb, m.peak_rss_mb);
    }
  return best;
}

static void
generate (const char *dir,
          guint       n_files,
          gsize       size)
{
  g_autofree guint64 *block = g_malloc (size);
  guint64 state = 0x9e3779b97f4a7c15ULL;

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/evidence-%02u.pdf", dir, i + 1);

      /* xorshift: incompressible, and fast enough to make a GiB in a second */
      for (gsize k = 0; k < size / sizeof (guint64); k++)
        {
          state ^= state << 13;
          state ^= state >> 7;
          state ^= state << 17;
          block[k] = state;
        }
      memcpy (block, "%PDF-1.7\n", 9);
      g_assert_true (g_file_set_contents (path, (const char *) block, size, NULL));
    }
}

static JsonNode *
bench_check (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  json_parser_load_from_data (parser,
                              "{\"rules_pack\":{\"id\":\"bench\",\"sha256\":\"00\"},\"findings\":[],\"score\":null}",
                              -1, NULL);
  return json_node_ref (json_parser_get_root (parser));
}

/* Child: pack every file of @dir into @out. */
static int
child_pack (const char *dir,
            const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzSigner) signer = cz_signer_create_department ("基准测试部门", CZ_SIGNER_KEY_ECDSA_P256, NULL, &error);
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(CzPackOptions) options = cz_pack_options_new ();
  g_autoptr(JsonNode) check = bench_check ();
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  cz_pack_options_set_check (options, check);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *criterion = g_strdup_printf ("c%u", i % 8 + 1);

      cz_pack_options_add_evidence (options, criterion, file, NULL, NULL, NULL);
    }
  if (!cz_archive_pack (dossier, options, signer, out_file, NULL, NULL, NULL, &error))
    {
      g_printerr ("pack: %s\n", error->message);
      return 1;
    }
  report_busiest_thread ();
  return 0;
}

static int
child_verify (const char *archive)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (archive);
  g_autoptr(CzArchiveVerification) result = cz_archive_verify (file, NULL, NULL, NULL, NULL, &error);

  if (result == NULL || !cz_archive_verification_get_valid (result))
    {
      g_printerr ("verify: %s\n", error ? error->message : cz_archive_verification_get_problems (result)[0]);
      return 1;
    }
  report_busiest_thread ();
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *archive = NULL;
  g_autofree char *self = NULL;
  g_autoptr(GPtrArray) openssl_argv = g_ptr_array_new_with_free_func (g_free);
  guint n_files = 40;
  gsize mib = 25;
  g_autofree char *copy_path = NULL;
  Measure hash, pack, verify, copy;

  setlocale (LC_ALL, "");
  if (argc == 4 && g_str_equal (argv[1], "--pack"))
    return child_pack (argv[2], argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "--verify"))
    return child_verify (argv[2]);
  if (argc > 1)
    n_files = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  if (argc > 2)
    mib = (gsize) g_ascii_strtoull (argv[2], NULL, 10);

  self = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  root = g_build_filename (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir (),
                           "cz-bench-archive-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (root));
  evidence = g_build_filename (root, "evidence", NULL);
  archive = g_build_filename (root, "申报包.zip", NULL);
  copy_path = g_build_filename (root, "copy", NULL);
  g_assert_cmpint (g_mkdir (evidence, 0700), ==, 0);

  g_print ("# generating %u files of %zu MiB in %s\n", n_files, mib, root);
  generate (evidence, n_files, mib * 1024 * 1024);

  g_ptr_array_add (openssl_argv, g_strdup ("openssl"));
  g_ptr_array_add (openssl_argv, g_strdup ("dgst"));
  g_ptr_array_add (openssl_argv, g_strdup ("-sha256"));
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (openssl_argv, g_strdup_printf ("%s/evidence-%02u.pdf", evidence, i + 1));
  g_ptr_array_add (openssl_argv, NULL);

  {
    char *pack_argv[] = { self, (char *) "--pack", evidence, archive, NULL };
    char *verify_argv[] = { self, (char *) "--verify", archive, NULL };
    g_autofree char *cat_command = g_strdup_printf ("cat '%s'/*.pdf > '%s'", evidence, copy_path);
    char *cat_argv[] = { (char *) "/bin/sh", (char *) "-c", cat_command, NULL };

    /* Interleaved, so a noisy moment hits both sides alike. */
    hash = best_of ((char **) openssl_argv->pdata, NULL);
    pack = best_of (pack_argv, archive);
    verify = best_of (verify_argv, NULL);
    copy = best_of (cat_argv, copy_path);
    {
      Measure again = best_of ((char **) openssl_argv->pdata, NULL);
      if (again.seconds < hash.seconds)
        hash.seconds = again.seconds;
      if (again.cpu_seconds < hash.cpu_seconds)
        hash.cpu_seconds = again.cpu_seconds;
    }
  }

  {
    double load[1] = { 0 };

    getloadavg (load, 1);
    g_print ("payload: %u files, %.2f GiB, on tmpfs; best of %d runs; %u CPUs, load average %.1f\n",
             n_files, n_files * mib / 1024.0, RUNS, g_get_num_processors (), load[0]);
  }
  g_print ("openssl dgst -sha256 (baseline): %6.3f s   CPU %6.3f s   peak RSS %6.1f MB\n",
           hash.seconds, hash.cpu_seconds, hash.peak_rss_mb);
  g_print ("cat > file (copy, for scale):     %6.3f s   CPU %6.3f s\n", copy.seconds, copy.cpu_seconds);
  g_print ("pack:                            %6.3f s   CPU %6.3f s   peak RSS %6.1f MB   %.2f× baseline (target ≤ %.2f×, ≤ %d MB)\n",
           pack.seconds, pack.cpu_seconds, pack.peak_rss_mb, pack.seconds / hash.seconds, TARGET_RATIO, TARGET_RSS_MB);
  g_print ("verify:                          %6.3f s   CPU %6.3f s   peak RSS %6.1f MB   %.2f× baseline (target ≤ %.2f×, ≤ %d MB)\n",
           verify.seconds, verify.cpu_seconds, verify.peak_rss_mb, verify.seconds / hash.seconds, TARGET_RATIO, TARGET_RSS_MB);
  g_print ("busiest thread, CPU:  pack %.3f s = %.2f×, verify %.3f s = %.2f× the baseline's CPU (≈ the ratios with a core free for each thread)\n",
           pack.busiest_thread_cpu_seconds, pack.busiest_thread_cpu_seconds / hash.cpu_seconds,
           verify.busiest_thread_cpu_seconds, verify.busiest_thread_cpu_seconds / hash.cpu_seconds);

  cz_test_remove_tree (root);
  return 0;
}
