"""The final choice of one sentence's event place: :func:`choose_event_toponym`.

Ranks the places by the surface cues (parsing the sentence only when they leave it open),
draws the no-place line, and lets the container rules and a fronted place ("On 3 May, in X, ...")
have their say."""

from __future__ import annotations

import re
from typing import Any

from ceasefire.resolve.places.event_location.dependency import _sentence_parse, dependency_relation
from ceasefire.resolve.places.event_location.cues import WEIGHTS, _score
from ceasefire.resolve.places.event_location.containers import (FRONTED_KM, _finer_inside, _in_named_area, _in_named_town, _km,
                                                                 _near_namesake)

#: The parser costs a third of spaCy's time, so a sentence is parsed only when the surface cues
#: leave its choice open (see :func:`_undecided`): two places within ``PARSE_MARGIN`` points, or
#: a best place within ``PARSE_MARGIN`` of the no-place line (a lone "U.S." in "killed in a U.S.
#: airstrike"). On 150 FA-KES reports that is 263 sentences, 3.7 % of extraction's CPU time (a
#: margin of 1.5 parses 321 for 4.5 % and gains nothing on the gold event-location rows).
MIN_PLACES_TO_PARSE = 1
PARSE_MARGIN = 1.25


def choose_event_toponym(sentence: str, verb: tuple[int, int], toponyms: list[Any], weights: dict | None = None,
                         parse: Any = None) -> int | None:
    """Index into ``toponyms`` of the event's place, or None when none of them is.

    ``verb`` and each toponym's ``start``/``end`` are offsets into ``sentence``. Toponyms
    whose ``role`` is ``dateline`` or ``speaker_city`` are never chosen. When two or more places
    compete, the sentence is dependency-parsed (``parse``: a spaCy ``Span`` or ``Doc`` of exactly
    this sentence, from which the parse is made, or ``False`` for surface cues only) and the
    path from the event word to each place weighs in.
    """
    usable = [(k, t) for k, t in enumerate(toponyms) if getattr(t, "role", None) not in ("dateline", "speaker_city")]
    figurative = _figurative(sentence, verb) if usable else None
    if figurative == "story":
        return None
    if figurative == "contest":
        # "captured her 41st title in Rome": a contest still has its venue, named after "in" or "at"
        usable = [(k, t) for k, t in usable if _VENUE_BEFORE.search(sentence[max(0, t.start - 12): t.start])]
    if not usable:
        return None
    w = weights or WEIGHTS
    others = [u for _, u in usable]
    ranked = sorted(((_score(sentence, verb, t, others, w), k) for k, t in usable), reverse=True)
    contenders = [(k, t) for k, t in usable if not getattr(t, "demonym", False)]
    if len(contenders) >= MIN_PLACES_TO_PARSE and parse is not False and verb[1] > verb[0] and _undecided(ranked, w):
        doc = _sentence_parse(sentence, parse)
        if doc is not None:
            spans = [(t.start, t.end) for t in others]
            rels = {k: dependency_relation(doc, verb, (t.start, t.end), spans) for k, t in contenders}
            ranked = sorted(((_score(sentence, verb, t, others, w, rels.get(k)), k) for k, t in usable), reverse=True)
    best_score, best = ranked[0]
    if best_score <= w["threshold"]:
        # "On 9 June 2021, in Sorocaba, Sao Paulo, a car parade was held ...": a place the sentence
        # opens with is the scene of what it tells, however far the event word comes after it
        fronted = _fronted_place(sentence, usable)
        if fronted is None:
            return None
        best = fronted
    else:
        best = _fronted_scene(sentence, best, usable) if best_score < 50 else best
    best = _in_named_area(sentence, best, ranked, usable, w)
    best = _near_namesake(sentence, best, usable)
    town = _in_named_town(sentence, best, usable)
    if town != best:
        return town  # the namesake it replaced is no finer place inside it
    return _finer_inside(toponyms[best], best, ranked, toponyms, w)


