/* cz-evidence-checker.c — evidence findings, inspected off the UI thread
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-evidence-checker.h"

#define EVIDENCE_SOURCE "evidence"

struct _CzEvidenceChecker
{
  GObject          parent_instance;

  CzValidator     *validator;
  CzEvidenceStore *store;        /* inspects each stored copy once, for everyone */
  GCancellable    *cancellable;
  guint            generation;   /* a result for an older request is dropped */
  gboolean         busy;
};

enum { PROP_0, PROP_VALIDATOR, PROP_STORE, PROP_BUSY, N_PROPS };

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CzEvidenceChecker, cz_evidence_checker, G_TYPE_OBJECT)

/* What the worker needs, copied on the UI thread: records are immutable GVariants. */
typedef struct
{
  char             *sha256;
  char             *name;
  CzEvidenceLimits  limits;
} Job;

static void
job_free (Job *job)
{
  g_free (job->sha256);
  g_free (job->name);
  g_free (job);
}

static void
set_busy (CzEvidenceChecker *self,
          gboolean           busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static const CzEvidenceSlot *
find_slot (CzRules    *rules,
           const char *slot_id)
{
  for (guint i = 0; i < cz_rules_get_n_evidence_slots (rules); i++)
    if (g_strcmp0 (cz_evidence_slot_get_id (cz_rules_get_evidence_slot (rules, i)), slot_id) == 0)
      return cz_rules_get_evidence_slot (rules, i);
  return NULL;
}

static void
limits_for_record (CzEvidenceLimits *limits,
                   CzRules          *rules,
                   GVariant         *record)
{
  cz_evidence_limits_for_slot (limits, find_slot (rules, cz_evidence_record_get_text (record, "slot")));
}

/* On the UI thread: no I/O, the inspections are all in hand. */
static void
publish (CzEvidenceChecker *self,
         GHashTable        *infos)
{
  g_autoptr(GPtrArray) findings = cz_evidence_dup_findings (cz_validator_get_dossier (self->validator),
                                                            cz_validator_get_rules (self->validator), infos);

  cz_validator_set_external_findings (self->validator, EVIDENCE_SOURCE, findings);
}

static void
inspect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CzEvidenceStore *store = CZ_EVIDENCE_CHECKER (source_object)->store;
  GPtrArray *jobs = task_data;

  for (guint i = 0; i < jobs->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      Job *job = jobs->pdata[i];

      cz_evidence_info_free (cz_evidence_store_inspect (store, job->sha256, job->name, &job->limits));
    }
  g_task_return_boolean (task, TRUE);
}

static void check (CzEvidenceChecker *self);

static void
on_inspected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CzEvidenceChecker *self = CZ_EVIDENCE_CHECKER (source);
  guint generation = GPOINTER_TO_UINT (user_data);

  /* The store keeps what it found: checking again finds it all in hand. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL) || generation != self->generation)
    return;
  check (self);
}

static void
check (CzEvidenceChecker *self)
{
  CzDossier *dossier = cz_validator_get_dossier (self->validator);
  CzRules *rules = cz_validator_get_rules (self->validator);
  g_autoptr(GPtrArray) records = cz_evidence_dup_records (dossier, NULL);
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr(GHashTable) infos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) cz_evidence_info_free);
  g_autoptr(GTask) task = NULL;

  self->generation++;
  for (guint i = 0; i < records->len; i++)
    {
      GVariant *record = records->pdata[i];
      const char *sha256 = cz_evidence_record_get_text (record, "sha256");
      const char *name = cz_evidence_record_get_text (record, "name");
      CzEvidenceLimits limits;
      CzEvidenceInfo *info;
      Job *job;

      limits_for_record (&limits, rules, record);
      info = cz_evidence_store_lookup (self->store, sha256, name, &limits);
      if (info != NULL)
        {
          g_hash_table_replace (infos, g_strdup (sha256), info);
          continue;
        }
      job = g_new0 (Job, 1);
      job->sha256 = g_strdup (sha256);
      job->name = g_strdup (name);
      job->limits = limits;
      g_ptr_array_add (jobs, job);
    }

  /* Everything already inspected (by the slot that attached it, say): the findings follow at once. */
  if (jobs->len == 0)
    {
      publish (self, infos);
      set_busy (self, FALSE);
      return;
    }

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_inspected, GUINT_TO_POINTER (self->generation));
  g_task_set_task_data (task, g_steal_pointer (&jobs), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, inspect_thread);
}

static void
on_evidence_changed (CzEvidenceChecker *self)
{
  check (self);
}

/* Another pack may set other size limits: the store judges its inspections again. */
static void
on_rules_changed (CzEvidenceChecker *self)
{
  check (self);
}

static void
cz_evidence_checker_constructed (GObject *object)
{
  CzEvidenceChecker *self = CZ_EVIDENCE_CHECKER (object);

  G_OBJECT_CLASS (cz_evidence_checker_parent_class)->constructed (object);

  g_return_if_fail (CZ_IS_VALIDATOR (self->validator));
  g_return_if_fail (CZ_IS_EVIDENCE_STORE (self->store));

  g_signal_connect_object (cz_validator_get_dossier (self->validator), "field-changed::" CZ_FIELD_EVIDENCE_FILES,
                           G_CALLBACK (on_evidence_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->validator, "notify::rules",
                           G_CALLBACK (on_rules_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->validator, "notify::language",
                           G_CALLBACK (on_evidence_changed), self, G_CONNECT_SWAPPED);
  check (self);
}

static void
cz_evidence_checker_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CzEvidenceChecker *self = CZ_EVIDENCE_CHECKER (object);

  switch (prop_id)
    {
    case PROP_VALIDATOR: g_value_set_object (value, self->validator); break;
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_BUSY: g_value_set_boolean (value, self->busy); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_evidence_checker_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CzEvidenceChecker *self = CZ_EVIDENCE_CHECKER (object);

  switch (prop_id)
    {
    case PROP_VALIDATOR: self->validator = g_value_dup_object (value); break;
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cz_evidence_checker_dispose (GObject *object)
{
  CzEvidenceChecker *self = CZ_EVIDENCE_CHECKER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->validator);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cz_evidence_checker_parent_class)->dispose (object);
}

static void
cz_evidence_checker_finalize (GObject *object)
{
  CzEvidenceChecker *self = CZ_EVIDENCE_CHECKER (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cz_evidence_checker_parent_class)->finalize (object);
}

static void
cz_evidence_checker_class_init (CzEvidenceCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cz_evidence_checker_constructed;
  object_class->get_property = cz_evidence_checker_get_property;
  object_class->set_property = cz_evidence_checker_set_property;
  object_class->dispose = cz_evidence_checker_dispose;
  object_class->finalize = cz_evidence_checker_finalize;

  properties[PROP_VALIDATOR] = g_param_spec_object ("validator", NULL, NULL, CZ_TYPE_VALIDATOR,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CZ_TYPE_EVIDENCE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cz_evidence_checker_init (CzEvidenceChecker *self)
{
  self->cancellable = g_cancellable_new ();
}

CzEvidenceChecker *
cz_evidence_checker_new (CzValidator     *validator,
                         CzEvidenceStore *store)
{
  return g_object_new (CZ_TYPE_EVIDENCE_CHECKER, "validator", validator, "store", store, NULL);
}

gboolean
cz_evidence_checker_get_busy (CzEvidenceChecker *self)
{
  g_return_val_if_fail (CZ_IS_EVIDENCE_CHECKER (self), FALSE);
  return self->busy;
}
