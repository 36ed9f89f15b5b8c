"""Finding place names in text: spaCy's entities, rescued and widened by the gazetteer.

spaCy's small English pipeline labels many places PERSON or ORG ("Zabadani", "al-Foua",
"Alexandria") and misses demonyms as places. So a mention comes from either

- a GPE / LOC / FAC entity (kept even when the gazetteer does not know it: a street or a
  building is still a place the report names), or
- a run of capitalised tokens (with the connectors place names carry: al-, ez-, de, of, upon)
  that the gazetteer knows, longest first, filtered against person names, organisations,
  sentence-initial common words and acronyms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ceasefire.resolve.places.gazetteer import (
    NAME_ABBREVIATION,
    NAME_ALTERNATE,
    NAME_CURATED,
    NAME_DEMONYM,
    NAME_MAIN,
    SKELETON_COUNTRIES,
    Gazetteer,
    Place,
)
from ceasefire.resolve.places.names import article_free_key, name_key, skeleton_key

MAX_TOKENS = 6
# Tokens that may sit inside a place name between capitalised words.
CONNECTORS = frozenset(
    "al el ad ash as ar az at an ath adh ez es ed er et en ul ud bin ibn bani beni abu umm "
    "of de del della di da do dos das du la le les los upon on sur am im an der van von y e i and".split()
)
# Lower-case Arabic articles that may start a name ("al-Foua", "ad-Dana").
LEADING_ARTICLES = frozenset("al el ad ash as ar az at an ath adh ez es ed er et en".split())
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
HONORIFICS = frozenset(
    "mr mrs ms miss dr sir gen general col colonel lt maj major capt captain sgt president minister "
    "secretary senator sen rep gov governor mayor judge king queen prince princess sheikh imam rev "
    "pope saint st st. father brother sister".split()
)
# Abbreviations that start a name and never name a place alone.
_BARE_ABBREVIATIONS = frozenset("st mt ft pt".split())
# Words after a name that make it an organisation or a person, not the place itself. Not "police"
# nor "department": "Roselle police", "the Chiefland Police Department" are the town's own, and
# both gold sets count a town named as a modifier.
ORG_TAILS = frozenset(
    "university college school academy hospital church mosque company corporation corp inc ltd "
    "observatory council committee party front army brigade brigades battalion movement group "
    "airlines airways times post herald tribune journal news network agency bank fc club team "
    "institute foundation association union ministry division legion regiment shield".split()
)
# Words that make a multi-word name an organisation rather than a building or an area: "the Syrian
# Observatory for Human Rights", "the Nusra Front", "the Russian Reconciliation Centre". Hospitals,
# schools and mosques are left out on purpose: a strike on "al-Quds hospital" happened at a place.
ORGANISATION_WORDS = frozenset(
    "observatory council committee commission party front army brigade brigades battalion battalions movement "
    "group agency network union association foundation institute ministry department office organisation "
    "organization coalition federation watch programme program fund corps forces authority court tribunal "
    "crescent cross rights affairs monitor monitors bureau secretariat mission".split()
)
FIGHTER_WORDS = frozenset("forces fighters militants troops militiamen militia militias soldiers rebels operation".split())
CURRENCY_WORDS = frozenset("dollar dollars pound pounds peso pesos rupee rupees dinar dinars lira riyal riyals rand".split())
# Last words that make a name a building one can stand in, whatever spaCy calls it.
BUILDING_HEADS = frozenset(
    "church cathedral mosque temple library hospital clinic center centre stadium arena hotel inn theatre theater "
    "courthouse prison jail airport racecourse mall museum palace hall farm farms plantation gardens cemetery "
    "embassy consulate".split()
)
_SURNAME_HEADS = frozenset("hall church farm inn palace temple".split())
LANGUAGE_CUES = frozenset("language languages speaking speaker speakers translation translated dialect".split())
LANGUAGE_BEFORE = frozenset("in speak speaks spoke spoken speaking translated".split())
LANGUAGE_DEMONYMS = frozenset("english french spanish arabic german italian portuguese russian chinese japanese persian turkish hebrew dutch greek".split())
COMMON_ACRONYMS = frozenset("un is isis isil ipo ceo nato ap afp tv cnn bbc gop nfl nba mlb fbi cia nsa ok ad pm am id".split())


_COMMON_WORDS: frozenset[str] | None = None
# Street-like names: "Darby Street", "First Avenue", "Wichita Drive", "Route 128".
STREET_SUFFIXES = frozenset(
    "street st st. avenue ave ave. road rd rd. drive dr. boulevard blvd blvd. lane ln parkway pkwy highway hwy "
    "square place court plaza bridge way terrace".split()
)
ADMIN_SUFFIXES = frozenset("county parish township twp twp. borough".split())
# Words that make a capitalised name a water body or a height: "Red River", "Lake Lanier", "Mount Hermon".
NATURAL_HEADS = frozenset("river creek lake reservoir canal dam island".split())
NATURAL_LEADS = frozenset("lake mount mt".split())
# Heads that make a whole name a road ("Indian Lake Road"), never the place it is named after.
ROAD_HEADS = frozenset("street st avenue ave road rd drive boulevard blvd lane ln parkway pkwy highway hwy".split())
# Last words that make a name a building, a street or a quarter rather than the town it is named after.
FACILITY_HEADS = STREET_SUFFIXES | frozenset(
    "embassy consulate hotel quarter theatre theater center centre stadium arena mall airport station "
    "hospital palace market bazaar".split()
)
# Words that make the capitalised name before or after them a place: "the village of Khanasir",
# "the Aziziyah district", "Manger Square", "Tel Hamis".
PLACE_OF_WORDS = frozenset(
    "town towns village villages city cities district districts neighbourhood neighborhood neighbourhoods "
    "neighborhoods suburb suburbs area region province governorate camp hamlet municipality localities "
    "quarter outskirts".split()
)
SETTLED_AFTER = frozenset("district village town governorate province neighbourhood neighborhood quarter suburb camp subdistrict square".split())
PLACE_AFTER_WORDS = frozenset(
    "district neighbourhood neighborhood quarter suburb camp province governorate region valley village town "
    "square palace stadium museum cathedral mosque airport airbase crossing checkpoint bridge".split()
)
ARABIC_PLACE_PREFIXES = frozenset(
    "tel tal tell tall kafr kfar kafar deir dayr ain ayn ein beit bayt jisr qasr bab wadi jabal "
    "jebel ras maarat marj bir hawsh hosh haouch housh mazraat qalaat qalat mazraa kafer".split()
)
LOCATIVE = frozenset("in at near outside inside into from across throughout around".split())
NON_PLACE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
# Words before a name that make it the place something happened: "gathered in Gedaref", "clashes near
# Rostov-on-Don", "residents of the town of X". Not "to" or "of" alone: "wrote to Jackson", "the
# words of Lincoln".
RESCUE_BEFORE = frozenset("in at near outside inside from around towards toward into across throughout".split())
# Verbs of fire and of taking ground whose object is a place ("forces shelled Douma", "rebels
# captured Khan Touman"), and the nouns of those acts before "of" ("the siege of Madaya"). Not
# "attacked", "targeted" or "hit", which take people too ("attacked Clinton"), nor "the capture of"
# or "the fall of" (a man is captured, a ruler falls).
FIRE_VERBS = frozenset(
    "shelled shelling shells bombed bombing bombs bombarded bombarding pounded pounding besieged besieging "
    "stormed storming recaptured recapturing retook retaking overran overrunning liberated entered "
    "encircled encircling".split()
)
FIRE_NOUNS = frozenset("siege shelling bombing bombardment bombardments recapture liberation encirclement".split())
DIRECTION_WORDS = frozenset(
    "north south east west northern southern eastern western central northeastern northwestern southeastern "
    "southwestern north-eastern north-western south-eastern south-western northeast northwest southeast southwest".split()
)
# Words after a name that make it a place ("Diwaniya city", "Gedaref state", "Lainya county") when written
# in lower case; a capital ("Ohio State", "Police Department") often starts an institution's name instead.
RESCUE_AFTER = frozenset(
    "city town village villages district province state governorate region county municipality oblast prefecture "
    "department subdistrict sub-district township area camp neighbourhood neighborhood suburb countryside".split()
)
RESCUE_AFTER_CAPITALISED = frozenset("province governorate district oblast region".split())
# Words that start the name of a group, not of a place, in Arabic transliteration: "Ahrar al-Sham" (the free
# men of the Levant), "Jaish al-Islam" (army), "Jabhat al-Nusra" (front), "Liwa al-Quds" (brigade), "Faylaq
# al-Sham" (legion), "Kataib Hezbollah" (battalions), "Harakat Nour al-Din al-Zenki" (movement). Followed by a
# name, they make the whole an organisation whose place-like words ("Sham", "Quds") are no toponyms.
GROUP_HEADS = frozenset(
    "ahrar jaish jaysh jabhat jebhat harakat harakah liwa liwaa faylaq failaq kataib kata'ib katibat katiba saraya "
    "fursan jund usud hizb alwiya alwiyat quwat majlis tajammu hayat hay'at ansar".split()
)
# Group names known the world over whose words are also places somewhere (Boko, Congo; Haram, Norway).
GROUP_NAMES = frozenset({"boko haram", "al shabaab", "al shabab", "ash shabaab", "al shebab"})
# First words of compound names that never name a place alone when a name follows: "Al-" (not Ål in
# Norway), "Abu Saida" (not Abu in India), "El Furrial" (not the alternate "El" of some town).
NAME_PREFIXES = frozenset(
    "al el ad ar as ash at az an abu umm um bin ibn bani beni ben san santa santo sao são los las la le wa".split()
)


def common_words(nlp_vocab_owner=None) -> frozenset[str]:
    """English words with a verb, adjective or adverb use (WordNet's index in spaCy's English
    lemmatizer tables): "March", "Police", "Bell", "Hope" are words before they are towns."""
    global _COMMON_WORDS
    if _COMMON_WORDS is None:
        words: set[str] = set()
        try:
            from ceasefire.nlp import load_pipeline

            nlp = load_pipeline(("lemmatizer",))
            lemmatizer = dict(nlp.components).get("lemmatizer")
            table = lemmatizer.lookups.get_table("lemma_index")
            for pos in ("verb", "adj", "adv"):
                words.update(table.get(nlp.vocab.strings[pos], []))
            from spacy.lang.en.stop_words import STOP_WORDS

            words.update(STOP_WORDS)
        except Exception:  # the pipeline always ships these tables; without them, no filter
            pass
        _COMMON_WORDS = frozenset(words)
    return _COMMON_WORDS


_COMMON_NOUNS: frozenset[str] | None = None


def common_nouns() -> frozenset[str]:
    """English common nouns (WordNet's noun index in spaCy's English lemmatizer tables)."""
    global _COMMON_NOUNS
    if _COMMON_NOUNS is None:
        try:
            from ceasefire.nlp import load_pipeline

            nlp = load_pipeline(("lemmatizer",))
            table = dict(nlp.components)["lemmatizer"].lookups.get_table("lemma_index")
            _COMMON_NOUNS = frozenset(table.get(nlp.vocab.strings["noun"], []))
        except Exception:
            _COMMON_NOUNS = frozenset()
    return _COMMON_NOUNS


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
    t = tok.text
    if not t:
        return False
    ch = t[0]
    if "\u0600" <= ch <= "\u06ff":  # Arabic script
        return True
    return ch.isupper()


SPEECH_VERBS = frozenset("said says told added noted explained stated".split())


def sent_start_tok(tokens, k: int) -> bool:
    return tokens[k].is_sent_start or (k > 0 and "\n" in tokens[k - 1].text)


def _glued(prev, tok) -> bool:
    return prev.idx + len(prev.text) == tok.idx


def lookup_candidates(gaz: Gazetteer, text: str) -> list[tuple[Place, int, str]]:
    """Gazetteer entries for a surface form: exact key, then without the article, then skeleton."""
    key = name_key(text)
    out = [(p, kind, "exact") for p, kind in gaz.candidates(key)]
    if not (text.isupper() or "." in text):
        # Postal and AP abbreviations only as written: "AL", "Ill.", not "Al-Mansheyyi".
        out = [c for c in out if c[1] != NAME_ABBREVIATION]
    af = article_free_key(text)
    if af != key:
        seen = {p.id for p, _, _ in out}
        out += [(p, kind, "article") for p, kind in gaz.candidates(af) if p.id not in seen]
    if not out and key.endswith(" s"):
        out = [(p, kind, "exact") for p, kind in gaz.candidates(key[:-2])]  # "Aleppo's" tokenised apart
    if not out and " " not in key and len(key) > 8 and text[:1].isupper() and key.endswith(_GLUED_DIRECTIONS):
        # A town run together with the compass word after it by cleaning: "Kobaninorth", "Idlibsouth".
        stem = _GLUED_DIRECTION_RE.sub("", key)
        if len(stem) >= 4:
            out = [(p, kind, "exact") for p, kind in gaz.candidates(stem)
                   if kind in (NAME_MAIN, NAME_CURATED) and (p.is_country or p.is_admin1 or p.population >= 1000 or p.source.startswith("supplement"))]
    if not out and len(key) > 4 and key.endswith("s") and " " not in key and text[:1].isupper():
        # A possessive whose apostrophe cleaning lost: "Syrias Hama", "Iraqs north". Countries and
        # first-level areas only: "Jones" is no town's possessive.
        out = [(p, kind, "exact") for p, kind in gaz.candidates(key[:-1]) if (p.is_country or p.is_admin1) and kind in (NAME_MAIN, NAME_CURATED)]
    if not out:
        for prefix in ("republic of ", "kingdom of ", "state of ", "commonwealth of ", "islamic republic of ", "people s republic of "):
            if key.startswith(prefix):
                out = [(p, kind, "exact") for p, kind in gaz.candidates(key[len(prefix):]) if p.is_country or p.is_admin1]
                break
    # Transliterations vary: the consonant outline may reach the place a report means even when
    # the exact spelling names another ("Arbin" is 'Irbin near Damascus, and a hamlet in France).
    # The resolver takes such a reading only inside the report's countries.
    sk = skeleton_key(text) if text.isascii() else ""
    if len(sk) >= 4:
        seen = {p.id for p, _, _ in out}
        out += [(p, NAME_ALTERNATE, "skeleton") for p in gaz.skeleton_candidates(sk) if p.id not in seen]
    return out


def _lost_possessive(gaz: Gazetteer, word: str) -> bool:
    """A country's or first-level area's possessive whose apostrophe was lost: "Syrias", "Iraqs"."""
    key = name_key(word)
    if len(key) <= 4 or not key.endswith("s") or " " in key or gaz.candidates(key):
        return False
    return any((p.is_country or p.is_admin1) and kind in (NAME_MAIN, NAME_CURATED) for p, kind in gaz.candidates(key[:-1]))


_GLUED_DIRECTIONS = ("north", "south", "east", "west", "northern", "southern", "eastern", "western")
_GLUED_DIRECTION_RE = re.compile(r"(?:north|south|east|west)(?:ern)?$")


def _strong(cands: list[tuple[Place, int, str]], allow_alternate: bool = True) -> bool:
    """At least one candidate that a capitalised word alone may stand for."""
    for p, kind, match in cands:
        if match == "skeleton" or kind == NAME_ABBREVIATION or (kind == NAME_ALTERNATE and not allow_alternate):
            continue
        if kind == NAME_DEMONYM or p.is_country or p.is_admin1 or p.is_admin2 or p.feature_code in ("CONT", "RGN"):
            return True
        if p.source.startswith("supplement") or p.source.startswith("admin1") or kind == NAME_CURATED:
            return True  # curated: a press spelling of a conflict town ("Tel Abyad"), whatever its census
        if kind != NAME_ALTERNATE and kind != NAME_ABBREVIATION and p.population >= 1000:
            return True
        if kind == NAME_ALTERNATE and p.population >= 100_000:
            return True
    return False


def _curated(cands) -> bool:
    """A reading from the curated supplement or press spellings (conflict places spaCy often misreads)."""
    return any(kind == NAME_CURATED or p.source.startswith("supplement") for p, kind, match in cands if match != "skeleton")


def _big(cands) -> bool:
    """Worth naming inside an organisation's name ("Syrian Observatory", "Ohio State")."""
    for p, kind, match in cands:
        if match == "skeleton" or kind in (NAME_ABBREVIATION, NAME_ALTERNATE):
            continue
        if kind == NAME_DEMONYM or p.is_country or p.is_admin1 or p.is_admin2 or p.feature_code in ("CONT", "RGN"):
            return True
        if p.population >= 100_000 and kind != NAME_ALTERNATE:
            return True
    return False


