"""Choosing which place each mention means, from the whole document's context.

Each candidate gets a score: a prior (countries and admin areas over towns, then population;
names the supplement curates over foreign-language alternates) plus context:

- the document's country focus and admin1 focus, voted by the mentions that are unambiguous
  (countries, demonyms, admin areas, a dominant city);
- a containing area the text names next to the mention ("Maadi district in eastern Aleppo",
  "Springfield, Ill.", "the northwest province of Idlib");
- words around it: "Aleppo province" / "province of Idlib" want an admin area, "the town of"
  a settlement, "near" lowers the precision;
- support from the document's other names: each name lends its possible admin1 areas a share
  of one vote ("Henry County" a tenth to each of its ten states), so "Paris" beside "Henry
  County" and "Jackson" is Paris, Tennessee; a name all of whose readings lie in one country
  votes for that country;
- proximity to the other places of the document (a second pass).

The weights were set by hand on the development half (even document ids) of GeoWebNews and LGL;
``ceasefire eval geoparse`` reports the other half separately.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ceasefire.resolve.places.detect import Mention
from ceasefire.resolve.places.names import name_key
from ceasefire.resolve.places.mention_facts import _mention_at, _names_an_area, mention_facts
from ceasefire.resolve.places.register import american_register, british_register
from ceasefire.resolve.places.far_towns import far_towns_to_local, lone_towns_to_local
from ceasefire.resolve.places.same_name import follow_placed_names
from ceasefire.resolve.places.gazetteer import (
    NAME_ABBREVIATION,
    NAME_ALTERNATE,
    NAME_CURATED,
    NAME_DEMONYM,
    Gazetteer,
    Place,
    distance_km,
)

# Priors by kind of place (population enters as log10 for settlements, 0..~7.5).
PRIOR_COUNTRY = 10.0
PRIOR_CONTINENT = 9.5
PRIOR_ADMIN1 = 9.0
PRIOR_ADMIN1_SHARED = 4.0  # an admin1 area named like its own capital: the bare name is the city
PRIOR_REGION = 7.5
PRIOR_ADMIN2 = 6.0
SUPPLEMENT_BONUS = 1.5
WEIGHT_COUNTRY_FOCUS = 5.0
WEIGHT_ADMIN1_FOCUS = 2.5
WEIGHT_CONTAINER = 7.0
WEIGHT_TOWN_STATE = 6.0  # "Tacoma, Washington": the state of the town named just before
POP_RATIO = 1000.0  # readings under 1/1000 of a name's largest (Moscow, Idaho) lend it no area
WEIGHT_AREA_SUPPORT = 0.5  # per whole vote of the report's other names for the same admin1 area (up to 2)
WEIGHT_COHERENCE = 1.0
WEIGHT_NEIGHBOURS = 1.0  # per other name of the report with a reading near this one (up to NEIGHBOURS_CAP)
NEIGHBOURS_CAP = 3.0
NEAR_KM, AROUND_KM = 50.0, 150.0
KM_PER_DEGREE = 111.19  # of latitude, on the sphere distance_km uses (6,371 km)
_AROUND_DEGREES = AROUND_KM / KM_PER_DEGREE
NEIGHBOUR_READINGS = 12.0  # a name with more readings than this lends each a share
WORLD_CITY_POP = 200_000
FOREIGN_FOCUS_SHARE = 0.5  # a report this much about one country ...
FOREIGN_TOWN_POP = 50_000
FOREIGN_CITY_POP = 150_000  # ... a bigger town abroad gives way only to the names of one country's areas
HAMLET_POP = 5_000
NAMED_FOCUS_VOTES, NAMED_FOCUS_SHARE = 3.0, 0.8  # a report naming one country or its areas this often, and little else
NAMED_AREA_VOTE = 0.7  # what naming a first-level area votes for its country (see _vote)
OUTLINE_TOWN_POP = 5_000  # an outline reading in a report that names no country (see choose_places)
WEIGHT_COUNTY_TOWN = 2.0  # a town inside a county the report names, and that county (see _county_towns)
COUNTY_TOWN_KM = 30.0
WEIGHT_HOME = 2.0  # a reading in the report's home state or province (see _home_area)
HOME_MIN_NAMES, HOME_LEAD, HOME_SHARE = 3, 2, 0.5
STRAY_TOWN_POP = 20_000  # a town this small ...
STRAY_KM = 300.0  # ... this far from all the report's other places ...
STRAY_HOME_SHARE = 0.5  # ... in a report this much about one state or province does not wander to a small town abroad on its name alone


# "US Secretary", "Russian Foreign Minister", "American spy", "US dollar": a country named as the
# attribute of the word after it, not as where something happens. A function word, a verb of speech
# or punctuation after the name ("in the US.", "Syria and", "the US said") is no such use.
_ATTRIBUTE_AFTER = re.compile(
    r"[ \t]+(?!(?:and|or|nor|but|to|in|on|at|of|for|from|with|by|is|was|has|had|have|are|were|will|would|"
    r"can|could|may|might|must|should|said|says|say|as|that|which|who|after|before|since|over|under|into|"
    r"against|the|a|an|this|last|next|says|told|also|had|did|does|do|not|if|while|when|where|than)\b)[A-Za-z]"
)
_CURRENCY_AFTER = re.compile(r"[ \t]+(?:dollars?|pounds?|euros?|yuan|rupees?|rubles?|roubles?|dinars?|riyals?|rials?|lira|liras|francs?|pesos?|shillings?|nairas?|rand|yen|won)\b", re.I)
ALTERNATE_OUTRANKS = 20  # a town's alternate name counts beside another town's own name only when it is this much bigger
# Where English is the local language, a town's GeoNames alternate that shares no word with its name
# is an old name ("Columbia" for Baldwinsville, New York); elsewhere alternates are the local names
# the English press writes ("Saida" for Sidon), and they stay. Where no town bears the name as its own,
# such an alternate is still an old name or a nickname ("Apple City" for Watsonville, California) in a
# report on the town's country: only a city of OLD_NAME_CITY_POP keeps it ("Philly"), or a town in a state
# the report's other names point to. A report on another country is left to the rules for towns abroad.
OLD_NAME_CITY_POP = 100_000
ENGLISH_NAMED = frozenset("US GB CA AU NZ IE".split())
_WORD_RE = re.compile(r"[a-z]+")


def _shares_a_word(surface: str, name: str) -> bool:
    """Whether a name read as an alternate shares a word with the place's own name ("Avondale" and
    Avondale Estates, "St. Albans" and Saint Albans): a short or abbreviated form, not an old name."""
    own = set(_WORD_RE.findall(name_key(name)))
    return any(w in own for w in _WORD_RE.findall(surface) if w not in ("st", "saint", "mt", "mount", "ft", "fort", "new", "city"))


WEIGHT_REGISTER = 1.5  # an American reading of a lone name in an American paper (see register.py)
ATTRIBUTE_VOTE = 0.1  # what a country named as an attribute still says about where the report is
ATTRIBUTE_NAMESAKE_RATIO = 5  # ... when a town has a namesake abroad this many times bigger
CAPITAL_NAMESAKE_RATIO = 5  # a namesake abroad this many times smaller than a capital the report's country names


_DEBUG = False
DROP = Place(0, "", None, None, "", "", None, None, None, 0, "dropped")  # not a place after all


def _prior(p: Place, kind: int, match: str, shared_admin1: bool) -> float:
    if p.is_country:
        s = PRIOR_COUNTRY
    elif p.feature_code == "CONT":
        s = PRIOR_CONTINENT
    elif p.is_admin1:
        s = PRIOR_ADMIN1_SHARED if shared_admin1 else PRIOR_ADMIN1
    elif p.feature_code in ("RGN", "AREA") or p.feature_class in ("L", "T", "H"):
        s = PRIOR_REGION if p.population == 0 else max(PRIOR_REGION, math.log10(p.population + 10))
    elif p.is_admin2:
        s = PRIOR_ADMIN2
    else:
        pop = p.population if p.population > 0 else (1000 if p.source.startswith("supplement") else 100)
        s = math.log10(pop + 10)
    if p.source.startswith("supplement"):
        s += SUPPLEMENT_BONUS
    if kind == NAME_ALTERNATE:
        s -= 2.0  # "Bethlehem" is Bethlehem before it is Belém
    elif kind == NAME_ABBREVIATION:
        s -= 0.5
    elif kind == NAME_CURATED:
        s += 0.5
    if match == "article":
        s -= 0.3
    elif match == "skeleton":
        s -= 2.5
    return s


def _inside(p: Place, container: Place) -> bool:
    if container.is_country:
        return p.country == container.country
    if container.is_admin1 and container.admin1 is None and p.lat is not None and container.lat is not None:
        # A curated province without a GeoNames code ("Punjab (India)"): near its point, in its country.
        return p.country == container.country and distance_km(p.lat, p.lon, container.lat, container.lon) < 300
    if container.is_admin1:
        return p.country == container.country and p.admin1 == container.admin1
    if p.within and container.name and p.within.lower() in container.name.lower():
        return True
    if p.lat is not None and container.lat is not None:
        return distance_km(p.lat, p.lon, container.lat, container.lon) < 40
    return False


def _votes(mentions: list[Mention], text: str = "") -> tuple[list[tuple[dict, dict]], dict[str, float], dict[tuple[str, str], float]]:
    """Each mention's vote (country, admin1) and the document's totals. A country named for its
    currency ("the US dollar", "1.2 billion Egyptian pounds") stays a toponym, as GeoWebNews
    annotates it (Non_Literal_Modifier), but says nothing about where the report is."""
    per: list[tuple[dict, dict]] = []
    country: dict[str, float] = {}
    admin1: dict[tuple[str, str], float] = {}
    for m in mentions:
        c_before, a_before = dict(country), dict(admin1)
        if not (text and _CURRENCY_AFTER.match(text, m.end, m.end + 20)):
            _vote(m, country, admin1)
        per.append(({k: v - c_before.get(k, 0) for k, v in country.items() if v != c_before.get(k, 0)},
                    {k: v - a_before.get(k, 0) for k, v in admin1.items() if v != a_before.get(k, 0)}))
    return per, country, admin1


def _vote(m: Mention, country: dict, admin1: dict) -> None:
    cands = [c for c in m.candidates if c[2] != "skeleton"]
    if not cands or all(kind == NAME_DEMONYM and p.feature_class == "P" for p, kind, _ in cands):
        # "Londoner" says no more than "London": its people's name is no vote for the country of the
        # biggest London (London, Ontario has Londoners too).
        return
    clear = [p for p, kind, _ in cands if (p.is_country or kind == NAME_DEMONYM) and kind != NAME_ALTERNATE]
    admins = [p for p, kind, _ in cands if p.is_admin1 and kind != NAME_ALTERNATE]
    if clear:
        countries = {p.country for p in clear if p.country}
        for cc in countries:
            country[cc] = country.get(cc, 0) + 1.0 / len(countries)
        return
    ranked = sorted(cands, key=lambda c: -c[0].population)
    top = ranked[0][0]
    second = ranked[1][0].population if len(ranked) > 1 else 0
    if admins and len({(p.country, p.admin1) for p in admins}) == 1:
        a = admins[0]
        admin1[(a.country, a.admin1)] = admin1.get((a.country, a.admin1), 0) + 1
        country[a.country] = country.get(a.country, 0) + 0.7
    elif len({p.country for p in _plausible(cands)}) == 1 and top.country and len(_plausible(cands)) > 1:
        # Every reading a town name can have lies in one country ("Jackson", "Henry County"): the
        # report is about that country even when the name leaves the state open.
        country[top.country] = country.get(top.country, 0) + 0.7
    elif len(cands) == 1 and top.country:
        country[top.country] = country.get(top.country, 0) + 0.7
        if top.admin1:
            admin1[(top.country, top.admin1)] = admin1.get((top.country, top.admin1), 0) + 0.7
    elif top.population >= 50_000 and top.population >= 10 * max(second, 1) and top.country:
        country[top.country] = country.get(top.country, 0) + 0.5
        if top.admin1:
            admin1[(top.country, top.admin1)] = admin1.get((top.country, top.admin1), 0) + 0.5


def _plausible(cands) -> list[Place]:
    """The readings a name may stand for in running text: exact or article-free names (not
    foreign alternates, nor consonant outlines), and settlements of some size."""
    return [p for p, kind, match in cands if match != "skeleton" and kind not in (NAME_ALTERNATE, NAME_ABBREVIATION)
            and (p.feature_class != "P" or p.population >= 500 or p.source.startswith("supplement"))]


def _area_support(mentions: list[Mention]) -> dict[str, dict]:
    """For each surface, the admin1 areas its readings fall in, each weighted 1/(number of areas):
    "Henry County" (ten states) lends a tenth of a vote to each; a name with one reading, a whole one."""
    per_surface: dict[str, dict] = {}
    for m in mentions:
        key = m.text.lower()
        if key in per_surface:
            continue
        readings = _plausible(m.candidates)
        if any(p.is_country or p.is_admin1 for p in readings) or any(kind == NAME_DEMONYM for _, kind, _ in m.candidates):
            # "Russia", "Texas", "Syrian" name their area, not the village of Russia, Ohio.
            readings = [p for p in readings if p.is_admin1]
        top = max((p.population for p in readings), default=0)
        # Moscow, Idaho is no reading of "Moscow" that should pull a report towards Idaho.
        readings = [p for p in readings if p.population * POP_RATIO >= top]
        areas = {(p.country, p.admin1) for p in readings if p.admin1 and not p.is_country}
        per_surface[key] = {a: 1.0 / len(areas) for a in areas} if areas else {}
    return per_surface


def _distinct_names(mentions: list[Mention]):
    """Each name the report gives (case folded) with its first mention; peoples' names left out."""
    seen: set[str] = set()
    for m in mentions:
        key = m.text.lower()
        if key in seen or m.demonym:
            continue
        seen.add(key)
        yield key, m


