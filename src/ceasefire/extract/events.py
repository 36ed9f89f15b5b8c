"""Assembling a document's events (Event JSON v1), the main event first.

Per sentence: the classifier (extract.classify) says whether it tells an incident and of which
ACLED sub-event type; the resolvers fill in who (registry actors, roles from extract.roles), how
many (resolve.numbers), when (resolve.dates), where (resolve.places.locate_event) and who says so
(resolve.attribution). Sentences about the same incident are merged into one event whose
evidence lists them all. Agreement events (extract.agreements) and humanitarian access events
(extract.access) are produced by their own extractors and merged in here; this module never
produces those types.

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

import re
from datetime import date
from typing import Any

from ceasefire.documents import Document
from ceasefire.extract.classify import Classification, RecordLabel, classify_sentence, find_cues, is_background, record_classification, record_label, victim_side
from ceasefire.extract.context import DocContext, Sentence, build_context
from ceasefire.extract.contract import empty_counts, empty_event
from ceasefire.extract.lexicon import EVENT_TYPE_OF
from ceasefire.extract.roles import (
    assign_roles,
    author_hedge,
    borrow_perpetrators,
    claimed_responsibility,
    country_name,
    crowd_first,
    generic_mentions,
    harmed_mentions,
    headline_author,
    told_between,
    named_mentions,
    settle_countries,
    stated_authors,
    unnamed_perpetrator,
)
from ceasefire.resolve.places.event_location import (_LIES_IN, _country_location, as_read_in_its_area, headline_place, in_countryside_province, names_its_area,
                                                     place_in_sentences, recalled_place)
from ceasefire.extract.salience import HEADLINE_BONUS, agrees_with_headline, position_score, score, told_as_another_incident

_GOVERNMENT_SIDE = re.compile(
    r"\b(regime|government|pro-government|pro-regime|army|syrian army|saa|loyalists?|troops|security forces|state forces|military|soldiers|russian|iranian|hezbollah|police)\b",
    re.I,
)
_NONSTATE_SIDE = re.compile(
    r"\b(rebels?|opposition|insurgents?|militants?|jihadists?|islamic state|is|isis|isil|daesh|nusra|hts|tahrir|fighters|sdf|ypg|kurdish|taliban|al[- ]shabaab|militia|factions?|armed groups?|turkish-backed|fsa|free syrian army)\b",
    re.I,
)
_CIVILIAN_WORDS = re.compile(r"\b(civilians?|children|women|residents|villagers)\b", re.I)
_PERIOD_WORDS = re.compile(
    r"\b(in|over|during|for) (the (past|last) )?(\w+|\d+) (days|weeks|months)\b|\b(\w+|\d+)[- ](days?|weeks?|months?) of ([\w-]+ )?(bombing|bombardment|fighting|strikes|air strikes|airstrikes|raids|shelling|violence|clashes)\b"
    r"|\b(so far )?this (month|year)( alone)?\b",  # "two were killed this month alone": a month's count, not an incident's
    re.I,
)


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
    for ev in events:
        has_incident = has_incident or (not ev.get("aggregate") and ev["salience"] >= 0.5)
    others = _truce_and_access_events(ctx)
    for ev in others:
        s = float(ev.get("salience") or 0.0)
        # a report's incident outranks the diplomacy around it (seed scenario: strikes before truce talks)
        ev["salience"] = round(min(1.0, s * 0.8 if has_incident else s), 3)
    out = [_public(ev) for ev in events] + others
    out.sort(key=lambda e: (-e["salience"], e["evidence"][0]["start"] if e.get("evidence") else 0))
    return out


#: Methods a later sentence may lend a lead that names no weapon (not a crowd's fists or a gun).
_NAMED_WEAPONS = ("air_strike", "barrel_bomb", "drone", "artillery", "rocket", "missile", "chemical", "explosive_device", "vehicle_bomb", "suicide_bomb", "landmine", "grenade", "execution")


def _lead_weapon(ctx: DocContext, events: list[dict[str, Any]]) -> None:
    """A headline or lead that sums the incident up without its weapon ("54 killed in Aleppo as
    regime commits massacre", "terrorist attacks claim 20 martyrs") is told again in the next
    sentences with it ("... fired mortar shells into western Aleppo"): the leading event takes
    the method (and, unless it is a battle, the type) of the first such event within three
    sentences after it."""
    violent = [ev for ev in events if ev["event_type"] in _VIOLENT and not ev.get("aggregate")]
    if not violent or any(ev.get("_record") for ev in events):
        return
    lead = max(violent, key=lambda e: e["salience"])
    if lead["method"] not in ("unknown", None) or lead["_sentences"][0] > 1:
        return
    start = lead["_sentences"][0]
    told = sorted(
        (ev for ev in violent if ev is not lead and ev["method"] in _NAMED_WEAPONS and start < ev["_sentences"][0] <= start + 3),
        key=lambda e: e["_sentences"][0],
    )
    if not told:
        return
    src = told[0]
    if lead["event_type"] == "Battles" and src["event_type"] != "Battles":
        lead["method"] = src["method"]
    else:
        lead["sub_event_type"], lead["event_type"], lead["method"] = src["sub_event_type"], src["event_type"], src["method"]


#: How far after a lead the report may spell out the lead's toll (sentences).
_SPELL_OUT_WINDOW = 3


def _spell_out_lead_toll(ctx: DocContext, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A lead that gives its dead as a word ("Dozens killed in coalition airstrikes on Manbij",
    "Hundreds dead as fresh airstrikes hit Aleppo") is counted by the next sentences ("160
    civilians were killed in raids on the Manbij countryside", "the death toll reached 330"):
    the lead takes the first count within three sentences after it that the word allows
    (``_spells_out``), and the sentence that gave it joins the lead's evidence.
    A coder reads the word as the headline's and the number as the report's count; ACLED's
    dozens = 12 is for a report that gives no number."""
    violent = [ev for ev in events if ev["event_type"] in _VIOLENT and not ev.get("aggregate") and not ev.get("background")]
    if not violent or any(ev.get("_record") for ev in events):
        return events
    lead = max(violent, key=lambda e: e["salience"])
    toll = lead["fatalities"].get("total")
    if not lead.get("_vague_toll") or not toll or toll.get("best") is None:
        return events
    start = min(lead["_sentences"])
    told = sorted(
        (ev for ev in events if ev is not lead and ev["event_type"] in _VIOLENT and not ev.get("background") and not ev.get("_vague_toll")
         and start < min(ev["_sentences"]) <= start + _SPELL_OUT_WINDOW),
        key=lambda e: min(e["_sentences"]),
    )
    for ev in told:
        if _spells_out(toll, ev["fatalities"].get("total")):
            lead["fatalities"] = {k: (dict(v) if v else v) for k, v in ev["fatalities"].items()}
            lead["_vague_toll"] = False
            lead["evidence"] = sorted(lead["evidence"] + [e for e in ev["evidence"] if e not in lead["evidence"]], key=lambda e: e["start"])
            lead["_sentences"] = sorted(set(lead["_sentences"] + ev["_sentences"]))
            return [e for e in events if e is not ev]
    return events


def _tally_report(ctx: DocContext, events: list[dict[str, Any]]) -> None:
    """A report that counts the dead of no single incident but gives a tally ("Syria rebel
    infighting kills 45 fighters in 2 days", "At least 48 civilians have died in the
    bombing of Homs over the past week") is about that tally, wherever the text gives it
    (a coder of the report's deaths books the tally): the tally leads the report's violent events
    (still flagged ``aggregate``, so it is never booked as an incident's toll)."""
    violent = [ev for ev in events if ev["event_type"] in _VIOLENT and not ev.get("background")]
    if not violent or any(ev.get("_record") for ev in events):
        return
    if any(ev["fatalities"].get("total") for ev in violent if not ev.get("aggregate")):
        return
    tallies = [ev for ev in violent if ev.get("aggregate") and ev["fatalities"].get("total")]
    if not tallies:
        return
    top = max(ev["salience"] for ev in violent)
    tally = tallies[0]
    tally["salience"] = round(min(1.0, max(tally["salience"], top + 0.01)), 3)
    for ev in violent:  # at the ceiling, the incidents the tally counts step below it
        if ev is not tally and ev["salience"] >= tally["salience"]:
            ev["salience"] = round(tally["salience"] - 0.01, 3)


def _counted_incident(ctx: DocContext, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A report's leading incident that gives no dead ("Warplanes pound rebel-held districts of
    Hama", "Artillery also hit the southern suburbs") while the same report counts the dead of
    another of its violent incidents ("At least 40 civilians were killed in the air and artillery
    strikes on the city ...") is told twice: a coder books the counted dead to the report's incident.
    The lead takes the toll of the most salient counted incident, whose sentences join its
    evidence. An incident the report recalls (background) or a tally lends nothing."""
    violent = [ev for ev in events if ev["event_type"] in _VIOLENT and not ev.get("aggregate") and not ev.get("background")]
    if not violent or any(ev.get("_record") for ev in events):
        return events
    lead = max(violent, key=lambda e: e["salience"])
    if (lead["fatalities"].get("total") or {}).get("best") is not None:
        return events
    counted = [ev for ev in violent if ev is not lead and (ev["fatalities"].get("total") or {}).get("best")]
    if not counted:
        return events
    src = max(counted, key=lambda e: e["salience"])
    lead["fatalities"] = {k: (dict(v) if v else v) for k, v in src["fatalities"].items()}
    if not any(v for v in (lead.get("injured") or {}).values()):
        lead["injured"] = {k: (dict(v) if v else v) for k, v in src["injured"].items()}
    lead["evidence"] = sorted(lead["evidence"] + [e for e in src["evidence"] if e not in lead["evidence"]], key=lambda e: e["start"])
    lead["_sentences"] = sorted(set(lead["_sentences"] + src["_sentences"]))
    return [e for e in events if e is not src]


def _spells_out(word: dict[str, Any] | None, count: dict[str, Any] | None) -> bool:
    """``count`` is a number the toll word ``word`` allows: tens, dozens, scores (10, 12, 20) up
    to 199, hundreds (100) up to 1,999, several or many (3, 4) up to 19."""
    if not word or not count or word.get("best") is None or count.get("best") is None:
        return False
    w, n = int(word["best"]), int(count["best"])
    return w <= n < (20 if w < 10 else 200 if w < 100 else w * 20)


def _follow_headline(ctx: DocContext, events: list[dict[str, Any]]) -> None:
    """A headline kept apart from the text (a feed's or an archive's title) names the report's
    main incident: the events it names (kind, method or death toll) gain salience, and when the
    leading event leaves its weapon unnamed ("25 civilians were killed as ...") while the
    headline names it ("... killed in airstrikes on Raqqa"), the event takes the headline's."""
    title = (ctx.doc.title or "").strip()
    if not title or ctx.title_sentences or not events or any(ev.get("_record") for ev in events):
        return
    if len(title) < 12 or is_background(title):
        return
    cl = classify_sentence(title)
    figures = [f for f in _casualties(title, 0) if getattr(f, "best", None)]
    toll = _counts(figures)["fatalities"].get("total") if figures else None
    toll_best = int(toll["best"]) if toll and toll.get("best") is not None else None
    kind = (cl.sub_event_type, cl.method) if cl is not None else None
    if kind is None and toll_best is None:
        return
    # the headline's death toll names its incident more surely than its kind: when an event counts
    # that toll, the events of the same kind with another toll gain nothing
    counted = [ev for ev in events if agrees_with_headline(ev, None, toll_best)] if toll_best is not None else []
    for ev in counted or events:
        if agrees_with_headline(ev, kind, toll_best):
            ev["salience"] = round(min(1.0, ev["salience"] + HEADLINE_BONUS), 3)
    if cl is None or cl.method in (None, "unknown") or EVENT_TYPE_OF[cl.sub_event_type] not in _VIOLENT:
        return
    lead = max((ev for ev in events if ev["event_type"] in _VIOLENT and not ev.get("aggregate")), key=lambda e: e["salience"], default=None)
    if lead is None or lead["method"] not in ("unknown", None):
        return
    if lead["event_type"] == "Battles":
        lead["method"] = cl.method  # the battle's weapon; a strike inside a battle stays the battle's
    else:
        lead["sub_event_type"], lead["event_type"], lead["method"] = cl.sub_event_type, EVENT_TYPE_OF[cl.sub_event_type], cl.method


def sentence_event(ctx: DocContext, sent: Sentence, forced: Classification | None = None) -> dict[str, Any] | None:
    """The event ``sent`` tells, with its internal bookkeeping fields (``_``-prefixed), or None.

    ``forced`` is a classification decided for the whole report (an ACLED record's own label).
    """
    text = sent.text
    if forced is not None:
        cl = forced
        figures = _casualties(text, sent.start)
    else:
        if len(text) < 12 or is_background(text):
            return None
        cues = find_cues(text)
        if not cues:
            return None
        cl = classify_sentence(text, cues)
        if cl is None:
            return None
        figures = _casualties(text, sent.start)
        if cl.families == {"harm"} and not any(f for f in figures if getattr(f, "best", None)):
            return None  # "dead" alone, without a figure, is not an incident we can code
    if EVENT_TYPE_OF[cl.sub_event_type] in ("Protests", "Riots"):
        figures = [f for f in figures if not _topic_of_demonstration(text, f, sent.start)]
    mentions = named_mentions(text, sent.start, ctx.country, ctx.published)
    mentions += generic_mentions(text, ctx.country, mentions)
    actors = assign_roles(text, cl.trigger_span, mentions, cl.sub_event_type, ctx.country)
    sub = _settle_territory(cl, text, actors, mentions)
    ev = empty_event(EVENT_TYPE_OF[sub], sub)
    ev["method"] = cl.method if EVENT_TYPE_OF[sub] in ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots") or sub == "Excessive force against protesters" else None
    if sub in ("Peaceful protest", "Protest with intervention", "Arrests", "Change to group/activity", "Headquarters or base established", "Non-violent transfer of territory", "Looting/property destruction", "Other", "Disrupted weapons use", "Abduction/forced disappearance", "Sexual violence"):
        ev["method"] = None
    if sub == "Arrests" and actors and actors[0]["role"] == "perpetrator" and (actors[0].get("inter") or 0) in (2, 3, 4):
        ev["sub_event_type"] = "Abduction/forced disappearance"
        ev["event_type"] = EVENT_TYPE_OF["Abduction/forced disappearance"]
    if ev["event_type"] == "Battles":
        _victims_are_targets(actors, mentions, text)
    if ev["sub_event_type"] == "Attack" and ev["method"] != "execution" and _armed_victims(actors, text) and victim_side(text, cl.trigger) != "civil":
        ev["sub_event_type"], ev["event_type"] = "Armed clash", "Battles"  # the victim could fight back
    counts = _counts(figures)
    ev["fatalities"] = counts["fatalities"]
    ev["injured"] = counts["injured"]
    dead = [f for f in figures if getattr(f, "outcome", None) == "killed" and getattr(f, "best", None)]
    ev["_vague_toll"] = bool(dead) and all(getattr(f, "vague", False) for f in dead)  # "Dozens killed": a word, not a count
    aggregate = _aggregate(figures, text)
    if aggregate is None and _PART_OF_TALLY.match(text):
        aggregate = _previous_tally(ctx, sent)
    if aggregate is None and dead:
        areas = _listed_areas(ctx, sent)
        if areas:
            aggregate = {"period": {}, "area": None, "areas": areas}  # one toll over several provinces
    if aggregate is not None:
        ev["aggregate"] = aggregate
    if _IMPUTED.search(text[: cl.trigger.start]):
        ev["background"] = True  # an earlier attack a target is blamed for, not the incident the report tells
    if ev["event_type"] == "Violence against civilians" or (ev["fatalities"].get("civilians") and ev["event_type"] != "Battles"):
        _add_civilian_target(actors, ctx.country)
    actors = crowd_first(actors, ev["event_type"], ctx.country)  # ACLED: the crowd is actor 1 of a protest or riot
    ev["actors"] = actors
    told = _date(_without_dateline(text), ctx.published, default=False)
    if told is None and ctx.last_event_date:
        told = dict(ctx.last_event_date)  # "During the operation ...": the day the lead gave
    if told is not None:
        ctx.last_event_date = told
    ev["date"] = told or _date("", ctx.published, default=True)
    ev["location"] = _location(ctx, sent)
    if ev.get("aggregate") is not None and ev["location"]:
        ev["aggregate"]["area"] = ev["location"].get("name")
    ev["attribution"] = _attribution(text, cl.trigger_span)
    ev["evidence"] = [sent.evidence()]
    ev["_sentences"] = [sent.index]
    ev["_confidence"] = cl.confidence
    ev["_trigger"] = (sent.start + cl.trigger.start, sent.start + cl.trigger.end)
    ev["_anaphor"] = _is_anaphor(text, cl)
    return ev


_ANAPHOR_NOUN = re.compile(
    r"^(attacks?|strikes?|air ?strikes?|air raids?|raids?|bombings?|blasts?|explosions?|shelling|massacre|assault|incident|bombardment|killings?|clash(es)?|fighting|battles?|offensive)$",
    re.I,
)
_ANAPHOR_BEFORE = re.compile(r"\b((?i:the|this|that|these|those|its|their)|[A-Z]\w+'s|[A-Z]\w+s)\s+([\w-]+\s+)?$")


_ANAPHOR_SUBJECT = re.compile(
    r"\b(?:the|these|those)\s+(?:strikes|air ?strikes|raids|bombings|attacks?|blasts?|explosions?|shelling|bombardment)\s+"
    r"(?:were|was|had\s+been|have\s+been)\s+(?:carried\s+out|conducted|launched|fired|staged)\s+by\s+[^.;]*$", re.I)


_DEMONSTRATIONS = ("Protests", "Riots")


def _lead_with_record(ctx: DocContext, events: list[dict[str, Any]], label: RecordLabel) -> list[dict[str, Any]]:
    """An ACLED-style note declares its main event's kind (its opening tag or its crowd-size
    tag): the record's first sentence becomes that event, first in the report. ACLED codes one
    event per record, so what the same note tells of a demonstration (a dispersal, the injured)
    or in the same first sentence joins it."""
    first = ctx.sentences[0]
    host = sentence_event(ctx, first, forced=record_classification(first.text, label))
    if host is None:
        return events
    host["_record"] = True
    demonstration = host["event_type"] in _DEMONSTRATIONS
    rest: list[dict[str, Any]] = []
    for ev in events:
        same_record = first.index in ev["_sentences"] or ev["sub_event_type"] == host["sub_event_type"]
        if demonstration:
            same_record = same_record or ev["event_type"] in _DEMONSTRATIONS + _VIOLENT
        if same_record and not ev.get("aggregate"):
            _absorb(host, ev, anaphor=True)
        else:
            rest.append(ev)
    host["evidence"] = [e for i, e in enumerate(host["evidence"]) if e not in host["evidence"][:i]]
    host["_sentences"] = sorted(set(host["_sentences"]))
    return [host] + rest


def _is_anaphor(text: str, cl: Classification) -> bool:
    """"The attack", "Tuesday's blast": a noun that points back to an incident already told --
    the event word itself, or the subject of the clause it ends ("whether the strikes were
    carried out by Syrian or Russian warplanes": the trigger is the aircraft, the strikes are
    the ones told before)."""
    if not _ANAPHOR_NOUN.match(cl.trigger.text):
        return bool(_ANAPHOR_SUBJECT.search(text[max(0, cl.trigger.start - 90) : cl.trigger.start]))
    return bool(_ANAPHOR_BEFORE.search(text[max(0, cl.trigger.start - 30) : cl.trigger.start]))


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
    return None


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


def _previous_tally(ctx: Any, sent: Any) -> dict[str, Any] | None:
    """The tally (period) of the sentence before ``sent``, if it gave one."""
    i = next((k for k, s in enumerate(ctx.sentences) if s.start == sent.start), 0)
    if i == 0:
        return None
    prev = ctx.sentences[i - 1]
    tally = _aggregate(_casualties(prev.text, prev.start), prev.text)
    return {"period": dict(tally["period"]), "area": None} if tally else None


def _without_dateline(text: str) -> str:
    """The sentence with its dateline ("KABUL, Afghanistan (Jan. 25, 2013)") and a heading's
    release date ("May 11: Afghan-ISAF Operations ...") blanked, offsets kept."""
    from ceasefire.resolve.dates import blank_heading_date

    return blank_heading_date(_DATELINE.sub(lambda m: " " * len(m.group(0)), text))


def _coder_tolls(ctx: DocContext, events: list[dict[str, Any]]) -> None:
    """An event-data coder's line ("2 fatalities.", "Unknown fatalities coded to 10.") is the
    toll of the record's incident: the first violent incident told before it, whatever the
    narrative's own figures say (ACLED notes end so; resolve.numbers.coder_toll reads the line)."""
    from ceasefire.resolve.numbers import coder_share, coder_toll

    sentences = ctx.sentences
    joined = -1
    for i, sent in enumerate(sentences):
        if i == joined:
            continue  # read with the line before it
        line = sent.text
        if i + 1 < len(sentences) and _SPLIT_LINE.match(sentences[i + 1].text):
            line = f"{line} {sentences[i + 1].text}"  # "... fatalities coded as 10." "and divided among the two villages named"
            joined = i + 1
        toll = coder_toll(line)
        share = coder_share(line) if toll is None else None
        if toll is None and not (share and share.get("ways")):
            continue
        told = [ev for ev in events if ev["event_type"] in _VIOLENT and not ev.get("aggregate") and min(ev["_sentences"]) < sent.index]
        if not told:
            continue
        first = min(told, key=lambda ev: min(ev["_sentences"]))
        if toll is not None:
            first["fatalities"]["total"] = dict(toll)
        elif (first["fatalities"].get("total") or {}).get("best"):
            # "six regime and four IS fighters were killed. Fatalities spread evenly across the two
            # events.": this record's share of the narrative's toll
            n = int(first["fatalities"]["total"]["best"]) // int(share["ways"])
            first["fatalities"]["total"] = {"best": n, "low": n, "high": n, "qualifier": "exact"}


#: A coder's line that splits the toll of the line before it between events or places.
_SPLIT_LINE = re.compile(r"^\s*(?:and\s+)?(?:split|spread|divided|distributed|allocated)\b|^\s*(?:the\s+)?(?:total\s+)?fatalities\s+(?:were\s+|are\s+)?(?:split|spread|divided|distributed)\b", re.I)


def _lead_date(ctx: DocContext) -> dict[str, Any] | None:
    try:
        from ceasefire.resolve.dates import lead_date

        return lead_date([_without_dateline(s.text) for s in ctx.sentences], ctx.published)
    except Exception:  # noqa: BLE001 - an odd date must not lose the events
        return None


def _date(text: str, published: date | None, default: bool = True) -> dict[str, Any] | None:
    """The event date a sentence gives (resolved against ``published``); with ``default``, the
    publication day when it gives none."""
    try:
        from ceasefire.resolve.dates import resolve_event_date
    except ImportError:
        resolve_event_date = None
    if resolve_event_date is not None:
        try:
            d = resolve_event_date(text, published, default_to_published=False) if text else None
        except TypeError:  # an older resolver without the keyword
            d = resolve_event_date(text, published) if not default else None
        except Exception:  # noqa: BLE001
            d = None
        if d:
            return _date_dict(d)
    if published and default:
        iso = published.isoformat()
        return {"start": iso, "end": iso, "precision": "day"}
    return None


def _date_dict(d: Any) -> dict[str, Any] | None:
    if isinstance(d, dict):
        return {"start": str(d["start"]), "end": str(d.get("end") or d["start"]), "precision": d.get("precision") or "day"}
    if hasattr(d, "as_dict"):
        return _date_dict(d.as_dict())
    if hasattr(d, "start"):
        return {"start": str(d.start), "end": str(getattr(d, "end", None) or d.start), "precision": getattr(d, "precision", "day")}
    return None


def _location(ctx: DocContext, sent: Sentence) -> dict[str, Any] | None:
    # The sentence's first event word, not the classifier's cue, anchors the places: tried on the
    # ACLED sample, the cue ("marched", "drive-by shooting") sits nearer the neighbourhoods and
    # buildings a note names after its town ("in Temixco, Morelos, ... in Colonia los Presidentes"),
    # which the gazetteer mostly places elsewhere (location within 25 km 0.593 -> 0.588).
    try:
        from ceasefire.resolve.places import locate_event
    except ImportError:
        return None
    try:
        loc = locate_event(ctx, sent)
    except Exception:  # noqa: BLE001 - a gazetteer miss must not lose the event
        return None
    if loc is not None and hasattr(loc, "as_location"):
        loc = loc.as_location()
    return as_read_in_its_area(ctx, loc)


def _attribution(text: str, span: tuple[int, int]) -> dict[str, Any]:
    try:
        from ceasefire.resolve.attribution import attribute
    except ImportError:
        return {"sources": [], "chain": [], "certainty": "asserted"}
    try:
        a = attribute(text, span)
    except Exception:  # noqa: BLE001
        return {"sources": [], "chain": [], "certainty": "asserted"}
    return {"sources": list(a.get("sources") or []), "chain": list(a.get("chain") or []), "certainty": a.get("certainty") or "asserted"}


def _truce_and_access_events(ctx: DocContext) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    from ceasefire.extract.access import access_events
    from ceasefire.extract.agreements import agreement_events

    for fn in (agreement_events, access_events):
        out.extend(fn(ctx) or [])
    return out


# --------------------------------------------------------------------------- actors, types


def _settle_territory(cl: Classification, text: str, actors: list[dict[str, Any]], mentions: list[Any] = ()) -> str:
    """Who gains decides: state forces and allies regain, anyone else overtakes (DOMAIN.md).

    The gainer is the first side named before the capture ("Rebel forces battled regime forces and
    took it over"), not one it was taken from or fought; actor 1 may be the other side (ACLED's order)."""
    if not cl.territory:
        return cl.sub_event_type
    perp = next((a for a in actors if a["role"] == "perpetrator"), None)
    before = [m for m in mentions if m.end <= cl.trigger.start and m.kind == "armed" and not m.metonym
              and not re.search(r"\b(?:from|of|with|against|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", text[max(0, m.start - 30) : m.start], re.I)]
    if before:
        subject = before[0]
        perp = next((a for a in actors if a["name"] == subject.name), perp)
    if perp is not None and re.search(r"military forces of (russia|iran)|hezbollah|pro-government|pro-regime|national defen[cs]e|militia \(pro-", perp["name"], re.I):
        return "Government regains territory"  # the state's allies gain for it
    if perp is not None and perp.get("inter") in (1, 3) and not re.search(r"\b(rebel|opposition|islamic state|militia \(|unidentified)", perp["name"], re.I):
        return "Government regains territory"
    if perp is not None and perp.get("inter") in (2, 4, 8):
        return "Non-state actor overtakes territory"
    before = text[: cl.trigger.start]
    gov = list(_GOVERNMENT_SIDE.finditer(before))
    non = list(_NONSTATE_SIDE.finditer(before))
    if gov and (not non or gov[-1].start() > non[-1].start()):
        return "Government regains territory"
    if non or re.search(r"\b[A-Z][\w'-]+(\s+(al|al-|ash|of|the|[A-Z][\w'-]+))*\s*$", before.rstrip(" ,")) or re.search(r"[A-Z]\w+", before[-60:]):
        # who gains is named and is not the state or its allies
        return "Non-state actor overtakes territory"
    return "Armed clash"


# "QSD, backed by the YPG, clashed with": the side is told as one that fought
_FOUGHT_AFTER = re.compile(r"^(?:['’]s?)?(?:\s+[\w'’-]+|,[^,.;]{0,60},){0,4}?\s+(?:clashed|fought|battled|engaged|exchanged\s+fire)\b", re.I)


def _victims_are_targets(actors: list[dict[str, Any]], mentions: list[Any], text: str) -> None:
    """"29 rebels were killed in clashes with regime troops": the side that died is the target,
    the other side the perpetrator."""
    if told_between(text):
        return  # "clashes between X and Y": ACLED's order of the sides stands (extract.roles)
    harmed = harmed_mentions(text, mentions)
    # "QSD clashed with IS ..., during which 5 QSD fighters were killed": a side first told as one that
    # fought and only then counted among the dead stays where the text put it
    first: dict[str, Any] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        first.setdefault(m.name, m)
    victims = {m.name for m in harmed if first.get(m.name) in harmed or not _FOUGHT_AFTER.match(text[first[m.name].end : first[m.name].end + 90])}
    if not victims:
        return
    others = [a for a in actors if a["name"] not in victims and (a.get("inter") or 7) in (1, 2, 3, 4, 8)]
    if not others:
        return
    for a in actors:
        a["role"] = "target" if a["name"] in victims else ("perpetrator" if a in others[:1] else a["role"])
    actors.sort(key=lambda a: a["role"] != "perpetrator")


def _armed_victims(actors: list[dict[str, Any]], text: str) -> bool:
    """The targets are armed actors (a QSD member, a regime soldier) and no civilian is named."""
    targets = [a for a in actors if a["role"] == "target"]
    return bool(targets) and all((a.get("inter") or 7) in (1, 2, 3, 4, 8) for a in targets) and not _CIVILIAN_WORDS.search(text)


def _add_civilian_target(actors: list[dict[str, Any]], country: str | None) -> None:
    from ceasefire.extract.roles import country_name

    if any((a.get("inter") == 7) for a in actors):
        return
    actors.append({"name": f"Civilians ({country_name(country) or 'Syria'})", "role": "target", "inter": 7, "country": country or "SY", "_template": "Civilians ({country})"})


# --------------------------------------------------------------------------- places


def _town(location: dict[str, Any] | None) -> str | None:
    """The name of the town an event took place in (None above town level)."""
    if not location or location.get("precision") not in ("exact", "near"):
        return None
    return location.get("name")


_PLACE_WORD_AFTER = re.compile(r"\s+(?:town|city|village|district|neighbou?rhood|camp|community|area)$", re.I)


def _community_place(ctx: DocContext, ev: dict[str, Any]) -> str | None:
    """The town a communal militia is named after, spelled as the report spells it ("Talbiseh",
    where the gazetteer says "Tallbisah"; ACLED names the militia from its own note): the
    event's town as its sentences name it, else the gazetteer's name."""
    town = _town(ev.get("location"))
    if town is None:
        return None
    loc = ev["location"]
    spans = [(e["start"], e["end"]) for e in ev.get("evidence") or []]
    for t in getattr(ctx, "toponyms", None) or []:
        if any(a <= t.start < b for a, b in spans) and (t.name == town or (t.geonames_id and t.geonames_id == loc.get("geonames_id"))):
            text = _PLACE_WORD_AFTER.sub("", (t.text or "").strip())
            if text and text[0].isupper():
                return text
    return town


def _subnational(t: Any) -> bool:
    return getattr(t, "lat", None) is not None and getattr(t, "precision", None) in ("exact", "near", "admin2", "admin1") and getattr(t, "role", None) not in ("dateline", "speaker_city")


def _focus_country(ctx: DocContext) -> str | None:
    """The country the report is about: each of its sub-national places counts one, each naming
    of a country by its name ("Syria") half, by its people ("Syrian": often an actor) a quarter.
    A conference city named three times ("Munich") does not turn a report about Idlib and Syria
    into one about Germany."""
    if not any(_subnational(t) for t in ctx.toponyms):
        return None
    weight = _country_weights(ctx)
    return max(weight, key=lambda c: weight[c]) if weight else None  # ties: the first named


def _country_weights(ctx: DocContext) -> dict[str, float]:
    """How much each country the report names counts towards its focus (see :func:`_focus_country`);
    computed once per report (every event of it asks)."""
    cache = getattr(ctx, "__dict__", None)
    key = ("_country_weights", len(ctx.toponyms))
    if cache is not None and cache.get("_country_weights_key") == key:
        return cache["_country_weights"]
    weight = _weigh_countries(ctx)
    if cache is not None:
        cache["_country_weights_key"], cache["_country_weights"] = key, weight
    return weight


def _weigh_countries(ctx: DocContext) -> dict[str, float]:
    from ceasefire.extract.context import based_here
    from ceasefire.resolve.places.event_location.cues import _ACTOR_AFTER

    weight: dict[str, float] = {}
    for t in ctx.toponyms:
        if not t.country or getattr(t, "role", None) in ("dateline", "speaker_city") or based_here(ctx.text, t):
            continue
        if _held_abroad(ctx, t):
            continue  # "the Wadi Sakhr area between Al-Marj and Al Qina villages in Daraa countryside" read in Egypt
        if _subnational(t):
            # A province that holds another place ("Zir town in Deir ez Zor countryside") or a town
            # named as a landmark ("an area southwest of Idleb city") counts more than the village it
            # locates: the gazetteer knows the areas and cities reports use to say where a place
            # lies, and misreads villages as namesakes abroad.
            anchor = ((getattr(t, "precision", None) in ("admin1", "admin2") and getattr(t, "role", None) == "containing_area")
                      or bool(_LANDMARK_BEFORE.search(ctx.text[max(0, t.start - 40): t.start]))
                      or _holds_place_before(ctx, t))
            # a group named after a place ("Hamza Brigade", "the Sultan Murad Division") or a thing or
            # person a place names ("a Molotov cocktail", "the Kandahar commander") says little about
            # where the report is
            named_group = bool(_GROUP_AFTER.match(ctx.text[t.end: t.end + 20]) or _ACTOR_AFTER.match(ctx.text[t.end: t.end + 30]))
            weight[t.country] = weight.get(t.country, 0.0) + (
                SCENE_WEIGHT if _opens_with(ctx, t) else 1.5 if anchor else 0.5 if named_group else 1.0)
        elif getattr(t, "precision", None) == "country":
            weight[t.country] = weight.get(t.country, 0.0) + (0.25 if getattr(t, "demonym", False) else 0.5)
    return weight


#: How much more the report's focus country must weigh than the country of a place its event's
#: own sentence names for that place to give way: "a protest in Menton against the closure of a dairy
#: in the Italian town of Ventimiglia" leans to Italy by a quarter, not enough to move a protest the
#: sentence puts in France.
FOCUS_MARGIN = 1.0


def _own_foreign_place(ctx: DocContext, ev: dict[str, Any], loc: dict[str, Any], focus: str) -> bool:
    """Whether ``loc`` is a town its event's own sentences name and the gazetteer read (not a place
    only borrowed from its context), in a country the report weighs about as much as its focus."""
    if loc.get("precision") not in ("exact", "near") or not loc.get("country") or loc.get("lat") is None:
        return False
    weight = _country_weights(ctx)
    if weight.get(focus, 0.0) - weight.get(loc["country"], 0.0) >= FOCUS_MARGIN:
        return False
    spans = [(e["start"], e["end"]) for e in ev.get("evidence") or []]
    return any(t.lat is not None and (t.lat, t.lon) == (loc["lat"], loc["lon"]) and any(a <= t.start < b for a, b in spans)
               and getattr(t, "role", None) not in ("inferred_from_context", "dateline", "speaker_city")
               for t in ctx.toponyms)


_GROUP_AFTER = re.compile(r"^\s+(?:division|brigades?|battalions?|regiments?|legion|corps)\b", re.I)
#: The weight of the place a report's first sentence opens with ("On 3 May 2022, in Mexicali, Baja
#: California, ..."): the scene the report sets before anything else, worth more than two or three
#: namesakes abroad its neighbourhoods and streets are read as ("Colonia Centro" as a town in New Jersey).
SCENE_WEIGHT = 3.5


def _opens_with(ctx: DocContext, t: Any) -> bool:
    """Whether ``t`` is the place the report's first body sentence opens with ("On 3 May, in X, ..."),
    read in the gazetteer (a name only placed by its context borrows another place's country)."""
    from ceasefire.resolve.places.event_location.choose import _FRONTED

    if getattr(t, "role", None) == "inferred_from_context":
        return False
    title = {s.index for s in getattr(ctx, "title_sentences", None) or []}
    first = next((s for s in getattr(ctx, "sentences", None) or [] if s.index not in title), None)
    return first is not None and first.start <= t.start < first.end and bool(_FRONTED.match(ctx.text[first.start: t.start]))


def _holds_place_before(ctx: DocContext, t: Any) -> bool:
    """Whether the province or district ``t`` is said to hold a place named just before it ("Zir and
    Takihi towns in Deir ez Zor countryside"): the area a report locates its villages by."""
    if getattr(t, "precision", None) not in ("admin1", "admin2") and not names_its_area(t):
        return False  # "in Florianopolis, Santa Catarina": a state read as a town abroad anchors nothing
    from ceasefire.resolve.places.event_location.containers import _PLACE_PHRASE

    for o in ctx.toponyms:
        if o is not t and o.end <= t.start <= o.end + 60 and getattr(o, "precision", None) != "country" \
                and not getattr(o, "demonym", False) and (_LIES_IN.match(ctx.text[o.end: t.start])
                                                          or _PLACE_PHRASE.match(ctx.text[o.end: t.start])):
            return True
    return False


def _held_abroad(ctx: DocContext, t: Any) -> bool:
    """Whether the place ``t`` was read in another country than the province or district its own
    phrase puts it in ("Kafr Saghir in Al-Marj in Rural Damascus" with Al-Marj read in Libya): a
    namesake, which says nothing of the country the report is about."""
    if getattr(t, "precision", None) not in ("exact", "near"):
        return False
    from ceasefire.resolve.places.event_location.containers import _PLACE_PHRASE

    for a in ctx.toponyms:
        if (a is t or not a.country or a.country == t.country or a.lat is None or getattr(a, "demonym", False)
                or not (t.end <= a.start <= t.end + 60)):
            continue
        if getattr(a, "precision", None) not in ("admin1", "admin2") and not names_its_area(a):
            continue
        gap = ctx.text[t.end: a.start]
        if _LIES_IN.match(gap) or _PLACE_PHRASE.match(gap):
            return True
    return False


_LANDMARK_BEFORE = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
                              r"south-east|south-west)(?:ern)?\s+of\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.I)
_DATELINE = re.compile(r"\b([A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+)*),\s+[A-Z][a-z]+\s*(\([A-Z][a-z]{2,8}\.? \d{1,2}(, \d{4})?\)|[–—-])")


def _is_dateline(ctx: DocContext, ev: dict[str, Any], loc: dict[str, Any]) -> bool:
    """The location is the dateline city ("KABUL, Afghanistan (Nov. 20, 2011) - ...")."""
    for span in ev["evidence"]:
        m = _DATELINE.search(span["text"])
        if m and loc.get("name") and m.group(1).strip().lower() == str(loc["name"]).lower():
            return True
    return False


def _complete_admin1(ctx: DocContext, ev: dict[str, Any], loc: dict[str, Any]) -> None:
    """A district or town without its province takes the province its sentence names
    ("in Andar district, Ghazni province")."""
    spans = [(e["start"], e["end"]) for e in ev["evidence"]]
    provinces = [t for t in ctx.toponyms if t.precision == "admin1" and t.country == loc.get("country") and t.role not in ("dateline", "speaker_city")]
    if not provinces:
        return
    inside = [t for t in provinces if any(a <= t.start < b for a, b in spans)]
    before = [t for t in provinces if t.start < spans[0][0]]
    chosen = inside[0] if inside else (before[-1] if before else provinces[0])  # else the report's province
    loc["admin1"] = chosen.admin1 or chosen.name


def _refine_location(ctx: DocContext, ev: dict[str, Any], focus: str | None) -> None:
    """A country-level or foreign location ("U.S.-led strikes", "Russia said") gives way to the
    incident's place: a town in its own sentences, else in the next two sentences, else the
    report's most named place in the country it is about. A name the report elsewhere puts inside
    a province ("Shaer in Homs province") keeps that reading."""
    _country_to_incident(ctx, ev, focus)
    if ev.get("location"):
        ev["location"] = as_read_in_its_area(ctx, ev["location"])
        ev["location"] = in_countryside_province(ctx, ev["location"], [(e["start"], e["end"]) for e in ev["evidence"]])
    coded = _coded_place(ctx) if not ev.get("aggregate") and not ev.get("background") else None
    if coded is not None and not _coded_namesake(ctx, ev.get("location"), coded):
        ev["location"] = coded.as_location()


# ACLED's notes say where the coder put a record: "in Aragua state (coded to Maracay, Aragua)",
# "Coded as provincial capital Baquba city", "coded at zonal capital, Jinka"; not a fatality's split
# ("14 fatalities each coded to fighting at X") nor another record ("coded to the Donetsk event").
_CODED_TO = re.compile(
    r"\b[Cc]oded\s+(?:to|as|at|in)\s+(?:the\s+)?(?:(?:provincial|governorate|zonal|district|territorial|regional|state|"
    r"departmental|municipal|county)\s+)?(?:capital,?\s+)?(?:(?:city|town)\s+of\s+)?$"
)


_SPLIT_TOLL_BEFORE = re.compile(r"(?:\d+|fatalit(?:y|ies)|deaths?|killed)\s+(?:each\s+|were\s+|are\s+)?$", re.I)
_AREA_AFTER = re.compile(r"^\s+(?:state|province|region|department|governorate|county|municipality|oblast|prefecture)\b", re.I)


def _coded_place(ctx: DocContext) -> Any | None:
    """The place an ACLED note says its record is coded to, or None. A split of the dead between
    places ("4 fatalities coded to Mayadin and 4 coded to Albu Kamal") says where deaths were booked,
    not where this record is."""
    if "oded " not in ctx.text:
        return None
    for t in ctx.toponyms:
        if t.lat is None or getattr(t, "demonym", False) or t.precision == "country" or t.role in ("dateline", "speaker_city"):
            continue
        before = ctx.text[max(0, t.start - 60): t.start]
        m = _CODED_TO.search(before)
        if m is None or _SPLIT_TOLL_BEFORE.search(before[: m.start()]):
            continue
        if not re.match(r"^[\w\s-]{0,30}\bevents?\b", ctx.text[t.end: t.end + 40]):
            return t
    return None


def _coded_namesake(ctx: DocContext, loc: dict[str, Any] | None, coded: Any) -> bool:
    """Whether the coded name was read as a namesake of a part of the town the note gives: "in
    Changzhou city, Jiangsu (coded to Xinbei)" with Xinbei read 700 km away, "on the island of
    Ithaca (Ithaki) [coded to Vathy]" with Vathy read near Athens. A note's town read where no
    state or province of that name was meant ("in Aragua state (coded to Maracay, Aragua)") is not
    such a town."""
    import math

    if not loc or loc.get("precision") != "exact" or not loc.get("geonames_id") or loc.get("country") != coded.country:
        return False
    la1, lo1, la2, lo2 = map(math.radians, (loc["lat"], loc["lon"], coded.lat, coded.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    if 12742.0 * math.asin(math.sqrt(min(1.0, h))) <= 30.0:
        return False
    named = [t for t in ctx.toponyms if t.lat is not None and (t.lat, t.lon) == (loc["lat"], loc["lon"])]
    return bool(named) and not any(_AREA_AFTER.match(ctx.text[t.end: t.end + 20]) for t in named)


def _country_to_incident(ctx: DocContext, ev: dict[str, Any], focus: str | None) -> None:
    loc = ev.get("location")
    if loc and _is_dateline(ctx, ev, loc):
        loc = ev["location"] = None  # "KABUL, Afghanistan (Jan. 25, 2013)" is where the release was written
    if loc and loc.get("precision") != "country" and (focus is None or loc.get("country") == focus
                                                        or _own_foreign_place(ctx, ev, loc, focus)):
        if not loc.get("admin1"):
            _complete_admin1(ctx, ev, loc)
        return
    places = [t for t in ctx.toponyms if _subnational(t) and (focus is None or t.country == focus)]
    # a river or lake runs through a whole region: a place on land, when the report names one
    places = [t for t in places if getattr(t, "feature_class", None) != "H"] or places
    if not places:
        # No place of the report's country below country level: a foreign country ("the Britain-based
        # Observatory") gives way to the report's country itself (a foreign town stays: "protested in
        # Dijon in support of Ukraine").
        country = focus or ctx.country
        if loc and country and loc.get("precision") == "country" and loc.get("country") != country:
            ev["location"] = _country_location([t for t in ctx.toponyms if t.lat is not None], country) or loc
        return
    # a place named for an earlier incident ("used the same weapons in Aleppo last year", "a sarin
    # attack in Ghouta in August 2013") is not where the report's incident was
    places = [t for t in places if not recalled_place(ctx.text, t)] or places
    spans = [(e["start"], e["end"]) for e in ev["evidence"]]
    inside = [t for t in places if any(a <= t.start < b for a, b in spans)]
    if inside:
        fine = [t for t in inside if t.precision in ("exact", "near")]
        ev["location"] = (fine or inside)[0].as_location()
        return
    last = max(ev.get("_sentences") or [0])
    nxt = [s for s in ctx.sentences if last < s.index <= last + 2]
    chosen = _next_place(ctx, nxt, places)
    if chosen is not None:
        ev["location"] = chosen.as_location()
        return
    counts: dict[Any, int] = {}
    for t in places:
        counts[(t.geonames_id, t.name)] = counts.get((t.geonames_id, t.name), 0) + 1
    key = max(counts, key=lambda k: counts[k])
    ev["location"] = next(t for t in places if (t.geonames_id, t.name) == key).as_location()


#: How many sentences after the headline count as the lead, whose incident the headline names.
LEAD_SENTENCES = 3


def _headline_place(ctx: DocContext, events: list[dict[str, Any]], focus: str | None) -> None:
    """A lead incident whose own sentence names no place finer than its country takes the place
    the headline gives it ("Airstrikes kill 4 in Syria's Idlib, destroy mosque in Hama" over a lead
    "At least four people were killed in airstrikes in Syria" and a next sentence on a mosque near
    Hama). A place the event's own or an earlier sentence names stays."""
    title = getattr(ctx.doc, "title", None)
    if not title or not events:
        return
    place = headline_place(title, [t for t in ctx.toponyms if _subnational(t) and (focus is None or t.country == focus)], ctx)
    if place is None:
        return
    body = [s.index for s in ctx.sentences if s.index not in {t.index for t in ctx.title_sentences}]
    lead = set(body[:LEAD_SENTENCES]) | {t.index for t in ctx.title_sentences}
    for ev in events:
        if ev.get("aggregate") or ev.get("background") or ev["event_type"] not in _VIOLENT:
            continue
        if not ev.get("_sentences") or ev["_sentences"][0] not in lead:
            continue
        loc = ev.get("location")
        first = ev["evidence"][0]
        # a sentence that opens with the headline ("Air strikes kill 12 in Syria's Aleppo ... Air
        # strikes kill 11 in Syria's Idlib ..." when cleaning ran headlines together): its incident
        # is the headline's
        at = " ".join(first["text"][:len(title) + 60].split()).find(" ".join(title.split()))
        opens_with_title = 0 <= at <= 40
        if loc and loc.get("precision") != "country" and not opens_with_title:
            end = first["end"]
            if any(_subnational(t) and t.start < end and (t.name or t.text) == loc.get("name") for t in ctx.toponyms):
                continue  # its own (first) sentence or an earlier one names it
        ev["location"] = place.as_location()


def _next_place(ctx: DocContext, sentences: list[Sentence], places: list[Any]) -> Any | None:
    """The place the next sentences tie to their own event word (not merely the first they name:
    "evacuees from Fuaa and Kafraya were killed ... at a transit point west of Aleppo")."""
    chosen = place_in_sentences(ctx, sentences, places)
    if chosen is not None:
        return chosen
    inside = [t for t in places if any(s.start <= t.start < s.end for s in sentences)]
    fine = [t for t in inside if t.precision in ("exact", "near")]
    return (fine or inside or [None])[0]


# --------------------------------------------------------------------------- merging


def _compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("aggregate") or b.get("aggregate"):
        return False
    if bool(a.get("background")) != bool(b.get("background")):
        return False  # an incident recalled or imputed to someone is not the one the report tells
    if told_as_another_incident(b) and not b.get("_anaphor"):
        return False  # "Earlier in the day, rockets on the city killed nine": not the incident told before
    bombs = {a["sub_event_type"], b["sub_event_type"]}
    if bombs == {"Suicide bomb", "Remote explosive/landmine/IED"}:
        pass  # "a motorcycle bomber" and "a suicide bomber on a motorcycle": one blast
    elif a["event_type"] == b["event_type"] == "Battles":
        pass  # "captured Qanater after clashes" and "during the clashes, 19 were killed": one battle
    elif _strike_in_battle(a, b):
        pass  # "clashed with rebels in Modira amid airstrikes" and "helicopters dropped barrel bombs on Modira": one battle
    elif a["sub_event_type"] != b["sub_event_type"]:
        # "22 dead in heavy U.S. raids" and "killed in U.S. air strikes": an unnamed weapon joins a named one
        violent = a["event_type"] in _VIOLENT and b["event_type"] in _VIOLENT
        vague = a["method"] == "unknown" or b["method"] == "unknown"
        if not (violent and vague):
            return False
    elif a["method"] not in (b["method"], "unknown") and b["method"] != "unknown":
        return False
    if a["date"] and b["date"] and a["date"]["start"] != b["date"]["start"]:
        return False
    la, lb = a.get("location"), b.get("location")
    if la and lb and la.get("name") != lb.get("name") and la.get("admin1") != lb.get("name") and lb.get("admin1") != la.get("name"):
        if "country" not in (la.get("precision"), lb.get("precision")):
            return False
    if _vague(a) or _vague(b):
        return True  # "a wave of deadly bombings" joins the strike it sums up; its actors do not count
    if _strike_in_battle(a, b):
        return True  # the strike's author is one side or its ally (ACLED: explosions inside a battle are the battle's)
    if a["event_type"] == b["event_type"] == "Battles":
        # the two sides of a battle may be told in either role ("regime forces captured X after
        # clashes with rebels", "regime fighters were killed during the clashes")
        pa = {x["name"] for x in a["actors"] if x["role"] in ("perpetrator", "target") and (x.get("inter") or 7) != 7}
        pb = {x["name"] for x in b["actors"] if x["role"] in ("perpetrator", "target") and (x.get("inter") or 7) != 7}
    else:
        pa = {x["name"] for x in a["actors"] if x["role"] == "perpetrator"}
        pb = {x["name"] for x in b["actors"] if x["role"] == "perpetrator"}
    if pa and pb and not (pa & pb):
        return False
    return True


#: Ranged fire that ACLED folds into the battle it falls in (DOMAIN.md: one event, highest type).
_BATTLE_FIRE = ("Air/drone strike", "Shelling/artillery/missile attack")


def _strike_in_battle(battle: dict[str, Any], strike: dict[str, Any]) -> bool:
    """``battle``, told first, is a battle and ``strike``, told after it, an air strike or shelling
    (same day and place are checked by the caller): ACLED codes strikes and shelling during the
    fighting as the battle ("clashed with rebels in Modira amid airstrikes ... Helicopters dropped
    barrel bombs on Modira"). A strike told first leads its own event: a report that opens with
    "22 dead in U.S. raids" is about the raids, whatever fighting it mentions after."""
    if battle["event_type"] != "Battles" or strike["event_type"] != "Explosions/Remote violence":
        return False
    return strike["sub_event_type"] in _BATTLE_FIRE and not strike.get("background")


def _vague(ev: dict[str, Any]) -> bool:
    """A mention without method or figures ("deadly bombardments in the city")."""
    return ev["method"] == "unknown" and not any(ev["fatalities"].values())


def _merge(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged: list[dict[str, Any]] = []
    for ev in events:
        if ev.get("_anaphor") and not ev.get("aggregate") and not ev.get("background"):
            told = [m for m in merged if m["event_type"] in _VIOLENT and not m.get("aggregate")]
            if told:
                # "the attack also wounded dozens": the incident told before, the last of the anaphor's
                # own kind first ("During the clashes, 6 were killed" points to the clashes, not to
                # the airstrikes told between)
                same = [m for m in told if m["event_type"] == ev["event_type"]]
                _absorb((same or told)[-1], ev, anaphor=True)
                continue
        if ev["event_type"] in ("Protests", "Riots") and ev["sub_event_type"] != "Mob violence":
            crowd = next((m for m in reversed(merged) if m["event_type"] in ("Protests", "Riots") and m["sub_event_type"] != "Mob violence" and not m.get("aggregate")), None)
            if crowd is not None and _same_demonstration(crowd, ev):
                _join_demonstration(crowd, ev)
                continue
        k = next((i for i, m in enumerate(merged) if _compatible(m, ev)), None)
        if k is None:
            merged.append(ev)
            continue
        host = merged[k]
        battle_hosts = host["event_type"] == "Battles" and ev["event_type"] != "Battles"
        if not battle_hosts and ((_vague(host) and not _vague(ev)) or (host["method"] == "unknown" and ev["method"] not in (None, "unknown"))):
            ev, host = host, ev  # the specific sentence leads; the vague one adds evidence
            merged[k] = host
        _absorb(host, ev)
    return merged


_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
#: How a demonstration ended, from least to most severe (ACLED codes the most severe).
_PROTEST_SEVERITY = ["Peaceful protest", "Protest with intervention", "Violent demonstration", "Excessive force against protesters"]


def _same_demonstration(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two sentences about one demonstration: adjacent, same day, places that do not disagree."""
    if abs(min(b["_sentences"]) - max(a["_sentences"])) > 2:
        return False
    if a["date"] and b["date"] and a["date"]["start"] != b["date"]["start"]:
        return False
    la, lb = a.get("location") or {}, b.get("location") or {}
    return not (la.get("admin1") and lb.get("admin1") and la["admin1"] != lb["admin1"])


def _join_demonstration(host: dict[str, Any], ev: dict[str, Any]) -> None:
    """Merge a later sentence into the demonstration it tells more of; the most severe outcome wins."""
    rank = {t: i for i, t in enumerate(_PROTEST_SEVERITY)}
    if rank.get(ev["sub_event_type"], 0) > rank.get(host["sub_event_type"], 0):
        host["sub_event_type"], host["event_type"], host["method"] = ev["sub_event_type"], ev["event_type"], ev["method"]
    _absorb(host, ev, anaphor=True)


def _absorb(host: dict[str, Any], ev: dict[str, Any], anaphor: bool = False) -> None:
    if anaphor and ev["event_type"] != host["event_type"]:
        pass  # the pointing sentence adds evidence and figures, not its guessed type
    elif ev["event_type"] == host["event_type"] == "Battles" and host["sub_event_type"] == "Armed clash":
        host["sub_event_type"] = ev["sub_event_type"]  # only the final capture counts (ACLED)
    elif ev["sub_event_type"] == "Suicide bomb" and host["sub_event_type"] == "Remote explosive/landmine/IED":
        host["sub_event_type"], host["event_type"], host["method"] = "Suicide bomb", "Explosions/Remote violence", "suicide_bomb"
    elif host["method"] == "unknown" and ev["method"] not in (None, "unknown"):
        if host["event_type"] == "Battles":
            host["method"] = ev["method"]  # strikes inside a battle are the battle's (ACLED)
        else:
            host["sub_event_type"], host["event_type"], host["method"] = ev["sub_event_type"], ev["event_type"], ev["method"]
    # the incident's figures are those of the first sentence that tells it (the lead's toll), even
    # when a later, more specific sentence leads its type; the others fill gaps
    earlier = min(ev["_sentences"]) < min(host["_sentences"])
    spelled_out = host.get("_vague_toll") and not ev.get("_vague_toll") and _spells_out(host["fatalities"].get("total"), ev["fatalities"].get("total"))
    if spelled_out:
        host["fatalities"] = dict(ev["fatalities"])  # "Hundreds dead ... the death toll reached 330": the count the report gives
        host["_vague_toll"] = False
    if host["fatalities"].get("total") is None and ev["fatalities"].get("total") and not earlier and not spelled_out:
        # "an airstrike killed eight civilians ... Other reports say at least 14 people were killed":
        # the lead's toll is its civilians (and combatants); a later total is another report of it,
        # and of conflicting reports ACLED keeps the most conservative (resolve.numbers._merge)
        from ceasefire.resolve.numbers import _merge as _conservative, _sum

        parts = _sum([host["fatalities"].get("civilians"), host["fatalities"].get("combatants")])
        if parts and parts.get("best") is not None:
            host["fatalities"]["total"] = _conservative([parts, ev["fatalities"]["total"]])
    before = host["fatalities"].get("total")
    for key in ("fatalities", "injured"):
        for k, v in ev[key].items():
            if v is not None and (host[key].get(k) is None or (earlier and not spelled_out)):
                host[key][k] = v
    if host["fatalities"].get("total") is not before:
        host["_vague_toll"] = ev.get("_vague_toll", False)
    if host["event_type"] == ev["event_type"] == "Battles" and min(ev["_sentences"]) < min(host["_sentences"]) and any(a["role"] == "perpetrator" for a in ev["actors"]):
        # the sentence that first tells a battle names its sides ("clashes between regime forces and
        # rebels"); a later, more specific one adds the fire around it ("... amid Russian airstrikes")
        first = {a["name"] for a in ev["actors"]}
        host["actors"] = [dict(a) for a in ev["actors"]] + [a for a in host["actors"] if a["name"] not in first]
    names = {a["name"] for a in host["actors"]}
    had_author = any(a["role"] == "perpetrator" for a in host["actors"])
    if not _vague(ev) or (not had_author and ev["event_type"] == host["event_type"]):
        # a vague sentence's actors count only where an incident of its kind names no author ("Clashes
        # took place between regime forces and rebels. Clashes were accompanied by shelling.")
        host["actors"].extend(a for a in ev["actors"] if a["name"] not in names)
    host["actors"].sort(key=lambda a: a["role"] != "perpetrator")
    author_hedge(host, had_author, ev)
    if host["location"] is None or (ev["location"] and _finer(ev["location"], host["location"])):
        host["location"] = ev["location"] or host["location"]
    if host["date"] is None:
        host["date"] = ev["date"]
    if not host["attribution"]["sources"] and ev["attribution"]["sources"]:
        host["attribution"] = ev["attribution"]
    host["evidence"].extend(ev["evidence"])
    host["evidence"].sort(key=lambda s: s["start"])
    host["_sentences"] = sorted(host["_sentences"] + ev["_sentences"])
    host["_confidence"] = max(host["_confidence"], ev["_confidence"])


_PRECISION_RANK = {"exact": 0, "near": 1, "admin2": 2, "admin1": 3, "country": 4}


def _finer(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether place ``a`` says more precisely where ``b`` is: a town of the province ``b`` (or a
    province of the country ``b``); a town somewhere else ("the southern countryside of Hasakeh"
    after "battled IS in the Ar-Raqqa countryside") is another place, not a finer one, and "near
    Manbij" is as precise as any town."""
    ra, rb = _PRECISION_RANK.get(a.get("precision"), 5), _PRECISION_RANK.get(b.get("precision"), 5)
    if rb <= 1 or ra >= rb:
        return rb == 5 and ra < 5
    if b.get("precision") == "country":
        return not b.get("country") or a.get("country") == b.get("country")
    return a.get("country") == b.get("country") and (not b.get("admin1") or a.get("admin1") == b.get("admin1"))


def _public(ev: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in ev.items() if not k.startswith("_")}
