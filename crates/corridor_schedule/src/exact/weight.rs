//! Maximising the held weight when not every meeting must be held.
//!
//! Runs before break minimisation, on one solver: SAT-UNSAT search on the unheld weight,
//! with weights divided by their gcd and encoded as repeated literals in a totalizer. The
//! proven optimum is then fixed as a hard constraint in the shared encoding, so the break
//! workers optimise among maximum-weight schedules only.

use std::sync::atomic::Ordering::Relaxed;

use super::encode::Encoding;
use super::search::{Shared, flush_into, new_solver, slots_of};
use crate::model::Problem;

/// Repeated literals beyond this make the weight totalizer too large to be worth it.
const MAX_UNITS: u64 = 20_000;

/// Outcome of the weight phase.
pub(crate) enum WeightPhase {
    /// Proven optimum reached and fixed in `enc`.
    Optimal,
    /// No held-weight proof within limits (or too large to encode); a schedule was offered if found.
    Open,
    Infeasible,
}

/// Also returns the heaviest slot assignment found (the caller offers it as the incumbent).
pub(crate) fn maximize(
    sh: &Shared<'_>,
    p: &Problem,
    enc: &mut Encoding,
) -> (WeightPhase, Option<Vec<Option<u16>>>) {
    let total: u64 = p.meetings.iter().map(|m| m.weight as u64).sum();
    let g = p
        .meetings
        .iter()
        .fold(0u64, |g, m| gcd(g, m.weight as u64))
        .max(1);
    let mut s = new_solver(sh, "sat", &[], &enc.cnf);
    let weight_of = |slot: &[Option<u16>]| -> u64 {
        slot.iter()
            .zip(&p.meetings)
            .filter(|(s, _)| s.is_some())
            .map(|(_, m)| m.weight as u64)
            .sum()
    };
    let mut best = match s.solve() {
        Some(true) => slots_of(&s, enc),
        Some(false) => return (WeightPhase::Infeasible, None),
        None => return (WeightPhase::Open, None),
    };
    let mut unheld = (total - weight_of(&best)) / g;
    if total / g > MAX_UNITS {
        return (WeightPhase::Open, Some(best));
    }
    let mut ext = enc.cnf.extension();
    let mut units = Vec::new();
    for (m, &h) in enc.held.iter().enumerate() {
        for _ in 0..p.meetings[m].weight as u64 / g {
            units.push(-h);
        }
    }
    let o = ext.totalizer(&units, unheld as usize + 1, true, false);
    let mut fixed = enc.cnf.extension();
    flush_into(&mut s, &mut ext, &mut fixed);
    // Descend under assumptions: a failed bound must not stay in the shared encoding.
    while unheld > 0 {
        match s.solve_with([-o[unheld as usize - 1]]) {
            Some(true) => {
                best = slots_of(&s, enc);
                unheld = (total - weight_of(&best)) / g;
            }
            Some(false) => break,
            None => return (WeightPhase::Open, Some(best)),
        }
    }
    // Fix "unheld <= optimum" in the shared encoding.
    if let Some(&l) = o.get(unheld as usize) {
        fixed.clause(&[-l]);
    }
    enc.cnf.nvars = fixed.nvars;
    enc.cnf.lits.extend_from_slice(&fixed.lits);
    sh.weight_ub.store(total - unheld * g, Relaxed);
    (WeightPhase::Optimal, Some(best))
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}
