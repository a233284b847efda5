/* cz-wizard-page.c — one step of the wizard
 *
 * A step is a widget with one child (its template's content). It knows the
 * dossier it edits, its title and icon for the step list, and a stable step id
 * ("zone", "boundary", …) so findings can say which step they belong to. Steps
 * never know each other: they read and write the dossier and listen to it.
 *
 * Each field's input registers itself with the page it is in: a
 * CzFieldEntryRow with the message row under it when it is rooted, other
 * inputs through cz_wizard_page_add_field. The base class then does two
 * things for every page alike: it focuses the input of a field when the
 * review asks for it, and it shows the findings of the wizard's validator on
 * the message rows. The validator is the only source of those messages; a
 * change to a field is re-checked at once and the row under it follows in
 * the same turn, without moving the focus.
 *
 * A step nobody has started is not covered in red: before its first answer
 * a row shows findings only once it has an answer or was edited. From the
 * step's first answer on (or once the review sent the person here) every row
 * shows what is still missing, as before.
 *
 * "started" (a step with an answer, or one the review led to) is a property
 * the step list reads, decided by cz_fields_step_is_started().
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "cz-fields.h"
#include "cz-wizard-page.h"

typedef struct
{
  GtkWidget    *input;
  CzMessageRow *message;
} FieldInput;

typedef struct
{
  CzDossier   *dossier;
  CzValidator *validator;
  char        *title;
  char        *step_id;
  char        *icon_name;
  GHashTable  *inputs;          /* field id → FieldInput */
  GHashTable  *touched;         /* interned field ids changed since the dossier was bound */
  gulong       findings_changed_id;
  gulong       field_changed_id;
  guint        anchor_tick_id;  /* keeps the focused row in place while messages come and go */
  guint        anchor_ticks;
  GtkWidget   *anchor;          /* the focused widget, and where it was in the view */
  double       anchor_y;
  guint        started : 1;     /* the step has an answer, or the review led here */
  guint        led_here : 1;    /* the review sent the person to one of its fields */
  guint        show_all : 1;    /* every row shows its findings, not only answered or edited ones */
} CzWizardPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CzWizardPage, cz_wizard_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOSSIER,
  PROP_VALIDATOR,
  PROP_TITLE,
  PROP_STEP_ID,
  PROP_ICON_NAME,
  PROP_STARTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
field_input_free (gpointer data)
{
  FieldInput *input = data;

  g_clear_object (&input->input);
  g_clear_object (&input->message);
  g_free (input);
}

/* Expands the expander rows around @widget, so it can be seen and focused. */
static void
reveal_widget (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_EXPANDER_ROW (w))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (w), TRUE);
}

static void cz_wizard_page_show_all_findings (CzWizardPage *self);
static void cz_wizard_page_show_findings     (CzWizardPage *self,
                                              const char   *field_id);

static gboolean
cz_wizard_page_compute_started (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);
  CzStep step;
  guint year = CZ_RULES_BUILTIN_YEAR;

  if (priv->led_here)
    return TRUE;
  if (priv->dossier == NULL || !cz_step_from_id (priv->step_id, &step))
    return FALSE;
  if (priv->validator != NULL && cz_validator_get_rules (priv->validator) != NULL)
    year = cz_rules_get_year (cz_validator_get_rules (priv->validator));
  return cz_fields_step_is_started (priv->dossier, step, year);
}

static void
cz_wizard_page_update_started (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);
  gboolean started = cz_wizard_page_compute_started (self);

  if (priv->started == started)
    return;
  priv->started = started;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED]);
}

/* Every row shows its findings from now on. */
static void
cz_wizard_page_show_all (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  if (priv->show_all)
    return;
  priv->show_all = TRUE;
  cz_wizard_page_show_all_findings (self);
}

