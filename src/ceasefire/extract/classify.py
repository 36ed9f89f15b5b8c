"""Which ACLED sub-event type a sentence reports, if any, and with what method.

The decision is made from the event lexicon's cues (resources/event_lexicon.yaml) and the
sentence's structure, following ACLED's hard calls (DOMAIN.md section 1):

- one event per sentence, of the highest type: explosions or strikes inside fighting are Battles
  (the weapon stays in ``method``); a suicide attack inside fighting is an Armed clash;
- Attack or Armed clash: could the target fight back (soldiers, positions, checkpoints) or not;
- territory verbs only count with a place as their object ("seized the town", not "seized weapons");
  who gains decides Government regains / Non-state actor overtakes (settled by the assembler,
  which knows the actors);
- a cue preceded in its clause by words of wish, threat, denial or halt ("would not ask Damascus
  to stop the bombing", "the lull in fighting") is not an incident, unless the sentence also
  tells of harm done ("condemned the air strikes that killed 20");
- tallies of a whole war ("since the conflict began") are background, not incidents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ceasefire.extract.lexicon import EVENT_TYPE_OF, Cue, cues_for, event_lexicon

#: Harm told in the past: keeps a cue that wish/threat words would otherwise cancel.
_HARM = re.compile(
    r"\b(killed|killing|kills|wounded|wounding|injured|injuring|dead|died|deaths?|deadly|destroyed|damaged|hit|struck|targeted|exploded|went off|casualties|victims)\b",
    re.I,
)
_HARD_CANCEL = re.compile(r"^(no|not|never|without|would|could|might|will|shall|plans? to|planning|threatened|threat|called for|calls for|urged|banned|ban on|prevent\w*|ready to|preparing to)$")
_CLAUSE_BREAK = re.compile(r"[.;:!?\"“”()]|\s[–—-]\s|\bbut\b|\bwhile\b|\bwhereas\b", re.I)
_ARMED_TARGET = re.compile(
    r"\b(positions?|checkpoints?|soldiers?|troops|forces|army|military|base|bases|barracks|patrols?|fighters?|militants?|insurgents?|rebels?|police(men)?|officers?|convoys?|posts?|outposts?|gunmen|militia(men)?|jihadists?|units?|personnel|guards?|members?|militiam[ae]n|commanders?|leaders?|officials? of|elements|tanks?|"
    r"(regime|military|army|police) (vehicles?|cars?|trucks?|buildings?|cent(er|re)s?|headquarters|offices?|branch))\b",
    re.I,
)
_CIVILIAN_TARGET = re.compile(
    r"\b(civilians?|man|men|woman|women|child|children|boy|girl|residents?|villagers?|farmers?|shepherds?|teachers?|doctors?|journalists?|activists?|students?|worshippers?|detainees?|prisoners?|passers-?by|family|families|people|person|citizens?|merchants?|traders?|drivers?|displaced|refugees?|elderly|youths?|nurses?|medics?|humanitarian|aid workers?|locals?|hospital|school|market|mosque|church|homes?|houses?)\b",
    re.I,
)
_PLACE_OBJECT = re.compile(
    r"^(?:\W*(?:the|a|an|full|complete|control of|of|over|parts? of|most of|several|two|three|four|five|\d+|\w+-held|strategic|key|large|nearby|important|[\w-]+-(?:held|controlled)|"
    r"oil|gas|military|main|(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?)\s+){0,4}\W*"
    r"(?:(?:[A-Z][\w'’-]+)|(?:(?:al|el|as|ash|ad|ar|at|az|an)-[A-Z]?[\w'’-]+)|(?:towns?|villages?|city|cities|areas?|districts?|neighbou?rhoods?|hills?|hilltops?|mountains?|bases?|air ?bases?|airports?|positions?|points?|farms?|regions?|territor(?:y|ies)|quarters?|road|highway|crossing|dam|fields?|oilfields?|sites?|settlements?|localities|hamlets?|suburbs?|outskirts|countryside|province|governorate|locations?|strongholds?|checkpoints?|posts?|outposts?|heights|island|port|bridge|junction|camp))",
)
_PERSON_OBJECT = re.compile(
    r"^\W*(?:\w+\s+){0,3}(?:insurgents?|militants?|men|suspects?|fighters?|members?|leaders?|commanders?|soldiers?|individuals?|people|persons?|weapons?|arms|ammunition|explosives?|vehicles?|tanks?|equipment|prisoners?|hostages?|civilians?|him|her|them)\b",
    re.I,
)
_SPECIFIC_METHODS = ("barrel_bomb", "drone", "vehicle_bomb", "landmine")
_AIRCRAFT_DOWNED = re.compile(
    r"\b(helicopters?|choppers?|(war)?planes?|jets?|aircraft|airplanes?)\b[^.;]{0,60}\b(shot down|downed)\b|\b(shot down|downed)\s+(an?|the|two|its|their)\s+([\w-]+\s+){0,3}(helicopters?|choppers?|(war)?planes?|jets?|aircraft)\b",
    re.I,
)
#: A state's air defences or anti-aircraft guns firing back at a strike.
_AIR_DEFENCE = re.compile(r"\b(air[- ]defen[cs]es?|air[- ]defen[cs]e (?:systems?|units?|batteries)|anti[- ]aircraft)\b", re.I)
#: Fire answered by the side fired on.
_ANSWERED = re.compile(r"\b(in response|as a response|responded|retaliat\w+|returned fire|return fire)\b", re.I)
#: A strike told as done to a target (not a drone merely shot down by the air defences).
_STRIKE_TOLD = re.compile(r"\b(air ?strikes?|air ?raids?|struck|targeting|targeted|fired|launched|shelled|bombed)\b", re.I)
_CROWD_HARM = re.compile(r"\b(killed|dead|died|injured|wounded|hurt)\b", re.I)
#: An armed attack stopped by the side it targeted ("thwarted an attack by militants on the
#: town", "foiled an infiltration attempt"): stopped by fighting, unlike a bomb defused.
_FOILED_ATTACK = re.compile(
    r"\b(foil(ed|ing)|thwart(ed|ing)|repel(led|ling)|repuls(ed|ing))\s+(an?|the|their|its|two|several)\s+([\w-]+\s+){0,2}(attacks?|assaults?|offensives?|advances?|infiltration(\s+attempts?)?|incursions?)\b",
    re.I,
)
_DEATHS_TOLD = re.compile(r"\b(killing|killed|kills?|dead|died|slain|deaths?)\b", re.I)
_CIVIL_CROWD = re.compile(
    r"\b(supporters|party (members|activists|workers|cadres)|members of the \w+ party|villagers|residents|students|youths?|workers|fans|communities|families|clans|groups of (people|locals|residents|youths)|two groups|locals|neighbours|neighbors|mob)\b",
    re.I,
)
_ARMED_PARTY = re.compile(r"\b(gunm[ae]n|armed|rebels?|militants?|insurgents?|fighters?|troops|soldiers?|army|forces|militia\w*|jihadists?|IS|ISIS|HTS|SDF|QSD|YPG)\b")
_PROTEST_FAMILIES = {"protest", "protest_mod", "mob"}
#: Words before a death or injury that make it the cause or topic of a demonstration ("a vigil for
#: a journalist who was killed", "to protest the killing of"), not harm done at it.
_TOPIC_OF_PROTEST = re.compile(
    r"\b(who|whom|which|that|after|following|over|against|for|justice|death|deaths|killing|murder|since|anniversary|commemorat\w*|remember\w*|memory|mourn\w*|honou?r\w*|victims?|in which|earlier|previous|recent|recently|already|before|accused of|suspected of|demand\w*|call(ed|ing)? for|release)\b[^.;]{0,60}$",
    re.I,
)
#: The same for an act of violence named as what a demonstration was about ("against the stone
#: pelting", "on the anniversary of the riot"); relative pronouns here introduce the act itself.
_TOPIC_OF_ACT = re.compile(
    r"\b(after|following|against|justice|since|anniversary|commemorat\w*|remember\w*|memory|mourn\w*|condemn\w*|denounc\w*|earlier|previous|recent|recently|already|before|accused of|suspected of|demand\w*|call(ed|ing)? for|release)\b[^.;]{0,60}$",
    re.I,
)
#: Someone off duty or unarmed cannot fight back: harming them is an Attack (ACLED codebook).
_DEFENCELESS = re.compile(r"\b(off[- ]duty|unarmed|detained|captured|captive|handcuffed|blindfolded|kidnapped|abducted)\b", re.I)
_EXPLOSIVE_FAMILIES = ("chemical", "suicide", "air", "grenade", "ied", "shelling")


@dataclass
class CueMatch:
    """One cue found in a sentence (offsets relative to the sentence)."""

    cue: Cue
    start: int
    end: int
    text: str
    suppressed: bool = False

    @property
    def family(self) -> str:
        return self.cue.family


@dataclass
class Classification:
    """The sub-event type a sentence reports."""

    event_type: str
    sub_event_type: str
    method: str | None
    trigger: CueMatch
    confidence: float
    families: set[str] = field(default_factory=set)
    territory: bool = False  # a change of control by fighting: the gaining side settles the sub-type
    weapon_cues: list[CueMatch] = field(default_factory=list)

    @property
    def trigger_span(self) -> tuple[int, int]:
        return self.trigger.start, self.trigger.end


def find_cues(text: str) -> list[CueMatch]:
    """Every lexicon cue in ``text`` (overlaps kept; each marked if its clause cancels it)."""
    lex = event_lexicon()
    found: list[CueMatch] = []
    # each cue runs only on a sentence that holds one of the strings its matches begin with
    # (lexicon.cues_for: exact; over FA-KES sentences it halves the cost of running every cue)
    for cue in cues_for(text):
        for m in cue.pattern.finditer(text):
            found.append(CueMatch(cue, m.start(), m.end(), m.group(0)))
    if found:
        told_harm = _HARM.search(text) is not None
        for cm in found:
            cm.suppressed = _cancelled(text, cm, lex.not_an_incident_before, told_harm)
        if any(cm.text.lower() == "fighting" for cm in found):
            others = [cm for cm in found if cm.family != "clash" and not cm.suppressed]
            for cm in found:
                if others and cm.text.lower() == "fighting" and _SIDE_BEFORE.search(text, max(0, cm.start - 40), cm.start):
                    cm.suppressed = True  # "nine men, eight of them rebels fighting both the regime and IS": who they are, not a battle
    found.sort(key=lambda c: (c.start, -c.end))
    return found


#: Fighters named right before "fighting" ("rebels fighting both the regime and the jihadists"):
#: the participle says which side they are on.
_SIDE_BEFORE = re.compile(r"\b(?:rebels|fighters|militants|jihadists|insurgents|groups|factions|forces|militias|brigades)\s+$", re.I)


def _cancelled(text: str, cm: CueMatch, pattern: re.Pattern[str], told_harm: bool) -> bool:
    """True when the cue's clause makes it a wish, threat, denial or halt rather than an incident."""
    window = text[max(0, cm.start - 70) : cm.start]
    parts = _CLAUSE_BREAK.split(window)
    clause = parts[-1] if parts else window
    m = None
    for m in pattern.finditer(clause):
        pass
    if m is None:
        return False
    word = m.group(0).lower()
    if cm.family in ("protest", "protest_mod") and not _HARD_CANCEL.match(word):
        return False  # "organised a protest to demand ...": demands are what protests are
    # "no fewer than", "not less than" are quantities, not negations
    if word in ("no", "not") and re.match(r"\s*(fewer|less|more|longer)\b", clause[m.end():], re.I):
        return False
    if word.startswith("to ") and re.search(r"\b(managed|able|succeeded|went on)\s*$", clause[: m.start()], re.I):
        return False  # "managed to destroy a point during clashes": done, not intended
    if word in ("calm", "truce", "ceasefire") and told_harm:
        return False  # a violated calm is still an incident
    # "condemned the air strikes that killed 20": harm told after the cue keeps it (not "a landmine
    # from previous clashes injured a man": the harm is the landmine's, the clashes are past)
    if told_harm and _HARM.search(text[cm.start :]) and word not in ("no", "not", "never", "without", "would", "could", "might", "will", "shall", "previous", "past"):
        return False
    return True


