//! Cheap, valid bounds.
//!
//! Breaks: each participant on its own must hold all its meetings in the slots it can use
//! (not forbidden, allowed for one of its meetings), including its fixed slots and enough slots
//! in each session for its session-bound meetings. A small dynamic programme finds the fewest
//! runs that can cover that; runs − 1 is a lower bound on its breaks. Summing over
//! participants is valid because each participant's breaks are its own. The bound holds for
//! every schedule that places all meetings, which is every maximal-weight schedule whenever
//! some schedule places them all.
//!
//! On top of that, breaks forced by the tables (`window_bound`, when idle time spans sessions):
//! in any window of slots at most twice its tables' count of participants meet. A participant
//! with a break-free day of `d` meetings overlaps the window by at least the least overlap of
//! any run of `d` usable slots; with breaks, by at least `d` minus its usable slots outside the
//! window. When the first amounts exceed the window's seats, the fewest participants whose
//! breaks close the difference (largest savings first) is a lower bound on the extra breaks
//! among participants the per-participant bound lets go without one. Long days all cross the
//! middle of the day, which is where this bites on large near-full instances.

use std::collections::HashMap;

use super::inst::{Inst, has};
use crate::model::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    /// Lower bound on breaks of any schedule placing every meeting.
    pub breaks: u64,
    /// Upper bound on scheduled weight.
    pub weight_upper: u64,
    /// Proven: no valid schedule places every meeting.
    pub all_infeasible: bool,
}

const INF: u32 = u32::MAX / 2;

/// What one participant's day must hold, meeting by meeting.
pub(super) struct DayNeeds {
    /// Slots some meeting of it may take.
    pub usable: Vec<bool>,
    /// Slots a meeting of it is fixed to.
    pub forced: Vec<bool>,
    /// Per session, its meetings that only that session can take.
    pub need: Vec<usize>,
}

/// The day participant `who` must hold, or `None` when two of its meetings are fixed to one
/// slot.
pub(super) fn day_needs(inst: &Inst<'_>, who: usize) -> Option<DayNeeds> {
    let p = inst.p;
    let mut usable = vec![false; inst.slots];
    let mut forced = vec![false; inst.slots];
    let mut need = vec![0usize; p.sessions.len().max(1)];
    for &m in &inst.of[who] {
        let al = inst.allowed(m as usize);
        let mut sessions_hit = Vec::new();
        for (t, u) in usable.iter_mut().enumerate() {
            if has(al, t) {
                *u = true;
                let s = session_index(p, t);
                if !sessions_hit.contains(&s) {
                    sessions_hit.push(s);
                }
            }
        }
        if let Some(f) = p.meetings[m as usize].fixed {
            let f = f as usize;
            if f < inst.slots {
                if forced[f] {
                    return None;
                }
                forced[f] = true;
            }
        }
        if let [s] = sessions_hit[..] {
            need[s] += 1;
        }
    }
    Some(DayNeeds {
        usable,
        forced,
        need,
    })
}

