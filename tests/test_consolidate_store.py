"""Consolidation in the store (SQLite file and PostgreSQL): incremental update, rebuild, stable ids."""

from __future__ import annotations

import json
from datetime import date

import sqlalchemy as sa

from ceasefire import consolidate
from ceasefire.documents import Document
from ceasefire.store import schema as t
from ceasefire.store.queries import EventFilter, event_detail, list_events

AFP_REPORT = """Air strikes kill six in rebel-held Aleppo, monitor says

BEIRUT (AFP) - Air strikes on rebel-held districts of Aleppo killed six people on Saturday, the Syrian Observatory for Human Rights said, as the bombardment of Syria's second city entered its ninth day.

The Britain-based monitor said the raids, believed to have been carried out by government aircraft, hit the Bustan al-Qasr and al-Kalasa neighbourhoods.
"""

ALEPPO = {"name": "Aleppo", "lat": 36.2, "lon": 37.16, "country": "SY", "admin1": "Aleppo", "geonames_id": 170063, "precision": "exact"}
DOUMA = {"name": "Douma", "lat": 33.57, "lon": 36.4, "country": "SY", "admin1": "Rif Dimashq", "geonames_id": 170654, "precision": "exact"}


def strike(day: str, killed: int | None, sentence: str, place=ALEPPO, qualifier="at_least", sources=("Syrian Observatory for Human Rights",),
           aggregate=None, end=None, sub="Air/drone strike") -> dict:
    counts = {"total": None, "civilians": None, "children": None, "women": None, "combatants": None}
    if killed is not None:
        counts = {**counts, "total": {"best": killed, "low": killed, "high": None, "qualifier": qualifier}}
    return {
        "event_type": "Explosions/Remote violence", "sub_event_type": sub, "method": "air_strike",
        "date": {"start": day, "end": end or day, "precision": "week" if end else "day"}, "location": place,
        "actors": [{"name": "Military Forces of Syria (2000-)", "role": "perpetrator", "inter": 1}],
        "fatalities": counts, "injured": {"total": None, "civilians": None, "children": None, "women": None, "combatants": None},
        "attribution": {"sources": list(sources), "chain": [], "certainty": "believed"},
        "evidence": [{"start": 0, "end": len(sentence), "text": sentence}], "salience": 0.9, "aggregate": aggregate,
    }


def report(text: str, outlet: str, day: str = "2016-04-30", agency: str | None = None) -> Document:
    return Document(text=text, title=text.split(".")[0], published=date.fromisoformat(day), outlet=outlet, agency=agency)


def add(store, doc: Document, *events: dict) -> None:
    store.add_document(doc, {"events": list(events)})


def active(store, aggregates=False):
    return {r["id"]: r for r in list_events(store, EventFilter(include_aggregates=aggregates))}


def test_aleppo_strike_told_by_two_outlets_is_one_event_with_both_figures(store):
    s1 = "At least five people died in what appear to have been government air raids on opposition-held quarters of Aleppo."
    s2 = "Air strikes on rebel-held districts of Aleppo killed six people on Saturday, the Syrian Observatory for Human Rights said."
    add(store, report(s1, "Euronews", agency="Reuters"), strike("2016-04-30", 5, s1))
    assert consolidate.update(store) == 1
    first_id = next(iter(active(store)))
    add(store, report(s2, "AFP"), strike("2016-04-30", 6, s2, qualifier="exact"))
    assert consolidate.update(store) == 1
    events = active(store)
    assert list(events) == [first_id]  # the event kept its id when the second report joined
    ev = events[first_id]
    assert (ev["fatalities_best"], ev["fatalities_low"], ev["fatalities_high"]) == (5, 5, 6)
    assert ev["n_reports"] == 2
    assert ev["n_sources"] == 1  # both relay the Syrian Observatory: one independent source
    figures = ev["payload"]["figures"]
    assert sorted((f["source"], f["fatalities"]["total"]["best"]) for f in figures) == [("AFP", 6), ("Euronews", 5)]
    assert ev["payload"]["corroboration"]["affiliations"] == {"monitor": 1}
    d = event_detail(store, first_id)
    assert {c["outlet"] for c in d["claims"]} == {"Euronews", "AFP"}
    assert any("six people" in span["text"] for c in d["claims"] for span in c["evidence"])


