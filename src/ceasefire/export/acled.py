"""ACLED-style CSV: ACLED's columns, names and codes (see DOMAIN.md sections 1, 2 and 4).

Mapping of ceasefire's fields:
- ``event_id_cnty``: ISO3 + "-" + the event's stable id (ACLED's own numbers are not ours to give);
- ``event_date`` ISO (YYYY-MM-DD, as ACLED's API writes it); ``time_precision`` 1 day,
  2 a few days or a week, 3 a month or coarser;
- ``disorder_type``: Political violence / Demonstrations / Strategic developments by ACLED's rules;
- actors: perpetrators (or the first party) as actor 1, targets (or the other party) as
  actor 2; further ones in ``assoc_actor_*`` joined with "; "; ``interaction`` is both inter
  codes, lower first, X0 when one-sided;
- ``geo_precision`` 1 exact place, 2 near a place or a district, 3 province or country;
- ``fatalities``: the most conservative figure across sources (ACLED's rule), i.e. the low end;
- ``source``: outlets and the monitors they cite; ``notes``: "On <date>, " and the report's sentence;
- ``tags``: the fatality range when sources disagree, the attribution's certainty when it is
  not plain, and ceasefire's extensions;
- Humanitarian access events (not an ACLED type) go out as Strategic developments / Other
  with a ``humanitarian access: <kind>`` tag, so nothing is lost and no ACLED type is invented.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

from ceasefire.export.common import country_info, day, fatality_range, notes, sides, source_names

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]

GEO_PRECISION = {"exact": 1, "near": 2, "admin2": 2, "admin1": 3, "country": 3}
POLITICAL_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def time_precision(row: dict[str, Any]) -> int:
    prec = row.get("date_precision") or "day"
    start, end = row.get("date_start"), row.get("date_end")
    if prec == "day" and isinstance(start, date) and isinstance(end, date) and (end - start).days >= 1:
        prec = "week"
    return {"day": 1, "week": 2}.get(prec, 3)


def disorder_type(event_type: str, sub_event_type: str) -> str:
    if event_type in POLITICAL_VIOLENCE:
        return "Political violence"
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if sub_event_type == "Mob violence":
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    return "Strategic developments"


def _inter(actors: list[dict[str, Any]]) -> int | None:
    return next((a.get("inter") for a in actors if a.get("inter")), None)


def acled_row(row: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any]:
    """One event as an ACLED row (a dict keyed by ACLED's column names)."""
    p = row.get("payload") or {}
    event_type, sub = row.get("event_type") or p.get("event_type") or "", row.get("sub_event_type") or p.get("sub_event_type") or ""
    tags: list[str] = []
    if event_type == "Humanitarian access":
        tags.append(f"humanitarian access: {sub.lower()}")
        orgs = ((p.get("aid") or {}).get("organizations")) or []
        if orgs:
            tags.append("aid by: " + ", ".join(orgs))
        event_type, sub = "Strategic developments", "Other"
    if (p.get("agreement") or {}).get("status"):
        tags.append(f"agreement status: {p['agreement']['status']}")
    first, second = sides(p)
    inter1, inter2 = _inter(first), _inter(second)
    codes = sorted(c for c in (inter1, inter2) if c)
    interaction = "" if not codes else (codes[0] * 10 + codes[1] if len(codes) == 2 else codes[0] * 10)
    loc = p.get("location") or {}
    country = country_info(row.get("country"))
    best, low, high = fatality_range(row)
    if best is not None and low != high:
        tags.append(f"fatalities reported: {low}-{high}")
    certainty = (p.get("attribution") or {}).get("certainty")
    if certainty and certainty not in ("asserted", "reported"):
        tags.append(f"attribution: {certainty}")
    civ = ((p.get("fatalities") or {}).get("civilians") or {}).get("best")
    targets_civilians = any(a.get("inter") == 7 for a in second) or (civ or 0) > 0
    start = row.get("date_start")
    updated = row.get("updated_at")
    return {
        "event_id_cnty": f"{country.get('iso3', 'XXX')}-{row['id']}",
        "event_date": day(start),
        "year": start.year if isinstance(start, date) else "",
        "time_precision": time_precision(row),
        "disorder_type": disorder_type(event_type, sub),
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": first[0]["name"] if first else "",
        "assoc_actor_1": "; ".join(a["name"] for a in first[1:]),
        "inter1": inter1 or "",
        "actor2": second[0]["name"] if second else "",
        "assoc_actor_2": "; ".join(a["name"] for a in second[1:]),
        "inter2": inter2 or (0 if first else ""),
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if targets_civilians and event_type in POLITICAL_VIOLENCE else "",
        "iso": country.get("isonumeric", ""),
        "region": country.get("region", ""),
        "country": country.get("name", row.get("country") or ""),
        "admin1": row.get("admin1") or "",
        "admin2": row.get("admin2") or "",
        "admin3": loc.get("admin3") or "",
        "location": row.get("location_name") or "",
        "latitude": "" if row.get("lat") is None else round(row["lat"], 4),
        "longitude": "" if row.get("lon") is None else round(row["lon"], 4),
        "geo_precision": GEO_PRECISION.get(row.get("location_precision") or "", 3) if row.get("location_name") else "",
        "source": "; ".join(source_names(sources, p)),
        "source_scale": "",
        "notes": notes(row, p),
        "fatalities": low if low is not None else (best if best is not None else 0),
        "tags": "; ".join(tags),
        "timestamp": int(updated.timestamp()) if updated is not None else "",
    }


def write_acled_csv(events: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]], out: TextIO) -> int:
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for row, sources in events:
        w.writerow(acled_row(row, sources))
        n += 1
    return n
