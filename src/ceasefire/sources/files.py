"""Dispatch of a path to the reader of its format, and the folder walk.

Rules:

- ``-`` is JSON Lines on standard input.
- A folder is walked recursively in sorted order (by path, so a run is
  reproducible), without following symbolic links. Hidden files and folders
  (``.git``, ``.DS_Store``), ``__pycache__``, editor and Office lock files
  (``~$x.docx``, ``x~``), README/LICENSE/PROVENANCE files, metadata sidecars
  (read with their report) and files that are plainly not reports (images,
  media, code, fonts, databases, partial downloads) are passed over without a
  word. Any other file is read, and one that cannot be is reported. A folder
  with no report in it is itself reported.
- A file named explicitly is always read (or reported), except a sidecar whose
  report lies beside it, so that ``ceasefire ingest reports/*`` works.
- Whole-file formats (text, HTML, JSON, feeds) are refused above
  :data:`~ceasefire.sources.formats.MAX_FILE_BYTES` before anything is read;
  JSON Lines is streamed, and the limit applies to each line.
- ``NAME.EXT.gz`` is read through gzip as ``NAME.EXT`` (JSON Lines streamed; a
  whole-file report refused when it decompresses beyond the limit). A gzip
  stream that is cut off keeps the reports read before the cut and reports the rest.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import zlib
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ceasefire.documents import Document
from ceasefire.sources import SourceError, SourceWarning
from ceasefire.sources.assemble import Given, ReportError, make_document
from ceasefire.sources.formats import (
    MAX_FILE_BYTES,
    READABLE_SUFFIXES,
    SKIPPED_NAMES,
    SKIPPED_SUFFIXES,
    binary_kind,
    declared_charset,
    decode,
    human_size,
    sniff,
    suffix_format,
)
from ceasefire.sources.metadata import (
    SidecarError,
    from_file_name,
    is_sidecar,
    normalise_fields,
    read_sidecar,
    report_of_sidecar,
    sidecar_for,
)

Warn = Callable[[SourceWarning], None]
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M)
Item = Document | SourceError

_READABLE = ", ".join(sorted(READABLE_SUFFIXES))


def read_path(path: str | Path, warn: Warn) -> Iterator[Item]:
    """Documents (or errors) from one path: a file, a folder, or ``-``."""
    if str(path) == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text-only stdin (some embedding hosts)
            yield from _jsonl_lines(((line.encode("utf-8")) for line in sys.stdin), "<stdin>", warn)
        else:
            yield from _jsonl_lines(stream, "<stdin>", warn)
        return
    p = Path(path)
    if not p.exists():
        yield SourceError(str(p), "no such file or folder" + (" (a broken symbolic link)" if p.is_symlink() else ""))
        return
    if p.is_dir():
        yield from read_folder(p, warn)
        return
    if not p.is_file():
        yield SourceError(str(p), "not a regular file (a device, socket or pipe)")
        return
    yield from read_file(p, warn)


def read_folder(folder: Path, warn: Warn) -> Iterator[Item]:
    """Every report under ``folder``, recursively, in sorted order."""
    found = 0
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append, followlinks=False):
        while unreadable:  # a sub-folder that cannot be listed is named, and the walk goes on
            exc = unreadable.pop(0)
            found += 1
            yield SourceError(str(exc.filename or root), f"folder cannot be read ({exc.strerror or exc})")
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in {"__pycache__", "node_modules"})
        for name in sorted(files):
            p = Path(root, name)
            if _passed_over(p):
                continue
            found += 1
            yield from read_file(p, warn)
    for exc in unreadable:
        found += 1
        yield SourceError(str(exc.filename or folder), f"folder cannot be read ({exc.strerror or exc})")
    if not found:
        yield SourceError(str(folder), "no reports in this folder")


def _passed_over(p: Path) -> bool:
    name = p.name.lower()
    if name.startswith((".", "~$")) or name.endswith("~") or name in SKIPPED_NAMES:
        return True
    if p.suffix.lower() in SKIPPED_SUFFIXES:
        return True
    if is_sidecar(p):
        return report_of_sidecar(p) is not None  # an orphan sidecar is reported
    return False


def read_file(p: Path, warn: Warn) -> Iterator[Item]:
    """Documents (or errors) from one file, by its extension and its content."""
    label = str(p)
    if is_sidecar(p):
        if report_of_sidecar(p) is None:
            yield SourceError(label, "a metadata sidecar with no report beside it")
        return
    try:
        size = p.stat().st_size
    except OSError as exc:
        yield SourceError(label, f"cannot be read ({exc.strerror or exc})")
        return
    if size == 0:
        yield SourceError(label, "empty file (0 bytes)")
        return
    # A gzip-compressed report (x.txt.gz, wire.jsonl.gz) is read through gzip, by its inner extension.
    compressed = p.suffix.lower() == ".gz"
    suffix = Path(p.stem).suffix if compressed else p.suffix
    opener = gzip.open if compressed else open
    expected = suffix_format(suffix)
    if expected == "jsonl":
        try:
            with opener(p, "rb") as fh:
                head = fh.peek(8192)[:8192] if compressed else fh.read(8192)
                kind = binary_kind(head)
                if kind:
                    yield SourceError(label, f"not a report: {kind}")
                    return
                if not compressed:
                    fh.seek(0)
                yield from _jsonl_lines(fh, label, warn)
        except (OSError, EOFError, zlib.error) as exc:
            yield SourceError(label, _read_problem(exc, compressed))
        return
    if size > MAX_FILE_BYTES:
        yield SourceError(
            label,
            f"file is {human_size(size)}, over the {human_size(MAX_FILE_BYTES)} limit for one report"
            " (split it, or give JSON Lines with one report per line)",
        )
        return
    try:
        with opener(p, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        yield SourceError(label, _read_problem(exc, compressed))
        return
    if len(data) > MAX_FILE_BYTES:
        yield SourceError(label, f"decompresses to more than the {human_size(MAX_FILE_BYTES)} limit for one report")
        return
    if compressed and not data:
        yield SourceError(label, "empty file (nothing inside the gzip)")
        return
    kind = binary_kind(data[:8192])
    if kind and kind.startswith("a PDF") and not compressed:
        yield from _pdf(p, label)
        return
    if kind:
        yield SourceError(label, f"not a report: {kind}")
        return
    decoded = decode(data, declared_charset(data))
    warnings: list[str] = []
    if decoded.warning:
        warnings.append(decoded.warning)
        warn(SourceWarning(label, decoded.warning))
    text = decoded.text
    looks = sniff(text[:4096])

    fmt = _decide_format(expected, looks, suffix + (".gz" if compressed else ""))
    if fmt.startswith("error:"):
        yield SourceError(label, fmt[len("error:"):].strip())
        return
    if fmt == "jsonl":
        yield from _jsonl_lines(iter(data.splitlines(keepends=True)), label, warn)
        return
    if fmt == "json":
        yield from _json_items(text, label, warn)
        return
    if fmt == "feed":
        yield from _feed(data, label, warn)
        return

    try:
        sidecar = read_sidecar(sc) if (sc := sidecar_for(p)) else {}
    except SidecarError as exc:
        yield SourceError(label, f"its sidecar {exc}; report not ingested")
        return
    name_date, name_outlet = from_file_name(p)
    given = Given(explicit=dict(sidecar), fallback={"published": name_date, "outlet": name_outlet}, warnings=warnings)
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        given.meta["encoding"] = decoded.encoding
    try:
        if fmt == "html":
            doc = _html_document(text, given, label, warn)
        else:
            if suffix.lower() in (".md", ".markdown"):
                text = _MD_HEADING.sub("", text)  # "# Aid reaches Madaya" -> the headline itself
            doc = make_document(unwrap(text), given, source_path=label, source_format="text", find_title=True, prepend_title=False)
    except ReportError as exc:
        yield SourceError(label, str(exc))
        return
    yield doc


# A line ending in a function word was wrapped, however short (a two-line PDF heading).
_ENDS_OPEN = re.compile(r"\b(?:and|or|of|the|a|an|in|on|at|to|for|with|from|by|after|as|into|over|near|amid)$", re.I)


def unwrap(text: str) -> str:
    """Join hard-wrapped lines (e-mailed releases, 72-column text) back into paragraphs.

    Only a file that looks hard-wrapped is touched: no line longer than 100 characters
    and at least two lines within a quarter of the longest. Then, inside a paragraph
    (lines between blank lines), each line joins the next unless either is a list item,
    a byline, a date line or chrome. Sentences must not be cut at a wrap, because
    sentences never cross a line break downstream.
    """
    from ceasefire.sources.chrome import is_chrome
    from ceasefire.sources.metadata import parse_byline, parse_date_line

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lengths = [len(x.rstrip()) for x in text.split("\n") if x.strip()]
    if not lengths or max(lengths) > 100 or sum(n >= 0.75 * max(lengths) for n in lengths) < 2:
        return text

    def stands_alone(line: str) -> bool:
        s = line.strip()
        return bool(re.match(r"(?:[-*•]|\d+[.)])\s", s)) or is_chrome(s) or parse_byline(s) is not None or parse_date_line(s) is not None

    out = []
    for para in re.split(r"\n[ \t]*\n", text):
        lines = [x.strip() for x in para.strip("\n").split("\n")]
        joined = [lines[0]]
        for line in lines[1:]:
            if stands_alone(joined[-1]) or stands_alone(line):
                joined.append(line)
            elif len(joined[-1]) < 0.6 * max(lengths) and not _ENDS_OPEN.search(joined[-1]):
                joined.append(line)  # a short line ended on its own (a heading, a paragraph's end)
            else:
                joined[-1] = f"{joined[-1]} {line}"
        out.append("\n".join(joined))
    return "\n\n".join(out)


def _pdf(p: Path, label: str) -> Iterator[Item]:
    from ceasefire.sources.pdf import pdf_text

    try:
        sidecar = read_sidecar(sc) if (sc := sidecar_for(p)) else {}
    except SidecarError as exc:
        yield SourceError(label, f"its sidecar {exc}; report not ingested")
        return
    name_date, name_outlet = from_file_name(p)
    given = Given(explicit=dict(sidecar), fallback={"published": name_date, "outlet": name_outlet})
    try:
        text = unwrap(pdf_text(p))
        yield make_document(text, given, source_path=label, source_format="pdf", find_title=True, prepend_title=False)
    except ReportError as exc:
        yield SourceError(label, str(exc))


def _read_problem(exc: BaseException, compressed: bool) -> str:
    if compressed and isinstance(exc, (EOFError, zlib.error, gzip.BadGzipFile)):
        return f"not a readable gzip file ({exc or type(exc).__name__})"
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot be read ({exc.strerror})"
    return f"cannot be read ({exc})"


def _decide_format(expected: str | None, looks: str, suffix: str) -> str:
    """The reader for a file, from what its extension promises and what its content looks like."""
    if looks == "feed" and expected in (None, "feed", "text", "html"):
        return "feed"
    if expected == "feed":
        if looks == "html":
            return "html"
        if looks == "xml":
            return "error: XML, but not an RSS or Atom feed"
        return "error: not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> element)"
    if expected == "text":
        return "html" if looks == "html" else "text"
    if expected == "html":
        return "html"
    if expected == "json":
        return "json" if looks in ("json", "jsonl") else "error: not JSON (a .json file must hold a report object or an array of them)"
    if expected is None:
        if looks in ("html", "feed"):
            return looks
        if looks == "xml":
            return "error: XML, but not an RSS or Atom feed"
        if not suffix:
            return looks  # no extension: trust the content (text, JSON Lines, JSON)
        return f"error: unknown format '{suffix}' (ceasefire reads {_READABLE}, those gzip-compressed as .gz, and files without an extension)"
    return expected


def _html_document(text: str, given: Given, label: str, warn: Warn) -> Document:
    from ceasefire.sources.html import read_page

    page = read_page(text, url=given.explicit.get("url"))
    # One blank line between paragraphs, as in text files: the same report saved as
    # .txt or .html then cleans to the same text and the same id.
    page.text = re.sub(r"\n+", "\n\n", page.text.strip())
    for w in page.warnings:
        given.warnings.append(w)
        warn(SourceWarning(label, w))
    if page.truncated:
        if not page.text.strip():
            raise ReportError("truncated HTML: the page ends before any report text")
        w = "HTML ends without </body> or </html> (truncated?); ingested the text before the cut"
        given.warnings.append(w)
        given.meta["truncated"] = True
        warn(SourceWarning(label, w))
    explicit = dict(page.metadata)
    explicit.update(given.explicit)  # a sidecar or a JSON Lines field beats the page
    given.explicit = explicit
    return make_document(page.text, given, source_path=label, source_format="html", find_title=True, prepend_title=True)


def _feed(data: bytes, label: str, warn: Warn) -> Iterator[Item]:
    from ceasefire.sources.feeds import read_feed

    try:
        for n, result in read_feed(data, label, lambda w: warn(SourceWarning(label, w))):
            if isinstance(result, Document):
                yield result
            else:
                yield SourceError(label, f"entry {n}: {result}")
    except ReportError as exc:
        yield SourceError(label, str(exc))


def _record(obj: Any, label: str, where: str, warn: Warn, warnings: list[str]) -> Document:
    """One JSON Lines record ({"id", "text"|"html", "title"?, "published"?, "source"?, "url"?}) to a document."""
    if not isinstance(obj, dict):
        raise ReportError(f"expected a JSON object, got {type(obj).__name__}")
    text, html = obj.get("text"), obj.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        raise ReportError('no "text" or "html" field with content')
    fields = {k: v for k, v in obj.items() if k not in ("text", "html", "id")}
    try:
        explicit = normalise_fields(fields)
    except SidecarError as exc:
        raise ReportError(exc.problem) from exc
    ext_id = obj.get("id")
    given = Given(explicit=explicit, warnings=warnings)
    source_path = f"{label}:{where}"
    if isinstance(text, str) and text.strip():
        doc = make_document(text, given, source_path=source_path, source_format="jsonl", find_title=True, prepend_title=False,
                            external_id=str(ext_id) if ext_id is not None else None)
    else:
        doc = _html_document(html, given, source_path, warn)
        doc.source_format = "jsonl"
        doc.external_id = str(ext_id) if ext_id is not None else None
    return doc


def _jsonl_lines(lines: Iterable[bytes] | BinaryIO, label: str, warn: Warn) -> Iterator[Item]:
    """Each line of JSON Lines: a document, or an error naming the line; the other lines go on."""
    for n, raw in enumerate(lines, 1):
        if len(raw) > MAX_FILE_BYTES:
            yield SourceError(label, f"line is {human_size(len(raw))}, over the {human_size(MAX_FILE_BYTES)} limit for one report", n)
            continue
        if not raw.strip():
            continue
        decoded = decode(raw)
        warnings = []
        if decoded.warning:
            # The line is named, so say where in it (1-based, like JSON errors).
            decoded.warning = re.sub(r"at offset (\d+)", lambda m: f"at column {int(m[1]) + 1}", decoded.warning)
            warnings.append(decoded.warning)
            warn(SourceWarning(label, decoded.warning, n))
        line = decoded.text.strip()
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            hint = " (standard input must be JSON Lines)" if label == "<stdin>" and n == 1 else ""
            yield SourceError(label, f"not valid JSON ({exc.msg} at column {exc.colno}){hint}", n)
            continue
        try:
            yield _record(obj, label, str(n), warn, warnings)
        except ReportError as exc:
            yield SourceError(label, str(exc), n)


def _json_items(text: str, label: str, warn: Warn) -> Iterator[Item]:
    """A .json file: one report object, an array of them, or (leniently) JSON Lines."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        yield from _jsonl_lines(iter(text.encode("utf-8").splitlines(keepends=True)), label, warn)
        return
    items = data if isinstance(data, list) else [data]
    for n, obj in enumerate(items, 1):
        try:
            yield _record(obj, label, f"item {n}", warn, [])
        except ReportError as exc:
            yield SourceError(label, f"item {n}: {exc}")
