"""Cues around a found mention that the resolver reads: an admin area, a settlement, "near",
the container the text puts it in."""

from __future__ import annotations

import re

from ceasefire.resolve.places.gazetteer import (
    NAME_DEMONYM,
)
from ceasefire.resolve.places.detect.mention import Mention


# "the New York border": a border is a state's or a country's, never a city's.
_ADMIN_AFTER = frozenset("province governorate state county parish district_of region oblast prefecture canton municipality "
                         "provinces governorates states countryside border".split())
# "Khost, Paktiya and Paktika provinces": every name of the list is a province.
_ADMIN_LIST_AFTER = re.compile(
    r"^(?:\s*,\s*[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)*\s*,?\s+(?:and|or)\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?\s+"
    r"(?:provinces|governorates)\b")
# "the province of Idlib", "the countryside of Aleppo", "rural Hama": the governorate, not its capital.
_ADMIN_BEFORE = re.compile(r"(?:(?:province|governorate|state|county|region|countryside)\s+of\s+(?:the\s+)?|\brural\s+)$", re.I)
_SETTLEMENT_AFTER = frozenset("city town village district neighbourhood neighborhood quarter suburb camp area airport airbase base".split())
_SETTLEMENT_BEFORE = re.compile(r"(?:city|town|village|district|neighbou?rhood|suburb|camp|quarter)\s+of\s+(?:the\s+)?$", re.I)
_NEAR_BEFORE = re.compile(
    r"(?:near|nearby|close\s+to|outskirts\s+of|outside|around|surroundings\s+of|vicinity\s+of|edge\s+of|"
    r"(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|"
    r"countryside\s+of|outside\s+of)\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+|village\s+of\s+)?$",
    re.I,
)
# The three patterns above end on a word and spaces; the last letter of that word, tested first,
# spares a search (slow: tried at every position) where the pattern cannot match.
_ADMIN_BEFORE_LAST = frozenset("fFeElL")  # "of", "the", "rural"
_SETTLEMENT_BEFORE_LAST = frozenset("fFeE")  # "of", "the"
_NEAR_BEFORE_LAST = frozenset("rRyYoOfFeEdD")  # "near", "nearby", "to", "of", "outside", "the", "around"
# A match of _NEAR_BEFORE holds one of these words (a distance is followed by a direction): ASCII
# text (where ignoring case is lowering) without any of them needs no search.
_NEAR_WORDS = ("near", "close", "outskirts", "outside", "around", "surroundings", "vicinity", "edge", "north", "south",
               "east", "west", "countryside")


def _near_before(before: str, last: str) -> bool:
    """Whether ``before`` ends like "near", "10 km north of the town of" (_NEAR_BEFORE)."""
    if last not in _NEAR_BEFORE_LAST:
        return False
    if before.isascii():
        low = before.lower()
        if not any(w in low for w in _NEAR_WORDS):
            return False
    return _NEAR_BEFORE.search(before) is not None
# ... and ACLED's "Okpanam (Oshimili North LGA, Delta)", "Sheikh Zuweiyid (Rafah, North Sinai)": the
# district and province in brackets after a village.
_CONTAINER_AFTER = re.compile(
    r"^\s*(?:district|neighbou?rhood|quarter|area|suburb|camp|village|town|city)?\s*"
    r"(?:,\s*|\s*\(\s*|\s+(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
    r"(?:(?:rebel|government|regime|opposition)-held\s+)?(?:(?:the\s+)?(?:city|province|governorate|town|countryside)\s+of\s+)?)"
    r"((?:(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ez)-)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})"
)


_LIST_AFTER = re.compile(r"^\s*(?:,\s*[A-Z]|and\b|or\b|&)")


def _read_cues(m: Mention, tokens, text: str) -> None:
    before = text[max(0, m.start - 60): m.start]
    after_tok = tokens[m.token_end].lower_ if m.token_end < len(tokens) else ""
    last = before.rstrip()[-1:]
    if after_tok in _ADMIN_AFTER or (last in _ADMIN_BEFORE_LAST and _ADMIN_BEFORE.search(before)) or _ADMIN_LIST_AFTER.match(text[m.end: m.end + 80]):
        m.admin_cue = True
    if (after_tok in _SETTLEMENT_AFTER and not m.demonym and not any(kind == NAME_DEMONYM for _, kind, _ in m.candidates)) \
            or (last in _SETTLEMENT_BEFORE_LAST and _SETTLEMENT_BEFORE.search(before)):
        m.settlement_cue = True  # not "the English city of Salisbury": a city in England
    if _near_before(before, last):
        m.near_cue = True
    after = text[m.end: m.end + 80]
    # "Springfield, Ill." / "Maadi district in eastern Aleppo" / "the Sukkari district of Aleppo"
    cm = _CONTAINER_AFTER.match(after)
    if cm and "\n" not in after[: cm.end()]:
        # "Aleppo, Homs and Hama" is a list, not Aleppo inside Homs.
        listed = "," in after[: cm.start(1)] and _LIST_AFTER.match(after[cm.end(1):])
        if not listed:
            m.container_text = cm.group(1)
