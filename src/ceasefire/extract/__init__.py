"""Extraction: from a document's text, the events it reports (Event JSON v1).

Extraction is a pure function of (document, resources): no store, no network,
so it can run in a process pool or on a Dask cluster.
"""

from __future__ import annotations

from typing import Any

from ceasefire.documents import Document
from ceasefire.extract.contract import ContractError, schema, validate

EXTRACTOR_VERSION = "0.1.0"

__all__ = ["EXTRACTOR_VERSION", "ContractError", "extract_document", "output_line", "schema", "validate"]


def output_line(doc: Document, events: list[dict[str, Any]]) -> dict[str, Any]:
    """The Event JSON v1 line for a document."""
    return {
        "id": doc.external_id or doc.id,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "text": doc.text,
        "events": events,
    }


def extract_document(doc: Document) -> dict[str, Any]:
    """The Event JSON v1 line for ``doc``: its events, most salient first.

    Builds the document's context once (spaCy once, sentences that never cross a line break,
    toponyms once), then finds events per sentence and merges in the agreement and access events.
    """
    from ceasefire.extract.context import build_context
    from ceasefire.extract.events import assemble

    return output_line(doc, assemble(build_context(doc)))
