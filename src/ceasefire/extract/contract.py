"""Event JSON v1: the extraction contract (see DESIGN.md), its schema and validation."""

from __future__ import annotations

import functools
import json
from typing import Any

from ceasefire.config import resource

SCHEMA_FILE = "event-v1.schema.json"
COUNT_KEYS = ("total", "civilians", "children", "women", "combatants")


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of one output line, shipped in the package."""
    return json.loads(resource(SCHEMA_FILE).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _validator():
    import jsonschema

    return jsonschema.Draft202012Validator(schema())


class ContractError(ValueError):
    """An output line that breaks Event JSON v1."""


def validate(line: dict[str, Any]) -> None:
    """Raise ContractError if ``line`` breaks the schema or an evidence span does not match the text."""
    errors = sorted(_validator().iter_errors(line), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        where = "/".join(str(p) for p in e.path) or "(root)"
        raise ContractError(f"{where}: {e.message}")
    text = line["text"]
    for i, ev in enumerate(line["events"]):
        for span in ev["evidence"]:
            if text[span["start"] : span["end"]] != span["text"]:
                raise ContractError(f"events/{i}/evidence: span {span['start']}-{span['end']} does not match the text")


def empty_counts() -> dict[str, Any]:
    return {k: None for k in COUNT_KEYS}


def empty_event(event_type: str, sub_event_type: str) -> dict[str, Any]:
    """An event with every v1 field present, to be filled in."""
    return {
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "method": None,
        "date": None,
        "location": None,
        "actors": [],
        "fatalities": empty_counts(),
        "injured": empty_counts(),
        "attribution": {"sources": [], "chain": [], "certainty": "asserted"},
        "evidence": [],
        "salience": 0.0,
    }
