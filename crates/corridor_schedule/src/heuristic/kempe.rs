//! The Kempe-chain move: swap slots `t0` and `t` along the connected chain of meetings that
//! share participants, starting from one meeting.
//!
//! Seen as an edge colouring of the participant graph (slots are colours), the meetings held
//! in `t0` or `t` form paths and cycles, because a participant has at most one meeting per
//! slot. Swapping the two slots along the component containing a meeting moves that meeting
//! and never double-books anyone; only tables, allowed slots and precedences need checking.

use super::inst::{Inst, has};
use super::state::{NONE, State};
use crate::rng::Rng;

/// Reusable marks, so a move allocates nothing.
pub struct Scratch {
    stamp: u32,
    seen_meeting: Vec<u32>,
    seen_person: Vec<u32>,
    chain: Vec<u32>,
    todo: Vec<u32>,
    people: Vec<u32>,
    /// The chain end whose day the last `kempe_delta` makes dearest, with that cost change.
    pub worst: (u32, i64),
    dests: Vec<u16>,
}

impl Scratch {
    pub fn new(inst: &Inst<'_>) -> Self {
        Scratch {
            stamp: 0,
            seen_meeting: vec![0; inst.p.meetings.len()],
            seen_person: vec![0; inst.p.participants.len()],
            chain: Vec::new(),
            todo: Vec::new(),
            people: Vec::new(),
            worst: (0, i64::MIN),
            dests: Vec::new(),
        }
    }

    /// The meetings the last `kempe_delta` would move.
    pub fn chain(&self) -> &[u32] {
        &self.chain
    }
}

/// Chains longer than this are refused: they rarely help and cost time.
const MAX_CHAIN: usize = 16;

/// Finds the chain that moves placed meeting `m` to slot `t` and returns the cost change of
/// swapping it, without changing the state; `None` when the chain is too long or breaks a
/// constraint other than precedence (checked by `kempe_apply`).
pub fn kempe_delta(
    inst: &Inst<'_>,
    st: &State,
    sc: &mut Scratch,
    m: usize,
    t: u16,
    rng: &mut Rng,
) -> Option<i64> {
    let t0 = st.slot[m];
    if t0 == NONE || t0 == t {
        return None;
    }
    sc.stamp = sc.stamp.wrapping_add(1);
    if sc.stamp == 0 {
        sc.seen_meeting.fill(0);
        sc.seen_person.fill(0);
        sc.stamp = 1;
    }
    let stamp = sc.stamp;
    sc.chain.clear();
    sc.todo.clear();
    sc.people.clear();
    sc.chain.push(m as u32);
    sc.seen_meeting[m] = stamp;
    let mt = &inst.p.meetings[m];
    for who in [mt.a, mt.b] {
        sc.seen_person[who as usize] = stamp;
        sc.todo.push(who);
        sc.people.push(who);
    }
    while let Some(who) = sc.todo.pop() {
        for slot in [t0, t] {
            let Some(x) = st.meeting_at(inst, who as usize, slot) else {
                continue;
            };
            if sc.seen_meeting[x as usize] == stamp {
                continue;
            }
            sc.seen_meeting[x as usize] = stamp;
            sc.chain.push(x);
            if sc.chain.len() > MAX_CHAIN {
                return None;
            }
            let xm = &inst.p.meetings[x as usize];
            let other = if xm.a == who { xm.b } else { xm.a };
            if sc.seen_person[other as usize] != stamp {
                sc.seen_person[other as usize] = stamp;
                sc.todo.push(other);
                sc.people.push(other);
            }
        }
    }
    let (mut to_t, mut to_t0) = (0u32, 0u32);
    let mut delta = 0i64;
    for &x in &sc.chain {
        let x = x as usize;
        let from = st.slot[x];
        let dest = if from == t0 { t } else { t0 };
        if inst.p.meetings[x].fixed.is_some() || !has(inst.allowed(x), dest as usize) {
            return None;
        }
        if dest == t {
            to_t += 1
        } else {
            to_t0 += 1
        }
        if let Some(&h) = st.home.get(x) {
            if h != NONE {
                delta += ((dest != h) as i64 - (from != h) as i64) * st.wt.moved;
            }
        }
    }
    let cap = |slot: u16, gain: u32, loss: u32| {
        st.load[slot as usize] + gain - loss <= inst.p.tables[slot as usize]
    };
    if !cap(t, to_t, to_t0) {
        // One table short in `t`: send an unrelated meeting from `t` back to `t0`.
        if to_t != to_t0 + 1 || !cap(t, to_t, to_t0 + 1) {
            return None;
        }
        delta += balancer(inst, st, sc, t, t0, rng)?;
    } else if !cap(t0, to_t0, to_t) {
        if to_t0 != to_t + 1 || !cap(t0, to_t0, to_t + 1) {
            return None;
        }
        delta += balancer(inst, st, sc, t0, t, rng)?;
    }
    // A participant busy in exactly one of the two slots ends up busy in the other one.
    sc.worst = (0, i64::MIN);
    for &who in &sc.people {
        let who = who as usize;
        let (b0, b1) = (
            st.is_busy(inst, who, t0 as usize),
            st.is_busy(inst, who, t as usize),
        );
        if b0 != b1 {
            let (add, remove) = if b0 { (t, t0) } else { (t0, t) };
            let new = st.day_if(inst, who, add, remove);
            let d = st.day_cost(inst, new) - st.day_cost(inst, st.days[who]);
            if d > sc.worst.1 {
                sc.worst = (who as u32, d);
            }
            delta += d;
        }
    }
    Some(delta)
}