# "captured the silver", "captured pole position", "captured the imagination of", "The film is shot
# in a docudrama style", "was captured by novelist Graham Greene": a word of war in its sense of a
# race, a vote, a picture or a story names no violent event, so no place is its scene.
_FIGURATIVE_OBJECT = re.compile(
    r"^\s+(?:(?:the|a|an|his|her|their|its|this|that|new|first|second|third|fourth|\d+(?:st|nd|rd|th)?|"
    r"overall|world|national|olympic|gold|silver|bronze)\s+){0,3}"
    r"(?:silver|gold|bronze|medals?|titles?|crowns?|stages?|pole(?:\s+position)?|trophy|cup|championships?|"
    r"prize|award|imagination|attention|hearts?|mood|spirit|essence|headlines|public\s+interest)\b",
    re.I,
)
_FIGURATIVE_BEFORE = re.compile(
    r"\b(?:film|movie|scenes?|documentary|series|episodes?|video|photos?|pictures?)\s+(?:is|was|were|are|being|"
    r"will\s+be|has\s+been|had\s+been)\s+$",
    re.I,
)
_FIGURATIVE_AGENT = re.compile(r"^\s+by\s+(?:the\s+)?(?:\w+\s+)?(?:novelist|writer|author|photographer|painter|poet|artist|camera)\b", re.I)
_FIGURATIVE_VERB = re.compile(r"(?i)^(?:captur|shot|shoot)")


_VENUE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)


def _figurative(sentence: str, verb: tuple[int, int]) -> str | None:
    """Whether the event word is a word of war used of a contest ("contest": a race, a title, a
    medal, which may still have a venue) or of a picture or a story ("story": no scene at all)."""
    if verb[1] <= verb[0] or not _FIGURATIVE_VERB.match(sentence[verb[0]: verb[1]]):
        return None
    after = sentence[verb[1]: verb[1] + 60]
    if _FIGURATIVE_AGENT.match(after) or _FIGURATIVE_BEFORE.search(sentence[max(0, verb[0] - 40): verb[0]]):
        return "story"
    return "contest" if _FIGURATIVE_OBJECT.match(after) else None


# "On 7 May 2022, in La Plata (Buenos Aires), ...": the place a sentence opens with, after its date,
# is the scene of everything it tells (ACLED's notes always open so).
_FRONTED = re.compile(
    r"^\W*(?:(?:On|Around|Between|Since|Overnight|As\s+reported)\b[^,;.]{0,50},\s*)?(?:in|at)\s+(?:the\s+)?"
    # "in the rural area of Caruaru municipality", "in the outskirts of Heroica Puebla de Zaragoza"
    r"(?:(?:rural|urban|central|northern|southern|eastern|western)\s+)?"
    r"(?:(?:city|town|village|municipality|district|area|province|outskirts|surroundings|vicinity|centre|center)\s+of\s+)?$",
    re.I,
)


def _fronted_scene(sentence: str, best: int, usable: list[tuple[int, Any]]) -> int:
    """The sentence's opening place ("On 3 May, in Tlalpan, Mexico City, two men were shot dead in
    Colonia Ampliacion San Miguel Ajusco") when the place the cues chose lies far from it: a
    neighbourhood read as a namesake town elsewhere, or another story's place. A place inside the
    opening town (within ``FRONTED_KM``) is the finer answer and stays."""
    chosen = dict(usable).get(best)
    if chosen is None or getattr(chosen, "lat", None) is None:
        return best
    for k, t in usable:
        if k == best or getattr(t, "lat", None) is None or getattr(t, "demonym", False):
            continue
        if t.start > chosen.start or getattr(t, "precision", None) not in ("exact", "near"):
            continue
        if not _FRONTED.match(sentence[: t.start]):
            continue
        if t.country != chosen.country or _km(t, chosen) > FRONTED_KM:
            return k
    return best


def _fronted_place(sentence: str, usable: list[tuple[int, Any]]) -> int | None:
    """The place a sentence opens with ("On 3 May, in Tlalpan, ...", "In Idlib province, ..."), or
    None: the scene of what the sentence tells even when its event word lies far after it."""
    for k, t in usable:
        if getattr(t, "demonym", False) or getattr(t, "lat", None) is None or getattr(t, "precision", None) == "country":
            continue
        if _FRONTED.match(sentence[: t.start]):
            return k
    return None


def _undecided(ranked: list[tuple[float, int]], w: dict) -> bool:
    """Whether the surface cues leave the choice open: the two best places are close, or the best
    one is near the line below which the sentence names no place for its event. Only then is the
    sentence parsed (the parser is the costliest step of event linking)."""
    best = ranked[0][0]
    if best < -50:
        return False  # only peoples and adjectives
    if abs(best - w["threshold"]) < PARSE_MARGIN:
        return True
    return len(ranked) > 1 and best - ranked[1][0] < PARSE_MARGIN
