"""Dedup pairs: does consolidation merge reports of the same incident, and only those?

Gold: ``tests/data/dedup_pairs.csv`` in the repository, our own annotations of pairs of
FA-KES dev articles (row index and unit_id; the articles are read in place from
../shared/data/fakes), each "same incident" or not with a one-line reason. Hard negatives
are included: the same place on another day, the same day in another governorate.

Method: every article in a pair is extracted (as in ``ceasefire eval fakes``: title and
repaired content, the outlet from the row's source key), published on the date printed at the
head of the article ("Sun 10 Jul 2016", "Published July 5 2015", "17-08-2013", "Last updated at
Oct 042017") when there is
one -- the CSV's ``date`` column disagrees with it for about a quarter of the rows (see
PROVENANCE.md) -- else on the column's date; then
stored in a temporary SQLite store and consolidated with ``consolidate.update``, as
``ceasefire ingest`` does. A pair counts as merged when the two articles' main claims
(the first violent event of each; else its first event) sit in the same event. Two copies of
one text (a republication: MinHash estimate of word 4-gram Jaccard >= 0.6, the test consolidation
uses for one channel) have one main incident by the gold's own definition, whatever order the
extractor ranked their incidents in (a "Meanwhile ..." paragraph read first in one copy): such a
pair counts as merged when the main claim of either copy sits in an event the other copy also
tells.
Pairwise precision = merged gold-positive pairs / merged pairs; recall = merged
gold-positive pairs / gold-positive pairs. Goal: both >= 0.90.
"""

from __future__ import annotations

import csv
import dataclasses
import re
import tempfile
from datetime import date
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from ceasefire.config import PACKAGE_DIR
from ceasefire.eval import data_path

DEFAULT_PAIRS = (PACKAGE_DIR / ".." / ".." / "tests" / "data" / "dedup_pairs.csv").resolve()
GOAL = 0.90
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")


@dataclass
class Pair:
    a_row: int
    b_row: int
    same: bool
    reason: str
    merged: bool | None = None
    why: str = ""


@dataclass
class DedupScore:
    pairs: list[Pair] = field(default_factory=list)

    def count(self, same: bool, merged: bool) -> int:
        return sum(1 for p in self.pairs if p.same == same and p.merged == merged)

    @property
    def precision(self) -> float:
        tp, fp = self.count(True, True), self.count(False, True)
        return tp / (tp + fp) if tp + fp else 0.0

    @property
    def recall(self) -> float:
        tp, fn = self.count(True, True), self.count(True, False)
        return tp / (tp + fn) if tp + fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_pairs(path: Path) -> list[Pair]:
    """Gold pairs from the CSV (comment lines start with '#')."""
    if not path.exists():
        raise click.ClickException(f"{path}: no such file (the gold pairs live in tests/data/dedup_pairs.csv)")
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    out = []
    for n, r in enumerate(csv.DictReader(lines), 2):
        try:
            out.append(Pair(int(r["a_row"]), int(r["b_row"]), r["same_incident"].strip() == "1", r["reason"]))
        except (KeyError, ValueError) as exc:
            raise click.ClickException(f"{path}: pair {n - 1}: {exc}") from exc
    return out


_MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_MON = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATES = [
    (re.compile(rf"\b(\d{{1,2}}) {_MON},? (20\d\d)\b"), lambda m: (int(m[3]), _MONTHS[m[2][:3].lower()], int(m[1]))),
    (re.compile(rf"\b{_MON} (\d{{1,2}}),? (20\d\d)\b"), lambda m: (int(m[3]), _MONTHS[m[1][:3].lower()], int(m[2]))),
    # "21.08.2013Get short URL" (the date runs into the page's next word)
    (re.compile(r"\b(\d{2})[-.](\d{2})[-.](20\d\d)(?!\d)"), lambda m: (int(m[3]), int(m[2]), int(m[1]))),
    # "Last updated at Oct 042017" (day and year run together)
    (re.compile(rf"\b{_MON} (\d{{2}})(20\d\d)(?!\d)"), lambda m: (int(m[3]), _MONTHS[m[1][:3].lower()], int(m[2]))),
]


