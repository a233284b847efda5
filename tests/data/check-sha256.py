#!/usr/bin/python3
# Copyright 2025-2026 The CoopZone authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""SHA-256 of evidence goes through GnuTLS, as TAP.

Attaching evidence, packing and verifying hash every byte of files of tens of
megabytes; GnuTLS uses the CPU's SHA instructions and is many times faster than
GLib's GChecksum here (tests/bench/bench-evidence-import prints both). This
fails when the code that streams evidence (the evidence store, the archive,
the bag) computes SHA-256 with GChecksum again. A rules pack (a few kB of JSON)
may hash as it likes.

Usage: check-sha256.py SOURCE_ROOT
"""
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else '.')
GCHECKSUM_SHA256 = re.compile(r'G_CHECKSUM_SHA256')
STREAMING = ('cz-evidence', 'cz-archive', 'cz-bag', 'cz-hash-pipe', 'cz-sample-evidence', 'cz-image-pdf')

offenders = []
for directory, _, names in os.walk(os.path.join(ROOT, 'src')):
    for name in sorted(names):
        if not name.endswith(('.c', '.h')) or not name.startswith(STREAMING):
            continue
        path = os.path.join(directory, name)
        with open(path, encoding='utf-8') as source:
            for number, line in enumerate(source, 1):
                if GCHECKSUM_SHA256.search(line):
                    offenders.append('%s:%d' % (os.path.relpath(path, ROOT), number))

print('1..1')
if offenders:
    print('not ok 1 - evidence hashed with GnuTLS, not GChecksum')
    for offender in offenders:
        print('# %s uses GChecksum for SHA-256: use gnutls_hash (see cz-bag.h)' % offender)
else:
    print('ok 1 - evidence hashed with GnuTLS, not GChecksum')
