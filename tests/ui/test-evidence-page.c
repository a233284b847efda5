/* test-evidence-page.c — the Evidence step in the wizard: attaching to a
 * slot, the findings on slots in the step list and the review, citing pages,
 * replacing a file, and the preview of the file selected
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cz-sample.h"
#include "cz-ui-test-utils.h"
#include "cz-wizard.h"
#include "pages/evidence/cz-evidence-page.h"
#include "pages/review/cz-review-page.h"

#include "cz-test-pdf.h"

#define PLAN "development-plan"
#define PLAN_FIELD "evidence.development-plan"

typedef struct
{
  char           *dir;
  CzStore        *store;
  CzDossier      *dossier;
  CzWizard       *wizard;
  GtkWindow      *window;
  CzEvidencePage *page;
  CzValidator    *validator;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;

  fixture->dir = g_dir_make_tmp ("test-evidence-page-XXXXXX", NULL);
  database = g_build_filename (fixture->dir, "coopzone.db", NULL);
  fixture->store = cz_store_new (database, &error);
  g_assert_no_error (error);
  fixture->dossier = cz_sample_dossier_new ();
  fixture->wizard = CZ_WIZARD (cz_wizard_new (fixture->store, fixture->dossier));
  fixture->window = cz_test_window_new (GTK_WIDGET (fixture->wizard));
  fixture->validator = cz_wizard_get_validator (fixture->wizard);
  g_assert_true (cz_wizard_show_step (fixture->wizard, "evidence"));
  fixture->page = CZ_EVIDENCE_PAGE (cz_wizard_get_current_page (fixture->wizard));
  cz_test_flush_main_loop ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  cz_test_flush_main_loop ();
  cz_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->dossier);
  cz_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static CzEvidenceSlotGroup *
plan_group (Fixture *fixture)
{
  CzEvidenceSlotGroup *group = cz_evidence_page_get_slot_group (fixture->page, PLAN);

  g_assert_nonnull (group);
  return group;
}

static char *
write_pdf (Fixture    *fixture,
           const char *name,
           guint       n_pages)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  cz_test_write_pdf (path, n_pages, NULL, NULL);
  return path;
}

/* As the file chooser or a drop would. */
static void
attach (Fixture             *fixture,
        CzEvidenceSlotGroup *group,
        const char * const  *paths)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_list_store_append (files, file);
    }
  cz_evidence_slot_group_attach_files (group, G_LIST_MODEL (files));
  cz_test_spin_until (!cz_evidence_slot_group_get_busy (group));
  cz_test_spin_until (!cz_wizard_get_evidence_busy (fixture->wizard));
}

static guint
evidence_blockers (Fixture *fixture)
{
  return cz_validator_get_count (fixture->validator, CZ_STEP_EVIDENCE, CZ_SEVERITY_BLOCKER);
}

static GVariant *
only_record (Fixture *fixture)
{
  g_autoptr(GPtrArray) records = cz_evidence_dup_records (fixture->dossier, PLAN);

  g_assert_cmpuint (records->len, ==, 1);
  return g_variant_ref (records->pdata[0]);
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

static gboolean
subtitle_contains (GtkWidget     *widget,
                   gconstpointer  data)
{
  return contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), data);
}

