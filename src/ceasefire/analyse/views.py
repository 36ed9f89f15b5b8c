"""Read views of the monitor for the surfaces (CLI, API, dashboard, report).

Every function returns plain dicts/lists ready for JSON (dates as ISO strings).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa

from ceasefire.analyse import zones as Z
from ceasefire.extract.agreements import fold
from ceasefire.store import Store
from ceasefire.store import schema as t

VERDICTS = ("violation", "out_of_scope", "not_party")


def _iso(d: Any) -> str | None:
    if d is None:
        return None
    return d.isoformat() if hasattr(d, "isoformat") else str(d)[:10]


def _rule_out(rule: dict[str, Any]) -> dict[str, Any]:
    """A zone rule for the surfaces: the rule plus ``description`` (in words) and ``radius_km``."""
    out = dict(rule)
    out["description"] = Z.rule_label(rule)
    if rule.get("type") in ("radius", "place"):
        out["radius_km"] = rule.get("km")
    return out


def _windows(conn, truce_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in truce_ids}
    if not truce_ids:
        return out
    q = sa.select(t.truce_windows).where(t.truce_windows.c.truce_id.in_(truce_ids)).order_by(
        t.truce_windows.c.truce_id, t.truce_windows.c.valid_from, t.truce_windows.c.id)
    for r in conn.execute(q).mappings():
        out[r["truce_id"]].append({
            "id": r["id"], "valid_from": _iso(r["valid_from"]), "valid_until": _iso(r["valid_until"]),
            "open": r["valid_until"] is None, "zone": [_rule_out(z) for z in r["zone"] or []],
            "zone_labels": [z.get("label") or Z.rule_label(z) for z in r["zone"] or []], "claim_id": r["claim_id"],
        })
    return out


def _counts(conn) -> dict[tuple[str, str], int]:
    q = sa.select(t.violations.c.truce_id, t.violations.c.verdict, sa.func.count()).group_by(t.violations.c.truce_id, t.violations.c.verdict)
    return {(r[0], r[1]): r[2] for r in conn.execute(q)}


def _truce_dict(row: dict[str, Any], windows: list[dict[str, Any]], counts: dict[tuple[str, str], int]) -> dict[str, Any]:
    payload = row["payload"] or {}
    zone = row["zone"] or []
    current = windows[-1] if windows else None
    return {
        "id": row["id"],
        "name": row["name"],
        "kind": row["kind"],
        "status": row["status"],
        "origin": row["origin"],
        "aliases": row["aliases"] or [],
        "parties": row["parties"] or [],
        "parties_closed": bool(payload.get("parties_closed")),
        "brokers": row["brokers"] or [],
        "excluded": row["excluded"] or [],
        "zone": [_rule_out(z) for z in zone],
        "zone_labels": [Z.rule_label(z) for z in zone],
        "pending": payload.get("pending") or [],
        "windows": windows,
        "valid_from": windows[0]["valid_from"] if windows else None,
        "valid_until": current["valid_until"] if current else None,
        "first_seen": payload.get("first_seen"),
        "last_seen": payload.get("last_seen"),
        "as_of": payload.get("as_of"),
        "reference": payload.get("reference"),
        "declared_by": payload.get("declared_by"),
        "violations": counts.get((row["id"], "violation"), 0),
        "out_of_scope": counts.get((row["id"], "out_of_scope"), 0),
        "not_party": counts.get((row["id"], "not_party"), 0),
    }


def list_truces(store: Store) -> list[dict[str, Any]]:
    """Every truce: id, name, kind, status, origin, parties, brokers, excluded, zone, windows, counts."""
    with store.connect() as conn:
        rows = [dict(r) for r in conn.execute(sa.select(t.truces)).mappings()]
        windows = _windows(conn, [r["id"] for r in rows])
        counts = _counts(conn)
    out = [_truce_dict(r, windows[r["id"]], counts) for r in rows]
    out.sort(key=lambda x: (x["last_seen"] or x["valid_from"] or "", x["id"]), reverse=True)
    return out


def find_truce_id(conn, truce_id_or_name: str) -> str | None:
    """A truce by id, name, alias, or a word of its name (when only one truce has it)."""
    rows = [dict(r) for r in conn.execute(sa.select(t.truces.c.id, t.truces.c.name, t.truces.c.aliases)).mappings()]
    needle = fold(truce_id_or_name)
    for r in rows:
        if r["id"] == truce_id_or_name or fold(r["name"]) == needle:
            return r["id"]
    by_alias = [r["id"] for r in rows if needle in {fold(a) for a in r["aliases"] or []}]
    if len(by_alias) == 1:
        return by_alias[0]
    partial = [r["id"] for r in rows if needle in fold(r["name"]) or needle in r["id"]]
    if len(partial) == 1:
        return partial[0]
    return by_alias[0] if by_alias else None


def truce_detail(store: Store, truce_id_or_name: str) -> dict[str, Any] | None:
    """One truce with its lifecycle (``changes``), windows, zone, ``violations`` and ``out_of_scope``."""
    with store.connect() as conn:
        tid = find_truce_id(conn, truce_id_or_name)
        if tid is None:
            return None
        row = dict(conn.execute(sa.select(t.truces).where(t.truces.c.id == tid)).mappings().one())
        windows = _windows(conn, [tid])[tid]
        counts = _counts(conn)
        changes = []
        q = (
            sa.select(t.truce_changes, t.claims.c.document_id, t.documents.c.title, t.documents.c.published, t.documents.c.outlet, t.documents.c.url)
            .select_from(t.truce_changes.outerjoin(t.claims, t.claims.c.id == t.truce_changes.c.claim_id)
                         .outerjoin(t.documents, t.documents.c.id == t.claims.c.document_id))
            .where(t.truce_changes.c.truce_id == tid)
            .order_by(t.truce_changes.c.date.nulls_first(), t.truce_changes.c.id)
        )
        for r in conn.execute(q).mappings():
            changes.append({
                "date": _iso(r["date"]), "status": r["status"], "evidence": r["evidence"], "claim_id": r["claim_id"],
                "document": {"id": r["document_id"], "title": r["title"], "published": _iso(r["published"]),
                             "outlet": r["outlet"], "url": r["url"]} if r["document_id"] else None,
                "detail": r["payload"] or {},
            })
    out = _truce_dict(row, windows, counts)
    out["changes"] = changes
    verdicts = list_violations(store, truce=tid, verdict=None)
    out["violations"] = [v for v in verdicts if v["verdict"] == "violation"]
    out["out_of_scope_events"] = [v for v in verdicts if v["verdict"] == "out_of_scope"]
    out["not_party_events"] = [v for v in verdicts if v["verdict"] == "not_party"]
    out["tallies"] = violation_tallies(store, truce=tid, by="day")
    return out


def list_violations(
    store: Store,
    truce: str | None = None,
    since: date | None = None,
    until: date | None = None,
    verdict: str | None = None,
    event_id: str | None = None,
) -> list[dict[str, Any]]:
    """Verdicts (all kinds unless ``verdict`` is given): truce_id, truce, event_id, date, verdict,
    zone_rule, certainty, explanation, and the event's type, place and fatalities; oldest first."""
    v, e = t.violations.c, t.events.c
    q = (
        sa.select(v.id, v.truce_id, t.truces.c.name.label("truce"), v.event_id, v.window_id, v.date, v.verdict, v.zone_rule,
                  v.certainty, v.explanation, e.event_type, e.sub_event_type, e.method, e.location_name, e.admin1,
                  e.lat, e.lon, e.fatalities_best)
        .join(t.truces, t.truces.c.id == v.truce_id)
        .join(t.events, t.events.c.id == v.event_id)
        .order_by(v.date, v.truce_id, v.event_id)
    )
    with store.connect() as conn:
        if truce:
            tid = find_truce_id(conn, truce)
            if tid is None:
                return []
            q = q.where(v.truce_id == tid)
        if since:
            q = q.where(v.date >= since)
        if until:
            q = q.where(v.date <= until)
        if verdict:
            q = q.where(v.verdict == verdict)
        if event_id:
            q = q.where(v.event_id == event_id)
        rows = [dict(r) for r in conn.execute(q).mappings()]
    for r in rows:
        r["date"] = _iso(r["date"])
        r["place"] = ", ".join(x for x in (r["location_name"], r["admin1"]) if x) or None
        r["truce_name"] = r["truce"]
        r["event_title"] = f"{r['sub_event_type']} at {r['place'] or 'an unnamed place'}"
        r["perpetrators"] = (r["explanation"] or {}).get("perpetrators") or []
    return rows


