"""An actor named in a sentence (``Mention``) and the names ACLED gives actors: countries by
ACLED's spelling, state forces as the registry names them, generic actors by kind and country."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
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
    # "police", "the army" read as the report's country's forces: "{police}" / "{military}", renamed by
    # ``settle_countries`` only when the event's own words place it in another country's area
    bare: str | None = None
_GENERIC_NAME = re.compile(
    r"^(?P<kind>Civilians|Protesters|Rioters|Unidentified Armed Group|Unidentified Gang|Unidentified Tribal Militia|Unidentified Communal Militia) \((?P<country>[^()]+)\)$"
)


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


def _branch(name: str, country: str) -> str | None:
    reg = _registry()
    return reg.branch(name, country) if reg is not None else None


def _named_by_country(name: str) -> bool:
    reg = _registry()
    return reg.named_by_country(name) if reg is not None else False


def _state_forces_actor(country: str) -> dict[str, Any]:
    """A country's military as an Event JSON actor (the registry's name, else ACLED's pattern)."""
    reg = _registry()
    if reg is not None:
        a = reg.state_forces(country)
        return {"name": a.name, "inter": a.inter or 1, "country": a.country_code or _iso(country)}
    return {"name": f"Military Forces of {country}", "inter": 1, "country": _iso(country)}