static void
on_dossier_field_changed (CzWizardPage *self,
                          const char   *field_id)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);
  gboolean was_started = priv->started;

  cz_wizard_page_update_started (self);
  if (g_hash_table_contains (priv->inputs, field_id))
    {
      /* Its own row says what is wrong with it in the same turn. */
      g_hash_table_add (priv->touched, (gpointer) g_intern_string (field_id));
      cz_wizard_page_show_findings (self, field_id);
    }
  if (!was_started && priv->started)
    /* The first answer of the step: what is still missing shows too. */
    cz_wizard_page_show_all (self);
}

static gboolean
cz_wizard_page_real_focus_field (CzWizardPage *self,
                                 const char   *field_id)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);
  FieldInput *input = g_hash_table_lookup (priv->inputs, field_id);

  if (input == NULL || input->input == NULL)
    return FALSE;

  /* Sent here from the review: the person wants to see what is wrong. */
  priv->led_here = TRUE;
  cz_wizard_page_update_started (self);
  cz_wizard_page_show_all (self);

  /* A row hidden until it applies (a justification) is shown when asked for. */
  gtk_widget_set_visible (input->input, TRUE);
  reveal_widget (input->input);
  return gtk_widget_grab_focus (input->input);
}

char *
cz_wizard_page_dup_findings_text (CzValidator *validator,
                                  const char  *field_id,
                                  const char **out_style)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GString) text = NULL;
  gboolean blocker = FALSE;

  *out_style = NULL;
  if (validator == NULL)
    return NULL;

  findings = cz_validator_get_findings_for_field (validator, field_id);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      CzFinding *finding = g_ptr_array_index (findings, i);
      const char *citation = cz_finding_get_citation (finding);

      /* Notes are for the review; a row shows what asks for action. */
      if (cz_finding_get_severity (finding) == CZ_SEVERITY_HINT)
        continue;
      if (cz_finding_get_severity (finding) == CZ_SEVERITY_BLOCKER)
        blocker = TRUE;

      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, '\n');
      g_string_append (text, cz_finding_get_message (finding));
      if (cz_finding_get_provisional (finding))
        /* Translators: appended to a finding whose rule is not yet confirmed */
        g_string_append (text, _(" (provisional)"));
      if (citation != NULL && *citation != '\0')
        {
          g_string_append_c (text, '\n');
          /* Translators: where the rule of a finding comes from; %s is a document and article */
          g_string_append_printf (text, _("Source: %s"), citation);
        }
    }

  if (text == NULL)
    return NULL;
  *out_style = blocker ? "error" : "warning";
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Where @widget is in the visible part of its scrolled window, if it shows. */
static gboolean
position_in_view (GtkWidget     *widget,
                  GtkAdjustment **out_adjustment,
                  double        *out_y)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = scrolled ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  if (viewport == NULL || !gtk_widget_compute_bounds (widget, viewport, &bounds))
    return FALSE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= gtk_adjustment_get_page_size (adjustment))
    return FALSE;
  *out_adjustment = adjustment;
  *out_y = bounds.origin.y;
  return TRUE;
}

static gboolean
on_anchor_tick (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  CzWizardPage *self = CZ_WIZARD_PAGE (widget);
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  GtkWidget *scrolled;

  /* The messages are laid out in the frame after they change. */
  if (++priv->anchor_ticks < 2)
    return G_SOURCE_CONTINUE;

  scrolled = gtk_widget_get_ancestor (priv->anchor, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL &&
      gtk_widget_compute_bounds (priv->anchor, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)), &bounds))
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y - priv->anchor_y);
    }

  priv->anchor_tick_id = 0;
  g_clear_object (&priv->anchor);
  return G_SOURCE_REMOVE;
}

/* Messages are about to appear or go above the row being typed in: keep that
 * row where the person is looking instead of pushing it out of the view. */
static void
cz_wizard_page_anchor_focus (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkAdjustment *adjustment;
  double y;

  if (priv->anchor_tick_id != 0)
    return;  /* already anchored where it was before the first change */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) || !gtk_widget_get_mapped (focus))
    return;
  if (!position_in_view (focus, &adjustment, &y))
    return;

  priv->anchor = g_object_ref (focus);
  priv->anchor_y = y;
  priv->anchor_ticks = 0;
  priv->anchor_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_anchor_tick, NULL, NULL);
}

