//! The problem and solution types every part of the scheduler shares.
//!
//! Everything is 0-based inside the crate: participant `p` is `participants[p]`, meeting `m` is
//! `meetings[m]`, slot `t` is in `0..problem.slots`. Readers and writers convert from and to the
//! 1-based numbering of files.

use std::time::Duration;

/// A session: a run of consecutive slots (morning, afternoon, day two …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub name: String,
    /// First slot of the session (0-based, global numbering).
    pub start: u16,
    /// Number of slots in the session.
    pub len: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Participant {
    pub name: String,
    /// Slots (0-based, sorted, deduplicated) in which the participant cannot meet.
    pub forbidden: Vec<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// The two participants (indices), `a != b`.
    pub a: u32,
    pub b: u32,
    /// Priority; the solver maximises the total weight of scheduled meetings first. At least 1.
    pub weight: u32,
    /// The meeting must take place in this session (index into `Problem::sessions`).
    pub session: Option<u16>,
    /// The meeting is pinned to this slot.
    pub fixed: Option<u16>,
    /// Meetings (indices) that must be held strictly before this one.
    pub after: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub name: String,
    /// Number of time slots, numbered `0..slots` through the whole event.
    pub slots: u16,
    /// Sessions partition `0..slots` in order. One session covering everything when there is no split.
    pub sessions: Vec<Session>,
    /// Tables usable in each slot; `tables.len() == slots as usize`.
    pub tables: Vec<u32>,
    pub participants: Vec<Participant>,
    pub meetings: Vec<Meeting>,
    /// Fairness: no participant may have more than this many breaks. `None` = unbounded.
    pub max_breaks: Option<u32>,
    /// Every meeting must be scheduled (the public instances); otherwise weight is maximised.
    pub require_all: bool,
    /// When false, the gap between two sessions is not idle time: an idle stretch that reaches a
    /// session boundary ends there and is not a break. The public instances use true.
    pub idle_spans_sessions: bool,
}

/// One scheduled meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Placement {
    pub meeting: u32,
    pub slot: u16,
    /// Table (0-based) within the slot, `< problem.tables[slot]`.
    pub table: u32,
}

/// A (possibly partial) schedule: meetings not listed are not scheduled.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schedule {
    pub placements: Vec<Placement>,
}

/// The objective of a schedule, compared lexicographically in this field order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Objective {
    pub scheduled_meetings: u32,
    pub scheduled_weight: u64,
    /// Total breaks over all participants.
    pub breaks: u64,
    /// The worst participant's breaks.
    pub max_breaks_per_participant: u32,
    /// Consecutive meetings of a participant held at different tables.
    pub table_changes: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Proven optimal for (weight, breaks).
    Optimal,
    /// A valid schedule, optimality not proven.
    Feasible,
    /// Proven: no schedule satisfies the hard constraints.
    Infeasible,
    /// Nothing found within the limits.
    Unknown,
}

/// What a solver returns.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status: Status,
    pub schedule: Option<Schedule>,
    pub objective: Option<Objective>,
    /// Proven: no valid schedule of maximal weight has fewer breaks.
    pub breaks_lower_bound: u64,
    /// Proven: no valid schedule has more scheduled weight.
    pub weight_upper_bound: u64,
    pub elapsed: Duration,
}

/// Progress reported while solving (for the CLI's progress line).
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub elapsed: Duration,
    pub best: Option<Objective>,
    pub breaks_lower_bound: u64,
    pub weight_upper_bound: u64,
}

pub struct Options<'a> {
    pub time_limit: Duration,
    pub threads: usize,
    /// A schedule to start from (warm start, or the published schedule in incremental mode).
    pub initial: Option<Schedule>,
    pub progress: Option<&'a (dyn Fn(Progress) + Sync)>,
    /// Seed for every random choice, so runs are reproducible.
    pub seed: u64,
}
