//! The validator catches every kind of violation and computes the objective.

use corridor_schedule::model::{Placement, Schedule};
use corridor_schedule::validate::{Violation, validate};

use crate::common::{meeting, problem};

/// Whether a violation is the expected one.
type Expect = fn(&Violation) -> bool;

fn pl(meeting: u32, slot: u16, table: u32) -> Placement {
    Placement {
        meeting,
        slot,
        table,
    }
}

fn violations(p: &corridor_schedule::model::Problem, placements: Vec<Placement>) -> Vec<Violation> {
    validate(p, &Schedule { placements }).expect_err("schedule should be invalid")
}

#[test]
fn a_valid_schedule_gets_its_objective() {
    // 0 meets 1 and 2 with a gap, 1 meets 2 right after.
    let p = problem(3, 4, 2, vec![meeting(0, 1), meeting(0, 2), meeting(1, 2)]);
    let obj = validate(
        &p,
        &Schedule {
            placements: vec![pl(0, 0, 0), pl(1, 2, 1), pl(2, 1, 0)],
        },
    )
    .unwrap();
    assert_eq!(obj.scheduled_meetings, 3);
    assert_eq!(obj.scheduled_weight, 3);
    assert_eq!(
        obj.breaks, 1,
        "participant 0 idles in slot 1 between meetings"
    );
    assert_eq!(obj.max_breaks_per_participant, 1);
    // 1: table 0 then 0 (no change); 2: table 0 then 1 (change); 0: table 0 then 1 (change).
    assert_eq!(obj.table_changes, 2);
}

#[test]
fn a_gap_counts_once_whatever_its_length_and_edges_do_not_count() {
    let p = problem(3, 8, 2, vec![meeting(0, 1), meeting(0, 2)]);
    let obj = validate(
        &p,
        &Schedule {
            placements: vec![pl(0, 1, 0), pl(1, 6, 0)],
        },
    )
    .unwrap();
    assert_eq!(obj.breaks, 1);
}

#[test]
fn idle_time_can_end_at_a_session_boundary() {
    let mut p = problem(2, 4, 1, vec![meeting(0, 1), meeting(0, 1)]);
    p.sessions = vec![
        corridor_schedule::model::Session {
            name: "am".into(),
            start: 0,
            len: 2,
        },
        corridor_schedule::model::Session {
            name: "pm".into(),
            start: 2,
            len: 2,
        },
    ];
    let s = Schedule {
        placements: vec![pl(0, 0, 0), pl(1, 3, 0)],
    };
    assert_eq!(
        validate(&p, &s).unwrap().breaks,
        2,
        "paper semantics: the gap spans the sessions (for both)"
    );
    p.idle_spans_sessions = false;
    assert_eq!(
        validate(&p, &s).unwrap().breaks,
        0,
        "the gap reaches the boundary, so it is no break"
    );
}

#[test]
fn every_violation_kind_is_caught() {
    let mut p = problem(
        4,
        4,
        2,
        vec![meeting(0, 1), meeting(2, 3), meeting(0, 2), meeting(1, 3)],
    );
    p.participants[3].forbidden = vec![2];
    p.meetings[2].fixed = Some(3);
    p.meetings[3].after = vec![0];
    let cases: Vec<(Vec<Placement>, Expect)> = vec![
        (vec![pl(9, 0, 0)], |v| {
            matches!(v, Violation::UnknownMeeting { meeting: 9 })
        }),
        (vec![pl(0, 0, 0), pl(0, 1, 0)], |v| {
            matches!(v, Violation::PlacedTwice { meeting: 0 })
        }),
        (vec![pl(0, 4, 0)], |v| {
            matches!(
                v,
                Violation::SlotOutOfRange {
                    meeting: 0,
                    slot: 4
                }
            )
        }),
        (vec![pl(0, 0, 2)], |v| {
            matches!(v, Violation::TableOutOfRange { meeting: 0, .. })
        }),
        (vec![pl(0, 0, 1), pl(1, 0, 1)], |v| {
            matches!(
                v,
                Violation::TableShared {
                    slot: 0,
                    table: 1,
                    ..
                }
            )
        }),
        (vec![pl(0, 1, 0), pl(2, 1, 1)], |v| {
            matches!(
                v,
                Violation::DoubleBooked {
                    participant: 0,
                    slot: 1,
                    ..
                }
            )
        }),
        (vec![pl(1, 2, 0)], |v| {
            matches!(
                v,
                Violation::Forbidden {
                    participant: 3,
                    slot: 2,
                    ..
                }
            )
        }),
        (vec![pl(2, 1, 0)], |v| {
            matches!(
                v,
                Violation::NotAtFixedSlot {
                    meeting: 2,
                    fixed: 3,
                    ..
                }
            )
        }),
        (vec![pl(0, 2, 0), pl(3, 1, 0)], |v| {
            matches!(
                v,
                Violation::PrecedenceBroken {
                    meeting: 3,
                    before: 0
                }
            )
        }),
        (vec![pl(3, 1, 0)], |v| {
            matches!(
                v,
                Violation::PredecessorMissing {
                    meeting: 3,
                    before: 0
                }
            )
        }),
    ];
    for (placements, want) in cases {
        let found = violations(&p, placements.clone());
        assert!(found.iter().any(want), "{placements:?} gave {found:?}");
    }
}

#[test]
fn sessions_bind_meetings() {
    let mut p = problem(2, 4, 1, vec![meeting(0, 1)]);
    p.sessions = vec![
        corridor_schedule::model::Session {
            name: "am".into(),
            start: 0,
            len: 2,
        },
        corridor_schedule::model::Session {
            name: "pm".into(),
            start: 2,
            len: 2,
        },
    ];
    p.meetings[0].session = Some(1);
    let v = violations(&p, vec![pl(0, 1, 0)]);
    assert!(
        matches!(
            v[0],
            Violation::WrongSession {
                meeting: 0,
                slot: 1,
                session: 1
            }
        ),
        "{v:?}"
    );
    assert!(v[0].to_string().contains("meeting 1"));
}

#[test]
fn require_all_and_fairness_are_checked() {
    let mut p = problem(3, 6, 2, vec![meeting(0, 1), meeting(0, 2), meeting(1, 2)]);
    p.require_all = true;
    let v = violations(&p, vec![pl(0, 0, 0)]);
    assert!(
        v.iter()
            .any(|v| matches!(v, Violation::Unscheduled { meeting: 1 })),
        "{v:?}"
    );
    p.require_all = false;
    p.max_breaks = Some(0);
    let v = violations(&p, vec![pl(0, 0, 0), pl(1, 3, 0)]);
    assert!(
        v.iter().any(|v| matches!(
            v,
            Violation::TooManyBreaks {
                participant: 0,
                breaks: 1,
                max: 0
            }
        )),
        "{v:?}"
    );
    assert!(v[0].to_string().contains("participant 1"), "{}", v[0]);
}
