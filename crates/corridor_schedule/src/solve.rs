//! The entry point: picks a solver by size, combines bounds, validates the result.
//!
//! Small instances (the public benchmark sizes) go to the exact SAT solver, after a short
//! heuristic run that provides a fallback schedule and a warm start; when the exact search has
//! not proven its schedule optimal by 85 % of the time limit, and its schedule is two breaks or
//! more above its bound, the annealer gets the rest and the better schedule is kept (see
//! `EXACT_SHARE`); so it does from three tenths of the time limit on when the search has moved
//! neither bound by then (`IDLE_SHARE`). Large ones get the
//! construct-and-anneal heuristic and the cheap bound; when their tables are nearly full, the
//! last twentieth of the time limit goes to raising that bound with the tables' capacity
//! (`capacity_reserve`). Whatever comes
//! back is re-validated; a schedule that fails validation is never returned.

use std::time::{Duration, Instant};

use crate::exact::{self, Handover};
use crate::heuristic::{self, Start, UNPLACED};
use crate::model::{Objective, Options, Outcome, Problem, Progress, Schedule, Status};
use crate::validate::validate;

/// At most this many meetings go to the exact solver.
pub const EXACT_MEETINGS: usize = 400;

/// The share of the time limit the exact search gets on small instances before the annealer
/// takes over (only when the search has not proven its schedule optimal by then).
///
/// The public instances are all proven within about 50 s of 60 (most within 30), so 0.85
/// leaves them to the exact search. Generated instances of the same size or smaller (20–40
/// participants, 114–367 meetings, 32 slots, tight tables) are another matter: the exact
/// search rarely closes them, and its schedule then keeps the breaks of its first answers,
/// since it only asks for schedules at its lower bound. Measured (sixth session, 2 threads): the
/// exact search alone 6, 6, 11, 8 breaks in 30 s on four of them and 13, 12, 12 in 60 s on
/// three 40-participant ones, where the annealer alone found 4, 6, 7, 8 and 9, 12, 8.
///
/// A search within one break of its bound keeps the whole time limit instead (see
/// `exact::search::Shared::timed_out`): the annealer could only help by finding the optimum.
/// Measured (eighth session, the 20 `13crafb` runs through `examples/exact_bench --solve`, 2
/// threads, on a machine where they took 400–460 s): 2 timeouts in 40 runs with this, against
/// 6 in 80 without; within the noise, but it cannot lose a result the rule keeps.
const EXACT_SHARE: f64 = 0.85;

/// The share of the time limit after which an exact search that has moved neither bound
/// since it began (no bound proven, no schedule better than the heuristic's start) hands over
/// too, when its schedule is two breaks or more above its bound.
///
/// Why: on generated events of public-benchmark size or a little larger (20–40 participants,
/// 150–400 meetings, 32 slots, tables 80–90 % used) the SAT model is too big to answer its
/// first query within seconds, so the 85 % it got went to waste. Measured (fourteenth
/// session, 2 threads, 10 s, 20 such instances): the annealer alone had fewer breaks on 11
/// (by 1–2), as many on 8 and one more on 1. On the public instances the search moves a bound
/// early, but not at once: on the 29 runs of the `13crafb`, `13crafc` and `14crafa` families
/// that took 5 s or more, the first move came within 0.2–0.6 s on the `crafb` runs (a bound
/// proven), 0.05–0.4 s on the fixed-slot variants, and 3.9–8.1 s on the `crafc` runs and the
/// `ticf-14crafa` originals (the bound 0 rises to 1, or a better schedule is found, only after a
/// long first query). A fifth of 60 s would leave too thin a margin against a slower machine;
/// three tenths (18 s) leaves twice the slowest.
const IDLE_SHARE: f64 = 0.3;

/// Below this much time left the annealer is not worth starting after the exact search.
const RESCUE_MIN: Duration = Duration::from_millis(200);

/// The end of a large instance's time limit kept for the capacity bound (`heuristic::lagrange`),
/// when its tables are nearly full (`near_full`). With seats to spare the bound adds nothing
/// (with 1.3× the tables, `large_bench`'s instance stays at the cheap bound's 63), so the
/// annealer keeps the time.
///
/// Measured on `examples/large_bench` (2,000 participants, 2 threads): the bound rises from
/// the cheap bound's 191 to about 285 in 0.5 s and settles at 290 after 1.8 s. A twentieth of
/// the limit costs the annealer little (doubling its time gains only about 10 breaks): 571.3
/// breaks on average with the reserve against 574.8 without, 48 alternating runs each.
fn capacity_reserve(limit: Duration) -> Duration {
    limit.mul_f64(0.05).min(Duration::from_secs(3))
}

/// At least three quarters of all table-slots are needed: the tables, not only the
/// participants' days, then shape the schedule.
fn near_full(p: &Problem) -> bool {
    let tables: u64 = p.tables.iter().map(|&k| k as u64).sum();
    p.meetings.len() as f64 >= 0.75 * tables as f64
}

