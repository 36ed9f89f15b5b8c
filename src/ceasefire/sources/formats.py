"""What a file is, and how to turn its bytes into text.

Format is decided by the extension AND the content: an ``.xml`` file is read
as a feed only if it holds ``<rss``, ``<feed`` or ``<rdf:RDF``; a ``.txt`` file
that is an HTML page is read as HTML; a file without an extension is sniffed.
A file with an extension we do not read is an *unknown format* unless its
content is HTML or a feed.

Decoding: a byte-order mark wins; then the charset the file declares (HTML
``<meta charset>``, XML declaration); then strict UTF-8; then Windows-1252,
then Latin-1, with a warning that says so. Text in a legacy encoding is
recoverable and a monitoring mission wants it, so it is not rejected — but the
warning line names the file and the first byte that was not UTF-8.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# One report is at most this big on disk (text, HTML, a JSON array or a feed read whole).
# News pages with inline scripts reach 2-5 MB; 20 MB leaves room and refuses dumps.
MAX_FILE_BYTES = 20 * 1024 * 1024
# One report's cleaned text is at most this many characters: spaCy's default
# nlp.max_length, so no report is too long for the pipeline. About 150,000 words.
MAX_REPORT_CHARS = 1_000_000

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
JSON_SUFFIXES = {".json"}
FEED_SUFFIXES = {".rss", ".atom", ".rdf", ".xml"}
PDF_SUFFIXES = {".pdf"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES | PDF_SUFFIXES

# Files a folder walk passes over without a word: they are not reports.
SKIPPED_NAMES = {".ds_store", "thumbs.db", "desktop.ini", "readme", "readme.md", "readme.txt", "license",
                 "license.md", "license.txt", "licence", "licence.md", "provenance.md", "changelog.md", "notice"}
SKIPPED_SUFFIXES = {
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".heic",
    ".mp3", ".mp4", ".m4a", ".wav", ".ogg", ".webm", ".mov", ".avi",
    ".css", ".js", ".mjs", ".map", ".woff", ".woff2", ".ttf", ".otf", ".eot",
    ".py", ".pyc", ".pyo", ".sh", ".lock", ".log", ".tmp", ".swp", ".bak", ".part", ".crdownload",
    ".sqlite", ".sqlite3", ".db", ".db-wal", ".db-shm", ".parquet",
}

_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document (convert it to text first, e.g. with pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file; save it as text or HTML first)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office file (save it as text or HTML first)"),
    (b"{\\rtf", "an RTF document (save it as text first)"),
    (b"\x1f\x8b", "a gzip archive whose name does not end in .gz (rename it or unpack it)"),
    (b"BZh9", "a bzip2 archive (unpack it first)"),
    (b"\xfd7zXZ\x00", "an xz archive (unpack it first)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive (unpack it first)"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
    (b"RIFF", "a RIFF media file"),
]

_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)


def binary_kind(head: bytes) -> str | None:
    """What a file is when it is not text (``a PNG image``), or None for text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16/32 text has NUL bytes by design
    sample = head[:8192]
    if b"\x00" in sample:
        return "a binary file (it contains NUL bytes)"
    # Many control bytes other than whitespace: binary even without NULs.
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if sample and controls / len(sample) > 0.05:
        return "a binary file (it is mostly control bytes)"
    return None


@dataclass
class Decoded:
    """Text decoded from bytes, with the encoding used and a warning when it was not the expected one."""

    text: str
    encoding: str
    warning: str | None = None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML file declares in its first 2 KB, if Python knows it."""
    head = data[:2048]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Bytes to text: BOM, declared charset, UTF-8, then Windows-1252 / Latin-1 with a warning."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc)
            except UnicodeDecodeError:
                break
    if declared and codecs.lookup(declared).name not in ("utf-8", "ascii"):
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        where = f"byte 0x{bad:02x} at offset {exc.start}"
    for enc, label in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            return Decoded(data.decode(enc), enc, f"not valid UTF-8 ({where}); read as {label}")
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def sniff(text_head: str) -> str:
    """The format the start of a decoded file looks like: html, feed, xml, jsonl, json or text."""
    head = text_head.lstrip("\ufeff \t\r\n")[:4096]
    low = head.lower()
    if low.startswith("<"):
        # Skip an XML declaration and comments before the root element.
        if re.search(r"<(?:rss|feed|rdf:rdf)\b", low):
            return "feed"
        if re.search(r"<!doctype html|<html\b|<head\b|<body\b", low):
            return "html"
        if low.startswith("<?xml"):
            return "xml"
        if re.search(r"<(?:p|div|article|h1|h2|title|meta|section|span|br)\b", low):
            return "html"
        return "text"
    if low.startswith("{"):
        return "jsonl"
    if low.startswith("["):
        return "json"
    # Extensionless saved pages sometimes start with a blank line or a comment.
    if re.search(r"<!doctype html|<html\b", low[:512]):
        return "html"
    return "text"


def suffix_format(suffix: str) -> str | None:
    """The format an extension promises (before sniffing), or None for an extension we do not read."""
    s = suffix.lower()
    if s in TEXT_SUFFIXES:
        return "text"
    if s in HTML_SUFFIXES:
        return "html"
    if s in JSONL_SUFFIXES:
        return "jsonl"
    if s in JSON_SUFFIXES:
        return "json"
    if s in FEED_SUFFIXES:
        return "feed"
    return None


def human_size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"
