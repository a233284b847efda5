/* cz-application.h — the CoopZone application
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cz-store.h"

G_BEGIN_DECLS

#define CZ_TYPE_APPLICATION (cz_application_get_type ())
G_DECLARE_FINAL_TYPE (CzApplication, cz_application, CZ, APPLICATION, AdwApplication)

CzApplication *cz_application_new       (void);
/* NULL when the store could not be opened. */
CzStore       *cz_application_get_store (CzApplication *self);

G_END_DECLS