def _neighbour_index(mentions: list[Mention]) -> dict[tuple[int, int], list[tuple[str, float, float]]]:
    """The points the report's names can stand for (towns of some size, counties, curated
    places), bucketed by whole degrees, so a reading can ask which other names lie near it."""
    grid: dict[tuple[int, int], list[tuple[str, float, float, float]]] = {}
    for key, m in _distinct_names(mentions):
        if _names_an_area(m):
            continue  # "Washington", "Mexico": the state or country first, no town's neighbour
        points = [p for p in _plausible(m.candidates) if p.lat is not None and (p.feature_class in ("P", "S") or p.is_admin2)]
        # A name with many namesakes ("Springfield") lies near almost anything by chance.
        weight = min(1.0, NEIGHBOUR_READINGS / len(points)) if points else 0.0
        for p in points:
            grid.setdefault((int(math.floor(p.lat)), int(math.floor(p.lon))), []).append((key, p.lat, p.lon, weight))
    return grid


def _county_towns(mentions: list[Mention]) -> tuple[dict, dict]:
    """The points of the counties (second-level areas) and of the towns the report's names can
    stand for, bucketed by whole degrees; empty when the report names no county."""
    counties: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
    towns: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
    for key, m in _distinct_names(mentions):
        for p in _plausible(m.candidates):
            if p.lat is None:
                continue
            if p.is_admin2:
                counties.setdefault((int(math.floor(p.lat)), int(math.floor(p.lon))), []).append((key, p.lat, p.lon))
            elif p.feature_class == "P":
                towns.setdefault((int(math.floor(p.lat)), int(math.floor(p.lon))), []).append((key, p.lat, p.lon))
    return (counties, towns) if counties else ({}, {})


