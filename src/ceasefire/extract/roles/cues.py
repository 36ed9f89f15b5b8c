"""The words around a mention that tell its part in the act: the side hit ("were killed",
"killing 12 rebels"), the area's holder ("rebel-held"), a speaker ("X said"), an ally ("backed by X"),
the agent of a passive ("shot by X")."""

from __future__ import annotations

import re
from dataclasses import replace

from ceasefire.extract.roles.actor import Mention


_TARGET_BEFORE = re.compile(
    r"\b(on|onto|against|targeting|targetting|targeted|targetted|at|toward|towards|into|positions of|position of|hit|struck|pounded|shelled|bombed|attacked|killing|killed|wounding|injuring|of)\s+(the\s+|an?\s+)?([\w-]+\s+)?$",
    re.I,
)
# "rebel-held districts", "rebel held areas", "an IS stronghold" (not "Olive Branch forces controlled the village": a verb)
_HELD = re.compile(
    r"^(?:\s*-\s*(held|controlled|besieged|run|dominated)\b|\s+(?:strongholds?|bastions?|heartland)\b|\s+(held|controlled|besieged|run|dominated)\s+"
    r"(?:areas?|districts?|towns?|cit(?:y|ies)|neighbou?rhoods?|villages?|territor(?:y|ies)|parts?|regions?|enclaves?|pockets?|countryside|provinces?|suburbs?|east|west|north|south|\w+ern)\b"
    # "buses moving from rebel into government territory", "rebel and regime areas": one of two sides' areas
    r"|\s+(?:into|to|and|or)\s+(?:the\s+)?[\w-]+(?:\s+held|-held|\s+controlled|-controlled)?\s+(?:areas?|territor(?:y|ies)|lines|zones?|sides?)\b)",
    re.I,
)
_SPEAKER_AFTER = re.compile(
    # "X said", "X forces on Sunday claimed", "the rebel Syrian National Coalition said", "Syrian opposition: 1,300 killed"
    r"^(?:\s*:|[\s,]*(?:(?:\w+\s+){0,2}|(?:\w+\s+)?on\s+\w+day\s+|(?-i:(?:[A-Z][\w'’-]*\s+){1,4}))"
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )(?<!\bbe )"  # "an airstrike was reported" is no speaker
    r"(said|says|say|told|stated|announced|cited|reported|reports|claimed(?!\s+to\s+have\b)|claims(?!\s+to\s+have\b)|accused|accuses|accusing|blames|blaming|blamed(?!\s+(?:for|on)\b)|denied|denies|warned|added|confirmed|according|believe|believes|suspect|suspects)\b)",
    re.I,
)
_BETWEEN = re.compile(r"\bbetween\b", re.I)
# "Assad's air force", "Assads forces": a person's forces are the side
_PERSONS_FORCES = re.compile(
    r"^(?:['’]?s)?\s+(?:[\w-]+\s+)?(?:forces|troops|army|air\s*force|regime|jets|warplanes|aircraft|helicopters|soldiers|militias?|government|loyalists|men|fighters)\b",
    re.I,
)
# "backed by X", "supported by Russian air cover", "accompanied by Coalition airstrikes", "with the support of X"
_SUPPORT_BEFORE = re.compile(
    r"(\b(backed|supported|assisted|aided|accompanied|covered|reinforced|helped|joined)\s+by|\b(with|under)\s+(the\s+)?((air|aerial|artillery|fire|logistical|military)\s+)?(support|cover|backing|help|assistance|protection)\s+(of|from|by)|\b(under|with)\s+(an?\s+)?((air|aerial|artillery)\s+)?(bombardment|bombing|strikes?|airstrikes?)\s+cover\s+(of|from|by))\s+(the\s+|their\s+|its\s+|heavy\s+)?([\w'’-]+\s+){0,3}$",
    re.I,
)
_BACKED_AFTER = re.compile(r"^[\s-]*(backed|supported|sponsored|trained)\b(?!\s+by\b)", re.I)  # "Turkish-backed", not "X backed by Y"
# "30 government fighters were killed", "IS fighters died": the side that was hit (not "IS killed a soldier")
_PERSON_HEADS = (r"(?:fighters|members|militant|jihadist|rebel|armed|group|groups|factions?|movement|brigades?|organi[sz]ation|terrorists|bombers|extremists|mercenaries|insurgents|jihadis|soldiers|troops|militants|personnel|commanders?|officers?|elements|men|recruits|gunmen|loyalists|jihadists|rebels|forces|guards|police(?:men)?|militiamen|supporters|leaders?|operatives|cadres|conscripts|snipers?|\d+|and|of|the|its|their|a|an|one|two|three|several|dozens|"
    r"foreign|senior|top|local|other|from|unknown|unidentified|"
    # one of them, or a vehicle or aircraft of the side ("a QSD fighter was shot", "a Russian military helicopter that was shot down")
    r"fighter|member|soldier|militiaman|guard|vehicles?|patrols?|convoys?|helicopters?|choppers?|planes?|warplanes?|jets?|aircraft|drones?|that|which|who)")
