/* cz-revenue-page.c — the Revenue step: three years of revenue, enterprises, trade and R&D
 *
 * One group per complete year before the call year (from the rules pack). Money
 * is typed in 万元 (a trailing 亿 switches unit) and shown back in uppercase
 * (大写) under the total, so a slip of a digit is seen before it is sent. The
 * justification appears when the latest year's revenue is below the pack's
 * threshold, or once it holds text.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cz-amount-words-row.h"
#include "cz-field-entry-row.h"
#include "cz-fields.h"
#include "cz-money.h"
#include "cz-revenue-page.h"
#include "cz-roster.h"
#include "cz-roster-dialog.h"
#include "cz-wizard.h"

typedef enum
{
  INPUT_MONEY,
  INPUT_COUNT,
} InputKind;

typedef struct
{
  const char *field_template;
  InputKind   kind;
  const char *title;
  const char *help;
} YearInput;

/* The rows of one year, in the order of the application form. */
static const YearInput year_inputs[] = {
  { CZ_FIELD_REVENUE_TOTAL_Y, INPUT_MONEY, N_("Total operating revenue"),
    N_("Operating revenue of all enterprises in the zone for the year, as in the statistics bureau’s or tax authority’s figures.") },
  { CZ_FIELD_ENTERPRISES_TOTAL_Y, INPUT_COUNT, N_("Enterprises in the zone"),
    N_("All enterprises registered in the zone at the end of the year.") },
  { CZ_FIELD_ENTERPRISES_SME_Y, INPUT_COUNT, N_("Of which SMEs"),
    N_("Enterprises that are small, medium-sized or micro under the 2011 size rule (中小企业划型标准规定).") },
  { CZ_FIELD_ENTERPRISES_FOREIGN_Y, INPUT_COUNT, N_("Foreign-invested enterprises"),
    N_("Enterprises with foreign investment, as registered with the market regulator.") },
  { CZ_FIELD_REVENUE_EXPORT_Y, INPUT_MONEY, N_("Export value"),
    N_("Exports of the zone’s enterprises, usually from customs statistics.") },
  { CZ_FIELD_REVENUE_IMPORT_Y, INPUT_MONEY, N_("Import value"),
    N_("Imports of the zone’s enterprises, usually from customs statistics.") },
  { CZ_FIELD_REVENUE_RD_SPENDING_Y, INPUT_MONEY, N_("R&D spending"),
    N_("Research and development spending of the zone’s enterprises, as in the statistics bureau’s R&D survey.") },
};

struct _CzRevenuePage
{
  CzWizardPage         parent_instance;

  AdwPreferencesPage  *preferences_page;
  AdwPreferencesGroup *roster_group;
  AdwPreferencesGroup *justification_group;
  CzFieldEntryRow     *justification_row;

  GPtrArray           *year_groups;   /* of AdwPreferencesGroup */
  GHashTable          *words_rows;    /* money field id → AdwActionRow showing 大写 */
  GtkSizeGroup        *unit_group;    /* the unit suffixes, so the figures line up */
  guint                call_year;
  guint                years[3];
  CzDossier           *bound_dossier;
  gulong               changed_id;
};

G_DEFINE_FINAL_TYPE (CzRevenuePage, cz_revenue_page, CZ_TYPE_WIZARD_PAGE)

static guint
cz_revenue_page_get_call_year (CzRevenuePage *self)
{
  CzValidator *validator = cz_wizard_page_get_validator (CZ_WIZARD_PAGE (self));

  if (validator != NULL && cz_validator_get_rules (validator) != NULL)
    return cz_rules_get_year (cz_validator_get_rules (validator));
  return CZ_RULES_BUILTIN_YEAR;
}

static void
cz_revenue_page_update_words (CzRevenuePage *self,
                              const char    *field_id)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  AdwActionRow *row = g_hash_table_lookup (self->words_rows, field_id);
  gint64 fen;

  if (row == NULL)
    return;

  if (dossier != NULL && cz_dossier_get_money (dossier, field_id, &fen))
    {
      g_autofree char *words = cz_money_format_uppercase (fen);
      g_autofree char *yi = cz_money_format (fen, CZ_MONEY_UNIT_YI);
      g_autofree char *subtitle = g_strdup_printf ("%s（%s）", words, yi);

      adw_action_row_set_subtitle (row, subtitle);
      gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
}

