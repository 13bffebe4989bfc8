//! The third criterion: once the total breaks are proven optimal, lower the worst
//! participant's breaks without raising the total.
//!
//! One fresh solver on the shared encoding, the total pinned to the optimum, and "every
//! participant has at most w breaks" for w one below the incumbent's worst, repeated until
//! UNSAT (then the incumbent's worst is proven minimal for this total) or the budget runs out.
//! Each query gets a conflict budget rather than the remaining time: this criterion ranks
//! below the proof, so it must not turn a quick optimal answer into a slow one.

use std::sync::atomic::Ordering::Relaxed;

use super::decode::{breaks_per_participant, objective};
use super::encode::Encoding;
use super::search::{Best, Shared, new_solver, slots_of};

/// Conflicts allowed per query.
const CONFLICTS: i32 = 20_000;

pub(crate) fn minimise(sh: &Shared<'_>, enc: &Encoding) {
    let Some((total, worst)) = current(sh) else {
        return;
    };
    // With a positive total someone has a break, so 1 is the floor; 0 needs no work.
    if worst <= 1 || std::time::Instant::now() >= sh.deadline {
        return;
    }
    let mut s = new_solver(sh, "default", &[], &enc.cnf);
    let mut ext = enc.cnf.extension();
    let brk = enc.all_breaks();
    let cap = (total as usize + 1).min(brk.len());
    if cap <= total as usize {
        return;
    }
    let o = ext.totalizer(&brk, cap, true, false);
    ext.clause(&[-o[total as usize]]);
    let mut w = worst;
    while w > 1 {
        for lits in &enc.brk {
            ext.at_most(lits, w as usize - 1);
        }
        super::search::load(&mut s, &ext);
        ext.lits.clear();
        s.set_limit("conflicts", CONFLICTS);
        match s.solve() {
            Some(true) => {
                let slot = slots_of(&s, enc);
                let per = breaks_per_participant(sh.p, &slot);
                let got: u64 = per.iter().map(|&b| b as u64).sum();
                let new_worst = per.iter().copied().max().unwrap_or(0);
                if got > total || new_worst >= w {
                    return; // cannot happen with a sound encoding; keep the incumbent
                }
                let schedule = crate::tables::assign(sh.p, &slot, &[]);
                let objective = objective(sh.p, &slot, &schedule);
                if let Ok(mut b) = sh.best.lock() {
                    *b = Some(Best {
                        schedule,
                        objective,
                    });
                }
                w = new_worst;
            }
            _ => return,
        }
    }
}

fn current(sh: &Shared<'_>) -> Option<(u64, u32)> {
    let b = sh.best.lock().ok()?;
    let b = b.as_ref()?;
    (sh.lb.load(Relaxed) >= b.objective.breaks)
        .then_some((b.objective.breaks, b.objective.max_breaks_per_participant))
}
