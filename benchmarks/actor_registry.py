"""How often the actor registry names ACLED's actor1 in the event's own note.

    .venv/bin/python benchmarks/actor_registry.py [--data ../shared/data]

For every ACLED row with a note, the registry's mentions in the note (with the row's country)
are compared with ``actor1``; ACLED's unit suffix after the years is ignored ("Military Forces
of Syria (2000-) 4th Armored Division" counts as "Military Forces of Syria (2000-)"), and a
renamed group counts under any of its dated names.  Printed per file: the share of rows whose
actor1 is among the mentions (an upper bound for an extractor's "actor1 correct"), the share whose
actor1 the registry knows at all, and the most frequent misses.
"""

from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
import time
from pathlib import Path

from ceasefire.resolve.actors import registry

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = (ROOT / ".." / "shared" / "data").resolve()
_UNIT = re.compile(r"^((?:Military|Police) Forces of .*?\(\d{4}-(?:\d{4})?\)).*$")


def base(name: str) -> str:
    return _UNIT.sub(r"\1", name)


def bench(path: Path, top: int) -> None:
    reg = registry()
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("notes") and r.get("actor1") and r["actor1"] != "NA"]
    hit = known = 0
    misses: collections.Counter[str] = collections.Counter()
    t0 = time.perf_counter()
    for r in rows:
        actor1 = base(r["actor1"])
        names: set[str] = set()
        for m in reg.find(r["notes"], country=r.get("country")):
            names.update(base(n) for n in [m.actor.name] + [p["name"] for p in m.actor.periods])
        hit += actor1 in names
        known += actor1 in names or reg.get(actor1, country=r.get("country")) is not None
        if actor1 not in names:
            misses[actor1] += 1
    secs = time.perf_counter() - t0
    print(f"{path.name:38s} rows={len(rows):6d}  actor1 among mentions={hit / len(rows):.3f}  known to registry={known / len(rows):.3f}  "
          f"({len(rows) / secs:,.0f} notes/s)")
    for name, n in misses.most_common(top):
        print(f"    {n:5d}  {name}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--top", type=int, default=8, help="most frequent misses to list per file")
    args = ap.parse_args(argv)
    folder = args.data / "acled"
    if not folder.exists():
        print(f"{folder}: ACLED folder not found", file=sys.stderr)
        return 2
    for name in ["acled_syria_battles_2017_2023.csv", "acled_2020_sample.csv", "acled_old_deletion_dummy.csv"]:
        if (folder / name).exists():
            bench(folder / name, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