static void
cz_revenue_page_update_justification (CzRevenuePage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  CzValidator *validator = cz_wizard_page_get_validator (CZ_WIZARD_PAGE (self));
  g_autofree char *latest = cz_field_id_for_year (CZ_FIELD_REVENUE_TOTAL_Y, self->years[2]);
  const char *text = dossier ? cz_dossier_get_text (dossier, CZ_FIELD_REVENUE_JUSTIFICATION) : NULL;
  gint64 threshold = G_GINT64_CONSTANT (1000000000000);
  gboolean below = FALSE;
  GtkRoot *root;
  GtkWidget *focus;
  gint64 fen;

  if (validator != NULL && cz_validator_get_rules (validator) != NULL)
    threshold = cz_rules_get_revenue_threshold_fen (cz_validator_get_rules (validator));
  if (dossier != NULL && cz_dossier_get_money (dossier, latest, &fen))
    below = fen < threshold;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  /* Never hidden while the person is typing in it. */
  gtk_widget_set_visible (GTK_WIDGET (self->justification_group),
                          below || (text != NULL && *text != '\0') ||
                          (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->justification_row))));
}

/* Where the totals came from, once a roster was accepted. */
static void
cz_revenue_page_update_roster (CzRevenuePage *self)
{
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  g_autofree char *provenance = dossier ? cz_roster_dup_provenance (dossier) : NULL;

  if (provenance != NULL)
    {
      /* Translators: %s says which roster, "from the roster: 1204 rows, imported on …, file SHA-256 …" */
      g_autofree char *text = g_strdup_printf (_("Enterprise counts and revenue filled in %s."), provenance);
      adw_preferences_group_set_description (self->roster_group, text);
    }
  else
    adw_preferences_group_set_description (self->roster_group,
                                           _("Import the zone’s roster from a spreadsheet to fill in the enterprise counts and the revenue with their source."));
}

static void
import_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CzRevenuePage *self = CZ_REVENUE_PAGE (widget);
  GtkWidget *wizard = gtk_widget_get_ancestor (widget, CZ_TYPE_WIZARD);
  GtkRoot *root = gtk_widget_get_root (widget);
  CzDossier *dossier = cz_wizard_page_get_dossier (CZ_WIZARD_PAGE (self));
  CzRosterDialog *dialog;

  if (dossier == NULL)
    return;
  dialog = cz_roster_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 wizard ? cz_wizard_get_store (CZ_WIZARD (wizard)) : NULL, dossier);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_field_changed (CzDossier     *dossier,
                  const char    *field_id,
                  CzValue       *old_value,
                  CzValue       *new_value,
                  CzRevenuePage *self)
{
  cz_revenue_page_update_words (self, field_id);
  cz_revenue_page_update_justification (self);
  if (g_str_has_prefix (field_id, "roster."))
    cz_revenue_page_update_roster (self);
}

static void
cz_revenue_page_clear_years (CzRevenuePage *self)
{
  for (guint i = 0; i < self->year_groups->len; i++)
    adw_preferences_page_remove (self->preferences_page, g_ptr_array_index (self->year_groups, i));
  g_ptr_array_set_size (self->year_groups, 0);
  g_hash_table_remove_all (self->words_rows);
}

static void
cz_revenue_page_add_year (CzRevenuePage *self,
                          guint          year)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *group_title = NULL;

  /* Translators: the heading of one year's figures; %u is a year (zh_CN: "%u年") */
  group_title = g_strdup_printf (C_("year heading", "%u"), year);
  adw_preferences_group_set_title (group, group_title);
  if (self->year_groups->len == 0)
    adw_preferences_group_set_description (group,
                                           _("Figures for the zone’s enterprises in the three most recent complete years, usually from the statistics bureau or the tax authority. Amounts are in 10,000 yuan (万元); type for example “120亿” to enter an amount in 100 million yuan (亿元)."));

  for (guint i = 0; i < G_N_ELEMENTS (year_inputs); i++)
    {
      const YearInput *input = &year_inputs[i];
      g_autofree char *field_id = cz_field_id_for_year (input->field_template, year);
      GtkWidget *row = cz_field_entry_row_new (field_id,
                                               input->kind == INPUT_MONEY ? CZ_FIELD_ENTRY_KIND_MONEY
                                                                          : CZ_FIELD_ENTRY_KIND_NUMBER,
                                               input->kind == INPUT_MONEY ? CZ_FIELD_ENTRY_UNIT_WAN_YUAN
                                                                          : CZ_FIELD_ENTRY_UNIT_NONE);
      GtkWidget *unit;
      GtkWidget *message;
      g_autofree char *title = NULL;

      /* Translators: an input's title with its year, for screen readers and the review: "Export value, 2024" */
      title = g_strdup_printf (_("%s, %u"), _(input->title), year);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(input->title));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      gtk_widget_set_tooltip_text (row, _(input->help));
      gtk_widget_add_css_class (row, "numeric");
      gtk_editable_set_alignment (GTK_EDITABLE (row), 1.0f);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row),
                                       input->kind == INPUT_MONEY ? GTK_INPUT_PURPOSE_NUMBER : GTK_INPUT_PURPOSE_DIGITS);
      /* Translators: unit suffixes: 10,000 yuan, and a count of enterprises */
      unit = gtk_label_new (input->kind == INPUT_MONEY ? _("10,000 yuan") : C_("enterprises", "enterprises"));
      gtk_widget_add_css_class (unit, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (unit), 0.0f);
      gtk_size_group_add_widget (self->unit_group, unit);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), unit);
      adw_preferences_group_add (group, row);

      message = cz_message_row_new (row);
      adw_preferences_group_add (group, message);

      if (g_str_equal (input->field_template, CZ_FIELD_REVENUE_TOTAL_Y))
        {
          GtkWidget *words = cz_amount_words_row_new ();

          /* Translators: the amount in uppercase Chinese numerals (大写) under the revenue */
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (words), _("In words"));
          adw_preferences_group_add (group, words);
          g_hash_table_insert (self->words_rows, g_strdup (field_id), words);
        }

      cz_revenue_page_update_words (self, field_id);
    }

  /* Years above the justification, which is about them. */
  adw_preferences_page_remove (self->preferences_page, self->justification_group);
  adw_preferences_page_add (self->preferences_page, group);
  adw_preferences_page_add (self->preferences_page, self->justification_group);
  g_ptr_array_add (self->year_groups, group);
}

