//! From slot assignments to a full schedule's objective, counted directly on
//! the schedule (not read back from auxiliary SAT variables, so an encoding slip would show).

use super::encode::blocks;
use crate::model::{Objective, Problem, Schedule};

/// Breaks per participant for a slot assignment.
pub(crate) fn breaks_per_participant(p: &Problem, slot: &[Option<u16>]) -> Vec<u32> {
    let nt = p.slots as usize;
    let mut busy = vec![vec![false; nt]; p.participants.len()];
    for (m, s) in slot.iter().enumerate() {
        if let Some(s) = s {
            let mt = &p.meetings[m];
            busy[mt.a as usize][*s as usize] = true;
            busy[mt.b as usize][*s as usize] = true;
        }
    }
    let blocks = blocks(p);
    busy.iter()
        .map(|b| {
            let mut n = 0;
            for &(s, e) in &blocks {
                let row = &b[s..e];
                let first = row.iter().position(|&x| x);
                let last = row.iter().rposition(|&x| x);
                if let (Some(f), Some(l)) = (first, last) {
                    n += (f + 1..=l).filter(|&t| !row[t] && row[t - 1]).count() as u32;
                }
            }
            n
        })
        .collect()
}

/// The objective of a schedule, table changes included.
pub(crate) fn objective(p: &Problem, slot: &[Option<u16>], s: &Schedule) -> Objective {
    let per = breaks_per_participant(p, slot);
    let mut o = Objective {
        breaks: per.iter().map(|&b| b as u64).sum(),
        max_breaks_per_participant: per.iter().copied().max().unwrap_or(0),
        ..Objective::default()
    };
    for (m, s) in slot.iter().enumerate() {
        if s.is_some() {
            o.scheduled_meetings += 1;
            o.scheduled_weight += p.meetings[m].weight as u64;
        }
    }
    // Table changes: consecutive meetings (in slot order) of a participant at different tables.
    let mut seq: Vec<Vec<(u16, u32)>> = vec![Vec::new(); p.participants.len()];
    for pl in &s.placements {
        let mt = &p.meetings[pl.meeting as usize];
        seq[mt.a as usize].push((pl.slot, pl.table));
        seq[mt.b as usize].push((pl.slot, pl.table));
    }
    for v in &mut seq {
        v.sort_unstable();
        o.table_changes += v.windows(2).filter(|w| w[0].1 != w[1].1).count() as u64;
    }
    o
}
