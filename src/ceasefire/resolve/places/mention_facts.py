"""What the resolver reads of one mention before weighing its readings: the areas and towns its
readings name, the names beside it, the capital among its readings. The same in both of
``choose_places``' rounds, so worked out once per mention."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ceasefire.resolve.places.detect import Mention
from ceasefire.resolve.places.gazetteer import NAME_ABBREVIATION, NAME_ALTERNATE, NAME_CURATED, NAME_MAIN, Place
from ceasefire.resolve.places.nationality import reads_as_people


@dataclass(frozen=True)
class MentionFacts:
    names_of_p: dict  # (country, admin1) of the towns bearing the name, (country, "*") for a big one
    town_before: set  # "Tacoma, Washington": the areas of the readings of the town right before
    states_beside: bool  # listed beside a name that can only be a state or province
    top_town: int  # the population of its biggest town reading
    two_tops: list  # the biggest town reading of its two biggest countries (see resolve._top_elsewhere)
    neighbourly: bool  # several readings and none an area by its own name: nearby names may settle it
    country_acronym: bool  # "US", "UK", "UAE": a country's abbreviation in capitals
    main_pop: int  # the population of its biggest town by its own name (-1: none)
    people: bool  # it reads as a people's name (see nationality)
    capital: Place | None  # a capital reading that outranks namesakes abroad, unless the text places the name
    container_at: int | None  # the mention naming the area it lies in ("Maadi district in eastern Aleppo")


def mention_facts(k: int, mentions: list[Mention], text: str, capital_votes: Callable[[Place], dict]) -> MentionFacts:
    """The facts of ``mentions[k]``. ``capital_votes(capital)`` gives the report's country votes
    without those of the names that stand for that capital itself."""
    m = mentions[k]
    container_at = None
    if m.container_text:
        idx = _mention_at(mentions, m.end, m.container_text, text)
        if idx is not None and idx != k:
            container_at = idx
    names_of_p = {}
    for p, kind, match in m.candidates:
        # A town that bears the name makes the bare name its town's ("Aleppo"; "New York" for
        # New York City); a small town's alternate (Montana City, "Montana") does not.
        if p.feature_class == "P" and match != "skeleton" and (kind != NAME_ALTERNATE or p.population >= 100_000):
            names_of_p[(p.country, p.admin1)] = True
        # "Washington": a big city of the same country bearing the state's name outright.
        if p.feature_class == "P" and kind == NAME_MAIN and p.population >= 100_000:
            names_of_p[(p.country, "*")] = True
    # "Tacoma, Washington": a name right after a town and a comma is that town's state or
    # province when the town has a reading there.
    town_before: set[tuple] = set()
    if k > 0 and text[mentions[k - 1].end: m.start].strip() == ",":
        town_before = {(c.country, c.admin1) for c, kind, match in mentions[k - 1].candidates
                       if c.feature_class == "P" and match != "skeleton" and kind != NAME_ALTERNATE}
    # "Oregon and Washington", "California or Washington": listed beside a name that can only
    # be a state or province, an ambiguous name is one too.
    states_beside = any(_only_admin1(mentions[q]) for q in (k - 1, k + 1)
                        if 0 <= q < len(mentions) and _LIST_GAP.match(text[min(m.end, mentions[q].end): max(m.start, mentions[q].start)]))
    top_town = max((p.population for p, kind, match in m.candidates if p.feature_class == "P" and match != "skeleton"), default=0)
    top_by_country: dict[str, int] = {}
    for p, kind, match in m.candidates:
        if p.feature_class == "P" and match != "skeleton" and kind != NAME_ALTERNATE and p.population > top_by_country.get(p.country or "", 0):
            top_by_country[p.country or ""] = p.population
    two_tops = sorted(top_by_country.items(), key=lambda cv: cv[1], reverse=True)[:2]
    neighbourly = len(m.candidates) > 1 and not _names_an_area(m)
    # "US", "UK", "UAE" in capitals are the country's abbreviation, never a town spelt "Us"
    # (Us, France, beside Paris) that only folding case makes the same word.
    country_acronym = len(m.text) <= 3 and m.text.isupper() and any(p.is_country for p, _, _ in m.candidates)
    # A name that is some town's own name is not another town's old or foreign name: "Columbia"
    # is Columbia (South Carolina, Missouri ...), never Baldwinsville, New York, which GeoNames
    # also lists as "Columbia"; "Youngstown" beside Mount Gilead is not Mount Gilead's old name.
    main_pop = max((p.population for p, kind, match in m.candidates
                    if kind == NAME_MAIN and match != "skeleton" and p.feature_class == "P"), default=-1)
    # "Washington" in a British report that also names the United States: a country's capital,
    # once the report names its country, is the capital over a namesake abroad a fifth its size
    # (Washington, England), whatever the report's own country; the text may still place it (a
    # town before it, or, in each round, the area it lies in: see choose_places).
    capital = next((p for p, kind, match in m.candidates if p.feature_code == "PPLC" and match != "skeleton"
                    and kind in (NAME_MAIN, NAME_CURATED)), None)
    if capital is not None and (town_before or capital_votes(capital).get(capital.country, 0.0) <= 0.0):
        capital = None
    people = reads_as_people(m, text, bool(town_before))
    return MentionFacts(names_of_p, town_before, states_beside, top_town, two_tops, neighbourly, country_acronym,
                        main_pop, people, capital, container_at)


def _names_an_area(m: Mention) -> bool:
    """Whether a name reads as a country or a first-level division by its own name."""
    return any((p.is_country or p.is_admin1) and kind not in (NAME_ALTERNATE, NAME_ABBREVIATION) and match != "skeleton"
               for p, kind, match in m.candidates)


_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*(?:and|or|&))\s*$")


def _only_admin1(m: Mention) -> bool:
    """Whether a mention reads as a first-level division before any town ("Oregon"; not "Homs",
    a city too)."""
    named = [(p, kind) for p, kind, match in m.candidates if match != "skeleton" and kind != NAME_ALTERNATE]
    return (any(p.is_admin1 for p, _ in named)
            and not any(p.feature_class == "P" and p.population >= 100_000 for p, _ in named)
            and not any(p.is_country for p, _ in named))


def _mention_at(mentions: list[Mention], after: int, surface: str, text: str) -> int | None:
    pos = text.find(surface, after)
    if pos < 0 or pos - after > 80:
        return None
    for k, m in enumerate(mentions):
        if m.start <= pos < m.end or pos <= m.start < pos + len(surface):
            return k
    return None
