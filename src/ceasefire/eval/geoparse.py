"""``ceasefire eval geoparse``: toponym detection and resolution against GeoWebNews and LGL,
and event-location linking against the event-location gold set.

Metrics
-------
- Detection precision / recall / F1 by span overlap. GeoWebNews toponym types counted (the
  pragmatic paper's inclusive reading): Literal, Mixed, Coercion, Literal_Modifier,
  Embedded_Literal, Metonymic, Non_Literal_Modifier, Embedded_Non_Lit, Demonym; the common-noun
  ``*_Expression`` types, Non_Toponym, Homonym and Language are not toponyms, so predicting them
  counts as a false positive. Five GWN.xml toponyms with negative offsets are skipped (see the
  data's PROVENANCE.md). LGL: every annotated toponym.
- Accuracy within 161 km over all gold toponyms with coordinates; missed ones count as wrong.
- Event location: over the 496 gold (``RELABEL``) rows — right when the chosen toponym overlaps
  a gold LOCATION span, or when none is chosen and the row has none. Reported over all rows and
  over the rows that have a location. Spans whose offsets are token indices are rebuilt from
  the tokens (PROVENANCE.md).
- Speed: resolution only (detection on a ready spaCy parse + resolution), toponyms per second
  on one core; the spaCy parse is timed apart.

The resolver's weights were set by hand looking at even-numbered documents ("dev" half);
the odd-numbered half ("test") is reported separately and is the figure to quote.
"""

from __future__ import annotations

import functools
import json
import time
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import click

DEFAULT_DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data"
GWN_TOPONYM_TYPES = frozenset(
    "Literal Mixed Coercion Literal_Modifier Embedded_Literal Metonymic Non_Literal_Modifier Embedded_Non_Lit Demonym".split()
)
ACCURACY_KM = 161.0


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None


@dataclass
class GoldDoc:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)

    @property
    def half(self) -> str:
        digits = "".join(ch for ch in self.id if ch.isdigit())
        return "dev" if digits and int(digits) % 2 == 0 else "test"


def _float(v: str | None) -> float | None:
    try:
        return float(v) if v not in (None, "") else None
    except ValueError:
        return None


def load_gwn(path: Path) -> list[GoldDoc]:
    """GeoWebNews from GWN.xml (offsets into ``text``)."""
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        doc = GoldDoc(art.get("file"), text)
        for t in art.iter("toponym"):
            if t.findtext("type") not in GWN_TOPONYM_TYPES:
                continue
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            if start < 0 or end <= start:
                continue
            doc.toponyms.append(GoldToponym(start, end, text[start:end], _float(t.findtext("latitude")), _float(t.findtext("longitude"))))
        docs.append(doc)
    return docs


