/* screenshots-archive.c — takes the screenshots of the signer set-up, the
 * pack on the review page and the archive view, with the real widgets and
 * flows (run by build-aux/screenshots-archive, in zh_CN, under Xvfb)
 *
 * Usage: screenshots-archive OUT_DIR
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gdk/x11/gdkx.h>
#include <locale.h>
#include <string.h>

#include "archive/cz-archive-view.h"
#include "archive/cz-pack-group.h"
#include "cz-fields.h"
#include "cz-pdf-preview.h"
#include "cz-sample.h"
#include "cz-sample-evidence.h"
#include "cz-stored-dossier.h"
#include "cz-ui-test-utils.h"
#include "cz-wizard.h"
#include "signer/cz-signer-dialog.h"

static const char *out_dir;

static void
wait_frames (guint n)
{
  gint64 until = g_get_monotonic_time () + n * 50 * 1000;
  guint wake = g_timeout_add (10, cz_test_wake, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/* What is on the screen, as ImageMagick's import sees it. */
static void
save_after (GtkWidget  *window,
            const char *name,
            guint       frames)
{
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  g_autofree char *xid = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  wait_frames (frames);
  xid = g_strdup_printf ("0x%lx", (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  if (!g_spawn_sync (NULL, (char *[]) { (char *) "import", (char *) "-window", xid, path, NULL }, NULL,
                     G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("Could not write %s: %s", path, error->message);
  g_print ("screenshots: wrote %s\n", path);
}

static void
save (GtkWidget  *window,
      const char *name)
{
  save_after (window, name, 10);
}

static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  wait_frames (4);
  if (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, point.y - 24);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzStore) store = NULL;
  g_autoptr(CzDossier) sample = cz_sample_dossier_new ();
  g_autoptr(CzDossier) dossier = NULL;
  g_autofree char *store_dir = NULL;
  g_autofree char *archive_path = NULL;
  g_autoptr(GFile) archive = NULL;
  CzSignerDialog *dialog;
  CzSigner *signer;
  CzWizard *wizard;
  CzPackGroup *group;
  GtkWidget *overlay;
  GtkWindow *window;
  CzArchiveView *view;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COOPZONE_LOCALEDIR") ? g_getenv ("COOPZONE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();
  out_dir = argc > 1 ? argv[1] : ".";

  /* The signer set-up, as on first pack: the department's name prefilled. */
  dialog = CZ_SIGNER_DIALOG (cz_signer_dialog_new (NULL, cz_dossier_get_text (sample, CZ_FIELD_APPLICANT_DEPARTMENT)));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (GTK_EDITABLE (cz_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, NULL, NULL)),
                         "Lin-Hu-2026-申报");
  {
    /* The confirmation row is the second password row of the Create page. */
    GtkWidget *first = cz_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, NULL, NULL);
    GtkWidget *confirm = gtk_widget_get_next_sibling (first);

    gtk_editable_set_text (GTK_EDITABLE (confirm), "Lin-Hu-2026-申报");
  }
  save (GTK_WIDGET (dialog), "signer.png");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "signer.create", NULL);
  cz_test_spin_until (cz_signer_dialog_get_signer (dialog) != NULL);
  save (GTK_WIDGET (dialog), "signer-ready.png");
  signer = g_object_ref (cz_signer_dialog_get_signer (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The review page of the sample with its evidence: packing, then packed. */
  store = cz_test_store_new (&store_dir);
  dossier = cz_store_import_dossier (store, sample, &error);
  g_assert_no_error (error);
  cz_sample_add_evidence_to_stored (store, dossier, NULL, &error);
  g_assert_no_error (error);
  wizard = CZ_WIZARD (cz_wizard_new (store, dossier));
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (wizard));
  window = cz_test_window_new (overlay);
  gtk_window_set_default_size (window, 1100, 760);
  wait_frames (4);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.review", NULL);
  group = CZ_PACK_GROUP (cz_test_find_widget (GTK_WIDGET (wizard), CZ_TYPE_PACK_GROUP, NULL, NULL));
  cz_test_spin_until (gtk_widget_is_sensitive (cz_test_find_action_button (GTK_WIDGET (group), "pack.start")));
  scroll_to (GTK_WIDGET (group));
  save (GTK_WIDGET (window), "pack.png");
  {
    g_autofree char *name = cz_pack_group_dup_default_name (group);

    archive_path = g_build_filename (store_dir, name, NULL);
    archive = g_file_new_for_path (archive_path);
  }
  cz_pack_group_pack_to (group, archive, signer);
  save_after (GTK_WIDGET (window), "pack-progress.png", 1);
  cz_test_spin_until (!cz_pack_group_get_packing (group));
  if (cz_pack_group_get_error_message (group) != NULL)
    g_error ("%s", cz_pack_group_get_error_message (group));
  scroll_to (GTK_WIDGET (group));
  save (GTK_WIDGET (window), "pack-result.png");
  gtk_window_destroy (window);

  /* The archive as the province opens it, with the form in the preview. */
  window = cz_archive_view_new_window (NULL, archive);
  gtk_window_present (window);
  view = CZ_ARCHIVE_VIEW (cz_test_find_widget (GTK_WIDGET (window), CZ_TYPE_ARCHIVE_VIEW, NULL, NULL));
  cz_test_spin_until (!g_str_equal (cz_archive_view_get_state (view), "checking"));
  cz_archive_view_preview (view, "data/application-form.pdf");
  cz_test_spin_until (cz_pdf_preview_get_n_pages (CZ_PDF_PREVIEW (cz_archive_view_get_preview (view))) > 0);
  save (GTK_WIDGET (window), "archive.png");
  gtk_window_destroy (window);

  /* The same archive with one byte changed. */
  {
    g_autofree char *contents = NULL;
    g_autofree char *tampered = g_build_filename (store_dir, "tampered.zip", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (tampered);
    gsize length = 0;

    g_file_get_contents (archive_path, &contents, &length, NULL);
    for (gsize i = 0; i + 5 <= length; i++)
      if (memcmp (contents + i, "%PDF-", 5) == 0)
        {
          contents[i + 200] ^= 1;
          break;
        }
    g_file_set_contents (tampered, contents, length, NULL);
    window = cz_archive_view_new_window (NULL, file);
    gtk_window_present (window);
    view = CZ_ARCHIVE_VIEW (cz_test_find_widget (GTK_WIDGET (window), CZ_TYPE_ARCHIVE_VIEW, NULL, NULL));
    cz_test_spin_until (!g_str_equal (cz_archive_view_get_state (view), "checking"));
    save (GTK_WIDGET (window), "archive-refused.png");
    gtk_window_destroy (window);
  }

  g_object_unref (signer);
  return 0;
}
