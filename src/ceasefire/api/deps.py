"""Dependencies of the routes: the store and the writer's token."""

from __future__ import annotations

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ceasefire.store import Store

_bearer = HTTPBearer(auto_error=False, description="An API token from `ceasefire token create NAME`.")


def get_store(request: Request) -> Store:
    return request.app.state.store


def writer(request: Request, creds: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> str:
    """The name of the token that authorises a write, or 401."""
    from ceasefire.api.tokens import token_owner

    if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
        raise HTTPException(401, "this write needs an API token: Authorization: Bearer TOKEN", headers={"WWW-Authenticate": "Bearer"})
    token = creds.credentials
    if "\x00" in token or len(token) > 512:
        raise HTTPException(401, "invalid or revoked API token", headers={"WWW-Authenticate": "Bearer"})
    who = token_owner(get_store(request), token)
    if who is None:
        raise HTTPException(401, "invalid or revoked API token", headers={"WWW-Authenticate": "Bearer"})
    return who
