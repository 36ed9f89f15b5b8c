"""The report's main event: its headline, its lead toll and a coder's record line.

Document-level steps after merging: the headline's incident is the lead's, a lead naming no
weapon borrows the one a later sentence names, a toll spelled out after the lead belongs to
it, and a coder's record line ("2 fatalities.") sets the record's toll.
"""

from __future__ import annotations

import re
from typing import Any

from ceasefire.extract.classify import RecordLabel, classify_sentence, is_background, record_classification
from ceasefire.extract.context import DocContext
from ceasefire.extract.lexicon import EVENT_TYPE_OF
from ceasefire.extract.salience import HEADLINE_BONUS, agrees_with_headline

from ceasefire.extract.events.figures import _casualties, _counts
from ceasefire.extract.events.merge import _VIOLENT, _absorb, _spells_out
from ceasefire.extract.events.sentence import sentence_event


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


#: A sentence that opens a quotation.
_QUOTED = re.compile(r"^\s*[\"“‘']")


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
    # a spokesman's quoted summary ("'... several leaders were killed this month alone,' said ...")
    # comments on the operation the report tells; it is not what the report is about
    tallies = [ev for ev in violent if ev.get("aggregate") and ev["fatalities"].get("total") and not _QUOTED.match(ev["evidence"][0]["text"] if ev.get("evidence") else "")]
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


def _grand_total(ctx: DocContext, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A report that gives its incident's dead in parts and also as one total ("air strikes
    killed 9 in Kafr Nabl ... 5 others died in barrel bombs on the town's east" and "at least 14
    were killed in the bombardment of Kafr Nabl on Monday"; "the toll has risen to 60, including 41
    civilians" and "the raids killed 41 civilians") is about that total: the leading event takes
    the toll of the event whose total is the lead's toll plus those of other incidents of the
    report, or whose own civilians, children or combatants are the lead's whole toll; that event's
    sentences join the lead's evidence. A coder of the report's incident books all its dead, and
    a part is not a conflicting lower report of the whole. Tallies and recalled incidents neither
    give nor take a total."""
    violent = [ev for ev in events if ev["event_type"] in _VIOLENT and not ev.get("aggregate") and not ev.get("background")]
    if len(violent) < 2 or any(ev.get("_record") for ev in events):
        return events
    lead = max(violent, key=lambda e: e["salience"])
    lead_toll = (lead["fatalities"].get("total") or {}).get("best")
    if not lead_toll:
        return events
    # only what the report tells of the lead's day and province: another day's strike that happens
    # to add up is another incident
    counted = [(ev, int(ev["fatalities"]["total"]["best"])) for ev in violent
               if ev is not lead and (ev["fatalities"].get("total") or {}).get("best") and _same_day_and_province(lead, ev)]
    for ev, total in sorted(counted, key=lambda c: -c[0]["salience"]):
        if total <= lead_toll:
            continue
        parts = [n for other, n in counted if other is not ev and n < total]
        sums = _sums_of_parts(parts)
        share = any((ev["fatalities"].get(g) or {}).get("best") == lead_toll for g in ("civilians", "children", "combatants"))
        if total - lead_toll not in sums and not share:
            continue
        lead["fatalities"] = {k: (dict(v) if v else v) for k, v in ev["fatalities"].items()}
        lead["evidence"] = sorted(lead["evidence"] + [e for e in ev["evidence"] if e not in lead["evidence"]], key=lambda e: e["start"])
        lead["_sentences"] = sorted(set(lead["_sentences"] + ev["_sentences"]))
        return [e for e in events if e is not ev]
    return events


#: Days apart two reports of one incident's toll may be dated (a statement's day, the attack's day).
_FLOOR_DAYS = 3


def _floor_of_toll(ctx: DocContext, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A leading toll that counts only children or only women ("the attack claimed the lives of at
    least 27 children", UNICEF's practice: "at least", two or more) is a floor of the incident's dead: when the report gives
    the same incident's dead as a larger count of people ("some 80 people were killed ... in a
    chemical weapon attack in Idlib province"), same kind, same province, dated within three days,
    the leading event takes that count and that event's sentences join its evidence. A coder of the
    incident's deaths books everyone killed, and the children are among them."""
    violent = [ev for ev in events if ev["event_type"] in _VIOLENT and not ev.get("aggregate") and not ev.get("background")]
    if len(violent) < 2 or any(ev.get("_record") for ev in events):
        return events
    lead = max(violent, key=lambda e: e["salience"])
    f = lead["fatalities"]
    total = f.get("total") or {}
    toll = total.get("best")
    if not toll or toll < 2 or total.get("qualifier") not in ("at_least", "more_than"):
        return events  # "a woman was killed", "killed four children": a count, not a floor
    if not any((f.get(g) or {}).get("best") == toll for g in ("children", "women")):
        return events
    for ev in sorted(violent, key=lambda e: -e["salience"]):
        g = ev["fatalities"]
        n = (g.get("total") or {}).get("best")
        if ev is lead or not n or n <= toll or ev["sub_event_type"] != lead["sub_event_type"]:
            continue
        if any((g.get(k) or {}).get("best") == n for k in ("children", "women")):
            continue  # another count of one group, not everyone
        if not _near_days(lead, ev, _FLOOR_DAYS) or not _same_day_and_province(lead, ev, days=False):
            continue
        lead["fatalities"] = {k: (dict(v) if v else v) for k, v in g.items()}
        for k in ("children", "women"):
            if f.get(k) and not lead["fatalities"].get(k):
                lead["fatalities"][k] = dict(f[k])
        lead["evidence"] = sorted(lead["evidence"] + [e for e in ev["evidence"] if e not in lead["evidence"]], key=lambda e: e["start"])
        lead["_sentences"] = sorted(set(lead["_sentences"] + ev["_sentences"]))
        return [e for e in events if e is not ev]
    return events


def _near_days(a: dict[str, Any], b: dict[str, Any], days: int) -> bool:
    """Both events are dated, at most ``days`` apart."""
    from datetime import date

    da, db = (a.get("date") or {}).get("start"), (b.get("date") or {}).get("start")
    if not da or not db:
        return False
    try:
        return abs((date.fromisoformat(da[:10]) - date.fromisoformat(db[:10])).days) <= days
    except ValueError:
        return da == db


def _same_day_and_province(a: dict[str, Any], b: dict[str, Any], days: bool = True) -> bool:
    """Neither the days nor the provinces of ``a`` and ``b`` disagree (an unknown one agrees);
    with ``days`` False, only the provinces."""
    da, db = (a.get("date") or {}).get("start"), (b.get("date") or {}).get("start")
    if days and da and db and da != db:
        return False
    pa, pb = (a.get("location") or {}).get("admin1"), (b.get("location") or {}).get("admin1")
    if pa and pb and pa != pb and _place_key(a) and _place_key(a) == _place_key(b):
        return True  # one town spelled two ways ("Al-Mayadin", "Al Mayadin"), whatever area each reading found
    return not (pa and pb and pa != pb)


def _place_key(ev: dict[str, Any]) -> str:
    """The event's place name with case, hyphens, spaces and apostrophes dropped ("" when none)."""
    loc = ev.get("location") or {}
    if loc.get("precision") in (None, "country", "admin1"):
        return ""
    return re.sub(r"[\s'’-]+", "", (loc.get("name") or "").lower())


def _sums_of_parts(parts: list[int]) -> set[int]:
    """Every sum of one to three of ``parts`` (a report tells a few incidents, not dozens)."""
    from itertools import combinations

    return {sum(c) for k in (1, 2, 3) for c in combinations(parts[:12], k)}


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
