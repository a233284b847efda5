/* cz-evidence.c — evidence records in the dossier, page citations, and the
 * findings on evidence slots
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cz-evidence.h"
#include "cz-finding.h"

G_DEFINE_QUARK (cz-evidence-error-quark, cz_evidence_error)

void
cz_evidence_info_free (CzEvidenceInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->sha256);
  g_free (info->name);
  g_free (info->title);
  g_free (info->pdf_version);
  g_clear_error (&info->problem);
  g_free (info);
}

CzEvidenceInfo *
cz_evidence_info_copy (const CzEvidenceInfo *info)
{
  CzEvidenceInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new0 (CzEvidenceInfo, 1);
  copy->sha256 = g_strdup (info->sha256);
  copy->name = g_strdup (info->name);
  copy->title = g_strdup (info->title);
  copy->pdf_version = g_strdup (info->pdf_version);
  copy->size = info->size;
  copy->page_count = info->page_count;
  copy->converted = info->converted;
  copy->problem = info->problem != NULL ? g_error_copy (info->problem) : NULL;
  return copy;
}

/* Records */

const char *
cz_evidence_record_get_text (GVariant   *record,
                             const char *member)
{
  const char *text = NULL;

  if (record == NULL || !g_variant_lookup (record, member, "&s", &text))
    return "";
  return text;
}

gint64
cz_evidence_record_get_int (GVariant   *record,
                            const char *member)
{
  gint64 value = 0;

  if (record == NULL || !g_variant_lookup (record, member, "x", &value))
    return 0;
  return value;
}

static GPtrArray *
dup_all_records (CzDossier *dossier)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  CzValue *value = cz_dossier_get_value (dossier, CZ_FIELD_EVIDENCE_FILES);
  GVariant *variant;
  GVariantIter iter;
  GVariant *record;

  if (value == NULL || cz_value_get_kind (value) != CZ_FIELD_KIND_RECORDS)
    return records;
  variant = cz_value_get_records (value);
  g_variant_iter_init (&iter, variant);
  while ((record = g_variant_iter_next_value (&iter)) != NULL)
    g_ptr_array_add (records, record);
  return records;
}

static void
set_all_records (CzDossier *dossier,
                 GPtrArray *records)
{
  GVariantBuilder builder;
  g_autoptr(CzValue) value = NULL;

  if (records->len == 0)
    {
      cz_dossier_clear (dossier, CZ_FIELD_EVIDENCE_FILES);
      return;
    }
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < records->len; i++)
    g_variant_builder_add_value (&builder, g_ptr_array_index (records, i));
  value = cz_value_new_records (g_variant_builder_end (&builder));
  cz_dossier_set_value (dossier, CZ_FIELD_EVIDENCE_FILES, value);
}

static gboolean
record_is (GVariant   *record,
           const char *slot_id,
           const char *sha256)
{
  return g_str_equal (cz_evidence_record_get_text (record, "slot"), slot_id) &&
         g_str_equal (cz_evidence_record_get_text (record, "sha256"), sha256);
}

static GVariant *
build_record (const char *slot_id,
              const char *sha256,
              const char *name,
              const char *title,
              const char *issuer,
              const char *date,
              const char *pages,
              gint64      size,
              gint64      page_count,
              const char *pdf_version)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&builder, "{sv}", "slot", g_variant_new_string (slot_id));
  g_variant_builder_add (&builder, "{sv}", "sha256", g_variant_new_string (sha256));
  g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (name ? name : ""));
  g_variant_builder_add (&builder, "{sv}", "title", g_variant_new_string (title ? title : ""));
  g_variant_builder_add (&builder, "{sv}", "issuer", g_variant_new_string (issuer ? issuer : ""));
  g_variant_builder_add (&builder, "{sv}", "date", g_variant_new_string (date ? date : ""));
  g_variant_builder_add (&builder, "{sv}", "pages", g_variant_new_string (pages ? pages : ""));
  g_variant_builder_add (&builder, "{sv}", "size", g_variant_new_int64 (size));
  g_variant_builder_add (&builder, "{sv}", "page_count", g_variant_new_int64 (page_count));
  g_variant_builder_add (&builder, "{sv}", "pdf_version", g_variant_new_string (pdf_version ? pdf_version : ""));
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static char *
default_title (const CzEvidenceInfo *info)
{
  const char *dot;

  if (info->title != NULL && !info->converted)
    return g_strdup (info->title);
  if (info->name == NULL)
    return g_strdup ("");
  dot = strrchr (info->name, '.');
  return dot != NULL && dot != info->name ? g_strndup (info->name, (gsize) (dot - info->name))
                                          : g_strdup (info->name);
}

