"""Lines of the repository that repeat the gold data's wording.

    .venv/bin/python scripts/gold_overlap.py [--data ../shared/data] [--words 10] [--since REV]

The gold sets in ``../shared/data`` are third parties' (FA-KES, ACLED, ISAF releases,
GeoWebNews, LGL, event-location); their licences let us measure against them in place, not copy
them. Tests and comments must use sentences of our own. This prints every tracked line under
``src/``, ``tests/``, ``docs/`` and ``README.md`` (or only the lines added since ``--since``) that
shares a run of ``--words`` or more consecutive words with a gold text, longest runs first:
``<run> <file>:<line> | <text>``. Exit status 1 when any line is printed.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHINGLE = 7  # words per indexed run; longer runs are chains of overlapping 7-word runs
_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _gold_texts(data: Path):
    csv.field_size_limit(sys.maxsize)
    for path in sorted(data.rglob("*")):
        if path.suffix == ".csv":
            with path.open(encoding="utf-8", errors="replace", newline="") as fh:
                for row in csv.reader(fh):
                    yield " ".join(row)
        elif path.suffix == ".jsonl":
            yield path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                for name in zf.namelist():
                    yield zf.read(name).decode("utf-8", errors="replace")
        elif path.suffix in (".txt", ".xml") and path.is_file():
            yield path.read_text(encoding="utf-8", errors="replace")


def gold_shingles(data: Path) -> set[str]:
    """Every run of :data:`SHINGLE` consecutive words in the gold texts."""
    runs: set[str] = set()
    for text in _gold_texts(data):
        w = _words(text)
        runs.update(" ".join(w[i : i + SHINGLE]) for i in range(len(w) - SHINGLE + 1))
    return runs


def longest_shared_run(line: str, runs: set[str]) -> int:
    """The longest run of consecutive words of ``line`` found in the gold texts (0: none of
    :data:`SHINGLE` words or more)."""
    w = _words(line)
    best = streak = 0
    for i in range(len(w) - SHINGLE + 1):
        streak = streak + 1 if " ".join(w[i : i + SHINGLE]) in runs else 0
        best = max(best, streak)
    return best + SHINGLE - 1 if best else 0


def _lines(since: str | None):
    """(file, line number, text) of the tracked lines to check."""
    paths = ["src", "tests", "docs", "README.md"]
    if since is None:
        files = subprocess.run(["git", "ls-files", "--", *paths], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
        for f in files:
            p = ROOT / f
            if p.suffix in (".py", ".md", ".yaml", ".tsv", ".txt", ".html", ".js", ".jsonl", ".csv"):
                for n, text in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                    yield f, n, text
        return
    diff = subprocess.run(["git", "diff", "-U0", f"{since}..HEAD", "--", *paths], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    current, n = "", 0
    for raw in diff.splitlines():
        if raw.startswith("+++ "):
            current = raw[6:]
        elif raw.startswith("@@"):
            n = int(re.search(r"\+(\d+)", raw).group(1))
        elif raw.startswith("+"):
            yield current, n, raw[1:]
            n += 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--words", type=int, default=10, help="report runs of at least this many words")
    ap.add_argument("--since", help="only lines added since this commit")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data}: no such folder (the gold data live in ../shared/data)", file=sys.stderr)
        return 2
    runs = gold_shingles(args.data)
    found = []
    for f, n, text in _lines(args.since):
        run = longest_shared_run(text, runs)
        if run >= args.words:
            found.append((run, f, n, text.strip()))
    for run, f, n, text in sorted(found, key=lambda x: (-x[0], x[1], x[2])):
        print(f"{run:3d} {f}:{n} | {text[:150]}")
    print(f"{len(found)} lines share {args.words} or more words in a row with the gold data", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
