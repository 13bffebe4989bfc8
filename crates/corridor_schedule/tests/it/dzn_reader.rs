//! The `.dzn` reader: the benchmark traps and hostile input.

use corridor_schedule::dzn::parse_dzn;
use corridor_schedule::error::ParseError;

use crate::common::TINY_DZN;

fn err(text: &str) -> ParseError {
    parse_dzn(text).expect_err("input should be rejected")
}

/// A minimal valid file whose `requested` body is given.
fn with_requested(p: usize, m: usize, rows: &str) -> String {
    format!(
        "nBusiness = {p};\nnMeetings = {m};\nnTables = 2;\nnTotalSlots = 4;\nnMorningSlots = 2;\nrequested = [|{rows}|];\n"
    )
}

#[test]
fn the_tiny_file_parses_with_every_trap_handled() {
    let p = parse_dzn(TINY_DZN).unwrap();
    assert_eq!(p.participants.len(), 4);
    assert_eq!(p.meetings.len(), 4, "the duplicate pair is two meetings");
    assert_eq!((p.meetings[0].a, p.meetings[0].b), (0, 1));
    assert_eq!((p.meetings[3].a, p.meetings[3].b), (0, 1));
    assert_eq!(
        p.participants[0].forbidden,
        Vec::<u16>::new(),
        "the dummy 0 is not a slot"
    );
    assert_eq!(p.participants[1].forbidden, vec![3], "slot 4 is 0-based 3");
    assert_eq!(p.sessions.len(), 2);
    assert_eq!((p.sessions[1].start, p.sessions[1].len), (2, 2));
    assert_eq!(p.meetings[0].session, Some(0));
    assert_eq!(p.meetings[1].session, None);
    assert_eq!(p.meetings[2].session, Some(1));
    assert_eq!(p.tables, vec![2; 4]);
    assert!(p.require_all);
    assert_eq!(p.max_breaks, Some(2));
    assert!(p.idle_spans_sessions);
}

#[test]
fn a_file_without_an_afternoon_has_one_session() {
    let text = with_requested(2, 1, "1,2,3,").replace("nMorningSlots = 2", "nMorningSlots = 4");
    let p = parse_dzn(&text).unwrap();
    assert_eq!(p.sessions.len(), 1);
    assert_eq!(p.sessions[0].len, 4);
}

#[test]
fn fixed_slots_and_precedences_are_read_one_based() {
    let text =
        with_requested(3, 2, "1,2,3,|2,3,3,") + "fixed = [0, 3];\nprecedences = [{2}, {}];\n";
    let p = parse_dzn(&text).unwrap();
    assert_eq!(p.meetings[1].fixed, Some(2));
    assert_eq!(p.meetings[0].after, vec![1]);
}

#[test]
fn a_truncated_file_names_the_last_line() {
    let cut = &TINY_DZN[..TINY_DZN.find("|2, 3,2").unwrap() + 3];
    let e = err(cut);
    assert_eq!(e.line, Some(11), "{e}");
    assert_eq!(e.field.as_deref(), Some("requested"), "{e}");
    assert!(e.to_string().contains("ends"), "{e}");
}

#[test]
fn a_negative_count_is_rejected_naming_the_field_and_line() {
    let e = err("nBusiness = -3;\n");
    assert_eq!(e.field.as_deref(), Some("nBusiness"));
    assert_eq!(e.line, Some(1));
}

#[test]
fn a_meeting_with_oneself_names_the_row() {
    let e = err(&with_requested(3, 2, "1,2,3,\n|3,3,1,\n"));
    assert_eq!(e.field.as_deref(), Some("requested[2]"), "{e}");
    assert_eq!(e.line, Some(7), "{e}");
    assert!(e.message.contains("itself"));
}

#[test]
fn an_unknown_participant_names_the_row() {
    let e = err(&with_requested(3, 1, "1,9,3,"));
    assert_eq!(e.field.as_deref(), Some("requested[1]"));
    assert!(e.message.contains("participant 9"), "{e}");
}

#[test]
fn a_bad_session_code_is_rejected() {
    let e = err(&with_requested(3, 1, "1,2,4,"));
    assert!(e.message.contains("session code 4"), "{e}");
}

#[test]
fn huge_counts_are_refused_before_allocating() {
    let e = err("nBusiness = 100000000;\nnMeetings = 1;\n");
    assert_eq!(e.field.as_deref(), Some("nBusiness"));
    let text = with_requested(3, 1, "1,2,3,").replace("nTotalSlots = 4", "nTotalSlots = 5000");
    let e = err(&text);
    assert_eq!(e.field.as_deref(), Some("nTotalSlots"));
}

