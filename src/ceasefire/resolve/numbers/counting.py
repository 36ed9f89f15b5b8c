"""Counting: figures folded into Event JSON v1 fatalities and injured, by ACLED's most
conservative figure, with the parts of a toll summed when no total is given."""

from __future__ import annotations

import re
from typing import Any, Iterable

from ceasefire.resolve.numbers.figure import GROUPS, CasualtyFigure


def casualty_counts(figures: Iterable[CasualtyFigure], include_aggregates: bool = True) -> dict[str, dict[str, Any]]:
    """Fold figures into Event JSON v1 ``{"fatalities": COUNTS, "injured": COUNTS}``.

    Per group, conflicting figures keep ACLED's rule: the most conservative (lowest) ``best``,
    with ``low``/``high`` spanning every figure.  When the report names civilians, children,
    women or combatants but no total, the total is their sum (civilians, else children plus
    women; plus combatants).  Figures of ``casualties`` whose clause did not say they died are
    left out.  ``include_aggregates=False`` drops tallies over a period.
    """
    figs = [f for f in figures if f.outcome in ("killed", "injured") and (include_aggregates or not f.aggregate)]
    figs = _rest_of_list(_without_retold_lists(figs))
    out: dict[str, dict[str, Any]] = {}
    for outcome, key in (("killed", "fatalities"), ("injured", "injured")):
        counts: dict[str, Any] = {g: None for g in GROUPS}
        for g in GROUPS:
            counts[g] = _merge_reports([f for f in figs if f.outcome == outcome and f.group == g])
        if counts["civilians"] is None and (counts["children"] or counts["women"]):
            # "287 IS fighters, among them 26 minors": children told as a share of combatants are
            # inside that count, not civilians beside it
            inside = {"children": _only_shares_of(figs, outcome, "children"), "women": _only_shares_of(figs, outcome, "women")}
            kept = [counts[g] for g in ("children", "women") if counts[g] and not inside[g]]
            counts["civilians"] = _sum(kept) if kept else None
        parts = [counts["civilians"], counts["combatants"]]
        derived = _sum(parts) if any(parts) else None
        only_denials = all(f.negation for f in figs if f.outcome == outcome and f.group == "total")
        total = counts["total"]
        # a total below its own parts is a floor or counts something else: the parts are the toll
        floor_below_parts = (total is not None and total["qualifier"] in ("at_least", "more_than") and derived is not None
                             and (derived["best"] or 0) > (total["best"] or 0))
        if total is None or floor_below_parts or (total["best"] == 0 and only_denials and derived and (derived["best"] or 0) > 0):
            counts["total"] = derived  # "no civilian casualties" does not cancel "killed two insurgents"
        out[key] = counts
    return out


def _lists(figs: list[CasualtyFigure]) -> dict[int, list[CasualtyFigure]]:
    """Figures listed together ("120 soldiers and 60 rebels"), by their ``joint`` number."""
    lists: dict[int, list[CasualtyFigure]] = {}
    for f in figs:
        if f.joint is not None:
            lists.setdefault(f.joint, []).append(f)
    return {k: v for k, v in lists.items() if len(v) > 1}


