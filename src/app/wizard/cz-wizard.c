/* cz-wizard.c — the steps of one dossier, with the step list at the side
 *
 * The steps are listed once, in step_types below: adding a step is one line
 * there (and its page folder). The wizard only knows CzWizardPage; pages never
 * know each other.
 *
 * The header shows the dossier's name and whether the store has saved every
 * change, from the dossier's "save-state" property (set by the store).
 *
 * The wizard owns the findings engine (CzValidator) of its dossier, checked
 * against the rules pack in use for the dossier's call year, and hands it to
 * every page, which shows the findings on its rows. The step list shows each
 * step's state (not started, complete, warnings, blockers) with counts, and
 * the header the score estimate; both follow the dossier once per frame
 * (one idle before the frame is drawn, however many fields changed).
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "cz-fields.h"
#include "cz-rules-catalog.h"
#include "cz-score.h"
#include "cz-wizard.h"
#include "pages/boundary/cz-boundary-page.h"
#include "pages/declarations/cz-declarations-page.h"
#include "pages/evidence/cz-evidence-page.h"
#include "cz-evidence-checker.h"
#include "pages/incidents/cz-incidents-page.h"
#include "pages/indicators/cz-indicators-page.h"
#include "pages/revenue/cz-revenue-page.h"
#include "pages/review/cz-review-page.h"
#include "pages/zone/cz-zone-page.h"

typedef GType (*CzStepTypeFunc) (void);

/* The steps, in the order a person thinks about the zone. */
static const CzStepTypeFunc step_types[] = {
  cz_zone_page_get_type,
  cz_boundary_page_get_type,
  cz_revenue_page_get_type,
  cz_indicators_page_get_type,
  cz_incidents_page_get_type,
  cz_declarations_page_get_type,
  cz_evidence_page_get_type,
  cz_review_page_get_type,
};

typedef enum
{
  SAVE_STATE_SAVED,
  SAVE_STATE_SAVING,
  SAVE_STATE_FAILED,
} SaveState;

typedef struct
{
  CzWizardPage *page;
  GtkWidget    *row;
  GtkWidget    *status_label;
  GtkWidget    *blockers_label;
  GtkWidget    *warnings_label;
  GtkWidget    *complete_icon;
  char         *state;          /* "Not started", "Complete", "2 blockers, 1 warning" */
} Step;

struct _CzWizard
{
  GtkWidget       parent_instance;

  AdwLeaflet     *leaflet;
  GtkWidget      *sidebar;
  GtkWidget      *content;
  GtkListBox     *step_list;
  AdwWindowTitle *title_widget;
  GtkStack       *page_stack;
  GtkButton      *score_button;

  CzStore        *store;
  CzDossier      *dossier;
  CzValidator    *validator;
  CzEvidenceStore   *evidence_store;    /* NULL without a store */
  CzEvidenceChecker *evidence_checker;  /* puts the evidence findings into the validator */
  char           *score_text;
  guint           state_idle_id;   /* one update of the step list and score per frame */
  GArray         *steps;          /* of Step */
  guint           n_built_in;     /* how many of step_types[] are built so far */
  guint           build_id;       /* idle that builds the rest after the first frame */
  guint           current;
  SaveState       save_state;
  char           *save_status;
};

G_DEFINE_FINAL_TYPE (CzWizard, cz_wizard, GTK_TYPE_WIDGET)

static void cz_wizard_ensure_pages (CzWizard *self);

enum {
  PROP_0,
  PROP_STORE,
  PROP_DOSSIER,
  PROP_SAVE_STATUS,
  PROP_SCORE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Step *
cz_wizard_get_step (CzWizard *self,
                    guint     position)
{
  return &g_array_index (self->steps, Step, position);
}

static void
cz_wizard_update_actions (CzWizard *self)
{
  /* Steps still to be built count: Next works before they are. */
  guint n = self->steps->len + (G_N_ELEMENTS (step_types) - self->n_built_in);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.previous", n > 0 && self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", n > 0 && self->current + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.show-steps", adw_leaflet_get_folded (self->leaflet));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.review", n > 0);
}

static void
cz_wizard_go_to (CzWizard *self,
                 guint     position)
{
  Step *step;

  if (position >= self->steps->len)
    return;

  self->current = position;
  step = cz_wizard_get_step (self, position);
  gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (step->page));
  gtk_list_box_select_row (self->step_list, GTK_LIST_BOX_ROW (step->row));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  cz_wizard_update_actions (self);
}

