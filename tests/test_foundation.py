"""The foundation: ingest -> extract -> store -> query, on the seed article."""

from __future__ import annotations

import json

from ceasefire.extract import validate


def test_seed_ingest_is_idempotent_and_events_quote_real_sentences(cli, db_url, seed_path):
    r = cli("ingest", "--db", db_url, str(seed_path))
    assert r.exit_code == 0, r.output
    assert r.output.strip().splitlines()[-1] == "1 new, 0 already known, 0 failed"
    r = cli("ingest", "--db", db_url, str(seed_path))
    assert r.output.strip().splitlines()[-1] == "0 new, 1 already known, 0 failed"

    events = json.loads(cli("events", "--db", db_url, "--json").output)
    assert events, "the seed article reports events"
    text = seed_path.read_text(encoding="utf-8")
    for ev in events:
        assert ev["id"] and len(ev["sources"]) >= 1
        for span in ev["evidence"]:
            assert " ".join(span["text"].split()) in " ".join(text.split())
            assert "not available in your region" not in span["text"]
            assert "Access to the comments" not in span["text"]


def test_extract_output_validates_against_shipped_schema(cli, seed_path):
    r = cli("extract", str(seed_path))
    assert r.exit_code == 0
    line = json.loads(r.output.splitlines()[0])
    validate(line)
    for ev in line["events"]:
        for span in ev["evidence"]:
            assert line["text"][span["start"]:span["end"]] == span["text"]


def test_schema_command_prints_the_contract(cli):
    schema = json.loads(cli("schema").output)
    assert schema["title"] == "ceasefire Event JSON v1"
    assert set(schema["required"]) == {"id", "title", "published", "text", "events"}
