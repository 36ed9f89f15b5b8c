"""People counted by who they are rather than by a number: a person killed by name, and one
person with the people killed with him ("a commander and 34 of his comrades")."""

from __future__ import annotations

import re
from typing import Any

from ceasefire.resolve.numbers.figure import CasualtyFigure
from ceasefire.resolve.numbers.patterns import _patterns
from ceasefire.resolve.numbers.words import _DIGITS, _SMALL, parse_number


_NAMED_VICTIM = re.compile(
    r"(?:\b(?:killed|killing|kills|assassinated|assassinating|executed|executing|shot\s+dead|shooting\s+dead)\s+"
    # "killed Haqqani network commander, Rahim, during ...": the name after his description
    r"(?:(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:leader|commander|facilitator|emir|chief|governor|official),?\s+)?"
    r"|\b(?:resulted\s+in|led\s+to|caused|confirm(?:s|ed)?)\s+the\s+death\s+of\s+(?:(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:leader|commander|facilitator|emir|chief|governor|official),?\s+)?)"
    r"(?P<name>(?:[A-Z][a-z'’-]+|al-[A-Z][a-z]+)(?:\s+(?:[A-Z][a-z'’-]+|al-[A-Z][a-z]+|bin|ibn|abu|Abu)){0,3})"
    r"(?=\s*,\s*(?:the|a|an|who|whose|during|in|on|near|at)\b|\s*[.;]|\s+and\s|\s+(?:in|during|on|near|at|following|after)\s)"
)
_NOT_A_NAME = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|The|A|An|He|She|They|It|Him|Her|Them|Several|Many|Dozens|Hundreds|Scores|Taliban|Afghan|Syrian|"
    r"Russian|Turkish|Iraqi|Kurdish|Islamic|Coalition|Government|Police|Army|Civilians|People|Insurgents|Rebels|Militants|Soldiers|"
    r"Al|US|UN|IS)\b"
)


def _named_victims(text: str) -> list[CasualtyFigure]:
    """A person killed by name ("killing Qari Ziauddin, the Taliban shadow governor") is one death."""
    p = _patterns()
    out: list[CasualtyFigure] = []
    for m in _NAMED_VICTIM.finditer(text):
        name = m.group("name")
        if _NOT_A_NAME.match(name) or name.lower() in p["group_of"]:
            continue
        out.append(CasualtyFigure(m.start("name"), m.end("name"), name, "killed", "total", 1, 1, 1, "exact", party=f"named {name.lower()}", cue=m.group(0)))
    return out


#: "a commander and at least 34 of his comrades", "the leader along with five of his bodyguards",
#: "the emir and four others": one person plus the people counted with him.
_COMPANIONS = re.compile(
    rf"\b(?:and|along\s+with|together\s+with)\s+(?P<qual>at\s+least\s+|no\s+fewer\s+than\s+|more\s+than\s+|over\s+|some\s+|about\s+|around\s+|nearly\s+|up\s+to\s+)?"
    rf"(?P<n>{_DIGITS}|{_SMALL}|several|multiple|numerous|a\s+number\s+of|a\s+few)\s+(?:of\s+(?:his|her)\s+(?P<noun>comrades|companions|men|fighters|aides|bodyguards|guards|escorts|followers|associates|deputies|"
    rf"assistants|brothers|sons|relatives|family\s+members|colleagues|members|children)|(?P<others>others)|(?:(?:additional|other|more)\s+)?(?:(?:senior|armed|[A-Z][\w-]+)\s+)?"
    rf"(?P<plain>insurgents?|militants?|fighters?|gunmen|associates?|advis[eo]rs?|commanders?|lieutenants?|bodyguards?))\b"
    # "killed Rostum and his associate": one companion, named by his tie to the one
    rf"|\b(?:and|along\s+with|together\s+with)\s+(?:his|her)\s+(?P<single>associate|aide|bodyguard|guard|driver|deputy|assistant|companion|escort|facilitator|brother|son)\b(?!['’])",
    re.I,
)
_OWN_PREDICATE = re.compile(r"\b(?:was|were|is|are|has\s+been|had\s+been|got)\b", re.I)
#: A person named as the one killed: "killing Jan and several other insurgents", or opening the
#: sentence whose verb comes after the companions ("Jan and several Haqqani fighters were killed").
_NAMED_ONE_BEFORE = re.compile(r"\b(?:killing|killed|kills?)\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){1,4}$|(?:\A|[.!?;:]\s+|\b(?:that|said|says)\s+)(?!(?:The|A|An|This|These|Those|Both|All|Two|Three|Four|Five)\s)(?P<subject>(?-i:(?:[A-Z][\w'’-]+\s+){1,4}))$")
#: The one person the companions are counted with, just before "and": "a local commander (of the
#: group)", "the Emir", "their leader Abu Omar", or with the name set off by commas ("a district
#: commander, Karim Dad, along with two other fighters").
_ONE_PERSON_BEFORE = re.compile(
    r"\b(?:commander|leader|emir|chief|head|official|officer|governor|member|fighter|soldier|militant|insurgent|man|brother|son|father|driver|judge|imam|"
    r"sheikh|mayor|deputy|aide|facilitator|bomb[- ]?maker|doctor|journalist|activist)\b[^,.;]{0,40}"
    r"(?:,\s+(?-i:(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*),\s*)?$",
    re.I,
)
_ARMED_ONE = re.compile(r"\b(?:commander|leader|emir|fighter|soldier|militant|insurgent|officer|facilitator|bomb[- ]?maker)\b", re.I)
_ARMED_SINGLE = ("associate", "aide", "bodyguard", "guard", "deputy", "assistant", "escort", "facilitator")
_ARMED_COMPANIONS = ("comrades", "men", "fighters", "aides", "bodyguards", "guards", "escorts", "followers", "associates", "deputies", "assistants")
_DEATH_WORD = re.compile(r"\b(?:killed|killing|kills?|dead|died|slain|assassinated|executed|eliminated|lost\s+their\s+lives)\b", re.I)
_HARM_WORD = re.compile(r"\b(?:killed|killing|kills?|dead|died|slain|assassinated|executed|eliminated|lost\s+their\s+lives|wounded|injured|hurt|arrested|detained|captured|abducted)\b", re.I)


