"""HTML pages and HTML fragments to report text.

A page goes through trafilatura (main text and metadata: title, author, date,
site name, canonical URL), then through the chrome filter, because trafilatura
keeps whatever sits in body paragraphs. When trafilatura finds no main text (a
very short page, or a page cut off early), a plain block-by-block reading of
the ``<body>`` without nav, header, footer, aside, form, script and style
elements is used instead. Bylines that trafilatura drops with their element
(``<p class="byline">By X with AFP</p>``) are read from the page first, so the
agency credit is not lost.

A page is *truncated* when it opens ``<html>`` or ``<body>`` but closes neither;
what text it has is kept, with a warning, because a partial report is still a
report. A truncated page with no text left is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

from ceasefire.sources.metadata import parse_byline, parse_date

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article", "dd", "dt", "pre", "figcaption", "header", "footer", "ul", "ol", "table"}
_DROP = ("head", "title", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "svg", "iframe", "select")


@dataclass
class Page:
    """What an HTML page gives: body text, metadata, and what went wrong on the way."""

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    truncated: bool = False


def is_truncated(html: str) -> bool:
    low = html.lower()
    opened = "<html" in low or "<body" in low
    return opened and "</html>" not in low and "</body>" not in low


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's content), one line per block element."""
    if not html or not html.strip():
        return ""
    if "<" not in html:
        return _unescape(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError):  # lxml asserts on some soups ("too many bodies")
        return _unescape(re.sub(r"<[^>]+>", " ", html))
    return _block_text(root)


def _unescape(s: str) -> str:
    import html as htmllib

    return htmllib.unescape(s)


def _block_text(root) -> str:
    for el in list(root.iter(*_DROP)):
        if el.getparent() is not None:
            el.drop_tree()
    parts: list[str] = []

    def walk(el) -> None:
        if not isinstance(el.tag, str):  # comments, processing instructions
            if el.tail:
                parts.append(el.tail)
            return
        block = el.tag.lower() in _BLOCKS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    return "".join(parts)


def _page_bylines(tree) -> list[str]:
    """Byline texts the page marks as such (class/itemprop/rel 'author' or 'byline')."""
    found: list[str] = []
    xp = (
        "//*[(contains(translate(@class,'BYLINE','byline'),'byline') or @rel='author'"
        " or contains(translate(@class,'AUTHOR','author'),'author') or @itemprop='author')"
        # a commenter is not the author of the report
        " and not(ancestor-or-self::*[contains(translate(@class,'COMENT','coment'),'comment') or @id='comments'])]"
    )
    for el in tree.xpath(xp):
        txt = " ".join(el.text_content().split())
        if txt and len(txt) <= 120 and txt not in found:
            found.append(txt)
    for content in tree.xpath("//meta[@name='author' or @property='article:author']/@content"):
        if content.strip() and content.strip() not in found:
            found.append(content.strip())
    return found


def read_page(html: str, url: str | None = None) -> Page:
    """Main text and metadata of an HTML page."""
    import trafilatura

    page = Page(text="")
    page.truncated = is_truncated(html)
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError, AssertionError):
        tree = None

    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            deduplicate=False,
            # Only dates the page states: no guessing from the current date or loose text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted errors on malformed pages
        extracted = None
        page.warnings.append(f"trafilatura could not read the page ({type(exc).__name__}); read block by block")

    meta: dict[str, Any] = {}
    if extracted is not None:
        page.text = extracted.text or ""
        meta = {
            "title": extracted.title,
            "published": parse_date(extracted.date) if extracted.date else None,
            "outlet": extracted.sitename,
            "byline": extracted.author,
            "url": extracted.url or url,
        }
        if extracted.description:
            meta["description"] = extracted.description
    if not page.text.strip() and tree is not None:
        body = tree.find("body")
        page.text = _block_text(body if body is not None else tree)
        if not meta.get("title"):
            t = tree.findtext(".//h1") or tree.findtext(".//title")
            meta["title"] = " ".join(t.split()) if t else None

    if tree is not None:
        for candidate in _page_bylines(tree):
            parsed = parse_byline(candidate if candidate.lower().startswith("by ") else f"By {candidate}")
            if parsed is None:
                continue
            byline, agency = parsed
            if agency and not meta.get("agency"):
                meta["agency"] = agency
            if byline and not meta.get("byline"):
                meta["byline"] = byline
        if meta.get("byline"):
            # trafilatura joins several authors with "; " and may leave the agency in.
            parsed = parse_byline("By " + meta["byline"].replace(";", ","))
            if parsed is not None:
                meta["byline"] = parsed[0]
                meta["agency"] = meta.get("agency") or parsed[1]
    page.metadata = {k: v for k, v in meta.items() if v not in (None, "")}
    return page
