//! Incremental re-optimisation keeps the published schedule where it can.

use corridor_schedule::generate::{GenParams, generate};
use corridor_schedule::incremental::{Change, apply_change, reoptimise};
use corridor_schedule::solve::solve;
use corridor_schedule::validate::validate;

use crate::common::{meeting, options};

#[test]
fn a_cancellation_keeps_every_unaffected_meeting_in_place_and_at_its_table() {
    let (p, _) = generate(&GenParams {
        participants: 200,
        seed: 4,
        ..GenParams::default()
    });
    let published = solve(&p, &options(800)).schedule.unwrap();
    let change = Change {
        cancel_participants: vec![5],
        ..Change::default()
    };
    let (p2, old_to_new) = apply_change(&p, &change).unwrap();
    assert!(p2.meetings.iter().all(|m| m.a != 5 && m.b != 5));
    let (out, moved) = reoptimise(&p2, &published, &old_to_new, &options(500));
    let s = out.schedule.unwrap();
    validate(&p2, &s).expect("valid");
    assert_eq!(moved, 0, "nothing needs to move after a cancellation");
    // Slot and table: a participant's printed agenda stays right for every meeting kept.
    let now: std::collections::HashMap<u32, (u16, u32)> = s
        .placements
        .iter()
        .map(|x| (x.meeting, (x.slot, x.table)))
        .collect();
    for pl in &published.placements {
        if let Some(Some(m)) = old_to_new.get(pl.meeting as usize) {
            assert_eq!(now.get(m), Some(&(pl.slot, pl.table)));
        }
    }
}

#[test]
fn a_new_request_is_placed_moving_few_meetings() {
    let (p, _) = generate(&GenParams {
        participants: 200,
        seed: 9,
        ..GenParams::default()
    });
    let published = solve(&p, &options(800)).schedule.unwrap();
    let before = published.placements.len();
    let change = Change {
        withdraw_meetings: vec![0, 1],
        add_meetings: vec![meeting(3, 150), meeting(10, 11)],
        ..Change::default()
    };
    let (p2, old_to_new) = apply_change(&p, &change).unwrap();
    let (out, moved) = reoptimise(&p2, &published, &old_to_new, &options(500));
    let obj = validate(&p2, out.schedule.as_ref().unwrap()).unwrap();
    assert!(
        obj.scheduled_meetings as usize >= before - 2,
        "kept meetings stay scheduled"
    );
    assert!(moved * 50 < before, "moved {moved} of {before}");
}

#[test]
fn a_change_naming_a_missing_participant_is_refused() {
    let (p, _) = generate(&GenParams {
        participants: 20,
        seed: 1,
        ..GenParams::default()
    });
    let change = Change {
        cancel_participants: vec![999],
        ..Change::default()
    };
    assert!(apply_change(&p, &change).is_err());
}
