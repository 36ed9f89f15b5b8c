"""Pairwise matching: how well one claim fits one open event (pure, no store).

:func:`match_score` is the product of the factors below; None vetoes the pair.

Matching rules (each a factor of the score; a veto makes the pair incompatible).
An event is compared by what most of its reports say (its prominent sub-event
types and perpetrators, see :func:`prominent`), its place by its most precise report:

- kind: the same sub-event type scores 1; a kindred one 0.8 (strike, shelling
  and chemical weapon; suicide bomb, remote explosive and grenade: outlets
  disagree on the delivery; an armed clash and a gain of territory: the sides
  disagree on whether ground changed hands); the same event type 0.5 (not humanitarian access: a siege,
  the aid delivered into the besieged town and an evacuation out of it are three facts); a battle and a strike or
  shelling 0.5 (ACLED codes the strikes of a fight as the battle); other violent
  types (battles, explosions, violence against civilians) 0.4; anything else is
  vetoed. Aggregates (tallies over days or areas) only ever match aggregates.
- time: the date ranges overlap (1) or lie one day apart (0.5: a report
  published after midnight says "yesterday"); further apart is vetoed, and so is
  an event that would span more than three days -- unless the reports' words
  agree strongly (then up to three days apart and five days' span: a follow-up
  dated by its own publication); in a governorate capital (not for a chemical attack) the
  days are counted from the days most of the event's reports give, so a city's daily strikes do
  not chain into one event; a report dated to a window of days ("last
  week") matches a day inside it (0.8) without widening it; tallies and
  month-dated claims match only the same period (start and end within a day).
- place: the same GeoNames place 1 (a governorate capital 0.7: a city of a million is
  weak evidence); distance under 3 / 10 / 25 km 0.95 / 0.8 / 0.55, further vetoed
  (two different GeoNames places: under 3 / 10 km 0.8 / 0.45, further vetoed); one name
  (spelling aside) of a village the gazetteer lacks, in one governorate, 0.9 wherever its rough
  points lie; a governorate capital and a town of its governorate further away 0.45 (the
  capital's name often stands for the governorate: "Syria's Idlib"); only the governorate
  known: the same governorate 0.55, another one vetoed -- unless, for violent events (a convoy's or
  a protest's words are shared by every town one sentence lists), the words agree strongly (0.5:
  one outlet put the village in the wrong province) or both tell of one massacre and the words
  agree at least somewhat (0.5, see figures), or one attacker's massacre on one day of the same
  sub-event type, one report "near" a gazetteer town, the other at a village the gazetteer lacks
  (0.5: its point is a guess); only the country known: the same country 0.35, and never
  matched with a placed claim ("in Syria" does not pick one of the day's
  incidents); both without a place: 0.35 (needs every other factor).
- actors: a shared perpetrator 1, different perpetrators of one side of the war 0.9 (the
  actor registry's ``side``: the US and the US-led coalition; Syria's forces, Russia's and
  ACLED's "Allied Syrian and/or Russian Forces"), of different sides 0.5 (attribution is
  often disputed: "believed to have been government air strikes"), one side
  unknown 0.85 (unidentified gunmen and civilians count as unknown; so does a one-sided attack
  blamed on both camps at once: the report does not say which); battles compare all
  combatants, whichever a report calls the attacker. A chemical attack (:data:`DISPUTED_SUBS`)
  blamed by each camp on the other scores as one side unknown, and its tolls never score below
  unknown (first counts and later ones lie orders of magnitude apart); one report may give it
  several sources' tolls.
- figures (against the event's median toll): killed counts within a factor of two (or three
  apart) 1, within a factor of four 0.8, further 0.55 (a report a day apart with only the place
  in common stays apart); one unknown 0.9; both a massacre (:data:`MASS_TOLL` dead or more,
  within a factor of :data:`MASS_RATIO`, the same or a kindred sub-event type) 1.5: massacres
  are rare, and their tolls are what outlets repeat. A count of only the children or the women
  killed ("at least 27 children", UNICEF's practice) is a floor of the toll, no figure to compare.
- words (:mod:`ceasefire.consolidate.text`): the rare words of the evidence
  sentences (and, for a report's main claim, of its headline and lead) shared with the
  event's reports: strong agreement 1.6, some 1.25, none 0.6 (0.42 when the claim and one of the
  event's reports each name :data:`TEXT_RICH` rare words or more, not one in common but a number), either side
  without sentences 1. Claims of one report telling one incident twice (the
  headline and the body) are compared by the words of both (:func:`share_report_words`).

Claims of the same document are kept apart, except the same incident told twice
in one report (the headline and the body): a kindred sub-event type (or a clash
and a strike at the same named place), at most a day apart, the same named
place, one place at two precisions or one point under two names (one no gazetteer place), and no
different count of the dead -- unless the claim
has the same sub-event type and named place and its count is within a factor of two of the
report's other count ("eight civilians" and "ten killed": an update or a part) or close to the
toll the event's other reports give (the report's other figure counted the bomber or a part of
the dead, and its claim joined first: it must not keep the report's main claim out of the incident).
Whatever places its two sentences were given, a claim whose rare words agree strongly with another
outlet's report of the event joins it when its report's other claim there gives no other count (the
lead placed at the victims' home town, the body at the blast).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ceasefire.consolidate.record import MAX_GAP_DAYS, MAX_SPAN_DAYS, ClaimRecord, is_coarse, is_windowed
from ceasefire.consolidate.text import similarity, transliteration_key

if TYPE_CHECKING:  # the event a claim is compared with is built by grouping, which imports this module
    from ceasefire.consolidate.grouping import EventGroup

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Reports sharing many rare words (the village, the hospital, the toll) may lie further apart: a
# follow-up two or three days later dated by its own publication ("the attack", "Tuesday's strike").
TEXT_MAX_GAP_DAYS = 3
TEXT_MAX_SPAN_DAYS = 5
WINDOW_FACTOR = 0.8  # a day inside another report's window of days

TYPE_SAME_SUB, TYPE_SAME_FAMILY, TYPE_SAME_EVENT, TYPE_BOTH_VIOLENT = 1.0, 0.8, 0.5, 0.4
#: Event types whose sub-event types are different facts, never one incident told two ways: a
#: siege, an aid delivery into the besieged town, an evacuation out of it, access denied to it.
DISTINCT_SUBS = frozenset({"Humanitarian access"})
#: A battle and a strike or shelling: ACLED codes the strikes and shelling of a fight as the battle,
#: so one outlet's "clashes" is another's "shelling" of the same front line.
TYPE_BATTLE_STRIKE = 0.5
BATTLE_AND_STRIKE = frozenset({"Battles", "Explosions/Remote violence"})
#: Sub-event types outlets legitimately disagree on for one incident: how a strike was delivered
#: (warplanes or artillery: "bombardment"; a chemical attack by air or by rockets), and whether a
#: bomb had a driver (a car bomb is "suicide" for one outlet, "explosion" for another), and whether
#: a fight changed who holds the ground (one side "took the hills", the other "repelled the push").
SUB_FAMILIES = (
    frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon"}),
    frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"}),
    frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}),
)
FAMILY_OF = {sub: i for i, fam in enumerate(SUB_FAMILIES) for sub in fam}
GAP_FACTOR = {0: 1.0, 1: 0.5}
TEXT_GAP_FACTOR = {0: 1.0, 1: 0.5, 2: 0.5, 3: 0.35}  # with strong agreement of the words (a longer span, or further apart)
PLACE_SAME, PLACE_ADMIN1, PLACE_UNKNOWN, PLACE_COUNTRY = 1.0, 0.55, 0.35, 0.35
PLACE_SAME_NAME = 0.9  # the same name of a place the gazetteer lacks, at two approximate points
PLACE_CAPITAL_AREA = 0.45  # a governorate capital and a town of its governorate further away
PLACE_CITY = 0.7  # the same governorate capital (Aleppo, Damascus, Homs...): a city of a million is a weak match
DISTANCE_STEPS = ((3.0, 0.95), (10.0, 0.8), (25.0, 0.55))
DISTINCT_PLACE_STEPS = ((3.0, 0.8), (10.0, 0.45))  # both places known to GeoNames, and different
ACTORS_SHARED, ACTORS_DIFFERENT, ACTORS_UNKNOWN = 1.0, 0.5, 0.85
#: Different names on one side of the war (the actor registry's ``side``): the US-led coalition and
#: the US; Syria's forces, Russia's and ACLED's "Allied Syrian and/or Russian Forces" -- outlets
#: disagree on which member of a side struck, rarely on the side.
ACTORS_SAME_SIDE = 0.9
#: Sides that fight as one camp (the registry keeps Syria's foreign allies apart from Syria's own forces).
CAMP_OF_SIDE = {"foreign_pro_government": "government"}
FIGURES_CLOSE, FIGURES_APART, FIGURES_FAR, FIGURES_UNKNOWN = 1.0, 0.8, 0.55, 0.9
#: Sub-event types whose perpetrator and toll are what the parties dispute: a chemical attack is
#: blamed by each camp on the other, and its first counts ("dozens", 40) and later ones (1,300) lie
#: orders of magnitude apart. Two reports of one such attack disagreeing on either are no evidence
#: of two attacks (the attacks themselves are rare: the type, place and day say more).
DISPUTED_SUBS = frozenset({"Chemical weapon"})
#: Massacres are rare: two reports of MASS_TOLL dead or more, tolls within a factor of MASS_RATIO,
#: of one kind of attack in one country within the time rules most likely tell one incident (the
#: first toll and its update; the monitor's count and the opposition's), even when extraction put
#: one of them in a neighbouring governorate.
MASS_TOLL, MASS_RATIO = 30, 3
FIGURES_MASS = 1.5
PLACE_MASS = 0.5
# The text signal (shared rare words of the evidence sentences, :mod:`ceasefire.consolidate.text`):
# cosine of the term sets and the number of shared terms.
TEXT_STRONG = (0.3, 3)  # e.g. the village, the weapon and the toll
TEXT_SOME = (0.15, 2)
TEXT_NONE = 0.08  # below: no rare word in common
TEXT_FACTOR = {"strong": 1.6, "some": 1.25, "neutral": 1.0, "none": 0.6, "apart": 0.42, "unknown": 1.0}
#: Reports that each name this many rare words (the place, the target, the victims, the toll) and
#: not one in common ("apart") most likely tell two incidents: the factor 0.42 keeps the same type,
#: day and toll in one governorate capital (0.7) under the threshold (0.7 x 0.42 < 0.3), since the
#: capital's name is all such reports share. One number they share does not count: it may be another
#: count in each ("19 killed" in one, "19 others wounded" in the other), and the tolls are compared
#: by the figures factor already.
TEXT_RICH = 8
#: Places in different governorates of one country, but the reports share rare words.
PLACE_TEXT = {"strong": 0.5}


@functools.lru_cache(maxsize=4096)
def camp(name: str) -> str:
    """The side of the war an actor fights on (its own name when the registry gives none)."""
    from ceasefire.resolve.actors import registry

    actor = registry().get(name)
    side = actor.side if actor else None
    return CAMP_OF_SIDE.get(side, side) if side else name


def camps(names: Iterable[str]) -> set[str]:
    return {camp(n) for n in names}



def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _figure_factor(a: int, b: int) -> float:
    lo, hi = min(a, b), max(a, b)
    if hi - lo <= 3 or (lo + 1) * 2 >= hi + 1:
        return FIGURES_CLOSE
    if (lo + 1) * 4 >= hi + 1:
        return FIGURES_APART
    return FIGURES_FAR



def place_factor(c: ClaimRecord, g: EventGroup) -> float | None:
    """How well the claim's place fits the event's (None: incompatible)."""
    p = g.place
    if c.geonames_id and c.geonames_id in g.geonames:
        return PLACE_CITY if _capital(c) else PLACE_SAME
    if p is None or not (p.located or p.country):
        return PLACE_UNKNOWN if not (c.located or c.country) else None
    if not (c.located or c.country):
        return None  # a placed event does not absorb claims that say nowhere
    if c.precise and p.precise and not (c.geonames_id and p.geonames_id) and _same_name(c, p):
        # One village the gazetteer lacks, spelled two ways ("al-Tukhar", "Tokhar") and put at two
        # approximate points: the name says more than the points.
        return PLACE_SAME_NAME
    if c.precise and p.precise:
        d = distance_km(c.lat, c.lon, p.lat, p.lon)
        if c.geonames_id and g.geonames and not (_capital(c) or _capital(p)):
            # Two different named places: a neighbourhood and its town, or a village next to
            # the town another report names -- not two villages a few kilometres apart.
            steps = DISTINCT_PLACE_STEPS
        else:
            steps = DISTANCE_STEPS
        for limit, factor in steps:
            if d <= limit:
                return min(factor, PLACE_CITY) if _capital(c) or _capital(p) else factor
        if (_capital(c) or _capital(p)) and c.admin1 and p.admin1 and _same_area(c.admin1, p.admin1) and c.country == p.country:
            # "Syria's Idlib", "strikes on Aleppo": the capital's name often stands for its
            # governorate, and the other report names the town in it.
            return PLACE_CAPITAL_AREA
        return None
    if c.admin1 and p.admin1:
        return PLACE_ADMIN1 if _same_area(c.admin1, p.admin1) and c.country == p.country else None
    if c.located or p.located:
        return None  # "in Syria" does not pick one of the day's located incidents
    if c.country and p.country:
        return PLACE_COUNTRY if c.country == p.country else None
    return PLACE_UNKNOWN


def _same_name(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Two claims name one place (spelling aside) in one governorate."""
    return bool(
        a.location_name and b.location_name and a.admin1 and b.admin1 and _same_area(a.admin1, b.admin1)
        and a.country == b.country and _name_key(a.location_name) == _name_key(b.location_name)
    )


