#!/usr/bin/env python3
# Copyright 2025-2026 The CoopZone authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate resources/calendar/holidays-cn.json from the npm package chinese-days.

Usage:
    cd "$(mktemp -d)" && npm pack chinese-days
    python3 build-aux/gen-holidays.py chinese-days-X.Y.Z.tgz > resources/calendar/holidays-cn.json

Reads package/package.json and package/dist/chinese-days.json straight out of
the tarball (python3 stdlib only). The output keeps, per calendar year, the
days off (holidays, including the weekend days inside a holiday period) and the
adjusted working days (调休: weekend days that are worked), each with the
Chinese name of the holiday it belongs to. The package's "inLieuDays" are not
kept: they are already days off in "holidays".
"""

import json
import re
import sys
import tarfile

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def holiday_name(value):
    # "Spring Festival,春节,4" → "春节"
    parts = value.split(",")
    return parts[1] if len(parts) >= 2 else value


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2

    with tarfile.open(argv[1], "r:gz") as tar:
        package = json.load(tar.extractfile("package/package.json"))
        data = json.load(tar.extractfile("package/dist/chinese-days.json"))

    years = {}
    for kind in ("holidays", "workdays"):
        for date, value in data[kind].items():
            if not DATE_RE.match(date):
                raise SystemExit(f"unexpected date {date!r} in {kind}")
            year = years.setdefault(date[:4], {"holidays": {}, "workdays": {}})
            year[kind][date] = holiday_name(value)

    overlap = [d for y in years.values() for d in y["holidays"] if d in y["workdays"]]
    if overlap:
        raise SystemExit(f"dates both holiday and working day: {overlap}")

    out = {
        "format": 1,
        "source": {
            "package": package["name"],
            "version": package["version"],
            "license": package.get("license", "MIT"),
            "repository": package.get("repository", {}).get("url", ""),
        },
        "years": {
            y: {k: dict(sorted(v.items())) for k, v in sorted(years[y].items())}
            for y in sorted(years)
        },
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
