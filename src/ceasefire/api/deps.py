"""Dependencies of the routes: the store and the writer's token."""

from __future__ import annotations

import json
from datetime import date, datetime

from fastapi import Depends, HTTPException, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ceasefire.store import Store

_bearer = HTTPBearer(auto_error=False, description="An API token from `ceasefire token create NAME`.")


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_cache(request: Request):
    """The app's cache of scan-heavy answers (totals, tallies); see :mod:`ceasefire.api.cache`."""
    return request.app.state.cache


def _default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


try:
    import orjson
except ImportError:  # pragma: no cover - a dependency; the standard library stands in
    orjson = None


def dumps(obj) -> bytes:
    """``obj`` as compact UTF-8 JSON (dates in ISO 8601)."""
    # orjson encodes a page of 1,000 events several times faster than json (the largest
    # answer the dashboard asks for); json stays for what orjson refuses (integers over
    # 64 bits), with the same output otherwise (dates as ISO 8601, UTF-8, no spaces).
    if orjson is not None:
        try:
            return orjson.dumps(obj, default=_default, option=orjson.OPT_NON_STR_KEYS)
        except TypeError:
            pass
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=_default).encode("utf-8")


def json_response(obj, status_code: int = 200) -> Response:
    """JSON straight from the dicts the store gives: FastAPI's generic encoder walks every
    value of a thousand events and costs more than the query itself."""
    return Response(dumps(obj), status_code=status_code, media_type="application/json")


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
