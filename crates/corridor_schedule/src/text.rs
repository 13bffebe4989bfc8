//! A readable per-participant agenda.

use std::fmt::Write;

use crate::model::{Problem, Schedule};
use crate::names::Names;

/// One block per participant with meetings: each held meeting (1-based slot and table, the
/// partner), then the requested meetings that are not scheduled.
pub fn per_participant(p: &Problem, names: &Names, s: &Schedule) -> String {
    let mut agenda: Vec<Vec<(u16, u32, u32)>> = vec![Vec::new(); p.participants.len()];
    let mut held = vec![false; p.meetings.len()];
    for pl in &s.placements {
        let Some(mt) = p.meetings.get(pl.meeting as usize) else {
            continue;
        };
        held[pl.meeting as usize] = true;
        agenda[mt.a as usize].push((pl.slot, pl.table, pl.meeting));
        agenda[mt.b as usize].push((pl.slot, pl.table, pl.meeting));
    }
    let mut missing: Vec<Vec<u32>> = vec![Vec::new(); p.participants.len()];
    for (m, mt) in p.meetings.iter().enumerate() {
        if !held[m] {
            missing[mt.a as usize].push(m as u32);
            missing[mt.b as usize].push(m as u32);
        }
    }
    let label = |who: u32| {
        let id = &names.participants[who as usize];
        let name = &p.participants[who as usize].name;
        if name.is_empty() || name == id {
            id.clone()
        } else {
            format!("{id} ({name})")
        }
    };
    let partner = |m: u32, who: usize| {
        let mt = &p.meetings[m as usize];
        if mt.a as usize == who { mt.b } else { mt.a }
    };
    let mut out = String::new();
    for who in 0..p.participants.len() {
        if agenda[who].is_empty() && missing[who].is_empty() {
            continue;
        }
        agenda[who].sort_unstable();
        let _ = writeln!(out, "{}", label(who as u32));
        for &(slot, table, m) in &agenda[who] {
            let _ = writeln!(
                out,
                "  slot {:>3}  table {:>4}  with {}  [meeting {}]",
                slot + 1,
                table + 1,
                label(partner(m, who)),
                names.meetings[m as usize]
            );
        }
        for &m in &missing[who] {
            let _ = writeln!(
                out,
                "  not scheduled: with {}  [meeting {}]",
                label(partner(m, who)),
                names.meetings[m as usize]
            );
        }
    }
    out
}
