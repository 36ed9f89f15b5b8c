"""Which of the places a sentence names is where its event happened.

"On Tuesday, army units liberated the towns of Tadif and Deir Hafer in the Aleppo
province": the event verb is *liberated*; its places are Tadif and Deir Hafer, not Aleppo (the
containing area), nor the dateline, nor the city a spokesman spoke from, nor the home town
of a victim ("a cab driver from Abidjan").

:func:`choose_event_toponym` works on one sentence, a verb's character span and candidate
toponyms (all offsets relative to the sentence), so the evaluation can call it on gold verbs.
The weights were set by hand on the non-gold rows of the event-location set (not the
``RELABEL`` rows the evaluation scores).

The steps, one module each:

- :mod:`.candidates`: the candidate places of an event beyond what the geoparser saw in its
  sentence, and places named for an earlier incident (never candidates);
- :mod:`.cues` and :mod:`.dependency`: the rules that rank and exclude a sentence's places;
- :mod:`.containers`: containers and provinces (a place inside the area its sentence names);
- :mod:`.choose`: the final choice within one sentence;
- :mod:`.report`: the event's place in a whole report (neighbouring sentences, headline);
- :mod:`.areas`: a place re-read against the district and province written after it;
- :mod:`.truce`: the place of a truce.
"""

from __future__ import annotations

from ceasefire.resolve.places.event_location.areas import place_of_named_areas, placed_by_its_areas
from ceasefire.resolve.places.event_location.candidates import recalled_place
from ceasefire.resolve.places.event_location.choose import MIN_PLACES_TO_PARSE, PARSE_MARGIN, choose_event_toponym
from ceasefire.resolve.places.event_location.containers import (
    _LIES_IN,
    FRONTED_KM,
    as_read_in_its_area,
    in_countryside_province,
    names_its_area,
)
from ceasefire.resolve.places.event_location.cues import WEIGHTS, _contains_here, _features
from ceasefire.resolve.places.event_location.dependency import dependency_relation
from ceasefire.resolve.places.event_location.report import (
    _EVENT_VERB,
    NEXT_SENTENCES,
    ROUND_UP_SENTENCES,
    headline_place,
    locate_event,
    main_place,
    place_in_sentences,
)
from ceasefire.resolve.places.event_location.truce import _country_location, _focus_country, locate_agreement

__all__ = [
    "FRONTED_KM",
    "MIN_PLACES_TO_PARSE",
    "NEXT_SENTENCES",
    "PARSE_MARGIN",
    "ROUND_UP_SENTENCES",
    "WEIGHTS",
    "as_read_in_its_area",
    "choose_event_toponym",
    "dependency_relation",
    "headline_place",
    "in_countryside_province",
    "locate_agreement",
    "locate_event",
    "main_place",
    "names_its_area",
    "place_in_sentences",
    "place_of_named_areas",
    "placed_by_its_areas",
    "recalled_place",
]
