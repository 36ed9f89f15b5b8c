"""The event lexicon (resources/event_lexicon.yaml): cues of ACLED's sub-event types, loaded once."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from re import _constants as _sre
from re import _parser as _sre_parse

import yaml

from ceasefire.config import resource

LEXICON_FILE = "event_lexicon.yaml"

#: ACLED's event type of each sub-event type (DOMAIN.md section 1), plus the extensions.
EVENT_TYPE_OF = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
    "Aid delivery": "Humanitarian access",
    "Siege": "Humanitarian access",
    "Evacuation": "Humanitarian access",
    "Access denied": "Humanitarian access",
}

#: Sub-event types whose events do harm (they carry a `method`); the rest have method null.
VIOLENT_TYPES = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
)


@dataclass(frozen=True)
class Cue:
    """Words that point to a sub-event type."""

    name: str
    family: str
    sub_event_type: str
    method: str | None
    weight: float
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class EventLexicon:
    version: int
    cues: tuple[Cue, ...]
    not_an_incident_before: re.Pattern[str]
    background: re.Pattern[str]
    record_labels: dict[str, str] = dataclasses.field(default_factory=dict)  # ACLED note tag -> sub-event type


@functools.lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    """The shipped event lexicon, compiled (once per process)."""
    data = yaml.safe_load(resource(LEXICON_FILE).read_text(encoding="utf-8"))
    cues = tuple(
        Cue(
            name=c["name"],
            family=c["family"],
            sub_event_type=c["sub_event_type"],
            method=c.get("method"),
            weight=float(c.get("weight", 1.0)),
            pattern=re.compile(c["pattern"].strip(), re.I),
        )
        for c in data["cues"]
    )
    for c in cues:
        if c.sub_event_type not in EVENT_TYPE_OF:
            raise ValueError(f"{LEXICON_FILE}: cue {c.name!r} names an unknown sub-event type {c.sub_event_type!r}")
    labels = {str(k).lower(): v for k, v in (data.get("record_labels") or {}).items()}
    for tag, sub in labels.items():
        if sub not in EVENT_TYPE_OF:
            raise ValueError(f"{LEXICON_FILE}: record label {tag!r} names an unknown sub-event type {sub!r}")
    return EventLexicon(
        version=int(data["version"]),
        record_labels=labels,
        cues=cues,
        not_an_incident_before=re.compile(data["not_an_incident_before"].strip(), re.I),
        background=re.compile(data["background"].strip(), re.I),
    )


# --------------------------------------------------------------------------- pre-screening
#
# Each cue's pattern is a long case-insensitive alternation, and a regex search tries it at every
# position of every sentence. Most sentences hold none of a cue's words, so each pattern is first
# screened: from its parse tree we derive the few strings of up to six characters that every match
# must begin with ("barrel", "explos" for barrel bombs), and run the pattern only on a sentence that
# contains one of them. The screen is exact (it never skips a sentence the pattern matches): the
# prefixes over-approximate the pattern (assertions and look-arounds are read as matching nothing,
# repeats and alternatives are expanded, anything open such as ``\w`` ends the prefix), and the
# sentence is compared in lower case, which equals ``re.IGNORECASE`` on ASCII letters. Four
# non-ASCII letters match ASCII ones under ``re.IGNORECASE`` (Turkish dotted and dotless i, the long
# s, the Kelvin sign): a sentence holding one is never screened.

PREFIX_LENGTH = 6
_PREFIX_LIMIT = 4000  # prefix strings kept while expanding a pattern; beyond it, no screen
_SMALL_CLASS = 12  # a character class of more characters ends the prefix
_CASE_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
_OPEN = frozenset({("", False)})
_ZERO_WIDTH = frozenset({("", True)})


class _TooMany(Exception):
    pass


def _then(state: set[tuple[str, bool]], alts: set[tuple[str, bool]] | frozenset) -> set[tuple[str, bool]]:
    """Prefixes of ``state`` followed by ``alts``; (prefix, can still grow)."""
    out: set[tuple[str, bool]] = set()
    for p, grows in state:
        if not grows:
            out.add((p, False))
            continue
        for s, complete in alts:
            q = p + s
            out.add((q[:PREFIX_LENGTH], False) if len(q) >= PREFIX_LENGTH else (q, complete))
    if len(out) > _PREFIX_LIMIT:
        raise _TooMany
    return out


def _class_chars(items) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] <= _SMALL_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None  # negation, a category (\w, \s), a wide range
    if len(chars) > _SMALL_CLASS or not all(c.isascii() for c in chars):
        return None
    return {c.lower() for c in chars}


def _sequence(items) -> set[tuple[str, bool]]:
    state: set[tuple[str, bool]] = {("", True)}
    for op, av in items:
        state = _then(state, _item(op, av))
    return state


def _item(op, av) -> set[tuple[str, bool]] | frozenset:
    if op is _sre.LITERAL:
        c = chr(av)
        return {(c.lower(), True)} if c.isascii() else _OPEN
    if op is _sre.IN:
        chars = _class_chars(av)
        return {(c, True) for c in chars} if chars else _OPEN
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return _ZERO_WIDTH
    if op is _sre.SUBPATTERN:
        return _sequence(av[3])
    if op is _sre.ATOMIC_GROUP:
        return _sequence(av)
    if op is _sre.BRANCH:
        out: set[tuple[str, bool]] = set()
        for branch in av[1]:
            out |= _sequence(branch)
        return out
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        once = _sequence(sub)
        out = set(_ZERO_WIDTH) if lo == 0 else set()
        cur: set[tuple[str, bool]] = {("", True)}
        top = min(hi, PREFIX_LENGTH)
        for n in range(1, top + 1):
            cur = _then(cur, once)
            if n >= lo:
                out |= cur
        if lo > top:  # more repeats must follow: what comes after them is unknown
            out |= {(p, False) for p, _ in cur}
        return out
    return _OPEN  # any character, a category, a back-reference, a conditional


def literal_prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings of at most ``PREFIX_LENGTH`` characters, one of which begins every match
    of ``pattern`` (read case-insensitively), or None when the pattern allows no such finite set."""
    try:
        found = _sequence(_sre_parse.parse(pattern.pattern, pattern.flags))
    except (_TooMany, RecursionError):
        return None
    prefixes = frozenset(p for p, _ in found)
    return None if "" in prefixes else prefixes


