"""Authors across sentences: the unknown author ACLED codes, an author borrowed from the same
report's incident of the same kind, the headline's author, a definite noun's antecedent."""

from __future__ import annotations

import re
from typing import Any

from ceasefire.extract.roles.actor import _GENERIC_NAME, _state_forces_actor, weakest
from ceasefire.extract.roles.cues import _HELD, _HELD_BY, _PERSONS_FORCES, _SPEAKER_AFTER, _TARGET_BEFORE, is_harmed
from ceasefire.extract.roles.mentions import named_mentions


# ACLED codes every event with an actor 1: an attack on civilians, a bombing or an abduction whose
# author the report does not name is the work of "Unidentified Armed Group (<country>)".
# ACLED's "Unidentified Gang": violence the report ties to organised crime rather than to a political group
_ORGANISED_CRIME = re.compile(r"\b(?:organi[sz]ed crime|cartels?|drug (?:traffick\w+|dealing|dealers?|gangs?)|narco\w*|gangs?|gangsters?|criminal (?:groups?|gangs?|organi[sz]ations?)|sicarios?|hitm[ae]n|extortion)\b", re.I)
# Property set on fire or wrecked and ground fire with no author named are ACLED's unidentified armed
# group too (in the public exports' notes "a house was set on fire", "artillery fire by an unknown party")
_UNNAMED_AUTHOR_TYPES = ("Attack", "Abduction/forced disappearance", "Sexual violence", "Remote explosive/landmine/IED", "Suicide bomb", "Grenade",
                         "Looting/property destruction", "Shelling/artillery/missile attack")
_ONLY_WHEN_NO_ARMED_ACTOR = ("Looting/property destruction", "Shelling/artillery/missile attack")


# The hallmarks of criminal killings that ACLED codes to gangs even when the report names no
# motive: a drive-by shooting, victims found bound, gagged or handcuffed, the coup de grace
_GANG_HALLMARKS = re.compile(
    r"\bdrive[- ]by\b|\b(?:hands?|feet|wrists?)\s+(?:and\s+\w+\s+)?(?:were\s+|was\s+)?(?:tied|bound)\b|\b(?:tied|bound)\s+(?:up|hands?|and\s+gagged)\b|"
    r"\b(?:bodies|body|victims?|corpses?)\s+(?:\w+\s+){0,6}?(?:tied|bound|handcuffed|gagged)\b|\bhandcuffed\s+bod|\btiro\s+de\s+gracia\b|\bcoup\s+de\s+gr[aâ]ce\b|"
    # a body dumped dismembered, bagged or with a message left on it: how cartels display their killings
    r"\b(?:bodies|body|remains|corpses?)\s+(?:\w+\s+){0,6}?(?:dismembered|(?:in|inside)\s+(?:an?\s+)?(?:plastic|black|garbage)\s+bags?|wrapped\s+in\s+(?:a\s+)?(?:blankets?|sheets?|plastic)|with\s+a\s+(?:narco-?)?message)\b|\bnarco-?messages?\b",
    re.I,
)
_SUSPECTED_INDIGENOUS = re.compile(
    r"\b(?:indigenous|Mapuche)\s+(?:armed\s+)?(?:groups?|militias?|communities|organi[sz]ations?|militants)\b[^.]{0,60}\b(?:responsible|perpetrat\w*|behind|suspected|blamed|attributed)\b"
    r"|\b(?:perpetrated|carried\s+out|claimed|attributed\s+to|blamed\s+on|suspected\s+to\s+be)\s+(?:by\s+)?(?:\w+\s+){0,2}(?:indigenous|Mapuche)\s+(?:armed\s+)?(?:groups?|militias?|communities|organi[sz]ations?|militants)\b",
    re.I,
)
_MONITOR_OBSERVED = re.compile(r"\b(?:OSCE|SMM|Special\s+Monitoring\s+Mission)\b[^.]{0,40}\b(?:observed|recorded|heard|saw)\b", re.I)


def _told_near(event: dict[str, Any], ctx: Any) -> str:
    """The incident's own sentences, the one before and the two after it: a note's second sentence
    often carries the hallmarks ("... were found dead. The victims had their hands tied"), and a
    first one the classifier passed over may ("... were shot in a drive-by incident. One man died")."""
    told = [e.get("text") or "" for e in event.get("evidence") or []]
    idx = event.get("_sentences") or []
    if ctx is not None and idx:
        first, last = min(idx), max(idx)
        told += [s.text for s in getattr(ctx, "sentences", None) or [] if first - 1 <= s.index <= last + 2 and s.index not in idx]
    return " ".join(told)


