"""Named facilities: hotels, schools, golf clubs, airports, farms, halls, race circuits.

A capitalised name ending in a word that says what kind of building or site it is ("the
Quillfeather Inn", "Oakmont Elementary", "Ridgeline Golf Club", "Millbrook Community Centre"), or
opening with one ("Hotel Vostranek", "Museum of Tin Toys"), names a place a reader can point to on a
map. The gazetteer never knows it, and a word inside it is not the place: "Kodiak Library" in an
Ohio story is no building in Kodiak, Alaska; "Victor French Hotel" is not in France.
So the whole name becomes one mention without gazetteer readings, and the resolver places it where
the text does ("at Hope House in Paterson", "Victor French Hotel, Kells"), else at the
report's nearest town (``resolve_mentions``, precision "near").

A name holding a country, a state or province, a county or a city of 100,000 ("Aleppo University
Hospital", "Florida Atlantic University"), or a town the curated conflict lists know ("Kuweires
Airport"), is left to the other passes: that place is where the facility stands, or near enough.
"""

from __future__ import annotations

import re

from ceasefire.resolve.places.detect.filters import _organisation_name
from ceasefire.resolve.places.detect.lookup import lookup_candidates
from ceasefire.resolve.places.detect.mention import _is_cap
from ceasefire.resolve.places.detect.scan import Scan
from ceasefire.resolve.places.detect.vocabulary import _SURNAME_HEADS, HONORIFICS, common_words
from ceasefire.resolve.places.gazetteer import NAME_ABBREVIATION, NAME_ALTERNATE, NAME_CURATED, NAME_DEMONYM

# Last words that make a capitalised name a building or a site.
FACILITY_TAILS = frozenset(
    "inn hotel motel resort lodge university college elementary hospital church chapel cathedral mosque "
    "synagogue temple hall centre center mill airport airfield restaurant cafe café bistro diner pub tavern brewery winery "
    "vineyard farm farms ranch plantation museum courthouse theatre theater cinema library stadium arena "
    "ballpark park gardens mall prison jail penitentiary cemetery circuit raceway speedway racecourse plant "
    "refinery factory zoo aquarium marina pier lighthouse barracks".split()
)
# ... and pairs of last words: "Lincoln High School", "Ridgeline Golf Club".
FACILITY_TAIL_PAIRS = frozenset({
    ("high", "school"), ("middle", "school"), ("elementary", "school"), ("primary", "school"),
    ("secondary", "school"), ("golf", "club"), ("country", "club"), ("yacht", "club"), ("tennis", "club"), ("golf", "course"),
    ("shopping", "centre"), ("shopping", "center"), ("air", "base"), ("train", "station"), ("railway", "station"),
    ("bus", "station"), ("power", "station"),
})
# First words that make the capitalised name after them a building: "Hotel Vostranek", "Museum of Tin Toys".
FACILITY_LEADS = frozenset("hotel museum university palais château chateau".split())
# A "Center" named for what it studies or serves is an organisation: "Pew Research Center".
_ORGANISATION_CENTRES = frozenset(
    "research policy study studies data information resource resources law justice rights media press "
    "service services learning counseling counselling support advocacy".split()
)
# Words that may join a facility's capitalised words: "University of the Holy Cross", "Palais des Nations".
_JOINERS = frozenset("of the des de du la le 's ’s &".split())
# Words before a building's name ("at the Quillfeather Inn") that make a person-like name a place.
_PLACE_BEFORE = frozenset("the at in near outside inside into from to".split())
MAX_FACILITY_TOKENS = 7
# Heads of the names of institutions, which find_facilities_left_unread leaves alone.
_INSTITUTIONS = frozenset(
    "school elementary university college hospital center centre church chapel cathedral mosque synagogue temple".split())
# A town this big named inside a facility's name ("Woodstock General Hospital", "Hammond Marina") is
# where it stands: the town, read so by the other passes, is the right point.
TOWN_INSIDE_POP = 1000


