"""A place mention: its span, the gazetteer entries it can mean, the cues around it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ceasefire.resolve.places.gazetteer import (
    Place,
)
from ceasefire.resolve.places.detect.tokens import Tok, capitalised


@dataclass
class Mention:
    """A span of text that names a place, with the gazetteer entries it can mean."""

    start: int
    end: int
    text: str
    candidates: list[tuple[Place, int, str]] = field(default_factory=list)  # (place, name kind, match)
    label: str | None = None  # spaCy's entity label over this span, if any
    sentence_start: int = 0
    token_start: int = 0
    token_end: int = 0  # exclusive
    demonym: bool = False
    # Cues from the words around it, read by the resolver.
    admin_cue: bool = False  # "Aleppo province", "province of Idlib"
    settlement_cue: bool = False  # "the town of", "Maadi district", "city of"
    near_cue: bool = False  # "near Douma", "outskirts of"
    container_text: str | None = None  # "Maadi district in eastern Aleppo" -> "Aleppo"
    person_like: bool = False  # spaCy read it as a person: kept only if it fits the report's countries
    street: bool = False  # a street or road name the gazetteer cannot know


def _is_cap(tok) -> bool:
    if tok.__class__ is Tok:
        return tok.cap
    return capitalised(tok.text)


def sent_start_tok(tokens, k: int) -> bool:
    return tokens[k].is_sent_start or (k > 0 and "\n" in tokens[k - 1].text)


def previous_list_item_end(tokens, start: int) -> int | None:
    """Where the item before a listed name ends, when a list separator stands before ``start``
    (",", "and", "or", "&", ", and"); None when the name opens the list."""
    sep = start - 1
    if sep < 0:
        return None
    if tokens[sep].text == ",":
        return sep - 1 if sep > 0 and tokens[sep - 1].lower_ in ("and", "or") else sep
    if tokens[sep].lower_ in ("and", "or", "&"):
        return sep - 1 if sep > 0 and tokens[sep - 1].text == "," else sep
    return None


def _glued(prev, tok) -> bool:
    return prev.idx + len(prev.text) == tok.idx
