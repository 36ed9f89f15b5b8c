"""The attribute ruler's rules matched by look-up give spaCy's own matches and token attributes."""

from __future__ import annotations

import pytest

from ceasefire.extract.attribute_rules import IndexedRules, index_attribute_ruler

TEXTS = [
    "I'm gonna tell you: they ain't leaving, y'all, and nothin' will stop us. Let's go.",
    "Gunmen killed at least 12 people in an attack on a market in the town on Tuesday, the police said.",
    "It is said that he has done it.\n\n  There are two more  ;  the convoy got through and gets aid in.",
    "",
]


@pytest.fixture(scope="module")
def nlp():
    from ceasefire.extract.sentences import extraction_pipeline

    return extraction_pipeline()


def _before_ruler(nlp, text):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "attribute_ruler":
            break
        doc = proc(doc)
    return doc


def test_the_extraction_pipeline_matches_by_look_up(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    assert "match" in vars(ruler)  # the instance's own match, not spaCy's Matcher


@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_spacy_and_again_from_memory(nlp, text):
    ruler = nlp.get_pipe("attribute_ruler")
    spacy_match = type(ruler).match.__get__(ruler)
    doc = _before_ruler(nlp, text)
    expected = spacy_match(doc)
    assert ruler.match(doc) == expected
    assert ruler.match(doc) == expected  # the tokens' rules now come from the memory
    if text:
        assert expected


def test_same_token_attributes_after_the_ruler(nlp):
    from ceasefire.nlp import load_pipeline

    text = TEXTS[0] + " " + TEXTS[2]
    ours = nlp(text)
    full = load_pipeline(("parser", "lemmatizer"))(text)
    assert [(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in ours] == [(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in full]
    assert [t.lemma_ for t in ours if t.lower_ in ("gon", "na", "ai")] == ["go", "to", "be"]


def test_a_rule_of_another_form_leaves_the_ruler_alone():
    with pytest.raises(ValueError):
        IndexedRules([{"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"POS": "DET"}, "index": 0}])
    with pytest.raises(ValueError):
        IndexedRules([{"patterns": [[{"ORTH": "a"}, {"ORTH": "b"}, {"ORTH": "c"}]], "attrs": {"POS": "DET"}, "index": 0}])

    class Bare:
        pipe_names: list[str] = []

    assert index_attribute_ruler(Bare()) is False
