"""How a report is written, as a sign of where it is from: an American or a British paper's
register, for a report that names no country of its own."""

from __future__ import annotations

import re

# An American local paper writes its own country between the lines: dollar sums, AP-style months
# ("Sept. 26"), American spellings, its councilmen, sheriffs and high schools. In a report that names
# no country at all, two such signs lend American readings of a lone name a little weight, so a
# paper's "Mansfield" or "Birmingham" is no longer England's by population alone.
_AMERICAN_REGISTER = re.compile(
    r"\$\s?\d|\b(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.\s+\d{1,2}\b|\b(?:colors?|neighbors?|neighborhoods?|favorite|honored|labor|"
    r"centers?|theaters?|aluminum|defense|program(?:med|ming)?|organized?|realized?|recognized?)\b|\bCouncil(?:man|woman)\b|"
    r"\b[Hh]igh [Ss]chool\b|\bPolice Department\b|\bFire Department\b|\b[Ss]heriff|\bZIP\b|\b[Ii]nterstate\b")
AMERICAN_SIGNS = 2
# A British paper prices in pounds; with one more sign of British writing (a British spelling, "Mr"
# without its full stop, a fortnight) its lone towns are British ones. British spelling alone says
# little: Canadian, Irish, Indian and Australian papers write it too.
_POUND_SUM = re.compile(r"£\s?\d")
_BRITISH_REGISTER = re.compile(
    r"\b(?:colours?|neighbours?|neighbourhoods?|favourite|honoured|centres?|theatres?|organis(?:e|ed|ation)s?|"
    r"programmes?|realised?|recognised?|fortnight|tyres?|kerb)\b|\b(?:Mr|Mrs|Dr) [A-Z]")


def american_register(text: str) -> bool:
    """Whether the report is written the way an American paper writes: at least AMERICAN_SIGNS
    different signs (a dollar sum, an AP-style month, an American spelling, a sheriff ...)."""
    signs = set()
    for hit in _AMERICAN_REGISTER.finditer(text):
        signs.add(hit.group(0)[:4].lower())
        if len(signs) >= AMERICAN_SIGNS:
            return True
    return False


def british_register(text: str) -> bool:
    """Whether the report is written the way a British paper writes: a sum in pounds and one more
    sign of British writing (a British spelling, "Mr" without its full stop, a fortnight)."""
    return _POUND_SUM.search(text) is not None and _BRITISH_REGISTER.search(text) is not None


__all__ = ["american_register", "british_register"]
