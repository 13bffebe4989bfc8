//! Planning each participant's day before placing any meeting: one target run
//! `[start, start + degree)` per participant, chosen so that the number of runs covering a slot
//! stays within twice its tables and every partner's run overlaps. `sweep` then fills the day
//! slot by slot following the plan.
//!
//! Why: on near-full large instances the annealer cannot move whole days (each swap displaces a
//! chain of meetings), so the shape of the days has to come from the construction.

use super::inst::{Inst, has};
use crate::rng::Rng;

/// Slots each participant may meet in: the union of its meetings' allowed slots, `P × w`.
pub fn open_slots(inst: &Inst<'_>) -> Vec<u64> {
    let w = inst.w;
    let mut open = vec![0u64; inst.p.participants.len() * w];
    for (m, mt) in inst.p.meetings.iter().enumerate() {
        for who in [mt.a as usize, mt.b as usize] {
            for (k, &b) in inst.allowed(m).iter().enumerate() {
                open[who * w + k] |= b;
            }
        }
    }
    open
}

/// Costs of a candidate run, compared lexicographically by their weighted sum.
const CLOSED: i64 = 1 << 30;
const NO_OVERLAP: i64 = 1 << 20;
const OVER_CAPACITY: i64 = 1 << 12;

/// The planned run start of every participant (0 for those without meetings).
pub fn plan(inst: &Inst<'_>, rng: &mut Rng) -> Vec<u16> {
    let np = inst.p.participants.len();
    let slots = inst.slots;
    let open = open_slots(inst);
    let deg: Vec<usize> = inst.of.iter().map(|ms| ms.len().min(slots)).collect();
    let cap: Vec<i64> = inst.p.tables.iter().map(|&k| 2 * k as i64).collect();
    let mut load = vec![0i64; slots];
    let mut start = vec![0u16; np];
    let mut planned = vec![false; np];
    // Longest days first: they have the fewest possible starts.
    let mut order: Vec<u32> = (0..np as u32).collect();
    for i in (1..np).rev() {
        order.swap(i, rng.below(i + 1));
    }
    order.sort_by_key(|&p| std::cmp::Reverse(deg[p as usize]));
    let mut partners = Vec::new();
    for round in 0..3 {
        for &p in &order {
            let p = p as usize;
            let d = deg[p];
            if d == 0 {
                continue;
            }
            if round > 0 {
                let s = start[p] as usize;
                load[s..s + d].iter_mut().for_each(|l| *l -= 1);
            }
            partners.clear();
            partners.extend(inst.of[p].iter().filter_map(|&m| {
                let mt = &inst.p.meetings[m as usize];
                let q = if mt.a as usize == p { mt.b } else { mt.a } as usize;
                planned[q].then_some((start[q] as usize, deg[q]))
            }));
            let mut best = (i64::MAX, 0usize, 0u32);
            for s in 0..=slots - d {
                let mut cost = 0i64;
                for (t, &l) in load.iter().enumerate().skip(s).take(d) {
                    if !has(&open[p * inst.w..(p + 1) * inst.w], t) {
                        cost += CLOSED;
                    }
                    // Dearer as the slot fills, so runs spread over the day's capacity.
                    cost += (l + 1 - cap[t]).max(0) * OVER_CAPACITY + l * 256 / cap[t].max(1);
                }
                cost += partners
                    .iter()
                    .filter(|&&(qs, qd)| qs >= s + d || s >= qs + qd)
                    .count() as i64
                    * NO_OVERLAP;
                if cost < best.0 {
                    best = (cost, s, 1);
                } else if cost == best.0 {
                    best.2 += 1;
                    if rng.below(best.2 as usize) == 0 {
                        best.1 = s;
                    }
                }
            }
            start[p] = best.1 as u16;
            planned[p] = true;
            load[best.1..best.1 + d].iter_mut().for_each(|l| *l += 1);
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{GenParams, generate};

    #[test]
    fn runs_fit_the_day_and_the_tables() {
        let (mut p, _) = generate(&GenParams {
            participants: 150,
            seed: 11,
            slots_per_session: Some(8),
            ..GenParams::default()
        });
        // Roomy tables: a plan within twice the tables per slot exists, so it must be found.
        for t in &mut p.tables {
            *t *= 2;
        }
        let inst = Inst::new(&p);
        let starts = plan(&inst, &mut Rng::new(1));
        let mut load = vec![0u32; inst.slots];
        for (who, &s) in starts.iter().enumerate() {
            let d = inst.of[who].len();
            assert!(s as usize + d <= inst.slots, "participant {who}");
            for l in &mut load[s as usize..s as usize + d] {
                *l += 1;
            }
        }
        for (t, &l) in load.iter().enumerate() {
            assert!(l <= 2 * p.tables[t], "slot {t}: {l} runs");
        }
    }
}
