"""Commands: events (list, filter, export as JSON/CSV)."""

from __future__ import annotations

from datetime import date

import click

from ceasefire.cli import main
from ceasefire.cli.common import db_option, echo_csv, echo_json, echo_table, open_db, store_errors

CSV_COLUMNS = [
    "id", "date_start", "date_end", "event_type", "sub_event_type", "method", "location_name", "admin1",
    "country", "lat", "lon", "fatalities_best", "fatalities_low", "fatalities_high", "n_sources", "n_reports", "actors",
]


def _date(_ctx, _param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)")


@main.command()
@db_option
@click.option("--since", callback=_date, help="First day (YYYY-MM-DD).")
@click.option("--until", callback=_date, help="Last day (YYYY-MM-DD).")
@click.option("--place", help="Place, district or governorate name (substring).")
@click.option("--type", "type_", help="Event type or sub-event type, e.g. 'Air/drone strike'.")
@click.option("--actor", help="Actor name (substring).")
@click.option("--aggregates", is_flag=True, help="Include aggregate claims (tallies over days or areas).")
@click.option("--limit", type=int, default=None)
@click.option("--json", "as_json", is_flag=True, help="A JSON array of Event JSON v1 objects with id and sources.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV, one row per event.")
@store_errors
def events(db_url, since, until, place, type_, actor, aggregates, limit, as_json, as_csv) -> None:
    """List consolidated events, newest first."""
    from ceasefire.store.queries import EventFilter, event_json, event_sources, list_events

    store = open_db(db_url)
    f = EventFilter(since=since, until=until, place=place, type=type_, actor=actor, include_aggregates=aggregates, limit=limit)
    rows = list_events(store, f)
    sources = event_sources(store, [r["id"] for r in rows])
    if as_json:
        echo_json([event_json(r, sources[r["id"]]) for r in rows])
        return
    for r in rows:
        r["actors"] = "; ".join(f"{a['name']} ({a['role']})" for a in (r["payload"].get("actors") or []))
        r["place"] = ", ".join(x for x in (r["location_name"], r["admin1"]) if x) or None
        r["date"] = r["date_start"].isoformat() if r["date_start"] else None
        r["killed"] = _range(r)
        r["sources"] = f"{r['n_sources']}/{r['n_reports']}"
    if as_csv:
        echo_csv(rows, CSV_COLUMNS)
        return
    echo_table(rows, ["id", "date", "sub_event_type", "place", "killed", "sources", "actors"],
               ["ID", "DATE", "TYPE", "PLACE", "KILLED", "SRC/REP", "ACTORS"])
    click.echo(f"{len(rows)} events")


def _range(r) -> str | None:
    best, low, high = r["fatalities_best"], r["fatalities_low"], r["fatalities_high"]
    if best is None:
        return None
    if low == high == best or (low is None and high is None):
        return str(best)
    return f"{best} ({low if low is not None else '?'}–{high if high is not None else '?'})"
