/* test-credit-code.c — the GB 32100-2015 check of unified social credit codes
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cz-credit-code.h"

/* The valid examples of REGULATION.md §5. */
static const char * const valid_codes[] = {
  "91350100M000100Y43",
  "91440300708461136T",
  "914403001922038216",
  "91110000802100433B",
};

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static void
assert_valid (const char *code)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cz_credit_code_validate (code, &error));
  g_assert_no_error (error);
}

static void
assert_invalid (const char *code,
                gint        expected_code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cz_credit_code_validate (code, &error));
  g_assert_error (error, CZ_CREDIT_CODE_ERROR, expected_code);
  g_assert_true (error->message != NULL && error->message[0] != '\0');
}

static void
test_regulation_examples_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_codes); i++)
    assert_valid (valid_codes[i]);
}

/* Any one character replaced by any other allowed character breaks the check:
 * the weights are all non-zero modulo the prime 31. */
static void
test_one_character_changed_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_codes); i++)
    {
      for (guint pos = 0; pos < 18; pos++)
        {
          for (const char *a = alphabet; *a != '\0'; a++)
            {
              char changed[19];

              if (*a == valid_codes[i][pos])
                continue;
              memcpy (changed, valid_codes[i], sizeof changed);
              changed[pos] = *a;
              assert_invalid (changed, CZ_CREDIT_CODE_ERROR_CHECK_CHARACTER);
            }
        }
    }
}

static void
test_forbidden_letters_refused (void)
{
  const char forbidden[] = "IOZSV";

  for (guint i = 0; i < strlen (forbidden); i++)
    {
      char changed[19];
      g_autoptr(GError) error = NULL;
      char shown[4] = { forbidden[i], '\0' };

      memcpy (changed, valid_codes[0], sizeof changed);
      changed[4] = forbidden[i];
      g_assert_false (cz_credit_code_validate (changed, &error));
      g_assert_error (error, CZ_CREDIT_CODE_ERROR, CZ_CREDIT_CODE_ERROR_INVALID_CHARACTER);
      /* The message names the position and the letter. */
      g_assert_nonnull (strstr (error->message, "5"));
      g_assert_nonnull (strstr (error->message, shown));
    }

  assert_invalid ("91350100M000100Y4-", CZ_CREDIT_CODE_ERROR_INVALID_CHARACTER);
  assert_invalid ("91350100M000100Y4中", CZ_CREDIT_CODE_ERROR_INVALID_CHARACTER);
  assert_invalid ("9135 100M000100Y43", CZ_CREDIT_CODE_ERROR_INVALID_CHARACTER);
  assert_invalid ("91350100M000100Y4\xff", CZ_CREDIT_CODE_ERROR_INVALID_CHARACTER);
}

static void
test_length (void)
{
  assert_invalid ("", CZ_CREDIT_CODE_ERROR_LENGTH);
  assert_invalid ("91350100M000100Y4", CZ_CREDIT_CODE_ERROR_LENGTH);
  assert_invalid ("91350100M000100Y433", CZ_CREDIT_CODE_ERROR_LENGTH);
  assert_invalid ("中中中中中中中中中中中中中中中中中", CZ_CREDIT_CODE_ERROR_LENGTH);
}

static void
test_normalized_input (void)
{
  g_autofree char *normalized = cz_credit_code_normalize ("  91350100m000100y43\t");
  g_autofree char *full_width = cz_credit_code_normalize ("\u3000９１３５０１００Ｍ０００１００Ｙ４３ ");

  g_assert_cmpstr (normalized, ==, "91350100M000100Y43");
  g_assert_cmpstr (full_width, ==, "91350100M000100Y43");

  assert_valid ("  91350100m000100y43\n");
  assert_valid ("91110000802100433b");
  assert_valid ("９１３５０１００Ｍ０００１００Ｙ４３");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/credit-code/regulation-examples-valid", test_regulation_examples_valid);
  g_test_add_func ("/credit-code/one-character-changed-invalid", test_one_character_changed_invalid);
  g_test_add_func ("/credit-code/forbidden-letters-refused", test_forbidden_letters_refused);
  g_test_add_func ("/credit-code/length", test_length);
  g_test_add_func ("/credit-code/normalized-input", test_normalized_input);

  return g_test_run ();
}