_PASSIVE_HARM = re.compile(
    rf"^(?:['’]s?)?(?:\s+{_PERSON_HEADS}){{0,5}}?,?\s+"
    r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|got|being)\s+(?:(?!to\b|have\b|had\b)\w+\s+){0,3}?"  # "were taken away and executed"
    r"(?:killed|wounded|injured|shot|executed|slain|abducted|kidnapped|captured|detained|arrested|apprehended|targeted|attacked|ambushed|hit|struck|assassinated|murdered|stabbed|beheaded|slaughtered|found\s+dead)"
    r"|(?:(?:also|later|reportedly|allegedly|subsequently)\s+)?(?:died|perished)|lost\s+their\s+lives|were\s+among\s+the\s+dead|(?:(?:were|are|was|is|lay|left)\s+)?dead\b(?!\s+(?:of|bodies)\b)"
    r"|shot\s+down(?=\s+(?:in|over|near|by|on|at)\b)"  # a headline's "Russian Military Chopper Shot down in Syria"
    r"|(?:killed|wounded|injured)(?=\s*(?:[,.;:]|$|in\b|by\b|when\b|as\b|during\b|after\b|and\s+\w+\s+(?:wounded|injured)|while\b|on\b|at\b(?!\s+least)|near\b|overnight\b|today\b|yesterday\b)))\b",
    re.I,
)
# "shells fell on a district controlled by the Islamic State group": who holds the area hit, not who struck
_HELD_BY = re.compile(
    r"\b(?:controlled|held|besieged|run|occupied|captured|seized|surrounded|encircled|dominated|ruled)\s+by\s+(?:the\s+)?(?:(?!(?:an?|from|in|on|at|near|and|with|after|since|against)\s)[\w'’-]+\s+){0,3}?$"  # "held by the Kurdish-led SDF" (not "drones controlled by an unidentified group")
    # "a roadblock manned by a unit of FSA fighters": who held the post hit (not "drones operated by X")
    r"|\b(?:manned|guarded|staffed)\s+by\s+(?:the\s+|an?\s+)?(?:(?:group|unit|team|members?|fighters?)\s+of\s+(?:the\s+)?)?$"
    r"|\b(?:strongholds?|bastions?|heartland|(?:de\s+facto\s+)?capital)\s+of\s+(?:the\s+)?$",  # "a stronghold of the Islamic State group"
    re.I,
)


def is_victim(text: str, mention_end: int) -> bool:
    """The actor that ends at ``mention_end`` is the side harmed ("HTS fighters were killed",
    "two soldiers killed in an ambush", "29 rebels dead in fighting"), not the one that harmed
    ("IS militants killed a soldier")."""
    return bool(_PASSIVE_HARM.match(text[mention_end : mention_end + 60]))


