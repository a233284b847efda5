/* bench-autosave.c — what autosave costs the UI thread, and how soon a change is durable
 *
 * Figures, not assertions: the machines are shared and noisy. Each figure is
 * printed beside a baseline measured in the same run:
 *   - UI-thread cost of one change with the store attached, beside the same
 *     change on a dossier no store listens to (the cost of the model alone);
 *   - time from a change to the store's ::saved, beside one bare SQLite
 *     INSERT + COMMIT with the same durability settings (the disk's own floor).
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <time.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cz-fields.h"
#include "cz-store.h"
#include "cz-test-utils.h"

#define N_CHANGES  4000
#define N_DURABLE  60

static double
now_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *samples,
            double  p)
{
  guint index;

  g_array_sort (samples, compare_doubles);
  index = (guint) (p * (samples->len - 1) + 0.5);
  return g_array_index (samples, double, index);
}

/* Typing: each keystroke extends the text; every 40 keys the main loop runs,
 * as it would between frames. */
static GArray *
measure_changes (CzDossier *dossier)
{
  GArray *samples = g_array_sized_new (FALSE, FALSE, sizeof (double), N_CHANGES);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < N_CHANGES; i++)
    {
      double start, usec;

      if (text->len > 60)
        g_string_truncate (text, 0);
      g_string_append (text, "区");
      start = now_usec ();
      cz_dossier_set_text (dossier, i % 2 ? CZ_FIELD_ZONE_NAME : CZ_FIELD_CONTACT_NAME, text->str);
      usec = now_usec () - start;
      g_array_append_val (samples, usec);

      if (i % 40 == 0)
        while (g_main_context_iteration (NULL, FALSE))
          ;
    }
  return samples;
}

typedef struct
{
  gboolean saved;
} SavedFlag;

static void
on_saved (CzStore    *store,
          const char *dossier_id,
          SavedFlag  *flag)
{
  flag->saved = TRUE;
}

static GArray *
measure_durable (CzStore   *store,
                 CzDossier *dossier)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));
  SavedFlag flag = { 0 };
  gulong handler = g_signal_connect (store, "saved", G_CALLBACK (on_saved), &flag);

  for (guint i = 0; i < N_DURABLE; i++)
    {
      g_autofree char *text = g_strdup_printf ("临湖中欧中小企业合作区 %u", i);
      gint64 start;
      double msec;

      flag.saved = FALSE;
      start = g_get_monotonic_time ();
      cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, text);
      while (!flag.saved)
        g_main_context_iteration (NULL, TRUE);
      msec = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, msec);
    }

  g_signal_handler_disconnect (store, handler);
  return samples;
}

/* The floor: one row written and committed with WAL + synchronous=FULL. */
static GArray *
measure_sqlite_floor (const char *dir)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = g_build_filename (dir, "floor.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  sqlite3_open (path, &db);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                    "CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO t VALUES ('zone.name', ?1)", -1, &stmt, NULL);

  for (guint i = 0; i < N_DURABLE; i++)
    {
      g_autofree char *text = g_strdup_printf ("临湖中欧中小企业合作区 %u", i);
      gint64 start = g_get_monotonic_time ();
      double msec;

      sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      msec = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, msec);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return samples;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cz-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "coopzone.db", NULL);
  g_autoptr(CzStore) store = cz_store_new (path, &error);
  g_autoptr(CzDossier) tracked = cz_store_create_dossier (store, NULL, &error);
  g_autoptr(CzDossier) untracked = cz_dossier_new (NULL);
  g_autoptr(GArray) with_store = NULL;
  g_autoptr(GArray) model_only = NULL;
  g_autoptr(GArray) durable = NULL;
  g_autoptr(GArray) floor = NULL;

  setlocale (LC_ALL, "");
  if (tracked == NULL)
    g_error ("%s", error->message);

  /* Warm both paths, then measure them interleaved in halves to share the noise. */
  g_array_unref (measure_changes (untracked));
  g_array_unref (measure_changes (tracked));
  model_only = measure_changes (untracked);
  with_store = measure_changes (tracked);
  cz_store_flush (store, NULL);

  durable = measure_durable (store, tracked);
  floor = measure_sqlite_floor (dir);

  g_print ("# Autosave (%u changes; %u durability samples)\n", N_CHANGES, N_DURABLE);
  g_print ("%-44s %12s %12s %12s\n", "", "median", "p99", "target");
  g_print ("%-44s %10.2f µs %9.2f µs %12s\n", "UI thread per change, store attached",
           percentile (with_store, 0.5), percentile (with_store, 0.99), "≤ 100 µs");
  g_print ("%-44s %10.2f µs %9.2f µs %12s\n", "  baseline: same change, no store",
           percentile (model_only, 0.5), percentile (model_only, 0.99), "");
  g_print ("%-44s %10.1f ms %9.1f ms %12s\n", "change → durable (::saved)",
           percentile (durable, 0.5), percentile (durable, 0.99), "p99 ≤ 1000 ms");
  g_print ("%-44s %10.1f ms %9.1f ms %12s\n", "  baseline: bare SQLite INSERT+COMMIT",
           percentile (floor, 0.5), percentile (floor, 0.99), "");
  g_print ("# change → durable includes the %d ms debounce that batches keystrokes\n", 150);

  g_clear_object (&tracked);
  g_clear_object (&store);
  cz_test_remove_tree (dir);
  return 0;
}
