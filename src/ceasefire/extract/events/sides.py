"""Who fought whom in a sentence: territory, victims as targets, civilians hit."""

from __future__ import annotations

import re
from typing import Any

from ceasefire.extract.classify import Classification
from ceasefire.extract.roles import country_name, harmed_mentions, told_between


_GOVERNMENT_SIDE = re.compile(
    r"\b(regime|government|pro-government|pro-regime|army|syrian army|saa|loyalists?|troops|security forces|state forces|military|soldiers|russian|iranian|hezbollah|police)\b",
    re.I,
)
_NONSTATE_SIDE = re.compile(
    r"\b(rebels?|opposition|insurgents?|militants?|jihadists?|islamic state|is|isis|isil|daesh|nusra|hts|tahrir|fighters|sdf|ypg|kurdish|taliban|al[- ]shabaab|militia|factions?|armed groups?|turkish-backed|fsa|free syrian army)\b",
    re.I,
)
_CIVILIAN_WORDS = re.compile(r"\b(civilians?|children|women|residents|villagers)\b", re.I)


# --------------------------------------------------------------------------- actors, types


def _settle_territory(cl: Classification, text: str, actors: list[dict[str, Any]], mentions: list[Any] = ()) -> str:
    """Who gains decides: state forces and allies regain, anyone else overtakes (DOMAIN.md).

    The gainer is the first side named before the capture ("Rebel forces battled regime forces and
    took it over"), not one it was taken from or fought; actor 1 may be the other side (ACLED's order)."""
    if not cl.territory:
        return cl.sub_event_type
    perp = next((a for a in actors if a["role"] == "perpetrator"), None)
    before = [m for m in mentions if m.end <= cl.trigger.start and m.kind == "armed" and not m.metonym
              and not re.search(r"\b(?:from|of|with|against|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", text[max(0, m.start - 30) : m.start], re.I)]
    if before:
        subject = before[0]
        perp = next((a for a in actors if a["name"] == subject.name), perp)
    if perp is not None and re.search(r"military forces of (russia|iran)|hezbollah|pro-government|pro-regime|national defen[cs]e|militia \(pro-", perp["name"], re.I):
        return "Government regains territory"  # the state's allies gain for it
    if perp is not None and perp.get("inter") in (1, 3) and not re.search(r"\b(rebel|opposition|islamic state|militia \(|unidentified)", perp["name"], re.I):
        return "Government regains territory"
    if perp is not None and perp.get("inter") in (2, 4, 8):
        return "Non-state actor overtakes territory"
    before = text[: cl.trigger.start]
    gov = list(_GOVERNMENT_SIDE.finditer(before))
    non = list(_NONSTATE_SIDE.finditer(before))
    if gov and (not non or gov[-1].start() > non[-1].start()):
        return "Government regains territory"
    if non or re.search(r"\b[A-Z][\w'-]+(\s+(al|al-|ash|of|the|[A-Z][\w'-]+))*\s*$", before.rstrip(" ,")) or re.search(r"[A-Z]\w+", before[-60:]):
        # who gains is named and is not the state or its allies
        return "Non-state actor overtakes territory"
    return "Armed clash"


# "QSD, backed by the YPG, clashed with": the side is told as one that fought
_FOUGHT_AFTER = re.compile(r"^(?:['’]s?)?(?:\s+[\w'’-]+|,[^,.;]{0,60},){0,4}?\s+(?:clashed|fought|battled|engaged|exchanged\s+fire)\b", re.I)


def _victims_are_targets(actors: list[dict[str, Any]], mentions: list[Any], text: str) -> None:
    """"29 rebels were killed in clashes with regime troops": the side that died is the target,
    the other side the perpetrator."""
    if told_between(text):
        return  # "clashes between X and Y": ACLED's order of the sides stands (extract.roles)
    harmed = harmed_mentions(text, mentions)
    # "QSD clashed with IS ..., during which 5 QSD fighters were killed": a side first told as one that
    # fought and only then counted among the dead stays where the text put it
    first: dict[str, Any] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        first.setdefault(m.name, m)
    victims = {m.name for m in harmed if first.get(m.name) in harmed or not _FOUGHT_AFTER.match(text[first[m.name].end : first[m.name].end + 90])}
    if not victims:
        return
    others = [a for a in actors if a["name"] not in victims and (a.get("inter") or 7) in (1, 2, 3, 4, 8)]
    if not others:
        return
    for a in actors:
        a["role"] = "target" if a["name"] in victims else ("perpetrator" if a in others[:1] else a["role"])
    actors.sort(key=lambda a: a["role"] != "perpetrator")


def _armed_victims(actors: list[dict[str, Any]], text: str) -> bool:
    """The targets are armed actors (a QSD member, a regime soldier) and no civilian is named."""
    targets = [a for a in actors if a["role"] == "target"]
    return bool(targets) and all((a.get("inter") or 7) in (1, 2, 3, 4, 8) for a in targets) and not _CIVILIAN_WORDS.search(text)


def _add_civilian_target(actors: list[dict[str, Any]], country: str | None) -> None:
    if any((a.get("inter") == 7) for a in actors):
        return
    actors.append({"name": f"Civilians ({country_name(country) or 'Syria'})", "role": "target", "inter": 7, "country": country or "SY", "_template": "Civilians ({country})"})