# "..., killing 12 rebels", "killed at least 30 regime soldiers", "wounding two QSD members": the
# object of the harm verb (a count or an article between) is the side hit, whatever its place
# ("... resulting in the wounding of one QSD member", "which resulted in killing 5 soldiers" sum up
# a clash's losses and say nothing of who attacked)
_HARM_OBJECT_BEFORE = re.compile(
    r"(?<!resulted in )(?<!resulting in )(?<!led to )(?<!leading to )(?<!result in )"
    r"\b(?:killing|killed|kills|kill|wounding|wounded|injuring|injured|executing|executed|capturing|captured|abducting|abducted|kidnapping|kidnapped|"
    r"ambushing|ambushed|targeting|targeted|hitting|shot\s+down|arrested|arresting|detained|detaining|apprehended|shooting\s+down|downed|downing|intercepted|intercepting|"
    r"assassinating|assassinated|(?:an?\s+|the\s+)?bod(?:y|ies)\s+of|(?:the\s+)?(?:death|killing|assassination)\s+of)\s+"
    r"(?:(?:at\s+least|more\s+than|over|about|around|nearly|some|up\s+to|dozens\s+of|scores\s+of|tens\s+of|hundreds\s+of|several|many|a\s+number\s+of|an?|the|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|senior|top|leading|prominent|local|former|high-ranking|field|military|alleged|suspected|presumed|(?:members?|fighters?|militants?|terrorists?|jihadists?|extremists?|elements|commanders?|leaders?|operatives?)\s+(?:of|from))\s+){0,4}(?:[\w-]+-(?:linked|backed|affiliated|allied|aligned|led|supported)\s+)?(?-i:[A-Z][\w-]+\s+)?(?:[\w-]+-(?:linked|backed|affiliated|allied|aligned|led|supported)\s+)?$",
    re.I,
)
_JOINED_VICTIM = re.compile(r"^\s*(?:,|,?\s*and|,?\s*as\s+well\s+as|,?\s*along\s+with)\s+(?:(?:\d[\d,]*|an?|the|one|two|three|four|five|six|seven|eight|nine|ten|other)\s+){0,2}$", re.I)