static void
cz_revenue_page_rebuild (CzRevenuePage *self)
{
  cz_revenue_page_clear_years (self);
  self->call_year = cz_revenue_page_get_call_year (self);
  cz_fields_get_complete_years (self->call_year, self->years);

  g_object_ref (self->justification_group);
  for (guint y = 0; y < 3; y++)
    cz_revenue_page_add_year (self, self->years[y]);
  g_object_unref (self->justification_group);

  cz_revenue_page_update_justification (self);
}

static void
cz_revenue_page_dossier_changed (CzWizardPage *page)
{
  CzRevenuePage *self = CZ_REVENUE_PAGE (page);
  CzDossier *dossier = cz_wizard_page_get_dossier (page);

  g_clear_signal_handler (&self->changed_id, self->bound_dossier);
  g_set_object (&self->bound_dossier, dossier);
  if (dossier != NULL)
    self->changed_id = g_signal_connect_object (dossier, "field-changed",
                                                G_CALLBACK (on_field_changed), self, 0);
  cz_revenue_page_rebuild (self);
  cz_revenue_page_update_roster (self);
}

static void
on_validator_changed (CzRevenuePage *self)
{
  if (cz_revenue_page_get_call_year (self) != self->call_year)
    cz_revenue_page_rebuild (self);
  else
    cz_revenue_page_update_justification (self);
}

static void
cz_revenue_page_dispose (GObject *object)
{
  CzRevenuePage *self = CZ_REVENUE_PAGE (object);

  g_clear_object (&self->unit_group);
  g_clear_signal_handler (&self->changed_id, self->bound_dossier);
  g_clear_object (&self->bound_dossier);
  g_clear_pointer (&self->year_groups, g_ptr_array_unref);
  g_clear_pointer (&self->words_rows, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_REVENUE_PAGE);

  G_OBJECT_CLASS (cz_revenue_page_parent_class)->dispose (object);
}

static void
cz_revenue_page_class_init (CzRevenuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_revenue_page_dispose;
  CZ_WIZARD_PAGE_CLASS (klass)->dossier_changed = cz_revenue_page_dossier_changed;

  g_type_ensure (CZ_TYPE_FIELD_ENTRY_ROW);
  g_type_ensure (CZ_TYPE_MESSAGE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/pages/revenue/cz-revenue-page.ui");
  gtk_widget_class_install_action (widget_class, "revenue.import-roster", NULL, import_roster_action);
  gtk_widget_class_bind_template_child (widget_class, CzRevenuePage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CzRevenuePage, roster_group);
  gtk_widget_class_bind_template_child (widget_class, CzRevenuePage, justification_group);
  gtk_widget_class_bind_template_child (widget_class, CzRevenuePage, justification_row);
}

static void
cz_revenue_page_init (CzRevenuePage *self)
{
  self->year_groups = g_ptr_array_new ();
  self->words_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->unit_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->justification_row),
                               _("For example: the zone is in a central, western or north-eastern province, or is young and growing fast; give the figures that show it."));
  g_signal_connect (self, "notify::validator", G_CALLBACK (on_validator_changed), NULL);
  cz_revenue_page_rebuild (self);
}

GtkWidget *
cz_revenue_page_new (CzDossier *dossier)
{
  return g_object_new (CZ_TYPE_REVENUE_PAGE, "dossier", dossier, NULL);
}
