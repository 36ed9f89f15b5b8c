"""A report's tokens as the detection passes read them: the word-level attributes read once.

Every pass walks the report's tokens many times, and each read of a spaCy ``Token`` attribute
(``text``, ``lower_``, ``idx``, ...) looks the string up again in the vocabulary. A :class:`Tok`
reads the attributes the passes test at every token once, when the scan starts; anything else
(``sent``, ``pos_``, ``tag_``, ``lemma_``, ``head``) is read from the spaCy token when asked.
"""

from __future__ import annotations


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

    def __init__(self, token) -> None:
        # Not the spaCy token itself (made again when asked for): a report's thousands of tokens kept
        # alive while the passes run only made the garbage collector's full sweeps come sooner.
        self.doc = token.doc
        self.text = token.text
        self.lower_ = token.lower_
        self.idx = token.idx
        self.i = token.i
        self.whitespace_ = token.whitespace_
        self.is_alpha = token.is_alpha
        self.is_punct = token.is_punct
        self.like_num = token.like_num
        self.is_space = token.is_space
        self.cap = capitalised(self.text)

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
