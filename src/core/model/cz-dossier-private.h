/* cz-dossier-private.h — what the dossier's file format needs of the object
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-dossier.h"

G_BEGIN_DECLS

void cz_dossier_take_value_quietly (CzDossier  *self,
                                    const char *field_id,
                                    CzValue    *value);

G_END_DECLS
