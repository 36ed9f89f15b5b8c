"""Who did it and to whom: actors of an event with their roles (perpetrator, target).

Named actors come from the actor registry (``ceasefire.resolve.actors``); the generic actors
ACLED names by kind and country ("Unidentified Armed Group (Syria)", "Protesters (Nigeria)",
"Civilians (Yemen)", "Police Forces of Kenya") are recognised here from the common nouns of a
sentence, because they depend on the event's country rather than on a name.

Roles come from the sentence's structure around the event's trigger:

- "government airstrikes", "Russian jets", "Rebels have also shelled": an actor right before the
  trigger, with no preposition between, is the perpetrator;
- "... carried out by IS", "killed by regime shelling": after "by" it is the perpetrator;
- "on rebel-held districts", "against SDF positions", "targeting civilians": the target;
- "clashes between X and Y": X first (perpetrator), Y second (target), as ACLED lists actor 1
  and actor 2 without meaning attacker and victim; when one side is the state's own forces it is
  actor 1 (ACLED's convention in battle records: in the Syria battles of 2017-23, state forces
  are actor 1 in about 85 % of "between" notes that name them);
- in any other battle the side named first is actor 1 (ACLED's notes name actor 1 first), unless
  the text says it was the one hit ("29 rebels were killed in clashes with regime troops");
- "backed by X", "supported by X", "accompanied by X airstrikes", "X-backed": X is an ally of the
  actor (ACLED's assoc_actor), kept after it, never actor 1;
- a place standing for a government ("Damascus", "Moscow") is a speaker or a venue, never a party;
- protests and riots: the crowd is actor 1 (ACLED: Protesters (X) or Rioters (X)), whoever
  intervened is actor 2.

Generic actors are named with the country of the event (its location), not the country the
report mentions most: ``settle_countries`` renames them once the event's place is known.
Event JSON carries ``country`` as ISO 3166-1 alpha-2.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any


@dataclass
class Mention:
    """An actor named in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    text: str
    name: str
    inter: int | None
    country: str | None  # ISO 3166-1 alpha-2
    kind: str | None = "armed"
    side: str | None = None
    generic: bool = False
    metonym: bool = False  # "Damascus said": a place standing for a government
    descriptor: bool = False  # "rebel-held": who holds an area, not who acted
    template: str | None = None  # "Civilians ({country})" for a generic actor, renamed per event country
    person: bool = False  # "Obama", "Assad": a person who speaks or decides for the actor
    # "government forces", "the police" read as Syria's only because the report's country was
    # unknown: "{military}" / "{police}", renamed to the event's country by ``settle_countries``
    described: str | None = None


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
_GENERIC_NAME = re.compile(
    r"^(?P<kind>Civilians|Protesters|Rioters|Unidentified Armed Group|Unidentified Gang|Unidentified Tribal Militia|Unidentified Communal Militia) \((?P<country>[^()]+)\)$"
)


@functools.lru_cache(maxsize=1)
def _generic_patterns():
    return [(re.compile(p, re.I), n, i, k, s) for p, n, i, k, s in _GENERIC]


def weakest(*certainties: str | None) -> str:
    """The weakest hedge (see ``ceasefire.resolve.attribution.weakest``)."""
    from ceasefire.resolve.attribution import weakest as _weakest

    return _weakest(*certainties)


def _registry():
    try:
        from ceasefire.resolve.actors import registry
    except ImportError:  # pragma: no cover - the registry ships with the package
        return None
    return registry()


@functools.lru_cache(maxsize=None)
def country_name(iso: str | None) -> str | None:
    """ACLED's name of a country from its ISO 3166-1 alpha-2 code ("PS" -> "Palestine", "SY" -> "Syria")."""
    if not iso:
        return None
    reg = _registry()
    if reg is not None:
        name = reg.country_name(iso)
        return name if name and name != iso else None
    return None


def _iso(country: str | None) -> str | None:
    if not country:
        return None
    try:
        from ceasefire.resolve.actors import country_code
    except ImportError:  # pragma: no cover
        return None
    return country_code(country)


def _template_name(template: str, country: str, place: str | None = None) -> tuple[str, int | None]:
    """The name of a generic actor in ``country`` (state forces as the registry names them; a
    communal militia by its place, "Unidentified Communal Militia" when none is known)."""
    if "{place}" in template:
        if not place:
            return f"Unidentified Communal Militia ({country})", 4
        plain = unicodedata.normalize("NFKD", place).encode("ascii", "ignore").decode()  # "Ţafas" -> "Tafas", as ACLED spells names
        return template.format(place=plain or place, country=country), 4
    if template == "{security}":
        reg = _registry()
        if reg is not None:
            actor = reg.state_forces(country, police=True, security=True)  # the police, or the army where it polices
            return actor.name, actor.inter
        return f"Police Forces of {country}", 1
    if template in ("{military}", "{police}"):
        reg = _registry()
        if reg is not None:
            actor = reg.state_forces(country, police=template == "{police}")
            return actor.name, actor.inter
        return f"{'Police' if template == '{police}' else 'Military'} Forces of {country}", 1
    return template.format(country=country), None


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
    try:
        found = reg.find(text, offset, country=country, on=on)
        # The report's country is read from its places and may be misread ("Sur" in Oman): when the
        # sentence's own named armed actors all belong to one other country (QSD, IS -> Syria), the
        # descriptions it uses ("regime forces", "rebels") are read in that country.
        named = {m.actor.country for m in found if m.actor.kind == "armed" and not m.actor.generic and m.actor.country and (m.actor.inter or 0) in (1, 2, 3, 4)}
        if country and len(named) == 1 and country not in named:
            found = reg.find(text, offset, country=named.pop(), on=on)
        elif country and country != "Syria" and _SYRIAN_WORDS.search(text) and not any(m.actor.country == country and m.actor.kind == "armed" and not m.actor.generic for m in found):
            # "regime forces", "Assad's troops": words only Syrian reports use place the sentence in
            # Syria when its places were misread abroad ("Sa'sa" read as a place in Norway)
            found = reg.find(text, offset, country="Syria", on=on)
        elif country and any(m.actor.inter == 8 and m.actor.country == country and m.actor.kind == "armed" for m in found):
            # "Russian jets bombed a rebel base in Idlib": a report whose country was read from the
            # foreign force it names ("Russian") says nothing of where the fighting is, so the
            # descriptions it would lose ("rebels") are read as if the country were unknown
            unscoped = reg.find(text, offset, country=None, on=on)
            if sum(m.actor.kind == "armed" for m in unscoped) > sum(m.actor.kind == "armed" for m in found):
                found = unscoped
    except Exception:  # noqa: BLE001 - a resolver failure must not lose the event
        return []
    unknown_country = country is None
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
            )
        )
    return _former_fighters(text, _communities(text, _either_or(text, [m for m in out if not _in_tag_list(text, m.start)]), country or "Syria"), country or "Syria")


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


# ACLED names an identity militia after its community (codebook: communal militias are named after
# their community or place, tribal and clan militias after the tribe or family): "the Shaitat
# tribal militia", "members of the Kiwan tribe" -> "Shaitat Tribal Militia (Syria)"; "the Al Asad
# family militiamen" -> "Al Asad Clan Militia (Syria)"; "clashes between two families in Tafas",
# "local gunmen in Talbiseh" -> the town's "Communal Militia"; "Katsina militiamen", "communal
# militias from Zamwara" -> that place's.
_NAME = r"(?:(?:Al|Al-|El|Bani|Beni|Abu|Ibn|Bin)[ -])?[A-Z][\w'’-]+(?:\s+(?:al-|Al-|Al\s+)?[A-Z][\w'’-]+)?"
_NOT_A_COMMUNITY = {
    "The", "A", "An", "Local", "Armed", "Rival", "Two", "Several", "Other", "Some", "Both", "Unidentified", "Unknown", "Many", "One",
    "Arab", "Kurdish", "Bedouin", "Sunni", "Shia", "Shiite", "Druze", "Alawite", "Christian", "Muslim", "Islamist", "Tribal", "Clan",
    "Pro-Government", "Pro-Iran", "Government", "Regime", "Opposition", "Rebel", "Militia", "Ethnic", "Communal", "Youth", "Vigilante",
    "Self-Defense", "Self-Defence", "On", "In", "Around", "During", "After", "While", "When", "His", "Her", "Their", "Its",
}
_TRIBE = re.compile(rf"(?P<names>{_NAME}(?:\s*(?:,|and)\s*(?:the\s+)?{_NAME})*)\s+(?i:tribal\s+(?:militias?|militiamen|fighters|gunmen|members)|tribe(?:s|smen)?)\b")
_CLAN = re.compile(
    rf"\bbetween\s+(?:the\s+)?(?P<a>{_NAME})\s+(?:family|clan)\s+and\s+(?:the\s+)?(?P<b>{_NAME})\s+(?:family|clan)\b(?:\s+(?:militias?|militiamen|fighters|gunmen|members)\b)?"
    rf"|(?P<c>{_NAME})\s+(?:family|clan)\s+(?:militias?|militiamen|fighters|gunmen)\b"
)
_FEUD = re.compile(r"\b(?:between|among)\s+(?:the\s+)?(?:two|rival|three|several|local)?\s*(?:families|clans)\b|\b(?:families|clans)\s+(?:clashed|fought|feuded)\b", re.I)
_ARMED_FEUD = re.compile(r"\bclash\w*|\bexchang\w+\s+(?:of\s+)?fire\b|\bgunfire\b|\bshot\b|\bshooting\b|\bopened\s+fire\b|\barmed\b|\bweapons?\b|\bguns?\b|\bgunmen\b", re.I)
_LOCAL_ARMED = re.compile(r"\blocal\s+(?:armed\s+)?$|\b(?:residents|locals|relatives)\s+(?:of\s+the\s+area\s+)?$", re.I)
_PLACE_MILITIA = re.compile(rf"(?<![\w-])(?P<place>{_NAME})\s+(?:communal\s+)?(?:militias?|militiamen)\b|\bcommunal\s+militias?\s+(?:from|of)\s+(?P<from>{_NAME})")


# "Quds Brigade militias", "the Hamza Division": a unit's own name, not a community
_UNIT_WORD = re.compile(r"(?i)\b(?:brigades?|divisions?|battalions?|regiments?|army|forces|front|corps|movement|group|guards?|units?|council|legion|squadrons?|companies|company)$")


