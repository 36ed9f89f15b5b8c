"""The HTTP API's read endpoints over a real store (SQLite file, then PostgreSQL)."""

from __future__ import annotations

import time
from datetime import datetime, timezone

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from desk_data import SOHR_ALEPPO, build_desk_store, desk_client


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def desk(request, tmp_path_factory):
    """A client over the desk's store, shared by the module's read-only tests."""
    yield from desk_client(request, tmp_path_factory)


@pytest.fixture
def fresh_desk(db_url):
    """A client over a desk store of its own, for tests that change it."""
    from ceasefire.api import create_app
    from ceasefire.store import open_store

    store = open_store(db_url)
    build_desk_store(store)
    store.close()
    with TestClient(create_app(db_url)) as client:
        yield client


def _by_type(items):
    return {ev["sub_event_type"]: ev for ev in items}


def test_health_names_the_version(desk):
    from ceasefire import __version__

    assert desk.get("/api/health").json() == {"status": "ok", "version": __version__}


def test_events_list_leaves_out_the_nine_day_tally_and_pages(desk):
    page = desk.get("/api/events").json()
    assert page["total"] == 4 and page["limit"] == 100 and page["offset"] == 0
    assert [ev["date"]["start"] for ev in page["items"]] == ["2016-04-30", "2016-04-30", "2016-04-29", "2016-04-25"]
    assert all(not ev["aggregate"] for ev in page["items"])
    first = desk.get("/api/events", params={"limit": 2}).json()
    second = desk.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 4
    assert {e["id"] for e in first["items"]}.isdisjoint(e["id"] for e in second["items"])
    assert len(first["items"]) + len(second["items"]) == 4
    assert desk.get("/api/events", params={"offset": 50}).json()["items"] == []


def test_aleppo_strike_carries_its_source_and_range(desk):
    strike = _by_type(desk.get("/api/events").json()["items"])["Air/drone strike"]
    assert strike["location"]["name"] == "Aleppo"
    assert strike["fatalities"]["total"]["qualifier"] == "at_least"
    assert strike["fatalities_range"] == {"best": 5, "low": 5, "high": 5}
    assert strike["n_sources"] == 1 and strike["n_reports"] == 1
    [source] = strike["sources"]
    assert source["outlet"] == "Reuters" and source["published"] == "2016-04-30"
    assert source["title"] == "Government air strikes kill five in Aleppo as truce talks go on"
    assert source["url"] == "https://example.org/aleppo"
    assert {"document_id", "claim_id"} <= source.keys()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "Air/drone strike"}, {"Air/drone strike"}),
        ({"type": "explosions/remote violence"}, {"Air/drone strike", "Shelling/artillery/missile attack"}),
        ({"actor": "hayat tahrir"}, {"Armed clash"}),
        ({"actor": "Military Forces of Syria"}, {"Air/drone strike", "Armed clash"}),
        ({"place": "rural damascus"}, {"Aid delivery"}),
        ({"place": "damascus"}, {"Aid delivery", "Shelling/artillery/missile attack"}),
        ({"since": "2016-04-29", "until": "2016-04-29"}, {"Shelling/artillery/missile attack"}),
        ({"until": "2016-04-28"}, {"Armed clash"}),
        # Damascus and its countryside, not Aleppo or Idlib.
        ({"bbox": "35.9,33.3,36.6,33.8"}, {"Aid delivery", "Shelling/artillery/missile attack"}),
        ({"bbox": "36.2,33.3,36.6,33.8", "since": "2016-04-30"}, set()),
    ],
)
def test_events_filters(desk, params, expected):
    page = desk.get("/api/events", params=params).json()
    assert {ev["sub_event_type"] for ev in page["items"]} == expected
    assert page["total"] == len(expected)


def test_event_detail_shows_the_sohr_sentence_in_the_document(desk):
    strike = _by_type(desk.get("/api/events").json()["items"])["Air/drone strike"]
    detail = desk.get(f"/api/events/{strike['id']}").json()
    assert detail["id"] == strike["id"] and detail["violations"] == []
    [claim] = detail["claims"]
    assert claim["outlet"] == "Reuters" and claim["attribution"]["certainty"] == "believed"
    assert claim["fatalities"]["total"]["best"] == 5
    [span] = claim["evidence"]
    assert "Syrian Observatory for Human Rights" in span["text"]
    doc = desk.get(f"/api/documents/{claim['document_id']}").json()
    assert doc["text"] == SOHR_ALEPPO
    assert doc["text"][span["start"]:span["end"]] == span["text"]
    assert doc["outlet"] == "Reuters" and doc["published"] == "2016-04-30" and doc["source_format"] == "jsonl"


def test_documents_list_is_newest_first_without_text(desk):
    page = desk.get("/api/documents").json()
    assert page["total"] == 4
    assert [d["published"] for d in page["items"]][:2] == ["2016-04-30", "2016-04-30"]
    assert page["items"][-1]["title"] == "Fighting near Jisr al-Shughur"
    assert all("text" not in d for d in page["items"])


