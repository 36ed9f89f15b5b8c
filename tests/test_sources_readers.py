"""Readers: text, HTML, JSON Lines, feeds and folders, with format sniffing and metadata."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from ceasefire.documents import Document
from ceasefire.sources import SourceError, SourceWarning, read_paths
from conftest import SAMPLES

REPORT = """Aid trucks reach al-Foua and Kefraya

Eighteen Red Crescent lorries carrying flour and insulin drove into al-Foua and Kefraya on Saturday morning.
The two villages are surrounded by rebel factions.
"""

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Aid trucks reach al-Foua and Kefraya | Orontes Post</title>
<meta property="og:site_name" content="Orontes Post"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie">We use cookies to improve your experience. <button>Accept</button></div>
<article><h1>Aid trucks reach al-Foua and Kefraya</h1>
<p>Eighteen Red Crescent lorries carrying flour and insulin drove into al-Foua and Kefraya on Saturday morning.</p>
<p>Read more</p>
<p>The two villages are surrounded by rebel factions.</p></article>
<section class="comments"><h2>Comments</h2><p>First!</p></section><footer>© 2016 Orontes Post</footer></body></html>
"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Orontes Post</title><link>https://orontes-post.example</link>
<item><title>Aid trucks reach al-Foua and Kefraya</title><link>https://orontes-post.example/a</link>
<pubDate>Sat, 30 Apr 2016 18:00:00 +0300</pubDate><author>Samir Khoury with AFP</author>
<description>&lt;p&gt;Aid trucks entered the besieged villages on Saturday.&lt;/p&gt;&lt;p&gt;Share this article&lt;/p&gt;</description></item>
<item><title>Calm holds in Douma</title><link>https://orontes-post.example/b</link>
<pubDate>Sun, 01 May 2016 09:00:00 +0300</pubDate><description>No air strikes were reported.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Levant Desk</title><id>urn:levant</id><updated>2016-05-05T10:00:00Z</updated>
<entry><title>Aleppo calm begins</title><id>urn:1</id><link href="https://levant-desk.example/calm"/>
<published>2016-05-05T08:00:00Z</published><updated>2016-05-05T09:00:00Z</updated>
<content type="html">&lt;p&gt;The regime of calm in Aleppo began at one minute past midnight.&lt;/p&gt;</content></entry>
</feed>
"""


def read(*paths, warnings: list | None = None) -> list:
    sink = warnings if warnings is not None else []
    return list(read_paths([str(p) for p in paths], on_warning=sink.append))


def only(items) -> Document:
    assert len(items) == 1, items
    assert isinstance(items[0], Document), items[0]
    return items[0]


# ---------------------------------------------------------------- the seed


def test_seed_title_date_outlet_byline_and_agency(seed_path):
    doc = only(read(seed_path))
    # the headline, asserted by its two ends
    assert doc.title.startswith("Syria: Russia 'seeks truce for Aleppo'")
    assert doc.title.endswith(" after wave of deadly bombings") and "\n" not in doc.title
    assert doc.published == date(2016, 4, 30)  # from the file name: the text has no date
    assert (doc.outlet, doc.byline, doc.agency) == ("Euronews", "Alasdair Sandford", "Reuters")
    assert doc.source_format == "text"


def test_seed_chrome_and_repeated_headline_removed(seed_path):
    doc = only(read(seed_path))
    assert doc.text.startswith(doc.title + "\n\nRussia says talks")
    assert doc.text.count("seeks truce for Aleppo") == 1
    for chrome in ("This content is not available in your region", "Access to the comments", "Alasdair Sandford"):
        assert chrome not in doc.text
    assert "a ninth day of deadly bombardments" in doc.text
    assert doc.text.endswith("the Syrian Arab Red Crescent, and the UN.")


# ---------------------------------------------------------------- formats and sniffing


def test_same_report_as_text_and_as_html_page_is_one_document(tmp_path):
    (tmp_path / "orontes-post-2016-04-30-foua.txt").write_text(REPORT.replace("\n", "\n\n"), encoding="utf-8")
    (tmp_path / "orontes-post-2016-04-30-foua.html").write_text(PAGE, encoding="utf-8")
    text_doc, html_doc = read(tmp_path / "orontes-post-2016-04-30-foua.txt", tmp_path / "orontes-post-2016-04-30-foua.html")
    assert html_doc.source_format == "html" and text_doc.source_format == "text"
    assert html_doc.text == text_doc.text
    assert html_doc.id == text_doc.id
    assert html_doc.title == "Aid trucks reach al-Foua and Kefraya"
    assert html_doc.outlet == "Orontes Post" and html_doc.published == date(2016, 4, 30)
    assert "First!" not in html_doc.text and "cookies" not in html_doc.text


