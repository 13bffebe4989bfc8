//! Simulated annealing over compound moves that keep every hard constraint except placement
//! and fairness (both priced in the cost, see `Weights`).
//!
//! One move: take meeting `m` (a meeting of a participant with breaks, or an unscheduled one)
//! to slot `t`. Meetings of its participants already at `t` are displaced to `m`'s old slot
//! (a swap), and when `t` has no free table one more meeting of `t` goes there too. A displaced
//! meeting that cannot go to the old slot is re-inserted at its cheapest feasible slot or left
//! unscheduled (an ejection, which the next insertion move may repair). The whole move is kept
//! or rolled back by the annealing criterion.
//!
//! Most moves are Kempe swaps (see `kempe`), priced before they are made. One that is a little
//! too dear is tried once more with a second swap for the participant it hurts most
//! (`two_step`).
//!
//! Deeper moves would not help the schedules it ends with (tenth session, `large_bench`,
//! 2,000 participants, after 10 s): neighbourhoods solved exactly with the SAT model of
//! `exact`, everything else pinned, found no break to save. Clusters of 30–120 participants
//! with their mutual meetings free (up to 135 meetings), and windows of 4–6 slots with 100–400
//! participants busy in them and their meetings there free (up to 768), were each proven
//! optimal as they stood, within 0.03–1.7 s (a window of 3 slots with every participant
//! timed out at 8 s). What is left is the days' layout that the cool annealing keeps from its
//! start. Two threads that never exchange their best states ended no differently (571.3 and
//! 572.6 breaks on average over seeds 1–6, against 569.8 and 572.8).

use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::greedy::best_insert;
use super::inst::{Inst, has};
use super::kempe::{Scratch, kempe_apply, kempe_delta, kempe_redo};
use super::state::{NONE, State};
use crate::rng::Rng;

/// Lexicographic quality of a state: lower is better.
pub type Key = (u64, u64, u32, u64, u32, i64);

/// The best slots any parallel run has published, with their key.
pub type Elite = Mutex<Option<(Key, Vec<u16>)>>;

pub fn key(st: &State) -> Key {
    (
        st.unplaced_weight,
        st.excess,
        st.moved,
        st.breaks,
        st.worst(),
        st.cost,
    )
}

pub struct Anneal<'a> {
    pub deadline: Instant,
    pub start_temp: f64,
    pub end_temp: f64,
    /// Stop early after this many iterations (`u64::MAX` = only the deadline).
    pub max_iters: u64,
    /// Stop once everything is held, nothing moved and breaks are down to this proven bound.
    pub enough_breaks: u64,
    /// Where parallel runs meet: at each quarter of the time a run publishes its best if it
    /// beats the shared one, and continues from the shared one if that is better.
    pub elite: Option<&'a Elite>,
}