_UNARMED_BODY = re.compile(r"\s+of\s+(the\s+|a\s+|an\s+)?([\w'-]+\s+){0,4}(community|communities|family|families|tribe|clan|party|union|association|organi[sz]ation|council|committee|parliament|press|media|church|congregation|board|movement)\b", re.I)
_IN_SUPPORT = re.compile(r"\b(backed by|supported by|support(ed)? (of|from|by)|air support|aerial support|cover of|covered by|escorted by|aided by|assisted by|overflight of)\b(\s+[\w.-]+){0,3}\s*$", re.I)
_BACKGROUND_CLAUSE = re.compile(r"\b(that|who|which|whom)\s+(had|have|has)?\s*(been\s+)?(\w+\s+)?$|\bhad\s+(been\s+)?$", re.I)
_PASSIVE_BEFORE = re.compile(r"\b(was|were|been|being|is|are|got)\s+(\w+ly\s+)?(shot\s+(and\s+)?)?$")  # case kept: "IS" is a group


def victim_side(text: str, trig: CueMatch) -> str | None:
    """Who the act in ``trig`` harmed: "armed" (soldiers, fighters, a checkpoint: they could fight
    back, so ACLED codes fighting), "civil" (civilians, the off-duty, the detained, homes), or None.

    The victim is the subject of a passive verb ("two men were shot dead by gunmen": before the
    cue) and the object of an active one ("gunmen shot dead two soldiers": after it); the nearest
    person word on that side decides.
    """
    before = _CLAUSE_BREAK.split(text[max(0, trig.start - 90) : trig.start])[-1]
    after = text[trig.end : trig.end + 80]
    passive = bool(_PASSIVE_BEFORE.search(before)) or trig.cue.name == "body_found"
    if trig.cue.name == "body_found":
        window, pick = trig.text, min  # "the body of a QSD member was found"
    elif passive:
        window = before
        pick = max  # the subject nearest the verb
    else:
        window = after
        pick = min
    found = [(m.start(), "armed", m) for m in _ARMED_TARGET.finditer(window)] + [(m.start(), "civil", m) for m in _CIVILIAN_TARGET.finditer(window)]
    if not found and trig.cue.name == "body_found":
        window = before  # "a man was killed and his body was found"
        found = [(m.start(), "armed", m) for m in _ARMED_TARGET.finditer(window)] + [(m.start(), "civil", m) for m in _CIVILIAN_TARGET.finditer(window)]
        pick = max
    if not found:
        return None
    _, side, m = pick(found, key=lambda f: f[0])
    if side == "armed" and _DEFENCELESS.search(window[max(0, m.start() - 30) : m.end() + 24]):
        return "civil"  # "an off-duty soldier", "a detained fighter": he could not fight back
    if side == "armed" and re.match(r"(?i)members?$", m.group(0)) and _UNARMED_BODY.match(window[m.end() : m.end() + 50]):
        return "civil"  # "members of the Fulani community", "a member of the party"
    return side


