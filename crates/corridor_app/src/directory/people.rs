//! People: adding them and showing them, contact details only to those allowed.

use corridor_domain::directory::{
    AccountId, ContactDetails, Organisation, OrganisationId, Person, PersonId, PersonInput,
};
use corridor_store::NewAuditEntry;
use corridor_store::directory::{MemberRole, StoredPerson};

use super::DirectoryError;
use super::access::{OrganisationAccess, may_see_contacts};
use super::organisations::load;
use crate::App;
use crate::actor::CurrentUser;

/// A person as one caller may see them: `person.details.contact` is always emptied, and
/// `contact` holds the details only where [`may_see_contacts`] allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonView {
    pub person: Person,
    pub contact: Option<ContactDetails>,
}

pub(super) fn view(
    user: Option<&CurrentUser>,
    stored: StoredPerson,
    owners: &[AccountId],
) -> PersonView {
    let allowed = may_see_contacts(user, &stored, owners);
    let mut person = stored.person;
    let contact = std::mem::take(&mut person.details.contact);
    PersonView {
        person,
        contact: allowed.then_some(contact),
    }
}

pub(super) async fn owners(
    app: &App,
    organisation: Option<OrganisationId>,
) -> Result<Vec<AccountId>, DirectoryError> {
    let Some(organisation) = organisation else {
        return Ok(Vec::new());
    };
    let members = app
        .store
        .memberships()
        .of_organisation(organisation)
        .await?;
    Ok(members
        .into_iter()
        .filter(|m| m.role == MemberRole::Owner)
        .map(|m| m.account)
        .collect())
}

/// Adds a person. Members of the person's organisation and admins may; organisers may add people
/// without an organisation (officials, experts) or to any organisation.
pub async fn add_person(
    app: &App,
    user: Option<&CurrentUser>,
    input: &PersonInput,
) -> Result<PersonView, DirectoryError> {
    let signed_in = user.ok_or(DirectoryError::SignInRequired("add a person"))?;
    let details = input.validate()?;
    match details.organisation {
        Some(organisation) => {
            let access = OrganisationAccess::load(app, user, organisation).await?;
            // An organisation the caller may not see is reported against the field.
            let Ok(_) = access.readable(
                load(app, organisation)
                    .await
                    .map_err(|_| unknown_org(organisation))?,
            ) else {
                return Err(unknown_org(organisation));
            };
            access.require(
                access.can_edit() || access.is_staff(),
                "add people to this organisation",
            )?;
        }
        None if signed_in.role.is_staff() => {}
        None => {
            return Err(DirectoryError::field(
                "organisation_id",
                "choose the organisation the person works for",
            ));
        }
    }
    let audit =
        NewAuditEntry::new("person.created", "person", "-").by(signed_in.account.to_string());
    let person = app
        .store
        .people()
        .create(&details, None, audit)
        .await
        .map_err(|e| {
            if e.is_conflict() {
                DirectoryError::field(
                    "email",
                    "a person with this e-mail address is already in the directory",
                )
            } else {
                e.into()
            }
        })?;
    let stored = StoredPerson {
        person,
        account: None,
    };
    Ok(view(
        user,
        stored,
        &owners(app, details.organisation).await?,
    ))
}

fn unknown_org(id: OrganisationId) -> DirectoryError {
    DirectoryError::field("organisation_id", format!("no organisation {id}"))
}

/// One person. People of a draft organisation are as hidden as the organisation.
pub async fn person_profile(
    app: &App,
    user: Option<&CurrentUser>,
    id: PersonId,
) -> Result<PersonView, DirectoryError> {
    Ok(person_and_organisation(app, user, id).await?.0)
}

/// One person with the organisation they work for (for the page, which names it).
pub async fn person_and_organisation(
    app: &App,
    user: Option<&CurrentUser>,
    id: PersonId,
) -> Result<(PersonView, Option<Organisation>), DirectoryError> {
    let not_found = || DirectoryError::NotFound(format!("no person {id}"));
    let stored = app.store.people().get(id).await?.ok_or_else(not_found)?;
    let organisation_id = stored.person.details.organisation;
    let mut organisation = None;
    if let Some(oid) = organisation_id {
        let access = OrganisationAccess::load(app, user, oid).await?;
        let readable = access
            .readable(load(app, oid).await?)
            .map_err(|_| not_found())?;
        organisation = Some(readable);
    }
    let view = view(user, stored, &owners(app, organisation_id).await?);
    Ok((view, organisation))
}

/// The people of an organisation the caller may already see.
pub(crate) async fn people_of(
    app: &App,
    user: Option<&CurrentUser>,
    organisation: OrganisationId,
) -> Result<Vec<PersonView>, DirectoryError> {
    let owners = owners(app, Some(organisation)).await?;
    let people = app.store.people().of_organisation(organisation).await?;
    Ok(people.into_iter().map(|p| view(user, p, &owners)).collect())
}
