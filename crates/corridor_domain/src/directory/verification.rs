//! The verification workflow of an organisation, as a pure state machine.
//!
//! ```text
//! draft → submitted → under_review ⇄ needs_info → verified | rejected
//! verified → expired → (renew) submitted      verified → suspended → verified
//! verified near expiry → (renew) submitted     rejected → (appeal, once) under_review
//! ```
//!
//! [`apply`] checks who may act, from which state, with which arguments, and
//! returns the next record plus the audit entry to store. It never reads a
//! clock: the caller passes `today`. It checks roles only; whether a
//! registrant acts for *this* organisation is the app's decision.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::AccountId;

/// Verified organisations may renew this many days before validity ends.
pub const RENEWAL_WINDOW_DAYS: u64 = 60;

/// A registrant may appeal one rejection per application.
pub const MAX_APPEALS: u8 = 1;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerificationState {
    #[default]
    Draft,
    Submitted,
    UnderReview,
    NeedsInfo,
    Verified,
    Rejected,
    Expired,
    Suspended,
}

impl VerificationState {
    pub const ALL: [VerificationState; 8] = [
        Self::Draft,
        Self::Submitted,
        Self::UnderReview,
        Self::NeedsInfo,
        Self::Verified,
        Self::Rejected,
        Self::Expired,
        Self::Suspended,
    ];

    /// The stable value for storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::UnderReview => "under_review",
            Self::NeedsInfo => "needs_info",
            Self::Verified => "verified",
            Self::Rejected => "rejected",
            Self::Expired => "expired",
            Self::Suspended => "suspended",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == s)
    }
}

impl std::fmt::Display for VerificationState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.as_str().replace('_', " "))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum VerificationAction {
    Submit,
    StartReview,
    RequestInfo { reason: String },
    ProvideInfo,
    Approve { valid_until: NaiveDate },
    Reject { reason: String },
    Appeal { statement: String },
    Expire,
    Suspend { reason: String },
    Reinstate,
    Renew,
}

impl VerificationAction {
    /// Stable name for audit logs.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::StartReview => "start_review",
            Self::RequestInfo { .. } => "request_info",
            Self::ProvideInfo => "provide_info",
            Self::Approve { .. } => "approve",
            Self::Reject { .. } => "reject",
            Self::Appeal { .. } => "appeal",
            Self::Expire => "expire",
            Self::Suspend { .. } => "suspend",
            Self::Reinstate => "reinstate",
            Self::Renew => "renew",
        }
    }

    /// The verb phrase used in messages: "cannot {verb} an organisation …".
    fn verb(&self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::StartReview => "start reviewing",
            Self::RequestInfo { .. } => "request information about",
            Self::ProvideInfo => "provide information for",
            Self::Approve { .. } => "approve",
            Self::Reject { .. } => "reject",
            Self::Appeal { .. } => "appeal the rejection of",
            Self::Expire => "expire",
            Self::Suspend { .. } => "suspend",
            Self::Reinstate => "reinstate",
            Self::Renew => "renew",
        }
    }

    /// The free text the action carries, required where present.
    fn text(&self) -> Option<&str> {
        match self {
            Self::RequestInfo { reason } | Self::Reject { reason } | Self::Suspend { reason } => {
                Some(reason)
            }
            Self::Appeal { statement } => Some(statement),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "role", content = "account")]
pub enum Actor {
    /// Acts for the organisation being verified.
    Registrant(AccountId),
    /// A trade officer who reviews registrations.
    Organiser(AccountId),
    Admin(AccountId),
    /// Scheduled jobs (expiry).
    System,
}

impl Actor {
    pub fn account(&self) -> Option<AccountId> {
        match *self {
            Actor::Registrant(id) | Actor::Organiser(id) | Actor::Admin(id) => Some(id),
            Actor::System => None,
        }
    }

    fn described(&self) -> &'static str {
        match self {
            Actor::Registrant(_) => "a registrant",
            Actor::Organiser(_) => "an organiser",
            Actor::Admin(_) => "an admin",
            Actor::System => "the system",
        }
    }
}

/// Where an organisation stands in verification, with what the rules need
/// to remember between steps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerificationRecord {
    pub state: VerificationState,
    /// The organiser or admin who last acted on the review.
    pub reviewer: Option<AccountId>,
    /// Who rejected the application; may not decide its appeal.
    pub rejected_by: Option<AccountId>,
    pub appeals_used: u8,
    /// The current review is an appeal.
    pub in_appeal: bool,
    /// Last day the verification holds.
    pub valid_until: Option<NaiveDate>,
}

/// One audit-log line: who did what, from which state to which, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub action: &'static str,
    pub actor: Actor,
    pub from: VerificationState,
    pub to: VerificationState,
    pub reason: Option<String>,
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    pub record: VerificationRecord,
    pub audit: AuditEntry,
}

