/* cz-pack-private.h — what the pack options hold, for the packing job
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-archive.h"

G_BEGIN_DECLS

typedef struct
{
  char  *criterion;
  GFile *file;
  char  *title;
  char  *pages;
  char  *sha256;
} CzPackEvidence;

/* A payload file given as bytes (data/roster.csv), indexed in dossier.json
 * under its key. */
typedef struct
{
  char   *key;
  char   *path;
  GBytes *bytes;
} CzPackDataFile;

struct _CzPackOptions
{
  gatomicrefcount  ref_count;
  JsonNode        *check;
  GPtrArray       *evidence;
  GPtrArray       *data_files;    /* CzPackDataFile */
  GFile           *form_file;
  GBytes          *form_bytes;
  CzApplicationFormFunc form_func;
  gpointer         form_func_data;
  GDestroyNotify   form_func_destroy;
  GDateTime       *signing_time;
  char            *organisation;
  char            *fingerprint;   /* result */
  char            *content_fingerprint;  /* result, with a form func */
};

G_END_DECLS
