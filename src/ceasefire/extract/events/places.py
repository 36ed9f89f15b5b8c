"""An event's place: the sentence's place, the report's focus country, the headline's place.

The choice among a sentence's places is resolve.places.event_location's; this module weighs it
against the report (its focus country, dateline, headline and coder's place line).
"""

from __future__ import annotations

import re
from typing import Any

from ceasefire.extract.context import DocContext, Sentence
from ceasefire.resolve.places.event_location import (
    _LIES_IN,
    _country_location,
    as_read_in_its_area,
    headline_place,
    in_countryside_province,
    names_its_area,
    place_in_sentences,
    place_of_named_areas,
    placed_by_its_areas,
    recalled_place,
)

from ceasefire.extract.events.merge import _VIOLENT


def _location(ctx: DocContext, sent: Sentence) -> dict[str, Any] | None:
    # The sentence's first event word, not the classifier's cue, anchors the places: tried on the
    # ACLED sample, the cue ("marched", "drive-by shooting") sits nearer the neighbourhoods and
    # buildings a note names after its town ("in Temixco, Morelos, ... in Colonia los Presidentes"),
    # which the gazetteer mostly places elsewhere (location within 25 km 0.593 -> 0.588).
    try:
        from ceasefire.resolve.places import locate_event
    except ImportError:
        return None
    try:
        loc = locate_event(ctx, sent)
    except Exception:  # noqa: BLE001 - a gazetteer miss must not lose the event
        return None
    if loc is not None and hasattr(loc, "as_location"):
        loc = loc.as_location()
    loc = as_read_in_its_area(ctx, loc)
    if getattr(ctx, "event_places", None) is not None:
        ctx.event_places[sent.index] = loc  # a later sentence that names no place goes on where this event was
    return loc


# --------------------------------------------------------------------------- places


def _town(location: dict[str, Any] | None) -> str | None:
    """The name of the town an event took place in (None above town level)."""
    if not location or location.get("precision") not in ("exact", "near"):
        return None
    return location.get("name")


_PLACE_WORD_AFTER = re.compile(r"\s+(?:town|city|village|district|neighbou?rhood|camp|community|area)$", re.I)


def _community_place(ctx: DocContext, ev: dict[str, Any]) -> str | None:
    """The town a communal militia is named after, spelled as the report spells it ("Talbiseh",
    where the gazetteer says "Tallbisah"; ACLED names the militia from its own note): the
    event's town as its sentences name it, else the gazetteer's name."""
    town = _town(ev.get("location"))
    if town is None:
        return None
    loc = ev["location"]
    spans = [(e["start"], e["end"]) for e in ev.get("evidence") or []]
    for t in getattr(ctx, "toponyms", None) or []:
        if any(a <= t.start < b for a, b in spans) and (t.name == town or (t.geonames_id and t.geonames_id == loc.get("geonames_id"))):
            text = _PLACE_WORD_AFTER.sub("", (t.text or "").strip())
            if text and text[0].isupper():
                return text
    return town


def _subnational(t: Any) -> bool:
    return getattr(t, "lat", None) is not None and getattr(t, "precision", None) in ("exact", "near", "admin2", "admin1") and getattr(t, "role", None) not in ("dateline", "speaker_city")


def _focus_country(ctx: DocContext) -> str | None:
    """The country the report is about: each of its sub-national places counts one, each naming
    of a country by its name ("Syria") half, by its people ("Syrian": often an actor) a quarter.
    A conference city named three times ("Munich") does not turn a report about Idlib and Syria
    into one about Germany."""
    if not any(_subnational(t) for t in ctx.toponyms):
        return None
    weight = _country_weights(ctx)
    return max(weight, key=lambda c: weight[c]) if weight else None  # ties: the first named


