/* cz-filing.h — what a recognised zone hands in: annual development reports,
 * change requests and the five-year review
 *
 * A filing is data (JSON, docs/filing-format.md): it is kept in the store
 * beside its zone record, packed into a signed archive of its own kind and
 * printed. Checking it gives problems that name the member and say what to do.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cz-types.h"
#include "cz-zone-record.h"

G_BEGIN_DECLS

#define CZ_FILING_FORMAT         "io.github.coopzone.filing"
#define CZ_FILING_FORMAT_VERSION 1

typedef enum
{
  CZ_FILING_ANNUAL_REPORT,
  CZ_FILING_CHANGE_REQUEST,
  CZ_FILING_REVIEW,
  CZ_N_FILING_KINDS,
} CzFilingKind;

/* "annual-report", "change-request", "review" */
const char   *cz_filing_kind_to_id     (CzFilingKind  kind);
gboolean      cz_filing_kind_from_id   (const char   *id,
                                        CzFilingKind *out_kind);
/* "年度发展报告", translated */
const char   *cz_filing_kind_get_title (CzFilingKind  kind);

/* What a change request is about. */
#define CZ_CHANGE_NAME           "name"
#define CZ_CHANGE_SPATIAL_EXTENT "spatial_extent"
#define CZ_CHANGE_OPERATING_BODY "operating_body"
#define CZ_CHANGE_OTHER          "other"

#define CZ_TYPE_FILING (cz_filing_get_type ())
G_DECLARE_FINAL_TYPE (CzFiling, cz_filing, CZ, FILING, GObject)

CzFiling     *cz_filing_new            (CzFilingKind  kind,
                                        const char   *dossier_id);
CzFiling     *cz_filing_new_from_json  (JsonNode     *node,
                                        GError      **error);
CzFiling     *cz_filing_new_from_data  (const char   *data,
                                        gssize        length,
                                        const char   *source_name,
                                        GError      **error);
CzFiling     *cz_filing_new_from_file  (GFile        *file,
                                        GError      **error);

CzFilingKind  cz_filing_get_kind       (CzFiling     *self);
const char   *cz_filing_get_dossier_id (CzFiling     *self);
void          cz_filing_set_dossier_id (CzFiling     *self,
                                        const char   *dossier_id);
/* The store's key: "annual-report/2025", "change-request/2026-09-28/operating_body", "review". */
char         *cz_filing_dup_key        (CzFiling     *self);
/* The whole filing; the caller may change it (then it is the caller's duty to check again). */
JsonObject   *cz_filing_get_object     (CzFiling     *self);
JsonNode     *cz_filing_to_json        (CzFiling     *self);
char         *cz_filing_to_data        (CzFiling     *self,
                                        gsize        *length);

/* Annual report: its year, 0 when missing. */
guint         cz_filing_get_year       (CzFiling     *self);
/* A date member ("date", "submitted"): FALSE when missing or malformed. */
gboolean      cz_filing_get_date       (CzFiling     *self,
                                        const char   *member,
                                        GDate        *out);
/* An annual report's value for a plan target, by the target's indicator. */
gboolean      cz_filing_get_target_value (CzFiling   *self,
                                          const char *indicator,
                                          gint64     *out_value);
/* Whether an annual report declares an incident at or above the grade that
 * breaks condition 6 (@out_detail says which), or serious dishonesty, or a
 * major violation. */
gboolean      cz_filing_report_has_disqualifying_incident (CzFiling *self,
                                                           char    **out_detail);
gboolean      cz_filing_report_declares (CzFiling    *self,
                                         const char  *member);  /* "serious_dishonesty", "major_violation" */

typedef struct
{
  CzSeverity  severity;
  char       *member;   /* "year", "date", "figures.revenue_fen", "targets[2].value", … */
  char       *message;  /* translated; names the field and what to do */
} CzFilingProblem;

void          cz_filing_problem_free   (CzFilingProblem *problem);

/* Checks the filing against its zone record and the pack. A change request
 * filed (or, unfiled, checked on @today) after its deadline gets a warning
 * citing the revocation ground: it still goes out, marked late. */
GPtrArray    *cz_filing_check          (CzFiling         *self,
                                        CzDossier        *zone,
                                        CzLifecycleRules *rules,
                                        const GDate      *today);
/* Whether any problem is a blocker. */
gboolean      cz_filing_problems_block (GPtrArray        *problems);

/* A change request: its deadline, and whether it was (or, unfiled, now is) late. */
gboolean      cz_filing_change_is_late (CzFiling         *self,
                                        CzLifecycleRules *rules,
                                        const GDate      *today,
                                        CzDuty           *out_duty);

/* A new annual report for @year, with the figures of the previous report (or,
 * for the first, the application's latest year) offered as a starting point
 * under "offered" — never copied into the report's own figures. */
CzFiling     *cz_filing_new_annual_report (CzDossier    *zone,
                                           guint         year,
                                           CzFiling     *previous);

G_END_DECLS