def unnamed_perpetrator(event: dict[str, Any], ctx: Any = None) -> None:
    """Give an event of a one-sided type with no perpetrator ACLED's unknown author (call before
    ``settle_countries``, which names its country).

    The unknown author is a gang ("Unidentified Gang (X)") when the report ties the violence to
    organised crime or it bears a criminal killing's hallmarks (a drive-by shooting, bound
    victims); such hallmarks with no motive stated are, in Brazil, ACLED's "Unidentified Gang
    and/or Police Militia" (police militias carry out such killings there too; settled by
    ``settle_countries`` once the country is known). An unknown author the text itself calls
    "gunmen" or "armed men" is renamed the same way. ``ctx`` (the report) lends the two sentences
    after the incident's to the search for hallmarks."""
    told = " ".join(e.get("text") or "" for e in event.get("evidence") or [])
    if event.get("event_type") in _VIOLENT_TYPES and not event["actors"] and _MONITOR_OBSERVED.search(told):
        # a monitoring mission's count of explosions names no side: ACLED codes the state's forces
        # (Ukraine's in 706 of 1,170 OSCE SMM observations in the public exports, 2020-22). The
        # OSCE Special Monitoring Mission observed in Ukraine only (its mandate, 2014-22), so its
        # observation is Ukraine's whatever village name the gazetteer reads elsewhere.
        ukraine = _state_forces_actor("Ukraine")
        event["actors"].append({**ukraine, "role": "perpetrator"})
        return
    _crowds_do_not_strike(event)
    told = _told_near(event, ctx) or told
    if event.get("sub_event_type") not in _UNNAMED_AUTHOR_TYPES and event.get("event_type") != "Battles":
        return
    crime = bool(_ORGANISED_CRIME.search(told))
    hallmark = bool(_GANG_HALLMARKS.search(told))
    perps = [a for a in event["actors"] if a["role"] == "perpetrator"]
    if perps:
        first = perps[0]
        if first.get("_template") == "Unidentified Armed Group ({country})" and event.get("event_type") != "Battles" and _SUSPECTED_INDIGENOUS.search(told):
            first["_template"], first["name"], first["inter"] = "Indigenous Militia ({country})", first["name"].replace("Unidentified Armed Group", "Indigenous Militia"), 4
            return
        if (crime or hallmark) and first.get("_template") == "Unidentified Armed Group ({country})" and event.get("event_type") != "Battles":
            first["_template"] = "Unidentified Gang ({country})"
            first["name"] = first["name"].replace("Unidentified Armed Group", "Unidentified Gang")
            if hallmark and not crime:
                first["_gang_or_militia"] = True
        return
    if event.get("event_type") == "Battles" and event.get("sub_event_type") == "Armed clash":
        if any(a["role"] == "target" and (a.get("inter") or 0) in (1, 2, 3, 4, 8) for a in event["actors"]):
            side = _attacker_told_before(event, ctx)
            if side is not None:
                # "The NAF fired grenade launchers at government positions near X. During the day,
                # one Ukrainian soldier was wounded": the side that fired, told just before the harm
                event["actors"].insert(0, side)
                return
            # "an unknown sniper killed 2 QSD fighters", "the body of a QSD member was found": the
            # side hit is named, its attacker is not (ACLED: Unidentified Armed Group against it)
            event["actors"].insert(0, {"name": "Unidentified Armed Group (Syria)", "role": "perpetrator", "inter": 3, "country": "SY",
                                       "_template": "Unidentified Armed Group ({country})"})
        return
    if event.get("sub_event_type") not in _UNNAMED_AUTHOR_TYPES:
        return
    if event.get("sub_event_type") in _ONLY_WHEN_NO_ARMED_ACTOR and any((a.get("inter") or 0) in (1, 2, 3, 4, 8) for a in event["actors"]):
        return  # "military forces ... set 29 houses on fire": the armed actor it names did it
    antecedent = _definite_antecedent(event, ctx)
    if antecedent is not None:
        event["actors"].insert(0, antecedent)
        return
    if _SUSPECTED_INDIGENOUS.search(told):
        # "police could not name the attackers, though indigenous groups are suspected of earlier arson
        # on the same estates": ACLED codes the suspected identity militia
        event["actors"].insert(0, {"name": "Indigenous Militia (Syria)", "role": "perpetrator", "inter": 4, "country": "SY", "_template": "Indigenous Militia ({country})"})
        return
    kind = "Unidentified Gang" if crime or hallmark else "Unidentified Armed Group"
    author = {"name": f"{kind} (Syria)", "role": "perpetrator", "inter": 3, "country": "SY", "_template": kind + " ({country})"}
    if hallmark and not crime:
        author["_gang_or_militia"] = True
    event["actors"].insert(0, author)


