"""Bad input through the real `ceasefire ingest`: one clear line naming the file (and line)
and the problem, the rest of the batch stored, nothing stored twice, exit code 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from ceasefire.store.database import make_engine

GOOD_REPORT = """Shelling kills three in besieged al-Foua

Rebel factions shelled the village of al-Foua in Idlib province on Tuesday, killing three civilians, a local official said.
The village and neighbouring Kefraya have been surrounded by insurgents for more than a year.
"""


def stored(url: str) -> list[dict]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [dict(r) for r in conn.execute(sa.text("SELECT id, source_path, source_format, text, meta FROM documents")).mappings()]
    finally:
        engine.dispose()


@pytest.fixture
def good(tmp_path) -> Path:
    p = tmp_path / "good" / "levant-desk-2016-05-03-foua-shelling.txt"
    p.parent.mkdir()
    p.write_text(GOOD_REPORT, encoding="utf-8")
    return p


def summary(result) -> str:
    return result.stdout.strip().splitlines()[-1]


def error_lines(result, name: str) -> list[str]:
    return [line for line in result.stderr.splitlines() if name in line]


def ingest_with_one_bad(cli, db_url: str, good: Path, bad: str | Path) -> tuple:
    """Ingest the good report with one bad input; check the common contract; return (result, error line)."""
    r = cli("ingest", "--db", db_url, str(good), str(bad))
    assert r.exit_code == 1, r.output
    assert summary(r) == "1 new, 0 already known, 1 failed"
    lines = error_lines(r, Path(bad).name)
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("error: ")
    # Again: the good one is known, the bad one fails again, nothing is stored twice.
    r2 = cli("ingest", "--db", db_url, str(good), str(bad))
    assert r2.exit_code == 1
    assert summary(r2) == "0 new, 1 already known, 1 failed"
    assert len(stored(db_url)) == 1
    return r, lines[0]


def test_empty_file_is_named_and_the_batch_goes_on(cli, sqlite_url, good, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    _, line = ingest_with_one_bad(cli, sqlite_url, good, bad)
    assert line == f"error: {bad}: empty file (0 bytes)"


def test_file_of_blank_lines_has_no_report_text(cli, sqlite_url, good, tmp_path):
    bad = tmp_path / "blank.txt"
    bad.write_text("\n   \n\t\n", encoding="utf-8")
    _, line = ingest_with_one_bad(cli, sqlite_url, good, bad)
    assert line == f"error: {bad}: no report text"


def test_file_of_page_chrome_only_has_no_report_text(cli, sqlite_url, good, tmp_path):
    bad = tmp_path / "chrome.txt"
    bad.write_text("This content is not available in your region\nAccess to the comments Comments\nShare this article\n", encoding="utf-8")
    _, line = ingest_with_one_bad(cli, sqlite_url, good, bad)
    assert line == f"error: {bad}: no report text (only page chrome or metadata)"


def test_png_bytes_are_not_a_report_whatever_the_extension(cli, sqlite_url, good, tmp_path):
    bad = tmp_path / "aleppo-photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    _, line = ingest_with_one_bad(cli, sqlite_url, good, bad)
    assert line == f"error: {bad}: not a report: a PNG image"


def test_file_with_nul_bytes_is_binary(cli, sqlite_url, good, tmp_path):
    bad = tmp_path / "dump.dat"
    bad.write_bytes(b"casualties\x00\x00\x01\x02\x00" * 200)
    _, line = ingest_with_one_bad(cli, sqlite_url, good, bad)
    assert line == f"error: {bad}: not a report: a binary file (it contains NUL bytes)"


def test_windows_1252_report_is_recovered_with_a_warning(cli, sqlite_url, tmp_path):
    report = tmp_path / "gulf-courier-2016-05-14-kefraya.txt"
    text = "Aid reaches Kefraya\n\nThe convoy’s 21 trucks entered Kefraya on Saturday – the first since April, the Red Crescent said.\n"
    report.write_bytes(text.encode("cp1252"))
    r = cli("ingest", "--db", sqlite_url, str(report))
    assert r.exit_code == 0, r.output
    assert summary(r) == "1 new, 0 already known, 0 failed"
    warnings = error_lines(r, report.name)
    assert warnings == [f"warning: {report}: not valid UTF-8 (byte 0x92 at offset 31); read as Windows-1252"]
    (doc,) = stored(sqlite_url)
    assert "The convoy’s 21 trucks entered Kefraya on Saturday – the first since April" in doc["text"]
    meta = doc["meta"] if isinstance(doc["meta"], dict) else json.loads(doc["meta"])
    assert meta["encoding"] == "cp1252"
    assert meta["warnings"] == ["not valid UTF-8 (byte 0x92 at offset 31); read as Windows-1252"]


def test_latin1_bytes_cp1252_cannot_decode_fall_back_to_latin1(cli, sqlite_url, tmp_path):
    report = tmp_path / "latin1.txt"
    # 0x81 is undefined in Windows-1252.
    report.write_bytes("Madaya\n\nResidents of Madaya said food ran out on Sunday.\x81\n".encode("latin-1"))
    r = cli("ingest", "--db", sqlite_url, str(report))
    assert r.exit_code == 0
    assert "read as Latin-1" in error_lines(r, report.name)[0]


def test_page_cut_in_its_head_is_an_error(cli, sqlite_url, good, tmp_path):
    bad = tmp_path / "cut-early.html"
    bad.write_text('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Aleppo calm', encoding="utf-8")
    _, line = ingest_with_one_bad(cli, sqlite_url, good, bad)
    assert line == f"error: {bad}: truncated HTML: the page ends before any report text"


def test_page_cut_mid_body_keeps_its_text_with_a_warning(cli, sqlite_url, tmp_path):
    page = tmp_path / "cut-late.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Calm holds in Douma</title></head><body><nav>Home | World</nav><article>"
        "<h1>Calm holds in Douma</h1>"
        "<p>No air strikes hit Douma on Saturday, the first day of the regime of calm around Damascus, residents said.</p>"
        "<p>Shops reopened in the town's main market and children played in the street for the first time in weeks.</p>"
        "<p>Government forces shelled farmland on the edge of the tow",
        encoding="utf-8",
    )
    r = cli("ingest", "--db", sqlite_url, str(page))
    assert r.exit_code == 0, r.output
    assert summary(r) == "1 new, 0 already known, 0 failed"
    assert error_lines(r, page.name) == [
        f"warning: {page}: HTML ends without </body> or </html> (truncated?); ingested the text before the cut"
    ]
    (doc,) = stored(sqlite_url)
    assert doc["text"].startswith("Calm holds in Douma\n\nNo air strikes hit Douma on Saturday")
    meta = doc["meta"] if isinstance(doc["meta"], dict) else json.loads(doc["meta"])
    assert meta["truncated"] is True


def test_fifty_megabyte_file_is_refused_without_being_read(cli, sqlite_url, good, tmp_path):
    bad = tmp_path / "archive-dump.txt"
    line = b"Government aircraft struck the town again on Saturday, activists said.\n"
    with bad.open("wb") as fh:
        fh.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert bad.stat().st_size > 50 * 1024 * 1024
    _, err = ingest_with_one_bad(cli, sqlite_url, good, bad)
    assert err == f"error: {bad}: file is 50.0 MB, over the 20.0 MB limit for one report (split it, or give JSON Lines with one report per line)"


def test_report_longer_than_the_pipeline_takes_is_refused(cli, sqlite_url, good, tmp_path):
    bad = tmp_path / "long.txt"
    sentence = "Government aircraft struck the town again on Saturday, activists said. "
    bad.write_text("Long report\n\n" + sentence * (1_100_000 // len(sentence)), encoding="utf-8")
    _, err = ingest_with_one_bad(cli, sqlite_url, good, bad)
    assert "characters; one report may be at most 1,000,000 (split it into several reports)" in err


def test_malformed_jsonl_line_is_reported_by_number_and_the_others_ingested(cli, sqlite_url, tmp_path):
    batch = tmp_path / "wire.jsonl"
    lines = [
        json.dumps({"id": "w1", "title": "Strike on Maarat al-Numan", "published": "2016-05-02", "source": "Levant Desk",
                    "text": "Air strikes hit the market of Maarat al-Numan on Monday, killing four people, activists said."}),
        '{"id": "w2", "text": "Shelling on Jobar", "published": ',
        json.dumps({"id": "w3", "title": "Convoy reaches Moadamiyeh", "published": "2016-05-12",
                    "text": "A convoy of the UN and the Syrian Arab Red Crescent reached Moadamiyeh on Thursday."}),
        json.dumps({"id": "w4", "title": "No text here"}),
        json.dumps({"id": "w5", "published": "last Tuesday", "text": "Clashes near Kabani on Tuesday."}),
        "",
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("ingest", "--db", sqlite_url, str(batch))
    assert r.exit_code == 1
    assert summary(r) == "2 new, 0 already known, 3 failed"
    assert error_lines(r, "wire.jsonl") == [
        f"error: {batch}:2: not valid JSON (Expecting value at column 55)",
        f'error: {batch}:4: no "text" or "html" field with content',
        f"error: {batch}:5: 'published' is not a date: 'last Tuesday'",
    ]
    docs = sorted(stored(sqlite_url), key=lambda d: d["source_path"])
    assert [d["source_path"] for d in docs] == [f"{batch}:1", f"{batch}:3"]
    r = cli("ingest", "--db", sqlite_url, str(batch))
    assert summary(r) == "0 new, 2 already known, 3 failed"
    assert len(stored(sqlite_url)) == 2


def test_malformed_line_on_standard_input(cli, sqlite_url):
    stdin = json.dumps({"id": "s1", "text": "Rockets hit al-Midan in Aleppo on Sunday, state media said."}) + "\nnot json\n"
    r = cli("ingest", "--db", sqlite_url, "-", input=stdin)
    assert r.exit_code == 1
    assert summary(r) == "1 new, 0 already known, 1 failed"
    assert error_lines(r, "<stdin>") == ["error: <stdin>:2: not valid JSON (Expecting value at column 1)"]


def test_unknown_format_names_the_extension(cli, sqlite_url, good, tmp_path):
    bad = tmp_path / "casualties.csv"
    bad.write_text("date,place,killed\n2016-04-30,Aleppo,5\n", encoding="utf-8")
    _, line = ingest_with_one_bad(cli, sqlite_url, good, bad)
    assert line.startswith(f"error: {bad}: unknown format '.csv' (ceasefire reads ")


def test_word_document_is_named_as_such(cli, sqlite_url, good, tmp_path):
    bad = tmp_path / "sitrep.docx"
    bad.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" * 50)
    _, line = ingest_with_one_bad(cli, sqlite_url, good, bad)
    assert line == f"error: {bad}: not a report: a ZIP archive (or a Word/OpenDocument file; save it as text or HTML first)"


def test_xml_that_is_not_a_feed(cli, sqlite_url, good, tmp_path):
    bad = tmp_path / "export.xml"
    bad.write_text('<?xml version="1.0"?>\n<records><record place="Aleppo"/></records>\n', encoding="utf-8")
    _, line = ingest_with_one_bad(cli, sqlite_url, good, bad)
    assert line == f"error: {bad}: XML, but not an RSS or Atom feed"


def test_path_that_does_not_exist(cli, sqlite_url, good, tmp_path):
    missing = tmp_path / "no-such-report.txt"
    _, line = ingest_with_one_bad(cli, sqlite_url, good, missing)
    assert line == f"error: {missing}: no such file or folder"


def test_sidecar_with_a_bad_date_stops_its_report_only(cli, sqlite_url, good, tmp_path):
    report = tmp_path / "madaya-appeal.txt"
    report.write_text("Madaya appeal\n\nDoctors in Madaya asked for evacuations on Sunday.\n", encoding="utf-8")
    (tmp_path / "madaya-appeal.txt.meta.json").write_text('{"published": "Sunday"}', encoding="utf-8")
    _, line = ingest_with_one_bad(cli, sqlite_url, good, report)
    assert line == f"error: {report}: its sidecar madaya-appeal.txt.meta.json: 'published' is not a date: 'Sunday'; report not ingested"


@pytest.mark.parametrize("db", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_folder_of_every_kind_of_bad_input_stores_the_good_reports_once(cli, db, request, tmp_path, good):
    """All the faults in one folder, on both stores: one line each, the good reports stored once."""
    from conftest import fresh_pg_database

    url = f"sqlite:///{tmp_path / 'store.sqlite'}" if db == "sqlite" else fresh_pg_database(request.getfixturevalue("pg_server_url"))
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_REPORT, encoding="utf-8")
    (folder / "copy-of-good.txt").write_text(GOOD_REPORT + "\n\n", encoding="utf-8")  # same report, same id
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.jpg.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(500))
    (folder / "cp1252.txt").write_bytes("Kefraya\n\nThe convoy’s trucks arrived on Saturday.".encode("cp1252"))
    (folder / "cut.html").write_text("<html><head><title>x", encoding="utf-8")
    (folder / "wire.jsonl").write_text(
        json.dumps({"id": "a", "text": "Mortars hit Jaramana on Monday, state media said."}) + "\n{broken\n", encoding="utf-8"
    )
    (folder / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + bytes(100))
    (folder / ".hidden-draft.txt").write_text("A draft nobody should ingest.", encoding="utf-8")
    (folder / "README.md").write_text("# Drop folder\n", encoding="utf-8")

    r = cli("ingest", "--db", url, str(folder))
    assert r.exit_code == 1
    assert summary(r) == "3 new, 1 already known, 5 failed"
    errors = [line for line in r.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [
        f"error: {folder / 'cut.html'}: truncated HTML: the page ends before any report text",
        f"error: {folder / 'empty.txt'}: empty file (0 bytes)",
        f"error: {folder / 'photo.jpg.txt'}: not a report: a JPEG image",
        f"error: {folder / 'table.csv'}: unknown format '.csv' (ceasefire reads .atom, .htm, .html, .json, .jsonl, .jsonlines, .markdown, .md, .ndjson, .pdf, .rdf, .rss, .shtml, .text, .txt, .xhtml, .xml, those gzip-compressed as .gz, and files without an extension)",
        f"error: {folder / 'wire.jsonl'}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
    ]
    assert [line for line in r.stderr.splitlines() if line.startswith("warning: ")] == [
        f"warning: {folder / 'cp1252.txt'}: not valid UTF-8 (byte 0x92 at offset 19); read as Windows-1252"
    ]
    assert len(stored(url)) == 3
    r = cli("ingest", "--db", url, str(folder), str(good))
    assert summary(r) == "0 new, 5 already known, 5 failed"
    assert len(stored(url)) == 3
