/* test-workdays.c — working days over the shipped holiday calendar
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cz-workdays.h"

static GDate
make_date (guint year,
           guint month,
           guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static void
assert_date (const GDate *date,
             guint        year,
             guint        month,
             guint        day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_year (date), ==, year);
  g_assert_cmpuint (g_date_get_month (date), ==, month);
  g_assert_cmpuint (g_date_get_day (date), ==, day);
}

/* Adds and checks the result; @n_missing / @missing are the years expected to
 * be reported missing. */
static void
assert_add (guint        year,
            guint        month,
            guint        day,
            guint        n,
            gboolean     count_start_day,
            guint        expected_year,
            guint        expected_month,
            guint        expected_day,
            guint        n_missing,
            const guint *missing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) missing_years = NULL;
  GDate start = make_date (year, month, day);
  GDate result;

  g_date_clear (&result, 1);
  g_assert_true (cz_workdays_add (&start, n, count_start_day, &result, &missing_years, &error));
  g_assert_no_error (error);
  assert_date (&result, expected_year, expected_month, expected_day);

  if (n_missing == 0)
    {
      g_assert_null (missing_years);
      return;
    }

  g_assert_nonnull (missing_years);
  g_assert_cmpuint (missing_years->len, ==, n_missing);
  for (guint i = 0; i < n_missing; i++)
    g_assert_cmpuint (g_array_index (missing_years, guint, i), ==, missing[i]);
}

static gboolean
is_working (guint year,
            guint month,
            guint day)
{
  GDate date = make_date (year, month, day);

  return cz_workdays_is_working_day (&date);
}

static void
test_calendar_years (void)
{
  for (guint year = 2004; year <= 2026; year++)
    {
      guint working = 0;
      GDate date = make_date (year, 1, 1);

      g_assert_true (cz_workdays_has_year (year));

      /* Every year of the State Council's calendar has about 250 working days. */
      while (g_date_get_year (&date) == year)
        {
          if (cz_workdays_is_working_day (&date))
            working++;
          g_date_add_days (&date, 1);
        }
      g_test_message ("%u: %u working days", year, working);
      g_assert_cmpuint (working, >=, 245);
      g_assert_cmpuint (working, <=, 252);
    }

  g_assert_false (cz_workdays_has_year (2003));
  g_assert_false (cz_workdays_has_year (2027));
}

/* REGULATION.md §5: 30 working days after 2026-09-15, that day not counted. It
 * crosses 中秋 (9-25), 国庆 (10-1 to 10-7) and two adjusted Sundays/Saturdays. */
static void
test_regulation_example (void)
{
  assert_add (2026, 9, 15, 30, FALSE, 2026, 11, 2, 0, NULL);
  /* One day short, and the start day counted instead. */
  assert_add (2026, 9, 15, 29, FALSE, 2026, 10, 30, 0, NULL);
  assert_add (2026, 9, 15, 30, TRUE, 2026, 10, 30, 0, NULL);
}

static void
test_spring_festival_week (void)
{
  /* 2026 春节: 2-15 to 2-23 off; Saturdays 2-14 and 2-28 worked. */
  for (guint day = 15; day <= 23; day++)
    {
      GDate date = make_date (2026, 2, day);

      g_assert_false (cz_workdays_is_working_day (&date));
      g_assert_cmpstr (cz_workdays_get_holiday_name (&date), ==, "春节");
    }
  g_assert_true (is_working (2026, 2, 13));
  g_assert_true (is_working (2026, 2, 24));

  /* From the last working day before the holiday, one working day is the
   * adjusted Saturday, two is the first day after the holiday. */
  assert_add (2026, 2, 13, 1, FALSE, 2026, 2, 14, 0, NULL);
  assert_add (2026, 2, 13, 2, FALSE, 2026, 2, 24, 0, NULL);
  /* Starting inside the holiday and counting the start: it does not count. */
  assert_add (2026, 2, 16, 1, TRUE, 2026, 2, 24, 0, NULL);
}

