"""One name, one sense in a report: a place found once lends itself to its later mentions."""

from __future__ import annotations

from ceasefire.resolve.places.gazetteer import NAME_MAIN
from ceasefire.resolve.places.names import name_key
from ceasefire.resolve.places.detect.filters import _language_noun
from ceasefire.resolve.places.detect.cue_words import _PEOPLE_OF_PLACE
from ceasefire.resolve.places.detect.lookup import _big, _strong
from ceasefire.resolve.places.detect.mention import Mention, _is_cap
from ceasefire.resolve.places.detect.vocabulary import (
    INSTITUTION_WORDS,
    LANGUAGE_DEMONYMS,
    LOCATIVE,
    NON_PLACE_LABELS,
    PLACE_LABELS,
    ROAD_HEADS,
    TITLES_OF,
    common_nouns,
    common_words,
)


# Words that open a sentence in capitals without starting a name.
_OPENERS = frozenset("the a an but and or so yet then as if when while in at on for from".split())


def _placed_small_town(tokens, m: Mention) -> bool:
    """A hamlet by its own name that spaCy reads as a place right after "in", "at", "near" ("mud
    closed the road in East Bank"): the report has said it is a place, so its later mentions ("the
    East Bank Mayor") may lend themselves too, however small the town."""
    i = m.token_start
    return (m.label in PLACE_LABELS and i > 0 and tokens[i - 1].lower_ in LOCATIVE
            and any(kind == NAME_MAIN and match == "exact" and p.feature_class == "P" for p, kind, match in m.candidates))


def _home_of_people(tokens, m: Mention) -> bool:
    """A name the gazetteer lacks that the report gives as where people live ("a Meadow Grove man",
    "the Lakeside woman"): local papers name their small towns so, and the later "of Meadow Grove"
    or "the Meadow Grove man" is the same place, placed by context like the first."""
    j = m.token_end
    return m.label in ("GPE", "LOC") and j < len(tokens) and tokens[j].lower_ in _PEOPLE_OF_PLACE and tokens[j].is_lower


def _repeat_names(tokens, mentions: list[Mention], taken, ent_of, person_names, add) -> None:
    """One name, one sense in a report: a place found once ("to Cirencester", "in Augusta") is the
    same place where the report names it again in words that alone prove nothing ("the Cirencester
    junction", "the Augusta Herald", "Cauvery Management Board", which spaCy calls a person's or an
    organisation's). Only a name read with confidence lends itself (a gazetteer name a capitalised
    word may stand for, not read as a person's), and never to a person's name running past it
    ("Jenny Sutton"), a title's bearer ("Mayor Green"), a language ("English is") or a street."""
    sources: dict[str, tuple[tuple[str, ...], Mention]] = {}
    for m in mentions:
        if m.person_like or m.street or m.label == "PERSON":
            continue
        if not m.candidates:
            if not _home_of_people(tokens, m):
                continue
        elif not (_strong(m.candidates, allow_alternate=False) or _placed_small_town(tokens, m)):
            continue
        # Case folded: the dateline's "ROSWELL --" is the "Roswell" of "Roswell police".
        words = tuple(t.lower_ for t in tokens[m.token_start:m.token_end])
        if words and words[0] not in sources and len(words) <= 3:
            sources[words[0]] = (words, m)
    if not sources:
        return
    for m in mentions:
        # "to Cirencester" that spaCy calls a person is the town the report names elsewhere.
        if m.person_like and m.token_end - m.token_start == 1 and tokens[m.token_start].lower_ in sources \
                and len(sources[tokens[m.token_start].lower_][0]) == 1:
            m.person_like = False
    n = len(tokens)
    for i in range(n):
        tok = tokens[i]
        if taken[i] or tok.lower_ not in sources or not _is_cap(tok):
            continue
        words, m = sources[tok.lower_]
        j = i + len(words)
        if j > n or any(taken[i:j]) or tuple(t.lower_ for t in tokens[i:j]) != words:
            continue
        if i > 0 and tokens[i - 1].lower_.rstrip(".") in TITLES_OF:
            continue  # "Mayor Green", "President Obama"
        if j - i == 1 and tok.text in person_names:
            continue
        if i > 0 and tokens[i - 1].is_alpha and _is_cap(tokens[i - 1]) and not tok.is_sent_start and "\n" not in tokens[i - 1].whitespace_ \
                and not (tokens[i - 1].is_sent_start and tokens[i - 1].lower_ in _OPENERS):
            continue  # the end of a longer name: "Alfa Romeo", "Grand Casino", "Ann Fisher" (not "But Roswell police")
        ent = ent_of[i]
        # "East Bank Mayor Chuck Blair": spaCy's person opens with the town and its office.
        office = ent is not None and ent.start == i and j < ent.end and _is_cap(tokens[j]) and tokens[j].lower_ in INSTITUTION_WORDS
        if ent is not None and (ent.label_ in NON_PLACE_LABELS or ent.label_ in ("PRODUCT", "WORK_OF_ART", "EVENT", "LAW")
                                or (ent.label_ == "PERSON" and (ent.start < i or ent.end > j) and not office)):
            continue  # "Melton Lewis Paris", "4 Kent", "a Toyota Corolla"
        if j < n and _is_cap(tokens[j]) and tokens[j].lower_.rstrip(".") in ROAD_HEADS:
            continue  # "Clarksville Street": the street is found (or not) as one
        if j - i == 1 and name_key(tok.text) in LANGUAGE_DEMONYMS and _language_noun(tokens, j):
            continue  # "the strong status of English"
        if j - i == 1 and tok.lower_ in common_words() and not _big(m.candidates):
            continue
        if j - i == 1 and tok.lower_ in common_nouns() and (
                m.label not in PLACE_LABELS
                or (i > 0 and tokens[i - 1].lower_ == "the" and not (j < n and _is_cap(tokens[j]) and tokens[j].is_alpha))):
            # A word before a name ("Century", "Leader", "Rodeo"; WordNet lists towns as nouns too): only
            # a name spaCy read as a place lends itself, and "the Centre had" is the word still.
            continue
        # A name the gazetteer lacks keeps the label that has it placed by context.
        add(i, j, m.candidates, (ent.label_ if ent is not None else None) if m.candidates else m.label)
