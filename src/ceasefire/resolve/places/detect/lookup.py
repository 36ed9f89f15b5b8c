"""Gazetteer readings of a surface form, and how much they are worth: strong, curated, big."""

from __future__ import annotations

import re

from ceasefire.resolve.places.gazetteer import (
    NAME_ABBREVIATION,
    NAME_ALTERNATE,
    NAME_CURATED,
    NAME_DEMONYM,
    NAME_MAIN,
    SKELETON_COUNTRIES,
    Gazetteer,
    Place,
)
from ceasefire.resolve.places.names import article_free_key, name_key, skeleton_key
from ceasefire.resolve.places.detect.mention import Mention


# Each gazetteer's readings of the surfaces looked up so far: the passes ask again for the same
# words within a report, and a run of reports repeats its names. Held by the gazetteer object as
# an attribute, so two gazetteer files never share readings and the readings go with the file's
# object; READINGS_CACHED surfaces at most each.
READINGS_CACHED = 100_000


def lookup_candidates(gaz: Gazetteer, text: str) -> list[tuple[Place, int, str]]:
    """Gazetteer entries for a surface form: exact key, then without the article, then skeleton."""
    try:
        readings = gaz._surface_readings
    except AttributeError:
        readings = gaz._surface_readings = {}
    found = readings.get(text)
    if found is None:
        if len(readings) >= READINGS_CACHED:
            readings.clear()
        found = readings[text] = tuple(_lookup(gaz, text))
    return list(found)


def _lookup(gaz: Gazetteer, text: str) -> list[tuple[Place, int, str]]:
    key = name_key(text)
    out = [(p, kind, "exact") for p, kind in gaz.candidates(key)]
    if not (text.isupper() or "." in text):
        # Postal and AP abbreviations only as written: "AL", "Ill.", not "Al-Mansheyyi".
        out = [c for c in out if c[1] != NAME_ABBREVIATION]
        if len(key) <= 4 and out:
            # ... and a country's initials too: "CAR" is the Central African Republic, "Car" a word.
            out = [c for c in out if not (c[0].is_country and c[1] == NAME_CURATED and key == _initials(c[0].name))]
    af = article_free_key(text)
    if af != key:
        seen = {p.id for p, _, _ in out}
        out += [(p, kind, "article") for p, kind in gaz.candidates(af) if p.id not in seen]
    if not out and key.endswith(" s"):
        out = [(p, kind, "exact") for p, kind in gaz.candidates(key[:-2])]  # "Aleppo's" tokenised apart
    if not out and " " not in key and len(key) > 8 and text[:1].isupper() and key.endswith(_GLUED_DIRECTIONS):
        # A town run together with the compass word after it by cleaning: "Kobaninorth", "Idlibsouth".
        stem = _GLUED_DIRECTION_RE.sub("", key)
        if len(stem) >= 4:
            out = [(p, kind, "exact") for p, kind in gaz.candidates(stem)
                   if kind in (NAME_MAIN, NAME_CURATED) and (p.is_country or p.is_admin1 or p.population >= 1000 or p.source.startswith("supplement"))]
    if not out and len(key) > 4 and key.endswith("s") and " " not in key and text[:1].isupper():
        # A possessive whose apostrophe cleaning lost: "Syrias Hama", "Iraqs north". Countries and
        # first-level areas only: "Jones" is no town's possessive.
        out = [(p, kind, "exact") for p, kind in gaz.candidates(key[:-1]) if (p.is_country or p.is_admin1) and kind in (NAME_MAIN, NAME_CURATED)]
    if not out:
        for prefix in ("republic of ", "kingdom of ", "state of ", "commonwealth of ", "islamic republic of ", "people s republic of "):
            if key.startswith(prefix):
                out = [(p, kind, "exact") for p, kind in gaz.candidates(key[len(prefix):]) if p.is_country or p.is_admin1]
                break
    # Transliterations vary: the consonant outline may reach the place a report means even when
    # the exact spelling names another ("Arbin" is 'Irbin near Damascus, and a hamlet in France).
    # The resolver takes such a reading only inside the report's countries.
    sk = skeleton_key(text) if text.isascii() else ""
    if len(sk) >= 4:
        seen = {p.id for p, _, _ in out}
        out += [(p, NAME_ALTERNATE, "skeleton") for p in gaz.skeleton_candidates(sk) if p.id not in seen]
    return out