static void
test_adjusted_working_saturday_counts (void)
{
  GDate saturday = make_date (2026, 10, 10);
  GDate ordinary_saturday = make_date (2026, 10, 17);

  g_assert_cmpint (g_date_get_weekday (&saturday), ==, G_DATE_SATURDAY);
  g_assert_true (cz_workdays_is_working_day (&saturday));
  g_assert_cmpstr (cz_workdays_get_holiday_name (&saturday), ==, "国庆节");
  g_assert_false (cz_workdays_is_working_day (&ordinary_saturday));
  g_assert_null (cz_workdays_get_holiday_name (&ordinary_saturday));

  /* Adjusted Sunday 2026-09-20 counts too: Friday 9-18 + 1 lands on it. */
  assert_add (2026, 9, 18, 1, FALSE, 2026, 9, 20, 0, NULL);
  /* Counting the start day: an adjusted Saturday start is day one. */
  assert_add (2026, 10, 10, 1, TRUE, 2026, 10, 10, 0, NULL);
  assert_add (2026, 10, 17, 1, TRUE, 2026, 10, 19, 0, NULL);
}

static void
test_missing_year_falls_back_to_weekdays (void)
{
  const guint only_2027[] = { 2027 };
  const guint both[] = { 2027, 2028 };
  const guint only_2003[] = { 2003 };
  GDate new_year = make_date (2027, 1, 1);

  /* 2027-01-01 is a Friday: with no calendar it is simply a weekday. */
  g_assert_true (cz_workdays_is_working_day (&new_year));
  g_assert_true (is_working (2027, 1, 4));
  g_assert_false (is_working (2027, 1, 2));

  /* Within the data: no warning, even on its last day. */
  assert_add (2026, 12, 28, 3, FALSE, 2026, 12, 31, 0, NULL);
  /* One more crosses into 2027: Mon–Fri, and 2027 reported. */
  assert_add (2026, 12, 28, 4, FALSE, 2027, 1, 1, 1, only_2027);
  assert_add (2026, 12, 30, 5, FALSE, 2027, 1, 6, 1, only_2027);
  /* 2027-01-01 (Fri) + 262 weekdays = 2028-01-04 (Tue). */
  assert_add (2027, 1, 1, 262, FALSE, 2028, 1, 4, 2, both);
  /* Before the data too; 2004-01-01 is a holiday of the shipped calendar. */
  assert_add (2003, 12, 30, 2, FALSE, 2004, 1, 2, 1, only_2003);
}

static void
test_edge_cases (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) missing = NULL;
  GDate start = make_date (2026, 9, 15);
  GDate invalid;
  GDate result;

  /* Zero working days: the start itself, on any day. */
  assert_add (2026, 2, 16, 0, FALSE, 2026, 2, 16, 0, NULL);
  assert_add (2026, 2, 16, 0, TRUE, 2026, 2, 16, 0, NULL);

  /* The missing-years out-parameter is optional. */
  g_assert_true (cz_workdays_add (&start, 30, FALSE, &result, NULL, &error));
  g_assert_no_error (error);
  assert_date (&result, 2026, 11, 2);

  g_date_clear (&invalid, 1);
  g_assert_false (cz_workdays_add (&invalid, 1, FALSE, &result, &missing, &error));
  g_assert_error (error, CZ_WORKDAYS_ERROR, CZ_WORKDAYS_ERROR_INVALID_DATE);
  g_assert_null (missing);
  g_clear_error (&error);

  g_assert_true (cz_workdays_add (&start, CZ_WORKDAYS_MAX_COUNT, FALSE, &result, &missing, &error));
  g_assert_no_error (error);
  g_assert_nonnull (missing);
  g_clear_pointer (&missing, g_array_unref);

  g_assert_false (cz_workdays_add (&start, CZ_WORKDAYS_MAX_COUNT + 1, FALSE, &result, &missing, &error));
  g_assert_error (error, CZ_WORKDAYS_ERROR, CZ_WORKDAYS_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  start = make_date (9998, 12, 1);
  g_assert_false (cz_workdays_add (&start, 1000, FALSE, &result, &missing, &error));
  g_assert_error (error, CZ_WORKDAYS_ERROR, CZ_WORKDAYS_ERROR_OUT_OF_RANGE);
  g_assert_null (missing);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workdays/calendar-years", test_calendar_years);
  g_test_add_func ("/workdays/regulation-example", test_regulation_example);
  g_test_add_func ("/workdays/spring-festival-week", test_spring_festival_week);
  g_test_add_func ("/workdays/adjusted-working-saturday-counts", test_adjusted_working_saturday_counts);
  g_test_add_func ("/workdays/missing-year-falls-back-to-weekdays", test_missing_year_falls_back_to_weekdays);
  g_test_add_func ("/workdays/edge-cases", test_edge_cases);

  return g_test_run ();
}
