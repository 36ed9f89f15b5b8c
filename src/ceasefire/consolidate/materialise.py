"""From a group of claims to the consolidated event: fields, per-source figures, corroboration.

Pure: takes the claims (with their Event JSON payloads and their documents'
metadata) and returns the ``events`` row values with the consolidated payload.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from ceasefire.consolidate.record import DATE_PRECISION_RANK, PRECISION_RANK, TYPE_PRECEDENCE, counts_a_part
from ceasefire.consolidate.corroboration import COUNT_KEYS, Report, fatality_range, independent_sources, majority

QUALIFIER_PRECEDENCE = ["exact", "at_least", "more_than", "about", "up_to"]
CERTAINTY_PRECEDENCE = ["asserted", "reported", "believed", "alleged", "denied"]


@dataclass
class SourcedClaim:
    """A claim with what the event needs from its document."""

    claim_id: int
    document_id: str
    ordinal: int
    payload: dict[str, Any]
    outlet: str | None = None
    agency: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None
    fingerprint: Any = None  # MinHash signature of the document text (consolidate.republication)
    aggregate: bool = False

    @property
    def anchor(self) -> dict[str, Any]:
        """What a review is anchored to: the claim, and its place in its document (survives re-extraction)."""
        return {"claim_id": self.claim_id, "document_id": self.document_id, "ordinal": self.ordinal}


def _iso(d: Any) -> str | None:
    if d is None:
        return None
    return d.isoformat() if hasattr(d, "isoformat") else str(d)[:10]


def _parse(d: Any) -> date | None:
    if d is None or isinstance(d, date):
        return d
    try:
        return date.fromisoformat(str(d)[:10])
    except ValueError:
        return None


def _loc_rank(loc: dict | None) -> int:
    if not loc or not loc.get("name"):
        return 99
    return PRECISION_RANK.get(loc.get("precision") or "exact", 5)


def consolidated_location(claims: list[SourcedClaim]) -> dict[str, Any] | None:
    """The most precise place any source gives; among equals, the one most sources give."""
    locs = [c.payload.get("location") for c in claims]
    locs = [loc for loc in locs if loc and loc.get("name")]
    if not locs:
        return None
    top = min(_loc_rank(loc) for loc in locs)
    best = [loc for loc in locs if _loc_rank(loc) == top]
    key = majority([(loc.get("geonames_id") or loc.get("name")) for loc in best])
    for loc in best:
        if (loc.get("geonames_id") or loc.get("name")) == key:
            return dict(loc)
    return dict(best[0])


def consolidated_date(claims: list[SourcedClaim]) -> dict[str, Any] | None:
    """The date the most precise sources agree on (most common range; ties: the earliest)."""
    dates = [c.payload.get("date") for c in claims]
    dates = [d for d in dates if d and d.get("start")]
    if not dates:
        return None
    top = min(DATE_PRECISION_RANK.get(d.get("precision") or "day", 4) for d in dates)
    best = [d for d in dates if DATE_PRECISION_RANK.get(d.get("precision") or "day", 4) == top]
    counts = Counter((d["start"], d.get("end") or d["start"]) for d in best)
    top_n = max(counts.values())
    start, end = min(k for k, n in counts.items() if n == top_n)
    return {"start": start, "end": end, "precision": best[0].get("precision") or "day"}


def consolidated_actors(claims: list[SourcedClaim]) -> list[dict[str, Any]]:
    """Every actor any source names, once per role; each with the number of sources naming it."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for c in claims:
        for a in c.payload.get("actors") or []:
            if not a.get("name"):
                continue
            k = (a["name"], a.get("role") or "party")
            if k not in out:
                out[k] = {**a, "role": k[1], "reported_by": 0}
            out[k]["reported_by"] += 1
    return sorted(out.values(), key=lambda a: (-a["reported_by"], a["role"], a["name"]))