# "fired grenade launchers at", "shelled", "attacked": the subject of the sentence acted
_FIRED_AFTER = re.compile(r"^(?:['’]s?)?(?:\s+[\w-]+){0,3}?\s+(?:fired|opened\s+fire|shelled|attacked|targeted|struck|launched|ambushed|stormed|bombarded|shot)\b", re.I)


def _attacker_told_before(event: dict[str, Any], ctx: Any) -> dict[str, Any] | None:
    """The named side that the sentence just before a battle's harm says fired or attacked, when
    the harm's own sentence names only the side hit; None when there is none."""
    idx = event.get("_sentences") or []
    if ctx is None or not idx:
        return None
    first = min(idx)
    before = [s for s in getattr(ctx, "sentences", None) or [] if s.index == first - 1]
    if not before:
        return None
    sent = before[0]
    hit = {a["name"] for a in event["actors"] if a["role"] == "target"}
    for m in named_mentions(sent.text, sent.start, getattr(ctx, "country", None), getattr(ctx, "published", None)):
        if m.kind != "armed" or m.generic or m.metonym or m.descriptor or m.person or (m.inter or 0) not in (1, 2, 3, 4, 8) or m.name in hit:
            continue
        rel = m.start - sent.start, m.end - sent.start
        if is_harmed(sent.text, *rel) or not _FIRED_AFTER.match(sent.text[rel[1] : rel[1] + 50]):
            continue
        return {"name": m.name, "role": "perpetrator", "inter": m.inter, "country": m.country}
    return None


_DEFINITE_FIGHTERS = re.compile(r"\b[Tt]he\s+(?P<noun>separatists|militants|insurgents|rebels|jihadists|gunmen|attackers|assailants|fighters|militiamen|raiders|bandits)\b")
# "executed by the jihadist group": the jihadist group the report has just named
_DEFINITE_JIHADISTS = re.compile(r"\b[Tt]he\s+(?:extremist|jihadist|hard-?line\s+(?:jihadist|militant|Islamist)|ultra-?radical)\s+(?:group|organi[sz]ation|militia)\b")


def _definite_antecedent(event: dict[str, Any], ctx: Any) -> dict[str, Any] | None:
    """"Suspected Ambazonian separatists stole a car ... After stealing it, the separatists drove
    over two children": "the separatists" are the group the report named with that noun in the
    incident's sentence or up to two sentences before; None when no named group ends in the noun."""
    idx = event.get("_sentences") or []
    sentences = {s.index: s for s in getattr(ctx, "sentences", None) or []} if ctx is not None else {}
    if not idx or not sentences:
        return None
    first = min(idx)
    for i in idx:
        sent = sentences.get(i)
        m = _DEFINITE_FIGHTERS.search(sent.text) if sent is not None else None
        jihadists = _DEFINITE_JIHADISTS.search(sent.text) if sent is not None and not m else None
        if jihadists:
            m = jihadists
        if not m:
            continue
        noun = m.group("noun").lower() if not jihadists else ""
        for j in range(i, max(-1, first - 3), -1):
            prev = sentences.get(j)
            if prev is None:
                continue
            found = [x for x in named_mentions(prev.text, prev.start, getattr(ctx, "country", None), getattr(ctx, "published", None))
                     if x.kind == "armed" and not x.generic and not x.metonym and (x.inter or 0) in (2, 3, 4)
                     and (x.side == "jihadist" if jihadists else x.text.lower().rstrip("'’s").endswith(noun.rstrip("s"))) and (j < i or x.end <= m.start())]
            if found:
                x = found[-1]
                return {"name": x.name, "role": "perpetrator", "inter": x.inter, "country": x.country}
    return None