static void
cz_wizard_set_save_status (CzWizard   *self,
                           SaveState   state,
                           const char *status)
{
  SaveState previous = self->save_state;

  self->save_state = state;
  adw_window_title_set_subtitle (self->title_widget, status);

  if (g_strcmp0 (self->save_status, status) != 0)
    {
      g_free (self->save_status);
      self->save_status = g_strdup (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_STATUS]);
    }

  /* A person who saw an error wants to know when it is over. */
  if (previous == SAVE_STATE_FAILED && state == SAVE_STATE_SAVED)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                     adw_toast_new (_("All changes saved")));
    }
}

static void
cz_wizard_update_title (CzWizard *self)
{
  g_autofree char *name = cz_dossier_dup_display_name (self->dossier);

  adw_window_title_set_title (self->title_widget, name);
}

static void
cz_wizard_update_step_state (CzWizard *self,
                             Step     *step)
{
  g_autofree char *blockers_text = NULL;
  g_autofree char *warnings_text = NULL;
  g_autofree char *description = NULL;
  CzStep id;
  guint blockers, warnings;
  gboolean started;

  if (!cz_step_from_id (cz_wizard_page_get_step_id (step->page), &id) ||
      id == CZ_STEP_REVIEW)
    return;

  blockers = cz_validator_get_count (self->validator, id, CZ_SEVERITY_BLOCKER);
  warnings = cz_validator_get_count (self->validator, id, CZ_SEVERITY_WARNING);
  /* Without a store there is no evidence to check: nothing to count there. */
  started = cz_wizard_page_get_started (step->page) &&
            (id != CZ_STEP_EVIDENCE || self->evidence_checker != NULL);

  blockers_text = g_strdup_printf ("%u", blockers);
  warnings_text = g_strdup_printf ("%u", warnings);
  gtk_label_set_text (GTK_LABEL (step->blockers_label), blockers_text);
  gtk_label_set_text (GTK_LABEL (step->warnings_label), warnings_text);
  /* A step nobody has opened is not covered in red: its counts wait until it is started. */
  gtk_widget_set_visible (step->blockers_label, started && blockers > 0);
  gtk_widget_set_visible (step->warnings_label, started && warnings > 0);
  gtk_widget_set_visible (step->complete_icon, started && blockers == 0 && warnings == 0);

  if (!started)
    /* Translators: the state of a wizard step in the step list */
    description = g_strdup (_("Not started"));
  else if (blockers == 0 && warnings == 0)
    /* Translators: the state of a wizard step in the step list */
    description = g_strdup (_("Complete"));
  else
    {
      g_autofree char *blockers_part =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u blocker", "%u blockers", blockers), blockers);
      g_autofree char *warnings_part =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);

      if (warnings == 0)
        description = g_steal_pointer (&blockers_part);
      else if (blockers == 0)
        description = g_steal_pointer (&warnings_part);
      else
        /* Translators: the state of a wizard step: "2 blockers, 1 warning" */
        description = g_strdup_printf (_("%s, %s"), blockers_part, warnings_part);
    }

  g_free (step->state);
  step->state = g_strdup (description);
  gtk_widget_set_tooltip_text (step->row, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (step->row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
cz_wizard_update_score (CzWizard *self)
{
  g_autoptr(CzScore) score = cz_score_new (cz_validator_get_rules (self->validator), self->dossier, NULL);
  g_autofree char *points = cz_score_format_tenths (cz_score_get_total_tenths (score));
  g_autofree char *text = NULL;

  if (cz_score_get_provisional (score))
    /* Translators: the score estimate in the header: points, maximum; marked provisional */
    text = g_strdup_printf (_("Estimated score %s/%u (provisional)"), points, cz_score_get_max_points (score));
  else
    /* Translators: the score estimate in the header: points, maximum */
    text = g_strdup_printf (_("Estimated score %s/%u"), points, cz_score_get_max_points (score));

  gtk_button_set_label (self->score_button, text);
  if (g_strcmp0 (self->score_text, text) != 0)
    {
      g_free (self->score_text);
      self->score_text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE_TEXT]);
    }
}

static void
cz_wizard_update_states (CzWizard *self)
{
  g_clear_handle_id (&self->state_idle_id, g_source_remove);

  for (guint i = 0; i < self->steps->len; i++)
    cz_wizard_update_step_state (self, cz_wizard_get_step (self, i));
  cz_wizard_update_score (self);
}