/// Picks, among a few random meetings in `full` untouched by the chain, the cheapest one that
/// can move to `to` (its participants free there), adds it to the chain and returns its cost.
fn balancer(
    inst: &Inst<'_>,
    st: &State,
    sc: &mut Scratch,
    full: u16,
    to: u16,
    rng: &mut Rng,
) -> Option<i64> {
    let here = &st.in_slot[full as usize];
    if here.is_empty() {
        return None;
    }
    let mut best: Option<(i64, u32)> = None;
    for _ in 0..6 {
        let x = here[rng.below(here.len())];
        let xm = &inst.p.meetings[x as usize];
        let (a, b) = (xm.a as usize, xm.b as usize);
        if sc.seen_meeting[x as usize] == sc.stamp
            || sc.seen_person[a] == sc.stamp
            || sc.seen_person[b] == sc.stamp
            || xm.fixed.is_some()
            || !has(inst.allowed(x as usize), to as usize)
            || st.is_busy(inst, a, to as usize)
            || st.is_busy(inst, b, to as usize)
        {
            continue;
        }
        let mut d = 0;
        for who in [a, b] {
            d +=
                st.day_cost(inst, st.day_if(inst, who, to, full)) - st.day_cost(inst, st.days[who]);
        }
        if let Some(&h) = st.home.get(x as usize) {
            if h != NONE {
                d += ((to != h) as i64 - (full != h) as i64) * st.wt.moved;
            }
        }
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, x));
        }
    }
    let (d, x) = best?;
    sc.seen_meeting[x as usize] = sc.stamp;
    sc.chain.push(x);
    Some(d)
}

/// Performs the swap found by the last `kempe_delta` (from `t0` to `t`). Returns false, with
/// the state unchanged, when a precedence would break.
pub fn kempe_apply(inst: &Inst<'_>, st: &mut State, sc: &mut Scratch, t0: u16, t: u16) -> bool {
    st.begin();
    let chain = std::mem::take(&mut sc.chain);
    let ok = kempe_redo(inst, st, &chain, &mut sc.dests, t0, t);
    sc.chain = chain;
    if !ok {
        st.rollback(inst);
    }
    ok
}

/// Swaps `t0` and `t` for the meetings of `chain`, adding to the move under way (no `begin`,
/// so several swaps roll back as one). Returns false when a precedence breaks; the caller
/// then rolls back.
pub fn kempe_redo(
    inst: &Inst<'_>,
    st: &mut State,
    chain: &[u32],
    dests: &mut Vec<u16>,
    t0: u16,
    t: u16,
) -> bool {
    dests.clear();
    dests.extend(
        chain
            .iter()
            .map(|&x| if st.slot[x as usize] == t0 { t } else { t0 }),
    );
    for &x in chain {
        st.unplace(inst, x as usize);
    }
    for (&x, &dest) in chain.iter().zip(dests.iter()) {
        if !st.can_place(inst, x as usize, dest) {
            return false;
        }
        st.place(inst, x as usize, dest);
    }
    true
}