def _crowds_do_not_strike(event: dict[str, Any]) -> None:
    """A crowd named in a sentence merged into a strike or a battle ("public protests at its London
    embassy over airstrikes in Aleppo") did not strike or fight: ACLED's crowds act in protests and
    riots. It stays on the event as a party."""
    if event.get("event_type") not in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return
    crowd = [a for a in event["actors"] if a["role"] == "perpetrator" and (a.get("inter") or 0) in (5, 6)]
    if crowd:
        event["actors"] = [a for a in event["actors"] if a not in crowd] + [{**a, "role": "party"} for a in crowd]


_VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")


# "It remained unclear who carried out the raids", "unidentified warplanes", "the identity of
# the drone was not confirmed": the report says the author is unknown
_AUTHOR_UNKNOWN = re.compile(
    r"\b(?:not\s+(?:immediately\s+)?clear|unclear|not\s+(?:yet\s+)?known|unknown|not\s+immediately\s+known)\s+(?:who|which\s+(?:side|party|group|country|forces?))\b"
    r"|\bidentity\s+of\s+the\s+(?:\w+\s+){0,2}(?:was|is|has)\s+(?:not|yet|un)\w*"
    r"|\bunidentified\s+(?:warplanes|aircraft|jets|planes|drones?|air\s*strikes?|raids?)\b",
    re.I,
)


def author_unknown(ctx: Any, ev: dict[str, Any]) -> bool:
    """The report says who struck is unknown, in the incident's sentences or the two after them."""
    told = [e.get("text") or "" for e in ev.get("evidence") or []]
    last = max(ev.get("_sentences") or [0])
    told += [s.text for s in getattr(ctx, "sentences", None) or [] if last < s.index <= last + 2]
    return any(_AUTHOR_UNKNOWN.search(t) for t in told)


_HYPOTHETICAL = re.compile(r"\b(?:could|would|might|should)\s+(?:\w+\s+)?(?:help|be|enforce|strike|launch|carry|target|bomb|attack|join|take|consider)\b", re.I)

#: Kinds of attack that may lend each other an author: planted or carried bombs, ranged strikes
_FAMILY = {"Remote explosive/landmine/IED": "bomb", "Suicide bomb": "bomb", "Grenade": "bomb",
           "Air/drone strike": "ranged", "Shelling/artillery/missile attack": "ranged", "Chemical weapon": "ranged"}


def borrow_perpetrators(events: list[dict[str, Any]], ctx: Any = None) -> None:
    """An incident told without its author ("Fifteen civilians were killed in a barrel bomb attack
    on Bab al-Nayrab") takes the perpetrator the same report gives the same kind of attack in the
    same area ("... a barrel bomb attack carried out by government forces", "The strikes were
    carried out by Russian jets"): the nearest event of the same sub-event type, else of the same
    event type. An actor the incident already names as a target is promoted, not doubled. The
    borrowed author is at best ``reported``, and keeps the lender's hedge ("believed to have been
    government air strikes" stays ``believed``). An incident whose report says its author is
    unknown ("it remained unclear who carried out the raids") borrows none."""
    for ev in events:
        _crowds_do_not_strike(ev)
    for ev in events:
        if ev["event_type"] not in _VIOLENT_TYPES or any(a["role"] == "perpetrator" for a in ev["actors"]):
            continue
        if ctx is not None and author_unknown(ctx, ev):
            continue
        here = min(ev.get("_sentences") or [0])
        lenders = []
        for other in events:
            if other is ev or other["event_type"] != ev["event_type"] or other.get("aggregate"):
                continue
            if _FAMILY.get(other["sub_event_type"], "other") != _FAMILY.get(ev["sub_event_type"], "other"):
                continue  # a car bomb never takes the author of an air strike told in the same report
            if (other.get("attribution") or {}).get("certainty") == "denied":
                continue  # "Moscow denied its jets struck the market" lends no author
            if all(_HYPOTHETICAL.search(e.get("text") or "") for e in other.get("evidence") or [{}]):
                continue  # "British jets could help police a no-fly zone" struck nothing
            lo, le = other.get("location") or {}, ev.get("location") or {}
            if lo.get("admin1") and le.get("admin1") and lo["admin1"] != le["admin1"]:
                continue
            perps = [a for a in other["actors"] if a["role"] == "perpetrator" and (a.get("inter") or 0) not in (5, 6, 7) and "_template" not in a]
            if perps:
                distance = abs(min(other.get("_sentences") or [0]) - here)
                lenders.append((other["sub_event_type"] != ev["sub_event_type"], distance, perps[0], other))
        if not lenders:
            continue
        _same, _distance, perp, other = min(lenders, key=lambda x: (x[0], x[1]))
        named = next((a for a in ev["actors"] if a["name"] == perp["name"]), None)
        if named is not None:
            ev["actors"].remove(named)
        ev["actors"].insert(0, {**perp, "role": "perpetrator"})
        ev["attribution"]["certainty"] = weakest(ev["attribution"].get("certainty"), (other.get("attribution") or {}).get("certainty"), "reported")


