"""Consolidation does not depend on the order reports arrive in: the same reports ingested in
another order, in other batches, give the same events."""

from __future__ import annotations

import random
from datetime import date, timedelta

import sqlalchemy as sa

from ceasefire import consolidate
from ceasefire.documents import Document
from ceasefire.store import open_store
from ceasefire.store import schema as t

ALEPPO = {"name": "Aleppo", "lat": 36.2, "lon": 37.16, "country": "SY", "admin1": "Aleppo", "geonames_id": 170063, "precision": "exact"}
IDLIB = {"name": "Idlib", "lat": 35.93, "lon": 36.63, "country": "SY", "admin1": "Idlib", "geonames_id": 169389, "precision": "exact"}
SARAQIB = {"name": "Saraqib", "lat": 35.86, "lon": 36.8, "country": "SY", "admin1": "Idlib", "geonames_id": 163270, "precision": "exact"}


def strike(day: str, killed: int, sentence: str, place=ALEPPO, sub="Air/drone strike") -> dict:
    counts = {"total": None, "civilians": None, "children": None, "women": None, "combatants": None}
    etype = "Explosions/Remote violence"
    return {
        "event_type": etype, "sub_event_type": sub, "method": "air_strike",
        "date": {"start": day, "end": day, "precision": "day"}, "location": place,
        "actors": [{"name": "Military Forces of Syria (2000-)", "role": "perpetrator", "inter": 1}],
        "fatalities": {**counts, "total": {"best": killed, "low": killed, "high": None, "qualifier": "at_least"}},
        "injured": dict(counts), "attribution": {"sources": [], "chain": [], "certainty": "reported"},
        "evidence": [{"start": 0, "end": len(sentence), "text": sentence}], "salience": 0.9,
    }


def report(sentence: str, outlet: str, published: str, event: dict) -> tuple[Document, dict]:
    doc = Document(text=sentence, title=sentence.split(",")[0], published=date.fromisoformat(published), outlet=outlet)
    return doc, {"events": [event]}


def ingest(url: str, batches: list[list[tuple[Document, dict]]], rebuild: bool = False) -> set[tuple]:
    """Store the batches one after the other (each consolidated as `ceasefire ingest` does), maybe
    rebuild, and describe the active events: their reports and what consolidation made of them."""
    store = open_store(url)
    for batch in batches:
        for doc, line in batch:
            store.add_document(doc, line)
        consolidate.update(store)
    if rebuild:
        consolidate.rebuild(store)
    with store.connect() as conn:
        members: dict[str, set] = {}
        q = (
            sa.select(t.event_claims.c.event_id, t.claims.c.document_id, t.claims.c.ordinal)
            .join(t.claims, t.claims.c.id == t.event_claims.c.claim_id)
        )
        for eid, doc_id, ordinal in conn.execute(q):
            members.setdefault(eid, set()).add((doc_id, ordinal))
        rows = conn.execute(sa.select(t.events).where(t.events.c.status == "active")).mappings().all()
    store.close()
    return {
        (frozenset(members[r["id"]]), r["date_start"], r["date_end"], r["fatalities_best"], r["fatalities_high"], r["n_reports"], r["location_name"])
        for r in rows
    }


# Three reports of one Tuesday in Aleppo. The first and the third tell one market strike (the
# market's name, a toll of five then twelve); the second is a city-wide count of forty that shares
# no word with them. Taken in order, the third joins the first and the count stays apart; had the
# count and the third report been consolidated first, the third would have joined the count, and
# the first report, arriving last, would have joined them both.
MARKET = [
    report("At least five people were killed when jets hit the Bab al-Nairab vegetable market in Aleppo on Tuesday.",
           "Outlet A", "2016-05-03", strike("2016-05-03", 5, "At least five people were killed when jets hit the Bab al-Nairab vegetable market in Aleppo on Tuesday.")),
    report("Forty people died across the city as government aircraft kept up the bombardment.",
           "Outlet B", "2016-05-04", strike("2016-05-03", 40, "Forty people died across the city as government aircraft kept up the bombardment.")),
    report("Rescuers pulled twelve bodies from the rubble of the Bab al-Nairab vegetable market, raising the toll.",
           "Outlet C", "2016-05-05", strike("2016-05-03", 12, "Rescuers pulled twelve bodies from the rubble of the Bab al-Nairab vegetable market, raising the toll.")),
]


def test_market_strike_and_city_count_group_alike_whichever_report_came_first(tmp_path):
    in_order = ingest(f"sqlite:///{tmp_path / 'a.sqlite'}", [MARKET])
    late_first_report = ingest(f"sqlite:///{tmp_path / 'b.sqlite'}", [[MARKET[1], MARKET[2]], [MARKET[0]]])
    assert late_first_report == in_order
    market = {d.id for d, _ in (MARKET[0], MARKET[2])}
    groups = sorted((sorted(doc for doc, _ in e[0]), e[3], e[4]) for e in in_order)
    assert (sorted(market), 5, 12) in groups  # the market strike: five at least, twelve at most
    assert ([MARKET[1][0].id], 40, 40) in groups  # the city-wide count stays apart


WORDS = ["bakery", "hospital", "school", "mosque", "roundabout", "orchard", "bridge", "clinic"]


def busy_week(seed: int = 7) -> list[tuple[Document, dict]]:
    """Forty reports of a week of strikes on Aleppo, Idlib and Saraqib: several outlets per
    incident, tolls that drift, a few shared target words, some reports a day late."""
    rnd = random.Random(seed)
    out = []
    for i in range(40):
        day = date(2016, 5, 2) + timedelta(days=rnd.randrange(6))
        place = rnd.choice([ALEPPO, ALEPPO, IDLIB, SARAQIB])
        killed = rnd.choice([3, 4, 5, 6, 9, 12, 15, 22, 40])
        target = rnd.choice(WORDS)
        s = f"Report {i}: {killed} killed when aircraft hit a {target} in {place['name']}, residents said."
        published = day + timedelta(days=rnd.choice([0, 0, 1]))
        out.append(report(s, f"Outlet {i % 9}", published.isoformat(), strike(day.isoformat(), killed, s, place=place)))
    return out


def test_a_week_of_reports_ingested_in_shuffled_batches_gives_the_same_events(tmp_path):
    reports = busy_week()
    at_once = ingest(f"sqlite:///{tmp_path / 'once.sqlite'}", [reports])
    assert 5 < len(at_once) < len(reports)  # some reports merged, not all
    rnd = random.Random(11)
    for n, size in enumerate((1, 3, 7)):
        shuffled = reports[:]
        rnd.shuffle(shuffled)
        batches = [shuffled[i : i + size] for i in range(0, len(shuffled), size)]
        assert ingest(f"sqlite:///{tmp_path / f'shuffled{n}.sqlite'}", batches) == at_once
    # Regrouping every stored claim from scratch finds the same events.
    assert ingest(f"sqlite:///{tmp_path / 'rebuilt.sqlite'}", [shuffled[:20], shuffled[20:]], rebuild=True) == at_once


def test_same_reports_in_two_orders_give_the_same_events_on_the_server_store_too(db_url, tmp_path):
    # The canonical order is read by SQL (dates, then publication, nulls placed alike on both
    # engines): the server store and a SQLite file must agree whatever order either got.
    reports = busy_week(seed=3)[:24] + MARKET
    backwards = list(reversed(reports))
    on_server = ingest(db_url, [backwards[i : i + 5] for i in range(0, len(backwards), 5)])
    assert on_server == ingest(f"sqlite:///{tmp_path / 'file.sqlite'}", [reports])
