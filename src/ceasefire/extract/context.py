"""What extractors share about one document: its sentences, and what resolvers found in it."""

from __future__ import annotations

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

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None
