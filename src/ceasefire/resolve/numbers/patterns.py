"""The patterns every reading of casualty figures shares, built once from the casualty lexicon: a
number phrase, the words after it (who it counts), the verbs before it and after it (what befell
them), and statements that nobody was hurt; with the group a modifier names."""

from __future__ import annotations

import functools
import re
from typing import Any

from ceasefire.resolve.numbers.words import _DIGITS, _FRACTIONS, _SMALL, _WORDNUM, _alt, lexicon


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    lx = lexicon()
    qual_words = {w: q for q, ws in lx["qualifiers"].items() for w in ws}
    vague = lx["vague_quantities"]
    group_of = {w.lower(): g for g, ws in lx["groups"].items() for w in ws}
    modifier_group = {w.lower(): g for g, ws in lx["group_modifiers"].items() for w in ws}
    cue_nouns = {w.lower(): "killed" for w in lx["death_nouns"]}
    cue_nouns.update({w.lower(): "injured" for w in lx["injury_nouns"]})
    cue_nouns.update({w.lower(): "casualties" for w in lx["ambiguous_nouns"]})
    # "killed" and "wounded" after a number are cue nouns ("2 killed"), not groups.
    qual = _alt(qual_words)
    frac = _alt(_FRACTIONS)
    number = rf"(?:{_alt(vague)}|(?:between|from)\s+(?:{_DIGITS}|{_WORDNUM})\s+(?:and|to)\s+(?:{_DIGITS}|{_WORDNUM})|(?:{_DIGITS})\s*(?:-|–|to)\s*(?:{_DIGITS})(?![\d/])|{_DIGITS}|{_WORDNUM}|a|an|one|both|the|his|her|him|another|a single|a lone)"
    quantity = re.compile(
        rf"\b(?:(?P<qual>{qual})\s+)?(?:(?P<frac>{frac})\s+(?:of\s+)?(?:the\s+|them,?\s+|those\s+)?(?:(?P<qual2>{qual})\s+)?)?(?P<num>{number})(?![\w,]*\d)(?!['’]s)\b",
        re.I,
    )
    stop = r"(?:(?-i:were|was|are|is|have|has|had|been|Were|Was|Are|Is|Have|Has|Had)|(?:and|or|in|on|at|of|by|from|to|who|which|that|as|with|for|after|when|while|during|the|a|an|near|into|inside|including|among|but|since|than|killed|wounded|injured|dead|died|hurt))"
    heads = _alt(list(group_of) + list(cue_nouns))
    numword = rf"(?:{_SMALL}|a|an|several|dozens|tens|hundreds|scores)"
    right = re.compile(
        rf"(?P<ofthem>\s+of\s+(?:(?:the|these|those|its|their)\s+(?P<ofbase>{_DIGITS}|{_WORDNUM})(?=\s)|them|whom|those|the\s+dead|the\s+victims|the\s+casualties|the|its|their|these)(?:\s+(?:were|are|being))?)?"
        rf"(?P<mods>(?:\s+(?:(?!{stop}\b|{numword}\b|\d|\w+ing\b)[\w’'\-]+|(?:and/or|and|or|&)(?=\s+(?!{numword}\b|\d)[A-Za-z]))){{0,5}}?)\s*(?P<head>\b(?:{heads}))\b(?P<more>(?:\s+(?:{heads})\b)*)",
        re.I,
    )
    death_passive = _alt(lx["death_passive"])
    injury_passive = _alt(lx["injury_passive"])
    # auxiliaries in lower case (or opening a sentence) only: "IS fighters" is not "is"
    aux = r"(?-i:(?:[Ww]ere|[Ww]as|[Aa]re|is|Is|[Hh]ave\s+been|[Hh]as\s+been|[Hh]ad\s+been|been|being|got|get|to\s+have\s+been|to\s+have|[Hh]ave|[Hh]as|[Hh]ad|be|will\s+be))"
    adverbs = r"(?:(?:\w+ly|all|also|later|then|thought\s+to\s+have\s+been|believed\s+to\s+have\s+been|thought\s+to\s+have|believed\s+to\s+have|said\s+to\s+have\s+been|reported|confirmed|both|either|subsequently|since|now|each|so\s+far(?:\s+been)?|already(?:\s+been)?)\s+){0,3}"
    # "were rounded up and executed", "were abducted and later killed": the last verb is the outcome
    # "have been shot, beheaded or both": shot, then the verb that says they died
    coordinated = r"(?:(?:(?!(?:wounded|injured|hurt|killed)\b)[a-z]+ed(?:\s+(?:up|out|off|away))?\s+(?:and|then)|shot,?(?=\s+(?:beheaded|executed|crucified|killed)\b))\s+(?:(?:later|then|subsequently|summarily)\s+)?)?"
    passive = re.compile(
        rf"(?P<body>['’]s\s+(?:body|bodies|corpse|remains)\s+(?:was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:found|discovered|recovered|retrieved))|"
        rf"\b(?:(?P<aux>{aux})\s+{adverbs}{coordinated})?(?:(?P<death>{death_passive})|(?P<injury>{injury_passive})|(?P<harm>harmed|affected))\b",
        re.I,
    )
    aux_only = re.compile(rf"\b{aux}\b", re.I)
    left_active = re.compile(
        rf"(?:\b(?P<death>(?:killed|killing|kills|massacred|wiped\s+out|shelling\s+killed)\s+(?:a|an|the|an\s+entire|a\s+whole|one)\s+family\s+of|(?:{_alt(lx['death_active'])})(?:\s+and\s+(?!(?:wound|injur|hurt|maim|arrest|detain|captur|abduct|kidnapp|displac|expell|evacuat|rescu|free|releas|surround)\w*\b)[a-z]+ed)?|the\s+(?:killing|murders?|execution|beheading|deaths?|bodies|corpses|remains)\s+of|the\s+(?:[a-z-]+\s+)?(?:body|corpse)\s+of|(?:the\s+)?(?:[a-z-]+\s+){{0,2}}?(?:killings?|murders?|executions?|beheadings?)\s+of|(?:bodies|corpses|remains)\s+of|left|leaving|toll\s+(?:[\w,-]+\s+){{0,14}}?(?:to|at|reached|hit|is|was|stands\s+at|stood\s+at)|toll\s+of|coded\s+as|fatalities\s+(?:\w+\s+){{0,2}}(?:to|at|of|reached)|(?:killed|killing|dead)\s+(?:and|or|and/or)\s+(?:wounded|wounding|injured|injuring))"
        rf"|\b(?P<injury>{_alt(lx['injury_active'])}|wounding\s+of|injuring\s+of)"
        rf"|\b(?P<inherit>including|along\s+with|as\s+well\s+as|in\s+addition\s+to|plus|among\s+them|among\s+whom|of\s+whom|amongst\s+them|among\s+the\s+dead(?:\s+were)?|among\s+the\s+victims(?:\s+were)?|of\s+them|and))(?:\s+all(?:\s+the)?)?[\s,:]*$",
        re.I,
    )
    zero = re.compile(
        rf"\b(?:no|zero|neither|nor|without(?:\s+any)?)\s+(?:(?P<mod>{_alt(modifier_group)})\s+)?(?:(?P<group>{_alt(group_of)}|one|body)\s+(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is)\s+)?(?:(?:reported(?:ly)?|seriously|also)\s+)?(?P<verb>killed|harmed|hurt|injured|wounded|dead|died)"
        rf"|(?P<noun>fatalities|fatality|deaths|casualties|injuries|loss\s+of\s+life|one\s+was\s+(?:killed|hurt|injured|harmed)|civilian\s+casualties))\b",
        re.I,
    )
    zero_neg = re.compile(rf"\b(?:not|never|n't)\s+(?P<verb>harmed|hurt|injured|wounded|killed)\s+any\s+(?:(?P<mod>{_alt(modifier_group)})\s+)?(?P<group>{_alt(group_of)})\b", re.I)
    return {
        "zero_neg": zero_neg,
        "quantity": quantity, "right": right, "passive": passive, "aux_only": aux_only,
        "left_active": left_active, "zero": zero, "qual_words": {k.lower(): v for k, v in qual_words.items()},
        "heads": re.compile(rf"\b(?:{heads})\b", re.I), "group_of": group_of, "modifier_group": modifier_group, "cue_nouns": cue_nouns, "vague": {k.lower(): v for k, v in vague.items()},
    }


@functools.lru_cache(maxsize=1)
def _group_alt() -> str:
    """The alternation of every group word (built once, not per figure)."""
    return _alt(_patterns()["group_of"])


def _group_from_modifiers(mods: str, head_group: str | None = None) -> str | None:
    """A group named by a modifier: "civilian casualties", "child victims", "regime soldiers"."""
    p = _patterns()
    if head_group in ("children", "women"):
        return head_group
    for word in re.findall(r"[\w-]+(?:\s+army)?", mods):
        g = p["modifier_group"].get(word)
        if g and (head_group in (None, "total") or g == head_group):
            return g
    return None
