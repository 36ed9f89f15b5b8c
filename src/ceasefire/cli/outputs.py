"""Commands: report (the daily situation report), export (ACLED CSV, GeoJSON, JSON Lines, GED CSV)."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

import click

from ceasefire.cli import main
from ceasefire.cli.common import iso_date, db_option, open_db, store_errors



@contextlib.contextmanager
def _output(out: str | None, binary: bool = False):
    """Standard output, or FILE written whole: a temporary file renamed at the end, so a
    failed run never leaves half a file behind."""
    if out in (None, "-"):
        yield sys.stdout.buffer if binary else sys.stdout
        return
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            yield fh
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; the file is an ordinary output
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@main.command()
@click.option("--format", "fmt", type=click.Choice(["acled-csv", "geojson", "jsonl", "ged-csv"]), required=True,
              help="acled-csv: ACLED's columns; geojson: FeatureCollection for QGIS/geopandas; "
                   "jsonl: Event JSON v1 lines; ged-csv: UCDP GED-like with best/low/high.")
@click.option("--out", "-o", metavar="FILE", help="Write to FILE (default: standard output).")
@db_option
@click.option("--since", callback=iso_date, help="First day (YYYY-MM-DD).")
@click.option("--until", callback=iso_date, help="Last day (YYYY-MM-DD).")
@click.option("--place", help="Place, district or governorate name (substring).")
@click.option("--type", "type_", help="Event type or sub-event type, e.g. 'Air/drone strike'.")
@click.option("--actor", help="Actor name (substring).")
@click.option("--bbox", metavar="W,S,E,N", help="Bounding box in degrees: west,south,east,north.")
@store_errors
def export(fmt, out, db_url, since, until, place, type_, actor, bbox) -> None:
    """Export consolidated events (oldest first; aggregate tallies left out).

    Ends with one line on standard error: how many events were written and where.
    """
    from ceasefire.export import write_export
    from ceasefire.store.queries import EventFilter

    box = None
    if bbox:
        try:
            box = tuple(float(x) for x in bbox.split(","))
        except ValueError:
            raise click.BadParameter(f"{bbox!r}: expected four numbers west,south,east,north", param_hint="--bbox") from None
        if len(box) != 4 or box[0] > box[2] or box[1] > box[3]:
            raise click.BadParameter(f"{bbox!r}: expected west,south,east,north with west <= east, south <= north", param_hint="--bbox")
    store = open_db(db_url)
    f = EventFilter(since=since, until=until, place=place, type=type_, actor=actor, bbox=box)
    with _output(out) as fh:
        n = write_export(store, fmt, fh, f)
    click.echo(f"{n} events written to {out or 'standard output'} ({fmt})", err=True)


@main.command()
@click.option("--date", "day", callback=iso_date, required=True, help="The day reported on (YYYY-MM-DD).")
@click.option("--area", metavar="NAME", help="Only this governorate, district or place (e.g. Aleppo).")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf"]), default="html", show_default=True)
@click.option("--out", "-o", metavar="FILE", help="Write to FILE (default: standard output for HTML; PDF needs --out or a pipe).")
@click.option("--days", type=click.IntRange(1, 366), default=7, show_default=True, help="Days covered by the chart, ending on --date.")
@db_option
@store_errors
def report(day, area, fmt, out, days, db_url) -> None:
    """Write the daily situation report for --date: summary, new events by area, violations
    per truce, casualties with ranges and sources, access, a map and a chart.

    HTML is one self-contained file (images inline); PDF is rendered with WeasyPrint.
    """
    from ceasefire.report import build_report, render_html, render_pdf

    if fmt == "pdf" and out in (None, "-") and sys.stdout.isatty():
        raise click.UsageError("a PDF on the terminal is unreadable: give --out FILE or pipe it")
    store = open_db(db_url)
    data = build_report(store, day, area=area, chart_days=days)
    if fmt == "html":
        with _output(out) as fh:
            fh.write(render_html(data))
    else:
        with _output(out, binary=True) as fh:
            fh.write(render_pdf(data))
    click.echo(
        f"report for {day.isoformat()}{' (' + area + ')' if area else ''}: {data['counts']['events']} new events, "
        f"{data['counts']['violations']} violations; written to {out or 'standard output'} ({fmt})",
        err=True,
    )
