/* cz-zone-record.h — a recognised zone: its recognition, its validity and its duties
 *
 * A dossier becomes a zone record when the ministry recognises the zone: the
 * recognition fields (date, 文号, validity) are set, and the application is
 * then read-only. The duties follow from the rules pack (cz-lifecycle-rules.h):
 * a development report for every year of validity, a change request within
 * the working days after a change, and the review at expiry.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-dossier.h"
#include "cz-lifecycle-rules.h"

G_BEGIN_DECLS

typedef struct
{
  GDate  date;             /* the day of the ministry's announcement */
  char  *document_number;  /* 文号, e.g. 工信部企业函〔2025〕123号 */
  GDate  valid_from;
  GDate  valid_until;      /* the last day of validity */
} CzRecognition;

void      cz_recognition_clear            (CzRecognition   *recognition);

/* Validity from @date for the pack's years, ending the day before the same
 * date that many years later (2023-03-01 → 2028-02-29; a start on 29 February
 * ends on 28 February of a common year). */
void      cz_recognition_default_validity (CzLifecycleRules *rules,
                                           const GDate     *date,
                                           GDate           *out_from,
                                           GDate           *out_until);

/* Fails with CZ_LIFECYCLE_ERROR_INVALID_INPUT and a message naming the field
 * when the date is missing or after @today, the document number is empty, or
 * the validity ends before it starts. */
gboolean  cz_recognition_check            (const CzRecognition *recognition,
                                           const GDate     *today,
                                           GError         **error);

/* Checks and writes the recognition into the dossier's fields. */
gboolean  cz_zone_record_mark_recognised  (CzDossier       *dossier,
                                           const CzRecognition *recognition,
                                           const GDate     *today,
                                           GError         **error);
gboolean  cz_zone_record_is_recognised    (CzDossier       *dossier);
/* FALSE (and @out cleared) when the dossier is not a zone record. */
gboolean  cz_zone_record_get_recognition  (CzDossier       *dossier,
                                           CzRecognition   *out);

/* The years a development report is due for: from the first year of validity
 * to the year before validity ends (recognised 2025-11-14, valid until
 * 2030-11-13: 2025 to 2029). */
void      cz_recognition_get_report_years (const CzRecognition *recognition,
                                           guint           *out_first,
                                           guint           *out_last);

typedef enum
{
  CZ_DUTY_ANNUAL_REPORT,
  CZ_DUTY_CHANGE_REQUEST,
  CZ_DUTY_REVIEW,
} CzDutyKind;

/* One thing the zone must hand in by a date. */
typedef struct
{
  CzDutyKind  kind;
  guint       year;          /* the report's year; 0 for the others */
  GDate       due;           /* when it must be handed in (the province's date for a report) */
  GDate       stated_due;    /* the date as stated, before moving off a non-working day */
  GDate       ministry_due;  /* reports only: the ministry's date */
  gboolean    provisional;   /* a date or rule the pack marks provisional, or a missing holiday calendar */
  char       *citation;
  char       *note;          /* why the date moved, or which calendar years are missing; or NULL */
} CzDuty;

void      cz_duty_clear                   (CzDuty          *duty);
void      cz_duty_free                    (CzDuty          *duty);
/* "2025年度发展报告", "变更申请", "复核", translated. */
char     *cz_duty_dup_title               (const CzDuty    *duty);

/* The report for @year is due in @year + 1 on the pack's dates; a date on a
 * non-working day moves as the pack says (the 2025 pack: to the working day
 * before). */
void      cz_lifecycle_report_due         (CzLifecycleRules *rules,
                                           guint            year,
                                           CzDuty          *out);

/* The change request is due the pack's working days after @change_date, over
 * the holiday calendar. Fails, naming the field, when @change_date is after
 * @today (pass NULL for @today to skip that check). */
gboolean  cz_lifecycle_change_due         (CzLifecycleRules *rules,
                                           const GDate     *change_date,
                                           const GDate     *today,
                                           CzDuty          *out,
                                           GError         **error);

/* The review is due when validity ends. */
void      cz_lifecycle_review_due         (CzLifecycleRules *rules,
                                           const CzRecognition *recognition,
                                           CzDuty          *out);

/* Whole days from @today to @due: negative when overdue. */
gint      cz_duty_days_left               (const CzDuty    *duty,
                                           const GDate     *today);

/* "2026年3月30日" */
char     *cz_date_format_official         (const GDate     *date);
/* Parses YYYY-MM-DD strictly. */
gboolean  cz_date_parse_iso               (const char      *text,
                                           GDate           *out);
char     *cz_date_dup_iso                 (const GDate     *date);

G_END_DECLS
