//! The Corridor JSON reader and writers.

use corridor_schedule::error::ParseError;
use corridor_schedule::generate::{GenParams, generate};
use corridor_schedule::json::{
    parse_change, parse_instance, parse_previous, write_instance, write_schedule,
};
use corridor_schedule::model::{Options, Schedule};
use corridor_schedule::solve::solve;

use crate::common::{SMALL_JSON, options};

fn err(text: &str) -> ParseError {
    parse_instance(text).expect_err("input should be rejected")
}

#[test]
fn the_small_file_parses_with_defaults_and_one_based_slots() {
    let (p, names) = parse_instance(SMALL_JSON).unwrap();
    assert_eq!(p.slots, 6);
    assert_eq!(p.participants[0].forbidden, vec![5]);
    assert_eq!(p.meetings[0].weight, 3);
    assert_eq!(p.meetings[1].weight, 1);
    assert_eq!(p.meetings[0].session, Some(0));
    assert_eq!(p.meetings[2].fixed, Some(3));
    assert_eq!(p.meetings[3].after, vec![1]);
    assert!(!p.require_all);
    assert!(p.idle_spans_sessions);
    assert_eq!(p.max_breaks, Some(2));
    assert_eq!(names.meetings[4], "m5");
    assert_eq!(names.participant_index("p3"), Some(2));
}

#[test]
fn writing_and_reading_an_instance_round_trips() {
    let (p, names) = parse_instance(SMALL_JSON).unwrap();
    let (q, names2) = parse_instance(&write_instance(&p, &names)).unwrap();
    assert_eq!(p, q);
    assert_eq!(names, names2);
    let (g, gn) = generate(&GenParams {
        participants: 60,
        seed: 5,
        ..GenParams::default()
    });
    let (g2, gn2) = parse_instance(&write_instance(&g, &gn)).unwrap();
    assert_eq!(g, g2);
    assert_eq!(gn, gn2);
}

#[test]
fn an_unknown_field_is_rejected_with_line_and_column() {
    let text = SMALL_JSON.replace("\"tables\": 2,", "\"tables\": 2,\n  \"colour\": \"blue\",");
    let e = err(&text);
    assert_eq!(e.line, Some(6), "{e}");
    assert!(e.message.contains("colour"), "{e}");
}

#[test]
fn an_unknown_participant_names_the_meeting_field() {
    let e = err(&SMALL_JSON.replace(
        "\"b\": \"p3\", \"fixed_slot\"",
        "\"b\": \"p99\", \"fixed_slot\"",
    ));
    assert_eq!(e.field.as_deref(), Some("meetings[2].b"));
    assert!(e.to_string().contains("unknown participant \"p99\""), "{e}");
}

#[test]
fn semantic_errors_name_the_path() {
    let cases = [
        (
            SMALL_JSON.replace(
                "\"a\": \"p1\", \"b\": \"p3\"",
                "\"a\": \"p3\", \"b\": \"p3\"",
            ),
            "meetings[1].b",
        ),
        (
            SMALL_JSON.replace("\"fixed_slot\": 4", "\"fixed_slot\": 7"),
            "meetings[2].fixed_slot",
        ),
        (
            SMALL_JSON.replace("\"unavailable\": [6]", "\"unavailable\": [0]"),
            "participants[0].unavailable[0]",
        ),
        (
            SMALL_JSON.replace("\"session\": \"morning\"", "\"session\": \"night\""),
            "meetings[0].session",
        ),
        (
            SMALL_JSON.replace("\"after\": [\"m2\"]", "\"after\": [\"m9\"]"),
            "meetings[3].after[0]",
        ),
        (
            SMALL_JSON.replace("\"weight\": 3", "\"weight\": 0"),
            "meetings[0].weight",
        ),
        (
            SMALL_JSON.replace("\"id\": \"p2\"", "\"id\": \"p1\""),
            "participants[1].id",
        ),
        (
            SMALL_JSON.replace("\"tables\": 2", "\"tables\": [1, 2]"),
            "tables",
        ),
        (
            SMALL_JSON.replace("corridor-b2b-1", "corridor-b2b-9"),
            "format",
        ),
    ];
    for (text, field) in cases {
        let e = err(&text);
        assert_eq!(e.field.as_deref(), Some(field), "{e}");
    }
}

#[test]
fn negative_numbers_are_rejected_with_a_position() {
    let e = err(&SMALL_JSON.replace("\"tables\": 2", "\"tables\": -2"));
    assert_eq!(e.line, Some(5), "{e}");
}

#[test]
fn a_truncated_file_is_rejected_with_a_position() {
    let e = err(&SMALL_JSON[..SMALL_JSON.len() / 2]);
    assert!(e.line.is_some(), "{e}");
}

#[test]
fn garbage_and_deep_nesting_are_errors() {
    assert!(err("\u{0}\u{1}garbage").line.is_some());
    let deep = "[".repeat(100_000);
    assert!(err(&deep).line.is_some());
    let nested = SMALL_JSON.replace(
        "\"tables\": 2",
        &format!("\"tables\": {}2{}", "[".repeat(5000), "]".repeat(5000)),
    );
    assert!(err(&nested).line.is_some());
}

#[test]
fn too_many_slots_are_refused() {
    let e = err(&SMALL_JSON.replace("\"slots\": 3}, {", "\"slots\": 3000}, {"));
    assert_eq!(e.field.as_deref(), Some("sessions"));
}

#[test]
fn a_result_reads_back_as_the_same_schedule() {
    let (p, names) = parse_instance(SMALL_JSON).unwrap();
    let out = solve(&p, &options(300));
    let s = out.schedule.clone().unwrap();
    let text = write_schedule(&p, &names, &out, None);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    for key in [
        "scheduled_meetings",
        "requested_meetings",
        "scheduled_weight",
        "breaks",
        "breaks_lower_bound",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let back: Schedule = parse_previous(&text, &p, &names).unwrap();
    let mut a = s.placements.clone();
    let mut b = back.placements.clone();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    let _unused: Option<Options> = None;
}

#[test]
fn a_change_file_resolves_ids_and_rejects_unknown_ones() {
    let (p, names) = parse_instance(SMALL_JSON).unwrap();
    let (c, added) = parse_change(
        r#"{"cancel_participants": ["p4"], "withdraw_meetings": ["m2"],
            "add_meetings": [{"id": "m6", "a": "p1", "b": "p3", "after": ["m1"]}]}"#,
        &p,
        &names,
    )
    .unwrap();
    assert_eq!(c.cancel_participants, vec![3]);
    assert_eq!(c.withdraw_meetings, vec![1]);
    assert_eq!(c.add_meetings[0].after, vec![0]);
    assert_eq!(added, vec!["m6".to_string()]);
    let e = parse_change(r#"{"cancel_participants": ["zz"]}"#, &p, &names).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("cancel_participants[0]"));
}
