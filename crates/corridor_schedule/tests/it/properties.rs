//! Property tests on random small instances: every schedule any solver returns is valid, and
//! on tiny ones the exact optimum equals an exhaustive search.

use std::time::{Duration, Instant};

use corridor_schedule::exact::solve_exact;
use corridor_schedule::heuristic::{bound, capacity_bound, construct, first_fit};
use corridor_schedule::model::{Meeting, Objective, Placement, Problem, Schedule, Status};
use corridor_schedule::solve::solve;
use corridor_schedule::validate::validate;
use proptest::prelude::*;

use crate::common::{am_pm, options, problem};

/// A random instance from a seed: `np` participants, `slots`, up to `nm` meetings.
fn random_problem(seed: u64, np: usize, slots: u16, nm: usize) -> Problem {
    let mut x = seed | 1;
    let mut next = move |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n.max(1)
    };
    let mut meetings = Vec::new();
    for i in 0..nm {
        let a = next(np as u64) as u32;
        let b = (a + 1 + next(np as u64 - 1) as u32) % np as u32;
        let mut m = Meeting {
            a,
            b,
            weight: 1 + next(3) as u32,
            session: None,
            fixed: None,
            after: Vec::new(),
        };
        match next(8) {
            0 => m.fixed = Some(next(slots as u64) as u16),
            1 => m.session = Some(next(2) as u16),
            2 if i > 0 => m.after = vec![next(i as u64) as u32],
            _ => {}
        }
        meetings.push(m);
    }
    let mut p = problem(np, slots, 1 + next(2) as u32, meetings);
    p.sessions = am_pm(slots);
    for part in &mut p.participants {
        if next(4) == 0 {
            part.forbidden = vec![next(slots as u64) as u16];
        }
    }
    p.require_all = next(2) == 0;
    p.max_breaks = [None, Some(0), Some(1)][next(3) as usize];
    p.idle_spans_sessions = next(3) != 0;
    p
}

/// The best objective over every assignment (weight first, then breaks), by enumeration.
fn brute_force(p: &Problem) -> Option<Objective> {
    let nm = p.meetings.len();
    let choices = p.slots as usize + 1;
    let mut best: Option<Objective> = None;
    let mut code = vec![0usize; nm];
    loop {
        let mut used = vec![0u32; p.slots as usize];
        let mut placements = Vec::new();
        for (m, &c) in code.iter().enumerate() {
            if c < p.slots as usize {
                placements.push(Placement {
                    meeting: m as u32,
                    slot: c as u16,
                    table: used[c],
                });
                used[c] += 1;
            }
        }
        if let Ok(obj) = validate(p, &Schedule { placements }) {
            let better = best.is_none_or(|b| {
                (obj.scheduled_weight, std::cmp::Reverse(obj.breaks))
                    > (b.scheduled_weight, std::cmp::Reverse(b.breaks))
            });
            if better {
                best = Some(obj);
            }
        }
        let mut i = 0;
        loop {
            if i == nm {
                return best;
            }
            code[i] += 1;
            if code[i] < choices {
                break;
            }
            code[i] = 0;
            i += 1;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_schedule_from_solve_and_the_heuristics_is_valid(seed in any::<u64>(), np in 2usize..7, slots in 2u16..7, nm in 0usize..12) {
        let p = random_problem(seed, np, slots, nm);
        let mut q = p.clone();
        q.require_all = false;
        q.max_breaks = None;
        prop_assert!(validate(&q, &first_fit(&q)).is_ok());
        prop_assert!(validate(&q, &construct(&q, seed)).is_ok());
        let out = solve(&p, &options(150));
        if let Some(s) = &out.schedule {
            let obj = validate(&p, s);
            prop_assert!(obj.is_ok(), "{:?}", obj);
            prop_assert_eq!(out.objective, obj.ok());
            prop_assert!(out.breaks_lower_bound <= out.objective.unwrap().breaks);
            // The cheap bound (per participant and per window of slots) against a proven
            // optimum that holds every meeting, which it claims to bound.
            let o = out.objective.unwrap();
            if out.status == Status::Optimal && o.scheduled_meetings as usize == p.meetings.len() {
                prop_assert!(bound(&p).breaks <= o.breaks, "{} > {}", bound(&p).breaks, o.breaks);
                let cap = capacity_bound(&p, o.breaks, Instant::now() + Duration::from_millis(100), 2);
                prop_assert!(cap <= o.breaks, "capacity {} > {}", cap, o.breaks);
            }
        } else {
            prop_assert!(matches!(out.status, Status::Infeasible | Status::Unknown));
        }
    }

    #[test]
    fn the_exact_optimum_equals_exhaustive_search_on_tiny_instances(seed in any::<u64>(), np in 2usize..5, slots in 2u16..5, nm in 0usize..6) {
        let p = random_problem(seed, np, slots, nm);
        let brute = brute_force(&p);
        let out = solve_exact(&p, &options(5000));
        match brute {
            None => prop_assert_eq!(out.status, Status::Infeasible),
            Some(b) => {
                prop_assert_eq!(out.status, Status::Optimal);
                let o = out.objective.unwrap();
                prop_assert_eq!((o.scheduled_weight, o.breaks), (b.scheduled_weight, b.breaks));
                if b.scheduled_meetings as usize == p.meetings.len() {
                    prop_assert!(bound(&p).breaks <= b.breaks);
                    let cap = capacity_bound(&p, b.breaks, Instant::now() + Duration::from_millis(100), 1);
                    prop_assert!(cap <= b.breaks, "capacity {} > {}", cap, b.breaks);
                }
                let via_solve = solve(&p, &options(2000)).objective.unwrap();
                prop_assert_eq!((via_solve.scheduled_weight, via_solve.breaks), (b.scheduled_weight, b.breaks));
            }
        }
    }

    #[test]
    fn the_capacity_bound_never_exceeds_the_exhaustive_optimum(seed in any::<u64>(), np in 2usize..5, slots in 2u16..6, nm in 1usize..6) {
        let mut p = random_problem(seed, np, slots, nm);
        // One table in most slots, none in some: where the capacity bound has something to say.
        p.tables = (0..slots as u64).map(|t| u32::from((seed >> t) % 4 != 0)).collect();
        p.require_all = false;
        p.max_breaks = None;
        if let Some(b) = brute_force(&p) {
            if b.scheduled_meetings as usize == p.meetings.len() {
                let cap = capacity_bound(&p, b.breaks, Instant::now() + Duration::from_millis(100), 1);
                prop_assert!(cap <= b.breaks, "capacity {} > {}", cap, b.breaks);
            }
        }
    }
}