def _without_retold_lists(figs: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """``figs`` without a single figure that a list of the same sentence, told after it, breaks
    down: a headline run into its lead ("Clashes kill 120 soldiers near Hama Fighting ... killed
    120 soldiers and 60 rebels") gives one part of the lead's list, or its sum. The list is the
    toll, counted once: not 120 + 180, nor 120 alone."""
    lists = _lists(figs)
    if not lists:
        return figs
    out = []
    for f in figs:
        retold = f.joint is None and f.best and not f.share and any(
            m[0].start > f.start and m[0].sentence == f.sentence and m[0].outcome == f.outcome
            and all(g.best is not None for g in m) and (f.best in {g.best for g in m} or f.best == sum(g.best for g in m))
            for m in lists.values())
        if not retold:
            out.append(f)
    return out


#: The plain noun of a count listed after named groups ("60 others", "two more people"), not a name
#: in apposition ("the Taliban leader, Abdul Karim").
_REST = re.compile(r"\b(?:others|other\s+people|people|persons)$", re.I)


def _rest_of_list(figs: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """``figs`` with a bare count listed after named groups ("some 120 fighters and 60 others",
    "three soldiers and two people") read as the rest of the dead: the list's total is its sum,
    not the rest alone."""
    from dataclasses import replace

    out = list(figs)
    for members in _lists(figs).values():
        rest = [f for f in members if f.group == "total" and _REST.search(f.text or "")]
        named = [f for f in members if f.group != "total" and not f.share]
        if len(rest) != 1 or not named or rest[0].start < named[0].start or any(f.outcome != rest[0].outcome for f in members):
            continue
        total = _sum([f.count() for f in members if not f.share])
        if not total or total.get("best") is None:
            continue
        out[out.index(rest[0])] = replace(rest[0], best=total["best"], low=total["low"], high=total["high"], qualifier=total["qualifier"],
                                          derived=f"{rest[0].text} and the groups listed with them")
    return out


def _only_shares_of(figs: list[CasualtyFigure], outcome: str, group: str) -> bool:
    """Every figure of ``group`` is a share of a combatants' figure told before it in its sentence."""
    mine = [f for f in figs if f.outcome == outcome and f.group == group]
    return bool(mine) and all(
        f.share and any(g.group == "combatants" and g.outcome == outcome and g.sentence == f.sentence and g.start < f.start for g in figs) for f in mine)


def _merge_reports(figs: list[CasualtyFigure]) -> dict[str, Any] | None:
    """One count for a group of figures.

    * A report of deaths outweighs a report of none: zero figures count only when no figure of
      the group is positive ("No fatalities were reported. Coded one fatality for the bomber.").
    * Within a sentence, figures listed together or of different parties add up ("12 QSD and 19
      IS fighters", "2 soldiers were killed and 13 militants") and a bare toll of the sentence
      ("... 4 fatalities", "killing 2") is its own total.
    * Across sentences, the same group counted again is the same toll retold (headline, lead,
      body) or a conflicting report: see ``_merge``.  A sentence that says "also", "another",
      "other" adds to what was counted before.
    """
    positive = [f for f in figs if f.best != 0]
    if positive:
        figs = positive
    precise = [f for f in figs if not f.vague]
    if precise:
        figs = precise  # "Hundreds dead ... 346 people were killed": the number given wins over the word
    if not figs:
        return None
    result: dict[str, Any] | None = None
    seen: set[str] = set()
    for sentence in sorted({f.sentence for f in figs}):
        members = [f for f in figs if f.sentence == sentence]
        value = _sentence_count(members)
        if value is None:
            continue
        keys = {f.party or "*toll*" for f in members}
        if result is None:
            result = value
        elif all(f.additive for f in members):
            result = _sum([result, value])
        else:
            result = _merge([result, value])  # the same toll retold, or a conflicting report
        seen |= keys
    return result


def _sentence_count(figs: list[CasualtyFigure]) -> dict[str, Any] | None:
    reports: dict[Any, list[CasualtyFigure]] = {}
    for f in figs:
        reports.setdefault(f.joint if f.joint is not None else ("single", f.start), []).append(f)
    tolls: list[dict[str, Any]] = []
    parties: dict[Any, list[dict[str, Any]]] = {}
    for members in reports.values():
        count = _sum([f.count() for f in members]) if len(members) > 1 else members[0].count()
        if len(members) == 1 and members[0].party is None:
            tolls.append(count)
        else:
            key = tuple(sorted({f.party or "" for f in members}))
            if len(members) == 1 and count["best"] is not None and any(c["best"] == count["best"] for cs in parties.values() for c in cs):
                # "Bomb kills 18 ... a bomb killed 18 people", "kill 30 Kurdish fighters ... at least 30
                # members of the YPG": one toll, told twice (a headline run into its lead)
                continue
            if len(members) == 1 and any(_retold(count, members[0].party, other, cs) for other, cs in parties.items()):
                continue  # "62 Syrian troops killed ... More than 60 Syrian government soldiers were killed": the headline's toll, hedged in the lead
            parties.setdefault(key, []).append(count)
    parts = _sum([_merge(c) for c in parties.values()]) if parties else None
    toll = _merge(tolls) if tolls else None
    if toll and parts and toll["best"] is not None:
        values = [v for c in (toll, parts) for v in (c["best"], c["low"], c["high"]) if v is not None]
        spread = len(set(values)) > 1
        return {"best": toll["best"], "low": min(values) if spread else toll["low"], "high": max(values) if spread else toll["high"],
                "qualifier": toll["qualifier"]}
    return toll or parts


def _retold(count: dict[str, Any], party: str | None, other: tuple[str, ...], counts: list[dict[str, Any]]) -> bool:
    """A figure of the same people (a word of the party shared) within a hedge of one already
    counted in the sentence ("62 Syrian troops" and "more than 60 Syrian government soldiers")
    retells it: a headline run into its lead, not a second toll."""
    words = set((party or "").split())
    if not words or not words & {w for key in other for w in key.split()}:
        return False
    for c in counts:
        a, b = count["best"], c["best"]
        if a is None or b is None or "exact" not in (count["qualifier"], c["qualifier"]) or count["qualifier"] == c["qualifier"]:
            continue
        if abs(a - b) <= max(2, 0.1 * max(a, b)):
            return True
    return False


def _merge(counts: list[dict[str, Any]]) -> dict[str, Any] | None:
    """ACLED's rule for conflicting reports: the most conservative best, low/high spanning all."""
    counts = [c for c in counts if c]
    if not counts:
        return None
    distinct = {(c["best"], c["low"], c["high"], c["qualifier"]) for c in counts}
    if len(distinct) == 1:
        return dict(counts[0])
    with_best = [c for c in counts if c["best"] is not None]
    if not with_best:
        return {"best": None, "low": None, "high": max(c["high"] for c in counts if c["high"] is not None), "qualifier": "up_to"}
    chosen = min(with_best, key=lambda c: c["best"])
    # "hundreds dead" and "346 fighters were killed" agree: an exact figure that respects every
    # floor and ceiling given is the best, not the floor
    floor = max((c["low"] for c in counts if c["qualifier"] in ("at_least", "more_than") and c["low"] is not None), default=None)
    ceiling = min((c["high"] for c in counts if c["qualifier"] == "up_to" and c["high"] is not None), default=None)
    exact = [c for c in counts if c["qualifier"] == "exact" and c["best"] is not None
             and (floor is None or c["best"] >= floor) and (ceiling is None or c["best"] <= ceiling)]
    if exact and floor is not None:
        chosen = min(exact, key=lambda c: c["best"])
    values = [v for c in counts for v in (c["best"], c["low"], c["high"]) if v is not None]
    return {"best": chosen["best"], "low": min(values), "high": max(values), "qualifier": chosen["qualifier"]}


_QUAL_RANK = {"exact": 0, "at_least": 1, "more_than": 1, "up_to": 2, "about": 3}


def _sum(parts: list[dict[str, Any] | None]) -> dict[str, Any] | None:
    parts = [p for p in parts if p]
    if not parts:
        return None
    if len(parts) == 1:
        return dict(parts[0])
    with_best = [p for p in parts if p["best"] is not None]
    if not with_best:
        return {"best": None, "low": None, "high": sum(p["high"] for p in parts if p["high"] is not None), "qualifier": "up_to"}
    best = sum(p["best"] for p in with_best)
    lows = [p["low"] for p in parts]
    highs = [p["high"] for p in parts]
    qualifier = max((p["qualifier"] for p in with_best), key=lambda q: _QUAL_RANK[q])
    if qualifier == "more_than":
        qualifier = "at_least"
    return {
        "best": best,
        "low": sum(lows) if all(v is not None for v in lows) else None,
        "high": sum(highs) if all(v is not None for v in highs) else None,
        "qualifier": qualifier,
    }
