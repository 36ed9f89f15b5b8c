"""A sentence's casualty figures: who they count, and whether they are a tally.

Reads resolve.numbers' figures into the event's counts, and flags figures over several days or
places as an ``aggregate`` (period and area), never an incident's toll.
"""

from __future__ import annotations

import re
from typing import Any

from ceasefire.extract.context import DocContext, Sentence
from ceasefire.extract.contract import empty_counts

from ceasefire.extract.events.places import _subnational


_PERIOD_WORDS = re.compile(
    r"\b(in|over|during|for) (the (past|last) )?(\w+|\d+) (days|weeks|months)\b|\b(\w+|\d+)[- ](days?|weeks?|months?) of ([\w-]+ )?(bombing|bombardment|fighting|strikes|air strikes|airstrikes|raids|shelling|violence|clashes)\b"
    r"|\b(so far )?this (month|year)( alone)?\b",  # "two were killed this month alone": a month's count, not an incident's
    re.I,
)


# --------------------------------------------------------------------------- resolvers (defensive)


def _casualties(text: str, offset: int) -> list[Any]:
    try:
        from ceasefire.resolve.numbers import find_casualties
    except ImportError:
        return []
    try:
        return list(find_casualties(text, offset))
    except Exception:  # noqa: BLE001 - one odd number must not lose the event
        return []


def _counts(figures: list[Any]) -> dict[str, dict[str, Any]]:
    if not figures:
        return {"fatalities": empty_counts(), "injured": empty_counts()}
    from ceasefire.resolve.numbers import casualty_counts

    counts = casualty_counts(figures)
    return {"fatalities": counts.get("fatalities") or empty_counts(), "injured": counts.get("injured") or empty_counts()}


def _topic_of_demonstration(text: str, figure: Any, offset: int) -> bool:
    """A death a demonstration is about ("to protest the death of a man who was shot and killed by
    police", "demanding justice for a resident killed during a robbery"), not one at it."""
    from ceasefire.extract.classify import _TOPIC_OF_PROTEST

    start = getattr(figure, "start", offset) - offset
    return getattr(figure, "outcome", None) == "killed" and bool(_TOPIC_OF_PROTEST.search(text[max(0, start - 80) : start + 1]))


def _aggregate(figures: list[Any], text: str) -> dict[str, Any] | None:
    """``{"period", "area"}`` when the sentence's figures are a tally, else None."""
    aggs = [f.aggregate for f in figures if getattr(f, "aggregate", None)]
    counted = [f for f in figures if getattr(f, "best", None)]
    if aggs and len(aggs) >= len(counted) / 2:
        a = aggs[0]
        period = {k: v for k, v in a.items() if k in ("period", "since", "to_date", "text")}
        return {"period": period, "area": None}
    m = _PERIOD_WORDS.search(text)
    if m and counted:
        return {"period": {"text": m.group(0)}, "area": None}
    m = _ACROSS_COUNTRY.search(text)
    if m and counted:
        return {"period": {}, "area": None, "areas": [m.group(0)]}
    return None


#: "... killed in army operations across the country", "strikes across Syria": a toll over the whole
#: country sums the incidents of many places, as a toll over several provinces does.
_ACROSS_COUNTRY = re.compile(r"\bacross\s+(?:the\s+)?(?:(?:war-[\w-]+|whole|entire|arab)\s+)?(?:country|syria|iraq|nation)\b|\bnationwide\b", re.I)


#: "He is linked to an IED attack that killed four soldiers", "the network responsible for the
#: attack on the hotel", "in the past, he ordered the execution of two policemen": an incident
#: imputed to someone, recalled to say who they are.
_IMPUTED = re.compile(
    r"\b(in the past|linked to|suspected of|responsible for|accused of|implicated in|blamed for|wanted for|known for|(is|was|were|are) behind|"
    r"(planner|organi[sz]er|mastermind|facilitator|coordinator)s? (of|behind))\b",
    re.I,
)

# "Of these, 140 were killed by air strikes": a share of the tally the sentence before gave.
_PART_OF_TALLY = re.compile(r"^\s*(of|among)\s+(these|them|those|the dead|the victims|the total)\b", re.I)


