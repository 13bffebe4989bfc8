//! Tables for meetings whose slots are already chosen (the fourth criterion: participants keep
//! their table from one meeting to their next).
//!
//! Slot by slot, each meeting may keep the table of either participant's previous meeting (the
//! validator counts a change between consecutive meetings whatever the gap, so a participant
//! back from a break counts too), or a table it is asked to keep (incremental mode). Which
//! meeting gets a contested table is a bipartite matching, solved exactly per slot with
//! augmenting paths: a first-come rule leaves a meeting without its table when the one that
//! took it had another choice. Meetings whose two participants sat at the same table go first,
//! since keeping it saves two changes. The rest take the lowest free tables.

use crate::model::{Placement, Problem, Schedule};

const NO: u32 = u32::MAX;

/// Assigns a table to every meeting with a slot (`slot[m] = None`: not held). `prefer[m]`, when
/// given, is a table meeting `m` should keep (a published schedule); it may be empty. Slots
/// must respect the tables' capacity, so a free table always exists.
pub(crate) fn assign(p: &Problem, slot: &[Option<u16>], prefer: &[Option<u32>]) -> Schedule {
    let mut by_slot: Vec<Vec<u32>> = vec![Vec::new(); p.slots as usize];
    for (m, s) in slot.iter().enumerate() {
        if let Some(s) = s {
            by_slot[*s as usize].push(m as u32);
        }
    }
    let mut last: Vec<u32> = vec![NO; p.participants.len()];
    let mut placements = Vec::with_capacity(slot.len());
    let mut mt = Matcher::default();
    for (t, ms) in by_slot.iter_mut().enumerate() {
        // Capped so a hostile table count cannot allocate much; loads never exceed the cap.
        let cap = (p.tables[t] as usize).min(1 << 20).max(ms.len());
        let shared = |m: u32| {
            let x = &p.meetings[m as usize];
            let a = last[x.a as usize];
            a != NO && a == last[x.b as usize]
        };
        ms.sort_by_key(|&m| !shared(m));
        let cands: Vec<[u32; 3]> = ms
            .iter()
            .map(|&m| {
                let x = &p.meetings[m as usize];
                let pre = prefer.get(m as usize).copied().flatten().unwrap_or(NO);
                let mut c = [pre, last[x.a as usize], last[x.b as usize]];
                for k in &mut c {
                    if *k as usize >= cap {
                        *k = NO;
                    }
                }
                c
            })
            .collect();
        let tables = mt.solve(&cands, cap);
        let mut next = 0usize;
        for (i, &m) in ms.iter().enumerate() {
            let k = match tables[i] {
                NO => {
                    while mt.owner[next] != NO {
                        next += 1;
                    }
                    mt.owner[next] = i as u32;
                    next as u32
                }
                k => k,
            };
            let x = &p.meetings[m as usize];
            last[x.a as usize] = k;
            last[x.b as usize] = k;
            placements.push(Placement {
                meeting: m,
                slot: t as u16,
                table: k,
            });
        }
    }
    placements.sort_unstable_by_key(|pl| pl.meeting);
    Schedule { placements }
}

/// Maximum matching of meetings to the tables they may keep, reused across slots.
#[derive(Default)]
struct Matcher {
    /// Meeting (index into the slot's list) at each table, or `NO`.
    owner: Vec<u32>,
    /// Table of each meeting, or `NO`.
    table: Vec<u32>,
    /// Tables held by the meeting that prefers them.
    locked: Vec<bool>,
    seen: Vec<u32>,
    stamp: u32,
    /// The augmenting search's path, kept so that a search allocates nothing.
    stack: Vec<(usize, usize)>,
    via: Vec<u32>,
}

impl Matcher {
    /// Seats meetings at their preferred tables (`cands[i][0]`), then matches the others in
    /// order, each by an augmenting path, so a meeting once matched stays matched: earlier
    /// meetings win ties. Returns each meeting's table or `NO`.
    fn solve(&mut self, cands: &[[u32; 3]], cap: usize) -> Vec<u32> {
        self.owner.clear();
        self.owner.resize(cap, NO);
        self.seen.clear();
        self.seen.resize(cap, 0);
        self.table.clear();
        self.table.resize(cands.len(), NO);
        // A table a meeting is asked to keep (published) is its own before any matching, and
        // no augmenting path takes it away again.
        self.locked.clear();
        self.locked.resize(cap, false);
        for (i, c) in cands.iter().enumerate() {
            let k = c[0];
            if k != NO && self.owner[k as usize] == NO {
                self.owner[k as usize] = i as u32;
                self.table[i] = k;
                self.locked[k as usize] = true;
            }
        }
        for i in 0..cands.len() {
            if self.table[i] != NO {
                continue;
            }
            self.stamp = self.stamp.wrapping_add(1);
            if self.stamp == 0 {
                self.seen.fill(0);
                self.stamp = 1;
            }
            self.augment(i, cands);
        }
        self.table.clone()
    }

