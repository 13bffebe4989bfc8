//! Heuristics for instances too large for the exact solver.
//!
//! - [`first_fit`]: the baseline: each meeting in request order at its earliest feasible slot.
//! - `run`: construct greedily (most constrained meeting first, each where it adds the
//!   least idle time), then simulated annealing over compound moves (`search`), one
//!   independent run per thread with different seeds, each from its own start; the best run
//!   wins. States are ranked by (unplaced weight, fairness excess, moved meetings, breaks,
//!   worst participant's breaks), so the third criterion is minimised after the breaks.
//!   On request (large instances) the start is instead planned day by day (`runs`) and filled
//!   slot by slot (`sweep`), when that start is better.
//! - [`bound`]: a cheap valid lower bound on breaks and upper bound on weight.
//! - [`capacity_bound`]: a slower, often stronger bound on breaks from the tables' capacity
//!   (`lagrange`), which `solve` computes in the last twentieth of a large instance's time.
//!
//! All of them keep the hard constraints; their results still go through `validate`.

pub(crate) mod bound;
pub(crate) mod greedy;
pub(crate) mod inst;
pub(crate) mod kempe;
pub(crate) mod lagrange;
pub(crate) mod repair;
pub(crate) mod runs;
pub(crate) mod search;
pub(crate) mod state;
pub(crate) mod sweep;

use std::time::{Duration, Instant};

pub use bound::Bound;
use inst::Inst;
use search::{Anneal, Key};
use state::{NONE, State, Weights};

use crate::model::{Objective, Options, Problem, Progress, Schedule};
use crate::rng::Rng;

/// First fit in request order (the benchmark's baseline).
pub fn first_fit(p: &Problem) -> Schedule {
    let inst = Inst::new(p);
    let st = greedy::first_fit_state(&inst);
    // A meeting whose predecessor found no slot must go too.
    let slots = repair::repair(&inst, &st.slot);
    greedy::to_schedule(p, &slots, &[])
}

/// The constructive heuristic alone (no search). Meetings that would break fairness or
/// stand without their predecessor are dropped, so the result is valid unless every meeting
/// is required.
pub fn construct(p: &Problem, seed: u64) -> Schedule {
    let inst = Inst::new(p);
    let mut st = State::new(&inst, Weights::default(), Vec::new());
    greedy::construct(&mut st, &inst, &mut Rng::new(seed));
    let slots = repair::repair(&inst, &st.slot);
    greedy::to_schedule(p, &slots, &[])
}

/// Cheap valid bounds (see the `bound` module).
pub fn bound(p: &Problem) -> Bound {
    bound::bound(&Inst::new(p))
}

/// A lower bound on breaks from the tables' capacity, raised until `until` (see `lagrange`);
/// `target` is the breaks of a known schedule.
pub fn capacity_bound(p: &Problem, target: u64, until: Instant, threads: usize) -> u64 {
    lagrange::capacity_bound(&Inst::new(p), target, until, threads)
}

/// How a search run starts and what it prices.
pub(crate) struct Start {
    /// Slots to start from (`NONE` = unscheduled); empty = construct greedily.
    pub slots: Vec<u16>,
    /// Previous slots for incremental mode; empty otherwise.
    pub home: Vec<u16>,
    pub weights: Weights,
    pub start_temp: f64,
    pub end_temp: f64,
    pub max_iters: u64,
    /// A proven lower bound on breaks: reaching it ends the search.
    pub enough_breaks: u64,
    /// Without start slots, also plan the days and fill them slot by slot (`sweep`); when that
    /// start is the better one, anneal from it between these temperatures instead (it needs no
    /// hot phase to shape the days, which would only undo them).
    pub planned_temps: Option<(f64, f64)>,
    /// Most plans tried for the planned start, the best kept (see `start_state`).
    pub plans: usize,
    /// The time the planned start may take (see `FULL` and `SPARE`).
    pub planning: Planning,
}

impl Default for Start {
    fn default() -> Self {
        Start {
            slots: Vec::new(),
            home: Vec::new(),
            weights: Weights::default(),
            start_temp: 3.0,
            end_temp: 0.1,
            max_iters: u64::MAX,
            enough_breaks: 0,
            planned_temps: None,
            plans: 1,
            planning: SPARE,
        }
    }
}

