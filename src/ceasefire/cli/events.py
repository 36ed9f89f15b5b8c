"""Commands: events (list, filter, export as JSON/CSV); event show / confirm / edit / merge / split."""

from __future__ import annotations


import click

from ceasefire.cli import main
from ceasefire.cli.common import iso_date, db_option, echo_csv, echo_json, echo_table, open_db, store_errors

CSV_COLUMNS = [
    "id", "date_start", "date_end", "event_type", "sub_event_type", "method", "location_name", "admin1",
    "country", "lat", "lon", "fatalities_best", "fatalities_low", "fatalities_high", "n_sources", "n_reports", "actors",
]



@main.command()
@db_option
@click.option("--since", callback=iso_date, help="First day (YYYY-MM-DD).")
@click.option("--until", callback=iso_date, help="Last day (YYYY-MM-DD).")
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
    for r in rows:
        r["review"] = {"confirmed": "✓", "edited": "✎"}.get(r.get("reviewed") or "", "")
    echo_table(rows, ["id", "date", "sub_event_type", "place", "killed", "sources", "review", "actors"],
               ["ID", "DATE", "TYPE", "PLACE", "KILLED", "SOURCES/REPORTS", "REV", "ACTORS"])
    click.echo(f"{len(rows)} events (SOURCES: independent sources; REPORTS: documents)")


def _range(r) -> str | None:
    best, low, high = r["fatalities_best"], r["fatalities_low"], r["fatalities_high"]
    if best is None:
        return None
    if low == high == best or (low is None and high is None):
        return str(best)
    return f"{best} ({low if low is not None else '?'}–{high if high is not None else '?'})"


# -- one event: show and review ----------------------------------------------------------------------


def _who(value: str | None) -> str:
    import getpass
    import os

    return value or os.environ.get("CEASEFIRE_USER") or getpass.getuser()


who_option = click.option("--who", help="Analyst name for the audit log (default: $CEASEFIRE_USER or the login name).")


def _review_call(fn, *args, **kwargs):
    from ceasefire.store.review import ReviewError

    try:
        return fn(*args, **kwargs)
    except ReviewError as exc:
        raise click.ClickException(str(exc)) from exc


@main.group()
def event() -> None:
    """One event: show it with every source, or review it (confirm, edit, merge, split)."""


@event.command("show")
@db_option
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="The event with every source's claim, as JSON.")
@store_errors
def event_show(db_url, event_id, as_json) -> None:
    """Show an event: its figures side by side and every source's claim with its evidence."""
    from ceasefire.store.queries import event_detail

    store = open_db(db_url)
    d = event_detail(store, event_id)
    if d is None:
        raise click.ClickException(f"no event {event_id!r}")
    if as_json:
        echo_json(d)
        return
    if d["status"] != "active":
        to = ", ".join(d["replaced_by"] or []) or "nothing"
        click.echo(f"{event_id} was {d['status']} into {to}" + (f" (now: {', '.join(d['current'])})" if d["current"] and d["current"] != (d["replaced_by"] or []) else ""))
        for h in d["history"]:
            click.echo(f"  {h['at']}  {h['who']}  {h['action']}  {h.get('why') or ''}".rstrip())
        for eid in d["current"]:
            click.echo("")
            _print_event(event_detail(store, eid))
        return
    _print_event(d)


def _print_event(d) -> None:
    r = d["event"]
    p = r["payload"]
    corr = d["corroboration"]
    place = ", ".join(x for x in (r["location_name"], r["admin1"], r["country"]) if x) or "place unknown"
    date_s = r["date_start"].isoformat() if r["date_start"] else "date unknown"
    if r["date_end"] and r["date_end"] != r["date_start"]:
        date_s += f" to {r['date_end'].isoformat()}"
    click.echo(f"{r['id']}  {r['event_type']} / {r['sub_event_type']}" + ("  [AGGREGATE: a tally, not an incident]" if r["is_aggregate"] else ""))
    click.echo(f"  when:   {date_s} ({r['date_precision'] or '?'})")
    click.echo(f"  where:  {place} ({r['location_precision'] or '?'})")
    killed = _range(r)
    click.echo(f"  killed: {killed + '  (best, low-high across sources)' if killed else 'not reported'}")
    actors = "; ".join(f"{a['name']} ({a['role']})" for a in p.get("actors") or [])
    click.echo(f"  actors: {actors or 'none named'}")
    srcs = ", ".join(f"{s['name']} [{s.get('affiliation') or 'unknown'}]" for s in corr.get("sources") or [])
    click.echo(f"  sources: {r['n_sources']} independent ({srcs}) in {r['n_reports']} reports")
    if corr.get("outlet_affiliations"):
        click.echo("  outlets: " + ", ".join(f"{o['name']} [{o.get('affiliation') or 'unknown'}]" for o in corr.get("outlets") or []))
    if r.get("reviewed"):
        click.echo(f"  reviewed: {r['reviewed']}")
    click.echo("")
    click.echo("Figures, side by side:")
    rows = []
    for f in d["figures"]:
        tot = (f.get("fatalities") or {}).get("total") or {}
        att = f.get("attribution") or {}
        rows.append({
            "source": f["source"], "published": f.get("published"), "claim": f["claim_id"],
            "killed": _fig(tot), "injured": _fig((f.get("injured") or {}).get("total") or {}),
            "citing": ", ".join(att.get("sources") or []) or "-", "certainty": att.get("certainty"),
        })
    echo_table(rows, ["source", "published", "claim", "killed", "injured", "citing", "certainty"],
               ["SOURCE", "PUBLISHED", "CLAIM", "KILLED", "INJURED", "CITING", "CERTAINTY"])
    click.echo("")
    click.echo("Sources:")
    for c in d["claims"]:
        info = c.get("outlet_info") or {}
        aff = info.get("affiliation") or "not in the outlet registry"
        click.echo(f"- claim {c['claim_id']}: {c.get('outlet') or 'unknown outlet'} [{aff}]"
                   + (f" with {c['agency']}" if c.get("agency") and c["agency"] != c.get("outlet") else "") + f", {c.get('published') or 'undated'}")
        click.echo(f"  document {c['document_id'][:16]}  {c.get('title') or ''}".rstrip())
        if c.get("url"):
            click.echo(f"  {c['url']}")
        loc = (c.get("location") or {}).get("name")
        d_ = (c.get("date") or {}).get("start")
        click.echo(f"  says: {c.get('sub_event_type')}, {d_ or 'no date'}, {loc or 'no place'}, killed {_fig(((c.get('fatalities') or {}).get('total')) or {}) or '-'}")
        for span in c.get("evidence") or []:
            click.echo(f"    \u201c{' '.join(span['text'].split())}\u201d")
    if d["history"]:
        click.echo("")
        click.echo("Review history:")
        for h in d["history"]:
            click.echo(f"  {h['at']}  {h['who']}  {h['action']}  {h.get('why') or ''}".rstrip())


