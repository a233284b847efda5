/* cz-cli-archive.h — coopzone-cli signer, pack and verify
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-cli.h"

G_BEGIN_DECLS

int command_signer (CliContext  *ctx,
                    int          argc,
                    char       **argv);
int command_pack   (CliContext  *ctx,
                    int          argc,
                    char       **argv);
int command_verify (CliContext  *ctx,
                    int          argc,
                    char       **argv);

G_END_DECLS
