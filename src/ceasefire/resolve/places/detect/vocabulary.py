"""Words that tell a place name from other capitalised words: connectors, titles, the heads of
organisations, buildings, streets and natural features, place cues, and the English words
(WordNet via spaCy's lemmatizer tables) that are words before they are towns."""

from __future__ import annotations



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


SPEECH_VERBS = frozenset("said says told added noted explained stated".split())


# Words after a town's name that make what spaCy took for a person the town's office or people:
# "Huntsville Fire Chief", "Anderson County Sheriff", "Rock Hill City Manager", "Athens Parks".
INSTITUTION_WORDS = frozenset(
    "fire police sheriff sheriff's city county township village town borough parish council mayor chief "
    "board department parks schools school elementary middle high community public municipal police "
    "historical volunteer correctional library selectman selectmen".split()
)


TITLES_OF = HONORIFICS | frozenset(
    "duke duchess earl countess count lord lady archbishop bishop baron baroness marquess viscount emir "
    "sultan archduke dean".split())
