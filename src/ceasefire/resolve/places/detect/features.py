"""Named features the gazetteer lacks: rivers, lakes and mountains; numbered roads; streets, roads
and counties."""

from __future__ import annotations

import re

from ceasefire.resolve.places.gazetteer import NAME_CURATED, NAME_MAIN
from ceasefire.resolve.places.detect.filters import _street_entity
from ceasefire.resolve.places.detect.lookup import lookup_candidates
from ceasefire.resolve.places.detect.mention import _glued, _is_cap
from ceasefire.resolve.places.detect.scan import Scan
from ceasefire.resolve.places.detect.vocabulary import (
    ADMIN_SUFFIXES,
    NATURAL_HEADS,
    NATURAL_LEADS,
    ROAD_HEADS,
    STREET_SUFFIXES,
)

# Numbered roads as the press names them: "Highway 10", "State Route 7", "County Road 4045", "US-24",
# "KY 90", "FM 645" (Texas farm-to-market roads), and Britain's "A429" or "M25". Both gold sets annotate
# them as places; they lie near the report's town. Not interstates ("I-95", "Interstate 64"), which cross
# many states and which LGL leaves unannotated, nor "U.S. 287", where LGL marks "U.S." as the country.
_ROAD_NUMBER = (r"\d{1,4}[A-Z]?(?![\w.,]*\d)(?!\s*(?:%|percent|per cent|million|billion|thousand|years?|"
                r"people|dollars|miles|km|feet|mph|a\.m|p\.m)\b)")
_NUMBERED_ROAD = re.compile(
    r"(?<![\w.-])(?<!Interstate )(?:"
    r"(?:(?:State|County|Farm|Trunk)\s+)?(?:Highway|Hwy\.?|Route|Rte\.?|Road)\s+" + _ROAD_NUMBER
    + r"|(?:US|SR|CR|FM|RM|KY)-" + _ROAD_NUMBER
    + r"|(?:SR|CR|FM|RM|KY)\s" + _ROAD_NUMBER
    + r"|(?P<uk>[AM]\d{1,4})(?:\([MT]\))?(?![\w-])"
    r")"
)
# A British "A40" or "M4" is a road only where the words around it speak of roads ("M16 rifles",
# "an A380" are not).
_ROAD_CONTEXT = re.compile(
    r"\b(?:road|roads|motorway|carriageway|junction|roundabout|bypass|lane|lanes|traffic|diversion|closed|closure|"
    r"northbound|southbound|eastbound|westbound|route)\b", re.I)


def find_numbered_roads(s: Scan) -> None:
    """Numbered roads ("Highway 10", "US-24", "KY 90", "the A429"): a place each, placed near the
    report's town; read before spaCy's entities so "Highway 59 to" does not swallow the next word."""
    text, tokens, taken = s.text, s.tokens, s.taken
    if not any(ch.isdigit() for ch in text):
        return
    starts = ends = None  # token by character offset, built at the first match
    for mt in _NUMBERED_ROAD.finditer(text):
        a, b = mt.start(), mt.end()
        if mt.group("uk"):
            around = text[max(0, a - 60): a] + " " + text[b: b + 60]
            if not _ROAD_CONTEXT.search(around):
                continue
        if starts is None:
            starts = {t.idx: t.i for t in tokens}
            ends = {t.idx + len(t.text): t.i for t in tokens}
        i, last = starts.get(a), ends.get(b)
        if i is None or last is None or last < i or any(taken[i: last + 1]):
            continue
        # A place the gazetteer lacks, placed by context (LOC), even among Title Case names.
        s.add(i, last + 1, [], "LOC")
        s.mentions[-1].street = True


# Words that, after a state's or country's name, make a town's name the gazetteer may lack: "Tennessee
# Colony", "Indiana Dunes", "Nevada Springs". Not "Valley" or "Park" alone of a town ("Aleppo City" has a
# town reading and stays the city).
SETTLEMENT_TAILS = frozenset(
    "colony city springs heights falls village junction station beach hills hill grove mills landing ridge "
    "crossing corner corners plains flats forks glen hollow meadows shores acres estates".split())


