#!/usr/bin/python3
# Copyright 2025-2026 The CoopZone authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every screenshot the metainfo names exists in data/screenshots/, as TAP.

Usage: check-screenshots.py METAINFO.xml.in SOURCE_ROOT
"""
import os
import sys
import xml.etree.ElementTree as ET

PREFIX = 'https://raw.githubusercontent.com/coopzone/coopzone/main/'
metainfo, root = sys.argv[1], sys.argv[2]
images = [e.text.strip() for e in ET.parse(metainfo).getroot().iter('image') if e.text]

print('TAP version 13')
print(f'1..{max(len(images), 1)}')
if not images:
    print('not ok 1 - the metainfo names screenshots')
    sys.exit(1)
failed = False
for i, url in enumerate(images, 1):
    path = url[len(PREFIX):] if url.startswith(PREFIX) else None
    full = os.path.join(root, path) if path else None
    ok = False
    if full and os.path.isfile(full):
        with open(full, 'rb') as f:
            ok = f.read(8) == b'\x89PNG\r\n\x1a\n'
    failed |= not ok
    print(f'{"ok" if ok else "not ok"} {i} - screenshot {path or url} is a PNG in the tree')
sys.exit(1 if failed else 0)
