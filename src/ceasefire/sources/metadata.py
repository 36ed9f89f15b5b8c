"""A report's metadata from its own lines, its file name and its sidecar.

Rules (the same for every format; a value given explicitly — sidecar, JSON
Lines field, feed element, HTML meta tag — always wins over one guessed here):

- **Title.** In plain text, the first line after chrome is the title when it
  reads like a headline: at most 200 characters and 30 words, not ending in
  ``.``, ``,``, ``;`` or ``:``, and followed by more text. It stays in the text
  as its first line; a later line repeating it (scraped pages often print the
  headline twice) is dropped.
- **Byline and agency.** A line in the heading (the lines before the first
  body paragraph) such as ``By Alasdair Sandford with Reuters`` gives byline
  ``Alasdair Sandford`` and agency ``Reuters``; ``By AFP`` or ``Reuters staff``
  gives only the agency. The line is removed from the text: it is metadata,
  not news. Agency names are canonical (``Agence France-Presse`` -> ``AFP``,
  ``Associated Press`` -> ``AP``), from ``outlets.yaml``.
- **Wire datelines and credits.** ``ALEPPO, Syria (Reuters) -``, ``BEIRUT
  (AFP) —`` at the start of a paragraph, or a closing ``— AP`` / ``(AFP)``,
  give the agency when no byline did. The dateline stays in the text (it names
  the place); a closing line that is only a credit is removed, and so are
  ``Reporting by ...; Editing by ...`` lines (their names become the byline
  when there is none).
- **Published date.** A heading line that is only a date (``30/04/2016``,
  ``Published: 30 April 2016 14:20``, ``Saturday, April 30, 2016``) gives the
  date and is removed. Numeric dates are read day first (``03/05/2016`` is 3
  May), as most outlets outside the US print them, unless that is impossible.
  Without one, an ISO date in the file name is used.
- **File names.** ``<outlet>-<YYYY-MM-DD>-<words>.<ext>`` (dashes or
  underscores; ``YYYYMMDD`` also accepted): the date is the published date,
  the part before it the outlet (``euronews`` -> ``Euronews`` through
  ``outlets.yaml``; an unknown slug is title-cased).
- **Sidecars.** ``FILE.meta.json`` / ``FILE.meta.yaml`` (or ``STEM.meta.*``)
  beside a report holds ``title``, ``published`` (or ``date``), ``outlet`` (or
  ``source``), ``byline`` (or ``author``), ``agency``, ``url``; other keys go
  to ``Document.meta``. Sidecar values override everything else.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

# ---------------------------------------------------------------- names


@lru_cache(maxsize=1)
def _names() -> dict[str, dict[str, str]]:
    with (Path(__file__).with_name("outlets.yaml")).open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {"outlets": data["outlets"], "agencies": data["agencies"]}


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def outlet_name(raw: str | None) -> str | None:
    """The outlet's name for a slug or a site name (``euronews`` -> ``Euronews``)."""
    if not raw or not raw.strip():
        return None
    raw = raw.strip()
    known = _names()["outlets"].get(_slug(raw))
    if known:
        return known
    domain = re.fullmatch(r"(?:https?://)?(?:www\.|m\.|amp\.)?([a-z0-9][a-z0-9-]*)(?:\.[a-z0-9-]+)*\.[a-z]{2,}/?", raw.lower())
    if domain:  # a site name guessed from the address: "www.euronews.com" -> Euronews
        return outlet_name(domain.group(1))
    if re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", raw):  # a file-name slug
        return " ".join(w.upper() if len(w) <= 3 and w.isalpha() and w not in {"the", "of", "and"} else w.capitalize() for w in re.split(r"[-_]", raw))
    return raw


def agency_name(raw: str | None) -> str | None:
    """The canonical name of a news agency, or None when ``raw`` names none we know."""
    if not raw:
        return None
    key = re.sub(r"\s+", " ", raw.strip().strip(".,;:()").lower())
    key = re.sub(r"\s+(?:staff|correspondents?|reporters?)$", "", key)
    return _names()["agencies"].get(key)


