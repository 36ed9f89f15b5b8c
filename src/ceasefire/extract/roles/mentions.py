"""Finding the actors a sentence names: registry actors ("the SDF", "Russian jets"), and the
generic actors ACLED names by kind and country ("gunmen", "protesters", "the police"), recognised
from the sentence's common nouns because their name depends on the event's country."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any

from ceasefire.extract.roles.actor import Mention, _GENERIC_NAME, _iso, _registry, _template_name, country_name
from ceasefire.extract.roles.communities import _ARMED_FEUD, _communities
from ceasefire.extract.roles.cues import _HARM_OBJECT_BEFORE, is_harmed


# "army airport", "military council", "military reinforcements": the word qualifies a thing or a
# place, not a force that acted
_NOT_A_FORCE_AFTER = (
    r"(?!\s+(?:reinforcements|vehicles?|airport|airbase|air\s+base|bases?|barracks|checkpoints?|positions?|posts?|councils?|hospital|academy|college|"
    r"camps?|convoys?|equipment|armed|sources?|officials?|spokesm[ae]n|court|operations?|escalation|build-?up|pressure|presence|installations?|facilit(?:y|ies)|"
    r"sites?|targets?|depots?|warehouses?|uniforms?|service|experts?|analysts?|observers?|aid|support|assistance|advisers|advisors|intervention|campaign)\b)"
)

# Generic nouns ACLED codes by kind and country: (pattern, name template, inter, kind, side).
# "{military}" and "{police}" stand for the country's state forces as the registry names them.
_GENERIC = [
    (r"\b(protesters?|demonstrators?|protestors?|marchers)\b", "Protesters ({country})", 6, "civilian", None),
    (r"\b(rioters?|mobs?|angry (crowd|residents|villagers)|vigilantes?)\b", "Rioters ({country})", 5, "civilian", None),
    (
        r"\b(gunm[ae]n|armed (men|man|group|groups|persons|individuals|assailants)|(unidentified|unknown) (gunmen|gunman|men|man|persons?|individuals?|people|assailants?|attackers?|perpetrators?|militants|fighters|group|armed \w+|military groups?|militant groups?)|assailants?|attackers?)\b",
        "Unidentified Armed Group ({country})", 3, "armed", None,
    ),
    (r"\b(police(m[ae]n| officers?| forces)?|gendarmes?|gendarmerie)\b(?!\s+(?:stations?|headquarters|HQ|buildings?|academy|post|posts|compound|department|vehicles?|cars?|patrol\s+car)\b)", "{police}", 1, "armed", "government"),
    (
        r"\b(army|soldiers?|troops|military|armed forces|security forces|government forces|regime forces|national guard)\b(?![\w-])" + _NOT_A_FORCE_AFTER,
        "{military}", 1, "armed", "government",
    ),
    # ACLED names a communal militia by its community's place: "Tafas Communal Militia (Syria)"
    (r"\b(?:clans?|families|tribes?|tribal (?:clashes|fighting)|communal (?:clashes|fighting|militias?))\b", "{place} Communal Militia ({country})", 4, "armed", None),
    (
        r"\b(civilians?|residents?|villagers?|farmers?|shepherds?|passers-?by|worshippers?|a (man|woman|boy|girl|child|teacher|doctor|journalist|trader|driver))\b",
        "Civilians ({country})", 7, "civilian", None,
    ),
]
_COMMUNITY = re.compile(r"\b(?P<place>(?:Al[ -])?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+communal\s+militias?\b")


@functools.lru_cache(maxsize=1)
def _generic_patterns():
    return [(re.compile(p, re.I), n, i, k, s) for p, n, i, k, s in _GENERIC]


# "Turkey backed", "Iran-backed": a state named as another side's backer
_BACKER_AFTER = re.compile(r"^[\s-]*(?:backed|supported|sponsored|funded|trained)\b(?!\s+by\b)", re.I)


def named_mentions(text: str, offset: int = 0, country_iso: str | None = None, on: Any = None) -> list[Mention]:
    """Registry actors named in ``text`` (a sentence that starts at ``offset`` in the document).

    ``country_iso`` is the country the report is about: it scopes descriptions ("rebels",
    "police") and names generic actors ("Protesters (Chile)"); ``on`` dates state forces' names.
    """
    reg = _registry()
    if reg is None:
        return []
    out: list[Mention] = []
    country = country_name(country_iso)
    read_unscoped = False
    try:
        found = reg.find(text, offset, country=country, on=on)
        # The report's country is read from its places and may be misread ("Sur" in Oman): when the
        # sentence's own named armed actors all belong to one other country (QSD, IS -> Syria), the
        # descriptions it uses ("regime forces", "rebels") are read in that country.
        named = {m.actor.country for m in found if m.actor.kind == "armed" and not m.actor.generic and m.actor.country and (m.actor.inter or 0) in (1, 2, 3, 4)}
        if country and len(named) == 1 and country not in named:
            found = reg.find(text, offset, country=named.pop(), on=on)
        elif country and country != "Syria" and _syrian_words(text) and not any(m.actor.country == country and m.actor.kind == "armed" and not m.actor.generic for m in found):
            # "regime forces", "Assad's troops": words only Syrian reports use place the sentence in
            # Syria when its places were misread abroad ("Sa'sa" read as a place in Norway)
            found = reg.find(text, offset, country="Syria", on=on)
        elif country and any(m.actor.country == country and (m.actor.inter == 8 and m.actor.kind == "armed" or _BACKER_AFTER.match(text[m.end - offset : m.end - offset + 16]))
                             for m in found):
            # "Russian jets bombed a rebel base in Idlib", "Turkey backed rebels clashed with ...": a
            # report whose country was read from the foreign force or backer it names says nothing of
            # where the fighting is, so the descriptions it would lose ("rebels") are read as if the
            # country were unknown
            unscoped = reg.find(text, offset, country=None, on=on)
            if sum(m.actor.kind == "armed" for m in unscoped) > sum(m.actor.kind == "armed" for m in found):
                found = unscoped
                # ... and so are described, not named: "the central government" of a protest in
                # Turkey that recalls the Turkish army is Turkey's, once the event is placed
                read_unscoped = True
    except Exception:  # noqa: BLE001 - a resolver failure must not lose the event
        return []
    unknown_country = country is None or read_unscoped
    for m in found:
        a = m.actor
        template = None
        if a.generic:
            template = a.template
            if template == "Police Forces of {country}" and m.text.lower().startswith("security"):
                template = "{security}"  # "security forces": the police, or the army where it polices (settled with the country)
        elif _GENERIC_NAME.match(a.name or ""):
            template = _GENERIC_NAME.sub(lambda g: g.group("kind") + " ({country})", a.name)
        described = None
        if unknown_country and getattr(m, "described", False) and a.inter == 1 and a.country:
            reg_state = reg.state_forces(a.country, police=a.name.startswith("Police Forces"))
            if reg_state.name == a.name:
                described = "{police}" if a.name.startswith("Police Forces") else "{military}"
        bare = None
        if described is None and template is None and a.inter == 1 and a.country == country and _BARE_STATE.match(m.text):
            # "police", "the army" of the report's country: they vouch for it, but follow the area the
            # event's own words name when that area lies in another country (``settle_countries``)
            if reg.state_forces(a.country, police=a.name.startswith("Police Forces")).name == a.name:
                bare = "{police}" if a.name.startswith("Police Forces") else "{military}"
        out.append(
            Mention(
                start=m.start - offset,
                end=m.end - offset,
                text=m.text,
                name=a.name,
                inter=getattr(a, "inter", None),
                country=getattr(a, "country_code", None) or _iso(getattr(a, "country", None)),
                kind=getattr(a, "kind", "armed"),
                side=getattr(a, "side", None),
                generic=bool(getattr(a, "generic", False)) or template is not None,
                metonym=bool(m.metonym),
                descriptor=bool(m.descriptor),
                template=template,
                person=bool(getattr(m, "person", None)),
                described=described,
                bare=bare,
            )
        )
    named = _either_or(text, _mai_mai_factions(text, _appositions(text, [m for m in out if not _in_tag_list(text, m.start)])))
    return _former_fighters(text, _communities(text, named, country or "Syria"), country or "Syria")


def _appositions(text: str, mentions: list[Mention]) -> list[Mention]:
    """"the pro-government militia Qalamoun Shield", "the rebel group Jaysh al-Islam": a description
    right before a group's name describes that group; the name is the actor."""
    out: list[Mention] = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (nxt is not None and m.kind == "armed" and nxt.kind == "armed" and not nxt.generic and nxt.name != m.name
                and (m.text[:1].islower() or m.text.lower().startswith("pro-")) and not m.person
                and re.fullmatch(r"\s+(?:group\s+|faction\s+|movement\s+)?", text[m.end : nxt.start])):
            continue
        out.append(m)
    return out


