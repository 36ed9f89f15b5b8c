"""Sources: reading reports from files and folders into documents.

``read_paths`` accepts plain text, HTML, JSON Lines (DESIGN.md's input form),
RSS/Atom feed files and folders (recursively), and yields a :class:`Document`
for each report or a :class:`SourceError` for each problem, so one bad file
never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ceasefire.documents import Document


@dataclass
class SourceError:
    """A problem with one input: which file (and line), and what is wrong."""

    path: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.problem}"


def read_paths(paths: Iterable[str | Path]) -> Iterator[Document | SourceError]:
    """Documents (or errors) from files, folders and ``-`` (JSON Lines on standard input)."""
    from ceasefire.sources.files import read_path

    for p in paths:
        yield from read_path(p)


__all__ = ["Document", "SourceError", "read_paths"]