_ARMED_DETAINEE = re.compile(
    r"\b(fighters?|militants?|militiam[ae]n|insurgents?|jihadists?|commanders?|(sleeper )?cells?|soldiers?|troops|officers? of the|emirs?|"
    r"(military|intelligence|security|army|regime) (\w+ )?(members?|personnel|officers?)|(IS|ISIS|ISIL|Daesh|HTS|QSD|SDF|YPG|PKK|Islamic State|Nusra|Al[- ]Shabaa?b|Taliban|Boko Haram|ISWAP|JNIM)( \w+)? (members?|leaders?|commanders?|fighters?|militants?|cells?|emirs?|operatives?))\b"
)


def armed_detainees(text: str, trig: CueMatch) -> bool:
    """Those detained or abducted in ``trig`` are an armed group's fighters (not off duty)."""
    before = _CLAUSE_BREAK.split(text[max(0, trig.start - 90) : trig.start])[-1]
    window = before if _PASSIVE_BEFORE.search(before) else text[trig.end : trig.end + 70]
    m = _ARMED_DETAINEE.search(window)
    return bool(m) and not _DEFENCELESS.search(window) and not re.search(r"\b(former|ex-|suspected of (links|collaborat)|accused of)", window[: m.start()], re.I)


def harm_at_demonstration(text: str) -> bool:
    """A death or injury at the demonstration itself, not the one it was held about."""
    for m in _CROWD_HARM.finditer(text):
        if not _TOPIC_OF_PROTEST.search(text[max(0, m.start() - 80) : m.start()]):
            return True
    return False