    /// Depth-first search for an augmenting path from meeting `i`. Iterative, since paths can
    /// be as long as the slot has meetings.
    fn augment(&mut self, i: usize, cands: &[[u32; 3]]) -> bool {
        // Stack of (meeting, next candidate to try); `via[d]` is the table that led to depth d.
        let (stack, via) = (&mut self.stack, &mut self.via);
        stack.clear();
        stack.push((i, 0));
        via.clear();
        while let Some(&mut (m, ref mut next)) = stack.last_mut() {
            if *next == 3 {
                stack.pop();
                via.pop();
                continue;
            }
            let k = cands[m][*next];
            *next += 1;
            if k == NO || self.seen[k as usize] == self.stamp || self.locked[k as usize] {
                continue;
            }
            self.seen[k as usize] = self.stamp;
            let holder = self.owner[k as usize];
            via.push(k);
            if holder == NO {
                // Flip the path: each meeting on the stack takes the table below it.
                for (d, &(m, _)) in stack.iter().enumerate() {
                    let k = via[d];
                    self.table[m] = k;
                    self.owner[k as usize] = m as u32;
                }
                return true;
            }
            stack.push((holder as usize, 0));
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Meeting, Participant, Session};

    fn problem(people: usize, pairs: &[(u32, u32)], slots: u16, tables: u32) -> Problem {
        Problem {
            name: "t".into(),
            slots,
            sessions: vec![Session {
                name: "all".into(),
                start: 0,
                len: slots,
            }],
            tables: vec![tables; slots as usize],
            participants: vec![Participant::default(); people],
            meetings: pairs
                .iter()
                .map(|&(a, b)| Meeting {
                    a,
                    b,
                    weight: 1,
                    session: None,
                    fixed: None,
                    after: Vec::new(),
                })
                .collect(),
            max_breaks: None,
            require_all: true,
            idle_spans_sessions: true,
        }
    }

    fn changes(p: &Problem, s: &Schedule) -> u64 {
        crate::validate::validate(p, s)
            .expect("a valid schedule")
            .table_changes
    }

    #[test]
    fn a_contested_table_goes_to_the_meeting_with_no_other_choice() {
        // A=0 B=1 C=2 D=3 F=4. Slot 0: (A,B) at 0, (C,D) at 1. Slot 1: (C,A) may keep C's
        // table 1 or A's table 0; (D,F) can only keep D's table 1. First come, (C,A) would take
        // 1 and both D and A would change; matched, only C changes.
        let p = problem(5, &[(0, 1), (2, 3), (2, 0), (3, 4)], 2, 2);
        let s = assign(&p, &[Some(0), Some(0), Some(1), Some(1)], &[]);
        assert_eq!(s.placements[2].table, 0);
        assert_eq!(s.placements[3].table, 1);
        assert_eq!(changes(&p, &s), 1);
    }

    #[test]
    fn a_participant_back_from_a_break_returns_to_its_table() {
        // Slot 0: (X,Y) and (A,B); slot 2: (A,C). A sat at table 1 and gets it back.
        let p = problem(5, &[(0, 1), (2, 3), (2, 4)], 3, 2);
        let s = assign(&p, &[Some(0), Some(0), Some(2)], &[]);
        assert_eq!(s.placements[2].table, s.placements[1].table);
        assert_eq!(changes(&p, &s), 0);
    }

    #[test]
    fn two_participants_who_sat_together_keep_their_table_before_a_single_claim() {
        // A=0 B=1 C=2 D=3 E=4 F=5 G=6. Slot 0: (A,B) at 0, (C,D) at 1. Slot 1: (E,F) at 0.
        // Slot 2: (E,G) may keep E's table 0, and (A,B) again both A's and B's table 0.
        let p = problem(7, &[(0, 1), (2, 3), (4, 5), (4, 6), (0, 1)], 3, 2);
        let s = assign(&p, &[Some(0), Some(0), Some(1), Some(2), Some(2)], &[]);
        assert_eq!(s.placements[2].table, 0);
        assert_eq!(s.placements[4].table, 0);
        assert_eq!(changes(&p, &s), 1);
    }

    #[test]
    fn a_preferred_table_is_kept_and_slots_never_overflow() {
        let p = problem(4, &[(0, 1), (2, 3)], 1, 2);
        let s = assign(&p, &[Some(0), Some(0)], &[Some(1), None]);
        assert_eq!(s.placements[0].table, 1);
        assert_eq!(s.placements[1].table, 0);
        assert_eq!(changes(&p, &s), 0);
    }

    #[test]
    fn a_preferred_table_is_not_rerouted_for_a_participant_who_continues() {
        // Slot 0: (A,B) at 0 and (C,D) at 1. Slot 1: (A,E) prefers table 1 (published there);
        // (C,F) could keep C's table 1 only. The published table wins: C changes.
        let p = problem(6, &[(0, 1), (2, 3), (0, 4), (2, 5)], 2, 2);
        let s = assign(
            &p,
            &[Some(0), Some(0), Some(1), Some(1)],
            &[None, None, Some(1), None],
        );
        assert_eq!(s.placements[2].table, 1);
        assert_eq!(s.placements[3].table, 0);
    }

    #[test]
    fn a_long_augmenting_path_is_followed_to_its_end() {
        // Slot 0: meetings (2i, 2i+1) at table i for i in 0..n. Slot 1: for i < n-1, (2i+2,
        // 2i+1), which claims table i+1 first and may keep table i; last, (2n-1, new), which can
        // only keep table n-1. Seating it shifts all the others down a table, a path of n.
        let n = 50u32;
        let mut pairs: Vec<(u32, u32)> = (0..n).map(|i| (2 * i, 2 * i + 1)).collect();
        let mut slots = vec![Some(0); n as usize];
        for i in 0..n - 1 {
            pairs.push((2 * i + 2, 2 * i + 1));
            slots.push(Some(1));
        }
        pairs.push((2 * n - 1, 2 * n + 5));
        slots.push(Some(1));
        let p = problem(2 * n as usize + 6, &pairs, 2, n);
        let s = assign(&p, &slots, &[]);
        // Each slot-1 meeting keeps a table, so each of them costs at most one change: n - 1
        // meetings with both participants continuing, one with a single continuing participant.
        assert_eq!(changes(&p, &s), (n - 1) as u64);
    }
}
