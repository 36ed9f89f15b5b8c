"""Which of the places a sentence names is where its event happened.

"On Tuesday, army units liberated the towns of Tadif and Deir Hafer in the Aleppo
province": the event verb is *liberated*; its places are Tadif and Deir Hafer, not Aleppo (the
containing area), nor the dateline, nor the city a spokesman spoke from, nor the home town
of a victim ("a cab driver from Abidjan").

:func:`choose_event_toponym` works on one sentence, a verb's character span and candidate
toponyms (all offsets relative to the sentence), so the evaluation can call it on gold verbs.
The weights were set by hand on the non-gold rows of the event-location set (not the
``RELABEL`` rows the evaluation scores).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|at|on|near|inside|outside|around|across|throughout|into|over|within|toward|towards|"
    r"outskirts\s+of|district\s+of|town\s+of|city\s+of|village\s+of|province\s+of|area\s+of|region\s+of|"
    r"north\s+of|south\s+of|east\s+of|west\s+of|northeast\s+of|northwest\s+of|southeast\s+of|southwest\s+of|"
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
    r"^(?:'s|’s)?\s*(?:-\s*)?(?:led|backed|based|born|made|supported|allied|forces?|troops|military|army|soldiers?|"
    r"officials?|authorities|government|embassy|ambassador|warplanes|jets|aircraft|navy|police|president|"
    r"minister|ministry|diplomats?|envoy|officers?|militia|coalition|"
    # a place used as a word about a person, a team or a war, not the scene: "a Tampa woman",
    # "Seville fans", "Syria's civil war", "the ISIS governor of Manbij"
    r"wom[ae]n|m[ae]n|boy|girl|fans|natives?|newspaper|daily|governor|mayor|students?|team|club|"
    r"civil\s+war|war|conflict|crisis|"
    # a thing named after a place or a person: "a Molotov cocktail"
    r"cocktails?|"
    # an armed group named after a place or a person: "the Hamza Division", "Sultan Murad Brigade"
    r"division|brigades?|battalions?|regiments?|legion)\b",
    re.I,
)
# A country naming the weapon or the attack is its author: "a U.S. airstrike", "Russian-backed
# offensive", "an Israeli raid" (a town so used is a place: "the Aleppo offensive").
_ATTACK_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:air\s*strikes?|airstrikes?|air\s+raids?|raids?|drones?|strikes?|shelling|bombing|bombardment|"
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
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
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
    r"^\s*(?:,\s*(?:a|the)\s+(?:small\s+)?(?:village|town|hamlet|suburb)\s+|\s+)(?:near|close\s+to|just\s+outside)\s+"
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
        if getattr(o, "precision", None) not in ("exact", None) or getattr(o, "role", None) or getattr(o, "demonym", False):
            continue
        if getattr(o, "feature_class", None) not in ("P", None):
            continue
        if _NEAR_BEFORE.match(sentence[o.end: t.start]):
            return True
    return False


# --- the dependency path from the event word to a place (Halterman 2019: the strongest signal) ---

_LOCATIVE_PREPS = frozenset(
    "in at on near inside outside around across throughout into over within along toward towards onto "
    "between through off beside behind beyond among amid amidst upon".split()
)
# Nouns that stand for a place themselves: "the town of X", "the X countryside", "X's suburbs".
_PLACE_NOUNS = frozenset(
    "city town village province district suburb suburbs countryside area areas region neighbourhood neighborhood "
    "neighbourhoods neighborhoods outskirts streets street camp border capital part parts north south east west "
    "centre center heart edge edges quarter quarters districts villages towns cities provinces governorate county "
    "state territory enclave strip valley mountains hills front frontier crossing checkpoint market airport base "
    "hospital zone zones outpost compound square road highway port settlement settlements locality localities "
    "countrysides vicinity environs municipality "
    # a building or venue a town names is in that town: "a posh Sofia restaurant", "their north
    # Belfast home", "the Luoyang city government offices"
    "restaurant restaurants home homes house houses office offices hotel mosque church school prison jail "
    "stadium cafe shop shops mall bank university building buildings plant factory".split()
)
# Nouns of a violent event, whose relative clause tells the same event ("the clashes that broke out in X").
_EVENT_NOUNS = frozenset(
    "clash clashes fighting fight fights battle battles attack attacks strike strikes airstrike airstrikes raid raids "
    "explosion explosions blast blasts bombing bombings shelling offensive operation operations assault assaults "
    "ambush ambushes violence unrest riots riot protest protests demonstration demonstrations".split()
)
# Another statement: "a man who lived in X", "said that ...", "; in X, ..."
_CLAUSE_DEPS = frozenset(("relcl", "ccomp", "parataxis", "csubj", "conj"))
# A clause that tells the circumstances of the same event: "killed when a bomb exploded in X",
# "killed after clashes in X", "the operation to stop boats at X".
_SUBCLAUSE_DEPS = frozenset(("advcl", "acl", "xcomp", "pcomp"))


def _root(doc: Any, start: int, end: int) -> Any:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _has_subject(tok: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _event_words(verb: Any) -> set:
    """The event word and the words that tell the same event: "shot and killed", "began to shell"
    (a coordinated verb with a subject of its own is another event)."""
    words = {verb}
    x = verb
    while x.dep_ in ("conj", "xcomp") and x.head is not x and not _has_subject(x):
        x = x.head
        words.add(x)
    for c in verb.children:
        if c.dep_ in ("conj", "xcomp") and c.pos_ in ("VERB", "AUX") and not _has_subject(c):
            words.add(c)
    return words


def dependency_relation(doc: Any, verb: tuple[int, int], place: tuple[int, int], places: list[tuple[int, int]]) -> dict[str, Any]:
    """How a place is tied to the event word in the parse ``doc`` of one sentence.

    Climbs from the place towards the event word through names, coordinations, appositions and
    place nouns ("the town of X"), and says: the first preposition met (``prep``: "loc" for a
    locative one, else the word), the last link into the event word (``link``: dobj, nsubj, ...),
    whether a clause boundary was crossed (``clause``), whether the place only modifies a thing
    ("a U.S. airstrike", ``modifier``), every preposition on the way (``via``), whether it lies in a clause of circumstance ("killed when a
    bomb exploded in X", ``subclause``), and whether the event word was reached at all (``reached``).
    """
    out: dict[str, Any] = {"prep": None, "link": None, "clause": False, "subclause": False, "modifier": False,
                           "reached": False, "via": []}
    v = _root(doc, *verb)
    x = _root(doc, *place)
    if v is None or x is None:
        return out
    others = {r for r in (_root(doc, a, b) for a, b in places) if r is not None}
    words = _event_words(v)
    for _ in range(40):
        if x in words:
            out["reached"] = True
            return out
        dep, head = x.dep_, x.head
        if head is x:
            return out
        if dep in ("compound", "flat", "conj", "appos", "nmod", "amod", "poss", "npadvmod"):
            if dep in ("compound", "amod", "poss", "nmod") and head.lower_ not in _PLACE_NOUNS and head not in others:
                out["modifier"] = True
        elif dep == "pobj" and head.dep_ == "prep":
            word = head.lower_
            if not (word == "of" and (head.head.lower_ in _PLACE_NOUNS or head.head in others)):
                kind = "loc" if word in _LOCATIVE_PREPS else word
                out["prep"] = out["prep"] or kind
                out["via"].append(kind)
        elif dep in ("relcl", "acl") and head.lower_ in _EVENT_NOUNS:
            # "killed during the clashes that broke out in X": a clause on the event's own noun tells
            # where that event was, as a clause of circumstance does
            out["subclause"] = True
        elif dep in _CLAUSE_DEPS:
            out["clause"] = True
        elif dep in _SUBCLAUSE_DEPS:
            out["subclause"] = True
        elif head in words:
            out["link"] = dep
        x = head
    return out


def _dependency_features(rel: dict[str, Any] | None, country: bool = False) -> dict[str, float]:
    if rel is None:
        return dict.fromkeys(("dep_locative", "dep_object", "dep_subject", "dep_apart", "dep_subclause", "dep_indirect",
                              "dep_modifier"), 0.0)
    tied = rel["reached"] and not rel["clause"]
    where = rel["prep"] == "loc" or (rel["prep"] is None and rel["link"] in ("dobj", "nsubjpass", "attr"))
    return {
        "dep_locative": float(tied and rel["prep"] == "loc" and not rel["modifier"]),
        "dep_object": float(tied and rel["prep"] is None and rel["link"] in ("dobj", "nsubjpass", "attr") and not rel["modifier"]),
        "dep_subject": float(tied and rel["prep"] is None and rel["link"] in ("nsubj", "agent")),
        "dep_apart": float(not tied),
        "dep_subclause": float(tied and rel["subclause"]),
        # "clashes with forces in X", "protesting against the war in X", "sources in X": the place
        # belongs to a phrase about someone or something else, not to the event
        "dep_indirect": float(tied and rel["prep"] == "loc" and any(v not in ("loc", "of", "by") for v in rel["via"][1:])),
        # "at a Baghdad market", "destroyed the U.S. Embassy": a town naming the building where it
        # happened is the place; a country naming a thing ("a U.S. airstrike") is who did it.
        "dep_modifier": float(tied and rel["modifier"] and (country or not where)),
    }


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


def _origin(sentence: str, t: Any, others: list[Any], depth: int = 0) -> bool:
    """Where people come from ("evacuees from the towns of Fuaa and Kafraya"), for every place of the list."""
    before = sentence[max(0, t.start - 45): t.start]
    if _ORIGIN_BEFORE.search(before) and not _DISTANCE_FROM.search(before):
        return True
    o = _listed_after(sentence, t, others) if depth <= 6 else None
    return o is not None and _origin(sentence, o, others, depth + 1)


def _contains_here(sentence: str, t: Any, others: list[Any]) -> bool:
    """Whether this mention of an area is the container of a place named just before it in the
    sentence ("Jarez village in the countryside of Aleppo"). The geoparser marks every mention of a
    name it once saw as a container, so "7 injured in Aleppo, damage in Daraa" must not count."""
    if getattr(t, "role", None) != "containing_area":
        return False
    if _NAME_THEN_CONTAINER.search(sentence[max(0, t.start - 60): t.start]):
        return True  # "between Dabiq and Sandaf villages in Aleppo": a name the gazetteer lacks, then its area
    return any(o is not t and o.end <= t.start and t.start - o.end <= 80 and getattr(o, "precision", None) != "country"
               and not getattr(o, "demonym", False) for o in others)


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
    after = sentence[end: end + 3]
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
        "containing_area": float(_contains_here(sentence, t, others)),
        "demonym": float(bool(getattr(t, "demonym", False))),
        "actor": float(bool(_ACTOR_AFTER.match(sentence[end: end + 30])) or bool(_BY_BEFORE.search(before))
                       or (precision == "country" and bool(_ATTACK_AFTER.match(sentence[end: end + 30])))),
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
            - w.get("attribution", 0.0) * f["attribution"]
            + sum(w.get(k, 0.0) * f[k] for k in _DEP_GAINS) - sum(w.get(k, 0.0) * f[k] for k in _DEP_COSTS))


#: The parser costs a third of spaCy's time, so a sentence is parsed only when the surface cues
#: leave its choice open (see :func:`_undecided`): two places within ``PARSE_MARGIN`` points, or
#: a best place within ``PARSE_MARGIN`` of the no-place line (a lone "U.S." in "killed in a U.S.
#: airstrike"). On 150 FA-KES reports that is 263 sentences, 3.7 % of extraction's CPU time (a
#: margin of 1.5 parses 321 for 4.5 % and gains nothing on the gold event-location rows).
MIN_PLACES_TO_PARSE = 1
PARSE_MARGIN = 1.25

_DEP_GAINS = ("dep_locative", "dep_object")
_DEP_COSTS = ("dep_subject", "dep_apart", "dep_subclause", "dep_indirect", "dep_modifier")


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


def _in_named_area(sentence: str, best: int, ranked: list[tuple[float, int]], usable: list[tuple[int, Any]], w: dict) -> int:
    """"in Um Harmala town east of Tal Tamr town in Al Hasakeh countryside": when the sentence
    names the province its places lie in and the chosen town was read in another province of the
    same country (a namesake), the best place inside that province wins, else the province itself."""
    places = dict(usable)
    chosen = places.get(best)
    if chosen is None or getattr(chosen, "precision", None) not in ("exact", "near"):
        return best
    others = [t for _, t in usable]
    abroad = _namesake_abroad(sentence, chosen, others)
    if abroad is not None:
        for score, k in ranked:
            t = places[k]
            if (score > w["threshold"] and t is not abroad and t.country == abroad.country and getattr(t, "precision", None) in ("exact", "near")
                    and (getattr(abroad, "precision", None) not in ("admin1", "admin2") or t.admin1 == abroad.admin1)):
                return k
        return next(k for k, t in usable if t is abroad)
    if not getattr(chosen, "admin1", None):
        return best
    # the province, or the town that names it ("on the Tal Al-Laban axis in Al-Hasakeh")
    areas = [t for t in others if (getattr(t, "precision", None) == "admin1" or names_its_area(t)) and t.country == chosen.country
             and chosen.end <= t.start <= chosen.end + 60 and getattr(t, "admin1", None) and _contains_here(sentence, t, others)]
    if not areas or any(a.admin1 == chosen.admin1 for a in areas):
        return best
    area = areas[0]
    for score, k in ranked:
        t = places[k]
        if score > w["threshold"] and getattr(t, "precision", None) in ("exact", "near") and t.admin1 == area.admin1:
            return k
    return next(k for k, t in usable if t is area)


# "Zir and Takihi towns in Deir ez Zor countryside", "near Karak in Dar'a", "Tah frontline in Idleb":
# the words that put a place inside the area named next.
_LIES_IN = re.compile(
    r"^(?:\s*(?:,|\band\b)\s*[A-Z][\w'’-]*)*"
    r"(?:\s+(?:villages?|towns?|city|area|district|camp|axis|fronts?|frontlines?|countryside|neighbou?rhoods?|roads?|"
    r"highway|checkpoint|crossing|desert|badia|plain|region|mountains?|hills?|base|airbase|airport|municipality|township|"
    r"sub-?district|county))?"
    r"\s*(?:,|\(|\bin\b|\bof\b|\bnear\b)\s*(?:the\s+)?(?:(?:northern|southern|eastern|western|central|rural|"
    r"north|south|east|west|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?"
    r"(?:(?:countryside|province|governorate|district|outskirts|suburbs?)\s+of\s+)?(?:the\s+)?$"
)


def _namesake_abroad(sentence: str, chosen: Any, others: list[Any]) -> Any | None:
    """The province or district a sentence puts ``chosen`` in, when ``chosen`` was read in another
    country: "Zir and Takihi towns in Deir ez Zor countryside" with Zir read as Zizers in
    Switzerland, "Tah frontline in Idleb province" with Tah read in Morocco. A town is where its
    sentence says it lies; a reading abroad is a namesake, and the area (or a place of the sentence
    inside it) is the better answer."""
    if not getattr(chosen, "country", None):
        return None
    for t in others:
        if t is chosen or getattr(t, "demonym", False) or not getattr(t, "country", None) or t.country == chosen.country:
            continue
        # only a province or district, or the town that gives its province its name ("Karak in Dar'a",
        # "Ara in As-Sweida"): another town after a town ("in Florianopolis, Santa Catarina" with the
        # state read as a Mexican town) is as likely the misread one
        if (getattr(t, "precision", None) not in ("admin1", "admin2") and not names_its_area(t)) or getattr(t, "lat", None) is None:
            continue
        if chosen.end <= t.start <= chosen.end + 60 and _LIES_IN.match(sentence[chosen.end: t.start]):
            return t
    return None


def names_its_area(t: Any) -> bool:
    """Whether the town ``t`` bears the name of the province it lies in (Aleppo, Dar'a, Al Hasakeh,
    Zacatecas): after a village ("Karak in Dar'a") such a name stands for the province, as in ACLED's
    notes, and a village read elsewhere is a namesake of one there."""
    if getattr(t, "precision", None) not in ("exact", "near") or not getattr(t, "admin1", None):
        return False
    from ceasefire.resolve.places.names import skeleton_key

    area = skeleton_key(t.admin1)
    return bool(area) and area in (skeleton_key(t.text or ""), skeleton_key(getattr(t, "name", None) or ""))


# "On 7 May 2022, in La Plata (Buenos Aires), ...": the place a sentence opens with, after its date,
# is the scene of everything it tells (ACLED's notes always open so).
_FRONTED = re.compile(
    r"^\W*(?:(?:On|Around|Between|Since|Overnight|As\s+reported)\b[^,;.]{0,50},\s*)?(?:in|at)\s+(?:the\s+)?"
    # "in the rural area of Caruaru municipality", "in the outskirts of Heroica Puebla de Zaragoza"
    r"(?:(?:rural|urban|central|northern|southern|eastern|western)\s+)?"
    r"(?:(?:city|town|village|municipality|district|area|province|outskirts|surroundings|vicinity|centre|center)\s+of\s+)?$",
    re.I,
)
#: A later place of the sentence further than this from the place it opens with lies elsewhere, or
#: is a neighbourhood, street or square the gazetteer placed in a namesake town.
FRONTED_KM = 30.0


def _km(a: Any, b: Any) -> float:
    import math

    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


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


# "the al-Midan neighborhood of Hama", "Jobar neighborhood in Damascus city", "in the
# neighborhood of Al-Qusour near the old market of Homs city": a part of a town named with it
_SUBPLACE_BEFORE = re.compile(r"\b(?P<word>neighbou?rhoods?|district|quarter|suburb|section)\s+of\s+(?:the\s+)?$", re.I)
_SUBPLACE_AFTER = re.compile(
    r"^\)?(?:\s+(?:[A-Z][\w'’.-]*|of|and|de|the|metro|main|central|old|grand|new|national|military|police|bus|railway|"
    r"train|refugee|general|public|local|city|town)){0,3}?\s*\)?\s+(?P<word>(?i:"
    r"neighbou?rhoods?|district|quarter|suburb|section|squares?|streets?|roundabout|avenue|road|bridges?|"
    # a named building or site of the town: "the Uskhod metro station in Minsk", "the Margaret Chase
    # Smith Bridges in Skowhegan", "Buckingham Care and Rehabilitation Center in Norwood"
    r"station|cemetery|park|market|mosque|church|hospital|cent(?:er|re)|school|university|college|stadium|camp|prison))\b"
)
_TOWN_NEXT = re.compile(
    r"^(?:\s+(?:neighbou?rhoods?|district|quarter|suburb|section|square|street|roundabout|area))?"
    r"(?:\s+(?:axis|front|frontline))?(?:\s+(?:in|at|of)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)?"
    r"\s+(?:in|of)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$"
)
# "protested in Gaviao located in Vila Nova de Famalicao": the sentence says which town holds it
_LOCATED_IN = re.compile(r"^\s*,?\s*(?:which\s+is\s+)?(?P<word>located|situated)(?=\s+(?:in|within)\b)", re.I)
_TOWN_POSSESSOR = re.compile(r"^(?:'s|’s)\s+(?:(?:northern|southern|eastern|western|central|old|north|south|east|west)\s+)?(?:(?:district|neighbou?rhood|quarter)\s+of\s+)?$", re.I)


def _in_named_town(sentence: str, best: int, usable: list[tuple[int, Any]]) -> int:
    """A neighbourhood, square or street read more than ``FRONTED_KM`` from the town its sentence
    names it in ("the al-Ashrafiyyeh neighborhood of Afrin" read in Aleppo city, "Beirut's Hamra
    district" read in Jordan): a namesake elsewhere, so the town holds (ACLED codes a neighbourhood
    it cannot place at its town)."""
    chosen = dict(usable).get(best)
    if chosen is None or getattr(chosen, "lat", None) is None or getattr(chosen, "precision", None) not in ("exact", "near"):
        return best
    before = sentence[max(0, chosen.start - 30): chosen.start]
    after = sentence[chosen.end: chosen.end + 60]
    before_part = _SUBPLACE_BEFORE.search(before)
    after_part = _SUBPLACE_AFTER.match(after) or _LOCATED_IN.match(after)
    part = before_part or after_part
    # "Al Amadiya district of Duhok": a district of the province a capital names is no part of the town
    district = bool(part) and bool(re.match(r"(?i)district|suburb", part.group("word")))
    for k, t in usable:
        if k == best or getattr(t, "lat", None) is None or getattr(t, "demonym", False):
            continue
        if getattr(t, "precision", None) not in ("exact", "near") or getattr(t, "feature_class", None) not in ("P", None):
            continue
        if t.start >= chosen.end:
            between = sentence[chosen.end: t.start]
            if not before_part and after_part and after_part.end() > len(between):
                continue  # the word of a place further on ("the Ghat area of Doda district")
            if not before_part and after_part:
                between = between[after_part.end():]  # "Chase Smith Bridges in ": from the building's word on
            town = part and len(between) <= 60 and bool(_TOWN_NEXT.match(between))
        else:
            # "Beirut's Hamra district"; a building after a possessor ("Mecca's Al-Nur hospital") is
            # named for itself, and its name is the place a reader looks for
            quarter = bool(part) and bool(re.match(r"(?i)neighbou?rhood|district|quarter|suburb|section", part.group("word")))
            town = quarter and chosen.start - t.end <= 30 and bool(_TOWN_POSSESSOR.match(sentence[t.end: chosen.start]))
        if town:
            if t.country == chosen.country and (district and names_its_area(t) or _km(t, chosen) <= FRONTED_KM):
                return best
            return k
    return best


def _inside(u: Any, t: Any, sentence_gap: int | None = None) -> bool:
    """Whether place ``u`` lies inside area ``t``: a town of a province, a province or town of a
    country, a district of the city a text names right after it ("Sadr City in eastern Baghdad")."""
    if u is t or getattr(u, "lat", None) is None or not u.country or u.country != t.country:
        return False
    up, tp = getattr(u, "precision", None), getattr(t, "precision", None)
    if tp == "country":  # "Idlib, Syria"; a town after the country is another phrase's ("across Turkey ... in Istanbul")
        return up in ("exact", "near", "admin2", "admin1") and sentence_gap is not None and 0 <= sentence_gap <= 80
    if tp in ("admin1", "admin2"):
        finer = ("exact", "near", "admin2") if tp == "admin1" else ("exact", "near")
        return up in finer and bool(u.admin1) and u.admin1 == t.admin1
    if getattr(t, "role", None) == "containing_area" and up in ("exact", "near"):
        # a place inside a town lies in the town's province (one read in another is a namesake)
        same_area = not (u.admin1 and getattr(t, "admin1", None)) or u.admin1 == t.admin1
        return same_area and sentence_gap is not None and 0 <= sentence_gap <= 80
    return False


def _finer_inside(t: Any, k: int, ranked: list[tuple[float, int]], toponyms: list[Any], w: dict) -> int:
    """"Tel Ghazal and Tel Jihan, in Hasakah's northern suburbs", "the bakery of Jarablus in the
    countryside of Aleppo", "In the province of Damascus, gunmen shelled Douma": when the
    chosen place is an area (a province, a district, a country, or a city named as the container
    of another place), a place of the sentence inside that area which is itself a plausible scene
    (above the no-place line) is the more specific answer, as a coder would record it."""
    if getattr(t, "precision", None) not in ("admin1", "admin2", "country") and getattr(t, "role", None) != "containing_area":
        return k
    for score, j in ranked:
        if j == k or score <= w["threshold"]:
            continue
        u = toponyms[j]
        if getattr(u, "role", None) in ("dateline", "speaker_city") or getattr(u, "demonym", False):
            continue
        # a place after the area must be about as well tied to the event as the area itself
        # ("In the province of Damascus, terrorists shelled Arbin"; not "... in Lattakia
        # countryside, over a dispute on managing Lattakia port")
        if u.start > t.start and score < ranked[0][0] - 1.5:
            continue
        if _inside(u, t, t.start - u.end if u.end <= t.start else None):
            return j
    return k


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


def _sentence_parse(sentence: str, given: Any) -> Any:
    """The dependency parse of ``sentence``: from ``given`` (a Doc or Span of that text) or made here."""
    from ceasefire.nlp import parse_dependencies

    if given is not None and given is not True:
        if getattr(given, "text", None) != sentence:
            given = None
        elif getattr(given, "doc", given).has_annotation("DEP"):
            return given  # already parsed
    # A sentence is often weighed more than once (its own event, then as a neighbour's fallback):
    # its parse is kept on its document, so it is parsed once per report.
    cache = getattr(getattr(given, "doc", None), "user_data", None) if given is not None else None
    key = ("ceasefire.parse", given.start, given.end) if cache is not None else None
    if key is not None and key in cache:
        return cache[key]
    try:
        parsed = parse_dependencies(given if given is not None else sentence)
    except Exception:  # noqa: BLE001 - without a parse, the surface cues still decide
        parsed = None
    if key is not None:
        cache[key] = parsed
    return parsed


_EVENT_VERB = re.compile(
    r"\b(?:kill|killed|killing|wounded|injured|struck|strikes?|shell(?:ed|ing)|bomb(?:ed|ing|ardment)|clash(?:es|ed)|"
    r"attack(?:ed|s)?|fighting|fought|captured|seized|entered|besieged|siege|delivered|aid|convoy|evacuat\w+|"
    r"exploded|explosion|blast|fired|raid(?:ed|s)?|air\s*strikes?|airstrikes?|truce|ceasefire|calm|"
    # a protest's own words come before the violence it protests ("rallied in Philadelphia ... after
    # the shooting in Uvalde")
    r"protest(?:ed|ing|s)?|demonstrat(?:ed|ing|ion|ions)|rall(?:y|ied|ies)|march(?:ed|es)?|gathered|sit-in|"
    r"picket(?:ed|ing)?|riot(?:ed|ing|s)?)\b",
    re.I,
)


def _verb_span(sentence) -> tuple[int, int]:
    """The event word of a sentence: its syntactic root when parsed, else the first event word."""
    span = getattr(sentence, "span", None)
    text = sentence.text
    m = _EVENT_VERB.search(text)
    if m:
        return m.start(), m.end()
    if span is not None:
        root = span.root
        off = root.idx - span.start_char
        return off, off + len(root.text)
    return 0, 0


def locate_event(ctx: Any, sentence: Any, verb: tuple[int, int] | None = None) -> dict[str, Any] | None:
    """The Event JSON v1 location of the event told in ``sentence`` (a ``DocContext`` sentence).

    Prefers a place in the sentence tied to the event word; else the nearest earlier sentence's
    place; else its own places, below the line; else the place the next two sentences tie to
    their event; else the document's main place. A country ("killed 33 men in eastern Syria")
    gives way to a place of that country the next two sentences tie to their event ("near the
    town of Mayadeen"). Datelines and speakers' cities never count, nor a place in no country
    (a river: "as they tried to cross the Euphrates"). ``verb`` is the event word's span in the
    sentence (default: its first event word).
    """
    verb = verb or _verb_span(sentence)
    toponyms = [t for t in (getattr(ctx, "toponyms", None) or []) if t.lat is not None and t.country]
    if not toponyms:
        return None
    s_start, s_end = sentence.start, sentence.end
    inside = [t for t in toponyms if s_start <= t.start and t.end <= s_end]
    inside = sorted(inside + _seen_again(ctx, s_start, s_end, inside, toponyms), key=lambda t: t.start)
    after = [s for s in getattr(ctx, "sentences", None) or [] if s.start >= s_end][:NEXT_SENTENCES]
    if inside:
        local = [_Shifted(t, s_start) for t in inside]
        k = choose_event_toponym(sentence.text, verb, local, parse=getattr(sentence, "span", None))
        if k is not None:
            if inside[k].precision == "country":
                country = inside[k].country
                # "mortar shells on a rebel-held part of Syrias third city Homs wounded seven": a
                # place of that country in the same sentence says where in it, before the next sentences
                # (a name the gazetteer knows: one only placed by its neighbours may be a person's)
                own = [j for j, t in enumerate(inside) if t.country == country and t.precision != "country"
                       and not getattr(t, "demonym", False) and t.role not in ("dateline", "speaker_city", "inferred_from_context")]
                if own:
                    j = choose_event_toponym(sentence.text, verb, [local[i] for i in own], weights=_LENIENT, parse=False)
                    if j is not None:
                        return _on_land(ctx, inside[own[j]], after, toponyms).as_location()
                finer = place_in_sentences(ctx, after, [t for t in toponyms if t.country == country and t.precision != "country"])
                if finer is not None:
                    return finer.as_location()
            told = _round_up_told(ctx, sentence, inside, toponyms)
            if told is not None:
                return told.as_location()
            told = _peer_told_next(ctx, sentence.text, local, k, inside, after, toponyms)
            if told is not None:
                return told.as_location()
            return _on_land(ctx, inside[k], after, toponyms).as_location()
    if not inside:
        # "The outskirts of Qardaha have come under fire" where the geoparser did not see Qardaha
        # but read it elsewhere in the report
        again = _named_again(ctx, [sentence], toponyms)
        if again is not None:
            return again.as_location()
    # "the city", "the old city", "the town": the settlement the report has been talking about.
    city = _definite_settlement(sentence.text, [t for t in toponyms if t.end <= s_end], getattr(ctx, "text", None))
    if city is not None:
        return city
    # An earlier sentence of the same report: the place its own event word ties to ("shot down
    # over the province of Idlib after delivering aid to Aleppo": Idlib), else its last place.
    earlier = [t for t in toponyms if t.end <= s_start and t.role not in ("dateline", "speaker_city") and t.precision != "country"
               and not _water(t)]
    if earlier:
        before = [s for s in getattr(ctx, "sentences", None) or [] if s.end <= s_start and s.start <= earlier[-1].start]
        chosen = place_in_sentences(ctx, before[-1:], [t for t in toponyms if t.precision != "country"]) if before else None
        told = _listed_peer_told(ctx, before[-1], chosen or earlier[-1], after, toponyms) if before else None
        return (told or chosen or earlier[-1]).as_location()
    # A headline or lead that names no place: the next sentences tell the same incident with it
    # ("Suicide bomber kills 4 in Assad clan's hometown" ... "the explosion that hit the town of Qardaha").
    # Its own places come first, below the line a linked place needs ("ISIL crucifies 9 men in
    # Syria's Aleppo" told in one sentence with the lead that names the killing): a place of the
    # same sentence is the headline's place.
    if inside:
        local = [_Shifted(t, s_start) for t in inside]
        k = choose_event_toponym(sentence.text, verb, local, weights=_LENIENT, parse=False)
        if k is not None and inside[k].precision != "country":
            return _on_land(ctx, inside[k], after, toponyms).as_location()
    chosen = place_in_sentences(ctx, after, [t for t in toponyms if t.precision != "country"])
    if chosen is not None:
        return chosen.as_location()
    again = _named_again(ctx, after, toponyms)
    if again is not None:
        return again.as_location()
    main = main_place(toponyms, getattr(ctx, "text", None))
    return main.as_location() if main is not None else None


def as_read_in_its_area(ctx: Any, loc: dict[str, Any] | None) -> dict[str, Any] | None:
    """``loc``, or the reading the report itself gives the same name elsewhere: "the assault at
    Shaer in Homs province" then "an earlier attack on Shaer" (read alone as a namesake in Aleppo)
    is the Shaer of Homs. A name the report once puts inside a province keeps that province."""
    if not loc or loc.get("precision") not in ("exact", "near") or loc.get("lat") is None:
        return loc
    toponyms = getattr(ctx, "toponyms", None) or []
    text = getattr(ctx, "text", "") or ""

    def same(t: Any) -> bool:
        return (t.lat, t.lon) == (loc["lat"], loc["lon"])

    names = {t.text for t in toponyms if same(t) and t.text}
    for u in toponyms:
        if u.text not in names or same(u):
            continue
        for a in toponyms:
            if (a is u or a.precision not in ("admin1", "admin2") or a.lat is None or not a.admin1
                    or not (u.end <= a.start <= u.end + 40) or not _LIES_IN.match(text[u.end: a.start])):
                continue
            if (a.country, a.admin1) == (loc.get("country"), loc.get("admin1")):
                return loc
            read = u if (u.lat is not None and (u.country, u.admin1) == (a.country, a.admin1)) else a
            out = read.as_location()
            out["name"] = out.get("name") or u.text
            return out
    return loc


# A capital whose countryside is a province of its own: "rural Damascus", "Damascus countryside",
# "the countryside of Damascus" are Rif Dimashq (DOMAIN.md s.7; ACLED's admin1 "Rural Damascus"),
# never the Damascus governorate, which is the city alone.
_COUNTRYSIDE_PROVINCE = {("SY", "damascus"): "Rif Dimashq"}
_COUNTRYSIDE_OF = re.compile(
    r"\b(?:rural\s+(?P<a>[A-Z][\w'’-]+)|(?P<b>[A-Z][\w'’-]+)(?:'s|’s)?\s+(?:countryside|suburbs|rural\s+areas)|"
    r"(?:countryside|suburbs|rural\s+areas)\s+of\s+(?:the\s+)?(?:capital\s+)?(?P<c>[A-Z][\w'’-]+))",
)


def in_countryside_province(ctx: Any, loc: dict[str, Any] | None, spans: list[tuple[int, int]]) -> dict[str, Any] | None:
    """``loc``, or the province a capital's countryside forms when the event's sentences put it there:
    "Otayba town in rural Damascus" placed at Damascus (a village the gazetteer lacks) is in Rif
    Dimashq, and so is an event "in the Damascus countryside" itself. A place with its own point
    (a town the gazetteer knows) keeps it; only a place at the capital's own point moves."""
    if not loc or loc.get("lat") is None:
        return loc
    text = getattr(ctx, "text", "") or ""
    for a, b in spans:
        for m in _COUNTRYSIDE_OF.finditer(text, a, b):
            name = m.group("a") or m.group("b") or m.group("c")
            province = _COUNTRYSIDE_PROVINCE.get((loc.get("country") or "", name.lower()))
            if province is None:
                continue
            capital = [t for t in getattr(ctx, "toponyms", None) or [] if m.start() <= t.start and t.end <= m.end()
                       and t.lat is not None and (t.lat, t.lon) == (loc["lat"], loc["lon"])]
            if not capital:
                continue
            try:
                from ceasefire.resolve.places import lookup

                area = lookup(province, country=loc.get("country"))
            except Exception:  # noqa: BLE001 - no gazetteer, the reading stands
                return loc
            if area is None:
                return loc
            # the point stays the capital's: it is the province's seat, where ACLED codes a place known
            # only by its province (on the ACLED sample, 56 of 85 Rural Damascus events lie within 25 km
            # of Damascus, 3 of the province's centroid)
            out = dict(loc)
            out.update(admin1=area.get("admin1") or province, admin2=None, precision="admin1")
            if (loc.get("name") or "").lower() in (name.lower(), (capital[0].name or "").lower()) or loc.get("precision") == "admin1":
                out.update(name=area.get("name") or province, geonames_id=area.get("geonames_id"))
            return out
    return loc


def _peer_told_next(ctx: Any, text: str, local: list[Any], k: int, inside: list[Any], after: list[Any],
                    toponyms: list[Any], from_offset: int = 0) -> Any | None:
    """"Bombings kill two men, wound 5 in Homs and Hama" followed by "Two men died ... in the
    countryside of Hama province": a sentence that lists places as peers tells
    several incidents, and the first of them the next sentence ties to its event word is the one it
    leads with. None when the chosen place stands alone, or the next sentence names none of the
    listed places' provinces."""
    peers = [j for j, t in enumerate(local) if j != k and t.precision not in ("country", None)
             and (_listed_after(text, t, [local[k]]) is not None or _listed_after(text, local[k], [t]) is not None)]
    if not peers or local[k].precision == "country":
        return None
    listed = [inside[j] for j in [k] + peers]
    provinces = {(t.country, t.admin1) for t in listed if t.admin1}
    pool = [t for t in toponyms if (t.country, t.admin1) in provinces and t.precision != "country" and t.start >= from_offset]
    # the first sentence after the list that names one of the listed provinces at all
    first = next((s for s in after if any(s.start <= t.start < s.end and t.role not in ("dateline", "speaker_city")
                                          for t in pool)), None)
    if first is None or (after and first is not after[0] and not from_offset):
        return None
    told = place_in_sentences(ctx, [first], pool)
    if told is None or (told.country, told.admin1) == (inside[k].country, inside[k].admin1):
        return None
    return told


_DEATH_WORD = re.compile(r"\b(?:killed|killing|kills?|dead|died|deaths?|death\s+toll|martyred|martyrs|lives)\b", re.I)
#: How many sentences after a round-up may tell its incidents one by one.
ROUND_UP_SENTENCES = 10


_RECALLED_AFTER = re.compile(
    r"^[^.;]{0,50}?\b(?:last\s+(?:year|month|summer|winter|spring|autumn)|(?:\w+\s+)?years?\s+ago|"
    r"in\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d)\b"
)
_RECALLED_BEFORE = re.compile(r"\b(?:since|worst\s+since)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.I)


def recalled_place(text: str, t: Any) -> bool:
    """Whether ``t`` is named for an earlier incident: "in Aleppo last year", "in Ghouta on the
    outskirts of Damascus in August 2013", "the worst fighting since the battle for eastern Aleppo"."""
    return bool(_RECALLED_AFTER.match(text[t.end: t.end + 90]) or _RECALLED_BEFORE.search(text[max(0, t.start - 60): t.start]))


def _listed_peer_told(ctx: Any, prev: Any, chosen: Any, after: list[Any], toponyms: list[Any]) -> Any | None:
    """"... the cessation of hostilities in the provinces of Aleppo and Damascus. Thus, according to
    the bulletin, terrorists executed 40 gunmen. 'In Aleppo's Qaryat al-Ansari neighbourhood ...'":
    a sentence without a place of its own follows one that lists peer places, which does not say
    which of them; the next sentence that ties one of them (or a place inside one) to its event
    word does. None when the earlier place stands alone or the next sentences name none of them."""
    inside = [t for t in toponyms if prev.start <= t.start and t.end <= prev.end and t.precision not in ("country", None)]
    local = [_Shifted(t, prev.start) for t in inside]
    me = next((x for x in local if x._t is chosen), None)
    if me is None:
        return None
    peers = [x._t for x in local if x is not me and (_listed_after(prev.text, x, [me]) is not None or _listed_after(prev.text, me, [x]) is not None)]
    if not peers:
        return None
    provinces = {(t.country, t.admin1) for t in [chosen] + peers if t.admin1}
    for s in after:
        pool = [t for t in toponyms + _seen_again(ctx, s.start, s.end, [], toponyms)
                if s.start <= t.start and t.end <= s.end and (t.country, t.admin1) in provinces
                and t.precision != "country" and t.role not in ("dateline", "speaker_city")]
        if pool:
            return place_in_sentences(ctx, [s], pool)
    return None


def _round_up_told(ctx: Any, sentence: Any, inside: list[Any], toponyms: list[Any]) -> Any | None:
    """"Three dead and 18 wounded as shells hit Latakia, Hama, Daraa, Idlib and the Damascus
    countryside": a sentence naming places in three or more provinces rounds up several
    incidents. Its place is the one the report tells first in detail among those provinces: the
    first later sentence with a death in one of them when the round-up counts dead (the wounded
    of Latakia come first, the dead of Hama make the toll), else the first later
    sentence in one of them at all. None when the sentence is no round-up or the report does not
    go on to tell its incidents."""
    listed = [t for t in inside if t.precision not in ("country", None) and not getattr(t, "demonym", False)
              and t.role not in ("dateline", "speaker_city") and t.admin1]
    provinces = {(t.country, t.admin1) for t in listed}
    if len(provinces) < 3:
        return None
    deaths = bool(_DEATH_WORD.search(sentence.text))
    later = [s for s in getattr(ctx, "sentences", None) or [] if s.start >= sentence.end][:ROUND_UP_SENTENCES]
    for s in later:
        if deaths and not _DEATH_WORD.search(s.text):
            continue
        pool = [t for t in toponyms if s.start <= t.start and t.end <= s.end and (t.country, t.admin1) in provinces
                and t.precision != "country" and t.role not in ("dateline", "speaker_city")]
        if not pool:
            continue
        again = _seen_again(ctx, s.start, s.end, [], toponyms)
        if len({(t.country, t.admin1) for t in pool + again if (t.country, t.admin1) in provinces}) >= 3:
            continue  # the round-up said again ("Five citizens were killed ... in Aleppo, Hama and Damascus")
        told = place_in_sentences(ctx, [s], pool)
        if told is not None:
            return told
    return None


def _seen_again(ctx: Any, s_start: int, s_end: int, inside: list[Any], toponyms: list[Any]) -> list[Any]:
    """The report's resolved places that a sentence names where the geoparser did not see them:
    "explosions that hit Tartous Homs and Hasakeh", "attacks in Damascus its countryside
    Aleppo Homs Quneitra and Hasaka" (a list whose commas cleaning removed, read as one name or
    none), "In Aleppos Qaryat al-Ansari neighborhood" (an apostrophe lost). Only names the gazetteer
    resolved elsewhere in the same report, of a town or an area, so a person's name is never made
    a place; each copy carries its reading and the offsets of this mention."""
    pattern = _again_pattern(ctx, toponyms)
    if pattern is None:
        return []
    text = getattr(ctx, "text", "") or ""
    found: list[Any] = []
    seen = [t for t in getattr(ctx, "toponyms", None) or [] if s_start <= t.end and t.start <= s_end] + list(inside)
    for m in pattern[0].finditer(text, s_start, s_end):
        a, b = m.start(), m.start() + len(m.group("name"))
        if any(t.start < b and a < t.end for t in seen) or any(t.start < b and a < t.end for t in found):
            continue
        found.append(_replace(pattern[1][m.group("name")], start=a, end=b))
    return found


def _again_pattern(ctx: Any, toponyms: list[Any]) -> tuple[Any, dict[str, Any]] | None:
    """One pattern per report for :func:`_seen_again` (kept on the context)."""
    cache = getattr(ctx, "__dict__", None)
    if cache is not None and "_seen_again_pattern" in cache:
        return cache["_seen_again_pattern"]
    names: dict[str, Any] = {}
    for t in toponyms:
        if (t.lat is not None and t.text and len(t.text) > 3 and t.text[0].isupper()
                and t.precision in ("exact", "near", "admin2", "admin1") and not getattr(t, "demonym", False)
                and t.role not in ("dateline", "speaker_city", "inferred_from_context") and not _water(t)):
            names.setdefault(t.text, t)
    out = None
    if names:
        alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        # a possessive whose apostrophe cleaning dropped ("Aleppos", "Syrias") is the name
        out = (re.compile(r"(?<![\w'’-])(?P<name>" + alternation + r")(?:s)?(?![\w-])"), names)
    if cache is not None:
        try:
            cache["_seen_again_pattern"] = out
        except TypeError:
            pass
    return out


def _replace(t: Any, **changes: Any) -> Any:
    import dataclasses

    return dataclasses.replace(t, **changes) if dataclasses.is_dataclass(t) else _InTitle(t, changes["start"], changes["end"])


def _named_again(ctx: Any, sentences: list[Any], toponyms: list[Any]) -> Any | None:
    """A place the next sentences name where the geoparser did not see it ("into the parking of
    the Qardaha hospital", read as an organisation) but which the report resolved elsewhere: the
    name is looked for in each sentence, as :func:`headline_place` does, and weighed by the
    linker's surface cues."""
    seen: dict[str, Any] = {}
    for t in toponyms:
        if (t.lat is not None and t.text and len(t.text) > 3 and t.precision not in ("country", None)
                and t.role not in ("dateline", "speaker_city") and not getattr(t, "demonym", False)):
            seen.setdefault(t.text, t)
    for sent in sentences:
        found = []
        for name, t in seen.items():
            for m in re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w-])", sent.text):
                found.append(_InTitle(t, m.start(), m.end()))
        # a name this sentence gives an earlier incident ("in Aleppo last year") lends nothing
        found = [f for f in found if not recalled_place(sent.text, f)]
        if not found:
            continue
        found.sort(key=lambda x: x.start)
        j = choose_event_toponym(sent.text, _verb_span(sent), found, weights=_LENIENT, parse=False)
        if j is not None:
            return found[j]._t
    return None


class _InTitle:
    """A toponym of the text seen where the headline names it (offsets into the headline)."""

    def __init__(self, t: Any, start: int, end: int):
        self._t = t
        self.start, self.end = start, end

    def __getattr__(self, name: str) -> Any:
        return getattr(self._t, name)


def headline_place(title: str, toponyms: list[Any], ctx: Any = None) -> Any | None:
    """The place a headline gives its incident ("Airstrikes kill 4 in Syria's Idlib, destroy mosque
    in Hama": Idlib), among ``toponyms`` the text resolved, or None.

    The headline is not parsed again: each resolved name of the text is looked for in it (the
    headline of a report names the places its text names), and the linker of
    :func:`choose_event_toponym` weighs them with surface cues only."""
    if not title:
        return None
    seen: dict[str, Any] = {}
    for t in toponyms:
        if t.lat is not None and t.text and t.role not in ("dateline", "speaker_city") and not getattr(t, "demonym", False):
            seen.setdefault(t.text, t)
    found = []
    for name, t in seen.items():
        for m in re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w-])", title):
            found.append(_InTitle(t, m.start(), m.end()))
    if not found:
        return None
    # a name the gazetteer knows before one only placed by its neighbours ("Syrias Aleppo")
    found = [f for f in found if f.role != "inferred_from_context"] or found
    if len({f.name for f in found}) >= 3:
        return None  # "attacks in Damascus, its countryside, Aleppo, Homs and Hasaka": a round-up, no one place
    found.sort(key=lambda x: x.start)
    m = _EVENT_VERB.search(title)
    k = choose_event_toponym(title, (m.start(), m.end()) if m else (0, 0), found, weights=_LENIENT, parse=False)
    if k is None:
        return None
    if ctx is not None:
        # "... kill a woman, injure 9 in Hasaka and Aleppo": the listed place the lead's first
        # sentence ties its event to
        # the body starts where the headline's words end (a lead run together with its headline
        # counts from there: "... on Homs and Hama 3 March 2017 a correspondent in Homs reported ...")
        text = getattr(ctx, "text", "") or ""
        at = text.find(title)
        body_start = at + len(title) if at >= 0 else max((s.end for s in getattr(ctx, "title_sentences", None) or []), default=0)
        body = [s for s in getattr(ctx, "sentences", None) or [] if s.end > body_start][:NEXT_SENTENCES]
        told = _peer_told_next(ctx, title, found, k, [f._t for f in found], body, toponyms, from_offset=max(1, body_start))
        if told is not None:
            return told
    return found[k]._t