/// Solves `p` within `o.time_limit` using `o.threads` threads.
pub fn solve(p: &Problem, o: &Options<'_>) -> Outcome {
    let began = Instant::now();
    let deadline = began + o.time_limit;
    let bound = heuristic::bound(p);
    let total: u64 = p.meetings.iter().map(|m| m.weight as u64).sum();
    if p.require_all && bound.all_infeasible {
        return outcome(Status::Infeasible, None, 0, 0, began);
    }
    let small = p.meetings.len() <= EXACT_MEETINGS;
    let priced = !small && near_full(p);
    let heuristic_until = if small {
        // Short: on the public instances the SAT solver finds a first schedule within
        // milliseconds, and a whole second here was a second lost on every run that the
        // heuristic could not finish (most of them; it rarely reaches the optimum).
        began + (o.time_limit / 20).min(Duration::from_millis(200))
    } else if priced {
        deadline - capacity_reserve(o.time_limit)
    } else {
        deadline
    };
    let mut best = heuristic_schedule(p, o, heuristic_until, bound.breaks, !small);
    let mut lb = bound.breaks;
    if priced {
        lb = capacity_raised(p, o, &best, lb, deadline, began);
    }
    let mut wub = bound.weight_upper;
    let mut proven_optimal = false;
    let heuristic_proven = best
        .as_ref()
        .is_some_and(|b| b.1.scheduled_weight == total && b.1.breaks <= bound.breaks);
    if small && !heuristic_proven {
        // The exact search gets most of the time; what is left after it goes to the annealer
        // when the search did not close the gap (see `EXACT_SHARE`).
        let handover = Handover {
            at: began + o.time_limit.mul_f64(EXACT_SHARE),
            idle: began + o.time_limit.mul_f64(IDLE_SHARE),
        };
        let rest = deadline.saturating_duration_since(Instant::now());
        let eo = Options {
            time_limit: rest,
            threads: o.threads,
            initial: best.as_ref().map(|b| b.0.clone()),
            progress: o.progress,
            seed: o.seed,
        };
        let ex = exact::solve_exact_from(p, &eo, bound.breaks, Some(handover));
        // Without `require_all` the empty schedule is valid, so only then can it be infeasible.
        if ex.status == Status::Infeasible && p.require_all {
            return outcome(Status::Infeasible, None, 0, 0, began);
        }
        wub = wub.min(
            ex.weight_upper_bound
                .max(best.as_ref().map_or(0, |b| b.1.scheduled_weight)),
        );
        if let Some(s) = ex.schedule {
            if let Ok(obj) = validate(p, &s) {
                if best.as_ref().is_none_or(|b| better(&obj, &b.1)) {
                    best = Some((s, obj));
                }
                // Trust the proof only for what it proves: our result must match its optimum.
                proven_optimal = ex.status == Status::Optimal
                    && best.as_ref().is_some_and(|b| {
                        (b.1.scheduled_weight, b.1.breaks) == (obj.scheduled_weight, obj.breaks)
                    });
            }
        }
        lb = lb.max(ex.breaks_lower_bound);
        // Near full, the end of the time goes to the capacity bound, which on such instances
        // often proves more than the exact search did (see `IDLE_SHARE`).
        let full = !proven_optimal && near_full(p);
        let rescue_until = if full {
            deadline - capacity_reserve(o.time_limit)
        } else {
            deadline
        };
        if !proven_optimal && rescue_until > Instant::now() + RESCUE_MIN {
            if let Some(h) = heuristic_schedule(p, o, rescue_until, lb, true) {
                if best.as_ref().is_none_or(|b| better(&h.1, &b.1)) {
                    best = Some(h);
                }
            }
        }
        if full && deadline > Instant::now() {
            lb = capacity_raised(p, o, &best, lb, deadline, began);
        }
    }
    let Some((schedule, obj)) = best else {
        return outcome(Status::Unknown, None, 0, wub, began);
    };
    // The break bound assumes every meeting is held; it applies to maximal-weight schedules
    // only when one of them holds every meeting, which ours then proves.
    let all_held = obj.scheduled_weight == total;
    let lb = if all_held || proven_optimal {
        lb.min(obj.breaks)
    } else {
        0
    };
    let optimal = proven_optimal || (obj.scheduled_weight >= wub && obj.breaks <= lb && all_held);
    let status = if optimal {
        Status::Optimal
    } else {
        Status::Feasible
    };
    let mut out = outcome(
        status,
        Some((schedule, obj)),
        lb,
        wub.max(obj.scheduled_weight),
        began,
    );
    if optimal {
        out.breaks_lower_bound = obj.breaks;
    }
    out
}

