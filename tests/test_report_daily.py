"""The daily situation report: HTML self-contained with its map and chart, PDF rendered to
PNG pages with pdftoppm, casualties with ranges and sources, violations per truce."""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess

import numpy as np
import pytest
from matplotlib import image as mpimg

from desk_data import ALEPPO, _fig, build_desk_store, claim, module_db_url

DAMASCUS_CALM = {
    "name": "Regime of calm, Damascus",
    "kind": "truce",
    "parties": ["Military Forces of Syria (2000-)", "Opposition Rebels (Syria)"],
    "zone": [{"around": "Damascus", "km": 30}],
    "valid_from": "2016-04-29",
    "valid_until": "2016-05-02",
}
ORANGE = np.array([0xE6, 0x7E, 0x22]) / 255  # Explosions/Remote violence on the map
LAND = np.array([0xF4, 0xF1, 0xEA]) / 255


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def desk_url(request, tmp_path_factory):
    from ceasefire import consolidate
    from ceasefire.analyse.truces import declare
    from ceasefire.documents import Document, clean_text
    from ceasefire.store import open_store

    url = module_db_url(request, tmp_path_factory)
    store = open_store(url)
    build_desk_store(store)
    hostile = clean_text("Shelling in Aleppo <script>alert('x')</script>\n\n"
                         "Two people were killed in Aleppo on Saturday <img src=x onerror=alert(1)> by shelling, a resident said.")
    sentence = "Two people were killed in Aleppo on Saturday <img src=x onerror=alert(1)> by shelling, a resident said."
    ev = claim(hostile, sentence, "Explosions/Remote violence", "Shelling/artillery/missile attack", day="2016-04-30",
               location=dict(ALEPPO, name="Aleppo <b>old city</b>"), killed=_fig(2))
    store.add_documents([(Document(text=hostile, title="<script>alert('t')</script>", outlet="Blog <i>x</i>"),
                          {"events": [ev], "text": hostile})], extractor_version="test")
    consolidate.update(store)
    declare(store, DAMASCUS_CALM, "test")
    store.close()
    return url


@pytest.fixture(scope="module")
def report(desk_url, tmp_path_factory):
    """report(args...) -> path of the file written by the real `ceasefire report`."""
    from click.testing import CliRunner

    from ceasefire.cli import main

    out_dir = tmp_path_factory.mktemp("reports")

    def run(*args, suffix="html"):
        out = out_dir / f"report-{abs(hash(args))}.{suffix}"
        r = CliRunner().invoke(main, ["report", "--db", desk_url, *args, "--out", str(out)], catch_exceptions=False)
        assert r.exit_code == 0, r.output
        return out, r.output

    return run


def test_html_report_is_self_contained_with_map_and_chart(report):
    path, said = report("--date", "2016-04-30")
    html = path.read_text(encoding="utf-8")
    assert "report for 2016-04-30: 3 new events" in said
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing fetched when opened offline
    for img_id in ("map", "chart"):
        m = re.search(rf'<img id="{img_id}" src="data:image/png;base64,([^"]+)"', html)
        assert m, img_id
        png = mpimg.imread(io.BytesIO(base64.b64decode(m.group(1))), format="png")
        assert png.shape[0] > 300 and png.shape[1] > 600
    assert "Saturday 30 April 2016" in html
    assert "Aleppo — Air/drone strike, at least 5 killed" in html
    assert "Attributed to Military Forces of Syria (2000-) (believed)" in html
    assert "Sources: Reuters, 2016-04-30, citing Syrian Observatory for Human Rights." in html
    assert "the Syrian Observatory for Human Rights said" in html


def test_cumulative_tally_is_shown_apart_and_not_added(report):
    html = report("--date", "2016-04-30")[0].read_text(encoding="utf-8")
    casualties = html[html.index('id="casualties"'):html.index('id="access"')]
    assert "about 250 killed" in casualties and "Cumulative figures reported" in casualties
    assert "At least 7 people were reported killed in 2 events" in html  # 5 in Aleppo + 2 in the hostile report, not 257


def test_report_text_is_escaped(report):
    html = report("--date", "2016-04-30")[0].read_text(encoding="utf-8")
    assert "<script>alert" not in html and "onerror=alert(1)>" not in html and "<b>old city</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "Aleppo &lt;b&gt;old city&lt;/b&gt;" in html


def test_violation_of_the_damascus_calm_is_listed_under_its_truce(report):
    html = report("--date", "2016-04-29")[0].read_text(encoding="utf-8")
    section = html[html.index('id="violations"'):html.index('id="casualties"')]
    assert "Regime of calm, Damascus" in section
    assert "Damascus" in section and "Shelling/artillery/missile attack" in section and "Opposition Rebels (Syria)" in section
    assert "1 violation recorded" in html
    assert '<span class="tag violation">violation</span>' in html


def test_area_report_keeps_to_its_governorate(report):
    html = report("--date", "2016-04-30", "--area", "Rural Damascus")[0].read_text(encoding="utf-8")
    events = html[html.index('id="events"'):html.index('id="violations"')]
    assert "Madaya, Rural Damascus — Aid delivery" in events and "Air/drone strike" not in events
    assert "1 new event recorded in 1 area (Rural Damascus)" in html


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm (poppler-utils) is not installed")
def test_pdf_report_renders_with_the_map_on_its_pages(report, tmp_path):
    pdf, _ = report("--date", "2016-04-30", "--format", "pdf", suffix="pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in images.splitlines()[2:] if line.strip()]
    assert len(rows) >= 2 and all(r[2] in ("image", "smask") for r in rows)  # the map and the chart
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert pages, "pdftoppm rendered no page"
    found = []
    for page in pages:
        rgb = mpimg.imread(page)[..., :3]
        near = lambda colour: np.all(np.abs(rgb - colour) < 0.04, axis=-1)  # noqa: E731
        land, orange = near(LAND), near(ORANGE)
        if land.mean() > 0.08 and orange.sum() > 20:
            ys, xs = np.nonzero(land)
            # The events sit on the land of the map, not elsewhere on the page.
            oy, ox = np.nonzero(orange)
            assert ys.min() <= np.median(oy) <= ys.max() and xs.min() <= np.median(ox) <= xs.max()
            found.append(page.name)
    assert found, "no page shows the map (land colour with the orange of the Aleppo strike)"
