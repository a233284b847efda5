/* cz-credit-code.h — unified social credit code (统一社会信用代码, GB 32100-2015)
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CZ_CREDIT_CODE_ERROR (cz_credit_code_error_quark ())

typedef enum
{
  CZ_CREDIT_CODE_ERROR_LENGTH,
  CZ_CREDIT_CODE_ERROR_INVALID_CHARACTER,
  CZ_CREDIT_CODE_ERROR_CHECK_CHARACTER,
} CzCreditCodeError;

#define CZ_CREDIT_CODE_LENGTH 18

GQuark    cz_credit_code_error_quark  (void);

/* The form a code is stored in: surrounding white space removed, full-width
 * letters and digits (as a Chinese input method types them) made ASCII, letters
 * upper-cased. Does not validate. */
char     *cz_credit_code_normalize    (const char  *code);

/* Checks the normalised @code: 18 characters from 0-9 and A-Z without I, O, Z,
 * S and V, the 18th being the check character of the first 17. */
gboolean  cz_credit_code_validate     (const char  *code,
                                       GError     **error);

G_END_DECLS
