/* cz-archive-view.c — a received submission archive, verified, shown read-only
 *
 * The archive is verified on a worker (cz_archive_verify_async) with a
 * progress bar; a hostile or damaged file is refused with the core's message
 * and nothing is extracted. Otherwise the view says whether it is valid and,
 * if not, each check that failed; then the signature, the dossier's main
 * fields, the findings and score at signing time and the evidence index with
 * its page citations. A selected file is extracted on a worker into a private
 * temporary folder (mode 0700, removed with the view) and shown in a
 * CzPdfPreview.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cz-archive-view.h"
#include "cz-certificate.h"
#include "cz-evidence.h"
#include "cz-fields.h"
#include "cz-pdf-preview.h"
#include "cz-score.h"

/* A preview file bigger than this is not extracted. */
#define MAX_PREVIEW_SIZE (G_GUINT64_CONSTANT (512) << 20)

/* The settings key remembering the certificate authority a province trusts. */
#define TRUSTED_CA_KEY "trusted-ca"

struct _CzArchiveView
{
  GtkWidget              parent_instance;

  GtkStack              *stack;
  GtkProgressBar        *progress_bar;
  AdwStatusPage         *refused_page;
  AdwPreferencesPage    *result_page;
  AdwPreferencesGroup   *status_group;
  AdwActionRow          *status_row;
  GtkImage              *status_icon;
  GtkStack              *preview_stack;
  AdwStatusPage         *preview_status;
  CzPdfPreview          *preview;

  GFile                 *file;
  GCancellable          *cancellable;      /* while verifying */
  GCancellable          *preview_cancellable;
  CzArchiveVerification *verification;
  char                  *refusal;
  char                  *temp_dir;         /* private, for previews */
  guint                  n_previews;
  GPtrArray             *groups;           /* added to result_page */
  GPtrArray             *status_rows;      /* added to status_group */

  GSettings             *settings;
  char                  *trusted_ca_path;  /* the authority the signer must chain to, or NULL */
  GBytes                *trusted_ca_data;  /* its bytes, as cz_archive_verify() takes them */
  CzCertificate         *trusted_ca;
  char                  *trust_error;      /* why the authority's file could not be used */
};

G_DEFINE_FINAL_TYPE (CzArchiveView, cz_archive_view, GTK_TYPE_WIDGET)

static void
cz_archive_view_update_actions (CzArchiveView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.cancel", self->cancellable != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.choose-ca", self->cancellable == NULL && self->file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.forget-ca",
                                 self->cancellable == NULL && self->trusted_ca_path != NULL);
}

/* ---------------------------------------------------------------------- */
/* Building the result                                                      */

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (value != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  return row;
}

static AdwPreferencesGroup *
cz_archive_view_add_group (CzArchiveView *self,
                           const char    *title,
                           const char    *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description != NULL)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (self->result_page, group);
  g_ptr_array_add (self->groups, group);
  return group;
}

static void
cz_archive_view_clear (CzArchiveView *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->result_page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  for (guint i = 0; i < self->status_rows->len; i++)
    adw_preferences_group_remove (self->status_group, g_ptr_array_index (self->status_rows, i));
  g_ptr_array_set_size (self->status_rows, 0);
  gtk_stack_set_visible_child_name (self->preview_stack, "empty");
}

/* A field's value from dossier.json, as text. */
static char *
dup_field_text (JsonObject *fields,
                const char *field_id)
{
  JsonObject *value;

  if (fields == NULL || !json_object_has_member (fields, field_id) ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (fields, field_id)))
    return NULL;
  value = json_object_get_object_member (fields, field_id);
  if (json_object_has_member (value, "text"))
    return g_strdup (json_object_get_string_member_with_default (value, "text", NULL));
  if (json_object_has_member (value, "integer"))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (value, "integer"));
  for (GList *l = json_object_get_members (value); l != NULL; l = g_list_delete_link (l, l))
    {
      JsonNode *node = json_object_get_member (value, l->data);

      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          g_autoptr(GString) text = g_string_new (NULL);

          for (guint i = 0; i < json_array_get_length (array); i++)
            if (JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i)))
              {
                if (text->len > 0)
                  g_string_append (text, "、");
                g_string_append (text, json_array_get_string_element (array, i));
              }
          g_list_free (l);
          return g_string_free (g_steal_pointer (&text), FALSE);
        }
    }
  return NULL;
}

