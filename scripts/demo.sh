#!/usr/bin/env bash
# The main job on the embedded default: set up, ingest the bundled sample reports into
# the default SQLite store, and serve the API and dashboard on localhost.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ceasefire ingest src/ceasefire/samples "$@" || echo "demo: some reports failed (see above); serving what was stored"
exec .venv/bin/ceasefire serve --host 127.0.0.1 --port "${PORT:-8765}"