static void
apply_entry (AdwEntryRow *row,
             const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
test_missing_and_attached (Fixture       *fixture,
                           gconstpointer  data)
{
  CzEvidenceSlotGroup *group = plan_group (fixture);
  CzMessageRow *message = cz_wizard_page_get_field_message (CZ_WIZARD_PAGE (fixture->page), PLAN_FIELD);
  g_autofree char *one = write_pdf (fixture, "plan-1.pdf", 2);
  g_autofree char *two = write_pdf (fixture, "plan-2.pdf", 3);
  g_autofree char *three = write_pdf (fixture, "plan-3.pdf", 4);
  CzReviewPage *review;
  GtkWidget *row;

  /* Each slot's Attach button is named with the document it asks for. */
  g_assert_true (contains (gtk_widget_get_tooltip_text (cz_evidence_slot_group_get_attach_button (group)), "drop"));

  /* The sample has no evidence yet: each of the eight required slots blocks,
   * under the slot and in the step list, as a missing answer does elsewhere. */
  g_assert_true (message == cz_evidence_slot_group_get_message_row (group));
  cz_test_spin_until (evidence_blockers (fixture) == 8);
  g_assert_true (cz_validator_get_has_blockers (fixture->validator));
  g_assert_false (cz_evidence_slot_group_get_satisfied (group));
  cz_test_spin_until (g_strcmp0 (cz_wizard_get_step_state (fixture->wizard, "evidence"), "8 blockers") == 0);
  cz_test_spin_until (g_strcmp0 (cz_message_row_get_finding_style (message), "error") == 0);
  g_assert_true (contains (cz_message_row_get_finding_message (message), "is required"));

  /* The review lists the missing plan; activating it opens the step on the slot. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.review", NULL));
  review = CZ_REVIEW_PAGE (cz_wizard_get_current_page (fixture->wizard));
  cz_test_spin_until ((row = cz_review_page_find_row (review, "evidence-required", PLAN_FIELD)) != NULL);
  g_assert_true (contains (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "is required"));
  g_signal_emit_by_name (row, "activated");
  cz_test_spin_until (cz_wizard_get_current_page (fixture->wizard) == CZ_WIZARD_PAGE (fixture->page));
  cz_test_spin_until (gtk_widget_has_focus (cz_evidence_slot_group_get_attach_button (group)));

  /* …where the finding shows under the slot. */
  cz_test_spin_until (g_strcmp0 (cz_message_row_get_finding_style (message), "error") == 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_true (contains (cz_message_row_get_finding_message (message), "is required"));
  g_assert_true (gtk_widget_has_css_class (cz_evidence_slot_group_get_attach_button (group), "error"));

  /* Three PDFs at once: the slot is satisfied and its finding goes. */
  attach (fixture, group, (const char *[]) { one, two, three, NULL });
  cz_test_spin_until (cz_evidence_slot_group_get_satisfied (group));
  cz_test_spin_until (evidence_blockers (fixture) == 7);
  cz_test_spin_until (cz_message_row_get_finding_message (message) == NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_false (gtk_widget_has_css_class (cz_evidence_slot_group_get_attach_button (group), "error"));
  {
    g_autoptr(GPtrArray) records = cz_evidence_dup_records (fixture->dossier, PLAN);
    g_assert_cmpuint (records->len, ==, 3);
  }

  /* The step list follows. */
  cz_test_spin_until (g_str_has_prefix (cz_wizard_get_step_state (fixture->wizard, "evidence"), "7 blockers"));

  /* …and so does the review: the plan is no longer listed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.review", NULL));
  cz_test_spin_until (cz_review_page_find_row (review, "evidence-required", "evidence.boundary-map") != NULL);
  g_assert_null (cz_review_page_find_row (review, "evidence-required", PLAN_FIELD));
}

/* A dossier with no answer at all is not covered in red, Evidence included;
 * its first answer anywhere makes the missing documents count. */
static void
test_state_follows_findings (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzDossier) dossier = cz_store_create_dossier (fixture->store, NULL, &error);
  CzWizard *wizard;
  GtkWindow *window;
  CzEvidencePage *page;
  CzMessageRow *message;

  g_assert_no_error (error);
  wizard = CZ_WIZARD (cz_wizard_new (fixture->store, dossier));
  window = cz_test_window_new (GTK_WIDGET (wizard));
  g_assert_true (cz_wizard_show_step (wizard, "evidence"));
  page = CZ_EVIDENCE_PAGE (cz_wizard_get_current_page (wizard));
  message = cz_evidence_slot_group_get_message_row (cz_evidence_page_get_slot_group (page, PLAN));
  cz_test_spin_until (!cz_wizard_get_evidence_busy (wizard) &&
                      cz_validator_get_count (cz_wizard_get_validator (wizard), CZ_STEP_EVIDENCE,
                                              CZ_SEVERITY_BLOCKER) == 8);
  cz_test_spin_until (g_strcmp0 (cz_wizard_get_step_state (wizard, "evidence"), "Not started") == 0);
  g_assert_null (cz_message_row_get_finding_message (message));

  cz_dossier_set_text (dossier, CZ_FIELD_ZONE_NAME, "中德（示例）中小企业合作区");
  cz_test_spin_until (g_strcmp0 (cz_wizard_get_step_state (wizard, "evidence"), "8 blockers") == 0);
  cz_test_spin_until (contains (cz_message_row_get_finding_message (message), "is required"));
  g_assert_cmpstr (cz_message_row_get_finding_style (message), ==, "error");

  gtk_window_destroy (window);
  cz_test_flush_main_loop ();
}

/* How many labels on screen under @root say @text. */
static guint
count_shown_labels (GtkWidget  *root,
                    const char *text)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;
  if (GTK_IS_LABEL (root) && contains (gtk_label_get_text (GTK_LABEL (root)), text))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_shown_labels (child, text);
  return n;
}

static void
test_password_protected (Fixture       *fixture,
                         gconstpointer  data)
{
  CzEvidenceSlotGroup *group = plan_group (fixture);
  CzMessageRow *message = cz_evidence_slot_group_get_message_row (group);
  g_autofree char *plain = write_pdf (fixture, "plan.pdf", 2);
  g_autofree char *locked = g_build_filename (fixture->dir, "加密的规划.pdf", NULL);
  g_autoptr(GVariant) record = NULL;
  CzEvidenceFileRow *row;

  if (!cz_test_encrypt_pdf (plain, locked))
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  attach (fixture, group, (const char *[]) { locked, NULL });
  record = only_record (fixture);
  row = cz_evidence_slot_group_get_file_row (group, cz_evidence_record_get_text (record, "sha256"));
  g_assert_nonnull (row);

  /* The finding on the slot says what to do, once, with no rule cited
   * beside it; the file's row is marked and says what is wrong in a word,
   * with no page count it does not know. */
  cz_test_spin_until (contains (cz_message_row_get_finding_message (message), "remove the password"));
  g_assert_cmpstr (cz_message_row_get_finding_style (message), ==, "error");
  g_assert_true (contains (cz_message_row_get_finding_message (message), "加密的规划.pdf"));
  g_assert_false (contains (cz_message_row_get_finding_message (message), "Source:"));
  cz_test_spin_until (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_true (contains (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "Password-protected"));
  g_assert_false (contains (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "0 pages"));
  cz_test_flush_main_loop ();
  g_assert_cmpuint (count_shown_labels (GTK_WIDGET (cz_evidence_page_get_slot_group (fixture->page, PLAN)),
                                        "remove the password"), ==, 1);
  g_assert_false (cz_evidence_slot_group_get_satisfied (group));
  g_assert_cmpuint (evidence_blockers (fixture), ==, 8);
}

static void
test_cite_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  CzEvidenceSlotGroup *group = plan_group (fixture);
  g_autofree char *plan = write_pdf (fixture, "plan.pdf", 3);
  g_autoptr(GVariant) record = NULL;
  g_autoptr(GVariant) cited = NULL;
  CzEvidenceFileRow *row;
  GtkWidget *pages_message;
  CzMessageRow *slot_message = cz_evidence_slot_group_get_message_row (group);
  CzReviewPage *review;

  attach (fixture, group, (const char *[]) { plan, NULL });
  record = only_record (fixture);
  row = cz_evidence_slot_group_get_file_row (group, cz_evidence_record_get_text (record, "sha256"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  pages_message = cz_evidence_file_row_get_pages_message (row);

  /* Not a citation: refused, said under the input, nothing stored. */
  apply_entry (cz_evidence_file_row_get_pages_row (row), "3-1");
  g_assert_true (gtk_widget_get_visible (pages_message));
  g_assert_nonnull (cz_message_row_get_message (CZ_MESSAGE_ROW (pages_message)));
  g_clear_pointer (&record, g_variant_unref);
  record = only_record (fixture);
  g_assert_cmpstr (cz_evidence_record_get_text (record, "pages"), ==, "");

  /* Past the end of a three-page file: kept, the input marked, and the
   * engine's warning said once on the page, under the slot, where the review
   * leads too. */
  apply_entry (cz_evidence_file_row_get_pages_row (row), "2-9");
  g_assert_null (cz_message_row_get_message (CZ_MESSAGE_ROW (pages_message)));
  /* A citation past the last page is a false citation: a blocker (issue 12). */
  cited = only_record (fixture);
  g_assert_cmpstr (cz_evidence_record_get_text (cited, "pages"), ==, "2-9");
  cz_test_spin_until (contains (cz_message_row_get_finding_message (slot_message), "cites page 9"));
  g_assert_cmpstr (cz_message_row_get_finding_style (slot_message), ==, "error");
  cz_test_flush_main_loop ();
  g_assert_cmpuint (count_shown_labels (GTK_WIDGET (fixture->page), "cites page 9"), ==, 1);

  /* A citation that fits: the warning goes, the row shows it as a citation. */
  apply_entry (cz_evidence_file_row_get_pages_row (row), "2-3");
  g_assert_false (gtk_widget_get_visible (pages_message));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cz_evidence_file_row_get_pages_row (row)), "warning"));
  cz_test_spin_until (cz_validator_get_count (fixture->validator, CZ_STEP_EVIDENCE, CZ_SEVERITY_WARNING) == 0);
  cz_test_spin_until (cz_message_row_get_finding_message (slot_message) == NULL);
  g_assert_cmpuint (count_shown_labels (GTK_WIDGET (fixture->page), "cites page"), ==, 0);
  g_assert_true (contains (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "pp. 2–3"));

  /* The review shows the citation with the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.review", NULL));
  review = CZ_REVIEW_PAGE (cz_wizard_get_current_page (fixture->wizard));
  cz_test_spin_until (cz_test_find_widget (GTK_WIDGET (review), ADW_TYPE_ACTION_ROW,
                                           subtitle_contains, "pp. 2–3") != NULL);
}

static void
test_replace_keeps_details (Fixture       *fixture,
                            gconstpointer  data)
{
  CzEvidenceSlotGroup *group = plan_group (fixture);
  g_autofree char *old_path = write_pdf (fixture, "plan-draft.pdf", 3);
  g_autofree char *new_path = write_pdf (fixture, "plan-final.pdf", 5);
  g_autoptr(GVariant) record = NULL;
  g_autoptr(GVariant) replaced = NULL;
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  CzEvidenceFileRow *row;

  attach (fixture, group, (const char *[]) { old_path, NULL });
  record = only_record (fixture);
  row = cz_evidence_slot_group_get_file_row (group, cz_evidence_record_get_text (record, "sha256"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  apply_entry (cz_evidence_file_row_get_title_row (row), "合作区五年发展规划（2025–2029）");
  apply_entry (cz_evidence_file_row_get_issuer_row (row), "示例市人民政府");
  apply_entry (cz_evidence_file_row_get_date_row (row), "2025-03-31");
  apply_entry (cz_evidence_file_row_get_pages_row (row), "2-3");
  g_assert_true (contains (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "五年发展规划"));

  /* A date that is not one is refused. */
  apply_entry (cz_evidence_file_row_get_date_row (row), "31.3.2025");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cz_evidence_file_row_get_date_row (row)), "error"));
  apply_entry (cz_evidence_file_row_get_date_row (row), "2025-03-31");

  /* What slot.replace does once its file chooser is answered. */
  cz_evidence_slot_group_replace_file (group, cz_evidence_record_get_text (record, "sha256"), new_file);
  cz_test_spin_until (!cz_evidence_slot_group_get_busy (group));
  cz_test_spin_until (!cz_wizard_get_evidence_busy (fixture->wizard));

  replaced = only_record (fixture);
  g_assert_cmpstr (cz_evidence_record_get_text (replaced, "name"), ==, "plan-final.pdf");
  g_assert_cmpstr (cz_evidence_record_get_text (replaced, "title"), ==, "合作区五年发展规划（2025–2029）");
  g_assert_cmpstr (cz_evidence_record_get_text (replaced, "issuer"), ==, "示例市人民政府");
  g_assert_cmpstr (cz_evidence_record_get_text (replaced, "date"), ==, "2025-03-31");
  g_assert_cmpstr (cz_evidence_record_get_text (replaced, "pages"), ==, "2-3");
  g_assert_cmpint (cz_evidence_record_get_int (replaced, "page_count"), ==, 5);
  g_assert_cmpstr (cz_evidence_record_get_text (replaced, "sha256"), !=, cz_evidence_record_get_text (record, "sha256"));
  g_assert_null (cz_evidence_slot_group_get_file_row (group, cz_evidence_record_get_text (record, "sha256")));
}

