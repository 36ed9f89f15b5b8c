"""Lines of the repository that repeat the gold data's wording.

    .venv/bin/python scripts/gold_overlap.py [--data ../shared/data] [--words 10] [--since REV] [--verbose]

The gold sets in ``../shared/data`` are third parties' (FA-KES, ACLED, ISAF releases,
GeoWebNews, LGL, event-location); their licences let us measure against them in place, not copy
them. Tests and comments must use sentences of our own. This prints every tracked line under
``src/``, ``tests/``, ``docs/`` and ``README.md`` (or only the lines added since ``--since``) that
shares a run of ``--words`` or more consecutive words with a gold text, longest runs first:
``<run> <file>:<line> | <text>``. Exit status 1 when any line is printed.

One allowance, for vocabulary that is not prose: ACLED's export column names
(``COLUMNS`` of ``src/ceasefire/export/acled.py``), the actor names of
``src/ceasefire/resources/actors.yaml`` (every ``name``, including renamed periods, the
``state_forces`` names and the generic actors per country, "Civilians (Syria)") and FA-KES's own category labels (the perpetrator and cause labels in
``src/ceasefire/eval/fakes.py``). These are the sets' fixed codes, which an export, a registry or
a mapping must spell exactly as they do. A line is allowed when, in each of its overlapping runs,
at most :data:`LOOSE_WORDS` words lie outside such names (a tuple's counts, ``assert``,
``name:``): a copied sentence keeps its own words and stays listed even when it names an actor.
Other fixed codes a file must spell as the set does (an ACLED actor name with its unit) are
listed in ``scripts/gold_overlap_allow.txt``, one ``path | reason | name`` a line: the name
counts as vocabulary in the lines of that file (or folder) only.
``--verbose`` prints the allowed lines too, marked ``allowed``.

The functions are importable (``tests/test_gold_wording.py`` runs :func:`check` over the tree).
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import NamedTuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHINGLE = 7  # words per indexed run; longer runs are chains of overlapping 7-word runs
_WORD = re.compile(r"[a-z0-9]+")
ALLOW_FILE = ROOT / "scripts" / "gold_overlap_allow.txt"
#: Words of an overlapping run that may lie outside the sets' vocabulary for the line to be allowed.
LOOSE_WORDS = 4


class Overlap(NamedTuple):
    """One line that shares a run of words with the gold data."""

    run: int
    file: str
    line: int
    text: str
    allowed: bool


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


def _literal(path: Path, name: str):
    """The value of the module-level literal ``name`` in the Python file ``path`` (not imported)."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError(f"{path}: no literal {name}")


def _actor_names(node) -> list[str]:
    if isinstance(node, dict):
        found = [v for k, v in node.items() if k == "name" and isinstance(v, str)]
        return found + [n for v in node.values() for n in _actor_names(v)]
    if isinstance(node, list):
        return [n for v in node for n in _actor_names(v)]
    return []


def vocabulary(root: Path = ROOT) -> set[tuple[str, ...]]:
    """The sets' fixed codes as word tuples: ACLED column names, actor names, FA-KES labels."""
    src = root / "src" / "ceasefire"
    names = list(_literal(src / "export" / "acled.py", "COLUMNS"))
    registry = yaml.safe_load((src / "resources" / "actors.yaml").read_text(encoding="utf-8"))
    names += _actor_names(registry.get("actors", []))
    state_forces = registry.get("state_forces") or {}
    names += [n for forces in state_forces.values() for n in forces.values()]
    # the generic actors ACLED names per country ("Civilians (Syria)")
    countries = set(state_forces) | set((registry.get("demonyms") or {}).values())
    names += [g["template"].format(country=c) for g in registry.get("generic") or [] for c in sorted(countries)]
    names += [label for _, label in _literal(src / "eval" / "fakes.py", "PERPETRATORS")]
    names += list(_literal(src / "eval" / "fakes.py", "CAUSES").values())
    return {tuple(w) for w in map(_words, names) if w}


def allowed_names(path: Path = ALLOW_FILE) -> list[tuple[str, tuple[str, ...]]]:
    """(file or folder, name as words) of each entry of the allow-list file."""
    entries = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines() if path.exists() else [], 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in raw.split("|")]
        if len(parts) != 3 or not all(parts):
            raise ValueError(f"{path}:{n}: expected 'path | reason | name', got {raw!r}")
        entries.append((parts[0].rstrip("/"), tuple(_words(parts[2]))))
    return entries


def _shared_stretches(w: list[str], runs: set[str], words: int) -> list[tuple[int, int]]:
    """(start, end) word positions of each run of ``words`` or more words found in the gold."""
    found, start = [], None
    for i in range(len(w) - SHINGLE + 2):
        hit = i < len(w) - SHINGLE + 1 and " ".join(w[i : i + SHINGLE]) in runs
        if hit and start is None:
            start = i
        elif not hit and start is not None:
            if i - start + SHINGLE - 1 >= words:
                found.append((start, i + SHINGLE - 1))
            start = None
    return found


def is_vocabulary(line: str, runs: set[str], vocab: set[tuple[str, ...]], words: int = 10) -> bool:
    """True when each overlapping run of ``line`` is made of the sets' fixed codes, with at most
    :data:`LOOSE_WORDS` other words."""
    w = _words(line)
    covered = [False] * len(w)
    longest = max((len(v) for v in vocab), default=0)
    for i in range(len(w)):
        for n in range(1, min(longest, len(w) - i) + 1):
            if tuple(w[i : i + n]) in vocab:
                covered[i : i + n] = [True] * n
    return all(covered[a:b].count(False) <= LOOSE_WORDS for a, b in _shared_stretches(w, runs, words))


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


def check(data: Path, since: str | None = None, words: int = 10) -> list[Overlap]:
    """Every checked line sharing ``words`` or more words in a row with the gold data, longest
    runs first; ``allowed`` marks the lines made of the sets' fixed codes."""
    runs = gold_shingles(data)
    vocab = vocabulary()
    extra = allowed_names()
    found = []
    for f, n, text in _lines(since):
        run = longest_shared_run(text, runs)
        if run >= words:
            local = vocab | {name for where, name in extra if f == where or f.startswith(where + "/")}
            found.append(Overlap(run, f, n, text.strip(), is_vocabulary(text, runs, local, words)))
    return sorted(found, key=lambda o: (-o.run, o.file, o.line))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--words", type=int, default=10, help="report runs of at least this many words")
    ap.add_argument("--since", help="only lines added since this commit")
    ap.add_argument("--verbose", action="store_true", help="also print the lines allowed as the sets' vocabulary")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data}: no such folder (the gold data live in ../shared/data)", file=sys.stderr)
        return 2
    found = check(args.data, args.since, args.words)
    listed = [o for o in found if not o.allowed]
    for o in found:
        if not o.allowed:
            print(f"{o.run:3d} {o.file}:{o.line} | {o.text[:150]}")
        elif args.verbose:
            print(f"{o.run:3d} {o.file}:{o.line} | allowed (ACLED/FA-KES vocabulary) | {o.text[:150]}")
    allowed = len(found) - len(listed)
    print(f"{len(listed)} lines share {args.words} or more words in a row with the gold data "
          f"({allowed} more allowed as the sets' vocabulary)", file=sys.stderr)
    return 1 if listed else 0


if __name__ == "__main__":
    sys.exit(main())
