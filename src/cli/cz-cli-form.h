/* cz-cli-form.h — coopzone-cli export-form
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-cli.h"

G_BEGIN_DECLS

int command_export_form (CliContext  *ctx,
                         int          argc,
                         char       **argv);

G_END_DECLS
