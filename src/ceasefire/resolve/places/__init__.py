"""Geoparsing: find every place a text names and resolve it against the offline gazetteer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Toponym:
    """A place named in the text, resolved (or not) to a gazetteer entry."""

    start: int
    end: int
    text: str
    name: str | None = None  # the gazetteer's name
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    feature_class: str | None = None
    precision: str | None = None  # exact | near | admin2 | admin1 | country
    role: str | None = None  # e.g. dateline, speaker_city, containing_area

    def as_location(self) -> dict[str, Any]:
        """The Event JSON v1 ``location`` object."""
        return {
            "name": self.name or self.text,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "geonames_id": self.geonames_id,
            "precision": self.precision or "exact",
        }


def geoparse(text: str, spacy_doc: Any = None) -> list[Toponym]:
    """Every toponym in ``text`` with its resolution (offsets into ``text``)."""
    return []


def locate_event(ctx: Any, sentence: Any) -> dict[str, Any] | None:
    """The Event JSON v1 location of an event told in ``sentence`` of the document ``ctx``."""
    return None


def lookup(name: str, country: str | None = None) -> dict[str, Any] | None:
    """The best gazetteer entry for a place name, as an Event JSON v1 location, or None."""
    return None
