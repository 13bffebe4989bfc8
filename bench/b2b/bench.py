"""Run Corridor and its peers on the same instances, on the same machine, in one run; print one table.

Peers: corridor (the CLI), cpsat (OR-Tools), maxsat (RC2), greedy (first fit). Every peer gets the
same time limit and thread count, runs in its own process, one at a time (no two runs share the
cores), and every schedule it returns is re-checked by instance.py: the table shows the recomputed
breaks, never a peer's own claim, and INVALID when a schedule breaks a hard constraint.

Instances: the 200 (file, d) runs of best-known.csv over the public JAIR files (or the 20 originals
at d = 2 with --originals), plus a ladder of generated instances written by
`corridor generate-instance` into bench/out/, and planted ones (`--planted`: built around a known
schedule with nearly no breaks, which the table shows where a published optimum would be).

Times are wall-clock seconds of the whole peer process (reading, model building, solving), as a
user would experience them.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
import corridor  # noqa: E402
from instance import Evaluation, Instance, evaluate, load  # noqa: E402

PEERS = ["corridor", "cpsat", "maxsat", "greedy"]
SOLVED_WITHIN = 60.0


@dataclass
class Run:
    label: str  # shown in the table
    path: Path
    d: int | None  # fairness override (public runs); None = what the file says
    published: str | None  # "UNSAT", an optimum as a string, or None (generated)
    missing: str | None = None  # why the instance could not be produced
    planted: int | None = None  # breaks of the schedule a planted instance was built around


@dataclass
class Outcome:
    peer: str
    status: str
    seconds: float
    bound: int | None
    ev: Evaluation | None
    verdict: str  # solved | mismatch | invalid | open | heuristic | skipped | error
    note: str
    assignment: dict[int, int] = field(default_factory=dict)


# ---- instance lists ------------------------------------------------------------------------------

def public_runs(root: Path, originals: bool) -> list[Run]:
    runs = []
    with open(root / "best-known.csv") as f:
        for row in csv.DictReader(f):
            d = int(row["fairness_d"])
            if originals and (row["variant"] != "original" or d != 2):
                continue
            published = "UNSAT" if row["status"] == "UNSAT" else row["optimum_breaks"]
            label = f"{row['file'].removesuffix('.dzn')} d={d}"
            runs.append(Run(label, root / "instances" / row["file"], d, published))
    return runs


def generated_runs(sizes: list[int], binary: str, out_dir: Path, only: str | None, seed: int = 1) -> list[Run]:
    """The ladder; files missing from out_dir are written by `corridor generate-instance` now."""
    runs = []
    for n in sizes:
        label, path = f"gen-p{n}-s{seed}", out_dir / f"gen-p{n}-s{seed}.json"
        if only and not re.search(only, label):
            continue
        err = None if path.exists() else corridor.generate(binary, n, seed, path)
        runs.append(Run(label, path, None, None, missing=err))
    return runs


def planted_runs(sizes: list[int], binary: str, out_dir: Path, only: str | None, seed: int = 1) -> list[Run]:
    """Planted instances (`corridor generate-instance --planted`): built around a schedule with
    nearly no breaks, whose breaks bound the optimum from above. Written now when missing."""
    runs = []
    for n in sizes:
        label = f"planted-p{n}-s{seed}"
        path, sched = out_dir / f"{label}.json", out_dir / f"{label}-schedule.json"
        if only and not re.search(only, label):
            continue
        err = None
        if not (path.exists() and sched.exists()):
            err = corridor.generate(binary, n, seed, path, planted_schedule=sched)
        breaks = None
        if err is None:
            try:
                breaks = int(json.loads(sched.read_text())["breaks"])
            except (OSError, ValueError, KeyError, TypeError) as e:
                err = f"planted schedule unreadable: {e}"
        runs.append(Run(label, path, None, None, missing=err, planted=breaks))
    return runs


def refuted_by_plant(o: Outcome, planted: int | None) -> None:
    """A proven bound above the planted schedule's breaks is a wrong proof."""
    if planted is not None and o.bound is not None and o.bound > planted:
        o.verdict = "mismatch"
        o.note = f"bound {o.bound} above the planted schedule's {planted} breaks"


# ---- running one peer ----------------------------------------------------------------------------

