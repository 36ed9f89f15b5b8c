"""Time of `analyse.update` (truce registry, verdicts, access) on a synthetic store.

Usage: .venv/bin/python benchmarks/monitor_update.py [N_EVENTS] [--db URL]

Stores N violent events (one report each, over 60 days, at Syrian towns of the GeoNames cities
list), a handful of Agreement and access reports, and three declared truces; then prints the
seconds taken by consolidation (for reference) and by `analyse.update` (twice: the second run
shows the steady cost of an ingest that adds nothing).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from ceasefire import analyse, consolidate
from ceasefire.analyse.truces import declare
from ceasefire.documents import Document
from ceasefire.extract.agreements import _geonames_sy
from ceasefire.extract.contract import empty_event
from ceasefire.store import open_store

SUBS = [("Explosions/Remote violence", "Air/drone strike", "air_strike"), ("Explosions/Remote violence", "Shelling/artillery/missile attack", "artillery"),
        ("Battles", "Armed clash", "small_arms")]
ACTORS = ["Military Forces of Syria (2000-)", "Opposition Rebels (Syria)", "Islamic State (Syria)", None]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=5000)
    ap.add_argument("--db", default=None)
    ap.add_argument("--profile", action="store_true", help="Profile a third, no-op update.")
    ap.add_argument("--direct", action="store_true", help="Write the events table directly (no documents, no consolidation): for large N.")
    args = ap.parse_args()
    rnd = random.Random(7)
    towns = sorted({c["geonameid"]: c for c in _geonames_sy().values()}.values(), key=lambda c: c["geonameid"])
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite'}"
    store = open_store(url)
    start = date(2016, 3, 1)
    items = []
    for i in range(args.n):
        c = rnd.choice(towns)
        etype, sub, method = rnd.choice(SUBS)
        day = (start + timedelta(days=rnd.randrange(60))).isoformat()
        text = f"Report {i}: {sub} at {c['name']} on {day}."
        ev = empty_event(etype, sub)
        ev.update(method=method, date={"start": day, "end": day, "precision": "day"},
                  location={"name": c["name"], "lat": c["latitude"], "lon": c["longitude"], "country": "SY",
                            "admin1": c["admin1code"], "geonames_id": int(c["geonameid"]), "precision": "exact"},
                  evidence=[{"start": 0, "end": len(text), "text": text}], salience=0.9)
        who = rnd.choice(ACTORS)
        if who:
            ev["actors"] = [{"name": who, "role": "perpetrator", "inter": 1}]
        items.append((Document(text=text, published=date.fromisoformat(day)), {"events": [ev]}))
    for name, zone in (("Truce A", [{"admin1": "Homs"}]), ("Truce B", [{"around": "Damascus", "km": 25}]), ("Truce C", [{"region": "western Syria"}])):
        declare(store, {"name": name, "zone": zone, "valid_from": "2016-03-10", "valid_until": "2016-04-20",
                        "excluded": ["Islamic State"]}, who="bench")
    # Truces are declared before the events arrive, so that the first update judges every event.
    if args.direct:
        _write_events(store, items)
    else:
        for i in range(0, len(items), 500):
            store.add_documents(items[i:i + 500], extractor_version="bench")
    t0 = time.perf_counter()
    consolidate.update(store)
    t1 = time.perf_counter()
    first = analyse.update(store)
    t2 = time.perf_counter()
    analyse.update(store)
    t3 = time.perf_counter()
    print(f"store: {store.dialect}; events: {args.n}; truces: {first.truces}; verdicts: {first.verdicts}")
    print(f"consolidate.update: {t1 - t0:.2f} s")
    print(f"analyse.update: {t2 - t1:.2f} s (first), {t3 - t2:.2f} s (again, nothing new)")
    if args.profile:
        import cProfile
        import pstats

        cProfile.runctx("analyse.update(store)", globals(), {"analyse": analyse, "store": store}, "/tmp/monitor_update.prof")
        pstats.Stats("/tmp/monitor_update.prof").sort_stats("cumulative").print_stats(20)


def _write_events(store, items) -> None:
    import sqlalchemy as sa

    from ceasefire.store import schema as t
    from ceasefire.store.database import claim_row

    now = datetime.now(timezone.utc)
    rows = []
    for i, (_doc, x) in enumerate(items):
        ev = x["events"][0]
        r = claim_row(ev)
        r.pop("salience", None)
        r.pop("certainty", None)
        rows.append({**r, "id": f"ev-bench{i:08d}", "status": "active", "payload": ev, "n_sources": 1, "n_reports": 1,
                     "created_at": now, "updated_at": now})
    with store.begin() as conn:
        for i in range(0, len(rows), 2000):
            conn.execute(sa.insert(t.events), rows[i:i + 2000])


if __name__ == "__main__":
    main()
