/* bench-startup.c — start-up of coopzone to its first frame, beside a minimal window
 *
 * Both programs print "first-frame" when their first frame is painted. Each
 * run is timed from spawn to that line; the two programs alternate so they
 * share the machine's noise. Run under a display (build-aux/bench uses Xvfb).
 *
 * Both run in zh_CN, the users' language: the minimal window shows the Zone
 * step's Chinese text, so the ratio measures what CoopZone adds, not CJK text
 * shaping itself. With BASE_COOPZONE and BASE_CLI (another build, e.g. the
 * previous main), that build is measured in the same run, with its own store.
 *
 * usage: bench-startup COOPZONE MINIMAL_WINDOW COOPZONE_CLI [RUNS [BASE_COOPZONE BASE_CLI]]
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <time.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

static double
now_msec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

static double
time_to_first_frame (const char * const *argv,
                     const char         *data_home,
                     const char         *renderer)
{
  /* An uninstalled build finds its translation in <build>/po, from <build>/src/app/coopzone. */
  g_autofree char *app_dir = g_path_get_dirname (argv[0]);
  g_autofree char *localedir = g_build_filename (app_dir, "..", "..", "po", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  double start, elapsed;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "COOPZONE_BENCH_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANG", "zh_CN.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "zh_CN.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "zh_CN", TRUE);
  if (g_file_test (localedir, G_FILE_TEST_IS_DIR))
    g_subprocess_launcher_setenv (launcher, "COOPZONE_LOCALEDIR", localedir, TRUE);
  if (renderer != NULL)
    g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", renderer, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "GSK_RENDERER");

  start = now_msec ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    g_error ("%s", error->message);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
    {
      if (g_str_equal (line, "first-frame"))
        break;
      g_clear_pointer (&line, g_free);
    }
  elapsed = now_msec () - start;
  if (line == NULL)
    g_error ("%s never showed its first frame", argv[0]);

  g_subprocess_wait (process, NULL, NULL);
  return elapsed;
}

/* A store in @data_home holding the sample dossier, written by @cli; its id. */
static char *
store_sample (const char *cli,
              const char *data_home)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, cli, "sample", "--store", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  return g_strstrip (g_strdup (out));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *base_home = NULL;
  g_autofree char *id = NULL;
  g_autofree char *base_id = NULL;
  const char *renderers[] = { "cairo", NULL };
  const char *base = argc > 6 ? argv[5] : NULL;
  guint runs;

  setlocale (LC_ALL, "");

  if (argc < 4)
    {
      g_printerr ("usage: %s COOPZONE MINIMAL_WINDOW COOPZONE_CLI [RUNS [BASE_COOPZONE BASE_CLI]]\n", argv[0]);
      return 2;
    }
  runs = argc > 4 ? (guint) g_ascii_strtoull (argv[4], NULL, 10) : 10;
  if (runs < 1)
    runs = 10;

  /* A populated store: the sample dossier, opened straight into its wizard. */
  data_home = g_dir_make_tmp ("cz-bench-startup-XXXXXX", &error);
  g_assert_no_error (error);
  id = store_sample (argv[3], data_home);
  if (base != NULL)
    {
      base_home = g_dir_make_tmp ("cz-bench-startup-base-XXXXXX", &error);
      g_assert_no_error (error);
      base_id = store_sample (argv[6], base_home);
    }

  g_print ("# Start-up to first frame in zh_CN, median of %u runs each, store holding the sample dossier;\n"
           "# the minimal window shows the Zone step's Chinese text%s\n", runs,
           base ? "; \"base\" is the other build, measured in the same run" : "");
  g_print ("%-14s %-26s %12s %16s %8s %10s\n", "renderer", "coopzone shows", "coopzone", "minimal window", "ratio", "target");

  for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
    {
      const char *start_argv[] = { argv[1], NULL };
      const char *dossier_argv[] = { argv[1], "--dossier", id, NULL };
      const char *base_argv[] = { base, "--dossier", base_id, NULL };
      const char *minimal_argv[] = { argv[2], NULL };
      g_autoptr(GArray) start = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) dossier = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) base_dossier = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) minimal = g_array_new (FALSE, FALSE, sizeof (double));
      const char *name = renderers[r] ? renderers[r] : "default (GL)";
      double m;

      /* One warm-up each: the first start pays for cold caches. */
      time_to_first_frame (dossier_argv, data_home, renderers[r]);
      time_to_first_frame (minimal_argv, data_home, renderers[r]);
      if (base != NULL)
        time_to_first_frame (base_argv, base_home, renderers[r]);

      for (guint i = 0; i < runs; i++)
        {
          double t = time_to_first_frame (minimal_argv, data_home, renderers[r]);
          g_array_append_val (minimal, t);
          t = time_to_first_frame (start_argv, data_home, renderers[r]);
          g_array_append_val (start, t);
          t = time_to_first_frame (dossier_argv, data_home, renderers[r]);
          g_array_append_val (dossier, t);
          if (base != NULL)
            {
              t = time_to_first_frame (base_argv, base_home, renderers[r]);
              g_array_append_val (base_dossier, t);
            }
        }

      m = median (minimal);
      g_print ("%-14s %-26s %9.1f ms %13.1f ms %7.2f× %10s\n", name, "start screen",
               median (start), m, median (start) / m, "≤ 1.30×");
      g_print ("%-14s %-26s %9.1f ms %13.1f ms %7.2f× %10s\n", name, "dossier, Zone step",
               median (dossier), m, median (dossier) / m, "≤ 1.30×");
      if (base != NULL)
        g_print ("%-14s %-26s %9.1f ms %13.1f ms %7.2f× %10s\n", name, "dossier, Zone step (base)",
                 median (base_dossier), m, median (base_dossier) / m, "");
    }

  return 0;
}