def test_extensionless_html_page_is_sniffed(tmp_path):
    p = tmp_path / "saved-page"
    p.write_text(PAGE, encoding="utf-8")
    doc = only(read(p))
    assert doc.source_format == "html"
    assert doc.title == "Aid trucks reach al-Foua and Kefraya"


def test_txt_file_holding_html_is_read_as_html(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(PAGE, encoding="utf-8")
    assert only(read(p)).source_format == "html"


def test_xml_file_that_is_rss_is_read_as_a_feed(tmp_path):
    p = tmp_path / "orontes.xml"
    p.write_text(RSS, encoding="utf-8")
    first, second = read(p)
    assert (first.source_format, first.outlet, first.published, first.url) == ("feed", "Orontes Post", date(2016, 4, 30), "https://orontes-post.example/a")
    assert (first.byline, first.agency) == ("Samir Khoury", "AFP")
    assert first.text == "Aid trucks reach al-Foua and Kefraya\n\nAid trucks entered the besieged villages on Saturday."
    assert first.source_path == f"{p}#1" and second.source_path == f"{p}#2"
    assert second.text == "Calm holds in Douma\n\nNo air strikes were reported."


def test_atom_feed_entry_uses_published_not_updated(tmp_path):
    p = tmp_path / "levant.atom"
    p.write_text(ATOM, encoding="utf-8")
    doc = only(read(p))
    assert (doc.title, doc.published, doc.outlet, doc.url) == ("Aleppo calm begins", date(2016, 5, 5), "Levant Desk", "https://levant-desk.example/calm")
    assert doc.text.endswith("The regime of calm in Aleppo began at one minute past midnight.")


def test_feed_entry_without_title_or_content_is_an_error_for_that_entry(tmp_path):
    p = tmp_path / "feed.rss"
    p.write_text(RSS.replace("<item><title>Calm holds in Douma</title>", "<item><title></title>").replace("No air strikes were reported.", ""), encoding="utf-8")
    good, bad = read(p)
    assert isinstance(good, Document)
    assert str(bad) == f"{p}: entry 2: entry has neither a title nor any content"


def test_json_lines_with_html_and_metadata_fields(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text(
        json.dumps({"id": "x1", "html": PAGE, "published": "2016-04-30T18:00:00+03:00", "source": "euronews", "url": "https://e.example/x1"}) + "\n"
        + json.dumps({"id": 7, "text": REPORT, "title": "Aid for the villages", "author": "Samir Khoury with Reuters", "lang": "en"}) + "\n",
        encoding="utf-8",
    )
    page, text = read(p)
    assert (page.external_id, page.source_format, page.published, page.outlet, page.url) == ("x1", "jsonl", date(2016, 4, 30), "Euronews", "https://e.example/x1")
    assert page.title == "Aid trucks reach al-Foua and Kefraya"
    assert (text.external_id, text.title, text.byline, text.agency) == ("7", "Aid for the villages", "Samir Khoury", "Reuters")
    assert text.meta["lang"] == "en"
    assert text.text == REPORT.strip()  # JSON Lines text is kept as given (cleaned), title not prepended


def test_json_array_file(tmp_path):
    p = tmp_path / "batch.json"
    p.write_text(json.dumps([{"id": "a", "text": "Mortars hit Jaramana."}, {"id": "b"}]), encoding="utf-8")
    good, bad = read(p)
    assert good.external_id == "a"
    assert str(bad) == f'{p}: item 2: no "text" or "html" field with content'


def test_standard_input_is_json_lines(monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO((json.dumps({"id": "s", "text": "Clashes near Kabani on Tuesday."}) + "\n").encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    doc = only(read("-"))
    assert (doc.external_id, doc.source_path) == ("s", "<stdin>:1")


def test_utf16_file_with_byte_order_mark(tmp_path):
    p = tmp_path / "utf16.txt"
    p.write_bytes(REPORT.encode("utf-16"))
    warnings: list[SourceWarning] = []
    doc = only(read(p, warnings=warnings))
    assert doc.title == "Aid trucks reach al-Foua and Kefraya" and warnings == []


def test_html_declaring_windows_1256_is_decoded_by_its_charset(tmp_path):
    p = tmp_path / "arabic.html"
    html = PAGE.replace('charset="utf-8"', 'charset="windows-1256"').replace("Saturday", "Saturday (السبت)")
    p.write_bytes(html.encode("cp1256"))
    doc = only(read(p))
    assert "(السبت)" in doc.text


# ---------------------------------------------------------------- metadata


def test_sidecar_overrides_file_name_and_heading(tmp_path):
    p = tmp_path / "levant-desk-2016-05-01-foua.txt"
    p.write_text("By Karim Nassar\n\n" + REPORT, encoding="utf-8")
    (tmp_path / "levant-desk-2016-05-01-foua.meta.yaml").write_text(
        "date: 2016-04-30\nsource: Orontes Post\nauthor: Rania Haddad\nlanguage: en\n", encoding="utf-8"
    )
    doc = only(read(p))
    assert (doc.published, doc.outlet, doc.byline) == (date(2016, 4, 30), "Orontes Post", "Rania Haddad")
    assert doc.meta["language"] == "en"


def test_date_line_in_the_heading_beats_the_file_name(tmp_path):
    p = tmp_path / "euronews-2016-05-02-calm.txt"
    p.write_text("Calm extended around Damascus\n\nPublished: 01/05/2016 - 14:20 CET\n\nThe army said the calm would last until the end of Monday.\n", encoding="utf-8")
    doc = only(read(p))
    assert doc.published == date(2016, 5, 1)  # day first
    assert "Published" not in doc.text


@pytest.mark.parametrize(
    "line, byline, agency",
    [
        ("By Alasdair Sandford  with Reuters", "Alasdair Sandford", "Reuters"),
        ("By Tom Perry and Lisa Barrington", "Tom Perry, Lisa Barrington", None),
        ("By AFP", None, "AFP"),
        ("By Leila Mansour, Agence France-Presse", "Leila Mansour", "AFP"),
        ("Reuters staff", None, "Reuters"),
        ("Levant Desk staff, with The Associated Press", None, "AP"),
    ],
)
def test_byline_and_agency_credit(line, byline, agency):
    from ceasefire.sources.metadata import parse_byline

    assert parse_byline(line) == (byline, agency)


def test_sentence_starting_with_by_is_not_a_byline():
    from ceasefire.sources.metadata import parse_byline

    assert parse_byline("By Saturday, the army had moved") is None


@pytest.mark.parametrize(
    "text, agency",
    [
        ("ALEPPO, Syria (Reuters) - Air strikes hit rebel-held districts of Aleppo on Saturday.", "Reuters"),
        ("BEIRUT, May 3 (AFP) — Rockets hit a hospital in Aleppo on Tuesday.", "AFP"),
        ("Rockets hit a hospital in Aleppo on Tuesday, state media said.\n\n— AP", "AP"),
    ],
)
def test_wire_dateline_and_closing_credit_give_the_agency(tmp_path, text, agency):
    p = tmp_path / "wire.txt"
    p.write_text(text, encoding="utf-8")
    doc = only(read(p))
    assert doc.agency == agency
    assert "— AP" not in doc.text


def test_reporting_credit_line_becomes_the_byline(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(REPORT + "\n(Reporting by Tom Perry and Lisa Barrington; Editing by Alison Williams)\n", encoding="utf-8")
    doc = only(read(p))
    assert doc.byline == "Tom Perry, Lisa Barrington"
    assert "Editing" not in doc.text


def test_hard_wrapped_release_is_unwrapped_into_sentences(tmp_path):
    p = tmp_path / "release.txt"
    p.write_text(
        "Convoy reaches Moadamiyeh\n\n"
        "Today an inter-agency convoy of the United Nations and the Syrian Arab\n"
        "Red Crescent delivered food, nutrition and medical supplies for 10,000\n"
        "people in Moadamiyeh, in Rural Damascus.\n",
        encoding="utf-8",
    )
    doc = only(read(p))
    assert "the Syrian Arab Red Crescent delivered food, nutrition and medical supplies for 10,000 people in Moadamiyeh" in doc.text


# ---------------------------------------------------------------- folders


def test_folder_walk_is_sorted_and_skips_hidden_and_non_reports(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main", encoding="utf-8")
    (tmp_path / "b" / "2.txt").write_text("Second report\n\nShelling on Jobar on Sunday.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First report\n\nAir strikes on Douma on Monday.", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "Thumbs.db").write_bytes(b"\x00")
    (tmp_path / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "README.md").write_text("# Reports", encoding="utf-8")
    (tmp_path / "~$draft.docx").write_bytes(b"PK")
    (tmp_path / "a.txt~").write_text("backup", encoding="utf-8")
    docs = read(tmp_path)
    assert [Path(d.source_path).relative_to(tmp_path).as_posix() for d in docs] == ["a.txt", "b/2.txt"]


def test_empty_folder_and_orphan_sidecar_are_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "lonely").mkdir()
    (tmp_path / "lonely" / "gone.txt.meta.json").write_text("{}", encoding="utf-8")
    assert [str(e) for e in read(tmp_path / "empty")] == [f"{tmp_path / 'empty'}: no reports in this folder"]
    assert [str(e) for e in read(tmp_path / "lonely")] == [f"{tmp_path / 'lonely' / 'gone.txt.meta.json'}: a metadata sidecar with no report beside it"]


def test_sidecar_named_with_its_report_is_not_an_error(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "r.txt.meta.json").write_text('{"outlet": "Levant Desk"}', encoding="utf-8")
    items = read(tmp_path / "r.txt", tmp_path / "r.txt.meta.json")  # as `ceasefire ingest dir/*` passes them
    assert [type(i) for i in items] == [Document]
    assert items[0].outlet == "Levant Desk"


def test_bundled_samples_read_in_a_stable_order():
    first = [d.source_path for d in read(SAMPLES)]
    assert first == [d.source_path for d in read(SAMPLES)]
    assert not [d for d in first if isinstance(d, SourceError)]


# ---------------------------------------------------------------- compressed and legacy-encoded input


def test_gzip_compressed_text_and_json_lines(tmp_path):
    import gzip

    (tmp_path / "levant-desk-2016-04-30-douma.txt.gz").write_bytes(gzip.compress(REPORT.encode("utf-8")))
    lines = "".join(json.dumps({"id": f"g{n}", "text": f"Report {n}: shelling on Jobar on Sunday."}) + "\n" for n in range(3))
    (tmp_path / "wire.jsonl.gz").write_bytes(gzip.compress(lines.encode("utf-8")))
    docs = read(tmp_path)
    assert [d.source_path for d in docs] == [
        str(tmp_path / "levant-desk-2016-04-30-douma.txt.gz"), f"{tmp_path / 'wire.jsonl.gz'}:1", f"{tmp_path / 'wire.jsonl.gz'}:2", f"{tmp_path / 'wire.jsonl.gz'}:3",
    ]
    assert (docs[0].title, docs[0].published, docs[0].outlet) == ("Aid trucks reach al-Foua and Kefraya", date(2016, 4, 30), "Levant Desk")


def test_cut_gzip_stream_keeps_the_reports_before_the_cut(tmp_path):
    import gzip

    lines = "".join(json.dumps({"id": f"g{n}", "text": f"Report {n}: rockets on al-Midan, {'x' * 40 * n}."}) + "\n" for n in range(200))
    data = gzip.compress(lines.encode("utf-8"))
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    items = read(p)
    docs = [i for i in items if isinstance(i, Document)]
    assert docs and len(docs) < 200
    assert str(items[-1]) == f"{p}: not a readable gzip file (Compressed file ended before the end-of-stream marker was reached)"


def test_json_lines_line_in_windows_1252_is_kept_with_a_warning_naming_the_line(tmp_path):
    p = tmp_path / "wire.jsonl"
    good = json.dumps({"id": "a", "text": "Mortars hit Jaramana."}, ensure_ascii=False).encode("utf-8")
    legacy = json.dumps({"id": "b", "text": "The convoy’s trucks reached Madaya."}, ensure_ascii=False).encode("cp1252")
    p.write_bytes(good + b"\n" + legacy + b"\n")
    warnings: list[SourceWarning] = []
    a, b = read(p, warnings=warnings)
    assert b.text == "The convoy’s trucks reached Madaya."
    assert [str(w) for w in warnings] == [f"{p}:2: not valid UTF-8 (byte 0x92 at column 32); read as Windows-1252"]


def test_malformed_feed_keeps_the_entries_that_parsed_with_one_warning(tmp_path):
    p = tmp_path / "broken.rss"
    p.write_text(RSS.replace("</channel></rss>", "<item><title>Cut off"), encoding="utf-8")
    warnings: list[SourceWarning] = []
    items = read(p, warnings=warnings)
    assert [i.title for i in items if isinstance(i, Document)][:2] == ["Aid trucks reach al-Foua and Kefraya", "Calm holds in Douma"]
    assert len(warnings) == 1 and str(warnings[0]).startswith(f"{p}: the feed is malformed (")


def test_file_that_is_not_a_feed_at_all(tmp_path):
    p = tmp_path / "empty.atom"
    p.write_text("<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Nothing</title></feed>", encoding="utf-8")
    assert [str(e) for e in read(p)] == [f"{p}: the feed has no entries"]


def test_page_title_loses_its_site_name_and_domain_names_become_outlets(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Aid reaches Madaya | Euronews</title><meta property='og:site_name' content='www.euronews.com'></head>"
        "<body><p>A convoy of 44 trucks entered the besieged town of Madaya on Saturday, the Red Cross said, "
        "carrying food and medicine for about 40,000 people.</p></body></html>",
        encoding="utf-8",
    )
    doc = only(read(p))
    assert (doc.title, doc.outlet) == ("Aid reaches Madaya", "Euronews")
    assert doc.text.startswith("Aid reaches Madaya\n\nA convoy of 44 trucks")


# ---------------------------------------------------------------- PDF


@pytest.fixture(scope="module")
def ocha_pdf(tmp_path_factory) -> Path:
    from weasyprint import HTML

    from ceasefire.sources.pdf import pdftotext_available

    if not pdftotext_available():
        pytest.skip("pdftotext (poppler-utils) is not installed")
    p = tmp_path_factory.mktemp("pdf") / "ocha-2016-05-12-daraya.pdf"
    HTML(string=(
        "<h1>Flash update: Daraya and Moadamiyeh</h1><p>Damascus, 12 May 2016</p>"
        "<p>Today an inter-agency convoy of the United Nations and the Syrian Arab Red Crescent delivered food, "
        "nutrition and medical supplies for 10,000 people in Moadamiyeh, in Rural Damascus.</p>"
        "<p>A second part of the same convoy, carrying medicines and baby milk, was denied entry at the last "
        "checkpoint before Daraya.</p>"
    )).write_pdf(p)
    return p


def test_pdf_release_is_read_through_pdftotext(ocha_pdf):
    doc = only(read(ocha_pdf))
    assert (doc.source_format, doc.title, doc.published, doc.outlet) == ("pdf", "Flash update: Daraya and Moadamiyeh", date(2016, 5, 12), "UN OCHA")
    assert "the Syrian Arab Red Crescent delivered food, nutrition and medical supplies for 10,000 people in Moadamiyeh, in Rural Damascus." in doc.text
    assert "Damascus, 12 May 2016" not in doc.text


def test_pdf_without_text_is_refused(tmp_path):
    from weasyprint import HTML

    from ceasefire.sources.pdf import pdftotext_available

    if not pdftotext_available():
        pytest.skip("pdftotext (poppler-utils) is not installed")
    p = tmp_path / "scan.pdf"
    HTML(string="<div style='width:5cm;height:5cm;background:#333'></div>").write_pdf(p)
    assert [str(e) for e in read(p)] == [f"{p}: PDF has no text layer (a scanned image?); ceasefire does no OCR"]


def test_damaged_pdf_is_one_line(tmp_path):
    p = tmp_path / "damaged.pdf"
    p.write_bytes(b"%PDF-1.7\n" + b"garbage " * 100)
    (err,) = read(p)
    assert isinstance(err, SourceError) and str(err).startswith(f"{p}: PDF could not be read (")


def test_commenter_is_not_taken_for_the_author(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Calm in Douma</title></head><body><article><h1>Calm in Douma</h1>"
        "<p>No air strikes hit Douma on Saturday, the first day of the regime of calm around Damascus, residents said.</p>"
        "<p>Shops reopened in the main market, and families went out after dark for the first time in weeks.</p></article>"
        "<section class='comments'><div class='comment'><span class='comment-author'>Ahmad Saleh</span><p>Finally.</p></div></section>"
        "</body></html>",
        encoding="utf-8",
    )
    doc = only(read(p))
    assert doc.byline is None
    assert "Finally" not in doc.text


def test_markdown_heading_marks_are_not_part_of_the_title(tmp_path):
    p = tmp_path / "levant-desk-2016-05-06-zabadani.md"
    p.write_text("# Snipers wound two in Zabadani\n\nTwo men were wounded by sniper fire in Zabadani on Friday, activists said.\n", encoding="utf-8")
    doc = only(read(p))
    assert doc.title == "Snipers wound two in Zabadani"
    assert doc.text.startswith("Snipers wound two in Zabadani\n\nTwo men")
