//! The JSON shapes of the directory API: what the handlers serialise, and (through `ToSchema`)
//! what the OpenAPI document describes, so the two cannot drift apart. Private fields
//! (reviewers, contact details, evidence) appear only where the app returned them.

use chrono::NaiveDate;
use corridor_app::directory::organisations::{OrganisationView, is_verified};
use corridor_app::directory::people::PersonView;
use corridor_app::directory::people_search::PersonListing;
use corridor_domain::directory::{
    ContactDetails, NewOrganisation, Organisation, OrganisationId, PersonId, VerificationRecord,
    VerificationState,
};
use corridor_store::AuditEntry;
use corridor_store::directory::{Evidence, EvidenceItem};
use serde::Serialize;
use utoipa::ToSchema;

/// An organisation's place in the verification workflow.
#[derive(Serialize, ToSchema)]
#[schema(as = Verification)]
pub struct VerificationJson {
    /// `draft`, `submitted`, `under_review`, `needs_info`, `verified`, `rejected`, `expired`
    /// or `suspended`.
    #[schema(value_type = String, example = "verified")]
    pub state: VerificationState,
    /// The badge: shown only for verified organisations.
    pub verified: bool,
    pub valid_until: Option<NaiveDate>,
    pub in_appeal: bool,
}

impl VerificationJson {
    pub fn of(record: &VerificationRecord, verified: bool) -> Self {
        VerificationJson {
            state: record.state,
            verified,
            valid_until: record.valid_until,
            in_appeal: record.in_appeal,
        }
    }
}

/// The profile fields of an organisation, as registered (see `docs/IMPORT.md` for each format).
#[derive(Serialize, ToSchema)]
#[schema(as = OrganisationDetails)]
pub struct DetailsJson<'a> {
    #[schema(example = "company")]
    pub kind: &'static str,
    pub legal_name: &'a str,
    pub trading_name: Option<&'a str>,
    /// ISO 3166-1 alpha-2.
    #[schema(example = "PK")]
    pub country: &'static str,
    /// ISO 3166-2.
    pub region: Option<&'static str>,
    pub city: Option<&'a str>,
    pub year_founded: Option<i32>,
    #[schema(example = "50-249")]
    pub size_band: Option<&'static str>,
    pub website: Option<&'a str>,
    pub description: Option<&'a str>,
    /// NAICS 2022 codes.
    pub industries: Vec<&'static str>,
    /// HS 2022 headings or subheadings.
    pub exports: Vec<&'static str>,
    pub imports: Vec<&'static str>,
    pub certifications: Vec<&'a str>,
    /// ISO 639-1 codes.
    pub languages: Vec<&'static str>,
    /// Generated demo data.
    pub demo: bool,
}

impl<'a> From<&'a NewOrganisation> for DetailsJson<'a> {
    fn from(d: &'a NewOrganisation) -> Self {
        // Destructured whole, so a new profile field cannot be left out of the API unnoticed.
        let NewOrganisation {
            kind,
            legal_name,
            trading_name,
            country,
            region,
            city,
            year_founded,
            size_band,
            website,
            description,
            industries,
            exports,
            imports,
            certifications,
            languages,
            demo,
        } = d;
        DetailsJson {
            kind: kind.as_str(),
            legal_name: legal_name.as_str(),
            trading_name: trading_name.as_ref().map(|n| n.as_str()),
            country: country.as_str(),
            region: region.map(|r| r.as_str()),
            city: city.as_ref().map(|c| c.as_str()),
            year_founded: year_founded.map(|y| y.get()),
            size_band: size_band.map(|s| s.as_str()),
            website: website.as_ref().map(|w| w.as_str()),
            description: description.as_ref().map(|d| d.as_str()),
            industries: industries.iter().map(|c| c.as_str()).collect(),
            exports: exports.iter().map(|c| c.as_str()).collect(),
            imports: imports.iter().map(|c| c.as_str()).collect(),
            certifications: certifications.iter().map(|c| c.as_str()).collect(),
            languages: languages.iter().map(|l| l.as_str()).collect(),
            demo: *demo,
        }
    }
}

