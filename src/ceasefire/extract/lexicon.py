"""The event lexicon (resources/event_lexicon.yaml): cues of ACLED's sub-event types, loaded once."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

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