static gboolean
on_state_idle (gpointer data)
{
  CzWizard *self = data;

  self->state_idle_id = 0;
  cz_wizard_update_states (self);
  return G_SOURCE_REMOVE;
}

/* Whatever changed in this turn of the main loop (a keystroke, a pasted
 * block, a pack loaded) is counted once, before the frame is drawn. */
static void
cz_wizard_queue_update_states (CzWizard *self)
{
  if (self->state_idle_id == 0)
    self->state_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, on_state_idle, self, NULL);
}

static void
on_dossier_field_changed (CzWizard   *self,
                          const char *field_id)
{
  cz_wizard_queue_update_states (self);
  cz_wizard_update_title (self);
}

/* What the store says about the dossier, in the header. */
static void
cz_wizard_update_save_status (CzWizard *self)
{
  g_autofree char *status = NULL;

  switch (cz_dossier_get_save_state (self->dossier))
    {
    case CZ_SAVE_STATE_SAVING:
      cz_wizard_set_save_status (self, SAVE_STATE_SAVING, _("Saving…"));
      break;
    case CZ_SAVE_STATE_FAILED:
      /* Translators: the header subtitle when autosave failed; %s says why */
      status = g_strdup_printf (_("Not saved: %s"), cz_dossier_get_save_error (self->dossier));
      cz_wizard_set_save_status (self, SAVE_STATE_FAILED, status);
      break;
    case CZ_SAVE_STATE_SAVED:
    default:
      cz_wizard_set_save_status (self, SAVE_STATE_SAVED, _("All changes saved"));
      break;
    }
}

static void
on_step_activated (CzWizard      *self,
                   GtkListBoxRow *row)
{
  for (guint i = 0; i < self->steps->len; i++)
    if (cz_wizard_get_step (self, i)->row == GTK_WIDGET (row))
      {
        cz_wizard_go_to (self, i);
        return;
      }
}

static void
on_leaflet_folded (CzWizard *self)
{
  cz_wizard_update_actions (self);
}

static void
wizard_previous_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CzWizard *self = CZ_WIZARD (widget);

  if (self->current > 0)
    cz_wizard_go_to (self, self->current - 1);
}

static void
wizard_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CzWizard *self = CZ_WIZARD (widget);

  cz_wizard_ensure_pages (self);
  cz_wizard_go_to (self, self->current + 1);
}

static void
wizard_show_steps_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CzWizard *self = CZ_WIZARD (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->step_list));
}

static void
wizard_review_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  cz_wizard_show_step (CZ_WIZARD (widget), "review");
}

static void
wizard_show_step_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  cz_wizard_show_step (CZ_WIZARD (widget), g_variant_get_string (parameter, NULL));
}

static void
wizard_focus_field_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  cz_wizard_focus_field (CZ_WIZARD (widget), g_variant_get_string (parameter, NULL));
}

static GtkWidget *
cz_wizard_create_count_label (const char *style_class,
                              const char *tooltip)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "cz-step-count");
  gtk_widget_add_css_class (label, style_class);
  gtk_widget_set_tooltip_text (label, tooltip);
  return label;
}

static GtkWidget *
cz_wizard_create_step_row (CzWizard     *self,
                           CzWizardPage *page,
                           Step         *step)
{
  GtkWidget **status_label = &step->status_label;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *icon;
  GtkWidget *title;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  icon = gtk_image_new ();
  g_object_bind_property (page, "icon-name", icon, "icon-name", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), icon);

  title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  g_object_bind_property (page, "title", title, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), title);

  /* Filled later with the step's state and counts of findings. */
  *status_label = gtk_label_new (NULL);
  gtk_widget_set_visible (*status_label, FALSE);
  gtk_widget_add_css_class (*status_label, "cz-step-status");
  gtk_box_append (GTK_BOX (box), *status_label);

  step->blockers_label = cz_wizard_create_count_label ("error", _("Blockers"));
  gtk_box_append (GTK_BOX (box), step->blockers_label);
  step->warnings_label = cz_wizard_create_count_label ("warning", _("Warnings"));
  gtk_box_append (GTK_BOX (box), step->warnings_label);
  step->complete_icon = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_add_css_class (step->complete_icon, "success");
  gtk_widget_set_visible (step->complete_icon, FALSE);
  gtk_box_append (GTK_BOX (box), step->complete_icon);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);

  return row;
}