/// An organisation of the directory.
#[derive(Serialize, ToSchema)]
#[schema(as = Organisation)]
pub struct OrganisationJson<'a> {
    #[schema(value_type = uuid::Uuid)]
    pub id: OrganisationId,
    pub verification: VerificationJson,
    #[serde(flatten)]
    pub details: DetailsJson<'a>,
}

impl<'a> From<&'a Organisation> for OrganisationJson<'a> {
    fn from(o: &'a Organisation) -> Self {
        OrganisationJson {
            id: o.id,
            verification: VerificationJson::of(&o.verification, is_verified(o)),
            details: (&o.details).into(),
        }
    }
}

/// A person's private contact details.
#[derive(Serialize, ToSchema)]
#[schema(as = Contact)]
pub struct ContactJson<'a> {
    pub email: Option<&'a str>,
    /// E.164, e.g. `+92519201234`.
    pub phone: Option<&'a str>,
    pub profile_url: Option<&'a str>,
}

impl<'a> From<&'a ContactDetails> for ContactJson<'a> {
    fn from(c: &'a ContactDetails) -> Self {
        ContactJson {
            email: c.email.as_ref().map(|e| e.as_str()),
            phone: c.phone.as_ref().map(|p| p.as_str()),
            profile_url: c.profile_url.as_ref().map(|u| u.as_str()),
        }
    }
}

/// A person of the directory.
#[derive(Serialize, ToSchema)]
#[schema(as = Person)]
pub struct PersonJson<'a> {
    #[schema(value_type = uuid::Uuid)]
    pub id: PersonId,
    pub name: &'a str,
    pub title: Option<&'a str>,
    #[schema(value_type = Option<uuid::Uuid>)]
    pub organisation: Option<OrganisationId>,
    #[schema(example = "official")]
    pub kind: &'static str,
    pub expertise_industries: Vec<&'static str>,
    pub expertise_products: Vec<&'static str>,
    pub tags: Vec<&'a str>,
    pub languages: Vec<&'static str>,
    /// IANA time zone.
    pub time_zone: Option<String>,
    pub demo: bool,
    /// Present only for the person, the owners of their organisation, organisers and admins.
    pub contact: Option<ContactJson<'a>>,
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
            contact: v.contact.as_ref().map(ContactJson::from),
        }
    }
}

/// An organisation's profile with its people and what the caller may do next.
#[derive(Serialize, ToSchema)]
#[schema(as = OrganisationProfile)]
pub struct ProfileJson<'a> {
    #[serde(flatten)]
    pub organisation: OrganisationJson<'a>,
    pub people: Vec<PersonJson<'a>>,
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

/// A page of organisations.
#[derive(Serialize, ToSchema)]
#[schema(as = OrganisationPage)]
pub struct ListJson<'a> {
    /// Matches in all pages.
    pub total: u64,
    pub offset: u32,
    pub limit: u32,
    pub items: Vec<OrganisationJson<'a>>,
}

/// The organisation a listed person works for, with its badge.
#[derive(Serialize, ToSchema)]
#[schema(as = PersonOrganisation)]
pub struct PersonOrganisationJson<'a> {
    #[schema(value_type = uuid::Uuid)]
    pub id: OrganisationId,
    pub legal_name: &'a str,
    pub verified: bool,
    #[schema(example = "submitted")]
    pub verification_state: &'static str,
}

/// A person of a listing, with their organisation.
#[derive(Serialize, ToSchema)]
#[schema(as = PersonListing)]
pub struct PersonListingJson<'a> {
    #[serde(flatten)]
    pub person: PersonJson<'a>,
    pub organisation_details: Option<PersonOrganisationJson<'a>>,
}

