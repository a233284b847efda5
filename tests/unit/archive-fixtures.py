#!/usr/bin/python3
# archive-fixtures.py — hostile and re-packed ZIPs for test-archive
#
#   archive-fixtures.py hostile KIND OUT.zip [ARG]
#   archive-fixtures.py rezip BAG_DIR OUT.zip
#   archive-fixtures.py patch IN.zip OUT.zip NAME_SUFFIX central|local|descriptor FIELD VALUE
#
# Standard library only. Every hostile archive otherwise looks like a bag, so
# the refusal is due to its one hostile trait.
#
# Copyright 2025-2026 The CoopZone authors
# SPDX-License-Identifier: GPL-3.0-or-later
import io
import os
import struct
import sys
import unicodedata
import zipfile

BAG = 'coopzone-x/'


def skeleton(z):
    z.writestr(BAG + 'bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')
    z.writestr(BAG + 'data/dossier.json', '{}\n')


def write(out, entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as z:
        skeleton(z)
        for info, data in entries:
            z.writestr(info, data)
    data = buffer.getvalue()
    return data


def info(name, mode=None):
    i = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    i.compress_type = zipfile.ZIP_DEFLATED
    if mode is not None:
        i.create_system = 3
        i.external_attr = mode << 16
    return i


def duplicate_central_entry(data, old_name, new_name):
    """Adds a second central directory entry over the same local data."""
    assert len(old_name) == len(new_name)
    end = data.rindex(b'PK\x05\x06')
    n_disk, n_total, cd_size, cd_offset = struct.unpack('<HHII', data[end + 8:end + 20])
    cd = data[cd_offset:cd_offset + cd_size]
    pos = 0
    while pos < len(cd):
        name_len, extra_len, comment_len = struct.unpack('<HHH', cd[pos + 28:pos + 34])
        size = 46 + name_len + extra_len + comment_len
        if cd[pos + 46:pos + 46 + name_len] == old_name:
            copy = cd[pos:pos + size].replace(old_name, new_name)
            break
        pos += size
    new_cd = cd + copy
    tail = data[end:end + 22]
    tail = tail[:8] + struct.pack('<HHII', n_disk + 1, n_total + 1, len(new_cd), cd_offset) + tail[20:]
    return data[:cd_offset] + new_cd + tail


def hostile(kind, out, arg=None):
    pdf = b'%PDF-1.4\n% evidence\n%%EOF\n'
    if kind == 'traversal':
        data = write(out, [(info(BAG + '../../escaped.txt'), b'escaped')])
    elif kind == 'absolute':
        data = write(out, [(info(arg), b'absolute')])
    elif kind == 'symlink':
        data = write(out, [(info(BAG + 'data/link.pdf', 0o120777), arg or '/etc/passwd')])
    elif kind == 'hardlink':
        data = write(out, [(info(BAG + 'data/a.pdf', 0o100644), pdf)])
        data = duplicate_central_entry(data, (BAG + 'data/a.pdf').encode(), (BAG + 'data/b.pdf').encode())
    elif kind == 'duplicate':
        import warnings
        warnings.simplefilter('ignore')
        data = write(out, [(info(BAG + 'data/a.pdf'), pdf), (info(BAG + 'data/a.pdf'), pdf + b'2')])
    elif kind == 'case':
        data = write(out, [(info(BAG + 'data/Report.pdf'), pdf), (info(BAG + 'data/report.pdf'), pdf)])
    elif kind == 'normalisation':
        nfc = unicodedata.normalize('NFC', 'data/café.pdf')
        nfd = unicodedata.normalize('NFD', 'data/café.pdf')
        data = write(out, [(info(BAG + nfc), pdf), (info(BAG + nfd), pdf)])
    elif kind == 'not-utf8':
        data = write(out, [(info(BAG + 'data/XX.pdf'), pdf)])
        data = data.replace(b'data/XX.pdf', b'data/\xff\xfe.pdf')
    elif kind == 'bomb':
        data = write(out, [(info(BAG + 'data/zeros.pdf'), b'\0' * (32 << 20))])
    elif kind == 'size-claim':
        data = write(out, [(info(BAG + 'data/a.pdf'), pdf)])
        end = data.rindex(b'PK\x05\x06')
        cd_offset = struct.unpack('<I', data[end + 16:end + 20])[0]
        # the last central entry is data/a.pdf: claim 4 GiB - 16 uncompressed
        last = data.rindex(b'PK\x01\x02', cd_offset, end)
        data = data[:last + 24] + struct.pack('<I', 0xfffffff0) + data[last + 28:]
    elif kind == 'not-a-bag':
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, 'w') as z:
            z.writestr('hello.txt', 'hello\n')
            z.writestr('photos/cat.jpg', b'\xff\xd8\xff')
        data = buffer.getvalue()
    else:
        raise SystemExit('unknown kind ' + kind)
    with open(out, 'wb') as f:
        f.write(data)