def is_background(text: str) -> bool:
    """A tally of a whole war or a long period ("since the conflict began"), not an incident."""
    return bool(event_lexicon().background.search(text))


def _territory_with_place(text: str, cm: CueMatch) -> bool:
    after = text[cm.end : cm.end + 80]
    if _PERSON_OBJECT.match(after):
        return False
    if re.match(r"\W*(control|full control|over)\b", after, re.I) or re.search(r"\b(it|them) over$|of (it|them)$", cm.text, re.I):
        return True  # "took control of", "battled IS in the area, taking it over"
    if re.search(r"\bcontrol$", cm.text, re.I) and re.search(r"\bwhere\b[^.;]{0,60}$", text[: cm.start], re.I):
        return True  # "clashes in Arafa village, where regime forces established control": the place comes first
    return bool(_PLACE_OBJECT.match(after)) or bool(re.search(r"\b(fell to|fallen to)\b", cm.text, re.I))


def classify_sentence(text: str, cues: list[CueMatch] | None = None) -> Classification | None:
    """The sub-event type ``text`` reports as an incident, or None.

    ``text`` is one sentence; ``cues`` may be given when already found.
    """
    if cues is None:
        cues = find_cues(text)
    live = [c for c in cues if not c.suppressed]
    if not live:
        return None
    by_family: dict[str, list[CueMatch]] = {}
    for c in live:
        by_family.setdefault(c.family, []).append(c)
    # territory verbs only count with a place as their object
    if "territory" in by_family:
        by_family["territory"] = [c for c in by_family["territory"] if _territory_with_place(text, c)]
        if not by_family["territory"]:
            del by_family["territory"]
    support = [c for f in ("air", "shelling") for c in by_family.get(f, []) if _IN_SUPPORT.search(text[max(0, c.start - 40) : c.start])]
    if support and ({"arrests", "abduction"} & set(by_family)) and not ({"clash", "attack"} & set(by_family)):
        # "QSD, backed by coalition helicopters, detained an IS commander": the air power
        # supported the act the sentence tells; it is not the act
        for f in ("air", "shelling"):
            if f in by_family:
                by_family[f] = [c for c in by_family[f] if c not in support]
                if not by_family[f]:
                    del by_family[f]
    if "clash" in by_family and len(by_family) > 1:
        # "executed eight men who had fought against the group": fighting told in a relative or
        # past-perfect clause is background to the sentence's act
        told = [c for c in by_family["clash"] if not _BACKGROUND_CLAUSE.search(text[max(0, c.start - 25) : c.start])]
        if told:
            by_family["clash"] = told
        else:
            del by_family["clash"]
    if "clash" in by_family:
        # "stormed a house and opened fire on a family", "ambushed a bus of villagers": one side
        # could not fight back, so it is an attack, not fighting
        one_sided = [c for c in by_family["clash"] if re.match(r"(?i)(stormed|assault on|offensive against|ambush)", c.text)]
        if len(one_sided) == len(by_family["clash"]) and all(victim_side(text, c) == "civil" for c in one_sided):
            del by_family["clash"]
    if "air" in by_family and "ied" in by_family:
        # "a twin bombing struck a crowd": the countable bombing is a blast, not the air war's "bombing"
        blasts = by_family["ied"]
        by_family["air"] = [c for c in by_family["air"] if not (c.cue.name == "bombing_plain" and any(b.start <= c.start < b.end for b in blasts))]
        if not by_family["air"]:
            del by_family["air"]
    families = set(by_family)
    weapons = [c for f in _EXPLOSIVE_FAMILIES for c in by_family.get(f, [])]
    harm_told = bool(_HARM.search(text))

    def first(fam: str) -> CueMatch:
        return min(by_family[fam], key=lambda c: (-c.cue.weight, c.start))

    def make(sub: str, trigger: CueMatch, method: str | None, confidence: float, **kw) -> Classification:
        return Classification(EVENT_TYPE_OF[sub], sub, method, trigger, confidence, families, weapon_cues=weapons, **kw)

    def gun_or_unknown() -> str:
        """Small arms when the sentence names gunfire ("firefight", "shot dead"), else unknown."""
        return "small_arms" if any(c.cue.method == "small_arms" and c.family in ("clash", "attack") for c in live) else "unknown"

    def weapon_method(default: str | None) -> str | None:
        specific = [c for c in weapons if c.cue.method not in (None, "unknown")]
        if specific:
            return max(specific, key=lambda c: c.cue.weight).cue.method
        return default

    # Protests and riots
    if "protest" in families or ("protest_mod" in families and "riot" in text.lower()):
        trig = first("protest") if "protest" in families else first("protest_mod")
        mods = {c.cue.sub_event_type for c in by_family.get("protest_mod", [])}
        if "Excessive force against protesters" in mods:
            return make("Excessive force against protesters", trig, "small_arms", 0.9)
        if "Violent demonstration" in mods or (harm_told and not weapons and "Protest with intervention" not in mods and harm_at_demonstration(text)):
            # people killed or hurt at a demonstration, with no force by the authorities told
            return make("Violent demonstration", trig, "melee" if harm_told else None, 0.85)
        if "Protest with intervention" in mods:
            return make("Protest with intervention", trig, None, 0.85)
        if "mob" in families:
            return make("Mob violence", first("mob"), "melee", 0.8)
        return make("Peaceful protest", trig, None, 0.85)
    if "mob" in families and not weapons:
        return make("Mob violence", first("mob"), "melee", 0.85)
    if "protest_mod" in families and not weapons and not ({"clash", "attack", "territory"} & families):
        # "Police fired tear gas to disperse them", "They threw stones": what happened to or at a
        # demonstration told in an earlier sentence (the assembler joins them)
        mod = first("protest_mod")
        return make(mod.cue.sub_event_type, mod, None, 0.5)
    if "clash" in families and not weapons and _CIVIL_CROWD.search(text) and not _ARMED_TARGET.search(text) and not _ARMED_PARTY.search(text):
        # supporters of two parties, villagers, students fighting: a crowd, not armed forces
        return make("Mob violence", first("clash"), "melee", 0.75)
    if "transfer" in families and "clash" not in families:
        # "captured X following the withdrawal of HTS after clashes" was taken by fighting
        return make("Non-violent transfer of territory", first("transfer"), None, 0.85)
    if "territory" in families:
        return make("Armed clash", first("territory"), weapon_method(gun_or_unknown()), 0.85, territory=True)
    if weapons and "shelling" in families and _ANSWERED.search(text):
        # "IS shelled regime positions ... In response, regime forces shelled the area": fire
        # exchanged by two armed sides is an Armed clash (ACLED: mutual long-range fire)
        return make("Armed clash", first("shelling"), weapon_method("unknown"), 0.8)
    if _AIR_DEFENCE.search(text) and weapons and _STRIKE_TOLD.search(text):
        # strikes answered by the target's air defences ("Israeli warplanes struck ... while regime
        # air defences tried to intercept the missiles") are fire exchanged by two armed sides: ACLED
        # codes them as an Armed clash, the strike's weapon kept as the method
        return make("Armed clash", weapons[0], weapon_method("unknown"), 0.8)
    if "disrupted" in families and _AIRCRAFT_DOWNED.search(text) and _CROWD_HARM.search(text):
        # a manned aircraft shot down with its crew killed is a fight between two armed sides, as ACLED
        # codes it (an Armed clash; "Disrupted weapons use" is for weapons stopped before they harm)
        return make("Armed clash", first("disrupted"), gun_or_unknown(), 0.8)
    if "disrupted" in families and _FOILED_ATTACK.search(text) and _DEATHS_TOLD.search(text):
        # "the army thwarted an attack by militants on its posts, killing two commanders": the
        # attackers were fought off, with dead, which ACLED codes as an Armed clash
        return make("Armed clash", first("disrupted"), gun_or_unknown(), 0.8)
    if "disrupted" in families and not (harm_told and weapons and not re.search(r"\bwhile (planting|placing|making|preparing)", text, re.I)):
        return make("Disrupted weapons use", first("disrupted"), None, 0.85)
    if "chemical" in families:
        return make("Chemical weapon", first("chemical"), "chemical", 1.0)
    if "suicide" in families:
        if "clash" in families:
            return make("Armed clash", first("clash"), "suicide_bomb", 0.9)
        return make("Suicide bomb", first("suicide"), "suicide_bomb", 1.0)
    if "clash" in families:
        return make("Armed clash", first("clash"), weapon_method(gun_or_unknown()), 0.9)
    observed = [c for c in by_family.get("shelling", []) if c.cue.name == "observed_explosions"]
    if observed and "air" not in families and not any(c.cue.method not in (None, "unknown", "explosive_device") for c in by_family.get("ied", [])):
        return make("Shelling/artillery/missile attack", observed[0], "unknown", 0.8)
    for fam, sub in (
        ("air", "Air/drone strike"),
        ("grenade", "Grenade"),
        ("ied", "Remote explosive/landmine/IED"),
        ("shelling", "Shelling/artillery/missile attack"),
    ):
        if fam in families:
            trig = first(fam)
            method = trig.cue.method
            special = [c for c in by_family[fam] if c.cue.method in _SPECIFIC_METHODS]
            if special:  # "helicopters dropped barrel bombs": the barrel bomb is the method
                method = special[0].cue.method
            if method == "unknown":
                # "bombardment" beside "artillery" or "warplanes" takes their method
                method = weapon_method("unknown")
                if fam == "shelling" and "air" in families:
                    return make("Air/drone strike", first("air"), weapon_method("unknown"), 0.8)
            conf = trig.cue.weight if (trig.cue.weight >= 1.0 or harm_told) else trig.cue.weight * 0.8
            return make(sub, trig, method, min(1.0, conf))
    # "unidentified gunmen abducted a commander": "gunmen" names who did it, not another act
    acts = {c.family for c in live if c.cue.name != "gunmen"}
    if ({"arrests", "abduction"} & families) and not ({"attack", "clash"} & acts):
        trig = first("arrests") if "arrests" in families else first("abduction")
        if armed_detainees(text, trig):
            # "QSD detained an IS commander", "Turkish forces arrested 2 QSD fighters": ACLED
            # codes the capture of an armed group's fighters as fighting, not an arrest
            return make("Armed clash", trig, "unknown", 0.7)
    if "sexual" in families:
        return make("Sexual violence", first("sexual"), None, 0.95)
    executions = [c for c in by_family.get("attack", []) if c.cue.name == "execution"]
    if executions and "abduction" in families:
        return make("Attack", executions[0], "execution", 0.95)  # "kidnapped 900, executed 18": the killing ranks first
    if "abduction" in families:
        return make("Abduction/forced disappearance", first("abduction"), None, 0.9)
    if "attack" in families:
        trig = first("attack")
        method = trig.cue.method
        if trig.cue.name == "execution":
            return make("Attack", trig, "execution", 0.95)
        if trig.cue.name == "armed_attack" and not harm_told and "arrests" in families:
            pass  # "raided a house and arrested" is an arrest
        else:
            fired = [c for c in by_family["attack"] if c.cue.name == "gunfire" and c.start < trig.start]
            if fired and victim_side(text, fired[0]) == "armed":
                # "gunmen opened fire on QSD forces, killing 1 person": whom they fired on decides,
                # not who happened to die
                return make("Armed clash", fired[0], "small_arms", 0.75)
            if victim_side(text, trig) == "armed":
                return make("Armed clash", trig, method, 0.75)
            melee = re.search(r"\b(stabb|hack|beat|beaten|bludgeon|burn)", trig.text, re.I)
            return make("Attack", trig, "melee" if melee else method, 0.8 if trig.cue.weight >= 1.0 else 0.65)
    if "arrests" in families:
        return make("Arrests", first("arrests"), None, 0.8)
    if "looting" in families:
        return make("Looting/property destruction", first("looting"), None, 0.8)
    if "hq" in families:
        return make("Headquarters or base established", first("hq"), None, 0.8)
    if "change" in families:
        return make("Change to group/activity", first("change"), None, 0.6)
    if "other" in families:
        return make("Other", first("other"), None, 0.55)
    if "harm" in families:
        trig = first("harm")
        if victim_side(text, trig) == "armed":
            return make("Armed clash", trig, "unknown", 0.45)
        return make("Attack", trig, "unknown", 0.4)
    return None


