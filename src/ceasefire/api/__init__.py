"""The HTTP API: FastAPI over the store, with its OpenAPI document at /api/openapi.json.

``create_app(db_url)`` builds the application; ``ceasefire serve`` runs it with the
dashboard mounted at ``/``. Reads are open; writes need ``Authorization: Bearer TOKEN``
(tokens from ``ceasefire token create``).
"""

from ceasefire.api.app import create_app

__all__ = ["create_app"]