def _with_companions(text: str, figures: list[CasualtyFigure], p: dict[str, Any]) -> list[CasualtyFigure]:
    """``figures`` with "<one person> and N of his men/others" killed counted as N + 1 ("an ISIS
    emir and at least 34 of his comrades were killed": 35), replacing the figures read inside it
    (the one person alone, or "four others" alone)."""
    if " and " not in text and " with " not in text:
        return figures
    out = list(figures)
    for m in _COMPANIONS.finditer(text):
        lo = max(0, m.start() - 90)
        before = text[lo : m.start()]
        named = _NAMED_ONE_BEFORE.search(before)
        if named is not None and named.group("subject") is not None and named.start("subject") == 0 and lo > 0:
            named = None  # the window was cut inside a sentence: its start is no sentence's start
        if named is not None and named.group("subject") and any(w.lower() in p["modifier_group"] or w.lower() in p["group_of"] for w in named.group("subject").split()):
            named = None  # "Taliban and several insurgents were killed": a side, not a person
        if not m.group("noun") and not _ONE_PERSON_BEFORE.search(before) and not named:
            continue  # "Raqqa and four others": only a person has companions
        # the outcome word nearest after the companions (or else before the person) must be a death
        after = _HARM_WORD.search(text, m.end(), m.end() + 60)
        if after is None:
            after = next(reversed(list(_HARM_WORD.finditer(before))), None)
        if after is None or not _DEATH_WORD.fullmatch(after.group(0)):
            continue
        word = re.sub(r"\s+", " ", (m.group("n") or "one").lower())
        vague = p["vague"].get(word) or p["vague"].get(word + " of")
        n = vague["value"] if vague else parse_number(word)
        if n is None:
            continue
        qualifier = p["qual_words"].get(re.sub(r"\s+", " ", (m.group("qual") or "").strip().lower()), "exact")
        if vague and qualifier == "exact":
            qualifier = vague["qualifier"]
        if qualifier == "up_to":
            continue
        best = n + 1
        low, high = (best, best) if qualifier == "exact" else (best, None) if qualifier in ("at_least", "more_than") else (None, None)
        one = _ONE_PERSON_BEFORE.search(before) or named
        tail = before[one.start():] if one is not None else ""
        if _OWN_PREDICATE.search(tail) and _HARM_WORD.search(tail) and not _DEATH_WORD.search(tail):
            continue  # "a leader was captured and two insurgents were killed": he has his own fate
        start = max(0, m.start() - 90) + (one.start() if one else len(before))
        armed = bool(_ARMED_ONE.search(before[-60:])) or (m.group("noun") or "").lower() in _ARMED_COMPANIONS
        inside = [f for f in out if start - 40 <= f.start < m.end() and f.outcome == "killed" and (f.best == 1 or f.start >= m.start())]
        out = [f for f in out if f not in inside]
        armed = armed or bool(m.group("plain")) or (m.group("single") or "").lower() in _ARMED_SINGLE
        first = m.start("n") if m.group("n") else m.start("single")
        out.append(CasualtyFigure(first, m.end(), text[first : m.end()], "killed", "combatants" if armed else "total", best, low, high, qualifier,
                                  derived=f"one person and {n} with him", vague=bool(vague), party=(m.group("noun") or m.group("plain") or m.group("single") or "others").lower(),
                                  cue=after.group(0)))
    out.sort(key=lambda f: (f.start, f.outcome))
    return out
