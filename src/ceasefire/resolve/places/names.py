"""Place-name folding: the keys under which the gazetteer files and finds names.

Three keys, from strict to loose:

- :func:`name_key` folds case, diacritics, apostrophes and ayn/hamza marks, hyphens and dots:
  ``"Deir ez-Zor"`` -> ``"deir ez zor"``, ``"Fu'ah"`` -> ``"fuah"``, ``"U.S."`` -> ``"us"``.
  Arabic script is normalised too (alef forms, ta marbuta, tatweel, harakat).
- :func:`article_free_key` also drops the Arabic article in its transliterated forms
  (al-, el-, ash-, ad-, as-, ar-, az-, at-, an-, ath-, adh-): ``"al-Foua"`` -> ``"foua"``.
- :func:`skeleton_key` keeps only the consonant outline of an article-free Latin name,
  collapsing doubled letters, semivowels and a final ta marbuta ``h``:
  ``"Kefraya"``, ``"Kafriya"`` and ``"Kfarya"`` -> ``"kfr"``; ``"Deir Ezzor"`` and
  ``"Dayr az Zawr"`` -> ``"drzr"``. Loose by design: the resolver only accepts a skeleton
  match inside the document's country focus.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata

# Apostrophes, ayn and hamza marks and primes that transliterations put inside names.
_MARKS = "'’‘`´ʿʾʻʼ′ˈ"
_MARKS_RE = re.compile(f"[{re.escape(_MARKS)}]")
_PUNCT_RE = re.compile(r"[\s\-‐‑‒–—_.,/()\"“”]+")
_ARTICLES = ("al", "el", "al", "ul", "ash", "ad", "as", "ar", "az", "at", "an", "ath", "adh", "ed", "es", "ez", "er", "et", "en")
_ARTICLE_SET = frozenset(_ARTICLES)
# Arabic script: harakat and tatweel out, alef/yeh/teh-marbuta forms folded.
_ARABIC_DROP = re.compile("[\u064b-\u065f\u0670\u0640]")
_ARABIC_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})


def _strip_diacritics(text: str) -> str:
    if text.isascii():
        return text  # no ASCII character decomposes
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=65536)  # the same names come back in every report
def name_key(name: str) -> str:
    """The strict lookup key: case, diacritics, marks, hyphens and dots folded."""
    if not name:
        return ""
    if name.isascii():
        if name.isalpha():
            return name.lower()  # one plain word: no mark, no punctuation, nothing else to fold
        text = name.lower()  # no Arabic letter, no diacritic, no special letter; ASCII folds as it lowers
    else:
        text = name.translate(_ARABIC_MAP)
        text = _ARABIC_DROP.sub("", text)
        text = _strip_diacritics(text).casefold()
        text = text.replace("ß", "ss").replace("ı", "i").replace("ø", "o").replace("đ", "d").replace("ł", "l")
    text = _MARKS_RE.sub("", text)
    text = _PUNCT_RE.sub(" ", text).strip()
    if text.startswith("ال") and len(text) > 4:
        text = text[2:]
    return text


@functools.lru_cache(maxsize=65536)  # the same names come back in every report
def article_free_key(name: str) -> str:
    """The key without the Arabic article: ``"al-Foua"``, ``"Foua"`` -> ``"foua"``.

    Drops a leading article token, an article glued to the next word by assimilation
    (``"ezzor"`` stays, ``"ad-Dana"`` -> ``"dana"``), and articles between words
    (``"deir ez zor"`` -> ``"deir zor"``).
    """
    key = name_key(name)
    tokens = key.split()
    if len(tokens) > 1:
        kept = [t for i, t in enumerate(tokens) if not (t in _ARTICLE_SET and i < len(tokens) - 1)]
        tokens = kept or tokens
    return " ".join(tokens)


_VOWELS_RE = re.compile(r"[aeiouyw]")
_DOUBLE_RE = re.compile(r"(.)\1+")
_GLUED_ARTICLE_RE = re.compile(r"^(?:a|e)([ltszdnr])\1")
_NON_LETTER_RE = re.compile(r"[^a-z]")
# The first group of a match, as a C callable: the same text as the template r"\1", without the
# Python-level template expansion at every call of ``sub``.
_FIRST_GROUP = operator.itemgetter(1)


@functools.lru_cache(maxsize=65536)  # the same names come back in every report
def skeleton_key(name: str) -> str:
    """The consonant outline of a Latin-script name (empty for names in other scripts)."""
    key = article_free_key(name)
    if not key or not key.isascii():
        return ""
    tokens = key.split()
    # An article glued to the following word ("ezzor", "azzawr", "arraqqa"): drop its vowel+consonant.
    tokens = [_GLUED_ARTICLE_RE.sub(_FIRST_GROUP, t) if i > 0 or len(tokens) == 1 else t for i, t in enumerate(tokens)]
    text = "".join(tokens)
    text = text.replace("kh", "k").replace("sh", "s").replace("th", "t").replace("dh", "d").replace("gh", "g").replace("ph", "f")
    text = text.replace("q", "k").replace("c", "k")
    if len(text) > 3 and text.endswith("h") and text[-2] in "aeiou":
        text = text[:-1]  # ta marbuta: Hasakah / Hasakeh / Hasaka
    head, rest = text[:1], text[1:]
    rest = _VOWELS_RE.sub("", rest)
    rest = rest.replace("h", "") if head != "h" else rest
    out = _DOUBLE_RE.sub(_FIRST_GROUP, head + rest)
    return _NON_LETTER_RE.sub("", out)


def key_variants(name: str) -> set[str]:
    """The strict and article-free keys of a name (what the gazetteer indexes)."""
    keys = {name_key(name), article_free_key(name)}
    keys.discard("")
    return keys