def find_mentions(doc, gaz: Gazetteer) -> list[Mention]:
    """Every place mention in a spaCy ``Doc`` (offsets into ``doc.text``)."""
    text = doc.text
    tokens = list(doc)
    n = len(tokens)
    ent_of = [None] * n
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ent_of[i] = ent
    # Tokens of multi-word person names: "Henry" alone later in the report is that person.
    person_tokens = set()
    # First names of multi-word persons: "Tim" alone after "Kristina and Tim Jones" is the man.
    given_names = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            for t in ent[1:]:
                person_tokens.add(t.text)
            if ent[0].is_alpha and _is_cap(ent[0]):
                given_names.add(ent[0].text)
    # One word that says something is a person too: "Johnson said", "“...,” said Noma."
    for k, t in enumerate(tokens):
        if not (t.is_alpha and _is_cap(t)) or (k > 0 and _is_cap(tokens[k - 1]) and not sent_start_tok(tokens, k)):
            continue
        if k + 1 < n and tokens[k + 1].lower_ in SPEECH_VERBS and (k + 2 >= n or not _is_cap(tokens[k + 2])):
            given_names.add(t.text)
        elif k >= 2 and tokens[k - 1].lower_ in ("said", "says") and tokens[k - 2].text in ('"', "”", "’", "'", ",") \
                and (k + 1 >= n or not _is_cap(tokens[k + 1])):
            given_names.add(t.text)
    # ... unless the report also puts it after "in", "near", "from": "Avondale Mayor Ed Rieker" and
    # "22 lots in Avondale" name the town.
    given_names -= {t.text for t in doc[1:] if doc[t.i - 1].lower_ in LOCATIVE or doc[t.i - 1].lower_ in ("to", "of")}
    sent_start = [False] * n
    title_case = [False] * n  # headlines capitalise every word: capitals prove nothing there
    for s in doc.sents:
        sent_start[s.start] = True
        words = [t for t in s if t.is_alpha and len(t.text) > 3]
        if len(words) >= 4 and sum(1 for t in words if t.text[0].isupper()) >= 0.8 * len(words):
            for k in range(s.start, s.end):
                title_case[k] = True

    mentions: list[Mention] = []
    taken = [False] * n

    def add(i: int, j: int, cands, label) -> None:
        if _byline_name(tokens, i):
            return  # "By Karim Nassar": the author, whatever the gazetteer's spellings reach
        start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)
        m = Mention(start, end, text[start:end], list(cands), label, token_start=i, token_end=j)
        m.sentence_start = tokens[i].sent.start_char
        named = [kind for _, kind, match in cands if match != "skeleton"]  # outlines are guesses, not readings
        m.demonym = bool(named) and all(kind == NAME_DEMONYM for kind in named)
        m.person_like = (label == "PERSON" and j - i == 1 and not _big(cands)
                         and not any(p.source.startswith("supplement") for p, _, _ in cands)
                         and not (i > 0 and tokens[i - 1].lower_ in LOCATIVE) and not _place_cue(tokens, i, j))
        mentions.append(m)
        for k in range(i, j):
            taken[k] = True

    def cap_run(a: int) -> int:
        b = a
        while b < n and not taken[b] and (_is_cap(tokens[b]) or (b > a and tokens[b].text in "-‐" and b + 1 < n and _is_cap(tokens[b + 1]))
                                          or (b > a and tokens[b].lower_ in LEADING_ARTICLES and b + 1 < n and tokens[b + 1].text in "-‐")):
            if tokens[b].is_punct and tokens[b].text not in "-‐":
                break
            b += 1
            if b - a >= 4:
                break
        while b > a and tokens[b - 1].text in "-‐":
            b -= 1
        return b

    def free(a: int, b: int, persons: bool = False) -> bool:
        # The word beside the name is the evidence; spaCy's label over the name itself may be wrong.
        refused = ("DATE", "TIME", "EVENT", "WORK_OF_ART", "MONEY", "CARDINAL") + (() if persons else ("PERSON",))
        return b > a and not any(taken[a:b]) and all(ent_of[k] is None or ent_of[k].label_ not in refused for k in range(a, b))

    # Names of armed groups whose words are places elsewhere ("Ahrar al-Sham", "Boko Haram"): no toponyms.
    for k in range(n):
        if taken[k] or not _is_cap(tokens[k]):
            continue
        low = tokens[k].lower_
        if low in GROUP_HEADS and k + 1 < n and "\n" not in tokens[k].whitespace_ and (
                _is_cap(tokens[k + 1]) or tokens[k + 1].lower_ in LEADING_ARTICLES or tokens[k + 1].text in "-‐"):
            b = cap_run(k + 1) if _is_cap(tokens[k + 1]) else cap_run(k + 2) if k + 2 < n and tokens[k + 1].text not in "-‐" else k + 1
            if tokens[k + 1].text in "-‐" or tokens[k + 1].lower_ in LEADING_ARTICLES:
                b = cap_run(k)
            for t in range(k, max(b, k + 1)):
                taken[t] = True
        elif k + 1 < n and f"{low} {name_key(tokens[k + 1].text)}" in GROUP_NAMES:
            taken[k] = taken[k + 1] = True

    # 0. Rivers, lakes and mountains the gazetteer lacks: "the Red River", "Lake Lanier", "Kishwaukee
    #    River". The whole name is the place (near the report's town), not a state or town inside it
    #    ("Mississippi River", "Lake Vermont"); spaCy's entities may split them, so this comes first.
    for k in range(n):
        tok = tokens[k]
        if taken[k] or not _is_cap(tok):
            continue
        a = b = None
        lead = (tok.lower_.rstrip(".") in NATURAL_LEADS and k + 1 < n and _is_cap(tokens[k + 1]) and tokens[k + 1].is_alpha
                and tokens[k + 1].lower_ not in ROAD_HEADS and not (k > 0 and _is_cap(tokens[k - 1]) and tokens[k - 1].is_alpha))
        # ... not inside a longer name: "Indian Lake Road", "Cedar River Seafood".
        inside = k + 1 < n and _is_cap(tokens[k + 1]) and tokens[k + 1].is_alpha
        if tok.lower_ in NATURAL_HEADS and k > 0 and not lead and not inside:
            a = k
            while (a > 0 and not taken[a - 1] and _is_cap(tokens[a - 1]) and tokens[a - 1].is_alpha and k - a < 3
                   and tokens[a - 1].lower_ not in ("the", "a", "an") and not tokens[a - 1].lower_ in NATURAL_LEADS):
                a -= 1
            b = k + 1
        elif lead:
            a, b = k, k + 2
            if k + 2 < n and _is_cap(tokens[k + 2]) and tokens[k + 2].is_alpha:
                longer = text[tokens[k].idx: tokens[k + 2].idx + len(tokens[k + 2].text)]
                if any(c[2] != "skeleton" for c in lookup_candidates(gaz, longer)):
                    b = k + 3
        if a is None or (a == k and b == k + 1) or any(taken[a:b]):
            continue
        if ent_of[a] is not None and ent_of[a].label_ in ("PERSON", "ORG") and tokens[a].lower_.rstrip(".") not in NATURAL_LEADS:
            continue
        surface = text[tokens[a].idx: tokens[b - 1].idx + len(tokens[b - 1].text)]
        add(a, b, [c for c in lookup_candidates(gaz, surface) if c[2] != "skeleton"], "LOC")

    # 1. spaCy place entities, trimmed of a leading "the".
    for ent in doc.ents:
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
                        continue
                    # "Oak Mills", "Meadow Grove": a place whose last word alone is some small town
                    # elsewhere is a place the gazetteer lacks, placed by context.
                    cands = []
        if _excluded_acronym(surface, cands) or (surface.upper() in ("B.C.", "BC") and i > 0 and tokens[i - 1].like_num):
            continue  # ... "300 B.C." is a year
        if j - i == 1 and tokens[i].lower_ in NAME_PREFIXES and j < n and _is_cap(tokens[j]) and tokens[j].is_alpha \
                and "\n" not in tokens[i].whitespace_:
            continue  # "Abu" of "Abu Jadha Kabir": the scan reads the compound (see NAME_PREFIXES)
        if not any(c[2] != "skeleton" for c in cands) and _organisation_name(tokens, i, j):
            continue  # spaCy's FAC/GPE over "the Syrian Observatory for Human Rights" or a byline's author
        if j - i == 1 and (tokens[i].text in person_tokens or (tokens[i].text in given_names and not _curated(cands))) and not _big(cands):
            continue  # "Ripley" after "coach Dan Ripley": spaCy's GPE is the man
        add(i, j, cands, ent.label_)

    # 1b. Buildings spaCy calls an organisation or a person: "Carnegie Library", "Barclays Center",
    #     "Holy Redeemer Church". A strike or a shooting at one happened there; it lies in the
    #     report's town. A name holding a known place ("Aleppo University Hospital") is left to the
    #     scan, which finds the town; an organisation's name ("... Council") stays no place.
    for ent in doc.ents:
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

    # 2. The gazetteer over capitalised runs. The countries the report names (by name or people)
    #    vouch for local spellings of their towns: "Afes" and "Thiban" in a report on Idlib and
    #    Deir ez-Zor are places, whatever spaCy calls them.
    focus = _named_countries(mentions)
    i = 0
    while i < n:
        tok = tokens[i]
        starts_name = _is_cap(tok) or (
            tok.lower_ in LEADING_ARTICLES and i + 2 < n and tokens[i + 1].text in "-‐" and _is_cap(tokens[i + 2])
        )
        if taken[i] or not starts_name or tok.is_punct or tok.like_num:
            i += 1
            continue
        best = outline = None
        if _in_compound(tokens, i, i + 1) and i > 0 and tokens[i - 1].text in "-‐":
            i += 1  # "Avon" of "Stratford-upon-Avon": the compound is read whole or not at all
            continue
        for j in range(min(n, i + MAX_TOKENS), i, -1):
            if any(taken[i:j]) or _in_compound(tokens, i, j):
                continue
            last = tokens[j - 1]
            if not (_is_cap(last) or (j - i == 1)) or last.is_punct and last.text not in (".",):
                continue
            if not all(_inner_ok(tokens, k, i) for k in range(i + 1, j)):
                continue
            surface = text[tokens[i].idx: last.idx + len(last.text)]
            cands = lookup_candidates(gaz, surface)
            if not cands:
                # "Calif." / "W.Va.": the dot is part of an abbreviation.
                if j < n and tokens[j].text == "." and _glued(last, tokens[j]):
                    cands = lookup_candidates(gaz, surface + ".")
                    if cands:
                        j += 1
            if (cands and j - i > 1 and all(c[2] == "skeleton" for c in cands)
                    and ent_of[i] is not None and ent_of[i].label_ in PLACE_LABELS):
                # A consonant outline over several words of a place entity ("Syrias Hama") is a guess:
                # a shorter exact name inside it comes first. (Over other words, "Toyota Corolla", the
                # outline keeps the words from being read one by one.)
                outline = outline or (j, cands)
                continue
            if cands:
                best = (j, cands)
                break
        if best is None and outline is not None and not any(
                c[2] != "skeleton" for c in lookup_candidates(gaz, text[tokens[i + 1].idx: tokens[outline[0] - 1].idx + len(tokens[outline[0] - 1].text)])):
            best = outline
        if best is None:
            # "Kafr Basin", "Tel Hamis": an Arabic toponymic prefix makes the name a place even when
            # the gazetteer lacks it (and keeps "Basin" from being read alone).
            if tok.lower_ in ARABIC_PLACE_PREFIXES and i + 1 < n and (_is_cap(tokens[i + 1]) or tokens[i + 1].lower_ in LEADING_ARTICLES):
                b = cap_run(i + 1)
                if b > i + 1 and free(i, b, persons=True):
                    add(i, b, [], "LOC")
                    i = b
                    continue
            i += 1
            continue
        j, cands = best
        if (j - i == 1 and (tok.lower_ in NAME_PREFIXES or tok.lower_ in ARABIC_PLACE_PREFIXES) and j < n and "\n" not in tok.whitespace_
                and (tokens[j].text in "-‐" or (_is_cap(tokens[j]) and tokens[j].is_alpha and tokens[j].lower_ not in common_words()))):
            # "Al-Tabqa", "Abu Saida", "El Furrial", "Tal Syriatel" the gazetteer lacks: the article or
            # prefix alone is no place (Ål, Norway; At Tall). After "in", "near", "the town of", or with a
            # toponymic prefix ("Tal", "Kafr"), the whole is a place placed by context.
            b = cap_run(i)
            inside = i > 0 and tokens[i - 1].is_alpha and _is_cap(tokens[i - 1]) and not sent_start[i]  # "Khamsa Wa Khamson"
            if (b > i + 1 and not inside and (_place_cue(tokens, i, b) or tok.lower_ in ARABIC_PLACE_PREFIXES) and free(i, b, persons=i > 0 and tokens[i - 1].lower_ != "from")
                    and not _organisation_name(tokens, i, b) and not any(t.lower_ in ORG_TAILS for t in tokens[i:b])):
                add(i, b, [], "LOC")
            i = max(b, i + 1)
            continue
        if i > 0 and taken[i - 1] and ent_of[i] is not None and ent_of[i] is ent_of[i - 1] and not _big(cands):
            i = j  # the rest of a name begun by a place: "Al-Balad" of "Dar'a Al-Balad" is no Balad in Iraq
            continue
        if title_case[i] and j - i == 1 and not _big(cands) and (ent_of[i] is None or ent_of[i].label_ not in PLACE_LABELS):
            i += 1
            continue
        if j - i == 1 and tok.text in given_names and not _big(cands) and not _curated(cands) and not _dateline_town(tokens, i, j, tok.text, cands, sent_start, text):
            i += 1
            continue
        if _keep_scanned(tokens, i, j, cands, ent_of, person_tokens, sent_start, text, focus):
            add(i, j, cands, ent_of[i].label_ if ent_of[i] is not None else None)
            i = j
        elif (j - i >= 2 and tok.lower_ in ARABIC_PLACE_PREFIXES and free(i, j, persons=True)
              and not (i > 0 and tokens[i - 1].lower_.rstrip(".") in HONORIFICS)):
            # "Kafr Nobol", "Tal Hawash": a toponymic prefix makes the name a place even when only its
            # consonant outline reaches the gazetteer; the outline is weighed against the report's countries.
            add(i, j, cands, "LOC")
            i = j
        else:
            i += 1

    # 3. Streets, roads and counties the gazetteer does not hold: "Darby Street", "Laurel County".
    for i in range(n):
        if taken[i] or not _is_cap(tokens[i]) or tokens[i].is_punct:
            continue
        if ent_of[i] is not None and ent_of[i].label_ in ("PERSON", "ORG") and not _street_entity(tokens, ent_of[i]):
            continue
        for k in range(i + 1, min(n, i + 5)):
            tok = tokens[k]
            if taken[k] or not (_is_cap(tok) or tok.like_num):
                break
            if tok.lower_ in STREET_SUFFIXES or tok.lower_ in ADMIN_SUFFIXES:
                j = k + 1
                if j < n and tokens[j].text == "." and _glued(tok, tokens[j]) and tok.lower_ in ("st", "ave", "rd", "blvd"):
                    j += 1
                found = lookup_candidates(gaz, text[tokens[i].idx: tokens[j - 1].idx + len(tokens[j - 1].text)])
                add(i, j, found, "FAC" if not found else "LOC")
                mentions[-1].street = not found
                break

    # 4. Names the words around them make places: "the village of Khanasir", "the Aziziyah district",
    #    "Tel Hamis" (Arabic toponymic prefixes). The gazetteer may not know them; the report does.
    for i in range(n - 2):
        tok = tokens[i]
        if tok.lower_ in PLACE_OF_WORDS and tokens[i + 1].lower_ == "of":
            a = i + 2
            if a < n and tokens[a].lower_ == "the":
                a += 1
            b = cap_run(a) if a < n else a
            # "the town of Busayrah": the words say it is a place, whatever spaCy's label (a person's).
            if free(a, b, persons=True) and not all(t.lower_ in common_words() for t in tokens[a:b]):
                add(a, b, lookup_candidates(gaz, text[tokens[a].idx: tokens[b - 1].idx + len(tokens[b - 1].text)]), "LOC")
    for i in range(1, n):
        if tokens[i].lower_ in PLACE_AFTER_WORDS and not _is_cap(tokens[i - 1]) is False:
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

    # 5. "Becker, Clay, Douglas and Wilkin counties": every name of the list is a county (or parish),
    #    whatever town of that name the scan found first.
    for k in range(n):
        if tokens[k].lower_ not in ("counties", "parishes"):
            continue
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
            sep = a - 1
            if sep < 0:
                break
            if tokens[sep].text == ",":
                b = sep - 1 if sep > 0 and tokens[sep - 1].lower_ in ("and", "or") else sep
            elif tokens[sep].lower_ in ("and", "or", "&"):
                b = sep - 1 if sep > 0 and tokens[sep - 1].text == "," else sep
            else:
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

    _repeat_names(tokens, mentions, taken, ent_of, person_tokens | given_names, add)

    mentions.sort(key=lambda m: m.start)
    for m in mentions:
        _read_cues(m, tokens, text)
    return mentions


