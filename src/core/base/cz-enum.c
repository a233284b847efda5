/* cz-enum.c
 *
 * The enumerations that files, packs and the command line name by id are
 * registered with G_DEFINE_ENUM_TYPE, their nicks being those ids; these two
 * functions read them.
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cz-enum.h"

/* Enum classes of static types live as long as the process: the first
 * reference is kept, so the nicks returned stay valid. */
static GEnumClass *
enum_class (GType enum_type)
{
  GEnumClass *klass = g_type_class_peek (enum_type);

  return klass != NULL ? klass : g_type_class_ref (enum_type);
}

/**
 * cz_enum_get_nick:
 *
 * Returns: (nullable): the nick of @value, %NULL when @enum_type has no
 *   such value
 */
const char *
cz_enum_get_nick (GType enum_type,
                  int   value)
{
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  found = g_enum_get_value (enum_class (enum_type), value);
  return found != NULL ? found->value_nick : NULL;
}

/**
 * cz_enum_from_nick:
 * @nick: (nullable): the id to look up
 * @out_value: (out) (optional): the value whose nick is @nick
 *
 * Returns: whether @nick names a value of @enum_type; %NULL names none
 */
gboolean
cz_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *out_value)
{
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;
  found = g_enum_get_value_by_nick (enum_class (enum_type), nick);
  if (found == NULL)
    return FALSE;
  if (out_value != NULL)
    *out_value = found->value;
  return TRUE;
}
