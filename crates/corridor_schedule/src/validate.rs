//! The independent checker: every schedule a solver returns passes through here.
//!
//! It shares no code with the solvers on purpose, so a bug in their incremental bookkeeping
//! cannot hide itself. A meeting with predecessors may only be held if every predecessor is
//! held strictly before it (the exact solver's reading too): an unscheduled predecessor blocks
//! its successors. With `require_all` every meeting is held, so this is the plain precedence.

use std::fmt;

use crate::model::{Objective, Problem, Schedule};

/// A broken hard constraint. Numbers in the messages are 1-based (file numbering).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    UnknownMeeting {
        meeting: u32,
    },
    PlacedTwice {
        meeting: u32,
    },
    SlotOutOfRange {
        meeting: u32,
        slot: u16,
    },
    TableOutOfRange {
        meeting: u32,
        slot: u16,
        table: u32,
    },
    TableShared {
        slot: u16,
        table: u32,
        meetings: [u32; 2],
    },
    DoubleBooked {
        participant: u32,
        slot: u16,
        meetings: [u32; 2],
    },
    WrongSession {
        meeting: u32,
        slot: u16,
        session: u16,
    },
    Forbidden {
        meeting: u32,
        participant: u32,
        slot: u16,
    },
    NotAtFixedSlot {
        meeting: u32,
        slot: u16,
        fixed: u16,
    },
    /// `meeting` must come strictly after `before`, but does not.
    PrecedenceBroken {
        meeting: u32,
        before: u32,
    },
    /// `meeting` is held but its predecessor `before` is not.
    PredecessorMissing {
        meeting: u32,
        before: u32,
    },
    Unscheduled {
        meeting: u32,
    },
    TooManyBreaks {
        participant: u32,
        breaks: u32,
        max: u32,
    },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Violation::*;
        match *self {
            UnknownMeeting { meeting } => {
                write!(f, "meeting {} does not exist", meeting as u64 + 1)
            }
            PlacedTwice { meeting } => {
                write!(f, "meeting {} is placed more than once", meeting + 1)
            }
            SlotOutOfRange { meeting, slot } => {
                write!(
                    f,
                    "meeting {} is in slot {}, which does not exist",
                    meeting + 1,
                    slot as u32 + 1
                )
            }
            TableOutOfRange {
                meeting,
                slot,
                table,
            } => write!(
                f,
                "meeting {} is at table {} in slot {}, which has fewer tables",
                meeting + 1,
                table as u64 + 1,
                slot as u32 + 1
            ),
            TableShared {
                slot,
                table,
                meetings: [x, y],
            } => write!(
                f,
                "meetings {} and {} share table {} in slot {}",
                x + 1,
                y + 1,
                table as u64 + 1,
                slot as u32 + 1
            ),
            DoubleBooked {
                participant,
                slot,
                meetings: [x, y],
            } => write!(
                f,
                "participant {} is in meetings {} and {} in slot {}",
                participant + 1,
                x + 1,
                y + 1,
                slot as u32 + 1
            ),
            WrongSession {
                meeting,
                slot,
                session,
            } => write!(
                f,
                "meeting {} is in slot {}, outside its session {}",
                meeting + 1,
                slot as u32 + 1,
                session as u32 + 1
            ),
            Forbidden {
                meeting,
                participant,
                slot,
            } => write!(
                f,
                "meeting {} is in slot {}, which participant {} cannot attend",
                meeting + 1,
                slot as u32 + 1,
                participant + 1
            ),
            NotAtFixedSlot {
                meeting,
                slot,
                fixed,
            } => write!(
                f,
                "meeting {} is in slot {} but is fixed to slot {}",
                meeting + 1,
                slot as u32 + 1,
                fixed as u32 + 1
            ),
            PrecedenceBroken { meeting, before } => {
                write!(
                    f,
                    "meeting {} must come after meeting {} but does not",
                    meeting + 1,
                    before + 1
                )
            }
            PredecessorMissing { meeting, before } => {
                write!(
                    f,
                    "meeting {} is held but its predecessor {} is not",
                    meeting + 1,
                    before + 1
                )
            }
            Unscheduled { meeting } => write!(f, "meeting {} is not scheduled", meeting + 1),
            TooManyBreaks {
                participant,
                breaks,
                max,
            } => {
                write!(
                    f,
                    "participant {} has {breaks} breaks, more than {max}",
                    participant + 1
                )
            }
        }
    }
}

/// The session each slot belongs to (`u16::MAX` for a slot outside every session).
pub(crate) fn session_of_slots(p: &Problem) -> Vec<u16> {
    let mut out = vec![u16::MAX; p.slots as usize];
    for (i, s) in p.sessions.iter().enumerate() {
        for t in s.start..s.start.saturating_add(s.len).min(p.slots) {
            out[t as usize] = i as u16;
        }
    }
    out
}