def test_tally_over_nine_days_stays_an_aggregate_beside_the_incident(store):
    s1 = "At least five people were killed in government air strikes on Aleppo on Saturday."
    s2 = "Some 250 civilians were killed in nine days of bombing in Aleppo."
    tally = strike("2016-04-22", 250, s2, qualifier="about", end="2016-04-30",
                   aggregate={"period": {"start": "2016-04-22", "end": "2016-04-30"}, "area": "Aleppo"})
    add(store, report(s1 + " " + s2, "Euronews", agency="Reuters"), strike("2016-04-30", 5, s1), tally)
    consolidate.update(store)
    incidents = active(store)
    assert len(incidents) == 1 and next(iter(incidents.values()))["fatalities_best"] == 5
    everything = active(store, aggregates=True)
    tallies = [e for e in everything.values() if e["is_aggregate"]]
    assert len(tallies) == 1 and tallies[0]["fatalities_best"] == 250
    assert tallies[0]["date_start"] == date(2016, 4, 22) and tallies[0]["date_end"] == date(2016, 4, 30)


def test_rebuild_keeps_ids_of_unchanged_events(store):
    sents = [("Five killed in air strikes on Aleppo.", ALEPPO, 5, "Euronews"),
             ("Six killed in air strikes on Aleppo, monitor says.", ALEPPO, 6, "AFP"),
             ("Twelve killed in air raids on Douma.", DOUMA, 12, "SANA")]
    for s, place, n, outlet in sents:
        add(store, report(s, outlet), strike("2016-04-30", n, s, place=place))
    consolidate.update(store)
    before = {i: sorted(c["claim_id"] for c in r["payload"]["claims"]) for i, r in active(store).items()}
    assert len(before) == 2
    consolidate.rebuild(store)
    after = {i: sorted(c["claim_id"] for c in r["payload"]["claims"]) for i, r in active(store).items()}
    assert after == before
    consolidate.rebuild(store)
    assert set(active(store)) == set(before)


def test_ids_derive_from_the_earliest_claim_in_a_fresh_store(db_url, tmp_path):
    from ceasefire.store import open_store

    def build(url):
        st = open_store(url)
        for s, n, outlet in (("Five killed in Aleppo strikes.", 5, "Euronews"), ("Six killed in Aleppo strikes.", 6, "AFP")):
            add(st, report(s, outlet), strike("2016-04-30", n, s))
        consolidate.update(st)
        ids = set(active(st))
        st.close()
        return ids

    assert build(db_url) == build(f"sqlite:///{tmp_path / 'other.sqlite'}")


def test_re_extracted_document_keeps_its_event(store):
    s = "Five killed in air strikes on Aleppo."
    doc = report(s, "Euronews")
    add(store, doc, strike("2016-04-30", 5, s))
    consolidate.update(store)
    (eid,) = active(store)
    store.replace_claims(doc.id, {"events": [strike("2016-04-30", 7, s)]})
    consolidate.update(store)
    events = active(store)
    assert list(events) == [eid]
    assert events[eid]["fatalities_best"] == 7
    assert events[eid]["n_claims"] == 1


def test_consolidation_attaches_every_claim_once(store):
    for i in range(12):
        s = f"Report {i}: {3 + i % 3} killed in air strikes on Aleppo."
        add(store, report(s, f"Outlet {i}", day=f"2016-04-{10 + 2 * (i % 6):02d}"), strike(f"2016-04-{10 + 2 * (i % 6):02d}", 3 + i % 3, s))
    assert consolidate.update(store) == 12
    assert consolidate.update(store) == 0
    with store.connect() as conn:
        n = conn.execute(sa.select(sa.func.count()).select_from(t.event_claims)).scalar_one()
        per_event = dict(conn.execute(sa.select(t.events.c.id, t.events.c.n_claims)).all())
    assert n == 12
    assert sum(per_event.values()) == 12
    assert len(per_event) == 6  # one event per day, two reports each


