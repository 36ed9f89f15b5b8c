"""ISAF press releases (isaf/isaf_press_releases_ft_test.jsonl): release-level fields.

Input: the press release text after ``PRESS RELEASE TEXT:``, published on the date the release
gives itself (``resolve.dates.release_date``): its dateline ("KABUL, Afghanistan (Jan. 25,
2013)"), or a dateline or heading without a year ("(Sept. 4)", "May 11: Afghan-ISAF
Operations ...") with the year of its release number ("2010-09-CA-005"). That is the release's
own date metadata; the set carries no other. 79 of the 724 releases give no day at all (a bare
release number "2011-07-S-003", or "(Jan. 28)" with no number): they are scored, and their
start date is missed. Nothing is trained on this set: every record is scored.

Mapping, per field (the gold is the annotator's JSON):

- min_killed: the dead of the release = the largest fatalities ``best`` among its events that are
  neither tallies (``aggregate``) nor earlier incidents it recalls (``background``) (ISAF
  releases tell one operation, often retold in several sentences; a release without a figure
  of dead is 0), exact;
- province: the admin1 of the main event's location (``events[0]``, else the first event with a
  place), folded to the set's spelling (``paktya``, ``sar_e_pul``, ``day_kundi``), in the gold list;
- start date: the main event's ``date.start`` equals the gold ``start_date``. Relative words are
  read literally against the release date ("yesterday" is the day before it, "last night" the
  night before it, "Friday" the last Friday on or before it); in a chain of releases, the day a
  later release confirms for the first one's operation corrects it (``_follow_up_day``). The gold
  follows the same reading in most releases, but not in all. Measured 2026-11-26 on all 724
  releases (start date 0.753, 545 of 724): 79 releases give no day a reader could resolve and are
  missed. The dated misses follow the month the release was issued, not its genre: outside
  November 2010, February and March 2011, 534 of 560 releases match (the "Operational Update"
  digests 110 of 111); in those three months 11 of 85 do, and in 71 the gold is the day before
  ours, in digests (52 of 58) and single releases (19 of 27) alike, whatever the cue ("today",
  "yesterday", a named day). The annotator seems to have counted those months' relative days from
  a date one day before the dateline (the web listing's date, which the set does not carry). No
  rule in the text tells these apart, so no shift is applied: shifting those months would be fitted
  to the set's calendar, and even then the 79 undated releases keep the figure near 0.85.
  Two lines without a goal show this split: the start date over the 645 releases that carry a date
  (0.845 on 2026-11-26), and within one day of the gold over all 724 (0.885).
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, timedelta
from typing import Any

import click

from ceasefire.documents import Document, clean_text
from ceasefire.eval import data_path
from ceasefire.resolve.dates import release_date
from ceasefire.eval.runner import FieldScore, common_options, extract_all, print_misses, print_scores

FILE = ("isaf", "isaf_press_releases_ft_test.jsonl")
GOALS = {"min_killed exact": 0.90, "province": 0.90, "start date": 0.90}
#: Lines printed without a goal, to show what the start-date misses are made of: the score over
#: the releases that carry a date of their own (the others cannot be resolved by any reader of the
#: text), and the share within one day of the gold (the day-before pattern described above).
DATED = "start date, releases with a date"
NEAR = "start date within one day"

_DATELINE = re.compile(r"\(([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s+(\d{4})\)")
_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
#: Afghanistan's 34 provinces, in the set's spelling, grouped by the ISAF regional command that
#: covered them after Regional Command South was split in two (June 2010) until the end of ISAF
#: (December 2014). The set's releases come from these commands; the grouping is a check that
#: none of the 34 is missing or counted twice.
REGIONAL_COMMANDS: dict[str, tuple[str, ...]] = {
    "RC Capital": ("kabul",),
    "RC East": (
        "bamyan", "ghazni", "kapisa", "khost", "kunar", "laghman", "logar", "nangarhar", "nuristan",
        "paktika", "paktya", "panjshir", "parwan", "wardak",
    ),
    "RC North": ("badakhshan", "baghlan", "balkh", "faryab", "jowzjan", "kunduz", "samangan", "sar_e_pul", "takhar"),
    "RC South": ("day_kundi", "kandahar", "uruzgan", "zabul"),
    "RC Southwest": ("helmand", "nimroz"),
    "RC West": ("badghis", "farah", "ghor", "herat"),
}
PROVINCES = frozenset(p for provinces in REGIONAL_COMMANDS.values() for p in provinces)
_PROVINCE_SPELLING = {
    "paktia": "paktya", "paktiya": "paktya", "sar-e pul": "sar_e_pul", "sar-e-pul": "sar_e_pul", "sari pul": "sar_e_pul",
    "sar e pul": "sar_e_pul", "daykundi": "day_kundi", "daikundi": "day_kundi", "day kundi": "day_kundi", "oruzgan": "uruzgan",
    "urozgan": "uruzgan", "helmand": "helmand", "maidan wardak": "wardak", "wardak": "wardak", "vardak": "wardak",
    "kondoz": "kunduz", "konar": "kunar", "nimruz": "nimroz", "jawzjan": "jowzjan", "bamian": "bamyan", "lowgar": "logar",
    "zabol": "zabul", "herat": "herat", "hirat": "herat", "paktika": "paktika", "laghman": "laghman", "nangarhar": "nangarhar",
    "ghazni": "ghazni", "kandahar": "kandahar", "qandahar": "kandahar", "badghis": "badghis", "faryab": "faryab",
}


def dateline_date(text: str) -> date | None:
    """The release date: its dateline "(Jan. 25, 2013)"; a dateline or a heading without a year
    ("(Sept. 1)", "May 11: Afghan-ISAF Operations ...") takes it from the release number
    ("2010-09-CA-005"); see ``resolve.dates.release_date``."""
    found = release_date(text)
    if found is not None:
        return found
    m = re.search(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})\b", text)
    month = _MONTHS.get(m.group(1)[:3].lower()) if m else None
    if not month:
        return None
    try:
        return date(int(m.group(3)), month, int(m.group(2)))
    except ValueError:
        return None


def province(location: dict[str, Any] | None) -> str | None:
    """The set's spelling of our location's province."""
    if not location:
        return None
    admin1, name = location.get("admin1"), location.get("name")
    if admin1:
        return _fold(admin1)
    # a town named like its province (Ghazni, Khost, Kandahar) when the gazetteer gave no admin1
    folded = _fold(name) if name else None
    return folded if folded in PROVINCES else None


def _fold(key: str) -> str:
    k = re.sub(r"\s+(province|wilayat)$", "", key.lower().strip()).replace("’", "'")
    k = "".join(c for c in unicodedata.normalize("NFKD", k) if not unicodedata.combining(c))
    if k in _PROVINCE_SPELLING:
        return _PROVINCE_SPELLING[k]
    return k.replace("-", "_").replace(" ", "_")


def load(data_dir: str | None, limit: int | None = None) -> list[tuple[dict[str, Any], Document]]:
    path = data_path(data_dir, *FILE)
    if not path.exists():
        raise click.ClickException(f"{path}: no such file (ISAF lives in ../shared/data/isaf)")
    out = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit and len(out) >= limit:
                break
            conv = json.loads(line)["conversations"]
            human = next(c["value"] for c in conv if c["from"] == "human")
            gold = json.loads(next(c["value"] for c in conv if c["from"] == "gpt"))
            text = clean_text(human.split("PRESS RELEASE TEXT:", 1)[-1])
            out.append((gold, Document(text=text, published=dateline_date(text), external_id=f"isaf-{i}")))
    return out


def killed(line: dict[str, Any]) -> int:
    """The largest fatalities best among the release's incidents (sentences retelling the
    operation would double it if summed), as the set's *minimum* killed.

    The set's field is the least number the release allows, so "more than five insurgents" is 6
    there, while our ``best`` keeps the stated 5 (ACLED's conservative convention, see
    resolve.numbers): a ``more_than`` figure maps to its best plus one."""
    best = 0
    for ev in line.get("events") or []:
        if ev.get("aggregate") or ev.get("background"):
            continue
        t = (ev.get("fatalities") or {}).get("total")
        if t and t.get("best") is not None:
            best = max(best, int(t["best"]) + (1 if t.get("qualifier") == "more_than" else 0))
    return best


def evaluate(data_dir: str | None = None, limit: int | None = None, jobs: int = 2) -> list[FieldScore]:
    pairs = load(data_dir, limit)
    lines = extract_all([d for _, d in pairs], jobs=jobs)
    scores = {k: FieldScore(k, v) for k, v in GOALS.items()}
    scores[DATED], scores[NEAR] = FieldScore(DATED), FieldScore(NEAR)
    for (gold, doc), line in zip(pairs, lines):
        key = doc.external_id
        events = line.get("events") or []
        ours = killed(line)
        scores["min_killed exact"].add(ours == int(gold.get("min_killed") or 0), key, gold.get("min_killed"), ours)
        main = events[0] if events else None
        where = main.get("location") if main else None
        if where is None:
            where = next((e["location"] for e in events if e.get("location")), None)
        prov = province(where)
        gold_prov = [p for p in gold.get("province") or [] if p]
        # the set writes some provinces with hyphens and spaces ("sar-e pul"): fold both sides alike
        scores["province"].add(prov in {_fold(p) for p in gold_prov}, key, gold_prov, prov)
        start = main["date"]["start"] if main and main.get("date") else None
        scores["start date"].add(start == gold.get("start_date"), key, gold.get("start_date"), start)
        if doc.published is not None:
            scores[DATED].add(start == gold.get("start_date"), key, gold.get("start_date"), start)
        scores[NEAR].add(_within_a_day(start, gold.get("start_date")), key, gold.get("start_date"), start)
    return list(scores.values())


def _within_a_day(ours: str | None, gold: str | None) -> bool:
    """Whether two ISO dates (``YYYY-MM-DD``; ours may be missing) are at most one day apart."""
    if not ours or not gold:
        return False
    try:
        return abs(date.fromisoformat(ours[:10]) - date.fromisoformat(gold[:10])) <= timedelta(days=1)
    except ValueError:
        return False


@click.command()
@common_options
def command(data_dir, limit, jobs, misses) -> None:
    """ISAF press releases: min_killed exact, province, start date."""
    scores = evaluate(data_dir, limit, jobs)
    print_scores(f"ISAF press releases ({scores[0].scored} releases, every one scored; nothing trained on them)", scores)
    print_misses(scores, misses)
