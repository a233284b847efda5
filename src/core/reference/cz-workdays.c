/* cz-workdays.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cz-workdays.h"

#define CALENDAR_RESOURCE RESOURCE_BASE "/core/calendar/holidays-cn.json"

G_DEFINE_QUARK (cz-workdays-error-quark, cz_workdays_error)

typedef enum
{
  DAY_HOLIDAY = 1,
  DAY_ADJUSTED_WORKING_DAY,
} DayKind;

typedef struct
{
  DayKind kind;
  const char *name;  /* interned */
} DayEntry;

typedef struct
{
  GHashTable *days;   /* Julian day number → DayEntry */
  GHashTable *years;  /* year → itself, the years the calendar covers */
} Calendar;

static gboolean
parse_iso_date (const char *text,
                GDate      *out)
{
  guint year, month, day;
  char trailing;

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &trailing) != 3
      || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

static gboolean
load_days (Calendar    *calendar,
           JsonObject  *year_object,
           const char  *member,
           DayKind      kind,
           guint        year,
           GError     **error)
{
  JsonNode *node = json_object_get_member (year_object, member);
  JsonObject *days;
  g_autoptr(GList) dates = NULL;

  /* A year may have no adjusted working days at all. */
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto malformed;

  days = json_node_get_object (node);
  dates = json_object_get_members (days);
  for (const GList *l = dates; l != NULL; l = l->next)
    {
      const char *date_text = l->data;
      JsonNode *name_node = json_object_get_member (days, date_text);
      DayEntry *entry;
      GDate date;

      if (!parse_iso_date (date_text, &date)
          || g_date_get_year (&date) != year
          || !JSON_NODE_HOLDS_VALUE (name_node)
          || json_node_get_value_type (name_node) != G_TYPE_STRING)
        goto malformed;

      entry = g_new0 (DayEntry, 1);
      entry->kind = kind;
      entry->name = g_intern_string (json_node_get_string (name_node));
      g_hash_table_replace (calendar->days,
                            GUINT_TO_POINTER (g_date_get_julian (&date)),
                            entry);
    }

  return TRUE;

malformed:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "%s: “%s” of %u is malformed", CALENDAR_RESOURCE, member, year);
  return FALSE;
}

