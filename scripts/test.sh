#!/usr/bin/env bash
# Runs Corridor's whole test suite: every crate on SQLite, and on PostgreSQL too; then the browser
# tests (tests/browser/run.sh: the release binary in a headless Chromium).
# Uses CORRIDOR_TEST_POSTGRES_URL when set; otherwise starts a temporary PostgreSQL server on
# loopback when the binaries are installed; otherwise the PostgreSQL tests say they skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

started=""
if [ -z "${CORRIDOR_TEST_POSTGRES_URL:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  eval "$(scripts/pg-temp.sh start)"
  started="$PG_TEMP_DIR"
  trap 'scripts/pg-temp.sh stop "$started"' EXIT
fi
if [ -n "${CORRIDOR_TEST_POSTGRES_URL:-}" ]; then
  echo "test.sh: PostgreSQL tests run against ${CORRIDOR_TEST_POSTGRES_URL%%@*}@…"
else
  echo "test.sh: no PostgreSQL available: the PostgreSQL half of the suite will be SKIPPED" >&2
fi
cargo test --workspace --release "$@"
# The whole suite's `cargo test` also built the `corridor` binary (for corridor_cli's tests): the
# browser tests use it rather than building it again with other features.
if [ $# -eq 0 ]; then
  export CORRIDOR_BIN="${CARGO_TARGET_DIR:-target}/release/corridor"
fi
bash tests/browser/run.sh
