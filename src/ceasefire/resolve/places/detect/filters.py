"""Place or not: persons, organisations, acronyms, languages, datelines, dotted states, and the
words around a name that make it a place whatever spaCy calls it."""

from __future__ import annotations

import re

from ceasefire.resolve.places.gazetteer import (
    NAME_ABBREVIATION,
    NAME_ALTERNATE,
    NAME_CURATED,
    NAME_DEMONYM,
    NAME_MAIN,
)
from ceasefire.resolve.places.names import name_key
from ceasefire.resolve.places.detect.lookup import _big, _local_spelling, _strong, _town_of_size
from ceasefire.resolve.places.detect.mention import _is_cap
from ceasefire.resolve.places.detect.vocabulary import (
    ARABIC_PLACE_PREFIXES,
    BUILDING_HEADS,
    COMMON_ACRONYMS,
    CURRENCY_WORDS,
    DIRECTION_WORDS,
    FIGHTER_WORDS,
    FIRE_NOUNS,
    FIRE_VERBS,
    HONORIFICS,
    INSTITUTION_WORDS,
    LANGUAGE_BEFORE,
    LANGUAGE_CUES,
    LANGUAGE_DEMONYMS,
    LOCATIVE,
    NON_PLACE_LABELS,
    ORGANISATION_WORDS,
    ORG_TAILS,
    PLACE_AFTER_WORDS,
    PLACE_LABELS,
    PLACE_OF_WORDS,
    RESCUE_AFTER,
    RESCUE_AFTER_CAPITALISED,
    RESCUE_BEFORE,
    ROAD_HEADS,
    SPEECH_VERBS,
    STREET_SUFFIXES,
    TITLES_OF,
    _BARE_ABBREVIATIONS,
    common_nouns,
    common_words,
)


def _organisation_name(tokens, i: int, j: int) -> bool:
    """A multi-word name headed or qualified like an organisation's: "... Observatory for Human
    Rights", "... Front", "Office for the Coordination of ...". Never a place, whatever spaCy says."""
    if j - i < 2:
        return False
    words = [t.lower_ for t in tokens[i:j]]
    if any(w in ORGANISATION_WORDS for w in words[1:]):
        return True
    # "X for Y" with Y capitalised names what an organisation is for.
    return any(w == "for" and k + 1 < len(words) and _is_cap(tokens[i + k + 1]) for k, w in enumerate(words))


def _byline_name(tokens, i: int) -> bool:
    """The author in a byline: "By Karim Nassar" at the start of its line."""
    if i == 0 or tokens[i - 1].text not in ("By", "BY"):
        return False
    return i == 1 or "\n" in tokens[i - 2].text or tokens[i - 2].is_space


def _street_entity(tokens, ent) -> bool:
    """spaCy's person or organisation that is a street: "Freeman Drive", "Dunlap St.", "Sylvan Road"
    (not "Lois Lane": a person's "Lane" stays a person)."""
    j = ent.end
    while j > ent.start and tokens[j - 1].is_punct and tokens[j - 1].text != ".":
        j -= 1
    last = tokens[j - 1].lower_.rstrip(".") if j > ent.start else ""
    if last not in ROAD_HEADS or not _is_cap(tokens[j - 1]) or j - ent.start < 2:
        return False
    return not (ent.label_ == "PERSON" and last in ("lane", "ln"))


def _named_within(tokens, i: int, j: int, ent, cands) -> bool:
    """A town inside an organisation's or person's name where the words say it is the town: after
    "in" or "of" ("St. John's Lutheran School in Lombard", "United Concrete Products of Wallingford"),
    or at the head of its offices ("Huntsville Fire Chief Tom Grisham")."""
    if not _strong(cands, allow_alternate=False):
        return False
    if j - i == 1 and tokens[i].lower_ in common_words():
        return False
    if i > ent.start and tokens[i - 1].lower_ in ("in", "of"):
        # ... but not a title: "the Prince of Wales", "the Duke of York" name a person.
        return not (tokens[i - 1].lower_ == "of" and i - 2 >= 0 and tokens[i - 2].lower_ in TITLES_OF)
    # spaCy's organisation often opens with the article: "The Lindsay Police", "the Canaan Board of Finance".
    leads = ent.start == i or (ent.start == i - 1 and tokens[i - 1].lower_ == "the")
    return leads and j < ent.end and tokens[j].lower_ in INSTITUTION_WORDS and _is_cap(tokens[j])


