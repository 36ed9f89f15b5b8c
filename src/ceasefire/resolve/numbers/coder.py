"""Coders' lines: the toll an ACLED note states for its record ("2 fatalities coded") and the share
of a toll split across several records."""

from __future__ import annotations

import re
from typing import Any

from ceasefire.resolve.numbers.words import _DIGITS, _SMALL, parse_number

_CODER_NUMBER = rf"(?:{_DIGITS}|{_SMALL})"
_CODER_LINE = re.compile(
    rf"^\s*(?:"
    rf"(?:(?:an?\s+|the\s+)?[A-Za-z]+\s+(?:number\s+of\s+)?)?fatalities\s+(?:were\s+|are\s+|was\s+|is\s+)?coded\s+(?:as|to|at)\s+(?P<coded>{_DIGITS})(?:\s*\([^)]*\))?"
    rf"|total\s+fatalities\s+(?:of\s+|were\s+|was\s+|at\s+)?(?P<total>{_DIGITS})"
    rf"|(?P<n>{_CODER_NUMBER})\s+(?:total\s+)?fatalit(?:y|ies)(?:\s+(?:were\s+|was\s+)?(?:reported|coded|recorded))?"
    rf"|(?P<none>no|zero)\s+fatalities(?:\s+(?:were\s+)?(?:reported|coded|recorded))?"
    rf")\s*[.;]?\s*$",
    re.I,
)


_CODER_EACH = re.compile(rf"^\s*(?:[A-Za-z]+\s+){{0,3}}fatalities\b[^.]*?\b(?:split|divided)\b[^.]*?\b(?P<n>{_DIGITS}|{_SMALL})\s+each\b", re.I)


_CODED = re.compile(rf"\bfatalit(?:y|ies)\b[^.;]*?\bcoded\s+(?:as\s+|to\s+|at\s+|a\s+)?(?P<n>{_DIGITS}|{_SMALL})\b", re.I)
_SPLIT = re.compile(r"\b(?:split|spread|divided|distributed|allocated|shared)\b", re.I)
_SHARE_EACH = re.compile(rf"\b(?P<n>{_DIGITS}|{_SMALL})\s+(?:fatalit(?:y|ies)\s+)?(?:coded\s+to\s+|allocated\s+to\s+)?each\b|\beach\s+(?:allocated|coded|assigned)\s+(?:with\s+)?(?P<n2>{_DIGITS}|{_SMALL})\b", re.I)
_SHARE_WAYS = re.compile(rf"\b(?:between|across|among|over)\s+(?:the\s+|both\s+)?(?P<k>{_DIGITS}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:events|locations|places|areas|villages|towns|sites|activities)\b", re.I)
_SHARE_ALLOC = re.compile(rf"\b(?P<n>{_DIGITS}|{_SMALL})\s+(?:fatalit(?:y|ies)\s+)?(?:coded|allocated|assigned)\s+to\b|\bwith\s+(?P<n2>{_DIGITS}|{_SMALL})\s+(?:fatalit(?:y|ies)\s+)?(?:coded|allocated)\b|\b(?P<n3>{_DIGITS}|{_SMALL})\s+each\s+(?:(?:allocated|coded)\s+)?to\b|(?<=,\s)(?P<n4>\d+)\s+to\s+(?=[A-Z])", re.I)
_SHARE_LIST = re.compile(r"\b(?:distributed|spread|split|divided)\b[^.;]*?\b(?:over|across|between|among)\s+(?:the\s+)?(?:activities|clashes|events|locations|fighting)?\s*(?:in|at)\s+(?P<places>[^.;]+)", re.I)


