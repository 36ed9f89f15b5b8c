"""The truce registry: truces told by reports (Agreement events) and declared by analysts.

Rules (docs/truces.md says them for users):

Attaching a report to a truce, in this order:
1. a declared truce whose id, name or alias is the report's truce name;
2. a truce already known under that name (or alias) whose last news is at most
   ``SAME_TRUCE_GAP_DAYS`` before the report ("regime of calm" in 2016 and in 2018 are two truces);
3. a well-known truce of the lexicon (resources/monitor.yaml ``known_truces``) when the report
   names it or gives its brokers and the month it was agreed ("a truce brokered in February by
   Washington and Moscow" -> the February 2016 cessation of hostilities);
4. for a report that names no truce ("the truce", "the lull", "a ceasefire"): a truce whose zone
   shares an area with the report's zone, or whose brokers the report names, with news within the gap;
5. otherwise a new truce, when the report says enough to tell it (a name, a zone or brokers);
   a report with none of these is kept as unattached news.

Lifecycle: each report is a dated change (status + evidence). The truce's status is its stage
as of the newest report in the store: proposed, negotiating, agreed, in_force, suspended,
expired or collapsed; "extended", "expanded" and "violated" keep it in force. Talks about a
truce already in force do not change its stage; their zone is kept as ``pending`` (Aleppo
province for the regime of calm in April 2016), not added to the zone. An agreed truce whose
start has passed is in force. A window whose end has passed with no later news is expired.

Windows: a window opens at the reported start (``valid_from``; else the first report that
the truce is in force; else the start the lexicon gives for a well-known truce) and closes at
the reported end (``valid_until``, or start + duration). An extension moves the end ("prolonged
to the end of Monday"); an extension given only as a duration adds it
to the current end. Expiry, suspension or collapse closes the window on that day; news of the
truce in force after a closed window opens a new one. An expansion adds its zone parts from
its date (``since``). A window with no reported end stays open (``valid_until`` null).

Declared truces (YAML file or API, :func:`declare`) keep what the analyst wrote: name, kind,
parties, brokers, excluded, zone and windows. Reports attached to them add changes, pending
zones and, unless the declaration says ``follow_reports: false``, extensions and expiries.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa

from ceasefire.analyse import zones as Z
from ceasefire.extract.agreements import actor_family, fold, monitor_lexicon
from ceasefire.store import Store
from ceasefire.store import schema as t

SAME_TRUCE_GAP_DAYS = 30
STAGES = ("proposed", "negotiating", "agreed", "in_force", "suspended", "expired", "collapsed")
STAGE_OF = {"extended": "in_force", "expanded": "in_force", "violated": "in_force"}
ACTIVE_STATUSES = {"agreed", "in_force", "extended", "expanded", "violated"}
CLOSING_STATUSES = {"expired", "suspended", "collapsed"}
STATUS_NEWS = {"extended", "expanded", "violated", "expired", "suspended", "collapsed"}
KINDS = ("ceasefire", "truce", "humanitarian_pause", "local_agreement", "peace_agreement")


@dataclass
class Window:
    valid_from: date | None
    valid_until: date | None
    claim_id: int | None = None
    basis: str = ""  # why these bounds: "reported start", "extension", "declared", ...
    closed_by: str | None = None


@dataclass
class Change:
    date: date | None
    status: str
    claim_id: int | None
    evidence: str | None
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass
class Truce:
    id: str
    name: str
    kind: str
    origin: str  # reported | declared
    aliases: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    brokers: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    zone: list[dict[str, Any]] = field(default_factory=list)
    pending: list[dict[str, Any]] = field(default_factory=list)
    windows: list[Window] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    parties_closed: bool = False
    follow_reports: bool = True
    reference: dict[str, Any] | None = None
    spec: dict[str, Any] | None = None
    term: str | None = None  # the report's name for it ("regime of calm")
    first_seen: date | None = None
    last_seen: date | None = None
    status: str = "proposed"

    # -- names -------------------------------------------------------------
    def names(self) -> set[str]:
        out = {fold(self.name), fold(self.id.replace("-", " "))} | {fold(a) for a in self.aliases}
        if self.term:
            out.add(fold(self.term))
        return out

    def families(self, which: str) -> set[str]:
        return {actor_family(n) or fold(n) for n in getattr(self, which)}

    def add_actor(self, which: str, name: str) -> None:
        lst = getattr(self, which)
        fam = actor_family(name) or fold(name)
        if fam not in {actor_family(n) or fold(n) for n in lst}:
            lst.append(name)

    def add_zone(self, rule: dict[str, Any]) -> bool:
        key = Z.rule_key(rule)
        if any(Z.rule_key(r) == key for r in self.zone):
            return False
        self.zone.append(rule)
        return True


# ---------------------------------------------------------------------------
# Reading the store
# ---------------------------------------------------------------------------


def agreement_news(conn) -> list[dict[str, Any]]:
    """Every Agreement claim of an active event, with its document's date and evidence, in telling order.

    Claims, not events: consolidation may fold "in force" and "extended" from one report into
    one event, but each is a separate step in the truce's life.
    """
    c, e = t.claims.c, t.events.c
    q = (
        sa.select(c.id, c.document_id, c.ordinal, c.date_start, c.date_end, c.date_precision, c.payload,
                  t.event_claims.c.event_id, t.documents.c.published)
        .join(t.event_claims, t.event_claims.c.claim_id == c.id)
        .join(t.events, t.events.c.id == t.event_claims.c.event_id)
        .join(t.documents, t.documents.c.id == c.document_id)
        .where(e.status == "active", c.sub_event_type == "Agreement")
    )
    out = []
    for r in conn.execute(q).mappings():
        payload = r["payload"] or {}
        out.append({
            "event_id": r["event_id"],
            "date": _d(r["date_start"]) or _d(r["published"]),
            "date_end": _d(r["date_end"]),
            "precision": r["date_precision"],
            "published": _d(r["published"]),
            "document": r["document_id"],
            "ordinal": r["ordinal"],
            "claim_id": r["id"],
            "payload": payload,
            "evidence": " … ".join(s.get("text", "") for s in payload.get("evidence") or []) or None,
        })
    # Reports in the order they tell things: by report date, then the order inside each report.
    out.sort(key=lambda n: (n["published"] or n["date"] or date.max, n["document"] or "", n["ordinal"]))
    return out


def as_of_date(conn) -> date:
    """The monitor's "today": the newest report date in the store (else today)."""
    d = conn.execute(sa.select(sa.func.max(t.documents.c.published))).scalar()
    if isinstance(d, str):
        d = date.fromisoformat(d[:10])
    return d or date.today()