def _repeat_names(tokens, mentions: list[Mention], taken, ent_of, person_names, add) -> None:
    """One name, one sense in a report: a place found once ("to Cirencester", "in Augusta") is the
    same place where the report names it again in words that alone prove nothing ("the Cirencester
    junction", "the Augusta Herald", "Cauvery Management Board", which spaCy calls a person's or an
    organisation's). Only a name read with confidence lends itself (a gazetteer name a capitalised
    word may stand for, not read as a person's), and never to a person's name running past it
    ("Jenny Sutton"), a title's bearer ("Mayor Green"), a language ("English is") or a street."""
    sources: dict[str, tuple[tuple[str, ...], Mention]] = {}
    for m in mentions:
        if (not m.candidates or m.person_like or m.street or m.label == "PERSON"
                or not _strong(m.candidates, allow_alternate=False)):
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
        if i > 0 and tokens[i - 1].is_alpha and _is_cap(tokens[i - 1]) and not tok.is_sent_start and "\n" not in tokens[i - 1].whitespace_:
            continue  # the end of a longer name: "Alfa Romeo", "Grand Casino", "Ann Fisher"
        ent = ent_of[i]
        if ent is not None and (ent.label_ in NON_PLACE_LABELS or ent.label_ in ("PRODUCT", "WORK_OF_ART", "EVENT", "LAW")
                                or (ent.label_ == "PERSON" and (ent.start < i or ent.end > j))):
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
        add(i, j, m.candidates, ent.label_ if ent is not None else None)


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