static void
cz_wizard_append_page (CzWizard     *self,
                       CzWizardPage *page)
{
  Step step;

  cz_wizard_page_set_dossier (page, self->dossier);
  cz_wizard_page_set_validator (page, self->validator);
  g_signal_connect_object (page, "notify::started", G_CALLBACK (cz_wizard_queue_update_states),
                           self, G_CONNECT_SWAPPED);

  memset (&step, 0, sizeof step);
  step.page = page;
  step.row = cz_wizard_create_step_row (self, page, &step);
  g_array_append_val (self->steps, step);

  gtk_stack_add_named (self->page_stack, GTK_WIDGET (page), cz_wizard_page_get_step_id (page));
  gtk_list_box_append (self->step_list, step.row);

  if (self->steps->len == 1)
    cz_wizard_go_to (self, 0);
  else
    cz_wizard_update_actions (self);
  if (self->validator != NULL)
    cz_wizard_update_step_state (self, &g_array_index (self->steps, Step, self->steps->len - 1));
}

static void
cz_wizard_build_next_page (CzWizard *self)
{
  GObject *page = g_object_new (step_types[self->n_built_in++] (), NULL);

  if (CZ_IS_EVIDENCE_PAGE (page))
    cz_evidence_page_set_evidence_store (CZ_EVIDENCE_PAGE (page), self->evidence_store);
  cz_wizard_append_page (self, CZ_WIZARD_PAGE (page));
}

/* Opening a dossier builds the step it shows; the others follow one per idle
 * turn after the first frame, so the window appears without waiting for rows
 * nobody looks at yet. Anything that needs every step builds the rest now. */
