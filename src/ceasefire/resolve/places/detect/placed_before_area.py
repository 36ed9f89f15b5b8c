"""A town written before the state, province or country it lies in ("Matias Romero, Oaxaca")."""

from __future__ import annotations

from ceasefire.resolve.places.gazetteer import NAME_ABBREVIATION, NAME_CURATED, NAME_MAIN
from ceasefire.resolve.places.names import name_key
from ceasefire.resolve.places.detect.lookup import lookup_candidates
from ceasefire.resolve.places.detect.mention import _is_cap
from ceasefire.resolve.places.detect.scan import Scan
from ceasefire.resolve.places.detect.vocabulary import HONORIFICS, common_nouns, common_words

#: The longest name looked for before the comma, in words.
MAX_WORDS = 3
_REFUSED = frozenset(("DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "NORP", "LAW", "LANGUAGE"))


def find_towns_before_their_area(s: Scan) -> None:
    """A capitalised name right before ", <state, province or country>" that the gazetteer knows as
    a town of that very area is the town, whatever spaCy took it for: "the caravan stopped in Matias
    Romero, Oaxaca" (spaCy: a person; the gazetteer's town goes by its longer official name).
    The area vouches for the reading, and only readings inside it are kept. Looks only before
    areas already found."""
    tokens, taken, ent_of = s.tokens, s.taken, s.ent_of
    for m in list(s.mentions):
        areas = [p for p, kind, match in m.candidates if match != "skeleton" and (p.is_country or p.is_admin1)
                 and kind in (NAME_MAIN, NAME_CURATED, NAME_ABBREVIATION)]
        # A state, province or county (not a country) also holds a place the gazetteer lacks.
        holds_unknown = any(match != "skeleton" and (p.is_admin1 or p.is_admin2) and kind in (NAME_MAIN, NAME_CURATED, NAME_ABBREVIATION)
                            for p, kind, match in m.candidates)
        if not (areas or holds_unknown) or m.demonym:
            continue
        after = m.token_end
        if after < s.n and _is_cap(tokens[after]) and tokens[after].is_alpha and "\n" not in tokens[after - 1].whitespace_:
            continue  # "Lee, U.S. Trade Representative": the area qualifies an office, the name is a person's
        comma = m.token_start - 1
        if comma < 1 or tokens[comma].text != "," or taken[comma - 1] or "\n" in tokens[comma - 1].whitespace_:
            continue
        end = comma
        for start in range(max(0, end - MAX_WORDS), end):
            words = tokens[start:end]
            if any(taken[k] for k in range(start, end)) or not all(
                    (_is_cap(t) and t.is_alpha) or (start < k < end - 1 and t.lower_ in ("'s", "’s"))
                    for k, t in zip(range(start, end), words)):
                continue
            if start > 0 and tokens[start - 1].is_alpha and _is_cap(tokens[start - 1]) and not s.sent_start[start]:
                continue  # the run goes on before it: the whole name is longer
            if start > 0 and tokens[start - 1].lower_.rstrip(".") in HONORIFICS:
                break  # "Gov. Jerry Brown, California": the man
            if any(ent_of[k] is not None and ent_of[k].label_ in _REFUSED for k in range(start, end)):
                break
            surface = s.text[words[0].idx: words[-1].idx + len(words[-1].text)]
            key = name_key(surface)
            inside = [c for c in lookup_candidates(s.gaz, surface)
                      if c[2] != "skeleton" and (c[1] in (NAME_MAIN, NAME_CURATED) or _longer_name(c[0].name, key))
                      and (c[0].feature_class == "P" or c[0].is_admin2)
                      and any(_lies_in(c[0], a) for a in areas)]
            if inside:
                s.add(start, end, inside, "GPE")
            elif holds_unknown and _unknown_place(s, start, end, surface):
                # "Estey's Bridge, N.B.", "Thruxton, Hampshire": a place the gazetteer lacks, which the
                # resolver puts in the area written after it.
                s.add(start, end, [], "LOC")
            break


def _unknown_place(s: Scan, start: int, end: int, surface: str) -> bool:
    """Whether a capitalised name before a state, province or county is a place no gazetteer entry
    reads: none does, spaCy reads no person or body in it, and its words are not all English words."""
    if any(c[2] != "skeleton" for c in lookup_candidates(s.gaz, surface)):
        return False
    if any(s.ent_of[k] is not None and s.ent_of[k].label_ in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT")
           for k in range(start, end)):
        return False
    words = [t.lower_ for t in s.tokens[start:end] if t.is_alpha]
    return not all(w in common_words() or w in common_nouns() for w in words)


_SETTLEMENT_WORDS = frozenset("city town village township borough".split())


def _longer_name(name: str, key: str) -> bool:
    """Whether the gazetteer's own name is the written one with more words after it, none of them a
    settlement word: "Matías Romero Avendaño" for "Matias Romero", not "Long Island City" for
    "Long Island"."""
    own = name_key(name)
    if not own.startswith(key + " "):
        return False
    return not any(w in _SETTLEMENT_WORDS for w in own[len(key) + 1:].split())


def _lies_in(p, area) -> bool:
    if p.country != area.country:
        return False
    return area.is_country or (p.admin1 is not None and p.admin1 == area.admin1)
