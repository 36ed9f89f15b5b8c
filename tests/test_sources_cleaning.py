"""Cleaning: the document id is the SHA-256 of the cleaned text; mojibake is repaired; chrome lines go."""

from __future__ import annotations

import csv
import hashlib

import pytest

from ceasefire.documents import Document, clean_text, content_hash, repair_mojibake
from ceasefire.sources.chrome import is_chrome, strip_chrome
from conftest import need_shared


def test_document_id_is_sha256_of_the_cleaned_text():
    text = clean_text("Aid reached Madaya on Saturday.\r\n\r\n\r\n\r\nThe ICRC said 44 trucks\u00a0entered.   \n")
    assert text == "Aid reached Madaya on Saturday.\n\nThe ICRC said 44 trucks entered."
    assert Document(text=text).id == content_hash(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_whitespace_variants_of_one_report_have_one_id():
    a = clean_text("Shelling on Jobar.\nTwo killed.")
    b = clean_text("  Shelling on Jobar.  \r\n\tTwo killed.\n\n\n")
    assert content_hash(a) == content_hash(b)


@pytest.mark.parametrize(
    "broken, repaired",
    [
        ("CafÃ© strike in Aleppo", "Café strike in Aleppo"),  # UTF-8 read as Latin-1
        ("Syriaâ€™s second city", "Syria’s second city"),  # UTF-8 read as Windows-1252
        ("the â€œregime of calmâ€\x9d", "the “regime of calm”"),  # 0x9d is undefined in 1252, kept as U+009D
        ("Idlib â€“ rebels", "Idlib – rebels"),
        ("Syria\x95_s Aleppo \x95_ monitor", "Syria’s Aleppo — monitor"),  # FA-KES's C1 damage
        ("Copyright \x95\x81 2018 TRT World", "Copyright © 2018 TRT World"),
    ],
)
def test_mojibake_is_repaired(broken, repaired):
    assert clean_text(broken) == repaired


@pytest.mark.parametrize("good", ["naïve résumé in Zürich", "£5 and 20 °C – “quoted” …", "Ã alone", "Deir ez-Zor’s airport"])
def test_correct_text_is_left_alone(good):
    assert repair_mojibake(good) == good


def test_fakes_articles_lose_their_c1_controls_but_keep_their_words():
    path = need_shared("fakes", "fakes-dev.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    damaged = [t for r in rows for t in (r["article_title"], r["article_content"]) if "\x95" in t]
    assert damaged
    for text in damaged:
        cleaned = clean_text(text)
        assert not any("\x80" <= c <= "\x9f" for c in cleaned)
        assert len(cleaned.split()) >= len(text.split()) - 5
    joined = " ".join(clean_text(t) for t in damaged)
    assert "Syria’s" in joined or "Aleppo —" in joined


@pytest.mark.parametrize(
    "line",
    [
        "This content is not available in your region",
        "Access to the comments Comments",
        "Comments",
        "12 comments",
        "Share this article",
        "Facebook Twitter Email",
        "Read more",
        "READ MORE: Syrian army announces 'regime of calm'",
        "Related: Aleppo calm extended",
        "Related articles",
        "More on this story",
        "We use cookies to personalise content and ads.",
        "Accept all cookies",
        "Sign up for our newsletter",
        "Subscribe to our daily briefing",
        "Advertisement",
        "© 2016 Euronews",
        "All rights reserved.",
        "Watch: Aleppo residents flee",
        "Skip to main content",
        "News release",
        "For further information, please contact the ICRC delegation in Damascus.",
    ],
)
def test_page_chrome_lines(line):
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Saturday saw a third night of air raids on the eastern districts.",
        "Residents said they would read more into the statement once the calm had held for a week, and that share prices in Damascus had risen.",
        "Aid trucks entered al-Foua and Kefraya.",
        "Related talks in Geneva were suspended on Thursday, the opposition said, citing the bombardment of Aleppo.",
        "Comments by the Russian defence ministry were carried by Interfax.",
    ],
)
def test_news_sentences_are_not_chrome(line):
    assert not is_chrome(line)


def test_strip_chrome_keeps_the_report():
    text = "This content is not available in your region\nAid reached Madaya.\nShare this article\nThe ICRC said so."
    assert strip_chrome(text) == "Aid reached Madaya.\nThe ICRC said so."


# ---------------------------------------------------------------- properties

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_cleaning_is_idempotent_so_ids_are_stable(text):
    once = clean_text(text)
    assert clean_text(once) == once


@given(st.text(alphabet=st.sampled_from(list("ÃƒÂ©â€™œ\x9d\x81\x95_ abc\n") + ["\u00c2", "\u00e2", "\u20ac"])))
@settings(max_examples=300, deadline=None)
def test_cleaning_mojibake_soup_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once


@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".xml", ".jsonl", ".json", ".rss", "", ".dat"]))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_bytes_give_documents_or_one_line_errors_never_an_exception(tmp_path, data, suffix):
    from ceasefire.sources import SourceError, read_paths

    p = tmp_path / f"input{suffix}"
    p.write_bytes(data)
    for item in read_paths([p], on_warning=lambda w: None):
        assert isinstance(item, (Document, SourceError))
        if isinstance(item, SourceError):
            assert "\n" not in str(item) and str(item).startswith(str(p))
        else:
            assert item.text and item.text == clean_text(item.text)


@given(st.lists(st.sampled_from([
    "<html>", "<body>", "<p>", "</p>", "<div class='byline'>By X with AFP</div>", "Aid reached Madaya.", "<script>var a=1;",
    "</script>", "<!--", "-->", "<h1>Calm</h1>", "&amp;", "&#0;", "<br>", "Read more", "<rss>", "<feed>", "</html>", "\x00",
]), max_size=30))
@settings(max_examples=150, deadline=None)
def test_html_soup_never_raises(parts):
    from ceasefire.sources.html import fragment_text, read_page

    html = "".join(parts)
    page = read_page(html)
    assert isinstance(page.text, str)
    assert isinstance(fragment_text(html), str)
