#!/usr/bin/python3
# Copyright 2025-2026 The CoopZone authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Findings name a field as the row it is under is titled, in Chinese. TAP.

A finding's message names its field with the field's label (src/core/model/cz-fields.c,
translated in po/zh_CN.po); the Indicators step titles each row with the
indicator's title from the rules pack. For every indicator of the built-in
packs the two must be the same words, or 请填写“…” sends the person looking
for a row that is not there.

Usage: check-field-names.py SOURCE_ROOT
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else '.')


def read(path):
    with open(os.path.join(ROOT, path), encoding='utf-8') as f:
        return f.read()


macros = dict(re.findall(r'#define\s+(CZ_FIELD_\w+)\s+"([^"]+)"', read('src/core/model/cz-fields.h')))
labels = {}
for ident, label in re.findall(r'\{\s*("[^"]+"|CZ_FIELD_\w+)\s*,\s*CZ_FIELD_KIND_\w+\s*,\s*N_\("([^"]+)"\)',
                               read('src/core/model/cz-fields.c')):
    field = ident.strip('"') if ident.startswith('"') else macros.get(ident)
    if field is not None:
        labels[field] = label

translations = {}
for msgid, msgstr in re.findall(r'^msgid "((?:[^"\\]|\\.)*)"\nmsgstr "((?:[^"\\]|\\.)*)"$',
                                read('po/zh_CN.po'), re.M):
    translations[msgid] = msgstr

results = []
for pack_path in sorted(glob.glob(os.path.join(ROOT, 'resources', 'rules', '*.json'))):
    with open(pack_path, encoding='utf-8') as f:
        pack = json.load(f)
    for dimension in pack.get('dimensions', []):
        for indicator in dimension.get('indicators', []):
            field = indicator['field'].replace('{latest}', '{year}')
            title = indicator['title']['zh_CN']
            label = labels.get(field)
            shown = translations.get(label) if label else None
            name = f'{os.path.basename(pack_path)} {indicator["id"]}'
            if label is None:
                results.append((False, name, [f'no label for the field {field} in cz-fields.c']))
            else:
                results.append((shown == title, name,
                                [f'the row says “{title}”, its findings say “{shown}” ({label})']))

print('TAP version 13')
print(f'1..{len(results)}')
for i, (ok, description, diagnostics) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} {description}')
    if not ok:
        for line in diagnostics:
            print(f'# {line}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