/// Fewest breaks for one participant, or `None` when its meetings cannot all fit.
fn participant_bound(inst: &Inst<'_>, who: usize) -> Option<u32> {
    let p = inst.p;
    let ms = &inst.of[who];
    let deg = ms.len();
    if deg <= 1 {
        return Some(0);
    }
    let DayNeeds {
        usable,
        forced,
        need,
    } = day_needs(inst, who)?;
    // dp[(c, prev, started, k)] = fewest counted run starts; k = slots used in this session,
    // capped at the session's need.
    let kmax = need.iter().copied().max().unwrap_or(0) + 1;
    let idx = |c: usize, prev: usize, st: usize, k: usize| ((c * 2 + prev) * 2 + st) * kmax + k;
    let size = (deg + 1) * 4 * kmax;
    let usable_count = usable.iter().filter(|&&u| u).count();
    if deg > usable_count {
        return None;
    }
    // Too big to be cheap (only huge synthetic inputs get here): 0 is always a valid bound.
    if size * inst.slots > 1 << 22 {
        return Some(0);
    }
    let mut dp = vec![INF; size];
    dp[idx(0, 0, 0, 0)] = 0;
    let mut next = vec![INF; size];
    for t in 0..inst.slots {
        let s = session_index(p, t);
        let boundary = t > 0 && session_index(p, t - 1) != s;
        if boundary {
            // Leaving a session: it must have had its needed slots; the counter restarts, and
            // with per-session idle time a new session starts without a run.
            let prev_need = need[session_index(p, t - 1)];
            next.fill(INF);
            for c in 0..=deg {
                for prev in 0..2 {
                    for st in 0..2 {
                        for k in 0..kmax {
                            let v = dp[idx(c, prev, st, k)];
                            if v >= INF || k < prev_need.min(kmax - 1) {
                                continue;
                            }
                            let st2 = if p.idle_spans_sessions { st } else { 0 };
                            let prev2 = if p.idle_spans_sessions { prev } else { 0 };
                            let e = &mut next[idx(c, prev2, st2, 0)];
                            *e = (*e).min(v);
                        }
                    }
                }
            }
            std::mem::swap(&mut dp, &mut next);
        }
        next.fill(INF);
        let cap = need[s].min(kmax - 1);
        for c in 0..=deg {
            for prev in 0..2 {
                for st in 0..2 {
                    for k in 0..kmax {
                        let v = dp[idx(c, prev, st, k)];
                        if v >= INF {
                            continue;
                        }
                        if !forced[t] {
                            let e = &mut next[idx(c, 0, st, k)];
                            *e = (*e).min(v);
                        }
                        if usable[t] && c < deg {
                            let cost = v + (prev == 0 && st == 1) as u32;
                            let e = &mut next[idx(c + 1, 1, 1, (k + 1).min(cap))];
                            *e = (*e).min(cost);
                        }
                    }
                }
            }
        }
        std::mem::swap(&mut dp, &mut next);
    }
    let last_need = need.last().copied().unwrap_or(0).min(kmax - 1);
    // Any "started" flag: with per-session idle time it restarts at each session boundary, so
    // a participant whose meetings all lie in earlier sessions ends with it unset.
    let mut best = INF;
    for prev in 0..2 {
        for st in 0..2 {
            for k in last_need..kmax {
                best = best.min(dp[idx(deg, prev, st, k)]);
            }
        }
    }
    (best < INF).then_some(best)
}

pub(super) fn session_index(p: &Problem, t: usize) -> usize {
    p.sessions
        .iter()
        .position(|s| (s.start as usize..s.start as usize + s.len as usize).contains(&t))
        .unwrap_or(0)
}

pub fn bound(inst: &Inst<'_>) -> Bound {
    let p = inst.p;
    let total: u64 = p.meetings.iter().map(|m| m.weight as u64).sum();
    let mut lost_unplaceable = 0u64;
    let mut all_infeasible = false;
    for m in 0..p.meetings.len() {
        if inst.allowed(m).iter().all(|&b| b == 0) {
            lost_unplaceable += p.meetings[m].weight as u64;
            all_infeasible = true;
        }
    }
    let capacity: u64 = p.tables.iter().map(|&n| n as u64).sum();
    if capacity < p.meetings.len() as u64 {
        all_infeasible = true;
    }
    let mut breaks = 0u64;
    let mut lost_one = 0u64;
    let mut own = vec![None; p.participants.len()];
    for (who, own) in own.iter_mut().enumerate() {
        *own = participant_bound(inst, who);
        match *own {
            Some(b) => {
                breaks += b as u64;
                if p.max_breaks.is_some_and(|d| b > d) {
                    all_infeasible = true;
                }
            }
            None => {
                all_infeasible = true;
                lost_one = lost_one.max(forced_loss(inst, who));
            }
        }
    }
    if !all_infeasible {
        breaks += window_bound(inst, &own);
    }
    Bound {
        breaks,
        weight_upper: total - lost_unplaceable - lost_one.min(total - lost_unplaceable),
        all_infeasible,
    }
}