def find_towns_named_after_areas(s: Scan) -> None:
    """A town named after a state or country ("Tennessee Colony" in Texas) is a place the gazetteer
    lacks, placed by context, not the state: its first words name an area that no town bears."""
    gaz, text, tokens, n, ent_of, taken, add = s.gaz, s.text, s.tokens, s.n, s.ent_of, s.taken, s.add
    for k in s.where(SETTLEMENT_TAILS):
        tail = tokens[k]
        if k < 1 or taken[k] or not _is_cap(tail) or not tail.is_alpha:
            continue
        for a in (k - 2, k - 1):
            if a < 0 or any(taken[a:k]) or not all(_is_cap(t) and t.is_alpha for t in tokens[a:k]):
                continue
            if any("\n" in t.whitespace_ for t in tokens[a:k]) or (a > 0 and _is_cap(tokens[a - 1]) and tokens[a - 1].is_alpha
                                                                     and not tokens[a].is_sent_start):
                continue
            first = [c for c in lookup_candidates(gaz, text[tokens[a].idx: tokens[k - 1].idx + len(tokens[k - 1].text)])
                     if c[2] != "skeleton"]
            areas = [p for p, kind, _ in first if (p.is_admin1 or p.is_country) and kind in (NAME_MAIN, NAME_CURATED)]
            if not areas or any(p.feature_class == "P" and kind in (NAME_MAIN, NAME_CURATED) for p, kind, _ in first):
                continue
            whole = text[tokens[a].idx: tail.idx + len(tail.text)]
            if any(c[2] != "skeleton" for c in lookup_candidates(gaz, whole)):
                break  # "Missouri City", "Iowa Falls": a town the gazetteer knows, found by the scan
            if any(ent_of[t] is not None and ent_of[t].label_ in ("PERSON", "WORK_OF_ART", "EVENT", "PRODUCT")
                   and (ent_of[t].start < a or ent_of[t].end > k + 1) for t in range(a, k + 1)):
                break
            if k + 1 < n and _is_cap(tokens[k + 1]) and tokens[k + 1].is_alpha and "\n" not in tail.whitespace_:
                break  # "Indiana Dunes State Park", "Texas Heights Elementary": a longer name
            add(a, k + 1, [], "LOC")
            break


def find_natural_features(s: Scan) -> None:
    """0. Rivers, lakes and mountains the gazetteer lacks (see the comment below)."""
    gaz, text, tokens, n, ent_of, taken, add = s.gaz, s.text, s.tokens, s.n, s.ent_of, s.taken, s.add
    # 0. Rivers, lakes and mountains the gazetteer lacks: "the Red River", "Lake Lanier", "Kishwaukee
    #    River". The whole name is the place (near the report's town), not a state or town inside it
    #    ("Mississippi River", "Lake Vermont"); spaCy's entities may split them, so this comes first.
    for k in s.capitals:
        tok = tokens[k]
        if taken[k]:
            continue
        a = b = None
        lead = (tok.lower_.rstrip(".") in NATURAL_LEADS and k + 1 < n and _is_cap(tokens[k + 1]) and tokens[k + 1].is_alpha
                and tokens[k + 1].lower_ not in ROAD_HEADS and not (k > 0 and _is_cap(tokens[k - 1]) and tokens[k - 1].is_alpha))
        # ... not inside a longer name: "Indian Lake Road", "Cedar River Seafood".
        inside = k + 1 < n and _is_cap(tokens[k + 1]) and tokens[k + 1].is_alpha
        if tok.lower_ in NATURAL_HEADS and k > 0 and not lead and not inside:
            a = k
            while (a > 0 and not taken[a - 1] and _is_cap(tokens[a - 1]) and tokens[a - 1].is_alpha and k - a < 3
                   and tokens[a - 1].lower_ not in ("the", "a", "an") and not tokens[a - 1].lower_ in NATURAL_LEADS):
                a -= 1
            b = k + 1
        elif lead:
            a, b = k, k + 2
            if k + 2 < n and _is_cap(tokens[k + 2]) and tokens[k + 2].is_alpha:
                longer = text[tokens[k].idx: tokens[k + 2].idx + len(tokens[k + 2].text)]
                if any(c[2] != "skeleton" for c in lookup_candidates(gaz, longer)):
                    b = k + 3
        if a is None or (a == k and b == k + 1) or any(taken[a:b]):
            continue
        if ent_of[a] is not None and ent_of[a].label_ in ("PERSON", "ORG") and tokens[a].lower_.rstrip(".") not in NATURAL_LEADS:
            continue
        surface = text[tokens[a].idx: tokens[b - 1].idx + len(tokens[b - 1].text)]
        add(a, b, [c for c in lookup_candidates(gaz, surface) if c[2] != "skeleton"], "LOC")