# the common nouns for a country's police or army, as opposed to their names ("FARDC", "Mexican police")
_BARE_STATE = re.compile(r"(?i)^(?:the\s+)?(?:police(?:\s+(?:forces?|officers?))?|policemen|riot\s+police|security\s+forces|army|military|soldiers|troops|armed\s+forces|military\s+forces)$")
_FORMER = re.compile(r"\b(?:former|ex-|ex)\s*$", re.I)


def _former_fighters(text: str, mentions: list[Mention], country: str) -> list[Mention]:
    """"Former rebels attacked regime checkpoints": fighters of a disbanded or reconciled side act
    as no organised group any more; ACLED codes them as an unidentified armed group."""
    out = []
    for m in mentions:
        if (m.kind == "armed" and not m.generic and m.side == "opposition" and _FORMER.search(text[max(0, m.start - 8) : m.start])
                and not is_harmed(text, m.start, m.end) and not _HARM_OBJECT_BEFORE.search(text[max(0, m.start - 80) : max(0, m.start - 7)])):
            template = "Unidentified Armed Group ({country})"
            m = replace(m, name=template.format(country=country), inter=3, side=None, generic=True, template=template)
        out.append(m)
    return out


_TAGS = re.compile(r"(?:^|\s)Tags:?\s+")
_TOPIC = re.compile(r"\bTopic:?\s+(?P<topic>[A-Z][^.()]{3,90}?)\s*\(\d+\)")
_FUNCTION_WORD = re.compile(r"\b(?:a|an|the|was|were|is|are|has|have|had|in|on|at|of|after|as|when|said|says)\b", re.I)


