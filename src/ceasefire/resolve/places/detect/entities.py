"""spaCy's entities: place entities trimmed and widened, and buildings spaCy calls an organisation."""

from __future__ import annotations

from ceasefire.resolve.places.names import name_key
from ceasefire.resolve.places.detect.filters import _excluded_acronym, _organisation_name, _place_cue
from ceasefire.resolve.places.detect.lookup import (
    _big,
    _curated,
    _lost_possessive,
    _strong,
    lookup_candidates,
)
from ceasefire.resolve.places.detect.mention import _is_cap
from ceasefire.resolve.places.detect.scan import Scan
from ceasefire.resolve.places.detect.spans import (
    _any_known_subspan,
    _only_demonyms_inside,
    _only_tail_known,
    _place_inside,
    _widen,
)
from ceasefire.resolve.places.detect.vocabulary import (
    ADMIN_SUFFIXES,
    BUILDING_HEADS,
    FACILITY_HEADS,
    LEADING_ARTICLES,
    NAME_PREFIXES,
    PLACE_LABELS,
    ROAD_HEADS,
    _SURNAME_HEADS,
    common_words,
)


_PARTICIPLE_TAGS = frozenset({"VBN", "VBD", "VBG"})


def _participle_before_preposition(tokens, i: int, j: int, n: int, cands) -> bool:
    """Whether spaCy's one-word place is an English verb form opening a phrase with a preposition
    ("Based on", "Located in", "According to") that no gazetteer entry names exactly.

    A heading run into the next sentence leaves such a word capitalised mid-sentence, where the
    tagger may call it a place; its part-of-speech tag and the preposition after it say otherwise."""
    if j - i != 1 or j >= n or tokens[j].pos_ != "ADP" or tokens[i].tag_ not in _PARTICIPLE_TAGS:
        return False
    if any(c[2] == "exact" for c in cands):
        return False
    word = tokens[i].lower_
    stems = {tokens[i].lemma_.lower()} if tokens[i].lemma_ else set()
    for ending in ("ed", "ing"):  # the place pipeline runs without the lemmatizer
        if word.endswith(ending):
            stem = word[: -len(ending)]
            stems.update({stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem})
    if word.endswith("ied"):
        stems.add(word[:-3] + "y")
    return bool(stems & common_words())


