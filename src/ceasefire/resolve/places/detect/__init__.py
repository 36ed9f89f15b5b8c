"""Finding place names in text: spaCy's entities, rescued and widened by the gazetteer.

spaCy's small English pipeline labels many places PERSON or ORG ("Zabadani", "al-Foua",
"Alexandria") and misses demonyms as places. So a mention comes from either

- a GPE / LOC / FAC entity (kept even when the gazetteer does not know it: a street or a
  building is still a place the report names), or
- a run of capitalised tokens (with the connectors place names carry: al-, ez-, de, of, upon)
  that the gazetteer knows, longest first, filtered against person names, organisations,
  sentence-initial common words and acronyms.

The steps live in sibling modules: ``vocabulary`` (the words), ``lookup`` (gazetteer readings),
``spans`` (a name's extent), ``filters`` (place or not), the passes ``features``, ``entities``,
``gazetteer_scan`` and ``cue_words`` over a shared ``scan``, ``repeat`` (one name, one sense) and
``cues`` (what the resolver reads around a mention). Every name is re-exported here.
"""

from __future__ import annotations

from ceasefire.resolve.places.gazetteer import Gazetteer
from ceasefire.resolve.places.detect.vocabulary import (  # noqa: F401
    MAX_TOKENS,
    CONNECTORS,
    LEADING_ARTICLES,
    PLACE_LABELS,
    HONORIFICS,
    _BARE_ABBREVIATIONS,
    ORG_TAILS,
    ORGANISATION_WORDS,
    FIGHTER_WORDS,
    CURRENCY_WORDS,
    BUILDING_HEADS,
    _SURNAME_HEADS,
    LANGUAGE_CUES,
    LANGUAGE_BEFORE,
    LANGUAGE_DEMONYMS,
    COMMON_ACRONYMS,
    STREET_SUFFIXES,
    ADMIN_SUFFIXES,
    NATURAL_HEADS,
    NATURAL_LEADS,
    ROAD_HEADS,
    FACILITY_HEADS,
    PLACE_OF_WORDS,
    SETTLED_AFTER,
    PLACE_AFTER_WORDS,
    ARABIC_PLACE_PREFIXES,
    LOCATIVE,
    NON_PLACE_LABELS,
    RESCUE_BEFORE,
    FIRE_VERBS,
    FIRE_NOUNS,
    DIRECTION_WORDS,
    RESCUE_AFTER,
    RESCUE_AFTER_CAPITALISED,
    GROUP_HEADS,
    GROUP_NAMES,
    NAME_PREFIXES,
    common_words,
    common_nouns,
    SPEECH_VERBS,
    INSTITUTION_WORDS,
    TITLES_OF,
)
from ceasefire.resolve.places.detect.mention import (  # noqa: F401
    Mention,
    _is_cap,
    sent_start_tok,
    _glued,
)
from ceasefire.resolve.places.detect.lookup import (  # noqa: F401
    lookup_candidates,
    _lost_possessive,
    _GLUED_DIRECTIONS,
    _GLUED_DIRECTION_RE,
    _strong,
    _curated,
    _big,
    TAIL_TOWN_POP,
    _town_of_size,
    _named_countries,
    _local_spelling,
)
from ceasefire.resolve.places.detect.spans import (  # noqa: F401
    _widen,
    _only_demonyms_inside,
    _only_tail_known,
    _any_known_subspan,
    _place_inside,
    _inner_ok,
    _in_compound,
)
from ceasefire.resolve.places.detect.filters import (  # noqa: F401
    _organisation_name,
    _byline_name,
    _street_entity,
    _named_within,
    _dotted_state,
    _excluded_acronym,
    _DATELINE_TAIL,
    _language_noun,
    _dateline_town,
    _place_cue,
    _person_or_organisation,
    _rescued_by_cue,
    _keep_scanned,
)
from ceasefire.resolve.places.detect.cues import (  # noqa: F401
    _ADMIN_AFTER,
    _ADMIN_LIST_AFTER,
    _ADMIN_BEFORE,
    _SETTLEMENT_AFTER,
    _SETTLEMENT_BEFORE,
    _NEAR_BEFORE,
    _CONTAINER_AFTER,
    _LIST_AFTER,
    _read_cues,
)
from ceasefire.resolve.places.detect.repeat import (  # noqa: F401
    _repeat_names,
)
from ceasefire.resolve.places.detect.scan import (  # noqa: F401
    start_scan,
)
from ceasefire.resolve.places.detect.features import (  # noqa: F401
    find_numbered_roads,
    find_paired_streets,
    find_towns_named_after_areas,
    find_natural_features,
    find_streets,
)
from ceasefire.resolve.places.detect.entities import (  # noqa: F401
    find_place_entities,
    find_buildings,
    find_deferred_place_entities,
)
from ceasefire.resolve.places.detect.gazetteer_scan import (  # noqa: F401
    skip_group_names,
    scan_capitalised_runs,
)
from ceasefire.resolve.places.detect.cue_words import (  # noqa: F401
    find_named_by_cue_words,
    find_county_lists,
    find_people_of_places,
    find_listed_beside_places,
)
from ceasefire.resolve.places.detect.abbreviations import (  # noqa: F401
    find_spelled_out_abbreviations,
)
from ceasefire.resolve.places.detect.facilities import (  # noqa: F401
    find_facilities,
    find_facilities_left_unread,
)
from ceasefire.resolve.places.detect.addresses import (  # noqa: F401
    find_numbered_streets,
    find_street_lists,
)
from ceasefire.resolve.places.detect.placed_before_area import (  # noqa: F401
    find_towns_before_their_area,
)


