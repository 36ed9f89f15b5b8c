"""One number phrase of a text read as a casualty figure: whether the number counts people, who
(the group, from the words after it), and what befell them (the verb before it or the clause
after it)."""

from __future__ import annotations

import re

from ceasefire.resolve.numbers.figure import CasualtyFigure
from ceasefire.resolve.numbers.patterns import _group_alt, _group_from_modifiers, _patterns
from ceasefire.resolve.numbers.qualifiers import _values
from ceasefire.resolve.numbers.words import _DIGITS, _MONTHS, _SMALL, lexicon

_UNIT_AFTER = re.compile(
    rf"^(?:\s*(?:%|percent|per\s*cent|km|kms|kilomet|metres|meters|miles|mm\b|cm\b|kg|tons|tonnes|hours?|hrs|days?|weeks?|months?|years?|year-old|-year|-day|-hour|am\b|pm\b|a\.m|p\.m|:\d|/\d|\.\d|th\b|st\b|nd\b|rd\b|times|trucks|vehicles|houses|homes|buildings|rockets|shells|missiles|mortars|air\s*strikes|strikes|raids|barrel|villages|towns|districts|provinces|countries|points|rounds|attacks|incidents|kilos|million\s+dollars|dollars|usd|\$)|\s+(?:{_MONTHS})\b)",
    re.I,
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.I)
_CLAUSE_END = re.compile(r"[.;!?](?=\s|$)|\n|\bbut\b|\bwhile\b|\bwhereas\b|\bmeanwhile\b")
_SINGULAR_DETERMINERS = {"a", "an", "the", "his", "her", "a single", "a lone", "one"}
_PLURAL_WITHOUT_S = {"people", "men", "women", "children", "police", "personnel", "taliban", "militia", "youth", "elderly", "idps"}
_ACTIVE_NEXT = re.compile(r"^\s+(?:a|an|the|his|her|their|its|two|three|four|five|six|seven|eight|nine|ten|\d+|at\s+least|dozens|several|many|some|scores|hundreds|tens|one|him|them|it|civilians|people|soldiers|fighters|[A-Z][a-z]+\s+[A-Z])\b")
#: A headline's list of tolls without commas: "13 civilians killed 43 others injured" (not "2 gunmen killed a man").
_TOLL_LIST_NEXT = re.compile(rf"^\s+(?:{_DIGITS}|{_SMALL})\s+(?:(?:others?|more|people|persons|civilians)\s+)?(?:were\s+)?(?:injured|wounded|hurt)\b", re.I)
_FREE_AFTER = re.compile(
    r"^(?:\s*[,.;:()\[\]\-–—&]|\s+(?:and|in|on|at|near|during|while|after|when|with|as|including|of|from|inside|outside|across|today|yesterday|others?|among|amid|following|since|so|the|this|last|more|people|persons|"
    r"for|to|by|who|whose|that|which|belonging|affiliated|working|named|identified|called|aged|within|over|under|along|between|behind|into|off|via|west|east|north|south|"
    r"before|later|earlier|overnight|instantly|immediately|outright|"
    r"injur\w*|wound\w*|kill\w*|maim\w*)\b|\s*$)",  # "kills 30 injures 90": a comma lost before the next verb
    re.I,
)
_OTHER_VERB_BEFORE = re.compile(
    r"\b(?!(?:including|during|following|according|regarding|concerning|bring|bringing|morning|evening|ed|confirmed|reported|indicated|"
    r"estimated|revealed|showed|announced|stated|added|learned|determined|suggested|believed|claimed|noted|said|saying|reporting|"
    r"confirming|indicating|stating|adding|claiming|noting|documented|recorded|counted|verified|alleged|feared|warned)\b)[a-z]{3,}(?:ed|ing)\s*$"
)
_SPEECH = re.compile(r"\b(?:said|says|told|stated|added|announced|claimed|confirmed|reported)\b(?!\s*,)", re.I)  # not ", the army said,"
# lower case only: "IS killed 2 fighters" is the Islamic State, not "is killed"
_PASSIVE_AUX_BEFORE = re.compile(r"\b(?:were|was|been|being|are|is|be|got)\s+(?:(?:\w+ly|all|also|later|reportedly)\s+)?$")


def _may_be_long_toll(window: str) -> bool:
    """False when ``window`` holds neither "toll" nor "number" in any case, so ``_LONG_TOLL``
    cannot match it (a cheap test: that pattern's lazy run is costly on every number's window)."""
    low = window.lower()
    return "toll" in low or "number" in low


