#!/usr/bin/python3
# Copyright 2025-2026 The CoopZone authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The translation checks, as TAP.

1. Every file under src/, resources/ and data/ with translatable strings is
   listed in po/POTFILES.in (or po/POTFILES.skip).
2. Every file listed in po/POTFILES.in exists.
3. Every msgid xgettext finds through POTFILES.in is translated, and not fuzzy,
   in each language of po/LINGUAS. The .pot and the merged .po are written to
   a temporary directory; the source tree is never touched.

Usage: check-po.py SOURCE_ROOT
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else '.')
PO = os.path.join(ROOT, 'po')
SCANNED_DIRS = ('src', 'resources', 'data')
SCANNED_EXT = ('.c', '.h', '.ui', '.in', '.xml')

MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(\s*["a-zA-Z]'
                     r'|translatable\s*=\s*"(?:yes|true)"')

# xgettext flags of meson's "glib" preset.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format', '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format', '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format', '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format', '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format', '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

results = []


def check(ok, description, diagnostics=()):
    results.append((ok, description, list(diagnostics)))


def read_list(name):
    path = os.path.join(PO, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8') as f:
        return [l.strip() for l in f
                if l.strip() and not l.lstrip().startswith('#')]


def has_translatable_strings(path):
    name = os.path.basename(path)
    if name.endswith('.desktop.in') or name.endswith('.metainfo.xml.in'):
        return True
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
    except OSError:
        return False
    if name.endswith('.gschema.xml'):
        return '<summary' in text or '<description' in text
    return bool(MARKERS.search(text))


def scan_tree():
    found = []
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
            for name in sorted(filenames):
                if not name.endswith(SCANNED_EXT):
                    continue
                path = os.path.join(dirpath, name)
                if has_translatable_strings(path):
                    found.append(os.path.relpath(path, ROOT))
    return found


def parse_po(path):
    """Yield (msgctxt, msgid, [msgstr...], fuzzy) for each live entry."""
    entries = []
    cur = None
    field = None

    def finish():
        if cur and cur['msgid'] is not None:
            entries.append(cur)

    def unquote(s):
        s = s.strip()
        if s.startswith('"') and s.endswith('"'):
            s = s[1:-1]
        return bytes(s, 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if line.startswith('#~'):
                continue
            if not line.strip():
                finish()
                cur, field = None, None
                continue
            if cur is None:
                cur = {'ctxt': None, 'msgid': None, 'plural': None,
                       'msgstr': {}, 'fuzzy': False}
            if line.startswith('#,'):
                cur['fuzzy'] = cur['fuzzy'] or 'fuzzy' in line
                continue
            if line.startswith('#'):
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
            if m:
                key = m.group(1)
                if key.startswith('msgstr'):
                    field = ('msgstr', m.group(2) or '0')
                    cur['msgstr'][field[1]] = unquote(m.group(3))
                else:
                    field = {'msgctxt': 'ctxt', 'msgid': 'msgid',
                             'msgid_plural': 'plural'}[key]
                    cur[field] = unquote(m.group(3))
                continue
            if line.startswith('"') and field is not None:
                if isinstance(field, tuple):
                    cur['msgstr'][field[1]] += unquote(line)
                else:
                    cur[field] += unquote(line)
        finish()
    return entries


# 1 and 2: POTFILES.in
potfiles = read_list('POTFILES.in')
skipped = set(read_list('POTFILES.skip'))
listed = set(potfiles)
unlisted = [p for p in scan_tree() if p not in listed and p not in skipped]
check(not unlisted,
      'po/POTFILES.in lists every file with translatable strings',
      ['not in po/POTFILES.in: ' + p for p in unlisted])
missing = [p for p in potfiles if not os.path.isfile(os.path.join(ROOT, p))]
check(bool(potfiles) and not missing,
      'every file in po/POTFILES.in exists',
      ['listed but missing: ' + p for p in missing] or
      ([] if potfiles else ['po/POTFILES.in is empty or missing']))

# 3: translations complete
languages = read_list('LINGUAS')
with tempfile.TemporaryDirectory(prefix='coopzone-po-') as tmp:
    pot = os.path.join(tmp, 'coopzone.pot')
    existing = [p for p in potfiles if p not in missing]
    listfile = os.path.join(tmp, 'POTFILES')
    with open(listfile, 'w', encoding='utf-8') as f:
        f.write('\n'.join(existing) + '\n')
    xg = subprocess.run(['xgettext', '--package-name=coopzone', '--msgid-bugs-address=',
                         '--directory=' + ROOT, '--files-from=' + listfile,
                         '--output=' + pot] + XGETTEXT_ARGS,
                        capture_output=True, text=True)
    check(xg.returncode == 0 and os.path.exists(pot),
          'xgettext extracts the strings of po/POTFILES.in',
          xg.stderr.splitlines())

    for lang in languages:
        po = os.path.join(PO, lang + '.po')
        if not os.path.exists(po):
            check(False, f'po/{lang}.po exists', [f'po/{lang}.po is missing'])
            continue
        fmt = subprocess.run(['msgfmt', '--check', '--output-file=/dev/null', po],
                             capture_output=True, text=True)
        check(fmt.returncode == 0, f'po/{lang}.po passes msgfmt --check',
              fmt.stderr.splitlines())
        if not os.path.exists(pot):
            continue
        merged = os.path.join(tmp, lang + '.po')
        mm = subprocess.run(['msgmerge', '--quiet', '--output-file=' + merged, po, pot],
                            capture_output=True, text=True)
        if mm.returncode != 0:
            check(False, f'po/{lang}.po merges with the template', mm.stderr.splitlines())
            continue
        problems = []
        for e in parse_po(merged):
            if e['msgid'] == '':
                continue  # the header
            label = repr(e['msgid']) + (f' (context {e["ctxt"]!r})' if e['ctxt'] else '')
            if e['fuzzy']:
                problems.append('fuzzy: ' + label)
            elif not e['msgstr'] or any(v == '' for v in e['msgstr'].values()):
                problems.append('untranslated: ' + label)
        check(not problems, f'po/{lang}.po translates every string, none fuzzy', problems)

print('TAP version 13')
print(f'1..{len(results)}')
for i, (ok, description, diagnostics) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {description}')
    if not ok:
        for d in diagnostics:
            print('# ' + d)
sys.exit(0 if all(r[0] for r in results) else 1)
