"""Judging violent events against truces.

A violent event (Battles, Explosions/Remote violence, Violence against civilians; tallies over
days or areas are not events and are left out) is judged against a truce when its date falls in
one of the truce's windows and its place in the zone in force in that window:

- by or against an excluded group (Islamic State, al-Qaeda/Nusra, ...): ``out_of_scope``;
- its perpetrator is a party, or is unknown, or the truce's parties are an open list (a truce
  known from reports: reports name the parties they mention, not all of them): ``violation``;
- its perpetrator is known and the truce's parties are a closed list (declared) without it:
  ``not_party``.

Every verdict carries its explanation: the truce, the window (and why it has those bounds),
the zone rule matched and how, the perpetrator, the evidence, and the certainty:
``attributed`` (perpetrator named and asserted or reported), ``believed`` (only believed or
alleged), ``denied`` (the named perpetrator denies it), ``unattributed`` (no perpetrator named).

Open windows: a truce whose end no report gives (the February 2016 cessation of hostilities)
is judged from its start to the newest report in the store, and the explanation says the
window is open: "window open: in force since 2016-02-27, no end reported".
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa

from ceasefire.analyse import zones as Z
from ceasefire.analyse.truces import Registry, Truce, Window
from ceasefire.extract.agreements import actor_family, fold
from ceasefire.store import schema as t

VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
SIDE_ROLES = ("perpetrator", "party")


def violent_events(conn, since: date | None, until: date | None) -> list[dict[str, Any]]:
    """Active violent events (no tallies) dated between ``since`` and ``until``, without their payload."""
    e = t.events.c
    q = sa.select(
        e.id, e.event_type, e.sub_event_type, e.method, e.date_start, e.date_end, e.location_name, e.lat, e.lon,
        e.country, e.admin1, e.geonames_id, e.location_precision, e.fatalities_best,
    ).where(e.status == "active", e.event_type.in_(VIOLENT_TYPES), e.is_aggregate == sa.false(), e.date_start.is_not(None))
    if since:
        q = q.where(sa.func.coalesce(e.date_end, e.date_start) >= since)
    if until:
        q = q.where(e.date_start <= until)
    return [dict(r) for r in conn.execute(q).mappings()]


def _payloads(conn, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        for eid, payload in conn.execute(sa.select(t.events.c.id, t.events.c.payload).where(t.events.c.id.in_(ids[i:i + 500]))):
            out[eid] = payload or {}
    return out


def _window_for(rows: list[tuple[Window, list[dict[str, Any]]]], day: date, as_of: date):
    for w, zone in rows:
        start_ok = w.valid_from is not None and w.valid_from <= day
        end = w.valid_until if w.valid_until is not None else (as_of if w.closed_by is None else None)
        if start_ok and end is not None and day <= end:
            return w, zone
    return None


def judge(conn, reg: Registry) -> int:
    """Write a verdict for every (truce, violent event) inside a window and zone; returns how many.

    Events are read once for all truces, without their payload; the payload (actors,
    attribution, evidence) is read only for the events that fall inside a zone and window.
    """
    spans = []
    for tr in reg.truces:
        rows = tr.__dict__.get("rows") or []
        starts = [w.valid_from for w, _ in rows if w.valid_from]
        if starts:
            spans.append((tr, rows, min(starts), max(w.valid_until or reg.as_of for w, _ in rows)))
    if not spans:
        return 0
    events = violent_events(conn, min(s[2] for s in spans), max(s[3] for s in spans))
    hits = []
    for tr, rows, first, last in spans:
        for ev in events:
            if ev["date_start"] > last or (ev["date_end"] or ev["date_start"]) < first:
                continue
            hit = _window_for(rows, ev["date_start"], reg.as_of)
            if hit is None:
                continue
            window, zone = hit
            matched = Z.first_match(zone, ev)
            if matched is not None:
                hits.append((tr, ev, window, *matched))
    payloads = _payloads(conn, sorted({h[1]["id"] for h in hits}))
    values = []
    for tr, ev, window, rule, how in hits:
        ev = dict(ev, payload=payloads.get(ev["id"], {}))
        verdict = verdict_for(tr, ev)
        values.append({
            "truce_id": tr.id, "event_id": ev["id"], "window_id": window.__dict__.get("row_id"), "date": ev["date_start"],
            "verdict": verdict["verdict"], "zone_rule": Z.rule_label(rule), "certainty": verdict["certainty"],
            "explanation": explanation(tr, ev, window, rule, how, verdict, reg.as_of),
        })
    for i in range(0, len(values), 1000):
        conn.execute(sa.insert(t.violations), values[i:i + 1000])
    return len(values)


def _sides(ev: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    actors = (ev.get("payload") or {}).get("actors") or []
    perps = [a for a in actors if a.get("role") in SIDE_ROLES]
    targets = [a for a in actors if a.get("role") == "target"]
    if ev["event_type"] == "Battles":
        # In a clash either side may have fired first: both sides are engaged.
        perps = perps + [a for a in targets if (a.get("inter") or 0) not in (7,)]
    return perps, targets


def _family(name: str) -> str:
    return actor_family(name) or fold(name)


def verdict_for(tr: Truce, ev: dict[str, Any]) -> dict[str, Any]:
    """verdict, certainty and who, for one event inside the truce's zone and window."""
    perps, targets = _sides(ev)
    excluded = tr.families("excluded")
    parties = tr.families("parties")
    attribution = ((ev.get("payload") or {}).get("attribution") or {}).get("certainty") or "asserted"
    involved_excluded = list(dict.fromkeys(a["name"] for a in perps + targets if _family(a["name"]) in excluded))
    if involved_excluded:
        return {"verdict": "out_of_scope", "certainty": _certainty(perps, attribution), "excluded": involved_excluded,
                "perpetrators": [a["name"] for a in perps]}
    if not perps:
        return {"verdict": "violation", "certainty": "unattributed", "perpetrators": []}
    names = [a["name"] for a in perps]
    party_hits = [n for n in names if _family(n) in parties]
    if party_hits:
        return {"verdict": "violation", "certainty": _certainty(perps, attribution), "perpetrators": names, "parties": party_hits}
    if tr.parties_closed and parties:
        return {"verdict": "not_party", "certainty": _certainty(perps, attribution), "perpetrators": names}
    return {"verdict": "violation", "certainty": _certainty(perps, attribution), "perpetrators": names,
            "note": "perpetrator not named as a party; the truce's parties are known only from reports"}