# --------------------------------------------------------------------------- ACLED records
#
# ACLED's own notes carry the coder's decision in two conventions: a demonstration's note ends
# with the crowd size ("[size=no report]", "[size=around 100]"), and a strategic development's
# note opens with a tag ("Movement of forces: On 4 May 2020, ..."). When a report carries either,
# its main event is of that kind; the sentences still decide the details.

_SIZE_TAG = re.compile(r"\[size=[^\]\n]{0,80}\]", re.I)
_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z /-]{1,45}):\s+(?=\S)")
_STATE_FORCE = re.compile(r"\b(police\w*|security forces|soldiers?|troops|forces|officers?|guards?|army|military|gendarmes?|gendarmerie|authorities|riot police|marshals)\b", re.I)
_CROWD_VIOLENCE_FAMILIES = ("clash", "attack", "looting", "mob")
_CROWD = re.compile(r"\b(protesters|demonstrators|rioters|residents|villagers|participants|crowds?|mobs?|youths?|students|supporters|members|workers|people|locals|groups?|they|inmates|prisoners|fans|activists|cadres|farmers|traders|vendors|drivers|men|women)\b", re.I)


#: What makes a crowd a demonstration: the word, or a demand made of someone ("residents burned
#: tyres to reject power cuts", "prisoners rioted, calling for their release"). "Rioters" and "riot"
#: alone are not: ACLED names the crowd of a Mob violence event so too ("Palestinian rioters clashed
#: with soldiers during a raid", "a prison riot in which an inmate was killed").
_DEMONSTRATION_WORDS = re.compile(
    r"\b(demonstrat\w*|protest\w*|demand\w*|call(?:ed|ing)?\s+for|denounc\w*|to\s+(?:reject|oppose|condemn|express|press\s+for|denounce|demand))",
    re.I,
)


