"""The surface cues that rank a sentence's places as the scene of its event, and the score.

Each cue reads the few characters around one toponym ("in", "from", "the town of", "U.S. forces",
"according to a source in"); :func:`_score` weighs them with :data:`WEIGHTS` and, when the
sentence was parsed, the dependency features of :mod:`.dependency`."""

from __future__ import annotations

import re
from typing import Any

from ceasefire.resolve.places.event_location.dependency import _dependency_features

_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|at|on|near|inside|outside|around|across|throughout|into|over|within|toward|towards|"
    r"outskirts\s+of|district\s+of|town\s+of|city\s+of|village\s+of|province\s+of|area\s+of|region\s+of|"
    r"north\s+of|south\s+of|east\s+of|west\s+of|northeast\s+of|northwest\s+of|southeast\s+of|southwest\s+of|"
    # the war of a place happens there: "during the occupation of Latvia", "the siege of Sarajevo"
    r"occupation\s+of|invasion\s+of|siege\s+of|"
    # a front line named after the town it runs by: "clashes on the axis of Kafr Nabl"
    r"axis\s+of|front\s+of|frontlines?\s+of|"
    r"suburb\s+of|neighbou?rhood\s+of|parts\s+of|areas\s+of|countryside\s+of|streets\s+of|vicinity\s+of|"
    r"surroundings\s+of|environs\s+of|edges?\s+of|"
    r"cities\s+of|towns\s+of|villages\s+of|settlements?\s+of|districts\s+of|neighbou?rhoods\s+of|besieged|capital|targeting|targeted|struck|hit|bombed|shelled|stormed|"
    r"captured|seized|entered|attacked|raided|liberated|recaptured)"
    # "in their north Belfast home", "at his Kabul office": a possessive determiner is an article here
    r"\s+(?:the\s+|a\s+|their\s+|his\s+|her\s+|its\s+)?(?:(?:northern|southern|eastern|western|central|rebel-held|government-held|besieged|restive|"
    r"northwestern|northeastern|southwestern|southeastern|Kurdish-majority|nearby|neighbouring|neighboring|town|city|"
    # "over northern and southern Iraq"
    r"village|district|province|region|flashpoint|provincial|capital|border)\s+(?:(?:and|or)\s+(?=[a-z]))?)*"
    # one more word, hyphenated or not: "in the Shiite-dominated Sadr city" (cleaning may leave "Shiite- dominated")
    r"(?:(?:[\w'’]+-\s?)?[\w'’]+\s+)?"
    # an article the geoparser left off the name ("in the al-Ashrafiyyeh neighborhood")
    r"(?:(?:al|el|as|ash|ar|ad|az|at|an)[-‐])?$"
    # the capital named after a comma: "in the commercial capital, Abidjan"
    r"|\b(?:in|at|near|outside)\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+)?capital,\s+$)",
    re.I,
)
_ACTOR_AFTER = re.compile(
    # a possessive whose apostrophe cleaning turned into spaces ("Syria   s civil war") is one still
    r"^(?:'s|’s|\s{1,3}s\b)?\s*(?:-\s*)?(?:led|backed|based|born|made|supported|allied|forces?|troops|military|army|soldiers?|"
    r"officials?|authorities|government|embassy|ambassador|warplanes|jets|aircraft|navy|police|president|"
    r"minister|ministry|diplomats?|envoy|officers?|militia|coalition|"
    # a place naming a group's head: "the Northern Alliance leader", "a Hamas commander"
    r"leaders?|commanders?|chiefs?|spokes(?:man|woman|person)|"
    # a place used as a word about a person, a team or a war, not the scene: "a Tampa woman",
    # "Seville fans", "Syria's civil war", "the ISIS governor of Manbij"
    r"wom[ae]n|m[ae]n|boy|girl|fans|natives?|newspaper|daily|governor|mayor|students?|team|club|"
    r"civil\s+war|war|conflict|crisis|"
    # a thing named after a place or a person: "a Molotov cocktail", a city gate named for the city
    # it faces ("at the Jaffa Gate", in Jerusalem)
    r"cocktails?|gates?|"
    # an armed group named after a place or a person: "the Hamza Division", "Sultan Murad Brigade"
    r"division|brigades?|battalions?|regiments?|legion|network)\b",
    re.I,
)
# A country naming the weapon or the attack is its author: "a U.S. airstrike", "Russian-backed
# offensive", "an Israeli raid" (a town so used is a place: "the Aleppo offensive").
_ATTACK_AFTER = re.compile(
    r"^(?:'s|’s|\s{1,3}s\b)?\s*(?:air\s*strikes?|airstrikes?|air\s+raids?|raids?|drones?|strikes?|shelling|bombing|bombardment|"
    r"offensive|operation|attacks?|missiles?|rockets?|artillery|helicopters?|planes?|warships?|fire)\b",
    re.I,
)
# Where the source of a report sits: "According to a military source at the base in Izra'a, ...",
# "a monitor based in", "sources in X told": the place of the telling, not of the event.
_ATTRIBUTION_BEFORE = re.compile(
    r"\b(?:according\s+to|sources?|spokes(?:man|woman|person)|correspondent|reporter|officials?)\b[^,.;:\"“”]{0,70}?"
    r"\b(?:in|at|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
# Another incident than the one the event word tells: "killed in the attack, which was followed by
# another blast in X", "a second car bomb near X".
_ANOTHER_EVENT_BEFORE = re.compile(
    r"\b(?:another|a\s+second|a\s+third|a\s+separate|separate|an\s+earlier|a\s+later|a\s+further|a\s+previous)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:explosions?|blasts?|attacks?|bombings?|bombs?|clash(?:es)?|strikes?|airstrikes?|raids?|"
    r"incidents?|shootings?|protests?|rall(?:y|ies)|demonstrations?)\b[^.;]{0,40}?\b(?:in|at|near|on)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
# A full stop between the event word and a place: the place is another sentence's (a text given as one
# sentence may hold two: "The post fell to the rebels in May. Shelling went on around the port ...").
# (not after a title or a short abbreviation: "spokesman Col. Ajay", "Gen. Allen", "the U.S. Army")
_SENTENCE_END = re.compile(r"(?:\b[a-z]+|\b[A-Z][a-z]{3,}|\bMay|\d|[)\]])[.!?][\"”’]?\s+[\"“]?[A-Z]")
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
# A name after these words is a person's, whatever the gazetteer says: "rallied for the release of
# Lima and Sousa", "attended the funeral of Paris".
_PERSON_BEFORE = re.compile(
    r"\b(?:release|freedom|funeral|arrest|abduction|kidnapping|trial|detention|execution|extradition)\s+of\s+(?:the\s+)?$", re.I)
# A country right before the event word of an active verb is who acted, not where: "Eritrea captured
# the island", "The United States has captured two dozen" (a passive verb makes it the scene:
# "Lebanon was shelled").
_ACTIVE_SUBJECT_GAP = re.compile(
    r"^\s+(?:(?:has|have|had|also|then|later|reportedly|allegedly|first|already|again|finally|just|swiftly|quickly)\s+){0,2}$",
    re.I)
_FROM_BEFORE = re.compile(r"\b(?:from|native\s+of|resident\s+of|born\s+in|to|for|with|and\s+its\s+allies\s+in)\s+(?:the\s+)?$", re.I)
# Where people come from is not where the event happened: "evacuees from X", "residents of the
# besieged towns of X" (origin of the victims), "shells fired from X" (origin of the fire).
_ORIGIN_BEFORE = re.compile(
    # "on the road from Kiseljak to Sarajevo": a road's end is where the road is, no one's origin
    r"(?<!road\s)(?<!roads\s)(?<!highway\s)(?<!route\s)\b(?:from|natives?\s+of|residents?\s+of|born\s+in)\s+(?:the\s+)?"
    r"(?:(?!(?:in|at|near|on|inside|into|to|and|or)\b|\w+ing\b)[\w'’-]+\s+){0,4}$",
    re.I,
)


# Hand-set weights, then a grid search on 1,500 non-gold rows of the event-location set
# (sources other than RELABEL); the RELABEL rows are only evaluated.
WEIGHTS = {
    "preposition": 2.0,  # "in/at/near/outskirts of/district of ... X"
    "origin": 2.5,  # "from X", "native of X": where someone comes from
    "destination": 2.0,  # "rushed to X hospital", "fleeing for X": where people were going or taken
    "from_other": 0.5,  # "to X", "for X", "with X"
    "distance": 60.0,  # characters per point lost between the verb and the place
    "after_verb": 0.3,
    "country_among_others": 1.5,
    "admin1_with_finer": 0.5,
    "possessive": 1.5,  # "Iraq's northern Nineveh province": Iraq contains, Nineveh is the place
    "containing_area": 1.0,
    "actor": 3.0,  # "U.S. forces", "Israeli-led", "by Colombia's main rebel group": who, not where
    "reference_point": 2.0,  # "Taji, just north of Baghdad": Baghdad only says where Taji is
    "attribution": 2.0,  # "according to a military source at the base in X": where the telling was
    "elsewhere": 2.0,  # "followed by another blast in X": another incident's place
    "other_sentence": 2.0,  # "The post fell in May. Shelling went on around X": another sentence's place
    "threshold": -1.5,  # below this, the sentence names no place for its event
    # Dependency path from the event word to the place (only when the sentence was parsed):
    "dep_locative": 0.0,  # "killed in X": the surface preposition cue already says it
    "dep_object": 1.5,  # "captured X", "shelled the villages of X": the place is what the event acted on
    "dep_subject": 2.5,  # "Canada captured the silver", "Turkish police patrolled": who, not where
    "dep_apart": 2.0,  # another clause's place ("... when a bomb exploded in X", "a man who lived in X")
    "dep_subclause": 0.5,  # a clause of circumstance ("killed when a bomb exploded in X"): often the same place
    "dep_indirect": 1.0,  # "clashes with forces in X", "sources in X": a phrase about someone else
    "dep_modifier": 2.5,  # "a U.S. airstrike", "Caracas' newspaper": a word about a thing
}


_POSSESSIVE_AFTER = re.compile(r"^(?:'s|’s|\s{1,3}s\b)")
_DIRECTION_OF_BEFORE = re.compile(
    r"(?:,|\bin|\bat|\bnear)?\s*(?:(?:just|some|about|around)\s+)?(?:\d[\d,.]*\s*(?:km|kilometres|kilometers|miles)\s+(?:\(\d+\s*\w+\)\s+)?)?"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(?:of|from)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$",
    re.I,
)


def _reference_point(sentence: str, t: Any, others: list[Any]) -> bool:
    """A place named only to say where another one lies: "Amara, south of Baghdad", "Dunya Pur, a
    small town about 100 kilometers northeast of the city of Multan"."""
    before = sentence[max(0, t.start - 70): t.start]
    m = _DIRECTION_OF_BEFORE.search(before)
    if not m:
        return False
    # "a small town ... northeast of the city of Multan"; not "positions south of the town of Tabaqa"
    lead = before[: m.start()]
    # the place it locates comes right before ("Taji, just north of Baghdad"), not a clause earlier
    # ("residents of Kefraya at a transit point west of Aleppo")
    phrase_start = t.start - len(before) + m.start()
    return (any(o is not t and o.end <= phrase_start and phrase_start - o.end <= 15 for o in others)
            or bool(re.search(r"\b(?:town|village)\s*,?\s*$", lead)))


_NEAR_BEFORE = re.compile(
    # "the Jdeideh village near Jenin", "the Tarmiya plant outside Baghdad": a named site and the town it lies by
    r"^\s*(?:,\s*(?:a|the)\s+(?:small\s+)?(?:village|town|hamlet|suburb)\s+|\s+(?:(?:plant|site|reactor|facility|complex|"
    r"compound|dam|refinery|mine)\s+)?)(?:near|close\s+to|(?:just\s+)?outside)\s+"
    r"(?:the\s+)?(?:(?:city|town)\s+of\s+)?$",
    re.I,
)


def _near_reference(sentence: str, t: Any, others: list[Any]) -> bool:
    """A town named only to say where the settlement before it lies: "the village of Jdeideh near
    Jenin", "Potocari, a village near Srebrenica" (not a road or base near a town: ACLED codes
    those at the town)."""
    for o in others:
        if o is t or o.end > t.start or t.start - o.end > 30:
            continue
        # a settlement the gazetteer lacks, placed only by its context, is still the settlement named
        placed_by_context = getattr(o, "role", None) == "inferred_from_context"
        if ((getattr(o, "precision", None) not in ("exact", None) or getattr(o, "role", None)) and not placed_by_context) \
                or getattr(o, "demonym", False):
            continue
        if getattr(o, "feature_class", None) not in ("P", None):
            continue
        if _NEAR_BEFORE.match(sentence[o.end: t.start]):
            return True
    return False


_LIST_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$")


def _listed_after(sentence: str, t: Any, others: list[Any]) -> Any | None:
    """The place ``t`` follows in a list ("Fuaa and Kafraya", "Kafr Nabl, Hass and Kansafra")."""
    for o in others:
        if o is not t and o.end <= t.start and t.start - o.end <= 7 and _LIST_JOIN.match(sentence[o.end: t.start]):
            return o
    return None


# "in Jerusalem's walled Old City", "in Syria's northern Idlib": the place after its possessor
# shares the possessor's preposition
_POSSESSOR_BEFORE = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*(?:'s|’s)\s+(?:[\w-]+\s+){0,2}$")
_UNFOUND_PEER = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


_UNFOUND_OF = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*\s+of\s+(?:the\s+)?$")
_AREA_WORD_AFTER = re.compile(r"^\s+(?:district|province|governorate|state|county|region|municipality|prefecture)\b", re.I)


def _preposition(sentence: str, t: Any, others: list[Any], depth: int = 0) -> bool:
    """A locative preposition or place noun before ``t`` ("in", "near", "the town of"), or before the
    place ``t`` is listed after ("in the towns of Tel Hamis and Tel Birak", "shelled Kafr Nabl,
    Hass and Kansafra")."""
    before = sentence[max(0, t.start - 45): t.start]
    if _PREP_BEFORE.search(before):
        return True
    # "in the towns of Tel Hamis and Tel Birak" when the first name of the list was not found
    m = _UNFOUND_PEER.search(before) or _POSSESSOR_BEFORE.search(before)
    if m and _PREP_BEFORE.search(sentence[max(0, t.start - len(before) + m.start() - 45): t.start - len(before) + m.start()]):
        return True
    # "at Bhimphedi of Makwanpur district": the district of an unfound village shares its preposition
    m = _UNFOUND_OF.search(before)
    if m and _AREA_WORD_AFTER.match(sentence[t.end: t.end + 20]) and _PREP_BEFORE.search(
            sentence[max(0, t.start - len(before) + m.start() - 45): t.start - len(before) + m.start()]):
        return True
    o = _listed_after(sentence, t, others) if depth <= 6 else None
    return o is not None and _preposition(sentence, o, others, depth + 1)


# "20 miles (32 kilometers) from the border city of X": a distance from a place says where, no origin
_DISTANCE_FROM = re.compile(
    r"\b(?:km|kms|kilometres?|kilometers?|miles?|metres?|meters?|yards)\s*\)?\s+(?:away\s+)?from\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.I,
)


# Where people live, work or sheltered, told in a clause about them: "migrants who have been living
# in X for years", "families who took refuge in schools in X" say where they are from, not the scene.
_DWELLING_BEFORE = re.compile(
    r"\b(?:who|that)\s+(?:(?:had|have|has|were|was|are|is)\s+)?(?:(?:been|long|once|still)\s+)?"
    r"(?:living|lived|live|lives|residing|resided|reside|settled|sheltering|took\s+refuge|taken\s+refuge|"
    r"worked|working|works|grew\s+up|were\s+born|was\s+born)\b[^.;,]{0,50}?\b(?:in|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$",
    re.I,
)


def _origin(sentence: str, t: Any, others: list[Any], depth: int = 0) -> bool:
    """Where people come from ("evacuees from the towns of Fuaa and Kafraya") or live ("migrants who
    have been living in X"), for every place of the list."""
    before = sentence[max(0, t.start - 45): t.start]
    if _ORIGIN_BEFORE.search(before) and not _DISTANCE_FROM.search(before):
        return True
    if _DWELLING_BEFORE.search(sentence[max(0, t.start - 110): t.start]):
        return True
    o = _listed_after(sentence, t, others) if depth <= 6 else None
    return o is not None and _origin(sentence, o, others, depth + 1)


# A military operation named with a place's word ("Operation Olive Branch", "the Olive Branch
# Operation", "Operation Euphrates Shield") names a campaign, not where it fought.
_OPERATION_BEFORE = re.compile(r"\bOperation\s+(?:[A-Z][\w'’-]*\s+){0,2}$")
_OPERATION_AFTER = re.compile(r"^(?:\s+[A-Z][\w'’-]*){0,2}\s+Operations?\b")


def _operation_name(sentence: str, t: Any) -> bool:
    """Whether ``t`` is (part of) the name of a military operation."""
    return bool(_OPERATION_BEFORE.search(sentence[max(0, t.start - 40): t.start]) or _OPERATION_AFTER.match(sentence[t.end: t.end + 40]))


def _named_person(sentence: str, t: Any, others: list[Any], depth: int = 0) -> bool:
    """A name a person bears ("the release of Lima and Sousa"), for every name of the list."""
    if _PERSON_BEFORE.search(sentence[max(0, t.start - 45): t.start]):
        return True
    o = _listed_after(sentence, t, others) if depth <= 6 else None
    return o is not None and _named_person(sentence, o, others, depth + 1)


def _contains_here(sentence: str, t: Any, others: list[Any]) -> bool:
    """Whether this mention of an area is the container of a place named just before it in the
    sentence ("Jarez village in the countryside of Aleppo"). The geoparser marks every mention of a
    name it once saw as a container, so "7 injured in Aleppo, damage in Daraa" must not count."""
    if getattr(t, "role", None) != "containing_area":
        # a town the geoparser did not mark, right after the place it holds: "patrolled the market
        # square in nearby Hebron", "Saif al-Dawla in the neighbouring Aleppo"
        return getattr(t, "precision", None) not in ("country", None) and any(
            o is not t and o.end <= t.start and getattr(o, "precision", None) != "country" and not getattr(o, "demonym", False)
            and _HELD_IN.match(sentence[o.end: t.start]) for o in others)
    if _NAME_THEN_CONTAINER.search(sentence[max(0, t.start - 60): t.start]):
        return True  # "between Dabiq and Sandaf villages in Aleppo": a name the gazetteer lacks, then its area
    return any(o is not t and o.end <= t.start and t.start - o.end <= 80 and getattr(o, "precision", None) != "country"
               and not getattr(o, "demonym", False) for o in others)


_HELD_IN = re.compile(r"^\s+in\s+(?:the\s+)?(?:nearby|neighbou?ring|adjacent)\s+$", re.I)
_NAME_THEN_CONTAINER = re.compile(
    r"[A-Z][\w'’-]+(?:\s+(?:villages?|towns?|city|area|district|camp|axis|fronts?|frontlines?|countryside|neighbou?rhoods?))?"
    r"\s*(?:,|\bin|\bof)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|rural)\s+)?$"
)


# "was shot ... and later died at X Hospital", "died later at Vanderbilt University Medical Center in
# Nashville": where a victim died of his wounds is not where he was hit (a destination, as "rushed to").
_DIED_AT_BEFORE = re.compile(r"\b(?:died|succumbed|pronounced\s+dead)\b[^.;]{0,60}$", re.I)
_HOSPITAL_WORD = re.compile(r"\b(?:hospitals?|medical\s+cent(?:er|re)|clinic|infirmary)\b", re.I)


def _died_in_hospital(sentence: str, t: Any) -> bool:
    before = sentence[max(0, t.start - 80): t.start]
    m = _DIED_AT_BEFORE.search(before)
    return bool(m) and bool(_HOSPITAL_WORD.search(before[m.start():] + " " + sentence[t.start: t.end + 25]))


def _features(sentence: str, verb: tuple[int, int], t: Any, others: list[Any], rel: dict | None = None) -> dict[str, float]:
    start, end = t.start, t.end
    before = sentence[max(0, start - 45): start]
    precision = getattr(t, "precision", None)
    # a town named beside the province ("Palmyra in Homs province"), not one listed with it as a
    # peer ("the countryside of Raqqa and Hasakeh")
    finer = any(getattr(o, "precision", None) in ("exact", "near") and _listed_after(sentence, o, [t]) is None
                and _listed_after(sentence, t, [o]) is None
                for o in others if o is not t)
    dist = start - verb[1] if start >= verb[1] else verb[0] - end
    origin = _origin(sentence, t, others)
    return {
        "preposition": float(_preposition(sentence, t, others)),
        "origin": float(origin),
        "destination": float(bool(_DESTINATION_BEFORE.search(sentence[max(0, start - 80): start])) or _died_in_hospital(sentence, t)),
        "from_other": float(not origin and bool(_FROM_BEFORE.search(before))),
        "distance": float(max(0, min(dist, 200))),
        "after_verb": float(start >= verb[1]),
        "country_among_others": float(precision == "country" and len(others) > 1),
        "admin1_with_finer": float(precision == "admin1" and finer),
        "possessive": float(bool(_POSSESSIVE_AFTER.match(sentence[end: end + 6])) and len(others) > 1),
        "reference_point": float(_reference_point(sentence, t, others) or _near_reference(sentence, t, others)),
        "attribution": float(bool(_ATTRIBUTION_BEFORE.search(sentence[max(0, start - 90): start]))),
        "elsewhere": float(bool(_ANOTHER_EVENT_BEFORE.search(sentence[max(0, start - 90): start]))),
        "other_sentence": float(bool(_SENTENCE_END.search(sentence[verb[1]: start] if start >= verb[1] else sentence[end: verb[0]]))),
        "containing_area": float(_contains_here(sentence, t, others)),
        "demonym": float(bool(getattr(t, "demonym", False))),
        "actor": float(bool(_ACTOR_AFTER.match(sentence[end: end + 30])) or bool(_BY_BEFORE.search(before))
                       or _operation_name(sentence, t)
                       or _named_person(sentence, t, others)
                       or (precision == "country" and bool(_ATTACK_AFTER.match(sentence[end: end + 30])))
                       or (precision == "country" and end <= verb[0] and bool(_ACTIVE_SUBJECT_GAP.match(sentence[end: verb[0]]))
                           and not _PREP_BEFORE.search(before))),
    } | _dependency_features(rel, precision == "country")


_CURRENCY_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:dollars?|pounds?|euros?|yuan|rupees?|rubles?|roubles?|dinars?|riyals?|rials?|liras?|francs?|"
    r"pesos?|shillings?|nairas?|rand|yen|won|kwachas?|cedis?|birr|taka|kyats?|afghanis?|hryvnias?)\b",
    re.I,
)


def _named_for_money(text: str, t: Any) -> bool:
    """A country named for its currency ("the US dollar", "Syrian pounds"): a toponym still, never a scene."""
    return getattr(t, "precision", None) in ("country", None) and bool(_CURRENCY_AFTER.match(text[t.end: t.end + 20]))


def _score(sentence: str, verb: tuple[int, int], t: Any, others: list[Any], w: dict | None = None, rel: dict | None = None) -> float:
    w = w or WEIGHTS
    f = _features(sentence, verb, t, others, rel)
    if f["demonym"] or _named_for_money(sentence, t):
        # "Syrian forces", "Yemenis": an adjective or a people, not where it happened; "the US
        # dollar exchange rate": a currency
        return -99.0
    return (w["preposition"] * f["preposition"] - w["origin"] * f["origin"] - w["from_other"] * f["from_other"]
            - w.get("destination", 0.0) * f["destination"]
            - f["distance"] / w["distance"] + w["after_verb"] * f["after_verb"]
            - w["country_among_others"] * f["country_among_others"] - w["admin1_with_finer"] * f["admin1_with_finer"]
            - w["possessive"] * f["possessive"] - w["containing_area"] * f["containing_area"]
            - w.get("actor", 0.0) * f["actor"] - w.get("reference_point", 0.0) * f["reference_point"]
            - w.get("attribution", 0.0) * f["attribution"] - w.get("elsewhere", 0.0) * f["elsewhere"]
            - w.get("other_sentence", 0.0) * f["other_sentence"]
            + sum(w.get(k, 0.0) * f[k] for k in _DEP_GAINS) - sum(w.get(k, 0.0) * f[k] for k in _DEP_COSTS))

_DEP_GAINS = ("dep_locative", "dep_object")
_DEP_COSTS = ("dep_subject", "dep_apart", "dep_subclause", "dep_indirect", "dep_modifier")
# Where people were going, not where they are: "fleeing ... for Palmyra", "heading towards Azaz",
# "on their way to Homs" (a target of fire is not one: "fired at X", "shelled X").
_DESTINATION_BEFORE = re.compile(
    r"\b(?:fle(?:e|es|eing|d)|head(?:ed|ing|s)?|travel\w*|withdr[ae]w\w*|retreat\w*|escap\w*|evacuat\w*|bound|"
    r"(?:on\s+\w+\s+)?way|en\s+route|transferred|taken|brought|rushed|sent|deported|displaced)\b[^.;]{0,40}?"
    r"\b(?:to|towards?|for|into)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
