//! The exact solver: hand-made instances with known optima, and a brute-force comparison.

use corridor_schedule::exact::{breaks_lower_bound, solve_exact};
use corridor_schedule::model::{Meeting, Outcome, Placement, Problem, Schedule, Session, Status};
use corridor_schedule::validate::validate;
use proptest::prelude::*;

use crate::common::{am_pm, meeting, options, problem};

/// Solves and checks the returned schedule independently; returns the outcome.
fn solve(p: &Problem) -> Outcome {
    let out = solve_exact(p, &options(20_000));
    if let Some(s) = &out.schedule {
        let obj = validate(p, s).unwrap_or_else(|v| panic!("invalid schedule: {v:?}"));
        assert_eq!(
            Some(obj),
            out.objective,
            "reported objective differs from the validator's"
        );
    }
    if out.status == Status::Optimal {
        let obj = out.objective.expect("optimal outcome has an objective");
        assert_eq!(out.breaks_lower_bound, obj.breaks);
        assert_eq!(out.weight_upper_bound, obj.scheduled_weight);
    }
    out
}

fn all(mut p: Problem) -> Problem {
    p.require_all = true;
    p
}

fn slot_of(out: &Outcome, m: u32) -> Option<u16> {
    out.schedule
        .as_ref()?
        .placements
        .iter()
        .find(|pl| pl.meeting == m)
        .map(|pl| pl.slot)
}

#[test]
fn chain_has_no_breaks() {
    let p = all(problem(
        4,
        3,
        1,
        vec![meeting(0, 1), meeting(1, 2), meeting(2, 3)],
    ));
    let out = solve(&p);
    assert_eq!(out.status, Status::Optimal);
    assert_eq!(out.objective.map(|o| o.breaks), Some(0));
}

#[test]
fn triangle_in_three_slots_forces_one_break() {
    // One table: the three meetings take the three slots in some order, and whoever meets in
    // the first and the last slot idles in between.
    let p = all(problem(
        3,
        3,
        1,
        vec![meeting(0, 1), meeting(0, 2), meeting(1, 2)],
    ));
    let out = solve(&p);
    assert_eq!(out.status, Status::Optimal);
    assert_eq!(out.objective.map(|o| o.breaks), Some(1));
    assert_eq!(out.breaks_lower_bound, 1);
}

#[test]
fn disjoint_triangles_each_force_a_break() {
    // Three triangles on separate participants, three slots: each triangle forces its own
    // break, so the proven bound and the optimum are both 3.
    let ms = (0..3u32)
        .flat_map(|k| {
            let b = 3 * k;
            [meeting(b, b + 1), meeting(b, b + 2), meeting(b + 1, b + 2)]
        })
        .collect();
    let p = all(problem(9, 3, 3, ms));
    let out = solve(&p);
    assert_eq!(out.status, Status::Optimal);
    assert_eq!(
        out.objective
            .map(|o| (o.breaks, o.max_breaks_per_participant)),
        Some((3, 1))
    );
    assert_eq!(
        breaks_lower_bound(&p, std::time::Duration::from_secs(20)),
        3
    );
}

#[test]
fn too_few_tables_is_infeasible() {
    let p = all(problem(
        6,
        1,
        2,
        vec![meeting(0, 1), meeting(2, 3), meeting(4, 5)],
    ));
    let out = solve(&p);
    assert_eq!(out.status, Status::Infeasible);
    assert!(out.schedule.is_none());
}

#[test]
fn fairness_bound_makes_triangle_infeasible() {
    let mut p = all(problem(
        3,
        3,
        1,
        vec![meeting(0, 1), meeting(0, 2), meeting(1, 2)],
    ));
    p.max_breaks = Some(0);
    assert_eq!(solve(&p).status, Status::Infeasible);
    p.max_breaks = Some(1);
    assert_eq!(solve(&p).status, Status::Optimal);
}

#[test]
fn precedence_orders_meetings() {
    let mut ms = vec![meeting(0, 1), meeting(0, 2)];
    ms[0].after = vec![1];
    let p = all(problem(3, 2, 2, ms));
    let out = solve(&p);
    assert_eq!(out.status, Status::Optimal);
    assert_eq!(slot_of(&out, 1), Some(0));
    assert_eq!(slot_of(&out, 0), Some(1));
}

