"""The small protocol every Python peer follows, so bench.py can run each one the same way.

Each peer runs as its own process (`python cpsat.py FILE --time-limit S --threads N
[--fairness D] [--require-all]`) and prints one JSON object on stdout:

    {"peer": ..., "status": "optimal|feasible|infeasible|unknown|timeout|skipped|error",
     "schedule": [[meeting, slot], ...],      # 1-based, like the files
     "breaks_lower_bound": int | null, "seconds": float, "note": str}

A separate process per run keeps one peer's memory and threads from leaking into the next
measurement, and lets bench.py kill a peer that overruns its limit.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Callable

from instance import Instance, load


def result(peer: str, status: str, assignment: dict[int, int] | None = None,
           bound: int | None = None, seconds: float = 0.0, note: str = "") -> dict:
    return {
        "peer": peer, "status": status,
        "schedule": sorted([m + 1, t + 1] for m, t in (assignment or {}).items()),
        "breaks_lower_bound": bound, "seconds": round(seconds, 3), "note": note,
    }


def main(peer: str, solve: Callable[[Instance, float, int], dict]) -> None:
    ap = argparse.ArgumentParser(description=f"{peer} peer of the Corridor B2B benchmark")
    ap.add_argument("file")
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--fairness", type=int, default=None, help="max breaks per participant (d)")
    ap.add_argument("--require-all", action="store_true", default=None)
    args = ap.parse_args()
    start = time.monotonic()
    inst = load(args.file, fairness=args.fairness, require_all=args.require_all)
    out = solve(inst, args.time_limit - (time.monotonic() - start), args.threads)
    out["seconds"] = round(time.monotonic() - start, 3)
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")
