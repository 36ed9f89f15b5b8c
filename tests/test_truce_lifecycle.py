"""The registry's rules on news alone (no store): windows, gaps, renewals, pending zones."""

from __future__ import annotations

from datetime import date

from ceasefire.analyse.truces import Registry
from ceasefire.extract.agreements import zone_rule_location

HOMS = zone_rule_location({"type": "admin1", "admin1": "Homs"}, "Homs province")
ALEPPO = zone_rule_location({"type": "admin1", "admin1": "Aleppo"}, "Aleppo province")

_n = 0


def news(day: str, status: str, name: str | None = "regime of calm", zone=(HOMS,), cue: str | None = "x",
         valid_until: str | None = None, hours: int | None = None, brokers=()) -> dict:
    global _n
    _n += 1
    agreement = {"kind": "truce", "status": status, "name": name, "zone": list(zone), "valid_from": None,
                 "valid_until": valid_until, "cue": cue}
    if hours:
        agreement.update(duration_hours=hours, additional=True)
    return {"event_id": f"ev-{_n}", "date": date.fromisoformat(day), "precision": "day", "published": date.fromisoformat(day),
            "document": f"d{_n}", "ordinal": 0, "claim_id": _n, "evidence": f"sentence {_n}",
            "payload": {"agreement": agreement, "actors": [{"name": b, "role": "broker", "inter": 8} for b in brokers]}}


def build(*items, as_of="2016-06-30") -> Registry:
    reg = Registry(date.fromisoformat(as_of))
    for n in items:
        reg.attach(n)
    reg.finish()
    return reg


def windows(tr) -> list[tuple]:
    return [(str(w.valid_from), str(w.valid_until) if w.valid_until else None) for w in tr.windows]


def test_collapse_closes_the_window_and_news_in_force_opens_another():
    reg = build(news("2016-05-01", "in_force", valid_until="2016-05-03"), news("2016-05-02", "collapsed"),
                news("2016-05-10", "in_force", valid_until="2016-05-12"), as_of="2016-05-11")
    [tr] = reg.truces
    assert windows(tr) == [("2016-05-01", "2016-05-01"), ("2016-05-10", "2016-05-12")]
    assert tr.status == "in_force"


def test_extension_given_only_as_a_duration_adds_it_to_the_end():
    reg = build(news("2016-05-01", "in_force", valid_until="2016-05-02"), news("2016-05-02", "extended", hours=72), as_of="2016-05-03")
    assert windows(reg.truces[0]) == [("2016-05-01", "2016-05-05")]


def test_zone_under_talks_becomes_the_zone_once_agreed():
    reg = build(news("2016-05-01", "negotiating", zone=(ALEPPO,)), news("2016-05-03", "agreed", zone=(ALEPPO,), valid_until="2016-05-06"))
    [tr] = reg.truces
    assert tr.pending == [] and [z["admin1"] for z in tr.zone] == ["Aleppo"]
    # agreed with no start reported: no window until news of it in force
    assert tr.windows == [] and tr.status == "agreed"


def test_same_name_after_a_long_silence_is_another_truce():
    reg = build(news("2016-05-01", "in_force", valid_until="2016-05-02"), news("2016-08-01", "in_force", valid_until="2016-08-02"))
    assert len(reg.truces) == 2 and reg.truces[0].status == "expired"
    assert reg.truces[0].id != reg.truces[1].id


def test_a_bare_mention_founds_nothing():
    reg = build(news("2016-05-01", "in_force", name=None, zone=(), cue=None))
    assert reg.truces == [] and len(reg.unattached) == 1


def test_window_past_its_end_is_expired_with_a_derived_change():
    reg = build(news("2016-05-01", "in_force", valid_until="2016-05-02"), as_of="2016-05-05")
    tr = reg.truces[0]
    assert tr.status == "expired"
    assert tr.changes[-1].status == "expired" and tr.changes[-1].claim_id is None
