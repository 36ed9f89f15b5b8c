"""Options and output helpers shared by the commands."""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

import click

from ceasefire.store import Store, StoreError, open_store


def iso_date(_ctx, _param, value: str | None) -> date | None:
    """Click callback: an option's YYYY-MM-DD value as a date (None when absent)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def db_option(f):
    """--db URL: the store (else $CEASEFIRE_DB, else the default SQLite file)."""
    return click.option(
        "--db",
        "db_url",
        metavar="URL",
        default=None,
        help="Store URL (sqlite:///file or postgresql://...). Default: $CEASEFIRE_DB or ~/.local/share/ceasefire/ceasefire.sqlite.",
    )(f)


def open_db(db_url: str | None) -> Store:
    """Open the store or stop with one clear line."""
    try:
        return open_store(db_url)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def store_errors(f):
    """Turn a StoreError raised by the command into a one-line error."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def echo_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=1, default=str))


def echo_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    w = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in columns})


def echo_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], headers: Sequence[str] | None = None, max_width: int = 48) -> None:
    """A plain-text table, each cell cut at ``max_width`` characters."""
    headers = list(headers or columns)

    def cell(v: Any) -> str:
        s = "" if v is None else str(v)
        s = s.replace("\n", " ")
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    body = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(h)] + [len(b[i]) for b in body]) for i, h in enumerate(headers)]
    click.echo("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for b in body:
        click.echo("  ".join(v.ljust(w) for v, w in zip(b, widths)).rstrip())