static void
cz_wizard_page_show_findings (CzWizardPage *self,
                              const char   *field_id)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);
  FieldInput *input = g_hash_table_lookup (priv->inputs, field_id);
  g_autofree char *text = NULL;
  const char *style = NULL;

  if (input == NULL || input->message == NULL)
    return;

  if (priv->show_all || g_hash_table_contains (priv->touched, g_intern_string (field_id)) ||
      (priv->dossier != NULL && cz_dossier_get_value (priv->dossier, field_id) != NULL))
    text = cz_wizard_page_dup_findings_text (priv->validator, field_id, &style);
  cz_message_row_set_finding (input->message, text, style);
}

static void
cz_wizard_page_show_all_findings (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);
  GHashTableIter iter;
  gpointer key;

  cz_wizard_page_anchor_focus (self);
  g_hash_table_iter_init (&iter, priv->inputs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    cz_wizard_page_show_findings (self, key);
}

/* The validator re-checked a field: its row says so in the same turn, so
 * what is typed and what is said about it never disagree. */
static void
on_field_findings_changed (CzValidator  *validator,
                           const char   *field_id,
                           CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  if (!g_hash_table_contains (priv->inputs, field_id))
    return;

  cz_wizard_page_anchor_focus (self);
  cz_wizard_page_show_findings (self, field_id);
}

/* Left and come back to: a started step shows everything it has to say. */
static void
cz_wizard_page_unmap (GtkWidget *widget)
{
  CzWizardPage *self = CZ_WIZARD_PAGE (widget);
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  GTK_WIDGET_CLASS (cz_wizard_page_parent_class)->unmap (widget);
  if (priv->started)
    cz_wizard_page_show_all (self);
}

static void
cz_wizard_page_dispose (GObject *object)
{
  CzWizardPage *self = CZ_WIZARD_PAGE (object);
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);
  GtkWidget *child;

  if (priv->anchor_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), priv->anchor_tick_id);
  priv->anchor_tick_id = 0;
  g_clear_object (&priv->anchor);
  g_clear_signal_handler (&priv->findings_changed_id, priv->validator);
  g_clear_signal_handler (&priv->field_changed_id, priv->dossier);
  g_clear_object (&priv->validator);
  if (priv->inputs != NULL)
    g_hash_table_remove_all (priv->inputs);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&priv->dossier);

  G_OBJECT_CLASS (cz_wizard_page_parent_class)->dispose (object);
}

static void
cz_wizard_page_finalize (GObject *object)
{
  CzWizardPage *self = CZ_WIZARD_PAGE (object);
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->step_id, g_free);
  g_clear_pointer (&priv->icon_name, g_free);
  g_clear_pointer (&priv->inputs, g_hash_table_unref);
  g_clear_pointer (&priv->touched, g_hash_table_unref);

  G_OBJECT_CLASS (cz_wizard_page_parent_class)->finalize (object);
}

