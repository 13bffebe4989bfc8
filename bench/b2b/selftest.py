"""Self-test of the benchmark's own pieces: JSON reader, checker, and the CP-SAT / MaxSAT models.

The public instances only exercise require_all with whole-day breaks. The generated ladder also
uses weights, optional meetings, named sessions, per-slot tables and possibly
idle_spans_sessions = false, so this test draws many tiny random Corridor-JSON instances with all
of those features, finds the true lexicographic optimum (weight, then breaks) by brute force using
only `instance.evaluate`, and checks that both models prove exactly that optimum (or UNSAT), and
that greedy's schedules pass the checker. It also checks a few hand-counted break cases.

Usage: python selftest.py [COUNT] [SEED]     (exit 1 on any disagreement)
"""

from __future__ import annotations

import itertools
import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cpsat  # noqa: E402
import greedy  # noqa: E402
import maxsat  # noqa: E402
from instance import Instance, evaluate, participant_breaks, read_json  # noqa: E402


def hand_cases() -> None:
    doc = {"format": "corridor-b2b-1", "sessions": [{"name": "am", "slots": 4}, {"name": "pm", "slots": 4}],
           "tables": 1, "participants": [{"id": "a"}, {"id": "b"}], "meetings": []}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(doc, f)
    inst = read_json(f.name)
    assert participant_breaks(inst, [0, 1, 2]) == 0
    assert participant_breaks(inst, [0, 3]) == 1  # one gap of two slots is one break
    assert participant_breaks(inst, [0, 2, 5]) == 2
    assert participant_breaks(inst, [3, 4]) == 0  # across the session boundary, adjacent
    assert participant_breaks(inst, [2, 5]) == 1  # idle at the end of the morning counts
    inst.idle_spans_sessions = False
    assert participant_breaks(inst, [2, 5]) == 0  # ... unless the session gap is not idle time
    assert participant_breaks(inst, [0, 2, 5, 7]) == 2


def random_doc(rng: random.Random) -> dict:
    split = rng.choice([[5], [2, 3], [3, 2]])
    sessions = [{"name": f"s{i}", "slots": n} for i, n in enumerate(split)]
    T = sum(split)
    P = rng.randint(3, 4)
    participants = [{"id": f"p{i}", "unavailable": rng.sample(range(1, T + 1), rng.choice([0, 0, 1]))}
                    for i in range(P)]
    meetings = []
    for i in range(rng.randint(4, 5)):
        a, b = rng.sample(range(P), 2)
        m = {"id": f"m{i}", "a": f"p{a}", "b": f"p{b}", "weight": rng.randint(1, 3)}
        if rng.random() < 0.2:
            m["session"] = rng.choice(sessions)["name"]
        if rng.random() < 0.15:
            m["fixed_slot"] = rng.randint(1, T)
        if i and rng.random() < 0.25:
            m["after"] = [f"m{rng.randrange(i)}"]
        meetings.append(m)
    return {
        "format": "corridor-b2b-1", "name": "tiny", "sessions": sessions,
        "idle_spans_sessions": rng.random() < 0.6,
        "tables": rng.choice([2, [rng.randint(0, 2) for _ in range(T)]]),
        "max_breaks": rng.choice([None, 0, 1]), "require_all": rng.random() < 0.4,
        "participants": participants, "meetings": meetings,
    }


def brute_force(inst: Instance):
    """Best (weight, -breaks) over all valid assignments, or None when nothing is valid."""
    options = [[None, *inst.allowed_slots(m)] for m in range(len(inst.meetings))]
    best = None
    for combo in itertools.product(*options):
        assignment = {m: t for m, t in enumerate(combo) if t is not None}
        ev = evaluate(inst, assignment)
        if ev.valid and (best is None or (ev.weight, -ev.breaks) > best):
            best = (ev.weight, -ev.breaks)
    return best


def check_peer(name: str, out: dict, inst: Instance, best) -> str | None:
    if best is None:
        return None if out["status"] == "infeasible" else f"{name}: {out['status']} but brute force finds nothing"
    if out["status"] != "optimal":
        return f"{name}: {out['status']}, expected optimum {best}"
    ev = evaluate(inst, {m - 1: t - 1 for m, t in out["schedule"]})
    if not ev.valid or (ev.weight, -ev.breaks) != best:
        return f"{name}: got {(ev.weight, -ev.breaks)} valid={ev.valid} {ev.errors}, expected {best}"
    return None


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    hand_cases()
    failures, infeasible = 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(count):
            doc = random_doc(rng)
            path = Path(tmp) / f"tiny{i}.json"
            path.write_text(json.dumps(doc))
            inst = read_json(path)
            best = brute_force(inst)
            infeasible += best is None
            problems = [
                check_peer("cpsat", cpsat.solve(inst, 10, 1), inst, best),
                check_peer("maxsat", maxsat.solve(inst, 10, 1), inst, best),
            ]
            g = greedy.solve(inst, 10, 1)
            gev = evaluate(inst, {m - 1: t - 1 for m, t in g["schedule"]}, allow_partial=True, check_fairness=False)
            problems.append(None if gev.valid else f"greedy: invalid {gev.errors}")
            for p in filter(None, problems):
                failures += 1
                print(f"instance {i}: {p}\n  {json.dumps(doc)}")
    print(f"hand cases ok; {count} random instances ({infeasible} infeasible), {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
