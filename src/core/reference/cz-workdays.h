/* cz-workdays.h — working days over the shipped Chinese holiday calendar
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CZ_WORKDAYS_ERROR (cz_workdays_error_quark ())

typedef enum
{
  CZ_WORKDAYS_ERROR_INVALID_DATE,
  CZ_WORKDAYS_ERROR_OUT_OF_RANGE,
} CzWorkdaysError;

/* More working days than any deadline of the measures needs (about 40 years). */
#define CZ_WORKDAYS_MAX_COUNT 10000

GQuark       cz_workdays_error_quark         (void);

/* Whether the shipped calendar (the State Council's holidays and adjusted
 * working days, see resources/calendar/PROVENANCE.md) covers @year. */
gboolean     cz_workdays_has_year            (guint         year);

/* A working day is an adjusted working day (调休), or a Monday–Friday that is not
 * a holiday. For a year the calendar does not cover, simply Monday–Friday. */
gboolean     cz_workdays_is_working_day      (const GDate  *date);

/* The holiday (“春节”) or the holiday an adjusted working day belongs to, or
 * %NULL for an ordinary day. */
const char  *cz_workdays_get_holiday_name    (const GDate  *date);

/* The day on which @n working days from @start are complete: with
 * @count_start_day %FALSE, counting begins the day after @start (30 working days
 * after 2026-09-15 end on 2026-11-02); with %TRUE, @start itself counts when it
 * is a working day. @n = 0 gives @start.
 *
 * When the count crosses a year the calendar does not cover, that year is
 * counted Monday–Friday and added to @out_missing_years (ascending guint years;
 * set to %NULL when none is missing), so the caller can warn that the result is
 * provisional. Fails only on an invalid @start or a count beyond the calendar. */
gboolean     cz_workdays_add                 (const GDate  *start,
                                              guint         n,
                                              gboolean      count_start_day,
                                              GDate        *out_result,
                                              GArray      **out_missing_years,
                                              GError      **error);

G_END_DECLS