TAIL_TOWN_POP = 20_000  # a last word naming a town this big is that town (see _only_tail_known)


def _town_of_size(cands) -> bool:
    """A town of TAIL_TOWN_POP or more by its own or a curated name, in the countries whose notes name
    a village with the town it lies by ("Mreimin Afrin"): after another capitalised word it is still
    that town, not a hamlet's namesake."""
    return any(kind in (NAME_MAIN, NAME_CURATED) and match != "skeleton" and p.population >= TAIL_TOWN_POP
               and p.country in SKELETON_COUNTRIES for p, kind, match in cands)


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


# Words after a town's name that make what spaCy took for a person the town's office or people:
# "Huntsville Fire Chief", "Anderson County Sheriff", "Rock Hill City Manager", "Athens Parks".
INSTITUTION_WORDS = frozenset(
    "fire police sheriff sheriff's city county township village town borough parish council mayor chief "
    "board department parks schools school elementary middle high community public municipal police".split()
)


TITLES_OF = HONORIFICS | frozenset(
    "duke duchess earl countess count lord lady archbishop bishop baron baroness marquess viscount emir "
    "sultan archduke dean".split())


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
    return ent.start == i and j < ent.end and tokens[j].lower_ in INSTITUTION_WORDS and _is_cap(tokens[j])


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
    return False


