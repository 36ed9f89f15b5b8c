"""ACLED (acled/*.csv): each record's ``notes`` as the input text, the record as the gold event.

The set scored: the battle types (Armed clash, Government regains territory, Non-state actor
overtakes territory) from the Syria battles file, and every other sub-event type from the global
2020 and 2022 files (the Syria file has only battles). Records are taken in a fixed sample: those
whose SHA-1 of ``event_id_cnty`` is divisible by ``--every`` (default: 1 in 24 of the battles,
1 in 8 of the rest), so runs are repeatable and balanced; ``--limit`` caps each part. Nothing is
trained on ACLED: every sampled record is scored. Files read with both CSV styles (``NA`` or
empty for missing values); the truncated row PHL10453 is skipped.

Mapping, per field:

- sub_event_type: our main event's ``sub_event_type`` (``events[0]``), spelled as ACLED spells
  it; no event counts as the class "(none)". Weighted F1 over ACLED's classes (support-weighted
  mean of per-class F1), as CASE 2021 scored it.
- actor1: our main event's first actor (a perpetrator when there is one) equals ACLED's actor1
  once both are folded: case, the bracketed period of state forces ("(2000-)") and a unit after it
  ("Military Forces of Syria (2000-) 5th Assault Corps" -> "military forces of syria").
- fatalities: our fatalities total ``best`` (0 when none) equals ACLED's ``fatalities`` exactly.
- location: our location lies within 25 km of ACLED's latitude/longitude (no location: a miss).
"""

from __future__ import annotations

import csv
import hashlib
import math
import re
from collections import Counter
from datetime import date, datetime
from typing import Any

import click

from ceasefire.documents import Document, clean_text
from ceasefire.eval import data_path
from ceasefire.eval.runner import FieldScore, extract_all, print_misses, print_scores

BATTLES_FILE = ("acled", "acled_syria_battles_2017_2023.csv")
OTHER_FILES = (("acled", "acled_2020_sample.csv"), ("acled", "acled_old_deletion_dummy.csv"))
BATTLE_TYPES = {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}
GOALS = {"sub_event_type (weighted F1)": 0.90, "actor1": 0.85, "fatalities exact": 0.90, "location within 25 km": 0.85}
NONE = "(none)"


def _missing(v: str | None) -> bool:
    return v is None or v.strip() in ("", "NA")


def _event_date(value: str) -> date | None:
    for fmt in ("%d %B %Y", "%d-%b-%y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _sampled(event_id: str, every: int) -> bool:
    return int(hashlib.sha1(event_id.encode()).hexdigest(), 16) % every == 0


def load(data_dir: str | None, every_battle: int = 24, every_other: int = 8, limit: int | None = None) -> list[tuple[dict[str, str], Document]]:
    """(gold row, document of its notes) pairs: sampled battles, then sampled other types."""
    out: list[tuple[dict[str, str], Document]] = []
    parts = [([BATTLES_FILE], every_battle, lambda r: r["sub_event_type"] in BATTLE_TYPES),
             (list(OTHER_FILES), every_other, lambda r: r["sub_event_type"] not in BATTLE_TYPES)]
    for files, every, keep in parts:
        taken = 0
        for parts_ in files:
            path = data_path(data_dir, *parts_)
            if not path.exists():
                raise click.ClickException(f"{path}: no such file (ACLED lives in ../shared/data/acled)")
            with path.open(encoding="utf-8", newline="") as fh:
                for r in csv.DictReader(fh):
                    if limit and taken >= limit:
                        break
                    if _missing(r.get("notes")) or _missing(r.get("sub_event_type")) or _missing(r.get("latitude")):
                        continue  # the truncated row and empty notes
                    if not keep(r) or not _sampled(r["event_id_cnty"], every):
                        continue
                    doc = Document(text=clean_text(r["notes"]), published=_event_date(r["event_date"]), external_id=r["event_id_cnty"])
                    out.append((r, doc))
                    taken += 1
    return out


def fold_actor(name: str | None) -> str:
    """ACLED actor name folded for comparison (case, period of state forces, unit after it)."""
    if not name or _missing(name):
        return ""
    n = name.lower().strip()
    n = re.sub(r"\s*\((\d{4})-(\d{4})?\)\s*.*$", "", n)  # "(2000-) 5th Assault Corps"
    return re.sub(r"\s+", " ", n)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(min(1.0, a)))


def weighted_f1(gold: list[str], pred: list[str]) -> tuple[float, dict[str, tuple[float, int]]]:
    """Support-weighted mean F1 over the gold classes, and per-class (F1, support)."""
    support = Counter(gold)
    tp = Counter(g for g, p in zip(gold, pred) if g == p)
    predicted = Counter(pred)
    per: dict[str, tuple[float, int]] = {}
    total = 0.0
    for cls, n in support.items():
        prec = tp[cls] / predicted[cls] if predicted[cls] else 0.0
        rec = tp[cls] / n
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[cls] = (f1, n)
        total += f1 * n
    return (total / len(gold) if gold else 0.0), per


def class_table(gold: list[str], pred: list[str]) -> list[tuple[str, float, float, float, int, int]]:
    """Per class, most frequent first: (class, precision, recall, F1, support, times predicted).

    Classes we predicted but the gold never uses (e.g. "(none)") are listed with support 0, so
    a user sees where the false positives go.
    """
    support = Counter(gold)
    predicted = Counter(pred)
    tp = Counter(g for g, p in zip(gold, pred) if g == p)
    rows = []
    for cls in sorted(set(support) | set(predicted), key=lambda c: (-support[c], -predicted[c], c)):
        prec = tp[cls] / predicted[cls] if predicted[cls] else 0.0
        rec = tp[cls] / support[cls] if support[cls] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append((cls, prec, rec, f1, support[cls], predicted[cls]))
    return rows