#[test]
fn precedence_cycle_is_infeasible() {
    let mut ms = vec![meeting(0, 1), meeting(0, 2)];
    ms[0].after = vec![1];
    ms[1].after = vec![0];
    assert_eq!(solve(&all(problem(3, 4, 2, ms))).status, Status::Infeasible);
}

#[test]
fn fixed_slots_are_kept_and_can_force_a_break() {
    let mut ms = vec![meeting(0, 1), meeting(0, 2), meeting(0, 3)];
    ms[0].fixed = Some(0);
    ms[1].fixed = Some(4);
    let p = all(problem(4, 5, 1, ms));
    let out = solve(&p);
    assert_eq!(out.status, Status::Optimal);
    assert_eq!(slot_of(&out, 0), Some(0));
    assert_eq!(slot_of(&out, 1), Some(4));
    // Participant 0 meets at 0 and 4 and once in between: one break at least.
    assert_eq!(out.objective.map(|o| o.breaks), Some(1));
}

#[test]
fn among_optimal_totals_the_worst_participant_is_minimised() {
    // A (0) meets dummies at fixed slots 0 and 2, B (1) at fixed slots 4 and 6; the free
    // meeting A-B can go to 1, 3 or 5. Every choice gives 2 breaks in total, but only slot 3
    // splits them one each; 1 and 5 give one participant both.
    let mut ms = vec![
        meeting(0, 1),
        meeting(0, 2),
        meeting(0, 3),
        meeting(1, 4),
        meeting(1, 5),
    ];
    for (m, t) in [(1, 0), (2, 2), (3, 4), (4, 6)] {
        ms[m].fixed = Some(t);
    }
    let p = all(problem(6, 7, 2, ms));
    let out = solve(&p);
    assert_eq!(out.status, Status::Optimal);
    let o = out.objective.expect("objective");
    assert_eq!((o.breaks, o.max_breaks_per_participant), (2, 1));
    assert_eq!(slot_of(&out, 0), Some(3));
}

#[test]
fn forbidden_slot_and_session_are_respected() {
    let mut p = all(problem(3, 4, 1, vec![meeting(0, 1), meeting(0, 2)]));
    p.sessions = am_pm(4);
    p.meetings[0].session = Some(1);
    p.participants[0].forbidden = vec![2];
    let out = solve(&p);
    assert_eq!(out.status, Status::Optimal);
    assert_eq!(slot_of(&out, 0), Some(3));
    // Meeting 1 can only go to slot 0 or 1 (2 is forbidden, 3 taken): participant 0 idles
    // in between, one break.
    assert_eq!(out.objective.map(|o| o.breaks), Some(1));
    // When idle time does not span sessions, the two meetings sit in different sessions.
    p.idle_spans_sessions = false;
    let out = solve(&p);
    assert_eq!(out.objective.map(|o| o.breaks), Some(0));
}

#[test]
fn optional_meetings_maximise_weight_first() {
    let mut ms = vec![meeting(0, 1), meeting(0, 2), meeting(3, 4)];
    ms[1].weight = 5;
    ms[2].weight = 2;
    let p = problem(5, 1, 1, ms);
    let out = solve(&p);
    assert_eq!(out.status, Status::Optimal);
    assert_eq!(out.weight_upper_bound, 5);
    assert_eq!(slot_of(&out, 1), Some(0));
}

#[test]
fn tables_stay_put_for_consecutive_meetings() {
    let p = all(problem(3, 2, 3, vec![meeting(0, 1), meeting(0, 2)]));
    let out = solve(&p);
    assert_eq!(out.objective.map(|o| o.table_changes), Some(0));
}

#[test]
fn warm_start_and_lower_bound_helper() {
    let p = all(problem(
        3,
        3,
        1,
        vec![meeting(0, 1), meeting(0, 2), meeting(1, 2)],
    ));
    let initial = Schedule {
        placements: (0..3)
            .map(|m| Placement {
                meeting: m,
                slot: m as u16,
                table: 0,
            })
            .collect(),
    };
    let mut o = options(20_000);
    o.initial = Some(initial);
    let out = solve_exact(&p, &o);
    assert_eq!(out.status, Status::Optimal);
    assert_eq!(out.objective.map(|o| o.breaks), Some(1));
    assert_eq!(
        breaks_lower_bound(&p, std::time::Duration::from_secs(10)),
        1
    );
}