def _country_weights(ctx: DocContext) -> dict[str, float]:
    """How much each country the report names counts towards its focus (see :func:`_focus_country`);
    computed once per report (every event of it asks)."""
    cache = getattr(ctx, "__dict__", None)
    key = ("_country_weights", len(ctx.toponyms))
    if cache is not None and cache.get("_country_weights_key") == key:
        return cache["_country_weights"]
    weight = _weigh_countries(ctx)
    if cache is not None:
        cache["_country_weights_key"], cache["_country_weights"] = key, weight
    return weight


def _weigh_countries(ctx: DocContext) -> dict[str, float]:
    from ceasefire.extract.context import based_here
    from ceasefire.resolve.places.event_location.cues import _ACTOR_AFTER, _operation_name

    weight: dict[str, float] = {}
    for t in ctx.toponyms:
        if not t.country or getattr(t, "role", None) in ("dateline", "speaker_city") or based_here(ctx.text, t):
            continue
        if _held_abroad(ctx, t):
            continue  # "the Wadi Sakhr area between Al-Marj and Al Qina villages in Daraa countryside" read in Egypt
        if _subnational(t):
            # A province that holds another place ("Zir town in Deir ez Zor countryside") or a town
            # named as a landmark ("an area southwest of Idleb city") counts more than the village it
            # locates: the gazetteer knows the areas and cities reports use to say where a place
            # lies, and misreads villages as namesakes abroad.
            anchor = ((getattr(t, "precision", None) in ("admin1", "admin2") and getattr(t, "role", None) == "containing_area")
                      or bool(_LANDMARK_BEFORE.search(ctx.text[max(0, t.start - 40): t.start]))
                      or _holds_place_before(ctx, t))
            # a group named after a place ("Hamza Brigade", "the Sultan Murad Division") or a thing or
            # person a place names ("a Molotov cocktail", "the Kandahar commander") says little about
            # where the report is
            named_group = bool(_GROUP_AFTER.match(ctx.text[t.end: t.end + 20]) or _ACTOR_AFTER.match(ctx.text[t.end: t.end + 30])
                               or _operation_name(ctx.text, t))  # "Operation Olive Branch"
            weight[t.country] = weight.get(t.country, 0.0) + (
                SCENE_WEIGHT if _opens_with(ctx, t) else 1.5 if anchor else 0.5 if named_group else 1.0)
        elif getattr(t, "precision", None) == "country":
            weight[t.country] = weight.get(t.country, 0.0) + (0.25 if getattr(t, "demonym", False) else 0.5)
    return weight


#: How much more the report's focus country must weigh than the country of a place its event's
#: own sentence names for that place to give way: "a protest in Menton against the closure of a dairy
#: in the Italian town of Ventimiglia" leans to Italy by a quarter, not enough to move a protest the
#: sentence puts in France.
FOCUS_MARGIN = 1.0


def _own_foreign_place(ctx: DocContext, ev: dict[str, Any], loc: dict[str, Any], focus: str) -> bool:
    """Whether ``loc`` is a town its event's own sentences name and the gazetteer read (not a place
    only borrowed from its context), in a country the report weighs about as much as its focus."""
    if loc.get("precision") not in ("exact", "near") or not loc.get("country") or loc.get("lat") is None:
        return False
    weight = _country_weights(ctx)
    if weight.get(focus, 0.0) - weight.get(loc["country"], 0.0) >= FOCUS_MARGIN:
        return False
    spans = [(e["start"], e["end"]) for e in ev.get("evidence") or []]
    return any(t.lat is not None and (t.lat, t.lon) == (loc["lat"], loc["lon"]) and any(a <= t.start < b for a, b in spans)
               and getattr(t, "role", None) not in ("inferred_from_context", "dateline", "speaker_city")
               for t in ctx.toponyms)


_GROUP_AFTER = re.compile(r"^\s+(?:division|brigades?|battalions?|regiments?|legion|corps)\b", re.I)
#: The weight of the place a report's first sentence opens with ("On 3 May 2022, in Mexicali, Baja
#: California, ..."): the scene the report sets before anything else, worth more than two or three
#: namesakes abroad its neighbourhoods and streets are read as ("Colonia Centro" as a town in New Jersey).
SCENE_WEIGHT = 3.5


