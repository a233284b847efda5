/* cz-boundary-page.c — the Boundary step: the four limits and the functional areas
 *
 * The four limits (四至) are CzFieldEntryRows named in the template. The
 * functional areas (功能划分) are one records field, {name, area_m2, purpose}:
 * the page keeps them in an array, shows each as an expander row, and writes
 * the whole list on every change. The list is rebuilt only when it changes
 * elsewhere or an area is added, removed or moved, so typing keeps its focus.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-boundary-page.h"
#include "cz-field-entry-row.h"
#include "cz-fields.h"
#include "cz-message-row.h"
#include "cz-number.h"

/* Areas are typed in km² and stored in m². */
#define AREA_SCALE_DIGITS 6

typedef struct
{
  char     *name;
  char     *purpose;
  gint64    area_m2;
  gboolean  has_area;
} FunctionalArea;

struct _CzBoundaryPage
{
  CzWizardPage        parent_instance;

  AdwPreferencesPage *preferences_page;
  GtkButton          *add_button;
  GtkListBox         *areas_list;
  AdwActionRow       *sum_row;
  GtkLabel           *sum_label;
  CzMessageRow       *areas_message;

  GArray             *areas;         /* of FunctionalArea */
  GPtrArray          *area_rows;     /* of AdwExpanderRow, in the list */
  CzDossier          *bound_dossier;
  gulong              areas_changed_id;
  gulong              total_changed_id;
  guint               writing : 1;
};

G_DEFINE_FINAL_TYPE (CzBoundaryPage, cz_boundary_page, CZ_TYPE_WIZARD_PAGE)

static void
functional_area_clear (gpointer data)
{
  FunctionalArea *area = data;

  g_clear_pointer (&area->name, g_free);
  g_clear_pointer (&area->purpose, g_free);
}

static char *
format_km2 (gint64 m2)
{
  g_autofree char *number = cz_format_scaled_decimal (m2, AREA_SCALE_DIGITS);

  /* Translators: an area in square kilometres */
  return g_strdup_printf (_("%s km²"), number);
}

static void
cz_boundary_page_update_sum (CzBoundaryPage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  g_autofree char *sum_text = NULL;
  g_autofree char *text = NULL;
  gint64 sum = 0;
  gint64 total;

  for (guint i = 0; i < self->areas->len; i++)
    {
      FunctionalArea *area = &g_array_index (self->areas, FunctionalArea, i);

      if (area->has_area && area->area_m2 > 0)
        sum += area->area_m2;
    }

  sum_text = format_km2 (sum);
  if (dossier != NULL && cz_dossier_get_integer (dossier, CZ_FIELD_ZONE_AREA_M2, &total))
    {
      g_autofree char *total_text = format_km2 (total);

      /* Translators: "12.5 km² of 48.6 km² planned" */
      text = g_strdup_printf (_("%s of %s planned"), sum_text, total_text);
    }
  else
    {
      /* Translators: the sum of the functional areas when the planned area is not given */
      text = g_strdup_printf (_("%s (planned area not given on the Zone step)"), sum_text);
    }
  gtk_label_set_text (self->sum_label, text);
}

static GVariant *
cz_boundary_page_build_records (CzBoundaryPage *self)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < self->areas->len; i++)
    {
      FunctionalArea *area = &g_array_index (self->areas, FunctionalArea, i);

      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (area->name ? area->name : ""));
      if (area->has_area)
        g_variant_builder_add (&builder, "{sv}", "area_m2", g_variant_new_int64 (area->area_m2));
      g_variant_builder_add (&builder, "{sv}", "purpose", g_variant_new_string (area->purpose ? area->purpose : ""));
      g_variant_builder_close (&builder);
    }
  return g_variant_builder_end (&builder);
}

static void
cz_boundary_page_write (CzBoundaryPage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  g_autoptr(CzValue) value = NULL;

  if (dossier == NULL)
    return;

  self->writing = TRUE;
  if (self->areas->len == 0)
    cz_dossier_clear (dossier, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS);
  else
    {
      value = cz_value_new_records (cz_boundary_page_build_records (self));
      cz_dossier_set_value (dossier, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS, value);
    }
  self->writing = FALSE;
  cz_boundary_page_update_sum (self);
}

static void
cz_boundary_page_read (CzBoundaryPage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  CzValue *value = dossier ? cz_dossier_get_value (dossier, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS) : NULL;

  g_array_set_size (self->areas, 0);
  if (value == NULL || cz_value_get_kind (value) != CZ_FIELD_KIND_RECORDS)
    return;

  for (gsize i = 0; i < g_variant_n_children (cz_value_get_records (value)); i++)
    {
      g_autoptr(GVariant) record = g_variant_get_child_value (cz_value_get_records (value), i);
      FunctionalArea area = { NULL };
      const char *text;

      if (g_variant_lookup (record, "name", "&s", &text))
        area.name = g_strdup (text);
      if (g_variant_lookup (record, "purpose", "&s", &text))
        area.purpose = g_strdup (text);
      area.has_area = g_variant_lookup (record, "area_m2", "x", &area.area_m2);
      g_array_append_val (self->areas, area);
    }
}

