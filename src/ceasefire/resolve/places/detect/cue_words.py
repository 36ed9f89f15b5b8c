"""Names the words around them make places: "the village of X", "the X district", county lists."""

from __future__ import annotations

from ceasefire.resolve.places.gazetteer import NAME_ALTERNATE
from ceasefire.resolve.places.detect.filters import _organisation_name
from ceasefire.resolve.places.detect.lookup import lookup_candidates
from ceasefire.resolve.places.detect.mention import _is_cap, previous_list_item_end
from ceasefire.resolve.places.detect.scan import Scan
from ceasefire.resolve.places.detect.vocabulary import (
    FIGHTER_WORDS,
    ORG_TAILS,
    PLACE_AFTER_WORDS,
    PLACE_OF_WORDS,
    RESCUE_BEFORE,
    SETTLED_AFTER,
    SPEECH_VERBS,
    common_nouns,
    common_words,
)


def find_named_by_cue_words(s: Scan) -> None:
    """4. Names the words around them make places."""
    gaz, text, tokens, n, ent_of, sent_start, taken, add, cap_run, free = s.gaz, s.text, s.tokens, s.n, s.ent_of, s.sent_start, s.taken, s.add, s.cap_run, s.free
    # 4. Names the words around them make places: "the village of Khanasir", "the Aziziyah district",
    #    "Tel Hamis" (Arabic toponymic prefixes). The gazetteer may not know them; the report does.
    for i in s.where(PLACE_OF_WORDS):
        if i >= n - 2:
            break
        if tokens[i + 1].lower_ == "of":
            a = i + 2
            if a < n and tokens[a].lower_ == "the":
                a += 1
            b = cap_run(a) if a < n else a
            # "the town of Busayrah": the words say it is a place, whatever spaCy's label (a person's).
            if free(a, b, persons=True) and not all(t.lower_ in common_words() for t in tokens[a:b]):
                add(a, b, lookup_candidates(gaz, text[tokens[a].idx: tokens[b - 1].idx + len(tokens[b - 1].text)]), "LOC")
    for i in s.where(PLACE_AFTER_WORDS):
        if i >= 1 and not _is_cap(tokens[i - 1]) is False:
            b = i
            a = b
            while a > 0 and not taken[a - 1] and (_is_cap(tokens[a - 1]) or tokens[a - 1].text in "-‐") and b - a < 4:
                a -= 1
            while a < b and tokens[a].text in "-‐":
                a += 1
            acronym = b - a == 1 and tokens[a].text.isupper() and len(tokens[a].text) <= 5  # "an HTS checkpoint": its men
            # "Makhmur district", "Manger Square": the word after the name says it is a place, whatever
            # spaCy's label over the name (a person's), unless that person's name runs on before it.
            settled = (tokens[i].lower_ in SETTLED_AFTER and (tokens[i].is_lower or tokens[i].lower_ == "square")
                       and not (ent_of[a] is not None and ent_of[a].start < a))
            if a < b and free(a, b, persons=settled) and not sent_start[a] and not acronym and not all(t.lower_ in common_words() for t in tokens[a:b]):
                end = b + 1 if _is_cap(tokens[i]) else b  # "Manger Square" keeps its head word
                found = lookup_candidates(gaz, text[tokens[a].idx: tokens[b - 1].idx + len(tokens[b - 1].text)])
                if end > b:
                    # A square is named after a person or an event more often than after a town ("Manger
                    # Square", "Tahrir Square"): it lies in the report's town. Other buildings keep the
                    # town their name holds ("Aleppo Airport"), but not by its consonant outline.
                    found = [] if tokens[i].lower_ == "square" else [c for c in found if c[2] != "skeleton"]
                add(a, end, found, "LOC")