/// Builds the starting state: the given slots where still feasible, then greedy insertion of
/// the rest. Also returns whether it is the planned start (see `Start::planned_temps`).
fn start_state(inst: &Inst<'_>, start: &Start, rng: &mut Rng, deadline: Instant) -> (State, bool) {
    let st = completed(inst, start, &start.slots, rng);
    if !start.slots.is_empty() || start.planned_temps.is_none() {
        return (st, false);
    }
    // Part of the time for planning and sweeping (see `Planning`): as many plans as fit, at
    // most `start.plans`, and the best kept (plans differ by their random tie-breaks). The
    // plans are of two kinds (see `runs::LOOSE`); which kind does better depends on whether
    // the tables can hold days that fit together, and the sweep tells: one plan of each kind
    // is tried, and the rest go to the kind `chosen` picks. Each plan refines its days for up
    // to a share of the planning time left (see `runs::MAX_ROUNDS`).
    let share = start.planning;
    let now = Instant::now();
    let until = now + deadline.saturating_duration_since(now).mul_f64(share.time);
    let mut best: [Option<((u64, Key), State)>; 2] = [None, None];
    for i in 0..start.plans.max(1) {
        let kind = if i < 2 { i } else { chosen(&best) };
        let now = Instant::now();
        let rounds_until = now + until.saturating_duration_since(now).mul_f64(share.rounds);
        let runs = runs::plan(inst, rng, SPLIT, KINDS[kind], rounds_until);
        let next = completed(inst, start, &sweep::fill(inst, rng, until, &runs), rng);
        let rank = plan_rank(&next);
        if best[kind].as_ref().is_none_or(|b| rank < b.0) {
            best[kind] = Some((rank, next));
        }
        // The plan of the other kind goes whenever time is left; later ones only if one as
        // slow as this one still fits: a plan finished after `until` is filled without
        // alternating paths, so it only wastes the time.
        let next_needs = if i == 0 {
            Duration::ZERO
        } else {
            now.elapsed()
        };
        if Instant::now() + next_needs >= until {
            break;
        }
    }
    let kind = chosen(&best);
    let Some((_, planned)) = best[kind].take() else {
        return (st, false);
    };
    if planned_better(&planned, &st, inst.p.meetings.len()) {
        (planned, true)
    } else {
        (st, false)
    }
}

/// How much time goes to planning days and filling them: `time` of the time limit, of which
/// each plan's rounds may use `rounds` of what is left.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Planning {
    time: f64,
    rounds: f64,
}

/// Near-full tables (several plans, cool annealing that keeps the start): a third of the time,
/// most of it for the first plan's rounds. Why: the rounds that revise each day against its
/// partners' latest days keep paying long after the best of several plans stops paying.
/// Measured (sixteenth session, `large_bench 2000 10 1 2`, alternating, 8 seeds per round):
/// a tenth with at most 12 rounds per plan, two fifths of it for rounds (before), 566.3 and
/// 568.4 breaks on average in two rounds; a fifth 555.4 and 553.4; a quarter 551.0; a third
/// 551.6; with up to 20 rounds a quarter 544.8 and a third 542.4; a third with up to 60
/// rounds and four fifths of it for rounds 525.8 and 534.3; half the time, or up to 100
/// rounds, no better (540.5 and 541.5).
pub(crate) const FULL: Planning = Planning {
    time: 1.0 / 3.0,
    rounds: 0.8,
};

/// Tables to spare (one plan, then a hot phase that reshapes the days anyway): the time is
/// better spent annealing. Measured (same session, tables ×1.3, 9 seeds each): 243 breaks on
/// average as here against 266 with `FULL`.
pub(crate) const SPARE: Planning = Planning {
    time: 0.1,
    rounds: 0.4,
};

/// The two kinds of plan: loose first, so that a single plan is the kind that did better on
/// `large_bench`.
const KINDS: [runs::Kind; 2] = [runs::LOOSE, runs::STRICT];

/// The kind (index into `KINDS`) to go on with, given the best start of each kind so far:
/// the strict kind only when its best start leaves a tenth fewer breaks than the loose kind's
/// (meetings left out counted as breaks, see `plan_rank`). Why a margin: on `large_bench`
/// a strict start that the sweep ranks a little better still anneals worse (measured,
/// fifteenth session, 2 threads, 10 s: 572.8 breaks on average over 10 runs when the best
/// start of either kind was kept, against 564.1 with loose plans only).
fn chosen<T>(best: &[Option<((u64, Key), T)>; 2]) -> usize {
    match best {
        [Some((loose, _)), Some((strict, _))] => usize::from(strict.0 * 10 < loose.0 * 9),
        [None, Some(_)] => 1,
        _ => 0,
    }
}

/// Ranks planned starts: a meeting left out costs about a break once the search places it
/// back, so they count alike.
fn plan_rank(s: &State) -> (u64, Key) {
    (s.breaks + u64::from(s.unplaced), search::key(s))
}

