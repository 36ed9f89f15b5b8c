"""Sentences of a document, never crossing a line break, with offsets into the cleaned text.

spaCy runs once per document with only what extraction and the geoparser read: the
statistical sentence segmenter (``senter``) instead of the dependency parser, the tagger (the
geoparser reads part-of-speech tags) and the entity recogniser. The parser and lemmatiser are
not run: extraction's decisions come from the event lexicon and the sentence's words (the parser
is loaded, disabled, for the few sentences the event linker parses; the lemmatiser is excluded). Measured
on 150 FA-KES articles on one core: full pipeline 5,050 words/s, this one 6,700 words/s; the
entities are the same because the small pipeline's ``ner`` has its own token-to-vector layer.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ceasefire.extract.attribute_rules import index_attribute_ruler
from ceasefire.extract.context import Sentence

#: Components excluded from the extraction pipeline (see the module docstring).
EXCLUDED_COMPONENTS = ("parser", "lemmatizer")
#: Of those, the ones loaded but not run: the event linker parses the few sentences it cannot
#: decide with the parser loaded here (``ceasefire.nlp.parse_dependencies``), so a process loads
#: the model once instead of twice (a second load cost about 0.6 s per worker).
LOADED_NOT_RUN = ("parser",)
_MAX_SENTENCE = 1200  # characters; scraped text without full stops is cut at clause marks
_LONG_CUT = re.compile(r"(?<=[;:])\s+|\s+(?=[–—]\s)")
#: A news page's list of other stories, flattened into the end of the text ("... 91 Related US-Led
#: Coalition Airstrikes Near Raqqa Killed at Least 84 Civilians ... Tags Daesh Syria",
#: "Source Reuters Related News ..."): their headlines are not the report's incidents.
_RELATED = re.compile(r"\bRelated(?:\s+(?:News|Articles?|Stories|Content|Coverage|Topics))?\b")
_RELATED_MARK_BEFORE = re.compile(r"(?:\.\.\.\s+\d[\d,]*|\(\d[\d,]*\)|\bViews\s+\d[\d,]*|\bSource:?\s+[A-Z][\w&. ]{1,40}?)\s+$")
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")
#: The block starts in the text's last part: a list at the head of a page runs into the lead.
_TRAILING_FROM = 0.5
#: A sentence run into the next one where a scraper stripped the full stop ("... on several
#: neighbourhoods of the city According to a police source two people were killed ..."): a
#: capitalised sentence opener right after a lower-case word starts a new sentence.
_RUN_IN = re.compile(r"(?<=[a-z])\s+(?=(?:According\s+to|Meanwhile|In\s+the\s+same\s+context|Earlier|Later)\s+[a-z0-9])")
#: Words a run-in sentence has before the opener: fewer is a subheading ("Local reactions
#: According to a witness ..."), which stays with the sentence it heads.
_RUN_IN_MIN_WORDS = 6
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
#: A headline run into the dateline of its report ("Shells kill five in markets of Homs and Hama
#: 12 March 2017 A police source in Homs said three ..."): the date, with its weekday, opens the
#: lead. A date after a preposition ("on 12 March 2017") is the headline's own.
_DATELINE_RUN_IN = re.compile(
    rf"(?<=[A-Za-z])\s+"
    rf"(?=(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d{{1,2}}\s+(?:{_MONTH_NAMES})\s+\d{{4}}\s+[A-Z])"
)
_BEFORE_OWN_DATE = {"on", "in", "of", "by", "to", "at", "and", "or", "from", "since", "until", "till", "before", "after", "between", "early", "late", "dated", "updated"}


def trailing_chrome_start(text: str) -> int:
    """Where a trailing list of other stories begins (``len(text)`` when there is none): a
    "Related" heading in the text's second half that a page mark precedes (a view count, a topic
    count, a "Source ..." credit) or that no sentence of prose follows."""
    for m in _RELATED.finditer(text, int(len(text) * _TRAILING_FROM)):
        if _RELATED_MARK_BEFORE.search(text[max(0, m.start() - 60): m.start()]) or not _SENTENCE_STOP.search(text, m.end()):
            return m.start()
    return len(text)


@functools.lru_cache(maxsize=1)
def extraction_pipeline():
    """The spaCy pipeline extraction runs (tagger, senter, ner), loaded once per process."""
    import spacy

    from ceasefire.nlp import MODEL

    nlp = spacy.load(
        MODEL,
        exclude=[c for c in EXCLUDED_COMPONENTS if c not in LOADED_NOT_RUN],
        disable=list(LOADED_NOT_RUN),
    )
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    index_attribute_ruler(nlp)
    return nlp


def split_sentences(text: str, spacy_doc: Any = None) -> list[Sentence]:
    """The sentences of ``text``; each lies inside one line and is stripped of surrounding space.
    A trailing list of other stories (``trailing_chrome_start``) gives none."""
    spans: list[tuple[int, int]] = []
    if spacy_doc is not None:
        for s in spacy_doc.sents:
            spans.extend(_split_lines(text, s.start_char, s.end_char))
    else:
        spans.extend(_split_lines(text, 0, len(text)))
    sentences: list[Sentence] = []
    paragraph = 0
    last_end = 0
    stop = trailing_chrome_start(text)
    spans = [(a, min(b, stop)) for a, b in spans if a < stop]
    spans = [(a, b) for a, b in ((a, b - len(text[a:b]) + len(text[a:b].rstrip())) for a, b in spans) if b > a]
    spans = [piece for a, b in spans for piece in _split_run_in(text, a, b)]
    if spans:
        spans[:1] = _split_dateline(text, *spans[0])
    for start, end in spans:
        if "\n" in text[last_end:start]:
            paragraph += 1
        for a, b in _cut_long(text, start, end):
            sentences.append(Sentence(index=len(sentences), start=a, end=b, text=text[a:b], paragraph=paragraph))
        last_end = end
    if spacy_doc is not None:
        _attach_spans(sentences, spacy_doc)
    return sentences


def _split_lines(text: str, start: int, end: int):
    """(start, end) pieces of text[start:end] between line breaks, stripped, non-empty."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        a, b = pos, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            yield a, b
        pos = stop + 1