def _capital(c: ClaimRecord) -> bool:
    """The claim is placed at a governorate's capital city (its name is the governorate's)."""
    if not (c.location_name and c.admin1):
        return False
    n, a = c.location_name.lower(), c.admin1.lower()
    if n == a or n.startswith(a + " ") or a.startswith(n + " "):  # "Aleppo old city", "Idlib Governorate"
        return True
    return _name_key(c.location_name) == _name_key(c.admin1)


@functools.lru_cache(maxsize=8192)
def _name_key(name: str) -> str:
    """A place name's spelling-free key: GeoNames' "Ar Raqqah", "Al Ḩasakah", "Dayr az Zawr" and
    "Ḩamāh" meet the governorates' "Raqqa", "Al-Hasakah", "Deir ez-Zor" and "Hama"."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    words = [w for w in re.split(r"[\s\-‐‑'’‘`ʿʾ]+", folded.lower()) if w]
    if len(words) > 1 and words[0] in ("al", "el", "ar", "as", "ad", "at", "az", "an", "ash"):
        words = words[1:]
    return transliteration_key("".join(words))


# A capital that is a governorate of its own, inside the governorate that surrounds it on every
# side: reports name the capital for its suburbs ("an attack on Damascus" for one in the Ghouta) and
# a word splits them ("rural Damascus"), so for matching reports the two are one area. (The
# gazetteer names admin1 areas of the region's countries only; Damascus is the one such pair.)
ENCLOSED_CAPITALS = {"damascus": "rif dimashq"}


def _area_key(name: str) -> str:
    n = name.strip().lower()
    return ENCLOSED_CAPITALS.get(n, n)


def _same_area(a: str, b: str) -> bool:
    return _area_key(a) == _area_key(b)


MAX_TEXT_MEMBERS = 16  # an event's text is its last members' sentences (bounded work per comparison)


def text_agreement(c: ClaimRecord, g: EventGroup) -> str:
    """How many rare words the claim shares with the event's reports: ``strong``, ``some``,
    ``neutral``, ``none``, or ``unknown`` (either side has no sentence to compare)."""
    if not c.terms or not g.texts:
        return "unknown"
    best_sim, best_n = 0.0, 0
    recent = g.texts[-MAX_TEXT_MEMBERS:]
    shared_more_than_a_number = False  # a word that is not a number (``#19``), or two numbers
    for other in recent:
        common = c.terms & other
        n = len(common)
        if n:
            if not shared_more_than_a_number and (n > 1 or not next(iter(common)).startswith("#")):
                shared_more_than_a_number = True
            sim = similarity(c.terms, other)
            if (sim, n) > (best_sim, best_n):
                best_sim, best_n = sim, n
    if best_sim >= TEXT_STRONG[0] and best_n >= TEXT_STRONG[1]:
        return "strong"
    if best_sim >= TEXT_SOME[0] and best_n >= TEXT_SOME[1]:
        return "some"
    if not shared_more_than_a_number and len(c.terms) >= TEXT_RICH and any(len(o) >= TEXT_RICH for o in recent):
        return "apart"
    if best_sim < TEXT_NONE:
        return "none"
    return "neutral"


def prominent(counts: Counter[str]) -> set[str]:
    """The values at least half as many of an event's reports give as its most frequent one: what
    the event is (one outlier report calling the strike shelling, or naming another perpetrator,
    does not widen what later reports are compared with -- else big events in a busy city snowball)."""
    if len(counts) <= 1:
        return set(counts)
    top = max(counts.values())
    return {k for k, n in counts.items() if 2 * n >= top}


def type_factor(c: ClaimRecord, g: EventGroup) -> float | None:
    """How well the claim's type fits the event's (None: incompatible)."""
    subs = prominent(g.sub_counts)
    if c.sub_event_type in subs:
        return TYPE_SAME_SUB
    fam = FAMILY_OF.get(c.sub_event_type)
    if fam is not None and any(FAMILY_OF.get(s) == fam for s in subs):
        return TYPE_SAME_FAMILY
    if c.event_type in DISTINCT_SUBS:
        return None  # a siege and the convoy that reaches the besieged town are two facts
    if c.event_type in g.etypes:
        return TYPE_SAME_EVENT
    if c.event_type in VIOLENT and g.etypes & VIOLENT:
        if c.event_type in BATTLE_AND_STRIKE and (BATTLE_AND_STRIKE - {c.event_type}) & g.etypes:
            return TYPE_BATTLE_STRIKE
        return TYPE_BOTH_VIOLENT
    return None


def match_score(c: ClaimRecord, g: EventGroup) -> float | None:
    """The score of claim ``c`` joining event ``g`` (None: it must not)."""
    if c.aggregate != g.aggregate:
        return None
    t = type_factor(c, g)
    if t is None:
        return None
    if c.start is None or g.start is None:
        return None
    gap = max(c.start - g.end, g.start - c.end, 0)
    if is_coarse(c) != g.coarse_date:
        return None  # "air strikes on Aleppo in March" is not the strike of 5 March
    text = text_agreement(c, g)
    if g.day_counts and not is_windowed(c) and not g.coarse_date and _capital(c) and text != "strong" and c.sub_event_type not in DISPUTED_SUBS:
        # In a governorate capital, strikes fall day after day: measured from every day one report
        # gave, a report a day after the last would chain them into one event; it is measured from
        # the days most reports give. (Strong agreement of the words allows a follow-up anyway; a
        # chemical attack is rare, and its follow-ups come days later.)
        gap = max(gap, min(max(c.start - d, d - c.end, 0) for d in prominent(g.day_counts)))
    if g.coarse_date:
        # A tally or a month-dated report matches only the same period ("250 killed over nine
        # days" told twice), not every overlapping one: periods chained by overlap would swallow
        # a governorate's tallies into one.
        if abs(c.start - g.start) > MAX_GAP_DAYS or abs(c.end - g.end) > MAX_GAP_DAYS:
            return None
        d = 1.0 if gap == 0 else GAP_FACTOR[1]
    else:
        span = max(g.end, c.end) - min(g.start, c.start)
        if is_windowed(c) or not g.fine:
            if gap:
                return None  # a window of days matches only a day (or a window) inside it
            d = WINDOW_FACTOR
        elif gap <= MAX_GAP_DAYS and span <= MAX_SPAN_DAYS:
            d = GAP_FACTOR[gap]
        elif text == "strong" and gap <= TEXT_MAX_GAP_DAYS and span <= TEXT_MAX_SPAN_DAYS:
            d = TEXT_GAP_FACTOR[gap]  # a follow-up report: it names what the first one named
        else:
            return None
    mass = _mass_casualty(c, g) and t >= TYPE_SAME_FAMILY
    p = place_factor(c, g)
    if p is None:
        if not _same_country(c, g) or c.event_type not in VIOLENT:
            # Only an attack's village is misplaced by an outlet; a convoy, a siege or a protest
            # told in one sentence with other towns shares all its words with theirs.
            return None
        if text in PLACE_TEXT:
            # One report places the incident in the wrong governorate (the village is little known,
            # or the province is named for the city); the village, the weapon and the toll agree.
            p = PLACE_TEXT[text]
        elif mass and text in ("some", "strong"):
            p = PLACE_MASS  # a massacre's toll is rarer than a governorate's name is sure
        elif mass and gap == 0 and t == TYPE_SAME_SUB and c.perpetrators & g.perpetrators and _village_near_town(c, g):
            # One attacker's massacre in one governorate on one day, one report placing it "near"
            # a town, the other at a village the gazetteer lacks, whose point is a guess.
            p = PLACE_MASS
        else:
            return None
    disputed = c.sub_event_type in DISPUTED_SUBS and t == TYPE_SAME_SUB
    if c.perpetrators and g.perpetrators:
        top = prominent(g.perp_counts)
        if c.perpetrators & top:
            a = ACTORS_SHARED
        elif camps(c.perpetrators) & camps(top):
            a = ACTORS_SAME_SIDE
        elif disputed or (c.event_type != "Battles" and len(camps(c.perpetrators)) > 1):
            # A one-sided attack blamed on both camps of the war at once: the report (or its
            # reading) does not say which, so it does not contradict the event's attacker.
            a = ACTORS_UNKNOWN
        else:
            a = ACTORS_DIFFERENT
    else:
        a = ACTORS_UNKNOWN
    if c.fatalities is not None and g.figures:
        # Against the event's median figure: a big event must not match any toll at all.
        f = FIGURES_MASS if mass else _figure_factor(c.fatalities, g.median_figure())
        if disputed:
            f = max(f, FIGURES_UNKNOWN)
    else:
        f = FIGURES_UNKNOWN
    score = t * d * p * a * f * TEXT_FACTOR[text]
    if c.document_id in g.documents and not _told_twice(c, g, gap, text):
        return None
    return score


def _mass_casualty(c: ClaimRecord, g: EventGroup) -> bool:
    """Both the claim and the event tell of a massacre (:data:`MASS_TOLL` dead or more) and their
    tolls lie within a factor of :data:`MASS_RATIO` (a first toll and its update, or two sides' counts)."""
    if c.fatalities is None or c.fatalities < MASS_TOLL or not g.figures:
        return False
    m = g.median_figure()
    return m >= MASS_TOLL and max(m, c.fatalities) <= MASS_RATIO * min(m, c.fatalities)


def _village_near_town(c: ClaimRecord, g: EventGroup) -> bool:
    """In one governorate, one side is a village the gazetteer lacks (a rough point) and the other
    a gazetteer town, at least one of them told as "near" (the outskirts, the villages around it)."""
    p = g.place
    if p is None or not (c.precise and p.precise and _same_governorate(c, p)):
        return False
    return (c.geonames_id is None) != (p.geonames_id is None) and "near" in (c.location_precision, p.location_precision)


def _same_governorate(a: ClaimRecord, b: ClaimRecord) -> bool:
    return bool(a.admin1 and b.admin1 and _same_area(a.admin1, b.admin1) and a.country == b.country)


def _same_country(c: ClaimRecord, g: EventGroup) -> bool:
    """Both sides are placed, in one country."""
    p = g.place
    return bool(p is not None and c.country and p.country == c.country and c.located and p.located)


def _same_named_place(c: ClaimRecord, g: EventGroup) -> bool:
    """The claim names a place of the event: the same GeoNames id, or (places without one) the same name."""
    if c.geonames_id:
        return c.geonames_id in g.geonames
    if not c.location_name:
        return False
    name = c.location_name.strip().lower()
    return any(m.location_name and m.location_name.strip().lower() == name for m in g.claims)


def _others_agree(c: ClaimRecord, g: EventGroup) -> bool:
    """The claim's rare words agree strongly with a report of the event from another document."""
    for m in g.claims[-MAX_TEXT_MEMBERS:]:
        if m.document_id != c.document_id and m.terms:
            n = len(c.terms & m.terms)
            if n >= TEXT_STRONG[1] and similarity(c.terms, m.terms) >= TEXT_STRONG[0]:
                return True
    return False


def _told_twice(c: ClaimRecord, g: EventGroup, gap: int, text: str = "unknown") -> bool:
    """The same document tells the same incident twice (the headline and the body, the lead and a
    later paragraph): the same or a kindred sub-event type, at most a day apart (one sentence says
    "on Tuesday", another "yesterday"), the same named place or the same place told at two
    precisions (the city and its neighbourhood, the governorate and its town), and no other count
    of the dead (unless, same type, day and named place, it is the count other outlets give).
    Or the headline and the lead tell one toll of one attack in the same words, whatever places
    the two sentences were given (the same sub-event type and day, the same count of the dead)."""
    if gap > MAX_GAP_DAYS:
        return False
    if text == "strong" and gap == 0 and c.sub_event_type in g.subs and c.fatalities is not None:
        if c.fatalities in [n for d, n in g.figures if d == c.document_id]:
            return True
    fam = FAMILY_OF.get(c.sub_event_type)
    kindred = c.sub_event_type in g.subs or (fam is not None and any(FAMILY_OF.get(s) == fam for s in g.subs))
    if kindred and text == "strong" and _others_agree(c, g):
        # Other outlets' reports of the event name what this claim names (the convoy, the
        # bus station, the toll): the report placed one of its two sentences elsewhere (the
        # victims' home town), and its other sentence gave no other count of the dead.
        same_doc = [n for d, n in g.figures if d == c.document_id]
        if c.fatalities is None or not same_doc or any(2 * min(c.fatalities, n) >= max(c.fatalities, n) for n in same_doc):
            return True
    same_place = _same_named_place(c, g)
    if c.sub_event_type not in g.subs and (fam is None or not any(FAMILY_OF.get(s) == fam for s in g.subs)):
        # One report may call the same fight a clash in one sentence and an air strike in the
        # next (ACLED: strikes inside a battle are the battle): only at the same named place.
        if not (same_place and c.event_type in VIOLENT and g.etypes & VIOLENT):
            return False
    mine = [m for m in g.claims if m.document_id == c.document_id]
    if not same_place and not all(_contains(m, c) or _same_point(m, c) for m in mine):
        return False
    same_doc = [n for d, n in g.figures if d == c.document_id]
    if c.fatalities is None or not same_doc or c.fatalities in same_doc:
        return True
    if c.sub_event_type in DISPUTED_SUBS and c.sub_event_type in g.subs:
        return True  # one chemical attack, the tolls of its several sources ("more than 40", "1,300")
    # Another count of the dead is another incident -- unless the event's other reports give
    # this claim's count: then the report's other figure was a part of the toll ("one of them a
    # child", "the bomber") or an earlier one, and this claim is the incident the others tell.
    if not (same_place and c.sub_event_type in g.subs):
        return False
    if any(2 * min(c.fatalities, n) >= max(c.fatalities, n) for n in same_doc):
        return True  # "eight civilians" and "ten killed": one toll told twice (a part, an update)
    others = sorted(n for d, n in g.figures if d != c.document_id)
    return bool(others) and _figure_factor(c.fatalities, others[len(others) // 2]) == FIGURES_CLOSE


SAME_POINT_KM = 0.5


def _same_point(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Both sentences were placed at one point (within :data:`SAME_POINT_KM`) under two names, one
    of them no gazetteer place: the town and a word the geoparser took for a village near it.
    (Twin towns a few kilometres apart, al-Foua and Kefraya, are two places.)"""
    return (
        a.precise and b.precise and not (a.geonames_id and b.geonames_id)
        and distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_POINT_KM
    )


def _contains(a: ClaimRecord, b: ClaimRecord) -> bool:
    """One of the two places is the other's area told less precisely (a governorate and its town,
    a city and its neighbourhood): the same governorate, and one side is only the governorate or
    its capital city."""
    if not (a.admin1 and b.admin1 and _same_area(a.admin1, b.admin1) and a.country == b.country):
        return False
    return not a.precise or not b.precise or _capital(a) or _capital(b)
