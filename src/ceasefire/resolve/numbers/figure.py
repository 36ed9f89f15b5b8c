"""A casualty figure as the text gives it, and the groups and outcomes it can count."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

GROUPS = ("total", "civilians", "children", "women", "combatants")
OUTCOMES = ("killed", "injured", "casualties")


@dataclass
class CasualtyFigure:
    """One figure of people killed or injured, as the text gives it.

    ``start``/``end`` are character offsets (plus the ``offset`` passed to ``find_casualties``).
    ``derived`` explains a computed figure ("two-thirds of 250"), ``base`` is the figure it was
    computed from; ``aggregate`` marks a tally over a period or since a date
    (``{"period": "nine days", "text": "in nine days of bombing"}``), which is not one incident.
    """

    start: int
    end: int
    text: str
    outcome: str  # killed | injured | casualties
    group: str  # total | civilians | children | women | combatants
    best: int | None
    low: int | None
    high: int | None
    qualifier: str  # exact | at_least | about | up_to | more_than
    derived: str | None = None
    aggregate: dict[str, Any] | None = None
    base: int | None = None
    joint: int | None = None  # figures listed together ("two Somali and four Kenyan citizens") share it and add up
    vague: bool = False  # "dozens", "hundreds", "several": a placeholder for a number nobody gave
    sentence: int = 0  # index of the sentence of the text the figure is in
    additive: bool = False  # "also", "another", "other": adds to what an earlier sentence counted
    negation: bool = False  # from a statement that nobody was hurt ("no civilians were harmed")
    party: str | None = None  # who was counted, as written ("qsd fighter", "civilian"); None for a bare toll ("4 fatalities")
    share: bool = False  # "including 4 children", "among them 26 minors": people already in the figure before it
    cue: str | None = field(default=None, repr=False)  # the word that told the outcome

    def count(self) -> dict[str, Any]:
        """The Event JSON v1 count object for this figure alone."""
        return {"best": self.best, "low": self.low, "high": self.high, "qualifier": self.qualifier}

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