/// Runs the annealer from `st`; returns the best slot assignment seen and its key. `tick` is
/// called about twice a second with the best key and its number of scheduled meetings.
pub fn anneal(
    inst: &Inst<'_>,
    st: &mut State,
    cfg: &Anneal,
    rng: &mut Rng,
    tick: &mut dyn FnMut(Key, u32),
) -> (Vec<u16>, Key) {
    let nm = inst.p.meetings.len();
    let np = inst.p.participants.len();
    let mut best = st.slot.clone();
    let mut best_key = key(st);
    let mut best_placed = nm as u32 - st.unplaced;
    if nm == 0 || np == 0 {
        return (best, best_key);
    }
    let start = Instant::now();
    let total = cfg
        .deadline
        .saturating_duration_since(start)
        .as_secs_f64()
        .max(1e-3);
    let mut temp = cfg.start_temp;
    let mut last_tick = start;
    let mut pending: Vec<u32> = Vec::new();
    let mut displaced: Vec<u32> = Vec::with_capacity(4);
    let mut iter = 0u64;
    let mut exchanges = 0;
    let mut scratch = Scratch::new(inst);
    // A swap about one break too dear is worth a second swap for the end it hurts; dearer
    // ones rarely come back under the threshold and would only cost time.
    let look = st.wt.breaks + st.wt.breaks / 4;
    let mut two = TwoStep::default();
    loop {
        if iter % 256 == 0 {
            // Snapshot here rather than on every improvement: copying the slots costs more than
            // a move, and improvements come in bursts.
            let k = key(st);
            if k < best_key {
                best_key = k;
                best_placed = nm as u32 - st.unplaced;
                best.copy_from_slice(&st.slot);
            }
            let now = Instant::now();
            let proven = best_key.0 == 0
                && best_key.1 == 0
                && best_key.2 == 0
                && best_key.3 <= cfg.enough_breaks;
            if now >= cfg.deadline || iter >= cfg.max_iters || proven {
                break;
            }
            let frac = (now - start).as_secs_f64() / total;
            if let Some(elite) = cfg.elite {
                if frac >= (exchanges + 1) as f64 * 0.25 && exchanges < 3 {
                    exchanges += 1;
                    exchange(inst, st, elite, &mut best, &mut best_key);
                    best_placed = nm as u32 - st.unplaced;
                }
            }
            temp = cfg.start_temp * (cfg.end_temp / cfg.start_temp).powf(frac.min(1.0));
            if now - last_tick >= Duration::from_millis(500) {
                last_tick = now;
                tick(best_key, best_placed);
            }
            if iter % 8192 == 0 {
                pending.clear();
                pending.extend((0..nm as u32).filter(|&m| st.slot[m as usize] == NONE));
            }
        }
        iter += 1;
        // Pick the meeting to move and where to: mostly a meeting of a participant with
        // breaks, to a slot inside or next to that participant's day (where a move can close a
        // gap); sometimes anywhere, so the search can also make room elsewhere.
        let (m, t) = if !pending.is_empty() && rng.below(8) == 0 {
            let m = pending[rng.below(pending.len())] as usize;
            if st.slot[m] != NONE {
                continue;
            }
            let Some(t) = random_slot(inst, m, rng) else {
                continue;
            };
            (m, t)
        } else {
            let mut who = rng.below(np);
            for _ in 0..6 {
                let d = st.days[who];
                if d.breaks > 0 || (d.idle > 0 && rng.below(4) == 0) {
                    break;
                }
                who = rng.below(np);
            }
            let ms = &inst.of[who];
            if ms.is_empty() {
                continue;
            }
            let m = if rng.below(2) == 0 {
                edge_meeting(inst, st, who, rng).unwrap_or(ms[rng.below(ms.len())]) as usize
            } else {
                ms[rng.below(ms.len())] as usize
            };
            let near = if rng.below(4) != 0 {
                near_slot(inst, st, who, m, rng)
            } else {
                None
            };
            let Some(t) = near.or_else(|| random_slot(inst, m, rng)) else {
                continue;
            };
            (m, t)
        };
        let t0 = st.slot[m];
        if t == t0 {
            continue;
        }
        if t0 != NONE && rng.below(8) != 0 {
            // Kempe swaps are priced before they are made: most are rejected.
            let Some(delta) = kempe_delta(inst, st, &mut scratch, m, t, rng) else {
                continue;
            };
            // Accepting when delta <= threshold is the Metropolis rule; drawing the threshold
            // first also prices the two-step move below.
            let threshold = (-temp * (1.0 - rng.unit()).ln()) as i64;
            if delta <= threshold {
                kempe_apply(inst, st, &mut scratch, t0, t);
            } else if delta - threshold <= look && scratch.worst.1 > 0 {
                two_step(
                    inst,
                    st,
                    &mut scratch,
                    &mut two,
                    (t0, t),
                    delta - threshold,
                    rng,
                );
            }
            continue;
        }
        let before = st.cost;
        if !apply_move(inst, st, m, t, &mut displaced, rng) {
            continue;
        }
        let delta = st.cost - before;
        if delta > 0 && rng.unit() >= (-(delta as f64) / temp).exp() {
            st.rollback(inst);
        }
    }
    let k = key(st);
    if k < best_key {
        best_key = k;
        best_placed = nm as u32 - st.unplaced;
        best.copy_from_slice(&st.slot);
    }
    tick(best_key, best_placed);
    (best, best_key)
}