def _certainty(perps: list[dict[str, Any]], attribution: str) -> str:
    if not perps:
        return "unattributed"
    if attribution in ("believed", "alleged"):
        return "believed"
    if attribution == "denied":
        return "denied"
    return "attributed"


def explanation(tr: Truce, ev: dict[str, Any], w: Window, rule: dict[str, Any], how: str, verdict: dict[str, Any], as_of: date) -> dict[str, Any]:
    payload = ev.get("payload") or {}
    if w.valid_until is None:
        window_words = f"window open: in force since {w.valid_from}, no end reported (judged up to {as_of})"
    else:
        window_words = f"window {w.valid_from} to {w.valid_until}"
    place = ", ".join(x for x in (ev.get("location_name"), ev.get("admin1")) if x) or "an unnamed place"
    perps = verdict.get("perpetrators") or []
    who = " and ".join(perps) if perps else "an unnamed perpetrator"
    if verdict["verdict"] == "out_of_scope":
        text = (f"Outside the scope of {tr.name}: {', '.join(verdict['excluded'])} "
                f"{'is' if len(verdict['excluded']) == 1 else 'are'} excluded from it; {ev['sub_event_type'].lower()} at {place} on {ev['date_start']} ({how}; {window_words}).")
    elif verdict["verdict"] == "not_party":
        text = f"Not a party to {tr.name}: {who}; {ev['sub_event_type'].lower()} at {place} on {ev['date_start']} ({how}; {window_words})."
    else:
        certainty = {"attributed": "perpetrator attributed", "believed": "perpetrator only believed or alleged",
                     "denied": "perpetrator denies it", "unattributed": "no perpetrator named"}[verdict["certainty"]]
        text = (f"Possible violation of {tr.name}: {ev['sub_event_type'].lower()} by {who} at {place} on {ev['date_start']}; "
                f"zone: {Z.rule_label(rule)} ({how}); {window_words}; {certainty}.")
    return {
        "text": text,
        "truce": {"id": tr.id, "name": tr.name},
        "window": {"from": w.valid_from.isoformat() if w.valid_from else None,
                   "until": w.valid_until.isoformat() if w.valid_until else None,
                   "open": w.valid_until is None, "basis": w.basis},
        "zone_rule": Z.rule_label(rule),
        "zone_match": how,
        "perpetrators": perps,
        "excluded": verdict.get("excluded") or [],
        "note": verdict.get("note"),
        "attribution": (payload.get("attribution") or {}),
        "evidence": [s.get("text") for s in payload.get("evidence") or []],
        "event": {"id": ev["id"], "type": ev["event_type"], "sub_event_type": ev["sub_event_type"], "method": ev.get("method"),
                  "date": ev["date_start"].isoformat(), "place": place, "fatalities": ev.get("fatalities_best")},
    }
