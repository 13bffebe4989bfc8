//! Who may do what in the directory. Every rule is here, in one place, so the authorisation test
//! table mirrors this file.
//!
//! | | visitor | other member | staff of the org | owner | organiser | admin |
//! |---|---|---|---|---|---|---|
//! | public profile (not a draft) | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
//! | draft profile | – | – | ✓ | ✓ | ✓ | ✓ |
//! | edit profile, add people | – | – | ✓ | ✓ | – | ✓ |
//! | audit log, evidence | – | – | – | ✓ | ✓ | ✓ |
//! | registrant steps (submit, provide info, appeal, renew), add evidence | – | – | – | ✓ | – | – |
//! | reviewer steps (review, ask, approve, reject, suspend, reinstate) | – | – | – | – | ✓ | ✓ |
//! | see members | – | – | ✓ | ✓ | ✓ | ✓ |
//! | add, change or remove members (staff may leave; the last owner stays) | – | – | – | ✓ | – | ✓ |
//!
//! Reviewers never review an organisation they belong to. Contact details of a person: the person,
//! the owners of their organisation, organisers and admins (see [`may_see_contacts`]).

use corridor_domain::directory::{AccountId, Organisation, OrganisationId, VerificationState};
use corridor_store::directory::{MemberRole, StoredPerson};

use super::DirectoryError;
use crate::App;
use crate::actor::{CurrentUser, Role};

/// What one caller is to one organisation.
#[derive(Debug, Clone, Copy)]
pub struct OrganisationAccess {
    pub account: Option<AccountId>,
    pub role: Option<Role>,
    pub membership: Option<MemberRole>,
}

impl OrganisationAccess {
    pub async fn load(
        app: &App,
        user: Option<&CurrentUser>,
        organisation: OrganisationId,
    ) -> Result<Self, DirectoryError> {
        let membership = match user {
            Some(user) => {
                app.store
                    .memberships()
                    .role(user.account, organisation)
                    .await?
            }
            None => None,
        };
        Ok(OrganisationAccess {
            account: user.map(|u| u.account),
            role: user.map(|u| u.role),
            membership,
        })
    }

    pub fn is_staff(&self) -> bool {
        self.role.is_some_and(Role::is_staff)
    }

    pub fn is_admin(&self) -> bool {
        self.role == Some(Role::Admin)
    }

    pub fn is_owner(&self) -> bool {
        self.membership == Some(MemberRole::Owner)
    }

    pub fn is_member(&self) -> bool {
        self.membership.is_some()
    }

    /// Drafts are unpublished: only the organisation's members and the staff see them.
    pub fn can_read_profile(&self, state: VerificationState) -> bool {
        state != VerificationState::Draft || self.is_member() || self.is_staff()
    }

    pub fn can_edit(&self) -> bool {
        self.is_member() || self.is_admin()
    }

    /// The audit log and the evidence tell who reviewed and what was submitted.
    pub fn can_read_audit(&self) -> bool {
        self.is_owner() || self.is_staff()
    }

    pub fn can_read_evidence(&self) -> bool {
        self.can_read_audit()
    }

    /// Submitting, answering, appealing, renewing and adding evidence speak for the organisation.
    pub fn can_act_as_registrant(&self) -> bool {
        self.is_owner()
    }

    /// Organisers and admins review, but never an organisation they belong to.
    pub fn can_review(&self) -> bool {
        self.is_staff() && !self.is_member()
    }

    /// Signed in, or the error a visitor gets for `what`.
    pub fn signed_in(&self, what: &'static str) -> Result<AccountId, DirectoryError> {
        self.account.ok_or(DirectoryError::SignInRequired(what))
    }

    /// The profile if this caller may read it; a draft is "not found" to the others, so its
    /// existence does not leak.
    pub fn readable(&self, organisation: Organisation) -> Result<Organisation, DirectoryError> {
        if self.can_read_profile(organisation.verification.state) {
            Ok(organisation)
        } else {
            Err(not_found(organisation.id))
        }
    }

    /// `allowed`, or the right refusal: sign in for visitors, forbidden for the signed-in.
    pub fn require(&self, allowed: bool, what: &'static str) -> Result<(), DirectoryError> {
        match (allowed, self.account) {
            (true, _) => Ok(()),
            (false, None) => Err(DirectoryError::SignInRequired(what)),
            (false, Some(_)) => Err(DirectoryError::Forbidden(format!("you may not {what}"))),
        }
    }
}

pub(crate) fn not_found(id: OrganisationId) -> DirectoryError {
    DirectoryError::NotFound(format!("no organisation {id}"))
}

/// Whether `user` may see the contact details of `person`, who belongs to an organisation whose
/// owners are `owners_of_organisation`.
///
/// Introductions (a later issue) add one more rule here: whoever has an accepted introduction to
/// the person. Until then nobody else sees them.
pub fn may_see_contacts(
    user: Option<&CurrentUser>,
    person: &StoredPerson,
    owners_of_organisation: &[AccountId],
) -> bool {
    let Some(user) = user else { return false };
    user.role.is_staff()
        || person.account == Some(user.account)
        || owners_of_organisation.contains(&user.account)
}
