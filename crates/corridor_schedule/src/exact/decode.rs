//! From slot assignments to a full schedule: tables, and the objective counted directly on
//! the schedule (not read back from auxiliary SAT variables, so an encoding slip would show).

use super::encode::blocks;
use crate::model::{Objective, Placement, Problem, Schedule};

/// Assigns concrete tables to meetings whose slots are fixed (`slot[m] = None`: not held).
/// Greedy, slot by slot: a meeting keeps the table one of its participants sat at in the
/// previous slot when it is free, else takes the lowest free table. The slot assignment
/// respects the per-slot capacity, so a free table always exists.
pub(crate) fn assign_tables(p: &Problem, slot: &[Option<u16>]) -> Schedule {
    let nt = p.slots as usize;
    let mut by_slot: Vec<Vec<u32>> = vec![Vec::new(); nt];
    for (m, s) in slot.iter().enumerate() {
        if let Some(s) = s {
            by_slot[*s as usize].push(m as u32);
        }
    }
    let mut last_table: Vec<Option<(u16, u32)>> = vec![None; p.participants.len()];
    let mut placements = Vec::new();
    for (t, ms) in by_slot.iter().enumerate() {
        let cap = p.tables[t] as usize;
        let mut used = vec![false; cap.max(ms.len())];
        let mut chosen: Vec<Option<u32>> = vec![None; ms.len()];
        // First pass: meetings that can stay at a participant's previous table.
        for (i, &m) in ms.iter().enumerate() {
            let mt = &p.meetings[m as usize];
            for who in [mt.a, mt.b] {
                if let Some((lt, tab)) = last_table[who as usize]
                    && lt as usize + 1 == t
                    && (tab as usize) < used.len()
                    && !used[tab as usize]
                {
                    used[tab as usize] = true;
                    chosen[i] = Some(tab);
                    break;
                }
            }
        }
        for (i, &m) in ms.iter().enumerate() {
            let tab = match chosen[i] {
                Some(tab) => tab,
                None => {
                    let free = used.iter().position(|u| !u).unwrap_or(0);
                    used[free] = true;
                    free as u32
                }
            };
            let mt = &p.meetings[m as usize];
            last_table[mt.a as usize] = Some((t as u16, tab));
            last_table[mt.b as usize] = Some((t as u16, tab));
            placements.push(Placement {
                meeting: m,
                slot: t as u16,
                table: tab,
            });
        }
    }
    Schedule { placements }
}

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