/// Why an action was refused. All are the caller's fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkflowError {
    #[error("cannot {verb} an organisation that is {state}")]
    InvalidTransition {
        verb: &'static str,
        state: VerificationState,
    },
    #[error("{actor} may not {verb} an organisation")]
    Forbidden {
        actor: &'static str,
        verb: &'static str,
    },
    #[error("a reason is required to {verb} an organisation")]
    ReasonRequired { verb: &'static str },
    #[error("the validity end {valid_until} must be after today ({today})")]
    ValidUntilNotInFuture {
        valid_until: NaiveDate,
        today: NaiveDate,
    },
    #[error("the rejection has already been appealed once")]
    AppealAlreadyUsed,
    #[error("the appeal must be decided by an organiser other than the one who rejected")]
    SameReviewerForAppeal,
    #[error("verification is valid until {valid_until} and cannot expire before")]
    NotYetExpired { valid_until: NaiveDate },
    #[error(
        "verification is valid until {valid_until}; renewal opens {RENEWAL_WINDOW_DAYS} days before"
    )]
    TooEarlyToRenew { valid_until: NaiveDate },
}

enum Role {
    Registrant,
    Reviewer,
    System,
}

fn role_of(action: &VerificationAction) -> Role {
    use VerificationAction as A;
    match action {
        A::Submit | A::ProvideInfo | A::Appeal { .. } | A::Renew => Role::Registrant,
        A::Expire => Role::System,
        _ => Role::Reviewer,
    }
}

/// Applies `action` by `actor` to `record` on `today`.
pub fn apply(
    record: &VerificationRecord,
    action: &VerificationAction,
    actor: &Actor,
    today: NaiveDate,
) -> Result<Transition, WorkflowError> {
    use VerificationAction as A;
    use VerificationState as S;

    let verb = action.verb();
    let allowed = matches!(
        (role_of(action), actor),
        (Role::Registrant, Actor::Registrant(_))
            | (Role::Reviewer, Actor::Organiser(_) | Actor::Admin(_))
            | (Role::System, Actor::System)
    );
    if !allowed {
        let actor = actor.described();
        return Err(WorkflowError::Forbidden { actor, verb });
    }
    let from = record.state;
    let invalid = || WorkflowError::InvalidTransition { verb, state: from };
    let mut next = record.clone();
    if matches!(role_of(action), Role::Reviewer) {
        next.reviewer = actor.account();
    }
    // Deciding an appeal (or asking for more on it) is for someone else.
    let decides_appeal = matches!(
        action,
        A::RequestInfo { .. } | A::Approve { .. } | A::Reject { .. }
    ) && record.in_appeal
        && actor.account().is_some()
        && actor.account() == record.rejected_by;

    next.state = match (action, from) {
        (A::Submit, S::Draft) => S::Submitted,
        (A::StartReview, S::Submitted) => S::UnderReview,
        (A::RequestInfo { .. }, S::UnderReview) if decides_appeal => {
            return Err(WorkflowError::SameReviewerForAppeal);
        }
        (A::RequestInfo { .. }, S::UnderReview) => S::NeedsInfo,
        (A::ProvideInfo, S::NeedsInfo) => S::UnderReview,
        (A::Approve { .. } | A::Reject { .. }, S::UnderReview) if decides_appeal => {
            return Err(WorkflowError::SameReviewerForAppeal);
        }
        (A::Approve { valid_until }, S::UnderReview) => {
            if *valid_until <= today {
                let valid_until = *valid_until;
                return Err(WorkflowError::ValidUntilNotInFuture { valid_until, today });
            }
            next.valid_until = Some(*valid_until);
            next.in_appeal = false;
            S::Verified
        }
        (A::Reject { .. }, S::UnderReview) => {
            next.rejected_by = actor.account();
            next.in_appeal = false;
            S::Rejected
        }
        (A::Appeal { .. }, S::Rejected) => {
            if record.appeals_used >= MAX_APPEALS {
                return Err(WorkflowError::AppealAlreadyUsed);
            }
            next.appeals_used += 1;
            next.in_appeal = true;
            next.reviewer = None;
            S::UnderReview
        }
        (A::Expire, S::Verified) => match record.valid_until {
            Some(valid_until) if valid_until >= today => {
                return Err(WorkflowError::NotYetExpired { valid_until });
            }
            // Approval always sets a date; a record without one holds nothing.
            _ => S::Expired,
        },
        (A::Suspend { .. }, S::Verified) => S::Suspended,
        // Lifting a suspension cannot extend a validity that lapsed meanwhile.
        (A::Reinstate, S::Suspended) => match record.valid_until {
            Some(valid_until) if valid_until < today => S::Expired,
            _ => S::Verified,
        },
        (A::Renew, S::Expired | S::Verified) => {
            if let (S::Verified, Some(valid_until)) = (from, record.valid_until) {
                let opens = valid_until.checked_sub_days(Days::new(RENEWAL_WINDOW_DAYS));
                if opens.is_some_and(|opens| today < opens) {
                    return Err(WorkflowError::TooEarlyToRenew { valid_until });
                }
            }
            // A renewal is a new application with its own appeal.
            next.reviewer = None;
            next.rejected_by = None;
            next.appeals_used = 0;
            next.in_appeal = false;
            S::Submitted
        }
        _ => return Err(invalid()),
    };
    // Checked after the state so that a wrong state is reported as such.
    let reason = match action.text().map(str::trim) {
        Some("") => return Err(WorkflowError::ReasonRequired { verb }),
        text => text.map(str::to_owned),
    };
    let audit = AuditEntry {
        action: action.name(),
        actor: *actor,
        from,
        to: next.state,
        reason,
        on: today,
    };
    Ok(Transition {
        record: next,
        audit,
    })
}
