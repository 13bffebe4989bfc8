//! Constructive heuristics and turning a state into a `Schedule` with tables.

use super::inst::{Inst, has};
use super::state::{NONE, State, Weights};
use crate::model::{Problem, Schedule};
use crate::rng::Rng;

/// First fit in request order: each meeting goes to the earliest slot where every hard
/// constraint (fairness included) still holds. The baseline the benchmark reports.
pub fn first_fit_state<'p>(inst: &Inst<'p>) -> State {
    let mut st = State::new(inst, Weights::default(), Vec::new());
    for m in 0..inst.p.meetings.len() {
        for t in 0..inst.slots as u16 {
            if st.can_place(inst, m, t) && fair_after(&st, inst, m, t) {
                st.place(inst, m, t);
                break;
            }
        }
    }
    st
}

/// Placing `m` at `t` keeps both participants within the fairness bound.
pub fn fair_after(st: &State, inst: &Inst<'_>, m: usize, t: u16) -> bool {
    let Some(max) = inst.p.max_breaks else {
        return true;
    };
    let mt = &inst.p.meetings[m];
    [mt.a, mt.b]
        .iter()
        .all(|&who| st.day_if(inst, who as usize, t, NONE).breaks <= max)
}

/// The order in which the constructive heuristic places meetings: most constrained first.
pub fn difficulty_order(inst: &Inst<'_>) -> Vec<u32> {
    let p = inst.p;
    let mut key: Vec<(u8, u32, i64, u32)> = (0..p.meetings.len())
        .map(|m| {
            let mt = &p.meetings[m];
            let options: u32 = inst.allowed(m).iter().map(|b| b.count_ones()).sum();
            let load = inst.of[mt.a as usize].len() + inst.of[mt.b as usize].len();
            let pinned = mt.fixed.is_none() as u8;
            (pinned, options, -(load as i64), m as u32)
        })
        .collect();
    key.sort_unstable();
    key.into_iter().map(|k| k.3).collect()
}

/// Puts `m` in the feasible slot of least cost increase (random tie-break). Returns whether it
/// found one.
pub fn best_insert(st: &mut State, inst: &Inst<'_>, m: usize, rng: &mut Rng) -> bool {
    let mut free = [0u64; 16];
    let mut big = Vec::new();
    let bits: &mut [u64] = if inst.w <= 16 {
        &mut free[..inst.w]
    } else {
        big.resize(inst.w, 0);
        &mut big
    };
    st.free_slots(inst, m, bits);
    let (mut best, mut best_t, mut ties) = (i64::MAX, NONE, 0u32);
    for t in 0..inst.slots {
        if !has(bits, t) || !st.prec_ok(inst, m, t as u16) {
            continue;
        }
        let d = st.delta_move(inst, m, t as u16);
        if d < best {
            (best, best_t, ties) = (d, t as u16, 1);
        } else if d == best {
            ties += 1;
            if rng.below(ties as usize) == 0 {
                best_t = t as u16;
            }
        }
    }
    if best_t == NONE {
        return false;
    }
    st.place(inst, m, best_t);
    true
}

/// Greedy by difficulty, each meeting where it adds the least idle time.
pub fn construct(st: &mut State, inst: &Inst<'_>, rng: &mut Rng) {
    for m in difficulty_order(inst) {
        if st.slot[m as usize] == NONE {
            best_insert(st, inst, m as usize, rng);
        }
    }
}

/// The schedule of slot assignment `slot` (`NONE` = not held), with tables chosen so that
/// participants change tables as little as possible (see `tables`); a meeting keeps its
/// preferred table (its previous one in incremental mode) when it can.
pub fn to_schedule(p: &Problem, slot: &[u16], prefer: &[Option<u32>]) -> Schedule {
    let slot: Vec<Option<u16>> = slot.iter().map(|&t| (t != NONE).then_some(t)).collect();
    crate::tables::assign(p, &slot, prefer)
}
