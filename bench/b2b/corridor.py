"""Peer (a): Corridor itself, run through its CLI exactly as a user would run it.

`corridor schedule FILE --format json` prints one JSON object; this module turns it into the same
result shape the Python peers print (see peer.py) so bench.py verifies all of them the same way.
Corridor's own claims (breaks, status) are kept in the note but never trusted: bench.py recomputes
the objective from the returned schedule with instance.py.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

from instance import Instance


def command(binary: str, inst: Instance, time_limit: float, threads: int) -> list[str]:
    cmd = [binary, "schedule", inst.path, "--time-limit", f"{time_limit:g}", "--threads", str(threads),
           "--format", "json"]
    if inst.fmt == "dzn":  # fairness and require-all are run parameters of the public instances
        cmd += ["--require-all"]
        if inst.max_breaks is not None:
            cmd += ["--fairness", str(inst.max_breaks)]
    return cmd


def _meeting_index(inst: Instance, ref) -> int:
    """The CLI names meetings by 1-based row for .dzn; accept an id string for JSON as well."""
    if isinstance(ref, int):
        return ref - 1
    ids = {mt.id: m for m, mt in enumerate(inst.meetings)}
    if ref in ids:
        return ids[ref]
    return -1  # unknown: the checker reports it and the run shows as INVALID


def run(binary: str, inst: Instance, time_limit: float, threads: int, hard_timeout: float) -> dict:
    cmd = command(binary, inst, time_limit, threads)
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=hard_timeout)
    except subprocess.TimeoutExpired:
        return {"peer": "corridor", "status": "timeout", "schedule": [], "breaks_lower_bound": None,
                "seconds": time.monotonic() - start, "note": f"killed after {hard_timeout:g}s"}
    except FileNotFoundError:
        return {"peer": "corridor", "status": "error", "schedule": [], "breaks_lower_bound": None,
                "seconds": 0.0, "note": f"{binary} not found (build it: cargo build --release -p corridor_cli)"}
    seconds = time.monotonic() - start
    try:
        out = json.loads(proc.stdout)
    except json.JSONDecodeError:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        # Exit 1 means "infeasible or nothing in time"; without JSON we cannot tell which.
        status = "unknown" if proc.returncode == 1 else "error"
        return {"peer": "corridor", "status": status, "schedule": [], "breaks_lower_bound": None,
                "seconds": seconds, "note": f"exit {proc.returncode}: {tail[:120]}"}
    schedule = []
    tables = {}
    for row in out.get("schedule") or []:
        m = _meeting_index(inst, row["meeting"])
        schedule.append([m + 1, int(row["slot"])])
        if row.get("table") is not None:
            tables[m] = row["table"]
    status = out.get("status", "unknown")
    return {
        "peer": "corridor", "status": status, "schedule": schedule, "tables": tables,
        "breaks_lower_bound": out.get("breaks_lower_bound"), "seconds": seconds,
        "note": f"exit {proc.returncode}; claims breaks={out.get('breaks')} "
                f"placed={out.get('scheduled_meetings')}/{out.get('requested_meetings')} "
                f"own seconds={out.get('seconds')}",
    }


def generate(binary: str, participants: int, seed: int, output: Path,
             planted_schedule: Path | None = None) -> str | None:
    """Write a generated instance with Corridor's generator; returns an error message or None.
    With `planted_schedule`, the instance is planted (built around a schedule with nearly no
    breaks) and that schedule is written there."""
    output.parent.mkdir(parents=True, exist_ok=True)
    extra = ["--planted", "--planted-schedule", str(planted_schedule)] if planted_schedule else []
    try:
        proc = subprocess.run([binary, "generate-instance", "--participants", str(participants),
                               "--seed", str(seed), "--output", str(output), *extra],
                              capture_output=True, text=True, timeout=600)
    except (FileNotFoundError, subprocess.TimeoutExpired) as e:
        return str(e)
    if proc.returncode != 0 or not output.exists():
        return (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
    return None