static void
cz_wizard_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CzWizardPage *self = CZ_WIZARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:
      g_value_set_object (value, cz_wizard_page_get_dossier (self));
      break;
    case PROP_VALIDATOR:
      g_value_set_object (value, cz_wizard_page_get_validator (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, cz_wizard_page_get_title (self));
      break;
    case PROP_STEP_ID:
      g_value_set_string (value, cz_wizard_page_get_step_id (self));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, cz_wizard_page_get_icon_name (self));
      break;
    case PROP_STARTED:
      g_value_set_boolean (value, cz_wizard_page_get_started (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_wizard_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CzWizardPage *self = CZ_WIZARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:
      cz_wizard_page_set_dossier (self, g_value_get_object (value));
      break;
    case PROP_VALIDATOR:
      cz_wizard_page_set_validator (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      cz_wizard_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_STEP_ID:
      cz_wizard_page_set_step_id (self, g_value_get_string (value));
      break;
    case PROP_ICON_NAME:
      cz_wizard_page_set_icon_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_wizard_page_class_init (CzWizardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_wizard_page_dispose;
  object_class->finalize = cz_wizard_page_finalize;
  object_class->get_property = cz_wizard_page_get_property;
  object_class->set_property = cz_wizard_page_set_property;

  klass->focus_field = cz_wizard_page_real_focus_field;

  properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL,
                         CZ_TYPE_DOSSIER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALIDATOR] =
    g_param_spec_object ("validator", NULL, NULL,
                         CZ_TYPE_VALIDATOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP_ID] =
    g_param_spec_string ("step-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTED] =
    g_param_spec_boolean ("started", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->unmap = cz_wizard_page_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cz_wizard_page_init (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  priv->inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, field_input_free);
  priv->touched = g_hash_table_new (g_direct_hash, g_direct_equal);
}

CzDossier *
cz_wizard_page_get_dossier (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_val_if_fail (CZ_IS_WIZARD_PAGE (self), NULL);

  return priv->dossier;
}

void
cz_wizard_page_set_dossier (CzWizardPage *self,
                            CzDossier    *dossier)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_if_fail (CZ_IS_WIZARD_PAGE (self));
  g_return_if_fail (dossier == NULL || CZ_IS_DOSSIER (dossier));

  if (priv->dossier == dossier)
    return;

  g_clear_signal_handler (&priv->field_changed_id, priv->dossier);
  g_set_object (&priv->dossier, dossier);
  if (dossier != NULL)
    priv->field_changed_id = g_signal_connect_object (dossier, "field-changed",
                                                      G_CALLBACK (on_dossier_field_changed), self,
                                                      G_CONNECT_SWAPPED);
  g_hash_table_remove_all (priv->touched);
  cz_wizard_page_update_started (self);
  /* Opened with answers: the step shows everything it has to say. */
  priv->show_all = priv->started;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSSIER]);
  if (CZ_WIZARD_PAGE_GET_CLASS (self)->dossier_changed != NULL)
    CZ_WIZARD_PAGE_GET_CLASS (self)->dossier_changed (self);
  cz_wizard_page_show_all_findings (self);
}

static gboolean
cz_wizard_page_set_string (GObject     *object,
                           char       **field,
                           const char  *value,
                           GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

const char *
cz_wizard_page_get_title (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_val_if_fail (CZ_IS_WIZARD_PAGE (self), NULL);

  return priv->title;
}

void
cz_wizard_page_set_title (CzWizardPage *self,
                          const char   *title)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_if_fail (CZ_IS_WIZARD_PAGE (self));

  cz_wizard_page_set_string (G_OBJECT (self), &priv->title, title, properties[PROP_TITLE]);
}

const char *
cz_wizard_page_get_step_id (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_val_if_fail (CZ_IS_WIZARD_PAGE (self), NULL);

  return priv->step_id;
}

void
cz_wizard_page_set_step_id (CzWizardPage *self,
                            const char   *step_id)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_if_fail (CZ_IS_WIZARD_PAGE (self));

  cz_wizard_page_set_string (G_OBJECT (self), &priv->step_id, step_id, properties[PROP_STEP_ID]);
}

const char *
cz_wizard_page_get_icon_name (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_val_if_fail (CZ_IS_WIZARD_PAGE (self), NULL);

  return priv->icon_name;
}

void
cz_wizard_page_set_icon_name (CzWizardPage *self,
                              const char   *icon_name)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_if_fail (CZ_IS_WIZARD_PAGE (self));

  cz_wizard_page_set_string (G_OBJECT (self), &priv->icon_name, icon_name, properties[PROP_ICON_NAME]);
}

gboolean
cz_wizard_page_focus_field (CzWizardPage *self,
                            const char   *field_id)
{
  g_return_val_if_fail (CZ_IS_WIZARD_PAGE (self), FALSE);
  g_return_val_if_fail (field_id != NULL, FALSE);

  return CZ_WIZARD_PAGE_GET_CLASS (self)->focus_field (self, field_id);
}