def run_peer(peer: str, run: Run, inst: Instance, args) -> dict:
    hard = args.time_limit * 1.5 + 15
    if peer == "corridor":
        return corridor.run(args.corridor, inst, args.time_limit, args.threads, hard)
    cmd = [sys.executable, str(HERE / f"{peer}.py"), str(run.path), "--time-limit", f"{args.time_limit:g}",
           "--threads", str(args.threads)]
    if run.d is not None:
        cmd += ["--fairness", str(run.d)]
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=hard)
        out = json.loads(proc.stdout)
    except subprocess.TimeoutExpired:
        out = {"status": "timeout", "schedule": [], "breaks_lower_bound": None, "note": f"killed after {hard:g}s"}
    except json.JSONDecodeError:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        out = {"status": "error", "schedule": [], "breaks_lower_bound": None, "note": tail[:160]}
    out["seconds"] = time.monotonic() - start  # wall time of the whole process, for every peer alike
    return out


def judge(peer: str, out: dict, inst: Instance, published: str | None) -> Outcome:
    """Verify the schedule and compare with the published result."""
    o = _judge(peer, out, inst, published)
    o.assignment = {m - 1: t - 1 for m, t in out.get("schedule") or []}
    return o


def cross_check(outs: dict[str, Outcome], inst: Instance) -> None:
    """Peers as witnesses against each other: a valid schedule refutes any better claim.

    A claim of UNSAT, of optimality, or of a breaks lower bound is a MISMATCH when another peer
    (greedy included, when its schedule happens to be fully valid) returned a valid schedule that
    is better than the claim allows. This catches wrong proofs on generated instances, which have
    no published result.
    """
    if not inst.require_all:
        for o in outs.values():
            if o.status == "infeasible" and o.verdict not in ("invalid", "error"):
                o.verdict, o.note = "mismatch", "claims UNSAT but the empty schedule is valid"
    witnesses = []
    for o in outs.values():
        if o.assignment and o.verdict not in ("invalid", "error"):
            ev = evaluate(inst, o.assignment)  # full check, also for greedy
            if ev.valid:
                witnesses.append((ev.weight, -ev.breaks, o.peer))
    if not witnesses:
        return
    best = max(witnesses)
    for o in outs.values():
        if o.peer == "greedy" or o.verdict in ("invalid", "error", "skipped", "mismatch"):
            continue
        why = None
        if o.status == "infeasible":
            why = f"claims UNSAT but {best[2]} found a valid schedule"
        elif o.status == "optimal" and o.ev is not None and best[:2] > (o.ev.weight, -o.ev.breaks):
            why = f"claims optimal but {best[2]} found weight {best[0]} with {-best[1]} breaks"
        elif o.bound is not None and o.ev is not None and any(
                w > o.ev.weight or (w == o.ev.weight and -nb < o.bound) for w, nb, _ in witnesses):
            why = f"breaks bound {o.bound} refuted by {best[2]}"
        if why:
            o.verdict, o.note = "mismatch", why


def _judge(peer: str, out: dict, inst: Instance, published: str | None) -> Outcome:
    status, seconds, bound = out["status"], out["seconds"], out.get("breaks_lower_bound")
    note = out.get("note", "")
    ev = None
    if out.get("schedule"):
        assignment = {m - 1: t - 1 for m, t in out["schedule"]}
        greedy = peer == "greedy"
        ev = evaluate(inst, assignment, out.get("tables") or None,
                      allow_partial=greedy or None, check_fairness=not greedy)
        if len(assignment) != len(out["schedule"]):
            ev.valid = False
            ev.errors.insert(0, "a meeting is listed twice")
        if not ev.valid:
            return Outcome(peer, status, seconds, bound, ev, "invalid", "; ".join(ev.errors))
    if status in ("skipped", "error"):
        return Outcome(peer, status, seconds, bound, ev, status, note)
    if peer == "greedy":  # a heuristic that ignores fairness: it neither solves nor contradicts
        return Outcome(peer, status, seconds, bound, ev, "heuristic", note)
    verdict = "open"
    proven = status in ("optimal", "infeasible")
    if published == "UNSAT":
        if ev is not None:
            verdict = "mismatch"  # a valid complete schedule of a published-UNSAT run
        elif status == "infeasible":
            verdict = "solved"
    elif published is not None:
        opt = int(published)
        if status == "infeasible":
            verdict = "mismatch"
        elif ev is not None and ev.complete:
            if ev.breaks < opt or (status == "optimal" and ev.breaks != opt):
                verdict = "mismatch"
            elif status == "optimal":
                verdict = "solved"
        if bound is not None and bound > opt:
            verdict = "mismatch"
    elif proven:
        verdict = "solved"  # generated: no published result, a proof is what counts
    return Outcome(peer, status, seconds, bound, ev, verdict, note)


