/* cz-validator.c
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-divisions.h"
#include "cz-money.h"
#include "cz-number.h"
#include "cz-rules-private.h"
#include "cz-validator-private.h"

struct _CzValidator
{
  GObject      parent_instance;

  CzDossier   *dossier;
  CzRules     *rules;
  char        *language;
  gboolean     constructed;

  GPtrArray   *items;          /* of CzValidatorEntry*, owned, in model order */
  GPtrArray   *rule_entries;   /* per rule: GPtrArray of CzValidatorEntry*, borrowed from items */
  GHashTable  *index;          /* interned field id → GArray of guint rule indexes */
  guint        counts[CZ_N_STEPS][CZ_N_SEVERITIES];
  guint       *evaluations;    /* per rule */
  guint        field_checks;   /* fields the per-field rules looked at */
  GHashTable  *changed_fields; /* during one update: field ids whose findings changed */
  GHashTable  *external;       /* source → External: findings made outside the pack's rules */
};

/* Findings another checker made (evidence needs disk I/O the rules do not):
 * kept so a new pack or language can put them back in the model. */
typedef struct
{
  GPtrArray *findings;  /* of CzFinding, owned */
  GPtrArray *entries;   /* of CzValidatorEntry*, borrowed from items */
} External;

static void
external_free (External *external)
{
  g_ptr_array_unref (external->findings);
  g_ptr_array_unref (external->entries);
  g_free (external);
}

static void cz_validator_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CzValidator, cz_validator, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cz_validator_list_model_init))

enum {
  PROP_0,
  PROP_DOSSIER,
  PROP_RULES,
  PROP_LANGUAGE,
  PROP_N_BLOCKERS,
  PROP_N_WARNINGS,
  PROP_N_HINTS,
  PROP_HAS_BLOCKERS,
  N_PROPS
};

enum {
  COUNTS_CHANGED,
  FIELD_FINDINGS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
entry_compare (const CzValidatorEntry *a,
               const CzValidatorEntry *b)
{
  int cmp;

  if (a->step != b->step)
    return a->step < b->step ? -1 : 1;
  if (a->rule_index != b->rule_index)
    return a->rule_index < b->rule_index ? -1 : 1;
  if (a->field_position != b->field_position)
    return a->field_position < b->field_position ? -1 : 1;
  cmp = g_strcmp0 (cz_finding_get_field_id (a->finding), cz_finding_get_field_id (b->finding));
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (cz_finding_get_message (a->finding), cz_finding_get_message (b->finding));
}

static int
entry_compare_indirect (gconstpointer a,
                        gconstpointer b)
{
  return entry_compare (*(const CzValidatorEntry * const *) a, *(const CzValidatorEntry * const *) b);
}

/* ------------------------------------------------------------------------ */
/* Evaluating one rule (the checks themselves are in cz-rule-checks.c)      */

void
cz_validator_entry_free (CzValidatorEntry *entry)
{
  g_object_unref (entry->finding);
  g_free (entry);
}

/* @field_id: for a per-field rule, the one field to evaluate (NULL: all). */
static GPtrArray *
evaluate_rule (CzValidator  *self,
               const CzRule *rule,
               const char   *field_id)
{
  guint n_checked = 0;
  GPtrArray *fresh;

  self->evaluations[cz_rule_get_index (rule)]++;
  fresh = cz_rule_check_evaluate_field (rule, field_id, self->dossier, self->rules,
                                        cz_rules_pick_language (self->language), &n_checked);
  self->field_checks += n_checked;
  return fresh;
}

/* ------------------------------------------------------------------------ */
/* Keeping the model                                                        */

static void
count_entry (CzValidator      *self,
             CzValidatorEntry *entry,
             int               delta)
{
  self->counts[entry->step][cz_finding_get_severity (entry->finding)] += delta;
  if (cz_finding_get_field_id (entry->finding) != NULL)
    g_hash_table_add (self->changed_fields, (gpointer) g_intern_string (cz_finding_get_field_id (entry->finding)));
}

static guint
total_of (CzValidator *self,
          CzSeverity   severity)
{
  guint total = 0;

  for (guint s = 0; s < CZ_N_STEPS; s++)
    total += self->counts[s][severity];
  return total;
}

typedef struct
{
  guint counts[CZ_N_STEPS][CZ_N_SEVERITIES];
} CountSnapshot;

static void
finish_update (CzValidator         *self,
               const CountSnapshot *before)
{
  guint old_totals[CZ_N_SEVERITIES] = { 0 };
  GHashTableIter iter;
  gpointer field_id;

  if (memcmp (before->counts, self->counts, sizeof self->counts) != 0)
    {
      for (guint s = 0; s < CZ_N_STEPS; s++)
        for (guint v = 0; v < CZ_N_SEVERITIES; v++)
          old_totals[v] += before->counts[s][v];

      g_object_freeze_notify (G_OBJECT (self));
      if (old_totals[CZ_SEVERITY_BLOCKER] != total_of (self, CZ_SEVERITY_BLOCKER))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_BLOCKERS]);
      if (old_totals[CZ_SEVERITY_WARNING] != total_of (self, CZ_SEVERITY_WARNING))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
      if (old_totals[CZ_SEVERITY_HINT] != total_of (self, CZ_SEVERITY_HINT))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_HINTS]);
      if ((old_totals[CZ_SEVERITY_BLOCKER] > 0) != (total_of (self, CZ_SEVERITY_BLOCKER) > 0))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_BLOCKERS]);
      g_object_thaw_notify (G_OBJECT (self));
      g_signal_emit (self, signals[COUNTS_CHANGED], 0);
    }

  g_hash_table_iter_init (&iter, self->changed_fields);
  while (g_hash_table_iter_next (&iter, &field_id, NULL))
    g_signal_emit (self, signals[FIELD_FINDINGS_CHANGED], g_quark_from_string (field_id), field_id);
  g_hash_table_remove_all (self->changed_fields);
}