static void
cz_boundary_page_update_area_row (CzBoundaryPage *self,
                                  guint           index)
{
  FunctionalArea *area = &g_array_index (self->areas, FunctionalArea, index);
  AdwExpanderRow *row = g_ptr_array_index (self->area_rows, index);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (area->name != NULL && *area->name != '\0')
    title = g_markup_escape_text (area->name, -1);
  else
    /* Translators: the title of a functional area that has no name yet; %u counts from 1 */
    title = g_strdup_printf (_("Area %u (no name yet)"), index + 1);

  if (area->has_area)
    {
      g_autofree char *km2 = format_km2 (area->area_m2);

      subtitle = g_markup_escape_text (km2, -1);
    }
  else
    subtitle = g_strdup (_("Area not given"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (row, subtitle);
}

static guint
area_index_of (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "cz-area-index"));
}

static void
on_area_name_changed (GtkEditable    *editable,
                      CzBoundaryPage *self)
{
  guint index = area_index_of (GTK_WIDGET (editable));
  FunctionalArea *area = &g_array_index (self->areas, FunctionalArea, index);

  g_free (area->name);
  area->name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  cz_boundary_page_update_area_row (self, index);
  cz_boundary_page_write (self);
}

static void
on_area_purpose_changed (GtkEditable    *editable,
                         CzBoundaryPage *self)
{
  FunctionalArea *area = &g_array_index (self->areas, FunctionalArea, area_index_of (GTK_WIDGET (editable)));

  g_free (area->purpose);
  area->purpose = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  cz_boundary_page_write (self);
}

static void
on_area_size_changed (GtkEditable    *editable,
                      CzBoundaryPage *self)
{
  guint index = area_index_of (GTK_WIDGET (editable));
  FunctionalArea *area = &g_array_index (self->areas, FunctionalArea, index);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  /* Text that is not a number stands for "no area": the rules then ask for
   * one, and the message under the input says what to type. */
  area->has_area = *text != '\0' && cz_parse_scaled_decimal (text, AREA_SCALE_DIGITS, &area->area_m2);
  cz_message_row_set_message (g_object_get_data (G_OBJECT (editable), "cz-message"),
                              *text != '\0' && !area->has_area
                              ? _("Enter the area as a number of square kilometres, for example 12.5.")
                              : NULL);
  cz_boundary_page_update_area_row (self, index);
  cz_boundary_page_write (self);
}

static AdwEntryRow *
cz_boundary_page_add_entry (AdwExpanderRow *expander,
                            guint           index,
                            const char     *title,
                            const char     *text,
                            GCallback       changed,
                            gpointer        self)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_object_set_data (G_OBJECT (row), "cz-area-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (row, "changed", changed, self, 0);
  adw_expander_row_add_row (expander, GTK_WIDGET (row));
  return row;
}

static GtkWidget *
cz_boundary_page_new_button (const char *icon_name,
                             const char *tooltip,
                             const char *action_name,
                             guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (action_name != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) index);
    }
  else
    /* A button with an action is as sensitive as its action, for every row. */
    gtk_widget_set_sensitive (button, FALSE);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