def find_county_lists(s: Scan) -> None:
    """5. Every name of a list before "counties" is a county."""
    gaz, text, tokens, mentions, taken, add = s.gaz, s.text, s.tokens, s.mentions, s.taken, s.add
    # 5. "Becker, Clay, Douglas and Wilkin counties": every name of the list is a county (or parish),
    #    whatever town of that name the scan found first.
    for k in s.where(("counties", "parishes")):
        suffix = " County" if tokens[k].lower_ == "counties" else " Parish"
        listed = []
        b = k
        while b > 0:
            a = b
            while a > 0 and _is_cap(tokens[a - 1]) and not tokens[a - 1].is_punct and b - a < 3:
                a -= 1
            if a == b:
                break
            surface = text[tokens[a].idx: tokens[b - 1].idx + len(tokens[b - 1].text)]
            cands = [c for c in lookup_candidates(gaz, surface + suffix) if c[0].is_admin2 and c[2] != "skeleton"]
            listed.append((a, b, cands))
            b = previous_list_item_end(tokens, a)
            if b is None:
                break
        if len(listed) < 2:
            continue  # "the middle of Indiana counties": the counties of a state, not one county
        for a, b, cands in listed:
            if cands:
                mentions[:] = [m for m in mentions if not (m.token_start < b and a < m.token_end)]
                for t in range(a, b):
                    taken[t] = False
                add(a, b, cands, "GPE")
                mentions[-1].admin_cue = True


# People and homes a place name qualifies: "a Meadow Grove man", "the Tanner couple", "an Oahu home".
# Not "family" nor "house", which take surnames ("the Smith family").
_PEOPLE_OF_PLACE = frozenset(
    "man woman men women boy girl boys girls teen teens teenager teenagers youth resident residents native natives "
    "couple homeowner homeowners home".split())
_BEFORE_PEOPLE = frozenset("a an the his her their its our".split())
_STREETS_AFTER = frozenset("streets avenues roads drives lanes boulevards".split())