def _opens_with(ctx: DocContext, t: Any) -> bool:
    """Whether ``t`` is the place the report's first body sentence opens with ("On 3 May, in X, ..."),
    read in the gazetteer (a name only placed by its context borrows another place's country)."""
    from ceasefire.resolve.places.event_location.choose import _FRONTED

    if getattr(t, "role", None) == "inferred_from_context":
        return False
    title = {s.index for s in getattr(ctx, "title_sentences", None) or []}
    first = next((s for s in getattr(ctx, "sentences", None) or [] if s.index not in title), None)
    return first is not None and first.start <= t.start < first.end and bool(_FRONTED.match(ctx.text[first.start: t.start]))


def _holds_place_before(ctx: DocContext, t: Any) -> bool:
    """Whether the province or district ``t`` is said to hold a place named just before it ("Zir and
    Takihi towns in Deir ez Zor countryside"): the area a report locates its villages by."""
    if getattr(t, "precision", None) not in ("admin1", "admin2") and not names_its_area(t):
        return False  # "in Florianopolis, Santa Catarina": a state read as a town abroad anchors nothing
    from ceasefire.resolve.places.event_location.containers import _PLACE_PHRASE

    for o in ctx.toponyms:
        if o is not t and o.end <= t.start <= o.end + 60 and getattr(o, "precision", None) != "country" \
                and not getattr(o, "demonym", False) and (_LIES_IN.match(ctx.text[o.end: t.start])
                                                          or _PLACE_PHRASE.match(ctx.text[o.end: t.start])):
            return True
    return False


def _held_abroad(ctx: DocContext, t: Any) -> bool:
    """Whether the place ``t`` was read in another country than the province or district its own
    phrase puts it in ("Kafr Saghir in Al-Marj in Rural Damascus" with Al-Marj read in Libya): a
    namesake, which says nothing of the country the report is about."""
    if getattr(t, "precision", None) not in ("exact", "near"):
        return False
    from ceasefire.resolve.places.event_location.containers import _PLACE_PHRASE

    for a in ctx.toponyms:
        if (a is t or not a.country or a.country == t.country or a.lat is None or getattr(a, "demonym", False)
                or not (t.end <= a.start <= t.end + 60)):
            continue
        if getattr(a, "precision", None) not in ("admin1", "admin2") and not names_its_area(a):
            continue
        gap = ctx.text[t.end: a.start]
        if _LIES_IN.match(gap) or _PLACE_PHRASE.match(gap):
            return True
    return False


_LANDMARK_BEFORE = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
                              r"south-east|south-west)(?:ern)?\s+of\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.I)
_DATELINE = re.compile(r"\b([A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+)*),\s+[A-Z][a-z]+\s*(\([A-Z][a-z]{2,8}\.? \d{1,2}(, \d{4})?\)|[–—-])")


def _is_dateline(ctx: DocContext, ev: dict[str, Any], loc: dict[str, Any]) -> bool:
    """The location is the dateline city ("KABUL, Afghanistan (Nov. 20, 2011) - ...")."""
    for span in ev["evidence"]:
        m = _DATELINE.search(span["text"])
        if m and loc.get("name") and m.group(1).strip().lower() == str(loc["name"]).lower():
            return True
    return False


def _complete_admin1(ctx: DocContext, ev: dict[str, Any], loc: dict[str, Any]) -> None:
    """A district or town without its province takes the province its sentence names
    ("in Andar district, Ghazni province")."""
    spans = [(e["start"], e["end"]) for e in ev["evidence"]]
    provinces = [t for t in ctx.toponyms if t.precision == "admin1" and t.country == loc.get("country") and t.role not in ("dateline", "speaker_city")]
    if not provinces:
        return
    inside = [t for t in provinces if any(a <= t.start < b for a, b in spans)]
    before = [t for t in provinces if t.start < spans[0][0]]
    chosen = inside[0] if inside else (before[-1] if before else provinces[0])  # else the report's province
    loc["admin1"] = chosen.admin1 or chosen.name