def _in_tag_list(text: str, start: int) -> bool:
    """A web page's keyword list ("Tags Syria Aleppo Nusra Front regime forces Hezbollah An attack
    on ...") names topics, not the actors of the sentence it runs into."""
    for topic in _TOPIC.finditer(text):
        if topic.start("topic") <= start < topic.end("topic"):
            return True  # "Get short URL Topic Islamic State Seizes Desert Towns (742)": a news site's topic link
    tags = _TAGS.search(text)
    if not tags or start < tags.end():
        return False
    stop = _FUNCTION_WORD.search(text, tags.end())
    return start < (stop.start() if stop else len(text))


_SYRIAN_WORDS = re.compile(r"\b(?:regime|Assad)\b", re.I)
# "the fascist regime in Russia", "the Iranian regime", "the military regime": another country's
_OTHER_REGIME_AFTER = re.compile(r"^\s+(?:in|of)\s+(?:the\s+)?[A-Z]")
_OTHER_REGIME_BEFORE = re.compile(r"(?:\b(?!(?:Syrian|Assad|Damascus|The|A|An|This|That|Its|Their|His|Her|Our|When|While|After|But|And)\b)[A-Z][\w'’-]+|\bmilitary|\bjunta)\s+$")


def _syrian_words(text: str) -> bool:
    """Words only Syrian reports use: "Assad", or a "regime" that no other country or name qualifies."""
    for m in _SYRIAN_WORDS.finditer(text):
        if m.group(0).lower() == "regime" and (_OTHER_REGIME_AFTER.match(text[m.end() : m.end() + 20])
                                              or _OTHER_REGIME_BEFORE.search(text[max(0, m.start() - 30) : m.start()])):
            continue
        return True
    return False
