"""Analyst review: confirm, edit, merge, split -- audited, and kept across reprocessing and rebuilds."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from ceasefire import consolidate
from ceasefire.store import review
from ceasefire.store import schema as t
from ceasefire.store.queries import event_detail, get_event_row
from tests.test_consolidate_store import ALEPPO, DOUMA, active, add, report, strike

ABU_KAMAL = {"name": "Abu Kamal", "lat": 34.45, "lon": 40.92, "country": "SY", "admin1": "Deir ez-Zor", "geonames_id": 173000, "precision": "exact"}


@pytest.fixture
def two_events(store):
    """An Aleppo strike told by two outlets, and a Douma raid told by one."""
    for s, place, n, outlet in (("Five killed in air strikes on Aleppo.", ALEPPO, 5, "Euronews"),
                                ("Six killed in air strikes on Aleppo, monitor says.", ALEPPO, 6, "AFP"),
                                ("Twelve killed in air raids on Douma.", DOUMA, 12, "SANA")):
        add(store, report(s, outlet), strike("2016-04-30", n, s, place=place))
    consolidate.update(store)
    events = active(store)
    aleppo = next(i for i, e in events.items() if e["location_name"] == "Aleppo")
    douma = next(i for i, e in events.items() if e["location_name"] == "Douma")
    return store, aleppo, douma


def audit_rows(store):
    with store.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(t.audit).order_by(t.audit.c.id)).mappings()]


def test_edited_death_toll_survives_rebuild_and_is_audited(two_events):
    store, aleppo, _ = two_events
    review.edit(store, aleppo, {"fatalities": {"best": 7, "low": 5, "high": 9}}, who="mira", why="hospital list of 1 May names seven")
    consolidate.rebuild(store)
    ev = active(store)[aleppo]
    assert (ev["fatalities_best"], ev["fatalities_low"], ev["fatalities_high"]) == (7, 5, 9)
    assert ev["reviewed"] == "edited"
    # the sources' own figures are untouched
    assert sorted(f["fatalities"]["total"]["best"] for f in ev["payload"]["figures"]) == [5, 6]
    (a,) = audit_rows(store)
    assert (a["who"], a["action"], a["target"], a["why"]) == ("mira", "edit", aleppo, "hospital list of 1 May names seven")
    assert a["detail"]["changes"]["fatalities"]["best"] == 7 and a["at"] is not None


def test_edit_survives_re_extraction_of_the_same_document(two_events):
    store, aleppo, _ = two_events
    review.edit(store, aleppo, {"type": "Shelling/artillery/missile attack"}, who="mira", why="the launcher was ground-based")
    with store.connect() as conn:
        doc_id = conn.execute(sa.select(t.documents.c.id).where(t.documents.c.outlet == "Euronews")).scalar_one()
    s = "Five killed in air strikes on Aleppo."
    store.replace_claims(doc_id, {"events": [strike("2016-04-30", 5, s)]})
    consolidate.update(store)
    consolidate.rebuild(store)
    ev = next(e for e in active(store).values() if e["location_name"] == "Aleppo")
    assert ev["sub_event_type"] == "Shelling/artillery/missile attack"
    assert ev["event_type"] == "Explosions/Remote violence"


def test_confirm_marks_the_event_reviewed(two_events):
    store, aleppo, _ = two_events
    review.confirm(store, aleppo, who="mira", why="two outlets, monitor toll")
    consolidate.rebuild(store)
    assert active(store)[aleppo]["reviewed"] == "confirmed"


def test_merge_leaves_tombstones_pointing_to_the_new_event_and_survives_rebuild(two_events):
    store, aleppo, douma = two_events
    r = review.merge(store, [aleppo, douma], who="mira", why="the same raid wave, mislocated")
    new = r["event_id"]
    assert new not in (aleppo, douma)
    for old in (aleppo, douma):
        row = get_event_row(store, old)
        assert row["status"] == "merged" and row["replaced_by"] == [new]
        assert review.resolve(store, old) == [new]
    assert set(active(store)) == {new}
    assert active(store)[new]["n_reports"] == 3
    consolidate.rebuild(store)
    assert set(active(store)) == {new}
    with pytest.raises(review.ReviewError, match="merged"):
        review.confirm(store, aleppo, who="mira")


def test_split_gives_new_ids_and_keeps_the_parts_apart_after_rebuild(two_events):
    store, aleppo, _ = two_events
    claims = [c["claim_id"] for c in event_detail(store, aleppo)["claims"]]
    assert len(claims) == 2
    r = review.split(store, aleppo, [[claims[1]]], who="mira", why="two different strikes that day")
    parts = r["event_ids"]
    assert len(parts) == 2 and aleppo not in parts
    row = get_event_row(store, aleppo)
    assert row["status"] == "split" and sorted(row["replaced_by"]) == sorted(parts)
    consolidate.rebuild(store)
    ids = active(store)
    assert set(parts) <= set(ids)
    assert all(ids[p]["n_claims"] == 1 for p in parts)


def test_bad_reviews_are_refused_with_one_line(two_events):
    store, aleppo, douma = two_events
    with pytest.raises(review.ReviewError, match="not an editable field"):
        review.edit(store, aleppo, {"colour": "red"}, who="mira")
    with pytest.raises(review.ReviewError, match="low <= best <= high"):
        review.edit(store, aleppo, {"fatalities": {"best": 9, "low": 10}}, who="mira")
    with pytest.raises(review.ReviewError, match="at least two"):
        review.merge(store, [aleppo, aleppo], who="mira")
    with pytest.raises(review.ReviewError, match="no event"):
        review.confirm(store, "ev-000000000000", who="mira")
    with pytest.raises(review.ReviewError, match="is not a claim of"):
        review.split(store, aleppo, [[999999]], who="mira")
    assert audit_rows(store) == []


def test_api_entry_point_applies_the_action(two_events):
    store, aleppo, douma = two_events
    r = review.apply(store, aleppo, "merge", who="token:desk", why="same incident", merge_with=[douma])
    assert r["action"] == "merge" and r["replaced"] == [aleppo, douma]


def test_review_commands_and_tombstone_in_event_show(cli, db_url, tmp_path):
    from ceasefire.store import open_store

    store = open_store(db_url)
    for s, place, n, outlet in (("Five killed in air strikes on Aleppo.", ALEPPO, 5, "Euronews"),
                                ("Eight killed in air strikes on Abu Kamal.", ABU_KAMAL, 8, "SANA")):
        add(store, report(s, outlet), strike("2016-04-30", n, s, place=place))
    consolidate.update(store)
    ids = sorted(active(store))
    store.close()
    r = cli("event", "edit", "--db", db_url, ids[0], "--killed", "6:5-8", "--who", "mira", "--why", "revised toll")
    assert r.exit_code == 0 and "edited: fatalities" in r.output
    r = cli("event", "confirm", "--db", db_url, ids[0], "--who", "mira")
    assert r.exit_code == 0
    r = cli("event", "merge", "--db", db_url, *ids, "--who", "mira", "--why", "one strike")
    assert r.exit_code == 0
    new = r.output.split(" into ")[1].split()[0]
    show = cli("event", "show", "--db", db_url, ids[0])
    assert show.exit_code == 0
    assert f"was merged into {new}" in show.output
    assert "Figures, side by side" in show.output and "Review history" in show.output
    detail = json.loads(cli("event", "show", "--db", db_url, new, "--json").output)
    assert detail["status"] == "active" and len(detail["claims"]) == 2
    assert [h["action"] for h in detail["history"]] == ["merge"]
    bad = cli("event", "split", "--db", db_url, new, "--claims", "x", "--who", "mira", "--why", "?")
    assert bad.exit_code != 0
    missing = cli("event", "edit", "--db", db_url, ids[0], "--killed", "4", "--why", "late")
    assert missing.exit_code != 0 and "merged" in missing.output
