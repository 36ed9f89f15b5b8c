"""Number words and the casualty lexicon: "twenty-three" 23, "a dozen" 12, "dozens" 12 (ACLED)."""

from __future__ import annotations

import functools
import re
from fractions import Fraction
from typing import Any, Iterable

import yaml

from ceasefire.config import resource

LEXICON_FILE = "casualty-lexicon.yaml"


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The casualty lexicon shipped in resources/ (loaded once per process)."""
    return yaml.safe_load(resource(LEXICON_FILE).read_text(encoding="utf-8"))


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of spaces."""
    uniq = sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_FRACTIONS = {
    "half": Fraction(1, 2), "one half": Fraction(1, 2), "a third": Fraction(1, 3), "one third": Fraction(1, 3),
    "one-third": Fraction(1, 3), "two thirds": Fraction(2, 3), "two-thirds": Fraction(2, 3),
    "a quarter": Fraction(1, 4), "one quarter": Fraction(1, 4), "one-quarter": Fraction(1, 4),
    "three quarters": Fraction(3, 4), "three-quarters": Fraction(3, 4), "a fifth": Fraction(1, 5),
    "most": None, "the majority": None, "nearly half": Fraction(1, 2), "about half": Fraction(1, 2),
    "more than half": Fraction(1, 2),
}
_SMALL = "(?:" + "|".join(sorted(_TENS, key=len, reverse=True)) + r")(?:[\s-](?:" + "|".join(k for k in _UNITS if _UNITS[k] < 10 and k != "zero") + "))?|" + "|".join(sorted(_UNITS, key=len, reverse=True))
_WORDNUM = rf"(?:(?:{_SMALL}|a)\s+(?:hundred|thousand|million)(?:\s+(?:and\s+)?(?:{_SMALL}))?|{_SMALL})"
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_MONTHS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"


def parse_number(text: str) -> int | None:
    """The integer a number phrase stands for: "five" 5, "twenty-three" 23, "1,200" 1200,
    "a dozen" 12, "dozens" 12 (ACLED), "one hundred and fifty" 150; None if it is not one."""
    t = re.sub(r"\s+", " ", text.strip().lower()).replace("–", "-")
    if not t:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return int(t.replace(",", ""))
    m = re.fullmatch(r"(\d+(?:\.\d+)?) (thousand|million)", t)
    if m:
        return int(float(m.group(1)) * _SCALES[m.group(2)])
    vague = lexicon()["vague_quantities"]
    if t in vague:
        return int(vague[t]["value"])
    if t in ("a", "an", "single", "a single", "lone", "a lone", "one", "another"):
        return 1
    if t in ("both", "a pair of", "a couple", "couple"):
        return 2
    if t in ("dozen",):
        return 12
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", t):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in ("hundred",):
            current = (current or 1) * 100
        elif word in ("thousand", "million"):
            total += (current or 1) * _SCALES[word]
            current = 0
        elif word == "a" and not seen:
            current = 1
        else:
            return None
        seen = True
    return total + current if seen else None
