"""API tokens: created and revoked with ``ceasefire token``, stored as SHA-256 hashes.

A token is shown once, at creation; the store keeps only its hash, so a copy of the
store does not give write access to the API.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

import sqlalchemy as sa

from ceasefire.store import Store
from ceasefire.store import schema as t
from ceasefire.store.database import now

TOKEN_PREFIX = "cf_"


class TokenError(ValueError):
    """A token command that cannot be done (unknown name, name taken)."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str) -> str:
    """A new token for ``name`` (a person or a system). Returns the token itself, once."""
    name = name.strip()
    if not name:
        raise TokenError("a token needs a name (who will use it)")
    with store.begin() as conn:
        taken = conn.execute(
            sa.select(t.api_tokens.c.id).where(t.api_tokens.c.name == name, t.api_tokens.c.revoked_at.is_(None))
        ).first()
        if taken:
            raise TokenError(f"a live token named {name!r} exists; revoke it first or choose another name")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        conn.execute(sa.insert(t.api_tokens).values(name=name, token_hash=token_hash(token), created_at=now()))
    return token


def list_tokens(store: Store) -> list[dict[str, Any]]:
    """Every token ever created: id, name, created_at, revoked_at (never the token)."""
    c = t.api_tokens.c
    with store.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(c.id, c.name, c.created_at, c.revoked_at).order_by(c.id)).mappings()]


def revoke_token(store: Store, name_or_id: str) -> int:
    """Revoke the live tokens named ``name_or_id`` (or with that id). Returns how many."""
    c = t.api_tokens.c
    match = c.name == name_or_id
    if name_or_id.isdigit():
        match = sa.or_(match, c.id == int(name_or_id))
    with store.begin() as conn:
        n = conn.execute(sa.update(t.api_tokens).where(match, c.revoked_at.is_(None)).values(revoked_at=now())).rowcount
    if not n:
        raise TokenError(f"no live token named or numbered {name_or_id!r}")
    return n


def token_owner(store: Store, token: str) -> str | None:
    """The name of the live token ``token``, or None if it is unknown or revoked."""
    c = t.api_tokens.c
    with store.connect() as conn:
        return conn.execute(
            sa.select(c.name).where(c.token_hash == token_hash(token), c.revoked_at.is_(None))
        ).scalar_one_or_none()