/// Publishes `best` to the shared elite if better, else adopts the elite (restarting the
/// state from it).
fn exchange(inst: &Inst<'_>, st: &mut State, elite: &Elite, best: &mut [u16], best_key: &mut Key) {
    let Ok(mut shared) = elite.lock() else { return };
    match shared.as_ref() {
        Some((k, slots)) if *k < *best_key => {
            best.copy_from_slice(slots);
            *best_key = *k;
            let mut fresh = State::new(inst, st.wt, std::mem::take(&mut st.home));
            for (m, &t) in slots.iter().enumerate() {
                if t != NONE {
                    fresh.place(inst, m, t);
                }
            }
            *st = fresh;
        }
        _ => *shared = Some((*best_key, best.to_vec())),
    }
}

/// A random meeting of `who` at the first or last slot of one of its runs: moving one of
/// those into a gap shrinks the gap without opening a new one in `who`'s day.
fn edge_meeting(inst: &Inst<'_>, st: &State, who: usize, rng: &mut Rng) -> Option<u32> {
    let busy = st.busy(inst, who);
    let mut cands = [0u32; 64];
    let mut n = 0;
    for &m in &inst.of[who] {
        let t = st.slot[m as usize];
        if t == NONE {
            continue;
        }
        let t = t as usize;
        let before = t > 0 && has(busy, t - 1);
        let after = t + 1 < inst.slots && has(busy, t + 1);
        if !(before && after) && n < cands.len() {
            cands[n] = m;
            n += 1;
        }
    }
    (n > 0).then(|| cands[rng.below(n)])
}

/// A random allowed slot of `m` that is idle inside `who`'s day or just outside it.
fn near_slot(inst: &Inst<'_>, st: &State, who: usize, m: usize, rng: &mut Rng) -> Option<u16> {
    let busy = st.busy(inst, who);
    let al = inst.allowed(m);
    let (mut first, mut last) = (usize::MAX, 0usize);
    for (k, &b) in busy.iter().enumerate() {
        if b != 0 {
            if first == usize::MAX {
                first = k * 64 + b.trailing_zeros() as usize;
            }
            last = k * 64 + 63 - b.leading_zeros() as usize;
        }
    }
    if first == usize::MAX {
        return None;
    }
    let lo = first.saturating_sub(1);
    let hi = (last + 1).min(inst.slots - 1);
    let mut cands = [0u16; 64];
    let mut n = 0;
    for t in lo..=hi {
        if has(al, t) && !has(busy, t) && n < cands.len() {
            cands[n] = t as u16;
            n += 1;
        }
    }
    (n > 0).then(|| cands[rng.below(n)])
}

/// A uniformly random allowed slot of `m`.
fn random_slot(inst: &Inst<'_>, m: usize, rng: &mut Rng) -> Option<u16> {
    let al = inst.allowed(m);
    let n: u32 = al.iter().map(|b| b.count_ones()).sum();
    if n == 0 {
        return None;
    }
    let mut k = rng.below(n as usize) as u32;
    for (i, &b) in al.iter().enumerate() {
        let c = b.count_ones();
        if k < c {
            let mut bits = b;
            for _ in 0..k {
                bits &= bits - 1;
            }
            return Some((i * 64 + bits.trailing_zeros() as usize) as u16);
        }
        k -= c;
    }
    None
}

