/* bench-roster.c — importing a 50,000-row roster, beside Python reading the same files
 *
 * A 50,000-row .xlsx and the same rows as GB18030 CSV are written here, then
 * each is imported (parse, check, classify, total) by cz_roster_import() in a
 * child process, beside python3-openpyxl in read-only mode (the .xlsx) and
 * Python's csv module (the CSV) reading every row, so each figure is measured
 * in the same run on the same machine. Wall time (best of three) and each
 * child's own peak resident memory; nothing is asserted about time.
 *
 * Usage: bench-roster [ROWS]; bench-roster --import FILE (the child);
 * bench-roster --write DIR (the two files, to profile by hand).
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cz-roster.h"
#include "cz-test-xlsx.h"

#define RUNS 3
/* Debian's, where python3-openpyxl is installed, before any other on PATH. */
#define PYTHON (g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3" : "python3")

typedef struct
{
  double seconds;
  double cpu_seconds;
  double peak_rss_mb;
  int    status;
} Measure;

static Measure
measure (char **argv)
{
  Measure m = { 0 };
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);
      dup2 (null, STDOUT_FILENO);
      execvp (argv[0], argv);
      _exit (127);
    }
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  m.seconds = (g_get_monotonic_time () - start) / 1e6;
  m.peak_rss_mb = usage.ru_maxrss / 1024.0;
  m.cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                  usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  m.status = WIFEXITED (status) ? WEXITSTATUS (status) : 128;
  return m;
}

static Measure
best_of (char **argv)
{
  Measure best = { G_MAXDOUBLE, G_MAXDOUBLE, 0, 0 };

  for (guint i = 0; i < RUNS; i++)
    {
      Measure m = measure (argv);

      if (m.status != 0)
        {
          g_printerr ("%s exited with %d\n", argv[0], m.status);
          exit (1);
        }
      best.seconds = MIN (best.seconds, m.seconds);
      best.cpu_seconds = MIN (best.cpu_seconds, m.cpu_seconds);
      best.peak_rss_mb = MAX (best.peak_rss_mb, m.peak_rss_mb);
    }
  return best;
}

/* A valid unified social credit code (GB 32100-2015) for @n. */
static void
credit_code (guint n,
             char  out[19])
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
  int sum = 0;

  g_snprintf (out, 19, "91320500%09u", n);
  for (int i = 0; i < 17; i++)
    sum += (int) (strchr (alphabet, out[i]) - alphabet) * weights[i];
  out[17] = alphabet[(31 - sum % 31) % 31];
  out[18] = '\0';
}

static const char *industries[] = { "制造业", "软件和信息技术服务业", "批发业", "零售业", "建筑业", "租赁和商务服务业" };

static void
write_files (guint       rows,
             const char *xlsx,
             const char *csv)
{
  g_autoptr(CzTestXlsx) x = cz_test_xlsx_new ();
  g_autoptr(GString) text = g_string_new ("企业名称,统一社会信用代码,所属行业,从业人员,营业收入（万元）,资产总额（万元）,"
                                          "是否外商投资企业,专精特新,专精特新\"小巨人\",高新技术企业,入驻时间\r\n");

  cz_test_xlsx_add_row (x, 1, (const char *[]) { "s:企业名称", "s:统一社会信用代码", "s:所属行业", "s:从业人员",
                                                  "s:营业收入（万元）", "s:资产总额（万元）", "s:是否外商投资企业",
                                                  "s:专精特新", "s:专精特新\"小巨人\"", "s:高新技术企业", "s:入驻时间", NULL });
  for (guint i = 0; i < rows; i++)
    {
      char code[19];
      g_autofree char *name = g_strdup_printf ("s:苏州工业园区第%u号精密制造有限公司", i + 1);
      g_autofree char *code_cell = NULL;
      g_autofree char *industry = g_strconcat ("s:", industries[i % G_N_ELEMENTS (industries)], NULL);
      g_autofree char *employees = g_strdup_printf ("n:%u", 5 + (i * 37) % 1500);
      g_autofree char *revenue = g_strdup_printf ("n:%u.%02u", 50 + (i * 7919) % 60000, i % 100);
      g_autofree char *assets = g_strdup_printf ("n:%u", 100 + (i * 104729) % 90000);
      const char *yes_no[] = { "s:否", "s:是" };
      g_autofree char *entered = g_strdup_printf ("d:%u", 40000 + i % 5000);

      credit_code (i, code);
      code_cell = g_strconcat ("s:", code, NULL);
      cz_test_xlsx_add_row (x, i + 2, (const char *[]) { name, code_cell, industry, employees, revenue, assets,
                                                         yes_no[i % 7 == 0], yes_no[i % 5 == 0], yes_no[i % 50 == 0],
                                                         yes_no[i % 4 == 0], entered, NULL });
      g_string_append_printf (text, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,2015-%02u-%02u\r\n", name + 2, code, industry + 2,
                              employees + 2, revenue + 2, assets + 2, yes_no[i % 7 == 0] + 2, yes_no[i % 5 == 0] + 2,
                              yes_no[i % 50 == 0] + 2, yes_no[i % 4 == 0] + 2, 1 + i % 12, 1 + i % 28);
    }
  cz_test_xlsx_write (x, xlsx, FALSE);
  cz_test_write_text (csv, text->str, "GB18030", FALSE);
}