def harmed_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions ``is_harmed`` finds, and those joined to one of them ("the killing of 7
    regime and pro-regime militias and 2 rebel fighters": all three sides were hit)."""
    out: list[Mention] = []
    prev = None
    ordered = sorted(mentions, key=lambda m: m.start)
    for m in ordered:
        if is_harmed(text, m.start, m.end) or (prev is not None and prev in out and _JOINED_VICTIM.match(text[prev.end : m.start])):
            out.append(m)
        prev = m
    # "35 jihadists from the Islamic State group were killed": the fighters of a side hit were hit too
    for m, n in zip(ordered, ordered[1:]):
        if n in out and m not in out and re.fullmatch(r"\s+(?:from|of|belonging\s+to)\s+(?:the\s+)?", text[m.end : n.start], re.I):
            out.append(m)
    return out


def told_between(text: str) -> bool:
    """The sentence names a battle's sides as "between X and Y" (ACLED's order applies)."""
    return bool(_BETWEEN.search(text))


def is_harmed(text: str, start: int, end: int) -> bool:
    """The actor at ``start:end`` is the side harmed: a passive victim ("rebels were killed") or the
    object of a harm verb ("clashes erupted, killing 12 rebels")."""
    return is_victim(text, end) or bool(_HARM_OBJECT_BEFORE.search(text[max(0, start - 60) : start])) or bool(_SHARE_OF_HARMED.search(text[max(0, start - 90) : start]))


# "15 people died including five policemen", "were killed, among them two soldiers": a share of
# the dead or wounded, not the side that killed them
_SHARE_OF_HARMED = re.compile(
    r"\b(?:died|killed|dead|wounded|injured|victims|casualties|toll)\b[^.;]{0,50}?\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+"
    r"(?:(?:at\s+least|an?|the|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|[a-z]+teen|twenty)\s+){0,3}$",
    re.I,
)


# "killed in heavy Russian and Syrian strikes", "died in regime shelling": the actor's own words
# name the attack, so it is its author wherever it stands
_NAMES_ITS_WEAPON = re.compile(
    r"(?:air\s*strikes?|airstrikes?|air\s+raids?|strikes?|raids?|shelling|bombardments?|bombing|barrel\s+bombs|warplanes|jets|aircraft|planes|bombers|"
    r"helicopters|gunships|artillery|rockets?|missiles?|shells|mortars?|drones?)(?:['’]s?)?$",
    re.I,
)


def names_its_weapon(m: Mention) -> bool:
    """The mention is an attack named after its author ("Russian airstrikes", "regime shelling")."""
    return bool(_NAMES_ITS_WEAPON.search(m.text))


# "unknown gunmen believed to be IS members", "unidentified assailants suspected of belonging to HTS",
# "unknown militants (likely Taliban fighters)"
_SUSPECTED_AS = re.compile(
    r"^\s*[,(]?\s*(?:\w+\s+){0,4}?(?:who\s+(?:are|were|was|is)\s+)?(?:(?:believed|suspected|thought|presumed|said|reported|understood)\s+to\s+(?:be|have\s+been)|"
    r"(?:suspected|believed)\s+of\s+(?:being|belonging\s+to)|likely|probably|allegedly|reportedly|presumably)\s+(?:an?\s+|the\s+)?(?:members?\s+of\s+|fighters?\s+of\s+|from\s+|affiliated\s+with\s+|linked\s+to\s+)?(?:the\s+)?$",
    re.I,
)


def suspected_authors(text: str, mentions: list[Mention]) -> list[Mention]:
    """Generic unknown actors the text identifies as suspected members of a named group take that
    group's name (ACLED codes the suspected group: "unknown gunmen believed to be IS members" is
    Islamic State): the named mention moves into the generic's place, the generic is dropped."""
    out = list(mentions)
    for g in mentions:
        if not g.generic or not (g.template or "").startswith("Unidentified"):
            continue
        for n in mentions:
            if n.generic or n.kind != "armed" or n.metonym or n.start < g.end or n.start - g.end > 70:
                continue
            if _SUSPECTED_AS.match(text[g.end : n.start]):
                out = [m for m in out if m is not g and m is not n]
                out.append(replace(n, start=g.start, end=g.end))
                break
    return sorted(out, key=lambda m: m.start)


# "US Coalition in support of Syrian Democratic Forces carried out airstrikes": the one named first backs the other
_IN_SUPPORT_AFTER = re.compile(r"^(?:['’]s?)?(?:\s+[\w-]+){0,2}?\s+in\s+support\s+of\s+(?:the\s+)?[A-Z]")


def _is_supporter(text: str, m: Mention) -> bool:
    before = text[max(0, m.start - 60) : m.start]
    return bool(_SUPPORT_BEFORE.search(before) or _UNDER_UMBRELLA.search(before) or _BACKED_AFTER.match(text[m.end : m.end + 24])
                or _IN_SUPPORT_AFTER.match(text[m.end : m.end + 50]))
# "two guards were shot dead by Islamic State fighters", "found killed by shooting by unknown
# gunmen": the agent of the harm is the side that struck (actor 1). Not "an attack by X": ACLED keeps
# its order of the sides there ("regime forces clashed with IS following an attack by IS")
_AGENT_BEFORE = re.compile(
    r"\b(?:(?:shot|killed|attacked|targeted|targetted|ambushed|assassinated|wounded|injured|stormed|raided|shelled|hit|struck|abducted|kidnapped|"
    r"shooting|gunfire|sniper\s+fire)"
    r"(?:\s+and\s+(?:killed|wounded|injured))?\s+(?:\w+\s+)?by"
    r"|under\s+(?:an?\s+)?(?:attack|fire)\s+(?:by|from))\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",  # "came under attack from X": X struck
    re.I,
)


_UNDER_UMBRELLA = re.compile(r"\b(?:operat(?:ing|e|es)|fight(?:ing|s)?|active)\s+(?:under|within|as\s+part\s+of)\s+(?:the\s+)?(?:banner\s+of\s+|umbrella\s+of\s+)?(?:the\s+)?$", re.I)


# "... it said, blaming the Islamic State group for the attack": the one blamed is the author
_BLAMING = re.compile(r"\b(?:blam(?:ed|ing|es|e)|accus(?:ed|ing|es|e))\s+(?:the\s+)?$", re.I)
_FOR_THE_ATTACK = re.compile(
    r"^(?:['’]s?)?(?:\s+(?:group|militants|fighters|forces|jihadists|terrorists|regime|government))?\s+(?:for|of)\s+(?:(?:carrying\s+out|launching|conducting|using|committing)\s+)?(?:the|this|that|these|those|its|their|an?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|air\s*strikes?|airstrikes?|raids?|bombings?|shelling|massacre|blasts?|explosions?|killings?|bombardment)\b",
    re.I,
)
