//! Exact solver: proven optima (or proven infeasibility) for the B2B meeting scheduling problem.
//!
//! # Technique, and why
//!
//! SAT with incremental assumptions, on CaDiCaL (the `cadical` crate bundles its C++ source;
//! nothing to install, no bindgen; `sat.rs` calls its C interface directly because the crate's
//! wrapper cannot set options). The JAIR 2022 study (Bofill et al.) found SAT/MaxSAT
//! encodings with *implied constraints* far ahead of CP and MIP on these instances, and the
//! optimal break counts are small (0 to about 25), so a lower-bounding linear search — "at most
//! k breaks?" for k = 0, 1, 2, … — reaches the optimum after a handful of calls, each UNSAT
//! answer being a proof of the bound k+1. A single incremental solver keeps its learnt clauses
//! across those calls. A second thread runs the same search one step ahead (k = lb+1), so the
//! last UNSAT proof and the final SAT query run in parallel; it runs in CaDiCaL's stable mode
//! so that the two search differently once they ask the same last query. Before each query a
//! worker re-reads the best schedule known into the solver's saved phases (solution-guided
//! search). Traced on the slow public runs, the UNSAT proofs below the optimum take a few
//! seconds and the final SAT query the rest, which is what these two choices are for (see
//! `search.rs`). The workers share bounds and the incumbent through atomics and interrupt each
//! other's moot queries.
//!
//! # Encoding (see `encode.rs`)
//!
//! - `x[m,t]` only for allowed pairs (session, forbidden, fixed and precedence-trimmed, in
//!   `domain.rs`); each meeting at most once, and at least once when all must be held.
//! - `busy[p,t] <-> OR x[m,t]` over p's meetings, with at most one of them true.
//! - Tables per slot: totalizer "at most L_t". Precedences: order variables "q held at <= t".
//! - Breaks: `brk[p,t] <-> busy[p,t-1] & !busy[p,t] & busy at some slot > t` (suffix-OR order
//!   variables), so a gap counts once whatever its length; over the whole day or per session
//!   depending on `idle_spans_sessions`. Fairness: totalizer "at most d" per participant.
//! - Implied constraints (they do not change the solutions, only help propagation): every
//!   participant is busy in exactly deg(p) slots (the paper's imp1); exactly twice as many
//!   participants as meetings are busy in each slot, hence at most 2·L_t and even (imp2,
//!   imp12+); participants with at most one meeting get no break variables at all; a
//!   participant with no break holds its meetings in one consecutive run (its first busy slot t
//!   forces t..t+deg-1, its last the run before, and no two busy slots are deg or more apart).
//!   Measured on the hard originals (with the switch from CaDiCaL's "unsat" to its default
//!   configuration at the same time): the parity link and the run constraints turned
//!   several 60 s timeouts into optima.
//! - Objective: a totalizer over all break literals truncated to the needed bound.
//!
//! No symmetry breaking: slots differ (forbidden, fixed, sessions, capacities), so swapping
//! slots is not a symmetry in general, and participants are not interchangeable either.
//!
//! When not every meeting must be held, a first phase maximises the held weight (`weight.rs`)
//! and fixes it before breaks are minimised. A meeting is then only held if all its
//! predecessors are held strictly before it.
//!
//! Of the lexicographic objective, held weight and total breaks are optimised and proven; the
//! third criterion (the worst participant's breaks) is then minimised with the total pinned
//! (`worst.rs`), within a conflict budget, so it is minimal on small instances but not always
//! proven on hard ones.
//! `Options::initial`, when valid and of maximum weight, is taken as the first incumbent;
//! `Options::seed` is unused (CaDiCaL is deterministic here).
//!
//! Large problems (more than [`MAX_PAIRS`] allowed (meeting, slot) pairs) are refused quickly
//! with status Unknown and trivial bounds, rather than exhausting memory.

mod cnf;
mod decode;
mod domain;
mod encode;
mod sat;
mod search;
mod weight;
mod worst;

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::time::Instant;

use crate::model::{Options, Outcome, Problem, Status};
pub(crate) use search::Handover;
use search::{Role, Shared};
use weight::WeightPhase;

/// Above this many allowed (meeting, slot) pairs the exact model is not attempted.
pub const MAX_PAIRS: usize = 400_000;

/// Solves `p` exactly within `o.time_limit`: the best schedule found plus proven bounds.
pub fn solve_exact(p: &Problem, o: &Options) -> Outcome {
    solve_exact_from(p, o, crate::heuristic::bound(p).breaks, None)
}