static void
cz_archive_view_add_status (CzArchiveView *self,
                            const char    *zone)
{
  CzArchiveVerification *v = self->verification;
  gboolean valid = cz_archive_verification_get_valid (v);
  GDateTime *time = cz_archive_verification_get_signing_time (v);
  g_autofree char *when = time ? g_date_time_format (time, "%Y-%m-%d %H:%M UTC") : NULL;
  g_autofree char *subtitle = NULL;
  const char * const *problems = cz_archive_verification_get_problems (v);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row),
                                 valid ? _("Valid Submission Archive") : _("Invalid Submission Archive"));
  /* Translators: under the verdict: the zone's name, then who signed and when */
  subtitle = g_strdup_printf (_("%1$s · signed by %2$s, %3$s"),
                              zone ? zone : "—",
                              cz_archive_verification_get_organisation (v) ? cz_archive_verification_get_organisation (v) : "—",
                              when ? when : "—");
  adw_action_row_set_subtitle (self->status_row, subtitle);
  gtk_image_set_from_icon_name (self->status_icon, valid ? "emblem-ok-symbolic" : "dialog-error-symbolic");
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_icon), (const char *[]) { valid ? "success" : "error", NULL });
  adw_preferences_group_set_description (self->status_group,
                                         valid
                                         ? _("The signature is good and every file is exactly as it was signed.")
                                         : _("Do not rely on this archive: ask the department for a new one. What failed:"));

  for (guint i = 0; problems != NULL && problems[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problems[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "error");
      adw_preferences_group_add (self->status_group, row);
      g_ptr_array_add (self->status_rows, row);
    }
}