def _split_run_in(text: str, start: int, end: int):
    """(start, end) pieces of a sentence that runs into the next one without its full stop
    (``_RUN_IN``); the whole sentence when none does."""
    pos = start
    for m in _RUN_IN.finditer(text, start, end):
        clause = re.split(r"[.!?:;]\s", text[pos : m.start()])[-1]
        if len(clause.split()) >= _RUN_IN_MIN_WORDS:
            yield pos, m.start()
            pos = m.end()
    yield pos, end


def _split_dateline(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The text's first sentence cut where a headline of at least ``_RUN_IN_MIN_WORDS`` words runs
    into its report's dateline (``_DATELINE_RUN_IN``); the whole sentence when none does."""
    m = _DATELINE_RUN_IN.search(text, start, end)
    words = text[start : m.start()].split() if m else []
    if len(words) < _RUN_IN_MIN_WORDS or words[-1].lower() in _BEFORE_OWN_DATE:
        return [(start, end)]
    return [(start, m.start()), (m.end(), end)]


def _cut_long(text: str, start: int, end: int):
    """A very long 'sentence' (flattened text without stops) is cut at semicolons and dashes."""
    if end - start <= _MAX_SENTENCE:
        yield start, end
        return
    pos = start
    for m in _LONG_CUT.finditer(text, start, end):
        if m.start() - pos >= 40:
            yield pos, m.start()
            pos = m.end()
    if pos < end:
        yield pos, end


def _attach_spans(sentences: list[Sentence], spacy_doc: Any) -> None:
    for s in sentences:
        s.span = spacy_doc.char_span(s.start, s.end, alignment_mode="expand")