def consolidated_counts(claims: list[SourcedClaim], key: str) -> dict[str, Any]:
    """Per category (total, civilians, ...): best / low / high over the sources, with the qualifier
    of the figure that gave ``best``."""
    out: dict[str, Any] = {}
    for cat in COUNT_KEYS:
        figs, floors = [], []
        for c in claims:
            if (c.payload.get("attribution") or {}).get("certainty") == "denied":
                continue  # a denial is shown among the figures, never counted
            f = (c.payload.get(key) or {}).get(cat)
            if f:
                # A total that only counts the children or the women ("at least 27 children were
                # killed") is a floor of the toll: it stands only where no report gives the whole.
                (floors if cat == "total" and counts_a_part(c.payload.get(key)) else figs).append(f)
        figs = figs or floors
        rng = fatality_range(figs)
        if all(v is None for v in rng.values()):
            out[cat] = None
            continue
        qual = None
        for f in figs:
            if f.get("best") == rng["best"]:
                qual = f.get("qualifier")
                break
        out[cat] = {**rng, "qualifier": qual or ("up_to" if rng["best"] is None else "exact"), "n_figures": len(figs)}
    return out


def _outlet_entry(c: SourcedClaim, registry) -> dict[str, Any]:
    o = registry.find(c.outlet) if c.outlet else None
    a = registry.find(c.agency) if c.agency else None
    entry = {"name": c.outlet or (a.name if a else None) or "unknown outlet", "key": o.key if o else None,
             "affiliation": o.affiliation if o else None, "country": o.country if o else None}
    if o and o.party:
        entry["party"] = o.party
    if c.agency:
        entry["agency"] = a.name if a else c.agency
    return entry


def figures(claims: list[SourcedClaim], registry) -> list[dict[str, Any]]:
    """Per-source figures, side by side: who said how many, citing whom."""
    out = []
    for c in claims:
        p = c.payload
        out.append(
            {
                "source": _outlet_entry(c, registry)["name"],
                "outlet": _outlet_entry(c, registry),
                "document_id": c.document_id,
                "claim_id": c.claim_id,
                "published": _iso(c.published),
                "title": c.title,
                "fatalities": p.get("fatalities") or {},
                "injured": p.get("injured") or {},
                "attribution": p.get("attribution") or {},
                "sub_event_type": p.get("sub_event_type"),
                "date": p.get("date"),
                "location": (p.get("location") or {}).get("name"),
            }
        )
    return out


def corroboration(claims: list[SourcedClaim], registry) -> dict[str, Any]:
    """Independent sources, reports, and the diversity of who reported (affiliations, countries)."""
    reports = [
        Report(
            claim_id=c.claim_id,
            document_id=c.document_id,
            outlet=c.outlet,
            agency=c.agency,
            attribution=list((c.payload.get("attribution") or {}).get("sources") or []),
            fingerprint=c.fingerprint,
        )
        for c in claims
    ]
    sources = independent_sources(reports, registry)
    outlets = {}
    for c in claims:
        e = _outlet_entry(c, registry)
        outlets.setdefault(e["name"], e)
    affiliations = Counter(s.get("affiliation") or "unknown" for s in sources)
    outlet_affiliations = Counter(e.get("affiliation") or "unknown" for e in outlets.values())
    return {
        "n_sources": len(sources),
        "n_reports": len({c.document_id for c in claims}),
        "sources": sources,
        "outlets": sorted(outlets.values(), key=lambda e: e["name"]),
        "affiliations": dict(sorted(affiliations.items())),
        "outlet_affiliations": dict(sorted(outlet_affiliations.items())),
        "countries": sorted({e["country"] for e in outlets.values() if e.get("country")}),
        "parties": sorted({e["party"] for e in outlets.values() if e.get("party")}),
    }