cz_boundary_page_rebuild (CzBoundaryPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->areas_list))) != NULL)
    gtk_list_box_remove (self->areas_list, child);
  g_ptr_array_set_size (self->area_rows, 0);

  for (guint i = 0; i < self->areas->len; i++)
    {
      FunctionalArea *area = &g_array_index (self->areas, FunctionalArea, i);
      AdwExpanderRow *expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
      g_autofree char *size = area->has_area ? cz_format_scaled_decimal (area->area_m2, AREA_SCALE_DIGITS) : NULL;
      AdwEntryRow *name_row;
      AdwEntryRow *size_row;
      GtkWidget *size_message;
      GtkWidget *unit;
      GtkWidget *controls;
      GtkWidget *up;
      GtkWidget *down;

      g_ptr_array_add (self->area_rows, expander);
      cz_boundary_page_update_area_row (self, i);

      name_row = cz_boundary_page_add_entry (expander, i, _("Name"), area->name,
                                             G_CALLBACK (on_area_name_changed), self);
      g_object_set_data (G_OBJECT (expander), "cz-name-row", name_row);
      size_row = cz_boundary_page_add_entry (expander, i, _("Area"), size,
                                             G_CALLBACK (on_area_size_changed), self);
      size_message = cz_message_row_new (GTK_WIDGET (size_row));
      adw_expander_row_add_row (expander, size_message);
      g_object_set_data (G_OBJECT (size_row), "cz-message", size_message);
      gtk_widget_add_css_class (GTK_WIDGET (size_row), "numeric");
      gtk_editable_set_alignment (GTK_EDITABLE (size_row), 1.0f);
      adw_entry_row_set_input_purpose (size_row, GTK_INPUT_PURPOSE_NUMBER);
      unit = gtk_label_new (_("km²"));
      gtk_widget_add_css_class (unit, "dim-label");
      adw_entry_row_add_suffix (size_row, unit);
      cz_boundary_page_add_entry (expander, i, _("Purpose"), area->purpose,
                                  G_CALLBACK (on_area_purpose_changed), self);

      controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      /* The first cannot go up nor the last down: no button that does nothing. */
      up = cz_boundary_page_new_button ("go-up-symbolic", _("Move Up"),
                                        i > 0 ? "boundary.move-up" : NULL, i);
      down = cz_boundary_page_new_button ("go-down-symbolic", _("Move Down"),
                                          i + 1 < self->areas->len ? "boundary.move-down" : NULL, i);
      gtk_box_append (GTK_BOX (controls), up);
      gtk_box_append (GTK_BOX (controls), down);
      gtk_box_append (GTK_BOX (controls),
                      cz_boundary_page_new_button ("user-trash-symbolic", _("Remove Area"), "boundary.remove-area", i));
      adw_expander_row_add_action (expander, controls);

      gtk_list_box_append (self->areas_list, GTK_WIDGET (expander));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->areas_list), self->areas->len > 0);
  cz_boundary_page_update_sum (self);
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* After the list is rebuilt, the focus goes to the area at @index: on its
 * @action_name button (so Move Down pressed again moves it on), or the other
 * way's at the top or bottom, else on its header. An expander row itself takes no focus: grabbing it left the focus
 * on a row no longer in the list. */
static void
cz_boundary_page_focus_area (CzBoundaryPage *self,
                             guint           index,
                             const char     *action_name)
{
  AdwExpanderRow *expander;
  GtkWidget *button;

  if (index >= self->area_rows->len)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
      return;
    }

  expander = g_ptr_array_index (self->area_rows, index);
  adw_expander_row_set_expanded (expander, TRUE);
  button = action_name ? find_action_button (GTK_WIDGET (expander), action_name) : NULL;
  /* Moved to the top or bottom, its button is off: the other way is next. */
  if (button == NULL && action_name != NULL && g_str_has_prefix (action_name, "boundary.move-"))
    button = find_action_button (GTK_WIDGET (expander), g_str_equal (action_name, "boundary.move-up")
                                                        ? "boundary.move-down" : "boundary.move-up");
  if (button == NULL || !gtk_widget_grab_focus (button))
    gtk_widget_child_focus (GTK_WIDGET (expander), GTK_DIR_TAB_FORWARD);
  cz_wizard_page_reveal_when_placed (CZ_WIZARD_PAGE (self), GTK_WIDGET (expander));
}

static void
boundary_add_area_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CzBoundaryPage *self = CZ_BOUNDARY_PAGE (widget);
  FunctionalArea area = { g_strdup (""), g_strdup (""), 0, FALSE };
  AdwExpanderRow *expander;

  g_array_append_val (self->areas, area);
  cz_boundary_page_write (self);
  cz_boundary_page_rebuild (self);

  /* Straight to the new area's name. */
  expander = g_ptr_array_index (self->area_rows, self->areas->len - 1);
  adw_expander_row_set_expanded (expander, TRUE);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (expander), "cz-name-row"));
  cz_wizard_page_reveal_when_placed (CZ_WIZARD_PAGE (self), GTK_WIDGET (expander));
}

static void
boundary_remove_area_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CzBoundaryPage *self = CZ_BOUNDARY_PAGE (widget);
  guint index = (guint) g_variant_get_int32 (parameter);

  if (index >= self->areas->len)
    return;

  g_array_remove_index (self->areas, index);
  cz_boundary_page_write (self);
  cz_boundary_page_rebuild (self);
  cz_boundary_page_focus_area (self, MIN (index, self->areas->len), NULL);
}

static void
cz_boundary_page_swap (CzBoundaryPage *self,
                       guint           a,
                       guint           b,
                       const char     *action_name)
{
  FunctionalArea tmp;

  if (a >= self->areas->len || b >= self->areas->len)
    return;

  tmp = g_array_index (self->areas, FunctionalArea, a);
  g_array_index (self->areas, FunctionalArea, a) = g_array_index (self->areas, FunctionalArea, b);
  g_array_index (self->areas, FunctionalArea, b) = tmp;
  cz_boundary_page_write (self);
  cz_boundary_page_rebuild (self);
  cz_boundary_page_focus_area (self, b, action_name);
}

