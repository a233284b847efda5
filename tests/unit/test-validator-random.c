/* test-validator-random.c — arbitrary field values and mutated packs never
 * crash the engine (run under the sanitizer build too)
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cz-fields.h"
#include "cz-rules.h"
#include "cz-sample.h"
#include "cz-score.h"
#include "cz-validator.h"

#define N_ROUNDS 3000
#define N_PACKS  400

static const char * const texts[] = {
  "", " ", "none", "occurred", "yes", "no", "320000", "320500", "410100", "330200", "999999", "abc",
  "2025-02-30", "2024-01-01", "较大", "特别重大", "major", "{field}", "{year}{", "}", "%s%n", "\xe4\xb8\xad",
};

static gint64
random_integer (void)
{
  static const gint64 edges[] = {
    0, 1, -1, 2, 3, 9, 10, 29, 30, 50, 99, 100, 1000, 999999, 1000000, 10000000, 100000000,
    G_MAXINT64, G_MININT64, G_MAXINT64 - 1, G_MININT64 + 1, G_GINT64_CONSTANT (1000000000000),
  };

  if (g_test_rand_bit ())
    return edges[g_test_rand_int_range (0, G_N_ELEMENTS (edges))];
  return (gint64) (((guint64) (guint32) g_test_rand_int () << 32) | (guint32) g_test_rand_int ());
}

static char *
random_string (void)
{
  if (g_test_rand_bit ())
    return g_strdup (texts[g_test_rand_int_range (0, G_N_ELEMENTS (texts))]);
  {
    guint n = g_test_rand_int_range (0, 40);
    GString *s = g_string_new (NULL);

    for (guint i = 0; i < n; i++)
      g_string_append_unichar (s, g_test_rand_int_range (0x20, 0x9fff));
    return g_string_free (s, FALSE);
  }
}

static GVariant *
random_records (void)
{
  static const char * const members[] = {
    "name", "area_m2", "purpose", "date", "place", "description", "deaths", "serious_injuries",
    "direct_loss_fen", "evacuated", "people_leaked", "sensitive_leaked", "stated_grade", "stated_basis",
  };
  GVariantBuilder builder;
  guint n = g_test_rand_int_range (0, 4);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < n; i++)
    {
      GVariantDict record;
      guint m = g_test_rand_int_range (0, 8);

      g_variant_dict_init (&record, NULL);
      for (guint j = 0; j < m; j++)
        {
          const char *key = members[g_test_rand_int_range (0, G_N_ELEMENTS (members))];

          if (g_test_rand_bit ())
            g_variant_dict_insert (&record, key, "x", random_integer ());
          else
            {
              g_autofree char *text = random_string ();
              g_variant_dict_insert (&record, key, "s", text);
            }
        }
      g_variant_builder_add_value (&builder, g_variant_dict_end (&record));
    }
  return g_variant_builder_end (&builder);
}

static CzValue *
random_value (void)
{
  switch (g_test_rand_int_range (0, 7))
    {
    case 0:
      {
        g_autofree char *text = random_string ();
        return cz_value_new_text (text);
      }
    case 1:
      return cz_value_new_integer (random_integer ());
    case 2:
      return cz_value_new_money (random_integer ());
    case 3:
      {
        g_autoptr(GDate) date = g_date_new_dmy (g_test_rand_int_range (1, 29), g_test_rand_int_range (1, 13),
                                                g_test_rand_int_range (1900, 2100));
        return cz_value_new_date (date);
      }
    case 4:
      {
        g_autofree char *a = random_string ();
        const char *list[] = { a, NULL };
        return cz_value_new_text_list (g_test_rand_bit () ? list : list + 1);
      }
    case 5:
      return cz_value_new_records (random_records ());
    default:
      return NULL;
    }
}

static void
test_random_field_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRules) rules = cz_rules_new_builtin (2025, &error);
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(CzValidator) validator = NULL;
  g_autoptr(GPtrArray) ids = cz_dossier_dup_field_ids (dossier);
  guint n_specs;
  const CzFieldSpec *specs = cz_field_specs (&n_specs);

  g_assert_no_error (error);
  validator = cz_validator_new (dossier, rules);
  for (guint i = 0; i < N_ROUNDS; i++)
    {
      const char *field = g_test_rand_bit ()
        ? g_ptr_array_index (ids, g_test_rand_int_range (0, ids->len))
        : specs[g_test_rand_int_range (0, n_specs)].id;
      g_autoptr(CzValue) value = random_value ();
      g_autofree char *check = NULL;

      cz_dossier_set_value (dossier, field, value);
      check = cz_field_check (field, value);
      if (i % 97 == 0)
        {
          g_autoptr(CzScore) score = cz_score_new (rules, dossier, NULL);
          g_assert_cmpuint (cz_score_get_total_tenths (score), <=, 1000);
          cz_validator_set_language (validator, g_test_rand_bit () ? "zh_CN" : "en");
        }
    }

  /* Whatever happened, the model agrees with the counts. */
  {
    guint total = 0;

    for (guint s = 0; s < CZ_N_STEPS; s++)
      for (guint v = 0; v < CZ_N_SEVERITIES; v++)
        total += cz_validator_get_count (validator, s, v);
    g_assert_cmpuint (total, ==, g_list_model_get_n_items (G_LIST_MODEL (validator)));
  }
}

