#!/usr/bin/env bash
# The whole test suite: set up the venv, the system packages and a throw-away PostgreSQL
# server, run pytest against SQLite and PostgreSQL, stop the server.
# Extra arguments go to pytest (e.g. scripts/test.sh -k seed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/system-deps.sh

pgdir=$(mktemp -d /tmp/ceasefire-pg.XXXXXX)
cleanup() { bash scripts/pg.sh stop "$pgdir"; rm -rf "$pgdir"; }
trap cleanup EXIT
if url=$(bash scripts/pg.sh start "$pgdir"); then
  export CEASEFIRE_TEST_PG="$url"
  echo "test: PostgreSQL at $url"
else
  echo "test: no PostgreSQL server; PostgreSQL tests will skip (and fail under CI=true)" >&2
fi

set +e
.venv/bin/python -m pytest -n "${TEST_JOBS:-2}" -p no:cacheprovider "$@"
rc=$?
set -e
exit $rc