def access_status(store: Store, place: str | None = None) -> list[dict[str, Any]]:
    """Per place: status, besiegers, since, last delivery, a one-line summary and the timeline
    of sieges, deliveries, evacuations and denials; besieged places first."""
    from ceasefire.analyse.access import all_places

    with store.connect() as conn:
        return all_places(conn, place)


TALLY_COLUMNS = ("violations", "air_strikes", "shelling", "explosions", "small_arms", "other", "fatalities", "injured")


def _category(row: dict[str, Any]) -> str:
    sub, method = row.get("sub_event_type") or "", row.get("method") or ""
    if sub == "Air/drone strike" or method in ("air_strike", "barrel_bomb", "drone"):
        return "air_strikes"
    if sub == "Shelling/artillery/missile attack" or method in ("artillery", "rocket", "missile"):
        return "shelling"
    if row.get("event_type") == "Explosions/Remote violence" or method in ("explosive_device", "vehicle_bomb", "suicide_bomb", "landmine", "grenade"):
        return "explosions"
    if sub in ("Armed clash", "Attack") or method in ("small_arms", "execution"):
        return "small_arms"
    return "other"


def violation_tallies(
    store: Store,
    truce: str | None = None,
    since: date | None = None,
    until: date | None = None,
    by: str = "day",
) -> list[dict[str, Any]]:
    """Counts of violations in the manner of a monitoring mission's daily report.

    One row per day (``by="day"``) or per governorate and place (``by="area"``), per truce:
    violations, air_strikes, shelling, explosions (other explosive attacks: IEDs, car and
    suicide bombs, grenades), small_arms (clashes, shootings), other, fatalities and injured
    (sums of the events' best figures). Only ``violation`` verdicts are counted.
    """
    if by not in ("day", "area"):
        raise ValueError("by must be 'day' or 'area'")
    rows = list_violations(store, truce=truce, since=since, until=until, verdict="violation")
    event_ids = [r["event_id"] for r in rows]
    injured: dict[str, int] = {}
    if event_ids:
        with store.connect() as conn:
            for i in range(0, len(event_ids), 500):
                for eid, payload in conn.execute(sa.select(t.events.c.id, t.events.c.payload).where(t.events.c.id.in_(event_ids[i:i + 500]))):
                    total = ((payload or {}).get("injured") or {}).get("total") or {}
                    injured[eid] = total.get("best") or 0
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        key = r["date"] if by == "day" else (r["admin1"] or "unknown area") + (f" / {r['location_name']}" if r["location_name"] else "")
        k = (r["truce_id"], key)
        if k not in out:
            out[k] = {"truce_id": r["truce_id"], "truce": r["truce"], by: key, **{c: 0 for c in TALLY_COLUMNS}}
            if by == "area":
                out[k]["admin1"] = r["admin1"]
                out[k]["place"] = r["location_name"]
        cell = out[k]
        cell["violations"] += 1
        cell[_category(r)] += 1
        cell["fatalities"] += r["fatalities_best"] or 0
        cell["injured"] += injured.get(r["event_id"], 0)
    return sorted(out.values(), key=lambda c: (c["truce_id"], c[by]))
