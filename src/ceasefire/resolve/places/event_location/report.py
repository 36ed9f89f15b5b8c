"""The event's place in a whole report: :func:`locate_event` for an event's sentence, falling back
on earlier and later sentences, a headline, a definite "the city" and the report's main place;
:func:`headline_place` for a headline; round-ups and lists of peer places told one by one later."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ceasefire.resolve.places.event_location.cues import WEIGHTS, _DESTINATION_BEFORE, _listed_after, _named_for_money
from ceasefire.resolve.places.event_location.choose import choose_event_toponym
from ceasefire.resolve.places.event_location.candidates import _InTitle, _Shifted, _seen_again, _water, recalled_place

_EVENT_VERB = re.compile(
    r"\b(?:kill|killed|killing|wounded|injured|struck|strikes?|shell(?:ed|ing)|bomb(?:ed|ing|ardment)|clash(?:es|ed)|"
    r"attack(?:ed|s)?|fighting|fought|captured|seized|entered|besieged|siege|delivered|aid|convoy|evacuat\w+|"
    r"exploded|explosion|blast|fired|raid(?:ed|s)?|air\s*strikes?|airstrikes?|truce|ceasefire|calm|"
    # a protest's own words come before the violence it protests ("rallied in Philadelphia ... after
    # the shooting in Uvalde")
    r"protest(?:ed|ing|s)?|demonstrat(?:ed|ing|ion|ions)|rall(?:y|ied|ies)|(?<!\d\s)march(?:ed|es)?(?!\s+\d)|gathered|sit-in|"
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


# "KABUL, Afghanistan (Nov. 1. 2011)": a city in capitals opening a release, whatever its date looks like
_DATELINE_AFTER = re.compile(r"^,\s+[A-Z][a-z]+\s*(?:\(|[–—-])")


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
    # a name only placed by its context at the dateline's city ("a Haqqani network leader" under
    # "KABUL, Afghanistan (June 30)") borrowed the point of where the release was written
    text = getattr(ctx, "text", "") or ""
    written = {(t.lat, t.lon) for t in toponyms if t.role in ("dateline", "speaker_city")
               or (t.text and len(t.text) > 2 and t.text.isupper() and _DATELINE_AFTER.match(text[t.end: t.end + 30]))}
    toponyms = [t for t in toponyms if not (t.role == "inferred_from_context" and (t.lat, t.lon) in written)]
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
            anchor = _anchor_town(getattr(ctx, "text", "") or "", inside[k], inside)
            if anchor is not None:
                return anchor
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
    # The event told just before: a sentence that names no place of its own goes on telling where the
    # report's last event happened ("... an air strike on Saraqeb. Four children were among the dead.")
    told_before = _previous_event_place(ctx, sentence)
    # An earlier sentence of the same report: the place its own event word ties to ("shot down
    # over the province of Idlib after delivering aid to Aleppo": Idlib), else its last place.
    earlier = [t for t in toponyms if t.end <= s_start and t.role not in ("dateline", "speaker_city") and t.precision != "country"
               and not _water(t)]
    if earlier:
        before = [s for s in getattr(ctx, "sentences", None) or [] if s.end <= s_start and s.start <= earlier[-1].start]
        chosen = place_in_sentences(ctx, before[-1:], [t for t in toponyms if t.precision != "country"]) if before else None
        told = _listed_peer_told(ctx, before[-1], chosen or earlier[-1], after, toponyms) if before else None
        last = told or chosen or earlier[-1]
        if told_before is None or _finer_in_area(last, told_before):
            return last.as_location()
    if told_before is not None:
        return told_before
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


def _previous_event_place(ctx: Any, sentence: Any) -> dict[str, Any] | None:
    """The place given to the last event told before ``sentence`` (``ctx.event_places``, filled in
    reading order by extraction), or None when no earlier sentence told an event with a place."""
    places = getattr(ctx, "event_places", None)
    index = getattr(sentence, "index", None)
    if not places or index is None:
        return None
    earlier = [i for i, loc in places.items() if i < index and loc]
    return dict(places[max(earlier)]) if earlier else None


_AREA_PRECISIONS = ("admin1", "admin2", "country")


def _finer_in_area(t: Any, area: dict[str, Any]) -> bool:
    """Whether place ``t`` is finer than the event place ``area`` (a province, district or country:
    a village the gazetteer lacks, placed at its province) and lies inside it: "clashes in a village
    of the Deir ez-Zor countryside ... IS fighters then fell back to Hajin" goes on at Hajin."""
    if area.get("precision") not in _AREA_PRECISIONS or getattr(t, "precision", None) not in ("exact", "near"):
        return False
    if getattr(t, "role", None) == "inferred_from_context" or not t.country or t.country != area.get("country"):
        return False
    return area.get("precision") == "country" or (bool(t.admin1) and t.admin1 == area.get("admin1"))


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


# The words from a place the gazetteer lacks to the town that says where it lies: "the Khirbet
# area near Tanf", "Tal Sayed village, south of Qamishli city", "the Hamra farms east of Tal Abyad".
_ANCHOR_GAP = re.compile(
    r"^(?:\s*(?:,|\(|\b(?i:and|or|the|area|areas|villages?|towns?|hamlets?|farms?|camp|axis|fronts?|frontlines?|"
    r"neighbou?rhoods?|district|quarter|outskirts|vicinity|road|highway|crossing|checkpoint|hills?|plain)\b|[A-Z][\w'’-]*))*?"
    r"\s*,?\s*\b(?i:near|outside|close\s+to|next\s+to|(?:(?:some|about|around)\s+)?(?:\d[\d.,]*\s*(?:km|kilometers|kilometres|miles)\s+)?"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|in)\s+"
    r"(?i:the\s+)?(?i:(?:city|town|village)\s+of\s+)?$"
)


def _anchor_town(text: str, t: Any, inside: list[Any]) -> dict[str, Any] | None:
    """The point of the town a place the gazetteer lacks lies near or in, when its sentence names it:
    "a mine went off in the Umm Tayyur area near Tanf" with Umm Tayyur only placed by
    its context (at the province's point) is best placed at Tanf, as ACLED codes an unknown village
    at the nearest town its note gives. The name stays the report's; the point and precision
    ("near") are the town's. None when ``t`` has a point of its own or no such town follows it."""
    if getattr(t, "role", None) != "inferred_from_context":
        return None
    for u in inside:
        if (u is t or u.lat is None or u.precision not in ("exact", "near") or getattr(u, "demonym", False)
                or u.role in ("inferred_from_context", "dateline", "speaker_city")
                or (t.country and u.country != t.country) or not (t.end <= u.start <= t.end + 60)):
            continue
        if (u.lat, u.lon) == (t.lat, t.lon) or not _ANCHOR_GAP.match(text[t.end: u.start]):
            continue
        loc = u.as_location()
        loc.update(name=t.text or loc.get("name"), geonames_id=None, precision="near")
        return loc
    return None


def _on_land(ctx: Any, t: Any, after: list[Any], toponyms: list[Any]) -> Any:
    """``t``, or for a river or lake ("killed as they tried to cross the Euphrates River") a place
    of its country on land: the one the next sentences tie to their event, else the report's main
    place there (ACLED codes such events at the nearest town, never on the river)."""
    if not _water(t):
        return t
    land = [u for u in toponyms if u.country == t.country and u.precision != "country" and not _water(u)
            and u.role not in ("dateline", "speaker_city")]
    return place_in_sentences(ctx, after, land) or main_place(land) or t


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
