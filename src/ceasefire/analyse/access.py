"""Humanitarian access per place: sieges, aid deliveries, evacuations, access denials.

``rebuild(conn)`` rewrites the ``access`` table from the store's `Humanitarian access` events;
``place_status`` folds one place's rows into its status and timeline:
"Madaya — besieged by government forces; aid entered 2016-04-30 (ICRC)".

A place is besieged from its earliest siege report until a report says the siege was lifted;
the besiegers are every party a siege report names for it.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from ceasefire.extract.agreements import actor_family, family_label, fold, governorate, monitor_lexicon
from ceasefire.store import schema as t

KINDS = {"Siege": "siege", "Aid delivery": "aid_delivery", "Evacuation": "evacuation", "Access denied": "access_denied"}


def rebuild(conn) -> int:
    """Rewrite the access table from the active Humanitarian access events; returns the row count."""
    conn.execute(sa.delete(t.access))
    e = t.events.c
    rows = conn.execute(
        sa.select(e.id, e.sub_event_type, e.date_start, e.date_end, e.location_name, e.lat, e.lon, e.admin1, e.geonames_id, e.payload)
        .where(e.status == "active", e.event_type == "Humanitarian access")
    ).mappings().all()
    first_claim = _first_claims(conn, [r["id"] for r in rows])
    n = 0
    for r in rows:
        kind = KINDS.get(r["sub_event_type"])
        payload = r["payload"] or {}
        loc = payload.get("location") or {}
        name = r["location_name"] or loc.get("name")
        if kind is None or not name:
            continue
        aid = payload.get("aid") or {}
        actors = [{"name": a["name"], "role": a.get("role")} for a in payload.get("actors") or []]
        status = aid.get("status") or {"siege": "besieged", "aid_delivery": "delivered", "evacuation": "evacuated",
                                      "access_denied": "denied"}[kind]
        items = aid.get("items")
        conn.execute(sa.insert(t.access).values(
            kind=kind, place_name=name, geonames_id=r["geonames_id"], admin1=governorate(r["admin1"]) or r["admin1"],
            lat=r["lat"], lon=r["lon"], date_start=r["date_start"], date_end=r["date_end"], status=status, actors=actors,
            organizations=aid.get("organizations") or [], trucks=aid.get("trucks"),
            items=items if isinstance(items, list) or items is None else [items],
            event_id=r["id"], claim_id=first_claim.get(r["id"]),
            evidence=" … ".join(s.get("text", "") for s in payload.get("evidence") or []) or None,
        ))
        n += 1
    return n


def _first_claims(conn, ids: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(ids), 500):
        q = sa.select(t.event_claims.c.event_id, sa.func.min(t.event_claims.c.claim_id)).where(
            t.event_claims.c.event_id.in_(ids[i:i + 500])).group_by(t.event_claims.c.event_id)
        out.update({r[0]: r[1] for r in conn.execute(q)})
    return out


def place_key(row: dict[str, Any]) -> str:
    """One key per place whatever the spelling: the GeoNames id, else the folded name without "al-"."""
    if row.get("geonames_id"):
        return f"gn:{row['geonames_id']}"
    name = fold(row.get("place_name") or "")
    for prefix in ("al ", "el ", "ar ", "as ", "az ", "ad "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return f"nm:{name}"


def _iso(d: Any) -> str | None:
    if d is None:
        return None
    return d.isoformat() if hasattr(d, "isoformat") else str(d)[:10]


def plain_actor(name: str) -> str:
    """"Military Forces of Syria (2000-)" -> "government forces"; unknown names stay as they are."""
    key = actor_family(name)
    return family_label(key) if key else name


def place_status(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Status, besiegers, since and timeline of one place from its access rows."""
    rows = sorted(rows, key=lambda r: (_iso(r["date_start"]) or "", r["kind"] != "siege", r["id"]))
    name = _best_name(rows)
    sieges = [r for r in rows if r["kind"] == "siege"]
    lifted = [r for r in sieges if r["status"] == "lifted"]
    held = [r for r in sieges if r["status"] != "lifted"]
    last_lift = max((_iso(r["date_start"]) for r in lifted), default=None)
    last_hold = max((_iso(r["date_end"] or r["date_start"]) for r in held), default=None)
    besieged = bool(held) and (last_lift is None or (last_hold or "") > last_lift)
    besiegers: list[str] = []
    for r in held:
        for a in r["actors"] or []:
            if a.get("role") == "besieger" and a["name"] not in besiegers:
                besiegers.append(a["name"])
    since = min((_iso(r["date_start"]) for r in held), default=None)
    deliveries = [r for r in rows if r["kind"] == "aid_delivery"]
    timeline = []
    for r in rows:
        timeline.append({
            "kind": r["kind"], "date": _iso(r["date_start"]), "date_end": _iso(r["date_end"]), "status": r["status"],
            "actors": r["actors"] or [], "organizations": r["organizations"] or [], "trucks": r["trucks"],
            "items": r["items"], "event_id": r["event_id"], "claim_id": r["claim_id"], "evidence": r["evidence"],
        })
    status = "besieged" if besieged else ("siege lifted" if lifted else ("access denied" if rows and rows[-1]["kind"] == "access_denied" else "not besieged"))
    summary = name + " — "
    if besieged:
        summary += "besieged by " + (" and ".join(plain_actor(b) for b in besiegers) if besiegers else "unnamed forces")
        if since:
            summary += f" (reported since {since[:4] if _is_year_start(held) else since})"
    else:
        summary += status
    if deliveries:
        last = deliveries[-1]
        orgs = "/".join(last["organizations"] or []) or "organisation not named"
        trucks = f", {last['trucks']} trucks" if last["trucks"] else ""
        summary += f"; aid entered {_iso(last['date_start'])} ({orgs}{trucks})"
    denied = [r for r in rows if r["kind"] == "access_denied"]
    if denied:
        summary += f"; access denied {_iso(denied[-1]['date_start'])}"
    evac = [r for r in rows if r["kind"] == "evacuation"]
    if evac:
        summary += f"; evacuation {_iso(evac[-1]['date_start'])}"
    first = rows[0]
    return {
        "place": name,
        "place_key": place_key(first),
        "geonames_id": next((r["geonames_id"] for r in rows if r["geonames_id"]), None),
        "admin1": next((r["admin1"] for r in rows if r["admin1"]), None),
        "lat": next((r["lat"] for r in rows if r["lat"] is not None), None),
        "lon": next((r["lon"] for r in rows if r["lon"] is not None), None),
        "status": status,
        "besieged": besieged,
        "besiegers": besiegers,
        "besiegers_plain": [plain_actor(b) for b in besiegers],
        "since": since,
        "last_delivery": {"date": _iso(deliveries[-1]["date_start"]), "organizations": deliveries[-1]["organizations"] or [],
                          "trucks": deliveries[-1]["trucks"], "items": deliveries[-1]["items"]} if deliveries else None,
        "deliveries": len(deliveries),
        "summary": summary,
        "timeline": timeline,
    }


