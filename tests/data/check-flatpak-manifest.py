#!/usr/bin/python3
# Copyright 2025-2026 The CoopZone authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Offline checks of the Flatpak manifest, as TAP.

Usage: check-flatpak-manifest.py MANIFEST.json APP_ID
"""
import json
import sys

path, app_id = sys.argv[1], sys.argv[2]
results = []


def check(ok, description, diagnostics=()):
    results.append((bool(ok), description, list(diagnostics)))


def pinned(source):
    kind = source.get('type')
    if kind in ('archive', 'file'):
        return bool(source.get('url')) and len(source.get('sha256', '')) == 64
    if kind == 'git':
        return len(source.get('commit', '')) == 40
    return False


try:
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)
except (OSError, ValueError) as e:
    manifest = None
    check(False, 'the manifest is valid JSON', [str(e)])

if manifest is not None:
    check(True, 'the manifest is valid JSON')
    check(manifest.get('id') == app_id and manifest.get('command') == 'coopzone',
          f'id is {app_id} and command is coopzone',
          [f'id={manifest.get("id")!r} command={manifest.get("command")!r}'])
    check(manifest.get('runtime') == 'org.gnome.Platform'
          and str(manifest.get('runtime-version')) == '50'
          and manifest.get('sdk') == 'org.gnome.Sdk',
          'runtime is org.gnome.Platform 50 with org.gnome.Sdk',
          [f'runtime={manifest.get("runtime")!r} '
           f'runtime-version={manifest.get("runtime-version")!r} sdk={manifest.get("sdk")!r}'])

    args = manifest.get('finish-args', [])
    network = [a for a in args if a.startswith('--share=network')]
    check(not network, 'no network access (--share=network)', network)
    filesystem = [a for a in args if a.startswith('--filesystem')]
    check(not filesystem, 'no --filesystem access (files come through portals)', filesystem)

    check(manifest.get('separate-locales') is False,
          'separate-locales is false (a single-file bundle keeps zh_CN)',
          [f'separate-locales={manifest.get("separate-locales")!r}'])

    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    names = [m.get('name') for m in modules]
    for wanted in ('poppler-data', 'poppler'):
        module = next((m for m in modules if m.get('name') == wanted), None)
        sources = module.get('sources', []) if module else []
        unpinned = [json.dumps(s) for s in sources if not pinned(s)]
        check(module is not None and sources and not unpinned,
              f'module {wanted} is built from pinned sources (sha256 or commit)',
              ([] if module else [f'no module {wanted}; modules: {names}'])
              + [f'not pinned: {s}' for s in unpinned])
    check(names.index('poppler-data') < names.index('poppler')
          if 'poppler' in names and 'poppler-data' in names else False,
          'poppler-data is built before poppler', [f'modules: {names}'])

    last = modules[-1] if modules else {}
    check(last.get('name') == 'coopzone'
          and last.get('buildsystem') == 'meson'
          and any(s.get('type') == 'dir' for s in last.get('sources', [])),
          'the app module (meson, dir source) comes last', [f'modules: {names}'])

print('TAP version 13')
print(f'1..{len(results)}')
for i, (ok, description, diagnostics) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {description}')
    if not ok:
        for d in diagnostics:
            print('# ' + d)
sys.exit(0 if all(r[0] for r in results) else 1)