#: What joins the names of a list of places ("Aleppo and Deir Ezzor", "Tartous, Homs and Hasakeh").
_LIST_JOIN = re.compile(r"^[\s,]*(?:(?:and|as well as|&)\s+)?(?:the\s+)?(?:(?:city|cities|province|provinces|countryside)\s+of\s+)?$", re.I)


def _listed_areas(ctx: DocContext, sent: Sentence) -> list[str]:
    """The provinces of a list of places in different provinces that ``sent`` counts its dead in
    ("10 civilians killed in rocket attacks on Aleppo and Deir Ezzor", "bomb blasts that hit Tartous,
    Homs and Hasakeh"), or [] when it names one province's places only.

    Such a toll sums several incidents, one per place: ACLED splits a multi-place total across its
    events (DOMAIN.md section 3), and a coder of the report's incident books the first one the
    report tells on its own ("6 civilians were killed ... in Aleppo city"). The toll is a tally."""
    tags = _tag_list_end(ctx.text, sent)
    places = [t for t in ctx.toponyms_in(sent) if _subnational(t) and t.admin1 and not getattr(t, "demonym", False) and t.start >= tags]
    for a, b in zip(places, places[1:]):
        if a.admin1 != b.admin1 and a.country == b.country and _LIST_JOIN.match(ctx.text[a.end : b.start]):
            return list(dict.fromkeys(t.admin1 for t in places))
    return []


_TAG_LIST = re.compile(r"\bTags:?\s+")
_TAG_LIST_STOP = re.compile(r"\b(?:a|an|the|was|were|is|are|has|have|had|in|on|at|of|after|as|when|said|says)\b", re.I)


def _tag_list_end(text: str, sent: Sentence) -> int:
    """Where a web page's keyword list run into ``sent`` ends ("Tags Syria Damascus Eastern Ghouta
    Assad Intense bombardment on ...": up to the first function word), or the sentence's start.
    Its place names are topics, not a list of places the sentence counts dead in."""
    m = _TAG_LIST.search(text, sent.start, sent.end)
    if not m:
        return sent.start
    stop = _TAG_LIST_STOP.search(text, m.end(), sent.end)
    return stop.start() if stop else sent.end


#: An agency's stamp between a page's headline and its lead ("... Monitor AFP Thursday 14 Jul 2016 ...").
_AGENCY_STAMP = re.compile(r"\b(?:AFP|Reuters|AP)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}\b(?:\s+Print(?:\s+Tweet)?(?:\s+Views\s+\d+)?(?:\s+Related)?)?")
#: The source tag that ends a related story's headline ("... in Daraa monitor Talks stall in Geneva ...").
_HEADLINE_TAG = re.compile(r"(?<!\ba\s)(?<!\bthe\s)\b(?:[Mm]onitor|NGO)(?=\s+[A-Z])")


def _without_related_headlines(text: str) -> str:
    """``text`` with the headlines of related stories a web page prints between its agency stamp and
    the lead blanked out ("... AFP Monday 3 Oct 2016 Shelling kills 7 in Daraa monitor Talks stall in
    Geneva ... Barrel bombs killed at least 9 civilians ..."): the block
    runs from the stamp to the last source tag ("monitor", "NGO") that ends a headline before the
    lead, which must give a count of its own. Their counts are other reports' tolls, not the lead's.
    Offsets are kept."""
    m = _AGENCY_STAMP.search(text)
    if not m:
        return text
    tags = [t for t in _HEADLINE_TAG.finditer(text, m.end())]
    if not tags:
        return text
    end = tags[-1].end()
    if not any(getattr(f, "outcome", None) == "killed" and getattr(f, "best", None) for f in _casualties(text[end:], 0)):
        return text  # the lead gives no count of its own after the block: nothing is read as a headline
    return text[: m.end()] + " " * (end - m.end()) + text[end:]


def _previous_tally(ctx: Any, sent: Any) -> dict[str, Any] | None:
    """The tally (period) of the sentence before ``sent``, if it gave one."""
    i = next((k for k, s in enumerate(ctx.sentences) if s.start == sent.start), 0)
    if i == 0:
        return None
    prev = ctx.sentences[i - 1]
    tally = _aggregate(_casualties(prev.text, prev.start), prev.text)
    return {"period": dict(tally["period"]), "area": None} if tally else None