static void
add_check_row (AdwPreferencesGroup *group,
               const char          *title,
               const char          *value,
               gboolean             passed)
{
  GtkWidget *row = add_row (group, title, value);
  GtkWidget *icon = gtk_image_new_from_icon_name (passed ? "emblem-ok-symbolic" : "dialog-error-symbolic");

  gtk_widget_add_css_class (icon, passed ? "success" : "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  passed ? _("Passed") : _("Failed"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
}

static char *
format_day (GDateTime *time)
{
  return time ? g_date_time_format (time, "%Y-%m-%d %H:%M UTC") : g_strdup ("—");
}

/* Who signed, whether the certificate was valid then, and whether the
 * authority the province trusts vouches for it. */
static void
cz_archive_view_add_trust (CzArchiveView *self)
{
  CzArchiveVerification *v = self->verification;
  CzArchiveCheck failed = cz_archive_verification_get_failed_checks (v);
  GBytes *der = cz_archive_verification_get_signer_certificate (v);
  g_autoptr(CzCertificate) signer = der ? cz_certificate_new_from_bytes (der, NULL, NULL) : NULL;
  AdwPreferencesGroup *group = cz_archive_view_add_group (self, _("Signer"), NULL);
  g_autofree char *from = format_day (cz_archive_verification_get_signer_not_before (v));
  g_autofree char *until = format_day (cz_archive_verification_get_signer_not_after (v));
  g_autofree char *validity = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *icon_name, *style;
  GtkWidget *row, *icon, *button, *box;

  add_row (group, _("Signer certificate"), cz_archive_verification_get_signer_subject (v));
  /* Translators: the validity of a certificate: from date to date */
  validity = g_strdup_printf (_("%1$s to %2$s"), from, until);
  add_check_row (group, _("Valid when signed"), validity, !(failed & CZ_ARCHIVE_CHECK_SIGNER_VALIDITY));

  if (self->trusted_ca_path != NULL && cz_archive_verification_get_trust_checked (v) && self->trusted_ca != NULL)
    {
      const char *ca = cz_certificate_get_display_name (self->trusted_ca);

      if (failed & CZ_ARCHIVE_CHECK_TRUST)
        {
          /* Translators: %s is the certificate authority the user chose to trust */
          title = g_strdup_printf (_("Not trusted by “%s”"), ca);
          subtitle = g_strdup (_("The signer’s certificate was not issued by this certificate authority. Ask the department which certificate it signed with."));
          icon_name = "dialog-error-symbolic";
          style = "error";
        }
      else
        {
          /* Translators: %s is the certificate authority the user chose to trust */
          title = g_strdup_printf (_("Trusted by “%s”"), ca);
          subtitle = g_strdup (_("The signer’s certificate was issued by the certificate authority you trust."));
          icon_name = "emblem-ok-symbolic";
          style = "success";
        }
    }
  else
    {
      if (signer != NULL && cz_certificate_get_self_signed (signer))
        /* Translators: no certificate authority was chosen, and the signer vouches for itself */
        title = g_strdup (_("Unknown: a self-signed department certificate"));
      else
        /* Translators: %s is who issued the signer's certificate */
        title = g_strdup_printf (_("Unknown: issued by “%s”"),
                                 signer && cz_certificate_get_issuer (signer) ? cz_certificate_get_issuer (signer) : "—");
      if (self->trust_error != NULL)
        subtitle = g_strdup (self->trust_error);
      else
        subtitle = g_strdup (_("Compare the fingerprint with the one the department gave you, or trust the certificate authority that issues department certificates."));
      icon_name = "dialog-warning-symbolic";
      style = "warning";
    }

  row = add_row (group, title, subtitle);
  gtk_widget_remove_css_class (row, "property");
  gtk_widget_add_css_class (row, "trust");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_add_css_class (icon, style);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* The choice sits in the group's header, leaving the verdict the row's whole width. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  if (self->trusted_ca_path != NULL)
    {
      button = gtk_button_new_with_mnemonic (_("_Forget"));
      gtk_widget_set_tooltip_text (button, _("Stop checking signers against this certificate authority"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "archive.forget-ca");
      gtk_widget_add_css_class (button, "flat");
      gtk_box_append (GTK_BOX (box), button);
    }
  button = gtk_button_new_with_mnemonic (self->trusted_ca_path != NULL ? _("_Change Authority…") : _("_Trust a Certificate Authority…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "archive.choose-ca");
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (box), button);
  adw_preferences_group_set_header_suffix (group, box);

  if (self->trusted_ca != NULL)
    {
      g_autofree char *ca_from = format_day (cz_certificate_get_not_before (self->trusted_ca));
      g_autofree char *ca_until = format_day (cz_certificate_get_not_after (self->trusted_ca));
      g_autofree char *ca_text = NULL;

      /* Translators: %1$s is the authority's name, %2$s and %3$s its validity, %4$s its SHA-256 fingerprint */
      ca_text = g_strdup_printf (_("%1$s · valid %2$s to %3$s · SHA-256 %4$s"), cz_certificate_get_subject (self->trusted_ca),
                                 ca_from, ca_until, cz_certificate_get_fingerprint (self->trusted_ca));
      row = add_row (group, _("Trusted certificate authority"), ca_text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
}

static void
cz_archive_view_add_signature (CzArchiveView *self)
{
  CzArchiveVerification *v = self->verification;
  CzArchiveCheck failed = cz_archive_verification_get_failed_checks (v);
  AdwPreferencesGroup *group = cz_archive_view_add_group (self, _("Signature and Contents"), NULL);
  GDateTime *time = cz_archive_verification_get_signing_time (v);
  g_autofree char *when = time ? g_date_time_format (time, "%Y-%m-%d %H:%M:%S UTC") : NULL;
  const char * const *files = cz_archive_verification_get_files (v);
  guint n_files = files ? g_strv_length ((char **) files) : 0;
  g_autofree char *counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", n_files), n_files);

  add_check_row (group, _("Signature"), cz_archive_verification_get_signer_subject (v),
                 !(failed & CZ_ARCHIVE_CHECK_SIGNATURE));
  add_check_row (group, _("Signer certificate SHA-256 fingerprint"), cz_archive_verification_get_signer_fingerprint (v),
                 !(failed & (CZ_ARCHIVE_CHECK_SIGNATURE | CZ_ARCHIVE_CHECK_TRUST)));
  add_check_row (group, _("Signing time"), when, !(failed & CZ_ARCHIVE_CHECK_BAG_INFO));
  add_check_row (group, _("Rules pack"), cz_archive_verification_get_rules_pack_id (v), !(failed & CZ_ARCHIVE_CHECK_BAG_INFO));
  add_check_row (group, _("Tag manifest"), cz_archive_verification_get_tag_manifest_fingerprint (v),
                 !(failed & CZ_ARCHIVE_CHECK_TAG_MANIFEST));
  add_check_row (group, _("Payload manifest"), counted, !(failed & CZ_ARCHIVE_CHECK_MANIFEST));
  add_check_row (group, _("Payload-Oxum"), cz_archive_verification_get_payload_oxum (v),
                 !(failed & CZ_ARCHIVE_CHECK_PAYLOAD_OXUM));
  add_check_row (group, _("No missing or extra files"), NULL, !(failed & CZ_ARCHIVE_CHECK_COMPLETE));
  /* Translators: the fingerprint in the footers of the printed application form */
  add_row (group, _("Content fingerprint (on the printed form)"), cz_archive_verification_get_content_fingerprint (v));
}

static void
cz_archive_view_add_dossier (CzArchiveView *self,
                             JsonObject    *fields)
{
  static const char * const shown[] = {
    CZ_FIELD_ZONE_NAME, CZ_FIELD_ZONE_PARTNERS, CZ_FIELD_ZONE_PROVINCE, CZ_FIELD_ZONE_CITY,
    CZ_FIELD_ZONE_MANAGEMENT_BODY, CZ_FIELD_ZONE_INDUSTRIES, CZ_FIELD_ZONE_AREA_M2,
    CZ_FIELD_APPLICANT_DEPARTMENT, CZ_FIELD_CONTACT_NAME, CZ_FIELD_CONTACT_PHONE,
    CZ_FIELD_CONTACT_EMAIL, CZ_FIELD_APPLICATION_YEAR,
  };
  AdwPreferencesGroup *group = cz_archive_view_add_group (self, _("Dossier"),
                                                          _("The answers as signed; they cannot be changed here."));

  /* The same labels and units as the wizard and the form. */
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      const CzFieldSpec *spec = cz_field_spec_lookup (shown[i]);
      g_autofree char *value = NULL;

      if (spec == NULL || fields == NULL || !json_object_has_member (fields, shown[i]))
        continue;
      {
        g_autoptr(CzValue) typed = cz_value_new_from_json (json_object_get_member (fields, shown[i]), NULL);

        if (typed != NULL)
          value = cz_field_dup_display (shown[i], typed);
      }
      if (value != NULL && value[0] != '\0')
        add_row (group, _(spec->label), value);
    }
}

static void
cz_archive_view_add_findings (CzArchiveView *self,
                              JsonObject    *root)
{
  JsonArray *findings = json_object_has_member (root, "findings") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "findings"))
                        ? json_object_get_array_member (root, "findings") : NULL;
  JsonObject *score = json_object_has_member (root, "score") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "score"))
                      ? json_object_get_object_member (root, "score") : NULL;
  AdwPreferencesGroup *group = cz_archive_view_add_group (self, _("Findings and Score at Signing Time"), NULL);

  if (score != NULL)
    {
      g_autofree char *total = cz_score_format_tenths (json_object_get_int_member_with_default (score, "total_tenths", 0));
      g_autofree char *text = g_strdup_printf ("%s / %" G_GINT64_FORMAT, total,
                                               json_object_get_int_member_with_default (score, "max_points", 0));
      add_row (group, _("Score estimate"), text);
    }
  if (findings == NULL || json_array_get_length (findings) == 0)
    add_row (group, _("No findings"), NULL);
  for (guint i = 0; findings != NULL && i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      const char *severity = json_object_get_string_member_with_default (finding, "severity", "hint");
      const char *citation = json_object_get_string_member_with_default (finding, "citation", NULL);
      GtkWidget *row = add_row (group, json_object_get_string_member_with_default (finding, "message", ""), citation);
      GtkWidget *icon = gtk_image_new_from_icon_name (g_str_equal (severity, "blocker") ? "dialog-error-symbolic"
                                                      : g_str_equal (severity, "warning") ? "dialog-warning-symbolic"
                                                      : "dialog-information-symbolic");

      gtk_widget_remove_css_class (row, "property");
      gtk_widget_add_css_class (icon, g_str_equal (severity, "blocker") ? "error"
                                      : g_str_equal (severity, "warning") ? "warning" : "accent");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
}

static void
on_file_row_activated (AdwActionRow  *row,
                       CzArchiveView *self)
{
  cz_archive_view_preview (self, g_object_get_data (G_OBJECT (row), "cz-path"));
}

static GtkWidget *
add_file_row (CzArchiveView       *self,
              AdwPreferencesGroup *group,
              const char          *title,
              const char          *subtitle,
              const char          *path)
{
  GtkWidget *row = add_row (group, title, subtitle);

  gtk_widget_remove_css_class (row, "property");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-document-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "cz-path", g_strdup (path), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_file_row_activated), self, 0);
  return row;
}

