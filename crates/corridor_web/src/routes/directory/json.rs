//! The JSON shapes of the directory API. Private fields (reviewers, contact details) appear only
//! where the app returned them.

use chrono::NaiveDate;
use corridor_app::directory::organisations::{OrganisationView, is_verified};
use corridor_app::directory::people::PersonView;
use corridor_domain::directory::{
    ContactDetails, NewOrganisation, Organisation, OrganisationId, PersonId, VerificationState,
};
use corridor_store::AuditEntry;
use serde::Serialize;

#[derive(Serialize)]
pub struct VerificationJson {
    pub state: VerificationState,
    /// The badge: shown only for verified organisations.
    pub verified: bool,
    pub valid_until: Option<NaiveDate>,
    pub in_appeal: bool,
}

#[derive(Serialize)]
pub struct OrganisationJson<'a> {
    pub id: OrganisationId,
    pub verification: VerificationJson,
    #[serde(flatten)]
    pub details: &'a NewOrganisation,
}

impl<'a> From<&'a Organisation> for OrganisationJson<'a> {
    fn from(o: &'a Organisation) -> Self {
        OrganisationJson {
            id: o.id,
            verification: VerificationJson {
                state: o.verification.state,
                verified: is_verified(o),
                valid_until: o.verification.valid_until,
                in_appeal: o.verification.in_appeal,
            },
            details: &o.details,
        }
    }
}

#[derive(Serialize)]
pub struct PersonJson<'a> {
    pub id: PersonId,
    pub name: &'a str,
    pub title: Option<&'a str>,
    pub organisation: Option<OrganisationId>,
    pub kind: &'static str,
    pub expertise_industries: Vec<&'static str>,
    pub expertise_products: Vec<&'static str>,
    pub tags: Vec<&'a str>,
    pub languages: Vec<&'static str>,
    pub time_zone: Option<String>,
    pub demo: bool,
    /// Present only for the person, the owners of their organisation, organisers and admins.
    pub contact: Option<&'a ContactDetails>,
}

impl<'a> From<&'a PersonView> for PersonJson<'a> {
    fn from(v: &'a PersonView) -> Self {
        let d = &v.person.details;
        PersonJson {
            id: v.person.id,
            name: d.name.as_str(),
            title: d.title.as_ref().map(|t| t.as_str()),
            organisation: d.organisation,
            kind: d.kind.as_str(),
            expertise_industries: d.expertise_industries.iter().map(|c| c.as_str()).collect(),
            expertise_products: d.expertise_products.iter().map(|c| c.as_str()).collect(),
            tags: d.tags.iter().map(|t| t.as_str()).collect(),
            languages: d.languages.iter().map(|l| l.as_str()).collect(),
            time_zone: d.time_zone.map(|z| z.to_string()),
            demo: d.demo,
            contact: v.contact.as_ref(),
        }
    }
}

#[derive(Serialize)]
pub struct ProfileJson<'a> {
    #[serde(flatten)]
    pub organisation: OrganisationJson<'a>,
    pub people: Vec<PersonJson<'a>>,
    /// What the caller may do next.
    pub can_edit: bool,
    pub can_read_audit: bool,
    pub can_act_as_registrant: bool,
    pub can_review: bool,
}

impl<'a> From<&'a OrganisationView> for ProfileJson<'a> {
    fn from(v: &'a OrganisationView) -> Self {
        ProfileJson {
            organisation: (&v.organisation).into(),
            people: v.people.iter().map(PersonJson::from).collect(),
            can_edit: v.can_edit,
            can_read_audit: v.can_read_audit,
            can_act_as_registrant: v.can_act_as_registrant,
            can_review: v.can_review,
        }
    }
}

#[derive(Serialize)]
pub struct AuditJson<'a> {
    pub at: String,
    pub actor: Option<&'a str>,
    pub action: &'a str,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub reason: Option<&'a str>,
}

impl<'a> From<&'a AuditEntry> for AuditJson<'a> {
    fn from(e: &'a AuditEntry) -> Self {
        AuditJson {
            at: e.occurred_at.to_rfc3339(),
            actor: e.actor.as_deref(),
            action: &e.action,
            from: e.from_state.as_deref(),
            to: e.to_state.as_deref(),
            reason: e.reason.as_deref(),
        }
    }
}
