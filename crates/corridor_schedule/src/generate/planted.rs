//! Instances built around a known schedule with (nearly) no breaks.
//!
//! Why: on large generated instances the solver's proven bound is far below its schedules
//! (about 290 against 570 breaks on `large_bench`), and a bound says nothing about which of
//! the two is far from the optimum. Here the optimum is known to be at most the planted
//! schedule's breaks, so the distance of a solver's result from it is the solver's own.
//!
//! Construction: each participant gets one run of consecutive slots (its day) within its
//! availability; in every slot the participants whose day covers it are paired at random, and
//! each pair becomes a requested meeting held there. A participant left without a partner in
//! the middle of its day (an odd count, or every candidate already met) gets a planted break;
//! at the day's ends it only shortens the day. Tables: the busiest slot's meetings, in every
//! slot. The meetings are shuffled afterwards, so that request order does not give the planted
//! slots away.

use std::collections::HashSet;

use super::{firm_name, plain_names, request, two_sessions};
use crate::model::{Meeting, Participant, Placement, Problem, Schedule};
use crate::names::Names;
use crate::rng::Rng;

#[derive(Debug, Clone)]
pub struct PlantParams {
    pub participants: usize,
    pub seed: u64,
    pub slots_per_session: u16,
    /// Length of a participant's planted day (in slots), drawn uniformly from this range.
    pub day: (usize, usize),
    /// Place each day where the slots it covers are least busy so far, rather than at random:
    /// the load is then even and the tables nearly full in every slot, as on a sold-out event.
    pub flatten: bool,
    /// Share of participants available in one session only, or with a few forbidden slots
    /// (outside their planted day).
    pub restricted_share: f64,
}

impl Default for PlantParams {
    fn default() -> Self {
        PlantParams {
            participants: 2000,
            seed: 1,
            slots_per_session: 16,
            day: (6, 20),
            flatten: true,
            restricted_share: 0.2,
        }
    }
}

/// A planted instance and the schedule it was built around.
#[derive(Debug, Clone)]
pub struct Planted {
    pub problem: Problem,
    pub names: Names,
    /// Holds every meeting; valid for `problem`.
    pub schedule: Schedule,
}

/// Generates a planted instance (participants clamped to 2..=100_000, slots per session to
/// 1..=32, day lengths to 1..=slots, restricted days to one session).
pub fn planted(g: &PlantParams) -> Planted {
    let mut rng = Rng::new(g.seed);
    let n = g.participants.clamp(2, 100_000);
    let per = g.slots_per_session.clamp(1, 32) as usize;
    let slots = 2 * per;
    let (lo, hi) = (g.day.0.min(g.day.1), g.day.0.max(g.day.1));
    let (lo, hi) = (lo.clamp(1, slots), hi.clamp(1, slots));
    // Each participant's window (where its day may go) and day length.
    let mut window = vec![(0usize, slots); n];
    let mut len = vec![0usize; n];
    let mut few_forbidden = vec![false; n];
    for i in 0..n {
        len[i] = rng.range(lo, hi);
        if rng.unit() < g.restricted_share {
            match rng.below(3) {
                0 => window[i] = (0, per),
                1 => window[i] = (per, slots),
                _ => few_forbidden[i] = true,
            }
        }
        len[i] = len[i].min(window[i].1 - window[i].0);
    }
    // Days: longest first when flattening (they have the fewest places to go).
    let mut order: Vec<usize> = (0..n).collect();
    shuffle(&mut order, &mut rng);
    if g.flatten {
        order.sort_by_key(|&i| std::cmp::Reverse(len[i]));
    }
    let mut load = vec![0usize; slots];
    let mut start = vec![0usize; n];
    for &i in &order {
        let (w0, w1) = window[i];
        let starts = w0..=w1 - len[i];
        start[i] = if g.flatten {
            let mut best = (usize::MAX, 0, 0u32);
            for s in starts {
                let cost: usize = load[s..s + len[i]].iter().sum();
                if cost < best.0 {
                    best = (cost, s, 1);
                } else if cost == best.0 {
                    best.2 += 1;
                    if rng.below(best.2 as usize) == 0 {
                        best.1 = s;
                    }
                }
            }
            best.1
        } else {
            rng.range(*starts.start(), *starts.end())
        };
        load[start[i]..start[i] + len[i]]
            .iter_mut()
            .for_each(|l| *l += 1);
    }
    // Pair the participants present in each slot, never the same two twice.
    let mut pairs = HashSet::new();
    let mut held: Vec<(Meeting, u16)> = Vec::new();
    let mut present = Vec::new();
    let mut taken = vec![false; n];
    for t in 0..slots {
        present.clear();
        present.extend((0..n).filter(|&i| start[i] <= t && t < start[i] + len[i]));
        shuffle(&mut present, &mut rng);
        for k in 0..present.len() {
            let a = present[k];
            if taken[a] {
                continue;
            }
            // The first later participant still free that `a` has not met yet.
            let partner = present[k + 1..]
                .iter()
                .copied()
                .find(|&b| !taken[b] && !pairs.contains(&(a.min(b), a.max(b))));
            let Some(b) = partner else { continue };
            taken[a] = true;
            taken[b] = true;
            pairs.insert((a.min(b), a.max(b)));
            // Either of the two may be the one who asked.
            let (a, b) = if rng.below(2) == 0 { (a, b) } else { (b, a) };
            held.push((request(a, b, &mut rng), t as u16));
        }
        for &i in &present {
            taken[i] = false;
        }
    }
    shuffle(&mut held, &mut rng);
    let mut participants = Vec::with_capacity(n);
    for i in 0..n {
        let (w0, w1) = window[i];
        let mut forbidden: Vec<u16> = (0..slots)
            .filter(|&t| t < w0 || t >= w1)
            .map(|t| t as u16)
            .collect();
        if few_forbidden[i] {
            // One to three slots outside the day (none when the day fills the event).
            let outside: Vec<u16> = (0..slots)
                .filter(|&t| t < start[i] || t >= start[i] + len[i])
                .map(|t| t as u16)
                .collect();
            for _ in 0..rng.range(1, 3) {
                if !outside.is_empty() {
                    forbidden.push(outside[rng.below(outside.len())]);
                }
            }
            forbidden.sort_unstable();
            forbidden.dedup();
        }
        participants.push(Participant {
            name: firm_name(&mut rng, i),
            forbidden,
        });
    }
    let mut per_slot = vec![0u32; slots];
    let mut placements = Vec::with_capacity(held.len());
    for (m, (_, t)) in held.iter().enumerate() {
        placements.push(Placement {
            meeting: m as u32,
            slot: *t,
            table: per_slot[*t as usize],
        });
        per_slot[*t as usize] += 1;
    }
    let tables = per_slot.iter().copied().max().unwrap_or(0).max(1);
    let meetings: Vec<Meeting> = held.into_iter().map(|(m, _)| m).collect();
    let names = plain_names(n, meetings.len());
    let problem = Problem {
        name: format!(
            "planted-{n}-{}-seed{}",
            if g.flatten { "flat" } else { "random" },
            g.seed
        ),
        slots: slots as u16,
        sessions: two_sessions(per as u16),
        tables: vec![tables; slots],
        participants,
        meetings,
        max_breaks: None,
        require_all: false,
        idle_spans_sessions: true,
    };
    Planted {
        problem,
        names,
        schedule: Schedule { placements },
    }
}

/// Fisher–Yates with our own PRNG.
fn shuffle<T>(v: &mut [T], rng: &mut Rng) {
    for i in (1..v.len()).rev() {
        v.swap(i, rng.below(i + 1));
    }
}