static void
test_preview_selected (Fixture       *fixture,
                       gconstpointer  data)
{
  CzEvidenceSlotGroup *group = plan_group (fixture);
  CzPdfPreview *preview = cz_evidence_page_get_preview (fixture->page);
  g_autofree char *plan = write_pdf (fixture, "plan.pdf", 4);
  g_autofree char *other = write_pdf (fixture, "plan-2026.pdf", 2);
  g_autoptr(GPtrArray) records = NULL;
  const char *plan_sha256, *other_sha256;
  CzEvidenceFileRow *other_row;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (preview)))), ==, "empty");

  /* Two files at once: listed in the order chosen, the first one shown. */
  attach (fixture, group, (const char *[]) { plan, other, NULL });
  records = cz_evidence_dup_records (fixture->dossier, PLAN);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (cz_evidence_record_get_text (records->pdata[0], "name"), ==, "plan.pdf");
  g_assert_cmpstr (cz_evidence_record_get_text (records->pdata[1], "name"), ==, "plan-2026.pdf");
  plan_sha256 = cz_evidence_record_get_text (records->pdata[0], "sha256");
  other_sha256 = cz_evidence_record_get_text (records->pdata[1], "sha256");
  g_assert_cmpstr (cz_evidence_page_get_previewed (fixture->page), ==, plan_sha256);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  cz_test_spin_until (cz_pdf_preview_get_page_texture (preview) != NULL);
  g_assert_cmpuint (cz_pdf_preview_get_page (preview), ==, 0);
  g_assert_cmpuint (cz_pdf_preview_get_n_pages (preview), ==, 4);
  g_assert_null (cz_pdf_preview_get_error (preview));

  /* Its actions are there for the keyboard and the help overlay. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL));
  cz_test_spin_until (cz_pdf_preview_get_page (preview) == 1);

  /* The row of the file shown is marked, and only it. */
  other_row = cz_evidence_slot_group_get_file_row (group, other_sha256);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cz_evidence_slot_group_get_file_row (group, plan_sha256)),
                                           "cz-previewed"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (other_row), "cz-previewed"));

  /* Opening another file's row selects it. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (other_row), TRUE);
  g_assert_cmpstr (cz_evidence_page_get_previewed (fixture->page), ==, other_sha256);
  cz_test_spin_until (cz_pdf_preview_get_n_pages (preview) == 2);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (other_row), "cz-previewed"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cz_evidence_slot_group_get_file_row (group, plan_sha256)),
                                            "cz-previewed"));

  /* Removing the file shown empties the preview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (other_row), "slot.remove", "s", other_sha256));
  cz_test_spin_until (cz_evidence_page_get_previewed (fixture->page) == NULL);
  g_assert_null (cz_pdf_preview_get_file (preview));

  /* Coming back to the step with nothing shown shows the first attached file. */
  g_assert_true (cz_wizard_show_step (fixture->wizard, "review"));
  g_assert_true (cz_wizard_show_step (fixture->wizard, "evidence"));
  {
    g_autoptr(GVariant) next = only_record (fixture);
    cz_test_spin_until (g_strcmp0 (cz_evidence_page_get_previewed (fixture->page),
                                   cz_evidence_record_get_text (next, "sha256")) == 0);
  }
}

