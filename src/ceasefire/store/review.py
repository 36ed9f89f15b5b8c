"""Analyst review of consolidated events: confirm, edit, merge, split.

Every action writes an audit record (who, when, what, why) and a review anchored
to the claims involved (claim id, and the claim's document and position, so an
edit finds its event again after the document is re-extracted). Consolidation
re-applies active reviews after every ``update`` and ``rebuild``: a merge keeps
its claims together, a split keeps its parts apart, an edit overrides the
consolidated fields (the sources' own figures are never changed), a
confirmation marks the event reviewed.

Merging and splitting give the resulting events new ids and leave the old ones
as tombstones (status ``merged`` / ``split``, ``replaced_by`` the new ids).

Errors are :class:`ReviewError` (a ``ValueError``) with one clear line.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ceasefire.store import Store
from ceasefire.store import schema as t

ACTIONS = ("confirm", "edit", "merge", "split")
#: Sub-event type -> event type (ACLED's taxonomy plus ceasefire's extensions).
EVENT_TYPE_OF = {
    "Armed clash": "Battles", "Government regains territory": "Battles", "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence", "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence", "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence", "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians", "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests", "Protest with intervention": "Protests", "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots", "Mob violence": "Riots",
    "Agreement": "Strategic developments", "Arrests": "Strategic developments", "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments", "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments", "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
    "Aid delivery": "Humanitarian access", "Siege": "Humanitarian access", "Evacuation": "Humanitarian access",
    "Access denied": "Humanitarian access",
}
ROLES = ("perpetrator", "target", "party", "broker", "excluded", "besieger", "provider")


class ReviewError(ValueError):
    """A review that cannot be applied (unknown or replaced event, bad field)."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _event(conn: Connection, event_id: str) -> dict[str, Any]:
    row = conn.execute(sa.select(t.events).where(t.events.c.id == event_id)).mappings().first()
    if row is None:
        raise ReviewError(f"no event {event_id!r}")
    if row["status"] != "active":
        to = ", ".join(row["replaced_by"] or []) or "nothing"
        raise ReviewError(f"event {event_id} was {row['status']} (now {to}); review the event that replaced it")
    return dict(row)


def _audit(conn: Connection, who: str, action: str, target: str, detail: dict[str, Any], why: str | None) -> int:
    if not who or not str(who).strip():
        raise ReviewError("a review needs the analyst's name (who)")
    return conn.execute(
        sa.insert(t.audit).values(at=_now(), who=str(who).strip(), action=action, target=target, detail=detail, why=why).returning(t.audit.c.id)
    ).scalar_one()


def _record(conn: Connection, audit_id: int, action: str, event_id: str, anchors: dict[str, Any], changes: dict | None = None) -> None:
    conn.execute(
        sa.insert(t.reviews).values(audit_id=audit_id, action=action, event_id=event_id, claim_ids=anchors, changes=changes, active=True)
    )