_NOT_INITIALLED = frozenset({"of", "the", "and"})


def _initials(name: str) -> str:
    """The initials of a country's name, lower case: "Central African Republic" -> "car"."""
    return "".join(w[0] for w in name.lower().split() if w not in _NOT_INITIALLED)


def _lost_possessive(gaz: Gazetteer, word: str) -> bool:
    """A country's or first-level area's possessive whose apostrophe was lost: "Syrias", "Iraqs"."""
    key = name_key(word)
    if len(key) <= 4 or not key.endswith("s") or " " in key or gaz.candidates(key):
        return False
    return any((p.is_country or p.is_admin1) and kind in (NAME_MAIN, NAME_CURATED) for p, kind in gaz.candidates(key[:-1]))


_GLUED_DIRECTIONS = ("north", "south", "east", "west", "northern", "southern", "eastern", "western")
_GLUED_DIRECTION_RE = re.compile(r"(?:north|south|east|west)(?:ern)?$")


def _strong(cands: list[tuple[Place, int, str]], allow_alternate: bool = True) -> bool:
    """At least one candidate that a capitalised word alone may stand for."""
    for p, kind, match in cands:
        if match == "skeleton" or kind == NAME_ABBREVIATION or (kind == NAME_ALTERNATE and not allow_alternate):
            continue
        if kind == NAME_DEMONYM or p.is_country or p.is_admin1 or p.is_admin2 or p.feature_code in ("CONT", "RGN"):
            return True
        if p.source.startswith("supplement") or p.source.startswith("admin1") or kind == NAME_CURATED:
            return True  # curated: a press spelling of a conflict town ("Tel Abyad"), whatever its census
        if kind != NAME_ALTERNATE and kind != NAME_ABBREVIATION and p.population >= 1000:
            return True
        if kind == NAME_ALTERNATE and p.population >= 100_000:
            return True
    return False


def _curated(cands) -> bool:
    """A reading from the curated supplement or press spellings (conflict places spaCy often misreads)."""
    return any(kind == NAME_CURATED or p.source.startswith("supplement") for p, kind, match in cands if match != "skeleton")


def _big(cands) -> bool:
    """Worth naming inside an organisation's name ("Syrian Observatory", "Ohio State")."""
    for p, kind, match in cands:
        if match == "skeleton" or kind in (NAME_ABBREVIATION, NAME_ALTERNATE):
            continue
        if kind == NAME_DEMONYM or p.is_country or p.is_admin1 or p.is_admin2 or p.feature_code in ("CONT", "RGN"):
            return True
        if p.population >= 100_000 and kind != NAME_ALTERNATE:
            return True
    return False


TAIL_TOWN_POP = 20_000  # a last word naming a town this big is that town (see _only_tail_known)


def _town_of_size(cands) -> bool:
    """A town of TAIL_TOWN_POP or more by its own or a curated name, in the countries whose notes name
    a village with the town it lies by ("Mreimin Afrin"): after another capitalised word it is still
    that town, not a hamlet's namesake."""
    return any(kind in (NAME_MAIN, NAME_CURATED) and match != "skeleton" and p.population >= TAIL_TOWN_POP
               and p.country in SKELETON_COUNTRIES for p, kind, match in cands)


def _named_countries(mentions: list[Mention]) -> frozenset[str]:
    """Countries of the transliteration belt (see gazetteer.SKELETON_COUNTRIES) that the mentions
    found so far name outright, by name, people or first-level division."""
    out = set()
    for m in mentions:
        for p, kind, match in m.candidates:
            if match != "skeleton" and kind != NAME_ALTERNATE and (p.is_country or p.is_admin1 or kind == NAME_DEMONYM):
                if p.country in SKELETON_COUNTRIES:
                    out.add(p.country)
    return frozenset(out)


def _local_spelling(cands, focus: frozenset[str]) -> bool:
    """A town of a country the report names, reached by a curated spelling or by a GeoNames
    alternate ("Afes" for Afis): transliterations vary most exactly there."""
    for p, kind, match in cands:
        if match == "skeleton" or p.country not in focus or p.feature_class != "P":
            continue
        if kind in (NAME_CURATED, NAME_MAIN) or p.source.startswith("supplement") or (kind == NAME_ALTERNATE and p.population >= 1000):
            return True
    return False
