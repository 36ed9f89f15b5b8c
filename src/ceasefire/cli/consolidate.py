"""Commands: consolidate (claims from many reports -> one event per incident)."""

from __future__ import annotations

import time

import click

from ceasefire.cli import main
from ceasefire.cli.common import db_option, open_db, store_errors


@main.command()
@db_option
@click.option("--rebuild", is_flag=True, help="Regroup every stored claim from scratch (ids kept where the grouping is unchanged).")
@store_errors
def consolidate(db_url, rebuild) -> None:
    """Consolidate claims into events (ingest does this already; --rebuild redoes it all).

    Analysts' merges, splits, edits and confirmations are re-applied afterwards.
    """
    from ceasefire import analyse
    from ceasefire import consolidate as cons
    from ceasefire.store.queries import EventFilter, count_events

    store = open_db(db_url)
    t0 = time.perf_counter()
    n = cons.rebuild(store) if rebuild else cons.update(store)
    if hasattr(analyse, "update"):
        analyse.update(store)  # violations and access follow the events
    events = count_events(store, EventFilter())
    aggregates = count_events(store, EventFilter(include_aggregates=True)) - events
    click.echo(f"{n} claims consolidated in {time.perf_counter() - t0:.1f} s: {events} events, {aggregates} aggregates")