CzValidator *
cz_wizard_page_get_validator (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_val_if_fail (CZ_IS_WIZARD_PAGE (self), NULL);

  return priv->validator;
}

void
cz_wizard_page_set_validator (CzWizardPage *self,
                              CzValidator  *validator)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_if_fail (CZ_IS_WIZARD_PAGE (self));
  g_return_if_fail (validator == NULL || CZ_IS_VALIDATOR (validator));

  if (priv->validator == validator)
    return;

  g_clear_signal_handler (&priv->findings_changed_id, priv->validator);
  g_set_object (&priv->validator, validator);
  if (validator != NULL)
    priv->findings_changed_id =
      g_signal_connect_object (validator, "field-findings-changed",
                               G_CALLBACK (on_field_findings_changed), self, 0);

  cz_wizard_page_update_started (self);
  priv->show_all = priv->show_all || priv->started;
  cz_wizard_page_show_all_findings (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALIDATOR]);
}

void
cz_wizard_page_add_field (CzWizardPage *self,
                          const char   *field_id,
                          GtkWidget    *input,
                          CzMessageRow *message)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);
  FieldInput *entry;

  g_return_if_fail (CZ_IS_WIZARD_PAGE (self));
  g_return_if_fail (field_id != NULL);
  g_return_if_fail (input == NULL || GTK_IS_WIDGET (input));
  g_return_if_fail (message == NULL || CZ_IS_MESSAGE_ROW (message));

  entry = g_new0 (FieldInput, 1);
  entry->input = input ? g_object_ref (input) : NULL;
  entry->message = message ? g_object_ref (message) : NULL;
  g_hash_table_replace (priv->inputs, g_strdup (field_id), entry);
  cz_wizard_page_show_findings (self, field_id);
}

gboolean
cz_wizard_page_get_started (CzWizardPage *self)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_val_if_fail (CZ_IS_WIZARD_PAGE (self), FALSE);

  return priv->started;
}

void
cz_wizard_page_remove_field (CzWizardPage *self,
                             const char   *field_id)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);

  g_return_if_fail (CZ_IS_WIZARD_PAGE (self));

  g_hash_table_remove (priv->inputs, field_id);
}

GtkWidget *
cz_wizard_page_get_field_input (CzWizardPage *self,
                                const char   *field_id)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);
  FieldInput *input;

  g_return_val_if_fail (CZ_IS_WIZARD_PAGE (self), NULL);

  input = g_hash_table_lookup (priv->inputs, field_id);
  return input ? input->input : NULL;
}

static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *frame_clock,
             gpointer       user_data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  guint *ticks = user_data;

  if (++*ticks < 2)
    return G_SOURCE_CONTINUE;

  viewport = scrolled ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  if (viewport != NULL && gtk_widget_compute_bounds (widget, viewport, &bounds))
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      /* Its top, and as much of it as fits, without moving what already shows. */
      if (bounds.origin.y < 0 ||
          bounds.origin.y + MIN (bounds.size.height, 200) > gtk_adjustment_get_page_size (adjustment))
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y - 12);
    }
  return G_SOURCE_REMOVE;
}

void
cz_wizard_page_reveal_when_placed (CzWizardPage *self,
                                   GtkWidget    *widget)
{
  g_return_if_fail (CZ_IS_WIZARD_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (gtk_widget_is_ancestor (widget, GTK_WIDGET (self)));

  gtk_widget_add_tick_callback (widget, reveal_tick, g_new0 (guint, 1), g_free);
}

CzMessageRow *
cz_wizard_page_get_field_message (CzWizardPage *self,
                                  const char   *field_id)
{
  CzWizardPagePrivate *priv = cz_wizard_page_get_instance_private (self);
  FieldInput *input;

  g_return_val_if_fail (CZ_IS_WIZARD_PAGE (self), NULL);

  input = g_hash_table_lookup (priv->inputs, field_id);
  return input ? input->message : NULL;
}
