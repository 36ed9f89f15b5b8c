"""Claims and accusations: the group that claimed an attack, the side blamed for it, a sentence
saying who carried the strikes out."""

from __future__ import annotations

import re
from typing import Any

from ceasefire.extract.roles.actor import Mention, weakest
from ceasefire.extract.roles.cues import _BLAMING, _FOR_THE_ATTACK, _SPEAKER_AFTER
from ceasefire.extract.roles.mentions import named_mentions
from ceasefire.extract.roles.authors import _AUTHOR_UNKNOWN, _VIOLENT_TYPES


_BLAMING_IN = re.compile(r"\b(?:blam(?:ed|ing|es|e)|accus(?:ed|ing|es|e)|point(?:ed|ing|s)?\s+(?:the|a)\s+finger)\b", re.I)
# "World powers pointed the finger at the government": the one accused is named with no "for the attack"
_FINGER_AT = re.compile(r"\bpoint(?:ed|ing|s)?\s+(?:the|a)\s+finger\s+(?:of\s+blame\s+)?at\s+(?:the\s+)?$", re.I)


# "Daesh claimed responsibility for the blast", "IS said it carried out the bombing", "The
# group said in a message that one of its fighters had blown himself up at a checkpoint"
_CLAIM = re.compile(
    r"\bclaim(?:ed|s|ing)?\s+(?:the\s+)?responsibility\b|\b(?:said|says|announced)\s+(?:on\s+\w+day\s+)?(?:in\s+an?\s+(?:\w+\s+)?(?:statement|message|posting|communiqu\w+)\s+)?(?:that\s+)?(?:it|they|its\s+fighters?|one\s+of\s+its\s+\w+)\s+(?:had\s+)?(?:carried\s+out|was\s+behind|were\s+behind|conducted|launched|fired\s+on|attacked|targeted|struck|detonated|killed|(?:was|were)\s+responsible\s+for|blew\s+(?:himself|herself|themselves)\s+up)\b"
    r"|\bclaimed\s+(?:the|this|that|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's|Sunday's)\s+(?:\w+\s+)?(?:attack|bombing|blast|explosion|strike|assault|killing)s?\b",
    re.I,
)
_NO_CLAIM = re.compile(r"\b(?:no|not|nobody|no\s+one|none|yet\s+to|did\s+not|has\s+not|have\s+not|denied)\b[^.]{0,40}\bclaim|\bclaim\w*[^.]{0,30}\bprevious\b", re.I)
_CLAIMED_TYPES = ("Explosions/Remote violence", "Violence against civilians")


def claimed_responsibility(ctx: Any, events: list[dict[str, Any]]) -> None:
    """A bombing or attack with no named author takes the group that claimed it in the same
    report ("The Daesh group claimed responsibility for the attack"), with certainty ``alleged``
    (a claim, not a finding). "No group has claimed responsibility" lends nobody."""
    claims: list[tuple[int, Mention]] = []
    for sent in getattr(ctx, "sentences", None) or []:
        m = _CLAIM.search(sent.text)
        if not m or _NO_CLAIM.search(sent.text):
            continue
        mentions = [x for x in named_mentions(sent.text, sent.start, getattr(ctx, "country", None), getattr(ctx, "published", None))
                    if x.kind == "armed" and not x.metonym and not x.generic and (x.inter or 0) in (1, 2, 3, 4, 8)]
        before = [x for x in mentions if x.end <= m.start()]
        claimant = before[-1] if before else (mentions[0] if mentions else None)
        if claimant is not None:
            claims.append((sent.index, claimant))
    if not claims:
        claims = _previous_claims(ctx)
        if not claims:
            return
    for ev in events:
        if ev["event_type"] not in _CLAIMED_TYPES:
            continue
        if any(a["role"] == "perpetrator" and "_template" not in a for a in ev["actors"]):
            continue
        here = min(ev.get("_sentences") or [0])
        _index, who = min(claims, key=lambda c: abs(c[0] - here))
        ev["actors"] = [a for a in ev["actors"] if a["name"] != who.name and not (a["role"] == "perpetrator" and "_template" in a)]
        ev["actors"].insert(0, {"name": who.name, "role": "perpetrator", "inter": who.inter, "country": who.country})
        ev["attribution"]["certainty"] = weakest(ev["attribution"].get("certainty"), "alleged")


# "Who left the device is not yet known, but the PKK has claimed past attacks on the base": the
# report names its suspect
_PREVIOUS_CLAIMS = re.compile(r"\b(?:has|have|had)\s+(?:also\s+)?claimed\s+(?:previous|past|earlier|similar|several|other|many|most|a\s+string\s+of|a\s+series\s+of|recent)\s+(?:\w+\s+)?(?:bombings|attacks|blasts|explosions|suicide\s+attacks)\b", re.I)


def _previous_claims(ctx: Any) -> list[tuple[int, Mention]]:
    """The group a report says claimed earlier attacks of the kind in the area, as the suspect of
    an unclaimed one (at best ``alleged``, as any claim)."""
    out: list[tuple[int, Mention]] = []
    for sent in getattr(ctx, "sentences", None) or []:
        m = _PREVIOUS_CLAIMS.search(sent.text)
        if not m:
            continue
        before = [x for x in named_mentions(sent.text, sent.start, getattr(ctx, "country", None), getattr(ctx, "published", None))
                  if x.kind == "armed" and not x.metonym and not x.generic and (x.inter or 0) in (2, 3, 4) and x.end <= m.start()]
        if before:
            out.append((sent.index, before[-1]))
    return out


