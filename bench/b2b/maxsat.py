"""Peer (c): a plain MaxSAT model solved by RC2 (python-sat), in the spirit of the JAIR paper.

The paper's strongest approach is MaxSAT with implied constraints; this peer is a plain version of
it: direct Boolean encoding, cardinality constraints through `pysat.card` (sequential counters,
totalizers when wide), RC2 as the solver.

Hard clauses:
- x[m,t] for allowed slots; exactly one slot per meeting with require_all, at most one otherwise;
- at most one meeting per participant and slot; busy[p,t] <-> OR of p's x[.,t];
- at most tables[t] meetings per slot; precedence q before m as pairwise exclusions;
- implied constraints of the paper (require_all only): each participant is busy in exactly as
  many slots as it has meetings; at most 2 * tables[t] participants are busy in slot t;
- later[p,t] <- busy[p,t] or later[p,t+1]; brk[p,t] <- busy[p,t-1] & -busy[p,t] & later[p,t+1];
- fairness: at most d of p's brk variables true.
Soft clauses: -brk[p,t] with weight 1; without require_all also "m is scheduled" with weight
weight(m) * BIG, BIG = number of break variables + 1 (lexicographic: weight first, then breaks).

RC2 is single-threaded and has no time limit, so the whole encode-and-solve runs in a forked child
that is killed at the time limit (status "timeout"). It is optimal-or-nothing: no intermediate
schedule, and a bound only as the optimum itself. Instances whose encoding would not fit a clause
budget (and generated instances of 1,000 participants or more) are skipped rather than swapping a
shared machine.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pysat.card import CardEnc, EncType  # noqa: E402
from pysat.examples.rc2 import RC2, RC2Stratified  # noqa: E402
from pysat.formula import WCNF, IDPool  # noqa: E402

import peer  # noqa: E402
from instance import Instance, breaks  # noqa: E402

CLAUSE_BUDGET = 6_000_000  # estimated clauses; beyond this the encoding is skipped
MAX_PARTICIPANTS = 1000  # generated ladder sizes from here on are skipped outright
MEMORY_LIMIT = 6 << 30  # address-space cap of the RC2 child (bytes)
SEQ_LIMIT = 50_000  # n * k up to which a cardinality constraint uses a sequential counter


def estimate_clauses(inst: Instance) -> int:
    """A rough upper estimate of the encoding size (the slot-capacity totalizers dominate)."""
    per_slot = [0] * inst.slots
    nx = 0
    for m in range(len(inst.meetings)):
        for t in inst.allowed_slots(m):
            per_slot[t] += 1
            nx += 1
    P = len(inst.participants)
    size = lambda n, k: 2 * n * k if n * k <= SEQ_LIMIT else 30 * n  # noqa: E731 - see _card
    card = sum(size(n, k) for n, k in zip(per_slot, inst.tables))
    card += sum(size(P, 2 * k) for k in inst.tables)
    return card + 12 * nx + 8 * P * inst.slots


def _card(wcnf: WCNF, pool: IDPool, lits: list[int], bound: int, kind: str = "atmost") -> None:
    """Post sum(lits) <= bound (or == bound).

    Sequential counters propagate well and are small for the public instances (a few hundred
    inputs, bounds below 30); on the wide slot-capacity constraints of generated instances they
    grow as 2·n·k, so from SEQ_LIMIT on the k-bounded modulo totalizer (~25 clauses per input)
    is used instead. (Measured: forumt-14 solves several times faster with sequential counters.)
    """
    if kind == "atmost" and len(lits) <= bound:
        return
    if bound == 1 and kind == "atmost" and len(lits) <= 6:
        enc = EncType.pairwise
    elif len(lits) * bound <= SEQ_LIMIT:
        enc = EncType.seqcounter
    else:
        enc = EncType.kmtotalizer
    fn = CardEnc.atmost if kind == "atmost" else CardEnc.equals
    for cl in fn(lits=lits, bound=bound, vpool=pool, encoding=enc).clauses:
        wcnf.append(cl)


def encode(inst: Instance):
    """Build the WCNF; returns (wcnf, x-variable map) or (None, reason) when trivially UNSAT."""
    pool = IDPool()
    wcnf = WCNF()
    T, M = inst.slots, len(inst.meetings)
    x = {}
    allowed_of = [inst.allowed_slots(m) for m in range(M)]
    for m in range(M):
        allowed = allowed_of[m]
        if not allowed and inst.require_all:
            return None, f"meeting {inst.meetings[m].id} has no allowed slot"
        lits = [pool.id(("x", m, t)) for t in allowed]
        x.update({(m, t): v for t, v in zip(allowed, lits)})
        if inst.require_all:
            wcnf.append(lits)
        _card(wcnf, pool, lits, 1)
    for t in range(T):
        _card(wcnf, pool, [v for (m, u), v in x.items() if u == t], inst.tables[t])
    for m, mt in enumerate(inst.meetings):
        for q in mt.after:
            for t in allowed_of[m]:
                for u in allowed_of[q]:
                    if u >= t:
                        wcnf.append([-x[m, t], -x[q, u]])

    busy_at: list[list[int]] = [[] for _ in range(T)]
    brk_all = []
    for p, ms in enumerate(inst.meetings_of()):
        busy: list[int | None] = []
        for t in range(T):
            here = [x[m, t] for m in ms if (m, t) in x]
            if not here:
                busy.append(None)
                continue
            _card(wcnf, pool, here, 1)
            b = pool.id(("busy", p, t))
            wcnf.append([-b, *here])
            for v in here:
                wcnf.append([-v, b])
            busy.append(b)
            busy_at[t].append(b)
        mine_busy = [b for b in busy if b is not None]
        if inst.require_all:
            if len(ms) > len(mine_busy):
                return None, f"participant {inst.participants[p].id} has more meetings than usable slots"
            _card(wcnf, pool, mine_busy, len(ms), "equals")
        if len(ms) < 2:
            continue
        later: list[int | None] = [None] * (T + 1)
        for t in reversed(range(T)):
            v = pool.id(("later", p, t))
            if busy[t] is not None:
                wcnf.append([-busy[t], v])
            if later[t + 1] is not None and inst.same_break_run(t + 1):
                wcnf.append([-later[t + 1], v])
            later[t] = v
        mine = []
        for t in range(1, T - 1):
            if busy[t - 1] is None or not inst.same_break_run(t) or not inst.same_break_run(t + 1):
                continue
            b = pool.id(("brk", p, t))
            clause = [-busy[t - 1], -later[t + 1], b]
            if busy[t] is not None:
                clause.append(busy[t])
            wcnf.append(clause)
            mine.append(b)
        if inst.max_breaks is not None:
            _card(wcnf, pool, mine, inst.max_breaks)
        brk_all.extend(mine)
    if inst.require_all:
        for t in range(T):
            _card(wcnf, pool, busy_at[t], 2 * inst.tables[t])
    for b in brk_all:
        wcnf.append([-b], weight=1)
    if not inst.require_all:
        big = len(brk_all) + 1
        for m, mt in enumerate(inst.meetings):
            lits = [x[m, t] for t in allowed_of[m]]
            if lits:
                wcnf.append(lits, weight=mt.weight * big)
    return wcnf, x


def _child(inst: Instance, conn) -> None:
    """Encode and solve; send back ("optimal", assignment) / ("infeasible", reason)."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    try:
        wcnf, x = encode(inst)
        if wcnf is None:
            conn.send(("infeasible", {}, x))
            return
        weighted = len({w for w in wcnf.wght}) > 1
        solver_cls = RC2Stratified if weighted else RC2
        with solver_cls(wcnf, adapt=True, exhaust=True, minz=True) as rc2:
            model = rc2.compute()
            if model is None:
                conn.send(("infeasible", {}, f"{len(wcnf.hard)} hard clauses UNSAT"))
                return
            true = {v for v in model if v > 0}
            conn.send(("optimal", {m: t for (m, t), v in x.items() if v in true},
                       f"{len(wcnf.hard)} hard, {len(wcnf.soft)} soft clauses"))
    except MemoryError:
        conn.send(("error", {}, "out of memory (child capped)"))


