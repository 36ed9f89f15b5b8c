#!/usr/bin/env bash
# The whole test suite: set up the venv, the system packages and a throw-away PostgreSQL
# server (with PostGIS), run pytest against SQLite and PostgreSQL, stop the server.
# Extra arguments go to pytest (e.g. scripts/test.sh -k seed). TEST_JOBS sets pytest -n (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/system-deps.sh

# Clusters left by earlier runs that were killed (their owner process is gone): stop and remove.
for old in /tmp/ceasefire-pg.*; do
  [ -d "$old" ] || continue
  owner=$(cat "$old/owner" 2>/dev/null || echo "")
  if [ -z "$owner" ] || ! kill -0 "$owner" 2>/dev/null; then
    bash scripts/pg.sh stop "$old" || true
    rm -rf "$old"
  fi
done

pgdir=$(mktemp -d /tmp/ceasefire-pg.XXXXXX)
echo $$ > "$pgdir/owner"
cleanup() { bash scripts/pg.sh stop "$pgdir" || true; rm -rf "$pgdir"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
if url=$(bash scripts/pg.sh start "$pgdir"); then
  export CEASEFIRE_TEST_PG="$url"
  echo "test: PostgreSQL at $url"
else
  unset CEASEFIRE_TEST_PG
  if [ "${CI:-}" = "true" ]; then
    echo "test: no PostgreSQL server could be started; under CI=true the PostgreSQL tests will FAIL" >&2
  else
    echo "test: no PostgreSQL server could be started; the PostgreSQL tests will skip" >&2
  fi
fi

set +e
.venv/bin/python -m pytest -n "${TEST_JOBS:-2}" -p no:cacheprovider "$@"
rc=$?
set -e
exit $rc
