/* cz-evidence-page.c — the Evidence step
 *
 * One CzEvidenceSlotGroup per evidence slot of the rules pack, each showing
 * its attached files and, in its message row, the rules engine's findings on
 * "evidence.<slot>" (a required document missing, a file that cannot be used,
 * pages cited past the end). Selecting a file shows it in the preview, beside
 * the list in a wide window and below it in a narrow one.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-evidence-page.h"

/* Below this width the preview goes under the list instead of beside it. */
#define WIDE_LAYOUT_MIN_WIDTH 860

struct _CzEvidencePage
{
  CzWizardPage         parent_instance;

  GtkPaned            *paned;
  AdwPreferencesPage  *preferences_page;
  AdwPreferencesGroup *intro_group;
  GtkStack            *preview_stack;
  CzPdfPreview        *preview;

  CzEvidenceStore     *store;
  GPtrArray           *groups;       /* CzEvidenceSlotGroup, in the pack's order */
  char                *previewed;    /* SHA-256 of the file in the preview */
};

enum { PROP_0, PROP_EVIDENCE_STORE, N_PROPS };

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CzEvidencePage, cz_evidence_page, CZ_TYPE_WIZARD_PAGE)

static char *
slot_field_id (const char *slot_id)
{
  return g_strconcat (CZ_EVIDENCE_FIELD_PREFIX, slot_id, NULL);
}

static void
show_preview (CzEvidencePage *self,
              const char     *sha256,
              GFile          *file)
{
  g_free (self->previewed);
  self->previewed = g_strdup (sha256);
  for (guint i = 0; i < self->groups->len; i++)
    cz_evidence_slot_group_set_previewed (self->groups->pdata[i], sha256);
  cz_pdf_preview_set_file (self->preview, file);
  gtk_stack_set_visible_child_name (self->preview_stack, file != NULL ? "preview" : "empty");
}

static void
on_file_activated (CzEvidenceSlotGroup *group,
                   const char          *sha256,
                   GFile               *file,
                   CzEvidencePage      *self)
{
  show_preview (self, sha256, file);
}

/* A file removed while it is shown leaves the preview. */
static void
on_evidence_changed (CzEvidencePage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  g_autoptr(GPtrArray) records = NULL;

  if (self->previewed == NULL || dossier == NULL)
    return;
  records = cz_evidence_dup_records (dossier, NULL);
  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (cz_evidence_record_get_text (records->pdata[i], "sha256"), self->previewed) == 0)
      return;
  show_preview (self, NULL, NULL);
}

static void
clear_groups (CzEvidencePage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      CzEvidenceSlotGroup *group = self->groups->pdata[i];
      g_autofree char *field_id = slot_field_id (cz_evidence_slot_group_get_slot_id (group));

      cz_wizard_page_remove_field (CZ_WIZARD_PAGE (self), field_id);
      adw_preferences_page_remove (self->preferences_page, ADW_PREFERENCES_GROUP (group));
    }
  g_ptr_array_set_size (self->groups, 0);
}

