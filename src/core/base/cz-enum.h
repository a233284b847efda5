/* cz-enum.h — enum values by their nick, the ids files and packs use
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const char *cz_enum_get_nick  (GType        enum_type,
                               int          value);
gboolean    cz_enum_from_nick (GType        enum_type,
                               const char  *nick,
                               int         *out_value);

G_END_DECLS