def _dotted_state(tokens, i: int, surface: str, cands) -> bool:
    """A state's or province's abbreviation written with its dots ("S.C.", "W. Va.", "Calif.",
    "Ind."), which in running text stands for nothing else; "Mass." only where it cannot be the
    service ("Western Mass.", ", Mass."), "Ind." not as a party ("I-Ind."), "B.C." not after a year."""
    if not surface.endswith(".") or not surface[:1].isupper() or not all(p.is_admin1 for p, _, _ in cands):
        return False
    key = surface.replace(" ", "").lower()
    prev = tokens[i - 1].lower_ if i > 0 else ""
    word = key.rstrip(".")
    if word in HONORIFICS or word in _BARE_ABBREVIATIONS or word in ("ms", "mrs", "mr", "dr", "jr", "sr"):
        return False  # "Ms. Uriss said": a title, not Mississippi
    if "." not in word and (word in common_words() or word in common_nouns()):
        # "Mass.", "Act.", "Wash.": a word before an abbreviation, unless a town or compass word leads it.
        return prev == "," or prev in DIRECTION_WORDS
    if key == "b.c." and i > 0 and (tokens[i - 1].like_num or prev in ("century", "centuries", "millennium")):
        return False  # "built around 100 B.C.": before Christ, not British Columbia
    if key == "ind." and i >= 2 and prev in ("-", "‐") and tokens[i - 2].text in ("I", "R", "D"):
        return False
    letters = sum(ch.isalpha() for ch in surface)
    return surface.count(".") >= 2 or letters >= 3


def _excluded_acronym(surface: str, cands) -> bool:
    """An acronym that is an organisation's before a place's ("UN"), or a word glued to the
    remains of a mis-decoded apostrophe ("Itâ s", "thatâ s": UTF-8 read as Latin-1, the
    closing quote's first byte left as "â"), which folds onto a town (Itá, Paraguay)."""
    if surface.endswith("â") and surface[:-1].lower() in common_words():
        return True
    key = name_key(surface)
    if key in COMMON_ACRONYMS:
        return not any(p.is_country and kind != NAME_ALTERNATE for p, kind, _ in cands)
    return key in _TITLE_ABBREVIATIONS and not surface.isupper()  # "Dr, Amina Bello": a title, not Daraa


# A person's title in its short form: alone it is a title whose name follows, never a place.
_TITLE_ABBREVIATIONS = frozenset("dr mr mrs ms jr sr rev lt sgt capt gen".split())


# What follows a dateline's town: "BYESVILLE -- Firefighters", "HUDSON, Ill. (AP) -", "ROSWELL - A man".
_DATELINE_TAIL = re.compile(
    r"^\s*(?:,\s*[A-Z][A-Za-z.]*\.?(?:\s?[A-Z][A-Za-z.]*\.?)?\s*)?(?:\((?:AP|Reuters|AFP|UPI|CNN|PNA|dpa)\)\s*)?(?:--|—|–|-\s)")


def _language_noun(tokens, j: int) -> bool:
    """Whether a language-named adjective ends its phrase, so names the language: "learned English
    so", "English is", "in English)". "English city", "Russian, Syrian and Iranian forces" modify."""
    if j >= len(tokens) or "\n" in tokens[j].text:
        return True
    nxt = tokens[j]
    return nxt.text in (".", ")", ";", ":", "!", "?") or nxt.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "PART")


def _dateline_town(tokens, i, j, surface, cands, sent_start, text) -> bool:
    """A town in capitals that opens a line or sentence and is followed by a dash: a dateline
    ("TORRINGTON —", "EAST HAMPTON --"). Capitals there are the convention, not an acronym."""
    letters = [ch for ch in surface if ch.isalpha()]
    if len(letters) < 4 or not surface.isupper():
        return False
    opens = i == 0 or sent_start[i] or "\n" in tokens[i - 1].text or tokens[i - 1].text in (".", "!", "?", ")", "\"", "”")
    if not opens or not _DATELINE_TAIL.match(text[tokens[j - 1].idx + len(tokens[j - 1].text):][:40]):
        return False
    return any(match != "skeleton" and kind != NAME_ABBREVIATION and (p.feature_class == "P" or p.is_admin1 or p.is_country)
               for p, kind, match in cands)