static void
cz_archive_view_add_evidence (CzArchiveView *self,
                              JsonObject    *root)
{
  JsonArray *evidence = json_object_has_member (root, "evidence") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "evidence"))
                        ? json_object_get_array_member (root, "evidence") : NULL;
  AdwPreferencesGroup *group = cz_archive_view_add_group (self, _("Application Form and Evidence"),
                                                          _("Select a file to see it."));
  const char * const *files = cz_archive_verification_get_files (self->verification);

  if (files != NULL && g_strv_contains (files, "data/application-form.pdf"))
    /* Translators: 申报表 */
    add_file_row (self, group, _("Application form"), "data/application-form.pdf", "data/application-form.pdf");

  for (guint i = 0; evidence != NULL && i < json_array_get_length (evidence); i++)
    {
      JsonObject *item = json_array_get_object_element (evidence, i);
      const char *path = json_object_get_string_member_with_default (item, "path", NULL);
      const char *title = json_object_get_string_member_with_default (item, "title", path);
      JsonNode *pages = json_object_get_member (item, "pages");
      g_autoptr(GString) subtitle = g_string_new (json_object_get_string_member_with_default (item, "criterion", ""));
      g_autofree char *size = g_format_size (json_object_get_int_member_with_default (item, "size", 0));

      if (path == NULL)
        continue;
      if (pages != NULL && JSON_NODE_HOLDS_ARRAY (pages))
        {
          JsonArray *ranges = json_node_get_array (pages);

          g_string_append (subtitle, " · ");
          /* Translators: before the cited pages of an evidence file, e.g. "pages 3–5, 8" */
          g_string_append (subtitle, _("pages "));
          for (guint r = 0; r < json_array_get_length (ranges); r++)
            {
              JsonObject *range = json_array_get_object_element (ranges, r);
              gint64 from = json_object_get_int_member_with_default (range, "from", 0);
              gint64 to = json_object_get_int_member_with_default (range, "to", from);

              if (r > 0)
                g_string_append (subtitle, ", ");
              if (from == to)
                g_string_append_printf (subtitle, "%" G_GINT64_FORMAT, from);
              else
                g_string_append_printf (subtitle, "%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, from, to);
            }
        }
      g_string_append_printf (subtitle, " · %s", size);
      add_file_row (self, group, title, subtitle->str, path);
    }
}