def _fig(f) -> str:
    if not f:
        return ""
    q = {"at_least": "at least ", "more_than": "more than ", "about": "about ", "up_to": "up to "}.get(f.get("qualifier") or "", "")
    if f.get("best") is not None:
        return f"{q}{f['best']}"
    if f.get("high") is not None:
        return f"up to {f['high']}"
    return ""


@event.command("confirm")
@db_option
@click.argument("event_id")
@who_option
@click.option("--why", help="Why (kept in the audit log).")
@store_errors
def event_confirm(db_url, event_id, who, why) -> None:
    """Mark an event as checked."""
    from ceasefire.store import review

    r = _review_call(review.confirm, open_db(db_url), event_id, who=_who(who), why=why)
    click.echo(f"{r['event_id']} confirmed (audit #{r['audit_id']})")


@event.command("edit")
@db_option
@click.argument("event_id")
@click.option("--type", "type_", help="Sub-event type, e.g. 'Shelling/artillery/missile attack' (the event type follows).")
@click.option("--date", "date_", help="YYYY-MM-DD or START/END.")
@click.option("--place", help="Place name.")
@click.option("--admin1", help="Governorate of the place.")
@click.option("--country", help="ISO country code of the place.")
@click.option("--lat", type=float)
@click.option("--lon", type=float)
@click.option("--killed", help="Fatalities: BEST, or BEST:LOW-HIGH (e.g. 6:5-8).")
@click.option("--actor", "actors", multiple=True, help="NAME:ROLE (repeat); replaces the actors.")
@who_option
@click.option("--why", required=True, help="Why (kept in the audit log).")
@store_errors
def event_edit(db_url, event_id, type_, date_, place, admin1, country, lat, lon, killed, actors, who, why) -> None:
    """Correct an event's type, date, place, fatalities or actors (kept across reprocessing)."""
    from ceasefire.store import review

    changes: dict = {}
    if type_:
        changes["type"] = type_
    if date_:
        changes["date"] = date_
    if place:
        changes["location"] = {"name": place, "admin1": admin1, "country": country, "lat": lat, "lon": lon}
    if killed:
        best, _, rng = killed.partition(":")
        low, _, high = rng.partition("-")
        changes["fatalities"] = {"best": best or None, "low": low or None, "high": high or None}
    if actors:
        changes["actors"] = list(actors)
    if not changes:
        raise click.UsageError("nothing to change: give --type, --date, --place, --killed or --actor")
    r = _review_call(review.edit, open_db(db_url), event_id, changes, who=_who(who), why=why)
    click.echo(f"{r['event_id']} edited: {', '.join(r['changes'])} (audit #{r['audit_id']})")


@event.command("merge")
@db_option
@click.argument("event_ids", nargs=-1, required=True)
@who_option
@click.option("--why", required=True, help="Why (kept in the audit log).")
@store_errors
def event_merge(db_url, event_ids, who, why) -> None:
    """Merge events that are one incident; the old ids point to the new one."""
    from ceasefire.store import review

    r = _review_call(review.merge, open_db(db_url), list(event_ids), who=_who(who), why=why)
    click.echo(f"merged {', '.join(r['replaced'])} into {r['event_id']} (audit #{r['audit_id']})")


@event.command("split")
@db_option
@click.argument("event_id")
@click.option("--claims", "groups", multiple=True, required=True, help="Claim ids of one new event, comma-separated (repeat); unlisted claims form another.")
@who_option
@click.option("--why", required=True, help="Why (kept in the audit log).")
@store_errors
def event_split(db_url, event_id, groups, who, why) -> None:
    """Split an event told by reports of different incidents."""
    from ceasefire.store import review

    try:
        parts = [[int(x) for x in g.replace(" ", "").split(",") if x] for g in groups]
    except ValueError:
        raise click.BadParameter("claim ids are whole numbers, comma-separated", param_hint="--claims") from None
    r = _review_call(review.split, open_db(db_url), event_id, parts, who=_who(who), why=why)
    click.echo(f"split {event_id} into {', '.join(r['event_ids'])} (audit #{r['audit_id']})")