def _within_km(p: Place, surface: str, grid: dict, km: float) -> bool:
    """Whether another name of the report has a point in ``grid`` within ``km`` of ``p``."""
    la, lo = int(math.floor(p.lat)), int(math.floor(p.lon))
    for dla in (-1, 0, 1):
        for dlo in (-1, 0, 1):
            for other, lat, lon in grid.get((la + dla, lo + dlo), ()):
                if other != surface and distance_km(p.lat, p.lon, lat, lon) <= km:
                    return True
    return False


def _neighbours(p: Place, surface: str, grid: dict) -> float:
    """How many other names of the report can lie near ``p``: 1 each within NEAR_KM, a half
    within AROUND_KM. "Paris" beside "Henry County" is the Paris a few km from Henry County's
    centre; "Columbus" beside "Platte County" and "Norfolk" is Columbus, Nebraska."""
    if p.lat is None:
        return 0.0
    best: dict[str, float] = {}
    la, lo = int(math.floor(p.lat)), int(math.floor(p.lon))
    for dla in (-2, -1, 0, 1, 2):
        for dlo in (-2, -1, 0, 1, 2):
            for other, lat, lon, weight in grid.get((la + dla, lo + dlo), ()):
                if other == surface or best.get(other, 0.0) >= weight or abs(lat - p.lat) > _AROUND_DEGREES:
                    continue  # (a degree of latitude apart is at least KM_PER_DEGREE km apart)
                d = distance_km(p.lat, p.lon, lat, lon)
                v = weight if d <= NEAR_KM else weight / 2 if d <= AROUND_KM else 0.0
                if v > best.get(other, 0.0):
                    best[other] = v
    return sum(best.values())