/* Replaces one rule's (or source's) findings in @entries, keeping those that
 * stay (same object) and signalling each removal and insertion where it happens. */
static void
apply_entries (CzValidator  *self,
               GPtrArray   **entries,
               GPtrArray    *fresh)
{
  GPtrArray *old = *entries;
  GPtrArray *kept = g_ptr_array_new ();

  for (guint o = 0; o < old->len; o++)
    {
      CzValidatorEntry *entry = old->pdata[o];
      gboolean stays = FALSE;

      for (guint f = 0; f < fresh->len; f++)
        if (fresh->pdata[f] != NULL && cz_finding_equal (entry->finding, ((CzValidatorEntry *) fresh->pdata[f])->finding))
          {
            cz_validator_entry_free (fresh->pdata[f]);
            fresh->pdata[f] = NULL;
            stays = TRUE;
            break;
          }

      if (stays)
        {
          g_ptr_array_add (kept, entry);
          continue;
        }

      {
        guint position;

        if (g_ptr_array_find (self->items, entry, &position))
          {
            count_entry (self, entry, -1);
            cz_validator_entry_free (g_ptr_array_steal_index (self->items, position));
            g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
          }
      }
    }

  for (guint f = 0; f < fresh->len; f++)
    {
      CzValidatorEntry *entry = fresh->pdata[f];
      guint low = 0, high = self->items->len;

      if (entry == NULL)
        continue;
      while (low < high)
        {
          guint mid = (low + high) / 2;

          if (entry_compare (self->items->pdata[mid], entry) <= 0)
            low = mid + 1;
          else
            high = mid;
        }
      g_ptr_array_insert (self->items, low, entry);
      g_ptr_array_add (kept, entry);
      count_entry (self, entry, +1);
      g_list_model_items_changed (G_LIST_MODEL (self), low, 0, 1);
    }

  *entries = kept;
  g_ptr_array_unref (old);
  g_ptr_array_unref (fresh);
}