void
cz_evidence_add_to_dossier (CzDossier            *dossier,
                            const char           *slot_id,
                            const CzEvidenceInfo *info,
                            const char           *pages)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *title = NULL;
  GVariant *record;

  g_return_if_fail (CZ_IS_DOSSIER (dossier));
  g_return_if_fail (slot_id != NULL);
  g_return_if_fail (info != NULL && info->sha256 != NULL);

  records = dup_all_records (dossier);
  title = default_title (info);

  for (guint i = 0; i < records->len; i++)
    {
      GVariant *old = g_ptr_array_index (records, i);

      if (!record_is (old, slot_id, info->sha256))
        continue;
      /* Attached again: keep what the person typed, take the new citation. */
      record = build_record (slot_id, info->sha256, info->name,
                             cz_evidence_record_get_text (old, "title"),
                             cz_evidence_record_get_text (old, "issuer"),
                             cz_evidence_record_get_text (old, "date"),
                             pages != NULL ? pages : cz_evidence_record_get_text (old, "pages"),
                             (gint64) info->size, info->page_count, info->pdf_version);
      g_ptr_array_index (records, i) = record;
      g_variant_unref (old);
      set_all_records (dossier, records);
      return;
    }

  record = build_record (slot_id, info->sha256, info->name, title, NULL, NULL, pages,
                         (gint64) info->size, info->page_count, info->pdf_version);
  g_ptr_array_add (records, record);
  set_all_records (dossier, records);
}

gboolean
cz_evidence_remove_from_dossier (CzDossier  *dossier,
                                 const char *slot_id,
                                 const char *sha256)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), FALSE);

  records = dup_all_records (dossier);
  for (guint i = 0; i < records->len; i++)
    if (record_is (g_ptr_array_index (records, i), slot_id, sha256))
      {
        g_ptr_array_remove_index (records, i);
        set_all_records (dossier, records);
        return TRUE;
      }
  return FALSE;
}

gboolean
cz_evidence_set_member (CzDossier  *dossier,
                        const char *slot_id,
                        const char *sha256,
                        const char *member,
                        const char *text)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), FALSE);
  g_return_val_if_fail (g_strv_contains ((const char *[]) { "title", "issuer", "date", "pages", NULL }, member), FALSE);

  records = dup_all_records (dossier);
  for (guint i = 0; i < records->len; i++)
    {
      GVariant *old = g_ptr_array_index (records, i);
      GVariantDict dict;

      if (!record_is (old, slot_id, sha256))
        continue;
      g_variant_dict_init (&dict, old);
      g_variant_dict_insert (&dict, member, "s", text != NULL ? text : "");
      g_ptr_array_index (records, i) = g_variant_ref_sink (g_variant_dict_end (&dict));
      g_variant_unref (old);
      set_all_records (dossier, records);
      return TRUE;
    }
  return FALSE;
}

GPtrArray *
cz_evidence_dup_records (CzDossier  *dossier,
                         const char *slot_id)
{
  GPtrArray *records;

  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), NULL);

  records = dup_all_records (dossier);
  if (slot_id == NULL)
    return records;
  for (guint i = records->len; i > 0; i--)
    if (!g_str_equal (cz_evidence_record_get_text (g_ptr_array_index (records, i - 1), "slot"), slot_id))
      g_ptr_array_remove_index (records, i - 1);
  return records;
}

/* Page citations */

static gboolean
parse_number (const char **p,
              guint       *out)
{
  guint64 value = 0;
  const char *start;

  while (**p == ' ')
    (*p)++;
  start = *p;
  while (g_ascii_isdigit (**p))
    {
      value = value * 10 + (guint64) (**p - '0');
      if (value > G_MAXINT)
        return FALSE;
      (*p)++;
    }
  while (**p == ' ')
    (*p)++;
  *out = (guint) value;
  return *p > start;
}