static void
cz_archive_view_show_result (CzArchiveView *self)
{
  JsonNode *json = cz_archive_verification_get_dossier_json (self->verification);
  JsonObject *root = json && JSON_NODE_HOLDS_OBJECT (json) ? json_node_get_object (json) : NULL;
  JsonObject *dossier = root && json_object_has_member (root, "dossier") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "dossier"))
                        ? json_object_get_object_member (root, "dossier") : NULL;
  JsonObject *fields = dossier && json_object_has_member (dossier, "fields") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (dossier, "fields"))
                       ? json_object_get_object_member (dossier, "fields") : NULL;
  g_autofree char *zone = dup_field_text (fields, "zone.name");

  cz_archive_view_clear (self);
  cz_archive_view_add_status (self, zone);
  cz_archive_view_add_trust (self);
  cz_archive_view_add_signature (self);
  if (fields != NULL)
    cz_archive_view_add_dossier (self, fields);
  if (root != NULL)
    {
      cz_archive_view_add_findings (self, root);
      cz_archive_view_add_evidence (self, root);
    }
  gtk_stack_set_visible_child_name (self->stack, "shown");
}

/* ---------------------------------------------------------------------- */
/* Verifying                                                                */

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  CzArchiveView *self = user_data;

  if (self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / (double) total : 0.0);
}