def find_place_entities(s: Scan) -> None:
    """1. spaCy place entities, trimmed of a leading "the"."""
    doc, gaz, text, tokens, n, ent_of, person_tokens, given_names, mentions, taken, add = s.doc, s.gaz, s.text, s.tokens, s.n, s.ent_of, s.person_tokens, s.given_names, s.mentions, s.taken, s.add
    # 1. spaCy place entities, trimmed of a leading "the".
    for ent in s.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        i, j = ent.start, ent.end
        while i < j and tokens[i].lower_ in ("the", "'s", "’s"):
            i += 1
        own = j - i >= 2 and tokens[j - 1].lower_ in ("'s", "’s") and bool(
            gaz.candidates(name_key(text[tokens[i].idx: tokens[j - 1].idx + len(tokens[j - 1].text)])))
        while not own and j > i and (tokens[j - 1].lower_ in ("'s", "’s") or tokens[j - 1].is_punct):
            j -= 1  # a possessive, unless it is part of the name: "St. John's", "King's Lynn"
        if i >= j or any(taken[i:j]):
            continue
        i, j = _widen(tokens, i, j, taken, ent_of, ent, gaz, text)
        surface = text[tokens[i].idx: tokens[j - 1].idx + len(tokens[j - 1].text)]
        if not any(ch.isalpha() for ch in surface) or not (_is_cap(tokens[i]) or tokens[i].lower_ in LEADING_ARTICLES):
            continue
        cands = lookup_candidates(gaz, surface)
        if not cands or (j - i >= 2 and all(c[2] == "skeleton" for c in cands) and (
                _lost_possessive(gaz, tokens[i].text)
                or _strong([c for c in lookup_candidates(gaz, tokens[i].text) if c[2] != "skeleton"], allow_alternate=False))):
            # A longer entity may hold a known place: "Aleppo's Sukkari district" -> try the gazetteer scan.
            # So may one whose first word is a possessive that cleaning ran together ("Syrias Hama").
            # Not a facility named after one: "Frenchmen Street", "the Russian Embassy", "Kingsley Road".
            facility = (ent.label_ == "FAC" and j - i >= 2 and tokens[j - 1].lower_ in FACILITY_HEADS and _is_cap(tokens[j - 1])
                        and _only_demonyms_inside(tokens, i, j - 1, gaz))
            # "Indian Lake Road", "Kingsley Road": a street named after a place is the street.
            street = (j - i >= 2 and tokens[j - 1].lower_.rstrip(".") in ROAD_HEADS and _is_cap(tokens[j - 1])
                      and not any(t.lower_ in ADMIN_SUFFIXES for t in tokens[i:j])
                      and not _only_demonyms_inside(tokens, i, j - 1, gaz))
            if street and not any(taken[i:j]):
                add(i, j, [], "FAC")
                mentions[-1].street = True
                continue
            if ent.label_ in PLACE_LABELS and not facility:
                if j - i <= 4 and _any_known_subspan(tokens, i, j, gaz, text):
                    if not _only_tail_known(tokens, i, j, gaz, text):
                        if ent.label_ in ("GPE", "LOC"):
                            s.deferred.append((i, j, ent.label_))
                        continue
                    # "Oak Mills", "Meadow Grove": a place whose last word alone is some small town
                    # elsewhere is a place the gazetteer lacks, placed by context.
                    cands = []
        if _excluded_acronym(surface, cands) or (surface.upper() in ("B.C.", "BC") and i > 0 and tokens[i - 1].like_num):
            continue  # ... "300 B.C." is a year
        if j - i == 1 and tokens[i].lower_ in NAME_PREFIXES and j < n and _is_cap(tokens[j]) and tokens[j].is_alpha \
                and "\n" not in tokens[i].whitespace_:
            continue  # "Abu" of "Abu Jadha Kabir": the scan reads the compound (see NAME_PREFIXES)
        if _participle_before_preposition(tokens, i, j, n, cands):
            continue  # "Based on videos ..." run on after a heading: the phrase, not a town
        if not any(c[2] != "skeleton" for c in cands) and _organisation_name(tokens, i, j):
            continue  # spaCy's FAC/GPE over "the Syrian Observatory for Human Rights" or a byline's author
        if j - i == 1 and (tokens[i].text in person_tokens or (tokens[i].text in given_names and not _curated(cands))) and not _big(cands):
            continue  # "Ripley" after "coach Dan Ripley": spaCy's GPE is the man
        add(i, j, cands, ent.label_)



def find_buildings(s: Scan) -> None:
    """1b. Buildings spaCy calls an organisation or a person."""
    doc, gaz, text, tokens, taken, add = s.doc, s.gaz, s.text, s.tokens, s.taken, s.add
    # 1b. Buildings spaCy calls an organisation or a person: "Kodiak Library", "Barclays Center",
    #     "Holy Redeemer Church". A strike or a shooting at one happened there; it lies in the
    #     report's town. A name holding a known place ("Aleppo University Hospital") is left to the
    #     scan, which finds the town; an organisation's name ("... Council") stays no place.
    for ent in s.ents:
        if ent.label_ not in ("ORG", "PERSON"):
            continue
        i, j = ent.start, ent.end
        while i < j and tokens[i].lower_ == "the":
            i += 1
        while j > i and (tokens[j - 1].lower_ in ("'s", "’s") or tokens[j - 1].is_punct):
            j -= 1
        if j - i < 2 or any(taken[i:j]) or not _is_cap(tokens[i]) or tokens[j - 1].lower_ not in BUILDING_HEADS:
            continue
        if not _is_cap(tokens[j - 1]) or _organisation_name(tokens, i, j) or _place_inside(tokens, i, j - 1, gaz, text):
            continue
        if ent.label_ == "PERSON" and j - i == 2 and tokens[j - 1].lower_ in _SURNAME_HEADS:
            continue  # "Commissioner Joe Hall": the man
        add(i, j, [], "FAC")


def find_deferred_place_entities(s: Scan) -> None:
    """1c. A town or district spaCy reads as a place after a place cue ("an office park in Harbor
    City") whose whole name the gazetteer lacks and in which the scan found no place it knows: the
    words around say it is a place, so it is one, placed by context."""
    for i, j, label in s.deferred:
        if any(s.taken[i:j]) or not _place_cue(s.tokens, i, j):
            continue
        if any(t.is_alpha and not _is_cap(t) for t in s.tokens[i:j]):
            continue  # a name written in capitals throughout: not "Al-burj", a word spaCy half-read
        s.add(i, j, [], label)
