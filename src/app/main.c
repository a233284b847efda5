/* main.c — the coopzone program
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "cz-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CzApplication) application = NULL;
  const char *localedir = g_getenv ("COOPZONE_LOCALEDIR");

  /* COOPZONE_LOCALEDIR lets an uninstalled build find its compiled translations. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = cz_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
