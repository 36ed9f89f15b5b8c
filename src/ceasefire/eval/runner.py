"""Running the extractor over a gold set (in a process pool) and printing per-field scores."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import click

from ceasefire.documents import Document

VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")


def _warm() -> None:
    from ceasefire.extract.sentences import extraction_pipeline

    extraction_pipeline()


def _extract(doc: Document) -> dict[str, Any]:
    """The line for ``doc``; a failure is scored as a line without events (and named in ``error``)."""
    from ceasefire.extract import extract_document, output_line

    try:
        return extract_document(doc)
    except Exception as exc:  # noqa: BLE001 - one failing record must not stop an evaluation
        line = output_line(doc, [])
        line["error"] = f"{type(exc).__name__}: {exc}"
        return line


def extract_all(docs: Sequence[Document], jobs: int = 1) -> list[dict[str, Any]]:
    """Event JSON v1 lines for ``docs``, in order, on ``jobs`` processes."""
    if jobs <= 1 or len(docs) < 8:
        return [_extract(d) for d in docs]
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_warm) as pool:
        return list(pool.map(_extract, docs, chunksize=max(1, len(docs) // (jobs * 8))))


def main_event(line: dict[str, Any], violent_only: bool = True) -> dict[str, Any] | None:
    """The report's main event: ``events[0]``, or the first violent one when asked."""
    events = line.get("events") or []
    if violent_only:
        for ev in events:
            if ev["event_type"] in VIOLENT_TYPES:
                return ev
        return None
    return events[0] if events else None


@dataclass
class FieldScore:
    """Accuracy of one field: correct / scored, with its goal."""

    name: str
    goal: float | None = None
    correct: int = 0
    scored: int = 0
    misses: list[tuple[str, Any, Any]] = field(default_factory=list)

    def add(self, ok: bool, key: str = "", gold: Any = None, ours: Any = None) -> None:
        self.scored += 1
        self.correct += bool(ok)
        if not ok:
            self.misses.append((key, gold, ours))

    @property
    def value(self) -> float:
        return self.correct / self.scored if self.scored else 0.0


def print_scores(title: str, scores: Iterable[FieldScore], notes: Iterable[str] = ()) -> None:
    """One line per field: value, counts, goal and whether it is met."""
    click.echo(title)
    for n in notes:
        click.echo(f"  note: {n}")
    for s in scores:
        goal = f"goal >= {s.goal:.2f}  {'met' if s.value >= s.goal else 'NOT met'}" if s.goal is not None else ""
        click.echo(f"  {s.name:<34} {s.value:6.3f}  ({s.correct}/{s.scored})  {goal}".rstrip())


def print_misses(scores: Iterable[FieldScore], n: int) -> None:
    for s in scores:
        if not s.misses or n <= 0:
            continue
        click.echo(f"  misses of {s.name} (first {min(n, len(s.misses))}): key, gold, ours")
        for key, gold, ours in s.misses[:n]:
            click.echo(f"    {key}\t{gold!r}\t{ours!r}")


def common_options(f: Callable) -> Callable:
    """--data DIR, --limit N, --jobs N, --misses N."""
    f = click.option("--misses", type=int, default=0, help="Print the first N misses of each field.")(f)
    f = click.option("--jobs", type=int, default=2, show_default=True, help="Processes for extraction.")(f)
    f = click.option("--limit", type=int, default=None, help="Score only the first N records (after the fixed sampling).")(f)
    f = click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None, help="The gold data folder (default ../shared/data).")(f)
    return f
