"""Choosing the date of the event a sentence tells among the days the sentence names."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ceasefire.resolve.dates.anchoring import find_time_expressions
from ceasefire.resolve.dates.patterns import TimeExpression


_DEICTIC_TODAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)
#: "Overnight" counts from publication only when the sentence names no day: in "an overnight
#: operation in Wardak province Monday" it says when in the day, and Monday is the date.
_OVERNIGHT = re.compile(r"^overnight$", re.I)
#: A day that dates a statement rather than the incident it reports: "confirmed today that ...",
#: "said on Saturday", "forces yesterday confirmed the arrest ...".  Not "reported killed
#: yesterday", where the day is the death's.
_STATEMENT_VERBS = r"(?:said|says|announced|told|reported|stated|added|confirmed|claimed|denied|declared|acknowledged)"
_STATEMENT_BEFORE = re.compile(rf"\b{_STATEMENT_VERBS}\s+(?:on\s+|late\s+|early\s+)?$", re.I)
_STATEMENT_AFTER = re.compile(rf"^,?\s+(?:that\s+)?{_STATEMENT_VERBS}\b", re.I)
#: A day that names another event by its date: "Tuesday's attack", "behind the Aug. 7 attack".
_POSSESSIVE_AFTER = re.compile(r"^['’]s\b")
_ATTRIBUTIVE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_NOUN_AFTER = re.compile(r"^\s+[a-z]")
#: A day that dates an earlier act laid at someone's door: "responsible for an attack Jan. 7",
#: "wanted for the kidnapping of two engineers on Monday". The phrase is the background of the
#: person the report is about (as "behind Tuesday's attack"), not the incident it tells. Not after
#: a verb ("said they were responsible for a bombing on Sunday", "IS was behind the blast on
#: Friday"): a claim or a finding of who did it tells the incident itself.
_IMPUTING_WORD = re.compile(r"responsible|behind|involved|implicated|blamed|accused|wanted|suspected|linked", re.I)
_IMPUTED_ACT_BEFORE = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bclaimed\s)(?<!\bclaiming\s)"
    r"\b(?:responsible\s+for|behind|involved\s+in|implicated\s+in|blamed\s+for|accused\s+of|wanted\s+for|suspected\s+of|linked\s+to)"
    r"\s+(?:(?:the|an?|his|their|several|multiple|last|recent)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:attacks?|bombings?|ambush(?:es)?|assaults?|killings?|kidnappings?|abductions?|murders?|assassinations?|explosions?|blasts?|shootings?)"
    r"(?:\s+(?:on|against|of|in|at|near)(?:\s+[\w'’-]+){1,6}?)?\s+(?:on\s+)?$",
    re.I,
)


def _statement_day(text: str, x: TimeExpression) -> bool:
    """True when ``x`` (offsets into ``text``) dates a statement, not an incident."""
    return bool(_STATEMENT_BEFORE.search(text[max(0, x.start - 30): x.start]) or _STATEMENT_AFTER.match(text[x.end: x.end + 30]))


def _names_other_event(text: str, x: TimeExpression) -> bool:
    """True when ``x`` is an attribute of a noun ("Tuesday's attack", "the Aug. 7 bombing") or
    dates an act someone is held responsible for ("responsible for an attack Jan. 7"): the day of
    an event the sentence refers to, often not the one it tells."""
    after = text[x.end: x.end + 20]
    if _POSSESSIVE_AFTER.match(after):
        return True
    before = text[max(0, x.start - 100): x.start]
    if _IMPUTING_WORD.search(before) and _IMPUTED_ACT_BEFORE.search(before):
        return True
    return bool(x.precision == "day" and _ATTRIBUTIVE_BEFORE.search(text[max(0, x.start - 6): x.start]) and _NOUN_AFTER.match(after)
                and not x.text[:1].islower())


def _vague_day(x: TimeExpression, named_before: bool = True) -> bool:
    """A day read from publication that a named day in the same sentence overrides: "today" (often
    the statement's) and "overnight" (often only the time of day). ``named_before``: the sentence
    names a day before publication; a named day that is publication's own ("... overnight, a
    monitor said Saturday 4 Oct") is no reason to leave the night before it."""
    return bool(_DEICTIC_TODAY.search(x.text) or (named_before and _OVERNIGHT.match(x.text)))


def _names_day_before(exprs: list[TimeExpression], published: date | None) -> bool:
    """True when one of ``exprs`` other than "overnight" ends before ``published``."""
    return published is not None and any(
        x.end_date is not None and x.end_date < published and not _OVERNIGHT.match(x.text) for x in exprs)


def _secondary_day(text: str, x: TimeExpression) -> bool:
    """A statement's day or another event's: ranks after any day the sentence gives its incident."""
    return _statement_day(text, x) or _names_other_event(text, x)
_PREFERENCE = {"at": 0, "during": 1, "since": 2, "from": 3, "until": 4}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def resolve_event_date(sentence_text: str, published: date | None, default_to_published: bool = True) -> dict[str, Any] | None:
    """The Event JSON v1 ``date`` of the event a sentence tells.

    The most precise point in time the sentence gives ("on Saturday", "yesterday", "on 27
    February") wins over spans ("over the past nine days", "since July"); "until ..." marks
    how long something lasts, not when it happened, so it is used only when nothing else is
    there and publication is unknown.  With no time at all the event is dated to
    publication (day precision) when ``default_to_published``.  A day that only dates a
    statement ("confirmed today", "said on Saturday") or names another event ("Tuesday's
    attack") ranks after the others.
    """
    exprs = [x for x in find_time_expressions(sentence_text, published) if x.start_date or x.end_date]
    # "until Monday", "for another 24 hours": how long something lasts, not when it happened
    durations = [x for x in exprs if x.relation == "until" or (x.future and x.relation in ("during", "from"))]
    candidates = [x for x in exprs if x not in durations and not x.future]
    if not candidates:
        candidates = [x for x in exprs if x not in durations]
    if candidates:
        # "confirmed today that a leader was arrested on Sunday": the named day is the event's,
        # "today" is the statement's, so deictic today ranks after any other day
        named_before = _names_day_before(candidates, published)
        best = min(candidates, key=lambda x: (_PREFERENCE[x.relation], _PRECISION_RANK[x.precision],
                                              2 if _secondary_day(sentence_text, x) else 1 if _vague_day(x, named_before) else 0, x.start))
        return best.as_event_date()
    if default_to_published and published is not None:
        return {"start": published.isoformat(), "end": published.isoformat(), "precision": "day"}
    return None