# ---------------------------------------------------------------- dates

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_DATE_FORMS = [
    re.compile(r"^(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<day>\d{1,2})(?:[T ].*)?$"),
    re.compile(r"^(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})$"),
    re.compile(r"^" + _WEEKDAY + r"?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})$", re.I),
    re.compile(r"^" + _WEEKDAY + r"?" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})$", re.I),
]
_DATE_PREFIX = re.compile(
    r"^(?:(?:first\s+)?published|(?:last\s+)?updated|posted|date|dated|issued|released)(?:\s+on)?\s*[:\-–]?\s*", re.I
)
_TIME_SUFFIX = re.compile(
    r"(?:\s*[,\-–|@]\s*|\s+)(?:at\s+)?\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?"
    r"(?:\s*(?:gmt|utc|cet|cest|eet|eest|bst|edt|est|msk|local time|damascus time)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?\s*$",
    re.I,
)


def parse_date(value: Any) -> date | None:
    """A date from an ISO string or datetime, or a written date (``30 April 2016``,
    ``April 30, 2016``, ``30/04/2016``); None when ``value`` is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    s = _TIME_SUFFIX.sub("", _DATE_PREFIX.sub("", s)).strip().rstrip(".,")
    for form in _DATE_FORMS:
        m = form.match(s)
        if not m:
            continue
        g = m.groupdict()
        try:
            year = int(g["year"])
            if g.get("a"):
                a, b = int(g["a"]), int(g["b"])
                day, month = (a, b) if b <= 12 else (b, a)  # day first unless impossible
            else:
                month = int(g["m"]) if g.get("m") else _MONTHS[g["month"].lower()]
                day = int(g["day"])
            return date(year, month, day)
        except (ValueError, KeyError):
            return None
    return None


def parse_date_line(line: str) -> date | None:
    """The date when ``line`` is nothing but a (published/updated) date."""
    s = line.strip()
    if len(s) > 80:
        return None
    # "Damascus, 12 May 2016" / "Damascus/Geneva – 12 May 2016": a place before the date.
    s = re.sub(r"^[A-Z][\w'’./ \-]{1,40}?(?:,|\s[-–—])\s+(?=\d|[A-Za-z]+\s+\d)", "", s)
    return parse_date(s)


# ---------------------------------------------------------------- file names

_NAME_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_]?(?P<m>[01]\d)[-_]?(?P<d>[0-3]\d)(?!\d)")


def from_file_name(path: str | Path) -> tuple[date | None, str | None]:
    """(published, outlet) from a file name like ``euronews-2016-04-30-aleppo-truce.txt``."""
    stem = Path(path).name.split(".")[0]
    m = _NAME_DATE.search(stem)
    if not m:
        return None, None
    try:
        published = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None, None
    prefix = stem[: m.start()].strip("-_ .")
    outlet = outlet_name(prefix) if prefix and not re.search(r"\d", prefix) and len(prefix) <= 40 else None
    return published, outlet


# ---------------------------------------------------------------- sidecars


class SidecarError(ValueError):
    """A metadata sidecar that cannot be read."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path.name}: {problem}")
        self.path = path
        self.problem = problem


SIDECAR_SUFFIXES = (".meta.json", ".meta.yaml", ".meta.yml")


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIXES)


def sidecar_for(path: Path) -> Path | None:
    """The sidecar of a report file, if there is one (``FILE.meta.*`` then ``STEM.meta.*``)."""
    for base in (path.name, path.stem):
        for suffix in SIDECAR_SUFFIXES:
            candidate = path.with_name(base + suffix)
            if candidate != path and candidate.is_file():
                return candidate
    return None


def report_of_sidecar(path: Path) -> Path | None:
    """The report a sidecar describes, if it exists."""
    name = path.name
    base = name[: -len(next(s for s in SIDECAR_SUFFIXES if name.lower().endswith(s)))]
    direct = path.with_name(base)
    if direct.is_file():
        return direct
    matches = sorted(p for p in path.parent.glob(base + ".*") if p.is_file() and not is_sidecar(p))
    return matches[0] if matches else None