def _place_cue(tokens, i: int, j: int) -> bool:
    """Whether the words around tokens[i:j] make it a place: a locative preposition before it ("in",
    "near", "outside", "from"; a compass word may stand between: "in eastern Gedaref"), a verb of fire
    or of taking ground ("shelled Douma"), "the town of" or "the siege of" before it, or a settlement
    or area word after it ("Diwaniya city", "Gedaref state")."""
    n = len(tokens)
    k = i - 1
    if k >= 0 and tokens[k].lower_ in DIRECTION_WORDS:
        k -= 1
    if k >= 0 and (tokens[k].lower_ in RESCUE_BEFORE or tokens[k].lower_ in FIRE_VERBS):
        return True
    if j - i >= 2 and tokens[i].lower_ in ARABIC_PLACE_PREFIXES:
        return True  # "Kafr Nabl", "Deir Hafer", "Tel Abyad": the name itself says it is a place
    if k >= 1 and tokens[k].lower_ == "of" and (tokens[k - 1].lower_ in PLACE_OF_WORDS or tokens[k - 1].lower_ in RESCUE_AFTER
                                                or tokens[k - 1].lower_ in FIRE_NOUNS):
        return True
    if k >= 2 and tokens[k].lower_ == "the" and tokens[k - 1].lower_ == "of" and tokens[k - 2].lower_ in PLACE_OF_WORDS:
        return True
    if j < n and "\n" not in tokens[j - 1].whitespace_:
        w = tokens[j].lower_
        if w in RESCUE_AFTER and (not _is_cap(tokens[j]) or w in RESCUE_AFTER_CAPITALISED):
            return not (j + 1 < n and tokens[j + 1].lower_ in ORG_TAILS | ORGANISATION_WORDS)
    return False


def _person_or_organisation(tokens, i: int, j: int, ent_of, person_tokens, cands) -> bool:
    """Whether tokens[i:j] are (part of) a person's or an organisation's name despite a place cue:
    a person's entity running past the name ("from John Kerry", "in Paris Hilton's"), a speech verb
    after it ("in Jackson said"), an organisation's word after it ("in Gedaref University"), a
    surname the report gives a person elsewhere, or a person's possessive."""
    n = len(tokens)
    for k in range(i, j):
        e = ent_of[k]
        if e is not None and (e.start < i or e.end > j) and e.label_ not in PLACE_LABELS:
            return True
        if e is not None and e.label_ in NON_PLACE_LABELS:
            return True
    if i > 0 and tokens[i - 1].is_alpha and _is_cap(tokens[i - 1]) and not tokens[i].is_sent_start and "\n" not in tokens[i - 1].whitespace_ \
            and tokens[i - 1].lower_ not in DIRECTION_WORDS:
        return True  # the end of a longer name: "Khil" of "the Mama Khil area"
    if j < n:
        nxt = tokens[j].lower_
        if nxt in SPEECH_VERBS or nxt in ORG_TAILS or nxt in ORGANISATION_WORDS:
            return True
        if tokens[j].is_alpha and _is_cap(tokens[j]) and nxt not in RESCUE_AFTER_CAPITALISED and "\n" not in tokens[j - 1].whitespace_:
            return True  # the start of a longer name: "in Paris Hilton's suite"
        if nxt in ("'s", "’s") and ent_of[i] is not None and ent_of[i].label_ == "PERSON" and not _big(cands):
            return True
    return j - i == 1 and tokens[i].text in person_tokens and not _big(cands)


def _rescued_by_cue(tokens, i, j, cands, ent_of, person_tokens) -> bool:
    """A name that spaCy calls a person or an organisation ("gathered in Rostov-on-Don": Rostov and Don
    as PERSON; "in Gedaref": ORG) but that stands where a place stands and is a strong gazetteer
    match (a country, an admin area, a town by its own name, a big town by an alternate name)."""
    if not any(kind != NAME_DEMONYM and match != "skeleton" for _, kind, match in cands) or not _strong(cands):
        return False
    if j - i == 1 and tokens[i].lower_ in common_words() and not _big(cands):
        return False  # "in March", "at Noon"
    if not _place_cue(tokens, i, j):
        return False
    return not _person_or_organisation(tokens, i, j, ent_of, person_tokens, cands)


# A town whose name WordNet also lists as a noun is read at the head of an institution's name only
# from this size (set on the LGL and GeoWebNews dev halves: most smaller ones were surnames there).
NOUN_TOWN_POP = 30_000


