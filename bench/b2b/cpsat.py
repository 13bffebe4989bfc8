"""Peer (b): a straightforward OR-Tools CP-SAT model of the B2B problem.

Deliberately untuned: it is the model a competent engineer writes in an afternoon, and so the
baseline a dedicated solver has to beat. Variables and constraints:

- x[m,t] Boolean for every slot t that meeting m may take (session, forbidden, fixed filter the
  domain); sum_t x[m,t] == 1 with require_all, <= 1 otherwise;
- at most one meeting per participant and slot; at most tables[t] meetings in slot t;
- precedence q before m: x[m,t] excludes q in any slot >= t (also right when q is unscheduled);
- busy[p,t] = sum of p's x[.,t]; later[p,t] >= busy[p,t'] for t' >= t (p busy now or later);
  brk[p,t] >= busy[p,t-1] AND NOT busy[p,t] AND later[p,t+1]. Only lower bounds are posted:
  minimising breaks (and capping them by fairness) never wants them higher;
- fairness: sum_t brk[p,t] <= d;
- objective: minimise BIG * (missing weight) + breaks, BIG = (number of break vars) + 1, which is
  the lexicographic order weight first, then breaks.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ortools.sat.python import cp_model  # noqa: E402

import peer  # noqa: E402
from instance import Instance  # noqa: E402


def build(inst: Instance):
    model = cp_model.CpModel()
    T = inst.slots
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    for m in range(len(inst.meetings)):
        allowed = inst.allowed_slots(m)
        for t in allowed:
            x[m, t] = model.NewBoolVar(f"x{m}_{t}")
        row = [x[m, t] for t in allowed]
        if inst.require_all:
            model.AddExactlyOne(row)  # empty row: the model is infeasible, as it should be
        elif row:
            model.AddAtMostOne(row)
    for t in range(T):
        model.Add(sum(x[m, t] for m in range(len(inst.meetings)) if (m, t) in x) <= inst.tables[t])
    for m, mt in enumerate(inst.meetings):
        for q in mt.after:
            for t in range(T):
                if (m, t) in x:
                    later_q = [x[q, u] for u in range(t, T) if (q, u) in x]
                    if later_q:
                        model.AddAtMostOne([x[m, t], *later_q])

    brk_vars = []
    for p, ms in enumerate(inst.meetings_of()):
        busy = []
        for t in range(T):
            here = [x[m, t] for m in ms if (m, t) in x]
            if here:
                model.AddAtMostOne(here)
            busy.append(sum(here) if here else 0)
        if len(ms) < 2:
            continue  # one meeting or none: never a break
        later = [None] * (T + 1)
        for t in reversed(range(T)):
            v = model.NewBoolVar(f"later{p}_{t}")
            if not isinstance(busy[t], int):
                model.Add(v >= busy[t])
            if later[t + 1] is not None and inst.same_break_run(t + 1):
                model.Add(v >= later[t + 1])
            later[t] = v
        mine = []
        for t in range(1, T - 1):
            if isinstance(busy[t - 1], int) or not inst.same_break_run(t) or not inst.same_break_run(t + 1):
                continue
            b = model.NewBoolVar(f"brk{p}_{t}")
            # b >= busy[t-1] + later[t+1] - busy[t] - 1
            model.Add(b >= busy[t - 1] - busy[t] + later[t + 1] - 1)
            mine.append(b)
        if inst.max_breaks is not None and mine:
            model.Add(sum(mine) <= inst.max_breaks)
        brk_vars.extend(mine)

    big = len(brk_vars) + 1
    total_w = sum(mt.weight for mt in inst.meetings)
    missing = total_w - sum(inst.meetings[m].weight * v for (m, _), v in x.items())
    model.Minimize((0 if inst.require_all else big * missing) + sum(brk_vars))
    return model, x, big


def solve(inst: Instance, time_limit: float, threads: int) -> dict:
    start = time.monotonic()
    model, x, big = build(inst)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit - (time.monotonic() - start))
    solver.parameters.num_workers = threads
    code = solver.Solve(model)
    status = {cp_model.OPTIMAL: "optimal", cp_model.FEASIBLE: "feasible",
              cp_model.INFEASIBLE: "infeasible"}.get(code, "unknown")
    assignment: dict[int, int] = {}
    bound = None
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        assignment = {m: t for (m, t), v in x.items() if solver.Value(v)}
        obj = round(solver.ObjectiveValue())
        lb = math.ceil(solver.BestObjectiveBound() - 1e-6)
        if inst.require_all:
            bound = lb
        elif lb // big == obj // big:  # weight is settled: the rest of the bound is about breaks
            bound = lb - big * (obj // big)
    return peer.result("cpsat", status, assignment, bound, time.monotonic() - start,
                       note=f"{solver.NumBranches()} branches")


if __name__ == "__main__":
    peer.main("cpsat", solve)