# "Mai-Mai Yakutumba", "Mayi Mayi militiamen (Charles faction)", "Raia Mutomboki-Ndarumanga cadres": ACLED
# names the faction in brackets after the militia's name
_MAI_MAI_FACTION = re.compile(
    r"^(?:\s+(?:militia(?:men)?|fighters|combatants|elements))?\s*\((?P<bracket>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?:\s+(?:faction|group|wing))?\)"
    r"|^\s+(?P<name>(?!(?:In|On|At|Of|And|The|From|Near|Militia|Fighters)\b)[A-Z][a-z][\w'’-]+)",
)
_SUB_FACTION = re.compile(r"^-(?P<name>[A-Z][\w'’]+)")


def _mai_mai_factions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Congo's Mai-Mai by faction, as ACLED names them: "Mai-Mai Yakutumba" is "Mayi Mayi Militia
    (Yakutumba)", "Raia Mutomboki-Ndarumanga" is "Mayi Mayi Militia (Raia Mutomboki-Ndarumanga)"."""
    out: list[Mention] = []
    for m in mentions:
        if m.name == "Mayi Mayi Militia":
            f = _MAI_MAI_FACTION.match(text[m.end : m.end + 60])
            if f is not None:
                faction = f.group("bracket") or f.group("name")
                m = replace(m, name=f"Mayi Mayi Militia ({faction})", end=m.end + (f.end() if f.group("name") else 0))
        elif m.name.startswith("Mayi Mayi Militia (") and m.name.endswith(")"):
            sub = _SUB_FACTION.match(text[m.end : m.end + 30])
            if sub is not None:
                m = replace(m, name=f"{m.name[:-1]}-{sub.group('name')})", end=m.end + sub.end())
        out.append(m)
    return out


_EITHER_OR_BETWEEN = re.compile(r"^\s*(?:or|and/or|/)\s*$", re.I)


def _either_or(text: str, mentions: list[Mention]) -> list[Mention]:
    """"JNIM or ISGS militants", "Boko Haram/ISWAP": a report that cannot tell which of two
    non-state groups acted names both; ACLED codes one actor named "<first> and/or <second>"."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "armed" and m.kind == "armed" and not prev.generic and not m.generic
                and (prev.inter or 0) in (2, 3, 4) and (m.inter or 0) in (2, 3, 4) and prev.name != m.name
                and " and/or " not in prev.name + m.name and _EITHER_OR_BETWEEN.match(text[prev.end : m.start])):
            out[-1] = replace(prev, end=m.end, text=text[prev.start : m.end], name=f"{prev.name} and/or {m.name}")
            continue
        out.append(m)
    return out


def generic_mentions(text: str, country_iso: str | None, taken: list[Mention]) -> list[Mention]:
    """Generic actors (by kind and country) in ``text`` that no named mention already covers."""
    country = country_name(country_iso) or "Syria"
    iso = country_iso or _iso(country)
    out: list[Mention] = []
    for pat, template, inter, kind, side in _generic_patterns():
        for m in pat.finditer(text):
            if any(t.start <= m.start() < t.end or m.start() <= t.start < m.end() for t in taken + out):
                continue
            place = None
            if "{place}" in template and re.fullmatch(r"(?i)clans?|families|tribes?", m.group(0)) and (
                    not _ARMED_FEUD.search(text) or any("Tribal Militia" in (t.template or "") or "Clan Militia" in (t.template or "") for t in taken)):
                continue  # "members of a tribe beat up villagers": a crowd; "two families of the Kiwan tribe": the tribe's, named
            if "{place}" in template:
                community = _COMMUNITY.search(text[max(0, m.start() - 40) : m.end()])
                place = community.group("place") if community else None
            name, state_inter = _template_name(template, country, place)
            out.append(Mention(m.start(), m.end(), m.group(0), name, state_inter or inter, iso, kind, side, generic=True,
                               template=template.replace("{place}", place) if place else template))
    return out