_NUMBERED_BEFORE = re.compile(r"(?:\d[/.:-]|[£$€#]|\bNo\.?\s*)$")


def _tail(before: str, reach: int) -> str:
    r"""The end of ``before`` that a pattern anchored at its end (``...\s*$``) can see: the trailing
    space and ``reach`` characters more. ``reach`` exceeds the longest match before the space by at
    least one character, so a word boundary at the match's start reads the same character as in
    the whole text: the search gives the same answer without scanning the whole text before every
    number (it was a fifth of the casualty reader's time on long articles)."""
    return before[-(len(before) - len(before.rstrip()) + reach) :]


#: A toll whose subject runs long before its figure ("The death toll from the government's
#: strikes on the rebel-held town east of the capital has risen to 45 people", "raised the death
#: toll from Monday's shelling near a school in the southern countryside to 19", "the number of
#: people killed by the drone strike on the wedding party has climbed to 14"): read in the clause, up to
#: 220 characters back, when the short window sees no verb. The optional groups never match: they
#: give the match the shape of ``left_active``'s.
_LONG_TOLL = re.compile(
    r"(?P<death>\b(?:death\s+toll|toll\s+of\s+(?:the\s+)?dead|number\s+of\s+(?:[\w-]+\s+){0,3}?(?:killed|dead|deaths|victims|fatalities))\b"
    r"[^.;!?]{0,170}?\b(?<!according\s)(?<!due\s)(?:to|at|reached|hit)\s*)$(?P<injury>x)?(?P<inherit>x)?",
    re.I,
)