/// [`solve_exact`] with the cheap bound on breaks (`heuristic::bound`) already computed, and
/// optionally the instants after which the search gives the time back to the caller (see
/// `Shared::timed_out`).
pub(crate) fn solve_exact_from(
    p: &Problem,
    o: &Options,
    cheap_breaks: u64,
    handover: Option<Handover>,
) -> Outcome {
    let start = Instant::now();
    let total_weight: u64 = p.meetings.iter().map(|m| m.weight as u64).sum();
    // When every meeting is required, the cheap bound (per participant and per window of
    // slots) holds for every valid schedule: the search starts from it rather than from 0.
    let cheap = if p.require_all { cheap_breaks } else { 0 };
    let mut sh = Shared {
        p,
        start,
        deadline: start + o.time_limit,
        handover,
        // Never the bounds of a running search (its lower bound is finite): the idle rule
        // starts with the break search, below.
        began_with: (u64::MAX, u64::MAX),
        stop: AtomicBool::new(false),
        infeasible: AtomicBool::new(false),
        lb: AtomicU64::new(cheap),
        ub: AtomicU64::new(u64::MAX),
        best: Mutex::new(None),
        weight_ub: AtomicU64::new(total_weight),
        warm_ub: AtomicU64::new(u64::MAX),
        progress: o.progress,
    };
    let dom = domain::domains(p);
    let pairs: usize = dom.slots.iter().map(Vec::len).sum();
    let mut weight_proven = p.require_all;
    if p.require_all && dom.slots.iter().any(Vec::is_empty) {
        sh.infeasible.store(true, Relaxed);
    } else if pairs <= MAX_PAIRS {
        let mut enc = encode::encode(p, &dom);
        if !p.require_all {
            let (phase, best) = weight::maximize(&sh, p, &mut enc);
            match phase {
                WeightPhase::Optimal => weight_proven = true,
                WeightPhase::Infeasible => sh.infeasible.store(true, Relaxed),
                WeightPhase::Open => {}
            }
            // The heaviest schedule found: of maximum weight when the phase is Optimal, so a
            // valid incumbent for break minimisation (which may stop at once if it has 0).
            if let Some(slot) = best {
                sh.offer(&slot);
            }
        }
        if weight_proven {
            warm_start(&sh, o);
            sh.began_with = (sh.lb.load(Relaxed), sh.ub.load(Relaxed));
        }
        if weight_proven && !sh.infeasible.load(Relaxed) && !sh.timed_out() {
            if o.threads >= 2 {
                std::thread::scope(|s| {
                    s.spawn(|| search::run(&sh, &enc, Role::Single));
                    search::run(&sh, &enc, Role::Ahead);
                });
            } else {
                search::run(&sh, &enc, Role::Single);
            }
            // The workers set `stop` when the bounds met; the third criterion runs after them.
            if !sh.infeasible.load(Relaxed) && sh.lb.load(Relaxed) >= sh.ub.load(Relaxed) {
                sh.stop.store(false, Relaxed);
                worst::minimise(&sh, &enc);
            }
        }
    }
    finish(sh, weight_proven, start)
}

/// Offers `o.initial` as the incumbent when it is valid and of maximum weight (an immediate
/// upper bound; the SAT search itself cannot be seeded with it through this binding).
fn warm_start(sh: &Shared<'_>, o: &Options) {
    let Some(init) = &o.initial else { return };
    let Ok(obj) = crate::validate::validate(sh.p, init) else {
        return;
    };
    if obj.scheduled_weight < sh.weight_ub.load(Relaxed) {
        return;
    }
    let mut slot = vec![None; sh.p.meetings.len()];
    for pl in &init.placements {
        slot[pl.meeting as usize] = Some(pl.slot);
    }
    let v = sh.offer(&slot);
    sh.warm_ub.store(v, Relaxed);
}

/// A proven lower bound on the breaks of any maximum-weight schedule, found within
/// `time_limit` on one thread (0 when nothing could be proven, e.g. for very large problems).
pub fn breaks_lower_bound(p: &Problem, time_limit: std::time::Duration) -> u64 {
    let o = Options {
        time_limit,
        threads: 1,
        initial: None,
        progress: None,
        seed: 0,
    };
    solve_exact(p, &o).breaks_lower_bound
}

fn finish(sh: Shared<'_>, weight_proven: bool, start: Instant) -> Outcome {
    let best = sh.best.into_inner().ok().flatten();
    if sh.infeasible.load(Relaxed) {
        return Outcome {
            status: Status::Infeasible,
            schedule: None,
            objective: None,
            breaks_lower_bound: 0,
            weight_upper_bound: 0,
            elapsed: start.elapsed(),
        };
    }
    let lb = sh.lb.load(Relaxed);
    let status = match &best {
        Some(b) if weight_proven && b.objective.breaks <= lb => Status::Optimal,
        Some(_) => Status::Feasible,
        None => Status::Unknown,
    };
    let lb = match &best {
        Some(b) => lb.min(b.objective.breaks),
        None => lb,
    };
    Outcome {
        status,
        objective: best.as_ref().map(|b| b.objective),
        schedule: best.map(|b| b.schedule),
        breaks_lower_bound: if weight_proven { lb } else { 0 },
        weight_upper_bound: sh.weight_ub.load(Relaxed),
        elapsed: start.elapsed(),
    }
}
