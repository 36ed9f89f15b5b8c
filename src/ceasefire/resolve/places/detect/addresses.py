"""Streets a police report gives by number ("the 500 block of Lou Lane", "arrested on 14th St.") or
as a list closed by a plural street word ("at Orange and White streets").

Police and court reports place an incident by a block of a street ("the 2400 block of South 13th
Terrace"), and city reports name numbered streets ("33rd Avenue", "14th St."). spaCy often reads
these as dates or numbers, so the other passes miss them. The street is a place the gazetteer
cannot know: it becomes a mention without readings, which the resolver puts in the town written
after it ("in Lemay, Missouri"), else at the report's nearest town.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import attrgetter, itemgetter

from ceasefire.resolve.places.detect.mention import _is_cap, previous_list_item_end
from ceasefire.resolve.places.detect.scan import Scan
from ceasefire.resolve.places.detect.vocabulary import ROAD_HEADS, STREET_SUFFIXES

_ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$", re.I)
_ORDINAL_WORDS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
_DIRECTIONS = frozenset(
    "n n. s s. e e. w w. nw nw. ne ne. sw sw. se se. n.w. n.e. s.w. s.e. north south east west "
    "northwest northeast southwest southeast".split())
# Street words a numbered street ends in ("14th St.", "33rd Avenue"); not "way" or "place", which end
# ordinary phrases too ("the third Way", "Second Place").
_NUMBERED_HEADS = frozenset(ROAD_HEADS | {"st.", "ave.", "rd.", "blvd.", "terrace", "ter."})
MAX_STREET_WORDS = 5


def _ordinal(tok) -> bool:
    return bool(_ORDINAL.match(tok.text)) or (tok.lower_ in _ORDINAL_WORDS and _is_cap(tok))


def _free(s: Scan, k: int) -> bool:
    t = s.tokens[k]
    return not s.taken[k] and not s.title_case[k] and "\n" not in t.text and not t.is_space


def _block_street(s: Scan, k: int) -> tuple[int, int] | None:
    """The street of "the 400 block of Maple" when token ``k`` is the block's number."""
    tokens, n = s.tokens, s.n
    t = tokens[k]
    if not (t.text.isdigit() and len(t.text) >= 3 and t.text.endswith("00")):
        return None
    if k + 3 >= n or tokens[k + 1].lower_ != "block" or tokens[k + 2].lower_ != "of":
        return None
    i = j = k + 3
    while j < n and j - i < MAX_STREET_WORDS and _free(s, j) and (
            _is_cap(tokens[j]) or _ordinal(tokens[j]) or tokens[j].lower_ in _DIRECTIONS):
        j += 1
        if tokens[j - 1].lower_.rstrip(".") in ROAD_HEADS or tokens[j - 1].lower_ in STREET_SUFFIXES:
            break
    if j == i or not any(_is_cap(tokens[a]) and tokens[a].lower_ not in _DIRECTIONS or _ordinal(tokens[a]) for a in range(i, j)):
        return None
    return i, j


def _numbered_street(s: Scan, k: int) -> tuple[int, int] | None:
    """A numbered street whose number is token ``k``: "14th St.", "North 33rd Avenue"."""
    tokens, n = s.tokens, s.n
    if not _ordinal(tokens[k]) or k + 1 >= n or not _free(s, k + 1):
        return None
    head = tokens[k + 1]
    if not _is_cap(head) or head.lower_ not in _NUMBERED_HEADS:
        return None
    i, j = k, k + 2
    if i > 0 and _free(s, i - 1) and tokens[i - 1].lower_ in _DIRECTIONS and _is_cap(tokens[i - 1]):
        i -= 1
    if j < n and _free(s, j) and tokens[j].lower_ in _DIRECTIONS and _is_cap(tokens[j]) and not s.sent_start[j]:
        j += 1
    return i, j


def find_numbered_streets(s: Scan) -> None:
    """Streets by block and numbered streets, as street mentions without gazetteer readings."""
    # Only a number or an ordinal word opens a street here: the passes skip every other token.
    numbers = compress(range(s.n), map(str.isdigit, map(itemgetter(0), map(attrgetter("text"), s.tokens))))
    opens = sorted(set(numbers).union(s.where(_ORDINAL_WORDS)))
    resume = 0  # the first token after the last street found
    for k in opens:
        if k < resume or not _free(s, k):
            continue
        span = _block_street(s, k) or _numbered_street(s, k)
        if span is not None and all(_free(s, a) for a in range(*span)):
            i, j = span
            before = len(s.mentions)
            s.add(i, j, [], "FAC")
            if len(s.mentions) > before:
                s.mentions[-1].street = True
            resume = j


# "Goodwin and Pinevale streets", "Crabgrass, Owens and Harris roads": a list of names closed by a
# plural street word names one street each.
_PLURAL_STREET_HEADS = frozenset("streets roads avenues drives lanes boulevards".split())


def find_street_lists(s: Scan) -> None:
    """Every name of a list closed by "streets", "roads", "avenues" ... is a street: "at Orange and
    White streets" names two streets. Each name no other pass read becomes a street mention without
    readings, placed like other streets; a name read as a town is left as it was read."""
    tokens = s.tokens
    for k in s.where(_PLURAL_STREET_HEADS):
        if k < 1:
            continue
        listed = []
        b = k
        while b > 0:
            a = b
            while a > 0 and _is_cap(tokens[a - 1]) and tokens[a - 1].is_alpha and b - a < 3 and not s.title_case[a - 1]:
                a -= 1
            if a == b:
                break
            listed.append((a, b))
            b = previous_list_item_end(tokens, a)
            if b is None:
                break
        if len(listed) < 2:
            continue  # "Main and Oak" needs its "and"; one name before "streets" is a phrase ("city streets")
        for a, b in listed:
            if any(s.taken[a:b]):
                continue  # a town another pass read there still tells where the report is ("Druid Hills")
            before = len(s.mentions)
            s.add(a, b, [], "FAC")
            if len(s.mentions) > before:
                s.mentions[-1].street = True
