#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster (with PostGIS when installed) on a free local port.
#   scripts/pg.sh start DIR    initdb if needed, start, print the URL (postgresql://postgres@127.0.0.1:PORT/postgres)
#   scripts/pg.sh stop DIR     stop it (fast shutdown); harmless when it is not running
#   scripts/pg.sh restart DIR  stop and start again on the same port
#   scripts/pg.sh url DIR      print the URL of a started cluster
# As root, the cluster runs as the `postgres` user (initdb refuses root); DIR is chowned to it.
# Trust authentication on 127.0.0.1 only: for tests and benchmarks, never for real data.
set -euo pipefail
cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: scripts/pg.sh start|stop|restart|url DIR" >&2; exit 64; }
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port_busy() { python3 -c 'import socket,sys; s=socket.socket(); sys.exit(0 if s.connect_ex(("127.0.0.1",int(sys.argv[1])))==0 else 1)' "$1"; }
running() { [ -f "$dir/data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; }
url() { echo "postgresql://postgres@127.0.0.1:$(cat "$dir/port")/postgres"; }

launch() {  # start on $dir/port; 0 when the server accepts connections
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
    -o "-p $(cat "$dir/port") -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null 2>&1
}

case "$cmd" in
  start)
    if [ ! -x "$bin/initdb" ]; then
      echo "pg: PostgreSQL 15 is not installed ($bin/initdb missing): apt-get install postgresql-15 postgresql-15-postgis-3" >&2
      exit 1
    fi
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
      echo "pg: running as root but there is no 'postgres' user to run the server (install the postgresql-15 package)" >&2
      exit 1
    fi
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if running; then url; exit 0; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then  # a fresh or a half-made leftover folder
      rm -rf "$dir/data"
      as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { echo "pg: initdb failed:" >&2; tail -5 "$dir/initdb.log" >&2; exit 1; }
    fi
    rm -f "$dir/data/postmaster.pid"  # left by a server that was killed
    for attempt in 1 2 3 4 5; do
      # Keep the port of an earlier start (URLs handed out stay valid) unless it is taken.
      if [ ! -f "$dir/port" ] || port_busy "$(cat "$dir/port")"; then free_port > "$dir/port"; fi
      [ "$(id -u)" = 0 ] && chown postgres "$dir/port"
      if launch; then
        [ -f /usr/share/postgresql/15/extension/postgis.control ] \
          || echo "pg: PostGIS is not installed (postgresql-15-postgis-3); spatial queries use the plain fallback" >&2
        url; exit 0
      fi
      rm -f "$dir/port"  # lost a race for the port: try another
    done
    echo "pg: the server did not start; last lines of $dir/log:" >&2
    tail -5 "$dir/log" >&2 || true
    exit 1
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true; fi
    ;;
  restart)
    [ -f "$dir/port" ] || { echo "pg: no cluster in $dir" >&2; exit 1; }
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    launch || { echo "pg: restart failed; last lines of $dir/log:" >&2; tail -5 "$dir/log" >&2; exit 1; }
    url
    ;;
  url)
    running || { echo "pg: no running cluster in $dir" >&2; exit 1; }
    url
    ;;
  *)
    echo "usage: scripts/pg.sh start|stop|restart|url DIR" >&2; exit 64
    ;;
esac