static int
run_import (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRoster) roster = cz_roster_import (path, NULL, NULL, NULL, NULL, &error);
  gint64 total = 0;

  if (roster == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  cz_roster_get_total (roster, CZ_ROSTER_TOTAL_SME, &total, NULL);
  g_print ("%u rows, %u problems, %" G_GINT64_FORMAT " SMEs\n", cz_roster_get_n_entries (roster),
           cz_roster_get_n_problems (roster), total);
  return 0;
}

static goffset
file_size (const char *path)
{
  GStatBuf st;
  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *self = NULL;
  guint rows = 50000;
  Measure ours_xlsx, ours_csv, openpyxl, pycsv;
  gboolean have_openpyxl;

  if (argc == 3 && g_str_equal (argv[1], "--import"))
    return run_import (argv[2]);
  /* The files alone, to profile the import by hand. */
  if (argc == 3 && g_str_equal (argv[1], "--write"))
    {
      g_autofree char *x = g_build_filename (argv[2], "roster.xlsx", NULL);
      g_autofree char *c = g_build_filename (argv[2], "roster-gb18030.csv", NULL);
      write_files (rows, x, c);
      return 0;
    }
  if (argc == 2)
    rows = (guint) g_ascii_strtoull (argv[1], NULL, 10);

  self = g_canonicalize_filename (argv[0], NULL);
  dir = g_dir_make_tmp ("cz-bench-roster-XXXXXX", NULL);
  xlsx = g_build_filename (dir, "roster.xlsx", NULL);
  csv = g_build_filename (dir, "roster-gb18030.csv", NULL);
  write_files (rows, xlsx, csv);
  g_print ("# %u rows: .xlsx %.1f MB, GB18030 CSV %.1f MB; best of %d runs, each in its own process\n",
           rows, file_size (xlsx) / 1048576.0, file_size (csv) / 1048576.0, RUNS);
  /* The child's own output: the import's counts, once. */
  {
    g_autofree char *out = NULL;
    const char *child[] = { self, "--import", xlsx, NULL };
    g_spawn_sync (NULL, (char **) child, NULL, 0, NULL, NULL, &out, NULL, NULL, NULL);
    g_print ("# import: %s", out ? out : "?\n");
  }

  ours_xlsx = best_of ((char *[]) { self, (char *) "--import", xlsx, NULL });
  ours_csv = best_of ((char *[]) { self, (char *) "--import", csv, NULL });
  have_openpyxl = measure ((char *[]) { (char *) PYTHON, (char *) "-c", (char *) "import openpyxl", NULL }).status == 0;
  if (have_openpyxl)
    openpyxl = best_of ((char *[]) { (char *) PYTHON, (char *) "-c",
                                     (char *) "import sys, openpyxl\n"
                                              "wb = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
                                              "n = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))\n"
                                              "print(n)\n",
                                     xlsx, NULL });
  pycsv = best_of ((char *[]) { (char *) PYTHON, (char *) "-c",
                                (char *) "import sys, csv\n"
                                         "with open(sys.argv[1], encoding='gb18030', newline='') as f:\n"
                                         "    n = sum(1 for _ in csv.reader(f))\n"
                                         "print(n)\n",
                                csv, NULL });

  /* On a shared machine the CPU time is the fairer figure; both are printed. */
  g_print ("%-62s %8s %8s %12s\n", "", "wall s", "CPU s", "peak RSS MB");
  g_print ("%-62s %8.3f %8.3f %12.1f\n", "CoopZone import .xlsx (parse, check, classify, total)",
           ours_xlsx.seconds, ours_xlsx.cpu_seconds, ours_xlsx.peak_rss_mb);
  if (have_openpyxl)
    g_print ("%-62s %8.3f %8.3f %12.1f   CoopZone %.1f× faster (CPU %.1f×)\n",
             "python3-openpyxl read-only, rows only (baseline)", openpyxl.seconds, openpyxl.cpu_seconds,
             openpyxl.peak_rss_mb, openpyxl.seconds / ours_xlsx.seconds, openpyxl.cpu_seconds / ours_xlsx.cpu_seconds);
  else
    g_print ("python3-openpyxl is not installed (build-aux/deps lists it): no .xlsx baseline\n");
  g_print ("%-62s %8.3f %8.3f %12.1f\n", "CoopZone import GB18030 CSV (parse, check, classify, total)",
           ours_csv.seconds, ours_csv.cpu_seconds, ours_csv.peak_rss_mb);
  g_print ("%-62s %8.3f %8.3f %12.1f   CoopZone %.1f× faster (CPU %.1f×)\n",
           "Python csv module, rows only (baseline)", pycsv.seconds, pycsv.cpu_seconds, pycsv.peak_rss_mb,
           pycsv.seconds / ours_csv.seconds, pycsv.cpu_seconds / ours_csv.cpu_seconds);
  g_print ("# goals: ≥ 10× openpyxl, ≤ 1 s and ≤ 100 MB each\n");

  g_unlink (xlsx);
  g_unlink (csv);
  g_rmdir (dir);
  return 0;
}