# ---- formatting ----------------------------------------------------------------------------------

def objective_text(o: Outcome, inst: Instance) -> str:
    if o.verdict == "invalid":
        return "INVALID"
    if o.status == "skipped":
        return "skipped: too large" if "too large" in o.note else "skipped"
    if o.status == "error":
        return "ERROR"
    if o.status == "infeasible":
        return "UNSAT"
    if o.ev is None:
        return "TO"
    ev = o.ev
    text = str(ev.breaks) if ev.complete else f"{ev.placed}/{ev.requested}, {ev.breaks}"
    if not ev.complete and (ev.weight, ev.total_weight) != (ev.placed, ev.requested):
        text += f" w{ev.weight}/{ev.total_weight}"
    return text + (" opt" if o.status == "optimal" else "")


def peer_cell(o: Outcome, inst: Instance) -> str:
    if o.peer == "greedy":
        if o.ev is None:
            return objective_text(o, inst)
        unfair = inst.max_breaks is not None and o.ev.max_breaks > inst.max_breaks
        mark = f" (max {o.ev.max_breaks}>d)" if unfair else ""
        return f"{o.ev.placed}/{o.ev.requested} {o.ev.breaks}{mark}"
    if o.status == "skipped":
        return objective_text(o, inst)
    bound = "-" if o.bound is None or o.status == "infeasible" else str(o.bound)
    secs = f"{o.seconds:.2f}" if o.seconds < 1 else f"{o.seconds:.1f}"
    return f"{objective_text(o, inst)} / {bound} / {secs}"


def check_mark(o: Outcome | None, published: str | None) -> str:
    if o is None:
        return ""
    if o.verdict == "invalid":
        return "INVALID"
    if o.verdict == "mismatch":
        return "MISMATCH"
    if o.verdict == "solved":
        return "✓"
    if published is None or o.status in ("error", "skipped"):
        return ""
    if published != "UNSAT" and o.ev is not None and o.ev.complete:
        gap = o.ev.breaks - int(published)
        return "= (unproven)" if gap == 0 else f"+{gap}"
    return "TO"


def machine_facts() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        git = lambda *a: subprocess.run(["git", "-C", str(REPO), *a], capture_output=True, text=True).stdout  # noqa: E731
        rev = git("rev-parse", "--short", "HEAD").strip()
        if rev and git("status", "--porcelain", "--untracked-files=no").strip():
            rev += " with uncommitted changes"
    except OSError:
        rev = "?"
    versions = []
    for mod in ("ortools", "pysat"):
        try:
            versions.append(f"{mod} {__import__(mod).__version__}")
        except Exception:  # noqa: BLE001 - a missing peer library only removes a fact line
            versions.append(f"{mod} missing")
    return [
        f"date (UTC): {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M')}",
        f"machine: nproc={os.cpu_count()}, CPU: {cpu}, {platform.system()} {platform.release()}, "
        f"load average at start {' '.join(f'{x:.1f}' for x in os.getloadavg())}",
        f"software: Python {platform.python_version()}, {', '.join(versions)}, corridor at git {rev or '?'}",
    ]


def render(rows: list[list[str]], header: list[str], markdown: bool) -> str:
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(out)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


Results = list[tuple[Run, Instance | None, dict[str, Outcome]]]


