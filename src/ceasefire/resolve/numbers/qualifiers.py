"""The value of a number phrase by ACLED's conventions: best, low and high from its qualifier
("at least", "up to", "between ... and ...", "dozens") and from a fraction of a figure."""

from __future__ import annotations

import re

from ceasefire.resolve.numbers.patterns import _patterns
from ceasefire.resolve.numbers.words import _FRACTIONS, parse_number


def _values(m: re.Match[str]) -> tuple[int | None, int | None, int | None, str, str | None, int | None]:
    """(best, low, high, qualifier, derived, base) of a quantity match, ACLED conventions."""
    p = _patterns()
    num = re.sub(r"\s+", " ", m.group("num").lower())
    qual_word = (m.group("qual2") or m.group("qual") or "").lower()
    qual_word = re.sub(r"\s+", " ", qual_word)
    qualifier = p["qual_words"].get(qual_word, "exact")
    low_high = re.match(r"(?:between|from)\s+(.+?)\s+(?:and|to)\s+(.+)$|^(\d[\d,]*)\s*(?:-|–|to)\s*(\d[\d,]*)$", num)
    if low_high:
        a = parse_number(low_high.group(1) or low_high.group(3))
        b = parse_number(low_high.group(2) or low_high.group(4))
        if a is None or b is None:
            return None, None, None, "exact", None, None
        a, b = min(a, b), max(a, b)
        value_best, low, high, qualifier = a, a, b, "about"
    else:
        n = parse_number(num) if num not in ("the", "his", "her", "him", "another") else 1
        if n is None:
            return None, None, None, "exact", None, None
        vague = p["vague"].get(num)
        if vague and qualifier == "exact":
            qualifier = vague["qualifier"]
        if qualifier == "exact":
            value_best, low, high = n, n, n
        elif qualifier == "at_least":
            value_best, low, high = n, n, None
        elif qualifier == "more_than":
            value_best, low, high = n, n, None  # ACLED: the figure the report states is the conservative one
        elif qualifier == "about":
            value_best, low, high = n, None, None
        else:  # up_to: a ceiling, no likely value
            value_best, low, high = None, None, n
    frac = (m.group("frac") or "").lower()
    if frac:
        ratio = _FRACTIONS.get(re.sub(r"\s+", " ", frac))
        base = value_best if value_best is not None else high
        if ratio is None or base is None:
            return None, None, None, "exact", None, None
        derived_value = int(round(base * ratio.numerator / ratio.denominator))
        return derived_value, None, None, "about", f"{frac} of {base}", base
    return value_best, low, high, qualifier, None, None
