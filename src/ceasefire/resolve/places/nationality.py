"""A country's people's word that a town also bears: "Canadian maple syrup" is Canada's.

GeoNames holds towns named like a nationality (Canadian, Texas; Mexican Hat, Utah, is another
name). In running text the word is the nationality: "Canadian maple syrup", "a Canadian
bank". It is the town only where the text makes it one: a containing area ("Canadian, Texas"),
a settlement word ("the town of Canadian") or a preposition of place right before it with no
noun after it ("a ranch near Canadian").
"""

from __future__ import annotations

import re

from ceasefire.resolve.places.gazetteer import NAME_DEMONYM

_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|from|of)\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+[A-Za-z]")


def reads_as_people(m, text: str, town_before: bool = False) -> bool:
    """Whether a mention that can be a country's people's word stands for them, not a town."""
    if not any(kind == NAME_DEMONYM and p.is_country for p, kind, _ in m.candidates):
        return False
    if m.container_text or m.settlement_cue or town_before:
        return False
    if _PLACE_BEFORE.search(text[max(0, m.start - 12): m.start]) and not _NOUN_AFTER.match(text, m.end, m.end + 3):
        return False
    return True