/// Whether to anneal from the planned start rather than the greedy one. A few more meetings
/// left out is fine when it has fewer breaks: the search places them back within moments,
/// while it cannot give the greedy start the planned days' shape.
fn planned_better(planned: &State, greedy: &State, meetings: usize) -> bool {
    let slack = (meetings / 100) as u32;
    if planned.unplaced <= greedy.unplaced + slack && planned.breaks < greedy.breaks {
        return true;
    }
    search::key(planned) < search::key(greedy)
}

/// Plan cost of a planned break, against 4,096 per participant over a slot's capacity.
/// Measured on `large_bench` (2,000 participants, full tables, 1 thread, 10 s): 2^16 gives
/// 647 breaks, 2^18 620, 2^20 625–650, 2^22 666 (fewer splits leave the middle of the day
/// overbooked; more split days that could have stayed whole). With the best of 20 plans and
/// the cooler annealing (2 threads, 10 s, 3–4 seeds): 2^17 620 on average, 2^18 603, 2^19 596,
/// 2^20 597.
const SPLIT: i64 = 1 << 19;

/// `slots` where still feasible, then greedy insertion of the rest.
fn completed(inst: &Inst<'_>, start: &Start, slots: &[u16], rng: &mut Rng) -> State {
    let mut st = State::new(inst, start.weights, start.home.clone());
    for (m, &t) in slots.iter().enumerate() {
        if t != NONE
            && (t as usize) < inst.slots
            && m < inst.p.meetings.len()
            && st.can_place(inst, m, t)
        {
            st.place(inst, m, t);
        }
    }
    greedy::construct(&mut st, inst, rng);
    st
}

/// Construct-then-anneal on `threads` threads until `deadline`; returns the best slots and key.
///
/// Every thread builds its own start (with its own seed) and anneals from it. On large
/// instances planning takes up to a third of the time, so planning on every thread at once
/// keeps the second core busy there and gives the runs different days to start from. Measured
/// (twelfth session, `large_bench 2000 10 1 2`, seeds 1–6, alternating rounds): 571.3 breaks
/// on average over 66 runs (standard deviation 6.5) against 573.6 over 54 (8.5) when the other
/// threads copied the first thread's start; small against the noise, but fewer bad runs. The runs still exchange their best states (see
/// `search::Anneal::elite`): without that, 577.1 against 571.6 (18 runs each).
pub(crate) fn run(
    p: &Problem,
    o: &Options<'_>,
    start: &Start,
    deadline: Instant,
) -> (Vec<u16>, Key) {
    let inst = Inst::new(p);
    let threads = o.threads.max(1);
    let elite = std::sync::Mutex::new(None);
    let began = Instant::now();
    let total: u64 = p.meetings.iter().map(|m| m.weight as u64).sum();
    let report = |k: Key, placed: u32| {
        if let Some(f) = o.progress {
            let best = Objective {
                scheduled_meetings: placed,
                scheduled_weight: total - k.0,
                breaks: k.3,
                ..Objective::default()
            };
            f(Progress {
                elapsed: began.elapsed(),
                best: Some(best),
                // The caller's bound holds for schedules that hold every meeting; before the
                // search has placed them all, it says nothing about the best state.
                breaks_lower_bound: if k.0 == 0 { start.enough_breaks } else { 0 },
                weight_upper_bound: total,
            });
        }
    };
    // One run: its own start, then annealing from it (thread 0 uses the caller's seed).
    let one = |i: usize, tick: &mut dyn FnMut(Key, u32)| {
        let mut rng = Rng::new(o.seed.wrapping_add(0x9E37_79B9 * i as u64));
        let (mut st, planned) = start_state(&inst, start, &mut rng, deadline);
        let (start_temp, end_temp) = match start.planned_temps {
            Some(temps) if planned => temps,
            _ => (start.start_temp, start.end_temp),
        };
        let cfg = Anneal {
            deadline,
            start_temp,
            end_temp,
            max_iters: start.max_iters,
            enough_breaks: start.enough_breaks,
            elite: (threads > 1).then_some(&elite),
        };
        search::anneal(&inst, &mut st, &cfg, &mut rng, tick)
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = (1..threads)
            .map(|i| {
                let one = &one;
                s.spawn(move || one(i, &mut |_, _| {}))
            })
            .collect();
        let mut best = one(0, &mut |k, placed| report(k, placed));
        for r in handles.into_iter().filter_map(|h| h.join().ok()) {
            if r.1 < best.1 {
                best = r;
            }
        }
        best
    })
}