static void
spin_for_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  guint wake = g_timeout_add (10, cz_test_wake, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/* Each attached file is read once to inspect it: the slot that attached it
 * and the wizard's checker (the step list, the review) share what was found,
 * and so do they when the dossier is opened again. */
static void
test_inspected_once (Fixture       *fixture,
                     gconstpointer  data)
{
  CzEvidenceSlotGroup *group = plan_group (fixture);
  CzEvidenceStore *store = cz_evidence_page_get_evidence_store (fixture->page);
  g_autofree char *one = write_pdf (fixture, "scan-1.pdf", 2);
  g_autofree char *two = write_pdf (fixture, "scan-2.pdf", 3);
  g_autofree char *three = write_pdf (fixture, "scan-3.pdf", 4);
  CzWizard *wizard;
  GtkWindow *window;
  CzEvidencePage *page;
  CzEvidenceStore *reopened;

  g_assert_nonnull (store);
  attach (fixture, group, (const char *[]) { one, two, three, NULL });
  cz_test_spin_until (evidence_blockers (fixture) == 7);
  cz_test_flush_main_loop ();
  g_assert_cmpuint (cz_evidence_store_get_n_inspections (store), ==, 3);

  /* The dossier opened again, as from the start screen. */
  wizard = CZ_WIZARD (cz_wizard_new (fixture->store, fixture->dossier));
  window = cz_test_window_new (GTK_WIDGET (wizard));
  g_assert_true (cz_wizard_show_step (wizard, "evidence"));
  page = CZ_EVIDENCE_PAGE (cz_wizard_get_current_page (wizard));
  reopened = cz_evidence_page_get_evidence_store (page);
  g_assert_true (reopened != store);
  cz_test_spin_until (cz_evidence_store_get_n_inspections (reopened) >= 3);
  cz_test_spin_until (!cz_wizard_get_evidence_busy (wizard));
  cz_test_spin_until (cz_validator_get_count (cz_wizard_get_validator (wizard), CZ_STEP_EVIDENCE,
                                              CZ_SEVERITY_BLOCKER) == 7);
  /* Whatever else was asking has had its answer by now. */
  spin_for_ms (300);
  g_assert_cmpuint (cz_evidence_store_get_n_inspections (reopened), ==, 3);
  gtk_window_destroy (window);
  cz_test_flush_main_loop ();
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* In a window as wide as the app opens in, the step holds still: its list and
 * preview do not turn from side by side to one over the other and back, nor
 * the step list fold and unfold with them, frame after frame. */
static void
test_layout_holds_still (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *paned = cz_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_PANED, NULL, NULL);
  GtkWidget *show_steps = cz_test_find_widget (GTK_WIDGET (fixture->wizard), GTK_TYPE_BUTTON,
                                               has_action, "wizard.show-steps");
  g_autofree char *plan = write_pdf (fixture, "plan.pdf", 2);
  guint n_turns = 0, n_folds = 0;
  int wide_minimum, narrow_minimum;

  g_assert_nonnull (paned);
  g_assert_nonnull (show_steps);
  attach (fixture, plan_group (fixture), (const char *[]) { plan, NULL });
  cz_test_spin_until (gtk_widget_get_width (GTK_WIDGET (fixture->page)) > 0);
  spin_for_ms (300);

  g_signal_connect (paned, "notify::orientation", G_CALLBACK (count_notify), &n_turns);
  g_signal_connect (show_steps, "notify::visible", G_CALLBACK (count_notify), &n_folds);
  spin_for_ms (1000);
  g_assert_cmpuint (n_turns, ==, 0);
  g_assert_cmpuint (n_folds, ==, 0);
  /* 1000 pixels leave room for the step list beside the step. */
  g_assert_false (gtk_widget_get_visible (show_steps));

  /* The step asks for the same width whichever way it is laid out. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (paned), GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1, &wide_minimum, NULL, NULL, NULL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (paned), GTK_ORIENTATION_VERTICAL);
  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1, &narrow_minimum, NULL, NULL, NULL);
  g_assert_cmpint (wide_minimum, ==, narrow_minimum);
  g_signal_handlers_disconnect_by_data (paned, &n_turns);
  g_signal_handlers_disconnect_by_data (show_steps, &n_folds);
}

/* Another pack (installed or loaded) rebuilds the slots from it. */
static void
test_new_pack (Fixture       *fixture,
               gconstpointer  data)
{
  CzEvidenceSlotGroup *before = plan_group (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRules) rules = cz_rules_new_builtin (CZ_RULES_BUILTIN_YEAR, &error);
  CzEvidenceSlotGroup *after;

  g_assert_no_error (error);
  g_object_ref (before);
  cz_validator_set_rules (fixture->validator, rules);
  after = plan_group (fixture);
  g_assert_true (after != before);
  g_assert_true (cz_wizard_page_get_field_input (CZ_WIZARD_PAGE (fixture->page), PLAN_FIELD) ==
                 cz_evidence_slot_group_get_attach_button (after));
  g_object_unref (before);
  cz_test_spin_until (evidence_blockers (fixture) == 8);
}

static gboolean
is_preview_group (GtkWidget     *widget,
                  gconstpointer  data)
{
  g_autofree char *title = NULL;

  g_object_get (widget, "title", &title, NULL);
  return g_strcmp0 (title, "Evidence Preview") == 0;
}

/* The help overlay loads and lists the preview's shortcuts. */
static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

  g_assert_nonnull (overlay);
  g_assert_nonnull (cz_test_find_widget (overlay, GTK_TYPE_SHORTCUTS_GROUP, is_preview_group, NULL));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  cz_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/evidence-page/missing-and-attached", test_missing_and_attached);
  ADD ("/evidence-page/state-follows-findings", test_state_follows_findings);
  ADD ("/evidence-page/password-protected", test_password_protected);
  ADD ("/evidence-page/cite-pages", test_cite_pages);
  ADD ("/evidence-page/replace-keeps-details", test_replace_keeps_details);
  ADD ("/evidence-page/preview-selected", test_preview_selected);
  ADD ("/evidence-page/new-pack", test_new_pack);
  ADD ("/evidence-page/inspected-once", test_inspected_once);
  ADD ("/evidence-page/layout-holds-still", test_layout_holds_still);
#undef ADD
  g_test_add_func ("/evidence-page/help-overlay", test_help_overlay);

  return g_test_run ();
}
