"""The real `ceasefire geoparse` and `ceasefire gazetteer` commands."""

from __future__ import annotations

import json

from ceasefire.resolve.places.gazetteer import reset_loaded

REPORT = ("  Relief  convoys reached al-Foua and Kefraya, two towns of the northwest province of Idlib, "
          "and flour was unloaded in Madaya too.")


def test_geoparse_json_offsets_index_the_text_as_given(cli, tmp_path):
    path = tmp_path / "reports.jsonl"
    path.write_text(json.dumps({"id": "r1", "text": REPORT}) + "\n", encoding="utf-8")
    result = cli("geoparse", "--json", str(path))
    assert result.exit_code == 0, result.output
    line = json.loads(result.output.strip())
    assert line["id"] == "r1"
    by_text = {t["text"]: t for t in line["toponyms"]}
    for t in line["toponyms"]:
        assert REPORT[t["start"]:t["end"]] == t["text"]  # double spaces kept: offsets into the given text
    assert by_text["al-Foua"]["admin1"] == "Idlib" and by_text["al-Foua"]["country"] == "SY"
    assert by_text["Idlib"]["precision"] == "admin1"
    assert by_text["Madaya"]["admin1"] == "Rif Dimashq"
    assert set(by_text["Kefraya"]) >= {"start", "end", "text", "geonames_id", "lat", "lon", "country", "admin1", "feature_class", "precision"}


def test_geoparse_reads_json_lines_on_stdin_and_names_a_bad_line(cli):
    stdin = json.dumps({"id": "a", "text": "Clashes were reported in Jobar, Damascus."}) + "\n{not json\n"
    result = cli("geoparse", "--json", "-", input=stdin)
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert lines[0]["toponyms"][0]["text"] == "Jobar"
    assert "-:2: not JSON" in result.stderr


def test_geoparse_prints_a_table_for_a_text_file(cli, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Russian jets struck Saraqib in Idlib province on Monday.\n", encoding="utf-8")
    result = cli("geoparse", str(path))
    assert result.exit_code == 0, result.output
    assert "Saraqib" in result.output and "Idlib" in result.output
    saraqib = next(line for line in result.output.splitlines() if "Saraqib" in line)
    assert "164816" in saraqib and " SY " in saraqib and "exact" in saraqib


GEONAMES_SY = [
    # geonameid, name, asciiname, alternatenames, lat, lon, fclass, fcode, cc, cc2, admin1, admin2, admin3, admin4,
    # population, elevation, dem, timezone, modified
    ["9990001", "Tall Shuhayb", "Tall Shuhayb", "Tal Shuhaib,Tell Shheib", "36.41", "37.35", "P", "PPL", "SY", "", "09",
     "", "", "", "850", "", "410", "Asia/Damascus", "2020-01-01"],
    ["9990002", "Khirbat al Joz Test", "Khirbat al Joz Test", "", "35.86", "36.33", "P", "PPL", "SY", "", "12",
     "", "", "", "0", "", "300", "Asia/Damascus", "2020-01-01"],
]


def test_gazetteer_import_streams_a_geonames_country_file(cli, tmp_path):
    dump = tmp_path / "SY.txt"
    dump.write_text("\n".join("\t".join(row) for row in GEONAMES_SY) + "\nbroken line\n", encoding="utf-8")
    alternates = tmp_path / "alternateNamesV2.txt"
    alternates.write_text("1\t9990001\ten\tTel Shuhayb Village\t\t\t\t\t\t\n2\t9990001\tlink\thttps://example.org\t\t\t\t\t\t\n",
                          encoding="utf-8")
    try:
        result = cli("gazetteer", "import", str(dump), "--alternate-names", str(alternates))
        assert result.exit_code == 0, result.output
        assert "2 places" in result.output and "1 malformed lines skipped" in result.output
        assert "1 alternate names" in result.output
        found = cli("gazetteer", "lookup", "Tell Shheib")
        loc = json.loads(found.output)
        assert loc["geonames_id"] == 9990001 and loc["admin1"] == "Aleppo"
        assert json.loads(cli("gazetteer", "lookup", "Tel Shuhayb Village").output)["geonames_id"] == 9990001
        info = cli("gazetteer", "info")
        assert "imported" in info.output and "SY.txt" in info.output
    finally:
        reset_loaded()  # the next test reads the install-time gazetteer again


def test_gazetteer_import_rejects_a_file_that_is_not_a_dump(cli, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("just some notes\n", encoding="utf-8")
    try:
        result = cli("gazetteer", "import", str(bad))
        assert result.exit_code == 1
        assert "not a GeoNames dump" in result.stderr
    finally:
        reset_loaded()