def _date(value: Any, what: str) -> str:
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise ReviewError(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from None


def _count(value: Any, what: str) -> int | None:
    if value is None:
        return None
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise ReviewError(f"{what}: {value!r} is not a whole number") from None
    if n < 0:
        raise ReviewError(f"{what}: {n} is negative")
    return n


def normalise_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise an edit: type, event_type, sub_event_type, method, date, location, fatalities, actors."""
    if not changes:
        raise ReviewError("an edit needs at least one field to change")
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if key in ("type", "sub_event_type"):
            if value not in EVENT_TYPE_OF:
                raise ReviewError(f"{key}: unknown sub-event type {value!r}")
            out["sub_event_type"] = value
            out.setdefault("event_type", EVENT_TYPE_OF[value])
        elif key == "event_type":
            if value not in set(EVENT_TYPE_OF.values()):
                raise ReviewError(f"event_type: unknown event type {value!r}")
            out["event_type"] = value
        elif key == "method":
            out["method"] = value
        elif key == "date":
            if isinstance(value, str):
                start, _, end = value.partition("/")
                value = {"start": start, "end": end or start}
            if not isinstance(value, dict) or not value.get("start"):
                raise ReviewError("date: give YYYY-MM-DD, START/END, or {start, end, precision}")
            out["date"] = {"start": _date(value["start"], "date"), "end": _date(value.get("end") or value["start"], "date"),
                           "precision": value.get("precision") or "day"}
            if out["date"]["end"] < out["date"]["start"]:
                raise ReviewError("date: the end is before the start")
        elif key == "location":
            if isinstance(value, str):
                value = {"name": value}
            if not isinstance(value, dict) or not value.get("name"):
                raise ReviewError("location: give a place name or {name, lat, lon, admin1, country, ...}")
            loc = {k: value.get(k) for k in ("name", "lat", "lon", "country", "admin1", "admin2", "geonames_id")}
            loc["precision"] = value.get("precision") or ("exact" if loc["lat"] is not None else "admin1" if loc["admin1"] else "country")
            out["location"] = loc
        elif key == "fatalities":
            if isinstance(value, dict) and isinstance(value.get("total"), dict):
                value = value["total"]
            if not isinstance(value, dict):
                value = {"best": value}
            fig = {k: _count(value.get(k), f"fatalities.{k}") for k in ("best", "low", "high")}
            if all(v is None for v in fig.values()):
                raise ReviewError("fatalities: give best, low or high")
            vals = [v for v in (fig["low"], fig["best"], fig["high"]) if v is not None]
            if vals != sorted(vals):
                raise ReviewError("fatalities: low <= best <= high does not hold")
            fig["qualifier"] = value.get("qualifier") or "exact"
            out["fatalities"] = fig
        elif key == "actors":
            if not isinstance(value, list):
                raise ReviewError("actors: give a list of {name, role}")
            actors = []
            for a in value:
                if isinstance(a, str):
                    name, _, role = a.partition(":")
                    a = {"name": name.strip(), "role": role.strip() or "party"}
                if not a.get("name"):
                    raise ReviewError("actors: every actor needs a name")
                if (a.get("role") or "party") not in ROLES:
                    raise ReviewError(f"actors: unknown role {a.get('role')!r} (one of {', '.join(ROLES)})")
                actors.append({"name": a["name"], "role": a.get("role") or "party", **({"inter": a["inter"]} if a.get("inter") else {})})
            out["actors"] = actors
        else:
            raise ReviewError(f"{key}: not an editable field (type, date, location, fatalities, actors, method)")
    return out


def confirm(store: Store, event_id: str, *, who: str, why: str | None = None) -> dict[str, Any]:
    """Mark an event as checked by an analyst."""
    from ceasefire import consolidate as cons

    with cons.locked(store) as conn:
        _event(conn, event_id)
        claims = cons.event_claim_ids(conn, event_id)
        audit_id = _audit(conn, who, "confirm", event_id, {"claims": claims}, why)
        _record(conn, audit_id, "confirm", event_id, {"claims": cons.claim_anchors(conn, claims)})
        cons.write_groups(conn, store, {event_id: claims}, {event_id})
    return {"status": "ok", "action": "confirm", "event_id": event_id, "audit_id": audit_id}


def edit(store: Store, event_id: str, changes: dict[str, Any], *, who: str, why: str | None = None) -> dict[str, Any]:
    """Correct an event's type, date, location, fatalities or actors; kept across reprocessing."""
    from ceasefire import consolidate as cons

    norm = normalise_changes(changes)
    with cons.locked(store) as conn:
        before = _event(conn, event_id)
        claims = cons.event_claim_ids(conn, event_id)
        was = {k: before["payload"].get(k) for k in norm}
        audit_id = _audit(conn, who, "edit", event_id, {"changes": norm, "was": was}, why)
        _record(conn, audit_id, "edit", event_id, {"claims": cons.claim_anchors(conn, claims)}, norm)
        cons.write_groups(conn, store, {event_id: claims}, {event_id})
    return {"status": "ok", "action": "edit", "event_id": event_id, "audit_id": audit_id, "changes": norm}


def merge(store: Store, event_ids: list[str], *, who: str, why: str | None = None) -> dict[str, Any]:
    """Merge events that are one incident into a new event; the old ids become tombstones."""
    from ceasefire import consolidate as cons

    ids = list(dict.fromkeys(event_ids))
    if len(ids) < 2:
        raise ReviewError("a merge needs at least two different events")
    with cons.locked(store) as conn:
        for eid in ids:
            _event(conn, eid)
        claims = sorted(c for eid in ids for c in cons.event_claim_ids(conn, eid))
        if not claims:
            raise ReviewError("the events have no claims to merge")
        new_id = cons.new_event_id(conn, claims)
        audit_id = _audit(conn, who, "merge", ids[0], {"merged": ids, "into": new_id}, why)
        _record(conn, audit_id, "merge", new_id, {"claims": cons.claim_anchors(conn, claims)})
        cons.write_groups(conn, store, {new_id: claims}, set())
        _tombstone(conn, ids, "merged", [new_id])
    return {"status": "ok", "action": "merge", "event_id": new_id, "replaced": ids, "audit_id": audit_id}


def split(store: Store, event_id: str, claim_groups: list[list[int]], *, who: str, why: str | None = None) -> dict[str, Any]:
    """Split an event into several: each group of claim ids becomes an event; claims not listed form
    one more. The old id becomes a tombstone pointing to the new ones."""
    from ceasefire import consolidate as cons

    with cons.locked(store) as conn:
        _event(conn, event_id)
        claims = cons.event_claim_ids(conn, event_id)
        parts, seen = [], set()
        for g in claim_groups or []:
            part = []
            for c in g:
                c = int(c)
                if c not in claims:
                    raise ReviewError(f"claim {c} is not a claim of {event_id} (its claims: {', '.join(map(str, claims))})")
                if c in seen:
                    raise ReviewError(f"claim {c} is listed twice")
                seen.add(c)
                part.append(c)
            if part:
                parts.append(sorted(part))
        rest = [c for c in claims if c not in seen]
        if rest:
            parts.append(rest)
        if len(parts) < 2:
            raise ReviewError(f"a split needs at least two groups of claims ({event_id} has claims {', '.join(map(str, claims))})")
        new_ids: list[str] = []
        for p in parts:
            nid = cons.new_event_id(conn, p)
            while nid in new_ids:  # two parts starting in the same claim cannot happen; be safe
                nid = nid + "x"
            new_ids.append(nid)
            # Reserve the id before deriving the next one.
            conn.execute(sa.insert(t.events).values(id=nid, status="active", payload={}, n_sources=0, n_reports=0, is_aggregate=False, created_at=_now(), updated_at=_now()))
        audit_id = _audit(conn, who, "split", event_id, {"into": new_ids, "parts": parts}, why)
        _record(conn, audit_id, "split", event_id, {"parts": [cons.claim_anchors(conn, p) for p in parts]})
        cons.write_groups(conn, store, dict(zip(new_ids, parts)), set(new_ids))
        _tombstone(conn, [event_id], "split", new_ids)
    return {"status": "ok", "action": "split", "event_id": event_id, "event_ids": new_ids, "audit_id": audit_id}


def _tombstone(conn: Connection, ids: list[str], status: str, replaced_by: list[str]) -> None:
    conn.execute(
        sa.update(t.events).where(t.events.c.id.in_(ids)).values(status=status, replaced_by=replaced_by, n_claims=0, updated_at=_now())
    )
    conn.execute(sa.delete(t.event_actors).where(t.event_actors.c.event_id.in_(ids)))


def apply(store: Store, event_id: str, action: str, *, who: str, why: str | None = None, changes: dict | None = None,
          merge_with: list[str] | None = None, claim_groups: list[list[int]] | None = None) -> dict[str, Any]:
    """One entry point for surfaces (HTTP API): ``action`` is confirm, edit, merge or split."""
    if action == "confirm":
        return confirm(store, event_id, who=who, why=why)
    if action == "edit":
        return edit(store, event_id, changes or {}, who=who, why=why)
    if action == "merge":
        return merge(store, [event_id, *(merge_with or [])], who=who, why=why)
    if action == "split":
        return split(store, event_id, claim_groups or [], who=who, why=why)
    raise ReviewError(f"unknown review action {action!r} (one of {', '.join(ACTIONS)})")


def history(store: Store, event_id: str) -> list[dict[str, Any]]:
    """Audit records that name this event (as target, merged, or split into), oldest first."""
    with store.connect() as conn:
        rows = [dict(r) for r in conn.execute(sa.select(t.audit).order_by(t.audit.c.id)).mappings()]
    out = []
    for r in rows:
        d = r.get("detail") or {}
        into = d.get("into")
        into = [into] if isinstance(into, str) else (into or [])
        if r["target"] == event_id or event_id in (d.get("merged") or []) or event_id in into:
            r["at"] = r["at"].isoformat() if r["at"] else None
            out.append(r)
    return out


def resolve(store: Store, event_id: str) -> list[str]:
    """The active event ids an id stands for now, following tombstones (merged, split)."""
    seen: set[str] = set()
    todo, out = [event_id], []
    with store.connect() as conn:
        while todo:
            eid = todo.pop(0)
            if eid in seen:
                continue
            seen.add(eid)
            row = conn.execute(sa.select(t.events.c.status, t.events.c.replaced_by).where(t.events.c.id == eid)).first()
            if row is None:
                continue
            if row[0] == "active":
                out.append(eid)
            else:
                todo.extend(row[1] or [])
    return out
