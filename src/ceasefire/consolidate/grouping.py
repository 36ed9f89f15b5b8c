"""Grouping: claims become events, one claim at a time (pure, no store).

A claim is what one report says about one incident. Claims are taken in a
canonical order (incident date, then publication, then document and position)
and each joins the best-matching open event, or opens a new one. Candidates
come from a blocking index keyed by day and place (a 0.25-degree grid cell for
located claims, the governorate for claims placed only at admin1 level or at
its capital, the spelling-free name of a village the gazetteer lacks, the
country for claims without a place and for massacres), and by day and rare word
(a word shared by more than :data:`TEXT_KEY_LIMIT` open events is no key), so the work per
claim is bounded by the number of events reported in its neighbourhood in a
few days' window, and the total cost grows linearly with the number of claims.

A claim joins the best event scoring at least :data:`MERGE_THRESHOLD`. (Joining
two open events that one claim matches was tried and dropped: in a busy city it
snowballs into one event a day -- pairwise precision 0.25 on the synthetic
million -- and gained nothing on the gold pairs.)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from ceasefire.consolidate.matching import (
    MASS_TOLL, MAX_TEXT_MEMBERS, TEXT_MAX_GAP_DAYS, TEXT_STRONG, _area_key, _capital, _name_key, match_score,
)
from ceasefire.consolidate.record import MAX_GAP_DAYS, PRECISION_RANK, ClaimRecord, is_coarse, is_windowed

MERGE_THRESHOLD = 0.3
TEXT_KEY_LIMIT = 64  # a rare word shared by more open events than this is not rare here: not a block key
CELL_DEGREES = 0.25  # blocking grid: 3x3 cells cover every place within 25 km


class EventGroup:
    """Claims consolidated as one event, with the summary the matcher compares new claims to."""

    __slots__ = (
        "index", "claims", "documents", "subs", "etypes", "start", "end", "place", "geonames", "perpetrators",
        "figures", "aggregate", "event_id", "coarse_date", "keys", "texts", "fine", "sub_counts", "perp_counts",
        "_median", "day_counts",
    )

    def __init__(self, index: int, claim: ClaimRecord, event_id: str | None = None):
        self.index = index  # creation order: ties go to the older event
        self.claims: list[ClaimRecord] = []
        self.documents: set[str] = set()
        self.subs: set[str] = set()
        self.sub_counts: Counter[str] = Counter()
        self.etypes: set[str] = set()
        self.start: int | None = None
        self.end: int | None = None
        self.fine = False  # dated by a member's day (not only by a window of days)
        self.place: ClaimRecord | None = None  # the member with the most precise place
        self.geonames: set[int] = set()
        self.perpetrators: set[str] = set()
        self.perp_counts: Counter[str] = Counter()
        self.figures: list[tuple[str, int]] = []  # (document id, killed)
        self._median: tuple[int, int] | None = None  # (len(figures), median) when last computed
        self.aggregate = claim.aggregate
        self.event_id = event_id
        self.coarse_date = False
        self.keys: set[tuple] = set()
        self.texts: list[frozenset[str]] = []  # members' term sets (the last few are compared)
        self.day_counts: Counter[int] = Counter()  # members' days (one-day claims): the days most reports give
        self.add(claim)

    def median_figure(self) -> int | None:
        """The median of the members' killed counts (kept until a figure is added: an event told
        by a thousand reports is compared with many claims)."""
        if not self.figures:
            return None
        if self._median is None or self._median[0] != len(self.figures):
            ns = sorted(n for _, n in self.figures)
            self._median = (len(ns), ns[len(ns) // 2])
        return self._median[1]

    def add(self, c: ClaimRecord) -> None:
        self.claims.append(c)
        self.documents.add(c.document_id)
        self.subs.add(c.sub_event_type)
        self.sub_counts[c.sub_event_type] += 1
        self.etypes.add(c.event_type)
        if c.start is not None:
            windowed = is_windowed(c)
            if not windowed and c.end - c.start <= MAX_GAP_DAYS:
                self.day_counts[c.start] += 1
            if windowed and self.fine:
                pass  # a window around the day the other reports give: the day stands
            elif not windowed and not self.fine:
                self.start, self.end, self.fine = c.start, c.end, True  # the first day replaces a window
            else:
                self.start = c.start if self.start is None else min(self.start, c.start)
                self.end = c.end if self.end is None else max(self.end, c.end)
        if _place_rank(c) < _place_rank(self.place):
            self.place = c
        if c.geonames_id:
            self.geonames.add(c.geonames_id)
        self.perpetrators.update(c.perpetrators)
        self.perp_counts.update(c.perpetrators)
        if c.fatalities is not None:
            self.figures.append((c.document_id, c.fatalities))
        if is_coarse(c):
            self.coarse_date = True
        if c.terms:
            self.texts.append(c.terms)



def _place_rank(c: ClaimRecord | None) -> int:
    if c is None:
        return 99
    if c.precise:
        return PRECISION_RANK.get(c.location_precision or "exact", 0)
    if c.admin1:
        return 3
    if c.country:
        return 4
    return 50



class Consolidator:
    """Groups claims into events, incrementally: ``add(claim)`` returns the group it joined.

    Seed it with existing events (``seed``) to consolidate new claims against a
    store's events; keys of the blocking index are computed from the summary.
    """

    def __init__(self, threshold: float = MERGE_THRESHOLD):
        self.threshold = threshold
        self.groups: list[EventGroup] = []
        self._day_index: dict[tuple, list[EventGroup]] = {}
        self._coarse_index: dict[tuple, list[EventGroup]] = {}
        self._text_index: dict[tuple, list[EventGroup]] = {}

    # -- blocking -----------------------------------------------------------
    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return (math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES))

    def _group_keys(self, g: EventGroup) -> set[tuple]:
        """Keys an event is found under: grid cells of precise members, governorate, country."""
        keys: set[tuple] = set()
        for c in g.claims:
            if c.precise:
                keys.add(("g",) + self._cell(c.lat, c.lon))
                if not c.geonames_id and c.location_name:
                    keys.add(("N", c.country, _name_key(c.location_name)))  # a village the gazetteer lacks
                if c.admin1:
                    keys.add(("A", c.country, _area_key(c.admin1)))  # found by governorate-level claims
                    if _capital(c):
                        keys.add(("C", c.country, _area_key(c.admin1)))  # found by the governorate's towns
            elif c.admin1:
                keys.add(("a", c.country, _area_key(c.admin1)))
            elif c.country:
                keys.add(("c", c.country))
            else:
                keys.add(("n",))
        if g.place is not None and g.place.country and g.figures:
            if g.median_figure() >= MASS_TOLL:
                keys.add(("M", g.place.country))  # a massacre: found by the country's other massacre reports
        return keys

    def _claim_keys(self, c: ClaimRecord) -> list[tuple]:
        keys = self._place_keys(c)
        if c.fatalities is not None and c.fatalities >= MASS_TOLL and c.country:
            keys.append(("M", c.country))
        return keys

    def _place_keys(self, c: ClaimRecord) -> list[tuple]:
        if c.precise:
            x, y = self._cell(c.lat, c.lon)
            keys = [("g", x + i, y + j) for i in (-1, 0, 1) for j in (-1, 0, 1)]
            if not c.geonames_id and c.location_name:
                keys.append(("N", c.country, _name_key(c.location_name)))
            if c.admin1:
                area = (c.country, _area_key(c.admin1))
                keys += [("a", *area), ("C", *area)]
                if _capital(c):  # the capital may stand for its governorate: any town of it
                    keys.append(("A", *area))
            return keys
        if c.admin1:
            return [("a", c.country, _area_key(c.admin1)), ("A", c.country, _area_key(c.admin1))]
        if c.country:
            return [("c", c.country)]
        return [("n",)]

    def _register(self, g: EventGroup) -> None:
        keys = self._group_keys(g)
        if g.start is None:
            return
        if g.coarse_date or g.aggregate:
            for k in keys - g.keys:
                self._coarse_index.setdefault(k, []).append(g)
            g.keys |= keys
            return
        for k in keys:
            for day in range(g.start, g.end + 1):
                if (k, day) not in g.keys:
                    g.keys.add((k, day))
                    self._day_index.setdefault((k, day), []).append(g)
        # The rare words of its reports: a report that places the incident elsewhere or dates it
        # by a later publication still finds it (and only with strong agreement of the words).
        for terms_ in g.texts[-MAX_TEXT_MEMBERS:]:
            for term in terms_:
                for day in range(g.start, g.end + 1):
                    k = (("t", term), day)
                    if k not in g.keys:
                        g.keys.add(k)
                        self._text_index.setdefault(k, []).append(g)

    def candidates(self, c: ClaimRecord) -> list[EventGroup]:
        """Open events near the claim in time and place (the block)."""
        if c.start is None:
            return []
        seen: dict[int, EventGroup] = {}
        keys = self._claim_keys(c)
        if is_coarse(c):
            for k in keys:
                for g in self._coarse_index.get(k, ()):
                    seen.setdefault(g.index, g)
        else:
            for k in keys:
                for day in range(c.start - MAX_GAP_DAYS, c.end + MAX_GAP_DAYS + 1):
                    for g in self._day_index.get((k, day), ()):
                        seen.setdefault(g.index, g)
            if self._text_index and len(c.terms) >= TEXT_STRONG[1]:
                # Events outside the place-and-day block matter only if the words agree strongly
                # (else a veto stands): at least TEXT_STRONG[1] of the claim's words must hit one.
                hits: dict[int, set[str]] = {}
                found_by_words: dict[int, EventGroup] = {}
                for term in c.terms:
                    for day in range(c.start - TEXT_MAX_GAP_DAYS, c.end + TEXT_MAX_GAP_DAYS + 1):
                        found = self._text_index.get((("t", term), day), ())
                        if len(found) <= TEXT_KEY_LIMIT:  # a word this common here is no block
                            for g in found:
                                if g.index not in seen:
                                    hits.setdefault(g.index, set()).add(term)
                                    found_by_words[g.index] = g
                for i, words in hits.items():
                    if len(words) >= TEXT_STRONG[1]:
                        seen[i] = found_by_words[i]
        return list(seen.values())

    # -- grouping -----------------------------------------------------------
    def new_group(self, claim: ClaimRecord, event_id: str | None = None) -> EventGroup:
        g = EventGroup(len(self.groups), claim, event_id)
        self.groups.append(g)
        self._register(g)
        return g

    def seed(self, claims: Iterable[ClaimRecord], event_id: str) -> EventGroup:
        """An existing event (with its claims) that new claims may join."""
        it = iter(claims)
        g = self.new_group(next(it), event_id)
        for c in it:
            g.add(c)
            # Registered after each claim, as when the claims joined it one by one: the keys of a
            # day it no longer spans (a window of days narrowed to one day) still find it.
            self._register(g)
        return g

    def _scored(self, c: ClaimRecord) -> list[tuple[float, EventGroup]]:
        """Candidate events the claim may join, best first (ties: the older event)."""
        out = []
        for g in self.candidates(c):
            sc = match_score(c, g)
            if sc is not None and sc >= self.threshold:
                out.append((sc, g))
        out.sort(key=lambda x: (-x[0], x[1].index))
        return out

    def best_match(self, c: ClaimRecord) -> EventGroup | None:
        scored = self._scored(c)
        return scored[0][1] if scored else None

    def add(self, c: ClaimRecord) -> EventGroup:
        scored = self._scored(c)
        if not scored:
            return self.new_group(c)
        g = scored[0][1]
        g.add(c)
        self._register(g)
        return g

    @property
    def events(self) -> list[EventGroup]:
        """The events grouped so far."""
        return self.groups


def group_claims(claims: Iterable[ClaimRecord], threshold: float = MERGE_THRESHOLD) -> list[list[ClaimRecord]]:
    """Consolidate ``claims`` from scratch: a list of groups, each in canonical order."""
    cons = Consolidator(threshold)
    for c in sorted(claims, key=lambda c: c.key):
        cons.add(c)
    return [g.claims for g in cons.events]
