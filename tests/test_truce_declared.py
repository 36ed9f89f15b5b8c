"""Truces declared by analysts (YAML through the CLI, or the function the API calls), their
zones (governorate, radius, GeoJSON polygon), closed party lists, and how they survive every
re-analysis. Violent events are stored as reports' claims written here, so that the verdicts
depend on the monitor's rules alone."""

from __future__ import annotations

import json
import textwrap
from datetime import date

import pytest
import sqlalchemy as sa

from ceasefire import analyse, consolidate
from ceasefire.analyse import views
from ceasefire.analyse.truces import declare
from ceasefire.documents import Document
from ceasefire.extract.contract import empty_event
from ceasefire.store import open_store
from ceasefire.store import schema as t

EASTERN_GHOUTA = {  # a rough polygon around Douma, Harasta and Kafr Batna
    "type": "Polygon",
    "coordinates": [[[36.33, 33.50], [36.50, 33.50], [36.50, 33.62], [36.33, 33.62], [36.33, 33.50]]],
}

PLACES = {
    "Douma": (33.5718, 36.4027, "Rif Dimashq", 170592),
    "Harasta": (33.5587, 36.3652, "Rif Dimashq", 169897),
    "Daraya": (33.4584, 36.2326, "Rif Dimashq", 170892),
    "Yabroud": (33.9692, 36.6573, "Rif Dimashq", 162627),
    "Latakia": (35.5313, 35.7909, "Latakia", 173576),
}


def violent(text: str, start: int, sub: str, place: str, day: str, perpetrator: str | None, target: str | None = None,
            certainty: str = "reported", killed: int | None = None) -> dict:
    etype = "Battles" if sub == "Armed clash" else "Explosions/Remote violence"
    ev = empty_event(etype, sub)
    ev["method"] = {"Armed clash": "small_arms", "Air/drone strike": "air_strike"}.get(sub, "artillery")
    lat, lon, admin1, gid = PLACES[place]
    ev["location"] = {"name": place, "lat": lat, "lon": lon, "country": "SY", "admin1": admin1, "geonames_id": gid, "precision": "exact"}
    ev["date"] = {"start": day, "end": day, "precision": "day"}
    if perpetrator:
        ev["actors"].append({"name": perpetrator, "role": "perpetrator", "inter": 1})
    if target:
        ev["actors"].append({"name": target, "role": "target", "inter": 2})
    ev["attribution"]["certainty"] = certainty
    if killed is not None:
        ev["fatalities"]["total"] = {"best": killed, "low": killed, "high": killed, "qualifier": "exact"}
    ev["evidence"] = [{"start": start, "end": start + len(text), "text": text}]
    ev["salience"] = 0.9
    return ev


def report(store, published: str, *sentences: tuple) -> None:
    """Store one report made of (text, sub_event_type, place, perpetrator, target, certainty, killed) sentences."""
    text = " ".join(s[0] for s in sentences)
    events, offset = [], 0
    for s in sentences:
        events.append(violent(s[0], offset, s[1], s[2], published, *s[3:]))
        offset += len(s[0]) + 1
    store.add_document(Document(text=text, published=date.fromisoformat(published)), {"events": events}, "test")
    consolidate.update(store)
    analyse.update(store)


GHOUTA_YAML = textwrap.dedent("""\
    truces:
      - id: ghouta-calm
        name: Regime of calm, Eastern Ghouta
        kind: truce
        aliases: [the Ghouta calm]
        parties: [Military Forces of Syria (2000-), Jaysh al Islam]
        brokers: [Military Forces of Russia (2000-)]
        excluded: [HTS: Hayat Tahrir al Sham, Islamic State]
        zone:
          - polygon: {type: Polygon, coordinates: [[[36.33, 33.50], [36.50, 33.50], [36.50, 33.62], [36.33, 33.62], [36.33, 33.50]]]}
            name: Eastern Ghouta
          - admin1: Latakia
            since: 2018-03-02
        windows:
          - {from: 2018-02-27, until: 2018-03-05}
    """)


@pytest.fixture
def ghouta(tmp_path, cli, db_url):
    path = tmp_path / "ghouta.yaml"
    path.write_text(GHOUTA_YAML, encoding="utf-8")
    r = cli("truce", "declare", str(path), "--db", db_url, "--who", "analyst-a", "--why", "mission briefing")
    assert r.exit_code == 0, r.output
    assert r.output.strip() == "declared ghouta-calm: Regime of calm, Eastern Ghouta"
    store = open_store(db_url)
    yield store
    store.close()


