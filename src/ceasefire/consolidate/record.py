"""The claim record: what one report says about one incident, in the fields consolidation compares
(pure, no store).

:func:`claim_record` builds a :class:`ClaimRecord` from a claims row and its Event JSON payload:
the perpetrators (all combatants of a battle), the incident's days (an undated claim takes its
report's day), the count of the dead (a count of only the children or the women is a floor, no
figure), and the rare words of its evidence sentences (for a report's main claim, also of its
headline and lead). Claims are taken in a canonical order (:attr:`ClaimRecord.key`: incident date,
then publication, then document and position). :func:`share_report_words` lets the claims of one
report that tell one incident twice be compared by the words of both. :func:`is_coarse` and
:func:`is_windowed` say how a claim is dated: a tally or a month (coarse), or one incident in a
window of days ("last week").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ceasefire.consolidate.text import terms

#: When reports disagree on the type, the highest type wins (ACLED: strikes inside a battle are the battle).
TYPE_PRECEDENCE = [
    "Battles", "Violence against civilians", "Explosions/Remote violence", "Riots", "Protests",
    "Humanitarian access", "Strategic developments",
]
PRECISION_RANK = {"exact": 0, "near": 1, "admin2": 2, "admin1": 3, "country": 4}
DATE_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
MAX_GAP_DAYS = 1  # reports one day apart may tell the same incident ("yesterday")
MAX_SPAN_DAYS = 3  # an incident told by several reports spans at most this many days
WINDOW_MAX_DAYS = 8  # "last week": a window of days around one incident (longer: coarse)
LEAD_CHARS = 600  # the lead of a report: its dateline and first two or three sentences


@dataclass(slots=True)
class ClaimRecord:
    """The fields of a claim that consolidation looks at (built from a store row or synthetic)."""

    id: int
    document_id: str
    ordinal: int
    event_type: str
    sub_event_type: str
    start: int | None  # date.toordinal()
    end: int | None
    date_precision: str | None = "day"
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country: str | None = None
    location_precision: str | None = None
    location_name: str | None = None
    fatalities: int | None = None
    aggregate: bool = False
    perpetrators: frozenset[str] = frozenset()
    published: int | None = None
    terms: frozenset[str] = frozenset()  # rare words of the evidence (see ceasefire.consolidate.text)

    @property
    def key(self) -> tuple:
        """Canonical order: incident date, publication, document, position in the document."""
        return (self.start if self.start is not None else 10**7, self.published or 0, self.document_id, self.ordinal)

    @property
    def precise(self) -> bool:
        return self.lat is not None and self.lon is not None and PRECISION_RANK.get(self.location_precision or "exact", 0) <= 2

    @property
    def located(self) -> bool:
        return self.precise or bool(self.admin1)


def claim_record(row: dict[str, Any], payload: dict[str, Any] | None = None, published: date | None = None) -> ClaimRecord:
    """A ClaimRecord from a claims row (indexed columns) and its Event JSON payload."""
    payload = payload if payload is not None else (row.get("payload") or {})
    # In a battle both sides fight: which one a report calls the attacker says little (ACLED's
    # actor 1 / actor 2 order means nothing either), so battles compare all their combatants.
    roles = ("perpetrator", "target", "party") if row.get("event_type") == "Battles" else ("perpetrator",)
    perps = frozenset(
        a["name"] for a in payload.get("actors") or [] if a.get("role") in roles and a.get("name") and not _anonymous(a["name"])
    )
    start, end = row.get("date_start"), row.get("date_end")
    if start is None and published is not None:  # undated claim: the report's day, coarse
        start = end = published
    s = start.toordinal() if start else None
    e = (end or start).toordinal() if start else None
    if s is not None and e is not None and e < s:
        s, e = e, s
    lat, lon = row.get("lat"), row.get("lon")
    fatalities = row.get("fatalities_best")
    if fatalities is not None and counts_a_part(payload.get("fatalities")):
        fatalities = None  # "at least 27 children were killed": a floor of the toll, not the toll
    texts = [e.get("text") or "" for e in payload.get("evidence") or []]
    if not row.get("ordinal"):
        # The headline and the lead tell the report's main incident (its first claim): the names
        # an outlet gives it (the village, the hospital, the toll) often stand there, not in the
        # sentences the claim was read from.
        texts += [row.get("title") or "", (row.get("lead") or "")[:LEAD_CHARS]]
    return ClaimRecord(
        id=row["id"],
        document_id=row["document_id"],
        ordinal=row.get("ordinal") or 0,
        event_type=row.get("event_type") or "",
        sub_event_type=row.get("sub_event_type") or "",
        start=s,
        end=e,
        date_precision=row.get("date_precision") or ("day" if row.get("date_start") else "unknown"),
        geonames_id=row.get("geonames_id"),
        lat=lat,
        lon=lon,
        admin1=row.get("admin1"),
        country=row.get("country"),
        location_precision=row.get("location_precision"),
        location_name=row.get("location_name"),
        fatalities=fatalities,
        aggregate=bool(row.get("is_aggregate")),
        perpetrators=perps,
        published=published.toordinal() if published else None,
        terms=terms(texts),
    )


def share_report_words(claims: list[ClaimRecord]) -> None:
    """Claims of one report telling one incident twice -- the headline and the body sentence it
    sums up, or the lead and a later paragraph: the same sub-event type, the same named place, the
    same count of the dead, at most a day apart -- are compared with other reports by the words of
    both. (The body sentence alone may name only the toll; the headline names the road or the
    market, so without them a report that shares no word with another outlet's looked neutral.)"""
    twins: dict[tuple, list[ClaimRecord]] = {}
    for c in claims:
        if c.fatalities is not None and c.start is not None and (c.geonames_id or c.location_name):
            twins.setdefault((c.document_id, c.sub_event_type, c.fatalities, c.geonames_id or c.location_name), []).append(c)
    for group in twins.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda c: (c.start, c.ordinal))
        run = [group[0]]
        for c in group[1:] + [None]:
            if c is not None and c.start - max(m.end for m in run) <= MAX_GAP_DAYS:
                run.append(c)
                continue
            if len(run) > 1:
                words = frozenset().union(*(m.terms for m in run))
                for m in run:
                    m.terms = words
            if c is not None:
                run = [c]


