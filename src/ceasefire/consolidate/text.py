"""The text signal of consolidation: the rare words two reports of one incident share.

Two outlets telling one incident name the same village, the same hospital, the
same victims, the same unusual weapon and the same figures, whatever type,
place precision or date their extraction settled on; two incidents in one city
on one day share only the words every conflict report uses. A claim's *terms*
are the words of its evidence sentences (and of its report's headline and lead, for
the report's main claim) minus English function words, the vocabulary of conflict
reporting itself (killed, air strikes, monitor, Syrian, Saturday, ...) and of web
pages' chrome (Tags, Get short URL, Copyright), each
reduced to a transliteration key so that the spellings of one Arabic name meet
(Khan Shaykhun / Khan Sheikhoun, Rashidin / Rashideen, Tokhar / al-Tukhar); a name whose
consonants are too few for that key (Quriyah, Duma) keeps the shape of its vowels (``k*r*``).

Numbers are kept from 10 upwards (thousands written "1,300" as one number), except
years and the numbers of dates and clock times ("21.02.2016", "Feb 21", "14:56":
every report of a day shares them): "58 killed" and "58 dead" in two reports is a
strong hint, "two killed" is not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

#: Words every conflict report uses: sharing them says nothing about sharing an incident.
#: (Conflict-reporting vocabulary, ACLED's type names, attribution verbs, calendar words.)
REPORTING_WORDS = frozenset(
    """
    syria syrian syrians country countries government regime forces force army military troops soldier soldiers
    rebel rebels opposition insurgent insurgents fighters fighter militants militant jihadist jihadists group groups
    islamic state isis isil daesh al qaeda nusra front observatory human rights monitor monitoring britain based uk
    said says say saying told tells reported reports report reporting according statement statements added claimed
    news agency media official officials source sources activist activists correspondent spokesman spokeswoman
    killed kill killing killings kills dead death deaths died die toll tolls wounded wounding injured injuring injuries
    people civilians civilian children child women men persons person victims victim casualties
    attack attacks attacked strike strikes struck airstrike airstrikes air raid raids bombing bombings bombed bomb bombs
    shelling shelled shells shell fire fired firing clashes clash fighting fought battle battles offensive
    explosion explosions blast blasts targeted targeting target hit hitting carried
    city town towns village villages area areas district districts neighbourhood neighborhood province provinces
    region countryside north south east west northern southern eastern western central capital near outskirts
    war conflict civil crisis violence situation international united nations un security council
    monday tuesday wednesday thursday friday saturday sunday today yesterday week weeks day days month months year years
    morning evening night hours hour time early late latest later earlier recent recently
    january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    least including included number numbers dozens scores hundreds thousands tens several including among
    new old big large heavy heavily major total al el ul bin abu
    posted published updated publication english arabic reuters afp afps ap press associated france agence photo video
    held government-held rebel-held terrorist terrorists terror extremist extremists armed gunmen
    russia russian russians turkey turkish iran iranian america american americans us usa coalition led backed
    kurd kurds kurdish democratic allied allies loyal loyalist loyalists pro
    suicide rocket rockets mortar mortars missile missiles warplane warplanes jets jet aircraft helicopter helicopters
    ceasefire truce agreement cessation hostilities deal talks negotiations
    damage damages material property properties public private residential infrastructure
    aleppo halab idlib idleb damascus dimashq rif hama homs latakia lattakia tartus tartous daraa deraa raqqa raqa
    assad asad woman man family families command commander general located causing caused defence defense
    sana sputnik tass anadolu trt state-run tv television channel website websites
    tags tag short url link copyright rights reserved read related share shares comments comment subscribe
    newsletter click follow flickr file image images getty caption local sources
    deir ezzor zor hasakah hasakeh hassakeh quneitra sweida suwayda
    road roads street streets highway route overnight dawn midnight noon afternoon
    director chief head
    """.split()
)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|az|an|ash|ul)[-‐‑]", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_VOWELISH = str.maketrans("", "", "aeiouyhw'’")


def transliteration_key(word: str) -> str:
    """A key under which the English spellings of one Arabic name mostly meet.

    Lower case, the article ``al-`` dropped, ``q`` as ``k``, ``ee``/``ou``/``y`` and the other
    vowels and ``h``/``w`` dropped after the first letter, doubled letters once:
    Shaykhun, Sheikhoun and Sheikhun all give ``skn``.
    """
    w = _ARTICLE.sub("", word.lower())
    w = w.replace("q", "k").replace("'", "").replace("’", "")
    if not w:
        return ""
    head, tail = w[0], w[1:].translate(_VOWELISH)
    out = [head]
    for ch in tail:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


_VOWELS = re.compile(r"[aeiouy]+")
_SILENT = str.maketrans("", "", "hw")
_DOUBLED = re.compile(r"(.)\1+")


def vowel_shape_key(word: str) -> str:
    """The key of a name too short for :func:`transliteration_key` to tell apart (Quriyah,
    al-Quria and Qouriyeh are all ``kr``): its consonants with each run of vowels as ``*``, so
    that the spellings still meet (``k*r*``) but one consonant skeleton is not every short word's."""
    w = _ARTICLE.sub("", word.lower())
    w = w.replace("q", "k").replace("'", "").replace("’", "")
    if not w:
        return ""
    return w[0] + _VOWELS.sub("*", _DOUBLED.sub(r"\1", w[1:].translate(_SILENT)))


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: Dates and clock times: every report of a day shares them ("21.02.2016", "Feb 21", "21 February",
#: "14:56"), so their numbers are no sign of one incident.
_DATE = re.compile(
    rf"\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\b\d{1,2}:\d{2}\b|\(updated \d+",
    re.IGNORECASE,
)


_THOUSANDS = re.compile(r"(\d),(\d{3})\b")


def terms(texts: Iterable[str]) -> frozenset[str]:
    """The rare words of a claim's sentences, as transliteration keys (numbers as ``#58``)."""
    out: set[str] = set()
    for text in texts:
        if not text:
            continue
        text = _THOUSANDS.sub(r"\1\2", _DATE.sub(" ", text))
        for m in _WORD.finditer(text):
            w = m.group(0)
            lw = w.lower()
            if lw.isdigit():
                if len(lw) >= 2 and not _YEAR.match(lw) and int(lw) >= 10:
                    out.add("#" + str(int(lw)))
                continue
            if any(ch.isdigit() for ch in lw) or len(lw) < 4:
                continue
            base = _ARTICLE.sub("", lw)
            stem = base[:-1] if base.endswith("s") and len(base) > 4 else base
            if lw in STOP_WORDS or base in REPORTING_WORDS or stem in REPORTING_WORDS or lw in REPORTING_WORDS:
                continue
            key = transliteration_key(base)
            if len(key) < 3 and w[0].isupper():
                key = vowel_shape_key(base)  # a short name (Quriyah, Duma), not a short word (road)
            if len(key) >= 3:
                out.add(key)
    return frozenset(out)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine of two term sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))