static gboolean
cz_wizard_build_pages_idle (gpointer data)
{
  CzWizard *self = data;

  cz_wizard_build_next_page (self);
  if (self->n_built_in < G_N_ELEMENTS (step_types))
    return G_SOURCE_CONTINUE;
  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

static void
cz_wizard_ensure_pages (CzWizard *self)
{
  g_clear_handle_id (&self->build_id, g_source_remove);
  while (self->n_built_in < G_N_ELEMENTS (step_types))
    cz_wizard_build_next_page (self);
}

void
cz_wizard_add_page (CzWizard     *self,
                    CzWizardPage *page)
{
  g_return_if_fail (CZ_IS_WIZARD (self));
  g_return_if_fail (CZ_IS_WIZARD_PAGE (page));

  /* A page added from outside comes after every built-in step. */
  cz_wizard_ensure_pages (self);
  cz_wizard_append_page (self, page);
}

/* The pack in use for the dossier's call year: an installed one, else built-in. */
static CzRules *
cz_wizard_load_rules (CzDossier *dossier)
{
  g_autoptr(GError) error = NULL;
  CzRules *rules = cz_rules_dup_for_dossier (dossier, &error);

  if (rules == NULL)
    g_critical ("The built-in rules pack does not load: %s", error->message);
  return rules;
}

static void
cz_wizard_constructed (GObject *object)
{
  CzWizard *self = CZ_WIZARD (object);

  G_OBJECT_CLASS (cz_wizard_parent_class)->constructed (object);

  g_return_if_fail (CZ_IS_DOSSIER (self->dossier));

  {
    g_autoptr(CzRules) rules = cz_wizard_load_rules (self->dossier);
    self->validator = cz_validator_new (self->dossier, rules);
  }
  g_signal_connect_object (self->validator, "counts-changed",
                           G_CALLBACK (cz_wizard_queue_update_states), self, G_CONNECT_SWAPPED);
  if (self->store != NULL)
    {
      self->evidence_store = cz_evidence_store_new_for_database (cz_store_get_path (self->store));
      self->evidence_checker = cz_evidence_checker_new (self->validator, self->evidence_store);
    }

  cz_wizard_build_next_page (self);
  self->build_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, cz_wizard_build_pages_idle, self, NULL);

  g_signal_connect_object (self->dossier, "field-changed",
                           G_CALLBACK (on_dossier_field_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dossier, "notify::title",
                           G_CALLBACK (cz_wizard_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dossier, "notify::save-state",
                           G_CALLBACK (cz_wizard_update_save_status), self, G_CONNECT_SWAPPED);

  cz_wizard_update_title (self);
  cz_wizard_update_states (self);
  cz_wizard_update_save_status (self);
}

static void
cz_wizard_dispose (GObject *object)
{
  CzWizard *self = CZ_WIZARD (object);

  g_clear_handle_id (&self->state_idle_id, g_source_remove);
  g_clear_handle_id (&self->build_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_WIZARD);

  g_clear_object (&self->evidence_checker);
  g_clear_object (&self->evidence_store);
  g_clear_object (&self->validator);
  g_clear_object (&self->store);
  g_clear_object (&self->dossier);

  G_OBJECT_CLASS (cz_wizard_parent_class)->dispose (object);
}

static void
cz_wizard_finalize (GObject *object)
{
  CzWizard *self = CZ_WIZARD (object);

  for (guint i = 0; self->steps != NULL && i < self->steps->len; i++)
    g_clear_pointer (&cz_wizard_get_step (self, i)->state, g_free);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->save_status, g_free);
  g_clear_pointer (&self->score_text, g_free);

  G_OBJECT_CLASS (cz_wizard_parent_class)->finalize (object);
}

static void
cz_wizard_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CzWizard *self = CZ_WIZARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DOSSIER:
      g_value_set_object (value, self->dossier);
      break;
    case PROP_SAVE_STATUS:
      g_value_set_string (value, self->save_status);
      break;
    case PROP_SCORE_TEXT:
      g_value_set_string (value, self->score_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_wizard_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CzWizard *self = CZ_WIZARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DOSSIER:
      self->dossier = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_wizard_class_init (CzWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cz_wizard_constructed;
  object_class->dispose = cz_wizard_dispose;
  object_class->finalize = cz_wizard_finalize;
  object_class->get_property = cz_wizard_get_property;
  object_class->set_property = cz_wizard_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CZ_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL,
                         CZ_TYPE_DOSSIER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVE_STATUS] =
    g_param_spec_string ("save-status", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE_TEXT] =
    g_param_spec_string ("score-text", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/wizard/cz-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, CzWizard, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CzWizard, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CzWizard, content);
  gtk_widget_class_bind_template_child (widget_class, CzWizard, step_list);
  gtk_widget_class_bind_template_child (widget_class, CzWizard, title_widget);
  gtk_widget_class_bind_template_child (widget_class, CzWizard, page_stack);
  gtk_widget_class_bind_template_child (widget_class, CzWizard, score_button);
  gtk_widget_class_bind_template_callback (widget_class, on_step_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded);

  gtk_widget_class_install_action (widget_class, "wizard.previous", NULL, wizard_previous_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, wizard_next_action);
  gtk_widget_class_install_action (widget_class, "wizard.show-steps", NULL, wizard_show_steps_action);
  gtk_widget_class_install_action (widget_class, "wizard.review", NULL, wizard_review_action);
  gtk_widget_class_install_action (widget_class, "wizard.show-step", "s", wizard_show_step_action);
  gtk_widget_class_install_action (widget_class, "wizard.focus-field", "s", wizard_focus_field_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "wizard.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "wizard.review", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "wizard.show-steps", NULL);
}

static void
cz_wizard_init (CzWizard *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));

  gtk_widget_init_template (GTK_WIDGET (self));
  cz_wizard_update_actions (self);
}

GtkWidget *
cz_wizard_new (CzStore   *store,
               CzDossier *dossier)
{
  return g_object_new (CZ_TYPE_WIZARD, "store", store, "dossier", dossier, NULL);
}

CzStore *
cz_wizard_get_store (CzWizard *self)
{
  g_return_val_if_fail (CZ_IS_WIZARD (self), NULL);

  return self->store;
}

/**
 * cz_wizard_reload_rules:
 *
 * Picks up the pack now in use for the dossier's call year (after a newer
 * pack was installed) and checks the dossier again with it.
 */
void
cz_wizard_reload_rules (CzWizard *self)
{
  g_autoptr(CzRules) rules = NULL;
  CzRules *current;

  g_return_if_fail (CZ_IS_WIZARD (self));

  rules = cz_wizard_load_rules (self->dossier);
  current = cz_validator_get_rules (self->validator);
  /* The person chose this pack: the dossier says it is prepared with it. */
  if (rules != NULL)
    cz_rules_record_in_dossier (rules, self->dossier);
  if (rules == NULL ||
      (current != NULL && g_strcmp0 (cz_rules_get_sha256 (rules), cz_rules_get_sha256 (current)) == 0))
    return;

  cz_validator_set_rules (self->validator, rules);
  cz_wizard_queue_update_states (self);
}