static gboolean
load_calendar (Calendar  *calendar,
               GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonNode *years_node;
  JsonObject *years;
  g_autoptr(GList) year_names = NULL;

  bytes = g_resources_lookup_data (CALENDAR_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  if (!json_parser_load_from_data (parser,
                                   g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes),
                                   error))
    return FALSE;

  root = json_parser_get_root (parser);
  years_node = JSON_NODE_HOLDS_OBJECT (root)
               ? json_object_get_member (json_node_get_object (root), "years")
               : NULL;
  if (years_node == NULL || !JSON_NODE_HOLDS_OBJECT (years_node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: no “years” object", CALENDAR_RESOURCE);
      return FALSE;
    }

  years = json_node_get_object (years_node);
  year_names = json_object_get_members (years);
  for (const GList *l = year_names; l != NULL; l = l->next)
    {
      JsonNode *year_node = json_object_get_member (years, l->data);
      guint64 year;

      if (!g_ascii_string_to_unsigned (l->data, 10, 1900, 9999, &year, NULL)
          || !JSON_NODE_HOLDS_OBJECT (year_node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: bad year “%s”", CALENDAR_RESOURCE, (const char *) l->data);
          return FALSE;
        }

      if (!load_days (calendar, json_node_get_object (year_node), "holidays",
                      DAY_HOLIDAY, year, error)
          || !load_days (calendar, json_node_get_object (year_node), "workdays",
                         DAY_ADJUSTED_WORKING_DAY, year, error))
        return FALSE;

      g_hash_table_add (calendar->years, GUINT_TO_POINTER ((guint) year));
    }

  return TRUE;
}

/* Loaded once, then only read, so any thread may ask. */
static const Calendar *
get_calendar (void)
{
  static Calendar *calendar = NULL;

  if (g_once_init_enter (&calendar))
    {
      Calendar *loaded = g_new0 (Calendar, 1);
      g_autoptr(GError) error = NULL;

      loaded->days = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      loaded->years = g_hash_table_new (NULL, NULL);

      /* The calendar is compiled in: failing here is a packaging bug. Carry on
       * with no years covered, so every caller is told its years are missing. */
      if (!load_calendar (loaded, &error))
        {
          g_critical ("Cannot load the holiday calendar: %s", error->message);
          g_hash_table_remove_all (loaded->days);
          g_hash_table_remove_all (loaded->years);
        }

      g_once_init_leave (&calendar, loaded);
    }

  return calendar;
}

gboolean
cz_workdays_has_year (guint year)
{
  return g_hash_table_contains (get_calendar ()->years, GUINT_TO_POINTER (year));
}

static const DayEntry *
lookup_day (const GDate *date)
{
  return g_hash_table_lookup (get_calendar ()->days,
                              GUINT_TO_POINTER (g_date_get_julian (date)));
}

gboolean
cz_workdays_is_working_day (const GDate *date)
{
  const DayEntry *entry;
  GDateWeekday weekday;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  entry = lookup_day (date);
  if (entry != NULL)
    return entry->kind == DAY_ADJUSTED_WORKING_DAY;

  weekday = g_date_get_weekday (date);
  return weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;
}

const char *
cz_workdays_get_holiday_name (const GDate *date)
{
  const DayEntry *entry;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  entry = lookup_day (date);
  return entry != NULL ? entry->name : NULL;
}

static void
note_year (const GDate  *date,
           GArray      **missing)
{
  guint year = g_date_get_year (date);

  if (cz_workdays_has_year (year))
    return;

  if (*missing == NULL)
    *missing = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Dates only move forward, so a year already noted is the last one. */
  if ((*missing)->len == 0 || g_array_index (*missing, guint, (*missing)->len - 1) != year)
    g_array_append_val (*missing, year);
}

gboolean
cz_workdays_add (const GDate  *start,
                 guint         n,
                 gboolean      count_start_day,
                 GDate        *out_result,
                 GArray      **out_missing_years,
                 GError      **error)
{
  g_autoptr(GArray) missing = NULL;
  GDate day;
  guint counted = 0;

  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (out_result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_missing_years != NULL)
    *out_missing_years = NULL;

  if (!g_date_valid (start))
    {
      g_set_error_literal (error, CZ_WORKDAYS_ERROR, CZ_WORKDAYS_ERROR_INVALID_DATE,
                           _("The start date is not a valid date"));
      return FALSE;
    }

  if (n > CZ_WORKDAYS_MAX_COUNT)
    {
      g_set_error (error, CZ_WORKDAYS_ERROR, CZ_WORKDAYS_ERROR_OUT_OF_RANGE,
                   _("Cannot count %u working days: at most %u are supported"),
                   n, (guint) CZ_WORKDAYS_MAX_COUNT);
      return FALSE;
    }

  day = *start;

  if (n > 0 && count_start_day)
    {
      note_year (&day, &missing);
      if (cz_workdays_is_working_day (&day))
        counted++;
    }

  while (counted < n)
    {
      /* GDate ends at year 65535; stop well before with a clear error. */
      if (g_date_get_year (&day) >= 9999)
        {
          g_set_error_literal (error, CZ_WORKDAYS_ERROR, CZ_WORKDAYS_ERROR_OUT_OF_RANGE,
                               _("The working-day count runs past the year 9999"));
          return FALSE;
        }

      g_date_add_days (&day, 1);
      note_year (&day, &missing);
      if (cz_workdays_is_working_day (&day))
        counted++;
    }

  *out_result = day;
  if (out_missing_years != NULL)
    *out_missing_years = g_steal_pointer (&missing);

  return TRUE;
}
