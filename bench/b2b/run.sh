#!/usr/bin/env bash
# Corridor B2B benchmark, in one command: Corridor vs CP-SAT vs MaxSAT (RC2) vs greedy.
#
#   bench/b2b/run.sh --originals                  # 20 original instances at d=2 + generated ladder
#   bench/b2b/run.sh                              # all 200 runs of best-known.csv + ladder
#   bench/b2b/run.sh --only 'tic-12' --time-limit 10 --generated none --planted none
#
# Creates bench/.venv with the pinned peers if missing, builds corridor in release mode, writes the
# generated ladder into bench/out/ (bench.py writes the planted instances there on demand), then
# runs bench.py with all arguments passed through.
# Environment: PYTHON (interpreter for the venv, default python3), CARGO_TARGET_DIR (honoured),
# SKIP_BUILD=1 (use the binary already built).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/bench/.venv"
REQ="$ROOT/bench/b2b/requirements.txt"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="$TARGET/release/corridor"

if [ ! -x "$VENV/bin/python" ]; then
    echo "run.sh: creating $VENV" >&2
    "${PYTHON:-python3}" -m venv "$VENV"
fi
# Reinstall only when requirements.txt changed since the last install.
if ! cmp -s "$REQ" "$VENV/.requirements.installed"; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQ"
    cp "$REQ" "$VENV/.requirements.installed"
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "run.sh: cargo build --release -p corridor_cli" >&2
    (cd "$ROOT" && cargo build --release -p corridor_cli)
fi

# The default ladder; bench.py generates any other size given with --generated on demand.
mkdir -p "$ROOT/bench/out"
for n in 100 300 1000 2000; do
    out="$ROOT/bench/out/gen-p$n-s1.json"
    if [ ! -f "$out" ]; then
        "$BIN" generate-instance --participants "$n" --seed 1 --output "$out" \
            || { rm -f "$out"; echo "run.sh: warning: could not generate $out; that row will be marked 'not generated'" >&2; }
    fi
done

exec "$VENV/bin/python" "$ROOT/bench/b2b/bench.py" --corridor "$BIN" "$@"
