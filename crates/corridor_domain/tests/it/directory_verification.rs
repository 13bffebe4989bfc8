//! The verification workflow: the full cycle, every refusal, appeals.

use chrono::NaiveDate;
use corridor_domain::directory::AccountId;
use corridor_domain::directory::verification::{
    Actor, VerificationAction as A, VerificationRecord, VerificationState as S, WorkflowError,
    apply,
};
use uuid::Uuid;

pub fn account(n: u128) -> AccountId {
    AccountId::from_uuid(Uuid::from_u128(n))
}

pub fn registrant() -> Actor {
    Actor::Registrant(account(1))
}
pub fn organiser() -> Actor {
    Actor::Organiser(account(2))
}
pub fn other_organiser() -> Actor {
    Actor::Organiser(account(3))
}
pub fn admin() -> Actor {
    Actor::Admin(account(4))
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn reason(text: &str) -> String {
    text.to_owned()
}

/// Applies steps in order, checking each lands where expected, and returns
/// the final record and the audit trail as "from -> to (reason)".
fn run(
    mut record: VerificationRecord,
    steps: &[(A, Actor, NaiveDate, S)],
) -> (VerificationRecord, Vec<String>) {
    let mut trail = Vec::new();
    for (action, actor, today, expected) in steps {
        let t = apply(&record, action, actor, *today)
            .unwrap_or_else(|e| panic!("{} by {actor:?} refused: {e}", action.name()));
        assert_eq!(t.record.state, *expected, "after {}", action.name());
        assert_eq!((t.audit.from, t.audit.to), (record.state, *expected));
        assert_eq!(t.audit.actor, *actor);
        let why = t
            .audit
            .reason
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        trail.push(format!("{} -> {}{why}", t.audit.from, t.audit.to));
        record = t.record;
    }
    (record, trail)
}

pub fn in_state(state: S) -> VerificationRecord {
    VerificationRecord {
        state,
        valid_until: Some(day(2027, 1, 31)),
        ..Default::default()
    }
}

#[test]
fn an_organisation_goes_through_the_full_cycle_and_renews() {
    let t0 = day(2026, 1, 10);
    let (record, trail) = run(
        VerificationRecord::default(),
        &[
            (A::Submit, registrant(), t0, S::Submitted),
            (A::StartReview, organiser(), t0, S::UnderReview),
            (
                A::RequestInfo {
                    reason: reason("tax number missing"),
                },
                organiser(),
                t0,
                S::NeedsInfo,
            ),
            (A::ProvideInfo, registrant(), t0, S::UnderReview),
            (
                A::Approve {
                    valid_until: day(2027, 1, 31),
                },
                organiser(),
                t0,
                S::Verified,
            ),
            (
                A::Suspend {
                    reason: reason("complaint received"),
                },
                admin(),
                day(2026, 3, 1),
                S::Suspended,
            ),
            (A::Reinstate, organiser(), day(2026, 3, 5), S::Verified),
            (A::Expire, Actor::System, day(2027, 2, 1), S::Expired),
            (A::Renew, registrant(), day(2027, 2, 2), S::Submitted),
            (
                A::StartReview,
                other_organiser(),
                day(2027, 2, 3),
                S::UnderReview,
            ),
            (
                A::Approve {
                    valid_until: day(2028, 2, 3),
                },
                other_organiser(),
                day(2027, 2, 3),
                S::Verified,
            ),
        ],
    );
    assert_eq!(record.valid_until, Some(day(2028, 2, 3)));
    assert_eq!(record.reviewer, Some(account(3)));
    assert_eq!(trail[2], "under review -> needs info (tax number missing)");
    assert_eq!(trail[5], "verified -> suspended (complaint received)");
    assert_eq!(trail.len(), 11);
}

#[test]
fn a_verified_organisation_renews_only_near_expiry() {
    let record = in_state(S::Verified);
    let early = apply(&record, &A::Renew, &registrant(), day(2026, 11, 1)).unwrap_err();
    assert_eq!(
        early.to_string(),
        "verification is valid until 2027-01-31; renewal opens 60 days before"
    );
    let t = apply(&record, &A::Renew, &registrant(), day(2026, 12, 2)).unwrap();
    assert_eq!(t.record.state, S::Submitted);
}

#[test]
fn expiry_waits_for_the_validity_to_end() {
    let record = in_state(S::Verified);
    let err = apply(&record, &A::Expire, &Actor::System, day(2027, 1, 31)).unwrap_err();
    assert_eq!(
        err,
        WorkflowError::NotYetExpired {
            valid_until: day(2027, 1, 31)
        }
    );
    assert!(apply(&record, &A::Expire, &Actor::System, day(2027, 2, 1)).is_ok());
}

#[test]
fn reinstating_after_the_validity_lapsed_leaves_it_expired() {
    let record = in_state(S::Suspended);
    let t = apply(&record, &A::Reinstate, &organiser(), day(2027, 3, 1)).unwrap();
    assert_eq!(t.record.state, S::Expired);
}

#[test]
fn approval_needs_a_validity_end_in_the_future() {
    let record = in_state(S::UnderReview);
    let today = day(2026, 5, 5);
    let err = apply(
        &record,
        &A::Approve { valid_until: today },
        &organiser(),
        today,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the validity end 2026-05-05 must be after today (2026-05-05)"
    );
}

#[test]
fn reasons_are_required_to_reject_suspend_request_info_and_appeal() {
    let today = day(2026, 5, 5);
    let cases = [
        (
            S::UnderReview,
            A::Reject {
                reason: reason("  "),
            },
            organiser(),
            "reject",
        ),
        (
            S::Verified,
            A::Suspend { reason: reason("") },
            admin(),
            "suspend",
        ),
        (
            S::UnderReview,
            A::RequestInfo {
                reason: reason("\n"),
            },
            organiser(),
            "request information about",
        ),
        (
            S::Rejected,
            A::Appeal {
                statement: reason(""),
            },
            registrant(),
            "appeal the rejection of",
        ),
    ];
    for (state, action, actor, verb) in cases {
        let err = apply(&in_state(state), &action, &actor, today).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("a reason is required to {verb} an organisation")
        );
    }
}

