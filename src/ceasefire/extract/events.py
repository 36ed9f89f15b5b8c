"""Finding events in a document's sentences (first, rough version: lexical triggers)."""

from __future__ import annotations

import re
from typing import Any

from ceasefire.documents import Document
from ceasefire.extract.contract import empty_event
from ceasefire.nlp import load_pipeline

_TRIGGERS: list[tuple[re.Pattern[str], str, str, str | None]] = [
    (re.compile(r"\b(regime of calm|truce|ceasefire|cease-fire|cessation of hostilities|lull)\b", re.I), "Strategic developments", "Agreement", None),
    (re.compile(r"\b(air ?strikes?|air raids?|warplanes?|jets)\b", re.I), "Explosions/Remote violence", "Air/drone strike", "air_strike"),
    (re.compile(r"\b(shell(ed|ing|s)?|mortars?|rockets?|artillery)\b", re.I), "Explosions/Remote violence", "Shelling/artillery/missile attack", "artillery"),
    (re.compile(r"\b(clash(es|ed)?|fighting|battles?)\b", re.I), "Battles", "Armed clash", "small_arms"),
    (re.compile(r"\b(aid|convoys?|supplies|trucks)\b", re.I), "Humanitarian access", "Aid delivery", None),
    (re.compile(r"\b(siege|besieged)\b", re.I), "Humanitarian access", "Siege", None),
]


def extract_events(doc: Document) -> list[dict[str, Any]]:
    nlp = load_pipeline()
    events: list[dict[str, Any]] = []
    for sent in _sentences(nlp, doc.text):
        for pattern, event_type, sub_type, method in _TRIGGERS:
            if pattern.search(sent.text):
                ev = empty_event(event_type, sub_type)
                ev["method"] = method
                if doc.published:
                    iso = doc.published.isoformat()
                    ev["date"] = {"start": iso, "end": iso, "precision": "day"}
                if sub_type == "Agreement":
                    ev["agreement"] = {"kind": "truce", "status": "in_force", "name": None, "zone": []}
                if event_type == "Humanitarian access":
                    ev["aid"] = {"organizations": []}
                ev["evidence"] = [{"start": sent[0], "end": sent[1], "text": sent.text}]
                ev["salience"] = round(1.0 / (1 + len(events)), 3)
                events.append(ev)
                break
    return events


class _Span(tuple):
    """(start, end) of a sentence in the document text, with its text."""

    def __new__(cls, start: int, end: int, text: str):
        obj = super().__new__(cls, (start, end))
        obj.text = text
        return obj


def _sentences(nlp, text: str):
    """Sentences with offsets, never crossing a line break (headlines, bylines stay apart)."""
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for sent in nlp(line).sents:
                yield _Span(offset + sent.start_char, offset + sent.end_char, sent.text)
        offset += len(line) + 1