impl<'a> From<&'a PersonListing> for PersonListingJson<'a> {
    fn from(listing: &'a PersonListing) -> Self {
        PersonListingJson {
            person: PersonJson::from(&listing.view),
            organisation_details: listing
                .organisation
                .as_ref()
                .map(|o| PersonOrganisationJson {
                    id: o.id,
                    legal_name: o.details.legal_name.as_str(),
                    verified: is_verified(o),
                    verification_state: o.verification.state.as_str(),
                }),
        }
    }
}

/// A page of people.
#[derive(Serialize, ToSchema)]
#[schema(as = PeoplePage)]
pub struct PeopleJson<'a> {
    /// Matches in all pages.
    pub total: u64,
    pub offset: u32,
    pub limit: u32,
    pub items: Vec<PersonListingJson<'a>>,
}

/// The review queue (no paging fields: it is short by nature).
#[derive(Serialize, ToSchema)]
#[schema(as = ReviewQueue)]
pub struct QueueJson<'a> {
    pub total: u64,
    pub items: Vec<OrganisationJson<'a>>,
}

/// One entry of an audit log.
#[derive(Serialize, ToSchema)]
#[schema(as = AuditEntry)]
pub struct AuditJson<'a> {
    /// RFC 3339.
    pub at: String,
    pub actor: Option<&'a str>,
    #[schema(example = "verification.approve")]
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

/// An organisation's audit log, newest first.
#[derive(Serialize, ToSchema)]
#[schema(as = AuditLog)]
pub struct AuditLogJson<'a> {
    pub items: Vec<AuditJson<'a>>,
}

/// What is known about an uploaded document (its bytes are downloaded separately).
#[derive(Serialize, ToSchema)]
#[schema(as = Document)]
pub struct DocumentJson<'a> {
    pub file_name: &'a str,
    /// Sniffed from the content: `application/pdf`, `image/png` or `image/jpeg`.
    pub content_type: &'a str,
    pub size: u64,
    /// Lower-case hex.
    pub sha256: &'a str,
}

/// One piece of verification evidence.
#[derive(Serialize, ToSchema)]
#[schema(as = Evidence)]
pub struct EvidenceJson<'a> {
    pub id: uuid::Uuid,
    /// `registration_number`, `tax_number`, `website` or `document`.
    pub kind: &'static str,
    /// The number or address; absent for documents.
    pub value: Option<&'a str>,
    /// The document; absent for typed-in evidence.
    pub document: Option<DocumentJson<'a>>,
    /// RFC 3339.
    pub added_at: String,
}

impl<'a> From<&'a Evidence> for EvidenceJson<'a> {
    fn from(e: &'a Evidence) -> Self {
        let (value, document) = match &e.item {
            EvidenceItem::RegistrationNumber(v)
            | EvidenceItem::TaxNumber(v)
            | EvidenceItem::Website(v) => (Some(v.as_str()), None),
            EvidenceItem::Document(d) => (
                None,
                Some(DocumentJson {
                    file_name: &d.file_name,
                    content_type: &d.content_type,
                    size: d.size_bytes,
                    sha256: &d.sha256,
                }),
            ),
        };
        EvidenceJson {
            id: e.id,
            kind: e.item.kind(),
            value,
            document,
            added_at: e.added_at.to_rfc3339(),
        }
    }
}

/// An organisation's evidence, oldest first.
#[derive(Serialize, ToSchema)]
#[schema(as = EvidenceList)]
pub struct EvidenceListJson<'a> {
    pub items: Vec<EvidenceJson<'a>>,
}

/// What an import stored.
#[derive(Serialize, ToSchema)]
#[schema(as = Imported)]
pub struct ImportedJson {
    pub imported: usize,
    /// The new records' ids, in file order.
    #[schema(value_type = Vec<uuid::Uuid>)]
    pub ids: Vec<String>,
}

impl ImportedJson {
    pub fn of<T: ToString>(ids: &[T]) -> Self {
        ImportedJson {
            imported: ids.len(),
            ids: ids.iter().map(ToString::to_string).collect(),
        }
    }
}