#[test]
fn a_rejection_can_be_appealed_once_and_decided_by_another_organiser() {
    let today = day(2026, 4, 1);
    let (rejected, trail) = run(
        VerificationRecord::default(),
        &[
            (A::Submit, registrant(), today, S::Submitted),
            (A::StartReview, organiser(), today, S::UnderReview),
            (
                A::Reject {
                    reason: reason("no trade licence"),
                },
                organiser(),
                today,
                S::Rejected,
            ),
            (
                A::Appeal {
                    statement: reason("licence attached"),
                },
                registrant(),
                today,
                S::UnderReview,
            ),
        ],
    );
    assert_eq!(trail[3], "rejected -> under review (licence attached)");
    assert!(rejected.in_appeal);
    for action in [
        A::Approve {
            valid_until: day(2027, 4, 1),
        },
        A::Reject {
            reason: reason("still no"),
        },
        A::RequestInfo {
            reason: reason("more"),
        },
    ] {
        let err = apply(&rejected, &action, &organiser(), today).unwrap_err();
        assert_eq!(
            err,
            WorkflowError::SameReviewerForAppeal,
            "{}",
            action.name()
        );
    }
    let (again, _) = run(
        rejected,
        &[(
            A::Reject {
                reason: reason("licence forged"),
            },
            other_organiser(),
            today,
            S::Rejected,
        )],
    );
    let err = apply(
        &again,
        &A::Appeal {
            statement: reason("again"),
        },
        &registrant(),
        today,
    );
    assert_eq!(
        err.unwrap_err().to_string(),
        "the rejection has already been appealed once"
    );
}

#[test]
fn an_appeal_upheld_by_another_organiser_verifies() {
    let record = VerificationRecord {
        state: S::Rejected,
        rejected_by: Some(account(2)),
        ..Default::default()
    };
    let (verified, _) = run(
        record,
        &[
            (
                A::Appeal {
                    statement: reason("see evidence"),
                },
                registrant(),
                day(2026, 4, 1),
                S::UnderReview,
            ),
            (
                A::Approve {
                    valid_until: day(2027, 4, 1),
                },
                admin(),
                day(2026, 4, 2),
                S::Verified,
            ),
        ],
    );
    assert!(!verified.in_appeal);
    assert_eq!(verified.appeals_used, 1);
}

#[test]
fn states_and_actions_serialise_in_snake_case() {
    assert_eq!(
        serde_json::to_string(&S::UnderReview).unwrap(),
        "\"under_review\""
    );
    assert_eq!(S::parse("needs_info"), Some(S::NeedsInfo));
    let json = serde_json::to_string(&A::Reject {
        reason: reason("x"),
    })
    .unwrap();
    assert_eq!(json, r#"{"action":"reject","reason":"x"}"#);
}
