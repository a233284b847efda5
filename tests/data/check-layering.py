#!/usr/bin/env python3
# Copyright 2026 The CoopZone authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The core's folders keep to the arrows their meson.build files draw.

Each src/core/<area>/meson.build names the areas it builds on (cz_<area>_dep)
and the external libraries it uses (<name>_dep). This check fails when:
- a file includes a core header from an area its own area does not build on
  (directly or through those areas), such as a header from an area above it;
- a file includes an external library's header that its area does not name
  (sqlite3 outside store/, poppler outside evidence/, libarchive outside
  archive/, GnuTLS outside signing/ and base/, libcrypto outside signing/);
- anything in src/core includes GTK or libadwaita;
- src/app or src/cli includes a core "-private.h" header or a library that
  only a core area may use.
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..')
core = os.path.join(root, 'src', 'core')

EXTERNAL = [
    (re.compile(r'^sqlite3\.h$'), 'sqlite_dep'),
    (re.compile(r'^poppler'), 'poppler_dep'),
    (re.compile(r'^archive(_entry)?\.h$'), 'libarchive_dep'),
    (re.compile(r'^gnutls/'), 'gnutls_dep'),
    (re.compile(r'^openssl/'), 'openssl_dep'),
    (re.compile(r'^cairo'), 'cairo_dep'),
    (re.compile(r'^pango/'), 'pangocairo_dep'),
    (re.compile(r'^(gtk/|gdk/|adwaita\.h)'), 'gtk_dep'),
]
# The only areas that may name each library at all.
OWNERS = {
    'sqlite_dep': {'store'},
    'poppler_dep': {'evidence'},
    # roster/ reads .xlsx workbooks, which are zip files, with the same
    # libarchive; it never writes archives, and archive/ never reads rosters.
    'libarchive_dep': {'archive', 'roster'},
    'gnutls_dep': {'signing', 'base'},
    'openssl_dep': {'signing'},
    'gtk_dep': set(),
    'adw_dep': set(),
}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)

areas = sorted(d for d in os.listdir(core) if os.path.isfile(os.path.join(core, d, 'meson.build')))
header_area = {}
uses = {}
externals = {}
for area in areas:
    text = open(os.path.join(core, area, 'meson.build'), encoding='utf-8').read()
    lib = re.search(r'static_library\((.*?)\n\)', text, re.S)
    deps = re.search(r'dependencies:\s*\[([^\]]*)\]', lib.group(1) if lib else text)
    names = re.findall(r'\w+', deps.group(1)) if deps else []
    uses[area] = {n[3:-4] for n in names if n.startswith('cz_') and n.endswith('_dep')}
    externals[area] = {n for n in names if not n.startswith('cz_')}
    for f in os.listdir(os.path.join(core, area)):
        if f.endswith('.h'):
            if f in header_area:
                print(f'{f}: in both {header_area[f]}/ and {area}/')
                sys.exit(1)
            header_area[f] = area


def closure(area, seen=None):
    seen = set() if seen is None else seen
    for below in uses.get(area, ()):
        if below not in seen:
            seen.add(below)
            closure(below, seen)
    return seen


problems = []
for area in areas:
    for dep in sorted(externals[area]):
        if dep in OWNERS and area not in OWNERS[dep]:
            problems.append(f'src/core/{area}/meson.build: names {dep}, which only {", ".join(sorted(OWNERS[dep])) or "no core area"} may use')
    for u in uses[area]:
        if u not in areas:
            problems.append(f'src/core/{area}/meson.build: no area "{u}"')
    allowed = closure(area) | {area}
    if area in closure(area):
        problems.append(f'src/core/{area}: builds on itself through a cycle')
    folder = os.path.join(core, area)
    for f in sorted(os.listdir(folder)):
        if not f.endswith(('.c', '.h')):
            continue
        text = open(os.path.join(folder, f), encoding='utf-8').read()
        for kind, name in INCLUDE.findall(text):
            where = f'src/core/{area}/{f}'
            if kind == '"':
                owner = header_area.get(name)
                if owner is not None and owner not in allowed:
                    problems.append(f'{where}: includes "{name}" from {owner}/, which {area}/ does not build on')
                continue
            for pattern, dep in EXTERNAL:
                if pattern.search(name):
                    if dep == 'gtk_dep':
                        problems.append(f'{where}: includes <{name}>: the core never includes GTK')
                    elif dep not in externals[area]:
                        problems.append(f'{where}: includes <{name}>, but {area}/meson.build does not name {dep}')

core_only = {dep for _, dep in EXTERNAL} - {'gtk_dep', 'cairo_dep', 'pangocairo_dep'}
for top in ('app', 'cli'):
    for dirpath, _, files in os.walk(os.path.join(root, 'src', top)):
        for f in sorted(files):
            if not f.endswith(('.c', '.h')):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, root)
            for kind, name in INCLUDE.findall(open(path, encoding='utf-8').read()):
                if kind == '"' and name.endswith('-private.h') and name in header_area:
                    problems.append(f'{rel}: includes the core\'s private "{name}"')
                if kind == '<':
                    for pattern, dep in EXTERNAL:
                        if pattern.search(name) and dep in core_only:
                            problems.append(f'{rel}: includes <{name}>, which only a core area may use')

for p in problems:
    print(p)
if problems:
    print(f'{len(problems)} layering problem(s)')
    sys.exit(1)
print(f'{len(areas)} core areas, no include against the arrows')
