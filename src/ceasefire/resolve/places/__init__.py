"""Geoparsing: find every place a text names and resolve it against the offline gazetteer.

Public surface:

- :func:`geoparse` — every toponym of a text with its resolution (offsets into the text);
- :func:`locate_event` — the Event JSON v1 ``location`` of an event told in one sentence;
- :func:`lookup` — the best gazetteer entry for a bare name (e.g. an ACLED ``location``);
- :func:`choose_event_toponym` — the lower-level event/place linker (sentence, verb span,
  candidate toponyms), used by ``ceasefire eval geoparse``;
- :mod:`.gazetteer` — building, importing and reading the gazetteer file.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Any


@dataclass
class Toponym:
    """A place named in the text, resolved (or not) to a gazetteer entry."""

    start: int
    end: int
    text: str
    name: str | None = None  # the gazetteer's name
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    feature_class: str | None = None
    precision: str | None = None  # exact | near | admin2 | admin1 | country
    role: str | None = None  # e.g. dateline, speaker_city, containing_area
    demonym: bool = False  # named by its people or adjective ("Syrian", "Russians")

    def as_location(self) -> dict[str, Any]:
        """The Event JSON v1 ``location`` object."""
        return {
            "name": self.name or self.text,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "geonames_id": self.geonames_id,
            "precision": self.precision or "exact",
        }


def geoparse(text: str, spacy_doc: Any = None) -> list[Toponym]:
    """Every toponym in ``text`` with its resolution (offsets into ``text``).

    ``spacy_doc`` is the English pipeline's parse of exactly ``text`` when the caller already
    has one; otherwise the text is parsed here.
    """
    from ceasefire.resolve.places.detect import find_mentions
    from ceasefire.resolve.places.gazetteer import default_gazetteer

    if not text or not text.strip():
        return []
    doc = spacy_doc if spacy_doc is not None and spacy_doc.text == text else _parse(text)
    gaz = default_gazetteer()
    mentions = find_mentions(doc, gaz, text)
    return resolve_mentions(mentions, text, gaz)


def resolve_mentions(mentions: list, text: str, gaz: Any) -> list[Toponym]:
    """Resolve detected mentions (see :mod:`.detect`) into toponyms."""
    with gaz.reading():  # the report's lookups in one read of the gazetteer file
        return _resolve_mentions(mentions, text, gaz)


def _resolve_mentions(mentions: list, text: str, gaz: Any) -> list[Toponym]:
    from ceasefire.resolve.places.resolve import DROP, choose_places
    from ceasefire.resolve.places.roles import county_point, mention_role, precision_of

    from ceasefire.resolve.places.facility_anchor import anchor_facility_namesakes

    chosen = choose_places(mentions, gaz, text)
    anchor_facility_namesakes(mentions, chosen, text)  # "Kodiak Library": no building in a far Kodiak
    roles = [mention_role(m, text) for m in mentions]
    out: list[Toponym] = []
    containers = set()
    placed_by_text: dict[str, Any] = {}  # "Sabari district, Khost province" places a later bare "Sabari"
    for m in mentions:
        if m.container_text:
            anchor = _container_place(m, mentions, chosen, text)
            if anchor is not None:
                placed_by_text.setdefault(m.text.lower(), anchor)
    for k, (m, p) in enumerate(zip(mentions, chosen)):
        if p is DROP:
            continue
        role = roles[k]
        t = Toponym(m.start, m.end, m.text, role=role, demonym=m.demonym)
        container = _container_place(m, mentions, chosen, text) if m.container_text and p is not None else None
        if (p is not None and container is not None and container is not p and p.population < 50_000
                and (container.is_area or container.population > 10 * max(p.population, 1000)) and not _within(p, container)):
            # "Chak district, Wardak province": the text says where the place lies. A same-name place
            # elsewhere (Chak, Pakistan) is a wrong point; the named area is a right, coarser one.
            _take_area(t, container, gaz)
        elif p is not None:
            lat, lon = p.lat, p.lon
            if lat is None and p.is_admin2:
                lat, lon = county_point(p, chosen, gaz)
            t.name = p.name
            t.geonames_id = p.geonames_id
            t.lat, t.lon = lat, lon
            t.country = p.country
            t.admin1 = gaz.admin1_name(p.country, p.admin1) if not p.is_admin1 else p.name
            if p.is_admin1 or p.is_country:
                t.admin1 = p.name if p.is_admin1 else None
            t.feature_class = p.feature_class
            t.precision = precision_of(p, m)
        elif m.container_text and (anchor := _container_place(m, mentions, chosen, text)) is not None:
            # A village or district the gazetteer lacks, placed by the text in an area it knows.
            _take_area(t, anchor, gaz)
        elif m.text.lower() in placed_by_text:
            _take_area(t, placed_by_text[m.text.lower()], gaz)
        elif (m.label == "LOC" or m.label == "GPE" and not m.candidates
              or m.label == "FAC" and not _title_case_before(text, m.start)):
            # ... and a town or district spaCy is sure of that the gazetteer lacks ("Khayelitsha", "Portroe").
            # A place the gazetteer cannot know (a street, a building, a village): it lies in the
            # area the text puts it in ("the Aziziyah district of Aleppo"), else the report's nearest town.
            anchor = _container_place(m, mentions, chosen, text) or _nearest_settlement(k, mentions, chosen, roles, text)
            if anchor is not None:
                t.lat, t.lon, t.country = anchor.lat, anchor.lon, anchor.country
                t.admin1 = gaz.admin1_name(anchor.country, anchor.admin1)
                t.precision = "near"
                t.role = t.role or "inferred_from_context"
        if m.container_text:
            containers.add(m.container_text)
        out.append(t)
    for t in out:
        if t.role is None and t.text in containers:
            t.role = "containing_area"
    return out


def _within(p: Any, container: Any) -> bool:
    """Whether place ``p`` lies in the area or near the town ``container``."""
    from ceasefire.resolve.places.resolve import _inside

    if p.is_country or (p.is_admin1 and not container.is_country):
        return True  # "Syria, Iraq" or "Idlib, Aleppo": a list, not a place and its container
    if not container.is_area and container.country == p.country and container.admin1 and container.admin1 == p.admin1:
        return True  # "Jasim, Daraa": the town in the governorate its capital names
    return _inside(p, container)


def _take_area(t: Toponym, area: Any, gaz: Any) -> None:
    """Place ``t`` at the area (or town) the text puts it in, with that area's precision."""
    t.lat, t.lon, t.country = area.lat, area.lon, area.country
    t.admin1 = area.name if area.is_admin1 else (gaz.admin1_name(area.country, area.admin1) if not area.is_country else None)
    t.precision = "country" if area.is_country else "admin1" if area.is_admin1 else "admin2" if area.is_admin2 else "near"
    t.role = t.role or "inferred_from_context"