def _on_land(ctx: Any, t: Any, after: list[Any], toponyms: list[Any]) -> Any:
    """``t``, or for a river or lake ("killed as they tried to cross the Euphrates River") a place
    of its country on land: the one the next sentences tie to their event, else the report's main
    place there (ACLED codes such events at the nearest town, never on the river)."""
    if not _water(t):
        return t
    land = [u for u in toponyms if u.country == t.country and u.precision != "country" and not _water(u)
            and u.role not in ("dateline", "speaker_city")]
    return place_in_sentences(ctx, after, land) or main_place(land) or t


def _water(t: Any) -> bool:
    """A river, lake or sea (GeoNames feature class H): never a point an event can be coded to."""
    return getattr(t, "feature_class", None) == "H"


#: How many sentences after a place-less headline or lead may lend it their place.
NEXT_SENTENCES = 3
#: The weights with a lower no-place line, for a sentence that must have a place if it names one.
_LENIENT = WEIGHTS | {"threshold": -4.5}


def place_in_sentences(ctx: Any, sentences: list[Any], toponyms: list[Any]) -> Any | None:
    """The place the first of ``sentences`` that ties one of ``toponyms`` to its event word names
    (the linker of :func:`choose_event_toponym`), else None. Datelines and speakers never count."""
    text = getattr(ctx, "text", "") or ""
    for sent in sentences:
        inside = [t for t in toponyms if sent.start <= t.start and t.end <= sent.end and t.lat is not None
                  and t.role not in ("dateline", "speaker_city")]
        # another sentence lends no place it names for an earlier incident ("in Aleppo last year")
        inside = [t for t in inside if not recalled_place(text, t)]
        if not inside:
            continue
        local = [_Shifted(t, sent.start) for t in inside]
        k = choose_event_toponym(sent.text, _verb_span(sent), local, parse=getattr(sent, "span", None))
        if k is not None:
            return inside[k]
    return None