def _holds_a_known_place(s: Scan, i: int, j: int, towns: bool = True) -> bool:
    """Whether a capitalised word (or two) of tokens[i:j] names a country, a first- or second-level
    area, a city of 100,000, or a curated conflict town (or, with ``towns``, a town of TOWN_INSIDE_POP):
    the facility stands there."""
    tokens, text = s.tokens, s.text
    for a in range(i, j):
        if not _is_cap(tokens[a]):
            continue
        for b in (a + 2, a + 1):
            if b > j:
                continue
            surface = text[tokens[a].idx: tokens[b - 1].idx + len(tokens[b - 1].text)]
            for p, kind, match in lookup_candidates(s.gaz, surface):
                if match == "skeleton" or kind in (NAME_ABBREVIATION, NAME_ALTERNATE):
                    continue
                if kind == NAME_DEMONYM:
                    return True  # "the State Russian Museum": in that people's country
                if p.is_country or p.is_admin1 or p.is_admin2 or p.feature_code in ("CONT", "RGN"):
                    return True
                if p.population >= 100_000 or kind == NAME_CURATED or p.source.startswith("supplement"):
                    return True
                if towns and p.feature_class == "P" and p.population >= TOWN_INSIDE_POP and tokens[a].lower_ not in common_words():
                    return True
    return False


# Every word that can end (alone or as the second of a pair) or open a facility's name.
_FACILITY_WORDS = FACILITY_TAILS | FACILITY_LEADS | {b for _, b in FACILITY_TAIL_PAIRS}


def _tail_at(tokens, k: int) -> int:
    """How many last words of a facility's name end at token ``k`` (0: none)."""
    t = tokens[k]
    if not _is_cap(t) or not t.is_alpha:
        return 0
    if k > 0 and _is_cap(tokens[k - 1]) and (tokens[k - 1].lower_, t.lower_) in FACILITY_TAIL_PAIRS:
        return 2
    if t.lower_ in FACILITY_TAILS:
        return 1
    return 0


def _blocked(s: Scan, k: int) -> bool:
    t = s.tokens[k]
    ent = s.ent_of[k]
    return (s.taken[k] or s.title_case[k] or "\n" in t.text or t.is_space
            or (ent is not None and ent.label_ in ("DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "QUANTITY", "EVENT",
                                                   "WORK_OF_ART", "LAW")))


def _extend_left(s: Scan, k: int, tail: int) -> int:
    """The first token of the name ending with the ``tail`` words at ``k``."""
    tokens = s.tokens
    i = k - tail + 1
    while i > 0 and k - i + 2 <= MAX_FACILITY_TOKENS and not _blocked(s, i - 1) and not s.sent_start[i]:
        prev = tokens[i - 1]
        if _is_cap(prev) and (prev.is_alpha or prev.text.endswith(".") or "-" in prev.text or "’" in prev.text or "'" in prev.text):
            i -= 1
        elif prev.lower_ in _JOINERS and i - 2 >= 0 and _is_cap(tokens[i - 2]) and not _blocked(s, i - 2) \
                and prev.lower_ not in ("the", "&"):
            i -= 1
        else:
            break
    while i <= k and (tokens[i].lower_ in _JOINERS or tokens[i].lower_ in HONORIFICS and tokens[i].lower_ != "st."):
        i += 1
    return i


def _extend_right(s: Scan, k: int) -> int:
    """The end of the name a leading word opens: "Hotel Vostranek", "University of the Holy Cross"."""
    tokens, n = s.tokens, s.n
    j = k + 1
    while j < n and j - k < MAX_FACILITY_TOKENS and not _blocked(s, j) and not s.sent_start[j]:
        t = tokens[j]
        if _is_cap(t) and t.is_alpha:
            j += 1
        elif t.lower_ in _JOINERS and t.lower_ not in ("'s", "’s", "&") and j + 1 < n and _is_cap(tokens[j + 1]):
            j += 1
        else:
            break
    while j > k + 1 and tokens[j - 1].lower_ in _JOINERS:
        j -= 1
    return j


def _person_named(s: Scan, i: int, j: int) -> bool:
    """A man named like a building, "Commissioner Joe Hall": spaCy's person, no "the" or "at" before."""
    ent = s.ent_of[j - 1]
    if ent is None or ent.label_ != "PERSON" or s.tokens[j - 1].lower_ not in _SURNAME_HEADS:
        return False
    return not (i > 0 and s.tokens[i - 1].lower_ in _PLACE_BEFORE)