def _container_place(m: Any, mentions: list, chosen: list, text: str) -> Any:
    from ceasefire.resolve.places.resolve import _mention_at

    if not m.container_text:
        return None
    idx = _mention_at(mentions, m.end, m.container_text, text)
    p = chosen[idx] if idx is not None else None
    return p if p is not None and getattr(p, "lat", None) is not None and p.name else None


_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL_WORDS = frozenset({"a", "an", "the", "in", "of", "on", "at", "to", "for", "and", "as", "by", "with", "from"})


def _title_case_before(text: str, start: int, words: int = 5) -> bool:
    """The words before ``start`` are a headline's Title Case ("30 Syrian Rebels Killed in ISIS
    Suicide Blast"), where spaCy takes capitalised phrases for places: no town to guess at. A list
    of names run together by semicolons ("Oranmore Castle Hotel, Galway; Kilcolgan Parish Hall") is no
    headline: only the words since the last semicolon count."""
    window = text[max(0, start - 80): start]
    window = window[window.rfind(";") + 1:]
    before = [w for w in _TITLE_WORD.findall(window) if w.lower() not in _SMALL_WORDS][-words:]
    return len(before) == words and sum(w[0].isupper() for w in before) >= words - 1


_AREA_WORD_AFTER = re.compile(r"\s+(?:province|governorate|county|region)\b", re.I)
_QUARTER_AFTER = re.compile(r"(?:\s+(?:and|,)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s+(?:neighbou?rhoods?|districts?|quarters?)\b", re.I)
#: How close before a place the gazetteer lacks another place must be named to hold it, whatever
#: area the report's other places lie in (about two sentences).
JUST_NAMED_CHARS = 300