def _community_name(name: str) -> str | None:
    name = re.sub(r"['’]s?$", "", name.strip())
    first = name.split()[0] if name.split() else ""
    if not name or first in _NOT_A_COMMUNITY or name in _NOT_A_COMMUNITY or _UNIT_WORD.search(name):
        return None
    return name


def _communities(text: str, mentions: list[Mention], country: str) -> list[Mention]:
    """Identity militias named after their community (see ``_TRIBE``) replace the generic actor
    ("Unidentified Tribal Militia", "Unidentified Armed Group", "Civilians") read on their words."""
    found: list[tuple[int, int, str, str]] = []  # (start, end, community, kind)
    for m in _TRIBE.finditer(text):
        if not re.search(r"(?i)tribal", m.group(0)) and not _ARMED_FEUD.search(text):
            continue  # "members of the Medi tribe beat up villagers": a crowd, not the tribe's militia
        names = [n for n in (_community_name(x) for x in re.split(r"\s*(?:,|\band\b)\s*(?:the\s+)?", m.group("names"))) if n]
        for n in names:
            found.append((m.start(), m.end(), n, "Tribal"))
    for m in _CLAN.finditer(text):
        for key in ("a", "b", "c"):
            n = _community_name(m.group(key) or "")
            if n:
                found.append((m.start("a") if m.group("a") else m.start(), m.end(), n, "Clan"))
    if not found and not any(m.generic for m in mentions) and not _FEUD.search(text) and "militia" not in text.lower():
        return mentions
    for m in _PLACE_MILITIA.finditer(text):
        n = _community_name(m.group("place") or m.group("from") or "")
        if n and not any(x.start < m.end() and m.start() < x.end and not x.generic for x in mentions) and not _is_country_word(n):
            found.append((m.start(), m.end(), n, "Communal"))
    out = list(mentions)
    added: list[Mention] = []
    # "gunmen of the Bani Khalid tribe", "militiamen from Zamwara": the community's own fighters
    for x in [x for x in out if x.generic and x.kind == "armed"]:
        for i, f in enumerate(found):
            if re.fullmatch(r"\s+(?:of|from)\s+(?:the\s+)?", text[x.end : f[0]]):
                found[i] = (x.start, *f[1:])  # the span covers the fighters' noun, so no generic reading takes it again
    for start, end, n, kind in found:
        if any(a.start <= start < a.end or start <= a.start < end for a in added if a.name != f"{n} {kind} Militia ({country})") and kind == "Communal":
            continue
        template = f"{n} {kind} Militia ({{country}})"
        out = [x for x in out if not (x.start < end and start < x.end and (x.generic or x.kind == "civilian"))]
        added.append(Mention(start, end, text[start:end], template.format(country=country), 4, _iso(country), "armed", None, generic=True, template=template))
    for x in list(out):
        if not x.generic or x.template is None:
            continue
        if x.kind == "civilian" and re.fullmatch(r"(?i)(?:the\s+)?families", x.text) and _FEUD.search(text[max(0, x.start - 30) : x.end + 20]):
            if found:
                out.remove(x)  # "two families of the Kiwan tribe": the tribe's militia, named
                continue
            if not _ARMED_FEUD.search(text):
                continue  # "an altercation between two families turned violent": a brawl, rioters
            # "clashes between two families": the families' gunmen, not civilians
        elif x.template.startswith("Unidentified Armed Group") and _LOCAL_ARMED.search(text[max(0, x.start - 30) : x.start]):
            pass  # "local gunmen", "armed individuals believed to be residents of the area"
        else:
            continue
        out.remove(x)
        template = "{place} Communal Militia ({country})"
        added.append(replace(x, name=f"Unidentified Communal Militia ({country})", inter=4, kind="armed", side=None, template=template))
    if not added:
        return mentions
    return sorted(out + added, key=lambda m: m.start)


def _is_country_word(name: str) -> bool:
    reg = _registry()
    if reg is None:
        return False
    return name in getattr(reg, "_demonyms", {}) or _iso(name) is not None


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


# --------------------------------------------------------------------------- roles

_NON_PARTY_KINDS = {"monitor", "media", "humanitarian"}
_TARGET_BEFORE = re.compile(
    r"\b(on|onto|against|targeting|targetting|targeted|targetted|at|toward|towards|into|positions of|position of|hit|struck|pounded|shelled|bombed|attacked|killing|killed|wounding|injuring|of)\s+(the\s+|an?\s+)?([\w-]+\s+)?$",
    re.I,
)
_BY_BEFORE = re.compile(r"\b(by|from|of)\s+(the\s+)?(\w+[\s-]+){0,3}$", re.I)
# "rebel-held districts", "rebel held areas", "an IS stronghold" (not "Olive Branch forces controlled the village": a verb)
_HELD = re.compile(
    r"^(?:\s*-\s*(held|controlled|besieged|run|dominated)\b|\s+(?:strongholds?|bastions?|heartland)\b|\s+(held|controlled|besieged|run|dominated)\s+"
    r"(?:areas?|districts?|towns?|cit(?:y|ies)|neighbou?rhoods?|villages?|territor(?:y|ies)|parts?|regions?|enclaves?|pockets?|countryside|provinces?|suburbs?|east|west|north|south|\w+ern)\b"
    # "buses moving from rebel into government territory", "rebel and regime areas": one of two sides' areas
    r"|\s+(?:into|to|and|or)\s+(?:the\s+)?[\w-]+(?:\s+held|-held|\s+controlled|-controlled)?\s+(?:areas?|territor(?:y|ies)|lines|zones?|sides?)\b)",
    re.I,
)
_SPEAKER_AFTER = re.compile(
    # "X said", "X forces on Sunday claimed", "the rebel Syrian National Coalition said", "Syrian opposition: 1,300 killed"
    r"^(?:\s*:|[\s,]*(?:(?:\w+\s+){0,2}|(?:\w+\s+)?on\s+\w+day\s+|(?-i:(?:[A-Z][\w'’-]*\s+){1,4}))"
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )(?<!\bbe )"  # "an airstrike was reported" is no speaker
    r"(said|says|say|told|stated|announced|cited|reported|reports|claimed(?!\s+to\s+have\b)|claims(?!\s+to\s+have\b)|accused|accuses|accusing|blames|blaming|blamed(?!\s+(?:for|on)\b)|denied|denies|warned|added|confirmed|according|believe|believes|suspect|suspects)\b)",
    re.I,
)
# "the agency quoted a ministry spokesman as saying ...", "citing the army": the one quoted speaks
_QUOTED_BEFORE = re.compile(r"\b(?:quoted|quoting|cited|citing)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
_AS_SAYING_AFTER = re.compile(r"^(?:\s+[\w'’-]+){0,3}?\s+as\s+saying\b", re.I)
_BETWEEN = re.compile(r"\bbetween\b", re.I)
# "Assad's air force", "Assads forces": a person's forces are the side
_PERSONS_FORCES = re.compile(
    r"^(?:['’]?s)?\s+(?:[\w-]+\s+)?(?:forces|troops|army|air\s*force|regime|jets|warplanes|aircraft|helicopters|soldiers|militias?|government|loyalists|men|fighters)\b",
    re.I,
)
# "backed by X", "supported by Russian air cover", "accompanied by Coalition airstrikes", "with the support of X"
_SUPPORT_BEFORE = re.compile(
    r"(\b(backed|supported|assisted|aided|accompanied|covered|reinforced|helped|joined)\s+by|\b(with|under)\s+(the\s+)?((air|aerial|artillery|fire|logistical|military)\s+)?(support|cover|backing|help|assistance|protection)\s+(of|from|by)|\b(under|with)\s+(an?\s+)?((air|aerial|artillery)\s+)?(bombardment|bombing|strikes?|airstrikes?)\s+cover\s+(of|from|by))\s+(the\s+|their\s+|its\s+|heavy\s+)?([\w'’-]+\s+){0,3}$",
    re.I,
)
_BACKED_AFTER = re.compile(r"^[\s-]*(backed|supported|sponsored|trained)\b(?!\s+by\b)", re.I)  # "Turkish-backed", not "X backed by Y"
# "30 government fighters were killed", "IS fighters died": the side that was hit (not "IS killed a soldier")
_PERSON_HEADS = (r"(?:fighters|members|militant|jihadist|rebel|armed|group|groups|factions?|movement|brigades?|organi[sz]ation|terrorists|bombers|extremists|mercenaries|insurgents|jihadis|soldiers|troops|militants|personnel|commanders?|officers?|elements|men|recruits|gunmen|loyalists|jihadists|rebels|forces|guards|police(?:men)?|militiamen|supporters|leaders?|operatives|cadres|conscripts|snipers?|\d+|and|of|the|its|their|a|an|one|two|three|several|dozens|"
    r"foreign|senior|top|local|other|"
    # one of them, or a vehicle or aircraft of the side ("a QSD fighter was shot", "a Russian military helicopter that was shot down")
    r"fighter|member|soldier|militiaman|guard|vehicles?|patrols?|convoys?|helicopters?|choppers?|planes?|warplanes?|jets?|aircraft|drones?|that|which|who)")
_PASSIVE_HARM = re.compile(
    rf"^(?:['’]s?)?(?:\s+{_PERSON_HEADS}){{0,5}}?,?\s+"
    r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|got|being)\s+(?:(?!to\b|have\b|had\b)\w+\s+){0,3}?"  # "were taken away and executed"
    r"(?:killed|wounded|injured|shot|executed|slain|abducted|kidnapped|captured|detained|targeted|attacked|ambushed|hit|struck|assassinated|murdered|stabbed|beheaded|slaughtered|found\s+dead)"
    r"|(?:(?:also|later|reportedly|allegedly|subsequently)\s+)?(?:died|perished)|lost\s+their\s+lives|were\s+among\s+the\s+dead|(?:(?:were|are|was|is|lay|left)\s+)?dead\b(?!\s+(?:of|bodies)\b)"
    r"|shot\s+down(?=\s+(?:in|over|near|by|on|at)\b)"  # a headline's "Russian Military Chopper Shot down in Syria"
    r"|(?:killed|wounded|injured)(?=\s*(?:[,.;:]|$|in\b|by\b|when\b|as\b|during\b|after\b|and\s+\w+\s+(?:wounded|injured)|while\b|on\b|at\b(?!\s+least)|near\b|overnight\b|today\b|yesterday\b)))\b",
    re.I,
)
_WEAPON_AFTER = re.compile(
    r"^(?:['’]s?)?\s+(?:[\w-]+\s+)?(?:air\s*strikes?|airstrikes?|air\s+raids?|strikes?|raids?|shelling|bombardment|bombing|barrel\s+bombs?|warplanes|jets|aircraft|helicopters|artillery|rockets?|missiles?|shells|mortars?|drones?)\b",
    re.I,
)
# "shells fell on a district controlled by the Islamic State group": who holds the area hit, not who struck
_HELD_BY = re.compile(
    r"\b(?:controlled|held|besieged|run|occupied|captured|seized|surrounded|encircled|dominated|ruled)\s+by\s+(?:the\s+)?(?:(?!(?:an?|from|in|on|at|near|and|with|after|since|against)\s)[\w'’-]+\s+){0,3}?$"  # "held by the Kurdish-led SDF" (not "drones controlled by an unidentified group")
    # "a roadblock manned by a unit of FSA fighters": who held the post hit (not "drones operated by X")
    r"|\b(?:manned|guarded|staffed)\s+by\s+(?:the\s+|an?\s+)?(?:(?:group|unit|team|members?|fighters?)\s+of\s+(?:the\s+)?)?$"
    r"|\b(?:strongholds?|bastions?|heartland|(?:de\s+facto\s+)?capital)\s+of\s+(?:the\s+)?$",  # "a stronghold of the Islamic State group"
    re.I,
)
_BATTLES = ("Armed clash", "Government regains territory", "Non-state actor overtakes territory")
_PROTESTS = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")
_RIOTS = ("Violent demonstration", "Mob violence")