def _is_year_start(held: list[dict[str, Any]]) -> bool:
    first = min(held, key=lambda r: _iso(r["date_start"]) or "")
    d = first["date_start"]
    return bool(d) and _iso(d)[5:] == "01-01"


def _best_name(rows: list[dict[str, Any]]) -> str:
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["place_name"]] = counts.get(r["place_name"], 0) + 1
    return max(counts, key=lambda n: (counts[n], -len(n)))


def all_places(conn, place: str | None = None) -> list[dict[str, Any]]:
    """Every place with access records (or those whose name contains ``place``), besieged first."""
    rows = [dict(r) for r in conn.execute(sa.select(t.access)).mappings()]
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(place_key(r), []).append(r)
    out = [place_status(g) for g in groups.values()]
    _link(out)  # before filtering: one place's view still names its linked places
    if place:
        needle = fold(place)
        out = [p for p in out if needle in fold(p["place"]) or any(needle in fold(r["place_name"]) for r in groups[p["place_key"]])
               or (p["geonames_id"] and str(p["geonames_id"]) == place.strip())]
    out.sort(key=lambda p: (not p["besieged"], p["place"].lower()))
    return out


def _link(places: list[dict[str, Any]]) -> None:
    """Places tied by one agreement (the Four Towns): each lists the others and whether their
    last deliveries came on the same day (aid is meant to move in step)."""
    by_name = {fold(p["place"]): p for p in places}
    for group in monitor_lexicon().get("linked_places") or []:
        members = [by_name[fold(n)] for n in group["places"] if fold(n) in by_name]
        for p in members:
            others = [o for o in members if o is not p]
            if not others:
                continue
            mine = (p["last_delivery"] or {}).get("date")
            p["linked"] = {
                "agreement": group["name"],
                "note": group.get("note"),
                "places": [{"place": o["place"], "status": o["status"], "last_delivery": (o["last_delivery"] or {}).get("date")} for o in others],
                "in_step": bool(mine) and all((o["last_delivery"] or {}).get("date") == mine for o in others),
            }


__all__ = ["rebuild", "place_status", "all_places", "plain_actor"]
