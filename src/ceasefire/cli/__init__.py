"""The ``ceasefire`` command. Each module of this package adds its commands to ``main``."""

from __future__ import annotations

import importlib
import sys

import click

from ceasefire import __version__
from ceasefire.store import StoreError

# One module per group of commands, in the order of the flow.
COMMAND_MODULES = [
    "ingest",  # ingest, extract, schema
    "geo",  # geoparse, gazetteer
    "events",  # events, event show / review
    "consolidate",
    "monitor",  # truces, truce, violations, access
    "evaluate",  # eval
    "serve",  # serve, token
    "outputs",  # report, export
    "watch",
]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="ceasefire")
def main() -> None:
    """ceasefire: a ceasefire and conflict monitor.

    Turns reports (articles, bulletins, press releases, feeds) into a mapped,
    source-attributed record of events, truces, violations and humanitarian access.
    The store is --db URL, else $CEASEFIRE_DB, else a SQLite file in ~/.local/share/ceasefire.
    """


for _name in COMMAND_MODULES:
    importlib.import_module(f"ceasefire.cli.{_name}")


def run() -> None:
    try:
        main.main(standalone_mode=True)
    except StoreError as exc:
        click.echo(f"ceasefire: error: {exc}", err=True)
        sys.exit(2)


__all__ = ["main", "run"]