def _named_countries(mentions: list[Mention]) -> frozenset[str]:
    """Countries of the transliteration belt (see gazetteer.SKELETON_COUNTRIES) that the mentions
    found so far name outright, by name, people or first-level division."""
    out = set()
    for m in mentions:
        for p, kind, match in m.candidates:
            if match != "skeleton" and kind != NAME_ALTERNATE and (p.is_country or p.is_admin1 or kind == NAME_DEMONYM):
                if p.country in SKELETON_COUNTRIES:
                    out.add(p.country)
    return frozenset(out)


def _local_spelling(cands, focus: frozenset[str]) -> bool:
    """A town of a country the report names, reached by a curated spelling or by a GeoNames
    alternate ("Afes" for Afis): transliterations vary most exactly there."""
    for p, kind, match in cands:
        if match == "skeleton" or p.country not in focus or p.feature_class != "P":
            continue
        if kind in (NAME_CURATED, NAME_MAIN) or p.source.startswith("supplement") or (kind == NAME_ALTERNATE and p.population >= 1000):
            return True
    return False


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


def _in_compound(tokens, i: int, j: int) -> bool:
    """Whether tokens[i:j] are a part of a hyphenated compound name ("Avon" in "Stratford-upon-Avon",
    "Rostov" in "Rostov-on-Don"): the whole is the name, never a part alone."""
    n = len(tokens)
    if i >= 3 and tokens[i - 1].text in "-‐" and tokens[i - 3].text in "-‐" and tokens[i - 2].is_lower \
            and _glued(tokens[i - 3], tokens[i - 2]) and _glued(tokens[i - 2], tokens[i - 1]) and _glued(tokens[i - 1], tokens[i]):
        return True
    return (j + 2 < n and tokens[j].text in "-‐" and tokens[j + 2].text in "-‐" and tokens[j + 1].is_lower
            and _glued(tokens[j - 1], tokens[j]) and _glued(tokens[j], tokens[j + 1]) and _glued(tokens[j + 1], tokens[j + 2]))


