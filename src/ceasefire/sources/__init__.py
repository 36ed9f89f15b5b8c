"""Sources: reading reports from files and folders into documents.

``read_paths`` accepts plain text, HTML, JSON Lines (DESIGN.md's input form),
RSS/Atom feed files, PDF (through Poppler's ``pdftotext`` when installed), any
of these gzip-compressed, and folders (recursively), and yields a :class:`Document`
for each report or a :class:`SourceError` for each problem, so one bad file
never stops a batch. Problems that did not stop a report from being read (a
file in Windows-1252 rather than UTF-8, a truncated page whose text was kept)
are :class:`SourceWarning`\\ s: printed as one ``warning:`` line on standard
error by default, and kept in the document's ``meta["warnings"]``.

The modules, by job: ``files`` (dispatch and folder walk), ``formats``
(sniffing, decoding, size limits), ``html``, ``feeds`` and ``pdf`` (the HTML,
RSS/Atom and PDF readers), ``metadata`` (title, byline, agency, dates, file names,
sidecars), ``chrome`` (page furniture), ``assemble`` (one Document from a
reader's output).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ceasefire.documents import Document


@dataclass
class _FileNotice:
    """Something said about one input: which file (and line), and what."""

    path: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.problem}"


class SourceError(_FileNotice):
    """A problem with one input that kept it from being read."""


class SourceWarning(_FileNotice):
    """Something worth knowing about an input that was still read."""


def print_warning(warning: SourceWarning) -> None:
    """The default: one ``warning: FILE: what`` line on standard error."""
    print(f"warning: {warning}", file=sys.stderr)


def read_paths(
    paths: Iterable[str | Path], on_warning: Callable[[SourceWarning], None] | None = None
) -> Iterator[Document | SourceError]:
    """Documents (or errors) from files, folders and ``-`` (JSON Lines on standard input)."""
    from ceasefire.sources.files import read_path

    warn = on_warning or print_warning
    for p in paths:
        yield from read_path(p, warn)


__all__ = ["Document", "SourceError", "SourceWarning", "read_paths"]