def _town_by_own_name(cands, population: int) -> bool:
    return any(kind == NAME_MAIN and match == "exact" and p.population >= population for p, kind, match in cands)


def _written_lower(text: str, word: str) -> bool:
    """Whether the report writes ``word`` in lower case somewhere (then it is a word, not only a name)."""
    return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text) is not None


# The words after a town that make a sports club's name: "Blackburn Rovers", "Ipswich Town".
_CLUB_WORDS = frozenset("united city wanderers albion rovers athletic hotspur rangers town county".split())

# The offices whose portfolio follows "of": "Minister of Justice", "Department of Commerce".
_PORTFOLIO_BEFORE = frozenset("minister ministry ministries department secretary secretariat bureau".split())


def _office_title(tokens, i: int, j: int, cands) -> bool:
    """Whether tokens[i:j] are a word of an office's title, not a town that bears it: a portfolio
    ("Minister of Justice", "Department of Commerce") or a single noun before "of" ("Leader of the
    House"). A country, an area or a big city stays ("Ministry of Iraq" is no portfolio)."""
    if _big(cands):
        return False
    if i >= 2 and tokens[i - 1].lower_ == "of" and tokens[i - 2].lower_ in _PORTFOLIO_BEFORE:
        return True
    return (j - i == 1 and j + 1 < len(tokens) and tokens[j].lower_ == "of" and tokens[i].lower_ in common_nouns()
            and tokens[j + 1].lower_ in ("the", "a") and not tokens[i].is_sent_start)


def _focus_town_for_person(tokens, i, j, cands, ent, ent_of, person_tokens, focus) -> bool:
    """A name spaCy reads as a person's, all of it, that is a town of a country the report names by
    its own GeoNames name, a press spelling or a curated entry ("hit Taftanaz and Harasta"), and that
    nothing around it makes a person's (a speech verb, a longer name, a surname given elsewhere).
    One word only: a given name and a family name together may also spell a village's name.
    Alternate names are left out: GeoNames gives many villages a surname's spelling."""
    if ent.label_ != "PERSON" or ent.start != i or ent.end != j or j - i != 1:
        return False
    if not _own_name_in(cands, focus):
        return False
    return not _person_or_organisation(tokens, i, j, ent_of, person_tokens, cands)


def _own_name_in(cands, countries: frozenset[str]) -> bool:
    """A town of one of ``countries`` by its GeoNames name, a curated spelling or a supplement entry."""
    return any(match != "skeleton" and p.country in countries and p.feature_class == "P"
               and (kind in (NAME_MAIN, NAME_CURATED) or p.source.startswith("supplement")) for p, kind, match in cands)


