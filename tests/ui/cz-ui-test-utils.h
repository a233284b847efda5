/* cz-ui-test-utils.h — helpers shared by the UI tests (GTK only; the rest is in
 * tests/common)
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cz-message-row.h"
#include "cz-test-store.h"
#include "cz-test-utils.h"

#define CZ_UI_TEST_TIMEOUT_USEC (10 * G_USEC_PER_SEC)

static inline gboolean
cz_test_wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the main loop until @cond holds, failing after a timeout; never sleeps blindly. */
#define cz_test_spin_until(cond)                                                     \
  G_STMT_START {                                                                     \
    gint64 deadline_ = g_get_monotonic_time () + CZ_UI_TEST_TIMEOUT_USEC;            \
    guint wake_ = g_timeout_add (10, cz_test_wake, NULL);                            \
    while (!(cond) && g_get_monotonic_time () < deadline_)                           \
      g_main_context_iteration (NULL, TRUE);                                         \
    g_source_remove (wake_);                                                         \
    if (!(cond))                                                                     \
      g_error ("Timed out waiting for: %s", #cond);                                  \
  } G_STMT_END

/* Lets pending idle work (layout, async callbacks already due) run. */
static inline void
cz_test_flush_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline GtkWidget *
cz_test_find_widget (GtkWidget   *root,
                     GType        type,
                     gboolean   (*match) (GtkWidget *widget, gconstpointer data),
                     gconstpointer data)
{
  GtkWidget *child;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;

  for (child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cz_test_find_widget (child, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
cz_test_row_has_title (GtkWidget    *widget,
                       gconstpointer title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The row a person finds by its label. */
static inline GtkWidget *
cz_test_find_row (GtkWidget  *root,
                  GType       type,
                  const char *title)
{
  GtkWidget *row = cz_test_find_widget (root, type, cz_test_row_has_title, title);

  if (row == NULL)
    g_error ("No %s titled “%s”", g_type_name (type), title);
  return row;
}

static inline gboolean
cz_test_message_row_targets (GtkWidget    *widget,
                             gconstpointer target)
{
  return cz_message_row_get_target (CZ_MESSAGE_ROW (widget)) == target;
}

static inline CzMessageRow *
cz_test_find_message_row (GtkWidget *root,
                          GtkWidget *target)
{
  GtkWidget *row = cz_test_find_widget (root, CZ_TYPE_MESSAGE_ROW, cz_test_message_row_targets, target);

  if (row == NULL)
    g_error ("No message row under %s", G_OBJECT_TYPE_NAME (target));
  return CZ_MESSAGE_ROW (row);
}

static inline gboolean
cz_test_button_has_action (GtkWidget    *widget,
                           gconstpointer action_name)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

/* The button a person clicks for @action_name; its sensitivity is the action's enabled state. */
static inline GtkWidget *
cz_test_find_action_button (GtkWidget  *root,
                            const char *action_name)
{
  GtkWidget *button = cz_test_find_widget (root, GTK_TYPE_BUTTON, cz_test_button_has_action, action_name);

  if (button == NULL)
    g_error ("No button for %s", action_name);
  return button;
}

static inline GtkWindow *
cz_test_window_new (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static inline void
cz_test_init (int    *argc,
              char ***argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("coopzone-ui-data-XXXXXX", NULL);

  /* Nothing a test does may touch the user's real data. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}