def _refine_location(ctx: DocContext, ev: dict[str, Any], focus: str | None) -> None:
    """A country-level or foreign location ("U.S.-led strikes", "Russia said") gives way to the
    incident's place: a town in its own sentences, else in the next two sentences, else the
    report's most named place in the country it is about. A name the report elsewhere puts inside
    a province ("Shaer in Homs province") keeps that reading."""
    _country_to_incident(ctx, ev, focus)
    if not ev.get("location"):
        # "in Kayes village (Pissila, Sanmatenga)" where the geoparser saw none of the names
        ev["location"] = place_of_named_areas(ctx, [(e["start"], e["end"]) for e in ev["evidence"]])
    if ev.get("location"):
        ev["location"] = as_read_in_its_area(ctx, ev["location"])
        ev["location"] = in_countryside_province(ctx, ev["location"], [(e["start"], e["end"]) for e in ev["evidence"]])
        ev["location"] = placed_by_its_areas(ctx, ev["location"], [(e["start"], e["end"]) for e in ev["evidence"]])
        # "in Mudiyah town (Mudiyah, Abyan)" placed at Abyan: the town its areas are written after
        ev["location"] = place_of_named_areas(ctx, [(e["start"], e["end"]) for e in ev["evidence"]], ev["location"])
    coded = _coded_place(ctx) if not ev.get("aggregate") and not ev.get("background") else None
    if coded is not None and not _coded_namesake(ctx, ev.get("location"), coded):
        ev["location"] = coded.as_location()
    elif ev.get("location"):
        ev["location"] = _home_namesake(ctx, ev, ev["location"])


#: ACLED's actor types of armed groups bound to one country (rebels, political and identity
#: militias). A state's forces are left out: the registry makes them 1 at home and 8 abroad by the
#: very place being checked ("Russian forces shelled X" would pull X into Russia), and generic
#: actors ("Protesters (X)") take their country from the report's places.
_HOME_INTER = (2, 3, 4)


def _home_countries(ev: dict[str, Any]) -> set[str]:
    """The countries the registry binds the event's armed groups to (ISO codes)."""
    try:
        from ceasefire.resolve.actors import registry

        reg = registry()
    except Exception:  # noqa: BLE001 - no registry, no evidence
        return set()
    homes = set()
    for a in ev.get("actors") or []:
        actor = reg.get(a.get("name") or "")
        if actor is not None and not actor.generic and actor.inter in _HOME_INTER and actor.country_code:
            homes.add(actor.country_code)
    return homes


def _home_namesake(ctx: DocContext, ev: dict[str, Any], loc: dict[str, Any]) -> dict[str, Any]:
    """``loc``, or the town of the same name in the country the event's armed groups belong to:
    "clashes between regime troops and rebels in Busra", with no other place to go by, read as Basra
    in Iraq, is Busra ash-Sham in Syria. A report that names any other place of the town's country (a
    border town, a protest abroad) keeps the reading; so does a name the groups' country lacks."""
    if loc.get("precision") not in ("exact", "near") or not loc.get("geonames_id") or loc.get("lat") is None:
        return loc  # (a place only placed by its context borrowed another name's point: nothing to re-read)
    homes = _home_countries(ev)
    if len(homes) != 1 or loc["country"] in homes:
        return loc
    home = next(iter(homes))
    spans = [(e["start"], e["end"]) for e in ev.get("evidence") or []]
    named = [t for t in ctx.toponyms if t.lat is not None and (t.lat, t.lon) == (loc["lat"], loc["lon"])
             and any(a <= t.start < b for a, b in spans) and t.role not in ("dateline", "speaker_city", "inferred_from_context")]
    if not named or any(t.country == loc["country"] and t.lat is not None and (t.lat, t.lon) != (loc["lat"], loc["lon"])
                        for t in ctx.toponyms):
        return loc
    try:
        from ceasefire.resolve.places import lookup

        found = lookup(named[0].text, country=home)
    except Exception:  # noqa: BLE001 - no gazetteer, the reading stands
        return loc
    if found is None or found.get("lat") is None or found.get("precision") not in ("exact", "near"):
        return loc
    return found


