#!/usr/bin/env bash
# The browser tests: Corridor's pages driven in a real headless Chromium (Debian's `chromium`) by
# playwright-core under Node's test runner. Starts `corridor serve --demo` on a free loopback port
# over a fresh data directory, waits for /readyz, runs tests/*.test.mjs, stops the server.
#
#   bash tests/browser/run.sh [test file…]
#
# Uses the release binary at $CORRIDOR_BIN, or builds it (cargo build --release -p corridor_cli into
# $CARGO_TARGET_DIR or ./target). CORRIDOR_URL=http://… runs the tests against a server that is
# already running instead (it must have the demo data). Prints `SKIPPED (browser tests)` and exits
# 0 when chromium or node is missing; CI treats that as a failure. Screenshots of failed steps and
# the server's log go to tests/browser/artifacts/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
artifacts="$here/artifacts"

export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "SKIPPED (browser tests): $CHROMIUM not found; install Debian's chromium (apt-get install chromium)"
  exit 0
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SKIPPED (browser tests): node and npm not found (Node 20 or newer; Debian: apt-get install nodejs npm)"
  exit 0
fi
if [ ! -f "$here/node_modules/playwright-core/package.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

rm -rf "$artifacts"
mkdir -p "$artifacts"
tmp="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  [ -f "$tmp/server.log" ] && cp "$tmp/server.log" "$artifacts/server.log"
  rm -rf "$tmp"
}
trap cleanup EXIT

if [ -z "${CORRIDOR_URL:-}" ]; then
  if [ -z "${CORRIDOR_BIN:-}" ]; then
    (cd "$root" && cargo build --release --quiet -p corridor_cli)
    target="${CARGO_TARGET_DIR:-target}"
    case "$target" in /*) ;; *) target="$root/$target" ;; esac
    CORRIDOR_BIN="$target/release/corridor"
  fi
  case "$CORRIDOR_BIN" in /*) ;; *) CORRIDOR_BIN="$root/$CORRIDOR_BIN" ;; esac
  if [ ! -x "$CORRIDOR_BIN" ]; then
    echo "browser tests: no corridor binary at $CORRIDOR_BIN" >&2
    exit 1
  fi
  port="$(node "$here/lib/free-port.mjs")"
  export CORRIDOR_URL="http://127.0.0.1:$port"
  # A clean configuration: no corridor.toml (the server runs in the temporary directory) and no
  # CORRIDOR_* settings from the caller's environment.
  unset $(env | sed -n 's/^\(CORRIDOR_[A-Z_]*\)=.*/\1/p' | grep -vx 'CORRIDOR_URL\|CORRIDOR_BIN' || true)
  (cd "$tmp" && exec env -u CORRIDOR_URL -u CORRIDOR_BIN CORRIDOR_LOG="${BROWSER_SERVER_LOG:-warn}" "$CORRIDOR_BIN" serve --demo \
    --listen "127.0.0.1:$port" --data-dir "$tmp/data" >"$tmp/server.log" 2>&1) &
  server=$!
  started=$(date +%s)
  if ! node "$here/lib/wait-ready.mjs" "$CORRIDOR_URL/readyz" 180 "$server"; then
    echo "browser tests: the server did not start; its log:" >&2
    cat "$tmp/server.log" >&2
    exit 1
  fi
  echo "browser tests: corridor serve --demo ready at $CORRIDOR_URL after $(($(date +%s) - started))s"
fi

cd "$here"
if [ $# -gt 0 ]; then files=("$@"); else files=(tests/*.test.mjs); fi
status=0
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tmp/tap" "${files[@]}" || status=$?
count() { sed -n "s/^# $1 \([0-9]*\)$/\1/p" "$tmp/tap" | tail -1; }
passed="$(count pass)"; failed="$(count fail)"; skipped="$(count skipped)"
echo "browser: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -ne 0 ] || [ "${passed:-0}" -eq 0 ] || [ "${failed:-0}" -ne 0 ]; then
  echo "browser tests FAILED; screenshots and the server's log are in ${artifacts#"$root/"}/" >&2
  exit 1
fi
