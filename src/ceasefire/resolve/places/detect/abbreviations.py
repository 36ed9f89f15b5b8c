"""A state's or province's short form that the report itself spells out elsewhere, or whose towns
it names."""

from __future__ import annotations

from collections import Counter

from ceasefire.resolve.places.gazetteer import NAME_ABBREVIATION, NAME_CURATED, NAME_DEMONYM, NAME_MAIN
from ceasefire.resolve.places.detect.lookup import _initials, lookup_candidates
from ceasefire.resolve.places.detect.scan import Scan
from ceasefire.resolve.places.detect.vocabulary import COMMON_ACRONYMS


def find_spelled_out_abbreviations(s: Scan) -> None:
    """A postal abbreviation in capitals ("NJ", "BC") is the state or province when the report also
    names that area in full ("the NJ State Federation" in a report on New Jersey clubs). Alone, two
    capitals are an acronym far more often than a place ("OR", "IN", "ME"), which is why the scan
    skips them; the full name settles it. A release that names the province's towns and never the
    province settles it too ("ServiceDesk BC" beside Penticton and Kamloops, see ``_town_area``),
    and a country of two or more words the report names goes by its initials ("SA" beside South
    Africa). Run after the passes that find the full names; looks only at short all-capital words."""
    named = None  # the areas the report names (_named_areas), worked out at the first short form: most reports have none
    tokens, taken = s.tokens, s.taken
    for k in s.capitals:  # an all-capital word opens with a capital
        word = tokens[k].text
        if taken[k] or not (2 <= len(word) <= 3) or not word.isupper() or not word.isalpha():
            continue
        if word.lower() in COMMON_ACRONYMS or (k + 1 < s.n and tokens[k + 1].text in "-‐") or (k > 0 and tokens[k - 1].text in "-‐"):
            continue  # "(R-FL)" names a member's party and seat, not a place the report speaks of
        ent = s.ent_of[k]
        if ent is not None and ent.label_ in ("PERSON", "DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "QUANTITY"):
            continue
        if named is None:
            named, initials, town_area = _named_areas(s.mentions)
        found = [c for c in lookup_candidates(s.gaz, word) if c[1] == NAME_ABBREVIATION and c[2] != "skeleton"
                 and (c[0].id in named or (c[0].country, c[0].admin1) == town_area)]
        if not found and word.lower() in initials:
            # "post-apartheid SA" in a report on South Africa: the country by its initials.
            found = [(initials[word.lower()], NAME_CURATED, "exact")]
        if not found and k >= 2 and tokens[k - 1].text == ",":
            found = _state_of_town_before(s, k, word)
        if found:
            s.add(k, k + 1, found, "GPE")


def _state_of_town_before(s: Scan, k: int, word: str) -> list:
    """"Spokane, WA", "Bunbury, WA": a short form right after a town and its comma is the state or
    province of one of that town's readings, when it is the short form of one. The scan leaves such a
    word when it is also some other place's name ("Wa", Ghana) or an acronym's."""
    town = next((m for m in s.mentions if m.token_end == k - 1 and not m.street), None)
    if town is None:
        return []
    areas = {(p.country, p.admin1) for p, kind, match in town.candidates
             if match != "skeleton" and kind in (NAME_MAIN, NAME_CURATED) and p.feature_class == "P" and p.admin1}
    return [c for c in lookup_candidates(s.gaz, word) if c[1] == NAME_ABBREVIATION and c[2] != "skeleton"
            and c[0].is_admin1 and (c[0].country, c[0].admin1) in areas]


def _named_areas(mentions) -> tuple[set, dict, tuple | None]:
    """The ids of the countries and first-level areas the report names, the initials of those of
    its countries whose names have two or more words, and the area of its towns (``_town_area``)."""
    named = set()
    initials = {}  # "sa" -> South Africa, for a country of two or more words the report names
    for m in mentions:
        for p, kind, match in m.candidates:
            if match != "skeleton" and kind in (NAME_MAIN, NAME_CURATED, NAME_DEMONYM) and (p.is_admin1 or p.is_country):
                named.add(p.id)
                if p.is_country and " " in p.name:
                    initials.setdefault(_initials(p.name), p)
    return named, initials, _town_area(mentions)


#: How many different town names of a report must lie in one state or province, and by how many more
#: than in any other, for that area's short form to stand for it unspelled.
TOWN_AREA_NAMES, TOWN_AREA_LEAD = 2, 1


def _town_area(mentions) -> tuple | None:
    """The state or province (country, admin1 code) that holds a town of most of the report's town
    names, clearly more than any other: "Penticton" and "Kamloops" both have a town in British
    Columbia, and no other province holds both. A name counts once however many towns bear it."""
    by_name: dict[str, set] = {}
    for m in mentions:
        if m.demonym or m.street:
            continue
        areas = by_name.setdefault(m.text.lower(), set())
        areas.update((p.country, p.admin1) for p, kind, match in m.candidates
                     if match != "skeleton" and kind in (NAME_MAIN, NAME_CURATED) and p.feature_class == "P" and p.admin1)
    coverage: Counter = Counter()
    for areas in by_name.values():
        coverage.update(areas)
    if not coverage:
        return None
    ranked = coverage.most_common(2)
    (top, n), second = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0)
    return top if n >= TOWN_AREA_NAMES and n >= second + TOWN_AREA_LEAD else None
