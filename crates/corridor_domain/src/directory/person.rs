//! People: the form input, the validated profile, private contact details.

use serde::{Deserialize, Serialize};

use super::check::{Check, hs_at, or_blank, strings};
use super::error::FieldErrors;
use super::{Email, LanguageCode, Name, OrganisationId, PersonId, PersonKind, Phone, WebUrl};
use crate::codes::{HsCode, NaicsCode, TimeZoneName};

/// What a form, a JSON object or a CSV row carries for a person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PersonInput {
    pub name: String,
    pub title: String,
    /// The organisation's id (a UUID), if the person belongs to one.
    pub organisation_id: String,
    pub kind: String,
    pub expertise_industries: Vec<String>,
    pub expertise_products: Vec<String>,
    pub tags: Vec<String>,
    pub languages: Vec<String>,
    pub time_zone: String,
    pub email: String,
    pub phone: String,
    pub profile_url: String,
    pub demo: bool,
}

/// How to reach a person. Kept apart from the public profile so that
/// showing it is always a deliberate act of the caller (the app decides who
/// may see it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ContactDetails {
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    /// A LinkedIn-style public profile page.
    pub profile_url: Option<WebUrl>,
}

/// A validated person without an id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewPerson {
    pub name: Name,
    pub title: Option<Name>,
    pub organisation: Option<OrganisationId>,
    pub kind: PersonKind,
    /// NAICS 2022 codes at any level.
    pub expertise_industries: Vec<NaicsCode>,
    /// HS 2022 chapters, headings or subheadings.
    pub expertise_products: Vec<HsCode>,
    /// Free expertise tags, e.g. "halal certification".
    pub tags: Vec<Name>,
    pub languages: Vec<LanguageCode>,
    pub time_zone: Option<TimeZoneName>,
    pub contact: ContactDetails,
    pub demo: bool,
}

/// A person in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: PersonId,
    pub details: NewPerson,
}

/// Expertise may be broader than trade: an expert in "52: cotton" is useful.
const EXPERTISE_LEVELS: [&str; 3] = ["chapter", "heading", "subheading"];
const EXPERTISE_HINT: &str = "a chapter (2 digits), heading (4) or subheading (6)";

impl PersonInput {
    /// Checks every field and reports every problem.
    pub fn validate(&self) -> Result<NewPerson, FieldErrors> {
        let mut c = Check::default();
        let name = c.required("name", &self.name, Name::parse);
        let title = c.optional("title", &self.title, Name::parse);
        let organisation = c.optional("organisation_id", &self.organisation_id, |s| {
            s.parse::<OrganisationId>()
                .map_err(|_| format!("{:?} is not an organisation id (a UUID)", s.trim()))
        });
        let kind = c.required("kind", &self.kind, PersonKind::parse);
        let expertise_industries = c.list(
            "expertise_industries",
            &self.expertise_industries,
            NaicsCode::parse,
        );
        let expertise_products = c.list("expertise_products", &self.expertise_products, |s| {
            hs_at(s, &EXPERTISE_LEVELS, EXPERTISE_HINT)
        });
        let tags = c.list("tags", &self.tags, Name::parse);
        let languages = c.list("languages", &self.languages, LanguageCode::parse);
        let time_zone = c.optional("time_zone", &self.time_zone, TimeZoneName::parse);
        let contact = ContactDetails {
            email: c.optional("email", &self.email, Email::parse),
            phone: c.optional("phone", &self.phone, Phone::parse),
            profile_url: c.optional("profile_url", &self.profile_url, WebUrl::parse),
        };
        c.finish(|| {
            Some(NewPerson {
                name: name?,
                title,
                organisation,
                kind: kind?,
                expertise_industries,
                expertise_products,
                tags,
                languages,
                time_zone,
                contact,
                demo: self.demo,
            })
        })
    }
}

/// The input that validates back to the same person (used by export).
impl From<&NewPerson> for PersonInput {
    fn from(p: &NewPerson) -> Self {
        PersonInput {
            name: p.name.to_string(),
            title: or_blank(&p.title),
            organisation_id: or_blank(&p.organisation),
            kind: p.kind.as_str().to_owned(),
            expertise_industries: strings(&p.expertise_industries),
            expertise_products: strings(&p.expertise_products),
            tags: strings(&p.tags),
            languages: strings(&p.languages),
            time_zone: or_blank(&p.time_zone),
            email: or_blank(&p.contact.email),
            phone: or_blank(&p.contact.phone),
            profile_url: or_blank(&p.contact.profile_url),
            demo: p.demo,
        }
    }
}