@dataclass(frozen=True)
class RecordLabel:
    """A report's own statement of its main event's sub-event type, with where it says so."""

    sub_event_type: str
    start: int
    end: int


def record_label(text: str) -> RecordLabel | None:
    """The sub-event type an ACLED-style note declares: its opening tag, or its crowd-size tag
    (a demonstration, whose kind :func:`classify_demonstration` reads from the sentences)."""
    m = _LABEL.match(text)
    if m:
        sub = event_lexicon().record_labels.get(m.group(1).strip().lower())
        if sub:
            return RecordLabel(sub, m.start(1), m.end(1))
    size = _SIZE_TAG.search(text)
    if size:
        return RecordLabel(classify_demonstration(text), size.start(), size.end())
    return None


def classify_demonstration(text: str) -> str:
    """Which of ACLED's demonstration types a report of a demonstration (or crowd) tells.

    ACLED's codebook: demonstrators who turn violent (stones, burning tyres, vandalism, fighting)
    make a Violent demonstration even when the police intervene; lethal or serious force on a
    peaceful crowd is Excessive force; dispersal, arrests or minor force, Protest with
    intervention; a violent crowd with no demonstration, Mob violence.
    """
    body = _SIZE_TAG.sub(" ", text)
    cues = [c for c in find_cues(body) if not c.suppressed]
    families = {c.family for c in cues}
    mods = {c.cue.sub_event_type for c in cues if c.family == "protest_mod"}
    # "rioters", "a prison riot": ACLED's words for a violent crowd of either kind, not a sign of a
    # demonstration (rioters who clash with soldiers during a raid are Mob violence)
    demonstration = "protest" in families or bool(_DEMONSTRATION_WORDS.search(body))
    if not demonstration:
        # the crowd-size tag marks a demonstration or a riot: a crowd with no demonstration that
        # does harm is a mob
        violent = families & {"clash", "attack", "looting", "mob", "harm", "protest_mod", "abduction"}
        return "Mob violence" if violent else "Peaceful protest"
    crowd_violence = False
    state_harm = False
    state_arrest = False
    for c in cues:
        if _TOPIC_OF_ACT.search(body[max(0, c.start - 80) : c.start]):
            continue  # "against the stone pelting", "the anniversary of the riot": what it was about
        if c.family == "arrests":
            # only an arrest of the demonstrators by the authorities is an intervention
            told = _CLAUSE_BREAK.split(body[max(0, c.start - 70) : c.start])[-1]
            if _STATE_FORCE.search(told) or re.match(r"[^.;]{0,30}\bby (the )?(\w+ )?(police|security|soldiers|troops|forces|officers|guards|army|military|gendarm)", body[c.end : c.end + 60], re.I):
                state_arrest = True
            continue
        if c.cue.sub_event_type == "Violent demonstration" or c.family == "mob":
            crowd_violence = True
            continue
        if c.family not in _CROWD_VIOLENCE_FAMILIES:
            continue
        clause = _CLAUSE_BREAK.split(body[max(0, c.start - 70) : c.start])[-1]
        if _STATE_FORCE.search(clause) or re.match(r"\s*by (the )?(police|security|soldiers|troops|forces|officers|guards|army|military)", body[c.end : c.end + 40], re.I):
            state_harm = state_harm or c.cue.method in ("small_arms", "execution") or c.cue.name in ("targeted_killing", "killing")
        elif _CROWD.search(clause) and c.text[:1].islower():
            crowd_violence = True  # "villagers beat a woman", "two groups of students clashed"
    if crowd_violence and not demonstration:
        return "Mob violence"
    if "Excessive force against protesters" in mods and not crowd_violence:
        return "Excessive force against protesters"
    if state_harm and harm_at_demonstration(body) and not crowd_violence:
        return "Excessive force against protesters"
    if crowd_violence:
        return "Violent demonstration"
    if "Excessive force against protesters" in mods:
        return "Excessive force against protesters"
    if "Protest with intervention" in mods or state_arrest or state_harm:
        return "Protest with intervention"
    return "Peaceful protest"


def record_classification(text: str, label: RecordLabel) -> Classification:
    """A classification of ``text`` (the record's first sentence) as the labelled type, triggered
    by its own cue of that type when it has one."""
    cues = [c for c in find_cues(text) if not c.suppressed]
    own = [c for c in cues if c.cue.sub_event_type == label.sub_event_type]
    if label.sub_event_type in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters", "Violent demonstration", "Mob violence"):
        own = own or [c for c in cues if c.family in _PROTEST_FAMILIES]
    if own:
        trigger = own[0]
    else:
        start, end = (label.start, label.end) if label.end <= len(text) else (0, 0)
        cue = Cue(name="record_label", family="record", sub_event_type=label.sub_event_type, method=None, weight=1.0, pattern=re.compile("$^"))
        trigger = CueMatch(cue, start, end, text[start:end])
    method = {"Violent demonstration": "melee", "Mob violence": "melee", "Excessive force against protesters": "small_arms"}.get(label.sub_event_type)
    return Classification(EVENT_TYPE_OF[label.sub_event_type], label.sub_event_type, method, trigger, 1.0, {c.family for c in cues})
