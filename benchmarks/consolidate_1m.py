"""Consolidation at scale: 100,000 and 1,000,000 synthetic claims.

Bypasses extraction and the store: claims are generated in memory as the
consolidation core sees them (ClaimRecord) and grouped by
``ceasefire.consolidate.core.Consolidator`` -- the same code ``update`` and
``rebuild`` run -- then each event's fatality range (best/low/high) is computed.
Each size runs in its own process so that its peak memory (max RSS) is its own.

The synthetic world: 5 years (2015-2019), 5,000 places in 14 governorates
(Zipf-like popularity: a few cities get most of the reports), incidents of
ACLED's violent types, each told by 1 to 8 reports (geometric, mean about 2.5);
a report gives the incident's day (85 %) or the day before/after, its place
(80 %), only its governorate (15 %) or no place (5 %), the same sub-event type
(85 %), and a killed count near the true one. 2 % of claims are tallies
(aggregates) over 3 to 30 days. Each report's evidence carries rare words as
the text signal sees them (``ceasefire.consolidate.text``): its incident's
district (one of its place's five, shared by every incident there) with
probability 0.6, each of its incident's two own words (the victims, the target)
with probability 0.5, one of 30 words frequent in all reports, and one word of
its own; a fifth of the reports carry none (``--no-text``: no report carries
any). Also
printed: pairwise precision and recall of the grouping against the generated
truth, overall and in the densest place (place-0: about eight incidents a day,
most of one type, where only the text tells them apart) -- a check of the
matching rules and blocking, not an accuracy claim: real reports are harder.

    .venv/bin/python benchmarks/consolidate_1m.py            # 100k and 1M
    .venv/bin/python benchmarks/consolidate_1m.py --sizes 100000
    .venv/bin/python benchmarks/consolidate_1m.py --store 20000   # also the SQLite path
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from datetime import date

GOVERNORATES = [
    ("Aleppo", 36.2, 37.15), ("Idlib", 35.9, 36.6), ("Damascus", 33.5, 36.3), ("Rif Dimashq", 33.6, 36.6),
    ("Homs", 34.7, 36.9), ("Hama", 35.1, 36.75), ("Deir ez-Zor", 35.3, 40.1), ("Ar-Raqqah", 35.9, 39.0),
    ("Al-Hasakah", 36.5, 40.7), ("Daraa", 32.6, 36.1), ("Latakia", 35.5, 35.8), ("Tartus", 34.9, 35.9),
    ("Quneitra", 33.1, 35.8), ("As-Suwayda", 32.7, 36.6),
]
TYPES = [
    ("Explosions/Remote violence", "Air/drone strike", 0.35), ("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.25),
    ("Battles", "Armed clash", 0.2), ("Violence against civilians", "Attack", 0.1),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 0.06), ("Explosions/Remote violence", "Suicide bomb", 0.04),
]
PERPETRATORS = ["Military Forces of Syria (2000-)", "Military Forces of Russia (2000-)", "Islamic State (Syria)",
                "Opposition Rebels (Syria)", "Global Coalition Against Daesh", "HTS: Hayat Tahrir al Sham"]
START = date(2015, 1, 1).toordinal()
DAYS = 5 * 365


def make_places(rng: random.Random, n: int = 5000):
    places = []
    for i in range(n):
        gov, lat, lon = GOVERNORATES[i % len(GOVERNORATES)]
        r = math.sqrt(rng.random()) * 0.6  # spread evenly over a disc of about 65 km radius (about 6 km between places)
        a = rng.random() * 2 * math.pi
        places.append((100000 + i, f"place-{i}", lat + r * math.sin(a), lon + r * math.cos(a), gov))
    weights = [1.0 / (i + 1) ** 0.8 for i in range(n)]  # Zipf-like popularity
    return places, weights


def generate(n_claims: int, seed: int = 1, text: bool = True):
    """Synthetic ClaimRecords with their true incident ids (and the index of each incident's place)."""
    from ceasefire.consolidate.core import ClaimRecord

    rng = random.Random(seed)
    places, weights = make_places(rng)
    cum, acc = [], 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    import bisect

    def pick_place():
        return places[bisect.bisect_left(cum, rng.random() * acc)]

    type_cum = []
    acc_t = 0.0
    for et, st, w in TYPES:
        acc_t += w
        type_cum.append((acc_t, et, st))

    claims, truth, where = [], [], []
    incident = 0
    word = 0
    local_words: dict[int, list[str]] = {}
    doc = 0
    while len(claims) < n_claims:
        incident += 1
        day = START + rng.randrange(DAYS)
        gid, name, lat, lon, gov = pick_place()
        x = rng.random() * acc_t
        et, st = next((e, s) for c, e, s in type_cum if x <= c)
        killed = max(0, int(rng.expovariate(1 / 6)))
        perp = rng.choice(PERPETRATORS)
        aggregate = rng.random() < 0.02
        span = rng.randint(3, 30) if aggregate else 0
        n_reports = min(8, 1 + int(rng.expovariate(1 / 1.5)))
        own = [f"w{word + i}" for i in range(2)]
        word += 2
        district = rng.choice(local_words.setdefault(gid, [f"l{gid}x{i}" for i in range(5)]))
        for _ in range(n_reports):
            if len(claims) >= n_claims:
                break
            doc += 1
            d = day + (0 if rng.random() < 0.85 else rng.choice((-1, 1))) if not aggregate else day
            r = rng.random()
            if r < 0.8:
                loc = dict(geonames_id=gid, lat=lat, lon=lon, admin1=gov, country="SY", location_precision="exact", location_name=name)
            elif r < 0.95:
                g = next(g for g in GOVERNORATES if g[0] == gov)
                loc = dict(geonames_id=None, lat=g[1], lon=g[2], admin1=gov, country="SY", location_precision="admin1", location_name=gov)
            else:
                loc = dict(geonames_id=None, lat=None, lon=None, admin1=None, country="SY", location_precision="country", location_name="Syria")
            sub = st if rng.random() < 0.85 else rng.choice(TYPES)[1]
            etype = next(e for e, s, _ in TYPES if s == sub)
            k = max(0, killed + rng.randint(-2, 3)) if rng.random() < 0.8 else None
            terms = frozenset()
            if text and rng.random() < 0.8:
                word += 1
                terms = frozenset(
                    [w for w in own if rng.random() < 0.5] + ([district] if rng.random() < 0.6 else [])
                    + [f"f{rng.randrange(30)}", f"w{word}"]
                )
            claims.append(
                ClaimRecord(
                    id=len(claims) + 1, document_id=f"doc{doc:09d}", ordinal=0, event_type=etype, sub_event_type=sub,
                    start=d, end=d + span, date_precision="day", fatalities=k, aggregate=aggregate,
                    perpetrators=frozenset([perp]) if rng.random() < 0.7 else frozenset(), published=d + rng.randint(0, 1),
                    terms=terms, **loc,
                )
            )
            truth.append(incident)
            where.append(gid)
    return claims, truth, where


def pairwise(groups: list[list[int]], truth: list[int]) -> tuple[float, float]:
    """Pairwise precision and recall of a grouping (claim ids are 1-based indexes into truth)."""
    def pairs(sizes):
        return sum(s * (s - 1) // 2 for s in sizes)

    merged = pairs(len(g) for g in groups)
    true = pairs(Counter(truth).values())
    both = 0
    for g in groups:
        both += pairs(Counter(truth[c - 1] for c in g).values())
    return (both / merged if merged else 1.0), (both / true if true else 1.0)


def run_core(n: int, text: bool = True) -> dict:
    from ceasefire.consolidate.core import Consolidator, fatality_range

    t0 = time.perf_counter()
    claims, truth, where = generate(n, text=text)
    t_gen = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    cons = Consolidator()
    for c in sorted(claims, key=lambda c: c.key):
        cons.add(c)
    t_group = time.perf_counter() - t0
    t1 = time.perf_counter()
    ranges = [fatality_range([{"best": c.fatalities} if c.fatalities is not None else None for c in g.claims]) for g in cons.events]
    t_fig = time.perf_counter() - t1
    cpu = time.process_time() - c0
    groups = [[c.id for c in g.claims] for g in cons.events]
    p, r = pairwise(groups, truth)
    # The densest place: claims whose true incident is at the most reported place.
    densest = 100000
    dense_ids = {i + 1 for i, w in enumerate(where) if w == densest}
    dense_groups = [[c for c in g if c in dense_ids] for g in groups]
    dense_truth = [t if w == densest else -(i + 1) for i, (t, w) in enumerate(zip(truth, where))]
    dp, dr = pairwise([g for g in dense_groups if g], dense_truth)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "claims": n, "incidents": len(set(truth)), "events": len(groups), "generate_s": round(t_gen, 1),
        "consolidate_s": round(t_group + t_fig, 1), "cpu_s": round(cpu, 1), "group_s": round(t_group, 1), "figures_s": round(t_fig, 1),
        "peak_rss_mb": round(peak_mb), "pairwise_precision": round(p, 4), "pairwise_recall": round(r, 4),
        "dense_claims": len(dense_ids), "dense_incidents": len({truth[i - 1] for i in dense_ids}),
        "dense_precision": round(dp, 4), "dense_recall": round(dr, 4),
        "events_with_range": sum(1 for x in ranges if x["low"] != x["high"]),
    }


def run_store(n: int) -> dict:
    """The full store path on SQLite: claims written directly (no extraction), then update() and rebuild()."""
    import tempfile

    import sqlalchemy as sa

    from ceasefire import consolidate
    from ceasefire.store import open_store
    from ceasefire.store import schema as t
    from ceasefire.store.database import now

    claims, _, _ = generate(n)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/bench.sqlite")
        t0 = time.perf_counter()
        with store.begin() as conn:
            docs = {}
            for c in claims:
                docs.setdefault(c.document_id, c)
            conn.execute(sa.insert(t.documents), [
                {"id": d, "text": f"report {d}", "outlet": "Reuters", "published": date.fromordinal(c.published), "ingested_at": now()}
                for d, c in docs.items()
            ])
            rows = []
            for c in claims:
                loc = {"name": c.location_name, "lat": c.lat, "lon": c.lon, "country": c.country, "admin1": c.admin1,
                       "geonames_id": c.geonames_id, "precision": c.location_precision}
                ds = date.fromordinal(c.start).isoformat()
                payload = {"event_type": c.event_type, "sub_event_type": c.sub_event_type, "method": None,
                           "date": {"start": ds, "end": date.fromordinal(c.end).isoformat(), "precision": "day"}, "location": loc,
                           "actors": [{"name": p, "role": "perpetrator"} for p in c.perpetrators],
                           "fatalities": {"total": {"best": c.fatalities, "low": c.fatalities, "high": None, "qualifier": "exact"} if c.fatalities is not None else None},
                           "injured": {}, "attribution": {"sources": [], "chain": [], "certainty": "reported"},
                           "evidence": [{"start": 0, "end": 6, "text": "report"}], "salience": 1.0,
                           "aggregate": {"period": None, "area": c.admin1} if c.aggregate else None}
                rows.append({"id": c.id, "document_id": c.document_id, "ordinal": 0, "event_type": c.event_type,
                             "sub_event_type": c.sub_event_type, "date_start": date.fromordinal(c.start), "date_end": date.fromordinal(c.end),
                             "date_precision": "day", "location_name": c.location_name, "lat": c.lat, "lon": c.lon, "country": c.country,
                             "admin1": c.admin1, "geonames_id": c.geonames_id, "location_precision": c.location_precision,
                             "fatalities_best": c.fatalities, "is_aggregate": c.aggregate, "payload": payload})
            conn.execute(sa.insert(t.claims), rows)
        t_write = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), time.process_time()
        consolidate.update(store)
        t_update, c_update = time.perf_counter() - t0, time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        consolidate.rebuild(store)
        t_rebuild, c_rebuild = time.perf_counter() - t0, time.process_time() - c0
        with store.connect() as conn:
            n_events = conn.execute(sa.select(sa.func.count()).select_from(t.events).where(t.events.c.status == "active")).scalar_one()
        store.close()
    return {"store_claims": n, "store_events": n_events, "write_s": round(t_write, 1), "update_s": round(t_update, 1),
            "update_cpu_s": round(c_update, 1), "rebuild_s": round(t_rebuild, 1), "rebuild_cpu_s": round(c_rebuild, 1), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000,1000000", help="comma-separated claim counts")
    ap.add_argument("--store", type=int, default=0, help="also run the SQLite store path with this many claims")
    ap.add_argument("--no-text", action="store_true", help="reports carry no rare words (the structural rules alone)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--one-store", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(run_core(a.one, text=not a.no_text)))
        return
    if a.one_store:
        print(json.dumps(run_store(a.one_store)))
        return
    cpu = os.cpu_count()
    load = os.getloadavg()[0]
    print(f"machine: {cpu} cores (load average {load:.1f} at start), Python {sys.version.split()[0]}; each size in its own process;"
          " CPU time is the process's own, wall time includes waiting for other processes")
    for n in [int(x) for x in a.sizes.split(",") if x]:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)] + (["--no-text"] if a.no_text else []),
                             capture_output=True, text=True)
        if out.returncode:
            sys.exit(f"{n:,} claims: the run failed (exit {out.returncode}):\n{out.stderr[-2000:]}")
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['claims']:>9,} claims -> {r['events']:,} events ({r['incidents']:,} true incidents): "
              f"consolidation {r['consolidate_s']} s wall, {r['cpu_s']} s CPU (grouping {r['group_s']} s, figures {r['figures_s']} s; "
              f"generation {r['generate_s']} s not counted), peak memory {r['peak_rss_mb']:,} MB (whole process); "
              f"pairwise precision {r['pairwise_precision']}, recall {r['pairwise_recall']} against the generated truth; "
              f"densest place ({r['dense_claims']:,} claims of {r['dense_incidents']:,} incidents): precision {r['dense_precision']}, "
              f"recall {r['dense_recall']}")
        print(f"          (load average {os.getloadavg()[0]:.1f} after this size)")
    if a.store:
        out = subprocess.run([sys.executable, __file__, "--one-store", str(a.store)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"store path (SQLite file), {r['store_claims']:,} claims written directly in {r['write_s']} s: "
              f"update {r['update_s']} s wall ({r['update_cpu_s']} s CPU), rebuild {r['rebuild_s']} s wall ({r['rebuild_cpu_s']} s CPU) -> {r['store_events']:,} events; peak memory {r['peak_rss_mb']:,} MB")


if __name__ == "__main__":
    main()