static void
on_verified (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CzArchiveView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CzArchiveVerification) verification = cz_archive_verify_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->stack == NULL)
    return;  /* disposed */
  g_clear_object (&self->cancellable);
  cz_archive_view_update_actions (self);
  if (verification == NULL)
    {
      g_free (self->refusal);
      self->refusal = g_strdup (error->message);
      adw_status_page_set_description (self->refused_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "refused");
      return;
    }
  self->verification = g_steal_pointer (&verification);
  cz_archive_view_show_result (self);
}

static void
cz_archive_view_start_verify (CzArchiveView *self)
{
  /* The same check as coopzone-cli verify --ca. */
  cz_archive_verify_async (self->file, self->trusted_ca_data, self->cancellable, on_progress, g_object_ref (self),
                           g_object_unref, on_verified, g_object_ref (self));
}

/* Parses @data as the trusted authority: on success it is used, otherwise
 * @error says why (naming @file). */
static gboolean
cz_archive_view_take_trusted_ca (CzArchiveView  *self,
                                 GFile          *file,
                                 GBytes         *data,
                                 GError        **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(CzCertificate) ca = cz_certificate_new_from_bytes (data, name, error);

  if (ca == NULL)
    return FALSE;
  g_set_object (&self->trusted_ca, ca);
  g_clear_pointer (&self->trusted_ca_data, g_bytes_unref);
  self->trusted_ca_data = g_bytes_ref (data);
  return TRUE;
}

static void
on_trusted_ca_loaded (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(CzArchiveView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->stack == NULL)
    return;
  if (data == NULL || !cz_archive_view_take_trusted_ca (self, G_FILE (source), data, data ? &error : NULL))
    {
      g_autofree char *name = g_file_get_parse_name (G_FILE (source));

      g_free (self->trust_error);
      if (data == NULL)
        /* Translators: %1$s is the remembered certificate authority's file, %2$s why it cannot be read */
        self->trust_error = g_strdup_printf (_("The certificate authority “%1$s” could not be read: %2$s. Choose it again."),
                                             name, error->message);
      else
        self->trust_error = g_strdup (error->message);
    }
  cz_archive_view_start_verify (self);
}

static void
on_trusted_ca_chosen (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(CzArchiveView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autofree char *name = g_file_get_parse_name (G_FILE (source));
  g_autoptr(CzCertificate) ca = data ? cz_certificate_new_from_bytes (data, name, &error) : NULL;

  if (self->stack == NULL)
    return;  /* disposed */
  if (ca == NULL)
    {
      /* The authority trusted so far stays; the row says why this file cannot be. */
      g_free (self->trust_error);
      self->trust_error = data ? g_strdup (error->message)
                               : g_strdup_printf (_("Could not read “%s”: %s"), name, error->message);
      if (self->verification != NULL)
        cz_archive_view_show_result (self);
      return;
    }

  g_free (self->trusted_ca_path);
  self->trusted_ca_path = g_file_get_path (G_FILE (source));
  g_settings_set_string (self->settings, TRUSTED_CA_KEY, self->trusted_ca_path ? self->trusted_ca_path : "");
  if (self->file != NULL)
    cz_archive_view_open (self, self->file);
}

void
cz_archive_view_set_trusted_ca_file (CzArchiveView *self,
                                     GFile         *file)
{
  g_return_if_fail (CZ_IS_ARCHIVE_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_bytes_async (file, NULL, on_trusted_ca_chosen, g_object_ref (self));
}

const char *
cz_archive_view_get_trust_error (CzArchiveView *self)
{
  g_return_val_if_fail (CZ_IS_ARCHIVE_VIEW (self), NULL);
  return self->trust_error;
}

static void
on_ca_file_chosen (GtkNativeDialog *chooser,
                   int              response,
                   CzArchiveView   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        cz_archive_view_set_trusted_ca_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_ca_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CzArchiveView *self = CZ_ARCHIVE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Trust a Certificate Authority"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Trust"), _("_Cancel"));
  /* Translators: a file type in the file chooser */
  gtk_file_filter_set_name (filter, _("Certificates (.pem, .crt, .cer, .der)"));
  gtk_file_filter_add_mime_type (filter, "application/x-x509-ca-cert");
  gtk_file_filter_add_mime_type (filter, "application/pkix-cert");
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.crt");
  gtk_file_filter_add_pattern (filter, "*.cer");
  gtk_file_filter_add_pattern (filter, "*.der");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_ca_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
forget_ca_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CzArchiveView *self = CZ_ARCHIVE_VIEW (widget);

  g_clear_pointer (&self->trusted_ca_path, g_free);
  g_settings_set_string (self->settings, TRUSTED_CA_KEY, "");
  if (self->file != NULL)
    cz_archive_view_open (self, self->file);
}

