"""A report's tokens as the detection passes read them: the word-level attributes read once.

Every pass walks the report's tokens many times, and each read of a spaCy ``Token`` attribute
(``text``, ``lower_``, ``idx``, ...) looks the string up again in the vocabulary. A :class:`Tok`
reads the attributes the passes test at every token once, when the scan starts; anything else
(``sent``, ``pos_``, ``tag_``, ``lemma_``, ``head``) is read from the spaCy token when asked.
"""

from __future__ import annotations

from spacy.attrs import IDX, IS_PUNCT, LIKE_NUM, SPACY


def capitalised(word: str) -> bool:
    """Whether a word opens with a capital letter (or an Arabic one: the script has no case)."""
    if not word:
        return False
    ch = word[0]
    if "\u0600" <= ch <= "\u06ff":  # Arabic script
        return True
    return ch.isupper()


class Tok:
    """One token of the report: the spaCy token's word-level attributes, read once."""

    __slots__ = ("doc", "text", "lower_", "idx", "i", "whitespace_", "is_alpha", "is_punct", "like_num", "is_space", "cap")

    def __init__(self, doc, text: str, lower: str, idx: int, i: int, whitespace: str, is_alpha: bool,
                 is_punct: bool, like_num: bool, is_space: bool, cap: bool) -> None:
        # Not the spaCy token itself (made again when asked for): a report's thousands of tokens kept
        # alive while the passes run only made the garbage collector's full sweeps come sooner.
        self.doc = doc
        self.text = text
        self.lower_ = lower
        self.idx = idx
        self.i = i
        self.whitespace_ = whitespace
        self.is_alpha = is_alpha
        self.is_punct = is_punct
        self.like_num = like_num
        self.is_space = is_space
        self.cap = cap

    @property
    def token(self):
        """The spaCy token."""
        return self.doc[self.i]

    def __getattr__(self, name: str):
        if name in ("doc", "i"):
            raise AttributeError(name)
        return getattr(self.doc[self.i], name)

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return self.text


def read_tokens(doc, text: str) -> list[Tok]:
    """The report's tokens, each attribute read once for all of them. ``text`` is the text ``doc``
    was parsed from: a token's words are the text from its offset to the next token's, less the
    space after it. The lexeme flags come from one array; the string tests are Python's, the same
    ones spaCy's English lexemes apply (``str.lower``, ``isalpha``, ``isspace``). Walking the doc
    token by token and reading each attribute through spaCy cost a tenth of all detection."""
    n = len(doc)
    if n == 0:
        return []
    cols = doc.to_array([IDX, SPACY, IS_PUNCT, LIKE_NUM]).T.tolist()
    starts, spaced = cols[0], cols[1]
    ends = starts[1:] + [len(text)]
    words = [text[a:b - s] for a, b, s in zip(starts, ends, spaced)]
    return list(map(
        Tok, [doc] * n, words, [w.lower() for w in words], starts, range(n), [" " if s else "" for s in spaced],
        [w.isalpha() for w in words], [p == 1 for p in cols[2]], [x == 1 for x in cols[3]],
        [w.isspace() for w in words], [capitalised(w) for w in words],
    ))
