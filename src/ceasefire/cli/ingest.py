"""Commands: ingest, extract, schema."""

from __future__ import annotations

import json
import signal
import sys

import click

from ceasefire.cli import main
from ceasefire.cli.common import db_option, store_errors


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Extraction processes on this machine.")
@click.option(
    "--cluster",
    metavar="ADDRESS",
    default=None,
    help="Extract on Dask: a scheduler (tcp://HOST:8786) or local:N (N worker processes here).",
)
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True, help="Documents per transaction.")
@click.option("--quiet", "-q", is_flag=True, help="Only the summary line and errors.")
@store_errors
def ingest(paths: tuple[str, ...], db_url: str | None, jobs: int, cluster: str | None, batch_size: int, quiet: bool) -> None:
    """Read reports (text, HTML, JSON Lines, RSS/Atom, folders; - for JSON Lines on stdin),
    extract their events, store them, and bring events, truces and access up to date.

    Each batch of documents is stored whole or not at all, so an interrupted run is
    resumed by running it again. Ends with one line: new, already known, failed.
    Exit code 1 if anything failed, 2 if the store could not be written.
    """
    from ceasefire.cluster import ClusterError
    from ceasefire.pipeline import ingest as run_ingest
    from ceasefire.store import StoreError, open_store

    def on_error(message: str) -> None:
        click.echo(f"error: {message}", err=True)

    def terminate(signum, _frame) -> None:  # a scheduler's stop: unwind like Ctrl-C
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    try:
        store = open_store(db_url)
        store.on_retry = lambda line: click.echo(f"warning: {line}", err=True)
        summary = run_ingest(paths, store, jobs=jobs, cluster=cluster, batch_size=batch_size, on_error=on_error)
    except ClusterError as exc:
        raise click.ClickException(str(exc)) from exc
    except KeyboardInterrupt:
        click.echo("interrupted: every batch stored so far is whole; run the same command again to resume", err=True)
        sys.exit(130)
    except StoreError as exc:
        done = getattr(exc, "summary", None)
        click.echo(f"error: {exc}", err=True)
        if done is not None:
            click.echo(f"{done.line()} (stopped early)")
        sys.exit(2)
    click.echo(summary.line())
    sys.exit(1 if summary.failed else 0)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--no-validate", is_flag=True, help="Skip the schema check of each line.")
def extract(paths: tuple[str, ...], no_validate: bool) -> None:
    """Write Event JSON v1, one line per document, for FILE... (default -: JSON Lines on stdin).

    Touches no store. Each line is checked against `ceasefire schema`.
    """
    from ceasefire.extract import extract_document, validate
    from ceasefire.sources import SourceError, read_paths

    failed = 0
    for item in read_paths(paths or ("-",)):
        if isinstance(item, SourceError):
            click.echo(f"error: {item}", err=True)
            failed += 1
            continue
        line = extract_document(item)
        if not no_validate:
            validate(line)
        click.echo(json.dumps(line, ensure_ascii=False))
    sys.exit(1 if failed else 0)


@main.command()
def schema() -> None:
    """Print the JSON Schema of Event JSON v1."""
    from ceasefire.extract import schema as event_schema

    click.echo(json.dumps(event_schema(), indent=1))