def is_victim(text: str, mention_end: int) -> bool:
    """The actor that ends at ``mention_end`` is the side harmed ("HTS fighters were killed",
    "two soldiers killed in an ambush", "29 rebels dead in fighting"), not the one that harmed
    ("IS militants killed a soldier")."""
    return bool(_PASSIVE_HARM.match(text[mention_end : mention_end + 60]))


# "..., killing 12 rebels", "killed at least 30 regime soldiers", "wounding two QSD members": the
# object of the harm verb (a count or an article between) is the side hit, whatever its place
# ("... resulting in the wounding of one QSD member", "which resulted in killing 5 soldiers" sum up
# a clash's losses and say nothing of who attacked)
_HARM_OBJECT_BEFORE = re.compile(
    r"(?<!resulted in )(?<!resulting in )(?<!led to )(?<!leading to )(?<!result in )"
    r"\b(?:killing|killed|kills|kill|wounding|wounded|injuring|injured|executing|executed|capturing|captured|abducting|abducted|kidnapping|kidnapped|"
    r"ambushing|ambushed|targeting|targeted|hitting|shot\s+down|arrested|arresting|detained|detaining|apprehended|shooting\s+down|downed|downing|intercepted|intercepting|"
    r"assassinating|assassinated|(?:an?\s+|the\s+)?bod(?:y|ies)\s+of|(?:the\s+)?(?:death|killing|assassination)\s+of)\s+"
    r"(?:(?:at\s+least|more\s+than|over|about|around|nearly|some|up\s+to|dozens\s+of|scores\s+of|tens\s+of|hundreds\s+of|several|many|a\s+number\s+of|an?|the|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|senior|top|leading|prominent|local|former|high-ranking|field|military|(?:members?|fighters?|militants?|terrorists?|jihadists?|extremists?|elements|commanders?|leaders?|operatives?)\s+(?:of|from))\s+){0,4}(?:[\w-]+-(?:linked|backed|affiliated|allied|aligned|led|supported)\s+)?(?-i:[A-Z][\w-]+\s+)?(?:[\w-]+-(?:linked|backed|affiliated|allied|aligned|led|supported)\s+)?$",
    re.I,
)
_JOINED_VICTIM = re.compile(r"^\s*(?:,|,?\s*and|,?\s*as\s+well\s+as|,?\s*along\s+with)\s+(?:(?:\d[\d,]*|an?|the|one|two|three|four|five|six|seven|eight|nine|ten|other)\s+){0,2}$", re.I)