static gboolean
is_dash (const char **p)
{
  /* "-", "–" (en dash) and "～" are what people type. */
  static const char *dashes[] = { "-", "\xe2\x80\x93", "\xef\xbd\x9e", "~" };

  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    if (g_str_has_prefix (*p, dashes[i]))
      {
        *p += strlen (dashes[i]);
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_comma (const char **p)
{
  static const char *commas[] = { ",", "\xef\xbc\x8c", "\xe3\x80\x81" };  /* , ， 、 */

  for (guint i = 0; i < G_N_ELEMENTS (commas); i++)
    if (g_str_has_prefix (*p, commas[i]))
      {
        *p += strlen (commas[i]);
        return TRUE;
      }
  return FALSE;
}

/* Ranges as pairs (first, last), in the order written. */
static GArray *
parse_ranges (const char  *text,
              guint        page_count,
              GError     **error)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = text;

  if (text == NULL || text[0] == '\0')
    goto invalid;

  for (;;)
    {
      guint first, last;

      if (!parse_number (&p, &first))
        goto invalid;
      last = first;
      if (is_dash (&p) && !parse_number (&p, &last))
        goto invalid;
      if (first == 0 || last < first)
        goto invalid;
      if (page_count > 0 && last > page_count)
        {
          g_set_error (error, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_PAGES,
                       /* Translators: “2-40” cites page 40, but the file has 12 pages… */
                       g_dngettext (GETTEXT_PACKAGE,
                                    "“%s” cites page %u, but the file has only %u page: "
                                    "cite pages that are in the file.",
                                    "“%s” cites page %u, but the file has only %u pages: "
                                    "cite pages that are in the file.", page_count),
                       text, last, page_count);
          return NULL;
        }
      g_array_append_val (ranges, first);
      g_array_append_val (ranges, last);
      if (*p == '\0')
        break;
      if (!is_comma (&p))
        goto invalid;
    }
  return g_steal_pointer (&ranges);

invalid:
  g_set_error (error, CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_PAGES,
               /* Translators: %s is what was typed */
               _("“%s” is not a page citation: write pages and ranges such as 12-14 or 2,5,7-9."),
               text != NULL ? text : "");
  return NULL;
}

gboolean
cz_page_ranges_validate (const char  *text,
                         guint        page_count,
                         GError     **error)
{
  g_autoptr(GArray) ranges = parse_ranges (text, page_count, error);

  return ranges != NULL;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

GArray *
cz_page_ranges_parse (const char  *text,
                      guint        page_count,
                      GError     **error)
{
  g_autoptr(GArray) ranges = parse_ranges (text, page_count, error);
  g_autoptr(GArray) pages = NULL;
  GArray *unique;

  if (ranges == NULL)
    return NULL;

  pages = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < ranges->len; i += 2)
    {
      guint first = g_array_index (ranges, guint, i);
      guint last = g_array_index (ranges, guint, i + 1);

      /* Without a page count, a range is only a range: do not allocate 2³¹ pages. */
      if (last - first > 100000)
        last = first + 100000;
      for (guint page = first; page <= last; page++)
        g_array_append_val (pages, page);
    }
  g_array_sort (pages, compare_uint);

  unique = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < pages->len; i++)
    if (i == 0 || g_array_index (pages, guint, i) != g_array_index (pages, guint, i - 1))
      g_array_append_val (unique, g_array_index (pages, guint, i));
  return unique;
}

