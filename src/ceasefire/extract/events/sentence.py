"""One sentence's event: its type, actors, figures, date, place and attribution.

The classifier says whether a sentence tells an incident; this module fills the Event JSON v1
object from that sentence alone (the document-level steps come after, in the package's
``assemble``). Anaphors ("the attack", "the strikes") mark a sentence that tells an incident
already told.
"""

from __future__ import annotations

import re
from typing import Any

from ceasefire.extract.classify import Classification, classify_sentence, find_cues, is_background, victim_side
from ceasefire.extract.context import DocContext, Sentence
from ceasefire.extract.contract import empty_event
from ceasefire.extract.lexicon import EVENT_TYPE_OF
from ceasefire.extract.roles import assign_roles, crowd_first, generic_mentions, named_mentions

from ceasefire.extract.events.dates import _date, _item_published, _without_dateline
from ceasefire.extract.events.figures import _IMPUTED, _PART_OF_TALLY, _aggregate, _casualties, _counts, _listed_areas, _previous_tally, _topic_of_demonstration, _without_related_headlines
from ceasefire.extract.events.places import _location
from ceasefire.extract.events.sides import _add_civilian_target, _armed_victims, _settle_territory, _victims_are_targets


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
        figures = _casualties(_without_related_headlines(text), sent.start)
        if cl.families == {"harm"} and not any(f for f in figures if getattr(f, "best", None)):
            return None  # "dead" alone, without a figure, is not an incident we can code
    if EVENT_TYPE_OF[cl.sub_event_type] in ("Protests", "Riots"):
        figures = [f for f in figures if not _topic_of_demonstration(text, f, sent.start)]
    mentions = named_mentions(text, sent.start, ctx.country, ctx.published)
    mentions += generic_mentions(text, ctx.country, mentions)
    actors = assign_roles(text, cl.trigger_span, mentions, cl.sub_event_type, ctx.country, ctx.published)
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
    ev["_listed"] = _listed_dead(dead)
    ev["_other_side"] = _other_side_dead(dead)
    ev["_others_told"] = bool(ev["_other_side"]) and all(_OTHERS.search(f.text or "") or _OTHERS_BEFORE.search(text[: max(0, f.start - sent.start)])
                                                        for f in dead if not getattr(f, "vague", False))
    ev["_parties"] = [f.party for f in dead if getattr(f, "party", None) and not getattr(f, "vague", False)]
    ev["_headline"] = _is_headline(ctx, sent)
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
    published = _item_published(ctx, sent)  # a digest's item counts its days from its own dateline
    told = _date(_without_dateline(text), published, default=False)
    if told is None and ctx.last_event_date:
        told = dict(ctx.last_event_date)  # "During the operation ...": the day the lead gave
    if told is not None:
        ctx.last_event_date = told
    ev["date"] = told or _date("", published, default=True)
    ev["location"] = _location(ctx, sent)
    if ev.get("aggregate") is not None and ev["location"]:
        ev["aggregate"]["area"] = ev["location"].get("name")
    ev["attribution"] = _attribution(text, cl.trigger_span)
    ev["evidence"] = [sent.evidence()]
    ev["_sentences"] = [sent.index]
    ev["_confidence"] = cl.confidence
    ev["_trigger"] = (sent.start + cl.trigger.start, sent.start + cl.trigger.end)
    ev["_anaphor"] = _is_anaphor(text, cl)
    wake = _IN_THE_WAKE.match(text)
    if wake and (wake.group("battle") or wake.group("blast")):
        # "Once the exchange ended, ...": it points to an incident of the kind its noun names, whatever its own type
        ev["_anaphor_type"] = "Battles" if wake.group("battle") else "Explosions/Remote violence"
    return ev