static JsonNode *
random_json_value (void)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  switch (g_test_rand_int_range (0, 6))
    {
    case 0: json_node_set_int (node, random_integer ()); break;
    case 1: json_node_set_boolean (node, g_test_rand_bit ()); break;
    case 2: json_node_set_double (node, g_test_rand_double ()); break;
    case 3: json_node_init_null (node); break;
    case 4: json_node_init_array (node, json_array_new ()); break;
    default:
      {
        g_autofree char *text = random_string ();
        json_node_set_string (node, text);
      }
    }
  return node;
}

/* Picks a random node of the tree and replaces, removes or retypes it. */
static void
mutate (JsonNode *node,
        guint     depth)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (object);
      guint n = g_list_length (names);
      const char *name;

      if (n == 0)
        return;
      name = g_list_nth_data (names, g_test_rand_int_range (0, n));
      if (depth > 0 && g_test_rand_int_range (0, 4) != 0)
        {
          mutate (json_object_get_member (object, name), depth - 1);
          return;
        }
      if (g_test_rand_bit ())
        json_object_remove_member (object, name);
      else
        json_object_set_member (object, name, random_json_value ());
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      if (n == 0)
        return;
      if (depth > 0 && g_test_rand_int_range (0, 4) != 0)
        {
          mutate (json_array_get_element (array, g_test_rand_int_range (0, n)), depth - 1);
          return;
        }
      if (g_test_rand_bit ())
        json_array_remove_element (array, g_test_rand_int_range (0, n));
      else
        json_array_add_element (array, json_node_copy (json_array_get_element (array, g_test_rand_int_range (0, n))));
    }
}

static void
test_mutated_packs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CzRules) builtin = cz_rules_new_builtin (2025, &error);
  g_autoptr(CzDossier) dossier = cz_sample_dossier_new ();
  g_autoptr(CzValidator) validator = NULL;
  gsize length;
  const char *data;
  guint refused = 0, accepted = 0;

  g_assert_no_error (error);
  data = g_bytes_get_data (cz_rules_get_bytes (builtin), &length);
  validator = cz_validator_new (dossier, builtin);

  for (guint i = 0; i < N_PACKS; i++)
    {
      g_autoptr(JsonNode) root = json_from_string (data, &error);
      g_autofree char *text = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(CzRules) rules = NULL;
      guint n_mutations = g_test_rand_int_range (1, 4);

      g_assert_no_error (error);
      for (guint m = 0; m < n_mutations; m++)
        mutate (root, 6);
      text = json_to_string (root, FALSE);
      /* Now and then a truncated file. */
      if (g_test_rand_int_range (0, 10) == 0)
        text[g_test_rand_int_range (0, strlen (text))] = '\0';

      bytes = g_bytes_new (text, strlen (text));
      rules = cz_rules_new_from_bytes (bytes, "mutated.json", &error);
      if (rules == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == CZ_RULES_ERROR);
          g_assert_nonnull (strstr (error->message, "mutated.json"));
          g_clear_error (&error);
          refused++;
          continue;
        }
      accepted++;
      cz_validator_set_rules (validator, rules);
      cz_dossier_set_money (dossier, "revenue.y2024.total", random_integer ());
      {
        g_autoptr(CzScore) score = cz_score_new (rules, dossier, NULL);
        g_assert_cmpuint (cz_score_get_total_tenths (score), <=, 1000);
      }
      cz_validator_set_rules (validator, builtin);
    }
  g_test_message ("%u mutated packs refused, %u accepted", refused, accepted);
  g_assert_cmpuint (refused, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validator-random/field-values", test_random_field_values);
  g_test_add_func ("/validator-random/mutated-packs", test_mutated_packs);

  return g_test_run ();
}
