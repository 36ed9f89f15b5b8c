"""The pipeline's attribute ruler, matched by look-up instead of spaCy's general ``Matcher``.

The English small pipeline's ``attribute_ruler`` sets each token's coarse part of speech,
morphology and a few lemmas from rules on one or two tokens: the fine tag alone (the tag map),
or the tag and the lower-case word ("PRP" and "i"), a word pair ("gon" "na"), a dependency label.
spaCy finds the rules that apply with its general ``Matcher``, which tries every rule at every
token; here the rules are indexed by the fine tag and the lower-case word, so a token is checked
against the few rules that name its own. The matches handed to the ruler are the same list in
the same order (rule number, start, end: later rules win), and the ruler sets the attributes as
before. A rule of a form the index does not know (another attribute, an operator, three tokens)
leaves the ruler as spaCy made it.
"""

from __future__ import annotations

import re
from typing import Any, Callable

#: Token attributes a rule may test here, read from the token as strings (``IS_SPACE`` as a flag).
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: Token signatures whose rules are remembered; beyond it the memory starts again.
_MEMO_SIZE = 200_000


def _predicate(attr: str, value: Any) -> Callable[[dict[str, Any]], bool] | None:
    """A test of one attribute of a token (given as ``{attr: value}``), or None when its form is
    not one spaCy's ``Matcher`` reads the same way as this test."""
    if attr == "IS_SPACE":
        return (lambda t, v=bool(value): t["IS_SPACE"] == v) if isinstance(value, bool) else None
    if isinstance(value, str):
        return lambda t, a=attr, v=value: t[a] == v
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(x, str) for x in arg):
        values = frozenset(arg)
        return (lambda t, a=attr, s=values: t[a] in s) if op == "IN" else (lambda t, a=attr, s=values: t[a] not in s)
    if op == "REGEX" and isinstance(arg, str):
        rx = re.compile(arg)
        return lambda t, a=attr, r=rx: r.search(t[a]) is not None
    return None


def _keys(spec: dict[str, Any], attr: str) -> tuple[str, ...] | None:
    """The values of ``attr`` a token must have to meet ``spec`` (None: any value)."""
    value = spec.get(attr)
    if isinstance(value, str):
        return (value,)
    if isinstance(value, dict) and list(value) == ["IN"]:
        return tuple(value["IN"])
    return None


class IndexedRules:
    """The ruler's rules indexed by the first token's fine tag and lower-case word."""

    def __init__(self, patterns: list[dict[str, Any]]):
        self.rules: list[tuple[int, int, list[list[Callable[[dict[str, Any]], bool]]]]] = []
        self.by_tag: dict[str, list[int]] = {}
        self.by_lower: dict[str, list[int]] = {}
        self.anywhere: list[int] = []
        self.two_token: list[int] = []
        self._memo: dict[tuple[int, int, int, int], tuple[list[tuple[int, int | None]], frozenset[int]]] = {}
        for number, entry in enumerate(patterns):
            for tokens in entry["patterns"]:
                if not 1 <= len(tokens) <= 2:
                    raise ValueError("a rule of more than two tokens")
                tests = []
                for spec in tokens:
                    if not isinstance(spec, dict) or not set(spec) <= set(_ATTRS):
                        raise ValueError(f"a rule on {sorted(spec)}")
                    preds = [_predicate(a, v) for a, v in spec.items()]
                    if any(p is None for p in preds):
                        raise ValueError(f"a rule of another form: {spec}")
                    tests.append(preds)
                rule = len(self.rules)
                self.rules.append((number, len(tokens), tests))
                if len(tokens) == 2:
                    self.two_token.append(rule)
                tags, lowers = _keys(tokens[0], "TAG"), _keys(tokens[0], "LOWER")
                if tags is not None:
                    for tag in tags:
                        self.by_tag.setdefault(tag, []).append(rule)
                elif lowers is not None:
                    for lower in lowers:
                        self.by_lower.setdefault(lower, []).append(rule)
                else:
                    self.anywhere.append(rule)

    def matches(self, doc: Any) -> list[tuple[int, int, int]]:
        """(rule number, start, end) of every rule that holds in ``doc``, sorted, without repeats."""
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        if not len(doc):
            return []
        signatures = list(map(tuple, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()))
        strings = doc.vocab.strings
        found: set[tuple[int, int, int]] = set()
        n = len(signatures)
        for i, sig in enumerate(signatures):
            held = self._memo.get(sig)
            if held is None:
                held = self._held(sig, strings)
            for number, second in held[0]:
                if second is None:
                    found.add((number, i, i + 1))
                elif i + 1 < n:
                    after = self._memo.get(signatures[i + 1])
                    if after is None:
                        after = self._held(signatures[i + 1], strings)
                    if second in after[1]:
                        found.add((number, i, i + 2))
        return sorted(found)

    def _held(self, sig: tuple[int, int, int, int], strings: Any) -> tuple[list[tuple[int, int | None]], frozenset[int]]:
        """For a token of signature ``sig`` (hashes of its tag, lower-case form, dependency label,
        and its space flag): the rules whose first token it meets (rule number, and the rule's
        index when a second token must follow), and the rules whose second token it meets."""
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        tag, lower, dep, space = sig
        tok = {"TAG": strings[tag] if tag else "", "LOWER": strings[lower] if lower else "",
               "DEP": strings[dep] if dep else "", "IS_SPACE": bool(space)}
        first: list[tuple[int, int | None]] = []
        for rule in sorted({*self.by_tag.get(tok["TAG"], ()), *self.by_lower.get(tok["LOWER"], ()), *self.anywhere}):
            number, length, tests = self.rules[rule]
            if all(test(tok) for test in tests[0]):
                first.append((number, None if length == 1 else rule))
        second = frozenset(rule for rule in self.two_token if all(test(tok) for test in self.rules[rule][2][1]))
        held = self._memo[sig] = (first, second)
        return held


def index_attribute_ruler(nlp: Any) -> bool:
    """Let the pipeline's ``attribute_ruler`` find its matches through ``IndexedRules``; False
    (the ruler left as it is) when the pipeline has none or a rule of a form not indexed here."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        rules = IndexedRules(ruler.patterns)
    except ValueError:
        return False
    strings = ruler.vocab.strings

    def match(doc):
        return [(number, strings[str(number)], start, end) for number, start, end in rules.matches(doc)]

    ruler.match = match
    return True