_DEFINITE_SETTLEMENT = re.compile(
    r"\bthe\s+(?:(?:old|besieged|whole|entire|divided|embattled|northern|southern|eastern|western|rebel-held|"
    r"government-held)\s+)?(city|town|village)\b(?!\s+of\b)",
    re.I,
)
# Where people were going, not where they are: "fleeing ... for Palmyra", "heading towards Azaz",
# "on their way to Homs" (a target of fire is not one: "fired at X", "shelled X").
_DESTINATION_BEFORE = re.compile(
    r"\b(?:fle(?:e|es|eing|d)|head(?:ed|ing|s)?|travel\w*|withdr[ae]w\w*|retreat\w*|escap\w*|evacuat\w*|bound|"
    r"(?:on\s+\w+\s+)?way|en\s+route|transferred|taken|brought|rushed|sent|deported|displaced)\b[^.;]{0,40}?"
    r"\b(?:to|towards?|for|into)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
_NEAR_DEFINITE = re.compile(
    r"\b(?:edges?|outskirts|fringes?|periphery|surroundings|outside|near|around|countryside)\s+(?:of\s+)?$", re.I)


def _definite_settlement(sentence: str, before: list[Any], text: str | None = None) -> dict[str, Any] | None:
    """The report's settlement a definite description stands for ("shelling on the edges of the
    old city" in a report about Aleppo): the last town or city named up to this sentence, else the
    report's most named one. ``near`` when the sentence puts the event at its edges. A town named
    only as where people were heading ("fleeing from Raqqa for Palmyra") is not "the city" they
    were leaving."""
    matches = list(_DEFINITE_SETTLEMENT.finditer(sentence))
    if not matches:
        return None
    towns = [t for t in before if t.lat is not None and t.feature_class == "P" and t.role not in ("dateline", "speaker_city")]
    if text:
        towns = [t for t in towns if not _DESTINATION_BEFORE.search(text[max(0, t.start - 40): t.start])] or towns
    if not towns:
        return None
    counts = Counter(t.geonames_id for t in towns)
    last = towns[-1]
    # The last town named, unless the report names another one far more often.
    best = last
    top_id, top_n = counts.most_common(1)[0]
    if top_n >= 2 * counts[last.geonames_id] + 1:
        best = next(t for t in towns if t.geonames_id == top_id)
    loc = best.as_location()
    near = any(_NEAR_DEFINITE.search(sentence[max(0, m.start() - 40): m.start()]) for m in matches)
    loc["precision"] = "near" if near else ("exact" if loc["precision"] in ("exact", "near") else loc["precision"])
    return loc


def main_place(toponyms: list[Any], text: str | None = None) -> Any | None:
    """The document's most named place below country level (else its most named country). With the
    document's ``text``, a place named for an earlier incident ("in Aleppo last year") counts only
    when nothing else is named."""
    usable = [t for t in toponyms if t.lat is not None and t.role not in ("dateline", "speaker_city")]
    # a people or an adjective ("an American spy") or a currency ("the US dollar") says who or what,
    # not where: a country so named is the main place only when the report names no other
    usable = [t for t in usable if not getattr(t, "demonym", False) and not (text and _named_for_money(text, t))] or usable
    if text:
        usable = [t for t in usable if t.precision == "country" or not recalled_place(text, t)] or usable
    if not usable:
        return None
    fine = [t for t in usable if t.precision in ("exact", "near", "admin2", "admin1")]
    pool = fine or usable
    counts = Counter((t.geonames_id, t.name) for t in pool)
    key, _ = counts.most_common(1)[0]
    return next(t for t in pool if (t.geonames_id, t.name) == key)


class _Shifted:
    """A toponym seen with offsets relative to its sentence."""

    def __init__(self, t: Any, offset: int):
        self._t = t
        self.start = t.start - offset
        self.end = t.end - offset

    def __getattr__(self, name: str) -> Any:
        return getattr(self._t, name)


# --- the place of a truce -------------------------------------------------------------------------

_TRUCE_WORD = re.compile(
    r"\b(?:truces?|cease-?fires?|cessation\s+of\s+hostilities|regimes?\s+of\s+(?:calm|silence)|calm|lull|"
    r"(?:humanitarian\s+)?pauses?|de-?escalation|agreements?|deals?|accords?|armistice|reconciliation|settlement)\b",
    re.I,
)
# A deal for a whole country: its place is the country, whatever towns a sentence about it names.
_NATIONWIDE = re.compile(
    r"\b(?:cessation\s+of\s+hostilities|nation-?wide|country-?wide|peace\s+(?:agreement|deal|accord|treaty)|"
    r"all\s+(?:of\s+)?(?:the\s+)?country)\b",
    re.I,
)
# Where monitors sit and diplomats meet is not the zone a truce covers: "officers monitoring the
# truce at the Hmeimim base", "the American centre in Amman", "powers to meet in Vienna".
_SEAT_BEFORE = re.compile(
    r"\b(?:(?:centre|center|base|headquarters|office|offices|embassy|mission)\s+(?:in|at)|meet(?:s|ing)?\s+in|"
    r"talks\s+in|conference\s+in|summit\s+in|gathered\s+in|based\s+in)\s+(?:the\s+)?$",
    re.I,
)
_SEAT_AFTER = re.compile(r"^\s*(?:air\s*base|base|airport|centre|center|headquarters|talks|meeting|conference|summit|process)\b", re.I)


def locate_agreement(ctx: Any, event: dict[str, Any], events: list[dict[str, Any]] | None = None) -> dict[str, Any] | None:
    """The Event JSON v1 location of a truce event whose sentence names no zone.

    In order: a place of the report's country that the sentence ties to the truce word ("Aleppo
    'regime of calm' extended by 72 hours"); for a deal of a whole country (a cessation of
    hostilities, a peace agreement, "nationwide"), the country; the place another event of the
    same truce in this report has; the nearest earlier place of the report's country; the country.
    Monitors' seats and diplomats' venues ("the centre in Amman", "talks in Geneva") are never it.
    """
    evidence = (event.get("evidence") or [{}])[0]
    start, end = evidence.get("start"), evidence.get("end")
    text = getattr(ctx, "text", "") or ""
    if start is None or end is None:
        return None
    sentence = text[start:end]
    toponyms = [t for t in (getattr(ctx, "toponyms", None) or []) if t.lat is not None and not getattr(t, "demonym", False)]
    focus = _focus_country(toponyms) or getattr(ctx, "country", None)
    agreement = event.get("agreement") or {}
    nationwide = bool(_NATIONWIDE.search(sentence) or _NATIONWIDE.search(agreement.get("name") or "")
                      or agreement.get("kind") == "peace_agreement")

    inside = [t for t in toponyms if start <= t.start and t.end <= end and t.role not in ("dateline", "speaker_city")
              and (focus is None or t.country == focus) and not _is_seat(text, t)]
    fine = [t for t in inside if t.precision != "country"]
    if fine and not nationwide:
        m = _TRUCE_WORD.search(sentence)
        verb = (m.start(), m.end()) if m else (0, 0)
        local = [_Shifted(t, start) for t in fine]
        span = _sentence_span(ctx, start, end)
        k = choose_event_toponym(sentence, verb, local, parse=span if span is not None else False)
        return fine[k if k is not None else 0].as_location()
    if nationwide or (inside and not fine):
        country = _country_location(toponyms, focus)
        if country is not None:
            return country
    same = _same_truce_location(event, events or [])
    if same is not None:
        return same
    earlier = [t for t in toponyms if t.end <= start and t.role not in ("dateline", "speaker_city")
               and t.precision != "country" and (focus is None or t.country == focus) and not _is_seat(text, t)]
    if earlier:
        return earlier[-1].as_location()
    return _country_location(toponyms, focus)


def _is_seat(text: str, t: Any) -> bool:
    return bool(_SEAT_BEFORE.search(text[max(0, t.start - 40): t.start]) or _SEAT_AFTER.match(text[t.end: t.end + 20]))


def _focus_country(toponyms: list[Any]) -> str | None:
    """The country most of the report's places below country level lie in."""
    counts = Counter(t.country for t in toponyms if t.country and t.precision != "country"
                     and t.role not in ("dateline", "speaker_city"))
    return counts.most_common(1)[0][0] if counts else None


def _country_location(toponyms: list[Any], country: str | None) -> dict[str, Any] | None:
    """The country as a country-precision place: as the report names it, else from the gazetteer."""
    if not country:
        return None
    named = next((t for t in toponyms if t.precision == "country" and t.country == country), None)
    if named is not None:
        return named.as_location()
    try:
        from ceasefire.resolve.places import lookup
        from ceasefire.resolve.places.gazetteer import default_gazetteer

        name = default_gazetteer().country_name(country)
        loc = lookup(name, country=country) if name else None
    except Exception:  # noqa: BLE001 - no gazetteer, no country point
        return None
    if loc is not None:
        loc["precision"] = "country"
    return loc


def _same_truce_location(event: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The place another event of the same truce in the report has (same name, else same kind)."""
    mine = event.get("agreement") or {}
    for key in ("name", "kind"):
        if not mine.get(key):
            continue
        for other in events:
            agreement = other.get("agreement") or {}
            if other is not event and other.get("location") and agreement.get(key) == mine.get(key):
                return dict(other["location"])
    return None


def _sentence_span(ctx: Any, start: int, end: int) -> Any:
    spacy_doc = getattr(ctx, "spacy_doc", None)
    if spacy_doc is None:
        return None
    return spacy_doc.char_span(start, end, alignment_mode="expand")
