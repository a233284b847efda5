/* cz-sample-evidence.c — generated evidence for the sample dossier
 *
 * Drawn at run time so the repository holds no binary files; every page says
 * 示例 / SAMPLE so no one mistakes it for a real document.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <cairo-pdf.h>

#include "cz-fields.h"
#include "cz-sample-evidence.h"

#define CJK_FONT "Noto Sans CJK SC"

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
cz_sample_evidence_pdf_new (const char *title_zh,
                            const char *title_en,
                            guint       n_pages)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_bytes, out, 595.0, 842.0);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2025-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, "2025-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "CoopZone");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title_zh != NULL ? title_zh : "");
  cr = cairo_create (surface);

  for (guint page = 0; page < MAX (n_pages, 1); page++)
    {
      g_autofree char *footer = g_strdup_printf ("示例 SAMPLE — %u / %u", page + 1, MAX (n_pages, 1));

      /* The watermark, across the page. */
      cairo_save (cr);
      cairo_translate (cr, 297.5, 421.0);
      cairo_rotate (cr, -G_PI / 5);
      cairo_select_font_face (cr, CJK_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 88);
      cairo_set_source_rgba (cr, 0.85, 0.1, 0.1, 0.25);
      cairo_move_to (cr, -215, 30);
      cairo_show_text (cr, "示例 SAMPLE");
      cairo_restore (cr);

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_select_font_face (cr, CJK_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 22);
      cairo_move_to (cr, 60, 100);
      cairo_show_text (cr, title_zh != NULL ? title_zh : "");
      cairo_select_font_face (cr, CJK_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 14);
      cairo_move_to (cr, 60, 130);
      cairo_show_text (cr, title_en != NULL ? title_en : "");
      cairo_move_to (cr, 60, 170);
      cairo_show_text (cr, "示例材料，仅用于演示，不是真实文件。");
      cairo_move_to (cr, 60, 192);
      cairo_show_text (cr, "Sample material for demonstration only; not a real document.");

      cairo_set_source_rgb (cr, 0.85, 0.1, 0.1);
      cairo_set_font_size (cr, 12);
      cairo_move_to (cr, 60, 800);
      cairo_show_text (cr, footer);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

gboolean
cz_sample_add_evidence (CzEvidenceStore  *store,
                        CzDossier        *dossier,
                        CzRules          *rules,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_STORE (store), FALSE);
  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), FALSE);
  g_return_val_if_fail (CZ_IS_RULES (rules), FALSE);

  for (guint i = 0; i < cz_rules_get_n_evidence_slots (rules); i++)
    {
      const CzEvidenceSlot *slot = cz_rules_get_evidence_slot (rules, i);
      const char *slot_id = cz_evidence_slot_get_id (slot);
      g_autoptr(GPtrArray) records = cz_evidence_dup_records (dossier, slot_id);
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFileIOStream) io = NULL;
      g_autoptr(CzEvidenceInfo) info = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *tmpdir = NULL;
      CzEvidenceLimits limits;

      if (records->len > 0)
        continue;

      pdf = cz_sample_evidence_pdf_new (cz_evidence_slot_get_title (slot, "zh_CN"),
                                        cz_evidence_slot_get_title (slot, "en"), 3);
      tmpdir = g_dir_make_tmp ("coopzone-sample-XXXXXX", error);
      if (tmpdir == NULL)
        return FALSE;
      name = g_strconcat ("示例-", slot_id, ".pdf", NULL);
      path = g_build_filename (tmpdir, name, NULL);
      if (!g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), error))
        {
          g_rmdir (tmpdir);
          return FALSE;
        }
      file = g_file_new_for_path (path);
      cz_evidence_limits_for_slot (&limits, slot);
      info = cz_evidence_store_import (store, file, &limits, cancellable, error);
      g_unlink (path);
      g_rmdir (tmpdir);
      if (info == NULL)
        return FALSE;
      cz_evidence_add_to_dossier (dossier, slot_id, info, NULL);
      {
        g_autofree char *title = g_strdup_printf ("示例 SAMPLE — %s", cz_evidence_slot_get_title (slot, "zh_CN"));

        cz_evidence_set_member (dossier, slot_id, info->sha256, "title", title);
        cz_evidence_set_member (dossier, slot_id, info->sha256, "issuer", "示例 SAMPLE");
        cz_evidence_set_member (dossier, slot_id, info->sha256, "date", "2025-01-01");
      }
    }

  return TRUE;
}
