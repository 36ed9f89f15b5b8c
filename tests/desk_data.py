"""A small store for the analyst's desk tests (API, report, exports).

Reports written for the tests, in the manner of wire copy, each with the claims an
extractor should make of it, written as Event JSON v1 and stored through the store's own
write path, then consolidated and analysed as `ceasefire ingest` does. Hand-written claims
keep these tests about the surfaces: they do not move when extraction improves.
"""

from __future__ import annotations

from datetime import date

from ceasefire.documents import Document, clean_text

ALEPPO = {"name": "Aleppo", "lat": 36.20124, "lon": 37.16117, "country": "SY", "admin1": "Aleppo", "geonames_id": 170063, "precision": "exact"}
DAMASCUS = {"name": "Damascus", "lat": 33.5102, "lon": 36.29128, "country": "SY", "admin1": "Damascus", "geonames_id": 170654, "precision": "exact"}
MADAYA = {"name": "Madaya", "lat": 33.6903, "lon": 36.0986, "country": "SY", "admin1": "Rural Damascus", "precision": "exact"}
IDLIB = {"name": "Idlib", "lat": 35.93062, "lon": 36.63393, "country": "SY", "admin1": "Idleb", "geonames_id": 169389, "precision": "exact"}
JISR = {"name": "Jisr al-Shughur", "lat": 35.8126, "lon": 36.3179, "country": "SY", "admin1": "Idleb", "precision": "near"}

GOVT = {"name": "Military Forces of Syria (2000-)", "inter": 1, "country": "SY"}
REBELS = {"name": "Opposition Rebels (Syria)", "inter": 2, "country": "SY"}
CIVILIANS = {"name": "Civilians (Syria)", "inter": 7, "country": "SY"}
HTS = {"name": "HTS: Hayat Tahrir al Sham", "inter": 2, "country": "SY"}


def _counts(total=None):
    return {"total": total, "civilians": None, "children": None, "women": None, "combatants": None}


def _fig(best, qualifier="exact", low=None, high=None):
    return {"best": best, "low": low, "high": high, "qualifier": qualifier}


def claim(text, sentence, event_type, sub_event_type, *, day, location, actors=(), killed=None, method=None,
          sources=(), certainty="reported", aggregate=False, salience=0.8, **extra):
    start = text.index(sentence)
    ev = {
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "method": method,
        "date": {"start": day, "end": day, "precision": "day"},
        "location": location,
        "actors": [dict(a, role=r) for a, r in actors],
        "fatalities": _counts(killed),
        "injured": _counts(),
        "attribution": {"sources": list(sources), "chain": [], "certainty": certainty},
        "evidence": [{"start": start, "end": start + len(sentence), "text": sentence}],
        "salience": salience,
    }
    if aggregate:
        ev["aggregate"] = True
    ev.update(extra)
    return ev


SOHR_ALEPPO = clean_text("""Government air strikes kill five in Aleppo as truce talks go on

BEIRUT, April 30 (Reuters) - At least five people were killed on Saturday as jets, believed to have been the government's, bombed opposition-held neighbourhoods of eastern Aleppo, the Syrian Observatory for Human Rights said.

The Observatory put the civilian dead in Aleppo since the bombardment began nine days ago at about 250.""")

SANA_DAMASCUS = clean_text("""Terrorists' mortar shells kill three in Damascus

DAMASCUS, April 29 (SANA) - Three civilians were killed on Friday when rebel groups fired mortar shells at the al-Shaghour neighbourhood of Damascus, a police source said.""")

ICRC_MADAYA = clean_text("""Aid reaches besieged Madaya

GENEVA, April 30 - A joint convoy of the ICRC, the Syrian Arab Red Crescent and the United Nations entered Madaya on Saturday with food and medicine for 40,000 people, the ICRC said.""")

IDLIB_CLASH = clean_text("""Fighting near Jisr al-Shughur

IDLIB, April 25 - Dozens of fighters were killed on Monday in clashes between government forces and HTS near Jisr al-Shughur, a monitor said.""")