def read_sidecar(path: Path) -> dict[str, Any]:
    """The sidecar's fields, keys normalised (``date`` -> ``published``, ``source`` -> ``outlet``,
    ``author`` -> ``byline``); raises :class:`SidecarError`."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SidecarError(path, f"cannot be read ({exc})") from exc
    try:
        data = json.loads(raw) if path.name.lower().endswith(".json") else yaml.safe_load(raw)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise SidecarError(path, f"not valid {'JSON' if path.name.lower().endswith('.json') else 'YAML'} ({str(exc).splitlines()[0]})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SidecarError(path, "must hold an object of metadata fields")
    return normalise_fields(data, path)


_ALIASES = {"date": "published", "published_at": "published", "source": "outlet", "site": "outlet", "author": "byline", "authors": "byline", "link": "url"}


def normalise_fields(data: dict[str, Any], path: Path | None = None) -> dict[str, Any]:
    """Metadata keys in ceasefire's names; ``published`` parsed to a date (raises on a bad date)."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        k = _ALIASES.get(str(key).lower(), str(key).lower())
        if k in out and out[k]:
            continue
        out[k] = value
    if out.get("published") not in (None, ""):
        d = parse_date(out["published"])
        if d is None:
            raise SidecarError(path or Path("?"), f"'published' is not a date: {out['published']!r}")
        out["published"] = d
    if isinstance(out.get("byline"), list):
        out["byline"] = ", ".join(str(x) for x in out["byline"])
    if out.get("outlet"):
        out["outlet"] = outlet_name(str(out["outlet"]))
    if out.get("agency"):
        out["agency"] = agency_name(str(out["agency"])) or str(out["agency"])
    return out


# ---------------------------------------------------------------- heading lines

_NAME = r"(?:[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|al|el|bin|ibn|van|von|la|le|du|da|di|abu))*)"
_BYLINE = re.compile(
    r"^(?i:by|written by|words by|text by)\s+(?P<names>" + _NAME + r"(?:\s*(?:,|and|&)\s*" + _NAME + r")*)"
    r"(?:\s*(?P<sep>,|\bwith\b|\band\b|\bfor\b|/|\||-|–|—|\bin\b)\s*(?P<rest>[A-Za-z][\w .&'’\-]{0,60}?))?\s*\.?$"
)
_STAFF_CREDIT = re.compile(
    r"^(?:by\s+)?(?P<who>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,4}),?\s+(?:[A-Z][\w\-]*\s+)?(?i:staff|bureau|desk|correspondents?|reporters?|newsroom)"
    r"(?:\s*,?\s*(?i:with|and)\s+(?P<agency>[A-Za-z][\w .&'\-]{1,40}?))?\s*\.?$"
)
_AGENCY_ALONE = re.compile(r"^(?:by\s+)?(?P<agency>[A-Za-z][\w .&'\-]{1,40}?)(?:\s+(?:staff|correspondents?|reporters?))?\s*$", re.I)
_CREDIT = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|translated|research)\s+by\s+(?P<names>[^;)]+)(?:;.*)?\)?\.?$", re.I
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z'’.\- ]{2,40}(?:,\s*[A-Z][\w.\- ]{1,30})?(?:,?\s+\w{3,9}\.?\s+\d{1,2})?\s*\((?P<agency>[A-Za-z .\-]{2,30})\)\s*[-–—:]"
)
_CLOSING_CREDIT = re.compile(r"(?:^|\s)(?:[-–—]\s*(?P<a>[A-Za-z .]{2,30}?)|\((?P<b>[A-Za-z .]{2,30})\))\s*$")
# "By Saturday, the army ..." is a sentence, not a byline.
_CALENDAR_WORD = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tonight|now|then|noon|midnight)\b", re.I)
_SENTENCE_END = re.compile(r"[.;,:]\s*$")


def parse_byline(line: str) -> tuple[str | None, str | None] | None:
    """(byline, agency) when ``line`` is a byline; None otherwise.

    >>> parse_byline("By Alasdair Sandford  with Reuters")
    ('Alasdair Sandford', 'Reuters')
    >>> parse_byline("By AFP")
    (None, 'AFP')
    """
    s = re.sub(r"\s+", " ", line.strip())
    if not s or len(s) > 120:
        return None
    m = _BYLINE.match(s)
    if m and not _CALENDAR_WORD.search(m["names"]) and len(s.split()) <= 14:
        names = m["names"].strip()
        rest = (m["rest"] or "").strip()
        agency = agency_name(rest) if rest else None
        if rest and agency is None and m["sep"] == "with" and re.fullmatch(_NAME, rest):
            agency = rest  # "with Interfax"-like credit of an agency we do not list
        if agency_name(names):  # "By Reuters", "By AFP and AP"
            return None, agency_name(names)
        parts = [p.strip() for p in re.split(r"\s*(?:,|\band\b|&)\s*", names) if p.strip()]
        agencies = [agency_name(p) for p in parts]
        people = [p for p, a in zip(parts, agencies) if not a]
        agency = agency or next((a for a in agencies if a), None)
        if rest and m["sep"] in {"and", ","} and agency is None and re.fullmatch(_NAME, rest):
            people.append(rest)  # "By Tom Perry and Lisa Barrington"
        return (", ".join(people) or None), agency
    m = _STAFF_CREDIT.match(s)
    if m:  # "Levant Desk staff, with AFP", "Gulf Courier, Beirut bureau"
        return None, agency_name(m["agency"]) if m["agency"] else agency_name(m["who"])
    if s.lower().startswith("by ") or re.search(r"\b(staff|correspondents?)$", s, re.I):
        m2 = _AGENCY_ALONE.match(s)
        if m2 and agency_name(m2["agency"]):
            return None, agency_name(m2["agency"])
    return None