def solve(inst: Instance, time_limit: float, threads: int) -> dict:
    start = time.monotonic()
    note = "RC2, single-threaded"
    if inst.fmt == "json" and len(inst.participants) >= MAX_PARTICIPANTS:
        return peer.result("maxsat", "skipped", note=f"skipped: too large ({len(inst.participants)} participants)")
    est = estimate_clauses(inst)
    if est > CLAUSE_BUDGET:
        return peer.result("maxsat", "skipped", note=f"skipped: too large (~{est:,} clauses)")
    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(inst, send), daemon=True)
    proc.start()
    send.close()
    remaining = time_limit - (time.monotonic() - start)
    if recv.poll(max(0.0, remaining)):
        try:
            status, assignment, detail = recv.recv()
        except EOFError:
            status, assignment, detail = "error", {}, "RC2 child died"
        proc.join(5)
        # RC2's optimum is exact, so its breaks are also the proven lower bound.
        bound = sum(breaks(inst, assignment)) if status == "optimal" else None
        return peer.result("maxsat", status, assignment, bound, time.monotonic() - start, f"{note}; {detail}")
    proc.kill()
    proc.join(5)
    return peer.result("maxsat", "timeout", None, None, time.monotonic() - start, f"{note}; killed at limit")


if __name__ == "__main__":
    peer.main("maxsat", solve)