def test_declares_truce_from_yaml_with_audit_record(ghouta):
    [truce] = views.list_truces(ghouta)
    assert truce["origin"] == "declared" and truce["declared_by"] == "analyst-a"
    # No report in the store yet: "today" is the clock's, and a 2018 window has ended.
    assert truce["status"] == "expired" and truce["parties_closed"]
    changes = views.truce_detail(ghouta, "ghouta-calm")["changes"]
    assert [c["status"] for c in changes] == ["in_force", "expired"]
    assert "the window ended on 2018-03-05" in changes[-1]["detail"]["derived"]
    assert truce["zone_labels"] == ["polygon Eastern Ghouta", "Latakia governorate (from 2018-03-02)"]
    assert [(w["valid_from"], w["valid_until"]) for w in truce["windows"]] == [("2018-02-27", "2018-03-01"), ("2018-03-02", "2018-03-05")]
    with ghouta.connect() as conn:
        [row] = conn.execute(sa.select(t.audit).where(t.audit.c.target == "ghouta-calm")).mappings().all()
    assert row["who"] == "analyst-a" and row["action"] == "declare_truce" and row["why"] == "mission briefing"
    assert row["detail"]["spec"]["name"] == "Regime of calm, Eastern Ghouta"


def test_polygon_zone_party_excluded_and_window(ghouta):
    report(ghouta, "2018-02-28",
           ("Government forces shelled Douma on Wednesday.", "Shelling/artillery/missile attack", "Douma", "Military Forces of Syria (2000-)"),
           ("Government forces shelled Daraya on Wednesday.", "Shelling/artillery/missile attack", "Yabroud", "Military Forces of Syria (2000-)"))
    report(ghouta, "2018-03-01",
           ("Government troops fought Tahrir al-Sham fighters in Harasta.", "Armed clash", "Harasta", "Military Forces of Syria (2000-)", "HTS: Hayat Tahrir al Sham"),
           ("Turkish artillery fired into Douma, a monitor said.", "Shelling/artillery/missile attack", "Douma", "Military Forces of Turkey (2016-)"))
    report(ghouta, "2018-03-01",
           ("Warplanes struck near Latakia city on Thursday.", "Air/drone strike", "Latakia", None))
    report(ghouta, "2018-03-03",
           ("Warplanes believed to be government jets struck Latakia city on Saturday.", "Air/drone strike", "Latakia", "Military Forces of Syria (2000-)", None, "believed", 4))
    report(ghouta, "2018-03-06",
           ("Shelling hit Douma on Tuesday, a day after the calm ended.", "Shelling/artillery/missile attack", "Douma", "Military Forces of Syria (2000-)"))
    got = sorted((v["date"], v["verdict"], v["location_name"], v["certainty"]) for v in views.list_violations(ghouta))
    assert got == [
        ("2018-02-28", "violation", "Douma", "attributed"),  # inside the polygon, a party
        ("2018-03-01", "not_party", "Douma", "attributed"),  # Turkey is not a party of a closed list
        ("2018-03-01", "out_of_scope", "Harasta", "attributed"),  # against an excluded group
        ("2018-03-03", "violation", "Latakia", "believed"),  # Latakia joined on 2 March
    ]
    douma = next(v for v in views.list_violations(ghouta) if v["verdict"] == "violation" and v["location_name"] == "Douma")
    assert douma["explanation"]["zone_match"] == "inside polygon Eastern Ghouta"
    assert douma["explanation"]["window"]["basis"] == "declared"
    tallies = views.violation_tallies(ghouta, truce="Ghouta", by="day")
    assert [(x["day"], x["violations"], x["shelling"], x["air_strikes"], x["fatalities"]) for x in tallies] == [
        ("2018-02-28", 1, 1, 0, 0), ("2018-03-03", 1, 0, 1, 4)]


def test_declared_truce_survives_reanalysis_and_redeclaration(ghouta, tmp_path, cli, db_url):
    analyse.update(ghouta)
    analyse.update(ghouta)
    assert [x["id"] for x in views.list_truces(ghouta)] == ["ghouta-calm"]
    path = tmp_path / "again.yaml"
    path.write_text(GHOUTA_YAML.replace("until: 2018-03-05", "until: 2018-03-10"), encoding="utf-8")
    r = cli("truce", "declare", str(path), "--db", db_url, "--who", "analyst-b")
    assert r.output.strip() == "re-declared ghouta-calm: Regime of calm, Eastern Ghouta"
    detail = views.truce_detail(ghouta, "the Ghouta calm")
    assert detail["valid_until"] == "2018-03-10" and detail["declared_by"] == "analyst-b"
    with ghouta.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(t.audit).where(t.audit.c.target == "ghouta-calm")).scalar() == 2


