"""Documents: the stored reports, and ingest over HTTP."""

from __future__ import annotations

import json
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from ceasefire.api.deps import get_store, writer
from ceasefire.api.params import IdPath, Limit, Offset
from ceasefire.store import Store
from ceasefire.store import queries

router = APIRouter(prefix="/api", tags=["documents"])

DOCUMENT_FIELDS = ("id", "title", "published", "outlet", "byline", "agency", "url", "text", "source_format")
MAX_BODY_BYTES = 64 * 1024 * 1024

INPUT_SCHEMA = {
    "type": "object",
    "description": "One report in DESIGN.md's input form.",
    "properties": {
        "id": {"type": "string", "description": "Your id for the report (kept as external_id)."},
        "text": {"type": "string"},
        "html": {"type": "string"},
        "title": {"type": "string"},
        "published": {"type": "string", "format": "date"},
        "source": {"type": "string", "description": "The outlet, e.g. Euronews."},
        "url": {"type": "string"},
    },
}


def _document_out(row: dict[str, Any], with_text: bool) -> dict[str, Any]:
    out = {k: row.get(k) for k in DOCUMENT_FIELDS if with_text or k != "text"}
    if out.get("published"):
        out["published"] = out["published"].isoformat()
    return out


@router.get("/documents", summary="Stored reports, newest first (without their text)")
def list_documents(limit: Limit = 100, offset: Offset = 0, store: Store = Depends(get_store)) -> dict[str, Any]:
    """`{"total", "limit", "offset", "items": [{id, title, published, outlet, byline, agency, url, source_format}]}`."""
    total, rows = queries.list_documents(store, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": [_document_out(r, False) for r in rows]}


@router.get("/documents/{document_id}", summary="One report with its cleaned text", responses={404: {"description": "Unknown id"}})
def get_document(document_id: IdPath, store: Store = Depends(get_store)) -> dict[str, Any]:
    """`{id, title, published, outlet, byline, agency, url, text, source_format}`. Evidence
    offsets of the event's claims index into `text`."""
    row = queries.get_document(store, document_id)
    if row is None:
        raise HTTPException(404, f"no document {document_id!r}")
    return _document_out(row, True)


def parse_reports(body: bytes) -> tuple[list[dict[str, Any]], list[str]]:
    """Reports from a request body: a JSON array, one JSON object, or JSON Lines.

    Returns (reports, problems); each problem names the item or line.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(422, "the body is not UTF-8 text") from None
    text = text.lstrip("\ufeff").strip()
    if not text:
        raise HTTPException(422, "the body is empty: send a JSON array of reports or JSON Lines")
    items: list[tuple[str, Any]] = []
    try:
        whole = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        whole = None
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append((f"line {n}", json.loads(line)))
            except (json.JSONDecodeError, RecursionError) as exc:
                items.append((f"line {n}", exc))
    else:
        if isinstance(whole, list):
            items = [(f"item {i}", x) for i, x in enumerate(whole, 1)]
        else:
            items = [("item 1", whole)]
    reports, problems = [], []
    for where, obj in items:
        if isinstance(obj, Exception):
            problems.append(f"{where}: not valid JSON ({getattr(obj, 'msg', type(obj).__name__)})")
        elif not isinstance(obj, dict):
            problems.append(f"{where}: expected a JSON object with \"text\" or \"html\"")
        elif not any(isinstance(obj.get(k), str) and obj.get(k).strip() for k in ("text", "html")):
            problems.append(f"{where}: no \"text\" or \"html\"")
        elif any(obj.get(k) is not None and not isinstance(obj.get(k), (str, int)) for k in ("id", "title", "published", "source", "url")):
            problems.append(f"{where}: id, title, published, source and url must be strings")
        else:
            reports.append(obj)
    return reports, problems


def _ingest(store: Store, reports: list[dict[str, Any]], who: str):
    from ceasefire.pipeline import ingest

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    with tempfile.TemporaryDirectory(prefix="ceasefire-api-") as tmp:
        # The same reader as `ceasefire ingest file.jsonl`, so both paths store the same documents.
        path = Path(tmp) / f"api-{stamp}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for r in reports:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        summary = ingest([path], store)
    errors = [e.replace(str(path), "body") for e in summary.errors]
    return summary, errors


@router.post(
    "/documents",
    summary="Ingest reports (token needed)",
    status_code=200,
    responses={401: {"description": "No valid token"}, 413: {"description": "Body too large"}, 422: {"description": "Nothing readable"}},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"oneOf": [{"type": "array", "items": INPUT_SCHEMA}, INPUT_SCHEMA]}},
                "application/x-ndjson": {"schema": {"type": "string", "description": "JSON Lines, one report per line."}},
            },
        }
    },
)
async def post_documents(request: Request, who: str = Depends(writer), store: Store = Depends(get_store)) -> dict[str, Any]:
    """Runs the same ingest as `ceasefire ingest`: extract, store, consolidate, analyse.
    Answers `{"new", "known", "failed", "errors": [...]}`; a report already stored is
    `known` and nothing is stored twice."""
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        raise HTTPException(413, f"the body exceeds {MAX_BODY_BYTES // (1024 * 1024)} MB; send it in parts")
    reports, problems = parse_reports(body)
    if not reports:
        raise HTTPException(422, "; ".join(problems[:20]) or "no reports in the body")
    summary, errors = await run_in_threadpool(_ingest, store, reports, who)
    request.app.state.cache.invalidate()
    return {
        "new": summary.new,
        "known": summary.known,
        "failed": summary.failed + len(problems),
        "errors": problems + errors,
        "by": who,
    }