def _without(total: dict, own: dict) -> dict:
    out = dict(total)
    for k, v in own.items():
        out[k] = out.get(k, 0) - v
    return {k: v for k, v in out.items() if v > 1e-9}


def _shares(votes: dict) -> dict:
    total = sum(votes.values())
    return {k: v / total for k, v in votes.items()} if total else {}


def _top_elsewhere(two_tops: list[tuple[str, int]], country: str) -> int:
    """The biggest town of a name outside ``country``, from the name's two biggest towns by country."""
    for c, v in two_tops:
        if c != country:
            return v
    return 0


def choose_places(mentions: list[Mention], gaz: Gazetteer, text: str) -> list[Place | None]:
    """The chosen place for each mention (None when nothing fits)."""
    per_vote, country_votes, admin1_votes = _votes(mentions, text)
    own_country: dict[str, dict] = {}
    own_admin1: dict[str, dict] = {}
    for m, (cv, av) in zip(mentions, per_vote):
        oc, oa = own_country.setdefault(m.text.lower(), {}), own_admin1.setdefault(m.text.lower(), {})
        for key, v in cv.items():
            oc[key] = oc.get(key, 0) + v
        for key, v in av.items():
            oa[key] = oa.get(key, 0) + v
    # The same votes with a country named only as an attribute ("US Secretary of State", "Russian
    # forces") counted at ATTRIBUTE_VOTE: what the report says about where things happen.
    place_votes = dict(country_votes)
    own_place = {key: dict(v) for key, v in own_country.items()}
    for m, (cv, _) in zip(mentions, per_vote):
        if cv and _attributive(m, text):
            surface = m.text.lower()
            for key, v in cv.items():
                place_votes[key] -= (1 - ATTRIBUTE_VOTE) * v
                own_place[surface][key] -= (1 - ATTRIBUTE_VOTE) * v
    chosen: list[Place | None] = [None] * len(mentions)
    surface_areas = _area_support(mentions)
    grid = _neighbour_index(mentions)
    county_grid, town_grid = _county_towns(mentions)
    area_support: dict[tuple, float] = {}
    for areas in surface_areas.values():
        for a, v in areas.items():
            area_support[a] = area_support.get(a, 0.0) + v
    home = _home_area(surface_areas)
    american = not country_votes and american_register(text)
    # A report that names no country nor any first-level area, written by a British paper.
    british = (not american and text and british_register(text)
               and not any(_names_an_area(m) for m in mentions if not m.demonym))
    counts = Counter(m.text.lower() for m in mentions)
    # A reading's neighbours, the counties or towns near it and its distance to the nearest anchor
    # depend on its point and name alone: worked out once for a name the report repeats, not at
    # every mention.
    neighbours: dict[tuple, float] = {}
    county_town: dict[tuple, bool] = {}
    # ... and the shares of the other names' votes depend on the name alone (read, never changed).
    shares_without: dict[str, tuple[dict, dict]] = {}
    # ... and so do the votes left for a capital once the names that stand for it are set aside.
    capital_votes: dict[int, dict] = {}

    def _capital_votes(capital: Place) -> dict:
        if capital.id not in capital_votes:
            capital_votes[capital.id] = _without(country_votes, _votes_naming(capital, mentions, own_country))
        return capital_votes[capital.id]

    # What the two rounds below read of each mention and its neighbours, worked out once.
    facts = [mention_facts(k, mentions, text, _capital_votes) if m.candidates else None for k, m in enumerate(mentions)]
    for rnd in range(2):
        # (each place once: the nearest of them is all that is asked)
        anchors = list({(p.id, p.lat, p.lon): p for p in chosen if p is not None and p.lat is not None and not p.is_area}.values())
        nearest_anchor: dict[tuple, float] = {}
        # The towns the report comes back to (named twice or more), as the first pass read them.
        own_towns = [p for m, p in zip(mentions, chosen) if p is not None and p is not DROP and p.feature_class == "P"
                     and p.lat is not None and counts[m.text.lower()] >= 2] if rnd == 1 and county_grid else []
        chosen_areas: dict[tuple, set[str]] = {}
        for m, p in zip(mentions, chosen):
            if p is not None and p.admin1 and not p.is_country:
                chosen_areas.setdefault((p.country, p.admin1), set()).add(m.text.lower())
        for k, m in enumerate(mentions):
            if not m.candidates:
                continue
            # A mention does not vote for its own reading: "Paris" alone must not make a report French.
            surface = m.text.lower()
            if surface not in shares_without:
                shares_without[surface] = (_shares(_without(country_votes, own_country[surface])),
                                           _shares(_without(admin1_votes, own_admin1[surface])))
            cshare, ashare = shares_without[surface]
            pshare = None  # place_votes' shares, computed only for a town with a far bigger namesake abroad
            blind = not country_votes
            f = facts[k]
            names_of_p, town_before, states_beside = f.names_of_p, f.town_before, f.states_beside
            top_town, two_tops, neighbourly = f.top_town, f.two_tops, f.neighbourly
            country_acronym, main_pop, people = f.country_acronym, f.main_pop, f.people
            container = chosen[f.container_at] if f.container_at is not None else None
            # (a capital the text places no nearer: see MentionFacts.capital)
            capital = f.capital if container is None else None
            best, best_s = None, -1e9
            for p, kind, match in m.candidates:
                if country_acronym and not p.is_country and not p.name.isupper():
                    continue
                if people and kind != NAME_DEMONYM:
                    continue  # "Canadian maple syrup": the nationality, not Canadian, Texas (see nationality)
                if (capital is not None and p is not capital and p.country != capital.country
                        and p.population * CAPITAL_NAMESAKE_RATIO < capital.population):
                    continue
                if (kind == NAME_ALTERNATE and match != "skeleton" and p.feature_class == "P"
                        and p.country in ENGLISH_NAMED and not _shares_a_word(surface, p.name)
                        and (p.population < ALTERNATE_OUTRANKS * max(main_pop, 1) if main_pop >= 0
                             else p.population < OLD_NAME_CITY_POP and cshare.get(p.country or "", 0.0) > 0.0
                             and ashare.get((p.country, p.admin1), 0.0) == 0.0)):
                    continue
                if match == "skeleton" and cshare.get(p.country or "", 0) < 0.2 and not (
                        blind and (m.settlement_cue or m.near_cue) and p.population >= OUTLINE_TOWN_POP):
                    # An outline reading needs the report's country, except in a report that names none
                    # ("reinforcements reached the town of Busayrah"), for a town of some
                    # size that the words around the name make a settlement.
                    continue
                shared = p.is_admin1 and ((p.country, p.admin1) in names_of_p or (p.country, "*") in names_of_p)
                s = _prior(p, kind, match, shared)
                if p.is_admin1 and (p.country, p.admin1) in town_before:
                    s += WEIGHT_TOWN_STATE
                elif p.is_admin1 and states_beside and (p.country, p.admin1) not in names_of_p:
                    s += WEIGHT_TOWN_STATE / 2
                if m.admin_cue:
                    s += 8.0 if (p.is_admin1 or p.is_admin2) else -3.0
                elif m.settlement_cue:
                    s += 2.0 if p.feature_class in ("P", "S") else -6.0
                focus = WEIGHT_COUNTRY_FOCUS * cshare.get(p.country or "", 0.0)
                if p.feature_class == "P" and _top_elsewhere(two_tops, p.country or "") > ATTRIBUTE_NAMESAKE_RATIO * max(p.population, 1):
                    # Geneva, Illinois is not the Geneva where "US Secretary of State John Kerry met
                    # Lavrov": a country named as a person's title or nationality does not pull a
                    # bigger town abroad to a small namesake at home.
                    if pshare is None:
                        # Shares of all the votes, so a report that names its countries only as
                        # attributes has little focus left, not all of it on one of them.
                        full = sum(_without(country_votes, own_country[surface]).values())
                        pshare = {c: v / full for c, v in _without(place_votes, own_place[surface]).items()} if full else {}
                    focus = WEIGHT_COUNTRY_FOCUS * pshare.get(p.country or "", 0.0)
                if p.feature_class == "P" and top_town >= WORLD_CITY_POP and p.population * 20 < top_town and kind != NAME_CURATED:
                    # London, Kentucky is not London because the report is American: a namesake of a
                    # world city needs its state named (admin1 focus, area support, a container).
                    focus *= 0.4
                s += focus
                if (american and p.country == "US" or british and p.country == "GB") and p.feature_class == "P":
                    s += WEIGHT_REGISTER
                if p.admin1 and not p.is_admin1:
                    s += WEIGHT_ADMIN1_FOCUS * ashare.get((p.country, p.admin1), 0.0)
                if container is not None:
                    s += WEIGHT_CONTAINER if _inside(p, container) else -2.0
                if p.admin1 and not p.is_country and not p.is_admin1:
                    # Other names of the report that can lie in the same state or governorate.
                    own = surface_areas.get(surface, {}).get((p.country, p.admin1), 0.0)
                    s += WEIGHT_AREA_SUPPORT * min(area_support.get((p.country, p.admin1), 0.0) - own, 2.0)
                if home is not None and (p.country, p.admin1) == home and not p.is_admin1 and (p.feature_class in ("P", "S") or p.is_admin2):
                    s += WEIGHT_HOME
                if neighbourly and (p.feature_class in ("P", "S") or p.is_admin2):
                    # Names that can lie near this reading: the report's own neighbourhood.
                    nb = neighbours.get((p.lat, p.lon, surface))
                    if nb is None:
                        nb = neighbours[(p.lat, p.lon, surface)] = _neighbours(p, surface, grid)
                    s += WEIGHT_NEIGHBOURS * min(nb, NEIGHBOURS_CAP)
                if p.lat is not None and county_grid and (p.feature_class == "P" or p.is_admin2):
                    # "Douglas County ... north of Alexandria": a town and the county around it, named
                    # in one report, are the local paper's own (Alexandria, Minnesota, the county seat).
                    near = county_town.get((p.lat, p.lon, surface, p.is_admin2))
                    if near is None:
                        near = county_town[(p.lat, p.lon, surface, p.is_admin2)] = _within_km(
                            p, surface, town_grid if p.is_admin2 else county_grid, COUNTY_TOWN_KM)
                    if near:
                        s += WEIGHT_COUNTY_TOWN
                    if p.is_admin2 and any(distance_km(p.lat, p.lon, q.lat, q.lon) <= COUNTY_TOWN_KM for q in own_towns):
                        # ... the more so around the town the report keeps naming: "Henry County" in a report
                        # on Paris, Tennessee is that Paris's county, whatever a village named once says.
                        s += WEIGHT_COUNTY_TOWN
                if rnd == 1 and p.admin1 and not p.is_country:
                    # Other names of the report read (in the first pass) as lying in the same admin1 area.
                    others = len(chosen_areas.get((p.country, p.admin1), set()) - {surface})
                    s += WEIGHT_COHERENCE * min(others, 3)
                if rnd == 1 and anchors and p.lat is not None and not p.is_area:
                    d = nearest_anchor.get((p.id, p.lat, p.lon))
                    if d is None:
                        d = nearest_anchor[(p.id, p.lat, p.lon)] = min(
                            (distance_km(p.lat, p.lon, a.lat, a.lon) for a in anchors if a.id != p.id), default=1e9)
                    s += 2.0 if d < 30 else 1.2 if d < 150 else 0.4 if d < 500 else 0.0
                if _DEBUG and rnd == 1: print('   DBG', m.text, p.name, p.country, p.admin1, p.feature_code, p.population, kind, match, round(s, 2), 'nb', round(_neighbours(p, surface, grid), 2), 'as', round(area_support.get((p.country, p.admin1), 0), 2), 'ash', round(ashare.get((p.country, p.admin1), 0), 2), 'csh', round(cshare.get(p.country or '', 0), 2))
                if s > best_s:
                    best, best_s = p, s
            chosen[k] = best
    # Votes of the names of countries and first-level areas (not peoples' names, nor a guess from a
    # town's size: "Leon" is no vote for Mexico in "Villablino (Leon, Castilla y Leon)").
    named_votes: dict[str, float] = {}
    own_named: dict[str, dict] = {}
    for m, (cv, _) in zip(mentions, per_vote):
        if m.demonym or not _names_an_area(m):
            continue
        for key, v in cv.items():
            named_votes[key] = named_votes.get(key, 0.0) + v
            own = own_named.setdefault(m.text.lower(), {})
            own[key] = own.get(key, 0.0) + v
    named_total = sum(named_votes.values())
    # A small town abroad that nothing else in a report about one country points to ("Pech", Germany,
    # in a release about Kunar province) is a local place the gazetteer lacks, not a trip abroad.
    for k, m in enumerate(mentions):
        p = chosen[k]
        if (p is None or p is DROP or p.feature_class != "P" or p.population >= FOREIGN_CITY_POP
                or p.source.startswith("supplement") or m.container_text):
            continue
        others_votes = _without(country_votes, own_country[m.text.lower()])
        others = _shares(others_votes)
        if p.population >= FOREIGN_TOWN_POP:
            # A town of some size abroad ("Delft", the Dutch city, in a report that names the Western Cape
            # and the Eastern Cape twice each): only the names of one country's areas, twice or more, and
            # nothing at all of the town's own country make it a local place the gazetteer lacks.
            own = own_named.get(m.text.lower(), {})
            named_main, named_main_votes = max(((c, v - own.get(c, 0.0)) for c, v in named_votes.items()),
                                               key=lambda kv: kv[1], default=(None, 0.0))
            if (named_main is not None and named_main != p.country and named_main_votes >= 2 * NAMED_AREA_VOTE
                    and named_main_votes >= NAMED_FOCUS_SHARE * named_total and others.get(p.country or "", 0.0) == 0.0):
                chosen[k] = None
                m.label = "LOC"
            continue
        main, main_share = max(others.items(), key=lambda kv: kv[1], default=(None, 0.0))
        # One name of the country or its areas is enough for a hamlet ("Ilyas", Turkey, pop. 847, in a
        # report on Idlib): a place that small is named abroad only with its country.
        # Peoples' names do not count there: "Russian military", "Saudi forces" are foreign actors in
        # a report on Syria or Yemen, not the report's country.
        enough = others_votes.get(main, 0.0) >= 2 or (
            p.population < HAMLET_POP and named_votes.get(main, 0.0) - own_named.get(m.text.lower(), {}).get(main, 0.0) >= 0.7)
        foreign = (main is not None and main != p.country and main_share >= FOREIGN_FOCUS_SHARE and enough
                   and others.get(p.country or "", 0.0) == 0.0)
        if not foreign and named_total:
            # "Oxford" and "Commerce" in a report that names Ontario six times and no American state:
            # two small Georgia towns that only vouch for each other are Ontario's places the gazetteer
            # lacks. Only the names of countries and their areas count here, not guesses from towns.
            own = own_named.get(m.text.lower(), {})
            named_main, named_main_votes = max(((c, v - own.get(c, 0.0)) for c, v in named_votes.items()), key=lambda kv: kv[1])
            foreign = (named_main != p.country and named_main_votes >= NAMED_FOCUS_VOTES
                       and named_main_votes >= NAMED_FOCUS_SHARE * named_total
                       and named_votes.get(p.country or "", 0.0) - own.get(p.country or "", 0.0) <= 0.0)
        if foreign:
            chosen[k] = None
            m.label = "LOC"  # placed by context (resolve_mentions), at the report's nearest place
    # A small town far from every other place of a report whose places gather in one state or
    # province ("Brandon", read as Brandon, Florida, in a Minnesota paper's road report) is a local
    # place the gazetteer lacks: the report's nearest place is a better point than a namesake.
    _strays_to_local(mentions, chosen)
    # "Portland, Maine" first, bare "Portland" after: the town the text placed (see same_name).
    follow_placed_names(mentions, chosen, text, DROP)
    # A name spaCy read as a person's stays a place only if it lies in one of the report's countries.
    for k, m in enumerate(mentions):
        p = chosen[k]
        if m.person_like and p is not None:
            share = _shares(_without(country_votes, own_country[m.text.lower()])).get(p.country or "", 0.0)
            if share < 0.3:
                chosen[k] = DROP
    # ... and, read as a town outside the report's home state, it is placed among the report's places.
    far_towns_to_local(mentions, chosen, home, DROP)
    # ... and a small town far from all the report's other places, whatever its home (see far_towns).
    lone_towns_to_local(mentions, chosen, DROP)
    return chosen