def _listed_dead(dead: list[Any]) -> list[int]:
    """The counts of dead a sentence lists together ("120 soldiers and 60 rebels": 120, 60), then
    each list's sum (180), one person's companions and all of them ("a commander and 20 of his men":
    20, 21); [] when it lists none."""
    lists: dict[int, list[int]] = {}
    for f in dead:
        if getattr(f, "joint", None) is not None and not getattr(f, "share", False) and not getattr(f, "aggregate", None):
            lists.setdefault(f.joint, []).append(int(f.best))
    out: list[int] = []
    for members in lists.values():
        if len(members) > 1:
            out += members + [sum(members)]
    for f in dead:
        if (getattr(f, "derived", None) or "").startswith("one person and") and f.best:
            out += [int(f.best) - 1, int(f.best)]  # "an emir and 20 of his comrades": the emir, the 20, and 21
    return out


#: "another militant leader", "four other members": people the count says are not those told before.
_OTHERS = re.compile(r"\b(?:another|other)\b", re.I)
_OTHERS_BEFORE = re.compile(r"\b(?:another|other)\s*$", re.I)


def _other_side_dead(dead: list[Any]) -> list[str]:
    """The parties of a sentence whose dead are all fighters it adds to a count told before it
    ("Another 60 soldiers ... were also killed"): [] when any of its dead is not such a fighter."""
    precise = [f for f in dead if not getattr(f, "vague", False)]
    if not precise or not all(getattr(f, "additive", False) and f.group == "combatants" and getattr(f, "party", None) for f in precise):
        return []
    return [f.party for f in precise]


def _is_headline(ctx: DocContext, sent: Sentence) -> bool:
    """``sent`` is the report's headline: a sentence of the title line, the first sentence when it
    repeats the title after a dateline ("Sun 10 Jul 2016 Clashes kill 120 near Hama."), or, in a
    text without a title, a first sentence of a dozen words at most."""
    if any(s.index == sent.index for s in ctx.title_sentences):
        return True
    if sent.index != 0:
        return False
    title = " ".join((ctx.doc.title or "").lower().split())
    if not title:
        return len(sent.text.split()) <= 12
    return len(title) >= 12 and title in " ".join(sent.text.lower().split())


_ANAPHOR_NOUN = re.compile(
    r"^(attacks?|strikes?|air ?strikes?|air raids?|raids?|bombings?|blasts?|explosions?|shelling|massacre|assault|incident|bombardment|killings?|clash(es)?|fighting|battles?|offensive)$",
    re.I,
)
_ANAPHOR_BEFORE = re.compile(r"\b((?i:the|this|that|these|those|its|their)|[A-Z]\w+'s|[A-Z]\w+s)\s+([\w-]+\s+)?$")


_ANAPHOR_SUBJECT = re.compile(
    r"\b(?:the|these|those)\s+(?:strikes|air ?strikes|raids|bombings|attacks?|blasts?|explosions?|shelling|bombardment)\s+"
    r"(?:were|was|had\s+been|have\s+been)\s+(?:carried\s+out|conducted|launched|fired|staged)\s+by\s+[^.;]*$", re.I)


#: A sentence that opens in the wake of an incident already told ("Once the exchange ended, ...",
#: "After the firefight, ..."): what it tells happened at that incident.
_IN_THE_WAKE = re.compile(
    r"^\W*(?:after|once|following|when)\s+the\s+(?:(?P<battle>exchange|firefight|fire ?fight|gunfight|engagement|clash(?:es)?|fighting|battle)"
    r"|(?P<blast>strikes?|air ?strikes?|raids?|blasts?|explosions?|shelling|bombardment)|attack|assault)\b",
    re.I,
)


def _is_anaphor(text: str, cl: Classification) -> bool:
    """"The attack", "Tuesday's blast": a noun that points back to an incident already told --
    the event word itself, or the subject of the clause it ends ("whether the strikes were
    carried out by Syrian or Russian warplanes": the trigger is the aircraft, the strikes are
    the ones told before), or a sentence that opens in its wake ("Once the exchange ended,
    three bodies were found")."""
    if _IN_THE_WAKE.match(text):
        return True
    if not _ANAPHOR_NOUN.match(cl.trigger.text):
        return bool(_ANAPHOR_SUBJECT.search(text[max(0, cl.trigger.start - 90) : cl.trigger.start]))
    return bool(_ANAPHOR_BEFORE.search(text[max(0, cl.trigger.start - 30) : cl.trigger.start]))


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