# ACLED's notes say where the coder put a record: "in Aragua state (coded to Maracay, Aragua)",
# "Coded as provincial capital Baquba city", "coded at zonal capital, Jinka"; not a fatality's split
# ("14 fatalities each coded to fighting at X") nor another record ("coded to the Donetsk event").
_CODED_TO = re.compile(
    r"\b[Cc]oded\s+(?:to|as|at|in)\s+(?:the\s+)?(?:(?:provincial|governorate|zonal|district|territorial|regional|state|"
    r"departmental|municipal|county)\s+)?(?:capital,?\s+)?(?:(?:city|town)\s+of\s+)?$"
)


_SPLIT_TOLL_BEFORE = re.compile(r"(?:\d+|fatalit(?:y|ies)|deaths?|killed)\s+(?:each\s+|were\s+|are\s+)?$", re.I)
_AREA_AFTER = re.compile(r"^\s+(?:state|province|region|department|governorate|county|municipality|oblast|prefecture)\b", re.I)


def _coded_place(ctx: DocContext) -> Any | None:
    """The place an ACLED note says its record is coded to, or None. A split of the dead between
    places ("4 fatalities coded to Mayadin and 4 coded to Albu Kamal") says where deaths were booked,
    not where this record is."""
    if "oded " not in ctx.text:
        return None
    for t in ctx.toponyms:
        if t.lat is None or getattr(t, "demonym", False) or t.precision == "country" or t.role in ("dateline", "speaker_city"):
            continue
        before = ctx.text[max(0, t.start - 60): t.start]
        m = _CODED_TO.search(before)
        if m is None or _SPLIT_TOLL_BEFORE.search(before[: m.start()]):
            continue
        if not re.match(r"^[\w\s-]{0,30}\bevents?\b", ctx.text[t.end: t.end + 40]):
            return t
    return None