def test_reported_extension_moves_a_declared_window(ghouta):
    text = "The regime of calm in Eastern Ghouta has been extended until the end of Friday, Russia said."
    ev = empty_event("Strategic developments", "Agreement")
    ev["date"] = {"start": "2018-03-05", "end": "2018-03-05", "precision": "day"}
    ev["agreement"] = {"kind": "truce", "status": "extended", "name": "Regime of calm, Eastern Ghouta", "zone": [],
                       "valid_from": None, "valid_until": "2018-03-09", "cue": "extended"}
    ev["evidence"] = [{"start": 0, "end": len(text), "text": text}]
    ghouta.add_document(Document(text=text, published=date(2018, 3, 5)), {"events": [ev]}, "test")
    consolidate.update(ghouta)
    analyse.update(ghouta)
    detail = views.truce_detail(ghouta, "ghouta-calm")
    assert detail["origin"] == "declared"
    assert detail["valid_until"] == "2018-03-09"
    assert [c["status"] for c in detail["changes"]][-1] == "extended"


def test_api_declare_function_accepts_radius_zone_and_top_level_window(store):
    result = declare(store, {"name": "Daraya evacuation truce", "kind": "local_agreement",
                             "zone": [{"place": "Daraya", "radius_km": 4}], "valid_from": "2016-08-25", "valid_until": "2016-08-27"},
                     who="token:desk")
    assert result == {"id": "daraya-evacuation-truce", "name": "Daraya evacuation truce", "created": True}
    detail = views.truce_detail(store, "daraya-evacuation-truce")
    assert detail["zone_labels"] == ["within 4 km of Daraya"]
    assert (detail["valid_from"], detail["valid_until"]) == ("2016-08-25", "2016-08-27")


@pytest.mark.parametrize("yaml_text, problem", [
    ("truces: [\n  {name: x", "not valid YAML"),
    ("- kind: truce\n", "truce 1: a truce needs a name"),
    ("- name: A\n  zone: [{admin1: Atlantis}]\n", "'Atlantis' is not a Syrian governorate"),
    ("- name: A\n  windows: [{from: 2016-05-02, until: 2016-05-01}]\n", "ends before it starts"),
    ("- name: A\n  zone: [{polygon: {type: Point, coordinates: [1, 2]}}]\n", "GeoJSON Polygon"),
])
def test_bad_declaration_is_one_clear_line_and_stores_nothing(tmp_path, cli, sqlite_url, yaml_text, problem):
    path = tmp_path / "bad.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    r = cli("truce", "declare", str(path), "--db", sqlite_url)
    assert r.exit_code != 0
    message = r.output.strip()
    assert len(message.splitlines()) == 1 and str(path) in message and problem in message
    assert json.loads(cli("truces", "--json", "--db", sqlite_url).output) == []


def test_withdraw_a_declared_truce(ghouta, cli, db_url):
    r = cli("truce", "withdraw", "ghouta-calm", "--db", db_url, "--who", "analyst-a")
    assert r.exit_code == 0 and r.output.strip() == "withdrew ghouta-calm"
    assert views.list_truces(ghouta) == []
    r = cli("truce", "withdraw", "ghouta-calm", "--db", db_url)
    assert r.exit_code != 0 and "no declared truce" in r.output


def test_incremental_judging_gives_what_a_full_rejudge_gives(ghouta):
    # Reports arrive one by one: each ingest judges only what changed; then everything afresh.
    report(ghouta, "2018-02-28",
           ("Government forces shelled Douma on Wednesday.", "Shelling/artillery/missile attack", "Douma", "Military Forces of Syria (2000-)"))
    report(ghouta, "2018-03-03",
           ("Warplanes struck Latakia city on Saturday.", "Air/drone strike", "Latakia", "Military Forces of Syria (2000-)"))
    report(ghouta, "2018-03-04",
           ("Rebels fought government troops in Harasta.", "Armed clash", "Harasta", "Jaysh al Islam", "Military Forces of Syria (2000-)"))
    key = lambda vs: sorted((v["truce_id"], v["event_id"], v["verdict"], v["certainty"], v["window_id"] is not None, v["explanation"]["text"]) for v in vs)
    incremental = key(views.list_violations(ghouta))
    assert len(incremental) == 3
    with ghouta.begin() as conn:
        for tid, payload in conn.execute(sa.select(t.truces.c.id, t.truces.c.payload)).all():
            conn.execute(sa.update(t.truces).where(t.truces.c.id == tid).values(payload={**payload, "fingerprint": None}))
    analyse.update(ghouta)
    assert key(views.list_violations(ghouta)) == incremental
