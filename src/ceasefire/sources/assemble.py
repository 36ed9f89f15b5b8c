"""From a reader's raw text and metadata to one :class:`Document` (shared by every format).

Precedence of metadata, highest first: what the input states explicitly (sidecar,
JSON Lines field, feed element, HTML meta tag), what the report's own heading
lines say (byline, date line), what the file name says (date, outlet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ceasefire.documents import Document, clean_text
from ceasefire.sources.formats import MAX_REPORT_CHARS
from ceasefire.sources.metadata import _norm, agency_name, outlet_name, parse_byline, read_heading

_KNOWN = ("title", "published", "outlet", "byline", "agency", "url")


@dataclass
class Given:
    """Metadata a reader found outside the text (explicit) and from the file name (fallback)."""

    explicit: dict[str, Any] = field(default_factory=dict)
    fallback: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


class ReportError(ValueError):
    """Why an input yields no document (a one-line message)."""


def _split_author(author: str) -> tuple[str | None, str | None]:
    """An author field may carry the agency too: ``Rania Haddad with AFP``, ``AFP``."""
    author = re.sub(r"\s+", " ", author.replace(";", ",")).strip()
    parsed = parse_byline(author if author.lower().startswith("by ") else f"By {author}")
    if parsed is not None:
        return parsed
    return (author or None), agency_name(author)


def _without_site_name(title: str, outlet: str) -> str:
    """``Aid reaches Madaya | Euronews`` -> ``Aid reaches Madaya`` (page titles carry the site name)."""
    names = {outlet, outlet_name(outlet) or outlet}
    for name in names:
        m = re.match(r"^(.+?)\s*[|–—-]\s*" + re.escape(name) + r"(?:\.\w+)?\s*$", title, re.I)
        if m:
            return m.group(1).strip()
    return title


def make_document(
    body: str,
    given: Given,
    *,
    source_path: str,
    source_format: str,
    find_title: bool,
    prepend_title: bool,
    external_id: str | None = None,
) -> Document:
    """Clean ``body``, read its heading, merge metadata, check the size; raises :class:`ReportError`."""
    explicit = {k: v for k, v in given.explicit.items() if v not in (None, "")}
    fallback = {k: v for k, v in given.fallback.items() if v not in (None, "")}
    title = explicit.get("title")
    title = clean_text(str(title)).replace("\n", " ") if title else None
    if title and explicit.get("outlet"):
        title = _without_site_name(title, str(explicit["outlet"]))
    text = clean_text(body)
    if prepend_title and title and text and _norm(text.split("\n", 1)[0]) != _norm(title):
        text = f"{title}\n\n{text}"
    heading = read_heading(text, title=title, find_title=find_title)
    if not heading.text:
        raise ReportError("no report text (only page chrome or metadata)" if heading.removed else "no report text")
    if len(heading.text) > MAX_REPORT_CHARS:
        raise ReportError(
            f"report text is {len(heading.text):,} characters; one report may be at most {MAX_REPORT_CHARS:,}"
            " (split it into several reports)"
        )

    byline, agency = heading.byline, heading.agency
    if explicit.get("byline"):
        b, a = _split_author(str(explicit["byline"]))
        byline, agency = b or byline, a or agency
    if explicit.get("agency"):
        agency = agency_name(str(explicit["agency"])) or str(explicit["agency"])
    published = explicit.get("published") or heading.published or fallback.get("published")
    outlet = explicit.get("outlet") or fallback.get("outlet")

    meta = dict(given.meta)
    for k, v in explicit.items():
        if k not in _KNOWN and k not in ("id", "text", "html"):
            meta.setdefault(k, v)
    if heading.removed:
        meta["removed_lines"] = heading.removed  # what was dropped as chrome or metadata, for audit
    if given.warnings:
        meta["warnings"] = list(given.warnings)
    return Document(
        text=heading.text,
        title=heading.title,
        published=published if isinstance(published, date) else None,
        outlet=outlet_name(outlet) if outlet else None,
        byline=byline,
        agency=agency,
        url=explicit.get("url") or fallback.get("url"),
        source_path=source_path,
        source_format=source_format,
        external_id=external_id,
        meta=_jsonable(meta),
    )


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    return str(obj)