def _figure_at(text: str, m: re.Match[str], earlier: list[CasualtyFigure]) -> CasualtyFigure | None:
    p = _patterns()
    num_text = m.group("num")
    num_l = re.sub(r"\s+", " ", num_text.lower())
    after = text[m.end() :]
    before = text[: m.start()]
    if _UNIT_AFTER.match(after) or _MONTH_BEFORE.search(_tail(before, 12)):
        return None
    if num_l in ("many", "numerous", "multiple") and re.search(r"\b(?:how|so|too|that|not|very|as)\s*$", before, re.I):
        return None  # "how many were killed is unknown": a question, not a figure
    if re.match(r"\d", num_text) and _NUMBERED_BEFORE.search(_tail(before, 6)):
        return None
    if re.fullmatch(r"(?:19|20)\d\d", num_text) and not re.match(r"\s+(?:people|persons|civilians|soldiers|fighters|children|women|men)\b", after, re.I):
        return None  # "2017 Death toll ...": a year
    is_determiner = num_l in _SINGULAR_DETERMINERS or num_l in ("both", "another")
    if "ccording to" in before[-80:]:
        aside = _ASIDE_BEFORE.search(before[-120:])
        if aside:
            before = before[: len(before) - len(aside.group("aside"))] + " "  # read as if the source were named elsewhere
    left = p["left_active"].search(before[-80:])
    long_toll = left is None and _may_be_long_toll(before[-220:]) and bool(left := _LONG_TOLL.search(before[-220:]))
    passive_left = bool(not long_toll and left and (left.group("death") or left.group("injury")) and _PASSIVE_AUX_BEFORE.search(before[-80:][: left.start()]))
    if is_determiner and num_l != "one" and re.search(r"\bof\s*$", before[-4:]) and not (left and left.group("death")):
        return None  # "a son of a rebel commander": one person, counted at "a son"
    left_kind = None
    if left:
        left_kind = "killed" if left.group("death") else "injured" if left.group("injury") else "inherit"
        if left_kind in ("killed", "injured") and re.search(r"(?:kill(?:ed|ing)|dead)\s+(?:and|or|and/or)\s+(?:wound|injur)\w*\s*$|(?:wound|injur)\w*\s+(?:and|or)\s+kill\w*\s*$", left.group(0), re.I):
            left_kind = "casualties"
        if left_kind == "killed" and re.match(r"(?:left|leaving)\b", left.group(0).strip(), re.I):
            left_kind = "left"  # "left 5 dead": the outcome comes after the people
    # Pronouns after an active verb: "killing him" is one person.
    right = p["right"].match(after)
    if passive_left and not (right and right.group("ofthem")):
        left = left_kind = None  # "14 people were killed three of them paramedics": a passive verb has no object
    head_group = outcome = cue = None
    cue_in_head = False
    pair = None
    end = m.end()
    if right:
        chain = [re.sub(r"\s+", " ", h.lower()) for h in p["heads"].findall(right.group("head") + right.group("more"))]
        mods = right.group("mods").strip().lower()
        right_end = right.end()
        if (left_kind in ("killed", "injured") and len(chain) > 1 and chain[-1] in ("killed", "wounded", "injured", "hurt")
                and _ACTIVE_NEXT.match(after[right_end:])):
            # "killed 30 people injured 90" (a comma lost): the last verb opens the next clause
            right_end = right.start("more") + [h.start() for h in p["heads"].finditer(right.group("more"))][-1]
            right_end = len(after[:right_end].rstrip())
            chain = chain[:-1]
        heads_more = list(p["heads"].finditer(right.group("more")))
        cut = next((i for i in range(1, len(chain) - 1) if chain[i] in ("killed", "dead") and chain[i + 1] in ("others", "other", "more")), None)
        if cut is not None and len(heads_more) == len(chain) - 1:
            # "Nine civilians killed others injured" (a headline's commas lost): the eight are the dead
            right_end = right.start("more") + heads_more[cut - 1].end()
            chain = chain[: cut + 1]
        head = chain[-1]
        earlier_groups = [p["group_of"][h] for h in chain[:-1] if h in p["group_of"]]
        if right.group("ofthem") and len(chain) == 1 and head in p["cue_nouns"] and head not in p["group_of"] and not mods:
            return None  # "a student who was one of those killed": a member of a toll told elsewhere, not a toll
        if head in p["cue_nouns"] and (head not in p["group_of"] or len(chain) > 1):
            if (head in ("killed", "wounded", "injured", "hurt") and (len(chain) > 1 or mods) and _ACTIVE_NEXT.match(after[right.end() :])
                    and not _TOLL_LIST_NEXT.match(after[right.end() :])):
                return None  # "2 gunmen killed a man": the two did the killing
            outcome, cue, cue_in_head = p["cue_nouns"][head], head, True
            head_group = (earlier_groups[-1] if earlier_groups and earlier_groups[-1] != "total" else None) or _group_from_modifiers(" ".join([mods] + chain[:-1])) or "total"
        else:
            head_group = _group_from_modifiers(" ".join([mods] + chain[:-1]), p["group_of"][head]) or p["group_of"][head]
            if p["cue_nouns"].get(head) == "killed":
                outcome, cue, cue_in_head = "killed", head, True  # "12 bodies", "the dead"
            elif head in ("victims", "victim") and re.search(r"\bmassacre", mods):
                outcome, cue, cue_in_head = "killed", "massacre victims", True
        if is_determiner and num_l != "both" and not right.group("ofthem"):
            last = head.split()[-1]
            plural = (last.endswith("s") and not last.endswith("ss")) or last in _PLURAL_WITHOUT_S
            if num_l in ("a", "an", "a single", "a lone", "one") and plural and head not in ("police", "taliban"):
                return None
            if plural and num_l in ("the", "his", "her", "him"):
                return None
        end = m.end() + right_end
        pair = None
        if num_l in ("a", "an", "one") and not right.group("ofthem") and left_kind != "inherit":  # "11 people including a woman and child": a share
            # "A woman and child were killed", "a soldier and a policeman were wounded": two people
            pair = re.match(rf"\s+and\s+(?:(?:a|an|one|her|his|their)\s+)?(?P<h2>{_group_alt()})\b(?=\s+(?:were|have\s+been|had\s+been|are|died)\b)", after[right_end:], re.I)
            h2 = pair.group("h2").lower() if pair else ""
            if pair and (head not in p["group_of"] or h2.endswith("s") or h2 in _PLURAL_WITHOUT_S):
                pair = None  # "a woman and her children", "a man and his sons": not two
            if pair:
                if p["group_of"].get(pair.group("h2").lower()) != head_group:
                    head_group = "total"
                end += pair.end()
    elif is_determiner or num_l == "him":
        # "killing both of them", "killing him": people the verb names without a noun
        if num_l in ("one", "another") and left_kind in ("killed", "injured") and _FREE_AFTER.match(after):
            head_group, end = "total", m.end()  # "wounding seven villagers and killing one"
        elif num_l in ("both", "him", "her") and left_kind in ("killed", "injured"):
            tail = re.match(r"\s+of\s+them\b", after)
            head_group, end = "total", m.end() + (tail.end() if tail else 0)
        elif (num_l in ("a", "an", "one", "another", "the") and left_kind in ("killed", "injured") and not re.match(r"\s+(?:\w+\s+)?famil(?:y|ies)\b", after, re.I)
              and not (num_l == "the" and (long_toll or re.match(r"\s+(?:north|south|east|west|centre|center|outskirts|area|city|town|village|region)\b", after, re.I)))
              and not re.match(rf"\s+(?:{_DIGITS}|{_SMALL}|several|dozens|hundreds|scores|many|some|rest|remaining|majority|bulk|others?)\b", after, re.I)):
            # "killed a shopkeeper", "shot and killed a regime 25th Division member", "killed the
            # traditional ruler", "the body of a QDW official was found": one person, whatever the noun
            noun = None
            for n_words in (1, 2, 3, 4, 5):
                cand = re.match(rf"(?:\s+(?!(?:number|lot|few|total|series|wave|day|week|month|year|time|car|vehicle|house|home|building|truck|in|on|at|and|of|by|with|from|to|the|a|an|"
                                rf"attack|strike|shelling|bombing|raid|blast|explosion|clash|clashes|fighting|assault|massacre|bombardment|fire|offensive|operation|"
                                rf"reached|rose|risen|stood|stands|was|were|is|are|has|have|had)\b)"
                                rf"(?:[a-z][\w'-]*|[A-Z][\w'-]*|\d+(?:st|nd|rd|th))){{{n_words}}}", after)
                head_word = cand.group(0).split()[-1] if cand else ""
                if not head_word[:1].islower() or re.search(r"(?:ed|ing)$", head_word):
                    continue  # the person's noun ends the phrase: "a regime 25th Division member", not "Killed, One Detained"
                if cand and (_FREE_AFTER.match(after[cand.end() :]) or re.match(r"\s+(?:was|has\s+been)\s+(?:found|discovered|recovered|dumped|left)\b", after[cand.end() :])):
                    noun = cand
                    break
            if noun is None:
                return None
            head_group, end = "total", m.end() + noun.end()
        elif num_l in ("a", "an", "another", "the") and left_kind is None:
            # "a drug suspect was killed", "a man's body was found", "a clerk of a district court was
            # killed", "the president of a traders' union was shot dead": one person, whatever the noun
            noun = re.match(r"((?:\s+(?!(?:number|lot|few|total|series|wave|day|week|month|year|time|car|vehicle|house|home|building|truck|family|group|convoy|patrol|checkpoint|bomb|mine|shell|rocket|strike|attack|clash|raid|explosion|blast|fire|toll|death|deaths|two|three|four|five|rest|other|others|latter|former|first|second|same|victims?|dead|in|on|at|near|after|before|when|while|as|during|following|over|for|with|by|from|to|against|that|which|who|and|or|but|protest|protests|demonstration|rally)\b)[A-Za-z][\w'-]*){1,6}?)(?=['’]s\s+(?:body|corpse|remains)\s+(?:was|were|has\s+been)\s+(?:found|discovered|recovered)|\s+(?:was|has\s+been)\s+(?:\w+ly\s+|confirmed\s+|reported\s+|also\s+|later\s+)?(?:killed|shot\s+dead|shot\s+and\s+killed|shot\s+to\s+death|stabbed\s+to\s+death|beaten\s+to\s+death|found\s+dead|murdered|executed|assassinated|slain|wounded|injured)\b|\s+died\b)", after)
            if noun is None:
                return None
            head_group, end = "total", m.end() + noun.end()
            body = re.match(r"['’]s\s+(?:body|corpse|remains)\s+(?:was|were|has\s+been)\s+(?:found|discovered|recovered)", after[noun.end() :])
            if body:
                outcome, cue, cue_in_head = "killed", "body found", True
                end += body.end()
        else:
            return None
    if (num_l in ("the", "his", "her", "him") and left_kind not in ("killed", "injured") and not (left_kind == "inherit" and num_l in ("his", "her"))
            and not (num_l == "the" and right is None and head_group == "total")):  # "the president of ... was shot dead"
        return None
    if right is None and head_group is None and left_kind not in ("killed", "injured", "casualties"):
        # a bare number: only "12 were killed" / "2 killed" / "5 dead" shapes
        bare = re.match(r"^\s+(?:(?:were|have\s+been|had\s+been|are)\s+)?(?:(?:\w+ly|also|later)\s+)?(killed|dead|died|wounded|injured|hurt|lost\s+their\s+lives|perished)\b", after, re.I)
        if not bare:
            # "Two Russian airmen were killed": people the lexicon does not name, then a passive death
            bare = re.match(r"^((?:\s+(?!(?:were|was|have|had|are|and|or|of|in|on|at|the|a|an)\b)[A-Za-z][\w'-]*){1,3}?)\s+(?:were|have\s+been|had\s+been)\s+(?:\w+ly\s+|also\s+)?(killed|shot\s+dead|wounded|injured|executed|found\s+dead)\b", after)
            if not bare or re.search(r"\b(?:vehicles?|cars?|houses?|homes?|buildings?|tanks?|trucks?|shells?|rockets?|missiles?|drones?|positions?|posts?|checkpoints?|villages?|towns?|times?|days?|hours?|km|metres|meters)\b", bare.group(1), re.I):
                return None
            bare_word = bare.group(2).lower()
            outcome = "injured" if bare_word in ("wounded", "injured") else "killed"
            head_group, cue, end = "total", bare_word, m.end() + bare.end()
    if right is None and head_group is None and left_kind not in ("killed", "injured", "casualties"):
        if not bare:
            return None
        outcome = "killed" if bare.group(1).lower() in ("killed", "dead", "died", "perished") or bare.group(1).lower().startswith("lost") else "injured"
        cue = bare.group(1).lower()
        head_group = "total"
        end = m.end() + bare.end()
    # outcome from the rest of the clause (passive: "were killed", "died")
    rest_start = end
    clause = _clause(text, rest_start)
    if outcome in (None, "casualties"):
        passive = _first_passive(clause)
        said = clause[: clause.find(passive[1]) if passive and passive[1] in clause else 0]
        if passive and is_determiner and _SPEECH.search(said) and not _CONFIRMED_PASSIVE.fullmatch(said):
            passive = None  # "A rescue volunteer said at least 27 people were killed": the speaker was not
        if passive:
            kind, word, pend = passive
            if outcome == "casualties":
                if kind == "killed":
                    outcome, cue = "killed", word
            elif not (left_kind in ("killed", "injured", "casualties") and right is not None):
                outcome, cue = kind, word
                if pend <= 40 and not re.search(r"[^\s]", clause[: clause.find(word) if word in clause else 0].replace("were", "").replace("was", "").replace("have been", "").replace("had been", "")):
                    end = max(end, rest_start + pend)  # "at least five people were killed" is one span
    if left_kind is None and outcome is not None and not cue_in_head and _OTHER_VERB_BEFORE.search(before[-40:]):
        return None  # "arrested 15 people and 2 were killed": the fifteen are the arrest's object
    if left_kind in ("killed", "injured", "casualties") and outcome is None:
        # a toll's figure needs no noun, and a headline's ("Death Toll ... Rises to 70") may run into what follows it
        run_on = bool(re.search(r"\btoll\b", left.group(0), re.I) and re.match(r"\s+[A-Z]", text[end:]))
        found = re.match(r"\s+(?:was|has\s+been)\s+(?:found|discovered|recovered|dumped|left)\b", text[end:])  # "the body of a QDW official was found"
        if right is None and not long_toll and not run_on and not found and not _FREE_AFTER.match(text[end:]):
            noun = re.match(r"\s+[a-z][\w'-]*(?=\s+(?:and|in|on|at|near|from|during|with|while|after|who|as)\b|\s*[,.;)])", text[end:])
            if not noun or re.match(r"\s+(?:km|kilomet|metres|meters|miles|hours?|days?|weeks?|months?|years?|times|percent|vehicles?|houses?|cars?|trucks?|tanks?|shells?|rockets?)\b", noun.group(0)):
                return None
            end += noun.end()  # "killing 1 pastoralist and wounding another"
        outcome, cue = left_kind, left.group(0).strip()
        head_group = head_group or "total"
    elif left_kind == "inherit" and outcome is None:
        prev = [f for f in earlier if f.end <= m.start() and m.start() - f.end < 160 and f.outcome in ("killed", "injured")]
        if prev and head_group:
            outcome, cue = prev[-1].outcome, "including"
            if left.group("inherit").lower() == "and" and not re.search(r"\b(?:killing|killed|wounding|injuring|wounded|injured)\b[^.;]*$", before[-120:], re.I):
                outcome = None
            elif left.group("inherit").lower() == "and" and _OWN_FATE_AFTER.match(text[end:]):
                outcome = None  # "wounded three civilians, and two fighters were detained": a fate of their own
    if head_group is None and outcome is not None and left_kind in ("killed", "injured", "casualties"):
        head_group = "total"  # "the death toll has risen to 14, with women among the dead": the toll's own figure
    if outcome is None or head_group is None:
        return None
    if left_kind == "casualties" and outcome in ("killed", "injured") and cue == left.group(0).strip():
        outcome = "casualties"
    start = m.start()
    if left_kind in ("killed", "injured", "casualties") and cue and left and cue == left.group(0).strip():
        pass  # the verb stays outside the span: the span is the figure itself
    best, low, high, qualifier, derived, base = _values(m)
    if right is not None and pair is not None and best == 1:
        best = low = high = 2
    if best is None and high is None:
        return None
    party = None
    if right is not None and (not cue_in_head or any(h in p["group_of"] for h in p["heads"].findall((right.group("head") + right.group("more")).lower())[:-1])):
        words = (right.group("mods") + " " + right.group("head") + right.group("more")).lower().split()
        party = " ".join(re.sub(r"(?:e?s|['’]s?)$", "", w) for w in words
                         if w not in ("and", "or", "and/or", "other", "others", "more", "further", "additional") and w not in p["cue_nouns"])
    vague = num_l in p["vague"] and not m.group("qual")
    share = left_kind == "inherit" and bool(_SHARE_WORD.match(left.group("inherit")))
    return CasualtyFigure(start, end, text[start:end], outcome, head_group, best, low, high, qualifier, derived, None, base,
                          party=party, vague=vague, cue=cue, share=share)


