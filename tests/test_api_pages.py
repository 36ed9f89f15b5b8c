"""Paging the event list: keyset cursors, counts through the actor links, pages answered from
indexes (SQLite file, then PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest

from desk_data import desk_client


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def desk(request, tmp_path_factory):
    """A client over the desk's store, shared by the module's read-only tests."""
    yield from desk_client(request, tmp_path_factory)


def _walk(desk, **params):
    """Every page of the list followed through its ``next`` cursors."""
    pages = [desk.get("/api/events", params={"limit": 1, **params}).json()]
    while pages[-1]["next"]:
        assert len(pages) < 20, "the cursor does not advance"
        pages.append(desk.get("/api/events", params={"limit": 1, "after": pages[-1]["next"], **params}).json())
    return pages


def test_cursor_walks_the_same_events_as_offsets_newest_first(desk):
    everything = desk.get("/api/events").json()
    pages = _walk(desk)
    walked = [ev["id"] for p in pages for ev in p["items"]]
    assert walked == [ev["id"] for ev in everything["items"]]
    assert len(walked) == everything["total"] == 4
    assert pages[-1]["next"] is None or pages[-1]["items"] == []
    # The first page's cursor names its last event: the Aleppo strike's day and id.
    first = pages[0]["items"][0]
    assert pages[0]["next"] == f"{first['date']['start']},{first['id']}"


def test_cursor_keeps_the_filters(desk):
    pages = _walk(desk, place="damascus")
    assert {ev["sub_event_type"] for p in pages for ev in p["items"]} == {"Aid delivery", "Shelling/artillery/missile attack"}


@pytest.mark.parametrize("cursor", ["2016-04-30", "yesterday,ev-1", ",", "2016-13-01,ev-1"])
def test_a_cursor_that_is_not_one_answers_422(desk, cursor):
    r = desk.get("/api/events", params={"after": cursor})
    assert r.status_code == 422
    assert r.json()["detail"].startswith("after:")


def test_an_event_two_of_whose_actors_match_counts_once(desk):
    # "syria" names the government, the rebels and the civilians: the Aleppo strike has two of them.
    page = desk.get("/api/events", params={"actor": "syria"}).json()
    ids = [ev["id"] for ev in page["items"]]
    assert len(ids) == len(set(ids)) == page["total"] == 3
    assert page["total_exact"] is True


def test_capped_count_through_the_actor_links_agrees_with_the_full_one(desk):
    from ceasefire.store import open_store
    from ceasefire.store.queries import EventFilter, count_events

    store = open_store(desk.db_url)
    try:
        for actor in ("syria", "military", "hayat tahrir", "nobody"):
            f = EventFilter(actor=actor)
            exact = count_events(store, f)
            assert count_events(store, f, cap=2) == min(exact, 2)
            assert count_events(store, f, cap=100) == exact
    finally:
        store.close()


def test_repeat_page_is_the_same_answer(desk):
    first = desk.get("/api/events", params={"limit": 500})
    again = desk.get("/api/events", params={"limit": 500})
    assert first.content == again.content
    assert first.headers["content-type"] == "application/json"


def test_sqlite_pages_walk_the_page_index_without_sorting(tmp_path):
    """The list's order (newest first, then id) is the order of ix_events_recent, so a page
    stops after ``limit`` events instead of sorting every match."""
    import sqlalchemy as sa

    from ceasefire.store import open_store
    from ceasefire.store import schema as t
    from ceasefire.store.queries import EventFilter, _conditions

    store = open_store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    e = t.events.c
    # The dashboard's first call and a timeline brush (which filters the column the index leads with).
    for f in (EventFilter(), EventFilter(since=date(2016, 4, 1), until=date(2016, 4, 30), min_start=date(2016, 3, 1))):
        q = sa.select(e.id).where(*_conditions(f)).order_by(e.date_start.desc().nulls_last(), e.id).limit(500)
        sql = str(q.compile(store.engine, compile_kwargs={"literal_binds": True}))
        with store.connect() as conn:
            plan = " / ".join(r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        assert "ix_events_recent" in plan and "TEMP B-TREE" not in plan, plan
    store.close()
