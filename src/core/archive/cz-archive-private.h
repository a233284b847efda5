/* cz-archive-private.h — what the archive writer and reader share
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cz-archive.h"
#include "cz-bag.h"
#include "cz-progress-relay.h"

G_BEGIN_DECLS

#define CZ_BAG_SIGNATURE_PATH          "signature/tagmanifest-sha256.txt.p7s"
#define CZ_BAG_INFO_FORMAT             "CoopZone-Archive-Format"
#define CZ_BAG_INFO_SIGNING_TIME       "CoopZone-Signing-Time"
#define CZ_BAG_INFO_RULES_PACK         "CoopZone-Rules-Pack"
#define CZ_BAG_INFO_RULES_PACK_SHA256  "CoopZone-Rules-Pack-SHA256"
#define CZ_BAG_INFO_APP_VERSION        "CoopZone-App-Version"
#define CZ_BAG_INFO_APPLICATION_FORM   "CoopZone-Application-Form"

G_END_DECLS