def confusions(gold: list[str], pred: list[str], n: int = 15) -> list[tuple[str, str, int]]:
    """The ``n`` most frequent (gold, ours, count) disagreements."""
    return [(g, p, k) for (g, p), k in Counter((g, p) for g, p in zip(gold, pred) if g != p).most_common(n)]


def _first_actor(ev: dict[str, Any] | None) -> str | None:
    if not ev or not ev.get("actors"):
        return None
    perps = [a for a in ev["actors"] if a["role"] == "perpetrator"]
    return (perps or ev["actors"])[0]["name"]


def _fatalities(ev: dict[str, Any] | None) -> int:
    if not ev:
        return 0
    t = (ev.get("fatalities") or {}).get("total")
    return int(t["best"]) if t and t.get("best") is not None else 0


def evaluate(data_dir: str | None = None, limit: int | None = None, jobs: int = 2, every_battle: int = 24, every_other: int = 8, detail: bool = False):
    """(field scores, per-class F1, number of records); with ``detail``, also (gold, ours) types."""
    pairs = load(data_dir, every_battle, every_other, limit)
    lines = extract_all([d for _, d in pairs], jobs=jobs)
    gold_types, pred_types = [], []
    actor = FieldScore("actor1", GOALS["actor1"])
    fat = FieldScore("fatalities exact", GOALS["fatalities exact"])
    loc = FieldScore("location within 25 km", GOALS["location within 25 km"])
    typ = FieldScore("sub_event_type (accuracy)")
    for (row, _doc), line in zip(pairs, lines):
        ev = (line.get("events") or [None])[0]
        key = row["event_id_cnty"]
        ours = ev["sub_event_type"] if ev else NONE
        gold_types.append(row["sub_event_type"])
        pred_types.append(ours)
        typ.add(ours == row["sub_event_type"], key, row["sub_event_type"], ours)
        a = _first_actor(ev)
        actor.add(fold_actor(a) == fold_actor(row["actor1"]), key, row["actor1"], a)
        gold_f = int(float(row["fatalities"])) if not _missing(row.get("fatalities")) else 0
        fat.add(_fatalities(ev) == gold_f, key, gold_f, _fatalities(ev))
        where = ev.get("location") if ev else None
        ok = False
        if where and where.get("lat") is not None:
            ok = km(where["lat"], where["lon"], float(row["latitude"]), float(row["longitude"])) <= 25.0
        loc.add(ok, key, row["location"], where and where.get("name"))
    f1, per = weighted_f1(gold_types, pred_types)
    f1_score = FieldScore("sub_event_type (weighted F1)", GOALS["sub_event_type (weighted F1)"])
    f1_score.correct, f1_score.scored = round(f1 * len(gold_types)), len(gold_types)
    f1_score.misses = typ.misses
    if detail:
        return [f1_score, typ, actor, fat, loc], per, len(pairs), (gold_types, pred_types)
    return [f1_score, typ, actor, fat, loc], per, len(pairs)


@click.command()
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None, help="The gold data folder (default ../shared/data).")
@click.option("--limit", type=int, default=None, help="At most N records of each part (battles, other types).")
@click.option("--jobs", type=int, default=2, show_default=True, help="Processes for extraction.")
@click.option("--every", "every_other", type=int, default=8, show_default=True, help="Sample 1 in N of the non-battle records.")
@click.option("--every-battle", type=int, default=24, show_default=True, help="Sample 1 in N of the Syria battle records.")
@click.option("--misses", type=int, default=0, help="Print the first N misses of each field.")
@click.option("--confusions", "n_confusions", type=int, default=15, show_default=True, help="Print the N most frequent sub_event_type confusions.")
def command(data_dir, limit, jobs, every_other, every_battle, misses, n_confusions) -> None:
    """ACLED notes -> events: sub_event_type weighted F1 with a per-class table and the most
    frequent confusions, actor1, fatalities exact, location within 25 km."""
    scores, per, n, (gold, ours) = evaluate(data_dir, limit, jobs, every_battle, every_other, detail=True)
    print_scores(
        f"ACLED notes ({n} records: Syria battles 1 in {every_battle}, other types from the 2020 and 2022 files 1 in {every_other}; nothing trained on them)",
        scores,
        ["sub_event_type F1 is exact to the record; see the module docstring for the mapping of each field"],
    )
    click.echo("  per class (ours = how often we predicted it):")
    click.echo(f"    {'sub_event_type':<45} {'prec':>5} {'recall':>6} {'F1':>5} {'support':>7} {'ours':>5}")
    for cls, prec, rec, f1, sup, predicted in class_table(gold, ours):
        click.echo(f"    {cls:<45} {prec:5.3f} {rec:6.3f} {f1:5.3f} {sup:7d} {predicted:5d}")
    if n_confusions > 0:
        click.echo(f"  most frequent confusions (first {n_confusions}): count, gold -> ours")
        for g, p, k in confusions(gold, ours, n_confusions):
            click.echo(f"    {k:5d}  {g} -> {p}")
    print_misses(scores[1:], misses)