#[test]
fn a_row_count_that_disagrees_with_n_meetings_is_rejected() {
    let e = err(&with_requested(3, 2, "1,2,3,"));
    assert_eq!(e.field.as_deref(), Some("requested"));
    assert!(e.message.contains("nMeetings"), "{e}");
}

#[test]
fn an_array_of_the_wrong_length_names_the_field() {
    let e = err(&(with_requested(3, 1, "1,2,3,") + "nMeetingsBusiness = [1,1];\n"));
    assert_eq!(e.field.as_deref(), Some("nMeetingsBusiness"));
    assert_eq!(e.line, Some(7));
}

#[test]
fn a_degree_that_disagrees_with_requested_is_an_error() {
    let e = err(&(with_requested(3, 1, "1,2,3,") + "nMeetingsBusiness = [1,1,1];\n"));
    assert_eq!(e.field.as_deref(), Some("nMeetingsBusiness"));
    assert!(e.message.contains("participant 3"), "{e}");
}

#[test]
fn meetings_x_business_must_be_shifted_by_one() {
    // Unshifted ids (1 instead of 2) are the classic misreading; the reader must refuse them.
    let e = err(&(with_requested(3, 1, "1,2,3,") + "meetingsxBusiness = [{1}, {1,2}, {1}];\n"));
    assert_eq!(e.field.as_deref(), Some("meetingsxBusiness"));
    assert!(e.message.contains("participant 1"), "{e}");
    let ok = with_requested(3, 1, "1,2,3,") + "meetingsxBusiness = [{1,2}, {1,2}, {1}];\n";
    assert!(parse_dzn(&ok).is_ok());
}

#[test]
fn forbidden_slots_out_of_range_are_rejected() {
    let e = err(&(with_requested(2, 1, "1,2,3,") + "forbidden = [{0}, {5}];\n"));
    assert_eq!(e.field.as_deref(), Some("forbidden"));
    assert!(e.message.contains("slot 5"), "{e}");
}

#[test]
fn a_fixed_slot_out_of_range_is_rejected() {
    let e = err(&(with_requested(2, 1, "1,2,3,") + "fixed = [7];\n"));
    assert_eq!(e.field.as_deref(), Some("fixed"));
}

#[test]
fn a_meeting_cannot_precede_itself() {
    let e = err(&(with_requested(3, 2, "1,2,3,|2,3,3,") + "precedences = [{1}, {}];\n"));
    assert_eq!(e.field.as_deref(), Some("precedences"));
    assert!(e.message.contains("itself"), "{e}");
    let e = err(&(with_requested(3, 2, "1,2,3,|2,3,3,") + "precedences = [{3}, {}];\n"));
    assert!(e.message.contains("not a meeting"), "{e}");
}

#[test]
fn garbage_bytes_are_rejected_with_a_position() {
    let e = err("nBusiness = 3;\n\u{1}\u{2}garbage");
    assert_eq!(e.line, Some(2));
    assert_eq!(e.column, Some(1));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let text = format!(
        "nBusiness = {}3{};",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let e = err(&text);
    assert_eq!(e.line, Some(1));
}

#[test]
fn a_number_too_large_for_64_bits_is_an_error() {
    let e = err("nBusiness = 99999999999999999999999;");
    assert!(e.message.contains("too large"), "{e}");
}

#[test]
fn unknown_and_repeated_fields_are_errors() {
    let e = err(&(with_requested(2, 1, "1,2,3,") + "colour = 3;\n"));
    assert_eq!(e.field.as_deref(), Some("colour"));
    let e = err(&(with_requested(2, 1, "1,2,3,") + "nTables = 3;\n"));
    assert!(e.message.contains("twice"), "{e}");
}

#[test]
fn missing_requested_is_an_error() {
    let e =
        err("nBusiness = 2;\nnMeetings = 0;\nnTables = 1;\nnTotalSlots = 2;\nnMorningSlots = 1;\n");
    assert_eq!(e.field.as_deref(), Some("requested"));
}

#[test]
fn comments_and_standard_minizinc_rows_are_accepted() {
    let text = "% header\nnBusiness = 3; % three\nnMeetings = 2;\nnTables = 1;\nnTotalSlots = 3;\n\
                nMorningSlots = 3;\nrequested = [| 1, 2, 3 | 2, 3, 3 |];\n";
    let p = parse_dzn(text).unwrap();
    assert_eq!(p.meetings.len(), 2);
}