def rezip(bag_dir, out):
    """Zips BAG_DIR as its own top folder, PDFs and signatures stored."""
    parent = os.path.dirname(os.path.abspath(bag_dir))
    with zipfile.ZipFile(out, 'w') as z:
        for root, dirs, files in os.walk(bag_dir):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                arcname = os.path.relpath(path, parent)
                method = zipfile.ZIP_STORED if name.endswith(('.pdf', '.p7s')) else zipfile.ZIP_DEFLATED
                z.write(path, arcname, compress_type=method)


# Offsets of the fields a header shares: central directory, local header.
CENTRAL = {'version': 6, 'flags': 8, 'method': 10, 'crc': 16, 'csize': 20, 'usize': 24}
LOCAL = {'version': 4, 'flags': 6, 'method': 8, 'crc': 14, 'csize': 18, 'usize': 22}


def patch(src, out, suffix, where, field, value):
    """Changes one field of one entry's central or local header (or data
    descriptor), leaving everything else as it was: what a hostile sender
    does to make tools disagree. VALUE: a number, or for 'name' the new
    last character of the name."""
    data = bytearray(open(src, 'rb').read())
    end = data.rindex(b'PK\x05\x06')
    n_entries, cd_size, cd_offset = struct.unpack('<HII', data[end + 10:end + 20])
    pos = cd_offset
    for _ in range(n_entries):
        name_len, extra_len, comment_len = struct.unpack('<HHH', data[pos + 28:pos + 34])
        name = bytes(data[pos + 46:pos + 46 + name_len])
        local = struct.unpack('<I', data[pos + 42:pos + 46])[0]
        if name.endswith(suffix.encode()):
            break
        pos += 46 + name_len + extra_len + comment_len
    else:
        raise SystemExit('no entry ' + suffix)
    if where == 'central':
        base, fields, name_at = pos, CENTRAL, pos + 46
    elif where == 'local':
        base, fields, name_at = local, LOCAL, local + 30
    elif where == 'descriptor':
        local_name, local_extra = struct.unpack('<HH', data[local + 26:local + 30])
        csize = struct.unpack('<I', data[pos + 20:pos + 24])[0]
        base = local + 30 + local_name + local_extra + csize
        if data[base:base + 4] == b'PK\x07\x08':
            base += 4
        fields, name_at = {'crc': 0, 'csize': 4, 'usize': 8}, None
    if field == 'name':
        data[name_at + name_len - 1] = ord(value)
    else:
        size = 2 if field in ('version', 'flags', 'method') else 4
        data[base + fields[field]:base + fields[field] + size] = int(value, 0).to_bytes(size, 'little')
    with open(out, 'wb') as f:
        f.write(data)


if __name__ == '__main__':
    if sys.argv[1] == 'hostile':
        hostile(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    elif sys.argv[1] == 'rezip':
        rezip(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == 'patch':
        patch(*sys.argv[2:8])
    else:
        raise SystemExit(__doc__)