def printed_date(text: str, head: int = 120) -> date | None:
    """The first date printed in the head of an article (its dateline), if any."""
    best: tuple[int, date] | None = None
    for pattern, parts in _DATES:
        m = pattern.search(text[:head])
        if m:
            try:
                d = date(*parts(m))
            except ValueError:
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), d)
    return best[1] if best else None


def main_claim(line: dict) -> int | None:
    """Position of the article's main claim: its first violent event, else its first event."""
    events = line.get("events") or []
    for i, ev in enumerate(events):
        if ev.get("event_type") in VIOLENT:
            return i
    return 0 if events else None


def evaluate(data_dir: str | None = None, pairs_path: str | None = None, jobs: int = 2, db_url: str | None = None) -> DedupScore:
    """Extract the articles of the gold pairs, consolidate them, score the pairs."""
    import sqlalchemy as sa

    from ceasefire import consolidate
    from ceasefire.consolidate.republication import NEAR_DUPLICATE_JACCARD, signature, similarity
    from ceasefire.eval import fakes
    from ceasefire.eval.runner import extract_all
    from ceasefire.extract import EXTRACTOR_VERSION
    from ceasefire.store import open_store
    from ceasefire.store import schema as t

    pairs = read_pairs(Path(pairs_path) if pairs_path else DEFAULT_PAIRS)
    data_path(data_dir, *fakes.FILE)  # one clear line when absent (raised by fakes.load)
    rows = fakes.load(data_dir)
    wanted = sorted({p.a_row for p in pairs} | {p.b_row for p in pairs})
    for p in pairs:
        for i in (p.a_row, p.b_row):
            if i >= len(rows):
                raise click.ClickException(f"pair {p.a_row}-{p.b_row}: row {i} is beyond the {len(rows)} rows of fakes-dev.csv")
    docs = [dataclasses.replace(rows[i][1], published=printed_date(rows[i][1].text) or rows[i][1].published) for i in wanted]
    lines = extract_all(docs, jobs=jobs)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(db_url or f"sqlite:///{Path(tmp) / 'dedup.sqlite'}")
        store.add_documents(list(zip(docs, lines)), extractor_version=EXTRACTOR_VERSION)
        consolidate.update(store)
        with store.connect() as conn:
            placed = {
                (r[0], r[1]): r[2]
                for r in conn.execute(
                    sa.select(t.claims.c.document_id, t.claims.c.ordinal, t.event_claims.c.event_id).join(
                        t.event_claims, t.event_claims.c.claim_id == t.claims.c.id
                    )
                )
            }
            records = _main_records(conn, {(doc.id, main_claim(line)) for doc, line in zip(docs, lines)})
        store.close()
    event_of: dict[int, str | None] = {}
    events_of: dict[int, set[str]] = {}
    main_of: dict[int, dict | None] = {}
    record_of: dict[int, Any] = {}
    signature_of: dict[int, Any] = {}
    for i, doc, line in zip(wanted, docs, lines):
        k = main_claim(line)
        event_of[i] = placed.get((doc.id, k)) if k is not None else None
        events_of[i] = {e for n in range(len(line.get("events") or [])) if (e := placed.get((doc.id, n)))}
        main_of[i] = line["events"][k] if k is not None else None
        record_of[i] = records.get((doc.id, k))
        signature_of[i] = signature(line.get("text") or doc.text or "")
    score = DedupScore(pairs)
    for p in pairs:
        ea, eb = event_of[p.a_row], event_of[p.b_row]
        p.merged = ea is not None and ea == eb
        if similarity(signature_of[p.a_row], signature_of[p.b_row]) >= NEAR_DUPLICATE_JACCARD:
            # One text told twice: its incidents are the same whichever the extractor ranked first.
            p.merged = p.merged or ea in events_of[p.b_row] or eb in events_of[p.a_row]
            p.reason += " [near-copies]"  # marked, so that a miss shows how it was scored
        p.why = f"{_brief(main_of[p.a_row])} | {_brief(main_of[p.b_row])}"
        ra, rb = record_of[p.a_row], record_of[p.b_row]
        if ra is not None and rb is not None:
            shared = sorted(ra.terms & rb.terms)
            p.why += f"\n      shared rare words ({len(shared)} of {len(ra.terms)} / {len(rb.terms)}): {' '.join(shared[:16]) or '-'}"
    return score