def harmed_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions ``is_harmed`` finds, and those joined to one of them ("the killing of 7
    regime and pro-regime militias and 2 rebel fighters": all three sides were hit)."""
    out: list[Mention] = []
    prev = None
    ordered = sorted(mentions, key=lambda m: m.start)
    for m in ordered:
        if is_harmed(text, m.start, m.end) or (prev is not None and prev in out and _JOINED_VICTIM.match(text[prev.end : m.start])):
            out.append(m)
        prev = m
    # "35 jihadists from the Islamic State group were killed": the fighters of a side hit were hit too
    for m, n in zip(ordered, ordered[1:]):
        if n in out and m not in out and re.fullmatch(r"\s+(?:from|of|belonging\s+to)\s+(?:the\s+)?", text[m.end : n.start], re.I):
            out.append(m)
    return out


def told_between(text: str) -> bool:
    """The sentence names a battle's sides as "between X and Y" (ACLED's order applies)."""
    return bool(_BETWEEN.search(text))


def is_harmed(text: str, start: int, end: int) -> bool:
    """The actor at ``start:end`` is the side harmed: a passive victim ("rebels were killed") or the
    object of a harm verb ("clashes erupted, killing 12 rebels")."""
    return is_victim(text, end) or bool(_HARM_OBJECT_BEFORE.search(text[max(0, start - 60) : start])) or bool(_SHARE_OF_HARMED.search(text[max(0, start - 90) : start]))


# "15 people died including five policemen", "were killed, among them two soldiers": a share of
# the dead or wounded, not the side that killed them
_SHARE_OF_HARMED = re.compile(
    r"\b(?:died|killed|dead|wounded|injured|victims|casualties|toll)\b[^.;]{0,50}?\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+"
    r"(?:(?:at\s+least|an?|the|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|[a-z]+teen|twenty)\s+){0,3}$",
    re.I,
)


# "killed in heavy Russian and Syrian strikes", "died in regime shelling": the actor's own words
# name the attack, so it is its author wherever it stands
_NAMES_ITS_WEAPON = re.compile(
    r"(?:air\s*strikes?|airstrikes?|air\s+raids?|strikes?|raids?|shelling|bombardments?|bombing|barrel\s+bombs|warplanes|jets|aircraft|planes|bombers|"
    r"helicopters|gunships|artillery|rockets?|missiles?|shells|mortars?|drones?)(?:['’]s?)?$",
    re.I,
)


def names_its_weapon(m: Mention) -> bool:
    """The mention is an attack named after its author ("Russian airstrikes", "regime shelling")."""
    return bool(_NAMES_ITS_WEAPON.search(m.text))


# "unknown gunmen believed to be IS members", "unidentified assailants suspected of belonging to HTS"
_SUSPECTED_AS = re.compile(
    r"^\s*,?\s*(?:\w+\s+){0,4}?(?:who\s+(?:are|were|was|is)\s+)?(?:(?:believed|suspected|thought|presumed|said|reported|understood)\s+to\s+(?:be|have\s+been)|"
    r"(?:suspected|believed)\s+of\s+(?:being|belonging\s+to)|likely|probably|allegedly|reportedly|presumably)\s+(?:an?\s+|the\s+)?(?:members?\s+of\s+|fighters?\s+of\s+|from\s+|affiliated\s+with\s+|linked\s+to\s+)?(?:the\s+)?$",
    re.I,
)


def suspected_authors(text: str, mentions: list[Mention]) -> list[Mention]:
    """Generic unknown actors the text identifies as suspected members of a named group take that
    group's name (ACLED codes the suspected group: "unknown gunmen believed to be IS members" is
    Islamic State): the named mention moves into the generic's place, the generic is dropped."""
    out = list(mentions)
    for g in mentions:
        if not g.generic or not (g.template or "").startswith("Unidentified"):
            continue
        for n in mentions:
            if n.generic or n.kind != "armed" or n.metonym or n.start < g.end or n.start - g.end > 70:
                continue
            if _SUSPECTED_AS.match(text[g.end : n.start]):
                out = [m for m in out if m is not g and m is not n]
                out.append(replace(n, start=g.start, end=g.end))
                break
    return sorted(out, key=lambda m: m.start)


# "US Coalition in support of Syrian Democratic Forces carried out airstrikes": the one named first backs the other
_IN_SUPPORT_AFTER = re.compile(r"^(?:['’]s?)?(?:\s+[\w-]+){0,2}?\s+in\s+support\s+of\s+(?:the\s+)?[A-Z]")


def _is_supporter(text: str, m: Mention) -> bool:
    before = text[max(0, m.start - 60) : m.start]
    return bool(_SUPPORT_BEFORE.search(before) or _UNDER_UMBRELLA.search(before) or _BACKED_AFTER.match(text[m.end : m.end + 24])
                or _IN_SUPPORT_AFTER.match(text[m.end : m.end + 50]))


def _state_at_home(m: Mention, country_iso: str | None) -> bool:
    return m.inter == 1 and (country_iso is None or m.country in (None, country_iso))


# "X clashed with Y", "X and Y exchanged fire", "during clashes with": the text names no attacker
_SYMMETRIC = re.compile(r"\b(?:clash\w*|fought|fighting|fights?|battl\w+|exchang\w+|skirmish\w*|confrontations?|engaged)\b", re.I)
_ONE_SIDED = re.compile(r"\b(?:attack\w*|storm\w*|ambush\w*|target\w*|raid\w*|shot|shoot\w*|opened\s+fire|launch\w*|assault\w*|infiltrat\w*|repel\w*|repuls\w*|advanc\w*|offensive|seiz\w*|captur\w*)\b", re.I)
_LOSER_BEFORE = re.compile(r"\b(?:from|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
# "two guards were shot dead by Islamic State fighters", "found killed by shooting by unknown
# gunmen": the agent of the harm is the side that struck (actor 1). Not "an attack by X": ACLED keeps
# its order of the sides there ("regime forces clashed with IS following an attack by IS")
_AGENT_BEFORE = re.compile(
    r"\b(?:shot|killed|attacked|targeted|targetted|ambushed|assassinated|wounded|injured|stormed|raided|shelled|hit|struck|abducted|kidnapped|"
    r"shooting|gunfire|sniper\s+fire)"
    r"(?:\s+and\s+(?:killed|wounded|injured))?\s+(?:\w+\s+)?by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
# "JWS repelled a YPG forces infiltration attempt": the side whose attack was repelled is actor 1
# (but "repelled an attack by X" and "the advance of X" keep the text's order in ACLED's notes)
_REPELLED_BEFORE = re.compile(
    r"\b(?:repel\w*|repuls\w*|thwart\w*|foil\w*|fought\s+off|fend\w*\s+off)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?$",
    re.I,
)
_REPELLED_AFTER = re.compile(r"^(?:['’]s?)?(?:\s+[\w-]+){0,2}?\s+(?:attacks?|assaults?|advances?|infiltrations?|infiltration\s+attempts?|offensives?|incursions?)\b", re.I)


# "gunmen opened fire on", "IS militants stormed": the verb right after a sentence's subject is an act of violence
_ACTS_AFTER = re.compile(
    r"^(?:['’]s?)?(?:\s+(?:fighters|members|militants|men|forces|troops|soldiers|elements|patrol|cell|units?|also|reportedly|allegedly|have|has|had)){0,2}\s+"
    r"(?:opened\s+fire|attacked|shot|stabbed|targeted|killed|assassinated|ambushed|fired|shelled|detonated|planted|stormed|raided|abducted|kidnapped|"
    r"executed|bombed|struck|hit|beat|tortured|launched|blew\s+up|set\s+fire)\b",
    re.I,
)


def _struck_first(text: str, m: Mention) -> bool:
    """The text makes ``m`` the side that struck: the agent of a harm ("killed by IS fighters"),
    or the side whose attack was repelled ("JWS repelled a QSD infiltration attempt")."""
    before = text[max(0, m.start - 70) : m.start]
    if _AGENT_BEFORE.search(before):
        return True
    return bool(_REPELLED_BEFORE.search(before) and _REPELLED_AFTER.match(text[m.end : m.end + 50]))


def _outranks(b: Mention, a: Mention, country_iso: str | None) -> bool:
    """ACLED lists ``b`` before ``a`` in a battle the text tells without saying who hit whom.

    Measured on ACLED's Syria battles of 2017-23 (pairs of sides, actor 1 : actor 2): the state's
    own forces before a non-state side (rebels 3239:543, Islamic State 2832:422, HTS 998:148);
    Turkey's forces and its operations before the Kurdish-led forces (Peace Spring : QSD 590:89,
    Turkey : YPG 224:59, Olive Branch : YPG 177:5); the Kurdish-led forces before Islamic State
    (QSD : IS 1865:450). Anything else keeps the text's order."""
    if a.name == b.name:
        return False
    if _state_at_home(b, country_iso) and not _state_at_home(a, country_iso):
        return True
    if b.side == "turkish" and (b.inter == 8 or b.name.startswith("Operation")) and a.side == "kurdish":
        return True
    if b.side == "kurdish" and a.name.startswith("Islamic State"):
        return True
    return False


def _battle_sides(text: str, parties: list[Mention], country_iso: str | None) -> tuple[list[Mention], list[Mention]]:
    """Actor 1 and actor 2 of a battle (see the module docstring)."""
    perpetrators: list[Mention] = []
    targets: list[Mention] = []
    main = [m for m in parties if not _is_supporter(text, m)]
    supporters = [m for m in parties if m not in main]
    victims = harmed_mentions(text, main)
    between = _BETWEEN.search(text)
    if between:
        after = []
        for m in main:
            if m.start >= between.end() and m.start - between.end() < 200 and m.name not in [a.name for a in after]:
                after.append(m)
        if len(after) >= 2:
            a, b = after[0], after[1]
            if _outranks(b, a, country_iso):
                a, b = b, a  # ACLED's order of the sides, whoever the note says was hit
            perpetrators.append(a)
            targets.append(b)
    if not perpetrators:
        struck = [m for m in main if _struck_first(text, m)]
        if struck:
            # the text says who struck: that side is actor 1, whatever its place in the sentence
            perpetrators.append(struck[0])
            victims = [m for m in victims if m.name != struck[0].name]
    if not perpetrators:
        actors_first = [m for m in main if m not in victims]
        if actors_first:
            first = actors_first[0]
            if not victims:  # told without a side hit: ACLED's order of the sides decides
                for m in actors_first[1:]:
                    if _LOSER_BEFORE.search(text[max(0, m.start - 30) : m.start]):
                        continue  # "seized the village from government forces": the side that lost it
                    gap = text[first.end : m.start] if m.start > first.end else text[m.end : first.start]
                    if not _SYMMETRIC.search(text[: max(m.start, first.start)]) or _ONE_SIDED.search(gap):
                        continue  # "IS militants attacked a QSD checkpoint": the attacker stays actor 1
                    if m.name != first.name and _outranks(m, first, country_iso):
                        first = m
            perpetrators.append(first)
    for m in main:
        if m in perpetrators or m in targets:
            continue
        if m.name in [p.name for p in perpetrators]:
            continue
        targets.append(m)
    # allies follow the actor they back; an ally of the side hit stays with the targets
    for m in supporters:
        perpetrators.append(m)
    return perpetrators, targets


_UNDER_UMBRELLA = re.compile(r"\b(?:operat(?:ing|e|es)|fight(?:ing|s)?|active)\s+(?:under|within|as\s+part\s+of)\s+(?:the\s+)?(?:banner\s+of\s+|umbrella\s+of\s+)?(?:the\s+)?$", re.I)


_CHAINED = re.compile(r"\s+(?:and|(?:supported|backed|accompanied|joined)\s+by)\s+(?:the\s+)?(?:(?!against\b|with\b|between\b)[\w-]+\s+)?", re.I)

# "opposition rebels under OPS", "factions, part of Operation Peace Spring": an operation needs no verb
_BARE_UNDER = re.compile(r"(?:\bunder|\bpart\s+of|\bwithin)\s+(?:the\s+)?$", re.I)


def _umbrellas(text: str, parties: list[Mention]) -> list[Mention]:
    """"JWS, operating under Operation Peace Spring, ...": ACLED codes the umbrella (the operation
    or operations room) as the actor, in the place of the faction; the faction follows as its ally."""
    out = list(parties)
    for y in sorted(parties, key=lambda m: m.start):
        window = text[max(0, y.start - 45) : y.start]
        if not (_UNDER_UMBRELLA.search(window) or ("Operation" in y.name and _BARE_UNDER.search(window))):
            continue
        before = [x for x in out if x.end <= y.start and x is not y and x.name != y.name]
        if not before or y not in out:
            continue
        x = max(before, key=lambda m: m.end)
        if y.start - x.end > 60:
            continue  # the umbrella qualifies a faction the text did not name as an actor
        # "Turkish troops and allied rebel groups, operating under OPS": the umbrella covers the
        # whole group named before it, so it takes the place of the first of them
        earlier = [m for m in before if m.end <= x.start]
        w = max(earlier, key=lambda m: m.end) if earlier else None
        if w is not None and _CHAINED.fullmatch(text[w.end : x.start]):
            x = w  # one step only: "regime forces, supported by X and Y, and rebels operating under ..." lists two sides
        out.remove(y)
        out[out.index(x)] = replace(y, start=x.start, end=x.end)
        out.append(replace(x, start=y.start, end=y.end))  # the faction, now in the umbrella's place: an ally
    return out


# "... it said, blaming the Islamic State group for the attack": the one blamed is the author
_BLAMING = re.compile(r"\b(?:blam(?:ed|ing|es|e)|accus(?:ed|ing|es|e))\s+(?:the\s+)?$", re.I)
_BLAMING_IN = re.compile(r"\b(?:blam(?:ed|ing|es|e)|accus(?:ed|ing|es|e))\b", re.I)
_FOR_THE_ATTACK = re.compile(
    r"^(?:['’]s?)?(?:\s+(?:group|militants|fighters|forces|jihadists|terrorists|regime|government))?\s+(?:for|of)\s+(?:(?:carrying\s+out|launching|conducting|using|committing)\s+)?(?:the|this|that|these|those|its|their|an?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|air\s*strikes?|airstrikes?|raids?|bombings?|shelling|massacre|blasts?|explosions?|killings?|bombardment)\b",
    re.I,
)


# what may stand before a sentence's subject: its date ("On 27 April 2023, "), an article
# "days after a ceasefire brokered by the US and Russia collapsed": the brokers are no party to the strike
_BROKER_BEFORE = re.compile(r"\b(?:brokered|mediated|negotiated|guaranteed|hosted)\s+by\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?(?:(?:and|,)\s+(?:the\s+)?)?$", re.I)
_LABELLED_ACT = re.compile(
    r"\b(?:demolish\w*|destroy\w*|burn\w*|set\s+(?:to\s+)?(?:fire|on\s+fire|ablaze)|torch\w*|loot\w*|seiz\w*|confiscat\w*|st[oe]le|raz\w*|bulldoz\w*|"
    r"seal\w*|vandali[sz]\w*|damag\w*|uproot\w*|ransack\w*|plunder\w*|raid\w*|took\s+over|occupi\w*|expropriat\w*|attack\w*|kill\w*|shot|fired|arrest\w*|detain\w*|abduct\w*|kidnapp\w*)\b",
    re.I,
)
_SUBJECT_BEFORE = re.compile(r"^\s*(?:(?:On|on|Around|Between)\s+[^,]{3,40},\s*)?(?:(?:the|The)\s+)?$")


def assign_roles(text: str, trigger: tuple[int, int], mentions: list[Mention], sub_event_type: str, country_iso: str | None = None) -> list[dict[str, Any]]:
    """Event JSON v1 actors (perpetrator first) for an event triggered at ``trigger`` in ``text``."""
    t0, t1 = trigger
    labelled = False
    if re.match(r"\s*:", text[t1 : t1 + 3]):
        # "Property destruction: On 1 June, soldiers demolished ...": the coder's label heads the
        # note; the act is the note's own verb, and who comes before it did it
        act = _LABELLED_ACT.search(text, t1)
        if act:
            t0, t1 = act.start(), act.end()
            labelled = True
    parties = [
        m for m in mentions
        if m.kind not in _NON_PARTY_KINDS and not m.metonym and not (m.person and not _PERSONS_FORCES.match(text[m.end : m.end + 30]))
        and not _SPEAKER_AFTER.match(text[m.end : m.end + 60]) and not _BROKER_BEFORE.search(text[max(0, m.start - 60) : m.start])
        and not _QUOTED_BEFORE.search(text[max(0, m.start - 40) : m.start]) and not _AS_SAYING_AFTER.match(text[m.end : m.end + 40])
    ]  # a person ("Obama is seeking backing for strikes", "the Assad clan's hometown") decides or speaks; "Assad's air force" fights
    parties = _umbrellas(text, suspected_authors(text, parties))
    holders = [m for m in parties if _HELD_BY.search(text[max(0, m.start - 60) : m.start])]
    parties = [m for m in parties if m not in holders]
    perpetrators: list[Mention] = []
    targets: list[Mention] = []
    if sub_event_type in _BATTLES:
        held = [m for m in parties if m.descriptor or _HELD.match(text[m.end : m.end + 40])]
        perpetrators, targets = _battle_sides(text, [m for m in parties if m not in held], country_iso)
        targets += held
    else:
        victims = [m for m in harmed_mentions(text, parties) if not names_its_weapon(m) or _HARM_OBJECT_BEFORE.search(text[max(0, m.start - 60) : m.start])]
        distant: list[Mention] = []
        nearby: list[Mention] = []
        for m in sorted(parties, key=lambda m: m.start):
            if m in victims:
                targets.append(m)
                continue
            if targets and targets[-1].end <= m.start and re.fullmatch(r"\s*", text[targets[-1].end : m.start]):
                targets.append(m)  # "a member of the regime's military intelligence": one side, named in two words
                continue
            if m.start < t1 and m.end > t0:
                perpetrators.append(m)  # "government airstrikes": the actor names the strike
                continue
            if perpetrators and re.fullmatch(r"\s*(,|,?\s*and|,?\s*as well as|,?\s*along with|,?\s*together with)\s*", text[perpetrators[-1].end : m.start]):
                perpetrators.append(m)  # "Russian jets and Hezbollah fighters pounded ...": joined to the actor
                continue
            if names_its_weapon(m) and not (m.descriptor or _HELD.match(text[m.end : m.end + 40])):
                perpetrators.append(m)  # "killed in heavy Russian and Syrian strikes": the attack named after its author
                continue
            if _WEAPON_AFTER.match(text[m.end : m.end + 40]):
                perpetrators.append(m)  # "Dozens of Syrian regime strikes on Aleppo", "Russian raids": the actor names the attack
                continue
            if _HELD.match(text[m.end : m.end + 40]) or m.descriptor:
                targets.append(m)  # "rebel-held districts": the side whose area was hit
                continue
            if m.end <= t0 and re.fullmatch(r"\s*('s|’s|-led|-backed)?\s*([\w-]+\s+)?", text[m.end : t0]):
                perpetrators.append(m)  # "Syrian government shelling", "US-led air strikes", "Russian warplanes"
                continue
            if m.end <= t0:
                gap = text[m.end : t0]
                before = text[max(0, m.start - 40) : m.start]
                if _TARGET_BEFORE.search(before) and not re.search(r"\b(by)\s+(the\s+)?(\w+\s+){0,2}$", before, re.I):
                    targets.append(m)
                elif _BY_BEFORE.search(before) and re.search(r"\bby\b", before[-25:], re.I):
                    perpetrators.append(m)
                elif len(gap) <= 80:
                    perpetrators.append(m)
                    nearby.append(m)  # only near the trigger, with nothing in between saying it acted
                elif _SUBJECT_BEFORE.match(text[: m.start]):
                    distant.append(m)  # the sentence's subject, a long way before the trigger: the author if no one nearer acted
            else:
                before = text[max(t1, m.start - 40) : m.start]
                if (re.search(r"\b(by|from)\s+(the\s+)?([\w'’-]+\s+){0,3}$", before, re.I) or re.search(r"\bcarried out by\b|\blaunched by\b|\bblamed on\b|\bclaimed by\b", text[t1 : m.start], re.I)
                        or _BLAMING.search(before) and _FOR_THE_ATTACK.match(text[m.end : m.end + 60])):  # "..., blaming the Islamic State group for the attack"
                    perpetrators.append(m)
                else:
                    targets.append(m)
        agents = [m for m in perpetrators if _AGENT_BEFORE.search(text[max(0, m.start - 70) : m.start])]
        if agents:
            # "Syrian Army Captain X was shot by Free Syrian Army snipers": the agent struck; a side
            # named before the passive verb is the one hit
            passive = [m for m in perpetrators if m not in agents and m.end <= agents[0].start
                       and re.search(r"\b(?:was|were|has\s+been|have\s+been|had\s+been|got)\b", text[m.end : agents[0].start], re.I)]
            perpetrators = agents + [m for m in perpetrators if m not in agents and m not in passive]
            targets = passive + targets
        elif distant and distant[0].kind == "armed" and all(m in nearby for m in perpetrators) and _ACTS_AFTER.match(text[distant[0].end : distant[0].end + 40]):
            # "unidentified gunmen opened fire on a member of the regime's military intelligence ...,
            # killing ...": the subject that acted is the author, ahead of a side its object names
            perpetrators.insert(0, distant.pop(0))
        if labelled and not perpetrators:
            # the note's subject, however long its description ("about 40 Myanmar military forces and
            # ... members approached the village at 3:30 pm and torched ..."), did what its label says
            first = next((m for m in parties if m.end <= t0 and m.kind == "armed" and m not in targets), None)
            if first is not None:
                perpetrators.append(first)
        if perpetrators and distant and distant[0].kind == "armed" and all(_is_supporter(text, m) and not 0 <= t0 - m.end <= 30 for m in perpetrators):
            # "the SDF, with coalition air cover, swept three villages ... and detained two IS suspects":
            # only its ally stands near the act; the subject did it (not "the fighting was accompanied
            # by army shelling", where the ally names the act itself)
            perpetrators.insert(0, distant.pop(0))
        if not perpetrators and distant and distant[0].kind == "armed":
            # "opposition rebels targeted a Hezbollah member on the X axis in Aleppo countryside,
            # killing him": the trigger read is the harm at the end; the subject far before it acted
            perpetrators.append(distant[0])
        # an ally ("backed by Russian jets", "Turkish-backed factions") never comes before the actor it backs
        backed = [m for m in perpetrators if _is_supporter(text, m)]
        if backed and len(backed) < len(perpetrators):
            perpetrators = [m for m in perpetrators if m not in backed] + backed
    targets += holders
    # A civilian kind cannot be a perpetrator of armed violence (rioters and protesters can act).
    for m in list(perpetrators):
        if m.kind == "civilian" and m.inter == 7:
            perpetrators.remove(m)
            targets.append(m)
    actors: list[dict[str, Any]] = []
    for role, group in (("perpetrator", perpetrators), ("target", targets)):
        for m in group:
            if any(a["name"] == m.name for a in actors):
                continue
            actor = {"name": m.name, "role": role, "inter": m.inter, "country": m.country}
            if m.template:
                actor["_template"] = m.template
            elif m.described:
                actor["_described"] = m.described
            actors.append(actor)
    return actors


def crowd_first(actors: list[dict[str, Any]], event_type: str, country_iso: str | None) -> list[dict[str, Any]]:
    """ACLED's actor 1 of a protest or riot is the crowd: Protesters (X) or Rioters (X).

    Protesters named in a riot become rioters; whoever intervened (police, soldiers) is actor 2."""
    if event_type not in ("Protests", "Riots"):
        return actors
    militias = [a for a in actors if a.get("inter") == 4 and "Militia" in (a.get("_template") or "")]
    if event_type == "Riots" and militias:
        # "clashes between two families", "the Kiwan tribe's gunmen": a community's armed men
        # fighting, which ACLED codes to the community's militia, not to rioters
        first = {**militias[0], "role": "perpetrator"}
        return [first] + [a for a in actors if a is not militias[0]]
    kind, inter = ("Protesters", 6) if event_type == "Protests" else ("Rioters", 5)
    country = country_name(country_iso) or "Syria"
    crowd = None
    rest = []
    for a in actors:
        m = _GENERIC_NAME.match(a["name"])
        if m and m.group("kind") in ("Protesters", "Rioters") and crowd is None:
            crowd = {**a, "name": f"{kind} ({m.group('country')})", "inter": inter, "role": "perpetrator", "_template": kind + " ({country})"}
            continue
        rest.append(a if a["role"] != "perpetrator" or (a.get("inter") or 0) in (5, 6) else {**a, "role": "target"})
    if crowd is None:
        crowd = {"name": f"{kind} ({country})", "role": "perpetrator", "inter": inter, "country": country_iso, "_template": kind + " ({country})"}
    return [crowd] + [a for a in rest if a["name"] != crowd["name"]]


# ACLED codes every event with an actor 1: an attack on civilians, a bombing or an abduction whose
# author the report does not name is the work of "Unidentified Armed Group (<country>)".
# ACLED's "Unidentified Gang": violence the report ties to organised crime rather than to a political group
_ORGANISED_CRIME = re.compile(r"\b(?:organi[sz]ed crime|cartels?|drug (?:traffick\w+|dealing|dealers?|gangs?)|narco\w*|gangs?|gangsters?|criminal (?:groups?|gangs?|organi[sz]ations?)|sicarios?|hitm[ae]n|extortion)\b", re.I)
# Property set on fire or wrecked and ground fire with no author named are ACLED's unidentified armed
# group too (in the public exports' notes "a house was set on fire", "artillery fire by an unknown party")
_UNNAMED_AUTHOR_TYPES = ("Attack", "Abduction/forced disappearance", "Sexual violence", "Remote explosive/landmine/IED", "Suicide bomb", "Grenade",
                         "Looting/property destruction", "Shelling/artillery/missile attack")
_ONLY_WHEN_NO_ARMED_ACTOR = ("Looting/property destruction", "Shelling/artillery/missile attack")


# The hallmarks of criminal killings that ACLED codes to gangs even when the report names no
# motive: a drive-by shooting, victims found bound, gagged or handcuffed, the coup de grace
_GANG_HALLMARKS = re.compile(
    r"\bdrive[- ]by\b|\b(?:hands?|feet|wrists?)\s+(?:and\s+\w+\s+)?(?:were\s+|was\s+)?(?:tied|bound)\b|\b(?:tied|bound)\s+(?:up|hands?|and\s+gagged)\b|"
    r"\b(?:bodies|body|victims?|corpses?)\s+(?:\w+\s+){0,6}?(?:tied|bound|handcuffed|gagged)\b|\bhandcuffed\s+bod|\btiro\s+de\s+gracia\b|\bcoup\s+de\s+gr[aâ]ce\b|"
    # a body dumped dismembered, bagged or with a message left on it: how cartels display their killings
    r"\b(?:bodies|body|remains|corpses?)\s+(?:\w+\s+){0,6}?(?:dismembered|(?:in|inside)\s+(?:an?\s+)?(?:plastic|black|garbage)\s+bags?|wrapped\s+in\s+(?:a\s+)?(?:blankets?|sheets?|plastic)|with\s+a\s+(?:narco-?)?message)\b|\bnarco-?messages?\b",
    re.I,
)
_SUSPECTED_INDIGENOUS = re.compile(
    r"\b(?:indigenous|Mapuche)\s+(?:armed\s+)?(?:groups?|militias?|communities|organi[sz]ations?|militants)\b[^.]{0,60}\b(?:responsible|perpetrat\w*|behind|suspected|blamed|attributed)\b"
    r"|\b(?:perpetrated|carried\s+out|claimed|attributed\s+to|blamed\s+on|suspected\s+to\s+be)\s+(?:by\s+)?(?:\w+\s+){0,2}(?:indigenous|Mapuche)\s+(?:armed\s+)?(?:groups?|militias?|communities|organi[sz]ations?|militants)\b",
    re.I,
)
_MONITOR_OBSERVED = re.compile(r"\b(?:OSCE|SMM|Special\s+Monitoring\s+Mission)\b[^.]{0,40}\b(?:observed|recorded|heard|saw)\b", re.I)
_GANG_OR_MILITIA = "Unidentified Gang and/or Police Militia"  # ACLED's Brazil actor: no country in its name


def _told_near(event: dict[str, Any], ctx: Any) -> str:
    """The incident's own sentences, the one before and the two after it: a note's second sentence
    often carries the hallmarks ("... were found dead. The victims had their hands tied"), and a
    first one the classifier passed over may ("... were shot in a drive-by incident. One man died")."""
    told = [e.get("text") or "" for e in event.get("evidence") or []]
    idx = event.get("_sentences") or []
    if ctx is not None and idx:
        first, last = min(idx), max(idx)
        told += [s.text for s in getattr(ctx, "sentences", None) or [] if first - 1 <= s.index <= last + 2 and s.index not in idx]
    return " ".join(told)


def unnamed_perpetrator(event: dict[str, Any], ctx: Any = None) -> None:
    """Give an event of a one-sided type with no perpetrator ACLED's unknown author (call before
    ``settle_countries``, which names its country).

    The unknown author is a gang ("Unidentified Gang (X)") when the report ties the violence to
    organised crime or it bears a criminal killing's hallmarks (a drive-by shooting, bound
    victims); such hallmarks with no motive stated are, in Brazil, ACLED's "Unidentified Gang
    and/or Police Militia" (police militias carry out such killings there too; settled by
    ``settle_countries`` once the country is known). An unknown author the text itself calls
    "gunmen" or "armed men" is renamed the same way. ``ctx`` (the report) lends the two sentences
    after the incident's to the search for hallmarks."""
    told = " ".join(e.get("text") or "" for e in event.get("evidence") or [])
    if event.get("event_type") in _VIOLENT_TYPES and not event["actors"] and _MONITOR_OBSERVED.search(told):
        # a monitoring mission's count of explosions names no side: ACLED codes the state's forces
        # (Ukraine's in 706 of 1,170 OSCE SMM observations in the public exports, 2020-22). The
        # OSCE Special Monitoring Mission observed in Ukraine only (its mandate, 2014-22), so its
        # observation is Ukraine's whatever village name the gazetteer reads elsewhere.
        ukraine = _state_forces_actor("Ukraine")
        event["actors"].append({**ukraine, "role": "perpetrator"})
        return
    _crowds_do_not_strike(event)
    told = _told_near(event, ctx) or told
    if event.get("sub_event_type") not in _UNNAMED_AUTHOR_TYPES and event.get("event_type") != "Battles":
        return
    crime = bool(_ORGANISED_CRIME.search(told))
    hallmark = bool(_GANG_HALLMARKS.search(told))
    perps = [a for a in event["actors"] if a["role"] == "perpetrator"]
    if perps:
        first = perps[0]
        if first.get("_template") == "Unidentified Armed Group ({country})" and event.get("event_type") != "Battles" and _SUSPECTED_INDIGENOUS.search(told):
            first["_template"], first["name"], first["inter"] = "Indigenous Militia ({country})", first["name"].replace("Unidentified Armed Group", "Indigenous Militia"), 4
            return
        if (crime or hallmark) and first.get("_template") == "Unidentified Armed Group ({country})" and event.get("event_type") != "Battles":
            first["_template"] = "Unidentified Gang ({country})"
            first["name"] = first["name"].replace("Unidentified Armed Group", "Unidentified Gang")
            if hallmark and not crime:
                first["_gang_or_militia"] = True
        return
    if event.get("event_type") == "Battles" and event.get("sub_event_type") == "Armed clash":
        if any(a["role"] == "target" and (a.get("inter") or 0) in (1, 2, 3, 4, 8) for a in event["actors"]):
            side = _attacker_told_before(event, ctx)
            if side is not None:
                # "The NAF fired grenade launchers at government positions near X. During the day,
                # one Ukrainian soldier was wounded": the side that fired, told just before the harm
                event["actors"].insert(0, side)
                return
            # "an unknown sniper killed 2 QSD fighters", "the body of a QSD member was found": the
            # side hit is named, its attacker is not (ACLED: Unidentified Armed Group against it)
            event["actors"].insert(0, {"name": "Unidentified Armed Group (Syria)", "role": "perpetrator", "inter": 3, "country": "SY",
                                       "_template": "Unidentified Armed Group ({country})"})
        return
    if event.get("sub_event_type") not in _UNNAMED_AUTHOR_TYPES:
        return
    if event.get("sub_event_type") in _ONLY_WHEN_NO_ARMED_ACTOR and any((a.get("inter") or 0) in (1, 2, 3, 4, 8) for a in event["actors"]):
        return  # "military forces ... set 29 houses on fire": the armed actor it names did it
    antecedent = _definite_antecedent(event, ctx)
    if antecedent is not None:
        event["actors"].insert(0, antecedent)
        return
    if _SUSPECTED_INDIGENOUS.search(told):
        # "police could not name the attackers, though indigenous groups are suspected of earlier arson
        # on the same estates": ACLED codes the suspected identity militia
        event["actors"].insert(0, {"name": "Indigenous Militia (Syria)", "role": "perpetrator", "inter": 4, "country": "SY", "_template": "Indigenous Militia ({country})"})
        return
    kind = "Unidentified Gang" if crime or hallmark else "Unidentified Armed Group"
    author = {"name": f"{kind} (Syria)", "role": "perpetrator", "inter": 3, "country": "SY", "_template": kind + " ({country})"}
    if hallmark and not crime:
        author["_gang_or_militia"] = True
    event["actors"].insert(0, author)


# "fired grenade launchers at", "shelled", "attacked": the subject of the sentence acted
_FIRED_AFTER = re.compile(r"^(?:['’]s?)?(?:\s+[\w-]+){0,3}?\s+(?:fired|opened\s+fire|shelled|attacked|targeted|struck|launched|ambushed|stormed|bombarded|shot)\b", re.I)


def _attacker_told_before(event: dict[str, Any], ctx: Any) -> dict[str, Any] | None:
    """The named side that the sentence just before a battle's harm says fired or attacked, when
    the harm's own sentence names only the side hit; None when there is none."""
    idx = event.get("_sentences") or []
    if ctx is None or not idx:
        return None
    first = min(idx)
    before = [s for s in getattr(ctx, "sentences", None) or [] if s.index == first - 1]
    if not before:
        return None
    sent = before[0]
    hit = {a["name"] for a in event["actors"] if a["role"] == "target"}
    for m in named_mentions(sent.text, sent.start, getattr(ctx, "country", None), getattr(ctx, "published", None)):
        if m.kind != "armed" or m.generic or m.metonym or m.descriptor or m.person or (m.inter or 0) not in (1, 2, 3, 4, 8) or m.name in hit:
            continue
        rel = m.start - sent.start, m.end - sent.start
        if is_harmed(sent.text, *rel) or not _FIRED_AFTER.match(sent.text[rel[1] : rel[1] + 50]):
            continue
        return {"name": m.name, "role": "perpetrator", "inter": m.inter, "country": m.country}
    return None


def _branch(name: str, country: str) -> str | None:
    reg = _registry()
    return reg.branch(name, country) if reg is not None else None


def _named_by_country(name: str) -> bool:
    reg = _registry()
    return reg.named_by_country(name) if reg is not None else False


_DEFINITE_FIGHTERS = re.compile(r"\b[Tt]he\s+(?P<noun>separatists|militants|insurgents|rebels|jihadists|gunmen|attackers|assailants|fighters|militiamen|raiders|bandits)\b")
# "executed by the jihadist group": the jihadist group the report has just named
_DEFINITE_JIHADISTS = re.compile(r"\b[Tt]he\s+(?:extremist|jihadist|hard-?line\s+(?:jihadist|militant|Islamist)|ultra-?radical)\s+(?:group|organi[sz]ation|militia)\b")


def _definite_antecedent(event: dict[str, Any], ctx: Any) -> dict[str, Any] | None:
    """"Suspected Ambazonian separatists stole a car ... After stealing it, the separatists drove
    over two children": "the separatists" are the group the report named with that noun in the
    incident's sentence or up to two sentences before; None when no named group ends in the noun."""
    idx = event.get("_sentences") or []
    sentences = {s.index: s for s in getattr(ctx, "sentences", None) or []} if ctx is not None else {}
    if not idx or not sentences:
        return None
    first = min(idx)
    for i in idx:
        sent = sentences.get(i)
        m = _DEFINITE_FIGHTERS.search(sent.text) if sent is not None else None
        jihadists = _DEFINITE_JIHADISTS.search(sent.text) if sent is not None and not m else None
        if jihadists:
            m = jihadists
        if not m:
            continue
        noun = m.group("noun").lower() if not jihadists else ""
        for j in range(i, max(-1, first - 3), -1):
            prev = sentences.get(j)
            if prev is None:
                continue
            found = [x for x in named_mentions(prev.text, prev.start, getattr(ctx, "country", None), getattr(ctx, "published", None))
                     if x.kind == "armed" and not x.generic and not x.metonym and (x.inter or 0) in (2, 3, 4)
                     and (x.side == "jihadist" if jihadists else x.text.lower().rstrip("'’s").endswith(noun.rstrip("s"))) and (j < i or x.end <= m.start())]
            if found:
                x = found[-1]
                return {"name": x.name, "role": "perpetrator", "inter": x.inter, "country": x.country}
    return None


def _crowds_do_not_strike(event: dict[str, Any]) -> None:
    """A crowd named in a sentence merged into a strike or a battle ("public protests at its London
    embassy over airstrikes in Aleppo") did not strike or fight: ACLED's crowds act in protests and
    riots. It stays on the event as a party."""
    if event.get("event_type") not in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return
    crowd = [a for a in event["actors"] if a["role"] == "perpetrator" and (a.get("inter") or 0) in (5, 6)]
    if crowd:
        event["actors"] = [a for a in event["actors"] if a not in crowd] + [{**a, "role": "party"} for a in crowd]


def _state_forces_actor(country: str) -> dict[str, Any]:
    """A country's military as an Event JSON actor (the registry's name, else ACLED's pattern)."""
    reg = _registry()
    if reg is not None:
        a = reg.state_forces(country)
        return {"name": a.name, "inter": a.inter or 1, "country": a.country_code or _iso(country)}
    return {"name": f"Military Forces of {country}", "inter": 1, "country": _iso(country)}


def _local_groups(actors: list[dict[str, Any]]) -> set[str]:
    """Countries of the named non-state armed groups of the event that fight at home (not
    Hezbollah or Iran's militias in Syria: the registry's side ``foreign_*``)."""
    reg = _registry()
    out = set()
    for a in actors:
        if "_template" in a or (a.get("inter") or 0) not in (2, 3, 4) or not a.get("country"):
            continue
        actor = reg.get(a["name"]) if reg is not None else None
        if actor is not None and not (actor.side or "").startswith("foreign") and not actor.generic and not reg.named_by_country(actor.name):
            out.add(a["country"])
    return out


def settle_countries(actors: list[dict[str, Any]], country_iso: str | None, *fallbacks: str | None, place: str | None = None, placed: bool = False) -> None:
    """Generic actors take the event's country ("Protesters (Lebanon)" for a protest in Beirut,
    whatever else the report names); the bookkeeping marker is removed in any case.

    ``country_iso`` is the country of the event's place, ``fallbacks`` the report's (in order).
    A named home actor of the event (Syria's QSD, Mexico's police) vouches for a country: when the
    place lies elsewhere but a fallback is that actor's country, the place was misread. Syria, the
    monitor's home theatre, when nothing places the event. ``place`` (the event's town) names a
    communal militia the text leaves unnamed ("clashes erupted between two families in Tafas").
    ``placed``: the event's place lies below country level, so an actor ACLED names by the country
    it acts in ("Islamic State (Iraq)") takes that country (a demonym alone does not place it)."""
    # an actor ACLED names by where it acts (the Islamic State) says nothing of where that is
    named = [a for a in actors if "_template" not in a and "_described" not in a and (a.get("inter") or 0) in (1, 2, 3, 4) and a.get("country")
             and not _named_by_country(a["name"])]
    home = {a["country"] for a in named}
    state = {a.get("country") for a in named if a.get("inter") == 1}
    candidates = [c for c in (country_iso, *fallbacks) if c]
    if not candidates and home:
        # nothing places the event, but it names a country's own forces or groups ("FARDC soldiers",
        # "CODECO militiamen"): they fight at home, so the event is in their country
        candidates = list(dict.fromkeys(a["country"] for a in sorted(named, key=lambda a: a.get("inter") != 1)))
    if home and candidates and candidates[0] not in home:
        candidates = [c for c in candidates if c in home] + candidates
        if len(state) == 1 and not (set(candidates) & home):
            candidates = list(state) + candidates  # a state's own forces fight at home: the place was misread
        else:
            local = _local_groups(actors)
            if len(local) == 1 and not (set(candidates) & home):
                candidates = list(local) + candidates  # so do its own armed groups (QSD, YPG, HTS)
    country_iso = candidates[0] if candidates else "SY"
    country = country_name(country_iso)
    for a in actors:
        template = a.pop("_template", None)
        either = a.pop("_gang_or_militia", False)
        described = a.pop("_described", None)
        if not template and not described and country and country_iso != "SY" and placed and country_iso in fallbacks:
            # the report as a whole is about that country too, not a village misread as a namesake abroad
            branch = _branch(a["name"], country)
            if branch:
                a["name"], a["country"] = branch, country_iso  # "Islamic State (Iraq)": the province where it acts
                continue
        if described and country and not template:
            # "the police" of a report whose country was unknown when read: the event's country's
            a["name"], a["inter"] = _template_name(described, country)
            a["country"] = country_iso
            continue
        if not template or not country:
            continue
        if either and country_iso == "BR":
            a["name"], a["country"] = _GANG_OR_MILITIA, country_iso
            continue
        name, _inter = _template_name(template, country, place)
        a["name"] = name
        a["country"] = country_iso


_VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")


# "It remained unclear who carried out the raids", "unidentified warplanes", "the identity of
# the drone was not confirmed": the report says the author is unknown
_AUTHOR_UNKNOWN = re.compile(
    r"\b(?:not\s+(?:immediately\s+)?clear|unclear|not\s+(?:yet\s+)?known|unknown|not\s+immediately\s+known)\s+(?:who|which\s+(?:side|party|group|country|forces?))\b"
    r"|\bidentity\s+of\s+the\s+(?:\w+\s+){0,2}(?:was|is|has)\s+(?:not|yet|un)\w*"
    r"|\bunidentified\s+(?:warplanes|aircraft|jets|planes|drones?|air\s*strikes?|raids?)\b",
    re.I,
)


def author_unknown(ctx: Any, ev: dict[str, Any]) -> bool:
    """The report says who struck is unknown, in the incident's sentences or the two after them."""
    told = [e.get("text") or "" for e in ev.get("evidence") or []]
    last = max(ev.get("_sentences") or [0])
    told += [s.text for s in getattr(ctx, "sentences", None) or [] if last < s.index <= last + 2]
    return any(_AUTHOR_UNKNOWN.search(t) for t in told)


_HYPOTHETICAL = re.compile(r"\b(?:could|would|might|should)\s+(?:\w+\s+)?(?:help|be|enforce|strike|launch|carry|target|bomb|attack|join|take|consider)\b", re.I)

#: Kinds of attack that may lend each other an author: planted or carried bombs, ranged strikes
_FAMILY = {"Remote explosive/landmine/IED": "bomb", "Suicide bomb": "bomb", "Grenade": "bomb",
           "Air/drone strike": "ranged", "Shelling/artillery/missile attack": "ranged", "Chemical weapon": "ranged"}


def borrow_perpetrators(events: list[dict[str, Any]], ctx: Any = None) -> None:
    """An incident told without its author ("Fifteen civilians were killed in a barrel bomb attack
    on Bab al-Nayrab") takes the perpetrator the same report gives the same kind of attack in the
    same area ("... a barrel bomb attack carried out by government forces", "The strikes were
    carried out by Russian jets"): the nearest event of the same sub-event type, else of the same
    event type. An actor the incident already names as a target is promoted, not doubled. The
    borrowed author is at best ``reported``, and keeps the lender's hedge ("believed to have been
    government air strikes" stays ``believed``). An incident whose report says its author is
    unknown ("it remained unclear who carried out the raids") borrows none."""
    for ev in events:
        _crowds_do_not_strike(ev)
    for ev in events:
        if ev["event_type"] not in _VIOLENT_TYPES or any(a["role"] == "perpetrator" for a in ev["actors"]):
            continue
        if ctx is not None and author_unknown(ctx, ev):
            continue
        here = min(ev.get("_sentences") or [0])
        lenders = []
        for other in events:
            if other is ev or other["event_type"] != ev["event_type"] or other.get("aggregate"):
                continue
            if _FAMILY.get(other["sub_event_type"], "other") != _FAMILY.get(ev["sub_event_type"], "other"):
                continue  # a car bomb never takes the author of an air strike told in the same report
            if (other.get("attribution") or {}).get("certainty") == "denied":
                continue  # "Moscow denied its jets struck the market" lends no author
            if all(_HYPOTHETICAL.search(e.get("text") or "") for e in other.get("evidence") or [{}]):
                continue  # "British jets could help police a no-fly zone" struck nothing
            lo, le = other.get("location") or {}, ev.get("location") or {}
            if lo.get("admin1") and le.get("admin1") and lo["admin1"] != le["admin1"]:
                continue
            perps = [a for a in other["actors"] if a["role"] == "perpetrator" and (a.get("inter") or 0) not in (5, 6, 7) and "_template" not in a]
            if perps:
                distance = abs(min(other.get("_sentences") or [0]) - here)
                lenders.append((other["sub_event_type"] != ev["sub_event_type"], distance, perps[0], other))
        if not lenders:
            continue
        _same, _distance, perp, other = min(lenders, key=lambda x: (x[0], x[1]))
        named = next((a for a in ev["actors"] if a["name"] == perp["name"]), None)
        if named is not None:
            ev["actors"].remove(named)
        ev["actors"].insert(0, {**perp, "role": "perpetrator"})
        ev["attribution"]["certainty"] = weakest(ev["attribution"].get("certainty"), (other.get("attribution") or {}).get("certainty"), "reported")


def author_hedge(host: dict[str, Any], had_author: bool, lender: dict[str, Any]) -> None:
    """When a merged sentence gave the event its author, the event keeps that sentence's hedge
    ("... were killed in air strikes. The strikes are believed to have been carried out by Russian
    jets": the author is ``believed``)."""
    if had_author or not any(a["role"] == "perpetrator" for a in host["actors"]):
        return
    host["attribution"]["certainty"] = weakest(host["attribution"].get("certainty"), (lender.get("attribution") or {}).get("certainty"))


# "Daesh claimed responsibility for the blast", "IS said it carried out the bombing", "The
# group said in a message that one of its fighters had blown himself up at a checkpoint"
_CLAIM = re.compile(
    r"\bclaim(?:ed|s|ing)?\s+(?:the\s+)?responsibility\b|\b(?:said|says|announced)\s+(?:on\s+\w+day\s+)?(?:in\s+an?\s+(?:\w+\s+)?(?:statement|message|posting|communiqu\w+)\s+)?(?:that\s+)?(?:it|they|its\s+fighters?|one\s+of\s+its\s+\w+)\s+(?:had\s+)?(?:carried\s+out|was\s+behind|were\s+behind|conducted|launched|fired\s+on|attacked|targeted|struck|detonated|killed|(?:was|were)\s+responsible\s+for|blew\s+(?:himself|herself|themselves)\s+up)\b"
    r"|\bclaimed\s+(?:the|this|that|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's|Sunday's)\s+(?:\w+\s+)?(?:attack|bombing|blast|explosion|strike|assault|killing)s?\b",
    re.I,
)
_NO_CLAIM = re.compile(r"\b(?:no|not|nobody|no\s+one|none|yet\s+to|did\s+not|has\s+not|have\s+not|denied)\b[^.]{0,40}\bclaim|\bclaim\w*[^.]{0,30}\bprevious\b", re.I)
_CLAIMED_TYPES = ("Explosions/Remote violence", "Violence against civilians")


def claimed_responsibility(ctx: Any, events: list[dict[str, Any]]) -> None:
    """A bombing or attack with no named author takes the group that claimed it in the same
    report ("The Daesh group claimed responsibility for the attack"), with certainty ``alleged``
    (a claim, not a finding). "No group has claimed responsibility" lends nobody."""
    claims: list[tuple[int, Mention]] = []
    for sent in getattr(ctx, "sentences", None) or []:
        m = _CLAIM.search(sent.text)
        if not m or _NO_CLAIM.search(sent.text):
            continue
        mentions = [x for x in named_mentions(sent.text, sent.start, getattr(ctx, "country", None), getattr(ctx, "published", None))
                    if x.kind == "armed" and not x.metonym and not x.generic and (x.inter or 0) in (1, 2, 3, 4, 8)]
        before = [x for x in mentions if x.end <= m.start()]
        claimant = before[-1] if before else (mentions[0] if mentions else None)
        if claimant is not None:
            claims.append((sent.index, claimant))
    if not claims:
        claims = _previous_claims(ctx)
        if not claims:
            return
    for ev in events:
        if ev["event_type"] not in _CLAIMED_TYPES:
            continue
        if any(a["role"] == "perpetrator" and "_template" not in a for a in ev["actors"]):
            continue
        here = min(ev.get("_sentences") or [0])
        _index, who = min(claims, key=lambda c: abs(c[0] - here))
        ev["actors"] = [a for a in ev["actors"] if a["name"] != who.name and not (a["role"] == "perpetrator" and "_template" in a)]
        ev["actors"].insert(0, {"name": who.name, "role": "perpetrator", "inter": who.inter, "country": who.country})
        ev["attribution"]["certainty"] = weakest(ev["attribution"].get("certainty"), "alleged")


# "Who left the device is not yet known, but the PKK has claimed past attacks on the base": the
# report names its suspect
_PREVIOUS_CLAIMS = re.compile(r"\b(?:has|have|had)\s+(?:also\s+)?claimed\s+(?:previous|past|earlier|similar|several|other|many|most|a\s+string\s+of|a\s+series\s+of|recent)\s+(?:\w+\s+)?(?:bombings|attacks|blasts|explosions|suicide\s+attacks)\b", re.I)


def _previous_claims(ctx: Any) -> list[tuple[int, Mention]]:
    """The group a report says claimed earlier attacks of the kind in the area, as the suspect of
    an unclaimed one (at best ``alleged``, as any claim)."""
    out: list[tuple[int, Mention]] = []
    for sent in getattr(ctx, "sentences", None) or []:
        m = _PREVIOUS_CLAIMS.search(sent.text)
        if not m:
            continue
        before = [x for x in named_mentions(sent.text, sent.start, getattr(ctx, "country", None), getattr(ctx, "published", None))
                  if x.kind == "armed" and not x.metonym and not x.generic and (x.inter or 0) in (2, 3, 4) and x.end <= m.start()]
        if before:
            out.append((sent.index, before[-1]))
    return out


def headline_author(ctx: Any, events: list[dict[str, Any]]) -> None:
    """A headline kept apart from the text that names who struck ("Regime airstrikes kill 61
    civilians in Atareb", "Hezbollah, Syrian army kill 2 Nusra commanders") gives its author to the
    report's leading incident when the text names none (or only an unidentified one): news bodies
    often leave the author to the headline. The author is at best ``reported``; a side the
    headline says was hit ("Suicide bomber kills five Kurdish police") is never taken."""
    title = (getattr(ctx.doc, "title", None) or "").strip()
    if not title or getattr(ctx, "title_sentences", None):
        return
    violent = [ev for ev in events if ev["event_type"] in _VIOLENT_TYPES and not ev.get("aggregate")]
    if not violent:
        return
    lead = max(violent, key=lambda e: e.get("salience") or 0.0)
    if any(a["role"] == "perpetrator" and not _GENERIC_NAME.match(a["name"]) and not a["name"].startswith("Unidentified") for a in lead["actors"]):
        return
    if (lead.get("attribution") or {}).get("certainty") == "denied" or author_unknown(ctx, lead):
        return
    from ceasefire.extract.classify import find_cues  # local: classify is the caller's concern, not this module's

    if not any(not c.suppressed for c in find_cues(title)):
        return  # "Opposition body: the FSA alone can defend the north" tells no act
    mentions = [m for m in named_mentions(title, 0, getattr(ctx, "country", None), getattr(ctx, "published", None))
                if m.kind == "armed" and not m.metonym and not m.generic and not m.descriptor and (m.inter or 0) in (1, 2, 3, 4, 8)
                and not (m.person and not _PERSONS_FORCES.match(title[m.end : m.end + 30]))]  # "in Assad clan's hometown": a person, no author
    author = None
    for m in mentions:
        if is_harmed(title, m.start, m.end) or _SPEAKER_AFTER.match(title[m.end : m.end + 60]) or _HELD.match(title[m.end : m.end + 40]):
            continue
        if _HELD_BY.search(title[max(0, m.start - 40) : m.start]) or _TARGET_BEFORE.search(title[max(0, m.start - 40) : m.start]):
            continue
        author = m
        break
    if author is None:
        return
    lead["actors"] = [a for a in lead["actors"] if a["name"] != author.name and not (a["role"] == "perpetrator" and (_GENERIC_NAME.match(a["name"]) or a["name"].startswith("Unidentified")))]
    lead["actors"].insert(0, {"name": author.name, "role": "perpetrator", "inter": author.inter, "country": author.country})
    lead["attribution"]["certainty"] = weakest(lead["attribution"].get("certainty"), "reported")


# "... could not say whether Russian or Syrian jets carried out the raids",
# "all indications show that Syria's government was behind a chemical massacre"
_AUTHORSHIP = re.compile(
    r"\b(?:carried\s+out|were\s+behind|was\s+behind|are\s+behind|is\s+behind|conducted|(?:was|were|is|are)\s+responsible\s+for)\s+"
    r"(?:the|these|those|this|that|a|an|its|their)\s+(?:\w+\s+){0,2}?(?:strikes?|air\s*strikes?|airstrikes?|raids?|attacks?|bombings?|bombardment|shelling|massacre|assault)\b",
    re.I,
)
_PASSIVE_AUTHORSHIP = re.compile(
    r"\b(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:[\w-]+\s+){0,4}?(?:planted|carried\s+out|detonated|placed|launched|fired|conducted|committed|perpetrated|orchestrated)\s+by\s+(?:the\s+)?",
    re.I,
)
_WHETHER = re.compile(r"\b(?:whether|believed|suspected|thought|likely|probably|possibly|indications?)\b", re.I)


def stated_authors(ctx: Any, events: list[dict[str, Any]]) -> None:
    """A sentence that is not itself an incident but says who carried out the report's strikes
    ("The monitor could not say whether Russian or Syrian jets carried out the
    raids") gives that author to the nearest earlier incident of the same kind that has none;
    "whether", "believed" or "indications" make it ``believed``, else ``reported``."""
    told = {i for ev in events for i in ev.get("_sentences") or []}
    stated: list[tuple[int, Mention, str]] = []
    for sent in getattr(ctx, "sentences", None) or []:
        blame = _BLAMING_IN.search(sent.text)
        if blame and not _NO_CLAIM.search(sent.text):
            # "..., blaming the Islamic State group for the attack": an accusation, so ``alleged``
            for x in named_mentions(sent.text, sent.start, getattr(ctx, "country", None), getattr(ctx, "published", None)):
                if (x.kind == "armed" and not x.metonym and not x.generic and (x.inter or 0) in (1, 2, 3, 4, 8)
                        and _BLAMING.search(sent.text[max(0, x.start - 25) : x.start]) and _FOR_THE_ATTACK.match(sent.text[x.end : x.end + 60])):
                    stated.append((sent.index, x, "alleged"))
                    break
        passive = _PASSIVE_AUTHORSHIP.search(sent.text)
        if passive and sent.index not in told and not _NO_CLAIM.search(sent.text):
            # "the explosives were thought to have been placed by Ambazonian separatists": the author follows "by"
            by = [x for x in named_mentions(sent.text, sent.start, getattr(ctx, "country", None), getattr(ctx, "published", None))
                  if x.kind == "armed" and not x.metonym and not x.generic and (x.inter or 0) in (1, 2, 3, 4, 8) and 0 <= x.start - passive.end() <= 30]
            if by:
                stated.append((sent.index, by[0], "believed" if _WHETHER.search(sent.text[: passive.end()]) else "reported"))
                continue
        m = _AUTHORSHIP.search(sent.text)
        if not m or sent.index in told or _NO_CLAIM.search(sent.text) or _AUTHOR_UNKNOWN.search(sent.text):
            continue
        mentions = [x for x in named_mentions(sent.text, sent.start, getattr(ctx, "country", None), getattr(ctx, "published", None))
                    if x.kind == "armed" and not x.metonym and not x.generic and (x.inter or 0) in (1, 2, 3, 4, 8)]
        before = [x for x in mentions if x.end <= m.start() and not _SPEAKER_AFTER.match(sent.text[x.end : x.end + 60])]
        if before:
            stated.append((sent.index, before[-1], "believed" if _WHETHER.search(sent.text[: m.start()]) else "reported"))
    for ev in events:
        if ev["event_type"] not in _VIOLENT_TYPES or ev.get("aggregate"):
            continue
        if any(a["role"] == "perpetrator" and "_template" not in a for a in ev["actors"]):
            continue
        here = max(ev.get("_sentences") or [0])
        after = [s for s in stated if 0 < s[0] - here <= 3 or (s[2] == "alleged" and s[0] in (ev.get("_sentences") or []))]
        if not after:
            continue
        _index, who, hedge = min(after, key=lambda s: s[0])
        ev["actors"] = [a for a in ev["actors"] if a["name"] != who.name and not (a["role"] == "perpetrator" and "_template" in a)]
        ev["actors"].insert(0, {"name": who.name, "role": "perpetrator", "inter": who.inter, "country": who.country})
        ev["attribution"]["certainty"] = weakest(ev["attribution"].get("certainty"), hedge)
