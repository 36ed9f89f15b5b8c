"""Per-place humanitarian access: status and one-line summary from the place's records."""

from __future__ import annotations

from datetime import date

from ceasefire.analyse.access import place_status, plain_actor

GOV = [{"name": "Military Forces of Syria (2000-)", "role": "besieger"}]


def row(i, kind, day, status, actors=(), orgs=(), trucks=None, name="Madaya", end=None):
    return {"id": i, "kind": kind, "place_name": name, "geonames_id": None, "admin1": "Rif Dimashq", "lat": 33.69, "lon": 36.10,
            "date_start": date.fromisoformat(day), "date_end": date.fromisoformat(end or day), "status": status,
            "actors": list(actors), "organizations": list(orgs), "trucks": trucks, "items": None, "event_id": f"ev-{i}",
            "claim_id": i, "evidence": f"sentence {i}"}


def test_siege_with_deliveries_and_a_denial():
    p = place_status([
        row(1, "siege", "2016-01-01", "besieged", GOV, end="2016-04-30"),
        row(2, "aid_delivery", "2016-04-30", "delivered", orgs=["ICRC"]),
        row(3, "access_denied", "2016-05-03", "denied", orgs=["UN"]),
        row(4, "aid_delivery", "2016-05-05", "delivered", orgs=["UN", "SARC"], trucks=40),
    ])
    assert p["status"] == "besieged" and p["since"] == "2016-01-01"
    assert p["summary"] == "Madaya — besieged by government forces (reported since 2016); aid entered 2016-05-05 (UN/SARC, 40 trucks); access denied 2016-05-03"
    assert [e["kind"] for e in p["timeline"]] == ["siege", "aid_delivery", "access_denied", "aid_delivery"]


def test_a_lifted_siege_ends_the_besieged_status():
    p = place_status([row(1, "siege", "2016-02-10", "besieged", GOV), row(2, "siege", "2017-04-14", "lifted", GOV)])
    assert p["status"] == "siege lifted" and not p["besieged"]
    assert p["summary"] == "Madaya — siege lifted"


def test_plain_words_for_besiegers():
    assert plain_actor("Military Forces of Syria (2000-)") == "government forces"
    assert plain_actor("Opposition Rebels (Syria)") == "insurgents"
    assert plain_actor("Islamic State (Syria)") == "Islamic State"
    assert plain_actor("Some Local Militia") == "Some Local Militia"