def _main_records(conn, wanted: set[tuple[str, int | None]]) -> dict[tuple[str, int], Any]:
    """The consolidation core's view (ClaimRecord: its rare words) of each article's main claim."""
    import sqlalchemy as sa

    from ceasefire.consolidate.core import LEAD_CHARS, claim_record, share_report_words
    from ceasefire.store import schema as t

    c, d = t.claims.c, t.documents.c
    q = sa.select(
        c.id, c.document_id, c.ordinal, c.event_type, c.sub_event_type, c.date_start, c.date_end, c.date_precision,
        c.location_name, c.lat, c.lon, c.country, c.admin1, c.geonames_id, c.location_precision, c.fatalities_best,
        c.is_aggregate, c.payload, d.published, d.title, sa.func.substr(d.text, 1, LEAD_CHARS).label("lead"),
    ).join(t.documents, d.id == c.document_id)
    docs = {d for d, _ in wanted}
    out, by_doc = {}, {}
    for r in conn.execute(q).mappings():
        if r["document_id"] in docs:
            row = dict(r)
            rec = claim_record(row, row["payload"] or {}, row["published"])
            by_doc.setdefault(rec.document_id, []).append(rec)
            out[(rec.document_id, rec.ordinal)] = rec
    for recs in by_doc.values():
        share_report_words(recs)
    return {k: v for k, v in out.items() if k in wanted}


def _brief(ev: dict | None) -> str:
    if not ev:
        return "no event"
    loc = (ev.get("location") or {}).get("name") or "?"
    d = (ev.get("date") or {}).get("start") or "?"
    tot = ((ev.get("fatalities") or {}).get("total") or {}).get("best")
    return f"{ev.get('sub_event_type')} {d} {loc} killed={tot}"


@click.command()
@click.option("--data", "data_dir", metavar="PATH", help="Gold data folder (default ../shared/data or $CEASEFIRE_GOLD_DATA).")
@click.option("--pairs", "pairs_path", metavar="CSV", help=f"Gold pairs (default {DEFAULT_PAIRS.name} in tests/data).")
@click.option("--jobs", type=int, default=2, show_default=True, help="Extraction processes.")
@click.option("--misses", type=int, default=0, help="Print this many wrongly merged and wrongly kept-apart pairs.")
def command(data_dir, pairs_path, jobs, misses) -> None:
    """Dedup pairs (FA-KES dev): pairwise precision and recall of merging reports into events."""
    s = evaluate(data_dir, pairs_path, jobs)
    tp, fp, fn, tn = s.count(True, True), s.count(False, True), s.count(True, False), s.count(False, False)
    n_pos = tp + fn
    click.echo(f"Dedup pairs, FA-KES dev: {len(s.pairs)} pairs ({n_pos} same incident, {len(s.pairs) - n_pos} not)")
    click.echo(f"  merged and same (TP) {tp}   merged but different (FP) {fp}   apart but same (FN) {fn}   apart and different (TN) {tn}")
    ok = lambda v: "ok" if v >= GOAL else "below goal"  # noqa: E731
    click.echo(f"  precision {s.precision:.3f} ({ok(s.precision)}, goal {GOAL:.2f})")
    click.echo(f"  recall    {s.recall:.3f} ({ok(s.recall)}, goal {GOAL:.2f})")
    click.echo(f"  F1        {s.f1:.3f}")
    if misses:
        for title, same, merged in (("wrongly merged", False, True), ("wrongly kept apart", True, False)):
            wrong = [p for p in s.pairs if p.same == same and p.merged == merged][:misses]
            if wrong:
                click.echo(f"{title}:")
                for p in wrong:
                    click.echo(f"  rows {p.a_row}-{p.b_row}: {p.reason}")
                    click.echo(f"      ours: {p.why}")