def _votes_naming(place: Place, mentions: list[Mention], own_country: dict[str, dict]) -> dict:
    """The country votes of every name of the report that can stand for ``place`` itself: "Londoner"
    names London, not the United Kingdom apart from it, so it is no evidence for the capital."""
    out: dict[str, float] = {}
    seen: set[str] = set()
    for m in mentions:
        key = m.text.lower()
        if key in seen or not any(p.id == place.id for p, _, match in m.candidates if match != "skeleton"):
            continue
        seen.add(key)
        for c, v in own_country.get(key, {}).items():
            out[c] = out.get(c, 0.0) + v
    return out


def _attributive(m: Mention, text: str) -> bool:
    """Whether a country is named as the attribute of the word after it ("US Secretary of State",
    "American spy", "Russian forces"): peoples' names always, a country's name before a word that
    is no function word."""
    if m.demonym:
        return True
    if not any(p.is_country for p, _, _ in m.candidates):
        return False
    return bool(_ATTRIBUTE_AFTER.match(text, m.end, m.end + 40))


def _home_area(surface_areas: dict[str, dict]) -> tuple | None:
    """The state or province most of a report's names can lie in, when one clearly stands out: a local
    paper's "Alexandria", "Brandon", "Kensington" and "Douglas County" can all be in Minnesota, and no
    other state holds as many of them. Counted whole per name (not shared out among a name's readings,
    as the area support is), so it only speaks when several names agree."""
    coverage: Counter = Counter()
    named = 0
    for areas in surface_areas.values():
        if areas:
            named += 1
            coverage.update(areas.keys())
    if not coverage:
        return None
    ranked = coverage.most_common(2)
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n >= HOME_MIN_NAMES and n >= second + HOME_LEAD and n >= HOME_SHARE * named:
        return top
    return None


