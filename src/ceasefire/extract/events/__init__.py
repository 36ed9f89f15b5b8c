"""Assembling a document's events (Event JSON v1), the main event first.

Per sentence: the classifier (extract.classify) says whether it tells an incident and of which
ACLED sub-event type; the resolvers fill in who (registry actors, roles from extract.roles), how
many (resolve.numbers), when (resolve.dates), where (resolve.places.locate_event) and who says so
(resolve.attribution). Sentences about the same incident are merged into one event whose
evidence lists them all. Agreement events (extract.agreements) and humanitarian access events
(extract.access) are produced by their own extractors and merged in here; this package never
produces those types.

The package follows that flow: ``sentence`` (one sentence's event, with ``figures`` for its
casualty counts, ``dates``, ``places`` and ``sides`` for who fought whom), ``merge`` (sentences
telling the same incident become one event), ``lead`` (the report's main event: headline, lead
toll, a coder's record line) and ``places`` again for the report-level choice of place; this
module's ``assemble`` runs the steps in order.

Decisions written down here:

- **Words are not incidents.** A cue inside a wish, threat, halt or denial ("would not ask
  Damascus to stop the bombing", "the army's lull in fighting") is no event.
- **Allegations.** A bare accusation ("Washington accused the regime of targeting civilians")
  is a statement about conduct, not an incident: no event. An accusation that names a concrete
  incident with harm done ("accused Russia of air strikes that killed 20 in Idlib") is an event
  with certainty ``alleged``.
- **Tallies.** A figure over several days or places ("250 civilians in nine days of bombing") makes
  an event flagged with ``aggregate`` (period and area), ranked after incidents and never merged
  into one, so its count is never booked as the main incident's. A tally of a whole war ("since
  the conflict began") makes no event.
- **Recalled incidents.** An incident dated more than a week before the report's lead day ("the
  July 2010 bombing" a detainee is blamed for) is flagged ``background``, ranked after the
  report's own incidents, and its date does not carry to the sentences after it.
- **Merging.** Two sentences tell the same incident when their types agree (a bare "bombardment"
  joins a more specific strike), neither is a tally, and their dates, places and perpetrators do
  not disagree. The merged event keeps the first sentence's figures and fills gaps from the others.
"""

from __future__ import annotations

from typing import Any

from ceasefire.documents import Document
from ceasefire.extract.classify import record_label
from ceasefire.extract.context import DocContext, build_context
from ceasefire.extract.roles import borrow_perpetrators, claimed_responsibility, headline_author, settle_countries, stated_authors, unnamed_perpetrator
from ceasefire.extract.salience import position_score, score

from ceasefire.extract.events.dates import _follow_up_day, _lead_date
from ceasefire.extract.events.lead import _coder_tolls, _counted_incident, _floor_of_toll, _follow_headline, _grand_total, _lead_weapon, _lead_with_record, _spell_out_lead_toll, _tally_report
from ceasefire.extract.events.merge import _finer, _merge, _public  # noqa: F401  (_finer: re-exported)
from ceasefire.extract.events.places import _community_place, _focus_country, _headline_place, _refine_location
from ceasefire.extract.events.sentence import _is_anaphor, sentence_event  # noqa: F401  (_is_anaphor: re-exported)


def extract_events(doc: Document, ctx: DocContext | None = None) -> list[dict[str, Any]]:
    """The events ``doc`` reports, most salient first (Event JSON v1 objects)."""
    ctx = ctx or build_context(doc)
    return assemble(ctx)


def assemble(ctx: DocContext) -> list[dict[str, Any]]:
    """Violent and other ACLED events of the sentences, merged, plus agreement and access events."""
    from ceasefire.resolve.dates import recalled

    found: list[dict[str, Any]] = []
    lead = ctx.last_event_date = _lead_date(ctx)  # the headline and the lead's undated follow-ups take the lead's day
    # a lead without a day of its own is the report's day: a "similar operation in June" told
    # in a release of July 31 is still history
    now = lead or ({"start": ctx.published.isoformat()} if ctx.published else None)
    for sent in ctx.sentences:
        ev = sentence_event(ctx, sent)
        if ev is not None:
            if recalled(ev["date"], now):
                ev["background"] = True  # an earlier incident the report recalls, not the one it reports
                ctx.last_event_date = lead  # the narrative returns to the lead's day
            found.append(ev)
    events = _merge(found)
    label = record_label(ctx.text) if ctx.sentences else None
    if label is not None:
        events = _lead_with_record(ctx, events, label)
    _coder_tolls(ctx, events)  # "2 fatalities." / "Unknown fatalities coded to 10.": the coder's toll of the record
    focus = _focus_country(ctx)
    for ev in events:
        _refine_location(ctx, ev, focus)
    _headline_place(ctx, events, focus)
    borrow_perpetrators(events, ctx)  # an incident told without its author takes the one the report gives
    claimed_responsibility(ctx, events)  # ... or the group that claimed it
    stated_authors(ctx, events)  # ... or the one a later sentence says carried it out
    for ev in events:  # generic actors ("Protesters (X)") take the country of the event's place
        unnamed_perpetrator(ev, ctx)
        settle_countries(ev["actors"], (ev.get("location") or {}).get("country"), focus, ctx.country, place=_community_place(ctx, ev),
                         placed=(ev.get("location") or {}).get("precision") not in (None, "country"), told=" ".join(e.get("text") or "" for e in ev["evidence"]))
    n = max(1, len(ctx.sentences))
    title_idx = {s.index for s in ctx.title_sentences}
    has_incident = False
    for ev in events:
        first = ev["_sentences"][0]
        pos = position_score(first, n, first in title_idx)
        ev["salience"] = 1.0 if ev.get("_record") else score(ev, pos, ev["_confidence"], len(ev["_sentences"]))
        if ev.get("background"):
            ev["salience"] = round(ev["salience"] * 0.5, 3)
    _follow_headline(ctx, events)
    _lead_weapon(ctx, events)
    headline_author(ctx, events)  # a text that leaves the author to its headline
    events = _spell_out_lead_toll(ctx, events)
    _tally_report(ctx, events)
    events = _counted_incident(ctx, events)
    events = _grand_total(ctx, events)
    events = _floor_of_toll(ctx, events)
    for ev in events:
        has_incident = has_incident or (not ev.get("aggregate") and ev["salience"] >= 0.5)
    others = _truce_and_access_events(ctx)
    for ev in others:
        s = float(ev.get("salience") or 0.0)
        # a report's incident outranks the diplomacy around it (seed scenario: strikes before truce talks)
        ev["salience"] = round(min(1.0, s * 0.8 if has_incident else s), 3)
    out = [_public(ev) for ev in events] + others
    out.sort(key=lambda e: (-e["salience"], e["evidence"][0]["start"] if e.get("evidence") else 0))
    _follow_up_day(ctx, out)  # a later release's confirmed day corrects the first release's
    return out


def _truce_and_access_events(ctx: DocContext) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    from ceasefire.extract.access import access_events
    from ceasefire.extract.agreements import agreement_events

    for fn in (agreement_events, access_events):
        out.extend(fn(ctx) or [])
    return out
