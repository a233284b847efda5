/* cz-evidence-inspect.c — what poppler says about a stored PDF
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "cz-evidence-private.h"

void
cz_evidence_limits_for_slot (CzEvidenceLimits     *limits,
                             const CzEvidenceSlot *slot)
{
  g_return_if_fail (limits != NULL);

  limits->max_bytes = slot != NULL ? cz_evidence_slot_get_max_bytes (slot) : 0;
  limits->max_pages = CZ_EVIDENCE_MAX_PAGES_DEFAULT;
}

static void
set_problem (CzEvidenceInfo *info,
             GError         *problem)
{
  g_clear_error (&info->problem);
  info->problem = problem;
}

static gboolean
check_size (CzEvidenceInfo         *info,
            const char             *name,
            const CzEvidenceLimits *limits)
{
  if (info->size == 0)
    {
      set_problem (info, g_error_new (CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_EMPTY,
                                      /* Translators: %s is a file name */
                                      _("“%s” is empty (0 bytes): attach the real document again."),
                                      name));
      return FALSE;
    }

  if (limits != NULL && limits->max_bytes > 0 && info->size > limits->max_bytes)
    {
      g_autofree char *size = g_format_size (info->size);
      g_autofree char *limit = g_format_size (limits->max_bytes);

      set_problem (info, g_error_new (CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_TOO_LARGE,
                                      /* Translators: “name” is 25.3 MB, over the 20.0 MB … */
                                      _("“%s” is %s, over the %s this document may have: "
                                        "scan it at a lower resolution or in black and white, "
                                        "and attach it again."),
                                      name, size, limit));
      return FALSE;
    }

  return TRUE;
}

void
cz_evidence_content_free (CzEvidenceContent *content)
{
  if (content == NULL)
    return;
  g_free (content->pdf_version);
  g_free (content->title);
  g_free (content);
}

CzEvidenceContent *
cz_evidence_content_read (const char *path)
{
  g_autoptr(CzEvidenceContent) content = g_new0 (CzEvidenceContent, 1);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *version = NULL;
  g_autofree char *title = NULL;
  GStatBuf st;
  int n_pages;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      content->kind = CZ_EVIDENCE_CONTENT_MISSING;
      return g_steal_pointer (&content);
    }
  content->size = (guint64) st.st_size;
  if (content->size == 0)
    {
      content->kind = CZ_EVIDENCE_CONTENT_EMPTY;
      return g_steal_pointer (&content);
    }

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    document = poppler_document_new_from_file (uri, NULL, &error);
  if (document == NULL)
    {
      content->kind = g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED)
                      ? CZ_EVIDENCE_CONTENT_ENCRYPTED : CZ_EVIDENCE_CONTENT_DAMAGED;
      return g_steal_pointer (&content);
    }

  n_pages = poppler_document_get_n_pages (document);
  version = poppler_document_get_pdf_version_string (document);
  title = poppler_document_get_title (document);
  g_object_unref (document);

  content->kind = CZ_EVIDENCE_CONTENT_PDF;
  content->page_count = n_pages > 0 ? (guint) n_pages : 0;
  if (version != NULL && g_str_has_prefix (version, "PDF-"))
    content->pdf_version = g_strdup (version + 4);
  else
    content->pdf_version = g_steal_pointer (&version);
  if (title != NULL && g_utf8_validate (title, -1, NULL))
    {
      g_strstrip (title);
      if (title[0] != '\0')
        content->title = g_steal_pointer (&title);
    }
  return g_steal_pointer (&content);
}

CzEvidenceInfo *
cz_evidence_content_judge (const CzEvidenceContent *content,
                           const char              *name,
                           const CzEvidenceLimits  *limits)
{
  g_autoptr(CzEvidenceInfo) info = g_new0 (CzEvidenceInfo, 1);
  guint max_pages;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  info->name = g_strdup (name);
  info->size = content->size;

  switch (content->kind)
    {
    case CZ_EVIDENCE_CONTENT_MISSING:
      set_problem (info, g_error_new (CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_MISSING,
                                      /* Translators: %s is a file name */
                                      _("The stored copy of “%s” is missing: attach the file again."),
                                      name));
      return g_steal_pointer (&info);

    case CZ_EVIDENCE_CONTENT_EMPTY:
      check_size (info, name, limits);
      return g_steal_pointer (&info);

    case CZ_EVIDENCE_CONTENT_ENCRYPTED:
      set_problem (info, g_error_new (CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_ENCRYPTED,
                                      /* Translators: %s is a file name */
                                      _("“%s” is protected with a password: remove the password "
                                        "(save or print it again as a PDF without protection) "
                                        "and attach it again."),
                                      name));
      return g_steal_pointer (&info);

    case CZ_EVIDENCE_CONTENT_DAMAGED:
      set_problem (info, g_error_new (CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_DAMAGED,
                                      /* Translators: %s is a file name */
                                      _("“%s” is damaged or is not a PDF: open it to check it, "
                                        "save or scan it again as a PDF, and attach it again."),
                                      name));
      return g_steal_pointer (&info);

    case CZ_EVIDENCE_CONTENT_PDF:
    default:
      break;
    }

  info->page_count = content->page_count;
  info->pdf_version = g_strdup (content->pdf_version);
  info->title = g_strdup (content->title);

  /* A file over the limit still has its pages counted: the person may want to see it. */
  if (!check_size (info, name, limits))
    return g_steal_pointer (&info);

  max_pages = limits != NULL && limits->max_pages > 0 ? limits->max_pages : CZ_EVIDENCE_MAX_PAGES_DEFAULT;
  if (info->page_count == 0)
    set_problem (info, g_error_new (CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_PAGE_COUNT,
                                    /* Translators: %s is a file name */
                                    _("“%s” has no pages: open it to check it, and attach the "
                                      "complete document again."),
                                    name));
  else if (info->page_count > max_pages)
    set_problem (info, g_error_new (CZ_EVIDENCE_ERROR, CZ_EVIDENCE_ERROR_PAGE_COUNT,
                                    /* Translators: “name” has 2400 pages, more than the 2000 … */
                                    _("“%s” has %u pages, more than the %u a document is expected "
                                      "to have: attach only the part that proves the criterion."),
                                    name, info->page_count, max_pages));

  return g_steal_pointer (&info);
}

CzEvidenceInfo *
cz_evidence_inspect_file (const char             *path,
                          const char             *name,
                          const CzEvidenceLimits *limits)
{
  g_autoptr(CzEvidenceContent) content = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  content = cz_evidence_content_read (path);
  return cz_evidence_content_judge (content, name != NULL ? name : path, limits);
}