# ---------------------------------------------------------------------------
# Building the registry
# ---------------------------------------------------------------------------


def slugify(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return s[:56] or "truce"


def _d(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


class Registry:
    """Truces being assembled from declarations and news, in date order."""

    def __init__(self, as_of: date):
        self.as_of = as_of
        self.truces: list[Truce] = []
        self.unattached: list[dict[str, Any]] = []

    def get(self, truce_id: str) -> Truce | None:
        return next((x for x in self.truces if x.id == truce_id), None)

    def unique_id(self, base: str) -> str:
        tid, n = base, 2
        while self.get(tid):
            tid, n = f"{base}-{n}", n + 1
        return tid

    # -- declared ------------------------------------------------------------
    def add_declared(self, truce_id: str, spec: dict[str, Any]) -> Truce:
        tr = truce_from_spec(spec, truce_id)
        self.truces.append(tr)
        return tr

    # -- reported ------------------------------------------------------------
    def attach(self, news: dict[str, Any]) -> Truce | None:
        """Attach one Agreement event to its truce (creating it when needed); apply its change."""
        a = news["payload"].get("agreement") or {}
        day = news["date"]
        name = (a.get("name") or "").strip() or None
        rules = [r for r in (Z.rule_from_location(loc) for loc in a.get("zone") or []) if r]
        actors = news["payload"].get("actors") or []
        brokers = {actor_family(x["name"]) for x in actors if x.get("role") == "broker"} - {None}
        truce = self._find(name, a, rules, brokers, day, news)
        if truce is None:
            # A new truce needs a name, or brokers, or a zone with a status actually stated
            # ("the truce zone" in a report of shelling founds nothing).
            stated = a.get("cue", "unknown") is not None
            if not (name or brokers or (rules and stated)):
                self.unattached.append(news)
                return None
            truce = self._new_reported(name, a, rules, day, news)
        apply_news(truce, news, rules, self.as_of)
        return truce

    def _recent(self, tr: Truce, day: date | None) -> bool:
        if day is None or tr.last_seen is None:
            return True
        last_end = max([w.valid_until for w in tr.windows if w.valid_until] + [tr.last_seen])
        open_window = any(w.valid_until is None and w.closed_by is None for w in tr.windows)
        return open_window or (day - last_end).days <= SAME_TRUCE_GAP_DAYS

    def _find(self, name, a, rules, brokers, day, news) -> Truce | None:
        folded = fold(name) if name else None
        if folded:
            for tr in self.truces:
                if tr.origin == "declared" and folded in tr.names():
                    return tr
            named = [tr for tr in self.truces if folded in tr.names() and self._recent(tr, day)]
            if named:
                return self._closest(named, rules)
        ref = known_truce(folded, a, brokers, day)
        if ref is not None:
            tr = self.get(ref["id"])
            if tr is None:
                tr = self._from_reference(ref)
            return tr
        if folded:
            return None
        # A report naming no truce: a shared area, or the same brokers, within the gap.
        candidates = []
        for tr in self.truces:
            if not self._recent(tr, day):
                continue
            shared = Z.overlap(rules, tr.zone + [p["rule"] for p in tr.pending])
            same_brokers = bool(brokers) and brokers <= tr.families("brokers")
            kind_ok = a.get("kind") in (tr.kind, None) or a.get("kind") in ("truce", "ceasefire") and tr.kind in ("truce", "ceasefire")
            if (shared or same_brokers) and kind_ok:
                candidates.append((shared + (2 if same_brokers else 0), tr.last_seen or date.min, tr))
        if candidates:
            candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
            return candidates[0][2]
        if (not rules and not brokers) or a.get("status") in STATUS_NEWS:
            # "the truce", "the lull" with nothing else, or news of a change ("the truce was expanded
            # to include Hama"): the one truce in force that day, if only one is.
            live = [tr for tr in self.truces if tr.origin == "reported" and self._live_on(tr, day)]
            if len(live) == 1:
                return live[0]
        return None

    def _live_on(self, tr: Truce, day: date | None) -> bool:
        if day is None:
            return False
        for w in tr.windows:
            end = w.valid_until or (self.as_of if w.closed_by is None else None)
            if w.valid_from and end and w.valid_from <= day <= end + timedelta(days=2):
                return True
        return False

    @staticmethod
    def _closest(truces: list[Truce], rules: list[dict[str, Any]]) -> Truce:
        keys = {Z.rule_key(r) for r in rules}
        return max(truces, key=lambda tr: (len(keys & {Z.rule_key(r) for r in tr.zone + tr.pending}), tr.last_seen or date.min))

    def _new_reported(self, name, a, rules, day, news) -> Truce:
        kind = a.get("kind") if a.get("kind") in KINDS else "truce"
        term = name or {"ceasefire": "ceasefire", "truce": "truce", "humanitarian_pause": "humanitarian pause",
                        "local_agreement": "local agreement", "peace_agreement": "peace agreement"}[kind]
        when = day.strftime("%Y-%m") if day else "undated"
        tr = Truce(id=self.unique_id(slugify(f"{term} {when}")), name=term[:1].upper() + term[1:], kind=kind,
                   origin="reported", term=name)
        if name:
            tr.aliases.append(name)
        self.truces.append(tr)
        return tr

    def _from_reference(self, ref: dict[str, Any]) -> Truce:
        families = monitor_lexicon()["actor_families"]
        tr = Truce(id=ref["id"], name=ref["name"], kind=ref.get("kind", "ceasefire"), origin="reported",
                   aliases=list(ref.get("aliases") or []), reference=ref)
        for key in ref.get("brokers") or []:
            tr.brokers.append((families.get(key, {}).get("acled") or {}).get("name") or key)
        for key in ref.get("excluded") or []:
            tr.excluded.append((families.get(key, {}).get("acled") or {}).get("name") or key)
        self.truces.append(tr)
        return tr

    # -- finishing -------------------------------------------------------------
    def finish(self) -> None:
        for tr in self.truces:
            finish_truce(tr, self.as_of)


def known_truce(folded_name: str | None, a: dict[str, Any], brokers: set[str], day: date | None) -> dict[str, Any] | None:
    """The well-known truce a report points at: by alias, or by brokers and the month it was agreed."""
    for ref in monitor_lexicon().get("known_truces") or []:
        aliases = {fold(x) for x in [ref["name"], *ref.get("aliases", [])]}
        agreed = _d(ref.get("agreed"))
        in_time = day is None or agreed is None or agreed - timedelta(days=45) <= day <= agreed + timedelta(days=400)
        if folded_name and folded_name in aliases and in_time:
            return ref
        month = a.get("agreed_in")
        if brokers and set(ref.get("brokers") or []) <= brokers and month and agreed and month == agreed.strftime("%Y-%m"):
            return ref
    return None


def apply_news(tr: Truce, news: dict[str, Any], rules: list[dict[str, Any]], as_of: date) -> None:
    """One report's change to a truce: status, zone or pending zone, windows, actors."""
    a = news["payload"].get("agreement") or {}
    status = a.get("status") or "in_force"
    day: date | None = news["date"]
    if news.get("precision") == "month" and news.get("published") and status not in ("agreed", "proposed"):
        day = news["published"]
    valid_from, valid_until = _d(a.get("valid_from")), _d(a.get("valid_until"))
    payload: dict[str, Any] = {"event_id": news["event_id"], "document": news.get("document")}
    if news.get("precision") and news["precision"] != "day" and day == news["date"]:
        payload["date_precision"] = news["precision"]  # "agreed in February": 2016-02-01 stands for the month
    if a.get("name") and a["name"] not in tr.aliases and fold(a["name"]) not in tr.names():
        tr.aliases.append(a["name"])
    if a.get("name") and not tr.term:
        tr.term = a["name"]

    for x in news["payload"].get("actors") or []:
        role = x.get("role")
        if role == "party" and tr.origin == "reported":
            tr.add_actor("parties", x["name"])
        elif role == "broker" and tr.origin == "reported":
            tr.add_actor("brokers", x["name"])
        elif role == "excluded" and tr.origin == "reported":
            tr.add_actor("excluded", x["name"])

    stage = STAGE_OF.get(status, status)
    is_established = tr.status in ("agreed", "in_force") or any(c.status in ACTIVE_STATUSES for c in tr.changes)

    # Zones
    if status in ("proposed", "negotiating"):
        new = [r for r in rules if not any(Z.rule_key(r) == Z.rule_key(z) for z in tr.zone)]
        if new and (is_established or tr.zone):
            for r in new:
                _add_pending(tr, r, status, day, news)
            payload["pending_zone"] = [Z.rule_label(r) for r in new]
        elif not tr.zone and tr.origin == "reported":
            for r in rules:  # the zone of a truce still being negotiated is the zone under talks
                _add_pending(tr, r, status, day, news)
    elif status == "expanded":
        since = valid_from or day
        added = []
        for r in rules:
            if tr.origin == "declared" and not tr.follow_reports:
                break
            r = dict(r)
            if since and tr.zone and not any(Z.rule_key(r) == Z.rule_key(z) for z in tr.zone):
                r["since"] = since.isoformat()
            if tr.add_zone(r):
                added.append(Z.rule_label(r))
        tr.pending = [p for p in tr.pending if Z.rule_key(p["rule"]) not in {Z.rule_key(r) for r in rules}]
        payload["added_zone"] = added
    elif status in ("agreed", "in_force") and tr.origin == "reported":
        # Only news of the truce itself draws its zone; the places of a violation are the event's.
        for r in rules:
            tr.add_zone(r)
        tr.pending = [p for p in tr.pending if Z.rule_key(p["rule"]) not in {Z.rule_key(z) for z in tr.zone}]

    # Windows
    follow = tr.origin == "reported" or tr.follow_reports
    if follow:
        _move_windows(tr, status, day, valid_from, valid_until, a, news, payload)

    # Stage: talks about a truce in force do not lower it.
    if stage in ("proposed", "negotiating") and is_established:
        pass
    elif stage in STAGES:
        tr.status = stage
    tr.changes.append(Change(date=day, status=status, claim_id=news["claim_id"], evidence=news["evidence"], payload=payload))
    if day:
        tr.first_seen = min(tr.first_seen or day, day)
        tr.last_seen = max(tr.last_seen or day, day)


_BREADTH = {"place": 0, "radius": 1, "polygon": 1, "admin1": 2, "region": 3, "country": 4}


def _add_pending(tr: Truce, rule: dict[str, Any], status: str, day: date | None, news: dict[str, Any]) -> None:
    """Keep one pending part per area: "a truce for Aleppo" and "Aleppo province" are one, the wider."""
    entry = {"rule": rule, "status": status, "date": _iso(day), "evidence": news["evidence"], "claim_id": news["claim_id"]}
    for i, p in enumerate(tr.pending):
        wide = {"country", "region"} & {rule.get("type"), p["rule"].get("type")}
        if Z.rule_key(p["rule"]) == Z.rule_key(rule) or (not wide and Z.overlap([rule], [p["rule"]])):
            if _BREADTH.get(rule.get("type"), 0) > _BREADTH.get(p["rule"].get("type"), 0):
                tr.pending[i] = {**entry, "date": p["date"], "status": status}
            return
    tr.pending.append(entry)


def _move_windows(tr: Truce, status: str, day: date | None, valid_from: date | None, valid_until: date | None,
                  a: dict[str, Any], news: dict[str, Any], payload: dict[str, Any]) -> None:
    current = tr.windows[-1] if tr.windows and tr.windows[-1].closed_by is None else None
    hours = a.get("duration_hours")
    if status in ("agreed", "in_force", "violated", "expanded"):
        if current is None:
            start = valid_from
            basis = "reported start"
            if start is None and tr.reference and tr.reference.get("valid_from"):
                start, basis = _d(tr.reference["valid_from"]), f"start from the reference list ({tr.reference.get('source')})"
            if start is None and status != "agreed":
                start, basis = day, "first report of the truce in force"
            if start is None:
                return  # agreed, start not yet known: no window
            end = valid_until
            if end is None and hours and not a.get("additional"):
                end = start + timedelta(days=math.ceil(hours / 24) - 1)
            tr.windows.append(Window(start, end, news["claim_id"], basis))
            payload["window"] = {"from": _iso(start), "until": _iso(end)}
        else:
            if valid_from and (current.valid_from is None or valid_from < current.valid_from) and current.basis.startswith("first report"):
                current.valid_from, current.basis = valid_from, "reported start"
            if valid_until and (current.valid_until is None or valid_until > current.valid_until):
                current.valid_until = valid_until
    elif status == "extended":
        if current is None:
            if tr.windows and day and tr.windows[-1].valid_until and (day - tr.windows[-1].valid_until).days <= 1:
                current = tr.windows[-1]
                current.closed_by = None
            else:
                start = day
                tr.windows.append(Window(start, valid_until, news["claim_id"], "renewed"))
                payload["window"] = {"from": _iso(start), "until": _iso(valid_until)}
                return
        before = current.valid_until
        new_end = valid_until
        if new_end is None and hours:
            base = before or day
            new_end = base + timedelta(days=math.ceil(hours / 24)) if base else None
        if new_end is not None:
            current.valid_until = new_end
            current.claim_id = news["claim_id"]
            current.basis = "extension"
        else:
            current.valid_until = None  # extended with no end reported: open
            current.basis = "extension (new end not reported)"
        payload["window"] = {"previous_until": _iso(before), "until": _iso(current.valid_until)}
    elif status in CLOSING_STATUSES:
        if current is None:
            return
        end = valid_until or (day - timedelta(days=1) if status != "expired" and day else day)
        if status == "expired" and valid_until is None and current.valid_until and day and current.valid_until <= day:
            end = current.valid_until
        if current.valid_until is None or (end and end < current.valid_until) or status == "expired":
            current.valid_until = end
        current.closed_by = status
        payload["window"] = {"until": _iso(current.valid_until), "closed_by": status}


def finish_truce(tr: Truce, as_of: date) -> None:
    """Derived status as of ``as_of``: agreed + started = in force; a passed end = expired."""
    if tr.status == "agreed" and tr.windows and tr.windows[-1].valid_from and tr.windows[-1].valid_from <= as_of and tr.windows[-1].closed_by is None:
        tr.status = "in_force"
    last = tr.windows[-1] if tr.windows else None
    if tr.status == "in_force" and last and last.valid_until and last.valid_until < as_of and last.closed_by is None:
        tr.status = "expired"
        last.closed_by = "expired"
        tr.changes.append(Change(date=last.valid_until, status="expired", claim_id=None,
                                 evidence=None, payload={"derived": f"the window ended on {last.valid_until} and no later report extends it"}))
    if tr.origin == "reported":
        tr.name = reported_name(tr)


def reported_name(tr: Truce) -> str:
    """A reported truce's display name: its term and the areas of its zone."""
    if tr.reference:
        return tr.reference["name"]
    term = tr.term or tr.name
    base = term[:1].upper() + term[1:]
    places = []
    for r in tr.zone:
        label = r.get("name") or r.get("place") or r.get("admin1") or r.get("country")
        if label and label not in places:
            places.append(str(label))
    if not places:
        places = [str(p["rule"].get("name") or p["rule"].get("place") or p["rule"].get("admin1") or "") for p in tr.pending[:2]]
        places = [p for p in places if p]
        return f"{base} ({', '.join(places)}, under talks)" if places else base
    return f"{base} ({', '.join(places[:4])})"


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


# ---------------------------------------------------------------------------
# Declared truces
# ---------------------------------------------------------------------------


def truce_from_spec(spec: dict[str, Any], truce_id: str | None = None) -> Truce:
    """A Truce from an analyst's declaration (validated; raises ValueError with the problem)."""
    if not isinstance(spec, dict):
        raise ValueError("a truce must be a mapping with at least a name")
    name = str(spec.get("name") or "").strip()
    if not name:
        raise ValueError("a truce needs a name")
    kind = spec.get("kind") or "truce"
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    status = spec.get("status") or "in_force"
    if STAGE_OF.get(status, status) not in STAGES:
        raise ValueError(f"status {status!r} is not a truce status")

    def names(key: str) -> list[str]:
        v = spec.get(key) or []
        if isinstance(v, str):
            v = [v]
        # YAML reads an unquoted "HTS: Hayat Tahrir al Sham" in a list as a mapping: take it back as the name.
        v = [f"{k}: {x}" if isinstance(item, dict) and len(item) == 1 else item
             for item in v for k, x in ([next(iter(item.items()))] if isinstance(item, dict) and len(item) == 1 else [(None, None)])]
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            raise ValueError(f"{key} must be a list of names")
        return [x.strip() for x in v]

    zone_spec = spec.get("zone") or []
    if isinstance(zone_spec, (dict, str)):
        zone_spec = [zone_spec]
    zone = [Z.rule_from_spec(z) for z in zone_spec]
    windows_spec = spec.get("windows") or []
    if not windows_spec and (spec.get("valid_from") or spec.get("valid_until")):
        windows_spec = [{"from": spec.get("valid_from"), "until": spec.get("valid_until")}]
    windows = []
    for w in windows_spec:
        if not isinstance(w, dict):
            raise ValueError("each window needs from/until dates")
        try:
            start, end = _d(w.get("from") or w.get("valid_from")), _d(w.get("until") or w.get("valid_until"))
        except ValueError as exc:
            raise ValueError(f"window {w!r}: dates must be YYYY-MM-DD") from exc
        if start and end and end < start:
            raise ValueError(f"window {start}..{end} ends before it starts")
        windows.append(Window(start, end, None, "declared"))
    tid = truce_id or spec.get("id") or slugify(name)
    tr = Truce(id=slugify(str(tid)), name=name, kind=kind, origin="declared", aliases=names("aliases"),
               parties=names("parties"), brokers=names("brokers"), excluded=names("excluded"), zone=zone,
               windows=windows, parties_closed=bool(spec.get("parties_closed", bool(spec.get("parties")))),
               follow_reports=bool(spec.get("follow_reports", True)), spec=spec, status=STAGE_OF.get(status, status))
    if windows and windows[0].valid_from:
        tr.first_seen = windows[0].valid_from
        tr.last_seen = max(w.valid_until or w.valid_from or windows[0].valid_from for w in windows)
    tr.changes.append(Change(date=windows[0].valid_from if windows else None, status=status, claim_id=None,
                             evidence=None, payload={"declared": True}))
    return tr


def declare(store: Store, spec: dict[str, Any], who: str, why: str | None = None) -> dict[str, Any]:
    """Declare (or re-declare) a truce: stored with origin ``declared``, audited, and judged at once.

    Returns ``{"id", "name", "created"}``. Raises ValueError naming the problem in ``spec``.
    """
    from ceasefire import analyse

    tr = truce_from_spec(spec)
    now = datetime.now(timezone.utc)
    clean_spec = _jsonable(spec)
    with store.exclusive("consolidate") as conn:
        existing = conn.execute(sa.select(t.truces.c.origin).where(t.truces.c.id == tr.id)).scalar()
        if existing == "reported":
            # The analyst takes over a truce reports told of: same id, declared from now on.
            conn.execute(sa.delete(t.truces).where(t.truces.c.id == tr.id))
            existing = None
        values = dict(name=tr.name, kind=tr.kind, status=tr.status, origin="declared", aliases=tr.aliases,
                      parties=tr.parties, brokers=tr.brokers, excluded=tr.excluded, zone=tr.zone,
                      payload={"spec": clean_spec, "declared_by": who, "declared_at": now.isoformat()}, updated_at=now)
        if existing:
            conn.execute(sa.update(t.truces).where(t.truces.c.id == tr.id).values(**values))
        else:
            conn.execute(sa.insert(t.truces).values(id=tr.id, **values))
        conn.execute(sa.insert(t.audit).values(at=now, who=who or "unknown", action="declare_truce", target=tr.id,
                                               detail={"spec": clean_spec, "replaced": bool(existing)}, why=why))
        analyse.update(store)
    return {"id": tr.id, "name": tr.name, "created": not existing}


def withdraw(store: Store, truce_id: str, who: str, why: str | None = None) -> bool:
    """Remove a declared truce (audited). Reported truces come back from their reports."""
    from ceasefire import analyse

    now = datetime.now(timezone.utc)
    with store.exclusive("consolidate") as conn:
        n = conn.execute(sa.delete(t.truces).where(t.truces.c.id == truce_id, t.truces.c.origin == "declared")).rowcount
        if n:
            conn.execute(sa.insert(t.audit).values(at=now, who=who or "unknown", action="withdraw_truce", target=truce_id, detail={}, why=why))
            analyse.update(store)
    return bool(n)


def load_declarations(text: str, source: str = "<input>") -> list[dict[str, Any]]:
    """Truce specs from a YAML document: one mapping, a list, or ``{truces: [...]}``."""
    import yaml

    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise ValueError(f"{source}:{where} not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if isinstance(doc, dict) and "truces" in doc:
        doc = doc["truces"]
    if isinstance(doc, dict):
        doc = [doc]
    if not isinstance(doc, list) or not doc:
        raise ValueError(f"{source}: expected a truce (a mapping with a name) or a list of truces")
    for i, spec in enumerate(doc, 1):
        try:
            truce_from_spec(spec)
        except ValueError as exc:
            raise ValueError(f"{source}: truce {i}: {exc}") from exc
    return doc


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, (date, datetime)):
        return obj.isoformat()
    return obj


# ---------------------------------------------------------------------------
# Rebuilding the registry in the store
# ---------------------------------------------------------------------------


def rebuild(conn, as_of: date) -> Registry:
    """Recompute every truce from declarations and news; write truces, windows and changes."""
    reg = Registry(as_of)
    declared = conn.execute(sa.select(t.truces).where(t.truces.c.origin == "declared")).mappings().all()
    for row in declared:
        spec = (row["payload"] or {}).get("spec") or {}
        try:
            reg.add_declared(row["id"], spec)
        except ValueError:
            continue  # a declaration that no longer reads (lexicon changed) stays stored, unjudged
    for news in agreement_news(conn):
        reg.attach(news)
    reg.finish()

    # Truces are updated in place (not dropped) so that their verdicts can be kept when nothing
    # they are judged by has changed; see violations.judge.
    existing = {r["id"]: r for r in conn.execute(sa.select(t.truces.c.id, t.truces.c.origin, t.truces.c.payload)).mappings()}
    keep = {tr.id for tr in reg.truces}
    gone = [tid for tid, r in existing.items() if r["origin"] == "reported" and tid not in keep]
    if gone:
        conn.execute(sa.delete(t.truces).where(t.truces.c.id.in_(gone)))
    conn.execute(sa.delete(t.truce_changes))
    now = datetime.now(timezone.utc)
    for tr in reg.truces:
        tr_windows = split_windows(tr)
        old = (existing.get(tr.id) or {}).get("payload") or {}
        tr.__dict__["fingerprint"] = fingerprint(tr, tr_windows)
        tr.__dict__["judged"] = (old.get("fingerprint"), old.get("judged_at"))
        payload = {
            "pending": [{**p, "label": Z.rule_label(p["rule"])} for p in tr.pending],
            "parties_closed": tr.parties_closed,
            "term": tr.term,
            "reference": {k: _jsonable(v) for k, v in tr.reference.items()} if tr.reference else None,
            "first_seen": _iso(tr.first_seen),
            "last_seen": _iso(tr.last_seen),
            "as_of": as_of.isoformat(),
        }
        values = dict(name=tr.name, kind=tr.kind, status=tr.status, aliases=tr.aliases, parties=tr.parties,
                      brokers=tr.brokers, excluded=tr.excluded, zone=tr.zone, updated_at=now)
        if tr.id in existing:
            conn.execute(sa.update(t.truces).where(t.truces.c.id == tr.id).values(payload={**old, **payload}, **values))
        else:
            conn.execute(sa.insert(t.truces).values(id=tr.id, origin="reported", payload=payload, **values))
        _write_windows(conn, tr, tr_windows, reuse=tr.id in existing and old.get("fingerprint") == tr.__dict__["fingerprint"])
        for c in tr.changes:
            conn.execute(sa.insert(t.truce_changes).values(truce_id=tr.id, date=c.date, status=c.status, claim_id=c.claim_id,
                                                           evidence=c.evidence, payload=_jsonable(c.payload)))
        tr.__dict__["rows"] = tr_windows
    return reg


def _write_windows(conn, tr: Truce, tr_windows: list[tuple[Window, list[dict[str, Any]]]], reuse: bool) -> None:
    """Window rows of a truce. Unchanged windows keep their rows (and the verdicts pointing at them)."""
    w = t.truce_windows.c
    if reuse:
        ids = [r[0] for r in conn.execute(sa.select(w.id).where(w.truce_id == tr.id).order_by(w.valid_from, w.id))]
        if len(ids) == len(tr_windows):
            for wid, (win, _zone) in zip(ids, tr_windows):
                win.__dict__["row_id"] = wid
                conn.execute(sa.update(t.truce_windows).where(w.id == wid).values(claim_id=win.claim_id))
            return
    conn.execute(sa.delete(t.truce_windows).where(w.truce_id == tr.id))
    for win, zone in tr_windows:
        win.__dict__["row_id"] = conn.execute(
            sa.insert(t.truce_windows).values(truce_id=tr.id, valid_from=win.valid_from, valid_until=win.valid_until,
                                              zone=zone, claim_id=win.claim_id).returning(w.id)
        ).scalar_one()


def fingerprint(tr: Truce, windows: list[tuple[Window, list[dict[str, Any]]]]) -> str:
    """A hash of everything a verdict about this truce depends on (name, kind, parties, exclusions,
    windows with their zones and bounds): when it is unchanged, only new or changed events need judging."""
    import hashlib
    import json

    state = {
        "name": tr.name, "parties": sorted(tr.families("parties")), "excluded": sorted(tr.families("excluded")),
        "closed": tr.parties_closed,
        "windows": [[_iso(w.valid_from), _iso(w.valid_until), w.closed_by, w.basis, zone] for w, zone in windows],
        "rules": 2,  # bump when the judging rules change
    }
    return hashlib.sha256(json.dumps(_jsonable(state), sort_keys=True, default=str).encode()).hexdigest()[:20]


def split_windows(tr: Truce) -> list[tuple[Window, list[dict[str, Any]]]]:
    """Windows cut where an expansion starts to apply, each with the zone in force during it."""
    out: list[tuple[Window, list[dict[str, Any]]]] = []
    cuts = sorted({_d(r["since"]) for r in tr.zone if r.get("since")})
    for w in tr.windows:
        pieces = [w]
        for cut in cuts:
            last = pieces[-1]
            if (last.valid_from is None or last.valid_from < cut) and (last.valid_until is None or cut <= last.valid_until):
                head = Window(last.valid_from, cut - timedelta(days=1), last.claim_id, last.basis, None)
                tail = Window(cut, last.valid_until, last.claim_id, "expansion", last.closed_by)
                pieces[-1:] = [head, tail]
        for p in pieces:
            out.append((p, [dict(r, label=Z.rule_label(r)) for r in Z.zone_at(tr.zone, p.valid_from or date.max) if True]))
    return out