def _coded_namesake(ctx: DocContext, loc: dict[str, Any] | None, coded: Any) -> bool:
    """Whether the coded name was read as a namesake of a part of the town the note gives: "in
    Changzhou city, Jiangsu (coded to Xinbei)" with Xinbei read 700 km away, "on the island of
    Ithaca (Ithaki) [coded to Vathy]" with Vathy read near Athens. A note's town read where no
    state or province of that name was meant ("in Aragua state (coded to Maracay, Aragua)") is not
    such a town."""
    import math

    if not loc or loc.get("precision") != "exact" or not loc.get("geonames_id") or loc.get("country") != coded.country:
        return False
    la1, lo1, la2, lo2 = map(math.radians, (loc["lat"], loc["lon"], coded.lat, coded.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    if 12742.0 * math.asin(math.sqrt(min(1.0, h))) <= 30.0:
        return False
    named = [t for t in ctx.toponyms if t.lat is not None and (t.lat, t.lon) == (loc["lat"], loc["lon"])]
    return bool(named) and not any(_AREA_AFTER.match(ctx.text[t.end: t.end + 20]) for t in named)


def _country_to_incident(ctx: DocContext, ev: dict[str, Any], focus: str | None) -> None:
    loc = ev.get("location")
    if loc and _is_dateline(ctx, ev, loc):
        loc = ev["location"] = None  # "KABUL, Afghanistan (Jan. 25, 2013)" is where the release was written
    if loc and loc.get("precision") != "country" and (focus is None or loc.get("country") == focus
                                                        or _own_foreign_place(ctx, ev, loc, focus)):
        if not loc.get("admin1"):
            _complete_admin1(ctx, ev, loc)
        return
    places = [t for t in ctx.toponyms if _subnational(t) and (focus is None or t.country == focus)]
    # a river or lake runs through a whole region: a place on land, when the report names one
    places = [t for t in places if getattr(t, "feature_class", None) != "H"] or places
    if not places:
        # No place of the report's country below country level: a foreign country ("the Britain-based
        # Observatory") gives way to the report's country itself (a foreign town stays: "protested in
        # Dijon in support of Ukraine").
        country = focus or ctx.country
        if loc and country and loc.get("precision") == "country" and loc.get("country") != country:
            ev["location"] = _country_location([t for t in ctx.toponyms if t.lat is not None], country) or loc
        return
    # a place named for an earlier incident ("used the same weapons in Aleppo last year", "a sarin
    # attack in Ghouta in August 2013") is not where the report's incident was
    places = [t for t in places if not recalled_place(ctx.text, t)] or places
    spans = [(e["start"], e["end"]) for e in ev["evidence"]]
    inside = [t for t in places if any(a <= t.start < b for a, b in spans)]
    if inside:
        fine = [t for t in inside if t.precision in ("exact", "near")]
        ev["location"] = (fine or inside)[0].as_location()
        return
    last = max(ev.get("_sentences") or [0])
    nxt = [s for s in ctx.sentences if last < s.index <= last + 2]
    chosen = _next_place(ctx, nxt, places)
    if chosen is not None:
        ev["location"] = chosen.as_location()
        return
    counts: dict[Any, int] = {}
    for t in places:
        counts[(t.geonames_id, t.name)] = counts.get((t.geonames_id, t.name), 0) + 1
    key = max(counts, key=lambda k: counts[k])
    ev["location"] = next(t for t in places if (t.geonames_id, t.name) == key).as_location()


#: How many sentences after the headline count as the lead, whose incident the headline names.
LEAD_SENTENCES = 3


def _headline_place(ctx: DocContext, events: list[dict[str, Any]], focus: str | None) -> None:
    """A lead incident whose own sentence names no place finer than its country takes the place
    the headline gives it ("Airstrikes kill 4 in Syria's Idlib, destroy mosque in Hama" over a lead
    "At least four people were killed in airstrikes in Syria" and a next sentence on a mosque near
    Hama). A place the event's own or an earlier sentence names stays."""
    title = getattr(ctx.doc, "title", None)
    if not title or not events:
        return
    place = headline_place(title, [t for t in ctx.toponyms if _subnational(t) and (focus is None or t.country == focus)], ctx)
    if place is None:
        return
    body = [s.index for s in ctx.sentences if s.index not in {t.index for t in ctx.title_sentences}]
    lead = set(body[:LEAD_SENTENCES]) | {t.index for t in ctx.title_sentences}
    for ev in events:
        if ev.get("aggregate") or ev.get("background") or ev["event_type"] not in _VIOLENT:
            continue
        if not ev.get("_sentences") or ev["_sentences"][0] not in lead:
            continue
        loc = ev.get("location")
        first = ev["evidence"][0]
        # a sentence that opens with the headline ("Air strikes kill 12 in Syria's Aleppo ... Air
        # strikes kill 11 in Syria's Idlib ..." when cleaning ran headlines together): its incident
        # is the headline's
        at = " ".join(first["text"][:len(title) + 60].split()).find(" ".join(title.split()))
        opens_with_title = 0 <= at <= 40
        if loc and loc.get("precision") != "country" and not opens_with_title:
            end = first["end"]
            if any(_subnational(t) and t.start < end and (t.name or t.text) == loc.get("name") for t in ctx.toponyms):
                continue  # its own (first) sentence or an earlier one names it
        ev["location"] = place.as_location()


def _next_place(ctx: DocContext, sentences: list[Sentence], places: list[Any]) -> Any | None:
    """The place the next sentences tie to their own event word (not merely the first they name:
    "evacuees from Fuaa and Kafraya were killed ... at a transit point west of Aleppo")."""
    chosen = place_in_sentences(ctx, sentences, places)
    if chosen is not None:
        return chosen
    inside = [t for t in places if any(s.start <= t.start < s.end for s in sentences)]
    fine = [t for t in inside if t.precision in ("exact", "near")]
    return (fine or inside or [None])[0]