def counts_a_part(fatalities: dict[str, Any] | None) -> bool:
    """The claim's count of the dead is only that of the children or the women among them (UNICEF's
    "at least 27 children were killed"): a floor of the incident's toll, which other reports give
    whole ("some 80 people"), so it is no figure to compare reports by."""
    if not fatalities:
        return False
    total = (fatalities.get("total") or {}).get("best")
    if total is None:
        return False
    part = [(fatalities.get(k) or {}).get("best") for k in ("children", "women")]
    return total in part and (fatalities.get("combatants") or {}).get("best") is None



def _anonymous(name: str) -> bool:
    """An actor that says nothing about who did it: unidentified gunmen, the civilians caught in a battle."""
    return name.startswith(("Unidentified ", "Civilians ("))



def is_coarse(c: ClaimRecord) -> bool:
    """A claim dated only to a month or year, or spanning more than a few days (and not a week's
    window around one incident), or a tally."""
    if c.aggregate or c.date_precision in ("month", "year"):
        return True
    return c.start is not None and c.end - c.start > MAX_SPAN_DAYS and not is_windowed(c)


def is_windowed(c: ClaimRecord) -> bool:
    """One incident dated only to a window of days ("last week", "in recent days"): it lies somewhere
    in the window, so it matches a report of a day inside it, and does not widen that day."""
    return (
        not c.aggregate and c.date_precision == "week" and c.start is not None and c.end - c.start <= WINDOW_MAX_DAYS
    )

