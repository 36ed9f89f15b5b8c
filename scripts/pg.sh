#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the tests, on a free port.
#   scripts/pg.sh start DIR   -> prints the URL (postgresql://postgres@127.0.0.1:PORT/postgres)
#   scripts/pg.sh stop DIR
# As root, the cluster runs as the `postgres` user (initdb refuses root).
set -euo pipefail
cmd=$1; dir=$2
bin=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    [ -x "$bin/initdb" ] || { echo "pg: PostgreSQL 15 is not installed" >&2; exit 1; }
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
esac
