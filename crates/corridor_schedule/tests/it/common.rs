//! Helpers shared by the test modules.

use std::time::Duration;

use corridor_schedule::model::{Meeting, Options, Participant, Problem, Session};

pub const TINY_DZN: &str = include_str!("../data/tiny.dzn");
pub const SMALL_JSON: &str = include_str!("../data/small.json");

pub fn meeting(a: u32, b: u32) -> Meeting {
    Meeting {
        a,
        b,
        weight: 1,
        session: None,
        fixed: None,
        after: Vec::new(),
    }
}

/// A problem with `np` participants, `slots` slots in one session, `tables` per slot.
pub fn problem(np: usize, slots: u16, tables: u32, meetings: Vec<Meeting>) -> Problem {
    Problem {
        name: "test".into(),
        slots,
        sessions: vec![Session {
            name: "day".into(),
            start: 0,
            len: slots,
        }],
        tables: vec![tables; slots as usize],
        participants: (0..np)
            .map(|i| Participant {
                name: format!("p{i}"),
                forbidden: Vec::new(),
            })
            .collect(),
        meetings,
        max_breaks: None,
        require_all: false,
        idle_spans_sessions: true,
    }
}

/// Two sessions over `slots` slots: "am" the first half (rounded down), "pm" the rest.
pub fn am_pm(slots: u16) -> Vec<Session> {
    let half = slots / 2;
    vec![
        Session {
            name: "am".into(),
            start: 0,
            len: half,
        },
        Session {
            name: "pm".into(),
            start: half,
            len: slots - half,
        },
    ]
}

pub fn options(ms: u64) -> Options<'static> {
    Options {
        time_limit: Duration::from_millis(ms),
        threads: 2,
        initial: None,
        progress: None,
        seed: 3,
    }
}
