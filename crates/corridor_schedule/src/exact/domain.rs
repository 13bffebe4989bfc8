//! Which slots each meeting may use, before any search.
//!
//! Session, forbidden and fixed restrictions are applied here so that the encoding only
//! creates variables for allowed (meeting, slot) pairs; precedences additionally trim the
//! earliest slot of a successor (and, when every meeting must be held, the latest slot of a
//! predecessor). A meeting with an empty domain can never be held.

use crate::model::Problem;

pub(crate) struct Domains {
    /// Per meeting: allowed slots, sorted ascending.
    pub slots: Vec<Vec<u16>>,
    /// Per participant: the meetings they take part in.
    pub by_participant: Vec<Vec<u32>>,
}

pub(crate) fn domains(p: &Problem) -> Domains {
    let mut by_participant = vec![Vec::new(); p.participants.len()];
    for (m, mt) in p.meetings.iter().enumerate() {
        by_participant[mt.a as usize].push(m as u32);
        by_participant[mt.b as usize].push(m as u32);
    }
    let mut slots: Vec<Vec<u16>> = p
        .meetings
        .iter()
        .map(|mt| {
            let range = match mt.session.and_then(|s| p.sessions.get(s as usize)) {
                Some(s) => s.start..(s.start + s.len).min(p.slots),
                None => 0..p.slots,
            };
            let fa = &p.participants[mt.a as usize].forbidden;
            let fb = &p.participants[mt.b as usize].forbidden;
            range
                .filter(|t| mt.fixed.is_none_or(|f| f == *t))
                .filter(|t| fa.binary_search(t).is_err() && fb.binary_search(t).is_err())
                .filter(|t| p.tables.get(*t as usize).is_some_and(|&l| l > 0))
                .collect()
        })
        .collect();
    // Precedence bounds to a fixpoint. Each pass only removes slots, so it terminates; a
    // cycle empties the domains involved.
    let mut changed = true;
    while changed {
        changed = false;
        for (m, mt) in p.meetings.iter().enumerate() {
            for &q in &mt.after {
                let q = q as usize;
                if q == m {
                    changed |= !slots[m].is_empty();
                    slots[m].clear();
                    continue;
                }
                // m after q: m's slot > q's earliest slot (q must be held for m to be held).
                let qmin = slots[q].first().copied();
                let before = slots[m].len();
                match qmin {
                    Some(qmin) => slots[m].retain(|&t| t > qmin),
                    None => slots[m].clear(),
                }
                changed |= slots[m].len() != before;
                if p.require_all {
                    let mmax = slots[m].last().copied();
                    let before = slots[q].len();
                    match mmax {
                        Some(mmax) => slots[q].retain(|&t| t < mmax),
                        None => slots[q].clear(),
                    }
                    changed |= slots[q].len() != before;
                }
            }
        }
    }
    Domains {
        slots,
        by_participant,
    }
}