def _nearest_settlement(k: int, mentions: list, chosen: list, roles: list | None = None, text: str = "") -> Any:
    """The settlement (or county, governorate) named nearest in the text, within the report's most
    named country; the dateline or the city a speaker spoke from only when the report names no other,
    and a state or province only when it names no town or county at all."""
    from collections import Counter

    countries = Counter(p.country for p in chosen if p is not None and p.country)
    main_country = countries.most_common(1)[0][0] if countries else None
    # Within that country, the state or province most of its places lie in, when one holds half of
    # them: a street of a New Orleans report lies in Louisiana, not at a Philadelphia square the
    # gazetteer read for "Washington Square".
    areas = Counter((p.country, p.admin1) for p in chosen
                    if p is not None and p.country == main_country and p.admin1 and not p.is_country)
    main_area = None
    if areas:
        (area, count), total = areas.most_common(1)[0], sum(areas.values())
        if count >= 2 and count * 2 >= total:
            main_area = area
    # ... unless the text has just named another province or county of that country as such: "a car bomb in
    # Daraa province ... the town of Namar" lies in Daraa, though the report's other places are in Aleppo.
    here = mentions[k].start
    # (or, for a quarter of a city, the city: "rockets hit al-Qusor and Hrabesh neighbourhoods")
    quarter = bool(_QUARTER_AFTER.match(text, mentions[k].end)) if text else False
    just = [(here - mentions[j].start, p) for j, p in enumerate(chosen)
            if p is not None and p.lat is not None and p.country == main_country and p.admin1 and not p.is_country
            and 0 < here - mentions[j].start <= JUST_NAMED_CHARS and (roles is None or roles[j] not in ("dateline", "speaker_city"))
            and ((p.is_admin1 or p.is_admin2) and _AREA_WORD_AFTER.match(text, mentions[j].end) or p.feature_class == "P" and quarter)]
    if main_area and just:
        last = min(just, key=lambda x: x[0])[1]
        main_area = (last.country, last.admin1)
    best, best_d = None, None
    state, state_d = None, None
    for j, p in enumerate(chosen):
        if p is None or p.lat is None or not (p.feature_class == "P" or p.is_admin1 or p.is_admin2):
            continue
        if roles is not None and roles[j] in ("dateline", "speaker_city"):
            continue
        if main_country and p.country != main_country:
            continue
        if main_area and (p.country, p.admin1) != main_area:
            continue
        d = abs(mentions[j].start - here)
        if mentions[j].start > here:
            d += 150  # the text names a place's surroundings before it more often than after it
        if p.is_admin1:
            # A state's or province's point lies hundreds of km from most of its places: it is the
            # point only when the report names no town or county to go by (a street of a Fargo report
            # lies in Fargo, not in the middle of North Dakota).
            if state_d is None or d < state_d:
                state, state_d = p, d
        elif best_d is None or d < best_d:
            best, best_d = p, d
    if best is None and roles is not None:
        # Nothing else to go by: the town the report was filed from ("BEIRUT (Reuters) -").
        best = _nearest_settlement(k, mentions, chosen, None, text)
        if best is not None and best.is_admin1 and state is not None:
            best = state
    return best if best is not None else state


def _parse(text: str) -> Any:
    from ceasefire.nlp import load_pipeline

    nlp = load_pipeline(("lemmatizer",))
    return nlp(text)


def locate_event(ctx: Any, sentence: Any) -> dict[str, Any] | None:
    """The Event JSON v1 location of an event told in ``sentence`` of the document ``ctx``."""
    from ceasefire.resolve.places.event_location import locate_event as _locate

    return _locate(ctx, sentence)


def choose_event_toponym(sentence: str, verb: tuple[int, int], toponyms: list) -> int | None:
    """Index of the event's toponym among ``toponyms`` (offsets relative to ``sentence``), or None."""
    from ceasefire.resolve.places.event_location import choose_event_toponym as _choose

    return _choose(sentence, verb, toponyms)


def lookup(name: str, country: str | None = None) -> dict[str, Any] | None:
    """The best gazetteer entry for a place name, as an Event JSON v1 location, or None.

    ``country`` (ISO 3166-1 alpha-2) restricts the choice when given.
    """
    from ceasefire.resolve.places.detect import Mention, lookup_candidates
    from ceasefire.resolve.places.gazetteer import default_gazetteer

    if not name or not name.strip():
        return None
    gaz = default_gazetteer()
    cands = lookup_candidates(gaz, name.strip())
    if country:
        cands = [c for c in cands if c[0].country == country.upper()]
    if not cands:
        return None
    m = Mention(0, len(name), name, cands)
    return resolve_mentions([m], name, gaz)[0].as_location()


__all__ = ["Toponym", "choose_event_toponym", "geoparse", "locate_event", "lookup", "resolve_mentions"]