#: A source named between the verb and its count ("killing, according to the latest toll, 44
#: civilians"): the count is the verb's object all the same.
_ASIDE_BEFORE = re.compile(r"\b(?:killing|killed|kills|leaving|left)(?P<aside>\s*,?\s+according\s+to\s+(?:[A-Za-z][\w'’-]*,?\s+){1,6}?)$", re.I)

#: "a commander was confirmed killed": the confirmation is the passive's own, nobody speaks.
_CONFIRMED_PASSIVE = re.compile(r"\s*(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:(?:also|later|now|since)\s+)?confirmed\s+", re.I)

#: Words that introduce people already counted in the figure before them.
_SHARE_WORD = re.compile(r"including|among|amongst|of\s+(?:whom|them)", re.I)


#: A predicate of its own right after a figure joined by "and" to a toll: those people were not hurt.
_OWN_FATE_AFTER = re.compile(
    r"\s+(?:(?:were|was|have\s+been|had\s+been|are)\s+(?:later\s+)?)?(?:detained|arrested|captured|abducted|kidnapped|taken|released|freed|rescued|"
    r"evacuated|unharmed|unhurt|missing)\b", re.I)



def _clause(text: str, start: int) -> str:
    window = text[start : start + 220]
    m = _CLAUSE_END.search(window)
    return window[: m.start()] if m else window