static void
apply_rule (CzValidator *self,
            guint        rule_index,
            GPtrArray   *fresh)
{
  apply_entries (self, (GPtrArray **) &self->rule_entries->pdata[rule_index], fresh);
}

/* Replaces a per-field rule's findings on @field_id only, keeping the rest. */
static void
apply_rule_field (CzValidator *self,
                  guint        rule_index,
                  const char  *field_id,
                  GPtrArray   *fresh)
{
  GPtrArray *entries = g_ptr_array_index (self->rule_entries, rule_index);
  GPtrArray *on_field = g_ptr_array_new ();
  GPtrArray *others = g_ptr_array_new ();

  for (guint i = 0; i < entries->len; i++)
    {
      CzValidatorEntry *entry = entries->pdata[i];

      g_ptr_array_add (g_strcmp0 (cz_finding_get_field_id (entry->finding), field_id) == 0 ? on_field : others,
                       entry);
    }
  apply_entries (self, &on_field, fresh);
  g_ptr_array_extend_and_steal (others, on_field);
  g_ptr_array_unref (g_steal_pointer (&self->rule_entries->pdata[rule_index]));
  self->rule_entries->pdata[rule_index] = others;
}

/* External findings sort after the pack's rules within their step. */
static GPtrArray *
external_entries (GPtrArray *findings)
{
  GPtrArray *entries = g_ptr_array_new ();

  for (guint i = 0; i < findings->len; i++)
    {
      CzValidatorEntry *entry = g_new0 (CzValidatorEntry, 1);

      entry->finding = g_object_ref (findings->pdata[i]);
      entry->step = cz_finding_get_step (entry->finding);
      entry->rule_index = G_MAXUINT;
      entry->field_position = G_MAXUINT;
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

static void
clear_findings (CzValidator *self)
{
  g_ptr_array_set_size (self->items, 0);
  g_clear_pointer (&self->rule_entries, g_ptr_array_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->evaluations, g_free);
  memset (self->counts, 0, sizeof self->counts);
}

static void
build_index (CzValidator *self)
{
  guint n_rules = cz_rules_get_n_rules (self->rules);

  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  self->rule_entries = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->evaluations = g_new0 (guint, n_rules);

  for (guint r = 0; r < n_rules; r++)
    {
      const char * const *fields = cz_rule_get_fields (cz_rules_get_rule (self->rules, r));

      g_ptr_array_add (self->rule_entries, g_ptr_array_new ());
      for (guint i = 0; fields[i]; i++)
        {
          GArray *rules = g_hash_table_lookup (self->index, fields[i]);

          if (rules == NULL)
            {
              rules = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (self->index, (gpointer) fields[i], rules);
            }
          if (rules->len == 0 || g_array_index (rules, guint, rules->len - 1) != r)
            g_array_append_val (rules, r);
        }
    }
}

/* Every rule evaluated afresh, e.g. for a new pack or language. */
static void
evaluate_all (CzValidator *self)
{
  CountSnapshot before;
  guint old_n = self->items->len;
  guint n_rules;

  memcpy (before.counts, self->counts, sizeof self->counts);
  for (guint i = 0; i < self->items->len; i++)
    count_entry (self, self->items->pdata[i], 0);
  clear_findings (self);
  build_index (self);

  n_rules = cz_rules_get_n_rules (self->rules);
  for (guint r = 0; r < n_rules; r++)
    {
      g_autoptr(GPtrArray) fresh = evaluate_rule (self, cz_rules_get_rule (self->rules, r), NULL);
      GPtrArray *entries = g_ptr_array_index (self->rule_entries, r);

      for (guint i = 0; i < fresh->len; i++)
        {
          CzValidatorEntry *entry = fresh->pdata[i];

          g_ptr_array_add (self->items, entry);
          g_ptr_array_add (entries, entry);
          count_entry (self, entry, +1);
        }
    }
  {
    GHashTableIter iter;
    External *external;

    g_hash_table_iter_init (&iter, self->external);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &external))
      {
        g_autoptr(GPtrArray) fresh = external_entries (external->findings);

        g_ptr_array_set_size (external->entries, 0);
        for (guint i = 0; i < fresh->len; i++)
          {
            g_ptr_array_add (self->items, fresh->pdata[i]);
            g_ptr_array_add (external->entries, fresh->pdata[i]);
            count_entry (self, fresh->pdata[i], +1);
          }
      }
  }
  g_ptr_array_sort (self->items, entry_compare_indirect);

  if (old_n != 0 || self->items->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->items->len);
  finish_update (self, &before);
}

