"""The dashboard in real headless Chromium (Debian's), over the real app and a real store.

Screenshots go to tests/artifacts/ (not tracked).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest

from conftest import IN_CI, REPO

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "tests" / "artifacts"

pytestmark = pytest.mark.browser

REPORTS = [
    {
        "id": "aleppo-strikes-2016-04-30",
        "title": "Air strikes hit rebel-held Aleppo for a ninth day",
        "published": "2016-04-30",
        "source": "Levant Wire",
        "text": (
            "Air strikes hit rebel-held districts of Aleppo for a ninth day on Saturday.\n\n"
            "The Syrian Observatory for Human Rights said at least four people were killed in "
            "suspected government air strikes on the Salaheddine district of Aleppo.\n\n"
            "Rebels shelled government-held areas of the city, the monitor added."
        ),
    },
    {
        "id": "hostile-markup",
        "title": "Shelling reported near Douma <script>window.__xss = 1</script>",
        "published": "2016-04-29",
        "source": "Untrusted Feed",
        "text": (
            "Mortar shells struck a market in Douma on Friday, killing two people, activists said. "
            "<script>window.__xss = 1</script> <img src=x onerror=\"window.__xss = 2\">\n\n"
            "The Douma local council said the shelling came from government positions."
        ),
    },
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dashboard_url(tmp_path_factory):
    """The real app (API + dashboard) served by uvicorn over a store filled by the real ingest."""
    if not CHROMIUM.exists():
        msg = "Debian chromium is not installed (/usr/bin/chromium); scripts/test.sh installs it"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)
    import uvicorn

    from ceasefire.api import create_app
    from ceasefire.pipeline import ingest
    from ceasefire.store import open_store

    tmp = tmp_path_factory.mktemp("dash")
    db = f"sqlite:///{tmp / 'store.sqlite'}"
    reports = tmp / "reports.jsonl"
    reports.write_text("\n".join(json.dumps(r) for r in REPORTS) + "\n", encoding="utf-8")
    store = open_store(db)
    summary = ingest([str(reports)], store)
    assert summary.new == 2, summary.errors
    store.close()

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser, dashboard_url):
    # bypass_csp: lets the test evaluate its own checks, and makes the XSS test stricter
    # (an injected handler would run; the page must never create one).
    ctx = browser.new_context(viewport={"width": 1366, "height": 768}, bypass_csp=True)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(dashboard_url + "/")
    pg.wait_for_selector("body[data-ready=true]", timeout=20000)
    pg.errors = errors
    yield pg
    ctx.close()


def _shot(pg, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000
    return path


def _event_button(pg, text: str):
    return pg.locator("#event-list button", has_text=text).first


def test_dashboard_loads_events_on_the_map_and_in_the_list(page):
    assert page.locator("#event-list button").count() >= 2
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # country outlines drawn from world-atlas
    located = page.evaluate(
        "fetch('/api/events?limit=1000').then(r => r.json())"
        ".then(d => d.items.filter(e => e.location && typeof e.location.lat === 'number').length)"
    )
    assert page.locator("path.leaflet-interactive").count() >= located  # one circle per located event
    assert "events" in page.locator("#status").inner_text()
    assert page.errors == []
    _shot(page, "dashboard-laptop")


def test_filtering_by_type_keeps_only_air_strikes(page):
    page.select_option("#f-type", "Air/drone strike")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#event-list button').length >= 1 && "
                           "[...document.querySelectorAll('#event-list .what')].every(e => e.textContent === 'Air/drone strike')")
    whats = page.locator("#event-list .what").all_inner_texts()
    assert whats and set(whats) == {"Air/drone strike"}


def test_opening_an_event_highlights_the_sohr_sentence(page):
    # The event whose evidence is the monitor's sentence, whatever else extraction found.
    _open_event_with_evidence(page, "Syrian Observatory")
    page.wait_for_selector("#panel:not([hidden]) .doc mark", timeout=10000)
    marks = " ".join(page.locator("#panel .doc mark").all_inner_texts())
    assert "Syrian Observatory for Human Rights said at least four people" in marks and "Salaheddine district" in marks
    assert page.locator("#panel-h").inner_text().startswith("Air/drone strike")
    assert "#/event/" in page.url
    _shot(page, "event-panel-laptop")


def _open_event_with_evidence(page, words: str) -> None:
    event_id = page.evaluate(
        "w => fetch('/api/events?limit=1000').then(r => r.json()).then(d => d.items.find("
        "e => e.evidence.some(s => s.text.includes(w))).id)",
        words,
    )
    page.locator(f'#event-list button[data-event-id="{event_id}"]').click()


def test_report_markup_renders_as_text_not_code(page):
    _open_event_with_evidence(page, "Mortar shells struck a market in Douma")
    page.wait_for_selector("#panel:not([hidden]) .doc", timeout=10000)
    page.wait_for_function("document.querySelector('#panel .doc').textContent.includes('<script>')")
    assert page.evaluate("window.__xss") is None
    doc = page.locator("#panel .doc").first
    assert "<script>window.__xss = 1</script>" in doc.inner_text()
    assert 'onerror="window.__xss = 2"' in doc.inner_text()
    assert page.locator("#panel .doc script, #panel .doc img").count() == 0
    assert page.errors == []


def test_keyboard_opens_and_closes_an_event(page):
    button = _event_button(page, "Air/drone strike")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel:not([hidden])")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'panel-h'", timeout=10000)
    page.keyboard.press("Escape")
    page.wait_for_selector("#panel", state="hidden")
    assert page.evaluate("document.activeElement.getAttribute('data-event-id')") is not None


def test_tablet_layout_shows_map_and_list(browser, dashboard_url):
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True)
    pg = ctx.new_page()
    pg.goto(dashboard_url + "/")
    pg.wait_for_selector("body[data-ready=true]", timeout=20000)
    map_box = pg.locator("#map").bounding_box()
    list_box = pg.locator(".sidebar").bounding_box()
    assert map_box["width"] > 700 and map_box["height"] > 250
    assert list_box["y"] >= map_box["y"] + map_box["height"] - 1  # the list sits below the map
    _shot(pg, "dashboard-tablet")
    ctx.close()


def test_dashboard_is_served_with_a_strict_content_security_policy(dashboard_url):
    import httpx

    r = httpx.get(dashboard_url + "/")
    assert r.status_code == 200
    assert "script-src 'self'" in r.headers["content-security-policy"]
    r = httpx.get(dashboard_url + "/geo/admin1/SY.json")
    names = {f["properties"]["name"] for f in r.json()["features"]}
    assert {"Aleppo", "Idlib", "Rif Dimashq", "Latakia"} <= names