/// Weight a participant must lose when it has more placeable meetings than usable slots:
/// the lightest surplus meetings (counted for one participant only, so it stays valid).
fn forced_loss(inst: &Inst<'_>, who: usize) -> u64 {
    let mut usable = vec![0u64; inst.w];
    let mut weights = Vec::new();
    for &m in &inst.of[who] {
        let al = inst.allowed(m as usize);
        if al.iter().any(|&b| b != 0) {
            weights.push(inst.p.meetings[m as usize].weight as u64);
            for k in 0..inst.w {
                usable[k] |= al[k];
            }
        }
    }
    let slots: usize = usable.iter().map(|b| b.count_ones() as usize).sum();
    if weights.len() <= slots {
        return 0;
    }
    weights.sort_unstable();
    weights[..weights.len() - slots].iter().sum()
}

/// Participants alike for `window_bound`: meetings, usable slots, and whether the
/// per-participant bound lets them go without a break.
#[derive(Hash, PartialEq, Eq)]
struct Kind {
    meetings: usize,
    usable: Vec<bool>,
    may_run: bool,
}

/// Extra breaks forced by the tables in some window of slots (see the module docs); 0 when
/// idle time ends at session boundaries, where a break-free day need not be one run.
fn window_bound(inst: &Inst<'_>, own: &[Option<u32>]) -> u64 {
    let p = inst.p;
    let slots = inst.slots;
    if !(p.idle_spans_sessions || p.sessions.len() <= 1) {
        return 0;
    }
    // Alike participants share a kind: on generated instances a few hundred for thousands.
    let mut kinds: HashMap<Kind, u64> = HashMap::new();
    for (who, ms) in inst.of.iter().enumerate() {
        if ms.is_empty() {
            continue;
        }
        let mut usable = vec![false; slots];
        for &m in ms {
            let al = inst.allowed(m as usize);
            for (t, u) in usable.iter_mut().enumerate() {
                *u |= has(al, t);
            }
        }
        let kind = Kind {
            meetings: ms.len(),
            usable,
            may_run: own[who] == Some(0),
        };
        *kinds.entry(kind).or_default() += 1;
    }
    let kinds: Vec<(Kind, u64)> = kinds.into_iter().collect();
    // Where a run of each kind's meetings may start (every slot of it usable).
    let starts: Vec<Vec<usize>> = kinds
        .iter()
        .map(|(k, _)| {
            (0..(slots + 1).saturating_sub(k.meetings))
                .filter(|&s| k.usable[s..s + k.meetings].iter().all(|&u| u))
                .collect()
        })
        .collect();
    let mut best = 0u64;
    let mut savings: Vec<(u64, u64)> = Vec::new();
    for a in 0..slots {
        let mut seats = 0u64;
        for b in a + 1..=slots {
            seats += 2 * u64::from(p.tables[b - 1]);
            let mut least = 0u64;
            savings.clear();
            for ((k, count), starts) in kinds.iter().zip(&starts) {
                let inside = k.usable[a..b].iter().filter(|&&u| u).count();
                let outside = k.usable.iter().filter(|&&u| u).count() - inside;
                let any = k.meetings.saturating_sub(outside) as u64;
                let run = starts
                    .iter()
                    .map(|&s| (s + k.meetings).min(b).saturating_sub(s.max(a)) as u64)
                    .min();
                match run {
                    Some(run) if k.may_run => {
                        least += run * count;
                        if run > any {
                            savings.push((run - any, *count));
                        }
                    }
                    _ => least += any * count,
                }
            }
            if least <= seats {
                continue;
            }
            savings.sort_unstable_by_key(|s| std::cmp::Reverse(s.0));
            let mut excess = least - seats;
            let mut breaks = 0u64;
            for &(saving, count) in &savings {
                let take = excess.div_ceil(saving).min(count);
                breaks += take;
                excess = excess.saturating_sub(take * saving);
                if excess == 0 {
                    break;
                }
            }
            best = best.max(breaks);
        }
    }
    best
}