def _strays_to_local(mentions: list[Mention], chosen: list[Place | None]) -> None:
    points: dict[str, Place] = {}
    areas: dict[tuple, set[str]] = {}
    for m, p in zip(mentions, chosen):
        if p is None or p is DROP or p.lat is None or p.is_country or p.is_admin1 or p.feature_class not in ("P", "A"):
            continue
        points.setdefault(m.text.lower(), p)
        if p.admin1:
            areas.setdefault((p.country, p.admin1), set()).add(m.text.lower())
    if len(points) < 3:
        return
    counts = Counter(m.text.lower() for m in mentions)
    home, names = max(areas.items(), key=lambda kv: len(kv[1]), default=(None, set()))
    if home is None or len(names) < 2 or len(names) < STRAY_HOME_SHARE * len(points):
        return
    for k, m in enumerate(mentions):
        p = chosen[k]
        if (p is None or p is DROP or p.feature_class != "P" or p.population >= STRAY_TOWN_POP or p.lat is None
                or (p.country, p.admin1) == home or m.container_text or p.source.startswith("supplement")):
            continue
        surface = m.text.lower()
        if counts[surface] > 1 or any((c.country, c.admin1) == home for c, kind, match in m.candidates if match != "skeleton"):
            continue  # a name the report comes back to is its own town, not a stray
        if p.country == home[0] and len(_plausible(m.candidates)) < 2:
            continue  # the only place of that name in the report's own country: a far village, really there
        near = min((distance_km(p.lat, p.lon, q.lat, q.lon) for s, q in points.items() if s != surface), default=0.0)
        if near > STRAY_KM:
            chosen[k] = None
            m.label = "LOC"


__all__ = ["DROP", "choose_places", "_mention_at"]
