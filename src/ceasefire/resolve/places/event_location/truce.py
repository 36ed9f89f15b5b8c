"""The place of a truce: :func:`locate_agreement` (a zone the sentence ties to the truce word,
the country for a nationwide deal, never a monitors' seat or a diplomats' venue)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ceasefire.resolve.places.event_location.choose import choose_event_toponym
from ceasefire.resolve.places.event_location.candidates import _Shifted

# --- the place of a truce -------------------------------------------------------------------------

_TRUCE_WORD = re.compile(
    r"\b(?:truces?|cease-?fires?|cessation\s+of\s+hostilities|regimes?\s+of\s+(?:calm|silence)|calm|lull|"
    r"(?:humanitarian\s+)?pauses?|de-?escalation|agreements?|deals?|accords?|armistice|reconciliation|settlement)\b",
    re.I,
)
# A deal for a whole country: its place is the country, whatever towns a sentence about it names.
_NATIONWIDE = re.compile(
    r"\b(?:cessation\s+of\s+hostilities|nation-?wide|country-?wide|peace\s+(?:agreement|deal|accord|treaty)|"
    r"all\s+(?:of\s+)?(?:the\s+)?country)\b",
    re.I,
)
# Where monitors sit and diplomats meet is not the zone a truce covers: "officers monitoring the
# truce at the Hmeimim base", "the American centre in Amman", "powers to meet in Vienna".
_SEAT_BEFORE = re.compile(
    r"\b(?:(?:centre|center|base|headquarters|office|offices|embassy|mission)\s+(?:in|at)|meet(?:s|ing)?\s+in|"
    r"talks\s+in|conference\s+in|summit\s+in|gathered\s+in|based\s+in)\s+(?:the\s+)?$",
    re.I,
)
_SEAT_AFTER = re.compile(r"^\s*(?:air\s*base|base|airport|centre|center|headquarters|talks|meeting|conference|summit|process)\b", re.I)


def locate_agreement(ctx: Any, event: dict[str, Any], events: list[dict[str, Any]] | None = None) -> dict[str, Any] | None:
    """The Event JSON v1 location of a truce event whose sentence names no zone.

    In order: a place of the report's country that the sentence ties to the truce word ("Aleppo
    'regime of calm' extended by 72 hours"); for a deal of a whole country (a cessation of
    hostilities, a peace agreement, "nationwide"), the country; the place another event of the
    same truce in this report has; the nearest earlier place of the report's country; the country.
    Monitors' seats and diplomats' venues ("the centre in Amman", "talks in Geneva") are never it.
    """
    evidence = (event.get("evidence") or [{}])[0]
    start, end = evidence.get("start"), evidence.get("end")
    text = getattr(ctx, "text", "") or ""
    if start is None or end is None:
        return None
    sentence = text[start:end]
    toponyms = [t for t in (getattr(ctx, "toponyms", None) or []) if t.lat is not None and not getattr(t, "demonym", False)]
    focus = _focus_country(toponyms) or getattr(ctx, "country", None)
    agreement = event.get("agreement") or {}
    nationwide = bool(_NATIONWIDE.search(sentence) or _NATIONWIDE.search(agreement.get("name") or "")
                      or agreement.get("kind") == "peace_agreement")

    inside = [t for t in toponyms if start <= t.start and t.end <= end and t.role not in ("dateline", "speaker_city")
              and (focus is None or t.country == focus) and not _is_seat(text, t)]
    fine = [t for t in inside if t.precision != "country"]
    if fine and not nationwide:
        m = _TRUCE_WORD.search(sentence)
        verb = (m.start(), m.end()) if m else (0, 0)
        local = [_Shifted(t, start) for t in fine]
        span = _sentence_span(ctx, start, end)
        k = choose_event_toponym(sentence, verb, local, parse=span if span is not None else False)
        return fine[k if k is not None else 0].as_location()
    if nationwide or (inside and not fine):
        country = _country_location(toponyms, focus)
        if country is not None:
            return country
    same = _same_truce_location(event, events or [])
    if same is not None:
        return same
    earlier = [t for t in toponyms if t.end <= start and t.role not in ("dateline", "speaker_city")
               and t.precision != "country" and (focus is None or t.country == focus) and not _is_seat(text, t)]
    if earlier:
        return earlier[-1].as_location()
    return _country_location(toponyms, focus)


def _is_seat(text: str, t: Any) -> bool:
    return bool(_SEAT_BEFORE.search(text[max(0, t.start - 40): t.start]) or _SEAT_AFTER.match(text[t.end: t.end + 20]))


def _focus_country(toponyms: list[Any]) -> str | None:
    """The country most of the report's places below country level lie in."""
    counts = Counter(t.country for t in toponyms if t.country and t.precision != "country"
                     and t.role not in ("dateline", "speaker_city"))
    return counts.most_common(1)[0][0] if counts else None


def _country_location(toponyms: list[Any], country: str | None) -> dict[str, Any] | None:
    """The country as a country-precision place: as the report names it, else from the gazetteer."""
    if not country:
        return None
    named = next((t for t in toponyms if t.precision == "country" and t.country == country), None)
    if named is not None:
        return named.as_location()
    try:
        from ceasefire.resolve.places import lookup
        from ceasefire.resolve.places.gazetteer import default_gazetteer

        name = default_gazetteer().country_name(country)
        loc = lookup(name, country=country) if name else None
    except Exception:  # noqa: BLE001 - no gazetteer, no country point
        return None
    if loc is not None:
        loc["precision"] = "country"
    return loc


def _same_truce_location(event: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The place another event of the same truce in the report has (same name, else same kind)."""
    mine = event.get("agreement") or {}
    for key in ("name", "kind"):
        if not mine.get(key):
            continue
        for other in events:
            agreement = other.get("agreement") or {}
            if other is not event and other.get("location") and agreement.get(key) == mine.get(key):
                return dict(other["location"])
    return None


def _sentence_span(ctx: Any, start: int, end: int) -> Any:
    spacy_doc = getattr(ctx, "spacy_doc", None)
    if spacy_doc is None:
        return None
    return spacy_doc.char_span(start, end, alignment_mode="expand")