def totals(results: Results, peers: list[str]) -> tuple[list[str], list[list[str]]]:
    """Per peer: solved runs, total time, solved within 60 s, skipped/invalid/mismatch counts, and
    the ratio of its total time to Corridor's over the runs both actually ran (skips and errors
    are left out of both sums so a skipped peer does not look fast)."""
    header = ["peer", "solved", "total s", f"solved ≤ {SOLVED_WITHIN:g} s", "skipped", "invalid", "mismatch",
              "time ratio"]
    ran = lambda o: o is not None and o.verdict not in ("skipped", "error")  # noqa: E731
    rows = []
    for p in peers:
        outs = [r[p] for _, _, r in results if p in r]
        solved = [o for o in outs if o.verdict == "solved"]
        ratio = ""
        both = [(r[p], r["corridor"]) for _, _, r in results if ran(r.get(p)) and ran(r.get("corridor"))]
        base = sum(c.seconds for _, c in both)
        if both and base > 0:
            ratio = f"{sum(o.seconds for o, _ in both) / base:.2f}× corridor"
        rows.append([p, "-" if p == "greedy" else f"{len(solved)}/{len(outs)}",
                     f"{sum(o.seconds for o in outs if ran(o)):.1f}",
                     str(sum(o.seconds <= SOLVED_WITHIN for o in solved)),
                     str(sum(o.verdict in ("skipped", "error") for o in outs)),
                     str(sum(o.verdict == "invalid" for o in outs)),
                     str(sum(o.verdict == "mismatch" for o in outs)), ratio])
    return header, rows


def problem_notes(results, peers: list[str]) -> list[str]:
    """One line per distinct error, skip or invalid reason, so the table's ERROR cells are explained."""
    seen: dict[tuple[str, str], list[str]] = {}
    for run, _, outs in results:
        for p in peers:
            o = outs.get(p)
            if o is not None and o.verdict in ("error", "invalid", "skipped", "mismatch"):
                why = o.note if o.note.startswith(o.verdict) else f"{o.verdict}: {o.note}"
                seen.setdefault((p, why), []).append(run.label)
    missing = [f"{run.label}: {run.missing}" for run, inst, _ in results if inst is None]
    return missing + [f"{p} {why} ({len(labels)} runs, e.g. {labels[0]})" for (p, why), labels in seen.items()]


# ---- main ----------------------------------------------------------------------------------------

def sizes(ap, flag: str, text: str) -> list[int]:
    """A comma-separated list of participant counts, or 'none'."""
    if text.strip().lower() in ("", "none"):
        return []
    try:
        return [int(s) for s in text.split(",")]
    except ValueError:
        ap.error(f"{flag}: expected participant counts like 100,300 or 'none', got {text!r}")


def parse_args(argv=None):
    default_target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--instances", type=Path, default=REPO.parent / "shared/bench/b2bsp",
                    help="directory with best-known.csv and instances/ (default ../shared/bench/b2bsp)")
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--only", default=None, help="regular expression on the instance label, e.g. 'tic-12.*d=2'")
    sel = ap.add_mutually_exclusive_group()
    sel.add_argument("--fairness-runs", action="store_true", help="all 200 runs of best-known.csv (default)")
    sel.add_argument("--originals", action="store_true", help="only the 20 original instances at d=2")
    ap.add_argument("--generated", default="100,300,1000,2000",
                    help="participant counts of the generated ladder, or 'none' (default 100,300,1000,2000)")
    ap.add_argument("--planted", default="2000",
                    help="participant counts of planted instances (a known schedule with nearly no breaks), "
                         "or 'none' (default 2000)")
    ap.add_argument("--peers", default=",".join(PEERS))
    ap.add_argument("--corridor", default=str(default_target / "release/corridor"), help="path of the corridor binary")
    ap.add_argument("--out-dir", type=Path, default=REPO / "bench/out", help="where generated instances go")
    ap.add_argument("--markdown", type=Path, default=None)
    ap.add_argument("--jsonl", type=Path, default=None)
    args = ap.parse_args(argv)
    args.peers = [p.strip() for p in args.peers.split(",") if p.strip()]
    unknown = set(args.peers) - set(PEERS)
    if unknown:
        ap.error(f"unknown peers: {', '.join(sorted(unknown))}")
    args.sizes = sizes(ap, "--generated", args.generated)
    args.planted_sizes = sizes(ap, "--planted", args.planted)
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    facts = machine_facts() + [
        f"settings: time limit {args.time_limit:g} s, {args.threads} threads per peer, peers run one at a time; "
        "times are wall-clock seconds of the whole process; maxsat (RC2) is single-threaded"
    ]
    print("\n".join(facts), flush=True)
    runs = [r for r in public_runs(args.instances, args.originals) if not args.only or re.search(args.only, r.label)]
    runs += generated_runs(args.sizes, args.corridor, args.out_dir, args.only)
    runs += planted_runs(args.planted_sizes, args.corridor, args.out_dir, args.only)
    jsonl = open(args.jsonl, "w") if args.jsonl else None
    results: Results = []
    try:
        run_all(runs, args, results, jsonl)
    except KeyboardInterrupt:  # keep what was measured: the table below covers the runs done so far
        print(f"interrupted after {len(results)} of {len(runs)} runs", file=sys.stderr)
    if jsonl:
        jsonl.close()
    report(results, args, facts)
    return 0


