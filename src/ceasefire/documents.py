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


# Windows-1252's characters for bytes 0x80-0x9f; with Latin-1 for the rest, a str of
# mojibake maps back to the bytes it was wrongly decoded from.
_CP1252_BYTE = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_CONT = "[\u0080-\u00bf" + "".join(sorted(_CP1252_BYTE)) + "]"
# A UTF-8 lead byte read as one character, then as many continuation bytes as it announces.
_MOJIBAKE = re.compile(f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}")
# FA-KES-style damage (see shared/data README): U+0095 plus a byte stands for a quote, a
# dash or a copyright sign; the original bytes are lost, so map by context.
_C1_APOSTROPHE = re.compile(r"(?<=\w)\u0095_(?=\w)")
_C1_DASH = re.compile(r"\u0095_")
_C1_COPYRIGHT = re.compile(r"(?<=copyright )\u0095\u0081|\u0095\u0081(?= ?(?:19|20)\d\d)", re.I)
_C1_BULLET = re.compile(r"\u0095\u0081 ?")


def _unmojibake(match: re.Match[str]) -> str:
    s = match.group(0)
    try:
        raw = bytes(ord(c) if ord(c) < 256 else _CP1252_BYTE[c] for c in s)
        return raw.decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return s


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Latin-1 or Windows-1252 (``Ã©`` -> ``é``,
    ``â€™`` -> ``’``), and FA-KES's C1-control damage (``Syria\x95_s`` -> ``Syria’s``).

    Only sequences that decode as valid UTF-8 are changed, so correct text is left alone.
    """
    if not any("\u0080" <= c <= "\u00ff" or c in _CP1252_BYTE for c in text):
        return text
    text = _C1_APOSTROPHE.sub("\u2019", text)
    text = _C1_DASH.sub("\u2014", text)
    text = _C1_COPYRIGHT.sub("\u00a9", text)
    text = _C1_BULLET.sub("", text)
    # Text mangled twice ("ÃƒÂ©") needs two passes; stop at the fixpoint so that
    # clean_text(clean_text(x)) == clean_text(x) and ids are stable.
    for _ in range(4):
        repaired = _MOJIBAKE.sub(_unmojibake, text)
        if repaired == text:
            break
        text = repaired
    return text


def clean_text(text: str) -> str:
    """Normalise a report's text: mojibake repaired, NFC, one kind of space, no control
    characters, at most one blank line between paragraphs, no trailing spaces.

    Idempotent: ``clean_text(clean_text(x)) == clean_text(x)``, so a document's id does
    not change when its text is cleaned again.
    """
    # Removing a control character can bring mojibake halves together ("Â\x00¡"); repeat
    # to the fixpoint (one extra pass for ordinary text).
    for _ in range(4):
        cleaned = _clean_once(text)
        if cleaned == text:
            break
        text = cleaned
    return text


def _clean_once(text: str) -> str:
    text = repair_mojibake(text)
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
    source_format: str | None = None  # text | html | jsonl | feed | pdf
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
