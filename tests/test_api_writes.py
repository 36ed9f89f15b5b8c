"""Writes through the API need a token made with the CLI; reads stay open; CORS is opt-in."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

REPORT = {
    "id": "wire-2016-05-01-darayya",
    "title": "Barrel bombs hit Daraya",
    "published": "2016-05-01",
    "source": "Enab Baladi",
    "text": "Government helicopters dropped barrel bombs on the besieged town of Daraya on Sunday, "
    "killing at least four civilians, the Syrian Observatory for Human Rights said.",
}


@pytest.fixture
def tokened(cli, db_url):
    """A store with a live token for 'field-office' (made with the real CLI) and a client."""
    from ceasefire.api import create_app

    r = cli("token", "create", "field-office", "--db", db_url)
    assert r.exit_code == 0, r.output
    token = r.output.strip().splitlines()[0]
    with TestClient(create_app(db_url)) as client:
        yield client, token


def test_token_is_shown_once_and_stored_hashed(cli, db_url):
    import sqlalchemy as sa

    from ceasefire.store import open_store
    from ceasefire.store import schema as t

    token = cli("token", "create", "amman-desk", "--db", db_url).output.strip().splitlines()[0]
    assert token.startswith("cf_") and len(token) > 40
    listing = cli("token", "list", "--db", db_url).output
    assert "amman-desk" in listing and "live" in listing and token not in listing
    store = open_store(db_url)
    with store.connect() as conn:
        stored = conn.execute(sa.select(t.api_tokens.c.token_hash)).scalars().all()
    store.close()
    assert token not in stored and len(stored[0]) == 64
    again = cli("token", "create", "amman-desk", "--db", db_url)
    assert again.exit_code != 0 and "revoke it first" in again.output


def test_ingest_needs_a_token_and_stores_the_report_once(tokened):
    client, token = tokened
    assert client.post("/api/documents", json=[REPORT]).status_code == 401
    bad = client.post("/api/documents", json=[REPORT], headers={"Authorization": "Bearer cf_not-a-token"})
    assert bad.status_code == 401 and bad.json()["detail"] == "invalid or revoked API token"
    auth = {"Authorization": f"Bearer {token}"}
    first = client.post("/api/documents", json=[REPORT], headers=auth).json()
    assert (first["new"], first["known"], first["failed"], first["by"]) == (1, 0, 0, "field-office")
    again = client.post("/api/documents", content=json.dumps(REPORT) + "\n", headers={**auth, "Content-Type": "application/x-ndjson"}).json()
    assert (again["new"], again["known"]) == (0, 1)
    docs = client.get("/api/documents").json()
    assert docs["total"] == 1
    doc = client.get(f"/api/documents/{docs['items'][0]['id']}").json()
    assert doc["title"] == "Barrel bombs hit Daraya" and doc["published"] == "2016-05-01" and "Daraya" in doc["text"]


def test_ingest_names_each_bad_line_and_keeps_the_good_ones(tokened):
    client, token = tokened
    body = "\n".join([json.dumps(REPORT), "{not json", json.dumps({"title": "no text"}), json.dumps([1, 2])])
    r = client.post("/api/documents", content=body, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200
    out = r.json()
    assert out["new"] == 1 and out["failed"] == 3
    assert out["errors"] == [
        "line 2: not valid JSON (Expecting property name enclosed in double quotes)",
        "line 3: no \"text\" or \"html\"",
        "line 4: expected a JSON object with \"text\" or \"html\"",
    ]
    empty = client.post("/api/documents", content=b"", headers={"Authorization": f"Bearer {token}"})
    assert empty.status_code == 422 and "empty" in empty.json()["detail"]


def test_revoked_token_is_refused_at_once(tokened, cli, db_url):
    client, token = tokened
    assert cli("token", "revoke", "field-office", "--db", db_url).output.strip() == "revoked 1 token"
    r = client.post("/api/documents", json=[REPORT], headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401
    [row] = [line for line in cli("token", "list", "--db", db_url).output.splitlines() if "field-office" in line]
    assert not row.rstrip().endswith("live")


def test_review_and_truce_declaration_need_a_token(tokened):
    client, _token = tokened
    r = client.post("/api/events/ev-1/review", json={"action": "confirm"})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert client.post("/api/truces", json={"name": "Regime of calm"}).status_code == 401


def test_review_of_an_unknown_event_is_404_or_unavailable(tokened):
    client, token = tokened
    r = client.post("/api/events/ev-nope/review", json={"action": "confirm", "why": "checked with the field team"},
                    headers={"Authorization": f"Bearer {token}"})
    assert r.status_code in (404, 501)
    bad = client.post("/api/events/ev-nope/review", json={"action": "approve"}, headers={"Authorization": f"Bearer {token}"})
    assert bad.status_code == 422


def test_cors_is_off_by_default_and_allows_the_configured_origin(sqlite_url):
    from ceasefire.api import create_app

    origin = {"Origin": "https://desk.example.org"}
    with TestClient(create_app(sqlite_url)) as closed:
        assert "access-control-allow-origin" not in closed.get("/api/health", headers=origin).headers
    with TestClient(create_app(sqlite_url, cors_origins=["https://desk.example.org"])) as open_:
        r = open_.get("/api/health", headers=origin)
        assert r.headers["access-control-allow-origin"] == "https://desk.example.org"
        pre = open_.options("/api/documents", headers={**origin, "Access-Control-Request-Method": "POST",
                                                       "Access-Control-Request-Headers": "authorization"})
        assert pre.status_code == 200
        other = open_.get("/api/health", headers={"Origin": "https://elsewhere.example.com"})
        assert "access-control-allow-origin" not in other.headers


def test_analyst_merges_two_reports_of_one_strike_and_old_ids_lead_to_it(tokened, db_url):
    from desk_data import build_desk_store

    from ceasefire.store import open_store

    client, token = tokened
    store = open_store(db_url)
    build_desk_store(store)
    store.close()
    auth = {"Authorization": f"Bearer {token}"}
    ids = {ev["sub_event_type"]: ev["id"] for ev in client.get("/api/events").json()["items"]}
    strike, mortar = ids["Air/drone strike"], ids["Shelling/artillery/missile attack"]
    ok = client.post(f"/api/events/{strike}/review", json={"action": "confirm", "why": "SOHR and the field team agree"}, headers=auth)
    assert ok.status_code == 200 and ok.json()["action"] == "confirm"
    assert client.get(f"/api/events/{strike}").json()["reviewed"] == "confirmed"
    merged = client.post(f"/api/events/{strike}/review", json={"action": "merge", "merge_with": [mortar], "why": "test"}, headers=auth).json()
    new_id = merged["event_id"]
    r = client.get(f"/api/events/{mortar}", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == f"/api/events/{new_id}"
    survivor = client.get(f"/api/events/{strike}").json()
    assert survivor["id"] == new_id and len(survivor["claims"]) == 2
    assert survivor["history"] and survivor["history"][-1]["who"] == "field-office"
    again = client.post(f"/api/events/{mortar}/review", json={"action": "confirm"}, headers=auth)
    assert again.status_code == 422


def test_declared_truce_judges_the_damascus_mortar_as_a_violation(tokened, db_url):
    from desk_data import build_desk_store

    from ceasefire.store import open_store

    client, token = tokened
    store = open_store(db_url)
    build_desk_store(store)
    store.close()
    spec = {
        "name": "Regime of calm, Damascus",
        "parties": ["Military Forces of Syria (2000-)", "Opposition Rebels (Syria)"],
        "zone": [{"around": "Damascus", "km": 30}],
        "valid_from": "2016-04-29",
        "valid_until": "2016-05-02",
    }
    r = client.post("/api/truces", json=spec, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 201, r.text
    truce_id = r.json()["id"]
    truce = client.get(f"/api/truces/{truce_id}").json()
    assert truce["name"] == "Regime of calm, Damascus" and truce["origin"] == "declared"
    [v] = client.get("/api/violations", params={"truce": truce_id, "since": "2016-04-29", "until": "2016-04-29"}).json()
    assert v["verdict"] == "violation" and v["sub_event_type"] == "Shelling/artillery/missile attack"
    event = client.get(f"/api/events/{v['event_id']}").json()
    assert [x["truce_id"] for x in event["violations"]] == [truce_id]
    bad = client.post("/api/truces", json={"name": "x", "zone": [{"admin1": "Atlantis"}]}, headers={"Authorization": f"Bearer {token}"})
    assert bad.status_code == 422 and "Atlantis" in bad.json()["detail"]
