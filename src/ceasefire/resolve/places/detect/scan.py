"""The state the detection passes share over one report."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter

from ceasefire.resolve.places.gazetteer import (
    NAME_DEMONYM,
    Gazetteer,
)
from ceasefire.resolve.places.detect.filters import _byline_name, _place_cue
from ceasefire.resolve.places.detect.lookup import _big
from ceasefire.resolve.places.detect.mention import Mention, _is_cap, sent_start_tok
from ceasefire.resolve.places.detect.tokens import read_tokens
from ceasefire.resolve.places.detect.vocabulary import LEADING_ARTICLES, LOCATIVE, SPEECH_VERBS

_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july "
    "august september october november december".split()
)


@dataclass
class Scan:
    """The tokens of one report and what the passes have found so far (``taken`` marks tokens
    already inside a mention or a name that is no place)."""

    doc: object  # the spaCy Doc
    gaz: Gazetteer
    text: str
    tokens: list
    n: int
    ent_of: list  # the entity over each token, or None
    person_tokens: set[str]  # later words of multi-word persons
    given_names: set[str]  # first names and speakers' names
    sent_start: list[bool]
    title_case: list[bool]  # tokens of headline-cased sentences
    mentions: list[Mention]
    taken: list[bool]
    deferred: list = field(default_factory=list)  # spaCy's place entities left to the gazetteer scan: (i, j, label)
    sentence_char: list[int] = field(default_factory=list)  # where each token's sentence begins in the text
    capitals: list[int] = field(default_factory=list)  # the tokens that open with a capital, in order: the passes start there
    ents: tuple = ()  # spaCy's entities (doc.ents builds them anew at every call)
    town_facilities: list = field(default_factory=list)  # facilities' names holding a town, left to the other passes: (i, j)
    lowers: list = field(default_factory=list)  # each token's lower-case form

    def where(self, words) -> list[int]:
        """The tokens whose lower-case form is one of ``words``, in order. Most passes start only at
        a few words ("street", "counties", "village"): they walk these, not every token."""
        return list(compress(range(self.n), map(words.__contains__, self.lowers)))

    def add(self, i: int, j: int, cands, label) -> None:
        text, tokens, mentions, taken = self.text, self.tokens, self.mentions, self.taken
        if _byline_name(tokens, i):
            return  # "By Karim Nassar": the author, whatever the gazetteer's spellings reach
        start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)
        m = Mention(start, end, text[start:end], list(cands), label, token_start=i, token_end=j)
        m.sentence_start = self.sentence_char[i] if self.sentence_char else tokens[i].sent.start_char
        named = [kind for _, kind, match in cands if match != "skeleton"]  # outlines are guesses, not readings
        m.demonym = bool(named) and all(kind == NAME_DEMONYM for kind in named)
        m.person_like = (label == "PERSON" and j - i == 1 and not _big(cands)
                         and not any(p.source.startswith("supplement") for p, _, _ in cands)
                         and not (i > 0 and tokens[i - 1].lower_ in LOCATIVE) and not _place_cue(tokens, i, j))
        mentions.append(m)
        for k in range(i, j):
            taken[k] = True

    def cap_run(self, a: int) -> int:
        tokens, n, taken = self.tokens, self.n, self.taken
        b = a
        while b < n and not taken[b] and (_is_cap(tokens[b]) or (b > a and tokens[b].text in "-‐" and b + 1 < n and _is_cap(tokens[b + 1]))
                                          or (b > a and tokens[b].lower_ in LEADING_ARTICLES and b + 1 < n and tokens[b + 1].text in "-‐")):
            if tokens[b].is_punct and tokens[b].text not in "-‐":
                break
            b += 1
            if b - a >= 4:
                break
        while b > a and tokens[b - 1].text in "-‐":
            b -= 1
        return b

    def free(self, a: int, b: int, persons: bool = False) -> bool:
        ent_of, taken = self.ent_of, self.taken
        # The word beside the name is the evidence; spaCy's label over the name itself may be wrong.
        refused = ("DATE", "TIME", "EVENT", "WORK_OF_ART", "MONEY", "CARDINAL") + (() if persons else ("PERSON",))
        return b > a and not any(taken[a:b]) and all(ent_of[k] is None or ent_of[k].label_ not in refused for k in range(a, b))


def start_scan(doc, gaz: Gazetteer, text: str | None = None) -> Scan:
    """Read the report's entities, persons, sentence starts and headline lines once (``text``:
    the text ``doc`` was parsed from, read from the doc when not given)."""
    text = doc.text if text is None else text
    tokens = read_tokens(doc, text)
    n = len(tokens)
    capitals = [k for k, t in enumerate(tokens) if t.cap]
    ent_of = [None] * n
    ents = doc.ents
    for ent in ents:
        for i in range(ent.start, ent.end):
            ent_of[i] = ent
    # Tokens of multi-word person names: "Henry" alone later in the report is that person.
    person_tokens = set()
    # First names of multi-word persons: "Tim" alone after "Kristina and Tim Jones" is the man.
    given_names = set()
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            for t in ent[1:]:
                person_tokens.add(t.text)
            if ent[0].is_alpha and _is_cap(ent[0]):
                given_names.add(ent[0].text)
    # One word that says something is a person too: "Johnson said", "“...,” said Noma."
    for k in capitals:
        t = tokens[k]
        if not t.is_alpha or (k > 0 and _is_cap(tokens[k - 1]) and not sent_start_tok(tokens, k)):
            continue
        if k + 1 < n and tokens[k + 1].lower_ in SPEECH_VERBS and (k + 2 >= n or not _is_cap(tokens[k + 2])):
            given_names.add(t.text)
        elif k >= 2 and tokens[k - 1].lower_ in ("said", "says") and tokens[k - 2].text in ('"', "”", "’", "'", ",") \
                and (k + 1 >= n or not _is_cap(tokens[k + 1])):
            given_names.add(t.text)
    # ... unless the report also puts it after "in", "near", "from": "Avondale Mayor Ed Rieker" and
    # "22 lots in Avondale" name the town.
    # "according to Winfield" names the speaker, not a place.
    if given_names:
        given_names -= {tokens[k].text for k in range(1, n) if tokens[k].text in given_names and (
            tokens[k - 1].lower_ in LOCATIVE or (
                tokens[k - 1].lower_ in ("to", "of") and not (k >= 2 and tokens[k - 2].lower_ == "according")))}
    sent_start = [False] * n
    sentence_char = [0] * n
    title_case = [False] * n  # headlines capitalise every word: capitals prove nothing there
    for sent in doc.sents:
        sent_start[sent.start] = True
        sentence_char[sent.start: sent.end] = [sent.start_char] * (sent.end - sent.start)
        s = tokens[sent.start: sent.end]  # its tokens as read once (see tokens.Tok)
        # Days and months are capitalised in running text too; a verb left in lower case ("Jets
        # struck Kafranbel on Monday and Saraqib on Tuesday") is running text: headlines capitalise
        # their verbs, short ones included ("Car Bomb Hits Market"). Not a list of names run by
        # commas ("grants went to the Ely Cadets, Histon Youth Club, ..."): capitals prove as little
        # there as in a headline.
        if sum(1 for t in s if t.text == ",") < 3 and any(t.is_alpha and t.text.islower() and t.token.pos_ == "VERB" for t in s):
            continue
        words = [t for t in s if t.is_alpha and len(t.text) > 3 and t.lower_ not in _CALENDAR_WORDS]
        if len(words) >= 4 and sum(1 for t in words if t.text[0].isupper()) >= 0.8 * len(words):
            for k in range(sent.start, sent.end):
                title_case[k] = True

    mentions: list[Mention] = []
    taken = [False] * n
    return Scan(doc, gaz, text, tokens, n, ent_of, person_tokens, given_names, sent_start, title_case, mentions, taken,
                sentence_char=sentence_char, capitals=capitals, ents=ents, lowers=list(map(attrgetter("lower_"), tokens)))