def _keep_scanned(tokens, i, j, cands, ent_of, person_tokens, sent_start, text, focus: frozenset[str] = frozenset(),
                  found_late: frozenset[str] = frozenset()) -> bool:
    """Whether a gazetteer hit over capitalised tokens is a place mention. ``found_late``: countries
    the gazetteer scan itself found before this name (often by a people spaCy calls NORP); they vouch
    for their towns' own names and curated spellings, not for GeoNames alternates as ``focus`` does."""
    first, last = tokens[i], tokens[j - 1]
    surface = text[first.idx: last.idx + len(last.text)]
    if _dateline_town(tokens, i, j, surface, cands, sent_start, text):
        return True
    local = (focus and _local_spelling(cands, focus)) or (found_late and _own_name_in(cands, found_late))
    focus = focus | found_late
    if local and not (i > 0 and tokens[i - 1].lower_.rstrip(".") in HONORIFICS):
        ent = ent_of[i]
        if ent is None or ent.label_ not in ("PERSON", "DATE", "TIME", "CARDINAL", "MONEY") or tokens[i - 1].lower_ in LOCATIVE \
                or _focus_town_for_person(tokens, i, j, cands, ent, ent_of, person_tokens, focus):
            if not (j - i == 1 and first.lower_ in common_words()) and not _excluded_acronym(surface, cands):
                return True
    ent = ent_of[i]
    single = j - i == 1
    if _excluded_acronym(surface, cands):
        return False
    kinds = {kind for _, kind, _ in cands}
    if NAME_DEMONYM in kinds and name_key(surface) in LANGUAGE_DEMONYMS and _language_noun(tokens, j):
        return False  # "English is an international language", "(We in English)": the language
    demonym_only = kinds == {NAME_DEMONYM}
    if demonym_only:
        low = name_key(surface)
        nxt = tokens[j].lower_ if j < len(tokens) else ""
        prev = tokens[i - 1].lower_ if i > 0 else ""
        if low in LANGUAGE_DEMONYMS and (nxt in LANGUAGE_CUES or prev in LANGUAGE_BEFORE or nxt == "-"):
            return False
        return True
    # Abbreviations ("Ill.", "GA") only right after "City, ", and only as abbreviations are written
    # ("Al-Mansheyyi" is not Alabama).
    if kinds <= {NAME_ABBREVIATION}:
        if not (surface.isupper() or "." in surface) or (j < len(tokens) and tokens[j].text in "-‐"):
            return False
        if _dotted_state(tokens, i, surface, cands):
            return True  # "D-S.C.", "on S.C. 6", "Western Mass.", "the N.J. Division": the state, as written
        if not (i >= 2 and tokens[i - 1].text == "," and _is_cap(tokens[i - 2])):
            dotted = surface.count(".") >= 2 or len(surface) > 4
            if not (dotted and surface.count(".") >= 2):
                return False
    # "PaP", "DemA", "LaQ": short words with a capital inside are acronyms ("McAllen" is longer).
    if single and len(first.text) <= 4 and any(ch.isupper() for ch in first.text[1:]) and any(ch.islower() for ch in first.text) and not _big(cands):
        return False
    # All-caps short words are acronyms unless a country or admin area says otherwise.
    if single and first.text.isupper() and len(first.text) <= 4 and not _big(cands):
        return False
    if i > 0 and tokens[i - 1].lower_.rstrip(".") in HONORIFICS:
        return False
    if _office_title(tokens, i, j, cands):
        return False
    if (single and i > 0 and tokens[i - 1].is_alpha and _is_cap(tokens[i - 1]) and not sent_start[i] and not sent_start[i - 1]
            and "\n" not in tokens[i - 1].whitespace_ and tokens[i - 1].lower_ not in DIRECTION_WORDS
            and tokens[i - 1].lower_ not in ("the", "a", "an")  # "by The Allendale Woman's Club": a title's article
            and (ent is None or ent.label_ not in PLACE_LABELS or ent.start == i or ent.end == j) and not _big(cands)
            and not _town_of_size(cands)):
        return False  # the end of a longer name the gazetteer lacks: "Grove" of "a Meadow Grove man"
    if single and (first.lower_.rstrip(".") in _BARE_ABBREVIATIONS or first.lower_ in STREET_SUFFIXES):
        return False  # "St." of "St. Patrick's Day", a bare "Road": part of a name, never one alone
    if ent is not None and ent.label_ in NON_PLACE_LABELS:
        # "one million US dollars": a country naming its currency is named (both gold sets count it).
        return (ent.label_ == "MONEY" and j < len(tokens) and tokens[j].lower_ in CURRENCY_WORDS
                and any(p.is_country and kind in (NAME_MAIN, NAME_CURATED) and match != "skeleton" for p, kind, match in cands))
    if single and first.lower_ in common_words():
        # "In", "March", "Man", "Bell": words first; a country or admin area by its own name stays.
        if sent_start[i] or first.pos_ != "PROPN" or first.is_upper:
            if not any((p.is_country or p.is_admin1 or kind == NAME_DEMONYM) and kind in (0, 2, 3) for p, kind, _ in cands):
                return False
        elif not _big(cands):
            return False
    if j < len(tokens) and _is_cap(tokens[j]) and tokens[j].lower_.rstrip(".") in ROAD_HEADS | {"circle", "court", "trail", "pike"} \
            and not _big(cands):
        return False  # "201 Dunlap St.", "Clearview Drive": the street, found as one below
    if j < len(tokens) and _is_cap(tokens[j]) and tokens[j].lower_.rstrip(".") in ("township", "twp"):
        return False  # "Madison Township" is not Madison, Wisconsin: the township, found whole below
    if (j + 1 < len(tokens) and tokens[j].lower_ in ("'s", "’s") and tokens[j + 1].lower_ in BUILDING_HEADS
            and _is_cap(tokens[j + 1]) and not _big(cands)):
        return False  # "Wilson's Farm", "Caesar's Palace": someone's building, not the town
    if ent is not None and ent.label_ in ("PERSON", "ORG") and _named_within(tokens, i, j, ent, cands):
        return True
    if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT") \
            and _rescued_by_cue(tokens, i, j, cands, ent_of, person_tokens):
        return True  # "gathered in Gedaref" (ORG), "advanced towards Tadmor" (NORP)
    if ent is not None and ent.label_ == "PERSON":
        # spaCy's person may carry the possessive: "Sri Lanka's former president".
        end = ent.end - 1 if ent.end - ent.start > 1 and tokens[ent.end - 1].lower_ in ("'s", "’s") else ent.end
        whole = ent.start == i and end == j
        if j - i >= 2 and tokens[j - 1].lower_ in ("county", "parish") and any(
                p.is_admin2 and kind == NAME_MAIN and match == "exact" for p, kind, match in cands):
            return True  # "County" is no part of a person's name: "DANIELSVILLE - Madison County commissioners"
        if ent.start == i and end < j and any(
                (p.is_admin1 or p.is_country) and kind in (NAME_MAIN, NAME_CURATED) and match == "exact" for p, kind, match in cands):
            return True  # a state's name longer than spaCy's person: "Mato Grosso" of "Mato Grosso do Sul"
        if (ent.start == i and end == j + 1 and tokens[j].lower_ in _CLUB_WORDS and _is_cap(tokens[j])
                and _strong(cands, allow_alternate=False)):
            return True  # a club named for its town, which spaCy reads as a man: "Blackburn Rovers"
        if not whole:
            return False  # part of a person's name: "Kerry" in "John Kerry"
        if single and first.text in person_tokens:
            return False
        return _strong(cands, allow_alternate=False)
    
    if first.text in person_tokens and single and not _big(cands):
        return False
    if ent is not None and ent.label_ in ("ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "FAC", "NORP"):
        whole = ent.start == i and ent.end == j
        if whole and ent.label_ == "ORG" and j - i >= 2 and j < len(tokens) and tokens[j].lower_ in FIGHTER_WORDS and not _big(cands):
            return False  # "Olive Branch forces": an operation or a group, not the town it shares a name with
        if whole and ent.label_ != "NORP":
            return _strong(cands, allow_alternate=False)
        # A town at the head of its institutions' names: "Mount Pleasant High School", "Watertown-ML".
        leads = ent.start == i or (ent.start == i - 1 and tokens[i - 1].lower_ == "the")
        if leads and ent.label_ in ("ORG", "FAC") and _strong(cands, allow_alternate=False):
            # ... but not a common noun: "University of Georgia", "Metro Transit".
            if single and first.lower_ in ORG_TAILS | ORGANISATION_WORDS | BUILDING_HEADS:
                return False  # "University of Perpetual Help", "Airport Courthouse": the institution's own word
            # WordNet lists many towns as nouns too ("Watertown", "Youngstown"), and surnames ("Bishop",
            # "Wright"): a word the report never writes in lower case is the name of a town of some size.
            if single and first.lower_ in common_nouns() and not _big(cands):
                return not _written_lower(text, first.lower_) and _town_by_own_name(cands, NOUN_TOWN_POP)
            return True
        return _big(cands)
    if j < len(tokens) and tokens[j].lower_ in ORG_TAILS and not _big(cands):
        return False
    office = j < len(tokens) and _is_cap(tokens[j]) and tokens[j].lower_ in INSTITUTION_WORDS  # "Carthage Police Chief"
    if sent_start[i] and single and first.pos_ != "PROPN" and not _big(cands) and (
            (first.lower_ in common_nouns() and not office) or not _strong(cands, allow_alternate=False)):
        return False  # a headline's first word is tagged a noun: "Chicopee residents" is still the town
    if single and first.pos_ not in ("PROPN", "NOUN", "ADJ", "X") and not _big(cands):
        return False
    if single and first.pos_ in ("NOUN", "ADJ") and not _strong(cands):
        return False
    # spaCy's place entity vouches for a weak reading of the whole entity only, not of a word inside
    # it ("Area" of "Western Area Urban" is no alternate name of an Illinois town).
    whole = ent is not None and (j == ent.end or (j == ent.end - 1 and tokens[j].lower_ in RESCUE_AFTER | PLACE_AFTER_WORDS)) \
        and (ent.start == i or (ent.start == i - 1 and tokens[ent.start].lower_ == "the"))
    return _strong(cands) or (ent is not None and ent.label_ in PLACE_LABELS and whole)
