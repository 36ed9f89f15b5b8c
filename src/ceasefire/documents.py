"""The document: a report's cleaned text and its metadata, keyed by a content hash.

A document is immutable once stored. Its id is the SHA-256 of its cleaned text,
so the same report ingested twice (from the same or another file) is one document.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")
# C0/C1 control characters other than newline and tab.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Normalise a report's text: NFC, one kind of space, no control characters,
    at most one blank line between paragraphs, no trailing spaces."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def content_hash(text: str) -> str:
    """The document id: SHA-256 (hex) of the cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Document:
    """One report. ``text`` is already cleaned (see :func:`clean_text`)."""

    text: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    byline: str | None = None
    agency: str | None = None  # agency credit, e.g. "Reuters" from "with Reuters"
    url: str | None = None
    source_path: str | None = None
    source_format: str | None = None  # text | html | jsonl | feed
    external_id: str | None = None  # the "id" given in JSON Lines input
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return content_hash(self.text)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["id"] = self.id
        d["published"] = self.published.isoformat() if self.published else None
        return d