# "... could not say whether Russian or Syrian jets carried out the raids",
# "all indications show that Syria's government was behind a chemical massacre"
_AUTHORSHIP = re.compile(
    r"\b(?:carried\s+out|were\s+behind|was\s+behind|are\s+behind|is\s+behind|conducted|(?:was|were|is|are)\s+responsible\s+for)\s+"
    r"(?:the|these|those|this|that|a|an|its|their)\s+(?:\w+\s+){0,2}?(?:strikes?|air\s*strikes?|airstrikes?|raids?|attacks?|bombings?|bombardment|shelling|massacre|assault)\b",
    re.I,
)
_PASSIVE_AUTHORSHIP = re.compile(
    r"\b(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:[\w-]+\s+){0,4}?(?:planted|carried\s+out|detonated|placed|launched|fired|conducted|committed|perpetrated|orchestrated)\s+by\s+(?:the\s+)?",
    re.I,
)
_WHETHER = re.compile(r"\b(?:whether|believed|suspected|thought|likely|probably|possibly|indications?)\b", re.I)


def stated_authors(ctx: Any, events: list[dict[str, Any]]) -> None:
    """A sentence that is not itself an incident but says who carried out the report's strikes
    ("The monitor could not say whether Russian or Syrian jets carried out the
    raids") gives that author to the nearest earlier incident of the same kind that has none;
    "whether", "believed" or "indications" make it ``believed``, else ``reported``."""
    told = {i for ev in events for i in ev.get("_sentences") or []}
    stated: list[tuple[int, Mention, str]] = []
    for sent in getattr(ctx, "sentences", None) or []:
        blame = _BLAMING_IN.search(sent.text)
        if blame and not _NO_CLAIM.search(sent.text):
            # "..., blaming the Islamic State group for the attack": an accusation, so ``alleged``
            for x in named_mentions(sent.text, sent.start, getattr(ctx, "country", None), getattr(ctx, "published", None)):
                if (x.kind == "armed" and not x.metonym and not x.generic and (x.inter or 0) in (1, 2, 3, 4, 8)
                        and (_BLAMING.search(sent.text[max(0, x.start - 25) : x.start]) and _FOR_THE_ATTACK.match(sent.text[x.end : x.end + 60])
                             or _FINGER_AT.search(sent.text[max(0, x.start - 40) : x.start]))):
                    stated.append((sent.index, x, "alleged"))
                    break
        passive = _PASSIVE_AUTHORSHIP.search(sent.text)
        if passive and sent.index not in told and not _NO_CLAIM.search(sent.text):
            # "the explosives were thought to have been placed by Ambazonian separatists": the author follows "by"
            by = [x for x in named_mentions(sent.text, sent.start, getattr(ctx, "country", None), getattr(ctx, "published", None))
                  if x.kind == "armed" and not x.metonym and not x.generic and (x.inter or 0) in (1, 2, 3, 4, 8) and 0 <= x.start - passive.end() <= 30]
            if by:
                stated.append((sent.index, by[0], "believed" if _WHETHER.search(sent.text[: passive.end()]) else "reported"))
                continue
        m = _AUTHORSHIP.search(sent.text)
        if not m or sent.index in told or _NO_CLAIM.search(sent.text) or _AUTHOR_UNKNOWN.search(sent.text):
            continue
        mentions = [x for x in named_mentions(sent.text, sent.start, getattr(ctx, "country", None), getattr(ctx, "published", None))
                    if x.kind == "armed" and not x.metonym and not x.generic and (x.inter or 0) in (1, 2, 3, 4, 8)]
        before = [x for x in mentions if x.end <= m.start() and not _SPEAKER_AFTER.match(sent.text[x.end : x.end + 60])]
        if before:
            stated.append((sent.index, before[-1], "believed" if _WHETHER.search(sent.text[: m.start()]) else "reported"))
    for ev in events:
        if ev["event_type"] not in _VIOLENT_TYPES or ev.get("aggregate"):
            continue
        if any(a["role"] == "perpetrator" and "_template" not in a for a in ev["actors"]):
            continue
        told_in = ev.get("_sentences") or [0]
        first, here = min(told_in), max(told_in)
        # the statement follows the incident's first sentence: right after its last one, or among
        # them ("The monitor said the missile hit a school. Among the dead were three children, it
        # said, blaming IS for the attack. The Observatory put the toll at 13.")
        after = [s for s in stated if first < s[0] <= here + 3 or (s[2] == "alleged" and s[0] in told_in)]
        if not after:
            continue
        _index, who, hedge = min(after, key=lambda s: s[0])
        ev["actors"] = [a for a in ev["actors"] if a["name"] != who.name and not (a["role"] == "perpetrator" and "_template" in a)]
        ev["actors"].insert(0, {"name": who.name, "role": "perpetrator", "inter": who.inter, "country": who.country})
        ev["attribution"]["certainty"] = weakest(ev["attribution"].get("certainty"), hedge)