static void
rebuild (CzEvidencePage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  CzValidator *validator = cz_wizard_page_get_validator (CZ_WIZARD_PAGE (self));
  CzRules *rules = validator != NULL ? cz_validator_get_rules (validator) : NULL;

  clear_groups (self);
  show_preview (self, NULL, NULL);
  if (dossier == NULL || rules == NULL || self->store == NULL)
    return;

  for (guint i = 0; i < cz_rules_get_n_evidence_slots (rules); i++)
    {
      const char *slot_id = cz_evidence_slot_get_id (cz_rules_get_evidence_slot (rules, i));
      GtkWidget *group = cz_evidence_slot_group_new (dossier, self->store, rules, slot_id);
      CzEvidenceSlotGroup *slot_group = CZ_EVIDENCE_SLOT_GROUP (group);
      g_autofree char *field_id = slot_field_id (slot_id);

      /* The findings come from the validator, under the files. */
      cz_evidence_slot_group_set_show_findings (slot_group, FALSE);
      g_signal_connect_object (group, "file-activated", G_CALLBACK (on_file_activated), self, 0);
      adw_preferences_page_add (self->preferences_page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
      cz_wizard_page_add_field (CZ_WIZARD_PAGE (self), field_id,
                                cz_evidence_slot_group_get_attach_button (slot_group),
                                cz_evidence_slot_group_get_message_row (slot_group));
    }
}

static void
cz_evidence_page_dossier_changed (CzWizardPage *page)
{
  CzEvidencePage *self = CZ_EVIDENCE_PAGE (page);
  CzDossier *dossier = cz_wizard_page_get_dossier (page);

  if (dossier != NULL)
    g_signal_connect_object (dossier, "field-changed::" CZ_FIELD_EVIDENCE_FILES,
                             G_CALLBACK (on_evidence_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

/* A newer pack may ask for other evidence. */
static void
on_validator_changed (CzEvidencePage *self)
{
  CzValidator *validator = cz_wizard_page_get_validator (CZ_WIZARD_PAGE (self));

  if (validator != NULL)
    g_signal_connect_object (validator, "notify::rules", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

/* Coming to the step with nothing shown, the first attached file is shown. */
static void
cz_evidence_page_map (GtkWidget *widget)
{
  CzEvidencePage *self = CZ_EVIDENCE_PAGE (widget);
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));

  GTK_WIDGET_CLASS (cz_evidence_page_parent_class)->map (widget);

  if (self->previewed == NULL && self->store != NULL && dossier != NULL)
    {
      g_autoptr(GPtrArray) records = cz_evidence_dup_records (dossier, NULL);

      for (guint i = 0; i < self->groups->len && self->previewed == NULL; i++)
        for (guint r = 0; r < records->len; r++)
          {
            CzEvidenceSlotGroup *group = self->groups->pdata[i];

            if (g_strcmp0 (cz_evidence_record_get_text (records->pdata[r], "slot"),
                           cz_evidence_slot_group_get_slot_id (group)) == 0)
              {
                cz_evidence_slot_group_activate_file (group, cz_evidence_record_get_text (records->pdata[r], "sha256"));
                break;
              }
          }
    }
}

/* Layout: the paned turns when the page crosses WIDE_LAYOUT_MIN_WIDTH.
 *
 * The page asks for the width of the narrow layout (list over preview) whatever
 * it shows now: were its minimum that of the layout it has, turning wide would
 * raise the minimum, the step list beside would fold, the page would get the
 * whole window, turn again, and so on every frame. */

/* Between the two children of a wide paned. */
#define PANED_HANDLE_ALLOWANCE 8

static void
measure_children_width (CzEvidencePage *self,
                        int            *start_minimum,
                        int            *end_minimum,
                        int            *start_natural,
                        int            *end_natural)
{
  gtk_widget_measure (gtk_paned_get_start_child (self->paned), GTK_ORIENTATION_HORIZONTAL, -1,
                      start_minimum, start_natural, NULL, NULL);
  gtk_widget_measure (gtk_paned_get_end_child (self->paned), GTK_ORIENTATION_HORIZONTAL, -1,
                      end_minimum, end_natural, NULL, NULL);
}

static void
evidence_layout_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CzEvidencePage *self = CZ_EVIDENCE_PAGE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int start_minimum, end_minimum, start_natural, end_natural;

      measure_children_width (self, &start_minimum, &end_minimum, &start_natural, &end_natural);
      *minimum = MAX (start_minimum, end_minimum);
      *natural = MAX (*minimum, start_natural + end_natural + PANED_HANDLE_ALLOWANCE);
      return;
    }
  gtk_widget_measure (GTK_WIDGET (self->paned), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
evidence_layout_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  CzEvidencePage *self = CZ_EVIDENCE_PAGE (widget);
  int start_minimum, end_minimum;
  GtkOrientation wanted;

  measure_children_width (self, &start_minimum, &end_minimum, NULL, NULL);
  wanted = width >= MAX (WIDE_LAYOUT_MIN_WIDTH, start_minimum + end_minimum + PANED_HANDLE_ALLOWANCE)
           ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL;

  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) != wanted)
    {
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned), wanted);
      gtk_paned_set_position (self->paned, (wanted == GTK_ORIENTATION_HORIZONTAL ? width : height) * 11 / 20);
    }
  gtk_widget_measure (GTK_WIDGET (self->paned), GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_allocate (GTK_WIDGET (self->paned), width, height, baseline, NULL);
}