char *
cz_page_ranges_dup_citation (const char *text,
                             const char *language)
{
  g_autoptr(GArray) ranges = parse_ranges (text, 0, NULL);
  gboolean zh = g_str_equal (cz_rules_pick_language (language), "zh_CN");
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean single;

  if (ranges == NULL)
    return NULL;

  single = ranges->len == 2 && g_array_index (ranges, guint, 0) == g_array_index (ranges, guint, 1);
  g_string_append (out, zh ? "第" : single ? "p. " : "pp. ");
  for (guint i = 0; i < ranges->len; i += 2)
    {
      guint first = g_array_index (ranges, guint, i);
      guint last = g_array_index (ranges, guint, i + 1);

      if (i > 0)
        g_string_append (out, zh ? "、" : ", ");
      if (first == last)
        g_string_append_printf (out, "%u", first);
      else
        g_string_append_printf (out, "%u–%u", first, last);
    }
  if (zh)
    g_string_append (out, "页");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Findings */

static char *
dup_slot_citation (CzRules              *rules,
                   const CzEvidenceSlot *slot)
{
  const char * const *criteria = cz_evidence_slot_get_criteria (slot);

  for (guint i = 0; criteria != NULL && criteria[i] != NULL; i++)
    {
      const CzRule *rule = cz_rules_lookup_rule (rules, criteria[i]);

      if (rule != NULL)
        return cz_rule_dup_citation (rule);
    }
  return NULL;
}

GPtrArray *
cz_evidence_dup_findings (CzDossier  *dossier,
                          CzRules    *rules,
                          GHashTable *infos)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);
  const char *language = cz_rules_pick_language (NULL);

  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), findings);
  g_return_val_if_fail (CZ_IS_RULES (rules), findings);

  for (guint i = 0; i < cz_rules_get_n_evidence_slots (rules); i++)
    {
      const CzEvidenceSlot *slot = cz_rules_get_evidence_slot (rules, i);
      const char *slot_id = cz_evidence_slot_get_id (slot);
      g_autoptr(GPtrArray) records = cz_evidence_dup_records (dossier, slot_id);
      g_autofree char *field_id = g_strconcat (CZ_EVIDENCE_FIELD_PREFIX, slot_id, NULL);
      g_autofree char *citation = dup_slot_citation (rules, slot);

      if (records->len == 0 && cz_evidence_slot_get_required (slot))
        {
          g_autofree char *message =
            g_strdup_printf (/* Translators: %s is the title of a required document */
                             _("“%s” is required: attach it as a PDF, JPEG or PNG scan."),
                             cz_evidence_slot_get_title (slot, language));

          g_ptr_array_add (findings, cz_finding_new ("evidence-required", CZ_SEVERITY_BLOCKER,
                                                     field_id, CZ_STEP_EVIDENCE, message,
                                                     citation, FALSE));
        }

      for (guint j = 0; j < records->len; j++)
        {
          GVariant *record = g_ptr_array_index (records, j);
          const char *sha256 = cz_evidence_record_get_text (record, "sha256");
          const char *pages = cz_evidence_record_get_text (record, "pages");
          const CzEvidenceInfo *info = infos != NULL ? g_hash_table_lookup (infos, sha256) : NULL;
          g_autoptr(GError) pages_error = NULL;

          /* What is wrong with a file is no matter of the regulation: no
           * source is cited beside it, only what to do. */
          if (info != NULL && info->problem != NULL)
            g_ptr_array_add (findings, cz_finding_new ("evidence-file", CZ_SEVERITY_BLOCKER,
                                                       field_id, CZ_STEP_EVIDENCE,
                                                       info->problem->message, NULL, FALSE));
          else if (pages[0] != '\0' &&
                   !cz_page_ranges_validate (pages, info != NULL ? info->page_count
                                                                 : (guint) cz_evidence_record_get_int (record, "page_count"),
                                             &pages_error))
            {
              g_autofree char *message =
                g_strdup_printf (/* Translators: the first %s is a file name, the second what is wrong */
                                 _("%s: %s"), cz_evidence_record_get_text (record, "name"),
                                 pages_error->message);

              /* Pages the file does not have are a false citation, not a
               * slip of the keyboard: the dossier cannot go out with it. */
              gboolean past_end = cz_page_ranges_validate (pages, 0, NULL);

              g_ptr_array_add (findings, cz_finding_new ("evidence-pages",
                                                         past_end ? CZ_SEVERITY_BLOCKER : CZ_SEVERITY_WARNING,
                                                         field_id, CZ_STEP_EVIDENCE, message,
                                                         NULL, FALSE));
            }
        }
    }

  return findings;
}