def _first_passive(clause: str) -> tuple[str, str, int] | None:
    """The outcome a clause gives its subject: ("killed"|"injured", word, end) or None.

    The first verb of the clause must be the cue: in "5 people were arrested and 2 killed" the
    five were arrested, not killed.
    """
    p = _patterns()
    pm = p["passive"].search(clause)
    am = p["aux_only"].search(clause)
    if pm is None:
        return None
    if am is not None and am.start() < pm.start():
        return None
    # "killed" right after the people but followed by an object is active: "2 gunmen killed a man"
    if not pm.group("aux"):
        word = (pm.group("death") or pm.group("injury") or "").lower()
        if word and word.split()[-1] in ("killed", "wounded", "injured", "executed", "murdered", "massacred", "hurt", "dead", "down") and _ACTIVE_NEXT.match(clause[pm.end() :]):
            return None
        if re.search(r"\b(?:who|which|that)\s+$", clause[: pm.start()], re.I):
            return None
    if pm.group("aux") and re.fullmatch(r"(?:have|has|had)", pm.group("aux").lower()) and not re.search(r"\bbeen\b", pm.group(0), re.I) and (pm.group("death") or pm.group("injury") or "").lower() in _ACTIVE_WORDS:
        return None  # "a jihadist group has publicly executed nine men": the group did it, nobody was done to
    if pm.group("body"):
        return ("killed", "body found", pm.end())
    if pm.group("harm"):
        return None  # "were harmed" says nothing of death or wounds; only "no one was harmed" counts
    if pm.group("death"):
        return ("killed", pm.group("death"), pm.end())
    return ("injured", pm.group("injury"), pm.end())


#: Transitive verbs of death and injury: after a bare "has"/"have" they are active ("has killed").
_ACTIVE_WORDS = {re.sub(r"\s+", " ", w.lower()) for w in lexicon()["death_active"] + lexicon()["injury_active"]}