def author_hedge(host: dict[str, Any], had_author: bool, lender: dict[str, Any]) -> None:
    """When a merged sentence gave the event its author, the event keeps that sentence's hedge
    ("... were killed in air strikes. The strikes are believed to have been carried out by Russian
    jets": the author is ``believed``)."""
    if had_author or not any(a["role"] == "perpetrator" for a in host["actors"]):
        return
    host["attribution"]["certainty"] = weakest(host["attribution"].get("certainty"), (lender.get("attribution") or {}).get("certainty"))


def headline_author(ctx: Any, events: list[dict[str, Any]]) -> None:
    """A headline kept apart from the text that names who struck ("Regime airstrikes kill 61
    civilians in Atareb", "Hezbollah, Syrian army kill 2 Nusra commanders") gives its author to the
    report's leading incident when the text names none (or only an unidentified one): news bodies
    often leave the author to the headline. The author is at best ``reported``; a side the
    headline says was hit ("Suicide bomber kills five Kurdish police") is never taken."""
    title = (getattr(ctx.doc, "title", None) or "").strip()
    if not title or getattr(ctx, "title_sentences", None):
        return
    violent = [ev for ev in events if ev["event_type"] in _VIOLENT_TYPES and not ev.get("aggregate")]
    if not violent:
        return
    lead = max(violent, key=lambda e: e.get("salience") or 0.0)
    if any(a["role"] == "perpetrator" and not _GENERIC_NAME.match(a["name"]) and not a["name"].startswith("Unidentified") for a in lead["actors"]):
        return
    if (lead.get("attribution") or {}).get("certainty") == "denied" or author_unknown(ctx, lead):
        return
    from ceasefire.extract.classify import find_cues  # local: classify is the caller's concern, not this module's

    if not any(not c.suppressed for c in find_cues(title)):
        return  # "Opposition body: the FSA alone can defend the north" tells no act
    mentions = [m for m in named_mentions(title, 0, getattr(ctx, "country", None), getattr(ctx, "published", None))
                if m.kind == "armed" and not m.metonym and not m.generic and not m.descriptor and (m.inter or 0) in (1, 2, 3, 4, 8)
                and not (m.person and not _PERSONS_FORCES.match(title[m.end : m.end + 30]))]  # "in Assad clan's hometown": a person, no author
    author = None
    for m in mentions:
        if is_harmed(title, m.start, m.end) or _SPEAKER_AFTER.match(title[m.end : m.end + 60]) or _HELD.match(title[m.end : m.end + 40]):
            continue
        if _HELD_BY.search(title[max(0, m.start - 40) : m.start]) or _TARGET_BEFORE.search(title[max(0, m.start - 40) : m.start]):
            continue
        if not title[m.end :].strip(" .:;|-–—") and not re.search(r"\b(?:by|from)\s+(?:the\s+)?$", title[: m.start], re.I):
            continue  # "... among 12 dead in car bomb Rebels": a word tacked on after the headline (a section label), no author
        author = m
        break
    if author is None:
        return
    lead["actors"] = [a for a in lead["actors"] if a["name"] != author.name and not (a["role"] == "perpetrator" and (_GENERIC_NAME.match(a["name"]) or a["name"].startswith("Unidentified")))]
    lead["actors"].insert(0, {"name": author.name, "role": "perpetrator", "inter": author.inter, "country": author.country})
    lead["attribution"]["certainty"] = weakest(lead["attribution"].get("certainty"), "reported")