gboolean
cz_wizard_get_evidence_busy (CzWizard *self)
{
  g_return_val_if_fail (CZ_IS_WIZARD (self), FALSE);

  return self->evidence_checker != NULL && cz_evidence_checker_get_busy (self->evidence_checker);
}

CzValidator *
cz_wizard_get_validator (CzWizard *self)
{
  g_return_val_if_fail (CZ_IS_WIZARD (self), NULL);

  return self->validator;
}

/* "Estimated score 78/100 (provisional)" */
const char *
cz_wizard_get_score_text (CzWizard *self)
{
  g_return_val_if_fail (CZ_IS_WIZARD (self), NULL);

  return self->score_text;
}

CzDossier *
cz_wizard_get_dossier (CzWizard *self)
{
  g_return_val_if_fail (CZ_IS_WIZARD (self), NULL);

  return self->dossier;
}

guint
cz_wizard_get_n_pages (CzWizard *self)
{
  g_return_val_if_fail (CZ_IS_WIZARD (self), 0);

  cz_wizard_ensure_pages (self);
  return self->steps->len;
}

CzWizardPage *
cz_wizard_get_page (CzWizard *self,
                    guint     position)
{
  g_return_val_if_fail (CZ_IS_WIZARD (self), NULL);

  if (position >= self->steps->len)
    cz_wizard_ensure_pages (self);
  if (position >= self->steps->len)
    return NULL;
  return cz_wizard_get_step (self, position)->page;
}

CzWizardPage *
cz_wizard_get_current_page (CzWizard *self)
{
  g_return_val_if_fail (CZ_IS_WIZARD (self), NULL);

  return cz_wizard_get_page (self, self->current);
}

static gint
cz_wizard_find_step (CzWizard   *self,
                     const char *step_id)
{
  cz_wizard_ensure_pages (self);
  for (guint i = 0; i < self->steps->len; i++)
    if (g_strcmp0 (cz_wizard_page_get_step_id (cz_wizard_get_step (self, i)->page), step_id) == 0)
      return i;
  return -1;
}

gboolean
cz_wizard_show_step (CzWizard   *self,
                     const char *step_id)
{
  gint position;

  g_return_val_if_fail (CZ_IS_WIZARD (self), FALSE);

  position = cz_wizard_find_step (self, step_id);
  if (position < 0)
    return FALSE;

  cz_wizard_go_to (self, position);
  return TRUE;
}

gboolean
cz_wizard_focus_field (CzWizard   *self,
                       const char *field_id)
{
  guint previous;

  g_return_val_if_fail (CZ_IS_WIZARD (self), FALSE);
  g_return_val_if_fail (field_id != NULL, FALSE);

  /* Only a shown page can take focus, so each is shown while it is asked. */
  cz_wizard_ensure_pages (self);
  previous = self->current;

  for (guint i = 0; i < self->steps->len; i++)
    {
      CzWizardPage *page = cz_wizard_get_step (self, i)->page;

      cz_wizard_go_to (self, i);
      if (cz_wizard_page_focus_field (page, field_id))
        return TRUE;
    }

  cz_wizard_go_to (self, previous);
  return FALSE;
}

void
cz_wizard_set_step_status (CzWizard   *self,
                           const char *step_id,
                           const char *status,
                           const char *style_class)
{
  gint position;
  Step *step;

  g_return_if_fail (CZ_IS_WIZARD (self));

  position = cz_wizard_find_step (self, step_id);
  if (position < 0)
    return;

  step = cz_wizard_get_step (self, position);
  gtk_label_set_text (GTK_LABEL (step->status_label), status ? status : "");
  gtk_widget_set_css_classes (step->status_label,
                              (const char *[]) { "cz-step-status", style_class, NULL });
  gtk_widget_set_visible (step->status_label, status != NULL);
}

const char *
cz_wizard_get_step_state (CzWizard   *self,
                          const char *step_id)
{
  gint position;

  g_return_val_if_fail (CZ_IS_WIZARD (self), NULL);

  position = cz_wizard_find_step (self, step_id);
  return position < 0 ? NULL : cz_wizard_get_step (self, position)->state;
}

const char *
cz_wizard_get_save_status (CzWizard *self)
{
  g_return_val_if_fail (CZ_IS_WIZARD (self), NULL);

  return self->save_status;
}