/// Performs the compound move of `m` to `t` (see the module docs). Returns false, with the
/// state unchanged, when it cannot be done.
fn apply_move(
    inst: &Inst<'_>,
    st: &mut State,
    m: usize,
    t: u16,
    displaced: &mut Vec<u32>,
    rng: &mut Rng,
) -> bool {
    let mt = &inst.p.meetings[m];
    let t0 = st.slot[m];
    displaced.clear();
    for who in [mt.a as usize, mt.b as usize] {
        if let Some(x) = st.meeting_at(inst, who, t) {
            if !displaced.contains(&x) {
                displaced.push(x);
            }
        }
    }
    // Fixed meetings never move; refusing early keeps the move cheap.
    if displaced
        .iter()
        .any(|&x| inst.p.meetings[x as usize].fixed.is_some())
    {
        return false;
    }
    st.begin();
    if t0 != NONE {
        st.unplace(inst, m);
    }
    for &x in displaced.iter() {
        st.unplace(inst, x as usize);
    }
    if st.load[t as usize] >= inst.p.tables[t as usize] {
        let here = &st.in_slot[t as usize];
        if here.is_empty() {
            st.rollback(inst);
            return false;
        }
        let x = here[rng.below(here.len())];
        if inst.p.meetings[x as usize].fixed.is_some() {
            st.rollback(inst);
            return false;
        }
        st.unplace(inst, x as usize);
        displaced.push(x);
    }
    if !st.can_place(inst, m, t) {
        st.rollback(inst);
        return false;
    }
    st.place(inst, m, t);
    for &x in displaced.iter() {
        let x = x as usize;
        if t0 != NONE && has(inst.allowed(x), t0 as usize) && st.can_place(inst, x, t0) {
            st.place(inst, x, t0);
        } else {
            best_insert(st, inst, x, rng);
        }
    }
    true
}

/// Buffers of the two-step move, kept so that it allocates nothing.
#[derive(Default)]
struct TwoStep {
    first: Vec<u32>,
    second: Vec<u32>,
    dests: Vec<u16>,
}

/// The Kempe swap just priced by `kempe_delta` (from `slots.0` to `slots.1`) misses the
/// acceptance threshold by `over`. Makes it, then adds the cheapest of a few Kempe swaps for
/// the chain end it hurt most, and keeps both if together they pass; else rolls back. Why: when
/// the slots are full, a lone swap nearly always gives its far end a new break, which a second
/// swap in that participant's day can often take back (an ejection chain of depth two).
fn two_step(
    inst: &Inst<'_>,
    st: &mut State,
    sc: &mut Scratch,
    two: &mut TwoStep,
    slots: (u16, u16),
    over: i64,
    rng: &mut Rng,
) -> bool {
    let z = sc.worst.0 as usize;
    two.first.clear();
    two.first.extend_from_slice(sc.chain());
    st.begin();
    if !kempe_redo(inst, st, &two.first, &mut two.dests, slots.0, slots.1) {
        st.rollback(inst);
        return false;
    }
    let ms = &inst.of[z];
    let mut best: Option<(i64, u16, u16)> = None;
    for _ in 0..4 {
        let m = edge_meeting(inst, st, z, rng).unwrap_or(ms[rng.below(ms.len())]) as usize;
        let from = st.slot[m];
        let Some(to) = near_slot(inst, st, z, m, rng) else {
            continue;
        };
        if from == NONE || from == to {
            continue;
        }
        let Some(d) = kempe_delta(inst, st, sc, m, to, rng) else {
            continue;
        };
        if best.is_none_or(|b| d < b.0) {
            best = Some((d, from, to));
            two.second.clear();
            two.second.extend_from_slice(sc.chain());
        }
    }
    let ok = match best {
        Some((d, from, to)) if d <= -over => {
            kempe_redo(inst, st, &two.second, &mut two.dests, from, to)
        }
        _ => false,
    };
    if !ok {
        st.rollback(inst);
    }
    ok
}
