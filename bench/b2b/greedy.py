"""Peer (d): first-fit greedy in request order — what a spreadsheet or a naive tool would do.

Each meeting, in the order it was requested, goes into the earliest slot that is allowed for it
(session, forbidden, fixed), where both participants are still free, a table remains, and which is
later than the slots of its already placed predecessors (earlier than those of its already
placed successors). A meeting that fits nowhere is left out.
It ignores breaks and fairness entirely; the benchmark shows how many meetings it placed and how
many breaks that cost, which is the floor any real scheduler must clear.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peer  # noqa: E402
from instance import Instance  # noqa: E402


def place(inst: Instance) -> dict[int, int]:
    busy: set[tuple[int, int]] = set()
    used = [0] * inst.slots
    assignment: dict[int, int] = {}
    succ: list[list[int]] = [[] for _ in inst.meetings]
    for m, mt in enumerate(inst.meetings):
        for q in mt.after:
            succ[q].append(m)
    for m, mt in enumerate(inst.meetings):
        # a predecessor or successor may come later in request order: bound by whichever is placed
        earliest = max((assignment[q] + 1 for q in mt.after if q in assignment), default=0)
        latest = min((assignment[s] - 1 for s in succ[m] if s in assignment), default=inst.slots)
        for t in inst.allowed_slots(m):
            if earliest <= t <= latest and used[t] < inst.tables[t] and (mt.a, t) not in busy and (mt.b, t) not in busy:
                assignment[m] = t
                used[t] += 1
                busy.update({(mt.a, t), (mt.b, t)})
                break
    return assignment


def solve(inst: Instance, time_limit: float, threads: int) -> dict:
    start = time.monotonic()
    assignment = place(inst)
    return peer.result("greedy", "feasible", assignment, None, time.monotonic() - start,
                       note="first fit in request order; ignores breaks and fairness")


if __name__ == "__main__":
    peer.main("greedy", solve)
