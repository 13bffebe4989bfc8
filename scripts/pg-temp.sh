#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback for the test suite and prints its URL.
# Usage: eval "$(scripts/pg-temp.sh start)"   … exports CORRIDOR_TEST_POSTGRES_URL and PG_TEMP_DIR
#        scripts/pg-temp.sh stop "$PG_TEMP_DIR"
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

as_pg() {
  # From /, since the caller's directory may be closed to the postgres user (a mktemp clone).
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "cd / && $*"; else bash -c "$*"; fi
}

case "${1:-}" in
  start)
    bin=$(pg_bin) || { echo "pg-temp: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
    dir=$(mktemp -d /tmp/corridor-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=${PG_TEMP_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
    as_pg "'$bin/initdb' -D '$dir/data' -A trust -U postgres --no-sync -E UTF8 >'$dir/initdb.log' 2>&1"
    as_pg "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start >/dev/null"
    echo "export PG_TEMP_DIR='$dir'"
    echo "export CORRIDOR_TEST_POSTGRES_URL='postgres://postgres@127.0.0.1:$port/postgres'"
    ;;
  stop)
    dir=${2:?directory}
    bin=$(pg_bin)
    as_pg "'$bin/pg_ctl' -D '$dir/data' -m fast stop >/dev/null" || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