def find_streets(s: Scan) -> None:
    """3. Streets, roads and counties the gazetteer does not hold."""
    gaz, text, tokens, n, ent_of, mentions, taken, add = s.gaz, s.text, s.tokens, s.n, s.ent_of, s.mentions, s.taken, s.add
    # 3. Streets, roads and counties the gazetteer does not hold: "Darby Street", "Laurel County".
    for i in s.capitals:
        if taken[i] or tokens[i].is_punct:
            continue
        if ent_of[i] is not None and ent_of[i].label_ in ("PERSON", "ORG") and not _street_entity(tokens, ent_of[i]):
            continue
        for k in range(i + 1, min(n, i + 5)):
            tok = tokens[k]
            if taken[k] or not (_is_cap(tok) or tok.like_num):
                break
            if tok.lower_ in STREET_SUFFIXES or tok.lower_ in ADMIN_SUFFIXES:
                j = k + 1
                if j < n and tokens[j].text == "." and _glued(tok, tokens[j]) and tok.lower_ in ("st", "ave", "rd", "blvd"):
                    j += 1
                found = lookup_candidates(gaz, text[tokens[i].idx: tokens[j - 1].idx + len(tokens[j - 1].text)])
                add(i, j, found, "FAC" if not found else "LOC")
                mentions[-1].street = not found
                break


# "Walnut and Beaumont streets", "at Elm and Pine avenues": two streets named before one plural.
_STREETS_PLURAL = frozenset("streets avenues roads boulevards drives lanes".split())
_PAIR_JOINERS = frozenset(("and", "&"))


def find_paired_streets(s: Scan) -> None:
    """Two names joined by "and" before a plural street word ("turned down Walnut and Beaumont
    streets", "the corner of Elm and Pine avenues") are two streets, not the towns or
    counties they share a name with. Each is a street mention without gazetteer readings, placed
    like other streets. Runs before the passes that read capitalised words as towns."""
    tokens, taken = s.tokens, s.taken
    for k in s.where(_STREETS_PLURAL):
        b_end = k
        b_start = _name_before(tokens, b_end, taken)
        if b_start is None or b_start < 2 or tokens[b_start - 1].lower_ not in _PAIR_JOINERS:
            continue
        a_end = b_start - 1
        a_start = _name_before(tokens, a_end, taken)
        if a_start is None:
            continue
        for i, j in ((a_start, a_end), (b_start, b_end)):
            s.add(i, j, [], "FAC")
            s.mentions[-1].street = True


def _name_before(tokens, end: int, taken) -> int | None:
    """Where the capitalised name of one or two words that ends at ``end`` begins, or None."""
    start = end
    while start > 0 and end - start < 2 and not taken[start - 1] and tokens[start - 1].is_alpha and _is_cap(tokens[start - 1]) \
            and "\n" not in tokens[start - 1].whitespace_:
        start -= 1
    return start if start < end else None