@dataclass(frozen=True)
class Screen:
    """Who may match in a text: ``full`` prefixes (``PREFIX_LENGTH`` long) are looked up among the
    text's character n-grams, ``short`` ones (whole matches shorter than that) by substring."""

    full: frozenset[str]
    short: tuple[str, ...]

    def admits(self, folded: str, grams: set[str] | frozenset[str]) -> bool:
        return not self.full.isdisjoint(grams) or any(p in folded for p in self.short)


def screen_of(pattern: re.Pattern[str]) -> Screen | None:
    """The screen of a case-insensitive ``pattern``, or None (always run it)."""
    if not pattern.flags & re.IGNORECASE:
        return None
    prefixes = literal_prefixes(pattern)
    if prefixes is None:
        return None
    return Screen(frozenset(p for p in prefixes if len(p) == PREFIX_LENGTH), tuple(sorted(p for p in prefixes if len(p) < PREFIX_LENGTH)))


def folded_grams(text: str) -> tuple[str, frozenset[str]] | None:
    """``text`` in lower case and its ``PREFIX_LENGTH``-character n-grams, or None when the text
    holds a letter that matches an ASCII letter only under ``re.IGNORECASE`` (no screening then)."""
    if not text.isascii() and not _CASE_FOLDS_TO_ASCII.isdisjoint(text):
        return None
    folded = text.lower()
    n = PREFIX_LENGTH
    return folded, frozenset([folded[i : i + n] for i in range(len(folded) - n + 1)])


@functools.lru_cache(maxsize=1)
def cue_screens() -> tuple[tuple[Cue, Screen | None], ...]:
    """Every cue of the shipped lexicon with its screen (computed once per process)."""
    return tuple((cue, screen_of(cue.pattern)) for cue in event_lexicon().cues)


@functools.lru_cache(maxsize=1)
def _screen_index() -> tuple[tuple[Cue, ...], frozenset[int], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """The cues; those never screened; and which cues each full and each short prefix admits."""
    screens = cue_screens()
    always = frozenset(i for i, (_, screen) in enumerate(screens) if screen is None)
    full: dict[str, list[int]] = {}
    short: dict[str, list[int]] = {}
    for i, (_, screen) in enumerate(screens):
        if screen is None:
            continue
        for p in screen.full:
            full.setdefault(p, []).append(i)
        for p in screen.short:
            short.setdefault(p, []).append(i)
    return (tuple(c for c, _ in screens), always, {p: tuple(v) for p, v in full.items()}, {p: tuple(v) for p, v in short.items()})


def cues_for(text: str) -> list[Cue]:
    """The cues of the shipped lexicon, in lexicon order, that can match in ``text`` (every cue
    whose screen admits it): one set intersection per text instead of a test per cue."""
    cues, always, full, short = _screen_index()
    screened = folded_grams(text)
    if screened is None:
        return list(cues)
    folded, grams = screened
    admitted = set(always)
    for gram in grams.intersection(full):
        admitted.update(full[gram])
    for p, ids in short.items():
        if p in folded:
            admitted.update(ids)
    return [cues[i] for i in sorted(admitted)]
