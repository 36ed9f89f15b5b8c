"""What extractors share about one document: its sentences, and what resolvers found in it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ceasefire.documents import Document


@dataclass
class Sentence:
    """One sentence of the document text; offsets are into ``DocContext.text``."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0
    span: Any = None  # the spaCy Span, when the pipeline ran

    def evidence(self) -> dict[str, Any]:
        """The Event JSON v1 evidence entry for this sentence."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class DocContext:
    """A document prepared for extraction (built once, read by every extractor)."""

    doc: Document
    text: str
    published: date | None
    sentences: list[Sentence] = field(default_factory=list)
    toponyms: list[Any] = field(default_factory=list)  # ceasefire.resolve.places.Toponym, whole text
    spacy_doc: Any = None

    title_sentences: list[Sentence] = field(default_factory=list)  # sentences of the headline line(s)
    country: str | None = None  # ISO code of the country the report is mostly about, when known
    last_event_date: dict[str, Any] | None = None  # the date the last event sentence gave (narrative carry-over)
    # the location each event sentence was given, by sentence index, in reading order (narrative
    # carry-over: a sentence that names no place goes on where the event before it happened)
    event_places: dict[int, dict[str, Any] | None] = field(default_factory=dict)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds character ``offset`` of the text, or None."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def toponyms_in(self, sentence: Sentence) -> list[Any]:
        """The toponyms found inside ``sentence``."""
        return [t for t in self.toponyms if sentence.start <= t.start < sentence.end]


def build_context(doc: Document, *, nlp: Any = None, geoparse: bool = True) -> DocContext:
    """Prepare ``doc`` for extraction: spaCy once, sentences, toponyms once.

    ``nlp`` defaults to the extraction pipeline (tagger, senter, ner: see extract.sentences).
    """
    from ceasefire.extract.sentences import extraction_pipeline, split_sentences

    text = doc.text
    nlp = nlp if nlp is not None else extraction_pipeline()
    spacy_doc = nlp(text) if text else None
    ctx = DocContext(doc=doc, text=text, published=doc.published, spacy_doc=spacy_doc)
    ctx.sentences = split_sentences(text, spacy_doc)
    if geoparse and text:
        try:
            from ceasefire.resolve.places import geoparse as _geoparse

            ctx.toponyms = list(_geoparse(text, spacy_doc=spacy_doc) or [])
        except Exception:  # noqa: BLE001 - a geoparser failure costs the places, not the events
            ctx.toponyms = []
        ctx.toponyms = unglue_country_possessive(text, ctx.toponyms)
    # "the Britain-based Observatory", "a London-based monitor": where a source sits says nothing
    # about the country the report is about
    countries = [t.country for t in ctx.toponyms if getattr(t, "country", None) and not based_here(text, t)]
    if countries:
        ctx.country = max(dict.fromkeys(countries), key=countries.count)  # ties: the first named wins
    if doc.title:
        first_line = text.split("\n", 1)[0].strip()
        ctx.title_sentences = [s for s in ctx.sentences if s.start < len(first_line) + 1 and _same_words(first_line, doc.title)]
    return ctx


_GLUED_BEFORE = re.compile(r"^(?P<country>[A-Z][\w-]+?)s\s+(?P<rest>[A-Z].+)$")
_GLUED_AFTER = re.compile(r"^(?P<rest>.*[\w)])\s+(?P<country>[A-Z][\w-]+?)s$")


def unglue_country_possessive(text: str, toponyms: list[Any]) -> list[Any]:
    """Toponyms as read, except a name cleaning glued to its country's possessive, which the
    geoparser could not place: "central Syrias Hama province", "the city of Deir al-Zor Syrias SANA
    news agency" (the apostrophe of "Syria's" lost). When the report names that country, the rest of
    the name is looked up in it and, when found, replaces the unplaced mention with its own span."""
    names = {t.text.lower(): t.country for t in toponyms
             if getattr(t, "precision", None) == "country" and t.country and t.text and not getattr(t, "demonym", False)}
    if not names or not any(t.lat is None for t in toponyms):
        return toponyms
    out = []
    for t in toponyms:
        m = None if t.lat is not None or not t.text else (_GLUED_BEFORE.match(t.text) or _GLUED_AFTER.match(t.text))
        country = names.get(m.group("country").lower()) if m else None
        if country is None:
            out.append(t)
            continue
        rest = m.group("rest")
        try:
            from ceasefire.resolve.places import Toponym, lookup

            loc = lookup(rest, country=country)
        except Exception:  # noqa: BLE001 - no gazetteer, the mention stays as read
            loc = None
        if loc is None:
            out.append(t)
            continue
        start = t.start + t.text.index(rest)
        out.append(Toponym(start, start + len(rest), rest, name=loc.get("name"), geonames_id=loc.get("geonames_id"),
                           lat=loc.get("lat"), lon=loc.get("lon"), country=loc.get("country"), admin1=loc.get("admin1"),
                           admin2=loc.get("admin2"), precision=loc.get("precision"), role=t.role))
    return out


_BASED_AFTER = re.compile(r"^(?:'s|’s)?\s*-?\s*based\b", re.I)


def based_here(text: str, t: Any) -> bool:
    """Whether the toponym ``t`` only says where a source is based ("the Britain-based Syrian
    Observatory", "a monitor based in Britain")."""
    if _BASED_AFTER.match(text[t.end: t.end + 12]):
        return True
    return bool(re.search(r"\bbased\s+in\s+(?:the\s+)?$", text[max(0, t.start - 14): t.start], re.I))


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())
