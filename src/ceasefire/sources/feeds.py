"""RSS and Atom feed files: one report per entry.

Each entry's text is its title, a blank line, and its content (``content:encoded``
or Atom ``content``, else ``description``/``summary``) with the HTML turned into
lines and the chrome filtered. Its metadata: the entry's published (else updated)
date, its link, its author (split into byline and agency), and the feed's title
as the outlet. An entry with neither title nor content is reported as an error
with its number; the other entries are still read. A feed that cannot be parsed
at all, or has no entries, is one error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from ceasefire.documents import Document
from ceasefire.sources.assemble import Given, ReportError, make_document
from ceasefire.sources.html import fragment_text


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                return date(t.tm_year, t.tm_mon, t.tm_mday)
            except ValueError:
                continue
    return None


def _entry_body(entry: Any) -> str:
    candidates = []
    for c in entry.get("content") or []:
        candidates.append((c.get("type") or "text/html", c.get("value") or ""))
    if entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        candidates.append((detail.get("type") or "text/html", entry["summary"]))
    for kind, value in candidates:
        if value and value.strip():
            return fragment_text(value) if "html" in kind else value
    return ""


def read_feed(data: bytes, path: str, warn: Callable[[str], None] | None = None) -> Iterator[tuple[int, Document | str]]:
    """(entry number, Document or error message) for each entry of a feed file.

    Raises :class:`ReportError` when the file is not a readable feed. A feed that is
    malformed but still yields entries is read, with one warning through ``warn``.
    """
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            raise ReportError(f"not a readable RSS/Atom feed ({exc})" if exc else "not a readable RSS/Atom feed")
        raise ReportError("the feed has no entries")
    feed = parsed.get("feed") or {}
    outlet = feed.get("title")
    warnings = []
    exc = parsed.get("bozo_exception")
    # A declared charset that differs from the real one is not damage; broken XML is.
    if parsed.get("bozo") and not isinstance(exc, feedparser.CharacterEncodingOverride):
        warnings.append(f"the feed is malformed ({exc}); read the {len(entries)} entries that parsed")
        if warn:
            warn(warnings[-1])
    for n, entry in enumerate(entries, 1):
        title = (entry.get("title") or "").strip()
        body = _entry_body(entry)
        if not title and not body.strip():
            yield n, "entry has neither a title nor any content"
            continue
        given = Given(
            explicit={
                "title": title or None,
                "published": _entry_date(entry),
                "outlet": outlet,
                "byline": entry.get("author"),
                "url": entry.get("link"),
            },
            meta={"feed": {"title": outlet, "link": feed.get("link"), "entry": n, "guid": entry.get("id")}},
            warnings=warnings,
        )
        try:
            doc = make_document(
                body or "",
                given,
                source_path=f"{path}#{n}",
                source_format="feed",
                find_title=True,
                prepend_title=True,
            )
        except ReportError as exc:
            yield n, str(exc)
            continue
        yield n, doc
