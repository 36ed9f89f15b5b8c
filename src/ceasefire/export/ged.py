"""UCDP GED-like CSV: one row per lethal event of organised violence, with best/low/high.

GED codes events where organised armed force kills at least one person, so only events of
type Battles, Explosions/Remote violence and Violence against civilians with a best figure
of at least one are written. ``type_of_violence``: 3 (one-sided) when civilians are the
target, else 1 (state-based) when a state force (ACLED inter 1 or 8) is involved, else 2.
Deaths are not split by side in the reports, so ``deaths_civilians`` carries the civilian
figure and ``deaths_unknown`` the rest; ``deaths_a`` and ``deaths_b`` are 0.
``where_prec`` and ``date_prec`` follow DOMAIN.md section 4.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

from ceasefire.export.common import country_info, day, fatality_range, notes, sides, source_names

COLUMNS = [
    "id", "year", "type_of_violence", "dyad_name", "side_a", "side_b", "number_of_sources", "source_article",
    "source_office", "source_date", "source_headline", "where_prec", "where_description", "adm_1", "adm_2",
    "latitude", "longitude", "geom_wkt", "country", "iso3", "region", "event_clarity", "date_prec", "date_start",
    "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
]

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
WHERE_PREC = {"exact": 1, "near": 2, "admin2": 3, "admin1": 4, "country": 6}


def date_prec(row: dict[str, Any]) -> int:
    start, end = row.get("date_start"), row.get("date_end")
    prec = row.get("date_precision") or "day"
    if prec == "day" and isinstance(start, date) and isinstance(end, date):
        span = (end - start).days
        if span == 0:
            return 1
        return 2 if span <= 5 else 3 if span <= 7 else 4
    return {"day": 1, "week": 3, "month": 4, "year": 5}.get(prec, 5)


def type_of_violence(row: dict[str, Any], first: list[dict], second: list[dict]) -> int:
    if row.get("event_type") == "Violence against civilians" or any(a.get("inter") == 7 for a in second):
        return 3
    if any(a.get("inter") in (1, 8) for a in first + second):
        return 1
    return 2


def ged_row(row: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One event as a GED-like row, or None when GED would not code it."""
    best, low, high = fatality_range(row)
    if row.get("event_type") not in VIOLENT or not best or best < 1:
        return None
    p = row.get("payload") or {}
    first, second = sides(p)
    tov = type_of_violence(row, first, second)
    side_a = first[0]["name"] if first else "Unknown"
    side_b = "Civilians" if tov == 3 else (second[0]["name"] if second else "Unknown")
    civ = ((p.get("fatalities") or {}).get("civilians") or {}).get("best") or 0
    if tov == 3 and not civ:
        civ = best
    civ = min(civ, best)
    country = country_info(row.get("country"))
    lat, lon = row.get("lat"), row.get("lon")
    return {
        "id": row["id"],
        "year": row["date_start"].year if isinstance(row.get("date_start"), date) else "",
        "type_of_violence": tov,
        "dyad_name": f"{side_a} - {side_b}",
        "side_a": side_a,
        "side_b": side_b,
        "number_of_sources": row.get("n_sources") or len(sources),
        "source_article": "; ".join(f"\"{s.get('title') or ''}\", {s.get('outlet') or s.get('agency') or ''}, {s.get('published') or ''}" for s in sources),
        "source_office": "; ".join(source_names(sources, p)),
        "source_date": "; ".join(sorted({s["published"] for s in sources if s.get("published")})),
        "source_headline": "; ".join(s["title"] for s in sources if s.get("title")),
        "where_prec": WHERE_PREC.get(row.get("location_precision") or "", 5) if row.get("location_name") else 6,
        "where_description": notes(row, p)[:500] if not row.get("location_name") else row["location_name"],
        "adm_1": row.get("admin1") or "",
        "adm_2": row.get("admin2") or "",
        "latitude": "" if lat is None else round(lat, 6),
        "longitude": "" if lon is None else round(lon, 6),
        "geom_wkt": "" if lat is None or lon is None else f"POINT ({lon:.6f} {lat:.6f})",
        "country": country.get("name", row.get("country") or ""),
        "iso3": country.get("iso3", ""),
        "region": country.get("region", ""),
        "event_clarity": 2 if row.get("is_aggregate") else 1,
        "date_prec": date_prec(row),
        "date_start": day(row.get("date_start")),
        "date_end": day(row.get("date_end") or row.get("date_start")),
        "deaths_a": 0,
        "deaths_b": 0,
        "deaths_civilians": civ,
        "deaths_unknown": best - civ,
        "best": best,
        "high": max(high, best),
        "low": min(low, best),
    }


def write_ged_csv(events: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]], out: TextIO) -> int:
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for row, sources in events:
        r = ged_row(row, sources)
        if r is not None:
            w.writerow(r)
            n += 1
    return n