def test_tallies_by_day_area_and_perpetrator_exclude_aggregates(desk):
    by_day = desk.get("/api/tallies", params={"by": "day"}).json()
    assert by_day == [
        {"key": "2016-04-25", "events": 1, "fatalities_best": 12, "fatalities_low": 12, "fatalities_high": 12},
        {"key": "2016-04-29", "events": 1, "fatalities_best": 3, "fatalities_low": 3, "fatalities_high": 3},
        {"key": "2016-04-30", "events": 2, "fatalities_best": 5, "fatalities_low": 5, "fatalities_high": 5},
    ]
    by_area = {r["key"]: r for r in desk.get("/api/tallies", params={"by": "area"}).json()}
    assert by_area["Aleppo"]["fatalities_best"] == 5  # not 255: the nine-day tally is not an event
    assert by_area["Idleb"]["events"] == 1 and by_area["Rural Damascus"]["fatalities_best"] == 0
    by_perp = {r["key"]: r["events"] for r in desk.get("/api/tallies", params={"by": "perpetrator", "type": "Explosions/Remote violence"}).json()}
    assert by_perp == {"Military Forces of Syria (2000-)": 1, "Opposition Rebels (Syria)": 1}
    rebels = desk.get("/api/tallies", params={"by": "perpetrator", "actor": "opposition"}).json()
    assert [(r["key"], r["events"], r["fatalities_best"]) for r in rebels] == [("Opposition Rebels (Syria)", 1, 3)]
    week = desk.get("/api/tallies", params={"by": "day", "since": "2016-04-29"}).json()
    assert [r["key"] for r in week] == ["2016-04-29", "2016-04-30"]


def test_monitor_views_answer_lists_and_404s(desk):
    assert isinstance(desk.get("/api/truces").json(), list)
    assert isinstance(desk.get("/api/violations", params={"since": "2016-04-01"}).json(), list)
    assert isinstance(desk.get("/api/access").json(), list)
    assert desk.get("/api/truces/no-such-truce").status_code == 404
    r = desk.get("/api/access/Atlantis")
    assert r.status_code == 404 and "Atlantis" in r.json()["detail"]


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("/api/events/ev-000000000000", 404, "no event"),
        ("/api/documents/0000", 404, "no document"),
        ("/api/events?bbox=36,33,35", 422, "west,south,east,north"),
        ("/api/events?bbox=37,33,36,34", 422, "west must not exceed east"),
        ("/api/events?bbox=a,b,c,d", 422, "number"),
        ("/api/events?bbox=0,0,200,10", 422, "-180..180"),
        ("/api/events?limit=1001", 422, ""),
        ("/api/events?limit=0", 422, ""),
        ("/api/events?offset=-1", 422, ""),
        ("/api/events?since=30-04-2016", 422, ""),
        ("/api/events?place=%00", 422, ""),
        ("/api/tallies?by=week", 422, ""),
    ],
)
def test_bad_requests_answer_json_errors(desk, url, status, says):
    r = desk.get(url)
    assert r.status_code == status
    assert "detail" in r.json() and says in str(r.json()["detail"])


def test_merged_event_redirects_to_the_survivor_and_split_lists_its_parts(fresh_desk, db_url):
    desk = fresh_desk
    from ceasefire.store import open_store
    from ceasefire.store import schema as t

    ids = {ev["sub_event_type"]: ev["id"] for ev in desk.get("/api/events").json()["items"]}
    old, survivor = ids["Shelling/artillery/missile attack"], ids["Air/drone strike"]
    store = open_store(db_url)
    with store.begin() as conn:  # what a review merge leaves behind: a tombstone
        at = datetime.now(timezone.utc)
        conn.execute(sa.update(t.events).where(t.events.c.id == old).values(status="merged", replaced_by=[survivor], updated_at=at))
        conn.execute(sa.update(t.events).where(t.events.c.id == ids["Armed clash"]).values(status="split", replaced_by=["ev-a", "ev-b"], updated_at=at))
    store.close()
    time.sleep(0.6)  # another process's write reaches the totals cache within half a second
    r = desk.get(f"/api/events/{old}", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == f"/api/events/{survivor}"
    assert r.json() == {"id": old, "status": "merged", "replaced_by": [survivor], "current": [survivor]}
    assert desk.get(f"/api/events/{old}").json()["id"] == survivor
    split = desk.get(f"/api/events/{ids['Armed clash']}")
    assert split.status_code == 200 and split.json()["replaced_by"] == ["ev-a", "ev-b"]
    assert desk.get("/api/events").json()["total"] == 2


def test_seed_article_through_the_pipeline_is_served_with_its_sentences(db_url, seed_path):
    from ceasefire.api import create_app
    from ceasefire.pipeline import ingest
    from ceasefire.store import open_store

    store = open_store(db_url)
    assert ingest([seed_path], store).new == 1
    store.close()
    with TestClient(create_app(db_url)) as client:
        page = client.get("/api/events", params={"limit": 1000}).json()
        assert page["total"] == len(page["items"]) > 0
        doc_id = page["items"][0]["sources"][0]["document_id"]
        text = client.get(f"/api/documents/{doc_id}").json()["text"]
        for ev in page["items"]:
            detail = client.get(f"/api/events/{ev['id']}").json()
            for claim in detail["claims"]:
                for span in claim["evidence"]:
                    assert text[span["start"]:span["end"]] == span["text"]
