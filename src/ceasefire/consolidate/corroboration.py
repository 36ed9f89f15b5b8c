"""Corroboration: the figures of an event's reports side by side (UCDP's best / low / high by
ACLED's most conservative rule), the majority of their values, and the independent sources behind
them (origins, not outlets; one text republished is one channel)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ceasefire.consolidate.republication import near_duplicate_pairs

COUNT_KEYS = ("total", "civilians", "children", "women", "combatants")


def fatality_range(figures: list[dict | None]) -> dict[str, int | None]:
    """UCDP's best / low / high from reported figures, ``best`` by ACLED's most conservative rule.

    ``figures`` are Event JSON count objects (``{"best", "low", "high", "qualifier"}``) or None.
    best = the lowest reported best; low = the lowest reported value; high = the highest.
    """
    bests, lows, highs = [], [], []
    for f in figures:
        if not f:
            continue
        b, lo, hi = f.get("best"), f.get("low"), f.get("high")
        if b is not None:
            bests.append(b)
        vals = [v for v in (b, lo, hi) if v is not None]
        if vals:
            lows.append(min(vals))
            highs.append(max(vals))
    return {
        "best": min(bests) if bests else None,
        "low": min(lows) if lows else None,
        "high": max(highs) if highs else None,
    }


def majority(values: Iterable[Any], precedence: list[Any] | None = None) -> Any:
    """The most frequent non-empty value; ties by ``precedence``, then first seen."""
    vals = [v for v in values if v not in (None, "", "unknown")]
    if not vals:
        return None
    counts = Counter(vals)
    top = max(counts.values())
    tied = [v for v in dict.fromkeys(vals) if counts[v] == top]
    if precedence and len(tied) > 1:
        tied.sort(key=lambda v: precedence.index(v) if v in precedence else len(precedence))
    return tied[0]


@dataclass
class Report:
    """One claim as told by one document, for corroboration counting."""

    claim_id: int
    document_id: str
    outlet: str | None = None
    agency: str | None = None
    attribution: list[str] = field(default_factory=list)
    fingerprint: Any = None  # the document text's MinHash signature (consolidate.republication)


def independent_sources(reports: list[Report], registry) -> list[dict[str, Any]]:
    """Group reports by their independent origin.

    Rules (docs/decisions.md):
    - a report's origin is the monitor, agency, organisation or government it
      attributes the claim to, when the registry knows it (SOHR via Reuters and
      SOHR via AFP are one source: SOHR);
    - otherwise the agency credited on the document ("with Reuters"), else the outlet;
    - documents with near-identical text are one channel (a wire story republished).
    Returns one entry per independent source: key, name, affiliation, country, and the
    claim ids and outlets that carry it.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    info: dict[str, dict[str, Any]] = {}
    origins_of: dict[int, list[str]] = {}
    channel_of: dict[int, str] = {}
    for r in reports:
        channel = None
        for name in (r.agency, r.outlet):
            o = registry.find(name) if name else None
            if o:
                channel = o.key
                info.setdefault(channel, o.as_dict())
                break
        if channel is None:
            label = r.agency or r.outlet
            channel = f"outlet:{label.strip().lower()}" if label else f"document:{r.document_id[:12]}"
            info.setdefault(channel, {"key": channel, "name": label or f"document {r.document_id[:12]}", "country": None, "affiliation": "unknown"})
        channel_of[r.claim_id] = channel
        origins = []
        for name in r.attribution:
            o = registry.find(name)
            if o and o.affiliation in ("monitor", "humanitarian", "government", "agency"):
                origins.append(o.key)
                info.setdefault(o.key, o.as_dict())
        origins_of[r.claim_id] = origins or [channel]
        find(channel)
    # Near-identical texts are one channel, whatever outlet carries them. Reports with the same
    # fingerprint are compared once; one document's reports share its channel, so a set of reports
    # spanning two documents or more joins all their channels. Distinct texts are compared only
    # when they share a MinHash band (republication.near_duplicate_pairs), so a wire story republished by
    # hundreds of outlets costs about one comparison per copy, not one per pair.
    same_text: dict[bytes, list[Report]] = {}
    sig_of: dict[bytes, Any] = {}
    for r in reports:
        if r.fingerprint is not None:
            key = r.fingerprint.tobytes()
            sig_of.setdefault(key, r.fingerprint)
            same_text.setdefault(key, []).append(r)
    texts = list(same_text.items())
    for _fp, rs in texts:
        for r in rs[1:]:
            union(channel_of[rs[0].claim_id], channel_of[r.claim_id])
    reps = [channel_of[rs[0].claim_id] for _fp, rs in texts]
    for i, j in near_duplicate_pairs([sig_of[k] for k, _rs in texts], joined=lambda i, j: find(reps[i]) == find(reps[j])):
        union(reps[i], reps[j])
    groups: dict[str, dict[str, Any]] = {}
    for r in reports:
        for origin in origins_of[r.claim_id]:
            root = find(origin)
            g = groups.setdefault(root, {**info[root], "claims": {}, "documents": {}, "outlets": {}})
            g["claims"][r.claim_id] = None  # dicts as ordered sets: first-seen order, no repeats
            g["documents"][r.document_id] = None
            g["outlets"][info[channel_of[r.claim_id]]["name"]] = None
    for g in groups.values():
        for k in ("claims", "documents", "outlets"):
            g[k] = list(g[k])
    return sorted(groups.values(), key=lambda g: g["key"])