def _keep_scanned(tokens, i, j, cands, ent_of, person_tokens, sent_start, text, focus: frozenset[str] = frozenset()) -> bool:
    """Whether a gazetteer hit over capitalised tokens is a place mention."""
    first, last = tokens[i], tokens[j - 1]
    surface = text[first.idx: last.idx + len(last.text)]
    if _dateline_town(tokens, i, j, surface, cands, sent_start, text):
        return True
    if focus and _local_spelling(cands, focus) and not (i > 0 and tokens[i - 1].lower_.rstrip(".") in HONORIFICS):
        ent = ent_of[i]
        if ent is None or ent.label_ not in ("PERSON", "DATE", "TIME", "CARDINAL", "MONEY") or tokens[i - 1].lower_ in LOCATIVE:
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
    if (single and i > 0 and tokens[i - 1].is_alpha and _is_cap(tokens[i - 1]) and not sent_start[i] and not sent_start[i - 1]
            and "\n" not in tokens[i - 1].whitespace_ and tokens[i - 1].lower_ not in DIRECTION_WORDS
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
            return not (single and first.lower_ in common_nouns() and not _big(cands))
        return _big(cands)
    if j < len(tokens) and tokens[j].lower_ in ORG_TAILS and not _big(cands):
        return False
    if sent_start[i] and single and first.pos_ != "PROPN" and not _big(cands):
        return False
    if single and first.pos_ not in ("PROPN", "NOUN", "ADJ", "X") and not _big(cands):
        return False
    if single and first.pos_ in ("NOUN", "ADJ") and not _strong(cands):
        return False
    # spaCy's place entity vouches for a weak reading of the whole entity only, not of a word inside
    # it ("Area" of "Western Area Urban" is no alternate name of an Illinois town).
    whole = ent is not None and (j == ent.end or (j == ent.end - 1 and tokens[j].lower_ in RESCUE_AFTER | PLACE_AFTER_WORDS)) \
        and (ent.start == i or (ent.start == i - 1 and tokens[ent.start].lower_ == "the"))
    return _strong(cands) or (ent is not None and ent.label_ in PLACE_LABELS and whole)


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
    if after_tok in _ADMIN_AFTER or _ADMIN_BEFORE.search(before) or _ADMIN_LIST_AFTER.match(text[m.end: m.end + 80]):
        m.admin_cue = True
    if (after_tok in _SETTLEMENT_AFTER and not m.demonym and not any(kind == NAME_DEMONYM for _, kind, _ in m.candidates)) \
            or _SETTLEMENT_BEFORE.search(before):
        m.settlement_cue = True  # not "the English city of Salisbury": a city in England
    if _NEAR_BEFORE.search(before):
        m.near_cue = True
    after = text[m.end: m.end + 80]
    # "Springfield, Ill." / "Maadi district in eastern Aleppo" / "the Sukkari district of Aleppo"
    cm = _CONTAINER_AFTER.match(after)
    if cm and "\n" not in after[: cm.end()]:
        # "Aleppo, Homs and Hama" is a list, not Aleppo inside Homs.
        listed = "," in after[: cm.start(1)] and _LIST_AFTER.match(after[cm.end(1):])
        if not listed:
            m.container_text = cm.group(1)
