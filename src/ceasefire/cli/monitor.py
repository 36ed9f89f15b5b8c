"""Commands: truces, truce show / declare / withdraw, violations, access."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import click

from ceasefire.cli import main
from ceasefire.cli.common import iso_date, db_option, echo_json, echo_table, open_db, store_errors



def _window(tr: dict) -> str:
    start = tr.get("valid_from") or "?"
    end = tr.get("valid_until") or ("open" if tr.get("windows") else "?")
    return f"{start} → {end}" if tr.get("windows") else "not started"


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="A JSON array of truces.")
@store_errors
def truces(db_url: str | None, as_json: bool) -> None:
    """List truces: status, zone, current window and counts of violations."""
    from ceasefire.analyse import views

    store = open_db(db_url)
    rows = views.list_truces(store)
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        r["zone_text"] = "; ".join(r["zone_labels"]) or "-"
        r["window"] = _window(r)
        r["counts"] = f"{r['violations']} / {r['out_of_scope']}"
    echo_table(rows, ["id", "status", "origin", "window", "zone_text", "counts"],
               ["TRUCE", "STATUS", "ORIGIN", "WINDOW", "ZONE", "VIOL/OUT"], max_width=60)
    click.echo(f"{len(rows)} truces (as of the newest report in the store)")


@main.group()
def truce() -> None:
    """One truce: show it, declare one from a YAML file, or withdraw a declared one."""


@truce.command("show")
@click.argument("name")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The truce as JSON (lifecycle, windows, zone, violations).")
@store_errors
def truce_show(name: str, db_url: str | None, as_json: bool) -> None:
    """Show the truce NAME (id, name, alias or a word of its name): lifecycle, windows, zone, verdicts."""
    from ceasefire.analyse import views

    store = open_db(db_url)
    tr = views.truce_detail(store, name)
    if tr is None:
        raise click.ClickException(f"no truce named {name!r} (see `ceasefire truces`)")
    if as_json:
        echo_json(tr)
        return
    line = click.echo
    line(f"{tr['name']}  [{tr['id']}]")
    line(f"  kind: {tr['kind']}   status: {tr['status']} (as of {tr['as_of']})   origin: {tr['origin']}"
         + (f" by {tr['declared_by']}" if tr.get("declared_by") else ""))
    if tr["aliases"]:
        line(f"  also called: {', '.join(tr['aliases'])}")
    line(f"  parties: {', '.join(tr['parties']) or 'not named'}" + (" (closed list)" if tr["parties_closed"] else " (as named by reports)"))
    line(f"  brokers: {', '.join(tr['brokers']) or 'not named'}")
    line(f"  excluded: {', '.join(tr['excluded']) or 'none named'}")
    line("  zone:")
    for z in tr["zone_labels"] or ["(none reported)"]:
        line(f"    - {z}")
    if tr["pending"]:
        line("  not in the zone, under talks or proposed:")
        for p in tr["pending"]:
            line(f"    - {p['label']} ({p['status']} since {p['date']})")
    line("  windows:")
    for w in tr["windows"] or []:
        line(f"    - {w['valid_from'] or '?'} → {w['valid_until'] or 'open (no end reported)'}: {'; '.join(w['zone_labels'])}")
    if not tr["windows"]:
        line("    (none: the truce has not started)")
    if tr.get("reference"):
        line(f"  reference: {tr['reference'].get('source')}")
    line("  lifecycle:")
    for c in tr["changes"]:
        detail = c["detail"] or {}
        extra = []
        if detail.get("window", {}).get("until"):
            extra.append(f"until {detail['window']['until']}")
        if detail.get("pending_zone"):
            extra.append("for " + ", ".join(detail["pending_zone"]))
        if detail.get("added_zone"):
            extra.append("adds " + ", ".join(detail["added_zone"]))
        if detail.get("derived"):
            extra.append(detail["derived"])
        if detail.get("declared"):
            extra.append("declared")
        when = (c["date"] or "?")[:7] if detail.get("date_precision") == "month" else (c["date"] or "?")
        line(f"    {when:10}  {c['status']:<12} {'; '.join(extra)}")
        if c["evidence"]:
            line(f"                {_cut(c['evidence'], 110)}")
    _verdicts("possible violations", tr["violations"])
    _verdicts("outside the truce's scope (excluded groups)", tr["out_of_scope_events"])
    _verdicts("by actors not party to the truce", tr["not_party_events"])


def _cut(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _verdicts(title: str, rows: list[dict]) -> None:
    click.echo(f"  {title}: {len(rows)}")
    for v in rows:
        click.echo(f"    {v['date']}  {v['sub_event_type']} at {v['place'] or '?'} [{v['certainty']}]  {v['event_id']}")
        click.echo(f"                {_cut(v['explanation'].get('text', ''), 150)}")


@truce.command("declare")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@db_option
@click.option("--who", default=None, help="Who declares (recorded in the audit log). Default: the user name.")
@click.option("--why", default=None, help="A reason, recorded in the audit log.")
@store_errors
def truce_declare(file: str, db_url: str | None, who: str | None, why: str | None) -> None:
    """Declare truces from a YAML FILE (format: docs/truces.md); - reads standard input.

    A truce with the id (or name) of one already declared replaces it; every declaration is audited.
    """
    from ceasefire.analyse.truces import declare, load_declarations

    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"{file}: cannot read ({exc.strerror})")
    except UnicodeDecodeError:
        raise click.ClickException(f"{file}: not UTF-8 text")
    try:
        specs = load_declarations(text, file)
    except ValueError as exc:
        raise click.ClickException(str(exc))
    store = open_db(db_url)
    who = who or _user()
    for spec in specs:
        try:
            result = declare(store, spec, who, why)
        except ValueError as exc:
            raise click.ClickException(f"{file}: {exc}")
        click.echo(f"{'declared' if result['created'] else 're-declared'} {result['id']}: {result['name']}")


@truce.command("withdraw")
@click.argument("truce_id")
@db_option
@click.option("--who", default=None, help="Who withdraws it (audit log).")
@click.option("--why", default=None, help="A reason (audit log).")
@store_errors
def truce_withdraw(truce_id: str, db_url: str | None, who: str | None, why: str | None) -> None:
    """Remove the declared truce TRUCE_ID (reported truces come from their reports and stay)."""
    from ceasefire.analyse.truces import withdraw

    store = open_db(db_url)
    if not withdraw(store, truce_id, who or _user(), why):
        raise click.ClickException(f"no declared truce {truce_id!r}")
    click.echo(f"withdrew {truce_id}")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


@main.command()
@db_option
@click.option("--truce", "truce_name", default=None, help="Only this truce (id, name or alias).")
@click.option("--since", callback=iso_date, help="First day (YYYY-MM-DD).")
@click.option("--until", callback=iso_date, help="Last day (YYYY-MM-DD).")
@click.option("--all", "show_all", is_flag=True, help="Also events outside a truce's scope and by non-parties.")
@click.option("--tally", type=click.Choice(["day", "area"]), default=None, help="Counts per day or per area instead of a list.")
@click.option("--json", "as_json", is_flag=True, help="JSON: the verdicts (or the tallies) with their explanations.")
@store_errors
def violations(db_url, truce_name, since, until, show_all, tally, as_json) -> None:
    """Possible violations of truces: violent events inside a truce's zone during a window.

    Events by or against groups a truce excludes are listed apart, as outside its scope.
    """
    from ceasefire.analyse import views

    store = open_db(db_url)
    if truce_name:
        with store.connect() as conn:
            if views.find_truce_id(conn, truce_name) is None:
                raise click.ClickException(f"no truce named {truce_name!r} (see `ceasefire truces`)")
    if tally:
        rows = views.violation_tallies(store, truce=truce_name, since=since, until=until, by=tally)
        if as_json:
            echo_json(rows)
            return
        cols = ["truce_id", tally, *views.TALLY_COLUMNS]
        echo_table(rows, cols, ["TRUCE", tally.upper(), "VIOL", "AIR", "SHELL", "EXPL", "SMALL ARMS", "OTHER", "KILLED", "INJURED"])
        return
    rows = views.list_violations(store, truce=truce_name, since=since, until=until)
    if not show_all:
        shown = [r for r in rows if r["verdict"] in ("violation", "out_of_scope")]
    else:
        shown = rows
    if as_json:
        echo_json(shown)
        return
    for title, verdict in (("Possible violations", "violation"), ("Outside the truce's scope (excluded groups)", "out_of_scope"),
                           ("By actors not party to the truce", "not_party")):
        part = [r for r in shown if r["verdict"] == verdict]
        if verdict != "violation" and not part:
            continue
        click.echo(f"{title}: {len(part)}")
        for r in part:
            r["what"] = r["sub_event_type"]
            r["who"] = ", ".join(r["perpetrators"]) or "unnamed"
            r["killed"] = r["fatalities_best"]
        if part:
            echo_table(part, ["date", "truce_id", "what", "place", "who", "certainty", "zone_rule", "killed", "event_id"],
                       ["DATE", "TRUCE", "EVENT", "PLACE", "BY", "CERTAINTY", "ZONE RULE", "KILLED", "EVENT ID"], max_width=40)
        click.echo("")


@main.command()
@click.argument("place", required=False)
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON: per place, status, besiegers, since and timeline.")
@store_errors
def access(place: str | None, db_url: str | None, as_json: bool) -> None:
    """Humanitarian access per place: sieges, aid deliveries, evacuations, denials.

    With PLACE (a part of its name is enough), that place's timeline.
    """
    from ceasefire.analyse import views

    store = open_db(db_url)
    rows = views.access_status(store, place)
    if as_json:
        echo_json(rows)
        return
    if place and not rows:
        raise click.ClickException(f"no access records for {place!r} (see `ceasefire access`)")
    for r in rows:
        click.echo(r["summary"])
        if place and r.get("linked"):
            link = r["linked"]
            others = ", ".join(f"{o['place']} (last aid {o['last_delivery'] or 'none known'})" for o in link["places"])
            click.echo(f"    {link['agreement']}: {others}{'; in step' if link['in_step'] else ''}")
        if place:
            for ev in r["timeline"]:
                who = ", ".join(a["name"] for a in ev["actors"]) or ""
                orgs = "/".join(ev["organizations"])
                bits = [x for x in (ev["status"], orgs, f"{ev['trucks']} trucks" if ev["trucks"] else "", ", ".join(ev["items"] or []), who) if x]
                click.echo(f"    {ev['date'] or '?':10}  {ev['kind']:<13} {'; '.join(bits)}")
                if ev["evidence"]:
                    click.echo(f"                {_cut(ev['evidence'], 120)}")
    if not place:
        click.echo(f"{len(rows)} places")