static void
on_field_changed (CzDossier   *dossier,
                  const char  *field_id,
                  CzValue     *old_value,
                  CzValue     *new_value,
                  CzValidator *self)
{
  GArray *rules = g_hash_table_lookup (self->index, field_id);
  CountSnapshot before;

  if (rules == NULL)
    return;

  memcpy (before.counts, self->counts, sizeof self->counts);
  for (guint i = 0; i < rules->len; i++)
    {
      guint r = g_array_index (rules, guint, i);
      const CzRule *rule = cz_rules_get_rule (self->rules, r);

      /* An input check is about its own field: the others have not changed. */
      if (cz_rule_check_is_per_field (rule))
        apply_rule_field (self, r, field_id, evaluate_rule (self, rule, field_id));
      else
        apply_rule (self, r, evaluate_rule (self, rule, NULL));
    }
  finish_update (self, &before);
}

/* ------------------------------------------------------------------------ */
/* GListModel                                                               */

static GType
cz_validator_get_item_type (GListModel *model)
{
  return CZ_TYPE_FINDING;
}

static guint
cz_validator_get_n_items (GListModel *model)
{
  return CZ_VALIDATOR (model)->items->len;
}

static gpointer
cz_validator_get_item (GListModel *model,
                       guint       position)
{
  CzValidator *self = CZ_VALIDATOR (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (((CzValidatorEntry *) self->items->pdata[position])->finding);
}

static void
cz_validator_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cz_validator_get_item_type;
  iface->get_n_items = cz_validator_get_n_items;
  iface->get_item = cz_validator_get_item;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
cz_validator_constructed (GObject *object)
{
  CzValidator *self = CZ_VALIDATOR (object);

  G_OBJECT_CLASS (cz_validator_parent_class)->constructed (object);

  g_return_if_fail (CZ_IS_DOSSIER (self->dossier));
  g_return_if_fail (CZ_IS_RULES (self->rules));

  self->constructed = TRUE;
  g_signal_connect_object (self->dossier, "field-changed", G_CALLBACK (on_field_changed), self, 0);
  evaluate_all (self);
}

static void
cz_validator_dispose (GObject *object)
{
  CzValidator *self = CZ_VALIDATOR (object);

  if (self->dossier != NULL)
    g_signal_handlers_disconnect_by_data (self->dossier, self);
  g_clear_object (&self->dossier);
  g_clear_object (&self->rules);

  G_OBJECT_CLASS (cz_validator_parent_class)->dispose (object);
}

static void
cz_validator_finalize (GObject *object)
{
  CzValidator *self = CZ_VALIDATOR (object);

  clear_findings (self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->changed_fields, g_hash_table_unref);
  g_clear_pointer (&self->external, g_hash_table_unref);
  g_free (self->language);

  G_OBJECT_CLASS (cz_validator_parent_class)->finalize (object);
}

static void
cz_validator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CzValidator *self = CZ_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:      g_value_set_object (value, self->dossier); break;
    case PROP_RULES:        g_value_set_object (value, self->rules); break;
    case PROP_LANGUAGE:     g_value_set_string (value, self->language); break;
    case PROP_N_BLOCKERS:   g_value_set_uint (value, cz_validator_get_n_blockers (self)); break;
    case PROP_N_WARNINGS:   g_value_set_uint (value, cz_validator_get_n_warnings (self)); break;
    case PROP_N_HINTS:      g_value_set_uint (value, cz_validator_get_n_hints (self)); break;
    case PROP_HAS_BLOCKERS: g_value_set_boolean (value, cz_validator_get_has_blockers (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_validator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CzValidator *self = CZ_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:  self->dossier = g_value_dup_object (value); break;
    case PROP_RULES:
      if (g_value_get_object (value) != NULL || self->constructed)
        cz_validator_set_rules (self, g_value_get_object (value));
      break;
    case PROP_LANGUAGE: cz_validator_set_language (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_validator_class_init (CzValidatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cz_validator_constructed;
  object_class->dispose = cz_validator_dispose;
  object_class->finalize = cz_validator_finalize;
  object_class->get_property = cz_validator_get_property;
  object_class->set_property = cz_validator_set_property;

  properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL, CZ_TYPE_DOSSIER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULES] =
    g_param_spec_object ("rules", NULL, NULL, CZ_TYPE_RULES,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_BLOCKERS] =
    g_param_spec_uint ("n-blockers", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_HINTS] =
    g_param_spec_uint ("n-hints", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_BLOCKERS] =
    g_param_spec_boolean ("has-blockers", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CzValidator::counts-changed:
   *
   * Emitted once after an update that changed any per-step count.
   */
  signals[COUNTS_CHANGED] =
    g_signal_new ("counts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CzValidator::field-findings-changed:
   * @field_id: the field whose findings changed
   *
   * Detailed by the field id, so a row can connect to
   * "field-findings-changed::revenue.y2024.total".
   */
  signals[FIELD_FINDINGS_CHANGED] =
    g_signal_new ("field-findings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
cz_validator_init (CzValidator *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) cz_validator_entry_free);
  self->changed_fields = g_hash_table_new (g_str_hash, g_str_equal);
  self->external = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) external_free);
}

/**
 * cz_validator_new:
 *
 * Checks @dossier against @rules now, then again as its fields change. A
 * check only reads: the dossier is never written (the pack is recorded where
 * it is chosen, cz_rules_record_in_dossier()).
 */
CzValidator *
cz_validator_new (CzDossier *dossier,
                  CzRules   *rules)
{
  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (CZ_IS_RULES (rules), NULL);

  return g_object_new (CZ_TYPE_VALIDATOR, "dossier", dossier, "rules", rules, NULL);
}

CzDossier *
cz_validator_get_dossier (CzValidator *self)
{
  g_return_val_if_fail (CZ_IS_VALIDATOR (self), NULL);
  return self->dossier;
}

CzRules *
cz_validator_get_rules (CzValidator *self)
{
  g_return_val_if_fail (CZ_IS_VALIDATOR (self), NULL);
  return self->rules;
}

/**
 * cz_validator_set_rules:
 *
 * Checks the dossier again against @rules, e.g. a pack loaded from a file.
 */
void
cz_validator_set_rules (CzValidator *self,
                        CzRules     *rules)
{
  g_return_if_fail (CZ_IS_VALIDATOR (self));
  g_return_if_fail (CZ_IS_RULES (rules));

  if (!g_set_object (&self->rules, rules))
    return;
  if (self->constructed)
    evaluate_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULES]);
}

const char *
cz_validator_get_language (CzValidator *self)
{
  g_return_val_if_fail (CZ_IS_VALIDATOR (self), NULL);
  return self->language;
}

void
cz_validator_set_language (CzValidator *self,
                           const char  *language)
{
  g_return_if_fail (CZ_IS_VALIDATOR (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  if (self->constructed)
    evaluate_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

guint
cz_validator_get_count (CzValidator *self,
                        CzStep       step,
                        CzSeverity   severity)
{
  g_return_val_if_fail (CZ_IS_VALIDATOR (self), 0);
  g_return_val_if_fail ((guint) step < CZ_N_STEPS, 0);
  g_return_val_if_fail ((guint) severity < CZ_N_SEVERITIES, 0);
  return self->counts[step][severity];
}

guint cz_validator_get_n_blockers (CzValidator *self) { g_return_val_if_fail (CZ_IS_VALIDATOR (self), 0); return total_of (self, CZ_SEVERITY_BLOCKER); }
guint cz_validator_get_n_warnings (CzValidator *self) { g_return_val_if_fail (CZ_IS_VALIDATOR (self), 0); return total_of (self, CZ_SEVERITY_WARNING); }
guint cz_validator_get_n_hints (CzValidator *self) { g_return_val_if_fail (CZ_IS_VALIDATOR (self), 0); return total_of (self, CZ_SEVERITY_HINT); }
gboolean cz_validator_get_has_blockers (CzValidator *self) { return cz_validator_get_n_blockers (self) > 0; }

/**
 * cz_validator_get_findings_for_field:
 *
 * Returns: (transfer full) (element-type CzFinding): the findings on
 *   @field_id in model order; empty when there are none
 */
GPtrArray *
cz_validator_get_findings_for_field (CzValidator *self,
                                     const char  *field_id)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CZ_IS_VALIDATOR (self), findings);

  for (guint i = 0; i < self->items->len; i++)
    {
      CzFinding *finding = ((CzValidatorEntry *) self->items->pdata[i])->finding;

      if (g_strcmp0 (cz_finding_get_field_id (finding), field_id) == 0)
        g_ptr_array_add (findings, g_object_ref (finding));
    }
  return findings;
}

/**
 * cz_validator_set_external_findings:
 * @source: who made them, e.g. "evidence"
 * @findings: (element-type CzFinding) (nullable): the findings now; NULL or
 *   empty drops those of @source
 *
 * Adds findings a separate checker made (evidence inspection reads files, so
 * it runs elsewhere and hands its results here) to the model, the counts and
 * has-blockers, replacing what @source gave before. A finding that stays is
 * the same object; only what changed is signalled.
 */
void
cz_validator_set_external_findings (CzValidator *self,
                                    const char  *source,
                                    GPtrArray   *findings)
{
  External *external;
  CountSnapshot before;

  g_return_if_fail (CZ_IS_VALIDATOR (self));
  g_return_if_fail (source != NULL);

  external = g_hash_table_lookup (self->external, source);
  if (external == NULL)
    {
      if (findings == NULL || findings->len == 0)
        return;
      external = g_new0 (External, 1);
      external->findings = g_ptr_array_new_with_free_func (g_object_unref);
      external->entries = g_ptr_array_new ();
      g_hash_table_insert (self->external, g_strdup (source), external);
    }

  g_ptr_array_set_size (external->findings, 0);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      g_return_if_fail (CZ_IS_FINDING (findings->pdata[i]));
      g_ptr_array_add (external->findings, g_object_ref (findings->pdata[i]));
    }

  memcpy (before.counts, self->counts, sizeof self->counts);
  apply_entries (self, &external->entries, external_entries (external->findings));
  finish_update (self, &before);
}

guint
cz_validator_get_evaluation_count (CzValidator *self,
                                   const char  *rule_id)
{
  guint total = 0;

  g_return_val_if_fail (CZ_IS_VALIDATOR (self), 0);

  for (guint r = 0; r < cz_rules_get_n_rules (self->rules); r++)
    if (rule_id == NULL || g_str_equal (rule_id, cz_rule_get_id (cz_rules_get_rule (self->rules, r))))
      total += self->evaluations[r];
  return total;
}

guint
cz_validator_get_field_check_count (CzValidator *self)
{
  g_return_val_if_fail (CZ_IS_VALIDATOR (self), 0);

  return self->field_checks;
}
