"""Statements that nobody was hurt ("no civilians were harmed", "No fatalities reported"), read
as zero figures."""

from __future__ import annotations

import re

from ceasefire.resolve.numbers.figure import CasualtyFigure
from ceasefire.resolve.numbers.patterns import _group_from_modifiers, _patterns


def _zero_figures(text: str) -> list[CasualtyFigure]:
    """Statements that nobody was hurt: "no civilians were harmed", "No fatalities reported"."""
    p = _patterns()
    out: list[CasualtyFigure] = []
    for m in p["zero"].finditer(text):
        if re.search(r"\b(?:information|report|details|word|confirmation)\s+(?:on|about|of)\s*$", text[max(0, m.start() - 40) : m.start()], re.I):
            continue
        after = text[m.end() : m.end() + 40]
        if re.match(r"\s+(?:unknown|figures?|information|toll|count)\b", after, re.I):
            continue
        if m.group("noun"):
            noun = m.group("noun").lower()
            if noun.startswith("civilian") or (m.group("mod") and _group_from_modifiers(m.group("mod").lower()) == "civilians"):
                groups, outcomes = ["civilians"], ["killed", "injured"] if not noun.startswith(("fatal", "death")) else ["killed"]
            elif noun.startswith("one was"):
                verb = noun.split()[-1]
                groups, outcomes = ["total"], ["killed"] if verb == "killed" else ["killed", "injured"] if verb in ("hurt", "harmed") else ["injured"]
            else:
                groups = ["total"]
                outcomes = {"fatalities": ["killed"], "fatality": ["killed"], "deaths": ["killed"], "loss of life": ["killed"], "casualties": ["killed", "injured"], "injuries": ["injured"]}.get(re.sub(r"\s+", " ", noun), ["killed"])
        else:
            grp_word = (m.group("group") or "").lower()
            group = "total" if grp_word in ("one", "body") else p["group_of"].get(re.sub(r"\s+", " ", grp_word), "total")
            if m.group("mod"):
                group = _group_from_modifiers(m.group("mod").lower(), group) or group
            verb = m.group("verb").lower()
            groups = [group]
            outcomes = ["killed"] if verb in ("killed", "dead", "died") else ["injured"] if verb in ("injured", "wounded") else ["killed", "injured"]
        for g in groups:
            for o in outcomes:
                out.append(CasualtyFigure(m.start(), m.end(), text[m.start() : m.end()], o, g, 0, 0, 0, "exact", negation=True, cue=m.group(0)))
    for m in p["zero_neg"].finditer(text):  # "the strike had not harmed any civilians"
        group = p["group_of"].get(re.sub(r"\s+", " ", m.group("group").lower()), "total")
        if m.group("mod"):
            group = _group_from_modifiers(m.group("mod").lower(), group) or group
        verb = m.group("verb").lower()
        for o in (["killed"] if verb == "killed" else ["injured"] if verb in ("injured", "wounded") else ["killed", "injured"]):
            out.append(CasualtyFigure(m.start(), m.end(), text[m.start() : m.end()], o, group, 0, 0, 0, "exact", negation=True, cue=m.group(0)))
    return out