/// Turns slots into a schedule with tables (preferring `prefer[m]` when given).
pub(crate) fn schedule_of(p: &Problem, slots: &[u16], prefer: &[Option<u32>]) -> Schedule {
    greedy::to_schedule(p, slots, prefer)
}

pub(crate) use state::NONE as UNPLACED;

/// Drops meetings so that a weight-maximising result is valid (see `repair`).
pub(crate) fn repaired(p: &Problem, slots: &[u16]) -> Vec<u16> {
    repair::repair(&Inst::new(p), slots)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{GenParams, PlantParams, generate, planted};

    fn far() -> Instant {
        Instant::now() + std::time::Duration::from_secs(600)
    }

    /// `start_state`'s draws by hand: the greedy start, then `n` plans, each filled. Returns
    /// each plan's kind and filled start, and the kind chosen in the end.
    fn by_hand(
        inst: &Inst<'_>,
        start: &Start,
        seed: u64,
        n: usize,
    ) -> (Vec<usize>, Vec<State>, usize) {
        let mut rng = Rng::new(seed);
        let _greedy = completed(inst, start, &[], &mut rng);
        let mut best: [Option<((u64, Key), ())>; 2] = [None, None];
        let (mut kinds, mut each) = (Vec::new(), Vec::new());
        for i in 0..n {
            let kind = if i < 2 { i } else { chosen(&best) };
            let runs = runs::plan(inst, &mut rng, SPLIT, KINDS[kind], far());
            let st = completed(
                inst,
                start,
                &sweep::fill(inst, &mut rng, far(), &runs),
                &mut rng,
            );
            let rank = plan_rank(&st);
            if best[kind].as_ref().is_none_or(|b| rank < b.0) {
                best[kind] = Some((rank, ()));
            }
            kinds.push(kind);
            each.push(st);
        }
        (kinds, each, chosen(&best))
    }

    fn planning(plans: usize) -> Start {
        Start {
            planned_temps: Some((1.0, 0.1)),
            plans,
            ..Start::default()
        }
    }

    #[test]
    fn the_best_of_several_plans_is_kept() {
        let (p, _) = generate(&GenParams {
            participants: 300,
            seed: 5,
            slots_per_session: Some(8),
            ..GenParams::default()
        });
        let inst = Inst::new(&p);
        let start = planning(8);
        let (kept, planned) = start_state(&inst, &start, &mut Rng::new(1), far());
        assert!(planned);
        let (kinds, each, winner) = by_hand(&inst, &start, 1, 8);
        // One plan of each kind, then the chosen kind only.
        assert_eq!(&kinds[..2], &[0, 1]);
        assert!(kinds[2..].iter().all(|&k| k == winner), "{kinds:?}");
        let ranks: Vec<u64> = each
            .iter()
            .zip(&kinds)
            .filter(|(_, k)| **k == winner)
            .map(|(s, _)| plan_rank(s).0)
            .collect();
        // Plans differ, and here the first is not the best: keeping it would fail below.
        assert!(ranks.iter().any(|&b| b < ranks[0]), "{ranks:?}");
        // The kept start is the best of the chosen kind.
        let best = each
            .iter()
            .zip(&kinds)
            .filter(|(_, k)| **k == winner)
            .min_by_key(|(s, _)| plan_rank(s))
            .map(|(s, _)| &s.slot);
        assert_eq!(best, Some(&kept.slot), "{ranks:?}");
    }

    #[test]
    fn on_a_planted_instance_the_strict_plans_are_kept() {
        // Days that fit together fill the tables here, and the strict plans find them.
        let pl = planted(&PlantParams {
            participants: 400,
            seed: 1,
            slots_per_session: 12,
            day: (4, 16),
            ..PlantParams::default()
        });
        let inst = Inst::new(&pl.problem);
        let start = planning(4);
        let (kept, planned) = start_state(&inst, &start, &mut Rng::new(2), far());
        assert!(planned);
        let (kinds, each, winner) = by_hand(&inst, &start, 2, 4);
        assert_eq!(kinds, [0, 1, 1, 1]);
        assert_eq!(winner, 1);
        let loose = plan_rank(&each[0]).0;
        let strict = each[1..].iter().map(|s| plan_rank(s).0).min();
        assert!(
            strict.is_some_and(|b| b * 10 < loose * 9),
            "{strict:?} against {loose}"
        );
        assert_eq!(kept.breaks, strict.unwrap_or(0) - u64::from(kept.unplaced));
    }
}