void
cz_archive_view_open (CzArchiveView *self,
                      GFile         *archive)
{
  g_return_if_fail (CZ_IS_ARCHIVE_VIEW (self));
  g_return_if_fail (G_IS_FILE (archive));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->verification);
  g_clear_pointer (&self->refusal, g_free);
  g_set_object (&self->file, archive);

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_stack_set_visible_child_name (self->stack, "checking");
  cz_archive_view_update_actions (self);

  g_clear_pointer (&self->trusted_ca_data, g_bytes_unref);
  g_clear_object (&self->trusted_ca);
  g_clear_pointer (&self->trust_error, g_free);
  if (self->trusted_ca_path != NULL)
    {
      g_autoptr(GFile) ca = g_file_new_for_path (self->trusted_ca_path);

      g_file_load_bytes_async (ca, self->cancellable, on_trusted_ca_loaded, g_object_ref (self));
    }
  else
    cz_archive_view_start_verify (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CzArchiveView *self = CZ_ARCHIVE_VIEW (widget);

  g_cancellable_cancel (self->cancellable);
}

/* ---------------------------------------------------------------------- */
/* Previews                                                                 */

typedef struct
{
  GFile *archive;
  char  *path;
  char  *target;
} PreviewJob;

static void
preview_job_free (PreviewJob *job)
{
  g_object_unref (job->archive);
  g_free (job->path);
  g_free (job->target);
  g_free (job);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = cz_archive_extract_payload_file (job->archive, job->path, MAX_PREVIEW_SIZE,
                                                             cancellable, &error);
  gsize length = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &length) : NULL;

  if (bytes == NULL ||
      !g_file_set_contents_full (job->target, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_preview_ready (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CzArchiveView) self = user_data;
  PreviewJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->preview_stack == NULL)
        return;
      adw_status_page_set_title (self->preview_status, _("This File Cannot Be Shown"));
      adw_status_page_set_description (self->preview_status, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "empty");
      return;
    }
  {
    g_autoptr(GFile) file = g_file_new_for_path (job->target);

    cz_pdf_preview_set_file (self->preview, file);
    gtk_stack_set_visible_child_name (self->preview_stack, "preview");
  }
}

void
cz_archive_view_preview (CzArchiveView *self,
                         const char    *payload_path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  PreviewJob *job;
  g_autofree char *name = NULL;

  g_return_if_fail (CZ_IS_ARCHIVE_VIEW (self));
  g_return_if_fail (payload_path != NULL);

  if (self->file == NULL)
    return;
  if (self->temp_dir == NULL && (self->temp_dir = g_dir_make_tmp ("coopzone-archive-XXXXXX", &error)) == NULL)
    {
      adw_status_page_set_description (self->preview_status, error->message);
      return;
    }
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();

  /* Our own name, never the archive's: nothing in it decides where a file goes. */
  name = g_strdup_printf ("preview-%u.pdf", ++self->n_previews);
  job = g_new0 (PreviewJob, 1);
  job->archive = g_object_ref (self->file);
  job->path = g_strdup (payload_path);
  job->target = g_build_filename (self->temp_dir, name, NULL);
  task = g_task_new (NULL, self->preview_cancellable, on_preview_ready, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) preview_job_free);
  g_task_run_in_thread (task, preview_thread);
}

/* ---------------------------------------------------------------------- */

static void
cz_archive_view_remove_temp_dir (CzArchiveView *self)
{
  if (self->temp_dir == NULL)
    return;
  for (guint i = 1; i <= self->n_previews; i++)
    {
      g_autofree char *name = g_strdup_printf ("preview-%u.pdf", i);
      g_autofree char *path = g_build_filename (self->temp_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (self->temp_dir);
  g_clear_pointer (&self->temp_dir, g_free);
}

static void
cz_archive_view_dispose (GObject *object)
{
  CzArchiveView *self = CZ_ARCHIVE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->verification);
  g_clear_object (&self->file);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->status_rows, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->trusted_ca_data, g_bytes_unref);
  g_clear_object (&self->trusted_ca);

  gtk_widget_dispose_template (GTK_WIDGET (self), CZ_TYPE_ARCHIVE_VIEW);

  G_OBJECT_CLASS (cz_archive_view_parent_class)->dispose (object);
}