/// `lb` raised by the capacity bound (`heuristic::capacity_bound`) until `until`, when `best`
/// holds every meeting and is above `lb`; reports the raised bound as progress.
fn capacity_raised(
    p: &Problem,
    o: &Options<'_>,
    best: &Option<(Schedule, Objective)>,
    lb: u64,
    until: Instant,
    began: Instant,
) -> u64 {
    let total: u64 = p.meetings.iter().map(|m| m.weight as u64).sum();
    let Some((_, obj)) = best else { return lb };
    if obj.scheduled_weight < total || obj.breaks <= lb {
        return lb;
    }
    let raised = lb.max(heuristic::capacity_bound(p, obj.breaks, until, o.threads));
    if let Some(f) = o.progress {
        f(Progress {
            elapsed: began.elapsed(),
            best: Some(*obj),
            breaks_lower_bound: raised,
            weight_upper_bound: total,
        });
    }
    raised
}

/// Lexicographic comparison: weight, then meetings, then breaks, worst day, table changes.
pub fn better(a: &Objective, b: &Objective) -> bool {
    let k = |o: &Objective| {
        (
            std::cmp::Reverse(o.scheduled_weight),
            std::cmp::Reverse(o.scheduled_meetings),
            o.breaks,
            o.max_breaks_per_participant,
            o.table_changes,
        )
    };
    k(a) < k(b)
}

/// Runs the heuristic until `until` and returns its schedule if it validates. `tuned` selects
/// the settings measured on large instances (planned days, their temperatures), which the
/// annealer also uses when the exact search left a small instance open.
fn heuristic_schedule(
    p: &Problem,
    o: &Options<'_>,
    until: Instant,
    lb: u64,
    tuned: bool,
) -> Option<(Schedule, Objective)> {
    let mut start = Start {
        enough_breaks: lb,
        ..Start::default()
    };
    if tuned {
        // A whole time limit on a large instance: starting hotter lets the search reshape the
        // days before it settles (measured on `examples/large_bench`), and ending warmer keeps
        // it moving between the many equal-cost states of near-full slots.
        start.start_temp = 18.0;
        start.end_temp = 0.3;
        // From planned days on near-full tables the annealer only polishes: hot, it undoes the
        // plan (measured on `large_bench`: 3 gives about 750 breaks, 18 about 1,000, and 604
        // against 632 at 79 % full); with tables to spare (70 % full) the hot phase still wins
        // (214 against 364). Near full, a cool start that ends warmer still walks the many
        // equal-cost states without undoing days (1 thread, 10 s, 4 seeds: 605 breaks on
        // average for 1.5 to 0.5, 615 for 1 to 0.2, 627 for 3 to 0.3, 609 for 1 to 0.7);
        // longer runs do not help (40 s: 636), so the start decides. Re-measured with the
        // later planning and sweeping (2 threads, 10 s, seeds 1–6, three rounds each): 1.5 to
        // 0.5 gave 571.3 on average, 1 or 2.5 to 0.5 573.7 and 576.6, 1.5 to 0.8 or 0.3 570.8
        // and 570.3, all within the noise: flat.
        let full = near_full(p);
        start.planned_temps = Some(if full { (1.5, 0.5) } else { (18.0, 0.3) });
        // Near full, the annealer keeps much of a better start, so the best of several plans
        // pays (1 thread, 10 s, 4 seeds: 627 breaks on average from the best of 20 against 647
        // from one; 60 plans no better); with tables to spare the hot phase reshapes the days
        // anyway and the time is better spent annealing (tables ×1.3: 246 against 235).
        start.plans = if full { 20 } else { 1 };
        start.planning = if full {
            heuristic::FULL
        } else {
            heuristic::SPARE
        };
        if full {
            // A break costs the same whatever its length; pricing idle slots too held the
            // search back in full slots (measured: 720 breaks instead of 766 in 10 s).
            start.weights.idle = 0;
        }
    }
    if let Some(init) = &o.initial {
        start.slots = vec![UNPLACED; p.meetings.len()];
        for pl in &init.placements {
            if let Some(s) = start.slots.get_mut(pl.meeting as usize) {
                *s = pl.slot;
            }
        }
    }
    let (slots, _) = heuristic::run(p, o, &start, until);
    let slots = if p.require_all {
        slots
    } else {
        heuristic::repaired(p, &slots)
    };
    let s = heuristic::schedule_of(p, &slots, &[]);
    validate(p, &s).ok().map(|obj| (s, obj))
}

pub(crate) fn outcome(
    status: Status,
    best: Option<(Schedule, Objective)>,
    lb: u64,
    wub: u64,
    began: Instant,
) -> Outcome {
    let (schedule, objective) = match best {
        Some((s, o)) => (Some(s), Some(o)),
        None => (None, None),
    };
    Outcome {
        status,
        schedule,
        objective,
        breaks_lower_bound: lb,
        weight_upper_bound: wub,
        elapsed: began.elapsed(),
    }
}
