//! Verification steps: the domain's state machine decides what may follow what; this module
//! decides who the caller is to the organisation, stores the step with its audit entry in one
//! transaction, and tells the organisation's owners by e-mail ([`super::notice`]).

use corridor_domain::directory::verification::{self, Actor};
use corridor_domain::directory::{
    AccountId, Organisation, OrganisationId, VerificationAction, VerificationRecord,
};
use corridor_store::NewAuditEntry;
use corridor_store::directory::{Evidence, MemberRole, OrganisationFilter, Page};
use serde::Deserialize;

use super::access::OrganisationAccess;
use super::notice;
use super::organisations::load;
use super::{DirectoryError, SUBJECT};
use crate::App;
use crate::actor::{CurrentUser, Role};

/// Which side of the workflow an action belongs to.
fn registrant_step(action: &VerificationAction) -> bool {
    use VerificationAction as A;
    matches!(
        action,
        A::Submit | A::ProvideInfo | A::Appeal { .. } | A::Renew
    )
}

/// Takes one verification step for `user` on organisation `id` and returns the new record.
/// Registrant steps need the organisation's owner; reviewer steps an organiser or admin who is
/// not a member; expiry is the system's ([`expire_organisation`]).
pub async fn act(
    app: &App,
    user: Option<&CurrentUser>,
    id: OrganisationId,
    action: VerificationAction,
) -> Result<VerificationRecord, DirectoryError> {
    let access = OrganisationAccess::load(app, user, id).await?;
    let organisation = access.readable(load(app, id).await?)?;
    let account = access.signed_in("take verification steps")?;
    let actor = if registrant_step(&action) {
        access.require(access.can_act_as_registrant(), "act for this organisation")?;
        Actor::Registrant(account)
    } else if matches!(action, VerificationAction::Expire) {
        return Err(DirectoryError::Forbidden(
            "expiry is decided by the system".into(),
        ));
    } else {
        if access.is_staff() && access.is_member() {
            return Err(DirectoryError::Forbidden(
                "you may not review an organisation you belong to".into(),
            ));
        }
        access.require(access.can_review(), "review organisations")?;
        match access.role {
            Some(Role::Admin) => Actor::Admin(account),
            _ => Actor::Organiser(account),
        }
    };
    step(app, organisation, action, actor).await
}

/// Expires a verification whose validity has ended (the scheduled job's step).
pub async fn expire_organisation(
    app: &App,
    id: OrganisationId,
) -> Result<VerificationRecord, DirectoryError> {
    let organisation = load(app, id).await?;
    step(app, organisation, VerificationAction::Expire, Actor::System).await
}

async fn step(
    app: &App,
    organisation: Organisation,
    action: VerificationAction,
    actor: Actor,
) -> Result<VerificationRecord, DirectoryError> {
    let today = chrono::Utc::now().date_naive();
    let (record, audit) = record_step(app, &organisation, &action, &actor, today).await?;
    notice::send(app, &organisation, &audit).await;
    Ok(record)
}

/// Applies one step as of `today` and stores it with its audit entry, without a notice (the demo
/// loader replays histories with it).
pub(crate) async fn record_step(
    app: &App,
    organisation: &Organisation,
    action: &VerificationAction,
    actor: &Actor,
    today: chrono::NaiveDate,
) -> Result<(VerificationRecord, verification::AuditEntry), DirectoryError> {
    let transition = verification::apply(&organisation.verification, action, actor, today)?;
    let audit = &transition.audit;
    let mut entry = NewAuditEntry::new(
        format!("verification.{}", audit.action),
        SUBJECT,
        organisation.id.to_string(),
    )
    .transition(Some(audit.from.as_str()), Some(audit.to.as_str()))
    .details(serde_json::json!({ "actor_role": actor_role(actor) }));
    if let Some(account) = actor.account() {
        entry = entry.by(account.to_string());
    }
    if let Some(reason) = &audit.reason {
        entry = entry.reason(reason.clone());
    }
    if let VerificationAction::Approve { valid_until } = action {
        entry = entry.details(
            serde_json::json!({ "actor_role": actor_role(actor), "valid_until": valid_until }),
        );
    }
    app.store
        .organisations()
        .transition(
            organisation.id,
            &organisation.verification,
            &transition.record,
            entry,
        )
        .await?;
    Ok((transition.record, transition.audit))
}

fn actor_role(actor: &Actor) -> &'static str {
    match actor {
        Actor::Registrant(_) => "registrant",
        Actor::Organiser(_) => "organiser",
        Actor::Admin(_) => "admin",
        Actor::System => "system",
    }
}

/// Filters of the organisers' review queue.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewQuery {
    /// One state; by default everything waiting for a reviewer (submitted, under review, needs
    /// information).
    pub state: Option<String>,
    pub country: Option<String>,
    pub kind: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

/// The review queue of organisers and admins. An appeal never appears in the queue of the
/// reviewer who rejected the application: it must go to someone else.
pub async fn review_queue(
    app: &App,
    user: Option<&CurrentUser>,
    query: &ReviewQuery,
) -> Result<Page<Organisation>, DirectoryError> {
    let user = user.ok_or(DirectoryError::SignInRequired("see the review queue"))?;
    if !user.role.is_staff() {
        return Err(DirectoryError::Forbidden(
            "only organisers and admins review registrations".into(),
        ));
    }
    let search = super::organisations::DirectoryQuery {
        country: query.country.clone(),
        kind: query.kind.clone(),
        limit: query.limit,
        offset: query.offset,
        ..Default::default()
    };
    let mut filter: OrganisationFilter = search.filter()?;
    use corridor_domain::directory::VerificationState as S;
    filter.states = match query
        .state
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => vec![S::Submitted, S::UnderReview, S::NeedsInfo],
        Some(state) => vec![S::parse(state).ok_or_else(|| {
            let known: Vec<&str> = S::ALL.iter().map(|s| s.as_str()).collect();
            DirectoryError::field(
                "state",
                format!("{state:?} is not one of {}", known.join(", ")),
            )
        })?],
    };
    filter.not_appealing_against = Some(user.account);
    let mut page = app.store.organisations().search(&filter).await?;
    // Nobody reviews their own organisation either.
    let own: Vec<OrganisationId> = app
        .store
        .memberships()
        .of_account(user.account)
        .await?
        .into_iter()
        .map(|m| m.organisation)
        .collect();
    page.items.retain(|o| !own.contains(&o.id));
    Ok(page)
}

/// The evidence attached to an organisation (owners, organisers, admins).
pub async fn organisation_evidence(
    app: &App,
    user: Option<&CurrentUser>,
    id: OrganisationId,
) -> Result<Vec<Evidence>, DirectoryError> {
    let access = OrganisationAccess::load(app, user, id).await?;
    access.readable(load(app, id).await?)?;
    access.require(
        access.can_read_evidence(),
        "see this organisation's evidence",
    )?;
    Ok(app.store.organisations().evidence(id).await?)
}

/// The accounts to tell about a step: the organisation's owners.
pub async fn owners_to_notify(
    app: &App,
    id: OrganisationId,
) -> Result<Vec<AccountId>, DirectoryError> {
    let members = app.store.memberships().of_organisation(id).await?;
    Ok(members
        .into_iter()
        .filter(|m| m.role == MemberRole::Owner)
        .map(|m| m.account)
        .collect())
}
