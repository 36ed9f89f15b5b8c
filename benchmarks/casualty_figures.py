"""How well the casualty-figure parser reads death tolls, on gold data written by others.

    .venv/bin/python benchmarks/casualty_figures.py [--data ../shared/data] [--limit N]

Two sets, read in place:

* ISAF press releases (``isaf/``, 724 releases): the gold ``min_killed`` against the number of
  people our parser finds killed in the release.  ISAF's annotators count people killed by the
  force in the operation the release reports; the parser counts every figure of dead, so a
  release that also mentions "an attack that killed four US soldiers" disagrees.  Printed:
  exact agreement on all releases, on releases with deaths, and how often the gold number is
  among the figures found (recall of the parser, before any event logic).
* ACLED notes (``acled/``): the ``fatalities`` column against ``casualty_counts`` of the
  note's figures (no figure = 0).  Printed per file: exact agreement on all rows and on rows
  with deaths, and figure recall on rows with deaths.

* FA-KES (``fakes/``, 384 Syrian-war articles): nb_civilians + nb_noncivilians against the
  killed total of the figures in the title and first two sentences, tallies left out.

The document-level number is deliberately naive (what an extractor gets with no event logic):
the killed total of ``casualty_counts`` over all figures of the text, tallies included.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

from ceasefire.resolve.numbers import casualty_counts, find_casualties

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = (ROOT / ".." / "shared" / "data").resolve()


def killed_total(text: str) -> tuple[int, set[int]]:
    """(the killed total of the text, every killed figure's best value) — no figure gives (0, {})."""
    figures = find_casualties(text)
    total = casualty_counts(figures)["fatalities"]["total"]
    values = {f.best for f in figures if f.outcome == "killed" and f.best is not None}
    return (total["best"] or 0) if total else 0, values


def isaf_release_text(human: str) -> str:
    text = human.replace("PRESS RELEASE TEXT:", "", 1)
    return re.sub(r"[ \t]+", " ", text)


def bench_isaf(data: Path, limit: int | None) -> dict[str, float]:
    path = data / "isaf" / "isaf_press_releases_ft_test.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        rows = rows[:limit]
    exact = exact_pos = pos = recall = 0
    chars = 0
    t0 = time.perf_counter()
    for row in rows:
        conv = row["conversations"]
        gold = json.loads(conv[2]["value"])["min_killed"]
        text = isaf_release_text(conv[1]["value"])
        chars += len(text)
        ours, values = killed_total(text)
        exact += ours == gold
        if gold > 0:
            pos += 1
            exact_pos += ours == gold
            recall += gold in values or ours == gold
    secs = time.perf_counter() - t0
    return {"releases": len(rows), "exact": exact / len(rows), "with_deaths": pos, "exact_with_deaths": exact_pos / max(pos, 1),
            "figure_recall_with_deaths": recall / max(pos, 1), "chars_per_s": chars / secs}


def bench_acled(path: Path, limit: int | None) -> dict[str, float]:
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("notes") and (r.get("fatalities") or "").strip().isdigit()]
    if limit:
        rows = rows[:limit]
    exact = exact_pos = pos = recall = 0
    t0 = time.perf_counter()
    for r in rows:
        gold = int(r["fatalities"])
        ours, values = killed_total(r["notes"])
        exact += ours == gold
        if gold > 0:
            pos += 1
            exact_pos += ours == gold
            recall += gold in values or ours == gold
    secs = time.perf_counter() - t0
    return {"notes": len(rows), "exact": exact / max(len(rows), 1), "with_deaths": pos, "exact_with_deaths": exact_pos / max(pos, 1),
            "figure_recall_with_deaths": recall / max(pos, 1), "notes_per_s": len(rows) / secs}


def bench_fakes(data: Path, limit: int | None) -> dict[str, float]:
    path = data / "fakes" / "fakes-dev.csv"
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if limit:
        rows = rows[:limit]
    exact = n = recall = 0
    for r in rows:
        try:
            gold = int(float(r["nb_civilians"] or 0)) + int(float(r["nb_noncivilians"] or 0))
        except ValueError:
            continue
        n += 1
        lead = " ".join(re.split(r"(?<=[.!?])\s+", r["article_content"])[:3])
        figures = find_casualties(lead)
        total = casualty_counts(figures, include_aggregates=False)["fatalities"]["total"]
        exact += ((total["best"] or 0) if total else 0) == gold
        recall += gold == 0 or gold in {f.best for f in find_casualties(r["article_content"]) if f.outcome == "killed"}
    return {"articles": n, "lead_exact": exact / max(n, 1), "figure_recall": recall / max(n, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="rows per set (default: all)")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"{args.data}: gold data folder not found", file=sys.stderr)
        return 2
    res = bench_isaf(args.data, args.limit)
    print(f"ISAF min_killed  releases={res['releases']}  exact={res['exact']:.3f}  "
          f"with deaths={res['with_deaths']} exact={res['exact_with_deaths']:.3f} figure recall={res['figure_recall_with_deaths']:.3f}  "
          f"({res['chars_per_s']:,.0f} chars/s)")
    if (args.data / "fakes" / "fakes-dev.csv").exists():
        res = bench_fakes(args.data, args.limit)
        print(f"FA-KES deaths    articles={res['articles']}  lead exact={res['lead_exact']:.3f}  figure recall (whole article)={res['figure_recall']:.3f}")
    for name in ["acled_2020_sample.csv", "acled_old_deletion_dummy.csv", "acled_syria_battles_2017_2023.csv"]:
        path = args.data / "acled" / name
        if not path.exists():
            continue
        res = bench_acled(path, args.limit)
        print(f"ACLED {name:38s} notes={res['notes']:6d}  exact={res['exact']:.3f}  with deaths={res['with_deaths']:5d} "
              f"exact={res['exact_with_deaths']:.3f} figure recall={res['figure_recall_with_deaths']:.3f}  ({res['notes_per_s']:,.0f} notes/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
