"""Who did what to whom in one sentence: the perpetrators and targets of an event from the
words around its trigger."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from ceasefire.extract.roles.actor import Mention
from ceasefire.extract.roles.cues import _AGENT_BEFORE, _BLAMING, _FOR_THE_ATTACK, _HARM_OBJECT_BEFORE, _HELD, _HELD_BY, _PERSONS_FORCES, _SPEAKER_AFTER, _TARGET_BEFORE, _UNDER_UMBRELLA, _is_supporter, harmed_mentions, names_its_weapon, suspected_authors
from ceasefire.extract.roles.order import _battle_sides


# --------------------------------------------------------------------------- roles

_NON_PARTY_KINDS = {"monitor", "media", "humanitarian"}
_BY_BEFORE = re.compile(r"\b(by|from|of)\s+(the\s+)?(\w+[\s-]+){0,3}$", re.I)
# "the agency quoted a ministry spokesman as saying ...", "citing the army": the one quoted speaks
_QUOTED_BEFORE = re.compile(r"\b(?:quoted|quoting|cited|citing)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
_AS_SAYING_AFTER = re.compile(r"^(?:\s+[\w'’-]+){0,3}?\s+as\s+saying\b", re.I)
_WEAPON_AFTER = re.compile(
    r"^(?:['’]s?)?\s+(?:[\w-]+\s+)?(?:air\s*strikes?|airstrikes?|air\s+raids?|strikes?|raids?|shelling|bombardment|bombing|barrel\s+bombs?|warplanes|jets|aircraft|helicopters|artillery|rockets?|missiles?|shells|mortars?|drones?)\b",
    re.I,
)
_ASSAULT_AFTER = re.compile(r"^(?:['’]s?)?\s+(?:[\w-]+\s+)?(?:advances?|advancing|offensives?|assaults?|onslaught|incursions?|push)\b", re.I)
# a death or torture in custody: who holds the prison or the detainee is the author
_DIED_IN_CUSTODY = re.compile(r"\b(?:tortur\w*|died|death|killed|executed|beaten|beat)\b", re.I)
_CUSTODY_AFTER = re.compile(r"^(?:['’]s?)?\s+(?:[\w-]+\s+)?(?:prisons?|jails?|detention(?:\s+(?:cent(?:er|re)s?|facilit(?:y|ies)))?|custody|dungeons?)\b", re.I)
_CUSTODY_BEFORE = re.compile(r"\b(?:in|into|under|while\s+in)\s+(?:the\s+)?(?:custody|detention|prisons?|jails?)\s+of\s+(?:the\s+)?$", re.I)
# "abducted ... by four members of the CV": the agent named through its members
_BY_MEMBERS_OF = re.compile(r"\bby\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:members?|fighters?|militants?|elements|gunmen|militiamen|men|operatives)\s+(?:of|from)\s+(?:the\s+)?$", re.I)
_BATTLES = ("Armed clash", "Government regains territory", "Non-state actor overtakes territory")
_PROTESTS = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")
_RIOTS = ("Violent demonstration", "Mob violence")


# "gunmen opened fire on", "IS militants stormed": the verb right after a sentence's subject is an act of violence
_ACTS_AFTER = re.compile(
    r"^(?:['’]s?)?(?:\s+(?:fighters|members|militants|men|forces|troops|soldiers|elements|patrol|cell|units?|also|reportedly|allegedly|have|has|had)){0,2}\s+"
    r"(?:opened\s+fire|attacked|shot|stabbed|targeted|killed|assassinated|ambushed|fired|shelled|detonated|planted|stormed|raided|abducted|kidnapped|"
    r"executed|bombed|struck|hit|beat|tortured|launched|blew\s+up|set\s+fire)\b",
    re.I,
)


_CHAINED = re.compile(r"\s+(?:and|(?:supported|backed|accompanied|joined)\s+by)\s+(?:the\s+)?(?:(?!against\b|with\b|between\b)[\w-]+\s+)?", re.I)

_ALLY_BETWEEN = re.compile(r"\b(?:supported|backed|assisted|joined|accompanied|reinforced)\s+by\b", re.I)
# "opposition rebels under OPS", "factions, part of Operation Peace Spring": an operation needs no verb
_BARE_UNDER = re.compile(r"(?:\bunder|\bpart\s+of|\bwithin)\s+(?:the\s+)?$", re.I)


def _umbrellas(text: str, parties: list[Mention]) -> list[Mention]:
    """"JWS, operating under Operation Peace Spring, ...": ACLED codes the umbrella (the operation
    or operations room) as the actor, in the place of the faction; the faction follows as its ally."""
    out = list(parties)
    for y in sorted(parties, key=lambda m: m.start):
        window = text[max(0, y.start - 45) : y.start]
        if not (_UNDER_UMBRELLA.search(window) or ("Operation" in y.name and _BARE_UNDER.search(window))):
            continue
        before = [x for x in out if x.end <= y.start and x is not y and x.name != y.name]
        if y not in out:
            continue
        if not before or y.start - max(before, key=lambda m: m.end).end > 60:
            # the umbrella qualifies a faction the text did not name as an actor ("clashes between the
            # Sultan Suleiman Shah Brigade operating under the SLF and ..."): it stands where the faction does
            faction = _UNNAMED_FACTION.search(text, max(0, y.start - 110), y.start)
            if faction is not None and not _ALLY_BETWEEN.search(text[max(0, faction.start(1) - 25) : faction.start(1)]):
                out[out.index(y)] = replace(y, start=faction.start(1), end=faction.end(1))
            continue
        x = max(before, key=lambda m: m.end)
        if _ALLY_BETWEEN.search(text[x.end : y.start]):
            continue  # "X supported by the Y Brigade operating under Z": the umbrella is the unnamed ally's
        # "Turkish troops and allied rebel groups, operating under OPS": the umbrella covers the
        # whole group named before it, so it takes the place of the first of them
        earlier = [m for m in before if m.end <= x.start]
        w = max(earlier, key=lambda m: m.end) if earlier else None
        if w is not None and _CHAINED.fullmatch(text[w.end : x.start]):
            x = w  # one step only: "regime forces, supported by X and Y, and rebels operating under ..." lists two sides
        out.remove(y)
        out[out.index(x)] = replace(y, start=x.start, end=x.end)
        out.append(replace(x, start=y.start, end=y.end))  # the faction, now in the umbrella's place: an ally
    return out


# what may stand before a sentence's subject: its date ("On 27 April 2023, "), an article
# "days after a ceasefire brokered by the US and Russia collapsed": the brokers are no party to the strike
_BROKER_BEFORE = re.compile(r"\b(?:brokered|mediated|negotiated|guaranteed|hosted)\s+(?:\w+ly\s+|in\s+part\s+)?by\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?(?:(?:and|,)\s+(?:the\s+)?)?$", re.I)
_LABELLED_ACT = re.compile(
    r"\b(?:demolish\w*|destroy\w*|burn\w*|set\s+(?:to\s+)?(?:fire|on\s+fire|ablaze)|torch\w*|loot\w*|seiz\w*|confiscat\w*|st[oe]le|raz\w*|bulldoz\w*|"
    r"seal\w*|vandali[sz]\w*|damag\w*|uproot\w*|ransack\w*|plunder\w*|raid\w*|took\s+over|occupi\w*|expropriat\w*|attack\w*|kill\w*|shot|fired|arrest\w*|detain\w*|abduct\w*|kidnapp\w*)\b",
    re.I,
)
# "the military said it arrested four students", "the army reported that its troops killed": a side that
# reports its own act did it (not "the army said rebels attacked", where it only speaks)
_SELF_REPORT = re.compile(
    r"^(?:\s+[\w'’-]+){0,3}?\s+(?:said|says|reported|reports|announced|stated|confirmed|claimed)\s+(?:on\s+\w+day\s+)?(?:that\s+)?"
    r"(?:it|they|its\s+(?:forces|troops|soldiers|fighters|members|units?|men|personnel))\s+(?:had\s+|have\s+|has\s+)?(?:also\s+)?"
    r"(?!been\b|be\b|needed\b|wanted\b|used\b)(?:\w+ed|shot|hit|struck|took|blew\s+up|seized|caught|beat|overran)\b",
    re.I,
)
# "the body was found by military police officers": who found the dead took no part in the killing
# (not "found killed by shooting by unknown gunmen", where the gunmen are the agents of the killing)
_FOUND_BY = re.compile(r"\b(?:found|discovered|recovered|retrieved|spotted|located)(?:\s+dead)?\s+by\s+(?:the\s+|an?\s+)?(?:(?!by\b)[\w'’-]+\s+){0,3}$", re.I)
# "between the Sultan Suleiman Shah Brigade operating under ...": a faction's own name, capitalised, right
# before the words that put it under an umbrella
_UNNAMED_FACTION = re.compile(
    r"(?:^|\bbetween\s+|\bby\s+|\band\s+|\bagainst\s+|\bwith\s+|[,;:]\s*)(?:the\s+)?((?-i:[A-Z][\w'’-]*)(?:\s+(?:al|el|bin|ibn|of|the|(?-i:[A-Z0-9][\w'’-]*)))*"
    r"(?:\s+(?:brigade|battalion|division|regiment|group|faction|movement|army|corps|front|forces)s?)?(?:\s+(?:fighters|members|militants))?)"
    r",?\s+(?:which\s+(?:is\s+|are\s+)?|that\s+(?:is\s+|are\s+)?|who\s+(?:is\s+|are\s+)?)?(?:operat\w+|fight\w*|active)\s+(?:under|within|as\s+part\s+of)\b",
    re.I,
)
# "rebel backer Qatar", "regime ally Iran": the side names whom the next actor backs, and takes no part
_PATRON_AFTER = re.compile(r"^\s+(?:backers?|allies|ally|sponsors?|patrons?)\b", re.I)
_SUBJECT_BEFORE = re.compile(r"^\s*(?:(?:On|on|Around|Between)\s+[^,]{3,40},\s*)?(?:(?:the|The)\s+)?$")


def assign_roles(text: str, trigger: tuple[int, int], mentions: list[Mention], sub_event_type: str, country_iso: str | None = None,
                 published: date | None = None) -> list[dict[str, Any]]:
    """Event JSON v1 actors (perpetrator first) for an event triggered at ``trigger`` in ``text``;
    ``published`` dates the report (ACLED's notes name a battle's sides in its order from 2022)."""
    t0, t1 = trigger
    labelled = False
    if re.match(r"\s*:", text[t1 : t1 + 3]):
        # "Property destruction: On 1 June, soldiers demolished ...": the coder's label heads the
        # note; the act is the note's own verb, and who comes before it did it
        act = _LABELLED_ACT.search(text, t1)
        if act:
            t0, t1 = act.start(), act.end()
            labelled = True
    parties = [
        m for m in mentions
        if m.kind not in _NON_PARTY_KINDS and not m.metonym and not (m.person and not _PERSONS_FORCES.match(text[m.end : m.end + 30]))
        and (not _SPEAKER_AFTER.match(text[m.end : m.end + 60]) or _SELF_REPORT.match(text[m.end : m.end + 90])) and not _BROKER_BEFORE.search(text[max(0, m.start - 60) : m.start])
        and not _QUOTED_BEFORE.search(text[max(0, m.start - 40) : m.start]) and not _AS_SAYING_AFTER.match(text[m.end : m.end + 40])
        and not _FOUND_BY.search(text[max(0, m.start - 50) : m.start]) and not _PATRON_AFTER.match(text[m.end : m.end + 20])
    ]  # a person ("Obama is seeking backing for strikes", "the Assad clan's hometown") decides or speaks; "Assad's air force" fights
    parties = _umbrellas(text, suspected_authors(text, parties))
    holders = [m for m in parties if _HELD_BY.search(text[max(0, m.start - 60) : m.start])]
    parties = [m for m in parties if m not in holders]
    perpetrators: list[Mention] = []
    targets: list[Mention] = []
    if sub_event_type in _BATTLES:
        held = [m for m in parties if m.descriptor or _HELD.match(text[m.end : m.end + 40])]
        perpetrators, targets = _battle_sides(text, [m for m in parties if m not in held], country_iso, published)
        targets += held
    else:
        victims = [m for m in harmed_mentions(text, parties) if not names_its_weapon(m) or _HARM_OBJECT_BEFORE.search(text[max(0, m.start - 60) : m.start])]
        distant: list[Mention] = []
        nearby: list[Mention] = []
        for m in sorted(parties, key=lambda m: m.start):
            if m in victims:
                targets.append(m)
                continue
            if targets and targets[-1].end <= m.start and re.fullmatch(r"\s*", text[targets[-1].end : m.start]):
                targets.append(m)  # "a member of the regime's military intelligence": one side, named in two words
                continue
            if m.start < t1 and m.end > t0:
                perpetrators.append(m)  # "government airstrikes": the actor names the strike
                continue
            if perpetrators and re.fullmatch(r"\s*(,|,?\s*and|,?\s*as well as|,?\s*along with|,?\s*together with)\s*", text[perpetrators[-1].end : m.start]):
                perpetrators.append(m)  # "Russian jets and Hezbollah fighters pounded ...": joined to the actor
                continue
            if names_its_weapon(m) and not (m.descriptor or _HELD.match(text[m.end : m.end + 40])):
                perpetrators.append(m)  # "killed in heavy Russian and Syrian strikes": the attack named after its author
                continue
            if sub_event_type == "Attack" and _DIED_IN_CUSTODY.search(text) and (
                    _CUSTODY_AFTER.match(text[m.end : m.end + 40]) or _CUSTODY_BEFORE.search(text[max(0, m.start - 40) : m.start])):
                perpetrators.append(m)  # "died under torture in one of the regime's prisons": the jailer did it
                continue
            if _WEAPON_AFTER.match(text[m.end : m.end + 40]) or _ASSAULT_AFTER.match(text[m.end : m.end + 40]):
                # "Dozens of Syrian regime strikes on Aleppo", "Russian raids": the actor names the attack;
                # "killed by shelling and the army's advance": a death an advance caused is the advancing side's
                perpetrators.append(m)
                continue
            if _HELD.match(text[m.end : m.end + 40]) or m.descriptor:
                targets.append(m)  # "rebel-held districts": the side whose area was hit
                continue
            if m.end <= t0 and re.fullmatch(r"\s*('s|’s|-led|-backed)?\s*([\w-]+\s+)?", text[m.end : t0]):
                perpetrators.append(m)  # "Syrian government shelling", "US-led air strikes", "Russian warplanes"
                continue
            if m.end <= t0:
                gap = text[m.end : t0]
                before = text[max(0, m.start - 40) : m.start]
                if _TARGET_BEFORE.search(before) and not re.search(r"\b(by)\s+(the\s+)?(\w+\s+){0,2}$", before, re.I):
                    targets.append(m)
                elif _BY_BEFORE.search(before) and re.search(r"\bby\b", before[-25:], re.I):
                    perpetrators.append(m)
                elif len(gap) <= 80:
                    perpetrators.append(m)
                    nearby.append(m)  # only near the trigger, with nothing in between saying it acted
                elif _SUBJECT_BEFORE.match(text[: m.start]):
                    distant.append(m)  # the sentence's subject, a long way before the trigger: the author if no one nearer acted
            else:
                before = text[max(t1, m.start - 40) : m.start]
                if (re.search(r"\b(by|from)\s+(the\s+)?([\w'’-]+\s+){0,3}$", before, re.I) or _BY_MEMBERS_OF.search(before) or re.search(r"\bcarried out by\b|\blaunched by\b|\bblamed on\b|\bclaimed by\b", text[t1 : m.start], re.I)
                        or _BLAMING.search(before) and _FOR_THE_ATTACK.match(text[m.end : m.end + 60])):  # "..., blaming the Islamic State group for the attack"
                    perpetrators.append(m)
                else:
                    targets.append(m)
        agents = [m for m in perpetrators if _AGENT_BEFORE.search(text[max(0, m.start - 70) : m.start])]
        if agents:
            # "Syrian Army Captain X was shot by Free Syrian Army snipers": the agent struck; a side
            # named before the passive verb is the one hit
            passive = [m for m in perpetrators if m not in agents and m.end <= agents[0].start
                       and re.search(r"\b(?:was|were|has\s+been|have\s+been|had\s+been|got)\b", text[m.end : agents[0].start], re.I)]
            perpetrators = agents + [m for m in perpetrators if m not in agents and m not in passive]
            targets = passive + targets
        elif distant and distant[0].kind == "armed" and all(m in nearby for m in perpetrators) and _ACTS_AFTER.match(text[distant[0].end : distant[0].end + 40]):
            # "unidentified gunmen opened fire on a member of the regime's military intelligence ...,
            # killing ...": the subject that acted is the author, ahead of a side its object names
            perpetrators.insert(0, distant.pop(0))
        if labelled and not perpetrators:
            # the note's subject, however long its description ("about 40 Myanmar military forces and
            # ... members approached the village at 3:30 pm and torched ..."), did what its label says
            first = next((m for m in parties if m.end <= t0 and m.kind == "armed" and m not in targets), None)
            if first is not None:
                perpetrators.append(first)
        if perpetrators and distant and distant[0].kind == "armed" and all(_is_supporter(text, m) and not 0 <= t0 - m.end <= 30 for m in perpetrators):
            # "the SDF, with coalition air cover, swept three villages ... and detained two IS suspects":
            # only its ally stands near the act; the subject did it (not "the fighting was accompanied
            # by army shelling", where the ally names the act itself)
            perpetrators.insert(0, distant.pop(0))
        if not perpetrators and distant and distant[0].kind == "armed":
            # "opposition rebels targeted a Hezbollah member on the X axis in Aleppo countryside,
            # killing him": the trigger read is the harm at the end; the subject far before it acted
            perpetrators.append(distant[0])
        # an ally ("backed by Russian jets", "Turkish-backed factions") never comes before the actor it backs
        backed = [m for m in perpetrators if _is_supporter(text, m)]
        if backed and len(backed) < len(perpetrators):
            perpetrators = [m for m in perpetrators if m not in backed] + backed
    targets += holders
    # A civilian kind cannot be a perpetrator of armed violence (rioters and protesters can act).
    for m in list(perpetrators):
        if m.kind == "civilian" and m.inter == 7:
            perpetrators.remove(m)
            targets.append(m)
    actors: list[dict[str, Any]] = []
    for role, group in (("perpetrator", perpetrators), ("target", targets)):
        for m in group:
            if any(a["name"] == m.name for a in actors):
                continue
            actor = {"name": m.name, "role": role, "inter": m.inter, "country": m.country}
            if m.template:
                actor["_template"] = m.template
            elif m.described:
                actor["_described"] = m.described
            elif m.bare:
                actor["_bare"] = m.bare
            actors.append(actor)
    return actors
