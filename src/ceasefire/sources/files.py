"""Dispatch of a path to the reader of its format (first version: text and JSON Lines)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ceasefire.documents import Document, clean_text
from ceasefire.sources import SourceError
from ceasefire.sources.chrome import strip_chrome


def read_path(path: str | Path) -> Iterator[Document | SourceError]:
    if str(path) == "-":
        yield from _read_jsonl_lines(sys.stdin, "<stdin>")
        return
    p = Path(path)
    if not p.exists():
        yield SourceError(str(p), "no such file or folder")
        return
    if p.is_dir():
        for child in sorted(c for c in p.rglob("*") if c.is_file()):
            yield from read_path(child)
        return
    if p.suffix in (".jsonl", ".ndjson"):
        with p.open(encoding="utf-8") as fh:
            yield from _read_jsonl_lines(fh, str(p))
        return
    text = clean_text(strip_chrome(clean_text(p.read_text(encoding="utf-8"))))
    if not text:
        yield SourceError(str(p), "empty file")
        return
    yield Document(text=text, source_path=str(p), source_format="text")


def _read_jsonl_lines(fh, name: str) -> Iterator[Document | SourceError]:
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceError(name, f"not valid JSON ({exc.msg})", n)
            continue
        text = clean_text(obj.get("text") or "")
        published = None
        if obj.get("published"):
            try:
                published = date.fromisoformat(str(obj["published"])[:10])
            except ValueError:
                yield SourceError(name, f"'published' is not an ISO date: {obj['published']!r}", n)
                continue
        yield Document(
            text=text,
            title=obj.get("title"),
            published=published,
            outlet=obj.get("source"),
            url=obj.get("url"),
            external_id=str(obj["id"]) if obj.get("id") is not None else None,
            source_path=name,
            source_format="jsonl",
        )