// ---- brute force on tiny random instances -------------------------------------------------

/// Best (weight, breaks, worst participant's breaks) over every slot assignment, compared
/// lexicographically, or None when nothing is valid.
fn brute_force(p: &Problem) -> Option<(u64, u64, u32)> {
    let nm = p.meetings.len();
    let choices = p.slots as usize + usize::from(!p.require_all);
    let mut best: Option<(u64, u64, u32)> = None;
    let mut idx = vec![0usize; nm];
    loop {
        let mut used = vec![0u32; p.slots as usize];
        let mut placements = Vec::new();
        for (m, &c) in idx.iter().enumerate() {
            if c < p.slots as usize {
                placements.push(Placement {
                    meeting: m as u32,
                    slot: c as u16,
                    table: used[c],
                });
                used[c] += 1;
            }
        }
        if let Ok(o) = validate(p, &Schedule { placements }) {
            let key = (o.scheduled_weight, o.breaks, o.max_breaks_per_participant);
            let rank = |k: (u64, u64, u32)| (std::cmp::Reverse(k.0), k.1, k.2);
            if best.is_none_or(|b| rank(key) < rank(b)) {
                best = Some(key);
            }
        }
        // Next assignment (odometer).
        let mut i = 0;
        while i < nm {
            idx[i] += 1;
            if idx[i] < choices {
                break;
            }
            idx[i] = 0;
            i += 1;
        }
        if i == nm {
            return best;
        }
    }
}

fn tiny_problem() -> impl Strategy<Value = Problem> {
    (
        2usize..=4,
        1u16..=5,
        1u32..=2,
        1usize..=5,
        any::<u64>(),
        any::<[bool; 3]>(),
    )
        .prop_map(|(np, slots, tables, nm, seed, [all, split, spans])| {
            let mut r = seed;
            let mut next = |n: u64| {
                r = r
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (r >> 33) % n
            };
            let mut ms: Vec<Meeting> = (0..nm)
                .map(|_| {
                    let a = next(np as u64) as u32;
                    let b = (a + 1 + next(np as u64 - 1) as u32) % np as u32;
                    meeting(a, b)
                })
                .collect();
            let mut p = problem(np, slots, tables, Vec::new());
            if split && slots >= 2 {
                let h = slots / 2;
                p.sessions = vec![
                    Session {
                        name: "am".into(),
                        start: 0,
                        len: h,
                    },
                    Session {
                        name: "pm".into(),
                        start: h,
                        len: slots - h,
                    },
                ];
            }
            for (i, m) in ms.iter_mut().enumerate() {
                m.weight = 1 + next(3) as u32;
                match next(8) {
                    0 => m.fixed = Some(next(slots as u64) as u16),
                    1 => m.session = Some(next(p.sessions.len() as u64) as u16),
                    2 if i > 0 => m.after = vec![next(i as u64) as u32],
                    _ => {}
                }
            }
            for part in &mut p.participants {
                if next(4) == 0 {
                    part.forbidden = vec![next(slots as u64) as u16];
                }
            }
            p.tables = (0..slots).map(|_| 1 + next(tables as u64) as u32).collect();
            p.meetings = ms;
            p.require_all = all;
            p.idle_spans_sessions = spans;
            p.max_breaks = if next(3) == 0 {
                Some(next(2) as u32)
            } else {
                None
            };
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn matches_brute_force(p in tiny_problem()) {
        let out = solve(&p);
        match brute_force(&p) {
            None => prop_assert_eq!(out.status, Status::Infeasible),
            Some((w, b, worst)) => {
                prop_assert_eq!(out.status, Status::Optimal);
                let o = out.objective.expect("objective");
                prop_assert_eq!((o.scheduled_weight, o.breaks), (w, b));
                // The third criterion is minimised after the proof (tiny: within its budget).
                prop_assert_eq!(o.max_breaks_per_participant, worst);
            }
        }
    }
}
