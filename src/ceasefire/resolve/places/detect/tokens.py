"""A report's tokens as the detection passes read them: the word-level attributes read once.

Every pass walks the report's tokens many times, and each read of a spaCy ``Token`` attribute
(``text``, ``lower_``, ``idx``, ...) looks the string up again in the vocabulary. A :class:`Tok`
reads the attributes the passes test at every token once, when the scan starts; anything else
(``sent``, ``pos_``, ``tag_``, ``lemma_``, ``head``) is read from the spaCy token when asked.
"""

from __future__ import annotations

import re
from itertools import repeat
from operator import itemgetter, sub

from spacy.attrs import IDX, IS_PUNCT, LIKE_NUM, SPACY
from spacy.tokens import Token

_ARABIC_FIRST, _ARABIC_LAST = "\u0600", "\u06ff"  # the Arabic script block


def capitalised(word: str) -> bool:
    """Whether a word opens with a capital letter (or an Arabic one: the script has no case)."""
    if not word:
        return False
    ch = word[0]
    if _ARABIC_FIRST <= ch <= _ARABIC_LAST:  # Arabic script
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

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return self.text


def _spacy_attribute(name: str) -> property:
    def read(self):
        return getattr(self.doc[self.i], name)

    read.__name__ = name
    return property(read, doc=f"The spaCy token's ``{name}``.")


# Every other attribute of a spaCy token, read from the token when asked. Declared one by one, not
# through ``__getattr__``: a class with that hook makes every attribute read slower, the slots read
# above included (the interpreter cannot specialise them), and the passes read those most.
for _name in dir(Token):
    if (not _name.startswith("_") or _name == "_") and _name not in Tok.__slots__ and not hasattr(Tok, _name):
        setattr(Tok, _name, _spacy_attribute(_name))
del _name


def read_tokens(doc, text: str) -> list[Tok]:
    """The report's tokens, each attribute read once for all of them. ``text`` is the text ``doc``
    was parsed from: a token's words are the text from its offset to the next token's, less the
    space after it. The lexeme flags come from one array; the string tests are Python's, the same
    ones spaCy's English lexemes apply (``str.lower``, ``isalpha``, ``isspace``), run over the whole
    list at once. Walking the doc token by token and reading each attribute through spaCy cost a
    tenth of all detection."""
    n = len(doc)
    if n == 0:
        return []
    starts, spaced, punct, num = doc.to_array([IDX, SPACY, IS_PUNCT, LIKE_NUM]).T.tolist()
    ends = map(sub, starts[1:] + [len(text)], spaced)
    words = list(map(text.__getitem__, map(slice, starts, ends)))
    firsts = "".join(map(itemgetter(0), words))  # no token is empty
    caps = list(map(str.isupper, firsts))
    for m in _ARABIC.finditer(firsts):
        caps[m.start()] = True  # the script has no case (see capitalised)
    return list(map(
        Tok, repeat(doc, n), words, map(str.lower, words), starts, range(n), map(" ".__mul__, spaced),
        map(str.isalpha, words), map(bool, punct), map(bool, num), map(str.isspace, words), caps,
    ))


_ARABIC = re.compile(f"[{_ARABIC_FIRST}-{_ARABIC_LAST}]")
