"""Commands: serve (the HTTP API and the dashboard), token (API tokens for writes)."""

from __future__ import annotations

import click

from ceasefire.cli import main
from ceasefire.cli.common import db_option, echo_table, open_db, store_errors

DEFAULT_PORT = 8000


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (0.0.0.0 for a team server).")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True)
@db_option
@click.option("--cors", "cors", multiple=True, metavar="ORIGIN",
              help="Allow browsers on ORIGIN (e.g. https://desk.example.org, or *) to call the API; repeatable. Off by default.")
@store_errors
def serve(host: str, port: int, db_url: str | None, cors: tuple[str, ...]) -> None:
    """Serve the HTTP API (/api, docs at /api/docs) and the dashboard (/) in one process.

    Reads are open; writes need a token from `ceasefire token create NAME`.
    """
    import uvicorn

    from ceasefire.api import create_app

    app = create_app(open_db(db_url).url, cors_origins=list(cors) or None)
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    click.echo(f"ceasefire: dashboard at http://{shown}:{port}/  API at http://{shown}:{port}/api  (docs /api/docs)")
    click.echo(f"store: {_safe_url(app.state.store.url)}")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _safe_url(url: str) -> str:
    """The store URL without a password."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, where = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}@{where}"
    return url


@main.group()
def token() -> None:
    """API tokens: every write through the API (ingest, review, truce declaration) needs one."""


@token.command("create")
@click.argument("name")
@db_option
@store_errors
def token_create(name: str, db_url: str | None) -> None:
    """Create a token for NAME (a person or a system) and print it, once: only its hash is kept."""
    from ceasefire.api.tokens import TokenError, create_token

    try:
        secret = create_token(open_db(db_url), name)
    except TokenError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(secret)
    click.echo(f"token for {name!r} created; it is shown only now: store it safely. Use it as: Authorization: Bearer TOKEN", err=True)


@token.command("list")
@db_option
@store_errors
def token_list(db_url: str | None) -> None:
    """List tokens (id, name, created, revoked); never the tokens themselves."""
    from ceasefire.api.tokens import list_tokens

    rows = list_tokens(open_db(db_url))
    for r in rows:
        r["created_at"] = r["created_at"].strftime("%Y-%m-%d %H:%M") if r["created_at"] else None
        r["revoked_at"] = r["revoked_at"].strftime("%Y-%m-%d %H:%M") if r["revoked_at"] else "live"
    echo_table(rows, ["id", "name", "created_at", "revoked_at"], ["ID", "NAME", "CREATED (UTC)", "REVOKED"])


@token.command("revoke")
@click.argument("name_or_id")
@db_option
@store_errors
def token_revoke(name_or_id: str, db_url: str | None) -> None:
    """Revoke the live token named NAME (or numbered ID); writes with it answer 401 at once."""
    from ceasefire.api.tokens import TokenError, revoke_token

    try:
        n = revoke_token(open_db(db_url), name_or_id)
    except TokenError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"revoked {n} token{'s' if n != 1 else ''}")
