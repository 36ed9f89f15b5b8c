"""Finding figures of dead and wounded in a text: every number phrase read (``phrase``), the
people killed by name or with a named one (``people``), statements that nobody was hurt
(``denials``), then what the figures of a text tell together: figures listed jointly, the sentence
of each, its tally phrase, and a part of a toll told with "with"."""

from __future__ import annotations

import re

from ceasefire.resolve.numbers.aggregates import _aggregate_in
from ceasefire.resolve.numbers.denials import _zero_figures
from ceasefire.resolve.numbers.figure import CasualtyFigure
from ceasefire.resolve.numbers.patterns import _patterns
from ceasefire.resolve.numbers.people import _named_victims, _with_companions
from ceasefire.resolve.numbers.phrase import _figure_at

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(\[])|\n+")
_ADDITIVE = re.compile(r"\b(?:also|another|additional|further|separately|in\s+addition|a\s+(?:second|third|fourth|fifth|sixth))\b", re.I)
_SIZE_TAG = re.compile(r"\[size=[^\]]*\]|\((?:[^()]{0,40}\b)?(?:banned|outlawed|prohibited|proscribed)\b[^()]{0,60}\)", re.I)  # a forum's size tag; "Daesh (a terrorist group banned in Russia) militants"



def find_casualties(text: str, offset: int = 0) -> list[CasualtyFigure]:
    """Every figure of people killed or injured in ``text``, in order of appearance.

    Offsets are character offsets into ``text`` plus ``offset``.  A sentence's tally phrase
    ("in nine days of bombing", "since July", "so far this year") marks each figure of that
    sentence as an ``aggregate``.
    """
    p = _patterns()
    masked = _SIZE_TAG.sub(lambda m: " " * len(m.group(0)), text)
    figures: list[CasualtyFigure] = []
    taken: list[tuple[int, int]] = []
    for m in p["quantity"].finditer(masked):
        fig = _figure_at(masked, m, figures)
        if fig is None:
            continue
        if any(s < fig.end and fig.start < e for s, e in taken):
            continue
        figures.append(fig)
        taken.append((fig.start, fig.end))
    for fig in _named_victims(masked):
        if not any(s < fig.end and fig.start < e for s, e in taken):
            figures.append(fig)
            taken.append((fig.start, fig.end))
    figures = _with_companions(masked, figures, p)
    taken = [(f.start, f.end) for f in figures]
    zeros = [z for z in _zero_figures(masked) if not any(s < z.end and z.start < e for s, e in taken)]
    figures.extend(zeros)
    figures.sort(key=lambda f: (f.start, f.outcome))
    _mark_joint(masked, figures)
    _mark_sentences(masked, figures)
    figures = [f for f in figures if not _part_with(masked, f, figures)]
    for f in figures:
        f.text = text[f.start : f.end]
        f.start += offset
        f.end += offset
    return figures


_WITH_BEFORE = re.compile(r"\bwith\s+(?:at\s+least\s+|some\s+|about\s+|around\s+|nearly\s+)?$", re.I)


def _part_with(text: str, f: CasualtyFigure, figures: list[CasualtyFigure]) -> bool:
    """A count that a toll of its sentence introduces with "with" ("at least 32 people were killed
    ..., with 18 bodies pulled from the rubble of one district") is where some of them died, a part
    of that toll, not a second report of it."""
    if f.group != "total" or f.best is None or not _WITH_BEFORE.search(text[max(0, f.start - 24) : f.start]):
        return False
    return any(g is not f and g.start < f.start and g.sentence == f.sentence and g.outcome == f.outcome and g.group == "total"
               and g.best is not None and g.best > f.best for g in figures)


def _mark_joint(text: str, figures: list[CasualtyFigure]) -> None:
    """Give figures joined by "and" or a comma in one clause the same ``joint`` number."""
    for a, b in zip(figures, figures[1:]):
        if a.outcome != b.outcome or a.best == 0 or b.best == 0 or a.end > b.start:
            continue
        between = text[a.end : b.start]
        if re.fullmatch(r"\s*(?:,\s*)?(?:and|as\s+well\s+as|plus|,)\s*", between, re.I) and a.cue != "including":
            b.joint = a.joint = a.joint if a.joint is not None else a.start


def _mark_sentences(text: str, figures: list[CasualtyFigure]) -> None:
    """Sentence index, tally phrase of the sentence, and words that add to earlier sentences."""
    if not figures:
        return
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    for i, (a, b) in enumerate(zip(bounds, bounds[1:])):
        inside = [f for f in figures if a <= f.start < b]
        if not inside:
            continue
        sentence = text[a:b]
        agg = _aggregate_in(sentence)
        for f in inside:
            f.sentence = i
            if agg:
                f.aggregate = dict(agg)
            nxt = min([g.start for g in figures if g.start > f.start] + [b, f.end + 25])
            window = text[max(a, f.start - 12) : nxt]
            f.additive = bool(_ADDITIVE.search(window))
