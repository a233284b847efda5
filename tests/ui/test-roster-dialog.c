/* test-roster-dialog.c — the Import Roster dialog, driven as a person would:
 * a file with three flagged rows, the columns recognised, checking on a
 * worker, the problems listed, accept filling the totals in
 *
 * With CZ_SCREENSHOTS=DIR in the environment it also saves each stage as
 * DIR/roster-<stage>.png (ImageMagick's import, under Xvfb).
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gdk/x11/gdkx.h>
#include <locale.h>

#include "cz-fields.h"
#include "cz-roster-dialog.h"
#include "cz-roster.h"
#include "cz-ui-test-utils.h"

static const char roster_csv[] =
  "企业名称,统一社会信用代码,所属行业,从业人员,营业收入（万元）,资产总额（万元）,是否外商投资企业,专精特新,专精特新\"小巨人\",高新技术企业,入驻时间\r\n"
  "苏州甲精密有限公司,91350100M000100Y43,制造业,150,1200.5,800,否,是,否,是,2021-05-10\r\n"
  "苏州乙科技有限公司,91440300708461136T,软件和信息技术服务业,8,500,100,是,否,否,否,2022-03-01\r\n"
  "苏州丙重工有限公司,91350100M000100Y44,工业,50,600,300,否,否,否,否,\r\n"
  "苏州丁新材料有限公司,9.13E+17,工业,50,600,300,否,否,否,否,\r\n"
  "苏州甲精密有限公司,91350100M000100Y43,工业,50,600,300,否,否,否,否,\r\n"
  "苏州戊贸易有限公司,914403001922038216,批发业,12,3000,500,是,否,否,否,2023-07-15\r\n";

static void
screenshot (GtkWidget  *window,
            const char *stage)
{
  const char *dir = g_getenv ("CZ_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autofree char *xid = NULL;
  gint64 until = g_get_monotonic_time () + 600 * 1000;
  guint wake;

  if (dir == NULL || !GDK_IS_X11_DISPLAY (gtk_widget_get_display (window)))
    return;
  wake = g_timeout_add (10, cz_test_wake, NULL);
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  path = g_strdup_printf ("%s/roster-%s.png", dir, stage);
  xid = g_strdup_printf ("0x%lx", (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  g_spawn_sync (NULL, (char *[]) { (char *) "import", (char *) "-window", xid, path, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
test_import_and_accept (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CzStore) store = cz_test_store_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_store_create_dossier (store, "合作区", &error);
  g_autofree char *csv = g_build_filename (dir, "企业名录.csv", NULL);
  g_autofree char *gb = g_convert (roster_csv, -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  CzRosterDialog *dialog;
  GtkWidget *accept;
  GtkWidget *list;
  gint64 value;

  g_assert_no_error (error);
  cz_dossier_set_integer (dossier, CZ_FIELD_APPLICATION_YEAR, 2025);
  g_file_set_contents (csv, gb, -1, &error);
  g_assert_no_error (error);

  dialog = cz_roster_dialog_new (NULL, store, dossier);
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpstr (cz_roster_dialog_get_stage (dialog), ==, "choose");
  screenshot (GTK_WIDGET (dialog), "choose");

  cz_roster_dialog_open_file (dialog, csv);
  g_assert_cmpstr (cz_roster_dialog_get_stage (dialog), ==, "setup");
  /* The name column is recognised from its header: the second choice (A). */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (cz_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                                                  cz_roster_column_get_label (CZ_ROSTER_NAME)))),
                    ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (cz_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                                                  cz_roster_column_get_label (CZ_ROSTER_REVENUE)))),
                    ==, 5);
  accept = cz_test_find_action_button (GTK_WIDGET (dialog), "roster.accept");
  g_assert_false (gtk_widget_is_sensitive (accept));
  screenshot (GTK_WIDGET (dialog), "setup");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "roster.check", NULL));
  cz_test_spin_until (g_str_equal (cz_roster_dialog_get_stage (dialog), "result"));
  screenshot (GTK_WIDGET (dialog), "result");

  /* Three errors and a warning listed; the counts are blocked, accept is not. */
  list = cz_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, has_name, "problems-list");
  g_assert_nonnull (list);
  g_assert_cmpuint (count_children (list), ==, 4);
  g_assert_true (gtk_widget_is_sensitive (accept));
  /* Nothing in the dossier changes before Accept. */
  g_assert_false (cz_dossier_get_integer (dossier, "enterprises.y2024.total", &value));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "roster.accept", NULL));
  cz_test_spin_until (dialog == NULL);
  /* Errors block the counts; the provenance is kept all the same. */
  g_assert_false (cz_dossier_get_integer (dossier, "enterprises.y2024.total", &value));
  g_assert_true (cz_dossier_get_integer (dossier, CZ_FIELD_ROSTER_ROWS, &value));
  g_assert_cmpint (value, ==, 6);

  cz_test_store_free (g_steal_pointer (&store), g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COOPZONE_LOCALEDIR") ? g_getenv ("COOPZONE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  cz_test_init (&argc, &argv);

  g_test_add_func ("/roster-dialog/import-and-accept", test_import_and_accept);

  return g_test_run ();
}
