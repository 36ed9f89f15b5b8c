"""The candidate places of an event beyond what the geoparser saw in its sentence: the report's
resolved names found again where they were missed, places seen with offsets relative to a
sentence or headline, and places named for an earlier incident (never a candidate)."""

from __future__ import annotations

import re
from typing import Any

_RECALLED_AFTER = re.compile(
    r"^[^.;]{0,50}?\b(?:last\s+(?:year|month|summer|winter|spring|autumn)|(?:\w+\s+)?years?\s+ago|"
    r"in\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d)\b"
)
_RECALLED_BEFORE = re.compile(r"\b(?:since|worst\s+since)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.I)


def recalled_place(text: str, t: Any) -> bool:
    """Whether ``t`` is named for an earlier incident: "in Aleppo last year", "in Ghouta on the
    outskirts of Damascus in August 2013", "the worst fighting since the battle for eastern Aleppo"."""
    return bool(_RECALLED_AFTER.match(text[t.end: t.end + 90]) or _RECALLED_BEFORE.search(text[max(0, t.start - 60): t.start]))


def _seen_again(ctx: Any, s_start: int, s_end: int, inside: list[Any], toponyms: list[Any]) -> list[Any]:
    """The report's resolved places that a sentence names where the geoparser did not see them:
    "explosions that hit Tartous Homs and Hasakeh", "attacks in Damascus its countryside
    Aleppo Homs Quneitra and Hasaka" (a list whose commas cleaning removed, read as one name or
    none), "In Aleppos Qaryat al-Ansari neighborhood" (an apostrophe lost). Only names the gazetteer
    resolved elsewhere in the same report, of a town or an area, so a person's name is never made
    a place; each copy carries its reading and the offsets of this mention."""
    pattern = _again_pattern(ctx, toponyms)
    if pattern is None:
        return []
    text = getattr(ctx, "text", "") or ""
    found: list[Any] = []
    seen = [t for t in getattr(ctx, "toponyms", None) or [] if s_start <= t.end and t.start <= s_end] + list(inside)
    for m in pattern[0].finditer(text, s_start, s_end):
        a, b = m.start(), m.start() + len(m.group("name"))
        if any(t.start < b and a < t.end for t in seen) or any(t.start < b and a < t.end for t in found):
            continue
        found.append(_replace(pattern[1][m.group("name")], start=a, end=b))
    return found


def _again_pattern(ctx: Any, toponyms: list[Any]) -> tuple[Any, dict[str, Any]] | None:
    """One pattern per report for :func:`_seen_again` (kept on the context)."""
    cache = getattr(ctx, "__dict__", None)
    if cache is not None and "_seen_again_pattern" in cache:
        return cache["_seen_again_pattern"]
    names: dict[str, Any] = {}
    for t in toponyms:
        if (t.lat is not None and t.text and len(t.text) > 3 and t.text[0].isupper()
                and t.precision in ("exact", "near", "admin2", "admin1") and not getattr(t, "demonym", False)
                and t.role not in ("dateline", "speaker_city", "inferred_from_context") and not _water(t)):
            names.setdefault(t.text, t)
    out = None
    if names:
        alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        # a possessive whose apostrophe cleaning dropped ("Aleppos", "Syrias") is the name
        out = (re.compile(r"(?<![\w'’-])(?P<name>" + alternation + r")(?:s)?(?![\w-])"), names)
    if cache is not None:
        try:
            cache["_seen_again_pattern"] = out
        except TypeError:
            pass
    return out


def _replace(t: Any, **changes: Any) -> Any:
    import dataclasses

    return dataclasses.replace(t, **changes) if dataclasses.is_dataclass(t) else _InTitle(t, changes["start"], changes["end"])


class _InTitle:
    """A toponym of the text seen where the headline names it (offsets into the headline)."""

    def __init__(self, t: Any, start: int, end: int):
        self._t = t
        self.start, self.end = start, end

    def __getattr__(self, name: str) -> Any:
        return getattr(self._t, name)


def _water(t: Any) -> bool:
    """A river, lake or sea (GeoNames feature class H): never a point an event can be coded to."""
    return getattr(t, "feature_class", None) == "H"


class _Shifted:
    """A toponym seen with offsets relative to its sentence."""

    def __init__(self, t: Any, offset: int):
        self._t = t
        self.start = t.start - offset
        self.end = t.end - offset

    def __getattr__(self, name: str) -> Any:
        return getattr(self._t, name)