def coder_share(line: str) -> dict[str, Any] | None:
    """This record's share of a coder's toll split between events or places (ACLED-style lines such
    as "unknown fatalities from the shelling coded to 10 and split between the 5 locations",
    "split, 2 each, between the 5 villages", "coded as 10, distributed evenly over the activities
    in A, B, and C", "split between 3 events with 4 allocated to X and 3 each to Y and Z"), or ``{"ways": k}``
    when the line splits the narrative's toll without a number ("Fatalities spread evenly across the
    two events"); None when the line splits nothing or gives no share.

    The share is the one every record gets ("5 each"), else the toll divided evenly (rounded down,
    as ACLED gives the remainder to the first places), else the share most places get; a split whose
    places get different shares with none the most common gives no share (it is not known which
    place this record is)."""
    if not _SPLIT.search(line):
        return None
    each = _SHARE_EACH.search(line)
    coded = _CODED.search(line)
    total = parse_number(coded.group("n")) if coded else None
    allocs = [parse_number(a.group("n") or a.group("n2") or a.group("n3") or a.group("n4")) for a in _SHARE_ALLOC.finditer(line)]
    allocs = [a for a in allocs if a is not None]
    ways_m = _SHARE_WAYS.search(line)
    ways = parse_number(ways_m.group("k")) if ways_m else None
    if not ways:
        listed = _SHARE_LIST.search(line)
        if listed:
            ways = len([p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", listed.group("places")) if p.strip()])
    if each and not allocs:
        n = parse_number(each.group("n") or each.group("n2"))
        return {"best": n, "low": n, "high": n, "qualifier": "exact"} if n is not None else None
    if allocs and (len(allocs) > 1 or each):
        if each:
            allocs.append(parse_number(each.group("n") or each.group("n2")) or 0)
        counts = {a: allocs.count(a) for a in allocs}
        top = max(counts.values())
        modes = [a for a, c in counts.items() if c == top]
        if len(modes) != 1:
            return None
        return {"best": modes[0], "low": modes[0], "high": modes[0], "qualifier": "exact"}
    if allocs:
        return None  # "split them between the two events with 15 coded to Jisr al-Shughur": the other share is not told
    if ways and ways > 1:
        if total is None:
            return {"ways": ways}
        n = total // ways
        return {"best": n, "low": n, "high": n, "qualifier": "exact"}
    return None


def coder_toll(sentence: str) -> dict[str, Any] | None:
    """The toll an event-data coder's line gives its record: "2 fatalities.", "Unknown fatalities
    coded to 10.", "Total fatalities coded as 3.", "No fatalities reported." (ACLED notes end so).

    The line is the coder's decision for the whole record (ACLED codes unknown counts as 10 in
    Syria), so it outranks the figures of the narrative before it. A line that splits a toll
    between events or places ("... and split between the three events with 6 coded to ...") gives
    no toll, unless it gives every record the same share ("split, 3 each, among the 12 locations").
    """
    each = _CODER_EACH.search(sentence)
    if each:  # "Total fatalities of 36 are split, 3 each, among the 12 locations": this record's share
        n = parse_number(each.group("n"))
        return {"best": n, "low": n, "high": n, "qualifier": "exact"} if n is not None else None
    share = coder_share(sentence)
    if share is not None and "best" in share:
        return share
    m = _CODER_LINE.match(sentence)
    if not m:
        coded = _CODED.search(sentence)
        if coded and not _SPLIT.search(sentence) and re.search(r"\b(?:unknown|unspecified|total|an?\s+number)\b", sentence[: coded.start() + 40], re.I):
            # "Unknown number of fatalities coded as ten.", "each militia lost an unspecified number of
            # fatalities during the raid that are coded 10", "deaths assumed, their unknown number coded as 10"
            n = parse_number(coded.group("n"))
            return {"best": n, "low": n, "high": n, "qualifier": "exact"} if n is not None else None
        return None
    if m.group("none"):
        n = 0
    else:
        n = parse_number(m.group("coded") or m.group("total") or m.group("n") or "")
    if n is None:
        return None
    return {"best": n, "low": n, "high": n, "qualifier": "exact"}