def find_mentions(doc, gaz: Gazetteer, text: str | None = None) -> list[Mention]:
    """Every place mention in a spaCy ``Doc`` (offsets into its text).

    ``text`` is the text the doc was parsed from, when the caller has it: spaCy rebuilds
    ``doc.text`` from every token at each call, which costs as much as some passes.
    """
    with gaz.reading():  # the report's lookups in one read of the gazetteer file
        return _find_mentions(doc, gaz, text)


def _find_mentions(doc, gaz: Gazetteer, text: str | None = None) -> list[Mention]:
    s = start_scan(doc, gaz, text)
    skip_group_names(s)
    find_numbered_roads(s)
    find_paired_streets(s)
    find_towns_named_after_areas(s)
    find_natural_features(s)
    find_place_entities(s)
    find_facilities(s)
    find_numbered_streets(s)
    find_buildings(s)
    scan_capitalised_runs(s)
    find_deferred_place_entities(s)
    find_streets(s)
    find_named_by_cue_words(s)
    find_county_lists(s)
    find_street_lists(s)
    find_people_of_places(s)
    find_listed_beside_places(s)
    find_spelled_out_abbreviations(s)
    find_towns_before_their_area(s)
    find_facilities_left_unread(s)
    _repeat_names(s.tokens, s.mentions, s.taken, s.ent_of, s.person_tokens | s.given_names, s.add)

    s.mentions.sort(key=lambda m: m.start)
    for m in s.mentions:
        _read_cues(m, s.tokens, s.text)
        _area_titled_after(m, s.tokens, gaz)
    return s.mentions


# Areas named like their capital are in the gazetteer only with their title ("Mopti Region",
# "Marib Governorate"); reports often write the title in lower case.
_AREA_TITLES = frozenset("region governorate province state department division county oblast".split())


def _area_titled_after(m: Mention, tokens, gaz: Gazetteer) -> None:
    """Read "the Mopti region" as the area "Mopti Region" when the gazetteer knows the area only so."""
    if not m.admin_cue or m.token_end >= len(tokens) or any(p.is_admin1 for p, _, _ in m.candidates):
        return
    word = tokens[m.token_end]
    if not word.text.islower() or word.lower_ not in _AREA_TITLES:
        return
    titled = [c for c in lookup_candidates(gaz, f"{m.text} {word.text.title()}") if c[0].is_admin1]
    if titled:
        m.candidates = titled