def dateline_agency(line: str) -> str | None:
    """The agency named in a wire dateline: ``ALEPPO, Syria (Reuters) -`` -> ``Reuters``."""
    m = _DATELINE.match(line.strip())
    return agency_name(m["agency"]) if m else None


def closing_agency(line: str) -> str | None:
    """The agency credited at the end of a report: ``... — AP`` or ``(AFP)``."""
    m = _CLOSING_CREDIT.search(line.strip())
    if not m:
        return None
    return agency_name(m["a"] or m["b"])


def _norm(s: str) -> str:
    s = s.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\W+", " ", s).strip()


def is_headline(line: str) -> bool:
    """True when a line reads like a headline rather than a sentence of the body."""
    s = line.strip()
    return bool(s) and len(s) <= 200 and len(s.split()) <= 30 and not _SENTENCE_END.search(s)


def _is_body_paragraph(line: str) -> bool:
    return len(line) > 120 or (len(line.split()) >= 12 and bool(re.search(r"[.!?\"”’]\s*$", line)))


@dataclass
class Heading:
    """What a report's own lines say about it, and its text without the metadata lines."""

    text: str
    title: str | None = None
    byline: str | None = None
    agency: str | None = None
    published: date | None = None
    removed: list[str] = field(default_factory=list)  # metadata and chrome lines taken out


def read_heading(text: str, title: str | None = None, *, find_title: bool = True) -> Heading:
    """Split a cleaned report into its text and the metadata its own lines carry.

    ``title`` is a title known from elsewhere (HTML, feed, JSON Lines); otherwise,
    with ``find_title``, the first headline-like line is taken as the title.
    Removes chrome, byline, credit and date lines and repeats of the headline.
    """
    from ceasefire.sources.chrome import is_chrome

    out = Heading(text="", title=title.strip() if title else None)
    lines = text.split("\n")
    kept: list[str] = []
    in_heading = True
    seen_title = False
    reporting_names: str | None = None

    for line in lines:
        s = line.strip()
        if not s:
            kept.append("")
            continue
        if is_chrome(s):
            out.removed.append(s)
            continue
        if in_heading and _is_body_paragraph(s):
            in_heading = False
        if out.title and _norm(s) == _norm(out.title):
            if seen_title:
                out.removed.append(s)  # the headline printed a second time
                continue
            seen_title = True
            kept.append(s)
            continue
        if in_heading:
            byline = parse_byline(s)
            if byline is not None:
                out.byline = out.byline or byline[0]
                out.agency = out.agency or byline[1]
                out.removed.append(s)
                continue
            d = parse_date_line(s)
            if d is not None:
                out.published = out.published or d
                out.removed.append(s)
                continue
            if out.title is None and find_title and not any(kept) and is_headline(s):
                out.title = s
                seen_title = True
                kept.append(s)
                continue
        credit = _CREDIT.match(s)
        if credit and len(s) <= 200:
            reporting_names = reporting_names or credit["names"].strip()
            out.removed.append(s)
            continue
        if out.agency is None:
            out.agency = dateline_agency(s)
        kept.append(s)

    # A closing credit line ("— AP") is metadata; one ending a sentence stays in the text.
    while kept and not kept[-1]:
        kept.pop()
    if kept:
        last = kept[-1]
        ag = closing_agency(last)
        if ag:
            out.agency = out.agency or ag
            if re.fullmatch(r"[-–—(]?\s*[A-Za-z .]{2,30}\)?", last):
                out.removed.append(last)
                kept.pop()
    if out.byline is None and reporting_names:
        people = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", reporting_names) if p and not agency_name(p)]
        out.byline = ", ".join(people) or None

    from ceasefire.documents import clean_text

    out.text = clean_text("\n".join(kept))
    return out
