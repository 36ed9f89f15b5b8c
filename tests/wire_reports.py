"""Short wire reports, written like real ones, for tests and benchmarks that need many
distinct documents (a killed ingest of 1,000 reports, concurrent writers, a drop folder).

Each report is built from a place, a date, a perpetrator, a method and figures chosen
by its number, so report ``n`` is always the same text and no two are equal.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

PLACES = [
    ("Aleppo", "Aleppo"), ("Douma", "Rif Dimashq"), ("Darayya", "Rif Dimashq"), ("Idlib", "Idlib"),
    ("Maarat al-Numan", "Idlib"), ("Homs", "Homs"), ("Talbiseh", "Homs"), ("Hama", "Hama"),
    ("Deir ez-Zor", "Deir ez-Zor"), ("Raqqa", "Raqqa"), ("Daraa", "Daraa"), ("Jisr al-Shughur", "Idlib"),
    ("Zabadani", "Rif Dimashq"), ("Madaya", "Rif Dimashq"), ("Manbij", "Aleppo"), ("Palmyra", "Homs"),
    ("Latakia", "Latakia"), ("Khan Shaykhun", "Idlib"), ("Saraqib", "Idlib"), ("al-Bab", "Aleppo"),
]
ATTACKS = [
    ("Government warplanes struck", "air strikes"),
    ("Russian jets bombed", "air raids"),
    ("Rebel fighters shelled", "shelling"),
    ("Islamic State militants fired rockets at", "rocket fire"),
    ("Helicopters dropped barrel bombs on", "air raids"),
    ("Artillery pounded", "shelling"),
]
TARGETS = ["a crowded market in", "residential districts of", "a field hospital in", "a school in", "the old quarter of", "a bakery in"]
SOURCES = [
    "the Syrian Observatory for Human Rights said",
    "local activists said",
    "the Syrian Civil Defence said",
    "state news agency SANA reported",
    "a monitoring group said",
]
OUTLETS = ["Reuters", "Agence France-Presse", "Al Jazeera", "Euronews", "Associated Press", "Enab Baladi", "SANA"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
START = date(2016, 2, 27)  # the cessation of hostilities took effect


def report(n: int) -> dict:
    """The ``n``-th report: a JSON Lines object (id, title, text, published, source, url)."""
    place, province = PLACES[n % len(PLACES)]
    attacker, kind = ATTACKS[(n // 3) % len(ATTACKS)]
    target = TARGETS[(n // 7) % len(TARGETS)]
    said = SOURCES[(n // 11) % len(SOURCES)]
    outlet = OUTLETS[(n // 5) % len(OUTLETS)]
    killed = NUMBERS[n % len(NUMBERS)]
    injured = 10 + (n * 7) % 53
    day = START + timedelta(days=(n * 3) % 200)
    published = day + timedelta(days=1)
    where = "" if place == province else f" in {province} province"
    text = (
        f"{attacker} {target} {place}{where} on {WEEKDAYS[day.weekday()]}, "
        f"killing at least {killed} civilians and wounding {injured} others, {said}. "
        f"Residents said the {kind} began shortly after dawn and lasted about {2 + n % 5} hours. "
        f"It was the {'first' if n % 2 else 'second'} attack on the area this week (report {n})."
    )
    return {
        "id": f"wire-{n:06d}",
        "title": f"{killed.capitalize()} killed in {kind} on {place}",
        "text": text,
        "published": published.isoformat(),
        "source": outlet,
        "url": f"https://news.example.org/syria/{published.isoformat()}/{n}",
    }


def write_jsonl(path: Path, numbers) -> Path:
    """Write the reports numbered ``numbers`` to ``path`` (JSON Lines)."""
    with open(path, "w", encoding="utf-8") as fh:
        for n in numbers:
            fh.write(json.dumps(report(n), ensure_ascii=False) + "\n")
    return path


def check_stored_once(url: str, expected: int | None, sample: int = 20, consolidated: bool = True) -> dict[str, int]:
    """Check a store holds ``expected`` documents (None: any number), each once and each with its claims whole
    (ordinals 0..n-1, each claim with evidence and in one event, and for a sample of
    documents exactly the claims a fresh extraction gives).
    Returns counts of documents, claims, events."""
    import sqlalchemy as sa

    from ceasefire.documents import Document
    from ceasefire.extract import extract_document
    from ceasefire.store.database import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            q = lambda sql: conn.execute(sa.text(sql)).scalar_one()  # noqa: E731
            docs = q("SELECT count(*) FROM documents")
            if expected is not None:
                assert docs == expected, f"{docs} documents stored, {expected} expected"
            assert q("SELECT count(DISTINCT external_id) FROM documents") == docs
            assert q("SELECT count(*) FROM (SELECT document_id FROM claims GROUP BY document_id HAVING max(ordinal) + 1 != count(*)) x") == 0, "claims doubled or missing"
            assert q("SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.claim_id = c.id)") == 0, "claims without evidence"
            claims = q("SELECT count(*) FROM claims")
            if consolidated:
                assert q("SELECT count(*) FROM event_claims") == claims, "claims not consolidated exactly once"
            assert q("SELECT count(*) - count(DISTINCT name) FROM actors") == 0
            events = q("SELECT count(*) FROM events")
            if url.startswith("sqlite"):
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
            # A sample of documents has exactly the claims a fresh extraction gives.
            rows = conn.execute(
                sa.text("SELECT d.id, d.text, d.title, d.published, d.outlet, d.url, d.external_id, "
                        "(SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS n "
                        "FROM documents d ORDER BY d.id LIMIT :k"), {"k": sample}
            ).mappings().all()
            for r in rows:
                published = r["published"] if isinstance(r["published"], date) or r["published"] is None else date.fromisoformat(str(r["published"])[:10])
                doc = Document(text=r["text"], title=r["title"], published=published, outlet=r["outlet"], url=r["url"], external_id=r["external_id"])
                assert doc.id == r["id"]
                assert r["n"] == len(extract_document(doc)["events"]), f"{r['external_id']}: claims missing or doubled"
    finally:
        engine.dispose()
    return {"documents": docs, "claims": claims, "events": events}