def test_seed_twice_and_a_second_outlets_report_make_one_strike_event(cli, db_url, seed_path, tmp_path):
    afp = tmp_path / "afp-2016-04-30-aleppo.txt"
    afp.write_text(AFP_REPORT, encoding="utf-8")
    assert cli("ingest", "--db", db_url, str(seed_path)).exit_code == 0
    assert cli("ingest", "--db", db_url, str(seed_path)).output.strip().endswith("0 new, 1 already known, 0 failed")
    r = cli("ingest", "--db", db_url, str(afp))
    assert r.exit_code == 0, r.output
    events = json.loads(cli("events", "--db", db_url, "--json", "--type", "Air/drone strike").output)
    incidents = [e for e in events if (e.get("date") or {}).get("start") == "2016-04-30"]
    assert len(incidents) == 1, [(e["id"], e["location"], e["fatalities"]["total"]) for e in incidents]
    ev = incidents[0]
    assert {s["document_id"] for s in ev["sources"]} and len({s["document_id"] for s in ev["sources"]}) == 2
    bests = sorted(f["fatalities"]["total"]["best"] for f in ev["figures"] if (f["fatalities"] or {}).get("total"))
    assert bests == [5, 6]
    assert ev["fatalities"]["total"]["best"] == 5 and ev["fatalities"]["total"]["high"] == 6
    show = cli("event", "show", "--db", db_url, ev["id"])
    assert show.exit_code == 0
    assert "killed six people" in show.output and "at least five people were killed" in show.output
    table = cli("events", "--db", db_url).output
    line = next(ln for ln in table.splitlines() if ln.startswith(ev["id"]))
    assert "/2" in line  # independent sources / 2 reports


def test_consolidate_command_rebuilds_and_reports(cli, db_url, seed_path):
    cli("ingest", "--db", db_url, str(seed_path))
    before = json.loads(cli("events", "--db", db_url, "--json", "--aggregates").output)
    r = cli("consolidate", "--db", db_url, "--rebuild")
    assert r.exit_code == 0 and "claims consolidated" in r.output
    after = json.loads(cli("events", "--db", db_url, "--json", "--aggregates").output)
    assert sorted(e["id"] for e in after) == sorted(e["id"] for e in before)


def test_two_processes_consolidating_at_once_attach_each_claim_once(db_url):
    import subprocess
    import sys

    from ceasefire.store import open_store

    st = open_store(db_url)
    places = [ALEPPO, DOUMA]
    for i in range(40):
        s = f"Report {i}: {2 + i % 5} killed in air strikes."
        day = f"2016-05-{1 + i % 20:02d}"
        add(st, report(s, f"Outlet {i % 7}", day=day), strike(day, 2 + i % 5, s, place=places[i % 2]))
    st.close()
    cmd = [sys.executable, "-m", "ceasefire", "consolidate", "--db", db_url]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    st = open_store(db_url)
    with st.connect() as conn:
        attached = conn.execute(sa.select(sa.func.count()).select_from(t.event_claims)).scalar_one()
        claims = conn.execute(sa.select(sa.func.count()).select_from(t.claims)).scalar_one()
        n_claims = conn.execute(sa.select(sa.func.sum(t.events.c.n_claims)).where(t.events.c.status == "active")).scalar_one()
    st.close()
    assert attached == claims == n_claims == 40


def test_a_count_of_only_the_children_killed_does_not_lower_the_events_toll(store):
    """UNICEF counts the children; two outlets give the whole toll: best stays the whole toll."""
    s1 = "At least 27 children were among those killed in the chemical attack on Khan Sheikhoun, UNICEF said."
    s2 = "The suspected chemical attack on Khan Sheikhoun in Idlib killed at least 80 people, the Syrian Observatory said."
    s3 = "Medics in Khan Sheikhoun said 86 people had died after the attack, among them many children."
    idlib = {"name": "Khan Shaykhun", "lat": 35.44, "lon": 36.65, "country": "SY", "admin1": "Idlib", "geonames_id": 169897, "precision": "exact"}
    unicef = strike("2017-04-04", 27, s1, place=idlib, sources=("UNICEF",), sub="Chemical weapon")
    unicef["fatalities"]["children"] = {"best": 27, "low": 27, "high": None, "qualifier": "at_least"}
    add(store, report(s1, "UN News", day="2017-04-05"), unicef)
    add(store, report(s2, "AFP", day="2017-04-05"), strike("2017-04-04", 80, s2, place=idlib, sub="Chemical weapon"))
    add(store, report(s3, "Reuters", day="2017-04-05"), strike("2017-04-04", 86, s3, place=idlib, sources=("medics",), sub="Chemical weapon"))
    consolidate.update(store)
    (ev,) = active(store).values()
    assert (ev["fatalities_best"], ev["fatalities_low"], ev["fatalities_high"]) == (80, 80, 86)
    payload = event_detail(store, ev["id"])["event"]["payload"]
    assert payload["fatalities"]["children"]["best"] == 27  # the children's count is kept as the children's
    assert payload["fatalities"]["total"]["best"] == 80
    assert sorted(f["fatalities"]["total"]["best"] for f in payload["figures"]) == [27, 80, 86]  # every source's figure shown
