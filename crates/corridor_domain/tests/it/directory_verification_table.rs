//! Table-driven refusals: every action from every state, by every role.

use corridor_domain::directory::verification::{
    Actor, VerificationAction as A, VerificationRecord, VerificationState as S, WorkflowError,
    apply,
};

use super::directory_verification::{admin, day, in_state, organiser, reason, registrant};

fn every_action() -> Vec<A> {
    vec![
        A::Submit,
        A::StartReview,
        A::RequestInfo {
            reason: reason("why"),
        },
        A::ProvideInfo,
        A::Approve {
            valid_until: day(2030, 1, 1),
        },
        A::Reject {
            reason: reason("why"),
        },
        A::Appeal {
            statement: reason("please"),
        },
        A::Expire,
        A::Suspend {
            reason: reason("why"),
        },
        A::Reinstate,
        A::Renew,
    ]
}

/// The only state each action may start from (renew: two).
fn allowed_from(action: &A) -> &'static [S] {
    match action {
        A::Submit => &[S::Draft],
        A::StartReview => &[S::Submitted],
        A::RequestInfo { .. } | A::Approve { .. } | A::Reject { .. } => &[S::UnderReview],
        A::ProvideInfo => &[S::NeedsInfo],
        A::Appeal { .. } => &[S::Rejected],
        A::Expire | A::Suspend { .. } => &[S::Verified],
        A::Reinstate => &[S::Suspended],
        A::Renew => &[S::Expired, S::Verified],
    }
}

fn entitled(action: &A) -> Actor {
    match action {
        A::Submit | A::ProvideInfo | A::Appeal { .. } | A::Renew => registrant(),
        A::Expire => Actor::System,
        _ => organiser(),
    }
}

#[test]
fn every_action_is_refused_from_every_other_state_naming_both() {
    // Validity ended, so expiry and renewal depend on the state alone.
    let today = day(2029, 6, 1);
    for action in every_action() {
        for state in S::ALL {
            let record = VerificationRecord {
                state,
                valid_until: Some(day(2029, 5, 31)),
                ..Default::default()
            };
            let result = apply(&record, &action, &entitled(&action), today);
            if allowed_from(&action).contains(&state) {
                assert!(result.is_ok(), "{} from {state}: {result:?}", action.name());
            } else {
                let err = result.unwrap_err();
                assert!(
                    matches!(err, WorkflowError::InvalidTransition { .. }),
                    "{err}"
                );
                assert!(
                    err.to_string()
                        .ends_with(&format!("an organisation that is {state}")),
                    "{err}"
                );
            }
        }
    }
    let err = apply(
        &in_state(S::Draft),
        &A::Approve {
            valid_until: day(2030, 1, 1),
        },
        &organiser(),
        today,
    );
    assert_eq!(
        err.unwrap_err().to_string(),
        "cannot approve an organisation that is draft"
    );
}

#[test]
fn every_role_but_the_entitled_one_is_refused() {
    let today = day(2029, 6, 1);
    let actors = [registrant(), organiser(), admin(), Actor::System];
    for action in every_action() {
        let record = VerificationRecord {
            state: allowed_from(&action)[0],
            valid_until: Some(day(2029, 5, 31)),
            ..Default::default()
        };
        for actor in actors {
            let entitled = match entitled(&action) {
                Actor::Organiser(_) => matches!(actor, Actor::Organiser(_) | Actor::Admin(_)),
                other => std::mem::discriminant(&other) == std::mem::discriminant(&actor),
            };
            let result = apply(&record, &action, &actor, today);
            if entitled {
                assert!(result.is_ok(), "{} by {actor:?}: {result:?}", action.name());
            } else {
                let err = result.unwrap_err();
                assert!(matches!(err, WorkflowError::Forbidden { .. }), "{err}");
            }
        }
    }
    let err = apply(
        &in_state(S::UnderReview),
        &A::Reject {
            reason: reason("no"),
        },
        &registrant(),
        today,
    );
    assert_eq!(
        err.unwrap_err().to_string(),
        "a registrant may not reject an organisation"
    );
}
