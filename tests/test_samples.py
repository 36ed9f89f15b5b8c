"""The bundled sample corpus: every report ingests, with its metadata, and without page chrome."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest
import sqlalchemy as sa

from ceasefire.sources import SourceError, read_paths
from ceasefire.sources.chrome import is_chrome
from ceasefire.store.database import make_engine
from conftest import SAMPLES


@pytest.fixture(scope="module")
def samples() -> list:
    return list(read_paths([SAMPLES], on_warning=lambda w: pytest.fail(f"unexpected warning: {w}")))


def by_name(samples, name: str):
    (doc,) = [d for d in samples if d.source_path.split("/")[-1].startswith(name)]
    return doc


def test_every_sample_reads_without_error_or_warning(samples):
    errors = [str(d) for d in samples if isinstance(d, SourceError)]
    assert errors == []
    assert len(samples) == 34
    assert len({d.id for d in samples}) == 34  # no two samples are the same report


def test_sample_counts_per_format(samples):
    assert Counter(d.source_format for d in samples) == {"text": 18, "html": 7, "feed": 5, "jsonl": 4}


def test_every_sample_has_title_date_and_outlet_in_spring_2016(samples):
    for d in samples:
        assert d.title, d.source_path
        assert d.outlet, d.source_path
        assert date(2016, 4, 25) <= d.published <= date(2016, 5, 15), d.source_path
        assert d.text.split("\n", 1)[0] == d.title, d.source_path  # the headline opens the text, once
        assert d.text.count(d.title) == 1, d.source_path


def test_no_page_chrome_is_left_in_any_sample(samples):
    for d in samples:
        for line in d.text.split("\n"):
            assert not is_chrome(line), (d.source_path, line)
        for furniture in ("cookies", "not available in your region", "Access to the comments", "Sign up", "Read more",
                          "Related", "Share this", "All rights reserved", "Log in", "Great article", "Newsletter"):
            assert furniture.lower() not in d.text.lower(), (d.source_path, furniture)


def test_second_outlet_reports_the_seed_strike_with_its_own_toll(samples):
    """The seed (Euronews, Saturday 2016-04-30) says "at least five"; Levant Desk says six, citing SOHR."""
    d = by_name(samples, "levant-desk-2016-04-30")
    assert (d.outlet, d.published) == ("Levant Desk", date(2016, 4, 30))
    assert "Six people were killed on Saturday when government jets bombed opposition-held quarters of Aleppo, the Syrian Observatory for Human Rights said" in d.text
    assert "ninth day" in d.text


def test_html_page_metadata_and_agency_credit(samples):
    d = by_name(samples, "orontes-post-2016-04-29")
    assert d.source_format == "html"
    assert d.title == "Death toll from Aleppo hospital strike rises to 50"
    assert (d.outlet, d.byline, d.agency) == ("Orontes Post", "Samir Khoury", "AFP")
    assert d.url == "https://orontes-post.example/middle-east/2016/04/29/hospital-toll-rises"
    assert "May God have mercy" not in d.text  # a reader's comment
    assert "This content is not available in your region" in d.meta["removed_lines"]


def test_sidecars_give_date_outlet_and_byline(samples):
    madaya = by_name(samples, "madaya-doctors-appeal")
    assert (madaya.published, madaya.outlet, madaya.byline) == (date(2016, 5, 8), "Beirut Ledger", "Rania Haddad")
    ghouta = by_name(samples, "ghouta-infighting")
    assert (ghouta.published, ghouta.outlet, ghouta.byline) == (date(2016, 5, 11), "Orontes Post", "Samir Khoury")
    assert ghouta.url == "https://orontes-post.example/news/2016/05/11/ghouta-infighting"


def test_monitor_bulletin_and_russian_statement_dates_from_their_date_lines(samples):
    sohr = by_name(samples, "sohr-2016-04-30")
    assert (sohr.outlet, sohr.published) == ("Syrian Observatory for Human Rights", date(2016, 4, 30))
    assert "Saturday 30 April 2016" not in sohr.text
    mod = by_name(samples, "hmeimim-2016-05-04")
    assert mod.outlet == "Russian Centre for Reconciliation (Hmeimim)"
    assert "a regime of calm is being introduced in the city of Aleppo for 48 hours from 00:01 on 5 May 2016" in mod.text


def test_feed_entries_and_json_lines_items(samples):
    feed = [d for d in samples if d.source_format == "feed"]
    assert [d.published.isoformat() for d in feed] == ["2016-05-06", "2016-05-06", "2016-05-10", "2016-05-13", "2016-05-12"]
    assert {d.outlet for d in feed} == {"Levant Desk"}
    assert feed[1].agency == "AFP"  # dc:creator "Levant Desk staff, with AFP"
    items = [d for d in samples if d.source_format == "jsonl"]
    assert [d.external_id for d in items] == ["wire-2016-05-03-kafr-hamra", "wire-2016-05-06-zabadani", "wire-2016-05-08-aleppo-market", "wire-2016-05-11-latakia-calm"]
    market = items[2]
    assert market.agency == "AFP" and market.outlet == "Gulf Courier"
    assert "Advertisement" not in market.text


def test_samples_ingest_with_no_failure_and_once(cli, db_url):
    r = cli("ingest", "--db", db_url, str(SAMPLES))
    assert r.exit_code == 0, r.output
    assert r.stdout.strip().splitlines()[-1] == "34 new, 0 already known, 0 failed"
    assert "warning" not in r.stderr and "error" not in r.stderr
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            counts = dict(conn.execute(sa.text("SELECT source_format, count(*) FROM documents GROUP BY source_format")).all())
    finally:
        engine.dispose()
    assert counts == {"text": 18, "html": 7, "feed": 5, "jsonl": 4}
    r = cli("ingest", "--db", db_url, str(SAMPLES))
    assert r.stdout.strip().splitlines()[-1] == "0 new, 34 already known, 0 failed"


def test_samples_readme_lists_every_report_file():
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert "written for this project" in readme
    for p in SAMPLES.rglob("*"):
        if p.is_file() and p.name != "README.md" and ".meta." not in p.name:
            assert f"`{p.name}`" in readme, p.name


def test_extract_reads_the_json_lines_sample_with_its_ids(cli):
    r = cli("extract", str(SAMPLES / "feeds" / "wire-digest-2016-05.jsonl"))
    assert r.exit_code == 0
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["wire-2016-05-03-kafr-hamra", "wire-2016-05-06-zabadani", "wire-2016-05-08-aleppo-market", "wire-2016-05-11-latakia-calm"]
    assert lines[0]["published"] == "2016-05-03"
