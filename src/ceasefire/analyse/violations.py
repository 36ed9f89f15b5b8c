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
alleged), ``denied`` (the named perpetrator denies it), ``unattributed`` (no perpetrator
named, or only an "Unidentified Armed Group", which names no one).

Open windows: a truce whose end no report gives (the February 2016 cessation of hostilities)
is judged from its start to the newest report in the store, and the explanation says the
window is open: "window open: in force since 2016-02-27, no end reported".
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from ceasefire.analyse import zones as Z
from ceasefire.analyse.truces import Registry, Truce, Window
from ceasefire.extract.agreements import actor_family, fold
from ceasefire.store import schema as t

VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
SIDE_ROLES = ("perpetrator", "party")


def violent_events(conn, since: date | None, until: date | None, changed_after: datetime | None = None) -> list[dict[str, Any]]:
    """Active violent events (no tallies) dated between ``since`` and ``until`` (and written after
    ``changed_after``), without their payload."""
    e = t.events.c
    q = sa.select(
        e.id, e.event_type, e.sub_event_type, e.method, e.date_start, e.date_end, e.location_name, e.lat, e.lon,
        e.country, e.admin1, e.geonames_id, e.location_precision, e.fatalities_best, e.updated_at,
    ).where(e.status == "active", e.event_type.in_(VIOLENT_TYPES), e.is_aggregate == sa.false(), e.date_start.is_not(None))
    if changed_after is not None:
        q = q.where(e.updated_at > changed_after)
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
    """Bring every truce's verdicts up to date; returns how many verdicts were written.

    A verdict exists for every (truce, violent event) inside a window and the zone in force
    then. A truce whose fingerprint (windows, zone, parties, exclusions) is unchanged since the
    last run keeps its verdicts, and only events written since then (``updated_at``) are judged
    again; any other truce is judged afresh. Events are read without their payload; the payload
    (actors, attribution, evidence) is read only for the events that fall inside a zone and window.
    """
    e = t.events.c
    newest = conn.execute(sa.select(sa.func.max(e.updated_at))).scalar()
    newest_iso = newest.isoformat() if hasattr(newest, "isoformat") else (str(newest) if newest else None)
    # Events no longer active (merged, split, deleted by review) have no verdicts.
    conn.execute(sa.delete(t.violations).where(t.violations.c.event_id.in_(sa.select(e.id).where(e.status != "active"))))
    spans = []
    for tr in reg.truces:
        rows = tr.__dict__.get("rows") or []
        old_fp, judged_at = tr.__dict__.get("judged") or (None, None)
        fresh = old_fp != tr.__dict__.get("fingerprint") or not judged_at
        since_update = None if fresh else _parse_ts(judged_at)
        if fresh:
            conn.execute(sa.delete(t.violations).where(t.violations.c.truce_id == tr.id))
        starts = [w.valid_from for w, _ in rows if w.valid_from]
        if starts:
            spans.append((tr, rows, min(starts), max(w.valid_until or reg.as_of for w, _ in rows), since_update))
    n = 0
    if spans:
        all_fresh = all(s[4] is None for s in spans)
        changed_after = None if all_fresh else min((s[4] for s in spans if s[4] is not None), default=None)
        events = violent_events(conn, min(s[2] for s in spans), max(s[3] for s in spans),
                                changed_after=None if all_fresh or any(s[4] is None for s in spans) else changed_after)
        hits = []
        for tr, rows, first, last, since_update in spans:
            todo = events if since_update is None else [ev for ev in events if _after(ev["updated_at"], since_update)]
            if since_update is not None and todo:
                ids = [ev["id"] for ev in todo]
                for i in range(0, len(ids), 500):
                    conn.execute(sa.delete(t.violations).where(t.violations.c.truce_id == tr.id, t.violations.c.event_id.in_(ids[i:i + 500])))
            for ev in todo:
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
        n = len(values)
    for tr in reg.truces:
        payload = conn.execute(sa.select(t.truces.c.payload).where(t.truces.c.id == tr.id)).scalar() or {}
        payload = {**payload, "fingerprint": tr.__dict__.get("fingerprint"), "judged_at": newest_iso}
        conn.execute(sa.update(t.truces).where(t.truces.c.id == tr.id).values(payload=payload))
    return n


def _parse_ts(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _after(value: Any, since: datetime) -> bool:
    ts = _parse_ts(value)
    if ts is None:
        return True
    if (ts.tzinfo is None) != (since.tzinfo is None):
        ts, since = ts.replace(tzinfo=None), since.replace(tzinfo=None)
    return ts > since


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
    if not [a for a in perps if not _unidentified(a)]:
        # "Unidentified Armed Group" is how a coder files an act no one was named for: it names
        # nobody, so it can be no party's violation and no one outside the truce either.
        return {"verdict": "violation", "certainty": "unattributed", "perpetrators": [a["name"] for a in perps]}
    names = [a["name"] for a in perps]
    party_hits = [n for n in names if _family(n) in parties]
    if party_hits:
        return {"verdict": "violation", "certainty": _certainty(perps, attribution), "perpetrators": names, "parties": party_hits}
    if tr.parties_closed and parties:
        return {"verdict": "not_party", "certainty": _certainty(perps, attribution), "perpetrators": names}
    return {"verdict": "violation", "certainty": _certainty(perps, attribution), "perpetrators": names,
            "note": "perpetrator not named as a party; the truce's parties are known only from reports"}


def _unidentified(actor: dict[str, Any]) -> bool:
    return actor.get("name", "").lower().startswith("unidentified ")


def _certainty(perps: list[dict[str, Any]], attribution: str) -> str:
    if not [a for a in perps if not _unidentified(a)]:
        return "unattributed"
    if attribution in ("believed", "alleged"):
        return "believed"
    if attribution == "denied":
        return "denied"
    return "attributed"


def explanation(tr: Truce, ev: dict[str, Any], w: Window, rule: dict[str, Any], how: str, verdict: dict[str, Any], as_of: date) -> dict[str, Any]:
    payload = ev.get("payload") or {}
    if w.valid_until is None:
        window_words = f"window open: in force since {w.valid_from}, no end reported"
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