static void
cz_archive_view_finalize (GObject *object)
{
  CzArchiveView *self = CZ_ARCHIVE_VIEW (object);

  cz_archive_view_remove_temp_dir (self);
  g_free (self->refusal);
  g_free (self->trusted_ca_path);
  g_free (self->trust_error);

  G_OBJECT_CLASS (cz_archive_view_parent_class)->finalize (object);
}

static void
cz_archive_view_class_init (CzArchiveViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cz_archive_view_dispose;
  object_class->finalize = cz_archive_view_finalize;

  g_type_ensure (CZ_TYPE_PDF_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/archive/cz-archive-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CzArchiveView, stack);
  gtk_widget_class_bind_template_child (widget_class, CzArchiveView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CzArchiveView, refused_page);
  gtk_widget_class_bind_template_child (widget_class, CzArchiveView, result_page);
  gtk_widget_class_bind_template_child (widget_class, CzArchiveView, status_group);
  gtk_widget_class_bind_template_child (widget_class, CzArchiveView, status_row);
  gtk_widget_class_bind_template_child (widget_class, CzArchiveView, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CzArchiveView, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, CzArchiveView, preview_status);
  gtk_widget_class_bind_template_child (widget_class, CzArchiveView, preview);

  gtk_widget_class_install_action (widget_class, "archive.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "archive.choose-ca", NULL, choose_ca_action);
  gtk_widget_class_install_action (widget_class, "archive.forget-ca", NULL, forget_ca_action);
}

static void
cz_archive_view_init (CzArchiveView *self)
{
  self->groups = g_ptr_array_new ();
  self->status_rows = g_ptr_array_new ();
  self->settings = g_settings_new (APP_ID);
  {
    g_autofree char *path = g_settings_get_string (self->settings, TRUSTED_CA_KEY);

    self->trusted_ca_path = path[0] != '\0' ? g_steal_pointer (&path) : NULL;
  }
  gtk_widget_init_template (GTK_WIDGET (self));
  cz_archive_view_update_actions (self);
}

GtkWidget *
cz_archive_view_new (void)
{
  return g_object_new (CZ_TYPE_ARCHIVE_VIEW, NULL);
}

GFile *
cz_archive_view_get_file (CzArchiveView *self)
{
  g_return_val_if_fail (CZ_IS_ARCHIVE_VIEW (self), NULL);
  return self->file;
}

const char *
cz_archive_view_get_state (CzArchiveView *self)
{
  g_return_val_if_fail (CZ_IS_ARCHIVE_VIEW (self), NULL);
  return self->cancellable ? "checking" : self->refusal ? "refused" : self->verification ? "shown" : "checking";
}

CzArchiveVerification *
cz_archive_view_get_verification (CzArchiveView *self)
{
  g_return_val_if_fail (CZ_IS_ARCHIVE_VIEW (self), NULL);
  return self->verification;
}

const char *
cz_archive_view_get_refusal (CzArchiveView *self)
{
  g_return_val_if_fail (CZ_IS_ARCHIVE_VIEW (self), NULL);
  return self->refusal;
}

GtkWidget *
cz_archive_view_get_preview (CzArchiveView *self)
{
  g_return_val_if_fail (CZ_IS_ARCHIVE_VIEW (self), NULL);
  return GTK_WIDGET (self->preview);
}

GtkWindow *
cz_archive_view_new_window (GtkApplication *application,
                            GFile          *archive)
{
  GtkWidget *window = g_object_new (ADW_TYPE_APPLICATION_WINDOW, "application", application, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  g_autofree char *name = g_file_get_basename (archive);
  /* Translators: title of the window that shows a received archive */
  GtkWidget *title = adw_window_title_new (_("Submission Archive"), name);
  GtkWidget *view = cz_archive_view_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), view);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_title (GTK_WINDOW (window), name);
  cz_archive_view_open (CZ_ARCHIVE_VIEW (view), archive);
  return GTK_WINDOW (window);
}