def reports() -> list[tuple[Document, dict]]:
    """(document, extraction) pairs for the desk's store."""
    aleppo = claim(
        SOHR_ALEPPO,
        "At least five people were killed on Saturday as jets, believed to have been the government's, bombed opposition-held neighbourhoods of eastern Aleppo, the Syrian Observatory for Human Rights said.",
        "Explosions/Remote violence", "Air/drone strike", day="2016-04-30", location=ALEPPO, method="air_strike",
        actors=[(GOVT, "perpetrator"), (CIVILIANS, "target")], killed=_fig(5, "at_least", low=5),
        sources=["Syrian Observatory for Human Rights"], certainty="believed", salience=1.0,
    )
    tally = claim(
        SOHR_ALEPPO, "The Observatory put the civilian dead in Aleppo since the bombardment began nine days ago at about 250.",
        "Explosions/Remote violence", "Air/drone strike", day="2016-04-30", location=ALEPPO, killed=_fig(250, "about"),
        sources=["Syrian Observatory for Human Rights"], aggregate=True, salience=0.5,
    )
    mortar = claim(
        SANA_DAMASCUS,
        "Three civilians were killed on Friday when rebel groups fired mortar shells at the al-Shaghour neighbourhood of Damascus, a police source said.",
        "Explosions/Remote violence", "Shelling/artillery/missile attack", day="2016-04-29", location=DAMASCUS, method="artillery",
        actors=[(REBELS, "perpetrator"), (CIVILIANS, "target")], killed=_fig(3), sources=["SANA"], salience=1.0,
    )
    aid = claim(
        ICRC_MADAYA,
        "A joint convoy of the ICRC, the Syrian Arab Red Crescent and the United Nations entered Madaya on Saturday with food and medicine for 40,000 people, the ICRC said.",
        "Humanitarian access", "Aid delivery", day="2016-04-30", location=MADAYA, sources=["ICRC"], certainty="asserted",
        aid={"organizations": ["ICRC", "SARC", "UN"]}, salience=1.0,
    )
    clash = claim(
        IDLIB_CLASH,
        "Dozens of fighters were killed on Monday in clashes between government forces and HTS near Jisr al-Shughur, a monitor said.",
        "Battles", "Armed clash", day="2016-04-25", location=JISR, method="small_arms",
        actors=[(GOVT, "party"), (HTS, "party")], killed=_fig(12, "at_least", low=12), salience=1.0,
    )
    return [
        (Document(text=SOHR_ALEPPO, title="Government air strikes kill five in Aleppo as truce talks go on", published=date(2016, 4, 30),
                  outlet="Reuters", url="https://example.org/aleppo", source_format="jsonl"), _line(SOHR_ALEPPO, [aleppo, tally])),
        (Document(text=SANA_DAMASCUS, title="Terrorists' mortar shells kill three in Damascus", published=date(2016, 4, 29),
                  outlet="SANA", source_format="jsonl"), _line(SANA_DAMASCUS, [mortar])),
        (Document(text=ICRC_MADAYA, title="Aid reaches besieged Madaya", published=date(2016, 4, 30), outlet="ICRC",
                  source_format="jsonl"), _line(ICRC_MADAYA, [aid])),
        (Document(text=IDLIB_CLASH, title="Fighting near Jisr al-Shughur", published=date(2016, 4, 25), outlet="Enab Baladi",
                  source_format="jsonl"), _line(IDLIB_CLASH, [clash])),
    ]


def _line(text, events):
    return {"id": None, "title": None, "published": None, "text": text, "events": events}


def build_desk_store(store) -> None:
    """Fill ``store`` with the desk's reports and bring events, truces and access up to date."""
    from ceasefire import analyse, consolidate

    store.add_documents(reports(), extractor_version="test")
    consolidate.update(store)
    analyse.update(store)


def module_db_url(request, tmp_path_factory) -> str:
    """An empty store URL for a module-scoped fixture parametrised ``sqlite`` / ``postgresql``."""
    import pytest

    from conftest import IN_CI, _pg_url, fresh_pg_database

    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('desk') / 'store.sqlite'}"
    if not _pg_url():
        msg = "no PostgreSQL server (CEASEFIRE_TEST_PG unset; scripts/test.sh starts one)"
        pytest.fail(msg) if IN_CI else pytest.skip(msg)
    return fresh_pg_database(_pg_url())


def desk_client(request, tmp_path_factory):
    """Yield an HTTP client over a filled desk store (for a module-scoped fixture); ``client.db_url``
    is the store's URL."""
    from fastapi.testclient import TestClient

    from ceasefire.api import create_app
    from ceasefire.store import open_store

    url = module_db_url(request, tmp_path_factory)
    store = open_store(url)
    build_desk_store(store)
    store.close()
    with TestClient(create_app(url)) as client:
        client.db_url = url
        yield client