static void
boundary_move_up_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gint32 index = g_variant_get_int32 (parameter);

  if (index > 0)
    cz_boundary_page_swap (CZ_BOUNDARY_PAGE (widget), index, index - 1, action_name);
}

static void
boundary_move_down_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  gint32 index = g_variant_get_int32 (parameter);

  if (index >= 0)
    cz_boundary_page_swap (CZ_BOUNDARY_PAGE (widget), index, index + 1, action_name);
}

static void
on_areas_field_changed (CzBoundaryPage *self)
{
  if (self->writing)
    return;

  cz_boundary_page_read (self);
  cz_boundary_page_rebuild (self);
}

static void
cz_boundary_page_dossier_changed (CzWizardPage *page)
{
  CzBoundaryPage *self = CZ_BOUNDARY_PAGE (page);
  CzDossier *dossier = cz_wizard_page_get_dossier (page);

  g_clear_signal_handler (&self->areas_changed_id, self->bound_dossier);
  g_clear_signal_handler (&self->total_changed_id, self->bound_dossier);
  g_set_object (&self->bound_dossier, dossier);

  if (dossier != NULL)
    {
      self->areas_changed_id =
        g_signal_connect_object (dossier, "field-changed::" CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS,
                                 G_CALLBACK (on_areas_field_changed), self, G_CONNECT_SWAPPED);
      self->total_changed_id =
        g_signal_connect_object (dossier, "field-changed::" CZ_FIELD_ZONE_AREA_M2,
                                 G_CALLBACK (cz_boundary_page_update_sum), self, G_CONNECT_SWAPPED);
    }

  cz_boundary_page_read (self);
  cz_boundary_page_rebuild (self);
}

static void
cz_boundary_page_dispose (GObject *object)
{
  CzBoundaryPage *self = CZ_BOUNDARY_PAGE (object);

  g_clear_signal_handler (&self->areas_changed_id, self->bound_dossier);
  g_clear_signal_handler (&self->total_changed_id, self->bound_dossier);
  g_clear_object (&self->bound_dossier);
  g_clear_pointer (&self->area_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_BOUNDARY_PAGE);

  G_OBJECT_CLASS (cz_boundary_page_parent_class)->dispose (object);
}

static void
cz_boundary_page_finalize (GObject *object)
{
  CzBoundaryPage *self = CZ_BOUNDARY_PAGE (object);

  g_clear_pointer (&self->areas, g_array_unref);

  G_OBJECT_CLASS (cz_boundary_page_parent_class)->finalize (object);
}

static void
cz_boundary_page_class_init (CzBoundaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_boundary_page_dispose;
  object_class->finalize = cz_boundary_page_finalize;
  CZ_WIZARD_PAGE_CLASS (klass)->dossier_changed = cz_boundary_page_dossier_changed;

  g_type_ensure (CZ_TYPE_FIELD_ENTRY_ROW);
  g_type_ensure (CZ_TYPE_MESSAGE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/pages/boundary/cz-boundary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CzBoundaryPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CzBoundaryPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CzBoundaryPage, areas_list);
  gtk_widget_class_bind_template_child (widget_class, CzBoundaryPage, sum_row);
  gtk_widget_class_bind_template_child (widget_class, CzBoundaryPage, sum_label);
  gtk_widget_class_bind_template_child (widget_class, CzBoundaryPage, areas_message);

  gtk_widget_class_install_action (widget_class, "boundary.add-area", NULL, boundary_add_area_action);
  gtk_widget_class_install_action (widget_class, "boundary.remove-area", "i", boundary_remove_area_action);
  gtk_widget_class_install_action (widget_class, "boundary.move-up", "i", boundary_move_up_action);
  gtk_widget_class_install_action (widget_class, "boundary.move-down", "i", boundary_move_down_action);
}

static void
cz_boundary_page_init (CzBoundaryPage *self)
{
  CzWizardPage *page = CZ_WIZARD_PAGE (self);

  self->areas = g_array_new (FALSE, TRUE, sizeof (FunctionalArea));
  g_array_set_clear_func (self->areas, functional_area_clear);
  self->area_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  cz_wizard_page_add_field (page, CZ_FIELD_BOUNDARY_FUNCTIONAL_AREAS,
                            GTK_WIDGET (self->add_button), self->areas_message);
}

GtkWidget *
cz_boundary_page_new (CzDossier *dossier)
{
  return g_object_new (CZ_TYPE_BOUNDARY_PAGE, "dossier", dossier, NULL);
}
