"""The extent of a name: which tokens may sit inside it, widening an entity to the longer name
the gazetteer knows, compounds read whole, known words inside a longer name."""

from __future__ import annotations

from ceasefire.resolve.places.gazetteer import (
    NAME_ALTERNATE,
    NAME_CURATED,
    NAME_DEMONYM,
    NAME_MAIN,
)
from ceasefire.resolve.places.detect.lookup import _big, _strong, _town_of_size, lookup_candidates
from ceasefire.resolve.places.detect.mention import _glued, _is_cap
from ceasefire.resolve.places.detect.vocabulary import CONNECTORS, MAX_TOKENS, NON_PLACE_LABELS, common_words


def _widen(tokens, i: int, j: int, taken, ent_of, ent, gaz, text) -> tuple[int, int]:
    """spaCy's entity widened to the longer name the gazetteer knows around it: "Vista" in
    "Boa Vista", "Trinidad" in "Trinidad and Tobago". Only main or curated names of countries,
    first-level areas and towns of some size qualify."""
    n = len(tokens)
    for a in (i - 2, i - 1, i):
        for b in (j + 3, j + 2, j + 1, j):
            if a < 0 or b > n or (a == i and b == j) or b - a > MAX_TOKENS or a > i or b < j:
                continue
            if any(taken[a:b]) or not _is_cap(tokens[a]) or not _is_cap(tokens[b - 1]):
                continue
            if any(ent_of[k] is not None and ent_of[k].label_ in NON_PLACE_LABELS for k in range(a, b)):
                continue
            if (a < i and a > 0 and tokens[a].is_sent_start) or not all(_inner_ok(tokens, k, a) for k in range(a + 1, b)):
                continue
            joined = [k for k in range(a, b) if tokens[k].lower_ in ("and", "&")]
            if joined and any(p.is_country or p.is_admin1 for p, kind, match in
                              lookup_candidates(gaz, text[tokens[joined[0] + 1].idx: tokens[b - 1].idx + len(tokens[b - 1].text)])
                              if match != "skeleton" and kind != NAME_ALTERNATE):
                continue  # "England and Wales" are two places
            surface = text[tokens[a].idx: tokens[b - 1].idx + len(tokens[b - 1].text)]
            for p, kind, match in lookup_candidates(gaz, surface):
                if match != "skeleton" and kind in (NAME_MAIN, NAME_CURATED) and (
                        p.is_country or p.is_admin1 or p.population >= 1000 or p.source.startswith("supplement")):
                    return a, b
    return i, j


def _only_demonyms_inside(tokens, i, j, gaz) -> bool:
    """Whether the capitalised words of tokens[i:j] that the gazetteer knows are all peoples'
    names ("the Russian Embassy", "Frenchmen Street"), not a town the facility stands in
    ("Mount Pleasant Civic Center")."""
    known = False
    for t in tokens[i:j]:
        if not _is_cap(t):
            continue
        cands = [c for c in lookup_candidates(gaz, t.text) if c[2] != "skeleton"]
        if not cands:
            continue
        if any(kind != NAME_DEMONYM for _, kind, _ in cands):
            return False
        known = True
    return known


def _only_tail_known(tokens, i, j, gaz, text) -> bool:
    """Whether the only words of tokens[i:j] the gazetteer knows are its last, a small town's name
    ("Mills" of "Oak Mills"), while the words before it name nothing."""
    if j - i < 2 or not _is_cap(tokens[i]) or not tokens[j - 1].is_alpha:
        return False
    tail = lookup_candidates(gaz, tokens[j - 1].text)
    if not tail or _big(tail) or _town_of_size(tail):
        return False  # "Mreimin Afrin": a village named with the town it lies by
    for a in range(i, j - 1):
        for b in range(j - 1, a, -1):
            if _is_cap(tokens[a]) and lookup_candidates(gaz, text[tokens[a].idx: tokens[b - 1].idx + len(tokens[b - 1].text)]):
                return False
    return True


def _any_known_subspan(tokens, i, j, gaz, text) -> bool:
    for a in range(i, j):
        for b in range(j, a, -1):
            if _is_cap(tokens[a]) and lookup_candidates(gaz, text[tokens[a].idx: tokens[b - 1].idx + len(tokens[b - 1].text)]):
                return True
    return False


def _place_inside(tokens, i, j, gaz, text) -> bool:
    """Whether tokens[i:j] hold a name a capitalised word may stand for as a place (not an
    English word such as "Central" or "Holy" that some hamlet is called)."""
    for a in range(i, j):
        for b in range(j, a, -1):
            if not _is_cap(tokens[a]):
                continue
            cands = lookup_candidates(gaz, text[tokens[a].idx: tokens[b - 1].idx + len(tokens[b - 1].text)])
            if b - a == 1 and tokens[a].lower_ in common_words() and not _big(cands):
                continue
            if _strong(cands):
                return True
    return False


def _inner_ok(tokens, k, i) -> bool:
    tok = tokens[k]
    prev = tokens[k - 1]
    if tok.is_space or "\n" in tok.text:
        return False
    if tok.text in ("-", "‐") and _glued(prev, tok) and k + 1 < len(tokens) and _glued(tok, tokens[k + 1]):
        return True
    if prev.text in ("-", "‐"):
        return True
    if tok.text[:1] in "'’‘`" and _glued(prev, tok) and len(tok.text) <= 4 and tok.lower_ not in ("'s", "’s"):
        return True
    if tok.text == "." and _glued(prev, tok) and len(prev.text) <= 3:
        return True  # "St. Louis", "W.Va."
    if tok.lower_ in CONNECTORS and k + 1 < len(tokens) and (_is_cap(tokens[k + 1]) or tokens[k + 1].text in "-‐"):
        return True
    if (tok.lower_ in CONNECTORS and k + 2 < len(tokens) and tokens[k + 1].lower_ in CONNECTORS and not _is_cap(tokens[k + 1])
            and _is_cap(tokens[k + 2])):
        return True  # "Leon de los Aldama", "Stratford upon the Avon": connectors in a row
    return _is_cap(tok) and not tok.is_punct


def _in_compound(tokens, i: int, j: int) -> bool:
    """Whether tokens[i:j] are a part of a hyphenated compound name ("Avon" in "Stratford-upon-Avon",
    "Rostov" in "Rostov-on-Don"): the whole is the name, never a part alone."""
    return _compound_before(tokens, i) or _compound_after(tokens, j)


def _compound_before(tokens, i: int) -> bool:
    """Whether a hyphenated compound runs into tokens[i] from before: "Stratford-upon-" of "Avon"."""
    return (i >= 3 and tokens[i - 1].text in "-‐" and tokens[i - 3].text in "-‐" and tokens[i - 2].is_lower
            and _glued(tokens[i - 3], tokens[i - 2]) and _glued(tokens[i - 2], tokens[i - 1]) and _glued(tokens[i - 1], tokens[i]))


def _compound_after(tokens, j: int) -> bool:
    """Whether a hyphenated compound goes on after tokens[j - 1]: "-on-Don" after "Rostov"."""
    return (j + 2 < len(tokens) and tokens[j].text in "-‐" and tokens[j + 2].text in "-‐" and tokens[j + 1].is_lower
            and _glued(tokens[j - 1], tokens[j]) and _glued(tokens[j], tokens[j + 1]) and _glued(tokens[j + 1], tokens[j + 2]))
