"""Geoparsing speed: gazetteer load time and toponyms resolved per second on one core.

    .venv/bin/python benchmarks/geoparse_speed.py [--data ../shared/data] [--docs 200]

Prints: the time to open the gazetteer file (and to build it, when it had to), the spaCy parse
rate, and the geoparsing rate after the parse (detection on a ready parse + resolution, CPU time of
this process), with the resolution of the detected names alone apart, over LGL's articles, read
in place from the shared data folder; without it, over the bundled seed-like sentences below,
repeated. Issue 4's goal (1,000 toponyms/s on one core) is checked against the first of the two,
the stricter: a user's report needs both.
"""

from __future__ import annotations

import argparse
import time
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FALLBACK = [
    "Government air strikes hit the Maadi and Sukkari districts of eastern Aleppo on Saturday, "
    "the Syrian Observatory for Human Rights said, while rebels shelled al-Midan and Sheikh Maqsoud.",
    "Aid trucks entered al-Foua and Kefraya in the northwest province of Idlib, and supplies reached "
    "Madaya and Zabadani near Damascus, the ICRC said in Geneva.",
    "Clashes broke out in Jobar and Qaboun as shells fell on Douma, Harasta and Arbin in Eastern Ghouta.",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO / ".." / "shared" / "data")
    ap.add_argument("--docs", type=int, default=200)
    args = ap.parse_args()

    from ceasefire.resolve.places.gazetteer import Gazetteer, build_gazetteer, find_cache

    path = find_cache()
    if path is None or not path.exists():
        t0 = time.perf_counter()
        path = build_gazetteer()
        print(f"gazetteer built in {time.perf_counter() - t0:.1f} s: {path}")
    t0 = time.perf_counter()
    gaz = Gazetteer(path)
    load = time.perf_counter() - t0
    # First lookups touch the file's pages: include a handful in the load figure.
    t0 = time.perf_counter()
    for name in ("aleppo", "damascus", "idlib", "london", "springfield"):
        gaz.candidates(name)
    warm = time.perf_counter() - t0
    print(f"gazetteer load: {load * 1000:.0f} ms to open, {warm * 1000:.0f} ms for the first 5 lookups ({path.name})")

    lgl = args.data / "geoparsing" / "Corpora" / "lgl.xml"
    if lgl.exists():
        texts = [a.findtext("text") or "" for a in ET.parse(lgl).getroot().iter("article")][: args.docs]
        source = f"{len(texts)} LGL articles"
    else:
        texts = FALLBACK * 50
        source = f"{len(texts)} built-in sentences (no shared data)"

    from ceasefire.nlp import load_pipeline
    from ceasefire.resolve.places import resolve_mentions
    from ceasefire.resolve.places import gazetteer as gz
    from ceasefire.resolve.places.detect import find_mentions

    gz._LOADED["<current>"] = gaz
    nlp = load_pipeline(("lemmatizer",))
    t0 = time.process_time()
    docs = [nlp(t) for t in texts]
    parse = time.process_time() - t0
    words = sum(len(d) for d in docs)
    toponyms = 0
    detect = resolve_only = 0.0
    for doc, text in zip(docs, texts):
        t0 = time.process_time()
        mentions = find_mentions(doc, gaz, text)
        t1 = time.process_time()
        toponyms += len(resolve_mentions(mentions, text, gaz))
        t2 = time.process_time()
        detect += t1 - t0
        resolve_only += t2 - t1
    resolve = detect + resolve_only
    print(f"input: {source}, {words} tokens")
    print(f"spaCy parse: {words / parse:,.0f} tokens/s (CPU)")
    print(f"geoparse after the parse (detection and resolution): {toponyms} toponyms in {resolve:.2f} s = "
          f"{toponyms / resolve:,.0f} toponyms/s on one core (CPU)")
    print(f"  of which resolution alone (the detected names to places): {resolve_only:.2f} s = "
          f"{toponyms / resolve_only:,.0f} toponyms/s; detection {detect:.2f} s")
    print(f"end to end: {toponyms / (parse + resolve):,.0f} toponyms/s")


if __name__ == "__main__":
    main()