/* GObject */

static void
cz_evidence_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CzEvidencePage *self = CZ_EVIDENCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_EVIDENCE_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_evidence_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CzEvidencePage *self = CZ_EVIDENCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_EVIDENCE_STORE: cz_evidence_page_set_evidence_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_evidence_page_dispose (GObject *object)
{
  CzEvidencePage *self = CZ_EVIDENCE_PAGE (object);

  if (self->groups != NULL)
    g_ptr_array_set_size (self->groups, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_EVIDENCE_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cz_evidence_page_parent_class)->dispose (object);
}

static void
cz_evidence_page_finalize (GObject *object)
{
  CzEvidencePage *self = CZ_EVIDENCE_PAGE (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_free (self->previewed);

  G_OBJECT_CLASS (cz_evidence_page_parent_class)->finalize (object);
}

static void
cz_evidence_page_class_init (CzEvidencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cz_evidence_page_get_property;
  object_class->set_property = cz_evidence_page_set_property;
  object_class->dispose = cz_evidence_page_dispose;
  object_class->finalize = cz_evidence_page_finalize;
  CZ_WIZARD_PAGE_CLASS (klass)->dossier_changed = cz_evidence_page_dossier_changed;
  widget_class->map = cz_evidence_page_map;

  properties[PROP_EVIDENCE_STORE] =
    g_param_spec_object ("evidence-store", NULL, NULL, CZ_TYPE_EVIDENCE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CZ_TYPE_PDF_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/pages/evidence/cz-evidence-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CzEvidencePage, paned);
  gtk_widget_class_bind_template_child (widget_class, CzEvidencePage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CzEvidencePage, intro_group);
  gtk_widget_class_bind_template_child (widget_class, CzEvidencePage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, CzEvidencePage, preview);
}

static void
cz_evidence_page_init (CzEvidencePage *self)
{
  self->groups = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, evidence_layout_measure, evidence_layout_allocate));

  g_signal_connect (self, "notify::validator", G_CALLBACK (on_validator_changed), NULL);
}

GtkWidget *
cz_evidence_page_new (CzDossier *dossier)
{
  return g_object_new (CZ_TYPE_EVIDENCE_PAGE, "dossier", dossier, NULL);
}

CzEvidenceStore *
cz_evidence_page_get_evidence_store (CzEvidencePage *self)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_PAGE (self), NULL);
  return self->store;
}

void
cz_evidence_page_set_evidence_store (CzEvidencePage  *self,
                                     CzEvidenceStore *store)
{
  g_return_if_fail (CZ_IS_EVIDENCE_PAGE (self));
  g_return_if_fail (store == NULL || CZ_IS_EVIDENCE_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE_STORE]);
}

CzEvidenceSlotGroup *
cz_evidence_page_get_slot_group (CzEvidencePage *self,
                                 const char     *slot_id)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_PAGE (self), NULL);

  for (guint i = 0; i < self->groups->len; i++)
    if (g_strcmp0 (cz_evidence_slot_group_get_slot_id (self->groups->pdata[i]), slot_id) == 0)
      return self->groups->pdata[i];
  return NULL;
}

CzPdfPreview *
cz_evidence_page_get_preview (CzEvidencePage *self)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_PAGE (self), NULL);
  return self->preview;
}

const char *
cz_evidence_page_get_previewed (CzEvidencePage *self)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_PAGE (self), NULL);
  return self->previewed;
}