def load_lgl(path: Path) -> list[GoldDoc]:
    """LGL from lgl.xml."""
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        doc = GoldDoc(art.get("docid"), text)
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            lat = _float(g.findtext("lat")) if g is not None else None
            lon = _float(g.findtext("lon")) if g is not None else None
            doc.toponyms.append(GoldToponym(int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase"), lat, lon))
        docs.append(doc)
    return docs


@dataclass
class Score:
    predicted: int = 0
    predicted_matched: int = 0
    gold: int = 0
    gold_matched: int = 0
    gold_with_coords: int = 0
    within_161: int = 0
    resolved_pairs: int = 0
    toponyms: int = 0
    seconds_resolve: float = 0.0
    seconds_parse: float = 0.0
    docs: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.within_161 / self.gold_with_coords if self.gold_with_coords else 0.0

    @property
    def speed(self) -> float:
        return self.toponyms / self.seconds_resolve if self.seconds_resolve else 0.0


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _write_dev_misses(fh, name: str, doc: GoldDoc, predicted) -> None:
    """Write one document's misses, of the dev half only: rules are studied there, the test half
    stays unseen."""
    if doc.half == "dev":
        for row in _misses(name, doc, predicted):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def score_documents(docs: list[GoldDoc], on_doc=None) -> dict[str, Score]:
    """Run the geoparser on each document; scores per half ("dev", "test") and "all"."""
    from ceasefire.nlp import load_pipeline
    from ceasefire.resolve.places import resolve_mentions
    from ceasefire.resolve.places.detect import find_mentions
    from ceasefire.resolve.places.gazetteer import default_gazetteer, distance_km

    nlp = load_pipeline(("lemmatizer",))
    gaz = default_gazetteer()
    scores = {"dev": Score(), "test": Score(), "all": Score()}
    for doc in docs:
        # CPU time of this process: one core, whatever else the machine is running.
        t0 = time.process_time()
        parsed = nlp(doc.text)
        t1 = time.process_time()
        mentions = find_mentions(parsed, gaz, doc.text)
        predicted = resolve_mentions(mentions, doc.text, gaz)
        t2 = time.process_time()
        for key in (doc.half, "all"):
            s = scores[key]
            s.docs += 1
            s.seconds_parse += t1 - t0
            s.seconds_resolve += t2 - t1
            s.toponyms += len(predicted)
            s.predicted += len(predicted)
            s.predicted_matched += sum(1 for p in predicted if any(_overlaps(p.start, p.end, g.start, g.end) for g in doc.toponyms))
            s.gold += len(doc.toponyms)
            for g in doc.toponyms:
                hits = [p for p in predicted if _overlaps(p.start, p.end, g.start, g.end)]
                if hits:
                    s.gold_matched += 1
                if g.lat is None or g.lon is None:
                    continue
                s.gold_with_coords += 1
                located = [p for p in hits if p.lat is not None]
                if located:
                    s.resolved_pairs += 1
                    p = max(located, key=lambda p: min(p.end, g.end) - max(p.start, g.start))
                    if distance_km(p.lat, p.lon, g.lat, g.lon) <= ACCURACY_KM:
                        s.within_161 += 1
        if on_doc:
            on_doc(doc, predicted)
    return scores


# --- event location ---------------------------------------------------------------------------


def _fixed_span(row: dict, span: dict) -> tuple[int, int]:
    text, tokens = row["text"], row.get("tokens") or []
    start, end = span["start"], span["end"]
    surface = span.get("text")
    if surface and text[start:end] == surface:
        return start, end
    ts, te = span.get("token_start"), span.get("token_end")
    if ts is not None and te is not None and 0 <= ts < len(tokens) and 0 <= te < len(tokens):
        return tokens[ts]["start"], tokens[te]["end"]
    return start, end


def load_event_location(path: Path, source: str | None = "RELABEL") -> list[dict]:
    """Rows of labeled_text.jsonl (one JSON array inside the zip), with spans fixed."""
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.endswith("labeled_text.jsonl") and not n.startswith("__MACOSX"))
        with zf.open(name) as fh:
            rows = json.load(fh)
    out = []
    for row in rows:
        if source is not None and row.get("source") != source:
            continue
        verbs = [s for s in row.get("spans", []) if s.get("label") == "VERB"]
        if not verbs:
            continue
        locations = [_fixed_span(row, s) for s in row["spans"] if s.get("label") == "LOCATION"]
        out.append({"text": row["text"], "verb": _fixed_span(row, verbs[0]), "locations": locations, "id": row.get("_id")})
    return out


@dataclass
class EventScore:
    rows: int = 0
    right: int = 0
    with_location: int = 0
    right_with_location: int = 0
    undetected: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.rows if self.rows else 0.0

    @property
    def accuracy_with_location(self) -> float:
        return self.right_with_location / self.with_location if self.with_location else 0.0


def score_event_location(rows: list[dict], on_miss=None) -> EventScore:
    """Accuracy of the chosen event toponym; ``on_miss(row, toponyms, k)`` is called for each row
    chosen wrong (``k``: the index chosen, or None for no place)."""
    from ceasefire.resolve.places import choose_event_toponym, geoparse

    s = EventScore()
    for row in rows:
        toponyms = geoparse(row["text"])
        k = choose_event_toponym(row["text"], row["verb"], toponyms)
        gold = row["locations"]
        if k is None:
            ok = not gold
        else:
            t = toponyms[k]
            ok = any(_overlaps(t.start, t.end, a, b) for a, b in gold)
        if not ok and on_miss is not None:
            on_miss(row, toponyms, k)
        s.rows += 1
        s.right += ok
        if gold:
            s.with_location += 1
            s.right_with_location += ok
            if not any(_overlaps(t.start, t.end, a, b) for t in toponyms for a, b in gold):
                s.undetected += 1
    return s


def _line(name: str, half: str, s: Score) -> str:
    return (f"{name:<12} {half:<5} docs {s.docs:>4}  gold {s.gold:>5}  P {s.precision:.3f}  R {s.recall:.3f}  "
            f"F1 {s.f1:.3f}  acc@161km {s.accuracy:.3f} ({s.within_161}/{s.gold_with_coords})")


def _misses(corpus: str, doc: GoldDoc, predicted: list) -> list[dict]:
    """What the geoparser got wrong in one document: gold toponyms not found ("missed"), found but
    placed over 161 km away or not placed ("far"), and predictions no gold toponym overlaps ("spurious")."""
    from ceasefire.resolve.places.gazetteer import distance_km

    text = doc.text

    def context(a: int, b: int) -> str:
        return (text[max(0, a - 60):a] + "[[" + text[a:b] + "]]" + text[b:b + 60]).replace("\n", " ")

    def placed(p) -> dict:
        return {"name": p.name, "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon, "precision": p.precision}

    out = []
    base = {"corpus": corpus, "half": doc.half, "doc": doc.id}
    for p in predicted:
        if not any(_overlaps(p.start, p.end, g.start, g.end) for g in doc.toponyms):
            out.append({**base, "kind": "spurious", "text": p.text, "context": context(p.start, p.end), "predicted": placed(p)})
    for g in doc.toponyms:
        hits = [p for p in predicted if _overlaps(p.start, p.end, g.start, g.end)]
        row = {**base, "text": g.text, "context": context(g.start, g.end), "gold": [g.lat, g.lon]}
        if not hits:
            out.append({**row, "kind": "missed"})
            continue
        if g.lat is None or g.lon is None:
            continue
        located = [p for p in hits if p.lat is not None]
        if not located:
            out.append({**row, "kind": "far", "predicted": placed(hits[0]), "km": None})
            continue
        p = max(located, key=lambda p: min(p.end, g.end) - max(p.start, g.start))
        km = distance_km(p.lat, p.lon, g.lat, g.lon)
        if km > ACCURACY_KM:
            out.append({**row, "kind": "far", "predicted": placed(p), "km": round(km)})
    return out


@click.command()
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_DATA,
              show_default="../shared/data beside the repository", help="The shared gold data folder.")
@click.option("--limit", type=int, default=None, help="Only the first N documents of each corpus (quick runs).")
@click.option("--sets", default="gwn,lgl,events", show_default=True, help="Comma-separated: gwn, lgl, events.")
@click.option("--misses", "misses_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write every toponym miss of the dev halves (missed, far, spurious) as JSON Lines to this file.")
@click.option("--event-misses", "event_misses_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write every event-location row chosen wrong (text, event word, gold and chosen place, every "
                   "place found) as JSON Lines to this file.")
def command(data_dir: Path, limit: int | None, sets: str, misses_path: Path | None, event_misses_path: Path | None = None) -> None:
    """Geoparsing: detection P/R/F1 and accuracy within 161 km (GeoWebNews, LGL); event location
    chosen right (event-location gold); resolution speed."""
    wanted = {s.strip() for s in sets.split(",") if s.strip()}
    geo = data_dir / "geoparsing"
    total = Score()
    corpora = []
    if "gwn" in wanted:
        corpora.append(("GeoWebNews", geo / "GWN.xml", load_gwn))
    if "lgl" in wanted:
        corpora.append(("LGL", geo / "Corpora" / "lgl.xml", load_lgl))
    misses_fh = misses_path.open("w", encoding="utf-8") if misses_path else None
    for name, path, loader in corpora:
        if not path.exists():
            raise click.ClickException(f"{path}: not found (give the shared data folder with --data)")
        docs = loader(path)
        if limit:
            docs = docs[:limit]
        on_doc = None if misses_fh is None else functools.partial(_write_dev_misses, misses_fh, name)
        scores = score_documents(docs, on_doc=on_doc)
        for half in ("dev", "test", "all"):
            click.echo(_line(name, half, scores[half]))
        total.toponyms += scores["all"].toponyms
        total.seconds_resolve += scores["all"].seconds_resolve
        total.seconds_parse += scores["all"].seconds_parse
    if misses_fh is not None:
        misses_fh.close()
        click.echo(f"misses of the dev halves written to {misses_path}")
    if corpora:
        click.echo("  (weights were set looking at the dev half: quote the test half)")
        words = total.seconds_parse
        click.echo(f"resolution speed: {total.speed:,.0f} toponyms/s on one core, CPU time "
                   f"({total.toponyms} toponyms in {total.seconds_resolve:.1f} s; the spaCy parse, apart: {words:.1f} s)")
    if "events" in wanted:
        path = data_dir / "event-location" / "labeled_text.jsonl.zip"
        if not path.exists():
            raise click.ClickException(f"{path}: not found")
        rows = load_event_location(path)
        if limit:
            rows = rows[: limit * 3]
        event_fh = event_misses_path.open("w", encoding="utf-8") if event_misses_path else None

        def on_miss(row, toponyms, k):
            text, (va, vb) = row["text"], row["verb"]
            chosen = toponyms[k] if k is not None else None
            event_fh.write(json.dumps({
                "id": row.get("id"), "text": text, "event_word": text[va:vb],
                "gold": [text[a:b] for a, b in row["locations"]],
                "chosen": None if chosen is None else {"text": chosen.text, "name": chosen.name, "country": chosen.country,
                                                       "precision": chosen.precision, "role": chosen.role},
                "found": [{"text": t.text, "name": t.name, "country": t.country, "precision": t.precision, "role": t.role}
                          for t in toponyms],
            }, ensure_ascii=False) + "\n")

        es = score_event_location(rows, on_miss=on_miss if event_fh is not None else None)
        if event_fh is not None:
            event_fh.close()
            click.echo(f"event-location rows chosen wrong written to {event_misses_path}")
        click.echo(f"event-location RELABEL (gold rows; weights set on other rows): event toponym chosen right "
                   f"{es.accuracy:.3f} ({es.right}/{es.rows}); rows with a gold location {es.accuracy_with_location:.3f} "
                   f"({es.right_with_location}/{es.with_location}); gold location not found by the geoparser "
                   f"{es.undetected}/{es.with_location}")