def _keep(s: Scan, i: int, j: int, head: int) -> bool:
    tokens = s.tokens
    if j - i < 2 or any(s.taken[i:j]) or not _is_cap(tokens[i]):
        return False
    if _organisation_name(tokens, i, j) or _person_named(s, i, j):
        return False
    if tokens[head].lower_ in ("center", "centre") and tokens[head - 1].lower_ in _ORGANISATION_CENTRES:
        return False
    if not _holds_a_known_place(s, i, j):
        return not _named_alone(s, i, head)
    if ((tokens[head].lower_ not in _INSTITUTIONS or _visited_at(s, i)) and not _holds_a_known_place(s, i, j, towns=False)
            and not _named_alone(s, i, head)):
        s.town_facilities.append((i, j))  # only a town inside: see find_facilities_left_unread
    return False


# Words before "at" that make an institution where someone works or studies ("taught at", "a student
# at", "a professor at"): the employer or the school, not a place something happens at.
_AFFILIATION = frozenset(
    "teach teaches taught teaching work works worked working study studies studied studying serve serves "
    "served coach coaches coached attend attends attended enrolled employed student students teacher "
    "teachers professor professors lecturer principal nurse nurses doctor doctors employee employees staff "
    "administrator administrators freshman sophomore junior senior graduate alumnus alumna researcher "
    "researchers scientist scientists director dean".split())


def _visited_at(s: Scan, i: int) -> bool:
    """An institution named as where something happens: "the shooting at Lincoln High School", "the
    games were held at the University of Lakeside"; not where someone works or studies."""
    tokens = s.tokens
    k = i - 1 if i > 0 and tokens[i - 1].lower_ != "the" else i - 2
    if k < 0 or tokens[k].lower_ != "at":
        return False
    before = tokens[k - 1].lower_ if k > 0 else ""
    return before not in _AFFILIATION and not before.endswith("-grader")


def _named_alone(s: Scan, i: int, head: int) -> bool:
    """Whether the report also names the facility's first words alone as a place, after "in", "at",
    "near" or "from" ("the road in East Bank ... East Bank Middle School"): the town it stands in."""
    tokens, text = s.tokens, s.text
    for b in range(head - 1, i, -1):
        surface = text[tokens[i].idx: tokens[b - 1].idx + len(tokens[b - 1].text)]
        pattern = r"\b(?:in|at|near|from)\s+(?:the\s+)?" + re.escape(surface) + r"\b(?!\s+[A-Z])"
        if re.search(pattern, text):
            return True
    return False


def find_facilities(s: Scan) -> None:
    """Named buildings and sites: the whole name, without gazetteer readings, labelled FAC."""
    tokens, n = s.tokens, s.n
    resume = 0  # the first token after the last facility found
    # Only a facility word ends or opens a name here: the pass skips every other token.
    for k in s.where(_FACILITY_WORDS):
        if k < resume or _blocked(s, k):
            continue
        tail = _tail_at(tokens, k)
        if tail and (k + 1 >= n or not (_is_cap(tokens[k + 1]) and tokens[k + 1].is_alpha) or s.sent_start[k + 1]):
            i = _extend_left(s, k, tail)
            if _keep(s, i, k + 1, k):
                s.add(i, k + 1, [], "FAC")
                resume = k + 1
                continue
        if _is_cap(tokens[k]) and tokens[k].lower_ in FACILITY_LEADS:
            j = _extend_right(s, k)
            if _keep(s, k, j, k):
                s.add(k, j, [], "FAC")
                resume = j


def find_facilities_left_unread(s: Scan) -> None:
    """A facility whose name holds only a town's name ("the Harrison Inn") is left to the other passes,
    for the town is where it stands; when no pass reads that town (spaCy's organisation or building, a
    person's name), the whole name is named after all, as a facility whose name holds no town is.
    Schools, colleges, hospitals, centres and houses of worship are not: a school or a hospital named
    for a person is the institution far more often than a place to go; unless the report names it as
    where something happens ("a shooting at Mercer Hill High School", see ``_visited_at``)."""
    for i, j in s.town_facilities:
        start, end = s.tokens[i].idx, s.tokens[j - 1].idx + len(s.tokens[j - 1].text)
        if not any(m.start < end and start < m.end for m in s.mentions):
            s.add(i, j, [], "FAC")