def find_people_of_places(s: Scan) -> None:
    """6. A capitalised name between an article and a word for people or a home ("a Meadow Grove man",
    "the Lakeside woman", "his Pine Ridge home") names where they live, as local papers write it; a
    place the gazetteer may lack, placed by context. Looks only at the few tokens before those words."""
    tokens, taken, ent_of = s.tokens, s.taken, s.ent_of
    for k in s.where(_PEOPLE_OF_PLACE):
        if k < 2 or not tokens[k].is_lower or taken[k - 1]:
            continue
        a = k
        while a > 0 and k - a < 3 and not taken[a - 1] and tokens[a - 1].is_alpha and _is_cap(tokens[a - 1]) \
                and "\n" not in tokens[a - 1].whitespace_:
            a -= 1
        if a == k or a == 0 or tokens[a - 1].lower_ not in _BEFORE_PEOPLE or s.sent_start[a]:
            continue
        words = tokens[a:k]
        ent = ent_of[a]
        # spaCy reads a two-word place it does not know as a person's name ("the Maple Hollow man"): the
        # article and the people after it say otherwise; one word may be a surname ("the Obama couple").
        own_person = ent is not None and ent.label_ == "PERSON" and ent.start == a and ent.end == k and k - a >= 2
        if all(t.lower_ in common_words() for t in words) or (not own_person and any(
                t.text in s.given_names or t.text in s.person_tokens for t in words)):
            continue
        if ent is not None and not own_person and (
                ent.label_ in ("NORP", "PERSON", "DATE", "TIME", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW") or ent.start < a):
            continue  # "a Catholic woman", "the Obama couple": a people, a person or a body, not where they live
        found = [c for c in lookup_candidates(s.gaz, s.text[tokens[a].idx: tokens[k - 1].idx + len(tokens[k - 1].text)])
                 if c[2] != "skeleton"]
        s.add(a, k, found, "GPE")


def _settlement_reading(m) -> bool:
    """A mention read as a town, an area or a country by its own name (not a people, a street or a guess)."""
    if m.demonym or m.street or m.person_like or m.label == "PERSON":
        return False
    return any(match != "skeleton" and kind != NAME_ALTERNATE and (p.feature_class in ("P", "A") or p.is_country)
               for p, kind, match in m.candidates)


def find_listed_beside_places(s: Scan) -> None:
    """7. A capitalised name joined by "and" / "or" to a town or area the report names ("Paris and
    Roxton", "from Portree and Kyleakin", "Hamilton, Hendricks and Sarpy") is a peer of it: local
    papers list their towns together, and the small one is often missing from the gazetteer or read
    as a person by spaCy. Not a person named elsewhere, a speaker ("Dillon and Connor said"), a
    people, a word, or an acronym. Looks only beside mentions already found."""
    tokens, n, taken, ent_of = s.tokens, s.n, s.taken, s.ent_of
    refused = ("NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "WORK_OF_ART",
               "EVENT", "PRODUCT", "LAW", "LANGUAGE")

    def partner(a: int, b: int) -> bool:
        if a < 0 or b > n or a >= b or any(taken[a:b]):
            return False
        words = tokens[a:b]
        if not all(t.is_alpha and _is_cap(t) for t in words) or s.sent_start[a] or any(s.title_case[k] for k in range(a, b)):
            return False
        if all(t.lower_ in common_words() or t.lower_ in common_nouns() for t in words):
            return False
        if any(t.text in s.given_names or t.text in s.person_tokens for t in words):
            return False
        if b - a == 1 and words[0].is_upper and len(words[0].text) <= 5:
            return False  # "NATO", "ISIS": a body, not a town
        if b < n and (tokens[b].lower_ in SPEECH_VERBS or (tokens[b].lower_ in ("'s", "’s") and ent_of[a] is not None
                                                            and ent_of[a].label_ == "PERSON")):
            return False
        if b < n and tokens[b].is_alpha and _is_cap(tokens[b]):
            return False  # the run goes on: "and Hilton Hotels"
        if b < n and (tokens[b].lower_ in FIGHTER_WORDS or tokens[b].lower_ in _STREETS_AFTER):
            return False  # "Idlib and Hezbollah fighters": a group; "Rivers and Stokes avenues": streets
        if any(t.lower_ in ORG_TAILS for t in words) or any(ch.isupper() for t in words for ch in t.text[1:]):
            return False  # "Lions Club", "CoreCivic": a body or a firm
        if a > 0 and tokens[a - 1].is_alpha and _is_cap(tokens[a - 1]):
            return False
        for k in range(a, b):
            e = ent_of[k]
            if e is not None and (e.label_ in refused or (e.label_ in ("PERSON", "ORG") and (e.start < a or e.end > b))):
                return False
        # spaCy's organisation over one name in a list of towns is its usual misreading; an
        # organisation's own words still tell one.
        return not _organisation_name(tokens, a, b)

    for m in list(s.mentions):
        if not _settlement_reading(m) or m.token_end - m.token_start > 3:
            continue
        # After the place: "Paris and Roxton", "Paris, Roxton and ...".
        k = m.token_end
        if k + 1 < n and tokens[k].text == "," and tokens[k + 1].lower_ in ("and", "or"):
            k += 1
        if k < n and tokens[k].lower_ in ("and", "or"):
            b = k + 1
            while b < n and b - (k + 1) < 3 and tokens[b].is_alpha and _is_cap(tokens[b]) and not taken[b]:
                b += 1
            if partner(k + 1, b):
                s.add(k + 1, b, [c for c in lookup_candidates(s.gaz, s.text[tokens[k + 1].idx: tokens[b - 1].idx + len(tokens[b - 1].text)])
                                 if c[2] != "skeleton"], "GPE")
        # Before it: "Toco and Paris".
        k = m.token_start - 1
        if k >= 1 and tokens[k].lower_ in ("and", "or"):
            a = k
            while a > 0 and k - a < 3 and tokens[a - 1].is_alpha and _is_cap(tokens[a - 1]) and not taken[a - 1]:
                a -= 1
            if a < k and partner(a, k) and (a == 0 or tokens[a - 1].text == "," or tokens[a - 1].lower_ in RESCUE_BEFORE
                                            or tokens[a - 1].lower_ in ("of", "to", "between", "both")):
                s.add(a, k, [c for c in lookup_candidates(s.gaz, s.text[tokens[a].idx: tokens[k - 1].idx + len(tokens[k - 1].text)])
                             if c[2] != "skeleton"], "GPE")
