"""Command: watch (continuous intake from drop folders)."""

from __future__ import annotations

import signal
import sys

import click

from ceasefire.cli import main
from ceasefire.cli.common import db_option


@main.command()
@click.argument("folders", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
@db_option
@click.option("--interval", type=click.FloatRange(min=0.1), default=10.0, show_default=True, help="Seconds between looks at the folders.")
@click.option("--settle", type=click.FloatRange(min=0), default=2.0, show_default=True, help="A file is read once unchanged for this many seconds.")
@click.option("--once", is_flag=True, help="One pass, then exit (for cron and tests).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Extraction processes on this machine.")
@click.option("--cluster", metavar="ADDRESS", default=None, help="Extract on Dask: tcp://HOST:8786 or local:N.")
def watch(folders: tuple[str, ...], db_url: str | None, interval: float, settle: float, once: bool, jobs: int, cluster: str | None) -> None:
    """Ingest report files as they appear in FOLDERS (a feed reader's or a scraper's drop folder).

    One line per file: time, outcome (new, known, failed) and file, with the counts or
    the reason. Files are remembered in the store, so a restart does not process them
    again. Stops cleanly on Ctrl-C or SIGTERM, after the file in hand.
    """
    from ceasefire.intake import Watcher
    from ceasefire.store import StoreError, open_store

    try:
        store = open_store(db_url)
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    store.on_retry = lambda line: click.echo(f"warning: {line}", err=True)
    watcher = Watcher(list(folders), store, settle=settle, jobs=jobs, cluster=cluster, log=lambda line: click.echo(line))

    def stop(signum, _frame) -> None:
        click.echo(f"watch: {signal.Signals(signum).name} received; stopping after the current file", err=True)
        watcher.stop()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    if not once:
        click.echo(f"watch: looking at {', '.join(folders)} every {interval:g} s; store {store.where}", err=True)
    try:
        n = watcher.run(interval, once=once)
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        store.close()
    click.echo(f"watch: stopped; {n} file{'s' if n != 1 else ''} processed", err=True)