/// Checks every hard constraint and, when they all hold, returns the schedule's objective.
pub fn validate(p: &Problem, s: &Schedule) -> Result<Objective, Vec<Violation>> {
    let mut bad = Vec::new();
    let nm = p.meetings.len();
    let session = session_of_slots(p);
    let mut slot_of: Vec<Option<(u16, u32)>> = vec![None; nm];
    for pl in &s.placements {
        let m = pl.meeting;
        if m as usize >= nm {
            bad.push(Violation::UnknownMeeting { meeting: m });
            continue;
        }
        if slot_of[m as usize].is_some() {
            bad.push(Violation::PlacedTwice { meeting: m });
            continue;
        }
        if pl.slot >= p.slots {
            bad.push(Violation::SlotOutOfRange {
                meeting: m,
                slot: pl.slot,
            });
            continue;
        }
        if pl.table >= p.tables[pl.slot as usize] {
            bad.push(Violation::TableOutOfRange {
                meeting: m,
                slot: pl.slot,
                table: pl.table,
            });
        }
        slot_of[m as usize] = Some((pl.slot, pl.table));
        let mt = &p.meetings[m as usize];
        if let Some(ses) = mt.session {
            if session[pl.slot as usize] != ses {
                bad.push(Violation::WrongSession {
                    meeting: m,
                    slot: pl.slot,
                    session: ses,
                });
            }
        }
        for who in [mt.a, mt.b] {
            if p.participants[who as usize]
                .forbidden
                .binary_search(&pl.slot)
                .is_ok()
            {
                bad.push(Violation::Forbidden {
                    meeting: m,
                    participant: who,
                    slot: pl.slot,
                });
            }
        }
        if let Some(fixed) = mt.fixed {
            if fixed != pl.slot {
                bad.push(Violation::NotAtFixedSlot {
                    meeting: m,
                    slot: pl.slot,
                    fixed,
                });
            }
        }
    }
    // Table and participant clashes: sort (slot, key, meeting) and compare neighbours.
    let mut by_table: Vec<(u16, u32, u32)> = slot_of
        .iter()
        .enumerate()
        .filter_map(|(m, x)| x.map(|(t, k)| (t, k, m as u32)))
        .collect();
    by_table.sort_unstable();
    for w in by_table.windows(2) {
        if w[0].0 == w[1].0 && w[0].1 == w[1].1 {
            bad.push(Violation::TableShared {
                slot: w[0].0,
                table: w[0].1,
                meetings: [w[0].2, w[1].2],
            });
        }
    }
    let mut agenda: Vec<Vec<(u16, u32, u32)>> = vec![Vec::new(); p.participants.len()];
    for (m, x) in slot_of.iter().enumerate() {
        if let Some((t, k)) = *x {
            let mt = &p.meetings[m];
            agenda[mt.a as usize].push((t, k, m as u32));
            agenda[mt.b as usize].push((t, k, m as u32));
        }
    }
    for (m, x) in slot_of.iter().enumerate() {
        match *x {
            None if p.require_all => bad.push(Violation::Unscheduled { meeting: m as u32 }),
            None => {}
            Some((t, _)) => {
                for &b in &p.meetings[m].after {
                    match slot_of.get(b as usize) {
                        Some(Some((tb, _))) if *tb >= t => bad.push(Violation::PrecedenceBroken {
                            meeting: m as u32,
                            before: b,
                        }),
                        Some(Some(_)) => {}
                        _ => bad.push(Violation::PredecessorMissing {
                            meeting: m as u32,
                            before: b,
                        }),
                    }
                }
            }
        }
    }
    let mut obj = Objective::default();
    for (m, x) in slot_of.iter().enumerate() {
        if x.is_some() {
            obj.scheduled_meetings += 1;
            obj.scheduled_weight += p.meetings[m].weight as u64;
        }
    }
    for (who, ag) in agenda.iter_mut().enumerate() {
        ag.sort_unstable();
        let mut breaks = 0u32;
        for w in ag.windows(2) {
            let ((t0, k0, m0), (t1, k1, m1)) = (w[0], w[1]);
            if t0 == t1 {
                bad.push(Violation::DoubleBooked {
                    participant: who as u32,
                    slot: t0,
                    meetings: [m0, m1],
                });
                continue;
            }
            let same_session = session[t0 as usize] == session[t1 as usize];
            if t1 > t0 + 1 && (p.idle_spans_sessions || same_session) {
                breaks += 1;
            }
            if k0 != k1 {
                obj.table_changes += 1;
            }
        }
        if let Some(max) = p.max_breaks {
            if breaks > max {
                bad.push(Violation::TooManyBreaks {
                    participant: who as u32,
                    breaks,
                    max,
                });
            }
        }
        obj.breaks += breaks as u64;
        obj.max_breaks_per_participant = obj.max_breaks_per_participant.max(breaks);
    }
    if bad.is_empty() { Ok(obj) } else { Err(bad) }
}
