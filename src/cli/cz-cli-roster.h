/* cz-cli-roster.h — coopzone-cli roster: import, show, problems
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-cli.h"

G_BEGIN_DECLS

int command_roster (CliContext  *ctx,
                    int          argc,
                    char       **argv);

G_END_DECLS