def consolidate_event(claims: list[SourcedClaim], registry) -> dict[str, Any]:
    """The ``events`` row values (without id, status, timestamps) for a group of claims."""
    claims = sorted(claims, key=lambda c: (_iso(c.published) or "", c.document_id, c.ordinal))
    # A tally merged by an analyst into an incident never adds to the incident's figures.
    counted = [c for c in claims if not c.aggregate] or claims
    payloads = [c.payload for c in claims]
    event_type = majority([p.get("event_type") for p in payloads], TYPE_PRECEDENCE) or payloads[0].get("event_type")
    sub = majority([p.get("sub_event_type") for p in payloads if p.get("event_type") == event_type])
    method = majority([p.get("method") for p in payloads if p.get("sub_event_type") == sub])
    d = consolidated_date(claims)
    loc = consolidated_location(claims)
    fat = consolidated_counts(counted, "fatalities")
    inj = consolidated_counts(counted, "injured")
    attribution_sources = list(dict.fromkeys(s for p in payloads for s in (p.get("attribution") or {}).get("sources") or []))
    certainty = majority([(p.get("attribution") or {}).get("certainty") for p in payloads], CERTAINTY_PRECEDENCE)
    evidence = [
        {**span, "document_id": c.document_id, "claim_id": c.claim_id}
        for c in claims
        for span in c.payload.get("evidence") or []
    ]
    corr = corroboration(claims, registry)
    aggregate = next((p.get("aggregate") for p in payloads if p.get("aggregate")), None)
    payload: dict[str, Any] = {
        "event_type": event_type,
        "sub_event_type": sub,
        "method": method,
        "date": d,
        "location": loc,
        "actors": consolidated_actors(claims),
        "fatalities": fat,
        "injured": inj,
        "attribution": {"sources": attribution_sources, "chain": [], "certainty": certainty or "reported"},
        "evidence": evidence,
        "salience": max((p.get("salience") or 0.0) for p in payloads),
        "aggregate": aggregate,
        "figures": figures(claims, registry),
        "corroboration": corr,
        "claims": [c.anchor for c in claims],
    }
    for extra in ("agreement", "aid"):
        val = next((p.get(extra) for p in payloads if p.get(extra)), None)
        if val is not None:
            payload[extra] = val
    total = fat.get("total") or {}
    loc = loc or {}
    return {
        "event_type": event_type,
        "sub_event_type": sub,
        "method": method,
        "date_start": _parse(d["start"]) if d else None,
        "date_end": _parse(d.get("end")) if d else None,
        "date_precision": d.get("precision") if d else None,
        "location_name": loc.get("name"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "geonames_id": loc.get("geonames_id"),
        "location_precision": loc.get("precision"),
        "fatalities_best": total.get("best"),
        "fatalities_low": total.get("low"),
        "fatalities_high": total.get("high"),
        "is_aggregate": all(c.aggregate for c in claims),
        "n_sources": corr["n_sources"],
        "n_reports": corr["n_reports"],
        "payload": payload,
    }


EDITABLE_FIELDS = ("event_type", "sub_event_type", "method", "date", "location", "fatalities", "actors")


def apply_edit(row: dict[str, Any], changes: dict[str, Any], review: dict[str, Any]) -> None:
    """Overlay an analyst's edit on a consolidated event row (in place); the sources' own figures stay."""
    payload = row["payload"]
    consolidated = payload.setdefault("review", {}).setdefault("consolidated", {})
    for k, v in changes.items():
        if k not in EDITABLE_FIELDS:
            continue
        consolidated.setdefault(k, payload.get(k))
        if k == "fatalities":
            fat = dict(payload.get("fatalities") or {})
            total = dict(fat.get("total") or {})
            total.update({kk: vv for kk, vv in v.items() if kk in ("best", "low", "high", "qualifier")})
            total["edited"] = True
            fat["total"] = total
            payload["fatalities"] = fat
            row["fatalities_best"], row["fatalities_low"], row["fatalities_high"] = total.get("best"), total.get("low"), total.get("high")
        elif k == "date":
            payload["date"] = v
            row["date_start"], row["date_end"] = _parse(v.get("start")), _parse(v.get("end") or v.get("start"))
            row["date_precision"] = v.get("precision") or "day"
        elif k == "location":
            payload["location"] = v
            for col, key in (("location_name", "name"), ("lat", "lat"), ("lon", "lon"), ("country", "country"),
                             ("admin1", "admin1"), ("admin2", "admin2"), ("geonames_id", "geonames_id"),
                             ("location_precision", "precision")):
                row[col] = (v or {}).get(key)
        elif k == "actors":
            payload["actors"] = v
        else:
            payload[k] = v
            row[k] = v
    payload["review"].setdefault("edits", []).append(review)
