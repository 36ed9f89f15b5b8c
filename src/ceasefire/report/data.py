"""What the daily situation report says, gathered from the store (no rendering here)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from typing import Any

from ceasefire.store import Store
from ceasefire.store.queries import EventFilter, event_sources, list_events

QUALIFIER_WORDS = {"at_least": "at least ", "more_than": "more than ", "about": "about ", "up_to": "up to ", "exact": ""}


def figure_text(fig: dict[str, Any] | None) -> str | None:
    """'at least 5', 'about 250', 'up to 50' from a v1 figure."""
    if not fig:
        return None
    q = fig.get("qualifier") or "exact"
    n = fig.get("high") if q == "up_to" and fig.get("best") is None else fig.get("best")
    if n is None:
        return None
    return f"{QUALIFIER_WORDS.get(q, '')}{n}"


def range_text(best: int | None, low: int | None, high: int | None) -> str:
    """'5' or '5 (sources: 3–7)'."""
    if best is None:
        return "—"
    low = best if low is None else low
    high = best if high is None else high
    return str(best) if low == high == best else f"{best} (sources: {low}–{high})"


def _place(p: dict[str, Any]) -> str:
    loc = p.get("location") or {}
    name, admin1 = loc.get("name"), loc.get("admin1")
    return ", ".join(x for x in (name, admin1 if admin1 != name else None) if x) or "place not reported"


def _event_item(row: dict[str, Any], sources: list[dict[str, Any]], verdicts: list[dict[str, Any]]) -> dict[str, Any]:
    p = row.get("payload") or {}
    actors = p.get("actors") or []
    att = p.get("attribution") or {}
    outlets = []
    for s in sources:
        name = s.get("outlet") or s.get("agency") or s.get("title") or "unnamed report"
        label = f"{name}, {s['published']}" if s.get("published") else name
        if label not in outlets:
            outlets.append(label)
    fat = (p.get("fatalities") or {})
    inj = (p.get("injured") or {})
    return {
        "id": row["id"],
        "event_type": row.get("event_type"),
        "sub_event_type": row.get("sub_event_type"),
        "area": row.get("admin1") or "Area not reported",
        "place": _place(p),
        "lat": row.get("lat"),
        "lon": row.get("lon"),
        "country": row.get("country"),
        "perpetrators": [a["name"] for a in actors if a.get("role") in ("perpetrator", "besieger")],
        "targets": [a["name"] for a in actors if a.get("role") == "target"],
        "parties": [a["name"] for a in actors if a.get("role") == "party"],
        "killed": figure_text(fat.get("total")),
        "killed_civilians": figure_text(fat.get("civilians")),
        "killed_children": figure_text(fat.get("children")),
        "injured": figure_text(inj.get("total")),
        "fatalities_best": row.get("fatalities_best"),
        "fatalities_low": row.get("fatalities_low"),
        "fatalities_high": row.get("fatalities_high"),
        "range": range_text(row.get("fatalities_best"), row.get("fatalities_low"), row.get("fatalities_high")),
        "certainty": att.get("certainty"),
        "monitors": att.get("sources") or [],
        "chain": att.get("chain") or [],
        "outlets": outlets,
        "n_sources": row.get("n_sources") or len(sources),
        "evidence": [" ".join(s["text"].split()) for s in p.get("evidence") or [] if s.get("text")],
        "violations": [v for v in verdicts if v.get("verdict") == "violation"],
        "reviewed": row.get("reviewed"),
    }


def _in_window(truce: dict[str, Any], day: date) -> bool:
    d = day.isoformat()
    for w in truce.get("windows") or []:
        if (w.get("valid_from") or "0000") <= d and (w.get("valid_until") is None or d <= w["valid_until"]):
            return True
    return False


def build_report(store: Store, day: date, area: str | None = None, chart_days: int = 7) -> dict[str, Any]:
    """Everything the daily report for ``day`` (optionally one ``area``) shows, as plain data.

    New events are those dated ``day`` (or spanning it); aggregate claims (tallies over
    several days or places) are listed apart and never added to the day's casualties.
    """
    from ceasefire.analyse import views

    rows = list_events(store, EventFilter(since=day, until=day, place=area))
    srcs = event_sources(store, [r["id"] for r in rows])
    all_verdicts = views.list_violations(store, since=day, until=day)
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for v in all_verdicts:
        by_event[v["event_id"]].append(v)
    events = [_event_item(r, srcs[r["id"]], by_event.get(r["id"], [])) for r in rows]
    events.sort(key=lambda e: (e["area"], -(e["fatalities_best"] or 0), e["place"]))

    areas: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        areas[e["area"]].append(e)

    event_ids = {e["id"] for e in events}
    violations = [v for v in all_verdicts if v["verdict"] == "violation" and (area is None or v["event_id"] in event_ids)]
    truces = views.list_truces(store)
    truce_names = {t["id"]: t["name"] for t in truces}
    per_truce: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for v in violations:
        per_truce[v["truce_id"]].append(v)
    truce_sections = []
    for t in truces:
        in_force = _in_window(t, day)
        if not (in_force or per_truce.get(t["id"])):
            continue
        detail = views.truce_detail(store, t["id"]) or {}
        changes_today = [c for c in detail.get("changes") or [] if c.get("date") == day.isoformat()]
        truce_sections.append({
            "id": t["id"], "name": t["name"], "status": t["status"], "in_force": in_force,
            "valid_from": t.get("valid_from"), "valid_until": t.get("valid_until"),
            "zone": t.get("zone_labels") or [], "parties": t.get("parties") or [], "excluded": t.get("excluded") or [],
            "brokers": t.get("brokers") or [], "violations": per_truce.get(t["id"], []), "changes": changes_today,
        })
    for tid, vs in per_truce.items():
        if tid not in {s["id"] for s in truce_sections}:
            truce_sections.append({"id": tid, "name": truce_names.get(tid, tid), "status": None, "in_force": True, "zone": [],
                                   "parties": [], "excluded": [], "brokers": [], "violations": vs, "changes": []})

    tallies = [r for r in list_events(store, EventFilter(since=day, until=day, place=area, include_aggregates=True)) if r.get("is_aggregate")]
    tally_srcs = event_sources(store, [r["id"] for r in tallies])
    aggregates = [_event_item(r, tally_srcs[r["id"]], []) for r in tallies]

    access_updates = []
    for placeinfo in views.access_status(store, place=area) if area else views.access_status(store):
        today = [x for x in placeinfo.get("timeline") or [] if x.get("date") == day.isoformat()
                 or (x.get("date") and x.get("date_end") and x["date"] <= day.isoformat() <= x["date_end"] and x.get("kind") != "siege")]
        if today or placeinfo.get("besieged"):
            access_updates.append({**placeinfo, "today": today})

    lethal = [e for e in events if e["fatalities_best"]]
    best = sum(e["fatalities_best"] or 0 for e in lethal)
    low = sum(e["fatalities_low"] if e["fatalities_low"] is not None else (e["fatalities_best"] or 0) for e in lethal)
    high = sum(e["fatalities_high"] if e["fatalities_high"] is not None else (e["fatalities_best"] or 0) for e in lethal)

    start = day - timedelta(days=chart_days - 1)
    week_rows = list_events(store, EventFilter(since=start, until=day, place=area))
    per_day: dict[str, dict[str, int]] = {(start + timedelta(days=i)).isoformat(): {} for i in range(chart_days)}
    for r in week_rows:
        d = r.get("date_start")
        key = d.isoformat() if isinstance(d, date) and d >= start else start.isoformat()
        if key in per_day:
            per_day[key][r.get("event_type") or "Other"] = per_day[key].get(r.get("event_type") or "Other", 0) + 1

    return {
        "day": day,
        "area": area,
        "generated_at": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "events": events,
        "areas": dict(sorted(areas.items())),
        "truces": truce_sections,
        "violations": violations,
        "aggregates": aggregates,
        "access": access_updates,
        "casualties": {"events": len(lethal), "best": best, "low": low, "high": high,
                       "rows": sorted(lethal, key=lambda e: -(e["fatalities_best"] or 0))},
        "chart": {"start": start, "days": per_day},
        "counts": {"events": len(events), "violations": len(violations), "areas": len(areas), "killed": best,
                   "reports": len({s for e in events for s in e["outlets"]})},
    }
