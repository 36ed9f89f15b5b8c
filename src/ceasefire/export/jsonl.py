"""Event JSON v1 lines: each consolidated event as its v1 object plus ``id``, ``sources``,
``n_sources``, ``n_reports`` and ``fatalities_range`` (added fields; the v1 ones unchanged)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from ceasefire.store.queries import event_json


def event_line(row: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any]:
    obj = event_json(row, sources)
    obj["n_sources"] = row.get("n_sources") or 0
    obj["n_reports"] = row.get("n_reports") or 0
    obj["fatalities_range"] = {"best": row.get("fatalities_best"), "low": row.get("fatalities_low"), "high": row.get("fatalities_high")}
    return obj


def write_jsonl(events: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]], out: TextIO) -> int:
    n = 0
    for row, sources in events:
        out.write(json.dumps(event_line(row, sources), ensure_ascii=False, default=str) + "\n")
        n += 1
    return n