def run_all(runs: list[Run], args, results: Results, jsonl) -> None:
    for i, run in enumerate(runs, 1):
        if run.missing:
            print(f"[{i}/{len(runs)}] {run.label}: not generated ({run.missing})", file=sys.stderr, flush=True)
            results.append((run, None, {}))
            continue
        try:
            inst = load(run.path, fairness=run.d)
        except (OSError, ValueError, KeyError, TypeError) as e:  # a broken generated file, say
            run.missing = f"unreadable: {e}"
            print(f"[{i}/{len(runs)}] {run.label}: {run.missing}", file=sys.stderr, flush=True)
            results.append((run, None, {}))
            continue
        outs: dict[str, Outcome] = {}
        for p in args.peers:
            outs[p] = judge(p, run_peer(p, run, inst, args), inst, run.published)
        cross_check(outs, inst)
        for o in outs.values():
            refuted_by_plant(o, run.planted)
        for p, o in outs.items():
            mark = check_mark(o, run.published) if p != "greedy" else ""
            print(f"[{i}/{len(runs)}] {run.label} {p}: {peer_cell(o, inst)} {mark}",
                  file=sys.stderr, flush=True)
            if jsonl:
                rec = {"instance": run.label, "file": str(run.path), "d": inst.max_breaks, "size": inst.size(),
                       "published": run.published, "planted": run.planted, "peer": p, "status": o.status, "verdict": o.verdict,
                       "seconds": round(o.seconds, 3), "breaks_lower_bound": o.bound, "note": o.note}
                if o.ev:
                    rec.update(valid=o.ev.valid, placed=o.ev.placed, requested=o.ev.requested,
                               weight=o.ev.weight, total_weight=o.ev.total_weight,
                               breaks=o.ev.breaks, max_breaks=o.ev.max_breaks, errors=o.ev.errors)
                jsonl.write(json.dumps(rec) + "\n")
                jsonl.flush()
        results.append((run, inst, outs))


def report(results: Results, args, facts: list[str]) -> None:
    """Print the one table and the totals (and write them as Markdown when asked)."""
    solvers = [p for p in args.peers if p != "greedy"]
    header = ["instance", "size P/M/T/L"]
    header += [f"{p} obj / bound / s" for p in solvers]
    header += ["greedy placed breaks"] if "greedy" in args.peers else []
    header += ["published"] + (["corridor check"] if "corridor" in args.peers else [])
    rows = []
    for run, inst, outs in results:
        if inst is None:
            rows.append([run.label, "-", "not generated (see notes)", *["-"] * (len(header) - 3)])
            continue
        row = [run.label, inst.size()] + [peer_cell(outs[p], inst) for p in solvers]
        if "greedy" in args.peers:
            row.append(peer_cell(outs["greedy"], inst))
        row.append(run.published or (f"planted {run.planted}" if run.planted is not None else "-"))
        if "corridor" in args.peers:
            row.append(check_mark(outs.get("corridor"), run.published))
        rows.append(row)
    legend = ("obj = breaks when every meeting is placed, else placed/requested, breaks; opt = proven optimal; "
              "UNSAT = proven infeasible; TO = nothing found in time; bound = proven lower bound on breaks; "
              "INVALID = schedule fails the independent check. solved = proven result equal to the published "
              "one (generated: any proven result); planted N = the breaks of the schedule a planted instance was "
              "built around, an upper bound on its optimum.")
    th, tr = totals(results, args.peers)
    print()
    print(render(rows, header, markdown=False))
    print()
    print(render(tr, th, markdown=False))
    print(legend)
    notes = problem_notes(results, args.peers)
    if notes:
        print("notes:\n" + "\n".join(f"- {n}" for n in notes))
    if args.markdown:
        args.markdown.write_text("\n".join(
            ["\n".join(f"- {f}" for f in facts), "", render(rows, header, markdown=True), "",
             render(tr, th, markdown=True), "", legend, "", *(f"- {n}" for n in notes), ""]))


if __name__ == "__main__":
    sys.exit(main())
