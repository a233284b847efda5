/* bench-rules.c — what checking the dossier against the rules pack costs
 *
 * Figures, not assertions: the machines are shared and noisy. Printed beside
 * the 16 ms frame budget and a baseline measured in the same run:
 *   - full evaluation of the complete sample dossier (every rule once),
 *     beside loading the sample dossier itself;
 *   - re-evaluation after one field changes (the UI-thread cost of a
 *     keystroke with the validator attached), beside the same change on a
 *     dossier no validator listens to.
 * Targets: full ≤ 1 ms, one field ≤ 100 µs.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <time.h>

#include "cz-fields.h"
#include "cz-money.h"
#include "cz-rules.h"
#include "cz-sample.h"
#include "cz-validator.h"

#define N_FULL    2000
#define N_CHANGES 20000
#define FRAME_USEC 16000.0

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

/* Constructing a validator evaluates every rule of the pack once. */
static GArray *
measure_full (CzDossier *dossier,
              CzRules   *rules)
{
  GArray *samples = g_array_sized_new (FALSE, FALSE, sizeof (double), N_FULL);

  for (guint i = 0; i < N_FULL; i++)
    {
      double start = now_usec ();
      CzValidator *validator = cz_validator_new (dossier, rules);
      double elapsed = now_usec () - start;

      g_assert_false (cz_validator_get_has_blockers (validator));
      g_object_unref (validator);
      g_array_append_val (samples, elapsed);
    }
  return samples;
}

static GArray *
measure_loading (void)
{
  GArray *samples = g_array_sized_new (FALSE, FALSE, sizeof (double), N_FULL);

  for (guint i = 0; i < N_FULL; i++)
    {
      double start = now_usec ();
      CzDossier *dossier = cz_sample_dossier_new ();
      double elapsed = now_usec () - start;

      g_object_unref (dossier);
      g_array_append_val (samples, elapsed);
    }
  return samples;
}

/* The revenue goes back and forth across 100亿元, so half the changes add a
 * warning to the model and half remove it: the worst kind of keystroke. */
static GArray *
measure_changes (CzDossier *dossier)
{
  GArray *samples = g_array_sized_new (FALSE, FALSE, sizeof (double), N_CHANGES);

  for (guint i = 0; i < N_CHANGES; i++)
    {
      gint64 fen = (i % 2 ? 99 : 101) * CZ_FEN_PER_YI + i;
      double start = now_usec ();
      double elapsed;

      cz_dossier_set_money (dossier, "revenue.y2024.total", fen);
      elapsed = now_usec () - start;
      g_array_append_val (samples, elapsed);
    }
  return samples;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRules) rules = NULL;
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(CzDossier) bare = cz_sample_dossier_new ();
  g_autoptr(CzValidator) validator = NULL;
  g_autoptr(GArray) full = NULL;
  g_autoptr(GArray) loading = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GArray) bare_changes = NULL;

  setlocale (LC_ALL, "");
  rules = cz_rules_new_builtin (CZ_RULES_BUILTIN_YEAR, &error);
  if (rules == NULL)
    g_error ("%s", error->message);

  /* Warm up: divisions, field table, interned ids. */
  g_clear_pointer (&full, g_array_unref);
  full = measure_full (dossier, rules);
  g_array_unref (full);

  full = measure_full (dossier, rules);
  loading = measure_loading ();
  validator = cz_validator_new (dossier, rules);
  changes = measure_changes (dossier);
  bare_changes = measure_changes (bare);

  g_print ("# Rules (%s, %u rules; %u full evaluations, %u one-field changes)\n",
           cz_rules_get_id (rules), cz_rules_get_n_rules (rules), N_FULL, N_CHANGES);
  g_print ("%-48s %12s %12s %12s %14s\n", "", "median", "p99", "target", "frame budget");
  g_print ("%-48s %9.1f µs %9.1f µs %12s %11.0f µs\n", "full evaluation, complete sample dossier",
           percentile (full, 0.5), percentile (full, 0.99), "≤ 1000 µs", FRAME_USEC);
  g_print ("%-48s %9.1f µs %9.1f µs %12s\n", "  baseline: loading the sample dossier",
           percentile (loading, 0.5), percentile (loading, 0.99), "");
  g_print ("%-48s %9.2f µs %9.2f µs %12s %11.0f µs\n", "one field changed, validator attached",
           percentile (changes, 0.5), percentile (changes, 0.99), "≤ 100 µs", FRAME_USEC);
  g_print ("%-48s %9.2f µs %9.2f µs %12s\n", "  baseline: same change, no validator",
           percentile (bare_changes, 0.5), percentile (bare_changes, 0.99), "");
  g_print ("# share of a frame: full %.2f%%, one field %.3f%% (medians)\n",
           100.0 * percentile (full, 0.5) / FRAME_USEC, 100.0 * percentile (changes, 0.5) / FRAME_USEC);
  return 0;
}
