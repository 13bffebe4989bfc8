//! Who acts for an organisation: owners (registrant steps, evidence, members) and staff (profile
//! and people). Owners and admins manage the list; an organisation always keeps one owner.

use corridor_domain::directory::{AccountId, Email, OrganisationId};
use corridor_store::NewAuditEntry;
use corridor_store::directory::MemberRole;

use super::access::OrganisationAccess;
use super::organisations::load;
use super::{DirectoryError, SUBJECT};
use crate::App;
use crate::actor::CurrentUser;

/// One member as their colleagues see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub account: AccountId,
    pub display_name: String,
    pub email: String,
    pub role: MemberRole,
}

/// Checks that the caller may see (`manage = false`) or change the members of `id`.
async fn allowed(
    app: &App,
    user: Option<&CurrentUser>,
    id: OrganisationId,
    manage: bool,
) -> Result<AccountId, DirectoryError> {
    let access = OrganisationAccess::load(app, user, id).await?;
    // Visitors are told to sign in whatever the organisation, which says nothing about drafts.
    let account = access.signed_in("see an organisation's members")?;
    access.readable(load(app, id).await?)?;
    if manage {
        access.require(
            access.is_owner() || access.is_admin(),
            "change this organisation's members",
        )?;
    } else {
        access.require(
            access.is_member() || access.is_staff(),
            "see this organisation's members",
        )?;
    }
    Ok(account)
}

/// The members of `id`, owners first (its members, organisers and admins).
pub async fn members(
    app: &App,
    user: Option<&CurrentUser>,
    id: OrganisationId,
) -> Result<Vec<Member>, DirectoryError> {
    allowed(app, user, id, false).await?;
    let mut found = Vec::new();
    for m in app.store.memberships().of_organisation(id).await? {
        if let Some(account) = app.store.accounts().get(m.account).await? {
            found.push(Member {
                account: m.account,
                display_name: account.display_name,
                email: account.email.to_string(),
                role: m.role,
            });
        }
    }
    Ok(found)
}

/// Adds the account with address `email` to `id` as `role`, or changes its role. The colleague
/// must have signed up first. The last owner cannot be made staff.
pub async fn put_member(
    app: &App,
    user: Option<&CurrentUser>,
    id: OrganisationId,
    email: &str,
    role: &str,
) -> Result<Member, DirectoryError> {
    let by = allowed(app, user, id, true).await?;
    let role = MemberRole::parse(role.trim())
        .ok_or_else(|| DirectoryError::field("role", "must be owner or staff"))?;
    let address =
        Email::parse(email.trim()).map_err(|e| DirectoryError::field("email", e.to_string()))?;
    let Some((account, _)) = app.store.accounts().credentials(&address).await? else {
        return Err(DirectoryError::field(
            "email",
            "no account has this address: ask your colleague to sign up first",
        ));
    };
    if role == MemberRole::Staff && is_last_owner(app, id, account.id).await? {
        return Err(DirectoryError::Conflict(
            "an organisation needs an owner: make someone else owner first".into(),
        ));
    }
    let audit = NewAuditEntry::new("membership.added", SUBJECT, id.to_string())
        .by(by.to_string())
        .details(serde_json::json!({ "account": account.id.to_string(), "role": role.as_str() }));
    app.store
        .memberships()
        .put(account.id, id, role, audit)
        .await?;
    Ok(Member {
        account: account.id,
        display_name: account.display_name,
        email: account.email.to_string(),
        role,
    })
}

/// Removes `account` from `id` (owners and admins; members may also leave). The last owner stays.
pub async fn remove_member(
    app: &App,
    user: Option<&CurrentUser>,
    id: OrganisationId,
    account: AccountId,
) -> Result<(), DirectoryError> {
    let leaving = user.is_some_and(|u| u.account == account);
    let by = allowed(app, user, id, !leaving).await?;
    let audit = NewAuditEntry::new("membership.removed", SUBJECT, id.to_string())
        .by(by.to_string())
        .details(serde_json::json!({ "account": account.to_string() }));
    let removed = app
        .store
        .memberships()
        .remove(account, id, audit)
        .await
        .map_err(|e| {
            if e.is_conflict() {
                DirectoryError::Conflict(
                    "an organisation needs an owner: make someone else owner first".into(),
                )
            } else {
                e.into()
            }
        })?;
    if removed {
        Ok(())
    } else {
        Err(DirectoryError::NotFound(format!(
            "account {account} is not a member of organisation {id}"
        )))
    }
}

async fn is_last_owner(
    app: &App,
    id: OrganisationId,
    account: AccountId,
) -> Result<bool, DirectoryError> {
    let members = app.store.memberships().of_organisation(id).await?;
    let owners: Vec<_> = members
        .iter()
        .filter(|m| m.role == MemberRole::Owner)
        .collect();
    Ok(owners.len() == 1 && owners[0].account == account)
}
